//! What is wrong with a CSV file, in the window's language: its bad rows (still named
//! `FILE:LINE:`), a mapping that does not read it, or why it could not be read at all. The
//! English for the command line is `crate::import`'s; here the window says the same,
//! without the command line's options.

use crate::import::{
    DateForm, DateProblem, HEADER, ImportError, MappingProblem, Reason, RowError, Staff,
};
use crate::model::{IdKind, IdProblem, Language, MAX_ID_LEN};
use crate::ui::text::fill;

crate::texts!(ImportWords {
    unreadable: "{why}", "het bestand leest niet als CSV: {why}";
    empty: "the file is empty; expected a header line and a row per order", "het bestand is leeg; verwacht een kopregel en een regel per bestelling";
    fields: "expected 5 fields ({header}), found {found}", "verwacht 5 velden ({header}), gevonden: {found}";
    id_empty: "the id is empty", "de id is leeg";
    id_long: "the id is {chars} characters long; at most {max} are allowed", "de id is {chars} tekens lang; er mogen hoogstens {max}";
    id_character: "id \"{id}\" contains {bad}; an id may only use {alphabet}, because it becomes a file name", "id “{id}” bevat {bad}; een id mag alleen {alphabet} bevatten, omdat hij een bestandsnaam wordt";
    alphabet_plain: "a-z, 0-9 and -", "a-z, 0-9 en -";
    alphabet_order: "a-z, A-Z, 0-9, - and _", "a-z, A-Z, 0-9, - en _";
    number: "order number \"{number}\" does not make an id: {why}", "van bestelnummer “{number}” is geen id te maken: {why}";
    no_number: "the order number (column \"{column}\") is empty", "het bestelnummer (kolom “{column}”) is leeg";
    case_twin: "order \"{id}\" differs from \"{other}\" on line {first} only in upper and lower case; Windows and macOS take those for one file name", "bestelling “{id}” verschilt van “{other}” op regel {first} alleen in hoofdletters en kleine letters; Windows en macOS zien dat als één bestandsnaam";
    again: "order \"{id}\" is also on line {first}; each order may appear once", "bestelling “{id}” staat ook op regel {first}; elke bestelling mag er één keer in staan";
    same_id: "order number \"{number}\" becomes the id \"{id}\", as \"{other}\" on line {first} does; two orders cannot share an id", "bestelnummer “{number}” wordt de id “{id}”, net als “{other}” op regel {first}; twee bestellingen kunnen geen id delen";
    date: "{column}: {why}", "{column}: {why}";
    not_iso: "expected a date as \"YYYY-MM-DD\" that exists on the calendar, found \"{text}\"", "verwacht een datum als “JJJJ-MM-DD” die op de kalender staat, gevonden: “{text}”";
    not_a_date: "expected a date such as 2026-11-05, 05-11-2026 or 5/11/2026, found \"{text}\"", "verwacht een datum zoals 2026-11-05, 05-11-2026 of 5/11/2026, gevonden: “{text}”";
    short_year: "\"{text}\" has no four-digit year; export the dates with the whole year", "“{text}” heeft geen jaar van vier cijfers; exporteer de datums met het hele jaar";
    no_such_day: "\"{text}\", read as {read}, is no day on the calendar", "“{text}”, gelezen als {read}, is geen dag op de kalender";
    year_month_day: "year-month-day", "jaar-maand-dag";
    day_month_year: "day-month-year", "dag-maand-jaar";
    month_day_year: "month-day-year", "maand-dag-jaar";
    other_date: "{column}: {placed} differs from {first} on line {first_line}, the same order's first row", "{column}: {placed} verschilt van {first} op regel {first_line}, de eerste regel van dezelfde bestelling";
    no_product: "the product is empty; every order needs one", "het product is leeg; elke bestelling heeft er een nodig";
    no_product_in: "the product (column \"{columns}\") is empty; every row needs one", "het product (kolom “{columns}”) is leeg; elke regel heeft er een nodig";
    columns_joined: "\" + \"", "” + “";
    quantity: "{column}: \"{text}\" is not a whole number of 1 or more", "{column}: “{text}” is geen heel getal van 1 of meer";
    no_maker: "made_by is empty; say who made the order: {staff}", "made_by is leeg; zeg wie de bestelling gemaakt heeft: {staff}";
    unknown: "unknown person \"{name}\"; {staff}", "onbekende persoon “{name}”; {staff}";
    undated: "order \"{id}\" has no date: column \"{column}\" is empty on each of its rows", "bestelling “{id}” heeft geen datum: kolom “{column}” is leeg op elk van haar regels";
    unmade: "order \"{id}\" says not who made it: column \"{column}\" is empty on each of its rows; {staff}", "bij bestelling “{id}” staat niet wie hem gemaakt heeft: kolom “{column}” is leeg op elk van zijn regels; {staff}";
    staff: "the staff are {ids}", "het personeel is {ids}";
    no_staff: "workspace.ron lists no staff", "workspace.ron noemt geen personeel";
    unknown_header: "its columns ({columns}) are none that Right First knows: choose which holds what", "Right First kent geen van zijn kolommen ({columns}): kies welke kolom wat bevat";
    not_in_file: "the column \"{column}\" is not in the file; its columns are {columns}", "de kolom “{column}” staat niet in het bestand; de kolommen zijn {columns}";
    nobody: "\"{who}\" is nobody on the staff; {staff}", "“{who}” hoort niet bij het personeel; {staff}";
    no_maker_chosen: "the file does not say who made the orders: choose the column that says it, or one person for the whole file; {staff}", "het bestand zegt niet wie de bestellingen gemaakt heeft: kies de kolom die het zegt, of één persoon voor het hele bestand; {staff}";
    could_not_read: "{file} could not be read: {why}", "{file} kon niet gelezen worden: {why}";
    too_large: "{file} is {size} MiB; at most {max} MiB can be imported at once, so split the export", "{file} is {size} MiB; er kan hoogstens {max} MiB tegelijk worden geïmporteerd, dus splits de export";
    rows_to_fix: "Nothing was imported: {count} rows of the file must be fixed first.", "Er is niets geïmporteerd: eerst moeten {count} regels van het bestand hersteld worden.";
    row_to_fix: "Nothing was imported: 1 row of the file must be fixed first.", "Er is niets geïmporteerd: eerst moet 1 regel van het bestand hersteld worden.";
    nothing_imported: "Nothing was imported.", "Er is niets geïmporteerd.";
    workspace_unread: "workspace.ron must read before orders can be imported: it says who is on the staff. Fix it first; Problems shows where.", "workspace.ron moet leesbaar zijn voordat er bestellingen geïmporteerd kunnen worden: het zegt wie bij het personeel hoort. Herstel het eerst; Problemen laat zien waar.";
    read_only: "Nothing can be saved in this workspace: {why}", "In deze werkmap kan niets worden opgeslagen: {why}";
    saved_before: "{written} orders were saved before that; once the cause is fixed, import the file again to add the rest.", "{written} bestellingen waren daarvoor al bewaard; herstel de oorzaak en importeer het bestand opnieuw om de rest toe te voegen.";
    broken: "{file}: order \"{id}\" is in the file, but the file did not read: {why}", "{file}: bestelling “{id}” staat in het bestand, maar het bestand leest niet: {why}";
    broken_end: "Nothing was imported: Right First will not overwrite a file it could not read. Fix each by hand or delete it, then import again.", "Er is niets geïmporteerd: Right First overschrijft geen bestand dat het niet kon lezen. Herstel elk met de hand of verwijder het, en importeer dan opnieuw.";
    twice: "Order \"{id}\" is in the import twice; nothing was imported.", "Bestelling “{id}” staat twee keer in de import; er is niets geïmporteerd.";
    case_twin_import: "Order \"{id}\" differs from \"{other}\" ({where}) only in upper and lower case; Windows and macOS take those for one file name, so nothing was imported: give one of them another id.", "Bestelling “{id}” verschilt van “{other}” ({where}) alleen in hoofdletters en kleine letters; Windows en macOS zien dat als één bestandsnaam, dus er is niets geïmporteerd: geef een van beide een andere id.";
    in_workspace: "in the workspace", "in de werkmap";
    in_import: "also in the import", "ook in de import";
});

