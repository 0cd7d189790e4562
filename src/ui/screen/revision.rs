//! What the procedure and checklist editors share: a record goes through drafts,
//! approval and retirement, and both screens show that the same way.

use iced::widget::{
    Column, button, checkbox, column, container, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Length};

use super::Context;
use crate::model::{Change, Status};
use crate::ui::text::{Text, fill};
use crate::ui::theme::{self, Badge};

/// Up or down a list of steps or items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// What an editor opens after a save.
#[derive(Debug, Clone, PartialEq)]
pub enum After {
    /// The saved record.
    Stay,
    /// Another record of the same screen.
    Select(String),
    /// A new, empty record.
    New,
}

/// The question open above an editor.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// "What changed?", before approving; the approver's PIN where they have one; and
    /// whether everyone must read the new revision again.
    Approve {
        note: String,
        pin: String,
        retrain: bool,
    },
    /// "Really retire?", asked of an owner with a PIN, who signs with it.
    Retire { pin: String },
    /// "Really delete?"
    Delete,
}

/// The editor's buttons: `None` greys out save, undo and redo, and hides the others.
pub struct Controls<M> {
    pub save: Option<M>,
    pub undo: Option<M>,
    pub redo: Option<M>,
    pub approve: Option<M>,
    pub retire: Option<M>,
    pub delete: Option<M>,
}

/// What the dialog's buttons send.
pub struct DialogMessages<M> {
    pub note: fn(String) -> M,
    pub approve: M,
    pub delete: M,
    pub close: M,
    /// The PIN typed, where the person signing has one; `None` where they have none.
    pub pin: Option<fn(String) -> M>,
    pub retire: M,
    /// Why the PIN typed last was not taken.
    pub refused: Option<String>,
    /// "Staff must read it again", where the record is one people sign and not its first
    /// revision; `None` where the question is not asked.
    pub retrain: Option<fn(bool) -> M>,
}

/// "Draft · Revision 2" and friends.
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
    container(text(format!("{label} · {} {revision}", words.revision)).size(theme::TEXT_SMALL))
        .padding([theme::BADGE_PADDING, theme::SPACE_S])
        .style(theme::badge(kind))
        .into()
}

/// The badge, who approved it, and whether everything is saved.
pub fn status_line<'a, M: 'a>(
    status: &Status,
    revision: u32,
    dirty: bool,
    ctx: Context<'a>,
) -> Element<'a, M> {
    let words = ctx.words;
    let approved = match status {
        Status::Approved { by, on } => Some(
            text(fill(
                words.approved_by_on,
                &[("by", &ctx.name_of(by)), ("on", &on.to_string())],
            ))
            .size(theme::TEXT_SMALL)
            .style(theme::muted),
        ),
        _ => None,
    };
    let saved = if dirty {
        text(words.unsaved)
            .size(theme::TEXT_SMALL)
            .style(theme::error_text)
    } else {
        text(words.saved)
            .size(theme::TEXT_SMALL)
            .style(theme::ok_text)
    };
    row![status_badge(status, revision, words), approved, saved]
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center)
        .wrap()
        .vertical_spacing(theme::SPACE_XS)
        .into()
}

/// Save, undo and redo; then, apart, approve, retire and delete. In a narrow window the
/// second group goes to a line of its own rather than squeezing a button's words.
pub fn toolbar<'a, M: Clone + 'a>(controls: Controls<M>, words: &'static Text) -> Element<'a, M> {
    let editing = row![
        button(text(words.save))
            .on_press_maybe(controls.save)
            .style(button::primary),
        button(text(words.undo))
            .on_press_maybe(controls.undo)
            .style(button::secondary),
        button(text(words.redo))
            .on_press_maybe(controls.redo)
            .style(button::secondary),
    ]
    .spacing(theme::SPACE_S);
    let deciding = row![
        controls.approve.map(|m| button(text(words.approve))
            .on_press(m)
            .style(button::success)),
        controls.retire.map(|m| button(text(words.retire))
            .on_press(m)
            .style(button::secondary)),
        controls
            .delete
            .map(|m| button(text(words.delete)).on_press(m).style(button::danger)),
    ]
    .spacing(theme::SPACE_S);
    row![editing, deciding]
        .spacing(theme::SPACE_XL)
        .wrap()
        .vertical_spacing(theme::SPACE_S)
        .into()
}

/// "You are editing revision 3 …", while a draft supersedes an approved revision.
pub fn editing_approved<'a, M: 'a>(
    original: (u32, &Status),
    draft_revision: u32,
    words: &'static Text,
) -> Option<Element<'a, M>> {
    let (revision, status) = original;
    (revision < draft_revision && matches!(status, Status::Approved { .. })).then(|| {
        container(text(fill(
            words.editing_approved,
            &[
                ("next", &draft_revision.to_string()),
                ("current", &revision.to_string()),
            ],
        )))
        .padding(theme::SPACE_S)
        .style(theme::warning_box)
        .into()
    })
}

