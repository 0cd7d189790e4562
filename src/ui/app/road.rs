//! Carrying out what screens ask for: saves and deletes through the store, files copied
//! in, dialogs, documents written, and jobs on worker threads. Every answer goes back to
//! the asking screen as its own message, wrapped by `wrap` into the window's.

use std::path::{Path, PathBuf};

use iced::Task;
use iced::widget::operation;

use super::desk::Held;
use super::dialog::{self, Dialog};
use super::{Handoff, Message};
use crate::export;
use crate::model::merge::{Clash, Item, Merged, Part, merge_order};
use crate::model::{Order, Records};
use crate::store::resolve::{Left, Outcome};
use crate::store::{Archived, Folder, SaveError};
use crate::ui::request::{FileKind, Job, Picked, Place, Record, Reply, Request, Saved};

/// What carrying a request out left for the window to do.
pub(super) enum Carried {
    /// Run this task; its messages come back later.
    Task(Task<Message>),
    /// Handle this message now: the answer of work done at once.
    Then(Message),
    /// The file changed on disk since it was read: show both versions.
    Conflict(Box<Conflict>),
    /// Handle this message now, and tell the user what a merge with another desk's
    /// change did.
    Merged(Message, Outcome),
    /// Show another screen at this record.
    Show(Place),
}

/// A save refused because the file changed on disk: both versions, for the user to choose.
pub(super) struct Conflict {
    /// The file, relative to the workspace.
    pub relative: String,
    /// The record as this window would write it.
    pub mine: String,
    /// The file as it is on disk.
    pub disk: String,
    /// What the two versions differ in, where that is less than the whole file: the items
    /// of an order both desks changed (none: the whole file).
    pub clashes: Vec<Item>,
    record: Record,
    /// What "take theirs" saves, where it is not simply the file on disk: the order with
    /// the other desk's version of the items both changed, and this desk's other work.
    theirs: Option<Record>,
    reply: Reply<Saved, Message>,
}

/// Carries out `request` on `folder`; `wrap` makes the asking screen's messages the window's.
pub(super) fn carry<M: Send + 'static>(
    folder: &mut Held,
    request: Request<M>,
    wrap: fn(M) -> Message,
) -> Carried {
    let now = |reply: M| Carried::Then(wrap(reply));
    match request {
        Request::None => Carried::Task(Task::none()),
        Request::Focus(id) => Carried::Task(operation::focus(id)),
        Request::Scroll { id, y } => Carried::Task(operation::snap_to(
            id,
            operation::RelativeOffset {
                x: None,
                y: Some(y),
            },
        )),
        Request::Save {
            record,
            archive,
            reply,
        } => save(
            folder.change(),
            record,
            archive,
            Box::new(move |saved| wrap(reply(saved))),
        ),
        Request::Delete { record, reply } => {
            let folder = folder.change();
            let deleted = match &record {
                Record::Procedure(r) => folder.delete(r.as_ref()),
                Record::Checklist(r) => folder.delete(r.as_ref()),
                Record::Order(r) => folder.delete(r.as_ref()),
                // The business itself is never deleted.
                // Neither the business nor anyone's signatures are ever deleted.
                Record::Workspace(_) | Record::Training(_) => {
                    return now(reply(Err(format!("{} is never deleted", record.id()))));
                }
            };
            now(reply(deleted.map_err(|error| error.to_string())))
        }
        Request::Attach { file, to, reply } => now(reply(
            folder
                .change()
                .attach(&file, &to)
                .map_err(|error| error.to_string()),
        )),
        Request::PickFile { kind, reply } => Carried::Task(pick_file(kind, reply, wrap)),
        Request::PickPlace {
            name,
            extension,
            reply,
        } => Carried::Task(pick_place(name, extension, reply, wrap)),
        Request::Write { path, bytes, reply } => now(reply(
            crate::store::document::write_document(&path, &bytes)
                .map_err(|error| error.to_string()),
        )),
        Request::View { path, reply } => Carried::Task(view(path, reply, wrap)),
        Request::Show(place) => Carried::Show(place),
        Request::Run(job) => Carried::Task(run(folder, job, wrap)),
    }
}

