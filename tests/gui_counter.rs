//! The staff's desk at the counter, driven through the real `update` and `view`: orders,
//! checks with four eyes, proposed defects and customer contacts, and the files they leave.
#![cfg(feature = "gui")]

mod desk;
mod pdf;

use desk::{Desk, TODAYS_CONE, with_todays_cone};
use iced::keyboard::{Key, Modifiers};
use rightfirst::store::Folder;
use rightfirst::ui::request::Picked;

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
    assert!(desk.sees("1 contact; the alarm is above 1.5"));
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

/// Finds the order by its number and opens a check on it, by keyboard only.
fn check_todays_cone(desk: &mut Desk) {
    to_orders(desk);
    desk.key(Key::Character("f".into()), Modifiers::COMMAND);
    desk.type_and_enter("search", "0062");
    desk.key(Key::Character("k".into()), Modifiers::COMMAND);
}

/// Answers every item of the cone check, the ball weighing `weight` grams.
fn answer_the_cone_check(desk: &mut Desk, weight: &str) {
    desk.type_into("measure-weight", weight);
    desk.click(iced_test::selector::id("pass-flavour"));
    desk.pick("choice-shape", 0);
    desk.click(iced_test::selector::id("pass-clean"));
    desk.pick("choice-allergy", 0);
}

#[test]
fn a_light_ball_fails_the_check_proposes_a_defect_and_the_call_is_logged() {
    let mut desk = with_todays_cone("priya");
    check_todays_cone(&mut desk);
    // The checklist is guessed from the product: the cone check's items are there.
    assert!(desk.sees("You look at the balls from the side."));
    desk.type_into("measure-weight", "58");
    assert!(desk.sees("out of bounds"));
    desk.click(iced_test::selector::id("pass-flavour"));
    desk.pick("choice-shape", 0);
    desk.click(iced_test::selector::id("pass-clean"));
    desk.pick("choice-allergy", 0);
    desk.click("Save check");
    // The check is on disk; the failed weight proposes a defect at its procedure step.
    assert!(desk.sees("Confirm defect"));
    let after_check = desk.read("orders/2026-11/2026-11-0062.ron");
    assert!(
        after_check.contains("Result(item: \"weight\", outcome: Value(58))"),
        "{after_check}"
    );
    assert!(!after_check.contains("defects:"), "{after_check}");
    desk.click("Confirm defect");
    desk.key(Key::Character("l".into()), Modifiers::COMMAND);
    desk.type_and_enter("contact-about", "Phoned: the balls looked small");
    assert_eq!(
        desk.read("orders/2026-11/2026-11-0062.ron"),
        r#"Order(
    id: "2026-11-0062",
    placed: "2026-11-23",
    customer: "Fam. Peeters",
    product: "Cone, 2 balls",
    made_by: "tom",
    checks: [
        Check(
            checklist: "cone-check",
            revision: 2,
            checked_by: "priya",
            at: "2026-11-23T12:00",
            results: [
                Result(item: "weight", outcome: Value(58)),
                Result(item: "flavour", outcome: Pass),
                Result(item: "shape", outcome: Chosen("round and firm")),
                Result(item: "clean", outcome: Pass),
                Result(item: "allergy", outcome: Chosen("no allergy")),
            ],
        ),
    ],
    defects: [
        Defect(
            id: "d1",
            found: "2026-11-23",
            found_by: Check,
            category: "Method",
            procedure: "scoop-ice-cream",
            step: "portion",
            severity: Major,
            description: "Ball weight 58 g, outside 60–70 g (Second check of a cone or cup before it goes over the counter, revision 2).",
            cost_cents: 0,
        ),
    ],
    contacts: [Contact(at: "2026-11-23T12:00", channel: Phone, by: "priya", about: "Phoned: the balls looked small")],
)
"#
    );
    let folder = Folder::inspect(&desk.root()).unwrap();
    assert_eq!(folder.error_count(), 0, "{:?}", folder.findings());
    // The order now shows in the lists of failed checks and open defects.
    let badges = list_entry(&mut desk, "2026-11-0062");
    assert!(badges.iter().any(|b| b == "Failed"), "{badges:?}");
    assert!(badges.iter().any(|b| b == "1 open"), "{badges:?}");
}

