//! Hand-written training history (issue 16, point 8): a record that signs a revision the
//! procedure's changes list names but whose file is not in archive/ counts, with a warning
//! at the procedure; a revision in neither place stays an error; and a paper sign-off is
//! recorded by an Owner.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// The bakery of the issue: Noor signed "Brood bakken" revision 1; the procedure is at
/// revision 2, its changes list names revision 1, and archive/ has no file for it.
const BAKERY: &[(&str, &str)] = &[
    (
        "workspace.ron",
        r#"Workspace(
    format: 1,
    name: "Bakkerij Jansen",
    language: "nl",
    staff: [
        Person(id: "piet", name: "Piet Jansen", role: Owner),
        Person(id: "noor", name: "Noor El Amrani", role: Staff),
    ],
)
"#,
    ),
    (
        "procedures/brood-bakken.ron",
        r#"Procedure(
    id: "brood-bakken",
    title: "Brood bakken",
    owner: "piet",
    revision: 2,
    status: Approved(by: "piet", on: "2026-06-01"),
    steps: [
        Step(id: "deeg", text: "Kneed het deeg tien minuten."),
        Step(id: "oven", text: "Bak het brood 35 minuten op 220 graden."),
    ],
    changes: [
        Change(revision: 1, on: "2025-03-01", by: "piet", note: "Eerste versie."),
        Change(revision: 2, on: "2026-06-01", by: "piet", note: "Oven op 220 in plaats van 200."),
    ],
)
"#,
    ),
    (
        "training/noor.ron",
        r#"Training(
    person: "noor",
    signed: [
        Signed(procedure: "brood-bakken", revision: 1, on: "2025-03-04"),
    ],
)
"#,
    ),
];

fn bakery() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (path, text) in BAKERY {
        write(dir.path(), path, text);
    }
    dir
}

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().expect("inside")).expect("mkdir");
    fs::write(path, text).expect("write");
}

fn run(command: &str, root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .arg(command)
        .arg(root)
        .args(args)
        .output()
        .expect("rightfirst runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_signed_revision_named_only_in_the_history_is_a_warning_at_the_procedure() {
    let dir = bakery();
    let check = run("check", dir.path(), &[]);
    let out = stdout(&check);
    assert_eq!(check.status.code(), Some(0), "{out}");
    assert!(
        out.contains(
            "procedures/brood-bakken.ron:12:26: warning: revision 1 is not in archive/ (archive/procedures/brood-bakken@1.ron)"
        ),
        "{out}"
    );
    assert!(out.contains("0 errors, 1 warning"), "{out}");
    // The record counts: report gives figures, and Noor is out of date on revision 2.
    let report = run("report", dir.path(), &["--json", "--today", "2026-11-23"]);
    assert_eq!(
        report.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    let figures: serde_json::Value = serde_json::from_slice(&report.stdout).expect("JSON");
    let noor = &figures["training_gaps"][0];
    assert_eq!(noor["person"], "noor");
    assert_eq!(noor["signed_revision"], 1);
    assert_eq!(noor["current_revision"], 2);
    let training = run("training", dir.path(), &["--json", "--today", "2026-11-23"]);
    let matrix: serde_json::Value = serde_json::from_slice(&training.stdout).expect("JSON");
    assert_eq!(matrix["people"][0]["person"], "noor");
    assert_eq!(matrix["people"][0]["procedures"][0]["state"], "OutOfDate");
}

#[test]
fn a_signed_revision_in_neither_place_stays_an_error() {
    let dir = bakery();
    write(
        dir.path(),
        "training/noor.ron",
        "Training(person: \"noor\", signed: [Signed(procedure: \"brood-bakken\", revision: 3, on: \"2025-03-04\")])\n",
    );
    let check = run("check", dir.path(), &[]);
    let out = stdout(&check);
    assert_eq!(check.status.code(), Some(1), "{out}");
    assert!(
        out.contains(
            "training/noor.ron:1:79: procedure \"brood-bakken\" has no revision 3 to sign"
        ),
        "{out}"
    );
}

#[test]
fn a_paper_sign_off_is_recorded_by_an_owner() {
    let dir = bakery();
    write(
        dir.path(),
        "training/noor.ron",
        "Training(person: \"noor\", signed: [\n    Signed(procedure: \"brood-bakken\", revision: 2, on: \"2026-06-02\", recorded_by: \"noor\"),\n    Signed(procedure: \"brood-bakken\", revision: 2, on: \"2026-06-03\", recorded_by: \"kees\"),\n    Signed(procedure: \"brood-bakken\", revision: 2, on: \"2026-06-04\", recorded_by: \"piet\"),\n])\n",
    );
    let check = run("check", dir.path(), &[]);
    let out = stdout(&check);
    assert_eq!(check.status.code(), Some(1), "{out}");
    assert!(
        out.contains("training/noor.ron:2:83: recorded by \"noor\", who is not an Owner; only an Owner records a sign-off given on paper"),
        "{out}"
    );
    assert!(
        out.contains("training/noor.ron:3:83: unknown person \"kees\""),
        "{out}"
    );
    assert!(out.contains("2 errors"), "{out}");
}
