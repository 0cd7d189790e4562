//! The printed manual, read back as a person would read it: the PDF as poppler's
//! `pdftotext` and `pdfinfo` would (in Rust, tests/pdf), the HTML as a browser shows it, the
//! Markdown against a golden file.
//!
//! PDFs are made from small workspaces, so a debug test run stays fast.

mod pdf;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pdf::{image_sizes, page_info, poppler};

use rightfirst::export::{
    ExportError, ManualFormat, ManualOptions, Paper, manual, manual_procedures, manual_with_photos,
};
use rightfirst::model::{Checklist, Date, Language, Photos, Procedure, Records, Workspace};
use rightfirst::store::Folder;
use rightfirst::store::document::write_document;
use rightfirst::store::format::parse;

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("procedures")
}

fn sample() -> Records {
    let folder = Folder::inspect(&sample_dir()).expect("the sample workspace opens");
    folder.records().clone()
}

fn today() -> Date {
    Date::new(2026, 11, 23).expect("a day")
}

fn options(format: ManualFormat, language: Language) -> ManualOptions {
    ManualOptions {
        format,
        language,
        paper: Paper::A4,
        procedures: Vec::new(),
        drafts: false,
        today: today(),
    }
}

fn export(records: &Records, options: &ManualOptions) -> Vec<u8> {
    manual(records, options, &|_, _| {}).expect("the manual exports")
}

fn text_of(records: &Records, options: &ManualOptions) -> String {
    String::from_utf8(export(records, options)).expect("UTF-8")
}

