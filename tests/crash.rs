//! A panic writes a crash report that the next start names once. Alone in its own test
//! binary, since a panic hook is the whole process's.

use rightfirst::diagnostics::crash;

#[test]
fn a_panic_writes_a_report_with_what_and_where_and_the_next_start_names_it() {
    let dir = tempfile::tempdir().unwrap();
    crash::install(dir.path().to_path_buf());
    let line = line!() + 1;
    let caught = std::panic::catch_unwind(|| panic!("the scale read {} g", 65));
    assert!(caught.is_err());
    let _ = std::panic::take_hook();

    let report = crash::take_unseen(dir.path()).expect("the report is named");
    assert_eq!(report.parent(), Some(dir.path()));
    let name = report.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("crash-") && name.ends_with(".txt"),
        "{name}"
    );
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.contains("the scale read 65 g"), "{text}");
    assert!(text.contains(&format!("tests/crash.rs:{line}")), "{text}");
    assert!(text.contains(env!("CARGO_PKG_VERSION")), "{text}");
    assert_eq!(crash::take_unseen(dir.path()), None, "named once");
}

#[cfg(feature = "gui")]
mod desk;

#[cfg(feature = "gui")]
#[test]
fn the_window_names_the_report_of_the_last_crash_above_the_screen() {
    let mut desk = desk::Desk::open_as("ellen");
    let report =
        std::path::Path::new("/home/ellen/.local/state/rightfirst/crash-20261205-061500.txt");
    assert!(!desk.sees("Right First stopped unexpectedly last time."));
    desk.app.crashed_before(report);
    assert!(desk.sees(
        "Right First stopped unexpectedly last time. What happened is written in \
         /home/ellen/.local/state/rightfirst/crash-20261205-061500.txt."
    ));
}
