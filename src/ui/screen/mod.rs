//! One module per screen. Each screen keeps its own state, turns its messages into an
//! [`Action`](procedures::Action) for the app, and never touches the workspace itself.

pub mod business;
pub mod checklists;
pub mod dashboard;
pub mod defects;
pub mod editor;
pub mod file_place;
pub mod growing;
pub mod haystack;
pub mod manual;
pub mod orders;
pub mod photos;
pub mod problems;
pub mod procedures;
pub mod reading;
pub mod revision;
pub mod rows;
pub mod settings;
pub mod training;
pub mod welcome;

use iced::widget::{column, row, text};
use iced::{Element, Length};

use crate::model::{Date, DateTime, Number, Order, Person, PinGuard, Records, Role};
use crate::ui::text::{Language, Text};
use crate::ui::theme;

/// Work begun on a screen and not saved yet, as the app names it before it lets the
/// workspace go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsaved {
    /// A procedure or checklist, by its title.
    Record(String),
    /// A new order, not saved yet.
    NewOrder,
    /// A check begun on this order.
    Check(String),
    /// A defect of this order: new, changed, or proposed by a failed check.
    Defect(String),
    /// A customer contact being logged on this order.
    Contact(String),
    /// Procedures read for import and shown, not imported yet: from this file, or from
    /// pasted text (`None`).
    ProcedureImport(Option<String>),
    /// Text pasted into the procedures import, not read yet.
    PastedText,
    /// The orders of this CSV file, shown before the import, not imported yet.
    OrderImport(String),
}

/// What every screen may read: the records, who you are, today, and the words to use.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// Everything loaded from the workspace.
    pub records: &'a Records,
    /// Moves on whenever `records` may have changed: a list derived from them and kept
    /// under an equal generation still holds.
    pub generation: u64,
    /// Who is at the keyboard.
    pub me: Option<&'a Person>,
    /// Today, for approvals and due dates.
    pub today: Date,
    /// The time now, to the minute, for checks and contacts.
    pub now: DateTime,
    /// The words, in the chosen language.
    pub words: &'static Text,
    /// The chosen language, for screens that keep their own words.
    pub language: Language,
    /// Why nothing may be saved, if so.
    pub read_only: bool,
    /// The workspace's pictures, to show.
    pub photos: photos::Photos<'a>,
    /// How much room the window gives the screen.
    pub room: theme::Room,
    /// Wrong PIN tries per person: one count for every PIN prompt of the window.
    pub pins: &'a PinGuard,
    /// This machine's desk code, for ids no other desk picks; none in tests and where the
    /// settings cannot be saved.
    pub desk: Option<crate::model::Desk>,
    /// Where these records are those of the generation before with older orders added
    /// (a batch of a workspace opened in two phases): what still holds of the lists
    /// derived from those.
    pub older: Option<Older>,
}

/// Records that are those of generation `from` with older orders added, the newest `kept`
/// orders of those still at their place counted from the newest: a list derived from the
/// orders newest first holds for that many of them, and grows on from there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Older {
    pub from: u64,
    pub kept: usize,
}

impl Context<'_> {
    /// Whether the person at the keyboard is an owner.
    pub fn is_owner(&self) -> bool {
        self.me.is_some_and(|me| me.role == Role::Owner)
    }

    /// The full name for a person id, or the id itself.
    pub fn name_of(&self, id: &str) -> String {
        self.records
            .workspace
            .person(id)
            .map_or_else(|| id.to_owned(), |p| p.name.clone())
    }

    /// The owners' names, for "ask …".
    pub fn owners(&self) -> String {
        let names: Vec<&str> = self
            .records
            .workspace
            .staff
            .iter()
            .filter(|p| p.role == Role::Owner)
            .map(|p| p.name.as_str())
            .collect();
        names.join(", ")
    }
}

/// The order `id`, looked for first at `hint`, its place in `records.orders` when last
/// found: a frame that draws an open order need not look through five years of orders.
pub fn order_near<'a>(records: &'a Records, id: &str, hint: Option<u32>) -> Option<&'a Order> {
    hint.and_then(|at| records.orders.get(at as usize))
        .filter(|order| order.id == id)
        .or_else(|| records.orders.iter().find(|order| order.id == id))
}

/// Where the order `id` is in `records.orders`, `hint` first: for [`order_near`].
pub fn place_near(records: &Records, id: &str, hint: Option<u32>) -> Option<u32> {
    let at_hint = hint.filter(|at| records.orders.get(*at as usize).is_some_and(|o| o.id == id));
    at_hint.or_else(|| {
        let at = records.orders.iter().position(|order| order.id == id)?;
        u32::try_from(at).ok()
    })
}

/// A label above its input.
pub fn labelled<'a, Message: 'a>(
    label: &'a str,
    input: impl Into<Element<'a, Message>>,
) -> Element<'a, Message> {
    column![
        text(label).size(theme::TEXT_SMALL).style(theme::muted),
        input.into()
    ]
    .spacing(theme::SPACE_XS)
    .width(Length::Fill)
    .into()
}

/// A label above its input, and beside the label what is wrong with the input: the
/// problem shows and goes as the user types without moving anything on the screen.
pub fn labelled_problem<'a, Message: 'a>(
    label: &'a str,
    problem: Option<String>,
    input: impl Into<Element<'a, Message>>,
) -> Element<'a, Message> {
    let problem = problem.map(|p| text(p).size(theme::TEXT_SMALL).style(theme::error_text));
    column![
        row![
            text(label).size(theme::TEXT_SMALL).style(theme::muted),
            problem
        ]
        .spacing(theme::SPACE_S),
        input.into()
    ]
    .spacing(theme::SPACE_XS)
    .width(Length::Fill)
    .into()
}

