//! Listing a workspace's files and sorting them into the layout: records to read,
//! conflict copies to report, temp files of dead saves to clean up.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::super::Finding;
use super::super::index::Stamp;
use super::super::layout::{self, Name, Place};
use super::super::locate::Position;
use super::super::save;
use crate::model::ProblemSeverity;

/// The files a workspace holds, sorted into the layout.
#[derive(Default)]
pub(in crate::store) struct Scan {
    pub(in crate::store) records: Vec<(String, Place)>,
    /// When [`Scan::stamping`], each order file's stamp, in the order of `records` (`None`
    /// for other records): taken through the listed folder, so the system need not walk
    /// the whole path of each of a hundred thousand files again.
    pub(in crate::store) stamps: Vec<Option<Stamp>>,
    /// Whether to take the stamps, for an index.
    pub(in crate::store) stamping: bool,
    pub(in crate::store) findings: Vec<Finding>,
    pub(super) stale_temps: Vec<PathBuf>,
}

pub(super) fn finding(
    path: &str,
    at: Position,
    severity: ProblemSeverity,
    message: impl Into<String>,
) -> Finding {
    Finding {
        path: path.to_owned(),
        at,
        severity,
        message: message.into(),
    }
}

pub(super) const START: Position = Position { line: 1, col: 1 };

impl Scan {
    /// Joins the scans of several folders into this one, each list grown once: merging
    /// them pairwise moved each of a hundred thousand records a handful of times.
    fn merge_all(&mut self, others: Vec<Scan>) {
        let records: usize = others.iter().map(|other| other.records.len()).sum();
        let stamps: usize = others.iter().map(|other| other.stamps.len()).sum();
        self.records.reserve_exact(records);
        self.stamps.reserve_exact(stamps);
        for other in others {
            self.records.extend(other.records);
            self.stamps.extend(other.stamps);
            self.findings.extend(other.findings);
            self.stale_temps.extend(other.stale_temps);
        }
    }
}

/// Lists `relative` (a folder inside `root`), without following links; the folders in it
/// on every core, since a workspace keeps five years of orders in sixty month folders.
pub(super) fn scan_folder(root: &Path, relative: &str, scan: &mut Scan) {
    let folder = if relative.is_empty() {
        root.to_path_buf()
    } else {
        root.join(relative)
    };
    let Ok(entries) = fs::read_dir(&folder) else {
        return;
    };
    let mut folders = Vec::new();
    for entry in entries.flatten() {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        // Joined by hand: `format!` cost a few percent of a warm run.
        let mut path = String::with_capacity(relative.len() + 1 + name.len());
        if !relative.is_empty() {
            path.push_str(relative);
            path.push('/');
        }
        path.push_str(&name);
        let layout_folder = match relative {
            "" => matches!(
                name.as_str(),
                "procedures" | "checklists" | "orders" | "training" | "archive"
            ),
            "archive" => matches!(name.as_str(), "procedures" | "checklists"),
            "orders" => !name.starts_with('.'),
            _ => false,
        };
        if kind.is_dir() {
            if layout_folder {
                folders.push(path);
            }
            continue;
        }
        if kind.is_symlink() && layout_folder {
            scan.findings.push(finding(
                &path,
                START,
                ProblemSeverity::Warning,
                "is a symbolic link; Right First does not follow links inside a workspace, so the folder it points to is ignored",
            ));
            continue;
        }
        match layout::classify_name(&name) {
            Name::Temp => {
                if let Some(owner) = save::temp_owner(&name)
                    && owner != std::process::id()
                    && !process_alive(owner, &entry.path())
                {
                    scan.stale_temps.push(entry.path());
                }
            }
            Name::Conflict { original } => {
                let original = if relative.is_empty() {
                    original
                } else {
                    format!("{relative}/{original}")
                };
                scan.findings.push(finding(
                    &path,
                    START,
                    ProblemSeverity::Warning,
                    match layout::place(&original) {
                        Some(Place::Order { .. } | Place::Training { .. }) => format!(
                            "a sync tool made this conflict copy of {original}: `rightfirst resolve` or opening the workspace in the window merges it into {original}"
                        ),
                        _ => format!(
                            "a sync tool made this conflict copy of {original}: compare the two (the window's Problems shows them side by side), keep one, then delete the other"
                        ),
                    },
                ));
            }
            Name::Record => {
                let Some(place) = layout::place(&path) else {
                    continue;
                };
                if kind.is_symlink() {
                    scan.findings.push(finding(
                        &path,
                        START,
                        ProblemSeverity::Warning,
                        "is a symbolic link; Right First does not follow links inside a workspace, so it is ignored",
                    ));
                } else if kind.is_file() {
                    if scan.stamping {
                        let order = matches!(place, Place::Order { .. });
                        let stamp = order.then(|| entry.metadata().ok()).flatten();
                        scan.stamps.push(stamp.map(|meta| Stamp::from(&meta)));
                    }
                    scan.records.push((path, place));
                }
            }
            Name::Other => {}
        }
    }
    let inside: Vec<Scan> = folders
        .par_iter()
        .map(|path| {
            let mut inside = Scan {
                stamping: scan.stamping,
                ..Scan::default()
            };
            scan_folder(root, path, &mut inside);
            inside
        })
        .collect();
    scan.merge_all(inside);
}

/// Whether the process that wrote a temp file may still be saving.
fn process_alive(pid: u32, temp: &Path) -> bool {
    let proc = Path::new("/proc");
    if proc.is_dir() {
        return proc.join(pid.to_string()).exists();
    }
    // Without /proc, only age tells: no save takes an hour.
    fs::metadata(temp)
        .and_then(|meta| meta.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_none_or(|age| age.as_secs() < 3600)
}
