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

/// Point 6: the review date's placeholder reads as a format, and one click sets a year from
/// today; point 8: a new procedure is not "Saved" before it was, and an empty title says
/// what is wrong.
#[test]
fn a_new_procedure_is_not_saved_asks_for_a_title_and_offers_a_review_date() {
    let mut desk = Desk::open_as("ellen");
    desk.click("New procedure");
    assert!(!desk.sees("Saved"));
    assert!(desk.sees("Unsaved changes"));
    assert!(desk.sees("Give the procedure a title."));
    assert!(desk.sees("YYYY-MM-DD"), "the review date's placeholder");
    assert!(!desk.sees("2027-11-02"));
    desk.click("One year from today");
    assert_eq!(desk.input_text("review-by"), "2027-11-23");
    desk.type_into("title", "Weighing flour");
    assert!(!desk.sees("Give the procedure a title."));
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    assert!(desk.sees("Saved"));
    assert!(
        desk.read("procedures/weighing-flour.ron")
            .contains("review_by: \"2027-11-23\"")
    );

    let mut desk = Desk::open_dutch("ellen");
    desk.click("Nieuwe procedure");
    assert!(desk.sees("JJJJ-MM-DD"));
    assert!(desk.sees("Geef de procedure een titel."));
    assert!(desk.sees("Over een jaar"));
    ctrl(&mut desk, "2");
    desk.click("Nieuwe checklijst");
    assert!(desk.sees("Geef de checklijst een titel."));
    assert!(!desk.sees("Opgeslagen"));
}

fn leak(id: String) -> &'static str {
    Box::leak(id.into_boxed_str())
}

/// Point 7: picking the step a measure verifies fills in its empty unit, min and max from
/// the step's standard, keeps what was typed, and says so where the bounds then differ.
#[test]
fn a_measure_takes_its_steps_standard_and_is_warned_where_it_differs() {
    use rightfirst::ui::screen::checklists::item_input_id;
    let differs = "The step's standard is 60\u{2013}70 g: this item's bounds differ from it. Use the same, or the two drift apart.";
    let mut desk = Desk::open_as("ellen");
    ctrl(&mut desk, "2");
    desk.click("New checklist");
    desk.type_into("title", "Cone weight check");
    // (none), then the procedures by title: "Scooping ice cream" is the seventh.
    desk.pick("procedure", 7);
    desk.click("Add item");
    desk.type_into(leak(item_input_id(0)), "You weigh the ball.");
    desk.pick("item-0-kind", 1);
    // (none), then the procedure's steps in order: "portion" is the fourth.
    desk.pick("item-0-step", 4);
    assert_eq!(desk.input_text("item-0-unit"), "g");
    assert_eq!(desk.input_text("item-0-min"), "60");
    assert_eq!(desk.input_text("item-0-max"), "70");
    assert!(!desk.sees(differs));

    desk.click("Add item");
    desk.type_into(leak(item_input_id(1)), "You weigh the second ball.");
    desk.pick("item-1-kind", 1);
    desk.type_into("item-1-min", "55");
    desk.pick("item-1-step", 4);
    assert_eq!(desk.input_text("item-1-min"), "55", "what was typed stays");
    assert_eq!(desk.input_text("item-1-max"), "70");
    assert!(desk.sees(differs));
}

/// Point 8: words already on screen follow a switch of language in Settings: the order's
/// "Check saved." note and the check's state.
#[test]
fn words_on_screen_follow_a_switch_to_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    std::fs::write(
        root.join("orders/2026-11/2026-11-0062.ron"),
        desk::TODAYS_CONE,
    )
    .unwrap();
    let mut desk = Desk::open_folder(dir, "priya");
    ctrl(&mut desk, "3");
    ctrl(&mut desk, "f");
    desk.type_and_enter("search", "0062");
    ctrl(&mut desk, "k");
    desk.type_into("measure-weight", "65");
    desk.click(iced_test::selector::id("pass-flavour"));
    desk.pick("choice-shape", 0);
    desk.click(iced_test::selector::id("pass-clean"));
    desk.pick("choice-allergy", 0);
    desk.click("Save check");
    assert!(desk.sees("Check saved."));
    ctrl(&mut desk, "8");
    // As the workspace, English, Nederlands.
    desk.pick("language", 2);
    ctrl(&mut desk, "3");
    assert!(
        desk.sees("Controle opgeslagen."),
        "the note speaks Dutch now"
    );
    assert!(!desk.sees("Check saved."));
    assert!(desk.sees("Goedgekeurd"));
}

/// The texts on screen, top to bottom.
fn texts_down(desk: &mut Desk) -> Vec<String> {
    let mut texts = desk.texts();
    texts.sort_by(|a, b| a.1.y.total_cmp(&b.1.y));
    texts.into_iter().map(|(text, _)| text).collect()
}

