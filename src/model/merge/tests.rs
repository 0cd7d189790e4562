use super::*;
use crate::model::{FoundBy, Outcome, Severity, Signed, Training};

fn at(text: &str) -> DateTime {
    text.parse().unwrap()
}

fn order() -> Order {
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

fn check(by: &str, when: &str) -> Check {
    Check {
        checklist: "cake-check".into(),
        revision: 1,
        checked_by: by.into(),
        at: at(when),
        results: vec![crate::model::CheckResult {
            item: "weight".into(),
            outcome: Outcome::Pass,
            photos: vec![],
        }],
    }
}

fn contact(by: &str, when: &str, about: &str) -> Contact {
    Contact {
        at: at(when),
        channel: Channel::Phone,
        by: by.into(),
        about: about.into(),
        apology: false,
    }
}

fn defect(id: &str, found_by: FoundBy, description: &str) -> Defect {
    Defect {
        id: id.into(),
        found: "2026-12-05".parse().unwrap(),
        found_by,
        category: "Method".into(),
        procedure: None,
        step: None,
        severity: Severity::Minor,
        description: description.into(),
        cost_cents: 0,
        root_cause: None,
        action: None,
        photos: vec![],
    }
}

fn one(merged: Merged) -> OrderMerge {
    match merged {
        Merged::One(merge) => merge,
        Merged::Two { .. } => panic!("split"),
    }
}

#[test]
fn a_check_on_one_desk_and_a_contact_on_the_other_both_stay() {
    let mut counter = order();
    counter.checks.push(check("anna", "2026-12-05T10:15"));
    let mut office = order();
    office
        .contacts
        .push(contact("tom", "2026-12-05T10:14", "Asks for candles"));
    let merged = one(merge_order(None, &counter, &office));
    assert_eq!(merged.order.checks, counter.checks);
    assert_eq!(merged.order.contacts, office.contacts);
    assert!(merged.clashes.is_empty());
    assert_eq!(
        merged.taken,
        vec![Taken::Added(Item::of_contact(&office.contacts[0]))]
    );
    // Whichever desk merges, the same order comes out.
    assert_eq!(
        one(merge_order(None, &office, &counter)).order,
        merged.order
    );
}

#[test]
fn two_desks_defect_d2_with_different_births_are_two_defects() {
    let mut a = order();
    a.defects.push(defect("d1", FoundBy::Check, "Too light"));
    let mut b = a.clone();
    a.defects
        .push(defect("d2", FoundBy::Staff("anna".into()), "Cracked"));
    b.defects
        .push(defect("d2", FoundBy::Customer, "Wrong name"));
    let merged = one(merge_order(None, &a, &b));
    let ids: Vec<&str> = merged.order.defects.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["d1", "d2", "d3"]);
    assert!(merged.clashes.is_empty());
    let swapped = one(merge_order(None, &b, &a));
    assert_eq!(swapped.order, merged.order);
    assert!(swapped.taken.contains(&Taken::Renumbered {
        from: "d2".into(),
        to: "d3".into()
    }));
}

#[test]
fn one_defect_filled_in_on_two_desks_takes_both_parts() {
    let mut base = order();
    base.defects.push(defect("d1", FoundBy::Check, "Too light"));
    let mut a = base.clone();
    a.defects[0].cost_cents = 350;
    let mut b = base.clone();
    b.defects[0].action = Some(crate::model::Action {
        kind: crate::model::ActionKind::Correction,
        what: "Bake again".into(),
        owner: None,
        due: None,
        done: None,
        verified: None,
        verified_by: None,
    });
    for base in [None, Some(&base)] {
        let merged = one(merge_order(base, &a, &b));
        assert!(merged.clashes.is_empty());
        assert_eq!(merged.order.defects[0].cost_cents, 350);
        assert!(merged.order.defects[0].action.is_some());
    }
}

#[test]
fn one_description_changed_two_ways_goes_to_a_person() {
    let mut base = order();
    base.defects.push(defect("d1", FoundBy::Check, "Too light"));
    let mut a = base.clone();
    a.defects[0].description = "Too light, 58 g".into();
    let mut b = base.clone();
    b.defects[0].description = "Too light and burnt".into();
    let merged = one(merge_order(Some(&base), &a, &b));
    assert_eq!(merged.clashes.len(), 1);
    assert_eq!(merged.clashes[0].item, Item::Defect { id: "d1".into() });
    assert_eq!(merged.order.defects[0].description, "Too light, 58 g");
    // A change on one side only is taken, with the base to tell.
    let merged = one(merge_order(Some(&base), &base, &b));
    assert!(merged.clashes.is_empty());
    assert_eq!(merged.order, b);
}

