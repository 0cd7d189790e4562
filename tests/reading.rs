//! Issue 16, points 1 to 4: every procedure reads as it prints, "To read" lists what the
//! person signed in is not current on, they sign it (with their PIN) into their training
//! file, an owner records a paper sign-off, and approving asks whether staff must read
//! the new revision again.
#![cfg(feature = "gui")]

mod desk;

use desk::Desk;
use rightfirst::model::{Date, Person, Pin, Role, Workspace, hash_pin};
use rightfirst::store::Folder;
use rightfirst::ui::App;

/// The sample with Noor, new on the staff with PIN 2580 and no training file yet, at the
/// window.
fn noor_is_new() -> Desk {
    let desk = Desk::open_as("ellen");
    let file = desk.root().join("workspace.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut workspace: Workspace = rightfirst::store::format::parse(&text).unwrap();
    workspace.staff.push(Person {
        id: "noor".to_owned(),
        name: "Noor El Amrani".to_owned(),
        role: Role::Staff,
        left: None,
        pin: Some(hash_pin(&Pin::parse("2580").unwrap())),
    });
    std::fs::write(&file, rightfirst::store::format::print(&workspace)).unwrap();
    Desk::open_folder(desk.dir, "noor")
}

/// The same workspace in a window of `person`'s, as on another machine.
fn seat(desk: &mut Desk, person: &str) {
    let folder = Folder::open(&desk.root()).unwrap();
    desk.app = App::with_folder(folder, Some(person), Date::new(2026, 11, 23).unwrap());
}

#[test]
fn a_new_staff_member_reads_every_procedure_and_signs_one_with_their_pin() {
    let mut desk = noor_is_new();
    // Seven procedures are approved and in force; "Closing down" is a first draft.
    assert!(desk.sees("To read (7)"));
    desk.click("To read (7)");
    // The first to read opens at once: as it prints, with the signature at its end.
    assert!(desk.sees("Baking waffles"));
    assert!(desk.sees("Not read yet"));
    assert!(desk.sees("Revision 1, approved by Tom Bell on 2026-04-11"));
    assert!(desk.sees("Checked by the checklist: Second check of a waffle"));
    assert!(desk.sees("I have read and understood revision 1"));

    desk.type_into("reading-pin", "1111");
    desk.click("I have read and understood revision 1");
    assert!(desk.sees("That PIN is not right."));
    assert!(
        !desk.root().join("training/noor.ron").exists(),
        "no signature without her PIN"
    );
    assert!(desk.sees("To read (7)"));

    desk.type_into("reading-pin", "2580");
    desk.click("I have read and understood revision 1");
    assert!(desk.sees("Signed: revision 1 of Baking waffles."));
    assert_eq!(
        desk.read("training/noor.ron"),
        r#"Training(
    person: "noor",
    signed: [Signed(procedure: "bake-waffle", revision: 1, on: "2026-11-23")],
)
"#
    );
    assert!(desk.sees("To read (6)"));
    assert!(desk.sees("You signed revision 1 on 2026-11-23."));
}

#[test]
fn clicking_a_procedure_reads_it_and_edit_opens_the_editor() {
    let mut desk = Desk::open_as("priya");
    desk.click("Scooping ice cream");
    assert!(desk.sees("Drag the scoop in one S-shaped pull across the surface of the tub so the ice cream rolls into a round ball."));
    assert!(desk.sees("ball weight: 65 g (60-70 g)"));
    assert!(desk.sees("You signed revision 3 on 2026-10-21."));
    assert!(!desk.sees("Save (Ctrl+S)"), "reading, not editing");
    desk.click("Edit");
    assert!(desk.sees("Save (Ctrl+S)"));
    assert_eq!(desk.input_text("title"), "Scooping ice cream");
}

/// Ellen approves the procedure open in the editor with `note`; `retrain` false unticks
/// "Staff must read it again" first.
fn approve(desk: &mut Desk, note: &str, retrain: bool) {
    desk.click("Approve");
    assert!(desk.sees("Staff must read it again"));
    if !retrain {
        desk.click("Staff must read it again");
    }
    desk.type_into("approve-note", note);
    desk.click("Approve revision");
}

#[test]
fn a_revision_that_must_be_read_again_puts_the_signer_out_of_date_and_a_typo_fix_does_not() {
    let mut desk = Desk::open_as("ellen");
    desk.click("Baking waffles");
    desk.click("Edit");
    desk.type_into("step-text-1", " Wipe off what drips.");
    approve(&mut desk, "Wipe the drips off the plates", true);
    let saved = desk.read("procedures/bake-waffle.ron");
    assert!(saved.contains("revision: 2,"), "{saved}");
    assert!(!saved.contains("retrain"), "true is the default: {saved}");

    seat(&mut desk, "priya");
    assert!(desk.sees("To read (1)"));
    desk.click("To read (1)");
    assert!(desk.sees("You signed revision 1"));
    assert!(desk.sees("What changed since revision 1, which you signed"));
    assert!(desk.sees("Wipe the drips off the plates"));
    assert!(desk.sees("Changed"), "the step that changed is marked");
    desk.click("I have read and understood revision 2");
    assert!(desk.sees("To read (0)"));

    seat(&mut desk, "ellen");
    desk.click("Baking waffles");
    desk.click("Edit");
    desk.type_into("step-text-1", "!");
    approve(&mut desk, "Typo", false);
    let saved = desk.read("procedures/bake-waffle.ron");
    assert!(saved.contains("revision: 3,"), "{saved}");
    assert!(saved.contains("retrain: false"), "{saved}");

    seat(&mut desk, "priya");
    assert!(desk.sees("To read (0)"), "a typo fix keeps her current");
    desk.click("Baking waffles");
    assert!(
        desk.sees("You signed revision 2; revision 3 needs no new reading, so you are current.")
    );
}

/// Ellen records that Jake signed "Scooping ice cream" on paper on `day`; Jake's training
/// file as it was before.
fn jake_signed_on_paper(day: &str) -> (Desk, String) {
    let mut desk = Desk::open_as("ellen");
    let before = desk.read("training/jake.ron");
    desk.click("Scooping ice cream");
    desk.pick("paper-person", 3);
    desk.type_into("paper-date", day);
    desk.click("Record sign-off");
    (desk, before)
}

#[test]
fn an_owner_records_a_sign_off_given_on_paper_with_its_date() {
    let (mut desk, before) = jake_signed_on_paper("2026-11-20");
    assert!(desk.sees("Recorded: Jake Morrow signed revision 3 on 2026-11-20 (on paper)."));
    let after = desk.read("training/jake.ron");
    let expected = before.replace(
        "    ],\n)",
        "        Signed(procedure: \"scoop-ice-cream\", revision: 3, on: \"2026-11-20\", recorded_by: \"ellen\"),\n    ],\n)",
    );
    assert_ne!(expected, before);
    assert_eq!(after, expected);
}

#[test]
fn a_paper_sign_off_before_any_revision_was_in_force_is_refused_and_writes_nothing() {
    let (mut desk, before) = jake_signed_on_paper("2020-01-01");
    assert!(desk.sees("Not signed: No revision was in force on 2020-01-01."));
    assert_eq!(desk.read("training/jake.ron"), before);
}
