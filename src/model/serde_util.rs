//! Serde helpers that keep written files in the bare, hand-editable form of FORMAT.md.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

/// Reads a list into an allocation exactly as long as it is. Serde grows a `Vec` from four
/// places up (nothing tells it the length in advance), so an order's one check held room
/// for four: on 100,000 orders a third of their memory. Lists that grow afterwards (a
/// check added in the window) grow as any `Vec` does.
pub fn exact<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    let mut list = Vec::<T>::deserialize(deserializer)?;
    list.shrink_to_fit();
    Ok(list)
}
