//! Paths a person types by hand, where a file dialog could not open or instead of one:
//! whether each names what it must (a file to read, a place to write, a folder), checked
//! before anything is read or written, and the folder such a path starts in.

use std::path::{Path, PathBuf};

/// What a typed path has to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// A file there already, to read.
    File,
    /// A place to write a new file: its folder exists, and it is no folder itself.
    NewFile,
    /// A folder there already.
    Folder,
    /// A folder to make, or an existing one: its parent exists.
    NewFolder,
}

/// Why a typed path cannot be used; nothing was read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceProblem {
    /// Nothing was typed.
    Empty,
    /// The path does not start at the top of a drive (`/` or `C:\`) or at `~`.
    NotWhole,
    /// Nothing is there.
    Missing,
    /// A folder is there where a file is wanted.
    IsFolder,
    /// A file is there where a folder is wanted.
    IsFile,
    /// The folder it would go in does not exist (or the path has none).
    NoParent(PathBuf),
    /// A file is there already: writing replaces it.
    Exists,
}

/// The path typed, with a leading `~` taken as the home folder.
pub fn expand(typed: &str) -> PathBuf {
    let typed = typed.trim();
    let home = || directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    if typed == "~" {
        return home().unwrap_or_else(|| PathBuf::from(typed));
    }
    match (typed.strip_prefix("~/"), home()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(typed),
    }
}

/// Whether `typed` names what `wanted` asks for; the path to use if it does.
pub fn check(typed: &str, wanted: Wanted) -> Result<PathBuf, PlaceProblem> {
    if typed.trim().is_empty() {
        return Err(PlaceProblem::Empty);
    }
    let path = expand(typed);
    if !path.is_absolute() {
        return Err(PlaceProblem::NotWhole);
    }
    let parent_exists = |path: &Path| match path.parent() {
        Some(parent) if parent.is_dir() => Ok(()),
        Some(parent) => Err(PlaceProblem::NoParent(parent.to_path_buf())),
        None => Err(PlaceProblem::NoParent(path.to_path_buf())),
    };
    let is_dir = path.is_dir();
    let is_there = is_dir || path.exists();
    match wanted {
        Wanted::File if is_dir => Err(PlaceProblem::IsFolder),
        Wanted::File if !is_there => Err(PlaceProblem::Missing),
        Wanted::NewFile if is_dir || typed.trim_end().ends_with(['/', '\\']) => {
            Err(PlaceProblem::IsFolder)
        }
        Wanted::NewFile => parent_exists(&path).and(match is_there {
            true => Err(PlaceProblem::Exists),
            false => Ok(()),
        }),
        Wanted::Folder if !is_there => Err(PlaceProblem::Missing),
        Wanted::Folder | Wanted::NewFolder if is_there && !is_dir => Err(PlaceProblem::IsFile),
        Wanted::NewFolder if !is_there => parent_exists(&path),
        Wanted::File | Wanted::Folder | Wanted::NewFolder => Ok(()),
    }
    .map(|()| path)
}

/// The folder a typed path starts in: the user's documents folder, else their home, else
/// none.
pub fn documents_folder() -> Option<PathBuf> {
    directories::UserDirs::new()
        .and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
        .or_else(|| directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_wanted_kind_refuses_what_it_cannot_use() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("till.csv");
        std::fs::write(&file, "id\n").unwrap();
        let text = |p: &Path| p.display().to_string();
        let folder = text(dir.path());
        let missing = dir.path().join("gone/x.pdf");
        assert_eq!(check("  ", Wanted::File), Err(PlaceProblem::Empty));
        assert_eq!(check("till.csv", Wanted::File), Err(PlaceProblem::NotWhole));
        assert_eq!(check(&folder, Wanted::File), Err(PlaceProblem::IsFolder));
        assert_eq!(
            check(&text(&missing), Wanted::File),
            Err(PlaceProblem::Missing)
        );
        assert_eq!(check(&text(&file), Wanted::File), Ok(file.clone()));
        assert_eq!(check(&folder, Wanted::NewFile), Err(PlaceProblem::IsFolder));
        assert_eq!(
            check(&text(&missing), Wanted::NewFile),
            Err(PlaceProblem::NoParent(dir.path().join("gone")))
        );
        assert_eq!(
            check(&text(&file), Wanted::NewFile),
            Err(PlaceProblem::Exists)
        );
        let new = dir.path().join("manual.pdf");
        assert_eq!(check(&text(&new), Wanted::NewFile), Ok(new));
        assert_eq!(
            check(&text(&file), Wanted::Folder),
            Err(PlaceProblem::IsFile)
        );
        assert_eq!(
            check(&text(&missing), Wanted::Folder),
            Err(PlaceProblem::Missing)
        );
        assert_eq!(check(&folder, Wanted::Folder), Ok(dir.path().to_path_buf()));
        let shop = dir.path().join("shop");
        assert_eq!(check(&text(&shop), Wanted::NewFolder), Ok(shop));
        assert_eq!(
            check(&text(&file), Wanted::NewFolder),
            Err(PlaceProblem::IsFile)
        );
        assert!(matches!(
            check(&text(&missing), Wanted::NewFolder),
            Err(PlaceProblem::NoParent(_))
        ));
        assert!(check("/", Wanted::NewFile).is_err(), "the root is a folder");
    }
}
