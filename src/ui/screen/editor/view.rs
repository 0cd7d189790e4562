//! What a records screen looks like: the list, the form under its status and buttons,
//! the history, and an archived revision read only.

use iced::widget::{Column, button, column, container, row, scrollable, text};
use iced::{Alignment, Element, Length};

use super::{Editor, Filed, Form, Message, Open};
use crate::model::{PinRefused, Revised, Status};
use crate::ui::screen::Context;
use crate::ui::screen::revision::{self, Controls, DialogMessages, Direction, ListEntry};
use crate::ui::text::{Text, fill};
use crate::ui::theme;

impl<F: Form> Editor<F> {
    /// The list of records, filtered by `search`, the one selected marked.
    pub fn list<'a>(&'a self, ctx: Context<'a>, search: &str) -> Element<'a, Message<F::Edit>> {
        let words = ctx.words;
        let needle = search.trim().to_lowercase();
        let mut entries: Vec<ListEntry<'a>> = F::Record::current(ctx.records)
            .iter()
            .filter(|record| record.matches(&needle))
            .map(|record| ListEntry {
                id: record.id(),
                title: record.title(),
                status: record.status(),
                revision: record.revision(),
            })
            .collect();
        // People look for a title, not an id; the sort is stable, so equal titles keep
        // their order by id.
        entries.sort_by_cached_key(|entry| entry.title.to_lowercase());
        revision::record_list(
            &entries,
            self.selected.as_deref(),
            (F::new_label(words), Message::New),
            Message::Select,
            words,
            ctx.room,
        )
    }

    /// The list beside the form, filtered by `search`.
    pub fn view<'a>(&'a self, ctx: Context<'a>, search: &str) -> Element<'a, Message<F::Edit>> {
        let words = ctx.words;
        let list = self.list(ctx, search);
        let main: Element<'a, Message<F::Edit>> = match (&self.viewing, &self.open) {
            (Some(archived), _) => archived_view::<F>(archived, ctx),
            (None, Some(open)) => self.form_view(open, ctx),
            // An empty workspace says what to do first, with the button that does it.
            (None, None) if F::Record::current(ctx.records).is_empty() => container(
                column![
                    text(F::first_step(words, ctx.records)).size(theme::TEXT_HEADING),
                    button(text(F::new_label(words)))
                        .on_press(Message::New)
                        .style(button::primary),
                ]
                .spacing(theme::SPACE_M)
                .max_width(560),
            )
            .padding(theme::SPACE_XL)
            .into(),
            (None, None) => container(text(F::nothing_selected(words)).style(theme::muted))
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

    fn form_view<'a>(
        &'a self,
        open: &'a Open<F>,
        ctx: Context<'a>,
    ) -> Element<'a, Message<F::Edit>> {
        let words = ctx.words;
        let form = &open.form;
        let base = form.base();
        let original = open.original.base();
        let dirty = open.form != open.original;
        let header_title = if form.title().trim().is_empty() {
            words.untitled
        } else {
            form.title()
        };
        let can_edit = !ctx.read_only;
        let toolbar = revision::toolbar(
            Controls {
                save: (dirty && can_edit).then_some(Message::Save),
                undo: open.history.can_undo().then_some(Message::Undo),
                redo: open.history.can_redo().then_some(Message::Redo),
                approve: (*base.status() == Status::Draft && can_edit)
                    .then_some(Message::AskApprove),
                retire: (matches!(original.status(), Status::Approved { .. })
                    && !dirty
                    && can_edit)
                    .then_some(Message::Retire),
                // Only a never-approved first draft may go; approved revisions are retired.
                delete: (!form.is_new()
                    && can_edit
                    && *original.status() == Status::Draft
                    && original.revision() == 1)
                    .then_some(Message::AskDelete),
            },
            words,
        );
        // The notes that come and go while typing share one child of the column with the
        // toolbar: the form after them keeps its place in the widget tree, and with it the
        // focus of the field being typed in.
        let above = column![
            toolbar,
            revision::editing_approved(
                (original.revision(), original.status()),
                base.revision(),
                words
            ),
            revision::message_box(self.message.as_ref().map(|notice| notice.words(&ctx))),
        ]
        .spacing(theme::SPACE_M);
        let content = column![
            text(header_title).size(theme::TEXT_TITLE),
            // A record never saved is never "Saved", even before its first edit.
            revision::status_line(base.status(), base.revision(), dirty || form.is_new(), ctx),
            above,
            form.view(&open.inputs, self.line, ctx),
            revision::history(
                original.changes(),
                F::Record::archived(ctx.records)
                    .iter()
                    .filter(|r| r.id() == original.id())
                    .map(|r| r.revision()),
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
                        pin: ctx
                            .me
                            .is_some_and(|me| me.pin.is_some())
                            .then_some(Message::SignPin as fn(String) -> _),
                        retire: Message::ConfirmRetire,
                        // Only people sign procedures, and only a revision after the first
                        // can leave them current.
                        retrain: (F::SIGNED && base.revision() > 1)
                            .then_some(Message::Retrain as fn(bool) -> _),
                        refused: self.pin_refused.map(|refused| match refused {
                            PinRefused::Wrong { .. } => words.pin_not_right.to_owned(),
                            PinRefused::Wait { seconds } => {
                                fill(words.pin_wait, &[("seconds", &seconds.to_string())])
                            }
                        }),
                    },
                    words
                ),
                body
            ]
            .spacing(theme::SPACE_M)
            .into(),
        }
    }
}

