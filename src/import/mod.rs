//! Orders in from a till's or webshop's CSV export: Right First's own
//! `id,placed,customer,product,made_by`, Shopify's and WooCommerce's order exports, or any
//! other CSV through a mapping of its columns, remembered in the workspace per header.
//!
//! Layers that narrow, as in ripgrep: [`import_file`] opens the workspace and reads the file,
//! [`read`] turns bytes into orders (pure: [`Sheet`] decodes and splits them, [`recognise`]
//! says what the header is, every row is checked before anything is written), and [`import`]
//! writes the new ones through [`Folder::save_new`] in batches, one flush each. Orders
//! already in the workspace are skipped, so an import that was killed or failed part-way is
//! finished by running it again.

mod dates;
pub mod document;
mod mapping;
mod reason;
mod rows;
mod sheet;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::{Columns, DateOrder, Maker, Order, Records, Workspace};
use crate::store::document::{BroughtError, read_document};
use crate::store::{Finding, Folder, OpenError, SaveError};
pub use dates::placed;
pub use mapping::{HEADER, Kind, parse_columns, recognise, staff_member};
pub use reason::{DateForm, DateProblem, MappingProblem, Reason, Staff};
pub use rows::id_of;
pub use sheet::{Row, Sheet};

/// Larger files are refused before they are read: a year of a busy till is a few MiB.
pub const MAX_CSV_BYTES: u64 = 64 * 1024 * 1024;

/// Orders written per flush: a flush costs milliseconds, so one per order would take minutes.
const BATCH: usize = 2_000;

/// One thing wrong with one row, at the file's physical line (1 is the header).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct RowError {
    /// The file, as the person named it.
    pub file: String,
    /// The line the row starts on, counting from 1.
    pub line: u64,
    /// What is wrong.
    pub reason: Reason,
}

/// An order file in the way of an imported order that did not read when the workspace opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenOrder {
    /// The order id, from the file's name.
    pub id: String,
    /// The file, relative to the workspace.
    pub path: String,
    /// Why it did not read, as `rightfirst check` puts it.
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Orders written.
    pub imported: usize,
    /// Orders left alone because the workspace already had them.
    pub skipped: usize,
}

/// Why an import did not happen, or did not finish.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ImportError {
    /// The workspace could not be opened.
    #[error(transparent)]
    Open(Arc<OpenError>),
    /// `workspace.ron` did not read, so who is on the staff is unknown.
    #[error(
        "{0}\nworkspace.ron must read before orders can be imported: it says who is on the staff. Run `rightfirst check` and fix it first"
    )]
    Workspace(Finding),
    /// The workspace was written by a newer build.
    #[error("{0}")]
    ReadOnly(String),
    /// The CSV file could not be read.
    #[error("could not read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: Arc<io::Error>,
    },
    /// The CSV file is larger than [`MAX_CSV_BYTES`].
    #[error(
        "{path} is {} MiB; at most {} MiB can be imported at once, so split the export",
        bytes / (1024 * 1024),
        MAX_CSV_BYTES / (1024 * 1024)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// The file's columns are not known, or the mapping does not fit the file or the staff;
    /// nothing was written.
    #[error("{file}: {reason}\nnothing was imported")]
    Mapping {
        /// The file, as the person named it.
        file: String,
        /// What is missing or wrong.
        reason: MappingProblem,
    },
    /// Rows are wrong; nothing was written.
    #[error("{}", Rows(.0))]
    Rows(Vec<RowError>),
    /// Order files where imported orders belong did not read; nothing was written.
    #[error("{}", Broken(.0))]
    Broken(Vec<BrokenOrder>),
    /// Two orders of one import have the same id; nothing was written.
    #[error("order \"{0}\" is in the import twice; nothing was imported")]
    Twice(String),
    /// An order's id differs from another's only in case; nothing was written.
    #[error(
        "order \"{id}\" differs from \"{other}\" ({where_}) only in upper and lower case; Windows and macOS take those for one file name, so nothing was imported: give one of them another id"
    )]
    CaseTwin {
        /// The imported order's id.
        id: String,
        /// The id it clashes with.
        other: String,
        /// "in the workspace" or "also in the import".
        where_: &'static str,
    },
    /// Writing failed part-way.
    #[error(
        "{source}\n{written} orders were saved before that; once the cause is fixed, import the file again to add the rest"
    )]
    Save {
        /// Orders safely on disk before the failure.
        written: usize,
        /// What failed.
        source: SaveError,
    },
}

impl From<OpenError> for ImportError {
    fn from(error: OpenError) -> Self {
        ImportError::Open(Arc::new(error))
    }
}

/// Every bad row, one per line, then what it means.
struct Rows<'a>(&'a [RowError]);

impl fmt::Display for Rows<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for row in self.0 {
            writeln!(f, "{row}")?;
        }
        let lines: HashSet<u64> = self.0.iter().map(|row| row.line).collect();
        let rows = if lines.len() == 1 { "row" } else { "rows" };
        write!(
            f,
            "nothing was imported: {} {rows} of the file must be fixed first",
            lines.len()
        )
    }
}

