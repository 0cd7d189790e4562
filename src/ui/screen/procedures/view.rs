//! What a procedure's own part of the editor looks like: its fields and steps, and an
//! archived revision.

use iced::widget::{Column, Row, button, column, container, pick_list, row, text, text_input};
use iced::{Alignment, Element, Length};

use super::form::{SpecField, StepForm, spec_error};
use super::words::ProcedureWords;
use super::{Direction, Edit, Message, ProcedureForm};
use crate::model::{Procedure, Spec};
use crate::ui::screen::editor::{fields_and_lines, line_row};
use crate::ui::screen::file_place;
use crate::ui::screen::photos::thumbnail;
use crate::ui::screen::reading::{self, Mark};
use crate::ui::screen::{Context, NoteKind, labelled, labelled_problem, notes_line, offered_or};
use crate::ui::theme;

/// The fields, then the steps, `selected` marked.
pub(super) fn form_view<'a>(
    form: &'a ProcedureForm,
    selected: Option<usize>,
    ctx: Context<'a>,
) -> Element<'a, Message> {
    let words = ctx.words;
    let own = ProcedureWords::of(ctx.language);
    let errors = form.errors(words);
    let owners = offered_or(&ctx, Some(&form.owner));
    let owner = owners.iter().find(|p| p.id == form.owner).cloned();
    let fields = column![
        labelled_problem(
            words.title,
            errors.title.clone(),
            text_input(words.title, &form.title)
                .id("title")
                .on_input(|v| Message::Edit(Edit::Title(v)))
                .size(theme::TEXT_HEADING)
        ),
        labelled(
            words.purpose,
            text_input(words.purpose, &form.purpose)
                .id("purpose")
                .on_input(|v| Message::Edit(Edit::Purpose(v)))
        ),
        labelled(
            words.scope,
            text_input(words.scope, &form.scope)
                .id("scope")
                .on_input(|v| Message::Edit(Edit::Scope(v)))
        ),
        row![
            labelled(
                words.owner,
                pick_list(owners, owner, |p| Message::Edit(Edit::Owner(p))).width(Length::Fill)
            ),
            labelled_problem(
                words.review_by,
                errors.review_by.clone(),
                column![
                    row![
                        // A placeholder that reads as a format, never as a date that is set.
                        text_input(own.date_placeholder, &form.review_by)
                            .id("review-by")
                            .on_input(|v| Message::Edit(Edit::ReviewBy(v))),
                        button(text(own.a_year_from_today).size(theme::TEXT_SMALL))
                            .on_press(Message::Edit(Edit::ReviewBy(
                                ctx.today.a_year_later().to_string()
                            )))
                            .style(button::secondary),
                    ]
                    .spacing(theme::SPACE_S)
                    .align_y(Alignment::Center),
                ]
            ),
        ]
        .spacing(theme::SPACE_M),
    ]
    .spacing(theme::SPACE_M);

    let count = form.steps.len();
    let steps = form
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| step_view(index, step, count, selected == Some(index), ctx));
    fields_and_lines(
        fields,
        text(words.steps).size(theme::TEXT_HEADING),
        steps,
        words.add_step,
    )
}

fn step_view<'a>(
    index: usize,
    step: &'a StepForm,
    count: usize,
    selected: bool,
    ctx: Context<'a>,
) -> Element<'a, Message> {
    let words = ctx.words;
    let spec: Element<'a, Message> = match &step.spec {
        None => button(text(words.add_spec).size(theme::TEXT_SMALL))
            .on_press(Message::Edit(Edit::AddSpec(index)))
            .style(button::text)
            .into(),
        Some(spec) => {
            let field =
                |label: &'static str, value: &'a str, which: SpecField, width: Option<f32>| {
                    let input = text_input(label, value)
                        .on_input(move |v| Message::Edit(Edit::Spec(index, which, v)))
                        .id(format!("spec-{index}-{which:?}"));
                    let input = match width {
                        Some(width) => input.width(width),
                        None => input.width(Length::Fill),
                    };
                    labelled(label, input)
                };
            let number =
                |label, value, which| field(label, value, which, Some(theme::NUMBER_WIDTH));
            let error = spec_error(spec, words);
            column![
                row![
                    field(words.spec_what, &spec.what, SpecField::What, None),
                    number(words.spec_unit, &spec.unit, SpecField::Unit),
                    number(words.spec_target, &spec.target, SpecField::Target),
                    number(words.spec_min, &spec.min, SpecField::Min),
                    number(words.spec_max, &spec.max, SpecField::Max),
                    button(text(words.remove_spec).size(theme::TEXT_SMALL))
                        .on_press(Message::Edit(Edit::RemoveSpec(index)))
                        .style(button::text),
                ]
                .spacing(theme::SPACE_S)
                .align_y(Alignment::End),
                notes_line(error.map(|e| (NoteKind::Problem, e))),
            ]
            .spacing(theme::SPACE_XS)
            .into()
        }
    };
    let input = text_input(words.step_text, &step.text)
        .id(super::step_input_id(index))
        .on_input(move |v| Message::Edit(Edit::StepText(index, v)));
    let body = column![
        line_row(index, count, selected, input, words),
        text_input(words.warning, &step.warning)
            .on_input(move |v| Message::Edit(Edit::StepWarning(index, v)))
            .size(theme::TEXT_SMALL),
        spec,
        photos_view(index, &step.photos, ctx),
    ]
    .spacing(theme::SPACE_S);
    container(body)
        .padding(theme::SPACE_S)
        .style(if step.warning.trim().is_empty() {
            theme::row_box
        } else {
            theme::warning_box
        })
        .into()
}

