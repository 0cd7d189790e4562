//! What the procedures screen looks like.

use iced::widget::{
    Column, button, column, container, pick_list, row, scrollable, space, text, text_input,
};
use iced::{Alignment, Element, Length};

use super::form::{SpecField, StepForm, spec_error};
use super::{Dialog, Direction, Editor, Message, Procedures};
use crate::model::{Procedure, Status};
use crate::ui::screen::{Context, PersonChoice, labelled, people};
use crate::ui::text::{Text, fill};
use crate::ui::theme::{self, Badge};

/// At most this many entries are drawn in the list; the search narrows the rest.
const LIST_LIMIT: usize = 300;

impl Procedures {
    /// The list beside the editor, filtered by `search`.
    pub fn view<'a>(&'a self, ctx: Context<'a>, search: &str) -> Element<'a, Message> {
        let words = ctx.words;
        let needle = search.trim().to_lowercase();
        let matching: Vec<&Procedure> = ctx
            .records
            .procedures
            .iter()
            .filter(|p| Procedures::matches(p, &needle))
            .collect();
        let mut list = Column::new().spacing(2);
        for procedure in matching.iter().take(LIST_LIMIT) {
            let selected = self.selected.as_deref() == Some(procedure.id.as_str());
            let title = if procedure.title.is_empty() {
                words.untitled
            } else {
                procedure.title.as_str()
            };
            let entry = column![
                text(title).size(theme::TEXT),
                row![
                    status_badge(&procedure.status, procedure.revision, words),
                    text(&procedure.id)
                        .size(theme::TEXT_SMALL)
                        .style(theme::muted)
                ]
                .spacing(theme::SPACE_S)
                .align_y(Alignment::Center),
            ]
            .spacing(theme::SPACE_XS);
            list = list.push(
                button(entry)
                    .width(Length::Fill)
                    .padding(theme::SPACE_S)
                    .style(theme::nav(selected))
                    .on_press(Message::Select(procedure.id.clone())),
            );
        }
        if matching.is_empty() {
            list = list.push(text(words.no_matches).style(theme::muted));
        } else if matching.len() > LIST_LIMIT {
            list =
                list.push(text(format!("… {}", matching.len() - LIST_LIMIT)).style(theme::muted));
        }
        let list = column![
            button(text(words.new_procedure))
                .on_press(Message::New)
                .style(button::primary),
            scrollable(list).height(Length::Fill),
        ]
        .spacing(theme::SPACE_M)
        .width(theme::LIST_WIDTH);

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
        let status_line = {
            let mut line = row![status_badge(&form.base.status, form.base.revision, words)]
                .spacing(theme::SPACE_S)
                .align_y(Alignment::Center);
            if let Status::Approved { by, on } = &form.base.status {
                line = line.push(
                    text(fill(
                        words.approved_by_on,
                        &[("by", &ctx.name_of(by)), ("on", &on.to_string())],
                    ))
                    .size(theme::TEXT_SMALL)
                    .style(theme::muted),
                );
            }
            line = line.push(if dirty {
                text(words.unsaved)
                    .size(theme::TEXT_SMALL)
                    .style(theme::error_text)
            } else {
                text(words.saved)
                    .size(theme::TEXT_SMALL)
                    .style(theme::ok_text)
            });
            line
        };
        let can_edit = !ctx.read_only;
        let toolbar = row![
            button(text(words.save))
                .on_press_maybe((dirty && can_edit).then_some(Message::Save))
                .style(button::primary),
            button(text(words.undo))
                .on_press_maybe(editor.history.can_undo().then_some(Message::Undo))
                .style(button::secondary),
            button(text(words.redo))
                .on_press_maybe(editor.history.can_redo().then_some(Message::Redo))
                .style(button::secondary),
            space::horizontal(),
            (form.base.status == Status::Draft && can_edit).then(|| button(text(words.approve))
                .on_press(Message::AskApprove)
                .style(button::success)),
            (matches!(editor.original.base.status, Status::Approved { .. }) && !dirty && can_edit)
                .then(|| button(text(words.retire))
                    .on_press(Message::Retire)
                    .style(button::secondary)),
            (!form.is_new && can_edit).then(|| button(text(words.delete))
                .on_press(Message::AskDelete)
                .style(button::danger)),
        ]
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center);

