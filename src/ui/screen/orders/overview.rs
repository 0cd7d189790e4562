//! An order at a glance: its checks with their answers, its defects and its contacts.

use iced::widget::{Column, button, column, container, row, space, text};
use iced::{Alignment, Element, Length};

use super::contact::channel_name;
use super::view::{badge, heading};
use super::words::{OrderWords, state_badge};
use super::{Message, RecordFormat, files};
use crate::model::{Check, Defect, DefectState, ItemKind, ItemVerdict, Order, Outcome};
use crate::model::{category_name, plural};
use crate::ui::screen::Context;
use crate::ui::screen::file_place::PlaceWords;
use crate::ui::text::fill;
use crate::ui::theme::{self, Badge};

pub(super) fn overview<'a>(
    order: &'a Order,
    ctx: Context<'a>,
    words: &'static OrderWords,
) -> Element<'a, Message> {
    let actions = actions(ctx, words);

    let mut checks = column![heading(words.checks)].spacing(theme::SPACE_S);
    if order.checks.is_empty() {
        checks = checks.push(text(words.no_checks).style(theme::muted));
    }
    for check in &order.checks {
        checks = checks.push(check_card(order, check, ctx, words));
    }

    let mut defects = column![heading(words.defects)].spacing(theme::SPACE_S);
    if order.defects.is_empty() {
        defects = defects.push(text(words.no_defects).style(theme::muted));
    }
    for defect in &order.defects {
        defects = defects.push(defect_entry(defect, ctx, words));
    }

    let contacts = contacts(order, ctx, words);
    column![actions, checks, defects, contacts]
        .spacing(theme::SPACE_L)
        .into()
}

/// What can be done with the order: run a check, log a defect or contact, print its record.
fn actions<'a>(ctx: Context<'a>, words: &'static OrderWords) -> Element<'a, Message> {
    let act = |label: &'static str, message: Message, primary: bool| {
        button(text(label))
            .on_press_maybe((!ctx.read_only).then_some(message))
            .style(if primary {
                button::primary
            } else {
                button::secondary
            })
    };
    row![
        act(words.run_check, Message::StartCheck, true),
        act(words.log_defect, Message::NewDefect, false),
        act(words.log_contact, Message::LogContact, false),
        button(text(words.record_pdf).size(theme::TEXT_SMALL))
            .on_press(Message::Files(files::Message::Record(RecordFormat::Pdf)))
            .style(button::text),
        button(text(words.record_html).size(theme::TEXT_SMALL))
            .on_press(Message::Files(files::Message::Record(RecordFormat::Html)))
            .style(button::text),
        button(text(PlaceWords::of(ctx.language).record_to_path).size(theme::TEXT_SMALL))
            .on_press(Message::Files(files::Message::TypeRecord))
            .style(button::text),
    ]
    .spacing(theme::SPACE_S)
    .align_y(Alignment::Center)
    .wrap()
    .vertical_spacing(theme::SPACE_S)
    .into()
}

/// The contacts with the customer, with their count against the alarm.
fn contacts<'a>(
    order: &'a Order,
    ctx: Context<'a>,
    words: &'static OrderWords,
) -> Column<'a, Message> {
    let alarm = ctx.records.workspace.contacts_per_order_alarm;
    let over = order.over_alarm(alarm);
    let count = text(fill(
        plural(
            order.contacts.len(),
            words.contact_count_one,
            words.contact_count,
        ),
        &[
            ("count", &order.contacts.len().to_string()),
            ("alarm", &ctx.language.number(alarm.get())),
        ],
    ))
    .size(theme::TEXT_SMALL)
    .style(if over {
        theme::error_text
    } else {
        theme::muted
    });
    let mut contacts = column![
        row![
            heading(words.contacts),
            over.then(|| badge(words.over_alarm, Badge::Alarm))
        ]
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center),
        count
    ]
    .spacing(theme::SPACE_S);
    if order.contacts.is_empty() {
        contacts = contacts.push(text(words.no_contacts).style(theme::muted));
    }
    for contact in &order.contacts {
        let mut line = format!(
            "{} · {} · {}",
            contact.at.readable(),
            channel_name(contact.channel, words),
            ctx.name_of(&contact.by)
        );
        if contact.apology {
            line.push_str(&format!(" · {}", words.apologised));
        }
        contacts = contacts.push(
            container(
                column![
                    text(line).size(theme::TEXT_SMALL).style(theme::muted),
                    text(&contact.about)
                ]
                .spacing(2),
            )
            .padding(theme::SPACE_S)
            .width(Length::Fill)
            .style(theme::row_box),
        );
    }
    contacts
}

