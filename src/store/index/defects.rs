//! An order's defects in the index, in a binary form of their own.
//!
//! They were kept as JSON, whose writing, checking and reading back cost a cold run 6% and
//! a warm `report` 8%. Every field is a string, a number, a day or a choice among a few,
//! each written as it is, so what is read back is exactly what was written.
//!
//! ```text
//! defects: count u32, then per defect:
//!   id string, found day, found_by u8 (0 Check, 1 Staff + string, 2 Customer),
//!   category string, procedure maybe string, step maybe string,
//!   severity u8 (0 Minor, 1 Major, 2 Critical), description string, cost_cents u64,
//!   root_cause u8 (0 none, 1 whys (count u32, strings) and cause string),
//!   action u8 (0 none, 1 kind u8 (0 Correction, 1 Corrective, 2 Preventive), what string,
//!              owner maybe string, due maybe day, done maybe day, verified maybe day,
//!              verified_by maybe string),
//!   photos (count u32, strings)
//! day: year i16, month u8, day u8; maybe: u8 0 (none) or 1 and the value
//! ```

use super::file::{Reader, put_date, put_str};
use crate::model::{Action, ActionKind, Defect, FoundBy, RootCause, Severity};

/// Appends `defects` to `out`.
pub(super) fn put_defects(out: &mut Vec<u8>, defects: &[Defect]) {
    out.extend_from_slice(&(defects.len() as u32).to_le_bytes());
    for defect in defects {
        put_defect(out, defect);
    }
}

fn put_defect(out: &mut Vec<u8>, defect: &Defect) {
    put_str(out, &defect.id);
    put_date(out, defect.found);
    match &defect.found_by {
        FoundBy::Check => out.push(0),
        FoundBy::Staff(who) => {
            out.push(1);
            put_str(out, who);
        }
        FoundBy::Customer => out.push(2),
    }
    put_str(out, &defect.category);
    put_maybe_str(out, defect.procedure.as_deref());
    put_maybe_str(out, defect.step.as_deref());
    out.push(match defect.severity {
        Severity::Minor => 0,
        Severity::Major => 1,
        Severity::Critical => 2,
    });
    put_str(out, &defect.description);
    out.extend_from_slice(&defect.cost_cents.to_le_bytes());
    match &defect.root_cause {
        None => out.push(0),
        Some(cause) => {
            out.push(1);
            put_strs(out, &cause.whys);
            put_str(out, &cause.cause);
        }
    }
    match &defect.action {
        None => out.push(0),
        Some(action) => {
            out.push(1);
            put_action(out, action);
        }
    }
    put_strs(out, &defect.photos);
}

fn put_action(out: &mut Vec<u8>, action: &Action) {
    out.push(match action.kind {
        ActionKind::Correction => 0,
        ActionKind::Corrective => 1,
        ActionKind::Preventive => 2,
    });
    put_str(out, &action.what);
    put_maybe_str(out, action.owner.as_deref());
    for day in [action.due, action.done, action.verified] {
        match day {
            None => out.push(0),
            Some(day) => {
                out.push(1);
                put_date(out, day);
            }
        }
    }
    put_maybe_str(out, action.verified_by.as_deref());
}

fn put_maybe_str(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        None => out.push(0),
        Some(text) => {
            out.push(1);
            put_str(out, text);
        }
    }
}

fn put_strs(out: &mut Vec<u8>, texts: &[String]) {
    out.extend_from_slice(&(texts.len() as u32).to_le_bytes());
    for text in texts {
        put_str(out, text);
    }
}

