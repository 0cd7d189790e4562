//! Settings → Business in the window: owners change the business and its people and save
//! them to workspace.ron; refusals are said in words and write nothing; everyone sets
//! their own PIN, kept only as an argon2id hash; staff see the business read-only.
#![cfg(feature = "gui")]

mod desk;

use desk::{Desk, with_todays_cone};
use iced::keyboard::{Key, Modifiers};
use iced_test::selector::id;
use rightfirst::model::Date;
use rightfirst::store::Folder;
use rightfirst::ui::screen::business;
use rightfirst::ui::{App, LeaveChoice, Message};

fn to_settings(desk: &mut Desk) {
    desk.key(Key::Character("8".into()), Modifiers::COMMAND);
}

/// The window on the same folder, as someone else.
fn as_person(desk: &mut Desk, person: &str) {
    let folder = Folder::open(&desk.root()).unwrap();
    desk.app = App::with_folder(folder, Some(person), Date::new(2026, 11, 23).unwrap());
    to_settings(desk);
}

/// The files under `dir` that hold `bytes`.
fn files_holding(dir: &std::path::Path, bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files_holding(&path, bytes));
        } else if std::fs::read(&path)
            .unwrap()
            .windows(bytes.len())
            .any(|w| w == bytes)
        {
            found.push(path.display().to_string());
        }
    }
    found
}

#[test]
fn an_owner_adds_a_person_and_makes_them_an_owner() {
    let mut desk = Desk::open_as("ellen");
    let before = desk.read("workspace.ron");
    to_settings(&mut desk);
    desk.type_into("person-new", "Piet Jansen");
    desk.click("Add person");
    desk.click(id("role-piet-jansen"));
    assert!(desk.sees("Changes to the business are not saved yet."));
    assert_eq!(
        desk.read("workspace.ron"),
        before,
        "nothing saved before Save"
    );
    desk.click("Save");
    assert!(desk.sees("Saved."));
    assert_eq!(
        desk.read("workspace.ron"),
        r#"Workspace(
    format: 1,
    name: "Bell's Quayside Ices & Sandwiches",
    language: "en",
    staff: [
        Person(id: "ellen", name: "Ellen Bell", role: Owner),
        Person(id: "tom", name: "Tom Bell", role: Owner),
        Person(id: "priya", name: "Priya Shah", role: Staff),
        Person(id: "jake", name: "Jake Morrow", role: Staff),
        Person(id: "piet-jansen", name: "Piet Jansen", role: Owner),
    ],
    defect_categories: ["Method", "Material", "Machine", "Man", "Measurement", "Environment"],
    recurrence: (count: 3, days: 90),
    contacts_per_order_alarm: 1.5,
)
"#
    );
    // A second Piet gets an id of his own.
    desk.type_into("person-new", "Piet Jansen");
    desk.click("Add person");
    assert!(desk.sees("piet-jansen-2 · Staff"));
}

#[test]
fn a_leaver_is_no_longer_offered_as_checker_but_stays_on_old_orders() {
    // Tom made today's cone, so checking it as Tom lists everyone else who may check it.
    let mut desk = with_todays_cone("tom");
    let offered = |desk: &mut Desk| {
        desk.key(Key::Character("3".into()), Modifiers::COMMAND);
        desk.key(Key::Character("f".into()), Modifiers::COMMAND);
        desk.type_and_enter("search", "0062");
        desk.key(Key::Character("k".into()), Modifiers::COMMAND);
        desk.sees("Jake Morrow")
    };
    assert!(offered(&mut desk), "Jake may check before he leaves");
    let _ = desk.app.update(Message::Leave(LeaveChoice::Discard));
    as_person(&mut desk, "ellen");
    desk.click(id("left-jake"));
    assert_eq!(desk.input_text("person-left"), "2026-11-23", "today");
    desk.click("OK");
    desk.click("Save");
    assert!(
        desk.read("workspace.ron").contains(
            r#"Person(id: "jake", name: "Jake Morrow", role: Staff, left: "2026-11-23"),"#
        )
    );
    assert!(desk.sees("jake · Staff · left on 2026-11-23"));
    as_person(&mut desk, "tom");
    assert!(!offered(&mut desk), "Jake is no longer offered as checker");
    // His old order still names him.
    let _ = desk.app.update(Message::Orders(
        rightfirst::ui::screen::orders::Message::Select("2026-10-0031".into()),
    ));
    assert!(desk.sees("Jake Morrow"));
}