/// Each page's text, as pdftotext reads it (pages end in a form feed).
fn pdf_pages(pdf: &[u8]) -> Vec<String> {
    let text = poppler("pdftotext", pdf, &["-raw", "-enc", "UTF-8"]);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|last| last.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Text reduced to what survives typesetting: no white space and no hyphens, since the
/// typesetter breaks lines and hyphenates words where it likes, and lower case, since
/// labels print in capitals.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Asserts that every text of `wanted` is in `haystack`, each after the one before.
fn assert_in_order<S: AsRef<str>>(haystack: &str, wanted: &[S]) {
    let haystack = squash(haystack);
    let mut from = 0;
    for text in wanted {
        let needle = squash(text.as_ref());
        match haystack[from..].find(&needle) {
            Some(at) => from += at + needle.len(),
            None => {
                let anywhere = haystack.contains(&needle);
                panic!(
                    "{:?} is {} in:\n{haystack}",
                    text.as_ref(),
                    if anywhere { "out of order" } else { "missing" }
                );
            }
        }
    }
}

fn assert_has(haystack: &str, wanted: &str) {
    assert_in_order(haystack, &[wanted]);
}

/// The text a browser shows: tags dropped, entities decoded.
fn html_text(html: &str) -> String {
    let body = html.split_once("<body>").map_or(html, |(_, body)| body);
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// What every format must say of a procedure: its title, steps in order, specs, warnings.
fn procedure_words(procedure: &Procedure) -> Vec<String> {
    let mut words = vec![procedure.title.clone()];
    if !procedure.purpose.is_empty() {
        words.push(procedure.purpose.clone());
    }
    for step in &procedure.steps {
        words.push(step.text.clone());
        if let Some(spec) = &step.spec
            && !spec.what.is_empty()
        {
            words.push(spec.what.clone());
        }
        if let Some(warning) = &step.warning {
            words.push(warning.clone());
        }
    }
    words
}

fn form_words(checklist: &Checklist) -> Vec<String> {
    let mut words = vec![checklist.title.clone()];
    words.extend(checklist.items.iter().map(|item| item.prompt.clone()));
    words
}

#[test]
fn the_sample_manual_prints_every_approved_step_in_order_and_every_form() {
    let records = sample();
    let pdf = export(&records, &options(ManualFormat::Pdf, Language::En));
    assert!(pdf.starts_with(b"%PDF-"));
    let pages = pdf_pages(&pdf);
    let (count, size) = page_info(&pdf);
    assert_eq!(pages.len(), count);
    assert!(size.contains("(A4)"), "{size}");
    let text = pages.join("\n");

    let printed = manual_procedures(&records, false);
    let ids: Vec<&str> = printed.iter().map(|p| p.id.as_str()).collect();
    assert!(
        !ids.contains(&"closing-down"),
        "a draft is left out: {ids:?}"
    );
    assert_eq!(printed.len(), records.procedures.len() - 1);
    // Cover and contents, then a page or more per procedure and one per form.
    assert!(
        count >= 2 + printed.len() + records.checklists.len(),
        "{count} pages"
    );
    assert_in_order(
        &pages[0],
        &[
            "Bell's Quayside Ices & Sandwiches",
            "Procedure manual",
            "23 November 2026",
            "Manual revision",
        ],
    );
    // The contents list every procedure, then every form, with the page it starts on.
    let mut contents: Vec<String> = printed.iter().map(|p| p.title.clone()).collect();
    contents.push("Checklist forms".into());
    assert_in_order(&pages[1], &contents);
    for procedure in &printed {
        assert_in_order(&text, &procedure_words(procedure));
    }
    for checklist in &records.checklists {
        assert_in_order(&text, &form_words(checklist));
    }
    for spec in [
        "water bath temperature: 45 °C (40–50 °C)",
        "ball weight: 65 g (60–70 g)",
    ] {
        assert_has(&text, spec);
    }
    assert_has(&text, "WARNING Never press the ice cream into the scoop.");
    assert_has(
        &text,
        "Revision history Revision Date By What changed 2 2026-05-02 Ellen Bell",
    );
    assert_has(&text, "Order number");
    assert_has(&text, "(60–70 g)");
    for (n, page) in pages.iter().enumerate().skip(1) {
        assert_has(page, &format!("Page {} of {count}", n + 1));
        assert_has(page, "Bell's Quayside Ices & Sandwiches · Procedure manual");
    }
    assert!(!text.contains("DRAFT"), "no drafts were asked for");
}

/// A Dutch workspace whose owner typed things that look like markup.
const HOSTILE_WORKSPACE: &str = r#"Workspace(
    format: 1,
    name: "Bakkerij <b>Zoë</b> & $x$ #set page(width: 1cm)",
    language: "nl",
    staff: [Person(id: "anna", name: "Anna *de* Vries", role: Owner)],
)"#;

const HOSTILE_PROCEDURE: &str = r##"Procedure(
    id: "taart",
    title: "Crème brûlée <script>alert(1)</script> #set page(width: 1cm) ]",
    purpose: "Ëlke klant krijgt dezelfde taart: ë é ï ö ü, 4 °C ± 1.",
    scope: "</div> $x$ *vet* _schuin_ [link](http://x) `code`",
    owner: "anna",
    revision: 2,
    status: Approved(by: "anna", on: "2026-10-01"),
    review_by: "2026-11-01",
    steps: [
        Step(id: "a", text: "#set text(red) Verwarm de oven; </div><div> tot de ïndicator brandt."),
        Step(
            id: "b",
            text: "Weeg het deeg: 1. niet meer | niet minder.",
            spec: (what: "gewicht <i>deeg</i>", unit: "g", target: 450.5, min: 440, max: 460),
            warning: "Nooit $x$ of #pagebreak() in de oven ]] zonder handschoen.",
        ),
        Step(id: "c", text: "- Koel af tot onder de 7 °C.", spec: (unit: "°C", max: 7)),
    ],
    changes: [
        Change(revision: 2, on: "2026-10-01", by: "anna", note: "Stap <b>b</b> #strong[x] aangepast."),
    ],
)"##;

const HOSTILE_CHECKLIST: &str = r##"Checklist(
    id: "taart-check",
    title: "Controle </div> #set page(height: 1cm) $y$",
    procedure: "taart",
    four_eyes: true,
    revision: 1,
    status: Approved(by: "anna", on: "2026-10-01"),
    items: [
        Item(id: "gewicht", prompt: "Je weegt de taart <script>.", kind: Measure(unit: "g", min: 440, max: 460), critical: true),
        Item(id: "kleur", prompt: "Je bekijkt de kleur *goed*.", kind: Choice(options: ["goudbruin", "bleek #1", "zwart ]"], pass: ["goudbruin"])),
        Item(id: "schoon", prompt: "Je controleert of de rand schoon is.", kind: Tick),
        Item(id: "notitie", prompt: "Je noteert bijzonderheden.", kind: Text),
    ],
)"##;

