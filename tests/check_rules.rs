//! One test per rule `rightfirst check` enforces.
//!
//! Every test starts from the same small valid workspace, breaks one thing in
//! it, runs the real binary and asserts the file, line, column and words of
//! what it reports, and its exit code. The record texts are written out here
//! in full so the line numbers the tests expect can be read off them.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const WORKSPACE: &str = r#"Workspace(
    format: 1,
    name: "IJssalon De Hoorn",
    language: "en",
    staff: [
        Person(id: "anna", name: "Anna de Vries", role: Owner),
        Person(id: "bram", name: "Bram Jansen", role: Staff),
        Person(id: "cas", name: "Cas Smit", role: Staff),
    ],
    defect_categories: ["Method", "Material", "Machine", "Man", "Measurement", "Environment"],
)
"#;

const PROCEDURE: &str = r#"Procedure(
    id: "scoop",
    title: "Scooping ice cream",
    owner: "anna",
    revision: 2,
    status: Approved(by: "anna", on: "2026-10-01"),
    steps: [
        Step(id: "warm", text: "Dip the scoop in the warm water bath."),
        Step(
            id: "portion",
            text: "Scoop one ball and weigh it on the counter scale.",
            spec: (what: "ball weight", unit: "g", target: 65, min: 60, max: 70),
        ),
        Step(id: "serve", text: "Hand the cone over with a napkin."),
    ],
    changes: [
        Change(revision: 2, on: "2026-10-01", by: "anna", note: "Portion tightened."),
    ],
)
"#;

const CHECKLIST: &str = r#"Checklist(
    id: "cone-check",
    title: "Second check of a cone before it goes over the counter",
    procedure: "scoop",
    four_eyes: true,
    revision: 2,
    status: Approved(by: "anna", on: "2026-10-01"),
    items: [
        Item(id: "weight", prompt: "You weigh the ball.", kind: Measure(unit: "g", min: 60, max: 70), step: "portion", critical: true),
        Item(id: "clean", prompt: "You check that the cone has no drips.", kind: Tick, step: "warm"),
        Item(id: "colour", prompt: "You look at the cone.", kind: Choice(options: ["golden", "pale", "burnt"], pass: ["golden"])),
        Item(id: "remark", prompt: "You write down anything odd.", kind: Text),
    ],
)
"#;

const ORDER: &str = r#"Order(
    id: "2026-11-0417",
    placed: "2026-11-23",
    customer: "Fam. Peeters",
    product: "Cone, 2 balls",
    made_by: "bram",
    checks: [
        Check(
            checklist: "cone-check",
            revision: 2,
            checked_by: "anna",
            at: "2026-11-23T15:02",
            results: [
                Result(item: "weight", outcome: Value(65)),
                Result(item: "clean", outcome: Pass),
                Result(item: "colour", outcome: Chosen("golden")),
                Result(item: "remark", outcome: Text("Nothing odd.")),
            ],
        ),
    ],
    defects: [
        Defect(
            id: "d1",
            found: "2026-11-24",
            found_by: Customer,
            category: "Method",
            procedure: "scoop",
            step: "portion",
            severity: Minor,
            description: "The second ball was small.",
            cost_cents: 150,
            action: (kind: Corrective, what: "Weigh every ball for a week", owner: "anna", due: "2026-11-30"),
        ),
    ],
    contacts: [
        Contact(at: "2026-11-24T10:00", channel: Phone, by: "anna", about: "The portion was small"),
    ],
)
"#;

const TRAINING: &str = r#"Training(
    person: "bram",
    signed: [
        Signed(procedure: "scoop", revision: 2, on: "2026-10-02"),
    ],
)
"#;

const ORDER_PATH: &str = "orders/2026-11/2026-11-0417.ron";

/// The valid workspace every test starts from: path and text of each file.
const BASE: &[(&str, &str)] = &[
    ("workspace.ron", WORKSPACE),
    ("procedures/scoop.ron", PROCEDURE),
    ("checklists/cone-check.ron", CHECKLIST),
    (ORDER_PATH, ORDER),
    ("training/bram.ron", TRAINING),
];

/// A one-line procedure nobody refers to, for rules about a procedure file of its own.
fn lone_procedure(id: &str) -> String {
    format!(r#"Procedure(id: "{id}", title: "Closing", owner: "anna", revision: 1, status: Draft)"#)
}

/// The checklist as it stood at revision 1, as the archive keeps it.
fn checklist_revision_1() -> String {
    CHECKLIST.replacen("revision: 2,", "revision: 1,", 1)
}

/// A workspace folder in a temp dir, removed when the test ends.
struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    fn base() -> Self {
        let workspace = Workspace {
            dir: tempfile::tempdir().expect("a temp dir"),
        };
        for (path, text) in BASE {
            workspace.write(path, text);
        }
        workspace
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    /// Writes (or overwrites) a file, making its folders.
    fn write(&self, relative: &str, bytes: impl AsRef<[u8]>) -> &Self {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().expect("inside the workspace")).expect("mkdir");
        fs::write(path, bytes).expect("write");
        self
    }

    /// Replaces `from`, which must occur once in the file and start on `line`, by `to`.
    ///
    /// The line is asserted so the line a test expects in a finding is the one it edited.
    #[track_caller]
    fn edit(&self, relative: &str, line: usize, from: &str, to: &str) -> &Self {
        let text = fs::read_to_string(self.path(relative)).expect("read");
        assert_eq!(text.matches(from).count(), 1, "{from:?} once in {relative}");
        let at = text.find(from).expect("found above");
        assert_eq!(
            text[..at].matches('\n').count() + 1,
            line,
            "{from:?} in {relative}"
        );
        self.write(relative, text.replacen(from, to, 1))
    }

    fn rename(&self, from: &str, to: &str) -> &Self {
        let to = self.path(to);
        fs::create_dir_all(to.parent().expect("inside the workspace")).expect("mkdir");
        fs::rename(self.path(from), to).expect("rename");
        self
    }

    fn check(&self) -> Report {
        check(self.root())
    }
}

