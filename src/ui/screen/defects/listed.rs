//! The defect log's lists, kept between frames: worked out in `update` when the records,
//! the filters, the search or the day change, and only read while drawing.

use std::collections::BTreeSet;
use std::time::Duration;

use super::log::{self, Counts, Filter, Place};
use crate::model::{Date, Records};
use crate::ui::screen::Context;
use crate::ui::screen::growing::Growing;
use crate::ui::screen::haystack::Haystack;

mod carried;

/// The lines of the log and what they were worked out from.
#[derive(Debug, Default)]
pub(super) struct Listed {
    /// The generation of the records, the filters and the day `kept` is of.
    of: Option<(u64, Filter, Date)>,
    /// Per defect of `sorted`, whether the filters keep it.
    kept: Vec<bool>,
    /// The search `shown` is of, as typed.
    search: String,
    /// Those of `kept` the search finds, and their counts.
    shown: Vec<Place>,
    counts: Counts,
    /// The generation of the records the lists below are of, and how many orders those
    /// held.
    named_of: Option<u64>,
    orders: usize,
    /// Those lists, gathered an order at a time in idle turns before the log is entered.
    gathered: Growing<Gathered>,
    /// Every defect, newest found first: a filter picks from it without sorting again.
    sorted: Vec<Place>,
    /// What the search looks through: each defect of `sorted`, found by its position; grown
    /// a slice per turn after the records change (or whole when a search needs it first).
    haystack: Growing<Haystack>,
    /// The categories and procedures the filters offer.
    categories: Vec<String>,
    procedures: Vec<String>,
    /// Where the order of the open defect was last found in the records.
    pub open_at: Option<u32>,
    /// Gatherings of every order's defects: tests see that a batch of older orders costs
    /// none.
    #[cfg(test)]
    gathered_all: usize,
}

/// The search as defects are matched against it.
fn needle(search: &str) -> String {
    search.trim().to_lowercase()
}

impl Listed {
    /// The lines shown for `search` under `filter`, and their counts, if they are worked
    /// out already for these records, filters, search and day.
    pub fn get(&self, ctx: &Context, filter: &Filter, search: &str) -> Option<(&[Place], Counts)> {
        let of = self.of.as_ref()?;
        (of.0 == ctx.generation && &of.1 == filter && of.2 == ctx.today && self.search == search)
            .then_some((self.shown.as_slice(), self.counts))
    }

    /// The categories and procedures the filters offer, if worked out for these records.
    pub fn named(&self, ctx: &Context) -> Option<(&[String], &[String])> {
        (self.named_of == Some(ctx.generation))
            .then_some((self.categories.as_slice(), self.procedures.as_slice()))
    }

    /// Works the lists out again where what they are of changed.
    pub fn derive(&mut self, ctx: &Context, filter: &Filter, search: &str) {
        let records = ctx.records;
        if self.named_of != Some(ctx.generation) && !self.carry_over(ctx) {
            self.gather(ctx, None);
        }
        let of = (ctx.generation, filter.clone(), ctx.today);
        let fresh = self.of.as_ref() != Some(&of);
        if fresh {
            let keeps = |place: &Place| filter.keeps(log::entry(records, *place).defect, ctx.today);
            self.kept = self.sorted.iter().map(keeps).collect();
            self.of = Some(of);
        }
        if fresh || self.search != search {
            if !needle(search).is_empty() {
                self.grow(records, ctx.generation, None);
            }
            self.shown = self.searched(records, ctx.generation, search);
            self.search = search.to_owned();
            let entries = self.shown.iter().map(|place| log::entry(records, *place));
            self.counts = log::counts(entries, ctx.today);
        }
    }

