//! `orders/<YYYY-MM>/<id>.ron`: one order with its checks, defects and customer contacts.

use serde::{Deserialize, Serialize};

use super::serde_util::{bare, exact, is_false};
use super::{Checklist, Date, DateTime, ItemKind, Name, Number};

/// One order, and everything that happened to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// The till's or webshop's number, equal to the file stem.
    pub id: String,
    /// The day it was placed; it decides the order's month folder.
    pub placed: Date,
    /// Who it was for.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub customer: Option<String>,
    /// What was made.
    pub product: Name,
    /// Who made it.
    pub made_by: Name,
    /// The QC checks done on it.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "exact"
    )]
    pub checks: Vec<Check>,
    /// What went wrong.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "exact"
    )]
    pub defects: Vec<Defect>,
    /// Every time the customer got in touch.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "exact"
    )]
    pub contacts: Vec<Contact>,
}

/// One run through a checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// The checklist used.
    pub checklist: Name,
    /// The revision of that checklist.
    pub revision: u32,
    /// Who checked.
    pub checked_by: Name,
    /// When.
    pub at: DateTime,
    /// One result per answered item.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "exact"
    )]
    pub results: Vec<CheckResult>,
}

/// The answer to one checklist item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Result", deny_unknown_fields)]
pub struct CheckResult {
    /// The item answered.
    pub item: Name,
    /// The answer.
    pub outcome: Outcome,
    /// Photos, relative to the workspace.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "exact"
    )]
    pub photos: Vec<String>,
}

/// An answer as the checker gave it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// It is right.
    Pass,
    /// It is wrong.
    Fail,
    /// It does not apply to this order.
    NotApplicable,
    /// A measured number.
    Value(Number),
    /// One of a choice's options.
    Chosen(Name),
    /// Free text.
    Text(String),
}

/// Something that went wrong, with its cause and what was done about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defect {
    /// Unique within the order.
    pub id: String,
    /// The day it was found.
    pub found: Date,
    /// Who found it.
    pub found_by: FoundBy,
    /// One of the workspace's defect categories.
    pub category: String,
    /// The procedure that should have prevented it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub procedure: Option<String>,
    /// The step of that procedure.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub step: Option<String>,
    /// How bad it is.
    pub severity: Severity,
    /// What was wrong.
    pub description: String,
    /// What it cost, in cents.
    #[serde(default)]
    pub cost_cents: u64,
    /// Why it happened.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub root_cause: Option<RootCause>,
    /// What is done about it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub action: Option<Action>,
    /// Photos, relative to the workspace.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "exact"
    )]
    pub photos: Vec<String>,
}

/// Who found a defect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FoundBy {
    /// The second check caught it.
    Check,
    /// Someone on the staff noticed it.
    Staff(String),
    /// The customer did: it escaped.
    Customer,
}

/// How bad a defect is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    /// An annoyance.
    Minor,
    /// The customer notices and minds.
    Major,
    /// Safety, health or a lost customer.
    Critical,
}

/// Five whys and the cause they lead to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RootCause {
    /// Each answer to "why?", in order.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "exact"
    )]
    pub whys: Vec<String>,
    /// The root cause found.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cause: String,
}

/// What is done about a defect, by whom and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Correction, corrective or preventive.
    pub kind: ActionKind,
    /// What is done.
    pub what: String,
    /// Who does it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub owner: Option<String>,
    /// By when.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub due: Option<Date>,
    /// When it was done.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub done: Option<Date>,
    /// When someone saw that it worked.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub verified: Option<Date>,
    /// Who saw it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub verified_by: Option<String>,
}

/// The reach of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionKind {
    /// Puts this order right.
    Correction,
    /// Removes the cause.
    Corrective,
    /// Stops a cause that has not struck yet.
    Preventive,
}

/// A customer getting in touch about an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// When.
    pub at: DateTime,
    /// How.
    pub channel: Channel,
    /// Who took it.
    pub by: String,
    /// What it was about.
    pub about: String,
    /// Whether we apologised.
    #[serde(default, skip_serializing_if = "is_false")]
    pub apology: bool,
}

/// How a customer got in touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Channel {
    /// By phone.
    Phone,
    /// By email.
    Email,
    /// At the counter.
    InPerson,
    /// Through the webshop or a review site.
    Web,
    /// Through social media.
    Social,
}

/// A defect's state, derived from its action and never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DefectState {
    /// Nothing done yet.
    Open,
    /// The action is done.
    Fixed,
    /// Someone saw that the action worked.
    Verified,
}

impl Defect {
    /// Open, Fixed or Verified, as FORMAT.md derives it.
    pub fn state(&self) -> DefectState {
        match &self.action {
            Some(Action {
                verified: Some(_), ..
            }) => DefectState::Verified,
            Some(Action { done: Some(_), .. }) => DefectState::Fixed,
            _ => DefectState::Open,
        }
    }

    /// Whether its action is past due and not done, on `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        matches!(&self.action, Some(Action { due: Some(due), done: None, .. }) if *due < today)
    }
}

