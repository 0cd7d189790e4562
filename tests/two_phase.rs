//! Opening a workspace in two phases: the newest orders first, the older ones in batches
//! after, which together come to what one full read gives.

use std::fs;
use std::path::{Path, PathBuf};

use rightfirst::store::{Finding, Folder, Rest};

/// The sample grown to `orders` orders over five years of month folders, with a broken
/// order in an old month and an order of the newest month copied into an old one (the
/// same id twice).
fn workspace(dir: &Path, orders: usize) -> PathBuf {
    let root = dir.join("ws");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    rightfirst::generate::grow(&root, orders).unwrap();
    let mut months: Vec<String> = fs::read_dir(root.join("orders"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    months.sort();
    let (oldest, newest) = (&months[1], months.last().unwrap());
    fs::write(
        root.join(format!("orders/{oldest}/{oldest}-9999.ron")),
        "Order(id: ",
    )
    .unwrap();
    let newest_file = fs::read_dir(root.join("orders").join(newest))
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    fs::copy(
        newest_file.path(),
        root.join("orders")
            .join(oldest)
            .join(newest_file.file_name()),
    )
    .unwrap();
    root
}

/// Findings in one order, for comparing: equal places may come in any order.
fn sorted(findings: &[Finding]) -> Vec<String> {
    let mut all: Vec<String> = findings.iter().map(|f| f.to_string()).collect();
    all.sort();
    all
}

fn open_first(root: &Path) -> (Folder, Rest) {
    let (folder, rest) = Folder::open_first(root, &|_, _| {}).unwrap();
    (folder, rest.expect("older orders are left to read"))
}

#[test]
fn the_first_phase_and_every_batch_come_to_a_full_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = workspace(dir.path(), 8_000);
    let full = Folder::open(&root).unwrap();
    assert!(full.error_count() >= 2, "{:?}", full.findings());

    let (mut folder, mut rest) = open_first(&root);
    let (read, total) = folder.older_orders().expect("still reading");
    assert_eq!(
        total,
        full.records().orders.len() + 1,
        "every order file, the broken one too"
    );
    assert_eq!(read, folder.records().orders.len());
    assert!(
        (2_000..4_000).contains(&read),
        "the newest months, at least 2,000: {read}"
    );
    // The newest orders are in; the oldest are not yet.
    let newest = full.records().orders.last().unwrap();
    assert!(folder.records().orders.iter().any(|o| o.id == newest.id));
    assert!(
        !folder
            .records()
            .orders
            .iter()
            .any(|o| o.id == full.records().orders[0].id)
    );
    // The procedures and checklists are all there, and the id found twice is told at once.
    assert_eq!(folder.records().procedures, full.records().procedures);
    assert_eq!(folder.records().checklists, full.records().checklists);
    let twice = |f: &Folder| {
        f.findings()
            .iter()
            .filter(|f| f.message.contains("is also in"))
            .count()
    };
    assert_eq!(twice(&folder), 2);

    let (mut batches, mut moving) = (0, 0);
    while let Some(batch) = rest.next_batch() {
        batches += 1;
        let held = folder.records().orders.len();
        let kept = folder.take_batch(batch, &|_| false).expect("taken");
        // A batch is of whole months, older than every order held: only the one with the
        // copy of a newest order in it lands among those.
        if kept < held {
            moving += 1;
        }
    }
    assert!((2..=10).contains(&batches), "{batches} batches");
    assert_eq!(moving, 1, "batches landing among the orders held");
    assert_eq!(folder.older_orders(), None, "all read");
    assert_eq!(folder.records(), full.records());
    assert_eq!(sorted(folder.findings()), sorted(full.findings()));
    // Each batch's findings merged in where they belong: by file, then place in it.
    let places: Vec<_> = (folder.findings().iter())
        .map(|f| (&f.path, f.at))
        .collect();
    assert!(places.is_sorted(), "{places:?}");
    assert_eq!(folder.record_count(), full.record_count());
    assert_eq!(
        folder.order_files().count(),
        full.order_files().count(),
        "every file's state is kept, for saving"
    );
}

#[test]
fn a_batch_of_another_load_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let root = workspace(dir.path(), 3_000);
    let (_, mut old_rest) = open_first(&root);
    // F5 while loading: the workspace read again, a new load.
    let (mut folder, _) = open_first(&root);
    let before = folder.records().orders.len();
    let stray = old_rest.next_batch().unwrap();
    assert!(!folder.awaits(&stray));
    assert!(folder.take_batch(stray, &|_| false).is_none());
    assert_eq!(folder.records().orders.len(), before);
    assert!(folder.older_orders().is_some());

    // A folder read whole awaits nothing.
    let mut whole = Folder::open(&root).unwrap();
    let orders = whole.records().orders.len();
    let (_, mut rest) = open_first(&root);
    assert!(
        whole
            .take_batch(rest.next_batch().unwrap(), &|_| false)
            .is_none()
    );
    assert_eq!(whole.records().orders.len(), orders);
}

