//! Figures straight from a workspace folder, without ever holding all of its orders.

use std::path::Path;

use super::{Figures, Period, Tally};
use crate::model::{Date, Facts, Order, Records};
use crate::store::{Folder, IndexUse, Needs, OpenError, OrderSink};

/// Adds each order into a [`Tally`] of one period as it is read.
struct Summing(Period);

impl OrderSink for Summing {
    type Sum = Tally;

    fn empty(&self) -> Tally {
        Tally::new(self.0)
    }

    fn add(&self, sum: &mut Tally, records: &Records, order: Order) {
        sum.add(records, &Facts::of(records, &order));
    }

    fn merge(&self, sum: &mut Tally, other: Tally) {
        sum.merge(other);
    }

    fn needs(&self) -> Needs {
        Needs::Facts
    }

    fn add_facts(&self, sum: &mut Tally, records: &Records, facts: Facts<'_>) {
        sum.take(records, facts);
    }
}

/// Reads the workspace at `root` and computes its figures for `period`, judged on
/// `today`: each order is added as it is read, on whichever core read it, then dropped
/// (see [`Folder::read_into`]). The same figures as [`figures`](super::figures) on the
/// whole workspace in memory, for a fraction of the memory.
///
/// The folder holds the findings and every record but the orders; figures of a folder
/// with errors are computed all the same, and it is for the caller to trust them or not.
pub fn read(root: &Path, period: Period, today: Date) -> Result<(Folder, Figures), OpenError> {
    read_with(root, period, today, &IndexUse::Off)
}

/// As [`read`], taking unchanged orders from the index `index` names: the same figures.
pub fn read_with(
    root: &Path,
    period: Period,
    today: Date,
    index: &IndexUse,
) -> Result<(Folder, Figures), OpenError> {
    let (folder, tally) = Folder::read_into_with(root, &Summing(period), index)?;
    let figures = tally.finish(folder.records(), today);
    Ok((folder, figures))
}
