//! The rules of FORMAT.md that a parser cannot see: ids, references, four eyes, bounds.
//!
//! Each record is checked against a [`Catalog`] of what the workspace holds (here, with the
//! references between records); `records` holds the rules of the workspace, procedures,
//! checklists and training, `orders` those of an order. Each
//! problem names the field it is about so the store can point at
//! its line.

mod orders;
mod records;

use std::collections::{BTreeMap, HashMap};

use super::{
    Checklist, Field, IdKind, Problem, Procedure, Role, Status, Step, Workspace, check_id,
    inside_workspace,
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
        self.person_at(|| field, id, problems);
    }

    /// As [`Catalog::person`], the field's path made only for a problem: an order names a
    /// person or two in every check, and a hundred thousand orders made paths by the
    /// hundred thousand for nothing.
    fn person_at(&self, field: impl FnOnce() -> Field, id: &str, problems: &mut Vec<Problem>) {
        if self.workspace.person(id).is_none() {
            let known: Vec<&str> = self.workspace.staff.iter().map(|p| p.id.as_str()).collect();
            problems.push(Problem::error(
                field(),
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
        self.owner(field, by, problems, || {
            format!("approved by \"{by}\", who is not an Owner; only an Owner may approve")
        });
    }

    /// `by` must be an Owner on the staff; `not_owner` says why when they are staff.
    fn owner(
        &self,
        field: Field,
        by: &str,
        problems: &mut Vec<Problem>,
        not_owner: impl FnOnce() -> String,
    ) {
        match self.workspace.person(by) {
            None => self.person(field, by, problems),
            Some(person) if person.role != Role::Owner => {
                problems.push(Problem::error(field, not_owner()));
            }
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
}

/// Whether one of these stems is a file of the record `id`: current or archived.
fn unreadable(stems: &[String], id: &str) -> bool {
    stems.iter().any(|stem| {
        stem.strip_prefix(id)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('@'))
    })
}

fn id_rule(field: Field, id: &str, kind: IdKind, problems: &mut Vec<Problem>) {
    id_rule_at(|| field, id, kind, problems);
}

/// As [`id_rule`], the field's path made only for a problem.
fn id_rule_at(field: impl FnOnce() -> Field, id: &str, kind: IdKind, problems: &mut Vec<Problem>) {
    if let Err(message) = check_id(id, kind) {
        problems.push(Problem::error(field(), message));
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
        if !(photo.starts_with("attachments/") && inside_workspace(photo)) {
            problems.push(Problem::error(
                field.clone().index(n),
                format!(
                    "photo \"{photo}\" must be a path inside the workspace's attachments/ folder"
                ),
            ));
        }
    }
}

/// A step's photos are files inside the workspace; whether each file is there and is a
/// picture, the store looks at (`check` reads the files, the model does not).
fn step_photos_rule(field: Field, step: &Step, problems: &mut Vec<Problem>) {
    for (n, photo) in step.photos.iter().enumerate() {
        if !inside_workspace(photo) {
            problems.push(Problem::error(
                field.clone().index(n),
                format!(
                    "step \"{}\": photo \"{photo}\" must be a path inside the workspace, relative to it with / between folders, such as \"attachments/procedures/<procedure-id>/<file>\"",
                    step.id
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
