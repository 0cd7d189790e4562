//! The figures of FORMAT.md ("Figures the app derives"), from model values only.
//!
//! [`figures`] computes every figure for a [`Period`] in one pass over the orders, so the
//! report, the dashboard and the export show the same numbers. The definitions:
//!
//! - A period holds the days `from..=to`; orders count by `placed`, defects by `found`,
//!   contacts are all those of the period's orders. [`Period::last_days`] gives the
//!   default, the 90 days ending today (`from` = today - 89 days).
//! - An order is right first time when it has no defect at all and none of its checks
//!   failed. A check fails on a failed or missing critical item; a check whose checklist
//!   revision is not in the workspace cannot be judged and counts as failed (no evidence
//!   that it was right), and is counted in [`Figures::unjudged_checks`].
//! - A ratio over no orders is `None` (JSON `null`), never NaN.
//! - An order is over the alarm when its own contacts exceed
//!   `contacts_per_order_alarm`.
//! - Pareto: defects per category, largest first, ties by category name.
//! - Recurring: the period's defects grouped by (procedure, step), or by category when
//!   no step is named; a group recurs when some `recurrence.days` consecutive days hold
//!   at least `recurrence.count` of them (two defects `days` or more apart never share
//!   a window). `count` is all of the group's defects in the period.
//! - Escapes: defects found in the period by the Customer on an order that had at least
//!   one check, every one of which passed.
//! - Fixes: see [`Fix`].
//! - Training meets quality: see [`TrainingQuality`].
//! - Training gaps and overdue reviews look at the revision in force today, whatever
//!   the period; a gap is a person who has not left and is not current (the rule of
//!   [`crate::model::standing`]).

mod causes;
mod day;
mod naming;
mod people;
mod quality;
mod read;
mod text;
pub mod training;
mod weeks;

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;

use crate::model::{Checked, Date, Defect, Facts, Order, Records};

pub use causes::{Fix, OpenAction, ParetoEntry, Recurring};
pub use naming::{cause_name, procedure_title, recurring_rule, step_name};
pub use people::TrainingGap;
pub use quality::{Group, TrainingQuality};
pub use read::{read, read_with};
pub use text::text;
pub use weeks::Week;

/// The days the figures cover, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    /// The first day.
    pub from: Date,
    /// The last day.
    pub to: Date,
}

impl Period {
    /// How many days the default period covers.
    pub const DEFAULT_DAYS: u32 = 90;

    /// The `days` days ending on `to`, `to` included (`days` 0 is taken as 1).
    pub fn last_days(to: Date, days: u32) -> Period {
        let back = i64::from(days.max(1)) - 1;
        Period {
            from: day::after(to, -back),
            to,
        }
    }

    /// Whether `date` lies in the period.
    pub fn contains(&self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }

    /// How many days it covers; 0 when `from` is after `to`.
    pub fn days(&self) -> u32 {
        u32::try_from(day::number(self.to) - day::number(self.from) + 1).unwrap_or(0)
    }
}

/// A defect, by its order and its id within the order: what the dashboard opens.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct DefectRef {
    /// The order's id.
    pub order: String,
    /// The defect's id within the order.
    pub defect: String,
}

impl DefectRef {
    /// The order and the defect this points at, if they are still there.
    pub fn find<'a>(&self, records: &'a Records) -> Option<(&'a Order, &'a Defect)> {
        let order = records.orders.iter().find(|o| o.id == self.order)?;
        let defect = order.defects.iter().find(|d| d.id == self.defect)?;
        Some((order, defect))
    }
}

