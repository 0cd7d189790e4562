//! Real exports, not Right First's own header: Shopify's and WooCommerce's order exports,
//! recognised by their headers; a Dutch till's `;`-separated Windows-1252 file through
//! `--columns`, remembered for the next file with the same header; and each refusal with
//! nothing written.

use super::{Run, Sample, added, run, snapshot};
use std::path::Path;

/// Shopify's orders export as it comes (a few of its many columns left out): one row per
/// line item, the order's columns on its first row only, numbers with `#`, dates with a zone.
const SHOPIFY: &str = "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Name,Shipping Name
#1001,zoe@example.nl,paid,2026-11-05 10:16:00 +0100,fulfilled,EUR,12.50,2026-11-05 10:15:05 +0100,2,White bread,3.25,\"Peeters, Zoë\",Zoë Peeters
#1001,,,,,,,2026-11-05 10:15:05 +0100,1,\"Apple pie, large\",6.00,,
#1002,ann@example.nl,paid,2026-11-06 23:59:00 -0500,,EUR,3.25,2026-11-06 23:59:00 -0500,1,White bread,3.25,Ann Smith,Ann Smith
";

fn import(ws: &Sample, csv: &Path, args: &[&str]) -> Run {
    let mut all: Vec<&std::ffi::OsStr> =
        vec!["import".as_ref(), ws.root.as_os_str(), csv.as_os_str()];
    all.extend(args.iter().map(|a| std::ffi::OsStr::new(*a)));
    run(&all)
}

#[test]
fn a_shopify_export_imports_with_its_line_items_as_one_order() {
    let ws = Sample::new();
    let csv = ws.csv("orders_export.csv", SHOPIFY);
    let before = snapshot(&ws.root);

    // Four people on the staff and no maker in the file: the person importing names one.
    let run = import(&ws, &csv, &[]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(
        run.stderr,
        format!(
            "{}: the file does not say who made the orders: name one person for the whole file (--made-by PERSON) or the column that says it (made_by=COLUMN); the staff are ellen, tom, priya, jake\nnothing was imported\n",
            csv.display()
        )
    );
    assert_eq!(snapshot(&ws.root), before, "something was written");

    let run = import(&ws, &csv, &["--made-by", "priya shah"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "imported 2 orders\n");
    assert_eq!(
        added(&before, &snapshot(&ws.root)),
        ["orders/2026-11/1001.ron", "orders/2026-11/1002.ron"]
    );
    assert_eq!(
        ws.read("orders/2026-11/1001.ron"),
        r#"Order(
    id: "1001",
    placed: "2026-11-05",
    customer: "Peeters, Zoë",
    product: "2 × White bread; 1 × Apple pie, large",
    made_by: "priya",
)
"#
    );
    // The day the till wrote, where it stood: not moved to another zone's day.
    assert_eq!(
        ws.read("orders/2026-11/1002.ron"),
        r#"Order(
    id: "1002",
    placed: "2026-11-06",
    customer: "Ann Smith",
    product: "1 × White bread",
    made_by: "priya",
)
"#
    );
    // A recognised export is not remembered: its header says what it is.
    assert!(!ws.read("workspace.ron").contains("import_mappings"));
    let again = import(&ws, &csv, &["--made-by", "priya"]);
    assert_eq!(
        again.stdout,
        "imported 0 orders, skipped 2 that were already there\n"
    );
}

#[test]
fn a_woocommerce_export_in_a_one_person_business_needs_no_questions() {
    let parent = tempfile::tempdir().expect("a temp folder");
    let root = parent.path().join("bakkerij");
    let made = run(&[
        "new".as_ref(),
        root.as_os_str(),
        "--name".as_ref(),
        "Bakkerij Zoë".as_ref(),
        "--owner".as_ref(),
        "Zoë de Vries".as_ref(),
        "--language".as_ref(),
        "nl".as_ref(),
    ]);
    assert_eq!(made.code, Some(0), "{made:?}");
    let csv = parent.path().join("woo.csv");
    std::fs::write(
        &csv,
        "\u{FEFF}\"Order Number\",\"Order Status\",\"Order Date\",\"Billing First Name\",\"Billing Last Name\",\"Billing Email\",\"Item Name\",\"Quantity\",\"Item Cost\"\r\n\
         \"2041\",\"completed\",\"2026-11-05 14:03\",\"Jan\",\"de Boer\",\"jan@example.nl\",\"Spelt bread\",\"1\",\"4.10\"\r\n\
         \"2041\",\"completed\",\"2026-11-05 14:03\",\"Jan\",\"de Boer\",\"jan@example.nl\",\"Croissant\",\"4\",\"1.20\"\r\n\
         \"2042\",\"processing\",\"2026-11-06 08:00\",\"Eva\",\"\",\"eva@example.nl\",\"Spelt bread\",\"2\",\"4.10\"\r\n",
    )
    .expect("write");
    let run = run(&["import".as_ref(), root.as_os_str(), csv.as_os_str()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "imported 2 orders\n");
    assert_eq!(
        std::fs::read_to_string(root.join("orders/2026-11/2041.ron")).expect("written"),
        r#"Order(
    id: "2041",
    placed: "2026-11-05",
    customer: "Jan de Boer",
    product: "1 × Spelt bread; 4 × Croissant",
    made_by: "zoe-de-vries",
)
"#
    );
    let order = std::fs::read_to_string(root.join("orders/2026-11/2042.ron")).expect("written");
    assert!(order.contains("customer: \"Eva\",\n"), "{order}");
}

