//! Properties of merging two versions of one order (FORMAT.md, "Two desks, one folder"),
//! on generated desks' work: the merge does not depend on which side is ours, merging again
//! changes nothing, nothing either side added is dropped, and the same item changed two
//! ways on two desks is always handed to a person.

use proptest::prelude::*;

use rightfirst::model::merge::{Item, Merged, OrderMerge, Part, merge_order};
use rightfirst::model::{
    Action, ActionKind, Channel, Check, CheckResult, Contact, Defect, FoundBy, Order, Outcome,
    Severity,
};

fn base_order() -> Order {
    Order {
        id: "2026-12-0031".into(),
        placed: "2026-12-05".parse().unwrap(),
        customer: Some("Fam. Peeters".into()),
        product: "Cake".into(),
        made_by: "bram".into(),
        checks: vec![],
        defects: vec![],
        contacts: vec![],
    }
}

const PEOPLE: &[&str] = &["anna", "tom", "ellen"];

/// One thing a desk does to an order.
#[derive(Debug, Clone)]
enum Work {
    Check(usize, u8),
    Contact(usize, u8, bool),
    Defect(usize, u8, String),
    Cost(usize, u64),
    Done(usize, u8),
    /// A hand edit that pastes a defect under its own id again, then changes its text.
    Pasted(usize, String),
}

fn work() -> impl Strategy<Value = Work> {
    prop_oneof![
        (0..3usize, 0..6u8).prop_map(|(p, m)| Work::Check(p, m)),
        (0..3usize, 0..6u8, any::<bool>()).prop_map(|(p, m, s)| Work::Contact(p, m, s)),
        (0..3usize, 0..3u8, "[a-z]{1,6}").prop_map(|(p, d, t)| Work::Defect(p, d, t)),
        (0..4usize, 1..500u64).prop_map(|(n, c)| Work::Cost(n, c)),
        (0..4usize, 1..28u8).prop_map(|(n, d)| Work::Done(n, d)),
        (0..4usize, "[a-z]{0,2}").prop_map(|(n, t)| Work::Pasted(n, t)),
    ]
}

fn at(minute: u8) -> rightfirst::model::DateTime {
    format!("2026-12-05T10:{minute:02}").parse().unwrap()
}

fn apply(order: &mut Order, work: &Work) {
    match work {
        Work::Check(p, m) => order.checks.push(Check {
            checklist: "cake-check".into(),
            revision: 1,
            checked_by: PEOPLE[*p].into(),
            at: at(*m),
            results: vec![CheckResult {
                item: "weight".into(),
                outcome: Outcome::Pass,
                photos: vec![],
            }],
        }),
        Work::Contact(p, m, sorry) => order.contacts.push(Contact {
            at: at(*m),
            channel: Channel::Phone,
            by: PEOPLE[*p].into(),
            about: format!("call {m}"),
            apology: *sorry,
        }),
        Work::Defect(p, day, text) => {
            let id = rightfirst::model::merge::next_free_defect_id(
                order.defects.iter().map(|d| d.id.as_str()),
                None,
            );
            order.defects.push(Defect {
                id,
                found: format!("2026-12-{:02}", day + 1).parse().unwrap(),
                found_by: FoundBy::Staff(PEOPLE[*p].into()),
                category: "Method".into(),
                procedure: None,
                step: None,
                severity: Severity::Minor,
                description: text.clone(),
                cost_cents: 0,
                root_cause: None,
                action: None,
                photos: vec![],
            });
        }
        Work::Cost(n, cents) => {
            if let Some(defect) = order.defects.get_mut(*n) {
                defect.cost_cents = *cents;
            }
        }
        Work::Pasted(n, text) => {
            if let Some(defect) = order.defects.get(*n) {
                let mut copy = defect.clone();
                copy.description.push_str(text);
                order.defects.push(copy);
            }
        }
        Work::Done(n, day) => {
            if let Some(defect) = order.defects.get_mut(*n) {
                defect.action = Some(Action {
                    kind: ActionKind::Correction,
                    what: "Again".into(),
                    owner: None,
                    due: None,
                    done: Some(format!("2026-12-{day:02}").parse().unwrap()),
                    verified: None,
                    verified_by: None,
                });
            }
        }
    }
}

fn desk(base: &Order, works: &[Work]) -> Order {
    let mut order = base.clone();
    for work in works {
        apply(&mut order, work);
    }
    order
}

fn one(merged: Merged) -> OrderMerge {
    match merged {
        Merged::One(merge) => merge,
        Merged::Two { .. } => panic!("one order split in two"),
    }
}

fn sides() -> impl Strategy<Value = (Order, Order, Order)> {
    (
        prop::collection::vec(work(), 0..6),
        prop::collection::vec(work(), 0..8),
        prop::collection::vec(work(), 0..8),
    )
        .prop_map(|(common, a, b)| {
            let base = desk(&base_order(), &common);
            (desk(&base, &a), desk(&base, &b), base)
        })
}

