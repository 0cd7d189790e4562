//! The defect log's lists, kept between frames: worked out in `update` when the records,
//! the filters, the search or the day change, and only read while drawing.

use super::log::{self, Counts, Filter, Place};
use crate::model::Date;
use crate::ui::screen::Context;

/// The lines of the log and what they were worked out from.
#[derive(Debug, Default)]
pub(super) struct Listed {
    /// The generation of the records, the filters and the day `kept` is of.
    of: Option<(u64, Filter, Date)>,
    /// Every defect the filters keep, newest found first.
    kept: Vec<Place>,
    /// The search `shown` is of, as typed.
    search: String,
    /// Those of `kept` the search finds, and their counts.
    shown: Vec<Place>,
    counts: Counts,
    /// The generation of the records the lists below are of.
    named_of: Option<u64>,
    /// Every defect, newest found first: a filter picks from it without sorting again.
    sorted: Vec<Place>,
    /// The categories and procedures the filters offer.
    categories: Vec<String>,
    procedures: Vec<String>,
    /// Where the order of the open defect was last found in the records.
    pub open_at: Option<u32>,
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
        if self.named_of != Some(ctx.generation) {
            self.named_of = Some(ctx.generation);
            self.sorted = log::sorted(records);
            self.categories = log::categories(records);
            self.procedures = log::procedures(records)
                .into_iter()
                .map(str::to_owned)
                .collect();
        }
        let of = (ctx.generation, filter.clone(), ctx.today);
        let fresh = self.of.as_ref() != Some(&of);
        if fresh {
            self.kept = log::kept_of(records, &self.sorted, filter, ctx.today);
            self.of = Some(of);
        }
        if fresh || self.search != search {
            // A search that extends the last one finds only what that one found.
            let narrows = !fresh && needle(search).contains(&needle(&self.search));
            let wider = if narrows { &self.shown } else { &self.kept };
            self.shown = log::searched(records, wider, search);
            self.search = search.to_owned();
            let entries = self.shown.iter().map(|place| log::entry(records, *place));
            self.counts = log::counts(entries, ctx.today);
        }
    }
}
