//! The defect log across all orders, with filters, and the defect form it opens.

pub mod form;

use iced::Element;

use crate::model::Order;
use crate::ui::screen::{Context, coming};

/// The defect log screen.
#[derive(Debug, Default)]
pub struct Defects {}

/// What the user did on the defect log.
#[derive(Debug, Clone)]
pub enum Message {
    Form(form::Message),
}

/// What the app should do for the screen.
#[derive(Debug)]
pub enum Action {
    /// Nothing.
    None,
    /// Move the keyboard focus to the widget with this id.
    Focus(&'static str),
    /// Save this order, holding the edited defect.
    Save(Box<Order>),
    /// Open a file dialog for a photo; the app answers with [`Defects::photo_attached`].
    PickPhoto,
    /// Show this order on the Orders screen.
    OpenOrder(String),
}

impl Defects {
    /// Handles a message.
    pub fn update(&mut self, message: Message, _ctx: &Context) -> Action {
        match message {
            Message::Form(_) => Action::None,
        }
    }

    /// A photo copied into the workspace for the open defect.
    pub fn photo_attached(&mut self, path: String) {
        let _ = path;
    }

    /// The app saved `order`: the screen shows it as saved.
    pub fn saved(&mut self, order: &Order) {
        let _ = order;
    }

    /// A save failed; the screen shows why.
    pub fn tell(&mut self, message: String) {
        let _ = message;
    }

    /// The screen, filtered by `search`.
    pub fn view<'a>(&'a self, ctx: Context<'a>, search: &'a str) -> Element<'a, Message> {
        let _ = search;
        coming(ctx.words.defects, ctx.words.coming_defects)
    }
}
