//! Properties of the on-disk format (FORMAT.md), checked on generated records:
//!
//! - every record the app can hold is written so that reading it back gives the same
//!   record, and writing that again gives the same bytes;
//! - the written text is the bare, hand-editable form: no `Some(...)`, no `None`, no
//!   struct names before `spec`, `root_cause`, `action` and `recurrence`, but struct
//!   names everywhere else;
//! - nothing a file can hold, however broken, makes reading panic, and every problem
//!   found points at a line and column that exist in the file.

use std::fmt::Debug;
use std::path::Path;

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::TestCaseError;
use serde::Serialize;
use serde::de::DeserializeOwned;

use rightfirst::model::{
    Action, ActionKind, Change, Channel, Check, CheckResult, Checklist, Contact, Date, DateTime,
    Defect, Field, FoundBy, Item, ItemKind, Number, Order, Outcome, Person, Procedure, Recurrence,
    Role, RootCause, Segment, Severity, Signed, Spec, Status, Step, Training, Workspace,
};
use rightfirst::store::Folder;
use rightfirst::store::canonical;
use rightfirst::store::format::{SyntaxError, newer_format, parse, parse_with_ron, print};
use rightfirst::store::locate::{Position, locate, position};

// ---------------------------------------------------------------------------------------
// Strategies: valid records of every type in FORMAT.md
// ---------------------------------------------------------------------------------------

/// Pieces of text that have broken RON writers and readers before.
const AWKWARD: &[&str] = &[
    "",
    "\"",
    "\\",
    "\\\"",
    "\"\\",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "'",
    "\\'",
    "//",
    "/*",
    "*/",
    "/* not closed",
    "r#\"",
    "\"#",
    "r\"",
    "b\"",
    "Spec(",
    "spec: Spec(",
    "RootCause(",
    "Action(",
    "Recurrence(",
    "Some(",
    "None",
    "Step(",
    "),",
    "]",
    "[",
    ":",
    ",",
    "#![enable(implicit_some)]",
    "é ° ± ë",
    "Bell's \"best\"",
    "🍦🍨",
    "👩‍🍳",
    "e\u{301}",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{200b}",
    "\u{200e}",
    "\u{2028}",
    "\u{2029}",
    "\u{202e}",
    "\u{feff}",
    "\u{10ffff}",
    "    ",
    "65",
    "-0.0",
    "1e20",
];

/// Free text: anything a person could type, awkward pieces included; may be empty.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => select(AWKWARD).prop_map(str::to_owned),
            2 => any::<char>().prop_map(String::from),
            3 => "[a-zA-Z0-9 .,'-]{0,16}",
        ],
        0..6,
    )
    .prop_map(|parts| parts.concat())
}

/// Text a required field holds: never empty.
fn words() -> impl Strategy<Value = String> {
    ("[A-Za-z]{1,8}", text()).prop_map(|(word, rest)| word + &rest)
}

/// A long line, so the writer has to break values over lines.
fn long_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => words(),
        1 => prop::collection::vec(words(), 8..16).prop_map(|parts| parts.join(" ")),
    ]
}

/// An id as FORMAT.md allows it: 1-64 of `a-z 0-9 -`.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-z][a-z0-9-]{0,12}",
        1 => "[a-z0-9-]{1,64}",
    ]
}

/// An order id: 1-64 of `a-z A-Z 0-9 - _`.
fn order_id() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_-]{1,64}"
}

/// Finite numbers: whole and fractional, huge, tiny, negative, and -0.0.
fn number() -> impl Strategy<Value = Number> {
    let special = select(vec![
        0.0,
        -0.0,
        0.5,
        60.5,
        -3.25,
        0.1,
        1e20,
        -1e20,
        1e-9,
        -1e-9,
        1e300,
        5e-324,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        f64::EPSILON,
        9_007_199_254_740_991.0,
        9_007_199_254_740_992.0,
        9_007_199_254_740_994.0,
        -9_007_199_254_740_992.0,
        9.223_372_036_854_776e18,
    ]);
    prop_oneof![
        3 => (-1000i64..1000).prop_map(|n| n as f64),
        2 => (-100_000i64..100_000).prop_map(|n| n as f64 / 100.0),
        2 => any::<i64>().prop_map(|n| n as f64),
        2 => any::<f64>().prop_filter("finite", |n| n.is_finite()),
        2 => special,
    ]
    .prop_map(|n| Number::new(n).expect("finite"))
}

/// Up to three numbers in order, each present or not: `min <= target <= max` holds.
fn ordered_bounds() -> impl Strategy<Value = (Option<Number>, Option<Number>, Option<Number>)> {
    (
        prop::collection::vec(number(), 3),
        any::<(bool, bool, bool)>(),
    )
        .prop_map(|(mut values, (has_min, has_target, has_max))| {
            values.sort_by(|a, b| a.partial_cmp(b).expect("finite numbers compare"));
            (
                has_min.then_some(values[0]),
                has_target.then_some(values[1]),
                has_max.then_some(values[2]),
            )
        })
}

