//! The app's side of the procedure and checklist editors: their saves (archiving the
//! approved revision first), deletes, refused saves, and the keyboard shortcuts of
//! whichever screen is in front.

use iced::Task;
use iced::keyboard::{Key, Modifiers, key::Named};
use iced::widget::operation;

use super::{
    Command, Conflict, Desk, Message, SEARCH_ID, SECTIONS, SaveRequest, Section, context, counter,
};
use crate::model::DateTime;
use crate::store::{Archived, Folder, RecordFile, SaveError};
use crate::ui::screen::checklists::{self, ChecklistForm};
use crate::ui::screen::editor::{self, Editor, Form};
use crate::ui::screen::procedures::{self, ProcedureForm};
use crate::ui::screen::revision::{After, Direction};
use crate::ui::screen::{defects, orders};
use crate::ui::text::Text;

/// A form whose editor the desk keeps: where it is, and how its saves travel.
pub(super) trait OnDesk: Form<Record: RecordFile> {
    /// The desk's editor of this kind, beside the folder it reads.
    fn parts(desk: &mut Desk) -> (&mut Editor<Self>, &Folder);
    /// The desk's editor of this kind.
    fn editor(desk: &mut Desk) -> &mut Editor<Self> {
        Self::parts(desk).0
    }
    /// A save of this kind, as the app carries it through a conflict.
    fn request(request: editor::SaveRequest<Self>) -> SaveRequest;
}

impl OnDesk for ProcedureForm {
    fn parts(desk: &mut Desk) -> (&mut Editor<Self>, &Folder) {
        (&mut desk.procedures, &desk.folder)
    }

    fn request(request: procedures::SaveRequest) -> SaveRequest {
        SaveRequest::Procedure(request)
    }
}

impl OnDesk for ChecklistForm {
    fn parts(desk: &mut Desk) -> (&mut Editor<Self>, &Folder) {
        (&mut desk.checklists, &desk.folder)
    }

    fn request(request: checklists::SaveRequest) -> SaveRequest {
        SaveRequest::Checklist(request)
    }
}

impl Desk {
    /// Carries out what the procedure or checklist editor asked for.
    pub(super) fn editor_action<F: OnDesk>(
        &mut self,
        action: editor::Action<F>,
        words: &'static Text,
        me: Option<&str>,
        now: DateTime,
    ) -> Task<Message>
    where
        Archived<F::Record>: RecordFile,
    {
        match action {
            editor::Action::None => Task::none(),
            editor::Action::Focus(id) => operation::focus(id),
            editor::Action::Save(request) => {
                // The approved revision goes to the archive before the draft replaces it.
                if let Some(old) = &request.archive
                    && let Err(error) = self.folder.save(Archived(old.clone()))
                    && !matches!(error, SaveError::AlreadyExists { .. })
                {
                    F::editor(self).tell(error.to_string());
                    return Task::none();
                }
                let result = self.folder.save(request.record.clone());
                self.after_save(result, F::request(*request), words, me, now)
            }
            editor::Action::Delete(record) => {
                match self.folder.delete(record.as_ref()) {
                    Ok(()) => F::editor(self).deleted(),
                    Err(error) => F::editor(self).tell(error.to_string()),
                }
                Task::none()
            }
        }
    }

    /// A keyboard command for the procedure or checklist editor.
    pub(super) fn editor_command<F: OnDesk>(
        &mut self,
        command: Command,
        words: &'static Text,
        me: Option<&str>,
        now: DateTime,
    ) -> Task<Message>
    where
        Archived<F::Record>: RecordFile,
    {
        let (editor, folder) = F::parts(self);
        let ctx = context(folder, words, me, now);
        let message = match command {
            Command::Move(direction) => {
                let action = editor.move_selected(direction, &ctx);
                return self.editor_action(action, words, me, now);
            }
            Command::Save => editor::Message::Save,
            Command::Undo => editor::Message::Undo,
            Command::Redo => editor::Message::Redo,
            Command::New => editor::Message::New,
            Command::Delete => editor::Message::AskDelete,
            Command::Close => editor::Message::CloseDialog,
            Command::Check | Command::Defect | Command::Contact | Command::Step(_) => {
                return Task::none();
            }
        };
        let action = editor.update(message, &ctx);
        self.editor_action(action, words, me, now)
    }

    /// Shows a failed save in the editor that asked for it.
    pub(super) fn tell(&mut self, request: &SaveRequest, message: String) {
        match request {
            SaveRequest::Procedure(_) => self.procedures.tell(message),
            SaveRequest::Checklist(_) => self.checklists.tell(message),
            SaveRequest::Order(r) => match r.from {
                counter::From::Orders => self.orders.tell(message),
                counter::From::Defects => self.defects.tell(message),
            },
        }
    }

