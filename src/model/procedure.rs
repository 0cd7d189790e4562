//! `procedures/<id>.ron`: a standard operating procedure.

use serde::{Deserialize, Serialize};

use super::serde_util::bare;
use super::{Date, Number};

/// How something is done here, step by step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// The id, equal to the file stem.
    pub id: String,
    /// What the procedure is called.
    pub title: String,
    /// Why it exists.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    /// Where and when it applies.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scope: String,
    /// The person who keeps it up to date.
    pub owner: String,
    /// Counts up with every approved change.
    pub revision: u32,
    /// Draft, approved or retired.
    pub status: Status,
    /// When the owner must look at it again.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub review_by: Option<Date>,
    /// The steps, in the order they are done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    /// What changed in each revision.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
}

/// One step of a procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique within the procedure and never reused, so defects can point at it.
    pub id: String,
    /// What to do.
    pub text: String,
    /// The measurable standard, if there is one.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub spec: Option<Spec>,
    /// What must never happen, set apart so nobody misses it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub warning: Option<String>,
    /// What right looks like: photos copied into `attachments/procedures/<procedure-id>/`,
    /// paths relative to the workspace, in the order shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<String>,
}

/// A measurable standard: "one ball is 60-70 g".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// What is measured.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub what: String,
    /// Its unit.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// The value aimed for.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub target: Option<Number>,
    /// The lowest acceptable value.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub min: Option<Number>,
    /// The highest acceptable value.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub max: Option<Number>,
}

/// Where a procedure or checklist stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Being written; not yet in force.
    Draft,
    /// In force since an owner approved it.
    Approved {
        /// The approving owner.
        by: String,
        /// The day of approval.
        on: Date,
    },
    /// No longer in force.
    Retired {
        /// The day it was retired.
        on: Date,
    },
}

/// One line of the revision history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The revision this change produced.
    pub revision: u32,
    /// The day it was approved.
    pub on: Date,
    /// Who approved it.
    pub by: String,
    /// What changed, and why.
    pub note: String,
    /// Whether everyone must read this revision again. `false` for a change that leaves
    /// the procedure's meaning as it was (a typo): who signed an earlier revision stays
    /// current. Omitted from the file when `true`, the default.
    #[serde(
        default = "retrain_default",
        skip_serializing_if = "is_retrain_default"
    )]
    pub retrain: bool,
}

fn retrain_default() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_retrain_default(retrain: &bool) -> bool {
    *retrain
}

impl Spec {
    /// Whether a measured value meets the standard's bounds.
    pub fn accepts(&self, value: Number) -> bool {
        within(value, self.min, self.max)
    }

    /// Problems with the numbers themselves: `min <= target <= max` where present.
    pub fn inconsistency(&self) -> Option<String> {
        bounds_inconsistency(self.target, self.min, self.max)
    }
}

/// Whether `value` lies within the bounds that are present.
pub(crate) fn within(value: Number, min: Option<Number>, max: Option<Number>) -> bool {
    min.is_none_or(|min| value >= min) && max.is_none_or(|max| value <= max)
}

/// Why `min <= target <= max` does not hold, in plain words.
pub(crate) fn bounds_inconsistency(
    target: Option<Number>,
    min: Option<Number>,
    max: Option<Number>,
) -> Option<String> {
    if let (Some(min), Some(max)) = (min, max)
        && min > max
    {
        return Some(format!("min {min} is above max {max}"));
    }
    let target = target?;
    if !within(target, min, max) {
        return Some(format!(
            "target {target} lies outside the bounds {}-{}",
            min.map_or("…".to_owned(), |n| n.to_string()),
            max.map_or("…".to_owned(), |n| n.to_string())
        ));
    }
    None
}

impl Procedure {
    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|step| step.id == id)
    }

    /// Whether this revision is in force.
    pub fn is_approved(&self) -> bool {
        matches!(self.status, Status::Approved { .. })
    }
}