/// A day that exists, written `YYYY-MM-DD`: mostly near today, sometimes at the edges.
fn date() -> impl Strategy<Value = Date> {
    let year = prop_oneof![4 => 2020i16..2031, 1 => 0i16..=9999];
    (year, 1i8..=12, 1i8..=31)
        .prop_filter_map("a day on the calendar", |(y, m, d)| Date::new(y, m, d))
}

fn date_time() -> impl Strategy<Value = DateTime> {
    (date(), 0i8..24, 0i8..60)
        .prop_map(|(day, hour, minute)| DateTime::new(day, hour, minute).expect("a valid time"))
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Draft),
        (id(), date()).prop_map(|(by, on)| Status::Approved { by, on }),
        date().prop_map(|on| Status::Retired { on }),
    ]
}

fn change() -> impl Strategy<Value = Change> {
    (any::<u32>(), date(), id(), long_text(), any::<bool>()).prop_map(
        |(revision, on, by, note, retrain)| Change {
            revision,
            on,
            by,
            note,
            retrain,
        },
    )
}

fn spec() -> impl Strategy<Value = Spec> {
    (text(), text(), ordered_bounds()).prop_map(|(what, unit, (min, target, max))| Spec {
        what,
        unit,
        target,
        min,
        max,
    })
}

fn step() -> impl Strategy<Value = Step> {
    (
        id(),
        long_text(),
        prop::option::of(spec()),
        prop::option::of(text()),
    )
        .prop_map(|(id, text, spec, warning)| Step {
            id,
            text,
            spec,
            warning,
            photos: Vec::new(),
        })
}

fn procedure() -> impl Strategy<Value = Procedure> {
    (
        (id(), words(), text(), text(), id()),
        (any::<u32>(), status(), prop::option::of(date())),
        prop::collection::vec(step(), 0..5),
        prop::collection::vec(change(), 0..3),
    )
        .prop_map(
            |(
                (id, title, purpose, scope, owner),
                (revision, status, review_by),
                steps,
                changes,
            )| {
                Procedure {
                    id,
                    title,
                    purpose,
                    scope,
                    owner,
                    revision,
                    status,
                    review_by,
                    steps,
                    changes,
                }
            },
        )
}

fn item_kind() -> impl Strategy<Value = ItemKind> {
    let choice = prop::collection::vec(text(), 1..5).prop_flat_map(|options| {
        let count = options.len();
        (
            Just(options.clone()),
            prop::sample::subsequence(options, 0..=count),
        )
    });
    prop_oneof![
        Just(ItemKind::Tick),
        (text(), ordered_bounds()).prop_map(|(unit, (min, _, max))| ItemKind::Measure {
            unit,
            min,
            max
        }),
        choice.prop_map(|(options, pass)| ItemKind::Choice { options, pass }),
        Just(ItemKind::Text),
    ]
}

fn item() -> impl Strategy<Value = Item> {
    (
        id(),
        long_text(),
        item_kind(),
        prop::option::of(id()),
        any::<bool>(),
    )
        .prop_map(|(id, prompt, kind, step, critical)| Item {
            id,
            prompt,
            kind,
            step,
            critical,
        })
}

fn checklist() -> impl Strategy<Value = Checklist> {
    (
        (id(), words(), prop::option::of(id()), any::<bool>()),
        (any::<u32>(), status()),
        prop::collection::vec(item(), 0..6),
        prop::collection::vec(change(), 0..3),
    )
        .prop_map(
            |((id, title, procedure, four_eyes), (revision, status), items, changes)| Checklist {
                id,
                title,
                procedure,
                four_eyes,
                revision,
                status,
                items,
                changes,
            },
        )
}

fn outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        Just(Outcome::Pass),
        Just(Outcome::Fail),
        Just(Outcome::NotApplicable),
        number().prop_map(Outcome::Value),
        text().prop_map(|text| Outcome::Chosen(text.into())),
        text().prop_map(Outcome::Text),
    ]
}

fn photos() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop_oneof![
            3 => "attachments/20[0-9]{2}-[01][0-9]/[a-z0-9-]{1,12}\\.jpg",
            1 => text(),
        ],
        0..3,
    )
}

fn check_result() -> impl Strategy<Value = CheckResult> {
    (id(), outcome(), photos()).prop_map(|(item, outcome, photos)| CheckResult {
        item: item.into(),
        outcome,
        photos,
    })
}

fn check() -> impl Strategy<Value = Check> {
    (
        id(),
        any::<u32>(),
        id(),
        date_time(),
        prop::collection::vec(check_result(), 0..6),
    )
        .prop_map(|(checklist, revision, checked_by, at, results)| Check {
            checklist: checklist.into(),
            revision,
            checked_by: checked_by.into(),
            at,
            results,
        })
}

