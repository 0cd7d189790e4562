//! `training/<person-id>.ron`: which procedure revisions a person has read and signed, and
//! the rule that says whether a person is current on a procedure.
//!
//! **The rule.** A person is current on a procedure when they signed the revision in force,
//! or an earlier revision with no retraining revision after it: a revision approved with
//! `retrain: false` (a typo fix) keeps everyone who signed the one before current. A revision
//! whose change is missing from the history counts as retraining, so a gap in a hand-written
//! history never makes anyone current by accident. The figures, the dashboard, the report,
//! the training matrix and the window all ask [`standing`].

use serde::{Deserialize, Serialize};

use super::serde_util::bare;
use super::{Change, Date};

/// A person's signatures under procedures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Training {
    /// The person, equal to the file stem.
    pub person: String,
    /// Every revision they signed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signed: Vec<Signed>,
}

/// "I have read and will follow this revision."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signed {
    /// The procedure.
    pub procedure: String,
    /// The revision read.
    pub revision: u32,
    /// The day it was signed.
    pub on: Date,
    /// The owner who recorded a sign-off given on paper; omitted when the person signed at
    /// the desk themselves.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub recorded_by: Option<String>,
}

/// Where a person stands on one procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Standing {
    /// They signed the revision in force, or an earlier one that still counts (the
    /// newest such revision).
    Current { signed: u32 },
    /// They signed only a revision that a retraining revision has overtaken (the newest).
    OutOfDate { signed: u32 },
    /// They never signed any revision of it.
    Never,
}

impl Standing {
    /// Whether the person knows the revision in force.
    pub fn is_current(self) -> bool {
        matches!(self, Standing::Current { .. })
    }

    /// The newest revision they signed, if any.
    pub fn signed(self) -> Option<u32> {
        match self {
            Standing::Current { signed } | Standing::OutOfDate { signed } => Some(signed),
            Standing::Never => None,
        }
    }
}

/// Where someone who signed `signed` stands when revision `in_force` of a procedure with
/// this history is in force (the rule in this module's documentation).
pub fn standing(
    changes: &[Change],
    in_force: u32,
    signed: impl IntoIterator<Item = u32>,
) -> Standing {
    let Some(newest) = signed.into_iter().max() else {
        return Standing::Never;
    };
    let retrains = |revision: u32| {
        changes
            .iter()
            .filter(|change| change.revision == revision)
            .all(|change| change.retrain)
    };
    let overtaken = newest < in_force && (newest + 1..=in_force).any(retrains);
    if overtaken {
        Standing::OutOfDate { signed: newest }
    } else {
        Standing::Current { signed: newest }
    }
}

/// The revision of a procedure with this history that was in force on `day`: the newest
/// approved on or before it; `None` before its first approval.
pub fn in_force_on(changes: &[Change], day: Date) -> Option<u32> {
    changes
        .iter()
        .filter(|change| change.on <= day)
        .map(|change| change.revision)
        .max()
}

impl Training {
    /// Whether the person signed this revision of this procedure.
    pub fn has_signed(&self, procedure: &str, revision: u32) -> bool {
        self.signed
            .iter()
            .any(|signed| signed.procedure == procedure && signed.revision == revision)
    }