/// The texts under order `id` in the orders list, down to the next order: its title and
/// badges. Found by position, since the list has no ids and another order has badges too.
fn list_entry(desk: &mut Desk, id: &str) -> Vec<String> {
    let texts = desk.texts();
    // The list is left of the order's own page, which shows the number too.
    let entry = (texts.iter().filter(|(text, _)| text == id))
        .map(|(_, bounds)| *bounds)
        .min_by(|a, b| a.x.total_cmp(&b.x))
        .unwrap_or_else(|| panic!("{id} is not listed"));
    let in_column =
        |bounds: &iced::Rectangle| (bounds.x - entry.x).abs() < 1.0 && bounds.y > entry.y;
    let next = (texts
        .iter()
        .filter(|(text, b)| text.starts_with("20") && in_column(b)))
    .map(|(_, bounds)| bounds.y)
    .fold(f32::INFINITY, f32::min);
    (texts.iter().filter(|(_, b)| {
        b.y > entry.y && b.y < next && b.x > entry.x - 1.0 && b.x < entry.x + 300.0
    }))
    .map(|(text, _)| text.clone())
    .collect()
}

#[test]
fn the_maker_cannot_check_their_own_cone_and_is_told_who_can() {
    let mut desk = with_todays_cone("tom");
    check_todays_cone(&mut desk);
    assert!(desk.sees("Tom Bell made this order, so someone else must check it:"));
    desk.type_into("measure-weight", "65");
    desk.click(iced_test::selector::id("pass-flavour"));
    desk.pick("choice-allergy", 0);
    desk.click("Save check");
    assert_eq!(desk.read("orders/2026-11/2026-11-0062.ron"), TODAYS_CONE);
    // One click hands the check to someone else, who may save it.
    desk.click("Priya Shah");
    desk.click("Save check");
    assert!(
        desk.read("orders/2026-11/2026-11-0062.ron")
            .contains("checked_by: \"priya\"")
    );
}

#[test]
fn a_critical_item_left_open_blocks_saving_the_check() {
    let mut desk = with_todays_cone("priya");
    check_todays_cone(&mut desk);
    desk.click(iced_test::selector::id("pass-clean"));
    desk.click(iced_test::selector::id("pass-flavour"));
    desk.pick("choice-allergy", 0);
    desk.click("Save check");
    assert!(
        desk.sees("Answer this critical item."),
        "the open item is marked"
    );
    assert_eq!(desk.read("orders/2026-11/2026-11-0062.ron"), TODAYS_CONE);
    desk.type_into("measure-weight", "64,5");
    desk.click("Save check");
    let saved = desk.read("orders/2026-11/2026-11-0062.ron");
    assert!(
        saved.contains("Result(item: \"weight\", outcome: Value(64.5))"),
        "{saved}"
    );
    assert!(
        !saved.contains("defects:"),
        "a passed check proposes nothing: {saved}"
    );
}

#[test]
fn the_qc_record_is_saved_where_the_user_chose_as_pdf_and_html() {
    use rightfirst::ui::Message;
    use rightfirst::ui::screen::orders::RecordFormat;
    use rightfirst::ui::screen::orders::{self, files};
    let mut desk = with_todays_cone("priya");
    to_orders(&mut desk);
    desk.type_and_enter("search", "0062");
    let out = tempfile::tempdir().unwrap();
    for (format, name) in [
        (RecordFormat::Pdf, "cone.pdf"),
        (RecordFormat::Html, "cone.html"),
    ] {
        let path = out.path().join(name);
        let _ = desk.app.update(Message::Orders(orders::Message::Files(
            files::Message::RecordPlaced {
                order: "2026-11-0062".into(),
                format,
                path: Picked::Path(path.clone()),
            },
        )));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let start = String::from_utf8_lossy(&bytes[..bytes.len().min(400)]).into_owned();
        match format {
            RecordFormat::Pdf => {
                assert!(start.starts_with("%PDF-"), "{name}");
                let text = pdf::poppler("pdftotext", &bytes, &["-enc", "UTF-8"]);
                for wanted in ["2026-11-0062", "Fam. Peeters", "Cone, 2 balls"] {
                    assert!(text.contains(wanted), "{wanted} is not in the PDF: {text}");
                }
            }
            RecordFormat::Html => {
                let html = String::from_utf8(bytes).unwrap();
                assert!(html.contains("2026-11-0062") && html.contains("Fam. Peeters"));
            }
        }
    }
    assert!(desk.sees(&format!(
        "Saved to {}",
        out.path().join("cone.html").display()
    )));
}

