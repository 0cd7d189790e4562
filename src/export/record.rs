//! An order's QC record as data: every word decided, nothing laid out yet.
//!
//! The typst template and the HTML writer both read this, so the two formats
//! say the same thing; only their layout differs.

use serde::Serialize;

use super::labels::{self, Labels};
use crate::model::{
    Check, CheckState, Checklist, DateTime, DefectState, FoundBy, ItemKind, ItemVerdict, Language,
    Number, Order, Outcome, Records, Severity,
};
use crate::model::{category_name, fill};

/// How a mark is coloured: the template and the HTML map each tone to a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Tone {
    Pass,
    Fail,
    Warn,
    Neutral,
}

/// A label and its value.
#[derive(Debug, Serialize)]
pub(crate) struct Detail {
    pub label: &'static str,
    pub value: String,
}

/// The whole record of one order.
#[derive(Debug, Serialize)]
pub(crate) struct Record {
    /// `"en"` or `"nl"`: hyphenation and the HTML `lang`.
    pub lang: &'static str,
    pub labels: &'static Labels,
    pub business: String,
    pub order: String,
    pub details: Vec<Detail>,
    pub checks: Vec<CheckSheet>,
    pub defects: Vec<DefectEntry>,
    pub contacts: Vec<ContactEntry>,
    pub printed: String,
}

/// One check: its checklist, who and when, and a row per item.
#[derive(Debug, Serialize)]
pub(crate) struct CheckSheet {
    pub title: String,
    pub revision: String,
    pub checked_by: String,
    pub at: String,
    pub status: String,
    pub tone: Tone,
    pub note: Option<&'static str>,
    pub items: Vec<ItemRow>,
}

/// One item of a check and its answer.
#[derive(Debug, Serialize)]
pub(crate) struct ItemRow {
    pub number: String,
    pub prompt: String,
    pub critical: bool,
    pub answer: String,
    pub standard: String,
    pub verdict: &'static str,
    pub tone: Tone,
    pub note: Option<&'static str>,
}

/// One defect, its cause and what was done.
#[derive(Debug, Serialize)]
pub(crate) struct DefectEntry {
    pub id: String,
    pub severity: &'static str,
    pub severity_tone: Tone,
    pub state: &'static str,
    pub state_tone: Tone,
    pub facts: Vec<Detail>,
    pub description: String,
    pub whys: Vec<String>,
    pub cause: Option<String>,
    pub action: Option<ActionEntry>,
    pub photos: Vec<String>,
}

/// What is done about a defect.
#[derive(Debug, Serialize)]
pub(crate) struct ActionEntry {
    pub kind: &'static str,
    pub what: String,
    pub details: String,
}

/// One time the customer got in touch.
#[derive(Debug, Serialize)]
pub(crate) struct ContactEntry {
    pub at: String,
    pub channel: &'static str,
    pub by: String,
    pub about: String,
    pub apology: &'static str,
}

/// Decides every word of an order's record.
pub(crate) fn record(
    records: &Records,
    order: &Order,
    language: Language,
    printed: DateTime,
) -> Record {
    let words = labels::labels(language);
    let name = |id: &str| person(records, id);
    let mut details = vec![Detail {
        label: words.placed,
        value: order.placed.to_string(),
    }];
    if let Some(customer) = &order.customer {
        details.push(Detail {
            label: words.customer,
            value: customer.clone(),
        });
    }
    details.push(Detail {
        label: words.product,
        value: order.product.to_string(),
    });
    details.push(Detail {
        label: words.made_by,
        value: name(&order.made_by),
    });
    Record {
        lang: language.code(),
        labels: words,
        business: records.workspace.name.clone(),
        order: order.id.clone(),
        details,
        checks: order
            .checks
            .iter()
            .map(|check| check_sheet(records, check, language))
            .collect(),
        defects: order
            .defects
            .iter()
            .map(|defect| defect_entry(records, defect, language))
            .collect(),
        contacts: order
            .contacts
            .iter()
            .map(|contact| ContactEntry {
                at: time(contact.at),
                channel: labels::channel(language, contact.channel),
                by: name(&contact.by),
                about: contact.about.clone(),
                apology: if contact.apology { words.yes } else { words.no },
            })
            .collect(),
        printed: time(printed),
    }
}

