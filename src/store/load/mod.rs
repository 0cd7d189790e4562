//! Reading a whole workspace on every core, collecting every problem instead of stopping.
//!
//! In the order a load goes: [`scan`] lists the files, `workspace.ron` is read first (a
//! newer format stops everything), [`parse`] reads the procedures, checklists and
//! training, the model's catalog checks them against each other, and [`orders`] reads,
//! checks and hands on the orders. [`first`] opens a workspace in two phases: the newest
//! orders before the window's desk opens, the older ones in batches after.

mod first;
mod folders;
mod orders;
mod parse;
mod rules;
mod scan;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::index::{self, IndexUse, Session, Stamp};
use super::layout::{Place, WORKSPACE_FILE};
use super::photos::step_photo_problems;
use super::read::read_text;
use super::{FileState, Files, Finding, Folder, Mode, format};
use crate::model::{Catalog, Checklist, ProblemSeverity, Procedure, Records, Training, Workspace};
pub(super) use first::Awaited;
pub use first::{Batch, Rest};
pub(crate) use orders::{Discard, Keep, Progress};
pub use orders::{Needs, OrderSink};
use orders::{Reading, duplicate_orders};
use parse::{Parsed, parse_all};
use rules::{file_problems, owner_problem, place_problems};
use scan::{Scan, finding, scan_folder};

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

/// Loads a workspace keeping every order, sorted as [`Records::sort`] sorts them.
pub(super) fn load_keeping(
    root: &Path,
    mode: Mode,
    progress: Progress<'_>,
) -> Result<Folder, OpenError> {
    let (mut folder, orders) = load(root, mode, &Keep, progress, &IndexUse::Off)?;
    folder.records.orders = orders;
    folder.records.sort_orders();
    Ok(folder)
}

/// Loads a workspace, handing each order that parsed to `sink`; the folder's records
/// hold no orders. A folder loaded only to be checked or read may take unchanged orders
/// from an index (see [`super::index`]); one opened to be saved to reads every file.
pub(super) fn load<S: OrderSink>(
    root: &Path,
    mode: Mode,
    sink: &S,
    progress: Progress<'_>,
    index: &IndexUse,
) -> Result<(Folder, S::Sum), OpenError> {
    let (folder, sum, _) = load_split(root, mode, sink, progress, index, None)?;
    Ok((folder, sum))
}

/// Loads as [`load`] does; with `first`, only the orders of the newest months (at least
/// that many, where there are) are read, and the others are left to the [`Rest`] handed
/// back, which the folder then awaits (see [`first`]).
fn load_split<S: OrderSink>(
    root: &Path,
    mode: Mode,
    sink: &S,
    progress: Progress<'_>,
    index: &IndexUse,
    first: Option<usize>,
) -> Result<(Folder, S::Sum, Option<Rest>), OpenError> {
    is_workspace(root)?;
    let started = std::time::SystemTime::now();
    let indexed = matches!(mode, Mode::Check | Mode::Read) && sink.needs() != Needs::Orders;
    let session = indexed
        .then(|| Session::locate(index, root, started))
        .flatten();
    // Stamps are taken while listing only for files an old index may hold unchanged.
    let stamping = session.as_ref().is_some_and(Session::exists);
    let (mut scan, mut session) = list(root, mode, stamping, || session.map(Session::read));
    let mut findings = std::mem::take(&mut scan.findings);
    let mut states = Files::default();

    // The format comes first: a newer one means nothing else may be read as ours.
    let (workspace, workspace_text) = match read_workspace(root, &mut states) {
        WorkspaceFile::Newer(folder) => return Ok((*folder, sink.empty(), None)),
        WorkspaceFile::Read(workspace, text) => (Some(workspace), text),
        WorkspaceFile::Broken(finding) => {
            findings.push(finding);
            (None, String::new())
        }
    };
    // The few records that are not orders, picked out of the listing once: going through
    // a hundred thousand listed files for each kind held every core but one idle.
    let not_orders: Vec<&(String, Place)> = (scan.records.iter())
        .filter(|(_, place)| !matches!(place, Place::Order { .. }))
        .collect();
    let others = Others::parse(root, &not_orders, &mut states, &mut findings);
    let records = others.records(workspace.as_ref());

    let context = index::context(&states);
    let unreadable = unreadable(&not_orders, &states);
    let catalog = workspace.as_ref().map(|workspace| {
        let catalog = others.catalog(workspace, unreadable.clone());
        let mut problems = catalog.check_workspace();
        problems.extend(owner_problem(workspace));
        place_problems(WORKSPACE_FILE, &workspace_text, problems, &mut findings);
        others.check(root, &catalog, &mut findings);
        catalog
    });
    // With no old index, the new one is written while the orders are read; it is
    // finished below (dropped unfinished, it leaves nothing behind).
    if let Some(session) = &mut session {
        session.stream();
    }
    let reading = Reading {
        root,
        catalog: catalog.as_ref(),
        records: &records,
        mode,
        index: session.as_ref().map(|session| (session, context)),
    };
    let stamps = (scan.stamps.iter().copied()).chain(std::iter::repeat(None));
    let order_files: Vec<(&(String, Place), Option<Stamp>)> = (scan.records.iter())
        .zip(stamps)
        .filter(|((_, place), _)| matches!(place, Place::Order { .. }))
        .collect();
    let (now, later) = first::split(order_files, first);
    // The order ids are compared across files while the orders are read: that needs only
    // the listing, and done after the reading it held the answer for milliseconds.
    let mut twins = Vec::new();
    let ((orders, untracked, entries), ()) = rayon::join(
        || reading.orders(&now, sink, &mut states, &mut findings, progress),
        || duplicate_orders(root, &scan.records, &mut twins),
    );
    findings.append(&mut twins);
    let index_warning = session.as_ref().and_then(|session| session.warning.clone());
    let index_writing = session.and_then(|session| session.finish(entries, context));
    let checked = workspace.is_some();
    let rest = first.map(|_| {
        Rest::new(
            root,
            &others,
            records.clone(),
            unreadable,
            checked,
            (now.len(), later),
        )
    });
    // A hundred thousand paths are freed on another core while the answer is given.
    let listing = std::mem::take(&mut scan.records);
    rayon::spawn(move || drop(listing));

    findings.sort_by(|a, b| (&a.path, a.at).cmp(&(&b.path, b.at)));
    let folder = Folder {
        root: root.to_path_buf(),
        records,
        files: states,
        untracked,
        writes: 0,
        findings,
        read_only: None,
        index_warning,
        _index_writing: index_writing,
        older: rest.as_ref().and_then(Rest::awaited),
    };
    Ok((folder, orders, rest))
}