#[test]
fn a_photo_picked_for_a_defect_is_copied_into_the_orders_month_and_saved_with_it() {
    use rightfirst::ui::Message;
    use rightfirst::ui::screen::orders::{self, PhotoFor, files};
    let mut desk = with_todays_cone("priya");
    let photo = desk.dir.path().join("IMG 0042.jpg");
    std::fs::write(&photo, b"\xff\xd8\xff not really a jpeg").unwrap();
    to_orders(&mut desk);
    desk.key(Key::Character("f".into()), Modifiers::COMMAND);
    desk.type_and_enter("search", "0062");
    desk.key(Key::Character("d".into()), Modifiers::COMMAND);
    desk.type_into("defect-description", "Drips down the cone");
    let _ = desk.app.update(Message::Orders(orders::Message::Files(
        files::Message::PhotoPicked(PhotoFor::Defect, Picked::Path(photo)),
    )));
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    let attached = desk.first_photo("orders/2026-11/2026-11-0062.ron");
    assert!(attached.starts_with("attachments/2026-11/"), "{attached}");
    assert_eq!(
        std::fs::read(desk.root().join(&attached)).unwrap(),
        b"\xff\xd8\xff not really a jpeg"
    );
    let folder = Folder::inspect(&desk.root()).unwrap();
    assert_eq!(folder.error_count(), 0, "{:?}", folder.findings());
}

#[test]
fn a_csv_picked_in_the_window_is_imported_with_progress_and_the_list_shows_the_new_orders() {
    use rightfirst::ui::Message;
    use rightfirst::ui::screen::orders::{self, files};
    let mut desk = Desk::open_as("priya");
    let csv = desk.dir.path().join("till.csv");
    std::fs::write(
        &csv,
        "\u{feff}id,placed,customer,product,made_by\n\
         2026-11-0070,2026-11-23,\"Jansen, Piet\",\"Cone, 1 ball\",tom\n\
         2026-11-0071,2026-11-23,,Waffle with sugar,jake\n",
    )
    .unwrap();
    to_orders(&mut desk);
    let task = desk.app.update(Message::Orders(orders::Message::Files(
        files::Message::CsvPicked(Picked::Path(csv)),
    )));
    desk.run(task);
    // Issue 17: a preview first; the import runs from its button.
    assert!(desk.sees("Right First's own columns: one row per order."));
    let clicked: Vec<Message> = {
        let mut ui = iced_test::simulator::Simulator::with_size(
            iced::Settings::default(),
            (1400.0, 2400.0),
            desk.app.view(),
        );
        ui.click("Import 2 orders").expect("the import button");
        ui.into_messages().collect()
    };
    let mut seen = Vec::new();
    for message in clicked {
        let task = desk.app.update(message);
        seen.extend(desk.run(task));
    }
    assert!(
        seen.iter().any(|m| m.contains("Importing(2, 2)")),
        "progress is reported: {seen:?}"
    );
    assert!(desk.sees("Orders (43)"), "the window reads the new orders");
    assert!(desk.sees("Orders imported: 2. Already there and left as they were: 0."));
    // The summary is said in the language of the moment, as every note is.
    desk.key(Key::Character("8".into()), Modifiers::COMMAND);
    desk.pick("language", 2);
    to_orders(&mut desk);
    assert!(desk.sees("Bestellingen geïmporteerd: 2. Al aanwezig en niet veranderd: 0."));
    desk.key(Key::Character("8".into()), Modifiers::COMMAND);
    desk.pick("language", 1);
    to_orders(&mut desk);
    desk.type_and_enter("search", "Jansen");
    assert!(desk.sees("Cone, 1 ball"));
    assert!(
        desk.read("orders/2026-11/2026-11-0071.ron")
            .contains("made_by: \"jake\"")
    );
}

#[test]
fn the_defect_log_edits_a_defect_in_its_order_file_and_opens_the_order() {
    let mut desk = Desk::open_as("ellen");
    desk.key(Key::Character("4".into()), Modifiers::COMMAND);
    desk.click("2026-11-0026");
    desk.type_into("defect-cause", " (nobody had shown Jake)");
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    let saved = desk.read("orders/2026-11/2026-11-0026.ron");
    assert!(saved.contains("(nobody had shown Jake)"), "{saved}");
    let folder = Folder::inspect(&desk.root()).unwrap();
    assert_eq!(folder.error_count(), 0, "{:?}", folder.findings());
    desk.click("Open order");
    assert!(desk.sees("Lunch platter: 10 ham & cheese rolls, delivered at 12:30"));
    assert!(desk.sees("Over the alarm"));
}

