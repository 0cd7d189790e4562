//! The checklist as the editor holds it: numbers and options as typed, every kind's
//! settings kept while another kind is picked, and turned into a [`Checklist`] only
//! when it is saved.

use super::words::ChecklistWords;
use crate::model::{Checklist, Item, ItemKind, Status, fresh_id};
use crate::ui::screen::{shown_number, typed_number};
use crate::ui::text::{Text, fill};

/// How an item is answered, without its settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Tick,
    Measure,
    Choice,
    Text,
}

impl Kind {
    /// Every kind, in the order the pick list shows them.
    pub const ALL: [Kind; 4] = [Kind::Tick, Kind::Measure, Kind::Choice, Kind::Text];

    /// The kind's name in the window.
    pub fn label(self, words: &'static Text) -> &'static str {
        match self {
            Kind::Tick => words.kind_tick,
            Kind::Measure => words.kind_measure,
            Kind::Choice => words.kind_choice,
            Kind::Text => words.kind_text,
        }
    }
}

/// Which field of a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureField {
    Unit,
    Min,
    Max,
}

/// A measure's unit and bounds as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MeasureForm {
    pub unit: String,
    pub min: String,
    pub max: String,
}

/// One option of a choice, and whether picking it passes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OptionForm {
    pub text: String,
    pub passes: bool,
}

/// A choice's options as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChoiceForm {
    pub options: Vec<OptionForm>,
    /// Passing choices a file named that are not among its options: shown, never dropped
    /// silently.
    pub stray: Vec<String>,
}

/// One item as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ItemForm {
    /// Tells items apart while they have no id yet, across undo and saves.
    pub key: u64,
    /// Empty until the item is first saved; then never changed, so checks can point at it.
    pub id: String,
    pub prompt: String,
    pub kind: Kind,
    pub measure: MeasureForm,
    pub choice: ChoiceForm,
    /// The procedure step the item verifies.
    pub step: Option<String>,
    pub critical: bool,
}

/// The whole checklist as typed, with the record it started from.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistForm {
    /// The record being edited: its id, revision, status and history.
    pub base: Checklist,
    /// Whether the record has never been saved (its id still follows the title).
    pub is_new: bool,
    pub title: String,
    pub procedure: Option<String>,
    pub four_eyes: bool,
    pub items: Vec<ItemForm>,
    /// The key the next new item gets.
    pub next_key: u64,
}

/// What is wrong with one item as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemErrors {
    pub prompt: Option<String>,
    /// The kind's settings: numbers, bounds, options.
    pub kind: Option<String>,
}

/// What is wrong with what was typed, per field, for the editor to show beside it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormErrors {
    pub title: Option<String>,
    pub items: Vec<ItemErrors>,
}

impl FormErrors {
    /// Whether the form can be saved.
    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self
                .items
                .iter()
                .all(|i| i.prompt.is_none() && i.kind.is_none())
    }
}

impl ItemForm {
    fn of(item: &Item, key: u64) -> Self {
        let mut form = ItemForm {
            key,
            id: item.id.clone(),
            prompt: item.prompt.clone(),
            step: item.step.clone(),
            critical: item.critical,
            ..ItemForm::default()
        };
        match &item.kind {
            ItemKind::Tick => form.kind = Kind::Tick,
            ItemKind::Text => form.kind = Kind::Text,
            ItemKind::Measure { unit, min, max } => {
                form.kind = Kind::Measure;
                form.measure = MeasureForm {
                    unit: unit.clone(),
                    min: shown_number(*min),
                    max: shown_number(*max),
                };
            }
            ItemKind::Choice { options, pass } => {
                form.kind = Kind::Choice;
                form.choice = ChoiceForm {
                    options: options
                        .iter()
                        .map(|text| OptionForm {
                            text: text.clone(),
                            passes: pass.contains(text),
                        })
                        .collect(),
                    stray: pass
                        .iter()
                        .filter(|p| !options.contains(p))
                        .cloned()
                        .collect(),
                };
            }
        }
        form
    }

    /// The item's kind with its settings, or `None` while they do not parse.
    fn item_kind(&self) -> Option<ItemKind> {
        Some(match self.kind {
            Kind::Tick => ItemKind::Tick,
            Kind::Text => ItemKind::Text,
            Kind::Measure => ItemKind::Measure {
                unit: self.measure.unit.trim().to_owned(),
                min: typed_number(&self.measure.min).ok()?,
                max: typed_number(&self.measure.max).ok()?,
            },
            Kind::Choice => {
                let options: Vec<String> = self
                    .choice
                    .options
                    .iter()
                    .map(|o| o.text.trim().to_owned())
                    .collect();
                let pass = self
                    .choice
                    .options
                    .iter()
                    .zip(&options)
                    .filter(|(o, _)| o.passes)
                    .map(|(_, text)| text.clone())
                    .chain(self.choice.stray.iter().cloned())
                    .collect();
                ItemKind::Choice { options, pass }
            }
        })
    }

