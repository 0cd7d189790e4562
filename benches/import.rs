//! How long importing a till's CSV of 20,000 orders takes, into a fresh copy of the sample
//! workspace on the real disk (flushes and all), and how long a second run that skips them all
//! takes. Target: under 30 s for the 20,000.
//!
//! `cargo bench --bench import`; `RIGHTFIRST_BENCH_DIR` picks the disk (default: the temp dir).

use std::path::Path;
use std::time::{Duration, Instant};

use rightfirst::import::{self, Summary};
use rightfirst::store::{self, Folder};

const ROWS: usize = 20_000;
const RUNS: usize = 5;

/// A CSV as a till exports it: two years of orders by the sample's staff.
fn csv() -> String {
    let staff = ["ellen", "tom", "priya", "jake"];
    let products = [
        "Cone, 2 balls",
        "Cup, 3 balls",
        "Ham roll",
        "Waffle with cream",
    ];
    let mut text = String::from("id,placed,customer,product,made_by\n");
    for n in 0..ROWS {
        let month = n % 24;
        text.push_str(&format!(
            "T{n:06},{}-{:02}-{:02},{},\"{}\",{}\n",
            2025 + month / 12,
            month % 12 + 1,
            n % 28 + 1,
            if n % 3 == 0 { "" } else { "Fam. Peeters" },
            products[n % products.len()],
            staff[n % staff.len()],
        ));
    }
    text
}

/// A Shopify orders export: a row per line item, the order's columns on its first row only.
fn shopify() -> String {
    let mut text = String::from(
        "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Billing Name\n",
    );
    for n in 0..ROWS / 2 {
        text.push_str(&format!(
            "#{n},z@example.nl,paid,2026-{:02}-{:02} 10:15:05 +0100,2,White bread,\"Zoë, café\"\n#{n},,,,1,Apple pie,\n",
            n % 12 + 1,
            n % 28 + 1,
        ));
    }
    text
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// One import: how long it took in all, how long until writing began (reading the CSV,
/// opening the workspace), the slowest batch, and what it did.
struct Timed {
    took: Duration,
    writing_from: Duration,
    slowest_batch: Duration,
    summary: Summary,
}

fn import(root: &Path, csv: &Path) -> Timed {
    let start = Instant::now();
    let marks = std::cell::RefCell::new(Vec::new());
    let summary = import::import_file(root, csv, &import::Choices::default(), &|_, _| {
        marks.borrow_mut().push(start.elapsed());
    })
    .unwrap_or_else(|error| panic!("the import failed: {error}"));
    let marks = marks.into_inner();
    Timed {
        took: start.elapsed(),
        writing_from: marks.first().copied().unwrap_or_default(),
        slowest_batch: marks
            .windows(2)
            .map(|pair| pair[1] - pair[0])
            .max()
            .unwrap_or_default(),
        summary,
    }
}

fn main() {
    let base = std::env::var_os("RIGHTFIRST_BENCH_DIR").map_or_else(std::env::temp_dir, Into::into);
    let dir = tempfile::Builder::new()
        .prefix("rightfirst-import-bench-")
        .tempdir_in(&base)
        .expect("a temp folder");
    let text = csv();
    let csv = dir.path().join("orders.csv");
    std::fs::write(&csv, &text).expect("write the csv");
    println!(
        "import: {ROWS} rows ({} KiB of CSV) into a copy of the sample workspace in {}",
        text.len() / 1024,
        base.display()
    );

    let parse = {
        let root = dir.path().join("parse");
        store::create(&root, rightfirst::sample::FILES).expect("the sample");
        let folder = Folder::open(&root).expect("opens");
        let start = Instant::now();
        let choices = import::Choices::default();
        let reading = import::read(text.as_bytes(), "orders.csv", folder.records(), &choices)
            .expect("every row is good");
        assert_eq!(reading.orders.len(), ROWS);
        let shop = Instant::now();
        let choices = import::Choices {
            made_by: Some("ellen".to_owned()),
            ..import::Choices::default()
        };
        let reading = import::read(shopify().as_bytes(), "shop.csv", folder.records(), &choices)
            .expect("every row is good");
        assert_eq!(reading.orders.len(), ROWS / 2);
        (shop - start, shop.elapsed())
    };
    println!("  reading and checking the rows alone: {:.2?}", parse.0);
    println!(
        "  the same for {ROWS} rows of a Shopify-shaped export (two line items an order): {:.2?}",
        parse.1
    );

    let mut first = Vec::new();
    let mut again = Vec::new();
    for run in 0..RUNS {
        let root = dir.path().join(format!("ws{run}"));
        store::create(&root, rightfirst::sample::FILES).expect("the sample");
        let timed = import(&root, &csv);
        assert_eq!((timed.summary.imported, timed.summary.skipped), (ROWS, 0));
        first.push(timed.took);
        let second = import(&root, &csv);
        assert_eq!((second.summary.imported, second.summary.skipped), (0, ROWS));
        again.push(second.took);
        println!(
            "  run {run}: import {:.2?} (writing from {:.2?}, slowest batch {:.2?}), second run {:.2?}",
            timed.took, timed.writing_from, timed.slowest_batch, second.took
        );
        std::fs::remove_dir_all(&root).expect("clean up");
    }
    let first = median(first);
    let again = median(again);
    println!(
        "import of {ROWS} rows: median {first:.2?} of {RUNS} runs, {:.0} rows/s (target: under 30 s)",
        ROWS as f64 / first.as_secs_f64()
    );
    println!(
        "second run, all {ROWS} skipped: median {again:.2?}, {:.0} rows/s",
        ROWS as f64 / again.as_secs_f64()
    );
}