#[test]
fn the_last_owner_cannot_leave_and_an_approver_stays_an_owner() {
    let mut desk = Desk::open_as("ellen");
    let before = desk.read("workspace.ron");
    to_settings(&mut desk);
    desk.click(id("left-tom"));
    desk.click("OK");
    desk.click(id("left-ellen"));
    desk.click("OK");
    assert!(
        desk.sees(
            "Ellen Bell is the last owner who has not left: make someone else an owner first."
        )
    );
    assert!(desk.sees("ellen · Owner · you"), "Ellen has not left");
    desk.click(id("role-ellen"));
    assert!(desk.sees(
        "Ellen Bell approved procedure “Serving a customer with an allergy”, procedure “Hand washing and cleaning”, procedure “Making a milkshake” (+4): an approval stays an owner's. Mark them as left instead."
    ), "the approvals are named by title");
    assert_eq!(desk.read("workspace.ron"), before, "nothing written");
    // Tom is back; the rest stays as it was: nothing left to save.
    desk.click(id("left-tom"));
    assert!(!desk.sees("Changes to the business are not saved yet."));
    // Someone no record names may go; someone named stays.
    desk.click(id("remove-jake"));
    assert!(desk.sees("Jake Morrow is named in order 2026-08-0019, order 2026-08-0031, order 2026-08-0044 (+18), so stays in the list. Mark them as left instead."));
}

