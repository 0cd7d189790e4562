//! Orders: the list by month with filters, a new order, and per order its checks, defects
//! and customer contacts. The counter's screen: every step ends in one save of the order.

pub mod check;
mod contact;
pub mod files;
pub mod intake;
mod listed;
mod new;
mod note;
mod overview;
mod view;
pub mod words;
mod work;

use std::collections::BTreeMap;

use iced::widget::scrollable::Viewport;

use crate::model::{Channel, Defect, Order};
use crate::ui::request::{FileKind, Record, Request};
use crate::ui::screen::defects::form::{self as defect_form, DefectForm};
use crate::ui::screen::rows::Rows;
use crate::ui::screen::{Context, PersonChoice, Unsaved};

use check::Runner;
use contact::ContactForm;
use new::NewOrder;
use note::Note;
use words::OrderWords;

/// Which orders the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    NotChecked,
    CheckFailed,
    OpenDefects,
    OverAlarm,
}

impl Filter {
    /// Whether `order` belongs in the list.
    fn keeps(self, order: &Order, ctx: &Context) -> bool {
        match self {
            Filter::All => true,
            Filter::NotChecked => !order.is_checked(),
            Filter::CheckFailed => order.check_failed(ctx.records),
            Filter::OpenDefects => order.open_defects() > 0,
            Filter::OverAlarm => order.over_alarm(ctx.records.workspace.contacts_per_order_alarm),
        }
    }
}

/// A QC record's file type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordFormat {
    Pdf,
    Html,
}

/// What a photo is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoFor {
    /// An item of the check being run.
    Item(String),
    /// The defect open in the form.
    Defect,
}

/// The orders screen.
#[derive(Debug, Default)]
pub struct Orders {
    filter: Filter,
    selected: Option<String>,
    pane: Pane,
    message: Option<Note>,
    import: Option<(usize, usize)>,
    /// The file and choices of an import that waits for its mapping to be saved.
    waiting: Option<(std::path::PathBuf, crate::import::Choices)>,
    /// A path typed where a file dialog could not open, and what it is for.
    typed: Option<(files::Typed, crate::ui::screen::file_place::PathField)>,
    /// The defects a check proposed, shown once the check is on disk.
    proposals: Vec<Defect>,
    /// Work begun on an order and left for another, by order id: opening the order again
    /// brings it back where it was.
    parked: BTreeMap<String, Work>,
    /// A new order begun and left: New brings it back.
    parked_new: Option<NewOrder>,
    /// A CSV preview left for an order: "Import CSV…" brings it back.
    parked_intake: Option<Box<intake::Intake>>,
    /// The orders the list shows, worked out when what they depend on changes.
    listed: listed::Listed,
    /// How many of the list's orders are drawn, for the filter and search they were paged
    /// under.
    rows: Rows<(Filter, String)>,
}

/// What the right-hand side shows.
#[derive(Debug, Default)]
enum Pane {
    #[default]
    Empty,
    New(NewOrder),
    Order(Work),
    /// A CSV file picked for import, shown before anything is written.
    Intake(Box<intake::Intake>),
}

/// What is being done to the selected order.
#[derive(Debug)]
enum Work {
    Overview,
    Check(Box<Runner>),
    /// A defect being edited; `proposals` are those a failed check proposed, still to confirm.
    Defect {
        form: Box<DefectForm>,
        proposals: Vec<Defect>,
        proposed: bool,
    },
    Contact(ContactForm),
}

impl Work {
    /// Whether it holds anything not saved: answers, edits, a proposal, a contact's words.
    fn is_unsaved(&self) -> bool {
        match self {
            Work::Overview => false,
            Work::Check(runner) => runner.has_answers(),
            Work::Defect { form, proposed, .. } => *proposed || form.is_changed(),
            Work::Contact(form) => !form.about.trim().is_empty(),
        }
    }

