//! The index file's bytes: a header, one entry per order file, and a checksum.
//!
//! All numbers little-endian; a string is its length (u32) and its UTF-8 bytes.
//!
//! ```text
//! magic "RFINDEX\0", version u32, build string, canonical workspace path string,
//! written_ns i64,
//! entries, in the order the files were read (each path once): path string, size u64,
//!          mtime_ns i64, ctime_ns i64, inode u64, body length u32, body
//! context u64, entry count u64 (at the end: a cold run writes the entries while it
//!          reads the files, before it knows either)
//! checksum u64 (`Checksum` of every byte before it)
//! body: finding count u32, findings, then the order's facts:
//!       id string, placed (year i16, month u8, day u8), made_by string,
//!       check count u32, checks (checklist string, revision u32),
//!       checked u8 (0 unchecked, 1 passed, 2 failed), unjudged u32, contacts u32,
//!       defects (see `super::defects`)
//! finding: line u32, col u32, severity u8 (0 error, 1 warning), message string
//! ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::BuildHasherDefault;
use std::hash::Hasher;
use std::ops::Range;

use super::Stamp;
use super::defects::put_defects;
use crate::model::{Checked, Date, Facts, ProblemSeverity};
use crate::store::{Finding, Position};

const MAGIC: &[u8; 8] = b"RFINDEX\0";
/// Raised whenever the layout above or what an entry means changes.
pub(super) const VERSION: u32 = 7;
/// The build that wrote it: another build may check or parse orders differently.
pub(super) const BUILD: &str = env!("CARGO_PKG_VERSION");

/// An index file read whole and checked, its entries pointing into its bytes.
pub(super) struct Old {
    pub(super) bytes: Vec<u8>,
    pub(super) written_ns: i64,
    pub(super) context: u64,
    /// How many entries it holds.
    count: usize,
    /// Where each path's entry starts in `bytes`, by a hash of the path: its path, stamp
    /// and body are read from there when asked for, which keeps a hundred thousand
    /// entries in a few MB rather than all of them decoded.
    slots: HashMap<u64, u32, BuildHasherDefault<Unmixed>>,
    /// The entries whose path's hash an earlier entry's path has too (almost always
    /// none): looked through one by one.
    shared: Vec<u32>,
}

/// A hasher for keys that are hashes already: it passes them through.
#[derive(Default)]
pub(super) struct Unmixed(u64);

impl Hasher for Unmixed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 << 8) | u64::from(byte);
        }
    }
    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}

