//! The procedure as the editor holds it: text as typed, so "6" on the way to "65" is
//! fine, and turned into a [`Procedure`] only when it is saved.

use super::words::ProcedureWords;
use crate::model::{Date, Procedure, Spec, Step, fresh_id};
use crate::ui::screen::{shown_number as show, typed_number as number};

/// A step as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StepForm {
    /// Empty until the step is first saved; then never changed, so defects can point at it.
    pub id: String,
    pub text: String,
    pub warning: String,
    pub spec: Option<SpecForm>,
    /// Paths of the step's photos, relative to the workspace, kept as they are.
    pub photos: Vec<String>,
}

/// A measurable standard as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SpecForm {
    pub what: String,
    pub unit: String,
    pub target: String,
    pub min: String,
    pub max: String,
}

/// Which number of a spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecField {
    What,
    Unit,
    Target,
    Min,
    Max,
}

/// The whole procedure as typed, with the record it started from.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcedureForm {
    /// The record being edited: its id, revision, status and history.
    pub base: Procedure,
    /// Whether the record has never been saved (its id still follows the title).
    pub is_new: bool,
    pub title: String,
    pub purpose: String,
    pub scope: String,
    pub owner: String,
    pub review_by: String,
    pub steps: Vec<StepForm>,
}

/// What is wrong with what was typed, per field, for the editor to show beside it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormErrors {
    pub title: Option<String>,
    pub review_by: Option<String>,
    /// Per step: the problem with its spec numbers.
    pub steps: Vec<Option<String>>,
}

impl FormErrors {
    /// Whether the form can be saved.
    pub fn is_empty(&self) -> bool {
        self.title.is_none() && self.review_by.is_none() && self.steps.iter().all(Option::is_none)
    }
}

impl ProcedureForm {
    /// The form for an existing procedure.
    pub fn of(procedure: &Procedure) -> Self {
        ProcedureForm {
            base: procedure.clone(),
            is_new: false,
            title: procedure.title.clone(),
            purpose: procedure.purpose.clone(),
            scope: procedure.scope.clone(),
            owner: procedure.owner.clone(),
            review_by: procedure
                .review_by
                .map(|d| d.to_string())
                .unwrap_or_default(),
            steps: procedure
                .steps
                .iter()
                .map(|step| StepForm {
                    id: step.id.clone(),
                    text: step.text.clone(),
                    warning: step.warning.clone().unwrap_or_default(),
                    spec: step.spec.as_ref().map(|spec| SpecForm {
                        what: spec.what.clone(),
                        unit: spec.unit.clone(),
                        target: show(spec.target),
                        min: show(spec.min),
                        max: show(spec.max),
                    }),
                    photos: step.photos.clone(),
                })
                .collect(),
        }
    }

    /// A new, empty draft owned by `owner`.
    pub fn new(owner: &str) -> Self {
        let mut form = ProcedureForm::of(&Procedure {
            id: String::new(),
            title: String::new(),
            purpose: String::new(),
            scope: String::new(),
            owner: owner.to_owned(),
            revision: 1,
            status: crate::model::Status::Draft,
            review_by: None,
            steps: Vec::new(),
            changes: Vec::new(),
        });
        form.is_new = true;
        form
    }

    /// What is wrong with the typed values, field by field.
    pub fn errors(&self, words: &crate::ui::text::Text) -> FormErrors {
        FormErrors {
            title: (self.title.trim().is_empty()).then(|| {
                ProcedureWords::of(words.language())
                    .title_missing
                    .to_owned()
            }),
            review_by: (!self.review_by.trim().is_empty()
                && self.review_by.trim().parse::<Date>().is_err())
            .then(|| words.not_a_date.to_owned()),
            steps: self
                .steps
                .iter()
                .map(|step| step.spec.as_ref().and_then(|spec| spec_error(spec, words)))
                .collect(),
        }
    }

