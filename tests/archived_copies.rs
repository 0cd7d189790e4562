//! A sync tool's conflict copy of an archived revision (issue 18): shown beside the file it
//! copies with "Keep" under either, as for current procedures and checklists; a copy of an
//! archived procedure can become a new draft; a copy that is not an approved revision of
//! the same id and revision never takes the archived file's place, and the window says why.
#![cfg(feature = "gui")]

mod desk;

use desk::Desk;
use rightfirst::model::{Checklist, Procedure, Status};
use rightfirst::store::format::parse;

const SCOOP: &str = "archive/procedures/scoop-ice-cream@1.ron";
const SCOOP_COPY: &str =
    "archive/procedures/scoop-ice-cream@1 (Tom's conflicted copy 2026-11-23).ron";
const CONE: &str = "archive/checklists/cone-check@1.ron";
const CONE_COPY: &str = "archive/checklists/cone-check@1.sync-conflict-20261123-101500-ABCDEFG.ron";

/// The sample with `copy`, a copy of the archived `file` that `change` made, opened on the
/// problems panel beside its file; with the copy's text.
fn with_a_copy(file: &str, copy: &'static str, change: fn(&str) -> String) -> (Desk, String) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    let text = std::fs::read_to_string(root.join(file)).unwrap();
    let changed = change(&text);
    assert_ne!(changed, text);
    std::fs::write(root.join(copy), &changed).unwrap();
    let mut desk = Desk::open_folder(dir, "ellen");
    desk.click("Problems (1)");
    desk.click(&*format!("{copy}:1:1").leak());
    assert!(desk.sees("The file") && desk.sees("The copy"));
    (desk, changed)
}

fn retitled(text: &str) -> String {
    text.replacen("title: \"", "title: \"Old: ", 1)
}

const ARCHIVED_NOTE: &str = "This is an archived revision: keep the one that says what was approved then. A copy that is not that approved revision cannot take its place.";

#[test]
fn an_archived_procedure_copy_can_be_kept_in_the_files_place() {
    let (mut desk, copy_text) = with_a_copy(SCOOP, SCOOP_COPY, retitled);
    assert!(desk.sees(ARCHIVED_NOTE));
    desk.click("Keep the copy");
    assert_eq!(
        desk.read(SCOOP),
        copy_text,
        "the copy did not take its place"
    );
    assert!(!desk.root().join(SCOOP_COPY).exists(), "the copy stays");
    assert!(!desk.sees("Problems (1)"), "the copy is still listed");
    // Read again, the workspace holds the kept revision and nothing to fix.
    let folder = rightfirst::store::Folder::open(&desk.root()).unwrap();
    assert!(folder.findings().is_empty(), "{:?}", folder.findings());
    let kept = folder
        .records()
        .archived_procedures
        .iter()
        .find(|p| p.id == "scoop-ice-cream" && p.revision == 1)
        .unwrap();
    assert_eq!(kept.title, "Old: Scooping ice cream");
}

#[test]
fn an_archived_procedure_copy_becomes_a_new_draft_or_goes() {
    let (mut desk, _) = with_a_copy(SCOOP, SCOOP_COPY, retitled);
    let before = desk.read(SCOOP);
    desk.click("Make the copy a new draft");
    let draft: Procedure = parse(&desk.read("procedures/scoop-ice-cream-copy.ron")).unwrap();
    assert_eq!(draft.status, Status::Draft);
    assert_eq!(draft.revision, 1);
    assert_eq!(draft.title, "Old: Scooping ice cream");
    assert_eq!(desk.read(SCOOP), before, "the archived revision changed");
    assert!(!desk.root().join(SCOOP_COPY).exists());

    let (mut desk, _) = with_a_copy(SCOOP, SCOOP_COPY, retitled);
    let before = desk.read(SCOOP);
    desk.click("Keep the file");
    assert_eq!(desk.read(SCOOP), before);
    assert!(!desk.root().join(SCOOP_COPY).exists());
}