/// A refusal or a failed save, above the editor.
pub fn message_box<'a, M: 'a>(
    message: Option<impl iced::widget::text::IntoFragment<'a>>,
) -> Option<Element<'a, M>> {
    message.map(|m| {
        container(text(m))
            .padding(theme::SPACE_S)
            .width(Length::Fill)
            .style(theme::error_box)
            .into()
    })
}

/// The changes, newest first, and a button per archived revision; nothing for a record
/// that has neither yet.
pub fn history<'a, M: Clone + 'a>(
    changes: &'a [Change],
    archived: impl IntoIterator<Item = u32>,
    show: impl Fn(u32) -> M,
    ctx: Context<'a>,
) -> Option<Element<'a, M>> {
    let words = ctx.words;
    let mut list = Column::new().spacing(theme::SPACE_XS);
    for change in changes.iter().rev() {
        list = list.push(
            row![
                text(format!("{} {}", words.revision, change.revision))
                    .width(theme::HISTORY_REVISION_WIDTH),
                text(change.on.to_string())
                    .width(theme::HISTORY_DATE_WIDTH)
                    .style(theme::muted),
                text(ctx.name_of(&change.by)).width(theme::HISTORY_NAME_WIDTH),
                text(&change.note).width(Length::Fill),
            ]
            .spacing(theme::SPACE_S),
        );
    }
    let mut buttons = row![].spacing(theme::SPACE_S);
    let mut any_archived = false;
    for revision in archived {
        any_archived = true;
        buttons = buttons.push(
            button(text(format!(
                "{} {} {revision}",
                words.view,
                words.revision.to_lowercase(),
            )))
            .on_press(show(revision))
            .style(button::secondary),
        );
    }
    if changes.is_empty() && !any_archived {
        return None;
    }
    Some(
        column![text(words.history).size(theme::TEXT_HEADING), list, buttons]
            .spacing(theme::SPACE_S)
            .into(),
    )
}

/// The title, "Revision 1, archived: read only." and the way back.
pub fn archived_header<'a, M: Clone + 'a>(
    title: &'a str,
    revision: u32,
    back: M,
    words: &'static Text,
) -> Element<'a, M> {
    column![
        text(title).size(theme::TEXT_TITLE),
        container(text(fill(
            words.archived_readonly,
            &[("rev", &revision.to_string())]
        )))
        .padding(theme::SPACE_S)
        .style(theme::warning_box),
        button(text(words.back_to_current)).on_press(back),
    ]
    .spacing(theme::SPACE_M)
    .into()
}

