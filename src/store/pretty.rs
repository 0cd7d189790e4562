//! Lays out RON the way a person would write it by hand: a value that fits on its line
//! stays on one line (`spec: (what: "ball weight", unit: "g", min: 60, max: 70)`), and one
//! that does not gets a line per field. FORMAT.md's examples are written this way.
//!
//! ron's own pretty printer breaks by depth only, so this re-lays ron's compact output.

use super::locate::{Kind, Token, tokenize};

/// The widest line a value is kept on: wide enough for a spec with its units on one line.
const WIDTH: usize = 120;
const INDENT: &str = "    ";

enum Node<'a> {
    Atom(String),
    Group {
        name: &'a str,
        open: u8,
        close: u8,
        entries: Vec<Entry<'a>>,
    },
}

struct Entry<'a> {
    /// A field's name, or a map entry's key as written.
    key: Option<String>,
    value: Node<'a>,
}

/// Re-lays ron's compact output `text`, dropping the struct names in `bare` where they
/// are a field's value, as FORMAT.md writes `spec: (...)`.
pub(crate) fn layout(text: &str, bare: &[&str]) -> String {
    let tokens = tokenize(text);
    let mut parser = Parser {
        text,
        tokens: &tokens,
        at: 0,
        bare,
    };
    let root = parser.value(false);
    let mut out = String::with_capacity(text.len() * 2);
    render(&root, 0, 0, true, &mut out);
    out
}

struct Parser<'t, 'a> {
    text: &'a str,
    tokens: &'t [Token<'a>],
    at: usize,
    bare: &'t [&'t str],
}

impl<'a> Parser<'_, 'a> {
    fn kind(&self, offset: usize) -> Option<Kind<'a>> {
        self.tokens.get(self.at + offset).map(|t| t.kind)
    }

    fn value(&mut self, is_field_value: bool) -> Node<'a> {
        let Some(token) = self.tokens.get(self.at).copied() else {
            return Node::Atom(String::new());
        };
        match token.kind {
            Kind::Ident(name) if self.kind(1) == Some(Kind::Punct(b'(')) => {
                self.at += 1;
                let name = if is_field_value && self.bare.contains(&name) {
                    ""
                } else {
                    name
                };
                self.group(name)
            }
            Kind::Punct(b'(' | b'[' | b'{') => self.group(""),
            Kind::Literal => {
                self.at += 1;
                Node::Atom(unescape_apostrophes(&self.text[token.start..token.end]))
            }
            _ => {
                self.at += 1;
                Node::Atom(self.text[token.start..token.end].to_owned())
            }
        }
    }

    /// At an opening bracket: its entries up to the matching close.
    fn group(&mut self, name: &'a str) -> Node<'a> {
        let open = match self.kind(0) {
            Some(Kind::Punct(open)) => open,
            _ => b'(',
        };
        let close = match open {
            b'[' => b']',
            b'{' => b'}',
            _ => b')',
        };
        self.at += 1;
        let mut entries = Vec::new();
        while self.at < self.tokens.len() && self.kind(0) != Some(Kind::Punct(close)) {
            let (key, is_field) = if open == b'{' {
                // A map's key is a value of its own: a string, a number, even a struct.
                let mut key = String::new();
                flat(&self.value(false), &mut key);
                if self.kind(0) == Some(Kind::Punct(b':')) {
                    self.at += 1;
                }
                (Some(key), false)
            } else {
                match (self.tokens[self.at].kind, self.kind(1)) {
                    (Kind::Ident(key), Some(Kind::Punct(b':'))) => {
                        self.at += 2;
                        (Some(key.to_owned()), true)
                    }
                    _ => (None, false),
                }
            };
            let value = self.value(is_field);
            entries.push(Entry { key, value });
            if self.kind(0) == Some(Kind::Punct(b',')) {
                self.at += 1;
            }
        }
        self.at += 1;
        Node::Group {
            name,
            open,
            close,
            entries,
        }
    }
}

/// The value on one line.
fn flat(node: &Node<'_>, out: &mut String) {
    match node {
        Node::Atom(text) => out.push_str(text),
        Node::Group {
            name,
            open,
            close,
            entries,
        } => {
            out.push_str(name);
            out.push(*open as char);
            for (n, entry) in entries.iter().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                if let Some(key) = &entry.key {
                    out.push_str(key);
                    out.push_str(": ");
                }
                flat(&entry.value, out);
            }
            out.push(*close as char);
        }
    }
}

/// Writes `node` starting at `column` of a line indented `depth` times.
fn render(node: &Node<'_>, depth: usize, column: usize, is_root: bool, out: &mut String) {
    let mut one_line = String::new();
    flat(node, &mut one_line);
    let fits = column + one_line.chars().count() < WIDTH; // leaves room for the trailing comma
    let Node::Group {
        name,
        open,
        close,
        entries,
    } = node
    else {
        out.push_str(&one_line);
        return;
    };
    // A list of several records reads, and diffs, best one record a line.
    let records = *open == b'['
        && entries.len() > 1
        && entries
            .iter()
            .all(|e| matches!(e.value, Node::Group { .. }));
    if entries.is_empty() || (fits && !is_root && !records) {
        out.push_str(&one_line);
        return;
    }
    out.push_str(name);
    out.push(*open as char);
    out.push('\n');
    for entry in entries {
        let indent = INDENT.repeat(depth + 1);
        out.push_str(&indent);
        let mut column = indent.len();
        if let Some(key) = &entry.key {
            out.push_str(key);
            out.push_str(": ");
            column += key.chars().count() + 2;
        }
        render(&entry.value, depth + 1, column, false, out);
        out.push_str(",\n");
    }
    out.push_str(&INDENT.repeat(depth));
    out.push(*close as char);
}

/// ron escapes `'` inside strings as `\'`, which RON does not need: "Add 'switch on bath'"
/// reads better to an owner.
fn unescape_apostrophes(literal: &str) -> String {
    if !literal.starts_with('"') {
        return literal.to_owned();
    }
    let mut out = String::with_capacity(literal.len());
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('\'') => out.push('\''),
                Some(next) => {
                    out.push(c);
                    out.push(next);
                }
                None => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_stay_on_one_line_and_long_ones_break() {
        let compact = r#"Step(id:"portion",text:"Scoop one ball and weigh it on the counter scale, then put it on the cone.",spec:Spec(what:"ball weight",unit:"g",target:65,min:60,max:70),warning:"Never press it\'s ice cream.")"#;
        let expected = r#"Step(
    id: "portion",
    text: "Scoop one ball and weigh it on the counter scale, then put it on the cone.",
    spec: (what: "ball weight", unit: "g", target: 65, min: 60, max: 70),
    warning: "Never press it's ice cream.",
)"#;
        assert_eq!(layout(compact, &["Spec"]), expected);
    }

    #[test]
    fn a_maps_keys_keep_their_colons() {
        let compact =
            r#"Config(people:{"/tmp/shop":"ellen","/srv/it\'s":"tom"},sizes:{1:Spec(a:1)})"#;
        assert_eq!(
            layout(compact, &["Spec"]),
            "Config(\n    people: {\"/tmp/shop\": \"ellen\", \"/srv/it's\": \"tom\"},\n    sizes: {1: Spec(a: 1)},\n)"
        );
    }

    #[test]
    fn names_inside_strings_and_lists_are_kept() {
        let compact = r#"Order(id:"Spec(",checks:[],list:[Spec(a:1)])"#;
        assert_eq!(
            layout(compact, &["Spec"]),
            "Order(\n    id: \"Spec(\",\n    checks: [],\n    list: [Spec(a: 1)],\n)"
        );
    }
}
