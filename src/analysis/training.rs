//! Who knows what: the training matrix, and whether a person was current on a procedure on
//! a given day. Both ask the one rule, [`crate::model::standing`].

use serde::Serialize;

use crate::model::{Change, Date, Procedure, Records, Standing, Status, in_force_on};

/// People who have not left × approved procedures in force: what the matrix screen, the
/// `training` command and the printed matrix all show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matrix {
    /// The day it was judged on (who has left by then is not in it).
    pub today: Date,
    /// The columns: every approved procedure in force, by id.
    pub procedures: Vec<Column>,
    /// The rows: everyone on the staff who has not left, by id.
    pub people: Vec<Row>,
}

/// One procedure in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// The procedure's id.
    pub procedure: String,
    /// Its title, in the revision in force.
    pub title: String,
    /// The approved revision in force.
    pub in_force: u32,
}

/// One person: where they stand on each procedure in force, and everything they signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The person's id.
    pub person: String,
    /// Their full name.
    pub name: String,
    /// One cell per column of the matrix, in the same order.
    pub cells: Vec<Cell>,
    /// Every signature in their training record, by procedure, then date, then revision:
    /// their history, including procedures no longer in force.
    pub signatures: Vec<Signature>,
}

/// Where one person stands on one procedure in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The procedure's id.
    pub procedure: String,
    /// The approved revision in force.
    pub in_force: u32,
    /// Current, out of date (with the revision signed) or never signed.
    pub standing: Standing,
}

/// One signature of a person's history.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Signature {
    /// The procedure.
    pub procedure: String,
    /// The day it was signed.
    pub on: Date,
    /// The revision signed.
    pub revision: u32,
    /// The owner who recorded a sign-off given on paper; `None` when signed at the desk.
    pub recorded_by: Option<String>,
}

impl Matrix {
    /// The row of this person, if they are in the matrix.
    pub fn row(&self, person: &str) -> Option<&Row> {
        self.people.iter().find(|row| row.person == person)
    }
}

impl Row {
    /// The cell of this procedure, if it is in force.
    pub fn cell(&self, procedure: &str) -> Option<&Cell> {
        self.cells.iter().find(|cell| cell.procedure == procedure)
    }
}

/// The approved revision of each procedure in force: the current file when it is
/// approved; while a draft of the next revision is being written, the newest approved
/// revision in the archive; none for a retired procedure or a first draft. By id.
pub fn in_force(records: &Records) -> Vec<&Procedure> {
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

/// The training matrix of `records` on `today`: everyone who has not left by `today` ×
/// every approved procedure in force, each cell judged by [`crate::model::standing`] on
/// the history of the revision in force, with each person's signatures for their history.
pub fn matrix(records: &Records, today: Date) -> Matrix {
    let procedures = in_force(records);
    let mut staff: Vec<_> = records
        .workspace
        .staff
        .iter()
        .filter(|person| !person.has_left(today))
        .collect();
    staff.sort_by(|a, b| a.id.cmp(&b.id));
    staff.dedup_by(|a, b| a.id == b.id);
    let people = staff
        .into_iter()
        .map(|person| {
            let training = records.training.iter().find(|t| t.person == person.id);
            let cells = procedures
                .iter()
                .map(|procedure| Cell {
                    procedure: procedure.id.clone(),
                    in_force: procedure.revision,
                    standing: training.map_or(Standing::Never, |t| {
                        t.standing(&procedure.id, &procedure.changes, procedure.revision)
                    }),
                })
                .collect();
            let mut signatures: Vec<Signature> = training
                .into_iter()
                .flat_map(|t| &t.signed)
                .map(|s| Signature {
                    procedure: s.procedure.clone(),
                    on: s.on,
                    revision: s.revision,
                    recorded_by: s.recorded_by.clone(),
                })
                .collect();
            signatures.sort();
            Row {
                person: person.id.clone(),
                name: person.name.clone(),
                cells,
                signatures,
            }
        })
        .collect();
    Matrix {
        today,
        procedures: procedures
            .into_iter()
            .map(|p| Column {
                procedure: p.id.clone(),
                title: p.title.clone(),
                in_force: p.revision,
            })
            .collect(),
        people,
    }
}

/// The whole approved history of `procedure`: the changes listed in its current file and
/// its archived revisions, and each approved revision's own approval where no change names
/// it (a first revision is approved without a change note), by revision. What
/// [`standing_on`] asks [`crate::model::in_force_on`] about.
pub fn history(records: &Records, procedure: &str) -> Vec<Change> {
    let files = records
        .procedures
        .iter()
        .chain(&records.archived_procedures)
        .filter(|p| p.id == procedure);
    let mut changes: Vec<Change> = Vec::new();
    for file in files.clone() {
        for change in &file.changes {
            if !changes.iter().any(|c| c.revision == change.revision) {
                changes.push(change.clone());
            }
        }
    }
    for file in files {
        if let Status::Approved { by, on } = &file.status
            && !changes.iter().any(|c| c.revision == file.revision)
        {
            changes.push(Change {
                revision: file.revision,
                on: *on,
                by: by.clone(),
                note: String::new(),
                retrain: true,
            });
        }
    }
    changes.sort_by_key(|c| c.revision);
    changes
}

/// Where `person` stood on `procedure` on `day` (what they had signed by then, against the
/// revision in force that day, by [`history`]): what the check runner and the defect form
/// ask about an order's maker or checker. `None` when the procedure is unknown or had no
/// approved revision in force that day. Someone with no training record has `Never` signed.
pub fn standing_on(
    records: &Records,
    person: &str,
    procedure: &str,
    day: Date,
) -> Option<Standing> {
    let changes = history(records, procedure);
    standing_with(records, person, procedure, &changes, day)
}

/// [`standing_on`] with the procedure's [`history`] already at hand.
pub(super) fn standing_with(
    records: &Records,
    person: &str,
    procedure: &str,
    changes: &[Change],
    day: Date,
) -> Option<Standing> {
    match records.training.iter().find(|t| t.person == person) {
        Some(training) => training.standing_on(procedure, changes, day),
        None => in_force_on(changes, day).map(|_| Standing::Never),
    }
}