/// The approve or delete question; `what` names the record for "Delete …?".
pub fn dialog<'a, M: Clone + 'a>(
    dialog: &'a Dialog,
    what: &str,
    messages: DialogMessages<M>,
    words: &'static Text,
) -> Element<'a, M> {
    // The signer's PIN, where they have one: typed secret, Enter signs.
    let pin_field = |pin: &'a str, sign: M| {
        messages.pin.map(|typed| {
            column![
                text_input(words.sign_with_pin, pin)
                    .id("sign-pin")
                    .secure(true)
                    .on_input(typed)
                    .on_submit(sign)
                    .width(Length::Fixed(theme::CHECKER_WIDTH)),
                messages
                    .refused
                    .clone()
                    .map(|r| text(r).size(theme::TEXT_SMALL).style(theme::error_text)),
            ]
            .spacing(theme::SPACE_XS)
        })
    };
    let content: Element<'a, M> = match dialog {
        Dialog::Retire { pin } => column![
            text(fill(words.retire_confirm, &[("what", what)])),
            pin_field(pin, messages.retire.clone()),
            row![
                button(text(words.retire))
                    .on_press(messages.retire.clone())
                    .style(button::danger),
                button(text(words.cancel))
                    .on_press(messages.close.clone())
                    .style(button::secondary),
            ]
            .spacing(theme::SPACE_S),
        ]
        .spacing(theme::SPACE_S)
        .into(),
        Dialog::Approve { note, pin, retrain } => column![
            text(words.approve_note),
            text_input(words.approve_note, note)
                .id("approve-note")
                .on_input(messages.note)
                .on_submit(messages.approve.clone()),
            messages.retrain.map(|toggle| column![
                checkbox(*retrain).label(words.retrain).on_toggle(toggle),
                text(if *retrain {
                    words.retrain_yes
                } else {
                    words.retrain_no
                })
                .size(theme::TEXT_SMALL)
                .style(theme::muted),
            ]
            .spacing(theme::SPACE_XS)),
            pin_field(pin, messages.approve.clone()),
            row![
                button(text(words.approve_confirm))
                    .on_press_maybe((!note.trim().is_empty()).then_some(messages.approve))
                    .style(button::success),
                button(text(words.cancel))
                    .on_press(messages.close)
                    .style(button::secondary),
            ]
            .spacing(theme::SPACE_S),
        ]
        .spacing(theme::SPACE_S)
        .into(),
        Dialog::Delete => row![
            text(fill(words.confirm_delete, &[("what", what)])).width(Length::Fill),
            button(text(words.delete))
                .on_press(messages.delete)
                .style(button::danger),
            button(text(words.cancel))
                .on_press(messages.close)
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

/// A keystroke that changes the list lays every drawn entry out anew: with 1,000
/// procedures, 300 entries cost ~10 ms of a 16 ms frame, 100 about 3 ms (benches/ui.rs),
/// and 100 are still some eight screens to scroll.
const LIST_LIMIT: usize = 100;

/// One record in the list beside an editor.
pub struct ListEntry<'a> {
    /// Its id, shown small and sent back when picked.
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Where it stands.
    pub status: &'a Status,
    /// Its revision.
    pub revision: u32,
}

/// The list of procedures or checklists: a "new" button, then the matching records
/// (at most [`LIST_LIMIT`] drawn, and how many more match).
pub fn record_list<'a, M: Clone + 'a>(
    matching: &[ListEntry<'a>],
    selected: Option<&str>,
    new: (&'static str, M),
    select: impl Fn(String) -> M,
    words: &'static Text,
    room: theme::Room,
) -> Element<'a, M> {
    let mut list = Column::new().spacing(theme::LIST_GAP);
    for entry in matching.iter().take(LIST_LIMIT) {
        let title = if entry.title.is_empty() {
            words.untitled
        } else {
            entry.title
        };
        let content = column![
            text(title).size(theme::TEXT),
            row![
                status_badge(entry.status, entry.revision, words),
                text(entry.id).size(theme::TEXT_SMALL).style(theme::muted)
            ]
            .spacing(theme::SPACE_S)
            .align_y(Alignment::Center)
            .wrap()
            .vertical_spacing(theme::SPACE_XS),
        ]
        .spacing(theme::SPACE_XS);
        list = list.push(
            button(content)
                .width(Length::Fill)
                .padding(theme::SPACE_S)
                .style(theme::nav(selected == Some(entry.id)))
                .on_press(select(entry.id.to_owned())),
        );
    }
    if matching.is_empty() {
        list = list.push(text(words.no_matches).style(theme::muted));
    } else if matching.len() > LIST_LIMIT {
        list = list.push(text(format!("… {}", matching.len() - LIST_LIMIT)).style(theme::muted));
    }
    column![
        button(text(new.0)).on_press(new.1).style(button::primary),
        // Room on the right, so the scrollbar never covers a record's id.
        scrollable(container(list).padding(iced::Padding::ZERO.right(theme::SPACE_M)))
            .height(Length::Fill),
    ]
    .spacing(theme::SPACE_M)
    .width(room.list())
    .into()
}
