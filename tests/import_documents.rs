//! `rightfirst import DIR FILE` with a Word, Markdown or text file: procedures in as drafts.
//!
//! The Word files are built here, zip and XML as Word writes them (styles by id and by name,
//! numbering.xml with numbered and bulleted levels); the password-protected one is kept in
//! tests/import/, made by the script beside it. Each test asserts the exact RON written, or
//! that nothing was written at all.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use rightfirst::model::Language;
use rightfirst::store;

const TODAY: &str = "2026-12-05";

/// A workspace in a temp folder, with room beside it for the documents brought in.
struct Place {
    parent: tempfile::TempDir,
    root: PathBuf,
}

impl Place {
    /// A copy of the sample business (English; owners Ellen and Tom).
    fn sample() -> Place {
        let parent = tempfile::tempdir().expect("a temp folder");
        let root = parent.path().join("ws");
        store::create(&root, rightfirst::sample::FILES).expect("the sample workspace");
        Place { parent, root }
    }

    /// A new Dutch business whose only owner is Piet Jansen.
    fn dutch() -> Place {
        let parent = tempfile::tempdir().expect("a temp folder");
        let root = parent.path().join("ws");
        store::create_business(&root, "Bakkerij Jansen", "Piet Jansen", Language::Nl)
            .expect("a new business");
        Place { parent, root }
    }

    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.parent.path().join(name);
        fs::write(&path, bytes).expect("write the document");
        path
    }

    fn import(&self, file: &Path, extra: &[&str]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rightfirst"));
        command
            .arg("import")
            .arg(&self.root)
            .arg(file)
            .args(["--today", TODAY])
            .args(extra);
        let output = command.output().expect("rightfirst runs");
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.root.join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    /// Every file of the workspace with its bytes.
    fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        let mut folders = vec![self.root.clone()];
        while let Some(folder) = folders.pop() {
            for entry in fs::read_dir(&folder).expect("a folder").flatten() {
                if entry.path().is_dir() {
                    folders.push(entry.path());
                } else {
                    files.insert(entry.path(), fs::read(entry.path()).expect("a file"));
                }
            }
        }
        files
    }
}

#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// A paragraph of a Word body: its style id, its numbering (numId, ilvl) and its text.
struct Para<'a>(Option<&'a str>, Option<(u8, u8)>, &'a str);

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Headings by id (`Heading1`, `Title`) and, for `a1`, only by its name "Kop 1", as a Dutch
/// Word or another program may name its styles; `ListNumber` numbers through its style.
fn styles_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="a1"><w:name w:val="Kop 1"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/>
    <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"#
    )
}

/// numId 1: numbers at level 0, bullets at level 1; numId 2: bullets.
fn numbering_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"#
    )
}

