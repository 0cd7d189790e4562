//! The staff: who is added, who may approve, who left, and who sets or clears a PIN.
//!
//! Every change that would break a rule is refused with a [`PeopleError`] that carries
//! what the window needs to say why, in the user's language.

use super::pin::{Pin, hash_pin};
use super::{Change, Date, FoundBy, Language, Person, Records, Role, Status, Workspace, fresh_id};

/// Why a change to the staff, or a new business, was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeopleError {
    /// The business name is empty or only spaces.
    #[error("the business needs a name")]
    NoBusinessName,
    /// A person's name is empty or only spaces.
    #[error("a person needs a name")]
    NoName,
    /// No one on the staff has this id.
    #[error("there is no person \"{0}\" on the staff")]
    Unknown(String),
    /// The change would leave no Owner who has not left.
    #[error("{name} is the last owner who has not left; make someone else an owner first")]
    LastOwner {
        /// The owner's id.
        id: String,
        /// The owner's name.
        name: String,
    },
    /// An Owner who approved records cannot become Staff: the approvals would no longer be
    /// an Owner's. Mark them as left instead.
    #[error("{id} approved {} record(s); an approval must stay an owner's", records.len())]
    Approved {
        /// The person's id.
        id: String,
        /// What they approved.
        records: Vec<NamedIn>,
    },
    /// Records name this person, so they stay on the staff (mark them as left instead).
    #[error("{id} is named in {} record(s); mark them as left instead", records.len())]
    Named {
        /// The person's id.
        id: String,
        /// The records that name them.
        records: Vec<NamedIn>,
    },
}

/// A record that names a person, for saying which ones do.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum NamedIn {
    /// A procedure, current or archived, by id.
    Procedure(String),
    /// A checklist, current or archived, by id.
    Checklist(String),
    /// An order, by id.
    Order(String),
    /// The training record of this person.
    Training(String),
}

/// The id for a person called `name`, unique among the ids `taken` says are in use:
/// lowercase ASCII, accents dropped (`"Piet Jansen"` -> `piet-jansen`, then `piet-jansen-2`).
pub fn person_id_from(name: &str, taken: impl Fn(&str) -> bool) -> Result<String, PeopleError> {
    if name.trim().is_empty() {
        return Err(PeopleError::NoName);
    }
    Ok(fresh_id(name, "person", taken))
}

/// Every record that names the person `id`, each once, sorted: a person named anywhere is
/// never removed, since the record would then name no one.
pub fn names_person(records: &Records, id: &str) -> Vec<NamedIn> {
    let mut found = approvals_of(records, id);
    let procedures = records
        .procedures
        .iter()
        .chain(&records.archived_procedures);
    found.extend(
        procedures
            .filter(|procedure| procedure.owner == id)
            .map(|procedure| NamedIn::Procedure(procedure.id.clone())),
    );
    for order in &records.orders {
        let in_defect = order.defects.iter().any(|defect| {
            matches!(&defect.found_by, FoundBy::Staff(by) if by == id)
                || defect.action.as_ref().is_some_and(|action| {
                    action.owner.as_deref() == Some(id) || action.verified_by.as_deref() == Some(id)
                })
        });
        if order.made_by == id
            || order.checks.iter().any(|check| check.checked_by == id)
            || order.contacts.iter().any(|contact| contact.by == id)
            || in_defect
        {
            found.push(NamedIn::Order(order.id.clone()));
        }
    }
    if records.training.iter().any(|t| t.person == id) {
        found.push(NamedIn::Training(id.to_owned()));
    }
    found.sort();
    found.dedup();
    found
}

/// The procedures and checklists, current or archived, whose approval or one of whose
/// recorded changes is `id`'s.
fn approvals_of(records: &Records, id: &str) -> Vec<NamedIn> {
    let signed = |status: &Status, changes: &[Change]| {
        matches!(status, Status::Approved { by, .. } if by == id)
            || changes.iter().any(|change| change.by == id)
    };
    let procedures = records
        .procedures
        .iter()
        .chain(&records.archived_procedures);
    let checklists = records
        .checklists
        .iter()
        .chain(&records.archived_checklists);
    let mut found: Vec<NamedIn> = procedures
        .filter(|p| signed(&p.status, &p.changes))
        .map(|p| NamedIn::Procedure(p.id.clone()))
        .chain(
            checklists
                .filter(|c| signed(&c.status, &c.changes))
                .map(|c| NamedIn::Checklist(c.id.clone())),
        )
        .collect();
    found.sort();
    found.dedup();
    found
}

impl Person {
    /// Whether the person has left by `on` (they leave on their `left` day).
    pub fn has_left(&self, on: Date) -> bool {
        self.left.is_some_and(|left| left <= on)
    }

    /// Whether the person's signature asks for a PIN.
    pub fn has_pin(&self) -> bool {
        self.pin.is_some()
    }
}

