//! Five years of orders: how `check` compares with merely reading the files, and its peak memory.
//!
//! `cargo bench --bench scale` (SCALE_ORDERS=100000 by default). Prints figures side by side
//! in one run; it asserts nothing, since timings belong in notes, not in pass/fail.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rayon::prelude::*;

fn workspace(orders: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("scale-{orders}"));
    if !dir.join("workspace.ron").exists() {
        rightfirst::store::create(&dir, rightfirst::sample::FILES)
            .expect("sample workspace created");
    }
    let started = Instant::now();
    let written = rightfirst::generate::grow(&dir, orders).expect("workspace grown");
    if written > 0 {
        eprintln!("generated {written} orders in {:.1?}", started.elapsed());
    }
    dir
}

/// Every file the loader would read, listed the same way (no links followed).
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() && entry.path().extension().is_some_and(|e| e == "ron") {
                out.push(entry.path());
            }
        }
    }
    out
}

/// The floor: list and read every file on all cores, doing nothing with the bytes.
fn read_floor(dir: &Path) -> (Duration, u64) {
    let started = Instant::now();
    let bytes: u64 = files(dir)
        .par_iter()
        .map(|path| std::fs::read(path).map_or(0, |b| b.len() as u64))
        .sum();
    (started.elapsed(), bytes)
}

fn check_in_process(dir: &Path) -> (Duration, usize) {
    let started = Instant::now();
    let folder = rightfirst::store::Folder::check(dir).expect("a workspace");
    let findings = folder.findings().len();
    drop(folder);
    (started.elapsed(), findings)
}

/// `rightfirst check` as a user runs it, with the child's peak resident memory.
fn check_process(dir: &Path) -> (Duration, Option<i32>, u64) {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .arg("check")
        .arg(dir)
        .output()
        .expect("rightfirst runs");
    let elapsed = started.elapsed();
    (elapsed, output.status.code(), children_peak_rss_kib())
}

#[cfg(unix)]
fn children_peak_rss_kib() -> u64 {
    // SAFETY: getrusage writes into the zeroed struct we own.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage.ru_maxrss as u64
    }
}

#[cfg(not(unix))]
fn children_peak_rss_kib() -> u64 {
    0
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    let orders: usize = std::env::var("SCALE_ORDERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let dir = workspace(orders);
    // Warm the page cache once, so every run below measures the same thing.
    let (_, bytes) = read_floor(&dir);
    let (mut floors, mut checks, mut processes) = (Vec::new(), Vec::new(), Vec::new());
    let mut findings = 0;
    let mut exit = None;
    for _ in 0..3 {
        floors.push(read_floor(&dir).0);
        let (took, found) = check_in_process(&dir);
        checks.push(took);
        findings = found;
        let (took, code, _) = check_process(&dir);
        processes.push(took);
        exit = code;
    }
    let peak_kib = children_peak_rss_kib();
    let (floor, check, process) = (median(floors), median(checks), median(processes));
    println!(
        "workspace: {} ({} files, {:.1} MB)",
        dir.display(),
        files(&dir).len(),
        bytes as f64 / 1e6
    );
    println!("{:<34}{:>10}", "figure (median of 3, warm cache)", "value");
    println!("{:<34}{:>9.0?}", "read every file (floor)", floor);
    println!("{:<34}{:>9.0?}", "Folder::check (in process)", check);
    println!("{:<34}{:>9.0?}", "`rightfirst check` (process)", process);
    println!(
        "{:<34}{:>10.2}",
        "check in process / floor",
        check.as_secs_f64() / floor.as_secs_f64()
    );
    println!(
        "{:<34}{:>10.2}",
        "check process / floor",
        process.as_secs_f64() / floor.as_secs_f64()
    );
    println!("{:<34}{:>7} MB", "peak memory of `check`", peak_kib / 1024);
    println!(
        "{:<34}{:>10}",
        "findings / check exit code",
        format!("{findings} / {}", exit.unwrap_or(-1))
    );
}
