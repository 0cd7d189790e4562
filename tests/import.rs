//! `rightfirst import DIR FILE.csv`, run as the real binary on a copy of the sample workspace.
//!
//! Each test makes the sample business in a temp folder of its own, with the CSV beside it
//! (not inside the workspace), and asserts what lands on disk, what is printed and the exit code.

#[path = "import/exports.rs"]
mod exports;
mod scratch;

use scratch::{scratch, tally};
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rightfirst::model::Order;
use rightfirst::store::{self, Folder, format};

/// Orders in the sample workspace.
const SAMPLE_ORDERS: usize = 41;

/// A copy of the sample workspace at `root`, with room beside it for CSV files.
struct Sample {
    parent: tempfile::TempDir,
    root: PathBuf,
}

impl Sample {
    fn new() -> Sample {
        Sample::in_folder(tempfile::tempdir().expect("a temp folder"))
    }

    fn in_folder(parent: tempfile::TempDir) -> Sample {
        let root = parent.path().join("ws");
        store::create(&root, rightfirst::sample::FILES).expect("the sample workspace");
        Sample { parent, root }
    }

    /// Writes a CSV file beside the workspace and returns its path.
    fn csv(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.parent.path().join(name);
        fs::write(&path, bytes).expect("write the csv");
        path
    }

    fn import(&self, csv: &Path) -> Run {
        run(&["import".as_ref(), self.root.as_os_str(), csv.as_os_str()])
    }

    fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.root.join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }
}

/// How one run of the binary ended and what it printed.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&std::ffi::OsStr]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .args(args)
        .output()
        .expect("rightfirst runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// `rightfirst check DIR`.
fn check(root: &Path) -> Run {
    run(&["check".as_ref(), root.as_os_str()])
}

/// Every file under `dir` with its bytes, by path relative to it.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            if entry.file_type().expect("a file type").is_dir() {
                out.insert(format!("{relative}/"), Vec::new());
                walk(&entry.path(), &relative, out);
            } else {
                out.insert(relative, fs::read(entry.path()).expect("a file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, "", &mut out);
    out
}

/// The paths that are in `after` and not in `before`.
fn added(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    after
        .keys()
        .filter(|path| !before.contains_key(*path))
        .cloned()
        .collect()
}

const GOOD: &str = "id,placed,customer,product,made_by
T-1001,2026-12-01,Fam. Peeters,\"Cone, 2 balls\",priya
T-1002,2026-12-01,,Cup of 3,jake
T_1003,2027-01-05,Harbour office,Ham roll,ellen
";

#[test]
fn a_good_file_puts_each_order_in_its_month_folder() {
    let ws = Sample::new();
    let before = snapshot(&ws.root);
    let csv = ws.csv("orders.csv", GOOD);

    let run = ws.import(&csv);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "imported 3 orders\n");
    assert_eq!(run.stderr, "");

    assert_eq!(
        added(&before, &snapshot(&ws.root)),
        [
            "orders/2026-12/",
            "orders/2026-12/T-1001.ron",
            "orders/2026-12/T-1002.ron",
            "orders/2027-01/",
            "orders/2027-01/T_1003.ron",
        ]
    );
    assert_eq!(
        ws.read("orders/2026-12/T-1001.ron"),
        r#"Order(
    id: "T-1001",
    placed: "2026-12-01",
    customer: "Fam. Peeters",
    product: "Cone, 2 balls",
    made_by: "priya",
)
"#
    );
    assert_eq!(
        ws.read("orders/2026-12/T-1002.ron"),
        r#"Order(
    id: "T-1002",
    placed: "2026-12-01",
    product: "Cup of 3",
    made_by: "jake",
)
"#
    );

    let checked = check(&ws.root);
    assert_eq!(checked.code, Some(0), "{checked:?}");
    assert!(
        checked
            .stdout
            .ends_with(": 66 records read, 0 errors, 0 warnings\n"),
        "{checked:?}"
    );
}

