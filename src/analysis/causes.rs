//! Where defects come from: the Pareto of categories, recurring causes, escapes, and
//! whether a corrective action made a cause go away.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::{DefectRef, Period, day, ratio};
use crate::model::{ActionKind, Date, Defect, DefectState, Facts, FoundBy, Recurrence};

/// A defect found in the period, with its order's id: a copy, so figures can be summed
/// while the orders are read and dropped one by one.
pub(super) struct Found {
    pub order: String,
    pub defect: Defect,
    /// The order had at least one check and every check passed.
    pub checks_passed: bool,
}

impl Found {
    fn reference(&self) -> DefectRef {
        DefectRef {
            order: self.order.clone(),
            defect: self.defect.id.clone(),
        }
    }
}

/// One bar of the Pareto chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParetoEntry {
    /// The defect category.
    pub category: String,
    /// Defects in it.
    pub count: usize,
    /// Its share of all the period's defects, 0 to 100.
    pub percent: f64,
    /// Its share together with every larger bar before it, 0 to 100.
    pub cumulative_percent: f64,
    /// The defects behind the bar, by found date.
    pub defects: Vec<DefectRef>,
}

/// Defects per category, largest first, ties by category name.
pub(super) fn pareto(found: &[Found]) -> Vec<ParetoEntry> {
    let mut by_category: HashMap<&str, Vec<&Found>> = HashMap::new();
    for f in found {
        by_category
            .entry(f.defect.category.as_str())
            .or_default()
            .push(f);
    }
    let mut bars: Vec<(&str, Vec<&Found>)> = by_category.into_iter().collect();
    bars.sort_by(|(a, a_found), (b, b_found)| b_found.len().cmp(&a_found.len()).then(a.cmp(b)));
    let total = found.len();
    let mut cumulative = 0;
    bars.into_iter()
        .map(|(category, defects)| {
            cumulative += defects.len();
            ParetoEntry {
                category: category.to_owned(),
                count: defects.len(),
                percent: percent(defects.len(), total),
                // From the running count, so the last bar is exactly 100.
                cumulative_percent: percent(cumulative, total),
                defects: defects.iter().map(|f| f.reference()).collect(),
            }
        })
        .collect()
}

fn percent(part: usize, whole: usize) -> f64 {
    ratio(part, whole).map_or(0.0, |r| r * 100.0)
}

/// What a group of defects has in common.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Cause<'a> {
    /// The same step of the same procedure.
    Step(&'a str, &'a str),
    /// The same category, where no step is named.
    Category(&'a str),
}

impl<'a> Cause<'a> {
    fn of(defect: &'a Defect) -> Self {
        match (&defect.procedure, &defect.step) {
            (Some(procedure), Some(step)) => Cause::Step(procedure, step),
            _ => Cause::Category(&defect.category),
        }
    }
}

/// A cause that keeps striking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recurring {
    /// The procedure, or `None` when the group is a category.
    pub procedure: Option<String>,
    /// The step of that procedure, or `None` when the group is a category.
    pub step: Option<String>,
    /// The category; for a step, the one most of its defects are filed under.
    pub category: String,
    /// The group's defects in the period.
    pub count: usize,
    /// The most of them within any `recurrence.days` days.
    pub peak: usize,
    /// How many of them are still Open (no action done).
    pub open: usize,
    /// The first found date in the period.
    pub first: Date,
    /// The last found date in the period.
    pub last: Date,
    /// The actions of the open defects, so someone can chase them.
    pub open_actions: Vec<OpenAction>,
    /// Every defect of the group in the period, by found date.
    pub defects: Vec<DefectRef>,
}

/// A defect still Open, and what was planned about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenAction {
    /// The defect.
    pub defect: DefectRef,
    /// What is to be done; `None` when nobody has said yet.
    pub what: Option<String>,
    /// Who does it.
    pub owner: Option<String>,
    /// By when.
    pub due: Option<Date>,
    /// Past due and not done, today.
    pub overdue: bool,
}

