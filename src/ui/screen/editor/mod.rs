//! The editor the procedures and checklists screens both are: the list of records beside
//! a form, saving on leaving, undo and redo, approval, retirement, deletion, and the
//! archived revisions. Each screen brings its [`Form`]: its record's own fields and lines.

mod form;
mod save;
mod view;

pub use form::{Filed, Form};
pub use save::SaveRequest;
pub use view::{fields_and_lines, line_row};

use super::revision::{After, Dialog, Direction};
use super::{Context, Unsaved};
use crate::model::{Revised, Status};
use crate::ui::history::History;
use crate::ui::text::fill;

/// A records screen: the list, and the record open in its form.
#[derive(Debug)]
pub struct Editor<F: Form> {
    selected: Option<String>,
    open: Option<Open<F>>,
    viewing: Option<F::Record>,
    dialog: Option<Dialog>,
    message: Option<String>,
    line: Option<usize>,
}

impl<F: Form> Default for Editor<F> {
    fn default() -> Self {
        Editor {
            selected: None,
            open: None,
            viewing: None,
            dialog: None,
            message: None,
            line: None,
        }
    }
}

/// A record open for editing.
#[derive(Debug)]
struct Open<F: Form> {
    form: F,
    original: F,
    history: History<F>,
    inputs: F::Inputs,
}

impl<F: Form> Open<F> {
    fn new(form: F) -> Self {
        let mut inputs = F::Inputs::default();
        form.sync_inputs(&mut inputs);
        Open {
            original: form.clone(),
            form,
            history: History::default(),
            inputs,
        }
    }
}

/// What the user did on a records screen; `E` is a change to the record's own fields.
#[derive(Debug, Clone)]
pub enum Message<E> {
    Select(String),
    New,
    Save,
    Undo,
    Redo,
    AskApprove,
    ApproveNote(String),
    ConfirmApprove,
    AskDelete,
    ConfirmDelete,
    Retire,
    CloseDialog,
    ShowRevision(u32),
    BackToCurrent,
    /// A new line after the selected one, or at the end.
    AddLine,
    DeleteLine(usize),
    MoveLine(usize, Direction),
    SelectLine(usize),
    Edit(E),
}

/// What the app should do for the screen.
#[derive(Debug)]
pub enum Action<F: Form> {
    /// Nothing.
    None,
    /// Save a record.
    Save(Box<SaveRequest<F>>),
    /// Delete a never-approved draft.
    Delete(Box<F::Record>),
    /// Move keyboard focus to a field.
    Focus(String),
}

/// What changes the form and is remembered for undo.
enum Undoable<E> {
    AddLine,
    DeleteLine(usize),
    MoveLine(usize, Direction),
    Form(E),
}

