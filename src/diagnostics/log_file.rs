//! A log in a file that never grows past two small files: when `rightfirst.log` reaches
//! [`MAX_BYTES`], it becomes `rightfirst.log.1` (replacing the one before) and a new one starts.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The size at which the log moves aside; at most twice this is ever kept.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// The log file's name in its folder.
pub const FILE_NAME: &str = "rightfirst.log";

/// A log writer on one folder, rotating at `limit` bytes.
pub struct LogFile {
    path: PathBuf,
    limit: u64,
    open: Mutex<Option<(File, u64)>>,
}

impl LogFile {
    /// A log in `folder` (made when missing) that moves aside at `limit` bytes.
    pub fn new(folder: &Path, limit: u64) -> std::io::Result<LogFile> {
        fs::create_dir_all(folder)?;
        let path = folder.join(FILE_NAME);
        let file = OpenOptions::new().create(true).append(true).open(&path)?;
        let written = file.metadata()?.len();
        Ok(LogFile {
            path,
            limit,
            open: Mutex::new(Some((file, written))),
        })
    }

    /// The current log file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one line, moving the file aside first when it is full. A log that cannot
    /// be written is given up quietly: logging must never stop the app.
    pub fn write_line(&self, line: &str) {
        let Ok(mut open) = self.open.lock() else {
            return;
        };
        if open
            .as_ref()
            .is_some_and(|(_, written)| *written >= self.limit)
        {
            *open = None;
            let _ = fs::rename(&self.path, self.path.with_extension("log.1"));
            let reopened = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path);
            *open = reopened.ok().map(|file| (file, 0));
        }
        if let Some((file, written)) = open.as_mut()
            && writeln!(file, "{line}").is_ok()
        {
            *written += line.len() as u64 + 1;
        }
    }
}

impl log::Log for LogFile {
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        // Our own messages from info up; the window's libraries only when they warn.
        let ours = metadata.target().starts_with("rightfirst");
        metadata.level()
            <= if ours {
                log::Level::Info
            } else {
                log::Level::Warn
            }
    }

    fn log(&self, record: &log::Record) {
        if self.enabled(record.metadata()) {
            let now = jiff::ZonedDateTime::now().strftime("%Y-%m-%d %H:%M:%S");
            let line = format!(
                "{now} {} {}: {}",
                record.level(),
                record.target(),
                record.args()
            );
            self.write_line(&line);
        }
    }

    fn flush(&self) {
        if let Ok(mut open) = self.open.lock()
            && let Some((file, _)) = open.as_mut()
        {
            let _ = file.flush();
        }
    }
}

/// Sends the `log` facade to `rightfirst.log` in `folder`; returns the file's path.
pub fn start(folder: &Path) -> std::io::Result<PathBuf> {
    let log = LogFile::new(folder, MAX_BYTES)?;
    let path = log.path().to_path_buf();
    log::set_boxed_logger(Box::new(log)).map_err(std::io::Error::other)?;
    log::set_max_level(log::LevelFilter::Info);
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_log_moves_aside_once_and_never_more_than_two_files_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let log = LogFile::new(dir.path(), 100).unwrap();
        let line = "x".repeat(39); // 40 bytes with its newline
        for _ in 0..3 {
            log.write_line(&line);
        }
        assert_eq!(fs::metadata(log.path()).unwrap().len(), 120);
        assert!(!dir.path().join("rightfirst.log.1").exists());
        log.write_line("after");
        assert_eq!(
            fs::read_to_string(dir.path().join("rightfirst.log.1")).unwrap(),
            format!("{line}\n{line}\n{line}\n")
        );
        assert_eq!(fs::read_to_string(log.path()).unwrap(), "after\n");
        for _ in 0..10 {
            log.write_line(&line);
        }
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["rightfirst.log", "rightfirst.log.1"]);
        assert!(fs::metadata(log.path()).unwrap().len() <= 100 + 40);
    }

    #[test]
    fn a_log_reopened_counts_what_is_already_there() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(FILE_NAME), "x".repeat(150)).unwrap();
        let log = LogFile::new(dir.path(), 100).unwrap();
        log.write_line("new");
        assert_eq!(fs::read_to_string(log.path()).unwrap(), "new\n");
        assert_eq!(
            fs::metadata(dir.path().join("rightfirst.log.1"))
                .unwrap()
                .len(),
            150
        );
    }
}
