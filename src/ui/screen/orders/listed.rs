//! The orders the list shows, kept between frames: worked out in `update` when the records,
//! the filter or the search change, and only read while drawing. Five years of orders are
//! a hundred thousand: walking them all costs more than a frame.

use super::Filter;
use crate::model::Order;
use std::time::Duration;

use crate::ui::screen::growing::Growing;
use crate::ui::screen::haystack::Haystack;

/// Below this many orders to look through, matching them one by one is as quick as the
/// index; above it, the index. Unit tests take the index on the small sample too.
#[cfg(not(test))]
const FEW: usize = 4_000;
#[cfg(test)]
const FEW: usize = 8;
use crate::ui::screen::Context;

/// The orders a search finds under the filter, by their places in the records.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    /// The search as matched: trimmed and lower case.
    needle: String,
    /// Places in `records.orders`, newest first.
    orders: Vec<u32>,
}

/// The list, and what it was worked out from.
#[derive(Debug, Default)]
pub(super) struct Listed {
    /// The generation of the records and the filter the searches below ran on.
    of: Option<(u64, Filter)>,
    /// How many orders those records held.
    orders: usize,
    /// The searches typed one after another, each a narrowing of the one before it: the
    /// first is the empty search (every order the filter keeps), the last is the one shown.
    /// A key that extends the search looks only at what the search before it found; a
    /// backspace goes back to a search already done.
    typed: Vec<Found>,
    /// Where the selected order was last found in the records.
    pub selected_at: Option<u32>,
    /// The empty searches of the other filters picked under the same generation: going
    /// back to a filter does not judge every order again.
    others: Vec<(Filter, Found)>,
    /// The text searches look through, newest order first, grown a slice per turn after
    /// the records change (or whole when a search needs it before then).
    index: Growing<Haystack>,
    /// Per order, newest first, whether a check of it failed: what "Check failed" keeps, grown
    /// like `index` (judging every order's checks takes longer than a frame).
    failed: Growing<Vec<bool>>,
    /// Walks of every order: tests see that a batch of older orders costs no walk.
    #[cfg(test)]
    walks: usize,
}

/// The search as orders are matched against it.
fn needle(search: &str) -> String {
    search.trim().to_lowercase()
}

impl Listed {
    /// The orders shown for `search` under `filter`, newest first, if they are worked out
    /// already for these records; `None` means the caller works them out itself.
    pub fn get(&self, ctx: &Context, filter: Filter, search: &str) -> Option<&[u32]> {
        let last = self.typed.last()?;
        (self.of == Some((ctx.generation, filter)) && last.needle == needle(search))
            .then_some(last.orders.as_slice())
    }

    /// Works the list out for `search` under `filter`, from what is kept where it can.
    pub fn derive(&mut self, ctx: &Context, filter: Filter, search: &str) {
        let needle = needle(search);
        if self.of != Some((ctx.generation, filter)) && !self.carry_over(ctx, filter) {
            match self.of.take() {
                Some((generation, before)) if generation == ctx.generation => {
                    if let Some(all) = self.typed.drain(..).next() {
                        self.others.push((before, all));
                    }
                }
                _ => self.others.clear(),
            }
            self.of = Some((ctx.generation, filter));
            self.orders = ctx.records.orders.len();
            let kept = self.others.iter().position(|(other, _)| *other == filter);
            let all = match kept {
                Some(at) => self.others.swap_remove(at).1,
                None => Found {
                    needle: String::new(),
                    orders: self.walk(ctx, filter),
                },
            };
            self.typed = vec![all];
        }
        // Back to the longest search done before that the new one extends: every order the
        // new one finds is among those.
        while self
            .typed
            .last()
            .is_some_and(|found| !needle.contains(found.needle.as_str()))
        {
            self.typed.pop();
        }
        let Some(wider) = self.typed.last() else {
            return;
        };
        if wider.needle == needle {
            return;
        }
        let orders = &ctx.records.orders;
        let narrower = if wider.orders.len() <= FEW {
            let keep = |at: &u32| orders[*at as usize].matches(&needle);
            wider.orders.iter().copied().filter(keep).collect()
        } else {
            self.grow_index(ctx, None);
            let index = self.index.ready(ctx.generation);
            let wider = &self.typed[self.typed.len() - 1].orders;
            match index.and_then(|index| index.find(&needle)) {
                Some(found) => both(wider, &found),
                None => {
                    let keep = |at: &u32| orders[*at as usize].matches(&needle);
                    wider.iter().copied().filter(keep).collect()
                }
            }
        };
        self.typed.push(Found {
            needle,
            orders: narrower,
        });
    }
}