    pub(super) fn after_save(
        &mut self,
        result: Result<(), SaveError>,
        request: SaveRequest,
        words: &'static Text,
        me: Option<&str>,
        now: DateTime,
    ) -> Task<Message> {
        match result {
            Ok(()) => {
                // A file saved here over one changed elsewhere is the workspace's again.
                let folder = &self.folder;
                self.changed.retain(|file| folder.changed_on_disk(file));
                let ctx = context(&self.folder, words, me, now);
                let then = match &request {
                    SaveRequest::Order(r) => {
                        return counter::order_saved(&mut self.orders, &mut self.defects, r, &ctx);
                    }
                    SaveRequest::Procedure(r) => {
                        self.procedures.saved(&ctx, r);
                        &r.then
                    }
                    SaveRequest::Checklist(r) => {
                        self.checklists.saved(&ctx, r);
                        &r.then
                    }
                };
                if *then == After::New {
                    operation::focus("title")
                } else {
                    Task::none()
                }
            }
            Err(SaveError::ChangedOnDisk { path }) => {
                let disk = self.folder.disk_text(&path).unwrap_or_default();
                self.conflict = Some(Conflict {
                    mine: request.printed(),
                    disk,
                    relative: path,
                    request,
                });
                Task::none()
            }
            Err(error) => {
                self.tell(&request, error.to_string());
                Task::none()
            }
        }
    }

    pub(super) fn shortcut(
        &mut self,
        key: Key,
        modifiers: Modifiers,
        words: &'static Text,
        me: Option<&str>,
        now: DateTime,
    ) -> Task<Message> {
        let command = match (
            key.as_ref(),
            modifiers.command(),
            modifiers.shift(),
            modifiers.alt(),
        ) {
            // Tab walks the text fields, as in every form people know.
            (Key::Named(Named::Tab), false, shift, false) => {
                return if shift {
                    operation::focus_previous()
                } else {
                    operation::focus_next()
                };
            }
            (Key::Character("f"), true, _, _) => {
                if !matches!(
                    self.section,
                    Section::Procedures | Section::Checklists | Section::Orders | Section::Defects
                ) {
                    self.section = Section::Procedures;
                }
                return operation::focus(SEARCH_ID);
            }
            (Key::Character(digit), true, false, false)
                if SECTIONS.iter().any(|(d, _)| *d == digit) =>
            {
                if let Some((_, section)) = SECTIONS.iter().find(|(d, _)| *d == digit) {
                    self.show(*section, words, me, now);
                }
                return Task::none();
            }
            (Key::Character("s"), true, _, _) => Command::Save,
            (Key::Character("z"), true, false, _) => Command::Undo,
            (Key::Character("z"), true, true, _) | (Key::Character("y"), true, _, _) => {
                Command::Redo
            }
            (Key::Character("n"), true, _, _) => Command::New,
            (Key::Character("k"), true, _, _) => Command::Check,
            (Key::Character("d"), true, _, _) => Command::Defect,
            (Key::Character("l"), true, _, _) => Command::Contact,
            (Key::Named(Named::Delete), false, _, false) => Command::Delete,
            (Key::Named(Named::Escape), _, _, _) => Command::Close,
            (Key::Named(Named::ArrowUp), _, _, true) => Command::Move(Direction::Up),
            (Key::Named(Named::ArrowDown), _, _, true) => Command::Move(Direction::Down),
            (Key::Named(Named::ArrowUp), false, false, false) => Command::Step(Direction::Up),
            (Key::Named(Named::ArrowDown), false, false, false) => Command::Step(Direction::Down),
            _ => return Task::none(),
        };
        // While two versions of a file are shown side by side, the editor behind waits.
        if self.conflict.is_some() {
            return Task::none();
        }
        let ctx = context(&self.folder, words, me, now);
        match self.section {
            Section::Procedures => self.editor_command::<ProcedureForm>(command, words, me, now),
            Section::Checklists => self.editor_command::<ChecklistForm>(command, words, me, now),
            Section::Defects => {
                use defects::Message as M;
                let message = match command {
                    Command::Save => M::Save,
                    Command::Undo => M::Form(defects::form::Message::Undo),
                    Command::Redo => M::Form(defects::form::Message::Redo),
                    // Escape never throws typing away; the Discard button does, on purpose.
                    Command::Close if self.defects.is_dirty() => {
                        self.defects.tell(words.escape_keeps.to_owned());
                        return Task::none();
                    }
                    Command::Close => M::Discard,
                    _ => return Task::none(),
                };
                let action = self.defects.update(message, &ctx);
                self.defect_action(action, words, me, now)
            }
            Section::Orders => {
                use orders::Message as M;
                let message = match command {
                    Command::New => Some(M::New),
                    // Escape never throws work away; Cancel does, on purpose.
                    Command::Close if self.orders.unsaved_in_front() => {
                        self.orders.tell(words.escape_keeps.to_owned());
                        None
                    }
                    Command::Close => Some(M::Close),
                    Command::Save => self.orders.save_message(),
                    // Up and down walk the list, from the search field too, while no
                    // form is open on the order.
                    Command::Step(direction) if !self.orders.is_busy() => {
                        Some(M::Step(self.search.clone(), direction == Direction::Down))
                    }
                    Command::Undo => self.orders.undo_message(false),
                    Command::Redo => self.orders.undo_message(true),
                    Command::Check => Some(M::StartCheck),
                    Command::Defect => Some(M::NewDefect),
                    Command::Contact => Some(M::LogContact),
                    _ => None,
                };
                match message {
                    Some(message) => {
                        let action = self.orders.update(message, &ctx);
                        self.order_action(action, words, me, now)
                    }
                    None => Task::none(),
                }
            }
            _ => Task::none(),
        }
    }
}
