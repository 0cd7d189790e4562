//! Reading a whole workspace on every core, collecting every problem instead of stopping.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::layout::{self, Name, Place, WORKSPACE_FILE};
use super::locate::{Position, locate};
use super::read::read_text;
use super::{FileState, Finding, Folder, Mode, format, save};
use crate::model::{
    Catalog, Checklist, Field, Order, Problem, ProblemSeverity, Procedure, Records, Training,
    Workspace,
};

/// Why a folder could not be opened as a workspace at all.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The folder does not exist, or is a file.
    #[error("{0}: no such folder")]
    NotAFolder(PathBuf),
    /// The folder has no `workspace.ron`.
    #[error("{0}: not a Right First workspace (there is no workspace.ron in it)")]
    NoWorkspace(PathBuf),
    /// The system refused to read the folder.
    #[error("{path}: {source}")]
    Io {
        /// The folder.
        path: PathBuf,
        /// The system's reason.
        source: io::Error,
    },
}

/// The files a workspace holds, sorted into the layout.
#[derive(Default)]
struct Scan {
    records: Vec<(String, Place)>,
    findings: Vec<Finding>,
    stale_temps: Vec<PathBuf>,
}

fn finding(
    path: &str,
    at: Position,
    severity: ProblemSeverity,
    message: impl Into<String>,
) -> Finding {
    Finding {
        path: path.to_owned(),
        at,
        severity,
        message: message.into(),
    }
}

const START: Position = Position { line: 1, col: 1 };

impl Scan {
    fn merge(&mut self, other: Scan) {
        self.records.extend(other.records);
        self.findings.extend(other.findings);
        self.stale_temps.extend(other.stale_temps);
    }
}

/// Lists `relative` (a folder inside `root`), without following links; the folders in it
/// on every core, since a workspace keeps five years of orders in sixty month folders.
fn scan_folder(root: &Path, relative: &str, scan: &mut Scan) {
    let folder = if relative.is_empty() {
        root.to_path_buf()
    } else {
        root.join(relative)
    };
    let Ok(entries) = fs::read_dir(&folder) else {
        return;
    };
    let mut folders = Vec::new();
    for entry in entries.flatten() {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = if relative.is_empty() {
            name.clone()
        } else {
            format!("{relative}/{name}")
        };
        let layout_folder = match relative {
            "" => matches!(
                name.as_str(),
                "procedures" | "checklists" | "orders" | "training" | "archive"
            ),
            "archive" => matches!(name.as_str(), "procedures" | "checklists"),
            "orders" => !name.starts_with('.'),
            _ => false,
        };
        if kind.is_dir() {
            if layout_folder {
                folders.push(path);
            }
            continue;
        }
        if kind.is_symlink() && layout_folder {
            scan.findings.push(finding(
                &path,
                START,
                ProblemSeverity::Warning,
                "is a symbolic link; Right First does not follow links inside a workspace, so the folder it points to is ignored",
            ));
            continue;
        }
        match layout::classify_name(&name) {
            Name::Temp => {
                if let Some(owner) = save::temp_owner(&name)
                    && owner != std::process::id()
                    && !process_alive(owner, &entry.path())
                {
                    scan.stale_temps.push(entry.path());
                }
            }
            Name::Conflict { original } => {
                let original = if relative.is_empty() {
                    original
                } else {
                    format!("{relative}/{original}")
                };
                scan.findings.push(finding(
                    &path,
                    START,
                    ProblemSeverity::Warning,
                    format!("a sync tool made this conflict copy of {original}: compare the two, keep what is right in {original}, then delete this copy"),
                ));
            }
            Name::Record => {
                let Some(place) = layout::place(&path) else {
                    continue;
                };
                if kind.is_symlink() {
                    scan.findings.push(finding(
                        &path,
                        START,
                        ProblemSeverity::Warning,
                        "is a symbolic link; Right First does not follow links inside a workspace, so it is ignored",
                    ));
                } else if kind.is_file() {
                    scan.records.push((path, place));
                }
            }
            Name::Other => {}
        }
    }
    let inside = folders
        .par_iter()
        .map(|path| {
            let mut inside = Scan::default();
            scan_folder(root, path, &mut inside);
            inside
        })
        .reduce(Scan::default, |mut all, one| {
            all.merge(one);
            all
        });
    scan.merge(inside);
}

