//! File dialogs that cannot open, through the window's real `update`, `view` and road: on
//! a computer with neither a file-chooser portal nor zenity, "Save as…", "QC record",
//! "Add photo" and "Import CSV…" say so and offer a path field that always works.
#![cfg(feature = "gui")]

mod desk;
mod pdf;
mod picture;

use std::path::{Path, PathBuf};

use desk::{Desk, weighing_flour, with_todays_cone};
use iced::keyboard::{self, Key, Modifiers};
use iced_test::selector;
use iced_test::simulator::Simulator;
use rightfirst::ui::Message;

const NO_DIALOG: &str = "No file dialog can open on this computer: it needs a desktop \
                         file-chooser portal or zenity. Type the path instead.";
const PATH_INPUT: &str = "typed-path";

/// Makes this test process a computer where no file dialog can open and nothing opens
/// files: no session bus for the portal, no zenity or xdg-open on `PATH`. Every test
/// calls it first; the first one changes the environment while the others wait, so
/// nothing reads it meanwhile.
fn no_file_dialogs() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let path = std::env::var_os("PATH").unwrap_or_default();
        let kept: Vec<PathBuf> = std::env::split_paths(&path)
            .filter(|dir| !dir.join("zenity").exists() && !dir.join("xdg-open").exists())
            .collect();
        let kept = std::env::join_paths(kept).unwrap();
        // SAFETY: no other thread of this process reads the environment while this runs
        // (see above).
        unsafe {
            std::env::remove_var("DBUS_SESSION_BUS_ADDRESS");
            std::env::remove_var("XDG_RUNTIME_DIR");
            std::env::set_var("PATH", kept);
        }
    });
}

/// The folder a typed path starts in: the user's documents folder, else home.
fn documents() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
        .or_else(|| directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf()))
        .expect("a home folder")
}

/// Selects what the path field holds, deletes it, types `path` and presses Enter.
fn enter_path(desk: &mut Desk, path: &Path) {
    let messages = {
        let mut ui =
            Simulator::with_size(iced::Settings::default(), (1400.0, 2400.0), desk.app.view());
        ui.click(selector::id(PATH_INPUT)).expect("the path field");
        // Ctrl+A: the field reads Ctrl from the modifiers' change, as a window sends it.
        ui.simulate([iced::Event::Keyboard(keyboard::Event::ModifiersChanged(
            Modifiers::COMMAND,
        ))]);
        ui.simulate(iced_test::simulator::tap_key(
            Key::Character("a".into()),
            None,
        ));
        ui.simulate([iced::Event::Keyboard(keyboard::Event::ModifiersChanged(
            Modifiers::empty(),
        ))]);
        ui.tap_key(keyboard::key::Named::Backspace);
        ui.typewrite(&path.display().to_string());
        ui.tap_key(keyboard::key::Named::Enter);
        ui.into_messages().collect::<Vec<_>>()
    };
    desk.hand_over(messages);
}

/// Every text and text field's content the window shows, in order.
fn texts(desk: &mut Desk) -> Vec<String> {
    use iced_test::selector::Candidate;
    let mut seen = Vec::new();
    let mut ui = Simulator::with_size(iced::Settings::default(), (1400.0, 2400.0), desk.app.view());
    let _ = ui.find(|candidate: Candidate<'_>| -> Option<()> {
        match candidate {
            Candidate::Text { content, .. } => seen.push(content.to_owned()),
            Candidate::TextInput { state, .. } => seen.push(state.text().to_owned()),
            _ => {}
        }
        None
    });
    seen
}

fn to_manual(desk: &mut Desk) {
    desk.key(Key::Character("6".into()), Modifiers::COMMAND);
    assert!(desk.sees("Print the manual"));
}

fn workspace_name(desk: &Desk) -> String {
    desk.app.folder().unwrap().records().workspace.name.clone()
}

