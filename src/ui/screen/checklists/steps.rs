//! The steps an item may verify, as the checklist editor offers them: each with its
//! standard, so picking a step can fill in a measure's unit and bounds.

use super::form::{ItemForm, Kind, MeasureForm};
use super::words::ChecklistWords;
use crate::model::{Language, Number, Records, Spec, differs_from_standard};
use crate::ui::screen::defects::place::cut;
use crate::ui::screen::{shown_number, typed_number};
use crate::ui::text::{Text, fill};

/// A pick list shows one line: longer step texts are cut to about this many characters.
pub(super) const STEP_LABEL_CHARS: usize = 44;

/// A step an item verifies, or none, as a pick-list entry.
#[derive(Debug, Clone, PartialEq)]
pub struct StepChoice {
    /// The step's id; `None` for "(none)".
    pub id: Option<String>,
    /// "4. Drag the scoop …", as the list shows it.
    pub label: String,
    /// The step's measurable standard, if it has one.
    pub spec: Option<Spec>,
}

impl std::fmt::Display for StepChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// "(none)", then the current steps of `procedure`, numbered as the procedure shows them.
pub fn step_choices(records: &Records, procedure: &str, words: &'static Text) -> Vec<StepChoice> {
    let none = StepChoice {
        id: None,
        label: words.none.to_owned(),
        spec: None,
    };
    let steps = records.procedure(procedure).into_iter().flat_map(|p| {
        p.steps.iter().enumerate().map(|(n, step)| StepChoice {
            id: Some(step.id.clone()),
            label: format!("{}. {}", n + 1, cut(&step.text, STEP_LABEL_CHARS)),
            spec: step.spec.clone(),
        })
    });
    std::iter::once(none).chain(steps).collect()
}

/// Picking a step fills in the item's measure from the step's standard: its unit, min
/// and max, each only where the field is still empty, so nothing typed is overwritten.
/// The measure is filled whatever the item's kind, so an item made a measure after its
/// step was picked finds the standard there too.
pub(super) fn take_standard(item: &mut ItemForm, choice: &StepChoice) {
    let Some(spec) = &choice.spec else {
        return;
    };
    let MeasureForm { unit, min, max } = &mut item.measure;
    let fill = |field: &mut String, value: String| {
        if field.trim().is_empty() {
            *field = value;
        }
    };
    fill(unit, spec.unit.clone());
    fill(min, shown_number(spec.min));
    fill(max, shown_number(spec.max));
}

/// Where a measure item's bounds differ from the standard of the step it verifies, as
/// `rightfirst check` warns: "The step's standard is 60–70 g; …". Nothing while the
/// numbers do not read, which the form marks itself.
pub(super) fn standard_warning(
    item: &ItemForm,
    steps: Option<&[StepChoice]>,
    language: Language,
) -> Option<String> {
    if item.kind != Kind::Measure {
        return None;
    }
    let spec = steps?
        .iter()
        .find(|choice| choice.id.is_some() && choice.id == item.step)?
        .spec
        .as_ref()?;
    let min = typed_number(&item.measure.min).ok()?;
    let max = typed_number(&item.measure.max).ok()?;
    if !differs_from_standard(&item.measure.unit, min, max, spec) {
        return None;
    }
    let number = |n: Option<Number>| n.map_or("\u{2026}".to_owned(), |n| language.number(n.get()));
    let standard = format!(
        "{}\u{2013}{} {}",
        number(spec.min),
        number(spec.max),
        spec.unit
    );
    Some(fill(
        ChecklistWords::of(language).bounds_differ,
        &[("standard", standard.trim())],
    ))
}
