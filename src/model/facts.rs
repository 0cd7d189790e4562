//! What the figures need of one order, and nothing more.
//!
//! An order file holds every answer of every check; the figures need only how the checks
//! came out, who made the order and when, how many times the customer got in touch, and
//! the defects. [`Facts`] is that much, borrowed from an order in memory or from the
//! bytes of the index `check` and `report` keep (see `store::index`), so five years of
//! orders are summed without parsing five years of answers again.

use std::borrow::Cow;

use super::{Date, Defect, Order, Records};

/// Whether an order's checks say it was right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    /// It had no checks.
    Unchecked,
    /// Every check passed.
    Passed,
    /// A check failed or could not be judged.
    Failed,
}

/// The facts of one order the figures use.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts<'a> {
    /// The order's id.
    pub id: &'a str,
    /// The day it was placed.
    pub placed: Date,
    /// Who made it.
    pub made_by: &'a str,
    /// The checklist id and revision of each check, in the order's order.
    pub checks: Vec<(&'a str, u32)>,
    /// How its checks came out, judged against the workspace's checklists.
    pub checked: Checked,
    /// How many of its checks name a checklist revision the workspace does not hold.
    pub unjudged: u32,
    /// How many times the customer got in touch.
    pub contacts: u32,
    /// What went wrong, whole.
    pub defects: Cow<'a, [Defect]>,
}

impl<'a> Facts<'a> {
    /// The facts of `order`, its checks judged against the checklists of `records`.
    pub fn of(records: &Records, order: &'a Order) -> Facts<'a> {
        let (checked, unjudged) = judge(records, order);
        Facts {
            id: &order.id,
            placed: order.placed,
            made_by: &order.made_by,
            checks: (order.checks.iter())
                .map(|check| (check.checklist.as_str(), check.revision))
                .collect(),
            checked,
            unjudged,
            contacts: u32::try_from(order.contacts.len()).unwrap_or(u32::MAX),
            defects: Cow::Borrowed(&order.defects),
        }
    }
}

/// How the order's checks came out, and how many of them could not be judged.
///
/// The checklist of each check is looked up by walking the current and archived ones: a
/// workspace has a few dozen checklist revisions, and hashing each check's checklist id
/// cost more than comparing it with every one of them.
fn judge(records: &Records, order: &Order) -> (Checked, u32) {
    let (mut checked, mut unjudged) = (Checked::Unchecked, 0);
    for check in &order.checks {
        let checklist = records
            .checklists
            .iter()
            .chain(&records.archived_checklists)
            .find(|c| c.revision == check.revision && c.id == check.checklist);
        let passed = match checklist {
            Some(checklist) => check.passes(checklist),
            None => {
                unjudged += 1;
                false
            }
        };
        if !passed {
            checked = Checked::Failed;
        } else if checked == Checked::Unchecked {
            checked = Checked::Passed;
        }
    }
    (checked, unjudged)
}
