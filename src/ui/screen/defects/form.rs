//! The defect form: category, severity, procedure and step, description, cost, photos,
//! the five-whys ladder and the action. Used from an order and from the defect log.

use iced::Element;
use iced::widget::{column, text, text_input};

use crate::model::Defect;
use crate::ui::screen::Context;

/// A defect open for editing.
#[derive(Debug, Clone)]
pub struct DefectForm {
    original: Defect,
    description: String,
}

/// What the user did in the form.
#[derive(Debug, Clone)]
pub enum Message {
    Description(String),
}

/// What the form asks of the screen holding it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Nothing.
    None,
    /// Open a file dialog for a photo; give the result to [`DefectForm::add_photo`].
    PickPhoto,
}

impl DefectForm {
    /// A form holding `defect`, new (proposed) or as saved.
    pub fn new(defect: Defect) -> Self {
        DefectForm {
            description: defect.description.clone(),
            original: defect,
        }
    }

    /// The defect's id within its order.
    pub fn id(&self) -> &str {
        &self.original.id
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, _ctx: &Context) -> Event {
        match message {
            Message::Description(description) => self.description = description,
        }
        Event::None
    }

    /// A photo copied into the workspace, relative to it.
    pub fn add_photo(&mut self, path: String) {
        let _ = path;
    }

    /// Whether anything differs from the defect the form was opened on.
    pub fn is_changed(&self) -> bool {
        self.description != self.original.description
    }

    /// The defect as filled in, or what must be fixed first, in the user's words.
    pub fn finish(&self, _ctx: &Context) -> Result<Defect, String> {
        Ok(Defect {
            description: self.description.clone(),
            ..self.original.clone()
        })
    }

    /// The form.
    pub fn view<'a>(&'a self, ctx: Context<'a>) -> Element<'a, Message> {
        column![
            text(ctx.words.defects),
            text_input("", &self.description)
                .id("defect-description")
                .on_input(Message::Description)
        ]
        .into()
    }
}
