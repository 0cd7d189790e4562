//! Where each record lives in the folder, and which files are not records at all.

use crate::model::{Checklist, IdKind, Order, Procedure, Records, Training, Workspace, check_id};

/// The file every workspace has at its root.
pub const WORKSPACE_FILE: &str = "workspace.ron";

/// Suffix of the temp files a save writes before renaming them into place.
pub(crate) const TEMP_SUFFIX: &str = ".rf-tmp";

/// What a path inside the workspace is, by the layout of FORMAT.md.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// `workspace.ron`.
    Workspace,
    /// `procedures/<stem>.ron`.
    Procedure { stem: String },
    /// `checklists/<stem>.ron`.
    Checklist { stem: String },
    /// `orders/<folder>/<stem>.ron`, or right in `orders/` without `in_folder`. The
    /// folder and stem are read off the path with [`order_parts`]: a hundred thousand
    /// order files each holding copies of both took a fifth of the listing's time.
    Order { in_folder: bool },
    /// `training/<stem>.ron`.
    Training { stem: String },
    /// `archive/procedures/<stem>.ron`, the stem being `<id>@<revision>`.
    ArchivedProcedure { stem: String },
    /// `archive/checklists/<stem>.ron`.
    ArchivedChecklist { stem: String },
}

/// What a file name says about the file, before it is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    /// A record file.
    Record,
    /// A copy a sync tool made when two edits met; the file it copies.
    Conflict { original: String },
    /// A save's temp file.
    Temp,
    /// Anything else: not ours to read.
    Other,
}

/// Classifies a file name by sync-conflict patterns, our temp files and the `.ron` extension.
pub fn classify_name(name: &str) -> Name {
    if name.starts_with('.') {
        return if name.ends_with(TEMP_SUFFIX) {
            Name::Temp
        } else {
            Name::Other
        };
    }
    if let Some(original) = conflict_original(name) {
        return Name::Conflict { original };
    }
    if name.ends_with(".ron") && name.len() > 4 {
        Name::Record
    } else {
        Name::Other
    }
}

/// The name of the file a sync-conflict copy was made of, if `name` is such a copy.
fn conflict_original(name: &str) -> Option<String> {
    // Every kind below has `conflict` or `~` in its name; a plain record has neither, and
    // a hundred thousand of them are told so without four searches each.
    let bytes = name.as_bytes();
    if !bytes.contains(&b'~') && !bytes.windows(8).any(|w| w == b"conflict") {
        return None;
    }
    // Dropbox: "scoop (Anna's conflicted copy 2026-11-02).ron"; Nextcloud and OneDrive:
    // "scoop (conflicted copy 2026-11-02 101010).ron".
    if let Some(start) = name.find(" (") {
        let rest = &name[start..];
        if rest.contains("conflicted copy")
            && let Some(end) = rest.find(')')
        {
            return Some(format!("{}{}", &name[..start], &rest[end + 1..]));
        }
    }
    // Syncthing: "scoop.sync-conflict-20261102-101010-ABCDEFG.ron"
    if let Some(start) = name.find(".sync-conflict-") {
        let rest = &name[start + 1..];
        let extension = rest.find('.').map_or("", |n| &rest[n..]);
        return Some(format!("{}{extension}", &name[..start]));
    }
    // Older Nextcloud and ownCloud clients: "scoop_conflict-20261102-101010.ron"
    if let Some(start) = name.find("_conflict-") {
        let rest = &name[start..];
        let extension = rest.find('.').map_or("", |n| &rest[n..]);
        return Some(format!("{}{extension}", &name[..start]));
    }
    // Editors and other tools: "scoop.ron~", "scoop~1.ron", "scoop.ron~remote".
    if let Some(start) = name.find('~') {
        let base = &name[..start];
        let rest = &name[start..];
        let extension = if base.ends_with(".ron") {
            ""
        } else {
            rest.find('.').map_or("", |n| &rest[n..])
        };
        return Some(format!("{base}{extension}"));
    }
    None
}

