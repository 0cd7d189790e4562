//! Writing an index: on a thread of its own, beside the reading while there is no old
//! index (the cores hand it their entries as they go), or laid out at the end from the
//! old index's entries and the new ones; whole or not at all, then the cache is pruned.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use super::{Pieces, Run, Session, file};

/// Where a core's entries go while the files are read: the writer's channel, and the
/// buffers it has written, to be filled again.
#[derive(Clone)]
pub(super) struct Out {
    chunks: SyncSender<Vec<u8>>,
    spare: Spare,
}

/// Buffers the writer has emptied: filled again, not allocated anew, so the pages of a
/// 15 MB index are not each faulted in and zeroed, nor held all at once.
type Spare = Arc<Mutex<Vec<Vec<u8>>>>;

/// How many bytes of entries a core gathers before it hands them to the writer (a few
/// entries' worth in unit tests, so that they hand over many).
pub(super) const STREAMED: usize = if cfg!(test) { 512 } else { 256 << 10 };

impl Out {
    /// Hands `full` to the writer and gives back a buffer to fill next: one the writer
    /// emptied, or a new one. A writer that gave up (a cache folder that refuses) drops
    /// what it is sent.
    pub(super) fn hand_over(&self, full: Vec<u8>) -> Vec<u8> {
        let again = (self.spare.lock().ok())
            .and_then(|mut spare| spare.pop())
            .unwrap_or_else(|| Vec::with_capacity(STREAMED + STREAMED / 4));
        let _ = self.chunks.send(full);
        again
    }
}

