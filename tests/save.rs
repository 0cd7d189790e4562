//! Saving one record: what lands on disk, what is refused, and what survives a kill.
//!
//! Every test builds its own workspace from the examples of FORMAT.md in a temp folder,
//! inside a parent folder of its own, so writes outside the workspace can be seen too.

mod scratch;

use scratch::{Tally, scratch, tally};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rightfirst::model::{Checklist, Date, Order, Procedure, Signed, Training, Workspace};
use rightfirst::store::{self, Archived, Folder, SaveError, format};

const WORKSPACE: &str = r#"Workspace(
    format: 1,
    name: "IJssalon De Hoorn",
    language: "nl",                    // UI and manual language: "nl" or "en"
    staff: [
        Person(id: "anna", name: "Anna de Vries", role: Owner),
        Person(id: "bram", name: "Bram Jansen", role: Staff),
    ],
    // Ishikawa's 6M by default; the owner may rename or add.
    defect_categories: ["Method", "Material", "Machine", "Man", "Measurement", "Environment"],
    // A finding that repeats this often in this many days is a recurring cause.
    recurrence: (count: 3, days: 90),
    // Average customer contacts per order above this is an alarm: the number
    // past which something went wrong with the order.
    contacts_per_order_alarm: 1.5,
)
"#;

const PROCEDURE: &str = r#"Procedure(
    id: "scoop-ice-cream",
    title: "Scooping ice cream",
    purpose: "Every customer gets the same portion, whoever serves.",
    scope: "All cones and cups at the counter.",
    owner: "anna",
    revision: 3,
    status: Approved(by: "anna", on: "2026-11-02"),   // or Draft, or Retired(on: "...")
    review_by: "2027-11-02",           // optional: when the owner must look at it again
    steps: [
        Step(id: "warm", text: "Dip the scoop in the warm water bath."),
        Step(
            id: "portion",
            text: "Scoop one ball and weigh it on the counter scale.",
            spec: (what: "ball weight", unit: "g", target: 65, min: 60, max: 70),
            warning: "Never press the ice cream into the scoop.",
        ),
    ],
    changes: [
        Change(revision: 3, on: "2026-11-02", by: "anna", note: "Portion tightened after recurring light cones."),
    ],
)
"#;

const CHECKLIST: &str = r#"Checklist(
    id: "cone-check",
    title: "Second check of a cone before it goes over the counter",
    procedure: "scoop-ice-cream",        // optional link
    four_eyes: true,                     // the checker may not be the maker
    revision: 1,
    status: Approved(by: "anna", on: "2026-10-01"),
    items: [
        Item(id: "weight", prompt: "You weigh the ball.", kind: Measure(unit: "g", min: 60, max: 70), step: "portion", critical: true),
        Item(id: "clean", prompt: "You check that the cone has no drips on the outside.", kind: Tick),
        Item(id: "flavour", prompt: "You confirm the flavour with the order slip.", kind: Tick, critical: true),
    ],
    changes: [],
)
"#;

const ORDER: &str = r#"Order(
    id: "2026-11-0417",
    placed: "2026-11-23",
    customer: "Fam. Peeters",            // optional
    product: "Cone, 2 balls",
    made_by: "bram",
    checks: [
        Check(
            checklist: "cone-check", revision: 1,
            checked_by: "anna", at: "2026-11-23T15:02",
            results: [
                Result(item: "weight", outcome: Value(58)),
                Result(item: "clean", outcome: Pass),
                Result(item: "flavour", outcome: Pass),
            ],
        ),
    ],
    defects: [
        Defect(
            id: "d1",
            found: "2026-11-23",
            found_by: Check,                 // Check, Staff("bram") or Customer
            category: "Method",
            procedure: "scoop-ice-cream", step: "portion",
            severity: Minor,                 // Minor, Major or Critical
            description: "Ball weighed 58 g, under the 60 g minimum.",
            cost_cents: 0,
            root_cause: (whys: ["Scoop was cold", "Water bath was switched off"], cause: "No step to check the bath at opening"),
            action: (kind: Corrective, what: "Add 'switch on bath' to opening procedure", owner: "anna", due: "2026-11-30", done: "2026-11-24", verified: "2026-12-10", verified_by: "anna"),
        ),
    ],
    contacts: [
        Contact(at: "2026-11-23T16:10", channel: Phone, by: "anna", about: "Customer says portion was small", apology: true),
    ],
)
"#;

const TRAINING: &str = r#"Training(person: "bram", signed: [Signed(procedure: "scoop-ice-cream", revision: 3, on: "2026-11-03")])
"#;

const ORDER_FILE: &str = "orders/2026-11/2026-11-0417.ron";
const PROCEDURE_FILE: &str = "procedures/scoop-ice-cream.ron";
const LOCK_FILE: &str = ".rightfirst.lock";

/// The minimal valid workspace of FORMAT.md's examples.
const FILES: &[(&str, &str)] = &[
    ("workspace.ron", WORKSPACE),
    (PROCEDURE_FILE, PROCEDURE),
    ("checklists/cone-check.ron", CHECKLIST),
    (ORDER_FILE, ORDER),
    ("training/bram.ron", TRAINING),
];

