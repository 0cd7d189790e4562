//! Saving one file so that a crash, a power cut or a second writer never costs a record.
//!
//! The bytes go to a temp file beside the target, are flushed to disk, and
//! are renamed over the target only while the workspace lock is held and the
//! target still holds the bytes that were loaded. Then the folder is flushed,
//! so the rename itself survives a power cut (see STACK.md's measurements).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::fault;
use super::layout::TEMP_SUFFIX;
use super::read::content_hash;

/// What the target file must hold for the save to go ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Nothing: the record is new.
    Absent,
    /// The bytes with this hash, as they were loaded.
    Unchanged(u64),
}

/// Why a save did not happen, or did not finish.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SaveError {
    /// The workspace was written by a newer build.
    #[error("{0}")]
    ReadOnly(String),
    /// The id cannot be a file name.
    #[error("cannot save: {0}")]
    BadId(String),
    /// The file did not parse when it was opened; it is left for a person to fix.
    #[error(
        "{path} did not parse when it was opened; Right First will not overwrite it. Fix it by hand or remove it, then reopen the workspace"
    )]
    Broken {
        /// The file, relative to the workspace.
        path: String,
    },
    /// Someone or something changed the file since it was loaded.
    #[error(
        "{path} changed on disk since it was opened; nothing was overwritten. Compare both versions before saving again"
    )]
    ChangedOnDisk {
        /// The file, relative to the workspace.
        path: String,
    },
    /// A new record would replace a file that already exists.
    #[error("{path} already exists; nothing was overwritten")]
    AlreadyExists {
        /// The file, relative to the workspace.
        path: String,
    },
    /// A folder or file on the way is a symbolic link.
    #[error("{path} is a symbolic link; Right First does not write through links")]
    Symlink {
        /// The link, relative to the workspace.
        path: String,
    },
    /// A conflict copy the user chose to keep cannot take the place of the file it copies.
    #[error("{copy} cannot take the place of the file it copies: {why}")]
    Unfit {
        /// The copy, relative to the workspace.
        copy: String,
        /// Why not.
        why: super::keeping::Unfit,
    },
    /// Reading, writing or renaming failed.
    #[error("could not {action} {path}: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// The file or folder.
        path: String,
        /// The system's reason.
        source: Arc<io::Error>,
    },
    /// The data did not reach the disk: the save failed, even where the file looks written.
    #[error("could not flush {path} to disk, so the save is not safe: {source}")]
    Flush {
        /// The file or folder.
        path: String,
        /// The system's reason.
        source: Arc<io::Error>,
    },
}

pub(super) fn io_error(
    action: &'static str,
    path: &Path,
) -> impl FnOnce(io::Error) -> SaveError + use<> {
    let path = path.display().to_string();
    move |source| SaveError::Io {
        action,
        path,
        source: Arc::new(source),
    }
}

pub(super) fn flush_error(path: &Path) -> impl FnOnce(io::Error) -> SaveError + use<> {
    let path = path.display().to_string();
    move |source| SaveError::Flush {
        path,
        source: Arc::new(source),
    }
}

