//! The older orders of a workspace opened in two phases, landing in the open desk in
//! batches (see [`crate::store::Rest`] for the rules a batch follows).
//!
//! The desk opens once the newest orders are read; each batch then adds its orders
//! through [`Held::take_older`](super::desk::Held::take_older), so every list and figure is
//! worked out again with them: lists and figures grow as batches land, and the sidebar
//! says how far the reading has come until the last one is in. A batch of another load
//! (F5 or another workspace opened meanwhile) or one that comes after the workspace was
//! read again whole is ignored.

use std::collections::BTreeSet;

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

    /// Adds a batch of older orders to the open workspace, if it awaits it.
    pub(super) fn older_orders(&mut self, batch: Handoff<Batch>) -> Task<Message> {
        let Some(batch) = batch.take() else {
            return Task::none();
        };
        let told = &self.told.0;
        let Some(desk) = self.phase.desk_mut() else {
            return Task::none();
        };
        if desk.folder.awaits(&batch) {
            (desk.folder)
                .take_older(|folder| folder.take_batch(batch, &|path| told.contains(path)));
            if desk.folder.older_orders().is_none() {
                self.told.0.clear();
            }
        }
        Task::none()
    }
}
