//! A sign-off given on paper, recorded by an owner for someone else with its date: the
//! revision in force that day, `recorded_by` the owner.

use iced::widget::{button, column, container, pick_list, row, text, text_input};
use iced::{Alignment, Element, Length};

use super::{Message, Reading, ReadingWords, Said, shown};
use crate::model::{Date, Signed, in_force_on};
use crate::ui::request::Request;
use crate::ui::screen::{Context, PersonChoice, offered};
use crate::ui::text::fill;
use crate::ui::theme;

/// The widget id around the paper sign-off's pick list of people.
pub const PAPER_PERSON: &str = "paper-person";
/// The widget id of the paper sign-off's date field.
pub const PAPER_DATE: &str = "paper-date";

/// Who signed on paper, and on which day, as typed: empty is today.
#[derive(Debug, Clone, Default)]
pub(super) struct Paper {
    pub person: Option<PersonChoice>,
    pub date: String,
}

impl Reading {
    /// Records the sign-off typed in the paper form, for an owner only.
    pub(super) fn record_paper(&mut self, ctx: &Context<'_>) -> Request<Message> {
        let words = ReadingWords::of(ctx.language);
        let (Some(me), true) = (ctx.me, ctx.is_owner()) else {
            return Request::None;
        };
        let Some(procedure) = self.signable(ctx) else {
            return Request::None;
        };
        let refuse = |reading: &mut Reading, why: String| {
            reading.said = Some(Said::Failed(fill(words.not_signed, &[("why", &why)])));
            Request::None
        };
        let Some(person) = self.paper.person.clone() else {
            return refuse(self, words.paper_pick.to_owned());
        };
        let typed = self.paper.date.trim();
        let on = if typed.is_empty() {
            Ok(ctx.today)
        } else {
            typed.parse::<Date>()
        };
        let Ok(on) = on else {
            return refuse(self, words.paper_bad_date.to_owned());
        };
        if on > ctx.today {
            return refuse(self, words.paper_future.to_owned());
        }
        let Some(revision) = in_force_on(&procedure.changes, on) else {
            return refuse(self, fill(words.paper_before, &[("on", &on.to_string())]));
        };
        let signed = Signed {
            procedure: procedure.id.clone(),
            revision,
            on,
            recorded_by: Some(me.id.clone()),
        };
        self.append(&person.id, signed, procedure, ctx)
    }

    /// The paper sign-off form, for owners.
    pub(super) fn paper_view<'a>(&'a self, ctx: &Context<'a>) -> Option<Element<'a, Message>> {
        if !ctx.is_owner() || ctx.read_only {
            return None;
        }
        shown(ctx.records, self.open.as_deref()?)
            .filter(|p| p.is_approved())
            .map(|_| ())?;
        let words = ReadingWords::of(ctx.language);
        let people = offered(ctx);
        let form = row![
            above(
                words.paper_person,
                container(
                    pick_list(people, self.paper.person.clone(), Message::PaperPerson)
                        .placeholder(words.paper_pick)
                        .width(Length::Fixed(theme::CHECKER_WIDTH))
                )
                .id(PAPER_PERSON)
            ),
            above(
                words.paper_date,
                // Empty is today, which the placeholder shows.
                text_input(&ctx.today.to_string(), &self.paper.date)
                    .id(PAPER_DATE)
                    .on_input(Message::PaperDate)
                    .on_submit(Message::PaperRecord)
                    .width(Length::Fixed(theme::DATE_WIDTH))
            ),
            button(text(words.paper_record))
                .on_press(Message::PaperRecord)
                .style(button::secondary),
        ]
        .spacing(theme::SPACE_M)
        .align_y(Alignment::End)
        .wrap()
        .vertical_spacing(theme::SPACE_S);
        Some(
            column![text(words.paper).size(theme::TEXT_HEADING), form]
                .spacing(theme::SPACE_S)
                .into(),
        )
    }
}

/// A label above a field of its own width (the shared `labelled` fills the row).
fn above<'a>(label: &'a str, field: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    column![
        text(label).size(theme::TEXT_SMALL).style(theme::muted),
        field.into()
    ]
    .spacing(theme::SPACE_XS)
    .into()
}
