//! The first start of the window: a welcome screen with two ways in. "Start your own
//! business" makes an empty business in the user's data folder with the user as its
//! owner; "Look around the sample business" copies the sample there once and opens it with
//! a banner that says so. Later starts open what was opened last.
#![cfg(feature = "gui")]

mod window;

use std::path::Path;
use std::process::Command;

use iced::keyboard::{Key, Modifiers};
use rightfirst::ui::{App, Start};
use window::Window;

/// What a child process does on the first start, as `RIGHTFIRST_FIRST_START` says.
#[test]
#[ignore = "the child process of the first-start tests"]
fn first_start_child() {
    let Ok(way) = std::env::var("RIGHTFIRST_FIRST_START") else {
        return;
    };
    let (app, task) = App::boot(Start::Last);
    let mut window = Window::new(app);
    window.run(task);
    println!("welcome: {}", window.sees("Welcome to Right First"));
    match way.as_str() {
        "sample" => {
            window.click("Look around the sample business");
        }
        "own" => {
            window.click("Start your own business");
            window.click("business-name");
            window.type_text("Bakkerij Jansen");
            window.click("owner-name");
            window.type_text("Piet Jansen");
            // The language list opens under its box; Dutch is its second option.
            let list = window.bounds("business-language");
            window.click("business-language");
            let option = 16.0 * 1.3 + 10.0;
            window.click_at(iced::Point::new(
                list.center_x(),
                list.y + list.height + option * 1.5,
            ));
            window.click("Bedrijf aanmaken");
        }
        "under-a-file" => {
            // The folder chosen lies under a file: the business cannot be made there.
            let home = std::env::var("HOME").expect("the parent sets HOME");
            window.click("Start your own business");
            window.click("business-name");
            window.type_text("Bakkerij Jansen");
            window.click("owner-name");
            window.type_text("Piet Jansen");
            window.click("business-folder");
            window.press(Key::Character("a".into()), Modifiers::COMMAND);
            window.type_text(&format!("{home}/a-file/Bakkerij Jansen"));
            window.click("Create the business");
            println!(
                "refused: {}",
                window.sees_part(
                    "cannot hold the business: part of that path is a file, not a folder."
                )
            );
        }
        "empty-name" => {
            window.click("Start your own business");
            window.click("Create the business");
            println!("refused: {}", window.sees("Give the business a name."));
        }
        _ => {}
    }
    // Reading the workspace runs on a worker thread: wait for it as the runtime would.
    for _ in 0..200 {
        if window.app.folder().is_some() || way == "empty-name" || way == "under-a-file" {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        let heard = window.subscription(Vec::new());
        for message in heard {
            let task = window.app.update(message);
            window.run(task);
        }
    }
    println!("title: {}", window.app.title());
    println!("banner: {}", window.sees("Start your own business"));
    println!(
        "who are you: {}",
        window.sees("Who are you?") || window.sees("Wie ben je?")
    );
    if way == "sample" {
        // The banner's button leads to the form of one's own business.
        window.click("Start your own business");
        println!("own form: {}", window.sees("Create the business"));
    }
    if way == "own" {
        // An empty business: each screen says what to do first (in the business's Dutch).
        let first = |window: &mut Window, key: &str, words: &str| {
            window.press(Key::Character(key.into()), Modifiers::COMMAND);
            window.sees(words)
        };
        let steps = [
            first(
                &mut window,
                "1",
                "Nog geen procedures. Schrijf je eerste: de stappen die je team volgt, met de norm die elke stap moet halen.",
            ) && window.sees("Nieuwe procedure"),
            first(
                &mut window,
                "2",
                "Een checklijst controleert een procedure: schrijf en keur er eerst een goed, onder Procedures (Ctrl+1).",
            ),
            first(
                &mut window,
                "3",
                "Nog geen bestellingen. Maak er een met Nieuwe bestelling (Ctrl+N), of haal de export van je kassa of webwinkel binnen met CSV importeren….",
            ),
            first(
                &mut window,
                "5",
                "Cijfers verschijnen na je eerste bestellingen: maak en controleer ze onder Bestellingen (Ctrl+3).",
            ),
        ];
        println!("first steps: {steps:?}");
    }
}

/// Starts the window as `rightfirst` with no arguments does, in a child process whose home
/// is `home`, going `way`, and returns what it printed.
fn start(home: &Path, way: &str) -> String {
    let run = Command::new(std::env::current_exe().expect("this test binary"))
        .args(["--exact", "--ignored", "--nocapture", "first_start_child"])
        .env("RIGHTFIRST_FIRST_START", way)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .expect("the child runs");
    let said = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(
        run.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    said
}

fn said<'a>(output: &'a str, what: &str) -> &'a str {
    output
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{what}: ")))
        .unwrap_or_else(|| panic!("the child says {what}: {output}"))
}

