//! Running a check on an order: the checklist and the checker, then each item as its kind
//! asks. Four eyes and critical items are enforced before the check can be saved.

mod item;
mod pick;
mod sign;
mod view;
mod words;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use crate::model::{
    Check, CheckRefused, CheckResult, Checklist, Defect, Item, ItemKind, Name, Order, Outcome,
    Status,
};
use crate::ui::screen::{Context, PersonChoice, typed_number};

pub use pick::ChecklistChoice;
pub use words::CheckWords;

/// The widget id of the checklist pick-list (a container around it).
pub const CHECKLIST_ID: &str = "check-checklist";
/// The widget id of the checker pick-list (a container around it).
pub const CHECKER_ID: &str = "check-checker";

/// The widget id of a measure item's number input.
pub fn measure_id(item: &str) -> String {
    format!("measure-{item}")
}

/// The widget id of a text item's input.
pub fn text_id(item: &str) -> String {
    format!("text-{item}")
}

/// A check being filled in.
#[derive(Debug, Clone)]
pub struct Runner {
    /// The chosen checklist's id.
    checklist: Option<String>,
    /// The revision the answers were given against.
    revision: u32,
    /// Who checks, by person id.
    checker: Option<String>,
    /// What was given so far, by item id.
    entries: BTreeMap<String, Entry>,
    /// The answers of checklists picked and then left, by checklist id, with the revision
    /// they were given against: picking one again brings them back.
    set_aside: BTreeMap<String, (u32, BTreeMap<String, Entry>)>,
    /// A save was tried: from now on the view says what stands in the way, as it changes.
    tried: bool,
    /// The checklist got a new revision while it was being filled in.
    changed: bool,
    /// The checker's PIN, where they sign on someone else's machine.
    signature: sign::Signature,
}

/// A tick item's three answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tick {
    /// It is right.
    Pass,
    /// It is wrong.
    Fail,
    /// It does not apply to this order.
    NotApplicable,
}

/// What the checker did.
#[derive(Debug, Clone)]
pub enum Message {
    /// Picked a checklist.
    Checklist(ChecklistChoice),
    /// Picked who checks.
    Checker(PersonChoice),
    /// Answered a tick item.
    Tick(String, Tick),
    /// Typed into a measure or text item.
    Typed(String, String),
    /// Picked an option of a choice item.
    Chosen(String, String),
    /// Marked a measure, choice or text item not applicable, or took that back.
    NotApplicable(String),
    /// Pressed Enter in an item's input.
    Submit(String),
    /// Asked to add a photo to an item.
    AddPhoto(String),
    /// Took the nth photo off an item.
    RemovePhoto(String, usize),
    /// Typed the checker's PIN.
    Pin(String),
    /// Save check.
    Save,
    /// Close without saving.
    Cancel,
}

/// What the runner asks of the orders screen.
#[derive(Debug, Clone)]
pub enum Event {
    /// Nothing.
    None,
    /// Close the runner without saving.
    Cancel,
    /// Move the keyboard focus to the widget with this id.
    Focus(String),
    /// Open a file dialog for a photo of this item; the result goes to
    /// [`Runner::photo_attached`].
    PickPhoto(String),
    /// The check is complete and allowed: save it, then offer each proposed defect.
    Done {
        /// The check, with the checklist revision, checker and time.
        check: Check,
        /// One pre-filled defect per failed item, for the checker to confirm or edit.
        proposals: Vec<Defect>,
    },
}

/// What the checker gave for one item, as given; judged against the item's kind only
/// when read, so a checklist that changes underneath cannot leave a stale verdict.
#[derive(Debug, Clone, Default, PartialEq)]
enum Answer {
    #[default]
    Open,
    Pass,
    Fail,
    NotApplicable,
    /// A measure or a text, as typed.
    Typed(String),
    Chosen(String),
}

/// One item's answer and photos.
#[derive(Debug, Clone, Default)]
struct Entry {
    answer: Answer,
    photos: Vec<String>,
}

/// An answer read against its item.
#[derive(Debug, Clone, PartialEq)]
enum Given {
    /// Nothing yet, or nothing this kind of item records.
    Open,
    /// A measure that is not a number.
    NotANumber,
    /// What the check records.
    Answer(Outcome),
}

/// Why the check cannot be saved yet.
#[derive(Debug, Clone, PartialEq)]
enum Refusal {
    NoChecklist,
    /// The chosen checklist is gone or no longer approved.
    Gone,
    NoChecker,
    /// The checker made the order and the checklist asks for four eyes.
    FourEyes,
    /// This measure item is not a number.
    NotANumber(String),
    /// This item has a photo but no answer.
    Photo(String),
    /// These critical items have no answer.
    CriticalOpen(Vec<String>),
}

impl Refusal {
    /// The items to mark on screen.
    fn items(&self) -> &[String] {
        match self {
            Refusal::NotANumber(item) | Refusal::Photo(item) => std::slice::from_ref(item),
            Refusal::CriticalOpen(items) => items,
            _ => &[],
        }
    }
}

