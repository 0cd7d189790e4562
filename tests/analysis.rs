//! The derived figures of FORMAT.md on small workspaces built as model values, edge by edge.

use rightfirst::analysis::{DefectRef, Figures, Period, figures};
use rightfirst::model::{
    Action, ActionKind, Channel, Check, CheckResult, Checklist, Contact, Date, DateTime, Defect,
    Facts, FoundBy, Item, ItemKind, Number, Order, Outcome, Person, Procedure, Records, Role,
    Severity, Signed, Status, Training, Workspace,
};

fn day(text: &str) -> Date {
    text.parse().expect("a test date")
}

const TODAY: &str = "2026-11-23";

fn approved() -> Status {
    Status::Approved {
        by: "anna".to_owned(),
        on: day("2026-01-01"),
    }
}

/// A cone check: a critical weight (60-70 g) and a tick that is not critical.
fn cone_check() -> Checklist {
    Checklist {
        id: "cone-check".to_owned(),
        title: "Cone check".to_owned(),
        procedure: None,
        four_eyes: true,
        revision: 1,
        status: approved(),
        items: vec![
            Item {
                id: "weight".to_owned(),
                prompt: "You weigh the ball.".to_owned(),
                kind: ItemKind::Measure {
                    unit: "g".to_owned(),
                    min: Number::new(60.0),
                    max: Number::new(70.0),
                },
                step: Some("portion".to_owned()),
                critical: true,
            },
            Item {
                id: "clean".to_owned(),
                prompt: "You check the cone is clean.".to_owned(),
                kind: ItemKind::Tick,
                step: None,
                critical: false,
            },
        ],
        changes: Vec::new(),
    }
}

fn workspace() -> Records {
    let mut ws = Workspace::new("IJssalon De Hoorn");
    ws.staff = vec![
        Person {
            id: "anna".to_owned(),
            name: "Anna de Vries".to_owned(),
            role: Role::Owner,
            left: None,
            pin: None,
        },
        Person {
            id: "bram".to_owned(),
            name: "Bram Jansen".to_owned(),
            role: Role::Staff,
            left: None,
            pin: None,
        },
    ];
    let mut records = Records::new(ws);
    records.checklists.push(cone_check());
    records
}

fn order(id: &str, placed: &str) -> Order {
    Order {
        id: id.to_owned(),
        placed: day(placed),
        customer: None,
        product: "Cone, 1 ball".into(),
        made_by: "bram".into(),
        checks: Vec::new(),
        defects: Vec::new(),
        contacts: Vec::new(),
    }
}

/// A cone check on `order` with these results.
fn checked(mut order: Order, results: &[(&str, Outcome)]) -> Order {
    order.checks.push(Check {
        checklist: "cone-check".into(),
        revision: 1,
        checked_by: "anna".into(),
        at: DateTime::start_of(order.placed),
        results: results
            .iter()
            .map(|(item, outcome)| CheckResult {
                item: (*item).into(),
                outcome: outcome.clone(),
                photos: Vec::new(),
            })
            .collect(),
    });
    order
}

fn passing(order: Order) -> Order {
    checked(
        order,
        &[
            ("weight", Outcome::Value(Number::new(65.0).unwrap())),
            ("clean", Outcome::Pass),
        ],
    )
}

fn defect(id: &str, found: &str, category: &str, step: Option<(&str, &str)>) -> Defect {
    Defect {
        id: id.to_owned(),
        found: day(found),
        found_by: FoundBy::Check,
        category: category.to_owned(),
        procedure: step.map(|(p, _)| p.to_owned()),
        step: step.map(|(_, s)| s.to_owned()),
        severity: Severity::Minor,
        description: "Light ball.".to_owned(),
        cost_cents: 100,
        root_cause: None,
        action: None,
        photos: Vec::new(),
    }
}

fn with_defect(mut order: Order, defect: Defect) -> Order {
    order.defects.push(defect);
    order
}

