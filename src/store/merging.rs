//! A save that meets another desk's change to the same order or training record merges
//! the two (FORMAT.md, "Two desks, one folder") instead of refusing; only items both
//! changed differently are handed back for a person to choose.

use super::layout::RecordFile;
use super::read::read_text;
use super::resolve::{Left, Outcome, Took, took_from};
use super::{FileState, Folder, SaveError, format};
use crate::model::merge::{Item, Merged, Taken, merge_order, merge_training};
use crate::model::{Order, Training};

/// How often a merge is tried again when the file changes once more while merging.
const ATTEMPTS: usize = 3;

impl Folder {
    /// Reads the file's version on disk now, with its hash; `None` when the file is gone.
    pub(super) fn disk_version<R: serde::de::DeserializeOwned>(
        &self,
        relative: &str,
    ) -> Result<Option<(R, u64)>, SaveError> {
        let changed = || SaveError::ChangedOnDisk {
            path: relative.to_owned(),
        };
        let path = self.root.join(relative);
        if !path.exists() {
            return Ok(None);
        }
        let (text, hash) = read_text(&path, true).map_err(|_| changed())?;
        let record = format::parse(&text).map_err(|_| changed())?;
        Ok(Some((record, hash)))
    }

    /// Saves `order`, merging it with what another desk saved in its file since it was
    /// read; `base` is the order as it was read, before this desk changed it. A file that
    /// vanished is written again: a missing file is never taken for a deletion.
    ///
    /// `None` when the file had not changed and the order was saved as it is; else what
    /// the merge did: merged and saved, split (another order under this id), or left with
    /// the items both changed differently (nothing saved: a person chooses, side by side).
    pub fn save_order_merging(
        &mut self,
        base: Option<&Order>,
        order: Order,
    ) -> Result<Option<Outcome>, SaveError> {
        let path = match self.save(order.clone()) {
            Ok(()) => return Ok(None),
            // Changed since it was read, or made since: another desk's version either way.
            Err(SaveError::ChangedOnDisk { path } | SaveError::AlreadyExists { path }) => path,
            Err(error) => return Err(error),
        };
        for _ in 0..ATTEMPTS {
            let Some((disk, hash)) = self.disk_version::<Order>(&path)? else {
                self.files.remove(&path);
                self.save(order)?;
                return Ok(None);
            };
            self.files.insert(path.clone(), FileState::Loaded(hash));
            let saved = match merge_order(base, &order, &disk) {
                Merged::One(merge) if !merge.clashes.is_empty() => {
                    disk.put(&mut self.records);
                    return Ok(Some(Outcome::Left(Left::Clashes(merge.clashes))));
                }
                Merged::One(merge) => {
                    let took = took_from(&merge.taken, &merge.order);
                    self.save(merge.order).map(|()| {
                        Some(Outcome::Merged {
                            record: order.id.clone(),
                            took,
                        })
                    })
                }
                Merged::Two { kept, moved } => {
                    disk.clone().put(&mut self.records);
                    self.split(&disk, kept, moved, false).map(|new_id| {
                        Some(Outcome::Split {
                            id: order.id.clone(),
                            new_id,
                        })
                    })
                }
            };
            match saved {
                Err(SaveError::ChangedOnDisk { .. }) => continue,
                other => return other,
            }
        }
        Err(SaveError::ChangedOnDisk { path })
    }

    /// Saves a training record, taking in every signature another desk saved in its file
    /// since it was read: `None` when saved as it is, else the merge saved.
    pub fn save_training_merging(
        &mut self,
        training: Training,
    ) -> Result<Option<Outcome>, SaveError> {
        let path = match self.save(training.clone()) {
            Ok(()) => return Ok(None),
            // Changed since it was read, or made since: another desk's version either way.
            Err(SaveError::ChangedOnDisk { path } | SaveError::AlreadyExists { path }) => path,
            Err(error) => return Err(error),
        };
        for _ in 0..ATTEMPTS {
            let Some((disk, hash)) = self.disk_version::<Training>(&path)? else {
                self.files.remove(&path);
                self.save(training)?;
                return Ok(None);
            };
            self.files.insert(path.clone(), FileState::Loaded(hash));
            let merged = merge_training(&training, &disk)
                .ok_or_else(|| SaveError::ChangedOnDisk { path: path.clone() })?;
            let took = disk
                .signed
                .iter()
                .filter(|signed| {
                    !training.signed.contains(signed) && merged.signed.contains(signed)
                })
                .map(|signed| Took {
                    taken: Taken::Added(Item::Signed {
                        procedure: signed.procedure.clone(),
                        revision: signed.revision,
                    }),
                    who: Some(training.person.clone()),
                })
                .collect();
            match self.save(merged) {
                Ok(()) => {
                    return Ok(Some(Outcome::Merged {
                        record: training.person.clone(),
                        took,
                    }));
                }
                Err(SaveError::ChangedOnDisk { .. }) => continue,
                Err(error) => return Err(error),
            }
        }
        Err(SaveError::ChangedOnDisk { path })
    }
}

impl Folder {
    /// Keeps, from `before` (this workspace as it was read earlier), every record whose file
    /// has since gone from the folder: a sync half-done or a file kept online only is not a
    /// deletion. The records stay in memory with no file, so that saving one writes its file
    /// again; nothing is deleted or rewritten. Returns the files that went, relative to the
    /// workspace.
    pub fn keep_vanished(&mut self, before: &Folder) -> Vec<String> {
        let mut gone: Vec<String> = before
            .files
            .iter()
            .filter(|(path, state)| {
                matches!(state, FileState::Loaded(_))
                    && !self.files.contains_key(*path)
                    && !self.root.join(path).exists()
            })
            .map(|(path, _)| path.clone())
            .collect();
        gone.sort();
        let records = &before.records;
        gone.retain(|path| {
            let same = |record: &dyn Fn() -> Result<String, String>| record().as_ref() == Ok(path);
            if let Some(order) = records.orders.iter().find(|o| same(&|| o.path())) {
                order.clone().put(&mut self.records);
            } else if let Some(t) = records.training.iter().find(|t| same(&|| t.path())) {
                t.clone().put(&mut self.records);
            } else if let Some(p) = records.procedures.iter().find(|p| same(&|| p.path())) {
                p.clone().put(&mut self.records);
            } else if let Some(c) = records.checklists.iter().find(|c| same(&|| c.path())) {
                c.clone().put(&mut self.records);
            } else {
                return false;
            }
            true
        });
        self.records.sort();
        gone
    }
}
