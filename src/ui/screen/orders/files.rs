//! The orders screen's work with files, through the app: importing a CSV file, writing a
//! QC record, attaching photos, and hearing how a save went. Where a file dialog cannot
//! open, the path is typed instead.

use std::path::PathBuf;

use iced::Element;

use super::intake::{Event, Intake, Message as IntakeMessage, say};
use super::{Note, Orders, Pane, PhotoFor, RecordFormat};
use crate::export;
use crate::import::ImportError;
use crate::model::Order;
use crate::store::Attachment;
use crate::ui::request::{FileKind, Job, NoDialog, Picked, Record, Request, Saved};
use crate::ui::screen::Context;
use crate::ui::screen::file_place::{self, PathField, Taken};
use crate::ui::text::Language;

/// File work on the orders screen, and its answers.
#[derive(Debug, Clone)]
pub enum Message {
    /// The Import button.
    Import,
    /// Type the CSV file's path instead of picking it in a dialog.
    TypeCsv,
    /// What came of the dialog for a CSV file to import.
    CsvPicked(Picked),
    /// The CSV file read for its preview, or why it could not be.
    SheetRead(PathBuf, Result<Box<crate::import::Sheet>, ImportError>),
    /// A message of the preview.
    Intake(super::intake::Message),
    /// Saving everything was asked while the preview is open: say that only its Import
    /// writes it.
    ImportFirst,
    /// How saving the mapping the preview chose went; the import waits for it.
    MappingSaved(Saved),
    /// How far the import has come.
    Importing(usize, usize),
    /// The import is over: what happened, or why not.
    Imported(Result<crate::import::Summary, ImportError>),
    /// A QC record button of the order in front.
    Record(RecordFormat),
    /// Type where to save the QC record of the order in front instead of picking it.
    TypeRecord,
    /// What came of the dialog for where to save this order's QC record.
    RecordPlaced {
        order: String,
        format: RecordFormat,
        path: Picked,
    },
    /// The QC record is written there, or why not.
    RecordWritten(PathBuf, Result<(), String>),
    /// What came of the dialog for a photo for a check item or the defect.
    PhotoPicked(PhotoFor, Picked),
    /// A photo copied into the workspace (its path there), or why not.
    PhotoAttached(PhotoFor, Result<String, String>),
    /// How saving this order went.
    Saved(Box<Order>, Saved),
    /// The typed path's field.
    Path(file_place::Message),
    /// Open a written document, or its folder.
    Document(file_place::Saved),
    /// Why a written document or its folder did not open.
    NotOpened(String),
}

/// What a typed path is for.
#[derive(Debug, Clone)]
pub(super) enum Typed {
    Csv,
    Record { order: String, format: RecordFormat },
    Photo(PhotoFor),
}

impl Typed {
    /// An empty field for this, with why no dialog showed.
    fn field(&self, why: Option<NoDialog>) -> PathField {
        match self {
            Typed::Csv | Typed::Photo(_) => PathField::to_open(why),
            Typed::Record { order, format } => {
                PathField::to_save(&format!("{order}.{}", extension(*format)), why)
            }
        }
    }

    /// The answer a dialog for this would have given.
    fn answer(self, path: Picked) -> Message {
        match self {
            Typed::Csv => Message::CsvPicked(path),
            Typed::Record { order, format } => Message::RecordPlaced {
                order,
                // A typed name says the form: ".html" writes the web page.
                format: match &path {
                    Picked::Path(path) => format_of(path).unwrap_or(format),
                    _ => format,
                },
                path,
            },
            Typed::Photo(photo) => Message::PhotoPicked(photo, path),
        }
    }
}