impl Runner {
    /// Whether anything was answered, on this checklist or one set aside.
    pub fn has_answers(&self) -> bool {
        !self.entries.is_empty() || self.set_aside.values().any(|(_, set)| !set.is_empty())
    }

    /// A new check of `order`, with the checklist its product most likely needs.
    pub fn new(order: &Order, ctx: &Context) -> Runner {
        let checklist = pick::likely_checklist(order, ctx.records);
        let four_eyes = checklist.is_some_and(|c| c.four_eyes);
        let checker = ctx
            .me
            .map(|me| me.id.clone())
            .filter(|me| !(four_eyes && *me == order.made_by));
        Runner {
            checklist: checklist.map(|c| c.id.clone()),
            revision: checklist.map_or(0, |c| c.revision),
            checker,
            entries: BTreeMap::new(),
            set_aside: BTreeMap::new(),
            tried: false,
            changed: false,
            signature: sign::Signature::default(),
        }
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, order: &Order, ctx: &Context) -> Event {
        match message {
            Message::Checklist(choice) => {
                if self.checklist.as_deref() == Some(choice.id.as_str()) {
                    return Event::None;
                }
                // Item ids mean nothing across checklists: "flavour" of a cone is not
                // "flavour" of a milkshake. The answers wait in case the pick was a slip.
                let left = std::mem::take(&mut self.entries);
                if let Some(id) = self.checklist.take()
                    && !left.is_empty()
                {
                    self.set_aside.insert(id, (self.revision, left));
                }
                self.tried = false;
                self.changed = false;
                let back = self.set_aside.remove(&choice.id);
                self.checklist = Some(choice.id);
                let Some(checklist) = self.current(ctx) else {
                    return Event::None;
                };
                self.revision = checklist.revision;
                if let Some((revision, entries)) = back {
                    // Given against an older revision, they are looked over at the save.
                    self.revision = revision;
                    self.entries = entries;
                }
                match checklist.items.iter().find_map(input_id) {
                    Some(id) => Event::Focus(id),
                    None => Event::None,
                }
            }
            Message::Checker(person) => {
                self.checker = Some(person.id);
                Event::None
            }
            Message::Tick(item, tick) => {
                let ticked = match tick {
                    Tick::Pass => Answer::Pass,
                    Tick::Fail => Answer::Fail,
                    Tick::NotApplicable => Answer::NotApplicable,
                };
                // The answer given, pressed again, is taken back: a slip of the mouse
                // must not force an answer on an item nobody looked at.
                let entry = self.entry(item);
                entry.answer = if entry.answer == ticked {
                    Answer::Open
                } else {
                    ticked
                };
                Event::None
            }
            Message::Typed(item, value) => {
                self.entry(item).answer = Answer::Typed(value);
                Event::None
            }
            Message::Chosen(item, option) => {
                self.entry(item).answer = Answer::Chosen(option);
                Event::None
            }
            Message::NotApplicable(item) => {
                let entry = self.entry(item);
                entry.answer = match entry.answer {
                    Answer::NotApplicable => Answer::Open,
                    _ => Answer::NotApplicable,
                };
                Event::None
            }
            Message::Submit(item) => {
                // Enter moves on to the next field to type in; in the last one it saves.
                let next = self.current(ctx).and_then(|checklist| {
                    let at = checklist.items.iter().position(|i| i.id == item)?;
                    checklist.items[at + 1..].iter().find_map(input_id)
                });
                match next {
                    Some(id) => Event::Focus(id),
                    None => self.save(order, ctx),
                }
            }
            Message::AddPhoto(item) => Event::PickPhoto(item),
            Message::RemovePhoto(item, n) => {
                if let Some(entry) = self.entries.get_mut(&item)
                    && n < entry.photos.len()
                {
                    entry.photos.remove(n);
                }
                Event::None
            }
            Message::Save => self.save(order, ctx),
            Message::Pin(typed) => {
                self.signature.type_pin(typed);
                Event::None
            }
            Message::Cancel => Event::Cancel,
        }
    }

    /// A photo copied into the workspace for `item`, relative to the workspace.
    pub fn photo_attached(&mut self, item: &str, path: String) {
        self.entry(item.to_owned()).photos.push(path);
    }

    /// The chosen checklist's id.
    pub fn checklist_id(&self) -> Option<&str> {
        self.checklist.as_deref()
    }

    /// The chosen checker's person id.
    pub fn checker_id(&self) -> Option<&str> {
        self.checker.as_deref()
    }

    fn entry(&mut self, item: String) -> &mut Entry {
        self.entries.entry(item).or_default()
    }

