//! Moving an order to another month folder so that no crash leaves it in two months.
//!
//! A move first writes a small intent record, `orders/.<id>.rf-move`, naming the old file,
//! the new one and the hash of the old one's bytes; then the new file; then it removes the
//! old file and the intent. Whoever reads the workspace and finds an intent whose new file
//! is in place takes the old file, while it still holds those bytes, for the leftover of a
//! move cut short: it is not read, and opening the workspace to work in removes it. So at
//! every moment the order is in exactly one month, as far as any reader can tell.

use std::fs;
use std::path::Path;

use super::read::content_hash;
use super::save::{self, Expect, SaveError};
use super::{Finding, Mode, Position};
use crate::model::ProblemSeverity;

/// The folder of the orders, where the intents of moves lie.
const ORDERS_FOLDER: &str = "orders";

/// The end of an intent record's name.
const MOVE_SUFFIX: &str = ".rf-move";

/// A move under way: the old file and its hash, the new file, and the intent record.
pub(super) struct Move {
    from: String,
    to: String,
    hash: u64,
    intent: String,
}

impl Move {
    /// The old file, relative to the workspace.
    pub(super) fn from(&self) -> &str {
        &self.from
    }

    fn text(&self) -> String {
        format!(
            "from {}\nto {}\nhash {:016x}\n",
            self.from, self.to, self.hash
        )
    }

    fn parse(intent: String, text: &str) -> Option<Move> {
        let mut lines = text.lines();
        let mut field = |name: &str| lines.next()?.strip_prefix(name)?.strip_prefix(' ');
        let from = field("from")?.to_owned();
        let to = field("to")?.to_owned();
        let hash = u64::from_str_radix(field("hash")?, 16).ok()?;
        Some(Move {
            from,
            to,
            hash,
            intent,
        })
    }
}

/// Records, durably, that the order in `from` (whose bytes have `hash`) is about to move to
/// `to`; nothing has moved yet.
pub(super) fn begin(root: &Path, from: &str, to: &str, hash: u64) -> Result<Move, SaveError> {
    let id = to
        .rsplit('/')
        .next()
        .and_then(|name| name.strip_suffix(".ron"))
        .unwrap_or(to);
    let step = Move {
        from: from.to_owned(),
        to: to.to_owned(),
        hash,
        intent: format!("{ORDERS_FOLDER}/.{id}{MOVE_SUFFIX}"),
    };
    // An intent of an earlier move of this order that nobody settled says nothing now.
    let _ = fs::remove_file(root.join(&step.intent));
    save::write_atomic(root, &step.intent, step.text().as_bytes(), Expect::Absent)?;
    super::fault::step("move:intent-written");
    Ok(step)
}

/// The new file is in place: removes the old one, then the intent.
pub(super) fn finish(root: &Path, step: Move) -> Result<(), SaveError> {
    let removed = save::remove(root, &step.from, step.hash);
    super::fault::step("move:old-removed");
    abandon(root, step);
    removed
}

/// Forgets a move: its intent goes, whatever became of the files.
pub(super) fn abandon(root: &Path, step: Move) {
    let _ = fs::remove_file(root.join(&step.intent));
}

/// Settles the moves that were cut short, before a workspace's record files are read: an old
/// file a finished move left behind is taken out of `records` (the files about to be read)
/// with a warning, and, when the workspace is opened to work in, removed from disk with the
/// intent. Intents that no longer apply are removed then too.
pub(super) fn settle<P>(
    root: &Path,
    mode: Mode,
    records: &mut Vec<(String, P)>,
    findings: &mut Vec<Finding>,
) {
    let Ok(entries) = fs::read_dir(root.join(ORDERS_FOLDER)) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        if !name.starts_with('.') || !name.ends_with(MOVE_SUFFIX) {
            continue;
        }
        let intent = format!("{ORDERS_FOLDER}/{name}");
        let Some(step) = fs::read_to_string(entry.path())
            .ok()
            .and_then(|text| Move::parse(intent, &text))
        else {
            // Intents are written whole, so this one was written by hand: leave it be.
            continue;
        };
        let moved = records.iter().any(|(path, _)| *path == step.to);
        let old_as_left =
            fs::read(root.join(&step.from)).is_ok_and(|bytes| content_hash(&bytes) == step.hash);
        if moved && old_as_left {
            records.retain(|(path, _)| *path != step.from);
            findings.push(left_behind(&step, mode));
            if mode == Mode::Open && save::remove(root, &step.from, step.hash).is_err() {
                continue;
            }
        }
        if mode == Mode::Open {
            abandon(root, step);
        }
    }
}