/// Every figure for one period, as the report prints it and the dashboard draws it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// The days covered.
    pub period: Period,
    /// The day training and reviews are judged on, and where fixes' "after" ends.
    pub today: Date,
    /// Orders placed in the period.
    pub orders: usize,
    /// Defects found in the period.
    pub defects: usize,
    /// Orders with no defect and no failed check.
    pub right_first: usize,
    /// `right_first / orders`, 0 to 1; `None` without orders.
    pub right_first_time: Option<f64>,
    /// Checks on the period's orders whose checklist revision is not in the workspace.
    pub unjudged_checks: usize,
    /// Customer contacts on the period's orders.
    pub contacts: usize,
    /// `contacts / orders`; `None` without orders.
    pub contacts_per_order: Option<f64>,
    /// The workspace's alarm level for contacts per order.
    pub contacts_per_order_alarm: f64,
    /// Orders whose own contacts exceed the alarm, by id.
    pub orders_over_alarm: Vec<String>,
    /// Defects per category, largest first.
    pub pareto: Vec<ParetoEntry>,
    /// Causes that struck `recurrence.count` times within `recurrence.days`.
    pub recurring: Vec<Recurring>,
    /// How many defects escaped the second check.
    pub escapes: usize,
    /// Those defects, by found date.
    pub escaped: Vec<DefectRef>,
    /// The cost of poor quality: `cost_cents` summed over the period's defects.
    pub cost_cents: u64,
    /// Corrective actions done in the period, with defects per 100 orders before and after.
    pub fixes: Vec<Fix>,
    /// Staff who have not left and are not current on the approved revision in force, by
    /// person and procedure.
    pub training_gaps: Vec<TrainingGap>,
    /// Defects per 100 of the period's orders made by someone current on the order's
    /// procedures that day, against someone who was not (see [`TrainingQuality`]).
    pub training_quality: TrainingQuality,
    /// Approved procedures whose `review_by` is before today, by id.
    pub reviews_overdue: Vec<String>,
    /// Right first time and contacts per ISO week (Monday to Sunday), cut to the period.
    pub weeks: Vec<Week>,
}

/// `part / whole`, or `None` when there is no whole.
fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Every figure of FORMAT.md for `period`, judged on `today`, over orders in memory.
///
/// The orders are summed on every core; see [`Tally`] for orders read one at a time.
pub fn figures(records: &Records, period: Period, today: Date) -> Figures {
    tally(records, &records.orders, period).finish(records, today)
}

/// The tally of `orders`, some or all of those of `records`, for `period`, summed on
/// every core: a screen sums five years of orders a slice at a time and
/// [merges](Tally::merge) the slices, so no frame waits for all of them.
pub fn tally(records: &Records, orders: &[Order], period: Period) -> Tally {
    orders
        .par_iter()
        .with_min_len(4096)
        .fold(
            || Tally::new(period),
            |mut tally, order| {
                tally.add(records, &Facts::of(records, order));
                tally
            },
        )
        .reduce(
            || Tally::new(period),
            |mut tally, other| {
                tally.merge(other);
                tally
            },
        )
}

/// What the figures of one period need from the orders, summed as they come.
///
/// [`Tally::add`] takes one order at a time and keeps only counts and copies of the
/// period's defects, so a hundred thousand orders can be read, added and dropped without
/// ever being in memory together. Tallies of different orders [`merge`](Tally::merge)
/// in any order; [`finish`](Tally::finish) sorts what needs sorting, so the figures do
/// not depend on the order the orders came in.
pub struct Tally {
    period: Period,
    orders: usize,
    right_first: usize,
    contacts: usize,
    unjudged: usize,
    over_alarm: Vec<String>,
    /// The period's defects, each with its order and how the order's checks came out.
    found: Vec<causes::Found>,
    weeks: weeks::Weeks,
    fixes: causes::FixTally,
    quality: quality::QualityTally,
}

impl Tally {
    /// Nothing counted yet.
    pub fn new(period: Period) -> Self {
        Tally {
            period,
            orders: 0,
            right_first: 0,
            contacts: 0,
            unjudged: 0,
            over_alarm: Vec::new(),
            found: Vec::new(),
            weeks: weeks::Weeks::new(period),
            fixes: causes::FixTally::default(),
            quality: quality::QualityTally::default(),
        }
    }