    /// The chosen checklist as it is now, if it is still approved.
    fn current<'a>(&self, ctx: &Context<'a>) -> Option<&'a Checklist> {
        let checklist = ctx.records.checklist(self.checklist.as_deref()?)?;
        matches!(checklist.status, Status::Approved { .. }).then_some(checklist)
    }

    /// What was given for `item`, read against its kind.
    fn given(&self, item: &Item) -> Given {
        let answer = self.entries.get(&item.id).map(|e| &e.answer);
        let outcome = match (&item.kind, answer) {
            (_, None | Some(Answer::Open)) => return Given::Open,
            (_, Some(Answer::NotApplicable)) => Outcome::NotApplicable,
            (ItemKind::Tick, Some(Answer::Pass)) => Outcome::Pass,
            (ItemKind::Tick, Some(Answer::Fail)) => Outcome::Fail,
            (ItemKind::Measure { .. }, Some(Answer::Typed(typed))) => match typed_number(typed) {
                Ok(Some(value)) => Outcome::Value(value),
                Ok(None) => return Given::Open,
                Err(()) => return Given::NotANumber,
            },
            (ItemKind::Text, Some(Answer::Typed(typed))) if !typed.trim().is_empty() => {
                Outcome::Text(typed.trim().to_owned())
            }
            (ItemKind::Choice { options, .. }, Some(Answer::Chosen(option)))
                if options.contains(option) =>
            {
                Outcome::Chosen(option.into())
            }
            // An empty text, or an answer of another kind: the item changed underneath.
            _ => return Given::Open,
        };
        Given::Answer(outcome)
    }

    /// The results given so far, in the checklist's order.
    fn results(&self, checklist: &Checklist) -> Vec<CheckResult> {
        checklist
            .items
            .iter()
            .filter_map(|item| match self.given(item) {
                Given::Answer(outcome) => Some(CheckResult {
                    item: Name::from(&item.id),
                    outcome,
                    photos: self
                        .entries
                        .get(&item.id)
                        .map(|e| e.photos.clone())
                        .unwrap_or_default(),
                }),
                Given::Open | Given::NotANumber => None,
            })
            .collect()
    }

    /// The check and its proposed defects, or why it may not be saved yet.
    fn finish(&self, order: &Order, ctx: &Context) -> Result<(Check, Vec<Defect>), Refusal> {
        if self.checklist.is_none() {
            return Err(Refusal::NoChecklist);
        }
        let checklist = self.current(ctx).ok_or(Refusal::Gone)?;
        let checker = self.checker.as_ref().ok_or(Refusal::NoChecker)?;
        // Who checks matters before what was answered: say it first.
        checklist
            .may_check(order, checker)
            .map_err(|_| Refusal::FourEyes)?;
        for item in &checklist.items {
            match self.given(item) {
                Given::NotANumber => return Err(Refusal::NotANumber(item.id.clone())),
                Given::Open
                    if self
                        .entries
                        .get(&item.id)
                        .is_some_and(|e| !e.photos.is_empty()) =>
                {
                    return Err(Refusal::Photo(item.id.clone()));
                }
                Given::Open | Given::Answer(_) => {}
            }
        }
        let check = Check {
            checklist: Name::from(&checklist.id),
            revision: checklist.revision,
            checked_by: checker.into(),
            at: ctx.now,
            results: self.results(checklist),
        };
        match checklist.accepts(order, &check) {
            Ok(()) => {}
            Err(CheckRefused::FourEyes { .. }) => return Err(Refusal::FourEyes),
            Err(CheckRefused::CriticalOpen { .. }) => {
                let open = checklist
                    .items
                    .iter()
                    .filter(|item| {
                        item.critical && !check.results.iter().any(|r| r.item == item.id)
                    })
                    .map(|item| item.id.clone())
                    .collect();
                return Err(Refusal::CriticalOpen(open));
            }
        }
        let proposals = check
            .results
            .iter()
            .filter_map(|result| checklist.proposed_defect(order, result, ctx.today, ctx.records))
            .collect();
        Ok((check, proposals))
    }

    fn save(&mut self, order: &Order, ctx: &Context) -> Event {
        self.tried = true;
        // Answers given against an older revision are looked over before they are saved
        // as answers to the new one.
        if let Some(checklist) = self.current(ctx)
            && checklist.revision != self.revision
        {
            self.revision = checklist.revision;
            self.changed = true;
            return Event::None;
        }
        self.changed = false;
        match self.finish(order, ctx) {
            Ok((check, proposals))
                if self
                    .signature
                    .signs(&check.checked_by, ctx, std::time::Instant::now()) =>
            {
                Event::Done { check, proposals }
            }
            Ok(_) | Err(_) => Event::None,
        }
    }

    /// Why the check may not be saved, once a save was tried.
    fn refusal(&self, order: &Order, ctx: &Context) -> Option<Refusal> {
        if !self.tried {
            return None;
        }
        self.finish(order, ctx).err()
    }
}

/// The id of the input an item is answered in, if it is typed.
fn input_id(item: &Item) -> Option<String> {
    match item.kind {
        ItemKind::Measure { .. } => Some(measure_id(&item.id)),
        ItemKind::Text => Some(text_id(&item.id)),
        ItemKind::Tick | ItemKind::Choice { .. } => None,
    }
}