#[test]
fn bad_rows_are_each_named_and_nothing_is_written() {
    let ws = Sample::new();
    let before = snapshot(&ws.root);
    let csv = ws.csv(
        "till.csv",
        "id,placed,customer,product,made_by
B1,2026-12-01,,Cone,ellen
B2,2026-12-01,,Cone,bob
B3,2026-02-30,,Cone,tom
B/4,2026-12-01,,Cone,tom
B1,2026-12-02,,Cup,tom
B6,2026-12-01,,,priya
B7,2026-12-01,Cone,priya
B8,2026-12-01,,Cone,jake
b1,2026-12-01,,Cone,tom
",
    );

    let run = ws.import(&csv);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stdout, "");
    let file = csv.display();
    assert_eq!(
        run.stderr,
        format!(
            "{file}:3: unknown person \"bob\"; the staff are ellen, tom, priya, jake
{file}:4: placed: expected a date as \"YYYY-MM-DD\" that exists on the calendar, found \"2026-02-30\"
{file}:5: id \"B/4\" contains '/'; an id may only use a-z, A-Z, 0-9, - and _, because it becomes a file name
{file}:6: order \"B1\" is also on line 2; each order may appear once
{file}:7: the product is empty; every order needs one
{file}:8: expected 5 fields (id,placed,customer,product,made_by), found 4
{file}:10: order \"b1\" differs from \"B1\" on line 2 only in upper and lower case; Windows and macOS take those for one file name
nothing was imported: 7 rows of the file must be fixed first
"
        )
    );
    assert_eq!(snapshot(&ws.root), before, "something was written");
}

/// Issue 17: a Dutch Excel's `;` and Windows-1252 are read, no longer refused; a header
/// that is neither Right First's nor a known export's asks for the columns.
#[test]
fn semicolons_and_windows_1252_are_read_and_an_unknown_header_asks_for_columns() {
    let ws = Sample::new();
    let semicolons = ws.csv(
        "semicolons.csv",
        b"id;placed;customer;product;made_by\nB1;2026-12-01;Caf\xE9 Noord;Cone;ellen\n",
    );
    let run = ws.import(&semicolons);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        ws.read("orders/2026-12/B1.ron"),
        r#"Order(
    id: "B1",
    placed: "2026-12-01",
    customer: "Café Noord",
    product: "Cone",
    made_by: "ellen",
)
"#
    );

    let before = snapshot(&ws.root);
    let other = ws.csv("other.csv", "order,date\nB2,2026-12-01\n");
    let run = ws.import(&other);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.starts_with(&format!(
            "{}: its columns (order, date) are none that Right First knows: say which holds what with --columns",
            other.display()
        )),
        "{run:?}"
    );
    assert_eq!(snapshot(&ws.root), before, "something was written");
}

#[test]
fn bom_quotes_and_an_empty_customer_are_read_as_meant() {
    let ws = Sample::new();
    let csv = ws.csv(
        "webshop.csv",
        "\u{FEFF}id,placed,customer,product,made_by\r\n\
         W-1,2026-12-03,\"Peeters, \"\"Fam.\"\"\",\"Cake \"\"Special\"\", 8 slices\",tom\r\n\
         W-2,2026-12-03,,\"Waffle,\r\nwith cream\",priya\r\n\
         W-3,2026-12-03,\"\",Cup,jake\r\n",
    );
    let run = ws.import(&csv);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "imported 3 orders\n");
    assert_eq!(
        ws.read("orders/2026-12/W-1.ron"),
        r#"Order(
    id: "W-1",
    placed: "2026-12-03",
    customer: "Peeters, \"Fam.\"",
    product: "Cake \"Special\", 8 slices",
    made_by: "tom",
)
"#
    );
    let order: Order = format::parse(&ws.read("orders/2026-12/W-2.ron")).expect("parses");
    assert_eq!(order.customer, None);
    assert_eq!(order.product, "Waffle,\r\nwith cream");
    let order: Order = format::parse(&ws.read("orders/2026-12/W-3.ron")).expect("parses");
    assert_eq!(order.customer, None);
    assert_eq!(check(&ws.root).code, Some(0));
}