fn found_by() -> impl Strategy<Value = FoundBy> {
    prop_oneof![
        Just(FoundBy::Check),
        id().prop_map(FoundBy::Staff),
        Just(FoundBy::Customer),
    ]
}

fn severity() -> impl Strategy<Value = Severity> {
    select(vec![Severity::Minor, Severity::Major, Severity::Critical])
}

fn root_cause() -> impl Strategy<Value = RootCause> {
    (prop::collection::vec(text(), 0..6), text())
        .prop_map(|(whys, cause)| RootCause { whys, cause })
}

fn action() -> impl Strategy<Value = Action> {
    (
        select(vec![
            ActionKind::Correction,
            ActionKind::Corrective,
            ActionKind::Preventive,
        ]),
        long_text(),
        prop::option::of(id()),
        (
            prop::option::of(date()),
            prop::option::of(date()),
            prop::option::of(date()),
        ),
        prop::option::of(id()),
    )
        .prop_map(
            |(kind, what, owner, (due, done, verified), verified_by)| Action {
                kind,
                what,
                owner,
                due,
                done,
                verified,
                verified_by,
            },
        )
}

fn defect() -> impl Strategy<Value = Defect> {
    (
        (id(), date(), found_by(), words()),
        (prop::option::of(id()), prop::option::of(id()), severity()),
        (long_text(), any::<u64>()),
        (
            prop::option::of(root_cause()),
            prop::option::of(action()),
            photos(),
        ),
    )
        .prop_map(
            |(
                (id, found, found_by, category),
                (procedure, step, severity),
                (description, cost_cents),
                (root_cause, action, photos),
            )| Defect {
                id,
                found,
                found_by,
                category,
                procedure,
                step,
                severity,
                description,
                cost_cents,
                root_cause,
                action,
                photos,
            },
        )
}

fn contact() -> impl Strategy<Value = Contact> {
    (
        date_time(),
        select(vec![
            Channel::Phone,
            Channel::Email,
            Channel::InPerson,
            Channel::Web,
            Channel::Social,
        ]),
        id(),
        text(),
        any::<bool>(),
    )
        .prop_map(|(at, channel, by, about, apology)| Contact {
            at,
            channel,
            by,
            about,
            apology,
        })
}

fn order() -> impl Strategy<Value = Order> {
    (
        (order_id(), date(), prop::option::of(text()), words(), id()),
        prop::collection::vec(check(), 0..3),
        prop::collection::vec(defect(), 0..3),
        prop::collection::vec(contact(), 0..3),
    )
        .prop_map(
            |((id, placed, customer, product, made_by), checks, defects, contacts)| Order {
                id,
                placed,
                customer,
                product: product.into(),
                made_by: made_by.into(),
                checks,
                defects,
                contacts,
            },
        )
}

fn person() -> impl Strategy<Value = Person> {
    (
        (id(), words(), select(vec![Role::Owner, Role::Staff])),
        (prop::option::of(date()), prop::option::of(text())),
    )
        .prop_map(|((id, name, role), (left, pin))| Person {
            id,
            name,
            role,
            left,
            pin,
        })
}

fn workspace() -> impl Strategy<Value = Workspace> {
    (
        (words(), select(vec!["nl", "en"])),
        prop::collection::vec(person(), 0..5),
        prop_oneof![
            Just(rightfirst::model::Workspace::new("").defect_categories),
            prop::collection::vec(words(), 1..8),
        ],
        (any::<u32>(), any::<u32>()),
        number().prop_map(|n| Number::new(n.get().abs()).expect("finite")),
    )
        .prop_map(
            |((name, language), staff, defect_categories, (count, days), alarm)| Workspace {
                format: rightfirst::model::FORMAT_VERSION,
                name,
                language: language.to_owned(),
                staff,
                defect_categories,
                recurrence: Recurrence { count, days },
                contacts_per_order_alarm: alarm,
                import_mappings: Vec::new(),
            },
        )
}

fn signed() -> impl Strategy<Value = Signed> {
    (id(), any::<u32>(), date(), proptest::option::of(id())).prop_map(
        |(procedure, revision, on, recorded_by)| Signed {
            procedure,
            revision,
            on,
            recorded_by,
        },
    )
}

fn training() -> impl Strategy<Value = Training> {
    (id(), prop::collection::vec(signed(), 0..6))
        .prop_map(|(person, signed)| Training { person, signed })
}

/// Any record, as the file it is written to.
#[derive(Debug, Clone)]
enum Record {
    Workspace(Workspace),
    Procedure(Procedure),
    Checklist(Checklist),
    Order(Order),
    Training(Training),
}

