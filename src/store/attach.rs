//! Photos copied into the workspace, so a record never points outside it: an order's into
//! `attachments/<YYYY-MM>/`, a procedure's step photos into `attachments/procedures/<id>/`.
//!
//! A copy is saved like a record (temp file, flush, rename under the lock, folder flush) and
//! never replaces a file: a name that is taken gets `-2`, `-3`, ... before its extension.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;

use super::layout::{Name, classify_name};
use super::save::{self, Expect, SaveError};
use crate::model::{Date, ImageKind, step_photo_folder};

/// Larger files are refused: a phone photo is a few MiB, and the workspace is synced and backed up.
pub(crate) const MAX_ATTACHMENT_BYTES: u64 = 32 * 1024 * 1024;

/// Larger step photos are refused: they are printed in the manual, whose file must stay small.
pub(crate) const MAX_STEP_PHOTO_BYTES: u64 = 20 * 1024 * 1024;

/// The record a file is copied in for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attachment {
    /// An order placed in this month (`YYYY-MM`): a check item's or a defect's photo.
    Month(String),
    /// A step of this procedure: a picture of what right looks like, JPEG or PNG.
    Procedure(String),
}

/// The longest name stem kept, so a name with its suffix fits every file system.
const MAX_STEM: usize = 60;

/// Names Windows will not give a file, whatever the extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Copies `source` into the folder of `to` in the workspace at `root`; returns the new
/// file's path relative to the workspace, with `/` separators. Nothing is copied when the
/// file is refused.
pub(super) fn attach(root: &Path, source: &Path, to: &Attachment) -> Result<String, SaveError> {
    let (folder, bytes) = match to {
        Attachment::Month(month) => {
            if format!("{month}-01").parse::<Date>().is_err() || month.len() != 7 {
                return Err(SaveError::BadId(format!(
                    "\"{month}\" is not a month written as \"YYYY-MM\""
                )));
            }
            let bytes = read_photo(source, MAX_ATTACHMENT_BYTES)?;
            (format!("attachments/{month}"), bytes)
        }
        Attachment::Procedure(id) => {
            if id.is_empty() || id.contains(['/', '\\']) || id.starts_with('.') {
                return Err(SaveError::BadId(format!(
                    "\"{id}\" cannot name a folder of step photos"
                )));
            }
            let bytes = read_photo(source, MAX_STEP_PHOTO_BYTES)?;
            if ImageKind::sniff(&bytes).is_none() {
                return Err(refusal(
                    source,
                    io::Error::other("it is not a JPEG or PNG picture"),
                ));
            }
            (step_photo_folder(id), bytes)
        }
    };
    let (stem, extension) = safe_name(source);
    remove_stale_temps(&root.join(&folder));
    for n in 1..=10_000u32 {
        let name = match n {
            1 => format!("{stem}{extension}"),
            n => format!("{stem}-{n}{extension}"),
        };
        let relative = format!("{folder}/{name}");
        // A quick look first; the check under the lock in write_atomic is the one that counts.
        if fs::symlink_metadata(root.join(&relative)).is_ok() {
            continue;
        }
        match save::write_atomic(root, &relative, &bytes, Expect::Absent) {
            Ok(_) => return Ok(relative),
            Err(SaveError::AlreadyExists { .. }) => continue,
            Err(error) => return Err(error),
        }
    }
    Err(SaveError::AlreadyExists {
        path: format!("{folder}/{stem}{extension} and 9,999 numbered copies of it"),
    })
}

/// Why `source` is not attached, naming it.
fn refusal(source: &Path, reason: io::Error) -> SaveError {
    SaveError::Io {
        action: "attach",
        path: source.display().to_string(),
        source: Arc::new(reason),
    }
}

