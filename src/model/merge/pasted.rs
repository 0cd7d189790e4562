//! An order that holds one defect id more than once (a hand edit or a paste, which
//! `check` calls an error). Matched by id, one of them would be lost; their contents are
//! instead joined as copies, as checks and contacts are, each under an id of its own.

use std::collections::BTreeSet;

use super::Taken;
use super::defect::{desk_of, next_free_defect_id, same_but_id};
use crate::model::Defect;

/// Takes out of both sides every defect under an id either side holds more than once, and
/// gives back each content either held there, as many times as the side holding it more:
/// the first by the order of their text keeps the id, the others take the next free
/// numbers of both sides. A copy either side still holds word for word under another id
/// was renumbered so by an earlier merge and is not added again.
pub(super) fn split_pasted(
    ours: &mut Vec<Defect>,
    theirs: &mut Vec<Defect>,
    taken: &mut Vec<Taken>,
) -> Vec<Defect> {
    let pasted: BTreeSet<String> = held_twice(ours)
        .union(&held_twice(theirs))
        .cloned()
        .collect();
    if pasted.is_empty() {
        return Vec::new();
    }
    let mut used: BTreeSet<String> = ours
        .iter()
        .chain(theirs.iter())
        .map(|d| d.id.clone())
        .collect();
    let (our_copies, our_rest): (Vec<Defect>, Vec<Defect>) =
        ours.drain(..).partition(|d| pasted.contains(&d.id));
    let (their_copies, their_rest): (Vec<Defect>, Vec<Defect>) =
        theirs.drain(..).partition(|d| pasted.contains(&d.id));
    *ours = our_rest;
    *theirs = their_rest;
    let mut renumbered_before: Vec<&Defect> = ours.iter().chain(theirs.iter()).collect();
    let mut kept = Vec::new();
    for id in &pasted {
        let under = |list: &[Defect]| -> Vec<Defect> {
            list.iter().filter(|d| &d.id == id).cloned().collect()
        };
        let mine = under(&our_copies);
        let mut contents = mine.clone();
        let mut left = mine;
        for their in under(&their_copies) {
            match left.iter().position(|our| *our == their) {
                Some(n) => {
                    left.remove(n);
                }
                None => contents.push(their),
            }
        }
        contents.sort_by_cached_key(|d| format!("{d:?}"));
        let mut contents = contents.into_iter();
        kept.extend(contents.next());
        for mut defect in contents {
            if let Some(n) = renumbered_before
                .iter()
                .position(|d| same_but_id(d, &defect))
            {
                renumbered_before.remove(n);
                continue;
            }
            let from = defect.id.clone();
            defect.id = next_free_defect_id(used.iter().map(String::as_str), desk_of(&from));
            used.insert(defect.id.clone());
            taken.push(Taken::Renumbered {
                from,
                to: defect.id.clone(),
            });
            kept.push(defect);
        }
    }
    kept
}

/// The ids `defects` holds more than once.
fn held_twice(defects: &[Defect]) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    defects
        .iter()
        .filter(|d| !seen.insert(d.id.as_str()))
        .map(|d| d.id.clone())
        .collect()
}
