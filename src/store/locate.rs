//! Finds where a field sits in a RON text, so a rule broken by a value can name its line.
//!
//! Serde forgets positions once a record is parsed; validation reports a
//! [`Field`] path instead, and this walks the text's tokens to that path.

use crate::model::{Field, Segment};

/// A line and column, both counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub col: usize,
}

/// The line and column of a byte offset in `text`.
/// An offset inside a character counts as that character's start.
pub fn position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    Position {
        line: before.matches('\n').count() + 1,
        col: before[line_start..].chars().count() + 1,
    }
}

/// Where `field` is written in `text`; where it is not written, its nearest written parent.
pub fn locate(text: &str, field: &Field) -> Position {
    let tokens = tokenize(text);
    let start = skip_attributes(&tokens);
    let offset = walk(&tokens, start, &field.0).map_or(0, |i| tokens[i].start);
    position(text, offset)
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind<'a> {
    /// A field, struct, variant or other bare name.
    Ident(&'a str),
    /// One of `()[]{},:#!`.
    Punct(u8),
    /// A string, character or number, whole.
    Literal,
}

/// A token and the bytes it spans.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
    /// What it is.
    pub kind: Kind<'a>,
    /// Its first byte.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// Splits RON into identifiers, punctuation and literals, skipping comments.
/// Anything it does not understand becomes a one-byte literal, so it never fails.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        // Every token starts on a character: `i` only ever steps over whole ones.
        let c = text.get(i..).and_then(|rest| rest.chars().next());
        if let Some(c) = c
            && is_ron_whitespace(c)
        {
            i += c.len_utf8();
            continue;
        }
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = memchr(bytes, i, b'\n');
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = skip_block_comment(bytes, i);
                continue;
            }
            b'"' => i = skip_quoted(bytes, i, b'"'),
            b'\'' => i = skip_quoted(bytes, i, b'\''),
            b'r' if raw_string_starts(bytes, i + 1) => i = skip_raw_string(bytes, i + 1),
            b'b' if bytes.get(i + 1) == Some(&b'"') => i = skip_quoted(bytes, i + 1, b'"'),
            b'b' if bytes.get(i + 1) == Some(&b'r') && raw_string_starts(bytes, i + 2) => {
                i = skip_raw_string(bytes, i + 2)
            }
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b':' | b'#' | b'!' => {
                tokens.push(Token {
                    kind: Kind::Punct(b),
                    start,
                    end: i + 1,
                });
                i += 1;
                continue;
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                // `r#name` raw identifiers name the same field as `name`.
                let name = &text[start..i];
                let name = if name == "r" && bytes.get(i) == Some(&b'#') {
                    let ident_start = i + 1;
                    i = ident_start;
                    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_')
                    {
                        i += 1;
                    }
                    &text[ident_start..i]
                } else {
                    name
                };
                tokens.push(Token {
                    kind: Kind::Ident(name),
                    start,
                    end: i,
                });
                continue;
            }
            _ => {
                i += c.map_or(1, char::len_utf8);
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric()
                        || matches!(bytes[i], b'.' | b'_' | b'+' | b'-'))
                {
                    i += 1;
                }
            }
        }
        i = i.min(bytes.len());
        tokens.push(Token {
            kind: Kind::Literal,
            start,
            end: i,
        });
    }
    tokens
}

/// What ron skips as whitespace: besides the usual, vertical tab, form feed, next line,
/// the invisible left-to-right and right-to-left marks, and the line and paragraph separators.
fn is_ron_whitespace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\x0B'
            | '\x0C'
            | '\u{85}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Whether `#`s then `"` start at `i`: a raw string, not a raw identifier like `r#type`.
fn raw_string_starts(bytes: &[u8], i: usize) -> bool {
    let hashes = bytes[i.min(bytes.len())..]
        .iter()
        .take_while(|&&b| b == b'#')
        .count();
    bytes.get(i + hashes) == Some(&b'"')
}

fn memchr(bytes: &[u8], from: usize, needle: u8) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == needle)
        .map_or(bytes.len(), |n| from + n)
}

