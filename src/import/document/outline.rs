//! The one set of reading rules: every kind of document is first turned into an outline of
//! [`Block`]s, and [`read_outline`] turns that outline into procedures the same way for all.

use super::spec::{Standard, find_standard};

/// One piece of a document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// What kind of piece it is.
    pub kind: BlockKind,
    /// Its text, on one line, trimmed.
    pub text: String,
    /// The line it starts on, where the document has lines (not in Word).
    pub line: Option<usize>,
}

/// Headings, list items and paragraphs: all the reading rules need to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of this level; 1 (Word's Heading 1 or Title, Markdown's `#`) starts a procedure.
    Heading(u8),
    /// A numbered list item at this depth (0 is the outermost list).
    Numbered(u8),
    /// A bullet, at this depth.
    Bullet(u8),
    /// Any other paragraph.
    Paragraph,
}

/// A procedure as read from a document, before it gets its id and owner.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Read {
    /// The top-level heading, or the file's name where the document has none.
    pub title: String,
    /// `Purpose:`/`Doel:`, or the unlabelled text before the first step.
    pub purpose: String,
    /// `Scope:`/`Toepassing:`.
    pub scope: String,
    /// The steps, in order.
    pub steps: Vec<ReadStep>,
}

/// A step as read: its text as written, and what was found in it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReadStep {
    /// The numbered item's text with the bullets and paragraphs under it, as written.
    pub text: String,
    /// The warnings under it (`Warning:`, `Let op:`, …), without their label.
    pub warning: Option<String>,
    /// The first measurable standard in the step's text.
    pub standard: Option<Standard>,
}

/// Something in the document that no procedure took, so the person importing can look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The line it is on, where the document has lines.
    pub line: Option<usize>,
    /// Why it was left out.
    pub why: LeftOutWhy,
    /// The text, as written.
    pub text: String,
}

/// Why a piece of a document was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOutWhy {
    /// A heading with no numbered steps under it.
    NoSteps,
    /// A warning with no step before it to belong to.
    WarningBeforeSteps,
}