fn contact(order: &Order) -> Contact {
    Contact {
        at: DateTime::start_of(order.placed),
        channel: Channel::Phone,
        by: "anna".to_owned(),
        about: "Small portion".to_owned(),
        apology: true,
    }
}

fn with_contacts(mut order: Order, count: usize) -> Order {
    for _ in 0..count {
        let contact = contact(&order);
        order.contacts.push(contact);
    }
    order
}

fn action(kind: ActionKind, done: Option<&str>, due: Option<&str>) -> Action {
    Action {
        kind,
        what: "Warm the scoop".to_owned(),
        owner: Some("anna".to_owned()),
        due: due.map(day),
        done: done.map(day),
        verified: None,
        verified_by: None,
    }
}

fn period(from: &str, to: &str) -> Period {
    Period {
        from: day(from),
        to: day(to),
    }
}

fn run(records: &Records, period: Period) -> Figures {
    figures(records, period, day(TODAY))
}

fn refs(pairs: &[(&str, &str)]) -> Vec<DefectRef> {
    pairs
        .iter()
        .map(|(order, defect)| DefectRef {
            order: (*order).to_owned(),
            defect: (*defect).to_owned(),
        })
        .collect()
}

#[test]
fn the_default_period_is_the_ninety_days_up_to_today() {
    let period = Period::last_days(day(TODAY), Period::DEFAULT_DAYS);
    assert_eq!(period, self::period("2026-08-26", TODAY));
    assert_eq!(period.days(), 90);
    assert_eq!(self::period("2026-11-24", TODAY).days(), 0);
}

#[test]
fn an_empty_period_has_no_ratios_and_no_nan() {
    let mut records = workspace();
    records.orders.push(with_defect(
        order("o1", "2026-06-01"),
        defect("d1", "2026-06-01", "Method", None),
    ));
    for empty in [
        period("2026-11-01", "2026-11-23"),
        period("2026-11-23", "2026-11-01"),
    ] {
        let f = run(&records, empty);
        assert_eq!(
            (f.orders, f.defects, f.contacts, f.cost_cents),
            (0, 0, 0, 0)
        );
        assert_eq!(f.right_first_time, None);
        assert_eq!(f.contacts_per_order, None);
        assert!(f.pareto.is_empty() && f.recurring.is_empty() && f.escaped.is_empty());
        assert!(f.weeks.iter().all(|w| w.right_first_time.is_none()));
        let json = serde_json::to_value(&f).unwrap();
        assert!(json["right_first_time"].is_null());
        assert!(json["contacts_per_order"].is_null());
    }
    assert!(
        run(&records, period("2026-11-23", "2026-11-01"))
            .weeks
            .is_empty()
    );
}

#[test]
fn orders_without_contacts_have_zero_per_order_and_none_over_the_alarm() {
    let mut records = workspace();
    records.orders.push(order("o1", "2026-11-01"));
    records.orders.push(order("o2", "2026-11-02"));
    let f = run(&records, period("2026-11-01", TODAY));
    assert_eq!(f.contacts, 0);
    assert_eq!(f.contacts_per_order, Some(0.0));
    assert!(f.orders_over_alarm.is_empty());
    assert_eq!(f.right_first_time, Some(1.0));
}

#[test]
fn an_order_is_over_the_alarm_only_above_it() {
    let mut records = workspace();
    records.workspace.contacts_per_order_alarm = Number::new(2.0).unwrap();
    records
        .orders
        .push(with_contacts(order("o-b", "2026-11-01"), 3));
    records
        .orders
        .push(with_contacts(order("o-c", "2026-11-02"), 2));
    records
        .orders
        .push(with_contacts(order("o-a", "2026-11-03"), 5));
    records.orders.push(order("o-d", "2026-11-04"));
    let f = run(&records, period("2026-11-01", TODAY));
    assert_eq!(f.contacts, 10);
    assert_eq!(f.contacts_per_order, Some(2.5));
    assert_eq!(f.orders_over_alarm, ["o-a", "o-b"]);
}