/// Why a file did not read or would not import, one line per bad row; what is neither a
/// bad row, a mapping nor the file itself is said as the import says it.
pub fn lines(error: &ImportError, language: Language) -> Vec<String> {
    let words = ImportWords::of(language);
    match error {
        ImportError::Rows(rows) => rows.iter().map(|row| self::row(row, language)).collect(),
        ImportError::Mapping { file, reason } => {
            vec![format!("{file}: {}", mapping(reason, language))]
        }
        ImportError::Read { path, source } => vec![fill(
            words.could_not_read,
            &[
                ("file", &path.display().to_string()),
                ("why", &source.to_string()),
            ],
        )],
        ImportError::TooLarge { path, bytes } => vec![fill(
            words.too_large,
            &[
                ("file", &path.display().to_string()),
                ("size", &(bytes / (1024 * 1024)).to_string()),
                (
                    "max",
                    &(crate::import::MAX_CSV_BYTES / (1024 * 1024)).to_string(),
                ),
            ],
        )],
        other => not_written(other, language),
    }
}

/// Why the import wrote nothing, or stopped part-way: the window's own words around what
/// the store said (a finding at its file and line, a failed save), which stays as it is.
fn not_written(error: &ImportError, language: Language) -> Vec<String> {
    let words = ImportWords::of(language);
    let store = |said: String| said.lines().map(str::to_owned).collect::<Vec<_>>();
    match error {
        ImportError::Workspace(finding) => {
            vec![finding.to_string(), words.workspace_unread.to_owned()]
        }
        ImportError::ReadOnly(why) => vec![fill(words.read_only, &[("why", why)])],
        ImportError::Save { written, source } => {
            let mut said = store(source.to_string());
            said.push(fill(
                words.saved_before,
                &[("written", &written.to_string())],
            ));
            said
        }
        ImportError::Broken(orders) => orders
            .iter()
            .map(|order| {
                fill(
                    words.broken,
                    &[
                        ("file", &order.path),
                        ("id", &order.id),
                        ("why", &order.reason),
                    ],
                )
            })
            .chain([words.broken_end.to_owned()])
            .collect(),
        ImportError::Twice(id) => vec![fill(words.twice, &[("id", id)])],
        ImportError::CaseTwin { id, other, where_ } => {
            let place = if *where_ == crate::import::IN_WORKSPACE {
                words.in_workspace
            } else {
                words.in_import
            };
            vec![fill(
                words.case_twin_import,
                &[("id", id), ("other", other), ("where", place)],
            )]
        }
        other => store(other.to_string()),
    }
}

