//! The window opens a big workspace in two phases: the desk is usable with the newest
//! orders while the older ones are still read, and takes those in as they land.
#![cfg(feature = "gui")]

mod desk;

use std::path::Path;

use desk::Desk;
use rightfirst::model::Date;
use rightfirst::store::{Batch, Folder, Rest};
use rightfirst::ui::{App, Message, Section};

const ORDERS: usize = 6_000;

/// The sample grown to `ORDERS` orders over five years, in `dir`/shop.
fn grown() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    rightfirst::generate::grow(&root, ORDERS).unwrap();
    dir
}

fn open_first(root: &Path) -> (Folder, Rest) {
    let (folder, rest) = Folder::open_first(root, &|_, _| {}).unwrap();
    (folder, rest.expect("older orders left"))
}

/// Every batch of `rest`, read now and held back, as messages for `update`.
fn held_back(mut rest: Rest) -> Vec<Message> {
    let batches: Vec<Batch> = std::iter::from_fn(|| rest.next_batch()).collect();
    assert!(batches.len() >= 2, "{batches:?}");
    batches.into_iter().map(Message::older_orders).collect()
}

fn on(dir: tempfile::TempDir, folder: Folder) -> Desk {
    let app = App::with_folder(folder, Some("ellen"), Date::new(2026, 11, 23).unwrap());
    Desk { app, dir }
}

/// The texts on screen.
fn screen(desk: &mut Desk) -> Vec<String> {
    desk.texts().into_iter().map(|(text, _)| text).collect()
}

fn shows(desk: &mut Desk, part: &str) -> bool {
    screen(desk).iter().any(|text| text.contains(part))
}

#[test]
fn the_desk_is_usable_before_the_older_orders_are_read_and_takes_them_in() {
    let dir = grown();
    let root = dir.path().join("shop");
    let full = Folder::open(&root).unwrap();
    let (folder, rest) = open_first(&root);
    let first = folder.records().orders.len();
    let batches = held_back(rest);
    let mut desk = on(dir, folder);

    // The procedures are there, and the sidebar says the older orders are on their way.
    let procedure = &full.records().procedures[0].title;
    assert!(shows(&mut desk, procedure), "{:?}", screen(&mut desk));
    let total = format!("of {},{:03}", ORDERS / 1000, ORDERS % 1000);
    assert!(
        screen(&mut desk)
            .iter()
            .any(|t| t.starts_with("Reading older orders…") && t.contains(&total)),
        "{:?}",
        screen(&mut desk)
    );
    assert!(shows(&mut desk, &format!("Orders ({first})")));

    // The newest orders are listed, and the search answers while the older ones are out.
    let _ = desk.app.update(Message::Section(Section::Orders));
    let newest = &full.records().orders.last().unwrap().id;
    assert!(shows(&mut desk, newest));
    let oldest = full.records().orders[0].id.clone();
    desk.type_into("search", &oldest);
    assert_eq!(desk.input_text("search"), oldest);
    let listed = |desk: &mut Desk| screen(desk).iter().filter(|t| t.contains(&oldest)).count();
    assert_eq!(
        listed(&mut desk),
        0,
        "not read yet: {:?}",
        screen(&mut desk)
    );

    // The batches land: the search finds the oldest order, every order is there, and the
    // note is gone.
    desk.hand_over(batches);
    assert!(listed(&mut desk) > 0, "{:?}", screen(&mut desk));
    assert!(!shows(&mut desk, "Reading older orders"));
    let folder = desk.app.folder().unwrap();
    assert_eq!(folder.records(), full.records());
    assert_eq!(folder.findings(), full.findings());
    assert!(shows(&mut desk, &format!("Orders ({ORDERS})")));

    // The dashboard's figures are those of a window on the whole workspace read at once,
    // each worked out over the turns the window asks for.
    let figures = |desk: &mut Desk| {
        let _ = desk.app.update(Message::Section(Section::Dashboard));
        while desk.app.working_out() {
            let _ = desk.app.update(Message::Derive);
        }
        assert!(!shows(desk, "Working out the figures"));
        screen(desk)
    };
    let after_batches = figures(&mut desk);
    let dir = tempfile::tempdir().unwrap();
    let mut whole = on(dir, full);
    assert_eq!(after_batches, figures(&mut whole));
}

#[test]
fn a_batch_of_an_earlier_load_does_not_land() {
    let dir = grown();
    let root = dir.path().join("shop");
    let (_, earlier) = open_first(&root);
    let (folder, _) = open_first(&root);
    let first = folder.records().orders.len();
    let stray = held_back(earlier);
    let mut desk = on(dir, folder);
    desk.hand_over(stray);
    assert_eq!(desk.app.folder().unwrap().records().orders.len(), first);
    assert!(shows(&mut desk, "Reading older orders…"));
}

/// With the orders or the defect log in front and searched while the batches land (each
/// batch then carries their lists over), the screen shows what a window on the whole
/// workspace read at once shows: the orders numbered ...777 through the years, all on
/// one page, and the log's first page and counts.
#[test]
fn lists_searched_while_the_batches_land_are_those_of_a_whole_read() {
    for (section, search, finds) in [(Section::Orders, "777", 4), (Section::Defects, "a", 1)] {
        let dir = grown();
        let root = dir.path().join("shop");
        let full = Folder::open(&root).unwrap();
        let (folder, rest) = open_first(&root);
        let batches = held_back(rest);
        let mut desk = on(dir, folder);
        let mut whole = on(tempfile::tempdir().unwrap(), full);
        for desk in [&mut desk, &mut whole] {
            let _ = desk.app.update(Message::Section(section));
            let _ = desk.app.update(Message::Search(search.to_owned()));
        }
        desk.hand_over(batches);
        assert!(!shows(&mut desk, "Reading older orders"));
        let shown = screen(&mut desk);
        let found = shown.iter().filter(|text| text.contains(search)).count();
        assert!(found > finds, "{search:?} found {found}: {shown:?}");
        assert_eq!(shown, screen(&mut whole), "{section:?} {search:?}");
    }
}