fn hostile() -> Records {
    let workspace: Workspace = parse(HOSTILE_WORKSPACE).expect("the workspace parses");
    let mut records = Records::new(workspace);
    records.procedures = vec![parse(HOSTILE_PROCEDURE).expect("the procedure parses")];
    records.checklists = vec![parse(HOSTILE_CHECKLIST).expect("the checklist parses")];
    records
}

const HOSTILE_TEXTS: &[&str] = &[
    "Bakkerij <b>Zoë</b> & $x$ #set page(width: 1cm)",
    "Crème brûlée <script>alert(1)</script> #set page(width: 1cm) ]",
    "Ëlke klant krijgt dezelfde taart: ë é ï ö ü, 4 °C ± 1.",
    "</div> $x$ *vet* _schuin_ [link](http://x) `code`",
    "#set text(red) Verwarm de oven; </div><div> tot de ïndicator brandt.",
    "Weeg het deeg: 1. niet meer | niet minder.",
    "gewicht <i>deeg</i>",
    "Nooit $x$ of #pagebreak() in de oven ]] zonder handschoen.",
    "- Koel af tot onder de 7 °C.",
    "Stap <b>b</b> #strong[x] aangepast.",
    "Controle </div> #set page(height: 1cm) $y$",
    "Je weegt de taart <script>.",
    "Je bekijkt de kleur *goed*.",
    "bleek #1",
    "zwart ]",
];

#[test]
fn hostile_dutch_text_prints_literally_in_the_pdf_on_four_a4_pages() {
    let records = hostile();
    let pdf = export(&records, &options(ManualFormat::Pdf, Language::Nl));
    let (count, size) = page_info(&pdf);
    assert_eq!(count, 4, "cover, contents, the procedure and its form");
    assert!(size.contains("(A4)"), "user text set the page size: {size}");
    let pages = pdf_pages(&pdf);
    let text = pages.join("\n");
    assert_in_order(&text, HOSTILE_TEXTS);
    for wanted in [
        "Procedurehandboek",
        "Inhoud",
        "Werkwijze",
        "gewicht <i>deeg</i>: 450,5 g (440–460 g)",
        "≤ 7 °C",
        "LET OP Nooit $x$",
        "Herzien vóór",
        "2026-11-01 (verlopen)",
        "Anna *de* Vries",
        "Bestelnummer",
        "Handtekening",
        "Kritisch",
        "omcirkel één",
        "Vier ogen",
        "Pagina 4 van 4",
    ] {
        assert_has(&text, wanted);
    }
    // Ticks are drawn boxes, not a glyph that a font may lack.
    assert!(!text.contains('☐'), "{text}");
    // Every font is the vendored Inter, embedded.
    let fonts = poppler("pdffonts", &pdf, &[]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        assert!(row.contains("Inter"), "{fonts}");
        assert!(
            columns.len() >= 5 && columns[columns.len() - 5] == "yes",
            "not embedded:\n{fonts}"
        );
    }
}

