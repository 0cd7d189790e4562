//! What can be wrong with a CSV file's row or with the columns it is read by, as data: the
//! window says it in its own language from these, and `Display` here is the one place that
//! says it in English, for the command line.

use std::fmt;

use crate::model::{Date, IdProblem};

/// What is wrong with one row of a CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The CSV reader refused the file here (its own words).
    Unreadable(String),
    /// The file holds not even a header.
    Empty,
    /// A row of Right First's own file with another number of fields than the header.
    Fields { found: usize },
    /// The id of a row of Right First's own file cannot be an id.
    Id(IdProblem),
    /// An export's order number gives no id once what an id may not hold is dropped.
    Number { number: String, problem: IdProblem },
    /// An export's order number column is empty on this row.
    NoNumber { column: String },
    /// The id differs from one on an earlier line only in upper and lower case.
    CaseTwin {
        id: String,
        other: String,
        first: u64,
    },
    /// Right First's own file has this order on an earlier line too.
    Again { id: String, first: u64 },
    /// Two order numbers of an export give one id.
    SameId {
        number: String,
        id: String,
        other: String,
        first: u64,
    },
    /// The date column does not read as a day.
    Date {
        column: String,
        problem: DateProblem,
    },
    /// A later row of an order has another date than its first row.
    OtherDate {
        column: String,
        placed: Date,
        first: Date,
        first_line: u64,
    },
    /// Right First's own file: the product is empty.
    NoProduct,
    /// An export: the product columns are empty on this row.
    NoProductIn { columns: Vec<String> },
    /// The quantity is not a whole number of 1 or more.
    Quantity { column: String, text: String },
    /// Right First's own file: `made_by` is empty.
    NoMaker { staff: Staff },
    /// The maker named is nobody on the staff.
    Unknown { name: String, staff: Staff },
    /// No row of the order has a date.
    Undated { id: String, column: String },
    /// No row of the order says who made it.
    Unmade {
        id: String,
        column: String,
        staff: Staff,
    },
}

/// Why a date does not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    /// Right First's own file: not `YYYY-MM-DD`, or no such day.
    NotIso { text: String },
    /// No form of date the import reads.
    Unreadable { text: String },
    /// The year is not written whole.
    ShortYear { text: String },
    /// Read in this order, the date is no day on the calendar.
    NoSuchDay { text: String, read: DateForm },
}

/// The order a date's numbers were read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    YearMonthDay,
    DayMonthYear,
    MonthDayYear,
}

/// The staff's ids, as a message lists them to say who could be meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff(pub Vec<String>);

/// Why the columns asked for do not read the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingProblem {
    /// The header is none Right First knows, and no columns were given.
    UnknownHeader { header: Vec<String> },
    /// A column of the mapping is not in the file.
    NotInFile { column: String, header: Vec<String> },
    /// The person named as maker of the whole file is nobody on the staff.
    Nobody { who: String, staff: Staff },
    /// Nothing says who made the orders, and the staff are more than one.
    NoMaker { staff: Staff },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Unreadable(why) => f.write_str(why),
            Reason::Empty => {
                f.write_str("the file is empty; expected a header line and a row per order")
            }
            Reason::Fields { found } => write!(
                f,
                "expected 5 fields ({}), found {found}",
                super::HEADER.join(",")
            ),
            Reason::Id(problem) => write!(f, "{problem}"),
            Reason::Number { number, problem } => {
                write!(
                    f,
                    "order number \"{number}\" does not make an id: {problem}"
                )
            }
            Reason::NoNumber { column } => {
                write!(f, "the order number (column \"{column}\") is empty")
            }
            Reason::CaseTwin { id, other, first } => write!(
                f,
                "order \"{id}\" differs from \"{other}\" on line {first} only in upper and lower case; Windows and macOS take those for one file name"
            ),
            Reason::Again { id, first } => write!(
                f,
                "order \"{id}\" is also on line {first}; each order may appear once"
            ),
            Reason::SameId {
                number,
                id,
                other,
                first,
            } => write!(
                f,
                "order number \"{number}\" becomes the id \"{id}\", as \"{other}\" on line {first} does; two orders cannot share an id"
            ),
            Reason::Date { column, problem } => write!(f, "{column}: {problem}"),
            Reason::OtherDate {
                column,
                placed,
                first,
                first_line,
            } => write!(
                f,
                "{column}: {placed} differs from {first} on line {first_line}, the same order's first row"
            ),
            Reason::NoProduct => f.write_str("the product is empty; every order needs one"),
            Reason::NoProductIn { columns } => write!(
                f,
                "the product (column \"{}\") is empty; every row needs one",
                columns.join("\" + \"")
            ),
            Reason::Quantity { column, text } => {
                write!(f, "{column}: \"{text}\" is not a whole number of 1 or more")
            }
            Reason::NoMaker { staff } => {
                write!(f, "made_by is empty; say who made the order: {staff}")
            }
            Reason::Unknown { name, staff } => write!(f, "unknown person \"{name}\"; {staff}"),
            Reason::Undated { id, column } => write!(
                f,
                "order \"{id}\" has no date: column \"{column}\" is empty on each of its rows"
            ),
            Reason::Unmade { id, column, staff } => write!(
                f,
                "order \"{id}\" says not who made it: column \"{column}\" is empty on each of its rows; {staff}"
            ),
        }
    }
}

impl fmt::Display for DateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateProblem::NotIso { text } => write!(
                f,
                "expected a date as \"YYYY-MM-DD\" that exists on the calendar, found \"{text}\""
            ),
            DateProblem::Unreadable { text } => write!(
                f,
                "expected a date such as 2026-11-05, 05-11-2026 or 5/11/2026, found \"{text}\""
            ),
            DateProblem::ShortYear { text } => write!(
                f,
                "\"{text}\" has no four-digit year; export the dates with the whole year"
            ),
            DateProblem::NoSuchDay { text, read } => {
                let read = match read {
                    DateForm::YearMonthDay => "year-month-day",
                    DateForm::DayMonthYear => "day-month-year",
                    DateForm::MonthDayYear => "month-day-year",
                };
                write!(f, "\"{text}\", read as {read}, is no day on the calendar")
            }
        }
    }
}

impl fmt::Display for Staff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("workspace.ron lists no staff")
        } else {
            write!(f, "the staff are {}", self.0.join(", "))
        }
    }
}

impl fmt::Display for MappingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MappingProblem::UnknownHeader { header } => write!(
                f,
                "its columns ({}) are none that Right First knows: say which holds what with --columns id=COLUMN,placed=COLUMN,product=COLUMN (and customer=, quantity=, made_by=), or import it in the window",
                header.join(", ")
            ),
            MappingProblem::NotInFile { column, header } => write!(
                f,
                "the column \"{column}\" is not in the file; its columns are {}",
                header.join(", ")
            ),
            MappingProblem::Nobody { who, staff } => {
                write!(f, "\"{who}\" is nobody on the staff; {staff}")
            }
            MappingProblem::NoMaker { staff } => write!(
                f,
                "the file does not say who made the orders: name one person for the whole file (--made-by PERSON) or the column that says it (made_by=COLUMN); {staff}"
            ),
        }
    }
}
