//! Measurable standards as people write them in a step: `60–70 g`, `between 60 and 70 g`,
//! `tussen 60 en 70 g`, `215 to 225 °C`, `max 4 °C`, `at least 75 °C`, `minimaal 75 °C`,
//! `65 g (60-70 g)`, with a decimal point or comma. The words before one become its `what`.

use crate::model::{Number, Spec};

/// A standard found in a step's text: the spec, and the words it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Standard {
    /// What it says: `what`, `unit` and the bounds.
    pub spec: Spec,
    /// The text the numbers were read from ("60–70 g"), for the preview.
    pub found: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    /// A word, lower case; `°C` and `%` are words too.
    Word(String),
    Dash,
    Open,
    Close,
    AtMost,
    AtLeast,
    Other,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    start: usize,
    end: usize,
}

/// Units a bare range needs after it ("60-70 g"), so dates and "steps 3-4" stay text.
const UNITS: [&str; 52] = [
    "g", "gr", "gram", "grams", "kg", "mg", "ml", "cl", "dl", "l", "liter", "litre", "liters",
    "litres", "°c", "°f", "%", "s", "sec", "secs", "second", "seconds", "seconde", "seconden",
    "min", "mins", "minute", "minutes", "minuut", "minuten", "h", "hr", "hrs", "hour", "hours",
    "uur", "mm", "cm", "m", "bar", "ppm", "kcal", "pcs", "pieces", "stuks", "stuk", "degrees",
    "graden", "days", "dagen", "rpm", "ph",
];

const AT_MOST: [&[&str]; 12] = [
    &["max"],
    &["maximum"],
    &["maximaal"],
    &["at", "most"],
    &["hoogstens"],
    &["no", "more", "than"],
    &["not", "more", "than"],
    &["niet", "meer", "dan"],
    &["below"],
    &["under"],
    &["onder"],
    &["beneden"],
];

const AT_LEAST: [&[&str]; 11] = [
    &["min"],
    &["minimum"],
    &["minimaal"],
    &["at", "least"],
    &["ten", "minste"],
    &["tenminste"],
    &["no", "less", "than"],
    &["not", "less", "than"],
    &["niet", "minder", "dan"],
    &["above"],
    &["boven"],
];

/// Words left off the end of a `what`: "Cool the soup to" reads better as "Cool the soup".
const TRAILING: [&str; 24] = [
    "at", "to", "is", "be", "of", "from", "for", "on", "in", "with", "should", "must", "and", "op",
    "tot", "naar", "bij", "van", "moet", "zijn", "met", "en", "within", "binnen",
];

fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |(at, _)| *at);
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        let next = chars.get(i + 1).map(|(_, c)| *c);
        let after_number = matches!(
            out.last(),
            Some(Token {
                tok: Tok::Num(_),
                ..
            })
        ) || matches!(out.last(), Some(Token { tok: Tok::Word(w), .. }) if UNITS.contains(&w.as_str()));
        let (tok, len) = if c.is_whitespace() {
            i += 1;
            continue;
        } else if c.is_ascii_digit()
            || (matches!(c, '-' | '−') && next.is_some_and(|n| n.is_ascii_digit()) && !after_number)
        {
            number(&chars, i)
        } else if matches!(c, '°' | 'º') {
            degrees(&chars, i)
        } else if c.is_alphabetic() {
            let mut j = i;
            while chars.get(j).is_some_and(|(_, c)| c.is_alphabetic()) {
                j += 1;
            }
            let word = text[start..end_of(j)].to_lowercase();
            // "max. 4 °C": the abbreviation's point belongs to the word.
            if matches!(word.as_str(), "max" | "min")
                && chars.get(j).is_some_and(|(_, c)| *c == '.')
            {
                j += 1;
            }
            (Tok::Word(word), j - i)
        } else {
            let tok = match c {
                '-' | '–' | '—' => Tok::Dash,
                '(' => Tok::Open,
                ')' => Tok::Close,
                '%' => Tok::Word("%".into()),
                '≤' => Tok::AtMost,
                '≥' => Tok::AtLeast,
                '<' | '>' => {
                    let len = if next == Some('=') { 2 } else { 1 };
                    let tok = if c == '<' { Tok::AtMost } else { Tok::AtLeast };
                    out.push(Token {
                        tok,
                        start,
                        end: end_of(i + len),
                    });
                    i += len;
                    continue;
                }
                _ => Tok::Other,
            };
            (tok, 1)
        };
        out.push(Token {
            tok,
            start,
            end: end_of(i + len),
        });
        i += len;
    }
    out
}