proptest! {
    // At least 400 cases; PROPTEST_CASES asks for more in a long run.
    #![proptest_config(ProptestConfig::with_cases(ProptestConfig::default().cases.max(400)))]

    #[test]
    fn merging_is_commutative((a, b, base) in sides(), with_base in any::<bool>()) {
        let base = with_base.then_some(&base);
        let ab = one(merge_order(base, &a, &b));
        let ba = one(merge_order(base, &b, &a));
        let items = |m: &OrderMerge| m.clashes.iter().map(|c| c.item.clone()).collect::<Vec<_>>();
        prop_assert_eq!(items(&ab), items(&ba));
        if ab.clashes.is_empty() {
            prop_assert_eq!(ab.order, ba.order);
        }
    }

    #[test]
    fn merging_is_idempotent((a, b, base) in sides(), with_base in any::<bool>()) {
        let base = with_base.then_some(&base);
        prop_assert_eq!(one(merge_order(base, &a, &a)).order, a.clone());
        let merged = one(merge_order(base, &a, &b));
        if merged.clashes.is_empty() {
            for side in [&a, &b] {
                let again = one(merge_order(None, &merged.order, side));
                prop_assert_eq!(&again.order, &merged.order);
                prop_assert!(again.taken.is_empty(), "{:?}", again.taken);
            }
        }
    }

    #[test]
    fn nothing_either_desk_added_is_dropped((a, b, base) in sides(), with_base in any::<bool>()) {
        let merge = one(merge_order(with_base.then_some(&base), &a, &b));
        let merged = &merge.order;
        // An item that clashes is handed to a person with both versions: not dropped.
        // (under a new id, where a side held its id twice)
        let handed = |defect: &Defect| merge.clashes.iter().any(|clash| {
            [&clash.ours, &clash.theirs].into_iter().any(|part| matches!(part,
                Part::Defect(d) if Defect { id: defect.id.clone(), ..*d.clone() } == *defect))
        });
        for side in [&a, &b] {
            for check in &side.checks {
                prop_assert!(merged.checks.contains(check));
            }
            for contact in &side.contacts {
                prop_assert!(merged.contacts.contains(contact));
            }
            for defect in &side.defects {
                prop_assert!(
                    handed(defect) || merged.defects.iter().any(|d| d.description == defect.description
                        && d.found == defect.found && d.found_by == defect.found_by),
                    "{:?} lost", defect
                );
            }
        }
        let both = a.defects.len().max(b.defects.len());
        prop_assert!(merged.defects.len() >= both);
        let mut ids: Vec<&str> = merged.defects.iter().map(|d| d.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        // Two equal versions are left as they are, even one holding an id twice by hand.
        if a != b {
            prop_assert_eq!(ids.len(), merged.defects.len(), "a defect id twice");
        }
    }

    #[test]
    fn one_item_changed_two_ways_goes_to_a_person(
        (_, _, base) in sides(),
        ours in "[a-z]{1,6}",
        theirs in "[A-Z]{1,6}",
        with_base in any::<bool>(),
    ) {
        let mut base = base;
        apply(&mut base, &Work::Defect(0, 1, "first".into()));
        let last = base.defects.len() - 1;
        let mut a = base.clone();
        a.defects[last].description = ours;
        let mut b = base.clone();
        b.defects[last].description = theirs;
        let merged = one(merge_order(with_base.then_some(&base), &a, &b));
        let id = base.defects[last].id.clone();
        prop_assert_eq!(
            merged.clashes.iter().map(|c| c.item.clone()).collect::<Vec<_>>(),
            vec![Item::Defect { id }]
        );
    }
}

fn signatures() -> impl Strategy<Value = rightfirst::model::Training> {
    prop::collection::vec((0..3usize, 1..4u32, 1..28u8, any::<bool>()), 0..8).prop_map(|signed| {
        rightfirst::model::Training {
            person: "bram".into(),
            signed: signed
                .into_iter()
                .map(|(p, revision, day, paper)| rightfirst::model::Signed {
                    procedure: ["scoop", "bake", "clean"][p].into(),
                    revision,
                    on: format!("2026-11-{day:02}").parse().unwrap(),
                    // Signed on paper and recorded by an owner, or at the desk.
                    recorded_by: paper.then(|| "anna".to_owned()),
                })
                .collect(),
        }
    })
}

proptest! {
    #[test]
    fn training_merges_into_every_signature_once_whichever_desk_merges(
        a in signatures(),
        b in signatures(),
    ) {
        use rightfirst::model::merge::merge_training;
        let ab = merge_training(&a, &b).unwrap();
        prop_assert_eq!(Some(ab.clone()), merge_training(&b, &a));
        prop_assert_eq!(Some(ab.clone()), merge_training(&ab, &b));
        for signed in a.signed.iter().chain(&b.signed) {
            prop_assert!(ab.has_signed(&signed.procedure, signed.revision));
            let kept = ab.signed.iter().filter(|s| s.procedure == signed.procedure && s.revision == signed.revision).count();
            prop_assert_eq!(kept, 1);
        }
    }
}
