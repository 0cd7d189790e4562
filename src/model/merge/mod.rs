//! Two versions of one record that met (a save over a file another desk changed, or a
//! sync tool's conflict copy) made into one, losing nothing.
//!
//! An order is a set of things different people added: checks, defects and contacts. The
//! merge is their union, each matched by its identity (FORMAT.md, "Two desks, one
//! folder"). Only an item changed differently on both sides is handed to a person. The
//! result never depends on which side is called ours: both desks merging the same two
//! files get the same record.

mod defect;
mod training;

use std::collections::BTreeMap;

use super::{Channel, Check, Contact, DateTime, Defect, Order};

pub use defect::next_free_defect_id;
pub use training::merge_training;

/// One item of an order, by its identity.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// A check: who checked with which checklist, when.
    Check {
        /// When it was done.
        at: DateTime,
        /// The checklist run.
        checklist: String,
        /// Who checked.
        checked_by: String,
    },
    /// A defect, by its id.
    Defect {
        /// Its id within the order.
        id: String,
    },
    /// A customer contact: when, how and who took it.
    Contact {
        /// When it came in.
        at: DateTime,
        /// How it came in.
        channel: Channel,
        /// Who took it.
        by: String,
    },
    /// A signature in a training record.
    Signed {
        /// The procedure signed.
        procedure: String,
        /// Its revision.
        revision: u32,
    },
}

impl Item {
    /// The identity of a check.
    pub fn of_check(check: &Check) -> Item {
        Item::Check {
            at: check.at,
            checklist: check.checklist.clone(),
            checked_by: check.checked_by.clone(),
        }
    }

    /// The identity of a contact.
    pub fn of_contact(contact: &Contact) -> Item {
        Item::Contact {
            at: contact.at,
            channel: contact.channel,
            by: contact.by.clone(),
        }
    }

    /// The identity of a defect.
    pub fn of_defect(defect: &Defect) -> Item {
        Item::Defect {
            id: defect.id.clone(),
        }
    }

    /// The person the item names: who checked, who found it, who took the contact.
    pub fn who<'a>(&'a self, order: &'a Order) -> Option<&'a str> {
        match self {
            Item::Check { checked_by, .. } => Some(checked_by),
            Item::Contact { by, .. } => Some(by),
            Item::Signed { .. } => None,
            Item::Defect { id } => {
                order
                    .defects
                    .iter()
                    .find(|d| &d.id == id)
                    .and_then(|d| match &d.found_by {
                        super::FoundBy::Staff(person) => Some(person.as_str()),
                        _ => None,
                    })
            }
        }
    }
}

/// What a merge did with the other side's version of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    /// The item was only on the other side: added.
    Added(Item),
    /// Both had it; the other side's changes were taken into it.
    Changed(Item),
    /// Both sides had a defect with this id that are two defects: the one written second
    /// (by the order of their text, not by side) was given a new id.
    Renumbered {
        /// The id both had.
        from: String,
        /// The new id of the second.
        to: String,
    },
}

/// An item both sides changed, each in its own way: a person picks one.
#[derive(Debug, Clone, PartialEq)]
pub struct Clash {
    /// Which item.
    pub item: Item,
    /// Our version, as the merged order holds it.
    pub ours: Part,
    /// The other side's version.
    pub theirs: Part,
}

/// One version of an item.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// A check.
    Check(Check),
    /// A defect.
    Defect(Box<Defect>),
    /// A contact.
    Contact(Contact),
}

/// Two versions of one order made into one.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderMerge {
    /// The merged order; where an item clashes it holds our version.
    pub order: Order,
    /// What came from the other side.
    pub taken: Vec<Taken>,
    /// What a person must decide.
    pub clashes: Vec<Clash>,
}

/// What meeting two versions of an order gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Merged {
    /// One order.
    One(OrderMerge),
    /// Two different orders that share an id (another day, maker, product or customer):
    /// never joined. `moved` (the one whose text sorts second, whichever side it came
    /// from) needs a new id.
    Two {
        /// The order that keeps the id.
        kept: Order,
        /// The order that must move to a new id.
        moved: Order,
    },
}

/// Whether two versions with one id are the same order: the same day, maker, product and
/// customer (the fields the app never changes after the order is made).
pub fn same_order(a: &Order, b: &Order) -> bool {
    (&a.id, a.placed, &a.made_by, &a.product, &a.customer)
        == (&b.id, b.placed, &b.made_by, &b.product, &b.customer)
}

