//! The defect form: category, severity, procedure and step, description, cost, photos,
//! the five-whys ladder and the action. Used from an order and from the defect log.

mod fields;
mod finish;
mod typed;
mod view;

#[cfg(test)]
mod tests;

use iced::widget::text_editor;

pub use typed::{CostError, shown_cents, typed_cents};
use typed::{shown_date, typed_date};

use crate::model::{ActionKind, Date, Defect, DefectState, FoundBy, Severity};
use crate::ui::history::History;
use crate::ui::screen::Context;
use crate::ui::text::Language;

/// Who found a defect, as the form offers it; a staff member is picked beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finder {
    /// The second check.
    Check,
    /// Someone on the staff.
    Staff,
    /// The customer.
    Customer,
}

/// A defect open for editing.
#[derive(Debug, Clone)]
pub struct DefectForm {
    original: Defect,
    start: Fields,
    fields: Fields,
    /// The cost as typed; `None` until the user types, so the saved cost shows with the
    /// decimal mark of the user's language.
    cost: Option<String>,
    /// The description as its wrapping editor holds it, with cursor and selection; kept
    /// equal to `fields.description`.
    description: text_editor::Content,
    /// What is done, likewise: actions run to a few sentences.
    what: text_editor::Content,
    /// Earlier and later states of the fields, for undo and redo.
    history: History<State>,
}

/// What undo steps back through: the fields, and the cost as typed.
#[derive(Debug, Clone, PartialEq)]
struct State {
    fields: Fields,
    cost: Option<String>,
}

/// Everything the user edits, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fields {
    category: String,
    severity: Severity,
    found: String,
    finder: Finder,
    /// Who on the staff found it, when `finder` is `Staff`.
    finder_person: Option<String>,
    procedure: Option<String>,
    step: Option<String>,
    description: String,
    photos: Vec<String>,
    whys: Vec<String>,
    cause: String,
    action: ActionFields,
}

/// The action, as typed; all empty means there is no action.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct ActionFields {
    kind: Option<ActionKind>,
    what: String,
    owner: Option<String>,
    due: String,
    done: String,
    verified: String,
    verified_by: Option<String>,
}

impl ActionFields {
    fn is_empty(&self) -> bool {
        self.kind.is_none()
            && self.owner.is_none()
            && self.verified_by.is_none()
            && [&self.what, &self.due, &self.done, &self.verified]
                .iter()
                .all(|field| field.trim().is_empty())
    }
}

/// What the user did in the form.
#[derive(Debug, Clone)]
pub enum Message {
    Category(String),
    Severity(Severity),
    Found(String),
    FoundBy(Finder),
    /// The staff member who found it.
    FoundByPerson(String),
    /// A procedure, or none; a different procedure clears the step.
    Procedure(Option<String>),
    Step(Option<String>),
    /// Typing, moving the cursor or selecting in the description.
    Description(text_editor::Action),
    Cost(String),
    AddPhoto,
    RemovePhoto(usize),
    Why(usize, String),
    AddWhy,
    RemoveWhy(usize),
    Cause(String),
    ActionKind(ActionKind),
    /// Typing, moving the cursor or selecting in what is done.
    ActionWhat(text_editor::Action),
    ActionOwner(Option<String>),
    Due(String),
    Done(String),
    Verified(String),
    VerifiedBy(Option<String>),
    /// Empties every field of the action: the defect has no action.
    ClearAction,
    /// Steps back one edit.
    Undo,
    /// Steps forward again.
    Redo,
}

impl Message {
    /// The field an edit types into: edits of one field in a row are one undo step.
    fn field(&self) -> Option<String> {
        let name = match self {
            Message::Category(_) => "category",
            Message::Found(_) => "found",
            Message::Description(_) => "description",
            Message::Cost(_) => "cost",
            Message::Why(n, _) => return Some(format!("why-{n}")),
            Message::Cause(_) => "cause",
            Message::ActionWhat(_) => "what",
            Message::Due(_) => "due",
            Message::Done(_) => "done",
            Message::Verified(_) => "verified",
            _ => return None,
        };
        Some(name.to_owned())
    }
}

