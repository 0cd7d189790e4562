//! `rightfirst training`: the matrix as text and JSON, its exit codes, and the printed matrix
//! read back from the PDF as pdftotext would (tests/pdf) and from the HTML.

mod pdf;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

use rightfirst::export::Format;
use rightfirst::export::training::document;
use rightfirst::model::{Date, Language, Records};
use rightfirst::store::Folder;

const TODAY: &str = "2026-11-23";

/// A copy of the sample where Priya has left, Jake's scooping 3 was signed on paper and
/// recorded by Ellen, and Tom's milkshake signature is gone.
fn shop() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    edit(&root.join("workspace.ron"), |text| {
        text.replace(
            "Person(id: \"priya\", name: \"Priya Shah\", role: Staff)",
            "Person(id: \"priya\", name: \"Priya Shah\", role: Staff, left: \"2026-11-01\")",
        )
    });
    edit(&root.join("training/jake.ron"), |text| {
        text.replace(
            "    ],\n)",
            "        Signed(procedure: \"scoop-ice-cream\", revision: 3, on: \"2026-11-20\", recorded_by: \"ellen\"),\n    ],\n)",
        )
    });
    edit(&root.join("training/tom.ron"), |text| {
        text.lines()
            .filter(|line| !line.contains("make-milkshake"))
            .map(|line| format!("{line}\n"))
            .collect()
    });
    (dir, root)
}

fn edit(path: &Path, change: impl Fn(&str) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    let changed = change(&text);
    assert_ne!(changed, text, "{} changed", path.display());
    std::fs::write(path, changed).unwrap();
}

fn training(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .arg("training")
        .arg(dir)
        .args(["--today", TODAY])
        .args(args)
        .output()
        .expect("rightfirst runs")
}

