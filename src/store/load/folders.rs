//! Opening order files through their month folder, held open while its files are read.
//!
//! Opening `orders/2024-05/G0012345.ron` by its whole path makes the system walk every
//! folder above it again for each of a hundred thousand files: that walk was 8% of a
//! cold `check`. The files of one month come one after another in the listing, so each
//! core opens the month's folder once and each file by its name in it (`openat`). Where
//! there is no `openat` (not unix), or the folder will not open, the file is opened by its
//! whole path, which says the same when it fails.

use std::fs::File;
use std::io;
use std::path::Path;

/// The folder opened last on one core, and its path in the workspace.
#[derive(Default)]
pub(super) struct Folders<'f> {
    #[cfg(unix)]
    held: Option<(&'f str, File)>,
    #[cfg(not(unix))]
    held: std::marker::PhantomData<&'f str>,
}

impl<'f> Folders<'f> {
    /// Opens the file at `path` (relative to the workspace at `root`) to be read.
    pub(super) fn open(&mut self, root: &Path, path: &'f str) -> io::Result<File> {
        #[cfg(unix)]
        if let Some((folder, name)) = path.rsplit_once('/')
            && let Some(file) = self.open_in(root, folder, name)
        {
            return file;
        }
        File::open(root.join(path))
    }

    /// Opens `name` in `folder` through the folder held open; `None` when that cannot be
    /// tried (the folder will not open, the name is too long for the buffer).
    #[cfg(unix)]
    fn open_in(&mut self, root: &Path, folder: &'f str, name: &str) -> Option<io::Result<File>> {
        use std::os::fd::{AsRawFd, FromRawFd};

        if self.held.as_ref().is_none_or(|(held, _)| *held != folder) {
            self.held = None;
            self.held = Some((folder, File::open(root.join(folder)).ok()?));
        }
        let (_, dir) = self.held.as_ref()?;
        // The name with its closing NUL, on the stack: no allocation per file.
        let mut buffer = [0u8; 256];
        let bytes = buffer.get_mut(..name.len() + 1)?;
        bytes[..name.len()].copy_from_slice(name.as_bytes());
        let name = std::ffi::CStr::from_bytes_with_nul(bytes).ok()?;
        // SAFETY: `dir` is an open folder and `name` ends in NUL; the descriptor handed
        // back is new and owned by nothing else.
        let fd = unsafe {
            libc::openat(
                dir.as_raw_fd(),
                name.as_ptr(),
                libc::O_RDONLY | libc::O_CLOEXEC,
            )
        };
        Some(if fd < 0 {
            Err(io::Error::last_os_error())
        } else {
            // SAFETY: as above.
            Ok(unsafe { File::from_raw_fd(fd) })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Folders;
    use std::io::Read;

    #[test]
    fn files_open_through_their_folder_as_by_their_whole_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        for (folder, name, text) in [
            ("a", "one.ron", "1"),
            ("a", "two.ron", "2"),
            ("b", "one.ron", "3"),
        ] {
            std::fs::create_dir_all(root.join(folder)).expect("mkdir");
            std::fs::write(root.join(folder).join(name), text).expect("write");
        }
        let mut folders = Folders::default();
        let mut read = |path| {
            let mut text = String::new();
            folders
                .open(root, path)
                .and_then(|mut file| file.read_to_string(&mut text))
                .map(|_| text)
        };
        assert_eq!(read("a/one.ron").expect("a/one"), "1");
        assert_eq!(read("a/two.ron").expect("a/two"), "2");
        assert_eq!(read("b/one.ron").expect("b/one"), "3", "not a/one.ron");
        let missing = read("b/none.ron").expect_err("no such file");
        assert_eq!(missing.kind(), std::io::ErrorKind::NotFound);
        let gone = read("c/one.ron").expect_err("no such folder");
        assert_eq!(gone.kind(), std::io::ErrorKind::NotFound);
        assert_eq!(read("a/one.ron").expect("a/one again"), "1");
    }
}
