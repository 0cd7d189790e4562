//! The app: owns the open workspace, routes messages to screens, and carries out the
//! screens' actions. The only place in the window that reads or writes files (through
//! the store).

use std::path::PathBuf;

use iced::keyboard::{Key, Modifiers};
use iced::widget::column;
use iced::{Element, Subscription, Task, Theme};

mod chrome;
mod desk;
mod dialog;
mod keys;
mod leaving;
mod message;
mod older;
mod opening;
mod preferences;
mod reading;
mod road;
mod sign_in;
mod watch;
mod working;

use chrome::{failed_view, notice_view, opening_view};
use desk::{Desk, Held, Next, Seat};
use keys::Command;
pub use leaving::Choice as LeaveChoice;
use leaving::{Leaving, Question, Settled, question_view};
pub use message::{Handoff, Message, Section, Start};
use opening::{Phase, TypedFolder, local_now, start_at};
use preferences::Preferences;
use road::Conflict;

use super::request::{Picked, Request};
use super::screen::settings;
use super::screen::{Context, photos};
use super::text::{Language, Text, Words};
use super::theme::{self, Mode};
use crate::model::{Date, DateTime, PinGuard};
use crate::store::Folder;
use crate::store::config::Places;

/// The whole window.
pub struct App {
    preferences: Preferences,
    phase: Phase,
    /// A fixed time for tests and benchmarks; the system's clock when `None`.
    clock: Option<DateTime>,
    notice: Option<String>,
    /// A workspace folder's path, typed where the folder dialog could not open.
    typed_folder: TypedFolder,
    /// Asked before the workspace goes while work is unsaved.
    question: Option<Question>,
    /// The screen to come back to once the workspace is read again.
    reopen_on: Option<Section>,
    /// Wrong PIN tries, one count for every prompt of this window; it lives as long as
    /// the process, so every screen's [`Context`] may borrow it.
    pins: &'static PinGuard,
    /// Files the watcher told of while older orders were still being read.
    told: older::Told,
}

impl App {
    /// Starts the window on the workspace `start` names, reading it off the UI thread.
    pub fn boot(start: Start) -> (App, Task<Message>) {
        let places = Places::of_user();
        let (preferences, notice) = Preferences::open(places.as_ref());
        let start = start_at(start, preferences.config(), places.as_ref());
        let language = preferences.language().unwrap_or_default();
        let home = places.map(|places| places.businesses);
        let (phase, task) = Phase::start(start, home, language);
        let mut app = App::new(preferences, phase, None);
        app.notice = notice.map(|error| format!("{error}. {}", app.words().config_kept));
        let theme = iced::system::theme().map(Message::SystemTheme);
        (app, Task::batch([task, theme]))
    }

    /// A window on an already opened workspace, as `me`: for tests and benchmarks.
    /// Its clock stands still at noon on `today`, so what it writes can be compared.
    pub fn with_folder(folder: Folder, me: Option<&str>, today: Date) -> App {
        let clock = DateTime::new(today, 12, 0).unwrap_or_else(|| DateTime::start_of(today));
        let preferences = Preferences::in_memory(folder.root(), me);
        let mut app = App::new(preferences, Phase::waiting(), Some(clock));
        app.opened(folder);
        app
    }

    /// A window in `phase`, with nothing noticed or asked yet.
    fn new(preferences: Preferences, phase: Phase, clock: Option<DateTime>) -> App {
        App {
            preferences,
            phase,
            clock,
            notice: None,
            typed_folder: TypedFolder::default(),
            question: None,
            reopen_on: None,
            pins: Box::leak(Box::default()),
            told: older::Told::default(),
        }
    }

    /// The window title: the business, then the app.
    pub fn title(&self) -> String {
        match self.phase.desk() {
            Some(desk) => format!("{} — Right First", desk.folder.records().workspace.name),
            None => "Right First".to_owned(),
        }
    }

    /// The app's theme, light or dark as chosen or as the system says.
    pub fn theme(&self) -> Theme {
        self.preferences.theme()
    }

    /// Keys no widget used, and the system's light/dark switch.
    pub fn subscription(&self) -> Subscription<Message> {
        let watch = match self.phase.desk() {
            Some(desk) => watch::subscription(desk.folder.root()),
            None => Subscription::none(),
        };
        Subscription::batch([
            keys::listen(),
            iced::system::theme_changes().map(Message::SystemTheme),
            iced::window::close_requests().map(|_| Message::CloseRequested),
            watch,
        ])
    }

    fn language(&self) -> Language {
        self.preferences.language_in(self.folder())
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
        self.phase.desk().map(|desk| &*desk.folder)
    }

    fn me(&self) -> Option<&str> {
        self.preferences.person_in(self.folder()?)
    }

