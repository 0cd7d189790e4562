//! Procedures: the list, the editor with steps and specs, revisions and approval.

mod form;
mod view;

pub use form::{ProcedureForm, SpecField, SpecForm, StepForm};

use crate::model::{ApproveError, Procedure, Status, approve};
use crate::ui::history::History;
use crate::ui::text::fill;

use super::Context;
use super::revision::Dialog;
pub use super::revision::{After, Direction};

/// The procedures screen.
#[derive(Debug, Default)]
pub struct Procedures {
    selected: Option<String>,
    editor: Option<Editor>,
    viewing: Option<Procedure>,
    dialog: Option<Dialog>,
    message: Option<String>,
    selected_step: Option<usize>,
}

/// A procedure open for editing.
#[derive(Debug)]
struct Editor {
    form: ProcedureForm,
    original: ProcedureForm,
    history: History<ProcedureForm>,
}

/// What the user did on the procedures screen.
#[derive(Debug, Clone)]
pub enum Message {
    Select(String),
    New,
    Title(String),
    Purpose(String),
    Scope(String),
    Owner(super::PersonChoice),
    ReviewBy(String),
    StepText(usize, String),
    StepWarning(usize, String),
    Spec(usize, SpecField, String),
    AddSpec(usize),
    RemoveSpec(usize),
    AddStep,
    DeleteStep(usize),
    MoveStep(usize, Direction),
    SelectStep(usize),
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
}

/// A save the app should carry out.
#[derive(Debug, Clone)]
pub struct SaveRequest {
    /// The record to write.
    pub record: Procedure,
    /// The approved revision it supersedes, to archive first if it is not archived yet.
    pub archive: Option<Procedure>,
    /// What to open once saved.
    pub then: After,
}

/// What the app should do for the screen.
#[derive(Debug)]
pub enum Action {
    /// Nothing.
    None,
    /// Save a procedure.
    Save(Box<SaveRequest>),
    /// Delete a never-approved draft.
    Delete(Box<Procedure>),
    /// Move keyboard focus to a field.
    Focus(String),
}

/// The widget id of a step's text field.
pub fn step_input_id(index: usize) -> String {
    format!("step-text-{index}")
}

