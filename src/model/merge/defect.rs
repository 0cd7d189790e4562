//! Defects merged by id, field by field: a defect is edited after it is logged (its
//! cause, its action, whether the action is done), so two desks may each have filled in a
//! different part of it.

use std::collections::{BTreeMap, BTreeSet};

use super::{Clash, Item, Part, Taken, pasted};
use crate::model::{Action, Defect, Order};

/// Merges the defects of two versions of one order into the list the merged order holds.
pub(super) fn merge_defects(
    base: Option<&Order>,
    ours: &Order,
    theirs: &Order,
    taken: &mut Vec<Taken>,
    clashes: &mut Vec<Clash>,
) -> Vec<Defect> {
    let (mut mine, mut other) = (ours.defects.clone(), theirs.defects.clone());
    let pasted = pasted::split_pasted(&mut mine, &mut other, taken);
    let base = base.map(|b| by_id_list(&b.defects)).unwrap_or_default();
    let (ours, theirs) = without_renumbered(by_id_list(&mine), by_id_list(&other));
    let mut ours = ours;
    let mut merged: BTreeMap<String, Defect> = BTreeMap::new();
    let mut second: Vec<Defect> = Vec::new();
    for (id, their) in theirs {
        let Some(our) = ours.remove(&id) else {
            taken.push(Taken::Added(Item::Defect { id: id.clone() }));
            merged.insert(id, their);
            continue;
        };
        let old = base.get(&id);
        if our == their {
            merged.insert(id, our);
        } else if old.is_none() && birth(&our) != birth(&their) {
            // Two desks each logged their own defect under one id: both stay.
            let (first, later) = if format!("{our:?}") <= format!("{their:?}") {
                (our, their)
            } else {
                (their, our)
            };
            merged.insert(id, first);
            second.push(later);
        } else {
            match merge_one(old, &our, &their) {
                Some(defect) => {
                    if defect != our {
                        taken.push(Taken::Changed(Item::Defect { id: id.clone() }));
                    }
                    merged.insert(id, defect);
                }
                None => {
                    clashes.push(Clash {
                        item: Item::Defect { id: id.clone() },
                        ours: Part::Defect(Box::new(our.clone())),
                        theirs: Part::Defect(Box::new(their)),
                    });
                    merged.insert(id, our);
                }
            }
        }
    }
    merged.append(&mut ours);
    merged.extend(pasted.into_iter().map(|d| (d.id.clone(), d)));
    second.sort_by_key(|d| (d.id.clone(), format!("{d:?}")));
    for mut defect in second {
        let from = defect.id.clone();
        defect.id = next_free_defect_id(merged.keys().map(String::as_str), desk_of(&from));
        taken.push(Taken::Renumbered {
            from,
            to: defect.id.clone(),
        });
        merged.insert(defect.id.clone(), defect);
    }
    let mut defects: Vec<Defect> = merged.into_values().collect();
    defects.sort_by(|a, b| {
        (a.found, number_of(&a.id), &a.id).cmp(&(b.found, number_of(&b.id), &b.id))
    });
    defects
}

/// Defects by their ids (one per id: `pasted` has taken out ids held twice).
fn by_id_list(defects: &[Defect]) -> BTreeMap<String, Defect> {
    defects.iter().map(|d| (d.id.clone(), d.clone())).collect()
}

/// Whether two defects are the same word for word but for their ids.
pub(super) fn same_but_id(a: &Defect, b: &Defect) -> bool {
    Defect {
        id: b.id.clone(),
        ..a.clone()
    } == *b
}

/// Takes out a defect that the other side holds word for word under a higher id: a merge
/// renumbered it there before, and merging the same copy again must not add it twice. The
/// higher id is kept because renumbering only ever goes up.
fn without_renumbered(
    mut ours: BTreeMap<String, Defect>,
    mut theirs: BTreeMap<String, Defect>,
) -> (BTreeMap<String, Defect>, BTreeMap<String, Defect>) {
    let mut drop_ours = Vec::new();
    let mut drop_theirs = Vec::new();
    for (our_id, our) in &ours {
        for (their_id, their) in &theirs {
            // Unless a side holds it under both ids: then these are two copies both hold.
            let both = theirs.get(our_id) == Some(our) || ours.get(their_id) == Some(their);
            if our_id != their_id && same_but_id(our, their) && !both {
                if (number_of(our_id), our_id) < (number_of(their_id), their_id) {
                    drop_ours.push(our_id.clone());
                } else {
                    drop_theirs.push(their_id.clone());
                }
            }
        }
    }
    for id in drop_ours {
        ours.remove(&id);
    }
    for id in drop_theirs {
        theirs.remove(&id);
    }
    (ours, theirs)
}

/// What a defect was born with, which no later edit changes: the day and who found it.
fn birth(defect: &Defect) -> (crate::model::Date, &crate::model::FoundBy) {
    (defect.found, &defect.found_by)
}

