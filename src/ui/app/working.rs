//! Lists and figures too big to work out within one frame (the dashboard's on five years
//! of orders): the screen works a slice out after each message and the window sends itself
//! [`Message::Derive`] for the next, so typing and drawing go on between the slices.

use std::time::Duration;

use iced::Task;

use super::{App, Message};

impl App {
    /// Brings what the screen in front derives up to date, as far as a frame allows (with
    /// idle work only in an `idle` turn, one asked for); where work is left, a task that
    /// asks for another turn, unless one is asked already. `spent`: how much of the turn
    /// the message took.
    pub(super) fn derive(&mut self, idle: bool, spent: Duration) -> Task<Message> {
        let seat = self.seat();
        let Some(desk) = self.desk() else {
            return Task::none();
        };
        if !desk.derive(&seat, idle, spent) || desk.derive_asked {
            return Task::none();
        }
        desk.derive_asked = true;
        Task::done(Message::Derive)
    }

    /// The turn asked for has come: `update` works on after this.
    pub(super) fn derive_asked(&mut self) -> Task<Message> {
        if let Some(desk) = self.desk() {
            desk.derive_asked = false;
        }
        Task::none()
    }

    /// Whether a screen is still working something out, a [`Message::Derive`] at a time:
    /// for tests and benchmarks, which send those messages themselves.
    pub fn working_out(&self) -> bool {
        self.phase.desk().is_some_and(|desk| desk.derive_asked)
    }
}
