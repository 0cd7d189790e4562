//! A derived index of a workspace's order files, so `check` and `report` need not read
//! and parse a hundred thousand unchanged files again.
//!
//! It is a cache, never the truth: one file in the user's cache folder
//! (`$XDG_CACHE_HOME/rightfirst/index/` on Linux), named by a hash of the workspace's
//! canonical path, which it also holds. Per order file it keeps the file's stamp (size,
//! modification and change time in nanoseconds, inode), the findings of the order's own
//! checks and the order's [`Facts`]: the few things the figures use (who made it and when,
//! how its checks came out, how many contacts, its defects whole), not the whole order.
//! The findings and the judged checks depend on the workspace's people, procedures and
//! checklists, so they are kept together with a hash of those files; when that changes,
//! every order is read again. Cross-file rules (two files with one order id) are always
//! run over the listing itself.
//!
//! A file that did not read or parse is not kept: it is read every time, so a passing
//! fault (a file locked or half-synced) is never remembered.
//!
//! An entry is used only when the file's stamp is unchanged and the file is not *racily
//! clean*: as in git's index, a file whose modification (or change) time is not older than
//! the moment its stamp was taken minus [`GRANULARITY_NS`] could have been changed again
//! within the same tick of a coarse clock (FAT keeps two seconds, some network shares one)
//! without its stamp changing, so it is read again. The moment stored is taken before any
//! file is looked at, so a change during the run is never missed.
//!
//! An index that is damaged, cut short, from another build or for another workspace is
//! ignored with one line of warning and rebuilt; one that cannot be written (a read-only or
//! full cache folder) is not written. Either way the answer is that of a full read.

mod defects;
mod file;
mod write;

use std::fs::{self, Metadata};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::{FileState, Files, Finding};
use crate::model::Facts;
use file::{Old, Refused};
pub use write::{KEPT, Writing};
use write::{Out, STREAMED, Streaming};

/// Modification times closer than this to the moment the index was taken are not trusted.
pub const GRANULARITY_NS: i64 = 2_000_000_000;

/// The variable that turns the index off (any value), for benches and comparisons.
pub const NO_INDEX_VARIABLE: &str = "RIGHTFIRST_NO_INDEX";

/// Whether a read of a workspace may use an index, and where it lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexUse {
    /// Read every file.
    Off,
    /// Keep the index in this cache folder (it makes `index/` in it).
    In(PathBuf),
    /// As `In`, but the run takes its start to be this many nanoseconds later than the
    /// clock says: a test seam, so files a test has just written are not racily clean.
    #[doc(hidden)]
    Shifted(PathBuf, i64),
}

impl IndexUse {
    /// The user's cache folder, unless [`NO_INDEX_VARIABLE`] is set or there is none.
    pub fn user() -> IndexUse {
        if std::env::var_os(NO_INDEX_VARIABLE).is_some() {
            return IndexUse::Off;
        }
        match directories::ProjectDirs::from("", "", "rightfirst") {
            Some(dirs) => IndexUse::In(dirs.cache_dir().to_path_buf()),
            None => IndexUse::Off,
        }
    }
}

/// What tells a file changed without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    size: u64,
    mtime_ns: i64,
    ctime_ns: i64,
    inode: u64,
}

fn nanos(time: std::io::Result<SystemTime>) -> i64 {
    time.ok()
        .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |since| {
            i64::try_from(since.as_nanos()).unwrap_or(i64::MAX)
        })
}

impl Stamp {
    /// The stamp of the file at `path`, if it can be looked at.
    pub(super) fn of(path: &Path) -> Option<Stamp> {
        fs::symlink_metadata(path)
            .ok()
            .map(|meta| Stamp::from(&meta))
    }

    /// The stamp of a file from what the system said of it.
    pub(super) fn from(meta: &Metadata) -> Stamp {
        #[cfg(unix)]
        let (ctime_ns, inode) = {
            use std::os::unix::fs::MetadataExt;
            (meta.ctime() * 1_000_000_000 + meta.ctime_nsec(), meta.ino())
        };
        #[cfg(not(unix))]
        let (ctime_ns, inode) = (0, 0);
        Stamp {
            size: meta.len(),
            mtime_ns: nanos(meta.modified()),
            ctime_ns,
            inode,
        }
    }

    /// Racily clean: changed so close to `taken_ns` that a coarse clock may hide a change.
    fn racy(&self, taken_ns: i64) -> bool {
        self.mtime_ns.max(self.ctime_ns) >= taken_ns.saturating_sub(GRANULARITY_NS)
    }
}

