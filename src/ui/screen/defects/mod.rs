//! The defect log across all orders, with filters, and the defect form it opens.

pub mod form;
mod listed;
pub mod log;
pub mod place;
mod view;
mod widgets;
pub mod words;

use iced::widget::scrollable::Viewport;

use crate::model::{DefectState, Order};
use crate::store::Attachment;
use crate::ui::request::{FileKind, Picked, Place, Record, Request, Saved};
use crate::ui::screen::file_place::{self, PathField, Taken};
use crate::ui::screen::rows::Rows;
use crate::ui::screen::{Context, Unsaved};

use form::DefectForm;
use log::{Filter, ProcedureFilter};
use words::DefectWords;

/// A pick-list entry: the value it stands for and the words it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice<T> {
    /// What picking it means.
    pub value: T,
    /// What the list shows.
    pub label: String,
}

impl<T> Choice<T> {
    /// An entry showing `label`.
    pub fn new(value: T, label: impl Into<String>) -> Self {
        Choice {
            value,
            label: label.into(),
        }
    }
}

impl<T> std::fmt::Display for Choice<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// The entry of `choices` for `value`; one naming the bare id when the list lacks it (a
/// person who left, a retired procedure), so the pick list never lies.
pub fn chosen(choices: &[Choice<Option<String>>], value: Option<&str>) -> Choice<Option<String>> {
    choices
        .iter()
        .find(|c| c.value.as_deref() == value)
        .cloned()
        .unwrap_or_else(|| Choice::new(value.map(String::from), value.unwrap_or_default()))
}

