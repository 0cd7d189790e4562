//! A checklist's page of the HTML manual: a form to fill in with a pen.

use std::fmt::Write;

use super::super::book::{Answer, Book, Form, FormItem};
use super::super::words::Words;
use super::{draft, link};
use crate::export::html::{ItemCells, ItemsLook, checklist_items, escape};

fn field(out: &mut String, label: &str) {
    let _ = write!(
        out,
        "<div class=\"field\"><span class=\"label\">{}</span><span class=\"line\"></span></div>",
        escape(label)
    );
}

fn boxes(out: &mut String, words: &[&str]) {
    out.push_str("<span class=\"tick\">");
    for word in words {
        let _ = write!(
            out,
            "<span class=\"choice\"><span class=\"box\"></span>{}</span>",
            escape(word)
        );
    }
    out.push_str("</span>");
}

fn cells(item: &FormItem) -> ItemCells<'_> {
    ItemCells {
        number: &item.number,
        prompt: &item.prompt,
        critical: item.critical,
    }
}

/// The answer cell of a blank form: boxes to tick, a blank to write on, options to circle.
fn answer(out: &mut String, w: &Words, answer: &Answer) {
    match answer {
        Answer::Tick => boxes(out, &[w.ok, w.not_ok, w.not_applicable]),
        Answer::Measure { unit, bounds } => {
            let _ = write!(out, "<span class=\"blank\"></span> {}", escape(unit));
            if !bounds.is_empty() {
                let _ = write!(out, " <span class=\"muted\">({})</span>", escape(bounds));
            }
        }
        Answer::Choice { options } => {
            out.push_str("<div class=\"choices\">");
            for choice in options {
                let class = if choice.pass { " class=\"pass\"" } else { "" };
                let _ = write!(out, "<span{class}>{}</span>", escape(&choice.text));
            }
            let _ = write!(
                out,
                "</div><span class=\"muted\">({})</span>",
                escape(w.circle_one)
            );
        }
        Answer::Text => out.push_str("<div class=\"write\"></div><div class=\"write\"></div>"),
    }
}

/// One checklist as a form to fill in with a pen.
pub(super) fn form(out: &mut String, book: &Book, form: &Form) {
    let w = book.words;
    let _ = write!(
        out,
        "<section class=\"form\" id=\"{}\"><div class=\"label\">{} {}",
        escape(&form.link.key),
        escape(w.form),
        escape(&form.link.number)
    );
    draft(out, book, form.draft);
    let _ = write!(
        out,
        " · {} {}</div><h1 class=\"title\">{} {}</h1>",
        escape(w.revision),
        escape(&form.revision),
        escape(&form.link.number),
        escape(&form.link.title)
    );
    if form.draft {
        let _ = write!(out, "<p class=\"draft-note\">{}</p>", escape(w.draft_note));
    }
    let mut about = Vec::new();
    if let Some(procedure) = &form.procedure {
        let mut text = format!("{} {} ", escape(w.procedure), escape(&procedure.number));
        link(&mut text, procedure);
        about.push(text);
    }
    if form.four_eyes {
        about.push(escape(w.four_eyes));
    }
    if !about.is_empty() {
        let _ = write!(out, "<p class=\"muted\">{}</p>", about.join(" · "));
    }
    out.push_str("<div class=\"fields\"><span></span>");
    field(out, w.order_number);
    field(out, w.date);
    for role in [w.made_by, w.checked_by] {
        let _ = write!(out, "<strong>{}</strong>", escape(role));
        field(out, w.name);
        field(out, w.signature);
    }
    out.push_str("</div>");
    let look = ItemsLook {
        table_class: " class=\"items\"",
        critical_tag: "tag critical",
        critical: w.critical,
        mark_critical_number: true,
    };
    checklist_items(
        out,
        &look,
        &[w.item, w.answer],
        &form.items,
        cells,
        |out, item| {
            out.push_str("</td><td class=\"answer\">");
            answer(out, w, &item.answer);
            out.push_str("</td>");
        },
    );
    let _ = write!(
        out,
        "<div class=\"result\"><span class=\"label\">{}</span> ",
        escape(w.result)
    );
    boxes(out, &[w.passed, w.passed_with, w.failed]);
    let _ = write!(
        out,
        "<div class=\"label\" style=\"margin-top:3mm\">{}</div><div class=\"write\"></div><div class=\"write\"></div></div>",
        escape(w.remarks)
    );
    let mut notes = vec![escape(w.states_note)];
    if form.any_critical {
        notes.push(escape(w.critical_note));
    }
    if form.any_choice {
        notes.push(escape(w.pass_note));
    }
    if !notes.is_empty() {
        let _ = write!(out, "<p class=\"notes\">{}</p>", notes.join(" "));
    }
    out.push_str("</section>\n");
}
