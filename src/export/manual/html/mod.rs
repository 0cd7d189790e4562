//! The manual as one self-contained HTML file: styles inline, no scripts, no links out;
//! printing it gives a page per procedure and per form.

mod form;
mod part;

use std::fmt::Write;

use super::book::{Book, Link};
use crate::export::html::escape;
use form::form;
use part::part;

const STYLE: &str = r#"
:root { color: #1f2933; font: 10.5pt/1.5 Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
body { max-width: 180mm; margin: 12mm auto; padding: 0 6mm; }
a { color: inherit; }
.label { font-size: 7.5pt; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; color: #616e7c; }
.muted { color: #616e7c; }
.cover { min-height: 60vh; }
.cover .business { font-size: 13pt; color: #616e7c; margin-top: 10mm; }
.cover .rule { width: 28mm; border-top: 3px solid #1d4e5f; margin: 5mm 0 3mm; }
.cover h1 { font-size: 30pt; margin: 0 0 10mm; }
.cover dl { display: grid; grid-template-columns: auto 1fr; gap: 3mm 10mm; }
.cover dd { margin: 0; font-size: 11pt; }
.notice { margin-top: 12mm; color: #616e7c; }
.notice.drafts { color: #1f2933; background: #fbe9e9; border-left: 3px solid #a3161a; padding: 8px 10px; }
.draft { display: inline-block; background: #a3161a; color: #fff; font-size: 7.5pt; font-weight: 700; letter-spacing: .06em; padding: 1px 4px; border-radius: 2px; vertical-align: middle; }
.draft-note { color: #a3161a; font-weight: 600; }
nav h2, section h2.sub { font-size: 8pt; letter-spacing: .05em; text-transform: uppercase; color: #1d4e5f; border-bottom: 1px solid #c9d0d8; padding-bottom: 2px; margin: 7mm 0 3mm; }
nav ol { list-style: none; padding: 0; margin: 0; }
nav li { display: grid; grid-template-columns: 8mm 1fr auto; gap: 4px; padding: 2px 0; }
nav a { text-decoration: none; }
section.part, section.form { margin-top: 14mm; }
h1.title { font-size: 21pt; margin: 1mm 0 3mm; line-height: 1.2; }
section.form h1.title { font-size: 16pt; }
.facts { display: flex; flex-wrap: wrap; gap: 2px 7mm; background: #f1f4f7; padding: 7px 9px; border-radius: 2px; }
.facts div { display: flex; flex-direction: column; }
.facts span:last-child { font-weight: 500; }
.about { display: grid; grid-template-columns: 24mm 1fr; gap: 2.5mm; margin: 3mm 0; }
.about p { margin: 0; }
ol.steps { list-style: none; padding: 0; margin: 0; }
ol.steps li { display: grid; grid-template-columns: 9mm 1fr; margin-bottom: 4.5mm; break-inside: avoid; }
ol.steps .n { font-size: 13pt; font-weight: 700; color: #1d4e5f; line-height: 1.2; }
.spec { margin-top: 4px; }
.tag { display: inline-block; border: 1px solid currentColor; border-radius: 2px; font-size: 6.5pt; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; padding: 0 3px; vertical-align: middle; }
.tag.standard { color: #1d4e5f; }
.tag.critical { color: #a3161a; }
.warning { margin-top: 6px; background: #fdf0d5; border-left: 3px solid #7a4a00; padding: 6px 8px; }
.warning strong { color: #7a4a00; text-transform: uppercase; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-size: 7.5pt; letter-spacing: .04em; text-transform: uppercase; color: #616e7c; background: #f1f4f7; }
th, td { padding: 4px 5px; border-bottom: 1px solid #c9d0d8; vertical-align: top; }
td.n { text-align: right; font-weight: 700; color: #616e7c; width: 6mm; }
td.n.critical { color: #a3161a; }
.form table.items td { padding: 8px 5px; }
.form td.answer { width: 44%; }
.fields { border: 1px solid #1f2933; border-radius: 2px; padding: 6px 8px 8px; margin: 4mm 0; display: grid; grid-template-columns: 30mm 1fr 1fr; gap: 3mm 5mm; align-items: end; }
.field { display: flex; flex-direction: column; }
.field .line { height: 7mm; border-bottom: 1px solid #1f2933; }
.box { display: inline-block; width: 3.4mm; height: 3.4mm; border: 1px solid #1f2933; border-radius: 1px; vertical-align: -0.5mm; margin-right: 3px; }
.tick span.choice { margin-right: 9px; white-space: nowrap; }
.blank { display: inline-block; width: 24mm; border-bottom: 1px solid #1f2933; height: 1em; vertical-align: -2px; }
.write { border-bottom: 1px solid #1f2933; height: 8mm; }
.choices span { display: inline-block; margin: 0 14px 2px 0; }
.pass { font-weight: 700; }
.result { margin-top: 5mm; }
.notes { font-size: 8pt; color: #616e7c; margin-top: 3mm; }
@page { size: __PAPER__; margin: 22mm 20mm;
  @bottom-right { content: "__PAGE__ " counter(page) " __OF__ " counter(pages); font: 7.5pt Inter, sans-serif; color: #616e7c; }
  @top-left { content: "__HEAD__"; font: 7.5pt Inter, sans-serif; color: #616e7c; }
}
@page :first { @bottom-right { content: none; } @top-left { content: none; } }
@media print {
  :root { font-size: 9.5pt; }
  body { max-width: none; margin: 0; padding: 0; }
  .cover { min-height: 0; }
  nav, section.part, section.form { break-before: page; margin-top: 0; }
  tr, .warning, .fields, .result { break-inside: avoid; }
  h1, h2 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// Text made safe inside a CSS string: every character but letters, digits and spaces
/// becomes an escape, so nothing can end the string or the style element.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", u32::from(c));
        }
    }
    out
}

pub(super) fn link(out: &mut String, link: &Link) {
    let _ = write!(
        out,
        "<a href=\"#{}\">{}</a>",
        escape(&link.key),
        escape(&link.title)
    );
}

pub(super) fn draft(out: &mut String, book: &Book, draft: bool) {
    if draft {
        let _ = write!(
            out,
            " <span class=\"draft\">{}</span>",
            escape(book.words.draft)
        );
    }
}

fn cover(out: &mut String, book: &Book) {
    let w = book.words;
    let _ = write!(
        out,
        "<header class=\"cover\"><div class=\"business\">{}</div><div class=\"rule\"></div><h1>{}</h1><dl>",
        escape(&book.business),
        escape(w.manual)
    );
    for detail in &book.cover {
        let _ = write!(
            out,
            "<dt class=\"label\">{}</dt><dd>{}</dd>",
            escape(detail.label),
            escape(&detail.value)
        );
    }
    let class = if book.drafts {
        "notice drafts"
    } else {
        "notice"
    };
    let _ = writeln!(
        out,
        "</dl><p class=\"{class}\">{}</p></header>",
        escape(book.notice)
    );
}

fn contents(out: &mut String, book: &Book) {
    let w = book.words;
    let _ = write!(out, "<nav><h1 class=\"title\">{}</h1>", escape(w.contents));
    let procedures = book.procedures.iter();
    contents_list(
        out,
        book,
        w.procedures,
        procedures.map(|p| (&p.link, p.draft, p.revision.as_str())),
    );
    let forms = book.forms.iter();
    contents_list(
        out,
        book,
        w.forms,
        forms.map(|f| (&f.link, f.draft, f.revision.as_str())),
    );
    out.push_str("</nav>\n");
}

/// One list of the contents page, under its heading; nothing when it has no entries.
fn contents_list<'a>(
    out: &mut String,
    book: &Book,
    heading: &str,
    entries: impl ExactSizeIterator<Item = (&'a Link, bool, &'a str)>,
) {
    if entries.len() == 0 {
        return;
    }
    let _ = write!(out, "<h2>{}</h2><ol>", escape(heading));
    for (entry, is_draft, revision) in entries {
        let _ = write!(
            out,
            "<li><span class=\"muted\">{}</span><span>",
            escape(&entry.number)
        );
        link(out, entry);
        draft(out, book, is_draft);
        let _ = write!(
            out,
            "</span><span class=\"muted\">{} {}</span></li>",
            escape(book.words.revision),
            escape(revision)
        );
    }
    out.push_str("</ol>");
}

/// The manual as a complete HTML page.
pub(crate) fn page(book: &Book) -> String {
    let w = book.words;
    let paper = if book.paper == "us-letter" {
        "letter"
    } else {
        "A4"
    };
    let head = format!("{} · {}", book.business, w.manual);
    let style = STYLE
        .replace("__PAPER__", paper)
        .replace("__PAGE__", &css_string(w.page))
        .replace("__OF__", &css_string(w.of))
        .replace("__HEAD__", &css_string(&head));
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n",
        escape(book.lang),
        escape(&head)
    );
    cover(&mut out, book);
    contents(&mut out, book);
    for p in &book.procedures {
        part(&mut out, book, p);
    }
    for f in &book.forms {
        form(&mut out, book, f);
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn css_strings_cannot_end_the_string_or_the_style() {
        assert_eq!(css_string("Bell's Ices"), "Bell\\27 s Ices");
        assert_eq!(css_string("\"</style>"), "\\22 \\3c \\2f style\\3e ");
        assert_eq!(css_string("Zoë"), "Zoë");
    }
}
