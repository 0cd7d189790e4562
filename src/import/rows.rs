//! A sheet's rows into orders under a resolved mapping, every row checked against the
//! workspace's staff, each problem at the physical line its row starts on. Pure: nothing
//! here touches a file.
//!
//! Right First's own header keeps its one rule: one row, one order, ids and dates exactly
//! as the format writes them. Any other export is read as tills and webshops write it: the
//! rows with one order number are one order (its line items), the number becomes an id by
//! dropping what an id may not hold, and an order's columns may be left empty after its
//! first row.

use std::collections::HashMap;

use super::RowError;
use super::dates;
use super::mapping::{HEADER, MadeBy, Resolved, staff, staff_member};
use super::reason::{DateProblem, Reason};
use super::sheet::{Row, Sheet};
use crate::model::{Date, IdKind, Order, Workspace, id_problem};

/// Reads every row of `sheet` under `resolved`; `exact` for Right First's own header.
///
/// Either every row is a valid order, or every problem of every row is returned in the order
/// of the file. Customer and product are trimmed; an empty customer is none.
pub fn orders(
    sheet: &Sheet,
    resolved: &Resolved,
    exact: bool,
    workspace: &Workspace,
) -> Result<Vec<Order>, Vec<RowError>> {
    let mut reader = Reader {
        sheet,
        resolved,
        exact,
        workspace,
        pending: Vec::new(),
        by_number: HashMap::new(),
        by_id: HashMap::new(),
        problems: Vec::new(),
    };
    for row in &sheet.rows {
        reader.row(row);
    }
    reader.finish()
}

/// An order being gathered from its rows.
struct Pending {
    line: u64,
    id: String,
    placed: Option<Date>,
    customer: Option<String>,
    made_by: Option<String>,
    /// Each line item's quantity and name, in the order of the file; one name once.
    items: Vec<(u64, String)>,
    bad: bool,
}

struct Reader<'a> {
    sheet: &'a Sheet,
    resolved: &'a Resolved,
    exact: bool,
    workspace: &'a Workspace,
    pending: Vec<Pending>,
    /// Each order number's order, so its later rows join it.
    by_number: HashMap<String, usize>,
    /// Each id's first line and spelling, by its lower case: ids that differ only in case
    /// are one file name on Windows and macOS.
    by_id: HashMap<String, (u64, String, String)>,
    problems: Vec<RowError>,
}

