//! The open workspace as the desk holds it, with a count of the times it may have changed:
//! lists the screens derive from the records are rebuilt when the count moves, and only
//! then, so a frame never walks every order.

use std::ops::Deref;

use crate::store::Folder;
use crate::ui::screen::Older;

/// The desk's workspace. Read it as a [`Folder`]; every way to change it goes through
/// [`Held::change`] or [`Held::replace`], which move [`Held::generation`] on: a change that
/// forgets to could leave a list on screen stale, so none can be made without.
pub(in crate::ui::app) struct Held {
    folder: Folder,
    generation: u64,
    /// Where the last change only added older orders: what holds of the lists before it.
    older: Option<Older>,
}

impl Held {
    /// Holds `folder`, as read.
    pub fn new(folder: Folder) -> Held {
        Held {
            folder,
            generation: 0,
            older: None,
        }
    }

    /// The folder, to save to, delete from, merge into or settle: its records may change.
    pub fn change(&mut self) -> &mut Folder {
        self.generation += 1;
        self.older = None;
        &mut self.folder
    }

    /// Adds older orders with `add`, which tells how many of the newest orders held kept
    /// their place counted from the newest (`None`: it added none).
    pub fn take_older(&mut self, add: impl FnOnce(&mut Folder) -> Option<usize>) {
        let from = self.generation;
        let kept = add(self.change());
        self.older = kept.map(|kept| Older { from, kept });
    }

    /// Where the records are those of the generation before with older orders added.
    pub fn older(&self) -> Option<Older> {
        self.older
    }

    /// Takes `folder` (the workspace read again, or as an import left it) in place of the
    /// one held, and hands that back.
    pub fn replace(&mut self, folder: Folder) -> Folder {
        self.generation += 1;
        self.older = None;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Only a change that adds older orders, and only until the next change, says what
    /// holds of the lists derived before it.
    #[test]
    fn only_the_last_change_adding_older_orders_says_what_holds() {
        let sample = || Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let mut held = Held::new(sample());
        held.take_older(|_| Some(3));
        assert_eq!(held.generation(), 1);
        assert_eq!(held.older(), Some(Older { from: 0, kept: 3 }));
        held.change();
        assert_eq!(held.older(), None, "another change");
        held.take_older(|_| None);
        assert_eq!((held.generation(), held.older()), (3, None), "none added");
        held.take_older(|_| Some(1));
        held.replace(sample());
        assert_eq!(held.older(), None, "read again");
    }
}