fn check_card<'a>(
    order: &'a Order,
    check: &'a Check,
    ctx: Context<'a>,
    words: &'static OrderWords,
) -> Element<'a, Message> {
    let _ = order;
    let checklist = ctx
        .records
        .checklist_revision(&check.checklist, check.revision);
    let title = checklist.map_or(check.checklist.as_str(), |c| c.title.as_str());
    let revision = fill(
        words.revision_short,
        &[("revision", &check.revision.to_string())],
    );
    let by = fill(
        words.by_at,
        &[
            ("who", &ctx.name_of(&check.checked_by)),
            ("at", &check.at.readable()),
        ],
    );
    let mut card = column![].spacing(theme::SPACE_XS);
    let verdict = checklist.map(|checklist| check.outcome(checklist));
    card = card.push(
        row![
            text(title).size(theme::TEXT),
            text(revision).size(theme::TEXT_SMALL).style(theme::muted),
            space::horizontal(),
            verdict.as_ref().map(|v| {
                let (state, kind) = state_badge(v.state(), words);
                badge(state, kind)
            })
        ]
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center),
    );
    card = card.push(text(by).size(theme::TEXT_SMALL).style(theme::muted));
    if let (Some(checklist), Some(verdict)) = (checklist, &verdict) {
        for (item, (_, judged, critical)) in checklist.items.iter().zip(&verdict.items) {
            let answer = check
                .results
                .iter()
                .find(|r| r.item == item.id)
                .map(|r| answer_text(&r.outcome, &item.kind, words))
                .unwrap_or_else(|| words.item_missing.to_owned());
            let (mark, style): (&str, fn(&iced::Theme) -> text::Style) = match judged {
                ItemVerdict::Passed => (words.item_pass, theme::ok_text),
                ItemVerdict::Failed => (words.item_fail, theme::error_text),
                ItemVerdict::NotApplicable => (words.item_na, theme::muted),
                ItemVerdict::Missing if *critical => (words.item_missing, theme::error_text),
                ItemVerdict::Missing => (words.item_missing, theme::muted),
            };
            card = card.push(
                row![
                    text(if *critical {
                        format!("{} *", item.prompt)
                    } else {
                        item.prompt.clone()
                    })
                    .size(theme::TEXT_SMALL)
                    .width(Length::Fill),
                    text(answer).size(theme::TEXT_SMALL),
                    text(mark)
                        .size(theme::TEXT_SMALL)
                        .style(style)
                        .width(theme::NUMBER_WIDTH),
                ]
                .spacing(theme::SPACE_S),
            );
        }
    }
    container(card)
        .padding(theme::SPACE_S)
        .width(Length::Fill)
        .style(theme::card)
        .into()
}

/// An answer as the checker would read it: "58 g", "golden", "pass".
fn answer_text(outcome: &Outcome, kind: &ItemKind, words: &OrderWords) -> String {
    match (outcome, kind) {
        (Outcome::Value(value), ItemKind::Measure { unit, .. }) => format!("{value} {unit}"),
        (Outcome::Value(value), _) => value.to_string(),
        (Outcome::Chosen(choice), _) => choice.to_string(),
        (Outcome::Text(text), _) => text.clone(),
        (Outcome::Pass, _) => words.item_pass.to_owned(),
        (Outcome::Fail, _) => words.item_fail.to_owned(),
        (Outcome::NotApplicable, _) => words.item_na.to_owned(),
    }
}

fn defect_entry<'a>(
    defect: &'a Defect,
    ctx: Context<'a>,
    words: &'static OrderWords,
) -> Element<'a, Message> {
    let (state, kind) = match defect.state() {
        DefectState::Open => (words.state_open, Badge::Alarm),
        DefectState::Fixed => (words.state_fixed, Badge::Draft),
        DefectState::Verified => (words.state_verified, Badge::Approved),
    };
    let place = crate::ui::screen::defects::place::place(
        ctx.records,
        defect.procedure.as_deref(),
        defect.step.as_deref(),
    );
    let overdue = defect
        .is_overdue(ctx.today)
        .then(|| badge(words.overdue, Badge::Alarm));
    button(
        column![
            row![
                text(&defect.id).size(theme::TEXT_SMALL).style(theme::muted),
                text(category_name(&defect.category, ctx.language)).size(theme::TEXT_SMALL),
                text(match defect.severity {
                    crate::model::Severity::Minor => words.minor,
                    crate::model::Severity::Major => words.major,
                    crate::model::Severity::Critical => words.critical,
                })
                .size(theme::TEXT_SMALL),
                text(place).size(theme::TEXT_SMALL).style(theme::muted),
                space::horizontal(),
                overdue,
                badge(state, kind),
            ]
            .spacing(theme::SPACE_S)
            .align_y(Alignment::Center),
            text(&defect.description),
        ]
        .spacing(theme::SPACE_XS),
    )
    .width(Length::Fill)
    .padding(theme::SPACE_S)
    .style(theme::nav(false))
    .on_press(Message::OpenDefect(defect.id.clone()))
    .into()
}
