//! Where tests make a save fail as a crash or a bad disk would: the one seam of the store.
//!
//! Only the library's own tests build it; in the app every call is empty.

use std::path::Path;

/// Counts the steps this process reached; when it reaches the one `RIGHTFIRST_ABORT_AT`
/// gives (from 1), says which it is on stderr and aborts, as a kill would.
#[cfg(test)]
pub(crate) fn step(name: &str) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static REACHED: AtomicUsize = AtomicUsize::new(0);
    let reached = REACHED.fetch_add(1, Ordering::SeqCst) + 1;
    let at = std::env::var("RIGHTFIRST_ABORT_AT").ok();
    if at.and_then(|at| at.parse().ok()) == Some(reached) {
        eprintln!("aborted at step {reached}: {name}");
        std::process::abort();
    }
}

/// A step a test may crash the process at.
#[cfg(not(test))]
#[inline(always)]
pub(crate) fn step(_name: &str) {}

#[cfg(test)]
thread_local! {
    /// Set by a test: flushing a folder whose path ends with this fails on this thread, as
    /// on a failing disk.
    pub(crate) static FAIL_FLUSH: std::cell::Cell<Option<&'static str>> =
        const { std::cell::Cell::new(None) };
}

/// Whether a test asked flushes of this folder to fail.
pub(crate) fn flush_fails(folder: &Path) -> bool {
    #[cfg(test)]
    return FAIL_FLUSH
        .get()
        .is_some_and(|end| folder.to_string_lossy().ends_with(end));
    #[cfg(not(test))]
    {
        let _ = folder;
        false
    }
}

#[cfg(test)]
thread_local! {
    /// Set by a test: writing a new workspace's file whose path ends with this fails on this
    /// thread, as on a full disk.
    pub(crate) static FAIL_WRITE: std::cell::Cell<Option<&'static str>> =
        const { std::cell::Cell::new(None) };
}

/// Whether a test asked writes of this file to fail.
pub(crate) fn write_fails(file: &Path) -> bool {
    #[cfg(test)]
    return FAIL_WRITE
        .get()
        .is_some_and(|end| file.to_string_lossy().ends_with(end));
    #[cfg(not(test))]
    {
        let _ = file;
        false
    }
}
