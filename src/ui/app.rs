//! The app: owns the open workspace, routes messages to screens, and carries out the
//! screens' actions. The only place in the window that reads or writes files (through
//! the store).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use iced::keyboard::{self, Key, Modifiers};
use iced::widget::{button, column, container, progress_bar, row};
use iced::{Element, Length, Subscription, Task, Theme};

mod chrome;
mod desk;
mod keys;
mod leaving;
mod road;
mod watch;

use super::screen::photos::Pictures;
use chrome::{changed_on_disk, conflict_view, sidebar, who_are_you, with_search};
use desk::{Desk, Shortcut};
use keys::Command;
pub use leaving::Choice as LeaveChoice;
use leaving::{Leaving, Question, question_view};
use road::{Carried, Conflict};

use super::request::Request;
use super::screen::checklists;
use super::screen::dashboard;
use super::screen::defects;
use super::screen::manual;
use super::screen::orders;
use super::screen::procedures;
use super::screen::settings::{self, ThemeChoice};
use super::screen::{Context, PersonChoice, photos, problems};
use super::text::{Language, Text, Words, fill};
use super::theme::{self, Mode};
use crate::model::{Date, DateTime, Workspace};
use crate::store::Folder;
use crate::store::config::{Config, Places};

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
    fn new(value: T) -> Self {
        Handoff(Arc::new(Mutex::new(Some(value))))
    }

    fn take(&self) -> Option<T> {
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
    Procedures,
    Checklists,
    Orders,
    Defects,
    Dashboard,
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
    Section(Section),
    Search(String),
    /// Enter in the search field: open the first match, where a screen can.
    SearchSubmit,
    Procedures(procedures::Message),
    Orders(orders::Message),
    Defects(defects::Message),
    Dashboard(dashboard::Message),
    Manual(manual::Message),
    Checklists(checklists::Message),
    Problems(problems::Message),
    Settings(settings::Message),
    /// "This is me", on a machine's first open of a workspace.
    PickPerson(PersonChoice),
    /// "Not you?"
    ForgetPerson,
    /// A key no widget used.
    Key(Key, Modifiers),
    /// The system switched between light and dark.
    SystemTheme(iced::theme::Mode),
    /// A folder picked in a dialog; `true` to make a new workspace in it.
    FolderPicked(Option<PathBuf>, bool),
    /// Save over the file on disk, after seeing both versions.
    KeepMine,
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
}

enum Phase {
    Opening {
        path: PathBuf,
        read: usize,
        total: usize,
    },
    Failed {
        path: PathBuf,
        error: String,
    },
    Open(Box<Desk>),
}

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

/// The local time now, to the minute.
fn local_now() -> DateTime {
    let now = jiff::ZonedDateTime::now();
    DateTime::new(Date::from(now.date()), now.hour(), now.minute())
        .unwrap_or_else(|| DateTime::start_of(Date::from(now.date())))
}

const SEARCH_ID: &str = "search";

