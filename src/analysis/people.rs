//! Who is not current on what is in force, and which procedures are past their review.

use serde::Serialize;

use super::training::{in_force, matrix};
use crate::model::{Date, Records};

/// Someone on the staff who is not current on the approved revision in force (the rule of
/// [`crate::model::standing`]): never signed it, or signed only a revision a retraining
/// revision has overtaken.
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

/// Every (person who has not left by `today`, procedure in force) where the person is not
/// current, by person then procedure: the matrix's cells that are not current.
pub(super) fn training_gaps(records: &Records, today: Date) -> Vec<TrainingGap> {
    matrix(records, today)
        .people
        .into_iter()
        .flat_map(|row| {
            let person = row.person;
            row.cells
                .into_iter()
                .filter(|cell| !cell.standing.is_current())
                .map(move |cell| TrainingGap {
                    person: person.clone(),
                    procedure: cell.procedure,
                    signed_revision: cell.standing.signed(),
                    current_revision: cell.in_force,
                })
        })
        .collect()
}

/// Procedures in force whose `review_by` is before `today`, by id.
pub(super) fn reviews_overdue(records: &Records, today: Date) -> Vec<String> {
    in_force(records)
        .into_iter()
        .filter(|p| p.review_by.is_some_and(|by| by < today))
        .map(|p| p.id.clone())
        .collect()
}