impl Record {
    fn print(&self) -> String {
        match self {
            Record::Workspace(r) => print(r),
            Record::Procedure(r) => print(r),
            Record::Checklist(r) => print(r),
            Record::Order(r) => print(r),
            Record::Training(r) => print(r),
        }
    }
}

fn record() -> impl Strategy<Value = Record> {
    prop_oneof![
        workspace().prop_map(Record::Workspace),
        procedure().prop_map(Record::Procedure),
        checklist().prop_map(Record::Checklist),
        order().prop_map(Record::Order),
        training().prop_map(Record::Training),
    ]
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// The text with every string literal emptied: what is left is RON's structure only.
/// The writer escapes every string (no raw strings, no comments), so this is exact.
fn skeleton(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '"' {
            loop {
                match chars.next() {
                    Some('\\') => {
                        chars.next();
                    }
                    Some('"') => {
                        out.push('"');
                        break;
                    }
                    Some(_) => {}
                    None => break,
                }
            }
        }
    }
    out
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Writes, reads back and writes again: same record, same bytes, the bare form.
fn round_trip<T>(record: &T) -> Result<String, TestCaseError>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let text = print(record);
    let back: T = parse(&text).map_err(|error| {
        TestCaseError::fail(format!("written text did not read: {error}\n{text}"))
    })?;
    prop_assert_eq!(&back, record, "read back differently from\n{}", text);
    prop_assert_eq!(print(&back), text.as_str(), "second write differs");
    prop_assert!(text.ends_with(")\n") && !text.ends_with("\n\n"), "{}", text);

    let shape = skeleton(&text);
    // Strings are escaped onto their line: the file has as many lines as its structure.
    prop_assert_eq!(count(&shape, "\n"), count(&text, "\n"));
    for forbidden in [
        "Some(",
        "None",
        "Spec(",
        "RootCause(",
        "Action(",
        "Recurrence(",
        "critical: false",
        "apology: false",
        "\\'",
    ] {
        prop_assert!(
            !shape.contains(forbidden),
            "written text contains {:?}:\n{}",
            forbidden,
            text
        );
    }
    Ok(shape)
}

fn check_procedure_shape(procedure: &Procedure, shape: &str) -> Result<(), TestCaseError> {
    prop_assert!(shape.starts_with("Procedure(\n"), "{}", shape);
    prop_assert_eq!(count(shape, "Step("), procedure.steps.len());
    prop_assert_eq!(count(shape, "Change("), procedure.changes.len());
    let specs = procedure.steps.iter().filter(|s| s.spec.is_some()).count();
    prop_assert_eq!(count(shape, "spec: ("), specs, "{}", shape);
    prop_assert_eq!(
        count(shape, "Approved("),
        usize::from(matches!(procedure.status, Status::Approved { .. }))
    );
    prop_assert_eq!(
        count(shape, "review_by:"),
        usize::from(procedure.review_by.is_some())
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Write -> read -> write
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn procedures_round_trip(procedure in procedure()) {
        let shape = round_trip(&procedure)?;
        check_procedure_shape(&procedure, &shape)?;
    }

    #[test]
    fn checklists_round_trip(checklist in checklist()) {
        let shape = round_trip(&checklist)?;
        prop_assert!(shape.starts_with("Checklist("), "{}", shape);
        prop_assert_eq!(count(&shape, "Item("), checklist.items.len());
        prop_assert_eq!(count(&shape, "Change("), checklist.changes.len());
        let critical = checklist.items.iter().filter(|i| i.critical).count();
        prop_assert_eq!(count(&shape, "critical: true"), critical);
        let choices = checklist
            .items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Choice { .. }))
            .count();
        prop_assert_eq!(count(&shape, "Choice("), choices);
    }

    #[test]
    fn orders_round_trip(order in order()) {
        let shape = round_trip(&order)?;
        prop_assert!(shape.starts_with("Order("), "{}", shape);
        prop_assert_eq!(count(&shape, "Check("), order.checks.len());
        let results: usize = order.checks.iter().map(|c| c.results.len()).sum();
        prop_assert_eq!(count(&shape, "Result("), results);
        prop_assert_eq!(count(&shape, "Defect("), order.defects.len());
        prop_assert_eq!(count(&shape, "Contact("), order.contacts.len());
        let causes = order.defects.iter().filter(|d| d.root_cause.is_some()).count();
        prop_assert_eq!(count(&shape, "root_cause: ("), causes, "{}", shape);
        let actions = order.defects.iter().filter(|d| d.action.is_some()).count();
        prop_assert_eq!(count(&shape, "action: ("), actions, "{}", shape);
        let staff = order
            .defects
            .iter()
            .filter(|d| matches!(d.found_by, FoundBy::Staff(_)))
            .count();
        prop_assert_eq!(count(&shape, "Staff(\""), staff);
    }

    #[test]
    fn workspaces_round_trip(workspace in workspace()) {
        let shape = round_trip(&workspace)?;
        prop_assert!(shape.starts_with("Workspace("), "{}", shape);
        prop_assert_eq!(count(&shape, "Person("), workspace.staff.len());
        prop_assert_eq!(count(&shape, "recurrence: ("), 1, "{}", shape);
    }

    #[test]
    fn training_round_trips(training in training()) {
        let shape = round_trip(&training)?;
        prop_assert!(shape.starts_with("Training("), "{}", shape);
        prop_assert_eq!(count(&shape, "Signed("), training.signed.len());
    }

    /// Numbers are written as people write them and read back to the same value
    /// (-0.0 reads back as 0, which `==` holds equal).
    /// Every order and training record as written is read by the quick reader (the
    /// hundred thousand files a busy shop has), and as ron reads it; other records too
    /// unless they hold a form it leaves to ron.
    #[test]
    fn the_quick_reader_reads_written_records(record in record()) {
        let text = record.print();
        let read = quick_as_ron_everywhere(&text)?;
        if matches!(record, Record::Order(_) | Record::Training(_)) {
            prop_assert!(read >= 1, "the quick reader gave up on\n{}", text);
        }
    }

    #[test]
    fn numbers_round_trip(n in number()) {
        let text = print(&n);
        let back: Number = parse(&text).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
        prop_assert_eq!(back, n);
        prop_assert_eq!(print(&back), text.as_str());
        let whole = n.get().fract() == 0.0 && n.get().abs() < 9_007_199_254_740_992.0;
        prop_assert_eq!(!text.contains(['.', 'e']), whole, "{}", text);
    }

    /// `Some(x)`, as a hand edit or an older writer may put it, reads like bare `x`.
    #[test]
    fn some_reads_like_bare(step in step(), review_by in prop::option::of(date())) {
        let mut procedure: Procedure = parse(
            "Procedure(id: \"p\", title: \"T\", owner: \"a\", revision: 1, status: Draft)",
        )
        .expect("a minimal procedure");
        procedure.review_by = review_by;
        procedure.steps.push(step);
        let bare = print(&procedure);
        let mut wrapped = bare.clone();
        if let Some(day) = review_by {
            wrapped = wrapped.replace(
                &format!("review_by: \"{day}\""),
                &format!("review_by: Some(\"{day}\")"),
            );
        }
        let back: Procedure = parse(&wrapped).map_err(|e| TestCaseError::fail(format!("{e}\n{wrapped}")))?;
        prop_assert_eq!(back, procedure);
    }
}