#[test]
fn a_second_run_skips_every_order_it_finds() {
    let ws = Sample::new();
    let csv = ws.csv("orders.csv", GOOD);
    assert_eq!(ws.import(&csv).code, Some(0));
    let after_first = snapshot(&ws.root);

    let run = ws.import(&csv);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        "imported 0 orders, skipped 3 that were already there\n"
    );
    assert_eq!(snapshot(&ws.root), after_first, "a second run wrote");

    // A longer export: the new row goes in, and a sample order the till lists differently is
    // left as the workspace has it, wherever its month folder.
    let longer = ws.csv(
        "longer.csv",
        format!("{GOOD}T-1004,2026-12-02,,Milkshake,tom\n2026-11-0004,2027-03-01,,Other,jake\n"),
    );
    let run = ws.import(&longer);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        "imported 1 order, skipped 4 that were already there\n"
    );
    assert_eq!(
        added(&after_first, &snapshot(&ws.root)),
        ["orders/2026-12/T-1004.ron"]
    );
    assert!(!ws.root.join("orders/2027-03").exists());

    // An id the workspace has in other capitals would be the same file on Windows or macOS.
    let before = snapshot(&ws.root);
    let cased = ws.csv("cased.csv", "id,placed,customer,product,made_by\nT-1005,2026-12-03,,Cone,tom\nt-1004,2026-12-03,,Cone,tom\n");
    let run = ws.import(&cased);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(
        run.stderr,
        "rightfirst import: order \"t-1004\" differs from \"T-1004\" (in the workspace) only in upper and lower case; Windows and macOS take those for one file name, so nothing was imported: give one of them another id\n"
    );
    assert_eq!(snapshot(&ws.root), before, "something was written");
}

#[test]
fn an_order_file_that_does_not_read_is_reported_never_skipped() {
    let ws = Sample::new();
    let csv = ws.csv("orders.csv", GOOD);
    assert_eq!(ws.import(&csv).code, Some(0));
    // What a crash with no flush, or a sync tool, could leave: an empty file and a cut-off one.
    fs::write(ws.root.join("orders/2026-12/T-1001.ron"), "").expect("empty it");
    fs::write(
        ws.root.join("orders/2027-01/T_1003.ron"),
        "Order(\n    id: \"T_1003\",\n    placed: \"2027-",
    )
    .expect("cut it off");
    fs::remove_file(ws.root.join("orders/2026-12/T-1002.ron")).expect("remove it");
    let before = snapshot(&ws.root);

    let run = ws.import(&csv);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stdout, "");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{run:?}");
    assert!(
        lines[0].starts_with(
            "orders/2026-12/T-1001.ron: order \"T-1001\" is in the file, but the file did not read: line 1, column 1: "
        ),
        "{run:?}"
    );
    assert!(
        lines[1].starts_with(
            "orders/2027-01/T_1003.ron: order \"T_1003\" is in the file, but the file did not read: line 3, column "
        ),
        "{run:?}"
    );
    assert_eq!(
        lines[2],
        "nothing was imported: Right First will not overwrite a file it could not read. Fix each by hand or delete it, then import again"
    );
    assert!(!run.stderr.contains("skipped"), "{run:?}");
    // Nothing is written, not even the order that is simply missing.
    assert_eq!(snapshot(&ws.root), before, "something was written");

    // Once the person removes the broken files, a run puts all three back.
    fs::remove_file(ws.root.join("orders/2026-12/T-1001.ron")).expect("remove");
    fs::remove_file(ws.root.join("orders/2027-01/T_1003.ron")).expect("remove");
    let run = ws.import(&csv);
    assert_eq!(run.stdout, "imported 3 orders\n", "{run:?}");
    assert_eq!(check(&ws.root).code, Some(0));
}