impl Reader<'_> {
    fn wrong(&mut self, line: u64, reason: Reason) {
        self.problems.push(RowError {
            file: self.sheet.file.clone(),
            line,
            reason,
        });
    }

    /// The header of column `n`, to name it in a message.
    fn column(&self, n: usize) -> String {
        self.sheet.header.get(n).cloned().unwrap_or_default()
    }

    fn row(&mut self, row: &Row) {
        let line = row.line;
        let field = |n: usize| row.fields.get(n).unwrap_or("").trim();
        if self.exact && row.fields.len() != HEADER.len() {
            let found = row.fields.len();
            self.wrong(line, Reason::Fields { found });
            return;
        }
        if row.fields.iter().all(|f| f.trim().is_empty()) && !self.exact {
            return;
        }
        let number = if self.exact {
            &row.fields[self.resolved.id]
        } else {
            field(self.resolved.id)
        };
        let at = match self.by_number.get(number) {
            Some(&at) if !self.exact => at,
            _ => self.start(number, line),
        };
        self.date(at, field(self.resolved.placed), line);
        let customer = self.joined(&self.resolved.customer, &field);
        if !customer.is_empty() && self.pending[at].customer.is_none() {
            self.pending[at].customer = Some(customer);
        }
        self.item(at, row, line);
        match &self.resolved.made_by {
            MadeBy::Person(id) => self.pending[at].made_by = Some(id.clone()),
            MadeBy::Column(n) => self.maker(at, field(*n), line),
        }
    }

    /// The non-empty fields of `columns`, joined with a space.
    fn joined<'r>(&self, columns: &[usize], field: &impl Fn(usize) -> &'r str) -> String {
        let parts: Vec<&str> = columns
            .iter()
            .map(|&n| field(n))
            .filter(|f| !f.is_empty())
            .collect();
        parts.join(" ")
    }

    /// Starts the order numbered `number` on `line`: its id made and checked.
    fn start(&mut self, number: &str, line: u64) -> usize {
        let id = if self.exact {
            number.to_owned()
        } else {
            id_of(number)
        };
        let at = self.pending.len();
        self.pending.push(Pending {
            line,
            id: id.clone(),
            placed: None,
            customer: None,
            made_by: None,
            items: Vec::new(),
            bad: false,
        });
        self.by_number.insert(number.to_owned(), at);
        if let Err(problem) = id_problem(&id, IdKind::Order) {
            let reason = if self.exact {
                Reason::Id(problem)
            } else if number.is_empty() {
                Reason::NoNumber {
                    column: self.column(self.resolved.id),
                }
            } else {
                Reason::Number {
                    number: number.to_owned(),
                    problem,
                }
            };
            self.wrong(line, reason);
            self.pending[at].bad = true;
            return at;
        }
        let folded = id.to_ascii_lowercase();
        if let Some((first, spelled, first_number)) = self.by_id.get(&folded).cloned() {
            let reason = if spelled != id {
                Reason::CaseTwin {
                    id,
                    other: spelled,
                    first,
                }
            } else if self.exact {
                Reason::Again { id, first }
            } else {
                Reason::SameId {
                    number: number.to_owned(),
                    id,
                    other: first_number,
                    first,
                }
            };
            self.wrong(line, reason);
            self.pending[at].bad = true;
            return at;
        }
        self.by_id.insert(folded, (line, id, number.to_owned()));
        at
    }

    fn date(&mut self, at: usize, text: &str, line: u64) {
        let column = self.column(self.resolved.placed);
        if text.is_empty() && !self.exact {
            // Exports write the order's columns on its first row only.
            return;
        }
        let placed = if self.exact {
            text.parse::<Date>().map_err(|_| DateProblem::NotIso {
                text: text.to_owned(),
            })
        } else {
            dates::placed(text, self.resolved.dates)
        };
        match (placed, self.pending[at].placed) {
            (Err(problem), _) => {
                self.wrong(line, Reason::Date { column, problem });
                self.pending[at].bad = true;
            }
            (Ok(placed), None) => self.pending[at].placed = Some(placed),
            (Ok(placed), Some(first)) if placed != first => {
                let first_line = self.pending[at].line;
                let reason = Reason::OtherDate {
                    column,
                    placed,
                    first,
                    first_line,
                };
                self.wrong(line, reason);
                self.pending[at].bad = true;
            }
            (Ok(_), Some(_)) => {}
        }
    }

    /// The row's line item: its product and quantity.
    fn item(&mut self, at: usize, row: &Row, line: u64) {
        let field = |n: usize| row.fields.get(n).unwrap_or("").trim();
        let product = self.joined(&self.resolved.product, &field);
        if product.is_empty() {
            let reason = if self.exact {
                Reason::NoProduct
            } else {
                let columns = self.resolved.product.iter();
                Reason::NoProductIn {
                    columns: columns.map(|&n| self.column(n)).collect(),
                }
            };
            self.wrong(line, reason);
            self.pending[at].bad = true;
            return;
        }
        let quantity = match self.resolved.quantity {
            None => 1,
            Some(n) => match quantity(field(n)) {
                Some(quantity) => quantity,
                None => {
                    let reason = Reason::Quantity {
                        column: self.column(n),
                        text: field(n).to_owned(),
                    };
                    self.wrong(line, reason);
                    self.pending[at].bad = true;
                    return;
                }
            },
        };
        let items = &mut self.pending[at].items;
        match items.iter_mut().find(|(_, name)| *name == product) {
            Some((count, _)) => *count += quantity,
            None => items.push((quantity, product)),
        }
    }

    /// The maker named in column text `text`: someone on the staff, by id or name.
    fn maker(&mut self, at: usize, text: &str, line: u64) {
        if text.is_empty() {
            if self.exact {
                let reason = Reason::NoMaker {
                    staff: staff(self.workspace),
                };
                self.wrong(line, reason);
                self.pending[at].bad = true;
            }
            return;
        }
        match staff_member(self.workspace, text) {
            Some(person) => {
                if self.pending[at].made_by.is_none() {
                    self.pending[at].made_by = Some(person.id.clone());
                }
            }
            None => {
                let reason = Reason::Unknown {
                    name: text.to_owned(),
                    staff: staff(self.workspace),
                };
                self.wrong(line, reason);
                self.pending[at].bad = true;
            }
        }
    }

    /// Every gathered order, or every problem in the order of the file.
    fn finish(mut self) -> Result<Vec<Order>, Vec<RowError>> {
        let mut orders = Vec::with_capacity(self.pending.len());
        for pending in std::mem::take(&mut self.pending) {
            if pending.bad {
                continue;
            }
            let Some(placed) = pending.placed else {
                let reason = Reason::Undated {
                    id: pending.id,
                    column: self.column(self.resolved.placed),
                };
                self.wrong(pending.line, reason);
                continue;
            };
            let Some(made_by) = pending.made_by else {
                let column = match self.resolved.made_by {
                    MadeBy::Column(n) => self.column(n),
                    MadeBy::Person(_) => String::new(),
                };
                let reason = Reason::Unmade {
                    id: pending.id,
                    column,
                    staff: staff(self.workspace),
                };
                self.wrong(pending.line, reason);
                continue;
            };
            let product = match pending.items.as_slice() {
                [(1, name)] if self.resolved.quantity.is_none() => name.clone(),
                items => items
                    .iter()
                    .map(|(count, name)| format!("{count} × {name}"))
                    .collect::<Vec<_>>()
                    .join("; "),
            };
            orders.push(Order {
                id: pending.id,
                placed,
                customer: pending.customer,
                product: product.into(),
                made_by: made_by.into(),
                checks: Vec::new(),
                defects: Vec::new(),
                contacts: Vec::new(),
            });
        }
        if self.problems.is_empty() {
            Ok(orders)
        } else {
            self.problems.sort_by_key(|problem| problem.line);
            Err(self.problems)
        }
    }
}

