//! Serde helpers that keep written files in the bare, hand-editable form of FORMAT.md.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{SeqAccess, Visitor};
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
/// for four: on 100,000 orders a third of their memory. The first [`GATHERED`] items are
/// gathered on the stack, so a short list (nearly every list of an order) is allocated
/// once at its length: growing it and giving back the room left took 3% of a cold
/// `check`. Lists that grow afterwards (a check added in the window) grow as any `Vec`
/// does.
pub fn exact<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    deserializer.deserialize_seq(Exact(PhantomData))
}

/// How many items of a list [`exact`] gathers before it allocates.
const GATHERED: usize = 8;

struct Exact<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Exact<T> {
    type Value = Vec<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut first: [Option<T>; GATHERED] = [const { None }; GATHERED];
        for (count, slot) in first.iter_mut().enumerate() {
            match seq.next_element()? {
                Some(item) => *slot = Some(item),
                None => {
                    let mut list = Vec::with_capacity(count);
                    list.extend(first.into_iter().flatten());
                    return Ok(list);
                }
            }
        }
        let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(0).max(2 * GATHERED));
        list.extend(first.into_iter().flatten());
        while let Some(item) = seq.next_element()? {
            list.push(item);
        }
        list.shrink_to_fit();
        Ok(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Lists {
        #[serde(deserialize_with = "exact")]
        items: Vec<String>,
    }

    /// Every list comes back whole and in order, in room exactly as long as it is, either
    /// side of the items gathered on the stack.
    #[test]
    fn lists_come_whole_in_room_of_their_length() {
        for len in [
            0,
            1,
            3,
            GATHERED - 1,
            GATHERED,
            GATHERED + 1,
            3 * GATHERED + 5,
        ] {
            let items: Vec<String> = (0..len).map(|n| format!("item {n}")).collect();
            let text = format!("(items: {items:?})");
            let lists: Lists = ron::from_str(&text).unwrap();
            assert_eq!(lists.items, items);
            assert_eq!(lists.items.capacity(), len, "{len} items");
        }
    }

    /// A bad item in the list is the list's error, whichever side of the stack's room.
    #[test]
    fn a_bad_item_is_an_error() {
        for at in [0, GATHERED - 1, GATHERED + 2] {
            let mut items: Vec<String> = (0..GATHERED + 4).map(|n| format!("{n:?}")).collect();
            items[at] = "7".to_owned();
            let text = format!("(items: [{}])", items.join(", "));
            assert!(ron::from_str::<Lists>(&text).is_err(), "{text}");
        }
    }
}
