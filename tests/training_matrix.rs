//! The training matrix and "was this person current on that day" over small hand-made
//! workspaces: a typo fix that keeps everyone current, a leaver, a paper sign-off.

use rightfirst::analysis::training::{history, matrix, standing_on};
use rightfirst::analysis::{Group, Period, figures};
use rightfirst::model::{
    Change, Check, Checklist, Date, DateTime, Defect, FoundBy, Order, Person, Procedure, Records,
    Role, Severity, Signed, Standing, Status, Training, Workspace,
};

fn day(text: &str) -> Date {
    text.parse().expect("a test date")
}

fn person(id: &str, name: &str, role: Role, left: Option<&str>) -> Person {
    Person {
        id: id.to_owned(),
        name: name.to_owned(),
        role,
        left: left.map(day),
        pin: None,
    }
}

fn change(revision: u32, on: &str, retrain: bool) -> Change {
    Change {
        revision,
        on: day(on),
        by: "anna".to_owned(),
        note: format!("revision {revision}"),
        retrain,
    }
}

fn procedure(id: &str, revision: u32, status: Status, changes: Vec<Change>) -> Procedure {
    Procedure {
        id: id.to_owned(),
        title: format!("Title of {id}"),
        purpose: String::new(),
        scope: String::new(),
        owner: "anna".to_owned(),
        revision,
        status,
        review_by: None,
        steps: Vec::new(),
        changes,
    }
}

fn approved(on: &str) -> Status {
    Status::Approved {
        by: "anna".to_owned(),
        on: day(on),
    }
}

fn signed(procedure: &str, revision: u32, on: &str, recorded_by: Option<&str>) -> Signed {
    Signed {
        procedure: procedure.to_owned(),
        revision,
        on: day(on),
        recorded_by: recorded_by.map(str::to_owned),
    }
}

/// An ice-cream parlour: scooping at revision 3 (2 retrained, 3 a typo fix), bread at
/// revision 2 (retrained), a retired procedure and a first draft. Bram signed scooping 2
/// and bread 1; Cas signed bread 2 on paper, recorded by Anna; Dirk left yesterday.
fn parlour() -> Records {
    let mut workspace = Workspace::new("IJssalon De Hoorn");
    workspace.staff = vec![
        person("bram", "Bram Jansen", Role::Staff, None),
        person("anna", "Anna de Vries", Role::Owner, None),
        person("cas", "Cas Peters", Role::Staff, Some("2026-12-31")),
        person("dirk", "Dirk Smit", Role::Staff, Some("2026-11-22")),
    ];
    let mut records = Records::new(workspace);
    records.procedures = vec![
        procedure(
            "scoop",
            3,
            approved("2026-10-01"),
            vec![
                change(2, "2026-06-01", true),
                change(3, "2026-10-01", false),
            ],
        ),
        // A draft of bread 3 is being written: revision 2 in the archive is in force.
        procedure(
            "bread",
            3,
            Status::Draft,
            vec![change(2, "2026-09-01", true)],
        ),
        procedure(
            "old",
            1,
            Status::Retired {
                on: day("2026-05-01"),
            },
            Vec::new(),
        ),
        procedure("first-draft", 1, Status::Draft, Vec::new()),
    ];
    records.archived_procedures = vec![
        procedure("bread", 1, approved("2026-01-10"), Vec::new()),
        procedure(
            "bread",
            2,
            approved("2026-09-01"),
            vec![change(2, "2026-09-01", true)],
        ),
        procedure("scoop", 1, approved("2026-01-05"), Vec::new()),
    ];
    records.training = vec![
        Training {
            person: "bram".to_owned(),
            signed: vec![
                signed("scoop", 2, "2026-06-02", None),
                signed("bread", 1, "2026-01-11", None),
                signed("old", 1, "2026-02-01", None),
            ],
        },
        Training {
            person: "cas".to_owned(),
            signed: vec![signed("bread", 2, "2026-09-03", Some("anna"))],
        },
        Training {
            person: "dirk".to_owned(),
            signed: vec![signed("scoop", 3, "2026-10-02", None)],
        },
    ];
    records
}

