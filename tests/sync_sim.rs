//! Two desks and a sync tool, simulated (issue 18). Two copies of one workspace, each
//! worked on through the store as the window uses it (saves that merge what another desk
//! changed, conflict copies resolved when seen), and a sync step between them that behaves
//! like Syncthing, and in a second run like Dropbox. 1,000 random operations per desk (new
//! orders, checks, defects, contacts, procedure drafts, training signatures), syncing at
//! random moments, then resolving until both copies agree.
//!
//! Asserted: every operation a desk reported saved is in the final folder, nothing is
//! doubled, both copies end identical with no conflict copy left, and no order absorbed
//! another. The counts are printed (`cargo test --test sync_sim -- --nocapture`).

#[path = "sync_sim/tool.rs"]
mod tool;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rightfirst::model::{
    Channel, Check, CheckResult, Contact, Date, DateTime, Defect, Desk, FoundBy, Order, Outcome,
    Procedure, Severity, Signed, Status,
};
use rightfirst::store::Folder;
use rightfirst::store::resolve::Outcome as Merge;
use tool::{Sync, Tool, files};

const OPERATIONS: usize = 1000;
const DAY: &str = "2026-12-05";

/// A small generator with a fixed seed: the same run every time.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

/// One desk: its folder, its desk code and its own clock (a person does one thing at a time).
struct Station {
    name: &'static str,
    code: Desk,
    dir: PathBuf,
    folder: Folder,
    minute: u32,
    drafts: usize,
}

/// What the desks reported saved, to find in the end.
#[derive(Default)]
struct Saved {
    orders: BTreeMap<String, Order>,
    checks: Vec<(String, Check)>,
    defects: Vec<(String, Defect)>,
    contacts: Vec<(String, Contact)>,
    procedures: BTreeMap<String, Procedure>,
    signatures: BTreeSet<(String, String, u32)>,
}

#[derive(Default, Debug)]
struct Counts {
    operations: usize,
    saved: usize,
    merged_at_save: usize,
    clashes: usize,
    refused: usize,
    copies_merged: usize,
    copies_left: usize,
}

impl Station {
    fn open(name: &'static str, code: &str, dir: PathBuf) -> Station {
        Station {
            name,
            code: Desk::parse(code).unwrap(),
            folder: Folder::open(&dir).unwrap(),
            dir,
            minute: 0,
            drafts: 0,
        }
    }

    /// The next minute on this desk's clock; desk A's minutes are even, B's odd.
    fn now(&mut self, odd: bool) -> DateTime {
        self.minute += 1;
        let minute = self.minute * 2 + u32::from(odd);
        format!("{DAY}T{:02}:{:02}", 8 + minute / 60 % 14, minute % 60)
            .parse()
            .unwrap()
    }
}

fn person(rng: &mut Rng) -> String {
    ["ellen", "tom", "priya", "jake"][rng.below(4)].to_owned()
}

