//! Documents outside the workspace: one the user brings (a till's CSV), read whole up to
//! a limit; one the app exports (a PDF, an HTML page), written to a path the user chose.
//!
//! The path is anywhere, not inside a workspace, so there is no lock and no
//! hash check; but the file is never left half-written: the bytes go to a
//! hidden temp file in the same folder, are flushed, and are renamed over the
//! target; then the folder is flushed so the rename survives a power cut.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::SaveError;
use super::save::{flush_error, flush_folder, io_error, rename, write_temp};

/// Why a document the user brought could not be read.
#[derive(Debug, Clone, thiserror::Error)]
pub enum BroughtError {
    /// The system refused, or the path is not a file.
    #[error("could not read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: Arc<io::Error>,
    },
    /// The file is larger than the limit it was read with.
    #[error(
        "{path} is {} MiB; at most {} MiB can be read",
        bytes / (1024 * 1024),
        limit / (1024 * 1024)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size, or as much of it as was read.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
}

/// The bytes of the file at `path`, refusing folders and files over `limit` bytes (also
/// one that grows past it while it is read).
pub fn read_document(path: &Path, limit: u64) -> Result<Vec<u8>, BroughtError> {
    let failed = |source: io::Error| BroughtError::Io {
        path: path.to_path_buf(),
        source: Arc::new(source),
    };
    let too_large = |bytes: u64| BroughtError::TooLarge {
        path: path.to_path_buf(),
        bytes,
        limit,
    };
    let file = File::open(path).map_err(failed)?;
    let meta = file.metadata().map_err(failed)?;
    if !meta.is_file() {
        return Err(failed(io::Error::other("it is not a file")));
    }
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow between the size check and the read.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Writes `bytes` to `path`, replacing what is there, so that a crash leaves either the old
/// file or the whole new one, never part of it.
pub fn write_document(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let refused = |why: &str| SaveError::Io {
        action: "write",
        path: path.display().to_string(),
        source: Arc::new(io::Error::other(why)),
    };
    if path.file_name().is_none() {
        return Err(refused("that is a folder, not a file name"));
    }
    if fs::symlink_metadata(path).is_ok_and(|meta| meta.is_dir()) {
        return Err(refused("a folder of that name is in the way"));
    }
    let (mut temp, file) = write_temp(path, bytes)?;
    file.sync_all().map_err(flush_error(&temp.path))?;
    drop(file);
    rename(&temp.path, path).map_err(io_error("rename a temp file onto", path))?;
    temp.persisted = true;
    // The folder too, so the rename survives a power cut.
    flush_folder(match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.pdf");
        write_document(&path, b"first").unwrap();
        write_document(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["record.pdf"]);
    }

    #[test]
    fn reads_a_brought_file_up_to_its_limit_and_names_it_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("till.csv");
        fs::write(&path, b"12345").unwrap();
        assert_eq!(read_document(&path, 5).unwrap(), b"12345");
        let error = read_document(&path, 4).unwrap_err();
        assert!(
            matches!(
                error,
                BroughtError::TooLarge {
                    bytes: 5,
                    limit: 4,
                    ..
                }
            ),
            "{error:?}"
        );
        let error = read_document(dir.path(), 4).unwrap_err().to_string();
        assert!(error.contains("it is not a file"), "{error}");
        let error = read_document(&dir.path().join("gone.csv"), 4)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("could not read ") && error.contains("gone.csv"),
            "{error}"
        );
    }

    #[test]
    fn refuses_a_folder_and_a_missing_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_document(dir.path(), b"x").is_err());
        let missing = dir.path().join("no such folder").join("record.pdf");
        let error = write_document(&missing, b"x").unwrap_err().to_string();
        assert!(error.contains("record.pdf"), "{error}");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