const TODAY: &str = "2026-11-23";

#[test]
fn the_matrix_is_people_who_have_not_left_by_procedures_in_force() {
    let m = matrix(&parlour(), day(TODAY));
    let people: Vec<&str> = m.people.iter().map(|r| r.person.as_str()).collect();
    // Dirk left yesterday; Cas leaves at the end of the year and is still here.
    assert_eq!(people, ["anna", "bram", "cas"]);
    let columns: Vec<(&str, u32)> = m
        .procedures
        .iter()
        .map(|c| (c.procedure.as_str(), c.in_force))
        .collect();
    // The draft of bread 3 leaves revision 2 in force; retired and first drafts are out.
    assert_eq!(columns, [("bread", 2), ("scoop", 3)]);
    let cells = |person: &str| -> Vec<Standing> {
        m.row(person)
            .expect("a row")
            .cells
            .iter()
            .map(|c| c.standing)
            .collect()
    };
    assert_eq!(cells("anna"), [Standing::Never, Standing::Never]);
    // Bram's bread 1 was overtaken by the retraining revision 2; his scooping 2 still
    // counts, for revision 3 was a typo fix.
    assert_eq!(
        cells("bram"),
        [
            Standing::OutOfDate { signed: 1 },
            Standing::Current { signed: 2 }
        ]
    );
    assert_eq!(
        cells("cas"),
        [Standing::Current { signed: 2 }, Standing::Never]
    );
}

#[test]
fn a_row_keeps_every_signature_with_who_recorded_it() {
    let m = matrix(&parlour(), day(TODAY));
    let bram: Vec<(&str, u32)> = m
        .row("bram")
        .expect("bram")
        .signatures
        .iter()
        .map(|s| (s.procedure.as_str(), s.revision))
        .collect();
    // The retired procedure's signature stays in his history.
    assert_eq!(bram, [("bread", 1), ("old", 1), ("scoop", 2)]);
    let cas = &m.row("cas").expect("cas").signatures;
    assert_eq!(cas.len(), 1);
    assert_eq!(cas[0].recorded_by.as_deref(), Some("anna"));
    assert_eq!(cas[0].on, day("2026-09-03"));
}

#[test]
fn the_history_adds_each_approval_no_change_names() {
    let revisions: Vec<(u32, Date, bool)> = history(&parlour(), "bread")
        .iter()
        .map(|c| (c.revision, c.on, c.retrain))
        .collect();
    assert_eq!(
        revisions,
        [(1, day("2026-01-10"), true), (2, day("2026-09-01"), true)]
    );
}

#[test]
fn standing_on_a_day_counts_what_was_signed_and_in_force_then() {
    let records = parlour();
    let on = |person: &str, procedure: &str, when: &str| {
        standing_on(&records, person, procedure, day(when))
    };
    // Before bread's first approval nothing was in force.
    assert_eq!(on("bram", "bread", "2026-01-09"), None);
    // On the day of approval, before he signed: never.
    assert_eq!(on("bram", "bread", "2026-01-10"), Some(Standing::Never));
    assert_eq!(
        on("bram", "bread", "2026-08-31"),
        Some(Standing::Current { signed: 1 })
    );
    assert_eq!(
        on("bram", "bread", "2026-09-01"),
        Some(Standing::OutOfDate { signed: 1 })
    );
    // Scooping 1 was in force before he signed 2; the typo fix 3 keeps him current.
    assert_eq!(on("bram", "scoop", "2026-05-01"), Some(Standing::Never));
    assert_eq!(
        on("bram", "scoop", "2026-10-05"),
        Some(Standing::Current { signed: 2 })
    );
    // Anna has no training file at all; an unknown procedure has no standing.
    assert_eq!(on("anna", "scoop", TODAY), Some(Standing::Never));
    assert_eq!(on("bram", "nothing", TODAY), None);
}