impl Workspace {
    /// A new business with `owner_name` as its first Owner, the six default categories,
    /// the default settings, and nothing else.
    pub fn for_business(
        name: &str,
        owner_name: &str,
        language: Language,
    ) -> Result<Workspace, PeopleError> {
        if name.trim().is_empty() {
            return Err(PeopleError::NoBusinessName);
        }
        let mut workspace = Workspace::new(name.trim());
        workspace.language = language.code().to_owned();
        workspace.add_person(owner_name, Role::Owner)?;
        Ok(workspace)
    }

    /// The people offered on `on` as maker, checker, action owner and in "Who are you?":
    /// everyone who has not left by then, in staff order.
    pub fn offered(&self, on: Date) -> Vec<&Person> {
        self.staff.iter().filter(|p| !p.has_left(on)).collect()
    }

    /// Adds `name` (trimmed) with `role`, under an id made from the name; returns the id.
    pub fn add_person(&mut self, name: &str, role: Role) -> Result<String, PeopleError> {
        let id = person_id_from(name, |id| self.person(id).is_some())?;
        self.staff.push(Person {
            id: id.clone(),
            name: name.trim().to_owned(),
            role,
            left: None,
            pin: None,
        });
        Ok(id)
    }

    /// Gives `id` the `role`. Refused when it would leave no Owner who has not left, or
    /// would make Staff of an Owner whose approvals `records` keep.
    pub fn set_role(&mut self, id: &str, role: Role, records: &Records) -> Result<(), PeopleError> {
        let index = self.index_of(id)?;
        if role == Role::Staff && self.staff[index].role == Role::Owner {
            let approved = approvals_of(records, id);
            if !approved.is_empty() {
                return Err(PeopleError::Approved {
                    id: id.to_owned(),
                    records: approved,
                });
            }
        }
        self.change(index, |person| person.role = role)
    }

    /// Marks `id` as left on `on`, or with `None` as back on the staff. Refused when it
    /// would leave no Owner who has not left.
    pub fn set_left(&mut self, id: &str, on: Option<Date>) -> Result<(), PeopleError> {
        let index = self.index_of(id)?;
        self.change(index, |person| person.left = on)
    }

    /// Takes `id` off the staff. Refused while any record names them (mark them as left
    /// instead), or when they are the last Owner who has not left.
    pub fn remove_person(&mut self, id: &str, records: &Records) -> Result<Person, PeopleError> {
        let index = self.index_of(id)?;
        let named = names_person(records, id);
        if !named.is_empty() {
            return Err(PeopleError::Named {
                id: id.to_owned(),
                records: named,
            });
        }
        let mut rest = self.staff.clone();
        let removed = rest.remove(index);
        if self.has_free_owner() && !has_free_owner(&rest) {
            return Err(self.last_owner(index));
        }
        self.staff = rest;
        Ok(removed)
    }

    /// Sets `id`'s PIN, keeping only its hash.
    pub fn set_pin(&mut self, id: &str, pin: &Pin) -> Result<(), PeopleError> {
        let index = self.index_of(id)?;
        self.staff[index].pin = Some(hash_pin(pin));
        Ok(())
    }

    /// Clears `id`'s PIN (an owner does this for someone who forgot theirs).
    pub fn clear_pin(&mut self, id: &str) -> Result<(), PeopleError> {
        let index = self.index_of(id)?;
        self.staff[index].pin = None;
        Ok(())
    }

    /// Whether at least one Owner has no `left` date: a business always has one.
    pub fn has_free_owner(&self) -> bool {
        has_free_owner(&self.staff)
    }

    fn index_of(&self, id: &str) -> Result<usize, PeopleError> {
        self.staff
            .iter()
            .position(|p| p.id == id)
            .ok_or_else(|| PeopleError::Unknown(id.to_owned()))
    }

    /// Applies `edit` to the person at `index` unless it takes away the last Owner who has
    /// not left (a business that already had none may still be mended one step at a time).
    fn change(&mut self, index: usize, edit: impl FnOnce(&mut Person)) -> Result<(), PeopleError> {
        let had_one = self.has_free_owner();
        let mut person = self.staff[index].clone();
        edit(&mut person);
        let old = std::mem::replace(&mut self.staff[index], person);
        if had_one && !self.has_free_owner() {
            self.staff[index] = old;
            return Err(self.last_owner(index));
        }
        Ok(())
    }

    fn last_owner(&self, index: usize) -> PeopleError {
        let person = &self.staff[index];
        PeopleError::LastOwner {
            id: person.id.clone(),
            name: person.name.clone(),
        }
    }
}

fn has_free_owner(staff: &[Person]) -> bool {
    staff
        .iter()
        .any(|p| p.role == Role::Owner && p.left.is_none())
}

#[cfg(test)]
mod tests;
