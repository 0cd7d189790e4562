//! The manual as Markdown, for pasting into a wiki: the steps as a numbered list, the
//! forms as tables, every piece of the user's text escaped so it reads as written.

use std::fmt::Write;

use super::book::{Answer, Book, Form, FormItem, Part};

/// Text made safe to place in a Markdown paragraph, list item or table cell.
///
/// Characters that start emphasis, links, code, HTML, math or table cells are escaped
/// wherever they are; those that only mean something at the start of a line (headings,
/// quotes, list markers) are escaped there. Line breaks become spaces, so a user's text
/// never leaves the block it is in.
pub(crate) fn escape(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (n, &c) in chars.iter().enumerate() {
        let at_start = n == 0;
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '$' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '+' | '-' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '&' if entity_follows(&chars[n + 1..]) => out.push_str("\\&"),
            '.' | ')' if leads_with_number(&chars[..n]) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether `&` and what follows would read as an HTML entity such as `&amp;` or `&#39;`.
fn entity_follows(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// Whether everything before is digits from the start of the text: `12.` would start a list.
fn leads_with_number(before: &[char]) -> bool {
    !before.is_empty() && before.len() <= 9 && before.iter().all(char::is_ascii_digit)
}

/// A workspace-relative path as a link target: every byte but letters, digits and
/// `-._~/` percent-encoded, so spaces and brackets cannot end the link.
fn link(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

fn part(out: &mut String, book: &Book, part: &Part) {
    let w = book.words;
    let _ = write!(
        out,
        "\n## {} {}\n\n",
        escape(&part.link.number),
        escape(&part.link.title)
    );
    if part.draft {
        let _ = writeln!(out, "**{}** {}\n", w.draft, w.draft_note);
    }
    let facts: Vec<String> = (part.facts.iter())
        .map(|f| format!("**{}:** {}", f.label, escape(&f.value)))
        .collect();
    let _ = writeln!(out, "{}\n", facts.join(" · "));
    if !part.purpose.is_empty() {
        let _ = writeln!(out, "**{}:** {}\n", w.purpose, escape(&part.purpose));
    }
    if !part.scope.is_empty() {
        let _ = writeln!(out, "**{}:** {}\n", w.scope, escape(&part.scope));
    }
    if !part.forms.is_empty() {
        let forms: Vec<String> = (part.forms.iter())
            .map(|f| format!("{} {} {}", w.form, escape(&f.number), escape(&f.title)))
            .collect();
        let _ = writeln!(out, "**{}:** {}\n", w.checked_with, forms.join("; "));
    }
    let _ = writeln!(out, "### {}\n", w.steps);
    for step in &part.steps {
        let _ = writeln!(out, "{}. {}", step.number, escape(&step.text));
        if let Some(spec) = &step.spec {
            let what = if spec.what.is_empty() {
                String::new()
            } else {
                format!("{} ", escape(&spec.what))
            };
            let _ = writeln!(
                out,
                "   - {}: {what}**{}**",
                w.standard,
                escape(&spec.value)
            );
        }
        if let Some(warning) = &step.warning {
            let _ = writeln!(out, "\n   > **{}:** {}\n", w.warning, escape(warning));
        }
        for (n, photo) in step.photos.iter().enumerate() {
            if photo.picture.is_some() {
                let _ = writeln!(out, "\n   ![{} {}]({})", w.photo, n + 1, link(&photo.path));
            } else {
                let _ = writeln!(out, "\n   *{}: {}*", w.photo_missing, escape(&photo.path));
            }
        }
    }
    let _ = writeln!(out, "\n### {}\n", w.history);
    if part.changes.is_empty() {
        let _ = writeln!(out, "{}", w.no_history);
        return;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n| ---: | --- | --- | --- |",
        w.revision, w.on, w.by, w.change
    );
    for change in &part.changes {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            escape(&change.revision),
            escape(&change.on),
            escape(&change.by),
            escape(&change.note)
        );
    }
}

fn answer(book: &Book, item: &FormItem) -> String {
    let w = book.words;
    match &item.answer {
        Answer::Tick => format!("☐ {} ☐ {} ☐ {}", w.ok, w.not_ok, w.not_applicable),
        Answer::Measure { unit, bounds } => {
            let mut blank = "\\_\\_\\_\\_\\_\\_".to_owned();
            if !unit.is_empty() {
                blank = format!("{blank} {}", escape(unit));
            }
            if !bounds.is_empty() {
                blank = format!("{blank} ({})", escape(bounds));
            }
            blank
        }
        Answer::Choice { options } => {
            let choices: Vec<String> = (options.iter())
                .map(|c| {
                    if c.pass {
                        format!("**{}**", escape(&c.text))
                    } else {
                        escape(&c.text)
                    }
                })
                .collect();
            format!("{} ({})", choices.join(" / "), w.circle_one)
        }
        Answer::Text => "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_".to_owned(),
    }
}

fn form(out: &mut String, book: &Book, form: &Form) {
    let w = book.words;
    let _ = write!(
        out,
        "\n## {} {} {}\n\n",
        w.form,
        escape(&form.link.number),
        escape(&form.link.title)
    );
    if form.draft {
        let _ = writeln!(out, "**{}** {}\n", w.draft, w.draft_note);
    }
    let mut about = vec![format!("**{}:** {}", w.revision, escape(&form.revision))];
    if let Some(procedure) = &form.procedure {
        about.push(format!(
            "**{}:** {} {}",
            w.procedure,
            escape(&procedure.number),
            escape(&procedure.title)
        ));
    }
    if form.four_eyes {
        about.push(w.four_eyes.to_owned());
    }
    let _ = writeln!(out, "{}\n", about.join(" · "));
    let blank = "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_";
    let _ = writeln!(
        out,
        "**{}:** {blank} · **{}:** {blank}  \n**{}:** {blank} · **{}:** {blank}  \n**{}:** {blank} · **{}:** {blank}\n",
        w.order_number, w.date, w.made_by, w.signature, w.checked_by, w.signature
    );
    let _ = writeln!(
        out,
        "| # | {} | {} |\n| ---: | --- | --- |",
        w.item, w.answer
    );
    for item in &form.items {
        let critical = if item.critical {
            format!(" **{}**", w.critical.to_uppercase())
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "| {} | {}{critical} | {} |",
            item.number,
            escape(&item.prompt),
            answer(book, item)
        );
    }
    let _ = writeln!(
        out,
        "\n**{}:** ☐ {} ☐ {} ☐ {} · **{}:** {blank}",
        w.result,
        w.passed,
        escape(w.passed_with),
        w.failed,
        w.remarks
    );
    let mut notes = vec![escape(w.states_note)];
    if form.any_critical {
        notes.push(escape(w.critical_note));
    }
    if form.any_choice {
        notes.push(escape(w.pass_note));
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "\n*{}*", notes.join(" "));
    }
}

/// The manual as one Markdown document.
pub(crate) fn page(book: &Book) -> String {
    let w = book.words;
    let mut out = String::with_capacity(32 * 1024);
    let _ = writeln!(out, "# {}: {}\n", escape(&book.business), w.manual);
    for detail in &book.cover {
        let _ = writeln!(out, "**{}:** {}  ", detail.label, escape(&detail.value));
    }
    let _ = writeln!(out, "\n{}\n", book.notice);
    let _ = writeln!(out, "## {}\n", w.contents);
    for part in &book.procedures {
        let draft = if part.draft {
            format!(" ({})", w.draft)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "- {} {}, {} {}{draft}",
            escape(&part.link.number),
            escape(&part.link.title),
            w.revision.to_lowercase(),
            part.revision
        );
    }
    for form in &book.forms {
        let _ = writeln!(
            out,
            "- {} {} {}, {} {}",
            w.form,
            escape(&form.link.number),
            escape(&form.link.title),
            w.revision.to_lowercase(),
            form.revision
        );
    }
    for part_ in &book.procedures {
        part(&mut out, book, part_);
    }
    if !book.forms.is_empty() {
        let _ = writeln!(out, "\n## {}", w.forms);
    }
    for form_ in &book.forms {
        form(&mut out, book, form_);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markdown_specials_are_escaped_where_they_mean_something() {
        assert_eq!(escape("Ices & Sandwiches"), "Ices & Sandwiches");
        assert_eq!(escape("Tom &amp; Jerry"), "Tom \\&amp; Jerry");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("#set page(...)"), "\\#set page(...)");
        assert_eq!(escape("a #hashtag"), "a #hashtag");
        assert_eq!(
            escape("$x$ *b* _i_ [l](u) `c` a|b ~s~"),
            "\\$x\\$ \\*b\\* \\_i\\_ \\[l\\](u) \\`c\\` a\\|b \\~s\\~"
        );
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("12. not a list"), "12\\. not a list");
        assert_eq!(escape("Turn to 12. Then"), "Turn to 12. Then");
        assert_eq!(escape("one\n\n# two"), "one # two");
        assert_eq!(escape("back\\slash"), "back\\\\slash");
        assert_eq!(escape("Zoë, 4 °C ± 1"), "Zoë, 4 °C ± 1");
    }
}
