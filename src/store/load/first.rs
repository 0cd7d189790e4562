//! Opening a workspace in two phases, so that the window is usable before five years of
//! orders are read.
//!
//! [`Folder::open_first`] reads all but the older orders: `workspace.ron`, the procedures,
//! checklists, training and archives, and the orders of the newest month folders (whole
//! months, at least [`FIRST`] orders where there are that many; orders outside a month
//! folder count as newest). The findings across files that need no order's text, ids
//! that clash between files, come from the listing of every file and are there at once.
//! The older orders are left to a [`Rest`], which reads them in [`Batch`]es, newest month
//! first, on threads of their own at a lower priority, whatever thread calls
//! [`Rest::next_batch`]: it holds copies of the few records the checks of an order need,
//! never the folder. [`Folder::take_batch`] adds each. It reads whole months, and sends
//! the orders of a month larger than a batch newest first, keeping the older ones for the
//! next batch: so a batch's orders sort before every order the window holds (but a
//! misplaced one), and taking it merges none of those with its own (cut inside a month
//! whose files come in no order, that merge, a sort of the month, took a quarter of the
//! window's turn).
//!
//! Rules while the older orders are read:
//! - A batch lands only in the folder opened with it: each load has a tag of its own, and
//!   a batch of another load (the window switched workspace, or read it again with F5) or
//!   one that comes after the folder was read again whole is ignored.
//! - A file the folder already knows (saved by this desk, or read again after another desk
//!   changed it) is newer than the batch's copy, which is dropped.
//! - A file the watcher told of while the batch was on its way, and that is gone now, is
//!   not brought back.
//! - Until the last batch lands the folder says how far the reading has come
//!   ([`Folder::older_orders`]); its records are those read so far, so lists and figures
//!   grow as batches land.
//!
//! [`Folder::open`] still reads everything in one go; `open_first` and every batch taken
//! give the same records and findings.

use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use rayon::prelude::*;

use super::super::index::Stamp;
use super::super::layout::{Place, order_parts};
use super::orders::{Keep, OneFile, Reading};
use super::{IndexUse, Mode, OpenError, Others, is_archived, load_split};
use crate::model::{Catalog, Checklist, Order, Procedure, Records};
use crate::store::{FileState, Finding, Folder};

/// The fewest orders read before the folder opens, where there are that many: whole
/// months, newest first, until there are at least this many.
pub const FIRST: usize = 2_000;
/// Into how many batches the older orders are cut (one more where the last is short):
/// each batch makes the window work its lists out again, so a few large ones cost less
/// than many small ones; but the window takes a batch in one turn (its files' states go
/// into the folder's map, its orders are moved in front of those held), and a batch of an
/// eighth of 100,000 orders held it 10-20 ms.
const BATCHES: usize = 16;
/// The fewest order files in a batch (but the last).
const MIN_BATCH: usize = 2_000;

/// How long after the last batch is taken the memory freed while reading goes back to the
/// system: the window has drawn the batch by then.
const DRAWN: Duration = Duration::from_millis(100);

/// The tags of loads, one each, so that a batch knows the folder it belongs to.
static LOADS: AtomicU64 = AtomicU64::new(1);

/// The older orders of a folder opened with [`Folder::open_first`], still to be read.
pub struct Rest {
    tag: u64,
    root: PathBuf,
    /// Every record but the orders.
    records: Records,
    /// The procedures and checklists, each with whether it is archived, as the catalog of
    /// the first phase had them.
    procedures: Vec<(Procedure, bool)>,
    checklists: Vec<(Checklist, bool)>,
    /// The stems of procedure and checklist files that did not read.
    unreadable: (Vec<String>, Vec<String>),
    /// Whether `workspace.ron` parsed: only then are orders checked against the catalog.
    checked: bool,
    /// The order files left, newest month first.
    files: Vec<(String, Place)>,
    /// How many of `files` are read.
    next: usize,
    /// Files read but not sent yet: the older part of a month larger than a batch.
    pending: Vec<OneFile>,
    /// How many of `files` are sent in batches.
    sent: usize,
    /// How many files a batch holds at most.
    per_batch: usize,
    /// How many order files the first phase read.
    first: usize,
}