/// Lists the workspace's files (taking their stamps when `stamping`) while `session` opens
/// the index, settles moves left half done, and (when opened to work in) removes the temp
/// files of killed saves.
fn list(
    root: &Path,
    mode: Mode,
    stamping: bool,
    session: impl FnOnce() -> Option<Session> + Send,
) -> (Scan, Option<Session>) {
    let mut scan = Scan {
        stamping,
        ..Scan::default()
    };
    // The index is read while the folders are listed.
    let (session, ()) = rayon::join(session, || scan_folder(root, "", &mut scan));
    super::moving::settle(root, mode, &mut scan.records, &mut scan.findings);
    // A move left half done took a record out of the list: the stamps no longer line up
    // with it, and each file is looked at by its path instead.
    if scan.stamps.len() != scan.records.len() {
        scan.stamps.clear();
    }
    if mode == Mode::Open {
        for temp in &scan.stale_temps {
            let _ = fs::remove_file(temp);
        }
    }
    (scan, session)
}

/// `Ok` when `root` is a folder with a `workspace.ron` file in it.
fn is_workspace(root: &Path) -> Result<(), OpenError> {
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
        Ok(meta) if meta.is_file() => Ok(()),
        _ => Err(OpenError::NoWorkspace(root.to_path_buf())),
    }
}

/// What became of `workspace.ron`.
enum WorkspaceFile {
    /// Written by a newer build: the whole folder is this, read-only and empty.
    Newer(Box<Folder>),
    /// Parsed, with its text for pointing at its lines.
    Read(Workspace, String),
    /// Did not read or parse.
    Broken(Finding),
}

/// Reads `workspace.ron`, noting its state for saving.
fn read_workspace(root: &Path, states: &mut Files) -> WorkspaceFile {
    let (state, outcome) = match read_text(&root.join(WORKSPACE_FILE), true) {
        Err(error) => {
            let (at, message) = error.describe();
            let finding = finding(WORKSPACE_FILE, at, ProblemSeverity::Error, message);
            (FileState::Broken, WorkspaceFile::Broken(finding))
        }
        Ok((text, hash)) => {
            if let Some(newer) = format::newer_format(&text) {
                let finding = finding(
                    WORKSPACE_FILE,
                    newer.at,
                    ProblemSeverity::Error,
                    newer.message.clone(),
                );
                return WorkspaceFile::Newer(Box::new(Folder {
                    root: root.to_path_buf(),
                    records: Records::new(Workspace::new(String::new())),
                    files: Files::default(),
                    untracked: 0,
                    writes: 0,
                    findings: vec![finding],
                    index_warning: None,
                    _index_writing: None,
                    older: None,
                    read_only: Some(format!(
                        "{WORKSPACE_FILE}:{}:{}: {}",
                        newer.at.line, newer.at.col, newer.message
                    )),
                }));
            }
            match format::parse::<Workspace>(&text) {
                Ok(workspace) => (
                    FileState::Loaded(hash),
                    WorkspaceFile::Read(workspace, text),
                ),
                Err(error) => (
                    FileState::Broken,
                    WorkspaceFile::Broken(finding(
                        WORKSPACE_FILE,
                        error.at,
                        ProblemSeverity::Error,
                        error.message,
                    )),
                ),
            }
        }
    };
    states.insert(WORKSPACE_FILE.to_owned(), state);
    outcome
}