/// A temp parent folder holding the workspace `ws` and room for things outside it.
struct Fixture {
    parent: tempfile::TempDir,
    root: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        Fixture::with(FILES)
    }

    fn with(files: &[(&str, &str)]) -> Fixture {
        let parent = tempfile::tempdir().expect("a temp folder");
        let root = parent.path().join("ws");
        for (relative, text) in files {
            write(&root.join(relative), text.as_bytes());
        }
        Fixture { parent, root }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    fn bytes(&self, relative: &str) -> Vec<u8> {
        fs::read(self.path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    fn open(&self) -> Folder {
        let folder = Folder::open(&self.root).expect("the workspace opens");
        assert_eq!(folder.error_count(), 0, "{:#?}", folder.findings());
        folder
    }
}

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().expect("a parent folder")).expect("folders");
    fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> T {
    format::parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn example_order() -> Order {
    parse(ORDER)
}

fn date(text: &str) -> Date {
    text.parse().expect("a date")
}

/// A new order placed on `placed`, else like the example.
fn new_order(id: &str, placed: &str) -> Order {
    let mut order = example_order();
    order.id = id.to_owned();
    order.placed = date(placed);
    order
}

/// What one entry of a folder tree is, without following links.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Folder,
    File(Vec<u8>),
    Link(PathBuf),
}

/// Every entry under `dir`, by path relative to it, never following links.
fn snapshot(dir: &Path) -> BTreeMap<String, Entry> {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Entry>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let entry = entry.expect("a folder entry");
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            let path = entry.path();
            let meta = fs::symlink_metadata(&path).expect("metadata");
            if meta.file_type().is_symlink() {
                out.insert(relative, Entry::Link(fs::read_link(&path).expect("a link")));
            } else if meta.is_dir() {
                out.insert(relative.clone(), Entry::Folder);
                walk(&path, &relative, out);
            } else {
                out.insert(relative, Entry::File(fs::read(&path).expect("a file")));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, "", &mut out);
    out
}

/// The entries that differ between two snapshots, with what each became.
fn differences(
    before: &BTreeMap<String, Entry>,
    after: &BTreeMap<String, Entry>,
) -> BTreeMap<String, Option<Entry>> {
    let mut out = BTreeMap::new();
    for (path, entry) in before {
        if after.get(path) != Some(entry) {
            out.insert(path.clone(), after.get(path).cloned());
        }
    }
    for (path, entry) in after {
        if !before.contains_key(path) {
            out.insert(path.clone(), Some(entry.clone()));
        }
    }
    out
}

/// Paths of entries under `dir` ending in `.rf-tmp`, relative to it, sorted.
fn temps(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            if relative.ends_with(".rf-tmp") {
                out.push(relative.clone());
            }
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                walk(&entry.path(), &relative, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out);
    out.sort();
    out
}

/// The differences, less the lock file a save leaves at the workspace root (empty).
fn changes_besides_lock(
    before: &BTreeMap<String, Entry>,
    after: &BTreeMap<String, Entry>,
    lock: &str,
) -> BTreeMap<String, Option<Entry>> {
    let mut changed = differences(before, after);
    if let Some(entry) = changed.remove(lock) {
        assert_eq!(
            entry,
            Some(Entry::File(Vec::new())),
            "the lock file stays empty"
        );
    }
    changed
}

/// A save of one fixed record, named by its file.
type SaveOne = (
    &'static str,
    Box<dyn Fn(&mut Folder) -> Result<(), SaveError>>,
);

#[test]
fn saving_an_unchanged_record_twice_gives_identical_bytes() {
    let ws = Fixture::new();
    let mut folder = ws.open();
    let records = folder.records().clone();

    let saves: Vec<SaveOne> = vec![
        ("workspace.ron", {
            let r = records.workspace.clone();
            Box::new(move |f: &mut Folder| f.save(r.clone()))
        }),
        (PROCEDURE_FILE, {
            let r = records.procedures[0].clone();
            Box::new(move |f: &mut Folder| f.save(r.clone()))
        }),
        ("checklists/cone-check.ron", {
            let r = records.checklists[0].clone();
            Box::new(move |f: &mut Folder| f.save(r.clone()))
        }),
        (ORDER_FILE, {
            let r = records.orders[0].clone();
            Box::new(move |f: &mut Folder| f.save(r.clone()))
        }),
        ("training/bram.ron", {
            let r = records.training[0].clone();
            Box::new(move |f: &mut Folder| f.save(r.clone()))
        }),
    ];
    for (relative, save) in &saves {
        save(&mut folder).unwrap_or_else(|e| panic!("{relative}: {e}"));
        let first = ws.bytes(relative);
        save(&mut folder).unwrap_or_else(|e| panic!("{relative}: {e}"));
        assert_eq!(
            String::from_utf8_lossy(&ws.bytes(relative)),
            String::from_utf8_lossy(&first),
            "{relative}: a second save of the same record changed the file"
        );
    }
    // A fresh load of the written files saves to the same bytes again.
    let before = snapshot(&ws.root);
    let mut folder = ws.open();
    assert_eq!(
        folder.records(),
        &records,
        "the saved files read back equal"
    );
    for (relative, save) in &saves {
        save(&mut folder).unwrap_or_else(|e| panic!("{relative}: {e}"));
    }
    assert_eq!(differences(&before, &snapshot(&ws.root)), BTreeMap::new());
}

#[test]
fn saving_a_changed_record_rewrites_that_file_and_nothing_else() {
    let ws = Fixture::new();
    fs::create_dir_all(ws.path("attachments/2026-11")).unwrap();
    write(
        &ws.path("attachments/2026-11/0417-1.jpg"),
        b"\xff\xd8 not really a jpeg",
    );
    write(&ws.path("notes.txt"), b"the owner's own notes\n");
    write(&ws.path(".hidden-by-a-sync-tool"), b"x");
    let mut folder = ws.open();
    let before = snapshot(&ws.root);

    let mut order = folder.records().orders[0].clone();
    order.product = "Cone, 3 balls".into();
    folder.save(order.clone()).expect("the save");

    let changed = changes_besides_lock(&before, &snapshot(&ws.root), LOCK_FILE);
    assert_eq!(
        changed.keys().collect::<Vec<_>>(),
        vec![ORDER_FILE],
        "only the order's file changes: {changed:#?}"
    );
    let text = String::from_utf8(ws.bytes(ORDER_FILE)).unwrap();
    assert_eq!(parse::<Order>(&text), order);
    assert!(text.contains("product: \"Cone, 3 balls\","), "{text}");
    assert_eq!(folder.records().orders, vec![order.clone()]);

    // The same for a procedure: one file again, and the lock file is not touched twice.
    let before = snapshot(&ws.root);
    let mut procedure = folder.records().procedures[0].clone();
    procedure.title = "Scooping ice cream, the right way".to_owned();
    folder.save(procedure.clone()).expect("the save");
    let changed = differences(&before, &snapshot(&ws.root));
    assert_eq!(changed.keys().collect::<Vec<_>>(), vec![PROCEDURE_FILE]);

    let reopened = ws.open();
    assert_eq!(reopened.records().orders, vec![order]);
    assert_eq!(reopened.records().procedures, vec![procedure]);
}

#[test]
fn a_save_leaves_no_temp_file_and_reads_back_equal() {
    let ws = Fixture::new();
    let mut folder = ws.open();

    let mut training = folder.records().training[0].clone();
    training.signed[0].on = date("2026-11-04");
    folder.save(training.clone()).unwrap();
    // A record in a month folder that does not exist yet, and an archived revision.
    let december = new_order("2026-12-0001", "2026-12-01");
    folder.save(december.clone()).unwrap();
    let archived = folder.records().procedures[0].clone();
    folder.save(Archived(archived.clone())).unwrap();
    let mut workspace = folder.records().workspace.clone();
    workspace.name = "IJssalon De Hoorn & Zn.".to_owned();
    folder.save(workspace.clone()).unwrap();

    assert_eq!(temps(&ws.root), Vec::<String>::new());
    assert_eq!(
        parse::<Training>(&String::from_utf8(ws.bytes("training/bram.ron")).unwrap()),
        training
    );
    assert_eq!(
        parse::<Order>(&String::from_utf8(ws.bytes("orders/2026-12/2026-12-0001.ron")).unwrap()),
        december
    );
    assert_eq!(
        parse::<Procedure>(
            &String::from_utf8(ws.bytes("archive/procedures/scoop-ice-cream@3.ron")).unwrap()
        ),
        archived
    );
    assert_eq!(
        parse::<Workspace>(&String::from_utf8(ws.bytes("workspace.ron")).unwrap()),
        workspace
    );
    let reopened = ws.open();
    assert_eq!(reopened.records(), folder.records());
    assert_eq!(reopened.records().archived_procedures, vec![archived]);
}

/// Writes `bytes` over a file and gives it back the modification time it had.
fn replace_keeping_mtime(path: &Path, bytes: &[u8]) {
    let modified = fs::metadata(path).unwrap().modified().unwrap();
    fs::write(path, bytes).unwrap();
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(modified).unwrap();
    drop(file);
    assert_eq!(fs::metadata(path).unwrap().modified().unwrap(), modified);
}

#[test]
fn a_file_changed_on_disk_since_load_is_not_overwritten_even_with_the_same_mtime() {
    let ws = Fixture::new();
    let mut folder = ws.open();
    let path = ws.path(ORDER_FILE);

    // Same length, same mtime, one byte different: only the bytes tell.
    let edited = ORDER.replace("Cone, 2 balls", "Cone, 3 balls");
    assert_eq!(edited.len(), ORDER.len());
    replace_keeping_mtime(&path, edited.as_bytes());

    let mut order = folder.records().orders[0].clone();
    order.customer = None;
    let before = snapshot(&ws.root);
    match folder.save(order.clone()) {
        Err(SaveError::ChangedOnDisk { path }) => assert_eq!(path, ORDER_FILE),
        other => panic!("expected ChangedOnDisk, got {other:?}"),
    }
    assert_eq!(ws.bytes(ORDER_FILE), edited.as_bytes());
    assert_eq!(
        changes_besides_lock(&before, &snapshot(&ws.root), LOCK_FILE),
        BTreeMap::new()
    );
    // It keeps refusing: the refusal did not make the store forget what it loaded.
    assert!(matches!(
        folder.save(order.clone()),
        Err(SaveError::ChangedOnDisk { .. })
    ));
    // Once the file holds the loaded bytes again (mtime untouched throughout), the save goes through.
    replace_keeping_mtime(&path, ORDER.as_bytes());
    folder
        .save(order.clone())
        .expect("the file holds what was loaded again");
    assert_eq!(parse::<Order>(&fs::read_to_string(&path).unwrap()), order);
}

#[test]
fn a_file_deleted_since_load_is_not_recreated() {
    let ws = Fixture::new();
    let mut folder = ws.open();
    fs::remove_file(ws.path(ORDER_FILE)).unwrap();
    let before = snapshot(&ws.root);
    let order = folder.records().orders[0].clone();
    match folder.save(order) {
        Err(SaveError::ChangedOnDisk { path }) => assert_eq!(path, ORDER_FILE),
        other => panic!("expected ChangedOnDisk, got {other:?}"),
    }
    assert!(!ws.path(ORDER_FILE).exists());
    assert_eq!(
        changes_besides_lock(&before, &snapshot(&ws.root), LOCK_FILE),
        BTreeMap::new()
    );
    assert_eq!(temps(&ws.root), Vec::<String>::new());
}

#[test]
fn a_file_that_did_not_parse_is_never_overwritten() {
    let broken_procedure = PROCEDURE.replace("revision: 3,", "revision: three,");
    let not_utf8: &[u8] = b"Training(person: \"bram\xff\")\n";
    let ws = Fixture::with(&[
        ("workspace.ron", WORKSPACE),
        (PROCEDURE_FILE, &broken_procedure),
        ("checklists/cone-check.ron", CHECKLIST),
        (ORDER_FILE, ORDER),
    ]);
    write(&ws.path("training/bram.ron"), not_utf8);
    let mut folder = Folder::open(&ws.root).unwrap();
    assert!(folder.is_broken(PROCEDURE_FILE));
    assert!(folder.is_broken("training/bram.ron"));
    assert!(folder.records().procedures.is_empty());
    let before = snapshot(&ws.root);

    match folder.save(parse::<Procedure>(PROCEDURE)) {
        Err(SaveError::Broken { path }) => assert_eq!(path, PROCEDURE_FILE),
        other => panic!("expected Broken, got {other:?}"),
    }
    match folder.save(parse::<Training>(TRAINING)) {
        Err(SaveError::Broken { path }) => assert_eq!(path, "training/bram.ron"),
        other => panic!("expected Broken, got {other:?}"),
    }
    assert_eq!(ws.bytes(PROCEDURE_FILE), broken_procedure.as_bytes());
    assert_eq!(ws.bytes("training/bram.ron"), not_utf8);
    assert_eq!(differences(&before, &snapshot(&ws.root)), BTreeMap::new());

    // The other records still save.
    let mut order = folder.records().orders[0].clone();
    order.product = "Cup, 1 ball".into();
    folder
        .save(order)
        .expect("a sound file next to a broken one saves");
    assert_eq!(ws.bytes(PROCEDURE_FILE), broken_procedure.as_bytes());
}

/// `check` and `report` keep no state for the order files that read well (a map of
/// 100,000 paths cost more than reading them); they still count every file, know the
/// broken ones, and refuse every save.
#[test]
fn folders_opened_to_check_or_read_count_every_file_and_never_save() {
    let ws = Fixture::with(&[
        ("workspace.ron", WORKSPACE),
        (PROCEDURE_FILE, PROCEDURE),
        ("checklists/cone-check.ron", CHECKLIST),
        (ORDER_FILE, ORDER),
        (
            "orders/2026-11/2026-11-0418.ron",
            &ORDER.replace("2026-11-0417", "2026-11-0418"),
        ),
        (
            "orders/2026-11/2026-11-0419.ron",
            "Order(id: \"2026-11-0419\",",
        ),
        ("training/bram.ron", TRAINING),
    ]);
    let open = Folder::open(&ws.root).unwrap();
    assert_eq!(open.record_count(), 6, "the broken order is not counted");
    let before = snapshot(&ws.root);
    for mut folder in [
        Folder::check(&ws.root).unwrap(),
        Folder::read(&ws.root).unwrap(),
    ] {
        assert_eq!(folder.record_count(), open.record_count());
        assert_eq!(folder.findings(), open.findings());
        assert!(folder.is_broken("orders/2026-11/2026-11-0419.ron"));
        assert!(!folder.is_broken(ORDER_FILE));
        assert!(folder.read_only().is_some());
        let mut order = open.records().orders[0].clone();
        order.product = "Cup, 1 ball".into();
        assert!(matches!(folder.save(order), Err(SaveError::ReadOnly(_))));
        assert!(matches!(
            folder.save_new(vec![new_order("2026-11-0500", "2026-11-23")]),
            Err(SaveError::ReadOnly(_))
        ));
    }
    assert_eq!(differences(&before, &snapshot(&ws.root)), BTreeMap::new());
}

#[test]
fn a_broken_workspace_file_is_never_overwritten() {
    let broken = WORKSPACE.replace("name:", "nmae:");
    let ws = Fixture::with(&[("workspace.ron", &broken)]);
    let mut folder = Folder::open(&ws.root).unwrap();
    assert!(folder.is_broken("workspace.ron"));
    let before = snapshot(&ws.root);
    assert!(matches!(
        folder.save(parse::<Workspace>(WORKSPACE)),
        Err(SaveError::Broken { .. })
    ));
    assert_eq!(differences(&before, &snapshot(&ws.root)), BTreeMap::new());
}

#[test]
fn a_workspace_of_a_newer_format_is_read_only() {
    let newer = WORKSPACE.replace("format: 1,", "format: 9,");
    let ws = Fixture::with(&[
        ("workspace.ron", &newer),
        (PROCEDURE_FILE, PROCEDURE),
        ("checklists/cone-check.ron", CHECKLIST),
        (ORDER_FILE, ORDER),
        ("training/bram.ron", TRAINING),
    ]);
    let before = snapshot(ws.parent.path());
    let mut folder = Folder::open(&ws.root).unwrap();
    let reason = folder.read_only().expect("read-only").to_owned();
    assert!(reason.contains("format 9"), "{reason}");

    let refused = |result: Result<(), SaveError>, what: &str| match result {
        Err(SaveError::ReadOnly(why)) => assert_eq!(why, reason, "{what}"),
        other => panic!("{what}: expected ReadOnly, got {other:?}"),
    };
    let mut workspace = parse::<Workspace>(&newer);
    refused(folder.save(workspace.clone()), "the workspace");
    workspace.format = 1;
    refused(folder.save(workspace), "the workspace, downgraded");
    refused(folder.save(parse::<Procedure>(PROCEDURE)), "a procedure");
    refused(folder.save(parse::<Checklist>(CHECKLIST)), "a checklist");
    refused(folder.save(example_order()), "an order");
    refused(
        folder.save(new_order("2027-01-0001", "2027-01-02")),
        "a new order",
    );
    refused(
        folder.save(parse::<Training>(TRAINING)),
        "a training record",
    );
    refused(
        folder.save(Archived(parse::<Procedure>(PROCEDURE))),
        "an archived procedure",
    );
    refused(
        folder.save_new(vec![new_order("2027-01-0002", "2027-01-02")]),
        "a batch",
    );
    refused(folder.save_new(Vec::<Order>::new()), "an empty batch");
    // Nothing at all was written: no record, no temp file, no lock file, no folder.
    assert_eq!(
        differences(&before, &snapshot(ws.parent.path())),
        BTreeMap::new()
    );
}

#[test]
fn a_new_record_whose_file_appeared_meanwhile_is_refused() {
    let ws = Fixture::new();
    let mut folder = ws.open();

    // Someone else creates the same procedure, and the same order, after the load.
    let theirs = PROCEDURE.replace("scoop-ice-cream", "serve-waffles");
    write(&ws.path("procedures/serve-waffles.ron"), theirs.as_bytes());
    let their_order = "Order(id: \"2027-01-0001\", placed: \"2027-01-02\", product: \"Waffle\", made_by: \"anna\")\n";
    write(
        &ws.path("orders/2027-01/2027-01-0001.ron"),
        their_order.as_bytes(),
    );
    let before = snapshot(&ws.root);

    let mut mine = parse::<Procedure>(PROCEDURE);
    mine.id = "serve-waffles".to_owned();
    mine.title = "My waffles".to_owned();
    match folder.save(mine) {
        Err(SaveError::AlreadyExists { path }) => {
            assert_eq!(path, "procedures/serve-waffles.ron")
        }
        other => panic!("expected AlreadyExists, got {other:?}"),
    }
    match folder.save(new_order("2027-01-0001", "2027-01-05")) {
        Err(SaveError::AlreadyExists { path }) => {
            assert_eq!(path, "orders/2027-01/2027-01-0001.ron")
        }
        other => panic!("expected AlreadyExists, got {other:?}"),
    }
    assert_eq!(ws.bytes("procedures/serve-waffles.ron"), theirs.as_bytes());
    assert_eq!(
        changes_besides_lock(&before, &snapshot(&ws.root), LOCK_FILE),
        BTreeMap::new()
    );
    assert!(
        folder
            .records()
            .procedures
            .iter()
            .all(|p| p.id != "serve-waffles")
    );
}

#[cfg(unix)]
#[test]
fn a_record_file_that_is_a_symlink_is_neither_read_nor_written() {
    let ws = Fixture::new();
    let outside = ws.parent.path().join("outside");
    let target = outside.join("linked.ron");
    let theirs = PROCEDURE.replace("scoop-ice-cream", "linked");
    write(&target, theirs.as_bytes());
    std::os::unix::fs::symlink(&target, ws.path("procedures/linked.ron")).unwrap();
    // A link to a file inside the workspace is no better.
    std::os::unix::fs::symlink(
        ws.path(ORDER_FILE),
        ws.path("orders/2026-11/2026-11-0418.ron"),
    )
    .unwrap();

    let mut folder = Folder::open(&ws.root).unwrap();
    assert_eq!(folder.error_count(), 0, "{:#?}", folder.findings());
    let ids: Vec<&str> = folder
        .records()
        .procedures
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["scoop-ice-cream"], "the link is not followed");
    assert_eq!(folder.records().orders.len(), 1);
    assert!(
        folder
            .findings()
            .iter()
            .any(|f| f.path == "procedures/linked.ron" && f.message.contains("symbolic link")),
        "{:#?}",
        folder.findings()
    );
    let before = snapshot(ws.parent.path());

    let mut linked = parse::<Procedure>(&theirs);
    linked.title = "Overwritten through a link".to_owned();
    match folder.save(linked.clone()) {
        Err(SaveError::Symlink { path }) => assert_eq!(path, "procedures/linked.ron"),
        other => panic!("expected Symlink, got {other:?}"),
    }
    match folder.save(new_order("2026-11-0418", "2026-11-24")) {
        Err(SaveError::Symlink { path }) => assert_eq!(path, "orders/2026-11/2026-11-0418.ron"),
        other => panic!("expected Symlink, got {other:?}"),
    }
    match folder.save_new(vec![
        new_order("2026-11-0419", "2026-11-24"),
        new_order("2026-11-0418", "2026-11-24"),
    ]) {
        Err(SaveError::Symlink { path }) => assert_eq!(path, "orders/2026-11/2026-11-0418.ron"),
        other => panic!("expected Symlink, got {other:?}"),
    }
    assert_eq!(fs::read(&target).unwrap(), theirs.as_bytes());
    assert_eq!(
        changes_besides_lock(
            &before,
            &snapshot(ws.parent.path()),
            &format!("ws/{LOCK_FILE}")
        ),
        BTreeMap::new(),
        "nothing written, the links untouched"
    );
}

