//! The staff's desk at the counter, driven through the real `update` and `view`: orders,
//! checks with four eyes, proposed defects and customer contacts, and the files they leave.
#![cfg(feature = "gui")]

mod desk;

use desk::Desk;
use iced::keyboard::{Key, Modifiers};
use rightfirst::store::Folder;

fn to_orders(desk: &mut Desk) {
    desk.key(Key::Character("3".into()), Modifiers::COMMAND);
}

#[test]
fn staff_make_a_new_order_and_log_a_call_about_it_as_readable_ron() {
    let mut desk = Desk::open_as("priya");
    to_orders(&mut desk);
    desk.key(Key::Character("n".into()), Modifiers::COMMAND);
    // The number follows the month's highest; the day is today; the maker is you.
    assert!(
        desk.sees("2026-11-0062"),
        "the next order number is offered"
    );
    desk.type_into("order-product", "Cone, 2 balls");
    desk.type_into("order-customer", "Fam. Peeters");
    desk.click("Save order");
    assert_eq!(
        desk.read("orders/2026-11/2026-11-0062.ron"),
        r#"Order(
    id: "2026-11-0062",
    placed: "2026-11-23",
    customer: "Fam. Peeters",
    product: "Cone, 2 balls",
    made_by: "priya",
)
"#
    );

    desk.key(Key::Character("l".into()), Modifiers::COMMAND);
    desk.type_into("contact-about", "Says the second ball was small");
    desk.click("We apologised");
    desk.click("Save contact");
    assert!(desk.sees("1 contacts; the alarm is above 1.5"));
    assert_eq!(
        desk.read("orders/2026-11/2026-11-0062.ron"),
        r#"Order(
    id: "2026-11-0062",
    placed: "2026-11-23",
    customer: "Fam. Peeters",
    product: "Cone, 2 balls",
    made_by: "priya",
    contacts: [
        Contact(
            at: "2026-11-23T12:00",
            channel: Phone,
            by: "priya",
            about: "Says the second ball was small",
            apology: true,
        ),
    ],
)
"#
    );
    let folder = Folder::inspect(&desk.root()).unwrap();
    assert_eq!(folder.error_count(), 0, "{:?}", folder.findings());
}

#[test]
fn a_taken_order_number_and_a_missing_product_are_refused_before_anything_is_written() {
    let mut desk = Desk::open_as("priya");
    to_orders(&mut desk);
    desk.click("New order");
    desk.act(|ui| {
        ui.click(iced_test::selector::id("order-id"))?;
        for _ in 0..12 {
            ui.tap_key(iced::keyboard::key::Named::Backspace);
        }
        ui.typewrite("2026-11-0004");
        Ok::<(), iced_test::Error>(())
    })
    .unwrap();
    assert!(desk.sees("an order with this number exists already"));
    desk.click("Save order");
    assert!(!desk.root().join("orders/2026-11/2026-11-0062.ron").exists());
    let before = desk.read("orders/2026-11/2026-11-0004.ron");
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    assert_eq!(desk.read("orders/2026-11/2026-11-0004.ron"), before);
}