/// Where a path relative to the workspace (with `/` separators) sits in the layout.
pub fn place(relative: &str) -> Option<Place> {
    let mut split = relative.split('/');
    let mut parts = [""; 3];
    let mut count = 0;
    for part in split.by_ref().take(3) {
        parts[count] = part;
        count += 1;
    }
    if split.next().is_some() {
        return None;
    }
    let stem = |name: &str| name.strip_suffix(".ron").map(str::to_owned);
    match &parts[..count] {
        [WORKSPACE_FILE] => Some(Place::Workspace),
        ["procedures", name] => Some(Place::Procedure { stem: stem(name)? }),
        ["checklists", name] => Some(Place::Checklist { stem: stem(name)? }),
        ["training", name] => Some(Place::Training { stem: stem(name)? }),
        ["orders", name] => name
            .ends_with(".ron")
            .then_some(Place::Order { in_folder: false }),
        ["orders", _, name] => name
            .ends_with(".ron")
            .then_some(Place::Order { in_folder: true }),
        ["archive", "procedures", name] => Some(Place::ArchivedProcedure { stem: stem(name)? }),
        ["archive", "checklists", name] => Some(Place::ArchivedChecklist { stem: stem(name)? }),
        _ => None,
    }
}

/// The month folder (`None` right in `orders/`) and the stem of an order file's path
/// relative to the workspace, as [`place`] placed it.
pub fn order_parts(relative: &str) -> (Option<&str>, &str) {
    let inside = relative.strip_prefix("orders/").unwrap_or(relative);
    let (folder, name) = match inside.split_once('/') {
        Some((folder, name)) => (Some(folder), name),
        None => (None, inside),
    };
    (folder, name.strip_suffix(".ron").unwrap_or(name))
}

/// A record that lives in a file of its own.
pub trait RecordFile: serde::Serialize {
    /// Its path relative to the workspace, or why its id cannot be a file name.
    fn path(&self) -> Result<String, String>;
    /// Puts it into the in-memory records, replacing the one it updates.
    fn put(self, records: &mut Records);
    /// Adds it to the in-memory records, known to be new (no search for one to replace).
    fn put_new(self, records: &mut Records)
    where
        Self: Sized,
    {
        self.put(records);
    }
    /// Takes it out of the in-memory records, once its file is deleted.
    fn forget(&self, records: &mut Records);
    /// The file the record was in before, when saving it moves it (an order whose
    /// `placed` changed month).
    fn moved_from(&self, _records: &Records) -> Option<String> {
        None
    }
}

fn checked(id: &str, kind: IdKind) -> Result<&str, String> {
    check_id(id, kind).map(|()| id)
}

impl RecordFile for Workspace {
    fn path(&self) -> Result<String, String> {
        Ok(WORKSPACE_FILE.to_owned())
    }

    fn put(self, records: &mut Records) {
        records.workspace = self;
    }

    fn forget(&self, _records: &mut Records) {
        // The workspace file is never deleted.
    }
}

impl RecordFile for Procedure {
    fn path(&self) -> Result<String, String> {
        Ok(format!(
            "procedures/{}.ron",
            checked(&self.id, IdKind::Plain)?
        ))
    }

    fn put(self, records: &mut Records) {
        replace_or_push(&mut records.procedures, self, |a, b| a.id == b.id);
    }

    fn forget(&self, records: &mut Records) {
        records.procedures.retain(|p| p.id != self.id);
    }
}

impl RecordFile for Checklist {
    fn path(&self) -> Result<String, String> {
        Ok(format!(
            "checklists/{}.ron",
            checked(&self.id, IdKind::Plain)?
        ))
    }

    fn put(self, records: &mut Records) {
        replace_or_push(&mut records.checklists, self, |a, b| a.id == b.id);
    }

    fn forget(&self, records: &mut Records) {
        records.checklists.retain(|c| c.id != self.id);
    }
}

impl RecordFile for Order {
    fn path(&self) -> Result<String, String> {
        Ok(format!(
            "orders/{}/{}.ron",
            self.placed.month_folder(),
            checked(&self.id, IdKind::Order)?
        ))
    }

    fn put(self, records: &mut Records) {
        replace_or_push(&mut records.orders, self, |a, b| a.id == b.id);
    }

    fn forget(&self, records: &mut Records) {
        records.orders.retain(|o| o.id != self.id);
    }

    fn put_new(self, records: &mut Records) {
        records.orders.push(self);
    }

