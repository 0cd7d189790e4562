//! What the window's parts tell each other: which workspace to open, the messages of the
//! window and its screens, and values handed over from worker threads.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use iced::keyboard::{Key, Modifiers};

use super::leaving::Choice as LeaveChoice;
use super::older::Taken;
use crate::store::{Batch, Folder};
use crate::ui::request::Picked;
use crate::ui::screen::{
    business, checklists, dashboard, defects, manual, orders, problems, procedures, reading,
    settings, training,
};

/// Which workspace the window opens.
#[derive(Debug, Clone)]
pub enum Start {
    /// The one opened last; on a first run, a copy of the sample business.
    Last,
    /// This folder.
    Folder(PathBuf),
}

/// A value handed from a worker thread to `update` exactly once. Messages must be
/// `Clone`; a loaded workspace is not, and need not be.
pub struct Handoff<T>(Arc<Mutex<Option<T>>>);

impl<T> Clone for Handoff<T> {
    fn clone(&self) -> Self {
        Handoff(Arc::clone(&self.0))
    }
}

impl<T> Handoff<T> {
    pub(super) fn new(value: T) -> Self {
        Handoff(Arc::new(Mutex::new(Some(value))))
    }

    pub(super) fn take(&self) -> Option<T> {
        self.0.lock().ok()?.take()
    }
}

impl<T> std::fmt::Debug for Handoff<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Handoff")
    }
}

/// Where the navigation points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The procedures the person signed in has to read.
    ToRead,
    Procedures,
    Checklists,
    Orders,
    Defects,
    Dashboard,
    /// Who has read what: the training matrix, for owners.
    Training,
    Manual,
    Problems,
    Settings,
}

/// Everything that can happen in the window.
#[derive(Debug, Clone)]
pub enum Message {
    /// How far opening the workspace has come.
    Loading(usize, usize),
    /// The workspace is read, or could not be.
    Loaded(Handoff<Result<Folder, String>>),
    /// The first start's screen: one's own business, or the sample.
    Welcome(crate::ui::screen::welcome::Message),
    Section(Section),
    Search(String),
    /// Enter in the search field: open the first match, where a screen can.
    SearchSubmit,
    Procedures(procedures::Message),
    /// The read view and "To read".
    Reading(reading::Message),
    Orders(orders::Message),
    Defects(defects::Message),
    Dashboard(dashboard::Message),
    Manual(manual::Message),
    /// The training matrix.
    Training(training::Message),
    Checklists(checklists::Message),
    Problems(problems::Message),
    Settings(settings::Message),
    /// Settings → Business: the business, its people, one's PIN.
    Business(business::Message),
    /// "Who are you?", on a machine's first open of a workspace: a person, and their PIN.
    SignIn(super::sign_in::SignInMessage),
    /// "Not you?"
    ForgetPerson,
    /// A key no widget used.
    Key(Key, Modifiers),
    /// The system switched between light and dark.
    SystemTheme(iced::theme::Mode),
    /// What came of the folder dialog; `true` to make a new workspace in the folder.
    FolderPicked(Picked, bool),
    /// Save over the file on disk, after seeing both versions.
    KeepMine,
    /// The user read the notes of what was merged from other desks: put them away.
    NotesRead,
    /// Take the file on disk, dropping the unsaved version.
    TakeDisk,
    /// The window's close button, or the system asking the window to close.
    CloseRequested,
    /// The answer to "some work is not saved yet".
    Leave(LeaveChoice),
    /// Files of the workspace, relative to it, that something changed on disk.
    DiskChanged(Vec<String>),
    /// Read the workspace again from disk (F5).
    Reload,
    /// The workspace read again off the UI thread, after files changed on disk.
    Refreshed(Handoff<Result<Folder, String>>),
    /// The workspace read again after an import wrote to it.
    Imported(Handoff<Folder>),
    /// Some of the older orders, read after the desk opened (see [`Message::older_orders`]),
    /// and the loader waiting to hear that the window took them, if one waits.
    OlderOrders(Handoff<(Batch, Option<Taken>)>),
    /// Go on working out the lists and figures of the screen in front: what takes more
    /// than a frame is done a slice per message.
    Derive,
}

impl Message {
    /// A batch of the older orders of the workspace being opened, for `update`.
    pub fn older_orders(batch: Batch) -> Message {
        Message::OlderOrders(Handoff::new((batch, None)))
    }
}