/// Some of the older orders, read, parsed and checked, for [`Folder::take_batch`].
pub struct Batch {
    tag: u64,
    /// The files read, each with its state for saving.
    files: Vec<(String, Option<FileState>)>,
    /// Their orders and findings, each sorted as the folder holds them, with the index of
    /// its file in `files`: sorted on the loader's thread, so the window's only merges
    /// them in.
    orders: Sorted<Order>,
    findings: Sorted<Finding>,
    /// How many order files are read, the first phase's included, once this batch is in.
    read: usize,
    /// With the first batch, room for every order, written once (see [`room`]); empty
    /// with the others.
    room: Vec<Order>,
}

/// Items in the order the folder holds them, each with the index of its file in a batch.
struct Sorted<T> {
    items: Vec<T>,
    files: Vec<usize>,
}

impl<T> Sorted<T> {
    /// `items` of `files`, sorted by `cmp`; of two equal ones, the one of the file read
    /// first comes first, as in a sort of every file's items at once.
    fn new(mut items: Vec<(usize, T)>, cmp: impl Fn(&T, &T) -> std::cmp::Ordering) -> Self {
        items.sort_by(|a, b| cmp(&a.1, &b.1));
        let (files, items) = items.into_iter().unzip();
        Sorted { items, files }
    }

    /// Keeps the items of the files `taken` says are taken, still sorted.
    fn keep(&mut self, taken: &[bool]) {
        let mut files = self.files.iter();
        (self.items).retain(|_| files.next().is_some_and(|&file| taken[file]));
    }
}

/// The order the folder's findings are in: by file, then where in it.
fn by_place(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    (&a.path, a.at).cmp(&(&b.path, b.at))
}

impl std::fmt::Debug for Batch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Batch({} files, {} read)", self.files.len(), self.read)
    }
}

/// How far a folder opened in two phases has come with its older orders.
#[derive(Debug, Clone, Copy)]
pub(in crate::store) struct Awaited {
    tag: u64,
    read: usize,
    total: usize,
}

/// An order file the listing found, with its stamp where one was taken.
pub(super) type Listed<'f> = (&'f (String, Place), Option<Stamp>);

/// Cuts the order files into those read before the folder opens (all of them without
/// `first`) and the older ones, newest month first.
pub(super) fn split(
    mut files: Vec<Listed<'_>>,
    first: Option<usize>,
) -> (Vec<Listed<'_>>, Vec<(String, Place)>) {
    let Some(first) = first else {
        return (files, Vec::new());
    };
    files.sort_by(|(a, _), (b, _)| month(b).cmp(&month(a)));
    let cut = (first.max(1)..files.len())
        .find(|&i| month(files[i].0) != month(files[i - 1].0))
        .unwrap_or(files.len());
    let later = files.split_off(cut);
    (
        files,
        later.into_iter().map(|(file, _)| file.clone()).collect(),
    )
}

/// An order file's month folder, for sorting newest first: one outside a month folder
/// (misplaced, and told so) with the newest.
fn month(file: &(String, Place)) -> (bool, Option<&str>) {
    match &file.1 {
        Place::Order { in_folder } => (!in_folder, order_parts(&file.0).0),
        _ => (true, None),
    }
}

impl Rest {
    /// What is left after the first phase read `first` orders: `files`, checked against
    /// copies of `others` (with `records`, every record but the orders).
    pub(super) fn new(
        root: &Path,
        others: &Others,
        records: Records,
        unreadable: (Vec<String>, Vec<String>),
        checked: bool,
        (first, files): (usize, Vec<(String, Place)>),
    ) -> Rest {
        Rest {
            tag: LOADS.fetch_add(1, Ordering::Relaxed),
            root: root.to_path_buf(),
            records,
            procedures: (others.procedures.iter())
                .map(|p| (p.record.clone(), is_archived(&p.place)))
                .collect(),
            checklists: (others.checklists.iter())
                .map(|c| (c.record.clone(), is_archived(&c.place)))
                .collect(),
            unreadable,
            checked,
            per_batch: files.len().div_ceil(BATCHES).max(MIN_BATCH),
            files,
            next: 0,
            pending: Vec::new(),
            sent: 0,
            first,
        }
    }

    /// How many order files there are, and how many of them are read.
    pub(super) fn awaited(&self) -> Option<Awaited> {
        (self.next < self.files.len()).then_some(Awaited {
            tag: self.tag,
            read: self.first + self.next,
            total: self.first + self.files.len(),
        })
    }

