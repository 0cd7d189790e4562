//! What this machine remembers for its user, apart from any workspace: language, look,
//! the workspace opened last and who the user is in each workspace. Kept in the user's
//! config file when there is one.

use std::path::{Path, PathBuf};

use iced::{Task, Theme};

use super::Message;
use super::leaving::Leaving;
use super::opening::pick_folder;
use crate::model::{Desk, Role};
use crate::store::Folder;
use crate::store::config::{Config, Places};
use crate::ui::screen::settings::{self, ThemeChoice};
use crate::ui::text::Language;
use crate::ui::theme::{self, Mode};

/// The user's preferences, and where they are saved.
pub(super) struct Preferences {
    config: Config,
    /// Where the config is saved; `None` when there is no home folder, or its file could
    /// not be read and is kept as it is.
    file: Option<PathBuf>,
    /// Light or dark, as the system says; used when the user chose "as the system".
    system_mode: Mode,
    /// The user's folders; `None` where there is no home folder.
    places: Option<Places>,
    /// A desk code being typed in the settings, not kept yet.
    desk_typed: Option<String>,
}

impl Preferences {
    /// Reads the user's config; the error, when its file could not be read.
    pub fn open(places: Option<&Places>) -> (Preferences, Option<String>) {
        let (config, file, error) = match places {
            Some(places) => Config::open(&places.config),
            None => (Config::default(), None, None),
        };
        let preferences = Preferences {
            config,
            file,
            system_mode: Mode::Light,
            places: places.cloned(),
            desk_typed: None,
        };
        (preferences, error)
    }

    /// Preferences kept only in memory, with `me` as the user in the workspace at `root`.
    pub fn in_memory(root: &Path, me: Option<&str>) -> Preferences {
        let mut config = Config::default();
        if let Some(me) = me {
            config.people.insert(root.to_path_buf(), me.to_owned());
        }
        Preferences {
            config,
            file: None,
            system_mode: Mode::Light,
            places: None,
            desk_typed: None,
        }
    }

    /// The user's folders: where the sample and new businesses go.
    pub fn places(&self) -> Option<&Places> {
        self.places.as_ref()
    }

    /// The config as read, for choosing the folder to start on.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The language chosen here; `None` to follow the workspace's.
    pub fn language(&self) -> Option<Language> {
        self.config
            .language
            .as_deref()
            .and_then(Language::from_code)
    }

    /// The language the window speaks with `folder` open: the one chosen here, else the
    /// workspace's, else English.
    pub fn language_in(&self, folder: Option<&Folder>) -> Language {
        let workspace =
            folder.and_then(|folder| Language::from_code(&folder.records().workspace.language));
        self.language().or(workspace).unwrap_or_default()
    }

