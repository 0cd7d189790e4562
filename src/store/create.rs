//! Making a new workspace folder all at once, or not at all.
//!
//! Every file is written and flushed in a hidden sibling folder, `.<name>.rf-new-<pid>-<n>`,
//! which is then renamed into place: a full disk, a missing permission or a crash part-way
//! leaves no half-made workspace where the user asked for one. Only folders above it that
//! had to be made for it may stay, and only when a crash stopped the clean-up.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::layout::WORKSPACE_FILE;
use super::save::{flush_folder, io_error as io, rename};
use super::{SaveError, fault, format};
use crate::model::{Language, PeopleError, Workspace};

/// Why a new workspace was not made. The folder asked for is then as it was.
#[derive(Debug, Clone, thiserror::Error)]
pub enum CreateError {
    /// The business or the owner has no name.
    #[error("{0}")]
    Refused(#[from] PeopleError),
    /// The folder exists and holds something (or is a file): nothing is put into it.
    #[error("{} is not empty: a new workspace needs a new or empty folder; nothing was changed", .0.display())]
    NotEmpty(PathBuf),
    /// The system refused to make, write, flush or rename something.
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// Creates an empty business in `dir`: a `workspace.ron` with the business's `name`,
/// `language`, `owner_name` as its first Owner (id from the name), the six default
/// categories and the default settings, and nothing else.
pub fn create_business(
    dir: &Path,
    name: &str,
    owner_name: &str,
    language: Language,
) -> Result<(), CreateError> {
    let workspace = Workspace::for_business(name, owner_name, language)?;
    let text = format::print(&workspace);
    create(dir, &[(WORKSPACE_FILE, text.as_bytes())])
}

/// Creates a new workspace at `dir` from these files (path relative to the workspace with
/// `/` separators, bytes), all of them or none: `dir` must be missing or an empty folder,
/// and is left as it was when anything fails.
pub fn create(dir: &Path, files: &[(&str, &[u8])]) -> Result<(), CreateError> {
    let outside = |relative: &str| {
        relative
            .split('/')
            .any(|part| matches!(part, "" | "." | ".."))
    };
    if let Some((relative, _)) = files.iter().find(|(relative, _)| outside(relative)) {
        return Err(
            SaveError::BadId(format!("\"{relative}\" is not a path inside the workspace")).into(),
        );
    }
    let existed = match fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => {
            let mut entries = fs::read_dir(dir).map_err(io("read the folder", dir))?;
            if entries.next().is_some() {
                return Err(CreateError::NotEmpty(dir.to_path_buf()));
            }
            true
        }
        Ok(_) => return Err(CreateError::NotEmpty(dir.to_path_buf())),
        Err(error) if error.kind() == io::ErrorKind::NotFound => false,
        Err(error) => return Err(io("inspect", dir)(error).into()),
    };
    let parent = parent_of(dir)?;
    let made_parents = make_parents(&parent)?;
    let staged = Staging::new(dir, &parent).and_then(|staging| {
        staging.write(files)?;
        staging.place(dir, existed)
    });
    if staged.is_err() {
        // Only empty folders go: a folder someone filled meanwhile stays.
        for folder in made_parents.iter().rev() {
            let _ = fs::remove_dir(folder);
        }
    }
    staged
}

/// The folder `dir` is made in: its parent, or the current folder for a bare name.
fn parent_of(dir: &Path) -> Result<PathBuf, CreateError> {
    if dir.file_name().is_none() {
        return Err(SaveError::BadId(format!(
            "\"{}\" does not name a folder to make",
            dir.display()
        ))
        .into());
    }
    let parent = match dir.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok(parent)
}

/// Makes the missing folders of `parent`, returning those it made, outermost first.
fn make_parents(parent: &Path) -> Result<Vec<PathBuf>, CreateError> {
    let missing: Vec<PathBuf> = parent
        .ancestors()
        .take_while(|folder| !folder.as_os_str().is_empty() && !folder.exists())
        .map(Path::to_path_buf)
        .collect();
    let mut made = Vec::new();
    for folder in missing.into_iter().rev() {
        if let Err(error) = fs::create_dir(&folder) {
            for made in made.iter().rev() {
                let _ = fs::remove_dir(made);
            }
            return Err(io("create the folder", &folder)(error).into());
        }
        made.push(folder);
    }
    Ok(made)
}

/// The hidden folder a new workspace is written in; removed with all it holds unless it
/// was renamed into place.
struct Staging {
    path: PathBuf,
    /// Where it goes: errors name this, not the hidden folder the user never asked for.
    dir: PathBuf,
    placed: bool,
}

impl Staging {
    /// Makes a fresh hidden folder beside `dir`, in `parent`.
    fn new(dir: &Path, parent: &Path) -> Result<Staging, CreateError> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        remove_stale(parent, &name);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = parent.join(format!(".{name}.rf-new-{}-{n}", std::process::id()));
        fs::create_dir(&path).map_err(io("create the folder", dir))?;
        Ok(Staging {
            path,
            dir: dir.to_path_buf(),
            placed: false,
        })
    }