#[cfg(unix)]
#[test]
fn a_symlinked_folder_is_neither_read_nor_written_through() {
    let ws = Fixture::new();
    let elsewhere = ws.parent.path().join("elsewhere");
    let theirs = ORDER
        .replace("2026-11-0417", "2026-12-0001")
        .replace("2026-11-23\"", "2026-12-02\"");
    write(&elsewhere.join("2026-12-0001.ron"), theirs.as_bytes());
    std::os::unix::fs::symlink(&elsewhere, ws.path("orders/2026-12")).unwrap();
    // A whole record folder linked away, too.
    let training_elsewhere = ws.parent.path().join("training-elsewhere");
    write(
        &training_elsewhere.join("anna.ron"),
        b"Training(person: \"anna\")\n",
    );
    fs::remove_dir_all(ws.path("training")).unwrap();
    std::os::unix::fs::symlink(&training_elsewhere, ws.path("training")).unwrap();

    let mut folder = Folder::open(&ws.root).unwrap();
    assert_eq!(folder.error_count(), 0, "{:#?}", folder.findings());
    let ids: Vec<&str> = folder
        .records()
        .orders
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(ids, ["2026-11-0417"], "the linked month is not read");
    assert!(folder.records().training.is_empty());
    let before = snapshot(ws.parent.path());

    let refused = |result: Result<(), SaveError>, link: &str| match result {
        Err(SaveError::Symlink { path }) => assert_eq!(path, link),
        other => panic!("expected Symlink at {link}, got {other:?}"),
    };
    let mut existing = parse::<Order>(&theirs);
    existing.product = "Through the link".into();
    refused(folder.save(existing), "orders/2026-12");
    refused(
        folder.save(new_order("2026-12-0002", "2026-12-03")),
        "orders/2026-12",
    );
    refused(
        folder.save_new(vec![
            new_order("2026-12-0003", "2026-12-03"),
            new_order("2026-11-0500", "2026-11-03"),
        ]),
        "orders/2026-12",
    );
    refused(folder.save(parse::<Training>(TRAINING)), "training");
    refused(
        folder.save(Training {
            person: "anna".to_owned(),
            signed: Vec::new(),
        }),
        "training",
    );
    assert_eq!(
        changes_besides_lock(
            &before,
            &snapshot(ws.parent.path()),
            &format!("ws/{LOCK_FILE}")
        ),
        BTreeMap::new(),
        "nothing written inside or outside"
    );
    assert_eq!(
        snapshot(&elsewhere).into_keys().collect::<Vec<_>>(),
        ["2026-12-0001.ron"]
    );
}