/// How a note under a field reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// Something to fix before saving.
    Problem,
    /// Worth a look, but saves.
    Warning,
}

/// The note under a field or a line of a form, in one line kept for it whether there is a
/// note or not: a note that appears as the user types moves nothing below it. Of several
/// notes the first problem shows, else the first warning; the others show once it is
/// dealt with.
pub fn notes_line<'a, Message: 'a>(
    notes: impl IntoIterator<Item = (NoteKind, String)>,
) -> Element<'a, Message> {
    let mut notes: Vec<(NoteKind, String)> = notes.into_iter().collect();
    notes.sort_by_key(|(kind, _)| *kind != NoteKind::Problem);
    match notes.into_iter().next() {
        Some((NoteKind::Problem, note)) => text(note)
            .size(theme::TEXT_SMALL)
            .style(theme::error_text)
            .into(),
        Some((NoteKind::Warning, note)) => text(note)
            .size(theme::TEXT_SMALL)
            .style(theme::warning_text)
            .into(),
        // One empty line of the notes' size holds their place.
        None => text(" ").size(theme::TEXT_SMALL).into(),
    }
}

/// A person as a pick-list entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonChoice {
    /// The id written to files.
    pub id: String,
    /// The name shown.
    pub name: String,
}

impl std::fmt::Display for PersonChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

/// The people who may be picked today: everyone who has not left.
pub fn offered(ctx: &Context) -> Vec<PersonChoice> {
    choices(ctx.records.workspace.offered(ctx.today).into_iter())
}

/// The people who may be picked today and, where `current` names someone who has left
/// since, that person too: a record keeps showing who it names, while nobody picks a
/// leaver anew.
pub fn offered_or(ctx: &Context, current: Option<&str>) -> Vec<PersonChoice> {
    let offered = ctx.records.workspace.offered(ctx.today);
    let kept = current
        .filter(|id| !offered.iter().any(|p| p.id == *id))
        .and_then(|id| ctx.records.workspace.person(id));
    choices(offered.into_iter().chain(kept))
}

fn choices<'a>(people: impl Iterator<Item = &'a Person>) -> Vec<PersonChoice> {
    people
        .map(|p| PersonChoice {
            id: p.id.clone(),
            name: p.name.clone(),
        })
        .collect()
}

/// A number as typed: empty is `None`, a comma is a decimal point ("70,5"), and
/// anything else that is not a finite number is an error.
pub(crate) fn typed_number(text: &str) -> Result<Option<Number>, ()> {
    let text = text.trim().replace(',', ".");
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<f64>()
        .ok()
        .and_then(Number::new)
        .map(Some)
        .ok_or(())
}

/// A number as the editor shows it: as written in the file, or empty.
pub(crate) fn shown_number(number: Option<Number>) -> String {
    number.map(|n| n.to_string()).unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::Folder;

    /// What a screen sees of `records` on `today`, as Ellen, in English.
    pub(crate) fn context(records: &Records, today: Date) -> Context<'_> {
        Context {
            records,
            generation: 0,
            me: records.workspace.person("ellen"),
            today,
            now: DateTime::start_of(today),
            words: Text::of(Language::En),
            language: Language::En,
            read_only: false,
            photos: photos::Photos::none(),
            room: theme::Room::default(),
            // A fresh count of wrong PINs for each context, as a new window has.
            pins: Box::leak(Box::default()),
            desk: None,
            older: None,
        }
    }

    #[test]
    fn an_order_is_found_by_id_whatever_its_hint_says() {
        let folder = Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let records = folder.records();
        let id = records.orders[5].id.as_str();
        for hint in [None, Some(5), Some(0), Some(u32::MAX)] {
            assert_eq!(place_near(records, id, hint), Some(5), "hint {hint:?}");
            assert_eq!(
                order_near(records, id, hint).map(|o| &o.id),
                Some(&records.orders[5].id)
            );
        }
        assert_eq!(place_near(records, "no such order", Some(5)), None);
        assert!(order_near(records, "no such order", Some(5)).is_none());
    }

    #[test]
    fn a_leaver_is_offered_only_where_a_record_already_names_them() {
        let folder = Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let mut records = folder.records().clone();
        let today = Date::new(2026, 11, 23).unwrap();
        for person in &mut records.workspace.staff {
            if person.id == "jake" {
                person.left = Date::new(2026, 11, 1);
            }
        }
        let ctx = tests::context(&records, today);
        let ids = |choices: Vec<PersonChoice>| -> Vec<String> {
            choices.into_iter().map(|p| p.id).collect()
        };
        assert_eq!(ids(offered_or(&ctx, None)), ["ellen", "tom", "priya"]);
        assert_eq!(
            ids(offered_or(&ctx, Some("priya"))),
            ["ellen", "tom", "priya"]
        );
        assert_eq!(
            ids(offered_or(&ctx, Some("jake"))),
            ["ellen", "tom", "priya", "jake"],
            "an old record still shows Jake"
        );
        assert_eq!(ids(offered(&ctx)), ["ellen", "tom", "priya"]);
    }
}
