//! Watching the workspace folder for files that a sync tool, another machine or an editor
//! changed. The desk takes them in: at once while nothing is being edited, read off the UI
//! thread; otherwise the window says so and F5 reads them, asking first.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use iced::futures::Stream;
use iced::futures::channel::mpsc::{UnboundedSender, unbounded};
use iced::{Subscription, Task};
use notify::{EventKind, RecursiveMode, Watcher};

use super::older::Taken;
use super::{Handoff, Message};
use crate::store::Folder;

/// The files that change under the workspace at `root`, as the window's messages.
pub(super) fn subscription(root: &Path) -> Subscription<Message> {
    Subscription::run_with(root.to_path_buf(), changes).map(Message::DiskChanged)
}

/// Reads the whole workspace at `path` again on a worker thread, behind the open desk,
/// and hands it over with `done`.
pub(super) fn read_task(
    path: PathBuf,
    done: fn(Handoff<Result<Folder, String>>) -> Message,
) -> Task<Message> {
    let (sender, receiver) = iced::futures::channel::mpsc::unbounded();
    std::thread::spawn(move || {
        let result = Folder::open(&path).map_err(|error| error.to_string());
        let _ = sender.unbounded_send(done(Handoff::new(result)));
    });
    Task::run(receiver, |message| message)
}

/// Opens the workspace at `path` on a worker thread in two phases (see
/// [`crate::store::Rest`]): the opening screen hears how far the first has come, `update`
/// gets the folder as soon as the newest orders are in, then the older orders in batches,
/// each sent once the window took the one before (see [`Taken`]): one is read ahead at
/// most.
pub(super) fn open_task(path: PathBuf) -> Task<Message> {
    let (sender, receiver) = iced::futures::channel::mpsc::unbounded();
    std::thread::spawn(move || load(&path, &|message| sender.unbounded_send(message).is_ok()));
    Task::run(receiver, |message| message)
}

/// Opens the workspace at `path` as [`open_task`] says, handing each message to `send`,
/// which says whether anybody still listens.
fn load(path: &Path, send: &(dyn Fn(Message) -> bool + Sync)) {
    let told = |read: usize, total: usize| {
        send(Message::Loading(read, total));
    };
    let (folder, rest) = match Folder::open_first(path, &told) {
        Ok((folder, rest)) => (Ok(folder), rest),
        Err(error) => (Err(error.to_string()), None),
    };
    if !send(Message::Loaded(Handoff::new(folder))) {
        return;
    }
    let Some(mut rest) = rest else {
        return;
    };
    // The answer to the batch on its way, while the next is read.
    let mut on_its_way: Option<Receiver<bool>> = None;
    while let Some(batch) = rest.next_batch() {
        // The window no longer awaits this load's batches (F5, another workspace, the
        // window closed): stop reading.
        if on_its_way.is_some_and(|answer| answer.recv() != Ok(true)) {
            return;
        }
        let (taken, answer) = Taken::new();
        // Nobody listens any more: the window closed.
        if !send(Message::OlderOrders(Handoff::new((batch, Some(taken))))) {
            return;
        }
        on_its_way = Some(answer);
    }
    // The last batch is in once the window says it awaits no more.
    if on_its_way.is_some_and(|answer| answer.recv() == Ok(false)) {
        rest.settle();
    }
}

/// How long the folder stays quiet before the files changed are told: a sync tool writes
/// many files in a burst, and they are told together.
const QUIET: Duration = Duration::from_millis(400);
/// The longest a batch waits for quiet, so that a folder that never rests is still told.
const AT_MOST: Duration = Duration::from_secs(3);
/// How often a watcher with nothing to tell checks that the window still listens.
const IDLE: Duration = Duration::from_secs(1);

/// The files that changed under `root`, relative to it with `/` separators, in batches.
/// Nothing comes where the folder cannot be watched: the window then works as before.
#[expect(
    clippy::ptr_arg,
    reason = "Subscription::run_with hands its builder a reference to the data it keys on"
)]
fn changes(root: &PathBuf) -> impl Stream<Item = Vec<String>> + use<> {
    let (sender, receiver) = unbounded();
    let root = root.clone();
    // A thread of its own owns the watcher: it ends once the window stops listening.
    let _ = std::thread::Builder::new()
        .name("watch".to_owned())
        .spawn(move || watch(&root, &sender));
    receiver
}

