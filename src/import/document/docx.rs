//! Word files (.docx): a zip of XML. `word/document.xml` holds the paragraphs, `styles.xml`
//! says which style is a heading (by id and by name: English "Heading 1", Dutch "Kop 1",
//! "Title"), `numbering.xml` whether a list is numbered or bulleted.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use roxmltree::{Document, Node};

use super::outline::{Block, BlockKind};

/// Why bytes are not a Word document this reader can open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not a zip at all, or a zip with no Word document in it.
    NotWord,
    /// A Word 97-2003 `.doc` (an OLE file with no encryption).
    OldWord,
    /// An encrypted OOXML: an OLE file holding `EncryptionInfo`.
    Password,
    /// A zip or XML that does not read: what went wrong.
    Damaged(String),
}

/// An unpacked part larger than this is refused: a zip bomb, not a manual.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The outline of a Word file's body, in reading order.
pub fn outline(bytes: &[u8]) -> Result<Vec<Block>, Refusal> {
    if bytes.starts_with(&OLE_MAGIC) {
        let marker: Vec<u8> = "EncryptionInfo"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let encrypted = bytes.windows(marker.len()).any(|w| w == marker);
        return Err(if encrypted {
            Refusal::Password
        } else {
            Refusal::OldWord
        });
    }
    if !bytes.starts_with(b"PK") {
        return Err(Refusal::NotWord);
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|error| Refusal::Damaged(format!("the zip does not read: {error}")))?;
    let body = part(&mut zip, "word/document.xml")?.ok_or(Refusal::NotWord)?;
    let styles = part(&mut zip, "word/styles.xml")?.unwrap_or_default();
    let numbering = part(&mut zip, "word/numbering.xml")?.unwrap_or_default();
    let styles = Styles::read(&parse("word/styles.xml", &styles)?);
    let lists = Lists::read(&parse("word/numbering.xml", &numbering)?);
    let body = parse("word/document.xml", &body)?;
    Ok(body
        .descendants()
        .filter(|node| is(node, "p"))
        .filter_map(|p| paragraph(p, &styles, &lists))
        .collect())
}

/// A part of the zip as text, or `None` when the zip has no such part.
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, Refusal> {
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(Refusal::Damaged(format!("{name}: {error}"))),
    };
    let mut text = String::new();
    file.take(MAX_PART_BYTES)
        .read_to_string(&mut text)
        .map_err(|error| Refusal::Damaged(format!("{name}: {error}")))?;
    Ok(Some(text))
}

fn parse<'a>(name: &str, xml: &'a str) -> Result<Document<'a>, Refusal> {
    let xml = if xml.is_empty() { "<empty/>" } else { xml };
    Document::parse(xml).map_err(|error| Refusal::Damaged(format!("{name}: {error}")))
}

/// Whether `node` is the element with this local name (in any namespace: transitional or strict).
fn is(node: &Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is(c, name))
}

/// The `w:val` (or any `val`) of the child element `name`.
fn val<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    attr(child(node, name)?, "val")
}

fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name)
        .map(|a| a.value())
}

/// A paragraph's numbering: (numId, ilvl).
type NumPr = (String, u8);

fn num_pr(p_pr: Node) -> Option<NumPr> {
    let num = child(p_pr, "numPr")?;
    let id = val(num, "numId")?.to_owned();
    let level = val(num, "ilvl").and_then(|l| l.parse().ok()).unwrap_or(0);
    Some((id, level))
}

#[derive(Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    numbering: Option<NumPr>,
}

/// The paragraph styles, by id.
struct Styles(HashMap<String, Style>);

impl Styles {
    fn read(doc: &Document) -> Self {
        let mut styles = HashMap::new();
        for node in doc.descendants().filter(|n| is(n, "style")) {
            let Some(id) = attr(node, "styleId") else {
                continue;
            };
            let p_pr = child(node, "pPr");
            styles.insert(
                id.to_owned(),
                Style {
                    name: val(node, "name").unwrap_or_default().to_owned(),
                    based_on: val(node, "basedOn").map(str::to_owned),
                    outline: p_pr
                        .and_then(|p| val(p, "outlineLvl"))
                        .and_then(|l| l.parse().ok()),
                    numbering: p_pr.and_then(num_pr),
                },
            );
        }
        Styles(styles)
    }

