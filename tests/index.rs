//! The index `check` and `report` keep in the cache folder never changes an answer:
//! after any edits, adds, deletes and renames (edits that keep a file's size and
//! modification time too), the findings, the number of records read and the figures are
//! those of a full read; and a damaged, foreign or other-version index, or a cache folder
//! that refuses to be written, changes nothing but speed.

mod index_common;

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rightfirst::store::{self, IndexUse};

use index_common::{answer, index_files, order_files, shifted, workspace};

/// One change to a workspace, as a person, a sync tool or another desk makes it.
#[derive(Debug, Clone)]
enum Op {
    /// Flips a check result between Pass and Fail (or changes the product's first letter,
    /// or a broken file's first byte).
    Edit(usize),
    /// The same, then puts the modification time back: the size and mtime are as before.
    EditKeepingStamp(usize),
    /// A copy of an order under a new id.
    Add(usize),
    Delete(usize),
    /// The file renamed, its content as it was (the name no longer matches the id).
    Rename(usize),
    /// The file made unreadable as RON.
    Break(usize),
    /// A comment added to workspace.ron: the other records' hash changes, nothing else.
    TouchWorkspace,
    /// A checklist taken away, or put back: the orders' own checks change.
    ToggleChecklist,
    /// A training record taken away, or put back: the figures of training change, the
    /// facts the index keeps of each order do not.
    ToggleTraining,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => any::<usize>().prop_map(Op::Edit),
        4 => any::<usize>().prop_map(Op::EditKeepingStamp),
        2 => any::<usize>().prop_map(Op::Add),
        2 => any::<usize>().prop_map(Op::Delete),
        2 => any::<usize>().prop_map(Op::Rename),
        1 => any::<usize>().prop_map(Op::Break),
        1 => Just(Op::TouchWorkspace),
        1 => Just(Op::ToggleChecklist),
        1 => Just(Op::ToggleTraining),
    ]
}

/// The same text with one change of the same length in bytes.
fn flipped(text: &str) -> String {
    if let Some(at) = text.find("outcome: Pass") {
        return format!("{}outcome: Fail{}", &text[..at], &text[at + 13..]);
    }
    if let Some(at) = text.find("outcome: Fail") {
        return format!("{}outcome: Pass{}", &text[..at], &text[at + 13..]);
    }
    match text.find("product: \"") {
        Some(at) => {
            let first = at + 10;
            let letter = text.as_bytes()[first];
            let other = if letter == b'X' { 'Y' } else { 'X' };
            format!("{}{other}{}", &text[..first], &text[first + 1..])
        }
        // A broken file has neither: its first byte changes, its length does not.
        None => {
            let first = if text.starts_with('X') { "Y" } else { "X" };
            format!("{first}{}", text.get(1..).unwrap_or_default())
        }
    }
}

fn apply(root: &Path, op: &Op, fresh: &mut usize) {
    let files = order_files(root);
    let pick = |n: usize| files.get(n % files.len().max(1)).cloned();
    match op {
        Op::Edit(n) | Op::EditKeepingStamp(n) => {
            let Some(file) = pick(*n) else { return };
            let path = root.join(&file);
            let meta = fs::metadata(&path).expect("meta");
            let text = fs::read_to_string(&path).expect("read");
            let new = flipped(&text);
            fs::write(&path, &new).expect("write");
            if matches!(op, Op::EditKeepingStamp(_)) {
                assert_eq!(new.len(), text.len(), "the edit keeps the size");
                let file = fs::File::options().write(true).open(&path).expect("open");
                file.set_modified(meta.modified().expect("mtime"))
                    .expect("set mtime");
                let after = fs::metadata(&path).expect("meta");
                assert_eq!(after.modified().ok(), meta.modified().ok());
                assert_eq!(after.len(), meta.len());
            }
        }
        Op::Add(n) => {
            let Some(file) = pick(*n) else { return };
            let text = fs::read_to_string(root.join(&file)).expect("read");
            let stem = file.rsplit('/').next().unwrap().trim_end_matches(".ron");
            *fresh += 1;
            let id = format!("N{fresh:04}");
            let folder = &file[..file.rfind('/').unwrap()];
            let text = text.replacen(&format!("id: \"{stem}\""), &format!("id: \"{id}\""), 1);
            fs::write(root.join(format!("{folder}/{id}.ron")), text).expect("add");
        }
        Op::Delete(n) => {
            if let Some(file) = pick(*n) {
                fs::remove_file(root.join(file)).expect("delete");
            }
        }
        Op::Rename(n) => {
            if let Some(file) = pick(*n) {
                *fresh += 1;
                let folder = &file[..file.rfind('/').unwrap()];
                let to = format!("{folder}/R{fresh:04}.ron");
                fs::rename(root.join(&file), root.join(to)).expect("rename");
            }
        }
        Op::Break(n) => {
            if let Some(file) = pick(*n) {
                fs::write(root.join(file), "Order(\n    id: ").expect("break");
            }
        }
        Op::TouchWorkspace => {
            let path = root.join("workspace.ron");
            let mut text = fs::read_to_string(&path).expect("read");
            text.push_str("// touched\n");
            fs::write(&path, text).expect("write");
        }
        Op::ToggleChecklist => {
            let path = root.join("checklists/sandwich-check.ron");
            let kept = root.join("sandwich-check.kept");
            if kept.exists() {
                fs::rename(&kept, &path).expect("put back");
            } else {
                fs::rename(&path, &kept).expect("take away");
            }
        }
        Op::ToggleTraining => {
            let path = root.join("training/priya.ron");
            let kept = root.join("priya.kept");
            if kept.exists() {
                fs::rename(&kept, &path).expect("put back");
            } else {
                fs::rename(&path, &kept).expect("take away");
            }
        }
    }
}