    /// Shows a preference that could not be saved.
    fn saved(&mut self, saved: Result<(), String>) {
        if let Err(error) = saved {
            self.notice = Some(error);
        }
    }

    /// Shows the opening screen and reads the workspace at `path` off the UI thread.
    fn opening(&mut self, path: PathBuf) -> Task<Message> {
        let (phase, task) = Phase::read(path);
        self.phase = phase;
        task
    }

    fn opened(&mut self, folder: Folder) {
        let saved = self.preferences.opened(folder.root());
        self.saved(saved);
        let section = match self.reopen_on.take() {
            Some(section) => section,
            None if folder.error_count() > 0 => Section::Problems,
            None => Section::Procedures,
        };
        self.phase = Phase::Open(Box::new(Desk::new(folder, section)));
    }

    /// Handles a message, then brings the lists the screen in front shows up to date with
    /// what the message changed, so that drawing a frame never works them out.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        // A turn of its own for idle work; other messages only work out what they changed.
        let idle = matches!(message, Message::Derive);
        let started = std::time::Instant::now();
        let task = self.handle(message);
        let more = self.derive(idle, started.elapsed());
        Task::batch([task, more])
    }

    /// One `match`, with no arm for "anything else": a new message that nobody handles
    /// does not compile.
    fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Loading(read, total) => {
                self.phase.progress(read, total);
                Task::none()
            }
            Message::Welcome(message) => {
                let (task, saved) = self.phase.welcome(message, &mut self.preferences);
                self.saved(saved);
                task
            }
            Message::Loaded(handoff) => {
                let folder = handoff.take().and_then(|read| self.phase.loaded(read));
                if let Some(folder) = folder {
                    self.opened(folder);
                }
                Task::none()
            }
            Message::SystemTheme(mode) => {
                self.preferences.set_system_mode(Mode::from(mode));
                Task::none()
            }
            Message::Settings(message) => self.settings(message),
            Message::FolderPicked(Picked::Path(path), new) => self.leave(Leaving::Open(path, new)),
            Message::FolderPicked(picked, new) => self.typed_folder.not_picked(picked, new),
            Message::CloseRequested => self.leave(Leaving::Close),
            Message::Reload => self.leave(Leaving::Reload),
            Message::Leave(choice) => self.answer(choice),
            Message::Key(key, modifiers) => self.key(key, modifiers),
            Message::SignIn(message) => {
                let pins = self.pins;
                let signed = self.desk().and_then(|desk| desk.sign_in(message, pins));
                signed.map_or_else(Task::none, |id| self.remember_me(Some(id)))
            }
            Message::ForgetPerson => self.remember_me(None),
            Message::Section(section) => self.on_desk(|desk, seat, _| {
                desk.show(section, seat);
                Task::none()
            }),
            Message::Search(search) => self.on_desk(|desk, _, _| {
                desk.search = search;
                Task::none()
            }),
            Message::SearchSubmit => match self.desk().and_then(|desk| desk.search_submit()) {
                Some(message) => self.update(message),
                None => Task::none(),
            },
            Message::Procedures(message) => self.procedures(message),
            Message::Reading(message) => self.reading(message),
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
            Message::Training(message) => self.training(message),
            Message::Business(message) => self.ask(Message::Business, |desk, ctx| {
                desk.business.update(message, &ctx(&desk.folder))
            }),
            Message::Problems(message) => self.on_desk(|desk, _, _| {
                desk.problem(message);
                Task::none()
            }),
            Message::KeepMine => self.resolve(road::keep_mine),
            Message::NotesRead => self.on_desk(|desk, _, _| {
                desk.notes.clear();
                Task::none()
            }),
            Message::TakeDisk => self.resolve(road::take_disk),
            Message::DiskChanged(files) => {
                self.told(&files);
                self.on_desk(|desk, _, asking| desk.disk_changed(files, asking))
            }
            Message::Refreshed(handoff) => {
                self.on_desk(|desk, seat, asking| desk.refreshed(handoff.take(), asking, seat))
            }
            Message::Imported(handoff) => self.on_desk(|desk, _, _| desk.imported(handoff.take())),
            Message::OlderOrders(batch) => self.older_orders(batch),
            Message::Derive => self.derive_asked(),
        }
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
        self.phase.desk_mut()
    }

    /// Who is at the window and when, read once for a message.
    fn seat(&self) -> Seat {
        Seat {
            words: self.words(),
            me: self.me().map(str::to_owned),
            now: self.now(),
            pins: self.pins,
            desk: self.preferences.desk(),
        }
    }

    /// Lets a screen handle its message with the context of now, and carries out what it
    /// asks for; `wrap` makes its messages the window's.
    fn ask<M: Send + 'static>(
        &mut self,
        wrap: fn(M) -> Message,
        screen: impl FnOnce(&mut Desk, &dyn Fn(&Held) -> Context<'_>) -> Request<M>,
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
        if command == Command::Close && self.question.is_some() {
            return self.answer(LeaveChoice::Stay);
        }
        let seat = self.seat();
        let next = match self.desk() {
            Some(desk) => desk.shortcut(command, &seat),
            None => Next::None,
        };
        self.follow(next)
    }

    /// Goes where the user asked, asking first when that would drop unsaved work.
    fn leave(&mut self, leaving: Leaving) -> Task<Message> {
        let unsaved = self.phase.desk().map(Desk::unsaved).unwrap_or_default();
        self.question = Question::before(&leaving, unsaved);
        match self.question {
            Some(_) => Task::none(),
            None => self.go(leaving),
        }
    }

    fn go(&mut self, leaving: Leaving) -> Task<Message> {
        self.question = None;
        match leaving {
            Leaving::Close => iced::exit(),
            Leaving::Open(path, false) => self.opening(path),
            // A new workspace is one's own business: the welcome screen's form asks for it.
            Leaving::Open(path, true) => self.phase.own_business(&self.preferences, Some(path)),
            Leaving::Start => self.phase.own_business(&self.preferences, None),
            Leaving::Reload => match self.phase.desk() {
                Some(desk) => {
                    self.reopen_on = Some(desk.section);
                    let path = desk.folder.root().to_path_buf();
                    self.opening(path)
                }
                None => Task::none(),
            },
        }
    }

    /// Carries out the answer to the question: saves first when asked to, then goes, or
    /// stays on the first screen still holding work.
    fn answer(&mut self, choice: LeaveChoice) -> Task<Message> {
        let Some(question) = self.question.take() else {
            return Task::none();
        };
        if choice == LeaveChoice::Save {
            self.save_all();
        }
        let settled = match self.phase.desk() {
            Some(desk) => question.settle(
                choice,
                &desk.unsaved(),
                desk.conflict.is_some(),
                desk.orders.unsaved_in_front(),
            ),
            None => Settled::Go(question.into_leaving()),
        };
        match settled {
            Settled::Go(leaving) => self.go(leaving),
            Settled::Show(section, front) => {
                if let Some(desk) = self.desk() {
                    desk.section = section;
                }
                if let Some(front) = front {
                    let _ = self.update(Message::Orders(front));
                }
                Task::none()
            }
            Settled::Stay => Task::none(),
        }
    }

    /// Saves each screen's unsaved work as its own Save would; what cannot be saved stays
    /// unsaved, with the reason on its screen.
    fn save_all(&mut self) {
        let steps = self.phase.desk().map(Desk::saving).unwrap_or_default();
        for step in steps {
            if let Some(message) = self.phase.desk().and_then(|desk| desk.save_message(step)) {
                let _ = self.update(message);
            }
        }
    }

    /// Settles a conflict the user answered, telling the screen that saved.
    fn resolve(&mut self, settle: fn(&mut Folder, Conflict) -> Message) -> Task<Message> {
        let next = self.desk().map_or(Next::None, |desk| desk.resolve(settle));
        self.follow(next)
    }

    /// The window.
    pub fn view(&self) -> Element<'_, Message> {
        let words = self.words();
        let notice = notice_view(self.notice.as_deref());
        let body: Element<'_, Message> = match &self.phase {
            Phase::Opening { path, read, total } => opening_view(path, *read, *total, words),
            Phase::Failed { path, error } => failed_view(path, error, words),
            Phase::Welcome(screen) => screen.view().map(Message::Welcome),
            // The screens take the room the window gives them as it is laid out.
            Phase::Open(desk) => iced::widget::responsive(move |size| {
                self.desk_view(desk, words, theme::Room::of(size.width))
            })
            .into(),
        };
        let typed = self.typed_folder.view(self.language());
        crate::ui::shortcuts::first(column![notice, typed, body], keys::screen_key)
    }

    fn desk_view<'a>(
        &'a self,
        desk: &'a Desk,
        words: &'static Text,
        room: theme::Room,
    ) -> Element<'a, Message> {
        let ctx = Context {
            photos: photos::Photos::of(&desk.pictures, &desk.folder),
            room,
            ..self.seat().context(&desk.folder)
        };
        let settings = settings::view(
            self.language(),
            self.preferences.language(),
            self.preferences.theme_choice(),
            desk.folder.root().display().to_string(),
            &self.preferences.desk_line(ctx.is_owner()),
        )
        .map(Message::Settings);
        let question = self.question.as_ref().map(|q| question_view(q, words));
        desk.view(ctx, settings, question)
    }
}
