//! The app: owns the open workspace, routes messages to screens, and carries out the
//! screens' actions. The only place in the window that reads or writes files (through
//! the store).

use std::path::PathBuf;

use iced::keyboard::{Key, Modifiers};
use iced::widget::{column, container};
use iced::{Element, Subscription, Task, Theme};

mod chrome;
mod desk;
mod keys;
mod leaving;
mod message;
mod opening;
mod road;
mod watch;

use chrome::{failed_view, opening_view, who_are_you};
use desk::{Desk, Next, Seat};
use keys::Command;
pub use leaving::Choice as LeaveChoice;
use leaving::{Leaving, Question, question_view};
pub use message::{Handoff, Message, Section, Start};
use opening::{Phase, create_workspace, local_now, open_task, pick_folder, start_path};
use road::Conflict;

use super::request::Request;
use super::screen::orders;
use super::screen::settings::{self, ThemeChoice};
use super::screen::{Context, photos, problems};
use super::text::{Language, Text, Words};
use super::theme::{self, Mode};
use crate::model::{Date, DateTime};
use crate::store::Folder;
use crate::store::config::{Config, Places};

/// The whole window.
pub struct App {
    config: Config,
    system_mode: Mode,
    phase: Phase,
    /// A fixed time for tests and benchmarks; the system's clock when `None`.
    clock: Option<DateTime>,
    notice: Option<String>,
    /// Asked before the workspace goes while work is unsaved.
    question: Option<Question>,
    /// The screen to come back to once the workspace is read again.
    reopen_on: Option<Section>,
    /// Where the config is saved; `None` when there is no home folder, or its file could
    /// not be read and is kept as it is.
    config_file: Option<PathBuf>,
}

impl App {
    /// Starts the window on the workspace `start` names, reading it off the UI thread.
    pub fn boot(start: Start) -> (App, Task<Message>) {
        let places = Places::of_user();
        let (config, config_file, notice) = match &places {
            Some(places) => Config::open(&places.config),
            None => (Config::default(), None, None),
        };
        let path = start_path(start, &config, places.as_ref());
        let make = |phase| App {
            config: config.clone(),
            system_mode: Mode::Light,
            phase,
            clock: None,
            notice: None,
            question: None,
            reopen_on: None,
            config_file: config_file.clone(),
        };
        let mut app: App;
        let task = match path {
            Ok(path) => {
                app = make(Phase::Opening {
                    path: path.clone(),
                    read: 0,
                    total: 0,
                });
                open_task(path)
            }
            Err(error) => {
                app = make(Phase::Failed {
                    path: PathBuf::new(),
                    error,
                });
                Task::none()
            }
        };
        app.notice = notice.map(|error| format!("{error}. {}", app.words().config_kept));
        let theme = iced::system::theme().map(Message::SystemTheme);
        (app, Task::batch([task, theme]))
    }

    /// A window on an already opened workspace, as `me`: for tests and benchmarks.
    /// Its clock stands still at noon on `today`, so what it writes can be compared.
    pub fn with_folder(folder: Folder, me: Option<&str>, today: Date) -> App {
        let mut config = Config::default();
        if let Some(me) = me {
            config
                .people
                .insert(folder.root().to_path_buf(), me.to_owned());
        }
        let mut app = App {
            config,
            system_mode: Mode::Light,
            phase: Phase::Opening {
                path: PathBuf::new(),
                read: 0,
                total: 0,
            },
            clock: Some(DateTime::new(today, 12, 0).unwrap_or_else(|| DateTime::start_of(today))),
            notice: None,
            question: None,
            reopen_on: None,
            config_file: None,
        };
        app.opened(folder);
        app
    }

    /// The window title: the business, then the app.
    pub fn title(&self) -> String {
        match &self.phase {
            Phase::Open(desk) => format!("{} — Right First", desk.folder.records().workspace.name),
            _ => "Right First".to_owned(),
        }
    }