/// Whether the process that wrote a temp file may still be saving.
fn process_alive(pid: u32, temp: &Path) -> bool {
    let proc = Path::new("/proc");
    if proc.is_dir() {
        return proc.join(pid.to_string()).exists();
    }
    // Without /proc, only age tells: no save takes an hour.
    fs::metadata(temp)
        .and_then(|meta| meta.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_none_or(|age| age.as_secs() < 3600)
}

/// One file read and parsed, with the text kept for pointing at its lines.
struct Parsed<T> {
    path: String,
    place: Place,
    text: String,
    record: T,
}

/// The outcome of reading one file: its state for saving and, if it parsed, the record.
type Outcome<T> = (String, FileState, Result<Parsed<T>, Finding>);

fn read_and_parse<T: DeserializeOwned>(
    root: &Path,
    path: &str,
    place: &Place,
    hashed: bool,
) -> Outcome<T> {
    match read_text(&root.join(path), hashed) {
        Err(error) => {
            let (at, message) = error.describe();
            (
                path.to_owned(),
                FileState::Broken,
                Err(finding(path, at, ProblemSeverity::Error, message)),
            )
        }
        Ok((text, hash)) => match format::parse::<T>(&text) {
            Ok(record) => (
                path.to_owned(),
                FileState::Loaded(hash),
                Ok(Parsed {
                    path: path.to_owned(),
                    place: place.clone(),
                    text,
                    record,
                }),
            ),
            Err(error) => (
                path.to_owned(),
                FileState::Broken,
                Err(finding(
                    path,
                    error.at,
                    ProblemSeverity::Error,
                    error.message,
                )),
            ),
        },
    }
}

/// Reads and parses every file of one kind on all cores.
fn parse_all<T: DeserializeOwned + Send>(
    root: &Path,
    files: &[&(String, Place)],
    states: &mut HashMap<String, FileState>,
    findings: &mut Vec<Finding>,
) -> Vec<Parsed<T>> {
    let outcomes: Vec<Outcome<T>> = files
        .par_iter()
        .map(|(path, place)| read_and_parse(root, path, place, true))
        .collect();
    let mut parsed = Vec::with_capacity(outcomes.len());
    for (path, state, outcome) in outcomes {
        states.insert(path, state);
        match outcome {
            Ok(record) => parsed.push(record),
            Err(finding) => findings.push(finding),
        }
    }
    parsed
}

/// Turns a record's problems into findings at the lines they are about.
fn place_problems(path: &str, text: &str, problems: Vec<Problem>, findings: &mut Vec<Finding>) {
    findings.extend(problems.into_iter().map(|problem| Finding {
        path: path.to_owned(),
        at: locate(text, &problem.field),
        severity: problem.severity,
        message: problem.message,
    }));
}

fn stem_mismatch(stem: &str, expected: &str, what: &str) -> Option<Problem> {
    (stem != expected).then(|| {
        Problem::error(
            Field::at(if what == "person" { "person" } else { "id" }),
            format!(
                "the file is named \"{stem}.ron\" but the {what} is \"{expected}\"; they must match"
            ),
        )
    })
}

/// The rules that tie a record to the file it is in.
fn file_problems(place: &Place, id: &str, revision: Option<u32>) -> Option<Problem> {
    match place {
        Place::Procedure { stem } | Place::Checklist { stem } => stem_mismatch(stem, id, "id"),
        Place::Training { stem } => stem_mismatch(stem, id, "person"),
        Place::ArchivedProcedure { stem } | Place::ArchivedChecklist { stem } => {
            let expected = format!("{id}@{}", revision.unwrap_or_default());
            (*stem != expected).then(|| {
                Problem::error(
                    Field::at("id"),
                    format!("an archived revision is named <id>@<revision>.ron; this one should be \"{expected}.ron\", not \"{stem}.ron\""),
                )
            })
        }
        Place::Order { stem, .. } => stem_mismatch(stem, id, "id"),
        Place::Workspace => None,
    }
}

fn order_folder_problem(place: &Place, order: &Order) -> Option<Problem> {
    let Place::Order { folder, .. } = place else {
        return None;
    };
    let month = order.placed.month_folder();
    match folder {
        Some(folder) if *folder == month => None,
        Some(folder) => Some(Problem::error(
            Field::at("placed"),
            format!(
                "placed {} belongs in orders/{month}/, not in orders/{folder}/",
                order.placed
            ),
        )),
        None => Some(Problem::error(
            Field::at("placed"),
            format!("orders live in a folder per month: this one belongs in orders/{month}/"),
        )),
    }
}

/// Told how many order files are read of how many, now and then while loading.
pub(super) type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

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
}