/// A number from `i`: digits, a sign, and a decimal point or comma followed by digits.
fn number(chars: &[(usize, char)], i: usize) -> (Tok, usize) {
    let mut j = i;
    let mut written = String::new();
    if matches!(chars[j].1, '-' | '−') {
        written.push('-');
        j += 1;
    }
    let digits = |j: &mut usize, written: &mut String| {
        while let Some(&(_, c)) = chars.get(*j).filter(|(_, c)| c.is_ascii_digit()) {
            written.push(c);
            *j += 1;
        }
    };
    digits(&mut j, &mut written);
    if chars.get(j).is_some_and(|(_, c)| matches!(c, '.' | ','))
        && chars.get(j + 1).is_some_and(|(_, c)| c.is_ascii_digit())
    {
        written.push('.');
        j += 1;
        digits(&mut j, &mut written);
    }
    let tok = written.parse().map_or(Tok::Other, Tok::Num);
    (tok, j - i)
}

/// `°C`, `° C`, `°F` (and `º`, often typed for `°`) as one word.
fn degrees(chars: &[(usize, char)], i: usize) -> (Tok, usize) {
    let mut j = i + 1;
    if chars.get(j).is_some_and(|(_, c)| *c == ' ') {
        j += 1;
    }
    match chars.get(j).map(|(_, c)| c.to_ascii_lowercase()) {
        Some(scale @ ('c' | 'f')) if !chars.get(j + 1).is_some_and(|(_, c)| c.is_alphabetic()) => {
            (Tok::Word(format!("°{scale}")), j + 1 - i)
        }
        _ => (Tok::Other, 1),
    }
}

/// A match in progress over the tokens.
struct Matcher<'a> {
    tokens: &'a [Token],
    at: usize,
    unit: Option<usize>,
}

impl Matcher<'_> {
    fn num(&mut self) -> Option<f64> {
        match self.tokens.get(self.at)?.tok {
            Tok::Num(n) => {
                self.at += 1;
                Some(n)
            }
            _ => None,
        }
    }

    fn is(&mut self, want: &Tok) -> bool {
        let hit = self.tokens.get(self.at).is_some_and(|t| t.tok == *want);
        self.at += usize::from(hit);
        hit
    }

    fn word(&mut self, words: &[&str]) -> bool {
        let hit = matches!(self.tokens.get(self.at), Some(Token { tok: Tok::Word(w), .. }) if words.contains(&w.as_str()));
        self.at += usize::from(hit);
        hit
    }

    fn phrase(&mut self, phrases: &[&[&str]], sign: &Tok) -> bool {
        if self.is(sign) {
            return true;
        }
        phrases.iter().any(|phrase| {
            let fits = phrase.iter().enumerate().all(|(k, want)| {
                matches!(self.tokens.get(self.at + k), Some(Token { tok: Tok::Word(w), .. }) if w == want)
            });
            if fits {
                self.at += phrase.len();
            }
            fits
        })
    }

    /// A unit here, if there is one; the first one seen is the standard's.
    fn unit(&mut self) -> bool {
        let hit = matches!(self.tokens.get(self.at), Some(Token { tok: Tok::Word(w), .. }) if UNITS.contains(&w.as_str()));
        if hit {
            self.unit.get_or_insert(self.at);
            self.at += 1;
        }
        hit
    }

    fn to(&mut self) -> bool {
        self.is(&Tok::Dash) || self.word(&["to", "tot"])
    }
}

/// The bounds `(target, min, max)` of a standard starting at token `i`, and where it ends.
fn standard_at(tokens: &[Token], i: usize) -> Option<(Bounds, usize, Option<usize>)> {
    let attempts: [fn(&mut Matcher) -> Option<Bounds>; 5] = [
        |m| {
            // 65 g (60-70 g)
            let target = m.num()?;
            m.unit();
            m.is(&Tok::Open).then_some(())?;
            let (min, max) = range(m)?;
            m.is(&Tok::Close).then_some(())?;
            m.unit?;
            Some((Some(target), Some(min), Some(max)))
        },
        |m| {
            m.word(&["between", "tussen"]).then_some(())?;
            let min = m.num()?;
            m.unit();
            m.word(&["and", "en"]).then_some(())?;
            let max = m.num()?;
            m.unit();
            (min <= max).then_some((None, Some(min), Some(max)))
        },
        |m| {
            m.word(&["from", "van"]);
            let (min, max) = range(m)?;
            m.unit?;
            Some((None, Some(min), Some(max)))
        },
        |m| {
            m.phrase(&AT_MOST, &Tok::AtMost).then_some(())?;
            let max = m.num()?;
            m.unit();
            Some((None, None, Some(max)))
        },
        |m| {
            m.phrase(&AT_LEAST, &Tok::AtLeast).then_some(())?;
            let min = m.num()?;
            m.unit();
            Some((None, Some(min), None))
        },
    ];
    attempts.iter().find_map(|attempt| {
        let mut m = Matcher {
            tokens,
            at: i,
            unit: None,
        };
        attempt(&mut m).map(|bounds| (bounds, m.at, m.unit))
    })
}

type Bounds = (Option<f64>, Option<f64>, Option<f64>);

/// `60-70 g`, `60 g - 70 g`, `215 to 225`: the low and the high number, low first.
fn range(m: &mut Matcher) -> Option<(f64, f64)> {
    let min = m.num()?;
    m.unit();
    m.to().then_some(())?;
    let max = m.num()?;
    m.unit();
    (min <= max).then_some((min, max))
}