#[test]
fn hostile_text_is_escaped_in_html() {
    let records = hostile();
    let html = text_of(&records, &options(ManualFormat::Html, Language::Nl));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"nl\">"));
    assert!(html.contains("@media print") && html.contains("break-before: page"));
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<b>") && !html.contains("<i>"), "{html}");
    assert!(!html.contains("<link") && !html.contains("src="));
    assert_eq!(
        html.matches("<div").count(),
        html.matches("</div>").count(),
        "user text closed or opened an element"
    );
    assert!(html.contains("Crème brûlée &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_in_order(&html_text(&html), HOSTILE_TEXTS);
}

#[test]
fn hostile_text_is_escaped_in_markdown() {
    let records = hostile();
    let md = text_of(&records, &options(ManualFormat::Markdown, Language::Nl));
    for wanted in [
        "# Bakkerij \\<b\\>Zoë\\</b\\> & \\$x\\$ #set page(width: 1cm): Procedurehandboek",
        "## 1 Crème brûlée \\<script\\>alert(1)\\</script\\> #set page(width: 1cm) \\]",
        "**Toepassing:** \\</div\\> \\$x\\$ \\*vet\\* \\_schuin\\_ \\[link\\](http://x) \\`code\\`",
        "1. \\#set text(red) Verwarm de oven; \\</div\\>\\<div\\> tot de ïndicator brandt.",
        "2. Weeg het deeg: 1. niet meer \\| niet minder.",
        "   - Norm: gewicht \\<i\\>deeg\\</i\\> **450,5 g (440–460 g)**",
        "   > **Let op:** Nooit \\$x\\$ of #pagebreak() in de oven \\]\\] zonder handschoen.",
        "3. \\- Koel af tot onder de 7 °C.",
        "| 1 | Je weegt de taart \\<script\\>. **KRITISCH** | \\_\\_\\_\\_\\_\\_ g (440–460 g) |",
        "| 2 | Je bekijkt de kleur \\*goed\\*. | **goudbruin** / bleek #1 / zwart \\] (omcirkel één) |",
    ] {
        assert!(md.contains(wanted), "missing {wanted:?} in:\n{md}");
    }
    let bare = md
        .match_indices('<')
        .filter(|(at, _)| !md[..*at].ends_with('\\'));
    assert_eq!(bare.count(), 0, "user text opened an HTML tag:\n{md}");
}

#[test]
fn drafts_print_only_when_asked_and_then_say_so_on_every_page() {
    let mut records = hostile();
    let mut draft: Procedure = parse(HOSTILE_PROCEDURE).expect("the procedure parses");
    draft.id = "deeg".into();
    draft.title = "Deeg kneden".into();
    draft.status = rightfirst::model::Status::Draft;
    // Long enough to run over a page.
    let step = draft.steps[0].clone();
    draft.steps = (0..40)
        .map(|n| {
            let mut step = step.clone();
            step.id = format!("s{n}");
            step.text = format!("Stap nummer {n}: kneed het deeg nog een keer goed door.");
            step
        })
        .collect();
    records.procedures.push(draft);

    let mut asked = options(ManualFormat::Pdf, Language::En);
    asked.paper = Paper::Letter;
    let without = pdf_pages(&export(&records, &asked));
    assert!(!without.join("").contains("Deeg kneden"));

    asked.drafts = true;
    let pdf = export(&records, &asked);
    let (count, size) = page_info(&pdf);
    assert!(size.contains("(letter)"), "{size}");
    let pages = pdf_pages(&pdf);
    assert_eq!(pages.len(), count);
    assert_has(&pages[0], "This manual includes drafts.");
    let draft_pages: Vec<usize> = (pages.iter().enumerate())
        .filter(|(_, page)| page.contains("Stap nummer"))
        .map(|(n, _)| n)
        .collect();
    assert!(draft_pages.len() >= 2, "the draft runs over pages");
    for n in draft_pages {
        assert_has(&pages[n], "DRAFT");
    }
    let approved = (pages.iter()).find(|page| page.contains("Verwarm de oven"));
    assert!(
        approved.is_some_and(|page| !page.contains("DRAFT")),
        "an approved procedure is not marked"
    );
}

#[test]
fn one_procedure_prints_with_its_forms_and_unknown_ones_are_refused() {
    let records = sample();
    let mut asked = options(ManualFormat::Markdown, Language::En);
    asked.procedures = vec!["scoop-ice-cream".into()];
    let md = text_of(&records, &asked);
    assert!(md.contains("## 1 Scooping ice cream"), "{md}");
    assert!(md.contains("Second check of a cone or cup"));
    assert!(!md.contains("Baking waffles") && !md.contains("Second check of a waffle"));

    let refuse = |id: &str, drafts: bool| {
        let mut asked = asked.clone();
        asked.procedures = vec![id.to_owned()];
        asked.drafts = drafts;
        manual(&records, &asked, &|_, _| {}).map(|_| ())
    };
    assert_eq!(
        refuse("no-such", false),
        Err(ExportError::UnknownProcedure("no-such".into()))
    );
    assert_eq!(
        refuse("closing-down", false),
        Err(ExportError::NotApproved("closing-down".into()))
    );
    assert_eq!(refuse("closing-down", true), Ok(()));
}

#[test]
fn progress_counts_up_to_its_total() {
    let records = hostile();
    let seen = std::cell::RefCell::new(Vec::new());
    let asked = options(ManualFormat::Html, Language::En);
    manual(&records, &asked, &|done, total| {
        seen.borrow_mut().push((done, total))
    })
    .expect("the manual exports");
    let seen = seen.into_inner();
    assert_eq!(seen.first(), Some(&(0, 2)));
    assert_eq!(seen.last(), Some(&(2, 2)));
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0));
}

