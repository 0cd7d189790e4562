//! Two desks on one folder, in the window (issue 18): a save over another desk's change to
//! an order merges and says so, conflict copies are merged when the window opens or sees
//! them, items both desks changed are the only thing shown side by side, and a file that
//! vanishes leaves its record in the window with a note.
#![cfg(feature = "gui")]

mod desk;

use desk::{Desk, with_todays_cone};
use iced::keyboard::{Key, Modifiers};
use rightfirst::model::{Channel, Check, CheckResult, Contact, Order, Outcome};
use rightfirst::store::format::{parse, print};
use rightfirst::ui::Message;

const CONE: &str = "orders/2026-11/2026-11-0062.ron";

fn order(desk: &Desk, relative: &str) -> Order {
    parse(&desk.read(relative)).unwrap()
}

/// Ellen checks the cone on the laptop in the back; her save reaches this desk's folder.
fn ellens_check() -> Check {
    Check {
        checklist: "cone-check".into(),
        revision: 2,
        checked_by: "ellen".into(),
        at: "2026-11-23T11:58".parse().unwrap(),
        results: vec![CheckResult {
            item: "weight".into(),
            outcome: Outcome::Value(rightfirst::model::Number::new(65.0).unwrap()),
            photos: vec![],
        }],
    }
}

fn open_the_cone(desk: &mut Desk) {
    desk.key(Key::Character("3".into()), Modifiers::COMMAND);
    desk.type_and_enter("search", "0062");
}

#[test]
fn a_contact_saved_over_another_desks_check_keeps_both_and_says_so() {
    let mut desk = with_todays_cone("priya");
    open_the_cone(&mut desk);
    let mut theirs = order(&desk, CONE);
    theirs.checks.push(ellens_check());
    std::fs::write(desk.root().join(CONE), print(&theirs)).unwrap();

    desk.key(Key::Character("l".into()), Modifiers::COMMAND);
    desk.type_into("contact-about", "Asks whether it has nuts");
    desk.click("Save contact");

    let saved = order(&desk, CONE);
    assert_eq!(saved.checks, vec![ellens_check()], "Ellen's check was lost");
    assert_eq!(saved.contacts.len(), 1, "the contact was not saved");
    assert!(desk.sees("Merged Ellen Bell's check from another desk into 2026-11-0062."));
    assert!(
        !desk.sees("Your version"),
        "both versions shown for a merge"
    );
    desk.click("OK");
    assert!(!desk.sees("Merged Ellen Bell's check from another desk into 2026-11-0062."));
}

#[test]
fn conflict_copies_are_merged_when_the_window_opens_and_a_procedure_copy_waits() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    let file = "orders/2026-11/2026-11-0004.ron";
    let copy = "orders/2026-11/2026-11-0004.sync-conflict-20261123-101500-ABCDEFG.ron";
    let mut theirs: Order = parse(&std::fs::read_to_string(root.join(file)).unwrap()).unwrap();
    theirs.contacts.push(Contact {
        at: "2026-11-03T09:30".parse().unwrap(),
        channel: Channel::Phone,
        by: "tom".into(),
        about: "Asks for the receipt".into(),
        apology: false,
    });
    std::fs::write(root.join(copy), print(&theirs)).unwrap();
    let procedure_copy = "procedures/hygiene (Tom's conflicted copy 2026-11-23).ron";
    std::fs::copy(
        root.join("procedures/hygiene.ron"),
        root.join(procedure_copy),
    )
    .unwrap();

    let mut desk = Desk::open_folder(dir, "ellen");
    assert!(desk.sees("Merged Tom Bell's contact from another desk into 2026-11-0004."));
    assert!(!desk.root().join(copy).exists(), "the merged copy stays");
    assert_eq!(order(&desk, file), theirs);
    assert!(desk.sees(&format!(
        "{procedure_copy} waits for you: a copy of a procedure, a checklist, an archived revision or the business settings is never merged; compare the two in Problems and keep one."
    )));
    assert!(desk.root().join(procedure_copy).exists());
}

#[test]
fn a_copy_the_watcher_sees_is_merged_at_once() {
    let mut desk = with_todays_cone("priya");
    let copy = "orders/2026-11/2026-11-0062 (conflicted copy 2026-11-23 115900).ron";
    let mut theirs = order(&desk, CONE);
    theirs.checks.push(ellens_check());
    std::fs::write(desk.root().join(copy), print(&theirs)).unwrap();
    let task = desk.app.update(Message::DiskChanged(vec![copy.into()]));
    desk.run(task);
    assert!(desk.sees("Merged Ellen Bell's check from another desk into 2026-11-0062."));
    assert_eq!(order(&desk, CONE), theirs);
    assert!(!desk.root().join(copy).exists());
}

