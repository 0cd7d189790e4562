//! What the counter needs to know of an order: whether it is checked and how that went,
//! who may check it, and the defect a failed item proposes.

use super::order::verdict;
use super::proposal;
use super::{
    Check, CheckResult, CheckState, Checklist, Date, Defect, DefectState, FoundBy, ItemVerdict,
    Number, Order, Records, Severity,
};

/// Why a person may not run a check.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckRefused {
    /// The checklist asks for a second person and this is the maker.
    #[error(
        "{checker} made this order and may not check it: checklist \"{checklist}\" asks for a second person"
    )]
    FourEyes {
        /// The person who tried.
        checker: String,
        /// The checklist asking for four eyes.
        checklist: String,
    },
    /// A critical item has no answer.
    #[error("critical item \"{item}\" has no answer")]
    CriticalOpen {
        /// The item left open.
        item: String,
    },
}

impl Checklist {
    /// Whether `person` may check `order` with this checklist: never the maker where the
    /// checklist asks for four eyes.
    pub fn may_check(&self, order: &Order, person: &str) -> Result<(), CheckRefused> {
        if self.four_eyes && order.made_by == person {
            return Err(CheckRefused::FourEyes {
                checker: person.to_owned(),
                checklist: self.id.clone(),
            });
        }
        Ok(())
    }

    /// Whether a check may be saved: four eyes kept and every critical item answered.
    pub fn accepts(&self, order: &Order, check: &Check) -> Result<(), CheckRefused> {
        self.may_check(order, &check.checked_by)?;
        for item in self.items.iter().filter(|item| item.critical) {
            if !check.results.iter().any(|result| result.item == item.id) {
                return Err(CheckRefused::CriticalOpen {
                    item: item.id.clone(),
                });
            }
        }
        Ok(())
    }

    /// The defect a failed answer proposes: found by the check today, at the item's
    /// procedure step, with the failure in words. The checker confirms or edits it.
    pub fn proposed_defect(
        &self,
        order: &Order,
        result: &CheckResult,
        found: Date,
        records: &Records,
    ) -> Option<Defect> {
        let workspace = &records.workspace;
        let item = self.item(&result.item)?;
        if verdict(&item.kind, &result.outcome) != ItemVerdict::Failed {
            return None;
        }
        let category = workspace
            .defect_categories
            .iter()
            .find(|c| c.as_str() == "Method")
            .or_else(|| workspace.defect_categories.first())
            .cloned()
            .unwrap_or_default();
        Some(Defect {
            id: order.next_defect_id(),
            found,
            found_by: FoundBy::Check,
            category,
            procedure: self.procedure.clone(),
            step: self.procedure.as_ref().and(item.step.clone()),
            severity: if item.critical {
                Severity::Major
            } else {
                Severity::Minor
            },
            description: proposal::description(self, item, &result.outcome, records),
            cost_cents: 0,
            root_cause: None,
            action: None,
            photos: result.photos.clone(),
        })
    }
}

impl Order {
    /// Whether any check was run on it.
    pub fn is_checked(&self) -> bool {
        !self.checks.is_empty()
    }

    /// Whether any of its checks failed, judged against the checklist revision each names.
    /// A check whose checklist revision is not in the workspace counts as failed, as the
    /// figures count it: nothing shows it passed.
    pub fn check_failed(&self, records: &Records) -> bool {
        self.checks.iter().any(|check| {
            records
                .checklist_revision(&check.checklist, check.revision)
                .is_none_or(|checklist| !check.passes(checklist))
        })
    }

    /// What its checks come to together, `None` before any check: failed if any check
    /// failed (or names a checklist revision not in the workspace, as
    /// [`Order::check_failed`] counts it), else passed with every not-OK item of every
    /// check counted.
    pub fn check_state(&self, records: &Records) -> Option<CheckState> {
        let mut not_ok = 0;
        for check in &self.checks {
            let Some(checklist) = records.checklist_revision(&check.checklist, check.revision)
            else {
                return Some(CheckState::Failed);
            };
            match check.outcome(checklist).state() {
                CheckState::Passed => {}
                CheckState::PassedWithNotOk(n) => not_ok += n,
                CheckState::Failed | CheckState::NotFinished { .. } => {
                    return Some(CheckState::Failed);
                }
            }
        }
        match (self.checks.is_empty(), not_ok) {
            (true, _) => None,
            (false, 0) => Some(CheckState::Passed),
            (false, n) => Some(CheckState::PassedWithNotOk(n)),
        }
    }

    /// How many of its defects are still open.
    pub fn open_defects(&self) -> usize {
        self.defects
            .iter()
            .filter(|d| d.state() == DefectState::Open)
            .count()
    }

