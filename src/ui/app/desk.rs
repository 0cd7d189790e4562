//! The desk: an open workspace and the screens on it, which screen is in front, what
//! changed on disk, and what a keyboard command means for the screen in front.

mod copies;
mod held;
pub(super) mod merged;
mod unsaved;
mod view;

use std::collections::BTreeSet;
use std::time::Duration;

use iced::Task;
use iced::widget::operation;

use super::chrome::SEARCH_ID;
use super::keys::{Command, editor_message};
use super::road::{self, Carried, Conflict};
use super::sign_in::{SignIn, SignInMessage};
use super::watch::read_task;
use super::{Message, Section};
use crate::model::{DateTime, PinGuard};
use crate::store::Folder;
use crate::ui::request::{Place, Request};
use crate::ui::screen::Context;
use crate::ui::screen::business::{self, Business};
use crate::ui::screen::checklists::Checklists;
use crate::ui::screen::dashboard::Dashboard;
use crate::ui::screen::defects::{self, Defects};
use crate::ui::screen::growing::BUDGET;
use crate::ui::screen::manual::Manual;
use crate::ui::screen::orders::{self, Orders};
use crate::ui::screen::photos::{Photos, Pictures};
use crate::ui::screen::problems;
use crate::ui::screen::procedures::Procedures;
use crate::ui::screen::reading::{self, Reading};
use crate::ui::screen::revision::Direction;
use crate::ui::screen::training::TrainingMatrix;
use crate::ui::text::Text;
pub(super) use held::Held;

/// An open workspace and the screens on it.
pub(super) struct Desk {
    /// The workspace; every change to it moves its generation on.
    pub folder: Held,
    pub section: Section,
    pub search: String,
    pub procedures: Procedures,
    /// The procedure being read, in front of the editor, and "To read".
    pub reading: Reading,
    pub orders: Orders,
    pub defects: Defects,
    pub dashboard: Dashboard,
    pub training: TrainingMatrix,
    pub manual: Manual,
    pub checklists: Checklists,
    pub problems: problems::Problems,
    pub business: Business,
    pub conflict: Option<Box<Conflict>>,
    /// Files that something else changed on disk since they were read or saved here.
    pub changed: BTreeSet<String>,
    /// The workspace is being read again in the background, begun when the folder had
    /// made this many writes.
    pub refreshing: Option<u64>,
    /// The workspace's pictures shown so far.
    pub pictures: Pictures,
    /// "Who are you?" and the PIN asked there.
    sign_in: SignIn,
    /// What was merged from other desks, or waits for the user, until they read it.
    pub notes: Vec<merged::Note>,
    /// A [`Message::Derive`] is on its way: work is left that did not fit in a frame.
    pub derive_asked: bool,
}

/// Who is at the window and when: what every screen's [`Context`] is made of, with the
/// records of the moment.
#[derive(Debug, Clone)]
pub(super) struct Seat {
    pub words: &'static Text,
    pub me: Option<String>,
    pub now: DateTime,
    pub pins: &'static PinGuard,
    pub desk: Option<crate::model::Desk>,
}

impl Seat {
    /// What the screens may read of an open workspace.
    pub fn context<'a>(&self, folder: &'a Held) -> Context<'a> {
        let records = folder.records();
        Context {
            records,
            generation: folder.generation(),
            me: self
                .me
                .as_deref()
                .and_then(|id| records.workspace.person(id)),
            today: self.now.date(),
            now: self.now,
            words: self.words,
            language: self.words.language(),
            read_only: folder.read_only().is_some(),
            photos: Photos::none(),
            room: Default::default(),
            pins: self.pins,
            desk: self.desk,
            older: folder.older(),
        }
    }
}

/// What is left for the window once the desk has done its part of a message.
pub(super) enum Next {
    /// Run this task: a widget operation, a dialog, a job.
    Task(Task<Message>),
    /// Handle this message now, as if a screen had sent it.
    Send(Message),
    /// Nothing.
    None,
}

