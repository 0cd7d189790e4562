//! Long lists draw a page of rows and a page more on request: the orders list and the
//! defect log of a shop with a few hundred orders show the newest forty, a "Show 40 more"
//! button draws the next, a new search starts at one page again, and walking down the
//! orders list with the keyboard past the last row drawn draws more.
#![cfg(feature = "gui")]

mod desk;

use desk::Desk;
use iced::keyboard::{Key, Modifiers};
use rightfirst::store::Folder;
use rightfirst::ui::Message;
use rightfirst::ui::screen::defects::Message as Log;
use rightfirst::ui::screen::orders::Message as Orders;

/// A copy of the sample grown to `orders` orders, open at the desk as Priya.
fn grown(orders: usize) -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    rightfirst::generate::grow(&root, orders).unwrap();
    Desk::open_folder(dir, "priya")
}

/// The workspace's order ids, newest first, as the list shows them.
fn newest_first(desk: &Desk) -> Vec<String> {
    let folder = Folder::inspect(&desk.root()).unwrap();
    folder
        .records()
        .orders
        .iter()
        .rev()
        .map(|o| o.id.clone())
        .collect()
}

fn search(desk: &mut Desk, text: &str) {
    let _ = desk.app.update(Message::Search(text.to_owned()));
}

#[test]
fn the_orders_list_draws_a_page_and_a_page_more_on_request() {
    let mut desk = grown(300);
    let ids = newest_first(&desk);
    assert!(ids.len() >= 300);
    desk.key(Key::Character("3".into()), Modifiers::COMMAND);
    assert!(desk.sees(&ids[0]) && desk.sees(&ids[39]));
    assert!(
        !desk.sees(&ids[40]),
        "the 41st order is drawn before it is asked for"
    );
    // The button is below the window's bottom: as a user scrolls to it, the test sends
    // what pressing it sends.
    assert!(desk.sees("Show 40 more"));
    let _ = desk.app.update(Message::Orders(Orders::More));
    assert!(desk.sees(&ids[40]) && desk.sees(&ids[79]));
    assert!(!desk.sees(&ids[80]));

    // A search, and back: one page again.
    search(&mut desk, "2026");
    search(&mut desk, "");
    assert!(desk.sees(&ids[39]) && !desk.sees(&ids[40]));

    // Down from the last row drawn draws the next page and goes on to its first row.
    for _ in 0..41 {
        let _ = desk
            .app
            .update(Message::Orders(Orders::Step(String::new(), true)));
    }
    // Without a page more, the 41st order could not be reached.
    assert!(desk.sees(&ids[40]));
}

/// The defect log's rows drawn: each names its defect's severity once.
fn drawn(desk: &mut Desk) -> usize {
    let severities = ["Minor", "Major", "Critical"];
    (desk.texts().iter())
        .filter(|(text, _)| severities.contains(&text.as_str()))
        .count()
}

#[test]
fn the_defect_log_draws_a_page_and_a_page_more_on_request() {
    let mut desk = grown(600);
    desk.key(Key::Character("4".into()), Modifiers::COMMAND);
    let texts = desk.texts();
    let total: usize = (texts.iter())
        .find_map(|(text, _)| text.split(" defects, ").next()?.parse().ok())
        .expect("the log counts its defects");
    assert!(total > 40, "{total} defects");
    let more = format!("Show {} more", (total - 40).min(40));
    assert!(desk.sees(&more), "a long log offers {more:?}");
    assert_eq!(drawn(&mut desk), 40);
    // Below the window's bottom, as in the orders list: what pressing it sends.
    let _ = desk.app.update(Message::Defects(Log::More));
    assert_eq!(drawn(&mut desk), total.min(80), "a page more is drawn");
    assert!(!desk.sees(&more));
}
