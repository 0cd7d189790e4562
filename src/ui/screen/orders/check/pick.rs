//! Which checklists may be run, and the one an order's product most likely needs.

use crate::model::{Checklist, Order, Records, Status};

/// An approved checklist as a pick-list entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistChoice {
    /// The checklist's id.
    pub id: String,
    /// Its title, as the list shows it.
    pub title: String,
}

impl std::fmt::Display for ChecklistChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.title)
    }
}

/// The approved checklists, by title: drafts and retired ones are never run.
pub fn approved(records: &Records) -> Vec<ChecklistChoice> {
    let mut choices: Vec<ChecklistChoice> = records
        .checklists
        .iter()
        .filter(|c| matches!(c.status, Status::Approved { .. }))
        .map(|c| ChecklistChoice {
            id: c.id.clone(),
            title: c.title.clone(),
        })
        .collect();
    choices.sort_by_key(|c| c.title.to_lowercase());
    choices
}

/// Words too common in products and titles to say which checklist is meant.
const COMMON: &[&str] = &[
    "and", "with", "for", "the", "each", "per", "met", "een", "het", "voor", "van", "zonder",
];

/// The approved checklist whose title or linked procedure best matches the order's
/// product, when one clearly does: a tie or no match at all picks none, so nobody runs
/// the wrong list because the app guessed.
pub fn likely_checklist<'a>(order: &Order, records: &'a Records) -> Option<&'a Checklist> {
    let product = words_of(&order.product);
    let mut scored: Vec<(u32, &Checklist)> = records
        .checklists
        .iter()
        .filter(|c| matches!(c.status, Status::Approved { .. }))
        .map(|c| (score(&product, c, records), c))
        .collect();
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    match scored.as_slice() {
        [(best, checklist), rest @ ..]
            if *best > 0 && rest.first().is_none_or(|(next, _)| next < best) =>
        {
            Some(checklist)
        }
        _ => None,
    }
}

/// Two points per product word in the checklist's own title or id, one per word found
/// only in its linked procedure's.
fn score(product: &[String], checklist: &Checklist, records: &Records) -> u32 {
    let own: Vec<String> = words_of(&checklist.title)
        .into_iter()
        .chain(words_of(&checklist.id))
        .collect();
    let linked: Vec<String> = checklist
        .procedure
        .as_deref()
        .map(|id| {
            let title = records.procedure(id).map_or("", |p| p.title.as_str());
            words_of(title).into_iter().chain(words_of(id)).collect()
        })
        .unwrap_or_default();
    product
        .iter()
        .map(|word| {
            if own.iter().any(|w| alike(word, w)) {
                2
            } else if linked.iter().any(|w| alike(word, w)) {
                1
            } else {
                0
            }
        })
        .sum()
}

/// The telling words of a text: lower case, three letters or more, no numbers, each once.
fn words_of(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| !COMMON.contains(&w.as_str()))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The same word, give or take a plural ending: "cone" and "cones", "wafel" and "wafels".
fn alike(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.len() >= 4 && long.starts_with(short) && long.len() - short.len() <= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_endings_match_but_other_words_do_not() {
        assert!(alike("cone", "cones"));
        assert!(alike("rolls", "roll"));
        assert!(!alike("milk", "milkshake"));
        assert!(
            !alike("cup", "cups"),
            "three letters are too short to guess from"
        );
        assert!(alike("cup", "cup"));
    }

    #[test]
    fn numbers_and_common_words_say_nothing() {
        assert_eq!(
            words_of("Cone, 2 balls: vanilla and cherry"),
            ["balls", "cherry", "cone", "vanilla"]
        );
    }
}
