//! Issue 17: "Import CSV…" shows a preview before anything is written: the kind of file,
//! the columns to choose for a new one, who made the orders, how dates read, the first
//! orders and the rows to fix; then "Import N orders", and next time the mapping is
//! remembered. Driven through the real `update` and `view`.
#![cfg(feature = "gui")]

mod desk;

use desk::Desk;
use iced::keyboard::{Key, Modifiers};
use iced_test::simulator::Simulator;
use rightfirst::ui::Message;
use rightfirst::ui::request::Picked;
use rightfirst::ui::screen::orders::{self, files};

fn to_orders(desk: &mut Desk) {
    desk.key(Key::Character("3".into()), Modifiers::COMMAND);
}

/// Answers the file dialog with `csv`, running what that asks (reading the file).
fn pick_csv(desk: &mut Desk, csv: &std::path::Path) {
    let task = desk.app.update(Message::Orders(orders::Message::Files(
        files::Message::CsvPicked(Picked::Path(csv.to_path_buf())),
    )));
    desk.run(task);
}

/// Picks kassa.csv, a till's file with one order, B-1, for its preview.
fn preview_kassa(desk: &mut Desk) {
    let csv = desk.dir.path().join("kassa.csv");
    std::fs::write(&csv, till(&[b"B-1;05-11-2026;;Witbrood;1;tom"])).unwrap();
    pick_csv(desk, &csv);
}

/// A Dutch till's file as Excel saves it: `;`, Windows-1252, dates day first.
fn till(rows: &[&[u8]]) -> Vec<u8> {
    let mut bytes = b"Bon;Datum;Klant;Artikel;Aantal;Verkoper\r\n".to_vec();
    for row in rows {
        bytes.extend_from_slice(row);
        bytes.extend_from_slice(b"\r\n");
    }
    bytes
}

/// Maps the till's columns in the preview: Bon, Datum; Klant and Artikel added; Aantal
/// after "(none)"; the maker column Verkoper.
fn map_till(desk: &mut Desk) {
    desk.pick("intake-id", 0);
    desk.pick("intake-placed", 1);
    desk.pick("intake-customer", 2);
    desk.pick("intake-product", 3);
    desk.pick("intake-quantity", 5);
    desk.pick("intake-maker", 5);
}

#[test]
fn a_new_kind_of_file_is_mapped_in_the_preview_imported_and_remembered() {
    let mut desk = Desk::open_as("ellen");
    to_orders(&mut desk);
    let csv = desk.dir.path().join("kassa-november.csv");
    std::fs::write(
        &csv,
        till(&[
            b"B-1;05-11-2026;Caf\xE9 De Haven;Witbrood;2;Tom Bell",
            b"B-1;05-11-2026;;Appeltaart;1;Tom Bell",
            b"B-2;13-11-2026;Zo\xEB;Appeltaart;1;jake",
        ]),
    )
    .unwrap();
    let before = std::fs::read_to_string(desk.root().join("workspace.ron")).unwrap();
    pick_csv(&mut desk, &csv);
    assert!(desk.sees("Import kassa-november.csv"));
    assert!(desk.sees(
        "A new kind of file: choose which column holds what. The choice is remembered for files with this header."
    ));
    assert!(desk.sees("Choose the columns of the order number, the date and the product."));
    assert!(desk.sees("Import 0 orders"));

    map_till(&mut desk);
    // A pick list draws its choice itself; the chips of the columns that take several are
    // texts, and the preview below shows what the rest chose.
    assert!(desk.sees("Klant ×") && desk.sees("Artikel ×"));

    // An English workspace reads 13-11-2026 month first: no such day, a row to fix.
    let file = csv.display();
    assert!(desk.sees(&format!(
        "{file}:4: Datum: \"13-11-2026\", read as month-day-year, is no day on the calendar"
    )));
    assert!(desk.sees("Import 0 orders"));
    desk.click("Dates are day first: 05-11-2026 is 5 November");
    assert!(desk.sees("The first 2 of 2 orders:"));
    assert!(
        desk.sees("B-1 · 2026-11-05 · Café De Haven · 2 × Witbrood; 1 × Appeltaart · Tom Bell")
    );
    assert!(desk.sees("B-2 · 2026-11-13 · Zoë · 1 × Appeltaart · Jake Morrow"));
    assert_eq!(
        std::fs::read_to_string(desk.root().join("workspace.ron")).unwrap(),
        before,
        "the preview wrote"
    );

    desk.press("Import 2 orders");
    assert!(desk.sees("Orders imported: 2. Already there and left as they were: 0."));
    assert_eq!(
        desk.read("orders/2026-11/B-1.ron"),
        r#"Order(
    id: "B-1",
    placed: "2026-11-05",
    customer: "Café De Haven",
    product: "2 × Witbrood; 1 × Appeltaart",
    made_by: "tom",
)
"#
    );
    assert_eq!(
        desk.read("orders/2026-11/B-2.ron"),
        r#"Order(
    id: "B-2",
    placed: "2026-11-13",
    customer: "Zoë",
    product: "1 × Appeltaart",
    made_by: "jake",
)
"#
    );
    assert_eq!(
        desk.read("workspace.ron"),
        before.replace(
            "    contacts_per_order_alarm: 1.5,\n",
            r#"    contacts_per_order_alarm: 1.5,
    import_mappings: [
        ImportMapping(
            header: ["Bon", "Datum", "Klant", "Artikel", "Aantal", "Verkoper"],
            columns: Columns(
                id: "Bon",
                placed: "Datum",
                customer: ["Klant"],
                product: ["Artikel"],
                quantity: "Aantal",
                made_by: Column("Verkoper"),
                dates: DayFirst,
            ),
        ),
    ],
"#
        )
    );

    // Next month's file with the same header: the mapping is there, one click imports.
    let december = desk.dir.path().join("kassa-december.csv");
    std::fs::write(
        &december,
        till(&[
            b"B-9;01-12-2026;;Witbrood;1;priya",
            b"B-1;05-11-2026;;Witbrood;2;tom",
        ]),
    )
    .unwrap();
    pick_csv(&mut desk, &december);
    assert!(desk.sees("The columns chosen for an earlier file with this header."));
    assert!(desk.sees("B-9 · 2026-12-01 · — · 1 × Witbrood · Priya Shah"));
    desk.press("Import 2 orders");
    assert!(desk.sees("Orders imported: 1. Already there and left as they were: 1."));
    assert!(
        desk.read("orders/2026-12/B-9.ron")
            .contains("made_by: \"priya\"")
    );
}