/// The widget id of a step's photo button: `what` is "add" (then `photo` is unused),
/// "earlier", "later" or "remove".
pub fn step_photo_id(what: &str, step: usize, photo: usize) -> String {
    format!("step-{step}-photo-{photo}-{what}")
}

/// A step's photos as thumbnails, each with its buttons, then a button to add one.
fn photos_view<'a>(index: usize, photos: &'a [String], ctx: Context<'a>) -> Element<'a, Message> {
    let words = ctx.words;
    let small = |label: &'static str, what: &str, n: usize, edit: Option<Edit>| {
        container(
            button(text(label).size(theme::TEXT_SMALL))
                .on_press_maybe(edit.map(Message::Edit))
                .style(button::text),
        )
        .id(step_photo_id(what, index, n))
    };
    let mut strip = Row::new().spacing(theme::SPACE_S).align_y(Alignment::End);
    for (n, path) in photos.iter().enumerate() {
        let last = n + 1 == photos.len();
        let buttons = row![
            small(
                words.photo_earlier,
                "earlier",
                n,
                (n > 0).then_some(Edit::MovePhoto(index, n, Direction::Up))
            ),
            small(
                words.photo_later,
                "later",
                n,
                (!last).then_some(Edit::MovePhoto(index, n, Direction::Down))
            ),
            small(
                words.remove_photo,
                "remove",
                n,
                Some(Edit::RemovePhoto(index, n))
            ),
        ];
        strip = strip.push(
            column![thumbnail(&ctx.photos, path, words.photo_missing), buttons]
                .spacing(theme::SPACE_XS),
        );
    }
    let add = container(
        button(text(words.add_step_photo).size(theme::TEXT_SMALL))
            .on_press_maybe((!ctx.read_only).then_some(Message::Edit(Edit::AddPhoto(index))))
            .style(button::secondary),
    )
    .id(step_photo_id("add", index, 0));
    let typed = (!ctx.read_only).then(|| {
        file_place::type_path_button(ctx.language, Message::Edit(Edit::TypePhotoPath(index)))
    });
    // Wrapped: a step with many photos, or a narrow window, takes more lines.
    strip
        .push(add)
        .push(typed)
        .wrap()
        .vertical_spacing(theme::SPACE_S)
        .into()
}

/// A step's measurable standard in words: "Weight: 70 g (65-75 g)".
pub fn standard(spec: &Spec) -> String {
    let bounds = match (spec.min, spec.max) {
        (Some(min), Some(max)) => format!(" ({min}-{max} {})", spec.unit),
        _ => String::new(),
    };
    format!(
        "{}: {} {}{bounds}",
        spec.what,
        spec.target.map(|t| t.to_string()).unwrap_or_default(),
        spec.unit
    )
}

/// An archived revision's purpose and steps, read only, as the read view shows them.
pub(super) fn archived_view<'a>(
    procedure: &'a Procedure,
    ctx: Context<'a>,
) -> Element<'a, Message> {
    let mut steps = Column::new().spacing(theme::SPACE_S);
    for (index, step) in procedure.steps.iter().enumerate() {
        steps = steps.push(reading::step_view(index, step, Mark::Same, ctx));
    }
    column![text(&procedure.purpose), steps]
        .spacing(theme::SPACE_M)
        .into()
}
