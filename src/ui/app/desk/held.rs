//! The open workspace as the desk holds it, with a count of the times it may have changed:
//! lists the screens derive from the records are rebuilt when the count moves, and only
//! then, so a frame never walks every order.

use std::ops::Deref;

use crate::store::Folder;

/// The desk's workspace. Read it as a [`Folder`]; every way to change it goes through
/// [`Held::change`] or [`Held::replace`], which move [`Held::generation`] on: a change that
/// forgets to could leave a list on screen stale, so none can be made without.
pub(in crate::ui::app) struct Held {
    folder: Folder,
    generation: u64,
}

impl Held {
    /// Holds `folder`, as read.
    pub fn new(folder: Folder) -> Held {
        Held {
            folder,
            generation: 0,
        }
    }

    /// The folder, to save to, delete from, merge into or settle: its records may change.
    pub fn change(&mut self) -> &mut Folder {
        self.generation += 1;
        &mut self.folder
    }

    /// Takes `folder` (the workspace read again, or as an import left it) in place of the
    /// one held, and hands that back.
    pub fn replace(&mut self, folder: Folder) -> Folder {
        self.generation += 1;
        std::mem::replace(&mut self.folder, folder)
    }

    /// Moves on at every change or replacement: equal numbers mean the same records.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

impl Deref for Held {
    type Target = Folder;

    fn deref(&self) -> &Folder {
        &self.folder
    }
}
