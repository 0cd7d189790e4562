//! The rules of FORMAT.md that a parser cannot see: ids, references, four eyes, bounds.
//!
//! Each record is checked against a [`Catalog`] of what the workspace holds,
//! and every problem names the field it is about so the store can point at
//! its line.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{
    Checklist, Field, IdKind, ItemKind, Order, Outcome, Problem, Procedure, Role, Status, Training,
    Workspace, check_id, speaks_to_checker,
};

/// Every revision of a record the workspace holds: the current file and the archive.
#[derive(Debug)]
pub struct RecordRevisions<'a, T> {
    /// The file in `procedures/` or `checklists/`, if there is one.
    pub current: Option<&'a T>,
    /// Every revision, current and archived, by number.
    pub revisions: BTreeMap<u32, &'a T>,
}

impl<T> Default for RecordRevisions<'_, T> {
    fn default() -> Self {
        RecordRevisions {
            current: None,
            revisions: BTreeMap::new(),
        }
    }
}

/// What the workspace holds, for checking references between records.
#[derive(Debug)]
pub struct Catalog<'a> {
    workspace: &'a Workspace,
    procedures: HashMap<&'a str, RecordRevisions<'a, Procedure>>,
    checklists: HashMap<&'a str, RecordRevisions<'a, Checklist>>,
    /// See [`Catalog::with_unreadable`].
    unreadable_procedures: Vec<String>,
    unreadable_checklists: Vec<String>,
}

impl<'a> Catalog<'a> {
    /// A catalog of the current and archived procedures and checklists.
    pub fn new(
        workspace: &'a Workspace,
        procedures: impl IntoIterator<Item = (&'a Procedure, bool)>,
        checklists: impl IntoIterator<Item = (&'a Checklist, bool)>,
    ) -> Self {
        let mut catalog = Catalog {
            workspace,
            procedures: HashMap::new(),
            checklists: HashMap::new(),
            unreadable_procedures: Vec::new(),
            unreadable_checklists: Vec::new(),
        };
        for (procedure, archived) in procedures {
            let entry = catalog.procedures.entry(procedure.id.as_str()).or_default();
            entry
                .revisions
                .entry(procedure.revision)
                .or_insert(procedure);
            if !archived {
                entry.current = Some(procedure);
                entry.revisions.insert(procedure.revision, procedure);
            }
        }
        for (checklist, archived) in checklists {
            let entry = catalog.checklists.entry(checklist.id.as_str()).or_default();
            entry
                .revisions
                .entry(checklist.revision)
                .or_insert(checklist);
            if !archived {
                entry.current = Some(checklist);
                entry.revisions.insert(checklist.revision, checklist);
            }
        }
        catalog
    }

    /// Names the procedure and checklist files, by stem (`id`, or `id@revision` in the
    /// archive), that are there but did not read.
    ///
    /// Their own error says what is wrong. A reference into them is not judged: it cannot
    /// be, and calling it unknown would send the owner looking for a file that exists.
    pub fn with_unreadable(
        mut self,
        procedures: impl IntoIterator<Item = String>,
        checklists: impl IntoIterator<Item = String>,
    ) -> Self {
        self.unreadable_procedures.extend(procedures);
        self.unreadable_checklists.extend(checklists);
        self
    }

    /// The workspace the catalog was built from.
    pub fn workspace(&self) -> &'a Workspace {
        self.workspace
    }

    /// Every revision of a procedure.
    pub fn procedure(&self, id: &str) -> Option<&RecordRevisions<'a, Procedure>> {
        self.procedures.get(id)
    }