#[test]
fn a_field_cleared_on_one_side_stays_cleared_either_way() {
    let mut base = order();
    base.defects.push(defect("d1", FoundBy::Check, "Too light"));
    base.defects[0].procedure = Some("bake".into());
    let mut a = base.clone();
    a.defects[0].procedure = None;
    let there = one(merge_order(Some(&base), &a, &base)).order;
    let back = one(merge_order(Some(&base), &base, &a)).order;
    assert_eq!(there, back);
    assert_eq!(there.defects[0].procedure, None);
}

#[test]
fn two_orders_sharing_an_id_are_never_joined() {
    let mut a = order();
    a.checks.push(check("anna", "2026-12-05T10:15"));
    let mut b = order();
    b.product = "Pie".into();
    let Merged::Two { kept, moved } = merge_order(None, &a, &b) else {
        panic!("joined");
    };
    assert_eq!(
        (kept.product.as_str(), moved.product.as_str()),
        ("Cake", "Pie")
    );
    assert_eq!(merge_order(None, &b, &a), Merged::Two { kept, moved });
}

#[test]
fn two_contacts_in_one_minute_are_both_kept() {
    let mut a = order();
    a.contacts
        .push(contact("tom", "2026-12-05T10:14", "Asks for candles"));
    let mut b = a.clone();
    b.contacts
        .push(contact("tom", "2026-12-05T10:14", "Asks for a card too"));
    let merged = one(merge_order(None, &a, &b));
    assert_eq!(merged.order.contacts.len(), 2);
    assert!(merged.clashes.is_empty());
}

#[test]
fn training_keeps_every_signature_and_the_earliest_day() {
    let signed = |procedure: &str, on: &str| Signed {
        procedure: procedure.into(),
        revision: 3,
        on: on.parse().unwrap(),
        recorded_by: None,
    };
    let a = Training {
        person: "bram".into(),
        signed: vec![signed("scoop", "2026-12-05"), signed("bake", "2026-12-01")],
    };
    let b = Training {
        person: "bram".into(),
        signed: vec![signed("scoop", "2026-12-03")],
    };
    let merged = merge_training(&a, &b).unwrap();
    assert_eq!(
        merged.signed,
        vec![signed("bake", "2026-12-01"), signed("scoop", "2026-12-03")]
    );
    assert_eq!(merge_training(&b, &a), Some(merged));
}

#[test]
fn defect_ids_with_a_desk_code_follow_every_desks_numbers() {
    let ids = ["d1", "d4-ab", "d2-cd", "other"];
    assert_eq!(next_free_defect_id(ids.into_iter(), Some("ab")), "d5-ab");
    assert_eq!(next_free_defect_id(ids.into_iter(), None), "d5");
    assert_eq!(next_free_defect_id([].into_iter(), None), "d1");
}

/// The case the property tests shrank to (issue 18): one desk logged a call twice in one
/// minute, word for word; the other logged it once more with an apology.
fn twins() -> (Order, Order, Order) {
    let (x, base) = logged(1);
    let sorry = Contact {
        apology: true,
        ..x.clone()
    };
    let mut a = base.clone();
    a.contacts.push(x);
    let mut b = base.clone();
    b.contacts.push(sorry);
    (base, a, b)
}

#[test]
fn a_contact_logged_twice_keeps_both_copies_in_a_merge_with_a_base() {
    let (base, a, b) = twins();
    let x = &a.contacts[0];
    let sorry = &b.contacts[1];
    for (ours, theirs) in [(&a, &b), (&b, &a)] {
        let merged = one(merge_order(Some(&base), ours, theirs));
        assert!(merged.clashes.is_empty());
        assert_eq!(merged.order.contacts, [x.clone(), x.clone(), sorry.clone()]);
        // Merging either side in again changes nothing and takes nothing.
        for side in [&a, &b] {
            let again = one(merge_order(None, &merged.order, side));
            assert_eq!(again.order, merged.order);
            assert!(again.taken.is_empty(), "{:?}", again.taken);
        }
    }
}

#[test]
fn twins_both_desks_hold_are_kept_as_often_as_either_holds_them() {
    let (x, base) = logged(1);
    let mut a = base.clone();
    a.contacts.push(x.clone());
    let mut b = a.clone();
    b.contacts.push(x.clone());
    for base in [None, Some(&base)] {
        let merged = one(merge_order(base, &a, &b));
        assert_eq!(merged.order.contacts, vec![x.clone(); 3]);
        assert_eq!(merged.taken, vec![Taken::Added(Item::of_contact(&x))]);
        assert_eq!(one(merge_order(base, &b, &a)).order, merged.order);
    }
}