/// A .docx with these paragraphs, deflated as Word writes it. Runs are split mid-word, as
/// Word splits them after an edit.
fn docx(paragraphs: &[Para]) -> Vec<u8> {
    let mut body = String::new();
    for Para(style, numbering, text) in paragraphs {
        body.push_str("<w:p><w:pPr>");
        if let Some(style) = style {
            body.push_str(&format!(r#"<w:pStyle w:val="{style}"/>"#));
        }
        if let Some((id, level)) = numbering {
            body.push_str(&format!(
                r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{id}"/></w:numPr>"#
            ));
        }
        body.push_str("</w:pPr>");
        let split = text.char_indices().nth(3).map_or(text.len(), |(at, _)| at);
        for run in [&text[..split], &text[split..]] {
            let run = run.replace('&', "&amp;").replace('<', "&lt;");
            body.push_str(&format!(
                r#"<w:r><w:t xml:space="preserve">{run}</w:t></w:r>"#
            ));
        }
        body.push_str("</w:p>");
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    zip_of(&[
        ("[Content_Types].xml", "<Types/>".to_owned()),
        ("word/document.xml", document),
        ("word/styles.xml", styles_xml()),
        ("word/numbering.xml", numbering_xml()),
    ])
}

fn zip_of(parts: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(*name, options).expect("a zip entry");
        zip.write_all(text.as_bytes()).expect("zip bytes");
    }
    zip.finish().expect("a zip").into_inner()
}

/// A manual as an owner keeps it in Word: a title page heading, two procedures (one under a
/// heading style known only by its name), Word numbering, a nested bullet, warnings, and
/// every written form of a standard.
fn manual() -> Vec<u8> {
    let (title, h1, kop, h2) = (
        Some("Title"),
        Some("Heading1"),
        Some("a1"),
        Some("Heading2"),
    );
    let step = Some((1, 0));
    let bullet = Some((1, 1));
    docx(&[
        Para(title, None, "Bell's manual"),
        Para(None, None, "Kept by Ellen."),
        Para(h1, None, "Opening checks"),
        Para(None, None, "Purpose: The shop opens safe and on time."),
        Para(
            None,
            None,
            "Scope: Every morning, before the first customer.",
        ),
        Para(h2, None, "Steps"),
        Para(None, step, "Read the freezer: -20 to -18 °C."),
        Para(None, bullet, "Write it on the sheet"),
        Para(None, step, "Heat the waffle iron to 215 to 225 °C."),
        Para(None, None, "Caution: the plates stay hot for an hour."),
        Para(None, step, "Weigh one scoop: 65 g (60-70 g)"),
        Para(Some("ListNumber"), None, "The fridge is at max 4 °C"),
        Para(None, step, "Soup core temperature at least 75 °C"),
        Para(None, step, "A ball weighs between 60 and 70 g"),
        Para(None, Some((2, 0)), "use the small scale"),
        Para(
            None,
            None,
            "WARNING: never press the ice cream into the scoop.",
        ),
        Para(kop, None, "Soep opwarmen"),
        Para(None, None, "Doel: Soep is heet genoeg."),
        Para(None, None, "Toepassing: Alle soepen."),
        Para(None, step, "Kerntemperatuur minimaal 75 °C"),
        Para(None, None, "Let op: roer tijdens het opwarmen."),
        Para(None, step, "Een kom weegt tussen 300 en 350 g"),
        Para(None, step, "Portie 60–70 g"),
        Para(None, None, "Waarschuwing: heet!"),
    ])
}

const OPENING: &str = r#"Procedure(
    id: "opening-checks-2",
    title: "Opening checks",
    purpose: "The shop opens safe and on time.",
    scope: "Every morning, before the first customer.",
    owner: "ellen",
    revision: 1,
    status: Draft,
    steps: [
        Step(
            id: "read-the-freezer-20-to",
            text: "Read the freezer: -20 to -18 °C. Write it on the sheet",
            spec: (what: "Read the freezer", unit: "°C", min: -20, max: -18),
        ),
        Step(
            id: "heat-the-waffle-iron-to",
            text: "Heat the waffle iron to 215 to 225 °C.",
            spec: (what: "Heat the waffle iron", unit: "°C", min: 215, max: 225),
            warning: "the plates stay hot for an hour.",
        ),
        Step(
            id: "weigh-one-scoop-65-g",
            text: "Weigh one scoop: 65 g (60-70 g)",
            spec: (what: "Weigh one scoop", unit: "g", target: 65, min: 60, max: 70),
        ),
        Step(
            id: "the-fridge-is-at-max",
            text: "The fridge is at max 4 °C",
            spec: (what: "The fridge", unit: "°C", max: 4),
        ),
        Step(
            id: "soup-core-temperature-at-least",
            text: "Soup core temperature at least 75 °C",
            spec: (what: "Soup core temperature", unit: "°C", min: 75),
        ),
        Step(
            id: "a-ball-weighs-between-60",
            text: "A ball weighs between 60 and 70 g use the small scale",
            spec: (what: "A ball weighs", unit: "g", min: 60, max: 70),
            warning: "never press the ice cream into the scoop.",
        ),
    ],
    changes: [Change(revision: 1, on: "2026-12-05", by: "ellen", note: "Imported from manual.docx")],
)
"#;

const SOEP: &str = r#"Procedure(
    id: "soep-opwarmen",
    title: "Soep opwarmen",
    purpose: "Soep is heet genoeg.",
    scope: "Alle soepen.",
    owner: "ellen",
    revision: 1,
    status: Draft,
    steps: [
        Step(
            id: "kerntemperatuur-minimaal-75-c",
            text: "Kerntemperatuur minimaal 75 °C",
            spec: (what: "Kerntemperatuur", unit: "°C", min: 75),
            warning: "roer tijdens het opwarmen.",
        ),
        Step(
            id: "een-kom-weegt-tussen-300",
            text: "Een kom weegt tussen 300 en 350 g",
            spec: (what: "Een kom weegt", unit: "g", min: 300, max: 350),
        ),
        Step(
            id: "portie-60-70-g",
            text: "Portie 60–70 g",
            spec: (what: "Portie", unit: "g", min: 60, max: 70),
            warning: "heet!",
        ),
    ],
    changes: [Change(revision: 1, on: "2026-12-05", by: "ellen", note: "Imported from manual.docx")],
)
"#;