/// FNV-1a of a path: quick on short keys, and the paths of one workspace are its own.
fn path_hash(path: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in path {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

impl Old {
    /// How many entries it holds.
    pub(super) fn len(&self) -> usize {
        self.count
    }

    /// The stamp and body range of the entry for `path`: by its hash, or failing that
    /// (two paths of one hash) among the entries whose hash was taken.
    pub(super) fn get(&self, path: &str) -> Option<(Stamp, Range<usize>)> {
        let at = match self.slots.get(&path_hash(path.as_bytes())) {
            Some(&at) if self.path_at(at)? == path.as_bytes() => at,
            Some(_) => {
                *(self.shared.iter()).find(|&&at| self.path_at(at) == Some(path.as_bytes()))?
            }
            None => return None,
        };
        let (_, stamp, body) = self.entry(at)?;
        Some((stamp, body))
    }

    fn path_at(&self, start: u32) -> Option<&[u8]> {
        self.entry(start).map(|(path, _, _)| path)
    }

    /// The path, stamp and body range of the entry starting at `start`.
    fn entry(&self, start: u32) -> Option<(&[u8], Stamp, Range<usize>)> {
        let mut reader = Reader {
            bytes: &self.bytes,
            at: start as usize,
        };
        read_entry(&mut reader).map(|(path, stamp, body)| (&self.bytes[path], stamp, body))
    }
}

/// One entry at the reader: the ranges of its path and body in the bytes, and its stamp.
fn read_entry(reader: &mut Reader<'_>) -> Option<(Range<usize>, Stamp, Range<usize>)> {
    let len = reader.u32()? as usize;
    let path = reader.at..reader.at.checked_add(len)?;
    reader.take(len)?;
    let stamp = Stamp {
        size: reader.u64()?,
        mtime_ns: reader.i64()?,
        ctime_ns: reader.i64()?,
        inode: reader.u64()?,
    };
    let len = reader.u32()? as usize;
    let start = reader.at;
    reader.take(len)?;
    Some((path, stamp, start..reader.at))
}

/// Why an index file was not used.
pub(super) enum Refused {
    /// Not an index, cut short, or its checksum does not match.
    Damaged,
    /// Written by another version or build.
    OtherVersion,
    /// Written for another workspace.
    Foreign(String),
}

/// A cursor over the bytes; every read is bounds-checked, so a cut-short file is refused.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }
    /// How many bytes are not read yet.
    pub(super) fn left(&self) -> usize {
        self.bytes.len().saturating_sub(self.at)
    }
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }
    pub(super) fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    pub(super) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub(super) fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub(super) fn str(&mut self) -> Option<&'a str> {
        let len = self.u32()? as usize;
        std::str::from_utf8(self.take(len)?).ok()
    }
    fn finding(&mut self, path: &str) -> Option<Finding> {
        let line = self.u32()? as usize;
        let col = self.u32()? as usize;
        let severity = match self.u8()? {
            0 => ProblemSeverity::Error,
            1 => ProblemSeverity::Warning,
            _ => return None,
        };
        Some(Finding {
            path: path.to_owned(),
            at: Position { line, col },
            severity,
            message: self.str()?.to_owned(),
        })
    }
    pub(super) fn date(&mut self) -> Option<Date> {
        let year = i16::from_le_bytes(self.take(2)?.try_into().ok()?);
        let month = i8::try_from(self.u8()?).ok()?;
        let day = i8::try_from(self.u8()?).ok()?;
        Date::new(year, month, day)
    }
    /// The facts of one order, their strings borrowed from the index's bytes.
    fn facts(&mut self) -> Option<Facts<'a>> {
        let id = self.str()?;
        let placed = self.date()?;
        let made_by = self.str()?;
        let count = self.u32()?;
        let checks = (0..count)
            .map(|_| Some((self.str()?, self.u32()?)))
            .collect::<Option<Vec<_>>>()?;
        let checked = match self.u8()? {
            0 => Checked::Unchecked,
            1 => Checked::Passed,
            2 => Checked::Failed,
            _ => return None,
        };
        let unjudged = self.u32()?;
        let contacts = self.u32()?;
        let defects = self.defects()?;
        Some(Facts {
            id,
            placed,
            made_by,
            checks,
            checked,
            unjudged,
            contacts,
            defects: Cow::Owned(defects),
        })
    }
}

/// The findings a body holds, for the file at `path`; `None` when the body is not whole.
pub(super) fn findings(body: &[u8], path: &str) -> Option<Vec<Finding>> {
    let mut reader = Reader::new(body);
    let count = reader.u32()?;
    (0..count).map(|_| reader.finding(path)).collect()
}

/// The findings and the order's facts a body holds; `None` when the body is not whole.
pub(super) fn facts<'a>(body: &'a [u8], path: &str) -> Option<(Vec<Finding>, Facts<'a>)> {
    let mut reader = Reader::new(body);
    let count = reader.u32()?;
    let findings = (0..count)
        .map(|_| reader.finding(path))
        .collect::<Option<Vec<_>>>()?;
    let facts = reader.facts()?;
    (reader.at == body.len()).then_some((findings, facts))
}