/// What one core's read of the orders gives the new index, in the order it read them:
/// the files read now, each written whole as the index holds it into one buffer (a
/// hundred thousand small buffers were allocated, sorted, copied again and freed on the
/// way out), and the files whose old entry is kept.
///
/// With no old index every entry is new, and each [`STREAMED`] bytes of them go to the
/// thread writing the index while the files are still read (see [`Session::stream`]).
#[derive(Default)]
pub(super) struct Pieces<'f> {
    bytes: Vec<u8>,
    runs: Vec<Run<'f>>,
    count: usize,
    out: Option<Out>,
}

enum Run<'f> {
    /// The next entries of the buffer, up to `end`.
    New { end: usize },
    /// One entry, its body as the old index holds it. The path is borrowed from the
    /// listing of the workspace: a hundred thousand paths are not copied.
    Old {
        path: &'f str,
        stamp: Stamp,
        body: Range<usize>,
    },
}

impl<'f> Pieces<'f> {
    /// An order file read now that parsed, with the findings of its own checks and its
    /// facts.
    pub(super) fn parsed(
        &mut self,
        path: &str,
        stamp: Stamp,
        findings: &[Finding],
        facts: &Facts<'_>,
    ) {
        file::put_entry(&mut self.bytes, path, &stamp, findings, facts);
        let end = self.bytes.len();
        match self.runs.last_mut() {
            Some(Run::New { end: last }) => *last = end,
            _ => self.runs.push(Run::New { end }),
        }
        self.count += 1;
        if let Some(out) = &self.out
            && end >= STREAMED
        {
            let full = std::mem::take(&mut self.bytes);
            self.bytes = out.hand_over(full);
            self.runs.clear();
        }
    }

    /// A file whose old body is kept as it was.
    pub(super) fn kept(&mut self, path: &'f str, stamp: Stamp, body: Range<usize>) {
        self.runs.push(Run::Old { path, stamp, body });
        self.count += 1;
    }

    /// Whether every entry is the old index's.
    fn all_old(&self) -> bool {
        self.runs.iter().all(|run| matches!(run, Run::Old { .. }))
    }
}

/// One use of an index by one read of a workspace.
pub(super) struct Session {
    file: PathBuf,
    root: String,
    /// When this read began, before any file was looked at.
    started_ns: i64,
    old: Option<Old>,
    /// Why an index that was there was not used.
    pub(super) warning: Option<String>,
    /// The thread writing the new index while the files are read, if it is.
    streaming: Option<Streaming>,
}

/// A file name from the workspace's path: FNV-1a, stable across builds and machines.
fn name_of(root: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in root.bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}.idx")
}

impl Session {
    /// Where `index` keeps the index of the workspace at `root`, not yet read (see
    /// [`Session::read`]). `started` is when the read began, before any file was looked at.
    pub(super) fn locate(index: &IndexUse, root: &Path, started: SystemTime) -> Option<Session> {
        let started_ns = nanos(Ok(started));
        let (cache, started_ns) = match index {
            IndexUse::Off => return None,
            IndexUse::In(cache) => (cache, started_ns),
            IndexUse::Shifted(cache, shift) => (cache, started_ns.saturating_add(*shift)),
        };
        let root = fs::canonicalize(root).ok()?.to_string_lossy().into_owned();
        let file = cache.join("index").join(name_of(&root));
        Some(Session {
            file,
            root,
            started_ns,
            old: None,
            warning: None,
            streaming: None,
        })
    }

    /// Whether there is an index file to read: without one, no file is looked up in it,
    /// so none needs a stamp before it is read.
    pub(super) fn exists(&self) -> bool {
        self.file.is_file()
    }

    /// Whether an old index was read and found whole.
    pub(super) fn holds_old(&self) -> bool {
        self.old.is_some()
    }

    /// Reads the index file, if there is a usable one.
    pub(super) fn read(self) -> Session {
        let mut warning = None;
        let old = match fs::read(&self.file) {
            Err(_) => None,
            Ok(bytes) => match file::decode(bytes, &self.root) {
                Ok(old) => Some(old),
                Err(refused) => {
                    let why = match refused {
                        Refused::Damaged => "it is damaged or cut short".to_owned(),
                        Refused::OtherVersion => {
                            "another version of Right First wrote it".to_owned()
                        }
                        Refused::Foreign(other) => format!("it is the index of {other}"),
                    };
                    warning = Some(format!(
                        "warning: ignored the index {} ({why}); reading every file and writing it anew",
                        self.file.display()
                    ));
                    None
                }
            },
        };
        Session {
            old,
            warning,
            ..self
        }
    }

    /// Whether the kept findings and facts were found against the same other records.
    pub(super) fn same_context(&self, context: u64) -> bool {
        self.old.as_ref().is_some_and(|old| old.context == context)
    }

    /// The body the index holds for `path`, if its stamp is `stamp` and it is not racily
    /// clean: read it with [`Session::findings`] or [`Session::facts`].
    pub(super) fn cached(&self, path: &str, stamp: Stamp) -> Option<Range<usize>> {
        let old = self.old.as_ref()?;
        let (kept, range) = old.get(path)?;
        (kept == stamp && !stamp.racy(old.written_ns)).then_some(range)
    }

