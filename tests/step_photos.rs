//! Photos on procedure steps, through the window's real `update` and `view`: attached in
//! the editor, shown, reordered, removed and saved; refused when they are no picture; and
//! shown to the checker beside the item that verifies their step.
#![cfg(feature = "gui")]

mod desk;
mod pdf;
mod picture;

use desk::{Desk, TODAYS_CONE, weighing_flour};
use iced::keyboard::{Key, Modifiers};
use iced_test::selector;
use pdf::{image_sizes, poppler};
use picture::PNG;
use rightfirst::export::ManualFormat;
use rightfirst::ui::Message;
use rightfirst::ui::request::Picked;
use rightfirst::ui::screen::editor;
use rightfirst::ui::screen::photos::thumbnail_id;
use rightfirst::ui::screen::procedures::{Edit, step_photo_id};

/// The answer of the file dialog a step's "Add photo" opens, as the window gets it.
fn picked(desk: &mut Desk, step: usize, file: &std::path::Path) {
    let answer = Edit::PhotoPicked(step, Picked::Path(file.to_path_buf()));
    desk.hand_over(vec![Message::Procedures(editor::Message::Edit(answer))]);
}

fn click_id(desk: &mut Desk, id: String) {
    let id: &'static str = Box::leak(id.into_boxed_str());
    desk.click(selector::id(id));
}

fn shows_photo(desk: &mut Desk, path: &str) -> bool {
    let id: &'static str = Box::leak(thumbnail_id(path).into_boxed_str());
    desk.act(|ui| ui.find(selector::id(id))).is_ok()
}

fn save(desk: &mut Desk) {
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
}

/// "Weighing flour" as saved with no photo on its step.
const FLOUR: &str = r#"Procedure(
    id: "weighing-flour",
    title: "Weighing flour",
    owner: "ellen",
    revision: 1,
    status: Draft,
    steps: [Step(id: "scoop-the-flour", text: "Scoop the flour")],
)
"#;

/// With two photos, in the order they were added.
const FLOUR_FRONT_SIDE: &str = r#"Procedure(
    id: "weighing-flour",
    title: "Weighing flour",
    owner: "ellen",
    revision: 1,
    status: Draft,
    steps: [
        Step(
            id: "scoop-the-flour",
            text: "Scoop the flour",
            photos: [
                "attachments/procedures/weighing-flour/front-view.png",
                "attachments/procedures/weighing-flour/side.png",
            ],
        ),
    ],
)
"#;

/// The two photos the other way round.
const FLOUR_SIDE_FRONT: &str = r#"Procedure(
    id: "weighing-flour",
    title: "Weighing flour",
    owner: "ellen",
    revision: 1,
    status: Draft,
    steps: [
        Step(
            id: "scoop-the-flour",
            text: "Scoop the flour",
            photos: [
                "attachments/procedures/weighing-flour/side.png",
                "attachments/procedures/weighing-flour/front-view.png",
            ],
        ),
    ],
)
"#;

/// The side view taken off.
const FLOUR_FRONT: &str = r#"Procedure(
    id: "weighing-flour",
    title: "Weighing flour",
    owner: "ellen",
    revision: 1,
    status: Draft,
    steps: [
        Step(
            id: "scoop-the-flour",
            text: "Scoop the flour",
            photos: ["attachments/procedures/weighing-flour/front-view.png"],
        ),
    ],
)
"#;

#[test]
fn a_step_photo_is_attached_shown_reordered_and_removed_and_its_file_is_kept() {
    let mut desk = weighing_flour();
    let front = desk.dir.path().join("Front View.png");
    let side = desk.dir.path().join("side.PNG");
    std::fs::write(&front, PNG).unwrap();
    std::fs::write(&side, PNG).unwrap();

    // "Add photo" asks the window for a file; the dialog's answer copies it in.
    click_id(&mut desk, step_photo_id("add", 0, 0));
    picked(&mut desk, 0, &front);
    picked(&mut desk, 0, &side);
    let folder = "attachments/procedures/weighing-flour";
    assert_eq!(
        std::fs::read(desk.root().join(folder).join("front-view.png")).unwrap(),
        PNG
    );
    assert!(shows_photo(&mut desk, &format!("{folder}/front-view.png")));
    assert!(shows_photo(&mut desk, &format!("{folder}/side.png")));
    assert!(!desk.sees("Photo missing"));
    save(&mut desk);
    assert_eq!(desk.read("procedures/weighing-flour.ron"), FLOUR_FRONT_SIDE);

    click_id(&mut desk, step_photo_id("later", 0, 0));
    save(&mut desk);
    assert_eq!(desk.read("procedures/weighing-flour.ron"), FLOUR_SIDE_FRONT);

    click_id(&mut desk, step_photo_id("remove", 0, 0));
    save(&mut desk);
    assert_eq!(desk.read("procedures/weighing-flour.ron"), FLOUR_FRONT);
    // Taken off the draft, never deleted: an archived revision may still show it.
    assert_eq!(
        std::fs::read(desk.root().join(folder).join("side.png")).unwrap(),
        PNG
    );
}

