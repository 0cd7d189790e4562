//! The training matrix as plain text, for `rightfirst training`: a block per person, a line
//! per procedure in force.

use std::fmt::Write;

use super::words::words;
use crate::analysis::training::Matrix;
use crate::model::{Language, Standing, fill};

/// `matrix` as text in `language`, headed by the business's name `business`.
pub fn text(matrix: &Matrix, business: &str, language: Language) -> String {
    let w = words(language);
    let mut out = format!(
        "{} · {}\n{}\n",
        w.title,
        business,
        fill(w.judged, &[("day", &matrix.today.to_string())])
    );
    if matrix.people.is_empty() {
        let _ = writeln!(out, "\n{}", w.no_people);
    }
    if matrix.procedures.is_empty() {
        let _ = writeln!(out, "\n{}", w.no_procedures);
    }
    let width = (matrix.procedures.iter())
        .map(|c| c.title.chars().count())
        .max()
        .unwrap_or(0);
    for row in &matrix.people {
        let current = row.cells.iter().filter(|c| c.standing.is_current()).count();
        let summary = fill(
            w.summary,
            &[
                ("count", &current.to_string()),
                ("total", &row.cells.len().to_string()),
            ],
        );
        let _ = writeln!(out, "\n{} ({}): {summary}", row.name, row.person);
        for (column, cell) in matrix.procedures.iter().zip(&row.cells) {
            let state = match cell.standing {
                Standing::Current { .. } => w.current,
                Standing::OutOfDate { .. } => w.out_of_date,
                Standing::Never => w.never,
            };
            let signed = cell.standing.signed().map_or_else(String::new, |n| {
                format!(" ({})", fill(w.signed_rev, &[("n", &n.to_string())]))
            });
            let revision = fill(w.rev, &[("n", &cell.in_force.to_string())]);
            let _ = writeln!(
                out,
                "  {:<width$}  {revision:<7}  {state}{signed}",
                column.title
            );
        }
    }
    out
}
