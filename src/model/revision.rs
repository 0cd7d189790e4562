//! Revisions and approval: editing an approved record starts a draft of the next
//! revision; only an Owner approves, which appends a change to the history.

use super::{Change, Checklist, Date, Person, Procedure, Role, Status};

/// A record that goes through drafts, approval and retirement.
pub trait Revised: Clone {
    /// The revision number.
    fn revision(&self) -> u32;
    /// Where it stands.
    fn status(&self) -> &Status;
    /// Mutable parts that a new revision or an approval change.
    fn parts(&mut self) -> (&mut u32, &mut Status, &mut Vec<Change>);
}

impl Revised for Procedure {
    fn revision(&self) -> u32 {
        self.revision
    }
    fn status(&self) -> &Status {
        &self.status
    }
    fn parts(&mut self) -> (&mut u32, &mut Status, &mut Vec<Change>) {
        (&mut self.revision, &mut self.status, &mut self.changes)
    }
}

impl Revised for Checklist {
    fn revision(&self) -> u32 {
        self.revision
    }
    fn status(&self) -> &Status {
        &self.status
    }
    fn parts(&mut self) -> (&mut u32, &mut Status, &mut Vec<Change>) {
        (&mut self.revision, &mut self.status, &mut self.changes)
    }
}

/// The record an editor works on: the draft itself, or a new draft of the next revision
/// when the record is approved or retired (the approved one stays as it was, for the archive).
pub fn draft_of<T: Revised>(record: &T) -> T {
    let mut draft = record.clone();
    if *record.status() != Status::Draft {
        let (revision, status, _) = draft.parts();
        *revision += 1;
        *status = Status::Draft;
    }
    draft
}

/// Why an approval was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApproveError {
    /// Only an Owner may approve.
    #[error("only an owner may approve; {0} is staff")]
    NotOwner(String),
    /// Nothing to approve.
    #[error("revision {0} is already approved")]
    NotADraft(u32),
    /// Every approval says what changed.
    #[error("say what changed in this revision before approving it")]
    NoNote,
}

/// Approves a draft as `by` on `on`, appending the change note to its history; `retrain`
/// says whether everyone must read this revision again (see [`Change::retrain`]).
pub fn approve<T: Revised>(
    draft: &T,
    by: &Person,
    on: Date,
    note: &str,
    retrain: bool,
) -> Result<T, ApproveError> {
    if by.role != Role::Owner {
        return Err(ApproveError::NotOwner(by.name.clone()));
    }
    if *draft.status() != Status::Draft {
        return Err(ApproveError::NotADraft(draft.revision()));
    }
    let note = note.trim();
    if note.is_empty() {
        return Err(ApproveError::NoNote);
    }
    let mut approved = draft.clone();
    let (revision, status, changes) = approved.parts();
    *status = Status::Approved {
        by: by.id.clone(),
        on,
    };
    changes.push(Change {
        revision: *revision,
        on,
        by: by.id.clone(),
        note: note.to_owned(),
        retrain,
    });
    Ok(approved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn procedure(status: Status) -> Procedure {
        Procedure {
            id: "scoop".into(),
            title: "Scooping".into(),
            purpose: String::new(),
            scope: String::new(),
            owner: "anna".into(),
            revision: 1,
            status,
            review_by: None,
            steps: Vec::new(),
            changes: Vec::new(),
        }
    }

    fn person(role: Role) -> Person {
        Person {
            id: "anna".into(),
            name: "Anna".into(),
            role,
            left: None,
            pin: None,
        }
    }

    #[test]
    fn editing_an_approved_record_drafts_the_next_revision() {
        let on = Date::new(2026, 11, 2).unwrap();
        let approved = procedure(Status::Approved {
            by: "anna".into(),
            on,
        });
        let draft = draft_of(&approved);
        assert_eq!((draft.revision, &draft.status), (2, &Status::Draft));
        let draft_again = draft_of(&draft);
        assert_eq!(draft_again.revision, 2, "a draft stays the same revision");
    }

    #[test]
    fn only_owners_approve_and_the_note_is_kept() {
        let on = Date::new(2026, 11, 23).unwrap();
        let draft = procedure(Status::Draft);
        assert_eq!(
            approve(&draft, &person(Role::Staff), on, "x", true),
            Err(ApproveError::NotOwner("Anna".into()))
        );
        assert_eq!(
            approve(&draft, &person(Role::Owner), on, "  ", true),
            Err(ApproveError::NoNote)
        );
        let approved = approve(&draft, &person(Role::Owner), on, "First version", false).unwrap();
        assert_eq!(
            approved.status,
            Status::Approved {
                by: "anna".into(),
                on
            }
        );
        assert_eq!(
            approved.changes,
            vec![Change {
                revision: 1,
                on,
                by: "anna".into(),
                note: "First version".into(),
                retrain: false,
            }]
        );
        assert_eq!(
            approve(&approved, &person(Role::Owner), on, "again", true),
            Err(ApproveError::NotADraft(1))
        );
    }
}