    /// The findings of the body at `range`, for the file at `path`.
    pub(super) fn findings(&self, range: Range<usize>, path: &str) -> Option<Vec<Finding>> {
        file::findings(&self.old.as_ref()?.bytes[range], path)
    }

    /// The findings and the order's facts of the body at `range`, for the file at `path`.
    pub(super) fn facts(
        &self,
        range: Range<usize>,
        path: &str,
    ) -> Option<(Vec<Finding>, Facts<'_>)> {
        file::facts(&self.old.as_ref()?.bytes[range], path)
    }
}

/// A hash of every record file but the orders and the training records, as read: the
/// findings and facts kept of each order were found against these (the workspace's people
/// and categories, its procedures and checklists) and hold only while it is the same. No
/// order's findings or facts depend on who signed what, so a signature costs no reread.
pub(super) fn context(states: &Files) -> u64 {
    let mut files: Vec<(&String, &FileState)> = (states.iter())
        .filter(|(path, _)| !path.starts_with("training/"))
        .collect();
    files.sort_by_key(|(path, _)| *path);
    let mut text = String::new();
    for (path, state) in files {
        let hash = match state {
            FileState::Loaded(hash) => format!("{hash:x}"),
            FileState::Broken => "broken".to_owned(),
        };
        text.push_str(&format!("{path}\0{hash}\n"));
    }
    super::content_hash(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::file::tests::{facts_of, stamp};
    use super::*;
    use tempfile::TempDir;

    /// A workspace with no index yet in a cache of its own, and a session writing one as it
    /// reads: the cache, the workspace, the session.
    fn streaming() -> (TempDir, TempDir, Session) {
        let (cache, root) = (
            tempfile::tempdir().expect("dir"),
            tempfile::tempdir().expect("dir"),
        );
        let index = IndexUse::In(cache.path().to_path_buf());
        let mut session = Session::locate(&index, root.path(), SystemTime::now()).expect("a place");
        session.stream();
        assert!(
            session.streaming.is_some(),
            "no old index: written while read"
        );
        (cache, root, session)
    }

    /// The path of order `n`.
    fn order(n: u64) -> String {
        format!("orders/2026-12/G{n:04}.ron")
    }

    /// The files in the cache's index folder.
    fn cached(cache: &Path) -> Vec<std::ffi::OsString> {
        fs::read_dir(cache.join("index"))
            .map(|entries| entries.flatten().map(|entry| entry.file_name()).collect())
            .unwrap_or_default()
    }

    /// A cold run's index is written while the cores read: each core's entries go to the
    /// writer a few at a time, interleaved with the other's, and the index read back holds
    /// every entry once, with its stamp and facts, and the context and count at its end.
    #[test]
    fn an_index_written_while_the_files_are_read_holds_every_entry() {
        let (cache, root, session) = streaming();
        let paths: Vec<String> = (0..200).map(order).collect();
        let (mut first, mut second) = (session.pieces(), session.pieces());
        for (n, path) in paths.iter().enumerate() {
            let core = if n % 3 == 0 { &mut first } else { &mut second };
            core.parsed(path, stamp(n as u64), &[], &facts_of(path));
        }
        assert!(
            first.bytes.len() < STREAMED && second.bytes.len() < STREAMED,
            "each core holds no more than one buffer's worth"
        );
        drop(session.finish(vec![first, second], 42));

        let index = IndexUse::In(cache.path().to_path_buf());
        let read = Session::locate(&index, root.path(), SystemTime::now())
            .expect("a place")
            .read();
        assert!(read.warning.is_none(), "{:?}", read.warning);
        let old = read.old.as_ref().expect("the index reads back whole");
        assert_eq!((old.len(), old.context), (paths.len(), 42));
        for (n, path) in paths.iter().enumerate() {
            let (kept, body) = old.get(path).expect("every entry held");
            assert_eq!(kept, stamp(n as u64), "{path}");
            let (found, held) = file::facts(&old.bytes[body], path).expect("a whole body");
            assert!(found.is_empty());
            assert_eq!(held.id, path.as_str());
        }
        assert_eq!(
            cached(cache.path()).len(),
            1,
            "no temp file left beside the index"
        );
    }

    /// A run that stops before it finishes (an error, a panic) leaves no index and no temp
    /// file: the writer is told nothing came whole.
    #[test]
    fn an_index_begun_and_dropped_leaves_nothing() {
        let (cache, _root, session) = streaming();
        let mut pieces = session.pieces();
        for n in 0..50 {
            let path = order(n);
            pieces.parsed(&path, stamp(n), &[], &facts_of(&path));
        }
        drop(pieces);
        drop(session);
        assert_eq!(cached(cache.path()), Vec::<std::ffi::OsString>::new());
    }
}
