//! The dashboard's panels: the figure tiles, the trends, what needs attention, and the
//! defects behind a figure.

use iced::widget::{Column, Row, button, canvas, column, container, row, text};
use iced::{Alignment, Element, Length};

use super::charts::Trend;
use super::view::{percent, section, tile};
use super::words::DashboardWords;
use super::{Message, Picked};
use crate::analysis::{DefectRef, Figures};
use crate::model::{Language, category_name, counted, plural};
use crate::ui::screen::Context;
use crate::ui::text::fill;
use crate::ui::theme;

pub(super) fn tiles<'a>(
    figures: &'a Figures,
    words: &'static DashboardWords,
    language: Language,
    room: theme::Room,
) -> Element<'a, Message> {
    let over = figures
        .contacts_per_order
        .is_some_and(|c| c > figures.contacts_per_order_alarm);
    let alarm = fill(
        words.alarm_at,
        &[("alarm", &language.number(figures.contacts_per_order_alarm))],
    );
    let tiles: [Element<'a, Message>; 6] = [
        tile(words.orders, figures.orders.to_string(), None, false),
        tile(
            words.right_first_time,
            percent(figures.right_first_time),
            Some(format!("{} / {}", figures.right_first, figures.orders)),
            false,
        ),
        tile(
            words.contacts_per_order,
            figures
                .contacts_per_order
                .map_or_else(|| "–".to_owned(), |c| language.decimal(c, 2)),
            Some(alarm),
            over,
        ),
        tile(words.defects, figures.defects.to_string(), None, false),
        button(tile(
            words.escapes,
            figures.escapes.to_string(),
            None,
            figures.escapes > 0,
        ))
        .padding(0)
        .style(button::text)
        .on_press(Message::Pick(Picked::Escapes))
        .into(),
        tile(words.cost, language.euros(figures.cost_cents), None, false),
    ];
    // In a small window the six cards take two rows, so each keeps room for its figure.
    let per_row = if room == theme::Room::Narrow { 3 } else { 6 };
    let mut rows = Column::new().spacing(theme::SPACE_M);
    let mut tiles = tiles.into_iter().peekable();
    while tiles.peek().is_some() {
        rows = rows.push(Row::with_children(tiles.by_ref().take(per_row)).spacing(theme::SPACE_M));
    }
    rows.into()
}

pub(super) fn trends<'a>(
    figures: &'a Figures,
    words: &'static DashboardWords,
    language: Language,
) -> Element<'a, Message> {
    let label = |week: &crate::analysis::Week| format!("{}", week.iso_week);
    let rft = Trend {
        points: figures
            .weeks
            .iter()
            .map(|w| (label(w), w.right_first_time.map(|v| v * 100.0)))
            .collect(),
        max: 100.0,
        alarm: None,
        higher_is_worse: false,
        format: |v, _| format!("{v:.0}%"),
        language,
    };
    let highest = figures
        .weeks
        .iter()
        .filter_map(|w| w.contacts_per_order)
        .fold(figures.contacts_per_order_alarm, f64::max);
    let contacts = Trend {
        points: figures
            .weeks
            .iter()
            .map(|w| (label(w), w.contacts_per_order))
            .collect(),
        max: (highest * 1.2).max(0.5),
        alarm: Some(figures.contacts_per_order_alarm),
        higher_is_worse: true,
        format: |v, language| language.decimal(v, 1),
        language,
    };
    column![
        section(
            words.weekly_rft,
            None,
            canvas(rft)
                .width(Length::Fill)
                .height(theme::CHART_HEIGHT / 2.0 + 30.0)
        ),
        section(
            words.weekly_contacts,
            None,
            canvas(contacts)
                .width(Length::Fill)
                .height(theme::CHART_HEIGHT / 2.0 + 30.0)
        ),
    ]
    .spacing(theme::SPACE_M)
    .width(Length::Fill)
    .into()
}

/// "Does reading the procedure matter?": defects per 100 orders made by someone current on
/// the order's procedures that day, beside those made by someone who was not, with the
/// counts behind each.
pub(super) fn reading<'a>(
    figures: &'a Figures,
    words: &'static DashboardWords,
    language: Language,
) -> Element<'a, Message> {
    let quality = &figures.training_quality;
    let group = |label: &'static str, group: crate::analysis::Group, alarm: bool| {
        let orders = counted(group.orders, words.orders_one, words.orders_many);
        let counts = fill(
            words.reading_counts,
            &[("defects", &group.defects.to_string()), ("orders", &orders)],
        );
        tile(
            label,
            group
                .per_100
                .map_or_else(|| words.none.to_owned(), |v| language.decimal(v, 1)),
            Some(format!("{} · {counts}", words.per_100)),
            alarm,
        )
    };
    let worse = match (quality.current.per_100, quality.not_current.per_100) {
        (Some(current), Some(not)) => not > current,
        _ => false,
    };
    let unjudged = (quality.unjudged > 0).then(|| {
        text(fill(
            plural(
                quality.unjudged,
                words.reading_unjudged_one,
                words.reading_unjudged,
            ),
            &[("count", &quality.unjudged.to_string())],
        ))
        .size(theme::TEXT_SMALL)
        .style(theme::muted)
    });
    section(
        words.reading,
        Some(words.reading_hint.to_owned()),
        column![
            row![
                group(words.maker_current, quality.current, false),
                group(words.maker_not_current, quality.not_current, worse),
            ]
            .spacing(theme::SPACE_M),
            unjudged,
        ]
        .spacing(theme::SPACE_S),
    )
}

