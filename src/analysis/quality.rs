//! Training meets quality: "Does reading the procedure matter?" Defects per 100 orders made
//! by someone current on the procedures of the order, against those made by someone who
//! was not, on the order's own date.
//!
//! The procedures an order is made by are those its checks' checklists verify (the
//! checklist revision the check used) and its defects' own procedures. The maker is
//! current on the order when, on the day it was placed, they were current (the rule of
//! [`crate::model::standing`], by [`super::training::standing_on`]) on every one of those
//! procedures that had an approved revision in force; not current when they were not on
//! at least one. An order with no such procedure is not judged. Defects are all the
//! order's defects, whenever found.

use std::collections::HashMap;
use std::fmt::Write;

use serde::Serialize;

use super::ratio;
use super::training::{history, standing_with};
use crate::model::{Change, Facts, Language, Records, counted, fill};

/// Orders of one group and their defects.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Group {
    /// Orders placed in the period in this group.
    pub orders: usize,
    /// All the defects of those orders.
    pub defects: usize,
    /// `defects * 100 / orders`; `None` without orders.
    pub per_100: Option<f64>,
}

/// The period's orders split by whether their maker had read the procedures in force.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct TrainingQuality {
    /// Made by someone current on every procedure of the order.
    pub current: Group,
    /// Made by someone not current on at least one of them.
    pub not_current: Group,
    /// Orders with no procedure in force to judge the maker by.
    pub unjudged: usize,
}

/// Sums [`TrainingQuality`] one order at a time, keeping each procedure's history once.
#[derive(Debug, Default)]
pub(super) struct QualityTally {
    current: (usize, usize),
    not_current: (usize, usize),
    unjudged: usize,
    histories: HashMap<String, Vec<Change>>,
}

impl QualityTally {
    /// Counts one order of the period.
    pub(super) fn order(&mut self, records: &Records, order: &Facts<'_>) {
        let mut procedures: Vec<&str> = order
            .checks
            .iter()
            .filter_map(|&(checklist, revision)| records.checklist_revision(checklist, revision))
            .filter_map(|checklist| checklist.procedure.as_deref())
            .chain(order.defects.iter().filter_map(|d| d.procedure.as_deref()))
            .collect();
        procedures.sort_unstable();
        procedures.dedup();
        let mut judged = None;
        for procedure in procedures {
            if !self.histories.contains_key(procedure) {
                (self.histories).insert(procedure.to_owned(), history(records, procedure));
            }
            let changes = &self.histories[procedure];
            let standing = standing_with(records, order.made_by, procedure, changes, order.placed);
            if let Some(standing) = standing {
                let current = standing.is_current();
                judged = Some(judged.unwrap_or(true) && current);
            }
        }
        let group = match judged {
            None => {
                self.unjudged += 1;
                return;
            }
            Some(true) => &mut self.current,
            Some(false) => &mut self.not_current,
        };
        group.0 += 1;
        group.1 += order.defects.len();
    }

    /// Adds the counts of other orders.
    pub(super) fn merge(&mut self, other: QualityTally) {
        self.current.0 += other.current.0;
        self.current.1 += other.current.1;
        self.not_current.0 += other.not_current.0;
        self.not_current.1 += other.not_current.1;
        self.unjudged += other.unjudged;
    }

    /// The figure.
    pub(super) fn finish(self) -> TrainingQuality {
        let group = |(orders, defects): (usize, usize)| Group {
            orders,
            defects,
            per_100: ratio(defects * 100, orders),
        };
        TrainingQuality {
            current: group(self.current),
            not_current: group(self.not_current),
            unjudged: self.unjudged,
        }
    }
}

struct Words {
    title: &'static str,
    current: &'static str,
    not_current: &'static str,
    line: &'static str,
    unjudged_one: &'static str,
    unjudged: &'static str,
}

const ENGLISH: Words = Words {
    title: "Does reading the procedure matter? Defects per 100 orders by whether the maker was current on the order's procedures that day",
    current: "maker current",
    not_current: "maker not current",
    line: "({defects} defects in {orders} orders)",
    unjudged_one: "1 order had no procedure in force to judge by",
    unjudged: "{count} orders had no procedure in force to judge by",
};

const DUTCH: Words = Words {
    title: "Maakt het lezen van de procedure uit? Gebreken per 100 bestellingen, naar of de maker die dag de procedures van de bestelling kende",
    current: "maker actueel",
    not_current: "maker niet actueel",
    line: "({defects} gebreken in {orders} bestellingen)",
    unjudged_one: "1 bestelling had geen geldende procedure om naar te kijken",
    unjudged: "{count} bestellingen hadden geen geldende procedure om naar te kijken",
};

/// The report's section for `quality`, rows laid out by `table`.
pub(super) fn section(
    out: &mut String,
    quality: &TrainingQuality,
    language: Language,
    table: impl Fn(&mut String, &[Vec<String>], &[bool]),
) {
    let w = match language {
        Language::En => &ENGLISH,
        Language::Nl => &DUTCH,
    };
    let _ = writeln!(out, "\n{}", w.title);
    let rows: Vec<Vec<String>> = [
        (w.current, quality.current),
        (w.not_current, quality.not_current),
    ]
    .into_iter()
    .map(|(label, group)| {
        vec![
            label.to_owned(),
            group
                .per_100
                .map_or("-".to_owned(), |v| language.decimal(v, 1)),
            fill(
                w.line,
                &[
                    ("defects", &group.defects.to_string()),
                    ("orders", &group.orders.to_string()),
                ],
            ),
        ]
    })
    .collect();
    table(out, &rows, &[false, true, false]);
    if quality.unjudged > 0 {
        let _ = writeln!(
            out,
            "  {}",
            counted(quality.unjudged, w.unjudged_one, w.unjudged)
        );
    }
}