/// One random operation on `desk`, recorded in `saved` when the store says it is saved.
fn operate(desk: &mut Station, odd: bool, rng: &mut Rng, saved: &mut Saved, counts: &mut Counts) {
    counts.operations += 1;
    let day: Date = DAY.parse().unwrap();
    let orders = desk.folder.records().orders.clone();
    let kind = rng.below(11);
    if kind < 2 || orders.is_empty() {
        let id = Desk::order_id(Some(desk.code), desk.folder.records(), day);
        let order = Order {
            id: id.clone(),
            placed: day,
            customer: Some(format!("Customer of {}", desk.name)),
            product: ["Cone", "Waffle", "Shake"][rng.below(3)].into(),
            made_by: person(rng).into(),
            checks: vec![],
            defects: vec![],
            contacts: vec![],
        };
        match desk.folder.save(order.clone()) {
            Ok(()) => {
                counts.saved += 1;
                saved.orders.insert(id, order);
            }
            Err(_) => counts.refused += 1,
        }
        return;
    }
    if kind == 9 {
        return draft(desk, rng, saved, counts);
    }
    if kind == 10 {
        return sign(desk, rng, saved, counts);
    }
    let base = rng.pick(&orders).unwrap().clone();
    let mut order = base.clone();
    let at = desk.now(odd);
    let item = match kind {
        2..=4 => {
            let check = Check {
                checklist: "cone-check".into(),
                revision: 2,
                // Four eyes: the checker is never the maker.
                checked_by: loop {
                    let checker = person(rng);
                    if checker != order.made_by {
                        break checker.into();
                    }
                },
                at,
                results: vec![CheckResult {
                    item: "weight".into(),
                    outcome: Outcome::Pass,
                    photos: vec![],
                }],
            };
            order.checks.push(check.clone());
            Item::Check(check)
        }
        5 | 6 => {
            let defect = Defect {
                id: order.next_defect_id_at(Some(desk.code)),
                found: day,
                found_by: FoundBy::Staff(person(rng)),
                category: "Method".into(),
                procedure: None,
                step: None,
                severity: Severity::Minor,
                description: format!("Found at {at} on {}", desk.name),
                cost_cents: rng.below(500) as u64,
                root_cause: None,
                action: None,
                photos: vec![],
            };
            order.defects.push(defect.clone());
            Item::Defect(Box::new(defect))
        }
        _ => {
            let contact = Contact {
                at,
                channel: [Channel::Phone, Channel::Email][rng.below(2)],
                by: person(rng),
                about: format!("Call at {at}"),
                apology: rng.below(2) == 0,
            };
            order.contacts.push(contact.clone());
            Item::Contact(contact)
        }
    };
    let result = desk.folder.save_order_merging(Some(&base), order);
    if let Ok(Some(Merge::Merged { .. })) = &result {
        counts.merged_at_save += 1;
    }
    match result {
        Ok(None | Some(Merge::Merged { .. })) => {
            counts.saved += 1;
            match item {
                Item::Check(c) => saved.checks.push((base.id.clone(), c)),
                Item::Defect(d) => saved.defects.push((base.id.clone(), *d)),
                Item::Contact(c) => saved.contacts.push((base.id.clone(), c)),
            }
        }
        Ok(Some(Merge::Left(_))) => counts.clashes += 1,
        Ok(Some(_)) | Err(_) => counts.refused += 1,
    }
}

enum Item {
    Check(Check),
    Defect(Box<Defect>),
    Contact(Contact),
}

/// A new procedure draft of this desk's own, or the next edit of one.
fn draft(desk: &mut Station, rng: &mut Rng, saved: &mut Saved, counts: &mut Counts) {
    let mine: Vec<Procedure> = desk
        .folder
        .records()
        .procedures
        .iter()
        .filter(|p| {
            p.id.starts_with(&format!("draft-{}-", desk.code.as_str().to_lowercase()))
        })
        .cloned()
        .collect();
    let mut procedure = match rng.pick(&mine) {
        Some(own) if rng.below(2) == 0 => own.clone(),
        _ => {
            desk.drafts += 1;
            let mut new = desk.folder.records().procedures[0].clone();
            new.id = format!(
                "draft-{}-{}",
                desk.code.as_str().to_lowercase(),
                desk.drafts
            );
            new.revision = 1;
            new.status = Status::Draft;
            new.changes.clear();
            new
        }
    };
    procedure.purpose = format!("Edit {} on {}", rng.next() % 1000, desk.name);
    match desk.folder.save(procedure.clone()) {
        Ok(()) => {
            counts.saved += 1;
            saved.procedures.insert(procedure.id.clone(), procedure);
        }
        Err(_) => counts.refused += 1,
    }
}

