//! What a screen asks the app to do for it: the one road from a screen to the disk.
//!
//! A screen's `update` returns a [`Request`] in its own message type `M`. The request
//! knows no screen: the answer comes back through its `reply`, a function that turns the
//! outcome into one of the asking screen's own messages. The app carries requests out in
//! one place (`app/road.rs`), so only the app touches the workspace's files.

use std::path::PathBuf;
use std::sync::Arc;

use crate::export::ManualOptions;
use crate::import::document::DocumentError;
use crate::model::{Checklist, Order, Procedure, Training, Workspace};
use crate::store::Attachment;

/// Turns the outcome of a request into a message of the screen that asked.
pub type Reply<T, M> = Box<dyn FnOnce(T) -> M + Send>;

/// Tells the screen that asked how far a job has come: done, of total.
pub type Progress<M> = Arc<dyn Fn(usize, usize) -> M + Send + Sync>;

/// Work a screen needs from outside itself.
pub enum Request<M> {
    /// Nothing.
    None,
    /// Move the keyboard focus to the widget with this id.
    Focus(String),
    /// Scroll the scrollable `id` this far down, 0 to 1.
    Scroll { id: &'static str, y: f32 },
    /// Save this record; the approved revision it supersedes goes to the archive first.
    Save {
        record: Record,
        archive: Option<Record>,
        reply: Reply<Saved, M>,
    },
    /// Delete this record's file.
    Delete {
        record: Record,
        reply: Reply<Result<(), String>, M>,
    },
    /// Copy this file into the workspace for a record; the reply gets its workspace path.
    Attach {
        file: PathBuf,
        to: Attachment,
        reply: Reply<Result<String, String>, M>,
    },
    /// Let the user pick a file to open.
    PickFile {
        kind: FileKind,
        reply: Reply<Picked, M>,
    },
    /// Let the user pick where to save a document, suggesting `name`.
    PickPlace {
        name: String,
        extension: &'static str,
        reply: Reply<Picked, M>,
    },
    /// Write a document the user asked for at `path`.
    Write {
        path: PathBuf,
        bytes: Vec<u8>,
        reply: Reply<Result<(), String>, M>,
    },
    /// Open a saved document (or a folder, in the file manager) with the program the
    /// system uses for it; the reply hears why not, and nothing if it opened.
    View {
        path: PathBuf,
        reply: Reply<String, M>,
    },
    /// Show another screen at this record.
    Show(Place),
    /// Run this job off the window's thread.
    Run(Job<M>),
}

/// A record the app saves or deletes.
#[derive(Debug, Clone)]
pub enum Record {
    Procedure(Box<Procedure>),
    Checklist(Box<Checklist>),
    Order(Box<Order>),
    /// The business, its people and settings: `workspace.ron`.
    Workspace(Box<Workspace>),
    /// A person's signatures under procedures: `training/<person>.ron`.
    Training(Box<Training>),
}

impl Record {
    /// The record's id.
    pub fn id(&self) -> &str {
        match self {
            Record::Procedure(r) => &r.id,
            Record::Checklist(r) => &r.id,
            Record::Order(r) => &r.id,
            Record::Workspace(_) => "workspace",
            Record::Training(r) => &r.person,
        }
    }
}

/// How a save went.
#[derive(Debug, Clone)]
pub enum Saved {
    /// The record is on disk.
    Done,
    /// It is not: why.
    Failed(String),
    /// The file changed on disk and the user took that version over theirs; the reason its
    /// reading failed, if it did.
    TookDisk(Option<String>),
}

/// What came of a file dialog: three outcomes, so a dialog that never showed is never
/// taken for the user's Cancel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this path.
    Path(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown on this computer.
    CouldNotOpen(NoDialog),
}

/// Why no file dialog could be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoDialog {
    /// Neither a file-chooser portal nor zenity is there to show one.
    NothingToShowIt,
    /// The dialog came back empty at once, too fast for a person to have closed it.
    DidNotOpen,
}