#[test]
fn pareto_ties_go_by_category_name_and_the_last_bar_is_one_hundred_percent() {
    let mut records = workspace();
    let found = [
        ("o1", "Method"),
        ("o2", "Machine"),
        ("o3", "Method"),
        ("o4", "Machine"),
        ("o5", "Man"),
    ];
    for (id, category) in found {
        records.orders.push(with_defect(
            order(id, "2026-11-02"),
            defect("d1", "2026-11-02", category, None),
        ));
    }
    let f = run(&records, period("2026-11-01", TODAY));
    let bars: Vec<(&str, usize, f64)> = f
        .pareto
        .iter()
        .map(|p| (p.category.as_str(), p.count, p.cumulative_percent))
        .collect();
    assert_eq!(
        bars,
        [("Machine", 2, 40.0), ("Method", 2, 80.0), ("Man", 1, 100.0)]
    );
    assert_eq!(f.pareto[0].defects, refs(&[("o2", "d1"), ("o4", "d1")]));
    assert_eq!(f.cost_cents, 500);
}

#[test]
fn defects_without_a_step_recur_by_category_within_the_window() {
    let mut records = workspace();
    // Material, no step (one names a procedure but no step): three within 90 days.
    records.orders.push(with_defect(
        order("m1", "2026-09-01"),
        defect("d1", "2026-09-01", "Material", None),
    ));
    let mut no_step = defect("d1", "2026-10-01", "Material", None);
    no_step.procedure = Some("scoop".to_owned());
    records
        .orders
        .push(with_defect(order("m2", "2026-10-01"), no_step));
    records.orders.push(with_defect(
        order("m3", "2026-11-29"),
        defect("d1", "2026-11-29", "Material", None),
    ));
    // Machine, no step: three, but never three within 90 days (days 0, 60, 120).
    for (id, found) in [
        ("x1", "2026-07-01"),
        ("x2", "2026-08-30"),
        ("x3", "2026-10-29"),
    ] {
        records.orders.push(with_defect(
            order(id, found),
            defect("d1", found, "Machine", None),
        ));
    }
    let mut f = figures(
        &records,
        period("2026-06-01", "2026-12-31"),
        day("2026-12-31"),
    );
    assert_eq!(f.recurring.len(), 1, "{:#?}", f.recurring);
    let group = f.recurring.remove(0);
    assert_eq!((group.procedure, group.step), (None, None));
    assert_eq!(group.category, "Material");
    assert_eq!((group.count, group.peak, group.open), (3, 3, 3));
    assert_eq!(
        group.defects,
        refs(&[("m1", "d1"), ("m2", "d1"), ("m3", "d1")])
    );
    // 2026-09-01 to 2026-11-29 is 89 days apart: the 90th day still shares the window.
    let m3 = records.orders.iter_mut().find(|o| o.id == "m3").unwrap();
    m3.defects[0].found = day("2026-11-30");
    let f = figures(
        &records,
        period("2026-06-01", "2026-12-31"),
        day("2026-12-31"),
    );
    assert!(f.recurring.is_empty(), "{:#?}", f.recurring);
}

#[test]
fn a_recurring_step_counts_its_open_defects_and_their_actions() {
    let mut records = workspace();
    let step = Some(("scoop-ice-cream", "portion"));
    let mut fixed = defect("d1", "2026-10-01", "Method", step);
    fixed.action = Some(action(
        ActionKind::Correction,
        Some("2026-10-01"),
        Some("2026-10-01"),
    ));
    let mut late = defect("d1", "2026-10-10", "Method", step);
    late.action = Some(action(ActionKind::Corrective, None, Some("2026-11-20")));
    let bare = defect("d2", "2026-10-20", "Man", step);
    records
        .orders
        .push(with_defect(order("a", "2026-10-01"), fixed));
    records.orders.push(with_defect(
        with_defect(order("b", "2026-10-10"), late),
        bare,
    ));
    let f = run(&records, period("2026-09-01", TODAY));
    let group = &f.recurring[0];
    assert_eq!(group.procedure.as_deref(), Some("scoop-ice-cream"));
    assert_eq!(group.step.as_deref(), Some("portion"));
    assert_eq!(group.category, "Method");
    assert_eq!((group.count, group.open), (3, 2));
    assert_eq!(group.open_actions.len(), 2);
    assert!(group.open_actions[0].overdue);
    assert_eq!(group.open_actions[0].due, Some(day("2026-11-20")));
    assert_eq!(group.open_actions[1].what, None);
    assert!(!group.open_actions[1].overdue);
}

