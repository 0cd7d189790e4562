//! The workspace on disk: the only code that touches the file system.

pub mod format;
pub mod locate;
