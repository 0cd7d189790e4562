//! One's own PIN: typed twice, the old one first when there is one; and an owner clearing
//! someone else's. Saved at once, as its hash only; what was typed is forgotten at once.

use std::time::Instant;

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Alignment, Element};

use super::{Area, Business, BusinessWords, Message, Note};
use crate::model::{Pin, PinError, PinRefused, Workspace};
use crate::ui::request::{Record, Request, Saved};
use crate::ui::screen::{Context, labelled};
use crate::ui::theme;

/// A PIN as typed: never shown in a debug print, so never in a log.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// What was typed.
    pub fn new(typed: String) -> Secret {
        Secret(typed)
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(****)")
    }
}

/// Which of the PIN fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Old,
    New,
    Again,
}

/// The PIN fields being typed.
#[derive(Debug, Default)]
pub(super) struct PinForm {
    old: Secret,
    new: Secret,
    again: Secret,
}

impl PinForm {
    pub fn set(&mut self, field: Field, typed: Secret) {
        match field {
            Field::Old => self.old = typed,
            Field::New => self.new = typed,
            Field::Again => self.again = typed,
        }
    }
}

/// A change to someone's PIN being saved: the hash to keep, or none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinChange {
    id: String,
    hash: Option<String>,
}

/// What came of setting or clearing a PIN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinNote {
    /// The new PIN is not one.
    Bad(PinError),
    /// The old PIN was not right, or too many were not.
    Refused(PinRefused),
    /// The new PIN and its repetition differ.
    Differs,
    /// The PIN is set.
    Set,
    /// The PIN of the person with this id is cleared.
    Cleared(String),
}

impl Business {
    /// Sets the PIN of the person at the keyboard, checking their old one first.
    pub(super) fn set_pin(&mut self, ctx: &Context, now: Instant) -> Request<Message> {
        let form = std::mem::take(&mut self.pin);
        let Some(me) = ctx.me else {
            return Request::None;
        };
        if let Some(hash) = &me.pin
            && let Err(refused) = ctx.pins.attempt(&me.id, hash, &form.old.0, now)
        {
            self.tell(Area::Pin, Note::Pin(PinNote::Refused(refused)));
            return Request::None;
        }
        let pin = match Pin::parse(&form.new.0) {
            Ok(pin) if form.new == form.again => pin,
            Ok(_) => return self.refuse_pin(PinNote::Differs),
            Err(error) => return self.refuse_pin(PinNote::Bad(error)),
        };
        let mut workspace = ctx.records.workspace.clone();
        if workspace.set_pin(&me.id, &pin).is_err() {
            return Request::None;
        }
        self.save_pin(workspace, &me.id)
    }

    /// Clears the PIN of `id`, someone other than the owner at the keyboard.
    pub(super) fn clear_pin(&mut self, id: &str, ctx: &Context) -> Request<Message> {
        if ctx.me.is_some_and(|me| me.id == id) {
            return Request::None;
        }
        let mut workspace = ctx.records.workspace.clone();
        if workspace.clear_pin(id).is_err() {
            return Request::None;
        }
        self.save_pin(workspace, id)
    }

    fn refuse_pin(&mut self, note: PinNote) -> Request<Message> {
        self.tell(Area::Pin, Note::Pin(note));
        Request::None
    }

    /// Saves `workspace`, which differs from the saved one in the PIN of `id` only.
    fn save_pin(&mut self, workspace: Workspace, id: &str) -> Request<Message> {
        let change = PinChange {
            id: id.to_owned(),
            hash: workspace.person(id).and_then(|p| p.pin.clone()),
        };
        Request::save(Record::Workspace(Box::new(workspace)), move |saved| {
            Message::PinSaved(change, saved)
        })
    }

    /// A PIN saved, or not: the business being changed gets it too, as saved.
    pub(super) fn pin_saved(&mut self, change: PinChange, saved: Saved) {
        let note = match saved {
            Saved::Done => {
                let keep = |draft: &mut super::Draft| {
                    for workspace in [&mut draft.base, &mut draft.workspace] {
                        let person = workspace.staff.iter_mut().find(|p| p.id == change.id);
                        if let Some(person) = person {
                            person.pin = change.hash.clone();
                        }
                    }
                };
                self.draft.iter_mut().for_each(keep);
                self.history.for_each_mut(keep);
                let (area, note) = match change.hash {
                    None => (Area::People, PinNote::Cleared(change.id)),
                    Some(_) => (Area::Pin, PinNote::Set),
                };
                return self.tell(area, Note::Pin(note));
            }
            Saved::Failed(why) => Note::SaveFailed(why),
            Saved::TookDisk(_) => Note::TookDisk,
        };
        self.tell(Area::Pin, note);
    }

    /// The PIN fields of the person at the keyboard.
    pub(super) fn pin_view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let words = BusinessWords::of(ctx.language);
        let title = text(words.your_pin).size(theme::TEXT_HEADING);
        let Some(me) = ctx.me else {
            return column![title, text(words.pin_nobody).style(theme::muted)]
                .spacing(theme::SPACE_M)
                .into();
        };
        let field = |label: &'static str, id: &'static str, value: &Secret, which: Field| {
            container(labelled(
                label,
                text_input(label, &value.0)
                    .id(id)
                    .secure(true)
                    .on_input(move |typed| Message::Pin(which, Secret(typed)))
                    .on_submit(Message::SetPin)
                    .padding(theme::SPACE_S),
            ))
            .width(theme::PICK_WIDTH)
        };
        let old = me
            .has_pin()
            .then(|| field(words.old_pin, "pin-old", &self.pin.old, Field::Old));
        let action = if me.has_pin() {
            words.change_pin
        } else {
            words.set_pin
        };
        let set = button(text(action)).on_press_maybe((!ctx.read_only).then_some(Message::SetPin));
        column![
            title,
            text(words.pin_intro)
                .size(theme::TEXT_SMALL)
                .style(theme::muted),
            row![]
                .push(old)
                .push(field(words.new_pin, "pin-new", &self.pin.new, Field::New))
                .push(field(
                    words.again_pin,
                    "pin-again",
                    &self.pin.again,
                    Field::Again
                ))
                .push(set)
                .spacing(theme::SPACE_S)
                .align_y(Alignment::End),
        ]
        .push(self.note_in(Area::Pin, ctx))
        .spacing(theme::SPACE_M)
        .into()
    }
}