impl App {
    /// Starts the window on the workspace `start` names, reading it off the UI thread.
    pub fn boot(start: Start) -> (App, Task<Message>) {
        let places = Places::of_user();
        let (config, config_file, notice) = match &places {
            Some(places) => Config::open(&places.config),
            None => (Config::default(), None, None),
        };
        let path = match (start, &config.last_workspace, &places) {
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
        };
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
        let keys = keyboard::listen().filter_map(|event| match event {
            keyboard::Event::KeyPressed { key, modifiers, .. } => {
                Some(Message::Key(key, modifiers))
            }
            _ => None,
        });
        let watch = match &self.phase {
            Phase::Open(desk) => {
                Subscription::run_with(desk.folder.root().to_path_buf(), watch::changes)
                    .map(Message::DiskChanged)
            }
            _ => Subscription::none(),
        };
        Subscription::batch([
            keys,
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
            Message::Loaded(handoff) => {
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
            Message::SystemTheme(mode) => {
                self.system_mode = if mode == iced::theme::Mode::Dark {
                    Mode::Dark
                } else {
                    Mode::Light
                };
                Task::none()
            }
            Message::Settings(message) => self.settings(message),
            Message::FolderPicked(None, _) => Task::none(),
            Message::FolderPicked(Some(path), new) => self.leave(Leaving::Open(path, new)),
            Message::CloseRequested => self.leave(Leaving::Close),
            Message::Reload => self.leave(Leaving::Reload),
            Message::Leave(choice) => self.answer(choice),
            Message::Key(key, modifiers) => self.key(key, modifiers),
            Message::PickPerson(person) => {
                if let Phase::Open(desk) = &self.phase {
                    self.config
                        .people
                        .insert(desk.folder.root().to_path_buf(), person.id);
                    self.save_config();
                }
                Task::none()
            }
            Message::ForgetPerson => {
                if let Phase::Open(desk) = &self.phase {
                    self.config.people.remove(desk.folder.root());
                    self.save_config();
                }
                Task::none()
            }
            Message::Section(section) => {
                let seat = self.seat();
                if let Some(desk) = self.desk() {
                    desk.show(section, &seat);
                }
                Task::none()
            }
            Message::Search(search) => {
                if let Some(desk) = self.desk() {
                    desk.search = search;
                }
                Task::none()
            }
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
            Message::Problems(problems::Message::Open(index)) => {
                if let Some(desk) = self.desk()
                    && let Some(finding) = desk.folder.findings().get(index)
                {
                    let excerpt = desk.folder.excerpt(&finding.path, finding.at.line, 4);
                    desk.problems.open(index, excerpt);
                }
                Task::none()
            }
            Message::KeepMine => self.resolve(road::keep_mine),
            Message::TakeDisk => self.resolve(road::take_disk),
            Message::DiskChanged(files) => {
                let asking = self.question.is_some();
                let Some(desk) = self.desk() else {
                    return Task::none();
                };
                let changed = files.into_iter().filter(|f| desk.folder.changed_on_disk(f));
                desk.changed.extend(changed);
                desk.refresh_if_idle(asking)
            }
            Message::Refreshed(handoff) => {
                let (asking, seat) = (self.question.is_some(), self.seat());
                let Some(desk) = self.desk() else {
                    return Task::none();
                };
                match handoff.take() {
                    Some(Ok(folder)) => desk.take_folder(folder, asking, &seat),
                    // Not read: the note stays, and F5 reads it with the opening screen.
                    _ => {
                        desk.refreshing = None;
                        Task::none()
                    }
                }
            }
            Message::Imported(handoff) => {
                if let (Some(desk), Some(folder)) = (self.desk(), handoff.take())
                    && folder.root() == desk.folder.root()
                {
                    desk.folder = folder;
                    desk.pictures = Pictures::default();
                }
                Task::none()
            }
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
        let Some(desk) = self.desk() else {
            return Task::none();
        };
        let carried = road::carry(&mut desk.folder, request, wrap);
        // A file saved here over one changed elsewhere is the workspace's again.
        let folder = &desk.folder;
        desk.changed.retain(|file| folder.changed_on_disk(file));
        match carried {
            Carried::Task(task) => task,
            Carried::Then(message) => self.update(message),
            Carried::Conflict(conflict) => {
                desk.conflict = Some(conflict);
                Task::none()
            }
            Carried::Show(place) => {
                desk.show_place(place, &seat);
                Task::none()
            }
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
        let Some(desk) = self.desk() else {
            return Task::none();
        };
        match desk.shortcut(command, &seat) {
            Shortcut::Task(task) => task,
            Shortcut::Send(message) => self.update(message),
            Shortcut::None => Task::none(),
        }
    }

    /// Settles a conflict the user answered, telling the screen that saved.
    fn resolve(&mut self, settle: fn(&mut Folder, Conflict) -> Message) -> Task<Message> {
        let Some(desk) = self.desk() else {
            return Task::none();
        };
        let Some(conflict) = desk.conflict.take() else {
            return Task::none();
        };
        let answer = settle(&mut desk.folder, *conflict);
        self.update(answer)
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
            Phase::Opening { path, read, total } => {
                let mut column = column![
                    iced::widget::text(fill(
                        words.opening,
                        &[("path", &path.display().to_string())]
                    ))
                    .size(theme::TEXT_HEADING)
                ]
                .spacing(theme::SPACE_M)
                .max_width(520);
                if *total > 0 {
                    column = column
                        .push(progress_bar(0.0..=*total as f32, *read as f32))
                        .push(
                            iced::widget::text(fill(
                                words.reading_orders,
                                &[("done", &read.to_string()), ("total", &total.to_string())],
                            ))
                            .style(theme::muted),
                        );
                }
                container(column).center(Length::Fill).into()
            }
            Phase::Failed { path, error } => container(
                column![
                    iced::widget::text(words.open_failed).size(theme::TEXT_TITLE),
                    iced::widget::text(path.display().to_string()).style(theme::muted),
                    container(iced::widget::text(error.as_str()))
                        .padding(theme::SPACE_M)
                        .style(theme::error_box),
                    row![
                        button(iced::widget::text(words.open_other))
                            .on_press(Message::Settings(settings::Message::OpenWorkspace)),
                        button(iced::widget::text(words.new_workspace))
                            .on_press(Message::Settings(settings::Message::NewWorkspace))
                            .style(button::secondary),
                    ]
                    .spacing(theme::SPACE_S),
                ]
                .spacing(theme::SPACE_M)
                .max_width(640),
            )
            .center(Length::Fill)
            .into(),
            Phase::Open(desk) => self.desk_view(desk, words),
        };
        column![notice, body].into()
    }

    fn desk_view<'a>(&'a self, desk: &'a Desk, words: &'static Text) -> Element<'a, Message> {
        let records = desk.folder.records();
        let me = self.me().and_then(|id| records.workspace.person(id));
        if me.is_none() && !records.workspace.staff.is_empty() {
            return who_are_you(records, words);
        }
        let ctx = Context {
            records,
            me,
            today: self.now().date(),
            now: self.now(),
            words,
            language: self.language(),
            read_only: desk.folder.read_only().is_some(),
            photos: photos::Photos::of(&desk.pictures, &desk.folder),
        };
        let main: Element<'a, Message> = match desk.section {
            Section::Procedures => with_search(
                &desk.search,
                words,
                desk.procedures
                    .view(ctx, &desk.search)
                    .map(Message::Procedures),
            ),
            Section::Checklists => with_search(
                &desk.search,
                words,
                desk.checklists
                    .view(ctx, &desk.search)
                    .map(Message::Checklists),
            ),
            Section::Orders => with_search(
                &desk.search,
                words,
                desk.orders.view(ctx, &desk.search).map(Message::Orders),
            ),
            Section::Defects => with_search(
                &desk.search,
                words,
                desk.defects.view(ctx, &desk.search).map(Message::Defects),
            ),
            Section::Dashboard => desk.dashboard.view(ctx).map(Message::Dashboard),
            Section::Manual => desk.manual.view(ctx).map(Message::Manual),
            Section::Problems => desk
                .problems
                .view(desk.folder.findings(), words, desk.folder.read_only())
                .map(Message::Problems),
            Section::Settings => settings::view(
                words,
                self.config
                    .language
                    .as_deref()
                    .and_then(Language::from_code),
                ThemeChoice::from_code(self.config.theme.as_deref()),
                desk.folder.root().display().to_string(),
            )
            .map(Message::Settings),
        };
        let main: Element<'a, Message> = match (&self.question, &desk.conflict) {
            (Some(question), _) => question_view(question, words),
            (None, Some(conflict)) => conflict_view(conflict, words),
            (None, None) => main,
        };
        // The note sits in a column of its own, present or not, so that the screen below
        // keeps its place in the widget tree, and the field being typed in its focus.
        let changed = desk.refreshing.is_none().then_some(&desk.changed);
        let main = column![
            column![changed.and_then(|c| changed_on_disk(c, words))],
            main
        ];
        row![
            sidebar(desk, me, words),
            container(main).width(Length::Fill).height(Length::Fill)
        ]
        .into()
    }
}

