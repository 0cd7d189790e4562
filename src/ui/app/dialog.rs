//! The system's file dialogs, told apart from dialogs that never showed.
//!
//! rfd answers `None` both when the user cancels and when it could show nothing: on Linux
//! it asks the desktop's file-chooser portal over the session bus, falls back to
//! `zenity`, and with neither returns `None` at once. Measured under Xvfb with no portal
//! and no zenity, that `None` comes back in 0.5 to 3.3 ms (with a session bus and without
//! one); a dialog a person closes takes far longer. So a dialog is not tried where nothing
//! could show it (no zenity on `PATH` and no session bus), and a `None` sooner than
//! [`TOO_FAST`] counts as "did not open". A GTK backend would open dialogs without a
//! portal, but it needs GTK's development libraries to build, which a fresh machine
//! following the README does not have; so there is none.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::ui::request::{NoDialog, Picked};

/// No person opens a dialog, reads it and cancels it this fast.
pub(super) const TOO_FAST: Duration = Duration::from_millis(300);

/// Which dialog to show.
pub(super) enum Dialog {
    /// A file to open, of these extensions, named `name` in the filter.
    Open {
        name: &'static str,
        extensions: &'static [&'static str],
    },
    /// A place to save, suggesting the file name `name`.
    Save {
        name: String,
        extension: &'static str,
    },
    /// A folder.
    Folder,
}

/// Shows `dialog` and says what came of it.
pub(super) async fn show(dialog: Dialog) -> Picked {
    if !something_can_show_it() {
        return Picked::CouldNotOpen(NoDialog::NothingToShowIt);
    }
    let asked = rfd::AsyncFileDialog::new();
    let started = Instant::now();
    let answer = match dialog {
        Dialog::Open { name, extensions } => asked.add_filter(name, extensions).pick_file().await,
        Dialog::Save { name, extension } => {
            asked
                .add_filter(extension.to_uppercase(), &[extension])
                .set_file_name(name)
                .save_file()
                .await
        }
        Dialog::Folder => asked.pick_folder().await,
    };
    judge(answer.map(|h| h.path().to_path_buf()), started.elapsed())
}

/// What an answer of rfd means, given how long the dialog was up.
pub(super) fn judge(answer: Option<PathBuf>, took: Duration) -> Picked {
    match answer {
        Some(path) => Picked::Path(path),
        None if took < TOO_FAST => Picked::CouldNotOpen(NoDialog::DidNotOpen),
        None => Picked::Cancelled,
    }
}

/// Whether rfd has anything to show a dialog with: on Linux and the BSDs a session bus
/// (for the portal) or `zenity`; elsewhere the system's own dialogs.
fn something_can_show_it() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    let on_path = |program: &str| {
        std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|d| d.join(program).is_file()))
    };
    let session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| std::path::Path::new(&dir).join("bus").exists());
    session_bus || on_path("zenity")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_answer_is_a_cancel_only_when_the_dialog_was_up_long_enough() {
        let path = PathBuf::from("/tmp/manual.pdf");
        assert_eq!(
            judge(Some(path.clone()), Duration::from_millis(1)),
            Picked::Path(path)
        );
        // As measured here with no portal and no zenity.
        assert_eq!(
            judge(None, Duration::from_micros(3300)),
            Picked::CouldNotOpen(NoDialog::DidNotOpen)
        );
        assert_eq!(judge(None, TOO_FAST), Picked::Cancelled);
        assert_eq!(judge(None, Duration::from_secs(4)), Picked::Cancelled);
    }
}
