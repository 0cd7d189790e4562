//! The workspace on disk: the only code that touches the file system.
//!
//! [`Folder::open`] reads a whole workspace, collecting every problem as a
//! [`Finding`] that names file, line and column; [`Folder::save`] writes one
//! record back atomically and durably, refusing to overwrite what it did not
//! load.

mod attach;
pub mod canonical;
#[cfg(feature = "gui")]
pub mod config;
mod create;
pub mod document;
mod fault;
pub mod format;
pub mod index;
mod keeping;
pub mod layout;
mod load;
pub mod locate;
mod merging;
mod moving;
mod photos;
pub mod place;
mod pretty;
mod read;
pub mod resolve;
mod save;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use attach::Attachment;
pub use create::{CreateError, create, create_business};
pub use index::IndexUse;
pub use keeping::{Unfit, fit_copy};
pub use layout::{Archived, RecordFile};
pub use load::{Batch, Needs, OpenError, OrderSink, Rest};
pub use locate::Position;
pub use read::{MAX_FILE_BYTES, content_hash, files_read};
pub use save::{Expect, LOCK_DIR_VARIABLE, SaveError};

use crate::model::{ProblemSeverity, Records};

/// One problem found while reading a workspace, at a file, line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The file, relative to the workspace, with `/` separators.
    pub path: String,
    /// Where in the file.
    pub at: Position,
    /// Error or warning.
    pub severity: ProblemSeverity,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let warning = if self.severity == ProblemSeverity::Warning {
            "warning: "
        } else {
            ""
        };
        write!(
            f,
            "{}:{}:{}: {warning}{}",
            self.path, self.at.line, self.at.col, self.message
        )
    }
}

/// What the store knows of a file it read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileState {
    /// Parsed; its bytes had this hash.
    Loaded(u64),
    /// Did not read or parse: never overwritten.
    Broken,
}

/// Each record file's state, by its path in the workspace. Hashed with FxHash: a landing
/// batch of older orders puts thousands of paths in at once, and SipHash was a fifth of
/// the window's turn. The paths are the workspace's own files.
type Files = HashMap<String, FileState, rustc_hash::FxBuildHasher>;

/// An open workspace folder: its records, what is wrong with it, and how to save to it.
#[derive(Debug)]
pub struct Folder {
    root: PathBuf,
    records: Records,
    files: Files,
    /// Order files read and parsed that `files` does not list: a folder opened only to be
    /// read or checked keeps the states of its broken files alone, since it never saves.
    untracked: usize,
    findings: Vec<Finding>,
    read_only: Option<String>,
    /// Why an index that was there was not used, in one line.
    index_warning: Option<String>,
    /// The index being written meanwhile: held only to be waited for when the folder is
    /// dropped.
    _index_writing: Option<index::Writing>,
    /// How many times this folder has written, deleted or read again a record file.
    writes: u64,
    /// The older orders still being read, when it was opened in two phases
    /// ([`Folder::open_first`]).
    older: Option<load::Awaited>,
}

/// Whether loading may tidy up after killed writers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Removes stale temp files.
    Open,
    /// Writes nothing at all, as `rightfirst check` promises.
    Inspect,
    /// Writes nothing and keeps no orders or hashes: only the findings are wanted.
    Check,
    /// Writes nothing and keeps every record but no hashes: for figures, never for saving.
    Read,
}

impl Folder {
    /// Opens a workspace to work in; removes temp files that killed saves left behind.
    pub fn open(root: &Path) -> Result<Folder, OpenError> {
        load::load_keeping(root, Mode::Open, &|_, _| {})
    }

    /// Reads a workspace without writing anything to it.
    pub fn inspect(root: &Path) -> Result<Folder, OpenError> {
        load::load_keeping(root, Mode::Inspect, &|_, _| {})
    }

    /// Checks a workspace as `rightfirst check` does: writes nothing, and keeps only the
    /// findings and the number of files read (its orders are checked, then dropped).
    pub fn check(root: &Path) -> Result<Folder, OpenError> {
        Folder::check_with(root, &IndexUse::Off)
    }

