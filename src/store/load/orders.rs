//! Reading the orders, most of a workspace: each read, parsed, checked and handed to an
//! [`OrderSink`] on some core; and orders whose ids clash across files.

use std::borrow::Cow;
use std::fs;
use std::path::Path;

use rayon::prelude::*;

use super::super::index::{Pieces, Session, Stamp};
use super::super::layout::{Place, order_parts};
use super::super::locate::locate;
use super::super::{FileState, Files, Finding, Mode};
use super::folders::Folders;
use super::parse::read_and_parse;
use super::rules::{file_problems, order_folder_problem, place_problems};
use super::scan::{START, finding};
use crate::model::{Catalog, Facts, Field, Order, Problem, ProblemSeverity, Records};

/// Told how many order files are read of how many, now and then while loading.
pub(crate) type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// What becomes of each order as it is read.
///
/// Orders are most of a workspace. Each is read, parsed and checked on some core and then
/// handed to [`OrderSink::add`] there and then, with the workspace's other records; the
/// sums of the cores are merged at the end. Keeping every order is one sink; adding it
/// into a few figures and dropping it, so a hundred thousand orders are never in memory
/// together, is another.
pub trait OrderSink: Sync {
    /// What the orders read on one core add up to.
    type Sum: Send;
    /// The sum of no orders.
    fn empty(&self) -> Self::Sum;
    /// Adds one order that parsed (it may still have problems of its own, which are
    /// findings); `records` holds every record of the workspace but the orders.
    fn add(&self, sum: &mut Self::Sum, records: &Records, order: Order);
    /// Adds the sum of other orders.
    fn merge(&self, sum: &mut Self::Sum, other: Self::Sum);
    /// What this sink needs of each order, which decides whether an order the index holds
    /// unchanged will do (see [`crate::store::IndexUse`]): by default nothing less than the
    /// order itself, so the index is not used at all.
    fn needs(&self) -> Needs {
        Needs::Orders
    }
    /// Adds the facts of one order, when [`OrderSink::needs`] says facts will do:
    /// instead of [`OrderSink::add`] for every order of a read that uses an index.
    /// The facts are the sink's to keep: what they own, it may take without a copy.
    fn add_facts(&self, _sum: &mut Self::Sum, _records: &Records, _facts: Facts<'_>) {}
}

/// What an [`OrderSink`] needs of each order, which decides whether an index can serve it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// The whole order: every file is read.
    Orders,
    /// Its [`Facts`], which the index keeps.
    Facts,
    /// Nothing but the findings of its file.
    Nothing,
}

/// Keeps every order, in no particular order.
pub(crate) struct Keep;

impl OrderSink for Keep {
    type Sum = Vec<Order>;

    fn empty(&self) -> Vec<Order> {
        Vec::new()
    }

    fn add(&self, sum: &mut Vec<Order>, _: &Records, order: Order) {
        sum.push(order);
    }

    fn merge(&self, sum: &mut Vec<Order>, other: Vec<Order>) {
        sum.extend(other);
    }
}

/// Drops every order once it is checked: only the findings are wanted.
pub(crate) struct Discard;

impl OrderSink for Discard {
    type Sum = ();

    fn empty(&self) {}

    fn add(&self, _: &mut (), _: &Records, _: Order) {}

    fn merge(&self, _: &mut (), _: ()) {}

    fn needs(&self) -> Needs {
        Needs::Nothing
    }
}

/// What reading the orders needs from the rest of the workspace.
pub(super) struct Reading<'a> {
    pub(super) root: &'a Path,
    pub(super) catalog: Option<&'a Catalog<'a>>,
    /// Every record but the orders.
    pub(super) records: &'a Records,
    pub(super) mode: Mode,
    /// The index to take unchanged orders from, and the hash of the other records.
    pub(super) index: Option<(&'a Session, u64)>,
}

