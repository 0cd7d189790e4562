//! A procedure's pages of the HTML manual: facts, steps with their standards, warnings
//! and photos, and the revision history.

use std::fmt::Write;

use super::super::book::{Book, Part, PhotoEntry};
use super::super::words::Words;
use super::{draft, link};
use crate::export::html::escape;
use crate::model::ImageKind;

/// One procedure: its facts, purpose and scope, steps and history.
pub(super) fn part(out: &mut String, book: &Book, part: &Part) {
    let w = book.words;
    let _ = write!(
        out,
        "<section class=\"part\" id=\"{}\"><div class=\"label\">{} {}",
        escape(&part.link.key),
        escape(w.procedure),
        escape(&part.link.number)
    );
    draft(out, book, part.draft);
    let _ = write!(
        out,
        "</div><h1 class=\"title\">{} {}</h1>",
        escape(&part.link.number),
        escape(&part.link.title)
    );
    if part.draft {
        let _ = write!(out, "<p class=\"draft-note\">{}</p>", escape(w.draft_note));
    }
    out.push_str("<div class=\"facts\">");
    for fact in &part.facts {
        let _ = write!(
            out,
            "<div><span class=\"label\">{}</span><span>{}</span></div>",
            escape(fact.label),
            escape(&fact.value)
        );
    }
    out.push_str("</div><div class=\"about\">");
    for (label, text) in [(w.purpose, &part.purpose), (w.scope, &part.scope)] {
        if !text.is_empty() {
            let _ = write!(
                out,
                "<div class=\"label\">{}</div><p>{}</p>",
                escape(label),
                escape(text)
            );
        }
    }
    if !part.forms.is_empty() {
        let _ = write!(
            out,
            "<div class=\"label\">{}</div><p>",
            escape(w.checked_with)
        );
        for (n, form) in part.forms.iter().enumerate() {
            if n > 0 {
                out.push_str("<br>");
            }
            let _ = write!(out, "{} {} ", escape(w.form), escape(&form.number));
            link(out, form);
        }
        out.push_str("</p>");
    }
    let _ = write!(
        out,
        "</div><h2 class=\"sub\">{}</h2><ol class=\"steps\">",
        escape(w.steps)
    );
    steps(out, w, part);
    let _ = write!(out, "</ol><h2 class=\"sub\">{}</h2>", escape(w.history));
    history(out, w, part);
    out.push_str("</section>\n");
}

/// A procedure's steps, each with its standard and its warning.
fn steps(out: &mut String, w: &Words, part: &Part) {
    for step in &part.steps {
        let _ = write!(
            out,
            "<li><span class=\"n\">{}</span><div><div>{}</div>",
            escape(&step.number),
            escape(&step.text)
        );
        if let Some(spec) = &step.spec {
            let _ = write!(
                out,
                "<div class=\"spec\"><span class=\"tag standard\">{}</span> ",
                escape(w.standard)
            );
            if !spec.what.is_empty() {
                let _ = write!(out, "<span class=\"muted\">{}:</span> ", escape(&spec.what));
            }
            let _ = write!(out, "<strong>{}</strong></div>", escape(&spec.value));
        }
        if let Some(warning) = &step.warning {
            let _ = write!(
                out,
                "<div class=\"warning\" role=\"note\"><strong>⚠ {}</strong> {}</div>",
                escape(w.warning),
                escape(warning)
            );
        }
        photos(out, w, &step.photos);
        out.push_str("</div></li>");
    }
}

/// A step's photos, side by side and scaled to fit keeping their proportions, embedded as
/// `data:` URIs so the page stands alone; a missing one as a box that says so.
fn photos(out: &mut String, w: &Words, photos: &[PhotoEntry]) {
    if photos.is_empty() {
        return;
    }
    out.push_str(
        "<div class=\"photos\" style=\"display:flex;flex-wrap:wrap;gap:3mm;margin-top:6px;break-inside:avoid\">",
    );
    for (n, photo) in photos.iter().enumerate() {
        match &photo.picture {
            Some(picture) => {
                let mime = match picture.kind {
                    ImageKind::Jpeg => "image/jpeg",
                    ImageKind::Png => "image/png",
                };
                let _ = write!(
                    out,
                    "<img src=\"data:{mime};base64,{}\" alt=\"{} {}\" style=\"max-width:100%;max-height:60mm;width:auto;height:auto;object-fit:contain\">",
                    base64(&picture.bytes),
                    escape(w.photo),
                    n + 1
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<div class=\"photo-missing\" style=\"border:1px dashed #616e7c;padding:6px 8px;min-width:40mm\"><strong>{}</strong><br><span class=\"muted\">{}</span></div>",
                    escape(w.photo_missing),
                    escape(&photo.path)
                );
            }
        }
    }
    out.push_str("</div>");
}

/// Standard base64 with padding, for `data:` URIs.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A procedure's revision history as a table.
fn history(out: &mut String, w: &Words, part: &Part) {
    if part.changes.is_empty() {
        let _ = write!(out, "<p class=\"muted\">{}</p>", escape(w.no_history));
    } else {
        let _ = write!(
            out,
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            escape(w.revision),
            escape(w.on),
            escape(w.by),
            escape(w.change)
        );
        for change in &part.changes {
            let _ = write!(
                out,
                "<tr><td>{}</td><td style=\"white-space:nowrap\">{}</td><td style=\"white-space:nowrap\">{}</td><td>{}</td></tr>",
                escape(&change.revision),
                escape(&change.on),
                escape(&change.by),
                escape(&change.note)
            );
        }
        out.push_str("</tbody></table>");
    }
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_pads_as_the_standard_says() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xFF, 0xD8, 0xFF]), "/9j/");
    }
}
