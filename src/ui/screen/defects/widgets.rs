//! Small widgets the log and the form share: badges and rows of options.

use iced::Element;
use iced::widget::{button, container, text};

use super::words::DefectWords;
use crate::model::DefectState;
use crate::ui::theme::{self, Badge};

/// A small coloured badge.
pub fn badge<'a, M: 'a>(label: impl text::IntoFragment<'a>, kind: Badge) -> Element<'a, M> {
    container(text(label).size(theme::TEXT_SMALL))
        .padding([theme::BADGE_PADDING, theme::SPACE_S])
        .style(theme::badge(kind))
        .into()
}

/// The badge of a defect's state, coloured as the orders screen colours it.
pub fn state_badge<'a, M: 'a>(state: DefectState, words: &'static DefectWords) -> Element<'a, M> {
    let kind = match state {
        DefectState::Open => Badge::Alarm,
        DefectState::Fixed => Badge::Draft,
        DefectState::Verified => Badge::Approved,
    };
    badge(words.state(state), kind)
}

/// One option of a row of options, in a container with `id` so tests can press it.
pub fn option<'a, M: Clone + 'a>(
    content: impl Into<Element<'a, M>>,
    selected: bool,
    message: M,
    id: impl Into<iced::widget::Id>,
) -> Element<'a, M> {
    container(
        button(content)
            .padding([theme::SPACE_XS, theme::SPACE_S])
            .style(theme::choice(selected))
            .on_press(message),
    )
    .id(id)
    .into()
}
