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
    /// How CSV exports with these headers were read before, so next week's export imports
    /// with no questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub import_mappings: Vec<ImportMapping>,
}

/// The columns chosen for CSV files with exactly this header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportMapping {
    /// The file's first line, field by field, as written.
    pub header: Vec<String>,
    /// Which of its columns hold what.
    pub columns: Columns,
}

/// Which columns of a CSV export hold an order's parts, each named by its header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    /// The order number; rows with the same number are one order.
    pub id: String,
    /// The day the order was placed.
    pub placed: String,
    /// The customer: one column, or several joined with a space (first and last name).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub customer: Vec<String>,
    /// The product, or the line item's name: one column or several joined with a space.
    pub product: Vec<String>,
    /// How many of the line item; with it, the product reads `2 × White bread; 1 × Apple pie`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub quantity: Option<String>,
    /// Who made the orders: a column holding a staff name or id, or one person for the file.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub made_by: Option<Maker>,
    /// How `05-11-2026` reads; unset, as the workspace's language writes dates.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare"
    )]
    pub dates: Option<DateOrder>,
}

/// Who made the orders of an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Maker {
    /// This column names the maker, by full name or id (case and accents do not matter).
    Column(String),
    /// This person (a staff id) made every order of the file.
    Person(String),
}

/// Which comes first in a date like `05-11-2026`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateOrder {
    /// `05-11-2026` is 5 November, as Dutch is written.
    DayFirst,
    /// `05-11-2026` is 11 May, as American English is written.
    MonthFirst,
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
            import_mappings: Vec::new(),
        }
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.staff.iter().find(|person| person.id == id)
    }

    /// The columns remembered for CSV files with this header.
    pub fn mapping_for(&self, header: &[String]) -> Option<&Columns> {
        self.import_mappings
            .iter()
            .find(|mapping| mapping.header == header)
            .map(|mapping| &mapping.columns)
    }

    /// Remembers `columns` for files with this header, in place of what was remembered.
    pub fn remember_mapping(&mut self, header: Vec<String>, columns: Columns) {
        match self.import_mappings.iter_mut().find(|m| m.header == header) {
            Some(mapping) => mapping.columns = columns,
            None => self.import_mappings.push(ImportMapping { header, columns }),
        }
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
