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

#[cfg(test)]
mod tests {
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
