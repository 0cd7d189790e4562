//! The log's lists carried over to records with a batch of older orders added: a batch
//! costs its own orders' defects, not a gathering, sorting and search text of them all.

use std::cmp::Ordering;

use super::super::log::{self, Place};
use super::Listed;
use crate::model::{Date, Records};
use crate::ui::screen::Context;

impl Listed {
    /// Carries the lists gathered for the records before a batch of older orders landed
    /// over to these records, those with the batch added ([`Context::older`]): the defects
    /// of the newest orders that kept their place keep theirs in the order of the log
    /// (their orders' places moved on by the orders added), and the defects of the stretch
    /// the batch landed in (its orders and the held ones it overlaps, the oldest) are
    /// merged in. Where the filters and the day are those the log's lines were worked out
    /// under, those lines carry over too, for the search they were of. The search text is
    /// grown anew in idle turns. Whether it could; if not, nothing changed.
    pub(super) fn carry_over(&mut self, ctx: &Context) -> bool {
        let records = ctx.records;
        let total = records.orders.len();
        let Some(older) = ctx.older else {
            return false;
        };
        if self.named_of != Some(older.from) || older.kept > self.orders || total < self.orders {
            return false;
        }
        let grown = (total - self.orders) as u32;
        // Orders before `held` were the overlapped ones; from it on, those that kept their
        // place, now `grown` places on. The stretch is every order before `stretch`.
        let held = (self.orders - older.kept) as u32;
        let stretch = held + grown;
        // Whether the batch landed among held orders, whose lines it then moved.
        let overlapped = held > 0;
        let moved = |(order, defect): Place| (order >= held).then_some((order + grown, defect));
        let order = |a: &Place, b: &Place| in_log(records, *a, *b);
        // Each of the stretch's defects keyed once, as `in_log` keys them, and sorted.
        let mut landed: Vec<(Key<'_>, Place)> = (0..stretch)
            .flat_map(|at| {
                let defects = records.orders[at as usize].defects.len() as u32;
                (0..defects).map(move |n| (at, n))
            })
            .map(|place| (log_key(records, place), place))
            .collect();
        landed.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let landed: Vec<Place> = landed.into_iter().map(|(_, place)| place).collect();

        // The lines, where they are of these filters and this day.
        let lines = (self.of.take())
            .filter(|(generation, _, today)| *generation == older.from && *today == ctx.today);
        if let Some((_, filter, today)) = lines {
            let keeps = |place: &Place| filter.keeps(log::entry(records, *place).defect, today);
            let held: Vec<(Place, bool)> = (self.sorted.iter().zip(&self.kept))
                .filter_map(|(place, kept)| Some((moved(*place)?, *kept)))
                .collect();
            let judged: Vec<(Place, bool)> =
                landed.iter().map(|place| (*place, keeps(place))).collect();
            let (sorted, kept) = merged(&held, &judged, |a, b| order(&a.0, &b.0))
                .into_iter()
                .unzip();
            (self.sorted, self.kept) = (sorted, kept);
            let needle = super::needle(&self.search);
            let titles = log::titles(records);
            let finds = |place: &Place| {
                keeps(place)
                    && (needle.is_empty()
                        || log::matches(log::entry(records, *place), &needle, &titles))
            };
            let shown: Vec<Place> = self
                .shown
                .iter()
                .filter_map(|place| moved(*place))
                .collect();
            let found: Vec<Place> = landed.iter().copied().filter(finds).collect();
            // The lines carried over are counted as before, but where the batch took some
            // away: counting reads each line's defect out of the orders.
            let count = |places: &[Place]| {
                log::counts(places.iter().map(|at| log::entry(records, *at)), today)
            };
            let carried = if overlapped {
                count(&shown)
            } else {
                self.counts
            };
            self.counts = carried + count(&found);
            self.shown = merged(&shown, &found, order);
            self.of = Some((ctx.generation, filter, today));
        } else {
            let held: Vec<Place> = self
                .sorted
                .iter()
                .filter_map(|place| moved(*place))
                .collect();
            self.sorted = merged(&held, &landed, order);
        }

        // The categories after the workspace's in the order the defects first name them,
        // oldest order first: the stretch's, then those only the orders kept name.
        let named = (records.workspace.defect_categories.len()).min(self.categories.len());
        let before: Vec<String> = self.categories.drain(named..).collect();
        for defect in (0..stretch as usize).flat_map(|at| &records.orders[at].defects) {
            if !self.categories.contains(&defect.category) {
                self.categories.push(defect.category.clone());
            }
            if let Some(id) = &defect.procedure
                && let Err(at) = self.procedures.binary_search(id)
            {
                self.procedures.insert(at, id.clone());
            }
        }
        for category in before {
            if !self.categories.contains(&category) {
                self.categories.push(category);
            }
        }
        self.named_of = Some(ctx.generation);
        self.orders = total;
        true
    }
}

/// The order of the log: newest found first, then by order and defect id, newest first;
/// of two equal, the one of the older order (the lower place) first, as the stable sort
/// of defects gathered oldest order first puts them.
fn in_log(records: &Records, a: Place, b: Place) -> Ordering {
    log_key(records, b)
        .cmp(&log_key(records, a))
        .then(a.cmp(&b))
}

/// What the log sorts a defect by, newest first: the day found, its order's id, its id.
type Key<'a> = (Date, &'a str, &'a str);

fn log_key(records: &Records, place: Place) -> Key<'_> {
    let entry = log::entry(records, place);
    (
        entry.defect.found,
        entry.order.id.as_str(),
        entry.defect.id.as_str(),
    )
}

