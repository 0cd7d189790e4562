//! Reading record files as text and parsing them, on every core.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::super::index::Stamp;
use super::super::layout::Place;
use super::super::read::read_stamped;
use super::super::{FileState, Finding, format};
use super::scan::finding;
use crate::model::ProblemSeverity;

/// One file read and parsed, with the text kept for pointing at its lines.
pub(super) struct Parsed<T> {
    pub(super) path: String,
    pub(super) place: Place,
    pub(super) text: String,
    pub(super) record: T,
    /// The file's stamp as it was opened, for an index.
    pub(super) stamp: Stamp,
}

/// The outcome of reading one file: its state for saving and, if it parsed, the record.
pub(super) type Outcome<T> = (String, FileState, Result<Parsed<T>, Finding>);

pub(super) fn read_and_parse<T: DeserializeOwned>(
    root: &Path,
    path: &str,
    place: &Place,
    hashed: bool,
) -> Outcome<T> {
    match read_stamped(&root.join(path), hashed) {
        Err(error) => {
            let (at, message) = error.describe();
            (
                path.to_owned(),
                FileState::Broken,
                Err(finding(path, at, ProblemSeverity::Error, message)),
            )
        }
        Ok((text, hash, stamp)) => match format::parse::<T>(&text) {
            Ok(record) => (
                path.to_owned(),
                FileState::Loaded(hash),
                Ok(Parsed {
                    path: path.to_owned(),
                    place: place.clone(),
                    text,
                    record,
                    stamp,
                }),
            ),
            Err(error) => (
                path.to_owned(),
                FileState::Broken,
                Err(finding(
                    path,
                    error.at,
                    ProblemSeverity::Error,
                    error.message,
                )),
            ),
        },
    }
}

/// Reads and parses every file of one kind on all cores.
pub(super) fn parse_all<T: DeserializeOwned + Send>(
    root: &Path,
    files: &[&(String, Place)],
    states: &mut HashMap<String, FileState>,
    findings: &mut Vec<Finding>,
) -> Vec<Parsed<T>> {
    let outcomes: Vec<Outcome<T>> = files
        .par_iter()
        .map(|(path, place)| read_and_parse(root, path, place, true))
        .collect();
    let mut parsed = Vec::with_capacity(outcomes.len());
    for (path, state, outcome) in outcomes {
        states.insert(path, state);
        match outcome {
            Ok(record) => parsed.push(record),
            Err(finding) => findings.push(finding),
        }
    }
    parsed
}