#[test]
fn an_archived_checklist_copy_can_be_kept_but_is_no_draft() {
    let (mut desk, copy_text) = with_a_copy(CONE, CONE_COPY, retitled);
    assert!(desk.sees(ARCHIVED_NOTE));
    assert!(!desk.sees("Make the copy a new draft"));
    desk.click("Keep the copy");
    assert_eq!(desk.read(CONE), copy_text);
    let kept: Checklist = parse(&desk.read(CONE)).unwrap();
    assert_eq!(kept.revision, 1);
    assert!(!desk.root().join(CONE_COPY).exists());
}

fn unapproved(text: &str) -> String {
    let start = text.find("status: Approved(").unwrap();
    let end = start + text[start..].find("),").unwrap() + 2;
    format!("{}status: Draft,{}", &text[..start], &text[end..])
}

fn other_revision(text: &str) -> String {
    text.replacen("revision: 1,", "revision: 2,", 1)
}

#[test]
fn a_copy_that_is_not_the_approved_revision_never_takes_the_archived_files_place() {
    for (change, why, refused) in [
        (
            unapproved as fn(&str) -> String,
            "The copy is not an approved revision, so it cannot take the archived revision's place.",
            "an archived revision stays what was approved, and the copy is not an approved revision",
        ),
        (
            other_revision,
            "The copy holds archive/procedures/scoop-ice-cream@2.ron, so it cannot take the place of archive/procedures/scoop-ice-cream@1.ron.",
            "the copy holds archive/procedures/scoop-ice-cream@2.ron",
        ),
    ] {
        let (mut desk, _) = with_a_copy(SCOOP, SCOOP_COPY, change);
        assert!(desk.sees(why), "the window does not say why: {why}");
        assert!(!desk.sees("Keep the copy"), "offered to keep: {why}");
        // Sent anyway, the store refuses it and nothing changes.
        let before = desk.read(SCOOP);
        desk.hand_over(vec![rightfirst::ui::Message::Problems(
            rightfirst::ui::screen::problems::Message::KeepCopy,
        )]);
        assert_eq!(desk.read(SCOOP), before, "the archived revision changed");
        assert!(desk.root().join(SCOOP_COPY).exists(), "the copy went");
        assert!(
            desk.sees(&format!(
                "{SCOOP_COPY} waits for you: it could not be saved: {SCOOP_COPY} cannot take the place of the file it copies: {refused}"
            )),
            "no note of the refusal: {refused}"
        );
        // It can still become a new draft.
        let (mut desk, _) = with_a_copy(SCOOP, SCOOP_COPY, change);
        desk.click("Make the copy a new draft");
        let draft: Procedure = parse(&desk.read("procedures/scoop-ice-cream-copy.ron")).unwrap();
        assert_eq!(draft.status, Status::Draft);
        assert_eq!(desk.read(SCOOP), before);
    }
}

#[test]
fn in_dutch_the_archived_copy_is_explained_too() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    let text = std::fs::read_to_string(root.join(SCOOP)).unwrap();
    std::fs::write(root.join(SCOOP_COPY), unapproved(&text)).unwrap();
    let workspace = std::fs::read_to_string(root.join("workspace.ron")).unwrap();
    let dutch = workspace.replace("language: \"en\"", "language: \"nl\"");
    assert_ne!(dutch, workspace);
    std::fs::write(root.join("workspace.ron"), dutch).unwrap();
    let mut desk = Desk::open_folder(dir, "ellen");
    desk.click("Problemen (1)");
    desk.click(&*format!("{SCOOP_COPY}:1:1").leak());
    assert!(desk.sees("Dit is een gearchiveerde revisie: bewaar de versie die toen is goedgekeurd. Een kopie die niet die goedgekeurde revisie is, kan haar plaats niet innemen."));
    assert!(desk.sees("De kopie is geen goedgekeurde revisie en kan de plaats van de gearchiveerde revisie dus niet innemen."));
    assert!(desk.sees("Maak van de kopie een nieuw concept"));
}