    /// Reads the next batch of older orders and sorts its orders and findings, on the
    /// threads [`behind`] the window's; `None` once all are read.
    pub fn next_batch(&mut self) -> Option<Batch> {
        match behind() {
            Some(pool) => pool.install(|| self.read_batch()),
            None => self.read_batch(),
        }
    }

    /// Once the window has taken the last batch: after [`DRAWN`], on the threads [`behind`]
    /// the window's, frees what is left of the reading (the list of every order file, the
    /// other records' copy) and hands the heap freed while the orders were read back to the
    /// system (see [`give_back_freed_memory`]). Either, done while the window still worked
    /// the last batch in, made that turn the longest of the load: freeing this took the
    /// window's core for 2 ms at the window's own priority, and trimming unmaps pages of a
    /// heap the window's thread uses too, each unmapping interrupting every core that runs
    /// the program.
    pub fn settle(self) {
        let give_back = move || {
            std::thread::sleep(DRAWN);
            drop(self);
            give_back_freed_memory();
        };
        match behind() {
            Some(pool) => pool.spawn(give_back),
            None => give_back(),
        }
    }

    /// Where the month folder of the file at `at` ends (the files of one month are side by
    /// side), or `at` itself if that is the end of the files.
    fn month_end(&self, at: usize) -> usize {
        let len = self.files.len();
        (at.max(1)..len)
            .find(|&at| month(&self.files[at]) != month(&self.files[at - 1]))
            .unwrap_or(len)
    }

    fn read_batch(&mut self) -> Option<Batch> {
        if self.next >= self.files.len() && self.pending.is_empty() {
            return None;
        }
        let first = self.sent == 0;
        // Whole months, enough for a batch with the files kept from the one before.
        let end = match self.per_batch.saturating_sub(self.pending.len()) {
            0 => self.next,
            want => self.month_end(self.next + want),
        };
        let catalog = self.checked.then(|| {
            Catalog::new(
                &self.records.workspace,
                self.procedures.iter().map(|(p, archived)| (p, *archived)),
                self.checklists.iter().map(|(c, archived)| (c, *archived)),
            )
            .with_unreadable(self.unreadable.0.clone(), self.unreadable.1.clone())
        });
        let reading = Reading {
            root: &self.root,
            catalog: catalog.as_ref(),
            records: &self.records,
            mode: Mode::Open,
            index: None,
        };
        let mut read = std::mem::take(&mut self.pending);
        read.par_extend(
            self.files[self.next..end]
                .par_iter()
                .map(|file| reading.one(file)),
        );
        self.next = end;
        if read.len() > self.per_batch {
            // The newest orders now, the older ones with the next batch: a file with no
            // order (it did not parse) now.
            read.sort_by(|a, b| match (&a.order, &b.order) {
                (Some(a), Some(b)) => Records::placed_order(b, a),
                (a, b) => a.is_some().cmp(&b.is_some()),
            });
            self.pending = read.split_off(self.per_batch);
        }
        self.sent += read.len();
        let (mut files, mut orders, mut findings) = (Vec::new(), Vec::new(), Vec::new());
        for (at, file) in read.into_iter().enumerate() {
            files.push((file.path, file.state));
            orders.extend(file.order.map(|order| (at, order)));
            findings.extend(file.findings.into_iter().map(|finding| (at, finding)));
        }
        Some(Batch {
            tag: self.tag,
            files,
            orders: Sorted::new(orders, Records::placed_order),
            findings: Sorted::new(findings, by_place),
            read: self.first + self.sent,
            room: if first {
                room(self.first + self.files.len())
            } else {
                Vec::new()
            },
        })
    }
}

