//! Plain and pasted text: `1.` / `1)` lines are steps, a line over `===` or starting `# ` is a
//! heading, `-`/`*`/`•` lines are bullets; other lines are paragraphs (a blank line ends one).

use super::outline::{Block, BlockKind, is_labelled};

/// The outline of plain text.
pub fn outline(text: &str) -> Vec<Block> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    let mut n = 0;
    while let Some(&line) = lines.get(n) {
        let number = n + 1;
        n += 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blocks.extend(open.take());
            continue;
        }
        let underline = lines.get(n).map(|next| next.trim()).unwrap_or_default();
        let kind = if is_rule(underline, '=') || is_rule(underline, '-') {
            n += 1;
            Some((
                BlockKind::Heading(if underline.starts_with('=') { 1 } else { 2 }),
                trimmed,
            ))
        } else {
            item(line)
        };
        match kind {
            Some((kind, rest)) => {
                blocks.extend(open.take());
                open = Some(Block {
                    kind,
                    text: rest.trim().to_owned(),
                    line: Some(number),
                });
            }
            // A label starts its own paragraph, even straight under a step.
            None => match open.as_mut() {
                Some(block) if !is_labelled(trimmed) && !is_heading(block) => {
                    block.text.push(' ');
                    block.text.push_str(trimmed);
                }
                _ => {
                    blocks.extend(open.take());
                    open = Some(Block {
                        kind: BlockKind::Paragraph,
                        text: trimmed.to_owned(),
                        line: Some(number),
                    });
                }
            },
        }
    }
    blocks.extend(open);
    blocks
}

fn is_heading(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Heading(_))
}

/// `===` or `---` (at least three) under a line makes it a heading.
fn is_rule(line: &str, mark: char) -> bool {
    line.len() >= 3 && line.chars().all(|c| c == mark)
}

/// A heading (`# `), numbered item (`1.`, `1)`, `1.2`) or bullet (`-`, `*`, `•`) line: its
/// kind and the text after its mark.
pub(super) fn item(line: &str) -> Option<(BlockKind, &str)> {
    let body = line.trim_start();
    let indent: usize = line[..line.len() - body.len()]
        .chars()
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    let depth = u8::try_from(indent / 2).unwrap_or(u8::MAX);
    let hashes = body.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && body[hashes..].starts_with(' ') {
        return Some((BlockKind::Heading(hashes as u8), &body[hashes..]));
    }
    if let Some(rest) = ["- ", "* ", "• ", "· ", "– "]
        .iter()
        .find_map(|mark| body.strip_prefix(mark))
    {
        return Some((BlockKind::Bullet(depth), rest));
    }
    numbered(body).map(|(inner, rest)| (BlockKind::Numbered(depth.saturating_add(inner)), rest))
}

/// `1.`, `1)`, `1.2`, `1.2.` followed by a space: how many inner numbers (`1.2` has one),
/// and the text after it. `2026 was` or `4,5 g` are not numbered.
fn numbered(body: &str) -> Option<(u8, &str)> {
    let mut rest = body;
    let mut groups = 0u8;
    let mut closed = false;
    loop {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        rest = &rest[digits..];
        groups += 1;
        match rest.chars().next() {
            Some(')') => {
                rest = &rest[1..];
                closed = true;
                break;
            }
            Some('.') if rest[1..].starts_with(|c: char| c.is_ascii_digit()) => rest = &rest[1..],
            Some('.') => {
                rest = &rest[1..];
                closed = true;
                break;
            }
            _ => break,
        }
    }
    let text = rest.strip_prefix([' ', '\t'])?;
    (closed || groups > 1).then_some((groups - 1, text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use BlockKind::*;

    fn kinds(text: &str) -> Vec<(BlockKind, String, Option<usize>)> {
        outline(text)
            .into_iter()
            .map(|b| (b.kind, b.text, b.line))
            .collect()
    }

    #[test]
    fn lines_become_headings_steps_bullets_and_paragraphs() {
        let text = "Scooping\n========\nPurpose: same portion\n\n1. Dip the scoop\n   in the bath.\n  - warm\n2) Weigh: 60-70 g\nWarning: never press\n1.1 Tare first\n# Closing\n2026 was good.\n";
        assert_eq!(
            kinds(text),
            [
                (Heading(1), "Scooping".into(), Some(1)),
                (Paragraph, "Purpose: same portion".into(), Some(3)),
                (Numbered(0), "Dip the scoop in the bath.".into(), Some(5)),
                (Bullet(1), "warm".into(), Some(7)),
                (Numbered(0), "Weigh: 60-70 g".into(), Some(8)),
                (Paragraph, "Warning: never press".into(), Some(9)),
                (Numbered(1), "Tare first".into(), Some(10)),
                (Heading(1), "Closing".into(), Some(11)),
                (Paragraph, "2026 was good.".into(), Some(12)),
            ]
        );
    }
}