#[test]
fn the_dashboard_tells_the_light_ball_story_and_opens_the_defects_behind_it() {
    let mut desk = Desk::open_as("ellen");
    desk.key(Key::Character("5".into()), Modifiers::COMMAND);
    desk.click("This year");
    // The recurring cause: light balls at the scoop's portion step, all fixed.
    assert!(desk.sees("6 defects, 0 still open · 2026-08-08 to 2026-10-11"));
    // Its fix: done on 2026-10-20, none since.
    assert!(desk.sees("before: 6 in 27 orders · after: 0 in 14 orders (34 days so far)"));
    desk.click("Show defects");
    assert!(desk.sees("2026-10-11"), "the last light ball is listed");
    // The first defect behind it opens in the defect log, with its five whys.
    desk.click("Open");
    assert!(desk.sees("Save defect"), "the defect log shows the defect");
}

/// "Did the fix work?": the defects the first fix of the year was measured on are one
/// click away, under the fix, and so is the news that none came after it.
#[test]
fn a_fix_lists_the_defects_of_its_step_before_and_after_it() {
    let mut desk = Desk::open_as("ellen");
    desk.key(Key::Character("5".into()), Modifiers::COMMAND);
    desk.click("This year");
    let hazelnut = "Mrs Hollis came back to the counter: a piece of hazelnut in the vanilla ball. Her son has a nut allergy, which she had said at the counter; he had not eaten it. The vanilla had been scooped with a red hazelnut scoop. The allergy was not on the slip, so the second check passed everything.";
    assert!(!desk.sees("Defects of the step before"));
    assert!(!desk.sees(hazelnut));
    // The first fix of the year: the allergen procedure's revision 2, after the escape.
    desk.click("Defects before and after");
    assert!(desk.sees("Defects of the step before"));
    assert!(desk.sees(hazelnut), "the escaped allergen defect");
    assert!(desk.sees("Defects of the step after"));
    assert!(desk.sees("none"));
    desk.click("Defects before and after");
    assert!(
        !desk.sees("Defects of the step before"),
        "a second click hides them"
    );
}

#[test]
fn the_manual_is_typeset_on_a_worker_and_saved_where_the_user_chose() {
    use rightfirst::export::ManualFormat;
    let mut desk = Desk::open_as("ellen");
    desk.key(Key::Character("6".into()), Modifiers::COMMAND);
    assert!(desk.sees("Print the manual"));
    desk.click("Markdown, for a wiki");
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("manual.md");
    let seen = desk.place_manual(ManualFormat::Markdown, &path);
    assert!(seen.iter().any(|m| m.contains("Progress")), "{seen:?}");
    let manual = std::fs::read_to_string(&path).unwrap();
    assert!(manual.contains("Scooping ice cream"), "{manual}");
    assert!(desk.sees(&format!("Saved to {}", path.display())));
    assert!(desk.sees("Open it"));
}

#[test]
fn closing_mid_check_names_the_order_and_save_and_close_saves_the_check() {
    let mut desk = with_todays_cone("priya");
    // A new order opened and left blank is no unsaved work.
    to_orders(&mut desk);
    desk.key(Key::Character("n".into()), Modifiers::COMMAND);
    let _ = desk.app.update(rightfirst::ui::Message::CloseRequested);
    assert!(!desk.sees("Some work is not saved yet. Close the window?"));

    check_todays_cone(&mut desk);
    answer_the_cone_check(&mut desk, "64,5");
    let _ = desk.app.update(rightfirst::ui::Message::CloseRequested);
    assert!(desk.sees("• Orders: the check of order 2026-11-0062"));
    assert_eq!(desk.read("orders/2026-11/2026-11-0062.ron"), TODAYS_CONE);
    desk.click("Save and close");
    let saved = desk.read("orders/2026-11/2026-11-0062.ron");
    assert!(
        saved.contains("Result(item: \"weight\", outcome: Value(64.5))"),
        "{saved}"
    );
}

#[test]
fn ctrl_s_saves_the_check_and_a_failed_one_stops_closing_at_its_proposed_defect() {
    let mut desk = with_todays_cone("priya");
    check_todays_cone(&mut desk);
    answer_the_cone_check(&mut desk, "58");
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    let saved = desk.read("orders/2026-11/2026-11-0062.ron");
    assert!(saved.contains("outcome: Value(58)"), "{saved}");
    // The failed weight proposes a defect: not confirmed yet, so closing asks about it.
    assert!(desk.sees("Confirm defect"));
    let _ = desk.app.update(rightfirst::ui::Message::CloseRequested);
    assert!(desk.sees("• Orders: a defect of order 2026-11-0062"));
    desk.click("Close without saving");
    assert!(
        !desk
            .read("orders/2026-11/2026-11-0062.ron")
            .contains("defects:"),
        "closing without saving writes nothing"
    );
}

