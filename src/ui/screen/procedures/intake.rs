//! "Import procedures…": procedures from a Word, Markdown or text file, or from pasted text,
//! read by [`crate::import::document`] and shown first: each procedure's title, steps,
//! specs and warnings editable, each taken or not. Only then are the taken ones written,
//! as drafts, all or none.

use iced::widget::text_editor;

use super::form::{SpecField, SpecForm, StepForm, spec_error};
use super::words::IntakeWords;
use crate::import::document::{
    self, DocumentError, LeftOut, LeftOutWhy, Read, ReadStep, Reading, Standard,
};
use crate::model::{Language, Spec};
use crate::ui::request::{FileKind, Job, Picked, Request};
use crate::ui::screen::file_place::{self, PathField, Taken};
use crate::ui::screen::{Context, Unsaved, shown_number, typed_number};
use crate::ui::text::fill;

pub mod view;

/// The import, from choosing what to read to writing what was taken.
#[derive(Debug, Default)]
pub struct Intake {
    /// The text pasted to read.
    pasted: text_editor::Content,
    /// The path being typed where no file dialog could open.
    typed: Option<PathField>,
    /// What was read, to look over; `None` while choosing.
    preview: Option<Preview>,
    /// A file is being read, or the drafts written.
    busy: bool,
    /// The name of the file being read.
    file: Option<String>,
    /// Why the last step did not work.
    error: Option<String>,
}

/// What a document held, as it will be written once looked over.
#[derive(Debug, Clone, PartialEq)]
struct Preview {
    /// The file's name, or "pasted text": the change note says it.
    source: Source,
    drafts: Vec<Draft>,
    left_out: Vec<LeftOut>,
}

#[derive(Debug, Clone, PartialEq)]
enum Source {
    File(String),
    Pasted,
}

/// One procedure found, as typed over.
#[derive(Debug, Clone, PartialEq)]
struct Draft {
    take: bool,
    title: String,
    purpose: String,
    scope: String,
    steps: Vec<StepForm>,
    /// Per step: the words its spec was read from.
    found: Vec<Option<String>>,
}

/// What the user did in the import.
#[derive(Debug, Clone)]
pub enum Message {
    /// Open the import ("Import procedures…").
    Open,
    /// Pick a file in a dialog.
    Choose,
    /// Type the file's path instead.
    TypePath,
    /// The typed path's field.
    Path(file_place::Message),
    /// What came of the dialog.
    Picked(Picked),
    /// What the file held, or why not.
    Read(Box<Result<Reading, DocumentError>>),
    /// Typing, pasting or moving in the paste field.
    Paste(text_editor::Action),
    /// Read what was pasted.
    ReadPasted,
    Take(usize, bool),
    Title(usize, String),
    StepText(usize, usize, String),
    Warning(usize, usize, String),
    Spec(usize, usize, SpecField, String),
    /// Give a step a standard none was read for.
    AddSpec(usize, usize),
    /// Take a standard read wrongly off a step.
    RemoveSpec(usize, usize),
    /// Back to choosing, dropping what was read.
    Back,
    /// Close the import; nothing is written.
    Cancel,
    /// Write the procedures taken.
    Import,
    /// Saving everything was asked while the preview is open: say that only Import writes it.
    ImportFirst,
    /// The ids written, or why none.
    Imported(Result<Vec<String>, String>),
}

/// What the procedures screen does after an import message.
pub enum Next<M> {
    /// Stay in the import; carry this out.
    Stay(Box<Request<M>>),
    /// Close the import.
    Close,
    /// Close it: these drafts were written.
    Done(Vec<String>),
}

