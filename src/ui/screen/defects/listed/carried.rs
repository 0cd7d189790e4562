//! The log's lists carried over to records with a batch of older orders added: a batch
//! costs its own orders' defects, not a gathering, sorting and search text of them all.

use std::cmp::Ordering;

use super::super::log::{self, Place};
use super::Listed;
use crate::model::Records;
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
        let moved = |(order, defect): Place| (order >= held).then_some((order + grown, defect));
        let order = |a: &Place, b: &Place| in_log(records, *a, *b);
        let mut landed: Vec<Place> = (0..stretch)
            .flat_map(|at| {
                let defects = records.orders[at as usize].defects.len() as u32;
                (0..defects).map(move |n| (at, n))
            })
            .collect();
        landed.sort_by(order);

        // The lines, where they are of these filters and this day.
        let lines = (self.of.take())
            .filter(|(generation, _, today)| *generation == older.from && *today == ctx.today);
        if let Some((_, filter, today)) = lines {
            let keeps = |place: &Place| filter.keeps(log::entry(records, *place).defect, today);
            let held = (self.sorted.iter().zip(&self.kept))
                .filter_map(|(place, kept)| Some((moved(*place)?, *kept)));
            let judged = landed.iter().map(|place| (*place, keeps(place)));
            let (sorted, kept) = merged(held, judged, |a, b| order(&a.0, &b.0))
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
            let shown = self.shown.iter().filter_map(|place| moved(*place));
            let found = landed.iter().copied().filter(finds);
            self.shown = merged(shown, found, order);
            let entries = self.shown.iter().map(|place| log::entry(records, *place));
            self.counts = log::counts(entries, today);
            self.of = Some((ctx.generation, filter, today));
        } else {
            let held = self.sorted.iter().filter_map(|place| moved(*place));
            self.sorted = merged(held, landed.iter().copied(), order);
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
    let key = |place: Place| {
        let entry = log::entry(records, place);
        (
            entry.defect.found,
            entry.order.id.as_str(),
            entry.defect.id.as_str(),
        )
    };
    let (ka, kb) = (key(a), key(b));
    kb.cmp(&ka).then(a.cmp(&b))
}

/// The items of two lists, each in the order `cmp` says, in that order.
fn merged<T>(
    a: impl IntoIterator<Item = T>,
    b: impl IntoIterator<Item = T>,
    cmp: impl Fn(&T, &T) -> Ordering,
) -> Vec<T> {
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    let mut all = Vec::with_capacity(a.size_hint().0 + b.size_hint().0);
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if cmp(x, y).is_le() => a.next(),
            (Some(_), Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(item) => all.push(item),
            None => return all,
        }
    }
}