/// Why an import did not happen: [`lines`], then that nothing was written where the import
/// stopped at the rows or the mapping.
pub fn refused(error: &ImportError, language: Language) -> String {
    let words = ImportWords::of(language);
    let mut said = lines(error, language);
    match error {
        ImportError::Rows(rows) => {
            let mut lines: Vec<u64> = rows.iter().map(|row| row.line).collect();
            lines.dedup();
            let count = lines.len();
            said.push(match count {
                1 => words.row_to_fix.to_owned(),
                _ => fill(words.rows_to_fix, &[("count", &count.to_string())]),
            });
        }
        ImportError::Mapping { .. } => said.push(words.nothing_imported.to_owned()),
        _ => {}
    }
    said.join("\n")
}

/// A bad row as `FILE:LINE: reason`.
pub fn row(row: &RowError, language: Language) -> String {
    format!(
        "{}:{}: {}",
        row.file,
        row.line,
        reason(&row.reason, language)
    )
}

/// What is wrong with a row.
pub fn reason(reason: &Reason, language: Language) -> String {
    let words = ImportWords::of(language);
    let say = |template: &str, values: &[(&str, &str)]| fill(template, values);
    match reason {
        Reason::Unreadable(why) => say(words.unreadable, &[("why", why)]),
        Reason::Empty => words.empty.to_owned(),
        Reason::Fields { found } => say(
            words.fields,
            &[("header", &HEADER.join(",")), ("found", &found.to_string())],
        ),
        Reason::Id(problem) => id(problem, words),
        Reason::Number { number, problem } => say(
            words.number,
            &[("number", number), ("why", &id(problem, words))],
        ),
        Reason::NoNumber { column } => say(words.no_number, &[("column", column)]),
        Reason::CaseTwin { id, other, first } => say(
            words.case_twin,
            &[("id", id), ("other", other), ("first", &first.to_string())],
        ),
        Reason::Again { id, first } => {
            say(words.again, &[("id", id), ("first", &first.to_string())])
        }
        Reason::SameId {
            number,
            id,
            other,
            first,
        } => say(
            words.same_id,
            &[
                ("number", number),
                ("id", id),
                ("other", other),
                ("first", &first.to_string()),
            ],
        ),
        Reason::Date { column, problem } => say(
            words.date,
            &[("column", column), ("why", &date(problem, words))],
        ),
        Reason::OtherDate {
            column,
            placed,
            first,
            first_line,
        } => say(
            words.other_date,
            &[
                ("column", column),
                ("placed", &placed.to_string()),
                ("first", &first.to_string()),
                ("first_line", &first_line.to_string()),
            ],
        ),
        Reason::NoProduct
        | Reason::NoProductIn { .. }
        | Reason::Quantity { .. }
        | Reason::NoMaker { .. }
        | Reason::Unknown { .. }
        | Reason::Undated { .. }
        | Reason::Unmade { .. } => what_and_who(reason, words),
    }
}

