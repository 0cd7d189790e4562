//! The rules of an order: its checks against their checklists, its defects, its contacts.

use std::collections::HashSet;

use super::{Catalog, id_rule, id_rule_at, list_or_none, photos_rule, unreadable};
use crate::model::{Field, FoundBy, IdKind, ItemKind, Order, Outcome, Problem};

impl Catalog<'_> {
    /// Problems with an order, its checks, defects and contacts.
    pub fn check_order(&self, order: &Order) -> Vec<Problem> {
        let mut problems = Vec::new();
        // Paths are made only for problems (see `Catalog::person_at`).
        id_rule_at(|| Field::at("id"), &order.id, IdKind::Order, &mut problems);
        if order.product.trim().is_empty() {
            problems.push(Problem::error(
                Field::at("product"),
                "the order names no product",
            ));
        }
        self.person_at(|| Field::at("made_by"), &order.made_by, &mut problems);
        for n in 0..order.checks.len() {
            self.check_check(order, n, &mut problems);
        }
        let mut seen = HashSet::new();
        for (n, defect) in order.defects.iter().enumerate() {
            let field = Field::at("defects").index(n);
            id_rule(
                field.clone().name("id"),
                &defect.id,
                IdKind::Plain,
                &mut problems,
            );
            if !seen.insert(defect.id.as_str()) {
                problems.push(Problem::error(
                    field.clone().name("id"),
                    format!("defect \"{}\" appears twice in this order", defect.id),
                ));
            }
            if let FoundBy::Staff(person) = &defect.found_by {
                self.person(field.clone().name("found_by"), person, &mut problems);
            }
            let categories = &self.workspace.defect_categories;
            if !categories.contains(&defect.category) {
                problems.push(Problem::error(
                    field.clone().name("category"),
                    format!(
                        "unknown defect category \"{}\"; workspace.ron lists {}",
                        defect.category,
                        list_or_none(categories)
                    ),
                ));
            }
            match (&defect.procedure, &defect.step) {
                (Some(procedure), step) => {
                    if self.procedure_ref(field.clone().name("procedure"), procedure, &mut problems)
                        && let Some(step) = step
                        && !self.step_known(procedure, step)
                    {
                        problems.push(Problem::error(
                            field.clone().name("step"),
                            format!("procedure \"{procedure}\" has no step \"{step}\""),
                        ));
                    }
                }
                (None, Some(step)) => problems.push(Problem::error(
                    field.clone().name("step"),
                    format!("defect names step \"{step}\" but no procedure"),
                )),
                (None, None) => {}
            }
            photos_rule(field.clone().name("photos"), &defect.photos, &mut problems);
            if let Some(action) = &defect.action {
                let field = field.name("action");
                if let Some(owner) = &action.owner {
                    self.person(field.clone().name("owner"), owner, &mut problems);
                }
                if let Some(verifier) = &action.verified_by {
                    self.person(field.clone().name("verified_by"), verifier, &mut problems);
                }
                if action.verified.is_some() && action.done.is_none() {
                    problems.push(Problem::warning(
                        field.name("verified"),
                        "the action is verified but not marked done",
                    ));
                }
            }
        }
        for (n, contact) in order.contacts.iter().enumerate() {
            self.person_at(
                || Field::at("contacts").index(n).name("by"),
                &contact.by,
                &mut problems,
            );
        }
        problems
    }

    fn check_check(&self, order: &Order, n: usize, problems: &mut Vec<Problem>) {
        let check = &order.checks[n];
        let field = || Field::at("checks").index(n);
        self.person_at(|| field().name("checked_by"), &check.checked_by, problems);
        let broken = unreadable(&self.unreadable_checklists, &check.checklist);
        let Some(revisions) = self.checklists.get(check.checklist.as_str()) else {
            if broken {
                return;
            }
            problems.push(Problem::error(
                field().name("checklist"),
                format!(
                    "unknown checklist \"{}\"; there is no checklists/{}.ron",
                    check.checklist, check.checklist
                ),
            ));
            return;
        };
        let Some(checklist) = revisions.revisions.get(&check.revision) else {
            if broken {
                return;
            }
            let known: Vec<String> = revisions.revisions.keys().map(u32::to_string).collect();
            problems.push(Problem::error(
                field().name("revision"),
                format!(
                    "checklist \"{}\" has no revision {}; the workspace holds revision {}",
                    check.checklist,
                    check.revision,
                    list_or_none(&known)
                ),
            ));
            return;
        };
        if checklist.four_eyes && check.checked_by == order.made_by {
            problems.push(Problem::error(
                field().name("checked_by"),
                format!(
                    "\"{}\" made this order and may not check it: checklist \"{}\" asks for a second person (four eyes)",
                    check.checked_by, checklist.id
                ),
            ));
        }
        // A check answers a dozen items or so: comparing each with those before it costs
        // less than hashing them into a set (SipHash showed in a cold `check` of 100,000
        // orders). A long list still gets a set.
        let mut seen = (check.results.len() > 32).then(HashSet::new);
        for (m, result) in check.results.iter().enumerate() {
            // Made only for a problem: most answers have none, and a hundred thousand
            // orders of a dozen answers made this most of the time spent checking.
            let at = |name| field().name("results").index(m).name(name);
            let twice = match &mut seen {
                Some(seen) => !seen.insert(result.item.as_str()),
                None => (check.results[..m].iter()).any(|earlier| earlier.item == result.item),
            };
            if twice {
                problems.push(Problem::error(
                    at("item"),
                    format!("item \"{}\" is answered twice", result.item),
                ));
                continue;
            }
            let Some(item) = checklist.item(&result.item) else {
                problems.push(Problem::error(
                    at("item"),
                    format!(
                        "checklist \"{}\" revision {} has no item \"{}\"",
                        checklist.id, checklist.revision, result.item
                    ),
                ));
                continue;
            };
            if let Some(message) = outcome_mismatch(&item.kind, &result.outcome) {
                problems.push(Problem::error(
                    at("outcome"),
                    format!("item \"{}\": {message}", item.id),
                ));
            }
            if !result.photos.is_empty() {
                photos_rule(at("photos"), &result.photos, problems);
            }
        }
    }
}

/// Why an answer cannot belong to an item of this kind.
fn outcome_mismatch(kind: &ItemKind, outcome: &Outcome) -> Option<String> {
    match (kind, outcome) {
        (_, Outcome::Pass | Outcome::Fail | Outcome::NotApplicable) => None,
        (ItemKind::Measure { .. }, Outcome::Value(_)) => None,
        (ItemKind::Text, Outcome::Text(_)) => None,
        (ItemKind::Choice { options, .. }, Outcome::Chosen(choice)) => {
            (!options.iter().any(|option| option == choice)).then(|| {
                format!(
                    "\"{choice}\" is not one of the options {}",
                    list_or_none(options)
                )
            })
        }
        (ItemKind::Tick, _) => Some("a tick is answered Pass, Fail or NotApplicable".to_owned()),
        (ItemKind::Measure { .. }, _) => {
            Some("a measure is answered with Value(number)".to_owned())
        }
        (ItemKind::Choice { .. }, _) => {
            Some("a choice is answered with Chosen(\"option\")".to_owned())
        }
        (ItemKind::Text, _) => Some("a text item is answered with Text(\"...\")".to_owned()),
    }
}