#[test]
fn a_shopify_export_needs_only_its_maker_and_fits_a_small_window() {
    let mut desk = Desk::open_dutch("ellen");
    to_orders(&mut desk);
    let csv = desk.dir.path().join("orders_export_1.csv");
    std::fs::write(
        &csv,
        "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Billing Name\n\
         #1001,zoe@example.nl,paid,2026-11-05 10:15:05 +0100,2,White bread,\"Peeters, Zoë\"\n\
         #1001,,,,1,Apple pie,\n",
    )
    .unwrap();
    pick_csv(&mut desk, &csv);
    assert!(desk.sees("Een bestellingenexport van Shopify: wordt gelezen zoals hij is."));
    // Four people on the staff: the file does not say who made the orders.
    assert!(desk.sees("0 bestellingen importeren"));
    assert!(desk.sees(
        "Kies wie de bestellingen gemaakt heeft: een kolom van het bestand, of één persoon voor allemaal."
    ));
    // The maker list offers the people who have not left: Ellen, Tom, Priya, Jake.
    desk.pick("intake-maker", 1);
    assert!(desk.sees("De eerste 1 van 1 bestellingen:"));
    assert!(
        desk.sees("1001 · 2026-11-05 · Peeters, Zoë · 2 × White bread; 1 × Apple pie · Tom Bell")
    );

    // At 1024x600 nothing runs off the right edge and the import button is there.
    let mut ui = Simulator::with_size(iced::Settings::default(), (1024.0, 600.0), desk.app.view());
    let button = ui
        .find("1 bestelling importeren")
        .expect("the import button");
    let bounds = iced_test::selector::Bounded::visible_bounds(&button);
    assert!(
        bounds.is_some_and(|b| b.x + b.width <= 1024.0),
        "{bounds:?}"
    );
    drop(ui);
    for (text, bounds) in desk.texts_at((1024.0, 600.0)) {
        assert!(
            bounds.x + bounds.width <= 1024.5,
            "{text:?} runs off: {bounds:?}"
        );
    }

    desk.press("1 bestelling importeren");
    assert!(
        desk.read("orders/2026-11/1001.ron")
            .contains("made_by: \"tom\"")
    );
    // A recognised export is not remembered: its header says what it is.
    assert!(!desk.read("workspace.ron").contains("import_mappings"));
}

