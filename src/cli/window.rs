//! `rightfirst` and `rightfirst open`: the window, with its log and crash reports.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The workspace folder `path` names: a workspace's `workspace.ron` (what a file manager
/// passes on a double-click) stands for its folder; anything else is taken as the folder.
pub fn folder_of(path: &Path) -> PathBuf {
    let names_file = path.file_name().is_some_and(|name| name == "workspace.ron");
    if !names_file || path.is_dir() {
        return path.to_path_buf();
    }
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The window on `dir`, or on the last workspace. Its messages go to a log file and a
/// panic leaves a crash report, which the next start names; both live in the state folder.
#[cfg(feature = "gui")]
pub fn window(dir: Option<PathBuf>) -> ExitCode {
    use rightfirst::diagnostics::{self, crash, log_file};
    let state = diagnostics::folder();
    let mut crashed = None;
    if let Some(state) = state {
        if let Err(error) = log_file::start(&state) {
            eprintln!("rightfirst: no log in {}: {error}", state.display());
        }
        crashed = crash::take_unseen(&state);
        crash::install(state);
    }
    log::info!(
        "Right First {} starts on {}",
        super::version(),
        dir.as_deref()
            .map_or("the last workspace".into(), |d| d.display().to_string())
    );
    let start = match dir {
        Some(dir) => rightfirst::ui::Start::Folder(dir),
        None => rightfirst::ui::Start::Last,
    };
    match rightfirst::ui::run(start, crashed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            log::error!("the window could not open: {error}");
            eprintln!("rightfirst: the window could not open: {error}");
            ExitCode::from(2)
        }
    }
}

/// Without the `gui` feature there is no window: the help instead.
#[cfg(not(feature = "gui"))]
pub fn window(_dir: Option<PathBuf>) -> ExitCode {
    use clap::CommandFactory;
    eprintln!("rightfirst: this build has no window (built without the `gui` feature)");
    let _ = super::Cli::command().print_help();
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workspace_ron_stands_for_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("workspace.ron");
        std::fs::write(&file, "not even RON").unwrap();
        assert_eq!(folder_of(&file), dir.path());
        assert_eq!(folder_of(dir.path()), dir.path());
        assert_eq!(folder_of(Path::new("workspace.ron")), Path::new("."));
        // A folder that happens to be called workspace.ron is a folder.
        let odd = dir.path().join("shop").join("workspace.ron");
        std::fs::create_dir_all(&odd).unwrap();
        assert_eq!(folder_of(&odd), odd);
        let other = dir.path().join("orders.ron");
        assert_eq!(folder_of(&other), other);
    }
}