    /// The defects the filters keep that match `search`, newest found first.
    fn searched(&self, records: &Records, generation: u64, search: &str) -> Vec<Place> {
        let needle = needle(search);
        let kept = |at: &usize| self.kept[*at];
        let places = |at: usize| self.sorted[at];
        if needle.is_empty() {
            return (0..self.sorted.len()).filter(kept).map(places).collect();
        }
        match (self.haystack.ready(generation)).and_then(|haystack| haystack.find(&needle)) {
            Some(found) => (found.into_iter().map(|at| at as usize))
                .filter(kept)
                .map(places)
                .collect(),
            None => {
                let kept: Vec<Place> = (0..self.sorted.len()).filter(kept).map(places).collect();
                log::searched(records, &kept, search)
            }
        }
    }
}

/// The categories and procedures defects name, and every defect with the day it was found,
/// in the records' order: gathered an order at a time, then sorted in one go.
#[derive(Debug, Default)]
struct Gathered {
    found: Vec<(Date, Place)>,
    categories: Vec<String>,
    procedures: BTreeSet<String>,
}

impl Gathered {
    /// Adds the defects of the order at `at`.
    fn add(&mut self, records: &Records, at: usize) {
        for (n, defect) in records.orders[at].defects.iter().enumerate() {
            self.found.push((defect.found, (at as u32, n as u32)));
            if !self.categories.contains(&defect.category) {
                self.categories.push(defect.category.clone());
            }
            if let Some(id) = defect.procedure.as_ref()
                && !self.procedures.contains(id)
            {
                self.procedures.insert(id.clone());
            }
        }
    }
}