/// The items of two lists, each in the order `cmp` says, in that order; of two equal, the
/// one of `a` first. The lists take turns in runs, each run's end found by galloping, so
/// that a run costs a few comparisons and not one each: a batch's defects are mostly found
/// before every defect held, and each comparison reads two defects out of the orders.
fn merged<T: Copy>(a: &[T], b: &[T], cmp: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let (mut a, mut b) = (a, b);
    let mut all = Vec::with_capacity(a.len() + b.len());
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if cmp(x, y).is_le() {
            let n = run(a, |item| cmp(item, y).is_le());
            all.extend_from_slice(&a[..n]);
            a = &a[n..];
        } else {
            let n = run(b, |item| cmp(item, x).is_lt());
            all.extend_from_slice(&b[..n]);
            b = &b[n..];
        }
    }
    all.extend_from_slice(a);
    all.extend_from_slice(b);
    all
}

/// How many of `items` from the first are `before`, which holds of the first and of none
/// after the first it does not hold of: by steps that double, then a binary search of the
/// last step.
fn run<T>(items: &[T], before: impl Fn(&T) -> bool) -> usize {
    let (mut known, mut step) = (0, 1);
    while step < items.len() && before(&items[step]) {
        known = step;
        step *= 2;
    }
    known + items[known..step.min(items.len())].partition_point(before)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Two sorted lists merge as a stable sort of the first then the second puts them:
        /// items compared by their key alone, tagged by the list they came from.
        #[test]
        fn two_lists_merge_as_a_stable_sort(
            a in proptest::collection::vec(0u8..30, 0..60),
            b in proptest::collection::vec(0u8..30, 0..60),
        ) {
            let tagged = |keys: Vec<u8>, from: u8| {
                let mut items: Vec<(u8, u8, usize)> =
                    keys.into_iter().enumerate().map(|(at, key)| (key, from, at)).collect();
                items.sort_by_key(|item| item.0);
                items
            };
            let (a, b) = (tagged(a, 0), tagged(b, 1));
            let mut sorted = a.clone();
            sorted.extend(&b);
            sorted.sort_by_key(|item| item.0);
            proptest::prop_assert_eq!(merged(&a, &b, |x, y| x.0.cmp(&y.0)), sorted);
        }
    }
}