#[test]
fn a_missing_critical_result_fails_the_check_and_the_order() {
    let mut records = workspace();
    // Only the tick: the critical weight is missing.
    records.orders.push(checked(
        order("missing-critical", "2026-11-02"),
        &[("clean", Outcome::Pass)],
    ));
    // Only the weight: the missing tick is not critical.
    records.orders.push(checked(
        order("missing-tick", "2026-11-02"),
        &[("weight", Outcome::Value(Number::new(61.0).unwrap()))],
    ));
    records.orders.push(checked(
        order("light", "2026-11-02"),
        &[
            ("weight", Outcome::Value(Number::new(58.0).unwrap())),
            ("clean", Outcome::Pass),
        ],
    ));
    records.orders.push(passing(order("good", "2026-11-02")));
    let f = run(&records, period("2026-11-01", TODAY));
    assert_eq!(f.orders, 4);
    assert_eq!(f.right_first, 2);
    assert_eq!(f.right_first_time, Some(0.5));
    assert_eq!(f.unjudged_checks, 0);
}

#[test]
fn a_check_against_an_unknown_revision_is_not_right_first_time() {
    let mut records = workspace();
    let mut unknown = passing(order("o1", "2026-11-02"));
    unknown.checks[0].revision = 7;
    let mut escaped = with_defect(unknown.clone(), {
        let mut d = defect("d1", "2026-11-03", "Method", None);
        d.found_by = FoundBy::Customer;
        d
    });
    escaped.id = "o2".to_owned();
    records.orders.push(unknown);
    records.orders.push(escaped);
    let f = run(&records, period("2026-11-01", TODAY));
    assert_eq!(f.right_first, 0);
    assert_eq!(f.unjudged_checks, 2);
    assert_eq!(f.escapes, 0, "an unjudged check did not pass");
}

#[test]
fn escapes_are_customer_finds_on_orders_whose_checks_all_passed() {
    let mut records = workspace();
    let customer = |id: &str| {
        let mut d = defect(id, "2026-11-05", "Method", None);
        d.found_by = FoundBy::Customer;
        d
    };
    let staff = {
        let mut d = defect("d2", "2026-11-05", "Method", None);
        d.found_by = FoundBy::Staff("bram".to_owned());
        d
    };
    // Passed, found by the customer: an escape. Placed before the period, found in it.
    records.orders.push(with_defect(
        with_defect(passing(order("passed", "2026-10-30")), customer("d1")),
        staff,
    ));
    // The check failed: the second check did catch something.
    records.orders.push(with_defect(
        checked(order("failed", "2026-11-02"), &[("clean", Outcome::Fail)]),
        customer("d1"),
    ));
    let mut failed = records.orders.last().unwrap().clone();
    failed.checks[0].results[0].outcome = Outcome::Pass;
    failed.checks[0].results.push(CheckResult {
        item: "weight".into(),
        outcome: Outcome::Value(Number::new(90.0).unwrap()),
        photos: Vec::new(),
    });
    failed.id = "heavy".to_owned();
    records.orders.push(failed);
    // No check at all: nothing was there to miss it.
    records.orders.push(with_defect(
        order("unchecked", "2026-11-02"),
        customer("d1"),
    ));
    let f = run(&records, period("2026-11-01", TODAY));
    assert_eq!(f.escapes, 1);
    assert_eq!(f.escaped, refs(&[("passed", "d1")]));
    assert_eq!(
        f.orders, 3,
        "the order placed before the period is not counted"
    );
    assert_eq!(f.defects, 5);
}