fn skip_block_comment(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < bytes.len() {
        if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

fn skip_quoted(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    i += 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// `i` is at the `#`s or the `"` after `r`.
fn skip_raw_string(bytes: &[u8], mut i: usize) -> usize {
    let hashes = bytes[i..].iter().take_while(|&&b| b == b'#').count();
    i += hashes;
    if bytes.get(i) != Some(&b'"') {
        return i;
    }
    i += 1;
    while i < bytes.len() {
        if bytes[i] == b'"'
            && bytes[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&b| b == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    i
}

/// Skips `#![enable(...)]` lines before the value.
fn skip_attributes(tokens: &[Token<'_>]) -> usize {
    let mut i = 0;
    while tokens.get(i).map(|t| t.kind) == Some(Kind::Punct(b'#')) {
        match matching_close(tokens, i + 2) {
            Some(close) if tokens.get(i + 2).map(|t| t.kind) == Some(Kind::Punct(b'[')) => {
                i = close + 1
            }
            _ => return i,
        }
    }
    i
}

/// The index of the bracket closing the one at `open`.
fn matching_close(tokens: &[Token<'_>], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (n, token) in tokens.iter().enumerate().skip(open) {
        match token.kind {
            Kind::Punct(b'(' | b'[' | b'{') => depth += 1,
            Kind::Punct(b')' | b']' | b'}') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(n);
                }
            }
            _ => {}
        }
    }
    None
}

/// The index of the first token after the value that starts at `i`.
fn skip_value(tokens: &[Token<'_>], mut i: usize) -> usize {
    if matches!(tokens.get(i).map(|t| t.kind), Some(Kind::Ident(_))) {
        i += 1;
    }
    match tokens.get(i).map(|t| t.kind) {
        Some(Kind::Punct(b'(' | b'[' | b'{')) => {
            matching_close(tokens, i).map_or(tokens.len(), |n| n + 1)
        }
        Some(Kind::Ident(_) | Kind::Punct(_)) => i,
        Some(Kind::Literal) => i + 1,
        None => i,
    }
}

/// The token index where `path` starts, from the value at `i`; the deepest written part of it.
fn walk(tokens: &[Token<'_>], i: usize, path: &[Segment]) -> Option<usize> {
    tokens.get(i)?;
    let Some((segment, rest)) = path.split_first() else {
        return Some(i);
    };
    let mut open = i;
    // `Some(x)` around an optional value: look inside.
    if let Some(Kind::Ident(name)) = tokens.get(open).map(|t| t.kind) {
        open += 1;
        if name == "Some" && tokens.get(open).map(|t| t.kind) == Some(Kind::Punct(b'(')) {
            return walk(tokens, open + 1, path).or(Some(i));
        }
    }
    let close = matching_close(tokens, open);
    let mut j = open + 1;
    let mut index = 0usize;
    while j < close.unwrap_or(tokens.len()) {
        match (segment, tokens[j].kind, tokens.get(j + 1).map(|t| t.kind)) {
            (Segment::Name(wanted), Kind::Ident(name), Some(Kind::Punct(b':')))
                if name == *wanted =>
            {
                return walk(tokens, j + 2, rest).or(Some(j));
            }
            (Segment::Index(wanted), _, _)
                if index == *wanted && tokens[j].kind != Kind::Punct(b',') =>
            {
                return walk(tokens, j, rest).or(Some(j));
            }
            _ => {}
        }
        // Past this entry: a `name:` prefix, then the value, then a comma.
        let entry = j;
        if matches!(tokens[j].kind, Kind::Ident(_))
            && tokens.get(j + 1).map(|t| t.kind) == Some(Kind::Punct(b':'))
        {
            j += 2;
        }
        j = skip_value(tokens, j);
        if j == entry {
            // A stray `:` or `)` that no value starts with: step over it, or this never ends.
            j += 1;
        }
        if tokens.get(j).map(|t| t.kind) == Some(Kind::Punct(b',')) {
            j += 1;
        }
        index += 1;
        if j <= open {
            break;
        }
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r##"// a comment with steps: [
Procedure(
    id: "x", /* block ( */
    title: "a \" ( tricky",
    steps: [
        Step(id: "a", text: "one"),
        Step(
            id: "b",
            text: r#"two ("#,
            spec: Some((min: 3, max: 1)),
        ),
    ],
)
"##;

    #[test]
    fn finds_nested_fields() {
        let at = |field: Field| {
            let p = locate(TEXT, &field);
            (p.line, p.col)
        };
        assert_eq!(at(Field::at("title")), (4, 12));
        assert_eq!(at(Field::at("steps").index(0).name("id")), (6, 18));
        assert_eq!(at(Field::at("steps").index(1).name("id")), (8, 17));
        assert_eq!(
            at(Field::at("steps").index(1).name("spec").name("max")),
            (10, 38)
        );
        // Not written: the nearest parent that is.
        assert_eq!(at(Field::at("steps").index(1).name("warning")), (7, 9));
        assert_eq!(at(Field::at("changes")), (2, 1));
    }

    #[test]
    fn whitespace_ron_skips_is_skipped_here_too() {
        // An invisible left-to-right mark between a name and its colon, as pasted text
        // brings along: ron reads it, and this used to loop forever looking for `title`.
        let text = "Procedure(id\u{200E}: \"x\", title: \"T\")";
        assert_eq!(
            locate(text, &Field::at("title")),
            Position { line: 1, col: 28 }
        );
        // A line separator between list entries: entry 2 used to start inside it, and
        // its position cut the text inside a character and panicked.
        let text = "Workspace(defect_categories: [\"a\",\u{2028}\"b\", \"\"])";
        let at = locate(text, &Field::at("defect_categories").index(2));
        assert_eq!(at, Position { line: 1, col: 41 });
    }

    #[test]
    fn text_that_is_not_ron_still_ends_with_a_position() {
        for text in [
            "(: x)",
            "Workspace(\u{e9}: 1, format: 9)",
            "(a: 1 ) ) :",
            "[,,:]",
        ] {
            let at = locate(text, &Field::at("format").index(3).name("x"));
            assert!(at.line == 1 && at.col >= 1 && at.col <= text.chars().count() + 1);
        }
    }

    #[test]
    fn positions_inside_a_character_are_its_start() {
        let text = "a\u{2028}b";
        assert_eq!(position(text, 2), Position { line: 1, col: 2 });
        assert_eq!(position(text, 4), Position { line: 1, col: 3 });
        assert_eq!(position(text, 99), Position { line: 1, col: 4 });
    }
}