/// A message above the defect: kept as what it means, so it speaks the language of the
/// moment it is drawn.
#[derive(Debug, Clone)]
enum Said {
    /// One of the screen's own words.
    Word(fn(&DefectWords) -> &'static str),
    /// Saving was refused: why, as the form stands now.
    Refused,
    /// Words from outside the screen (the disk's), shown as they came.
    Text(String),
    /// One of the window's words, in the language of the moment it is drawn.
    WindowWord(fn(&crate::ui::text::Text) -> &'static str),
}

/// The defect log screen.
#[derive(Debug, Default)]
pub struct Defects {
    filter: Filter,
    open: Option<Open>,
    /// The defect to open once the save in flight is done: picking another defect saves
    /// the edited one first.
    pending: Option<Open>,
    message: Option<Said>,
    /// A photo's path, typed where the file dialog could not open.
    typed: Option<PathField>,
    /// The lines of the log, worked out when what they depend on changes.
    listed: listed::Listed,
    /// How many of them are drawn, for the filters and search they were paged under.
    rows: Rows<(Filter, String)>,
}

/// A defect open in the form, and its order.
#[derive(Debug)]
struct Open {
    order: String,
    form: DefectForm,
}

/// What the user did on the defect log.
#[derive(Debug, Clone)]
pub enum Message {
    /// Show only defects in this state; `None` for all.
    State(Option<DefectState>),
    /// Show only defects of this category; `None` for all.
    Category(Option<String>),
    Procedure(ProcedureFilter),
    OverdueOnly(bool),
    /// Open a defect: its order's id and its own.
    Select {
        order: String,
        defect: String,
    },
    Form(form::Message),
    Save,
    /// Forget the edits: the form shows the defect as saved.
    Discard,
    OpenOrder,
    /// What came of the dialog for a photo for the open defect.
    PhotoPicked(Picked),
    /// The typed photo path's field.
    PhotoPath(file_place::Message),
    /// The photo copied into the workspace (its path there), or why not.
    PhotoAttached(Result<String, String>),
    /// How saving this order, holding the edited defect, went.
    Saved(Box<Order>, Saved),
    /// The list scrolled: near its end, more rows are drawn.
    Scrolled(Viewport),
    /// "More" at the end of the list: more rows are drawn.
    More,
}

impl Defects {
    /// The open defect: its order's id and its own.
    pub fn selected(&self) -> Option<(&str, &str)> {
        self.open
            .as_ref()
            .map(|open| (open.order.as_str(), open.form.id()))
    }

    /// Whether the open defect has unsaved edits.
    pub fn is_dirty(&self) -> bool {
        self.open
            .as_ref()
            .is_some_and(|open| open.form.is_changed())
    }

    /// The open defect, if it has unsaved edits.
    pub fn unsaved(&self) -> Option<Unsaved> {
        self.open
            .as_ref()
            .filter(|open| open.form.is_changed())
            .map(|open| Unsaved::Defect(open.order.clone()))
    }

    /// The workspace was read again: a clean open defect shows what its file holds now.
    pub fn refresh(&mut self, ctx: &Context) {
        if self.is_dirty() || self.pending.is_some() {
            return;
        }
        if let Some((order, defect)) = self.selected().map(|(o, d)| (o.to_owned(), d.to_owned())) {
            let message = self.message.take();
            self.open(ctx, &order, &defect);
            self.message = message;
        }
    }

    /// Works out the lines of the log for `search`, if the records, the filters, the search
    /// or the day changed since: the app does after every message, so a frame only reads
    /// them.
    pub fn derive(&mut self, ctx: &Context, search: &str) {
        self.listed.derive(ctx, &self.filter, search);
        self.rows.of((self.filter.clone(), search.to_owned()));
        let hint = self.listed.open_at;
        self.listed.open_at = (self.open.as_ref())
            .and_then(|open| crate::ui::screen::place_near(ctx.records, &open.order, hint));
    }

    /// Grows, for a slice of a frame, what the search needs of new records, so it is ready
    /// before the first key: the app does after [`Defects::derive`]. Whether work is left
    /// for another turn.
    pub fn prepare(&mut self, ctx: &Context, budget: std::time::Duration) -> bool {
        self.listed.prepare(ctx, budget)
    }

    /// Gathers, for a slice of a frame, the lists the log picks from for new records while
    /// another screen is in front, so entering the log does not wait for them. Whether
    /// work is left for another turn.
    pub fn prepare_behind(&mut self, ctx: &Context, budget: std::time::Duration) -> bool {
        self.listed.prepare_behind(ctx, budget)
    }

    /// The filters in force.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// Opens a defect of an order, as saved; `false` when there is no such defect. Unsaved
    /// edits of the defect open before are dropped: ask [`Defects::is_dirty`] first.
    pub fn open(&mut self, ctx: &Context, order: &str, defect: &str) -> bool {
        self.message = None;
        self.pending = None;
        self.open = open_of(ctx, order, defect);
        self.open.is_some()
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, ctx: &Context) -> Request<Message> {
        match message {
            Message::State(state) => self.filter.state = state,
            Message::Category(category) => self.filter.category = category,
            Message::Procedure(procedure) => self.filter.procedure = procedure,
            Message::OverdueOnly(only) => self.filter.overdue_only = only,
            Message::Scrolled(viewport) => self.rows.scrolled(viewport),
            Message::More => self.rows.more(),
            Message::Select { order, defect } => return self.select(ctx, order, defect),
            Message::Form(message) => return self.edit(message, ctx),
            Message::Save => return self.save(ctx),
            Message::Discard => {
                if let Some(open) = &mut self.open {
                    let saved = ctx
                        .records
                        .orders
                        .iter()
                        .find(|o| o.id == open.order)
                        .and_then(|o| o.defects.iter().find(|d| d.id == open.form.id()))
                        .unwrap_or(open.form.original())
                        .clone();
                    open.form = DefectForm::new(saved);
                }
                self.message = None;
            }
            Message::OpenOrder => {
                if let Some(open) = &self.open {
                    return Request::Show(Place::Order(open.order.clone()));
                }
            }
            Message::PhotoPicked(Picked::Path(file)) => {
                self.typed = None;
                let month = self.open.as_ref().and_then(|open| {
                    let order = ctx.records.orders.iter().find(|o| o.id == open.order)?;
                    Some(order.placed.month_folder())
                });
                if let Some(month) = month {
                    return Request::attach(file, Attachment::Month(month), Message::PhotoAttached);
                }
            }
            Message::PhotoPicked(picked) => {
                if let Some(field) = PathField::after(&picked, PathField::to_open) {
                    self.typed = Some(field);
                    return Request::Focus(file_place::PATH_INPUT.to_owned());
                }
            }
            Message::PhotoPath(message) => match self.typed.as_mut().map(|f| f.update(message)) {
                Some(Taken::Path(file)) => {
                    return self.update(Message::PhotoPicked(Picked::Path(file)), ctx);
                }
                Some(Taken::Cancelled) => self.typed = None,
                Some(Taken::Not) | None => {}
            },
            Message::PhotoAttached(Ok(path)) => {
                if let Some(open) = &mut self.open {
                    open.form.add_photo(path);
                }
            }
            Message::PhotoAttached(Err(error)) | Message::Saved(_, Saved::Failed(error)) => {
                self.tell(error)
            }
            Message::Saved(order, Saved::Done) => self.saved(&order),
            Message::Saved(order, Saved::TookDisk(error)) => {
                // The file on disk won over the edits: show the defect as it is there.
                if let Some((order, defect)) = self
                    .selected()
                    .filter(|(o, _)| *o == order.id)
                    .map(|(o, d)| (o.to_owned(), d.to_owned()))
                {
                    self.open(ctx, &order, &defect);
                }
                if let Some(error) = error {
                    self.tell(error);
                }
            }
        }
        Request::None
    }

    /// Opens another defect; the edited one is saved first, and one that cannot be saved
    /// stays open with what is wrong.
    fn select(&mut self, ctx: &Context, order: String, defect: String) -> Request<Message> {
        if self.selected() == Some((order.as_str(), defect.as_str())) {
            return Request::None;
        }
        let Some(next) = open_of(ctx, &order, &defect) else {
            return Request::None;
        };
        if !self.is_dirty() || ctx.read_only {
            self.message = None;
            self.open = Some(next);
            return Request::None;
        }
        let request = self.save(ctx);
        if matches!(request, Request::Save { .. }) {
            self.pending = Some(next);
        }
        request
    }

    fn edit(&mut self, message: form::Message, ctx: &Context) -> Request<Message> {
        let Some(open) = &mut self.open else {
            return Request::None;
        };
        let adds_why = matches!(message, form::Message::AddWhy);
        let event = open.form.update(message, ctx);
        self.message = None;
        match event {
            form::Event::PickPhoto => Request::pick_file(FileKind::Photo, Message::PhotoPicked),
            form::Event::None if adds_why && !ctx.read_only => open
                .form
                .whys()
                .checked_sub(1)
                .map_or(Request::None, |last| {
                    Request::Focus(form::why_input_id(last))
                }),
            form::Event::None => Request::None,
        }
    }

    /// The order with the open defect as edited, for the app to save; what is wrong, shown
    /// above the form, when it cannot be saved.
    fn save(&mut self, ctx: &Context) -> Request<Message> {
        let Some(open) = &self.open else {
            return Request::None;
        };
        if ctx.read_only {
            self.message = Some(Said::Word(|w| w.read_only));
            return Request::None;
        }
        let defect = match open.form.finish(ctx) {
            Ok(defect) => defect,
            // Said again in the language of the moment it is drawn, of the form as it is.
            Err(_) => {
                self.message = Some(Said::Refused);
                return Request::None;
            }
        };
        let mut order = match ctx.records.orders.iter().find(|o| o.id == open.order) {
            Some(order) => order.clone(),
            None => {
                self.message = Some(Said::Word(|w| w.gone));
                return Request::None;
            }
        };
        // Only the defect itself is replaced: the rest of the order is as on disk now.
        match order.defects.iter_mut().find(|d| d.id == defect.id) {
            Some(slot) => *slot = defect,
            None => {
                self.message = Some(Said::Word(|w| w.gone));
                return Request::None;
            }
        }
        let saved = Box::new(order.clone());
        Request::save(Record::Order(Box::new(order)), move |outcome| {
            Message::Saved(saved, outcome)
        })
    }

    /// The app saved `order`: the screen shows it as saved, then opens the defect that was
    /// picked while the edited one was saved.
    fn saved(&mut self, order: &Order) {
        self.message = None;
        if let Some(open) = &mut self.open
            && open.order == order.id
            && let Some(defect) = order.defects.iter().find(|d| d.id == open.form.id())
        {
            open.form = DefectForm::new(defect.clone());
        }
        if let Some(mut next) = self.pending.take() {
            // Picked from the order just saved: open it as saved, not as it was before.
            if next.order == order.id
                && let Some(defect) = order.defects.iter().find(|d| d.id == next.form.id())
            {
                next.form = DefectForm::new(defect.clone());
            }
            self.open = Some(next);
        }
    }

    /// A save failed; the screen shows why, and the edited defect stays open.
    pub fn tell(&mut self, message: String) {
        self.pending = None;
        self.message = Some(Said::Text(message));
    }

    /// Says, above the defect, that Escape keeps changes that are not saved.
    pub fn keep_on_escape(&mut self) {
        self.pending = None;
        self.message = Some(Said::WindowWord(|words| words.escape_keeps));
    }
}

/// A defect as saved, open in a fresh form.
fn open_of(ctx: &Context, order: &str, defect: &str) -> Option<Open> {
    let found = ctx
        .records
        .orders
        .iter()
        .find(|o| o.id == order)?
        .defects
        .iter()
        .find(|d| d.id == defect)?;
    Some(Open {
        order: order.to_owned(),
        form: DefectForm::new(found.clone()),
    })
}
