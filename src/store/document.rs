//! Writing an exported document (a PDF, an HTML page) to a path the user chose.
//!
//! The path is anywhere, not inside a workspace, so there is no lock and no
//! hash check; but the file is never left half-written: the bytes go to a
//! hidden temp file in the same folder, are flushed, and are renamed over the
//! target; then the folder is flushed so the rename survives a power cut.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::SaveError;

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> SaveError + use<> {
    let path = path.display().to_string();
    move |source| SaveError::Io {
        action,
        path,
        source: Arc::new(source),
    }
}

fn flush_error(path: &Path) -> impl FnOnce(io::Error) -> SaveError + use<> {
    let path = path.display().to_string();
    move |source| SaveError::Flush {
        path,
        source: Arc::new(source),
    }
}

/// Removes the temp file unless it became the document.
struct Temp {
    path: PathBuf,
    kept: bool,
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.kept {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// `.<name>.<pid>-<n>.rf-tmp` beside the target: hidden, and naming the process that wrote it.
fn temp_path(target: &Path, name: &str) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(
        ".{name}.{}-{n}{}",
        std::process::id(),
        super::layout::TEMP_SUFFIX
    ))
}

/// Writes `bytes` to `path`, replacing what is there, so that a crash leaves either the old
/// file or the whole new one, never part of it.
pub fn write_document(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let name = match path.file_name() {
        Some(name) => name.to_string_lossy().into_owned(),
        None => {
            return Err(SaveError::Io {
                action: "write",
                path: path.display().to_string(),
                source: Arc::new(io::Error::other("that is a folder, not a file name")),
            });
        }
    };
    if fs::symlink_metadata(path).is_ok_and(|meta| meta.is_dir()) {
        return Err(SaveError::Io {
            action: "write",
            path: path.display().to_string(),
            source: Arc::new(io::Error::other("a folder of that name is in the way")),
        });
    }
    let mut temp = Temp {
        path: temp_path(path, &name),
        kept: false,
    };
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp.path)
        .map_err(io_error("create a temp file for", path))?;
    file.write_all(bytes)
        .map_err(io_error("write", &temp.path))?;
    file.sync_all().map_err(flush_error(&temp.path))?;
    drop(file);
    fs::rename(&temp.path, path).map_err(io_error("rename a temp file onto", path))?;
    temp.kept = true;
    flush_folder(path)
}

/// Flushes the folder holding `path`, so the rename is on disk too.
fn flush_folder(path: &Path) -> Result<(), SaveError> {
    if cfg!(windows) {
        // Windows refuses to open folders for flushing; NTFS journals the rename.
        return Ok(());
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    File::open(folder)
        .and_then(|dir| dir.sync_all())
        .map_err(flush_error(folder))
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
    fn refuses_a_folder_and_a_missing_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_document(dir.path(), b"x").is_err());
        let missing = dir.path().join("no such folder").join("record.pdf");
        let error = write_document(&missing, b"x").unwrap_err().to_string();
        assert!(error.contains("record.pdf"), "{error}");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
