//! Made-up but valid orders, to grow a workspace to years of trade for measuring speed.
//!
//! Deterministic: the same workspace and count give the same files.

use std::path::Path;

use crate::model::{
    Action, ActionKind, Channel, Check, CheckResult, Checklist, Contact, Date, DateTime, Defect,
    FoundBy, ItemKind, Name, Number, Order, Outcome, Procedure, Records, RootCause, Severity,
    Status,
};
use crate::store::{Folder, OpenError, SaveError};

/// Why growing a workspace failed.
#[derive(Debug, thiserror::Error)]
pub enum GrowError {
    /// The workspace could not be opened.
    #[error(transparent)]
    Open(#[from] OpenError),
    /// The workspace has errors; generated orders would only add to them.
    #[error("the workspace has {0} errors; run `rightfirst check` first")]
    Broken(usize),
    /// The workspace has no staff or approved checklists to make orders with.
    #[error("the workspace needs at least two staff and one approved checklist")]
    TooEmpty,
    /// Writing failed.
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// A small, fast, seedable generator; quality does not matter here, repeatability does.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const PRODUCTS: &[&str] = &[
    "Cone, 2 balls",
    "Cup, 3 balls",
    "Ham roll",
    "Cheese sandwich",
    "Milkshake",
    "Waffle with cream",
];
const CUSTOMERS: &[&str] = &[
    "Fam. Peeters",
    "J. de Boer",
    "Mrs. Okafor",
    "Harbour office",
    "S. Jansen",
];

/// Makes `count` orders numbered after `first`, placed over the five years up to `last_day`.
pub fn orders(records: &Records, first: usize, count: usize, last_day: Date) -> Vec<Order> {
    let staff: Vec<&str> = records
        .workspace
        .staff
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    let checklists: Vec<_> = records
        .checklists
        .iter()
        .filter(|c| matches!(c.status, Status::Approved { .. }) && !c.items.is_empty())
        .collect();
    let categories = &records.workspace.defect_categories;
    let mut rng = SplitMix(0x5EED ^ first as u64);
    let span = 5 * 365;
    (first..first + count)
        .map(|n| {
            let placed =
                last_day.add_days(-((n * span / (first + count).max(1)) as i32 % span as i32));
            let made_by = *rng.pick(&staff);
            let checked_by = *rng.pick(
                &staff
                    .iter()
                    .copied()
                    .filter(|p| *p != made_by)
                    .collect::<Vec<_>>(),
            );
            let checklist = *rng.pick(&checklists);
            let at = DateTime::new(placed, 10 + rng.below(9) as i8, rng.below(60) as i8)
                .unwrap_or_else(|| unreachable_time(placed));
            let (results, failed) = results(&mut rng, checklist);
            let procedure = checklist
                .procedure
                .as_deref()
                .and_then(|id| records.procedure(id));
            let defects = if failed || rng.chance(4) {
                vec![defect(
                    &mut rng, categories, procedure, made_by, placed, failed,
                )]
            } else {
                Vec::new()
            };
            let contacts = if rng.chance(5) {
                vec![Contact {
                    at: DateTime::new(placed, 17, 30).unwrap_or(at),
                    channel: Channel::Phone,
                    by: made_by.to_owned(),
                    about: "Asked about the order".to_owned(),
                    apology: false,
                }]
            } else {
                Vec::new()
            };
            Order {
                id: format!("G{n:07}"),
                placed,
                customer: rng.chance(60).then(|| (*rng.pick(CUSTOMERS)).to_owned()),
                product: (*rng.pick(PRODUCTS)).into(),
                made_by: made_by.into(),
                checks: vec![Check {
                    checklist: Name::from(&checklist.id),
                    revision: checklist.revision,
                    checked_by: checked_by.into(),
                    at,
                    results,
                }],
                defects,
                contacts,
            }
        })
        .collect()
}

/// Answers to every item of `checklist`, and whether a tick failed.
fn results(rng: &mut SplitMix, checklist: &Checklist) -> (Vec<CheckResult>, bool) {
    let mut failed = false;
    let results = checklist
        .items
        .iter()
        .map(|item| {
            let outcome = match &item.kind {
                ItemKind::Tick => {
                    if rng.chance(3) {
                        failed = true;
                        Outcome::Fail
                    } else {
                        Outcome::Pass
                    }
                }
                ItemKind::Measure { min, max, .. } => {
                    let low = min.map_or(0.0, Number::get);
                    let high = max.map_or(low + 10.0, Number::get);
                    let value = low + (high - low) * (rng.below(120) as f64 / 100.0);
                    Outcome::Value(Number::new(value.round()).unwrap_or_default())
                }
                ItemKind::Choice { options, .. } => Outcome::Chosen(rng.pick(options).into()),
                ItemKind::Text => Outcome::Text("Looks as it should.".to_owned()),
            };
            CheckResult {
                item: Name::from(&item.id),
                outcome,
                photos: Vec::new(),
            }
        })
        .collect();
    (results, failed)
}

/// A defect found on the day the order was placed, put right the same day.
fn defect(
    rng: &mut SplitMix,
    categories: &[String],
    procedure: Option<&Procedure>,
    made_by: &str,
    placed: Date,
    failed: bool,
) -> Defect {
    Defect {
        id: "d1".to_owned(),
        found: placed,
        found_by: if failed {
            FoundBy::Check
        } else {
            FoundBy::Customer
        },
        category: rng.pick(categories).clone(),
        procedure: procedure.map(|p| p.id.clone()),
        step: procedure
            .and_then(|p| p.steps.first())
            .map(|s| s.id.clone()),
        severity: Severity::Minor,
        description: "Not as the procedure says; remade at once.".to_owned(),
        cost_cents: 250,
        root_cause: Some(RootCause {
            whys: vec!["Rushed at a busy moment".to_owned()],
            cause: "No second pair of hands at peak".to_owned(),
        }),
        action: Some(Action {
            kind: ActionKind::Correction,
            what: "Remade the order".to_owned(),
            owner: Some(made_by.to_owned()),
            due: Some(placed),
            done: Some(placed),
            verified: None,
            verified_by: None,
        }),
        photos: Vec::new(),
    }
}

fn unreachable_time(placed: Date) -> DateTime {
    // 10:00 exists on every day; DateTime::new only fails on impossible clock times.
    DateTime::new(placed, 10, 0).expect("10:00 is a valid time")
}

/// Adds generated orders to the workspace at `root` until it holds `target` orders.
pub fn grow(root: &Path, target: usize) -> Result<usize, GrowError> {
    let mut folder = Folder::open(root)?;
    if folder.error_count() > 0 {
        return Err(GrowError::Broken(folder.error_count()));
    }
    let records = folder.records();
    if records.workspace.staff.len() < 2 || records.checklists.is_empty() {
        return Err(GrowError::TooEmpty);
    }
    let have = records.orders.len();
    if have >= target {
        return Ok(0);
    }
    let last_day = Date::new(2026, 11, 23).expect("a real day");
    let mut written = 0;
    // Batches keep memory flat and give a killed run most of its work.
    for start in (have..target).step_by(10_000) {
        let count = (target - start).min(10_000);
        let batch = orders(folder.records(), start, count, last_day);
        folder.save_new(batch)?;
        written += count;
    }
    Ok(written)
}