#[test]
fn edge_values_round_trip() {
    let mut procedure: Procedure =
        parse("Procedure(id: \"p\", title: \"T\", owner: \"a\", revision: 1, status: Draft)")
            .unwrap();
    procedure.steps = vec![
        Step {
            id: "empty-spec".to_owned(),
            text: String::new(),
            spec: Some(Spec::default()),
            warning: Some(String::new()),
            photos: Vec::new(),
        },
        Step {
            id: "negative-zero".to_owned(),
            text: "x".to_owned(),
            spec: Some(Spec {
                target: Number::new(-0.0),
                min: Number::new(-1e-9),
                max: Number::new(1e20),
                ..Spec::default()
            }),
            warning: None,
            photos: Vec::new(),
        },
    ];
    let text = print(&procedure);
    assert!(text.contains("spec: ()"), "{text}");
    assert!(text.contains("warning: \"\""), "{text}");
    assert!(text.contains("target: 0,"), "{text}");
    assert!(text.contains("min: -1e-9,"), "{text}");
    assert!(text.contains("max: 1e20"), "{text}");
    assert_eq!(parse::<Procedure>(&text).unwrap(), procedure);
    assert_eq!(print(&parse::<Procedure>(&text).unwrap()), text);
}

// ---------------------------------------------------------------------------------------
// Hostile input: never a panic, always a position inside the file
// ---------------------------------------------------------------------------------------

/// How many lines a text has, counting the one after a final newline.
fn line_count(text: &str) -> usize {
    count(text, "\n") + 1
}

/// A position is at a line of `text` and at most one column past that line's end.
fn check_position(text: &str, at: Position, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(at.line >= 1 && at.col >= 1, "{}: {:?}", what, at);
    prop_assert!(
        at.line <= line_count(text) + 1,
        "{}: line {} of a {}-line text",
        what,
        at.line,
        line_count(text)
    );
    if let Some(line) = text.split('\n').nth(at.line - 1) {
        prop_assert!(
            at.col <= line.chars().count() + 1,
            "{}: {:?} past the end of line {:?}",
            what,
            at,
            line
        );
    }
    Ok(())
}

