//! The older orders of a workspace opened in two phases, landing in the open desk in
//! batches (see [`crate::store::Rest`] for the rules a batch follows).
//!
//! The desk opens once the newest orders are read; each batch then adds its orders
//! through [`Held::take_older`](super::desk::Held::take_older), so every list and figure is
//! worked out again with them: lists and figures grow as batches land, and the sidebar
//! says how far the reading has come until the last one is in. A batch of another load
//! (F5 or another workspace opened meanwhile) or one that comes after the workspace was
//! read again whole is ignored.
//!
//! The loader reads at most one batch ahead: it sends the next only once the window has
//! taken the one before (see [`Taken`]), so batches never pile up in memory behind a busy
//! window, and a loader whose batches nobody awaits any more stops.

use std::collections::BTreeSet;
use std::sync::mpsc::{Receiver, Sender, channel};

use iced::Task;

use super::{App, Handoff, Message};
use crate::store::Batch;

/// The files the watcher told of while older orders were still being read: one of them
/// that is gone by the time its batch lands is not brought back.
#[derive(Debug, Default)]
pub(super) struct Told(BTreeSet<String>);

impl App {
    /// Notes the files the watcher told of, while older orders are still coming.
    pub(super) fn told(&mut self, files: &[String]) {
        if self.folder().is_some_and(|f| f.older_orders().is_some()) {
            self.told.0.extend(files.iter().cloned());
        }
    }

    /// Adds a batch of older orders to the open workspace, if it awaits it, and tells the
    /// loader whether to send the next.
    pub(super) fn older_orders(
        &mut self,
        handoff: Handoff<(Batch, Option<Taken>)>,
    ) -> Task<Message> {
        let Some((batch, taken)) = handoff.take() else {
            return Task::none();
        };
        let told = &self.told.0;
        let Some(desk) = self.phase.desk_mut() else {
            return Task::none();
        };
        if desk.folder.awaits(&batch) {
            (desk.folder)
                .take_older(|folder| folder.take_batch(batch, &|path| told.contains(path)));
            let more = desk.folder.older_orders().is_some();
            if !more {
                self.told.0.clear();
            }
            if let Some(taken) = taken {
                taken.tell(more);
            }
        }
        Task::none()
    }
}

/// The window's answer to the loader for one batch: taken, and whether the folder awaits
/// more of that load. Dropped unanswered (the batch was not awaited: F5 or another
/// workspace came first; or the window closed with it on its way), it tells the loader to
/// stop.
pub struct Taken(Sender<bool>);

impl Taken {
    /// One answer, and where the loader hears it.
    pub(super) fn new() -> (Taken, Receiver<bool>) {
        let (answer, heard) = channel();
        (Taken(answer), heard)
    }

    pub(super) fn tell(self, more: bool) {
        // The loader is gone (it read the last batch): nobody needs the answer.
        let _ = self.0.send(more);
    }
}
