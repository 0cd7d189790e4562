//! A folder for a workspace that a kill test fills with many files, and a tally of them.

use std::fs;
use std::path::Path;

/// Memory when there is some: a kill test is about processes, not power cuts, and deleting
/// flushed files on a disk mounted with `discard` took ~2.5 ms each here.
pub fn scratch(prefix: &str) -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::Builder::new().prefix(prefix).tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().expect("a temp folder")
}

/// What `orders/` and its month folders hold while a writer runs (or after it was killed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Order files.
    pub ron: usize,
    /// Temp files of any process.
    pub temps: usize,
    /// Temp files of the process watched.
    pub own_temps: usize,
}

/// Counts the order files and save temp files in `orders/` and its month folders; `pid`'s
/// own temp files apart.
pub fn tally(root: &Path, pid: Option<u32>) -> Tally {
    let mut tally = Tally {
        ron: 0,
        temps: 0,
        own_temps: 0,
    };
    let own = pid.map(|pid| format!(".{pid}-"));
    let mut count = |folder: &Path| {
        if let Ok(entries) = fs::read_dir(folder) {
            for entry in entries.flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name.ends_with(".rf-tmp") {
                    tally.temps += 1;
                    if own.as_ref().is_some_and(|own| name.contains(own.as_str())) {
                        tally.own_temps += 1;
                    }
                } else if name.ends_with(".ron") {
                    tally.ron += 1;
                }
            }
        }
    };
    let orders = root.join("orders");
    count(&orders);
    if let Ok(months) = fs::read_dir(&orders) {
        for month in months.flatten() {
            if month.file_type().is_ok_and(|t| t.is_dir()) {
                count(&month.path());
            }
        }
    }
    tally
}