#[test]
fn no_save_lands_outside_the_workspace() {
    let ws = Fixture::new();
    let mut folder = ws.open();
    let before = snapshot(ws.parent.path());
    let bad_id = |result: Result<(), SaveError>, what: &str| match result {
        Err(SaveError::BadId(_)) => {}
        other => panic!("{what}: expected BadId, got {other:?}"),
    };
    for id in ["../x", "../../x", "/tmp/x", "..", "a/../../x", "x.ron", ""] {
        let mut procedure = parse::<Procedure>(PROCEDURE);
        procedure.id = id.to_owned();
        bad_id(folder.save(procedure.clone()), id);
        bad_id(folder.save(Archived(procedure)), id);
        let mut checklist = parse::<Checklist>(CHECKLIST);
        checklist.id = id.to_owned();
        bad_id(folder.save(checklist), id);
        bad_id(
            folder.save(Training {
                person: id.to_owned(),
                signed: Vec::new(),
            }),
            id,
        );
        bad_id(folder.save(new_order(id, "2026-11-24")), id);
        // One bad id refuses the whole batch.
        bad_id(
            folder.save_new(vec![
                new_order("2026-11-0600", "2026-11-24"),
                new_order(id, "2026-11-24"),
            ]),
            id,
        );
    }
    assert_eq!(
        differences(&before, &snapshot(ws.parent.path())),
        BTreeMap::new()
    );

    // Creating a workspace refuses such paths as well; it only made its own, empty folder.
    let fresh = ws.parent.path().join("fresh");
    let outside = format!("{}/x.ron", ws.parent.path().display());
    for relative in ["../x.ron", "a/../../x.ron", outside.as_str(), "./x.ron", ""] {
        let made = store::create(
            &fresh,
            &[(relative, b"x"), ("workspace.ron", WORKSPACE.as_bytes())],
        );
        bad_id(
            made.map_err(|error| match error {
                store::CreateError::Save(error) => error,
                other => panic!("{relative}: expected BadId, got {other:?}"),
            }),
            relative,
        );
    }
    // Made all at once or not at all: not even the folder is there.
    assert_eq!(
        differences(&before, &snapshot(ws.parent.path())),
        BTreeMap::new()
    );
}

