//! Issue 14, points 3 and 6 to 9: the words a new user reads in the window, driven through
//! the real `update` and `view`.
#![cfg(feature = "gui")]

mod desk;

use desk::Desk;
use iced::keyboard::{Key, Modifiers};

fn ctrl(desk: &mut Desk, key: &str) {
    desk.key(Key::Character(key.into()), Modifiers::COMMAND);
}

/// Point 9: the dashboard says what a recurring cause groups in the report's words, and
/// names the cause by title and step number.
#[test]
fn the_dashboard_says_exactly_what_a_recurring_cause_groups() {
    let mut desk = Desk::open_as("ellen");
    ctrl(&mut desk, "5");
    desk.click("This year");
    assert!(desk.sees(
        "Defects at the same procedure step, and defects that name no step by their category: 3 or more within 90 days."
    ));
    assert!(desk.sees("Scooping ice cream, step 4"));
    let mut desk = Desk::open_dutch("ellen");
    ctrl(&mut desk, "5");
    desk.click("Dit jaar");
    assert!(desk.sees(
        "Gebreken bij dezelfde procedurestap, en gebreken zonder stap per categorie: 3 of meer binnen 90 dagen."
    ));
}
