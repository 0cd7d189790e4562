//! Two versions of one record that met (a save over a file another desk changed, or a
//! sync tool's conflict copy) made into one, losing nothing.
//!
//! An order is a set of things different people added: checks, defects and contacts. The
//! merge is their union, each matched by its identity (FORMAT.md, "Two desks, one
//! folder"). Only an item changed differently on both sides is handed to a person. The
//! result never depends on which side is called ours: both desks merging the same two
//! files get the same record.

mod defect;
mod pasted;
mod training;
mod union;

use super::{Channel, Check, Contact, DateTime, Defect, Order};

pub use defect::next_free_defect_id;
pub use training::merge_training;
use union::union;

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
            checklist: check.checklist.to_string(),
            checked_by: check.checked_by.to_string(),
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

#[cfg(test)]
mod tests;