    /// Whether it had more customer contacts than the workspace's alarm allows.
    pub fn over_alarm(&self, alarm: Number) -> bool {
        self.contacts.len() as f64 > alarm.get()
    }

    /// A defect id not yet used in this order: `d1`, `d2`, …
    pub fn next_defect_id(&self) -> String {
        (1..)
            .map(|n| format!("d{n}"))
            .find(|id| self.defects.iter().all(|d| &d.id != id))
            .unwrap_or_else(|| "d1".to_owned())
    }

    /// A new defect's id on this desk: `d<N>-<desk>` one past the order's highest number,
    /// so two desks adding a defect before they sync never both pick one; `d<N>` with no desk.
    pub fn next_defect_id_at(&self, desk: Option<super::Desk>) -> String {
        let desk = desk.map(|desk| desk.as_str().to_lowercase());
        super::merge::next_free_defect_id(
            self.defects.iter().map(|d| d.id.as_str()),
            desk.as_deref(),
        )
    }

    /// Whether its id, customer or product contains `needle` (already lower case).
    pub fn matches(&self, needle: &str) -> bool {
        needle.is_empty()
            || super::contains_folded(&self.id, needle)
            || super::contains_folded(&self.product, needle)
            || self
                .customer
                .as_ref()
                .is_some_and(|c| super::contains_folded(c, needle))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        DateTime, Item, ItemKind, Outcome, Procedure, Spec, Status, Step, Workspace,
    };

    fn cone_check() -> Checklist {
        Checklist {
            id: "cone-check".into(),
            title: "Cone".into(),
            procedure: Some("scoop-ice-cream".into()),
            four_eyes: true,
            revision: 2,
            status: Status::Draft,
            items: vec![
                Item {
                    id: "weight".into(),
                    prompt: "You weigh the ball.".into(),
                    kind: ItemKind::Measure {
                        unit: "g".into(),
                        min: Number::new(60.0),
                        max: Number::new(70.0),
                    },
                    step: Some("portion".into()),
                    critical: true,
                },
                Item {
                    id: "clean".into(),
                    prompt: "You look for drips.".into(),
                    kind: ItemKind::Tick,
                    step: None,
                    critical: false,
                },
            ],
            changes: vec![],
        }
    }

    fn order() -> Order {
        Order {
            id: "A1".into(),
            placed: "2026-11-23".parse().unwrap(),
            customer: None,
            product: "Cone".into(),
            made_by: "tom".into(),
            checks: vec![],
            defects: vec![],
            contacts: vec![],
        }
    }

    fn result(item: &str, outcome: Outcome) -> CheckResult {
        CheckResult {
            item: item.into(),
            outcome,
            photos: vec![],
        }
    }

    #[test]
    fn the_maker_may_not_check_where_four_eyes_are_asked() {
        let checklist = cone_check();
        assert!(matches!(
            checklist.may_check(&order(), "tom"),
            Err(CheckRefused::FourEyes { .. })
        ));
        assert_eq!(checklist.may_check(&order(), "priya"), Ok(()));
        let relaxed = Checklist {
            four_eyes: false,
            ..cone_check()
        };
        assert_eq!(relaxed.may_check(&order(), "tom"), Ok(()));
    }

    #[test]
    fn a_critical_item_left_open_refuses_the_check() {
        let checklist = cone_check();
        let mut check = Check {
            checklist: "cone-check".into(),
            revision: 2,
            checked_by: "priya".into(),
            at: "2026-11-23T15:02".parse().unwrap(),
            results: vec![result("clean", Outcome::Pass)],
        };
        assert_eq!(
            checklist.accepts(&order(), &check),
            Err(CheckRefused::CriticalOpen {
                item: "weight".into()
            })
        );
        check
            .results
            .push(result("weight", Outcome::Value(Number::new(58.0).unwrap())));
        assert_eq!(checklist.accepts(&order(), &check), Ok(()));
    }

