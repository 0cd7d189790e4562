//! Issue 15, point 5 (and point 4's leavers): "Who are you?" offers only the people who
//! have not left, and asks a person with a PIN for it before the window is theirs.
#![cfg(feature = "gui")]

mod desk;

use desk::Desk;
use rightfirst::model::{Date, Pin, Workspace, hash_pin};

/// The sample, with Ellen's PIN set to `pin` and Jake gone since November, opened on a
/// machine that does not know who is at it yet.
fn open_with_ellens_pin(pin: &str) -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    let file = root.join("workspace.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut workspace: Workspace = rightfirst::store::format::parse(&text).unwrap();
    let pin = Pin::parse(pin).unwrap();
    for person in &mut workspace.staff {
        match person.id.as_str() {
            "ellen" => person.pin = Some(hash_pin(&pin)),
            "jake" => person.left = Date::new(2026, 11, 1),
            _ => {}
        }
    }
    std::fs::write(&file, rightfirst::store::format::print(&workspace)).unwrap();
    Desk::open_folder(dir, "somebody-new")
}

#[test]
fn a_person_with_a_pin_signs_in_with_it_and_a_leaver_is_not_offered() {
    let mut desk = open_with_ellens_pin("2468");
    assert!(desk.sees("Who are you?"));
    assert!(desk.sees("Priya Shah"));
    assert!(!desk.sees("Jake Morrow"), "Jake has left");

    desk.click("Ellen Bell");
    assert!(
        desk.sees("Who are you?"),
        "not Ellen's window without her PIN"
    );
    desk.type_and_enter("sign-in-pin", "1357");
    assert!(desk.sees("That PIN is not right."));
    assert!(desk.sees("Who are you?"));
    // An empty field reads as its placeholder.
    let kept = desk.input_text("sign-in-pin");
    assert_eq!(kept, "Your PIN", "a wrong PIN is not kept");

    desk.type_and_enter("sign-in-pin", "2468");
    assert!(!desk.sees("Who are you?"));
    assert!(desk.sees("You are Ellen Bell"));
}

#[test]
fn a_person_without_a_pin_signs_in_with_one_click() {
    let mut desk = open_with_ellens_pin("2468");
    desk.click("Priya Shah");
    assert!(desk.sees("You are Priya Shah"));
}

#[test]
fn five_wrong_pins_in_a_row_make_it_wait() {
    let mut desk = open_with_ellens_pin("2468");
    desk.click("Ellen Bell");
    for _ in 0..5 {
        desk.type_and_enter("sign-in-pin", "0000");
    }
    assert!(desk.sees("Too many wrong PINs: try again in 30 seconds."));
    // Even the right PIN waits now.
    desk.type_and_enter("sign-in-pin", "2468");
    assert!(desk.sees("Who are you?"));
}
