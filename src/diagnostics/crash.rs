//! A panic writes a crash report before the window goes, and the next start of the window
//! names it, so that the user learns where it is instead of seeing a window just vanish.

use std::fs;
use std::io;
use std::panic::PanicHookInfo;
use std::path::{Path, PathBuf};

/// Names the report of the last crash until a start of the window has shown it.
pub const UNSEEN: &str = "last-crash";

/// Makes every panic write a report into `folder` (and name it on stderr and in the log),
/// then do what it did before.
pub fn install(folder: PathBuf) {
    let before = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        match write_report(&folder, &report(info)) {
            Ok(path) => {
                log::error!("crashed: {info}; report in {}", path.display());
                eprintln!(
                    "rightfirst: something went wrong; a crash report is in {}",
                    path.display()
                );
            }
            Err(error) => eprintln!(
                "rightfirst: something went wrong, and no crash report could be written in {}: {error}",
                folder.display()
            ),
        }
        before(info);
    }));
}

/// What a report says: the version, when, where and what, and the stack as far as the
/// binary knows it (a stripped release binary knows little more than addresses).
fn report(info: &PanicHookInfo) -> String {
    let thread = std::thread::current();
    format!(
        "Right First {} stopped unexpectedly.\n\
         When: {}\n\
         System: {} {}\n\
         Thread: {}\n\
         What: {info}\n\n\
         Stack:\n{}\n",
        env!("CARGO_PKG_VERSION"),
        jiff::ZonedDateTime::now().strftime("%Y-%m-%d %H:%M:%S %Z"),
        std::env::consts::OS,
        std::env::consts::ARCH,
        thread.name().unwrap_or("unnamed"),
        std::backtrace::Backtrace::force_capture()
    )
}

/// Writes `text` as a new `crash-<time>.txt` in `folder` and marks it unseen.
pub fn write_report(folder: &Path, text: &str) -> io::Result<PathBuf> {
    fs::create_dir_all(folder)?;
    let stamp = jiff::ZonedDateTime::now()
        .strftime("%Y%m%d-%H%M%S")
        .to_string();
    let mut path = folder.join(format!("crash-{stamp}.txt"));
    let mut n = 1;
    // Two panics in one second (two threads) keep both reports.
    while path.exists() {
        n += 1;
        path = folder.join(format!("crash-{stamp}-{n}.txt"));
    }
    fs::write(&path, text)?;
    fs::write(folder.join(UNSEEN), path.to_string_lossy().as_bytes())?;
    Ok(path)
}

/// The report of a crash no start has shown yet, if there is one; it is shown once.
pub fn take_unseen(folder: &Path) -> Option<PathBuf> {
    let marker = folder.join(UNSEEN);
    let named = fs::read_to_string(&marker).ok()?;
    let _ = fs::remove_file(&marker);
    let path = PathBuf::from(named.trim_end());
    path.is_file().then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_named_once_and_two_in_a_second_are_both_kept() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(take_unseen(dir.path()), None);
        let first = write_report(dir.path(), "one").unwrap();
        let second = write_report(dir.path(), "two").unwrap();
        assert_ne!(first, second);
        assert_eq!(fs::read_to_string(&first).unwrap(), "one");
        assert_eq!(take_unseen(dir.path()), Some(second));
        assert_eq!(take_unseen(dir.path()), None, "shown once");
    }

    #[test]
    fn a_report_deleted_since_is_not_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_report(dir.path(), "one").unwrap();
        fs::remove_file(path).unwrap();
        assert_eq!(take_unseen(dir.path()), None);
    }
}