    /// The procedure to save, with ids given to new steps (and to the procedure itself if new);
    /// `taken_procedure` and `taken_step` say which ids exist already, in any revision.
    pub fn to_procedure(
        &self,
        taken_procedure: impl Fn(&str) -> bool,
        taken_step: impl Fn(&str) -> bool,
    ) -> Option<Procedure> {
        let mut procedure = self.base.clone();
        if self.is_new {
            procedure.id = fresh_id(&self.title, "procedure", &taken_procedure);
        }
        procedure.title = self.title.trim().to_owned();
        procedure.purpose = self.purpose.trim().to_owned();
        procedure.scope = self.scope.trim().to_owned();
        procedure.owner = self.owner.clone();
        procedure.review_by = match self.review_by.trim() {
            "" => None,
            date => Some(date.parse().ok()?),
        };
        let mut steps: Vec<Step> = Vec::with_capacity(self.steps.len());
        for form in &self.steps {
            let id = if form.id.is_empty() {
                fresh_id(&form.text, "step", |id| {
                    taken_step(id)
                        || steps.iter().any(|s| s.id == id)
                        || self.steps.iter().any(|s| s.id == id)
                })
            } else {
                form.id.clone()
            };
            let spec = match &form.spec {
                None => None,
                Some(spec) => Some(Spec {
                    what: spec.what.trim().to_owned(),
                    unit: spec.unit.trim().to_owned(),
                    target: number(&spec.target).ok()?,
                    min: number(&spec.min).ok()?,
                    max: number(&spec.max).ok()?,
                }),
            };
            let warning = form.warning.trim();
            steps.push(Step {
                id,
                text: form.text.trim().to_owned(),
                spec,
                warning: (!warning.is_empty()).then(|| warning.to_owned()),
                photos: form.photos.clone(),
            });
        }
        procedure.steps = steps;
        Some(procedure)
    }
}

/// The problem with a spec as typed, checked as the user types: numbers, then min <= target <= max.
pub fn spec_error(spec: &SpecForm, words: &crate::ui::text::Text) -> Option<String> {
    let parsed = (number(&spec.target), number(&spec.min), number(&spec.max));
    let (Ok(target), Ok(min), Ok(max)) = parsed else {
        let which = [
            (parsed.0.is_err(), words.spec_target),
            (parsed.1.is_err(), words.spec_min),
            (parsed.2.is_err(), words.spec_max),
        ]
        .into_iter()
        .filter(|(bad, _)| *bad)
        .map(|(_, name)| name)
        .collect::<Vec<_>>()
        .join(", ");
        return Some(format!("{which}: {}", words.not_a_number));
    };
    Spec {
        what: String::new(),
        unit: String::new(),
        target,
        min,
        max,
    }
    .inconsistency()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Number;

    #[test]
    fn typed_numbers_become_a_spec_and_new_steps_get_readable_ids() {
        let mut form = ProcedureForm::new("anna");
        form.title = "Scooping ice cream".into();
        form.steps.push(StepForm {
            text: "Weigh the ball".into(),
            spec: Some(SpecForm {
                unit: "g".into(),
                target: "65".into(),
                min: "60".into(),
                max: "70,5".into(),
                ..SpecForm::default()
            }),
            ..StepForm::default()
        });
        form.steps.push(StepForm {
            text: "Weigh the ball".into(),
            ..StepForm::default()
        });
        let procedure = form.to_procedure(|_| false, |_| false).unwrap();
        assert_eq!(procedure.id, "scooping-ice-cream");
        assert_eq!(procedure.steps[0].id, "weigh-the-ball");
        assert_eq!(procedure.steps[1].id, "weigh-the-ball-2");
        assert_eq!(
            procedure.steps[0].spec.as_ref().unwrap().max,
            Number::new(70.5)
        );
    }

    #[test]
    fn spec_errors_are_found_while_typing() {
        let words = crate::ui::text::Text::of(crate::ui::text::Language::En);
        let spec = |target: &str, min: &str, max: &str| SpecForm {
            target: target.into(),
            min: min.into(),
            max: max.into(),
            ..SpecForm::default()
        };
        assert_eq!(spec_error(&spec("65", "60", "70"), words), None);
        assert_eq!(
            spec_error(&spec("6x", "60", "70"), words).unwrap(),
            "Target: not a number"
        );
        assert!(
            spec_error(&spec("75", "60", "70"), words)
                .unwrap()
                .contains("outside")
        );
        assert!(
            spec_error(&spec("", "70", "60"), words)
                .unwrap()
                .contains("above")
        );
    }
}
