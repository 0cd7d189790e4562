//! "Who are you?": the people who have not left, and, for a person with a PIN, the PIN
//! before the window becomes theirs. Five wrong tries in a row make it wait 30 seconds.

use std::time::Instant;

use iced::widget::{Column, button, column, container, row, text, text_input};
use iced::{Alignment, Element, Length};

use super::Message;
use crate::model::{Date, PinGuard, PinRefused, Records, Role, Workspace};
use crate::ui::text::{Language, Text, fill};
use crate::ui::theme;

crate::texts!(SignInWords {
    pin: "Your PIN", "Je pincode";
    sign_in: "That's me", "Dat ben ik";
    cancel: "Cancel", "Annuleren";
    wrong: "That PIN is not right.", "Die pincode klopt niet.";
    wrong_left: "That PIN is not right. {tries} more tries, then a wait of 30 seconds.", "Die pincode klopt niet. Nog {tries} pogingen, dan 30 seconden wachten.";
    wait: "Too many wrong PINs: try again in {seconds} seconds.", "Te vaak een verkeerde pincode: probeer het over {seconds} seconden opnieuw.";
});

/// The id of the PIN field.
pub const PIN_INPUT: &str = "sign-in-pin";

/// What the user did on "Who are you?".
#[derive(Debug, Clone)]
pub enum SignInMessage {
    /// This person, by id.
    Pick(String),
    /// The PIN as typed so far.
    Typed(String),
    /// Take the PIN typed.
    Submit,
    /// Back to the list.
    Cancel,
}

/// Who is being asked for their PIN, and how that went.
#[derive(Debug, Default)]
pub(super) struct SignIn {
    picked: Option<String>,
    typed: String,
    refused: Option<PinRefused>,
}

impl SignIn {
    /// Handles a message; the id of the person the window now belongs to, when that is
    /// settled. `guard` counts wrong tries, shared with every other place a PIN is asked.
    pub fn update(
        &mut self,
        message: SignInMessage,
        workspace: &Workspace,
        guard: &PinGuard,
        now: Instant,
    ) -> Option<String> {
        match message {
            SignInMessage::Pick(id) => {
                let person = workspace.person(&id)?;
                *self = SignIn::default();
                match &person.pin {
                    None => return Some(id),
                    Some(_) => self.picked = Some(id),
                }
            }
            SignInMessage::Typed(typed) => self.typed = typed,
            SignInMessage::Cancel => *self = SignIn::default(),
            SignInMessage::Submit => {
                let id = self.picked.clone()?;
                let hash = workspace.person(&id)?.pin.clone()?;
                let typed = std::mem::take(&mut self.typed);
                match guard.attempt(&id, &hash, &typed, now) {
                    Ok(()) => {
                        *self = SignIn::default();
                        return Some(id);
                    }
                    Err(refused) => self.refused = Some(refused),
                }
            }
        }
        None
    }

    /// The list of people who have not left by `today`, and the PIN field under the one
    /// picked.
    pub fn view<'a>(
        &'a self,
        records: &'a Records,
        today: Date,
        words: &'static Text,
    ) -> Element<'a, Message> {
        let own = SignInWords::of(words.language());
        let mut list = Column::new().spacing(theme::SPACE_S);
        for person in records.workspace.offered(today) {
            let role = match person.role {
                Role::Owner => words.role_owner,
                Role::Staff => words.role_staff,
            };
            list = list.push(
                button(
                    row![
                        text(person.name.as_str()).width(Length::Fill),
                        text(role).style(theme::muted)
                    ]
                    .align_y(Alignment::Center),
                )
                .width(320)
                .padding(theme::SPACE_M)
                .style(button::secondary)
                .on_press(Message::SignIn(SignInMessage::Pick(person.id.clone()))),
            );
            if self.picked.as_deref() == Some(person.id.as_str()) {
                list = list.push(self.pin_view(own, words.language()));
            }
        }
        container(
            column![
                text(&records.workspace.name)
                    .size(theme::TEXT_HEADING)
                    .style(theme::muted),
                text(words.who_are_you).size(theme::TEXT_TITLE),
                text(words.who_are_you_hint).style(theme::muted),
                list
            ]
            .spacing(theme::SPACE_M),
        )
        .center(Length::Fill)
        .into()
    }

    fn pin_view<'a>(&'a self, own: &'static SignInWords, _: Language) -> Element<'a, Message> {
        let refused = self.refused.as_ref().map(|refused| {
            let said = match refused {
                PinRefused::Wrong { tries_left } if *tries_left < 3 => {
                    fill(own.wrong_left, &[("tries", &tries_left.to_string())])
                }
                PinRefused::Wrong { .. } => own.wrong.to_owned(),
                PinRefused::Wait { seconds } => {
                    fill(own.wait, &[("seconds", &seconds.to_string())])
                }
            };
            text(said).size(theme::TEXT_SMALL).style(theme::error_text)
        });
        column![
            row![
                text_input(own.pin, &self.typed)
                    .id(PIN_INPUT)
                    .secure(true)
                    .on_input(|typed| Message::SignIn(SignInMessage::Typed(typed)))
                    .on_submit(Message::SignIn(SignInMessage::Submit))
                    .width(160),
                button(text(own.sign_in))
                    .on_press(Message::SignIn(SignInMessage::Submit))
                    .style(button::primary),
                button(text(own.cancel))
                    .on_press(Message::SignIn(SignInMessage::Cancel))
                    .style(button::text),
            ]
            .spacing(theme::SPACE_S)
            .align_y(Alignment::Center),
            refused,
        ]
        .spacing(theme::SPACE_XS)
        .width(320)
        .into()
    }
}
