//! The printable manual: a cover, contents, every procedure in force and a form per
//! checklist, as PDF, HTML or Markdown.

mod book;
mod html;
mod markdown;
mod select;
mod words;

use super::{ExportError, engine};
use crate::model::{Date, Language, Photos, Procedure, Records};

/// The kinds of document a manual can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ManualFormat {
    /// A typeset PDF with contents, page numbers and forms to print.
    Pdf,
    /// One self-contained HTML file that prints a page per procedure and form.
    Html,
    /// Markdown for pasting into a wiki.
    Markdown,
}

impl ManualFormat {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ManualFormat::Pdf => "pdf",
            ManualFormat::Html => "html",
            ManualFormat::Markdown => "md",
        }
    }
}

/// The paper a manual is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

/// What goes into a manual and how it looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManualOptions {
    /// PDF, HTML or Markdown.
    pub format: ManualFormat,
    /// The language of every fixed word; the user's text prints as written.
    pub language: Language,
    /// The paper size (PDF and HTML print).
    pub paper: Paper,
    /// The ids of the procedures to print, in this order; empty prints them all, by title.
    pub procedures: Vec<String>,
    /// Print drafts too (marked as such on every page) instead of the approved revisions.
    pub drafts: bool,
    /// The day printed on the cover, and against which review dates are overdue.
    pub today: Date,
}

/// The procedures a manual with these `drafts` settings would print, by title: for a
/// dialog that lets the user pick some.
pub fn manual_procedures(records: &Records, drafts: bool) -> Vec<&Procedure> {
    select::procedures(records, drafts)
}

const TEMPLATE: engine::Template = engine::Template {
    name: "/manual.typ",
    source: include_str!("../../../assets/typst/manual.typ"),
};

/// The manual of `records` as document bytes, every step photo printed as missing; see
/// [`manual_with_photos`].
pub fn manual(
    records: &Records,
    options: &ManualOptions,
    progress: &dyn Fn(usize, usize),
) -> Result<Vec<u8>, ExportError> {
    manual_with_photos(records, options, &Photos::default(), progress)
}

/// The manual of `records` as document bytes, each step's photos printed beside it from
/// the bytes in `photos` (the store's `Folder::step_photos` reads them; nothing here reads
/// a file); a photo not in `photos`, or not a JPEG or PNG, prints as "photo missing".
///
/// `progress(done, total)` is called as the work goes on, from the calling thread; the
/// same inputs give the same bytes.
pub fn manual_with_photos(
    records: &Records,
    options: &ManualOptions,
    photos: &Photos,
    progress: &dyn Fn(usize, usize),
) -> Result<Vec<u8>, ExportError> {
    let selection = select::select(records, &options.procedures, options.drafts)?;
    // Layout and PDF writing take about as long as all parts together: count them as such.
    let parts = selection.procedures.len() + selection.checklists.len();
    let typeset = match options.format {
        ManualFormat::Pdf => parts.max(1),
        ManualFormat::Html | ManualFormat::Markdown => 0,
    };
    let total = parts + 2 * typeset;
    let mut done = 0;
    progress(done, total);
    let book = book::book(records, &selection, options, photos, &mut || {
        done += 1;
        progress(done, total);
    });
    let bytes = match options.format {
        ManualFormat::Pdf => {
            let document = engine::typeset_with_files(TEMPLATE, &book, &book.photo_files())?;
            progress(parts + typeset, total);
            engine::pdf_of(&document)?
        }
        ManualFormat::Html => html::page(&book).into_bytes(),
        ManualFormat::Markdown => markdown::page(&book).into_bytes(),
    };
    progress(total, total);
    Ok(bytes)
}