    /// What is wrong with the item, in the window's words.
    pub fn errors(&self, words: &'static Text) -> ItemErrors {
        ItemErrors {
            prompt: self
                .prompt
                .trim()
                .is_empty()
                .then(|| words.prompt_missing.to_owned()),
            kind: match self.kind {
                Kind::Tick | Kind::Text => None,
                Kind::Measure => measure_error(&self.measure, words),
                Kind::Choice => choice_error(&self.choice, words),
            },
        }
    }
}

/// The problem with a measure as typed, checked as the user types: numbers, then min <= max.
pub fn measure_error(measure: &MeasureForm, words: &'static Text) -> Option<String> {
    match (typed_number(&measure.min), typed_number(&measure.max)) {
        (Ok(Some(min)), Ok(Some(max))) if min > max => Some(fill(
            words.min_above_max,
            &[("min", &min.to_string()), ("max", &max.to_string())],
        )),
        (Ok(_), Ok(_)) => None,
        (min, max) => {
            let which = [
                (min.is_err(), words.spec_min),
                (max.is_err(), words.spec_max),
            ]
            .into_iter()
            .filter(|(bad, _)| *bad)
            .map(|(_, name)| name)
            .collect::<Vec<_>>()
            .join(", ");
            Some(format!("{which}: {}", words.not_a_number))
        }
    }
}

/// The problem with a choice's options: none, an empty one, one twice, or a passing
/// choice that is not an option.
pub fn choice_error(choice: &ChoiceForm, words: &'static Text) -> Option<String> {
    if choice.options.is_empty() {
        return Some(words.no_options.to_owned());
    }
    if choice.options.iter().any(|o| o.text.trim().is_empty()) {
        return Some(words.option_empty.to_owned());
    }
    let texts: Vec<&str> = choice.options.iter().map(|o| o.text.trim()).collect();
    if let Some((_, twice)) = texts
        .iter()
        .enumerate()
        .find(|(n, text)| texts[..*n].contains(text))
    {
        return Some(fill(words.option_twice, &[("what", twice)]));
    }
    choice
        .stray
        .first()
        .map(|stray| fill(words.pass_not_option, &[("what", stray)]))
}

/// "You weigh the ball." makes the id `weigh-the-ball`: every prompt starts with "you".
fn id_words(prompt: &str) -> &str {
    let trimmed = prompt.trim_start();
    let first = trimmed
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let spoken_to = ["you", "je", "jij", "u"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w));
    if spoken_to && trimmed.len() > first.len() {
        &trimmed[first.len()..]
    } else {
        prompt
    }
}

impl ChecklistForm {
    /// The form for an existing checklist; its items get keys `0..`.
    pub fn of(checklist: &Checklist) -> Self {
        let items: Vec<ItemForm> = checklist
            .items
            .iter()
            .zip(0..)
            .map(|(item, key)| ItemForm::of(item, key))
            .collect();
        ChecklistForm {
            base: checklist.clone(),
            is_new: false,
            title: checklist.title.clone(),
            procedure: checklist.procedure.clone(),
            four_eyes: checklist.four_eyes,
            next_key: items.len() as u64,
            items,
        }
    }

    /// A new, empty draft: checked by a second person, as most checklists are.
    pub fn empty() -> Self {
        let mut form = ChecklistForm::of(&Checklist {
            id: String::new(),
            title: String::new(),
            procedure: None,
            four_eyes: true,
            revision: 1,
            status: Status::Draft,
            items: Vec::new(),
            changes: Vec::new(),
        });
        form.is_new = true;
        form
    }

    /// A new, empty item with a key of its own.
    pub fn new_item(&mut self) -> ItemForm {
        let key = self.next_key;
        self.next_key += 1;
        ItemForm {
            key,
            ..ItemForm::default()
        }
    }

    /// What is wrong with the typed values, field by field.
    pub fn errors(&self, words: &'static Text) -> FormErrors {
        FormErrors {
            title: self.title.trim().is_empty().then(|| {
                ChecklistWords::of(words.language())
                    .title_missing
                    .to_owned()
            }),
            items: self.items.iter().map(|item| item.errors(words)).collect(),
        }
    }

    /// The checklist to save, with ids given to new items (and to the checklist itself if
    /// new); `taken_checklist` and `taken_item` say which ids exist already, in any revision.
    pub fn to_checklist(
        &self,
        taken_checklist: impl Fn(&str) -> bool,
        taken_item: impl Fn(&str) -> bool,
    ) -> Option<Checklist> {
        let mut checklist = self.base.clone();
        if self.is_new {
            checklist.id = fresh_id(&self.title, "checklist", &taken_checklist);
        }
        checklist.title = self.title.trim().to_owned();
        checklist.procedure = self.procedure.clone();
        checklist.four_eyes = self.four_eyes;
        let mut items: Vec<Item> = Vec::with_capacity(self.items.len());
        for form in &self.items {
            let id = if form.id.is_empty() {
                fresh_id(id_words(&form.prompt), "item", |id| {
                    taken_item(id)
                        || items.iter().any(|i| i.id == id)
                        || self.items.iter().any(|i| i.id == id)
                })
            } else {
                form.id.clone()
            };
            items.push(Item {
                id,
                prompt: form.prompt.trim().to_owned(),
                kind: form.item_kind()?,
                step: form.step.clone(),
                critical: form.critical,
            });
        }
        checklist.items = items;
        Some(checklist)
    }

