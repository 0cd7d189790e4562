//! Photos copied into the workspace with `Folder::attach`: what lands where, and what is refused.
//!
//! Each test makes the sample workspace in a temp folder of its own, with the photos beside it.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

mod picture;

use picture::PNG;
use rightfirst::store::{self, Attachment, Folder, SaveError};

/// An order's month folder as an attachment target.
fn in_month(month: &str) -> Attachment {
    Attachment::Month(month.to_owned())
}

/// A copy of the sample workspace at `root`, with room beside it for photos.
struct Sample {
    parent: tempfile::TempDir,
    root: PathBuf,
}

impl Sample {
    fn new() -> Sample {
        let parent = tempfile::tempdir().expect("a temp folder");
        let root = parent.path().join("ws");
        store::create(&root, rightfirst::sample::FILES).expect("the sample workspace");
        Sample { parent, root }
    }

    /// Writes a file beside the workspace and returns its path.
    fn photo(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.parent.path().join(name);
        fs::write(&path, bytes).expect("write the photo");
        path
    }

    fn open(&self) -> Folder {
        Folder::open(&self.root).expect("the workspace opens")
    }

    /// Every entry of `attachments/<month>/`, with its bytes.
    fn attachments(&self, month: &str) -> BTreeMap<String, Vec<u8>> {
        let Ok(entries) = fs::read_dir(self.root.join("attachments").join(month)) else {
            return BTreeMap::new();
        };
        entries
            .flatten()
            .map(|entry| {
                (
                    entry.file_name().to_string_lossy().into_owned(),
                    fs::read(entry.path()).expect("a file"),
                )
            })
            .collect()
    }
}

/// Bytes that look like nothing else in the test.
fn jpeg(seed: u8) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
    bytes.extend((0..5000u32).map(|n| (n as u8).wrapping_mul(seed)));
    bytes
}

#[test]
fn a_photo_is_copied_whole_under_a_safe_form_of_its_name() {
    let ws = Sample::new();
    let photo = ws.photo("Cone Ölçü (1).JPG", &jpeg(3));
    let mut folder = ws.open();

    let relative = folder
        .attach(&photo, &in_month("2026-11"))
        .expect("attached");
    assert_eq!(relative, "attachments/2026-11/cone-olcu-1.jpg");
    assert_eq!(
        ws.attachments("2026-11"),
        BTreeMap::from([("cone-olcu-1.jpg".to_owned(), jpeg(3))]),
        "one whole copy and no temp file"
    );
    assert_eq!(fs::read(&photo).expect("still there"), jpeg(3));
    // Photos are not records: the workspace reads as before.
    assert_eq!(ws.open().error_count(), 0);
}

#[test]
fn a_taken_name_gets_a_number_and_no_file_is_overwritten() {
    let ws = Sample::new();
    let month = ws.root.join("attachments/2026-11");
    fs::create_dir_all(&month).expect("a month folder");
    fs::write(month.join("cone-2.jpg"), b"put there by hand").expect("write");
    let mut folder = ws.open();

    let first = folder.attach(&ws.photo("cone.jpg", &jpeg(1)), &in_month("2026-11"));
    let second = folder.attach(&ws.photo("cone.jpg", &jpeg(2)), &in_month("2026-11"));
    let elsewhere = folder.attach(&ws.photo("cone.jpg", &jpeg(5)), &in_month("2026-12"));
    assert_eq!(first.expect("attached"), "attachments/2026-11/cone.jpg");
    assert_eq!(second.expect("attached"), "attachments/2026-11/cone-3.jpg");
    assert_eq!(elsewhere.expect("attached"), "attachments/2026-12/cone.jpg");
    assert_eq!(
        ws.attachments("2026-11"),
        BTreeMap::from([
            ("cone.jpg".to_owned(), jpeg(1)),
            ("cone-2.jpg".to_owned(), b"put there by hand".to_vec()),
            ("cone-3.jpg".to_owned(), jpeg(2)),
        ])
    );
}

#[test]
fn folders_missing_files_and_bad_months_are_refused_and_nothing_is_made() {
    let ws = Sample::new();
    let mut folder = ws.open();
    let photo = ws.photo("cone.jpg", &jpeg(1));

    let folder_error = folder
        .attach(ws.parent.path(), &in_month("2026-11"))
        .expect_err("a folder is no photo");
    assert!(
        matches!(&folder_error, SaveError::Io { .. })
            && folder_error.to_string().ends_with(": it is not a file"),
        "{folder_error}"
    );
    let missing = folder.attach(&ws.parent.path().join("gone.jpg"), &in_month("2026-11"));
    assert!(matches!(missing, Err(SaveError::Io { .. })), "{missing:?}");
    for month in ["2026-13", "2026-1", "26-11", "../x", "2026-11/..", ""] {
        let error = folder.attach(&photo, &in_month(month)).expect_err(month);
        assert!(matches!(error, SaveError::BadId(_)), "{month}: {error}");
    }
    assert!(!ws.root.join("attachments").exists());
}

