//! An order's QC record, exported as PDF and HTML and read back as a person would read it.
//!
//! PDFs are read back in Rust (tests/pdf), as poppler's `pdftotext` and `pdfinfo` would.

mod pdf;

use std::path::Path;

use pdf::{page_info, poppler};

use rightfirst::export::{Format, order_record};
use rightfirst::model::{DateTime, Language, Order, Records};
use rightfirst::store::Folder;
use rightfirst::store::format::parse;

fn sample() -> Records {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("procedures");
    let folder = Folder::inspect(&root).expect("the sample workspace opens");
    folder.records().clone()
}

fn printed() -> DateTime {
    "2026-11-23T10:00".parse().expect("a valid time")
}

fn order<'a>(records: &'a Records, id: &str) -> &'a Order {
    (records.orders.iter().find(|order| order.id == id))
        .unwrap_or_else(|| panic!("the sample has order {id}"))
}

/// The PDF's text with every run of white space made one space, so wrapped lines join up.
fn pdf_text(pdf: &[u8]) -> String {
    flat(&poppler("pdftotext", pdf, &["-enc", "UTF-8"]))
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text a browser shows: tags dropped, entities decoded, white space made one space.
fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    let body = html.split_once("<body>").map_or(html, |(_, body)| body);
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
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    flat(&text)
}

fn assert_has(text: &str, wanted: &str) {
    assert!(
        text.contains(&flat(wanted)),
        "missing {wanted:?} in:\n{text}"
    );
}

/// What a person must find on the record of sample order 2026-11-0026: a failed check,
/// a defect and two contacts.
fn assert_sample_content(text: &str, records: &Records) {
    let order = order(records, "2026-11-0026");
    let check = &order.checks[0];
    let checklist = records
        .checklist_revision(&check.checklist, check.revision)
        .expect("the sample's checklist");
    for wanted in [
        "Bell's Quayside Ices & Sandwiches",
        "QC record",
        "2026-11-0026",
        "Harbourside Dental Practice",
        "Jake Morrow",
        "Priya Shah",
        "2026-11-12 11:45",
        "Second check of a ham & cheese roll",
        "revision 1",
        "40 g",
        "45–55 g",
        "Out of bounds",
        "4 °C",
        "fresh, springs back",
        "Printed 2026-11-23 10:00",
    ] {
        assert_has(text, wanted);
    }
    for item in &checklist.items {
        assert_has(text, &item.prompt);
    }
    let defect = &order.defects[0];
    assert_has(text, &defect.description);
    assert_has(text, "Making a ham & cheese roll, step 4");
    if let Some(root) = &defect.root_cause {
        for why in &root.whys {
            assert_has(text, why);
        }
        assert_has(text, &root.cause);
    }
    for contact in &order.contacts {
        assert_has(text, &contact.about);
    }
    assert_has(text, "Ellen Bell");
}

/// A Dutch customer's order with a missing critical answer and text that looks like markup.
const HOSTILE: &str = r##"Order(
    id: "2026-11-9001",
    placed: "2026-11-20",
    customer: "Café Zoë",
    product: "#set page(width: 1cm) broodjes",
    made_by: "jake",
    checks: [
        Check(
            checklist: "sandwich-check",
            revision: 1,
            checked_by: "priya",
            at: "2026-11-20T09:15",
            results: [
                Result(item: "bread", outcome: Chosen("fresh, springs back")),
                Result(item: "ham-slices", outcome: Value(3)),
                Result(item: "ham-weight", outcome: Value(60)),
                Result(item: "butter", outcome: Pass),
                Result(item: "label-time", outcome: Text("$x$ *bold* ] _x_")),
                Result(item: "fridge", outcome: Value(4.5)),
            ],
        ),
    ],
    defects: [
        Defect(
            id: "d1",
            found: "2026-11-20",
            found_by: Staff("tom"),
            category: "Material",
            severity: Minor,
            description: "<script>alert(1)</script> </div> ]] #set text(red) — crème brûlée, ë é ï ö ü, 4 °C ± 1.",
        ),
    ],
    contacts: [
        Contact(at: "2026-11-20T11:00", channel: Email, by: "ellen", about: "Zoë vroeg naar de koelcel: 4 °C ± 1.", apology: true),
    ],
)"##;

fn hostile(records: &Records) -> Order {
    let order: Order = parse(HOSTILE).expect("the test order parses");
    assert!(records.workspace.person(&order.made_by).is_some());
    order
}

#[test]
fn a_failed_check_its_defect_and_contacts_print_on_one_pdf_page() {
    let records = sample();
    let pdf = order_record(
        &records,
        order(&records, "2026-11-0026"),
        Format::Pdf,
        Language::En,
        printed(),
    )
    .expect("the record exports");
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_text(&pdf);
    assert_sample_content(&text, &records);
    assert_has(&text, "FAILED");
    let (count, size) = page_info(&pdf);
    assert_eq!(count, 1, "{text}");
    assert!(size.contains("(A4)"), "{size}");
}

#[test]
fn the_html_record_says_what_the_pdf_says() {
    let records = sample();
    let html = order_record(
        &records,
        order(&records, "2026-11-0026"),
        Format::Html,
        Language::En,
        printed(),
    )
    .expect("the record exports");
    let html = String::from_utf8(html).expect("HTML is UTF-8");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@media print"));
    assert!(!html.contains("<link") && !html.contains("<script") && !html.contains("src="));
    let text = html_text(&html);
    assert_sample_content(&text, &records);
    assert_has(&text, "Failed");
}

