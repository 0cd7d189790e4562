//! The rules of the workspace, the procedures, the checklists and training records.

use std::collections::HashSet;

use super::{Catalog, id_rule, revision_rule, step_photos_rule, unreadable};
use crate::model::{
    Change, Checklist, Field, IdKind, Item, ItemKind, Problem, Procedure, Status, Training,
    bounds_words, differs_from_standard, speaks_to_checker,
};

impl Catalog<'_> {
    /// Problems with `workspace.ron` itself.
    pub fn check_workspace(&self) -> Vec<Problem> {
        let workspace = self.workspace;
        let mut problems = Vec::new();
        if workspace.name.trim().is_empty() {
            problems.push(Problem::error(
                Field::at("name"),
                "the business has no name",
            ));
        }
        if !matches!(workspace.language.as_str(), "nl" | "en") {
            problems.push(Problem::error(
                Field::at("language"),
                format!(
                    "language \"{}\" is not available; expected \"nl\" or \"en\"",
                    workspace.language
                ),
            ));
        }
        let mut seen = HashSet::new();
        for (n, person) in workspace.staff.iter().enumerate() {
            let field = Field::at("staff").index(n);
            id_rule(
                field.clone().name("id"),
                &person.id,
                IdKind::Plain,
                &mut problems,
            );
            if !seen.insert(person.id.as_str()) {
                problems.push(Problem::error(
                    field.name("id"),
                    format!("person \"{}\" is listed twice", person.id),
                ));
            }
        }
        let mut categories = HashSet::new();
        for (n, category) in workspace.defect_categories.iter().enumerate() {
            if category.trim().is_empty() || !categories.insert(category.as_str()) {
                problems.push(Problem::error(
                    Field::at("defect_categories").index(n),
                    format!("defect category \"{category}\" is empty or listed twice"),
                ));
            }
        }
        if workspace.defect_categories.is_empty() {
            problems.push(Problem::error(
                Field::at("defect_categories"),
                "there are no defect categories to file defects under",
            ));
        }
        if workspace.recurrence.count == 0 || workspace.recurrence.days == 0 {
            problems.push(Problem::error(
                Field::at("recurrence"),
                "recurrence needs a count and a number of days above 0",
            ));
        }
        if workspace.contacts_per_order_alarm.get() < 0.0 {
            problems.push(Problem::error(
                Field::at("contacts_per_order_alarm"),
                "the contacts alarm cannot be negative",
            ));
        }
        problems
    }

    /// Problems with a procedure, current or (with `archived`) a superseded revision.
    pub fn check_procedure(&self, procedure: &Procedure, archived: bool) -> Vec<Problem> {
        let mut problems = Vec::new();
        id_rule(Field::at("id"), &procedure.id, IdKind::Plain, &mut problems);
        if procedure.title.trim().is_empty() {
            problems.push(Problem::error(
                Field::at("title"),
                "the procedure has no title",
            ));
        }
        self.person(Field::at("owner"), &procedure.owner, &mut problems);
        revision_rule(procedure.revision, &mut problems);
        self.status(Field::at("status"), &procedure.status, &mut problems);
        if archived && !procedure.is_approved() {
            problems.push(Problem::warning(
                Field::at("status"),
                "the archive keeps approved revisions; this one is not approved",
            ));
        }
        let mut seen = HashSet::new();
        for (n, step) in procedure.steps.iter().enumerate() {
            let field = Field::at("steps").index(n);
            id_rule(
                field.clone().name("id"),
                &step.id,
                IdKind::Plain,
                &mut problems,
            );
            if !seen.insert(step.id.as_str()) {
                problems.push(Problem::error(
                    field.clone().name("id"),
                    format!("step \"{}\" appears twice in this procedure", step.id),
                ));
            }
            if step.text.trim().is_empty() {
                problems.push(Problem::error(
                    field.clone().name("text"),
                    format!("step \"{}\" says nothing to do", step.id),
                ));
            }
            if let Some(message) = step.spec.as_ref().and_then(|spec| spec.inconsistency()) {
                problems.push(Problem::error(
                    field.clone().name("spec"),
                    format!("step \"{}\": {message}", step.id),
                ));
            }
            step_photos_rule(field.name("photos"), step, &mut problems);
        }
        self.changes(&procedure.changes, procedure.revision, &mut problems);
        if !archived {
            self.history_kept(procedure, &mut problems);
        }
        problems
    }

    /// A revision the history names, older than the current file, whose file is not in
    /// archive/: a hand-written history. A warning, not an error: the history and the
    /// training records that sign it still count; only the text of that revision is gone.
    fn history_kept(&self, procedure: &Procedure, problems: &mut Vec<Problem>) {
        if unreadable(&self.unreadable_procedures, &procedure.id) {
            return;
        }
        let Some(kept) = self.procedures.get(procedure.id.as_str()) else {
            return;
        };
        for (n, change) in procedure.changes.iter().enumerate() {
            if change.revision < procedure.revision
                && !kept.revisions.contains_key(&change.revision)
            {
                problems.push(Problem::warning(
                    Field::at("changes").index(n).name("revision"),
                    format!(
                        "revision {} is not in archive/ (archive/procedures/{}@{}.ron)",
                        change.revision, procedure.id, change.revision
                    ),
                ));
            }
        }
    }

    fn changes(&self, changes: &[Change], revision: u32, problems: &mut Vec<Problem>) {
        for (n, change) in changes.iter().enumerate() {
            let field = Field::at("changes").index(n);
            self.approver(field.clone().name("by"), &change.by, problems);
            if change.revision > revision {
                problems.push(Problem::error(
                    field.name("revision"),
                    format!(
                        "change for revision {} is newer than the record's revision {revision}",
                        change.revision
                    ),
                ));
            }
        }
    }

    /// Problems with a checklist, current or (with `archived`) a superseded revision.
    pub fn check_checklist(&self, checklist: &Checklist, archived: bool) -> Vec<Problem> {
        let mut problems = Vec::new();
        id_rule(Field::at("id"), &checklist.id, IdKind::Plain, &mut problems);
        if checklist.title.trim().is_empty() {
            problems.push(Problem::error(
                Field::at("title"),
                "the checklist has no title",
            ));
        }
        if let Some(procedure) = &checklist.procedure {
            self.procedure_ref(Field::at("procedure"), procedure, &mut problems);
        }
        revision_rule(checklist.revision, &mut problems);
        self.status(Field::at("status"), &checklist.status, &mut problems);
        if archived && !matches!(checklist.status, Status::Approved { .. }) {
            problems.push(Problem::warning(
                Field::at("status"),
                "the archive keeps approved revisions; this one is not approved",
            ));
        }
        let mut seen = HashSet::new();
        for (n, item) in checklist.items.iter().enumerate() {
            let field = Field::at("items").index(n);
            id_rule(
                field.clone().name("id"),
                &item.id,
                IdKind::Plain,
                &mut problems,
            );
            if !seen.insert(item.id.as_str()) {
                problems.push(Problem::error(
                    field.clone().name("id"),
                    format!("item \"{}\" appears twice in this checklist", item.id),
                ));
            }
            if item.prompt.trim().is_empty() {
                problems.push(Problem::error(
                    field.clone().name("prompt"),
                    format!("item \"{}\" has no prompt", item.id),
                ));
            } else if !archived && !speaks_to_checker(&item.prompt) {
                problems.push(Problem::warning(
                    field.clone().name("prompt"),
                    format!(
                        "item \"{}\": the prompt does not speak to the checker; write it as \"You weigh the ball.\" (\"Je weegt het bolletje.\")",
                        item.id
                    ),
                ));
            }
            if let Some(message) = item.kind.inconsistency() {
                problems.push(Problem::error(
                    field.clone().name("kind"),
                    format!("item \"{}\": {message}", item.id),
                ));
            }
            if let Some(step) = &item.step {
                let field = field.name("step");
                match &checklist.procedure {
                    None => problems.push(Problem::error(
                        field,
                        format!("item \"{}\" names step \"{step}\", but the checklist links no procedure", item.id),
                    )),
                    Some(procedure) if self.procedures.contains_key(procedure.as_str()) && !self.step_known(procedure, step) => {
                        problems.push(Problem::error(field, format!("procedure \"{procedure}\" has no step \"{step}\"")));
                    }
                    Some(procedure) if !archived => {
                        self.standard_rule(field, item, procedure, step, &mut problems);
                    }
                    Some(_) => {}
                }
            }
        }
        self.changes(&checklist.changes, checklist.revision, &mut problems);
        problems
    }

    /// A measure item's unit and bounds should be its step's standard: where they differ,
    /// the two numbers can drift apart unseen, so say so (a warning: it may be meant).
    fn standard_rule(
        &self,
        field: Field,
        item: &Item,
        procedure: &str,
        step: &str,
        problems: &mut Vec<Problem>,
    ) {
        let ItemKind::Measure { unit, min, max } = &item.kind else {
            return;
        };
        // Bounds that are wrong in themselves are an error already, on either side.
        let spec = (self.procedures.get(procedure))
            .and_then(|revisions| revisions.current)
            .and_then(|procedure| procedure.step(step))
            .and_then(|step| step.spec.as_ref())
            .filter(|spec| spec.inconsistency().is_none() && item.kind.inconsistency().is_none());
        if let Some(spec) = spec.filter(|spec| differs_from_standard(unit, *min, *max, spec)) {
            problems.push(Problem::warning(
                field,
                format!(
                    "item \"{}\" measures {} but step \"{step}\" of procedure \"{procedure}\" sets {}; use the step's standard, or the two drift apart",
                    item.id,
                    bounds_words(unit, *min, *max),
                    bounds_words(&spec.unit, spec.min, spec.max),
                ),
            ));
        }
    }

    /// Problems with a person's training record.
    pub fn check_training(&self, training: &Training) -> Vec<Problem> {
        let mut problems = Vec::new();
        id_rule(
            Field::at("person"),
            &training.person,
            IdKind::Plain,
            &mut problems,
        );
        self.person(Field::at("person"), &training.person, &mut problems);
        for (n, signed) in training.signed.iter().enumerate() {
            let field = Field::at("signed").index(n);
            if self.procedure_ref(
                field.clone().name("procedure"),
                &signed.procedure,
                &mut problems,
            ) && !self.revision_known(&signed.procedure, signed.revision)
            {
                problems.push(Problem::error(
                    field.clone().name("revision"),
                    format!(
                        "procedure \"{}\" has no revision {} to sign",
                        signed.procedure, signed.revision
                    ),
                ));
            }
            if let Some(owner) = &signed.recorded_by {
                self.recorder(field.name("recorded_by"), owner, &mut problems);
            }
        }
        problems
    }

    /// Whether a procedure has this revision to sign: its file, current or archived, or a
    /// line of its history (a hand-written history whose file is missing, which
    /// [`Self::check_procedure`] warns about at the procedure). One that did not read may
    /// hold it.
    fn revision_known(&self, procedure: &str, revision: u32) -> bool {
        unreadable(&self.unreadable_procedures, procedure)
            || self.procedures.get(procedure).is_some_and(|kept| {
                kept.revisions.contains_key(&revision)
                    || kept
                        .current
                        .is_some_and(|p| p.changes.iter().any(|c| c.revision == revision))
            })
    }

    /// A sign-off given on paper is recorded by an Owner.
    fn recorder(&self, field: Field, by: &str, problems: &mut Vec<Problem>) {
        self.owner(field, by, problems, || {
            format!(
                "recorded by \"{by}\", who is not an Owner; only an Owner records a sign-off given on paper"
            )
        });
    }
}