    /// Its unsaved work on order `id`, named.
    fn unsaved(&self, id: &str) -> Option<Unsaved> {
        self.is_unsaved().then(|| match self {
            Work::Check(_) => Unsaved::Check(id.to_owned()),
            Work::Contact(_) => Unsaved::Contact(id.to_owned()),
            Work::Overview | Work::Defect { .. } => Unsaved::Defect(id.to_owned()),
        })
    }
}

/// What the user did on the orders screen.
#[derive(Debug, Clone)]
pub enum Message {
    Filter(Filter),
    Select(String),
    /// Enter in the search field: the first order the list shows.
    OpenFirst(String),
    /// Up (`false`) or down (`true`) the list the search shows, from the order in front.
    Step(String, bool),
    New,
    NewId(String),
    NewPlaced(String),
    NewCustomer(String),
    NewProduct(String),
    NewMaker(PersonChoice),
    SaveNew,
    StartCheck,
    Check(check::Message),
    NewDefect,
    OpenDefect(String),
    Defect(defect_form::Message),
    SaveDefect,
    SkipProposal,
    LogContact,
    ContactChannel(Channel),
    ContactAbout(String),
    ContactApology(bool),
    ContactBy(PersonChoice),
    SaveContact,
    Close,
    /// Work with files: importing, QC records, photos, saves.
    Files(files::Message),
    /// The list scrolled: near its end, more rows are drawn.
    Scrolled(Viewport),
    /// "More" at the end of the list: more rows are drawn.
    More,
}

/// The widget id of the scrolling list of orders.
pub const LIST_ID: &str = "orders-list";

impl Orders {
    /// The order the screen is on.
    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    /// Shows `order`, with the work begun on it and left, if any. Unsaved work in front is
    /// set aside, never dropped; the order already in front stays as it is.
    pub fn show(&mut self, order: &str) {
        self.message = None;
        if self.selected.as_deref() == Some(order) && matches!(self.pane, Pane::Order(_)) {
            return;
        }
        self.park();
        self.selected = Some(order.to_owned());
        self.pane = Pane::Order(self.parked.remove(order).unwrap_or(Work::Overview));
    }

    /// Shows `order` as it is saved, dropping the work begun on it: the user took the file
    /// on disk over their own version.
    fn show_as_saved(&mut self, order: &str) {
        self.parked.remove(order);
        self.selected = Some(order.to_owned());
        self.pane = Pane::Order(Work::Overview);
        self.message = None;
    }

    /// Sets the unsaved work in front aside, to come back when its order is opened again.
    fn park(&mut self) {
        match std::mem::take(&mut self.pane) {
            Pane::New(form) if form.is_begun() => self.parked_new = Some(form),
            Pane::Intake(intake) => self.parked_intake = Some(intake),
            Pane::Order(work) if work.is_unsaved() => {
                if let Some(id) = &self.selected {
                    self.parked.insert(id.clone(), work);
                }
            }
            _ => {}
        }
    }

    /// The orders whose work is set aside, and whether a new order is.
    pub fn parked(&self) -> (Vec<String>, bool) {
        (
            self.parked.keys().cloned().collect(),
            self.parked_new.is_some(),
        )
    }

    /// Whether the order `id` has work set aside.
    pub fn is_parked(&self, id: &str) -> bool {
        self.parked.contains_key(id)
    }

    /// Shows what happened, after work the app did for the screen.
    pub fn tell(&mut self, message: String) {
        self.message = Some(Note::Error(message));
    }

    /// Says, above the form, that Escape keeps work that is not saved.
    pub fn keep_on_escape(&mut self) {
        self.message = Some(Note::WindowWord(|words| words.escape_keeps));
    }

    /// What Ctrl+S means for the form in front, if anything.
    pub fn save_message(&self) -> Option<Message> {
        match &self.pane {
            Pane::New(_) => Some(Message::SaveNew),
            Pane::Order(Work::Defect { .. }) => Some(Message::SaveDefect),
            Pane::Order(Work::Contact(_)) => Some(Message::SaveContact),
            Pane::Order(Work::Check(_)) => Some(Message::Check(check::Message::Save)),
            _ => None,
        }
    }

