//! Procedures in from documents: Word (.docx), Markdown (.md) and plain or pasted text.
//!
//! Each kind is first turned into one neutral outline (headings, numbered items, bullets,
//! paragraphs: [`outline::Block`]), and one set of reading rules ([`outline::read_outline`])
//! turns that into procedures, so a Word manual and a wiki page are read the same way.
//! [`read`] is pure; [`drafts`] makes the records; [`import_file`] writes them through the
//! store, all or nothing.

mod docx;
mod markdown;
mod outline;
mod spec;
mod text;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use outline::{LeftOut, LeftOutWhy, Read, ReadStep};
pub use spec::{Standard, find_standard};

use crate::model::{Change, Date, Language, Procedure, Records, Role, Status, Step, fresh_id};
use crate::store::document::{BroughtError, read_document};
use crate::store::{Folder, SaveError};

/// Larger documents are refused before they are read: a manual with photos is a few MiB.
pub const MAX_DOCUMENT_BYTES: u64 = 50 * 1024 * 1024;

/// The kinds of document procedures are read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `.docx` (and `.doc`, only to say it must be saved as `.docx`).
    Word,
    /// `.md`, `.markdown`.
    Markdown,
    /// `.txt`, and text pasted in the window.
    Text,
}

impl Kind {
    /// The kind a file's extension says, or `None` (a `.csv` is orders).
    pub fn of(path: &Path) -> Option<Kind> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "docx" | "doc" => Some(Kind::Word),
            "md" | "markdown" => Some(Kind::Markdown),
            "txt" => Some(Kind::Text),
            _ => None,
        }
    }
}

/// Why a document gave no procedures. Nothing is written in any of these cases.
#[derive(Debug, Clone, thiserror::Error)]
pub enum DocumentError {
    /// The file could not be read.
    #[error("could not read {file}: {source}")]
    Read {
        /// The file, as the person named it.
        file: String,
        /// The system's reason.
        source: Arc<io::Error>,
    },
    /// The file is over [`MAX_DOCUMENT_BYTES`].
    #[error("{file} is {} MiB; at most {} MiB can be imported", bytes / (1024 * 1024), MAX_DOCUMENT_BYTES / (1024 * 1024))]
    TooLarge {
        /// The file.
        file: String,
        /// Its size.
        bytes: u64,
    },
    /// A `.docx` that is no Word document.
    #[error(
        "{file} is not a Word document (.docx); open it in Word and save it as a Word document"
    )]
    NotWord {
        /// The file.
        file: String,
    },
    /// A Word 97-2003 file.
    #[error(
        "{file} is an old Word file (.doc); open it in Word and save it as a Word document (.docx)"
    )]
    OldWord {
        /// The file.
        file: String,
    },
    /// An encrypted Word file.
    #[error(
        "{file} is password-protected; open it in Word, remove the password and save it, then import it again"
    )]
    Password {
        /// The file.
        file: String,
    },
    /// A Word file whose zip or XML does not read.
    #[error("{file} is damaged: {why}")]
    Damaged {
        /// The file.
        file: String,
        /// What did not read.
        why: String,
    },
    /// Text that is not UTF-8.
    #[error("{file}:{line}: this is not UTF-8 text; save the file as UTF-8 and import it again")]
    NotUtf8 {
        /// The file.
        file: String,
        /// The line of the first byte that is not.
        line: usize,
    },
    /// A document with no text.
    #[error("{file} is empty: there is no text in it")]
    Empty {
        /// The file.
        file: String,
    },
    /// A document with text but no numbered steps.
    #[error(
        "{file} has no steps: a procedure's steps are numbered items (`1.`, `1)` or Word's numbering) under a heading"
    )]
    NoSteps {
        /// The file.
        file: String,
    },
}

/// What a document holds: its procedures as read, and what no procedure took.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reading {
    /// The procedures, in the document's order.
    pub procedures: Vec<Read>,
    /// Headings without steps, warnings before any step.
    pub left_out: Vec<LeftOut>,
}

