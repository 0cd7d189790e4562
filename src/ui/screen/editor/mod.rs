//! The editor the procedures and checklists screens both are: the list of records beside
//! a form, saving on leaving, undo and redo, approval, retirement, deletion, and the
//! archived revisions. Each screen brings its [`Form`]: its record's own fields and lines.

mod form;
mod notice;
mod save;
mod view;

pub use form::{Filed, Form};
pub use notice::Notice;
pub use save::SaveRequest;
pub use view::{fields_and_lines, line_row};

use super::revision::{After, Dialog, Direction};
use super::{Context, Unsaved};
use crate::model::{PinRefused, Revised, Status};
use crate::ui::history::History;
use crate::ui::request::{Request, Saved};

/// A records screen: the list, and the record open in its form.
#[derive(Debug)]
pub struct Editor<F: Form> {
    selected: Option<String>,
    open: Option<Open<F>>,
    viewing: Option<F::Record>,
    dialog: Option<Dialog>,
    message: Option<Notice>,
    line: Option<usize>,
    /// The save the app is carrying out, to carry on from once it is done.
    saving: Option<Box<SaveRequest<F>>>,

    /// Why the PIN typed last in a dialog was not taken.
    pin_refused: Option<PinRefused>,
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
            saving: None,
            pin_refused: None,
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
    /// Whether staff must read the revision being approved again.
    Retrain(bool),
    ConfirmApprove,
    /// The signer's PIN, typed in the approve or retire dialog.
    SignPin(String),
    /// Retire, signed with the owner's PIN.
    ConfirmRetire,
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
    /// A line above the form: why something the app did for the form failed.
    Tell(String),
    /// How the save asked for last went.
    Saved(Saved),
    /// The open record's file is deleted, or why not.
    Deleted(Result<(), String>),
}

