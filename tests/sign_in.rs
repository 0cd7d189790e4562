//! Issue 15, point 5 (and point 4's leavers): "Who are you?" offers only the people who
//! have not left, and asks a person with a PIN for it before the window is theirs.
#![cfg(feature = "gui")]

mod desk;

use desk::Desk;
use rightfirst::model::{Date, Person, Pin, Workspace, hash_pin};

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

/// Changes the people in the workspace of `desk` by hand and opens it again as `me`.
fn with_people(desk: Desk, me: &str, mut edit: impl FnMut(&mut Person)) -> Desk {
    let file = desk.root().join("workspace.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut workspace: Workspace = rightfirst::store::format::parse(&text).unwrap();
    workspace.staff.iter_mut().for_each(&mut edit);
    std::fs::write(&file, rightfirst::store::format::print(&workspace)).unwrap();
    Desk::open_folder(desk.dir, me)
}

/// Sets `person`'s PIN in the workspace of `desk` and opens it again as `me`.
fn with_pin(desk: Desk, person: &str, pin: &str, me: &str) -> Desk {
    let pin = Pin::parse(pin).unwrap();
    with_people(desk, me, |someone| {
        if someone.id == person {
            someone.pin = Some(hash_pin(&pin));
        }
    })
}

/// Opens the check runner on today's cone order (0062) and answers every item.
fn run_the_cone_check(desk: &mut Desk) {
    use iced::keyboard::{Key, Modifiers};
    desk.key(Key::Character("3".into()), Modifiers::COMMAND);
    desk.key(Key::Character("f".into()), Modifiers::COMMAND);
    desk.type_and_enter("search", "0062");
    desk.key(Key::Character("k".into()), Modifiers::COMMAND);
    desk.type_into("measure-weight", "64");
    desk.click(iced_test::selector::id("pass-flavour"));
    desk.pick("choice-shape", 0);
    desk.click(iced_test::selector::id("pass-clean"));
    desk.pick("choice-allergy", 0);
}

/// The checker list through the open pick list: its fourth row is Jake while he works
/// here, and nobody once he has left (the list is Ellen, Tom, Priya, then Jake). The
/// simulator cannot read a pick list's label, so the saved check says who was picked.
#[test]
fn a_leaver_is_not_offered_as_checker() {
    let order = "orders/2026-11/2026-11-0062.ron";
    let mut working = desk::with_todays_cone("ellen");
    run_the_cone_check(&mut working);
    working.pick("check-checker", 3);
    working.click("Save check");
    let saved = working.read(order);
    assert!(
        saved.contains("checked_by: \"jake\""),
        "the fourth row picks Jake: {saved}"
    );

    let mut gone = with_people(desk::with_todays_cone("ellen"), "ellen", |someone| {
        if someone.id == "jake" {
            someone.left = Date::new(2026, 11, 1);
        }
    });
    run_the_cone_check(&mut gone);
    gone.pick("check-checker", 3);
    gone.click("Save check");
    let saved = gone.read(order);
    assert!(saved.contains("checks: ["), "the check is saved: {saved}");
    assert!(
        !saved.contains("\"jake\""),
        "Jake has left: there is no fourth row to pick: {saved}"
    );
}

/// Ellen at the window, Priya (PIN 8642) picked as the checker of today's cone order,
/// every item answered.
fn priya_checks_at_ellens_window() -> Desk {
    let mut desk = with_pin(desk::with_todays_cone("ellen"), "priya", "8642", "ellen");
    run_the_cone_check(&mut desk);
    // The people list is Ellen, Tom, Priya, Jake.
    desk.pick("check-checker", 2);
    desk
}

#[test]
fn a_check_done_by_someone_else_is_saved_only_with_their_pin() {
    let mut desk = priya_checks_at_ellens_window();
    assert!(desk.sees("Priya Shah signs this check with their PIN."));
    let order = "orders/2026-11/2026-11-0062.ron";

    desk.click("Save check");
    assert!(desk.sees(
        "That PIN is not right: Priya Shah types their own PIN, or picks themself as checker on their own machine."
    ));
    assert!(
        !desk.read(order).contains("checks: ["),
        "nothing saved without her PIN"
    );

    desk.type_into("checker-pin", "1111");
    desk.click("Save check");
    assert!(
        !desk.read(order).contains("checks: ["),
        "nor with a wrong one"
    );

    desk.type_into("checker-pin", "8642");
    desk.click("Save check");
    let saved = desk.read(order);
    assert!(saved.contains("checked_by: \"priya\""), "{saved}");
}

/// One count of wrong PINs for the whole window: five wrong tries at the check runner
/// make Priya wait at "Who are you?" too, so moving to another prompt buys no tries.
#[test]
fn five_wrong_pins_at_one_prompt_are_a_wait_at_another() {
    let mut desk = priya_checks_at_ellens_window();
    for _ in 0..5 {
        desk.type_into("checker-pin", "1111");
        desk.click("Save check");
    }
    assert!(desk.sees("Too many wrong PINs: try again in 30 seconds."));

    desk.click("Not you?");
    desk.click("Priya Shah");
    desk.type_and_enter("sign-in-pin", "8642");
    // A slow machine may have used a few of the 30 seconds by now.
    let waits = (20..=30).any(|left| {
        desk.sees(&format!(
            "Too many wrong PINs: try again in {left} seconds."
        ))
    });
    assert!(waits, "the wait follows Priya to the sign-in");
    assert!(
        desk.sees("Who are you?"),
        "not Priya's window while she waits"
    );
}

#[test]
fn the_checker_at_their_own_window_needs_no_pin() {
    let mut desk = with_pin(desk::with_todays_cone("priya"), "priya", "8642", "priya");
    run_the_cone_check(&mut desk);
    assert!(!desk.sees("Priya Shah signs this check with their PIN."));
}

#[test]
fn an_owner_with_a_pin_approves_and_retires_only_with_it() {
    use iced::keyboard::{Key, Modifiers};
    let mut desk = with_pin(Desk::open_as("ellen"), "ellen", "2468", "ellen");
    desk.key(Key::Character("1".into()), Modifiers::COMMAND);
    desk.click("Closing down");
    desk.click("Edit");
    desk.click("Approve");
    desk.type_into("approve-note", "First approved revision");
    desk.type_into("sign-pin", "1357");
    desk.click("Approve revision");
    assert!(desk.sees("That PIN is not right."));
    let file = "procedures/closing-down.ron";
    assert!(
        desk.read(file).contains("status: Draft"),
        "not approved without her PIN"
    );
    desk.type_into("sign-pin", "2468");
    desk.click("Approve revision");
    let approved = desk.read(file);
    assert!(approved.contains("status: Approved("), "{approved}");
    assert!(approved.contains("by: \"ellen\""), "{approved}");

    desk.click("Baking waffles");
    desk.click("Edit");
    desk.click("Retire");
    assert!(
        desk.read("procedures/bake-waffle.ron")
            .contains("status: Approved(")
    );
    desk.type_and_enter("sign-pin", "0000");
    assert!(desk.sees("That PIN is not right."));
    assert!(
        desk.read("procedures/bake-waffle.ron")
            .contains("status: Approved(")
    );
    desk.type_and_enter("sign-pin", "2468");
    let retired = desk.read("procedures/bake-waffle.ron");
    assert!(retired.contains("status: Retired("), "{retired}");
}
