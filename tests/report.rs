//! `rightfirst report` on the bundled sample: the story the sample tells must show in its figures.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("procedures")
}

/// A copy of the sample in a temp folder, to change.
fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    (dir, root)
}

fn report(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .arg("report")
        .arg(dir)
        .args(args)
        .output()
        .expect("rightfirst runs")
}

fn json(args: &[&str]) -> Value {
    let mut all = vec!["--json", "--today", "2026-11-23"];
    all.extend_from_slice(args);
    let output = report(&sample(), &all);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty(), "the sample checks clean");
    serde_json::from_slice(&output.stdout).expect("one JSON object")
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("a string"))
        .collect()
}

#[test]
fn the_whole_sample_tells_its_story() {
    let f = json(&["--from", "2026-08-01"]);
    assert_eq!(f["period"]["from"], "2026-08-01");
    assert_eq!(f["period"]["to"], "2026-11-23");
    assert_eq!(f["orders"], 41);
    assert_eq!(f["defects"], 16);
    assert_eq!(f["right_first"], 25);
    let rft = f["right_first_time"].as_f64().unwrap();
    assert!((rft - 25.0 / 41.0).abs() < 1e-12, "{rft}");
    assert_eq!(f["contacts"], 9);
    assert!((f["contacts_per_order"].as_f64().unwrap() - 9.0 / 41.0).abs() < 1e-12);
    assert_eq!(
        strings(&f["orders_over_alarm"]),
        ["2026-09-0024", "2026-11-0026"]
    );
    assert_eq!(f["escapes"], 1);
    assert_eq!(f["escaped"][0]["order"], "2026-09-0024");
    assert_eq!(f["cost_cents"], 16060);

    // The light balls at the counter: six in the period, none open, and the fix worked.
    let recurring = f["recurring"].as_array().unwrap();
    assert_eq!(recurring.len(), 1, "{recurring:#?}");
    let light = &recurring[0];
    assert_eq!(light["procedure"], "scoop-ice-cream");
    assert_eq!(light["step"], "portion");
    assert_eq!(light["category"], "Method");
    assert_eq!(light["count"], 6);
    assert_eq!(light["open"], 0);
    assert_eq!(light["defects"].as_array().unwrap().len(), 6);

    let fixes = f["fixes"].as_array().unwrap();
    let fix = fixes
        .iter()
        .find(|x| x["procedure"] == "scoop-ice-cream" && x["step"] == "portion")
        .expect("the scoop fix");
    assert_eq!(fix["done"], "2026-10-20");
    assert_eq!(fix["defects_before"], 6);
    // The very light balls the recurring cause lists are the ones the fix was measured on.
    assert_eq!(fix["before"], light["defects"]);
    assert_eq!(fix["after"].as_array().map(Vec::len), Some(0));
    assert!(fix["before_per_100"].as_f64().unwrap() > 0.0);
    assert_eq!(fix["defects_after"], 0);
    assert!(fix["orders_after"].as_u64().unwrap() > 0);
    assert_eq!(fix["after_per_100"].as_f64(), Some(0.0));

    let pareto = f["pareto"].as_array().unwrap();
    assert_eq!(pareto[0]["category"], "Method");
    assert_eq!(pareto[0]["count"], 9);
    assert_eq!(pareto.last().unwrap()["cumulative_percent"], 100.0);

    let gaps = f["training_gaps"].as_array().unwrap();
    assert_eq!(gaps.len(), 1, "{gaps:#?}");
    assert_eq!(gaps[0]["person"], "jake");
    assert_eq!(gaps[0]["procedure"], "scoop-ice-cream");
    assert_eq!(gaps[0]["signed_revision"], 2);
    assert_eq!(gaps[0]["current_revision"], 3);
    assert_eq!(strings(&f["reviews_overdue"]), ["build-ham-roll"]);
    // Jake's two scoops after scooping 3 came out are the only orders of a maker not
    // current; three orders have no procedure to judge by.
    let quality = &f["training_quality"];
    assert_eq!(quality["current"]["orders"], 36);
    assert_eq!(quality["current"]["defects"], 16);
    assert_eq!(quality["not_current"]["orders"], 2);
    assert_eq!(quality["not_current"]["per_100"], 0.0);
    assert_eq!(quality["unjudged"], 3);
}