impl Orders {
    /// Handles the answers of dialogs, the store and workers.
    pub(super) fn files(&mut self, message: Message, ctx: &Context) -> Request<super::Message> {
        match message {
            // A preview set aside comes back first, as New brings back a new order begun.
            Message::Import if self.resume_intake() => Request::None,
            Message::Import => {
                Request::pick_file(FileKind::Csv, |csv| own(Message::CsvPicked(csv)))
            }
            Message::TypeCsv => self.type_path(Typed::Csv, None),
            Message::CsvPicked(Picked::Path(csv)) => {
                self.typed = None;
                let path = csv.clone();
                Request::Run(Job::ReadSheet {
                    csv,
                    done: Box::new(move |sheet| own(Message::SheetRead(path, sheet))),
                })
            }
            Message::SheetRead(csv, Ok(sheet)) => {
                // Another file picked takes the place of the preview before it.
                self.parked_intake = None;
                if matches!(self.pane, Pane::Intake(_)) {
                    self.pane = Pane::Empty;
                }
                self.park();
                self.message = None;
                let intake = Intake::new(csv, *sheet, &ctx.records.workspace);
                self.pane = Pane::Intake(Box::new(intake));
                Request::None
            }
            Message::SheetRead(_, Err(error)) => {
                self.tell(say::lines(&error, ctx.language).join("\n"));
                Request::None
            }
            Message::Intake(message) => self.intake(message, ctx),
            Message::ImportFirst => {
                self.resume_intake();
                self.message = Some(Note::WindowWord(|words| words.import_not_saved));
                Request::None
            }
            Message::MappingSaved(Saved::Done) => match self.waiting.take() {
                Some((csv, choices)) => self.run_import(csv, choices),
                None => Request::None,
            },
            Message::MappingSaved(Saved::Failed(error) | Saved::TookDisk(Some(error))) => {
                self.waiting = None;
                self.tell(error);
                Request::None
            }
            Message::MappingSaved(Saved::TookDisk(None)) => {
                // workspace.ron changed on disk and the user took that: the preview reads
                // the file again under the workspace as it is now.
                self.waiting = None;
                Request::None
            }
            Message::Importing(done, total) => {
                self.import = Some((done, total));
                Request::None
            }
            Message::Imported(outcome) => {
                self.import = None;
                self.report(outcome, ctx.language);
                Request::None
            }
            Message::Record(format) => self.place_record(format),
            Message::TypeRecord => match self.selected.clone() {
                Some(order) => self.type_path(
                    Typed::Record {
                        order,
                        format: RecordFormat::Pdf,
                    },
                    None,
                ),
                None => Request::None,
            },
            Message::RecordPlaced {
                order,
                format,
                path: Picked::Path(path),
            } => self.write_record(ctx, &order, format, path),
            Message::RecordWritten(path, written) => {
                self.typed = None;
                self.message = Some(match written {
                    Ok(()) => Note::Written(path),
                    Err(error) => Note::Error(error),
                });
                Request::None
            }
            Message::PhotoPicked(photo, Picked::Path(file)) => {
                self.typed = None;
                let Some(order) = self.order(ctx) else {
                    return Request::None;
                };
                let month = Attachment::Month(order.placed.month_folder());
                Request::attach(file, month, move |attached| {
                    own(Message::PhotoAttached(photo, attached))
                })
            }
            Message::PhotoAttached(photo, Ok(path)) => {
                self.photo_attached(photo, path);
                Request::None
            }
            Message::PhotoAttached(_, Err(error))
            | Message::Saved(_, Saved::Failed(error))
            | Message::NotOpened(error) => {
                self.tell(error);
                Request::None
            }
            Message::CsvPicked(picked) => self.not_picked(Typed::Csv, &picked),
            Message::RecordPlaced {
                order,
                format,
                path,
            } => self.not_picked(Typed::Record { order, format }, &path),
            Message::PhotoPicked(photo, picked) => self.not_picked(Typed::Photo(photo), &picked),
            Message::Path(message) => self.typed_path(message, ctx),
            Message::Document(document) => {
                document.request(ctx.language, |why| own(Message::NotOpened(why)))
            }
            Message::Saved(order, Saved::Done) => self.saved(&order, ctx),
            Message::Saved(order, Saved::TookDisk(error)) => {
                self.show_as_saved(&order.id);
                if let Some(error) = error {
                    self.tell(error);
                }
                Request::None
            }
        }
    }

    /// Asks where to save the QC record of the order in front, in `format`.
    fn place_record(&self, format: RecordFormat) -> Request<super::Message> {
        let Some(order) = self.selected.clone() else {
            return Request::None;
        };
        let extension = extension(format);
        Request::pick_place(format!("{order}.{extension}"), extension, move |path| {
            own(Message::RecordPlaced {
                order,
                format,
                path,
            })
        })
    }

    /// Typesets `order`'s QC record and writes it at `path`.
    fn write_record(
        &mut self,
        ctx: &Context,
        order: &str,
        format: RecordFormat,
        path: PathBuf,
    ) -> Request<super::Message> {
        match record(ctx, order, format) {
            Ok(bytes) => Request::Write {
                bytes,
                path: path.clone(),
                reply: Box::new(move |written| own(Message::RecordWritten(path, written))),
            },
            Err(error) => {
                self.message = Some(Note::Error(error));
                Request::None
            }
        }
    }