        let banner: Option<Element<'a, Message>> = (editor.original.base.revision
            < form.base.revision
            && matches!(editor.original.base.status, Status::Approved { .. }))
        .then(|| {
            container(text(fill(
                words.editing_approved,
                &[
                    ("next", &form.base.revision.to_string()),
                    ("current", &editor.original.base.revision.to_string()),
                ],
            )))
            .padding(theme::SPACE_S)
            .style(theme::warning_box)
            .into()
        });
        let message: Option<Element<'a, Message>> = self.message.as_ref().map(|m| {
            container(text(m.as_str()))
                .padding(theme::SPACE_S)
                .width(Length::Fill)
                .style(theme::error_box)
                .into()
        });

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
            status_line,
            toolbar,
            banner,
            message,
            fields,
            steps,
            history_view(&editor.original.base, ctx),
        ]
        .spacing(theme::SPACE_M)
        .padding(theme::SPACE_L);
        let body = scrollable(content).height(Length::Fill);
        match &self.dialog {
            None => body.into(),
            Some(dialog) => column![dialog_view(dialog, words), body]
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

/// "Draft · rev 2" and friends.
pub fn status_badge<'a, M: 'a>(
    status: &Status,
    revision: u32,
    words: &'static Text,
) -> Element<'a, M> {
    let (label, kind) = match status {
        Status::Draft => (words.draft, Badge::Draft),
        Status::Approved { .. } => (words.approved, Badge::Approved),
        Status::Retired { .. } => (words.retired, Badge::Retired),
    };
    container(
        iced::widget::text(format!("{label} · {} {revision}", words.revision))
            .size(theme::TEXT_SMALL),
    )
    .padding([2.0, theme::SPACE_S])
    .style(theme::badge(kind))
    .into()
}

fn history_view<'a>(current: &'a Procedure, ctx: Context<'a>) -> Element<'a, Message> {
    let words = ctx.words;
    let mut changes = Column::new().spacing(theme::SPACE_XS);
    for change in current.changes.iter().rev() {
        changes = changes.push(
            row![
                text(format!("{} {}", words.revision, change.revision)).width(110),
                text(change.on.to_string()).width(100).style(theme::muted),
                text(ctx.name_of(&change.by)).width(120),
                text(&change.note).width(Length::Fill),
            ]
            .spacing(theme::SPACE_S),
        );
    }
    let mut archived = row![].spacing(theme::SPACE_S);
    for old in ctx
        .records
        .archived_procedures
        .iter()
        .filter(|p| p.id == current.id)
    {
        archived = archived.push(
            button(text(format!(
                "{} {} {}",
                words.view,
                words.revision.to_lowercase(),
                old.revision
            )))
            .on_press(Message::ShowRevision(old.revision))
            .style(button::secondary),
        );
    }
    column![
        text(words.history).size(theme::TEXT_HEADING),
        changes,
        archived
    ]
    .spacing(theme::SPACE_S)
    .into()
}

fn archived_view<'a>(procedure: &'a Procedure, ctx: Context<'a>) -> Element<'a, Message> {
    let words = ctx.words;
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
            text(&procedure.title).size(theme::TEXT_TITLE),
            container(text(fill(
                words.archived_readonly,
                &[("rev", &procedure.revision.to_string())]
            )))
            .padding(theme::SPACE_S)
            .style(theme::warning_box),
            button(text(words.back_to_current)).on_press(Message::BackToCurrent),
            text(&procedure.purpose),
            steps,
        ]
        .spacing(theme::SPACE_M)
        .padding(theme::SPACE_L),
    )
    .into()
}

fn dialog_view<'a>(dialog: &'a Dialog, words: &'static Text) -> Element<'a, Message> {
    let content: Element<'a, Message> = match dialog {
        Dialog::Approve { note } => column![
            text(words.approve_note),
            text_input(words.approve_note, note)
                .id("approve-note")
                .on_input(Message::ApproveNote)
                .on_submit(Message::ConfirmApprove),
            row![
                button(text(words.approve_confirm))
                    .on_press_maybe((!note.trim().is_empty()).then_some(Message::ConfirmApprove))
                    .style(button::success),
                button(text(words.cancel))
                    .on_press(Message::CloseDialog)
                    .style(button::secondary),
            ]
            .spacing(theme::SPACE_S),
        ]
        .spacing(theme::SPACE_S)
        .into(),
        Dialog::Delete => row![
            text(words.delete).width(Length::Fill),
            button(text(words.delete))
                .on_press(Message::ConfirmDelete)
                .style(button::danger),
            button(text(words.cancel))
                .on_press(Message::CloseDialog)
                .style(button::secondary),
        ]
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center)
        .into(),
    };
    container(content)
        .padding(theme::SPACE_M)
        .width(Length::Fill)
        .style(theme::card)
        .into()
}

#[allow(dead_code)]
fn _person_choice_is_used(_: PersonChoice) {}