#[test]
fn the_default_period_is_the_last_ninety_days() {
    let f = json(&[]);
    assert_eq!(f["period"]["from"], "2026-08-26");
    assert_eq!(f["period"]["to"], "2026-11-23");
    assert_eq!(f["orders"], 34);
    assert_eq!(f["defects"], 12);
    // Two of the six light balls fell before the period.
    assert_eq!(f["recurring"][0]["count"], 4);
    assert_eq!(
        strings(&f["orders_over_alarm"]),
        ["2026-09-0024", "2026-11-0026"]
    );
}

#[test]
fn a_period_with_no_orders_gives_null_ratios() {
    let f = json(&["--from", "2025-01-01", "--to", "2025-01-31"]);
    assert_eq!(f["orders"], 0);
    assert!(f["right_first_time"].is_null());
    assert!(f["contacts_per_order"].is_null());
    assert_eq!(f["pareto"], Value::Array(Vec::new()));
}

#[test]
fn the_text_report_reads_as_a_summary() {
    let output = report(
        &sample(),
        &["--today", "2026-11-23", "--from", "2026-08-01"],
    );
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    for expected in [
        "Bell's Quayside Ices & Sandwiches",
        "Report for 2026-08-01 to 2026-11-23 (115 days)",
        "Right first time        61.0 %  25 of 41 orders",
        "Orders over the alarm        2  2026-09-0024, 2026-11-0026",
        "Cost of poor quality   €160.60",
        "Scooping ice cream, step 4  Method",
        "Jake Morrow",
        "Making a ham & cheese roll  review by 2026-10-15, 39 days ago",
        "Does reading the procedure matter?",
        "  maker current      44.4  (16 defects in 36 orders)\n  maker not current   0.0  (0 defects in 2 orders)\n  3 orders had no procedure in force to judge by",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    let method = text
        .lines()
        .find(|l| l.trim_start().starts_with("Method "))
        .unwrap();
    assert!(method.contains(&"#".repeat(30)), "{method}");
}

#[test]
fn bad_dates_and_an_empty_period_are_refused_by_the_command_line() {
    for args in [
        &["--from", "2026-13-01"][..],
        &["--to", "23-11-2026"],
        &["--from", "2026-11-23", "--to", "2026-11-01"],
    ] {
        let output = report(&sample(), args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("YYYY-MM-DD") || stderr.contains("after --to"),
            "{stderr}"
        );
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn a_folder_that_is_not_a_workspace_exits_2() {
    let empty = tempfile::tempdir().unwrap();
    let output = report(empty.path(), &["--json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a Right First workspace"));
}

#[test]
fn a_workspace_with_errors_lists_them_as_check_does_and_exits_1() {
    let (_dir, root) = sample_copy();
    let order = root.join("orders/2026-11/2026-11-0026.ron");
    let text = std::fs::read_to_string(&order).unwrap();
    std::fs::write(
        &order,
        text.replace("category: \"Measurement\"", "category: \"Weather\""),
    )
    .unwrap();
    let output = report(&root, &["--json", "--today", "2026-11-23"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        output.stdout.is_empty(),
        "no figures from a broken workspace"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    let check = Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .arg("check")
        .arg(&root)
        .output()
        .unwrap();
    let finding = String::from_utf8_lossy(&check.stdout)
        .lines()
        .next()
        .unwrap()
        .to_owned();
    assert!(
        finding.starts_with("orders/2026-11/2026-11-0026.ron:") && finding.contains("Weather"),
        "{finding}"
    );
    assert!(stderr.contains(&finding), "{stderr}");
}

/// `report` adds each order into the figures as it reads it and keeps none; the
/// dashboard computes them from the orders in memory. On 2,000 orders read on every
/// core, in whatever order the disk lists them, both give the same figures.
#[test]
fn figures_summed_while_reading_are_the_figures_of_the_orders_in_memory() {
    use rightfirst::analysis::{self, Period};
    use rightfirst::store::Folder;

    let (_dir, root) = sample_copy();
    assert_eq!(rightfirst::generate::grow(&root, 2_000).unwrap(), 1_959);
    let today = "2026-11-23".parse().unwrap();
    let in_memory = Folder::read(&root).unwrap();
    assert_eq!(in_memory.records().orders.len(), 2_000);
    for period in [
        Period::last_days(today, Period::DEFAULT_DAYS),
        Period {
            from: "2021-11-24".parse().unwrap(),
            to: today,
        },
    ] {
        let (folder, streamed) = analysis::read(&root, period, today).unwrap();
        assert!(folder.records().orders.is_empty(), "no order is kept");
        assert_eq!(folder.findings(), in_memory.findings());
        let expected = analysis::figures(in_memory.records(), period, today);
        assert!(expected.orders > 50 && !expected.fixes.is_empty());
        assert_eq!(streamed, expected);

        let output = report(
            &root,
            &[
                "--json",
                "--today",
                "2026-11-23",
                "--from",
                &period.from.to_string(),
            ],
        );
        assert_eq!(output.status.code(), Some(0));
        // As text: serde_json reads floats back only to within a last digit.
        let printed = String::from_utf8(output.stdout).unwrap();
        assert_eq!(
            printed.trim_end(),
            serde_json::to_string_pretty(&expected).unwrap()
        );
    }
}

#[test]
fn the_text_report_speaks_the_workspaces_language_unless_told() {
    let (_dir, root) = sample_copy();
    let workspace = root.join("workspace.ron");
    let text = std::fs::read_to_string(&workspace).unwrap();
    assert!(text.contains("language: \"en\""));
    std::fs::write(
        &workspace,
        text.replace("language: \"en\"", "language: \"nl\""),
    )
    .unwrap();
    let args = ["--today", "2026-11-23", "--from", "2026-08-01"];
    let dutch = String::from_utf8(report(&root, &args).stdout).unwrap();
    for expected in [
        "Rapport van 2026-08-01 tot en met 2026-11-23 (115 dagen)",
        "Meteen goed                     61,0 %  25 van 41 bestellingen",
        "Kosten van fouten             € 160,60",
        "0,22 per bestelling (alarm boven 1,5)",
        "Terugkerende oorzaken\n  Gebreken bij dezelfde procedurestap, en gebreken zonder stap per categorie: 3 of meer binnen 90 dagen.",
        "Scooping ice cream, stap 4                  2026-10-20  22,2  (6 in 27 bestellingen)",
        "Making a ham & cheese roll  herzien voor 2026-10-15, 39 dagen geleden",
        "  Methode           9  ####",
        "Scooping ice cream, stap 4  Methode           6",
        "  maker actueel       44,4  (16 gebreken in 36 bestellingen)",
    ] {
        assert!(
            dutch.contains(expected),
            "{expected:?} missing from:\n{dutch}"
        );
    }
    let mut told = args.to_vec();
    told.extend(["--language", "en"]);
    let english = String::from_utf8(report(&root, &told).stdout).unwrap();
    assert!(english.contains("Right first time        61.0 %  25 of 41 orders"));
    assert!(!english.contains("bestelling"));
}

/// Issue 14: the report names procedures and steps by title and number, never by id, and
/// says exactly what a recurring cause groups: Method's nine defects are not one cause,
/// since six of them name the scoop's step and are grouped there.
#[test]
fn the_text_report_names_no_ids_and_says_what_a_recurring_cause_groups() {
    let output = report(
        &sample(),
        &["--today", "2026-11-23", "--from", "2026-08-01"],
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(
            "Recurring causes\n  Defects at the same procedure step, and defects that name no step by their category: 3 or more within 90 days.\n"
        ),
        "{text}"
    );
    for id in [
        "scoop-ice-cream",
        "portion",
        "build-ham-roll",
        "allergen-handling",
        "bake-waffle",
        "preheat",
    ] {
        assert!(!text.contains(id), "{id} in:\n{text}");
    }
    assert!(text.contains("Serving a customer with an allergy, step 4  2026-09-12"));
    assert!(text.contains("Jake Morrow  Scooping ice cream       2         3"));
}

/// Issue 14: no count reads "1 days" or "1 orders", in either language.
#[test]
fn one_of_anything_is_singular_in_the_report() {
    for (language, wanted) in [
        ("en", ["(1 day)", "0 of 1 order"]),
        ("nl", ["(1 dag)", "0 van 1 bestelling"]),
    ] {
        let output = report(
            &sample(),
            &[
                "--today",
                "2026-11-23",
                "--from",
                "2026-11-12",
                "--to",
                "2026-11-12",
                "--language",
                language,
            ],
        );
        let text = String::from_utf8(output.stdout).unwrap();
        for wanted in wanted {
            assert!(text.contains(wanted), "{wanted:?} missing from:\n{text}");
        }
    }
}