/// Keeps every order, in no particular order.
pub(super) struct Keep;

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
pub(super) struct Discard;

impl OrderSink for Discard {
    type Sum = ();

    fn empty(&self) {}

    fn add(&self, _: &mut (), _: &Records, _: Order) {}

    fn merge(&self, _: &mut (), _: ()) {}
}

/// Loads a workspace keeping every order, sorted as [`Records::sort`] sorts them.
pub(super) fn load_keeping(
    root: &Path,
    mode: Mode,
    progress: Progress<'_>,
) -> Result<Folder, OpenError> {
    let (mut folder, orders) = load(root, mode, &Keep, progress)?;
    folder.records.orders = orders;
    folder.records.sort_orders();
    Ok(folder)
}

/// Loads a workspace, handing each order that parsed to `sink`; the folder's records
/// hold no orders.
pub(super) fn load<S: OrderSink>(
    root: &Path,
    mode: Mode,
    sink: &S,
    progress: Progress<'_>,
) -> Result<(Folder, S::Sum), OpenError> {
    match fs::metadata(root) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(OpenError::NotAFolder(root.to_path_buf())),
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Err(OpenError::NotAFolder(root.to_path_buf()));
        }
        Err(source) => {
            return Err(OpenError::Io {
                path: root.to_path_buf(),
                source,
            });
        }
    }
    match fs::symlink_metadata(root.join(WORKSPACE_FILE)) {
        Ok(meta) if meta.is_file() => {}
        _ => return Err(OpenError::NoWorkspace(root.to_path_buf())),
    }

    let mut scan = Scan::default();
    scan_folder(root, "", &mut scan);
    super::moving::settle(root, mode, &mut scan.records, &mut scan.findings);
    if mode == Mode::Open {
        for temp in &scan.stale_temps {
            let _ = fs::remove_file(temp);
        }
    }
    let mut findings = std::mem::take(&mut scan.findings);
    let mut states = HashMap::new();

    // The format comes first: a newer one means nothing else may be read as ours.
    let (workspace_state, workspace_outcome) = match read_text(&root.join(WORKSPACE_FILE), true) {
        Err(error) => {
            let (at, message) = error.describe();
            (
                FileState::Broken,
                Err(finding(WORKSPACE_FILE, at, ProblemSeverity::Error, message)),
            )
        }
        Ok((text, hash)) => {
            if let Some(newer) = format::newer_format(&text) {
                let finding = finding(
                    WORKSPACE_FILE,
                    newer.at,
                    ProblemSeverity::Error,
                    newer.message.clone(),
                );
                let folder = Folder {
                    root: root.to_path_buf(),
                    records: Records::new(Workspace::new(String::new())),
                    files: HashMap::new(),
                    untracked: 0,
                    writes: 0,
                    findings: vec![finding],
                    read_only: Some(format!(
                        "{WORKSPACE_FILE}:{}:{}: {}",
                        newer.at.line, newer.at.col, newer.message
                    )),
                };
                return Ok((folder, sink.empty()));
            }
            match format::parse::<Workspace>(&text) {
                Ok(workspace) => (FileState::Loaded(hash), Ok((workspace, text))),
                Err(error) => (
                    FileState::Broken,
                    Err(finding(
                        WORKSPACE_FILE,
                        error.at,
                        ProblemSeverity::Error,
                        error.message,
                    )),
                ),
            }
        }
    };
    states.insert(WORKSPACE_FILE.to_owned(), workspace_state);
    let (workspace, workspace_text) = match workspace_outcome {
        Ok(parsed) => (Some(parsed.0), parsed.1),
        Err(finding) => {
            findings.push(finding);
            (None, String::new())
        }
    };

    let of = |wanted: fn(&Place) -> bool| -> Vec<&(String, Place)> {
        scan.records
            .iter()
            .filter(|(_, place)| wanted(place))
            .collect()
    };
    let procedures: Vec<Parsed<Procedure>> = parse_all(
        root,
        &of(|p| matches!(p, Place::Procedure { .. } | Place::ArchivedProcedure { .. })),
        &mut states,
        &mut findings,
    );
    let checklists: Vec<Parsed<Checklist>> = parse_all(
        root,
        &of(|p| matches!(p, Place::Checklist { .. } | Place::ArchivedChecklist { .. })),
        &mut states,
        &mut findings,
    );
    let training: Vec<Parsed<Training>> = parse_all(
        root,
        &of(|p| matches!(p, Place::Training { .. })),
        &mut states,
        &mut findings,
    );
    let order_files = of(|p| matches!(p, Place::Order { .. }));

    let is_archived = |place: &Place| {
        matches!(
            place,
            Place::ArchivedProcedure { .. } | Place::ArchivedChecklist { .. }
        )
    };
    let unreadable = |wanted: fn(&Place) -> Option<&String>| -> Vec<String> {
        scan.records
            .iter()
            .filter(|(path, _)| states.get(path) == Some(&FileState::Broken))
            .filter_map(|(_, place)| wanted(place).cloned())
            .collect()
    };
    let unreadable_procedures = unreadable(|place| match place {
        Place::Procedure { stem } | Place::ArchivedProcedure { stem } => Some(stem),
        _ => None,
    });
    let unreadable_checklists = unreadable(|place| match place {
        Place::Checklist { stem } | Place::ArchivedChecklist { stem } => Some(stem),
        _ => None,
    });
    // Every record but the orders, as the sink sees them while the orders are read. Copies:
    // the catalog below borrows the parsed records, and there are only a few dozen.
    let mut records = Records::new(
        workspace
            .clone()
            .unwrap_or_else(|| Workspace::new(String::new())),
    );
    for parsed in &procedures {
        if is_archived(&parsed.place) {
            records.archived_procedures.push(parsed.record.clone())
        } else {
            records.procedures.push(parsed.record.clone())
        }
    }
    for parsed in &checklists {
        if is_archived(&parsed.place) {
            records.archived_checklists.push(parsed.record.clone())
        } else {
            records.checklists.push(parsed.record.clone())
        }
    }
    records.training = training
        .iter()
        .map(|parsed| parsed.record.clone())
        .collect();
    records.sort();

    let mut untracked = 0;
    let catalog = match &workspace {
        Some(workspace) => {
            let catalog = Catalog::new(
                workspace,
                procedures
                    .iter()
                    .map(|p| (&p.record, is_archived(&p.place))),
                checklists
                    .iter()
                    .map(|c| (&c.record, is_archived(&c.place))),
            )
            .with_unreadable(unreadable_procedures, unreadable_checklists);
            place_problems(
                WORKSPACE_FILE,
                &workspace_text,
                catalog.check_workspace(),
                &mut findings,
            );
            for parsed in &procedures {
                let mut problems =
                    catalog.check_procedure(&parsed.record, is_archived(&parsed.place));
                problems.extend(file_problems(
                    &parsed.place,
                    &parsed.record.id,
                    Some(parsed.record.revision),
                ));
                place_problems(&parsed.path, &parsed.text, problems, &mut findings);
            }
            for parsed in &checklists {
                let mut problems =
                    catalog.check_checklist(&parsed.record, is_archived(&parsed.place));
                problems.extend(file_problems(
                    &parsed.place,
                    &parsed.record.id,
                    Some(parsed.record.revision),
                ));
                place_problems(&parsed.path, &parsed.text, problems, &mut findings);
            }
            for parsed in &training {
                let mut problems = catalog.check_training(&parsed.record);
                problems.extend(file_problems(&parsed.place, &parsed.record.person, None));
                place_problems(&parsed.path, &parsed.text, problems, &mut findings);
            }
            Some(catalog)
        }
        None => None,
    };
    let reading = Reading {
        root,
        catalog: catalog.as_ref(),
        records: &records,
        mode,
    };
    let orders = reading.orders(
        &order_files,
        sink,
        &mut states,
        &mut untracked,
        &mut findings,
        progress,
    );
    duplicate_orders(root, &scan.records, &mut findings);

    findings.sort_by(|a, b| (&a.path, a.at).cmp(&(&b.path, b.at)));
    let folder = Folder {
        root: root.to_path_buf(),
        records,
        files: states,
        untracked,
        writes: 0,
        findings,
        read_only: None,
    };
    Ok((folder, orders))
}

