//! Issue 17, point 1: "Import procedures…" on the Procedures screen: text pasted in, read, looked over and
//! changed in the preview, one procedure left out, and the rest written as drafts, exactly.
#![cfg(feature = "gui")]

mod desk;

use std::sync::Arc;

use desk::Desk;
use iced::widget::text_editor::{Action, Edit as TextEdit};
use iced_test::simulator::Simulator;
use rightfirst::ui::Message;
use rightfirst::ui::screen::procedures::{self, Edit, intake};

const PASTED: &str = "Closing down
============
Purpose: Leave the shop clean.
1. Wipe the counters.
2) Cool the leftover soup to max 4,5 °C.
Warning: never leave it out overnight.
3. Lock the door

# Morning bake
1. Bake the rolls at 215 to 225 °C.
";

fn intake(message: intake::Message) -> Message {
    Message::Procedures(procedures::Message::Edit(Edit::Intake(message)))
}

/// A window with `PASTED` read into the import's preview, as Ellen.
fn previewing_pasted() -> Desk {
    let mut desk = Desk::open_as("ellen");
    desk.click("Import procedures…");
    let paste = Action::Edit(TextEdit::Paste(Arc::new(PASTED.to_owned())));
    let _ = desk.app.update(intake(intake::Message::Paste(paste)));
    desk.click("Read the pasted text");
    desk
}