/// Reads a document's bytes; `file` names it in errors and titles a document with no heading
/// (its stem is used).
pub fn read(bytes: &[u8], kind: Kind, file: &str) -> Result<Reading, DocumentError> {
    let named = || file.to_owned();
    let blocks = match kind {
        Kind::Word => docx::outline(bytes).map_err(|refusal| match refusal {
            docx::Refusal::NotWord => DocumentError::NotWord { file: named() },
            docx::Refusal::OldWord => DocumentError::OldWord { file: named() },
            docx::Refusal::Password => DocumentError::Password { file: named() },
            docx::Refusal::Damaged(why) => DocumentError::Damaged { file: named(), why },
        })?,
        Kind::Markdown | Kind::Text => {
            let text = std::str::from_utf8(bytes).map_err(|error| DocumentError::NotUtf8 {
                file: named(),
                line: 1 + bytes[..error.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count(),
            })?;
            if kind == Kind::Markdown {
                markdown::outline(text)
            } else {
                text::outline(text)
            }
        }
    };
    reading(&blocks, file)
}

/// Reads text pasted in the window, read as plain text (Markdown's `#` and `1.` read the same).
pub fn read_pasted(text: &str, name: &str) -> Result<Reading, DocumentError> {
    reading(&text::outline(text), name)
}

fn reading(blocks: &[outline::Block], file: &str) -> Result<Reading, DocumentError> {
    if blocks.iter().all(|block| block.text.trim().is_empty()) {
        return Err(DocumentError::Empty {
            file: file.to_owned(),
        });
    }
    let untitled = Path::new(file)
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or(file);
    let (procedures, left_out) = outline::read_outline(blocks, untitled);
    if procedures.is_empty() {
        return Err(DocumentError::NoSteps {
            file: file.to_owned(),
        });
    }
    Ok(Reading {
        procedures,
        left_out,
    })
}

/// The change note of an imported draft, in the workspace's language.
pub fn note(language: Language, source: &str) -> String {
    match language {
        Language::En => format!("Imported from {source}"),
        Language::Nl => format!("Geïmporteerd uit {source}"),
    }
}

/// Draft procedures of revision 1 from what was read, owned by `owner`, with the change note
/// `note` on `on`. Ids follow the titles, never one `taken` says exists, nor each other's.
pub fn drafts(
    read: &[Read],
    owner: &str,
    on: Date,
    note: &str,
    taken: impl Fn(&str) -> bool,
) -> Vec<Procedure> {
    let mut made: Vec<Procedure> = Vec::with_capacity(read.len());
    for procedure in read {
        let id = fresh_id(&procedure.title, "procedure", |id| {
            taken(id) || made.iter().any(|p| p.id == id)
        });
        let mut steps: Vec<Step> = Vec::with_capacity(procedure.steps.len());
        for step in &procedure.steps {
            let id = fresh_id(&step.text, "step", |id| steps.iter().any(|s| s.id == id));
            steps.push(Step {
                id,
                text: step.text.trim().to_owned(),
                spec: step.standard.as_ref().map(|s| s.spec.clone()),
                warning: step.warning.clone().filter(|w| !w.trim().is_empty()),
                photos: Vec::new(),
            });
        }
        made.push(Procedure {
            id,
            title: procedure.title.trim().to_owned(),
            purpose: procedure.purpose.trim().to_owned(),
            scope: procedure.scope.trim().to_owned(),
            owner: owner.to_owned(),
            revision: 1,
            status: Status::Draft,
            review_by: None,
            steps,
            changes: vec![Change {
                revision: 1,
                on,
                by: owner.to_owned(),
                note: note.to_owned(),
                retrain: true,
            }],
        });
    }
    made
}

/// Whether a procedure id is in use in any form: current, archived, or a file that did not read.
pub fn taken_in(folder: &Folder) -> impl Fn(&str) -> bool + '_ {
    move |id: &str| {
        let records = folder.records();
        records.procedures.iter().any(|p| p.id == id)
            || records.archived_procedures.iter().any(|p| p.id == id)
            || folder.is_broken(&format!("procedures/{id}.ron"))
    }
}

/// The owner an import is written by: `who` (an id or a name) when given, else the first
/// Owner who has not left. Only an Owner who has not left may: the draft's change is theirs.
pub fn importer(records: &Records, who: Option<&str>) -> Result<String, String> {
    let staff = &records.workspace.staff;
    let owners = || {
        staff
            .iter()
            .filter(|p| p.role == Role::Owner && p.left.is_none())
    };
    let Some(who) = who else {
        return owners()
            .next()
            .map(|p| p.id.clone())
            .ok_or_else(|| "the workspace has no Owner who has not left".to_owned());
    };
    let person = staff
        .iter()
        .find(|p| p.id == who || p.name.eq_ignore_ascii_case(who.trim()))
        .ok_or_else(|| format!("\"{who}\" is nobody on the staff"))?;
    if person.role != Role::Owner || person.left.is_some() {
        return Err(format!(
            "{} may not import procedures: only an Owner who has not left may",
            person.name
        ));
    }
    Ok(person.id.clone())
}

/// Why an import of procedures did not happen.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ProcedureImportError {
    /// The document gave no procedures.
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// The workspace cannot be opened, does not read or is read-only.
    #[error(transparent)]
    Workspace(#[from] super::ImportError),
    /// The person to import as is not an Owner on the staff.
    #[error("{0}")]
    Importer(String),
    /// Writing failed; nothing was written.
    #[error("{0}\nnothing was imported")]
    Save(SaveError),
}

/// Reads the document at `path` and writes its procedures into the workspace at `root` as
/// drafts by `who` on `on`: all of them or, when anything is wrong, none.
pub fn import_file(
    root: &Path,
    path: &Path,
    who: Option<&str>,
    on: Date,
) -> Result<(Vec<Procedure>, Vec<LeftOut>), ProcedureImportError> {
    let kind = Kind::of(path).unwrap_or(Kind::Text);
    let file = path.display().to_string();
    let bytes = read_document(path, MAX_DOCUMENT_BYTES).map_err(|error| match error {
        BroughtError::Io { source, .. } => DocumentError::Read {
            file: file.clone(),
            source,
        },
        BroughtError::TooLarge { bytes, .. } => DocumentError::TooLarge {
            file: file.clone(),
            bytes,
        },
    })?;
    let reading = read(&bytes, kind, &file)?;
    let mut folder = Folder::open(root).map_err(super::ImportError::from)?;
    super::refuse_unreadable_workspace(&folder)?;
    let records = folder.records();
    let owner = importer(records, who).map_err(ProcedureImportError::Importer)?;
    let language = Language::from_code(&records.workspace.language).unwrap_or_default();
    let name = file_name(path);
    let made = drafts(
        &reading.procedures,
        &owner,
        on,
        &note(language, &name),
        taken_in(&folder),
    );
    folder
        .save_new(made.clone())
        .map_err(ProcedureImportError::Save)?;
    Ok((made, reading.left_out))
}

/// The file's own name, as a change note says it.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| PathBuf::from(path), PathBuf::from)
        .display()
        .to_string()
}
