//! The printed manual of a large business: 100 procedures and 50 checklists, made in
//! memory, exported as PDF, HTML and Markdown.
//!
//! `cargo bench --bench manual` (MANUAL_PROCEDURES=100 by default). Prints the times and
//! the pages the PDF has; the PDF of 100 procedures should take well under a second in a
//! release build. It asserts nothing, since timings belong in notes, not in pass/fail.

use std::time::{Duration, Instant};

use rightfirst::export::{ManualFormat, ManualOptions, Paper, manual};
use rightfirst::model::{
    Change, Checklist, Date, Item, ItemKind, Language, Number, Person, Procedure, Records, Role,
    Spec, Status, Step, Workspace,
};

const SENTENCES: &[&str] = &[
    "Take the scoop out of the warm water bath and tap the water off on the edge of the bath.",
    "Weigh the portion on the counter scale and write the weight on the day sheet.",
    "Wash your hands at the hand basin with soap, then dry them on a paper towel.",
    "Read the thermometer in the display freezer, not the figure on the door.",
    "Brush both plates lightly with the oil brush, once every five waffles, and close the lid.",
    "Vul de kan tot de onderste streep met koude volle melk en zet hem in de koeling.",
];

fn day(month: i8, day: i8) -> Date {
    Date::new(2026, month, day).expect("a real day")
}

fn number(value: f64) -> Option<Number> {
    Number::new(value)
}

fn approved(n: usize) -> Status {
    Status::Approved {
        by: "anna".into(),
        on: day(1 + (n % 12) as i8, 1 + (n % 28) as i8),
    }
}

fn procedure(n: usize) -> Procedure {
    let steps = (0..8)
        .map(|s| Step {
            id: format!("s{s}"),
            text: format!(
                "{} {}",
                SENTENCES[(n + s) % SENTENCES.len()],
                SENTENCES[(n + s + 1) % SENTENCES.len()]
            ),
            spec: (s % 3 == 1).then(|| Spec {
                what: "ball weight".into(),
                unit: "g".into(),
                target: number(65.0),
                min: number(60.0),
                max: number(70.0),
            }),
            warning: (s % 4 == 2).then(|| {
                "Never press the ice cream into the scoop: a cold scoop makes hollow balls.".into()
            }),
            photos: Vec::new(),
        })
        .collect();
    Procedure {
        id: format!("procedure-{n:03}"),
        title: format!("Procedure number {n} of the shop: ëén twee"),
        purpose: "Every customer gets the same portion, whoever serves.".into(),
        scope: "All cones and cups at the counter, every day we open.".into(),
        owner: "anna".into(),
        revision: 3,
        status: approved(n),
        review_by: Some(day(12, 1)),
        steps,
        changes: (2..=3)
            .map(|revision| Change {
                revision,
                on: day(revision as i8, 1),
                by: "anna".into(),
                note: "Portion narrowed after light balls came back from customers.".into(),
                retrain: true,
            })
            .collect(),
    }
}

fn checklist(n: usize) -> Checklist {
    let kinds = [
        ItemKind::Measure {
            unit: "g".into(),
            min: number(60.0),
            max: number(70.0),
        },
        ItemKind::Tick,
        ItemKind::Choice {
            options: vec!["round and firm".into(), "flat".into(), "melting".into()],
            pass: vec!["round and firm".into()],
        },
        ItemKind::Text,
    ];
    Checklist {
        id: format!("check-{n:03}"),
        title: format!("Second check number {n}"),
        procedure: Some(format!("procedure-{:03}", n * 2)),
        four_eyes: true,
        revision: 1,
        status: approved(n),
        items: (0..6)
            .map(|i| Item {
                id: format!("i{i}"),
                prompt: "You weigh the ball on the counter scale and compare it with the slip."
                    .into(),
                kind: kinds[i % kinds.len()].clone(),
                step: None,
                critical: i % 3 == 0,
            })
            .collect(),
        changes: Vec::new(),
    }
}

fn workspace(procedures: usize) -> Records {
    let mut records = Records::new(Workspace {
        format: 1,
        name: "IJssalon De Hoorn".into(),
        language: "nl".into(),
        staff: vec![Person {
            id: "anna".into(),
            name: "Anna de Vries".into(),
            role: Role::Owner,
            left: None,
            pin: None,
        }],
        defect_categories: Vec::new(),
        recurrence: rightfirst::model::Recurrence::default(),
        contacts_per_order_alarm: Number::default(),
        import_mappings: Vec::new(),
    });
    records.procedures = (0..procedures).map(procedure).collect();
    records.checklists = (0..procedures / 2).map(checklist).collect();
    records
}

/// The pages of a PDF typst wrote: it writes each page's object as plain text, with
/// `/Type/Page` (the page tree's `/Type/Pages` is not one).
fn pages(pdf: &[u8]) -> usize {
    (0..pdf.len())
        .filter(|&at| pdf[at..].starts_with(b"/Type"))
        .filter(|&at| {
            let rest = &pdf[at + b"/Type".len()..];
            let rest = &rest[rest.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
            rest.starts_with(b"/Page") && rest.get(5).is_none_or(|b| !b.is_ascii_alphanumeric())
        })
        .count()
}

/// How long the manual took, and its size: bytes, and pages for a PDF.
fn time(records: &Records, format: ManualFormat) -> (Duration, usize, Option<usize>) {
    let options = ManualOptions {
        format,
        language: Language::Nl,
        paper: Paper::A4,
        procedures: Vec::new(),
        drafts: false,
        today: day(11, 23),
    };
    let started = Instant::now();
    let bytes = match manual(records, &options, &|_, _| {}) {
        Ok(bytes) => bytes,
        Err(error) => panic!("the manual exports: {error}"),
    };
    let elapsed = started.elapsed();
    let pages = (format == ManualFormat::Pdf).then(|| pages(&bytes));
    (elapsed, bytes.len(), pages)
}

fn main() {
    let procedures = std::env::var("MANUAL_PROCEDURES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100);
    let records = workspace(procedures);
    println!(
        "manual of {procedures} procedures and {} checklists",
        records.checklists.len()
    );
    // Parse the fonts once, as the window's first export of the day does.
    let started = Instant::now();
    let _ = time(&workspace(1), ManualFormat::Pdf);
    println!(
        "warm-up   {:>8.1?}  (fonts, a one-procedure manual)",
        started.elapsed()
    );
    for format in [
        ManualFormat::Pdf,
        ManualFormat::Html,
        ManualFormat::Markdown,
    ] {
        let mut runs: Vec<(Duration, usize, Option<usize>)> = (0..3)
            .map(|_| {
                // typst memoizes layouts across compiles; forget them so every run starts cold,
                // as the export of a workspace that just changed does.
                comemo::evict(0);
                time(&records, format)
            })
            .collect();
        runs.sort();
        let (best, bytes, pages) = runs[0];
        let (median, _, _) = runs[1];
        let pages = pages.map(|n| format!(", {n} pages")).unwrap_or_default();
        println!(
            "{:<9} best {:>8.1?}  median of 3 {:>8.1?}  {:>9} bytes{pages}",
            format.extension(),
            best,
            median,
            bytes
        );
    }
    comemo::evict(0);
    let mut warm = records.clone();
    warm.procedures[0].steps[0].text.push_str(" One word more.");
    let _ = time(&records, ManualFormat::Pdf);
    let (again, _, _) = time(&warm, ManualFormat::Pdf);
    println!("pdf again after one step changed {again:>8.1?}  (typst's memo of the last export)");
}
