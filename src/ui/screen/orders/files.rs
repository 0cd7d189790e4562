//! The orders screen's work with files, through the app: importing a CSV file, writing a
//! QC record, attaching photos, and hearing how a save went.

use std::path::PathBuf;

use super::{Note, Orders, PhotoFor, RecordFormat};
use crate::export;
use crate::model::Order;
use crate::store::Attachment;
use crate::ui::request::{FileKind, Job, Request, Saved};
use crate::ui::screen::Context;
use crate::ui::screen::orders::words::OrderWords;
use crate::ui::text::fill;

/// File work on the orders screen, and its answers.
#[derive(Debug, Clone)]
pub enum Message {
    /// The Import button.
    Import,
    /// A CSV file picked to import, or none.
    CsvPicked(Option<PathBuf>),
    /// How far the import has come.
    Importing(usize, usize),
    /// The import is over: what happened, or why not.
    Imported(Result<String, String>),
    /// A QC record button of the order in front.
    Record(RecordFormat),
    /// Where to save this order's QC record, or nowhere.
    RecordPlaced {
        order: String,
        format: RecordFormat,
        path: Option<PathBuf>,
    },
    /// The QC record is written there, or why not.
    RecordWritten(PathBuf, Result<(), String>),
    /// A photo file picked for a check item or the defect, or none.
    PhotoPicked(PhotoFor, Option<PathBuf>),
    /// A photo copied into the workspace (its path there), or why not.
    PhotoAttached(PhotoFor, Result<String, String>),
    /// How saving this order went.
    Saved(Box<Order>, Saved),
}

impl Orders {
    /// Handles the answers of dialogs, the store and workers.
    pub(super) fn files(&mut self, message: Message, ctx: &Context) -> Request<super::Message> {
        let words = OrderWords::of(ctx.language);
        match message {
            Message::Import => {
                Request::pick_file(FileKind::Csv, |csv| own(Message::CsvPicked(csv)))
            }
            Message::CsvPicked(None)
            | Message::RecordPlaced { path: None, .. }
            | Message::PhotoPicked(_, None) => Request::None,
            Message::CsvPicked(Some(csv)) => {
                self.import = Some((0, 0));
                Request::Run(Job::Import {
                    csv,
                    summary: words.imported,
                    progress: std::sync::Arc::new(|done, total| {
                        own(Message::Importing(done, total))
                    }),
                    done: Box::new(|outcome| own(Message::Imported(outcome))),
                })
            }
            Message::Importing(done, total) => {
                self.import = Some((done, total));
                Request::None
            }
            Message::Imported(outcome) => {
                self.import = None;
                self.report(outcome);
                Request::None
            }
            Message::Record(format) => {
                let Some(order) = self.selected.clone() else {
                    return Request::None;
                };
                let extension = match format {
                    RecordFormat::Pdf => "pdf",
                    RecordFormat::Html => "html",
                };
                Request::PickPlace {
                    name: format!("{order}.{extension}"),
                    extension,
                    reply: Box::new(move |path| {
                        own(Message::RecordPlaced {
                            order,
                            format,
                            path,
                        })
                    }),
                }
            }
            Message::RecordPlaced {
                order,
                format,
                path: Some(path),
            } => match record(ctx, &order, format) {
                Ok(bytes) => Request::Write {
                    bytes,
                    path: path.clone(),
                    reply: Box::new(move |written| own(Message::RecordWritten(path, written))),
                },
                Err(error) => {
                    self.message = Some(Note::Error(error));
                    Request::None
                }
            },
            Message::RecordWritten(path, written) => {
                let saved = fill(words.record_saved, &[("path", &path.display().to_string())]);
                self.report(written.map(|()| saved));
                Request::None
            }
            Message::PhotoPicked(photo, Some(file)) => {
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
            Message::PhotoAttached(_, Err(error)) | Message::Saved(_, Saved::Failed(error)) => {
                self.tell(error);
                Request::None
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

    fn report(&mut self, outcome: Result<String, String>) {
        self.message = Some(match outcome {
            Ok(done) => Note::Done(done),
            Err(error) => Note::Error(error),
        });
    }
}

/// One of these messages, as the orders screen's.
fn own(message: Message) -> super::Message {
    super::Message::Files(message)
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
