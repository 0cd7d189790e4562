//! Conflict copies that are never merged (a procedure, a checklist, `workspace.ron`, an
//! archived revision): the user keeps the file or the copy, or makes a procedure copy a
//! new draft. What is kept is saved atomically first; the copy goes only after that.

use std::convert::identity;

use super::layout::{Archived, Place, RecordFile};
use super::read::read_text;
use super::{Folder, SaveError, format};
use crate::model::{Checklist, Procedure, Status, Workspace};

/// Why a conflict copy cannot take the place of the file it copies.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unfit {
    /// The copy does not read as the record its file holds.
    #[error("the copy does not read")]
    Unreadable,
    /// A copy of an order or a training record: merged into its file, never kept over it.
    #[error("a copy of an order or a training record is merged, not kept")]
    Merged,
    /// The copy holds another record than the file it copies: the file that record is.
    #[error("the copy holds {0}")]
    Holds(String),
    /// The copy's id cannot be a file name.
    #[error("the copy's id cannot be a file name: {0}")]
    BadId(String),
    /// An archived revision stays what was approved, and the copy is not approved.
    #[error(
        "an archived revision stays what was approved, and the copy is not an approved revision"
    )]
    NotApproved,
}

/// A copy's record, fit to take the place of the file it copies.
enum Keeper {
    Procedure(Procedure),
    Checklist(Checklist),
    Workspace(Box<Workspace>),
    ArchivedProcedure(Archived<Procedure>),
    ArchivedChecklist(Archived<Checklist>),
}

/// Whether a conflict copy holding `text` may take the place of `original` (relative to
/// the workspace), and why not.
pub fn fit_copy(text: &str, original: &str) -> Result<(), Unfit> {
    keeper(text, original).map(|_| ())
}

fn keeper(text: &str, original: &str) -> Result<Keeper, Unfit> {
    match super::layout::place(original) {
        Some(Place::Procedure { .. }) => fitting(text, original, identity).map(Keeper::Procedure),
        Some(Place::Checklist { .. }) => fitting(text, original, identity).map(Keeper::Checklist),
        Some(Place::Workspace) => {
            fitting(text, original, identity).map(|w| Keeper::Workspace(Box::new(w)))
        }
        // An archived revision is what was approved then: only an approved revision of the
        // same id and revision may stand in its place.
        Some(Place::ArchivedProcedure { .. }) => {
            let kept = fitting(text, original, Archived::<Procedure>)?;
            approved(&kept.0.status)?;
            Ok(Keeper::ArchivedProcedure(kept))
        }
        Some(Place::ArchivedChecklist { .. }) => {
            let kept = fitting(text, original, Archived::<Checklist>)?;
            approved(&kept.0.status)?;
            Ok(Keeper::ArchivedChecklist(kept))
        }
        Some(Place::Order { .. } | Place::Training { .. }) | None => Err(Unfit::Merged),
    }
}

/// The copy's record, read as `R`, when it is the record of `original`.
fn fitting<R, K>(text: &str, original: &str, wrap: impl FnOnce(R) -> K) -> Result<K, Unfit>
where
    R: serde::de::DeserializeOwned,
    K: RecordFile,
{
    let record: R = format::parse(text).map_err(|_| Unfit::Unreadable)?;
    let kept = wrap(record);
    match kept.path() {
        Ok(path) if path == original => Ok(kept),
        Ok(path) => Err(Unfit::Holds(path)),
        Err(why) => Err(Unfit::BadId(why)),
    }
}

fn approved(status: &Status) -> Result<(), Unfit> {
    match status {
        Status::Approved { .. } => Ok(()),
        _ => Err(Unfit::NotApproved),
    }
}

impl Folder {
    /// Reads a conflict copy the user looked at: its text, its hash and the file it copies.
    fn copy_text(&self, copy: &str) -> Result<(String, u64), SaveError> {
        read_text(&self.root.join(copy), true).map_err(|error| SaveError::Io {
            action: "read",
            path: copy.to_owned(),
            source: std::sync::Arc::new(std::io::Error::other(error.describe().1)),
        })
    }

    /// Removes a conflict copy and what was found about it, once its content is kept or
    /// was not wanted.
    fn drop_copy(&mut self, copy: &str, hash: u64) -> Result<(), SaveError> {
        self.writes += 1;
        super::save::remove(&self.root, copy, hash)?;
        self.findings.retain(|finding| finding.path != copy);
        Ok(())
    }

