//! Sync-conflict copies settled where that is safe: a copy of an order or a training
//! record is merged into the real file (FORMAT.md, "Two desks, one folder") and removed
//! only after the merged file is saved; a copy of anything else, or one whose merge needs
//! a person, is left where it is and reported.

use std::fs;
use std::path::Path;

use super::layout::{self, Name, Place, RecordFile};
use super::read::read_text;
use super::{FileState, Folder, SaveError, format, save};
use crate::model::merge::{Clash, Item, Merged, Taken, merge_order, merge_training};
use crate::model::{Order, Training};

/// What became of one conflict copy.
#[derive(Debug, Clone)]
pub struct Resolution {
    /// The copy, relative to the workspace.
    pub copy: String,
    /// The file it is a copy of.
    pub original: String,
    /// What was done, or would be on a dry run.
    pub outcome: Outcome,
}

/// What was done with a copy.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Merged into the original (which took `took`; nothing where the copy held nothing
    /// new), and the copy removed.
    Merged {
        /// The order id or the person.
        record: String,
        /// What came from the copy, and the person each names.
        took: Vec<Took>,
    },
    /// The copy held another order under the same id: the one whose text sorts second was
    /// saved under `new_id`, and the copy removed.
    Split {
        /// The id both had.
        id: String,
        /// The id of the order that moved.
        new_id: String,
    },
    /// The original was gone: the copy took its place.
    Restored {
        /// The order id or the person.
        record: String,
    },
    /// Left for a person.
    Left(Left),
}

/// Something that came from a copy, and who it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Took {
    /// What was taken.
    pub taken: Taken,
    /// The person who checked, found, took the contact or signed, where one is named.
    pub who: Option<String>,
}

/// Why a copy waits for a person.
#[derive(Debug, Clone)]
pub enum Left {
    /// A procedure, checklist, `workspace.ron` or archive copy: never merged, a person
    /// keeps one of the two.
    NotMergeable,
    /// Both versions changed the same items.
    Clashes(Vec<Clash>),
    /// The copy does not read: where and why.
    Unreadable(String),
    /// The original does not read, so nothing is merged into it.
    OriginalBroken,
    /// The copy holds another record than its name says.
    OtherRecord(String),
    /// Saving or removing refused.
    Refused(SaveError),
}

impl Outcome {
    /// Whether the copy still waits for a person.
    pub fn is_left(&self) -> bool {
        matches!(self, Outcome::Left(_))
    }
}

/// Every sync-conflict copy of a `.ron` file in the workspace's layout folders, with the
/// file it copies, both relative to the workspace, sorted.
pub(super) fn conflict_copies(root: &Path) -> Vec<(String, String)> {
    let mut folders: Vec<String> = [
        "",
        "procedures",
        "checklists",
        "training",
        "archive/procedures",
        "archive/checklists",
        "orders",
    ]
    .map(str::to_owned)
    .to_vec();
    if let Ok(entries) = fs::read_dir(root.join("orders")) {
        folders.extend(entries.flatten().filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let is_dir = entry.file_type().ok()?.is_dir();
            (is_dir && !name.starts_with('.')).then(|| format!("orders/{name}"))
        }));
    }
    let mut copies = Vec::new();
    for folder in folders {
        let Ok(entries) = fs::read_dir(root.join(&folder)) else {
            continue;
        };
        let mut records = Vec::new();
        for entry in entries.flatten() {
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            if !entry.file_type().is_ok_and(|kind| kind.is_file()) {
                continue;
            }
            match layout::classify_name(&name) {
                Name::Conflict { original } if original.ends_with(".ron") => {
                    let inside = |name: &str| match folder.as_str() {
                        "" => name.to_owned(),
                        folder => format!("{folder}/{name}"),
                    };
                    copies.push((inside(&name), inside(&original)));
                }
                Name::Record => records.push(name),
                _ => {}
            }
        }
        if folder.starts_with("orders/") || folder == "training" {
            copies.extend(machine_named(root, &folder, &records));
        }
    }
    copies.sort();
    copies
}

/// OneDrive keeps both versions of a file by adding the computer's name to one:
/// `2026-12-A0031-LAPTOP-7Q2.ron`. Such a file is a copy of `2026-12-A0031.ron` when that
/// file is beside it and the record inside is `2026-12-A0031`; a file whose record carries
/// its own name (an order split off as `<id>-2`) is a record, not a copy. Only files with
/// such a neighbour are opened, so a folder of thousands of orders costs nothing.
fn machine_named(root: &Path, folder: &str, names: &[String]) -> Vec<(String, String)> {
    let stems: std::collections::BTreeSet<&str> = names
        .iter()
        .filter_map(|n| n.strip_suffix(".ron"))
        .collect();
    let mut copies = Vec::new();
    for stem in &stems {
        let has_neighbour = stem
            .match_indices('-')
            .any(|(at, _)| stems.contains(&stem[..at]));
        if !has_neighbour {
            continue;
        }
        let path = format!("{folder}/{stem}.ron");
        let Ok((text, _)) = read_text(&root.join(&path), false) else {
            continue;
        };
        let said = if folder == "training" {
            format::parse::<Training>(&text).map(|t| t.person)
        } else {
            format::parse::<Order>(&text).map(|o| o.id)
        };
        if let Ok(id) = said
            && stems.contains(id.as_str())
            && stem.starts_with(&format!("{id}-"))
        {
            copies.push((path, format!("{folder}/{id}.ron")));
        }
    }
    copies
}