/// A staff member's full name; the id itself when the workspace does not know it.
pub(crate) fn person(records: &Records, id: &str) -> String {
    records
        .workspace
        .person(id)
        .map_or_else(|| id.to_owned(), |person| person.name.clone())
}

/// `2026-11-23 15:02`: the file's time, with a space a reader expects.
fn time(at: DateTime) -> String {
    at.readable()
}

/// A number as the language writes it: `4.5` or `4,5`.
pub(crate) fn number(value: Number, language: Language) -> String {
    let text = value.to_string();
    match language {
        Language::En => text,
        Language::Nl => text.replace('.', ","),
    }
}

pub(crate) fn with_unit(value: String, unit: &str) -> String {
    if unit.is_empty() {
        value
    } else {
        format!("{value} {unit}")
    }
}

/// What a measure accepts: `45–55 g`, `≥ 60 g`, `≤ 5 °C`, `3 slices`.
pub(crate) fn bounds(
    unit: &str,
    min: Option<Number>,
    max: Option<Number>,
    language: Language,
) -> String {
    let n = |value| number(value, language);
    match (min, max) {
        (Some(min), Some(max)) if min == max => with_unit(n(min), unit),
        // `-14 – -12 °C`: a dash between two minus signs needs air to be read as a range.
        (Some(min), Some(max)) if min.get() < 0.0 || max.get() < 0.0 => {
            with_unit(format!("{} – {}", n(min), n(max)), unit)
        }
        (Some(min), Some(max)) => with_unit(format!("{}–{}", n(min), n(max)), unit),
        (Some(min), None) => with_unit(format!("≥ {}", n(min)), unit),
        (None, Some(max)) => with_unit(format!("≤ {}", n(max)), unit),
        (None, None) => String::new(),
    }
}

/// An answer in words, with the unit where the item has one.
fn answer(outcome: &Outcome, kind: Option<&ItemKind>, language: Language) -> String {
    let words = labels::labels(language);
    match outcome {
        Outcome::Pass => words.pass.to_owned(),
        Outcome::Fail => words.fail.to_owned(),
        Outcome::NotApplicable => words.not_applicable.to_owned(),
        Outcome::Value(value) => match kind {
            Some(ItemKind::Measure { unit, .. }) => with_unit(number(*value, language), unit),
            _ => number(*value, language),
        },
        Outcome::Chosen(text) => text.to_string(),
        Outcome::Text(text) => text.clone(),
    }
}

/// The verdict's word and tone, saying "in bounds" where a measure has bounds.
fn verdict_words(
    verdict: ItemVerdict,
    kind: &ItemKind,
    outcome: Option<&Outcome>,
    critical: bool,
    words: &Labels,
) -> (&'static str, Tone) {
    let bounded =
        matches!(kind, ItemKind::Measure { min, max, .. } if min.is_some() || max.is_some());
    let measured = matches!(outcome, Some(Outcome::Value(_)));
    match verdict {
        ItemVerdict::Passed if measured && bounded => (words.in_bounds, Tone::Pass),
        ItemVerdict::Passed if measured || matches!(kind, ItemKind::Text) => {
            (words.recorded, Tone::Neutral)
        }
        ItemVerdict::Passed => (words.pass, Tone::Pass),
        ItemVerdict::Failed if measured => (words.out_of_bounds, Tone::Fail),
        ItemVerdict::Failed => (words.fail, Tone::Fail),
        ItemVerdict::NotApplicable => (words.not_applicable, Tone::Neutral),
        ItemVerdict::Missing if critical => (words.missing, Tone::Fail),
        ItemVerdict::Missing => (words.missing, Tone::Neutral),
    }
}

