//! Reading and writing one record as RON text, exactly as FORMAT.md writes it.
//!
//! Pure functions of text: nothing here touches a file.

use ron::extensions::Extensions;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::locate::{Position, locate};
use super::pretty;
use crate::model::{FORMAT_VERSION, Field};

/// Struct names FORMAT.md leaves out where they are written as a field's value.
const BARE_STRUCTS: &[&str] = &["Spec", "RootCause", "Action", "Recurrence"];

/// Why a text is not a valid record, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{}: {message}", at.line, at.col)]
pub struct SyntaxError {
    /// Where the parser stopped.
    pub at: Position,
    /// What was expected, in plain words.
    pub message: String,
}

/// Parses one record, accepting `Some(x)` and bare `x` for optional fields.
///
/// A text in the form Right First writes is read by the quick reader
/// ([`super::canonical`]); any other, and every text with a mistake, by ron.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, SyntaxError> {
    match super::canonical::parse(text) {
        Some(record) => Ok(record),
        None => parse_with_ron(text),
    }
}

/// Parses one record with ron alone, as [`parse`] does when the quick reader gives up:
/// for holding the two to the same answer.
pub fn parse_with_ron<T: DeserializeOwned>(text: &str) -> Result<T, SyntaxError> {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|error| SyntaxError {
            at: Position {
                line: error.span.start.line,
                col: error.span.start.col,
            },
            message: plain_words(&error.code),
        })
}

/// Writes one record: laid out as by hand, with struct names, optional fields bare,
/// ending in a newline. The same record always gives the same bytes.
pub fn print<T: Serialize>(record: &T) -> String {
    let compact = ron::Options::default()
        .with_default_extension(Extensions::EXPLICIT_STRUCT_NAMES)
        .to_string(record)
        // Our records are plain structs, enums, strings and numbers: ron cannot refuse them.
        .unwrap_or_else(|error| panic!("a record could not be written as RON: {error}"));
    let mut text = pretty::layout(&compact, BARE_STRUCTS);
    text.push('\n');
    text
}

/// When `workspace.ron` is written by a newer build: the error that says so, at its `format`.
pub fn newer_format(text: &str) -> Option<SyntaxError> {
    #[derive(serde::Deserialize)]
    #[serde(rename = "Workspace")]
    struct Probe {
        format: u64,
    }
    let probe: Probe = parse(text).ok()?;
    (probe.format > u64::from(FORMAT_VERSION)).then(|| SyntaxError {
        at: locate(text, &Field::at("format")),
        message: format!(
            "written by a newer Right First (format {}); this build reads format {FORMAT_VERSION}",
            probe.format
        ),
    })
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// ron's messages, reworded for an owner editing the file by hand.
fn plain_words(error: &ron::Error) -> String {
    use ron::Error as E;
    let within = |outer: &Option<String>| {
        outer
            .as_ref()
            .map(|o| format!(" in `{o}`"))
            .unwrap_or_default()
    };
    match error {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            format!(
                "unknown field `{found}`{}; expected one of {}",
                within(outer),
                quoted(expected)
            )
        }
        E::MissingStructField { field, outer } => {
            format!("missing field `{field}`{}", within(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!("field `{field}` is written twice{}", within(outer))
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "unknown value `{found}`{}; expected one of {}",
            within(outer),
            quoted(expected)
        ),
        E::ExpectedDifferentStructName { expected, found } => {
            format!("expected `{expected}(...)` here, found `{found}(...)`")
        }
        E::ExpectedNamedStructLike(name) if !name.is_empty() => {
            format!("expected `{name}(` or `(` here")
        }
        E::InvalidValueForType { expected, found } => format!("expected {expected}, found {found}"),
        E::ExceededRecursionLimit => {
            "brackets are nested too deeply; no Right First record nests like this".to_owned()
        }
        E::IntegerOutOfBounds => "this number is out of range for its field (too large, or below zero where only whole counts fit)".to_owned(),
        E::Eof => "the file ends too early; a closing bracket or quote may be missing".to_owned(),
        E::ExpectedComma => "expected a comma between two values".to_owned(),
        E::TrailingCharacters => "unexpected text after the end of the record".to_owned(),
        E::ExpectedStringEnd => "a string is not closed: a `\"` is missing".to_owned(),
        E::Utf8Error(_) => "the file is not UTF-8 text".to_owned(),
        E::Message(message) => message.clone(),
        other => {
            let message = other.to_string();
            let mut chars = message.chars();
            chars
                .next()
                .map(|first| first.to_lowercase().chain(chars).collect())
                .unwrap_or(message)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Procedure, Workspace};

    #[test]
    fn unknown_fields_name_the_expected_ones() {
        let error = parse::<Workspace>("Workspace(format: 1, naam: \"x\")").unwrap_err();
        assert_eq!(error.at, Position { line: 1, col: 22 });
        assert!(
            error.message.starts_with(
                "unknown field `naam` in `Workspace`; expected one of `format`, `name`"
            ),
            "{}",
            error.message
        );
    }

    #[test]
    fn newer_format_points_at_the_number() {
        let error = newer_format("Workspace(\n    format: 9,\n    name: \"x\",\n)").unwrap();
        assert_eq!(
            error.to_string(),
            "2:13: written by a newer Right First (format 9); this build reads format 1"
        );
        assert!(newer_format("Workspace(format: 1, name: \"x\")").is_none());
    }

    #[test]
    fn writes_the_bare_form() {
        let text = "Procedure(id: \"p\", title: \"T\", owner: \"anna\", revision: 1, status: Draft,\
            steps: [Step(id: \"s\", text: \"Weigh\", spec: Some((what: \"ball\", unit: \"g\", target: 65, min: 60.5)))])";
        let procedure: Procedure = parse(text).unwrap();
        let written = print(&procedure);
        assert!(
            written.contains("spec: (what: \"ball\", unit: \"g\", target: 65, min: 60.5)"),
            "{written}"
        );
        assert!(!written.contains("Some"), "{written}");
        assert_eq!(parse::<Procedure>(&written).unwrap(), procedure);
        assert_eq!(print(&procedure), written);
    }

    #[test]
    fn apostrophes_stay_plain_and_escapes_survive() {
        let mut procedure: Procedure =
            parse("Procedure(id: \"p\", title: \"T\", owner: \"a\", revision: 1, status: Draft)")
                .unwrap();
        procedure.title = "Bell's \"best\" \\' scoop\n°".to_owned();
        let written = print(&procedure);
        assert!(
            written.contains(r#"title: "Bell's \"best\" \\' scoop\n°","#),
            "{written}"
        );
        assert_eq!(parse::<Procedure>(&written).unwrap(), procedure);
    }
}