    /// Checks a workspace as [`Folder::check`] does, taking unchanged orders from the
    /// index `index` names (and keeping it up to date there): the same findings. A new
    /// index is written while the caller goes on; dropping the folder waits for it.
    pub fn check_with(root: &Path, index: &IndexUse) -> Result<Folder, OpenError> {
        let (mut folder, ()) = load::load(root, Mode::Check, &load::Discard, &|_, _| {}, index)?;
        folder.refuse_saves();
        Ok(folder)
    }

    /// Reads a workspace to compute figures or print documents from it: writes nothing,
    /// skips the hashes saving needs, and refuses every save.
    pub fn read(root: &Path) -> Result<Folder, OpenError> {
        let mut folder = load::load_keeping(root, Mode::Read, &|_, _| {})?;
        folder.refuse_saves();
        Ok(folder)
    }

    /// Reads a workspace as [`Folder::read`] does, but hands each order to `sink` as it is
    /// read instead of keeping it: the folder's records hold no orders. For figures over
    /// more orders than are worth holding in memory at once.
    pub fn read_into<S: OrderSink>(root: &Path, sink: &S) -> Result<(Folder, S::Sum), OpenError> {
        Folder::read_into_with(root, sink, &IndexUse::Off)
    }

    /// Reads as [`Folder::read_into`] does, taking unchanged orders from the index `index`
    /// names (and keeping it up to date there, as [`Folder::check_with`] does): the sink
    /// sees the same orders.
    pub fn read_into_with<S: OrderSink>(
        root: &Path,
        sink: &S,
        index: &IndexUse,
    ) -> Result<(Folder, S::Sum), OpenError> {
        let (mut folder, sum) = load::load(root, Mode::Read, sink, &|_, _| {}, index)?;
        folder.refuse_saves();
        Ok((folder, sum))
    }

    fn refuse_saves(&mut self) {
        if self.read_only.is_none() {
            self.read_only = Some("it was opened only to be read".to_owned());
        }
    }

    /// How many record files were read and parsed.
    pub fn record_count(&self) -> usize {
        self.files
            .values()
            .filter(|state| matches!(state, FileState::Loaded(_)))
            .count()
            + self.untracked
    }

    /// The workspace folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Every record that parsed.
    pub fn records(&self) -> &Records {
        &self.records
    }

    /// Why the index that was there was not used (damaged, another build's, another
    /// workspace's), as one line of warning; the findings are those of a full read.
    pub fn index_warning(&self) -> Option<&str> {
        self.index_warning.as_deref()
    }