/// Merges `theirs` into `ours`; `base` is the version both came from, where known (the
/// one the window loaded before the user changed it), and lets a change be told from an
/// untouched item. Without a base, union is the rule.
pub fn merge_order(base: Option<&Order>, ours: &Order, theirs: &Order) -> Merged {
    if !same_order(ours, theirs) {
        let (kept, moved) = if format!("{ours:?}") <= format!("{theirs:?}") {
            (ours, theirs)
        } else {
            (theirs, ours)
        };
        return Merged::Two {
            kept: kept.clone(),
            moved: moved.clone(),
        };
    }
    if ours == theirs {
        return Merged::One(OrderMerge {
            order: ours.clone(),
            taken: Vec::new(),
            clashes: Vec::new(),
        });
    }
    let base = base.filter(|base| same_order(base, ours));
    let mut taken = Vec::new();
    let mut clashes = Vec::new();
    let checks = union(
        base.map(|b| b.checks.as_slice()),
        (&ours.checks, &theirs.checks),
        (Item::of_check, Part::Check),
        &mut taken,
        &mut clashes,
    );
    let contacts = union(
        base.map(|b| b.contacts.as_slice()),
        (&ours.contacts, &theirs.contacts),
        (Item::of_contact, Part::Contact),
        &mut taken,
        &mut clashes,
    );
    let defects = defect::merge_defects(base, ours, theirs, &mut taken, &mut clashes);
    let mut order = ours.clone();
    order.checks = checks;
    order.contacts = contacts;
    order.defects = defects;
    clashes.sort_by(|a, b| a.item.cmp(&b.item));
    Merged::One(OrderMerge {
        order,
        taken,
        clashes,
    })
}

/// How to tell an item's identity, and how to hand one version of it to a person.
type Kind<T> = (fn(&T) -> Item, fn(T) -> Part);

/// Merges two lists of items the app never changes once added (checks and contacts).
/// Per identity, what both hold is kept once and what only one holds is added. Where both
/// hold a version the other lacks, the base tells a change of one side (taken) from a
/// change on both (a clash); with no base to tell, both are kept: two contacts one person
/// logged in one minute on two desks are two contacts.
fn union<T: Clone + PartialEq + std::fmt::Debug>(
    base: Option<&[T]>,
    (ours, theirs): (&[T], &[T]),
    (identity, part): Kind<T>,
    taken: &mut Vec<Taken>,
    clashes: &mut Vec<Clash>,
) -> Vec<T> {
    let grouped = |list: &[T]| -> BTreeMap<Item, Vec<T>> {
        let mut groups: BTreeMap<Item, Vec<T>> = BTreeMap::new();
        for item in list {
            groups.entry(identity(item)).or_default().push(item.clone());
        }
        groups
    };
    let base = base.map(grouped).unwrap_or_default();
    let mut ours = grouped(ours);
    let mut items = Vec::new();
    for (key, theirs) in grouped(theirs) {
        let mut ours = ours.remove(&key).unwrap_or_default();
        let mut group = Vec::new();
        let mut only_theirs = Vec::new();
        for their in theirs {
            match ours.iter().position(|our| *our == their) {
                Some(n) => group.push(ours.remove(n)),
                None => only_theirs.push(their),
            }
        }
        let old = base.get(&key).map(Vec::as_slice).unwrap_or_default();
        for their in only_theirs {
            let changed_ours = ours.iter().position(|our| old.contains(our));
            match (changed_ours, old.contains(&their), ours.is_empty()) {
                // Our copy is the base's and theirs changed it.
                (Some(n), false, false) => {
                    ours.remove(n);
                    taken.push(Taken::Changed(key.clone()));
                    group.push(their);
                }
                // Theirs is the base's and ours changed it: ours stays.
                (_, true, false) => {}
                // Both changed the one item the base had.
                (None, false, false) if !old.is_empty() => {
                    let our = ours.remove(0);
                    clashes.push(Clash {
                        item: key.clone(),
                        ours: part(our.clone()),
                        theirs: part(their),
                    });
                    group.push(our);
                }
                _ => {
                    taken.push(Taken::Added(key.clone()));
                    group.push(their);
                }
            }
        }
        group.append(&mut ours);
        group.sort_by_cached_key(|item| format!("{item:?}"));
        items.append(&mut group);
    }
    for (_, mut group) in ours {
        group.sort_by_cached_key(|item| format!("{item:?}"));
        items.append(&mut group);
    }
    items.sort_by_key(identity);
    items
}

#[cfg(test)]
mod tests;
