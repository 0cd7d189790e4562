//! Issue 16, points 1 to 4: every procedure reads as it prints, "To read" lists what the
//! person signed in is not current on, they sign it (with their PIN) into their training
//! file, an owner records a paper sign-off, and approving asks whether staff must read
//! the new revision again.
#![cfg(feature = "gui")]

mod desk;

use desk::Desk;
use rightfirst::model::Date;
use rightfirst::store::Folder;
use rightfirst::ui::App;

/// The sample with Noor, new on the staff with PIN 2580 and no training file yet, at the
/// window.
fn noor_is_new() -> Desk {
    let desk = Desk::open_as("ellen");
    desk::hire_noor(&desk.root(), Some("2580"));
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

/// Today's cone, made by `maker`, open in the check runner at Ellen's window.
fn checking_the_cone_made_by(maker: &str) -> Desk {
    use iced::keyboard::{Key, Modifiers};
    let desk = desk::with_todays_cone("ellen");
    let file = desk.root().join("orders/2026-11/2026-11-0062.ron");
    let order = std::fs::read_to_string(&file).unwrap();
    let order = order.replace("made_by: \"tom\"", &format!("made_by: \"{maker}\""));
    std::fs::write(&file, order).unwrap();
    let mut desk = Desk::open_folder(desk.dir, "ellen");
    desk.key(Key::Character("3".into()), Modifiers::COMMAND);
    desk.key(Key::Character("f".into()), Modifiers::COMMAND);
    desk.type_and_enter("search", "0062");
    desk.key(Key::Character("k".into()), Modifiers::COMMAND);
    assert!(desk.sees("Save check"));
    desk
}

#[test]
fn the_check_runner_says_when_the_maker_or_the_checker_has_not_read_the_revision_in_force() {
    let jake = "Jake Morrow has not read revision 3 of Scooping ice cream.";
    let mut desk = checking_the_cone_made_by("tom");
    assert!(!desk.sees(jake));
    assert!(
        !desk.sees("Tom Bell has not read revision 3 of Scooping ice cream."),
        "Tom signed revision 3"
    );
    // Jake signed revision 2 only; revision 3 must be read again.
    desk.pick("check-checker", 3);
    assert!(desk.sees(jake), "the checker");

    let mut desk = checking_the_cone_made_by("jake");
    assert!(desk.sees(jake), "the maker");
}

#[test]
fn the_defect_form_says_whether_the_maker_was_current_on_the_procedure_on_the_orders_day() {
    use iced::keyboard::{Key, Modifiers};
    let open_the_defect = |desk: &mut Desk| {
        desk.key(Key::Character("4".into()), Modifiers::COMMAND);
        desk.click("2026-10-0002");
    };
    let mut desk = Desk::open_as("ellen");
    open_the_defect(&mut desk);
    assert!(desk.sees(
        "Priya Shah had read revision 2 of Scooping ice cream when the order was made (2026-10-02)."
    ));

    // Made by Jake instead, who had signed revision 1 only.
    let order = desk.root().join("orders/2026-10/2026-10-0002.ron");
    let text = std::fs::read_to_string(&order).unwrap();
    std::fs::write(
        &order,
        text.replace("made_by: \"priya\"", "made_by: \"jake\""),
    )
    .unwrap();
    let training = desk.root().join("training/jake.ron");
    let text = std::fs::read_to_string(&training).unwrap();
    let line = "        Signed(procedure: \"scoop-ice-cream\", revision: 2, on: \"2026-05-06\"),\n";
    assert!(text.contains(line));
    std::fs::write(&training, text.replace(line, "")).unwrap();
    seat(&mut desk, "ellen");
    open_the_defect(&mut desk);
    assert!(desk.sees(
        "Jake Morrow had not read revision 2 of Scooping ice cream when the order was made (2026-10-02): think of the category Man."
    ));
}

#[test]
fn the_read_view_wraps_a_long_step_within_a_1024_pixel_window() {
    use iced_test::selector::Candidate;
    use iced_test::simulator::Simulator;
    let mut desk = Desk::open_as("jake");
    desk.click("Scooping ice cream");
    let mut ui = Simulator::with_size(iced::Settings::default(), (1024.0, 2600.0), desk.app.view());
    let step = ui
        .find(|candidate: Candidate<'_>| match candidate {
            Candidate::Text {
                content, bounds, ..
            } if content.starts_with("Drag the scoop") => Some(bounds),
            _ => None,
        })
        .expect("the step is on screen");
    assert!(step.x + step.width <= 1024.0, "{step:?}");
    // One line of body text is about 20 px high: the step takes more than one.
    assert!(step.height > 30.0, "not wrapped: {step:?}");
}

#[test]
fn a_paper_sign_off_of_a_first_revision_approved_without_a_change_note_counts_and_makes_the_file() {
    let desk = Desk::open_as("ellen");
    desk::hire_noor(&desk.root(), None);
    let mut desk = Desk::open_folder(desk.dir, "ellen");
    // "Baking waffles" is at revision 1, approved with no change note; the day is left
    // empty, which is today.
    desk.click("Baking waffles");
    desk.pick("paper-person", 4);
    desk.click("Record sign-off");
    assert!(desk.sees("Recorded: Noor El Amrani signed revision 1 on 2026-11-23 (on paper)."));
    assert_eq!(
        desk.read("training/noor.ron"),
        r#"Training(
    person: "noor",
    signed: [Signed(procedure: "bake-waffle", revision: 1, on: "2026-11-23", recorded_by: "ellen")],
)
"#
    );
}
