//! Issue 14, point 5: what is wrong with a field shows and goes as the user types without
//! moving the fields under the pointer. Driven through the real `update` and `view`.
#![cfg(feature = "gui")]

mod desk;

use desk::Desk;
use iced::keyboard::{Key, Modifiers};
use rightfirst::ui::screen::checklists::item_input_id;

fn leak(id: String) -> &'static str {
    Box::leak(id.into_boxed_str())
}

/// Where the widget with this id is on screen.
fn at(desk: &mut Desk, id: &'static str) -> iced::Rectangle {
    desk.act(|ui| ui.find(iced_test::selector::id(id)))
        .unwrap_or_else(|e| panic!("{id}: {e}"))
        .visible_bounds()
        .expect("the widget is visible")
}

/// Where this text is on screen.
fn text_at(desk: &mut Desk, text: &'static str) -> iced::Rectangle {
    desk.act(|ui| ui.find(text))
        .unwrap_or_else(|e| panic!("{text}: {e}"))
        .visible_bounds()
        .expect("the text is visible")
}

#[test]
fn notes_in_the_checklist_editor_appear_without_moving_a_field() {
    let mut desk = Desk::open_as("ellen");
    desk.key(Key::Character("2".into()), Modifiers::COMMAND);
    desk.click("New checklist");
    desk.type_into("title", "Cone weight check");
    desk.click("Add item");
    desk.click("Add item");
    let prompt = leak(item_input_id(0));
    let kind = at(&mut desk, "item-0-kind");
    let next = at(&mut desk, leak(item_input_id(1)));

    // A prompt that does not speak to the checker is told so, in the line kept for it.
    desk.type_into(prompt, "Look at");
    assert!(desk.sees(
        "This prompt does not speak to the checker: write \u{201c}You weigh the ball.\u{201d}"
    ));
    assert_eq!(
        at(&mut desk, "item-0-kind"),
        kind,
        "the item's own fields stay"
    );
    assert_eq!(
        at(&mut desk, leak(item_input_id(1))),
        next,
        "the next item stays"
    );

    // A measure with a bound that is not a number: the note takes the same line.
    desk.pick("item-0-kind", 1);
    let next = at(&mut desk, leak(item_input_id(1)));
    let max = at(&mut desk, "item-0-max");
    desk.type_into("item-0-min", "6o");
    assert_eq!(at(&mut desk, "item-0-max"), max);
    assert_eq!(at(&mut desk, leak(item_input_id(1))), next);

    assert!(!desk.sees("Give the checklist a title."));
}

#[test]
fn a_missing_title_is_told_beside_its_label() {
    let mut desk = Desk::open_as("ellen");
    desk.key(Key::Character("2".into()), Modifiers::COMMAND);
    desk.click("New checklist");
    desk.click("Add item");
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    assert!(desk.sees("Give the checklist a title."));
    let procedure = at(&mut desk, "procedure");
    desk.type_into("title", "Cone weight check");
    assert!(!desk.sees("Give the checklist a title."));
    assert_eq!(at(&mut desk, "procedure"), procedure);
}

#[test]
fn a_wrong_review_date_is_told_beside_its_label() {
    let mut desk = Desk::open_as("ellen");
    desk.key(Key::Character("1".into()), Modifiers::COMMAND);
    desk.click("New procedure");
    desk.type_into("title", "Closing the till");
    let steps = text_at(&mut desk, "Steps");
    let review = at(&mut desk, "review-by");
    desk.type_into("review-by", "next year");
    assert!(desk.sees("not a date (YYYY-MM-DD)"));
    assert_eq!(at(&mut desk, "review-by"), review);
    assert_eq!(text_at(&mut desk, "Steps"), steps, "the steps below stay");
}