#[test]
fn the_folder_says_which_order_file_is_broken() {
    let ws = Sample::new();
    fs::create_dir_all(ws.root.join("orders/2026-12")).expect("a month folder");
    fs::write(ws.root.join("orders/2026-12/T-9.ron"), "Order(").expect("write");
    let folder = Folder::open(&ws.root).expect("opens");
    assert_eq!(folder.broken_order("T-9"), Some("orders/2026-12/T-9.ron"));
    assert_eq!(folder.broken_order("2026-11-0004"), None);
    assert_eq!(folder.broken_order("T-10"), None);
    let parsed = folder
        .order_files()
        .filter(|(_, _, parsed)| *parsed)
        .count();
    assert_eq!(parsed, SAMPLE_ORDERS);
}

#[test]
fn a_folder_that_is_no_workspace_or_a_file_that_cannot_be_read_exits_2() {
    let ws = Sample::new();
    let csv = ws.csv("orders.csv", GOOD);
    let before = snapshot(&ws.root);

    let no_workspace = ws.parent.path().join("nothing-here");
    fs::create_dir(&no_workspace).expect("a folder");
    let run = run(&["import".as_ref(), no_workspace.as_os_str(), csv.as_os_str()]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.contains("not a Right First workspace"),
        "{run:?}"
    );

    let missing = ws.parent.path().join("missing.csv");
    let run = ws.import(&missing);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.starts_with(&format!(
            "rightfirst import: could not read {}: ",
            missing.display()
        )),
        "{run:?}"
    );

    let run = ws.import(ws.parent.path());
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("it is not a file"), "{run:?}");
    assert_eq!(snapshot(&ws.root), before, "something was written");
}

#[test]
fn a_workspace_whose_workspace_ron_does_not_read_is_refused() {
    let ws = Sample::new();
    let text = ws.read("workspace.ron");
    fs::write(ws.root.join("workspace.ron"), &text[..text.len() / 2]).expect("cut it off");
    let before = snapshot(&ws.root);
    let run = ws.import(&ws.csv("orders.csv", GOOD));
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.starts_with("rightfirst import: workspace.ron:"),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("workspace.ron must read before orders can be imported"),
        "{run:?}"
    );
    assert_eq!(snapshot(&ws.root), before, "something was written");
}

/// Every order file, parsed: panics on any that does not parse or is not named after its id.
fn parse_every_order(root: &Path) -> Vec<Order> {
    let mut orders = Vec::new();
    for month in fs::read_dir(root.join("orders"))
        .expect("orders/")
        .flatten()
    {
        for entry in fs::read_dir(month.path()).expect("a month").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.ends_with(".ron") || name.starts_with('.') {
                continue;
            }
            let text = fs::read_to_string(entry.path()).expect("readable");
            let order: Order = format::parse(&text)
                .unwrap_or_else(|e| panic!("{} does not parse after a kill: {e}", name));
            assert_eq!(name, format!("{}.ron", order.id));
            assert_eq!(
                month.file_name().to_string_lossy(),
                order.placed.month_folder()
            );
            orders.push(order);
        }
    }
    orders
}

/// When to kill an import, counting from the order files there at its start.
#[derive(Debug, Clone, Copy)]
enum KillWhen {
    /// As soon as its temp files appear: while a batch is written, before any rename.
    Writing,
    /// Once more than this many of its orders are in place: while a batch is renamed.
    PlacedPast(usize),
    /// After this long, wherever it is.
    After(Duration),
}

