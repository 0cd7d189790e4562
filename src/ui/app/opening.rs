//! Opening a workspace: reading it off the window's thread with progress, the folder
//! dialog, the sample copied on a first run, and a new empty workspace.

use std::path::{Path, PathBuf};

use iced::widget::container;
use iced::{Element, Task};

use super::desk::Desk;
use super::dialog::{self, Dialog};
use super::preferences::Preferences;
use super::watch::open_task;
use super::{Message, Start};
use crate::model::{Date, DateTime};
use crate::store::Folder;
use crate::store::config::{Config, Places};
use crate::ui::request::Picked;
use crate::ui::screen::file_place::{self, PathField, Taken};
use crate::ui::screen::settings;
use crate::ui::screen::welcome::{self, Chosen, Problem, Welcome};
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
    /// No workspace yet: start one's own business, or look around the sample.
    Welcome(Box<Welcome>),
}

impl Phase {
    /// Starts where `start` says: reading a workspace off the window's thread, the welcome
    /// screen (its form in `language`, a business going under `home`), or the failure.
    pub fn start(
        start: StartAt,
        home: Option<PathBuf>,
        language: Language,
    ) -> (Phase, Task<Message>) {
        match start {
            StartAt::Folder(path) => Phase::read(path),
            StartAt::Welcome => (
                Phase::Welcome(Box::new(Welcome::new(home, language))),
                Task::none(),
            ),
            StartAt::Failed(error) => (
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

    /// Reads the workspace at `path` off the window's thread, with progress: the newest
    /// orders before the desk opens, the older ones after.
    pub fn read(path: PathBuf) -> (Phase, Task<Message>) {
        let task = open_task(path.clone());
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

/// Where the window starts.
pub(super) enum StartAt {
    /// The workspace in this folder.
    Folder(PathBuf),
    /// The welcome screen: a first start.
    Welcome,
    /// Nowhere: why.
    Failed(String),
}

/// Where `start` leads: the workspace opened last, or on a first start the welcome screen.
pub(super) fn start_at(start: Start, config: &Config, places: Option<&Places>) -> StartAt {
    match (start, &config.last_workspace, places) {
        (Start::Folder(path), _, _) => StartAt::Folder(path),
        (Start::Last, Some(last), _)
            if last.join(crate::store::layout::WORKSPACE_FILE).is_file() =>
        {
            StartAt::Folder(last.clone())
        }
        (Start::Last, _, Some(_)) => StartAt::Welcome,
        (Start::Last, _, None) => StartAt::Failed(
            "there is no home folder to keep a workspace in; start with `rightfirst open DIR`"
                .to_owned(),
        ),
    }
}

/// The sample business in the user's data folder, copied there once.
fn sample_copy(folder: &Path) -> Result<(), String> {
    if folder.join(crate::store::layout::WORKSPACE_FILE).is_file() {
        return Ok(());
    }
    crate::store::create(folder, crate::sample::FILES).map_err(|error| error.to_string())
}

impl Phase {
    /// The welcome screen's form of one's own business, in `folder` when it is given.
    pub fn own_business(
        &mut self,
        preferences: &Preferences,
        folder: Option<PathBuf>,
    ) -> Task<Message> {
        let home = preferences.places().map(|places| places.businesses.clone());
        let language = preferences.language_in(self.desk().map(|desk| &*desk.folder));
        *self = Phase::Welcome(Box::new(Welcome::own(home, language, folder)));
        Task::none()
    }

    /// Hands the welcome screen its message and carries out what it chose: the folder
    /// dialog, one's own business made in its folder and opened with its owner remembered
    /// on this machine, or the sample copied once and opened. Also says whether the
    /// preferences could be saved.
    pub fn welcome(
        &mut self,
        message: welcome::Message,
        preferences: &mut Preferences,
    ) -> (Task<Message>, Result<(), String>) {
        let Phase::Welcome(screen) = self else {
            return (Task::none(), Ok(()));
        };
        let places = preferences.places();
        let opened = match screen.update(message) {
            Chosen::Nothing => return (Task::none(), Ok(())),
            Chosen::PickFolder => {
                let task = Task::perform(dialog::show(Dialog::Folder), |picked| {
                    Message::Welcome(welcome::Message::Chosen(picked))
                });
                return (task, Ok(()));
            }
            Chosen::Sample => match places {
                Some(places) => sample_copy(&places.sample)
                    .map(|()| (places.sample.clone(), None))
                    .map_err(Problem::SampleFailed),
                None => Err(Problem::SampleFailed("no home folder".to_owned())),
            },
            Chosen::Create(new) => {
                crate::store::create_business(&new.folder, &new.name, &new.owner, new.language)
                    .map(|()| (new.folder, owner_id(&new.owner)))
                    .map_err(|error| Problem::of(&error))
            }
        };
        match opened {
            Ok((folder, owner)) => {
                let saved = match owner {
                    Some(owner) => preferences.remember(&folder, Some(owner)),
                    None => Ok(()),
                };
                let (phase, task) = Phase::read(folder);
                *self = phase;
                (task, saved)
            }
            Err(problem) => {
                screen.fail(problem);
                (Task::none(), Ok(()))
            }
        }
    }
}

/// The id the first owner of a new business gets: made from the name, as the store does.
fn owner_id(name: &str) -> Option<String> {
    crate::model::person_id_from(name, |_| false).ok()
}