    /// Shows the path field for `typed`, with why no dialog showed, if none did.
    fn type_path(&mut self, typed: Typed, why: Option<NoDialog>) -> Request<super::Message> {
        self.typed = Some((typed.clone(), typed.field(why)));
        Request::Focus(file_place::PATH_INPUT.to_owned())
    }

    /// A dialog came back with no path: nothing happens on a cancel; where no dialog
    /// showed, the path field does.
    fn not_picked(&mut self, typed: Typed, picked: &Picked) -> Request<super::Message> {
        match picked {
            Picked::CouldNotOpen(why) => self.type_path(typed, Some(*why)),
            Picked::Path(_) | Picked::Cancelled => Request::None,
        }
    }

    /// A message of the path field; a path taken goes where a dialog's would have.
    fn typed_path(
        &mut self,
        message: file_place::Message,
        ctx: &Context,
    ) -> Request<super::Message> {
        let Some((typed, field)) = &mut self.typed else {
            return Request::None;
        };
        match field.update(message) {
            Taken::Path(path) => {
                let answer = typed.clone().answer(Picked::Path(path));
                self.files(answer, ctx)
            }
            Taken::Cancelled => {
                self.typed = None;
                Request::None
            }
            Taken::Not => Request::None,
        }
    }

    /// The path field, where one is open.
    pub(super) fn typed_view(&self, language: Language) -> Option<Element<'_, super::Message>> {
        self.typed
            .as_ref()
            .map(|(_, field)| field.view(language).map(|m| own(Message::Path(m))))
    }

    /// A message of the preview; its Import saves the mapping first where there is one.
    fn intake(&mut self, message: IntakeMessage, ctx: &Context) -> Request<super::Message> {
        let Pane::Intake(intake) = &mut self.pane else {
            return Request::None;
        };
        match intake.update(message, &ctx.records.workspace) {
            Event::None => Request::None,
            Event::Cancel => {
                self.pane = Pane::Empty;
                Request::None
            }
            Event::Import {
                csv,
                choices,
                remember: None,
            } => self.run_import(csv, *choices),
            Event::Import {
                csv,
                choices,
                remember: Some(workspace),
            } => {
                self.waiting = Some((csv, *choices));
                Request::save(Record::Workspace(workspace), |saved| {
                    own(Message::MappingSaved(saved))
                })
            }
        }
    }

    /// Brings the preview set aside back to the front, setting aside what is there;
    /// `false` when none is set aside.
    fn resume_intake(&mut self) -> bool {
        let Some(intake) = self.parked_intake.take() else {
            return false;
        };
        self.park();
        self.message = None;
        self.pane = Pane::Intake(intake);
        true
    }

    /// Imports `csv` on a worker, the preview closed and the progress under the buttons.
    fn run_import(
        &mut self,
        csv: PathBuf,
        choices: crate::import::Choices,
    ) -> Request<super::Message> {
        self.pane = Pane::Empty;
        self.import = Some((0, 0));
        Request::Run(Job::Import {
            csv,
            choices,
            progress: std::sync::Arc::new(|done, total| own(Message::Importing(done, total))),
            done: Box::new(|outcome| own(Message::Imported(outcome))),
        })
    }

    fn report(&mut self, outcome: Result<crate::import::Summary, ImportError>, language: Language) {
        self.message = Some(match outcome {
            Ok(summary) => Note::Imported(summary),
            Err(error) => Note::Error(say::refused(&error, language)),
        });
    }
}

/// One of these messages, as the orders screen's.
fn own(message: Message) -> super::Message {
    super::Message::Files(message)
}

/// The file extension of a QC record in `format`.
fn extension(format: RecordFormat) -> &'static str {
    match format {
        RecordFormat::Pdf => "pdf",
        RecordFormat::Html => "html",
    }
}

/// The form a file name asks for, by its extension.
fn format_of(path: &std::path::Path) -> Option<RecordFormat> {
    let extension = path.extension()?.to_string_lossy().to_lowercase();
    match extension.as_str() {
        "pdf" => Some(RecordFormat::Pdf),
        "html" | "htm" => Some(RecordFormat::Html),
        _ => None,
    }
}

/// An order's QC record, typeset.
fn record(ctx: &Context, order: &str, format: RecordFormat) -> Result<Vec<u8>, String> {
    let order = ctx
        .records
        .orders
        .iter()
        .find(|o| o.id == order)
        .ok_or_else(|| format!("order {order} is no longer in the workspace"))?;
    let format = match format {
        RecordFormat::Pdf => export::Format::Pdf,
        RecordFormat::Html => export::Format::Html,
    };
    export::order_record(ctx.records, order, format, ctx.language, ctx.now)
        .map_err(|error| error.to_string())
}