#[test]
fn the_same_workspace_gives_the_same_pdf() {
    let records = hostile();
    let asked = options(ManualFormat::Pdf, Language::En);
    assert_eq!(export(&records, &asked), export(&records, &asked));
}

/// The sample's manual in Markdown, against `tests/golden/manual.md`. After a deliberate
/// change, rewrite the file with `UPDATE_GOLDEN=1 cargo test --test manual` and review the diff.
#[test]
fn the_sample_manual_in_markdown_matches_the_golden_file() {
    let records = sample();
    let md = text_of(&records, &options(ManualFormat::Markdown, Language::En));
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/manual.md");
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        write_document(&golden, md.as_bytes()).expect("the golden file is written");
        return;
    }
    let expected = std::fs::read_to_string(&golden)
        .expect("tests/golden/manual.md exists; make it with UPDATE_GOLDEN=1");
    if md != expected {
        let line = (md.lines().zip(expected.lines()))
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| md.lines().count().min(expected.lines().count()));
        panic!(
            "the Markdown manual differs from tests/golden/manual.md from line {}:\n  now:    {:?}\n  golden: {:?}\nIf the change is meant, run UPDATE_GOLDEN=1 cargo test --test manual and review the diff.",
            line + 1,
            md.lines().nth(line).unwrap_or(""),
            expected.lines().nth(line).unwrap_or("")
        );
    }
    let steps: Vec<String> = (manual_procedures(&records, false).iter())
        .flat_map(|p| p.steps.iter().map(|s| s.text.clone()))
        .collect();
    assert_in_order(&md, &steps);
}

fn rightfirst(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .args(args)
        .output()
        .expect("rightfirst runs")
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temp path")
}

