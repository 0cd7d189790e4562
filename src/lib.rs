//! Right First: procedures, second-person QC checks and a defect log that finds root causes.

pub mod analysis;
pub mod diagnostics;
pub mod export;
pub mod generate;
pub mod import;
pub mod model;
pub mod sample;
pub mod store;
#[cfg(feature = "gui")]
pub mod ui;
