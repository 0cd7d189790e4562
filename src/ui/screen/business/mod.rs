//! Settings → Business: the business's name, language, alarms and defect categories, its
//! people, and one's own PIN. Owners change the business and its people and save them
//! together; staff see them. Everyone sets their own PIN, saved at once.

mod form;
mod people;
mod pin;
mod say;
mod view;
mod words;

use std::time::Instant;

use crate::model::{Language, PeopleError, Records, Role, Workspace, category_name};
use crate::ui::history::History;
use crate::ui::request::{Record, Request, Saved};
use crate::ui::screen::{Context, Unsaved};
use form::Draft;
pub use form::{CategoryRefusal, Invalid};
pub use pin::{PinChange, PinNote, Secret};
pub use words::BusinessWords;

/// The business screen.
#[derive(Debug, Default)]
pub struct Business {
    /// The business being changed; `None` while it is as saved.
    draft: Option<Draft>,
    /// The name of a category being added.
    new_category: String,
    /// The category being renamed, and its name as typed.
    renaming: Option<(usize, String)>,
    /// The name of a person being added.
    new_person: String,
    /// Who is being marked as left, and the day as typed.
    leaving: Option<(String, String)>,
    /// The PINs being typed.
    pin: pin::PinForm,
    /// What the last action came to, and where to say it.
    note: Option<(Area, Note)>,
    /// The business as it was before each change since the last save, for undo.
    history: History<Draft>,
}

/// Where on the screen a note is shown: beside what it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Business,
    Categories,
    People,
    Pin,
}

/// What the screen says after an action: done, or why not.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    People(PeopleError),
    Category(CategoryRefusal),
    Invalid(Invalid),
    NotADate(String),
    Pin(PinNote),
    Saved,
    SaveFailed(String),
    TookDisk,
}

/// What the user did.
#[derive(Debug, Clone)]
pub enum Message {
    Name(String),
    Language(Language),
    Alarm(String),
    Count(String),
    Days(String),
    NewCategory(String),
    AddCategory,
    Rename(usize),
    Renamed(String),
    RenameDone,
    RemoveCategory(usize),
    CancelCategory,
    NewPerson(String),
    AddPerson,
    Role(String, Role),
    Leaving(String),
    LeftOn(String),
    LeftDone,
    /// Marks the person as left on the day typed.
    Left(String, String),
    CancelLeaving,
    Back(String),
    RemovePerson(String),
    ClearPin(String),
    Pin(pin::Field, Secret),
    SetPin,
    Save,
    Discard,
    Undo,
    Redo,
    Saved(Saved),
    PinSaved(PinChange, Saved),
}

impl Business {
    /// Handles a message.
    pub fn update(&mut self, message: Message, ctx: &Context) -> Request<Message> {
        let may_change = ctx.is_owner() && !ctx.read_only;
        match message {
            Message::Pin(field, typed) => self.pin.set(field, typed),
            Message::SetPin if !ctx.read_only => return self.set_pin(ctx, Instant::now()),
            Message::ClearPin(id) if may_change => return self.clear_pin(&id, ctx),
            Message::PinSaved(change, saved) => self.pin_saved(change, saved),
            Message::Saved(saved) => self.saved(saved),
            Message::Discard => {
                self.forget();
                self.renaming = None;
                self.leaving = None;
                self.note = None;
            }
            Message::Save if may_change => return self.save(),
            Message::Undo if may_change => self.step(ctx, false),
            Message::Redo if may_change => self.step(ctx, true),
            message if may_change => self.remembered(message, ctx),
            _ => {}
        }
        Request::None
    }

    /// Work not saved yet, named by the business.
    pub fn unsaved(&self) -> Option<Unsaved> {
        let draft = self.draft.as_ref().filter(|d| d.is_changed())?;
        Some(Unsaved::Record(draft.base.name.clone()))
    }

    /// The message that saves the business, while it is changed.
    pub fn save_message(&self) -> Option<Message> {
        self.unsaved().map(|_| Message::Save)
    }

    /// The workspace was read again: fields open on what may have changed close.
    pub fn refresh(&mut self, ctx: &Context) {
        if self.unsaved().is_none() {
            self.draft = None;
        }
        let staff = &ctx.records.workspace;
        if let Some((id, _)) = &self.leaving
            && staff.person(id).is_none()
        {
            self.leaving = None;
        }
        self.renaming = None;
    }

    /// The workspace as shown: the one being changed, or as saved.
    fn shown<'a>(&'a self, ctx: &Context<'a>) -> &'a Workspace {
        self.draft
            .as_ref()
            .map_or(&ctx.records.workspace, |d| &d.workspace)
    }

    fn tell(&mut self, area: Area, note: Note) {
        self.note = Some((area, note));
    }

    /// The business as being changed, or as saved.
    fn current(&self, ctx: &Context) -> Draft {
        (self.draft.clone()).unwrap_or_else(|| Draft::of(&ctx.records.workspace))
    }