/// Someone on the staff signs a procedure revision they have not signed here yet.
fn sign(desk: &mut Station, rng: &mut Rng, saved: &mut Saved, counts: &mut Counts) {
    let records = desk.folder.records();
    let Some(mut training) = rng.pick(&records.training).cloned() else {
        return;
    };
    let approved: Vec<&Procedure> = records
        .procedures
        .iter()
        .filter(|p| matches!(p.status, Status::Approved { .. }))
        .collect();
    let procedure = rng.pick(&approved).unwrap();
    let revision = 1 + rng.below(procedure.revision as usize) as u32;
    if training.has_signed(&procedure.id, revision) {
        return;
    }
    let key = (training.person.clone(), procedure.id.clone(), revision);
    training.signed.push(Signed {
        procedure: procedure.id.clone(),
        revision,
        on: DAY.parse().unwrap(),
        recorded_by: None,
    });
    let result = desk.folder.save_training_merging(training);
    if let Ok(Some(Merge::Merged { .. })) = &result {
        counts.merged_at_save += 1;
    }
    match result {
        Ok(None | Some(Merge::Merged { .. })) => {
            counts.saved += 1;
            saved.signatures.insert(key);
        }
        _ => counts.refused += 1,
    }
}

/// The window's part when the folder changed: read it again (sometimes, as the watcher
/// does while nothing is being edited), and merge the conflict copies it finds.
fn look(desk: &mut Station, rng: &mut Rng, counts: &mut Counts, always: bool) {
    if always || rng.below(2) == 0 {
        desk.folder = Folder::open(&desk.dir).unwrap();
    }
    if always || rng.below(3) == 0 {
        for resolution in desk.folder.resolve(false) {
            if resolution.outcome.is_left() {
                counts.copies_left += 1;
                eprintln!("left: {} {:?}", resolution.copy, resolution.outcome);
            } else {
                counts.copies_merged += 1;
            }
        }
    }
}

fn is_copy(path: &str) -> bool {
    path.contains("conflict")
}

fn simulate(tool: Tool, seed: u64) {
    let shm = Path::new("/dev/shm");
    // Saves flush to disk; on a RAM disk that is free, so the run takes seconds.
    let temp = if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    };
    let a_dir = temp.path().join("counter");
    let b_dir = temp.path().join("office");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("procedures"),
        &a_dir,
    );
    copy_dir(&a_dir, &b_dir);
    let mut sync = Sync::new(tool, &a_dir);
    let initial = Folder::open(&a_dir).unwrap().records().clone();
    let mut desks = [
        Station::open("counter", "A", a_dir.clone()),
        Station::open("office", "B", b_dir.clone()),
    ];
    let mut rng = Rng(seed);
    let mut saved = Saved::default();
    let mut counts = Counts::default();
    let mut done = [0, 0];
    while done[0] < OPERATIONS || done[1] < OPERATIONS {
        let n = if done[0] == OPERATIONS {
            1
        } else if done[1] == OPERATIONS {
            0
        } else {
            rng.below(2)
        };
        operate(&mut desks[n], n == 1, &mut rng, &mut saved, &mut counts);
        done[n] += 1;
        if rng.below(25) == 0 {
            sync.run([&a_dir, &b_dir], ["counter", "office"], rng.below(2) == 0);
            for desk in &mut desks {
                look(desk, &mut rng, &mut counts, false);
            }
        }
    }
    // The afternoon ends: sync and resolve until both copies agree.
    for _ in 0..10 {
        sync.run([&a_dir, &b_dir], ["counter", "office"], true);
        for desk in &mut desks {
            look(desk, &mut rng, &mut counts, true);
            sync.run([&a_dir, &b_dir], ["counter", "office"], true);
        }
        if files(&a_dir) == files(&b_dir) && !files(&a_dir).keys().any(|p| is_copy(p)) {
            break;
        }
    }
    println!(
        "{tool:?}, seed {seed}: {counts:?}; sync: {} conflict copies made, {} files copied",
        sync.conflicts, sync.copied
    );
    let final_files = files(&a_dir);
    assert!(final_files == files(&b_dir), "the two copies differ");
    let copies: Vec<&String> = final_files.keys().filter(|p| is_copy(p)).collect();
    assert!(copies.is_empty(), "conflict copies left: {copies:?}");
    assert_eq!(counts.copies_left, 0);
    assert!(sync.conflicts > 0, "the run made no conflict to resolve");
    let end = Folder::open(&a_dir).unwrap();
    let errors: Vec<String> = end
        .findings()
        .iter()
        .take(5)
        .map(|f| f.to_string())
        .collect();
    assert_eq!(end.error_count(), 0, "{errors:#?}");
    check_saved(end.records(), &initial, &saved);
}