/// A Dutch till's export as Excel saves it: `;`, Windows-1252 (`Zoë` is `Zo\xEB`, `café`
/// is `caf\xE9`), dates `05-11-2026`, one row per article.
const TILL_HEADER: &[u8] = b"Bonnummer;Datum;Klant;Artikel;Aantal;Verkoper\r\n";

fn till(rows: &[&[u8]]) -> Vec<u8> {
    let mut bytes = TILL_HEADER.to_vec();
    for row in rows {
        bytes.extend_from_slice(row);
        bytes.extend_from_slice(b"\r\n");
    }
    bytes
}

const COLUMNS: &str =
    "id=Bonnummer,placed=Datum,customer=Klant,product=Artikel,quantity=Aantal,made_by=Verkoper";

#[test]
fn a_dutch_till_file_imports_with_columns_once_and_then_with_none() {
    let ws = Sample::new();
    let csv = ws.csv(
        "kassa-november.csv",
        till(&[
            b"B-77;05-11-2026;Caf\xE9 De Haven;Witbrood;2;Tom Bell",
            b"B-77;05-11-2026;;Appeltaart;1;Tom Bell",
            b"B-78;12-11-2026;Zo\xEB;Appeltaart;3;PRIYA SHAH",
        ]),
    );
    let before = snapshot(&ws.root);
    // An English workspace reads 05-11-2026 month first; this till writes day first.
    let unknown = import(&ws, &csv, &[]);
    assert_eq!(unknown.code, Some(2), "{unknown:?}");
    assert_eq!(
        unknown.stderr,
        format!(
            "{}: its columns (Bonnummer, Datum, Klant, Artikel, Aantal, Verkoper) are none that Right First knows: say which holds what with --columns id=COLUMN,placed=COLUMN,product=COLUMN (and customer=, quantity=, made_by=), or import it in the window\nnothing was imported\n",
            csv.display()
        )
    );
    assert_eq!(snapshot(&ws.root), before, "something was written");

    let run = import(&ws, &csv, &["--columns", COLUMNS, "--day-first"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "imported 2 orders\n");
    assert_eq!(
        ws.read("orders/2026-11/B-77.ron"),
        r#"Order(
    id: "B-77",
    placed: "2026-11-05",
    customer: "Café De Haven",
    product: "2 × Witbrood; 1 × Appeltaart",
    made_by: "tom",
)
"#
    );
    assert!(
        ws.read("orders/2026-11/B-78.ron")
            .contains("customer: \"Zoë\",\n")
    );
    assert!(
        ws.read("workspace.ron").ends_with(
            r#"    contacts_per_order_alarm: 1.5,
    import_mappings: [
        ImportMapping(
            header: ["Bonnummer", "Datum", "Klant", "Artikel", "Aantal", "Verkoper"],
            columns: Columns(
                id: "Bonnummer",
                placed: "Datum",
                customer: ["Klant"],
                product: ["Artikel"],
                quantity: "Aantal",
                made_by: Column("Verkoper"),
                dates: DayFirst,
            ),
        ),
    ],
)
"#
        ),
        "{}",
        ws.read("workspace.ron")
    );

    // Next month's export: the same header, no questions.
    let december = ws.csv(
        "kassa-december.csv",
        till(&[
            b"B-90;01-12-2026;;Witbrood;1;ellen",
            b"B-77;05-11-2026;;Witbrood;2;tom",
        ]),
    );
    let run = import(&ws, &december, &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        "imported 1 order, skipped 1 that was already there\n"
    );
    assert!(
        ws.read("orders/2026-12/B-90.ron")
            .contains("placed: \"2026-12-01\"")
    );
    let checked = super::check(&ws.root);
    assert_eq!(checked.code, Some(0), "{checked:?}");
}