#[cfg(unix)]
#[test]
fn an_old_lock_file_in_the_workspace_is_ignored_and_not_recreated() {
    let ws = Fixture::new();
    let mut folder = ws.open();
    // Older builds kept their lock in the workspace, where sync tools copied it around; even
    // a link planted there is neither followed nor needed now.
    let outside = ws.parent.path().join("outside-lock");
    std::os::unix::fs::symlink(&outside, ws.path(LOCK_FILE)).unwrap();
    let mut order = folder.records().orders[0].clone();
    order.product = "Cone, 1 ball".into();
    folder.save(order).unwrap();
    assert!(
        fs::symlink_metadata(&outside).is_err(),
        "the old lock file's link target was created"
    );
    fs::remove_file(ws.path(LOCK_FILE)).unwrap();
    let mut order = folder.records().orders[0].clone();
    order.product = "Cone, 2 balls".into();
    folder.save(order).unwrap();
    assert!(
        fs::symlink_metadata(ws.path(LOCK_FILE)).is_err(),
        "a save made a lock file in the workspace"
    );
}

/// A temp file name as a save of process `pid` makes it.
fn temp_name(file: &str, pid: u32) -> String {
    format!(".{file}.{pid}-0.rf-tmp")
}

/// The id of a process that has exited and been reaped.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().expect("`true` runs");
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[cfg(target_os = "linux")]
#[test]
fn stale_temp_files_are_removed_by_open_and_kept_by_inspect() {
    let ws = Fixture::new();
    let dead = dead_pid();
    let parent = std::os::unix::process::parent_id();
    let stale = [
        format!("procedures/{}", temp_name("x.ron", dead)),
        format!("orders/2026-11/{}", temp_name("2026-11-0417.ron", dead)),
        temp_name("workspace.ron", dead),
        format!("archive/checklists/{}", temp_name("cone-check@1.ron", dead)),
    ];
    let live = [
        format!("procedures/{}", temp_name("y.ron", parent)),
        format!("training/{}", temp_name("bram.ron", 1)),
        format!(
            "orders/2026-11/{}",
            temp_name("2026-11-0417.ron", std::process::id())
        ),
    ];
    // Not ours: a name that only looks similar, and a temp outside the layout.
    let other = [
        ".x.ron.rf-tmp".to_owned(),
        format!("attachments/2026-11/{}", temp_name("a.jpg", dead)),
    ];
    for relative in stale.iter().chain(&live).chain(&other) {
        write(&ws.path(relative), b"Procedure(id: \"half-writ");
    }

    let inspected = Folder::inspect(&ws.root).unwrap();
    assert_eq!(inspected.error_count(), 0, "{:#?}", inspected.findings());
    assert_eq!(inspected.findings(), &[], "temp files are not records");
    let mut all: Vec<String> = stale.iter().chain(&live).chain(&other).cloned().collect();
    all.sort();
    assert_eq!(temps(&ws.root), all, "inspect writes nothing");

    let opened = ws.open();
    assert_eq!(opened.records(), inspected.records());
    for relative in &stale {
        assert!(!ws.path(relative).exists(), "{relative} was left behind");
    }
    for relative in live.iter().chain(&other) {
        assert!(ws.path(relative).exists(), "{relative} was removed");
    }
}