    /// Counts one order of the workspace whose other records are `records` (its orders
    /// are not looked at: the checklists judge the checks, the workspace sets the alarm).
    pub fn add(&mut self, records: &Records, order: &Facts<'_>) {
        self.count(records, order);
        for defect in order.defects.iter() {
            self.found(order, defect.found, || defect.clone());
        }
    }

    /// As [`Tally::add`], taking the facts: defects the facts own (read from the index)
    /// are moved into the tally, not copied.
    pub fn take(&mut self, records: &Records, mut order: Facts<'_>) {
        self.count(records, &order);
        match std::mem::take(&mut order.defects) {
            Cow::Owned(defects) => {
                for defect in defects {
                    self.found(&order, defect.found, || defect);
                }
            }
            Cow::Borrowed(defects) => {
                for defect in defects {
                    self.found(&order, defect.found, || defect.clone());
                }
            }
        }
    }

    /// Keeps one defect of `order`, found on `day`, if that is in the period.
    fn found(&mut self, order: &Facts<'_>, day: Date, defect: impl FnOnce() -> Defect) {
        if !self.period.contains(day) {
            return;
        }
        let defect = defect();
        // Orders placed before the period are judged for escapes only, not counted.
        self.found.push(causes::Found {
            order: order.id.to_owned(),
            defect,
            checks_passed: order.checked == Checked::Passed,
        });
    }

    /// Counts one order, all but its defects of the period.
    fn count(&mut self, records: &Records, order: &Facts<'_>) {
        let period = self.period;
        self.fixes.order(order, period);
        if period.contains(order.placed) {
            let right = order.defects.is_empty() && order.checked != Checked::Failed;
            self.orders += 1;
            self.right_first += usize::from(right);
            self.unjudged += order.unjudged as usize;
            self.contacts += order.contacts as usize;
            if f64::from(order.contacts) > records.workspace.contacts_per_order_alarm.get() {
                self.over_alarm.push(order.id.to_owned());
            }
            self.weeks.order(order, right);
            self.quality.order(records, order);
        }
    }

    /// Adds the counts of other orders, for the same period.
    pub fn merge(&mut self, other: Tally) {
        debug_assert_eq!(self.period, other.period);
        self.orders += other.orders;
        self.right_first += other.right_first;
        self.contacts += other.contacts;
        self.unjudged += other.unjudged;
        self.over_alarm.extend(other.over_alarm);
        self.found.extend(other.found);
        self.weeks.merge(other.weeks);
        self.fixes.merge(other.fixes);
        self.quality.merge(other.quality);
    }

    /// The figures of every order added, with `records` for the workspace's settings,
    /// training and procedures, judged on `today`.
    pub fn finish(mut self, records: &Records, today: Date) -> Figures {
        let workspace = &records.workspace;
        self.over_alarm.sort_unstable();
        self.found.sort_by(|a, b| {
            (a.defect.found, &a.order, &a.defect.id).cmp(&(b.defect.found, &b.order, &b.defect.id))
        });
        let found = &self.found;
        let escaped: Vec<DefectRef> = causes::escapes(found);
        let (orders, right_first, contacts) = (self.orders, self.right_first, self.contacts);
        Figures {
            period: self.period,
            today,
            orders,
            defects: found.len(),
            right_first,
            right_first_time: ratio(right_first, orders),
            unjudged_checks: self.unjudged,
            contacts,
            contacts_per_order: ratio(contacts, orders),
            contacts_per_order_alarm: workspace.contacts_per_order_alarm.get(),
            orders_over_alarm: self.over_alarm,
            pareto: causes::pareto(found),
            recurring: causes::recurring(found, workspace.recurrence, today),
            escapes: escaped.len(),
            escaped,
            cost_cents: found
                .iter()
                .fold(0u64, |sum, f| sum.saturating_add(f.defect.cost_cents)),
            fixes: self.fixes.finish(workspace.recurrence.days, today),
            training_gaps: people::training_gaps(records, today),
            training_quality: self.quality.finish(),
            reviews_overdue: people::reviews_overdue(records, today),
            weeks: self.weeks.finish(),
        }
    }
}
