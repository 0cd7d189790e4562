//! What the index saves: a warm run reads no order file that did not change, and a file
//! changed too close to the run's start (racily clean) is read again all the same.
//!
//! One test alone in its binary: it counts the files this process reads, which another
//! test running beside it would disturb.

mod index_common;

use std::fs;

use rightfirst::store::{self, Folder, IndexUse};

use index_common::{ORDERS, answer, order_files, shifted, workspace};

/// The files one run of `check` through `index` reads.
fn reads(root: &std::path::Path, index: &IndexUse) -> usize {
    let before = store::files_read();
    Folder::check_with(root, index).expect("check");
    store::files_read() - before
}

#[test]
fn a_warm_run_reads_only_what_changed() {
    let dir = tempfile::tempdir().expect("temp");
    let root = workspace(dir.path());
    let cache = dir.path().join("cache");
    let orders = order_files(&root).len();
    assert!(orders >= ORDERS);
    let everything = reads(&root, &IndexUse::Off);
    let others = everything - orders;
    assert!(
        others > 0 && others < 40,
        "the workspace and a few dozen records: {others}"
    );

    // Files written a moment ago are racily clean: with the real clock they are all read
    // again, however often the index is written.
    let real = IndexUse::In(cache.clone());
    assert_eq!(reads(&root, &real), everything, "cold");
    assert_eq!(reads(&root, &real), everything, "racily clean, read again");

    // Ten seconds on, they are old enough: only the other records are read.
    let index = shifted(&cache);
    assert_eq!(
        reads(&root, &index),
        everything,
        "the index is written with trusted stamps"
    );
    assert_eq!(reads(&root, &index), others, "warm: no order file read");
    assert_eq!(reads(&root, &index), others, "and again");

    // One order changed, one added, one deleted: the changed and the new one are read.
    let files = order_files(&root);
    let edited = root.join(&files[0]);
    let text = fs::read_to_string(&edited).expect("read");
    fs::write(&edited, text.replacen("made_by", "made_by ", 1)).expect("edit");
    let added = files[1].replace(".ron", "x.ron");
    fs::copy(root.join(&files[1]), root.join(added)).expect("add");
    fs::remove_file(root.join(&files[2])).expect("delete");
    assert_eq!(
        reads(&root, &index),
        others + 2,
        "the edited and the added order"
    );
    assert_eq!(reads(&root, &index), others, "warm again");

    // A signature changes a training record, on which no order's findings or facts
    // depend: no order is read again. A checklist changed is another matter.
    let training = fs::read_dir(root.join("training"))
        .expect("training")
        .next()
        .expect("a training record")
        .expect("entry")
        .path();
    let text = fs::read_to_string(&training).expect("read");
    fs::write(&training, format!("// signed on paper too\n{text}")).expect("sign");
    assert_eq!(reads(&root, &index), others, "a signature: no order read");
    let checklist = root.join("checklists/sandwich-check.ron");
    let text = fs::read_to_string(&checklist).expect("read");
    fs::write(&checklist, format!("// reworded\n{text}")).expect("reword");
    assert_eq!(reads(&root, &index), everything, "a checklist: every order");
    assert_eq!(reads(&root, &index), others, "then warm again");

    // The same answer as a full read all along.
    assert_eq!(answer(&root, &index), answer(&root, &IndexUse::Off));
}