    /// The revisions of `procedure` the person signed on or before `day` (every one when
    /// `day` is `None`).
    pub fn revisions_signed<'a>(
        &'a self,
        procedure: &'a str,
        day: Option<Date>,
    ) -> impl Iterator<Item = u32> + 'a {
        self.signed
            .iter()
            .filter(move |s| s.procedure == procedure && day.is_none_or(|day| s.on <= day))
            .map(|s| s.revision)
    }

    /// Where the person stands on `procedure`, whose history is `changes`, with revision
    /// `in_force` in force now.
    pub fn standing(&self, procedure: &str, changes: &[Change], in_force: u32) -> Standing {
        standing(changes, in_force, self.revisions_signed(procedure, None))
    }

    /// Where the person stood on `procedure` on `day`, counting only what they had signed by
    /// then; `None` when no revision was in force that day.
    pub fn standing_on(&self, procedure: &str, changes: &[Change], day: Date) -> Option<Standing> {
        let in_force = in_force_on(changes, day)?;
        Some(standing(
            changes,
            in_force,
            self.revisions_signed(procedure, Some(day)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn day(n: i8) -> Date {
        Date::new(2026, 11, n).unwrap()
    }

    fn change(revision: u32, retrain: bool) -> Change {
        Change {
            revision,
            on: day(revision as i8),
            by: "anna".into(),
            note: format!("revision {revision}"),
            retrain,
        }
    }

    #[test]
    fn never_signed_is_never() {
        assert_eq!(standing(&[change(1, true)], 1, []), Standing::Never);
    }

    #[test]
    fn a_retraining_revision_overtakes_an_older_signature() {
        let history = [change(1, true), change(2, true)];
        assert_eq!(
            standing(&history, 2, [1]),
            Standing::OutOfDate { signed: 1 }
        );
        assert_eq!(
            standing(&history, 2, [1, 2]),
            Standing::Current { signed: 2 }
        );
    }

    #[test]
    fn a_typo_fix_keeps_everyone_current_until_the_next_retraining_revision() {
        let history = [change(1, true), change(2, false), change(3, true)];
        assert_eq!(standing(&history, 2, [1]), Standing::Current { signed: 1 });
        assert_eq!(
            standing(&history, 3, [1]),
            Standing::OutOfDate { signed: 1 }
        );
    }

    #[test]
    fn a_revision_missing_from_the_history_counts_as_retraining() {
        // Revision 2's change was never written down: nobody is current by accident.
        let history = [change(1, true), change(3, false)];
        assert_eq!(
            standing(&history, 3, [1]),
            Standing::OutOfDate { signed: 1 }
        );
    }

    #[test]
    fn on_a_day_only_what_was_in_force_and_signed_by_then_counts() {
        let history = [change(1, true), change(3, true)];
        let training = Training {
            person: "tom".into(),
            signed: vec![
                Signed {
                    procedure: "scoop".into(),
                    revision: 1,
                    on: day(1),
                    recorded_by: None,
                },
                Signed {
                    procedure: "scoop".into(),
                    revision: 3,
                    on: day(5),
                    recorded_by: Some("anna".into()),
                },
            ],
        };
        assert_eq!(
            training.standing_on("scoop", &history, day(2)),
            Some(Standing::Current { signed: 1 })
        );
        assert_eq!(
            training.standing_on("scoop", &history, day(4)),
            Some(Standing::OutOfDate { signed: 1 })
        );
        assert_eq!(
            training.standing_on("scoop", &history, day(5)),
            Some(Standing::Current { signed: 3 })
        );
        assert_eq!(
            training.standing_on("other", &history, day(5)),
            Some(Standing::Never)
        );
        let before = Date::new(2026, 10, 31).unwrap();
        assert_eq!(training.standing_on("scoop", &history, before), None);
    }

    proptest! {
        /// Signing the revision in force always makes a person current, whatever the
        /// history and whatever else they signed.
        #[test]
        fn signing_the_revision_in_force_makes_a_person_current(
            flags in proptest::collection::vec(any::<bool>(), 1..12),
            others in proptest::collection::vec(1u32..12, 0..6),
            pick in any::<prop::sample::Index>(),
        ) {
            let history: Vec<Change> = flags
                .iter()
                .enumerate()
                .map(|(n, retrain)| change(n as u32 + 1, *retrain))
                .collect();
            let in_force = pick.index(history.len()) as u32 + 1;
            let mut signed = others.clone();
            signed.retain(|r| *r <= in_force);
            signed.push(in_force);
            prop_assert!(standing(&history, in_force, signed).is_current());
        }

        /// Current exactly when no retraining revision lies after the newest signature.
        #[test]
        fn current_means_no_retraining_revision_since(
            flags in proptest::collection::vec(any::<bool>(), 1..12),
            signed in 1u32..12,
        ) {
            let history: Vec<Change> = flags
                .iter()
                .enumerate()
                .map(|(n, retrain)| change(n as u32 + 1, *retrain))
                .collect();
            let in_force = history.len() as u32;
            let expected = (signed + 1..=in_force).all(|r| !flags[r as usize - 1]);
            prop_assert_eq!(standing(&history, in_force, [signed]).is_current(), expected);
        }
    }
}