/// Who is at the window and when: what every screen's [`Context`] is made of, with the
/// records of the moment.
#[derive(Debug, Clone)]
struct Seat {
    words: &'static Text,
    me: Option<String>,
    now: DateTime,
}

impl Seat {
    /// What the screens may read of an open workspace.
    fn context<'a>(&self, folder: &'a Folder) -> Context<'a> {
        let records = folder.records();
        Context {
            records,
            me: self
                .me
                .as_deref()
                .and_then(|id| records.workspace.person(id)),
            today: self.now.date(),
            now: self.now,
            words: self.words,
            language: self.words.language(),
            read_only: folder.read_only().is_some(),
            photos: photos::Photos::none(),
        }
    }
}

fn open_task(path: PathBuf) -> Task<Message> {
    read_task(path, true, Message::Loaded)
}

/// Reads the workspace at `path` on a worker thread and hands it over with `done`; with
/// `progress`, the opening screen hears how far it has come.
fn read_task(
    path: PathBuf,
    progress: bool,
    done: fn(Handoff<Result<Folder, String>>) -> Message,
) -> Task<Message> {
    let (sender, receiver) = iced::futures::channel::mpsc::unbounded();
    std::thread::spawn(move || {
        let told = {
            let sender = sender.clone();
            move |read: usize, total: usize| {
                if progress {
                    let _ = sender.unbounded_send(Message::Loading(read, total));
                }
            }
        };
        let result = Folder::open_with_progress(&path, &told).map_err(|error| error.to_string());
        let _ = sender.unbounded_send(done(Handoff::new(result)));
    });
    Task::run(receiver, |message| message)
}

fn pick_folder(new: bool) -> Task<Message> {
    Task::perform(
        async move {
            let dialog = rfd::AsyncFileDialog::new();
            dialog
                .pick_folder()
                .await
                .map(|handle| handle.path().to_path_buf())
        },
        move |path| Message::FolderPicked(path, new),
    )
}

/// On a first run the sample business is copied to the user's data folder, once.
fn first_run_sample(folder: &Path) -> Result<(), String> {
    if folder.join(crate::store::layout::WORKSPACE_FILE).is_file() {
        return Ok(());
    }
    crate::store::create(folder, crate::sample::FILES).map_err(|error| error.to_string())
}

/// A new, empty workspace named after its folder, with the current person as its owner.
fn create_workspace(folder: &Path, me: Option<&str>) -> Result<(), String> {
    let name = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "My business".to_owned());
    let mut workspace = Workspace::new(name);
    workspace.staff.push(crate::model::Person {
        id: me.unwrap_or("owner").to_owned(),
        name: me.unwrap_or("Owner").to_owned(),
        role: crate::model::Role::Owner,
    });
    let written = crate::store::format::print(&workspace);
    crate::store::create(
        folder,
        &[(crate::store::layout::WORKSPACE_FILE, written.as_bytes())],
    )
    .map_err(|error| error.to_string())
}