impl Desk {
    /// A desk on `folder`, showing `section`.
    pub fn new(folder: Folder, section: Section) -> Desk {
        let mut desk = Desk {
            folder: Held::new(folder),
            section,
            search: String::new(),
            procedures: Procedures::default(),
            reading: Reading::default(),
            orders: Orders::default(),
            defects: Defects::default(),
            dashboard: Dashboard::default(),
            training: TrainingMatrix::default(),
            manual: Manual::default(),
            checklists: Checklists::default(),
            problems: problems::Problems::default(),
            business: Business::default(),
            conflict: None,
            changed: BTreeSet::new(),
            refreshing: None,
            pictures: Pictures::default(),
            sign_in: SignIn::default(),
            notes: Vec::new(),
            derive_asked: false,
        };
        // Conflict copies a sync tool left while the window was closed.
        desk.settle_copies();
        desk
    }

    /// Switches to `section`; the dashboard works its figures out anew on the way in (in
    /// [`Desk::derive`], after the message), so it shows every save made elsewhere.
    pub fn show(&mut self, section: Section, seat: &Seat) {
        self.section = section;
        if section == Section::ToRead {
            first_to_read(&mut self.reading, &seat.context(&self.folder));
        }
    }

    /// Brings the lists the screen in front derives from the records, the search and its
    /// filters up to date; cheap when none of them moved. Screens behind catch up when
    /// they come to the front. Whether work is left for another turn: what takes longer
    /// than a frame is done a slice per turn. Idle work (what the lists will need of new
    /// records) is done in `idle` turns only, the window's own, so a key or entering a
    /// screen never waits for it; with the screen in front done, the defect log's lists
    /// are gathered behind it, so entering the log does not wait for them either. `spent`
    /// is how much of the turn its message took.
    pub fn derive(&mut self, seat: &Seat, idle: bool, spent: Duration) -> bool {
        let ctx = seat.context(&self.folder);
        let budget = if idle { BUDGET } else { Duration::ZERO };
        let left = match self.section {
            Section::Orders => {
                self.orders.derive(&ctx, &self.search);
                self.orders.prepare(&ctx, budget)
            }
            Section::Defects => {
                self.defects.derive(&ctx, &self.search);
                return self.defects.prepare(&ctx, budget);
            }
            Section::Dashboard => {
                self.dashboard.refresh(&ctx, spent);
                self.dashboard.working_out()
            }
            _ => false,
        };
        // With the screen in front done, the defect log's lists are gathered behind it.
        left || self.defects.prepare_behind(&ctx, budget)
    }

    /// Shows the screen of `place`, open at it.
    pub fn show_place(&mut self, place: Place, seat: &Seat) {
        let ctx = seat.context(&self.folder);
        match place {
            Place::Order(id) => {
                self.section = Section::Orders;
                self.orders.show(&id);
            }
            Place::Defect { order, defect } => {
                self.section = Section::Defects;
                self.defects.open(&ctx, &order, &defect);
            }
            Place::Procedure(id) => {
                self.section = Section::Procedures;
                self.procedures.open(&ctx, &id);
                self.reading.open(&id);
            }
        }
    }

    /// What `command` means for the screen in front.
    pub fn shortcut(&mut self, command: Command, seat: &Seat) -> Next {
        match command {
            Command::Walk { back: true } => return Next::Task(operation::focus_previous()),
            Command::Walk { back: false } => return Next::Task(operation::focus_next()),
            Command::Search => {
                if !matches!(
                    self.section,
                    Section::Procedures | Section::Checklists | Section::Orders | Section::Defects
                ) {
                    self.section = Section::Procedures;
                }
                return Next::Task(operation::focus(SEARCH_ID));
            }
            Command::Go(section) => {
                self.show(section, seat);
                return Next::None;
            }
            _ => {}
        }
        // While two versions of a file are shown side by side, the editor behind waits.
        if self.conflict.is_some() {
            return Next::None;
        }
        let message = match self.section {
            Section::Procedures => {
                editor_message(&self.procedures, command).map(Message::Procedures)
            }
            Section::Checklists => {
                editor_message(&self.checklists, command).map(Message::Checklists)
            }
            Section::Defects => self.defects_message(command),
            Section::Orders => self.orders_message(command),
            Section::Settings => self.business_message(command).map(Message::Business),
            Section::Dashboard
            | Section::Manual
            | Section::Problems
            | Section::ToRead
            | Section::Training => None,
        };
        message.map_or(Next::None, Next::Send)
    }

