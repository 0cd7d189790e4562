//! `checklists/<id>.ron`: the QC checklist a second person ticks.

use serde::{Deserialize, Serialize};

use super::procedure::{bounds_inconsistency, within};
use super::serde_util::{bare, is_false};
use super::{Change, Number, Spec, Status};

/// A QC checklist, usually ticked by someone other than the maker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// The id, equal to the file stem.
    pub id: String,
    /// What is checked, and when.
    pub title: String,
    /// The procedure whose steps the items verify.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub procedure: Option<String>,
    /// The checker may not be the maker.
    #[serde(default)]
    pub four_eyes: bool,
    /// Counts up with every approved change.
    pub revision: u32,
    /// Draft, approved or retired.
    pub status: Status,
    /// What the checker does, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
    /// What changed in each revision.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
}

/// One thing the checker does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Unique within the checklist.
    pub id: String,
    /// Spoken to the checker: "You weigh the ball."
    pub prompt: String,
    /// How it is answered.
    pub kind: ItemKind,
    /// The procedure step this item verifies.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub step: Option<String>,
    /// A failed or missing critical item fails the whole check.
    #[serde(default, skip_serializing_if = "is_false")]
    pub critical: bool,
}

/// How a checklist item is answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ItemKind {
    /// Pass, fail or not applicable.
    Tick,
    /// A number, in or out of bounds.
    Measure {
        /// The unit read off the instrument.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        unit: String,
        /// The lowest value that passes.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "bare"
        )]
        min: Option<Number>,
        /// The highest value that passes.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "bare"
        )]
        max: Option<Number>,
    },
    /// One of a fixed list, so nobody types "Yes" against "yes".
    Choice {
        /// What may be picked.
        options: Vec<String>,
        /// The picks that pass.
        pass: Vec<String>,
    },
    /// Free text; it records, it does not judge.
    Text,
}

/// The words by which a prompt speaks to the checker, in English and in Dutch.
const SECOND_PERSON: [&str; 10] = [
    "you", "your", "yours", "yourself", "je", "jij", "jou", "jouw", "u", "uw",
];

/// Whether `prompt` speaks to the checker in the second person ("You weigh the ball.",
/// "Je weegt het bolletje."), as prompts are written: a word of it addresses them.
pub fn speaks_to_checker(prompt: &str) -> bool {
    prompt.split(|c: char| !c.is_alphanumeric()).any(|word| {
        SECOND_PERSON
            .iter()
            .any(|you| word.eq_ignore_ascii_case(you))
    })
}

impl ItemKind {
    /// Why the kind's own settings are inconsistent, if they are.
    pub fn inconsistency(&self) -> Option<String> {
        match self {
            ItemKind::Measure { min, max, .. } => bounds_inconsistency(None, *min, *max),
            ItemKind::Choice { options, pass } => {
                if options.is_empty() {
                    return Some("a choice needs at least one option".to_owned());
                }
                pass.iter()
                    .find(|choice| !options.contains(choice))
                    .map(|choice| format!("passing choice \"{choice}\" is not one of the options"))
            }
            ItemKind::Tick | ItemKind::Text => None,
        }
    }

    /// Whether a measured value passes this item.
    pub fn accepts_value(&self, value: Number) -> bool {
        match self {
            ItemKind::Measure { min, max, .. } => within(value, *min, *max),
            _ => true,
        }
    }
}

/// Whether a measure's bounds differ from the standard of the step it verifies. Only a
/// measure of the same thing is compared: one in another unit ("3 slices" against the
/// step's "45–55 g" of ham) measures something else, and a standard with no bounds (a
/// target alone) gives nothing to compare.
pub fn differs_from_standard(
    unit: &str,
    min: Option<Number>,
    max: Option<Number>,
    spec: &Spec,
) -> bool {
    let (unit, standard_unit) = (unit.trim(), spec.unit.trim());
    let same_thing = unit.is_empty() || standard_unit.is_empty() || unit == standard_unit;
    let has_bounds = spec.min.is_some() || spec.max.is_some();
    same_thing && has_bounds && (min != spec.min || max != spec.max)
}

/// "60–70 g", "at least 60 g", "at most 70 g": bounds in the words of a check finding.
pub fn bounds_words(unit: &str, min: Option<Number>, max: Option<Number>) -> String {
    let bounds = match (min, max) {
        (Some(min), Some(max)) => format!("{min}\u{2013}{max}"),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => return "no bounds".to_owned(),
    };
    match unit.trim() {
        "" => bounds,
        unit => format!("{bounds} {unit}"),
    }
}

impl Checklist {
    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }
}

#[cfg(test)]
mod second_person {
    use super::speaks_to_checker;

    #[test]
    fn a_prompt_that_addresses_the_checker_speaks_to_them() {
        for prompt in [
            "You weigh the ball.",
            "Weigh the ball in your hand.",
            "Je weegt het bolletje.",
            "U leest de temperatuur af.",
            "Check it yourself; you know how.",
        ] {
            assert!(speaks_to_checker(prompt), "{prompt}");
        }
        for prompt in [
            "Weigh the ball.",
            "Weeg het bolletje.",
            "Youth menu size",
            "",
        ] {
            assert!(!speaks_to_checker(prompt), "{prompt}");
        }
    }
}