/// What a paragraph's label makes of it.
enum Label<'a> {
    Warning(&'a str),
    Purpose(&'a str),
    Scope(&'a str),
    None,
}

const WARNINGS: [&str; 4] = ["warning", "caution", "let op", "waarschuwing"];
const PURPOSES: [&str; 2] = ["purpose", "doel"];
const SCOPES: [&str; 2] = ["scope", "toepassing"];

/// The label a paragraph starts with (any case, then a colon), and the text after it.
fn label(text: &str) -> Label<'_> {
    let Some((head, rest)) = text.split_once(':') else {
        return Label::None;
    };
    let head = head.trim().to_lowercase();
    let rest = rest.trim();
    if WARNINGS.contains(&head.as_str()) {
        Label::Warning(rest)
    } else if PURPOSES.contains(&head.as_str()) {
        Label::Purpose(rest)
    } else if SCOPES.contains(&head.as_str()) {
        Label::Scope(rest)
    } else {
        Label::None
    }
}

/// Whether a paragraph starts with a label (`Warning:`, `Doel:`, …), so it stands apart.
pub fn is_labelled(text: &str) -> bool {
    !matches!(label(text), Label::None)
}

/// A procedure being read, with where it started.
struct Open {
    read: Read,
    line: Option<usize>,
    /// Unlabelled text before the first step: the purpose, unless one is labelled.
    intro: Vec<String>,
    /// The depth of the list the first step was in: deeper numbered items join a step.
    step_depth: u8,
}

impl Open {
    fn new(title: String, line: Option<usize>) -> Self {
        Open {
            read: Read {
                title,
                ..Read::default()
            },
            line,
            intro: Vec::new(),
            step_depth: 0,
        }
    }

    /// Adds text under the last step, or to the intro before the first.
    fn join(&mut self, text: &str) {
        match self.read.steps.last_mut() {
            Some(step) => {
                if !step.text.is_empty() {
                    step.text.push(' ');
                }
                step.text.push_str(text);
            }
            None => self.intro.push(text.to_owned()),
        }
    }

    /// Reads one block that is not a top-level heading.
    fn take(&mut self, block: &Block, left_out: &mut Vec<LeftOut>) {
        let text = block.text.as_str();
        if let BlockKind::Numbered(depth) = block.kind
            && (self.read.steps.is_empty() || depth <= self.step_depth)
        {
            if self.read.steps.is_empty() {
                self.step_depth = depth;
            }
            self.read.steps.push(ReadStep {
                text: text.to_owned(),
                ..ReadStep::default()
            });
            return;
        }
        // Sub-headings ("Steps", "Stappen") only divide the text; what they say is not a step.
        if matches!(block.kind, BlockKind::Heading(_)) {
            return;
        }
        match label(text) {
            Label::Warning(warning) => match self.read.steps.last_mut() {
                Some(step) => add_sentence(&mut step.warning, warning),
                None => left_out.push(LeftOut {
                    line: block.line,
                    why: LeftOutWhy::WarningBeforeSteps,
                    text: text.to_owned(),
                }),
            },
            Label::Purpose(purpose) => add_to(&mut self.read.purpose, purpose),
            Label::Scope(scope) => add_to(&mut self.read.scope, scope),
            Label::None => self.join(text),
        }
    }

    /// The procedure as read, or why it is left out.
    fn close(mut self) -> Result<Read, LeftOut> {
        if self.read.steps.is_empty() {
            return Err(LeftOut {
                line: self.line,
                why: LeftOutWhy::NoSteps,
                text: self.read.title,
            });
        }
        if self.read.purpose.is_empty() {
            self.read.purpose = self.intro.join(" ");
        }
        for step in &mut self.read.steps {
            step.standard = find_standard(&step.text);
        }
        Ok(self.read)
    }
}

fn add_to(field: &mut String, text: &str) {
    if !field.is_empty() {
        field.push(' ');
    }
    field.push_str(text);
}

fn add_sentence(field: &mut Option<String>, text: &str) {
    add_to(field.get_or_insert_with(String::new), text);
}

/// The procedures in `blocks`, and what was left out. Each top-level heading starts a
/// procedure; a document with none is one procedure titled `untitled` (the file's name).
/// A heading with no numbered steps under it is left out, not made into an empty procedure.
pub fn read_outline(blocks: &[Block], untitled: &str) -> (Vec<Read>, Vec<LeftOut>) {
    let mut read = Vec::new();
    let mut left_out = Vec::new();
    let mut open: Option<Open> = None;
    for block in blocks.iter().filter(|b| !b.text.is_empty()) {
        if block.kind == BlockKind::Heading(1) {
            if let Some(done) = open.take() {
                push(done.close(), &mut read, &mut left_out);
            }
            open = Some(Open::new(block.text.clone(), block.line));
            continue;
        }
        open.get_or_insert_with(|| Open::new(untitled.to_owned(), None))
            .take(block, &mut left_out);
    }
    if let Some(done) = open {
        push(done.close(), &mut read, &mut left_out);
    }
    (read, left_out)
}

fn push(closed: Result<Read, LeftOut>, read: &mut Vec<Read>, left_out: &mut Vec<LeftOut>) {
    match closed {
        Ok(procedure) => read.push(procedure),
        Err(left) => left_out.push(left),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: BlockKind, text: &str) -> Block {
        Block {
            kind,
            text: text.to_owned(),
            line: None,
        }
    }

    #[test]
    fn headings_start_procedures_and_numbered_items_are_their_steps() {
        use BlockKind::*;
        let blocks = [
            block(Heading(1), "Our manual"),
            block(Paragraph, "Kept by Anna."),
            block(Heading(1), "Scooping"),
            block(Paragraph, "Every customer gets the same portion."),
            block(Paragraph, "Scope: all cones"),
            block(Heading(2), "Steps"),
            block(Numbered(0), "Dip the scoop."),
            block(Bullet(1), "In the warm bath"),
            block(Numbered(1), "Shake it dry"),
            block(Numbered(0), "Weigh the ball: 60-70 g."),
            block(Paragraph, "LET OP: never press."),
            block(Paragraph, "Caution: wipe the scale."),
        ];
        let (read, left_out) = read_outline(&blocks, "manual");
        assert_eq!(read.len(), 1);
        let scooping = &read[0];
        assert_eq!(scooping.title, "Scooping");
        assert_eq!(scooping.purpose, "Every customer gets the same portion.");
        assert_eq!(scooping.scope, "all cones");
        assert_eq!(
            scooping.steps[0].text,
            "Dip the scoop. In the warm bath Shake it dry"
        );
        assert_eq!(scooping.steps[0].warning, None);
        assert_eq!(
            scooping.steps[1].warning.as_deref(),
            Some("never press. wipe the scale.")
        );
        assert!(scooping.steps[1].standard.is_some());
        assert_eq!(
            left_out,
            [LeftOut {
                line: None,
                why: LeftOutWhy::NoSteps,
                text: "Our manual".into()
            }]
        );
    }

    #[test]
    fn no_heading_makes_one_procedure_named_after_the_file() {
        use BlockKind::*;
        let blocks = [
            block(Paragraph, "Warning: hot"),
            block(Numbered(2), "One"),
            block(Numbered(2), "Two"),
        ];
        let (read, left_out) = read_outline(&blocks, "opening");
        assert_eq!(read[0].title, "opening");
        assert_eq!(read[0].steps.len(), 2);
        assert_eq!(left_out[0].why, LeftOutWhy::WarningBeforeSteps);
    }
}