/// `dN` or `dN-<desk>`: the number, for ordering and for the next free one.
fn number_of(id: &str) -> Option<u64> {
    let rest = id.strip_prefix('d')?;
    let digits = rest.split('-').next()?;
    digits.parse().ok()
}

/// The desk code at the end of `dN-<desk>`, if any.
pub(super) fn desk_of(id: &str) -> Option<&str> {
    number_of(id)?;
    id.split_once('-').map(|(_, desk)| desk)
}

/// A defect id above every numbered one in `ids`: `d<N>`, or `d<N>-<desk>` where this desk
/// has a code, so that two desks adding a defect to one order never pick the same id.
pub fn next_free_defect_id<'a>(ids: impl Iterator<Item = &'a str>, desk: Option<&str>) -> String {
    let ids: BTreeSet<&str> = ids.collect();
    let highest = ids.iter().filter_map(|id| number_of(id)).max().unwrap_or(0);
    let mut n = highest + 1;
    loop {
        let id = match desk {
            Some(desk) => format!("d{n}-{desk}"),
            None => format!("d{n}"),
        };
        if !ids.contains(id.as_str()) {
            return id;
        }
        n += 1;
    }
}

/// One field of a record both sides hold: equal, or the one that differs from the base,
/// or (no base to tell) the one that is filled in where the other is empty; `None` when
/// both filled it in differently.
fn pick<T: PartialEq + Clone>(old: Option<&T>, a: &T, b: &T, empty: fn(&T) -> bool) -> Option<T> {
    // The base is asked before emptiness, so that a field one side cleared stays cleared
    // whichever side is ours.
    if a == b || old == Some(b) {
        Some(a.clone())
    } else if old == Some(a) {
        Some(b.clone())
    } else if empty(b) {
        Some(a.clone())
    } else if empty(a) {
        Some(b.clone())
    } else {
        None
    }
}

fn never<T>(_: &T) -> bool {
    false
}

/// A list filled in on both sides (photos): the union, in one order whichever side is ours.
fn pick_list(old: Option<&Vec<String>>, a: &Vec<String>, b: &Vec<String>) -> Vec<String> {
    pick(old, a, b, Vec::is_empty).unwrap_or_else(|| {
        let all: BTreeSet<&String> = a.iter().chain(b).collect();
        all.into_iter().cloned().collect()
    })
}

/// Two versions of one defect merged field by field; `None` when a field clashes.
fn merge_one(old: Option<&Defect>, a: &Defect, b: &Defect) -> Option<Defect> {
    Some(Defect {
        id: a.id.clone(),
        found: pick(old.map(|o| &o.found), &a.found, &b.found, never)?,
        found_by: pick(old.map(|o| &o.found_by), &a.found_by, &b.found_by, never)?,
        category: pick(
            old.map(|o| &o.category),
            &a.category,
            &b.category,
            String::is_empty,
        )?,
        procedure: pick(
            old.map(|o| &o.procedure),
            &a.procedure,
            &b.procedure,
            Option::is_none,
        )?,
        step: pick(old.map(|o| &o.step), &a.step, &b.step, Option::is_none)?,
        severity: pick(old.map(|o| &o.severity), &a.severity, &b.severity, never)?,
        description: pick(
            old.map(|o| &o.description),
            &a.description,
            &b.description,
            String::is_empty,
        )?,
        cost_cents: pick(
            old.map(|o| &o.cost_cents),
            &a.cost_cents,
            &b.cost_cents,
            |c| *c == 0,
        )?,
        root_cause: pick(
            old.map(|o| &o.root_cause),
            &a.root_cause,
            &b.root_cause,
            Option::is_none,
        )?,
        action: match (&a.action, &b.action) {
            (Some(x), Some(y)) if x != y => {
                let old = old.and_then(|o| o.action.as_ref());
                Some(merge_action(old, x, y)?)
            }
            _ => pick(
                old.map(|o| &o.action),
                &a.action,
                &b.action,
                Option::is_none,
            )?,
        },
        photos: pick_list(old.map(|o| &o.photos), &a.photos, &b.photos),
    })
}

/// Two versions of one action merged field by field: one desk may have marked it done
/// while another noted who owns it.
fn merge_action(old: Option<&Action>, a: &Action, b: &Action) -> Option<Action> {
    Some(Action {
        kind: pick(old.map(|o| &o.kind), &a.kind, &b.kind, never)?,
        what: pick(old.map(|o| &o.what), &a.what, &b.what, String::is_empty)?,
        owner: pick(old.map(|o| &o.owner), &a.owner, &b.owner, Option::is_none)?,
        due: pick(old.map(|o| &o.due), &a.due, &b.due, Option::is_none)?,
        done: pick(old.map(|o| &o.done), &a.done, &b.done, Option::is_none)?,
        verified: pick(
            old.map(|o| &o.verified),
            &a.verified,
            &b.verified,
            Option::is_none,
        )?,
        verified_by: pick(
            old.map(|o| &o.verified_by),
            &a.verified_by,
            &b.verified_by,
            Option::is_none,
        )?,
    })
}
