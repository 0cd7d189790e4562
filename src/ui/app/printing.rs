//! The app's side of printing the manual: where to save it, typesetting it on a worker
//! thread with progress, and opening the result in the system's viewer.

use std::path::PathBuf;

use iced::Task;

use super::{Desk, Handoff, Message as AppMessage, context};
use crate::export::{self, ManualOptions};
use crate::model::{DateTime, Records};
use crate::ui::screen::manual;
use crate::ui::text::Text;

/// Answers from the save dialog and the worker thread.
#[derive(Debug, Clone)]
pub enum Message {
    /// Where to save the manual with these options, or nowhere.
    Picked(Box<ManualOptions>, Option<PathBuf>),
    /// How far typesetting has come.
    Progress(usize, usize),
    /// The manual is saved there, or why not.
    Finished(Handoff<Result<PathBuf, String>>),
}

impl Desk {
    pub(super) fn manual_action(
        &mut self,
        action: manual::Action,
        _words: &'static Text,
        _me: Option<&str>,
        _now: DateTime,
    ) -> Task<AppMessage> {
        match action {
            manual::Action::None => Task::none(),
            manual::Action::Export(options) => pick_path(options, self.folder.records()),
            manual::Action::Open(path) => {
                if let Err(error) = open_in_viewer(&path) {
                    self.manual.finished(Err(error));
                }
                Task::none()
            }
        }
    }

    pub(super) fn printing(
        &mut self,
        message: Message,
        words: &'static Text,
        me: Option<&str>,
        now: DateTime,
    ) -> Task<AppMessage> {
        match message {
            Message::Picked(_, None) => Task::none(),
            Message::Picked(options, Some(path)) => {
                let records = context(&self.folder, words, me, now).records;
                self.manual.progress(Some((0, 0)));
                typeset(manual_records(records), *options, path)
            }
            Message::Progress(done, total) => {
                self.manual.progress(Some((done, total)));
                Task::none()
            }
            Message::Finished(handoff) => {
                if let Some(outcome) = handoff.take() {
                    self.manual.finished(outcome);
                }
                Task::none()
            }
        }
    }
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

fn pick_path(options: Box<ManualOptions>, records: &Records) -> Task<AppMessage> {
    let extension = options.format.extension();
    let file_name = format!("{} manual.{extension}", records.workspace.name);
    Task::perform(
        async move {
            rfd::AsyncFileDialog::new()
                .add_filter(extension.to_uppercase(), &[extension])
                .set_file_name(file_name)
                .save_file()
                .await
                .map(|handle| handle.path().to_path_buf())
        },
        move |path| AppMessage::Printing(Message::Picked(options.clone(), path)),
    )
}

/// Makes the manual on a worker thread, reporting progress, and writes it to `path`.
fn typeset(records: Records, options: ManualOptions, path: PathBuf) -> Task<AppMessage> {
    let (sender, receiver) = iced::futures::channel::mpsc::unbounded();
    std::thread::spawn(move || {
        let progress = {
            let sender = sender.clone();
            move |done: usize, total: usize| {
                let _ = sender.unbounded_send(AppMessage::Printing(Message::Progress(done, total)));
            }
        };
        let outcome = export::manual(&records, &options, &progress)
            .map_err(|error| error.to_string())
            .and_then(|bytes| {
                crate::store::document::write_document(&path, &bytes)
                    .map_err(|error| error.to_string())
            })
            .map(|()| path);
        let _ = sender.unbounded_send(AppMessage::Printing(Message::Finished(Handoff::new(
            outcome,
        ))));
    });
    Task::run(receiver, |message| message)
}

/// Opens a file with the program the system uses for its type.
fn open_in_viewer(path: &std::path::Path) -> Result<(), String> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(path)
        .spawn()
        .map(drop)
        .map_err(|error| {
            format!(
                "could not start {program} to open {}: {error}",
                path.display()
            )
        })
}
