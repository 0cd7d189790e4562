//! What a procedure's own part of the editor looks like: its fields and steps, and an
//! archived revision.

use iced::widget::{Column, button, column, container, pick_list, row, text, text_input};
use iced::{Alignment, Element, Length};

use super::form::{SpecField, StepForm, spec_error};
use super::{Edit, Message, ProcedureForm};
use crate::model::Procedure;
use crate::ui::screen::editor::{fields_and_lines, line_row};
use crate::ui::screen::{Context, labelled, people};
use crate::ui::text::Text;
use crate::ui::theme;

/// The fields, then the steps, `selected` marked.
pub(super) fn form_view<'a>(
    form: &'a ProcedureForm,
    selected: Option<usize>,
    ctx: Context<'a>,
) -> Element<'a, Message> {
    let words = ctx.words;
    let errors = form.errors(words);
    let owners = people(ctx.records);
    let owner = owners.iter().find(|p| p.id == form.owner).cloned();
    let fields = column![
        labelled(
            words.title,
            text_input(words.title, &form.title)
                .id("title")
                .on_input(|v| Message::Edit(Edit::Title(v)))
                .size(theme::TEXT_HEADING)
        ),
        errors.title.as_ref().map(|_| text(words.title)
            .size(theme::TEXT_SMALL)
            .style(theme::error_text)),
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
            labelled(
                words.review_by,
                column![
                    text_input("2027-11-02", &form.review_by)
                        .id("review-by")
                        .on_input(|v| Message::Edit(Edit::ReviewBy(v))),
                    errors
                        .review_by
                        .clone()
                        .map(|e| text(e).size(theme::TEXT_SMALL).style(theme::error_text)),
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
        .map(|(index, step)| step_view(index, step, count, selected == Some(index), words));
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
    words: &'static Text,
) -> Element<'a, Message> {
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
                error.map(|e| text(e).size(theme::TEXT_SMALL).style(theme::error_text)),
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

/// An archived revision's purpose and steps, read only.
pub(super) fn archived_view<'a>(
    procedure: &'a Procedure,
    _ctx: Context<'a>,
) -> Element<'a, Message> {
    let mut steps = Column::new().spacing(theme::SPACE_S);
    for (index, step) in procedure.steps.iter().enumerate() {
        let spec = step.spec.as_ref().map(|spec| {
            let bounds = match (spec.min, spec.max) {
                (Some(min), Some(max)) => format!(" ({min}-{max} {})", spec.unit),
                _ => String::new(),
            };
            text(format!(
                "{}: {} {}{bounds}",
                spec.what,
                spec.target.map(|t| t.to_string()).unwrap_or_default(),
                spec.unit
            ))
            .style(theme::muted)
        });
        let warning = step.warning.as_ref().map(|w| {
            container(text(w.as_str()))
                .padding(theme::SPACE_XS)
                .style(theme::warning_box)
        });
        steps = steps.push(
            column![text(format!("{}. {}", index + 1, step.text)), spec, warning]
                .spacing(theme::SPACE_XS),
        );
    }
    column![text(&procedure.purpose), steps]
        .spacing(theme::SPACE_M)
        .into()
}