    /// The app's theme, light or dark as chosen or as the system says.
    pub fn theme(&self) -> Theme {
        let mode = match ThemeChoice::from_code(self.config.theme.as_deref()) {
            ThemeChoice::System => self.system_mode,
            ThemeChoice::Light => Mode::Light,
            ThemeChoice::Dark => Mode::Dark,
        };
        theme::theme(mode)
    }

    /// Keys no widget used, and the system's light/dark switch.
    pub fn subscription(&self) -> Subscription<Message> {
        let watch = match &self.phase {
            Phase::Open(desk) => watch::subscription(desk.folder.root()),
            _ => Subscription::none(),
        };
        Subscription::batch([
            keys::listen(),
            iced::system::theme_changes().map(Message::SystemTheme),
            iced::window::close_requests().map(|_| Message::CloseRequested),
            watch,
        ])
    }

    fn language(&self) -> Language {
        let workspace = match &self.phase {
            Phase::Open(desk) => Language::from_code(&desk.folder.records().workspace.language),
            _ => None,
        };
        self.config
            .language
            .as_deref()
            .and_then(Language::from_code)
            .or(workspace)
            .unwrap_or_default()
    }

    fn now(&self) -> DateTime {
        self.clock.unwrap_or_else(local_now)
    }

    fn words(&self) -> &'static Text {
        self.language().text()
    }

    /// Names, above the screen, the report of a crash before this start.
    pub fn crashed_before(&mut self, report: &std::path::Path) {
        let line = (self.words().crashed_before).replace("{path}", &report.display().to_string());
        self.notice = Some(match self.notice.take() {
            Some(notice) => format!("{notice}\n{line}"),
            None => line,
        });
    }

    /// The open workspace, if any: for tests.
    pub fn folder(&self) -> Option<&Folder> {
        match &self.phase {
            Phase::Open(desk) => Some(&desk.folder),
            _ => None,
        }
    }

    fn me(&self) -> Option<&str> {
        let Phase::Open(desk) = &self.phase else {
            return None;
        };
        let id = self.config.people.get(desk.folder.root())?;
        desk.folder
            .records()
            .workspace
            .person(id)
            .map(|p| p.id.as_str())
    }

    fn save_config(&mut self) {
        if let Some(file) = &self.config_file
            && let Err(error) = self.config.save(file)
        {
            self.notice = Some(error);
        }
    }

    /// Shows the opening screen and reads the workspace at `path` off the UI thread.
    fn opening(&mut self, path: PathBuf) -> Task<Message> {
        self.phase = Phase::Opening {
            path: path.clone(),
            read: 0,
            total: 0,
        };
        open_task(path)
    }

    fn opened(&mut self, folder: Folder) {
        self.config.last_workspace = Some(folder.root().to_path_buf());
        self.save_config();
        let section = match self.reopen_on.take() {
            Some(section) => section,
            None if folder.error_count() > 0 => Section::Problems,
            None => Section::Procedures,
        };
        self.phase = Phase::Open(Box::new(Desk::new(folder, section)));
    }

    /// Handles a message. One `match`, with no arm for "anything else": a new message that
    /// nobody handles does not compile.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Loading(read, total) => {
                if let Phase::Opening {
                    read: r, total: t, ..
                } = &mut self.phase
                {
                    (*r, *t) = (read, total);
                }
                Task::none()
            }
            Message::Loaded(handoff) => self.loaded(handoff),
            Message::SystemTheme(mode) => {
                self.system_mode = Mode::from(mode);
                Task::none()
            }
            Message::Settings(message) => self.settings(message),
            Message::FolderPicked(None, _) => Task::none(),
            Message::FolderPicked(Some(path), new) => self.leave(Leaving::Open(path, new)),
            Message::CloseRequested => self.leave(Leaving::Close),
            Message::Reload => self.leave(Leaving::Reload),
            Message::Leave(choice) => self.answer(choice),
            Message::Key(key, modifiers) => self.key(key, modifiers),
            Message::PickPerson(person) => self.remember_me(Some(person.id)),
            Message::ForgetPerson => self.remember_me(None),
            Message::Section(section) => self.on_desk(|desk, seat, _| {
                desk.show(section, seat);
                Task::none()
            }),
            Message::Search(search) => self.on_desk(|desk, _, _| {
                desk.search = search;
                Task::none()
            }),
            Message::SearchSubmit => match self.desk() {
                Some(desk) if desk.section == Section::Orders => {
                    let first = orders::Message::OpenFirst(desk.search.clone());
                    self.update(Message::Orders(first))
                }
                _ => Task::none(),
            },
            Message::Procedures(message) => self.ask(Message::Procedures, |desk, ctx| {
                desk.procedures.update(message, &ctx(&desk.folder))
            }),
            Message::Checklists(message) => self.ask(Message::Checklists, |desk, ctx| {
                desk.checklists.update(message, &ctx(&desk.folder))
            }),
            Message::Orders(message) => self.ask(Message::Orders, |desk, ctx| {
                desk.orders.update(message, &ctx(&desk.folder))
            }),
            Message::Defects(message) => self.ask(Message::Defects, |desk, ctx| {
                desk.defects.update(message, &ctx(&desk.folder))
            }),
            Message::Dashboard(message) => self.ask(Message::Dashboard, |desk, ctx| {
                desk.dashboard.update(message, &ctx(&desk.folder))
            }),
            Message::Manual(message) => self.ask(Message::Manual, |desk, ctx| {
                desk.manual.update(message, &ctx(&desk.folder))
            }),
            Message::Problems(problems::Message::Open(index)) => self.on_desk(|desk, _, _| {
                desk.open_problem(index);
                Task::none()
            }),
            Message::KeepMine => self.resolve(road::keep_mine),
            Message::TakeDisk => self.resolve(road::take_disk),
            Message::DiskChanged(files) => {
                self.on_desk(|desk, _, asking| desk.disk_changed(files, asking))
            }
            Message::Refreshed(handoff) => {
                self.on_desk(|desk, seat, asking| match handoff.take() {
                    Some(Ok(folder)) => desk.take_folder(folder, asking, seat),
                    // Not read: the note stays, and F5 reads it with the opening screen.
                    _ => {
                        desk.refreshing = None;
                        Task::none()
                    }
                })
            }
            Message::Imported(handoff) => self.on_desk(|desk, _, _| {
                if let Some(folder) = handoff.take() {
                    desk.imported(folder);
                }
                Task::none()
            }),
        }
    }

    fn settings(&mut self, message: settings::Message) -> Task<Message> {
        match message {
            settings::Message::Language(choice) => {
                self.config.language = choice.value.map(|l| l.code().to_owned());
                self.save_config();
                Task::none()
            }
            settings::Message::Theme(choice) => {
                self.config.theme = choice.value.code();
                self.save_config();
                Task::none()
            }
            settings::Message::OpenWorkspace => pick_folder(false),
            settings::Message::NewWorkspace => pick_folder(true),
        }
    }

    fn loaded(&mut self, handoff: Handoff<Result<Folder, String>>) -> Task<Message> {
        let path = match &self.phase {
            Phase::Opening { path, .. } => path.clone(),
            _ => PathBuf::new(),
        };
        match handoff.take() {
            Some(Ok(folder)) => self.opened(folder),
            Some(Err(error)) => self.phase = Phase::Failed { path, error },
            None => {}
        }
        Task::none()
    }

    /// Remembers who uses this machine on the open workspace, or forgets it.
    fn remember_me(&mut self, person: Option<String>) -> Task<Message> {
        if let Phase::Open(desk) = &self.phase {
            let root = desk.folder.root().to_path_buf();
            match person {
                Some(person) => self.config.people.insert(root, person),
                None => self.config.people.remove(&root),
            };
            self.save_config();
        }
        Task::none()
    }

    /// Hands the desk a message's work, with who is at the window and whether the window
    /// is asking a question.
    fn on_desk(
        &mut self,
        work: impl FnOnce(&mut Desk, &Seat, bool) -> Task<Message>,
    ) -> Task<Message> {
        let (seat, asking) = (self.seat(), self.question.is_some());
        match self.desk() {
            Some(desk) => work(desk, &seat, asking),
            None => Task::none(),
        }
    }

    /// The open workspace's desk.
    fn desk(&mut self) -> Option<&mut Desk> {
        match &mut self.phase {
            Phase::Open(desk) => Some(desk),
            _ => None,
        }
    }

    /// Who is at the window and when, read once for a message.
    fn seat(&self) -> Seat {
        Seat {
            words: self.words(),
            me: self.me().map(str::to_owned),
            now: self.now(),
        }
    }

    /// Lets a screen handle its message with the context of now, and carries out what it
    /// asks for; `wrap` makes its messages the window's.
    fn ask<M: Send + 'static>(
        &mut self,
        wrap: fn(M) -> Message,
        screen: impl FnOnce(&mut Desk, &dyn Fn(&Folder) -> Context<'_>) -> Request<M>,
    ) -> Task<Message> {
        let seat = self.seat();
        let Some(desk) = self.desk() else {
            return Task::none();
        };
        let request = screen(desk, &|folder| seat.context(folder));
        self.carry(request, wrap)
    }

    /// Carries out a screen's request; an answer ready at once is handled at once.
    fn carry<M: Send + 'static>(
        &mut self,
        request: Request<M>,
        wrap: fn(M) -> Message,
    ) -> Task<Message> {
        let seat = self.seat();
        let next = match self.desk() {
            Some(desk) => desk.carry(request, wrap, &seat),
            None => Next::None,
        };
        self.follow(next)
    }

    /// Does what the desk left for the window.
    fn follow(&mut self, next: Next) -> Task<Message> {
        match next {
            Next::Task(task) => task,
            Next::Send(message) => self.update(message),
            Next::None => Task::none(),
        }
    }

    /// A key no widget used.
    fn key(&mut self, key: Key, modifiers: Modifiers) -> Task<Message> {
        let Some(command) = keys::command(&key, modifiers) else {
            return Task::none();
        };
        if command == Command::Reload {
            return self.leave(Leaving::Reload);
        }
        if command == Command::Close && self.is_asking() {
            return self.answer(LeaveChoice::Stay);
        }
        let seat = self.seat();
        let next = match self.desk() {
            Some(desk) => desk.shortcut(command, &seat),
            None => Next::None,
        };
        self.follow(next)
    }

    /// Settles a conflict the user answered, telling the screen that saved.
    fn resolve(&mut self, settle: fn(&mut Folder, Conflict) -> Message) -> Task<Message> {
        let next = self.desk().map_or(Next::None, |desk| desk.resolve(settle));
        self.follow(next)
    }

    /// The window.
    pub fn view(&self) -> Element<'_, Message> {
        let words = self.words();
        let notice = self.notice.as_ref().map(|n| {
            container(iced::widget::text(n.as_str()))
                .padding(theme::SPACE_S)
                .style(theme::error_box)
        });
        let body: Element<'_, Message> = match &self.phase {
            Phase::Opening { path, read, total } => opening_view(path, *read, *total, words),
            Phase::Failed { path, error } => failed_view(path, error, words),
            Phase::Open(desk) => self.desk_view(desk, words),
        };
        crate::ui::shortcuts::first(column![notice, body], keys::screen_key)
    }

    fn desk_view<'a>(&'a self, desk: &'a Desk, words: &'static Text) -> Element<'a, Message> {
        let ctx = Context {
            photos: photos::Photos::of(&desk.pictures, &desk.folder),
            ..self.seat().context(&desk.folder)
        };
        if ctx.me.is_none() && !ctx.records.workspace.staff.is_empty() {
            return who_are_you(ctx.records, words);
        }
        let settings = settings::view(
            words,
            self.config
                .language
                .as_deref()
                .and_then(Language::from_code),
            ThemeChoice::from_code(self.config.theme.as_deref()),
            desk.folder.root().display().to_string(),
        )
        .map(Message::Settings);
        let question = self.question.as_ref().map(|q| question_view(q, words));
        desk.view(ctx, settings, question)
    }
}
