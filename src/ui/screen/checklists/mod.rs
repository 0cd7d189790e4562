//! Checklists: the list, the editor with its items, revisions and approval. Built as
//! the procedures screen is, so both behave alike.

mod form;
mod view;

pub use form::{ChecklistForm, ChoiceForm, ItemForm, Kind, MeasureField, MeasureForm, OptionForm};
pub use view::{KindChoice, ProcedureChoice, StepChoice, step_choices};

use iced::widget::text_editor;

use crate::model::{ApproveError, Checklist, Status, approve};
use crate::ui::history::History;
use crate::ui::text::fill;

use super::Context;
use super::revision::Dialog;
pub use super::revision::{After, Direction};

/// The checklists screen.
#[derive(Debug, Default)]
pub struct Checklists {
    selected: Option<String>,
    editor: Option<Editor>,
    viewing: Option<Checklist>,
    dialog: Option<Dialog>,
    message: Option<String>,
    selected_item: Option<usize>,
}

/// A checklist open for editing.
#[derive(Debug)]
struct Editor {
    form: ChecklistForm,
    original: ChecklistForm,
    history: History<ChecklistForm>,
    /// The prompts as their wrapping editors hold them, with cursor and selection;
    /// kept equal to the form's prompts.
    prompts: Vec<text_editor::Content>,
}

impl Editor {
    fn new(form: ChecklistForm) -> Self {
        let mut editor = Editor {
            original: form.clone(),
            form,
            history: History::default(),
            prompts: Vec::new(),
        };
        editor.sync_prompts();
        editor
    }

    /// Rebuilds the prompt editors that no longer show their item's prompt: after undo,
    /// a move, a delete. Typing keeps its editor, so the cursor stays where it is.
    fn sync_prompts(&mut self) {
        let items = &self.form.items;
        self.prompts.truncate(items.len());
        for (n, item) in items.iter().enumerate() {
            match self.prompts.get_mut(n) {
                Some(content) if content.text() == item.prompt => {}
                Some(content) => *content = text_editor::Content::with_text(&item.prompt),
                None => self
                    .prompts
                    .push(text_editor::Content::with_text(&item.prompt)),
            }
        }
    }
}

/// What the user did on the checklists screen.
#[derive(Debug, Clone)]
pub enum Message {
    Select(String),
    New,
    Title(String),
    Procedure(ProcedureChoice),
    FourEyes(bool),
    Prompt(usize, String),
    /// Typing, moving the cursor or selecting in a prompt.
    PromptAction(usize, text_editor::Action),
    Kind(usize, KindChoice),
    Measure(usize, MeasureField, String),
    OptionText(usize, usize, String),
    OptionPasses(usize, usize, bool),
    AddOption(usize),
    RemoveOption(usize, usize),
    /// Drop the passing choices a file named that are not options.
    DropStray(usize),
    Step(usize, StepChoice),
    Critical(usize, bool),
    AddItem,
    DeleteItem(usize),
    MoveItem(usize, Direction),
    SelectItem(usize),
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
    pub record: Checklist,
    /// The approved revision it supersedes, to archive first if it is not archived yet.
    pub archive: Option<Checklist>,
    /// What to open once saved.
    pub then: After,
    /// The editor's key of each item of `record`, in order: new items keep their ids.
    pub keys: Vec<u64>,
}

/// What the app should do for the screen.
#[derive(Debug)]
pub enum Action {
    /// Nothing.
    None,
    /// Save a checklist.
    Save(Box<SaveRequest>),
    /// Delete a never-approved draft.
    Delete(Box<Checklist>),
    /// Move keyboard focus to a field.
    Focus(String),
}

/// The widget id of an item's prompt field.
pub fn item_input_id(index: usize) -> String {
    format!("item-prompt-{index}")
}

/// Whether the open checklist may be left: clean, saved, or blocked by errors.
enum Pending {
    Clean,
    Save(Box<SaveRequest>),
    Blocked,
}

