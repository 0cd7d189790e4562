//! Reading record files as text and parsing them, on every core.

use std::fs::File;
use std::io;
use std::path::Path;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::super::index::Stamp;
use super::super::layout::Place;
use super::super::read::read_opened;
use super::super::{FileState, Files, Finding, format};
use super::scan::finding;
use crate::model::ProblemSeverity;

/// One file read and parsed, with the text kept for pointing at its lines.
pub(super) struct Parsed<T> {
    pub(super) path: String,
    pub(super) place: Place,
    pub(super) text: String,
    pub(super) record: T,
}

/// The text of one file and what it parsed to.
pub(super) struct Read<T> {
    pub(super) text: String,
    pub(super) record: T,
    /// The file's stamp as it was opened, for an index.
    pub(super) stamp: Stamp,
}

/// Reads the file at `path` in the workspace, as `open` opens it, and parses it: its state
/// for saving and, if it parsed, the record. The path and place are left to the caller,
/// so a hundred thousand orders are not each given copies of theirs.
pub(super) fn read_and_parse<T: DeserializeOwned>(
    open: impl FnOnce() -> io::Result<File>,
    path: &str,
    hashed: bool,
) -> (FileState, Result<Read<T>, Finding>) {
    match read_opened(open(), hashed) {
        Err(error) => {
            let (at, message) = error.describe();
            (
                FileState::Broken,
                Err(finding(path, at, ProblemSeverity::Error, message)),
            )
        }
        Ok((text, hash, stamp)) => match format::parse::<T>(&text) {
            Ok(record) => (
                FileState::Loaded(hash),
                Ok(Read {
                    text,
                    record,
                    stamp,
                }),
            ),
            Err(error) => (
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
    states: &mut Files,
    findings: &mut Vec<Finding>,
) -> Vec<Parsed<T>> {
    let outcomes: Vec<_> = files
        .par_iter()
        .map(|(path, place)| {
            let (state, outcome) = read_and_parse(|| File::open(root.join(path)), path, true);
            (path, place, state, outcome)
        })
        .collect();
    let mut parsed = Vec::with_capacity(outcomes.len());
    for (path, place, state, outcome) in outcomes {
        states.insert(path.clone(), state);
        match outcome {
            Ok(read) => parsed.push(Parsed {
                path: path.clone(),
                place: place.clone(),
                text: read.text,
                record: read.record,
            }),
            Err(finding) => findings.push(finding),
        }
    }
    parsed
}
