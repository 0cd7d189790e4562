//! The printed training matrix as one self-contained HTML file: styles inline, no scripts.

use std::fmt::Write;

use super::Sheet;
use crate::export::html::{escape, tone};

const STYLE: &str = r#"
:root { color: #1f2933; font: 10pt/1.4 Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
body { margin: 12mm auto; padding: 0 6mm; max-width: 270mm; }
header { border-bottom: 1.5px solid #1f2933; padding-bottom: 3px; }
header .small, .muted { color: #616e7c; }
header .big { font-size: 20pt; font-weight: 700; line-height: 1.1; }
h2 { font-size: 11pt; margin: 16px 0 6px; padding-bottom: 2px; border-bottom: 1px solid #d3d8de; }
h3 { font-size: 10pt; margin: 12px 0 2px; }
table { width: 100%; border-collapse: collapse; margin-top: 4px; }
th { text-align: left; font-size: 7.5pt; color: #616e7c; background: #f3f5f7; vertical-align: bottom; }
th, td { padding: 3px 5px; border-bottom: 1px solid #d3d8de; vertical-align: top; }
td.cell { font-size: 8pt; }
.badge { display: inline-block; padding: 1px 5px; border-radius: 3px; font-size: 7.5pt; font-weight: 700; text-transform: uppercase; white-space: nowrap; }
.pass { background: #e1f3e6; color: #1d6b38; }
.fail { background: #fbe3e3; color: #a3161a; }
.warn { background: #fdf0d5; color: #8a5300; }
.neutral { background: #eceff2; color: #4a5663; }
.rule { font-size: 8pt; color: #616e7c; }
section.person { break-inside: avoid; }
@page { size: A4 landscape; margin: 13mm 15mm 16mm; }
@media print {
  :root { font-size: 9pt; }
  body { max-width: none; margin: 0; padding: 0; }
  tr { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The whole printout as HTML.
pub(crate) fn page(sheet: &Sheet) -> String {
    let w = sheet.words;
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header><div class=\"small\">{}</div><div class=\"big\">{}</div>\
         <div class=\"small\">{}</div></header>\n",
        escape(sheet.lang),
        escape(w.title),
        escape(&sheet.business),
        escape(&sheet.business),
        escape(w.title),
        escape(&sheet.today),
    );
    grid(&mut out, sheet);
    let _ = writeln!(out, "<p class=\"rule\">{}</p>", escape(w.rule));
    let _ = writeln!(out, "<h2>{}</h2>", escape(w.records));
    for person in &sheet.people {
        let _ = write!(
            out,
            "<section class=\"person\"><h3>{} <span class=\"muted\">({})</span></h3><div class=\"muted\">{}</div>",
            escape(&person.name),
            escape(&person.id),
            escape(&person.summary)
        );
        if person.signatures.is_empty() {
            let _ = write!(out, "<p class=\"muted\">{}</p>", escape(w.no_signatures));
        } else {
            table_head(&mut out, &[w.signed_on, w.procedure, w.revision, w.how]);
            for s in &person.signatures {
                let _ = write!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape(&s.on),
                    escape(&s.procedure),
                    escape(&s.revision),
                    escape(&s.how)
                );
            }
            out.push_str("</tbody></table>");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Opens a table with these column headers.
fn table_head(out: &mut String, headers: &[&str]) {
    out.push_str("<table><thead><tr>");
    for header in headers {
        let _ = write!(out, "<th>{}</th>", escape(header));
    }
    out.push_str("</tr></thead><tbody>");
}

/// The matrix itself: a row per person, a column per procedure in force.
fn grid(out: &mut String, sheet: &Sheet) {
    let w = sheet.words;
    if sheet.columns.is_empty() || sheet.rows.is_empty() {
        let empty = if sheet.rows.is_empty() {
            w.no_people
        } else {
            w.no_procedures
        };
        let _ = writeln!(out, "<p class=\"muted\">{}</p>", escape(empty));
        return;
    }
    let _ = write!(
        out,
        "<table class=\"matrix\"><thead><tr><th>{}</th>",
        escape(w.person)
    );
    for column in &sheet.columns {
        let _ = write!(
            out,
            "<th>{}<br><span class=\"muted\">{}</span></th>",
            escape(&column.title),
            escape(&column.revision)
        );
    }
    out.push_str("</tr></thead><tbody>");
    for row in &sheet.rows {
        let _ = write!(out, "<tr><td><b>{}</b></td>", escape(&row.name));
        for cell in &row.cells {
            let _ = write!(
                out,
                "<td class=\"cell\"><span class=\"badge {}\">{}</span><br><span class=\"muted\">{}</span></td>",
                tone(cell.tone),
                escape(cell.word),
                escape(&cell.signed)
            );
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>\n");
}
