//! Running a check on an order: the checklist and the checker, then each item as its kind
//! asks. Four eyes and critical items are enforced before the check can be saved.

use iced::Element;
use iced::widget::{button, column, text};

use crate::model::{Check, Defect, Order};
use crate::ui::screen::Context;

/// A check being filled in.
#[derive(Debug, Clone)]
pub struct Runner {
    checklist: Option<String>,
}

/// What the checker did.
#[derive(Debug, Clone)]
pub enum Message {
    Cancel,
}

/// What the runner asks of the orders screen.
#[derive(Debug, Clone)]
pub enum Event {
    /// Nothing.
    None,
    /// Close the runner without saving.
    Cancel,
    /// Move the keyboard focus to the widget with this id.
    Focus(&'static str),
    /// Open a file dialog for a photo of this item; the result goes to
    /// [`Runner::photo_attached`].
    PickPhoto(String),
    /// The check is complete and allowed: save it, then offer each proposed defect.
    Done {
        /// The check, with the checklist revision, checker and time.
        check: Check,
        /// One pre-filled defect per failed item, for the checker to confirm or edit.
        proposals: Vec<Defect>,
    },
}

impl Runner {
    /// A new check of `order`, with the checklist its product most likely needs.
    pub fn new(order: &Order, ctx: &Context) -> Runner {
        let _ = (order, ctx);
        Runner { checklist: None }
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, order: &Order, ctx: &Context) -> Event {
        let _ = (order, ctx, &self.checklist);
        match message {
            Message::Cancel => Event::Cancel,
        }
    }

    /// A photo copied into the workspace for `item`, relative to the workspace.
    pub fn photo_attached(&mut self, item: &str, path: String) {
        let _ = (item, path);
    }

    /// The runner.
    pub fn view<'a>(&'a self, order: &'a Order, ctx: Context<'a>) -> Element<'a, Message> {
        column![
            text(&order.id),
            button(text(ctx.words.cancel)).on_press(Message::Cancel)
        ]
        .into()
    }
}