impl Listed {
    /// Carries the searches done under `filter` for the records before a batch of older
    /// orders landed over to these records, those with the batch added ([`Context::older`]),
    /// and the other filters' empty searches with them: each list keeps the newest orders
    /// that kept their place (their places moved on by the orders added) and adds those it
    /// finds in the stretch the batch landed in (its orders and the held ones it overlaps,
    /// the oldest), so a batch costs its own orders and not a walk of them all. Whether it
    /// could; if not, nothing changed.
    fn carry_over(&mut self, ctx: &Context, filter: Filter) -> bool {
        let orders = &ctx.records.orders;
        let Some(older) = ctx.older else {
            return false;
        };
        if self.of != Some((older.from, filter))
            || older.kept > self.orders
            || orders.len() < self.orders
        {
            return false;
        }
        let grown = (orders.len() - self.orders) as u32;
        // The places before it are the stretch; from it on, those kept, moved on.
        let held = (self.orders - older.kept) as u32;
        let stretch = held + grown;
        // The kept part of a list (newest first, so its head), moved on, then the
        // stretch's finds.
        let carried = |found: &mut Found, finds: &[u32]| {
            let cut = found.orders.partition_point(|at| *at >= held);
            found.orders.truncate(cut);
            for at in &mut found.orders {
                *at += grown;
            }
            found.orders.extend_from_slice(finds);
        };
        for (other, all) in &mut self.others {
            let finds: Vec<u32> = (0..stretch)
                .rev()
                .filter(|at| other.keeps(&orders[*at as usize], ctx))
                .collect();
            carried(all, &finds);
        }
        // Each search a narrowing of the one before it: its finds in the stretch are among
        // those of the one before.
        let mut finds: Vec<u32> = (0..stretch)
            .rev()
            .filter(|at| filter.keeps(&orders[*at as usize], ctx))
            .collect();
        for found in &mut self.typed {
            if !found.needle.is_empty() {
                finds.retain(|at| orders[*at as usize].matches(&found.needle));
            }
            carried(found, &finds);
        }
        self.of = Some((ctx.generation, filter));
        self.orders = orders.len();
        true
    }

    /// Grows what the list is worked out from (the search text, the verdicts of the
    /// orders' checks) for these records, for `budget` (at least a few hundred orders):
    /// idle work after the records change. Whether work is left for another turn.
    pub fn prepare(&mut self, ctx: &Context, budget: Duration) -> bool {
        let started = std::time::Instant::now();
        let left = self.grow_index(ctx, Some(budget));
        let budget = budget.saturating_sub(started.elapsed());
        // The verdicts once the search text is whole: each turn grows one or the other by
        // a step at least, however little budget is left.
        if left {
            return true;
        }
        self.grow_failed(ctx, Some(budget))
    }

    /// Grows the search text for `budget` (`None`: until whole); whether work is left.
    fn grow_index(&mut self, ctx: &Context, budget: Option<Duration>) -> bool {
        let orders = &ctx.records.orders;
        let total = orders.len();
        if let Some(older) = ctx.older {
            let keep = |index: &mut Haystack, n, grown| index.keep_first(n, grown);
            (self.index).carry_over(older.from, ctx.generation, older.kept, total, keep);
        }
        let add = |index: &mut Haystack, n: usize| {
            let at = total - 1 - n;
            index.push_order(at as u32, &orders[at]);
        };
        let start = || Haystack::for_orders(total);
        self.index.grow(ctx.generation, total, start, budget, add)
    }

    /// Grows the verdicts of the orders' checks for `budget` (`None`: until whole); whether
    /// work is left.
    fn grow_failed(&mut self, ctx: &Context, budget: Option<Duration>) -> bool {
        let records = ctx.records;
        let total = records.orders.len();
        if let Some(older) = ctx.older {
            let keep = |failed: &mut Vec<bool>, n, _| failed.truncate(n);
            (self.failed).carry_over(older.from, ctx.generation, older.kept, total, keep);
        }
        // Newest first, as the search text: what holds of it when older orders come.
        let add = |failed: &mut Vec<bool>, n: usize| {
            failed.push(records.orders[total - 1 - n].check_failed(records));
        };
        let start = || Vec::with_capacity(total);
        self.failed.grow(ctx.generation, total, start, budget, add)
    }

