//! What the procedures screen looks like.

use iced::widget::{
    Column, button, column, container, pick_list, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Length};

use super::form::{SpecField, StepForm, spec_error};
use super::{Direction, Editor, Message, Procedures};
use crate::model::{Procedure, Status};
use crate::ui::screen::revision::{self, Controls, DialogMessages};
use crate::ui::screen::{Context, labelled, people};
use crate::ui::text::Text;
use crate::ui::theme;

impl Procedures {
    /// The list beside the editor, filtered by `search`.
    pub fn view<'a>(&'a self, ctx: Context<'a>, search: &str) -> Element<'a, Message> {
        let words = ctx.words;
        let needle = search.trim().to_lowercase();
        let matching: Vec<&'a Procedure> = ctx
            .records
            .procedures
            .iter()
            .filter(|p| Procedures::matches(p, &needle))
            .collect();
        let entries: Vec<revision::ListEntry<'a>> = matching
            .iter()
            .map(|record| revision::ListEntry {
                id: &record.id,
                title: &record.title,
                status: &record.status,
                revision: record.revision,
            })
            .collect();
        let list = revision::record_list(
            &entries,
            self.selected.as_deref(),
            (words.new_procedure, Message::New),
            Message::Select,
            words,
        );

        let main: Element<'a, Message> = match (&self.viewing, &self.editor) {
            (Some(archived), _) => archived_view(archived, ctx),
            (None, Some(editor)) => self.editor_view(editor, ctx),
            (None, None) => container(text(words.nothing_selected).style(theme::muted))
                .padding(theme::SPACE_XL)
                .into(),
        };
        row![
            list,
            container(main).width(Length::Fill).height(Length::Fill)
        ]
        .spacing(theme::SPACE_L)
        .padding(theme::SPACE_L)
        .into()
    }

    fn editor_view<'a>(&'a self, editor: &'a Editor, ctx: Context<'a>) -> Element<'a, Message> {
        let words = ctx.words;
        let form = &editor.form;
        let errors = form.errors(words);
        let dirty = editor.form != editor.original;
        let header_title = if form.title.trim().is_empty() {
            words.untitled
        } else {
            form.title.as_str()
        };
        let can_edit = !ctx.read_only;
        let original = &editor.original.base;
        let toolbar = revision::toolbar(
            Controls {
                save: (dirty && can_edit).then_some(Message::Save),
                undo: editor.history.can_undo().then_some(Message::Undo),
                redo: editor.history.can_redo().then_some(Message::Redo),
                approve: (form.base.status == Status::Draft && can_edit)
                    .then_some(Message::AskApprove),
                retire: (original.is_approved() && !dirty && can_edit).then_some(Message::Retire),
                // Only a never-approved first draft may go; approved revisions are retired.
                delete: (!form.is_new
                    && can_edit
                    && editor.original.base.status == Status::Draft
                    && editor.original.base.revision == 1)
                    .then_some(Message::AskDelete),
            },
            words,
        );
        let owners = people(ctx.records);
        let owner = owners.iter().find(|p| p.id == form.owner).cloned();
        let fields = column![
            labelled(
                words.title,
                text_input(words.title, &form.title)
                    .id("title")
                    .on_input(Message::Title)
                    .size(theme::TEXT_HEADING)
            ),
            errors.title.as_ref().map(|_| text(words.title)
                .size(theme::TEXT_SMALL)
                .style(theme::error_text)),
            labelled(
                words.purpose,
                text_input(words.purpose, &form.purpose)
                    .id("purpose")
                    .on_input(Message::Purpose)
            ),
            labelled(
                words.scope,
                text_input(words.scope, &form.scope)
                    .id("scope")
                    .on_input(Message::Scope)
            ),
            row![
                labelled(
                    words.owner,
                    pick_list(owners, owner, Message::Owner).width(Length::Fill)
                ),
                labelled(
                    words.review_by,
                    column![
                        text_input("2027-11-02", &form.review_by)
                            .id("review-by")
                            .on_input(Message::ReviewBy),
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

        let mut steps = Column::new().spacing(theme::SPACE_S);
        for (index, step) in form.steps.iter().enumerate() {
            steps = steps.push(self.step_view(index, step, form.steps.len(), ctx.words));
        }
        let steps = column![
            text(words.steps).size(theme::TEXT_HEADING),
            steps,
            button(text(words.add_step))
                .on_press(Message::AddStep)
                .style(button::secondary),
        ]
        .spacing(theme::SPACE_S);

        let content = column![
            text(header_title).size(theme::TEXT_TITLE),
            revision::status_line(&form.base.status, form.base.revision, dirty, ctx),
            toolbar,
            revision::editing_approved(
                (original.revision, &original.status),
                form.base.revision,
                words
            ),
            revision::message_box(self.message.as_deref()),
            fields,
            steps,
            revision::history(
                &original.changes,
                ctx.records
                    .archived_procedures
                    .iter()
                    .filter(|p| p.id == original.id)
                    .map(|p| p.revision),
                Message::ShowRevision,
                ctx
            ),
        ]
        .spacing(theme::SPACE_M)
        .padding(theme::SPACE_L);
        let body = scrollable(content).height(Length::Fill);
        match &self.dialog {
            None => body.into(),
            Some(dialog) => column![
                revision::dialog(
                    dialog,
                    header_title,
                    DialogMessages {
                        note: Message::ApproveNote,
                        approve: Message::ConfirmApprove,
                        delete: Message::ConfirmDelete,
                        close: Message::CloseDialog,
                    },
                    words
                ),
                body
            ]
            .spacing(theme::SPACE_M)
            .into(),
        }
    }

    fn step_view<'a>(
        &'a self,
        index: usize,
        step: &'a StepForm,
        count: usize,
        words: &'static Text,
    ) -> Element<'a, Message> {
        let selected = self.selected_step == Some(index);
        let number = button(text(format!("{}.", index + 1)).size(theme::TEXT_HEADING))
            .style(theme::nav(selected))
            .on_press(Message::SelectStep(index));
        let controls = row![
            button(text(words.move_up).size(theme::TEXT_SMALL))
                .on_press_maybe((index > 0).then_some(Message::MoveStep(index, Direction::Up)))
                .style(button::text),
            button(text(words.move_down).size(theme::TEXT_SMALL))
                .on_press_maybe(
                    (index + 1 < count).then_some(Message::MoveStep(index, Direction::Down))
                )
                .style(button::text),
            button(text(words.delete).size(theme::TEXT_SMALL))
                .on_press(Message::DeleteStep(index))
                .style(button::text),
        ]
        .spacing(theme::SPACE_XS);
        let spec: Element<'a, Message> = match &step.spec {
            None => button(text(words.add_spec).size(theme::TEXT_SMALL))
                .on_press(Message::AddSpec(index))
                .style(button::text)
                .into(),
            Some(spec) => {
                let field =
                    |label: &'static str, value: &'a str, which: SpecField, width: Option<f32>| {
                        let input = text_input(label, value)
                            .on_input(move |v| Message::Spec(index, which, v))
                            .id(format!("spec-{index}-{which:?}"));
                        let input = match width {
                            Some(width) => input.width(width),
                            None => input.width(Length::Fill),
                        };
                        labelled(label, input)
                    };
                let error = spec_error(spec, words);
                column![
                    row![
                        field(words.spec_what, &spec.what, SpecField::What, None),
                        field(
                            words.spec_unit,
                            &spec.unit,
                            SpecField::Unit,
                            Some(theme::NUMBER_WIDTH)
                        ),
                        field(
                            words.spec_target,
                            &spec.target,
                            SpecField::Target,
                            Some(theme::NUMBER_WIDTH)
                        ),
                        field(
                            words.spec_min,
                            &spec.min,
                            SpecField::Min,
                            Some(theme::NUMBER_WIDTH)
                        ),
                        field(
                            words.spec_max,
                            &spec.max,
                            SpecField::Max,
                            Some(theme::NUMBER_WIDTH)
                        ),
                        button(text(words.remove_spec).size(theme::TEXT_SMALL))
                            .on_press(Message::RemoveSpec(index))
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
        let body = column![
            row![
                number,
                text_input(words.step_text, &step.text)
                    .id(super::step_input_id(index))
                    .on_input(move |v| Message::StepText(index, v)),
                controls
            ]
            .spacing(theme::SPACE_S)
            .align_y(Alignment::Center),
            text_input(words.warning, &step.warning)
                .on_input(move |v| Message::StepWarning(index, v))
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
}

fn archived_view<'a>(procedure: &'a Procedure, ctx: Context<'a>) -> Element<'a, Message> {
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
    scrollable(
        column![
            revision::archived_header(
                &procedure.title,
                procedure.revision,
                Message::BackToCurrent,
                ctx.words
            ),
            text(&procedure.purpose),
            steps,
        ]
        .spacing(theme::SPACE_M)
        .padding(theme::SPACE_L),
    )
    .into()
}