/// What needs someone's attention: orders over the alarm, training gaps, overdue reviews.
pub(super) fn attention<'a>(
    figures: &'a Figures,
    ctx: Context<'a>,
    words: &'static DashboardWords,
) -> Element<'a, Message> {
    let mut orders = row![].spacing(theme::SPACE_XS);
    for id in &figures.orders_over_alarm {
        orders = orders.push(
            button(text(id).size(theme::TEXT_SMALL))
                .style(button::secondary)
                .on_press(Message::OpenOrder(id.clone())),
        );
    }
    let mut training = Column::new().spacing(2);
    for gap in &figures.training_gaps {
        let procedure = ctx
            .records
            .procedure(&gap.procedure)
            .map_or(gap.procedure.as_str(), |p| p.title.as_str());
        let signed = gap
            .signed_revision
            .map_or_else(|| words.never.to_owned(), |r| r.to_string());
        training = training.push(
            text(fill(
                words.training_line,
                &[
                    ("person", &ctx.name_of(&gap.person)),
                    ("procedure", procedure),
                    ("current", &gap.current_revision.to_string()),
                    ("signed", &signed),
                ],
            ))
            .size(theme::TEXT_SMALL),
        );
    }
    let mut reviews = Column::new().spacing(2);
    for id in &figures.reviews_overdue {
        let procedure = ctx.records.procedure(id);
        let line = match procedure.and_then(|p| p.review_by.map(|d| (p, d))) {
            Some((p, due)) => format!("{} ({due})", p.title),
            None => id.clone(),
        };
        reviews = reviews.push(
            button(text(line).size(theme::TEXT_SMALL))
                .style(button::text)
                .padding(0)
                .on_press(Message::OpenProcedure(id.clone())),
        );
    }
    let empty = |list: bool| {
        list.then(|| {
            text(words.all_clear)
                .size(theme::TEXT_SMALL)
                .style(theme::muted)
        })
    };
    row![
        section(
            words.over_alarm,
            None,
            column![empty(figures.orders_over_alarm.is_empty()), orders.wrap()]
        ),
        section(
            words.training,
            None,
            column![empty(figures.training_gaps.is_empty()), training]
        ),
        section(
            words.reviews,
            None,
            column![empty(figures.reviews_overdue.is_empty()), reviews]
        ),
    ]
    .spacing(theme::SPACE_M)
    .into()
}

/// The defects of a fix's step before and after it was done.
pub(super) fn fix_defects<'a>(
    fix: &'a crate::analysis::Fix,
    ctx: Context<'a>,
    words: &'static DashboardWords,
) -> Element<'a, Message> {
    let part = |title: &'static str, references: &'a [DefectRef]| {
        let list: Element<'a, Message> = if references.is_empty() {
            text(words.none_found)
                .size(theme::TEXT_SMALL)
                .style(theme::muted)
                .into()
        } else {
            defect_rows(references, ctx, words).into()
        };
        column![text(title).size(theme::TEXT_SMALL), list].spacing(theme::SPACE_XS)
    };
    container(
        column![
            part(words.before_defects, &fix.before),
            part(words.after_defects, &fix.after)
        ]
        .spacing(theme::SPACE_S),
    )
    .padding(theme::SPACE_M)
    .width(Length::Fill)
    .style(theme::warning_box)
    .into()
}

/// At most this many defects are listed under a bar or a cause; the rest are counted.
const DEFECT_ROWS: usize = 50;

/// One line per defect (found, order, category, description, "Open"), the first
/// [`DEFECT_ROWS`] of them: finding each one's order walks the orders.
pub(super) fn defect_rows<'a>(
    references: &'a [DefectRef],
    ctx: Context<'a>,
    words: &'static DashboardWords,
) -> Column<'a, Message> {
    let mut list = Column::new().spacing(theme::LIST_GAP);
    for reference in references.iter().take(DEFECT_ROWS) {
        let Some((order, defect)) = reference.find(ctx.records) else {
            continue;
        };
        list = list.push(
            row![
                text(defect.found.to_string())
                    .size(theme::TEXT_SMALL)
                    .style(theme::muted),
                text(&order.id).size(theme::TEXT_SMALL),
                text(category_name(&defect.category, ctx.language)).size(theme::TEXT_SMALL),
                text(&defect.description)
                    .size(theme::TEXT_SMALL)
                    .width(Length::Fill),
                button(text(words.open).size(theme::TEXT_SMALL))
                    .style(button::secondary)
                    .on_press(Message::OpenDefect(reference.clone())),
            ]
            .spacing(theme::SPACE_S)
            .align_y(Alignment::Center),
        );
    }
    if references.len() > DEFECT_ROWS {
        list = list.push(
            text(fill(
                words.more_defects,
                &[("count", &(references.len() - DEFECT_ROWS).to_string())],
            ))
            .size(theme::TEXT_SMALL)
            .style(theme::muted),
        );
    }
    list
}