fn archived_view<'a, F: Form>(
    record: &'a F::Record,
    ctx: Context<'a>,
) -> Element<'a, Message<F::Edit>> {
    scrollable(
        column![
            revision::archived_header(
                record.title(),
                record.revision(),
                Message::BackToCurrent,
                ctx.words
            ),
            F::archived_view(record, ctx),
        ]
        .spacing(theme::SPACE_M)
        .padding(theme::SPACE_L),
    )
    .into()
}

/// A line's number (a click selects it), its main input, and the buttons that move it
/// up, down, or delete it.
pub fn line_row<'a, E: Clone + 'a>(
    index: usize,
    count: usize,
    selected: bool,
    input: impl Into<Element<'a, Message<E>>>,
    words: &'static Text,
) -> Element<'a, Message<E>> {
    let number = button(text(format!("{}.", index + 1)).size(theme::TEXT_HEADING))
        .style(theme::nav(selected))
        .on_press(Message::SelectLine(index));
    let controls = row![
        button(text(words.move_up).size(theme::TEXT_SMALL))
            .on_press_maybe((index > 0).then_some(Message::MoveLine(index, Direction::Up)))
            .style(button::text),
        button(text(words.move_down).size(theme::TEXT_SMALL))
            .on_press_maybe(
                (index + 1 < count).then_some(Message::MoveLine(index, Direction::Down))
            )
            .style(button::text),
        button(text(words.delete).size(theme::TEXT_SMALL))
            .on_press(Message::DeleteLine(index))
            .style(button::text),
    ]
    .spacing(theme::SPACE_XS);
    row![number, input.into(), controls]
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center)
        .into()
}

/// A form's fields, then its lines under their heading, and the button that adds one.
pub fn fields_and_lines<'a, E: Clone + 'a>(
    fields: impl Into<Element<'a, Message<E>>>,
    heading: impl Into<Element<'a, Message<E>>>,
    lines: impl IntoIterator<Item = Element<'a, Message<E>>>,
    add: &'static str,
) -> Element<'a, Message<E>> {
    let lines = column![
        heading.into(),
        Column::with_children(lines).spacing(theme::SPACE_S),
        button(text(add))
            .on_press(Message::AddLine)
            .style(button::secondary),
    ]
    .spacing(theme::SPACE_S);
    column![fields.into(), lines].spacing(theme::SPACE_M).into()
}
