//! What the business screen says, in the user's language: refusals name the records
//! they are about by title or order number.

use iced::Element;
use iced::widget::text;

use super::form::{CategoryRefusal, Invalid, NumberField};
use super::{Area, Business, BusinessWords, Message, Note, PinNote};
use crate::model::{Language, NamedIn, PeopleError, PinError, PinRefused, category_name};
use crate::ui::screen::Context;
use crate::ui::text::fill;
use crate::ui::theme;

impl Business {
    /// The note of the last action, where it belongs.
    pub(super) fn note_in<'a>(&self, area: Area, ctx: &Context) -> Option<Element<'a, Message>> {
        let (shown_in, note) = self.note.as_ref()?;
        if *shown_in != area {
            return None;
        }
        let good = matches!(
            note,
            Note::Saved | Note::Pin(PinNote::Set | PinNote::Cleared(_))
        );
        let said = say(note, ctx);
        Some(if good {
            text(said).style(theme::ok_text).into()
        } else {
            text(said).style(theme::error_text).into()
        })
    }
}

/// A note in words.
pub(super) fn say(note: &Note, ctx: &Context) -> String {
    let words = BusinessWords::of(ctx.language);
    match note {
        Note::People(error) => people_error(error, ctx),
        Note::Category(refusal) => category(refusal, ctx.language),
        Note::Invalid(Invalid::NoName) => words.no_business_name.to_owned(),
        Note::Invalid(Invalid::Number(field, value)) => {
            let text = match field {
                NumberField::Alarm => words.not_a_number,
                NumberField::Count | NumberField::Days => words.not_a_count,
            };
            fill(text, &[("value", value)])
        }
        Note::NotADate(date) => fill(words.not_a_date, &[("date", date)]),
        Note::Pin(note) => pin(note, ctx),
        Note::Saved => words.saved.to_owned(),
        Note::SaveFailed(why) => fill(words.save_failed, &[("why", why)]),
        Note::TookDisk => words.took_disk.to_owned(),
    }
}

fn category(refusal: &CategoryRefusal, language: Language) -> String {
    let words = BusinessWords::of(language);
    match refusal {
        CategoryRefusal::Empty => words.category_empty.to_owned(),
        CategoryRefusal::Exists(name) => fill(words.category_exists, &[("name", name)]),
        CategoryRefusal::Used { name, orders } => {
            let orders: Vec<String> = orders
                .iter()
                .map(|order| fill(words.order, &[("order", order)]))
                .collect();
            fill(
                words.category_used,
                &[
                    ("name", category_name(name, language)),
                    ("records", &listed(&orders)),
                ],
            )
        }
        CategoryRefusal::Last => words.category_last.to_owned(),
    }
}

fn pin(note: &PinNote, ctx: &Context) -> String {
    let words = BusinessWords::of(ctx.language);
    match note {
        PinNote::Bad(PinError::NotDigits) => words.pin_digits.to_owned(),
        PinNote::Bad(PinError::TooShort { .. }) => words.pin_short.to_owned(),
        PinNote::Bad(PinError::TooLong { .. }) => words.pin_long.to_owned(),
        PinNote::Refused(PinRefused::Wrong { .. }) => words.pin_wrong.to_owned(),
        PinNote::Refused(PinRefused::Wait { seconds }) => {
            fill(words.pin_wait, &[("seconds", &seconds.to_string())])
        }
        PinNote::Differs => words.pin_differs.to_owned(),
        PinNote::Set => words.pin_set.to_owned(),
        PinNote::Cleared(id) => fill(words.pin_cleared, &[("name", &ctx.name_of(id))]),
    }
}

/// A refused change to the staff, naming the person and the records by title.
pub(super) fn people_error(error: &PeopleError, ctx: &Context) -> String {
    let words = BusinessWords::of(ctx.language);
    let named = |text: &str, id: &str, records: &[NamedIn]| {
        let records: Vec<String> = records.iter().map(|r| record(r, ctx)).collect();
        fill(
            text,
            &[("name", &ctx.name_of(id)), ("records", &listed(&records))],
        )
    };
    match error {
        PeopleError::NoBusinessName => words.no_business_name.to_owned(),
        PeopleError::NoName => words.no_name.to_owned(),
        PeopleError::Unknown(id) => fill(words.unknown, &[("id", id)]),
        PeopleError::LastOwner { name, .. } => fill(words.last_owner, &[("name", name)]),
        PeopleError::Approved { id, records } => named(words.approved, id, records),
        PeopleError::Named { id, records } => named(words.named, id, records),
    }
}

/// A record that names someone, by its title or order number.
fn record(named: &NamedIn, ctx: &Context) -> String {
    let words = BusinessWords::of(ctx.language);
    let records = ctx.records;
    match named {
        NamedIn::Procedure(id) => {
            let title = records
                .procedures
                .iter()
                .chain(&records.archived_procedures)
                .find(|p| &p.id == id)
                .map_or(id.as_str(), |p| p.title.as_str());
            fill(words.procedure, &[("title", title)])
        }
        NamedIn::Checklist(id) => {
            let title = records
                .checklists
                .iter()
                .chain(&records.archived_checklists)
                .find(|c| &c.id == id)
                .map_or(id.as_str(), |c| c.title.as_str());
            fill(words.checklist, &[("title", title)])
        }
        NamedIn::Order(id) => fill(words.order, &[("order", id)]),
        NamedIn::Training(_) => words.training.to_owned(),
    }
}

/// The first few of `items`, and how many more.
fn listed(items: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut said = items
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > SHOWN {
        said.push_str(&format!(" (+{})", items.len() - SHOWN));
    }
    said
}
