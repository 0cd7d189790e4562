//! When something goes wrong on a user's machine: a log file and crash reports, kept in
//! the user's state folder (`~/.local/state/rightfirst` on Linux), so that there is
//! something to send and the window can say where it is.

pub mod crash;
pub mod log_file;

use std::path::PathBuf;

/// The application id: the desktop entry, the icons, the metainfo and the window's
/// Wayland app id all carry it.
pub const APP_ID: &str = "nl.rightfirst.RightFirst";

/// The folder for the log and crash reports: the platform's state folder where it has one
/// (Linux), else the local data folder; `None` where there is no home.
pub fn folder() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "rightfirst")?;
    Some(
        dirs.state_dir()
            .unwrap_or(dirs.data_local_dir())
            .to_path_buf(),
    )
}