impl Folder {
    /// Opens a workspace to work in as [`Folder::open`] does, but reads only the orders
    /// of the newest months (see [`FIRST`]), telling `progress` how many of those are
    /// read; the older orders are left to the [`Rest`] handed back, if there are any.
    pub fn open_first(
        root: &Path,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<(Folder, Option<Rest>), OpenError> {
        let (mut folder, orders, rest) = load_split(
            root,
            Mode::Open,
            &Keep,
            progress,
            &IndexUse::Off,
            Some(FIRST),
        )?;
        folder.records.orders = orders;
        folder.records.sort_orders();
        Ok((folder, rest.filter(|rest| rest.next < rest.files.len())))
    }

    /// While older orders are still being read: how many order files are read, of how
    /// many.
    pub fn older_orders(&self) -> Option<(usize, usize)> {
        self.older.map(|older| (older.read, older.total))
    }

    /// Whether `batch` belongs to this folder's reading of its older orders.
    pub fn awaits(&self, batch: &Batch) -> bool {
        self.older.is_some_and(|older| older.tag == batch.tag)
    }

    /// Adds a batch of older orders, their files' states and their findings, unless it is
    /// not awaited (then `None`, and nothing changes). A file this folder already knows
    /// is newer than the batch's copy; one that `told` names (the watcher saw it change)
    /// and that is gone now stays gone. How many of the newest orders held before keep
    /// their place counted from the newest ([`Records::add_older`]).
    pub fn take_batch(&mut self, mut batch: Batch, told: &dyn Fn(&str) -> bool) -> Option<usize> {
        if !self.awaits(&batch) {
            return None;
        }
        // Room for every order and file still to come, taken once: grown batch by batch,
        // each doubling held the old and the new copy at once, the peak of the load.
        if let Some(awaited) = self.older {
            let left = awaited.total.saturating_sub(awaited.read);
            let orders = &mut self.records.orders;
            let needed = orders.len() + left;
            if orders.capacity() < needed && batch.room.capacity() >= needed {
                batch.room.append(orders);
                // The room emptied is freed with the batch, off this thread.
                std::mem::swap(orders, &mut batch.room);
            }
            self.records.orders.reserve_exact(left);
            self.files.reserve(left);
        }
        let mut taken = vec![false; batch.files.len()];
        for ((path, state), taken) in batch.files.drain(..).zip(&mut taken) {
            let Entry::Vacant(unknown) = self.files.entry(path) else {
                continue;
            };
            let path = unknown.key();
            if told(path) && std::fs::symlink_metadata(self.root.join(path)).is_err() {
                continue;
            }
            *taken = true;
            match state {
                Some(state) => {
                    unknown.insert(state);
                }
                None => self.untracked += 1,
            }
        }
        batch.orders.keep(&taken);
        batch.findings.keep(&taken);
        // Sorted on the loader's thread (`Sorted::new`), as `add_older` wants them.
        let kept = self.records.add_older(&mut batch.orders.items);
        Records::merge_older(&mut self.findings, &mut batch.findings.items, by_place);
        let read = batch.read;
        // The batch's room was taken on the loader's threads: freeing it makes glibc sweep
        // what those threads freed, milliseconds the window need not wait for, nor share
        // its core with.
        let free = move || drop((batch, taken));
        match behind() {
            Some(pool) => pool.spawn(free),
            None => rayon::spawn(free),
        }
        self.older = self
            .older
            .map(|older| Awaited { read, ..older })
            .filter(|older| older.read < older.total);
        Some(kept)
    }
}

/// Room for `capacity` orders, each of its pages written once: the window moves the orders
/// it holds into it a batch at a time, and each page first written there cost a fault in
/// the window's turn (the kernel maps and clears it), about 10% of those turns in perf.
/// Written on the loader's thread, the faults are its.
fn room(capacity: usize) -> Vec<Order> {
    let mut room = Vec::with_capacity(capacity);
    room.spare_capacity_mut()
        .fill_with(std::mem::MaybeUninit::zeroed);
    room
}

/// The threads that read the older orders and free each batch once taken: one fewer than
/// the cores (at least one), each at a lower priority, so that the window's thread, which
/// takes the batch before and answers keys meanwhile, always finds a core. Before the desk
/// opens nobody waits on the window, and the first phase reads on every core. `None` where
/// no thread could be started: then the older orders are read as the first phase reads.
fn behind() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    let pool = POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        rayon::ThreadPoolBuilder::new()
            .num_threads(cores.saturating_sub(1).max(1))
            .thread_name(|n| format!("older orders {n}"))
            .start_handler(|_| lower_priority())
            .build()
            .ok()
    });
    pool.as_ref()
}

/// Makes the calling thread give way to the window's (nice 10, as a background job).
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only changes the scheduling of the thread named, this one; on
    // Linux PRIO_PROCESS with a thread's id names that thread alone.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 10);
    }
}

/// Hands the heap freed while the orders were read (their texts, the batches) back to the
/// system once the last batch is in: glibc keeps it in the arena of each thread that read
/// them, and the window stayed resident at the load's high-water mark.
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of the heap; it touches no live memory.
    unsafe {
        libc::malloc_trim(0);
    }
}
