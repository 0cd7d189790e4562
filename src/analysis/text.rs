//! The figures as a plain-text summary with small aligned tables, for `rightfirst report`.

use std::fmt::Write;

use super::{DefectRef, Figures};
use crate::model::Records;

/// The widest Pareto bar, in `#`s.
const BAR: usize = 30;

/// A readable summary of `figures`, with names and review dates taken from `records`.
pub fn text(figures: &Figures, records: &Records) -> String {
    let mut out = String::new();
    let period = figures.period;
    let _ = writeln!(out, "{}", records.workspace.name);
    let _ = writeln!(
        out,
        "Report for {} to {} ({} days), judged on {}\n",
        period.from,
        period.to,
        period.days(),
        figures.today
    );
    summary(&mut out, figures);
    pareto(&mut out, figures);
    recurring(&mut out, figures, records);
    fixes(&mut out, figures);
    people(&mut out, figures, records);
    out
}

fn summary(out: &mut String, f: &Figures) {
    let rft = match f.right_first_time {
        Some(share) => format!("{:.1} %", share * 100.0),
        None => "-".to_owned(),
    };
    let per_order = f
        .contacts_per_order
        .map_or("-".to_owned(), |n| format!("{n:.2}"));
    let unjudged = match f.unjudged_checks {
        0 => String::new(),
        n => format!("; {n} checks against unknown checklist revisions count as failed"),
    };
    let rows = vec![
        row(["Orders", &f.orders.to_string(), ""]),
        row([
            "Right first time",
            &rft,
            &format!("{} of {} orders{unjudged}", f.right_first, f.orders),
        ]),
        row(["Defects", &f.defects.to_string(), ""]),
        row(["Cost of poor quality", &euros(f.cost_cents), ""]),
        row([
            "Contacts",
            &f.contacts.to_string(),
            &format!(
                "{per_order} per order (alarm above {})",
                f.contacts_per_order_alarm
            ),
        ]),
        row([
            "Orders over the alarm",
            &f.orders_over_alarm.len().to_string(),
            &f.orders_over_alarm.join(", "),
        ]),
        row(["Escapes", &f.escapes.to_string(), &refs(&f.escaped)]),
    ];
    table(out, &rows, &[false, true, false]);
}

fn pareto(out: &mut String, f: &Figures) {
    heading(out, "Defects by category (Pareto)");
    if f.pareto.is_empty() {
        out.push_str("  none\n");
        return;
    }
    let most = f.pareto.iter().map(|p| p.count).max().unwrap_or(1).max(1);
    let rows: Vec<Vec<String>> = f
        .pareto
        .iter()
        .map(|p| {
            // At least one # for a bar that exists, however short.
            let width = (p.count * BAR).div_ceil(most);
            row([
                &p.category,
                &p.count.to_string(),
                &"#".repeat(width),
                &format!("{:.1} %", p.cumulative_percent),
            ])
        })
        .collect();
    let rows: Vec<Vec<String>> = std::iter::once(row(["category", "defects", "", "cumulative"]))
        .chain(rows)
        .collect();
    table(out, &rows, &[false, true, false, true]);
}

fn recurring(out: &mut String, f: &Figures, records: &Records) {
    let recurrence = records.workspace.recurrence;
    heading(
        out,
        &format!(
            "Recurring causes ({} or more within {} days)",
            recurrence.count, recurrence.days
        ),
    );
    if f.recurring.is_empty() {
        out.push_str("  none\n");
        return;
    }
    let mut rows = vec![row([
        "cause", "category", "defects", "open", "first", "last",
    ])];
    for group in &f.recurring {
        rows.push(row([
            &cause(
                group.procedure.as_deref(),
                group.step.as_deref(),
                &group.category,
            ),
            &group.category,
            &group.count.to_string(),
            &group.open.to_string(),
            &group.first.to_string(),
            &group.last.to_string(),
        ]));
    }
    table(out, &rows, &[false, false, true, true, false, false]);
    for group in &f.recurring {
        for action in &group.open_actions {
            let mut line = format!(
                "  open: {} at {}: ",
                refs(std::slice::from_ref(&action.defect)),
                cause(
                    group.procedure.as_deref(),
                    group.step.as_deref(),
                    &group.category
                )
            );
            line.push_str(action.what.as_deref().unwrap_or("no action yet"));
            if let Some(owner) = &action.owner {
                let _ = write!(line, " ({owner})");
            }
            if let Some(due) = action.due {
                let _ = write!(line, ", due {due}");
            }
            if action.overdue {
                line.push_str(", OVERDUE");
            }
            let _ = writeln!(out, "{line}");
        }
    }
}