/// A temp file that removes itself unless it was renamed into place.
pub(super) struct TempFile {
    pub(super) path: PathBuf,
    pub(super) persisted: bool,
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.persisted {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// `.<name>.<pid>-<n>.rf-tmp`: hidden from the loader and from sync tools that skip dotfiles,
/// and naming the process, so a leftover of a killed one can be told from a save in progress.
fn temp_path(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(".{name}.{}-{n}{TEMP_SUFFIX}", std::process::id()))
}

/// The process that wrote a temp file, from its name.
pub(crate) fn temp_owner(name: &str) -> Option<u32> {
    let body = name.strip_suffix(TEMP_SUFFIX)?;
    let (_, tail) = body.rsplit_once('.')?;
    tail.split_once('-')?.0.parse().ok()
}

/// Makes `relative`'s folders under `root`, refusing any that is a symbolic link.
/// Returns the folders it created, whose parents need a flush.
fn prepare_folders(root: &Path, relative: &str) -> Result<Vec<PathBuf>, SaveError> {
    let mut created = Vec::new();
    let mut folder = root.to_path_buf();
    let parts: Vec<&str> = relative.split('/').collect();
    // All parts first: a bad one late in the path must not leave folders made for the early ones.
    if parts
        .iter()
        .any(|part| part.is_empty() || *part == "." || *part == "..")
    {
        return Err(SaveError::BadId(format!(
            "\"{relative}\" is not a path inside the workspace"
        )));
    }
    for (n, part) in parts.iter().enumerate() {
        folder.push(part);
        let is_last = n + 1 == parts.len();
        match fs::symlink_metadata(&folder) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(SaveError::Symlink {
                    path: parts[..=n].join("/"),
                });
            }
            Ok(meta) if !is_last && !meta.is_dir() => {
                return Err(SaveError::Io {
                    action: "create the folder",
                    path: parts[..=n].join("/"),
                    source: Arc::new(io::Error::other("a file of that name is in the way")),
                });
            }
            Ok(_) => {}
            Err(error) if error.kind() == io::ErrorKind::NotFound && !is_last => {
                fs::create_dir(&folder).map_err(io_error("create the folder", &folder))?;
                created.push(folder.clone());
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(error) => return Err(io_error("inspect", &folder)(error)),
        }
    }
    Ok(created)
}

/// Flushes a folder so a rename or a new entry in it survives a power cut.
pub(super) fn flush_folder(folder: &Path) -> Result<(), SaveError> {
    if cfg!(windows) {
        // Windows refuses to open folders for flushing; NTFS journals the rename.
        return Ok(());
    }
    if fault::flush_fails(folder) {
        return Err(flush_error(folder)(io::Error::other("injected by a test")));
    }
    File::open(folder)
        .and_then(|dir| dir.sync_all())
        .map_err(flush_error(folder))
}

/// Holds the workspace lock while alive.
struct Lock(File);

/// Set to a folder to keep the save locks there instead of the user's runtime folder:
/// tests point it at a temp folder.
pub const LOCK_DIR_VARIABLE: &str = "RIGHTFIRST_LOCK_DIR";

/// The folder the save locks of this user live in: never inside a workspace, where sync
/// tools would copy the lock to other machines, on which a file lock means nothing anyway.
/// The runtime folder where the system has one (emptied at log-out), else the temp folder
/// (per user on Windows and macOS; `rightfirst-locks-<uid>` on other systems).
pub(crate) fn lock_folder() -> PathBuf {
    if let Some(folder) = std::env::var_os(LOCK_DIR_VARIABLE).filter(|v| !v.is_empty()) {
        return PathBuf::from(folder);
    }
    if let Some(runtime) = directories::ProjectDirs::from("", "", "rightfirst")
        .and_then(|dirs| dirs.runtime_dir().map(Path::to_path_buf))
    {
        return runtime.join("locks");
    }
    #[cfg(unix)]
    // SAFETY: getuid takes nothing and cannot fail.
    let name = format!("rightfirst-locks-{}", unsafe { libc::getuid() });
    #[cfg(not(unix))]
    let name = "rightfirst-locks".to_owned();
    std::env::temp_dir().join(name)
}

/// The lock file of the workspace at `root`: named after its folder, with a hash of its
/// full canonical path so that two workspaces never share a lock and one workspace reached
/// by two paths (a link, `..`) has one.
pub(crate) fn lock_path(root: &Path) -> PathBuf {
    let canonical = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let name: String = canonical
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    let hash = content_hash(canonical.as_os_str().as_encoded_bytes());
    lock_folder().join(format!("{name}-{hash:016x}.lock"))
}

impl Lock {
    fn take(root: &Path) -> Result<Lock, SaveError> {
        let path = lock_path(root);
        if let Some(folder) = path.parent() {
            create_private_folder(folder)?;
        }
        // A link in its place would make the lock create or open a file elsewhere.
        let is_link = || fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        let refused = || SaveError::Symlink {
            path: path.display().to_string(),
        };
        if is_link() {
            return Err(refused());
        }
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW);
        }
        let file = options.open(&path).map_err(|error| {
            if is_link() {
                refused()
            } else {
                io_error("open the lock file", &path)(error)
            }
        })?;
        file.lock().map_err(io_error("lock", &path))?;
        Ok(Lock(file))
    }
}