impl<F: Form> Editor<F> {
    /// The selected record's id.
    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    /// Whether the open record has unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.open.as_ref().is_some_and(|o| o.form != o.original)
    }

    /// The open record, if it has unsaved changes.
    pub fn unsaved(&self) -> Option<Unsaved> {
        let open = self.open.as_ref().filter(|o| o.form != o.original)?;
        let title = [
            open.form.title(),
            open.original.title(),
            open.form.base().id(),
        ]
        .into_iter()
        .map(str::trim)
        .find(|title| !title.is_empty())
        .unwrap_or_default();
        Some(Unsaved::Record(title.to_owned()))
    }

    /// Whether a question (approve, delete) is open.
    pub fn is_asking(&self) -> bool {
        self.dialog.is_some()
    }

    /// The workspace was read again: a clean open record shows what its file holds now,
    /// with the same line selected and the same archived revision shown.
    pub fn refresh(&mut self, ctx: &Context<'_>) {
        if self.is_dirty() || self.dialog.is_some() {
            return;
        }
        let Some(id) = self.selected.clone() else {
            return;
        };
        let (line, viewing) = (self.line, self.viewing.as_ref().map(|r| r.revision()));
        self.open(ctx, &id);
        let Some(open) = &mut self.open else {
            // Its file is gone.
            self.selected = None;
            return;
        };
        let count = open.form.lines().len();
        self.line = line.filter(|line| *line < count);
        self.viewing = viewing.and_then(|revision| {
            F::Record::archived(ctx.records)
                .iter()
                .find(|r| r.id() == id && r.revision() == revision)
                .cloned()
        });
    }

    /// Shows a message above the form (a refusal, a failed save).
    pub fn tell(&mut self, message: String) {
        self.message = Some(message);
    }

    /// The app deleted the open record.
    pub fn deleted(&mut self) {
        self.open = None;
        self.selected = None;
        self.message = None;
    }

    /// Opens the current file of a record.
    pub fn open(&mut self, ctx: &Context<'_>, id: &str) {
        self.selected = Some(id.to_owned());
        self.viewing = None;
        self.dialog = None;
        self.line = None;
        self.open = F::Record::current(ctx.records)
            .iter()
            .find(|record| record.id() == id)
            .map(|record| Open::new(F::editing(record)));
    }

    fn start_new(&mut self, ctx: &Context<'_>) {
        self.selected = None;
        self.viewing = None;
        self.dialog = None;
        self.line = None;
        self.open = Some(Open::new(F::blank(ctx)));
    }

    /// Handles a message; returns what the app should do.
    pub fn update(&mut self, message: Message<F::Edit>, ctx: &Context<'_>) -> Action<F> {
        let action = self.handle(message, ctx);
        if let Some(open) = &mut self.open {
            open.form.sync_inputs(&mut open.inputs);
        }
        action
    }

    fn handle(&mut self, message: Message<F::Edit>, ctx: &Context<'_>) -> Action<F> {
        match message {
            Message::Select(id) => {
                // Picking the open record again goes back from an archived revision to it.
                if self.selected.as_deref() == Some(id.as_str()) && self.open.is_some() {
                    self.viewing = None;
                    return Action::None;
                }
                // Leaving an edited record saves it.
                self.leave(ctx, After::Select(id))
            }
            Message::New => self.leave(ctx, After::New),
            Message::Save => self.leave(ctx, After::Stay),
            Message::Undo | Message::Redo => {
                if let Some(open) = &mut self.open {
                    let moved = match message {
                        Message::Undo => open.history.undo(&mut open.form),
                        _ => open.history.redo(&mut open.form),
                    };
                    // Back to a change of a record approved since: that is a new draft.
                    if moved && open.form != open.original {
                        open.form.start_editing();
                    }
                }
                // The selected line may be gone, or another line now.
                self.line = None;
                Action::None
            }
            Message::AskApprove => {
                if !ctx.is_owner() {
                    self.refuse(ctx);
                    return Action::None;
                }
                self.dialog = Some(Dialog::Approve {
                    note: String::new(),
                });
                Action::Focus("approve-note".to_owned())
            }
            Message::ApproveNote(note) => {
                if let Some(Dialog::Approve { note: current }) = &mut self.dialog {
                    *current = note;
                }
                Action::None
            }
            Message::ConfirmApprove => self.approve(ctx),
            Message::AskDelete => {
                let Some(open) = &self.open else {
                    return Action::None;
                };
                if open.form.is_new() {
                    return Action::None;
                }
                let base = open.original.base();
                if *base.status() != Status::Draft || base.revision() > 1 {
                    self.message = Some(ctx.words.cannot_delete_approved.to_owned());
                    return Action::None;
                }
                self.dialog = Some(Dialog::Delete);
                Action::None
            }
            Message::ConfirmDelete => {
                self.dialog = None;
                // The editor stays open until the app has deleted the file: if it cannot,
                // the record is still there to see, with the reason above it.
                match &self.open {
                    Some(open) if !open.form.is_new() => {
                        Action::Delete(Box::new(open.original.base().clone()))
                    }
                    _ => Action::None,
                }
            }
            Message::Retire => {
                let Some(open) = &self.open else {
                    return Action::None;
                };
                if !ctx.is_owner() {
                    self.refuse(ctx);
                    return Action::None;
                }
                let mut record = open.original.base().clone();
                *record.parts().1 = Status::Retired { on: ctx.today };
                Action::Save(Box::new(SaveRequest {
                    record,
                    archive: None,
                    then: After::Stay,
                    form: Box::new(open.original.clone()),
                }))
            }
            Message::CloseDialog => {
                self.dialog = None;
                Action::None
            }
            Message::ShowRevision(revision) => {
                let id = self.selected.clone().unwrap_or_default();
                self.viewing = F::Record::archived(ctx.records)
                    .iter()
                    .find(|r| r.id() == id && r.revision() == revision)
                    .cloned();
                Action::None
            }
            Message::BackToCurrent => {
                self.viewing = None;
                Action::None
            }
            Message::SelectLine(index) => {
                self.line = Some(index);
                Action::None
            }
            Message::AddLine => self.edit(Undoable::AddLine, ctx),
            Message::DeleteLine(index) => self.edit(Undoable::DeleteLine(index), ctx),
            Message::MoveLine(index, direction) => {
                self.edit(Undoable::MoveLine(index, direction), ctx)
            }
            Message::Edit(edit) => {
                let Some(open) = &mut self.open else {
                    return Action::None;
                };
                match F::input(edit, &mut open.inputs, &mut self.line, ctx.read_only) {
                    Some(edit) => self.edit(Undoable::Form(edit), ctx),
                    None => Action::None,
                }
            }
        }
    }

    fn refuse(&mut self, ctx: &Context<'_>) {
        self.message = Some(fill(
            ctx.words.only_owner_approves,
            &[("owners", &ctx.owners())],
        ));
    }

    /// Applies an edit to the form, remembering the state before it for undo.
    fn edit(&mut self, edit: Undoable<F::Edit>, ctx: &Context<'_>) -> Action<F> {
        let Some(open) = &mut self.open else {
            return Action::None;
        };
        if ctx.read_only {
            return Action::None;
        }
        let field = match &edit {
            Undoable::Form(edit) => open.form.field(edit),
            _ => None,
        };
        let before = open.form.clone();
        open.form.start_editing();
        let form = &mut open.form;
        let mut focus = None;
        match edit {
            Undoable::AddLine => {
                let count = form.lines().len();
                let at = self.line.map_or(count, |i| (i + 1).min(count));
                let line = form.new_line();
                form.lines().insert(at, line);
                self.line = Some(at);
                focus = Some(at);
            }
            Undoable::DeleteLine(i) => {
                if i < form.lines().len() {
                    form.lines().remove(i);
                }
                self.line = None;
            }
            Undoable::MoveLine(i, direction) => {
                let lines = form.lines();
                let target = match direction {
                    Direction::Up => i.checked_sub(1),
                    Direction::Down => (i + 1 < lines.len()).then_some(i + 1),
                };
                if let Some(target) = target {
                    lines.swap(i, target);
                    self.line = Some(target);
                }
            }
            Undoable::Form(edit) => {
                if let Some(index) = form.apply(edit) {
                    self.line = Some(index);
                }
            }
        }
        if open.form == before {
            open.form = before;
        } else {
            open.history.record(&before, field.as_deref());
        }
        self.message = None;
        match focus {
            Some(index) => Action::Focus(F::line_input_id(index)),
            None => Action::None,
        }
    }

    /// Moves the selected line, from the keyboard.
    pub fn move_selected(&mut self, direction: Direction, ctx: &Context<'_>) -> Action<F> {
        match self.line {
            Some(index) => self.update(Message::MoveLine(index, direction), ctx),
            None => Action::None,
        }
    }
}

#[cfg(test)]
mod tests;
