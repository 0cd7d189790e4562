//! Ids become file names, so they are checked before anything is written under them.

/// Which alphabet an id may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// `a-z 0-9 -`: people, procedures, checklists, steps, items, defects.
    Plain,
    /// Order ids also allow `A-Z` and `_`, as tills and webshops number them.
    Order,
}

/// The longest id allowed.
pub const MAX_ID_LEN: usize = 64;

/// `Ok` when `id` is 1-64 allowed characters; otherwise why not, in plain words.
pub fn check_id(id: &str, kind: IdKind) -> Result<(), String> {
    if id.is_empty() {
        return Err("the id is empty".to_owned());
    }
    if id.len() > MAX_ID_LEN {
        return Err(format!(
            "the id is {} characters long; at most {MAX_ID_LEN} are allowed",
            id.chars().count()
        ));
    }
    let allowed = |c: char| match kind {
        IdKind::Plain => c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-',
        IdKind::Order => c.is_ascii_alphanumeric() || c == '-' || c == '_',
    };
    if let Some(bad) = id.chars().find(|&c| !allowed(c)) {
        let alphabet = match kind {
            IdKind::Plain => "a-z, 0-9 and -",
            IdKind::Order => "a-z, A-Z, 0-9, - and _",
        };
        return Err(format!(
            "id \"{id}\" contains {bad:?}; an id may only use {alphabet}, because it becomes a file name"
        ));
    }
    Ok(())
}

/// A readable id made from `text` ("Check the water bath" -> "check-the-water-bath"),
/// unique among `taken`, so hand-edited files and `git diff` stay readable.
pub fn fresh_id(text: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut slug = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
    {
        let word: String = word.chars().filter_map(ascii_letter).collect();
        if word.is_empty() {
            continue;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    slug.truncate(40);
    let slug = slug.trim_matches('-');
    let base = if slug.is_empty() { fallback } else { slug };
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

/// The id letter for `c`: lowercase ASCII, with Dutch and French accents dropped.
fn ascii_letter(c: char) -> Option<char> {
    let c = c.to_lowercase().next()?;
    let plain = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ĳ' => 'y',
        c if c.is_ascii_lowercase() || c.is_ascii_digit() => c,
        _ => return None,
    };
    Some(plain)
}

#[cfg(test)]
mod tests {
    #[test]
    fn fresh_ids_read_like_their_text() {
        assert_eq!(
            fresh_id("Check the water bath!", "step", |_| false),
            "check-the-water-bath"
        );
        assert_eq!(
            fresh_id("Één bolletje scheppen", "step", |_| false),
            "een-bolletje-scheppen"
        );
        assert_eq!(fresh_id("", "step", |_| false), "step");
        assert_eq!(
            fresh_id("Weigh", "step", |id| id == "weigh" || id == "weigh-2"),
            "weigh-3"
        );
        assert!(check_id(&fresh_id(&"x".repeat(200), "s", |_| false), IdKind::Plain).is_ok());
    }

    use super::*;

    #[test]
    fn ids_that_could_escape_the_folder_are_refused() {
        for bad in ["../x", "a/b", "a.b", "", "A", "x y", &"a".repeat(65)] {
            assert!(check_id(bad, IdKind::Plain).is_err(), "{bad:?}");
        }
        assert!(check_id("scoop-ice-cream", IdKind::Plain).is_ok());
        assert!(check_id("2026-11-0417_B", IdKind::Order).is_ok());
        assert!(check_id("2026/11", IdKind::Order).is_err());
    }
}