/// Reads an index file's bytes, refusing anything not whole, not ours or not for `root`.
pub(super) fn decode(bytes: Vec<u8>, root: &str) -> Result<Old, Refused> {
    let Some(body_end) = bytes.len().checked_sub(8) else {
        return Err(Refused::Damaged);
    };
    let mut reader = Reader {
        bytes: &bytes,
        at: 0,
    };
    if reader.take(8) != Some(MAGIC.as_slice()) {
        return Err(Refused::Damaged);
    }
    let version = reader.u32().ok_or(Refused::Damaged)?;
    let build = reader.str().ok_or(Refused::Damaged)?;
    if version != VERSION || build != BUILD {
        return Err(Refused::OtherVersion);
    }
    let stored = u64::from_le_bytes(bytes[body_end..].try_into().map_err(|_| Refused::Damaged)?);
    if checksum(&bytes[..body_end]) != stored {
        return Err(Refused::Damaged);
    }
    let header = (|| Some((reader.str()?.to_owned(), reader.i64()?)))();
    let (path, written_ns) = header.ok_or(Refused::Damaged)?;
    let entries_end = body_end.checked_sub(16).ok_or(Refused::Damaged)?;
    let word_at = |at: usize| {
        let word = bytes.get(at..at + 8).ok_or(Refused::Damaged)?;
        Ok(u64::from_le_bytes(
            word.try_into().map_err(|_| Refused::Damaged)?,
        ))
    };
    let (context, count) = (word_at(entries_end)?, word_at(entries_end + 8)?);
    if path != root {
        return Err(Refused::Foreign(path));
    }
    // Offsets are kept in 32 bits: an index of 4 GB is not one this build wrote.
    if u32::try_from(bytes.len()).is_err() {
        return Err(Refused::Damaged);
    }
    let mut slots: HashMap<u64, u32, BuildHasherDefault<Unmixed>> =
        HashMap::with_capacity_and_hasher(count.min(1 << 24) as usize, Default::default());
    let mut shared = Vec::new();
    let path_at = |start: u32| {
        let mut reader = Reader::new(&bytes);
        reader.at = start as usize;
        read_entry(&mut reader).map(|(path, _, _)| &bytes[path])
    };
    for _ in 0..count {
        let start = reader.at as u32;
        let (path, _, _) = read_entry(&mut reader).ok_or(Refused::Damaged)?;
        let path = &bytes[path];
        match slots.entry(path_hash(path)) {
            Entry::Vacant(slot) => {
                slot.insert(start);
            }
            // Each path once: anything else is not an index this build wrote.
            Entry::Occupied(slot) => {
                let twice = std::iter::once(slot.get())
                    .chain(&shared)
                    .any(|&other| path_at(other) == Some(path));
                if twice {
                    return Err(Refused::Damaged);
                }
                shared.push(start);
            }
        }
    }
    if reader.at != entries_end {
        return Err(Refused::Damaged);
    }
    Ok(Old {
        bytes,
        written_ns,
        context,
        count: count as usize,
        slots,
        shared,
    })
}

pub(super) fn put_str(out: &mut Vec<u8>, text: &str) {
    out.extend_from_slice(&(text.len() as u32).to_le_bytes());
    out.extend_from_slice(text.as_bytes());
}

fn put_finding(out: &mut Vec<u8>, finding: &Finding) {
    out.extend_from_slice(&(finding.at.line as u32).to_le_bytes());
    out.extend_from_slice(&(finding.at.col as u32).to_le_bytes());
    out.push(match finding.severity {
        ProblemSeverity::Error => 0,
        ProblemSeverity::Warning => 1,
    });
    put_str(out, &finding.message);
}

/// A day: year, month and day.
pub(super) fn put_date(out: &mut Vec<u8>, day: Date) {
    out.extend_from_slice(&day.year().to_le_bytes());
    out.push(day.month() as u8);
    out.push(day.day() as u8);
}

/// One order file read now, whole as the index holds it: its path and stamp, then its body
/// (the findings of its own checks and the order's facts).
pub(super) fn put_entry(
    out: &mut Vec<u8>,
    path: &str,
    stamp: &Stamp,
    findings: &[Finding],
    facts: &Facts<'_>,
) {
    put_entry_head(out, path, stamp, 0);
    let start = out.len();
    put_body(out, findings, facts);
    let len = (out.len() - start) as u32;
    out[start - 4..start].copy_from_slice(&len.to_le_bytes());
}