/// The files in `folder`, by name.
fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn save_as_with_no_dialog_says_so_and_saves_the_manual_where_the_path_says() {
    no_file_dialogs();
    let mut desk = Desk::open_as("ellen");
    to_manual(&mut desk);
    desk.press("Save as…");
    assert!(
        desk.sees(NO_DIALOG),
        "a dialog that cannot open is no cancel"
    );
    let suggested = documents().join(format!("{} manual.pdf", workspace_name(&desk)));
    assert_eq!(desk.input_text(PATH_INPUT), suggested.display().to_string());

    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("our manual.pdf");
    enter_path(&mut desk, &path);
    let pdf = std::fs::read(&path).expect("the manual is written where the path says");
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf::poppler("pdftotext", &pdf, &["-enc", "UTF-8"]);
    assert!(text.contains(&workspace_name(&desk)), "{text}");
    assert!(desk.sees(&format!("Saved to {}", path.display())));
    assert!(desk.sees("Open it") && desk.sees("Show in folder"));
    assert!(!desk.sees(NO_DIALOG), "the field goes once it is used");
}

#[test]
fn the_qc_record_with_no_dialog_is_written_where_the_path_says() {
    no_file_dialogs();
    let mut desk = with_todays_cone("priya");
    desk.key(Key::Character("3".into()), Modifiers::COMMAND);
    desk.type_and_enter("search", "0062");
    desk.press("QC record (PDF)…");
    assert!(desk.sees(NO_DIALOG));
    assert_eq!(
        desk.input_text(PATH_INPUT),
        documents().join("2026-11-0062.pdf").display().to_string()
    );
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("cone.pdf");
    enter_path(&mut desk, &path);
    let pdf = std::fs::read(&path).expect("the QC record");
    let text = pdf::poppler("pdftotext", &pdf, &["-enc", "UTF-8"]);
    assert!(
        text.contains("2026-11-0062") && text.contains("Fam. Peeters"),
        "{text}"
    );
    assert!(desk.sees(&format!("Saved to {}", path.display())));
    assert!(desk.sees("Show in folder"));
}

#[test]
fn import_csv_with_no_dialog_takes_a_typed_path() {
    no_file_dialogs();
    let mut desk = Desk::open_as("priya");
    let csv = desk.dir.path().join("till.csv");
    std::fs::write(
        &csv,
        "id,placed,customer,product,made_by\n2026-11-0070,2026-11-23,Jansen,\"Cone, 1 ball\",tom\n",
    )
    .unwrap();
    desk.key(Key::Character("3".into()), Modifiers::COMMAND);
    desk.press("Import CSV…");
    assert!(desk.sees(NO_DIALOG));
    assert!(
        desk.input_text(PATH_INPUT)
            .starts_with(&documents().display().to_string())
    );
    enter_path(&mut desk, &csv);
    // Issue 17: the typed file is previewed, as a picked one is, before it is imported.
    desk.press("Import 1 order");
    assert!(desk.sees("Orders (42)"), "the window reads the new order");
    assert!(
        desk.read("orders/2026-11/2026-11-0070.ron")
            .contains("Jansen")
    );
}

#[test]
fn add_photo_on_a_step_with_no_dialog_copies_the_typed_file_into_the_workspace() {
    no_file_dialogs();
    let mut desk = weighing_flour();
    let photo = desk.dir.path().join("Front View.png");
    std::fs::write(&photo, picture::PNG).unwrap();
    desk.press(selector::id("step-0-photo-0-add"));
    assert!(desk.sees(NO_DIALOG));
    assert!(desk.sees("Photo for step 1"));
    enter_path(&mut desk, &photo);
    let copied = "attachments/procedures/weighing-flour/front-view.png";
    assert_eq!(
        std::fs::read(desk.root().join(copied)).unwrap(),
        picture::PNG
    );
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    assert!(desk.read("procedures/weighing-flour.ron").contains(copied));
}

#[test]
fn a_check_items_photo_with_no_dialog_lands_in_the_orders_month() {
    use rightfirst::ui::screen::orders::{self, check};
    no_file_dialogs();
    let mut desk = with_todays_cone("priya");
    desk.key(Key::Character("3".into()), Modifiers::COMMAND);
    desk.key(Key::Character("f".into()), Modifiers::COMMAND);
    desk.type_and_enter("search", "0062");
    desk.key(Key::Character("k".into()), Modifiers::COMMAND);
    let photo = desk.dir.path().join("IMG 0042.jpg");
    std::fs::write(&photo, b"\xff\xd8\xff a dirty counter").unwrap();
    desk.hand_over(vec![Message::Orders(orders::Message::Check(
        check::Message::AddPhoto("clean".into()),
    ))]);
    assert!(desk.sees(NO_DIALOG));
    enter_path(&mut desk, &photo);
    let month = desk.root().join("attachments/2026-11");
    let copied = files_in(&month);
    assert_eq!(copied.len(), 1, "{copied:?}");
    assert_eq!(
        std::fs::read(month.join(&copied[0])).unwrap(),
        b"\xff\xd8\xff a dirty counter"
    );
    assert!(!desk.sees(NO_DIALOG));
}