/// Where the id an order's differs from only in case is, when it is an order already in
/// the workspace (else it is "also in the import"): the window says it in its own words.
pub const IN_WORKSPACE: &str = "in the workspace";

/// Every broken order file, one per line, then what to do.
struct Broken<'a>(&'a [BrokenOrder]);

impl fmt::Display for Broken<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for broken in self.0 {
            writeln!(
                f,
                "{}: order \"{}\" is in the file, but the file did not read: {}",
                broken.path, broken.id, broken.reason
            )?;
        }
        write!(
            f,
            "nothing was imported: Right First will not overwrite a file it could not read. Fix each by hand or delete it, then import again"
        )
    }
}

/// Writes the orders the workspace does not have yet, in batches of one flush each, telling
/// `progress` how many of the orders to write are written (`done`, `total`).
///
/// Checks everything before writing anything: an order whose id has a file that did not read
/// stops the import ([`ImportError::Broken`]), and so does an id twice or one that cannot be a
/// file name. Orders whose id the workspace already has, in any month folder, are skipped. If
/// a batch fails, the batches before it stay written and a second run finishes the job.
pub fn import(
    folder: &mut Folder,
    orders: Vec<Order>,
    progress: &dyn Fn(usize, usize),
) -> Result<Summary, ImportError> {
    refuse_unreadable_workspace(folder)?;
    let (new, skipped) = plan(folder, orders)?;
    let total = new.len();
    progress(0, total);
    let mut written = 0;
    let mut new = new.into_iter();
    loop {
        let batch: Vec<Order> = new.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let count = batch.len();
        folder
            .save_new(batch)
            .map_err(|source| ImportError::Save { written, source })?;
        written += count;
        progress(written, total);
    }
    Ok(Summary {
        imported: written,
        skipped,
    })
}

/// Splits `orders` into those to write and the number already there, refusing what cannot be
/// written before anything is.
fn plan(folder: &Folder, orders: Vec<Order>) -> Result<(Vec<Order>, usize), ImportError> {
    // By parsed id and by file name: a file misnamed or in the wrong month still holds its order.
    let mut there: HashSet<&str> = folder
        .records()
        .orders
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    let mut unreadable: HashMap<&str, &str> = HashMap::new();
    for (id, path, parsed) in folder.order_files() {
        if parsed {
            there.insert(id);
        } else {
            unreadable.insert(id, path);
        }
    }
    // Every id by its lower case, to refuse one that differs from another only in case.
    let mut folded: HashMap<String, (String, &'static str)> = there
        .iter()
        .chain(unreadable.keys())
        .map(|id| (id.to_ascii_lowercase(), ((*id).to_owned(), IN_WORKSPACE)))
        .collect();
    let mut new = Vec::new();
    let mut skipped = 0;
    let mut broken = Vec::new();
    let mut seen = HashSet::new();
    for order in orders {
        if !seen.insert(order.id.clone()) {
            return Err(ImportError::Twice(order.id));
        }
        let (other, where_) = folded
            .entry(order.id.to_ascii_lowercase())
            .or_insert_with(|| (order.id.clone(), "also in the import"));
        if *other != order.id {
            return Err(ImportError::CaseTwin {
                id: order.id,
                other: other.clone(),
                where_,
            });
        }
        if let Some(path) = unreadable.get(order.id.as_str()) {
            let reason = folder
                .findings()
                .iter()
                .find(|finding| finding.path == *path)
                .map_or_else(
                    || "it did not read".to_owned(),
                    |finding| {
                        format!(
                            "line {}, column {}: {}",
                            finding.at.line, finding.at.col, finding.message
                        )
                    },
                );
            broken.push(BrokenOrder {
                id: order.id,
                path: (*path).to_owned(),
                reason,
            });
        } else if there.contains(order.id.as_str()) {
            skipped += 1;
        } else {
            Folder::path_of(&order).map_err(|source| ImportError::Save { written: 0, source })?;
            new.push(order);
        }
    }
    if broken.is_empty() {
        Ok((new, skipped))
    } else {
        Err(ImportError::Broken(broken))
    }
}

/// Refuses a workspace whose `workspace.ron` did not read or that a newer build wrote.
fn refuse_unreadable_workspace(folder: &Folder) -> Result<(), ImportError> {
    if let Some(reason) = folder.read_only() {
        return Err(ImportError::ReadOnly(reason.to_owned()));
    }
    let workspace_file = crate::store::layout::WORKSPACE_FILE;
    if folder.is_broken(workspace_file) {
        let finding = folder
            .findings()
            .iter()
            .find(|finding| finding.path == workspace_file)
            .cloned()
            .unwrap_or_else(|| Finding {
                path: workspace_file.to_owned(),
                at: crate::store::Position { line: 1, col: 1 },
                severity: crate::model::ProblemSeverity::Error,
                message: "did not read".to_owned(),
            });
        return Err(ImportError::Workspace(finding));
    }
    Ok(())
}

/// What the person said about a file, beyond what its header says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    /// The columns to read, in place of what the header says (`--columns`).
    pub columns: Option<Columns>,
    /// One person, by id or name, who made every order of the file (`--made-by`).
    pub made_by: Option<String>,
    /// How `05-11-2026` reads (`--day-first`, `--month-first`).
    pub dates: Option<DateOrder>,
    /// Whether columns given for a header the workspace does not know are remembered in
    /// `workspace.ron` before the orders are written (the window saves them itself).
    pub remember: bool,
}

