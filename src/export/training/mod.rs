//! The printed training matrix: the matrix of [`crate::analysis::training::matrix`], then
//! one record per person with every signature and who recorded it (competence evidence for
//! an inspector or an ISO 9001 audit). As data here, laid out by `assets/typst/training.typ`
//! for PDF and by [`html`] for HTML, so both say the same.

mod html;
mod text;
mod words;

pub use text::text;

use serde::Serialize;

use super::record::Tone;
use super::{ExportError, Format, engine};
use crate::analysis::training::{Matrix, matrix};
use crate::model::{Date, Language, Records, Standing, fill};
use words::Words;

/// The whole printout.
#[derive(Debug, Serialize)]
pub(crate) struct Sheet {
    /// `"en"` or `"nl"`.
    pub lang: &'static str,
    pub words: &'static Words,
    pub business: String,
    /// "Who knows the procedures in force on 2026-11-23": the day it was judged on.
    pub today: String,
    pub columns: Vec<ColumnOut>,
    pub rows: Vec<RowOut>,
    pub people: Vec<PersonOut>,
}

/// A procedure in force, heading a column.
#[derive(Debug, Serialize)]
pub(crate) struct ColumnOut {
    pub title: String,
    /// "rev. 3" / "rev. 3".
    pub revision: String,
}

/// One person's row of the matrix.
#[derive(Debug, Serialize)]
pub(crate) struct RowOut {
    pub name: String,
    pub cells: Vec<CellOut>,
}

/// One cell: its word, the revision signed under it, and its colour.
#[derive(Debug, Serialize)]
pub(crate) struct CellOut {
    pub word: &'static str,
    /// "signed rev. 1", or empty when never signed.
    pub signed: String,
    pub tone: Tone,
}

/// One person's training record.
#[derive(Debug, Serialize)]
pub(crate) struct PersonOut {
    pub name: String,
    pub id: String,
    /// "Current on 3 of 8 procedures in force."
    pub summary: String,
    pub signatures: Vec<SignatureOut>,
}

/// One signature in a person's record.
#[derive(Debug, Serialize)]
pub(crate) struct SignatureOut {
    pub on: String,
    pub procedure: String,
    pub revision: String,
    /// "At the desk", or "On paper, recorded by Anna de Vries".
    pub how: String,
}

/// The training matrix of `records` judged on `today`, with a record per person, as a PDF
/// or a self-contained HTML file in `language`. What the matrix screen's "Print" calls;
/// the same inputs give the same bytes.
pub fn document(
    records: &Records,
    language: Language,
    today: Date,
    format: Format,
) -> Result<Vec<u8>, ExportError> {
    printout(records, &matrix(records, today), language, format)
}

/// [`document`] of a matrix already made (for instance cut to one person, as
/// `rightfirst training --person` does).
pub fn printout(
    records: &Records,
    matrix: &Matrix,
    language: Language,
    format: Format,
) -> Result<Vec<u8>, ExportError> {
    let sheet = sheet(records, matrix, language);
    match format {
        Format::Pdf => engine::pdf(TEMPLATE, &sheet),
        Format::Html => Ok(html::page(&sheet).into_bytes()),
    }
}

const TEMPLATE: engine::Template = engine::Template {
    name: "/training.typ",
    source: include_str!("../../../assets/typst/training.typ"),
};

/// Decides every word of the printout.
pub(crate) fn sheet(records: &Records, matrix: &Matrix, language: Language) -> Sheet {
    let words = words::words(language);
    let title = |id: &str| {
        records
            .procedures
            .iter()
            .chain(&records.archived_procedures)
            .find(|p| p.id == id)
            .map_or_else(|| id.to_owned(), |p| p.title.clone())
    };
    let name = |id: &str| {
        records
            .workspace
            .person(id)
            .map_or_else(|| id.to_owned(), |p| p.name.clone())
    };
    let rows = matrix
        .people
        .iter()
        .map(|row| RowOut {
            name: row.name.clone(),
            cells: row.cells.iter().map(|c| cell(words, c.standing)).collect(),
        })
        .collect();
    let people = matrix
        .people
        .iter()
        .map(|row| PersonOut {
            name: row.name.clone(),
            id: row.person.clone(),
            summary: fill(
                words.summary,
                &[
                    ("count", &current(row).to_string()),
                    ("total", &row.cells.len().to_string()),
                ],
            ),
            signatures: row
                .signatures
                .iter()
                .map(|s| SignatureOut {
                    on: s.on.to_string(),
                    procedure: title(&s.procedure),
                    revision: fill(words.rev, &[("n", &s.revision.to_string())]),
                    how: match &s.recorded_by {
                        Some(owner) => fill(words.on_paper, &[("name", &name(owner))]),
                        None => words.at_desk.to_owned(),
                    },
                })
                .collect(),
        })
        .collect();
    Sheet {
        lang: language.code(),
        words,
        business: records.workspace.name.clone(),
        today: fill(words.judged, &[("day", &matrix.today.to_string())]),
        columns: matrix
            .procedures
            .iter()
            .map(|c| ColumnOut {
                title: c.title.clone(),
                revision: fill(words.rev, &[("n", &c.in_force.to_string())]),
            })
            .collect(),
        rows,
        people,
    }
}

/// How many of the row's procedures the person is current on.
fn current(row: &crate::analysis::training::Row) -> usize {
    row.cells.iter().filter(|c| c.standing.is_current()).count()
}

fn cell(words: &Words, standing: Standing) -> CellOut {
    let (word, tone) = match standing {
        Standing::Current { .. } => (words.current, Tone::Pass),
        Standing::OutOfDate { .. } => (words.out_of_date, Tone::Warn),
        Standing::Never => (words.never, Tone::Fail),
    };
    CellOut {
        word,
        signed: standing.signed().map_or_else(String::new, |revision| {
            fill(words.signed_rev, &[("n", &revision.to_string())])
        }),
        tone,
    }
}