#[test]
fn bad_mappings_makers_ids_and_dates_are_refused_with_nothing_written() {
    let ws = Sample::new();
    let csv = ws.csv(
        "kassa.csv",
        till(&[
            b"#1001;05-11-2026;;Witbrood;1;tom",
            b"1001;06-11-2026;;Witbrood;1;tom",
            b"B-3;31-11-2026;;Witbrood;1;tom",
            b"B-4;01-11-2026;;Witbrood;twee;Bob",
            b"B-5;01-11-2026;;Witbrood;1;tom",
            b"B-5;02-11-2026;;Appeltaart;1;tom",
        ]),
    );
    let before = snapshot(&ws.root);
    let file = csv.display().to_string();
    let refused = |args: &[&str], code: i32, stderr: String| {
        let run = import(&ws, &csv, args);
        assert_eq!(run.code, Some(code), "{args:?}: {run:?}");
        assert_eq!(run.stderr, stderr, "{args:?}");
        assert_eq!(run.stdout, "");
        assert_eq!(snapshot(&ws.root), before, "{args:?} wrote something");
    };
    refused(
        &[
            "--columns",
            "id=Bonnummer,placed=Datum,product=Artikel,made_by=Kassier",
        ],
        2,
        format!(
            "{file}: the column \"Kassier\" is not in the file; its columns are Bonnummer, Datum, Klant, Artikel, Aantal, Verkoper\nnothing was imported\n"
        ),
    );
    refused(
        &["--columns", "id=Bonnummer,product=Artikel"],
        2,
        "rightfirst import: --columns names no column for the date: add placed=COLUMN\n".to_owned(),
    );
    refused(
        &[
            "--columns",
            "id=Bonnummer,placed=Datum,product=Artikel",
            "--made-by",
            "Bob",
        ],
        2,
        format!(
            "{file}: \"Bob\" is nobody on the staff; the staff are ellen, tom, priya, jake\nnothing was imported\n"
        ),
    );
    refused(
        &["--columns", COLUMNS, "--day-first"],
        1,
        format!(
            "{file}:3: order number \"1001\" becomes the id \"1001\", as \"#1001\" on line 2 does; two orders cannot share an id
{file}:4: Datum: \"31-11-2026\", read as day-month-year, is no day on the calendar
{file}:5: Aantal: \"twee\" is not a whole number of 1 or more
{file}:5: unknown person \"Bob\"; the staff are ellen, tom, priya, jake
{file}:7: Datum: 2026-11-02 differs from 2026-11-01 on line 6, the same order's first row
nothing was imported: 4 rows of the file must be fixed first
"
        ),
    );
    assert!(!ws.read("workspace.ron").contains("import_mappings"));
}

#[test]
fn workspace_ron_with_or_without_mappings_prints_back_to_its_own_bytes() {
    use rightfirst::model::Workspace;
    use rightfirst::store::format;
    let ws = Sample::new();
    let sample = ws.read("workspace.ron");
    let read: Workspace = format::parse(&sample).expect("the sample reads");
    assert!(read.import_mappings.is_empty());
    assert_eq!(
        format::print(&read),
        sample,
        "an old file changed on saving"
    );

    let csv = ws.csv("kassa.csv", till(&[b"B-1;05-11-2026;;Witbrood;1;tom"]));
    let run = import(&ws, &csv, &["--columns", COLUMNS]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let remembered = ws.read("workspace.ron");
    let read: Workspace = format::parse(&remembered).expect("reads with its mapping");
    assert_eq!(read.import_mappings.len(), 1);
    assert_eq!(format::print(&read), remembered);
}

/// The mapping is remembered before the first order is written, so an import killed
/// part-way is finished by a run that names no columns.
#[cfg(unix)]
#[test]
fn an_import_with_columns_killed_part_way_finishes_without_them() {
    use std::process::{Command, Stdio};
    const N: usize = 6_000;
    let ws = Sample::in_folder(super::scratch("rightfirst-import-mapped-"));
    let mut bytes = TILL_HEADER.to_vec();
    for n in 0..N {
        // Two line items an order, a year of months.
        for (article, count) in [("Witbrood", 2), ("Appeltaart", 1)] {
            bytes.extend_from_slice(
                format!(
                    "B-{n:05};{:02}-{:02}-2026;;{article};{count};tom\r\n",
                    n % 28 + 1,
                    n % 12 + 1
                )
                .as_bytes(),
            );
        }
    }
    let csv = ws.csv("kassa-jaar.csv", &bytes);
    let at_start = super::tally(&ws.root, None).ron;
    let mut child = Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .arg("import")
        .arg(&ws.root)
        .arg(&csv)
        .args(["--columns", COLUMNS, "--day-first"])
        .stdout(Stdio::null())
        .spawn()
        .expect("rightfirst import runs");
    let killed = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "the import failed on its own: {status}");
            break false;
        }
        if super::tally(&ws.root, None).ron > at_start {
            child.kill().expect("SIGKILL");
            break true;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    };
    child.wait().expect("reaped");
    let written = super::tally(&ws.root, None).ron - at_start;
    println!("killed: {killed}, {written} of {N} orders written before");
    assert!(killed, "the import finished before a kill landed");
    assert!(ws.read("workspace.ron").contains("import_mappings"));

    let run = import(&ws, &csv, &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let orders = super::parse_every_order(&ws.root);
    assert_eq!(orders.len(), super::SAMPLE_ORDERS + N);
    let order = orders
        .iter()
        .find(|o| o.id == "B-00029")
        .expect("B-00029 is there");
    assert_eq!(order.placed.to_string(), "2026-06-02");
    assert_eq!(order.product, "2 × Witbrood; 1 × Appeltaart");
}