#[test]
fn a_fix_compares_the_days_before_with_the_days_after() {
    let mut records = workspace();
    records.workspace.recurrence.days = 10;
    let step = Some(("scoop-ice-cream", "portion"));
    // Done 2026-11-10: before is 10-31..=11-09, after 11-11..=11-20.
    let mut fixed = defect("d1", "2026-11-09", "Method", step);
    fixed.action = Some(action(ActionKind::Corrective, Some("2026-11-10"), None));
    let placed = [
        "2026-10-30", // before the window
        "2026-10-31",
        "2026-11-05",
        "2026-11-10", // the day itself: neither
        "2026-11-15",
        "2026-11-20",
        "2026-11-21", // after the window
    ];
    for (n, date) in placed.iter().enumerate() {
        let mut o = order(&format!("o{n}"), date);
        if [0, 1, 3, 5, 6].contains(&n) {
            o.defects.push(defect("d9", date, "Method", step));
        }
        records.orders.push(o);
    }
    records
        .orders
        .push(with_defect(order("fixed", "2026-11-09"), fixed));
    // Another step's defect is not counted.
    records.orders.push(with_defect(
        order("other", "2026-11-15"),
        defect(
            "d1",
            "2026-11-15",
            "Method",
            Some(("scoop-ice-cream", "warm")),
        ),
    ));
    records.sort();
    let f = run(&records, period("2026-11-01", TODAY));
    assert_eq!(f.fixes.len(), 1);
    let fix = &f.fixes[0];
    assert_eq!(
        (fix.procedure.as_str(), fix.step.as_str(), fix.done),
        ("scoop-ice-cream", "portion", day("2026-11-10"))
    );
    assert_eq!((fix.defects_before, fix.orders_before), (2, 3));
    assert_eq!((fix.defects_after, fix.orders_after), (1, 3));
    assert_eq!(fix.before, refs(&[("o1", "d9"), ("fixed", "d1")]));
    assert_eq!(fix.after, refs(&[("o5", "d9")]));
    assert_eq!(fix.after_days, 10);
    assert!((fix.before_per_100.unwrap() - 200.0 / 3.0).abs() < 1e-9);
    assert!((fix.after_per_100.unwrap() - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(fix.actions, refs(&[("fixed", "d1")]));
}

#[test]
fn a_fix_with_no_orders_after_it_has_no_after_figure() {
    let mut records = workspace();
    let step = Some(("scoop-ice-cream", "portion"));
    for (id, done) in [("yesterday", "2026-11-22"), ("today", TODAY)] {
        let mut d = defect("d1", "2026-11-01", "Method", step);
        d.action = Some(action(ActionKind::Corrective, Some(done), None));
        records.orders.push(with_defect(order(id, "2026-11-01"), d));
    }
    // A correction is not a fix of the cause.
    let mut correction = defect("d2", "2026-11-01", "Method", step);
    correction.action = Some(action(ActionKind::Correction, Some("2026-11-05"), None));
    records.orders[0].defects.push(correction);
    let f = run(&records, period("2026-11-01", TODAY));
    let after: Vec<(Date, usize, Option<f64>, u32)> = f
        .fixes
        .iter()
        .map(|x| (x.done, x.orders_after, x.after_per_100, x.after_days))
        .collect();
    assert_eq!(
        after,
        [(day("2026-11-22"), 0, None, 1), (day(TODAY), 0, None, 0)]
    );
    assert_eq!(f.fixes[0].defects_before, 3);
    assert_eq!(f.fixes[0].before_per_100, Some(150.0));
}

fn procedure(id: &str, revision: u32, status: Status, review_by: Option<&str>) -> Procedure {
    Procedure {
        id: id.to_owned(),
        title: id.to_owned(),
        purpose: String::new(),
        scope: String::new(),
        owner: "anna".to_owned(),
        revision,
        status,
        review_by: review_by.map(day),
        steps: Vec::new(),
        changes: Vec::new(),
    }
}

fn signed(procedure: &str, revision: u32) -> Signed {
    Signed {
        procedure: procedure.to_owned(),
        revision,
        on: day("2026-01-01"),
        recorded_by: None,
    }
}

#[test]
fn training_gaps_and_reviews_look_at_the_revision_in_force() {
    let mut records = workspace();
    records.procedures = vec![
        procedure("scoop", 3, approved(), Some(TODAY)),
        // A draft of revision 2: revision 1 in the archive is in force.
        procedure("waffle", 2, Status::Draft, Some("2027-01-01")),
        procedure("hygiene", 1, approved(), Some("2026-11-22")),
        procedure(
            "old",
            4,
            Status::Retired {
                on: day("2026-01-01"),
            },
            Some("2020-01-01"),
        ),
        procedure("first-draft", 1, Status::Draft, None),
    ];
    records.archived_procedures = vec![procedure("waffle", 1, approved(), Some("2026-01-01"))];
    records.training = vec![Training {
        person: "bram".to_owned(),
        signed: vec![signed("scoop", 1), signed("scoop", 2), signed("waffle", 1)],
    }];
    // anna has no training file at all.
    let f = run(&records, period("2026-11-01", TODAY));
    let gaps: Vec<(&str, &str, Option<u32>, u32)> = f
        .training_gaps
        .iter()
        .map(|g| {
            (
                g.person.as_str(),
                g.procedure.as_str(),
                g.signed_revision,
                g.current_revision,
            )
        })
        .collect();
    assert_eq!(
        gaps,
        [
            ("anna", "hygiene", None, 1),
            ("anna", "scoop", None, 3),
            ("anna", "waffle", None, 1),
            ("bram", "hygiene", None, 1),
            ("bram", "scoop", Some(2), 3),
        ]
    );
    // Review due today is not overdue yet; the draft's archived revision is.
    assert_eq!(f.reviews_overdue, ["hygiene", "waffle"]);
}

#[test]
fn weeks_are_iso_weeks_cut_to_the_period() {
    let mut records = workspace();
    // 2026-11-01 is a Sunday; 2026-11-23 a Monday.
    for (id, placed) in [
        ("a", "2026-11-01"),
        ("b", "2026-11-02"),
        ("c", "2026-11-08"),
        ("d", "2026-11-23"),
    ] {
        records.orders.push(with_contacts(order(id, placed), 1));
    }
    records.orders[1]
        .defects
        .push(defect("d1", "2026-11-02", "Method", None));
    let f = run(&records, period("2026-11-01", TODAY));
    let weeks: Vec<(String, String, i8, usize, Option<f64>)> = f
        .weeks
        .iter()
        .map(|w| {
            (
                w.start.to_string(),
                w.end.to_string(),
                w.iso_week,
                w.orders,
                w.right_first_time,
            )
        })
        .collect();
    let week = |start: &str, end: &str, n: i8, orders: usize, rft: Option<f64>| {
        (start.to_owned(), end.to_owned(), n, orders, rft)
    };
    assert_eq!(
        weeks,
        [
            week("2026-11-01", "2026-11-01", 44, 1, Some(1.0)),
            week("2026-11-02", "2026-11-08", 45, 2, Some(0.5)),
            week("2026-11-09", "2026-11-15", 46, 0, None),
            week("2026-11-16", "2026-11-22", 47, 0, None),
            week("2026-11-23", "2026-11-23", 48, 1, Some(1.0)),
        ]
    );
    assert_eq!(f.weeks.iter().map(|w| w.orders).sum::<usize>(), f.orders);
    assert_eq!(f.weeks[1].contacts_per_order, Some(1.0));
}

#[test]
fn a_defect_reference_finds_its_defect() {
    let mut records = workspace();
    records.orders.push(with_defect(
        order("o1", "2026-11-02"),
        defect("d1", "2026-11-02", "Method", None),
    ));
    let f = run(&records, period("2026-11-01", TODAY));
    let (order, defect) = f.pareto[0].defects[0].find(&records).unwrap();
    assert_eq!((order.id.as_str(), defect.id.as_str()), ("o1", "d1"));
    assert!(refs(&[("o1", "d2")])[0].find(&records).is_none());
}

mod tally {
    //! Figures summed order by order, in any order and on any number of cores, are the
    //! figures of the whole workspace: what lets `report` read 100,000 orders without
    //! keeping them.

    use super::*;
    use proptest::prelude::*;
    use rightfirst::analysis::Tally;
    use rightfirst::store::Folder;

    /// The sample (its light-ball story, its fix) and 1,500 generated orders around it.
    fn records() -> &'static Records {
        static RECORDS: std::sync::OnceLock<Records> = std::sync::OnceLock::new();
        RECORDS.get_or_init(|| {
            let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("procedures");
            let mut records = Folder::read(&sample).expect("the sample").records().clone();
            let generated = rightfirst::generate::orders(&records, 0, 1_500, day(TODAY));
            records.orders.extend(generated);
            records.sort();
            records
        })
    }

    fn periods() -> [Period; 3] {
        [
            Period::last_days(day(TODAY), Period::DEFAULT_DAYS),
            period("2026-01-01", TODAY),
            period("2021-01-01", TODAY),
        ]
    }

    #[test]
    fn the_workspace_has_what_the_shuffles_must_keep() {
        let whole = figures(records(), periods()[1], day(TODAY));
        assert!(whole.orders > 200, "{}", whole.orders);
        assert!(whole.defects > 20 && whole.escapes > 0 && whole.contacts > 20);
        assert!(!whole.fixes.is_empty() && !whole.recurring.is_empty());
        assert!(!whole.orders_over_alarm.is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn tallies_of_shuffled_parts_merge_into_the_same_figures(
            shuffle in Just(()).prop_perturb(|_, mut rng| {
                let mut order: Vec<usize> = (0..records().orders.len()).collect();
                for i in (1..order.len()).rev() {
                    order.swap(i, rng.random_range(0..=i));
                }
                order
            }),
            cuts in proptest::collection::vec(0..2_000usize, 0..4),
            which in 0..3usize,
        ) {
            let records = records();
            let period = periods()[which];
            let mut cuts: Vec<usize> = cuts.into_iter().map(|cut| cut.min(shuffle.len())).collect();
            cuts.push(shuffle.len());
            cuts.sort_unstable();
            let mut parts: Vec<Tally> = Vec::new();
            let mut start = 0;
            for cut in cuts {
                let mut tally = Tally::new(period);
                for &index in &shuffle[start..cut] {
                    tally.add(records, &Facts::of(records, &records.orders[index]));
                }
                parts.push(tally);
                start = cut;
            }
            // Merged last part first, so the merge order differs from the reading order.
            let mut sum = Tally::new(period);
            for part in parts.into_iter().rev() {
                sum.merge(part);
            }
            prop_assert_eq!(sum.finish(records, day(TODAY)), figures(records, period, day(TODAY)));
        }
    }
}

#[test]
fn actions_done_the_same_day_on_the_same_step_are_one_fix_named_by_the_earliest_order() {
    let mut records = workspace();
    let step = Some(("scoop-ice-cream", "portion"));
    for (id, placed, what) in [
        ("late", "2026-11-08", "Told everyone again"),
        ("early", "2026-11-02", "Bath on the opening list"),
    ] {
        let mut d = defect("d1", placed, "Method", step);
        let mut fix = action(ActionKind::Corrective, Some("2026-11-10"), None);
        fix.what = what.to_owned();
        d.action = Some(fix);
        records.orders.push(with_defect(order(id, placed), d));
    }
    // Orders in any order: the figures sort what they name.
    let f = run(&records, period("2026-11-01", TODAY));
    assert_eq!(f.fixes.len(), 1);
    assert_eq!(f.fixes[0].what, "Bath on the opening list");
    assert_eq!(f.fixes[0].actions, refs(&[("early", "d1"), ("late", "d1")]));
    assert_eq!(f.fixes[0].defects_before, 2);
}
