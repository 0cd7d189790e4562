//! `rightfirst new`: one's own empty business or the sample, made whole or not at all, and
//! never into a folder that holds something.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn rightfirst(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .args(args.iter().take(1))
        .arg(dir)
        .args(args.iter().skip(1))
        .output()
        .expect("rightfirst runs")
}

/// Every entry under `dir`, hidden ones too, with the bytes of the files.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("reads").flatten() {
            let path = entry.path();
            let relative = path.strip_prefix(dir).expect("inside");
            let relative = relative.to_string_lossy().replace('\\', "/");
            if path.is_dir() {
                found.push((relative, Vec::new()));
                folders.push(path);
            } else {
                found.push((relative, fs::read(&path).expect("reads")));
            }
        }
    }
    found.sort();
    found
}

fn names(dir: &Path) -> Vec<String> {
    snapshot(dir).into_iter().map(|(name, _)| name).collect()
}

const BAKKERIJ: &str = r#"Workspace(
    format: 1,
    name: "Bakkerij Jansen",
    language: "nl",
    staff: [Person(id: "piet-jansen", name: "Piet Jansen", role: Owner)],
    defect_categories: ["Method", "Material", "Machine", "Man", "Measurement", "Environment"],
    recurrence: (count: 3, days: 90),
    contacts_per_order_alarm: 1.5,
)
"#;

#[test]
fn new_with_a_name_makes_an_empty_business_that_checks_clean() {
    let temp = tempfile::tempdir().unwrap();
    let shop = temp.path().join("bakkerij");
    let made = rightfirst(
        &[
            "new",
            "--name",
            "Bakkerij Jansen",
            "--owner",
            "Piet Jansen",
            "--language",
            "nl",
        ],
        &shop,
    );
    assert!(made.status.success(), "{made:?}");
    assert!(String::from_utf8_lossy(&made.stdout).contains("Piet Jansen"));
    assert_eq!(names(temp.path()), ["bakkerij", "bakkerij/workspace.ron"]);
    let written = fs::read_to_string(shop.join("workspace.ron")).unwrap();
    assert_eq!(written, BAKKERIJ);

    let checked = rightfirst(&["check"], &shop);
    assert_eq!(checked.status.code(), Some(0), "{checked:?}");
    assert!(
        String::from_utf8_lossy(&checked.stdout).ends_with("1 record read, 0 errors, 0 warnings\n")
    );
}

#[test]
fn new_without_a_language_is_english() {
    let temp = tempfile::tempdir().unwrap();
    let shop = temp.path().join("shop");
    let made = rightfirst(&["new", "--name", "Shop", "--owner", "Ann Lee"], &shop);
    assert!(made.status.success(), "{made:?}");
    let written = fs::read_to_string(shop.join("workspace.ron")).unwrap();
    assert!(written.contains("language: \"en\""), "{written}");
    assert!(written.contains("Person(id: \"ann-lee\""), "{written}");
}

#[test]
fn new_with_sample_or_alone_copies_the_sample_byte_for_byte() {
    let temp = tempfile::tempdir().unwrap();
    for (args, name) in [(&["new", "--sample"][..], "a"), (&["new"][..], "b")] {
        let shop = temp.path().join(name);
        let made = rightfirst(args, &shop);
        assert!(made.status.success(), "{made:?}");
        for (relative, bytes) in rightfirst::sample::FILES {
            assert_eq!(&fs::read(shop.join(relative)).unwrap(), bytes, "{relative}");
        }
        assert_eq!(rightfirst(&["check"], &shop).status.code(), Some(0));
    }
    assert_eq!(
        names(temp.path())
            .iter()
            .filter(|n| !n.contains('/'))
            .count(),
        2
    );
}

#[test]
fn a_folder_in_use_is_refused_and_left_as_it_was() {
    let temp = tempfile::tempdir().unwrap();
    let used = temp.path().join("used");
    fs::create_dir(&used).unwrap();
    fs::write(used.join("notes.txt"), "mine").unwrap();
    let before = snapshot(temp.path());
    for args in [
        &["new", "--name", "Shop", "--owner", "Ann"][..],
        &["new", "--sample"][..],
    ] {
        let refused = rightfirst(args, &used);
        assert_eq!(refused.status.code(), Some(2), "{refused:?}");
        let said = String::from_utf8_lossy(&refused.stderr);
        assert!(said.contains("is not empty"), "{said}");
        assert!(said.contains("nothing was changed"), "{said}");
        assert_eq!(snapshot(temp.path()), before);
    }
}

#[test]
fn an_empty_name_is_refused_and_nothing_is_made() {
    let temp = tempfile::tempdir().unwrap();
    let shop = temp.path().join("shop");
    for (args, says) in [
        (
            &["new", "--name", "  ", "--owner", "Ann"][..],
            "the business needs a name",
        ),
        (
            &["new", "--name", "Shop", "--owner", ""][..],
            "a person needs a name",
        ),
    ] {
        let refused = rightfirst(args, &shop);
        assert_eq!(refused.status.code(), Some(2), "{refused:?}");
        assert!(
            String::from_utf8_lossy(&refused.stderr).contains(says),
            "{refused:?}"
        );
    }
    // Half a business is no business: clap asks for the other half.
    for args in [
        &["new", "--name", "Shop"][..],
        &["new", "--owner", "Ann"][..],
        &["new", "--sample", "--name", "Shop", "--owner", "Ann"][..],
    ] {
        let refused = rightfirst(args, &shop);
        assert_eq!(refused.status.code(), Some(2), "{args:?}: {refused:?}");
    }
    assert!(names(temp.path()).is_empty());
}

#[test]
fn a_parent_that_cannot_be_written_is_refused_and_nothing_is_made() {
    let temp = tempfile::tempdir().unwrap();
    // A file where a folder should be: no one, not even root, makes a folder in it.
    fs::write(temp.path().join("file"), "x").unwrap();
    let refused = rightfirst(&["new", "--sample"], &temp.path().join("file/shop"));
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("file/shop"),
        "{refused:?}"
    );
    assert_eq!(names(temp.path()), ["file"]);

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = temp.path().join("locked");
        fs::create_dir(&locked).unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
        if fs::write(locked.join("probe"), "").is_ok() {
            // Root writes anywhere: only the file above can stand in for a locked parent.
            eprintln!("running as root: the permission half of this test says nothing");
            fs::remove_file(locked.join("probe")).unwrap();
        } else {
            let refused = rightfirst(
                &["new", "--name", "Shop", "--owner", "Ann"],
                &locked.join("shop"),
            );
            assert_eq!(refused.status.code(), Some(1), "{refused:?}");
            assert!(names(&locked).is_empty());
        }
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    }
}
