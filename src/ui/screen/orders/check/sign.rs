//! The checker's signature: where the checker is not the person signed in on this machine
//! and has a PIN, they type it at "Save check", so four eyes are two people, not a name
//! picked from a list.

use std::time::Instant;

use iced::widget::{column, text, text_input};
use iced::{Element, Length};

use super::{CheckWords, Message};
use crate::model::PinRefused;
use crate::ui::screen::Context;
use crate::ui::text::fill;
use crate::ui::theme;

/// The widget id of the checker's PIN field.
pub const CHECKER_PIN: &str = "checker-pin";

/// The PIN typed for the checker, and how the last try went.
#[derive(Debug, Clone, Default)]
pub(super) struct Signature {
    typed: String,
    refused: Option<PinRefused>,
}

impl Signature {
    /// The PIN as typed so far.
    pub fn type_pin(&mut self, typed: String) {
        self.typed = typed;
    }

    /// Whether the check may be saved as done by `checker`: yes when they are the person
    /// signed in or have no PIN; otherwise when the PIN typed is theirs. What was typed is
    /// not kept either way.
    pub fn signs(&mut self, checker: &str, ctx: &Context, now: Instant) -> bool {
        let Some(hash) = pin_of(checker, ctx) else {
            return true;
        };
        let typed = std::mem::take(&mut self.typed);
        match ctx.pins.attempt(checker, hash, &typed, now) {
            Ok(()) => {
                self.refused = None;
                true
            }
            Err(refused) => {
                self.refused = Some(refused);
                false
            }
        }
    }

    /// The field for the checker's PIN, when one is asked for.
    pub fn view<'a>(
        &'a self,
        checker: &str,
        ctx: &Context<'a>,
        words: &'static CheckWords,
    ) -> Option<Element<'a, Message>> {
        pin_of(checker, ctx)?;
        let name = ctx.name_of(checker);
        let refused = self.refused.map(|refused| {
            let said = match refused {
                PinRefused::Wrong { .. } => fill(words.wrong_pin, &[("checker", &name)]),
                PinRefused::Wait { seconds } => {
                    fill(words.pin_wait, &[("seconds", &seconds.to_string())])
                }
            };
            text(said).size(theme::TEXT_SMALL).style(theme::error_text)
        });
        let field = text_input(&fill(words.checker_pin, &[("checker", &name)]), &self.typed)
            .id(CHECKER_PIN)
            .secure(true)
            .on_input(Message::Pin)
            .on_submit(Message::Save)
            .width(Length::Fixed(theme::CHECKER_WIDTH));
        Some(
            column![
                text(fill(words.checker_signs, &[("checker", &name)]))
                    .size(theme::TEXT_SMALL)
                    .style(theme::muted),
                field,
                refused,
            ]
            .spacing(theme::SPACE_XS)
            .into(),
        )
    }
}

/// The PIN hash of `checker`, where a PIN is asked for them: they have one and are not the
/// person signed in on this machine.
fn pin_of<'a>(checker: &str, ctx: &Context<'a>) -> Option<&'a str> {
    if ctx.me.is_some_and(|me| me.id == checker) {
        return None;
    }
    ctx.records.workspace.person(checker)?.pin.as_deref()
}