/// The stems of the procedure and checklist files that did not read or parse. The place
/// is asked first: looking each of a hundred thousand order paths up in the states held
/// the one thread that does this for milliseconds.
fn unreadable(not_orders: &[&(String, Place)], states: &Files) -> (Vec<String>, Vec<String>) {
    let of = |wanted: fn(&Place) -> Option<&String>| -> Vec<String> {
        (not_orders.iter())
            .filter_map(|(path, place)| Some((path, wanted(place)?)))
            .filter(|(path, _)| states.get(*path) == Some(&FileState::Broken))
            .map(|(_, stem)| stem.clone())
            .collect()
    };
    let procedures = of(|place| match place {
        Place::Procedure { stem } | Place::ArchivedProcedure { stem } => Some(stem),
        _ => None,
    });
    let checklists = of(|place| match place {
        Place::Checklist { stem } | Place::ArchivedChecklist { stem } => Some(stem),
        _ => None,
    });
    (procedures, checklists)
}

fn is_archived(place: &Place) -> bool {
    matches!(
        place,
        Place::ArchivedProcedure { .. } | Place::ArchivedChecklist { .. }
    )
}

/// The records other than the workspace and the orders, current and archived, parsed.
struct Others {
    procedures: Vec<Parsed<Procedure>>,
    checklists: Vec<Parsed<Checklist>>,
    training: Vec<Parsed<Training>>,
}

impl Others {
    /// Reads and parses the procedure, checklist and training files the scan found.
    fn parse(
        root: &Path,
        not_orders: &[&(String, Place)],
        states: &mut Files,
        findings: &mut Vec<Finding>,
    ) -> Others {
        let of = |wanted: fn(&Place) -> bool| -> Vec<&(String, Place)> {
            (not_orders.iter().copied())
                .filter(|(_, place)| wanted(place))
                .collect()
        };
        let procedures = parse_all(
            root,
            &of(|p| matches!(p, Place::Procedure { .. } | Place::ArchivedProcedure { .. })),
            states,
            findings,
        );
        let checklists = parse_all(
            root,
            &of(|p| matches!(p, Place::Checklist { .. } | Place::ArchivedChecklist { .. })),
            states,
            findings,
        );
        let training = parse_all(
            root,
            &of(|p| matches!(p, Place::Training { .. })),
            states,
            findings,
        );
        Others {
            procedures,
            checklists,
            training,
        }
    }

    /// Every record but the orders, as the sink sees them while the orders are read. Copies:
    /// the catalog borrows the parsed records, and there are only a few dozen.
    fn records(&self, workspace: Option<&Workspace>) -> Records {
        let mut records = Records::new(
            workspace
                .cloned()
                .unwrap_or_else(|| Workspace::new(String::new())),
        );
        for parsed in &self.procedures {
            if is_archived(&parsed.place) {
                records.archived_procedures.push(parsed.record.clone())
            } else {
                records.procedures.push(parsed.record.clone())
            }
        }
        for parsed in &self.checklists {
            if is_archived(&parsed.place) {
                records.archived_checklists.push(parsed.record.clone())
            } else {
                records.checklists.push(parsed.record.clone())
            }
        }
        records.training = self
            .training
            .iter()
            .map(|parsed| parsed.record.clone())
            .collect();
        records.sort();
        records
    }

    /// What the workspace holds, for checking references; files that did not read are
    /// named (`unreadable`: procedures, checklists) so that a reference into them is not
    /// called unknown.
    fn catalog<'a>(
        &'a self,
        workspace: &'a Workspace,
        unreadable: (Vec<String>, Vec<String>),
    ) -> Catalog<'a> {
        Catalog::new(
            workspace,
            self.procedures
                .iter()
                .map(|p| (&p.record, is_archived(&p.place))),
            self.checklists
                .iter()
                .map(|c| (&c.record, is_archived(&c.place))),
        )
        .with_unreadable(unreadable.0, unreadable.1)
    }

    /// Checks each record against the catalog and against the file it is in, and the
    /// files of the procedures' step photos.
    fn check(&self, root: &Path, catalog: &Catalog<'_>, findings: &mut Vec<Finding>) {
        for parsed in &self.procedures {
            let mut problems = catalog.check_procedure(&parsed.record, is_archived(&parsed.place));
            problems.extend(file_problems(
                &parsed.path,
                &parsed.place,
                &parsed.record.id,
                Some(parsed.record.revision),
            ));
            problems.extend(step_photo_problems(root, &parsed.record));
            place_problems(&parsed.path, &parsed.text, problems, findings);
        }
        for parsed in &self.checklists {
            let mut problems = catalog.check_checklist(&parsed.record, is_archived(&parsed.place));
            problems.extend(file_problems(
                &parsed.path,
                &parsed.place,
                &parsed.record.id,
                Some(parsed.record.revision),
            ));
            place_problems(&parsed.path, &parsed.text, problems, findings);
        }
        for parsed in &self.training {
            let mut problems = catalog.check_training(&parsed.record);
            problems.extend(file_problems(
                &parsed.path,
                &parsed.place,
                &parsed.record.person,
                None,
            ));
            place_problems(&parsed.path, &parsed.text, problems, findings);
        }
    }
}