/// Makes the lock folder, readable by this user only where the system has such modes.
fn create_private_folder(folder: &Path) -> Result<(), SaveError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(folder)
        .map_err(io_error("create the lock folder", folder))
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// Checks, under the lock, that the target still holds what the caller expects.
fn verify_target(target: &Path, relative: &str, expect: Expect) -> Result<(), SaveError> {
    match (fs::symlink_metadata(target), expect) {
        (Ok(meta), _) if meta.file_type().is_symlink() => Err(SaveError::Symlink {
            path: relative.to_owned(),
        }),
        (Ok(_), Expect::Absent) => Err(SaveError::AlreadyExists {
            path: relative.to_owned(),
        }),
        (Ok(_), Expect::Unchanged(hash)) => {
            let bytes = fs::read(target).map_err(io_error("read", target))?;
            if content_hash(&bytes) == hash {
                Ok(())
            } else {
                Err(SaveError::ChangedOnDisk {
                    path: relative.to_owned(),
                })
            }
        }
        (Err(error), Expect::Absent) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        (Err(error), Expect::Unchanged(_)) if error.kind() == io::ErrorKind::NotFound => {
            Err(SaveError::ChangedOnDisk {
                path: relative.to_owned(),
            })
        }
        (Err(error), _) => Err(io_error("inspect", target)(error)),
    }
}

pub(super) fn rename(from: &Path, to: &Path) -> io::Result<()> {
    // On Windows an antivirus or sync client briefly holding the target makes the rename fail.
    let attempts = if cfg!(windows) { 20 } else { 1 };
    let mut result = fs::rename(from, to);
    for _ in 1..attempts {
        match &result {
            Err(error) if error.kind() == io::ErrorKind::PermissionDenied => {
                std::thread::sleep(std::time::Duration::from_millis(50));
                result = fs::rename(from, to);
            }
            _ => break,
        }
    }
    result
}

/// Writes `bytes` in full to a new temp file beside `target`, not yet flushed.
pub(super) fn write_temp(target: &Path, bytes: &[u8]) -> Result<(TempFile, File), SaveError> {
    let temp = TempFile {
        path: temp_path(target),
        persisted: false,
    };
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp.path)
        .map_err(io_error("create a temp file for", target))?;
    file.write_all(bytes)
        .map_err(io_error("write", &temp.path))?;
    Ok((temp, file))
}

/// Writes `bytes` to `relative` under `root` atomically and durably; returns the new hash.
pub(crate) fn write_atomic(
    root: &Path,
    relative: &str,
    bytes: &[u8],
    expect: Expect,
) -> Result<u64, SaveError> {
    let (hash, flushed) = write_in_place(root, relative, bytes, expect)?;
    flushed.map(|()| hash)
}

/// Writes `bytes` to `relative` as [`write_atomic`] does, but tells a failure to flush the
/// folder after the rename apart: the file then holds `bytes` (the returned hash), and
/// only whether the rename survives a power cut is in doubt.
pub(crate) fn write_in_place(
    root: &Path,
    relative: &str,
    bytes: &[u8],
    expect: Expect,
) -> Result<(u64, Result<(), SaveError>), SaveError> {
    let created = prepare_folders(root, relative)?;
    let target = root.join(relative);
    let folder = target.parent().unwrap_or(root).to_path_buf();
    let (mut temp, file) = write_temp(&target, bytes)?;
    file.sync_all().map_err(flush_error(&temp.path))?;
    drop(file);
    fault::step("save:temp-flushed");

    let lock = Lock::take(root)?;
    verify_target(&target, relative, expect)?;
    rename(&temp.path, &target).map_err(io_error("rename a temp file onto", &target))?;
    temp.persisted = true;
    drop(lock);
    fault::step("save:renamed");

    let flushed = flush_folder(&folder).and_then(|()| {
        created
            .iter()
            .rev()
            .try_for_each(|created| match created.parent() {
                Some(parent) => flush_folder(parent),
                None => Ok(()),
            })
    });
    Ok((content_hash(bytes), flushed))
}