impl Intake {
    /// Handles a message; `own` makes it the screen's.
    pub fn update<M: 'static>(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
        own: fn(Message) -> M,
    ) -> Next<M> {
        let words = IntakeWords::of(ctx.language);
        let request = match message {
            Message::Choose => Request::pick_file(FileKind::Document, move |picked| {
                own(Message::Picked(picked))
            }),
            Message::TypePath => {
                self.typed = Some(PathField::to_open(None));
                Request::None
            }
            Message::Path(message) => match self.typed.as_mut().map(|f| f.update(message)) {
                Some(Taken::Path(path)) => {
                    self.typed = None;
                    self.read_file(path, own)
                }
                Some(Taken::Cancelled) => {
                    self.typed = None;
                    Request::None
                }
                Some(Taken::Not) | None => Request::None,
            },
            Message::Picked(picked) => {
                self.typed = PathField::after(&picked, PathField::to_open);
                match picked {
                    Picked::Path(path) => self.read_file(path, own),
                    Picked::Cancelled | Picked::CouldNotOpen(_) => Request::None,
                }
            }
            Message::Read(read) => {
                self.busy = false;
                match *read {
                    Ok(reading) => {
                        let source = self.file.take().map_or(Source::Pasted, Source::File);
                        self.show(reading, source);
                    }
                    Err(error) => {
                        self.preview = None;
                        self.error = Some(said(&error, ctx.language));
                    }
                }
                Request::None
            }
            Message::Paste(action) => {
                self.pasted.perform(action);
                Request::None
            }
            Message::ReadPasted => {
                match document::read_pasted(&self.pasted.text(), words.pasted, words.untitled) {
                    Ok(reading) => self.show(reading, Source::Pasted),
                    Err(error) => self.error = Some(said(&error, ctx.language)),
                }
                Request::None
            }
            Message::Back => {
                self.preview = None;
                self.error = None;
                Request::None
            }
            Message::Cancel => return Next::Close,
            Message::Open => Request::None,
            Message::ImportFirst => {
                self.error = Some(ctx.words.import_not_saved.to_owned());
                Request::None
            }
            Message::Import => self.import(ctx, own),
            Message::Imported(Ok(ids)) => return Next::Done(ids),
            Message::Imported(Err(why)) => {
                self.busy = false;
                self.error = Some(fill(words.not_imported, &[("why", &why)]));
                Request::None
            }
            edit => {
                if let Some(preview) = &mut self.preview {
                    preview.edit(edit);
                }
                Request::None
            }
        };
        Next::Stay(Box::new(request))
    }

    /// Asks the app to read the file at `path` off the window's thread.
    fn read_file<M: 'static>(
        &mut self,
        path: std::path::PathBuf,
        own: fn(Message) -> M,
    ) -> Request<M> {
        self.busy = true;
        self.error = None;
        // Remembered now, so the answer knows which file it came from.
        self.file = Some(document::file_name(&path));
        Request::Run(Job::ReadDocument {
            path,
            done: Box::new(move |read| own(Message::Read(Box::new(read)))),
        })
    }

    /// What was read and is shown, not imported yet, or text pasted and not read yet: lost
    /// if the window closed now.
    pub fn unsaved(&self) -> Option<Unsaved> {
        let Some(preview) = &self.preview else {
            let pasted = self.pasted.lines().any(|line| !line.text.trim().is_empty());
            return pasted.then_some(Unsaved::PastedText);
        };
        Some(Unsaved::ProcedureImport(match &preview.source {
            Source::File(name) => Some(name.clone()),
            Source::Pasted => None,
        }))
    }

    fn show(&mut self, reading: Reading, source: Source) {
        self.error = None;
        self.preview = Some(Preview {
            source,
            drafts: reading.procedures.iter().map(Draft::of).collect(),
            left_out: reading.left_out,
        });
    }

    /// Turns the taken drafts into procedures and asks the app to write them, all or none.
    fn import<M: 'static>(&mut self, ctx: &Context<'_>, own: fn(Message) -> M) -> Request<M> {
        let words = IntakeWords::of(ctx.language);
        let (Some(preview), Some(me)) = (&self.preview, ctx.me) else {
            return Request::None;
        };
        let read = match preview.to_read(ctx) {
            Ok(read) if read.is_empty() => Err(words.none_taken.to_owned()),
            other => other,
        };
        let read = match read {
            Ok(read) => read,
            Err(why) => {
                self.error = Some(why);
                return Request::None;
            }
        };
        // The note is the workspace's, in its own language, whoever reads the window.
        let language = Language::from_code(&ctx.records.workspace.language).unwrap_or_default();
        let source = match &preview.source {
            Source::File(name) => name.clone(),
            Source::Pasted => IntakeWords::of(language).pasted.to_owned(),
        };
        let records = ctx.records;
        let taken = |id: &str| {
            (records.procedures.iter())
                .chain(&records.archived_procedures)
                .any(|p| p.id == id)
        };
        let note = document::note(language, &source);
        let procedures = document::drafts(&read, &me.id, ctx.today, &note, taken);
        self.busy = true;
        self.error = None;
        Request::Run(Job::ImportProcedures {
            procedures,
            done: Box::new(move |written| own(Message::Imported(written))),
        })
    }
}

impl Draft {
    fn of(read: &Read) -> Self {
        Draft {
            take: true,
            title: read.title.clone(),
            purpose: read.purpose.clone(),
            scope: read.scope.clone(),
            steps: read
                .steps
                .iter()
                .map(|step| StepForm {
                    text: step.text.clone(),
                    warning: step.warning.clone().unwrap_or_default(),
                    spec: step.standard.as_ref().map(|s| spec_form(&s.spec)),
                    ..StepForm::default()
                })
                .collect(),
            found: read
                .steps
                .iter()
                .map(|step| step.standard.as_ref().map(|s| s.found.clone()))
                .collect(),
        }
    }
}

fn spec_form(spec: &Spec) -> SpecForm {
    SpecForm {
        what: spec.what.clone(),
        unit: spec.unit.clone(),
        target: shown_number(spec.target),
        min: shown_number(spec.min),
        max: shown_number(spec.max),
    }
}

fn step(drafts: &mut [Draft], p: usize, s: usize) -> Option<&mut StepForm> {
    drafts.get_mut(p).and_then(|d| d.steps.get_mut(s))
}