    /// Makes a change, remembering the business as it was for undo; typing in one field
    /// is one step.
    fn remembered(&mut self, message: Message, ctx: &Context) {
        let field = match &message {
            Message::Name(_) => Some("name"),
            Message::Alarm(_) => Some("alarm"),
            Message::Count(_) => Some("count"),
            Message::Days(_) => Some("days"),
            _ => None,
        };
        let before = self.current(ctx);
        self.edit(message, ctx);
        if self.current(ctx) != before {
            self.history.record(&before, field);
        }
    }

    /// Undoes the last change, or with `redo` does it again.
    fn step(&mut self, ctx: &Context, redo: bool) {
        let mut current = self.current(ctx);
        let moved = if redo {
            self.history.redo(&mut current)
        } else {
            self.history.undo(&mut current)
        };
        if moved {
            self.draft = Some(current);
            self.renaming = None;
            self.leaving = None;
            self.settle(Ok(()));
        }
    }

    /// Lets go of the changes and their history: discarded, saved, or taken from disk.
    fn forget(&mut self) {
        self.draft = None;
        self.history = History::default();
    }

    /// A change to the business or its people, made on the draft.
    fn edit(&mut self, message: Message, ctx: &Context) {
        let Some(message) = self.typing(message, ctx) else {
            return;
        };
        let records = ctx.records;
        let draft = draft_of(&mut self.draft, records);
        match message {
            Message::Name(name) => draft.workspace.name = name,
            Message::Language(language) => draft.workspace.language = language.code().into(),
            Message::Alarm(text) => draft.alarm = text,
            Message::Count(text) => draft.count = text,
            Message::Days(text) => draft.days = text,
            Message::AddCategory => {
                let added = draft.add_category(&self.new_category);
                if added.is_ok() {
                    self.new_category.clear();
                }
                return self.settle(added.map_err(|e| (Area::Categories, Note::Category(e))));
            }
            Message::Rename(index) => {
                // A used category is refused at once, before anything is typed.
                let used = draft.unused(index, records);
                let name = (draft.workspace.defect_categories.get(index))
                    .map(|c| category_name(c, ctx.language).to_owned());
                self.renaming = name.filter(|_| used.is_ok()).map(|name| (index, name));
                return self.settle(used.map_err(|e| (Area::Categories, Note::Category(e))));
            }
            Message::RenameDone => {
                let Some((index, name)) = self.renaming.take() else {
                    return;
                };
                let renamed = draft.rename_category(index, &name, records);
                return self.settle(renamed.map_err(|e| (Area::Categories, Note::Category(e))));
            }
            Message::RemoveCategory(index) => {
                let removed = draft.remove_category(index, records);
                return self.settle(removed.map_err(|e| (Area::Categories, Note::Category(e))));
            }
            other => {
                let changed = people::change(draft, other, ctx, &mut self.new_person);
                if changed.is_ok() {
                    self.leaving = None;
                }
                return self.settle(changed.map_err(|e| (Area::People, e)));
            }
        }
        self.settle(Ok(()));
    }

    /// Handles what only changes a field being typed; hands other messages back.
    fn typing(&mut self, message: Message, ctx: &Context) -> Option<Message> {
        match message {
            Message::NewCategory(text) => self.new_category = text,
            Message::Renamed(text) => {
                if let Some((_, name)) = &mut self.renaming {
                    *name = text;
                }
            }
            Message::CancelCategory => self.renaming = None,
            Message::NewPerson(text) => self.new_person = text,
            Message::Leaving(id) => self.leaving = Some((id, ctx.today.to_string())),
            Message::LeftOn(text) => {
                if let Some((_, day)) = &mut self.leaving {
                    *day = text;
                }
            }
            Message::CancelLeaving => self.leaving = None,
            Message::LeftDone => {
                let (id, day) = self.leaving.clone()?;
                return Some(Message::Left(id, day));
            }
            other => return Some(other),
        }
        None
    }

    /// Says what came of a change, and lets go of a draft typed back to what was saved.
    fn settle(&mut self, outcome: Result<(), (Area, Note)>) {
        self.note = outcome.err();
        if self.draft.as_ref().is_some_and(|d| !d.is_changed()) {
            self.draft = None;
        }
    }

    /// Saves the business as changed.
    fn save(&mut self) -> Request<Message> {
        let Some(draft) = &self.draft else {
            return Request::None;
        };
        match draft.finished() {
            Ok(workspace) => Request::save(Record::Workspace(Box::new(workspace)), Message::Saved),
            Err(invalid) => {
                self.tell(Area::Business, Note::Invalid(invalid));
                Request::None
            }
        }
    }

    fn saved(&mut self, saved: Saved) {
        let note = match saved {
            Saved::Done => {
                self.forget();
                Note::Saved
            }
            Saved::Failed(why) => Note::SaveFailed(why),
            Saved::TookDisk(_) => {
                self.forget();
                Note::TookDisk
            }
        };
        self.tell(Area::Business, note);
    }
}

/// The draft of `business`, begun from the workspace as saved when there is none.
fn draft_of<'a>(business: &'a mut Option<Draft>, records: &Records) -> &'a mut Draft {
    business.get_or_insert_with(|| Draft::of(&records.workspace))
}
