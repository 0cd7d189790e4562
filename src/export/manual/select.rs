//! Which revision of which procedure and checklist goes into a manual.
//!
//! A manual prints what is in force: the approved revision. While a procedure is
//! being redrafted its file holds the draft and the approved revision waits in the
//! archive, so that is where it is found.

use crate::model::{Checklist, Procedure, Records, Revised, Status};

use super::super::ExportError;

/// The records a manual prints, in the order it prints them.
#[derive(Debug)]
pub(crate) struct Selection<'a> {
    pub procedures: Vec<&'a Procedure>,
    /// Each checklist with the index in `procedures` of the procedure it verifies.
    pub checklists: Vec<(&'a Checklist, Option<usize>)>,
}

/// The revision to print: the current one when approved (or a draft, when drafts are
/// wanted), else the newest approved revision in the archive. Retired records print never.
fn printable<'a, T: Revised>(
    current: &'a T,
    archived: impl Iterator<Item = &'a T>,
    drafts: bool,
) -> Option<&'a T> {
    match current.status() {
        Status::Approved { .. } => Some(current),
        Status::Draft if drafts => Some(current),
        Status::Draft => archived
            .filter(|old| {
                matches!(old.status(), Status::Approved { .. })
                    && old.revision() < current.revision()
            })
            .max_by_key(|old| old.revision()),
        Status::Retired { .. } => None,
    }
}

fn procedure<'a>(
    records: &'a Records,
    current: &'a Procedure,
    drafts: bool,
) -> Option<&'a Procedure> {
    let archived = (records.archived_procedures.iter()).filter(|old| old.id == current.id);
    printable(current, archived, drafts)
}

fn checklist<'a>(
    records: &'a Records,
    current: &'a Checklist,
    drafts: bool,
) -> Option<&'a Checklist> {
    let archived = (records.archived_checklists.iter()).filter(|old| old.id == current.id);
    printable(current, archived, drafts)
}

fn by_title<T>(title: impl Fn(&T) -> &str) -> impl Fn(&T, &T) -> std::cmp::Ordering {
    move |a, b| title(a).to_lowercase().cmp(&title(b).to_lowercase())
}

/// Every procedure a manual can print, by title.
pub(crate) fn procedures(records: &Records, drafts: bool) -> Vec<&Procedure> {
    let mut printed: Vec<&Procedure> = (records.procedures.iter())
        .filter_map(|current| procedure(records, current, drafts))
        .collect();
    printed.sort_by(by_title(|p: &&Procedure| p.title.as_str()));
    printed
}

/// The procedures in `wanted` (all of them, by title, when it is empty) and their checklists.
///
/// A manual of all procedures also prints the checklists that verify none of them.
pub(crate) fn select<'a>(
    records: &'a Records,
    wanted: &[String],
    drafts: bool,
) -> Result<Selection<'a>, ExportError> {
    let procedures = if wanted.is_empty() {
        procedures(records, drafts)
    } else {
        let mut chosen: Vec<&Procedure> = Vec::new();
        for id in wanted {
            let current = records
                .procedure(id)
                .ok_or_else(|| ExportError::UnknownProcedure(id.clone()))?;
            let printed = procedure(records, current, drafts).ok_or_else(|| {
                if matches!(current.status, Status::Retired { .. }) {
                    ExportError::Retired(id.clone())
                } else {
                    ExportError::NotApproved(id.clone())
                }
            })?;
            if !chosen.iter().any(|p| p.id == printed.id) {
                chosen.push(printed);
            }
        }
        chosen
    };
    let mut linked = Vec::new();
    let mut loose = Vec::new();
    for current in &records.checklists {
        let Some(printed) = checklist(records, current, drafts) else {
            continue;
        };
        let verifies = (printed.procedure.as_deref())
            .and_then(|id| procedures.iter().position(|p| p.id == id));
        match verifies {
            Some(index) => linked.push((printed, Some(index))),
            None if wanted.is_empty() => loose.push((printed, None)),
            None => {}
        }
    }
    linked.sort_by(|a, b| {
        a.1.cmp(&b.1)
            .then_with(|| by_title(|c: &&Checklist| c.title.as_str())(&a.0, &b.0))
    });
    loose.sort_by(|a, b| by_title(|c: &&Checklist| c.title.as_str())(&a.0, &b.0));
    linked.extend(loose);
    if procedures.is_empty() && linked.is_empty() {
        return Err(ExportError::Empty);
    }
    Ok(Selection {
        procedures,
        checklists: linked,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Workspace};

    fn workspace() -> Workspace {
        crate::store::format::parse(r#"Workspace(format: 1, name: "Test")"#).unwrap()
    }

    fn approved(day: i8) -> Status {
        Status::Approved {
            by: "anna".into(),
            on: Date::new(2026, 1, day).unwrap(),
        }
    }

    fn procedure(id: &str, title: &str, revision: u32, status: Status) -> Procedure {
        Procedure {
            id: id.into(),
            title: title.into(),
            purpose: String::new(),
            scope: String::new(),
            owner: "anna".into(),
            revision,
            status,
            review_by: None,
            steps: Vec::new(),
            changes: Vec::new(),
        }
    }

    fn records() -> Records {
        let mut records = Records::new(workspace());
        records.procedures = vec![
            procedure("b", "Baking", 2, Status::Draft),
            procedure("a", "Opening", 1, approved(1)),
            procedure("c", "Closing", 1, Status::Draft),
            procedure(
                "d",
                "Old",
                4,
                Status::Retired {
                    on: Date::new(2026, 1, 9).unwrap(),
                },
            ),
        ];
        records.archived_procedures = vec![procedure("b", "Baking (old)", 1, approved(2))];
        records
    }

    #[test]
    fn a_redrafted_procedure_prints_its_approved_revision_from_the_archive() {
        let records = records();
        let titles = |drafts| -> Vec<(String, u32)> {
            procedures(&records, drafts)
                .iter()
                .map(|p| (p.title.clone(), p.revision))
                .collect()
        };
        assert_eq!(
            titles(false),
            [("Baking (old)".to_owned(), 1), ("Opening".to_owned(), 1)]
        );
        assert_eq!(
            titles(true),
            [
                ("Baking".to_owned(), 2),
                ("Closing".to_owned(), 1),
                ("Opening".to_owned(), 1)
            ]
        );
    }

    #[test]
    fn asking_for_what_cannot_print_says_why() {
        let records = records();
        let ask = |id: &str, drafts| {
            select(&records, &[id.to_owned()], drafts).map(|s| s.procedures.len())
        };
        assert_eq!(
            ask("x", true),
            Err(ExportError::UnknownProcedure("x".into()))
        );
        assert_eq!(ask("c", false), Err(ExportError::NotApproved("c".into())));
        assert_eq!(ask("c", true), Ok(1));
        assert_eq!(ask("d", true), Err(ExportError::Retired("d".into())));
        let empty = Records::new(workspace());
        assert_eq!(
            select(&empty, &[], false).map(|_| ()),
            Err(ExportError::Empty)
        );
    }
}
