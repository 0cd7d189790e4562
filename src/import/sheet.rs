//! A CSV file's bytes into a table: the text decoded (UTF-8 with or without a byte order
//! mark, else Windows-1252), the separator found (`,` `;` or tab), and every record kept
//! with the physical line it starts on. Pure: nothing here touches a file.

use std::borrow::Cow;

use super::RowError;
use super::reason::Reason;

/// A CSV file read into its header and rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The file, as the person named it; only used in messages.
    pub file: String,
    /// The first line's fields, trimmed.
    pub header: Vec<String>,
    /// Every row after the header.
    pub rows: Vec<Row>,
    /// The separator found: `,`, `;` or a tab.
    pub separator: u8,
    /// Whether the bytes were not UTF-8 and were read as Windows-1252.
    pub windows_1252: bool,
}

/// One record of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The line the record starts on, counting from 1 (the header's).
    pub line: u64,
    /// Its fields.
    pub fields: csv::StringRecord,
}

impl Sheet {
    /// Reads `bytes` into a table; `file` names the file in the errors.
    ///
    /// An empty file, or quoting the reader refuses, is an error at its line.
    pub fn read(bytes: &[u8], file: &str) -> Result<Sheet, Vec<RowError>> {
        let error = |line: u64, reason: Reason| RowError {
            file: file.to_owned(),
            line,
            reason,
        };
        let (text, windows_1252) = decode(bytes);
        let text = text.as_bytes();
        let separator = separator(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(separator)
            .from_reader(text);
        let mut lines = Lines {
            text,
            at: 0,
            line: 1,
        };
        let mut records = Vec::new();
        let mut problems = Vec::new();
        loop {
            let start = usize::try_from(reader.position().byte()).unwrap_or(usize::MAX);
            let mut fields = csv::StringRecord::new();
            match reader.read_record(&mut fields) {
                Ok(true) => records.push(Row {
                    line: lines.of(start),
                    fields,
                }),
                Ok(false) => break,
                Err(problem) => {
                    problems.push(error(
                        lines.of(start),
                        Reason::Unreadable(problem.to_string()),
                    ));
                    break;
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut records = records.into_iter();
        let Some(first) = records.next() else {
            return Err(vec![error(1, Reason::Empty)]);
        };
        Ok(Sheet {
            file: file.to_owned(),
            header: first.fields.iter().map(|f| f.trim().to_owned()).collect(),
            rows: records.collect(),
            separator,
            windows_1252,
        })
    }

    /// The index of the column headed `name`: exactly, else ignoring case and spaces.
    pub fn column(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        self.header.iter().position(|h| h == name).or_else(|| {
            let folded = fold_header(name);
            self.header.iter().position(|h| fold_header(h) == folded)
        })
    }
}

/// A header as compared when recognising exports: lower case, `_` as a space, no doubled spaces.
pub fn fold_header(header: &str) -> String {
    header
        .to_lowercase()
        .replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of `bytes`: UTF-8 when it is (a byte order mark dropped), else Windows-1252,
/// which Excel and most tills in Western Europe write; every byte means something there.
fn decode(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), false),
        Err(_) => (
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0,
            true,
        ),
    }
}

/// The separator of the header line: whichever of `,` `;` and tab it holds most of
/// outside quotes; a comma when it holds none.
fn separator(text: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &byte in text {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let mut best = 0;
    for n in 1..3 {
        if counts[n] > counts[best] {
            best = n;
        }
    }
    candidates[best]
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

    #[test]
    fn separators_are_found_in_the_header_outside_quotes() {
        assert_eq!(separator(b"a,b;c,d\n1;2;3;4;5;6\n"), b',');
        assert_eq!(separator(b"Bestelnummer;Datum;\"Klant, naam\"\n"), b';');
        assert_eq!(separator(b"a\tb\tc\n"), b'\t');
        assert_eq!(separator(b"alone\n"), b',');
    }

    #[test]
    fn windows_1252_is_read_when_the_bytes_are_not_utf8() {
        let sheet = Sheet::read(b"Klant;Taart\nZo\xEB;Caf\xE9 cr\xE8me\n", "k.csv").unwrap();
        assert!(sheet.windows_1252);
        assert_eq!(sheet.header, ["Klant", "Taart"]);
        assert_eq!(&sheet.rows[0].fields[0], "Zoë");
        assert_eq!(&sheet.rows[0].fields[1], "Café crème");

        let sheet = Sheet::read("\u{FEFF}Klant\r\n\r\nZoë\r\n".as_bytes(), "k.csv").unwrap();
        assert!(!sheet.windows_1252);
        assert_eq!(sheet.header, ["Klant"]);
        assert_eq!(sheet.rows[0].line, 3);
        assert_eq!(&sheet.rows[0].fields[0], "Zoë");
    }

    #[test]
    fn columns_are_found_by_name_ignoring_case_and_underscores() {
        let sheet = Sheet::read(b"Order Number,billing_first_name\n", "w.csv").unwrap();
        assert_eq!(sheet.column("Order Number"), Some(0));
        assert_eq!(sheet.column("order_number"), Some(0));
        assert_eq!(sheet.column("Billing First Name"), Some(1));
        assert_eq!(sheet.column("Total"), None);
        assert!(Sheet::read(b"\n\n", "e.csv").is_err());
    }
}
