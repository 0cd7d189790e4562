//! Printed documents: model values in, document bytes out. Nothing here writes a file;
//! [`crate::store::document::write_document`] does that.
//!
//! [`order_record`] prints one order's QC record; [`manual`] prints the procedure
//! manual with a form per checklist; [`training::document`] prints the training matrix with
//! a record per person.
//!
//! PDF goes through typst ([`engine`]): a template under `assets/typst/` lays out
//! data prepared here, with fonts compiled in. HTML is written directly from the
//! same data, so both formats say the same thing.

mod engine;
mod html;
mod labels;
mod manual;
mod record;
pub mod training;

pub use manual::{
    ManualFormat, ManualOptions, Paper, manual, manual_procedures, manual_with_photos,
};

use crate::model::{DateTime, Language, Order, Records};

/// The kinds of document an export can produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A PDF laid out for A4.
    Pdf,
    /// One self-contained HTML file that prints on A4.
    Html,
}

impl Format {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }
}

/// Why a document could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// The record's data could not be handed to the layout engine.
    #[error("could not prepare the document's contents: {0}")]
    Data(String),
    /// The layout engine refused the template or the data.
    #[error("could not lay out the document: {0}")]
    Layout(String),
    /// The laid-out document could not be written as PDF.
    #[error("could not make the PDF: {0}")]
    Pdf(String),
    /// A manual was asked to print a procedure the workspace does not have.
    #[error("there is no procedure \"{0}\" in the workspace")]
    UnknownProcedure(String),
    /// A manual was asked to print a procedure that was never approved, without drafts.
    #[error("procedure \"{0}\" has no approved revision yet; it prints only with drafts included")]
    NotApproved(String),
    /// A manual was asked to print a retired procedure.
    #[error("procedure \"{0}\" is retired and no longer in force")]
    Retired(String),
    /// A manual would have no procedure and no form in it.
    #[error("there is nothing to print: no procedure or checklist is approved")]
    Empty,
}

/// The QC record of one order: its checks item by item, its defects and its customer contacts.
///
/// `printed` is the time printed in the footer; the same inputs give the same bytes.
pub fn order_record(
    records: &Records,
    order: &Order,
    format: Format,
    language: Language,
    printed: DateTime,
) -> Result<Vec<u8>, ExportError> {
    let record = record::record(records, order, language, printed);
    match format {
        Format::Pdf => engine::pdf(RECORD_TEMPLATE, &record),
        Format::Html => Ok(html::page(&record).into_bytes()),
    }
}

const RECORD_TEMPLATE: engine::Template = engine::Template {
    name: "/record.typ",
    source: include_str!("../../assets/typst/record.typ"),
};
