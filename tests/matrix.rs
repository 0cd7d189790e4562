//! Issue 16, point 5: the training matrix screen shows owners who knows the revision in
//! force of each procedure, filters it, opens a person's history with who recorded each
//! signature, and saves the printout.
#![cfg(feature = "gui")]

mod desk;

use desk::Desk;
use rightfirst::export::Format;
use rightfirst::ui::Message;
use rightfirst::ui::request::Picked;
use rightfirst::ui::screen::training;

/// The sample with Noor new on the staff (nothing signed) and a paper sign-off of Jake's
/// recorded by Ellen, at Ellen's window.
fn ellen_with_noor_new() -> Desk {
    let desk = Desk::open_as("ellen");
    desk::hire_noor(&desk.root(), None);
    let jake = desk.root().join("training/jake.ron");
    let text = std::fs::read_to_string(&jake).unwrap().replace(
        "    ],\n)",
        "        Signed(procedure: \"hygiene\", revision: 1, on: \"2026-11-02\", recorded_by: \"ellen\"),\n    ],\n)",
    );
    std::fs::write(&jake, text).unwrap();
    Desk::open_folder(desk.dir, "ellen")
}

#[test]
fn the_matrix_shows_the_three_states_filters_them_and_opens_a_history() {
    let mut desk = ellen_with_noor_new();
    desk.click("Training");
    assert!(desk.sees("Current"));
    assert!(
        desk.sees("Out of date (rev 2)"),
        "Jake signed Scooping ice cream revision 2"
    );
    assert!(desk.sees("Never"), "Noor signed nothing");
    assert!(desk.sees("Jake Morrow"));

    desk.pick(training::STATE_FILTER, 3);
    assert!(desk.sees("Noor El Amrani"));
    assert!(
        !desk.sees("Jake Morrow"),
        "Jake has signed every procedure once"
    );
    assert!(!desk.sees("Out of date (rev 2)"));
    desk.pick(training::STATE_FILTER, 0);

    desk.click("Jake Morrow");
    assert!(desk.sees("Training history of Jake Morrow"));
    assert!(desk.sees("on paper, recorded by Ellen Bell"));
    assert!(desk.sees("at the desk"));
    desk.click("Back to the matrix");
    assert!(desk.sees("Out of date (rev 2)"));
}

#[test]
fn the_matrix_saves_as_a_web_page_and_a_pdf_and_staff_do_not_see_it() {
    let mut desk = ellen_with_noor_new();
    desk.click("Training");
    let path = desk.dir.path().join("matrix.html");
    desk.hand_over(vec![Message::Training(training::Message::Placed(
        Format::Html,
        Picked::Path(path.clone()),
    ))]);
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("Noor El Amrani"), "{html}");
    assert!(desk.sees(&format!("Saved: {}", path.display())));

    let pdf = desk.dir.path().join("matrix.pdf");
    desk.hand_over(vec![Message::Training(training::Message::Placed(
        Format::Pdf,
        Picked::Path(pdf.clone()),
    ))]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    let mut desk = Desk::open_as("priya");
    assert!(!desk.sees("Training"));
}
