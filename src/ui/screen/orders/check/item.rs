//! One checklist item as the checker answers it: the prompt as written, a critical
//! badge, the control its kind asks for, its photos, and a mark when it holds up the save.

use iced::widget::{
    Column, Row, button, column, container, pick_list, row, space, text, text_input,
};
use iced::{Alignment, Element, Length, Theme};

use super::{Answer, CheckWords, Given, Message, Runner, Tick, measure_id, text_id};
use crate::model::{Checklist, Item, ItemKind, Number, Outcome, Step};
use crate::ui::screen::Context;
use crate::ui::screen::photos::thumbnail;
use crate::ui::screen::procedures::standard;
use crate::ui::text::{Language, fill};
use crate::ui::theme::{self, Badge};

type ButtonStyle = fn(&Theme, button::Status) -> button::Style;

impl Runner {
    pub(super) fn item_view<'a>(
        &'a self,
        n: usize,
        item: &'a Item,
        flagged: bool,
        words: &'static CheckWords,
        language: Language,
    ) -> Element<'a, Message> {
        let id = item.id.as_str();
        let entry = self.entries.get(id);
        let answer = entry.map_or(&Answer::Open, |e| &e.answer);
        let critical = item.critical.then(|| {
            container(text(words.critical).size(theme::TEXT_SMALL))
                .padding([theme::BADGE_PADDING, theme::SPACE_S])
                .style(theme::badge(Badge::Alarm))
        });
        // The photo button sits beside the prompt, whose words wrap, so the answer's
        // controls below keep the whole width in a small window.
        let photo = container(
            button(text(words.add_photo).size(theme::TEXT_SMALL))
                .on_press(Message::AddPhoto(id.to_owned()))
                .style(button::secondary),
        )
        .id(format!("photo-{id}"));
        let head = row![
            text(format!("{}.", n + 1)).style(theme::muted),
            text(&item.prompt).width(Length::Fill),
            photo,
            critical,
        ]
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center);

        let control = match &item.kind {
            ItemKind::Tick => tick_row(id, answer, words),
            ItemKind::Measure { unit, min, max } => {
                self.measure_row(item, answer, (unit, *min, *max), words, language)
            }
            ItemKind::Choice { options, pass } => choice_row(id, answer, options, pass, words),
            ItemKind::Text => text_row(id, answer, words),
        };
        let photos = entry
            .filter(|e| !e.photos.is_empty())
            .map(|e| photo_list(id, &e.photos, words));
        let body = column![
            head,
            control,
            photos,
            flagged.then(|| text(words.answer_this)
                .size(theme::TEXT_SMALL)
                .style(theme::error_text)),
        ]
        .spacing(theme::SPACE_S);
        let style = if flagged {
            theme::error_box
        } else if item.critical {
            theme::critical_box
        } else {
            theme::row_box
        };
        container(body)
            .padding(theme::SPACE_S)
            .width(Length::Fill)
            .style(style)
            .into()
    }

    /// A measured value: the number typed, its bounds and whether it is within them.
    fn measure_row<'a>(
        &'a self,
        item: &'a Item,
        answer: &'a Answer,
        (unit, min, max): (&'a str, Option<Number>, Option<Number>),
        words: &'static CheckWords,
        language: Language,
    ) -> Element<'a, Message> {
        let id = item.id.as_str();
        let typed = typed_of(answer);
        let input = text_input(words.value, typed)
            .id(measure_id(id))
            .on_input(move |v| Message::Typed(id.to_owned(), v))
            .on_submit(Message::Submit(id.to_owned()))
            .width(theme::NUMBER_WIDTH);
        let bounds = text(bounds_words(unit, min, max, words, language)).style(theme::muted);
        let status = match (self.given(item), min.or(max)) {
            (Given::NotANumber, _) => Some(text(words.not_a_number).style(theme::error_text)),
            (Given::Answer(Outcome::Value(value)), Some(_)) => {
                Some(if item.kind.accepts_value(value) {
                    text(words.in_bounds).style(theme::ok_text)
                } else {
                    text(words.out_of_bounds).style(theme::error_text)
                })
            }
            _ => None,
        };
        with_not_applicable(
            [input.into(), bounds.into(), status.into()],
            id,
            answer,
            words,
        )
    }
}

/// An answer's controls, then, at the far end, its not-applicable button.
fn with_not_applicable<'a, const N: usize>(
    controls: [Element<'a, Message>; N],
    id: &'a str,
    answer: &Answer,
    words: &'static CheckWords,
) -> Element<'a, Message> {
    Row::with_children(controls)
        .push(space::horizontal())
        .push(na_button(id, answer, words))
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center)
        .into()
}

/// A pick from the item's options, and whether the pick passes.
fn choice_row<'a>(
    id: &'a str,
    answer: &'a Answer,
    options: &'a [String],
    pass: &'a [String],
    words: &'static CheckWords,
) -> Element<'a, Message> {
    let picked = match answer {
        Answer::Chosen(option) if options.contains(option) => Some(option),
        _ => None,
    };
    // As wide as an option needs, narrower when the window is.
    let list = container(
        pick_list(options, picked, move |o| Message::Chosen(id.to_owned(), o))
            .placeholder(words.pick_option)
            .width(Length::Fill),
    )
    .max_width(theme::CHOICE_WIDTH)
    .width(Length::FillPortion(4))
    .id(format!("choice-{id}"));
    let status = picked.map(|option| {
        if pass.contains(option) {
            text(words.passes).style(theme::ok_text)
        } else {
            text(words.fails).style(theme::error_text)
        }
    });
    with_not_applicable([list.into(), status.into()], id, answer, words)
}

