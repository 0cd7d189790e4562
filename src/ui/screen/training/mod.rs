//! The training matrix (owners): people who have not left × approved procedures in force,
//! each cell Current, Out of date (with the revision signed) or Never, with filters; a
//! click on a name opens that person's history; printed through the training export.

mod view;
mod words;

use std::path::PathBuf;

pub use view::{PERSON_FILTER, PROCEDURE_FILTER, STATE_FILTER};
pub use words::MatrixWords;

use crate::export::Format;
use crate::model::Standing;
use crate::ui::request::{Picked, Request};
use crate::ui::screen::Context;

/// Which cells show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StateFilter {
    #[default]
    Any,
    Current,
    OutOfDate,
    Never,
}

impl StateFilter {
    /// Whether a cell of this standing shows.
    fn shows(self, standing: Standing) -> bool {
        match self {
            StateFilter::Any => true,
            StateFilter::Current => matches!(standing, Standing::Current { .. }),
            StateFilter::OutOfDate => matches!(standing, Standing::OutOfDate { .. }),
            StateFilter::Never => standing == Standing::Never,
        }
    }
}

/// The matrix screen: its filters, the history open, and how the last save went.
#[derive(Debug, Default)]
pub struct TrainingMatrix {
    person: Option<String>,
    procedure: Option<String>,
    state: StateFilter,
    history: Option<String>,
    said: Option<Result<PathBuf, String>>,
}

/// What the user did on the matrix screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// Show this person only; `None` for everyone.
    Person(Option<String>),
    /// Show this procedure only; `None` for every one.
    Procedure(Option<String>),
    State(StateFilter),
    /// Open this person's history.
    Open(String),
    /// Back from a history to the matrix.
    Back,
    /// Save the printed matrix in this form: ask where first.
    Print(Format),
    /// Where the user chose to save it.
    Placed(Format, Picked),
    /// How writing it went.
    Written(PathBuf, Result<(), String>),
}

impl TrainingMatrix {
    /// Handles a message; returns what the app should do.
    pub fn update(&mut self, message: Message, ctx: &Context<'_>) -> Request<Message> {
        match message {
            Message::Person(person) => self.person = person,
            Message::Procedure(procedure) => self.procedure = procedure,
            Message::State(state) => self.state = state,
            Message::Open(person) => self.history = Some(person),
            Message::Back => self.history = None,
            Message::Print(format) if ctx.is_owner() => {
                let name = format!("training-{}", ctx.today);
                return Request::pick_place(name, format.extension(), move |picked| {
                    Message::Placed(format, picked)
                });
            }
            Message::Print(_) => {}
            Message::Placed(format, Picked::Path(path)) => {
                return match crate::export::training::document(
                    ctx.records,
                    ctx.language,
                    ctx.today,
                    format,
                ) {
                    Ok(bytes) => Request::Write {
                        path: path.clone(),
                        bytes,
                        reply: Box::new(move |written| Message::Written(path, written)),
                    },
                    Err(error) => {
                        self.said = Some(Err(error.to_string()));
                        Request::None
                    }
                };
            }
            Message::Placed(_, Picked::Cancelled) => {}
            Message::Placed(_, Picked::CouldNotOpen(_)) => {
                self.said = Some(Err(MatrixWords::of(ctx.language).no_dialog.to_owned()));
            }
            Message::Written(path, written) => self.said = Some(written.map(|()| path)),
        }
        Request::None
    }
}
