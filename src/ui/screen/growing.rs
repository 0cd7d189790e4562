//! Derived lists too big to make within one frame on five years of records (the search
//! texts, the verdicts a filter needs), made a few hundred items per turn as idle work
//! after the records change: the window asks for another turn ([`Message::Derive`]) while
//! one is growing, so it is usually whole before anyone types or picks a filter. A screen
//! that needs it whole before then finishes it in that turn.
//!
//! [`Message::Derive`]: crate::ui::Message::Derive

use std::time::{Duration, Instant};

/// How long one turn may spend growing, leaving the rest of the 8 ms a frame has for
/// drawing it. Unit tests take a step of [`STEP`] items a turn, to see lists grow in turns.
#[cfg(not(test))]
pub const BUDGET: Duration = Duration::from_millis(3);
#[cfg(test)]
pub const BUDGET: Duration = Duration::ZERO;

/// Items added between two looks at the clock.
#[cfg(not(test))]
const STEP: usize = 256;
#[cfg(test)]
const STEP: usize = 3;

/// Something made an item at a time for one generation of the records, and how far it is.
#[derive(Debug, Default)]
pub struct Growing<T> {
    /// The generation of the records it is of.
    of: Option<u64>,
    made: T,
    /// Items added so far, of `total`.
    added: usize,
    total: usize,
}

impl<T> Growing<T> {
    /// What is made, if it is whole for `generation`.
    pub fn ready(&self, generation: u64) -> Option<&T> {
        (self.of == Some(generation) && self.added == self.total).then_some(&self.made)
    }

    /// What is made, whole or not, leaving nothing behind.
    pub fn into_made(self) -> T {
        self.made
    }

    /// Carries what is made for the records of generation `from` over to `generation`,
    /// where the records are those with older orders added and the newest `kept` orders
    /// kept their place counted from the newest: for what is made newest first (the n-th
    /// item of the n-th order from the newest), its first `kept` items hold still.
    /// `cut(made, n, grown)` cuts it to its first n items, `grown` the orders added, and
    /// growing goes on from there, `total` items in all. Otherwise nothing changes.
    pub fn carry_over(
        &mut self,
        from: u64,
        generation: u64,
        kept: usize,
        total: usize,
        cut: impl FnOnce(&mut T, usize, usize),
    ) {
        if self.of != Some(from) || total < self.total {
            return;
        }
        let holds = self.added.min(kept);
        cut(&mut self.made, holds, total - self.total);
        self.of = Some(generation);
        self.added = holds;
        self.total = total;
    }

    /// Adds items to what is made for `generation`, `total` items in all (`add(made, n)`
    /// adds the n-th), until `budget` is spent (`None`: until whole); starts anew from
    /// `start()` when it is of another generation. Whether items are left for another turn.
    pub fn grow(
        &mut self,
        generation: u64,
        total: usize,
        start: impl FnOnce() -> T,
        budget: Option<Duration>,
        mut add: impl FnMut(&mut T, usize),
    ) -> bool {
        if self.of != Some(generation) {
            self.of = Some(generation);
            self.made = start();
            self.added = 0;
            self.total = total;
        }
        let started = Instant::now();
        while self.added < self.total {
            let end = (self.added + STEP).min(self.total);
            for n in self.added..end {
                add(&mut self.made, n);
            }
            self.added = end;
            if budget.is_some_and(|budget| started.elapsed() >= budget) {
                break;
            }
        }
        self.added < self.total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_in_turns_to_what_one_go_makes_and_starts_anew_for_new_records() {
        let square = |made: &mut Vec<usize>, n: usize| made.push(n * n);
        let mut growing = Growing::default();
        let mut turns = 0;
        while growing.grow(7, 10, Vec::new, Some(BUDGET), square) {
            assert!(growing.ready(7).is_none(), "not whole while growing");
            turns += 1;
        }
        assert_eq!(turns, 3, "three items a turn in tests");
        let whole: Vec<usize> = (0..10).map(|n| n * n).collect();
        assert_eq!(growing.ready(7), Some(&whole));
        assert!(growing.ready(8).is_none(), "another generation");
        assert!(
            !growing.grow(8, 4, Vec::new, None, square),
            "whole in one go"
        );
        assert_eq!(growing.ready(8), Some(&vec![0, 1, 4, 9]));
    }

    /// Made newest first, what holds of it is carried over to records with older items
    /// added, and grows on to what one go over those makes.
    #[test]
    fn carried_over_it_keeps_what_holds_and_grows_on_to_what_one_go_makes() {
        // Items counted from the newest: the n-th of `list` newest first.
        let newest_first = |list: &'static [u32]| {
            move |made: &mut Vec<u32>, n: usize| {
                made.push(list[list.len() - 1 - n]);
            }
        };
        let before: &'static [u32] = &[3, 5, 8, 9];
        // Two older items in front, and the oldest held (3) overlapped: two of four kept.
        let after: &'static [u32] = &[1, 2, 3, 4, 8, 9];
        let mut growing = Growing::default();
        growing.grow(1, 4, Vec::new, None, newest_first(before));
        let mut cuts = Vec::new();
        growing.carry_over(1, 2, 2, 6, |made: &mut Vec<u32>, n, grown| {
            cuts.push((n, grown));
            made.truncate(n);
        });
        assert_eq!(cuts, [(2, 2)], "two kept, two orders added");
        assert!(growing.ready(2).is_none(), "not whole until grown on");
        let start = || panic!("carried over, not started anew");
        assert!(!growing.grow(2, 6, start, None, newest_first(after)));
        assert_eq!(growing.ready(2), Some(&vec![9, 8, 4, 3, 2, 1]));
        // Of another generation than the one it is of: nothing is carried over.
        growing.carry_over(5, 6, 6, 8, |_: &mut Vec<u32>, _, _| panic!("not of 5"));
        assert!(growing.ready(2).is_some() && growing.ready(6).is_none());
    }
}