    fn moved_from(&self, records: &Records) -> Option<String> {
        let old = records.orders.iter().find(|o| o.id == self.id)?;
        (old.placed.month_folder() != self.placed.month_folder())
            .then(|| old.path().ok())
            .flatten()
    }
}

impl RecordFile for Training {
    fn path(&self) -> Result<String, String> {
        Ok(format!(
            "training/{}.ron",
            checked(&self.person, IdKind::Plain)?
        ))
    }

    fn put(self, records: &mut Records) {
        replace_or_push(&mut records.training, self, |a, b| a.person == b.person);
    }

    fn forget(&self, records: &mut Records) {
        records.training.retain(|t| t.person != self.person);
    }
}

/// A superseded approved revision, kept read-only in `archive/`.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(transparent)]
pub struct Archived<T>(pub T);

impl RecordFile for Archived<Procedure> {
    fn path(&self) -> Result<String, String> {
        Ok(format!(
            "archive/procedures/{}@{}.ron",
            checked(&self.0.id, IdKind::Plain)?,
            self.0.revision
        ))
    }

    fn put(self, records: &mut Records) {
        replace_or_push(&mut records.archived_procedures, self.0, |a, b| {
            a.id == b.id && a.revision == b.revision
        });
    }

    fn forget(&self, records: &mut Records) {
        records
            .archived_procedures
            .retain(|p| !(p.id == self.0.id && p.revision == self.0.revision));
    }
}

impl RecordFile for Archived<Checklist> {
    fn path(&self) -> Result<String, String> {
        Ok(format!(
            "archive/checklists/{}@{}.ron",
            checked(&self.0.id, IdKind::Plain)?,
            self.0.revision
        ))
    }

    fn put(self, records: &mut Records) {
        replace_or_push(&mut records.archived_checklists, self.0, |a, b| {
            a.id == b.id && a.revision == b.revision
        });
    }

    fn forget(&self, records: &mut Records) {
        records
            .archived_checklists
            .retain(|c| !(c.id == self.0.id && c.revision == self.0.revision));
    }
}

fn replace_or_push<T>(list: &mut Vec<T>, record: T, same: impl Fn(&T, &T) -> bool) {
    match list.iter_mut().find(|existing| same(existing, &record)) {
        Some(existing) => *existing = record,
        None => list.push(record),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflict_copies_name_their_original() {
        let original = |name| match classify_name(name) {
            Name::Conflict { original } => original,
            other => panic!("{name}: {other:?}"),
        };
        assert_eq!(
            original("scoop (Anna's conflicted copy 2026-11-02).ron"),
            "scoop.ron"
        );
        assert_eq!(
            original("scoop.sync-conflict-20261102-101010-ABCDEFG.ron"),
            "scoop.ron"
        );
        assert_eq!(
            original("2026-12-A0031 (conflicted copy 2026-12-05 101500).ron"),
            "2026-12-A0031.ron"
        );
        assert_eq!(original("bram_conflict-20261205-101500.ron"), "bram.ron");
        assert_eq!(original("scoop.ron~"), "scoop.ron");
        assert_eq!(original("scoop~1.ron"), "scoop.ron");
        assert_eq!(classify_name("scoop.ron"), Name::Record);
        assert_eq!(classify_name(".scoop.ron.123-0.rf-tmp"), Name::Temp);
        assert_eq!(classify_name("notes.txt"), Name::Other);
    }

    #[test]
    fn places_follow_the_layout() {
        assert_eq!(
            place("orders/2026-11/A1.ron"),
            Some(Place::Order { in_folder: true })
        );
        assert_eq!(
            order_parts("orders/2026-11/A1.ron"),
            (Some("2026-11"), "A1")
        );
        assert_eq!(
            place("orders/A1.ron"),
            Some(Place::Order { in_folder: false })
        );
        assert_eq!(order_parts("orders/A1.ron"), (None, "A1"));
        assert_eq!(place("orders/2026-11/A1.txt"), None);
        assert_eq!(
            place("archive/procedures/x@2.ron"),
            Some(Place::ArchivedProcedure { stem: "x@2".into() })
        );
        assert_eq!(place("procedures/sub/x.ron"), None);
        assert_eq!(place("procedures/readme.md"), None);
    }
}