    fn business_message(&self, command: Command) -> Option<business::Message> {
        match command {
            Command::Save => self.business.save_message(),
            Command::Undo => Some(business::Message::Undo),
            Command::Redo => Some(business::Message::Redo),
            _ => None,
        }
    }

    fn defects_message(&mut self, command: Command) -> Option<Message> {
        use defects::Message as M;
        let message = match command {
            Command::Save => M::Save,
            Command::Undo => M::Form(defects::form::Message::Undo),
            Command::Redo => M::Form(defects::form::Message::Redo),
            // Escape never throws typing away; the Discard button does, on purpose.
            Command::Close if self.defects.is_dirty() => {
                self.defects.keep_on_escape();
                return None;
            }
            Command::Close => M::Discard,
            _ => return None,
        };
        Some(Message::Defects(message))
    }

    fn orders_message(&mut self, command: Command) -> Option<Message> {
        use orders::Message as M;
        let message = match command {
            Command::New => M::New,
            // Escape never throws work away; Cancel does, on purpose.
            Command::Close if self.orders.unsaved_in_front() => {
                self.orders.keep_on_escape();
                return None;
            }
            Command::Close => M::Close,
            Command::Save => self.orders.save_message()?,
            // Up and down walk the list, from the search field too, while no form is open
            // on the order.
            Command::Step(direction) if !self.orders.is_busy() => {
                M::Step(self.search.clone(), direction == Direction::Down)
            }
            Command::Undo => self.orders.undo_message(false)?,
            Command::Redo => self.orders.undo_message(true)?,
            Command::Check => M::StartCheck,
            Command::Defect => M::NewDefect,
            Command::Contact => M::LogContact,
            _ => return None,
        };
        Some(Message::Orders(message))
    }