    /// Who the user is in the workspace `folder`: the person remembered here, while the
    /// workspace still knows them.
    pub fn person_in<'a>(&self, folder: &'a Folder) -> Option<&'a str> {
        let id = self.me(folder.root())?;
        let person = folder.records().workspace.person(id)?;
        Some(person.id.as_str())
    }

    /// The look chosen here.
    pub fn theme_choice(&self) -> ThemeChoice {
        ThemeChoice::from_code(self.config.theme.as_deref())
    }

    /// The app's theme, light or dark as chosen or as the system says.
    pub fn theme(&self) -> Theme {
        let mode = match self.theme_choice() {
            ThemeChoice::System => self.system_mode,
            ThemeChoice::Light => Mode::Light,
            ThemeChoice::Dark => Mode::Dark,
        };
        theme::theme(mode)
    }

    /// The system switched between light and dark.
    pub fn set_system_mode(&mut self, mode: Mode) {
        self.system_mode = mode;
    }

    /// Who the user is in the workspace at `root`, by id, as remembered.
    pub fn me(&self, root: &Path) -> Option<&str> {
        self.config.people.get(root).map(String::as_str)
    }

    /// Takes the settings screen's choice of language, look or desk code, and saves it.
    pub fn choose(&mut self, message: &settings::Message) -> Result<(), String> {
        match message {
            settings::Message::Language(choice) => {
                self.config.language = choice.value.map(|l| l.code().to_owned());
            }
            settings::Message::Theme(choice) => self.config.theme = choice.value.code(),
            settings::Message::DeskCode(typed) => {
                self.desk_typed = Some(typed.trim().to_uppercase());
                return Ok(());
            }
            settings::Message::SaveDeskCode => {
                let Some(desk) = self.desk_line(true).to_keep() else {
                    return Ok(());
                };
                self.config.desk = Some(desk.to_string());
                self.desk_typed = None;
            }
            settings::Message::OpenWorkspace
            | settings::Message::NewWorkspace
            | settings::Message::TypePath
            | settings::Message::Path(_) => return Ok(()),
        }
        self.save()
    }

    /// The desk code line of the settings.
    pub fn desk_line(&self, may_change: bool) -> settings::DeskLine {
        settings::DeskLine {
            kept: self.config.desk.clone(),
            typed: self.desk_typed.clone(),
            may_change,
        }
    }

    /// Remembers who uses this machine in the workspace at `root`, or forgets it, and saves.
    pub fn remember(&mut self, root: &Path, person: Option<String>) -> Result<(), String> {
        match person {
            Some(person) => self.config.people.insert(root.to_path_buf(), person),
            None => self.config.people.remove(root),
        };
        self.save()
    }

    /// Remembers `root` as the workspace to open next time, picks this machine's desk code
    /// if it has none yet (only where the config is saved, so that it stays picked), and saves.
    pub fn opened(&mut self, root: &Path) -> Result<(), String> {
        self.config.last_workspace = Some(root.to_path_buf());
        if self.config.desk.is_none() && self.file.is_some() {
            use password_hash::rand_core::RngCore;
            let random = password_hash::rand_core::OsRng.next_u32();
            self.config.desk = Some(Desk::from_random(random).to_string());
        }
        self.save()
    }

    /// This machine's desk code, once picked; `None` before, or when it was edited into
    /// something that is not one or two capitals (then ids are made as before desk codes).
    pub fn desk(&self) -> Option<Desk> {
        self.config.desk.as_deref().and_then(Desk::parse)
    }

    fn save(&self) -> Result<(), String> {
        match &self.file {
            Some(file) => self.config.save(file),
            None => Ok(()),
        }
    }
}

impl super::App {
    /// A message of the settings screen: a preference, or another workspace.
    pub(super) fn settings(&mut self, message: settings::Message) -> Task<Message> {
        match message {
            settings::Message::Language(_) | settings::Message::Theme(_) => {
                let saved = self.preferences.choose(&message);
                self.saved(saved);
                Task::none()
            }
            // The desk code is the owner's to change, as the settings offer it.
            settings::Message::DeskCode(_) | settings::Message::SaveDeskCode => {
                if self.is_owner() {
                    let saved = self.preferences.choose(&message);
                    self.saved(saved);
                }
                Task::none()
            }
            settings::Message::OpenWorkspace => pick_folder(false),
            settings::Message::NewWorkspace => self.leave(Leaving::Start),
            settings::Message::TypePath => self.typed_folder.start(),
            settings::Message::Path(message) => self.typed_folder.update(message),
        }
    }

    /// Whether the person at the keyboard is an owner of the open workspace.
    pub(super) fn is_owner(&self) -> bool {
        let person = self
            .folder()
            .zip(self.me())
            .and_then(|(folder, me)| folder.records().workspace.person(me));
        person.is_some_and(|person| person.role == Role::Owner)
    }

    /// Remembers who uses this machine on the open workspace, or forgets it.
    pub(super) fn remember_me(&mut self, person: Option<String>) -> Task<Message> {
        if let Some(desk) = self.phase.desk() {
            let saved = self.preferences.remember(desk.folder.root(), person);
            self.saved(saved);
        }
        Task::none()
    }
}