impl Procedures {
    /// The selected procedure's id.
    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    /// Whether the open procedure has unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.editor.as_ref().is_some_and(|e| e.form != e.original)
    }

    /// Shows a message above the editor (a refusal, a failed save).
    pub fn tell(&mut self, message: String) {
        self.message = Some(message);
    }

    /// The record to save for the open editor, or `None` when it is clean or has errors.
    pub fn pending_save(&mut self, ctx: &Context<'_>, then: After) -> Option<SaveRequest> {
        let editor = self.editor.as_ref()?;
        if editor.form == editor.original || ctx.read_only {
            return None;
        }
        if !editor.form.errors(ctx.words).is_empty() {
            self.message = Some(ctx.words.fix_before_saving.to_owned());
            return None;
        }
        let record = editor.form.to_procedure(
            |id| taken_procedure(ctx, id),
            |id| taken_step(ctx, &editor.form.base.id, id),
        )?;
        Some(SaveRequest {
            archive: superseded(ctx, &record),
            record,
            then,
        })
    }

    /// The app saved `record`: reopen it clean, or open what was asked for next.
    pub fn saved(&mut self, ctx: &Context<'_>, record: &Procedure, then: After) {
        self.message = None;
        match then {
            // Saving keeps the undo history: Ctrl+Z after Ctrl+S still steps back. Every
            // remembered state now stands for the saved record, so undoing after an
            // approval drafts a new revision instead of quietly dropping the approval.
            After::Stay => {
                let mut history = self
                    .editor
                    .take()
                    .map(|editor| editor.history)
                    .unwrap_or_default();
                history.for_each_mut(|form| {
                    form.base = record.clone();
                    form.is_new = false;
                });
                self.open(ctx, &record.id);
                if let Some(editor) = &mut self.editor {
                    editor.history = history;
                }
            }
            After::Select(id) => self.open(ctx, &id),
            After::New => self.start_new(ctx),
        }
    }

    /// Opens the current file of a procedure.
    pub fn open(&mut self, ctx: &Context<'_>, id: &str) {
        self.selected = Some(id.to_owned());
        self.viewing = None;
        self.dialog = None;
        self.selected_step = None;
        self.editor = ctx.records.procedure(id).map(|procedure| {
            let form = ProcedureForm::of(procedure);
            Editor {
                original: form.clone(),
                form,
                history: History::default(),
            }
        });
    }

    fn start_new(&mut self, ctx: &Context<'_>) {
        let owner = ctx.me.map(|me| me.id.clone()).unwrap_or_default();
        let form = ProcedureForm::new(&owner);
        self.selected = None;
        self.viewing = None;
        self.selected_step = None;
        self.editor = Some(Editor {
            original: form.clone(),
            form,
            history: History::default(),
        });
    }

    /// Handles a message; returns what the app should do.
    pub fn update(&mut self, message: Message, ctx: &Context<'_>) -> Action {
        match message {
            Message::Select(id) => {
                if self.selected.as_deref() == Some(id.as_str()) && self.editor.is_some() {
                    return Action::None;
                }
                // Leaving an edited record saves it.
                match self.pending_save(ctx, After::Select(id.clone())) {
                    Some(request) => Action::Save(Box::new(request)),
                    None => {
                        self.message = None;
                        self.open(ctx, &id);
                        Action::None
                    }
                }
            }
            Message::New => match self.pending_save(ctx, After::New) {
                Some(request) => Action::Save(Box::new(request)),
                None => {
                    self.message = None;
                    self.start_new(ctx);
                    Action::Focus("title".to_owned())
                }
            },
            Message::Save => match self.pending_save(ctx, After::Stay) {
                Some(request) => Action::Save(Box::new(request)),
                None => Action::None,
            },
            Message::Undo | Message::Redo => {
                if let Some(editor) = &mut self.editor {
                    let moved = match message {
                        Message::Undo => editor.history.undo(&mut editor.form),
                        _ => editor.history.redo(&mut editor.form),
                    };
                    // Back to a change of a record approved since: that is a new draft.
                    if moved && editor.form != editor.original {
                        editor.form.start_editing();
                    }
                }
                Action::None
            }
            Message::AskApprove => {
                if !ctx.is_owner() {
                    self.message = Some(fill(
                        ctx.words.only_owner_approves,
                        &[("owners", &ctx.owners())],
                    ));
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
                let Some(editor) = &self.editor else {
                    return Action::None;
                };
                if editor.form.is_new {
                    return Action::None;
                }
                if editor.original.base.status != Status::Draft || editor.original.base.revision > 1
                {
                    self.message = Some(ctx.words.cannot_delete_approved.to_owned());
                    return Action::None;
                }
                self.dialog = Some(Dialog::Delete);
                Action::None
            }
            Message::ConfirmDelete => {
                self.dialog = None;
                let Some(editor) = self.editor.take() else {
                    return Action::None;
                };
                self.selected = None;
                Action::Delete(Box::new(editor.original.base))
            }
            Message::Retire => {
                let Some(editor) = &self.editor else {
                    return Action::None;
                };
                if !ctx.is_owner() {
                    self.message = Some(fill(
                        ctx.words.only_owner_approves,
                        &[("owners", &ctx.owners())],
                    ));
                    return Action::None;
                }
                let mut record = editor.original.base.clone();
                record.status = Status::Retired { on: ctx.today };
                Action::Save(Box::new(SaveRequest {
                    record,
                    archive: None,
                    then: After::Stay,
                }))
            }
            Message::CloseDialog => {
                self.dialog = None;
                Action::None
            }
            Message::ShowRevision(revision) => {
                let id = self.selected.clone().unwrap_or_default();
                self.viewing = ctx
                    .records
                    .archived_procedures
                    .iter()
                    .find(|p| p.id == id && p.revision == revision)
                    .cloned();
                Action::None
            }
            Message::BackToCurrent => {
                self.viewing = None;
                Action::None
            }
            Message::SelectStep(index) => {
                self.selected_step = Some(index);
                Action::None
            }
            edit => self.edit(edit, ctx),
        }
    }

    /// Applies an edit to the form, remembering the state before it for undo.
    fn edit(&mut self, message: Message, ctx: &Context<'_>) -> Action {
        let Some(editor) = &mut self.editor else {
            return Action::None;
        };
        if ctx.read_only {
            return Action::None;
        }
        let field = edit_field(&message);
        let before = editor.form.clone();
        editor.form.start_editing();
        let form = &mut editor.form;
        let mut focus = None;
        match message {
            Message::Title(value) => form.title = value,
            Message::Purpose(value) => form.purpose = value,
            Message::Scope(value) => form.scope = value,
            Message::Owner(person) => form.owner = person.id,
            Message::ReviewBy(value) => form.review_by = value,
            Message::StepText(i, value) => {
                if let Some(step) = form.steps.get_mut(i) {
                    step.text = value;
                }
                self.selected_step = Some(i);
            }
            Message::StepWarning(i, value) => {
                if let Some(step) = form.steps.get_mut(i) {
                    step.warning = value;
                }
            }
            Message::Spec(i, which, value) => {
                if let Some(spec) = form.steps.get_mut(i).and_then(|s| s.spec.as_mut()) {
                    let slot = match which {
                        SpecField::What => &mut spec.what,
                        SpecField::Unit => &mut spec.unit,
                        SpecField::Target => &mut spec.target,
                        SpecField::Min => &mut spec.min,
                        SpecField::Max => &mut spec.max,
                    };
                    *slot = value;
                }
            }
            Message::AddSpec(i) => {
                if let Some(step) = form.steps.get_mut(i) {
                    step.spec = Some(SpecForm::default());
                }
            }
            Message::RemoveSpec(i) => {
                if let Some(step) = form.steps.get_mut(i) {
                    step.spec = None;
                }
            }
            Message::AddStep => {
                let at = self
                    .selected_step
                    .map_or(form.steps.len(), |i| (i + 1).min(form.steps.len()));
                form.steps.insert(at, StepForm::default());
                self.selected_step = Some(at);
                focus = Some(at);
            }
            Message::DeleteStep(i) => {
                if i < form.steps.len() {
                    form.steps.remove(i);
                }
                self.selected_step = None;
            }
            Message::MoveStep(i, direction) => {
                let target = match direction {
                    Direction::Up => i.checked_sub(1),
                    Direction::Down => (i + 1 < form.steps.len()).then_some(i + 1),
                };
                if let Some(target) = target {
                    form.steps.swap(i, target);
                    self.selected_step = Some(target);
                }
            }
            _ => {}
        }
        if editor.form == before {
            editor.form = before;
        } else {
            editor.history.record(&before, field.as_deref());
        }
        self.message = None;
        match focus {
            Some(index) => Action::Focus(step_input_id(index)),
            None => Action::None,
        }
    }

    /// Moves the selected step, from the keyboard.
    pub fn move_selected(&mut self, direction: Direction, ctx: &Context<'_>) -> Action {
        match self.selected_step {
            Some(index) => self.edit(Message::MoveStep(index, direction), ctx),
            None => Action::None,
        }
    }

    fn approve(&mut self, ctx: &Context<'_>) -> Action {
        let Some(Dialog::Approve { note }) = self.dialog.clone() else {
            return Action::None;
        };
        let Some(editor) = &self.editor else {
            return Action::None;
        };
        let Some(me) = ctx.me else {
            return Action::None;
        };
        if !editor.form.errors(ctx.words).is_empty() {
            self.message = Some(ctx.words.fix_before_saving.to_owned());
            return Action::None;
        }
        let Some(draft) = editor.form.to_procedure(
            |id| taken_procedure(ctx, id),
            |id| taken_step(ctx, &editor.form.base.id, id),
        ) else {
            return Action::None;
        };
        match approve(&draft, me, ctx.today, &note) {
            Ok(approved) => {
                self.dialog = None;
                Action::Save(Box::new(SaveRequest {
                    archive: superseded(ctx, &approved),
                    record: approved,
                    then: After::Stay,
                }))
            }
            Err(ApproveError::NotOwner(_)) => {
                self.dialog = None;
                self.message = Some(fill(
                    ctx.words.only_owner_approves,
                    &[("owners", &ctx.owners())],
                ));
                Action::None
            }
            Err(error) => {
                self.message = Some(error.to_string());
                Action::None
            }
        }
    }

    /// Whether a procedure matches the search: title, id, purpose or any step.
    pub fn matches(procedure: &Procedure, needle: &str) -> bool {
        if needle.is_empty() {
            return true;
        }
        let hit = |haystack: &str| crate::model::contains_folded(haystack, needle);
        hit(&procedure.title)
            || hit(&procedure.id)
            || hit(&procedure.purpose)
            || procedure
                .steps
                .iter()
                .any(|step| hit(&step.text) || step.warning.as_deref().is_some_and(hit))
    }
}