/// Point 8: the procedures and checklists are listed by title, not by file name.
#[test]
fn procedures_and_checklists_are_listed_by_title() {
    let mut desk = Desk::open_as("ellen");
    let mut listed = |screen: &str, titles: &[&str]| {
        ctrl(&mut desk, screen);
        let listed: Vec<String> = texts_down(&mut desk)
            .into_iter()
            .filter(|text| titles.contains(&text.as_str()))
            .collect();
        assert_eq!(listed, titles);
    };
    listed(
        "1",
        &[
            "Baking waffles",
            "Closing down",
            "Hand washing and cleaning",
            "Making a ham & cheese roll",
            "Making a milkshake",
            "Opening checks",
            "Scooping ice cream",
            "Serving a customer with an allergy",
        ],
    );
    listed(
        "2",
        &[
            "Second check of a cone or cup before it goes over the counter",
            "Second check of a ham & cheese roll",
            "Second check of a milkshake",
            "Second check of a waffle",
        ],
    );
}

/// Point 8: in Dutch the six default categories have Dutch names on the defect log, while
/// the files keep the stored names.
#[test]
fn the_default_categories_read_in_dutch_in_dutch() {
    let mut desk = Desk::open_dutch("ellen");
    ctrl(&mut desk, "4");
    let shown = texts_down(&mut desk);
    assert!(shown.iter().any(|t| t == "Methode"), "{shown:?}");
    assert!(!shown.iter().any(|t| t == "Method"), "{shown:?}");
    assert!(
        desk.read("orders/2026-10/2026-10-0023.ron")
            .contains("category: \"Method\"")
    );
}

/// Point 8: a refusal already on screen follows a switch of language too.
#[test]
fn a_refused_new_order_says_why_in_the_language_switched_to() {
    let mut desk = Desk::open_as("priya");
    ctrl(&mut desk, "3");
    ctrl(&mut desk, "n");
    desk.click("Save order");
    assert!(desk.sees("Say what was made."));
    ctrl(&mut desk, "8");
    desk.pick("language", 2);
    ctrl(&mut desk, "3");
    assert!(desk.sees("Vul in wat er gemaakt is."));
    assert!(!desk.sees("Say what was made."));
}

/// Point 8: the note that Escape keeps unsaved work follows a switch of language, on the
/// orders screen and on the defect log.
#[test]
fn the_escape_note_says_it_in_the_language_switched_to() {
    use iced::keyboard::key::Named;
    let english = "Escape does not throw away work that is not saved: save it with Ctrl+S, or press Cancel or Discard changes.";
    let dutch = "Escape gooit niet-bewaard werk niet weg: bewaar het met Ctrl+S, of kies Annuleren of Wijzigingen weggooien.";
    let mut desk = Desk::open_as("priya");
    ctrl(&mut desk, "3");
    ctrl(&mut desk, "n");
    desk.type_into("order-product", "Cone, 2 balls");
    desk.key(Key::Named(Named::Escape), Modifiers::default());
    assert!(desk.sees(english));
    ctrl(&mut desk, "8");
    desk.pick("language", 2);
    ctrl(&mut desk, "3");
    assert!(desk.sees(dutch));
    assert!(!desk.sees(english));
}

/// Issue 17: the new-order form says what is wrong with the order number and the day in
/// the window's language, in the words the import uses.
#[test]
fn a_new_orders_number_and_day_are_refused_in_dutch() {
    use rightfirst::ui::Message;
    use rightfirst::ui::screen::orders::Message as Orders;
    let mut desk = Desk::open_dutch("priya");
    ctrl(&mut desk, "3");
    ctrl(&mut desk, "n");
    for message in [
        Orders::NewId("B 1".to_owned()),
        Orders::NewPlaced("31-11-2026".to_owned()),
        Orders::NewProduct("Hoorntje, 2 bollen".to_owned()),
    ] {
        let _ = desk.app.update(Message::Orders(message));
    }
    let id = "id “B 1” bevat ' '; een id mag alleen a-z, A-Z, 0-9, - en _ bevatten, omdat hij een bestandsnaam wordt";
    assert!(desk.sees(id), "under the field");
    desk.click("Bestelling opslaan");
    assert!(desk.sees(&format!("Bestelnummer: {id}")));

    let _ = desk
        .app
        .update(Message::Orders(Orders::NewId("B-1".to_owned())));
    desk.click("Bestelling opslaan");
    assert!(desk.sees(
        "Besteld op: verwacht een datum als “JJJJ-MM-DD” die op de kalender staat, gevonden: “31-11-2026”"
    ));
    assert!(!desk.root().join("orders/2026-11/B-1.ron").exists());
}