#[test]
fn after_a_refused_save_every_key_of_the_next_edit_lands() {
    let mut desk = Desk::open_as("ellen");
    let before = desk.read("orders/2026-11/2026-11-0026.ron");
    desk.key(Key::Character("4".into()), Modifiers::COMMAND);
    desk.click("2026-11-0026");
    desk.type_into("defect-cost", "x");
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    assert_eq!(
        desk.read("orders/2026-11/2026-11-0026.ron"),
        before,
        "a cost that is no amount is refused"
    );
    // The first key takes the refusal above the form away; the keys after it still land.
    desk.type_into("defect-cause", " (nobody had shown Jake)");
    let cause = desk.input_text("defect-cause");
    assert!(cause.contains(" (nobody had shown Jake)"), "{cause}");
}

#[test]
fn work_left_for_another_order_waits_there_and_closing_saves_it() {
    let mut desk = with_todays_cone("priya");
    check_todays_cone(&mut desk);
    answer_the_cone_check(&mut desk, "64,5");
    let _ = desk
        .app
        .update(rightfirst::ui::Message::Search(String::new()));
    // Looking at another order sets the check aside, marked in the list, not lost.
    desk.click("2026-11-0061");
    assert!(!desk.sees("Save check"));
    assert!(desk.sees("Unsaved work"));
    assert!(desk.sees("Orders (42) •"));
    desk.click("2026-11-0062");
    assert!(desk.sees("Save check"));
    assert_eq!(desk.input_text("measure-weight"), "64,5");

    // So does a new order begun and left.
    desk.key(Key::Character("n".into()), Modifiers::COMMAND);
    desk.type_into("order-product", "Waffle");
    desk.click("2026-11-0061");
    desk.key(Key::Character("n".into()), Modifiers::COMMAND);
    assert_eq!(desk.input_text("order-product"), "Waffle");
    desk.click("2026-11-0061");

    let _ = desk.app.update(rightfirst::ui::Message::CloseRequested);
    assert!(desk.sees("• Orders: a new order"));
    assert!(desk.sees("• Orders: the check of order 2026-11-0062"));
    desk.click("Save and close");
    let saved = desk.read("orders/2026-11/2026-11-0062.ron");
    assert!(
        saved.contains("Result(item: \"weight\", outcome: Value(64.5))"),
        "{saved}"
    );
    // The new order lacks nothing either: it is saved under the next number.
    let new = desk.read("orders/2026-11/2026-11-0063.ron");
    assert!(new.contains("product: \"Waffle\""), "{new}");
}

#[test]
fn a_dutch_dashboard_writes_its_numbers_the_dutch_way() {
    let mut desk = Desk::open_dutch("ellen");
    desk.key(Key::Character("5".into()), Modifiers::COMMAND);
    desk.click("Dit jaar");
    assert!(desk.sees("alarm boven 1,5"));
    let folder = Folder::open(&desk.root()).unwrap();
    let today = rightfirst::model::Date::new(2026, 11, 23).unwrap();
    let year = rightfirst::analysis::Period {
        from: rightfirst::model::Date::new(2026, 1, 1).unwrap(),
        to: today,
    };
    let figures = rightfirst::analysis::figures(folder.records(), year, today);
    let cost = rightfirst::model::Language::Nl.euros(figures.cost_cents);
    assert!(cost.contains(','), "{cost}");
    assert!(desk.sees(&cost), "{cost}");
}

#[test]
fn escape_never_throws_typed_work_away() {
    use iced::keyboard::key::Named;
    let note = "Escape does not throw away work that is not saved: save it with Ctrl+S, or press Cancel or Discard changes.";
    let mut desk = with_todays_cone("priya");
    check_todays_cone(&mut desk);
    answer_the_cone_check(&mut desk, "64,5");
    desk.key(Key::Named(Named::Escape), Modifiers::default());
    assert!(desk.sees(note));
    assert_eq!(desk.input_text("measure-weight"), "64,5");
    desk.click("Cancel");
    assert!(!desk.sees("Save check"), "Cancel drops it, on purpose");

    let _ = desk
        .app
        .update(rightfirst::ui::Message::Search(String::new()));
    desk.key(Key::Character("4".into()), Modifiers::COMMAND);
    desk.click("2026-11-0026");
    desk.type_into("defect-cause", " (nobody had shown Jake)");
    desk.key(Key::Named(Named::Escape), Modifiers::default());
    assert!(desk.sees(note));
    assert!(
        desk.input_text("defect-cause")
            .contains("(nobody had shown Jake)")
    );
    desk.click("Discard changes");
    assert!(
        !desk
            .input_text("defect-cause")
            .contains("(nobody had shown Jake)")
    );
}