#[test]
fn save_new_writes_a_whole_batch() {
    let ws = Fixture::new();
    let mut folder = ws.open();
    let batch: Vec<Order> = (0..300)
        .map(|n| {
            let placed = format!("2027-{:02}-{:02}", 1 + n % 12, 1 + n % 28);
            new_order(&format!("B{n:04}"), &placed)
        })
        .collect();
    folder.save_new(batch.clone()).expect("the batch");
    assert_eq!(temps(&ws.root), Vec::<String>::new());
    for order in &batch {
        let relative = format!("orders/{}/{}.ron", order.placed.month_folder(), order.id);
        let text = String::from_utf8(ws.bytes(&relative)).unwrap();
        assert_eq!(&parse::<Order>(&text), order, "{relative}");
    }
    assert_eq!(folder.records().orders.len(), 301);
    let reopened = ws.open();
    assert_eq!(reopened.records(), folder.records());
    // Saved as a batch, each is then an ordinary loaded record.
    let mut changed = batch[7].clone();
    changed.product = "Milkshake".into();
    folder.save(changed).expect("a batch record saves again");
    // An empty batch writes nothing.
    let before = snapshot(&ws.root);
    folder.save_new(Vec::<Order>::new()).unwrap();
    assert_eq!(
        changes_besides_lock(&before, &snapshot(&ws.root), LOCK_FILE),
        BTreeMap::new()
    );
}