#[test]
fn a_typed_path_that_cannot_be_used_says_why_and_nothing_is_written() {
    no_file_dialogs();
    let mut desk = Desk::open_as("ellen");
    to_manual(&mut desk);
    desk.press("Type a path…");
    assert!(
        !desk.sees(NO_DIALOG),
        "asked for, not forced by a dialog that failed"
    );
    let suggested = documents().join(format!("{} manual.pdf", workspace_name(&desk)));
    assert_eq!(desk.input_text(PATH_INPUT), suggested.display().to_string());
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().display().to_string();
    enter_path(&mut desk, out.path());
    assert!(desk.sees(&format!("{folder} is a folder: type a file name after it.")));
    let nowhere = out.path().join("no such folder/manual.pdf");
    enter_path(&mut desk, &nowhere);
    assert!(desk.sees(&format!(
        "The folder {} does not exist.",
        out.path().join("no such folder").display()
    )));
    enter_path(&mut desk, Path::new("manual.pdf"));
    assert!(desk.sees("Type the whole path, starting with / (or ~ for your home folder)."));
    enter_path(&mut desk, Path::new(""));
    assert!(desk.sees("Type a path."));
    assert!(files_in(out.path()).is_empty(), "nothing is written");
    assert!(!desk.sees("Saved to"), "nothing says it was");

    // A file there already is replaced only when asked twice.
    let there = out.path().join("manual.pdf");
    std::fs::write(&there, "an older manual").unwrap();
    enter_path(&mut desk, &there);
    assert!(desk.sees(&format!(
        "{} exists already: press “Save here” again to replace it.",
        there.display()
    )));
    assert_eq!(std::fs::read(&there).unwrap(), b"an older manual");
    desk.press("Save here");
    assert!(std::fs::read(&there).unwrap().starts_with(b"%PDF-"));
    assert!(desk.sees(&format!("Saved to {}", there.display())));
}

#[test]
fn a_cancelled_dialog_does_nothing_and_shows_nothing() {
    use rightfirst::export::ManualOptions;
    use rightfirst::ui::request::Picked;
    use rightfirst::ui::screen::orders::{self, RecordFormat, files};
    use rightfirst::ui::screen::{editor, manual, procedures};
    no_file_dialogs();
    let mut desk = with_todays_cone("ellen");
    let before = texts(&mut desk);
    let options = ManualOptions {
        format: rightfirst::export::ManualFormat::Pdf,
        language: rightfirst::model::Language::En,
        paper: rightfirst::export::Paper::A4,
        procedures: Vec::new(),
        drafts: false,
        today: rightfirst::model::Date::new(2026, 11, 23).unwrap(),
    };
    to_manual(&mut desk);
    let manual_before = texts(&mut desk);
    desk.hand_over(vec![Message::Manual(manual::Message::Placed(
        Box::new(options),
        Picked::Cancelled,
    ))]);
    assert_eq!(texts(&mut desk), manual_before);
    desk.key(Key::Character("1".into()), Modifiers::COMMAND);
    desk.click("Baking waffles");
    let procedure_before = texts(&mut desk);
    desk.hand_over(vec![Message::Procedures(editor::Message::Edit(
        procedures::Edit::PhotoPicked(0, Picked::Cancelled),
    ))]);
    assert_eq!(texts(&mut desk), procedure_before);
    desk.key(Key::Character("3".into()), Modifiers::COMMAND);
    desk.type_and_enter("search", "0062");
    let orders_before = texts(&mut desk);
    desk.hand_over(vec![
        Message::Orders(orders::Message::Files(files::Message::CsvPicked(
            Picked::Cancelled,
        ))),
        Message::Orders(orders::Message::Files(files::Message::RecordPlaced {
            order: "2026-11-0062".into(),
            format: RecordFormat::Pdf,
            path: Picked::Cancelled,
        })),
    ]);
    assert_eq!(texts(&mut desk), orders_before);
    assert!(!before.is_empty() && !desk.sees(NO_DIALOG));
}