/// A result that no item of the known checklist revision asks for, shown as recorded.
fn loose_row(number: usize, result: &crate::model::CheckResult, language: Language) -> ItemRow {
    let words = labels::labels(language);
    let (verdict, tone) = match result.outcome {
        Outcome::Pass => (words.pass, Tone::Pass),
        Outcome::Fail => (words.fail, Tone::Fail),
        Outcome::NotApplicable => (words.not_applicable, Tone::Neutral),
        _ => (words.recorded, Tone::Neutral),
    };
    ItemRow {
        number: number.to_string(),
        prompt: result.item.to_string(),
        critical: false,
        answer: answer(&result.outcome, None, language),
        standard: String::new(),
        verdict,
        tone,
        note: None,
    }
}

fn check_sheet(records: &Records, check: &Check, language: Language) -> CheckSheet {
    let words = labels::labels(language);
    let checklist = records.checklist_revision(&check.checklist, check.revision);
    let mut sheet = CheckSheet {
        title: checklist.map_or_else(|| check.checklist.to_string(), |c| c.title.clone()),
        revision: format!("{} {}", words.revision, check.revision),
        checked_by: person(records, &check.checked_by),
        at: time(check.at),
        status: words.not_judged.to_owned(),
        tone: Tone::Warn,
        note: None,
        items: Vec::new(),
    };
    let Some(checklist) = checklist else {
        sheet.note = Some(words.unknown_checklist);
        sheet.items = (check.results.iter().enumerate())
            .map(|(n, result)| loose_row(n + 1, result, language))
            .collect();
        return sheet;
    };
    let outcome = check.outcome(checklist);
    (sheet.status, sheet.tone, sheet.note) = match outcome.state() {
        CheckState::Passed => (words.passed.to_owned(), Tone::Pass, None),
        CheckState::PassedWithNotOk(count) => (
            fill(words.passed_with, &[("count", &count.to_string())]),
            Tone::Warn,
            Some(words.passed_with_note),
        ),
        CheckState::Failed | CheckState::NotFinished { .. } => {
            (words.failed.to_owned(), Tone::Fail, Some(words.failed_note))
        }
    };
    sheet.items = item_rows(checklist, check, &outcome.items, language);
    sheet
}

fn item_rows(
    checklist: &Checklist,
    check: &Check,
    verdicts: &[(String, ItemVerdict, bool)],
    language: Language,
) -> Vec<ItemRow> {
    let words = labels::labels(language);
    let mut rows: Vec<ItemRow> = checklist
        .items
        .iter()
        .zip(verdicts)
        .enumerate()
        .map(|(n, (item, (_, verdict, _)))| {
            let result = check.results.iter().find(|r| r.item == item.id);
            let outcome = result.map(|r| &r.outcome);
            let (verdict, tone) =
                verdict_words(*verdict, &item.kind, outcome, item.critical, words);
            let standard = match &item.kind {
                ItemKind::Measure { unit, min, max } => bounds(unit, *min, *max, language),
                ItemKind::Choice { pass, .. } => pass.join(" / "),
                ItemKind::Tick | ItemKind::Text => String::new(),
            };
            let missing_critical = result.is_none() && item.critical;
            ItemRow {
                number: (n + 1).to_string(),
                prompt: item.prompt.clone(),
                critical: item.critical,
                answer: outcome
                    .map_or_else(|| "—".to_owned(), |o| answer(o, Some(&item.kind), language)),
                standard,
                verdict,
                tone,
                note: missing_critical.then_some(words.missing_critical),
            }
        })
        .collect();
    let loose = check
        .results
        .iter()
        .filter(|result| checklist.item(&result.item).is_none());
    for result in loose {
        let mut row = loose_row(rows.len() + 1, result, language);
        row.note = Some(words.not_on_checklist);
        rows.push(row);
    }
    rows
}