/// Saves `record`, archiving the approved revision it supersedes first.
fn save(
    folder: &mut Folder,
    record: Record,
    archive: Option<Record>,
    reply: Reply<Saved, Message>,
) -> Carried {
    let archived = match archive {
        Some(Record::Procedure(old)) => folder.save(Archived(*old)),
        Some(Record::Checklist(old)) => folder.save(Archived(*old)),
        Some(Record::Order(_) | Record::Workspace(_) | Record::Training(_)) | None => Ok(()),
    };
    // Archived already: an earlier save got that far.
    if let Err(error) = archived
        && !matches!(error, SaveError::AlreadyExists { .. })
    {
        return Carried::Then(reply(Saved::Failed(error.to_string())));
    }
    let saved = match &record {
        Record::Procedure(r) => folder.save(r.as_ref().clone()),
        Record::Checklist(r) => folder.save(r.as_ref().clone()),
        Record::Order(r) => return save_order(folder, r.as_ref().clone(), reply),
        Record::Workspace(r) => folder.save(r.as_ref().clone()),
        Record::Training(r) => {
            // Signatures another desk added meanwhile are kept: training records only grow.
            return match folder.save_training_merging(r.as_ref().clone()) {
                Ok(None) => Carried::Then(reply(Saved::Done)),
                Ok(Some(outcome)) => Carried::Merged(reply(Saved::Done), outcome),
                Err(error) => Carried::Then(reply(Saved::Failed(error.to_string()))),
            };
        }
    };
    match saved {
        Ok(()) => Carried::Then(reply(Saved::Done)),
        Err(SaveError::ChangedOnDisk { path }) => Carried::Conflict(Box::new(Conflict {
            disk: folder.disk_text(&path).unwrap_or_default(),
            mine: printed(&record),
            relative: path,
            clashes: Vec::new(),
            record,
            theirs: None,
            reply,
        })),
        Err(error) => Carried::Then(reply(Saved::Failed(error.to_string()))),
    }
}