/// What is wrong with a row's product, quantity or maker, or an order's date or maker.
fn what_and_who(reason: &Reason, words: &ImportWords) -> String {
    let say = |template: &str, values: &[(&str, &str)]| fill(template, values);
    match reason {
        Reason::NoProduct => words.no_product.to_owned(),
        Reason::NoProductIn { columns } => say(
            words.no_product_in,
            &[("columns", &columns.join(words.columns_joined))],
        ),
        Reason::Quantity { column, text } => {
            say(words.quantity, &[("column", column), ("text", text)])
        }
        Reason::NoMaker { staff } => say(words.no_maker, &[("staff", &self::staff(staff, words))]),
        Reason::Unknown { name, staff } => say(
            words.unknown,
            &[("name", name), ("staff", &self::staff(staff, words))],
        ),
        Reason::Undated { id, column } => say(words.undated, &[("id", id), ("column", column)]),
        Reason::Unmade { id, column, staff } => say(
            words.unmade,
            &[
                ("id", id),
                ("column", column),
                ("staff", &self::staff(staff, words)),
            ],
        ),
        // `reason` says the rest itself and hands over only the ones above.
        other => other.to_string(),
    }
}

/// Why the columns do not read the file.
pub fn mapping(problem: &MappingProblem, language: Language) -> String {
    let words = ImportWords::of(language);
    match problem {
        MappingProblem::UnknownHeader { header } => {
            fill(words.unknown_header, &[("columns", &header.join(", "))])
        }
        MappingProblem::NotInFile { column, header } => fill(
            words.not_in_file,
            &[("column", column), ("columns", &header.join(", "))],
        ),
        MappingProblem::Nobody { who, staff } => fill(
            words.nobody,
            &[("who", who), ("staff", &self::staff(staff, words))],
        ),
        MappingProblem::NoMaker { staff } => fill(
            words.no_maker_chosen,
            &[("staff", &self::staff(staff, words))],
        ),
    }
}

fn id(problem: &IdProblem, words: &ImportWords) -> String {
    match problem {
        IdProblem::Empty => words.id_empty.to_owned(),
        IdProblem::TooLong { chars } => fill(
            words.id_long,
            &[
                ("chars", &chars.to_string()),
                ("max", &MAX_ID_LEN.to_string()),
            ],
        ),
        IdProblem::Character { id, bad, kind } => {
            let alphabet = match kind {
                IdKind::Plain => words.alphabet_plain,
                IdKind::Order => words.alphabet_order,
            };
            fill(
                words.id_character,
                &[
                    ("id", id),
                    ("bad", &format!("{bad:?}")),
                    ("alphabet", alphabet),
                ],
            )
        }
    }
}

