//! Conflict copies of procedures, checklists and the business settings, which are never
//! merged: the problems panel shows one beside the file it copies, and the user keeps one.

use super::Desk;
use super::merged::Note;
use crate::store::layout::{self, Name, Place};
use crate::store::resolve::{Left, Outcome, Resolution};
use crate::ui::screen::problems::{CopyPair, Message};

impl Desk {
    /// Acts on the problems panel: opens a finding (a conflict copy beside its file), or
    /// keeps the file or the copy shown.
    pub fn problem(&mut self, message: Message) {
        match message {
            Message::Open(index) => {
                self.open_problem(index);
                self.open_copy(index);
            }
            Message::KeepFile | Message::KeepCopy | Message::CopyAsDraft => {
                self.keep_one(&message);
            }
        }
    }

    /// Shows the finding's file beside the file it copies, when it is a conflict copy.
    fn open_copy(&mut self, index: usize) {
        let Some(finding) = self.folder.findings().get(index) else {
            return;
        };
        let copy = finding.path.clone();
        let (folder, name) = copy.rsplit_once('/').unwrap_or(("", &copy));
        let Name::Conflict { original } = layout::classify_name(name) else {
            return;
        };
        let original = match folder {
            "" => original,
            folder => format!("{folder}/{original}"),
        };
        let place = layout::place(&original);
        let copy_text = self.folder.disk_text(&copy).unwrap_or_default();
        let pair = CopyPair {
            original_text: self.folder.disk_text(&original).unwrap_or_default(),
            keep: crate::store::fit_copy(&copy_text, &original),
            procedure: matches!(
                place,
                Some(Place::Procedure { .. } | Place::ArchivedProcedure { .. })
            ),
            archived: matches!(
                place,
                Some(Place::ArchivedProcedure { .. } | Place::ArchivedChecklist { .. })
            ),
            copy_text,
            copy,
            original,
        };
        self.problems.open_copy(pair);
    }

    /// Keeps the file or the copy, as the user chose; what went wrong becomes a note.
    fn keep_one(&mut self, message: &Message) {
        let Some(pair) = self.problems.copy().cloned() else {
            return;
        };
        let kept = match message {
            Message::KeepCopy => self.folder.change().keep_copy(&pair.copy, &pair.original),
            Message::CopyAsDraft => self.folder.change().copy_as_draft(&pair.copy).map(|_| ()),
            _ => self.folder.change().discard_copy(&pair.copy),
        };
        // The findings changed: the panel starts closed on the new list.
        self.problems = Default::default();
        if let Err(error) = kept {
            self.notes.push(Note::Copy(Resolution {
                copy: pair.copy,
                original: pair.original,
                outcome: Outcome::Left(Left::Refused(error)),
            }));
        }
    }
}