/// What reading the orders needs from the rest of the workspace.
struct Reading<'a> {
    root: &'a Path,
    catalog: Option<&'a Catalog<'a>>,
    /// Every record but the orders.
    records: &'a Records,
    mode: Mode,
}

/// What the orders read on one core came to.
struct Part<T> {
    sum: T,
    /// The states of the files a save may need: every file when the folder is opened to be
    /// saved to, otherwise only the broken ones.
    states: Vec<(String, FileState)>,
    /// Files read and parsed whose state is not kept.
    untracked: usize,
    findings: Vec<Finding>,
}

impl Reading<'_> {
    /// Orders are most of the workspace: each is read, parsed, checked and handed to the
    /// sink in one go on some core, so its text is dropped as soon as its problems have
    /// their lines.
    fn orders<S: OrderSink>(
        &self,
        files: &[&(String, Place)],
        sink: &S,
        states: &mut HashMap<String, FileState>,
        untracked: &mut usize,
        findings: &mut Vec<Finding>,
        progress: Progress<'_>,
    ) -> S::Sum {
        // Only a workspace opened to be saved to needs each file's hash, or the state of
        // a file that read well: a hundred thousand paths in a map cost more than the
        // rest of reading them on the one thread that builds the map.
        let tracked = matches!(self.mode, Mode::Open | Mode::Inspect);
        let done = std::sync::atomic::AtomicUsize::new(0);
        let total = files.len();
        progress(0, total);
        let empty = || Part {
            sum: sink.empty(),
            states: Vec::new(),
            untracked: 0,
            findings: Vec::new(),
        };
        let part = files
            .par_iter()
            .fold(empty, |mut part, (path, place)| {
                let read = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                if read.is_multiple_of(2000) || read == total {
                    progress(read, total);
                }
                let (path, state, outcome) =
                    read_and_parse::<Order>(self.root, path, place, tracked);
                match outcome {
                    Err(finding) => part.findings.push(finding),
                    Ok(parsed) => {
                        let mut problems = self
                            .catalog
                            .map(|catalog| catalog.check_order(&parsed.record))
                            .unwrap_or_default();
                        problems.extend(file_problems(&parsed.place, &parsed.record.id, None));
                        problems.extend(order_folder_problem(&parsed.place, &parsed.record));
                        place_problems(&path, &parsed.text, problems, &mut part.findings);
                        sink.add(&mut part.sum, self.records, parsed.record);
                    }
                }
                if tracked || state == FileState::Broken {
                    part.states.push((path, state));
                } else {
                    part.untracked += 1;
                }
                part
            })
            .reduce(empty, |mut part, other| {
                sink.merge(&mut part.sum, other.sum);
                part.states.extend(other.states);
                part.untracked += other.untracked;
                part.findings.extend(other.findings);
                part
            });
        states.reserve(part.states.len());
        states.extend(part.states);
        *untracked = part.untracked;
        findings.extend(part.findings);
        part.sum
    }
}

/// Two files with the same order id, in different month folders; and ids that differ only
/// in upper and lower case, which Windows and macOS keep as one file name. Told by the
/// file names, since a file whose name is not its id is an error of its own.
///
/// By sorting the names on every core, not by counting them in a map: on 100,000 orders
/// the map was most of the time spent on the one thread that waits for the others.
fn duplicate_orders(root: &Path, files: &[(String, Place)], findings: &mut Vec<Finding>) {
    let mut orders: Vec<(&str, &str)> = files
        .iter()
        .filter_map(|(path, place)| match place {
            Place::Order { stem, .. } => Some((stem.as_str(), path.as_str())),
            _ => None,
        })
        .collect();
    // Ids equal but for case next to each other, and the same id together among them.
    fn folded(id: &str) -> impl Iterator<Item = u8> + '_ {
        id.bytes().map(|b| b.to_ascii_lowercase())
    }
    orders.par_sort_unstable_by(|a, b| folded(a.0).cmp(folded(b.0)).then(a.cmp(b)));
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
