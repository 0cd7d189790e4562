//! A sync tool between two copies of a folder, as Syncthing and Dropbox behave: a file
//! changed on one side only is copied over; a file changed on both keeps one version and
//! saves the other beside it as a conflict copy, on both sides.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Which tool's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// The newer file wins; the older becomes `<stem>.sync-conflict-<date>-<time>-<device>.ron`.
    Syncthing,
    /// The version that reached the server first wins; the other becomes
    /// `<stem> (<desk>'s conflicted copy <date> <n>).ron`.
    Dropbox,
}

/// The sync tool's memory: what each file held when both sides last agreed.
pub struct Sync {
    pub tool: Tool,
    synced: BTreeMap<String, Vec<u8>>,
    /// Conflict copies made.
    pub conflicts: usize,
    /// Files copied from one side to the other.
    pub copied: usize,
}

/// Every file under `dir` that a sync tool would carry, by path relative to `dir`: hidden
/// files (a save's temp file) are skipped, as Syncthing and Dropbox skip temp files.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if let Ok(bytes) = fs::read(&path) {
                let relative = path.strip_prefix(dir).unwrap().to_string_lossy();
                found.insert(relative.replace('\\', "/"), bytes);
            }
        }
    }
    found
}

/// Writes as sync tools do: a temp file, then a rename over the target.
fn put(dir: &Path, relative: &str, bytes: &[u8]) {
    let target = dir.join(relative);
    fs::create_dir_all(target.parent().unwrap()).unwrap();
    let temp = target.with_file_name(".syncing.tmp");
    fs::write(&temp, bytes).unwrap();
    fs::rename(&temp, &target).unwrap();
}

impl Sync {
    /// Starts from two identical folders.
    pub fn new(tool: Tool, dir: &Path) -> Sync {
        Sync {
            tool,
            synced: files(dir),
            conflicts: 0,
            copied: 0,
        }
    }

    /// One sync between the desks' folders `a` and `b` (named `names` for copies);
    /// `a_first` says, for Dropbox, whose change reached the server first.
    pub fn run(&mut self, dirs: [&Path; 2], names: [&str; 2], a_first: bool) {
        let [a, b] = dirs.map(files);
        let paths: BTreeSet<String> = a.keys().chain(b.keys()).cloned().collect();
        for path in paths {
            let base = self.synced.get(&path).cloned();
            match (a.get(&path), b.get(&path)) {
                (Some(x), Some(y)) if x == y => {
                    self.synced.insert(path, x.clone());
                }
                (Some(x), Some(y)) if base.as_ref() == Some(x) => self.copy(dirs[0], &path, y),
                (Some(x), Some(y)) if base.as_ref() == Some(y) => self.copy(dirs[1], &path, x),
                (Some(x), Some(y)) => {
                    let a_wins = match self.tool {
                        Tool::Syncthing => newer(dirs, &path),
                        Tool::Dropbox => a_first,
                    };
                    let (winner, loser, loser_name) = if a_wins {
                        (x, y, names[1])
                    } else {
                        (y, x, names[0])
                    };
                    self.conflict(dirs, &path, winner, loser, loser_name);
                }
                // Gone on one side: deleted there, unless the other side changed it since.
                (Some(x), None) | (None, Some(x)) => {
                    let (has, lacks) = if a.contains_key(&path) {
                        (dirs[0], dirs[1])
                    } else {
                        (dirs[1], dirs[0])
                    };
                    if base.as_ref() == Some(x) {
                        fs::remove_file(has.join(&path)).unwrap();
                        self.synced.remove(&path);
                    } else {
                        self.copy(lacks, &path, x);
                    }
                }
                (None, None) => {}
            }
        }
    }

    fn copy(&mut self, to: &Path, path: &str, bytes: &[u8]) {
        put(to, path, bytes);
        self.synced.insert(path.to_owned(), bytes.to_vec());
        self.copied += 1;
    }

    fn conflict(
        &mut self,
        dirs: [&Path; 2],
        path: &str,
        winner: &[u8],
        loser: &[u8],
        loser_name: &str,
    ) {
        self.conflicts += 1;
        let (stem, extension) = path.rsplit_once('.').unwrap_or((path, ""));
        let n = self.conflicts;
        let copy = match self.tool {
            Tool::Syncthing => format!(
                "{stem}.sync-conflict-20261205-{:06}-{}.{extension}",
                n,
                loser_name.to_uppercase()
            ),
            Tool::Dropbox => {
                format!("{stem} ({loser_name}'s conflicted copy 2026-12-05 {n}).{extension}")
            }
        };
        for dir in dirs {
            put(dir, path, winner);
            put(dir, &copy, loser);
        }
        self.synced.insert(path.to_owned(), winner.to_vec());
        self.synced.insert(copy, loser.to_vec());
    }
}

/// Whether `a`'s file is the newer (ties go to `a`).
fn newer(dirs: [&Path; 2], path: &str) -> bool {
    let modified = |dir: &Path| fs::metadata(dir.join(path)).and_then(|m| m.modified()).ok();
    modified(dirs[0]) >= modified(dirs[1])
}
