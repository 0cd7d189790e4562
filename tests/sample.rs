//! The bundled sample is the first thing every new user sees: it must check clean,
//! and be written exactly as the app would write it, so a first save diffs only what changed.

use std::path::Path;
use std::process::Command;

use rightfirst::model::{Checklist, Order, Procedure, Training, Workspace};
use rightfirst::store::Folder;
use rightfirst::store::format::{parse, print};

fn reprint(relative: &str, text: &str) -> String {
    let first = relative.split('/').next().unwrap_or_default();
    let second = relative.split('/').nth(1).unwrap_or_default();
    match (first, second) {
        ("workspace.ron", _) => print(&parse::<Workspace>(text).unwrap()),
        ("procedures", _) | ("archive", "procedures") => print(&parse::<Procedure>(text).unwrap()),
        ("checklists", _) | ("archive", "checklists") => print(&parse::<Checklist>(text).unwrap()),
        ("orders", _) => print(&parse::<Order>(text).unwrap()),
        ("training", _) => print(&parse::<Training>(text).unwrap()),
        _ => panic!("{relative} is not in the layout"),
    }
}

#[test]
fn every_sample_file_is_written_as_the_app_writes_it() {
    assert!(rightfirst::sample::FILES.len() > 30);
    for (relative, bytes) in rightfirst::sample::FILES {
        let text = std::str::from_utf8(bytes).unwrap();
        assert_eq!(
            reprint(relative, text),
            text,
            "{relative} is not in the app's own layout"
        );
    }
}

#[test]
fn the_sample_checks_clean_and_tells_its_story() {
    let folder = Folder::inspect(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("procedures")
            .as_path(),
    )
    .unwrap();
    let findings: Vec<String> = folder.findings().iter().map(ToString::to_string).collect();
    assert!(findings.is_empty(), "{findings:#?}");
    let records = folder.records();
    assert!(records.procedures.len() >= 6);
    assert!(records.checklists.len() >= 3);
    assert!(records.orders.len() >= 20);
    assert!((3..=4).contains(&records.training.len()));
    let months: std::collections::BTreeSet<String> = records
        .orders
        .iter()
        .map(|o| o.placed.month_folder())
        .collect();
    assert!(months.len() >= 3, "{months:?}");
}

#[test]
fn check_on_the_sample_exits_zero() {
    let output = Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .args(["check", concat!(env!("CARGO_MANIFEST_DIR"), "/procedures")])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.ends_with("0 errors, 0 warnings\n"), "{stdout}");
}