    /// Writes and flushes every file, and every folder made for them.
    fn write(&self, files: &[(&str, &[u8])]) -> Result<(), CreateError> {
        let mut folders = std::collections::BTreeSet::new();
        for (relative, bytes) in files {
            let target = self.path.join(relative);
            let named = self.dir.join(relative);
            let folder = target.parent().unwrap_or(&self.path);
            fs::create_dir_all(folder).map_err(io("create the folder", &named))?;
            for above in folder.ancestors().take_while(|f| *f != self.path) {
                folders.insert(above.to_path_buf());
            }
            write_file(&target, bytes).map_err(io("write", &named))?;
            fault::step("create:file-written");
        }
        // Deepest first, so each folder's entry in its parent is flushed after its content.
        for folder in folders.iter().rev() {
            flush_folder(folder)?;
        }
        flush_folder(&self.path)?;
        Ok(())
    }

    /// Renames the written folder onto `dir` (which may be an empty folder) and flushes
    /// the parent, so the new workspace survives a power cut.
    fn place(mut self, dir: &Path, existed: bool) -> Result<(), CreateError> {
        fault::step("create:written");
        // POSIX renames a folder over an empty one in one step; Windows needs it gone first.
        if existed && cfg!(windows) {
            fs::remove_dir(dir).map_err(io("replace the empty folder", dir))?;
        }
        if let Err(error) = rename(&self.path, dir) {
            if existed && cfg!(windows) {
                let _ = fs::create_dir(dir);
            }
            let refused = match error.kind() {
                io::ErrorKind::DirectoryNotEmpty | io::ErrorKind::AlreadyExists => {
                    CreateError::NotEmpty(dir.to_path_buf())
                }
                _ => io("rename the new workspace onto", dir)(error).into(),
            };
            return Err(refused);
        }
        self.placed = true;
        fault::step("create:renamed");
        flush_folder(
            dir.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new(".")),
        )?;
        Ok(())
    }
}

/// Removes the hidden folders that killed creations of `name` left in `parent`. Without
/// `/proc` a live creation cannot be told from a dead one, so they stay.
fn remove_stale(parent: &Path, name: &str) {
    let proc = Path::new("/proc");
    let prefix = format!(".{name}.rf-new-");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    if !proc.is_dir() {
        return;
    }
    for entry in entries.flatten() {
        let entry_name = entry.file_name();
        let owner = entry_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|tail| tail.split_once('-'))
            .filter(|(_, n)| n.parse::<u64>().is_ok())
            .and_then(|(pid, _)| pid.parse::<u32>().ok());
        if let Some(pid) = owner
            && pid != std::process::id()
            && !proc.join(pid.to_string()).exists()
        {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.placed {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

/// Writes `bytes` to a new file at `target` and flushes it.
fn write_file(target: &Path, bytes: &[u8]) -> io::Result<()> {
    if fault::write_fails(target) {
        return Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "no space left on device (made by a test)",
        ));
    }
    let mut file = File::create_new(target)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests;
