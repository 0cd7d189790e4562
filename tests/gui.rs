//! The owner's desk, driven through the real `update` and `view` with iced's headless
//! simulator: click by label or id, type, and look at the files the app wrote.
#![cfg(feature = "gui")]

use std::path::Path;

mod desk;

use desk::{Desk, exits};
use iced::keyboard::{Key, Modifiers, key::Named};
use iced_test::Error;
use rightfirst::store::Folder;
use rightfirst::ui::Message;

#[test]
fn an_owner_writes_a_procedure_reorders_its_steps_and_saves_it_as_readable_ron() {
    let mut desk = Desk::open_as("ellen");
    desk.click("New procedure");
    desk.type_into("title", "Weighing flour");
    for (index, step) in ["Scoop the flour", "Level it off", "Weigh it"]
        .into_iter()
        .enumerate()
    {
        desk.click("Add step");
        let id: &'static str =
            Box::leak(rightfirst::ui::screen::procedures::step_input_id(index).into_boxed_str());
        desk.type_into(id, step);
    }
    // The last step is selected: Alt+Up moves it above "Level it off".
    desk.key(Key::Named(Named::ArrowUp), Modifiers::ALT);
    assert!(desk.sees("Unsaved changes"));
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    assert!(desk.sees("Saved"));
    assert_eq!(
        desk.read("procedures/weighing-flour.ron"),
        r#"Procedure(
    id: "weighing-flour",
    title: "Weighing flour",
    owner: "ellen",
    revision: 1,
    status: Draft,
    steps: [
        Step(id: "scoop-the-flour", text: "Scoop the flour"),
        Step(id: "weigh-it", text: "Weigh it"),
        Step(id: "level-it-off", text: "Level it off"),
    ],
)
"#
    );
    // Undo after saving goes back to before the move, and marks the record unsaved.
    desk.key(Key::Character("z".into()), Modifiers::COMMAND);
    assert!(desk.sees("Unsaved changes"));
}

#[test]
fn approving_as_staff_is_refused_with_a_message_that_names_the_owners() {
    let mut desk = Desk::open_as("jake");
    desk.click("Closing down");
    desk.click("Edit");
    desk.click("Approve");
    assert!(desk.sees("Only an owner may approve. Ask Ellen Bell, Tom Bell."));
    assert!(
        desk.read("procedures/closing-down.ron")
            .contains("status: Draft")
    );
}

#[test]
fn editing_an_approved_procedure_makes_a_revision_2_draft_and_approving_archives_revision_1() {
    let mut desk = Desk::open_as("ellen");
    let before = desk.read("procedures/bake-waffle.ron");
    desk.click("Baking waffles");
    desk.click("Edit");
    desk.type_into("title", " and cones");
    assert!(desk.sees("Draft · Revision 2"));
    desk.click("Save (Ctrl+S)");
    let draft = desk.read("procedures/bake-waffle.ron");
    assert!(
        draft.contains("title: \"Baking waffles and cones\""),
        "{draft}"
    );
    assert!(
        draft.contains("revision: 2,") && draft.contains("status: Draft,"),
        "{draft}"
    );
    assert_eq!(
        desk.read("archive/procedures/bake-waffle@1.ron"),
        before,
        "revision 1 is archived as it was"
    );

    desk.click("Approve");
    desk.type_into("approve-note", "Cones are baked on the same iron.");
    desk.click("Approve revision");
    let approved = desk.read("procedures/bake-waffle.ron");
    assert!(
        approved.contains("status: Approved(by: \"ellen\", on: \"2026-11-23\"),"),
        "{approved}"
    );
    assert!(approved.contains("Change(revision: 2, on: \"2026-11-23\", by: \"ellen\", note: \"Cones are baked on the same iron.\")"), "{approved}");
    let folder = Folder::inspect(&desk.root()).unwrap();
    assert_eq!(folder.findings(), &[], "the workspace still checks clean");
    // Undoing after the approval does not take the approval back: it starts revision 3.
    desk.key(Key::Character("z".into()), Modifiers::COMMAND);
    assert!(desk.sees("Draft · Revision 3"));
}