/// What an editor of `F` asks the app for, answered in its own messages.
pub type Asked<F> = Request<Message<<F as Form>::Edit>>;

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
        self.message = Some(Notice::Said(message));
    }

    /// The app deleted the open record.
    fn deleted(&mut self) {
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
    pub fn update(&mut self, message: Message<F::Edit>, ctx: &Context<'_>) -> Asked<F> {
        let action = self.handle(message, ctx);
        if let Some(open) = &mut self.open {
            open.form.sync_inputs(&mut open.inputs);
        }
        action
    }

    fn handle(&mut self, message: Message<F::Edit>, ctx: &Context<'_>) -> Asked<F> {
        match message {
            Message::Select(id) => {
                // Picking the open record again goes back from an archived revision to it.
                if self.selected.as_deref() == Some(id.as_str()) && self.open.is_some() {
                    self.viewing = None;
                    return Request::None;
                }
                // Leaving an edited record saves it.
                self.leave(ctx, After::Select(id))
            }
            Message::New => self.leave(ctx, After::New),
            Message::Save => self.leave(ctx, After::Stay),
            Message::Undo => self.step_history(false),
            Message::Redo => self.step_history(true),
            Message::AskApprove => self.ask_approve(ctx),
            Message::ApproveNote(note) => {
                if let Some(Dialog::Approve { note: current, .. }) = &mut self.dialog {
                    *current = note;
                }
                Request::None
            }
            Message::Retrain(choice) => {
                if let Some(Dialog::Approve { retrain, .. }) = &mut self.dialog {
                    *retrain = choice;
                }
                Request::None
            }
            Message::ConfirmApprove => self.approve(ctx),
            Message::SignPin(typed) => {
                if let Some(Dialog::Approve { pin, .. } | Dialog::Retire { pin }) = &mut self.dialog
                {
                    *pin = typed;
                }
                Request::None
            }
            Message::ConfirmRetire => self.confirm_retire(ctx),
            Message::AskDelete => self.ask_delete(),
            Message::ConfirmDelete => self.confirm_delete(),
            Message::Retire => self.retire(ctx),
            Message::CloseDialog => {
                self.dialog = None;
                Request::None
            }
            Message::ShowRevision(revision) => self.show_revision(revision, ctx),
            Message::BackToCurrent => {
                self.viewing = None;
                Request::None
            }
            Message::SelectLine(index) => {
                self.line = Some(index);
                Request::None
            }
            Message::AddLine => self.edit(Undoable::AddLine, ctx),
            Message::DeleteLine(index) => self.edit(Undoable::DeleteLine(index), ctx),
            Message::MoveLine(index, direction) => {
                self.edit(Undoable::MoveLine(index, direction), ctx)
            }
            Message::Tell(message) => {
                self.message = Some(Notice::Said(message));
                Request::None
            }
            Message::Saved(outcome) => self.after_save(outcome, ctx),
            Message::Deleted(Ok(())) => {
                self.deleted();
                Request::None
            }
            Message::Deleted(Err(error)) => {
                self.message = Some(Notice::Said(error));
                Request::None
            }
            Message::Edit(edit) => self.edit_form(edit, ctx),
        }
    }

    /// Undo (or, `redo`, redo) one step of the open record's history.
    fn step_history(&mut self, redo: bool) -> Asked<F> {
        if let Some(open) = &mut self.open {
            let moved = if redo {
                open.history.redo(&mut open.form)
            } else {
                open.history.undo(&mut open.form)
            };
            // Back to a change of a record approved since: that is a new draft.
            if moved && open.form != open.original {
                open.form.start_editing();
            }
        }
        // The selected line may be gone, or another line now.
        self.line = None;
        Request::None
    }

    /// Opens the approve dialog, for an owner only.
    fn ask_approve(&mut self, ctx: &Context<'_>) -> Asked<F> {
        if !ctx.is_owner() {
            self.refuse();
            return Request::None;
        }
        self.pin_refused = None;
        self.dialog = Some(Dialog::Approve {
            note: String::new(),
            pin: String::new(),
            // A new revision is read again unless the owner says it need not be.
            retrain: true,
        });
        Request::Focus("approve-note".to_owned())
    }

    /// Opens the delete dialog, for a saved draft that was never approved.
    fn ask_delete(&mut self) -> Asked<F> {
        let Some(open) = &self.open else {
            return Request::None;
        };
        if open.form.is_new() {
            return Request::None;
        }
        let base = open.original.base();
        if *base.status() != Status::Draft || base.revision() > 1 {
            self.message = Some(Notice::CannotDeleteApproved);
            return Request::None;
        }
        self.dialog = Some(Dialog::Delete);
        Request::None
    }

    /// Asks the app to delete the open record's file.
    fn confirm_delete(&mut self) -> Asked<F> {
        self.dialog = None;
        // The editor stays open until the app has deleted the file: if it cannot,
        // the record is still there to see, with the reason above it.
        match &self.open {
            Some(open) if !open.form.is_new() => Request::Delete {
                record: open.original.base().clone().filed(),
                reply: Box::new(Message::Deleted),
            },
            _ => Request::None,
        }
    }

    /// Shows an archived revision of the selected record.
    fn show_revision(&mut self, revision: u32, ctx: &Context<'_>) -> Asked<F> {
        let id = self.selected.clone().unwrap_or_default();
        self.viewing = F::Record::archived(ctx.records)
            .iter()
            .find(|r| r.id() == id && r.revision() == revision)
            .cloned();
        Request::None
    }

    /// A change in the form: the form may ask the app first, else it is an undoable edit.
    fn edit_form(&mut self, edit: F::Edit, ctx: &Context<'_>) -> Asked<F> {
        let Some(open) = &mut self.open else {
            return Request::None;
        };
        if let Some(request) = open.form.ask(&edit, ctx) {
            return request;
        }
        let Some(edit) = F::input(edit, &mut open.inputs, &mut self.line, ctx.read_only) else {
            return Request::None;
        };
        // An input may turn into an edit the app must act on first (a typed file path).
        if let Some(request) = open.form.ask(&edit, ctx) {
            return request;
        }
        self.edit(Undoable::Form(edit), ctx)
    }

    fn refuse(&mut self) {
        self.message = Some(Notice::OnlyOwnerApproves);
    }

    /// Applies an edit to the form, remembering the state before it for undo.
    fn edit(&mut self, edit: Undoable<F::Edit>, ctx: &Context<'_>) -> Asked<F> {
        let Some(open) = &mut self.open else {
            return Request::None;
        };
        if ctx.read_only {
            return Request::None;
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
        // A message above the form stays while the user types: taking it away would move
        // the field being typed in up under the pointer. The next save, or another record,
        // replaces it.
        match focus {
            Some(index) => Request::Focus(F::line_input_id(index)),
            None => Request::None,
        }
    }

    /// What moving the selected line means, from the keyboard; nothing without one.
    pub fn move_message(&self, direction: Direction) -> Option<Message<F::Edit>> {
        self.line.map(|index| Message::MoveLine(index, direction))
    }
}

#[cfg(test)]
mod tests;