#[test]
fn a_word_manual_becomes_draft_procedures_with_steps_specs_and_warnings() {
    let place = Place::sample();
    let before = place.files();
    let manual = place.file("manual.docx", manual());
    let run = place.import(&manual, &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        "procedures/opening-checks-2.ron: \"Opening checks\", 6 steps, 6 specs, 2 warnings\n\
         procedures/soep-opwarmen.ron: \"Soep opwarmen\", 3 steps, 3 specs, 2 warnings\n\
         imported 2 procedures as drafts\n"
    );
    assert_eq!(
        run.stderr,
        format!(
            "{}: left out, no numbered steps under this heading: Bell's manual\n",
            manual.display()
        )
    );
    assert_eq!(place.read("procedures/opening-checks-2.ron"), OPENING);
    assert_eq!(place.read("procedures/soep-opwarmen.ron"), SOEP);
    // The sample's own "Opening checks" is untouched; only the two new files were added.
    let after = place.files();
    let added: Vec<_> = after.keys().filter(|p| !before.contains_key(*p)).collect();
    assert_eq!(added.len(), 2, "{added:?}");
    assert!(
        before
            .iter()
            .all(|(path, bytes)| after.get(path) == Some(bytes))
    );
    // What was written reads back clean.
    let check = Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .arg("check")
        .arg(&place.root)
        .output()
        .expect("check runs");
    assert!(check.status.success(), "{check:?}");
}

const MARKDOWN: &str = "# Bolletjes scheppen

Elke klant krijgt dezelfde portie.

Toepassing: Alle hoorntjes.

1. Doop de schep in het warme water.
   - Het water is minimaal 50 °C.
2. Schep een bol en weeg hem: 65 g (60-70 g).

   Let op: druk het ijs nooit aan.

# Vriezer

Waarschuwing: dit staat voor de stappen.

1. Zet de vriezer op max. -18 °C.
2. Noteer de temperatuur.
";

