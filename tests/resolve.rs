//! `rightfirst resolve`: sync-conflict copies of orders and training records merged into
//! the real file and removed; copies of anything else left for a person; one line per copy.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use rightfirst::model::{Channel, Contact, Order, Training};
use rightfirst::store::format::{parse, print};

fn rightfirst(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .args(args.iter().take(1))
        .arg(dir)
        .args(args.iter().skip(1))
        .output()
        .expect("rightfirst runs")
}

fn sample() -> (tempfile::TempDir, std::path::PathBuf) {
    let temp = tempfile::tempdir().unwrap();
    let shop = temp.path().join("shop");
    assert!(rightfirst(&["new"], &shop).status.success());
    (temp, shop)
}

const ORDER: &str = "orders/2026-11/2026-11-0004.ron";
const ORDER_COPY: &str = "orders/2026-11/2026-11-0004.sync-conflict-20261205-101500-ABCDEFG.ron";

fn read<T: serde::de::DeserializeOwned>(shop: &Path, relative: &str) -> T {
    parse(&fs::read_to_string(shop.join(relative)).unwrap()).unwrap()
}

/// The other desk's version of order 0004: Tom logged a call on it.
fn copy_with_a_contact(shop: &Path) -> Order {
    let mut order: Order = read(shop, ORDER);
    order.contacts.push(Contact {
        at: "2026-11-03T09:30".parse().unwrap(),
        channel: Channel::Phone,
        by: "tom".into(),
        about: "Asks whether the cone had nuts".into(),
        apology: false,
    });
    fs::write(shop.join(ORDER_COPY), print(&order)).unwrap();
    order
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn an_order_copy_is_merged_and_removed_a_procedure_copy_is_left() {
    let (_temp, shop) = sample();
    let theirs = copy_with_a_contact(&shop);
    let procedure_copy = "procedures/hygiene (Tom's conflicted copy 2026-12-05).ron";
    fs::copy(
        shop.join("procedures/hygiene.ron"),
        shop.join(procedure_copy),
    )
    .unwrap();
    let before = fs::read(shop.join(ORDER)).unwrap();

    let dry = rightfirst(&["resolve", "--dry-run"], &shop);
    assert_eq!(dry.status.code(), Some(1), "{}", stdout(&dry));
    assert!(stdout(&dry).contains(&format!(
        "{ORDER_COPY}: would merge Tom Bell's contact of 2026-11-03T09:30 into {ORDER}"
    )));
    assert_eq!(
        fs::read(shop.join(ORDER)).unwrap(),
        before,
        "a dry run writes"
    );
    assert!(shop.join(ORDER_COPY).exists());

    let run = rightfirst(&["resolve"], &shop);
    let out = stdout(&run);
    assert_eq!(run.status.code(), Some(1), "{out}");
    assert!(out.contains(&format!(
        "{ORDER_COPY}: merged Tom Bell's contact of 2026-11-03T09:30 into {ORDER}; the copy removed"
    )));
    assert!(
        out.contains(&format!(
            "{procedure_copy}: left for a person: a copy of procedures/hygiene.ron is never merged"
        )),
        "{out}"
    );
    assert_eq!(read::<Order>(&shop, ORDER), theirs);
    assert!(!shop.join(ORDER_COPY).exists());
    assert!(
        shop.join(procedure_copy).exists(),
        "a procedure copy is never touched"
    );

    fs::remove_file(shop.join(procedure_copy)).unwrap();
    let again = rightfirst(&["resolve"], &shop);
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
    let check = rightfirst(&["check"], &shop);
    assert!(!stdout(&check).contains("conflict"), "{}", stdout(&check));
}

#[test]
fn a_training_copy_adds_its_signatures() {
    let (_temp, shop) = sample();
    let mut training: Training = read(&shop, "training/jake.ron");
    let kept = training.signed.remove(0);
    fs::write(shop.join("training/jake.ron"), print(&training)).unwrap();
    training.signed.insert(0, kept.clone());
    let copy = "training/jake_conflict-20261205-101500.ron";
    fs::write(shop.join(copy), print(&training)).unwrap();
    let run = rightfirst(&["resolve"], &shop);
    assert_eq!(run.status.code(), Some(0), "{}", stdout(&run));
    let merged: Training = read(&shop, "training/jake.ron");
    assert!(merged.signed.contains(&kept));
    assert!(!shop.join(copy).exists());
}

#[test]
fn a_defect_changed_two_ways_is_left_and_nothing_written() {
    let (_temp, shop) = sample();
    let path = "orders/2026-11/2026-11-0004.ron";
    let mut ours: Order = read(&shop, path);
    let mut defect = rightfirst::model::Defect {
        id: "d1".into(),
        found: "2026-11-02".parse().unwrap(),
        found_by: rightfirst::model::FoundBy::Customer,
        category: "Method".into(),
        procedure: None,
        step: None,
        severity: rightfirst::model::Severity::Minor,
        description: "Too small".into(),
        cost_cents: 0,
        root_cause: None,
        action: None,
        photos: vec![],
    };
    ours.defects.push(defect.clone());
    fs::write(shop.join(path), print(&ours)).unwrap();
    let mut theirs = ours.clone();
    defect.description = "Too small and melted".into();
    theirs.defects[0] = defect;
    ours.defects[0].description = "Too small, 50 g".into();
    fs::write(shop.join(path), print(&ours)).unwrap();
    fs::write(shop.join(ORDER_COPY), print(&theirs)).unwrap();
    let before = fs::read(shop.join(path)).unwrap();
    let run = rightfirst(&["resolve"], &shop);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stdout(&run).contains("left for a person: both versions changed defect d1 differently"),
        "{}",
        stdout(&run)
    );
    assert_eq!(fs::read(shop.join(path)).unwrap(), before);
    assert!(shop.join(ORDER_COPY).exists());
}