#[test]
fn a_broken_file_is_listed_in_the_problems_panel_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    let path = root.join("procedures/hygiene.ron");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("title:", "titel:");
    std::fs::write(&path, text).unwrap();
    let mut desk = Desk::open_folder(dir, "ellen");
    assert!(desk.sees("Problems (1)"));
    assert!(desk.sees("procedures/hygiene.ron:3:5"));
    desk.click("procedures/hygiene.ron:3:5");
    assert!(desk.sees("procedures/hygiene.ron"));
    assert!(Path::new(&path).exists());

    // Mended elsewhere, the file is read in again and the problem goes.
    let mended = std::fs::read_to_string(&path)
        .unwrap()
        .replace("titel:", "title:");
    std::fs::write(&path, mended).unwrap();
    let task = desk
        .app
        .update(Message::DiskChanged(vec!["procedures/hygiene.ron".into()]));
    desk.run(task);
    assert!(desk.sees("Problems"));
    assert!(!desk.sees("procedures/hygiene.ron:3:5"));
    assert!(!desk.sees("procedures/hygiene.ron"), "the panel is closed");
}

fn leak(id: String) -> &'static str {
    Box::leak(id.into_boxed_str())
}

fn checklist_files(desk: &Desk) -> usize {
    std::fs::read_dir(desk.root().join("checklists"))
        .unwrap()
        .count()
}