#[test]
fn a_file_that_cannot_be_read_is_said_and_nothing_opens() {
    let mut desk = Desk::open_as("ellen");
    to_orders(&mut desk);
    let gone = desk.dir.path().join("gone.csv");
    pick_csv(&mut desk, &gone);
    let said = desk
        .texts()
        .into_iter()
        .map(|(text, _)| text)
        .find(|text| text.starts_with(&format!("{} could not be read: ", gone.display())));
    assert!(said.is_some(), "no message about {}", gone.display());
    assert!(!desk.sees("Import 0 orders"));
}

#[test]
fn the_preview_names_the_first_eight_bad_rows_and_counts_the_rest() {
    let mut desk = Desk::open_as("ellen");
    to_orders(&mut desk);
    let csv = desk.dir.path().join("till.csv");
    let mut text = String::from("id,placed,customer,product,made_by\n");
    for n in 0..10 {
        text.push_str(&format!("T{n},2026-11-23,,Cone,bob\n"));
    }
    text.push_str("T10,2026-11-23,,Cone,tom\n");
    std::fs::write(&csv, text).unwrap();
    pick_csv(&mut desk, &csv);
    assert!(desk.sees("Right First's own columns: one row per order."));
    let said = desk
        .texts()
        .into_iter()
        .map(|(text, _)| text)
        .find(|text| text.contains("unknown person \"bob\""))
        .expect("the bad rows are named");
    let file = csv.display();
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 9, "{said}");
    assert_eq!(
        lines[0],
        format!("{file}:2: unknown person \"bob\"; the staff are ellen, tom, priya, jake")
    );
    assert!(lines[7].starts_with(&format!("{file}:9: ")), "{said}");
    assert_eq!(lines[8], "… and 2 more lines.");
    assert!(desk.sees("Import 0 orders"), "no import while a row is bad");
}

#[test]
fn a_dutch_window_names_bad_rows_and_an_empty_file_in_dutch() {
    let mut desk = Desk::open_dutch("ellen");
    to_orders(&mut desk);
    let csv = desk.dir.path().join("kassa.csv");
    let rows: [&[u8]; 3] = [
        b"B-1;31-11-2026;;Witbrood;1;tom",
        b"B-2;05-11-2026;;Appeltaart;1;bob",
        b"B-3;05-11-2026;;Appeltaart;twee;tom",
    ];
    std::fs::write(&csv, till(&rows)).unwrap();
    pick_csv(&mut desk, &csv);
    map_till(&mut desk);
    // A Dutch workspace reads dates day first; each bad row at its line, in Dutch.
    let file = csv.display();
    let said = [
        format!(
            "{file}:2: Datum: “31-11-2026”, gelezen als dag-maand-jaar, is geen dag op de kalender"
        ),
        format!("{file}:3: onbekende persoon “bob”; het personeel is ellen, tom, priya, jake"),
        format!("{file}:4: Aantal: “twee” is geen heel getal van 1 of meer"),
    ]
    .join("\n");
    assert!(desk.sees(&said), "{:#?}", desk.texts());
    assert!(desk.sees("0 bestellingen importeren"));

    // An empty file is said in Dutch too, at its line.
    let empty = desk.dir.path().join("leeg.csv");
    std::fs::write(&empty, "").unwrap();
    pick_csv(&mut desk, &empty);
    assert!(desk.sees(&format!(
        "{}:1: het bestand is leeg; verwacht een kopregel en een regel per bestelling",
        empty.display()
    )));
}

#[test]
fn a_remembered_mapping_whose_maker_left_the_staff_is_said_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    // Remembered when Anna made the orders; she is on the staff no more.
    let mut folder = rightfirst::store::Folder::open(&root).unwrap();
    let mut workspace = folder.records().workspace.clone();
    workspace.language = "nl".to_owned();
    let header = ["Bon", "Datum", "Klant", "Artikel", "Aantal", "Verkoper"];
    let mut columns =
        rightfirst::import::parse_columns("id=Bon,placed=Datum,product=Artikel").unwrap();
    columns.made_by = Some(rightfirst::model::Maker::Person("anna".to_owned()));
    workspace.remember_mapping(header.map(str::to_owned).to_vec(), columns);
    folder.save(workspace).unwrap();
    let mut desk = Desk::open_folder(dir, "ellen");
    to_orders(&mut desk);
    let csv = desk.dir.path().join("kassa.csv");
    std::fs::write(&csv, till(&[b"B-1;05-11-2026;;Witbrood;1;"])).unwrap();
    pick_csv(&mut desk, &csv);
    assert!(desk.sees("De kolommen die gekozen zijn voor een eerder bestand met deze kop."));
    assert!(
        desk.sees(&format!(
            "{}: “anna” hoort niet bij het personeel; het personeel is ellen, tom, priya, jake",
            csv.display()
        )),
        "{:#?}",
        desk.texts()
    );
    assert!(desk.sees("0 bestellingen importeren"));
}

