//! Five years of orders: how `check` and `report` compare with merely reading the files, and
//! their peak memory.
//!
//! `cargo bench --bench scale` (SCALE_ORDERS=100000 by default). Prints figures side by side
//! in one run; it asserts nothing, since timings belong in notes, not in pass/fail.

use std::ffi::OsStr;
use std::path::Path;
use std::time::{Duration, Instant};

mod floor;

use floor::{files, median, ms, read_floor, run, timed, workspace};

fn check_in_process(dir: &Path) -> (Duration, usize) {
    let started = Instant::now();
    let folder = rightfirst::store::Folder::check(dir).expect("a workspace");
    let findings = folder.findings().len();
    drop(folder);
    (started.elapsed(), findings)
}

/// `rightfirst ARGS` as a user runs it: how long it took and its exit code.
fn process(args: &[&OsStr]) -> (Duration, Option<i32>) {
    // The full read: what the index (benches/index.rs) is measured against.
    timed(args, &[("RIGHTFIRST_NO_INDEX", OsStr::new("1"))])
}

/// The peak resident memory of `rightfirst ARGS` (the full read), in KiB.
fn peak_kib(args: &[&OsStr]) -> Option<u64> {
    run(args, &[("RIGHTFIRST_NO_INDEX", OsStr::new("1"))]).1
}

/// Runs of each figure; the median is printed. Five, since the ratios moved by a tenth
/// between runs of three on a machine doing nothing else.
const RUNS: usize = 5;

/// The day the generated orders end on, so `report` looks at the same days every run.
const TODAY: &str = "2026-11-23";

/// `report`'s work in process: reading the workspace while adding each order into the
/// figures of the default 90 days.
fn report_in_process(dir: &Path) -> Duration {
    use rightfirst::analysis::{Period, read};
    let today = TODAY.parse().expect("a date");
    let started = Instant::now();
    let (folder, figures) =
        read(dir, Period::last_days(today, Period::DEFAULT_DAYS), today).expect("a workspace");
    let took = started.elapsed();
    assert!(folder.records().orders.is_empty() && figures.orders > 0);
    took
}

/// The dashboard's way: every order read into memory, then the figures alone, for the
/// default 90 days and for every order at once (the most work the analysis can be given).
fn figures_in_memory(dir: &Path) -> (Duration, Duration, Duration, usize) {
    use rightfirst::analysis::{Period, figures};
    let today = TODAY.parse().expect("a date");
    let started = Instant::now();
    let folder = rightfirst::store::Folder::read(dir).expect("a workspace");
    let read = started.elapsed();
    let records = folder.records();
    let started = Instant::now();
    let recent = figures(
        records,
        Period::last_days(today, Period::DEFAULT_DAYS),
        today,
    );
    let default = started.elapsed();
    let all = Period {
        from: records.orders.first().map_or(today, |o| o.placed),
        to: today,
    };
    let started = Instant::now();
    let everything = figures(records, all, today);
    let whole = started.elapsed();
    assert!(recent.orders <= everything.orders);
    (read, default, whole, everything.orders)
}

fn main() {
    let orders: usize = std::env::var("SCALE_ORDERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let dir = workspace(orders);
    let check_args = [OsStr::new("check"), dir.as_os_str()];
    let report_args = [
        OsStr::new("report"),
        OsStr::new("--json"),
        OsStr::new("--today"),
        OsStr::new(TODAY),
        dir.as_os_str(),
    ];
    // Warm the page cache once, so every run below measures the same thing.
    let (_, bytes) = read_floor(&dir);
    let (mut floors, mut checks, mut check_runs) = (Vec::new(), Vec::new(), Vec::new());
    let (mut reads, mut recent, mut whole, mut report_runs) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut reports = Vec::new();
    let (mut findings, mut check_exit, mut report_exit, mut analysed) = (0, None, None, 0);
    // The processes first, each after the floor: a process started while this one is
    // still handing back the memory of 100,000 orders ran up to a third slower.
    for _ in 0..RUNS {
        floors.push(read_floor(&dir).0);
        let (took, code) = process(&check_args);
        check_runs.push(took);
        check_exit = code;
        let (took, code) = process(&report_args);
        report_runs.push(took);
        report_exit = code;
        let (took, found) = check_in_process(&dir);
        checks.push(took);
        findings = found;
        reports.push(report_in_process(&dir));
        let (read, default, all, orders) = figures_in_memory(&dir);
        reads.push(read);
        recent.push(default);
        whole.push(all);
        analysed = orders;
    }
    let (check_peak, report_peak) = (peak_kib(&check_args), peak_kib(&report_args));
    let floor = median(floors);
    let (check, check_run) = (median(checks), median(check_runs));
    let (report, read, recent, whole, report_run) = (
        median(reports),
        median(reads),
        median(recent),
        median(whole),
        median(report_runs),
    );
    let ratio = |took: Duration| format!("{:.2}", took.as_secs_f64() / floor.as_secs_f64());
    let megabytes = |kib: Option<u64>| kib.map_or("-".to_owned(), |k| format!("{} MB", k / 1024));
    println!(
        "workspace: {} ({} files, {:.1} MB)",
        dir.display(),
        files(&dir).len(),
        bytes as f64 / 1e6
    );
    let rows = [
        (
            &*format!("figure (median of {RUNS}, warm cache)"),
            "value".to_owned(),
        ),
        ("read every file (floor)", ms(floor)),
        ("Folder::check (in process)", ms(check)),
        ("`rightfirst check` (process)", ms(check_run)),
        ("check in process / floor", ratio(check)),
        ("check process / floor", ratio(check_run)),
        ("peak memory of `check`", megabytes(check_peak)),
        (
            "findings / check exit code",
            format!("{findings} / {}", check_exit.unwrap_or(-1)),
        ),
        ("report, read + figures (in process)", ms(report)),
        ("`rightfirst report --json` (proc.)", ms(report_run)),
        ("report in process / floor", ratio(report)),
        ("report process / floor", ratio(report_run)),
        ("peak memory of `report`", megabytes(report_peak)),
        ("Folder::read, every order kept", ms(read)),
        ("then figures, default 90 days", ms(recent)),
        ("then figures, every order", ms(whole)),
        ("orders in every-order figures", analysed.to_string()),
        ("report exit code", report_exit.unwrap_or(-1).to_string()),
    ];
    for (figure, value) in rows {
        println!("{figure:<36}{value:>12}");
    }
}