/// An order number as an id: `#` and whatever else an id may not hold dropped
/// (`#1001` is `1001`, `WEB 1001/A` is `WEB1001A`).
pub fn id_of(number: &str) -> String {
    number
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// A line item's quantity: a whole number of 1 or more (`2`, or `2.00` as some exports write).
fn quantity(text: &str) -> Option<u64> {
    let whole = match text.split_once(['.', ',']) {
        Some((whole, fraction)) if fraction.bytes().all(|b| b == b'0') => whole,
        Some(_) => return None,
        None => text,
    };
    whole.parse().ok().filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use crate::import::{Choices, ImportError, read};
    use crate::model::{Order, Person, Records, Role, Workspace};

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
        read_ok_bytes(text.as_bytes())
    }

    fn read_ok_bytes(bytes: &[u8]) -> Vec<Order> {
        read(bytes, "orders.csv", &records(), &Choices::default())
            .unwrap_or_else(|e| panic!("{e}"))
            .orders
    }

    /// Each problem as `LINE: reason`, or the file's problem as it is said.
    fn read_err(text: &[u8]) -> Vec<String> {
        match read(text, "orders.csv", &records(), &Choices::default()) {
            Ok(reading) => panic!("read {} orders", reading.orders.len()),
            Err(ImportError::Rows(rows)) => rows
                .into_iter()
                .map(|row| {
                    assert_eq!(row.file, "orders.csv");
                    format!("{}: {}", row.line, row.reason)
                })
                .collect(),
            Err(other) => vec![other.to_string()],
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
    fn an_unknown_header_asks_for_columns_and_an_empty_file_is_refused_at_line_1() {
        assert_eq!(
            read_err(b"order,date,customer,product,made_by\nA1,2026-11-23,,Cone,ellen\n"),
            [
                "orders.csv: its columns (order, date, customer, product, made_by) are none that Right First knows: say which holds what with --columns id=COLUMN,placed=COLUMN,product=COLUMN (and customer=, quantity=, made_by=), or import it in the window\nnothing was imported"
            ]
        );
        for empty in [&b""[..], b"\xEF\xBB\xBF", b"\n\n"] {
            assert_eq!(
                read_err(empty),
                ["1: the file is empty; expected a header line and a row per order"]
            );
        }
    }

    #[test]
    fn semicolons_and_windows_1252_read_as_meant() {
        // "Café" and "Zoë" as Windows-1252 writes them, separated as a Dutch Excel does.
        let orders = read_ok_bytes(
            b"id;placed;customer;product;made_by\nA1;2026-11-23;Caf\xE9 Zo\xEB;Cone;ellen\n",
        );
        assert_eq!(orders[0].customer.as_deref(), Some("Café Zoë"));
    }

    #[test]
    fn an_empty_staff_list_is_said_in_words() {
        let records = Records::new(Workspace::new("x".to_owned()));
        let rows = read(
            format!("{HEAD}A1,2026-11-23,,Cone,ellen\n").as_bytes(),
            "o.csv",
            &records,
            &Choices::default(),
        )
        .unwrap_err();
        assert_eq!(
            rows.to_string().lines().next().unwrap_or_default(),
            "o.csv:2: unknown person \"ellen\"; workspace.ron lists no staff"
        );
    }

    #[test]
    fn the_rows_error_lists_each_row_then_what_it_means() {
        let rows = read_err(format!("{HEAD}A1,2026-11-23,,,bob\n").as_bytes());
        assert_eq!(rows.len(), 2);
        let error = read(
            format!("{HEAD}A1,2026-11-23,,,bob\n").as_bytes(),
            "o.csv",
            &records(),
            &Choices::default(),
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "o.csv:2: the product is empty; every order needs one\n\
             o.csv:2: unknown person \"bob\"; the staff are ellen, tom, priya, jake\n\
             nothing was imported: 1 row of the file must be fixed first"
        );
    }

    #[test]
    fn order_numbers_become_ids_and_quantities_are_whole() {
        assert_eq!(super::id_of("#1001"), "1001");
        assert_eq!(super::id_of("WEB 1001/A"), "WEB1001A");
        assert_eq!(super::id_of("2026-11_7"), "2026-11_7");
        assert_eq!(super::id_of("###"), "");
        assert_eq!(super::quantity("2"), Some(2));
        assert_eq!(super::quantity("2.00"), Some(2));
        assert_eq!(super::quantity("3,0"), Some(3));
        for bad in ["0", "1.5", "-1", "", "two"] {
            assert_eq!(super::quantity(bad), None, "{bad}");
        }
    }
}