#[test]
fn an_owner_writes_a_checklist_that_verifies_procedure_steps_and_saves_it_as_readable_ron() {
    use rightfirst::ui::screen::checklists::item_input_id;
    let mut desk = Desk::open_as("ellen");
    desk.key(Key::Character("2".into()), Modifiers::COMMAND);
    desk.click("New checklist");
    desk.type_into("title", "Cone weight check");
    // (none), then the procedures by title: "Scooping ice cream" is the seventh.
    desk.pick("procedure", 7);

    desk.click("Add item");
    let not_to_checker =
        "This prompt does not speak to the checker: write \u{201c}You weigh the ball.\u{201d}";
    desk.type_into(leak(item_input_id(0)), "Look at");
    assert!(desk.sees(not_to_checker));
    desk.key(Key::Character("z".into()), Modifiers::COMMAND);
    assert!(!desk.sees(not_to_checker));
    desk.type_into(leak(item_input_id(0)), "You look at its shape.");
    assert!(!desk.sees(not_to_checker));
    desk.pick("item-0-kind", 2);
    desk.type_into("item-0-option-0", "round and firm");
    desk.click(iced_test::selector::id("item-0-passes-0"));
    desk.click("Add option");
    desk.type_into("item-0-option-1", "flat or hollow");

    desk.click("Add item");
    desk.type_into(leak(item_input_id(1)), "You weigh the ball.");
    desk.pick("item-1-kind", 1);
    desk.type_into("item-1-unit", "g");
    desk.type_into("item-1-min", "60");
    desk.type_into("item-1-max", "70");
    desk.click(iced_test::selector::id("item-1-critical"));
    // (none), then the procedure's steps in order: "portion" is the fourth.
    desk.pick("item-1-step", 4);
    // The weighing comes first: Alt+Up moves the selected item above the shape.
    desk.key(Key::Named(Named::ArrowUp), Modifiers::ALT);
    assert!(desk.sees("Unsaved changes"));

    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    assert!(desk.sees("Saved"));
    assert_eq!(
        desk.read("checklists/cone-weight-check.ron"),
        r#"Checklist(
    id: "cone-weight-check",
    title: "Cone weight check",
    procedure: "scoop-ice-cream",
    four_eyes: true,
    revision: 1,
    status: Draft,
    items: [
        Item(
            id: "weigh-the-ball",
            prompt: "You weigh the ball.",
            kind: Measure(unit: "g", min: 60, max: 70),
            step: "portion",
            critical: true,
        ),
        Item(
            id: "look-at-its-shape",
            prompt: "You look at its shape.",
            kind: Choice(options: ["round and firm", "flat or hollow"], pass: ["round and firm"]),
        ),
    ],
)
"#
    );

    // Undoing past the save (the move, then the step) and saving again keeps the ids
    // the items were first saved under, and no second checklist appears.
    desk.key(Key::Character("z".into()), Modifiers::COMMAND);
    desk.key(Key::Character("z".into()), Modifiers::COMMAND);
    assert!(desk.sees("Unsaved changes"));
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    let saved = desk.read("checklists/cone-weight-check.ron");
    let shape = str::find(&saved, r#"id: "look-at-its-shape""#);
    let weight = str::find(&saved, r#"id: "weigh-the-ball""#);
    assert!(
        shape.is_some() && weight.is_some() && shape < weight,
        "{saved}"
    );
    assert!(!saved.contains(r#"step: "portion""#), "{saved}");
    assert_eq!(checklist_files(&desk), 5);
    let folder = Folder::inspect(&desk.root()).unwrap();
    assert_eq!(folder.findings(), &[], "the workspace still checks clean");
}

#[test]
fn a_min_above_the_max_is_shown_as_typed_and_blocks_saving() {
    use rightfirst::ui::screen::checklists::item_input_id;
    let mut desk = Desk::open_as("ellen");
    desk.key(Key::Character("2".into()), Modifiers::COMMAND);
    desk.click("New checklist");
    desk.type_into("title", "Fridge check");
    desk.click("Add item");
    desk.type_into(leak(item_input_id(0)), "You read the fridge thermometer.");
    desk.pick("item-0-kind", 1);
    desk.type_into("item-0-min", "7o");
    assert!(desk.sees("Min: not a number"));
    // The typo goes: the cursor to the end of the field, and one Backspace.
    desk.act(|ui| {
        ui.click(iced_test::selector::id("item-0-min"))?;
        ui.tap_key(Named::End);
        ui.tap_key(Named::Backspace);
        Ok::<(), Error>(())
    })
    .unwrap();
    assert!(!desk.sees("Min: not a number"));
    desk.type_into("item-0-max", "1");
    assert!(desk.sees("Min 7 is above max 1."));

    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    assert!(desk.sees("Fix the marked fields before saving."));
    assert!(desk.sees("Unsaved changes"));
    assert!(!desk.root().join("checklists/fridge-check.ron").exists());
    // Leaving for another checklist does not drop the edits either.
    desk.click("Second check of a milkshake");
    assert!(desk.sees("Min 7 is above max 1."));
    assert_eq!(checklist_files(&desk), 4);
}

#[test]
fn editing_the_approved_cone_check_makes_a_revision_3_draft_and_archives_revision_2() {
    let mut desk = Desk::open_as("ellen");
    let before = desk.read("checklists/cone-check.ron");
    let first = desk.read("archive/checklists/cone-check@1.ron");
    desk.key(Key::Character("2".into()), Modifiers::COMMAND);
    desk.click("Second check of a cone or cup before it goes over the counter");
    assert!(desk.sees("Approved · Revision 2"));
    // "You check that the cone has no drips …" becomes critical.
    desk.click(iced_test::selector::id("item-3-critical"));
    assert!(desk.sees("Draft · Revision 3"));
    desk.click("Save (Ctrl+S)");
    let draft = desk.read("checklists/cone-check.ron");
    assert!(
        draft.contains("revision: 3,") && draft.contains("status: Draft,"),
        "{draft}"
    );
    assert!(
        draft.contains("Change(\n            revision: 2,"),
        "{draft}"
    );
    assert_eq!(
        desk.read("archive/checklists/cone-check@2.ron"),
        before,
        "revision 2 is archived as it was"
    );
    assert_eq!(desk.read("archive/checklists/cone-check@1.ron"), first);
    assert!(desk.sees("View revision 1") && desk.sees("View revision 2"));

    desk.click("Approve");
    desk.type_into(
        "approve-note",
        "A drip on the outside is a complaint: now critical.",
    );
    desk.click("Approve revision");
    let approved = desk.read("checklists/cone-check.ron");
    assert!(
        approved.contains("status: Approved(by: \"ellen\", on: \"2026-11-23\"),"),
        "{approved}"
    );
    assert!(approved.contains("revision: 3,"), "{approved}");
    let folder = Folder::inspect(&desk.root()).unwrap();
    assert_eq!(folder.findings(), &[], "the workspace still checks clean");

    // Undoing after the approval does not take the approval back: it starts revision 4.
    desk.key(Key::Character("z".into()), Modifiers::COMMAND);
    assert!(desk.sees("Draft · Revision 4") && desk.sees("Unsaved changes"));
    assert_eq!(desk.read("checklists/cone-check.ron"), approved);

    desk.click("View revision 2");
    assert!(desk.sees("Revision 2, archived: read only."));
}

#[test]
fn approving_a_checklist_as_staff_is_refused_with_a_message_that_names_the_owners() {
    let mut desk = Desk::open_as("jake");
    let before = desk.read("checklists/waffle-check.ron");
    desk.key(Key::Character("2".into()), Modifiers::COMMAND);
    desk.click("Second check of a waffle");
    desk.click(iced_test::selector::id("item-2-critical"));
    desk.click("Approve");
    assert!(desk.sees("Only an owner may approve. Ask Ellen Bell, Tom Bell."));
    assert!(!desk.sees("Approve revision"));
    assert_eq!(desk.read("checklists/waffle-check.ron"), before);
}

#[test]
fn a_checklist_changed_on_disk_meanwhile_shows_both_versions_and_keep_mine_overwrites() {
    let mut desk = Desk::open_as("ellen");
    desk.key(Key::Character("2".into()), Modifiers::COMMAND);
    desk.click("Second check of a milkshake");
    desk.click(iced_test::selector::id("item-3-critical"));
    let path = desk.root().join("checklists/milkshake-check.ron");
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Second check of a milkshake", "Milkshake check");
    std::fs::write(&path, &theirs).unwrap();
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    assert!(
        desk.sees("checklists/milkshake-check.ron This file changed on disk since you opened it.")
    );
    assert_eq!(desk.read("checklists/milkshake-check.ron"), theirs);
    desk.click("Keep mine (overwrite)");
    let mine = desk.read("checklists/milkshake-check.ron");
    assert!(
        mine.contains("title: \"Second check of a milkshake\"") && mine.contains("revision: 2,"),
        "{mine}"
    );
    assert!(desk.sees("Saved"));
}

#[test]
fn a_new_draft_checklist_can_be_deleted_after_a_confirmation() {
    let mut desk = Desk::open_as("tom");
    desk.key(Key::Character("2".into()), Modifiers::COMMAND);
    desk.click("New checklist");
    desk.type_into("title", "Terrace tables");
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    assert!(desk.root().join("checklists/terrace-tables.ron").exists());
    desk.click("Delete");
    assert!(
        desk.sees(
            "Delete \u{201c}Terrace tables\u{201d}? This removes its file from the workspace."
        )
    );
    desk.click("Delete");
    assert!(!desk.root().join("checklists/terrace-tables.ron").exists());
    assert!(desk.sees("Pick a checklist on the left, or make a new one (Ctrl+N)."));
}

#[test]
fn a_cancelled_folder_dialog_changes_nothing() {
    let mut desk = Desk::open_as("ellen");
    let title = desk.app.title();
    for new in [false, true] {
        let _ = desk.app.update(Message::FolderPicked(
            rightfirst::ui::request::Picked::Cancelled,
            new,
        ));
        assert_eq!(desk.app.title(), title);
        assert_eq!(
            desk.app.folder().map(|f| f.root().to_path_buf()),
            Some(desk.root())
        );
    }
    assert!(desk.sees("Procedures (8)"));
}

#[test]
fn closing_with_an_unsaved_procedure_asks_first_and_save_and_close_saves_it() {
    let mut desk = Desk::open_as("ellen");
    // With nothing unsaved the window closes without a question.
    let task = desk.app.update(Message::CloseRequested);
    assert!(!desk.sees("Some work is not saved yet. Close the window?"));
    assert!(exits(task), "the window closes");

    desk.click("Baking waffles");
    desk.click("Edit");
    assert!(desk.sees("Procedures (8)"));
    desk.type_into("title", " and cones");
    assert!(
        desk.sees("Procedures (8) •"),
        "the sidebar marks the unsaved work"
    );
    let _ = desk.app.update(Message::CloseRequested);
    assert!(desk.sees("Some work is not saved yet. Close the window?"));
    assert!(desk.sees("• Procedures: “Baking waffles and cones”"));
    desk.click("Keep working");
    assert!(!desk.sees("Some work is not saved yet. Close the window?"));
    assert!(desk.sees("Draft · Revision 2"), "the edits are still open");
    assert!(
        !desk
            .read("procedures/bake-waffle.ron")
            .contains("and cones")
    );

    let _ = desk.app.update(Message::CloseRequested);
    desk.click("Save and close");
    let saved = desk.read("procedures/bake-waffle.ron");
    assert!(
        saved.contains("title: \"Baking waffles and cones\""),
        "{saved}"
    );
}

#[test]
fn save_and_close_stays_open_on_a_procedure_that_cannot_be_saved() {
    use rightfirst::ui::screen::editor;
    use rightfirst::ui::screen::procedures::Edit;
    let mut desk = Desk::open_as("ellen");
    let before = desk.read("procedures/bake-waffle.ron");
    desk.click("Baking waffles");
    desk.click("Edit");
    let _ = desk
        .app
        .update(Message::Procedures(editor::Message::Edit(Edit::Title(
            String::new(),
        ))));
    let _ = desk.app.update(Message::CloseRequested);
    assert!(desk.sees("• Procedures: “Baking waffles”"));
    desk.click("Save and close");
    // The question gives way to the procedure, which says what stands in the way.
    assert!(!desk.sees("Some work is not saved yet. Close the window?"));
    assert!(desk.sees("Fix the marked fields before saving."));
    assert_eq!(desk.read("procedures/bake-waffle.ron"), before);

    // Escape answers "keep working"; "close without saving" writes nothing.
    let _ = desk.app.update(Message::CloseRequested);
    desk.key(Key::Named(Named::Escape), Modifiers::default());
    assert!(!desk.sees("Some work is not saved yet. Close the window?"));
    let _ = desk.app.update(Message::CloseRequested);
    desk.click("Close without saving");
    assert_eq!(desk.read("procedures/bake-waffle.ron"), before);
}

#[test]
fn every_key_lands_while_the_notes_above_the_form_come_and_go() {
    let mut desk = Desk::open_as("ellen");
    // The first key makes an approved procedure a draft, and a note appears above the form.
    desk.click("Baking waffles");
    desk.click("Edit");
    desk.type_into("title", " and cones");
    assert!(desk.sees("Draft · Revision 2"));
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    let saved = desk.read("procedures/bake-waffle.ron");
    assert!(
        saved.contains("title: \"Baking waffles and cones\""),
        "{saved}"
    );

    // The first key after a refused save takes the message above the form away.
    desk.key(Key::Character("2".into()), Modifiers::COMMAND);
    desk.click("Second check of a waffle");
    let _ = desk.app.update(Message::Checklists(
        rightfirst::ui::screen::editor::Message::Edit(
            rightfirst::ui::screen::checklists::Edit::Title(String::new()),
        ),
    ));
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    assert!(desk.sees("Fix the marked fields before saving."));
    desk.type_into("title", "Waffle plate check");
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    let saved = desk.read("checklists/waffle-check.ron");
    assert!(saved.contains("title: \"Waffle plate check\""), "{saved}");
}

#[test]
fn files_changed_by_another_machine_are_taken_in_while_nothing_is_being_edited() {
    let mut desk = Desk::open_as("ellen");
    let banner = "Another program or machine changed files of this workspace (1).";
    // The window's own save is no change.
    desk.key(Key::Character("2".into()), Modifiers::COMMAND);
    desk.click("Second check of a waffle");
    desk.type_into("title", "!");
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    let task = desk.app.update(Message::DiskChanged(vec![
        "checklists/waffle-check.ron".into(),
        "archive/checklists/waffle-check@1.ron".into(),
    ]));
    assert!(desk.run(task).is_empty(), "nothing to read again");

    // Another machine's change to the open procedure shows at once, the screen kept.
    desk.key(Key::Character("1".into()), Modifiers::COMMAND);
    desk.click("Baking waffles");
    desk.click("Edit");
    let file = "procedures/bake-waffle.ron";
    let text = desk.read(file).replace(
        "title: \"Baking waffles\"",
        "title: \"Baking waffles on the new iron\"",
    );
    std::fs::write(desk.root().join(file), text).unwrap();
    let task = desk.app.update(Message::DiskChanged(vec![
        file.into(),
        "attachments/2026-11/photo.jpg".into(),
    ]));
    desk.run(task);
    assert!(!desk.sees(banner));
    assert_eq!(desk.input_text("title"), "Baking waffles on the new iron");

    // While a record is being edited, the change waits, said above the screen, for F5.
    desk.type_into("title", " and cones");
    let text = desk.read("procedures/hygiene.ron") + "\n";
    std::fs::write(desk.root().join("procedures/hygiene.ron"), text).unwrap();
    let task = desk
        .app
        .update(Message::DiskChanged(vec!["procedures/hygiene.ron".into()]));
    assert!(desk.run(task).is_empty(), "not read under an edit");
    assert!(desk.sees(banner));
    assert!(desk.sees("Unsaved changes"));
}

#[test]
fn reading_again_with_unsaved_work_asks_first() {
    let mut desk = Desk::open_as("ellen");
    desk.click("Baking waffles");
    desk.click("Edit");
    desk.type_into("title", " and cones");
    let task = desk.app.update(Message::Reload);
    desk.run(task);
    assert!(desk.sees("Some work is not saved yet. Read the workspace again?"));
    let task = desk
        .app
        .update(Message::Leave(rightfirst::ui::LeaveChoice::Save));
    desk.run(task);
    let saved = desk.read("procedures/bake-waffle.ron");
    assert!(saved.contains("Baking waffles and cones"), "{saved}");
    assert!(desk.sees("Baking waffles and cones"), "read again");
    assert!(!desk.sees("Unsaved changes"));
}

#[test]
fn a_copy_read_before_the_windows_own_save_is_not_taken() {
    let mut desk = Desk::open_as("ellen");
    let hygiene = desk.read("procedures/hygiene.ron") + "\n";
    std::fs::write(desk.root().join("procedures/hygiene.ron"), hygiene).unwrap();
    let task = desk
        .app
        .update(Message::DiskChanged(vec!["procedures/hygiene.ron".into()]));
    // The copy is read to the end now, before the save below.
    let read = desk::outputs(task);
    assert!(!read.is_empty(), "a read");
    desk.click("Baking waffles");
    desk.click("Edit");
    desk.type_into("title", " and cones");
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    desk.hand_over(read);
    assert_eq!(desk.input_text("title"), "Baking waffles and cones");
    desk.type_into("title", "!");
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    let saved = desk.read("procedures/bake-waffle.ron");
    assert!(saved.contains("Baking waffles and cones!"), "{saved}");
}

#[test]
fn a_copy_of_another_workspace_read_before_it_was_left_is_not_taken() {
    let read = |desk: &mut Desk, file: &str| {
        let read = desk::outputs(desk.app.update(Message::DiskChanged(vec![file.into()])));
        assert!(!read.is_empty(), "a read");
        read
    };
    let mut left = Desk::open_as("ellen");
    let file = "procedures/bake-waffle.ron";
    let text = left.read(file).replace(
        "title: \"Baking waffles\"",
        "title: \"Baking waffles on the new iron\"",
    );
    std::fs::write(left.root().join(file), text).unwrap();
    let stale = read(&mut left, file);

    let mut open = Desk::open_as("ellen");
    let hygiene = open.read("procedures/hygiene.ron") + "\n";
    std::fs::write(open.root().join("procedures/hygiene.ron"), hygiene).unwrap();
    let own = read(&mut open, "procedures/hygiene.ron");
    open.hand_over(stale);
    assert!(
        open.sees("Baking waffles"),
        "still this workspace, as its own person"
    );
    assert!(!open.sees("Baking waffles on the new iron"));
    open.hand_over(own);
    assert!(open.sees("Baking waffles"));
    assert!(!open.sees("Another program or machine changed files of this workspace (1)."));
}