#[test]
fn a_category_a_defect_uses_is_neither_renamed_nor_removed() {
    let mut desk = Desk::open_as("ellen");
    to_settings(&mut desk);
    desk.click(id("rename-4"));
    let used =
        "“Measurement” is used by order 2026-11-0026: it can be neither renamed nor removed.";
    assert!(desk.sees(used));
    assert!(!desk.sees("Changes to the business are not saved yet."));
    desk.click(id("remove-category-4"));
    assert!(desk.sees(used));
    // A new category is no record's: it may be renamed, and saved.
    desk.type_into("category-new", "Suplier");
    desk.click("Add category");
    desk.type_into("category-new", "machine");
    desk.click("Add category");
    assert!(desk.sees("There is a category “machine” already."));
    desk.click(id("rename-6"));
    desk.type_into("category-rename", "s");
    desk.click("OK");
    desk.click("Save");
    assert!(
        desk.read("workspace.ron")
            .contains(r#""Environment", "Supliers"],"#)
    );
}

#[test]
fn bad_numbers_are_refused_at_save_and_unsaved_work_is_asked_about_on_close() {
    let mut desk = Desk::open_as("tom");
    to_settings(&mut desk);
    desk.type_into("business-count", "x");
    desk.click("Save");
    assert!(desk.sees("“3x” is not a whole number above 0."));
    let _ = desk
        .app
        .update(Message::Business(business::Message::Count("4".into())));
    desk.type_into("business-name", "!");
    let _ = desk.app.update(Message::CloseRequested);
    assert!(desk.sees("• Settings: “Bell's Quayside Ices & Sandwiches”"));
    let _ = desk.app.update(Message::Leave(LeaveChoice::Save));
    let saved = desk.read("workspace.ron");
    assert!(saved.contains("name: \"Bell's Quayside Ices & Sandwiches!\""));
    assert!(saved.contains("count: 4,"));
}

#[test]
fn a_pin_is_set_as_a_hash_and_an_owner_clears_it() {
    let mut desk = Desk::open_as("priya");
    to_settings(&mut desk);
    desk.type_into("pin-new", "47a1");
    desk.type_into("pin-again", "47a1");
    desk.click("Set PIN");
    assert!(desk.sees("A PIN is digits only."));
    // What was typed is forgotten: Set PIN again has nothing to set.
    desk.click("Set PIN");
    assert!(desk.sees("A PIN has at least 4 digits."));
    desk.type_into("pin-new", "4711");
    desk.type_into("pin-again", "4712");
    desk.click("Set PIN");
    assert!(desk.sees("The two new PINs differ."));
    desk.type_into("pin-new", "4711");
    desk.type_into("pin-again", "4711");
    desk.click("Set PIN");
    assert!(desk.sees("Your PIN is set."));
    let file = desk.read("workspace.ron");
    assert!(file.contains("pin: \"$argon2id$v=19$"), "{file}");
    assert!(!file.contains("4711"), "the PIN itself is never written");
    assert_eq!(files_holding(&desk.root(), b"4711"), Vec::<String>::new());
    assert!(desk.sees("priya · Staff · has a PIN · you"));
    // Changing it asks the PIN first.
    desk.type_into("pin-old", "1234");
    desk.type_into("pin-new", "5555");
    desk.type_into("pin-again", "5555");
    desk.click("Change PIN");
    assert!(desk.sees("That PIN is not right."));
    assert_eq!(desk.read("workspace.ron"), file, "nothing written");
    // An owner clears it; Priya then sets a new one.
    as_person(&mut desk, "ellen");
    desk.click(id("clear-pin-priya"));
    assert!(desk.sees("The PIN of Priya Shah is cleared; they can set a new one."));
    assert!(!desk.read("workspace.ron").contains("pin:"));
}

#[test]
fn a_pin_saved_while_the_business_is_changed_is_kept_by_its_save() {
    let mut desk = Desk::open_as("tom");
    to_settings(&mut desk);
    desk.type_into("person-new", "Cor");
    desk.click("Add person");
    desk.type_into("pin-new", "2468");
    desk.type_into("pin-again", "2468");
    desk.click("Set PIN");
    assert!(desk.sees("Changes to the business are not saved yet."));
    desk.click("Save");
    let file = desk.read("workspace.ron");
    assert!(file.contains("id: \"cor\""), "{file}");
    assert_eq!(file.matches("pin: \"$argon2id$").count(), 1, "{file}");
}

#[test]
fn staff_see_the_business_and_its_people_read_only() {
    let mut desk = Desk::open_as("jake");
    let before = desk.read("workspace.ron");
    to_settings(&mut desk);
    assert!(desk.sees("Only an owner changes these."));
    assert!(desk.sees("Bell's Quayside Ices & Sandwiches"));
    assert!(desk.sees("Method, Material, Machine, Man, Measurement, Environment"));
    assert!(desk.sees("priya · Staff"));
    for owners_only in ["Add person", "Make owner", "Add category", "Rename"] {
        assert!(!desk.sees(owners_only), "{owners_only}");
    }
    // What a staff member sends anyway changes nothing.
    let _ = desk.app.update(Message::Business(business::Message::Role(
        "jake".into(),
        rightfirst::model::Role::Owner,
    )));
    let _ = desk.app.update(Message::Business(business::Message::Save));
    assert_eq!(desk.read("workspace.ron"), before);
    assert!(desk.sees("jake · Staff · you"));
    assert!(desk.sees("Set PIN"), "staff set their own PIN");
}

#[test]
fn a_workspace_changed_on_disk_is_not_overwritten_unasked() {
    let mut desk = Desk::open_as("ellen");
    to_settings(&mut desk);
    desk.type_into("business-name", "!");
    let elsewhere = desk.read("workspace.ron").replace(
        "contacts_per_order_alarm: 1.5",
        "contacts_per_order_alarm: 2.5",
    );
    std::fs::write(desk.root().join("workspace.ron"), &elsewhere).unwrap();
    desk.click("Save");
    assert!(desk.sees("workspace.ron This file changed on disk since you opened it."));
    assert_eq!(desk.read("workspace.ron"), elsewhere, "not overwritten");
    desk.click("Take the one on disk");
    assert!(desk.sees("workspace.ron was changed elsewhere; its version is shown now."));
    assert_eq!(desk.input_text("business-alarm"), "2.5");
    assert_eq!(
        desk.input_text("business-name"),
        "Bell's Quayside Ices & Sandwiches"
    );
    assert_eq!(desk.read("workspace.ron"), elsewhere);
}

#[test]
fn refusals_are_said_in_dutch_in_a_dutch_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    let workspace = std::fs::read_to_string(root.join("workspace.ron")).unwrap();
    std::fs::write(
        root.join("workspace.ron"),
        workspace.replace("language: \"en\"", "language: \"nl\""),
    )
    .unwrap();
    let mut desk = Desk::open_folder(dir, "ellen");
    to_settings(&mut desk);
    desk.click(id("left-tom"));
    desk.click("OK");
    desk.click(id("left-ellen"));
    desk.click("OK");
    assert!(desk.sees(
        "Ellen Bell is de laatste eigenaar die niet vertrokken is: maak eerst iemand anders eigenaar."
    ));
    assert!(desk.sees("Wijzigingen aan het bedrijf zijn nog niet bewaard."));
    // The six default categories are shown, and refused, by their Dutch names.
    desk.click(id("rename-4"));
    assert!(desk.sees(
        "“Meting” wordt gebruikt door bestelling 2026-11-0026: de categorie kan niet hernoemd of verwijderd worden."
    ));
}

#[test]
fn changes_are_undone_one_step_at_a_time_and_typing_is_one_step() {
    let mut desk = Desk::open_as("ellen");
    to_settings(&mut desk);
    desk.type_into("business-name", "!?");
    desk.type_into("person-new", "Cor");
    desk.click("Add person");
    assert!(desk.sees("cor · Staff"));
    desk.key(Key::Character("z".into()), Modifiers::COMMAND);
    assert!(!desk.sees("cor · Staff"), "the person added is undone");
    assert_eq!(
        desk.input_text("business-name"),
        "Bell's Quayside Ices & Sandwiches!?"
    );
    desk.click("Undo");
    assert_eq!(
        desk.input_text("business-name"),
        "Bell's Quayside Ices & Sandwiches",
        "the typing is one step"
    );
    assert!(!desk.sees("Changes to the business are not saved yet."));
    desk.key(Key::Character("y".into()), Modifiers::COMMAND);
    desk.key(Key::Character("y".into()), Modifiers::COMMAND);
    assert!(desk.sees("cor · Staff"), "redone");
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    assert!(
        desk.read("workspace.ron")
            .contains(r#"Person(id: "cor", name: "Cor", role: Staff)"#)
    );
}