/// The warning that an old copy of a moved order was set aside.
fn left_behind(step: &Move, mode: Mode) -> Finding {
    let message = if mode == Mode::Open {
        format!(
            "a save that moved this order to {} was cut short, leaving its old copy here; the old copy was removed",
            step.to
        )
    } else {
        format!(
            "is the old copy of an order that a save cut short moved to {}; it is not read, and opening the workspace in Right First removes it",
            step.to
        )
    };
    Finding {
        path: step.from.clone(),
        at: Position { line: 1, col: 1 },
        severity: ProblemSeverity::Warning,
        message,
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};
    use std::process::Command;

    use super::super::fault::FAIL_FLUSH;
    use super::super::{Folder, SaveError, create};
    use crate::model::{Date, Order};

    /// An order of the sample, in `orders/2026-08/`.
    const ID: &str = "2026-08-0012";
    const OLD: &str = "orders/2026-08/2026-08-0012.ron";
    const NEW: &str = "orders/2026-09/2026-08-0012.ron";

    fn sample() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("a temp folder");
        let root = dir.path().join("shop");
        create(&root, crate::sample::FILES).expect("the sample is copied");
        (dir, root)
    }

    fn order(folder: &Folder) -> Order {
        let found = folder.records().orders.iter().find(|o| o.id == ID);
        found.expect("the sample has the order").clone()
    }

    /// The order placed in September instead of August: saving it moves its file.
    fn moved(folder: &Folder) -> Order {
        let mut order = order(folder);
        order.placed = Date::new(2026, 9, 3).expect("a real day");
        order
    }

    /// Every file under `orders/` whose name is the order's, and every other hidden file.
    fn files_of_the_order(root: &Path) -> Vec<String> {
        let mut found = Vec::new();
        let mut folders = vec![root.join("orders")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("orders/ reads").flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if entry.path().is_dir() {
                    folders.push(entry.path());
                } else if name.contains(ID) || name.starts_with('.') {
                    let path = entry.path();
                    let relative = path.strip_prefix(root).expect("inside");
                    found.push(relative.to_string_lossy().into_owned());
                }
            }
        }
        found.sort();
        found
    }

    /// What `rightfirst check` says, and that the order is there once, as `report` reads it.
    fn assert_sound(root: &Path, when: &str) {
        let checked = Folder::check(root).expect("still a workspace");
        let errors: Vec<String> = checked
            .findings()
            .iter()
            .filter(|f| f.severity == crate::model::ProblemSeverity::Error)
            .map(ToString::to_string)
            .collect();
        assert!(
            errors.is_empty(),
            "check rejects the workspace {when}: {errors:#?}"
        );
        let read = Folder::read(root).expect("still a workspace");
        let copies = read.records().orders.iter().filter(|o| o.id == ID).count();
        assert_eq!(copies, 1, "the order is read {copies} times {when}");
    }

    #[test]
    #[ignore = "the child process of the tests that kill a save at each step"]
    fn save_the_order_in_a_child_process() {
        let Ok(root) = std::env::var("RIGHTFIRST_SAVE_IN") else {
            return;
        };
        let mut folder = Folder::open(Path::new(&root)).expect("opens");
        let order = if std::env::var("RIGHTFIRST_SAVE").is_ok_and(|how| how == "move") {
            moved(&folder)
        } else {
            let mut order = order(&folder);
            order.customer = Some("Fam. Janssen".into());
            order
        };
        folder.save(order).expect("saved");
    }

    /// Runs a child that saves the order (`how`: "move" or "edit") and crashes it at its first
    /// step, then its second, and so on until it finishes; after each crash the workspace
    /// is checked and opened. Returns the files of the order each crash left.
    fn crash_at_each_step(how: &str, finished: &str) -> Vec<Vec<String>> {
        let me = std::env::current_exe().expect("the test binary");
        let mut kills = Vec::new();
        for at in 1.. {
            let (_dir, root) = sample();
            let run = Command::new(&me)
                .args(["--exact", "--ignored", "--nocapture"])
                .arg("store::moving::tests::save_the_order_in_a_child_process")
                .env("RIGHTFIRST_SAVE_IN", &root)
                .env("RIGHTFIRST_SAVE", how)
                .env("RIGHTFIRST_ABORT_AT", at.to_string())
                .output()
                .expect("the child runs");
            let said = String::from_utf8_lossy(&run.stderr).into_owned();
            let Some(step) = said.lines().find_map(|l| l.strip_prefix("aborted at ")) else {
                assert!(run.status.success(), "the child failed on its own: {said}");
                // It reached no step of that number: the move ran to its end.
                assert_eq!(files_of_the_order(&root), [finished]);
                break;
            };
            assert!(!run.status.success(), "aborted, yet it exited well");
            let when = format!("after a crash {step}");
            let left = files_of_the_order(&root);
            println!("{when}: {left:?}");
            assert_sound(&root, &when);
            // Opening it to work in settles what the move left: one file, no intent, no temp.
            let opened = Folder::open(&root).expect("opens");
            let copies = opened
                .records()
                .orders
                .iter()
                .filter(|o| o.id == ID)
                .count();
            assert_eq!(copies, 1, "{when}, opened");
            let files = files_of_the_order(&root);
            assert!(
                files == [OLD] || files == [NEW],
                "{when}, opened: {files:?}"
            );
            assert_sound(&root, &format!("{when}, once opened"));
            kills.push(left);
        }
        kills
    }

    #[test]
    fn a_move_killed_at_any_step_leaves_the_order_in_one_month() {
        let kills = crash_at_each_step("move", NEW);
        // The crash that matters: the new file in place and the old one not yet removed.
        assert!(
            kills
                .iter()
                .any(|left| left.iter().any(|f| f == OLD) && left.iter().any(|f| f == NEW)),
            "no crash left both files: {kills:?}"
        );
    }

    #[test]
    fn a_save_killed_at_any_step_leaves_a_sound_workspace() {
        let kills = crash_at_each_step("edit", OLD);
        assert!(
            kills.len() >= 2,
            "the save crashed at too few steps: {kills:?}"
        );
    }

    #[test]
    fn a_flush_that_fails_after_the_rename_takes_the_file_for_this_windows_own() {
        let (_dir, root) = sample();
        let mut folder = Folder::open(&root).expect("opens");
        let mut order = order(&folder);
        order.customer = Some("Fam. Janssen".into());
        FAIL_FLUSH.set(Some("2026-08"));
        let failed = folder.save(order.clone());
        FAIL_FLUSH.set(None);
        assert!(
            matches!(&failed, Err(SaveError::Flush { .. })),
            "the user is told: {failed:?}"
        );
        assert!(failed.unwrap_err().to_string().contains("could not flush"));
        // The file holds what was meant, and the folder knows it as its own write.
        let text = std::fs::read_to_string(root.join(OLD)).expect("the file");
        assert_eq!(crate::store::format::parse::<Order>(&text).unwrap(), order);
        assert!(!folder.changed_on_disk(OLD));
        assert_eq!(
            super::super::Folder::records(&folder)
                .orders
                .iter()
                .find(|o| o.id == ID),
            Some(&order)
        );
        order.customer = Some("Fam. de Wit".into());
        folder
            .save(order)
            .expect("the next save is not refused as changed on disk");
    }

    #[test]
    fn a_move_whose_flush_fails_keeps_both_files_until_the_next_open_settles_them() {
        let (_dir, root) = sample();
        let mut folder = Folder::open(&root).expect("opens");
        let order = moved(&folder);
        FAIL_FLUSH.set(Some("2026-09"));
        let failed = folder.save(order.clone());
        FAIL_FLUSH.set(None);
        assert!(matches!(failed, Err(SaveError::Flush { .. })), "{failed:?}");
        // The old file stays while the new one may not survive a power cut, yet no reader
        // sees the order twice.
        let left = files_of_the_order(&root);
        assert!(
            left.contains(&OLD.to_owned()) && left.contains(&NEW.to_owned()),
            "{left:?}"
        );
        assert_sound(&root, "after the failed flush");
        let mut again = order.clone();
        again.customer = Some("Fam. Janssen".into());
        folder
            .save(again)
            .expect("the next save goes to the new file");
        let opened = Folder::open(&root).expect("opens");
        assert_eq!(files_of_the_order(&root), [NEW]);
        let warned = opened
            .findings()
            .iter()
            .any(|f| f.path == OLD && f.message.contains("cut short"));
        assert!(warned, "the user is told: {:?}", opened.findings());
    }
}
