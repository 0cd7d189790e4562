//! What the scale benches share: the generated workspace of five years of orders, and
//! the floor they are measured against (reading every file once on all cores).

#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rayon::prelude::*;

/// The sample business grown to `orders` orders, in the bench's temp folder; made once.
pub fn workspace(orders: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("scale-{orders}"));
    if !dir.join("workspace.ron").exists() {
        rightfirst::store::create(&dir, rightfirst::sample::FILES)
            .expect("sample workspace created");
    }
    let started = Instant::now();
    let written = rightfirst::generate::grow(&dir, orders).expect("workspace grown");
    if written > 0 {
        eprintln!("generated {written} orders in {:.1?}", started.elapsed());
        // Files written within the index's two-second window are read every time
        // (racily clean); a workspace in use is older than that.
        std::thread::sleep(Duration::from_millis(2100));
    }
    dir
}

/// Every `.ron` file under `dir`, no links followed.
pub fn files(dir: &Path) -> Vec<PathBuf> {
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
pub fn read_floor(dir: &Path) -> (Duration, u64) {
    let started = Instant::now();
    let bytes: u64 = files(dir)
        .par_iter()
        .map(|path| std::fs::read(path).map_or(0, |b| b.len() as u64))
        .sum();
    (started.elapsed(), bytes)
}

/// A duration as milliseconds: `{:.0?}` would print 1.4 s as "1s".
pub fn ms(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}

pub fn median<T: Ord + Copy>(mut runs: Vec<T>) -> T {
    runs.sort();
    runs[runs.len() / 2]
}

/// One run of `rightfirst ARGS` with `env` added, waited for and nothing else: wall time
/// and exit code. Its peak memory is measured in runs of its own ([`run`]): reading /proc
/// every millisecond took a little of the cores the run itself uses.
pub fn timed(args: &[&OsStr], env: &[(&str, &OsStr)]) -> (Duration, Option<i32>) {
    let started = Instant::now();
    let status = rightfirst(args, env).status().expect("rightfirst runs");
    (started.elapsed(), status.code())
}

/// `rightfirst ARGS` with `env` added (and the full read not asked for unless `env` asks),
/// its output dropped.
fn rightfirst(args: &[&OsStr], env: &[(&str, &OsStr)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rightfirst"));
    command
        .args(args)
        .env_remove("RIGHTFIRST_NO_INDEX")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// One run of `rightfirst ARGS` with `env` added: wall time, peak memory in KiB and exit
/// code. The peak is read from /proc while it runs (VmHWM only grows, so the last reading
/// before the exit is the peak, to within a millisecond); not getrusage's figure for
/// children: a child spawned with vfork shares this process's memory until it execs, and
/// Linux counts that into the child's peak.
pub fn run(args: &[&OsStr], env: &[(&str, &OsStr)]) -> (Duration, Option<u64>, Option<i32>) {
    let started = Instant::now();
    let mut child = rightfirst(args, env).spawn().expect("rightfirst runs");
    let status = format!("/proc/{}/status", child.id());
    let mut peak = None;
    let code = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status.code();
        }
        if let Ok(text) = std::fs::read_to_string(&status)
            && let Some(kib) = text
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        {
            peak = Some(kib);
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    (started.elapsed(), peak, code)
}
