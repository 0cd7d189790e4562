//! Right first time and contacts per ISO week, for the dashboard's trend lines.

use serde::Serialize;

use super::{Period, day, ratio};
use crate::model::{Date, Facts};

/// One ISO week (Monday to Sunday), cut to the period at either end.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Week {
    /// The first day of the week inside the period.
    pub start: Date,
    /// The last day of the week inside the period.
    pub end: Date,
    /// The ISO week-numbering year.
    pub iso_year: i16,
    /// The ISO week, 1 to 53.
    pub iso_week: i8,
    /// Orders placed that week.
    pub orders: usize,
    /// Of those, right first time.
    pub right_first: usize,
    /// `right_first / orders`; `None` in a week without orders.
    pub right_first_time: Option<f64>,
    /// Contacts on that week's orders.
    pub contacts: usize,
    /// `contacts / orders`; `None` in a week without orders.
    pub contacts_per_order: Option<f64>,
}

/// Orders, right first and contacts, one slot per week.
#[derive(Default, Clone, Copy)]
struct Slot {
    orders: usize,
    right_first: usize,
    contacts: usize,
}

/// Counts orders into the weeks of a period.
pub(super) struct Weeks {
    period: Period,
    /// The day number of the Monday of the period's first week.
    monday: i64,
    slots: Vec<Slot>,
}

impl Weeks {
    pub(super) fn new(period: Period) -> Self {
        let from = day::number(period.from);
        let monday = from - day::weekday(period.from);
        let count = if period.from <= period.to {
            (day::number(period.to) - monday) / 7 + 1
        } else {
            0
        };
        Weeks {
            period,
            monday,
            slots: vec![Slot::default(); usize::try_from(count).unwrap_or(0)],
        }
    }

    /// Counts an order placed in the period.
    pub(super) fn order(&mut self, order: &Facts<'_>, right_first: bool) {
        let week = (day::number(order.placed) - self.monday) / 7;
        if let Some(slot) = usize::try_from(week)
            .ok()
            .and_then(|w| self.slots.get_mut(w))
        {
            slot.orders += 1;
            slot.right_first += usize::from(right_first);
            slot.contacts += order.contacts as usize;
        }
    }

    /// Adds the counts of other orders of the same period.
    pub(super) fn merge(&mut self, other: Weeks) {
        debug_assert_eq!(self.period, other.period);
        for (slot, other) in self.slots.iter_mut().zip(other.slots) {
            slot.orders += other.orders;
            slot.right_first += other.right_first;
            slot.contacts += other.contacts;
        }
    }

    pub(super) fn finish(self) -> Vec<Week> {
        let from = day::number(self.period.from);
        self.slots
            .into_iter()
            .enumerate()
            .map(|(index, slot)| {
                let monday = self.monday + 7 * index as i64;
                let start = day::after(self.period.from, monday.max(from) - from);
                let end = day::after(self.period.from, monday + 6 - from).min(self.period.to);
                let iso = start.civil().iso_week_date();
                Week {
                    start,
                    end,
                    iso_year: iso.year(),
                    iso_week: iso.week(),
                    orders: slot.orders,
                    right_first: slot.right_first,
                    right_first_time: ratio(slot.right_first, slot.orders),
                    contacts: slot.contacts,
                    contacts_per_order: ratio(slot.contacts, slot.orders),
                }
            })
            .collect()
    }
}
