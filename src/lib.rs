//! Right First: procedures, second-person QC checks and a defect log that finds root causes.

pub mod model;
pub mod store;
