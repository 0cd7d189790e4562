//! The orders list and the defect log are kept between frames and worked out again only when
//! what they show depends on changes: a save, a filter, a key in the search, the workspace
//! read again after another desk wrote to it. Each test looks at a list first, so that it is
//! kept, then changes one of those and looks again: a list left stale fails it.
#![cfg(feature = "gui")]

mod desk;

use desk::{Desk, with_todays_cone};
use iced::keyboard::{Key, Modifiers};
use rightfirst::model::Order;
use rightfirst::store::Folder;
use rightfirst::store::format::{parse, print};
use rightfirst::ui::Message;
use rightfirst::ui::screen::defects::Message as Defects;
use rightfirst::ui::screen::orders::{Filter, Message as Orders};

const CONE: &str = "orders/2026-11/2026-11-0062.ron";

fn go(desk: &mut Desk, section: &str) {
    desk.key(Key::Character(section.into()), Modifiers::COMMAND);
}

fn search(desk: &mut Desk, text: &str) {
    let _ = desk.app.update(Message::Search(text.to_owned()));
}

/// The ids of the orders of the workspace on disk that `keep` keeps.
fn orders_where(desk: &Desk, keep: impl Fn(&Order, &Folder) -> bool) -> Vec<String> {
    let folder = Folder::inspect(&desk.root()).unwrap();
    folder
        .records()
        .orders
        .iter()
        .filter(|order| keep(order, &folder))
        .map(|order| order.id.clone())
        .collect()
}

#[test]
fn a_defect_saved_on_an_order_shows_in_the_defect_log_seen_before() {
    let mut desk = with_todays_cone("priya");
    go(&mut desk, "4");
    assert!(!desk.sees("Drips down the cone"));
    go(&mut desk, "3");
    search(&mut desk, "0062");
    desk.type_and_enter("search", "");
    desk.key(Key::Character("d".into()), Modifiers::COMMAND);
    desk.type_into("defect-description", "Drips down the cone");
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    assert_eq!(parse::<Order>(&desk.read(CONE)).unwrap().defects.len(), 1);

    go(&mut desk, "4");
    assert!(desk.sees("Drips down the cone"), "the log missed the save");
    // Narrowed by a search and by a filter, and widened again.
    search(&mut desk, "drips");
    assert!(desk.sees("Drips down the cone"));
    let _ = desk.app.update(Message::Defects(Defects::State(Some(
        rightfirst::model::DefectState::Verified,
    ))));
    assert!(
        !desk.sees("Drips down the cone"),
        "a new defect is not verified"
    );
    let _ = desk.app.update(Message::Defects(Defects::State(None)));
    assert!(desk.sees("Drips down the cone"));
}

#[test]
fn the_orders_filters_show_what_they_name() {
    let mut desk = with_todays_cone("priya");
    let failed = orders_where(&desk, |order, folder| order.check_failed(folder.records()));
    let failed = failed
        .first()
        .expect("the sample has a failed check")
        .clone();
    go(&mut desk, "3");
    assert!(desk.sees("2026-11-0062") && desk.sees(&failed));
    let _ = desk
        .app
        .update(Message::Orders(Orders::Filter(Filter::CheckFailed)));
    assert!(desk.sees(&failed));
    assert!(!desk.sees("2026-11-0062"), "the cone is not checked yet");
    let _ = desk
        .app
        .update(Message::Orders(Orders::Filter(Filter::NotChecked)));
    assert!(desk.sees("2026-11-0062"));
    assert!(!desk.sees(&failed));
    let _ = desk
        .app
        .update(Message::Orders(Orders::Filter(Filter::All)));
    assert!(desk.sees("2026-11-0062") && desk.sees(&failed));
}

#[test]
fn each_key_in_the_orders_search_narrows_or_widens_the_list() {
    let mut desk = with_todays_cone("priya");
    go(&mut desk, "3");
    let folder = Folder::inspect(&desk.root()).unwrap();
    let orders = &folder.records().orders;
    // The cone, a cone of August, and one of another month that is not a cone.
    let watched: Vec<&Order> = ["2026-11-0062", "2026-08-0012"]
        .iter()
        .filter_map(|id| orders.iter().find(|o| o.id == *id))
        .chain(orders.iter().find(|o| !o.product.contains("Cone")))
        .collect();
    assert_eq!(watched.len(), 3);
    for typed in [
        "0", "00", "006", "0062", "0062x", "0062", "00", "062", "", "CONE, 2", "cone", "c", "",
    ] {
        search(&mut desk, typed);
        let needle = typed.trim().to_lowercase();
        // What the list draws: the first page of the matching orders, newest first.
        let drawn: Vec<&str> = (orders.iter().rev())
            .filter(|order| order.matches(&needle))
            .take(rightfirst::ui::screen::rows::PAGE)
            .map(|order| order.id.as_str())
            .collect();
        for order in &watched {
            assert_eq!(
                desk.sees(&order.id),
                drawn.contains(&order.id.as_str()),
                "{}, searching {typed:?}",
                order.id
            );
        }
    }
}

#[test]
fn an_order_another_desk_wrote_shows_once_the_workspace_is_read_again() {
    let mut desk = with_todays_cone("priya");
    go(&mut desk, "3");
    search(&mut desk, "0063");
    assert!(desk.sees("No orders match."));
    go(&mut desk, "4");
    assert!(!desk.sees("Spilt on the counter"));
    go(&mut desk, "3");

    let mut theirs: Order = parse(&desk.read(CONE)).unwrap();
    theirs.id = "2026-11-0063".into();
    theirs.product = "Waffle from the other desk".into();
    // A defect like one of the sample's, written down at the other desk.
    let roll: Order = parse(&desk.read("orders/2026-11/2026-11-0011.ron")).unwrap();
    theirs.defects = roll.defects;
    theirs.defects[0].description = "Spilt on the counter".into();
    let file = "orders/2026-11/2026-11-0063.ron";
    std::fs::write(desk.root().join(file), print(&theirs)).unwrap();
    let task = desk.app.update(Message::DiskChanged(vec![file.into()]));
    desk.run(task);

    assert!(
        desk.sees("2026-11-0063"),
        "the list missed the other desk's order"
    );
    assert!(!desk.sees("No orders match."));
    search(&mut desk, "");
    go(&mut desk, "4");
    assert!(desk.sees("Spilt on the counter"), "the log missed it");
}