/// The thread writing an index as the cores hand it entries. Dropped before it is told
/// the last came, it removes its temp file: the index is whole or not there.
pub(super) struct Streaming {
    out: Option<Out>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Streaming {
    fn drop(&mut self) {
        drop(self.out.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Session {
    /// With no old index to keep entries of, starts writing the new one: the header now,
    /// and the entries as the cores read the files ([`Session::pieces`]), so that writing
    /// goes on beside the reading and no more than a few buffers of it are held.
    pub(in crate::store) fn stream(&mut self) {
        if self.old.is_some() || self.streaming.is_some() {
            return;
        }
        let (chunks, laid_out) = std::sync::mpsc::sync_channel(4);
        let spare = Spare::default();
        let Ok(writer) = writer(self.file.clone(), laid_out, Some(spare.clone())) else {
            // No thread to be had: the entries are gathered and written at the end.
            return;
        };
        let _ = chunks.send(file::header(&self.root, self.started_ns));
        self.streaming = Some(Streaming {
            out: Some(Out { chunks, spare }),
            thread: Some(writer),
        });
    }

    /// What one core's read of the orders puts its entries in.
    pub(in crate::store) fn pieces<'f>(&self) -> Pieces<'f> {
        Pieces {
            out: self.streaming.as_ref().and_then(|s| s.out.clone()),
            ..Pieces::default()
        }
    }

    /// Writes the index anew when anything differs from the old one: laid out here and
    /// written on a thread of its own, which goes on while the answer is worked out and
    /// given; the [`Writing`] handed back waits for it when dropped. A cache folder that
    /// refuses is left as it is. `parts` holds the entries as the cores read them.
    pub(in crate::store) fn finish(
        mut self,
        parts: Vec<Pieces<'_>>,
        context: u64,
    ) -> Option<Writing> {
        let count: usize = parts.iter().map(|part| part.count).sum();
        if let Some(mut streaming) = self.streaming.take() {
            let out = streaming.out.take()?;
            let last = (parts.into_iter())
                .map(|part| part.bytes)
                .chain([file::trailer(context, count)]);
            for piece in last.filter(|piece| !piece.is_empty()) {
                let _ = out.chunks.send(piece);
            }
            let _ = out.chunks.send(Vec::new());
            return Some(Writing(streaming.thread.take()));
        }
        let unchanged = self.old.as_ref().is_some_and(|old| {
            old.context == context && old.len() == count && parts.iter().all(Pieces::all_old)
        });
        if unchanged {
            return None;
        }
        let (chunks, laid_out) = std::sync::mpsc::sync_channel(2);
        match writer(self.file.clone(), laid_out, None) {
            Ok(writer) => {
                self.lay_out(parts, context, count, &chunks);
                Some(Writing(Some(writer)))
            }
            // No thread to be had: it is a cache, so it is not written this time.
            Err(error) => {
                log::info!("the index was not written: no thread for it ({error})");
                None
            }
        }
    }

    /// Lays the index out in pieces handed to the thread that writes them, and then an
    /// empty piece to say it is whole; stops when that thread gave up. A core's entries
    /// that are all new are handed on as the buffer they were written into; others are
    /// copied in pieces of about [`CHUNK`] bytes. Pieces, not one buffer: a second index
    /// whole in memory beside the old one took the peak of a run past 100 MB.
    fn lay_out(
        &self,
        parts: Vec<Pieces<'_>>,
        context: u64,
        count: usize,
        chunks: &SyncSender<Vec<u8>>,
    ) {
        let mut out = file::header(&self.root, self.started_ns);
        let send = |piece: Vec<u8>| piece.is_empty() || chunks.send(piece).is_ok();
        for part in parts {
            if let [Run::New { end }] = part.runs[..]
                && end == part.bytes.len()
            {
                if !send(std::mem::take(&mut out)) || !send(part.bytes) {
                    return;
                }
                continue;
            }
            let mut start = 0;
            for run in &part.runs {
                match run {
                    Run::New { end } => {
                        out.extend_from_slice(&part.bytes[start..*end]);
                        start = *end;
                    }
                    Run::Old { path, stamp, body } => {
                        let body = (self.old.as_ref())
                            .map(|old| &old.bytes[body.clone()])
                            .unwrap_or_default();
                        file::put_entry_head(&mut out, path, stamp, body.len());
                        out.extend_from_slice(body);
                    }
                }
                if out.len() >= CHUNK {
                    let full = std::mem::replace(&mut out, Vec::with_capacity(CHUNK * 2));
                    if !send(full) {
                        return;
                    }
                }
            }
        }
        if send(out) && send(file::trailer(context, count)) {
            let _ = chunks.send(Vec::new());
        }
    }
}

/// How many bytes of the index are laid out before they are handed on to be written.
const CHUNK: usize = 1 << 20;

/// An index being written on a thread of its own; dropping this waits for it, so a
/// process that gave its answer does not end with the index half written (a rename puts
/// it in place whole, so a reader meanwhile sees the old index or none, never a part).
#[derive(Debug)]
pub struct Writing(Option<std::thread::JoinHandle<()>>);

impl Drop for Writing {
    fn drop(&mut self) {
        if let Some(thread) = self.0.take() {
            let _ = thread.join();
        }
    }
}

/// Starts the thread that writes what `laid_out` hands over as the index `file` (see
/// [`write`]); an index not written is told to the log only, since it is a cache.
fn writer(
    file: PathBuf,
    laid_out: Receiver<Vec<u8>>,
    spare: Option<Spare>,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    let thread = std::thread::Builder::new().name("index".to_owned());
    thread.spawn(move || {
        if let Err(error) = write(&file, &laid_out, spare.as_ref()) {
            log::info!("the index {} was not written: {error}", file.display());
        }
    })
}

/// Tells apart the temp files of writes in one process (two reads of one workspace may
/// write its index at once).
static WRITES: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// Writes the pieces `laid_out` hands over as the index `file`, closing it with their
/// checksum, whole or not at all (an empty piece says the last came); then forgets old
/// indexes. Buffers of [`STREAMED`] bytes go back to `spare` once written.
fn write(file: &Path, laid_out: &Receiver<Vec<u8>>, spare: Option<&Spare>) -> std::io::Result<()> {
    let folder = file.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(folder)?;
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let temp = folder.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let written = (|| {
        let mut out = fs::File::create(&temp)?;
        let mut sum = file::Checksum::default();
        loop {
            let Ok(mut piece) = laid_out.recv() else {
                return Err(std::io::Error::other("it was not laid out whole"));
            };
            if piece.is_empty() {
                break;
            }
            sum.add(&piece);
            out.write_all(&piece)?;
            if let Some(spare) = spare
                && piece.capacity() >= STREAMED
                && let Ok(mut spare) = spare.lock()
                && spare.len() < 4
            {
                piece.clear();
                spare.push(piece);
            }
        }
        out.write_all(&sum.finish().to_le_bytes())?;
        drop(out);
        fs::rename(&temp, file)
    })();
    match written {
        Ok(()) => forget_old(folder, file),
        Err(_) => {
            let _ = fs::remove_file(&temp);
        }
    }
    written
}

/// How many workspaces' indexes the cache keeps: the ones used last.
pub const KEPT: usize = 16;

/// Removes the indexes of all but the [`KEPT`] workspaces used last (by when each index
/// was last written), so copies of workspaces opened once, or a test suite's hundreds of
/// temporary ones, do not pile up in the user's cache. `written` is never removed.
fn forget_old(folder: &Path, written: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let mut indexes: Vec<(SystemTime, PathBuf)> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "idx") && path != written)
        .filter_map(|path| Some((fs::metadata(&path).ok()?.modified().ok()?, path)))
        .collect();
    if indexes.len() < KEPT {
        return;
    }
    indexes.sort();
    for (_, path) in &indexes[..indexes.len() + 1 - KEPT] {
        let _ = fs::remove_file(path);
    }
}
