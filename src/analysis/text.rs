//! The figures as a plain-text summary with small aligned tables, for `rightfirst report`,
//! in English or Dutch.

use std::fmt::Write;

use super::naming::{cause_name, procedure_title, recurring_rule, step_name};
use super::{DefectRef, Figures};
use crate::model::{Language, Records, category_name, counted, fill};

/// The widest Pareto bar, in `#`s.
const BAR: usize = 30;

/// The report's fixed words; `{name}` marks what is filled in.
struct Words {
    report_for: &'static str,
    orders: &'static str,
    right_first_time: &'static str,
    of_orders: &'static str,
    unjudged: &'static str,
    defects: &'static str,
    cost: &'static str,
    contacts: &'static str,
    per_order: &'static str,
    over_alarm: &'static str,
    escapes: &'static str,
    pareto: &'static str,
    none: &'static str,
    category: &'static str,
    cumulative: &'static str,
    recurring: &'static str,
    cause: &'static str,
    open: &'static str,
    first: &'static str,
    last: &'static str,
    open_line: &'static str,
    no_action: &'static str,
    due: &'static str,
    overdue: &'static str,
    fixes: &'static str,
    no_fixes: &'static str,
    done: &'static str,
    before: &'static str,
    after: &'static str,
    after_covers: &'static str,
    in_orders: &'static str,
    day_one: &'static str,
    days: &'static str,
    order_one: &'static str,
    orders_n: &'static str,
    unjudged_one: &'static str,
    training: &'static str,
    person: &'static str,
    procedure: &'static str,
    signed: &'static str,
    in_force: &'static str,
    never: &'static str,
    reviews: &'static str,
    review_by: &'static str,
    /// Whose decimal marks and euro sign the numbers take.
    language: Language,
}

const ENGLISH: Words = Words {
    report_for: "Report for {from} to {to} ({days}), judged on {today}",
    orders: "Orders",
    right_first_time: "Right first time",
    of_orders: "{right} of {orders}",
    unjudged: "; {count} checks against unknown checklist revisions count as failed",
    defects: "Defects",
    cost: "Cost of poor quality",
    contacts: "Contacts",
    per_order: "{per_order} per order (alarm above {alarm})",
    over_alarm: "Orders over the alarm",
    escapes: "Escapes",
    pareto: "Defects by category (Pareto)",
    none: "none",
    category: "category",
    cumulative: "cumulative",
    recurring: "Recurring causes",
    cause: "cause",
    open: "open",
    first: "first",
    last: "last",
    open_line: "open: {defect} at {cause}: ",
    no_action: "no action yet",
    due: ", due {due}",
    overdue: ", OVERDUE",
    fixes: "Fixes: defects of the step per 100 orders, before and after the corrective action",
    no_fixes: "none done in the period",
    done: "done",
    before: "before",
    after: "after",
    after_covers: "after covers",
    in_orders: "({defects} in {orders})",
    day_one: "1 day",
    days: "{count} days",
    order_one: "1 order",
    orders_n: "{count} orders",
    unjudged_one: "; 1 check against an unknown checklist revision counts as failed",
    training: "Training gaps: not current on the approved revision in force",
    person: "person",
    procedure: "procedure",
    signed: "signed",
    in_force: "in force",
    never: "never",
    reviews: "Reviews overdue",
    review_by: "review by {by}, {days} days ago",
    language: Language::En,
};

const DUTCH: Words = Words {
    report_for: "Rapport van {from} tot en met {to} ({days}), beoordeeld op {today}",
    orders: "Bestellingen",
    right_first_time: "Meteen goed",
    of_orders: "{right} van {orders}",
    unjudged: "; {count} controles tegen onbekende checklijstrevisies tellen als afgekeurd",
    defects: "Gebreken",
    cost: "Kosten van fouten",
    contacts: "Contacten",
    per_order: "{per_order} per bestelling (alarm boven {alarm})",
    over_alarm: "Bestellingen boven het alarm",
    escapes: "Langs de controle",
    pareto: "Gebreken per categorie (Pareto)",
    none: "geen",
    category: "categorie",
    cumulative: "cumulatief",
    recurring: "Terugkerende oorzaken",
    cause: "oorzaak",
    open: "open",
    first: "eerste",
    last: "laatste",
    open_line: "open: {defect} bij {cause}: ",
    no_action: "nog geen actie",
    due: ", uiterlijk {due}",
    overdue: ", TE LAAT",
    fixes: "Oplossingen: gebreken van de stap per 100 bestellingen, voor en na de corrigerende actie",
    no_fixes: "geen uitgevoerd in de periode",
    done: "uitgevoerd",
    before: "voor",
    after: "na",
    after_covers: "na beslaat",
    in_orders: "({defects} in {orders})",
    day_one: "1 dag",
    days: "{count} dagen",
    order_one: "1 bestelling",
    orders_n: "{count} bestellingen",
    unjudged_one: "; 1 controle tegen een onbekende checklijstrevisie telt als afgekeurd",
    training: "Opleiding: niet actueel op de revisie in gebruik",
    person: "persoon",
    procedure: "procedure",
    signed: "getekend",
    in_force: "in gebruik",
    never: "nooit",
    reviews: "Herziening te laat",
    review_by: "herzien voor {by}, {days} dagen geleden",
    language: Language::Nl,
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::En => &ENGLISH,
        Language::Nl => &DUTCH,
    }
}