#[test]
fn a_photo_over_32_mib_is_refused() {
    let ws = Sample::new();
    let big = ws.parent.path().join("huge.jpg");
    // Sparse: the size is what counts, not the bytes.
    fs::File::create(&big)
        .and_then(|file| file.set_len(32 * 1024 * 1024 + 1))
        .expect("a large file");
    let error = ws
        .open()
        .attach(&big, &in_month("2026-11"))
        .expect_err("too large");
    assert_eq!(
        error.to_string(),
        format!(
            "could not attach {}: it is 32.1 MiB; a photo of at most 32 MiB can be attached",
            big.display()
        )
    );
    assert!(!ws.root.join("attachments").exists());
}

#[cfg(unix)]
#[test]
fn a_linked_attachments_folder_is_not_written_through() {
    let ws = Sample::new();
    let outside = ws.parent.path().join("outside");
    fs::create_dir(&outside).expect("a folder");
    std::os::unix::fs::symlink(&outside, ws.root.join("attachments")).expect("a link");
    let error = ws
        .open()
        .attach(&ws.photo("cone.jpg", &jpeg(1)), &in_month("2026-11"))
        .expect_err("refused");
    assert!(matches!(error, SaveError::Symlink { .. }), "{error}");
    assert_eq!(fs::read_dir(&outside).expect("readable").count(), 0);
}

#[test]
fn a_workspace_from_a_newer_build_takes_no_photo() {
    let ws = Sample::new();
    let text = fs::read_to_string(ws.root.join("workspace.ron")).expect("read");
    fs::write(
        ws.root.join("workspace.ron"),
        text.replacen("format: 1,", "format: 2,", 1),
    )
    .expect("write");
    let error = ws
        .open()
        .attach(&ws.photo("cone.jpg", &jpeg(1)), &in_month("2026-11"))
        .expect_err("read-only");
    assert!(matches!(error, SaveError::ReadOnly(_)), "{error}");
    assert!(!ws.root.join("attachments").exists());
}

#[cfg(target_os = "linux")]
#[test]
fn temp_files_of_a_killed_copy_are_cleaned_up() {
    let ws = Sample::new();
    // A process that has ended: its temp file can only be a leftover.
    let mut child = std::process::Command::new("true")
        .spawn()
        .expect("true runs");
    let dead = child.id();
    child.wait().expect("reaped");
    let month = ws.root.join("attachments/2026-11");
    fs::create_dir_all(&month).expect("a month folder");
    let stale = format!(".cone.jpg.{dead}-0.rf-tmp");
    fs::write(month.join(&stale), b"half a photo").expect("write");

    let relative = ws
        .open()
        .attach(&ws.photo("cone.jpg", &jpeg(1)), &in_month("2026-11"))
        .expect("attached");
    assert_eq!(relative, "attachments/2026-11/cone.jpg");
    assert_eq!(
        ws.attachments("2026-11").keys().collect::<Vec<_>>(),
        ["cone.jpg"]
    );
}

fn step_of(procedure: &str) -> Attachment {
    Attachment::Procedure(procedure.to_owned())
}

#[test]
fn a_step_photo_goes_to_its_procedure_and_never_over_another() {
    let ws = Sample::new();
    let mut folder = ws.open();
    let first = folder.attach(&ws.photo("Right Cone.PNG", PNG), &step_of("scoop"));
    let second = folder.attach(&ws.photo("right cone.png", PNG), &step_of("scoop"));
    let top = folder.attach(&ws.photo("top.jpg", &jpeg(4)), &step_of("scoop"));
    assert_eq!(
        first.expect("attached"),
        "attachments/procedures/scoop/right-cone.png"
    );
    assert_eq!(
        second.expect("attached"),
        "attachments/procedures/scoop/right-cone-2.png"
    );
    assert_eq!(
        top.expect("attached"),
        "attachments/procedures/scoop/top.jpg"
    );
    assert_eq!(
        fs::read(
            ws.root
                .join("attachments/procedures/scoop/right-cone-2.png")
        )
        .expect("read"),
        PNG
    );
    assert_eq!(
        folder
            .picture("attachments/procedures/scoop/top.jpg")
            .expect("shown"),
        jpeg(4)
    );
    let outside = folder.picture("../ws/workspace.ron").expect_err("outside");
    assert!(
        outside.to_string().contains("outside the workspace"),
        "{outside}"
    );
}

#[test]
fn a_step_photo_that_is_no_picture_or_over_20_mb_is_refused_and_nothing_is_copied() {
    let ws = Sample::new();
    let mut folder = ws.open();
    let text = ws.photo("cone.png", b"not a picture at all");
    let error = folder
        .attach(&text, &step_of("scoop"))
        .expect_err("no picture");
    assert_eq!(
        error.to_string(),
        format!(
            "could not attach {}: it is not a JPEG or PNG picture",
            text.display()
        )
    );
    let big = ws.parent.path().join("huge.png");
    fs::File::create(&big)
        .and_then(|file| file.set_len(20 * 1024 * 1024 + 1))
        .expect("a large file");
    let error = folder
        .attach(&big, &step_of("scoop"))
        .expect_err("too large");
    assert_eq!(
        error.to_string(),
        format!(
            "could not attach {}: it is 20.1 MiB; a photo of at most 20 MiB can be attached",
            big.display()
        )
    );
    let gone = ws.parent.path().join("gone.png");
    let error = folder
        .attach(&gone, &step_of("scoop"))
        .expect_err("unreadable");
    assert!(
        error
            .to_string()
            .starts_with(&format!("could not attach {}: ", gone.display())),
        "{error}"
    );
    assert!(!ws.root.join("attachments").exists());
}