#[test]
fn a_first_start_welcomes_and_the_sample_is_copied_once_with_a_banner() {
    let home = tempfile::tempdir().unwrap();
    let copy = home.path().join("data/rightfirst/Sample business");
    let output = start(home.path(), "sample");
    assert_eq!(said(&output, "welcome"), "true");
    assert_eq!(
        said(&output, "title"),
        "Bell's Quayside Ices & Sandwiches — Right First"
    );
    assert_eq!(said(&output, "banner"), "true", "the sample says it is one");
    assert_eq!(said(&output, "own form"), "true", "the banner leads on");
    for (relative, bytes) in rightfirst::sample::FILES {
        let copied = std::fs::read(copy.join(relative)).expect("every sample file is copied");
        assert!(copied == *bytes, "{relative} is copied as it is");
    }
    // The copy is the user's now: the next start opens it as it was left, no welcome.
    let workspace = copy.join("workspace.ron");
    let text = std::fs::read_to_string(&workspace).unwrap();
    std::fs::write(
        &workspace,
        text.replace("Bell's Quayside", "Bell's Harbour"),
    )
    .unwrap();
    let output = start(home.path(), "none");
    assert_eq!(said(&output, "welcome"), "false");
    assert_eq!(
        said(&output, "title"),
        "Bell's Harbour Ices & Sandwiches — Right First"
    );
}

#[test]
fn starting_ones_own_business_makes_it_empty_with_the_user_as_its_owner() {
    let home = tempfile::tempdir().unwrap();
    let output = start(home.path(), "own");
    assert_eq!(said(&output, "title"), "Bakkerij Jansen — Right First");
    // The owner is remembered on this machine: no "Who are you?", and no sample banner.
    assert_eq!(said(&output, "who are you"), "false");
    assert_eq!(said(&output, "banner"), "false");
    assert_eq!(said(&output, "first steps"), "[true, true, true, true]");
    let folder = home.path().join("data/rightfirst/Bakkerij Jansen");
    let written = std::fs::read_to_string(folder.join("workspace.ron")).unwrap();
    assert!(written.contains("name: \"Bakkerij Jansen\""), "{written}");
    assert!(written.contains("language: \"nl\""), "{written}");
    assert!(written.contains("id: \"piet-jansen\""), "{written}");
    assert!(written.contains("role: Owner"), "{written}");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["workspace.ron"],
        "an empty business: no sample records"
    );
    // No half-made folder is left beside it.
    let beside: Vec<String> = std::fs::read_dir(folder.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["Bakkerij Jansen"]);
}

#[test]
fn a_business_without_a_name_is_refused_and_nothing_is_made() {
    let home = tempfile::tempdir().unwrap();
    let output = start(home.path(), "empty-name");
    assert_eq!(said(&output, "refused"), "true");
    assert_eq!(said(&output, "title"), "Right First");
    assert!(!home.path().join("data/rightfirst").exists());
}

/// A folder that cannot be made (here: its path runs through a file) is refused in the
/// window with words that say why, and nothing is left behind.
#[test]
fn a_business_that_cannot_be_made_says_why_in_the_window() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    let output = start(home.path(), "under-a-file");
    assert_eq!(said(&output, "refused"), "true", "{output}");
    assert_eq!(said(&output, "title"), "Right First");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a folder");
    let left: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert!(
        left.iter().all(|name| name == "a-file" || name == "config"),
        "nothing half-made: {left:?}"
    );
}