    /// The first orders the list shows for `search` under the filter, newest first, and how
    /// many it finds in all: read from what [`Orders::derive`] kept, or worked out here
    /// when that is not for these records, filter and search.
    fn listed<'a>(&self, ctx: &Context<'a>, search: &str) -> (Vec<&'a Order>, usize) {
        let orders = &ctx.records.orders;
        match self.listed.get(ctx, self.filter, search) {
            Some(places) => (
                places
                    .iter()
                    .take(self.rows.shown(places.len()))
                    .map(|at| &orders[*at as usize])
                    .collect(),
                places.len(),
            ),
            None => {
                let mut found = listed::found(ctx, self.filter, search);
                let count = found.len();
                found.truncate(self.rows.shown(count));
                (found, count)
            }
        }
    }

    /// Works out the list for `search` under the filter, if the records, the filter or the
    /// search changed since: the app does after every message, so a frame only reads it.
    pub fn derive(&mut self, ctx: &Context, search: &str) {
        self.listed.derive(ctx, self.filter, search);
        self.rows.of((self.filter, search.to_owned()));
        let hint = self.listed.selected_at;
        self.listed.selected_at = (self.selected.as_deref())
            .and_then(|id| crate::ui::screen::place_near(ctx.records, id, hint));
    }

    /// Grows, for a slice of a frame, what searches and filters need of new records, so it
    /// is ready before the first key: the app does after [`Orders::derive`]. Whether work
    /// is left for another turn.
    pub fn prepare(&mut self, ctx: &Context, budget: std::time::Duration) -> bool {
        self.listed.prepare(ctx, budget)
    }

    /// What Ctrl+Z (or with `redo`, Ctrl+Shift+Z) means for the form in front, if anything.
    pub fn undo_message(&self, redo: bool) -> Option<Message> {
        let Pane::Order(Work::Defect { .. }) = &self.pane else {
            return None;
        };
        let step = if redo {
            defect_form::Message::Redo
        } else {
            defect_form::Message::Undo
        };
        Some(Message::Defect(step))
    }

    /// Work begun and not saved yet: in front first, then what was set aside.
    pub fn unsaved(&self) -> Vec<Unsaved> {
        let front = match &self.pane {
            Pane::New(form) if form.is_begun() => Some(Unsaved::NewOrder),
            Pane::Order(work) => self.selected.as_deref().and_then(|id| work.unsaved(id)),
            Pane::Intake(intake) => Some(Unsaved::OrderImport(intake.file_name())),
            _ => None,
        };
        let new = self.parked_new.as_ref().map(|_| Unsaved::NewOrder);
        let parked = self.parked.iter().filter_map(|(id, work)| work.unsaved(id));
        let intake = (self.parked_intake.as_ref()).map(|i| Unsaved::OrderImport(i.file_name()));
        (front.into_iter().chain(new).chain(parked).chain(intake)).collect()
    }

    /// Whether the work in front is unsaved: a preview is, until imported or cancelled.
    pub fn unsaved_in_front(&self) -> bool {
        match &self.pane {
            Pane::New(form) => form.is_begun(),
            Pane::Order(work) => work.is_unsaved(),
            Pane::Intake(_) => true,
            Pane::Empty => false,
        }
    }

    /// Whether keys like Escape have something to close.
    pub fn is_busy(&self) -> bool {
        !matches!(self.pane, Pane::Empty | Pane::Order(Work::Overview))
    }

    /// The app saved `order`: move on to what comes after that save. A failed check goes
    /// on to its proposed defects, one at a time.
    fn saved(&mut self, order: &Order, _ctx: &Context) -> Request<Message> {
        self.selected = Some(order.id.clone());
        let pane = std::mem::take(&mut self.pane);
        let saved = |w: &OrderWords| w.saved;
        let (mut proposals, done): (_, fn(&OrderWords) -> &'static str) = match pane {
            Pane::Order(Work::Check(_)) => (std::mem::take(&mut self.proposals), |w| w.check_saved),
            Pane::Order(Work::Defect { proposals, .. }) => (proposals, saved),
            _ => (Vec::new(), saved),
        };
        self.message = Some(Note::DoneWord(done));
        if proposals.is_empty() {
            self.pane = Pane::Order(Work::Overview);
            return Request::None;
        }
        let next = proposals.remove(0);
        self.pane = Pane::Order(Work::Defect {
            form: Box::new(DefectForm::new(next)),
            proposals,
            proposed: true,
        });
        Request::Focus("defect-description".to_owned())
    }

    fn order<'a>(&self, ctx: &Context<'a>) -> Option<&'a Order> {
        let id = self.selected.as_deref()?;
        crate::ui::screen::order_near(ctx.records, id, self.listed.selected_at)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, ctx: &Context) -> Request<Message> {
        match message {
            Message::Filter(filter) => {
                self.filter = filter;
                Request::None
            }
            Message::Select(id) => {
                self.show(&id);
                Request::None
            }
            Message::OpenFirst(search) => {
                self.derive(ctx, &search);
                let first = self.listed(ctx, &search).0.first().map(|o| o.id.clone());
                if let Some(id) = first {
                    self.show(&id);
                }
                Request::None
            }
            Message::Step(search, down) => self.step(search, down, ctx),
            Message::Scrolled(viewport) => {
                self.rows.scrolled(viewport);
                Request::None
            }
            Message::More => {
                self.rows.more();
                Request::None
            }
            Message::New => self.begin_order(ctx),
            Message::NewId(value) => self.edit_new(|form| form.id = value),
            Message::NewPlaced(value) => self.edit_new(|form| form.placed = value),
            Message::NewCustomer(value) => self.edit_new(|form| form.customer = value),
            Message::NewProduct(value) => self.edit_new(|form| form.product = value),
            Message::NewMaker(value) => self.edit_new(|form| form.maker = Some(value)),
            Message::SaveNew => self.save_new(ctx),
            Message::StartCheck => {
                let Some(order) = self.order(ctx) else {
                    return Request::None;
                };
                self.message = None;
                self.pane = Pane::Order(Work::Check(Box::new(Runner::new(order, ctx))));
                Request::None
            }
            Message::Check(message) => self.check(message, ctx),
            Message::NewDefect => self.new_defect(ctx),
            Message::OpenDefect(id) => self.open_defect(id, ctx),
            Message::Defect(message) => {
                let Pane::Order(Work::Defect { form, .. }) = &mut self.pane else {
                    return Request::None;
                };
                match form.update(message, ctx) {
                    defect_form::Event::None => Request::None,
                    defect_form::Event::PickPhoto => pick_photo(PhotoFor::Defect),
                }
            }
            Message::SaveDefect => self.save_defect(ctx),
            Message::SkipProposal => self.skip_proposal(),
            Message::LogContact => {
                if self.order(ctx).is_none() {
                    return Request::None;
                }
                self.message = None;
                self.pane = Pane::Order(Work::Contact(ContactForm::blank(ctx)));
                Request::Focus("contact-about".to_owned())
            }
            Message::ContactChannel(value) => self.edit_contact(|form| form.channel = value),
            Message::ContactAbout(value) => self.edit_contact(|form| form.about = value),
            Message::ContactApology(value) => self.edit_contact(|form| form.apology = value),
            Message::ContactBy(value) => self.edit_contact(|form| form.by = Some(value)),
            Message::SaveContact => self.save_contact(ctx),
            Message::Close => self.close(),
            Message::Files(message) => self.files(message, ctx),
        }
    }
}

/// Saves `order` through the store and hears how it went.
fn save(order: Order) -> Request<Message> {
    let saved = Box::new(order.clone());
    Request::save(Record::Order(Box::new(order)), move |outcome| {
        Message::Files(files::Message::Saved(saved, outcome))
    })
}

/// Asks the user for a photo for a check item or the defect.
fn pick_photo(photo: PhotoFor) -> Request<Message> {
    Request::pick_file(FileKind::Photo, move |path| {
        Message::Files(files::Message::PhotoPicked(photo, path))
    })
}