    /// After a save: this form now stands for `saved`, whose items are this form's items,
    /// in order, under `keys`. Items that were new keep the ids they were saved under.
    pub fn now_stands_for(&mut self, saved: &Checklist, keys: &[u64], next_key: u64) {
        self.base = saved.clone();
        self.is_new = false;
        self.next_key = self.next_key.max(next_key);
        for item in self.items.iter_mut().filter(|i| i.id.is_empty()) {
            if let Some(id) = keys
                .iter()
                .zip(&saved.items)
                .find(|(key, _)| **key == item.key)
                .map(|(_, saved)| saved.id.clone())
            {
                item.id = id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Number;

    fn words() -> &'static Text {
        crate::ui::text::Text::of(crate::ui::text::Language::En)
    }

    #[test]
    fn typed_items_become_a_checklist_with_readable_ids() {
        let mut form = ChecklistForm::empty();
        form.title = "Cone check".into();
        let mut weigh = form.new_item();
        weigh.prompt = "You weigh the ball.".into();
        weigh.kind = Kind::Measure;
        weigh.measure = MeasureForm {
            unit: "g".into(),
            min: "60".into(),
            max: "70,5".into(),
        };
        let mut again = form.new_item();
        again.prompt = "You weigh the ball again".into();
        again.id = String::new();
        let mut shape = form.new_item();
        shape.prompt = "Je kijkt naar de vorm".into();
        shape.kind = Kind::Choice;
        shape.choice.options = vec![
            OptionForm {
                text: " round ".into(),
                passes: true,
            },
            OptionForm {
                text: "flat".into(),
                passes: false,
            },
        ];
        form.items = vec![weigh, again, shape];
        let checklist = form
            .to_checklist(|_| false, |id| id == "weigh-the-ball-again")
            .unwrap();
        assert_eq!(checklist.id, "cone-check");
        let ids: Vec<&str> = checklist.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "weigh-the-ball",
                "weigh-the-ball-again-2",
                "kijkt-naar-de-vorm"
            ]
        );
        assert_eq!(
            checklist.items[0].kind,
            ItemKind::Measure {
                unit: "g".into(),
                min: Number::new(60.0),
                max: Number::new(70.5)
            }
        );
        assert_eq!(
            checklist.items[2].kind,
            ItemKind::Choice {
                options: vec!["round".into(), "flat".into()],
                pass: vec!["round".into()]
            }
        );
        assert_eq!(
            ChecklistForm::of(&checklist).to_checklist(|_| true, |_| true),
            Some(checklist)
        );
    }

    #[test]
    fn measure_and_choice_errors_are_found_while_typing() {
        let measure = |min: &str, max: &str| MeasureForm {
            unit: "g".into(),
            min: min.into(),
            max: max.into(),
        };
        assert_eq!(measure_error(&measure("60", "70"), words()), None);
        assert_eq!(measure_error(&measure("", "70"), words()), None);
        assert_eq!(
            measure_error(&measure("70", "60"), words()).unwrap(),
            "Min 70 is above max 60."
        );
        assert_eq!(
            measure_error(&measure("6o", "x"), words()).unwrap(),
            "Min, Max: not a number"
        );
        let option = |text: &str| OptionForm {
            text: text.into(),
            passes: false,
        };
        let choice = |options: Vec<OptionForm>, stray: Vec<String>| ChoiceForm { options, stray };
        assert!(choice_error(&choice(vec![], vec![]), words()).is_some());
        assert!(choice_error(&choice(vec![option("a"), option(" ")], vec![]), words()).is_some());
        assert!(
            choice_error(&choice(vec![option("a"), option("a ")], vec![]), words())
                .unwrap()
                .contains("\u{201c}a\u{201d}")
        );
        assert!(
            choice_error(&choice(vec![option("a")], vec!["b".into()]), words())
                .unwrap()
                .contains("\u{201c}b\u{201d}")
        );
        assert_eq!(
            choice_error(&choice(vec![option("a")], vec![]), words()),
            None
        );
    }

    #[test]
    fn a_passing_choice_that_is_not_an_option_is_kept_and_shown() {
        let item = Item {
            id: "shape".into(),
            prompt: "You look.".into(),
            kind: ItemKind::Choice {
                options: vec!["round".into()],
                pass: vec!["round".into(), "square".into()],
            },
            step: None,
            critical: false,
        };
        let form = ItemForm::of(&item, 0);
        assert_eq!(form.choice.stray, ["square"]);
        assert!(form.errors(words()).kind.is_some());
        assert_eq!(form.item_kind(), Some(item.kind));
    }
}
