//! Training records merged: the union of a person's signatures.

use std::collections::BTreeMap;

use crate::model::{Signed, Training};

/// Merges two versions of one person's training record: every signature of either, once
/// per (procedure, revision). Where both hold one signature with different details, the
/// earliest `on` is kept (the person was trained from that day on); on the same day, the
/// one whose text sorts first, so that both desks keep the same one. Nothing here is ever
/// for a person to decide. `None` when the two are records of different people.
pub fn merge_training(ours: &Training, theirs: &Training) -> Option<Training> {
    if ours.person != theirs.person {
        return None;
    }
    if ours == theirs {
        return Some(ours.clone());
    }
    let mut signed: BTreeMap<(String, u32), Signed> = BTreeMap::new();
    for signature in ours.signed.iter().chain(&theirs.signed) {
        let key = (signature.procedure.clone(), signature.revision);
        match signed.get(&key) {
            Some(kept) if earlier_or_same(kept, signature) => {}
            _ => {
                signed.insert(key, signature.clone());
            }
        }
    }
    Some(Training {
        signed: signed.into_values().collect(),
        ..ours.clone()
    })
}

fn earlier_or_same(kept: &Signed, other: &Signed) -> bool {
    (kept.on, format!("{kept:?}")) <= (other.on, format!("{other:?}"))
}