#[test]
fn open_workspace_with_no_dialog_opens_the_typed_folder() {
    no_file_dialogs();
    let mut desk = Desk::open_as("ellen");
    let other = tempfile::tempdir().unwrap();
    let other_root = other.path().join("other");
    rightfirst::store::create(&other_root, rightfirst::sample::FILES).unwrap();
    desk.key(Key::Character("8".into()), Modifiers::COMMAND);
    desk.press("Open workspace…");
    assert!(desk.sees(NO_DIALOG));
    enter_path(&mut desk, &other.path().join("nothing here"));
    assert!(desk.sees(&format!(
        "There is nothing at {}.",
        other.path().join("nothing here").display()
    )));
    enter_path(&mut desk, &other_root);
    assert_eq!(
        desk.app.folder().map(|f| f.root().to_path_buf()),
        Some(other_root)
    );
    assert!(!desk.sees(NO_DIALOG));
}

#[test]
fn a_saved_document_that_cannot_be_shown_says_why() {
    no_file_dialogs();
    let mut desk = Desk::open_as("ellen");
    to_manual(&mut desk);
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("manual.md");
    desk.place_manual(rightfirst::export::ManualFormat::Markdown, &path);
    assert!(desk.sees(&format!("Saved to {}", path.display())));
    // This test's computer has no xdg-open: both buttons say what went wrong.
    desk.press("Show in folder");
    let said = format!("Could not open {}: ", out.path().display());
    assert!(
        texts(&mut desk).iter().any(|t| t.starts_with(&said)),
        "{said}"
    );
    desk.press("Open it");
    let said = format!("Could not open {}: ", path.display());
    assert!(
        texts(&mut desk).iter().any(|t| t.starts_with(&said)),
        "{said}"
    );
    assert!(
        desk.sees(&format!("Saved to {}", path.display())),
        "the line stays"
    );
}

#[test]
fn a_defects_photo_in_the_defect_log_with_no_dialog_is_saved_with_its_order() {
    use rightfirst::ui::screen::defects::{self, form};
    no_file_dialogs();
    let mut desk = Desk::open_as("ellen");
    desk.key(Key::Character("4".into()), Modifiers::COMMAND);
    desk.click("2026-11-0026");
    let photo = desk.dir.path().join("drips.png");
    std::fs::write(&photo, picture::PNG).unwrap();
    desk.hand_over(vec![Message::Defects(defects::Message::Form(
        form::Message::AddPhoto,
    ))]);
    assert!(desk.sees(NO_DIALOG));
    enter_path(&mut desk, &photo);
    assert!(!desk.sees(NO_DIALOG));
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    let attached = desk.first_photo("orders/2026-11/2026-11-0026.ron");
    assert!(attached.starts_with("attachments/2026-11/"), "{attached}");
    assert_eq!(
        std::fs::read(desk.root().join(&attached)).unwrap(),
        picture::PNG
    );
}

#[test]
fn the_qc_record_goes_to_a_typed_path_on_request_and_the_name_says_the_form() {
    no_file_dialogs();
    let mut desk = with_todays_cone("priya");
    desk.key(Key::Character("3".into()), Modifiers::COMMAND);
    desk.type_and_enter("search", "0062");
    desk.press("QC record to a typed path…");
    assert!(!desk.sees(NO_DIALOG), "no dialog was tried");
    assert_eq!(
        desk.input_text(PATH_INPUT),
        documents().join("2026-11-0062.pdf").display().to_string()
    );
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("cone.html");
    enter_path(&mut desk, &path);
    let html = std::fs::read_to_string(&path).expect("the QC record");
    assert!(
        html.contains("<html") && html.contains("Fam. Peeters"),
        "{html}"
    );
    assert!(desk.sees(&format!("Saved to {}", path.display())));
}

#[test]
fn a_steps_photo_can_be_typed_on_request() {
    no_file_dialogs();
    let mut desk = weighing_flour();
    let photo = desk.dir.path().join("side.png");
    std::fs::write(&photo, picture::PNG).unwrap();
    desk.press("Type a path…");
    assert!(!desk.sees(NO_DIALOG), "no dialog was tried");
    assert!(desk.sees("Photo for step 1"));
    enter_path(&mut desk, &photo);
    assert!(
        !desk.sees("Photo for step 1"),
        "the field goes once it is used"
    );
    let copied = "attachments/procedures/weighing-flour/side.png";
    assert_eq!(
        std::fs::read(desk.root().join(copied)).unwrap(),
        picture::PNG
    );
}
