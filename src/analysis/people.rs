//! Who has not signed what is in force, and which procedures are past their review.

use serde::Serialize;

use crate::model::{Date, Procedure, Records, Status};

/// Someone on the staff who has not signed the approved revision in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrainingGap {
    /// The person's id.
    pub person: String,
    /// The procedure's id.
    pub procedure: String,
    /// The newest revision they signed; `None` when they never signed it.
    pub signed_revision: Option<u32>,
    /// The approved revision in force.
    pub current_revision: u32,
}

/// The approved revision of each procedure in force: the current file when it is
/// approved; while a draft of the next revision is being written, the newest approved
/// revision in the archive; none for a retired procedure or a first draft.
fn in_force(records: &Records) -> Vec<&Procedure> {
    let mut out: Vec<&Procedure> = records
        .procedures
        .iter()
        .filter_map(|procedure| match procedure.status {
            Status::Approved { .. } => Some(procedure),
            Status::Retired { .. } => None,
            Status::Draft => records
                .archived_procedures
                .iter()
                .filter(|old| old.id == procedure.id && old.is_approved())
                .max_by_key(|old| old.revision),
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// Every (person on the staff, procedure in force) where the person has not signed the
/// revision in force, by person then procedure.
pub(super) fn training_gaps(records: &Records) -> Vec<TrainingGap> {
    let procedures = in_force(records);
    let mut staff: Vec<&str> = records
        .workspace
        .staff
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    staff.sort_unstable();
    staff.dedup();
    let mut gaps = Vec::new();
    for person in staff {
        let training = records.training.iter().find(|t| t.person == person);
        for procedure in &procedures {
            if training.is_some_and(|t| t.has_signed(&procedure.id, procedure.revision)) {
                continue;
            }
            let signed_revision = training.and_then(|t| {
                t.signed
                    .iter()
                    .filter(|s| s.procedure == procedure.id)
                    .map(|s| s.revision)
                    .max()
            });
            gaps.push(TrainingGap {
                person: person.to_owned(),
                procedure: procedure.id.clone(),
                signed_revision,
                current_revision: procedure.revision,
            });
        }
    }
    gaps
}

/// Procedures in force whose `review_by` is before `today`, by id.
pub(super) fn reviews_overdue(records: &Records, today: Date) -> Vec<String> {
    in_force(records)
        .into_iter()
        .filter(|p| p.review_by.is_some_and(|by| by < today))
        .map(|p| p.id.clone())
        .collect()
}
