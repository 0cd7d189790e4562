//! The defect form's small building blocks: a date field, a pick list of an optional id,
//! the staff as choices, and an error under a field.

use iced::widget::{column, container, pick_list, text, text_input};
use iced::{Element, Length};

use super::{Message, typed_date};
use crate::ui::screen::Context;
use crate::ui::screen::defects::words::DefectWords;
use crate::ui::screen::defects::{Choice, chosen};
use crate::ui::theme;

/// A pick list of a procedure, a step or a person, where "(none)" is allowed.
pub(super) type Pick = Choice<Option<String>>;

pub(super) fn small_error<'a>(error: Option<String>) -> Option<Element<'a, Message>> {
    error.map(|e| {
        text(e)
            .size(theme::TEXT_SMALL)
            .style(theme::error_text)
            .into()
    })
}

/// A narrow date field with its label above and, as typed, what is wrong with it.
pub(super) fn date_field<'a>(
    label: &'static str,
    value: &'a str,
    id: &'static str,
    on_input: fn(String) -> Message,
    words: &'static DefectWords,
) -> Element<'a, Message> {
    column![
        text(label).size(theme::TEXT_SMALL).style(theme::muted),
        text_input(words.date_hint, value)
            .id(id)
            .on_input(on_input)
            .width(theme::DATE_WIDTH),
        small_error(
            typed_date(value)
                .err()
                .map(|()| words.not_a_date.to_owned())
        ),
    ]
    .spacing(theme::SPACE_XS)
    .into()
}

/// "(none)", then everyone on the staff who has not left, and `current` where it names
/// someone who has.
pub(super) fn people(
    ctx: &Context,
    words: &'static DefectWords,
    current: Option<&str>,
) -> Vec<Pick> {
    let none = Choice::new(None, words.none);
    std::iter::once(none)
        .chain(
            crate::ui::screen::offered_or(ctx, current)
                .into_iter()
                .map(|p| Choice {
                    value: Some(p.id),
                    label: p.name,
                }),
        )
        .collect()
}

/// A pick list for an optional id, in a container with `id`.
pub(super) fn pick<'a>(
    choices: Vec<Pick>,
    value: Option<&str>,
    on_pick: fn(Option<String>) -> Message,
    id: &'static str,
) -> Element<'a, Message> {
    let selected = chosen(&choices, value);
    container(
        pick_list(choices, Some(selected), move |c: Pick| on_pick(c.value)).width(Length::Fill),
    )
    .id(id)
    .into()
}
