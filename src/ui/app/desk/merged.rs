//! What the window says after it merged another desk's work: a save that met another
//! desk's change, a sync tool's conflict copy settled, a copy left for the user, a record
//! whose file vanished. Kept as values and put into words when drawn, in the language of
//! then.

use iced::widget::{button, column, container, row, text};
use iced::{Alignment, Element, Length};

use super::Desk;
use crate::model::Records;
use crate::model::merge::{Item, Taken};
use crate::store::resolve::{Left, Outcome, Resolution, Took};
use crate::ui::app::Message;
use crate::ui::text::{Language, fill};
use crate::ui::theme;

crate::texts!(MergeWords {
    merged: "Merged {things} from another desk into {record}.", "Samengevoegd in {record} vanaf een andere werkplek: {things}.";
    nothing_new: "Removed a conflict copy of {record} that held nothing new.", "Een conflictkopie van {record} zonder iets nieuws is verwijderd.";
    split: "Another desk saved a different order as {id}: that one is now {new_id}.", "Een andere werkplek bewaarde een andere bestelling als {id}: die heet nu {new_id}.";
    restored: "The file of {record} was missing: the copy from another desk took its place.", "Het bestand van {record} ontbrak: de kopie van een andere werkplek nam zijn plaats in.";
    left: "{copy} waits for you: {reason}", "{copy} wacht op jou: {reason}";
    not_mergeable: "a copy of a procedure, a checklist, an archived revision or the business settings is never merged; compare the two in Problems and keep one.", "een kopie van een procedure, een checklijst, een gearchiveerde revisie of de bedrijfsinstellingen wordt nooit samengevoegd; vergelijk ze bij Problemen en bewaar er één.";
    clashes: "both desks changed {items} differently.", "beide werkplekken veranderden {items} elk anders.";
    unreadable: "the copy does not read ({why}).", "de kopie is niet te lezen ({why}).";
    original_broken: "the file itself does not read; mend it first.", "het bestand zelf is niet te lezen; herstel dat eerst.";
    other_record: "the copy holds {path}.", "de kopie bevat {path}.";
    refused: "it could not be saved: {why}", "het kon niet bewaard worden: {why}";
    clash_heading: "Two desks changed {items} of {file} differently. Choose which to keep; everything else both desks did is kept.", "Twee werkplekken veranderden {items} van {file} elk anders. Kies wat je bewaart; al het andere dat beide deden blijft bewaard.";
    check_by: "{who}'s check", "de controle van {who}";
    check: "a check", "een controle";
    contact_by: "{who}'s contact", "het klantcontact van {who}";
    contact: "a customer contact", "een klantcontact";
    defect: "defect {id}", "gebrek {id}";
    defect_changes: "changes to defect {id}", "wijzigingen in gebrek {id}";
    signature: "{who}'s signature under {procedure} (revision {revision})", "de handtekening van {who} onder {procedure} (revisie {revision})";
    signature_plain: "a signature under {procedure} (revision {revision})", "een handtekening onder {procedure} (revisie {revision})";
    renumbered: "another defect {from}, now {to}", "een ander gebrek {from}, nu {to}";
    vanished: "The file {file} is gone from the folder (a sync not finished, or a file kept online only). The window keeps its last copy; saving it writes the file again.", "Het bestand {file} is uit de map verdwenen (een synchronisatie die nog bezig is, of een bestand dat alleen online staat). Het venster houdt de laatste versie; bewaren schrijft het bestand opnieuw.";
    and: "and", "en";
    close: "OK", "OK";
});

/// Something the window did, or could not do, with another desk's work.
#[derive(Debug, Clone)]
pub(in crate::ui::app) enum Note {
    /// A conflict copy found in the folder, and what became of it.
    Copy(Resolution),
    /// A save here met another desk's change to the file.
    Saved(Outcome),
    /// A record's file went from the folder; the window keeps its last copy.
    Vanished(String),
}

impl Desk {
    /// Settles the conflict copies in the folder, noting each; the copies settled are no
    /// change on disk to read in.
    pub fn settle_copies(&mut self) {
        for resolution in self.folder.change().resolve(false) {
            if !resolution.outcome.is_left() {
                self.changed.remove(&resolution.copy);
            }
            // A copy left for the user is noted once, not at every look.
            let known = self.notes.iter().any(|note| {
                matches!(note, Note::Copy(seen) if seen.copy == resolution.copy && seen.outcome.is_left())
            });
            if !(known && resolution.outcome.is_left()) {
                self.notes.push(Note::Copy(resolution));
            }
        }
    }

    /// Takes the workspace as read again, keeping the records whose files went, with a note.
    pub fn take_keeping_vanished(&mut self, folder: crate::store::Folder) {
        let before = self.folder.replace(folder);
        let gone = self.folder.change().keep_vanished(&before);
        self.notes.extend(gone.into_iter().map(Note::Vanished));
    }