    #[test]
    fn a_light_ball_proposes_a_defect_at_its_step() {
        let checklist = cone_check();
        let workspace = Records::new(Workspace::new("Test"));
        let light = result("weight", Outcome::Value(Number::new(58.0).unwrap()));
        let today = "2026-11-23".parse().unwrap();
        let defect = checklist
            .proposed_defect(&order(), &light, today, &workspace)
            .expect("a light ball fails");
        assert_eq!(defect.id, "d1");
        assert_eq!(defect.found_by, FoundBy::Check);
        assert_eq!(defect.procedure.as_deref(), Some("scoop-ice-cream"));
        assert_eq!(defect.step.as_deref(), Some("portion"));
        assert_eq!(defect.severity, Severity::Major);
        assert_eq!(defect.category, "Method");
        assert!(
            defect.description
                == "\u{201c}You weigh the ball\u{201d}: 58 g, outside 60\u{2013}70 g (Cone, revision 2).",
            "{}",
            defect.description
        );
        let right = result("weight", Outcome::Value(Number::new(65.0).unwrap()));
        assert_eq!(
            checklist.proposed_defect(&order(), &right, today, &workspace),
            None
        );
        let dirty = result("clean", Outcome::Fail);
        let defect = checklist
            .proposed_defect(&order(), &dirty, today, &workspace)
            .unwrap();
        assert_eq!(defect.procedure.as_deref(), Some("scoop-ice-cream"));
        assert_eq!(defect.step, None);
        assert_eq!(defect.severity, Severity::Minor);
    }

    #[test]
    fn defect_ids_are_not_reused() {
        let mut order = order();
        let workspace = Records::new(Workspace::new("Test"));
        let checklist = cone_check();
        let fail = result("clean", Outcome::Fail);
        let today = "2026-11-23".parse().unwrap();
        let first = checklist
            .proposed_defect(&order, &fail, today, &workspace)
            .unwrap();
        order.defects.push(first);
        assert_eq!(order.next_defect_id(), "d2");
    }

    #[test]
    fn orders_match_by_id_customer_or_product() {
        let mut order = order();
        order.customer = Some("Fam. Peeters".into());
        assert!(order.matches("peeters"));
        assert!(order.matches("a1"));
        assert!(order.matches("cone"));
        assert!(!order.matches("waffle"));
        assert!(!order.matches("cone, large"), "longer than every field");
        order.customer = Some("Café ZOË".into());
        assert!(order.matches("zoë"));
        assert!(order.matches("café z"));
        assert!(!order.matches("zoe"));
    }

    #[test]
    fn a_check_fails_the_order_when_it_failed_or_its_revision_is_unknown() {
        let mut records = Records::new(Workspace::new("Test"));
        records.checklists.push(cone_check());
        let mut order = order();
        let check = |revision, weight| Check {
            checklist: "cone-check".into(),
            revision,
            checked_by: "priya".into(),
            at: DateTime::start_of("2026-11-23".parse().unwrap()),
            results: vec![
                result("weight", Outcome::Value(Number::new(weight).unwrap())),
                result("clean", Outcome::Pass),
            ],
        };
        order.checks.push(check(2, 65.0));
        assert!(!order.check_failed(&records));
        order.checks.push(check(2, 58.0));
        assert!(order.check_failed(&records));
        order.checks = vec![check(2, 65.0), check(7, 65.0)];
        assert!(order.check_failed(&records), "revision 7 is nowhere");
    }

    /// Issue 14: the proposed defect names what was measured in the step's words and the
    /// checklist by its title, in the workspace's language; no id.
    #[test]
    fn a_proposed_defect_speaks_in_the_steps_words_and_the_checklists_title() {
        let mut records = Records::new(Workspace::new("Test"));
        records.procedures.push(Procedure {
            steps: vec![Step {
                id: "portion".into(),
                text: "Scoop one ball.".into(),
                spec: Some(Spec {
                    what: "ball weight".into(),
                    unit: "g".into(),
                    target: Number::new(65.0),
                    min: Number::new(60.0),
                    max: Number::new(70.0),
                }),
                warning: None,
                photos: vec![],
            }],
            id: "scoop-ice-cream".into(),
            title: "Scooping".into(),
            purpose: String::new(),
            scope: String::new(),
            owner: "ellen".into(),
            revision: 1,
            status: Status::Draft,
            review_by: None,
            changes: vec![],
        });
        let light = result("weight", Outcome::Value(Number::new(58.5).unwrap()));
        let shape = result("clean", Outcome::Fail);
        let today = "2026-11-23".parse().unwrap();
        let words = |records: &Records, result: &CheckResult| {
            (cone_check().proposed_defect(&order(), result, today, records))
                .expect("it failed")
                .description
        };
        assert_eq!(
            words(&records, &light),
            "Ball weight 58.5 g, outside 60\u{2013}70 g (Cone, revision 2)."
        );
        assert_eq!(
            words(&records, &shape),
            "\u{201c}You look for drips\u{201d}: failed (Cone, revision 2)."
        );
        records.workspace.language = "nl".into();
        assert_eq!(
            words(&records, &light),
            "Ball weight 58,5 g, buiten 60\u{2013}70 g (Cone, revisie 2)."
        );
    }
}
