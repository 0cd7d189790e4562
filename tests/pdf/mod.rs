//! Reading exported PDFs back as a reader's tools would, in Rust (pdf-extract and the
//! lopdf it re-exports), so `cargo test` needs no system package: shared by the record
//! and manual tests. The answers are laid out as poppler's tools lay theirs out, which is
//! what the tests were first written against.
#![allow(dead_code)]

use pdf_extract::{Dictionary, Document, Object};

/// What poppler's `tool` would print for `pdf`: `pdftotext` (text in content order, as
/// `-raw` gives it, each page ended by a form feed), `pdfinfo` (pages and page size) or
/// `pdffonts` (one row per font) or `pdfimages` (its `-list` table). `extra` is accepted for the callers' sake and ignored:
/// the text is always UTF-8 in content order.
pub fn poppler(tool: &str, pdf: &[u8], _extra: &[&str]) -> String {
    match tool {
        "pdftotext" => text(pdf),
        "pdfinfo" => info(pdf),
        "pdffonts" => fonts(pdf),
        "pdfimages" => images(pdf),
        other => panic!("no Rust stand-in for {other}"),
    }
}

/// The page count and the page size, as pdfinfo reports them ("595.28 x 841.89 pts (A4)").
pub fn page_info(pdf: &[u8]) -> (usize, String) {
    let document = Document::load_mem(pdf).expect("the PDF reads back");
    let pages = document.get_pages();
    let first = *pages.values().next().expect("the PDF has a page");
    let media_box = inherited(&document, first, b"MediaBox").expect("the page has a MediaBox");
    let corners: Vec<f32> = (media_box.as_array().expect("MediaBox is an array").iter())
        .map(|n| n.as_float().expect("MediaBox holds numbers"))
        .collect();
    let (width, height) = (corners[2] - corners[0], corners[3] - corners[1]);
    let paper = match (width.round() as i32, height.round() as i32) {
        (595, 842) => " (A4)",
        (612, 792) => " (letter)",
        _ => "",
    };
    (pages.len(), format!("{width:.2} x {height:.2} pts{paper}"))
}

fn text(pdf: &[u8]) -> String {
    let pages = pdf_extract::extract_text_from_mem_by_pages(pdf).expect("the PDF's text reads");
    pages.iter().map(|page| format!("{page}\u{c}")).collect()
}

fn info(pdf: &[u8]) -> String {
    let (count, size) = page_info(pdf);
    format!("Pages:           {count}\nPage size:       {size}\n")
}

/// A page attribute, looked up the page tree as PDF readers inherit it.
fn inherited<'a>(document: &'a Document, page: (u32, u16), key: &[u8]) -> Option<&'a Object> {
    let mut node = document.get_dictionary(page).ok()?;
    loop {
        if let Ok(value) = node.get(key) {
            return document.dereference(value).ok().map(|(_, object)| object);
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = document.get_dictionary(parent).ok()?;
    }
}

/// pdffonts' table: two header lines, then `name type encoding emb sub uni object ID`.
fn fonts(pdf: &[u8]) -> String {
    let document = Document::load_mem(pdf).expect("the PDF reads back");
    let mut out = String::from(
        "name                                 type              encoding         emb sub uni object ID\n\
         ------------------------------------ ----------------- ---------------- --- --- --- ---------\n",
    );
    for (&(number, generation), object) in &document.objects {
        let Ok(font) = object.as_dict() else { continue };
        if name(font, b"Type") != "Font" {
            continue;
        }
        let subtype = name(font, b"Subtype");
        // Descendant CID fonts are listed through their Type0 parent, as pdffonts does.
        if subtype.starts_with("CIDFont") {
            continue;
        }
        let base = name(font, b"BaseFont");
        let embedded = subtype == "Type3" || descriptor(&document, font).is_some_and(has_file);
        let yes = |b: bool| if b { "yes" } else { "no" };
        let subset = base.len() > 7 && base.as_bytes()[6] == b'+';
        let unicode = font.has(b"ToUnicode");
        let encoding = match name(font, b"Encoding") {
            e if e.is_empty() => "Custom".to_owned(),
            e => e,
        };
        out.push_str(&format!(
            "{base} {subtype} {encoding} {} {} {} {number} {generation}\n",
            yes(embedded),
            yes(subset),
            yes(unicode)
        ));
    }
    out
}

fn name(dictionary: &Dictionary, key: &[u8]) -> String {
    (dictionary.get(key).ok())
        .and_then(|value| value.as_name().ok())
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
        .unwrap_or_default()
}

/// The font descriptor of a simple font, or of a Type0 font's descendant.
fn descriptor<'a>(document: &'a Document, font: &'a Dictionary) -> Option<&'a Dictionary> {
    let resolve = |object: &'a Object| document.dereference(object).ok().map(|(_, o)| o);
    if let Ok(descriptor) = font.get(b"FontDescriptor") {
        return resolve(descriptor)?.as_dict().ok();
    }
    let descendants = resolve(font.get(b"DescendantFonts").ok()?)?
        .as_array()
        .ok()?;
    let descendant = resolve(descendants.first()?)?.as_dict().ok()?;
    resolve(descendant.get(b"FontDescriptor").ok()?)?
        .as_dict()
        .ok()
}

fn has_file(descriptor: &Dictionary) -> bool {
    [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
        .iter()
        .any(|key| descriptor.has(key))
}

/// pdfimages -list's table: two header lines, then `page num type width height ...` for
/// every image XObject, a soft mask (alpha) listed as type `smask` as poppler does. The
/// page column is left at 0: the tests read sizes, not places.
fn images(pdf: &[u8]) -> String {
    let document = Document::load_mem(pdf).expect("the PDF reads back");
    let mut out = String::from(
        "page   num  type   width height color comp bpc  enc interp  object ID\n\
         ---------------------------------------------------------------------\n",
    );
    let masks: Vec<(u32, u16)> = (document.objects.values())
        .filter_map(|object| object.as_stream().ok())
        .filter_map(|stream| stream.dict.get(b"SMask").ok()?.as_reference().ok())
        .collect();
    let mut number = 0;
    for (id, object) in &document.objects {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        if name(&stream.dict, b"Subtype") != "Image" {
            continue;
        }
        let size = |key: &[u8]| {
            (stream.dict.get(key).ok())
                .and_then(|value| value.as_i64().ok())
                .unwrap_or_default()
        };
        let kind = if masks.contains(id) { "smask" } else { "image" };
        out.push_str(&format!(
            "0 {number} {kind} {} {} - - - - - {} {}\n",
            size(b"Width"),
            size(b"Height"),
            id.0,
            id.1
        ));
        number += 1;
    }
    out
}