#[test]
fn save_new_refuses_the_whole_batch_when_one_file_exists() {
    let ws = Fixture::new();
    let mut folder = ws.open();
    let batch = |last: Order| {
        vec![
            new_order("2026-11-0500", "2026-11-24"),
            new_order("2026-10-0500", "2026-10-24"),
            last,
            new_order("2026-11-0501", "2026-11-24"),
        ]
    };
    let only_files = |snapshot: BTreeMap<String, Entry>| -> BTreeMap<String, Entry> {
        snapshot
            .into_iter()
            .filter(|(path, entry)| *entry != Entry::Folder && path != LOCK_FILE)
            .collect()
    };
    let before = only_files(snapshot(&ws.root));

    // One of them was loaded.
    match folder.save_new(batch(example_order())) {
        Err(SaveError::AlreadyExists { path }) => assert_eq!(path, ORDER_FILE),
        other => panic!("expected AlreadyExists, got {other:?}"),
    }
    assert_eq!(
        differences(&before, &only_files(snapshot(&ws.root))),
        BTreeMap::new()
    );

    // One of them appeared after the load.
    let theirs = "Order(id: \"2026-12-0009\", placed: \"2026-12-02\", product: \"Ham roll\", made_by: \"anna\")\n";
    write(
        &ws.path("orders/2026-12/2026-12-0009.ron"),
        theirs.as_bytes(),
    );
    let before = only_files(snapshot(&ws.root));
    match folder.save_new(batch(new_order("2026-12-0009", "2026-12-03"))) {
        Err(SaveError::AlreadyExists { path }) => {
            assert_eq!(path, "orders/2026-12/2026-12-0009.ron")
        }
        other => panic!("expected AlreadyExists, got {other:?}"),
    }
    assert_eq!(
        differences(&before, &only_files(snapshot(&ws.root))),
        BTreeMap::new(),
        "none of the batch was written, no temp file left"
    );
    assert_eq!(
        ws.bytes("orders/2026-12/2026-12-0009.ron"),
        theirs.as_bytes()
    );

    // The same file twice in one batch: the second would overwrite the first.
    match folder.save_new(vec![
        new_order("2026-11-0700", "2026-11-24"),
        new_order("2026-11-0701", "2026-11-24"),
        new_order("2026-11-0700", "2026-11-25"),
    ]) {
        Err(SaveError::AlreadyExists { path }) => {
            assert_eq!(path, "orders/2026-11/2026-11-0700.ron")
        }
        other => panic!("expected AlreadyExists, got {other:?}"),
    }
    assert_eq!(
        differences(&before, &only_files(snapshot(&ws.root))),
        BTreeMap::new()
    );
    // Nothing was remembered as saved: the batch without the clash goes through.
    folder
        .save_new(batch(new_order("2026-11-0502", "2026-11-24")))
        .expect("the batch without the clash");
    assert_eq!(folder.records().orders.len(), 5);
    assert_eq!(ws.open().records().orders.len(), 6);
}

/// Every `.ron` file under `orders/`, parsed; panics on any that does not parse.
fn parse_every_order(root: &Path) -> Vec<(String, Order)> {
    use rayon::prelude::*;
    let mut files = Vec::new();
    for month in fs::read_dir(root.join("orders")).unwrap().flatten() {
        let month_name = month.file_name().to_string_lossy().into_owned();
        for entry in fs::read_dir(month.path()).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".ron") && !name.starts_with('.') {
                files.push(format!("{month_name}/{name}"));
            }
        }
    }
    files
        .into_par_iter()
        .map(|path| {
            let text = fs::read_to_string(root.join("orders").join(&path))
                .unwrap_or_else(|e| panic!("orders/{path}: {e}"));
            let order = format::parse::<Order>(&text)
                .unwrap_or_else(|e| panic!("orders/{path} does not parse after a kill: {e}"));
            (path, order)
        })
        .collect()
}

/// `rightfirst check`: whether it exited 0, and what it printed.
fn check(root: &Path) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .arg("check")
        .arg(root)
        .output()
        .expect("rightfirst check runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    (output.status.success(), stdout)
}

/// When to kill a run of `generate`, counting from the orders it found.
#[derive(Debug, Clone, Copy)]
enum KillWhen {
    /// When this many orders are in place and its temp files appear.
    WritingAfter(usize),
    /// When more than this many orders are in place: while a batch is renamed into place.
    RenamingPast(usize),
    /// After this long, wherever it is.
    After(Duration),
}

#[cfg(unix)]
#[test]
fn generate_killed_part_way_leaves_a_sound_workspace_and_resumes() {
    // Two batches (10,000, then 4,999): kills land while a batch is written, while the second
    // batch of a run is renamed into place, and wherever a timer says. 30,000 took 2.5 min with
    // the kills in a debug build on a busy 2-core machine.
    const N: usize = 15_000;
    let parent = scratch("rightfirst-save-");
    let root = parent.path().join("ws");
    for (relative, text) in FILES {
        write(&root.join(relative), text.as_bytes());
    }
    let bin = env!("CARGO_BIN_EXE_rightfirst");
    let started = Instant::now();
    let plan = [
        KillWhen::WritingAfter(0),
        KillWhen::RenamingPast(10_000),
        KillWhen::RenamingPast(0),
        KillWhen::After(Duration::from_millis(1500)),
    ];
    let mut killed_with_temps = 0;
    let mut killed_mid_rename = 0;
    for (round, when) in plan.into_iter().enumerate() {
        let at_start = tally(&root, None).ron;
        let spawned = Instant::now();
        let mut child = Command::new(bin)
            .arg("generate")
            .arg(&root)
            .arg("--orders")
            .arg(N.to_string())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("rightfirst generate runs");
        let pid = child.id();
        let finished = loop {
            if let Some(status) = child.try_wait().unwrap() {
                assert!(status.success(), "generate failed on its own: {status}");
                break true;
            }
            let now = tally(&root, Some(pid));
            let kill = match when {
                KillWhen::WritingAfter(done) => now.ron >= at_start + done && now.own_temps > 0,
                KillWhen::RenamingPast(done) => now.ron > at_start + done,
                KillWhen::After(delay) => spawned.elapsed() >= delay,
            };
            if kill {
                break false;
            }
            std::thread::sleep(Duration::from_millis(3));
        };
        if !finished {
            child.kill().expect("SIGKILL");
        }
        // Reaped, so its temp files count as a dead process's.
        child.wait().unwrap();
        let left = tally(&root, Some(pid));
        println!(
            "round {round} ({when:?}): {} after {:?}, {} orders at start: {} order files, {} temp files of it, {} in all",
            if finished { "finished" } else { "killed" },
            spawned.elapsed(),
            at_start,
            left.ron,
            left.own_temps,
            left.temps,
        );
        if finished {
            break;
        }
        if left.own_temps > 0 {
            killed_with_temps += 1;
        }
        if left.own_temps > 0 && left.ron > at_start {
            killed_mid_rename += 1;
        }

        // Every order file in place is whole, and named after its order.
        let parsed = parse_every_order(&root);
        assert_eq!(parsed.len(), left.ron);
        for (path, order) in &parsed {
            assert!(path.ends_with(&format!("/{}.ron", order.id)), "{path}");
        }
        // `check` finds no error, ignores the temp files and leaves them be.
        let (ok, out) = check(&root);
        assert!(ok, "check after a kill:\n{out}");
        assert!(out.contains(" 0 errors"), "{out}");
        assert_eq!(tally(&root, Some(pid)), left, "check wrote");
        if round == 0 {
            // The killed run's temp files are stale: inspect keeps them, open removes them.
            assert!(
                left.own_temps > 0,
                "killed while writing temps, yet none were left"
            );
            Folder::inspect(&root).unwrap();
            assert_eq!(tally(&root, Some(pid)), left);
            let folder = Folder::open(&root).unwrap();
            assert_eq!(folder.error_count(), 0);
            assert_eq!(folder.records().orders.len(), left.ron);
            assert_eq!(tally(&root, Some(pid)).temps, 0);
        }
    }
    assert!(
        killed_with_temps > 0,
        "no kill landed while a batch was written"
    );
    assert!(
        killed_mid_rename > 0,
        "no kill landed while a batch was renamed"
    );

    let resumed = Instant::now();
    let status = Command::new(bin)
        .arg("generate")
        .arg(&root)
        .arg("--orders")
        .arg(N.to_string())
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    println!("the last run took {:?}", resumed.elapsed());
    // Its open removed every stale temp file of the killed runs.
    assert_eq!(temps(&root), Vec::<String>::new(), "stale temps were left");
    assert_eq!(
        tally(&root, None),
        Tally {
            ron: N,
            temps: 0,
            own_temps: 0
        }
    );
    let folder = Folder::open(&root).unwrap();
    assert_eq!(folder.error_count(), 0, "{:#?}", &folder.findings()[..3]);
    let ids: Vec<&str> = folder
        .records()
        .orders
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(ids.len(), N);
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), N, "an order id is in two files");
    let expected: HashSet<String> = std::iter::once("2026-11-0417".to_owned())
        .chain((1..N).map(|n| format!("G{n:07}")))
        .collect();
    assert!(
        expected.iter().all(|id| unique.contains(id.as_str())),
        "a generated id is missing"
    );
    println!("kill test: {N} orders in {:?} in all", started.elapsed());
}

