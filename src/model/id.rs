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
    id_problem(id, kind).map_err(|problem| problem.to_string())
}

/// Why an id cannot be used, as data, for a window that says it in its own language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    /// The id is empty.
    Empty,
    /// The id is longer than [`MAX_ID_LEN`] bytes; `chars` is its length in characters.
    TooLong { chars: usize },
    /// The id holds `bad`, which `kind` ids may not.
    Character { id: String, bad: char, kind: IdKind },
}

impl IdKind {
    /// The characters this kind of id may use, as a message lists them.
    pub fn alphabet(self) -> &'static str {
        match self {
            IdKind::Plain => "a-z, 0-9 and -",
            IdKind::Order => "a-z, A-Z, 0-9, - and _",
        }
    }
}

impl std::fmt::Display for IdProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IdProblem::Empty => f.write_str("the id is empty"),
            IdProblem::TooLong { chars } => write!(
                f,
                "the id is {chars} characters long; at most {MAX_ID_LEN} are allowed"
            ),
            IdProblem::Character { id, bad, kind } => write!(
                f,
                "id \"{id}\" contains {bad:?}; an id may only use {}, because it becomes a file name",
                kind.alphabet()
            ),
        }
    }
}

/// `Ok` when `id` is 1-64 allowed characters; otherwise why not.
pub fn id_problem(id: &str, kind: IdKind) -> Result<(), IdProblem> {
    if id.is_empty() {
        return Err(IdProblem::Empty);
    }
    if id.len() > MAX_ID_LEN {
        return Err(IdProblem::TooLong {
            chars: id.chars().count(),
        });
    }
    let allowed = |c: char| match kind {
        IdKind::Plain => c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-',
        IdKind::Order => c.is_ascii_alphanumeric() || c == '-' || c == '_',
    };
    match id.chars().find(|&c| !allowed(c)) {
        Some(bad) => Err(IdProblem::Character {
            id: id.to_owned(),
            bad,
            kind,
        }),
        None => Ok(()),
    }
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