/// What the form asks of the screen holding it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Nothing.
    None,
    /// Open a file dialog for a photo; give the result to [`DefectForm::add_photo`].
    PickPhoto,
}

/// The widget id of the `index`th why of the ladder.
pub fn why_input_id(index: usize) -> String {
    format!("defect-why-{index}")
}

impl Fields {
    fn of(defect: &Defect) -> Self {
        let (finder, finder_person) = match &defect.found_by {
            FoundBy::Check => (Finder::Check, None),
            FoundBy::Staff(person) => (Finder::Staff, Some(person.clone())),
            FoundBy::Customer => (Finder::Customer, None),
        };
        let root = defect.root_cause.clone().unwrap_or_default();
        let action = defect
            .action
            .as_ref()
            .map_or_else(ActionFields::default, |action| ActionFields {
                kind: Some(action.kind),
                what: action.what.clone(),
                owner: action.owner.clone(),
                due: shown_date(action.due),
                done: shown_date(action.done),
                verified: shown_date(action.verified),
                verified_by: action.verified_by.clone(),
            });
        Fields {
            category: defect.category.clone(),
            severity: defect.severity,
            found: defect.found.to_string(),
            finder,
            finder_person,
            procedure: defect.procedure.clone(),
            step: defect.step.clone(),
            description: defect.description.clone(),
            photos: defect.photos.clone(),
            whys: root.whys,
            cause: root.cause,
            action,
        }
    }
}

impl DefectForm {
    /// A form holding `defect`, new (proposed) or as saved.
    pub fn new(defect: Defect) -> Self {
        let fields = Fields::of(&defect);
        DefectForm {
            description: text_editor::Content::with_text(&fields.description),
            what: text_editor::Content::with_text(&fields.action.what),
            start: fields.clone(),
            fields,
            cost: None,
            original: defect,
            history: History::default(),
        }
    }

    /// The defect's id within its order.
    pub fn id(&self) -> &str {
        &self.original.id
    }

    /// The defect the form was opened on.
    pub fn original(&self) -> &Defect {
        &self.original
    }

    /// How many whys the ladder holds.
    pub fn whys(&self) -> usize {
        self.fields.whys.len()
    }

    /// Handles a message. Nothing changes in a read-only workspace.
    pub fn update(&mut self, message: Message, ctx: &Context) -> Event {
        // Moving the cursor and selecting are not edits: they work in a read-only workspace.
        match &message {
            Message::Description(action) if !action.is_edit() => {
                self.description.perform(action.clone());
                return Event::None;
            }
            Message::ActionWhat(action) if !action.is_edit() => {
                self.what.perform(action.clone());
                return Event::None;
            }
            _ => {}
        }
        if ctx.read_only {
            return Event::None;
        }
        match message {
            Message::Undo | Message::Redo => {
                let mut state = self.snapshot();
                let moved = match message {
                    Message::Undo => self.history.undo(&mut state),
                    _ => self.history.redo(&mut state),
                };
                if moved {
                    self.set_state(state);
                }
                Event::None
            }
            message => {
                let (before, field) = (self.snapshot(), message.field());
                let event = self.apply(message, ctx);
                if self.snapshot() != before {
                    self.history.record(&before, field.as_deref());
                }
                event
            }
        }
    }

    fn snapshot(&self) -> State {
        State {
            fields: self.fields.clone(),
            cost: self.cost.clone(),
        }
    }

    /// Puts back an earlier state, the wrapping editors with it.
    fn set_state(&mut self, state: State) {
        self.description = text_editor::Content::with_text(&state.fields.description);
        self.what = text_editor::Content::with_text(&state.fields.action.what);
        self.fields = state.fields;
        self.cost = state.cost;
    }