#[test]
fn the_defect_form_undoes_and_redoes_a_field_at_a_time() {
    let mut desk = Desk::open_as("ellen");
    desk.key(Key::Character("4".into()), Modifiers::COMMAND);
    desk.click("2026-11-0026");
    let cause = desk.input_text("defect-cause");
    desk.type_into("defect-cause", " (nobody had shown Jake)");
    let typed = desk.input_text("defect-cause");
    desk.type_into("defect-cost", "5");
    let cost = desk.input_text("defect-cost");
    let undo = |desk: &mut Desk| desk.key(Key::Character("z".into()), Modifiers::COMMAND);
    let redo = |desk: &mut Desk| {
        desk.key(
            Key::Character("z".into()),
            Modifiers::COMMAND | Modifiers::SHIFT,
        )
    };
    undo(&mut desk);
    assert_ne!(desk.input_text("defect-cost"), cost, "the cost as it was");
    assert_eq!(
        desk.input_text("defect-cause"),
        typed,
        "the cause still typed"
    );
    undo(&mut desk);
    assert_eq!(
        desk.input_text("defect-cause"),
        cause,
        "all the typing is one step"
    );
    assert!(!desk.sees("Unsaved changes"), "back as saved");
    redo(&mut desk);
    assert_eq!(desk.input_text("defect-cause"), typed);
    desk.click("Undo");
    assert_eq!(desk.input_text("defect-cause"), cause);

    // The same form on the orders screen, for a new defect.
    desk.click("Open order");
    desk.key(Key::Character("d".into()), Modifiers::COMMAND);
    desk.type_into("defect-cause", "The scale was not zeroed");
    undo(&mut desk);
    assert!(!desk.input_text("defect-cause").contains("scale"));
    redo(&mut desk);
    assert_eq!(desk.input_text("defect-cause"), "The scale was not zeroed");
}

#[test]
fn up_and_down_walk_the_orders_list_the_search_shows() {
    use iced::keyboard::key::Named;
    let mut desk = Desk::open_as("priya");
    to_orders(&mut desk);
    let step = |desk: &mut Desk, key: Named| desk.key(Key::Named(key), Modifiers::default());
    // The newest order first: 2026-11-0061 is not checked yet; 0058 was, by Priya.
    step(&mut desk, Named::ArrowDown);
    assert!(desk.sees("Not checked yet."));
    step(&mut desk, Named::ArrowDown);
    assert!(desk.sees("Priya Shah, 2026-11-22 14:05"));
    step(&mut desk, Named::ArrowUp);
    assert!(desk.sees("Not checked yet."));

    // With a form open on the order, the keys are the form's.
    desk.key(Key::Character("k".into()), Modifiers::COMMAND);
    step(&mut desk, Named::ArrowDown);
    assert!(desk.sees("Save check"));
}

#[test]
fn stepping_through_the_list_scrolls_it_to_keep_the_order_in_view() {
    use iced::futures::StreamExt;
    use rightfirst::ui::Message;
    use rightfirst::ui::screen::orders;
    let mut desk = Desk::open_as("priya");
    to_orders(&mut desk);
    let mut step = |down: bool| {
        let message = Message::Orders(orders::Message::Step(String::new(), down));
        let task = desk.app.update(message);
        let Some(stream) = iced_test::runtime::task::into_stream(task) else {
            return 0;
        };
        let actions: Vec<_> = iced::futures::executor::block_on(stream.collect());
        actions
            .iter()
            .filter(|action| matches!(action, iced_test::runtime::Action::Widget(_)))
            .count()
    };
    for _ in 0..12 {
        assert_eq!(step(true), 1, "each step down scrolls the list");
    }
    for _ in 0..11 {
        assert_eq!(step(false), 1, "and each step up");
    }
    assert_eq!(
        step(false),
        0,
        "above the first order there is nothing to go to"
    );
}