/// How one checklist item came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemVerdict {
    /// Answered and right.
    Passed,
    /// Answered and wrong.
    Failed,
    /// Marked not applicable.
    NotApplicable,
    /// No answer was recorded.
    Missing,
}

/// How a whole check came out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOutcome {
    /// Per item of the checklist revision, in its order: the item id and its verdict.
    pub items: Vec<(String, ItemVerdict, bool)>,
}

impl CheckOutcome {
    /// A check fails on any failed or missing critical item.
    pub fn passed(&self) -> bool {
        !self.items.iter().any(|(_, verdict, critical)| {
            *critical && matches!(verdict, ItemVerdict::Failed | ItemVerdict::Missing)
        })
    }

    /// What a saved check comes to: a critical item failed or missing fails it, other
    /// failed items are counted as not OK. Every screen and document shows this.
    pub fn state(&self) -> CheckState {
        if !self.passed() {
            return CheckState::Failed;
        }
        match self.failed_items().count() {
            0 => CheckState::Passed,
            not_ok => CheckState::PassedWithNotOk(not_ok),
        }
    }

    /// What a check being answered comes to so far: failed once a critical item failed,
    /// not finished while a critical item is open or nothing is answered yet, and then
    /// what [`CheckOutcome::state`] would say of it saved.
    pub fn state_so_far(&self) -> CheckState {
        let critical_failed = self
            .items
            .iter()
            .any(|(_, verdict, critical)| *critical && *verdict == ItemVerdict::Failed);
        if critical_failed {
            return CheckState::Failed;
        }
        let open_critical = self
            .items
            .iter()
            .filter(|(_, verdict, critical)| *critical && *verdict == ItemVerdict::Missing)
            .count();
        let nothing_answered = self
            .items
            .iter()
            .all(|(_, verdict, _)| *verdict == ItemVerdict::Missing);
        if open_critical > 0 || nothing_answered {
            return CheckState::NotFinished { open_critical };
        }
        self.state()
    }

    /// The items that failed, critical or not: each should propose a defect.
    pub fn failed_items(&self) -> impl Iterator<Item = &str> {
        self.items
            .iter()
            .filter(|(_, verdict, _)| *verdict == ItemVerdict::Failed)
            .map(|(id, _, _)| id.as_str())
    }
}

/// What a check comes to, in the three words (and one while answering) that every
/// screen and document uses, so none of them re-derives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckState {
    /// Still being answered: critical items open (this many), or nothing answered yet.
    NotFinished {
        /// Critical items not answered yet.
        open_critical: usize,
    },
    /// A critical item failed or is missing: the order must not go out.
    Failed,
    /// Every critical item passed but this many others failed: it may go out, each
    /// logged as a defect.
    PassedWithNotOk(usize),
    /// Nothing failed.
    Passed,
}

/// How an answer fares against the item it answers.
pub fn verdict(kind: &ItemKind, outcome: &Outcome) -> ItemVerdict {
    match (kind, outcome) {
        (_, Outcome::NotApplicable) => ItemVerdict::NotApplicable,
        (_, Outcome::Fail) => ItemVerdict::Failed,
        (_, Outcome::Pass) => ItemVerdict::Passed,
        (kind, Outcome::Value(value)) => {
            if kind.accepts_value(*value) {
                ItemVerdict::Passed
            } else {
                ItemVerdict::Failed
            }
        }
        (ItemKind::Choice { pass, .. }, Outcome::Chosen(choice)) => {
            if pass.iter().any(|option| option == choice) {
                ItemVerdict::Passed
            } else {
                ItemVerdict::Failed
            }
        }
        (_, Outcome::Chosen(_) | Outcome::Text(_)) => ItemVerdict::Passed,
    }
}

impl Check {
    /// Judges this check against the checklist revision it names.
    pub fn outcome(&self, checklist: &Checklist) -> CheckOutcome {
        let items = checklist
            .items
            .iter()
            .map(|item| {
                let verdict = self
                    .results
                    .iter()
                    .find(|result| result.item == item.id)
                    .map_or(ItemVerdict::Missing, |result| {
                        verdict(&item.kind, &result.outcome)
                    });
                (item.id.clone(), verdict, item.critical)
            })
            .collect();
        CheckOutcome { items }
    }

