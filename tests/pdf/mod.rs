//! Reading exported PDFs back as a reader's tools would, in Rust (pdf-extract and the
//! lopdf it re-exports), so `cargo test` needs no system package: shared by the record
//! and manual tests. The answers are laid out as poppler's tools lay theirs out, which is
//! what the tests were first written against.
#![allow(dead_code)]

use pdf_extract::{Dictionary, Document, Object};

/// What poppler's `tool` would print for `pdf`: `pdftotext` (text in content order, as
/// `-raw` gives it, each page ended by a form feed), `pdfinfo` (pages and page size),
/// `pdffonts` (one row per font) or `pdfimages -list` (one row per image). `extra` is
/// otherwise ignored: the text is always UTF-8 in content order, and with `-layout` a gap
/// wider than the type's size (a table's next column) is three spaces, not one.
pub fn poppler(tool: &str, pdf: &[u8], extra: &[&str]) -> String {
    match tool {
        "pdftotext" if extra.contains(&"-layout") => layout(pdf),
        "pdftotext" => text(pdf),
        "pdfinfo" => info(pdf),
        "pdffonts" => fonts(pdf),
        "pdfimages" => images(pdf),
        other => panic!("no Rust stand-in for {other}"),
    }
}

/// The (width, height) of every image `pdfimages -list` lists for `pdf`, in its order.
pub fn image_sizes(pdf: &[u8]) -> Vec<(u32, u32)> {
    poppler("pdfimages", pdf, &["-list"])
        .lines()
        .skip(2)
        .filter_map(|line| {
            let columns: Vec<&str> = line.split_whitespace().collect();
            Some((columns.get(3)?.parse().ok()?, columns.get(4)?.parse().ok()?))
        })
        .collect()
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

fn layout(pdf: &[u8]) -> String {
    let document = Document::load_mem(pdf).expect("the PDF reads back");
    let mut out = Layout {
        text: String::new(),
        first: true,
        last_end: 0.0,
        last_y: 0.0,
    };
    pdf_extract::output_doc(&document, &mut out).expect("the PDF's text reads");
    out.text
}

/// pdf-extract's plain text, but with columns kept apart as pdftotext -layout keeps them.
struct Layout {
    text: String,
    first: bool,
    last_end: f64,
    last_y: f64,
}

impl pdf_extract::OutputDev for Layout {
    fn begin_page(
        &mut self,
        _: u32,
        _: &pdf_extract::MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.text.push('\u{c}');
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        _: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        let (x, y) = (trm.m31, -trm.m32);
        let size = ((font_size * (trm.m11 + trm.m21)) * (font_size * (trm.m12 + trm.m22)))
            .abs()
            .sqrt();
        if self.first && !self.text.is_empty() && !self.text.ends_with('\u{c}') {
            let down = (y - self.last_y).abs();
            if down > size * 1.5 || (x < self.last_end && down > size * 0.5) {
                self.text.push('\n');
            } else if x > self.last_end + size {
                self.text.push_str("   ");
            } else if x > self.last_end + size * 0.1 && !self.text.ends_with(' ') {
                self.text.push(' ');
            }
        }
        // A space glyph after a gap already written as a space is the same space.
        if !(char == " " && self.text.ends_with(' ')) {
            self.text.push_str(char);
        }
        self.first = false;
        self.last_y = y;
        self.last_end = x + width * size;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.first = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
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

/// pdfimages -list's table: two header lines, then `page num type width height ...` for
/// every image a page draws, its soft mask (transparency) as a row of type `smask`.
fn images(pdf: &[u8]) -> String {
    let document = Document::load_mem(pdf).expect("the PDF reads back");
    let mut out = String::from(
        "page   num  type   width height color comp bpc  enc interp  object ID\n\
         ---------------------------------------------------------------------\n",
    );
    let mut count = 0;
    for (page, id) in document.get_pages() {
        let mut found = Vec::new();
        if let Some(resources) = inherited(&document, id, b"Resources") {
            drawn_images(&document, resources, &mut found);
        }
        for (kind, image) in found {
            let number = |key: &[u8]| image.get(key).and_then(Object::as_i64).unwrap_or(0);
            out.push_str(&format!(
                "{page} {count} {kind} {} {} - - {} - no\n",
                number(b"Width"),
                number(b"Height"),
                number(b"BitsPerComponent")
            ));
            count += 1;
        }
    }
    out
}

/// The images a resource dictionary draws, looking into form XObjects too.
fn drawn_images<'a>(
    document: &'a Document,
    resources: &'a Object,
    found: &mut Vec<(&'static str, &'a Dictionary)>,
) {
    let resolve = |object: &'a Object| document.dereference(object).ok().map(|(_, o)| o);
    let Some(xobjects) = (resources.as_dict().ok())
        .and_then(|r| r.get(b"XObject").ok())
        .and_then(resolve)
        .and_then(|x| x.as_dict().ok())
    else {
        return;
    };
    for (_, xobject) in xobjects.iter() {
        let Some(Object::Stream(stream)) = resolve(xobject) else {
            continue;
        };
        match name(&stream.dict, b"Subtype").as_str() {
            "Image" => {
                found.push(("image", &stream.dict));
                let mask = (stream.dict.get(b"SMask").ok()).and_then(resolve);
                if let Some(Object::Stream(mask)) = mask {
                    found.push(("smask", &mask.dict));
                }
            }
            "Form" => {
                if let Some(inner) = stream.dict.get(b"Resources").ok().and_then(resolve) {
                    drawn_images(document, inner, found);
                }
            }
            _ => {}
        }
    }
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
