//! What the import looks like: choosing a file or pasting text, then the preview.

use iced::widget::{
    Column, button, checkbox, column, container, row, scrollable, text, text_editor, text_input,
};
use iced::{Alignment, Element, Length};

use super::{Draft, Intake, Message, Preview, Source, left_out_line};
use crate::model::counted;
use crate::ui::screen::Context;
use crate::ui::screen::file_place;
use crate::ui::screen::procedures::form::{SpecField, spec_error};
use crate::ui::screen::procedures::words::IntakeWords;
use crate::ui::text::fill;
use crate::ui::theme;

/// The paste field's widget id.
pub const PASTE_ID: &str = "intake-paste";

/// A step's input in the preview: its text, warning or a spec field.
pub fn input_id(procedure: usize, step: usize, field: &str) -> String {
    format!("intake-{procedure}-{step}-{field}")
}

impl Intake {
    /// The import: the preview once something is read, else the ways to bring it in.
    pub fn view<'a>(&'a self, ctx: Context<'a>) -> Element<'a, Message> {
        let words = IntakeWords::of(ctx.language);
        let error = self.error.as_deref().map(|error| {
            container(text(error).style(theme::error_text))
                .padding(theme::SPACE_S)
                .style(theme::error_box)
                .width(Length::Fill)
        });
        let body = match &self.preview {
            Some(preview) => preview_view(preview, self.busy, ctx),
            None => self.start_view(ctx),
        };
        column![text(words.heading).size(theme::TEXT_TITLE), error, body]
            .spacing(theme::SPACE_M)
            .padding(theme::SPACE_L)
            .into()
    }

    fn start_view<'a>(&'a self, ctx: Context<'a>) -> Element<'a, Message> {
        let words = IntakeWords::of(ctx.language);
        let busy = self.busy.then(|| text(words.reading).style(theme::muted));
        let typed = self
            .typed
            .as_ref()
            .map(|field| field.view(ctx.language).map(Message::Path));
        let choose = file_place::pick_buttons(
            button(text(words.choose_file))
                .on_press_maybe((!self.busy).then_some(Message::Choose))
                .style(button::primary),
            ctx.language,
            Message::TypePath,
        );
        let paste = text_editor(&self.pasted)
            .id(PASTE_ID)
            .placeholder(words.paste_placeholder)
            .height(Length::Fill)
            .on_action(Message::Paste);
        column![
            text(words.rules),
            row![choose, busy]
                .spacing(theme::SPACE_M)
                .align_y(Alignment::Center),
            typed,
            text(words.or_paste),
            paste,
            row![
                button(text(words.read_pasted))
                    .on_press_maybe((!self.busy).then_some(Message::ReadPasted))
                    .style(button::primary),
                button(text(words.cancel))
                    .on_press(Message::Cancel)
                    .style(button::secondary),
            ]
            .spacing(theme::SPACE_S),
        ]
        .spacing(theme::SPACE_M)
        .into()
    }
}

fn preview_view<'a>(preview: &'a Preview, busy: bool, ctx: Context<'a>) -> Element<'a, Message> {
    let words = IntakeWords::of(ctx.language);
    let source = match &preview.source {
        Source::File(name) => name.as_str(),
        Source::Pasted => words.pasted,
    };
    let found = counted(
        preview.drafts.len(),
        words.procedure_one,
        words.procedure_many,
    );
    let taken = preview.drafts.iter().filter(|d| d.take).count();
    let drafts = preview.drafts.iter().enumerate().fold(
        Column::new().spacing(theme::SPACE_M),
        |column, (n, draft)| column.push(draft_view(n, draft, ctx)),
    );
    let left_out = (!preview.left_out.is_empty()).then(|| {
        preview.left_out.iter().fold(
            column![text(words.left_out).size(theme::TEXT_SMALL)].spacing(theme::SPACE_XS),
            |column, left| {
                column.push(
                    text(left_out_line(left, words))
                        .size(theme::TEXT_SMALL)
                        .style(theme::muted),
                )
            },
        )
    });
    let import = fill(
        words.import_n,
        &[(
            "count",
            &counted(taken, words.procedure_one, words.procedure_many),
        )],
    );
    let buttons = row![
        button(text(import))
            .on_press_maybe((!busy && taken > 0).then_some(Message::Import))
            .style(button::primary),
        button(text(words.back))
            .on_press_maybe((!busy).then_some(Message::Back))
            .style(button::secondary),
        button(text(words.cancel))
            .on_press_maybe((!busy).then_some(Message::Cancel))
            .style(button::secondary),
        busy.then(|| text(words.writing).style(theme::muted)),
    ]
    .spacing(theme::SPACE_S)
    .align_y(Alignment::Center);
    column![
        text(fill(words.found, &[("source", source), ("count", &found)])),
        scrollable(
            column![drafts, left_out]
                .spacing(theme::SPACE_M)
                // Room on the right, so the scrollbar never covers a field.
                .padding(iced::Padding::ZERO.right(theme::SPACE_L))
        )
        .height(Length::Fill),
        buttons,
    ]
    .spacing(theme::SPACE_M)
    .into()
}

