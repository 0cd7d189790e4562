//! The record as one self-contained HTML file: styles inline, no scripts, no links out.

use std::fmt::Write;

use super::record::{Detail, ItemRow, Record, Tone};

/// Text made safe to place between tags or inside a quoted attribute.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The CSS class of a tone.
pub(crate) fn tone(tone: Tone) -> &'static str {
    match tone {
        Tone::Pass => "pass",
        Tone::Fail => "fail",
        Tone::Warn => "warn",
        Tone::Neutral => "neutral",
    }
}

const STYLE: &str = r#"
:root { color: #1f2933; font: 10pt/1.4 Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
body { max-width: 190mm; margin: 12mm auto; padding: 0 6mm; }
header { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 1.5px solid #1f2933; padding-bottom: 3px; }
header .small { color: #616e7c; font-size: 9pt; }
header .big { font-size: 20pt; font-weight: 700; line-height: 1.1; }
header .right { text-align: right; }
dl.details { display: grid; grid-template-columns: auto 1fr auto 1fr; gap: 4px 10px; margin: 8px 0 0; }
dl.details dt { color: #616e7c; }
dl.details dd { margin: 0; font-weight: 600; }
h2 { font-size: 11pt; margin: 16px 0 6px; padding-bottom: 2px; border-bottom: 1px solid #d3d8de; }
h3 { font-size: 10pt; margin: 0; display: flex; justify-content: space-between; gap: 8px; }
h3 .rev { color: #616e7c; font-weight: 400; }
.muted { color: #616e7c; }
.check, .defect { margin: 8px 0 12px; }
table { width: 100%; border-collapse: collapse; margin-top: 4px; }
th { text-align: left; font-size: 7.5pt; text-transform: uppercase; color: #616e7c; background: #f3f5f7; }
th, td { padding: 3px 5px; border-bottom: 1px solid #d3d8de; vertical-align: top; }
td.n { color: #616e7c; text-align: right; width: 1.5em; }
td.answer { font-weight: 600; width: 18%; }
td.standard { width: 16%; }
td.nowrap { white-space: nowrap; }
.badge { display: inline-block; padding: 1px 5px; border-radius: 3px; font-size: 7.5pt; font-weight: 700; text-transform: uppercase; white-space: nowrap; }
.pass { background: #e1f3e6; color: #1d6b38; }
.fail { background: #fbe3e3; color: #a3161a; }
.warn { background: #fdf0d5; color: #8a5300; }
.neutral { background: #eceff2; color: #4a5663; }
.critical { border: 1px solid #a3161a; color: #a3161a; border-radius: 2px; font-size: 6.5pt; font-weight: 700; padding: 0 2px; text-transform: uppercase; }
.note { color: #a3161a; font-size: 8.5pt; }
.defect { border-left: 3px solid #d3d8de; padding-left: 8px; }
.edge-fail { border-left-color: #a3161a; }
.edge-warn { border-left-color: #8a5300; }
.edge-neutral, .edge-pass { border-left-color: #4a5663; }
.defect p { margin: 4px 0; }
.defect ol { margin: 4px 0; padding-left: 18px; }
footer { margin-top: 16px; color: #616e7c; font-size: 8pt; }
@page { size: A4; margin: 13mm 15mm 16mm; }
@media print {
  :root { font-size: 9pt; }
  body { max-width: none; margin: 0; padding: 0; }
  .check, .defect, tr { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

fn details(out: &mut String, details: &[Detail]) {
    out.push_str("<dl class=\"details\">");
    for detail in details {
        let _ = write!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            escape(detail.label),
            escape(&detail.value)
        );
    }
    out.push_str("</dl>\n");
}

fn badge(out: &mut String, kind: Tone, word: &str) {
    let _ = write!(
        out,
        "<span class=\"badge {}\">{}</span>",
        tone(kind),
        escape(word)
    );
}

/// The first cells of a checklist item's row: its number and its prompt.
pub(crate) struct ItemCells<'a> {
    /// "1", "2", ...
    pub number: &'a str,
    /// What the checker does.
    pub prompt: &'a str,
    /// Whether the item is critical, marked beside the prompt.
    pub critical: bool,
}

/// How a table of checklist items looks: the QC record's answered check or the manual's
/// blank form.
pub(crate) struct ItemsLook<'a> {
    /// The table's class attribute, with its leading space, or empty.
    pub table_class: &'a str,
    /// The class of the mark beside a critical prompt.
    pub critical_tag: &'a str,
    /// The mark's word.
    pub critical: &'a str,
    /// Whether a critical item's number is marked too.
    pub mark_critical_number: bool,
}

/// A checklist's items as one table, shared by the QC record and the manual's forms: `#`
/// and `headers` on top, then per item its number, its prompt with the critical mark,
/// and what `rest` writes after it (closing the prompt's cell and adding its own cells).
pub(crate) fn checklist_items<T>(
    out: &mut String,
    look: &ItemsLook<'_>,
    headers: &[&str],
    items: &[T],
    cells: impl Fn(&T) -> ItemCells<'_>,
    mut rest: impl FnMut(&mut String, &T),
) {
    let _ = write!(out, "<table{}><thead><tr><th>#</th>", look.table_class);
    for header in headers {
        let _ = write!(out, "<th>{}</th>", escape(header));
    }
    out.push_str("</tr></thead><tbody>");
    for item in items {
        let row = cells(item);
        let number_class = if look.mark_critical_number && row.critical {
            " critical"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<tr><td class=\"n{number_class}\">{}</td><td>{}",
            escape(row.number),
            escape(row.prompt)
        );
        if row.critical {
            let _ = write!(
                out,
                " <span class=\"{}\">{}</span>",
                look.critical_tag,
                escape(look.critical)
            );
        }
        rest(out, item);
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

fn cells(item: &ItemRow) -> ItemCells<'_> {
    ItemCells {
        number: &item.number,
        prompt: &item.prompt,
        critical: item.critical,
    }
}

fn checks(out: &mut String, record: &Record) {
    let l = record.labels;
    let _ = writeln!(out, "<h2>{}</h2>", escape(l.checks));
    if record.checks.is_empty() {
        let _ = writeln!(out, "<p class=\"muted\">{}</p>", escape(l.no_checks));
    }
    for check in &record.checks {
        let _ = write!(
            out,
            "<section class=\"check\"><h3><span>{} <span class=\"rev\">· {}</span></span>",
            escape(&check.title),
            escape(&check.revision)
        );
        badge(out, check.tone, &check.status);
        let _ = write!(
            out,
            "</h3><div><span class=\"muted\">{}</span> {} <span class=\"muted\">·</span> {}</div>",
            escape(l.checked_by),
            escape(&check.checked_by),
            escape(&check.at)
        );
        if let Some(note) = check.note {
            let _ = write!(out, "<div class=\"note\">{}</div>", escape(note));
        }
        let headers = [l.item, l.answer, l.standard, l.result];
        let look = ItemsLook {
            table_class: "",
            critical_tag: "critical",
            critical: l.critical,
            mark_critical_number: false,
        };
        checklist_items(out, &look, &headers, &check.items, cells, |out, item| {
            if let Some(note) = item.note {
                let _ = write!(out, "<div class=\"note\">{}</div>", escape(note));
            }
            let _ = write!(
                out,
                "</td><td class=\"answer\">{}</td><td class=\"muted standard\">{}</td><td>",
                escape(&item.answer),
                escape(&item.standard)
            );
            badge(out, item.tone, item.verdict);
            out.push_str("</td>");
        });
        out.push_str("</section>\n");
    }
}

fn defects(out: &mut String, record: &Record) {
    let l = record.labels;
    let _ = writeln!(out, "<h2>{}</h2>", escape(l.defects));
    if record.defects.is_empty() {
        let _ = writeln!(out, "<p class=\"muted\">{}</p>", escape(l.no_defects));
    }
    for defect in &record.defects {
        let _ = write!(
            out,
            "<section class=\"defect edge-{}\"><div><strong>{}</strong> ",
            tone(defect.severity_tone),
            escape(&defect.id)
        );
        badge(out, defect.severity_tone, defect.severity);
        out.push(' ');
        badge(out, defect.state_tone, defect.state);
        out.push_str("</div><div>");
        let facts: Vec<String> = (defect.facts.iter())
            .map(|f| {
                format!(
                    "<span class=\"muted\">{}:</span> {}",
                    escape(f.label),
                    escape(&f.value)
                )
            })
            .collect();
        out.push_str(&facts.join(" &nbsp; "));
        let _ = write!(out, "</div><p>{}</p>", escape(&defect.description));
        if !defect.whys.is_empty() {
            let _ = write!(out, "<div class=\"muted\">{}?</div><ol>", escape(l.why));
            for why in &defect.whys {
                let _ = write!(out, "<li>{}</li>", escape(why));
            }
            out.push_str("</ol>");
        }
        if let Some(cause) = &defect.cause {
            let _ = write!(
                out,
                "<p><strong>{}:</strong> {}</p>",
                escape(l.cause),
                escape(cause)
            );
        }
        if let Some(action) = &defect.action {
            let _ = write!(
                out,
                "<p><strong>{}:</strong> {}",
                escape(action.kind),
                escape(&action.what)
            );
            if !action.details.is_empty() {
                let _ = write!(
                    out,
                    "<br><span class=\"muted\">{}</span>",
                    escape(&action.details)
                );
            }
            out.push_str("</p>");
        }
        if !defect.photos.is_empty() {
            let _ = write!(
                out,
                "<p class=\"muted\">{}: {}</p>",
                escape(l.photos),
                escape(&defect.photos.join(", "))
            );
        }
        out.push_str("</section>\n");
    }
}

fn contacts(out: &mut String, record: &Record) {
    let l = record.labels;
    let _ = writeln!(out, "<h2>{}</h2>", escape(l.contacts));
    if record.contacts.is_empty() {
        let _ = writeln!(out, "<p class=\"muted\">{}</p>", escape(l.no_contacts));
        return;
    }
    let _ = write!(
        out,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        escape(l.time),
        escape(l.channel),
        escape(l.by),
        escape(l.about),
        escape(l.apology)
    );
    for contact in &record.contacts {
        let _ = write!(
            out,
            "<tr><td class=\"nowrap\">{}</td><td class=\"nowrap\">{}</td><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td></tr>",
            escape(&contact.at),
            escape(contact.channel),
            escape(&contact.by),
            escape(&contact.about),
            escape(contact.apology)
        );
    }
    out.push_str("</tbody></table>\n");
}

/// The record as a complete HTML page.
pub(crate) fn page(record: &Record) -> String {
    let l = record.labels;
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(record.lang),
        escape(l.title),
        escape(&record.order)
    );
    let _ = writeln!(
        out,
        "<header><div><div class=\"small\">{}</div><div class=\"big\">{}</div></div>\
         <div class=\"right\"><div class=\"small\">{}</div><div class=\"big\">{}</div></div></header>",
        escape(&record.business),
        escape(l.title),
        escape(l.order),
        escape(&record.order)
    );
    details(&mut out, &record.details);
    checks(&mut out, record);
    defects(&mut out, record);
    contacts(&mut out, record);
    let _ = write!(
        out,
        "<footer>{} {}</footer>\n</body>\n</html>\n",
        escape(l.printed),
        escape(&record.printed)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(
            escape(r#"<script>alert("1")</script> & 'x'"#),
            "&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;x&#39;"
        );
        assert_eq!(escape("Café Zoë, 4 °C ± 1"), "Café Zoë, 4 °C ± 1");
        assert_eq!(escape("&amp;"), "&amp;amp;");
        assert_eq!(escape(""), "");
    }
}