#[test]
fn an_open_preview_is_unsaved_work_the_window_asks_before_closing_in_dutch() {
    let mut desk = Desk::open_dutch("ellen");
    to_orders(&mut desk);
    preview_kassa(&mut desk);
    let _ = desk.app.update(Message::CloseRequested);
    assert!(desk.sees("Nog niet alles is bewaard. Het venster sluiten?"));
    assert!(desk.sees("• Bestellingen: bestellingen uit kassa.csv, nog niet geïmporteerd"));
    desk.click("Verder werken");
    assert!(
        desk.sees("kassa.csv importeren"),
        "the preview is still open"
    );

    // No Save writes a preview (its own Import does): the window stays on it, and says so.
    let _ = desk.app.update(Message::CloseRequested);
    desk.click("Bewaren en sluiten");
    assert!(desk.sees("kassa.csv importeren"));
    assert!(desk.sees("Bewaren importeert dit niet: importeer het hier, of annuleer het."));
    assert!(!desk.root().join("orders/2026-11/B-1.ron").exists());
    desk.click("Annuleren");
    let _ = desk.app.update(Message::CloseRequested);
    assert!(!desk.sees("Nog niet alles is bewaard. Het venster sluiten?"));
}

#[test]
fn picking_an_order_sets_the_preview_aside_and_import_brings_it_back() {
    let mut desk = Desk::open_as("ellen");
    to_orders(&mut desk);
    preview_kassa(&mut desk);
    desk.pick("intake-customer", 2);
    desk.click("2026-11-0061");
    assert!(!desk.sees("Import kassa.csv"), "the order is in front");

    // Set aside, not dropped: the import button names it and brings it back as it was
    // left.
    desk.click("Import kassa.csv…");
    assert!(desk.sees("Import kassa.csv"));
    assert!(
        desk.sees("Klant ×"),
        "the column chosen before is still chosen"
    );

    // Closing names it, and "keep working" brings it to the front.
    desk.click("2026-11-0061");
    let _ = desk.app.update(Message::CloseRequested);
    assert!(desk.sees("• Orders: orders from kassa.csv, not imported yet"));
    desk.click("Keep working");
    assert!(desk.sees("Import kassa.csv"));

    // Escape keeps it too; Cancel drops it, on purpose.
    desk.key(
        Key::Named(iced::keyboard::key::Named::Escape),
        Modifiers::default(),
    );
    assert!(desk.sees("Import kassa.csv"));
    desk.click("Cancel");
    assert!(desk.sees("Import CSV…"));
    let _ = desk.app.update(Message::CloseRequested);
    assert!(!desk.sees("Some work is not saved yet. Close the window?"));
}

#[test]
fn save_and_close_with_order_work_set_aside_saves_it_and_stays_on_the_preview() {
    let mut desk = Desk::open_as("ellen");
    to_orders(&mut desk);
    desk.click("2026-11-0061");
    desk.click("Log a contact (Ctrl+L)");
    desk.type_into("contact-about", "Asked where the sprinkles were");
    preview_kassa(&mut desk);
    assert!(desk.sees("Import kassa.csv"));

    let _ = desk.app.update(Message::CloseRequested);
    assert!(desk.sees("• Orders: orders from kassa.csv, not imported yet"));
    assert!(desk.sees("• Orders: a customer contact on order 2026-11-0061"));
    let task = desk
        .app
        .update(Message::Leave(rightfirst::ui::LeaveChoice::Save));
    assert!(!desk::exits(task), "the preview is still not imported");
    let saved = desk.read("orders/2026-11/2026-11-0061.ron");
    assert!(saved.contains("Asked where the sprinkles were"), "{saved}");
    assert!(
        desk.sees("Import kassa.csv"),
        "the preview is in front again"
    );
    assert!(desk.sees("Saving does not import this: import it here, or cancel it."));
    assert!(!desk.root().join("orders/2026-11/B-1.ron").exists());
}
