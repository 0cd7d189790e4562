//! Words that a workspace's orders repeat by the thousand, held once.
//!
//! A product, the person who made or checked an order, a checklist, an item, a chosen
//! option: a shop has a few dozen of each, and five years of orders name them a million
//! times. Read from a file, each is shared with every copy of it read before on the same
//! thread, so 100,000 orders hold a few hundred of these words instead of a million small
//! strings. On disk and to every reader it is just the text.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use rustc_hash::FxBuildHasher;
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A word of a workspace's small vocabulary, shared between the records that name it.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Name(Arc<str>);

/// The most words a thread keeps to share: past it the table starts over, so a file
/// full of unusual words costs a little sharing, never unbounded memory.
const MOST: usize = 4_096;

thread_local! {
    static WORDS: RefCell<HashSet<Arc<str>, FxBuildHasher>> =
        RefCell::new(HashSet::default());
}

impl Name {
    /// This word, shared with every copy of it read before on this thread.
    pub fn shared(word: &str) -> Name {
        WORDS.with_borrow_mut(|words| {
            if let Some(held) = words.get(word) {
                return Name(Arc::clone(held));
            }
            if words.len() >= MOST {
                words.clear();
            }
            let held: Arc<str> = Arc::from(word);
            words.insert(Arc::clone(&held));
            Name(held)
        })
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Name {
    fn from(word: &str) -> Name {
        Name(Arc::from(word))
    }
}

impl From<&String> for Name {
    fn from(word: &String) -> Name {
        Name(Arc::from(word.as_str()))
    }
}

impl From<String> for Name {
    fn from(word: String) -> Name {
        Name(Arc::from(word))
    }
}

impl From<&Name> for Name {
    fn from(word: &Name) -> Name {
        word.clone()
    }
}

impl From<Name> for String {
    fn from(word: Name) -> String {
        word.0.as_ref().to_owned()
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        self.as_str() == &*other.0
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Name, D::Error> {
        struct Word;
        impl de::Visitor<'_> for Word {
            type Value = Name;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: de::Error>(self, word: &str) -> Result<Name, E> {
                Ok(Name::shared(word))
            }
        }
        deserializer.deserialize_str(Word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two reads of one word share one text; the text and its RON are the string's.
    #[test]
    fn a_word_read_twice_is_held_once_and_written_as_text() {
        let first: Name = ron::from_str("\"milkshake-check\"").unwrap();
        let second: Name = ron::from_str("\"milkshake-check\"").unwrap();
        assert!(Arc::ptr_eq(&first.0, &second.0));
        assert_eq!(first, "milkshake-check");
        assert_eq!(ron::to_string(&first).unwrap(), "\"milkshake-check\"");
        let other: Name = ron::from_str("\"cone-check\"").unwrap();
        assert!(!Arc::ptr_eq(&first.0, &other.0));
    }
}