    /// Whether undo, and redo, would do something.
    pub fn can_undo_redo(&self) -> (bool, bool) {
        (self.history.can_undo(), self.history.can_redo())
    }

    fn apply(&mut self, message: Message, ctx: &Context) -> Event {
        let fields = &mut self.fields;
        let action = &mut fields.action;
        match message {
            Message::Category(category) => fields.category = category,
            Message::Severity(severity) => fields.severity = severity,
            Message::Found(found) => fields.found = found,
            Message::FoundBy(finder) => {
                fields.finder = finder;
                // Most often it is you who noticed.
                if finder == Finder::Staff && fields.finder_person.is_none() {
                    fields.finder_person = ctx.me.map(|me| me.id.clone());
                }
            }
            Message::FoundByPerson(person) => {
                fields.finder = Finder::Staff;
                fields.finder_person = Some(person);
            }
            Message::Procedure(procedure) => {
                // Step ids belong to one procedure: another procedure's step means nothing.
                if procedure != fields.procedure {
                    fields.step = None;
                }
                fields.procedure = procedure;
            }
            Message::Step(step) => {
                if fields.procedure.is_some() {
                    fields.step = step;
                }
            }
            Message::Description(edit) => {
                self.description.perform(edit);
                fields.description = self.description.text();
            }
            Message::Cost(cost) => self.cost = Some(cost),
            Message::AddPhoto => return Event::PickPhoto,
            Message::RemovePhoto(n) => {
                if n < fields.photos.len() {
                    fields.photos.remove(n);
                }
            }
            Message::Why(n, why) => {
                if let Some(slot) = fields.whys.get_mut(n) {
                    *slot = why;
                }
            }
            Message::AddWhy => fields.whys.push(String::new()),
            Message::RemoveWhy(n) => {
                if n < fields.whys.len() {
                    fields.whys.remove(n);
                }
            }
            Message::Cause(cause) => fields.cause = cause,
            Message::ActionKind(kind) => action.kind = Some(kind),
            Message::ActionWhat(edit) => {
                self.what.perform(edit);
                action.what = self.what.text();
            }
            Message::ActionOwner(owner) => action.owner = owner,
            Message::Due(due) => action.due = due,
            Message::Done(done) => action.done = done,
            Message::Verified(verified) => action.verified = verified,
            Message::VerifiedBy(person) => action.verified_by = person,
            Message::ClearAction => {
                *action = ActionFields::default();
                self.what = text_editor::Content::new();
            }
            Message::Undo | Message::Redo => {}
        }
        Event::None
    }

    /// A photo copied into the workspace, relative to it.
    pub fn add_photo(&mut self, path: String) {
        if !self.fields.photos.contains(&path) {
            self.history.record(&self.snapshot(), None);
            self.fields.photos.push(path);
        }
    }

    /// Whether anything differs from the defect the form was opened on.
    pub fn is_changed(&self) -> bool {
        let cost_changed = self
            .cost
            .as_deref()
            .is_some_and(|cost| typed_cents(cost) != Ok(self.original.cost_cents));
        self.fields != self.start || cost_changed
    }

    /// The cost as the field shows it.
    fn cost_text(&self, language: Language) -> String {
        self.cost
            .clone()
            .unwrap_or_else(|| shown_cents(self.original.cost_cents, language))
    }

    /// Open, Fixed or Verified, from the dates as typed.
    pub fn state(&self) -> DefectState {
        let action = &self.fields.action;
        let set = |text: &str| matches!(typed_date(text), Ok(Some(_)));
        if set(&action.verified) {
            DefectState::Verified
        } else if set(&action.done) {
            DefectState::Fixed
        } else {
            DefectState::Open
        }
    }

    /// Whether the action, as typed, is past due on `today` and not done.
    pub fn is_overdue(&self, today: Date) -> bool {
        let action = &self.fields.action;
        action.done.trim().is_empty()
            && matches!(typed_date(&action.due), Ok(Some(due)) if due < today)
    }
}
