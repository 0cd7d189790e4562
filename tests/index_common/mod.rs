//! What the index tests share: a small generated workspace, copied fresh for each case,
//! and the comparison of an indexed read with a full one.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rightfirst::analysis::{self, Figures, Period};
use rightfirst::model::Date;
use rightfirst::store::{self, Finding, Folder, IndexUse};

/// A workspace of the sample business grown to `ORDERS` orders, made once per test binary.
fn template() -> &'static Path {
    static TEMPLATE: OnceLock<tempfile::TempDir> = OnceLock::new();
    TEMPLATE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let root = dir.path().join("ws");
            store::create(&root, rightfirst::sample::FILES).expect("sample");
            rightfirst::generate::grow(&root, ORDERS).expect("grow");
            dir
        })
        .path()
}

/// How many orders the template holds.
pub const ORDERS: usize = 40;

/// A fresh copy of the template in `into`, returning the workspace's folder.
pub fn workspace(into: &Path) -> PathBuf {
    let root = into.join("ws");
    copy(&template().join("ws"), &root);
    root
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Every order file, relative to the workspace, sorted.
pub fn order_files(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for month in fs::read_dir(root.join("orders")).expect("orders") {
        let month = month.expect("month");
        if !month.file_type().expect("type").is_dir() {
            continue;
        }
        for file in fs::read_dir(month.path()).expect("month folder") {
            let file = file.expect("file");
            files.push(format!(
                "orders/{}/{}",
                month.file_name().to_string_lossy(),
                file.file_name().to_string_lossy()
            ));
        }
    }
    files.sort();
    files
}

/// The index in `cache`, taking this run to start ten seconds from now so that files a
/// test has just written are not racily clean (the stamps alone must tell).
pub fn shifted(cache: &Path) -> IndexUse {
    IndexUse::Shifted(cache.to_path_buf(), 10_000_000_000)
}

/// What `check` and `report` see: the findings, the records read, and the figures.
#[derive(Debug, PartialEq)]
pub struct Answer {
    pub findings: Vec<Finding>,
    pub records: usize,
    pub figures: Figures,
    pub warning: Option<String>,
}

/// `check` and `report --from 2000-01-01 --to 2030-12-31` on `root`, through `index`.
pub fn answer(root: &Path, index: &IndexUse) -> Answer {
    let checked = Folder::check_with(root, index).expect("check");
    let today: Date = "2026-12-01".parse().expect("date");
    let period = Period {
        from: "2000-01-01".parse().expect("date"),
        to: "2030-12-31".parse().expect("date"),
    };
    let (read, figures) = analysis::read_with(root, period, today, index).expect("report");
    assert_eq!(
        read.findings(),
        checked.findings(),
        "report and check found the same"
    );
    Answer {
        findings: checked.findings().to_vec(),
        records: checked.record_count(),
        figures,
        warning: checked.index_warning().map(str::to_owned),
    }
}

/// The index files in `cache`.
pub fn index_files(cache: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(cache.join("index")) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "idx"))
        .collect();
    files.sort();
    files
}
