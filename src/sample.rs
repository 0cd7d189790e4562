//! The sample business bundled into the binary: what a new user sees first.

/// Every file of the sample workspace: path relative to the workspace, and its bytes.
pub const FILES: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/sample.rs"));