#[test]
fn another_order_under_the_same_id_is_kept_apart() {
    let (_temp, shop) = sample();
    let mut other: Order = read(&shop, ORDER);
    other.product = "Milkshake".into();
    other.checks.clear();
    fs::write(shop.join(ORDER_COPY), print(&other)).unwrap();
    let run = rightfirst(&["resolve"], &shop);
    assert_eq!(run.status.code(), Some(0), "{}", stdout(&run));
    assert!(
        stdout(&run).contains("as 2026-11-0004-2"),
        "{}",
        stdout(&run)
    );
    let products =
        [ORDER, "orders/2026-11/2026-11-0004-2.ron"].map(|path| read::<Order>(&shop, path).product);
    assert!(
        products.iter().any(|product| product == "Milkshake"),
        "{products:?}"
    );
    assert!(!shop.join(ORDER_COPY).exists());
    // The moved order's copy again (a run killed before it removed the copy): it is not
    // split off a second time.
    let mut moved: Order = read(&shop, "orders/2026-11/2026-11-0004-2.ron");
    moved.id = "2026-11-0004".into();
    fs::write(shop.join(ORDER_COPY), print(&moved)).unwrap();
    let again = rightfirst(&["resolve"], &shop);
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
    assert!(!shop.join("orders/2026-11/2026-11-0004-3.ron").exists());
    assert!(!shop.join(ORDER_COPY).exists());
}

#[test]
fn a_folder_that_is_not_a_workspace_exits_2() {
    let temp = tempfile::tempdir().unwrap();
    let run = rightfirst(&["resolve"], temp.path());
    assert_eq!(run.status.code(), Some(2));
}

#[test]
fn the_save_lock_lives_outside_the_workspace() {
    let (temp, shop) = sample();
    copy_with_a_contact(&shop);
    let locks = temp.path().join("locks");
    let run = Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .arg("resolve")
        .arg(&shop)
        .env(rightfirst::store::LOCK_DIR_VARIABLE, &locks)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stdout(&run));
    let names: Vec<String> = fs::read_dir(&locks)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(
        names[0].starts_with("shop-") && names[0].ends_with(".lock"),
        "{names:?}"
    );
    assert!(!shop.join(".rightfirst.lock").exists());
}

#[test]
fn a_onedrive_copy_named_after_the_computer_is_merged_and_an_order_named_id_2_is_not() {
    let (_temp, shop) = sample();
    let mut theirs: Order = read(&shop, ORDER);
    theirs.contacts.push(Contact {
        at: "2026-11-03T09:30".parse().unwrap(),
        channel: Channel::Email,
        by: "tom".into(),
        about: "Receipt please".into(),
        apology: false,
    });
    let copy = "orders/2026-11/2026-11-0004-LAPTOP-7Q2.ron";
    fs::write(shop.join(copy), print(&theirs)).unwrap();
    // An order of its own whose id extends another's is left alone.
    let mut own = theirs.clone();
    own.id = "2026-11-0004-2".into();
    own.product = "Milkshake".into();
    fs::write(shop.join("orders/2026-11/2026-11-0004-2.ron"), print(&own)).unwrap();

    let run = rightfirst(&["resolve"], &shop);
    let out = stdout(&run);
    assert_eq!(run.status.code(), Some(0), "{out}");
    assert!(
        out.contains(&format!("{copy}: merged Tom Bell's contact")),
        "{out}"
    );
    assert!(!out.contains("0004-2.ron"), "{out}");
    assert_eq!(read::<Order>(&shop, ORDER), theirs);
    assert!(!shop.join(copy).exists());
    assert!(shop.join("orders/2026-11/2026-11-0004-2.ron").exists());
    let check = rightfirst(&["check"], &shop);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}