#[test]
fn the_command_line_writes_refuses_broken_workspaces_and_says_why() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let workspace = dir.path().join("shop");
    rightfirst::store::create(&workspace, rightfirst::sample::FILES).expect("a sample copy");
    let out = dir.path().join("manual.md");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "export",
            arg(&workspace),
            "-o",
            arg(&out),
            "--today",
            "2026-11-23",
        ];
        args.extend_from_slice(extra);
        rightfirst(&args)
    };

    let done = run(&["--language", "nl", "--procedure", "hygiene"]);
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let md = std::fs::read_to_string(&out).expect("OUT is written");
    assert!(
        md.starts_with("# Bell's Quayside Ices & Sandwiches: Procedurehandboek"),
        "{md}"
    );
    assert!(md.contains("Hand washing and cleaning") && !md.contains("Baking waffles"));

    let unknown = run(&["--procedure", "no-such"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no-such"));

    let missing = rightfirst(&["export", arg(&dir.path().join("nowhere")), "-o", arg(&out)]);
    assert_eq!(missing.status.code(), Some(2));

    // An order that does not read is no business of the manual's.
    let order = workspace.join("orders/2026-11/2026-11-0047.ron");
    std::fs::write(&order, "Order(").expect("an order is broken");
    assert_eq!(run(&[]).status.code(), Some(0));

    std::fs::write(
        workspace.join("procedures/hygiene.ron"),
        "Procedure(id: \"hygiene\",",
    )
    .expect("a procedure is broken");
    std::fs::remove_file(&out).expect("OUT is removed");
    let broken = run(&[]);
    assert_eq!(broken.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(stderr.contains("procedures/hygiene.ron:"), "{stderr}");
    assert!(!stderr.contains("2026-11-0047"), "{stderr}");
    assert!(!out.exists(), "no manual from a broken workspace");

    // Another procedure's manual does not depend on the broken one.
    let other = run(&["--procedure", "bake-waffle", "--format", "html"]);
    assert_eq!(
        other.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&other.stderr)
    );
    let html = std::fs::read_to_string(&out).expect("OUT is written");
    assert!(html.starts_with("<!DOCTYPE html>"));
}

/// A PNG of `width` × `height` grey pixels, written out by hand (stored deflate blocks,
/// CRC-32 and Adler-32), so the test needs no image crate.
fn png(width: u32, height: u32) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let crc = crc32(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    }
    // Each row: filter byte 0, then RGB.
    let mut raw = Vec::new();
    for y in 0..height {
        raw.push(0);
        for x in 0..width {
            raw.extend_from_slice(&[(x * 7) as u8, (y * 11) as u8, 128]);
        }
    }
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (n, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(n + 1 == blocks.len()));
        let len = block.len() as u16;
        zlib.extend_from_slice(&len.to_le_bytes());
        zlib.extend_from_slice(&(!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    zlib.extend_from_slice(&((b << 16) | a).to_be_bytes());
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"IDAT", &zlib);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// The picture's size, chosen so no other image in a manual has it.
const PHOTO_SIZE: (u32, u32) = (37, 23);

/// The sample with two photos on the first step of its first procedure: one handed in
/// as bytes, one missing; and that procedure's id, to print it alone.
fn with_step_photos() -> (Records, Photos, String) {
    let mut records = sample();
    let id = manual_procedures(&records, false)[0].id.clone();
    let procedure = (records.procedures.iter_mut())
        .find(|p| p.id == id)
        .expect("the procedure");
    procedure.steps[0].photos = vec![
        format!("attachments/procedures/{id}/right cone.png"),
        format!("attachments/procedures/{id}/gone.jpg"),
    ];
    let mut photos = Photos::default();
    photos.insert(
        format!("attachments/procedures/{id}/right cone.png"),
        png(PHOTO_SIZE.0, PHOTO_SIZE.1),
    );
    (records, photos, id)
}

fn export_with_photos(
    records: &Records,
    photos: &Photos,
    format: ManualFormat,
    language: Language,
    procedure: &str,
) -> Vec<u8> {
    let mut options = options(format, language);
    options.procedures = vec![procedure.to_owned()];
    manual_with_photos(records, &options, photos, &|_, _| {}).expect("the manual exports")
}

#[test]
fn the_pdf_embeds_a_step_photo_and_prints_a_missing_one_as_missing() {
    let (records, photos, id) = with_step_photos();
    let pdf = export_with_photos(&records, &photos, ManualFormat::Pdf, Language::En, &id);
    // pdfimages lists every image XObject: page, number, type, width, height, ...
    let images = poppler("pdfimages", &pdf, &["-list"]);
    assert_eq!(image_sizes(&pdf), [PHOTO_SIZE], "{images}");
    let text = squash(&poppler("pdftotext", &pdf, &[]));
    assert_has(&text, "Photo missing");
    assert_has(&text, &format!("attachments/procedures/{id}/gone.jpg"));
    // Without the bytes, both print as missing and nothing is embedded.
    let bare = export_with_photos(
        &records,
        &Photos::default(),
        ManualFormat::Pdf,
        Language::Nl,
        &id,
    );
    let listed = poppler("pdfimages", &bare, &["-list"]);
    assert_eq!(listed.lines().count(), 2, "{listed}");
    assert_eq!(
        squash(&poppler("pdftotext", &bare, &[]))
            .matches(&squash("Foto ontbreekt"))
            .count(),
        2
    );
}

#[test]
fn the_html_embeds_a_step_photo_as_a_data_uri_and_markdown_links_it() {
    let (records, photos, id) = with_step_photos();
    let html = String::from_utf8(export_with_photos(
        &records,
        &photos,
        ManualFormat::Html,
        Language::En,
        &id,
    ))
    .expect("UTF-8");
    let picture = photos
        .get(&format!("attachments/procedures/{id}/right cone.png"))
        .expect("handed in");
    assert!(
        html.contains(&format!(
            "src=\"data:image/png;base64,{}\"",
            base64(picture)
        )),
        "the picture is not embedded"
    );
    assert_has(&html_text(&html), "Photo missing");
    assert_has(&html, &format!("attachments/procedures/{id}/gone.jpg"));
    assert!(!html.contains("right cone.png"), "the HTML links out");

    let markdown = String::from_utf8(export_with_photos(
        &records,
        &photos,
        ManualFormat::Markdown,
        Language::Nl,
        &id,
    ))
    .expect("UTF-8");
    assert_has(
        &markdown,
        &format!("![Foto 1](attachments/procedures/{id}/right%20cone.png)"),
    );
    assert_has(&markdown, "*Foto ontbreekt: attachments/procedures/");
}

/// Standard base64, written independently of the exporter's.
fn base64(bytes: &[u8]) -> String {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = String::new();
    for byte in bytes {
        bits.push_str(&format!("{byte:08b}"));
    }
    while !bits.len().is_multiple_of(6) {
        bits.push('0');
    }
    let mut out: String = (0..bits.len() / 6)
        .map(|n| alphabet[usize::from_str_radix(&bits[n * 6..n * 6 + 6], 2).unwrap()] as char)
        .collect();
    while !out.len().is_multiple_of(4) {
        out.push('=');
    }
    out
}

#[test]
fn the_command_line_prints_the_photos_the_workspace_holds() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let workspace = dir.path().join("shop");
    rightfirst::store::create(&workspace, rightfirst::sample::FILES).expect("a sample copy");
    let file = workspace.join("procedures/hygiene.ron");
    let mut procedure: Procedure =
        parse(&std::fs::read_to_string(&file).expect("read")).expect("parse");
    procedure.steps[0].photos = vec![
        "attachments/procedures/hygiene/hands.png".to_owned(),
        "attachments/procedures/hygiene/gone.png".to_owned(),
    ];
    write_document(
        &file,
        rightfirst::store::format::print(&procedure).as_bytes(),
    )
    .expect("write");
    let picture = png(PHOTO_SIZE.0, PHOTO_SIZE.1);
    let folder = workspace.join("attachments/procedures/hygiene");
    std::fs::create_dir_all(&folder).expect("mkdir");
    write_document(&folder.join("hands.png"), &picture).expect("write");
    let out = dir.path().join("manual.html");
    let done = rightfirst(&[
        "export",
        arg(&workspace),
        "-o",
        arg(&out),
        "--procedure",
        "hygiene",
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let html = std::fs::read_to_string(&out).expect("the manual");
    assert!(html.contains(&format!("data:image/png;base64,{}", base64(&picture))));
    assert_has(&html, "attachments/procedures/hygiene/gone.png");
    // check says the same: the missing one is a warning, so it passes.
    let check = rightfirst(&["check", arg(&workspace)]);
    let said = String::from_utf8_lossy(&check.stdout);
    assert_eq!(check.status.code(), Some(0), "{said}");
    assert!(
        said.contains("procedures/hygiene.ron:") && said.contains("gone.png is missing"),
        "{said}"
    );
}

/// Issue 14: every form's result has the three states a check comes to, and its legend
/// says what each means, in both languages and every format.
#[test]
fn every_form_names_the_three_states_of_a_check_and_says_what_they_mean() {
    let records = sample();
    for (language, wanted) in [
        (
            Language::En,
            [
                "Passed",
                "Passed with ___ not OK",
                "Failed",
                "Failed: a critical item failed or is missing, and the order must not go out.",
                "only items that are not critical failed; the order may go out, and each is logged as a defect.",
            ],
        ),
        (
            Language::Nl,
            [
                "Goedgekeurd",
                "Goedgekeurd met ___ niet in orde",
                "Afgekeurd",
                "Afgekeurd: een kritiek punt is fout of ontbreekt, en de bestelling mag niet weg.",
                "alleen punten die niet kritiek zijn, zijn fout; de bestelling mag weg, en elk punt wordt als gebrek vastgelegd.",
            ],
        ),
    ] {
        let html = text_of(&records, &options(ManualFormat::Html, language));
        let pdf = pdf_pages(&export(&records, &options(ManualFormat::Pdf, language))).join("\n");
        for text in [html, pdf] {
            assert_in_order(&text, &wanted);
        }
    }
}
