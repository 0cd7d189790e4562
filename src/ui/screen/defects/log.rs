//! The defect log as values: every defect of every order, newest found first, narrowed by
//! the filters and the search, and counted.

use std::collections::HashMap;

use crate::model::{Date, Defect, DefectState, Order, Records};

/// Which procedure the log shows defects of.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ProcedureFilter {
    /// Any, or none.
    #[default]
    All,
    /// Only defects that name no procedure.
    Unnamed,
    /// Only defects of this procedure.
    Is(String),
}

/// The log's filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Open, Fixed or Verified; `None` for all.
    pub state: Option<DefectState>,
    /// One category; `None` for all.
    pub category: Option<String>,
    /// One procedure, none, or all.
    pub procedure: ProcedureFilter,
    /// Only defects whose action is past due and not done.
    pub overdue_only: bool,
}

impl Filter {
    /// Whether `defect` passes the filters on `today`.
    pub fn keeps(&self, defect: &Defect, today: Date) -> bool {
        self.state.is_none_or(|state| defect.state() == state)
            && self
                .category
                .as_ref()
                .is_none_or(|category| &defect.category == category)
            && match &self.procedure {
                ProcedureFilter::All => true,
                ProcedureFilter::Unnamed => defect.procedure.is_none(),
                ProcedureFilter::Is(id) => defect.procedure.as_ref() == Some(id),
            }
            && (!self.overdue_only || defect.is_overdue(today))
    }
}

/// One line of the log: a defect and the order it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The order holding the defect.
    pub order: &'a Order,
    /// The defect.
    pub defect: &'a Defect,
}

/// Whether the defect's description, order id, category or procedure (id or title)
/// contains `needle`, already lower case; `titles` maps procedure ids to titles.
pub fn matches(entry: Entry, needle: &str, titles: &HashMap<&str, &str>) -> bool {
    let hit = |haystack: &str| crate::model::contains_folded(haystack, needle);
    let defect = entry.defect;
    needle.is_empty()
        || hit(&defect.description)
        || hit(&entry.order.id)
        || hit(&defect.category)
        || defect.procedure.as_deref().is_some_and(|procedure| {
            hit(procedure) || titles.get(procedure).is_some_and(|title| hit(title))
        })
}

/// Where a defect is: its order's place in `records.orders`, and its own in the order.
pub type Place = (u32, u32);

/// The defect at `place` and its order.
pub fn entry(records: &Records, (order, defect): Place) -> Entry<'_> {
    let order = &records.orders[order as usize];
    Entry {
        order,
        defect: &order.defects[defect as usize],
    }
}

/// Every defect, newest found first (then by order and defect id, newest first, so the
/// list does not jump between frames).
pub fn sorted(records: &Records) -> Vec<Place> {
    // Each defect's key read once, side by side with its place: sorting five years of
    // defects then compares days held together, and follows the ids only on a tie.
    let mut keyed: Vec<(Date, &str, &str, Place)> = (records.orders.iter().enumerate())
        .flat_map(|(at, order)| {
            (order.defects.iter().enumerate()).map(move |(n, defect)| {
                let place = (at as u32, n as u32);
                (defect.found, order.id.as_str(), defect.id.as_str(), place)
            })
        })
        .collect();
    keyed.sort_by(|a, b| (b.0, b.1, b.2).cmp(&(a.0, a.1, a.2)));
    keyed.into_iter().map(|(.., place)| place).collect()
}

/// Those of `places` that pass `filter` on `today`, in their order.
pub fn kept_of(records: &Records, places: &[Place], filter: &Filter, today: Date) -> Vec<Place> {
    let keep = |place: &Place| filter.keeps(entry(records, *place).defect, today);
    places.iter().copied().filter(keep).collect()
}

/// Every defect that passes `filter` on `today`, newest found first.
pub fn kept(records: &Records, filter: &Filter, today: Date) -> Vec<Place> {
    kept_of(records, &sorted(records), filter, today)
}