/// A readable summary of `figures` in `language`, with names and review dates taken
/// from `records`.
pub fn text(figures: &Figures, records: &Records, language: Language) -> String {
    let w = words(language);
    let mut out = String::new();
    let period = figures.period;
    let _ = writeln!(out, "{}", records.workspace.name);
    let _ = writeln!(
        out,
        "{}\n",
        fill(
            w.report_for,
            &[
                ("from", &period.from.to_string()),
                ("to", &period.to.to_string()),
                ("days", &days(period.days(), w)),
                ("today", &figures.today.to_string()),
            ]
        )
    );
    summary(&mut out, figures, w);
    pareto(&mut out, figures, w);
    recurring(&mut out, figures, records, w);
    fixes(&mut out, figures, records, w);
    super::quality::section(&mut out, &figures.training_quality, w.language, table);
    people(&mut out, figures, records, w);
    out
}

fn summary(out: &mut String, f: &Figures, w: &Words) {
    let rft = match f.right_first_time {
        Some(share) => format!("{} %", decimal(share * 100.0, 1, w)),
        None => "-".to_owned(),
    };
    let per_order = f
        .contacts_per_order
        .map_or("-".to_owned(), |n| decimal(n, 2, w));
    let unjudged = match f.unjudged_checks {
        0 => String::new(),
        n => counted(n, w.unjudged_one, w.unjudged),
    };
    let of_orders = fill(
        w.of_orders,
        &[
            ("right", &f.right_first.to_string()),
            ("orders", &counted(f.orders, w.order_one, w.orders_n)),
        ],
    );
    let alarm = w.language.number(f.contacts_per_order_alarm);
    let rows = vec![
        row([w.orders, &f.orders.to_string(), ""]),
        row([w.right_first_time, &rft, &format!("{of_orders}{unjudged}")]),
        row([w.defects, &f.defects.to_string(), ""]),
        row([w.cost, &euros(f.cost_cents, w), ""]),
        row([
            w.contacts,
            &f.contacts.to_string(),
            &fill(w.per_order, &[("per_order", &per_order), ("alarm", &alarm)]),
        ]),
        row([
            w.over_alarm,
            &f.orders_over_alarm.len().to_string(),
            &f.orders_over_alarm.join(", "),
        ]),
        row([w.escapes, &f.escapes.to_string(), &refs(&f.escaped)]),
    ];
    table(out, &rows, &[false, true, false]);
}

fn pareto(out: &mut String, f: &Figures, w: &Words) {
    heading(out, w.pareto);
    if f.pareto.is_empty() {
        let _ = writeln!(out, "  {}", w.none);
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
                category_name(&p.category, w.language),
                &p.count.to_string(),
                &"#".repeat(width),
                &format!("{} %", decimal(p.cumulative_percent, 1, w)),
            ])
        })
        .collect();
    let rows: Vec<Vec<String>> = std::iter::once(row([w.category, w.defects, "", w.cumulative]))
        .map(|mut header| {
            header[1] = header[1].to_lowercase();
            header
        })
        .chain(rows)
        .collect();
    table(out, &rows, &[false, true, false, true]);
}

