//! What the README claims and no other test checks: the contents page's page numbers,
//! opening another workspace with unsaved work, the Settings language override, following
//! the system's light or dark mode, and English and Dutch words with the same blanks.
#![cfg(feature = "gui")]

mod desk;
mod pdf;
mod window;

use std::collections::BTreeSet;
use std::path::Path;

use iced::keyboard::{Key, Modifiers};
use iced::theme::Mode;
use iced_test::runtime::futures::subscription;
use rightfirst::export::{ManualFormat, ManualOptions, Paper, manual};
use rightfirst::model::{Date, Language};
use rightfirst::store::Folder;
use rightfirst::ui::Message;
use rightfirst::ui::request::Picked;
use window::Window;

/// The contents lines of the manual's text: (number, title, page), as "1 Baking waffles . . .
/// Revision 1 3" reads.
fn contents(pages: &[&str]) -> Vec<(String, String, usize)> {
    let mut entries = Vec::new();
    for page in pages.iter().take(3) {
        for line in page.lines() {
            let Some((left, right)) = line.split_once(" . ") else {
                continue;
            };
            let (number, title) = left
                .trim()
                .split_once(char::is_whitespace)
                .expect("a number");
            let page = right.split_whitespace().last().expect("a page number");
            entries.push((
                number.to_owned(),
                title.trim().to_owned(),
                page.parse().expect("a page"),
            ));
        }
    }
    entries
}

#[test]
fn the_contents_page_gives_the_page_each_procedure_and_form_starts_on() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("procedures");
    let folder = Folder::read(&root).expect("the sample opens");
    let options = ManualOptions {
        format: ManualFormat::Pdf,
        language: Language::En,
        paper: Paper::A4,
        procedures: Vec::new(),
        drafts: false,
        today: Date::new(2026, 11, 23).expect("a day"),
    };
    let bytes = manual(folder.records(), &options, &|_, _| {}).expect("the manual exports");
    let text = pdf::poppler("pdftotext", &bytes, &["-layout", "-enc", "UTF-8"]);
    // pdftotext ends every page with a form feed.
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let entries = contents(&pages);
    let approved = folder
        .records()
        .procedures
        .iter()
        .filter(|p| p.is_approved())
        .count();
    assert!(entries.len() > approved, "{entries:?}");
    for (number, title, listed) in &entries {
        // A long title wraps on its page: its first words are enough.
        let words: Vec<&str> = title.split(' ').take(5).collect();
        let heading = format!("{number} {}", words.join(" "));
        // The page whose text has a line that starts with the heading: not the running
        // header (it starts with the business), nor "Form F1 …" under a procedure.
        let found = pages
            .iter()
            .position(|page| {
                page.lines()
                    .any(|line| line.trim_start().starts_with(&heading))
            })
            .map(|index| index + 1);
        assert_eq!(found, Some(*listed), "{heading} is listed on page {listed}");
    }
}

#[test]
fn opening_another_workspace_with_unsaved_work_lists_that_work_first() {
    let mut desk = desk::Desk::open_as("ellen");
    let other = tempfile::tempdir().unwrap();
    let other_root = other.path().join("other");
    rightfirst::store::create(&other_root, rightfirst::sample::FILES).unwrap();
    desk.click("Baking waffles");
    desk.click("Edit");
    desk.type_into("title", " and cones");
    let task = desk.app.update(Message::FolderPicked(
        Picked::Path(other_root.clone()),
        false,
    ));
    desk.run(task);
    assert!(desk.sees("Some work is not saved yet. Open the other workspace?"));
    assert!(desk.sees("• Procedures: “Baking waffles and cones”"));
    desk.click("Keep working");
    assert!(desk.sees("Draft · Revision 2"), "the edits are still open");

    let task = desk.app.update(Message::FolderPicked(
        Picked::Path(other_root.clone()),
        false,
    ));
    desk.run(task);
    desk.act(|ui| ui.click("Save and open it").map(|_| ()))
        .expect("the answer is offered");
    let saved = desk.read("procedures/bake-waffle.ron");
    assert!(
        saved.contains("title: \"Baking waffles and cones\""),
        "{saved}"
    );
}