/// The body of an order file: the findings of its own checks and the order's facts.
fn put_body(out: &mut Vec<u8>, findings: &[Finding], facts: &Facts<'_>) {
    out.extend_from_slice(&(findings.len() as u32).to_le_bytes());
    for finding in findings {
        put_finding(out, finding);
    }
    put_str(out, facts.id);
    put_date(out, facts.placed);
    put_str(out, facts.made_by);
    out.extend_from_slice(&(facts.checks.len() as u32).to_le_bytes());
    for (checklist, revision) in &facts.checks {
        put_str(out, checklist);
        out.extend_from_slice(&revision.to_le_bytes());
    }
    out.push(match facts.checked {
        Checked::Unchecked => 0,
        Checked::Passed => 1,
        Checked::Failed => 2,
    });
    out.extend_from_slice(&facts.unjudged.to_le_bytes());
    out.extend_from_slice(&facts.contacts.to_le_bytes());
    put_defects(out, &facts.defects);
}

/// The checksum that closes an index, eight bytes at a time: SipHash over the 17 MB of a
/// hundred thousand orders cost more than reading them. It is no defence against anyone,
/// only against a file damaged or cut short: each step is a bijection both of the sum so
/// far and of the word added, so any one word changed changes the sum, and the length is
/// summed last.
pub(super) struct Checksum {
    sum: u64,
    /// Bytes not yet making a whole word.
    pending: [u8; 8],
    held: usize,
    len: u64,
}

impl Default for Checksum {
    fn default() -> Checksum {
        Checksum {
            sum: 0x243f_6a88_85a3_08d3,
            pending: [0; 8],
            held: 0,
            len: 0,
        }
    }
}

impl Checksum {
    fn word(&mut self, word: [u8; 8]) {
        let word = u64::from_le_bytes(word);
        self.sum = (self.sum ^ word)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }

    /// Adds bytes, in any pieces: the sum is that of the bytes one after the other.
    pub(super) fn add(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len() as u64;
        if self.held > 0 {
            let n = (8 - self.held).min(bytes.len());
            self.pending[self.held..self.held + n].copy_from_slice(&bytes[..n]);
            self.held += n;
            bytes = &bytes[n..];
            if self.held < 8 {
                return;
            }
            self.word(self.pending);
            self.held = 0;
        }
        let mut words = bytes.chunks_exact(8);
        for chunk in &mut words {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.word(word);
        }
        let rest = words.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
        self.held = rest.len();
    }

    pub(super) fn finish(mut self) -> u64 {
        let mut last = [0; 8];
        last[..self.held].copy_from_slice(&self.pending[..self.held]);
        self.word(last);
        self.word(self.len.to_le_bytes());
        self.sum
    }
}

/// The checksum of `bytes` in one piece.
pub(super) fn checksum(bytes: &[u8]) -> u64 {
    let mut sum = Checksum::default();
    sum.add(bytes);
    sum.finish()
}

/// The header, for a workspace at `root`.
pub(super) fn header(root: &str, written_ns: i64) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    put_str(&mut out, BUILD);
    put_str(&mut out, root);
    out.extend_from_slice(&written_ns.to_le_bytes());
    out
}

/// What follows the entries: the hash of the other records they were found against, and
/// how many there are.
pub(super) fn trailer(context: u64, count: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(16);
    out.extend_from_slice(&context.to_le_bytes());
    out.extend_from_slice(&(count as u64).to_le_bytes());
    out
}

