//! Reading a procedure as it prints, and signing it: "I have read and understood revision
//! N". The default view of every procedure; "To read" lists what the person signed in is
//! not current on. An owner records here a sign-off given on paper, with its date.

mod marks;
mod paper;
mod view;
mod words;

use std::time::Instant;

pub use marks::{Mark, Since, since};
pub use view::step_view;
pub use words::ReadingWords;

use crate::model::{PinRefused, Procedure, Records, Signed, Standing, Status, Training};
use crate::ui::request::{Record, Request, Saved};
use crate::ui::screen::defects::place;
use crate::ui::screen::{Context, PersonChoice};
use crate::ui::text::fill;
use paper::Paper;

/// The read view: which procedure is open, and the signature being given.
#[derive(Debug, Default)]
pub struct Reading {
    open: Option<String>,
    pin: String,
    refused: Option<PinRefused>,
    said: Option<Said>,
    paper: Paper,
    /// The signature sent to be saved, to name once it is.
    sending: Option<Sending>,
}

/// A line under the signature: how the last one went.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Said {
    Done(String),
    Failed(String),
}

#[derive(Debug, Clone)]
struct Sending {
    name: String,
    signed: Signed,
    title: String,
}

/// What the user did on the read view.
#[derive(Debug, Clone)]
pub enum Message {
    /// Read this procedure.
    Open(String),
    /// Open this procedure in the editor (the app does it).
    Edit(String),
    /// The signer's PIN as typed.
    Pin(String),
    /// "I have read and understood revision N".
    Sign,
    /// A sign-off given on paper: who signed it.
    PaperPerson(PersonChoice),
    /// A sign-off given on paper: the day, as typed.
    PaperDate(String),
    /// Record the sign-off given on paper.
    PaperRecord,
    /// How saving the signature went.
    Saved(Saved),
}

/// The procedures in force, in the revision in force, that `person` is not current on,
/// by title: for someone new, all of them.
pub fn to_read<'a>(records: &'a Records, person: &str) -> Vec<&'a Procedure> {
    let training = records.training.iter().find(|t| t.person == person);
    let mut out: Vec<&Procedure> = place::in_force(records)
        .into_iter()
        .filter(|procedure| !standing(training, procedure).is_current())
        .collect();
    out.sort_by_cached_key(|procedure| procedure.title.to_lowercase());
    out
}

/// Where someone with `training` stands on the revision in force of `procedure`.
pub fn standing(training: Option<&Training>, procedure: &Procedure) -> Standing {
    training.map_or(Standing::Never, |training| {
        training.standing(&procedure.id, &procedure.changes, procedure.revision)
    })
}

/// The revision of `id` a reader sees: the one in force, or a first draft as it is.
fn shown<'a>(records: &'a Records, id: &str) -> Option<&'a Procedure> {
    place::procedure(records, id)
}

impl Reading {
    /// The procedure being read, if any.
    pub fn open_id(&self) -> Option<&str> {
        self.open.as_deref()
    }

    /// Reads `id`, from the top, with nothing typed.
    pub fn open(&mut self, id: &str) {
        if self.open.as_deref() != Some(id) {
            self.said = None;
        }
        self.open = Some(id.to_owned());
        self.pin.clear();
        self.refused = None;
        self.paper = Paper::default();
    }

    /// Leaves the read view: the editor shows.
    pub fn close(&mut self) {
        self.open = None;
        self.pin.clear();
    }

    /// Handles a message; returns what the app should do. `Edit` is the app's to handle.
    pub fn update(&mut self, message: Message, ctx: &Context<'_>) -> Request<Message> {
        match message {
            Message::Open(id) => {
                self.open(&id);
                Request::Scroll {
                    id: view::SCROLL_ID,
                    y: 0.0,
                }
            }
            Message::Edit(_) => Request::None,
            Message::Pin(typed) => {
                self.pin = typed;
                Request::None
            }
            Message::Sign => self.sign(ctx),
            Message::PaperPerson(person) => {
                self.paper.person = Some(person);
                Request::None
            }
            Message::PaperDate(date) => {
                self.paper.date = date;
                Request::None
            }
            Message::PaperRecord => self.record_paper(ctx),
            Message::Saved(saved) => {
                let sending = self.sending.take();
                self.said = match (saved, sending) {
                    (Saved::Done, Some(sent)) => Some(Said::Done(sent.done_words(ctx))),
                    (Saved::Failed(why), _) => Some(Said::Failed(fill(
                        ReadingWords::of(ctx.language).not_signed,
                        &[("why", &why)],
                    ))),
                    _ => None,
                };
                Request::None
            }
        }
    }

    /// Signs the revision in force as the person signed in, with their PIN if they have one.
    fn sign(&mut self, ctx: &Context<'_>) -> Request<Message> {
        let words = ReadingWords::of(ctx.language);
        let Some(me) = ctx.me else {
            self.said = Some(Said::Failed(words.nobody_signed_in.to_owned()));
            return Request::None;
        };
        let Some(procedure) = self.signable(ctx) else {
            return Request::None;
        };
        if let Some(hash) = &me.pin {
            let typed = std::mem::take(&mut self.pin);
            if let Err(refused) = ctx.pins.attempt(&me.id, hash, &typed, Instant::now()) {
                self.refused = Some(refused);
                return Request::None;
            }
        }
        self.refused = None;
        let signed = Signed {
            procedure: procedure.id.clone(),
            revision: procedure.revision,
            on: ctx.today,
            recorded_by: None,
        };
        self.append(&me.id, signed, procedure, ctx)
    }

    /// The procedure open, where it has an approved revision in force to sign.
    fn signable<'a>(&self, ctx: &Context<'a>) -> Option<&'a Procedure> {
        let procedure = shown(ctx.records, self.open.as_deref()?)?;
        let approved = matches!(procedure.status, Status::Approved { .. });
        (approved && !ctx.read_only).then_some(procedure)
    }

    /// Asks the app to append `signed` to `person`'s training file, made if they have none.
    fn append(
        &mut self,
        person: &str,
        signed: Signed,
        procedure: &Procedure,
        ctx: &Context<'_>,
    ) -> Request<Message> {
        let mut training = ctx
            .records
            .training
            .iter()
            .find(|t| t.person == person)
            .cloned()
            .unwrap_or_else(|| Training {
                person: person.to_owned(),
                signed: Vec::new(),
            });
        training.signed.push(signed.clone());
        self.sending = Some(Sending {
            name: ctx.name_of(person),
            signed,
            title: procedure.title.clone(),
        });
        Request::save(Record::Training(Box::new(training)), Message::Saved)
    }
}

impl Sending {
    /// "Signed: revision 3 of Scooping ice cream." or, on paper, who and when.
    fn done_words(&self, ctx: &Context<'_>) -> String {
        let words = ReadingWords::of(ctx.language);
        let rev = self.signed.revision.to_string();
        match &self.signed.recorded_by {
            None => fill(words.just_signed, &[("rev", &rev), ("title", &self.title)]),
            Some(_) => fill(
                words.paper_recorded,
                &[
                    ("name", &self.name),
                    ("rev", &rev),
                    ("on", &self.signed.on.to_string()),
                ],
            ),
        }
    }
}
