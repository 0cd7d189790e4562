//! The same workspace gives the same bytes in two separate processes, so no cache that
//! lives inside one process (typst memoizes layouts) can hide a difference.

use std::path::{Path, PathBuf};
use std::process::Command;

use rightfirst::export::{Format, order_record};
use rightfirst::model::{DateTime, Language};
use rightfirst::store::Folder;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("procedures")
}

/// `rightfirst export` of the sample in this format, in a process of its own.
fn export(format: &str, out: &Path) -> Vec<u8> {
    let run = Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .arg("export")
        .arg(sample())
        .arg("-o")
        .arg(out)
        .args(["--format", format])
        .output()
        .expect("rightfirst runs");
    assert!(run.status.success(), "{run:?}");
    std::fs::read(out).expect("the export wrote its file")
}

#[test]
fn two_exports_of_the_manual_are_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["pdf", "html"] {
        let first = export(format, &dir.path().join(format!("first.{format}")));
        let second = export(format, &dir.path().join(format!("second.{format}")));
        assert!(first.len() > 1000, "{format}: {} bytes", first.len());
        assert!(first == second, "two {format} exports differ");
    }
}

/// Writes the QC record of order 2026-11-0026 as PDF to `RIGHTFIRST_RECORD_TO`: run in a
/// child process by the test below.
#[test]
#[ignore = "the child process of two_qc_records_from_two_processes_are_the_same_bytes"]
fn write_a_qc_record() {
    let Ok(to) = std::env::var("RIGHTFIRST_RECORD_TO") else {
        return;
    };
    let folder = Folder::read(&sample()).expect("the sample opens");
    let records = folder.records();
    let order = records.orders.iter().find(|o| o.id == "2026-11-0026");
    let order = order.expect("the sample has the order");
    let printed: DateTime = "2026-11-23T10:00".parse().expect("a valid time");
    let pdf = order_record(records, order, Format::Pdf, Language::Nl, printed).expect("exports");
    std::fs::write(to, pdf).expect("written");
}

#[test]
fn two_qc_records_from_two_processes_are_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let me = std::env::current_exe().expect("this test binary");
    let record = |name: &str| {
        let to = dir.path().join(name);
        let run = Command::new(&me)
            .args(["--exact", "--ignored", "write_a_qc_record"])
            .env("RIGHTFIRST_RECORD_TO", &to)
            .output()
            .expect("the child runs");
        assert!(run.status.success(), "{run:?}");
        std::fs::read(&to).expect("the child wrote the record")
    };
    let first = record("first.pdf");
    let second = record("second.pdf");
    assert!(first.starts_with(b"%PDF-"));
    assert!(first == second, "two QC records differ");
}