/// A file read into orders.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// What the header said the file is; [`Kind::New`] when the columns were given.
    pub kind: Kind,
    /// The columns the orders were read with, the maker and date order included.
    pub columns: Columns,
    /// Every order of the file, each once.
    pub orders: Vec<Order>,
}

/// The columns to read `sheet` with: the person's, else what its header says; with the
/// maker and date order the person gave. Says why not where neither knows.
pub fn columns_for(
    sheet: &Sheet,
    workspace: &Workspace,
    choices: &Choices,
) -> Result<(Kind, Columns), ImportError> {
    let (kind, columns) = match (&choices.columns, recognise(sheet, workspace)) {
        (Some(given), _) => (Kind::New, given.clone()),
        (None, (kind, Some(columns))) => (kind, columns),
        (None, (_, None)) => {
            return Err(ImportError::Mapping {
                file: sheet.file.clone(),
                reason: MappingProblem::UnknownHeader {
                    header: sheet.header.clone(),
                },
            });
        }
    };
    let mut columns = columns;
    if let Some(person) = &choices.made_by {
        // By id, so a remembered mapping names the person as every other file does.
        let id = staff_member(workspace, person).map_or(person, |p| &p.id);
        columns.made_by = Some(Maker::Person(id.clone()));
    }
    if let Some(order) = choices.dates {
        columns.dates = Some(order);
    }
    Ok((kind, columns))
}

/// Reads every row of `sheet` under `columns` into orders (pure).
pub fn orders_of(
    sheet: &Sheet,
    kind: Kind,
    columns: &Columns,
    workspace: &Workspace,
) -> Result<Vec<Order>, ImportError> {
    let resolved =
        mapping::resolve(sheet, columns, workspace).map_err(|reason| ImportError::Mapping {
            file: sheet.file.clone(),
            reason,
        })?;
    rows::orders(sheet, &resolved, kind == Kind::RightFirst, workspace).map_err(ImportError::Rows)
}

/// Reads a CSV export into orders, checking every row against the workspace's staff.
///
/// Pure: nothing is read from or written to disk. `file_name` is only used in the errors.
/// Either every row is a valid order, or every problem of every row is returned, each at the
/// physical line its row starts on.
pub fn read(
    bytes: &[u8],
    file_name: &str,
    records: &Records,
    choices: &Choices,
) -> Result<Reading, ImportError> {
    let sheet = Sheet::read(bytes, file_name).map_err(ImportError::Rows)?;
    let workspace = &records.workspace;
    let (kind, columns) = columns_for(&sheet, workspace, choices)?;
    let orders = orders_of(&sheet, kind, &columns, workspace)?;
    Ok(Reading {
        kind,
        columns,
        orders,
    })
}

/// Imports the CSV file `csv` into the workspace at `root`: opens both, reads every row, then
/// writes the new orders. For the window's worker thread and the command line.
///
/// Columns given for a header the workspace does not remember are remembered first when
/// `choices.remember` says so, so a killed import is finished by a run without them.
pub fn import_file(
    root: &Path,
    csv: &Path,
    choices: &Choices,
    progress: &dyn Fn(usize, usize),
) -> Result<Summary, ImportError> {
    let bytes = read_csv(csv)?;
    let mut folder = Folder::open(root)?;
    refuse_unreadable_workspace(&folder)?;
    let file = csv.display().to_string();
    let sheet = Sheet::read(&bytes, &file).map_err(ImportError::Rows)?;
    let workspace = &folder.records().workspace;
    let (kind, columns) = columns_for(&sheet, workspace, choices)?;
    let orders = orders_of(&sheet, kind, &columns, workspace)?;
    let known = workspace.mapping_for(&sheet.header);
    if choices.remember && choices.columns.is_some() && known != Some(&columns) {
        let mut workspace = workspace.clone();
        workspace.remember_mapping(sheet.header.clone(), columns);
        plan(&folder, orders.clone())?;
        folder
            .save(workspace)
            .map_err(|source| ImportError::Save { written: 0, source })?;
    }
    import(&mut folder, orders, progress)
}

/// A CSV file read into its header and rows, for a preview before it is imported.
pub fn read_sheet(csv: &Path) -> Result<Sheet, ImportError> {
    let bytes = read_csv(csv)?;
    Sheet::read(&bytes, &csv.display().to_string()).map_err(ImportError::Rows)
}

/// The bytes of a CSV file, refusing folders and files over [`MAX_CSV_BYTES`], for [`read`].
pub fn read_csv(path: &Path) -> Result<Vec<u8>, ImportError> {
    read_document(path, MAX_CSV_BYTES).map_err(|error| match error {
        BroughtError::Io { path, source } => ImportError::Read { path, source },
        BroughtError::TooLarge { path, bytes, .. } => ImportError::TooLarge { path, bytes },
    })
}