/// Removes `relative` if it still holds the bytes with `hash`, and flushes its folder.
pub(crate) fn remove(root: &Path, relative: &str, hash: u64) -> Result<(), SaveError> {
    let target = root.join(relative);
    let folder = target.parent().unwrap_or(root).to_path_buf();
    let lock = Lock::take(root)?;
    verify_target(&target, relative, Expect::Unchanged(hash))?;
    fs::remove_file(&target).map_err(io_error("delete", &target))?;
    drop(lock);
    flush_folder(&folder)
}

/// Flushes everything written under `root` to disk in one call.
#[cfg(target_os = "linux")]
fn flush_all(root: &Path, _temps: &[TempFile]) -> Result<(), SaveError> {
    use std::os::fd::AsRawFd;
    let dir = File::open(root).map_err(flush_error(root))?;
    // SAFETY: syncfs only reads the descriptor, which `dir` keeps open for the call.
    if unsafe { libc::syncfs(dir.as_raw_fd()) } == 0 {
        Ok(())
    } else {
        Err(flush_error(root)(io::Error::last_os_error()))
    }
}

/// Flushes each temp file, where the system has no one call for a whole file system.
#[cfg(not(target_os = "linux"))]
fn flush_all(_root: &Path, temps: &[TempFile]) -> Result<(), SaveError> {
    use rayon::prelude::*;
    temps.par_iter().try_for_each(|temp| {
        File::open(&temp.path)
            .and_then(|f| f.sync_all())
            .map_err(flush_error(&temp.path))
    })
}

/// Writes many new files at once: every temp file first, one flush for all, then the renames,
/// then a flush of each folder; success is reported only after that.
///
/// A flush per file costs ~7 ms here, which is minutes for an import of 20,000 orders.
/// Killed part-way, it leaves only whole files: temp files (cleaned on the next open)
/// and complete records, so a re-run finds what is missing.
pub(crate) fn write_new_batch(root: &Path, files: &[(String, Vec<u8>)]) -> Result<(), SaveError> {
    use rayon::prelude::*;
    let mut created = Vec::new();
    let mut folders = std::collections::BTreeSet::new();
    for (relative, _) in files {
        if let Some((folder, _)) = relative.rsplit_once('/')
            && folders.insert(folder.to_owned())
        {
            created.extend(prepare_folders(root, relative)?);
        } else if !relative.contains('/') {
            prepare_folders(root, relative)?;
        }
    }
    let temps: Vec<TempFile> = files
        .par_iter()
        .map(|(relative, bytes)| write_temp(&root.join(relative), bytes).map(|(temp, _)| temp))
        .collect::<Result<_, SaveError>>()?;
    flush_all(root, &temps)?;

    let lock = Lock::take(root)?;
    for ((relative, _), _) in files.iter().zip(&temps) {
        verify_target(&root.join(relative), relative, Expect::Absent)?;
    }
    let mut temps = temps;
    for ((relative, _), temp) in files.iter().zip(temps.iter_mut()) {
        rename(&temp.path, &root.join(relative))
            .map_err(io_error("rename a temp file onto", &root.join(relative)))?;
        temp.persisted = true;
    }
    drop(lock);

    for folder in &folders {
        flush_folder(&root.join(folder))?;
    }
    flush_folder(root)?;
    for created in created.iter().rev() {
        if let Some(parent) = created.parent() {
            flush_folder(parent)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_carry_their_process() {
        let temp = temp_path(Path::new("/w/orders/2026-11/A1.ron"));
        let name = temp.file_name().unwrap().to_str().unwrap();
        assert!(name.starts_with(".A1.ron."), "{name}");
        assert_eq!(temp_owner(name), Some(std::process::id()));
        assert_eq!(temp_owner("A1.ron"), None);
    }
}