#[cfg(unix)]
#[test]
fn an_import_killed_part_way_resumes_with_no_order_lost_or_doubled() {
    const N: usize = 20_000;
    let ws = Sample::in_folder(scratch("rightfirst-import-"));
    let staff = ["ellen", "tom", "priya", "jake"];
    let mut text = String::from("id,placed,customer,product,made_by\n");
    for n in 0..N {
        // Two years of months, so the batches spread over many folders.
        let month = n % 24;
        text.push_str(&format!(
            "K{n:05},{}-{:02}-{:02},{},\"Cone, {} balls\",{}\n",
            2025 + month / 12,
            month % 12 + 1,
            n % 28 + 1,
            if n % 3 == 0 { "" } else { "Fam. Peeters" },
            n % 4 + 1,
            staff[n % 4]
        ));
    }
    let csv = ws.csv("big.csv", &text);
    let bin = env!("CARGO_BIN_EXE_rightfirst");
    let plan = [
        KillWhen::Writing,
        KillWhen::PlacedPast(1),
        KillWhen::PlacedPast(5_000),
        KillWhen::After(Duration::from_millis(400)),
    ];
    let mut kills = 0;
    let mut kills_mid_batch = 0;
    for (round, when) in plan.into_iter().enumerate() {
        let at_start = tally(&ws.root, None).ron;
        let spawned = Instant::now();
        let mut child = Command::new(bin)
            .arg("import")
            .arg(&ws.root)
            .arg(&csv)
            .stdout(Stdio::null())
            .spawn()
            .expect("rightfirst import runs");
        let pid = child.id();
        let finished = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                assert!(status.success(), "the import failed on its own: {status}");
                break true;
            }
            let now = tally(&ws.root, Some(pid));
            let kill = match when {
                KillWhen::Writing => now.own_temps > 0,
                KillWhen::PlacedPast(done) => now.ron > at_start + done,
                KillWhen::After(delay) => spawned.elapsed() >= delay,
            };
            if kill {
                break false;
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        if !finished {
            child.kill().expect("SIGKILL");
        }
        // Reaped, so its temp files count as a dead process's.
        child.wait().expect("reaped");
        let left = tally(&ws.root, Some(pid));
        println!(
            "round {round} ({when:?}): {} after {:?}; {} order files at start, {} now, {} temp files of it",
            if finished { "finished" } else { "killed" },
            spawned.elapsed(),
            at_start,
            left.ron,
            left.own_temps,
        );
        if finished {
            break;
        }
        kills += 1;
        if left.own_temps > 0 && left.ron > at_start {
            kills_mid_batch += 1;
        }
        // Whatever it was doing, every order file in place is whole, and `check` agrees.
        assert_eq!(parse_every_order(&ws.root).len(), left.ron);
        let checked = check(&ws.root);
        assert_eq!(checked.code, Some(0), "check after a kill: {checked:?}");
    }
    assert!(kills > 0, "no kill landed before the import finished");
    println!("{kills} kills, {kills_mid_batch} of them with a batch part-renamed");
    assert!(
        kills_mid_batch > 0,
        "no kill landed while a batch was renamed"
    );

    let run = Sample::import(&ws, &csv);
    assert_eq!(run.code, Some(0), "{run:?}");
    let before_last = tally(&ws.root, None);
    println!("the last run: {}", run.stdout.trim());
    assert!(run.stdout.starts_with("imported "), "{run:?}");

    // The last run's open removed the killed runs' temp files; every order is there once.
    assert_eq!(tally(&ws.root, None).temps, 0, "stale temp files were left");
    assert_eq!(before_last.ron, SAMPLE_ORDERS + N);
    let orders = parse_every_order(&ws.root);
    assert_eq!(orders.len(), SAMPLE_ORDERS + N);
    let mut files_per_id: HashMap<&str, usize> = HashMap::new();
    for order in &orders {
        *files_per_id.entry(order.id.as_str()).or_default() += 1;
    }
    assert!(
        files_per_id.values().all(|&n| n == 1),
        "an order is in two files"
    );
    for n in 0..N {
        assert!(
            files_per_id.contains_key(format!("K{n:05}").as_str()),
            "K{n:05} was lost"
        );
    }
    let again = Sample::import(&ws, &csv);
    assert_eq!(
        again.stdout,
        format!("imported 0 orders, skipped {N} that were already there\n")
    );
    let checked = check(&ws.root);
    assert_eq!(checked.code, Some(0), "{checked:?}");
}
