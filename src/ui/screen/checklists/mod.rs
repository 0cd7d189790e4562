//! Checklists: the list, the editor with its items, revisions and approval. The editor
//! is the shared [`editor::Editor`], as for procedures; this module brings what is a
//! checklist's own.

mod form;
mod steps;
mod view;
mod words;

pub use form::{ChecklistForm, ChoiceForm, ItemForm, Kind, MeasureField, MeasureForm, OptionForm};
pub use steps::{StepChoice, step_choices};
pub use view::{KindChoice, ProcedureChoice};

use iced::Element;
use iced::widget::text_editor;

use crate::model::{Change, Checklist, Records, draft_of};
use crate::ui::text::Text;

use super::Context;
use super::editor::{self, Filed, Form};
pub use super::revision::{After, Direction};

/// The checklists screen.
pub type Checklists = editor::Editor<ChecklistForm>;

/// What the user did on the checklists screen.
pub type Message = editor::Message<Edit>;

/// A save the app should carry out.
pub type SaveRequest = editor::SaveRequest<ChecklistForm>;

/// A change to a checklist's own fields and items.
#[derive(Debug, Clone)]
pub enum Edit {
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
}

/// The widget id of an item's prompt field.
pub fn item_input_id(index: usize) -> String {
    format!("item-prompt-{index}")
}

impl Filed for Checklist {
    fn id(&self) -> &str {
        &self.id
    }

    fn title(&self) -> &str {
        &self.title
    }

    fn changes(&self) -> &[Change] {
        &self.changes
    }

    fn has_line(&self, id: &str) -> bool {
        self.item(id).is_some()
    }

    fn matches(&self, needle: &str) -> bool {
        let hit = |haystack: &str| crate::model::contains_folded(haystack, needle);
        needle.is_empty()
            || hit(&self.title)
            || hit(&self.id)
            || self.items.iter().any(|i| hit(&i.prompt))
    }

    fn current(records: &Records) -> &[Self] {
        &records.checklists
    }

    fn archived(records: &Records) -> &[Self] {
        &records.archived_checklists
    }

    fn filed(self) -> crate::ui::request::Record {
        crate::ui::request::Record::Checklist(Box::new(self))
    }
}

impl Form for ChecklistForm {
    type Record = Checklist;
    type Line = ItemForm;
    type Edit = Edit;
    /// The prompts as their wrapping editors hold them, with cursor and selection; kept
    /// equal to the form's prompts.
    type Inputs = Vec<text_editor::Content>;

    fn editing(record: &Checklist) -> Self {
        ChecklistForm::of(record)
    }

    fn blank(_ctx: &Context<'_>) -> Self {
        ChecklistForm::empty()
    }

    fn base(&self) -> &Checklist {
        &self.base
    }

    fn is_new(&self) -> bool {
        self.is_new
    }

    fn title(&self) -> &str {
        &self.title
    }

    fn start_editing(&mut self) {
        self.base = draft_of(&self.base);
    }

    fn to_record(
        &self,
        words: &'static Text,
        taken_record: impl Fn(&str) -> bool,
        taken_line: impl Fn(&str) -> bool,
    ) -> Option<Checklist> {
        let fine = self.errors(words).is_empty();
        fine.then(|| self.to_checklist(taken_record, taken_line))?
    }

    fn lines(&mut self) -> &mut Vec<ItemForm> {
        &mut self.items
    }

    fn new_line(&mut self) -> ItemForm {
        self.new_item()
    }

    fn line_input_id(index: usize) -> String {
        item_input_id(index)
    }

    /// Typing into one field is one undo step; structural edits are each their own. Items
    /// are named by key, so typing into an item that moved is still its own step.
    fn field(&self, edit: &Edit) -> Option<String> {
        let key = |i: &usize| self.items.get(*i).map_or(u64::MAX, |item| item.key);
        match edit {
            Edit::Title(_) => Some("title".into()),
            Edit::Prompt(i, _) => Some(format!("prompt-{}", key(i))),
            Edit::Measure(i, which, _) => Some(format!("measure-{}-{which:?}", key(i))),
            Edit::OptionText(i, n, _) => Some(format!("option-{}-{n}", key(i))),
            _ => None,
        }
    }

    fn apply(&mut self, edit: Edit) -> Option<usize> {
        match edit {
            Edit::Title(value) => self.title = value,
            Edit::Procedure(choice) => {
                // Steps of another procedure mean nothing here: the items forget them.
                if self.procedure != choice.id {
                    for item in &mut self.items {
                        item.step = None;
                    }
                }
                self.procedure = choice.id;
            }
            Edit::FourEyes(value) => self.four_eyes = value,
            item_edit => {
                let index = item_index(&item_edit)?;
                let item = self.items.get_mut(index)?;
                edit_item(item, item_edit);
                return Some(index);
            }
        }
        None
    }

