//! CSV bytes into orders: every row checked against the workspace's staff, each problem
//! at the physical line its row starts on. Pure: nothing here touches a file.

use std::collections::HashMap;

use super::{HEADER, RowError};
use crate::model::{Date, IdKind, Order, Records, Workspace, check_id};

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
    if let Some((line, reason)) = not_utf8(text) {
        return Err(vec![error(line, reason)]);
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
            if let Some(reason) = header_problem(&record) {
                return Err(vec![error(line, reason)]);
            }
        }
    }

    let mut rows = Rows::new(&records.workspace);
    let mut orders = Vec::new();
    let mut problems = Vec::new();
    while let Some(row) = next(&mut record, &mut lines) {
        match row {
            Ok(line) => {
                let mut wrong = |reason: String| problems.push(error(line, reason));
                orders.extend(rows.order(&record, line, &mut wrong));
            }
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(orders)
    } else {
        Err(problems)
    }
}

/// Where text that is not UTF-8 goes wrong: its line, and the reason with the column.
fn not_utf8(text: &[u8]) -> Option<(u64, String)> {
    let bad = std::str::from_utf8(text).err()?;
    let valid = &text[..bad.valid_up_to()];
    let line = 1 + valid.iter().filter(|&&b| b == b'\n').count() as u64;
    let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |n| n + 1);
    let col = String::from_utf8_lossy(&valid[line_start..])
        .chars()
        .count()
        + 1;
    Some((
        line,
        format!(
            "the file is not UTF-8 text (column {col} holds byte 0x{:02X}); export it from the till as \"CSV UTF-8\"",
            text[bad.valid_up_to()]
        ),
    ))
}

/// Why the first record is not the header, if it is not.
fn header_problem(record: &csv::StringRecord) -> Option<String> {
    if record.iter().eq(HEADER) {
        return None;
    }
    let found: Vec<&str> = record.iter().collect();
    let mut reason = format!(
        "the first line must be the header \"{}\", found \"{}\"",
        HEADER.join(","),
        found.join(",")
    );
    // Spreadsheets set to Dutch, German or French separate with semicolons.
    if found.len() == 1 && found[0].split(';').eq(HEADER) {
        reason.push_str("; the file separates fields with semicolons: export it with commas");
    }
    Some(reason)
}

/// Checks rows one by one, remembering the ids seen so far.
struct Rows<'a> {
    workspace: &'a Workspace,
    staff: Vec<&'a str>,
    /// Each id's first line and spelling, by its lower case: ids that differ only in case
    /// are one file name on Windows and macOS.
    first_line: HashMap<String, (u64, String)>,
}

impl<'a> Rows<'a> {
    fn new(workspace: &'a Workspace) -> Self {
        Rows {
            workspace,
            staff: workspace.staff.iter().map(|p| p.id.as_str()).collect(),
            first_line: HashMap::new(),
        }
    }

    /// The order on the row at `line`, or `None` after telling `wrong` each thing wrong with it.
    fn order(
        &mut self,
        record: &csv::StringRecord,
        line: u64,
        wrong: &mut dyn FnMut(String),
    ) -> Option<Order> {
        let [id, placed, customer, product, made_by] = match record.len() {
            5 => [0, 1, 2, 3, 4].map(|n| &record[n]),
            found => {
                wrong(format!(
                    "expected 5 fields ({}), found {found}",
                    HEADER.join(",")
                ));
                return None;
            }
        };
        let mut ok = self.id(id, line, wrong);
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
        ok &= self.maker(made_by, wrong);
        let (true, Some(placed)) = (ok, placed) else {
            return None;
        };
        let customer = customer.trim();
        Some(Order {
            id: id.to_owned(),
            placed,
            customer: (!customer.is_empty()).then(|| customer.to_owned()),
            product: product.to_owned(),
            made_by: made_by.to_owned(),
            checks: Vec::new(),
            defects: Vec::new(),
            contacts: Vec::new(),
        })
    }

    /// Whether `id` may be a new order's id: a file name, not seen before in any case.
    fn id(&mut self, id: &str, line: u64, wrong: &mut dyn FnMut(String)) -> bool {
        if let Err(reason) = check_id(id, IdKind::Order) {
            wrong(reason);
            return false;
        }
        if let Some((first, spelled)) = self.first_line.get(&id.to_ascii_lowercase()) {
            wrong(if spelled == id {
                format!("order \"{id}\" is also on line {first}; each order may appear once")
            } else {
                format!(
                    "order \"{id}\" differs from \"{spelled}\" on line {first} only in upper and lower case; Windows and macOS take those for one file name"
                )
            });
            return false;
        }
        self.first_line
            .insert(id.to_ascii_lowercase(), (line, id.to_owned()));
        true
    }

    /// Whether `made_by` is on the staff.
    fn maker(&self, made_by: &str, wrong: &mut dyn FnMut(String)) -> bool {
        if self.workspace.person(made_by).is_some() {
            return true;
        }
        let known = if self.staff.is_empty() {
            "workspace.ron lists no staff".to_owned()
        } else {
            format!("the staff are {}", self.staff.join(", "))
        };
        if made_by.is_empty() {
            wrong(format!("made_by is empty; say who made the order: {known}"));
        } else {
            wrong(format!("unknown person \"{made_by}\"; {known}"));
        }
        false
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::ImportError;
    use crate::model::{Person, Role, Workspace};

    fn records() -> Records {
        let mut workspace = Workspace::new("Bell's".to_owned());
        workspace.staff = ["ellen", "tom", "priya", "jake"]
            .into_iter()
            .map(|id| Person {
                id: id.to_owned(),
                name: id.to_owned(),
                role: Role::Staff,
                left: None,
                pin: None,
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