fn check_error(text: &str, result: Result<(), SyntaxError>) -> Result<(), TestCaseError> {
    if let Err(error) = result {
        prop_assert!(!error.message.is_empty());
        check_position(text, error.at, &error.message)?;
    }
    Ok(())
}

/// Feeds `text` to every reader of one record; none may panic.
fn parse_everything(text: &str) -> Result<(), TestCaseError> {
    check_error(text, parse::<Workspace>(text).map(drop))?;
    check_error(text, parse::<Procedure>(text).map(drop))?;
    check_error(text, parse::<Checklist>(text).map(drop))?;
    check_error(text, parse::<Order>(text).map(drop))?;
    check_error(text, parse::<Training>(text).map(drop))?;
    if let Some(error) = newer_format(text) {
        check_position(text, error.at, &error.message)?;
    }
    Ok(())
}

/// Whatever the quick reader makes of `text` as a `T`, ron makes the same of it; `true`
/// when the quick reader read it at all (it may give up and leave it to ron).
fn quick_as_ron<T: DeserializeOwned + PartialEq + Debug>(
    text: &str,
) -> Result<bool, TestCaseError> {
    let Some(quick) = canonical::parse::<T>(text) else {
        return Ok(false);
    };
    match parse_with_ron::<T>(text) {
        Ok(ron) => prop_assert_eq!(quick, ron, "the quick reader and ron differ on\n{}", text),
        Err(error) => prop_assert!(
            false,
            "the quick reader accepted what ron refuses ({}):\n{}",
            error,
            text
        ),
    }
    Ok(true)
}

/// [`quick_as_ron`] for every kind of record; how many kinds the quick reader read.
fn quick_as_ron_everywhere(text: &str) -> Result<usize, TestCaseError> {
    Ok([
        quick_as_ron::<Workspace>(text)?,
        quick_as_ron::<Procedure>(text)?,
        quick_as_ron::<Checklist>(text)?,
        quick_as_ron::<Order>(text)?,
        quick_as_ron::<Training>(text)?,
    ]
    .into_iter()
    .filter(|read| *read)
    .count())
}

/// Forms at the edge of what the quick reader reads, each in an order that is otherwise
/// as written: it reads them as ron does, or leaves them to ron.
#[test]
fn the_quick_reader_agrees_with_ron_at_its_edges() {
    let order = |checks: &str, customer: &str| {
        format!(
            "Order(id: \"1\", placed: \"2026-11-02\",{customer} product: \"Cone\", made_by: \"priya\", checks: [{checks}])"
        )
    };
    let check = |outcome: &str| {
        format!(
            "Check(checklist: \"c\", revision: 2, checked_by: \"tom\", at: \"2026-11-02T14:10\", results: [Result(item: \"w\", outcome: {outcome})])"
        )
    };
    let outcomes = [
        "Value(65)",
        "Value(65.5)",
        "Value(-0)",
        "Value(1e5)",
        "Value(1E-2)",
        "Value(05)",
        "Value(1.)",
        "Value(.5)",
        "Value(+5)",
        "Value(0x10)",
        "Value(1_000)",
        "Value(65,)",
        "Value( 65 )",
        "Value(inf)",
        "Value(NaN)",
        "Pass",
        "Pass()",
        "Pass ",
        "pass",
        "Chosen(\"a\\\"b\")",
        "Chosen(\"\\u{41}\")",
        "Chosen(\"\\u{d800}\")",
        "Chosen(\"\\u{1F600}\")",
        "Chosen(\"\\u{}\")",
        "Chosen(\"\\x41\")",
        "Chosen(\"\\'\")",
        "Chosen(\"\\0\")",
        "Chosen(\"tab\there\")",
        "Chosen(\"line\nbreak\")",
        "Chosen(r#\"raw\"#)",
        "Chosen(b\"bytes\")",
        "Text(\"\\u{200d}\")",
        "Value(65) // a comment",
        "Value(65) /* c */",
    ];
    let customers = [
        "",
        " customer: \"Anna\",",
        " customer: None,",
        " customer: Some(\"Anna\"),",
        " customer: Anna,",
        " customer: \"Anna\", customer: \"Bo\",",
    ];
    let mut read = 0;
    for outcome in outcomes {
        for customer in customers {
            for text in [
                order(&check(outcome), customer),
                order(&check(outcome), customer).replacen("Order(", "(", 1),
                order(&check(outcome), customer).replacen("Order(", "Orders(", 1),
                format!("{}\n// trailing", order(&check(outcome), customer)),
                format!(
                    "#![enable(implicit_some)]\n{}",
                    order(&check(outcome), customer)
                ),
            ] {
                if quick_as_ron::<Order>(&text).expect("the same answer") {
                    read += 1;
                }
            }
        }
    }
    // Most are read quickly; the odd forms are left to ron.
    assert!(
        read > 50,
        "the quick reader read only {read} of the plain forms"
    );
}

