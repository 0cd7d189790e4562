//! Orders in from a till's or webshop's CSV export: `id,placed,customer,product,made_by`.
//!
//! Layers that narrow, as in ripgrep: [`import_file`] opens the workspace and reads the file,
//! [`read`] turns bytes into orders (pure: every row is checked before anything is written),
//! and [`import`] writes the new ones through [`Folder::save_new`] in batches, one flush each.
//! Orders already in the workspace are skipped, so an import that was killed or failed part-way
//! is finished by running it again.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::{Date, IdKind, Order, Records, check_id};
use crate::store::{Finding, Folder, OpenError, SaveError};

/// The header a file must start with, field by field.
pub const HEADER: [&str; 5] = ["id", "placed", "customer", "product", "made_by"];

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
    /// What is wrong, in plain words.
    pub reason: String,
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

/// Reads a CSV export into orders, checking every row against the workspace's staff.
///
/// Pure: nothing is read from or written to disk. `file_name` is only used in the errors.
/// Either every row is a valid order, or every problem of every row is returned, each at the
/// physical line its row starts on. Customer and product are trimmed; an empty customer is none.
pub fn read(text: &[u8], file_name: &str, records: &Records) -> Result<Vec<Order>, Vec<RowError>> {
    let error = |line: u64, reason: String| RowError {
        file: file_name.to_owned(),
        line,
        reason,
    };
    // Spreadsheets save "CSV UTF-8" with a byte order mark.
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    if let Err(bad) = std::str::from_utf8(text) {
        let valid = &text[..bad.valid_up_to()];
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count() as u64;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |n| n + 1);
        let col = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        return Err(vec![error(
            line,
            format!(
                "the file is not UTF-8 text (column {col} holds byte 0x{:02X}); export it from the till as \"CSV UTF-8\"",
                text[bad.valid_up_to()]
            ),
        )]);
    }

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text);
    let mut lines = Lines {
        text,
        at: 0,
        line: 1,
    };
    let mut record = csv::StringRecord::new();
    let mut next = |record: &mut csv::StringRecord, lines: &mut Lines<'_>| {
        let start = record_start(&reader);
        match reader.read_record(record) {
            Ok(true) => Some(Ok(lines.of(start))),
            Ok(false) => None,
            // From a slice of valid UTF-8 only quoting can go wrong, and csv accepts any quoting.
            Err(problem) => Some(Err(error(lines.of(start), problem.to_string()))),
        }
    };

    match next(&mut record, &mut lines) {
        None => {
            return Err(vec![error(
                1,
                format!(
                    "the file is empty; expected the header \"{}\" and a row per order",
                    HEADER.join(",")
                ),
            )]);
        }
        Some(Err(problem)) => return Err(vec![problem]),
        Some(Ok(line)) => {
            if record.iter().ne(HEADER) {
                let found: Vec<&str> = record.iter().collect();
                let mut reason = format!(
                    "the first line must be the header \"{}\", found \"{}\"",
                    HEADER.join(","),
                    found.join(",")
                );
                // Spreadsheets set to Dutch, German or French separate with semicolons.
                if found.len() == 1 && found[0].split(';').eq(HEADER) {
                    reason.push_str(
                        "; the file separates fields with semicolons: export it with commas",
                    );
                }
                return Err(vec![error(line, reason)]);
            }
        }
    }

    let workspace = &records.workspace;
    let staff: Vec<&str> = workspace.staff.iter().map(|p| p.id.as_str()).collect();
    let mut orders = Vec::new();
    let mut problems = Vec::new();
    // Each id's first line and spelling, by its lower case: ids that differ only in case
    // are one file name on Windows and macOS.
    let mut first_line: HashMap<String, (u64, String)> = HashMap::new();
    while let Some(row) = next(&mut record, &mut lines) {
        let line = match row {
            Ok(line) => line,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let mut wrong = |reason: String| problems.push(error(line, reason));
        let [id, placed, customer, product, made_by] = match record.len() {
            5 => [0, 1, 2, 3, 4].map(|n| &record[n]),
            found => {
                wrong(format!(
                    "expected 5 fields ({}), found {found}",
                    HEADER.join(",")
                ));
                continue;
            }
        };
        let mut ok = true;
        if let Err(reason) = check_id(id, IdKind::Order) {
            wrong(reason);
            ok = false;
        } else if let Some((first, spelled)) = first_line.get(&id.to_ascii_lowercase()) {
            wrong(if spelled == id {
                format!("order \"{id}\" is also on line {first}; each order may appear once")
            } else {
                format!(
                    "order \"{id}\" differs from \"{spelled}\" on line {first} only in upper and lower case; Windows and macOS take those for one file name"
                )
            });
            ok = false;
        } else {
            first_line.insert(id.to_ascii_lowercase(), (line, id.to_owned()));
        }
        let placed = match placed.parse::<Date>() {
            Ok(placed) => Some(placed),
            Err(reason) => {
                wrong(format!("placed: {reason}"));
                None
            }
        };
        let product = product.trim();
        if product.is_empty() {
            wrong("the product is empty; every order needs one".to_owned());
            ok = false;
        }
        if workspace.person(made_by).is_none() {
            let known = if staff.is_empty() {
                "workspace.ron lists no staff".to_owned()
            } else {
                format!("the staff are {}", staff.join(", "))
            };
            if made_by.is_empty() {
                wrong(format!("made_by is empty; say who made the order: {known}"));
            } else {
                wrong(format!("unknown person \"{made_by}\"; {known}"));
            }
            ok = false;
        }
        if let (true, Some(placed)) = (ok, placed) {
            let customer = customer.trim();
            orders.push(Order {
                id: id.to_owned(),
                placed,
                customer: (!customer.is_empty()).then(|| customer.to_owned()),
                product: product.to_owned(),
                made_by: made_by.to_owned(),
                checks: Vec::new(),
                defects: Vec::new(),
                contacts: Vec::new(),
            });
        }
    }
    if problems.is_empty() {
        Ok(orders)
    } else {
        Err(problems)
    }
}