/// The groups of the period's defects with `count` or more within `days` days.
///
/// `found` is in found-date order, so each group is too: one sliding window per group.
pub(super) fn recurring(found: &[Found], recurrence: Recurrence, today: Date) -> Vec<Recurring> {
    let mut groups: HashMap<Cause<'_>, Vec<&Found>> = HashMap::new();
    for f in found {
        groups.entry(Cause::of(&f.defect)).or_default().push(f);
    }
    let threshold = usize::try_from(recurrence.count.max(1)).unwrap_or(usize::MAX);
    let days = i64::from(recurrence.days);
    let mut out: Vec<(Cause<'_>, Recurring)> = groups
        .into_iter()
        .filter_map(|(cause, group)| {
            let peak = peak(&group, days);
            (peak >= threshold).then(|| (cause, group_figures(cause, &group, peak, today)))
        })
        .collect();
    out.sort_by(|(a, a_group), (b, b_group)| b_group.count.cmp(&a_group.count).then(a.cmp(b)));
    out.into_iter().map(|(_, group)| group).collect()
}

/// The most defects of a date-ordered group that fit in `days` consecutive days.
fn peak(group: &[&Found], days: i64) -> usize {
    let numbers: Vec<i64> = group.iter().map(|f| day::number(f.defect.found)).collect();
    let mut first = 0;
    let mut best = 0;
    for (last, &number) in numbers.iter().enumerate() {
        while first <= last && number - numbers[first] >= days {
            first += 1;
        }
        best = best.max(last + 1 - first);
    }
    best
}

fn group_figures(cause: Cause<'_>, group: &[&Found], peak: usize, today: Date) -> Recurring {
    let (procedure, step, category) = match cause {
        Cause::Step(procedure, step) => (
            Some(procedure.to_owned()),
            Some(step.to_owned()),
            most_common_category(group),
        ),
        Cause::Category(category) => (None, None, category.to_owned()),
    };
    let open: Vec<&&Found> = group
        .iter()
        .filter(|f| f.defect.state() == DefectState::Open)
        .collect();
    Recurring {
        procedure,
        step,
        category,
        count: group.len(),
        peak,
        open: open.len(),
        first: group.first().map_or(today, |f| f.defect.found),
        last: group.last().map_or(today, |f| f.defect.found),
        open_actions: open
            .iter()
            .map(|f| {
                let action = f.defect.action.as_ref();
                OpenAction {
                    defect: f.reference(),
                    what: action.map(|a| a.what.clone()),
                    owner: action.and_then(|a| a.owner.clone()),
                    due: action.and_then(|a| a.due),
                    overdue: f.defect.is_overdue(today),
                }
            })
            .collect(),
        defects: group.iter().map(|f| f.reference()).collect(),
    }
}

fn most_common_category(group: &[&Found]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for f in group {
        *counts.entry(f.defect.category.as_str()).or_default() += 1;
    }
    // Ties go to the first name: max_by_key keeps the last maximum, so walk backwards.
    counts
        .into_iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map(|(category, _)| category.to_owned())
        .unwrap_or_default()
}

/// The period's defects the customer found on orders whose checks all passed.
pub(super) fn escapes(found: &[Found]) -> Vec<DefectRef> {
    found
        .iter()
        .filter(|f| f.defect.found_by == FoundBy::Customer && f.checks_passed)
        .map(Found::reference)
        .collect()
}

/// What one corrective action did to its (procedure, step).
///
/// With `days` = `recurrence.days` and the action done on day D: "before" is the `days`
/// days D-days ..= D-1, "after" the days D+1 ..= D+days, cut short at today. D itself is
/// in neither: the fix went in during that day. Orders count by `placed`, defects (of
/// that procedure and step, in the whole workspace) by `found`. A window with no orders
/// gives `None`, not a division by zero. One entry per (procedure, step, done day), for
/// actions done in the period, by done day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fix {
    /// The procedure of the defects the action fixed.
    pub procedure: String,
    /// Its step.
    pub step: String,
    /// The day the action was done.
    pub done: Date,
    /// What was done: when several actions were done that day, the one on the earliest
    /// placed order (then by order and defect id).
    pub what: String,
    /// Defects of the step in the days before.
    pub defects_before: usize,
    /// Those defects, by found date.
    pub before: Vec<DefectRef>,
    /// Orders placed in the days before.
    pub orders_before: usize,
    /// `defects_before` per 100 `orders_before`.
    pub before_per_100: Option<f64>,
    /// Defects of the step in the days after.
    pub defects_after: usize,
    /// Those defects, by found date: the cause coming back, if any.
    pub after: Vec<DefectRef>,
    /// Orders placed in the days after.
    pub orders_after: usize,
    /// `defects_after` per 100 `orders_after`.
    pub after_per_100: Option<f64>,
    /// How many days "after" covers: fewer than `recurrence.days` when it reaches today.
    pub after_days: u32,
    /// The defects whose action this was.
    pub actions: Vec<DefectRef>,
}

/// A corrective action done on a day, with the order it was taken on.
struct Done {
    /// The order's placed day and id: the earliest order's action names the fix.
    placed: Date,
    order: String,
    defect: String,
    what: String,
}

