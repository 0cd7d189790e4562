//! The index of `check` and `report` on five years of orders: cold (no index), warm
//! (nothing changed) and after 100 orders changed elsewhere, side by side with the floor
//! of merely reading every file, with the peak memory of each run.
//!
//! `cargo bench --bench index` (SCALE_ORDERS=100000 by default, INDEX_RUNS=5). Every
//! figure is one `rightfirst` process as a user runs it, its index in a cache folder of its
//! own (XDG_CACHE_HOME); the peak is the process's VmHWM, read from /proc while it runs,
//! in runs of their own: the timed runs are only waited for.
//! Prints the machine's load before and after; asserts nothing, since timings belong in
//! notes, not in pass/fail.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod floor;

use floor::{files, median, ms, read_floor, run, timed, workspace};

/// The environment of a run whose index lives in `cache`.
fn index_in(cache: &Path) -> [(&'static str, &OsStr); 1] {
    [("XDG_CACHE_HOME", cache.as_os_str())]
}

/// Changes `count` order files, a different stretch each `round`, as another desk would:
/// a blank line added at the end (the order and its figures stay the same).
fn change_orders(orders: &[PathBuf], round: usize, count: usize) {
    for path in orders.iter().cycle().skip(round * count).take(count) {
        let mut text = std::fs::read_to_string(path).expect("order read");
        text.push('\n');
        std::fs::write(path, text).expect("order written");
    }
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "-".to_owned())
}

/// Medians of one kind of run: time, peak memory, exit code.
#[derive(Default)]
struct Runs {
    times: Vec<Duration>,
    peaks: Vec<u64>,
    code: Option<i32>,
}

impl Runs {
    fn add(&mut self, (took, code): (Duration, Option<i32>)) {
        self.times.push(took);
        self.code = code;
    }
    fn watched(&mut self, (_, peak, _): (Duration, Option<u64>, Option<i32>)) {
        self.peaks.extend(peak);
    }
    fn time(&self) -> Duration {
        median(self.times.clone())
    }
    fn peak(&self) -> String {
        self.peaks
            .iter()
            .max()
            .map_or("-".to_owned(), |kib| format!("{} MB", kib / 1024))
    }
}

const TODAY: &str = "2026-11-23";

fn main() {
    let orders: usize = std::env::var("SCALE_ORDERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let rounds: usize = std::env::var("INDEX_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let dir = workspace(orders);
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("index-cache");
    let order_files: Vec<PathBuf> = files(&dir.join("orders"));
    let check = [OsStr::new("check"), dir.as_os_str()];
    let report = [
        OsStr::new("report"),
        OsStr::new("--json"),
        OsStr::new("--today"),
        OsStr::new(TODAY),
        dir.as_os_str(),
    ];
    let load_before = load();
    // Warm the page cache once, so every run below measures the same thing.
    let (_, bytes) = read_floor(&dir);
    let mut floors = Vec::new();
    let names = ["cold", "warm", "100 changed"];
    let mut checks: [Runs; 3] = Default::default();
    let mut reports: [Runs; 3] = Default::default();
    for round in 0..rounds {
        for (args, runs) in [(&check[..], &mut checks), (&report[..], &mut reports)] {
            let kind = usize::from(args[0] == "report");
            floors.push(read_floor(&dir).0);
            let _ = std::fs::remove_dir_all(&cache);
            runs[0].add(timed(args, &index_in(&cache)));
            runs[1].add(timed(args, &index_in(&cache)));
            change_orders(&order_files, round * 4 + kind, 100);
            runs[2].add(timed(args, &index_in(&cache)));
            // The same three again, watched for their peak memory.
            let _ = std::fs::remove_dir_all(&cache);
            runs[0].watched(run(args, &index_in(&cache)));
            runs[1].watched(run(args, &index_in(&cache)));
            change_orders(&order_files, round * 4 + 2 + kind, 100);
            runs[2].watched(run(args, &index_in(&cache)));
        }
    }
    let load_after = load();
    let floor = median(floors);
    let ratio = |took: Duration| format!("{:.2}x", took.as_secs_f64() / floor.as_secs_f64());
    let index_size = std::fs::read_dir(cache.join("rightfirst/index"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| entry.metadata().ok())
        .map(|meta| meta.len())
        .sum::<u64>();
    println!(
        "workspace: {} ({} files, {:.1} MB); index {:.1} MB",
        dir.display(),
        files(&dir).len(),
        bytes as f64 / 1e6,
        index_size as f64 / 1e6
    );
    println!("load average before: {load_before}; after: {load_after}");
    println!(
        "{:<34}{:>12}{:>10}{:>10}",
        format!("median of {rounds}, warm page cache"),
        "time",
        "/ floor",
        "peak"
    );
    println!("{:<34}{:>12}", "read every file (floor)", ms(floor));
    for (command, runs) in [("check", &checks), ("report --json", &reports)] {
        for (name, runs) in names.iter().zip(runs) {
            let label = format!("`{command}` {name}");
            println!(
                "{label:<34}{:>12}{:>10}{:>10}",
                ms(runs.time()),
                ratio(runs.time()),
                runs.peak()
            );
        }
        let after = runs[2].time().as_secs_f64() - runs[1].time().as_secs_f64();
        println!(
            "{:<34}{:>12}   (exit code {})",
            format!("`{command}` 100 changed - warm"),
            format!("{:.1} ms", after * 1000.0),
            runs[0].code.unwrap_or(-1)
        );
    }
}