/// Where an order file's stamp comes from, for the index.
#[derive(Clone, Copy)]
enum Stamped {
    /// No index is in use.
    No,
    /// Taken when the folder was listed, or looked up by the path.
    Listed(Stamp),
    /// Taken from the file as it is opened to be read: when there is no old index, no
    /// file is looked up in it, and reading it is the first look at each file.
    AtOpen,
}

/// What the orders read on one core came to.
struct Part<'f, T> {
    sum: T,
    /// The states of the files a save may need: every file when the folder is opened to be
    /// saved to, otherwise only the broken ones.
    states: Vec<(String, FileState)>,
    /// Files read and parsed whose state is not kept.
    untracked: usize,
    findings: Vec<Finding>,
    /// What the new index holds.
    index: Pieces<'f>,
    /// The month folder this core reads in.
    folders: Folders<'f>,
    /// Files read by this part and not yet added to the count shared for progress.
    uncounted: usize,
}

/// How many files a part reads before it adds them to the count shared between cores:
/// adding each one sent that count's cache line from core to core for every file.
const COUNTED: usize = 64;

/// How often, in files read, the progress of reading the orders is told.
const TOLD: usize = 2_000;

impl Reading<'_> {
    /// Orders are most of the workspace: each is read, parsed, checked and handed to the
    /// sink in one go on some core, so its text is dropped as soon as its problems have
    /// their lines. An order the index holds unchanged is taken from there instead.
    pub(super) fn orders<'f, S: OrderSink>(
        &self,
        files: &[(&'f (String, Place), Option<Stamp>)],
        sink: &S,
        states: &mut Files,
        findings: &mut Vec<Finding>,
        progress: Progress<'_>,
    ) -> (S::Sum, usize, Vec<Pieces<'f>>) {
        let done = std::sync::atomic::AtomicUsize::new(0);
        let total = files.len();
        progress(0, total);
        let empty = || Part {
            sum: sink.empty(),
            states: Vec::new(),
            untracked: 0,
            findings: Vec::new(),
            index: self
                .index
                .map_or_else(Pieces::default, |(index, _)| index.pieces()),
            folders: Folders::default(),
            uncounted: 0,
        };
        let parts = files
            .par_iter()
            .fold(empty, |mut part, &(file, listed)| {
                let (path, place): &'f (String, Place) = file;
                part.uncounted += 1;
                if part.uncounted == COUNTED {
                    let before = done.fetch_add(COUNTED, std::sync::atomic::Ordering::Relaxed);
                    let read = before + COUNTED;
                    if read / TOLD != before / TOLD && read < total {
                        progress(read, total);
                    }
                    part.uncounted = 0;
                }
                // The stamp is taken before the file is read: a change after it shows.
                let stamp = match (self.index, listed) {
                    (None, _) => Stamped::No,
                    (Some(_), Some(stamp)) => Stamped::Listed(stamp),
                    // With an old index each file is looked up in it before it is read.
                    (Some((index, _)), None) if index.holds_old() => {
                        Stamp::of(&self.root.join(path)).map_or(Stamped::No, Stamped::Listed)
                    }
                    (Some(_), None) => Stamped::AtOpen,
                };
                let taken = match stamp {
                    Stamped::Listed(stamp) => self.take_indexed(sink, &mut part, path, stamp),
                    Stamped::No | Stamped::AtOpen => false,
                };
                if !taken {
                    self.read_one(sink, &mut part, path, place, stamp);
                }
                part
            })
            .collect::<Vec<_>>();
        if total > 0 {
            progress(total, total);
        }
        // Joined once, each list grown to its size at once: merging the parts pairwise
        // moved each of a hundred thousand entries many times over. The index's entries
        // stay in their parts, in the order read: when nothing changed they are not
        // written at all.
        let mut sum = sink.empty();
        let mut untracked = 0;
        let mut entries = Vec::with_capacity(parts.len());
        states.reserve(parts.iter().map(|p| p.states.len()).sum());
        for part in parts {
            sink.merge(&mut sum, part.sum);
            states.extend(part.states);
            untracked += part.untracked;
            findings.extend(part.findings);
            entries.push(part.index);
        }
        (sum, untracked, entries)
    }

    /// The problems of one order's own: its checks against the workspace, and its file
    /// at `path`.
    fn problems(&self, path: &str, place: &Place, order: &Order) -> Vec<Problem> {
        let mut problems = self
            .catalog
            .map(|catalog| catalog.check_order(order))
            .unwrap_or_default();
        problems.extend(file_problems(path, place, &order.id, None));
        problems.extend(order_folder_problem(path, place, order));
        problems
    }

    /// Reads, parses and checks one order file.
    fn read_one<'f, S: OrderSink>(
        &self,
        sink: &S,
        part: &mut Part<'f, S::Sum>,
        listed: &'f str,
        place: &Place,
        stamp: Stamped,
    ) {
        // Only a workspace opened to be saved to needs each file's hash, or the state of
        // a file that read well: a hundred thousand paths in a map cost more than the
        // rest of reading them on the one thread that builds the map.
        let tracked = matches!(self.mode, Mode::Open | Mode::Inspect);
        let open = || part.folders.open(self.root, listed);
        let (state, outcome) = read_and_parse::<Order>(open, listed, tracked);
        match outcome {
            // Not kept in the index: read again every time.
            Err(finding) => part.findings.push(finding),
            Ok(parsed) => {
                let problems = self.problems(listed, place, &parsed.record);
                let before = part.findings.len();
                place_problems(listed, &parsed.text, problems, &mut part.findings);
                // A stamp means an index is in use, which a sink allows only when facts
                // will do: they are summed as the index will give them next time.
                let stamp = match stamp {
                    Stamped::No => None,
                    Stamped::Listed(stamp) => Some(stamp),
                    Stamped::AtOpen => Some(parsed.stamp),
                };
                if let Some(stamp) = stamp {
                    let facts = Facts::of(self.records, &parsed.record);
                    let found = &part.findings[before..];
                    part.index.parsed(listed, stamp, found, &facts);
                    sink.add_facts(&mut part.sum, self.records, facts);
                } else {
                    sink.add(&mut part.sum, self.records, parsed.record);
                }
            }
        }
        if tracked || state == FileState::Broken {
            part.states.push((listed.to_owned(), state));
        } else {
            part.untracked += 1;
        }
    }

    /// Takes one order file from the index when it holds it unchanged; `false` when the
    /// file must be read.
    fn take_indexed<'f, S: OrderSink>(
        &self,
        sink: &S,
        part: &mut Part<'f, S::Sum>,
        path: &'f str,
        stamp: Stamp,
    ) -> bool {
        let Some((index, context)) = self.index else {
            return false;
        };
        // Other people, procedures or checklists: every order is checked and judged anew.
        if !index.same_context(context) {
            return false;
        }
        let Some(range) = index.cached(path, stamp) else {
            return false;
        };
        match sink.needs() {
            Needs::Orders => return false,
            Needs::Nothing => match index.findings(range.clone(), path) {
                Some(found) => part.findings.extend(found),
                None => return false,
            },
            Needs::Facts => match index.facts(range.clone(), path) {
                Some((found, facts)) => {
                    part.findings.extend(found);
                    sink.add_facts(&mut part.sum, self.records, facts);
                }
                None => return false,
            },
        }
        part.index.kept(path, stamp, range);
        part.untracked += 1;
        true
    }
}