fn recurring(out: &mut String, f: &Figures, records: &Records, w: &Words) {
    heading(out, w.recurring);
    let rule = recurring_rule(records.workspace.recurrence, w.language);
    let _ = writeln!(out, "  {rule}");
    if f.recurring.is_empty() {
        let _ = writeln!(out, "  {}", w.none);
        return;
    }
    let mut rows = vec![row([
        w.cause,
        w.category,
        &w.defects.to_lowercase(),
        w.open,
        w.first,
        w.last,
    ])];
    for group in &f.recurring {
        rows.push(row([
            &cause_name(
                records,
                group.procedure.as_deref(),
                group.step.as_deref(),
                &group.category,
                w.language,
            ),
            category_name(&group.category, w.language),
            &group.count.to_string(),
            &group.open.to_string(),
            &group.first.to_string(),
            &group.last.to_string(),
        ]));
    }
    table(out, &rows, &[false, false, true, true, false, false]);
    for group in &f.recurring {
        for action in &group.open_actions {
            let mut line = fill(
                w.open_line,
                &[
                    ("defect", &refs(std::slice::from_ref(&action.defect))),
                    (
                        "cause",
                        &cause_name(
                            records,
                            group.procedure.as_deref(),
                            group.step.as_deref(),
                            &group.category,
                            w.language,
                        ),
                    ),
                ],
            );
            line.push_str(action.what.as_deref().unwrap_or(w.no_action));
            if let Some(owner) = &action.owner {
                let _ = write!(line, " ({owner})");
            }
            if let Some(due) = action.due {
                line.push_str(&fill(w.due, &[("due", &due.to_string())]));
            }
            if action.overdue {
                line.push_str(w.overdue);
            }
            let _ = writeln!(out, "{line}");
        }
    }
}

fn fixes(out: &mut String, f: &Figures, records: &Records, w: &Words) {
    heading(out, w.fixes);
    if f.fixes.is_empty() {
        let _ = writeln!(out, "  {}", w.no_fixes);
        return;
    }
    let mut rows = vec![row([
        w.cause,
        w.done,
        w.before,
        "",
        w.after,
        "",
        w.after_covers,
    ])];
    let in_orders = |defects: usize, orders: usize| {
        fill(
            w.in_orders,
            &[
                ("defects", &defects.to_string()),
                ("orders", &counted(orders, w.order_one, w.orders_n)),
            ],
        )
    };
    for fix in &f.fixes {
        rows.push(row([
            &step_name(records, &fix.procedure, &fix.step, w.language),
            &fix.done.to_string(),
            &per_100(fix.before_per_100, w),
            &in_orders(fix.defects_before, fix.orders_before),
            &per_100(fix.after_per_100, w),
            &in_orders(fix.defects_after, fix.orders_after),
            &days(fix.after_days, w),
        ]));
    }
    table(out, &rows, &[false, false, true, false, true, false, true]);
}

fn people(out: &mut String, f: &Figures, records: &Records, w: &Words) {
    heading(out, w.training);
    if f.training_gaps.is_empty() {
        let _ = writeln!(out, "  {}", w.none);
    } else {
        let mut rows = vec![row([w.person, w.procedure, w.signed, w.in_force])];
        for gap in &f.training_gaps {
            let name = records
                .workspace
                .person(&gap.person)
                .map_or(gap.person.as_str(), |p| p.name.as_str());
            rows.push(row([
                name,
                procedure_title(records, &gap.procedure),
                &gap.signed_revision
                    .map_or(w.never.to_owned(), |r| r.to_string()),
                &gap.current_revision.to_string(),
            ]));
        }
        table(out, &rows, &[false, false, true, true]);
    }
    heading(out, w.reviews);
    if f.reviews_overdue.is_empty() {
        let _ = writeln!(out, "  {}", w.none);
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
                    fill(
                        w.review_by,
                        &[
                            ("by", &by.to_string()),
                            ("days", &by.days_until(f.today).to_string()),
                        ],
                    )
                });
            row([procedure_title(records, id), &by])
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

/// "1 day", "90 days".
fn days(count: u32, w: &Words) -> String {
    counted(
        usize::try_from(count).unwrap_or(usize::MAX),
        w.day_one,
        w.days,
    )
}

fn refs(defects: &[DefectRef]) -> String {
    defects
        .iter()
        .map(|r| format!("{} {}", r.order, r.defect))
        .collect::<Vec<_>>()
        .join(", ")
}

fn per_100(value: Option<f64>, w: &Words) -> String {
    value.map_or("-".to_owned(), |v| decimal(v, 1, w))
}

/// `value` with `places` decimals and the language's decimal mark.
fn decimal(value: f64, places: usize, w: &Words) -> String {
    w.language.decimal(value, places)
}

/// Cents as euros, as the language writes them.
fn euros(cents: u64, w: &Words) -> String {
    w.language.euros(cents)
}
