//! Reading is the default view of a procedure: picking one in the list reads it, and
//! "Edit" in the read view opens the editor on it.

use iced::Task;

use super::{App, Message, Section};
use crate::ui::screen::{editor, procedures, reading};

impl App {
    /// A message of the procedures screen: a procedure picked in the list is read, a new
    /// one is edited.
    pub(super) fn procedures(&mut self, message: procedures::Message) -> Task<Message> {
        let picked = match &message {
            editor::Message::Select(id) => Some(id.clone()),
            _ => None,
        };
        let new = matches!(message, editor::Message::New);
        let task = self.edit(message);
        if let Some(desk) = self.desk() {
            if new {
                desk.reading.close();
            }
            // Picked, and the record edited before saved on the way: read it. Where that
            // save failed, the editor stays on its record with the reason.
            if let Some(id) = picked
                && desk.procedures.selected() == Some(id.as_str())
                && !desk.procedures.is_dirty()
            {
                desk.reading.open(&id);
            }
        }
        task
    }

    /// A message of the read view; "Edit" opens the procedures' editor on the procedure.
    pub(super) fn reading(&mut self, message: reading::Message) -> Task<Message> {
        if let reading::Message::Edit(id) = message {
            if let Some(desk) = self.desk() {
                desk.reading.close();
                desk.section = Section::Procedures;
            }
            return self.edit(editor::Message::Select(id));
        }
        self.ask(Message::Reading, |desk, ctx| {
            desk.reading.update(message, &ctx(&desk.folder))
        })
    }

    /// Hands the procedures' editor a message.
    fn edit(&mut self, message: procedures::Message) -> Task<Message> {
        self.ask(Message::Procedures, |desk, ctx| {
            desk.procedures.update(message, &ctx(&desk.folder))
        })
    }
}
