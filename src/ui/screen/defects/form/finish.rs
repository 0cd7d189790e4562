//! The defect form's end: the defect as filled in, or what must be fixed first.

use super::typed::{filled, typed_cents, typed_date};
use super::{ActionFields, CostError, DefectForm, Finder};
use crate::model::{Action, Date, Defect, FoundBy, RootCause};
use crate::ui::screen::Context;
use crate::ui::screen::defects::words::DefectWords;
use crate::ui::text::fill;

impl DefectForm {
    /// The defect as filled in, or what must be fixed first, in the user's words (one
    /// line per problem).
    pub fn finish(&self, ctx: &Context) -> Result<Defect, String> {
        let words = DefectWords::of(ctx.language);
        let fields = &self.fields;
        let mut errors = Vec::new();
        let mut date = |label: &str, text: &str| {
            typed_date(text).unwrap_or_else(|()| {
                errors.push(fill(
                    words.field_error,
                    &[("field", label), ("error", words.not_a_date)],
                ));
                None
            })
        };
        let found = date(words.found, &fields.found);
        let action = &fields.action;
        let due = date(words.due, &action.due);
        let done = date(words.done, &action.done);
        let verified = date(words.verified, &action.verified);
        if fields.found.trim().is_empty() {
            errors.push(fill(
                words.field_error,
                &[("field", words.found), ("error", words.not_a_date)],
            ));
        }

        let category = fields.category.trim();
        if category.is_empty() {
            errors.push(words.category_missing.to_owned());
        } else if !ctx
            .records
            .workspace
            .defect_categories
            .iter()
            .any(|c| c == category)
        {
            errors.push(fill(words.category_unknown, &[("category", category)]));
        }
        let found_by = match (fields.finder, &fields.finder_person) {
            (Finder::Check, _) => Some(FoundBy::Check),
            (Finder::Customer, _) => Some(FoundBy::Customer),
            (Finder::Staff, Some(person)) => Some(FoundBy::Staff(person.clone())),
            (Finder::Staff, None) => {
                errors.push(words.found_by_missing.to_owned());
                None
            }
        };
        let description = fields.description.trim();
        if description.is_empty() {
            errors.push(words.description_missing.to_owned());
        }
        let cost = typed_cents(&self.cost_text(ctx.language)).unwrap_or_else(|error| {
            let why = match error {
                CostError::NotAnAmount => words.not_an_amount,
                CostError::Negative => words.negative,
            };
            errors.push(fill(
                words.field_error,
                &[("field", words.cost), ("error", why)],
            ));
            0
        });

        let whys: Vec<String> = fields.whys.iter().filter_map(|w| filled(w)).collect();
        let cause = fields.cause.trim().to_owned();
        let root_cause =
            (!whys.is_empty() || !cause.is_empty()).then_some(RootCause { whys, cause });

        let action = finished_action(action, [due, done, verified], words, &mut errors);

        match (errors.is_empty(), found, found_by) {
            (true, Some(found), Some(found_by)) => Ok(Defect {
                id: self.original.id.clone(),
                found,
                found_by,
                category: category.to_owned(),
                procedure: fields.procedure.clone(),
                step: fields.procedure.as_ref().and(fields.step.clone()),
                severity: fields.severity,
                description: description.to_owned(),
                cost_cents: cost,
                root_cause,
                action,
                photos: fields.photos.clone(),
            }),
            _ => Err(errors.join("\n")),
        }
    }
}

/// The action as filled in, its dates `[due, done, verified]` read already; `None` where
/// none was begun. What must be fixed first goes into `errors`.
fn finished_action(
    action: &ActionFields,
    [due, done, verified]: [Option<Date>; 3],
    words: &DefectWords,
    errors: &mut Vec<String>,
) -> Option<Action> {
    if action.is_empty() {
        return None;
    }
    let what = filled(&action.what);
    if what.is_none() {
        errors.push(words.what_missing.to_owned());
    }
    if action.kind.is_none() {
        errors.push(words.kind_missing.to_owned());
    }
    match (done, verified) {
        (None, Some(_)) if action.done.trim().is_empty() => {
            errors.push(words.verified_not_done.to_owned());
        }
        (Some(done), Some(verified)) if verified < done => {
            errors.push(fill(
                words.verified_before_done,
                &[
                    ("verified", &verified.to_string()),
                    ("done", &done.to_string()),
                ],
            ));
        }
        _ => {}
    }
    let verified_typed = !action.verified.trim().is_empty();
    match (verified_typed, &action.verified_by) {
        (true, None) => errors.push(words.verifier_missing.to_owned()),
        (false, Some(_)) => errors.push(words.verified_by_alone.to_owned()),
        _ => {}
    }
    what.zip(action.kind).map(|(what, kind)| Action {
        kind,
        what,
        owner: action.owner.clone(),
        due,
        done,
        verified,
        verified_by: action.verified_by.clone(),
    })
}