/// A line of free text.
fn text_row<'a>(
    id: &'a str,
    answer: &'a Answer,
    words: &'static CheckWords,
) -> Element<'a, Message> {
    let input = text_input(words.write_here, typed_of(answer))
        .id(text_id(id))
        .on_input(move |v| Message::Typed(id.to_owned(), v))
        .on_submit(Message::Submit(id.to_owned()))
        .width(Length::Fill);
    row![input, na_button(id, answer, words)]
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center)
        .into()
}

/// The procedure step `item` verifies, if it names one of its checklist's procedure.
pub(super) fn step_of<'a>(
    checklist: &Checklist,
    item: &Item,
    ctx: &Context<'a>,
) -> Option<&'a Step> {
    let step = item.step.as_deref()?;
    let procedure = checklist.procedure.as_deref()?;
    let procedure = ctx.records.procedures.iter().find(|p| p.id == procedure)?;
    procedure.steps.iter().find(|s| s.id == step)
}

/// The step an item verifies, shown with it: its text, its standard and its photos, so the
/// checker sees what right looks like.
pub(super) fn step_card<'a>(step: &'a Step, ctx: &Context<'a>) -> Element<'a, Message> {
    let words = ctx.words;
    let mut photos = Row::new().spacing(theme::SPACE_XS);
    for path in &step.photos {
        photos = photos.push(thumbnail(&ctx.photos, path, words.photo_missing));
    }
    let body = column![
        text(words.right_looks_like)
            .size(theme::TEXT_SMALL)
            .style(theme::muted),
        text(&step.text).size(theme::TEXT_SMALL),
        step.spec
            .as_ref()
            .map(|spec| text(standard(spec)).size(theme::TEXT_SMALL)),
        (!step.photos.is_empty()).then_some(photos),
    ]
    .spacing(theme::SPACE_XS);
    container(body)
        .padding([theme::SPACE_S, theme::SPACE_L])
        .width(Length::Fill)
        .style(theme::row_box)
        .into()
}

/// Pass / Fail / Not applicable, the given one highlighted.
fn tick_row<'a>(id: &'a str, answer: &Answer, words: &'static CheckWords) -> Element<'a, Message> {
    let choice =
        |label: &'static str, tick: Tick, prefix: &str, selected: bool, on: ButtonStyle| {
            container(
                button(text(label))
                    .on_press(Message::Tick(id.to_owned(), tick))
                    .style(if selected { on } else { button::secondary }),
            )
            .id(format!("{prefix}-{id}"))
        };
    row![
        choice(
            words.pass,
            Tick::Pass,
            "pass",
            *answer == Answer::Pass,
            button::success
        ),
        choice(
            words.fail,
            Tick::Fail,
            "fail",
            *answer == Answer::Fail,
            button::danger
        ),
        choice(
            words.not_applicable,
            Tick::NotApplicable,
            "na",
            *answer == Answer::NotApplicable,
            button::primary
        ),
        space::horizontal(),
    ]
    .spacing(theme::SPACE_S)
    .align_y(Alignment::Center)
    .into()
}

/// The small Not applicable toggle of a measure, choice or text item.
fn na_button<'a>(id: &'a str, answer: &Answer, words: &'static CheckWords) -> Element<'a, Message> {
    let on = *answer == Answer::NotApplicable;
    container(
        button(text(words.not_applicable).size(theme::TEXT_SMALL))
            .on_press(Message::NotApplicable(id.to_owned()))
            .style(if on { button::primary } else { button::text }),
    )
    .id(format!("na-{id}"))
    .into()
}

fn photo_list<'a>(
    id: &'a str,
    photos: &'a [String],
    words: &'static CheckWords,
) -> Element<'a, Message> {
    let mut list = Column::new().spacing(theme::SPACE_XS);
    for (n, path) in photos.iter().enumerate() {
        let name = path.rsplit('/').next().unwrap_or(path);
        list = list.push(
            row![
                text(name).size(theme::TEXT_SMALL),
                button(text(words.remove).size(theme::TEXT_SMALL))
                    .on_press(Message::RemovePhoto(id.to_owned(), n))
                    .style(button::text),
            ]
            .spacing(theme::SPACE_S)
            .align_y(Alignment::Center),
        );
    }
    list.into()
}

fn typed_of(answer: &Answer) -> &str {
    match answer {
        Answer::Typed(typed) => typed,
        _ => "",
    }
}

/// "60–70 g", "3 slices", "at least 60 g", "at most 70 g", or just the unit.
fn bounds_words(
    unit: &str,
    min: Option<Number>,
    max: Option<Number>,
    words: &'static CheckWords,
    language: Language,
) -> String {
    let shown = |n: Number| match language {
        Language::Nl => n.to_string().replace('.', ","),
        Language::En => n.to_string(),
    };
    let line = match (min, max) {
        // A count that must be exact: "3 slices", not "3–3 slices".
        (Some(min), Some(max)) if min == max => format!("{} {unit}", shown(min)),
        (Some(min), Some(max)) => format!("{}\u{2013}{} {unit}", shown(min), shown(max)),
        (Some(min), None) => fill(words.at_least, &[("min", &shown(min)), ("unit", unit)]),
        (None, Some(max)) => fill(words.at_most, &[("max", &shown(max)), ("unit", unit)]),
        (None, None) => unit.to_owned(),
    };
    line.trim().to_owned()
}
