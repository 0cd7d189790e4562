//! The words of the defect a failed check item proposes: what was checked, in the
//! procedure's or the checklist's own words, never an id.

use super::{Checklist, Item, ItemKind, Language, Number, Outcome, Records, fill};

/// The proposed defect's words, in one language.
struct Words {
    measured: &'static str,
    chosen: &'static str,
    failed: &'static str,
    outside: &'static str,
    under: &'static str,
    over: &'static str,
    out_of_bounds: &'static str,
}

const EN: Words = Words {
    measured: "{what} {value}{unit}, {bounds} ({checklist}, revision {revision}).",
    chosen: "{what}: \u{201c}{choice}\u{201d} ({checklist}, revision {revision}).",
    failed: "{what}: failed ({checklist}, revision {revision}).",
    outside: "outside {min}\u{2013}{max}{unit}",
    under: "under the minimum of {min}{unit}",
    over: "over the maximum of {max}{unit}",
    out_of_bounds: "out of bounds",
};

const NL: Words = Words {
    measured: "{what} {value}{unit}, {bounds} ({checklist}, revisie {revision}).",
    chosen: "{what}: \u{201c}{choice}\u{201d} ({checklist}, revisie {revision}).",
    failed: "{what}: fout ({checklist}, revisie {revision}).",
    outside: "buiten {min}\u{2013}{max}{unit}",
    under: "onder het minimum van {min}{unit}",
    over: "boven het maximum van {max}{unit}",
    out_of_bounds: "buiten de grenzen",
};

/// "Ball weight 58 g, outside 60–70 g (Second check of a cone, revision 2).": what the
/// failed `item` measured or asked, in the workspace's language. The subject is what
/// the item's step measures, when the step says so, and otherwise the item's prompt.
pub(crate) fn description(
    checklist: &Checklist,
    item: &Item,
    outcome: &Outcome,
    records: &Records,
) -> String {
    let language = Language::from_code(&records.workspace.language).unwrap_or_default();
    let words = match language {
        Language::En => &EN,
        Language::Nl => &NL,
    };
    let (what, measured) = subject(checklist, item, records);
    let number = |n: Number| language.number(n.get());
    let revision = checklist.revision.to_string();
    let common = [
        ("what", what.as_str()),
        ("checklist", checklist.title.trim()),
        ("revision", revision.as_str()),
    ];
    match (&item.kind, outcome) {
        (ItemKind::Measure { unit, min, max }, Outcome::Value(value)) => {
            let unit = &match unit.trim() {
                "" => String::new(),
                unit => format!(" {unit}"),
            };
            let (min, max) = (min.map(number), max.map(number));
            let bounds = match (&min, &max) {
                (Some(min), Some(max)) => {
                    fill(words.outside, &[("min", min), ("max", max), ("unit", unit)])
                }
                (Some(min), None) => fill(words.under, &[("min", min), ("unit", unit)]),
                (None, Some(max)) => fill(words.over, &[("max", max), ("unit", unit)]),
                (None, None) => words.out_of_bounds.to_owned(),
            };
            let value = number(*value);
            // A prompt is quoted and set off by a colon; a step's "ball weight" reads on.
            let lead = if measured {
                what.clone()
            } else {
                format!("{what}:")
            };
            let values = [
                ("what", lead.as_str()),
                ("value", value.as_str()),
                ("unit", unit),
                ("bounds", &bounds),
            ];
            fill(words.measured, &[&values[..], &common[1..]].concat())
        }
        (_, Outcome::Chosen(choice)) => {
            fill(words.chosen, &[&common[..], &[("choice", choice)]].concat())
        }
        _ => fill(words.failed, &common),
    }
}

/// What the item checks: its step's measured thing ("Ball weight", and true), else its
/// prompt in quotes.
fn subject(checklist: &Checklist, item: &Item, records: &Records) -> (String, bool) {
    let step = (checklist.procedure.as_deref())
        .and_then(|id| records.procedure(id))
        .zip(item.step.as_deref())
        .and_then(|(procedure, step)| procedure.step(step));
    let measured = step
        .and_then(|step| step.spec.as_ref())
        .map(|spec| spec.what.trim())
        .filter(|what| !what.is_empty() && matches!(item.kind, ItemKind::Measure { .. }));
    match measured {
        Some(what) => (capitalised(what), true),
        None => (
            format!(
                "\u{201c}{}\u{201d}",
                item.prompt.trim().trim_end_matches('.')
            ),
            false,
        ),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
