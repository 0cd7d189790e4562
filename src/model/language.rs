//! The languages a workspace, its window and its manual speak.

/// English or Dutch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Nederlands.
    Nl,
}

impl Language {
    /// From a workspace's or config's `"en"` / `"nl"`.
    pub fn from_code(code: &str) -> Option<Language> {
        match code {
            "en" => Some(Language::En),
            "nl" => Some(Language::Nl),
            _ => None,
        }
    }

    /// `"en"` or `"nl"`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Nl => "nl",
        }
    }
}

/// Fills the `{name}` placeholders of a sentence in either language.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Whether `haystack`, lowercased, contains `needle` (already lowercase).
///
/// Every search field asks this; without lowercasing a copy where both are ASCII, as ids
/// and most names are, since the orders list asks it of 100,000 orders on every key.
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    if haystack.is_ascii() && needle.is_ascii() {
        let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
        needle.len() <= haystack.len()
            && haystack
                .windows(needle.len())
                .any(|window| window.eq_ignore_ascii_case(needle))
    } else {
        haystack.to_lowercase().contains(needle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_search_ignores_case_in_ascii_and_beyond() {
        assert!(contains_folded("Cone, 2 balls", ""));
        assert!(contains_folded("", ""));
        assert!(!contains_folded("", "a"));
        assert!(contains_folded("2026-11-0062", "0062"));
        assert!(contains_folded("Scoop ICE cream", "ice c"));
        assert!(!contains_folded("Cone", "cones"));
        assert!(contains_folded("Café ZOË", "zoë"));
        assert!(contains_folded("ÉCLAIR", "éclair"));
        assert!(!contains_folded("Zoe", "zoë"));
    }
}
