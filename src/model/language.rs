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

    /// The marks between whole and fraction, and between thousands: `.` and `,` in
    /// English, `,` and `.` in Dutch.
    pub fn marks(self) -> (char, char) {
        match self {
            Language::En => ('.', ','),
            Language::Nl => (',', '.'),
        }
    }

    /// `value` with `places` decimals and the language's mark: 0.29 or 0,29.
    pub fn decimal(self, value: f64, places: usize) -> String {
        self.marked(format!("{value:.places$}"))
    }

    /// `value` as short as it is exactly written: 1.5 or 1,5; 2 as 2.
    pub fn number(self, value: f64) -> String {
        self.marked(value.to_string())
    }

    /// A whole number with its thousands marked: 40,000 in English, 40.000 in Dutch.
    pub fn grouped(self, n: u64) -> String {
        let thousands = self.marks().1;
        let whole = n.to_string();
        let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push(thousands);
            }
            grouped.push(digit);
        }
        grouped
    }

    /// Cents as euros: 123456 is "€1,234.56" in English, "€ 1.234,56" in Dutch.
    pub fn euros(self, cents: u64) -> String {
        let decimal = self.marks().0;
        let sign = match self {
            Language::En => "€",
            Language::Nl => "€ ",
        };
        format!(
            "{sign}{}{decimal}{:02}",
            self.grouped(cents / 100),
            cents % 100
        )
    }

    fn marked(self, number: String) -> String {
        match self.marks().0 {
            '.' => number,
            mark => number.replace('.', &mark.to_string()),
        }
    }
}

/// The sentence for `count`: `one` when it is 1 ("1 contact"), else `many` ("{count}
/// contacts"), so no count reads "1 contacts" in either language.
pub fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}

/// "1 order", "27 orders": [`plural`]'s pick with `{count}` filled in.
pub fn counted(count: usize, one: &str, many: &str) -> String {
    fill(plural(count, one, many), &[("count", &count.to_string())])
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
mod number_tests {
    use super::Language::{En, Nl};
    use super::counted;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        let contacts = |n| counted(n, "1 contact", "{count} contacts");
        assert_eq!(contacts(0), "0 contacts");
        assert_eq!(contacts(1), "1 contact");
        assert_eq!(contacts(2), "2 contacts");
    }

    #[test]
    fn euros_group_thousands_as_each_language_writes_them() {
        assert_eq!(En.euros(0), "€0.00");
        assert_eq!(En.euros(5), "€0.05");
        assert_eq!(En.euros(123_456), "€1,234.56");
        assert_eq!(En.euros(100_000_000), "€1,000,000.00");
        assert_eq!(Nl.euros(123_456), "€ 1.234,56");
        assert_eq!(Nl.euros(5), "€ 0,05");
    }

    #[test]
    fn whole_numbers_group_thousands_as_each_language_writes_them() {
        assert_eq!(En.grouped(0), "0");
        assert_eq!(En.grouped(999), "999");
        assert_eq!(En.grouped(2_082), "2,082");
        assert_eq!(Nl.grouped(100_000), "100.000");
        assert_eq!(En.grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn numbers_take_the_languages_mark() {
        assert_eq!(En.decimal(61.0, 1), "61.0");
        assert_eq!(Nl.decimal(0.2195, 2), "0,22");
        assert_eq!(En.number(1.5), "1.5");
        assert_eq!(Nl.number(1.5), "1,5");
        assert_eq!(Nl.number(2.0), "2");
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