/// The kinds of file a screen asks the user for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A photo (JPEG, PNG, and what phones make).
    Photo,
    /// A picture for a procedure step: JPEG or PNG.
    StepPhoto,
    /// A CSV file of orders.
    Csv,
    /// A document of procedures: Word, Markdown or text.
    Document,
}

/// A record another screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Order(String),
    Defect { order: String, defect: String },
    Procedure(String),
}

/// Work that takes a while: it runs on a worker thread and reports how far it has come.
pub enum Job<M> {
    /// Import orders from a CSV file; the workspace is read again after.
    Import {
        csv: PathBuf,
        /// The columns, maker and date order the person chose in the preview.
        choices: crate::import::Choices,
        progress: Progress<M>,
        /// How many orders were written and how many were there already, or why none.
        done: Reply<Result<crate::import::Summary, crate::import::ImportError>, M>,
    },
    /// Read a document of procedures for a preview; nothing is written.
    ReadDocument {
        path: PathBuf,
        done: Reply<Result<crate::import::document::Reading, DocumentError>, M>,
    },
    /// Write these new procedures, all or none; the workspace is read again after.
    ImportProcedures {
        procedures: Vec<Procedure>,
        /// The ids written, or why none.
        done: Reply<Result<Vec<String>, String>, M>,
    },
    /// Read a CSV file into its header and rows, for the preview before an import.
    ReadSheet {
        csv: PathBuf,
        /// The file as a table, or why it could not be read.
        done: Reply<Result<Box<crate::import::Sheet>, crate::import::ImportError>, M>,
    },
    /// Typeset the manual and write it to `path`.
    Manual {
        options: Box<ManualOptions>,
        path: PathBuf,
        progress: Progress<M>,
        done: Reply<Result<PathBuf, String>, M>,
    },
}

impl<M> Request<M> {
    /// Saves `record` and tells the screen with `reply`.
    pub fn save(record: Record, reply: impl FnOnce(Saved) -> M + Send + 'static) -> Self {
        Request::Save {
            record,
            archive: None,
            reply: Box::new(reply),
        }
    }

    /// Asks the user for a file of `kind`.
    pub fn pick_file(kind: FileKind, reply: impl FnOnce(Picked) -> M + Send + 'static) -> Self {
        Request::PickFile {
            kind,
            reply: Box::new(reply),
        }
    }

    /// Asks the user where to save a document, suggesting the file name `name`.
    pub fn pick_place(
        name: String,
        extension: &'static str,
        reply: impl FnOnce(Picked) -> M + Send + 'static,
    ) -> Self {
        Request::PickPlace {
            name,
            extension,
            reply: Box::new(reply),
        }
    }

    /// Opens `path` with the system's program for it; `failed` hears why not.
    pub fn view(path: PathBuf, failed: impl FnOnce(String) -> M + Send + 'static) -> Self {
        Request::View {
            path,
            reply: Box::new(failed),
        }
    }

    /// Copies `file` into the workspace for a record.
    pub fn attach(
        file: PathBuf,
        to: Attachment,
        reply: impl FnOnce(Result<String, String>) -> M + Send + 'static,
    ) -> Self {
        Request::Attach {
            file,
            to,
            reply: Box::new(reply),
        }
    }
}

impl<M> std::fmt::Debug for Request<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self {
            Request::None => "None",
            Request::Focus(_) => "Focus",
            Request::Scroll { .. } => "Scroll",
            Request::Save { .. } => "Save",
            Request::Delete { .. } => "Delete",
            Request::Attach { .. } => "Attach",
            Request::PickFile { .. } => "PickFile",
            Request::PickPlace { .. } => "PickPlace",
            Request::Write { .. } => "Write",
            Request::View { .. } => "View",
            Request::Show(_) => "Show",
            Request::Run(_) => "Run",
        };
        f.write_str(name)
    }
}