fn ok(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

#[test]
fn json_is_the_shape_of_the_issue_for_one_person() {
    let (_dir, root) = shop();
    let out = ok(&training(&root, &["--person", "tom", "--json"]));
    let value: Value = serde_json::from_str(&out).expect("JSON");
    let procedures = &value["people"][0]["procedures"];
    assert_eq!(value["people"].as_array().map(Vec::len), Some(1));
    assert_eq!(value["people"][0]["person"], "tom");
    assert_eq!(value["people"][0]["name"], "Tom Bell");
    assert_eq!(
        procedures[4],
        json!({"procedure": "make-milkshake", "in_force": 1, "signed": null, "state": "Never"})
    );
    assert_eq!(
        procedures[6],
        json!({"procedure": "scoop-ice-cream", "in_force": 3, "signed": 3, "state": "Current"})
    );
    // The fields in the issue's order.
    assert!(out.find("\"person\"") < out.find("\"name\""));
    assert!(out.find("\"in_force\"") < out.find("\"signed\""));
}

#[test]
fn json_leaves_leavers_out_and_says_out_of_date() {
    let (_dir, root) = shop();
    let value: Value = serde_json::from_str(&ok(&training(&root, &["--json"]))).unwrap();
    let people: Vec<&str> = value["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["person"].as_str().unwrap())
        .collect();
    assert_eq!(people, ["ellen", "jake", "tom"]);
    // The untouched sample: Jake signed scooping 2 only, and 3 retrains.
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("procedures");
    let value: Value = serde_json::from_str(&ok(&training(&sample, &["--json"]))).unwrap();
    let jake = &value["people"][1];
    assert_eq!(jake["person"], "jake");
    assert_eq!(
        jake["procedures"][6],
        json!({"procedure": "scoop-ice-cream", "in_force": 3, "signed": 2, "state": "OutOfDate"})
    );
}

#[test]
fn text_names_each_procedure_and_where_the_person_stands() {
    let (_dir, root) = shop();
    let out = ok(&training(&root, &[]));
    assert!(
        out.contains("Training matrix · Bell's Quayside Ices & Sandwiches"),
        "{out}"
    );
    assert!(
        out.contains("Tom Bell (tom): Current on 6 of 7 procedures in force."),
        "{out}"
    );
    let milkshake = out
        .lines()
        .skip_while(|l| !l.starts_with("Tom Bell"))
        .find(|l| l.contains("Making a milkshake"))
        .expect("Tom's milkshake line");
    assert!(milkshake.ends_with("rev. 1   Never"), "{milkshake}");
    assert!(
        !out.contains("Priya"),
        "a leaver is not in the matrix:\n{out}"
    );
    let dutch = ok(&training(&root, &["--language", "nl", "--person", "jake"]));
    assert!(
        dutch.contains("Actueel op 7 van 7 geldende procedures."),
        "{dutch}"
    );
}

#[test]
fn exit_codes_are_those_of_report() {
    let (dir, root) = shop();
    let unknown = training(&root, &["--person", "noor"]);
    assert_eq!(unknown.status.code(), Some(2));
    let message = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        message.contains("--person noor: there is nobody with that id on the staff"),
        "{message}"
    );
    let left = training(&root, &["--person", "priya"]);
    assert_eq!(left.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&left.stderr).contains(
            "Priya Shah (priya) left on 2026-11-01 and is no longer in the training matrix"
        )
    );
    let nothing = training(&dir.path().join("nothing"), &[]);
    assert_eq!(nothing.status.code(), Some(2));
    // A training record naming someone not on the staff is an error: no matrix.
    std::fs::write(
        root.join("training/zoe.ron"),
        "Training(person: \"zoe\", signed: [])\n",
    )
    .unwrap();
    let broken = training(&root, &["--json"]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(broken.stdout.is_empty());
    assert!(String::from_utf8_lossy(&broken.stderr).contains("training/zoe.ron:"));
}

fn records(root: &Path) -> Records {
    Folder::inspect(root)
        .expect("the shop opens")
        .records()
        .clone()
}

fn today() -> Date {
    TODAY.parse().unwrap()
}

/// Text reduced to what survives typesetting: no white space, lower case.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

fn assert_in_order(haystack: &str, wanted: &[&str]) {
    let haystack = squash(haystack);
    let mut from = 0;
    for text in wanted {
        let needle = squash(text);
        match haystack[from..].find(&needle) {
            Some(at) => from += at + needle.len(),
            None => panic!("{text:?} is missing or out of order in:\n{haystack}"),
        }
    }
}

#[test]
fn the_printed_matrix_reads_back_with_a_record_per_person() {
    let (_dir, root) = shop();
    let records = records(&root);
    let pdf = document(&records, Language::En, today(), Format::Pdf).expect("the PDF prints");
    let (pages, size) = pdf::page_info(&pdf);
    // The matrix, then a page per person who has not left.
    assert_eq!(pages, 4, "{size}");
    assert!(size.starts_with("841.89 x 595.28"), "A4 landscape: {size}");
    let text = pdf::poppler("pdftotext", &pdf, &["-raw"]);
    let page: Vec<&str> = text.split('\u{c}').collect();
    assert_in_order(
        page[0],
        &[
            "Training matrix",
            "Serving a customer with an allergy",
            "rev. 2",
            "Making a milkshake",
            "Scooping ice cream",
            "rev. 3",
            "Ellen Bell",
            "Jake Morrow",
            "Tom Bell",
        ],
    );
    assert!(!squash(page[0]).contains("priya"));
    // Tom's row: six current, milkshake never.
    assert_in_order(
        page[0],
        &[
            "Tom Bell",
            "Current",
            "signed rev. 2",
            "Current",
            "Current",
            "Current",
            "Never",
        ],
    );
    assert_in_order(
        page[2],
        &[
            "Training record",
            "Jake Morrow",
            "Current on 7 of 7 procedures in force.",
            "2026-11-20",
            "Scooping ice cream",
            "rev. 3",
            "On paper, recorded by Ellen Bell",
        ],
    );
    assert_in_order(page[3], &["Tom Bell", "Current on 6 of 7"]);
}

#[test]
fn the_printed_matrix_in_html_says_the_same_in_dutch() {
    let (_dir, root) = shop();
    let records = records(&root);
    let html = document(&records, Language::Nl, today(), Format::Html).expect("the HTML prints");
    let html = String::from_utf8(html).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"nl\">"));
    assert_in_order(
        &html,
        &[
            "Trainingsmatrix",
            "Jake Morrow",
            "Actueel",
            "Trainingsoverzicht per persoon",
            "Jake Morrow",
            "Op papier, vastgelegd door Ellen Bell",
        ],
    );
    // Names are escaped, never markup.
    assert!(html.contains("Bell&#39;s Quayside Ices &amp; Sandwiches"));
}

#[test]
fn the_cli_writes_the_printout() {
    let (dir, root) = shop();
    let out = dir.path().join("matrix.pdf");
    let output = training(&root, &["--pdf", out.to_str().unwrap(), "--person", "jake"]);
    ok(&output);
    let pdf = std::fs::read(&out).expect("the PDF is written");
    assert_eq!(pdf::page_info(&pdf).0, 2, "the matrix and Jake's record");
}
