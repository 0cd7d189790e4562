//! How the figures name what they group, in the report and on the dashboard alike:
//! procedure titles and step numbers, never ids, and one sentence that says exactly
//! what a recurring cause groups.

use crate::model::{Language, Records, Recurrence, category_name, fill};

struct Words {
    rule: &'static str,
    step: &'static str,
    step_gone: &'static str,
    no_step: &'static str,
}

const EN: Words = Words {
    rule: "Defects at the same procedure step, and defects that name no step by their category: {count} or more within {days} days.",
    step: "{procedure}, step {number}",
    step_gone: "{procedure}, a step no longer in it",
    no_step: "{category}, defects that name no step",
};

const NL: Words = Words {
    rule: "Gebreken bij dezelfde procedurestap, en gebreken zonder stap per categorie: {count} of meer binnen {days} dagen.",
    step: "{procedure}, stap {number}",
    step_gone: "{procedure}, een stap die er niet meer in staat",
    no_step: "{category}, gebreken zonder stap",
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::En => &EN,
        Language::Nl => &NL,
    }
}

/// What a recurring cause groups: defects with a step by that step, and only those with
/// no step by their category, as [`super::Recurring`] is built.
pub fn recurring_rule(recurrence: Recurrence, language: Language) -> String {
    fill(
        words(language).rule,
        &[
            ("count", &recurrence.count.to_string()),
            ("days", &recurrence.days.to_string()),
        ],
    )
}

/// A procedure's title, or its id when the workspace no longer has it.
pub fn procedure_title<'a>(records: &'a Records, id: &'a str) -> &'a str {
    records.procedure(id).map_or(id, |p| p.title.as_str())
}

/// "Scooping ice cream, step 3": a step as its procedure numbers it.
pub fn step_name(records: &Records, procedure: &str, step: &str, language: Language) -> String {
    let w = words(language);
    let title = procedure_title(records, procedure);
    let number = records
        .procedure(procedure)
        .and_then(|p| p.steps.iter().position(|s| s.id == step));
    match number {
        Some(n) => fill(
            w.step,
            &[("procedure", title), ("number", &(n + 1).to_string())],
        ),
        None => fill(w.step_gone, &[("procedure", title)]),
    }
}

/// What a recurring cause is: its step, or its category where its defects name no step.
pub fn cause_name(
    records: &Records,
    procedure: Option<&str>,
    step: Option<&str>,
    category: &str,
    language: Language,
) -> String {
    match (procedure, step) {
        (Some(procedure), Some(step)) => step_name(records, procedure, step, language),
        _ => fill(
            words(language).no_step,
            &[("category", category_name(category, language))],
        ),
    }
}