    /// Whether this check passes `checklist`: no critical item of it failed or went
    /// unanswered. The rule of `self.outcome(checklist).passed()`, which the test below
    /// holds this to, without building the outcome: that copies every item's id, and on
    /// 100,000 orders those copies were two thirds of the figures' time. Items that are
    /// not critical cannot fail a check, so they are not looked at.
    pub fn passes(&self, checklist: &Checklist) -> bool {
        checklist
            .items
            .iter()
            .filter(|item| item.critical)
            .all(|item| {
                self.results
                    .iter()
                    .find(|result| result.item == item.id)
                    .is_some_and(|result| {
                        verdict(&item.kind, &result.outcome) != ItemVerdict::Failed
                    })
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CheckResult, Date, DateTime, Item, Number, Status};

    fn kinds() -> Vec<ItemKind> {
        vec![
            ItemKind::Tick,
            ItemKind::Measure {
                unit: "g".to_owned(),
                min: Number::new(60.0),
                max: Number::new(70.0),
            },
            ItemKind::Choice {
                options: vec!["round".to_owned(), "flat".to_owned()],
                pass: vec!["round".to_owned()],
            },
            ItemKind::Text,
        ]
    }

    fn answers() -> Vec<Option<Outcome>> {
        let number = |n| Outcome::Value(Number::new(n).unwrap());
        vec![
            None,
            Some(Outcome::Pass),
            Some(Outcome::Fail),
            Some(Outcome::NotApplicable),
            Some(number(65.0)),
            Some(number(58.0)),
            Some(Outcome::Chosen("round".into())),
            Some(Outcome::Chosen("flat".into())),
            Some(Outcome::Text("ok".to_owned())),
        ]
    }

    /// Every kind, critical or not, against every answer (or none), in pairs of items so
    /// one item's verdict cannot hide another's: the fast rule agrees with the model's.
    #[test]
    fn passes_agrees_with_the_models_outcome() {
        let mut cases = 0;
        for (first, second) in kinds()
            .iter()
            .flat_map(|a| kinds().into_iter().map(move |b| (a.clone(), b)))
        {
            for critical in [(true, true), (true, false), (false, true), (false, false)] {
                let checklist = checklist_of(vec![
                    item("a", first.clone(), critical.0),
                    item("b", second.clone(), critical.1),
                ]);
                for a in answers() {
                    for b in answers() {
                        let given: Vec<(&str, Outcome)> = [("a", &a), ("b", &b)]
                            .into_iter()
                            .filter_map(|(item, outcome)| Some((item, outcome.clone()?)))
                            .collect();
                        let check = check_of(&given);
                        assert_eq!(
                            check.passes(&checklist),
                            check.outcome(&checklist).passed(),
                            "{check:?} against {checklist:?}"
                        );
                        cases += 1;
                    }
                }
            }
        }
        assert_eq!(cases, 16 * 4 * 81);
    }

    /// A checklist of a critical measure and two ticks that are not critical (or, with
    /// `critical` false, of three items none of which is).
    fn three_items(critical: bool) -> Checklist {
        checklist_of(vec![
            item("weight", kinds()[1].clone(), critical),
            item("clean", ItemKind::Tick, false),
            item("napkin", ItemKind::Tick, false),
        ])
    }

    fn item(id: &str, kind: ItemKind, critical: bool) -> Item {
        Item {
            id: id.to_owned(),
            prompt: String::new(),
            kind,
            step: None,
            critical,
        }
    }

    /// A draft checklist "c", revision 1, of these items.
    fn checklist_of(items: Vec<Item>) -> Checklist {
        Checklist {
            id: "c".to_owned(),
            title: "c".to_owned(),
            procedure: None,
            four_eyes: false,
            revision: 1,
            status: Status::Draft,
            items,
            changes: Vec::new(),
        }
    }

    fn check_of(answers: &[(&str, Outcome)]) -> Check {
        Check {
            checklist: "c".into(),
            revision: 1,
            checked_by: "x".into(),
            at: DateTime::start_of(Date::new(2026, 11, 23).unwrap()),
            results: answers
                .iter()
                .map(|(item, outcome)| CheckResult {
                    item: (*item).into(),
                    outcome: outcome.clone(),
                    photos: Vec::new(),
                })
                .collect(),
        }
    }

    /// The three states, and "not finished" while answering: never "passed" before a
    /// critical item is answered, nor with nothing answered at all.
    #[test]
    fn a_check_is_failed_passed_with_not_ok_items_or_passed() {
        use CheckState::*;
        let grams = |n| Outcome::Value(Number::new(n).unwrap());
        type Case<'a> = (bool, Vec<(&'a str, Outcome)>, CheckState, CheckState);
        let cases: [Case; 7] = [
            (true, vec![], NotFinished { open_critical: 1 }, Failed),
            (false, vec![], NotFinished { open_critical: 0 }, Passed),
            (
                true,
                vec![("clean", Outcome::Fail)],
                NotFinished { open_critical: 1 },
                Failed,
            ),
            (true, vec![("weight", grams(58.0))], Failed, Failed),
            (true, vec![("weight", grams(65.0))], Passed, Passed),
            (
                true,
                vec![
                    ("weight", grams(65.0)),
                    ("clean", Outcome::Fail),
                    ("napkin", Outcome::Fail),
                ],
                PassedWithNotOk(2),
                PassedWithNotOk(2),
            ),
            (
                false,
                vec![("clean", Outcome::Fail)],
                PassedWithNotOk(1),
                PassedWithNotOk(1),
            ),
        ];
        for (critical, answers, so_far, saved) in cases {
            let outcome = check_of(&answers).outcome(&three_items(critical));
            assert_eq!(
                outcome.state_so_far(),
                so_far,
                "{answers:?}, critical {critical}"
            );
            assert_eq!(outcome.state(), saved, "{answers:?}, critical {critical}");
            // The on-disk rule stays: only a failed or missing critical item fails.
            assert_eq!(outcome.passed(), saved != Failed);
        }
    }
}