/// Saves an order, merging what another desk saved in its file meanwhile; only the items
/// both changed differently are shown side by side.
fn save_order(folder: &mut Folder, order: Order, reply: Reply<Saved, Message>) -> Carried {
    let base = folder
        .records()
        .orders
        .iter()
        .find(|o| o.id == order.id)
        .cloned();
    match folder.save_order_merging(base.as_ref(), order.clone()) {
        Ok(None) => Carried::Then(reply(Saved::Done)),
        Ok(Some(Outcome::Left(Left::Clashes(clashes)))) => {
            let disk = folder.records().orders.iter().find(|o| o.id == order.id);
            let merged = |a: &Order, b: &Order| match merge_order(base.as_ref(), a, b) {
                Merged::One(merge) => merge.order,
                Merged::Two { .. } => a.clone(),
            };
            let theirs = disk.map(|disk| merged(disk, &order));
            let ours = disk.map_or_else(|| order.clone(), |disk| merged(&order, disk));
            let side = |part: fn(&Clash) -> &Part| {
                clashes
                    .iter()
                    .map(|c| printed_part(part(c)))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            Carried::Conflict(Box::new(Conflict {
                relative: Folder::path_of(&order).unwrap_or_default(),
                mine: side(|c| &c.ours),
                disk: side(|c| &c.theirs),
                clashes: clashes.iter().map(|c| c.item.clone()).collect(),
                record: Record::Order(Box::new(ours)),
                theirs: theirs.map(|t| Record::Order(Box::new(t))),
                reply,
            }))
        }
        Ok(Some(outcome)) => Carried::Merged(reply(Saved::Done), outcome),
        Err(error) => Carried::Then(reply(Saved::Failed(error.to_string()))),
    }
}

/// One version of an item, as the order's file writes it.
fn printed_part(part: &Part) -> String {
    match part {
        Part::Check(check) => crate::store::format::print(check),
        Part::Defect(defect) => crate::store::format::print(defect.as_ref()),
        Part::Contact(contact) => crate::store::format::print(contact),
    }
}

/// Saves this window's version over the file on disk (of an order: this window's version of
/// the items both changed, with everything else merged).
pub(super) fn keep_mine(folder: &mut Folder, conflict: Conflict) -> Message {
    let saved = match conflict.record {
        Record::Procedure(r) => folder.overwrite(*r),
        Record::Checklist(r) => folder.overwrite(*r),
        Record::Order(r) => folder.overwrite(*r),
        Record::Workspace(r) => folder.overwrite(*r),
        Record::Training(r) => folder.overwrite(*r),
    };
    (conflict.reply)(match saved {
        Ok(()) => Saved::Done,
        Err(error) => Saved::Failed(error.to_string()),
    })
}

/// Takes the file on disk, dropping this window's version (of an order: only of the items
/// both changed; the rest of this window's work is saved with it).
pub(super) fn take_disk(folder: &mut Folder, conflict: Conflict) -> Message {
    if let Some(Record::Order(theirs)) = conflict.theirs {
        let saved = folder.overwrite(*theirs);
        return (conflict.reply)(match saved {
            Ok(()) => Saved::Done,
            Err(error) => Saved::Failed(error.to_string()),
        });
    }
    let relative = &conflict.relative;
    let reloaded = match conflict.record {
        Record::Procedure(_) => folder.reload::<crate::model::Procedure>(relative),
        Record::Checklist(_) => folder.reload::<crate::model::Checklist>(relative),
        Record::Order(_) => folder.reload::<crate::model::Order>(relative),
        Record::Workspace(_) => folder.reload::<crate::model::Workspace>(relative),
        Record::Training(_) => folder.reload::<crate::model::Training>(relative),
    };
    (conflict.reply)(Saved::TookDisk(reloaded.err().map(|e| e.to_string())))
}

/// The record as its file would hold it.
fn printed(record: &Record) -> String {
    match record {
        Record::Procedure(r) => crate::store::format::print(r.as_ref()),
        Record::Checklist(r) => crate::store::format::print(r.as_ref()),
        Record::Order(r) => crate::store::format::print(r.as_ref()),
        Record::Workspace(r) => crate::store::format::print(r.as_ref()),
        Record::Training(r) => crate::store::format::print(r.as_ref()),
    }
}

/// Shows the file dialog for `kind`; its answer goes to `reply`.
fn pick_file<M: Send + 'static>(
    kind: FileKind,
    reply: Reply<Picked, M>,
    wrap: fn(M) -> Message,
) -> Task<Message> {
    let (name, extensions): (&'static str, &'static [&'static str]) = match kind {
        FileKind::Photo => ("Photo", &["jpg", "jpeg", "png", "heic", "webp"]),
        FileKind::StepPhoto => ("JPEG, PNG", &["jpg", "jpeg", "png"]),
        FileKind::Csv => ("CSV", &["csv", "txt"]),
        FileKind::Document => ("Word, Markdown, text", &["docx", "md", "markdown", "txt"]),
    };
    Task::perform(
        dialog::show(Dialog::Open { name, extensions }),
        move |picked| wrap(reply(picked)),
    )
}

/// Shows the save dialog, suggesting `name`; its answer goes to `reply`.
fn pick_place<M: Send + 'static>(
    name: String,
    extension: &'static str,
    reply: Reply<Picked, M>,
    wrap: fn(M) -> Message,
) -> Task<Message> {
    Task::perform(
        dialog::show(Dialog::Save { name, extension }),
        move |picked| wrap(reply(picked)),
    )
}