/// What one run of `rightfirst check` printed and how it ended.
struct Report {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Report {
    /// Every line but the summary.
    fn findings(&self) -> Vec<&str> {
        let mut lines: Vec<&str> = self.stdout.lines().collect();
        lines.pop();
        lines
    }

    fn summary(&self) -> &str {
        self.stdout.lines().last().unwrap_or_default()
    }
}

/// Runs `rightfirst check DIR`; a panic or a death by signal fails the test whatever it printed.
fn check(dir: &Path) -> Report {
    let output = Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .arg("check")
        .arg(dir)
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let Some(code) = output.status.code() else {
        panic!("check died from a signal: {:?}\n{stderr}", output.status);
    };
    assert!(!stderr.contains("panicked"), "check panicked:\n{stderr}");
    Report {
        code,
        stdout,
        stderr,
    }
}

/// Asserts the exit code and every finding, in order: each is `path:line:col`
/// and a part of its message; a part starting with `warning: ` must be a warning.
#[track_caller]
fn assert_findings(report: &Report, code: i32, expected: &[(&str, &str)]) {
    let findings = report.findings();
    let context = format!("stdout:\n{}stderr:\n{}", report.stdout, report.stderr);
    assert_eq!(report.code, code, "exit code\n{context}");
    assert_eq!(
        findings.len(),
        expected.len(),
        "number of findings\n{context}"
    );
    for (line, (at, part)) in findings.iter().zip(expected) {
        let rest = line
            .strip_prefix(&format!("{at}:"))
            .and_then(|rest| match at.matches(':').count() {
                // `path:line` leaves the column open, where only the parser knows it.
                1 => rest
                    .split_once(": ")
                    .filter(|(col, _)| col.parse::<usize>().is_ok())
                    .map(|(_, rest)| rest),
                _ => rest.strip_prefix(' '),
            })
            .unwrap_or_else(|| panic!("expected a finding at {at}, got {line:?}\n{context}"));
        assert_eq!(
            rest.starts_with("warning: "),
            part.starts_with("warning: "),
            "severity of {line:?}\n{context}"
        );
        assert!(
            rest.contains(part),
            "{line:?} should say {part:?}\n{context}"
        );
    }
    let errors = expected
        .iter()
        .filter(|(_, part)| !part.starts_with("warning: "));
    let errors = match errors.count() {
        1 => ", 1 error,".to_owned(),
        n => format!(", {n} errors,"),
    };
    assert!(report.summary().contains(&errors), "summary\n{context}");
}

#[test]
fn the_base_workspace_is_valid() {
    let report = Workspace::base().check();
    assert_findings(&report, 0, &[]);
    assert!(
        report
            .summary()
            .ends_with(": 5 records read, 0 errors, 0 warnings"),
        "{}",
        report.stdout
    );
}

#[test]
fn a_syntax_error_is_reported_where_the_parser_stopped() {
    let missing_comma = Workspace::base();
    missing_comma.edit(
        "procedures/scoop.ron",
        3,
        r#""Scooping ice cream","#,
        r#""Scooping ice cream""#,
    );
    assert_findings(
        &missing_comma.check(),
        1,
        &[("procedures/scoop.ron:4:5", "expected a comma")],
    );

    let missing_bracket = Workspace::base();
    missing_bracket.edit("training/bram.ron", 5, "    ],\n", "");
    assert_findings(
        &missing_bracket.check(),
        1,
        &[("training/bram.ron:5:1", "expected `Signed(` or `(` here")],
    );

    let cut_short = Workspace::base();
    cut_short.edit("training/bram.ron", 6, ")\n", "");
    assert_findings(
        &cut_short.check(),
        1,
        &[(
            "training/bram.ron:5:7",
            "the file ends too early; a closing bracket or quote may be missing",
        )],
    );
}

#[test]
fn a_record_that_does_not_read_is_reported_once_not_at_every_reference() {
    // The procedure's own error is the only one: the checklist, the defect and the
    // training that name it are not told there is no procedures/scoop.ron.
    let procedure = Workspace::base();
    procedure.edit(
        "procedures/scoop.ron",
        5,
        "    revision: 2,",
        "    revision: two,",
    );
    assert_findings(
        &procedure.check(),
        1,
        &[("procedures/scoop.ron:5", "expected integer")],
    );

    let checklist = Workspace::base();
    checklist.edit(
        "checklists/cone-check.ron",
        5,
        "four_eyes: true",
        "four_eyes: yes",
    );
    assert_findings(
        &checklist.check(),
        1,
        &[("checklists/cone-check.ron:5", "expected boolean")],
    );

    let archived = Workspace::base();
    archived
        .write("archive/checklists/cone-check@1.ron", "Checklist(")
        .edit(ORDER_PATH, 10, "revision: 2", "revision: 1");
    assert_findings(
        &archived.check(),
        1,
        &[(
            "archive/checklists/cone-check@1.ron:1",
            "the file ends too early",
        )],
    );
}

#[test]
fn an_unknown_field_names_the_fields_that_are_expected() {
    let workspace = Workspace::base();
    workspace.edit("procedures/scoop.ron", 3, "title:", "titel:");
    assert_findings(
        &workspace.check(),
        1,
        &[(
            "procedures/scoop.ron:3:5",
            "unknown field `titel` in `Procedure`; expected one of `id`, `title`, `purpose`, \
             `scope`, `owner`, `revision`, `status`, `review_by`, `steps`, `changes`",
        )],
    );
}

#[test]
fn a_wrong_struct_name_is_refused() {
    let workspace = Workspace::base();
    workspace.edit("procedures/scoop.ron", 1, "Procedure(", "Procedur(");
    assert_findings(
        &workspace.check(),
        1,
        &[(
            "procedures/scoop.ron:1:1",
            "expected `Procedure(...)` here, found `Procedur(...)`",
        )],
    );
}

#[test]
fn a_date_or_time_that_is_not_on_the_calendar_is_refused() {
    let date = Workspace::base();
    date.edit(ORDER_PATH, 3, r#""2026-11-23""#, r#""2026-13-01""#);
    assert_findings(
        &date.check(),
        1,
        &[(
            "orders/2026-11/2026-11-0417.ron:3:14",
            r#"expected a date as "YYYY-MM-DD" that exists on the calendar, found "2026-13-01""#,
        )],
    );

    let time = Workspace::base();
    time.edit(ORDER_PATH, 12, "2026-11-23T15:02", "2026-11-23T25:02");
    assert_findings(
        &time.check(),
        1,
        &[(
            "orders/2026-11/2026-11-0417.ron:12:18",
            r#"expected a time as "YYYY-MM-DDTHH:MM" that exists on the calendar, found "2026-11-23T25:02""#,
        )],
    );
}

#[test]
fn ids_may_only_use_the_characters_of_a_file_name() {
    let escaping = Workspace::base();
    escaping.write("procedures/x.ron", lone_procedure("../x"));
    assert_findings(
        &escaping.check(),
        1,
        &[
            (
                "procedures/x.ron:1:15",
                r#"id "../x" contains '.'; an id may only use a-z, 0-9 and -"#,
            ),
            (
                "procedures/x.ron:1:15",
                r#"the file is named "x.ron" but the id is "../x""#,
            ),
        ],
    );

    let capital = Workspace::base();
    capital.write("procedures/Scoop.ron", lone_procedure("Scoop"));
    assert_findings(
        &capital.check(),
        1,
        &[("procedures/Scoop.ron:1:15", r#"id "Scoop" contains 'S'"#)],
    );

    let step = Workspace::base();
    step.edit("procedures/scoop.ron", 14, r#""serve""#, r#""../serve""#);
    assert_findings(
        &step.check(),
        1,
        &[(
            "procedures/scoop.ron:14:18",
            r#"id "../serve" contains '.'"#,
        )],
    );

    let person = Workspace::base();
    person.edit("workspace.ron", 8, r#""cas""#, r#""Cas""#);
    assert_findings(
        &person.check(),
        1,
        &[("workspace.ron:8:20", r#"id "Cas" contains 'C'"#)],
    );
}

#[test]
fn order_ids_may_also_use_capitals_and_underscores() {
    let allowed = Workspace::base();
    allowed
        .edit(ORDER_PATH, 2, "2026-11-0417", "2026-11-0417_B")
        .rename(ORDER_PATH, "orders/2026-11/2026-11-0417_B.ron");
    assert_findings(&allowed.check(), 0, &[]);

    let dotted = Workspace::base();
    dotted
        .edit(ORDER_PATH, 2, "2026-11-0417", "2026-11-04.17")
        .rename(ORDER_PATH, "orders/2026-11/2026-11-04.17.ron");
    assert_findings(
        &dotted.check(),
        1,
        &[(
            "orders/2026-11/2026-11-04.17.ron:2:9",
            r#"id "2026-11-04.17" contains '.'; an id may only use a-z, A-Z, 0-9, - and _"#,
        )],
    );
}

#[test]
fn a_file_is_named_after_the_id_of_its_record() {
    let cases = [
        (
            "procedures/scoop.ron",
            "procedures/scooping.ron",
            r#"named "scooping.ron" but the id is "scoop""#,
        ),
        (
            "checklists/cone-check.ron",
            "checklists/cone.ron",
            r#"named "cone.ron" but the id is "cone-check""#,
        ),
        (
            ORDER_PATH,
            "orders/2026-11/2026-11-0418.ron",
            r#"named "2026-11-0418.ron" but the id is "2026-11-0417""#,
        ),
    ];
    for (from, to, message) in cases {
        let workspace = Workspace::base();
        workspace.rename(from, to);
        assert_findings(&workspace.check(), 1, &[(&format!("{to}:2:9"), message)]);
    }

    let training = Workspace::base();
    training.rename("training/bram.ron", "training/cas.ron");
    assert_findings(
        &training.check(),
        1,
        &[(
            "training/cas.ron:2:13",
            r#"named "cas.ron" but the person is "bram""#,
        )],
    );

    // The archive adds the revision: <id>@<revision>.ron.
    let archive = Workspace::base();
    archive.write(
        "archive/checklists/cone-check@3.ron",
        checklist_revision_1(),
    );
    assert_findings(
        &archive.check(),
        1,
        &[(
            "archive/checklists/cone-check@3.ron:2:9",
            r#"this one should be "cone-check@1.ron", not "cone-check@3.ron""#,
        )],
    );
}

#[test]
fn an_order_lives_in_the_folder_of_the_month_it_was_placed() {
    let wrong_month = Workspace::base();
    wrong_month.rename(ORDER_PATH, "orders/2026-10/2026-11-0417.ron");
    assert_findings(
        &wrong_month.check(),
        1,
        &[(
            "orders/2026-10/2026-11-0417.ron:3:13",
            "placed 2026-11-23 belongs in orders/2026-11/, not in orders/2026-10/",
        )],
    );

    let no_month = Workspace::base();
    no_month.rename(ORDER_PATH, "orders/2026-11-0417.ron");
    assert_findings(
        &no_month.check(),
        1,
        &[(
            "orders/2026-11-0417.ron:3:13",
            "orders live in a folder per month: this one belongs in orders/2026-11/",
        )],
    );
}

#[test]
fn ids_are_unique_where_they_are_looked_up() {
    let step = Workspace::base();
    step.edit("procedures/scoop.ron", 14, r#""serve""#, r#""warm""#);
    assert_findings(
        &step.check(),
        1,
        &[(
            "procedures/scoop.ron:14:18",
            r#"step "warm" appears twice in this procedure"#,
        )],
    );

    let item = Workspace::base();
    item.edit(
        "checklists/cone-check.ron",
        12,
        r#""remark""#,
        r#""colour""#,
    )
    .edit(
        ORDER_PATH,
        17,
        "                Result(item: \"remark\", outcome: Text(\"Nothing odd.\")),\n",
        "",
    );
    assert_findings(
        &item.check(),
        1,
        &[(
            "checklists/cone-check.ron:12:18",
            r#"item "colour" appears twice in this checklist"#,
        )],
    );

    // Answers are compared one with another, not hashed, below 33 of them: both ways.
    let answer = Workspace::base();
    answer.edit(
        ORDER_PATH,
        15,
        "Result(item: \"clean\", outcome: Pass),\n",
        "Result(item: \"clean\", outcome: Pass),\n                Result(item: \"clean\", outcome: Fail),\n",
    );
    assert_findings(
        &answer.check(),
        1,
        &[(
            "orders/2026-11/2026-11-0417.ron:16:30",
            r#"item "clean" is answered twice"#,
        )],
    );
    let many: String = (0..40)
        .map(|_| "                Result(item: \"clean\", outcome: Pass),\n")
        .collect();
    let answers = Workspace::base();
    answers.edit(
        ORDER_PATH,
        15,
        "                Result(item: \"clean\", outcome: Pass),\n",
        &many,
    );
    let found = answers.check();
    assert_eq!(found.findings().len(), 39, "{}", found.stdout);
    for line in 16..55 {
        let at =
            format!(r#"orders/2026-11/2026-11-0417.ron:{line}:30: item "clean" is answered twice"#);
        assert!(
            found.findings().contains(&at.as_str()),
            "{at} in {}",
            found.stdout
        );
    }

    let defect = Workspace::base();
    defect.edit(
        ORDER_PATH,
        34,
        "    ],\n    contacts:",
        "        Defect(id: \"d1\", found: \"2026-11-25\", found_by: Check, category: \"Man\", severity: Minor, description: \"Drips\"),\n    ],\n    contacts:",
    );
    assert_findings(
        &defect.check(),
        1,
        &[(
            "orders/2026-11/2026-11-0417.ron:34:20",
            r#"defect "d1" appears twice in this order"#,
        )],
    );

    let person = Workspace::base();
    person.edit("workspace.ron", 8, r#"id: "cas""#, r#"id: "bram""#);
    assert_findings(
        &person.check(),
        1,
        &[("workspace.ron:8:20", r#"person "bram" is listed twice"#)],
    );

    // Each copy is told where the other one is.
    let order = Workspace::base();
    order.write("orders/2026-12/2026-11-0417.ron", ORDER);
    assert_findings(
        &order.check(),
        1,
        &[
            (
                "orders/2026-11/2026-11-0417.ron:2:9",
                r#"order "2026-11-0417" is also in orders/2026-12/2026-11-0417.ron"#,
            ),
            (
                "orders/2026-12/2026-11-0417.ron:2:9",
                r#"order "2026-11-0417" is also in orders/2026-11/2026-11-0417.ron"#,
            ),
            (
                "orders/2026-12/2026-11-0417.ron:3:13",
                "belongs in orders/2026-11/",
            ),
        ],
    );
}

/// Ids that differ only in case are two files here and one on Windows or macOS: a
/// warning on each, naming the other, and an exact twin is still an error besides.
#[test]
fn order_ids_that_differ_only_in_case_are_warned_about() {
    let workspace = Workspace::base();
    for (path, id) in [
        ("orders/2026-11/W-17.ron", "W-17"),
        ("orders/2026-11/w-17.ron", "w-17"),
        ("orders/2026-12/w-17.ron", "w-17"),
    ] {
        let placed = if path.contains("2026-12") {
            "2026-12-01"
        } else {
            "2026-11-23"
        };
        workspace.write(
            path,
            ORDER
                .replace("2026-11-0417", id)
                .replace("2026-11-23\",", &format!("{placed}\",")),
        );
    }
    let case = |id: &str, others: &str| {
        format!(
            "warning: order \"{id}\" differs from {others} only in upper and lower case; Windows and macOS"
        )
    };
    let w = case(
        "W-17",
        r#""w-17" (orders/2026-11/w-17.ron), "w-17" (orders/2026-12/w-17.ron)"#,
    );
    let lower = case("w-17", r#""W-17" (orders/2026-11/W-17.ron)"#);
    assert_findings(
        &workspace.check(),
        1,
        &[
            ("orders/2026-11/W-17.ron:2:9", &w),
            (
                "orders/2026-11/w-17.ron:2:9",
                r#"order "w-17" is also in orders/2026-12/w-17.ron"#,
            ),
            ("orders/2026-11/w-17.ron:2:9", &lower),
            (
                "orders/2026-12/w-17.ron:2:9",
                r#"order "w-17" is also in orders/2026-11/w-17.ron"#,
            ),
            ("orders/2026-12/w-17.ron:2:9", &lower),
        ],
    );
}

/// Runs each `(path, line, col, from, to, message)` case on a fresh base workspace:
/// replacing `from` on that line must give exactly one error, at that line and column.
#[track_caller]
fn assert_each_breaks_once(cases: &[(&str, usize, usize, &str, &str, &str)]) {
    for (path, line, col, from, to, message) in cases {
        let workspace = Workspace::base();
        workspace.edit(path, *line, from, to);
        let at = format!("{path}:{line}:{col}");
        assert_findings(&workspace.check(), 1, &[(&at, message)]);
    }
}

#[test]
fn a_reference_to_an_unknown_person_is_an_error() {
    let unknown = r#"unknown person "zed"; the staff in workspace.ron are anna, bram, cas"#;
    assert_each_breaks_once(&[
        (
            ORDER_PATH,
            6,
            14,
            r#"made_by: "bram""#,
            r#"made_by: "zed""#,
            unknown,
        ),
        (
            ORDER_PATH,
            11,
            25,
            r#"checked_by: "anna""#,
            r#"checked_by: "zed""#,
            unknown,
        ),
        (
            "procedures/scoop.ron",
            4,
            12,
            r#"owner: "anna""#,
            r#"owner: "zed""#,
            unknown,
        ),
        (
            "procedures/scoop.ron",
            6,
            26,
            r#"Approved(by: "anna""#,
            r#"Approved(by: "zed""#,
            unknown,
        ),
        (
            "procedures/scoop.ron",
            17,
            51,
            r#"by: "anna", note"#,
            r#"by: "zed", note"#,
            unknown,
        ),
        (
            "checklists/cone-check.ron",
            7,
            26,
            r#"Approved(by: "anna""#,
            r#"Approved(by: "zed""#,
            unknown,
        ),
        (
            ORDER_PATH,
            36,
            61,
            r#"by: "anna", about"#,
            r#"by: "zed", about"#,
            unknown,
        ),
        (
            ORDER_PATH,
            32,
            84,
            r#"owner: "anna""#,
            r#"owner: "zed""#,
            unknown,
        ),
        (
            ORDER_PATH,
            25,
            23,
            "found_by: Customer",
            r#"found_by: Staff("zed")"#,
            unknown,
        ),
    ]);

    let training = Workspace::base();
    training
        .edit("training/bram.ron", 2, r#""bram""#, r#""zed""#)
        .rename("training/bram.ron", "training/zed.ron");
    assert_findings(&training.check(), 1, &[("training/zed.ron:2:13", unknown)]);
}

#[test]
fn a_reference_to_an_unknown_procedure_is_an_error() {
    let unknown = r#"unknown procedure "scooping"; there is no procedures/scooping.ron"#;
    assert_each_breaks_once(&[
        (
            "checklists/cone-check.ron",
            4,
            16,
            r#""scoop""#,
            r#""scooping""#,
            unknown,
        ),
        (ORDER_PATH, 27, 24, r#""scoop""#, r#""scooping""#, unknown),
        (
            "training/bram.ron",
            4,
            27,
            r#""scoop""#,
            r#""scooping""#,
            unknown,
        ),
    ]);
}

#[test]
fn a_reference_to_an_unknown_step_is_an_error() {
    let unknown = r#"procedure "scoop" has no step "weigh""#;
    assert_each_breaks_once(&[
        (
            "checklists/cone-check.ron",
            9,
            109,
            r#""portion""#,
            r#""weigh""#,
            unknown,
        ),
        (ORDER_PATH, 28, 19, r#""portion""#, r#""weigh""#, unknown),
    ]);
}

#[test]
fn a_check_on_an_unknown_checklist_is_an_error() {
    assert_each_breaks_once(&[(
        ORDER_PATH,
        9,
        24,
        r#""cone-check""#,
        r#""cone-chek""#,
        r#"unknown checklist "cone-chek"; there is no checklists/cone-chek.ron"#,
    )]);
}

#[test]
fn a_result_for_an_unknown_item_is_an_error() {
    assert_each_breaks_once(&[(
        ORDER_PATH,
        14,
        30,
        r#""weight""#,
        r#""wieght""#,
        r#"checklist "cone-check" revision 2 has no item "wieght""#,
    )]);
}

#[test]
fn a_defect_in_an_unknown_category_is_an_error() {
    assert_each_breaks_once(&[(
        ORDER_PATH,
        26,
        23,
        r#""Method""#,
        r#""Methods""#,
        r#"unknown defect category "Methods"; workspace.ron lists Method, Material, Machine, Man, Measurement, Environment"#,
    )]);
}

#[test]
fn only_an_owner_may_approve() {
    let not_owner = r#"approved by "bram", who is not an Owner; only an Owner may approve"#;
    assert_each_breaks_once(&[
        (
            "procedures/scoop.ron",
            6,
            26,
            r#"Approved(by: "anna""#,
            r#"Approved(by: "bram""#,
            not_owner,
        ),
        (
            "checklists/cone-check.ron",
            7,
            26,
            r#"Approved(by: "anna""#,
            r#"Approved(by: "bram""#,
            not_owner,
        ),
        // A change records an approval, so it is an Owner's too.
        (
            "procedures/scoop.ron",
            17,
            51,
            r#"by: "anna", note"#,
            r#"by: "bram", note"#,
            not_owner,
        ),
    ]);
}

#[test]
fn the_maker_may_not_do_the_four_eyes_check() {
    let same = Workspace::base();
    same.edit(
        ORDER_PATH,
        11,
        r#"checked_by: "anna""#,
        r#"checked_by: "bram""#,
    );
    assert_findings(
        &same.check(),
        1,
        &[(
            "orders/2026-11/2026-11-0417.ron:11:25",
            r#""bram" made this order and may not check it: checklist "cone-check" asks for a second person"#,
        )],
    );

    let allowed = Workspace::base();
    allowed
        .edit(
            ORDER_PATH,
            11,
            r#"checked_by: "anna""#,
            r#"checked_by: "bram""#,
        )
        .edit(
            "checklists/cone-check.ron",
            5,
            "four_eyes: true",
            "four_eyes: false",
        );
    assert_findings(&allowed.check(), 0, &[]);
}

#[test]
fn a_spec_keeps_min_target_and_max_in_order() {
    assert_each_breaks_once(&[
        (
            "procedures/scoop.ron",
            12,
            19,
            "min: 60, max: 70",
            "min: 75, max: 70",
            r#"step "portion": min 75 is above max 70"#,
        ),
        (
            "procedures/scoop.ron",
            12,
            19,
            "target: 65",
            "target: 72.5",
            r#"step "portion": target 72.5 lies outside the bounds 60-70"#,
        ),
    ]);
}

#[test]
fn a_checklist_item_is_consistent_with_its_kind() {
    assert_each_breaks_once(&[
        (
            "checklists/cone-check.ron",
            9,
            65,
            "min: 60, max: 70",
            "min: 70, max: 60",
            r#"item "weight": min 70 is above max 60"#,
        ),
        (
            "checklists/cone-check.ron",
            11,
            67,
            r#"pass: ["golden"]"#,
            r#"pass: ["gold"]"#,
            r#"item "colour": passing choice "gold" is not one of the options"#,
        ),
    ]);
}

#[test]
fn a_result_answers_in_the_kind_of_its_item() {
    assert_each_breaks_once(&[
        (
            ORDER_PATH,
            14,
            49,
            "Value(65)",
            r#"Chosen("65")"#,
            r#"item "weight": a measure is answered with Value(number)"#,
        ),
        (
            ORDER_PATH,
            15,
            48,
            "outcome: Pass",
            "outcome: Value(1)",
            r#"item "clean": a tick is answered Pass, Fail or NotApplicable"#,
        ),
        (
            ORDER_PATH,
            17,
            49,
            r#"Text("Nothing odd.")"#,
            "Value(0)",
            r#"item "remark": a text item is answered with Text("...")"#,
        ),
        (
            ORDER_PATH,
            16,
            49,
            r#"Chosen("golden")"#,
            r#"Chosen("Golden")"#,
            r#"item "colour": "Golden" is not one of the options golden, pale, burnt"#,
        ),
    ]);
}

#[test]
fn a_check_names_a_checklist_revision_the_workspace_holds() {
    let missing = Workspace::base();
    missing.edit(ORDER_PATH, 10, "revision: 2", "revision: 1");
    assert_findings(
        &missing.check(),
        1,
        &[(
            "orders/2026-11/2026-11-0417.ron:10:23",
            r#"checklist "cone-check" has no revision 1; the workspace holds revision 2"#,
        )],
    );

    // The same check is fine once the archive keeps revision 1.
    missing.write(
        "archive/checklists/cone-check@1.ron",
        checklist_revision_1(),
    );
    assert_findings(&missing.check(), 0, &[]);
}

#[test]
fn a_file_that_is_not_utf8_is_reported_at_its_first_bad_byte() {
    let workspace = Workspace::base();
    // A Latin-1 ÿ after a °, which is two bytes in UTF-8 but one column.
    let text = PROCEDURE.replacen("Scooping ice cream", "Scoop at °|", 1);
    let (before, after) = text.split_once('|').expect("the marker");
    let bytes = [before.as_bytes(), &[0xFF], after.as_bytes()].concat();
    workspace.write("procedures/scoop.ron", bytes);
    assert_findings(
        &workspace.check(),
        1,
        &[(
            "procedures/scoop.ron:3:23",
            "the file is not UTF-8 text; save it as UTF-8",
        )],
    );
}

#[test]
fn a_workspace_from_a_newer_build_is_reported_once_and_not_read() {
    let workspace = Workspace::base();
    workspace.edit("workspace.ron", 2, "    format: 1,", "    format: 9,");
    // A newer build may write fields this one does not know; they are not this build's to judge.
    workspace.edit(ORDER_PATH, 4, "customer:", "client:");
    let report = workspace.check();
    assert_eq!(
        report.findings(),
        [
            "workspace.ron:2:13: written by a newer Right First (format 9); this build reads format 1"
        ],
        "{}",
        report.stdout
    );
    assert_eq!(report.code, 1);
}

#[test]
fn sync_conflict_copies_are_warned_about_with_the_file_they_copy() {
    let workspace = Workspace::base();
    workspace
        .write(
            "procedures/scoop (Anna's conflicted copy 2026-11-02).ron",
            PROCEDURE,
        )
        .write(
            "orders/2026-11/2026-11-0417.sync-conflict-20261102-101010-ABCDEFG.ron",
            ORDER,
        )
        .write("workspace.ron~", WORKSPACE);
    assert_findings(
        &workspace.check(),
        0,
        &[
            (
                "orders/2026-11/2026-11-0417.sync-conflict-20261102-101010-ABCDEFG.ron:1:1",
                "warning: a sync tool made this conflict copy of orders/2026-11/2026-11-0417.ron",
            ),
            (
                "procedures/scoop (Anna's conflicted copy 2026-11-02).ron:1:1",
                "warning: a sync tool made this conflict copy of procedures/scoop.ron",
            ),
            (
                "workspace.ron~:1:1",
                "warning: a sync tool made this conflict copy of workspace.ron",
            ),
        ],
    );
}

#[test]
fn deeply_nested_brackets_are_an_error_not_a_stack_overflow() {
    let nest = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));

    let procedure = Workspace::base();
    procedure.edit(
        "procedures/scoop.ron",
        16,
        "changes: [",
        &format!("changes: [{nest},"),
    );
    assert_findings(
        &procedure.check(),
        1,
        &[(
            "procedures/scoop.ron:16:15",
            "expected `Change(` or `(` here",
        )],
    );

    // workspace.ron is first read for its format alone, skipping every other field
    // whatever its shape: that skip must stop at the nesting limit too.
    let workspace = Workspace::base();
    workspace.edit("workspace.ron", 4, r#""en""#, &nest);
    assert_findings(
        &workspace.check(),
        1,
        &[("workspace.ron:4", "expected string")],
    );
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let workspace = Workspace::base();
    let path = workspace.path("orders/2026-11/2026-11-0418.ron");
    // Sparse: it takes no disk, but reading it would take a GiB of memory.
    fs::File::create(path)
        .and_then(|file| file.set_len(1 << 30))
        .expect("a sparse file");
    assert_findings(
        &workspace.check(),
        1,
        &[(
            "orders/2026-11/2026-11-0418.ron:1:1",
            "the file is 1024 MiB; a record is at most 4 MiB",
        )],
    );
}

#[test]
fn a_number_too_large_for_its_field_is_an_error() {
    let thirty_digits = "123456789012345678901234567890";
    let cost = Workspace::base();
    cost.edit(
        ORDER_PATH,
        31,
        "cost_cents: 150",
        &format!("cost_cents: {thirty_digits}"),
    );
    assert_findings(
        &cost.check(),
        1,
        &[(
            "orders/2026-11/2026-11-0417.ron:31:25",
            "this number is out of range for its field",
        )],
    );

    let revision = Workspace::base();
    revision.edit(
        "procedures/scoop.ron",
        5,
        "    revision: 2,",
        &format!("    revision: {thirty_digits},"),
    );
    assert_findings(
        &revision.check(),
        1,
        &[(
            "procedures/scoop.ron:5:15",
            "this number is out of range for its field",
        )],
    );

    // A float holds thirty digits; the spec then says where it breaks the bounds.
    let target = Workspace::base();
    target.edit(
        "procedures/scoop.ron",
        12,
        "target: 65",
        &format!("target: {thirty_digits}"),
    );
    assert_findings(
        &target.check(),
        1,
        &[(
            "procedures/scoop.ron:12:19",
            r#"step "portion": target 123456789012345680000000000000 lies outside the bounds 60-70"#,
        )],
    );

    // One that overflows even a float is no number an instrument shows.
    let infinite = Workspace::base();
    infinite.edit(
        "procedures/scoop.ron",
        12,
        "target: 65",
        &format!("target: {}", "9".repeat(400)),
    );
    assert_findings(
        &infinite.check(),
        1,
        &[(
            "procedures/scoop.ron:12",
            "expected a finite number, found inf",
        )],
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_to_a_record_is_not_followed() {
    let workspace = Workspace::base();
    std::os::unix::fs::symlink("scoop.ron", workspace.path("procedures/scoop-link.ron"))
        .expect("a symlink");
    // Followed, the link would be a procedure "scoop" in a file named scoop-link.ron: an error.
    assert_findings(
        &workspace.check(),
        0,
        &[(
            "procedures/scoop-link.ron:1:1",
            "warning: is a symbolic link; Right First does not follow links inside a workspace",
        )],
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_to_a_folder_is_not_followed() {
    let workspace = Workspace::base();
    let elsewhere = tempfile::tempdir().expect("a temp dir");
    fs::write(elsewhere.path().join("2026-12-0001.ron"), "not even RON").expect("written");
    std::os::unix::fs::symlink(elsewhere.path(), workspace.path("orders/2026-12"))
        .expect("a symlink");
    // Followed, the broken file behind the link would be an error.
    assert_findings(
        &workspace.check(),
        0,
        &[(
            "orders/2026-12:1:1",
            "warning: is a symbolic link; Right First does not follow links inside a workspace",
        )],
    );
}

#[test]
fn a_folder_that_is_not_a_workspace_cannot_be_checked() {
    let dir = tempfile::tempdir().expect("a temp dir");

    let missing = dir.path().join("nowhere");
    let report = check(&missing);
    assert_eq!(report.code, 2, "{}", report.stderr);
    assert!(
        report.stderr.contains("no such folder"),
        "{}",
        report.stderr
    );
    assert!(!missing.exists(), "check made the folder");

    fs::create_dir(dir.path().join("procedures")).expect("mkdir");
    fs::write(dir.path().join("procedures/scoop.ron"), PROCEDURE).expect("write");
    let report = check(dir.path());
    assert_eq!(report.code, 2, "{}", report.stderr);
    assert!(
        report.stderr.contains("there is no workspace.ron"),
        "{}",
        report.stderr
    );
}

type Tree = BTreeMap<PathBuf, Option<Vec<u8>>>;

/// Every path under `root` with its bytes (`None` for folders and links), not following links.
fn snapshot(root: &Path) -> Tree {
    let mut tree = BTreeMap::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("read_dir") {
            let path = entry.expect("entry").path();
            let kind = fs::symlink_metadata(&path).expect("metadata").file_type();
            let bytes = kind.is_file().then(|| fs::read(&path).expect("read"));
            if kind.is_dir() {
                folders.push(path.clone());
            }
            tree.insert(
                path.strip_prefix(root).expect("inside").to_path_buf(),
                bytes,
            );
        }
    }
    tree
}

/// Fails with the paths that appeared, went or changed between two snapshots.
#[track_caller]
fn assert_unchanged(before: &Tree, after: &Tree) {
    let changed: Vec<&PathBuf> = before
        .keys()
        .chain(after.keys())
        .filter(|path| before.get(*path) != after.get(*path))
        .collect();
    assert!(changed.is_empty(), "changed on disk: {changed:?}");
}

#[test]
fn check_writes_nothing_and_leaves_stale_temp_files_alone() {
    let workspace = Workspace::base();
    // As a killed save leaves it (pid 999999 is almost surely not running): opening the
    // workspace would tidy it away, check must not.
    let temp = "procedures/.scoop.ron.999999-0.rf-tmp";
    workspace
        .write(temp, "Procedure(")
        .write("procedures/scoop.ron~", PROCEDURE)
        .write("training/cas.ron", "Training(person: \"cas\",");
    let before = snapshot(workspace.root());

    let report = workspace.check();
    assert_eq!(report.code, 1, "{}", report.stdout);
    assert_unchanged(&before, &snapshot(workspace.root()));
    assert!(workspace.path(temp).exists());
    assert!(!workspace.path(".rightfirst.lock").exists());
}

#[test]
fn new_makes_a_workspace_that_checks_clean_and_refuses_a_folder_in_use() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let fresh = dir.path().join("fresh");
    let output = Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .arg("new")
        .arg(&fresh)
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{output:?}");
    assert!(fresh.join("workspace.ron").is_file());
    let report = check(&fresh);
    assert_findings(&report, 0, &[]);

    let used = dir.path().join("used");
    fs::create_dir(&used).expect("mkdir");
    fs::write(used.join("notes.txt"), "mine").expect("write");
    let before = snapshot(&used);
    let output = Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .arg("new")
        .arg(&used)
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("not empty"),
        "{output:?}"
    );
    assert_unchanged(&before, &snapshot(&used));
}

#[test]
fn a_prompt_that_does_not_speak_to_the_checker_is_a_warning() {
    let imperative = Workspace::base();
    imperative.edit(
        "checklists/cone-check.ron",
        10,
        "\"You check that the cone has no drips.\"",
        "\"Check that the cone has no drips.\"",
    );
    assert_findings(
        &imperative.check(),
        0,
        &[(
            "checklists/cone-check.ron:10:35",
            r#"warning: item "clean": the prompt does not speak to the checker; write it as "You weigh the ball.""#,
        )],
    );
}

/// The base procedure with three photos on its "portion" step, one per line from line 14.
fn with_step_photos(workspace: &Workspace, photos: &[&str]) {
    let lines: String = photos
        .iter()
        .map(|photo| format!("                {photo:?},\n"))
        .collect();
    workspace.edit(
        "procedures/scoop.ron",
        12,
        "            spec: (what: \"ball weight\", unit: \"g\", target: 65, min: 60, max: 70),\n",
        &format!(
            "            spec: (what: \"ball weight\", unit: \"g\", target: 65, min: 60, max: 70),\n            photos: [\n{lines}            ],\n"
        ),
    );
}

const JPEG_START: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F'];

#[test]
fn a_step_photo_that_is_not_a_picture_is_an_error_and_a_missing_one_a_warning() {
    let workspace = Workspace::base();
    with_step_photos(
        &workspace,
        &[
            "attachments/procedures/scoop/right.jpg",
            "attachments/procedures/scoop/notes.png",
            "attachments/procedures/scoop/gone.jpg",
        ],
    );
    workspace.write("attachments/procedures/scoop/right.jpg", JPEG_START);
    workspace.write(
        "attachments/procedures/scoop/notes.png",
        "just some notes\n",
    );
    assert_findings(
        &workspace.check(),
        1,
        &[
            (
                "procedures/scoop.ron:15:17",
                "step \"portion\": attachments/procedures/scoop/notes.png is not a JPEG or PNG picture",
            ),
            (
                "procedures/scoop.ron:16:17",
                "warning: step \"portion\": the photo attachments/procedures/scoop/gone.jpg is missing; the manual prints \"photo missing\" in its place",
            ),
        ],
    );
}

#[test]
fn a_missing_step_photo_alone_leaves_check_passing() {
    let workspace = Workspace::base();
    with_step_photos(&workspace, &["attachments/procedures/scoop/gone.jpg"]);
    assert_findings(
        &workspace.check(),
        0,
        &[(
            "procedures/scoop.ron:14:17",
            "warning: step \"portion\": the photo attachments/procedures/scoop/gone.jpg is missing",
        )],
    );
    // Once the photo is there, and is a PNG, nothing is said.
    workspace.write(
        "attachments/procedures/scoop/gone.jpg",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    );
    assert_findings(&workspace.check(), 0, &[]);
}

#[test]
fn a_step_photo_outside_the_workspace_is_refused_and_never_opened() {
    let workspace = Workspace::base();
    // A real picture just outside the workspace: a path to it is still refused.
    let outside = workspace.root().join("..").join("right-first-outside.jpg");
    let _ = fs::write(&outside, JPEG_START);
    with_step_photos(
        &workspace,
        &[
            "../right-first-outside.jpg",
            "/etc/hostname",
            "attachments\\procedures\\scoop\\right.jpg",
        ],
    );
    let report = workspace.check();
    let _ = fs::remove_file(&outside);
    let refused = "must be a path inside the workspace";
    assert_findings(
        &report,
        1,
        &[
            ("procedures/scoop.ron:14:17", refused),
            ("procedures/scoop.ron:15:17", refused),
            ("procedures/scoop.ron:16:17", refused),
        ],
    );
    assert!(!report.stdout.contains("missing"), "{}", report.stdout);
}

#[cfg(unix)]
#[test]
fn a_step_photo_that_links_elsewhere_is_refused() {
    let workspace = Workspace::base();
    let elsewhere = tempfile::tempdir().expect("a temp dir");
    let picture = elsewhere.path().join("cone.jpg");
    fs::write(&picture, JPEG_START).expect("write");
    with_step_photos(&workspace, &["attachments/procedures/scoop/cone.jpg"]);
    fs::create_dir_all(workspace.path("attachments/procedures/scoop")).expect("mkdir");
    std::os::unix::fs::symlink(
        &picture,
        workspace.path("attachments/procedures/scoop/cone.jpg"),
    )
    .expect("symlink");
    assert_findings(
        &workspace.check(),
        1,
        &[(
            "procedures/scoop.ron:14:17",
            "step \"portion\": attachments/procedures/scoop/cone.jpg is a symbolic link",
        )],
    );
}

/// Issue 14: a measure item's bounds that differ from its step's standard are a warning
/// at the item's step; one in another unit measures something else and is left alone.
#[test]
fn a_measure_whose_bounds_differ_from_its_steps_standard_is_warned_about() {
    let workspace = Workspace::base();
    workspace.edit(
        "checklists/cone-check.ron",
        9,
        "min: 60, max: 70",
        "min: 55, max: 70",
    );
    assert_findings(
        &workspace.check(),
        0,
        &[(
            "checklists/cone-check.ron:9:109",
            "warning: item \"weight\" measures 55–70 g but step \"portion\" of procedure \"scoop\" sets 60–70 g; use the step's standard",
        )],
    );
    let workspace = Workspace::base();
    workspace.edit(
        "checklists/cone-check.ron",
        9,
        r#"unit: "g", min: 60, max: 70"#,
        r#"unit: "balls", min: 2, max: 2"#,
    );
    assert_findings(&workspace.check(), 0, &[]);
}
