//! The typst engine: one template, the vendored fonts, and the document's data.
//!
//! The template is the only source typst evaluates. The user's words reach it
//! as JSON in `sys.inputs.data`, so a product called `#set page(width: 1cm)`
//! is printed as those characters, never run. The fonts are compiled into the
//! binary: the same record looks the same on every machine.

use std::sync::OnceLock;

use serde::Serialize;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Dict, IntoValue};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use super::ExportError;

/// A template compiled into the binary, and the name it has in typst's messages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Template {
    /// A path such as `/record.typ`.
    pub name: &'static str,
    /// The typst source.
    pub source: &'static str,
}

/// The vendored fonts (SIL Open Font License, see `assets/fonts/OFL.txt`).
const FONT_FILES: [&[u8]; 3] = [
    include_bytes!("../../assets/fonts/Inter-Regular.otf"),
    include_bytes!("../../assets/fonts/Inter-Bold.otf"),
    include_bytes!("../../assets/fonts/Inter-Italic.otf"),
];

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// Parsed once per process: every document shares them.
fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

/// Everything typst may see while it lays out one document.
struct Sandbox<'a> {
    library: LazyHash<Library>,
    main: Source,
    fonts: &'static Fonts,
    /// Pictures by a path of ours (`photos/3.png`, without the leading `/`).
    files: &'a [(&'a str, &'a [u8])],
}

impl World for Sandbox<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        // Only the pictures the caller handed in: the template gets its data from
        // `sys.inputs`, and nothing from disk.
        let wanted = id.vpath().get_without_slash();
        (self.files.iter())
            .find(|(name, _)| name.trim_start_matches('/') == wanted)
            .map(|(_, bytes)| Bytes::new(bytes.to_vec()))
            .ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        // The caller passes the printed time as data, so the same input gives the same bytes.
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}

/// Lays out `template` with `data` as JSON in `sys.inputs.data`.
pub(crate) fn typeset(
    template: Template,
    data: &impl Serialize,
) -> Result<PagedDocument, ExportError> {
    typeset_with_files(template, data, &[])
}

/// Lays out `template` with `data`, and `files` (pictures, by names of ours such as
/// `/photos/3.png`) for the template's `image(..)` to read.
pub(crate) fn typeset_with_files(
    template: Template,
    data: &impl Serialize,
    files: &[(&str, &[u8])],
) -> Result<PagedDocument, ExportError> {
    let json = serde_json::to_string(data).map_err(|e| ExportError::Data(e.to_string()))?;
    let mut inputs = Dict::new();
    inputs.insert("data".into(), json.into_value());
    let path = VirtualPath::new(template.name)
        .map_err(|e| ExportError::Layout(format!("{}: {e}", template.name)))?;
    let id = FileId::new(RootedPath::new(VirtualRoot::Project, path));
    let sandbox = Sandbox {
        library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
        main: Source::new(id, template.source.to_owned()),
        fonts: fonts(),
        files,
    };
    let result = typst::compile::<PagedDocument>(&sandbox).output;
    // typst memoizes across compiles; a window that exports all day must not keep them all.
    comemo::evict(10);
    result.map_err(|errors| ExportError::Layout(describe(&errors)))
}

/// A PDF of `template` laid out with `data`.
pub(crate) fn pdf(template: Template, data: &impl Serialize) -> Result<Vec<u8>, ExportError> {
    pdf_of(&typeset(template, data)?)
}

/// A laid-out document as PDF bytes.
pub(crate) fn pdf_of(document: &PagedDocument) -> Result<Vec<u8>, ExportError> {
    typst_pdf::pdf(document, &typst_pdf::PdfOptions::default())
        .map_err(|errors| ExportError::Pdf(describe(&errors)))
}

fn describe(errors: &[SourceDiagnostic]) -> String {
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    messages.join("; ")
}