/// The bytes of the photo, refusing folders, devices and files over `limit` bytes.
fn read_photo(source: &Path, limit: u64) -> Result<Vec<u8>, SaveError> {
    let refused = |reason: io::Error| refusal(source, reason);
    let too_large = |bytes: u64| {
        refused(io::Error::other(format!(
            "it is {:.1} MiB; a photo of at most {} MiB can be attached",
            // Rounded up, so a file just over the limit does not read as on it.
            (bytes as f64 / (1024.0 * 1024.0) * 10.0).ceil() / 10.0,
            limit / (1024 * 1024)
        )))
    };
    // Not opened first: opening a FIFO would wait for a writer.
    let meta = fs::metadata(source).map_err(refused)?;
    if !meta.is_file() {
        return Err(refused(io::Error::other("it is not a file")));
    }
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let file = File::open(source).map_err(refused)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow between the size check and the read.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(refused)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A file name stem and extension (with its dot, or empty) made from `source`'s name: lowercase
/// ASCII letters, digits, `-` and `_` only, so it reads the same on every system and sync tool.
fn safe_name(source: &Path) -> (String, String) {
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name.trim_start_matches('.');
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => (stem, extension),
        _ => (name, ""),
    };
    let mut safe = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        match ascii(c) {
            Some(c) => safe.push(c),
            None if !safe.ends_with('-') => safe.push('-'),
            None => {}
        }
    }
    let mut safe = safe.trim_matches(['-', '_']).to_owned();
    safe.truncate(MAX_STEM);
    let mut safe = safe.trim_end_matches(['-', '_']).to_owned();
    if safe.is_empty() {
        safe = "photo".to_owned();
    } else if RESERVED.contains(&safe.as_str()) {
        safe.push_str("-photo");
    }
    let extension: String = extension
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .flat_map(|c| c.to_lowercase())
        .take(10)
        .collect();
    let extension = if extension.is_empty() {
        String::new()
    } else {
        format!(".{extension}")
    };
    (safe, extension)
}

/// The file-name character for a lowercase `c`, with Dutch, French and German accents dropped.
fn ascii(c: char) -> Option<char> {
    let plain = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ÿ' | 'ý' => 'y',
        c if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-' => c,
        _ => return None,
    };
    Some(plain)
}

/// The bytes of a picture in the workspace at `root`, for the window to show: `relative` must
/// stay inside the workspace.
pub(super) fn picture(root: &Path, relative: &str) -> Result<Vec<u8>, SaveError> {
    let inside = !relative.is_empty()
        && !relative.starts_with('/')
        && !relative.contains('\\')
        && relative
            .split('/')
            .all(|part| !part.is_empty() && part != "..");
    if !inside {
        return Err(refusal(
            Path::new(relative),
            io::Error::other("the path leads outside the workspace"),
        ));
    }
    read_photo(&root.join(relative), MAX_ATTACHMENT_BYTES)
}

/// Removes temp files that killed copies left in `folder`: the loader never looks in
/// `attachments/`, so nobody else would.
fn remove_stale_temps(folder: &Path) {
    let proc = Path::new("/proc");
    if !proc.is_dir() {
        // Without /proc a live copy cannot be told from a dead one: leave them.
        return;
    }
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        if classify_name(name) == Name::Temp
            && let Some(owner) = save::temp_owner(name)
            && owner != std::process::id()
            && !proc.join(owner.to_string()).exists()
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(path: &str) -> String {
        let (stem, extension) = safe_name(Path::new(path));
        format!("{stem}{extension}")
    }

    #[test]
    fn names_are_made_safe_and_keep_their_extension() {
        assert_eq!(name("/home/anna/Cone.JPG"), "cone.jpg");
        assert_eq!(name("IMG 0417 (1).jpeg"), "img-0417-1.jpeg");
        assert_eq!(name("Crème brûlée.png"), "creme-brulee.png");
        assert_eq!(name("../../etc/passwd"), "passwd");
        assert_eq!(name(".hidden.heic"), "hidden.heic");
        assert_eq!(name("photo.tar.gz"), "photo-tar.gz");
        assert_eq!(name("???.jpg"), "photo.jpg");
        assert_eq!(name("CON.jpg"), "con-photo.jpg");
        assert_eq!(name("no extension"), "no-extension");
        assert_eq!(name("scoop.ron~"), "scoop.ron");
        assert_eq!(name("a.j~p g"), "a.jpg");
        let long = name(&format!("{}.jpg", "x".repeat(300)));
        assert_eq!(long, format!("{}.jpg", "x".repeat(MAX_STEM)));
    }
}