#[test]
fn a_markdown_page_in_a_dutch_business_says_so_in_dutch() {
    let place = Place::dutch();
    let page = place.file("werkwijze.md", MARKDOWN);
    let run = place.import(&page, &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        "procedures/bolletjes-scheppen.ron: \"Bolletjes scheppen\", 2 steps, 2 specs, 1 warning\n\
         procedures/vriezer.ron: \"Vriezer\", 2 steps, 1 spec, 0 warnings\n\
         imported 2 procedures as drafts\n"
    );
    assert_eq!(
        run.stderr,
        format!(
            "{}:15: left out, a warning before any step: Waarschuwing: dit staat voor de stappen.\n",
            page.display()
        )
    );
    assert_eq!(
        place.read("procedures/bolletjes-scheppen.ron"),
        r#"Procedure(
    id: "bolletjes-scheppen",
    title: "Bolletjes scheppen",
    purpose: "Elke klant krijgt dezelfde portie.",
    scope: "Alle hoorntjes.",
    owner: "piet-jansen",
    revision: 1,
    status: Draft,
    steps: [
        Step(
            id: "doop-de-schep-in-het",
            text: "Doop de schep in het warme water. Het water is minimaal 50 °C.",
            spec: (what: "Het water", unit: "°C", min: 50),
        ),
        Step(
            id: "schep-een-bol-en-weeg",
            text: "Schep een bol en weeg hem: 65 g (60-70 g).",
            spec: (what: "Schep een bol en weeg hem", unit: "g", target: 65, min: 60, max: 70),
            warning: "druk het ijs nooit aan.",
        ),
    ],
    changes: [Change(revision: 1, on: "2026-12-05", by: "piet-jansen", note: "Geïmporteerd uit werkwijze.md")],
)
"#
    );
    assert_eq!(
        place.read("procedures/vriezer.ron"),
        r#"Procedure(
    id: "vriezer",
    title: "Vriezer",
    owner: "piet-jansen",
    revision: 1,
    status: Draft,
    steps: [
        Step(
            id: "zet-de-vriezer-op-max",
            text: "Zet de vriezer op max. -18 °C.",
            spec: (what: "Zet de vriezer", unit: "°C", max: -18),
        ),
        Step(id: "noteer-de-temperatuur", text: "Noteer de temperatuur."),
    ],
    changes: [Change(revision: 1, on: "2026-12-05", by: "piet-jansen", note: "Geïmporteerd uit werkwijze.md")],
)
"#
    );
}

#[test]
fn plain_text_gets_new_ids_beside_the_procedures_already_there() {
    let place = Place::sample();
    let closing = place.read("procedures/closing-down.ron");
    let text = place.file(
        "closing.txt",
        "Closing down\n============\nPurpose: Leave the shop clean.\n1. Wipe the counters.\n2) Cool the leftover soup to max 4,5 °C within 2 hours.\nWarning: never leave it out overnight.\n3. Lock the door.\n",
    );
    let run = place.import(&text, &["--as", "Tom Bell"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        "procedures/closing-down-2.ron: \"Closing down\", 3 steps, 1 spec, 1 warning\nimported 1 procedure as drafts\n"
    );
    assert_eq!(run.stderr, "");
    assert_eq!(place.read("procedures/closing-down.ron"), closing);
    assert_eq!(
        place.read("procedures/closing-down-2.ron"),
        r#"Procedure(
    id: "closing-down-2",
    title: "Closing down",
    purpose: "Leave the shop clean.",
    owner: "tom",
    revision: 1,
    status: Draft,
    steps: [
        Step(id: "wipe-the-counters", text: "Wipe the counters."),
        Step(
            id: "cool-the-leftover-soup-to",
            text: "Cool the leftover soup to max 4,5 °C within 2 hours.",
            spec: (what: "Cool the leftover soup", unit: "°C", max: 4.5),
            warning: "never leave it out overnight.",
        ),
        Step(id: "lock-the-door", text: "Lock the door."),
    ],
    changes: [Change(revision: 1, on: "2026-12-05", by: "tom", note: "Imported from closing.txt")],
)
"#
    );
}