impl Listed {
    /// Gathers the lists the filters and the search pick from for `budget` (`None`: until
    /// whole), then sorts the defects: what [`log::sorted`], [`log::categories`] and
    /// [`log::procedures`] give. Whether work is left for another turn.
    fn gather(&mut self, ctx: &Context, budget: Option<Duration>) -> bool {
        let (records, generation) = (ctx.records, ctx.generation);
        if self.named_of == Some(generation) {
            return false;
        }
        let start = || Gathered {
            categories: records.workspace.defect_categories.clone(),
            ..Gathered::default()
        };
        let add = |gathered: &mut Gathered, at| gathered.add(records, at);
        let total = records.orders.len();
        if (self.gathered).grow(generation, total, start, budget, add) {
            return true;
        }
        let gathered = std::mem::take(&mut self.gathered);
        let Gathered {
            mut found,
            categories,
            procedures,
        } = gathered.into_made();
        // Newest found first, then by order and defect id, newest first: a stable sort as
        // `log::sorted`'s, the ids read only on a tie.
        let ids = |(order, defect): Place| {
            let entry = log::entry(records, (order, defect));
            (entry.order.id.as_str(), entry.defect.id.as_str())
        };
        found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| ids(b.1).cmp(&ids(a.1))));
        self.sorted = found.into_iter().map(|(_, place)| place).collect();
        self.categories = categories;
        self.procedures = procedures.into_iter().collect();
        self.named_of = Some(generation);
        self.orders = total;
        #[cfg(test)]
        {
            self.gathered_all += 1;
        }
        false
    }

    /// Gathers the lists the filters offer for `budget`, for these records, while the log
    /// is behind another screen: idle work, so entering the log finds them made. Whether
    /// work is left for another turn.
    pub fn prepare_behind(&mut self, ctx: &Context, budget: Duration) -> bool {
        self.gather(ctx, Some(budget))
    }

    /// Grows what the search looks through for `budget` (at least a few hundred defects),
    /// for the records the lists are of: idle work after they change. Whether work is left
    /// for another turn.
    pub fn prepare(&mut self, ctx: &Context, budget: Duration) -> bool {
        match self.named_of {
            Some(generation) => self.grow(ctx.records, generation, Some(budget)),
            None => false,
        }
    }

    /// Grows the haystack of `sorted` for `budget` (`None`: until whole): for each defect,
    /// what [`log::matches`] compares (the description, the order, the category, and the
    /// procedure's id and title). Whether work is left.
    fn grow(&mut self, records: &Records, generation: u64, budget: Option<Duration>) -> bool {
        let sorted = &self.sorted;
        if self.haystack.ready(generation).is_some() {
            return false;
        }
        let titles = log::titles(records);
        let add = |haystack: &mut Haystack, at: usize| {
            let entry = log::entry(records, sorted[at]);
            let defect = entry.defect;
            let procedure = defect.procedure.as_deref();
            let title = procedure.and_then(|id| titles.get(id).copied());
            let fields = [
                Some(defect.description.as_str()),
                Some(entry.order.id.as_str()),
                Some(defect.category.as_str()),
                procedure,
                title,
            ];
            haystack.push(at as u32, fields.into_iter().flatten());
        };
        let start = || Haystack::with_capacity(sorted.len(), 96);
        (self.haystack).grow(generation, sorted.len(), start, budget, add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DefectState;
    use crate::store::Folder;
    use crate::ui::screen::tests::context;

    /// Through the haystack, the log finds what matching each defect one by one finds, in
    /// the same order, under each filter: by description, order, category, procedure id
    /// and title, in other scripts, and in no field at all.
    #[test]
    fn the_search_finds_what_matching_each_defect_finds() {
        let folder = Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let mut records = folder.records().clone();
        let (at, defect) = (records.orders.iter())
            .enumerate()
            .find_map(|(at, order)| (!order.defects.is_empty()).then_some((at, 0)))
            .expect("the sample has a defect");
        records.orders[at].defects[defect].description = "Ünal zag ÇELIK in de bak".into();
        let today = Date::new(2026, 12, 5).unwrap();
        let title = records.procedures[0].title.to_lowercase();
        let filters = [
            Filter::default(),
            Filter {
                state: Some(DefectState::Open),
                ..Filter::default()
            },
        ];
        for filter in &filters {
            let ctx = context(&records, today);
            let mut listed = Listed::default();
            for search in [
                "",
                "2026",
                "ünal",
                "çelik",
                "ÇELIK",
                "method",
                "waffle",
                "x",
                "é",
                &title,
                "nothing at all",
            ] {
                listed.derive(&ctx, filter, search);
                let walked: Vec<Place> =
                    log::searched(&records, &log::kept(&records, filter, today), search);
                let (shown, _) = listed.get(&ctx, filter, search).unwrap();
                assert_eq!(shown, walked.as_slice(), "{search:?} under {filter:?}");
            }
        }
    }

    /// Gathered in turns while another screen is in front, the lists are made before the
    /// log is entered, and are what working them out in one go gives.
    #[test]
    fn lists_gathered_behind_in_turns_are_those_made_in_one_go() {
        let folder = Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let mut records = folder.records().clone();
        // Two defects on one day and a category the workspace does not name: the order of
        // ties and the categories kept after the workspace's.
        let first = (records.orders.iter().flat_map(|order| &order.defects))
            .next()
            .expect("the sample has a defect")
            .clone();
        let mut twin = first.clone();
        twin.id = format!("{}-twin", first.id);
        twin.category = "Somewhere else".into();
        let last = records.orders.len() - 1;
        records.orders[last].defects.push(twin);
        let ctx = context(&records, Date::new(2026, 12, 5).unwrap());
        let mut listed = Listed::default();
        let mut turns = 0;
        while listed.prepare_behind(&ctx, Duration::ZERO) {
            assert!(listed.named(&ctx).is_none(), "not made while gathering");
            turns += 1;
        }
        assert!(turns > 1, "gathered in turns, not {turns}");
        let procedures: Vec<String> = (log::procedures(&records).into_iter())
            .map(str::to_owned)
            .collect();
        let (categories, named) = listed.named(&ctx).expect("made before entering");
        assert_eq!(categories, log::categories(&records).as_slice());
        assert!(categories.iter().any(|c| c == "Somewhere else"));
        assert_eq!(named, procedures.as_slice());
        assert_eq!(listed.sorted, log::sorted(&records));
        assert!(!listed.prepare_behind(&ctx, Duration::ZERO), "nothing left");
    }

    /// The search text grown in turns, half grown or whole, finds what matching each
    /// defect one by one finds.
    #[test]
    fn a_search_text_grown_in_turns_finds_what_matching_finds() {
        let folder = Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let records = folder.records();
        let today = Date::new(2026, 12, 5).unwrap();
        let ctx = context(records, today);
        let filter = Filter::default();
        for turns in [1, usize::MAX] {
            let mut listed = Listed::default();
            assert!(!listed.prepare(&ctx, Duration::ZERO), "nothing listed yet");
            listed.derive(&ctx, &filter, "");
            let mut taken = 0;
            while taken < turns && listed.prepare(&ctx, Duration::ZERO) {
                taken += 1;
            }
            for search in ["2026", "method", "x"] {
                listed.derive(&ctx, &filter, search);
                let walked = log::searched(records, &log::kept(records, &filter, today), search);
                let (shown, _) = listed.get(&ctx, &filter, search).unwrap();
                assert_eq!(shown, walked.as_slice(), "{search:?} after {turns} turns");
            }
        }
    }

    /// Older orders come in front, one of them on the day of the oldest held (which it
    /// overlaps) with a defect of a category nobody named before: the lists carried over
    /// to them, for filters and a search worked out before, are those worked out anew, and
    /// cost no gathering of every order's defects: a batch wholly older than the orders
    /// held, and one with an order among them.
    #[test]
    fn lists_carried_over_to_older_orders_are_those_worked_out_anew() {
        carried_over_as_worked_out_anew(false);
        carried_over_as_worked_out_anew(true);
    }

    fn carried_over_as_worked_out_anew(among_held: bool) {
        let folder = Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let mut held = folder.records().clone();
        let mut older: Vec<crate::model::Order> =
            held.orders.drain(..held.orders.len() / 2).collect();
        let defect = (held.orders.iter().flat_map(|order| &order.defects))
            .next()
            .expect("the sample has a defect")
            .clone();
        let mut twin = held.orders[0].clone();
        twin.id = format!("{}-0", twin.id.replace('-', ""));
        twin.defects.push(crate::model::Defect {
            id: format!("{}-twin", defect.id),
            category: "Somewhere else".into(),
            description: "Zwieback crumbs in the bowl".into(),
            ..defect
        });
        if among_held {
            older.push(twin);
        }
        let first = held.clone();
        let kept = held.add_older(&mut older);
        assert_eq!(
            kept < first.orders.len(),
            among_held,
            "the oldest held overlapped"
        );
        let today = Date::new(2026, 12, 5).unwrap();
        let before = context(&first, today);
        let ctx = Context {
            generation: 1,
            older: Some(crate::ui::screen::Older { from: 0, kept }),
            ..context(&held, today)
        };
        let open = Filter {
            state: Some(DefectState::Open),
            ..Filter::default()
        };
        let elsewhere = Filter {
            category: Some("Somewhere else".into()),
            ..Filter::default()
        };
        for (filter, search) in [
            (Filter::default(), ""),
            (Filter::default(), "zwieback"),
            (open, "2026"),
            (elsewhere, ""),
        ] {
            let mut listed = Listed::default();
            listed.derive(&before, &filter, search);
            let gathered = listed.gathered_all;
            listed.derive(&ctx, &filter, search);
            assert_eq!(listed.gathered_all, gathered, "{filter:?}: carried over");
            let walked = log::searched(&held, &log::kept(&held, &filter, today), search);
            let (shown, counts) = listed.get(&ctx, &filter, search).expect("derived");
            // Without the twin, its category and words find nothing.
            assert!(
                !walked.is_empty() || !among_held,
                "{filter:?} {search:?} finds some"
            );
            assert_eq!(shown, walked.as_slice(), "{filter:?} {search:?}");
            let entries = walked.iter().map(|place| log::entry(&held, *place));
            assert_eq!(counts, log::counts(entries, today), "{filter:?} {search:?}");
            assert_eq!(listed.sorted, log::sorted(&held));
            let procedures: Vec<String> = (log::procedures(&held).into_iter())
                .map(str::to_owned)
                .collect();
            let (categories, named) = listed.named(&ctx).expect("carried over");
            assert_eq!(categories, log::categories(&held).as_slice());
            assert_eq!(named, procedures.as_slice());
        }
    }
}