/// RON-ish fragments, so random text gets past the first bracket now and then.
const FRAGMENTS: &[&str] = &[
    "Procedure(",
    "Checklist(",
    "Order(",
    "Workspace(",
    "Training(",
    "Step(",
    "Item(",
    "Check(",
    "Result(",
    "Defect(",
    "Contact(",
    "Person(",
    "Signed(",
    "Spec(",
    "Some(",
    "None",
    "id: ",
    "steps: [",
    "spec: (",
    "kind: Measure(",
    "outcome: Value(",
    "found_by: Staff(",
    "status: Approved(by: \"a\", on: \"2026-11-02\")",
    "\"2026-02-30\"",
    "\"2026-11-23T24:00\"",
    "\"x\"",
    "r#\"",
    "\"#",
    "'",
    "b\"",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "//",
    "/*",
    "*/",
    "\n",
    "\u{2028}",
    "\u{85}",
    "\u{200e}",
    "é",
    "🍦",
    "\\",
    "#![enable(implicit_some)]",
    "#![enable(unwrap_newtypes)]",
    "#",
    "!",
    "0",
    "-0",
    "1e999",
    "-1e-9",
    "NaN",
    "inf",
    "0x1F",
    "18446744073709551616",
    "4294967296",
    "true",
];

fn ronish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => select(FRAGMENTS).prop_map(str::to_owned),
            1 => any::<char>().prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// What is done to a valid file to break it.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(Index, u8),
    Truncate(Index),
    Insert(Index, &'static [u8]),
    Delete(Index, usize),
    Duplicate(Index, usize, Index),
}