#[test]
fn pasted_procedures_are_looked_over_changed_and_written_as_drafts() {
    let mut desk = Desk::open_as("ellen");
    let before: Vec<_> = std::fs::read_dir(desk.root().join("procedures"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    desk.click("Import procedures…");
    assert!(desk.sees("Or paste the text here (Ctrl+V):"));
    // What the paste field sends on Ctrl+V.
    let paste = Action::Edit(TextEdit::Paste(Arc::new(PASTED.to_owned())));
    let _ = desk.app.update(intake(intake::Message::Paste(paste)));
    desk.click("Read the pasted text");

    // The preview: both procedures, the spec and where it was read from, the warning.
    assert!(desk.sees(
        "Found in pasted text: 2 procedures. Untick what you do not want and change anything before importing; each becomes a draft."
    ));
    assert!(desk.sees("read from “max 4,5 °C”"));
    assert_eq!(desk.input_text("intake-0-1-what"), "Cool the leftover soup");
    assert_eq!(desk.input_text("intake-0-1-max"), "4.5");
    assert_eq!(
        desk.input_text("intake-0-1-warning"),
        "never leave it out overnight."
    );
    assert_eq!(desk.input_text("intake-1-0-min"), "215");
    assert!(desk.sees("Import 2 procedures"));

    // Changed before importing: a step's text, a warning added, a spec's what; the second
    // procedure left out.
    desk.type_into("intake-0-2-text", " and the back door.");
    desk.type_into("intake-0-0-warning", "Use the blue cloth.");
    desk.type_into("intake-0-1-what", " in the fridge");
    desk.click("Import procedure 2");
    assert!(desk.sees("Import 1 procedure"));
    assert!(
        std::fs::read_dir(desk.root().join("procedures"))
            .unwrap()
            .count()
            == before.len()
    );

    desk.press("Import 1 procedure");
    assert_eq!(
        desk.read("procedures/closing-down-2.ron"),
        r#"Procedure(
    id: "closing-down-2",
    title: "Closing down",
    purpose: "Leave the shop clean.",
    owner: "ellen",
    revision: 1,
    status: Draft,
    steps: [
        Step(id: "wipe-the-counters", text: "Wipe the counters.", warning: "Use the blue cloth."),
        Step(
            id: "cool-the-leftover-soup-to",
            text: "Cool the leftover soup to max 4,5 °C.",
            spec: (what: "Cool the leftover soup in the fridge", unit: "°C", max: 4.5),
            warning: "never leave it out overnight.",
        ),
        Step(id: "lock-the-door-and-the", text: "Lock the door and the back door."),
    ],
    changes: [Change(revision: 1, on: "2026-11-23", by: "ellen", note: "Imported from pasted text")],
)
"#
    );
    // Only that one file is new; the sample's own "Closing down" and the rest stand.
    let after: Vec<_> = std::fs::read_dir(desk.root().join("procedures"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(after.len(), before.len() + 1, "{after:?}");
    // The window is back on the editor, the new draft open, and says what happened.
    assert!(desk.sees("Imported 1 procedure as drafts."));
    assert_eq!(desk.input_text("title"), "Closing down");
}

#[test]
fn staff_see_no_import_and_a_document_with_no_steps_is_told() {
    let mut staff = Desk::open_as("priya");
    assert!(staff.sees("New procedure"));
    assert!(!staff.sees("Import procedures…"));

    let mut desk = Desk::open_dutch("ellen");
    desk.click("Procedures importeren…");
    let paste = Action::Edit(TextEdit::Paste(Arc::new("Alleen wat tekst.".to_owned())));
    let _ = desk.app.update(intake(intake::Message::Paste(paste)));
    desk.click("Lees de geplakte tekst");
    assert!(desk.sees(
        "geplakte tekst heeft geen stappen: de stappen van een procedure zijn genummerde regels (1. of 1), of Word-nummering) onder een kop."
    ));
    desk.click("Annuleren");
    assert!(desk.sees("Procedures importeren…"));
}

#[test]
fn the_preview_fits_a_window_of_1024_by_600() {
    let desk = previewing_pasted();
    let window = iced::Rectangle::new(iced::Point::ORIGIN, iced::Size::new(1024.0, 600.0));
    let mut ui = Simulator::with_size(iced::Settings::default(), (1024.0, 600.0), desk.app.view());
    for label in [
        "Import 2 procedures",
        "Back",
        "Cancel",
        "Import procedure 1",
        "Step 1",
    ] {
        let bounds = ui
            .find(label)
            .unwrap_or_else(|e| panic!("{label}: {e}"))
            .visible_bounds()
            .unwrap_or_else(|| panic!("{label} is not visible"));
        assert!(
            window.contains(bounds.position())
                && window.contains(iced::Point::new(
                    bounds.x + bounds.width,
                    bounds.y + bounds.height
                )),
            "{label} at {bounds:?}"
        );
    }
}

#[test]
fn a_file_picked_in_the_dialog_is_read_off_the_window_and_named_in_the_note() {
    let mut desk = Desk::open_as("tom");
    let file = desk.dir.path().join("kitchen.md");
    std::fs::write(
        &file,
        "# Cleaning the slicer\n\n1. Unplug it.\n2. Wipe the blade with 70-80 % alcohol.\n",
    )
    .unwrap();
    desk.click("Import procedures…");
    let task = desk.app.update(intake(intake::Message::Picked(
        rightfirst::ui::request::Picked::Path(file),
    )));
    desk.run(task);
    assert!(desk.sees(
        "Found in kitchen.md: 1 procedure. Untick what you do not want and change anything before importing; each becomes a draft."
    ));
    assert_eq!(desk.input_text("intake-0-1-unit"), "%");
    desk.press("Import 1 procedure");
    assert_eq!(
        desk.read("procedures/cleaning-the-slicer.ron"),
        r#"Procedure(
    id: "cleaning-the-slicer",
    title: "Cleaning the slicer",
    owner: "tom",
    revision: 1,
    status: Draft,
    steps: [
        Step(id: "unplug-it", text: "Unplug it."),
        Step(
            id: "wipe-the-blade-with-70",
            text: "Wipe the blade with 70-80 % alcohol.",
            spec: (what: "Wipe the blade", unit: "%", min: 70, max: 80),
        ),
    ],
    changes: [Change(revision: 1, on: "2026-11-23", by: "tom", note: "Imported from kitchen.md")],
)
"#
    );
}

#[test]
fn a_locked_file_and_a_kind_not_read_are_told_in_the_window_in_dutch() {
    let mut desk = Desk::open_dutch("ellen");
    desk.click("Procedures importeren…");
    let file = std::path::Path::new("tests/import/password.docx")
        .canonicalize()
        .unwrap();
    let task = desk.app.update(intake(intake::Message::Picked(
        rightfirst::ui::request::Picked::Path(file),
    )));
    desk.run(task);
    assert!(desk.sees(
        "password.docx is beveiligd met een wachtwoord. Open het in Word, haal het wachtwoord weg en sla het op; importeer het dan opnieuw."
    ));
    assert!(desk.sees("Kies een bestand…"));
    // A path typed past the dialog's filter: refused before it is read.
    let rtf = desk.dir.path().join("recepten.rtf");
    std::fs::write(&rtf, "{\\rtf1 1. Doop de schep.}").unwrap();
    let task = desk.app.update(intake(intake::Message::Picked(
        rightfirst::ui::request::Picked::Path(rtf),
    )));
    desk.run(task);
    assert!(desk.sees(
        "recepten.rtf is geen van de soorten waaruit procedures worden gelezen: kies een Word- (.docx), Markdown- (.md) of tekstbestand (.txt)."
    ));
}

#[test]
fn a_standard_read_wrongly_is_taken_off_and_a_missing_one_added_before_importing() {
    let mut desk = Desk::open_as("ellen");
    desk.click("Import procedures…");
    let text = "# Filling cones\n1. Fill the cone, max 3 toppings.\n2. Weigh the cone.\n";
    let paste = Action::Edit(TextEdit::Paste(Arc::new(text.to_owned())));
    let _ = desk.app.update(intake(intake::Message::Paste(paste)));
    desk.click("Read the pasted text");
    assert!(desk.sees("read from “max 3”"));
    desk.click("Remove standard");
    assert!(!desk.sees("read from “max 3”"));
    // Step 2 had none; the first "Add" is now step 1's, so step 2's is the second.
    let _ = desk.app.update(intake(intake::Message::AddSpec(0, 1)));
    desk.type_into("intake-0-1-what", "Cone weight");
    desk.type_into("intake-0-1-unit", "g");
    desk.type_into("intake-0-1-min", "9o");
    assert!(desk.sees("Min: not a number"));
    desk.click("Import 1 procedure");
    assert!(desk.sees("Filling cones, step 2: Min: not a number"));
    assert!(!desk.root().join("procedures/filling-cones.ron").exists());
    // The typed "9o" put right (typing would add to it).
    let _ = desk.app.update(intake(intake::Message::Spec(
        0,
        1,
        procedures::SpecField::Min,
        "90".to_owned(),
    )));
    desk.press("Import 1 procedure");
    assert_eq!(
        desk.read("procedures/filling-cones.ron"),
        r#"Procedure(
    id: "filling-cones",
    title: "Filling cones",
    owner: "ellen",
    revision: 1,
    status: Draft,
    steps: [
        Step(id: "fill-the-cone-max-3", text: "Fill the cone, max 3 toppings."),
        Step(id: "weigh-the-cone", text: "Weigh the cone.", spec: (what: "Cone weight", unit: "g", min: 90)),
    ],
    changes: [Change(revision: 1, on: "2026-11-23", by: "ellen", note: "Imported from pasted text")],
)
"#
    );
}

#[test]
fn an_open_preview_is_unsaved_work_the_window_asks_before_closing() {
    let mut desk = previewing_pasted();
    assert!(desk.sees("Import 2 procedures"));
    assert!(desk.sees("Procedures (8) •"), "the sidebar marks it");

    let _ = desk.app.update(Message::CloseRequested);
    assert!(desk.sees("Some work is not saved yet. Close the window?"));
    assert!(desk.sees("• Procedures: procedures read from pasted text, not imported yet"));
    desk.click("Keep working");
    assert!(
        desk.sees("Import 2 procedures"),
        "the preview is still open"
    );

    // No Save writes a preview (its own Import does): the window stays on it.
    let before = std::fs::read_dir(desk.root().join("procedures"))
        .unwrap()
        .count();
    let _ = desk.app.update(Message::CloseRequested);
    desk.click("Save and close");
    assert!(!desk.sees("Some work is not saved yet. Close the window?"));
    assert!(desk.sees("Import 2 procedures"));
    assert!(desk.sees("Saving does not import this: import it here, or cancel it."));
    let after = std::fs::read_dir(desk.root().join("procedures"))
        .unwrap()
        .count();
    assert_eq!(after, before, "nothing was written");

    // Once it is closed, nothing is left to ask about.
    desk.click("Cancel");
    let _ = desk.app.update(Message::CloseRequested);
    assert!(!desk.sees("Some work is not saved yet. Close the window?"));
}

#[test]
fn a_preview_of_a_file_is_named_when_another_workspace_is_opened_in_dutch() {
    let mut desk = Desk::open_dutch("ellen");
    let file = desk.dir.path().join("keuken.md");
    std::fs::write(&file, "# De snijmachine\n\n1. Haal de stekker eruit.\n").unwrap();
    desk.click("Procedures importeren…");
    let task = desk.app.update(intake(intake::Message::Picked(
        rightfirst::ui::request::Picked::Path(file),
    )));
    desk.run(task);
    let other = tempfile::tempdir().unwrap();
    let other_root = other.path().join("other");
    rightfirst::store::create(&other_root, rightfirst::sample::FILES).unwrap();
    let task = desk.app.update(Message::FolderPicked(
        rightfirst::ui::request::Picked::Path(other_root),
        false,
    ));
    desk.run(task);
    assert!(desk.sees("Nog niet alles is bewaard. De andere werkmap openen?"));
    assert!(desk.sees("• Procedures: procedures gelezen uit keuken.md, nog niet geïmporteerd"));
}

#[test]
fn pasted_text_not_read_yet_is_unsaved_work_in_both_languages() {
    let mut desk = Desk::open_as("ellen");
    desk.click("Import procedures…");
    let _ = desk.app.update(Message::CloseRequested);
    assert!(
        !desk.sees("Some work is not saved yet. Close the window?"),
        "an empty paste field holds nothing"
    );
    let paste = Action::Edit(TextEdit::Paste(Arc::new(PASTED.to_owned())));
    let _ = desk.app.update(intake(intake::Message::Paste(paste)));
    let _ = desk.app.update(Message::CloseRequested);
    assert!(desk.sees("• Procedures: text pasted to import, not read yet"));
    desk.click("Keep working");

    // Save and close cannot write it: the window stays, on the import, and says why.
    let _ = desk.app.update(Message::CloseRequested);
    let task = desk
        .app
        .update(Message::Leave(rightfirst::ui::LeaveChoice::Save));
    assert!(!desk::exits(task));
    assert!(desk.sees("Read the pasted text"));
    assert!(desk.sees("Saving does not import this: import it here, or cancel it."));

    let mut dutch = Desk::open_dutch("ellen");
    dutch.click("Procedures importeren…");
    let paste = Action::Edit(TextEdit::Paste(Arc::new(PASTED.to_owned())));
    let _ = dutch.app.update(intake(intake::Message::Paste(paste)));
    let _ = dutch.app.update(Message::CloseRequested);
    assert!(dutch.sees("• Procedures: geplakte tekst om te importeren, nog niet gelezen"));
}
