//! The first run of the window copies the sample business to the user's data folder and
//! opens that copy; later runs open the copy as it was left, never copying again.
#![cfg(feature = "gui")]

mod window;

use std::path::Path;
use std::process::Command;

use rightfirst::ui::{App, Start};
use window::Window;

/// Boots the window as `rightfirst` with no arguments does, in a child process whose home
/// is `home`, and prints the title it ends up with.
#[test]
#[ignore = "the child process of a_first_run_opens_a_copy_of_the_sample_and_later_runs_keep_it"]
fn boot_the_window() {
    if std::env::var("RIGHTFIRST_BOOT_CHILD").is_err() {
        return;
    }
    let (app, task) = App::boot(Start::Last);
    let mut window = Window::new(app);
    window.run(task);
    println!("title: {}", window.app.title());
}

fn boot(home: &Path) -> String {
    let run = Command::new(std::env::current_exe().expect("this test binary"))
        .args(["--exact", "--ignored", "--nocapture", "boot_the_window"])
        .env("RIGHTFIRST_BOOT_CHILD", "1")
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
    said.lines()
        .find_map(|line| line.strip_prefix("title: "))
        .expect("the child says its title")
        .to_owned()
}

#[test]
fn a_first_run_opens_a_copy_of_the_sample_and_later_runs_keep_it() {
    let home = tempfile::tempdir().unwrap();
    let copy = home.path().join("data/rightfirst/Sample business");
    assert!(!copy.exists());
    let title = boot(home.path());
    assert_eq!(title, "Bell's Quayside Ices & Sandwiches — Right First");
    for (relative, bytes) in rightfirst::sample::FILES {
        let copied = std::fs::read(copy.join(relative)).expect("every sample file is copied");
        assert!(copied == *bytes, "{relative} is copied as it is");
    }
    // The copy is the user's now: a second run opens it as it was left.
    let workspace = copy.join("workspace.ron");
    let text = std::fs::read_to_string(&workspace).unwrap();
    let renamed = text.replace("Bell's Quayside Ices & Sandwiches", "Bell's Ices");
    assert_ne!(text, renamed);
    std::fs::write(&workspace, renamed).unwrap();
    assert_eq!(boot(home.path()), "Bell's Ices — Right First");
}
