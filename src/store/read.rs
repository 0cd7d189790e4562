//! Reading one file as text, refusing what no owner would write by hand.

use std::fs::File;
use std::hash::Hasher;
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::index::Stamp;
use super::locate::Position;

/// Larger files are refused before they are read: the largest real order is a few kB.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The hash a save compares to tell whether a file changed since it was loaded.
pub fn content_hash(bytes: &[u8]) -> u64 {
    // SipHash with fixed keys: stable within a build, which is as long as a hash is kept.
    #[allow(deprecated)]
    let mut hasher = std::hash::SipHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

/// Why a file could not be read as text.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge(u64),
    /// Not UTF-8; where the first bad byte is.
    NotUtf8(Position),
    /// The system refused.
    Io(io::Error),
}

impl ReadError {
    /// The position and the plain words for a finding.
    pub(crate) fn describe(&self) -> (Position, String) {
        let start = Position { line: 1, col: 1 };
        match self {
            ReadError::TooLarge(size) => (
                start,
                format!(
                    "the file is {} MiB; a record is at most {} MiB, so this is not a Right First file",
                    size / (1024 * 1024),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            ),
            ReadError::NotUtf8(at) => (
                *at,
                "the file is not UTF-8 text; save it as UTF-8".to_owned(),
            ),
            ReadError::Io(error) => (start, format!("could not read the file: {error}")),
        }
    }
}

/// How many files [`read_text`] opened in this process: a test seam, so a test can tell
/// that a read took unchanged orders from the index without reading them. Counted in a
/// slot per thread, each on a cache line of its own: one counter that every core added
/// to sent its line from core to core for each of a hundred thousand files.
static READS: [Slot; SLOTS] = [const { Slot(AtomicUsize::new(0)) }; SLOTS];

const SLOTS: usize = 16;

#[repr(align(128))]
struct Slot(AtomicUsize);

/// Counts one file read, in this thread's slot.
fn count_read() {
    static THREADS: AtomicUsize = AtomicUsize::new(0);
    thread_local! {
        static SLOT: usize = THREADS.fetch_add(1, Ordering::Relaxed) % SLOTS;
    }
    READS[SLOT.with(|slot| *slot)]
        .0
        .fetch_add(1, Ordering::Relaxed);
}

/// How many record files this process has read as text so far (a test seam).
#[doc(hidden)]
pub fn files_read() -> usize {
    READS
        .iter()
        .map(|slot| slot.0.load(Ordering::Relaxed))
        .sum()
}

/// Reads a file as UTF-8 text, with the hash of its bytes when `hashed` (0 otherwise:
/// only a save needs it, and `check` never saves).
pub(crate) fn read_text(path: &Path, hashed: bool) -> Result<(String, u64), ReadError> {
    read_stamped(path, hashed).map(|(text, hash, _)| (text, hash))
}

/// As [`read_text`], with the stamp of the file as it was opened, before it was read: what
/// the system says of an open file costs nothing more, while looking a hundred thousand
/// files up by name once more to stamp them for an index does.
pub(crate) fn read_stamped(path: &Path, hashed: bool) -> Result<(String, u64, Stamp), ReadError> {
    read_opened(File::open(path), hashed)
}

/// As [`read_stamped`], for a file opened (or not) by the caller: the orders are opened
/// through their month folder (see `load::folders`).
pub(crate) fn read_opened(
    file: io::Result<File>,
    hashed: bool,
) -> Result<(String, u64, Stamp), ReadError> {
    count_read();
    let file = file.map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    let (size, stamp) = (meta.len(), Stamp::from(&meta));
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // Read as far as the size the stamp holds: a file that grows after it was opened
    // changed after its stamp, which the next read sees, and knowing where it ends saves
    // a read past the end for each of a hundred thousand files. A size of 0 may be a
    // file system that does not tell: such a file is read to its end.
    let limit = if size == 0 { MAX_FILE_BYTES + 1 } else { size };
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    let hash = if hashed { content_hash(&bytes) } else { 0 };
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, hash, stamp)),
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            // The prefix is valid UTF-8 by definition.
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            Err(ReadError::NotUtf8(super::locate::position(
                valid,
                valid.len(),
            )))
        }
    }
}
