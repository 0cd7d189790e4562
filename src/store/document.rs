//! Writing an exported document (a PDF, an HTML page) to a path the user chose.
//!
//! The path is anywhere, not inside a workspace, so there is no lock and no
//! hash check; but the file is never left half-written: the bytes go to a
//! hidden temp file in the same folder, are flushed, and are renamed over the
//! target; then the folder is flushed so the rename survives a power cut.

use std::fs;
use std::io;
use std::path::Path;
use std::sync::Arc;

use super::SaveError;
use super::save::{flush_error, flush_folder, io_error, rename, write_temp};

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
    fn refuses_a_folder_and_a_missing_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_document(dir.path(), b"x").is_err());
        let missing = dir.path().join("no such folder").join("record.pdf");
        let error = write_document(&missing, b"x").unwrap_err().to_string();
        assert!(error.contains("record.pdf"), "{error}");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