    /// The user kept the file and not the copy a sync tool made of it: the copy goes.
    pub fn discard_copy(&mut self, copy: &str) -> Result<(), SaveError> {
        let (_, hash) = self.copy_text(copy)?;
        self.drop_copy(copy, hash)
    }

    /// The user kept a copy of a procedure, checklist, `workspace.ron` or archived revision
    /// over the file it copies: the copy's record is saved in the file's place, then the
    /// copy goes. A copy unfit for that place (see [`fit_copy`]) is refused.
    pub fn keep_copy(&mut self, copy: &str, original: &str) -> Result<(), SaveError> {
        let (text, hash) = self.copy_text(copy)?;
        let unfit = |why| SaveError::Unfit {
            copy: copy.to_owned(),
            why,
        };
        match keeper(&text, original).map_err(unfit)? {
            Keeper::Procedure(record) => self.overwrite(record),
            Keeper::Checklist(record) => self.overwrite(record),
            Keeper::Workspace(record) => self.overwrite(*record),
            Keeper::ArchivedProcedure(record) => self.overwrite(record),
            Keeper::ArchivedChecklist(record) => self.overwrite(record),
        }?;
        self.drop_copy(copy, hash)
    }

    /// Saves a procedure copy (of a current procedure or an archived revision) as a new
    /// draft of its own, under a fresh id made from the copied one; returns that id. The
    /// copy goes once the draft is saved.
    pub fn copy_as_draft(&mut self, copy: &str) -> Result<String, SaveError> {
        let (text, hash) = self.copy_text(copy)?;
        let mut draft: Procedure = format::parse(&text).map_err(|_| SaveError::Broken {
            path: copy.to_owned(),
        })?;
        let records = &self.records;
        draft.id = crate::model::fresh_id(&format!("{} copy", draft.id), "copy", |id| {
            records.procedure(id).is_some()
                || records.archived_procedures.iter().any(|p| p.id == id)
        });
        draft.revision = 1;
        draft.status = crate::model::Status::Draft;
        draft.changes.clear();
        let id = draft.id.clone();
        self.save(draft)?;
        self.drop_copy(copy, hash)?;
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(path: &str) -> String {
        let (_, bytes) = crate::sample::FILES
            .iter()
            .find(|(p, _)| *p == path)
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    const SCOOP: &str = "archive/procedures/scoop-ice-cream@1.ron";

    #[test]
    fn an_approved_copy_of_the_same_revision_fits_its_archived_file() {
        let text = sample(SCOOP).replacen("title: \"", "title: \"Old: ", 1);
        assert_eq!(fit_copy(&text, SCOOP), Ok(()));
        let cone = "archive/checklists/cone-check@1.ron";
        assert_eq!(fit_copy(&sample(cone), cone), Ok(()));
    }

    #[test]
    fn an_archived_file_takes_only_an_approved_copy_of_its_own_revision() {
        let text = sample(SCOOP);
        let draft = text.replacen(
            "status: Approved(by: \"ellen\", on: \"2025-04-05\")",
            "status: Draft",
            1,
        );
        assert_ne!(draft, text);
        assert_eq!(fit_copy(&draft, SCOOP), Err(Unfit::NotApproved));
        let later = text.replacen("revision: 1,", "revision: 2,", 1);
        assert_eq!(
            fit_copy(&later, SCOOP),
            Err(Unfit::Holds(
                "archive/procedures/scoop-ice-cream@2.ron".into()
            ))
        );
        assert_eq!(fit_copy("Procedure(", SCOOP), Err(Unfit::Unreadable));
    }

    #[test]
    fn a_current_record_takes_only_a_copy_of_itself() {
        let hygiene = "procedures/hygiene.ron";
        let text = sample(hygiene);
        assert_eq!(fit_copy(&text, hygiene), Ok(()));
        let other = text.replacen("id: \"hygiene\"", "id: \"cleaning\"", 1);
        assert_ne!(other, text);
        assert_eq!(
            fit_copy(&other, hygiene),
            Err(Unfit::Holds("procedures/cleaning.ron".into()))
        );
        assert_eq!(fit_copy(&sample("workspace.ron"), "workspace.ron"), Ok(()));
        assert_eq!(
            fit_copy(&text, "orders/2026-11/2026-11-0004.ron"),
            Err(Unfit::Merged)
        );
    }
}