#[test]
fn settings_can_override_the_workspaces_language() {
    let desk = desk::Desk::open_as("ellen");
    let (mut window, _dir) = (Window::new(desk.app), desk.dir);
    window.press(Key::Character("8".into()), Modifiers::COMMAND);
    assert!(
        window.sees("Settings"),
        "the sample workspace is in English"
    );
    // The pick list under the label, then its option `index`: as in iced's menu, one line
    // of 16 px text (line height 1.3) with 5 px padding above and below each.
    let pick = |window: &mut Window, label: &'static str, index: f32| {
        const LINE: f32 = 16.0 * 1.3 + 10.0;
        let label = window.bounds(label);
        let top = label.y + label.height + rightfirst::ui::theme::SPACE_XS;
        window.click_at(iced::Point::new(label.x + 40.0, top + LINE / 2.0));
        let at = iced::Point::new(label.x + 40.0, top + LINE + LINE * (index + 0.5));
        window.click_at(at);
    };
    pick(&mut window, "Language", 2.0);
    assert!(window.sees("Instellingen"), "Nederlands was chosen");
    assert!(!window.sees("Settings"));
    pick(&mut window, "Taal", 0.0);
    assert!(window.sees("Settings"), "back to the workspace's English");
}

#[test]
fn the_look_follows_the_systems_light_or_dark_mode() {
    let desk = desk::Desk::open_as("ellen");
    let mut window = Window::new(desk.app);
    let light = rightfirst::ui::theme::theme(rightfirst::ui::theme::Mode::Light);
    let dark = rightfirst::ui::theme::theme(rightfirst::ui::theme::Mode::Dark);
    assert_eq!(window.app.theme(), light);
    let system_says = |window: &mut Window, mode| {
        // As iced_winit hands the system's switch to the subscriptions.
        let heard = window.subscription(vec![subscription::Event::SystemThemeChanged(mode)]);
        assert!(!heard.is_empty(), "the subscription hears the switch");
        for message in heard {
            let task = window.app.update(message);
            window.run(task);
        }
    };
    system_says(&mut window, Mode::Dark);
    assert_eq!(window.app.theme(), dark);
    system_says(&mut window, Mode::Light);
    assert_eq!(window.app.theme(), light);
}

/// The `{blanks}` of a text, leaving `\u{…}` escapes alone.
fn blanks(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let escaped = rest[..open].ends_with("\\u");
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        if !escaped {
            found.insert(rest[open + 1..open + close].to_owned());
        }
        rest = &rest[open + close + 1..];
    }
    found
}

/// Every `name: "English", "Nederlands";` entry of the `texts!` tables in a source file.
fn entries(source: &str) -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    let mut in_table = false;
    for line in source.lines() {
        let line = line.trim();
        if line.starts_with("texts!(") || line.starts_with("crate::texts!(") {
            in_table = true;
        } else if line == "});" {
            in_table = false;
        } else if in_table && let Some((name, texts)) = line.split_once(": \"") {
            let texts = texts.strip_suffix("\";").expect("one entry a line");
            let Some((en, nl)) = texts.split_once("\", \"") else {
                panic!("{name} has no two texts: {line}");
            };
            found.push((name.to_owned(), en.to_owned(), nl.to_owned()));
        }
    }
    found
}

#[test]
fn english_and_dutch_texts_have_the_same_blanks() {
    assert_eq!(
        blanks("\\u{201c}{what}\\u{201d} at {at}"),
        ["at", "what"].map(String::from).into()
    );
    let mut folders = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui")];
    let mut checked = 0;
    let mut mismatched = Vec::new();
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for (name, en, nl) in entries(&source) {
                checked += 1;
                if blanks(&en) != blanks(&nl) {
                    mismatched.push(format!("{}: {name}: {en:?} / {nl:?}", path.display()));
                }
            }
        }
    }
    assert!(checked > 350, "only {checked} texts were found");
    assert!(mismatched.is_empty(), "{mismatched:#?}");
}