/// One order file read on its own: for a batch of the older orders, whose files are each
/// taken or dropped by the folder (see [`super::first`]).
pub(super) struct OneFile {
    pub(super) path: String,
    /// Its state for saving; `None` where the mode keeps no states of good files.
    pub(super) state: Option<FileState>,
    /// The order, if it parsed.
    pub(super) order: Option<Order>,
    pub(super) findings: Vec<Finding>,
}

impl Reading<'_> {
    /// Reads, parses and checks the order file `path` at `place` as [`Reading::orders`]
    /// reads each, keeping what came of it apart from every other file.
    pub(super) fn one(&self, (path, place): &(String, Place)) -> OneFile {
        let mut part = Part {
            sum: Vec::new(),
            states: Vec::new(),
            untracked: 0,
            findings: Vec::new(),
            index: Pieces::default(),
            folders: Folders::default(),
            uncounted: 0,
        };
        self.read_one(&Keep, &mut part, path, place, Stamped::No);
        OneFile {
            path: path.clone(),
            state: part.states.pop().map(|(_, state)| state),
            order: part.sum.pop(),
            findings: part.findings,
        }
    }
}

/// Two files with the same order id, in different month folders; and ids that differ only
/// in upper and lower case, which Windows and macOS keep as one file name. Told by the
/// file names, since a file whose name is not its id is an error of its own.
///
/// By sorting a hash of each name folded to lower case, on every core, and comparing the
/// names only where hashes meet: on 100,000 orders a map was most of the time spent on the
/// one thread that waits for the others, and sorting the names themselves the next most.
pub(super) fn duplicate_orders(
    root: &Path,
    files: &[(String, Place)],
    findings: &mut Vec<Finding>,
) {
    let stem = |at: u32| match &files[at as usize] {
        (path, Place::Order { .. }) => Some((order_parts(path).1, path.as_str())),
        _ => None,
    };
    let mut hashes: Vec<(u64, u32)> = (0..files.len() as u32)
        .into_par_iter()
        .filter_map(|at| Some((folded_hash(stem(at)?.0), at)))
        .collect();
    hashes.par_sort_unstable();
    // Each id with its lower-case form, only where a hash is shared: sorted, ids equal but
    // for case lie next to each other.
    let mut orders: Vec<(Cow<'_, str>, &str, &str)> = Vec::new();
    for shared in hashes.chunk_by(|a, b| a.0 == b.0).filter(|s| s.len() > 1) {
        for &(_, at) in shared {
            let Some((stem, path)) = stem(at) else {
                continue;
            };
            let folded = match stem.bytes().any(|b| b.is_ascii_uppercase()) {
                true => Cow::Owned(stem.to_ascii_lowercase()),
                false => Cow::Borrowed(stem),
            };
            orders.push((folded, stem, path));
        }
    }
    orders.sort_unstable();
    let orders: Vec<(&str, &str)> = orders.into_iter().map(|(_, id, path)| (id, path)).collect();
    let id_at = |path: &str| {
        fs::read_to_string(root.join(path))
            .map(|text| locate(&text, &Field::at("id")))
            .unwrap_or(START)
    };
    for alike in orders
        .chunk_by(|a, b| a.0.eq_ignore_ascii_case(b.0))
        .filter(|alike| alike.len() > 1)
    {
        for &(id, path) in alike {
            let twins: Vec<&str> = alike
                .iter()
                .filter(|&&(other_id, other)| other_id == id && other != path)
                .map(|&(_, other)| other)
                .collect();
            let cased: Vec<String> = alike
                .iter()
                .filter(|&&(other_id, _)| other_id != id)
                .map(|&(other_id, other)| format!("\"{other_id}\" ({other})"))
                .collect();
            if !twins.is_empty() {
                findings.push(finding(
                    path,
                    id_at(path),
                    ProblemSeverity::Error,
                    format!(
                        "order \"{id}\" is also in {}; an order id must be unique",
                        twins.join(", ")
                    ),
                ));
            }
            if !cased.is_empty() {
                findings.push(finding(
                    path,
                    id_at(path),
                    ProblemSeverity::Warning,
                    format!(
                        "order \"{id}\" differs from {} only in upper and lower case; Windows and macOS take such names for one file, so a copy of this workspace there would lose one: give one of them another id",
                        cased.join(", ")
                    ),
                ));
            }
        }
    }
}

/// FNV-1a of a name folded to ASCII lower case.
fn folded_hash(name: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in name.bytes() {
        hash = (hash ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
