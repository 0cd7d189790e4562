//! People on disk: who left and who has a PIN read from hand-edited files and are written
//! back byte for byte; `check` wants an Owner who has not left; a PIN never reaches a file.

use std::fs;
use std::path::{Path, PathBuf};

use rightfirst::model::{Date, NamedIn, PeopleError, Pin, Role, Workspace, names_person};
use rightfirst::store::Folder;
use rightfirst::store::format::{parse, print};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("procedures")
}

/// A copy of the sample with `workspace.ron` replaced by `text`.
fn sample_with(text: &str) -> tempfile::TempDir {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    fs::write(root.join("workspace.ron"), text).unwrap();
    temp
}

fn errors(root: &Path) -> Vec<String> {
    let folder = Folder::check(root).unwrap();
    folder
        .findings()
        .iter()
        .filter(|f| f.severity == rightfirst::model::ProblemSeverity::Error)
        .map(ToString::to_string)
        .collect()
}

const HAND_EDITED: &str = r#"Workspace(
    format: 1,
    name: "Bell's Quayside Ices & Sandwiches",
    language: "en",
    staff: [
        Person(
            id: "ellen",
            name: "Ellen Bell",
            role: Owner,
            pin: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$QkFTRTY0aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo",
        ),
        Person(id: "tom", name: "Tom Bell", role: Owner, left: "2026-10-31"),
        Person(id: "priya", name: "Priya Shah", role: Staff),
        Person(id: "jake", name: "Jake Morrow", role: Staff, left: "2026-09-30"),
    ],
    defect_categories: ["Method", "Material", "Machine", "Man", "Measurement", "Environment"],
    recurrence: (count: 3, days: 90),
    contacts_per_order_alarm: 1.5,
)
"#;

#[test]
fn left_and_pin_are_read_from_hand_edits_and_written_back_the_same() {
    let workspace: Workspace = parse(HAND_EDITED).unwrap();
    let tom = workspace.person("tom").unwrap();
    assert_eq!(tom.left, Date::new(2026, 10, 31));
    assert!(workspace.person("ellen").unwrap().pin.is_some());
    assert_eq!(print(&workspace), HAND_EDITED);
    // `Some(..)` is read too, and written bare.
    let wrapped = HAND_EDITED.replace("left: \"2026-10-31\"", "left: Some(\"2026-10-31\")");
    assert_eq!(print(&parse::<Workspace>(&wrapped).unwrap()), HAND_EDITED);
    // A file from before these fields reads as before and keeps its bytes.
    let old = fs::read_to_string(sample().join("workspace.ron")).unwrap();
    let read: Workspace = parse(&old).unwrap();
    assert!(
        read.staff
            .iter()
            .all(|p| p.left.is_none() && p.pin.is_none())
    );
    assert_eq!(print(&read), old);
}

#[test]
fn a_leaver_stays_in_every_record_but_is_no_longer_offered() {
    let temp = sample_with(HAND_EDITED);
    let root = temp.path().join("shop");
    assert_eq!(errors(&root), Vec::<String>::new());
    let folder = Folder::open(&root).unwrap();
    let records = folder.records();
    let offered = |on| -> Vec<String> {
        let workspace = &records.workspace;
        workspace.offered(on).iter().map(|p| p.id.clone()).collect()
    };
    assert_eq!(
        offered(Date::new(2026, 9, 1).unwrap()),
        ["ellen", "tom", "priya", "jake"]
    );
    assert_eq!(offered(Date::new(2026, 11, 1).unwrap()), ["ellen", "priya"]);
    // Jake made orders: he stays, and cannot be removed.
    let named = names_person(records, "jake");
    assert!(
        named.iter().any(|n| matches!(n, NamedIn::Order(_))),
        "{named:?}"
    );
    assert!(named.contains(&NamedIn::Training("jake".into())));
    let mut workspace = records.workspace.clone();
    assert!(matches!(
        workspace.remove_person("jake", records),
        Err(PeopleError::Named { .. })
    ));
    // Ellen approved procedures: she stays an Owner.
    assert!(matches!(
        workspace.set_role("ellen", Role::Staff, records),
        Err(PeopleError::Approved { .. })
    ));
    // Someone new who is named nowhere may go again.
    workspace.add_person("Sam Visser", Role::Staff).unwrap();
    assert_eq!(
        workspace.remove_person("sam-visser", records).unwrap().name,
        "Sam Visser"
    );
}

#[test]
fn check_wants_an_owner_who_has_not_left() {
    let no_owner = HAND_EDITED.replace(
        "role: Owner,\n            pin:",
        "role: Owner,\n            left: \"2026-11-01\",\n            pin:",
    );
    let temp = sample_with(&no_owner);
    assert_eq!(
        errors(&temp.path().join("shop")),
        [
            "workspace.ron:5:12: no Owner who has not left; give someone the role Owner, or remove the left date of one"
        ]
    );
}

#[test]
fn a_record_naming_an_unknown_person_is_reported_as_before() {
    let gone = HAND_EDITED.replace(
        "        Person(id: \"jake\", name: \"Jake Morrow\", role: Staff, left: \"2026-09-30\"),\n",
        "",
    );
    let temp = sample_with(&gone);
    let found = errors(&temp.path().join("shop"));
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|f| f.contains("unknown person \"jake\"")),
        "{found:#?}"
    );
}

#[test]
fn a_pin_never_appears_in_any_file_written() {
    const PIN: &str = "90417263";
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("shop");
    rightfirst::store::create_business(&root, "Shop", "Ann Lee", rightfirst::model::Language::En)
        .unwrap();
    let mut folder = Folder::open(&root).unwrap();
    let mut workspace = folder.records().workspace.clone();
    workspace
        .set_pin("ann-lee", &Pin::parse(PIN).unwrap())
        .unwrap();
    folder.save(workspace).unwrap();

    let reread = Folder::open(&root).unwrap();
    let kept = reread.records().workspace.staff[0].pin.clone().unwrap();
    assert!(rightfirst::model::verify_pin(
        &kept,
        &Pin::parse(PIN).unwrap()
    ));
    let mut files = vec![temp.path().to_path_buf()];
    let mut seen = 0;
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        seen += 1;
        assert!(
            !bytes.windows(PIN.len()).any(|w| w == PIN.as_bytes()),
            "{} holds the PIN",
            path.display()
        );
    }
    assert!(seen >= 1);
}
