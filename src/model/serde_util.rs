//! Serde helpers that keep written files in the bare, hand-editable form of FORMAT.md.

use serde::{Serialize, Serializer};

/// Writes `Some(x)` as bare `x`; pair with `skip_serializing_if = "Option::is_none"`.
pub fn bare<T: Serialize, S: Serializer>(
    value: &Option<T>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(inner) => inner.serialize(serializer),
        None => serializer.serialize_none(),
    }
}

/// `skip_serializing_if` for plain bools that default to false.
pub fn is_false(value: &bool) -> bool {
    !*value
}