#[test]
fn a_step_photo_that_is_no_picture_or_too_big_is_refused_by_name_and_nothing_is_copied() {
    let mut desk = weighing_flour();
    let text = desk.dir.path().join("cone.png");
    std::fs::write(&text, b"a shopping list, not a picture").unwrap();
    picked(&mut desk, 0, &text);
    assert!(desk.sees(&format!(
        "could not attach {}: it is not a JPEG or PNG picture",
        text.display()
    )));

    let big = desk.dir.path().join("huge.jpg");
    std::fs::File::create(&big)
        .and_then(|file| file.set_len(20 * 1024 * 1024 + 1))
        .unwrap();
    picked(&mut desk, 0, &big);
    assert!(desk.sees(&format!(
        "could not attach {}: it is 20.1 MiB; a photo of at most 20 MiB can be attached",
        big.display()
    )));
    assert!(!desk.root().join("attachments").exists());
    save(&mut desk);
    assert_eq!(desk.read("procedures/weighing-flour.ron"), FLOUR);
}

/// The sample with today's cone order, its "portion" step naming `photo`.
fn cone_with_step_photo(photo: &str) -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    std::fs::write(root.join("orders/2026-11/2026-11-0062.ron"), TODAYS_CONE).unwrap();
    let file = root.join("procedures/scoop-ice-cream.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let warning = "check the bath.\",\n";
    assert!(text.contains(warning));
    let text = text.replacen(
        warning,
        &format!("{warning}            photos: [\"{photo}\"],\n"),
        1,
    );
    std::fs::write(&file, text).unwrap();
    Desk::open_folder(dir, "priya")
}

/// The sample with `photo` on the "portion" step and its picture in place.
fn cone_with_step_photo_on_disk(photo: &str) -> Desk {
    let desk = cone_with_step_photo(photo);
    let path = desk.root().join(photo);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, PNG).unwrap();
    desk
}

fn check_todays_cone(desk: &mut Desk) {
    desk.key(Key::Character("3".into()), Modifiers::COMMAND);
    desk.type_and_enter("search", "0062");
    desk.key(Key::Character("k".into()), Modifiers::COMMAND);
}

#[test]
fn the_checker_sees_the_steps_text_standard_and_photo_beside_the_item_that_verifies_it() {
    let photo = "attachments/procedures/scoop-ice-cream/round-ball.png";
    let mut desk = cone_with_step_photo_on_disk(photo);
    check_todays_cone(&mut desk);
    assert!(desk.sees("You look at the balls from the side."));
    assert!(desk.sees("What right looks like"));
    assert!(desk.sees(
        "Drag the scoop in one S-shaped pull across the surface of the tub so the ice cream rolls into a round ball."
    ));
    assert!(desk.sees("ball weight: 65 g (60-70 g)"));
    assert!(shows_photo(&mut desk, photo));
    assert!(!desk.sees("Photo missing"));
}

#[test]
fn a_step_photo_deleted_by_hand_shows_photo_missing_in_the_editor_and_to_the_checker() {
    let photo = "attachments/procedures/scoop-ice-cream/gone.png";
    let mut desk = cone_with_step_photo(photo);
    check_todays_cone(&mut desk);
    assert!(desk.sees("Photo missing"));
    assert!(!shows_photo(&mut desk, photo));

    let mut desk = cone_with_step_photo(photo);
    desk.click("Scooping ice cream");
    assert!(desk.sees("Photo missing"));
    assert!(!shows_photo(&mut desk, photo));
}

#[test]
fn the_windows_print_manual_writes_a_pdf_that_embeds_the_step_photo() {
    let photo = "attachments/procedures/scoop-ice-cream/round-ball.png";
    let mut desk = cone_with_step_photo_on_disk(photo);
    desk.key(Key::Character("6".into()), Modifiers::COMMAND);
    assert!(desk.sees("Print the manual"));
    desk.click("PDF, to print");
    // The answer of the save dialog "Save as…" opens, as the screen gets it.
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("manual.pdf");
    desk.place_manual(ManualFormat::Pdf, &path);
    assert!(desk.sees(&format!("Saved to {}", path.display())));
    let pdf = std::fs::read(&path).unwrap();
    let images = poppler("pdfimages", &pdf, &["-list"]);
    assert_eq!(image_sizes(&pdf), [(1, 1)], "the 1x1 step photo: {images}");
    let text = poppler("pdftotext", &pdf, &[]);
    assert!(text.contains("Scooping ice cream"), "{text}");
    assert!(!text.contains("Photo missing"), "{text}");
}