/// The findings, records read and figures are equal (the figures' Debug is too long to
/// print whole).
fn same(
    indexed: &index_common::Answer,
    full: &index_common::Answer,
    when: &str,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(&indexed.findings, &full.findings, "findings {}", when);
    prop_assert_eq!(indexed.records, full.records, "records read {}", when);
    prop_assert!(indexed.figures == full.figures, "figures differ {}", when);
    prop_assert_eq!(&indexed.warning, &None, "no warning {}", when);
    Ok(())
}

/// After every step of `ops`, check and report through the index say exactly what a full
/// read says.
fn answers_as_a_full_read(ops: &[Op]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().expect("temp");
    let root = workspace(dir.path());
    let cache = dir.path().join("cache");
    let index = shifted(&cache);
    let mut fresh = 0;
    // The first run writes the index; every later one uses it.
    same(
        &answer(&root, &index),
        &answer(&root, &IndexUse::Off),
        "cold",
    )?;
    for op in ops {
        apply(&root, op, &mut fresh);
        let full = answer(&root, &IndexUse::Off);
        same(&answer(&root, &index), &full, &format!("after {op:?}"))?;
        // And once more, from the index that run wrote.
        same(
            &answer(&root, &index),
            &full,
            &format!("again after {op:?}"),
        )?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// After every step of a random sequence of changes, check and report through the
    /// index say exactly what a full read says.
    #[test]
    fn the_index_answers_as_a_full_read(ops in prop::collection::vec(op(), 1..8)) {
        answers_as_a_full_read(&ops)?;
    }
}

/// The case CI found: an order broken, then edited with its size and modification time
/// kept. The edit of a broken file must keep its length too, and the index must still
/// see that the broken text changed.
#[test]
fn a_broken_order_edited_in_place_is_read_again() {
    let ops = [
        Op::Break(15014521955681513038),
        Op::EditKeepingStamp(675414122694986230),
    ];
    answers_as_a_full_read(&ops).expect("the index answers as a full read");
}

/// A run with the index, then the index file spoilt by `spoil`; the next run must give a
/// full read's answer with one warning containing `why`, and write a good index again.
fn spoilt(spoil: impl Fn(&Path), why: &str) {
    let dir = tempfile::tempdir().expect("temp");
    let root = workspace(dir.path());
    let cache = dir.path().join("cache");
    let index = shifted(&cache);
    let full = answer(&root, &IndexUse::Off);
    assert_eq!(answer(&root, &index), full);
    let files = index_files(&cache);
    assert_eq!(files.len(), 1, "one index file: {files:?}");
    spoil(&files[0]);
    let after = answer(&root, &index);
    let warning = after.warning.clone().expect("a warning");
    assert!(warning.contains(why), "{warning}");
    assert_eq!(warning.lines().count(), 1, "{warning}");
    assert_eq!(after.findings, full.findings);
    assert_eq!(after.records, full.records);
    assert_eq!(after.figures, full.figures);
    // Rebuilt: the next run trusts it again, with no warning.
    assert_eq!(answer(&root, &index), full);
}

#[test]
fn a_truncated_index_is_ignored_and_rebuilt() {
    spoilt(
        |file| {
            let bytes = fs::read(file).expect("read");
            fs::write(file, &bytes[..bytes.len() / 2]).expect("truncate");
        },
        "damaged or cut short",
    );
}

#[test]
fn a_damaged_index_is_ignored_and_rebuilt() {
    spoilt(
        |file| {
            let mut bytes = fs::read(file).expect("read");
            // A flipped bit in the middle, where the stamps and orders are.
            let middle = bytes.len() / 2;
            bytes[middle] ^= 0x10;
            fs::write(file, bytes).expect("write");
        },
        "damaged or cut short",
    );
}

#[test]
fn an_index_of_another_version_is_ignored_and_rebuilt() {
    spoilt(
        |file| {
            let mut bytes = fs::read(file).expect("read");
            // The version follows the eight bytes of the magic.
            bytes[8] = bytes[8].wrapping_add(1);
            fs::write(file, bytes).expect("write");
        },
        "another version",
    );
}

/// A workspace copied along with its cache (or a hash that collides): the index names
/// another workspace, so it is not used.
#[test]
fn an_index_of_another_workspace_is_ignored() {
    let dir = tempfile::tempdir().expect("temp");
    let first = workspace(&dir.path().join("a"));
    let second = workspace(&dir.path().join("b"));
    let cache = dir.path().join("cache");
    let index = shifted(&cache);
    answer(&first, &index);
    let first_index = index_files(&cache);
    answer(&second, &index);
    let both = index_files(&cache);
    assert_eq!(both.len(), 2);
    let second_index = both.iter().find(|f| !first_index.contains(f)).unwrap();
    // The second workspace changed, and its index replaced by the first's.
    let file = &order_files(&second)[0];
    fs::write(
        second.join(file),
        flipped(&fs::read_to_string(second.join(file)).unwrap()),
    )
    .unwrap();
    fs::copy(&first_index[0], second_index).unwrap();
    let full = answer(&second, &IndexUse::Off);
    let after = answer(&second, &index);
    let warning = after.warning.clone().expect("a warning");
    assert!(warning.contains("is the index of"), "{warning}");
    assert!(warning.contains("/a/ws"), "{warning}");
    assert_eq!(
        (after.findings, after.records, after.figures),
        (full.findings, full.records, full.figures)
    );
}

/// A cache folder that refuses to be written (here its `index` is a file, which refuses
/// even root, who runs these tests in CI): nothing is written, no warning, same answer.
#[test]
fn a_cache_folder_that_refuses_is_not_written() {
    let dir = tempfile::tempdir().expect("temp");
    let root = workspace(dir.path());
    let cache = dir.path().join("cache");
    fs::create_dir_all(&cache).unwrap();
    fs::write(cache.join("index"), "not a folder").unwrap();
    let index = shifted(&cache);
    let full = answer(&root, &IndexUse::Off);
    assert_eq!(answer(&root, &index), full);
    assert_eq!(answer(&root, &index), full);
    assert_eq!(
        fs::read_to_string(cache.join("index")).unwrap(),
        "not a folder"
    );
    let leftovers: Vec<_> = fs::read_dir(&cache).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temp file left behind");
}

/// Indexes of many workspaces (copies opened once, a test suite's temporary folders) do
/// not pile up: the cache keeps those of the last few used, the one just written always.
#[test]
fn the_cache_keeps_the_indexes_of_the_workspaces_used_last() {
    let dir = tempfile::tempdir().expect("temp");
    let cache = dir.path().join("cache");
    let index = shifted(&cache);
    let indexes = || fs::read_dir(cache.join("index")).unwrap().count();
    let mut last = None;
    for n in 0..store::index::KEPT + 4 {
        let into = dir.path().join(format!("copy-{n}"));
        let root = workspace(&into);
        answer(&root, &index);
        assert!(indexes() <= store::index::KEPT, "{} indexes", indexes());
        last = Some(root);
    }
    assert_eq!(indexes(), store::index::KEPT);
    // The workspace used last still has its index: using it again writes and removes
    // nothing, where a missing index would be written and push out another.
    let names = || {
        let mut names: Vec<_> = (fs::read_dir(cache.join("index")).unwrap())
            .map(|entry| entry.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let before = names();
    answer(&last.unwrap(), &index);
    assert_eq!(names(), before, "the last index was kept");
}