impl Folder {
    /// Settles every sync-conflict copy in the workspace, or on a `dry_run` says what it
    /// would do, writing nothing. One [`Resolution`] per copy, in path order.
    pub fn resolve(&mut self, dry_run: bool) -> Vec<Resolution> {
        conflict_copies(&self.root)
            .into_iter()
            .map(|(copy, original)| {
                let outcome = match layout::place(&original) {
                    Some(Place::Order { .. }) => self.resolve_order(&copy, &original, dry_run),
                    Some(Place::Training { .. }) => {
                        self.resolve_training(&copy, &original, dry_run)
                    }
                    _ => Outcome::Left(Left::NotMergeable),
                };
                Resolution {
                    copy,
                    original,
                    outcome,
                }
            })
            .collect()
    }

    /// Reads and parses a copy: the record and the hash its removal checks.
    fn read_copy<R: serde::de::DeserializeOwned + RecordFile>(
        &self,
        copy: &str,
        original: &str,
    ) -> Result<(R, u64), Left> {
        let (text, hash) = read_text(&self.root.join(copy), true).map_err(|error| {
            let (at, message) = error.describe();
            Left::Unreadable(format!("{}:{}: {message}", at.line, at.col))
        })?;
        let record: R = format::parse(&text).map_err(|error| {
            Left::Unreadable(format!(
                "{}:{}: {}",
                error.at.line, error.at.col, error.message
            ))
        })?;
        match record.path() {
            Ok(path) if path == original => Ok((record, hash)),
            Ok(path) => Err(Left::OtherRecord(path)),
            Err(why) => Err(Left::Unreadable(why)),
        }
    }

    /// The file a copy copies, as it is on disk now (a sync may have changed it since the
    /// folder was read), taken into the folder's records; `None` when it is gone.
    fn original<R>(&mut self, original: &str) -> Result<Option<R>, Left>
    where
        R: serde::de::DeserializeOwned + RecordFile + Clone,
    {
        if self.files.get(original) == Some(&FileState::Broken) {
            return Err(Left::OriginalBroken);
        }
        match self.disk_version::<R>(original) {
            Ok(Some((record, hash))) => {
                self.files
                    .insert(original.to_owned(), FileState::Loaded(hash));
                record.clone().put(&mut self.records);
                Ok(Some(record))
            }
            Ok(None) => {
                self.files.remove(original);
                Ok(None)
            }
            Err(_) => Err(Left::OriginalBroken),
        }
    }

    /// Reads again the record a copy read as a record of its own was merged into, so that
    /// the records hold it once.
    fn reread_after_copy(&mut self, outcome: &Outcome) {
        let (Outcome::Merged { record, .. } | Outcome::Restored { record }) = outcome else {
            return;
        };
        let order = self
            .records
            .orders
            .iter()
            .find(|o| &o.id == record)
            .cloned();
        let training = self
            .records
            .training
            .iter()
            .find(|t| &t.person == record)
            .cloned();
        if let Some(path) = order.and_then(|o| o.path().ok()) {
            self.records.orders.retain(|o| &o.id != record);
            let _ = self.original::<Order>(&path);
        } else if let Some(path) = training.and_then(|t| t.path().ok()) {
            self.records.training.retain(|t| &t.person != record);
            let _ = self.original::<Training>(&path);
        }
    }

    /// Removes a copy once what it held is saved.
    fn remove_copy(&mut self, copy: &str, hash: u64) -> Result<(), Left> {
        self.writes += 1;
        save::remove(&self.root, copy, hash).map_err(Left::Refused)
    }

    fn resolve_order(&mut self, copy: &str, original: &str, dry_run: bool) -> Outcome {
        let (theirs, hash) = match self.read_copy::<Order>(copy, original) {
            Ok(read) => read,
            Err(left) => return Outcome::Left(left),
        };
        let ours = match self.original::<Order>(original) {
            Ok(Some(ours)) => ours,
            Ok(None) => return self.restore(theirs, copy, hash, dry_run),
            Err(left) => return Outcome::Left(left),
        };
        let outcome = match merge_order(None, &ours, &theirs) {
            Merged::One(merge) if !merge.clashes.is_empty() => {
                return Outcome::Left(Left::Clashes(merge.clashes));
            }
            Merged::One(merge) => {
                let took = took_from(&merge.taken, &merge.order);
                if !dry_run
                    && merge.order != ours
                    && let Err(error) = self.save(merge.order)
                {
                    return Outcome::Left(Left::Refused(error));
                }
                Outcome::Merged {
                    record: ours.id.clone(),
                    took,
                }
            }
            Merged::Two { kept, moved } => match self.split(&ours, kept, moved, dry_run) {
                Ok(new_id) => Outcome::Split {
                    id: ours.id.clone(),
                    new_id,
                },
                Err(error) => return Outcome::Left(Left::Refused(error)),
            },
        };
        self.finish(outcome, copy, hash, dry_run)
    }