/// Typing into one field is one undo step; structural edits are each their own.
fn edit_field(message: &Message) -> Option<String> {
    match message {
        Message::Title(_) => Some("title".into()),
        Message::Purpose(_) => Some("purpose".into()),
        Message::Scope(_) => Some("scope".into()),
        Message::ReviewBy(_) => Some("review".into()),
        Message::StepText(i, _) => Some(format!("step-{i}")),
        Message::StepWarning(i, _) => Some(format!("warning-{i}")),
        Message::Spec(i, which, _) => Some(format!("spec-{i}-{which:?}")),
        _ => None,
    }
}

fn taken_procedure(ctx: &Context<'_>, id: &str) -> bool {
    ctx.records
        .procedures
        .iter()
        .chain(&ctx.records.archived_procedures)
        .any(|p| p.id == id)
}

/// Step ids are never reused: any revision's steps count.
fn taken_step(ctx: &Context<'_>, procedure: &str, id: &str) -> bool {
    ctx.records
        .procedures
        .iter()
        .chain(&ctx.records.archived_procedures)
        .filter(|p| p.id == procedure)
        .any(|p| p.step(id).is_some())
}

/// The approved revision on disk that `record` supersedes, when it is not archived yet.
fn superseded(ctx: &Context<'_>, record: &Procedure) -> Option<Procedure> {
    let current = ctx.records.procedure(&record.id)?;
    let is_older_approved = current.revision < record.revision && current.is_approved();
    let archived = ctx
        .records
        .archived_procedures
        .iter()
        .any(|p| p.id == current.id && p.revision == current.revision);
    (is_older_approved && !archived).then(|| current.clone())
}