    /// Every revision of a checklist.
    pub fn checklist(&self, id: &str) -> Option<&RecordRevisions<'a, Checklist>> {
        self.checklists.get(id)
    }

    fn person(&self, field: Field, id: &str, problems: &mut Vec<Problem>) {
        if self.workspace.person(id).is_none() {
            let known: Vec<&str> = self.workspace.staff.iter().map(|p| p.id.as_str()).collect();
            problems.push(Problem::error(
                field,
                format!(
                    "unknown person \"{id}\"; the staff in workspace.ron are {}",
                    list_or_none(&known)
                ),
            ));
        }
    }

    fn status(&self, field: Field, status: &Status, problems: &mut Vec<Problem>) {
        if let Status::Approved { by, .. } = status {
            self.approver(field.name("by"), by, problems);
        }
    }

    /// Approvals, and the changes they record, are an Owner's.
    fn approver(&self, field: Field, by: &str, problems: &mut Vec<Problem>) {
        match self.workspace.person(by) {
            None => self.person(field, by, problems),
            Some(person) if person.role != Role::Owner => problems.push(Problem::error(
                field,
                format!("approved by \"{by}\", who is not an Owner; only an Owner may approve"),
            )),
            Some(_) => {}
        }
    }

    fn procedure_ref(&self, field: Field, id: &str, problems: &mut Vec<Problem>) -> bool {
        let known = self
            .procedures
            .get(id)
            .is_some_and(|revisions| revisions.current.is_some());
        if !known && !unreadable(&self.unreadable_procedures, id) {
            problems.push(Problem::error(
                field,
                format!("unknown procedure \"{id}\"; there is no procedures/{id}.ron"),
            ));
        }
        known
    }

    /// Step ids are never reused, so a reference to a step of any revision stays valid;
    /// one that did not read may hold it.
    fn step_known(&self, procedure: &str, step: &str) -> bool {
        unreadable(&self.unreadable_procedures, procedure)
            || self.procedures.get(procedure).is_some_and(|revisions| {
                revisions
                    .revisions
                    .values()
                    .any(|revision| revision.step(step).is_some())
            })
    }

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
                    field.name("spec"),
                    format!("step \"{}\": {message}", step.id),
                ));
            }
        }
        self.changes(&procedure.changes, procedure.revision, &mut problems);
        problems
    }

    fn changes(&self, changes: &[super::Change], revision: u32, problems: &mut Vec<Problem>) {
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
                    Some(_) => {}
                }
            }
        }
        self.changes(&checklist.changes, checklist.revision, &mut problems);
        problems
    }

    /// Problems with an order, its checks, defects and contacts.
    pub fn check_order(&self, order: &Order) -> Vec<Problem> {
        let mut problems = Vec::new();
        id_rule(Field::at("id"), &order.id, IdKind::Order, &mut problems);
        if order.product.trim().is_empty() {
            problems.push(Problem::error(
                Field::at("product"),
                "the order names no product",
            ));
        }
        self.person(Field::at("made_by"), &order.made_by, &mut problems);
        for n in 0..order.checks.len() {
            self.check_check(order, n, &mut problems);
        }
        let mut seen = HashSet::new();
        for (n, defect) in order.defects.iter().enumerate() {
            let field = Field::at("defects").index(n);
            id_rule(
                field.clone().name("id"),
                &defect.id,
                IdKind::Plain,
                &mut problems,
            );
            if !seen.insert(defect.id.as_str()) {
                problems.push(Problem::error(
                    field.clone().name("id"),
                    format!("defect \"{}\" appears twice in this order", defect.id),
                ));
            }
            if let super::FoundBy::Staff(person) = &defect.found_by {
                self.person(field.clone().name("found_by"), person, &mut problems);
            }
            let categories = &self.workspace.defect_categories;
            if !categories.contains(&defect.category) {
                problems.push(Problem::error(
                    field.clone().name("category"),
                    format!(
                        "unknown defect category \"{}\"; workspace.ron lists {}",
                        defect.category,
                        list_or_none(categories)
                    ),
                ));
            }
            match (&defect.procedure, &defect.step) {
                (Some(procedure), step) => {
                    if self.procedure_ref(field.clone().name("procedure"), procedure, &mut problems)
                        && let Some(step) = step
                        && !self.step_known(procedure, step)
                    {
                        problems.push(Problem::error(
                            field.clone().name("step"),
                            format!("procedure \"{procedure}\" has no step \"{step}\""),
                        ));
                    }
                }
                (None, Some(step)) => problems.push(Problem::error(
                    field.clone().name("step"),
                    format!("defect names step \"{step}\" but no procedure"),
                )),
                (None, None) => {}
            }
            photos_rule(field.clone().name("photos"), &defect.photos, &mut problems);
            if let Some(action) = &defect.action {
                let field = field.name("action");
                if let Some(owner) = &action.owner {
                    self.person(field.clone().name("owner"), owner, &mut problems);
                }
                if let Some(verifier) = &action.verified_by {
                    self.person(field.clone().name("verified_by"), verifier, &mut problems);
                }
                if action.verified.is_some() && action.done.is_none() {
                    problems.push(Problem::warning(
                        field.name("verified"),
                        "the action is verified but not marked done",
                    ));
                }
            }
        }
        for (n, contact) in order.contacts.iter().enumerate() {
            self.person(
                Field::at("contacts").index(n).name("by"),
                &contact.by,
                &mut problems,
            );
        }
        problems
    }

    fn check_check(&self, order: &Order, n: usize, problems: &mut Vec<Problem>) {
        let check = &order.checks[n];
        let field = Field::at("checks").index(n);
        self.person(
            field.clone().name("checked_by"),
            &check.checked_by,
            problems,
        );
        let broken = unreadable(&self.unreadable_checklists, &check.checklist);
        let Some(revisions) = self.checklists.get(check.checklist.as_str()) else {
            if broken {
                return;
            }
            problems.push(Problem::error(
                field.name("checklist"),
                format!(
                    "unknown checklist \"{}\"; there is no checklists/{}.ron",
                    check.checklist, check.checklist
                ),
            ));
            return;
        };
        let Some(checklist) = revisions.revisions.get(&check.revision) else {
            if broken {
                return;
            }
            let known: Vec<String> = revisions.revisions.keys().map(u32::to_string).collect();
            problems.push(Problem::error(
                field.name("revision"),
                format!(
                    "checklist \"{}\" has no revision {}; the workspace holds revision {}",
                    check.checklist,
                    check.revision,
                    list_or_none(&known)
                ),
            ));
            return;
        };
        if checklist.four_eyes && check.checked_by == order.made_by {
            problems.push(Problem::error(
                field.clone().name("checked_by"),
                format!(
                    "\"{}\" made this order and may not check it: checklist \"{}\" asks for a second person (four eyes)",
                    check.checked_by, checklist.id
                ),
            ));
        }
        let mut seen = HashSet::new();
        for (m, result) in check.results.iter().enumerate() {
            let field = field.clone().name("results").index(m);
            if !seen.insert(result.item.as_str()) {
                problems.push(Problem::error(
                    field.name("item"),
                    format!("item \"{}\" is answered twice", result.item),
                ));
                continue;
            }
            let Some(item) = checklist.item(&result.item) else {
                problems.push(Problem::error(
                    field.name("item"),
                    format!(
                        "checklist \"{}\" revision {} has no item \"{}\"",
                        checklist.id, checklist.revision, result.item
                    ),
                ));
                continue;
            };
            if let Some(message) = outcome_mismatch(&item.kind, &result.outcome) {
                problems.push(Problem::error(
                    field.clone().name("outcome"),
                    format!("item \"{}\": {message}", item.id),
                ));
            }
            photos_rule(field.name("photos"), &result.photos, problems);
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
            ) && !self.procedures[signed.procedure.as_str()]
                .revisions
                .contains_key(&signed.revision)
                && !unreadable(&self.unreadable_procedures, &signed.procedure)
            {
                problems.push(Problem::error(
                    field.name("revision"),
                    format!(
                        "procedure \"{}\" has no revision {} to sign",
                        signed.procedure, signed.revision
                    ),
                ));
            }
        }
        problems
    }
}

