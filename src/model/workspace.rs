//! `workspace.ron`: the business, its staff and its settings.

use serde::{Deserialize, Serialize};

use super::serde_util::bare;
use super::{Date, Language, Number};

/// The newest workspace format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// The business and its settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    /// The format the folder is written in; see [`FORMAT_VERSION`].
    pub format: u32,
    /// The business's name, as it appears on the manual's cover.
    pub name: String,
    /// UI and manual language: `"nl"` or `"en"`.
    #[serde(default = "english")]
    pub language: String,
    /// Everyone who makes, checks or approves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub staff: Vec<Person>,
    /// The categories a defect is filed under; Ishikawa's 6M unless the owner changed them.
    #[serde(default = "six_m")]
    pub defect_categories: Vec<String>,
    /// When a finding counts as a recurring cause.
    #[serde(default)]
    pub recurrence: Recurrence,
    /// Average customer contacts per order above which something went wrong.
    #[serde(default = "default_alarm")]
    pub contacts_per_order_alarm: Number,
}

/// Someone on the staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The id used in every other file.
    pub id: String,
    /// The full name, as it is printed and shown.
    pub name: String,
    /// What the person may do.
    pub role: Role,
    /// The day the person left: from then on they are no longer offered as maker, checker,
    /// action owner or in "Who are you?", but stay in every record that names them.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub left: Option<Date>,
    /// The person's PIN as an argon2id PHC string (see `model::pin`); never the PIN itself.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub pin: Option<String>,
}

/// Whether a person may approve procedures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// May approve procedures and checklists.
    Owner,
    /// Makes and checks, but does not approve.
    Staff,
}

/// A finding that repeats `count` times within `days` days is a recurring cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recurrence {
    /// How many findings make a pattern.
    pub count: u32,
    /// Within how many days.
    pub days: u32,
}

impl Default for Recurrence {
    fn default() -> Self {
        Recurrence { count: 3, days: 90 }
    }
}

fn english() -> String {
    "en".to_owned()
}

/// Ishikawa's six categories, as stored and in Dutch.
const SIX_M: [(&str, &str); 6] = [
    ("Method", "Methode"),
    ("Material", "Materiaal"),
    ("Machine", "Machine"),
    ("Man", "Mens"),
    ("Measurement", "Meting"),
    ("Environment", "Milieu"),
];

/// Ishikawa's six categories, the default list of defect categories.
pub fn six_m() -> Vec<String> {
    SIX_M.map(|(english, _)| english.to_owned()).to_vec()
}

/// A defect category as `language` names it: the six defaults are stored in English and
/// shown in Dutch in Dutch; a category the business wrote itself is shown as written.
pub fn category_name(category: &str, language: Language) -> &str {
    match language {
        Language::En => category,
        Language::Nl => SIX_M
            .iter()
            .find(|(english, _)| *english == category)
            .map_or(category, |(_, dutch)| dutch),
    }
}

fn default_alarm() -> Number {
    Number::new(1.5).unwrap_or_default()
}

impl Workspace {
    /// A new, empty business with the default settings.
    pub fn new(name: impl Into<String>) -> Self {
        Workspace {
            format: FORMAT_VERSION,
            name: name.into(),
            language: english(),
            staff: Vec::new(),
            defect_categories: six_m(),
            recurrence: Recurrence::default(),
            contacts_per_order_alarm: default_alarm(),
        }
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.staff.iter().find(|person| person.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::{Language, category_name, six_m};

    /// Issue 14: the six defaults read in Dutch in Dutch; what is stored stays English, and
    /// a category the business wrote itself is shown as written.
    #[test]
    fn the_six_default_categories_have_dutch_names() {
        let stored = six_m();
        let dutch: Vec<&str> = stored
            .iter()
            .map(|c| category_name(c, Language::Nl))
            .collect();
        assert_eq!(
            dutch,
            [
                "Methode",
                "Materiaal",
                "Machine",
                "Mens",
                "Meting",
                "Milieu"
            ]
        );
        assert_eq!(category_name("Measurement", Language::En), "Measurement");
        assert_eq!(category_name("Allergens", Language::Nl), "Allergens");
    }
}