fn date(problem: &DateProblem, words: &ImportWords) -> String {
    match problem {
        DateProblem::NotIso { text } => fill(words.not_iso, &[("text", text)]),
        DateProblem::Unreadable { text } => fill(words.not_a_date, &[("text", text)]),
        DateProblem::ShortYear { text } => fill(words.short_year, &[("text", text)]),
        DateProblem::NoSuchDay { text, read } => {
            let read = match read {
                DateForm::YearMonthDay => words.year_month_day,
                DateForm::DayMonthYear => words.day_month_year,
                DateForm::MonthDayYear => words.month_day_year,
            };
            fill(words.no_such_day, &[("text", text), ("read", read)])
        }
    }
}

fn staff(staff: &Staff, words: &ImportWords) -> String {
    if staff.0.is_empty() {
        words.no_staff.to_owned()
    } else {
        fill(words.staff, &[("ids", &staff.0.join(", "))])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn staff() -> Staff {
        Staff(vec!["ellen".to_owned(), "tom".to_owned()])
    }

    /// One reason of every kind, with what each needs.
    fn every_reason() -> Vec<Reason> {
        let text = || "31-11-2026".to_owned();
        let column = || "Datum".to_owned();
        let day = |d| Date::new(2026, 11, d).expect("a day");
        let date = |problem| Reason::Date {
            column: column(),
            problem,
        };
        let bad_id = IdProblem::Character {
            id: "A/3".to_owned(),
            bad: '/',
            kind: IdKind::Order,
        };
        vec![
            Reason::Unreadable("found record with 2 fields".to_owned()),
            Reason::Empty,
            Reason::Fields { found: 4 },
            Reason::Id(IdProblem::Empty),
            Reason::Id(IdProblem::TooLong { chars: 70 }),
            Reason::Id(bad_id.clone()),
            Reason::Number {
                number: "#A/3".to_owned(),
                problem: bad_id,
            },
            Reason::NoNumber { column: column() },
            Reason::CaseTwin {
                id: "b-1".to_owned(),
                other: "B-1".to_owned(),
                first: 2,
            },
            Reason::Again {
                id: "B-1".to_owned(),
                first: 2,
            },
            Reason::SameId {
                number: "#1001".to_owned(),
                id: "1001".to_owned(),
                other: "1001".to_owned(),
                first: 2,
            },
            date(DateProblem::NotIso { text: text() }),
            date(DateProblem::Unreadable { text: text() }),
            date(DateProblem::ShortYear { text: text() }),
            date(DateProblem::NoSuchDay {
                text: text(),
                read: DateForm::DayMonthYear,
            }),
            Reason::OtherDate {
                column: column(),
                placed: day(6),
                first: day(5),
                first_line: 2,
            },
            Reason::NoProduct,
            Reason::NoProductIn {
                columns: vec!["Artikel".to_owned(), "Maat".to_owned()],
            },
            Reason::Quantity {
                column: "Aantal".to_owned(),
                text: "twee".to_owned(),
            },
            Reason::NoMaker { staff: staff() },
            Reason::Unknown {
                name: "bob".to_owned(),
                staff: Staff(Vec::new()),
            },
            Reason::Undated {
                id: "B-1".to_owned(),
                column: column(),
            },
            Reason::Unmade {
                id: "B-1".to_owned(),
                column: "Verkoper".to_owned(),
                staff: staff(),
            },
        ]
    }

    #[test]
    fn an_english_window_says_each_row_as_the_command_line_does_and_a_dutch_one_in_dutch() {
        for reason in every_reason() {
            let english = self::reason(&reason, Language::En);
            assert_eq!(english, reason.to_string());
            let dutch = self::reason(&reason, Language::Nl);
            assert_ne!(dutch, english, "not in Dutch: {english}");
        }
    }

    #[test]
    fn what_stops_an_import_is_said_in_dutch_around_the_stores_own_words() {
        use crate::import::BrokenOrder;
        use crate::store::{Finding, Position, SaveError};
        let finding = Finding {
            path: "workspace.ron".to_owned(),
            at: Position { line: 3, col: 5 },
            severity: crate::model::ProblemSeverity::Error,
            message: "expected `:`".to_owned(),
        };
        let full = SaveError::AlreadyExists {
            path: "orders/2026-11/B-2.ron".to_owned(),
        };
        let broken = BrokenOrder {
            id: "B-1".to_owned(),
            path: "orders/2026-11/B-1.ron".to_owned(),
            reason: "line 2, column 1: expected `Order`".to_owned(),
        };
        let twin = |where_| ImportError::CaseTwin {
            id: "b-1".to_owned(),
            other: "B-1".to_owned(),
            where_,
        };
        let said = |error: &ImportError| refused(error, Language::Nl);
        assert_eq!(
            said(&ImportError::Workspace(finding)),
            "workspace.ron:3:5: expected `:`\n\
             workspace.ron moet leesbaar zijn voordat er bestellingen geïmporteerd kunnen worden: het zegt wie bij het personeel hoort. Herstel het eerst; Problemen laat zien waar."
        );
        assert_eq!(
            said(&ImportError::ReadOnly(
                "it was written by format 9".to_owned()
            )),
            "In deze werkmap kan niets worden opgeslagen: it was written by format 9"
        );
        assert_eq!(
            said(&ImportError::Save {
                written: 500,
                source: full
            }),
            "orders/2026-11/B-2.ron already exists; nothing was overwritten\n\
             500 bestellingen waren daarvoor al bewaard; herstel de oorzaak en importeer het bestand opnieuw om de rest toe te voegen."
        );
        assert_eq!(
            said(&ImportError::Broken(vec![broken])),
            "orders/2026-11/B-1.ron: bestelling “B-1” staat in het bestand, maar het bestand leest niet: line 2, column 1: expected `Order`\n\
             Er is niets geïmporteerd: Right First overschrijft geen bestand dat het niet kon lezen. Herstel elk met de hand of verwijder het, en importeer dan opnieuw."
        );
        assert_eq!(
            said(&ImportError::Twice("B-1".to_owned())),
            "Bestelling “B-1” staat twee keer in de import; er is niets geïmporteerd."
        );
        assert!(said(&twin(crate::import::IN_WORKSPACE)).contains("(in de werkmap)"));
        assert!(said(&twin("also in the import")).contains("(ook in de import)"));
        assert_eq!(
            refused(&twin(crate::import::IN_WORKSPACE), Language::En),
            "Order \"b-1\" differs from \"B-1\" (in the workspace) only in upper and lower case; Windows and macOS take those for one file name, so nothing was imported: give one of them another id."
        );
    }

    #[test]
    fn a_refused_import_counts_the_rows_to_fix_in_the_windows_language() {
        let row = |line, reason| RowError {
            file: "kassa.csv".to_owned(),
            line,
            reason,
        };
        let rows = ImportError::Rows(vec![
            row(2, Reason::NoProduct),
            row(2, Reason::Fields { found: 4 }),
            row(5, Reason::Empty),
        ]);
        assert_eq!(
            refused(&rows, Language::Nl),
            "kassa.csv:2: het product is leeg; elke bestelling heeft er een nodig\n\
             kassa.csv:2: verwacht 5 velden (id,placed,customer,product,made_by), gevonden: 4\n\
             kassa.csv:5: het bestand is leeg; verwacht een kopregel en een regel per bestelling\n\
             Er is niets geïmporteerd: eerst moeten 2 regels van het bestand hersteld worden."
        );
        let mapping = ImportError::Mapping {
            file: "kassa.csv".to_owned(),
            reason: MappingProblem::NoMaker { staff: staff() },
        };
        assert_eq!(
            refused(&mapping, Language::En),
            "kassa.csv: the file does not say who made the orders: choose the column that says it, or one person for the whole file; the staff are ellen, tom\n\
             Nothing was imported."
        );
    }
}