#[test]
fn a_vanished_order_file_keeps_the_order_in_the_window_with_a_note() {
    let mut desk = with_todays_cone("priya");
    let text = desk.read(CONE);
    std::fs::remove_file(desk.root().join(CONE)).unwrap();
    let task = desk.app.update(Message::DiskChanged(vec![CONE.into()]));
    desk.run(task);
    assert!(desk.sees(&format!(
        "The file {CONE} is gone from the folder (a sync not finished, or a file kept online only). The window keeps its last copy; saving it writes the file again."
    )));
    open_the_cone(&mut desk);
    assert!(desk.sees("Cone, 2 balls"), "the order left the window");
    assert!(
        !desk.root().join(CONE).exists(),
        "nothing is written by itself"
    );
    // Saving work on it writes the file again.
    desk.key(Key::Character("l".into()), Modifiers::COMMAND);
    desk.type_into("contact-about", "Asks where the cone is");
    desk.click("Save contact");
    let back = order(&desk, CONE);
    assert_eq!(
        print(&Order {
            contacts: vec![],
            ..back.clone()
        }),
        text
    );
    assert_eq!(back.contacts.len(), 1);
}

/// The sample with a copy of the hygiene procedure whose title another desk changed.
fn with_a_procedure_copy() -> (Desk, &'static str) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    let copy = "procedures/hygiene (Tom's conflicted copy 2026-11-23).ron";
    let text = std::fs::read_to_string(root.join("procedures/hygiene.ron")).unwrap();
    let changed = text.replacen("title: \"", "title: \"Daily ", 1);
    assert_ne!(changed, text);
    std::fs::write(root.join(copy), changed).unwrap();
    let mut desk = Desk::open_folder(dir, "ellen");
    desk.click("Problems (1)");
    desk.click(&*format!("{copy}:1:1").leak());
    (desk, copy)
}

fn hygiene_title(desk: &Desk, relative: &str) -> String {
    parse::<rightfirst::model::Procedure>(&desk.read(relative))
        .unwrap()
        .title
}

#[test]
fn a_procedure_copy_is_shown_beside_its_file_and_the_copy_can_be_kept() {
    let (mut desk, copy) = with_a_procedure_copy();
    assert!(desk.sees("The file") && desk.sees("The copy"));
    let before = hygiene_title(&desk, "procedures/hygiene.ron");
    desk.click("Keep the copy");
    assert_eq!(
        hygiene_title(&desk, "procedures/hygiene.ron"),
        format!("Daily {before}")
    );
    assert!(!desk.root().join(copy).exists());
    assert!(!desk.sees("Problems (1)"), "the copy is still listed");
}

#[test]
fn a_procedure_copy_becomes_a_new_draft_or_goes() {
    let (mut desk, copy) = with_a_procedure_copy();
    let before = desk.read("procedures/hygiene.ron");
    desk.click("Make the copy a new draft");
    let draft: rightfirst::model::Procedure =
        parse(&desk.read("procedures/hygiene-copy.ron")).unwrap();
    assert_eq!(draft.status, rightfirst::model::Status::Draft);
    assert!(draft.title.starts_with("Daily "));
    assert_eq!(desk.read("procedures/hygiene.ron"), before);
    assert!(!desk.root().join(copy).exists());

    let (mut desk, copy) = with_a_procedure_copy();
    let before = desk.read("procedures/hygiene.ron");
    desk.click("Keep the file");
    assert_eq!(desk.read("procedures/hygiene.ron"), before);
    assert!(!desk.root().join(copy).exists());
}

#[test]
fn a_defect_both_desks_changed_is_the_only_thing_side_by_side() {
    let mut desk = with_todays_cone("priya");
    let mut start = order(&desk, CONE);
    start.defects.push(rightfirst::model::Defect {
        id: "d1".into(),
        found: "2026-11-23".parse().unwrap(),
        found_by: rightfirst::model::FoundBy::Customer,
        category: "Method".into(),
        procedure: None,
        step: None,
        severity: rightfirst::model::Severity::Minor,
        description: "Ball too small".into(),
        cost_cents: 0,
        root_cause: None,
        action: None,
        photos: vec![],
    });
    std::fs::write(desk.root().join(CONE), print(&start)).unwrap();
    let task = desk.app.update(Message::DiskChanged(vec![CONE.into()]));
    desk.run(task);
    open_the_cone(&mut desk);
    let open = Message::Orders(rightfirst::ui::screen::orders::Message::OpenDefect(
        "d1".into(),
    ));
    let task = desk.app.update(open);
    desk.run(task);
    desk.type_into("defect-description", ", 52 g");

    // Meanwhile the office wrote down the defect its own way and logged Tom's call.
    let mut theirs = start.clone();
    theirs.defects[0].description = "Ball too small and melted".into();
    theirs.contacts.push(Contact {
        at: "2026-11-23T11:50".parse().unwrap(),
        channel: Channel::Phone,
        by: "tom".into(),
        about: "Customer phoned about the small ball".into(),
        apology: true,
    });
    std::fs::write(desk.root().join(CONE), print(&theirs)).unwrap();
    desk.click("Save defect");

    assert!(desk.sees(&format!(
        "Two desks changed defect d1 of {CONE} differently. Choose which to keep; everything else both desks did is kept."
    )));
    assert!(
        !desk.sees("Customer phoned about the small ball"),
        "more than the clash is shown"
    );
    desk.click("Keep mine (overwrite)");
    let saved = order(&desk, CONE);
    assert_eq!(saved.defects[0].description, "Ball too small, 52 g");
    assert_eq!(
        saved.contacts, theirs.contacts,
        "the office's call was lost"
    );
}