    /// The styles from `id` up its `basedOn` chain (at most ten, so a loop cannot hang).
    fn chain<'a>(&'a self, id: &'a str) -> impl Iterator<Item = (&'a str, Option<&'a Style>)> {
        let mut next = Some(id);
        std::iter::from_fn(move || {
            let id = next.take()?;
            let style = self.0.get(id);
            next = style.and_then(|s| s.based_on.as_deref());
            Some((id, style))
        })
        .take(10)
    }

    /// The heading level a style gives: Heading n / Kop n / Title, by id or name, or its outline level.
    fn heading(&self, id: &str) -> Option<u8> {
        self.chain(id).find_map(|(id, style)| {
            let by_name = style.and_then(|s| heading_name(&s.name));
            heading_name(id)
                .or(by_name)
                .or_else(|| style?.outline.map(|l| l.saturating_add(1)))
        })
    }

    fn numbering(&self, id: &str) -> Option<NumPr> {
        self.chain(id)
            .find_map(|(_, style)| style?.numbering.clone())
    }
}

/// "Heading 2", "heading2", "Kop 2" -> 2; "Title", "Titel" -> 1.
fn heading_name(name: &str) -> Option<u8> {
    let name: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    if name == "title" || name == "titel" {
        return Some(1);
    }
    let level = name
        .strip_prefix("heading")
        .or_else(|| name.strip_prefix("kop"))?;
    level.parse().ok().filter(|l| (1..=9).contains(l))
}

/// The numbering definitions: which (numId, level) is a bullet, a number or nothing.
struct Lists {
    /// numId -> abstractNumId, and the levels the num itself overrides.
    nums: HashMap<String, (String, HashMap<u8, String>)>,
    /// (abstractNumId, level) -> numFmt.
    formats: HashMap<(String, u8), String>,
}

impl Lists {
    fn read(doc: &Document) -> Self {
        let levels = |node: Node| -> HashMap<u8, String> {
            node.descendants()
                .filter(|n| is(n, "lvl"))
                .filter_map(|lvl| {
                    let level = attr(lvl, "ilvl")?.parse().ok()?;
                    Some((level, val(lvl, "numFmt")?.to_owned()))
                })
                .collect()
        };
        let mut formats = HashMap::new();
        let mut nums = HashMap::new();
        for node in doc.root_element().children() {
            if is(&node, "abstractNum")
                && let Some(id) = attr(node, "abstractNumId")
            {
                for (level, format) in levels(node) {
                    formats.insert((id.to_owned(), level), format);
                }
            } else if is(&node, "num")
                && let (Some(id), Some(abstract_id)) =
                    (attr(node, "numId"), val(node, "abstractNumId"))
            {
                nums.insert(id.to_owned(), (abstract_id.to_owned(), levels(node)));
            }
        }
        Lists { nums, formats }
    }

    /// The outline kind of a numbered paragraph; `None` for numId 0 or format "none".
    fn kind(&self, (id, level): &NumPr) -> Option<BlockKind> {
        if id == "0" {
            return None;
        }
        let format = self.nums.get(id).and_then(|(abstract_id, overrides)| {
            overrides
                .get(level)
                .or_else(|| self.formats.get(&(abstract_id.clone(), *level)))
        });
        match format.map(String::as_str) {
            Some("none") => None,
            Some("bullet") => Some(BlockKind::Bullet(*level)),
            _ => Some(BlockKind::Numbered(*level)),
        }
    }
}

/// A paragraph as a block: a heading by its style, a list item by its numbering (its own or
/// its style's), else a paragraph, whose typed "1." or "•" still counts as plain text's does.
fn paragraph(p: Node, styles: &Styles, lists: &Lists) -> Option<Block> {
    let mut text = String::new();
    text_of(p, &mut text);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return None;
    }
    let p_pr = child(p, "pPr");
    let style = p_pr.and_then(|p| val(p, "pStyle")).unwrap_or("Normal");
    let own_outline = p_pr
        .and_then(|p| val(p, "outlineLvl"))
        .and_then(|l| l.parse::<u8>().ok());
    let heading = styles
        .heading(style)
        .or(own_outline.map(|l| l.saturating_add(1)));
    let numbering = p_pr.and_then(num_pr).or_else(|| styles.numbering(style));
    let (kind, text) = match (heading, numbering.and_then(|n| lists.kind(&n))) {
        (Some(level), _) => (BlockKind::Heading(level), text),
        (None, Some(kind)) => (kind, text),
        (None, None) => match super::text::item(&text) {
            Some((kind @ (BlockKind::Numbered(_) | BlockKind::Bullet(_)), rest)) => {
                (kind, rest.trim().to_owned())
            }
            _ => (BlockKind::Paragraph, text),
        },
    };
    Some(Block {
        kind,
        text,
        line: None,
    })
}

/// The visible text of a paragraph: `w:t`, tabs and breaks as spaces; field codes and deleted
/// text (other elements) and paragraphs nested in text boxes (read on their own) left out.
fn text_of(node: Node, out: &mut String) {
    for child in node.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "t" => out.push_str(child.text().unwrap_or_default()),
            "tab" | "br" | "cr" => out.push(' '),
            "p" | "del" => {}
            _ => text_of(child, out),
        }
    }
}