    /// Every order `filter` keeps, newest first, by place.
    fn walk(&mut self, ctx: &Context, filter: Filter) -> Vec<u32> {
        #[cfg(test)]
        {
            self.walks += 1;
        }
        let orders = &ctx.records.orders;
        let all = (0..orders.len() as u32).rev();
        if filter == Filter::CheckFailed {
            self.grow_failed(ctx, None);
            if let Some(failed) = self.failed.ready(ctx.generation) {
                // Both newest first.
                return all
                    .zip(failed)
                    .filter_map(|(at, failed)| failed.then_some(at))
                    .collect();
            }
        }
        all.filter(|at| filter.keeps(&orders[*at as usize], ctx))
            .collect()
    }
}

/// The places in both lists, each newest (highest) first.
fn both(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    let mut both = Vec::new();
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        match x.cmp(y) {
            std::cmp::Ordering::Equal => {
                both.push(**x);
                a.next();
                b.next();
            }
            std::cmp::Ordering::Greater => {
                a.next();
            }
            std::cmp::Ordering::Less => {
                b.next();
            }
        }
    }
    both
}

/// The orders `search` finds under `filter`, newest first, walking them all: what
/// [`Listed::get`] holds once derived.
pub(super) fn found<'a>(ctx: &Context<'a>, filter: Filter, search: &str) -> Vec<&'a Order> {
    let needle = needle(search);
    ctx.records
        .orders
        .iter()
        .rev()
        .filter(|order| order.matches(&needle) && filter.keeps(order, ctx))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Folder;

    #[test]
    fn every_key_typed_or_taken_back_lists_what_a_full_walk_finds() {
        let folder = Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let today = crate::model::Date::new(2026, 11, 23).unwrap();
        let ctx = crate::ui::screen::tests::context(folder.records(), today);
        let keys = [
            "2", "20", "202", "2026-1", "2026-11", "2026-1", "1", "10", "c", "co", "x",
        ];
        let mut listed = Listed::default();
        // Each filter, then back to those picked before.
        let filters = [
            Filter::All,
            Filter::CheckFailed,
            Filter::NotChecked,
            Filter::All,
        ];
        for filter in filters.into_iter().chain([Filter::CheckFailed]) {
            for (n, typed) in keys.iter().chain([&" CONE ", &"", &"o"]).enumerate() {
                listed.derive(&ctx, filter, typed);
                let walked: Vec<&str> = found(&ctx, filter, typed)
                    .iter()
                    .map(|o| o.id.as_str())
                    .collect();
                let kept: Vec<&str> = listed
                    .get(&ctx, filter, typed)
                    .expect("derived")
                    .iter()
                    .map(|at| ctx.records.orders[*at as usize].id.as_str())
                    .collect();
                assert_eq!(kept, walked, "{filter:?}, key {n}: {typed:?}");
            }
        }
        assert!(
            listed.get(&ctx, Filter::All, "o").is_none(),
            "another filter"
        );

        // The records change (the newest order goes): a new generation lists them anew,
        // for the filter in front and for one picked before.
        let mut records = folder.records().clone();
        records.orders.pop();
        let ctx = Context {
            generation: 1,
            ..crate::ui::screen::tests::context(&records, today)
        };
        for (filter, typed) in [(Filter::CheckFailed, "2026"), (Filter::All, "")] {
            listed.derive(&ctx, filter, typed);
            let walked: Vec<&str> = found(&ctx, filter, typed)
                .iter()
                .map(|o| o.id.as_str())
                .collect();
            let places = listed.get(&ctx, filter, typed).expect("derived");
            let kept: Vec<&str> = (places.iter())
                .filter_map(|at| records.orders.get(*at as usize))
                .map(|order| order.id.as_str())
                .collect();
            assert_eq!(places.len(), walked.len(), "{filter:?} after the change");
            assert_eq!(kept, walked, "{filter:?} after the change");
        }
    }

    /// Whether the search text and the verdicts are grown in turns beforehand, half grown
    /// or not at all, the list is what a full walk finds.
    #[test]
    fn lists_grown_in_turns_or_half_grown_list_what_a_full_walk_finds() {
        let folder = Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let today = crate::model::Date::new(2026, 11, 23).unwrap();
        let ctx = crate::ui::screen::tests::context(folder.records(), today);
        let ids = |places: &[u32]| -> Vec<String> {
            (places.iter())
                .map(|at| ctx.records.orders[*at as usize].id.clone())
                .collect()
        };
        for turns in [0, 1, usize::MAX] {
            let mut listed = Listed::default();
            let mut taken = 0;
            while taken < turns && listed.prepare(&ctx, Duration::ZERO) {
                taken += 1;
            }
            if turns == usize::MAX {
                assert!(taken > 2, "grown over several turns: {taken}");
                assert!(listed.failed.ready(ctx.generation).is_some());
            }
            for (filter, typed) in [(Filter::CheckFailed, ""), (Filter::All, "2026-1")] {
                listed.derive(&ctx, filter, typed);
                let walked: Vec<String> = (found(&ctx, filter, typed).iter())
                    .map(|order| order.id.clone())
                    .collect();
                let kept = ids(listed.get(&ctx, filter, typed).expect("derived"));
                assert_eq!(kept, walked, "{filter:?} {typed:?} after {turns} turns");
            }
        }
    }

    /// Older orders come in front, one of them on the day of the oldest held (which it
    /// overlaps): the search text and verdicts grown for the orders held go on from what
    /// holds of them, in fewer turns than anew, and list what a full walk finds.
    #[test]
    fn lists_carried_over_to_older_orders_list_what_a_full_walk_finds() {
        let folder = Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let today = crate::model::Date::new(2026, 11, 23).unwrap();
        let mut held = folder.records().clone();
        let mut older: Vec<Order> = held.orders.drain(..held.orders.len() / 2).collect();
        let mut twin = held.orders[0].clone();
        // Sorts just after the oldest held, and is found by a customer of its own.
        twin.id = format!("{}-0", twin.id.replace('-', ""));
        twin.customer = Some("Zwieback & Co".into());
        older.push(twin);
        let grown = |listed: &mut Listed, ctx: &Context| {
            let mut turns = 0;
            while listed.prepare(ctx, Duration::ZERO) {
                turns += 1;
            }
            turns
        };
        let mut listed = Listed::default();
        grown(
            &mut listed,
            &crate::ui::screen::tests::context(&held, today),
        );
        let first = held.clone();
        let before = held.orders.len();
        let kept = held.add_older(&mut older);
        assert!(
            kept < before,
            "the oldest held is overlapped: {kept} of {before}"
        );
        let ctx = Context {
            generation: 1,
            older: Some(crate::ui::screen::Older { from: 0, kept }),
            ..crate::ui::screen::tests::context(&held, today)
        };
        let carried = grown(&mut listed, &ctx);
        let anew = grown(&mut Listed::default(), &ctx);
        assert!(carried < anew, "{carried} turns carried over, {anew} anew");
        for (filter, typed) in [
            (Filter::CheckFailed, ""),
            (Filter::All, "2026-1"),
            (Filter::CheckFailed, "c"),
            (Filter::All, "zwieback"),
        ] {
            listed.derive(&ctx, filter, typed);
            let walked: Vec<&str> = (found(&ctx, filter, typed).iter())
                .map(|order| order.id.as_str())
                .collect();
            let kept: Vec<&str> = (listed.get(&ctx, filter, typed).expect("derived").iter())
                .map(|at| ctx.records.orders[*at as usize].id.as_str())
                .collect();
            assert!(!walked.is_empty(), "{filter:?} {typed:?} finds some");
            assert_eq!(kept, walked, "{filter:?} {typed:?}");
        }

        // Searches typed before the batch, and another filter picked before: carried over
        // without a walk of every order, they list what a full walk finds.
        let first = crate::ui::screen::tests::context(&first, today);
        let ids = |places: &[u32]| -> Vec<String> {
            (places.iter())
                .map(|at| ctx.records.orders[*at as usize].id.clone())
                .collect()
        };
        for (other, filter, keys) in [
            (None, Filter::All, &["2", "20", "2026-1"][..]),
            (Some(Filter::All), Filter::CheckFailed, &["", "c"][..]),
            (None, Filter::All, &["zwieback"][..]),
            (Some(Filter::CheckFailed), Filter::All, &["o", "co"][..]),
        ] {
            let mut listed = Listed::default();
            if let Some(other) = other {
                listed.derive(&first, other, "");
            }
            for typed in keys {
                listed.derive(&first, filter, typed);
            }
            let walks = listed.walks;
            let last = keys[keys.len() - 1];
            for (filter, typed) in [(filter, last)].into_iter().chain(other.map(|o| (o, ""))) {
                listed.derive(&ctx, filter, typed);
                let walked: Vec<String> = (found(&ctx, filter, typed).iter())
                    .map(|order| order.id.clone())
                    .collect();
                let kept = ids(listed.get(&ctx, filter, typed).expect("derived"));
                assert!(!walked.is_empty(), "{filter:?} {typed:?} finds some");
                assert_eq!(kept, walked, "{filter:?} {typed:?} carried over");
            }
            assert_eq!(
                listed.walks, walks,
                "{filter:?} {keys:?}: carried, not walked"
            );
        }
    }
}
