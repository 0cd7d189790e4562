//! Opening a workspace: reading it off the window's thread with progress, the folder
//! dialog, the sample copied on a first run, and a new empty workspace.

use std::path::{Path, PathBuf};

use iced::widget::container;
use iced::{Element, Task};

use super::desk::Desk;
use super::dialog::{self, Dialog};
use super::watch::read_task;
use super::{Message, Start};
use crate::model::{Date, DateTime, Workspace};
use crate::store::Folder;
use crate::store::config::{Config, Places};
use crate::ui::request::Picked;
use crate::ui::screen::file_place::{self, PathField, Taken};
use crate::ui::screen::settings;
use crate::ui::text::Language;
use crate::ui::theme;

/// The local time now, to the minute.
pub(super) fn local_now() -> DateTime {
    let now = jiff::ZonedDateTime::now();
    DateTime::new(Date::from(now.date()), now.hour(), now.minute())
        .unwrap_or_else(|| DateTime::start_of(Date::from(now.date())))
}

/// Shows the folder dialog; `new` to make a workspace in the folder picked.
pub(super) fn pick_folder(new: bool) -> Task<Message> {
    Task::perform(dialog::show(Dialog::Folder), move |picked| {
        Message::FolderPicked(picked, new)
    })
}

/// A workspace folder's path, typed where the folder dialog could not open, or asked for.
#[derive(Debug, Default)]
pub(super) struct TypedFolder(Option<(bool, PathField)>);

impl TypedFolder {
    /// Shows the field for an existing workspace's folder.
    pub fn start(&mut self) -> Task<Message> {
        self.0 = Some((false, PathField::to_folder(false, None)));
        iced::widget::operation::focus(file_place::PATH_INPUT)
    }

    /// A folder dialog that came back with no folder: where it could not show, the field.
    pub fn not_picked(&mut self, picked: Picked, new: bool) -> Task<Message> {
        if let Picked::CouldNotOpen(why) = picked {
            self.0 = Some((new, PathField::to_folder(new, Some(why))));
        }
        Task::none()
    }

    /// A message of the field; a folder taken goes on as the dialog's answer would have.
    pub fn update(&mut self, message: file_place::Message) -> Task<Message> {
        let Some((new, field)) = &mut self.0 else {
            return Task::none();
        };
        match field.update(message) {
            Taken::Path(path) => {
                let new = *new;
                self.0 = None;
                Task::done(Message::FolderPicked(Picked::Path(path), new))
            }
            Taken::Cancelled => {
                self.0 = None;
                Task::none()
            }
            Taken::Not => Task::none(),
        }
    }

    /// The field, above the window's screen, while it is open.
    pub fn view(&self, language: Language) -> Option<Element<'_, Message>> {
        self.0.as_ref().map(|(_, field)| {
            container(
                field
                    .view(language)
                    .map(|m| Message::Settings(settings::Message::Path(m))),
            )
            .padding(theme::SPACE_S)
            .into()
        })
    }
}

/// How far the window has come with its workspace.
pub(super) enum Phase {
    /// Reading the workspace at `path`: `read` of `total` orders so far.
    Opening {
        path: PathBuf,
        read: usize,
        total: usize,
    },
    /// The workspace at `path` could not be read.
    Failed { path: PathBuf, error: String },
    /// The workspace is open.
    Open(Box<Desk>),
}

impl Phase {
    /// Starts reading the workspace at `path` off the window's thread, or fails with `error`.
    pub fn start(path: Result<PathBuf, String>) -> (Phase, Task<Message>) {
        match path {
            Ok(path) => Phase::read(path),
            Err(error) => (
                Phase::Failed {
                    path: PathBuf::new(),
                    error,
                },
                Task::none(),
            ),
        }
    }

    /// Waiting for a workspace to be handed over: nothing read yet.
    pub fn waiting() -> Phase {
        Phase::Opening {
            path: PathBuf::new(),
            read: 0,
            total: 0,
        }
    }

    /// Reads the workspace at `path` off the window's thread, with progress.
    pub fn read(path: PathBuf) -> (Phase, Task<Message>) {
        let task = read_task(path.clone(), true, Message::Loaded);
        let phase = Phase::Opening {
            path,
            read: 0,
            total: 0,
        };
        (phase, task)
    }

    /// How far the reading has come.
    pub fn progress(&mut self, read: usize, total: usize) {
        if let Phase::Opening {
            read: r, total: t, ..
        } = self
        {
            (*r, *t) = (read, total);
        }
    }

    /// Takes the reading's end: the workspace read, or the failure shown.
    pub fn loaded(&mut self, result: Result<Folder, String>) -> Option<Folder> {
        match result {
            Ok(folder) => Some(folder),
            Err(error) => {
                let path = match self {
                    Phase::Opening { path, .. } => std::mem::take(path),
                    _ => PathBuf::new(),
                };
                *self = Phase::Failed { path, error };
                None
            }
        }
    }

    /// The open workspace's desk.
    pub fn desk(&self) -> Option<&Desk> {
        match self {
            Phase::Open(desk) => Some(desk),
            _ => None,
        }
    }

    /// The open workspace's desk, to change.
    pub fn desk_mut(&mut self) -> Option<&mut Desk> {
        match self {
            Phase::Open(desk) => Some(desk),
            _ => None,
        }
    }
}

/// The folder `start` names: the one opened last, or on a first run a copy of the sample
/// business in the user's data folder.
pub(super) fn start_path(
    start: Start,
    config: &Config,
    places: Option<&Places>,
) -> Result<PathBuf, String> {
    match (start, &config.last_workspace, places) {
        (Start::Folder(path), _, _) => Ok(path),
        (Start::Last, Some(last), _)
            if last.join(crate::store::layout::WORKSPACE_FILE).is_file() =>
        {
            Ok(last.clone())
        }
        (Start::Last, _, Some(places)) => {
            first_run_sample(&places.sample).map(|()| places.sample.clone())
        }
        (Start::Last, _, None) => Err(
            "there is no home folder to keep a workspace in; start with `rightfirst open DIR`"
                .to_owned(),
        ),
    }
}

/// On a first run the sample business is copied to the user's data folder, once.
fn first_run_sample(folder: &Path) -> Result<(), String> {
    if folder.join(crate::store::layout::WORKSPACE_FILE).is_file() {
        return Ok(());
    }
    crate::store::create(folder, crate::sample::FILES).map_err(|error| error.to_string())
}

/// A new, empty workspace named after its folder, with the current person as its owner.
pub(super) fn create_workspace(folder: &Path, me: Option<&str>) -> Result<(), String> {
    let name = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "My business".to_owned());
    let mut workspace = Workspace::new(name);
    workspace.staff.push(crate::model::Person {
        id: me.unwrap_or("owner").to_owned(),
        name: me.unwrap_or("Owner").to_owned(),
        role: crate::model::Role::Owner,
        left: None,
        pin: None,
    });
    let written = crate::store::format::print(&workspace);
    crate::store::create(
        folder,
        &[(crate::store::layout::WORKSPACE_FILE, written.as_bytes())],
    )
    .map_err(|error| error.to_string())
}