/// Every saved operation is in the final records, once, and no order took in another.
fn check_saved(
    end: &rightfirst::model::Records,
    initial: &rightfirst::model::Records,
    saved: &Saved,
) {
    let order = |id: &str| end.orders.iter().find(|o| o.id == id);
    for (id, created) in &saved.orders {
        let found = order(id).unwrap_or_else(|| panic!("order {id} lost"));
        assert_eq!(
            (
                &found.placed,
                &found.customer,
                &found.product,
                &found.made_by
            ),
            (
                &created.placed,
                &created.customer,
                &created.product,
                &created.made_by
            ),
            "order {id} absorbed another"
        );
    }
    let ids: BTreeSet<&str> = end.orders.iter().map(|o| o.id.as_str()).collect();
    let expected: BTreeSet<&str> = initial
        .orders
        .iter()
        .map(|o| o.id.as_str())
        .chain(saved.orders.keys().map(String::as_str))
        .collect();
    assert_eq!(ids, expected, "orders appeared or went");
    for end_order in &end.orders {
        let start = initial.orders.iter().find(|o| o.id == end_order.id);
        let id = end_order.id.as_str();
        same_items(
            &end_order.checks,
            had_and_saved(start.map(|o| &o.checks), &saved.checks, id),
            id,
            "checks",
        );
        same_items(
            &end_order.contacts,
            had_and_saved(start.map(|o| &o.contacts), &saved.contacts, id),
            id,
            "contacts",
        );
        same_items(
            &end_order.defects,
            had_and_saved(start.map(|o| &o.defects), &saved.defects, id),
            id,
            "defects",
        );
    }
    for (id, procedure) in &saved.procedures {
        assert_eq!(
            end.procedure(id),
            Some(procedure),
            "draft {id} is not as last saved"
        );
    }
    for (person, procedure, revision) in &saved.signatures {
        let training = end.training.iter().find(|t| &t.person == person).unwrap();
        assert!(
            training.has_signed(procedure, *revision),
            "{person}'s signature under {procedure} {revision} lost"
        );
        let twice = training
            .signed
            .iter()
            .filter(|s| &s.procedure == procedure && s.revision == *revision)
            .count();
        assert_eq!(
            twice, 1,
            "{person} signed {procedure} {revision} {twice} times"
        );
    }
}

/// What order `id` should hold: what it had at the start and what the desks saved on it.
fn had_and_saved<'a, T>(
    start: Option<&'a Vec<T>>,
    saved: &'a [(String, T)],
    id: &str,
) -> Vec<&'a T> {
    let had = start.into_iter().flatten();
    had.chain(
        saved
            .iter()
            .filter(|(on, _)| on == id)
            .map(|(_, item)| item),
    )
    .collect()
}

/// The final list holds exactly the expected items: none lost, none doubled.
fn same_items<T: std::fmt::Debug + PartialEq>(
    end: &[T],
    mut expected: Vec<&T>,
    id: &str,
    what: &str,
) {
    for item in end {
        let Some(n) = expected.iter().position(|e| *e == item) else {
            panic!("{id}: {what} holds {item:?}, which no desk saved (doubled?)");
        };
        expected.remove(n);
    }
    assert!(expected.is_empty(), "{id}: {what} lost: {expected:?}");
}

fn copy_dir(from: &Path, to: &Path) {
    for (relative, bytes) in files(from) {
        let target = to.join(relative);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }
}

#[test]
fn two_desks_syncing_through_syncthing_lose_nothing() {
    simulate(Tool::Syncthing, 0x5eed_0018);
}

#[test]
fn two_desks_syncing_through_dropbox_lose_nothing() {
    simulate(Tool::Dropbox, 0xd80b_0018);
}