impl Checklists {
    /// The selected checklist's id.
    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    /// Whether the open checklist has unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.editor.as_ref().is_some_and(|e| e.form != e.original)
    }

    /// Shows a message above the editor (a refusal, a failed save).
    pub fn tell(&mut self, message: String) {
        self.message = Some(message);
    }

    /// The save a dirty editor needs; `Blocked` (with a message shown) while it has errors.
    fn pending(&mut self, ctx: &Context<'_>, then: After) -> Pending {
        let Some(editor) = self.editor.as_ref() else {
            return Pending::Clean;
        };
        if editor.form == editor.original || ctx.read_only {
            return Pending::Clean;
        }
        let record = match editor.form.errors(ctx.words).is_empty() {
            true => to_checklist(&editor.form, ctx),
            false => None,
        };
        let Some(record) = record else {
            self.message = Some(ctx.words.fix_before_saving.to_owned());
            return Pending::Blocked;
        };
        Pending::Save(Box::new(SaveRequest {
            archive: superseded(ctx, &record),
            keys: editor.form.items.iter().map(|i| i.key).collect(),
            record,
            then,
        }))
    }

    /// Saves the open checklist, then goes on to `then`; an editor with errors stays open.
    fn leave(&mut self, ctx: &Context<'_>, then: After) -> Action {
        match self.pending(ctx, then.clone()) {
            Pending::Save(request) => Action::Save(request),
            Pending::Blocked => Action::None,
            Pending::Clean => {
                self.message = None;
                match then {
                    After::Stay => Action::None,
                    After::Select(id) => {
                        self.open(ctx, &id);
                        Action::None
                    }
                    After::New => {
                        self.start_new();
                        Action::Focus("title".to_owned())
                    }
                }
            }
        }
    }

    /// The app saved `request`: carry on with the record as saved, or open what was asked for.
    pub fn saved(&mut self, ctx: &Context<'_>, request: &SaveRequest) {
        self.message = None;
        match &request.then {
            // Saving keeps the undo history: Ctrl+Z after Ctrl+S still steps back. Every
            // remembered state now stands for the saved record, so undoing after a first
            // save keeps the new ids, and undoing after an approval drafts a new revision.
            After::Stay => {
                let previous = self.editor.take();
                self.open(ctx, &request.record.id);
                let (Some(previous), Some(editor)) = (previous, &mut self.editor) else {
                    return;
                };
                let next_key = previous.form.next_key;
                for (form, key) in editor.form.items.iter_mut().zip(&request.keys) {
                    form.key = *key;
                }
                editor.form.next_key = next_key;
                editor.original = editor.form.clone();
                editor.history = previous.history;
                editor.prompts = previous.prompts;
                editor.sync_prompts();
                let record = &request.record;
                editor
                    .history
                    .for_each_mut(|form| form.now_saved_as(record, &request.keys, next_key));
            }
            After::Select(id) => self.open(ctx, id),
            After::New => self.start_new(),
        }
    }

    /// The app deleted the open checklist.
    pub fn deleted(&mut self) {
        self.editor = None;
        self.selected = None;
        self.message = None;
    }

    /// Opens the current file of a checklist.
    pub fn open(&mut self, ctx: &Context<'_>, id: &str) {
        self.selected = Some(id.to_owned());
        self.viewing = None;
        self.dialog = None;
        self.selected_item = None;
        self.editor = ctx
            .records
            .checklist(id)
            .map(|checklist| Editor::new(ChecklistForm::of(checklist)));
    }

    fn start_new(&mut self) {
        self.selected = None;
        self.viewing = None;
        self.dialog = None;
        self.selected_item = None;
        self.editor = Some(Editor::new(ChecklistForm::empty()));
    }

    /// Handles a message; returns what the app should do.
    pub fn update(&mut self, message: Message, ctx: &Context<'_>) -> Action {
        let action = self.handle(message, ctx);
        if let Some(editor) = &mut self.editor {
            editor.sync_prompts();
        }
        action
    }

    fn handle(&mut self, message: Message, ctx: &Context<'_>) -> Action {
        match message {
            Message::Select(id) => {
                if self.selected.as_deref() == Some(id.as_str()) && self.editor.is_some() {
                    self.viewing = None;
                    return Action::None;
                }
                // Leaving an edited record saves it.
                self.leave(ctx, After::Select(id))
            }
            Message::New => self.leave(ctx, After::New),
            Message::Save => self.leave(ctx, After::Stay),
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
                self.selected_item = None;
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
                let Some(editor) = &self.editor else {
                    return Action::None;
                };
                if editor.form.is_new {
                    return Action::None;
                }
                let base = &editor.original.base;
                if base.status != Status::Draft || base.revision > 1 {
                    self.message = Some(ctx.words.cannot_delete_approved.to_owned());
                    return Action::None;
                }
                self.dialog = Some(Dialog::Delete);
                Action::None
            }
            Message::ConfirmDelete => {
                self.dialog = None;
                match &self.editor {
                    Some(editor) if !editor.form.is_new => {
                        Action::Delete(Box::new(editor.original.base.clone()))
                    }
                    _ => Action::None,
                }
            }
            Message::Retire => {
                let Some(editor) = &self.editor else {
                    return Action::None;
                };
                if !ctx.is_owner() {
                    self.refuse(ctx);
                    return Action::None;
                }
                let mut record = editor.original.base.clone();
                record.status = Status::Retired { on: ctx.today };
                Action::Save(Box::new(SaveRequest {
                    keys: editor.original.items.iter().map(|i| i.key).collect(),
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
                    .archived_checklists
                    .iter()
                    .find(|c| c.id == id && c.revision == revision)
                    .cloned();
                Action::None
            }
            Message::BackToCurrent => {
                self.viewing = None;
                Action::None
            }
            Message::SelectItem(index) => {
                self.selected_item = Some(index);
                Action::None
            }
            Message::PromptAction(index, action) => self.prompt_action(index, action, ctx),
            edit => self.edit(edit, ctx),
        }
    }

    fn refuse(&mut self, ctx: &Context<'_>) {
        self.message = Some(fill(
            ctx.words.only_owner_approves,
            &[("owners", &ctx.owners())],
        ));
    }

    /// Applies an edit to the form, remembering the state before it for undo.
    fn edit(&mut self, message: Message, ctx: &Context<'_>) -> Action {
        let Some(editor) = &mut self.editor else {
            return Action::None;
        };
        if ctx.read_only {
            return Action::None;
        }
        let field = edit_field(&message, &editor.form);
        let before = editor.form.clone();
        editor.form.start_editing();
        let form = &mut editor.form;
        let mut focus = None;
        match message {
            Message::Title(value) => form.title = value,
            Message::Procedure(choice) => {
                // Steps of another procedure mean nothing here: the items forget them.
                if form.procedure != choice.id {
                    for item in &mut form.items {
                        item.step = None;
                    }
                }
                form.procedure = choice.id;
            }
            Message::FourEyes(value) => form.four_eyes = value,
            Message::AddItem => {
                let at = self
                    .selected_item
                    .map_or(form.items.len(), |i| (i + 1).min(form.items.len()));
                let item = form.new_item();
                form.items.insert(at, item);
                self.selected_item = Some(at);
                focus = Some(at);
            }
            Message::DeleteItem(i) => {
                if i < form.items.len() {
                    form.items.remove(i);
                }
                self.selected_item = None;
            }
            Message::MoveItem(i, direction) => {
                let target = match direction {
                    Direction::Up => i.checked_sub(1),
                    Direction::Down => (i + 1 < form.items.len()).then_some(i + 1),
                };
                if let Some(target) = target {
                    form.items.swap(i, target);
                    self.selected_item = Some(target);
                }
            }
            item_edit => {
                let index = item_index(&item_edit);
                if let Some(item) = index.and_then(|i| form.items.get_mut(i)) {
                    edit_item(item, item_edit);
                    self.selected_item = index;
                }
            }
        }
        if editor.form == before {
            editor.form = before;
        } else {
            editor.history.record(&before, field.as_deref());
        }
        self.message = None;
        match focus {
            Some(index) => Action::Focus(item_input_id(index)),
            None => Action::None,
        }
    }

    /// Applies typing to a prompt's editor; what changes the text is an edit of the form.
    fn prompt_action(
        &mut self,
        index: usize,
        action: text_editor::Action,
        ctx: &Context<'_>,
    ) -> Action {
        let Some(content) = self.editor.as_mut().and_then(|e| e.prompts.get_mut(index)) else {
            return Action::None;
        };
        self.selected_item = Some(index);
        if !action.is_edit() {
            content.perform(action);
            return Action::None;
        }
        if ctx.read_only {
            return Action::None;
        }
        content.perform(action);
        // A prompt is one paragraph: pasted line breaks become spaces.
        let text = content.text().replace(['\r', '\n'], " ");
        self.edit(Message::Prompt(index, text), ctx)
    }

    /// Moves the selected item, from the keyboard.
    pub fn move_selected(&mut self, direction: Direction, ctx: &Context<'_>) -> Action {
        match self.selected_item {
            Some(index) => self.edit(Message::MoveItem(index, direction), ctx),
            None => Action::None,
        }
    }

    fn approve(&mut self, ctx: &Context<'_>) -> Action {
        let Some(Dialog::Approve { note }) = self.dialog.clone() else {
            return Action::None;
        };
        let (Some(editor), Some(me)) = (&self.editor, ctx.me) else {
            return Action::None;
        };
        let draft = match editor.form.errors(ctx.words).is_empty() {
            true => to_checklist(&editor.form, ctx),
            false => None,
        };
        let Some(draft) = draft else {
            self.message = Some(ctx.words.fix_before_saving.to_owned());
            return Action::None;
        };
        let keys = editor.form.items.iter().map(|i| i.key).collect();
        match approve(&draft, me, ctx.today, &note) {
            Ok(approved) => {
                self.dialog = None;
                Action::Save(Box::new(SaveRequest {
                    archive: superseded(ctx, &approved),
                    record: approved,
                    then: After::Stay,
                    keys,
                }))
            }
            Err(ApproveError::NotOwner(_)) => {
                self.dialog = None;
                self.refuse(ctx);
                Action::None
            }
            Err(error) => {
                self.message = Some(error.to_string());
                Action::None
            }
        }
    }

    /// Whether a checklist matches the search: title, id or any prompt.
    pub fn matches(checklist: &Checklist, needle: &str) -> bool {
        let hit = |haystack: &str| crate::model::contains_folded(haystack, needle);
        needle.is_empty()
            || hit(&checklist.title)
            || hit(&checklist.id)
            || checklist.items.iter().any(|i| hit(&i.prompt))
    }
}

/// The item an item edit is for.
fn item_index(message: &Message) -> Option<usize> {
    match message {
        Message::Prompt(i, _)
        | Message::Kind(i, _)
        | Message::Measure(i, _, _)
        | Message::OptionText(i, _, _)
        | Message::OptionPasses(i, _, _)
        | Message::AddOption(i)
        | Message::RemoveOption(i, _)
        | Message::DropStray(i)
        | Message::Step(i, _)
        | Message::Critical(i, _) => Some(*i),
        _ => None,
    }
}

fn edit_item(item: &mut ItemForm, message: Message) {
    match message {
        Message::Prompt(_, value) => item.prompt = value,
        Message::Kind(_, choice) => {
            item.kind = choice.kind;
            // A new choice starts with one empty option to type into.
            if choice.kind == Kind::Choice && item.choice.options.is_empty() {
                item.choice.options.push(OptionForm::default());
            }
        }
        Message::Measure(_, which, value) => {
            let slot = match which {
                MeasureField::Unit => &mut item.measure.unit,
                MeasureField::Min => &mut item.measure.min,
                MeasureField::Max => &mut item.measure.max,
            };
            *slot = value;
        }
        Message::OptionText(_, n, value) => {
            if let Some(option) = item.choice.options.get_mut(n) {
                option.text = value;
            }
        }
        Message::OptionPasses(_, n, passes) => {
            if let Some(option) = item.choice.options.get_mut(n) {
                option.passes = passes;
            }
        }
        Message::AddOption(_) => item.choice.options.push(OptionForm::default()),
        Message::RemoveOption(_, n) if n < item.choice.options.len() => {
            item.choice.options.remove(n);
        }
        Message::DropStray(_) => item.choice.stray.clear(),
        Message::Step(_, choice) => item.step = choice.id,
        Message::Critical(_, value) => item.critical = value,
        _ => {}
    }
}

/// Typing into one field is one undo step; structural edits are each their own. Items
/// are named by key, so typing into an item that moved is still its own step.
fn edit_field(message: &Message, form: &ChecklistForm) -> Option<String> {
    let key = |i: &usize| form.items.get(*i).map_or(u64::MAX, |item| item.key);
    match message {
        Message::Title(_) => Some("title".into()),
        Message::Prompt(i, _) => Some(format!("prompt-{}", key(i))),
        Message::Measure(i, which, _) => Some(format!("measure-{}-{which:?}", key(i))),
        Message::OptionText(i, n, _) => Some(format!("option-{}-{n}", key(i))),
        _ => None,
    }
}

fn to_checklist(form: &ChecklistForm, ctx: &Context<'_>) -> Option<Checklist> {
    form.to_checklist(
        |id| taken_checklist(ctx, id),
        |id| taken_item(ctx, &form.base.id, id),
    )
}

fn taken_checklist(ctx: &Context<'_>, id: &str) -> bool {
    ctx.records
        .checklists
        .iter()
        .chain(&ctx.records.archived_checklists)
        .any(|c| c.id == id)
}

/// Item ids are never reused: any revision's items count.
fn taken_item(ctx: &Context<'_>, checklist: &str, id: &str) -> bool {
    ctx.records
        .checklists
        .iter()
        .chain(&ctx.records.archived_checklists)
        .filter(|c| c.id == checklist)
        .any(|c| c.item(id).is_some())
}

/// The approved revision on disk that `record` supersedes, when it is not archived yet.
fn superseded(ctx: &Context<'_>, record: &Checklist) -> Option<Checklist> {
    let current = ctx.records.checklist(&record.id)?;
    let is_older_approved =
        current.revision < record.revision && matches!(current.status, Status::Approved { .. });
    let archived = ctx
        .records
        .archived_checklists
        .iter()
        .any(|c| c.id == current.id && c.revision == current.revision);
    (is_older_approved && !archived).then(|| current.clone())
}