#[test]
fn training_gaps_in_the_figures_follow_the_rule_and_skip_leavers() {
    use rightfirst::analysis::TrainingGap;
    let today = day(TODAY);
    let f = figures(&parlour(), Period::last_days(today, 90), today);
    let gap = |person: &str, procedure: &str, signed_revision, current_revision| TrainingGap {
        person: person.to_owned(),
        procedure: procedure.to_owned(),
        signed_revision,
        current_revision,
    };
    // Bram's scooping 2 counts through the typo fix; Dirk has left.
    assert_eq!(
        f.training_gaps,
        [
            gap("anna", "bread", None, 2),
            gap("anna", "scoop", None, 3),
            gap("bram", "bread", Some(1), 2),
            gap("cas", "scoop", None, 3),
        ]
    );
}

/// A scooping check: its checklist verifies the scooping procedure.
fn scoop_check() -> Checklist {
    Checklist {
        id: "scoop-check".to_owned(),
        title: "Scoop check".to_owned(),
        procedure: Some("scoop".to_owned()),
        four_eyes: true,
        revision: 1,
        status: approved("2026-01-05"),
        items: Vec::new(),
        changes: Vec::new(),
    }
}

fn order(id: &str, placed: &str, made_by: &str) -> Order {
    Order {
        id: id.to_owned(),
        placed: day(placed),
        customer: None,
        product: "Cone".into(),
        made_by: made_by.into(),
        checks: Vec::new(),
        defects: Vec::new(),
        contacts: Vec::new(),
    }
}

fn checked(mut order: Order, revision: u32) -> Order {
    order.checks.push(Check {
        checklist: "scoop-check".into(),
        revision,
        checked_by: "anna".into(),
        at: DateTime::start_of(order.placed),
        results: Vec::new(),
    });
    order
}

fn with_defect(mut order: Order, procedure: Option<&str>) -> Order {
    order.defects.push(Defect {
        id: format!("d{}", order.defects.len() + 1),
        found: order.placed,
        found_by: FoundBy::Check,
        category: "Man".to_owned(),
        procedure: procedure.map(str::to_owned),
        step: None,
        severity: Severity::Minor,
        description: "Wrong.".to_owned(),
        cost_cents: 0,
        root_cause: None,
        action: None,
        photos: Vec::new(),
    });
    order
}

#[test]
fn defects_per_100_orders_split_by_whether_the_maker_was_current_that_day() {
    let mut records = parlour();
    records.checklists.push(scoop_check());
    records.orders = vec![
        // Bram is current on scooping through the typo fix: current, no defect.
        checked(order("o1", "2026-11-10", "bram"), 1),
        // A bread defect: Bram signed only bread 1, overtaken on 09-01.
        with_defect(order("o2", "2026-11-11", "bram"), Some("bread")),
        // Anna never signed scooping; her order's two defects name no procedure.
        with_defect(
            with_defect(checked(order("o3", "2026-11-12", "anna"), 1), None),
            None,
        ),
        // Cas signed bread 2 on paper on 09-03: current in November...
        with_defect(order("o4", "2026-11-12", "cas"), Some("bread")),
        // ... but not in August, when revision 1 was in force and Cas had signed nothing.
        with_defect(order("o5", "2026-08-01", "cas"), Some("bread")),
        // Nothing to judge by: no check, no defect; a check of an unknown revision.
        order("o6", "2026-11-13", "bram"),
        checked(order("o7", "2026-11-13", "bram"), 9),
        // Before the period: not counted.
        with_defect(order("o8", "2026-07-31", "anna"), Some("bread")),
    ];
    let today = day(TODAY);
    let period = Period {
        from: day("2026-08-01"),
        to: today,
    };
    let quality = figures(&records, period, today).training_quality;
    assert_eq!(
        quality.current,
        Group {
            orders: 2,
            defects: 1,
            per_100: Some(50.0)
        }
    );
    assert_eq!(
        (quality.not_current.orders, quality.not_current.defects),
        (3, 4)
    );
    let rate = quality.not_current.per_100.expect("a rate");
    assert!((rate - 400.0 / 3.0).abs() < 1e-9, "{rate}");
    assert_eq!(quality.unjudged, 2);
}