impl Reader<'_> {
    /// The defects [`put_defects`] wrote; `None` when they are not whole.
    pub(super) fn defects(&mut self) -> Option<Vec<Defect>> {
        let count = self.u32()? as usize;
        // Each defect takes well over 16 bytes: a damaged count does not reserve gigabytes.
        let mut defects = Vec::with_capacity(count.min(self.left() / 16));
        for _ in 0..count {
            defects.push(self.defect()?);
        }
        Some(defects)
    }

    fn defect(&mut self) -> Option<Defect> {
        let id = self.string()?;
        let found = self.date()?;
        let found_by = match self.u8()? {
            0 => FoundBy::Check,
            1 => FoundBy::Staff(self.string()?),
            2 => FoundBy::Customer,
            _ => return None,
        };
        let category = self.string()?;
        let procedure = self.maybe(Self::string)?;
        let step = self.maybe(Self::string)?;
        let severity = match self.u8()? {
            0 => Severity::Minor,
            1 => Severity::Major,
            2 => Severity::Critical,
            _ => return None,
        };
        let description = self.string()?;
        let cost_cents = self.u64()?;
        let root_cause = self.maybe(|reader| {
            Some(RootCause {
                whys: reader.strings()?,
                cause: reader.string()?,
            })
        })?;
        let action = self.maybe(Self::action)?;
        Some(Defect {
            id,
            found,
            found_by,
            category,
            procedure,
            step,
            severity,
            description,
            cost_cents,
            root_cause,
            action,
            photos: self.strings()?,
        })
    }

    fn action(&mut self) -> Option<Action> {
        let kind = match self.u8()? {
            0 => ActionKind::Correction,
            1 => ActionKind::Corrective,
            2 => ActionKind::Preventive,
            _ => return None,
        };
        Some(Action {
            kind,
            what: self.string()?,
            owner: self.maybe(Self::string)?,
            due: self.maybe(Self::date)?,
            done: self.maybe(Self::date)?,
            verified: self.maybe(Self::date)?,
            verified_by: self.maybe(Self::string)?,
        })
    }

    /// A value that may be missing: `Some(None)` when it is, `None` when the bytes are not
    /// whole.
    fn maybe<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.u8()? {
            0 => Some(None),
            1 => read(self).map(Some),
            _ => None,
        }
    }

    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_owned)
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        let count = self.u32()? as usize;
        let mut texts = Vec::with_capacity(count.min(self.left() / 4));
        for _ in 0..count {
            texts.push(self.string()?);
        }
        Some(texts)
    }
}

#[cfg(test)]
mod tests {
    use super::{Reader, put_defects};
    use crate::model::{Action, ActionKind, Defect, FoundBy, RootCause, Severity};

    fn day(text: &str) -> crate::model::Date {
        text.parse().expect("a day")
    }

    /// One defect with every field set, one with none of the optional ones.
    fn defects() -> Vec<Defect> {
        let full = Defect {
            id: "d1".to_owned(),
            found: day("2026-07-26"),
            found_by: FoundBy::Staff("ellen".to_owned()),
            category: "Man".to_owned(),
            procedure: Some("bake-waffle".to_owned()),
            step: Some("preheat".to_owned()),
            severity: Severity::Critical,
            description: "Nicht wie \"vorgeschrieben\"; é ✓".to_owned(),
            cost_cents: u64::MAX,
            root_cause: Some(RootCause {
                whys: vec!["Rushed".to_owned(), String::new()],
                cause: "No second pair of hands".to_owned(),
            }),
            action: Some(Action {
                kind: ActionKind::Preventive,
                what: "Two on the till at peak".to_owned(),
                owner: Some("priya".to_owned()),
                due: Some(day("2026-08-01")),
                done: None,
                verified: Some(day("2026-09-01")),
                verified_by: Some("jake".to_owned()),
            }),
            photos: vec!["photos/a.jpg".to_owned()],
        };
        let bare = Defect {
            id: "d2".to_owned(),
            found: day("2021-01-31"),
            found_by: FoundBy::Customer,
            category: String::new(),
            procedure: None,
            step: None,
            severity: Severity::Minor,
            description: String::new(),
            cost_cents: 0,
            root_cause: None,
            action: Some(Action {
                kind: ActionKind::Corrective,
                what: String::new(),
                owner: None,
                due: None,
                done: Some(day("2021-02-01")),
                verified: None,
                verified_by: None,
            }),
            photos: Vec::new(),
        };
        let checked = Defect {
            found_by: FoundBy::Check,
            severity: Severity::Major,
            action: None,
            root_cause: Some(RootCause::default()),
            ..bare.clone()
        };
        vec![full, bare, checked]
    }

    #[test]
    fn defects_read_back_as_they_were_written() {
        for defects in [Vec::new(), defects()] {
            let mut bytes = Vec::new();
            put_defects(&mut bytes, &defects);
            let mut reader = Reader::new(&bytes);
            assert_eq!(reader.defects(), Some(defects));
            assert_eq!(reader.left(), 0, "every byte read");
        }
    }

    #[test]
    fn defects_cut_short_or_damaged_are_refused_not_misread() {
        let mut bytes = Vec::new();
        put_defects(&mut bytes, &defects());
        for len in 0..bytes.len() {
            assert_eq!(Reader::new(&bytes[..len]).defects(), None, "cut to {len}");
        }
        // The found_by of the first defect (after count 4, id 4+2, day 4) made unknown.
        let mut damaged = bytes.clone();
        damaged[14] = 7;
        assert_eq!(Reader::new(&damaged).defects(), None);
    }
}