fn watch(root: &Path, sender: &UnboundedSender<Vec<String>>) {
    let (events, incoming) = mpsc::channel();
    let Ok(mut watcher) = notify::recommended_watcher(events) else {
        return;
    };
    if watcher.watch(root, RecursiveMode::Recursive).is_err() {
        return;
    }
    let mut batch = BTreeSet::new();
    let mut since = Instant::now();
    loop {
        let wait = if batch.is_empty() { IDLE } else { QUIET };
        match incoming.recv_timeout(wait) {
            Ok(Ok(event)) if changes_content(&event.kind) => {
                if batch.is_empty() {
                    since = Instant::now();
                }
                batch.extend(event.paths.iter().filter_map(|path| relative(root, path)));
                if since.elapsed() < AT_MOST {
                    continue;
                }
            }
            Ok(_) => continue,
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        if batch.is_empty() {
            if sender.is_closed() {
                return;
            }
        } else if sender
            .unbounded_send(std::mem::take(&mut batch).into_iter().collect())
            .is_err()
        {
            return;
        }
    }
}

/// Whether an event can change what a file holds; reading one (as the window does) cannot.
fn changes_content(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    ) && !matches!(
        kind,
        EventKind::Modify(notify::event::ModifyKind::Metadata(_))
    )
}

/// `path` relative to `root`, with `/` separators; `None` outside it or not in Unicode.
fn relative(root: &Path, path: &Path) -> Option<String> {
    let inside = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = inside.iter().map(|part| part.to_str()).collect();
    let parts = parts?;
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::futures::StreamExt;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn a_file_written_in_the_folder_is_told_relative_to_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        std::fs::create_dir_all(root.join("orders/2026-12")).unwrap();
        let mut changes = Box::pin(changes(&root));
        // The watcher starts on its own thread; write until it has seen a file.
        let told = AtomicBool::new(false);
        let changed = std::thread::scope(|scope| {
            scope.spawn(|| {
                for n in 0..100 {
                    if told.load(Ordering::Relaxed) {
                        break;
                    }
                    let file = root.join("orders/2026-12/2026-12-0001.ron");
                    std::fs::write(file, format!("Order() // {n}")).unwrap();
                    std::thread::sleep(QUIET + Duration::from_millis(200));
                }
            });
            let changed = iced::futures::executor::block_on(changes.next());
            told.store(true, Ordering::Relaxed);
            changed
        });
        let told = changed;
        let told = told.expect("the watcher tells");
        assert!(
            told.contains(&"orders/2026-12/2026-12-0001.ron".to_owned()),
            "{told:?}"
        );
    }

    /// Loads the workspace at `root`, answering each batch of older orders with `answer`
    /// (`None`: dropped unanswered, as a batch not awaited is); how many batches the loader
    /// sent before it ended.
    fn loaded_answering(root: &Path, answer: impl Fn(usize) -> Option<bool>) -> usize {
        let (sender, messages) = mpsc::channel();
        let root = root.to_path_buf();
        let loader = std::thread::spawn(move || load(&root, &|m| sender.send(m).is_ok()));
        let mut batches = 0;
        for message in messages {
            let Message::OlderOrders(handoff) = message else {
                continue;
            };
            let (_, taken) = handoff.take().expect("handed over once");
            let taken = taken.expect("the loader waits for an answer");
            if let Some(more) = answer(batches) {
                taken.tell(more);
            }
            batches += 1;
        }
        loader.join().expect("the loader ends");
        batches
    }

    /// Each batch is sent once the one before was taken; a loader whose batch was not
    /// taken, or was told that no more are awaited, sends no more and ends, though more
    /// orders are left to read.
    #[test]
    fn the_loader_sends_a_batch_once_the_one_before_is_taken_and_stops_when_not_awaited() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("shop");
        crate::store::create(&root, crate::sample::FILES).unwrap();
        crate::generate::grow(&root, 10_000).unwrap();
        assert!(loaded_answering(&root, |_| Some(true)) >= 3, "every batch");
        assert_eq!(loaded_answering(&root, |_| None), 1, "not taken");
        assert_eq!(
            loaded_answering(&root, |n| Some(n == 0)),
            2,
            "no more awaited"
        );
    }

    #[test]
    fn paths_are_told_relative_with_slashes_and_nothing_outside() {
        let root = Path::new("/shop");
        assert_eq!(
            relative(root, Path::new("/shop/orders/2026-12/a.ron")).as_deref(),
            Some("orders/2026-12/a.ron")
        );
        assert_eq!(relative(root, Path::new("/elsewhere/a.ron")), None);
        assert_eq!(relative(root, root), None);
    }
}