    /// Carries out a screen's request on the workspace; `wrap` makes the screen's messages
    /// the window's.
    pub fn carry<M: Send + 'static>(
        &mut self,
        request: Request<M>,
        wrap: fn(M) -> Message,
        seat: &Seat,
    ) -> Next {
        let carried = road::carry(&mut self.folder, request, wrap);
        // A file saved here over one changed elsewhere is the workspace's again.
        let folder = &self.folder;
        self.changed.retain(|file| folder.changed_on_disk(file));
        match carried {
            Carried::Task(task) => Next::Task(task),
            Carried::Then(message) => Next::Send(message),
            Carried::Merged(message, outcome) => {
                self.notes.push(merged::Note::Saved(outcome));
                Next::Send(message)
            }
            Carried::Conflict(conflict) => {
                self.conflict = Some(conflict);
                Next::None
            }
            Carried::Show(place) => {
                self.show_place(place, seat);
                Next::None
            }
        }
    }

    /// Settles the conflict shown, as the user answered; the screen that saved hears.
    pub fn resolve(&mut self, settle: fn(&mut Folder, Conflict) -> Message) -> Next {
        match self.conflict.take() {
            Some(conflict) => Next::Send(settle(self.folder.change(), *conflict)),
            None => Next::None,
        }
    }

    /// Opens a finding of the problems panel, with the lines around it.
    pub fn open_problem(&mut self, index: usize) {
        if let Some(finding) = self.folder.findings().get(index) {
            let excerpt = self.folder.excerpt(&finding.path, finding.at.line, 4);
            self.problems.open(index, excerpt);
        }
    }

    /// Files changed on disk: noted, and read again at once while nothing is edited.
    pub fn disk_changed(&mut self, files: Vec<String>, asking: bool) -> Task<Message> {
        let copies = merged::names_a_copy(&files);
        let changed = files.into_iter().filter(|f| self.folder.changed_on_disk(f));
        self.changed.extend(changed);
        if copies {
            self.settle_copies();
        }
        self.refresh_if_idle(asking)
    }

    /// Takes the workspace as an import left it.
    pub fn imported(&mut self, folder: Option<Folder>) -> Task<Message> {
        if let Some(folder) = folder.filter(|folder| folder.root() == self.folder.root()) {
            self.folder.replace(folder);
            self.pictures = Pictures::default();
        }
        Task::none()
    }

    /// The workspace read again in the background, or not read: then the note of changed
    /// files stays, and F5 reads it with the opening screen.
    pub fn refreshed(
        &mut self,
        read: Option<Result<Folder, String>>,
        asking: bool,
        seat: &Seat,
    ) -> Task<Message> {
        match read {
            Some(Ok(folder)) => self.take_folder(folder, asking, seat),
            _ => {
                self.refreshing = None;
                Task::none()
            }
        }
    }

    /// Enter in the search field: on the orders screen, the first order that matches.
    pub fn search_submit(&self) -> Option<Message> {
        (self.section == Section::Orders)
            .then(|| Message::Orders(orders::Message::OpenFirst(self.search.clone())))
    }

    /// "Who are you?": the person the window now belongs to, once settled.
    pub fn sign_in(&mut self, message: SignInMessage, pins: &PinGuard) -> Option<String> {
        let workspace = &self.folder.records().workspace;
        let now = std::time::Instant::now();
        self.sign_in.update(message, workspace, pins, now)
    }

    /// Whether nothing is being edited, asked or resolved: the records may change under
    /// the screens without taking anything from the user.
    pub fn is_idle(&self) -> bool {
        self.conflict.is_none()
            && self.unsaved().is_empty()
            && !self.procedures.is_asking()
            && !self.checklists.is_asking()
    }

    /// Reads the workspace again in the background when files changed and the desk is
    /// idle; `asking` is whether the window has a question open.
    pub fn refresh_if_idle(&mut self, asking: bool) -> Task<Message> {
        if self.changed.is_empty() || self.refreshing.is_some() || asking || !self.is_idle() {
            return Task::none();
        }
        self.refreshing = Some(self.folder.writes());
        read_task(self.folder.root().to_path_buf(), Message::Refreshed)
    }

    /// Takes the workspace as read again, unless it is of another folder or this window
    /// wrote to it meanwhile (the copy may lack that), and reads again if files are still
    /// changed; each screen keeps what it shows, now from the files as they are.
    pub fn take_folder(&mut self, folder: Folder, asking: bool, seat: &Seat) -> Task<Message> {
        // A copy of another workspace, read before the user opened this one, is not ours.
        if folder.root() != self.folder.root() {
            return Task::none();
        }
        let Some(writes) = self.refreshing.take() else {
            return Task::none();
        };
        if writes != self.folder.writes() || asking || !self.is_idle() {
            return self.refresh_if_idle(asking);
        }
        // The problems panel points into the findings by place: a new list starts closed.
        if folder.findings() != self.folder.findings() {
            self.problems = Default::default();
        }
        self.take_keeping_vanished(folder);
        // A picture replaced on disk shows as it is now.
        self.pictures = Pictures::default();
        let folder = &self.folder;
        self.changed.retain(|file| folder.changed_on_disk(file));
        let ctx = seat.context(&self.folder);
        self.procedures.refresh(&ctx);
        self.checklists.refresh(&ctx);
        self.defects.refresh(&ctx);
        self.business.refresh(&ctx);
        // The dashboard, in front or not, is worked out by `derive` after the message.
        self.refresh_if_idle(asking)
    }
}

/// "To read" opens on the first procedure the person signed in is not current on, unless
/// one of them is open already.
fn first_to_read(reading: &mut Reading, ctx: &Context<'_>) {
    let me = ctx.me.map(|me| me.id.as_str()).unwrap_or_default();
    let list = reading::to_read(ctx.records, me);
    let open = reading.open_id();
    if !list.iter().any(|p| Some(p.id.as_str()) == open)
        && let Some(first) = list.first()
    {
        reading.open(&first.id);
    }
}