fn defect_entry(
    records: &Records,
    defect: &crate::model::Defect,
    language: Language,
) -> DefectEntry {
    let words = labels::labels(language);
    let found_by = match &defect.found_by {
        FoundBy::Check => words.by_check.to_owned(),
        FoundBy::Staff(id) => person(records, id),
        FoundBy::Customer => words.by_customer.to_owned(),
    };
    let mut facts = vec![
        Detail {
            label: words.found,
            value: defect.found.to_string(),
        },
        Detail {
            label: words.found_by,
            value: found_by,
        },
        Detail {
            label: words.category,
            value: category_name(&defect.category, language).to_owned(),
        },
    ];
    if let Some(id) = &defect.procedure {
        let procedure = records.procedure(id);
        let title = procedure.map_or(id.as_str(), |p| &p.title);
        // The step by its number in the procedure, never its id.
        let number = |step: &str| procedure.and_then(|p| p.steps.iter().position(|s| s.id == step));
        let value = match defect.step.as_deref().map(number) {
            Some(Some(n)) => format!("{title}, {} {}", words.step, n + 1),
            _ => title.to_owned(),
        };
        facts.push(Detail {
            label: words.procedure,
            value,
        });
    }
    let state = defect.state();
    let (whys, cause) = match &defect.root_cause {
        Some(root) => (
            root.whys.clone(),
            (!root.cause.is_empty()).then(|| root.cause.clone()),
        ),
        None => (Vec::new(), None),
    };
    DefectEntry {
        id: defect.id.clone(),
        severity: labels::severity(language, defect.severity),
        severity_tone: match defect.severity {
            Severity::Minor => Tone::Neutral,
            Severity::Major => Tone::Warn,
            Severity::Critical => Tone::Fail,
        },
        state: labels::state(language, state),
        state_tone: match state {
            DefectState::Open => Tone::Warn,
            DefectState::Fixed => Tone::Neutral,
            DefectState::Verified => Tone::Pass,
        },
        facts,
        description: defect.description.clone(),
        whys,
        cause,
        action: defect.action.as_ref().map(|action| {
            let mut parts = Vec::new();
            if let Some(owner) = &action.owner {
                parts.push(format!("{} {}", words.owner, person(records, owner)));
            }
            for (word, date) in [
                (words.due, action.due),
                (words.done, action.done),
                (words.verified, action.verified),
            ] {
                if let Some(date) = date {
                    parts.push(format!("{word} {date}"));
                }
            }
            if let Some(by) = &action.verified_by {
                if let Some(last) = parts.last_mut().filter(|_| action.verified.is_some()) {
                    last.push_str(&format!(" {} {}", words.owner, person(records, by)));
                } else {
                    parts.push(format!(
                        "{} {} {}",
                        words.verified,
                        words.owner,
                        person(records, by)
                    ));
                }
            }
            ActionEntry {
                kind: labels::action_kind(language, action.kind),
                what: action.what.clone(),
                details: parts.join(" · "),
            }
        }),
        photos: defect.photos.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(value: f64) -> Option<Number> {
        Number::new(value)
    }

    #[test]
    fn bounds_read_as_people_write_them() {
        let en = Language::En;
        assert_eq!(bounds("g", n(45.0), n(55.0), en), "45–55 g");
        assert_eq!(bounds("slices", n(3.0), n(3.0), en), "3 slices");
        assert_eq!(bounds("g", n(60.0), None, en), "≥ 60 g");
        assert_eq!(bounds("°C", None, n(5.0), en), "≤ 5 °C");
        assert_eq!(bounds("", n(1.5), n(2.5), Language::Nl), "1,5–2,5");
        assert_eq!(bounds("g", None, None, en), "");
        assert_eq!(bounds("°C", n(-14.0), n(-12.0), en), "-14 – -12 °C");
    }

    #[test]
    fn times_print_with_a_space() {
        let at: DateTime = "2026-11-23T15:02".parse().unwrap();
        assert_eq!(time(at), "2026-11-23 15:02");
    }
}