/// Why an answer cannot belong to an item of this kind.
fn outcome_mismatch(kind: &ItemKind, outcome: &Outcome) -> Option<String> {
    match (kind, outcome) {
        (_, Outcome::Pass | Outcome::Fail | Outcome::NotApplicable) => None,
        (ItemKind::Measure { .. }, Outcome::Value(_)) => None,
        (ItemKind::Text, Outcome::Text(_)) => None,
        (ItemKind::Choice { options, .. }, Outcome::Chosen(choice)) => (!options.contains(choice))
            .then(|| {
                format!(
                    "\"{choice}\" is not one of the options {}",
                    list_or_none(options)
                )
            }),
        (ItemKind::Tick, _) => Some("a tick is answered Pass, Fail or NotApplicable".to_owned()),
        (ItemKind::Measure { .. }, _) => {
            Some("a measure is answered with Value(number)".to_owned())
        }
        (ItemKind::Choice { .. }, _) => {
            Some("a choice is answered with Chosen(\"option\")".to_owned())
        }
        (ItemKind::Text, _) => Some("a text item is answered with Text(\"...\")".to_owned()),
    }
}

/// Whether one of these stems is a file of the record `id`: current or archived.
fn unreadable(stems: &[String], id: &str) -> bool {
    stems.iter().any(|stem| {
        stem.strip_prefix(id)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('@'))
    })
}

fn id_rule(field: Field, id: &str, kind: IdKind, problems: &mut Vec<Problem>) {
    if let Err(message) = check_id(id, kind) {
        problems.push(Problem::error(field, message));
    }
}

fn revision_rule(revision: u32, problems: &mut Vec<Problem>) {
    if revision == 0 {
        problems.push(Problem::error(
            Field::at("revision"),
            "revisions start at 1",
        ));
    }
}

/// Photos are copied into `attachments/`, never linked from elsewhere.
fn photos_rule(field: Field, photos: &[String], problems: &mut Vec<Problem>) {
    for (n, photo) in photos.iter().enumerate() {
        let inside = photo.starts_with("attachments/")
            && !photo.contains('\\')
            && photo
                .split('/')
                .all(|part| !part.is_empty() && part != "." && part != "..");
        if !inside {
            problems.push(Problem::error(
                field.clone().index(n),
                format!(
                    "photo \"{photo}\" must be a path inside the workspace's attachments/ folder"
                ),
            ));
        }
    }
}

fn list_or_none<S: AsRef<str>>(items: &[S]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join(", ")
    }
}