#[test]
fn dutch_text_and_markup_lookalikes_print_literally_in_the_pdf() {
    let records = sample();
    let order = hostile(&records);
    let pdf = order_record(&records, &order, Format::Pdf, Language::Nl, printed())
        .expect("the record exports");
    let text = pdf_text(&pdf);
    for wanted in [
        "Kwaliteitsrecord",
        "Bestelling",
        "2026-11-9001",
        "Café Zoë",
        "#set page(width: 1cm) broodjes",
        "$x$ *bold* ] _x_",
        "<script>alert(1)</script> </div> ]] #set text(red)",
        "crème brûlée, ë é ï ö ü, 4 °C ± 1.",
        "Zoë vroeg naar de koelcel: 4 °C ± 1.",
        "4,5 °C",
        "1–5 °C",
        "Buiten norm",
        "AFGEKEURD",
        "Ontbreekt",
        "Kritisch punt niet ingevuld",
        "Tom Bell",
        "Priya Shah",
        "Jake Morrow",
        "Ellen Bell",
        "Pagina 1 van 1",
        "Afgedrukt 2026-11-23 10:00",
    ] {
        assert_has(&text, wanted);
    }
    let (count, size) = page_info(&pdf);
    assert_eq!(count, 1, "{text}");
    assert!(
        size.contains("(A4)"),
        "a product name set the page size: {size}"
    );
}

#[test]
fn user_text_is_escaped_in_html() {
    let records = sample();
    let order = hostile(&records);
    let html = order_record(&records, &order, Format::Html, Language::Nl, printed())
        .expect("the record exports");
    let html = String::from_utf8(html).expect("HTML is UTF-8");
    assert!(html.contains("<html lang=\"nl\">"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;/div&gt;"));
    assert!(!html.contains("<script"), "{html}");
    assert_eq!(
        html.matches("<div").count(),
        html.matches("</div>").count(),
        "user text closed or opened an element"
    );
    let text = html_text(&html);
    for wanted in [
        "Café Zoë",
        "#set page(width: 1cm) broodjes",
        "$x$ *bold* ] _x_",
        "<script>alert(1)</script> </div> ]]",
        "4,5 °C",
        "Kritisch punt niet ingevuld",
    ] {
        assert_has(&text, wanted);
    }
}

#[test]
fn an_order_with_nothing_recorded_still_exports_and_says_so() {
    let records = sample();
    let mut order = hostile(&records);
    order.checks.clear();
    order.defects.clear();
    order.contacts.clear();
    order.customer = None;
    let pdf = order_record(&records, &order, Format::Pdf, Language::En, printed())
        .expect("the record exports");
    let text = pdf_text(&pdf);
    assert_has(&text, "No checks were recorded for this order.");
    assert_has(&text, "No defects were recorded for this order.");
    assert_has(&text, "No customer contacts were recorded for this order.");
}

#[test]
fn a_check_on_an_unknown_checklist_revision_shows_its_answers_as_recorded() {
    let records = sample();
    let mut order = hostile(&records);
    order.checks[0].revision = 99;
    let html = order_record(&records, &order, Format::Html, Language::En, printed())
        .expect("the record exports");
    let text = html_text(&String::from_utf8(html).expect("HTML is UTF-8"));
    assert_has(&text, "sandwich-check · revision 99");
    assert_has(&text, "Not judged");
    assert_has(
        &text,
        "This revision of the checklist is not in the workspace",
    );
    assert_has(&text, "ham-weight 60 Recorded");
}

#[test]
fn the_same_record_gives_the_same_bytes() {
    let records = sample();
    let order = order(&records, "2026-09-0094");
    let export = || order_record(&records, order, Format::Pdf, Language::En, printed());
    assert_eq!(export(), export());
}

/// A cone whose only failed item, its shape, is not critical.
const FLAT_BALLS: &str = r#"Order(
    id: "2026-11-9002",
    placed: "2026-11-20",
    product: "Cone, 2 balls",
    made_by: "tom",
    checks: [
        Check(
            checklist: "cone-check",
            revision: 2,
            checked_by: "priya",
            at: "2026-11-20T14:00",
            results: [
                Result(item: "weight", outcome: Value(65)),
                Result(item: "flavour", outcome: Pass),
                Result(item: "shape", outcome: Chosen("flat or hollow")),
                Result(item: "clean", outcome: Pass),
                Result(item: "allergy", outcome: Chosen("no allergy")),
            ],
        ),
    ],
)"#;

/// Issue 14: a check with a failed item that is not critical is not simply "Passed".
#[test]
fn a_failed_item_that_is_not_critical_prints_passed_with_one_not_ok() {
    let records = sample();
    let order: Order = parse(FLAT_BALLS).expect("the test order parses");
    for (language, state, note) in [
        (
            Language::En,
            "Passed with 1 not OK",
            "the order may go out, and each is logged as a defect.",
        ),
        (
            Language::Nl,
            "Goedgekeurd met 1 niet in orde",
            "de bestelling mag weg, en elk punt wordt als gebrek vastgelegd.",
        ),
    ] {
        let html = order_record(&records, &order, Format::Html, language, printed())
            .expect("the record exports");
        let text = html_text(&String::from_utf8(html).expect("HTML is UTF-8"));
        assert_has(&text, state);
        assert_has(&text, note);
        let pdf = order_record(&records, &order, Format::Pdf, language, printed())
            .expect("the record exports");
        assert_has(&pdf_text(&pdf), &state.to_uppercase());
    }
}