/// The byte where the reader's next record starts (or the blank lines before it).
fn record_start(reader: &csv::Reader<&[u8]>) -> usize {
    usize::try_from(reader.position().byte()).unwrap_or(usize::MAX)
}

/// Physical line numbers of record starts, counted forward as the records are read.
///
/// csv's own line numbers are those before the blank lines and line ends it skips, which is
/// one line early after a CRLF or an empty line.
struct Lines<'a> {
    text: &'a [u8],
    at: usize,
    line: u64,
}

impl Lines<'_> {
    fn of(&mut self, start: usize) -> u64 {
        let mut start = start.min(self.text.len());
        while self
            .text
            .get(start)
            .is_some_and(|b| matches!(b, b'\r' | b'\n'))
        {
            start += 1;
        }
        if start < self.at {
            // Records only move forward; count afresh if that ever changes.
            self.at = 0;
            self.line = 1;
        }
        self.line += self.text[self.at..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        self.at = start;
        self.line
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
        .map(|id| {
            (
                id.to_ascii_lowercase(),
                ((*id).to_owned(), "in the workspace"),
            )
        })
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

/// Imports the CSV file `csv` into the workspace at `root`: opens both, reads every row, then
/// writes the new orders. For the window's worker thread and the command line.
pub fn import_file(
    root: &Path,
    csv: &Path,
    progress: &dyn Fn(usize, usize),
) -> Result<Summary, ImportError> {
    let bytes = read_csv(csv)?;
    let mut folder = Folder::open(root)?;
    refuse_unreadable_workspace(&folder)?;
    let orders =
        read(&bytes, &csv.display().to_string(), folder.records()).map_err(ImportError::Rows)?;
    import(&mut folder, orders, progress)
}

/// The bytes of a CSV file, refusing folders and files over [`MAX_CSV_BYTES`], for [`read`].
pub fn read_csv(path: &Path) -> Result<Vec<u8>, ImportError> {
    let failed = |source: io::Error| ImportError::Read {
        path: path.to_path_buf(),
        source: Arc::new(source),
    };
    let file = std::fs::File::open(path).map_err(failed)?;
    let meta = file.metadata().map_err(failed)?;
    if !meta.is_file() {
        return Err(failed(io::Error::other("it is not a file")));
    }
    if meta.len() > MAX_CSV_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            bytes: meta.len(),
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow between the size check and the read.
    file.take(MAX_CSV_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() as u64 > MAX_CSV_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, Role, Workspace};

    fn records() -> Records {
        let mut workspace = Workspace::new("Bell's".to_owned());
        workspace.staff = ["ellen", "tom", "priya", "jake"]
            .into_iter()
            .map(|id| Person {
                id: id.to_owned(),
                name: id.to_owned(),
                role: Role::Staff,
            })
            .collect();
        Records::new(workspace)
    }

    fn read_ok(text: &str) -> Vec<Order> {
        read(text.as_bytes(), "orders.csv", &records()).unwrap_or_else(|e| panic!("{e:#?}"))
    }

    /// Each problem as `LINE: reason`.
    fn read_err(text: &[u8]) -> Vec<String> {
        match read(text, "orders.csv", &records()) {
            Ok(orders) => panic!("read {} orders", orders.len()),
            Err(rows) => rows
                .into_iter()
                .map(|row| {
                    assert_eq!(row.file, "orders.csv");
                    format!("{}: {}", row.line, row.reason)
                })
                .collect(),
        }
    }

    const HEAD: &str = "id,placed,customer,product,made_by\n";

    #[test]
    fn good_rows_become_orders_with_nothing_else_in_them() {
        let orders = read_ok(
            "id,placed,customer,product,made_by\n\
             2026-11-0417,2026-11-23,Fam. Peeters,\"Cone, 2 balls\",priya\n\
             W_88,2026-12-01,,Waffle,jake\n",
        );
        assert_eq!(orders.len(), 2);
        assert_eq!(orders[0].id, "2026-11-0417");
        assert_eq!(orders[0].placed.to_string(), "2026-11-23");
        assert_eq!(orders[0].customer.as_deref(), Some("Fam. Peeters"));
        assert_eq!(orders[0].product, "Cone, 2 balls");
        assert_eq!(orders[0].made_by, "priya");
        assert!(orders[0].checks.is_empty() && orders[0].defects.is_empty());
        assert_eq!(orders[1].customer, None);
        assert!(read_ok(HEAD).is_empty());
    }

    #[test]
    fn bom_quotes_crlf_and_blank_customers_read_as_meant() {
        let text = "\u{FEFF}id,placed,customer,product,made_by\r\n\
                    A1,2026-11-23,\"Peeters, \"\"Fam.\"\"\",\"Cone \"\"special\"\", 2 balls\",ellen\r\n\
                    A2,2026-11-23,   ,  Cup  ,tom\r\n";
        let orders = read_ok(text);
        assert_eq!(orders[0].customer.as_deref(), Some("Peeters, \"Fam.\""));
        assert_eq!(orders[0].product, "Cone \"special\", 2 balls");
        assert_eq!(orders[1].customer, None);
        assert_eq!(orders[1].product, "Cup");
    }

    #[test]
    fn every_bad_row_is_named_at_its_physical_line() {
        let text = "id,placed,customer,product,made_by\r\n\
                    A1,2026-11-23,,Cone,bob\r\n\
                    \r\n\
                    A2,2026-02-30,,\"Cone,\n2 balls\",ellen\r\n\
                    A/3,2026-11-23,,Cone,ellen\r\n\
                    A1,2026-11-23,,Cone,ellen\r\n\
                    A5,2026-11-23,,  ,ellen\r\n\
                    A6,2026-11-23,Cone,ellen\r\n\
                    ,23-11-2026,,,\r\n\
                    A8,2026-11-23,,Cone,ellen\r\n";
        assert_eq!(
            read_err(text.as_bytes()),
            [
                "2: unknown person \"bob\"; the staff are ellen, tom, priya, jake",
                "4: placed: expected a date as \"YYYY-MM-DD\" that exists on the calendar, found \"2026-02-30\"",
                "6: id \"A/3\" contains '/'; an id may only use a-z, A-Z, 0-9, - and _, because it becomes a file name",
                "7: order \"A1\" is also on line 2; each order may appear once",
                "8: the product is empty; every order needs one",
                "9: expected 5 fields (id,placed,customer,product,made_by), found 4",
                "10: the id is empty",
                "10: placed: expected a date as \"YYYY-MM-DD\" that exists on the calendar, found \"23-11-2026\"",
                "10: the product is empty; every order needs one",
                "10: made_by is empty; say who made the order: the staff are ellen, tom, priya, jake",
            ]
        );
    }

    #[test]
    fn a_wrong_header_or_an_empty_file_is_refused_at_line_1() {
        assert_eq!(
            read_err(b"order,date,customer,product,made_by\nA1,2026-11-23,,Cone,ellen\n"),
            [
                "1: the first line must be the header \"id,placed,customer,product,made_by\", found \"order,date,customer,product,made_by\""
            ]
        );
        assert_eq!(
            read_err(b"id;placed;customer;product;made_by\n"),
            [
                "1: the first line must be the header \"id,placed,customer,product,made_by\", found \"id;placed;customer;product;made_by\"; the file separates fields with semicolons: export it with commas"
            ]
        );
        for empty in [&b""[..], b"\xEF\xBB\xBF", b"\n\n"] {
            assert_eq!(
                read_err(empty),
                [
                    "1: the file is empty; expected the header \"id,placed,customer,product,made_by\" and a row per order"
                ]
            );
        }
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_at_its_line_and_column() {
        // "Café" as Windows-1252 writes it.
        let text = b"id,placed,customer,product,made_by\nA1,2026-11-23,Caf\xE9,Cone,ellen\n";
        assert_eq!(
            read_err(text),
            [
                "2: the file is not UTF-8 text (column 18 holds byte 0xE9); export it from the till as \"CSV UTF-8\""
            ]
        );
    }

    #[test]
    fn an_empty_staff_list_is_said_in_words() {
        let records = Records::new(Workspace::new("x".to_owned()));
        let rows = read(
            format!("{HEAD}A1,2026-11-23,,Cone,ellen\n").as_bytes(),
            "o.csv",
            &records,
        )
        .unwrap_err();
        assert_eq!(
            rows[0].to_string(),
            "o.csv:2: unknown person \"ellen\"; workspace.ron lists no staff"
        );
    }

    #[test]
    fn the_rows_error_lists_each_row_then_what_it_means() {
        let rows = read_err(format!("{HEAD}A1,2026-11-23,,,bob\n").as_bytes());
        assert_eq!(rows.len(), 2);
        let error = ImportError::Rows(
            read(
                format!("{HEAD}A1,2026-11-23,,,bob\n").as_bytes(),
                "o.csv",
                &records(),
            )
            .unwrap_err(),
        );
        assert_eq!(
            error.to_string(),
            "o.csv:2: the product is empty; every order needs one\n\
             o.csv:2: unknown person \"bob\"; the staff are ellen, tom, priya, jake\n\
             nothing was imported: 1 row of the file must be fixed first"
        );
    }
}