    /// The notes, in words, with a button that puts them away; nothing when there are none.
    pub fn notes_view<'a>(&self, language: Language) -> Option<Element<'a, Message>> {
        let records = self.folder.records();
        let lines: Vec<Element<'a, Message>> = self
            .notes
            .iter()
            .filter_map(|note| note_words(note, records, language))
            .map(|line| text(line).into())
            .collect();
        // A save that met only a change with nothing new in it says nothing.
        if lines.is_empty() {
            return None;
        }
        let words = MergeWords::of(language);
        Some(
            container(
                row![
                    column(lines).spacing(theme::SPACE_XS).width(Length::Fill),
                    button(text(words.close))
                        .on_press(Message::NotesRead)
                        .style(button::secondary),
                ]
                .spacing(theme::SPACE_M)
                .align_y(Alignment::Center),
            )
            .padding(theme::SPACE_S)
            .style(theme::card)
            .width(Length::Fill)
            .into(),
        )
    }
}

/// Whether any of `files` (relative to the workspace) is a sync tool's conflict copy.
pub(in crate::ui::app) fn names_a_copy(files: &[String]) -> bool {
    files.iter().any(|file| {
        let name = file.rsplit('/').next().unwrap_or(file);
        matches!(
            crate::store::layout::classify_name(name),
            crate::store::layout::Name::Conflict { .. }
        )
    })
}

/// One note in words; `None` for a save that merged nothing worth saying.
pub(in crate::ui::app) fn note_words(
    note: &Note,
    records: &Records,
    language: Language,
) -> Option<String> {
    let words = MergeWords::of(language);
    match note {
        Note::Vanished(file) => Some(fill(words.vanished, &[("file", file)])),
        Note::Saved(outcome) => outcome_words(outcome, None, records, language),
        Note::Copy(resolution) => outcome_words(
            &resolution.outcome,
            Some(&resolution.copy),
            records,
            language,
        ),
    }
}

fn outcome_words(
    outcome: &Outcome,
    copy: Option<&str>,
    records: &Records,
    language: Language,
) -> Option<String> {
    let words = MergeWords::of(language);
    match outcome {
        Outcome::Merged { record, took } if took.is_empty() => {
            copy.map(|_| fill(words.nothing_new, &[("record", record)]))
        }
        Outcome::Merged { record, took } => {
            let things: Vec<String> = took.iter().map(|t| thing(t, records, language)).collect();
            let things = listed(&things, words.and);
            Some(fill(
                words.merged,
                &[("things", &things), ("record", record)],
            ))
        }
        Outcome::Split { id, new_id } => Some(fill(words.split, &[("id", id), ("new_id", new_id)])),
        Outcome::Restored { record } => Some(fill(words.restored, &[("record", record)])),
        Outcome::Left(left) => {
            let reason = match left {
                Left::NotMergeable => words.not_mergeable.to_owned(),
                Left::Clashes(clashes) => {
                    let items: Vec<String> =
                        clashes.iter().map(|c| item(&c.item, language)).collect();
                    fill(words.clashes, &[("items", &listed(&items, words.and))])
                }
                Left::Unreadable(why) => fill(words.unreadable, &[("why", why)]),
                Left::OriginalBroken => words.original_broken.to_owned(),
                Left::OtherRecord(path) => fill(words.other_record, &[("path", path)]),
                Left::Refused(error) => fill(words.refused, &[("why", &error.to_string())]),
            };
            let copy = copy.unwrap_or_default();
            Some(fill(words.left, &[("copy", copy), ("reason", &reason)]))
        }
    }
}

/// The heading over two versions of the items of an order both desks changed.
pub(in crate::ui::app) fn clash_heading(items: &[Item], file: &str, language: Language) -> String {
    let words = MergeWords::of(language);
    let items: Vec<String> = items.iter().map(|i| item(i, language)).collect();
    fill(
        words.clash_heading,
        &[("items", &listed(&items, words.and)), ("file", file)],
    )
}

/// "a, b and c".
fn listed(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// An item, without who it names.
fn item(item: &Item, language: Language) -> String {
    thing(
        &Took {
            taken: Taken::Added(item.clone()),
            who: None,
        },
        &Records::new(crate::model::Workspace::new("")),
        language,
    )
}

/// What was taken from another desk, naming the person by name where the staff knows them.
fn thing(took: &Took, records: &Records, language: Language) -> String {
    let words = MergeWords::of(language);
    let who = took.who.as_deref().map(|id| {
        records
            .workspace
            .person(id)
            .map_or_else(|| id.to_owned(), |p| p.name.clone())
    });
    let item = match &took.taken {
        Taken::Renumbered { from, to } => {
            return fill(words.renumbered, &[("from", from), ("to", to)]);
        }
        Taken::Changed(Item::Defect { id }) => {
            return fill(words.defect_changes, &[("id", id)]);
        }
        Taken::Added(item) | Taken::Changed(item) => item,
    };
    match (item, who.as_deref()) {
        (Item::Check { .. }, Some(who)) => fill(words.check_by, &[("who", who)]),
        (Item::Check { .. }, None) => words.check.to_owned(),
        (Item::Contact { .. }, Some(who)) => fill(words.contact_by, &[("who", who)]),
        (Item::Contact { .. }, None) => words.contact.to_owned(),
        (Item::Defect { id }, _) => fill(words.defect, &[("id", id)]),
        (
            Item::Signed {
                procedure,
                revision,
            },
            who,
        ) => {
            let revision = revision.to_string();
            let mut fields = vec![("procedure", procedure.as_str()), ("revision", &revision)];
            match who {
                Some(who) => {
                    fields.push(("who", who));
                    fill(words.signature, &fields)
                }
                None => fill(words.signature_plain, &fields),
            }
        }
    }
}