/// The first measurable standard in `text`, with the words before it (in its sentence) as
/// what is measured.
pub fn find_standard(text: &str) -> Option<Standard> {
    let tokens = tokens(text);
    let (first, ((target, min, max), end, unit)) =
        (0..tokens.len()).find_map(|i| standard_at(&tokens, i).map(|found| (i, found)))?;
    let from = tokens[first].start;
    let to = tokens[end - 1].end;
    let unit = unit.map_or(String::new(), |u| match &tokens[u].tok {
        Tok::Word(w) if w.starts_with('°') => format!("°{}", w[2..].to_uppercase()),
        _ => text[tokens[u].start..tokens[u].end].to_owned(),
    });
    Some(Standard {
        spec: Spec {
            what: what_before(&text[..from]),
            unit,
            target: target.and_then(Number::new),
            min: min.and_then(Number::new),
            max: max.and_then(Number::new),
        },
        found: text[from..to].to_owned(),
    })
}

/// The words of the sentence before a standard, without the punctuation and the small
/// words ("to", "at", "tot") that lead into it.
fn what_before(before: &str) -> String {
    let sentence_start = [". ", "! ", "? ", "; "]
        .iter()
        .filter_map(|mark| before.rfind(mark).map(|at| at + mark.len()))
        .max()
        .unwrap_or(0);
    let mut what = before[sentence_start..].trim();
    loop {
        let trimmed = what.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | ',' | ';' | '-' | '–' | '—' | '=' | '(')
        });
        let small = trimmed
            .rsplit_once(' ')
            .filter(|(_, last)| TRAILING.contains(&last.to_lowercase().as_str()));
        match small {
            Some((rest, _)) => what = rest,
            None if trimmed == what => break,
            None => what = trimmed,
        }
    }
    what.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (what, unit, target, min, max, found) of the standard in `text`.
    fn read(text: &str) -> (String, String, String, String, String, String) {
        let found = find_standard(text).unwrap_or_else(|| panic!("no standard in {text:?}"));
        let show = |n: Option<Number>| n.map_or("-".to_owned(), |n| n.to_string());
        let spec = found.spec;
        (
            spec.what,
            spec.unit,
            show(spec.target),
            show(spec.min),
            show(spec.max),
            found.found,
        )
    }

    fn row(
        what: &str,
        unit: &str,
        t: &str,
        min: &str,
        max: &str,
        found: &str,
    ) -> (String, String, String, String, String, String) {
        (
            what.into(),
            unit.into(),
            t.into(),
            min.into(),
            max.into(),
            found.into(),
        )
    }

    #[test]
    fn every_written_form_of_a_standard_is_read() {
        let cases = [
            (
                "Scoop one ball and weigh it: 60–70 g.",
                row(
                    "Scoop one ball and weigh it",
                    "g",
                    "-",
                    "60",
                    "70",
                    "60–70 g",
                ),
            ),
            (
                "Weigh the ball, 60-70 g",
                row("Weigh the ball", "g", "-", "60", "70", "60-70 g"),
            ),
            (
                "A ball weighs between 60 and 70 g.",
                row("A ball weighs", "g", "-", "60", "70", "between 60 and 70 g"),
            ),
            (
                "Een bol weegt tussen 60 en 70 g.",
                row("Een bol weegt", "g", "-", "60", "70", "tussen 60 en 70 g"),
            ),
            (
                "Heat the oven to 215 to 225 °C.",
                row("Heat the oven", "°C", "-", "215", "225", "215 to 225 °C"),
            ),
            (
                "Keep the fridge at max 4 °C",
                row("Keep the fridge", "°C", "-", "-", "4", "max 4 °C"),
            ),
            (
                "Core temperature at least 75 °C",
                row("Core temperature", "°C", "-", "75", "-", "at least 75 °C"),
            ),
            (
                "Kerntemperatuur minimaal 75 °C",
                row("Kerntemperatuur", "°C", "-", "75", "-", "minimaal 75 °C"),
            ),
            (
                "Dip it. Weigh the dough: 65 g (60-70 g)",
                row("Weigh the dough", "g", "65", "60", "70", "65 g (60-70 g)"),
            ),
            (
                "Koel tot max. 4,5 °C af",
                row("Koel", "°C", "-", "-", "4.5", "max. 4,5 °C"),
            ),
            (
                "Freeze at -20 to -18 °C",
                row("Freeze", "°C", "-", "-20", "-18", "-20 to -18 °C"),
            ),
            (
                "Bake 10-12 minutes",
                row("Bake", "minutes", "-", "10", "12", "10-12 minutes"),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), want, "{text}");
        }
    }

    #[test]
    fn dates_step_numbers_and_bare_numbers_are_no_standard() {
        for text in [
            "Since 2026-11-05 we do steps 3-4 twice",
            "Use 2 scoops",
            "Between the two trays",
            "70-60 g is backwards",
        ] {
            assert_eq!(find_standard(text), None, "{text}");
        }
    }
}
