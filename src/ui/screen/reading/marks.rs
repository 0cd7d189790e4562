//! What changed in a procedure since the revision a person signed: the change notes in
//! between, and each step marked new or changed, with the steps taken out. Pure: no iced.

use crate::model::{Change, Procedure, Step};

/// How a step of the revision being read differs from the one the reader signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The step is as it was.
    Same,
    /// The step was not there.
    New,
    /// Its text, standard, warning or photos changed.
    Changed,
}

/// What changed since revision `signed`, for someone reading `now`.
#[derive(Debug, Clone, PartialEq)]
pub struct Since<'a> {
    /// The revision the reader signed.
    pub signed: u32,
    /// The approvals after it, oldest first.
    pub changes: Vec<&'a Change>,
    /// One mark per step of `now`, in order; all `Same` when the old revision is not in
    /// the archive, as nothing can be compared then.
    pub marks: Vec<Mark>,
    /// The steps of the signed revision that are gone.
    pub removed: Vec<&'a Step>,
    /// Whether the signed revision was found in the archive to compare with.
    pub compared: bool,
}

/// What changed in `now` since revision `signed`; `old` is that revision as archived, if
/// it is. `None` when there is nothing newer than what was signed.
pub fn since<'a>(now: &'a Procedure, signed: u32, old: Option<&'a Procedure>) -> Option<Since<'a>> {
    if signed >= now.revision {
        return None;
    }
    let changes = now
        .changes
        .iter()
        .filter(|change| change.revision > signed && change.revision <= now.revision)
        .collect();
    let marks = now
        .steps
        .iter()
        .map(|step| match old.map(|old| old.step(&step.id)) {
            None => Mark::Same,
            Some(None) => Mark::New,
            Some(Some(before)) if before == step => Mark::Same,
            Some(Some(_)) => Mark::Changed,
        })
        .collect();
    let removed = old.map_or_else(Vec::new, |old| {
        old.steps
            .iter()
            .filter(|step| now.step(&step.id).is_none())
            .collect()
    });
    Some(Since {
        signed,
        changes,
        marks,
        removed,
        compared: old.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Folder;

    #[test]
    fn scooping_since_revision_1_marks_the_steps_added_and_changed_and_names_both_changes() {
        let folder = Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let records = folder.records();
        let now = records.procedure("scoop-ice-cream").unwrap();
        let old = records
            .archived_procedures
            .iter()
            .find(|p| p.id == now.id && p.revision == 1);
        let since = since(now, 1, old).unwrap();
        assert!(since.compared);
        let revisions: Vec<u32> = since.changes.iter().map(|c| c.revision).collect();
        assert_eq!(revisions, [2, 3]);
        let marked: Vec<(&str, Mark)> = now
            .steps
            .iter()
            .zip(&since.marks)
            .map(|(step, mark)| (step.id.as_str(), *mark))
            .filter(|(_, mark)| *mark != Mark::Same)
            .collect();
        assert!(marked.contains(&("slip", Mark::New)), "{marked:?}");
        assert!(marked.contains(&("check-bath", Mark::New)), "{marked:?}");
        assert!(marked.contains(&("portion", Mark::Changed)), "{marked:?}");
        assert!(!marked.iter().any(|(id, _)| *id == "serve"), "{marked:?}");
        assert!(since_nothing_newer(now));
    }

    fn since_nothing_newer(now: &Procedure) -> bool {
        since(now, now.revision, None).is_none()
    }

    #[test]
    fn a_step_taken_out_is_listed_as_removed_and_a_missing_archive_marks_nothing() {
        let folder = Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let now = folder.records().procedure("scoop-ice-cream").unwrap();
        let mut old = now.clone();
        old.revision = 2;
        old.steps.push(Step {
            id: "lick".to_owned(),
            text: "Taste the ice cream".to_owned(),
            spec: None,
            warning: None,
            photos: Vec::new(),
        });
        let compared = since(now, 2, Some(&old)).unwrap();
        let removed: Vec<&str> = compared.removed.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(removed, ["lick"]);
        assert!(compared.marks.iter().all(|m| *m == Mark::Same));
        let blind = since(now, 2, None).unwrap();
        assert!(!blind.compared);
        assert!(blind.removed.is_empty());
        assert_eq!(blind.changes.len(), 1);
    }
}