/// An entry's path and stamp, before its body.
pub(super) fn put_entry_head(out: &mut Vec<u8>, path: &str, stamp: &Stamp, body_len: usize) {
    put_str(out, path);
    out.extend_from_slice(&stamp.size.to_le_bytes());
    out.extend_from_slice(&stamp.mtime_ns.to_le_bytes());
    out.extend_from_slice(&stamp.ctime_ns.to_le_bytes());
    out.extend_from_slice(&stamp.inode.to_le_bytes());
    out.extend_from_slice(&(body_len as u32).to_le_bytes());
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A stamp of its own for each `size`.
    pub(in crate::store::index) fn stamp(size: u64) -> Stamp {
        Stamp {
            size,
            mtime_ns: 1,
            ctime_ns: 2,
            inode: size + 10,
        }
    }

    /// The facts of an order `id` that passed its one check.
    pub(in crate::store::index) fn facts_of(id: &str) -> Facts<'_> {
        Facts {
            id,
            placed: Date::new(2026, 12, 6).expect("a day"),
            made_by: "ellen",
            checks: vec![("cake-check", 1)],
            checked: Checked::Passed,
            unjudged: 0,
            contacts: 0,
            defects: Cow::Borrowed(&[]),
        }
    }

    /// An index of the orders `paths`, each with a stamp of its own, as a run writes it.
    fn index_of(paths: &[&str]) -> Vec<u8> {
        let mut bytes = header("/shop", 5);
        for (n, path) in paths.iter().enumerate() {
            put_entry(&mut bytes, path, &stamp(n as u64), &[], &facts_of(path));
        }
        bytes.extend_from_slice(&trailer(7, paths.len()));
        let sum = checksum(&bytes);
        bytes.extend_from_slice(&sum.to_le_bytes());
        bytes
    }

    #[test]
    fn entries_are_found_in_whatever_order_they_were_read() {
        let paths = ["orders/b/2.ron", "orders/a/9.ron", "orders/c/1.ron"];
        let Ok(old) = decode(index_of(&paths), "/shop") else {
            panic!("the index reads");
        };
        assert_eq!(old.len(), 3);
        for (n, path) in paths.iter().enumerate() {
            let (kept, body) = old.get(path).expect("held");
            assert_eq!(kept, stamp(n as u64), "{path}");
            let (_, facts) = facts(&old.bytes[body], path).expect("a whole body");
            assert_eq!(facts.id, *path);
        }
        assert!(old.get("orders/a/1.ron").is_none());
    }

    #[test]
    fn an_index_naming_a_file_twice_is_refused() {
        let twice = index_of(&["orders/a/1.ron", "orders/b/1.ron", "orders/a/1.ron"]);
        assert!(matches!(decode(twice, "/shop"), Err(Refused::Damaged)));
    }

    #[test]
    fn paths_that_share_a_hash_are_each_found() {
        let paths = ["orders/a/1.ron", "orders/a/2.ron", "orders/a/3.ron"];
        let Ok(mut old) = decode(index_of(&paths), "/shop") else {
            panic!("the index reads");
        };
        // As if the second path's hash were the first's: its slot is the first's entry,
        // and its own entry is among those whose hash was taken.
        let first = old.slots[&path_hash(paths[0].as_bytes())];
        let second = (old.slots)
            .insert(path_hash(paths[1].as_bytes()), first)
            .expect("a slot of its own");
        old.shared.push(second);
        for (n, path) in paths.iter().enumerate() {
            assert_eq!(old.get(path).map(|(kept, _)| kept), Some(stamp(n as u64)));
        }
    }

    #[test]
    fn the_checksum_of_pieces_is_that_of_the_whole() {
        let bytes: Vec<u8> = (0..41u8).map(|n| n.wrapping_mul(37)).collect();
        let whole = checksum(&bytes);
        for first in 0..bytes.len() {
            for second in first..bytes.len() {
                let mut sum = Checksum::default();
                sum.add(&bytes[..first]);
                sum.add(&bytes[first..second]);
                sum.add(&bytes[second..]);
                assert_eq!(sum.finish(), whole, "split at {first} and {second}");
            }
        }
    }

    #[test]
    fn any_one_bit_changed_or_a_byte_cut_changes_the_checksum() {
        let bytes: Vec<u8> = (0..29u8).collect();
        let whole = checksum(&bytes);
        for at in 0..bytes.len() {
            for bit in 0..8 {
                let mut changed = bytes.clone();
                changed[at] ^= 1 << bit;
                assert_ne!(checksum(&changed), whole, "byte {at} bit {bit}");
            }
        }
        for len in 0..bytes.len() {
            assert_ne!(checksum(&bytes[..len]), whole, "cut to {len}");
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert_ne!(checksum(&padded), whole);
    }
}