#[test]
fn a_signature_saved_while_another_desk_signed_too_keeps_both() {
    let desk = Desk::open_as("ellen");
    let file = desk.root().join("workspace.ron");
    let mut workspace: rightfirst::model::Workspace =
        parse(&std::fs::read_to_string(&file).unwrap()).unwrap();
    workspace.staff.push(rightfirst::model::Person {
        id: "noor".to_owned(),
        name: "Noor El Amrani".to_owned(),
        role: rightfirst::model::Role::Staff,
        left: None,
        pin: None,
    });
    std::fs::write(&file, print(&workspace)).unwrap();
    let mut desk = Desk::open_folder(desk.dir, "noor");
    // On the laptop, Noor signed the hygiene procedure a minute ago; this desk has not
    // read that file yet.
    let elsewhere = rightfirst::model::Training {
        person: "noor".into(),
        signed: vec![rightfirst::model::Signed {
            procedure: "hygiene".into(),
            revision: 1,
            on: "2026-11-23".parse().unwrap(),
            recorded_by: None,
        }],
    };
    std::fs::write(desk.root().join("training/noor.ron"), print(&elsewhere)).unwrap();
    desk.click("To read (7)");
    desk.click("I have read and understood revision 1");
    let saved: rightfirst::model::Training = parse(&desk.read("training/noor.ron")).unwrap();
    assert!(
        saved.has_signed("hygiene", 1),
        "the laptop's signature was lost"
    );
    assert!(saved.has_signed("bake-waffle", 1));
    assert!(desk.sees(
        "Merged Noor El Amrani's signature under hygiene (revision 1) from another desk into noor."
    ));
}

fn to_settings(desk: &mut Desk) {
    desk.key(Key::Character("8".into()), Modifiers::COMMAND);
}

/// Opens a new order's form, which offers the next order number.
fn start_an_order(desk: &mut Desk) {
    desk.key(Key::Character("3".into()), Modifiers::COMMAND);
    desk.key(Key::Character("n".into()), Modifiers::COMMAND);
}

/// Settings show this computer's desk code, and an owner changes it: what is typed is
/// checked as the model checks a desk code, and new order numbers take the new code.
#[test]
fn an_owner_changes_the_desk_code_in_settings_and_new_orders_take_it() {
    let mut desk = Desk::open_as("ellen");
    to_settings(&mut desk);
    assert!(desk.sees("Desk code of this computer"));
    assert!(desk.sees("Not picked yet: it is picked when a workspace is opened."));
    desk.type_into("desk-code", "ab7");
    assert_eq!(desk.input_text("desk-code"), "AB7");
    assert!(desk.sees("one or two letters, A to Z"));
    // Refused as it stands: the button does nothing.
    desk.click("Save desk code");
    start_an_order(&mut desk);
    assert!(
        desk.sees("2026-11-0062"),
        "an order number without a desk code"
    );
    to_settings(&mut desk);
    desk.act(|ui| {
        ui.click(iced_test::selector::id("desk-code")).unwrap();
        ui.tap_key(iced::keyboard::key::Named::Backspace);
    });
    assert_eq!(desk.input_text("desk-code"), "AB");
    assert!(!desk.sees("one or two letters, A to Z"));
    desk.click("Save desk code");
    assert!(!desk.sees("Not picked yet: it is picked when a workspace is opened."));
    start_an_order(&mut desk);
    assert!(desk.sees("2026-11-AB0062"), "the new desk code is not used");
}

/// Staff see the desk code but cannot change it, not even by a message sent anyway.
#[test]
fn staff_see_the_desk_code_but_cannot_change_it() {
    use rightfirst::ui::screen::settings;
    let mut desk = Desk::open_as("priya");
    to_settings(&mut desk);
    assert!(desk.sees("Desk code of this computer"));
    assert!(desk.sees("An owner can change it."));
    let input = desk.act(|ui| ui.find(iced_test::selector::id("desk-code")).is_ok());
    assert!(!input, "staff are offered the desk code to change");
    desk.hand_over(vec![
        Message::Settings(settings::Message::DeskCode("ZZ".into())),
        Message::Settings(settings::Message::SaveDeskCode),
    ]);
    start_an_order(&mut desk);
    assert!(desk.sees("2026-11-0062"));
}