    /// Every problem found, sorted by file and position.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// How many findings are errors.
    pub fn error_count(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == ProblemSeverity::Error)
            .count()
    }

    /// Why nothing may be saved, when the workspace was written by a newer build.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Whether this file was read but did not parse (it stays read-only).
    pub fn is_broken(&self, relative: &str) -> bool {
        self.files.get(relative) == Some(&FileState::Broken)
    }

    /// Every file in `orders/`, by the order id its name gives: (id, path relative to the
    /// workspace, whether it parsed).
    pub fn order_files(&self) -> impl Iterator<Item = (&str, &str, bool)> {
        self.files.iter().filter_map(|(path, state)| {
            let name = path.strip_prefix("orders/")?.rsplit('/').next()?;
            let id = name.strip_suffix(".ron")?;
            Some((id, path.as_str(), matches!(state, FileState::Loaded(_))))
        })
    }

    /// The file of order `id` that did not read or parse, if there is one, relative to the
    /// workspace: such a file is never overwritten, nor taken for the order being there.
    pub fn broken_order(&self, id: &str) -> Option<&str> {
        self.order_files()
            .find(|(stem, _, parsed)| *stem == id && !parsed)
            .map(|(_, path, _)| path)
    }

    /// Copies a photo into the folder of the record it is for, atomically and durably,
    /// under a free name made from its own, and returns its path relative to the workspace
    /// for a `photos` list. Refuses what is not a file, or is over the limit (32 MiB for an
    /// order's photo; 20 MB and JPEG or PNG only for a step's).
    pub fn attach(&mut self, source: &Path, to: &Attachment) -> Result<String, SaveError> {
        if let Some(reason) = &self.read_only {
            return Err(SaveError::ReadOnly(reason.clone()));
        }
        attach::attach(&self.root, source, to)
    }

    /// The bytes of a picture the workspace holds at `relative`, for showing it.
    pub fn picture(&self, relative: &str) -> Result<Vec<u8>, SaveError> {
        attach::picture(&self.root, relative)
    }

    /// How many times this folder has written, deleted or read again a record file (tried,
    /// at least): a copy read from disk before a later one of these may lack it.
    pub fn writes(&self) -> u64 {
        self.writes
    }

    /// Saves one record to its file, atomically and durably.
    ///
    /// Refuses to overwrite a file that changed on disk since it was loaded,
    /// one that did not parse, or any file of a workspace from a newer build.
    pub fn save<R: RecordFile>(&mut self, record: R) -> Result<(), SaveError> {
        self.writes += 1;
        if let Some(reason) = &self.read_only {
            return Err(SaveError::ReadOnly(reason.clone()));
        }
        let relative = record.path().map_err(SaveError::BadId)?;
        let expect = match self.files.get(&relative) {
            Some(FileState::Broken) => return Err(SaveError::Broken { path: relative }),
            Some(FileState::Loaded(hash)) => Expect::Unchanged(*hash),
            None => Expect::Absent,
        };
        let moved_from = record.moved_from(&self.records);
        let old_hash = match moved_from.as_ref().map(|old| self.files.get(old)) {
            Some(Some(FileState::Loaded(hash))) => Some(*hash),
            Some(Some(FileState::Broken)) => {
                return Err(SaveError::Broken {
                    path: moved_from.unwrap_or_default(),
                });
            }
            _ => None,
        };
        let text = format::print(&record);
        // Moved to another month folder: the old file goes, or the order would be there twice.
        let moving = match (moved_from, old_hash) {
            (Some(old), Some(old_hash)) => {
                Some(moving::begin(&self.root, &old, &relative, old_hash)?)
            }
            _ => None,
        };
        let (hash, flushed) =
            match save::write_in_place(&self.root, &relative, text.as_bytes(), expect) {
                Ok(written) => written,
                Err(error) => {
                    if let Some(step) = moving {
                        moving::abandon(&self.root, step);
                    }
                    return Err(error);
                }
            };
        // The file holds this record now, flushed or not: a later save must not take this
        // write for someone else's.
        self.files.insert(relative, FileState::Loaded(hash));
        if let Err(error) = flushed {
            // The old file of a move stays with its intent, in case the new one does not
            // survive a power cut: the next open settles them.
            record.put(&mut self.records);
            self.records.sort();
            return Err(error);
        }
        if let Some(step) = moving {
            let old = step.from().to_owned();
            moving::finish(&self.root, step)?;
            self.files.remove(&old);
        }
        record.put(&mut self.records);
        self.records.sort();
        Ok(())
    }

    /// Saves many new records at once, flushing them to disk together.
    ///
    /// Refuses the whole batch, writing nothing, if any of them already has a file.
    pub fn save_new<R: RecordFile>(&mut self, new: Vec<R>) -> Result<(), SaveError> {
        self.writes += 1;
        if let Some(reason) = &self.read_only {
            return Err(SaveError::ReadOnly(reason.clone()));
        }
        let mut files = Vec::with_capacity(new.len());
        // Two records of the batch with one file: the second rename would overwrite the first.
        let mut in_batch = std::collections::HashSet::with_capacity(new.len());
        for record in &new {
            let relative = record.path().map_err(SaveError::BadId)?;
            if self.files.contains_key(&relative) || !in_batch.insert(relative.clone()) {
                return Err(SaveError::AlreadyExists { path: relative });
            }
            files.push((relative, format::print(record).into_bytes()));
        }
        save::write_new_batch(&self.root, &files)?;
        for ((relative, bytes), record) in files.into_iter().zip(new) {
            self.files
                .insert(relative, FileState::Loaded(content_hash(&bytes)));
            record.put_new(&mut self.records);
        }
        self.records.sort();
        Ok(())
    }

    /// The path of a record's file, relative to the workspace.
    pub fn path_of<R: RecordFile>(record: &R) -> Result<String, SaveError> {
        record.path().map_err(SaveError::BadId)
    }

    /// Deletes a record's file, if it still holds what was loaded.
    pub fn delete<R: RecordFile>(&mut self, record: &R) -> Result<(), SaveError> {
        self.writes += 1;
        if let Some(reason) = &self.read_only {
            return Err(SaveError::ReadOnly(reason.clone()));
        }
        let relative = record.path().map_err(SaveError::BadId)?;
        match self.files.get(&relative) {
            Some(FileState::Loaded(hash)) => save::remove(&self.root, &relative, *hash)?,
            Some(FileState::Broken) => return Err(SaveError::Broken { path: relative }),
            None => return Err(SaveError::ChangedOnDisk { path: relative }),
        }
        self.files.remove(&relative);
        record.forget(&mut self.records);
        Ok(())
    }

    /// The text of a file as it is on disk now, to show beside the user's version.
    pub fn disk_text(&self, relative: &str) -> Result<String, SaveError> {
        let path = self.root.join(relative);
        match read::read_text(&path, true) {
            Ok((text, _)) => Ok(text),
            Err(error) => Err(SaveError::Io {
                action: "read",
                path: relative.to_owned(),
                source: std::sync::Arc::new(std::io::Error::other(error.describe().1)),
            }),
        }
    }

    /// Whether the file at `relative` (with `/` separators) now differs from what this folder
    /// read or wrote: a record file that appeared, changed or went. Anything else, such as a
    /// photo or a save's hidden temp file, is no change to the records.
    pub fn changed_on_disk(&self, relative: &str) -> bool {
        let name = relative.rsplit('/').next().unwrap_or(relative);
        if !name.ends_with(".ron") || name.starts_with('.') {
            return false;
        }
        match (
            std::fs::read(self.root.join(relative)),
            self.files.get(relative),
        ) {
            (Ok(bytes), Some(FileState::Loaded(hash))) => content_hash(&bytes) != *hash,
            // A broken file written again may be mended; a new file is new.
            (Ok(_), Some(FileState::Broken) | None) => true,
            (Err(error), Some(_)) => error.kind() == std::io::ErrorKind::NotFound,
            (Err(_), None) => false,
        }
    }

    /// Saves a record over whatever its file holds now: the user saw both and chose theirs.
    pub fn overwrite<R: RecordFile>(&mut self, record: R) -> Result<(), SaveError> {
        let relative = record.path().map_err(SaveError::BadId)?;
        match std::fs::read(self.root.join(&relative)) {
            Ok(bytes) => self
                .files
                .insert(relative, FileState::Loaded(content_hash(&bytes))),
            Err(_) => self.files.remove(&relative),
        };
        self.save(record)
    }

    /// Reads one record's file again, taking what is on disk now.
    pub fn reload<R>(&mut self, relative: &str) -> Result<(), SaveError>
    where
        R: RecordFile + serde::de::DeserializeOwned,
    {
        self.writes += 1;
        let path = self.root.join(relative);
        let (text, hash) = read::read_text(&path, true).map_err(|error| SaveError::Io {
            action: "read",
            path: relative.to_owned(),
            source: std::sync::Arc::new(std::io::Error::other(error.describe().1)),
        })?;
        match format::parse::<R>(&text) {
            Ok(record) => {
                self.files
                    .insert(relative.to_owned(), FileState::Loaded(hash));
                record.put(&mut self.records);
                self.records.sort();
                Ok(())
            }
            Err(error) => {
                self.files.insert(relative.to_owned(), FileState::Broken);
                self.findings.push(Finding {
                    path: relative.to_owned(),
                    at: error.at,
                    severity: ProblemSeverity::Error,
                    message: error.message.clone(),
                });
                Err(SaveError::Broken {
                    path: relative.to_owned(),
                })
            }
        }
    }

    /// The lines around `line` of a file (numbered from 1), to show where a problem is.
    pub fn excerpt(&self, relative: &str, line: usize, around: usize) -> Vec<(usize, String)> {
        let Ok(bytes) = std::fs::read(self.root.join(relative)) else {
            return Vec::new();
        };
        let text = String::from_utf8_lossy(&bytes);
        let first = line.saturating_sub(around).max(1);
        text.lines()
            .enumerate()
            .map(|(n, content)| (n + 1, content))
            .skip(first - 1)
            .take(line + around + 1 - first)
            .map(|(n, content)| (n, content.to_owned()))
            .collect()
    }
}