#[test]
fn concurrent_writers_lose_no_successful_edit() {
    const WRITERS: usize = 3;
    const EDITS: usize = 60;
    let ws = Fixture::new();
    let root = ws.root.clone();
    let started = Instant::now();
    let outcomes: Vec<(BTreeSet<String>, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..WRITERS)
            .map(|writer| {
                let root = root.clone();
                scope.spawn(move || {
                    let mut saved = BTreeSet::new();
                    let mut refused = 0;
                    let mut folder = Folder::open(&root).expect("opens");
                    for edit in 0..EDITS {
                        let marker = format!("w{writer}-e{edit}");
                        loop {
                            let mut training = folder.records().training[0].clone();
                            training.signed.push(Signed {
                                procedure: marker.clone(),
                                revision: 1,
                                on: "2026-11-03".parse().unwrap(),
                                recorded_by: None,
                            });
                            match folder.save(training) {
                                Ok(()) => {
                                    saved.insert(marker.clone());
                                    break;
                                }
                                Err(SaveError::ChangedOnDisk { .. }) => {
                                    refused += 1;
                                    folder = Folder::open(&root).expect("reopens");
                                }
                                Err(other) => panic!("writer {writer}: {other}"),
                            }
                        }
                    }
                    (saved, refused)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let text = fs::read_to_string(root.join("training/bram.ron")).unwrap();
    let last: Training = parse(&text);
    let on_disk: BTreeSet<String> = last
        .signed
        .iter()
        .filter(|s| s.procedure != "scoop-ice-cream")
        .map(|s| s.procedure.clone())
        .collect();
    let mut saved = BTreeSet::new();
    let mut refused = 0;
    for (markers, count) in outcomes {
        saved.extend(markers);
        refused += count;
    }
    assert_eq!(saved.len(), WRITERS * EDITS);
    assert_eq!(
        on_disk, saved,
        "an edit reported saved is missing, or one appeared"
    );
    assert_eq!(
        last.signed.len(),
        WRITERS * EDITS + 1,
        "a marker is in twice"
    );
    assert_eq!(temps(&root), Vec::<String>::new());
    println!(
        "{WRITERS} writers x {EDITS} edits: {refused} refusals (each retried), {:?}",
        started.elapsed()
    );
}

#[test]
fn an_order_placed_in_another_month_moves_to_that_months_folder() {
    let fixture = Fixture::new();
    let mut folder = fixture.open();
    let mut order = example_order();
    order.placed = date("2026-12-01");
    folder.save(order.clone()).expect("saved");
    assert!(
        !fixture.path("orders/2026-11/2026-11-0417.ron").exists(),
        "the old file is gone"
    );
    let moved: Order =
        parse(&String::from_utf8(fixture.bytes("orders/2026-12/2026-11-0417.ron")).unwrap());
    assert_eq!(moved, order);
    let reopened = fixture.open();
    assert_eq!(reopened.records().orders.len(), 1);
    assert_eq!(folder.records().orders, reopened.records().orders);
}

#[test]
fn only_record_files_that_differ_from_what_was_read_or_written_count_as_changed_on_disk() {
    let ws = Fixture::new();
    let mut folder = ws.open();
    assert!(!folder.changed_on_disk(ORDER_FILE), "as read");

    // The folder's own save is no change; another writer's is.
    let mut order = folder.records().orders[0].clone();
    order.customer = None;
    folder.save(order).unwrap();
    assert!(!folder.changed_on_disk(ORDER_FILE), "as written");
    let saved = ws.bytes(ORDER_FILE);
    write(&ws.path(ORDER_FILE), ORDER.as_bytes());
    assert!(folder.changed_on_disk(ORDER_FILE), "written by another");
    write(&ws.path(ORDER_FILE), &saved);
    assert!(
        !folder.changed_on_disk(ORDER_FILE),
        "back to what was written"
    );

    // A record file that appeared or went counts; a temp file, a photo or a folder does not.
    let new = ORDER_FILE.replace(".ron", "9.ron");
    write(&ws.path(&new), ORDER.as_bytes());
    assert!(folder.changed_on_disk(&new));
    fs::remove_file(ws.path(ORDER_FILE)).unwrap();
    assert!(folder.changed_on_disk(ORDER_FILE));
    let folder_of = |file: &str| file.rsplit_once('/').unwrap().0.to_owned();
    let temp = format!("{}/.x.ron", folder_of(&new));
    write(&ws.path(&temp), b"half");
    assert!(!folder.changed_on_disk(&temp));
    write(&ws.path("attachments/2026-11/photo.jpg"), b"jpeg");
    assert!(!folder.changed_on_disk("attachments/2026-11/photo.jpg"));
    assert!(!folder.changed_on_disk(&folder_of(&new)));
    assert!(!folder.changed_on_disk("orders/2026-11/gone-before-we-knew.ron"));
}