const INSERTS: &[&[u8]] = &[
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"}",
    b"\"",
    b"'",
    b"\\",
    b",",
    b":",
    b"r#\"",
    b"\"#",
    b"/*",
    b"*/",
    b"//",
    b"\n",
    b"Some(",
    b"None",
    b"Spec(",
    b"#![enable(implicit_some)]\n",
    b"-",
    b"e999",
    b"\xff",
    b"\xc3",
    b"\xe2\x80\xa8",
    b"\xc2\x85",
    b"\xe2\x80\x8e",
    b"\xc3\xa9",
    b"\xf0\x9f\x8d\xa6",
    b"\0",
    b"x: 1,",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<Index>(), 1u8..=255).prop_map(|(at, bits)| Mutation::Flip(at, bits)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        4 => (any::<Index>(), select(INSERTS)).prop_map(|(at, what)| Mutation::Insert(at, what)),
        2 => (any::<Index>(), 1usize..20).prop_map(|(at, len)| Mutation::Delete(at, len)),
        2 => (any::<Index>(), 1usize..80, any::<Index>())
            .prop_map(|(from, len, to)| Mutation::Duplicate(from, len, to)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for mutation in mutations {
        let len = bytes.len();
        match mutation {
            Mutation::Flip(at, bits) if len > 0 => bytes[at.index(len)] ^= bits,
            Mutation::Flip(..) => {}
            Mutation::Truncate(at) => bytes.truncate(at.index(len + 1)),
            Mutation::Insert(at, what) => {
                let at = at.index(len + 1);
                bytes.splice(at..at, what.iter().copied());
            }
            Mutation::Delete(at, n) => {
                let at = at.index(len + 1);
                bytes.drain(at..(at + n).min(len));
            }
            Mutation::Duplicate(from, n, to) => {
                let from = from.index(len + 1);
                let slice = bytes[from..(from + n).min(len)].to_vec();
                let to = to.index(len + 1);
                bytes.splice(to..to, slice);
            }
        }
    }
    bytes
}

/// A valid record, printed, then broken a little.
fn mutated_record() -> impl Strategy<Value = (Record, Vec<u8>)> {
    (record(), prop::collection::vec(mutation(), 0..5)).prop_map(|(record, mutations)| {
        let bytes = mutate(record.print().into_bytes(), &mutations);
        (record, bytes)
    })
}

/// Field paths validation may name, some of them not in the text at all.
fn field() -> impl Strategy<Value = Field> {
    let names = select(vec![
        "id",
        "title",
        "steps",
        "spec",
        "min",
        "max",
        "items",
        "kind",
        "checks",
        "results",
        "item",
        "outcome",
        "defects",
        "action",
        "verified",
        "photos",
        "staff",
        "defect_categories",
        "recurrence",
        "signed",
        "nope",
    ]);
    prop::collection::vec(
        prop_oneof![
            names.prop_map(Segment::Name),
            (0usize..6).prop_map(Segment::Index),
        ],
        0..5,
    )
    .prop_map(Field)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        parse_everything(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        parse_everything(&text)?;
    }

    #[test]
    fn ronish_text_never_panics(text in ronish(), field in field()) {
        parse_everything(&text)?;
        check_position(&text, locate(&text, &field), "locate")?;
    }

    #[test]
    fn mutated_records_never_panic((_, bytes) in mutated_record(), field in field()) {
        let text = String::from_utf8_lossy(&bytes);
        parse_everything(&text)?;
        check_position(&text, locate(&text, &field), "locate")?;
    }

    /// The quick reader never reads damaged text differently from ron: what it accepts,
    /// ron accepts as the same record.
    #[test]
    fn the_quick_reader_reads_damaged_records_as_ron_does((_, bytes) in mutated_record()) {
        quick_as_ron_everywhere(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn the_quick_reader_reads_ronish_text_as_ron_does(text in ronish()) {
        quick_as_ron_everywhere(&text)?;
    }

    /// `position` is total: any byte offset, even inside a character or past the end.
    #[test]
    fn positions_stay_inside_the_text(text in ronish(), offset in 0usize..400) {
        check_position(&text, position(&text, offset), "position")?;
    }
}

// ---------------------------------------------------------------------------------------
// Whole folders
// ---------------------------------------------------------------------------------------

const WORKSPACE: &str = "Workspace(format: 1, name: \"Test\", staff: [Person(id: \"anna\", name: \"Anna\", role: Owner)])\n";

/// Where a broken file is put.
const PLACES: &[&str] = &[
    "workspace.ron",
    "procedures/x.ron",
    "checklists/x.ron",
    "orders/2026-11/x.ron",
    "training/x.ron",
];

fn write(root: &Path, relative: &str, bytes: &[u8]) {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("create folder");
    std::fs::write(path, bytes).expect("write file");
}

/// Every finding points into a file that exists, at a line and column it has.
fn check_findings(root: &Path, folder: &Folder) -> Result<(), TestCaseError> {
    for finding in folder.findings() {
        prop_assert!(!finding.message.is_empty());
        let bytes = std::fs::read(root.join(&finding.path))
            .map_err(|e| TestCaseError::fail(format!("{}: {e}", finding.path)))?;
        check_position(
            &String::from_utf8_lossy(&bytes),
            finding.at,
            &finding.to_string(),
        )?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn broken_files_in_a_folder_never_panic(
        (_, bytes) in mutated_record(),
        place in select(PLACES),
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        if place != "workspace.ron" {
            write(dir.path(), "workspace.ron", WORKSPACE.as_bytes());
        }
        write(dir.path(), place, &bytes);
        let folder = Folder::inspect(dir.path())
            .map_err(|e| TestCaseError::fail(format!("inspect refused: {e}")))?;
        check_findings(dir.path(), &folder)?;
    }

    /// Hand-written garbage, not derived from a record, in any place.
    #[test]
    fn garbage_in_a_folder_never_panics(text in ronish(), place in select(PLACES)) {
        let dir = tempfile::tempdir().expect("temp dir");
        if place != "workspace.ron" {
            write(dir.path(), "workspace.ron", WORKSPACE.as_bytes());
        }
        write(dir.path(), place, text.as_bytes());
        let folder = Folder::inspect(dir.path())
            .map_err(|e| TestCaseError::fail(format!("inspect refused: {e}")))?;
        check_findings(dir.path(), &folder)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// What the writer writes, the folder reads back: no file is broken, every record is
    /// the one written, and every rule a record breaks is found at a real line.
    #[test]
    fn written_folders_read_back(
        workspace in workspace(),
        mut procedure in procedure(),
        mut checklist in checklist(),
        mut order in order(),
        mut training in training(),
    ) {
        procedure.id = "x".to_owned();
        checklist.id = "x".to_owned();
        training.person = "x".to_owned();
        order.id = "x".to_owned();
        let order_path = format!("orders/{}/x.ron", order.placed.month_folder());
        let dir = tempfile::tempdir().expect("temp dir");
        let files = [
            ("workspace.ron".to_owned(), print(&workspace)),
            ("procedures/x.ron".to_owned(), print(&procedure)),
            ("checklists/x.ron".to_owned(), print(&checklist)),
            (order_path.clone(), print(&order)),
            ("training/x.ron".to_owned(), print(&training)),
        ];
        for (relative, text) in &files {
            write(dir.path(), relative, text.as_bytes());
        }
        let folder = Folder::inspect(dir.path())
            .map_err(|e| TestCaseError::fail(format!("inspect refused: {e}")))?;
        for (relative, _) in &files {
            prop_assert!(!folder.is_broken(relative), "{} did not read back", relative);
        }
        let records = folder.records();
        prop_assert_eq!(&records.workspace, &workspace);
        prop_assert_eq!(&records.procedures, &vec![procedure]);
        prop_assert_eq!(&records.checklists, &vec![checklist]);
        prop_assert_eq!(&records.orders, &vec![order]);
        prop_assert_eq!(&records.training, &vec![training]);
        check_findings(dir.path(), &folder)?;
    }
}