impl Preview {
    fn edit(&mut self, message: Message) {
        match message {
            Message::Take(p, take) => {
                if let Some(draft) = self.drafts.get_mut(p) {
                    draft.take = take;
                }
            }
            Message::Title(p, title) => {
                if let Some(draft) = self.drafts.get_mut(p) {
                    draft.title = title;
                }
            }
            Message::StepText(p, s, text) => {
                if let Some(step) = step(&mut self.drafts, p, s) {
                    step.text = text;
                }
            }
            Message::Warning(p, s, warning) => {
                if let Some(step) = step(&mut self.drafts, p, s) {
                    step.warning = warning;
                }
            }
            Message::AddSpec(p, s) => {
                if let Some(step) = step(&mut self.drafts, p, s) {
                    step.spec = Some(SpecForm::default());
                }
            }
            Message::RemoveSpec(p, s) => {
                if let Some(step) = step(&mut self.drafts, p, s) {
                    step.spec = None;
                }
                if let Some(found) = self.drafts.get_mut(p).and_then(|d| d.found.get_mut(s)) {
                    *found = None;
                }
            }
            Message::Spec(p, s, which, value) => {
                if let Some(spec) = step(&mut self.drafts, p, s).and_then(|s| s.spec.as_mut()) {
                    *match which {
                        SpecField::What => &mut spec.what,
                        SpecField::Unit => &mut spec.unit,
                        SpecField::Target => &mut spec.target,
                        SpecField::Min => &mut spec.min,
                        SpecField::Max => &mut spec.max,
                    } = value;
                }
            }
            _ => {}
        }
    }

    /// The taken drafts as read procedures, or what is wrong with what was typed. A step
    /// whose text was emptied is left out.
    fn to_read(&self, ctx: &Context<'_>) -> Result<Vec<Read>, String> {
        let words = IntakeWords::of(ctx.language);
        let mut read = Vec::new();
        for (n, draft) in self.drafts.iter().enumerate().filter(|(_, d)| d.take) {
            let title = draft.title.trim();
            if title.is_empty() {
                return Err(fill(words.no_title, &[("n", &(n + 1).to_string())]));
            }
            let mut steps = Vec::new();
            for (s, step) in draft.steps.iter().enumerate() {
                if step.text.trim().is_empty() {
                    continue;
                }
                let standard = match &step.spec {
                    None => None,
                    Some(spec) => {
                        if let Some(why) = spec_error(spec, ctx.words) {
                            let at = [("title", title), ("n", &(s + 1).to_string()), ("why", &why)];
                            return Err(fill(words.bad_spec, &at));
                        }
                        let number = |typed: &str| typed_number(typed).ok().flatten();
                        Some(Standard {
                            spec: Spec {
                                what: spec.what.trim().to_owned(),
                                unit: spec.unit.trim().to_owned(),
                                target: number(&spec.target),
                                min: number(&spec.min),
                                max: number(&spec.max),
                            },
                            found: String::new(),
                        })
                    }
                };
                let warning = step.warning.trim();
                steps.push(ReadStep {
                    text: step.text.clone(),
                    warning: (!warning.is_empty()).then(|| warning.to_owned()),
                    standard,
                });
            }
            read.push(Read {
                title: title.to_owned(),
                purpose: draft.purpose.clone(),
                scope: draft.scope.clone(),
                steps,
            });
        }
        Ok(read)
    }
}

/// Why a document gave no procedures, in the window's language.
fn said(error: &DocumentError, language: Language) -> String {
    let words = IntakeWords::of(language);
    let named = |template: &str, file: &str| fill(template, &[("file", name_of(file))]);
    match error {
        DocumentError::Kind { file } => named(words.not_a_kind, file),
        DocumentError::Read { file, source } => fill(
            words.read_failed,
            &[("file", name_of(file)), ("why", &source.to_string())],
        ),
        DocumentError::TooLarge { file, bytes } => fill(
            words.too_large,
            &[
                ("file", name_of(file)),
                ("size", &(bytes / (1024 * 1024)).to_string()),
            ],
        ),
        DocumentError::NotWord { file } => named(words.not_word, file),
        DocumentError::OldWord { file } => named(words.old_word, file),
        DocumentError::Password { file } => named(words.password, file),
        DocumentError::Damaged { file, why } => {
            fill(words.damaged, &[("file", name_of(file)), ("why", why)])
        }
        DocumentError::NotUtf8 { file, line } => fill(
            words.not_utf8,
            &[("file", name_of(file)), ("line", &line.to_string())],
        ),
        DocumentError::Empty { file } => named(words.empty, file),
        DocumentError::NoSteps { file } => named(words.no_steps, file),
    }
}

/// A file's own name, from the path an error carries.
fn name_of(file: &str) -> &str {
    std::path::Path::new(file)
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or(file)
}

/// What a left-out piece says in the preview.
fn left_out_line(left: &LeftOut, words: &IntakeWords) -> String {
    let at = left.line.map_or(String::new(), |n| {
        fill(words.line, &[("n", &n.to_string())])
    });
    let template = match left.why {
        LeftOutWhy::NoSteps => words.left_no_steps,
        LeftOutWhy::WarningBeforeSteps => words.left_warning,
    };
    fill(template, &[("at", &at), ("text", &left.text)])
}