fn fixes(out: &mut String, f: &Figures) {
    heading(
        out,
        "Fixes: defects of the step per 100 orders, before and after the corrective action",
    );
    if f.fixes.is_empty() {
        out.push_str("  none done in the period\n");
        return;
    }
    let mut rows = vec![row([
        "cause",
        "done",
        "before",
        "",
        "after",
        "",
        "after covers",
    ])];
    for fix in &f.fixes {
        rows.push(row([
            &format!("{} / {}", fix.procedure, fix.step),
            &fix.done.to_string(),
            &per_100(fix.before_per_100),
            &format!("({} in {} orders)", fix.defects_before, fix.orders_before),
            &per_100(fix.after_per_100),
            &format!("({} in {} orders)", fix.defects_after, fix.orders_after),
            &format!("{} days", fix.after_days),
        ]));
    }
    table(out, &rows, &[false, false, true, false, true, false, true]);
}

fn people(out: &mut String, f: &Figures, records: &Records) {
    heading(
        out,
        "Training gaps: not signed the approved revision in force",
    );
    if f.training_gaps.is_empty() {
        out.push_str("  none\n");
    } else {
        let mut rows = vec![row(["person", "procedure", "signed", "in force"])];
        for gap in &f.training_gaps {
            let name = records
                .workspace
                .person(&gap.person)
                .map_or(gap.person.as_str(), |p| p.name.as_str());
            rows.push(row([
                name,
                &gap.procedure,
                &gap.signed_revision
                    .map_or("never".to_owned(), |r| r.to_string()),
                &gap.current_revision.to_string(),
            ]));
        }
        table(out, &rows, &[false, false, true, true]);
    }
    heading(out, "Reviews overdue");
    if f.reviews_overdue.is_empty() {
        out.push_str("  none\n");
        return;
    }
    let rows: Vec<Vec<String>> = f
        .reviews_overdue
        .iter()
        .map(|id| {
            let by = records
                .procedure(id)
                .and_then(|p| p.review_by)
                .map_or(String::new(), |by| {
                    format!("review by {by}, {} days ago", by.days_until(f.today))
                });
            row([id.as_str(), &by])
        })
        .collect();
    table(out, &rows, &[false, false]);
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}");
}

fn row<const N: usize>(cells: [&str; N]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

/// Rows as columns padded to their widest cell, two spaces apart and indented two.
fn table(out: &mut String, rows: &[Vec<String>], right: &[bool]) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for cells in rows {
        let mut line = String::new();
        for (c, cell) in cells.iter().enumerate() {
            let width = widths[c];
            if right.get(c).copied().unwrap_or(false) {
                let _ = write!(line, "  {cell:>width$}");
            } else {
                let _ = write!(line, "  {cell:<width$}");
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// "scoop-ice-cream / portion", or the category where no step is named.
fn cause(procedure: Option<&str>, step: Option<&str>, category: &str) -> String {
    match (procedure, step) {
        (Some(procedure), Some(step)) => format!("{procedure} / {step}"),
        _ => format!("category {category}"),
    }
}

fn refs(defects: &[DefectRef]) -> String {
    defects
        .iter()
        .map(|r| format!("{} {}", r.order, r.defect))
        .collect::<Vec<_>>()
        .join(", ")
}

fn per_100(value: Option<f64>) -> String {
    value.map_or("-".to_owned(), |v| format!("{v:.1}"))
}

/// Cents as euros: 123456 -> "€1,234.56".
fn euros(cents: u64) -> String {
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("€{grouped}.{:02}", cents % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euros_group_thousands() {
        assert_eq!(euros(0), "€0.00");
        assert_eq!(euros(5), "€0.05");
        assert_eq!(euros(123_456), "€1,234.56");
        assert_eq!(euros(100_000_000), "€1,000,000.00");
    }
}