/// The title of each procedure, by id.
pub fn titles(records: &Records) -> HashMap<&str, &str> {
    (records.procedures.iter())
        .map(|p| (p.id.as_str(), p.title.as_str()))
        .collect()
}

/// Those of `places` that match `search`, in their order.
pub fn searched(records: &Records, places: &[Place], search: &str) -> Vec<Place> {
    let needle = search.trim().to_lowercase();
    if needle.is_empty() {
        return places.to_vec();
    }
    let titles = titles(records);
    places
        .iter()
        .copied()
        .filter(|place| matches(entry(records, *place), &needle, &titles))
        .collect()
}

/// Every defect that passes `filter` and matches `search`, newest found first (then by
/// order and defect id, newest first).
pub fn matching<'a>(
    records: &'a Records,
    filter: &Filter,
    search: &str,
    today: Date,
) -> Vec<Entry<'a>> {
    searched(records, &kept(records, filter, today), search)
        .into_iter()
        .map(|place| entry(records, place))
        .collect()
}

/// How many defects a list holds, how many are open, and how many are overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// All of them.
    pub total: usize,
    /// Those with no action done.
    pub open: usize,
    /// Those whose action is past due and not done.
    pub overdue: usize,
}

impl std::ops::Add for Counts {
    type Output = Counts;

    /// The counts of two lists together.
    fn add(self, other: Counts) -> Counts {
        Counts {
            total: self.total + other.total,
            open: self.open + other.open,
            overdue: self.overdue + other.overdue,
        }
    }
}

/// Counts `entries` on `today`.
pub fn counts<'a>(entries: impl IntoIterator<Item = Entry<'a>>, today: Date) -> Counts {
    entries
        .into_iter()
        .fold(Counts::default(), |mut counts, entry| {
            counts.total += 1;
            counts.open += usize::from(entry.defect.state() == DefectState::Open);
            counts.overdue += usize::from(entry.defect.is_overdue(today));
            counts
        })
}

/// The categories to filter by: the workspace's, then any others defects were filed under
/// (a renamed category still finds its old defects).
pub fn categories(records: &Records) -> Vec<String> {
    let mut categories = records.workspace.defect_categories.clone();
    for defect in records.orders.iter().flat_map(|o| &o.defects) {
        if !categories.contains(&defect.category) {
            categories.push(defect.category.clone());
        }
    }
    categories
}