/// Runs a job on a worker thread; its progress and its end come back as messages.
fn run<M: Send + 'static>(folder: &Folder, job: Job<M>, wrap: fn(M) -> Message) -> Task<Message> {
    let (sender, receiver) = iced::futures::channel::mpsc::unbounded();
    match job {
        Job::Import {
            csv,
            choices,
            progress,
            done,
        } => {
            let root = folder.root().to_path_buf();
            std::thread::spawn(move || {
                let told = |n: usize, total: usize| {
                    let _ = sender.unbounded_send(wrap(progress(n, total)));
                };
                let outcome = crate::import::import_file(&root, &csv, &choices, &told);
                // The window shows every order as it is on disk now.
                if let Ok(folder) = Folder::open(&root) {
                    let _ = sender.unbounded_send(Message::Imported(Handoff::new(folder)));
                }
                let _ = sender.unbounded_send(wrap(done(outcome)));
            });
        }
        Job::ReadDocument { path, done } => {
            std::thread::spawn(move || {
                let read = crate::import::document::read_file(&path);
                let _ = sender.unbounded_send(wrap(done(read)));
            });
        }
        Job::ImportProcedures { procedures, done } => {
            let root = folder.root().to_path_buf();
            std::thread::spawn(move || {
                let ids = procedures.iter().map(|p| p.id.clone()).collect();
                let written = Folder::open(&root)
                    .map_err(|error| error.to_string())
                    .and_then(|mut folder| {
                        folder
                            .save_new(procedures)
                            .map_err(|error| error.to_string())?;
                        Ok(folder)
                    });
                let outcome = written.map(|folder| {
                    // The window shows the new drafts as they are on disk now.
                    let _ = sender.unbounded_send(Message::Imported(Handoff::new(folder)));
                    ids
                });
                let _ = sender.unbounded_send(wrap(done(outcome)));
            });
        }
        Job::ReadSheet { csv, done } => {
            std::thread::spawn(move || {
                let outcome = crate::import::read_sheet(&csv).map(Box::new);
                let _ = sender.unbounded_send(wrap(done(outcome)));
            });
        }
        Job::Manual {
            options,
            path,
            progress,
            done,
        } => {
            let records = manual_records(folder.records());
            // Drafts print from procedures/, approved revisions under a draft from the
            // archive; a handful of pictures, read before the worker starts.
            let photos = folder.step_photos(
                records
                    .procedures
                    .iter()
                    .chain(&records.archived_procedures),
            );
            std::thread::spawn(move || {
                let told = |n: usize, total: usize| {
                    let _ = sender.unbounded_send(wrap(progress(n, total)));
                };
                let outcome = export::manual_with_photos(&records, &options, &photos, &told)
                    .map_err(|error| error.to_string())
                    .and_then(|bytes| {
                        crate::store::document::write_document(&path, &bytes)
                            .map_err(|error| error.to_string())
                    })
                    .map(|()| path);
                let _ = sender.unbounded_send(wrap(done(outcome)));
            });
        }
    }
    Task::run(receiver, |message| message)
}

/// What a manual reads: the business, its procedures and checklists, never the orders,
/// so the worker gets a small copy however many orders there are.
fn manual_records(records: &Records) -> Records {
    let mut copy = Records::new(records.workspace.clone());
    copy.procedures = records.procedures.clone();
    copy.checklists = records.checklists.clone();
    copy.archived_procedures = records.archived_procedures.clone();
    copy.archived_checklists = records.archived_checklists.clone();
    copy.training = records.training.clone();
    copy
}

/// Opens `path` with the program the system uses for it, off the window's thread: the
/// program may run until its window closes. Only a failure comes back, to `failed`.
fn view<M: Send + 'static>(
    path: PathBuf,
    failed: Reply<String, M>,
    wrap: fn(M) -> Message,
) -> Task<Message> {
    let (sender, receiver) = iced::futures::channel::mpsc::unbounded();
    std::thread::spawn(move || {
        if let Err(why) = open_with_system(&path) {
            let _ = sender.unbounded_send(wrap(failed(why)));
        }
    });
    Task::run(receiver, |message| message)
}

/// Runs the system's opener on `path` and waits for its verdict.
fn open_with_system(path: &Path) -> Result<(), String> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    let status = std::process::Command::new(program)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .status()
        .map_err(|error| format!("{program}: {error}"))?;
    // Explorer says 1 even when it opened the file.
    if status.success() || cfg!(target_os = "windows") {
        Ok(())
    } else {
        Err(format!("{program}: {status}"))
    }
}
