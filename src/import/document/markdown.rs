//! Markdown (read by pulldown-cmark): `#` headings, ordered list items, bullets, paragraphs.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::outline::{Block, BlockKind};

/// The outline of a Markdown text, each block with the line it starts on.
pub fn outline(text: &str) -> Vec<Block> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(at, _)| at + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&start| start <= offset);
    let mut reader = Reader::default();
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        let line = line_of(range.start);
        match event {
            Event::Start(tag) => reader.start(tag, line),
            Event::End(tag) => reader.end(tag),
            Event::Text(words) | Event::Code(words) => reader.add(&words, line),
            Event::SoftBreak | Event::HardBreak => reader.add(" ", line),
            _ => {}
        }
    }
    reader.flush();
    reader.blocks
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    /// The block whose text is being gathered.
    open: Option<Block>,
    /// Whether each list around here is numbered, outermost first.
    lists: Vec<bool>,
}

impl Reader {
    fn begin(&mut self, kind: BlockKind, line: usize) {
        self.flush();
        self.open = Some(Block {
            kind,
            text: String::new(),
            line: Some(line),
        });
    }

    fn flush(&mut self) {
        if let Some(mut block) = self.open.take() {
            block.text = block.text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !block.text.is_empty() {
                self.blocks.push(block);
            }
        }
    }

    fn add(&mut self, words: &str, line: usize) {
        if self.open.is_none() {
            self.begin(BlockKind::Paragraph, line);
        }
        if let Some(block) = &mut self.open {
            block.text.push_str(words);
        }
    }

    fn start(&mut self, tag: Tag, line: usize) {
        match tag {
            Tag::Heading { level, .. } => self.begin(BlockKind::Heading(level_of(level)), line),
            Tag::List(first) => {
                self.flush();
                self.lists.push(first.is_some());
            }
            Tag::Item => {
                let depth = u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
                let kind = match self.lists.last() {
                    Some(true) => BlockKind::Numbered(depth),
                    _ => BlockKind::Bullet(depth),
                };
                self.begin(kind, line);
            }
            // An item's first paragraph is its text; any later one stands apart.
            Tag::Paragraph => {
                let item_waiting = self.open.as_ref().is_some_and(|block| {
                    block.text.trim().is_empty()
                        && matches!(block.kind, BlockKind::Numbered(_) | BlockKind::Bullet(_))
                });
                if !item_waiting {
                    self.begin(BlockKind::Paragraph, line);
                }
            }
            Tag::CodeBlock(_) | Tag::TableHead | Tag::TableRow => {
                self.begin(BlockKind::Paragraph, line)
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::TableCell => self.add(" ", 0),
            TagEnd::Heading(_)
            | TagEnd::Paragraph
            | TagEnd::Item
            | TagEnd::CodeBlock
            | TagEnd::TableHead
            | TagEnd::TableRow => self.flush(),
            _ => {}
        }
    }
}

fn level_of(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BlockKind::*;

    #[test]
    fn headings_lists_and_paragraphs_keep_their_lines() {
        let text = "# Scooping\n\nDoel: **same** portion\n\n1. Dip the\n   scoop\n   - in warm water\n2. Weigh: `60-70 g`\n\n   Let op: never press\n\n## Notes\n";
        let got: Vec<_> = outline(text)
            .into_iter()
            .map(|b| (b.kind, b.text, b.line))
            .collect();
        assert_eq!(
            got,
            [
                (Heading(1), "Scooping".into(), Some(1)),
                (Paragraph, "Doel: same portion".into(), Some(3)),
                (Numbered(0), "Dip the scoop".into(), Some(5)),
                (Bullet(1), "in warm water".into(), Some(7)),
                (Numbered(0), "Weigh: 60-70 g".into(), Some(8)),
                (Paragraph, "Let op: never press".into(), Some(10)),
                (Heading(2), "Notes".into(), Some(12)),
            ]
        );
    }
}