/// An order that holds one call `times` times, word for word, and that call.
fn logged(times: usize) -> (Contact, Order) {
    let x = contact("anna", "2026-12-05T10:03", "call 3");
    let mut base = order();
    base.contacts = vec![x.clone(); times];
    (x, base)
}

#[test]
fn one_twin_changed_on_one_desk_replaces_only_that_copy() {
    let (x, base) = logged(2);
    let mut a = base.clone();
    a.contacts[1].about = "call 3, about the candles".into();
    let mut b = base.clone();
    b.checks.push(check("tom", "2026-12-05T10:20"));
    let merged = one(merge_order(Some(&base), &a, &b));
    assert!(merged.clashes.is_empty());
    assert_eq!(merged.order.contacts, a.contacts);
    assert_eq!(merged.order.checks, b.checks);
    let swapped = one(merge_order(Some(&base), &b, &a));
    assert_eq!(swapped.order, merged.order);
    assert!(
        swapped
            .taken
            .contains(&Taken::Changed(Item::of_contact(&x)))
    );
}

#[test]
fn a_contact_missing_on_one_side_is_kept_not_taken_for_removed() {
    let (_, base) = logged(2);
    let mut a = base.clone();
    a.contacts.pop();
    let mut b = base.clone();
    b.checks.push(check("tom", "2026-12-05T10:20"));
    for (ours, theirs) in [(&a, &b), (&b, &a)] {
        let merged = one(merge_order(Some(&base), ours, theirs));
        assert_eq!(merged.order.contacts, base.contacts);
    }
}

#[test]
fn one_twin_changed_two_ways_goes_to_a_person() {
    let (x, base) = logged(2);
    let mut a = base.clone();
    a.contacts[1].about = "call 3, candles".into();
    let mut b = base.clone();
    b.contacts[0].about = "call 3, a card".into();
    let merged = one(merge_order(Some(&base), &a, &b));
    assert_eq!(merged.clashes.len(), 1);
    assert_eq!(merged.clashes[0].item, Item::of_contact(&x));
    assert_eq!(merged.clashes[0].ours, Part::Contact(a.contacts[1].clone()));
    assert_eq!(
        merged.clashes[0].theirs,
        Part::Contact(b.contacts[0].clone())
    );
    assert_eq!(merged.order.contacts, a.contacts);
}

#[test]
fn two_desks_adding_a_contact_in_one_minute_is_no_clash() {
    let (_, base) = logged(1);
    let mut a = base.clone();
    a.contacts
        .push(contact("anna", "2026-12-05T10:03", "call 3, candles"));
    let mut b = base.clone();
    b.contacts
        .push(contact("anna", "2026-12-05T10:03", "call 3, a card"));
    let merged = one(merge_order(Some(&base), &a, &b));
    assert!(merged.clashes.is_empty(), "{:?}", merged.clashes);
    assert_eq!(merged.order.contacts.len(), 3);
    assert_eq!(one(merge_order(Some(&base), &b, &a)).order, merged.order);
}

#[test]
fn a_defect_id_held_twice_keeps_both_defects_under_their_own_ids() {
    // `check` calls this an error; a merge must still not drop one of the two.
    let mut a = order();
    a.defects.push(defect("d2", FoundBy::Check, "Too light"));
    a.defects
        .push(defect("d2", FoundBy::Customer, "Wrong name"));
    let mut b = order();
    b.defects.push(defect("d2", FoundBy::Check, "Too light"));
    b.checks.push(check("tom", "2026-12-05T10:20"));
    let merged = one(merge_order(None, &a, &b));
    assert!(merged.clashes.is_empty(), "{:?}", merged.clashes);
    let held: Vec<(&str, &str)> = merged
        .order
        .defects
        .iter()
        .map(|d| (d.id.as_str(), d.description.as_str()))
        .collect();
    assert_eq!(held, [("d2", "Too light"), ("d3", "Wrong name")]);
    assert_eq!(one(merge_order(None, &b, &a)).order, merged.order);
    for side in [&a, &b] {
        assert_eq!(
            one(merge_order(None, &merged.order, side)).order,
            merged.order
        );
    }
    // Both desks holding the same two under one id give them the same new id.
    let mut c = a.clone();
    c.checks.push(check("tom", "2026-12-05T10:20"));
    let merged = one(merge_order(None, &a, &c));
    assert_eq!(merged.order.defects.len(), 2);
    // One defect pasted twice, word for word: both copies stay, as for contacts.
    let mut d = b.clone();
    d.defects.push(d.defects[0].clone());
    let merged = one(merge_order(None, &d, &b));
    let ids: Vec<&str> = merged.order.defects.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["d2", "d3"]);
    assert_eq!(
        one(merge_order(None, &merged.order, &d)).order,
        merged.order
    );
}