fn draft_view<'a>(n: usize, draft: &'a Draft, ctx: Context<'a>) -> Element<'a, Message> {
    let words = IntakeWords::of(ctx.language);
    let head = row![
        checkbox(draft.take)
            .label(fill(words.take, &[("n", &(n + 1).to_string())]))
            .on_toggle(move |take| Message::Take(n, take)),
        text_input(ctx.words.title, &draft.title)
            .id(format!("intake-{n}-title"))
            .on_input(move |title| Message::Title(n, title))
            .size(theme::TEXT_HEADING),
    ]
    .spacing(theme::SPACE_M)
    .align_y(Alignment::Center);
    let about = [
        (ctx.words.purpose, &draft.purpose),
        (ctx.words.scope, &draft.scope),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .fold(Column::new(), |column, (label, value)| {
        column.push(
            text(format!("{label}: {value}"))
                .size(theme::TEXT_SMALL)
                .style(theme::muted),
        )
    });
    let steps = draft
        .steps
        .iter()
        .enumerate()
        .fold(Column::new().spacing(theme::SPACE_S), |column, (s, _)| {
            column.push(step_view(n, s, draft, ctx))
        });
    let body: Element<'a, Message> = if draft.take {
        column![head, about, steps].spacing(theme::SPACE_S).into()
    } else {
        head.into()
    };
    container(body)
        .padding(theme::SPACE_M)
        .style(theme::card)
        .width(Length::Fill)
        .into()
}

fn step_view<'a>(n: usize, s: usize, draft: &'a Draft, ctx: Context<'a>) -> Element<'a, Message> {
    let words = IntakeWords::of(ctx.language);
    let step = &draft.steps[s];
    let number = text(fill(words.step, &[("n", &(s + 1).to_string())])).width(theme::NUMBER_WIDTH);
    let line = row![
        number,
        text_input(ctx.words.step_text, &step.text)
            .id(input_id(n, s, "text"))
            .on_input(move |value| Message::StepText(n, s, value)),
    ]
    .spacing(theme::SPACE_S)
    .align_y(Alignment::Center);
    let warning = row![
        text(words.warning)
            .size(theme::TEXT_SMALL)
            .style(theme::warning_text)
            .width(theme::NUMBER_WIDTH),
        text_input(words.warning, &step.warning)
            .id(input_id(n, s, "warning"))
            .on_input(move |value| Message::Warning(n, s, value))
            .size(theme::TEXT_SMALL),
    ]
    .spacing(theme::SPACE_S)
    .align_y(Alignment::Center);
    let indent = iced::Padding::ZERO.left(theme::NUMBER_WIDTH + theme::SPACE_S);
    let Some(spec) = &step.spec else {
        let add = button(text(ctx.words.add_spec).size(theme::TEXT_SMALL))
            .on_press(Message::AddSpec(n, s))
            .style(button::text);
        let add = container(add).padding(indent);
        return column![line, warning, add].spacing(theme::SPACE_XS).into();
    };
    let spec = {
        let field = |label: &'a str, value: &'a str, which: SpecField, name: &str, wide: bool| {
            let input = text_input(label, value)
                .id(input_id(n, s, name))
                .on_input(move |value| Message::Spec(n, s, which, value))
                .size(theme::TEXT_SMALL);
            let input = if wide {
                input.width(Length::Fill)
            } else {
                input.width(theme::NUMBER_WIDTH)
            };
            column![text(label).size(theme::TEXT_SMALL), input].width(if wide {
                Length::FillPortion(3)
            } else {
                Length::Shrink
            })
        };
        let found = draft.found[s].as_deref().map(|found| {
            text(fill(words.spec_read_from, &[("found", found)]))
                .size(theme::TEXT_SMALL)
                .style(theme::muted)
        });
        let w = ctx.words;
        let error = spec_error(spec, w)
            .map(|error| text(error).size(theme::TEXT_SMALL).style(theme::error_text));
        let remove = button(text(w.remove_spec).size(theme::TEXT_SMALL))
            .on_press(Message::RemoveSpec(n, s))
            .style(button::text);
        column![
            row![
                field(w.spec_what, &spec.what, SpecField::What, "what", true),
                field(w.spec_unit, &spec.unit, SpecField::Unit, "unit", false),
                field(w.spec_min, &spec.min, SpecField::Min, "min", false),
                field(
                    w.spec_target,
                    &spec.target,
                    SpecField::Target,
                    "target",
                    false
                ),
                field(w.spec_max, &spec.max, SpecField::Max, "max", false),
                remove,
            ]
            .spacing(theme::SPACE_S)
            .align_y(Alignment::End)
            .wrap()
            .vertical_spacing(theme::SPACE_XS),
            error,
            found,
        ]
        .spacing(theme::SPACE_XS)
        .padding(indent)
    };
    column![line, warning, spec].spacing(theme::SPACE_XS).into()
}