/// The procedures any defect names, by id, once each.
pub fn procedures(records: &Records) -> Vec<&str> {
    let mut ids: Vec<&str> = records
        .orders
        .iter()
        .flat_map(|o| &o.defects)
        .filter_map(|d| d.procedure.as_deref())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, ActionKind, FoundBy, Severity, Workspace};

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn defect(id: &str, found: &str, category: &str, procedure: Option<&str>) -> Defect {
        Defect {
            id: id.into(),
            found: day(found),
            found_by: FoundBy::Check,
            category: category.into(),
            procedure: procedure.map(String::from),
            step: None,
            severity: Severity::Minor,
            description: format!("{category} trouble"),
            cost_cents: 0,
            root_cause: None,
            action: None,
            photos: vec![],
        }
    }

    fn action(due: &str, done: Option<&str>, verified: Option<&str>) -> Option<Action> {
        Some(Action {
            kind: ActionKind::Corrective,
            what: "Fix it".into(),
            owner: None,
            due: Some(day(due)),
            done: done.map(day),
            verified: verified.map(day),
            verified_by: verified.map(|_| "anna".into()),
        })
    }

    fn order(id: &str, placed: &str, defects: Vec<Defect>) -> Order {
        Order {
            id: id.into(),
            placed: day(placed),
            customer: None,
            product: "Cone".into(),
            made_by: "bram".into(),
            checks: vec![],
            defects,
            contacts: vec![],
        }
    }

    /// Open and overdue, open and not yet due, fixed, verified, and one with no procedure.
    fn records() -> Records {
        let mut records = Records::new(Workspace::new("Test"));
        let mut overdue = defect("d1", "2026-11-01", "Method", Some("scoop"));
        overdue.action = action("2026-11-10", None, None);
        let mut waiting = defect("d2", "2026-11-02", "Machine", Some("scoop"));
        waiting.action = action("2026-12-01", None, None);
        let mut fixed = defect("d1", "2026-11-05", "Method", Some("waffle"));
        fixed.action = action("2026-11-06", Some("2026-11-06"), None);
        let mut verified = defect("d1", "2026-10-20", "Material", None);
        verified.action = action("2026-10-21", Some("2026-10-21"), Some("2026-11-01"));
        records.orders = vec![
            order("A1", "2026-10-20", vec![verified]),
            order("A2", "2026-11-01", vec![overdue, waiting]),
            order("A3", "2026-11-05", vec![fixed]),
        ];
        records
    }

    fn ids(entries: &[Entry]) -> Vec<String> {
        entries
            .iter()
            .map(|e| format!("{}/{}", e.order.id, e.defect.id))
            .collect()
    }

    const TODAY: &str = "2026-11-23";

    #[test]
    fn every_defect_newest_found_first() {
        let records = records();
        let all = matching(&records, &Filter::default(), "", day(TODAY));
        assert_eq!(ids(&all), ["A3/d1", "A2/d2", "A2/d1", "A1/d1"]);
        assert_eq!(
            counts(all.iter().copied(), day(TODAY)),
            Counts {
                total: 4,
                open: 2,
                overdue: 1
            }
        );
    }

    #[test]
    fn filters_by_state_category_procedure_and_overdue() {
        let records = records();
        let today = day(TODAY);
        let with = |filter: Filter| ids(&matching(&records, &filter, "", today));
        let open = Filter {
            state: Some(DefectState::Open),
            ..Filter::default()
        };
        assert_eq!(with(open.clone()), ["A2/d2", "A2/d1"]);
        let verified = Filter {
            state: Some(DefectState::Verified),
            ..Filter::default()
        };
        assert_eq!(with(verified), ["A1/d1"]);
        let method = Filter {
            category: Some("Method".into()),
            ..Filter::default()
        };
        assert_eq!(with(method), ["A3/d1", "A2/d1"]);
        let scoop = Filter {
            procedure: ProcedureFilter::Is("scoop".into()),
            ..Filter::default()
        };
        assert_eq!(with(scoop), ["A2/d2", "A2/d1"]);
        let unnamed = Filter {
            procedure: ProcedureFilter::Unnamed,
            ..Filter::default()
        };
        assert_eq!(with(unnamed), ["A1/d1"]);
        let overdue = Filter {
            overdue_only: true,
            ..open
        };
        assert_eq!(with(overdue), ["A2/d1"]);
    }

    #[test]
    fn search_looks_at_description_order_category_and_procedure() {
        let mut records = records();
        records.procedures.push(crate::model::Procedure {
            id: "waffle".into(),
            title: "Baking a waffle".into(),
            purpose: String::new(),
            scope: String::new(),
            owner: "anna".into(),
            revision: 1,
            status: crate::model::Status::Draft,
            review_by: None,
            steps: vec![],
            changes: vec![],
        });
        let today = day(TODAY);
        let with = |search: &str| ids(&matching(&records, &Filter::default(), search, today));
        assert_eq!(with("MACHINE"), ["A2/d2"]);
        assert_eq!(with("a1"), ["A1/d1"]);
        assert_eq!(with("material trouble"), ["A1/d1"]);
        assert_eq!(with("scoop"), ["A2/d2", "A2/d1"]);
        assert_eq!(with("baking"), ["A3/d1"]);
        assert!(with("nothing like this").is_empty());
    }

    #[test]
    fn filter_lists_hold_what_defects_name() {
        let mut records = records();
        records.orders[0].defects[0].category = "Old name".into();
        let categories = categories(&records);
        assert_eq!(categories.len(), 7);
        assert_eq!(categories.last().map(String::as_str), Some("Old name"));
        assert_eq!(procedures(&records), ["scoop", "waffle"]);
    }
}