#[test]
fn a_file_read_again_or_deleted_since_the_first_phase_is_not_taken_from_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    let root = workspace(dir.path(), 3_000);
    let (mut folder, mut rest) = open_first(&root);
    let batch = rest.next_batch().unwrap();
    let full = Folder::open(&root).unwrap();
    let (old, gone) = (&full.records().orders[0], &full.records().orders[1]);
    // Another desk changed the oldest order after the batch read it, and this desk read it
    // again; another deleted the second, and the watcher told.
    let old_path = Folder::path_of(old).unwrap();
    let mut changed = old.clone();
    changed.customer = Some("Changed elsewhere".to_owned());
    fs::write(
        root.join(&old_path),
        rightfirst::store::format::print(&changed),
    )
    .unwrap();
    folder
        .reload::<rightfirst::model::Order>(&old_path)
        .unwrap();
    let gone_path = Folder::path_of(gone).unwrap();
    fs::remove_file(root.join(&gone_path)).unwrap();
    assert!(
        folder
            .take_batch(batch, &|path| path == gone_path)
            .is_some()
    );
    let of = |id: &str| {
        folder
            .records()
            .orders
            .iter()
            .filter(|o| o.id == id)
            .count()
    };
    assert_eq!(of(&old.id), 1, "not twice");
    let kept = folder
        .records()
        .orders
        .iter()
        .find(|o| o.id == old.id)
        .unwrap();
    assert_eq!(kept.customer.as_deref(), Some("Changed elsewhere"));
    assert_eq!(of(&gone.id), 0, "a deleted file is not brought back");
}

/// Another desk changes an older order before its batch lands: the window, told by its
/// watcher, finds the file changed on disk (it does not know it yet) and reads the
/// workspace again, whose batches then no longer land. Once landed as it is on disk, the
/// file is not changed, until another desk writes it.
#[test]
fn a_file_changed_before_its_batch_lands_is_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let root = workspace(dir.path(), 3_000);
    let (mut folder, mut rest) = open_first(&root);
    let full = Folder::open(&root).unwrap();
    let oldest = &full.records().orders[0];
    let path = Folder::path_of(oldest).unwrap();
    assert!(
        folder.changed_on_disk(&path),
        "not landed yet: new to this folder"
    );
    while let Some(batch) = rest.next_batch() {
        folder.take_batch(batch, &|_| false).expect("taken");
    }
    assert!(!folder.changed_on_disk(&path), "landed as it is on disk");
    let mut changed = oldest.clone();
    changed.customer = Some("Changed elsewhere".to_owned());
    fs::write(root.join(&path), rightfirst::store::format::print(&changed)).unwrap();
    assert!(folder.changed_on_disk(&path));
}

/// A month folder larger than a batch (here, most older orders moved into the oldest, as a
/// shop that filed them in one folder has them) is sent over several batches, newest
/// orders first: each lands before every order held, and all come to a full read.
#[test]
fn a_month_larger_than_a_batch_is_sent_newest_orders_first() {
    let dir = tempfile::tempdir().unwrap();
    let root = workspace(dir.path(), 8_000);
    let orders = root.join("orders");
    let mut months: Vec<String> = fs::read_dir(&orders)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    months.sort();
    for month in &months[1..months.len() / 2] {
        for file in fs::read_dir(orders.join(month)).unwrap() {
            let file = file.unwrap();
            fs::rename(file.path(), orders.join(&months[0]).join(file.file_name())).unwrap();
        }
    }
    let full = Folder::open(&root).unwrap();
    let (mut folder, mut rest) = open_first(&root);
    let (mut batches, mut moving) = (0, 0);
    while let Some(batch) = rest.next_batch() {
        batches += 1;
        let held = folder.records().orders.len();
        if folder.take_batch(batch, &|_| false).expect("taken") < held {
            moving += 1;
        }
    }
    assert!(batches >= 3, "{batches} batches");
    // The copy of a newest order lands among those held; no batch else does.
    assert_eq!(moving, 1, "batches landing among the orders held");
    assert_eq!(folder.older_orders(), None, "all read");
    assert_eq!(folder.records(), full.records());
    assert_eq!(sorted(folder.findings()), sorted(full.findings()));
    assert_eq!(folder.order_files().count(), full.order_files().count());
}
