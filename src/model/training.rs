//! `training/<person-id>.ron`: which procedure revisions a person has read and signed.

use serde::{Deserialize, Serialize};

use super::Date;

/// A person's signatures under procedures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Training {
    /// The person, equal to the file stem.
    pub person: String,
    /// Every revision they signed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signed: Vec<Signed>,
}

/// "I have read and will follow this revision."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signed {
    /// The procedure.
    pub procedure: String,
    /// The revision read.
    pub revision: u32,
    /// The day it was signed.
    pub on: Date,
}

impl Training {
    /// Whether the person signed this revision of this procedure.
    pub fn has_signed(&self, procedure: &str, revision: u32) -> bool {
        self.signed
            .iter()
            .any(|signed| signed.procedure == procedure && signed.revision == revision)
    }
}