    /// Keeps two orders that share an id apart: `kept` in the original's file, `moved`
    /// under the first free `<id>-<n>` (or the one an earlier run already saved it under).
    pub(super) fn split(
        &mut self,
        ours: &Order,
        kept: Order,
        moved: Order,
        dry_run: bool,
    ) -> Result<String, SaveError> {
        let same_but_id = |order: &Order, id: &str| {
            Order {
                id: id.to_owned(),
                ..moved.clone()
            } == *order
        };
        if let Some(done) = self
            .records
            .orders
            .iter()
            .find(|o| o.id.starts_with(&format!("{}-", ours.id)) && same_but_id(o, &o.id))
        {
            return Ok(done.id.clone());
        }
        let new_id = (2..)
            .map(|n| format!("{}-{n}", ours.id))
            .find(|id| self.records.orders.iter().all(|o| &o.id != id))
            .unwrap_or_default();
        if !dry_run {
            self.save(Order {
                id: new_id.clone(),
                ..moved
            })?;
            if kept != *ours {
                self.save(kept)?;
            }
        }
        Ok(new_id)
    }

    /// The original is gone: the copy's record is saved in its place.
    fn restore<R: RecordFile + Clone>(
        &mut self,
        record: R,
        copy: &str,
        hash: u64,
        dry_run: bool,
    ) -> Outcome {
        let name = record.path().unwrap_or_default();
        let record_name = Path::new(&name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !dry_run && let Err(error) = self.save(record) {
            return Outcome::Left(Left::Refused(error));
        }
        self.finish(
            Outcome::Restored {
                record: record_name,
            },
            copy,
            hash,
            dry_run,
        )
    }

    /// Removes the copy, unless on a dry run, once its record is saved.
    fn finish(&mut self, outcome: Outcome, copy: &str, hash: u64, dry_run: bool) -> Outcome {
        if dry_run {
            return outcome;
        }
        match self.remove_copy(copy, hash) {
            Ok(()) => {
                self.findings.retain(|finding| finding.path != copy);
                // A copy named like a record (OneDrive's) was read as one: it is gone now.
                if self.files.remove(copy).is_some() {
                    self.reread_after_copy(&outcome);
                }
                outcome
            }
            Err(left) => Outcome::Left(left),
        }
    }

    fn resolve_training(&mut self, copy: &str, original: &str, dry_run: bool) -> Outcome {
        let (theirs, hash) = match self.read_copy::<Training>(copy, original) {
            Ok(read) => read,
            Err(left) => return Outcome::Left(left),
        };
        let ours = match self.original::<Training>(original) {
            Ok(Some(ours)) => ours,
            Ok(None) => return self.restore(theirs, copy, hash, dry_run),
            Err(left) => return Outcome::Left(left),
        };
        let Some(merged) = merge_training(&ours, &theirs) else {
            return Outcome::Left(Left::OtherRecord(theirs.person));
        };
        let took = merged
            .signed
            .iter()
            .filter(|signed| !ours.signed.contains(signed))
            .map(|signed| Took {
                taken: Taken::Added(Item::Signed {
                    procedure: signed.procedure.clone(),
                    revision: signed.revision,
                }),
                who: Some(ours.person.clone()),
            })
            .collect();
        if !dry_run
            && merged != ours
            && let Err(error) = self.save(merged)
        {
            return Outcome::Left(Left::Refused(error));
        }
        let outcome = Outcome::Merged {
            record: ours.person.clone(),
            took,
        };
        self.finish(outcome, copy, hash, dry_run)
    }
}

/// What a merge took, with the person each item names in the merged order.
pub(super) fn took_from(taken: &[Taken], order: &Order) -> Vec<Took> {
    taken
        .iter()
        .map(|taken| Took {
            who: who(taken, order),
            taken: taken.clone(),
        })
        .collect()
}

/// The person a taken item names, in the merged order.
fn who(taken: &Taken, order: &Order) -> Option<String> {
    match taken {
        Taken::Added(item) | Taken::Changed(item) => item.who(order).map(str::to_owned),
        Taken::Renumbered { to, .. } => Item::Defect { id: to.clone() }
            .who(order)
            .map(str::to_owned),
    }
}