/// Imports `bytes` as `name` and asserts the refusal: the exit code, a message that contains
/// `says` (and names the file, unless the refusal is about the person in `extra`), and not
/// one byte of the workspace changed.
fn refused(place: &Place, name: &str, bytes: &[u8], extra: &[&str], code: i32, says: &str) {
    let before = place.files();
    let file = place.file(name, bytes);
    let run = place.import(&file, extra);
    assert_eq!(run.code, Some(code), "{name}: {run:?}");
    assert!(
        run.stderr.contains(says) && (!extra.is_empty() || run.stderr.contains(name)),
        "{name}: {}",
        run.stderr
    );
    assert_eq!(run.stdout, "", "{name}");
    assert!(place.files() == before, "{name}: the workspace changed");
}

#[test]
fn documents_that_cannot_be_read_are_refused_and_nothing_is_written() {
    let place = Place::sample();
    let manual = manual();
    let mut broken_xml = zip_of(&[("word/document.xml", "<w:document><w:body>".to_owned())]);
    refused(
        &place,
        "notes.docx",
        b"just some text",
        &[],
        2,
        "is not a Word document",
    );
    let rar = zip_of(&[("notes.txt", "a zip, but no Word inside".to_owned())]);
    refused(
        &place,
        "archive.docx",
        &rar,
        &[],
        2,
        "is not a Word document",
    );
    refused(
        &place,
        "half.docx",
        &manual[..manual.len() / 2],
        &[],
        2,
        "is damaged",
    );
    refused(
        &place,
        "xml.docx",
        &broken_xml,
        &[],
        2,
        "is damaged: word/document.xml",
    );
    broken_xml.clear();
    let password = fs::read("tests/import/password.docx").expect("the kept encrypted file");
    refused(
        &place,
        "secret.docx",
        &password,
        &[],
        2,
        "is password-protected",
    );
    // An OLE file without encryption: what Word 97-2003 saved.
    let mut old = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    old.resize(4096, 0);
    refused(
        &place,
        "old.doc",
        &old,
        &[],
        2,
        "is an old Word file (.doc)",
    );
    refused(&place, "blank.docx", &docx(&[]), &[], 1, "is empty");
    refused(&place, "blank.md", b"\n\n", &[], 1, "is empty");
    let prose = "# Our shop\n\nWe sell ice cream.\n\n- cones\n- cups\n";
    refused(&place, "prose.md", prose.as_bytes(), &[], 1, "has no steps");
    refused(
        &place,
        "latin.txt",
        b"Title\n=====\n1. Caf\xe9 open\n",
        &[],
        1,
        "latin.txt:3: this is not UTF-8",
    );
    let steps = b"1. Open the shop\n";
    refused(
        &place,
        "staff.txt",
        steps,
        &["--as", "priya"],
        2,
        "Priya Shah may not import procedures",
    );
    refused(
        &place,
        "nobody.txt",
        steps,
        &["--as", "zoe"],
        2,
        "\"zoe\" is nobody on the staff",
    );
}

#[test]
fn a_document_over_50_mib_is_refused_before_it_is_read() {
    let place = Place::sample();
    let before = place.files();
    let big = place.parent.path().join("big.docx");
    let file = fs::File::create(&big).expect("a file");
    file.set_len(50 * 1024 * 1024 + 1).expect("a sparse file");
    let run = place.import(&big, &[]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr
            .contains("big.docx is 50 MiB; at most 50 MiB can be imported"),
        "{}",
        run.stderr
    );
    assert!(place.files() == before);
}

#[test]
fn a_procedure_file_that_did_not_read_is_never_written_over() {
    let place = Place::sample();
    let broken = "Procedure(id: \"closing-down-2\", title: ";
    fs::write(place.root.join("procedures/closing-down-2.ron"), broken).expect("a broken file");
    let text = place.file("closing.txt", "# Closing down\n1. Lock the door.\n");
    let run = place.import(&text, &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.starts_with("procedures/closing-down-3.ron: "),
        "{}",
        run.stdout
    );
    assert_eq!(place.read("procedures/closing-down-2.ron"), broken);
    assert!(
        place
            .read("procedures/closing-down-3.ron")
            .contains("Lock the door.")
    );
}