    /// Items that were new keep the ids they were first saved under.
    fn now_saved_as(&mut self, saved: &Checklist, sent: &Self, live: &Self) {
        let keys: Vec<u64> = sent.items.iter().map(|i| i.key).collect();
        self.now_stands_for(saved, &keys, live.next_key);
    }

    /// The saved items keep the keys they had in the form, so undo still tells them apart.
    fn reopened(&mut self, sent: &Self, live: &Self) {
        for (form, sent) in self.items.iter_mut().zip(&sent.items) {
            form.key = sent.key;
        }
        self.next_key = live.next_key;
    }

    /// Rebuilds the prompt editors that no longer show their item's prompt: after undo,
    /// a move, a delete. Typing keeps its editor, so the cursor stays where it is.
    fn sync_inputs(&self, prompts: &mut Vec<text_editor::Content>) {
        prompts.truncate(self.items.len());
        for (n, item) in self.items.iter().enumerate() {
            match prompts.get_mut(n) {
                Some(content) if content.text() == item.prompt => {}
                Some(content) => *content = text_editor::Content::with_text(&item.prompt),
                None => prompts.push(text_editor::Content::with_text(&item.prompt)),
            }
        }
    }

    /// Typing into a prompt's editor; what changes the text is an edit of the form.
    fn input(
        edit: Edit,
        prompts: &mut Vec<text_editor::Content>,
        line: &mut Option<usize>,
        read_only: bool,
    ) -> Option<Edit> {
        let Edit::PromptAction(index, action) = edit else {
            return Some(edit);
        };
        let content = prompts.get_mut(index)?;
        *line = Some(index);
        if !action.is_edit() {
            content.perform(action);
            return None;
        }
        if read_only {
            return None;
        }
        content.perform(action);
        // A prompt is one paragraph: pasted line breaks become spaces.
        Some(Edit::Prompt(
            index,
            content.text().replace(['\r', '\n'], " "),
        ))
    }

    fn new_label(words: &'static Text) -> &'static str {
        words.new_checklist
    }

    fn nothing_selected(words: &'static Text) -> &'static str {
        words.nothing_selected_checklist
    }

    fn view<'a>(
        &'a self,
        prompts: &'a Vec<text_editor::Content>,
        line: Option<usize>,
        ctx: Context<'a>,
    ) -> Element<'a, Message> {
        view::form_view(self, prompts, line, ctx)
    }

    fn archived_view<'a>(checklist: &'a Checklist, ctx: Context<'a>) -> Element<'a, Message> {
        view::archived_view(checklist, ctx)
    }
}

/// The item an item edit is for.
fn item_index(edit: &Edit) -> Option<usize> {
    match edit {
        Edit::Prompt(i, _)
        | Edit::Kind(i, _)
        | Edit::Measure(i, _, _)
        | Edit::OptionText(i, _, _)
        | Edit::OptionPasses(i, _, _)
        | Edit::AddOption(i)
        | Edit::RemoveOption(i, _)
        | Edit::DropStray(i)
        | Edit::Step(i, _)
        | Edit::Critical(i, _) => Some(*i),
        Edit::Title(_) | Edit::Procedure(_) | Edit::FourEyes(_) | Edit::PromptAction(..) => None,
    }
}

fn edit_item(item: &mut ItemForm, edit: Edit) {
    match edit {
        Edit::Prompt(_, value) => item.prompt = value,
        Edit::Kind(_, choice) => {
            item.kind = choice.kind;
            // A new choice starts with one empty option to type into.
            if choice.kind == Kind::Choice && item.choice.options.is_empty() {
                item.choice.options.push(OptionForm::default());
            }
        }
        Edit::Measure(_, which, value) => {
            let slot = match which {
                MeasureField::Unit => &mut item.measure.unit,
                MeasureField::Min => &mut item.measure.min,
                MeasureField::Max => &mut item.measure.max,
            };
            *slot = value;
        }
        Edit::OptionText(_, n, value) => {
            if let Some(option) = item.choice.options.get_mut(n) {
                option.text = value;
            }
        }
        Edit::OptionPasses(_, n, passes) => {
            if let Some(option) = item.choice.options.get_mut(n) {
                option.passes = passes;
            }
        }
        Edit::AddOption(_) => item.choice.options.push(OptionForm::default()),
        Edit::RemoveOption(_, n) if n < item.choice.options.len() => {
            item.choice.options.remove(n);
        }
        Edit::DropStray(_) => item.choice.stray.clear(),
        Edit::Step(_, choice) => {
            steps::take_standard(item, &choice);
            item.step = choice.id;
        }
        Edit::Critical(_, value) => item.critical = value,
        _ => {}
    }
}
