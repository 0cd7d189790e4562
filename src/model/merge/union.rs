//! Checks and contacts merged as counted copies: an order may hold the very same contact
//! twice (one call logged twice in a minute, word for word), and a merge keeps every copy.

use std::collections::BTreeMap;

use super::{Clash, Item, Part, Taken};

/// How to tell an item's identity, and how to hand one version of it to a person.
pub(super) type Kind<T> = (fn(&T) -> Item, fn(T) -> Part);

/// One content of an item, and how many copies of it the base and each side hold.
struct Copies<T> {
    item: T,
    base: usize,
    ours: usize,
    theirs: usize,
}

/// One of the two sides, to count its copies.
#[derive(Clone, Copy)]
enum Side {
    Base,
    Ours,
    Theirs,
}

impl<T> Copies<T> {
    fn count(&mut self, side: Side) -> &mut usize {
        match side {
            Side::Base => &mut self.base,
            Side::Ours => &mut self.ours,
            Side::Theirs => &mut self.theirs,
        }
    }

    /// Copies the base held that `side` no longer holds.
    fn gone(&self, side: Side) -> usize {
        self.base.saturating_sub(*self.counted(side))
    }

    /// Copies `side` holds beyond the base's.
    fn added(&self, side: Side) -> usize {
        self.counted(side).saturating_sub(self.base)
    }

    fn counted(&self, side: Side) -> &usize {
        match side {
            Side::Base => &self.base,
            Side::Ours => &self.ours,
            Side::Theirs => &self.theirs,
        }
    }

    /// The three-way rule on counts: what one side did to the base's count is taken; where
    /// both added copies, as many as the side with more (a copy both hold is one copy);
    /// where one added and the other changed some away, both are done.
    fn kept(&self) -> usize {
        let (base, ours, theirs) = (self.base, self.ours, self.theirs);
        if ours == base {
            theirs
        } else if theirs == base {
            ours
        } else if ours > base && theirs > base {
            ours.max(theirs)
        } else if ours < base && theirs < base {
            ours.min(theirs)
        } else {
            ours + theirs - base
        }
    }
}

/// Merges two lists of items the app never changes once added (checks and contacts), per
/// identity, counting copies of each content. A content only one side holds is added. A
/// side that holds a new content in place of a copy of the base's changed that copy: the
/// change is taken, and where both sides changed one copy into different contents a person
/// decides (the merged order keeps ours). A copy a side merely lacks is kept: a missing
/// item is never taken for a removed one. With no base to tell, it is the union of copies.
pub(super) fn union<T: Clone + PartialEq + std::fmt::Debug>(
    base: Option<&[T]>,
    (ours, theirs): (&[T], &[T]),
    (identity, part): Kind<T>,
    taken: &mut Vec<Taken>,
    clashes: &mut Vec<Clash>,
) -> Vec<T> {
    let mut groups: BTreeMap<Item, Vec<Copies<T>>> = BTreeMap::new();
    let sides = [
        (base.unwrap_or_default(), Side::Base),
        (ours, Side::Ours),
        (theirs, Side::Theirs),
    ];
    for (list, side) in sides {
        for item in list {
            let group = groups.entry(identity(item)).or_default();
            let copies = match group.iter().position(|copies| copies.item == *item) {
                Some(n) => &mut group[n],
                None => {
                    group.push(Copies {
                        item: item.clone(),
                        base: 0,
                        ours: 0,
                        theirs: 0,
                    });
                    group.last_mut().expect("just pushed")
                }
            };
            *copies.count(side) += 1;
        }
    }
    let mut items = Vec::new();
    for (key, mut group) in groups {
        // Equal copies pair up by content, and contents in the order of their text, so
        // that the result never depends on the order within a side or on which side is ours.
        group.sort_by_cached_key(|copies| format!("{:?}", copies.item));
        let held: Vec<usize> = group.iter().map(|copies| copies.ours).collect();
        keep_what_was_not_changed(&mut group, Side::Ours);
        keep_what_was_not_changed(&mut group, Side::Theirs);
        let mut kept: Vec<usize> = group.iter().map(Copies::kept).collect();
        hand_over_clashes(&key, &group, &mut kept, part, clashes);
        tell_taken(&key, &held, &kept, taken);
        for (copies, n) in group.iter().zip(kept) {
            items.extend(std::iter::repeat_n(copies.item.clone(), n));
        }
    }
    items
}

/// Counts back, as held by `side`, the copies of the base it lacks beyond those it changed
/// into a new content: a record that lost an item (a sync half done, a hand edit) never
/// takes it out of the other side's version.
fn keep_what_was_not_changed<T>(group: &mut [Copies<T>], side: Side) {
    let added: usize = group.iter().map(|copies| copies.added(side)).sum();
    let mut changed = added;
    for copies in group.iter_mut() {
        let gone = copies.gone(side);
        let as_changed = gone.min(changed);
        changed -= as_changed;
        *copies.count(side) += gone - as_changed;
    }
}

/// Where both sides changed the same copies of the base, each into its own new content,
/// the merged order keeps ours and the other side's goes to a person, pair by pair.
fn hand_over_clashes<T: Clone>(
    key: &Item,
    group: &[Copies<T>],
    kept: &mut [usize],
    part: fn(T) -> Part,
    clashes: &mut Vec<Clash>,
) {
    let both_changed: usize = group
        .iter()
        .map(|copies| copies.gone(Side::Ours).min(copies.gone(Side::Theirs)))
        .sum();
    // New contents one side holds beyond what the other also holds.
    let only = |side: Side, other: Side| -> Vec<usize> {
        group
            .iter()
            .enumerate()
            .flat_map(|(n, copies)| {
                let beyond = copies
                    .counted(side)
                    .saturating_sub(copies.base.max(*copies.counted(other)));
                std::iter::repeat_n(n, beyond)
            })
            .collect()
    };
    let ours = only(Side::Ours, Side::Theirs);
    let theirs = only(Side::Theirs, Side::Ours);
    for (our, their) in ours.into_iter().zip(theirs).take(both_changed) {
        kept[their] = kept[their].saturating_sub(1);
        clashes.push(Clash {
            item: key.clone(),
            ours: part(group[our].item.clone()),
            theirs: part(group[their].item.clone()),
        });
    }
}

/// What the other side brought: a copy it added, or one of ours it changed. `held` is how
/// many copies of each content our version holds.
fn tell_taken(key: &Item, held: &[usize], kept: &[usize], taken: &mut Vec<Taken>) {
    let came: usize = held
        .iter()
        .zip(kept)
        .map(|(ours, n)| n.saturating_sub(*ours))
        .sum();
    let went: usize = held
        .iter()
        .zip(kept)
        .map(|(ours, n)| ours.saturating_sub(*n))
        .sum();
    let changed = came.min(went);
    taken.extend(std::iter::repeat_n(Taken::Changed(key.clone()), changed));
    taken.extend(std::iter::repeat_n(
        Taken::Added(key.clone()),
        came - changed,
    ));
}