/// Collects, order by order, what the fixes need from the whole workspace; tallies of
/// different parts of the workspace merge into one, in any order.
#[derive(Default)]
pub(super) struct FixTally {
    /// Every order's placed day.
    placed: Vec<i64>,
    /// Every defect naming a step, with its found day, by procedure, then step.
    by_step: HashMap<String, HashMap<String, Vec<(i64, DefectRef)>>>,
    /// Corrective actions done in the period, by (procedure, step, done).
    done: BTreeMap<(String, String, Date), Vec<Done>>,
}

impl FixTally {
    pub(super) fn order(&mut self, order: &Facts<'_>, period: Period) {
        self.placed.push(day::number(order.placed));
        for defect in order.defects.iter() {
            let (Some(procedure), Some(step)) = (&defect.procedure, &defect.step) else {
                continue;
            };
            let steps = match self.by_step.get_mut(procedure.as_str()) {
                Some(steps) => steps,
                None => self.by_step.entry(procedure.clone()).or_default(),
            };
            let found = match steps.get_mut(step.as_str()) {
                Some(found) => found,
                None => steps.entry(step.clone()).or_default(),
            };
            found.push((
                day::number(defect.found),
                DefectRef {
                    order: order.id.to_owned(),
                    defect: defect.id.clone(),
                },
            ));
            if let Some(action) = &defect.action
                && action.kind == ActionKind::Corrective
                && let Some(done) = action.done
                && period.contains(done)
            {
                self.done
                    .entry((procedure.clone(), step.clone(), done))
                    .or_default()
                    .push(Done {
                        placed: order.placed,
                        order: order.id.to_owned(),
                        defect: defect.id.clone(),
                        what: action.what.clone(),
                    });
            }
        }
    }

    pub(super) fn merge(&mut self, other: FixTally) {
        self.placed.extend(other.placed);
        for (procedure, steps) in other.by_step {
            let mine = self.by_step.entry(procedure).or_default();
            for (step, found) in steps {
                mine.entry(step).or_default().extend(found);
            }
        }
        for (key, done) in other.done {
            self.done.entry(key).or_default().extend(done);
        }
    }

    pub(super) fn finish(mut self, days: u32, today: Date) -> Vec<Fix> {
        self.placed.sort_unstable();
        for found in self.by_step.values_mut().flat_map(HashMap::values_mut) {
            found.sort_unstable();
        }
        let no_defects = Vec::new();
        let days = i64::from(days);
        let today = day::number(today);
        let mut fixes = Vec::with_capacity(self.done.len());
        for ((procedure, step, done), mut actions) in self.done {
            let found = self
                .by_step
                .get(&procedure)
                .and_then(|steps| steps.get(&step))
                .unwrap_or(&no_defects);
            let d = day::number(done);
            let (before, after) = ((d - days, d - 1), (d + 1, (d + days).min(today)));
            let defects_in = |window| {
                found[spanning(found, |&(day, _)| day, window)]
                    .iter()
                    .map(|(_, reference)| reference.clone())
                    .collect::<Vec<DefectRef>>()
            };
            let (defects_before, defects_after) = (defects_in(before), defects_in(after));
            let orders_before = spanning(&self.placed, |&day| day, before).len();
            let orders_after = spanning(&self.placed, |&day| day, after).len();
            actions.sort_unstable_by(|a, b| {
                (a.placed, &a.order, &a.defect).cmp(&(b.placed, &b.order, &b.defect))
            });
            let what = actions
                .first()
                .map(|action| action.what.clone())
                .unwrap_or_default();
            let mut refs: Vec<DefectRef> = actions
                .into_iter()
                .map(|action| DefectRef {
                    order: action.order,
                    defect: action.defect,
                })
                .collect();
            refs.sort_unstable();
            fixes.push(Fix {
                procedure,
                step,
                done,
                what,
                before_per_100: ratio(defects_before.len(), orders_before).map(|r| r * 100.0),
                after_per_100: ratio(defects_after.len(), orders_after).map(|r| r * 100.0),
                defects_before: defects_before.len(),
                orders_before,
                before: defects_before,
                defects_after: defects_after.len(),
                orders_after,
                after: defects_after,
                after_days: u32::try_from(after.1 - after.0 + 1).unwrap_or(0),
                actions: refs,
            });
        }
        fixes.sort_by(|a, b| (a.done, &a.procedure, &a.step).cmp(&(b.done, &b.procedure, &b.step)));
        fixes
    }
}

/// The part of `sorted` (sorted by `day`) whose day lies in `first..=last`.
fn spanning<T>(
    sorted: &[T],
    day: impl Fn(&T) -> i64,
    (first, last): (i64, i64),
) -> std::ops::Range<usize> {
    if first > last {
        return 0..0;
    }
    let start = sorted.partition_point(|item| day(item) < first);
    let end = sorted.partition_point(|item| day(item) <= last);
    start..end.max(start)
}
