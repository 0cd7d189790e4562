//! Where a defect points: the procedure in force and its step, as the form and the log
//! name them.

use std::collections::HashMap;

use crate::model::{Procedure, Records, Status};

/// A pick list shows one line: longer titles and step texts are cut to about this many
/// characters.
pub const LABEL_CHARS: usize = 44;

/// The revision of every procedure that is in force, by id: the approved current file,
/// or, while a draft of the next revision is being written, the newest archived one.
/// First drafts and retired procedures are not in force.
pub fn in_force(records: &Records) -> Vec<&Procedure> {
    let mut archived: HashMap<&str, &Procedure> = HashMap::new();
    for procedure in &records.archived_procedures {
        let newer = archived
            .get(procedure.id.as_str())
            .is_none_or(|seen| seen.revision < procedure.revision);
        if newer && matches!(procedure.status, Status::Approved { .. }) {
            archived.insert(&procedure.id, procedure);
        }
    }
    records
        .procedures
        .iter()
        .filter_map(|procedure| match procedure.status {
            Status::Approved { .. } => Some(procedure),
            Status::Draft => archived.get(procedure.id.as_str()).copied(),
            Status::Retired { .. } => None,
        })
        .collect()
}

/// The procedure a defect names, for its title and steps: the revision in force if there
/// is one, else whatever the workspace holds under that id.
pub fn procedure<'a>(records: &'a Records, id: &str) -> Option<&'a Procedure> {
    let current = records.procedure(id)?;
    if matches!(current.status, Status::Draft) {
        let archived = records
            .archived_procedures
            .iter()
            .filter(|p| p.id == id && matches!(p.status, Status::Approved { .. }))
            .max_by_key(|p| p.revision);
        if let Some(archived) = archived {
            return Some(archived);
        }
    }
    Some(current)
}

/// "3. Blend for 40 seconds…": a step as the procedure numbers it, or its bare id.
pub fn step_label(procedure: Option<&Procedure>, step: &str) -> String {
    procedure
        .and_then(|p| {
            p.steps
                .iter()
                .position(|s| s.id == step)
                .map(|n| format!("{}. {}", n + 1, cut(&p.steps[n].text, LABEL_CHARS)))
        })
        .unwrap_or_else(|| step.to_owned())
}

/// "Making a milkshake / 3. Blend…", or "" for a defect that names no procedure.
pub fn place(records: &Records, procedure: Option<&str>, step: Option<&str>) -> String {
    let Some(id) = procedure else {
        return String::new();
    };
    let found = self::procedure(records, id);
    let title = found.map_or(id, |p| p.title.as_str());
    match step {
        Some(step) => format!("{} / {}", cut(title, LABEL_CHARS), step_label(found, step)),
        None => cut(title, LABEL_CHARS),
    }
}

/// `text` cut at a word to about `chars` characters, with an ellipsis if anything was cut.
pub fn cut(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let end = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    let head = head.rsplit_once(' ').map_or(head, |(words, _)| words);
    format!(
        "{}\u{2026}",
        head.trim_end_matches([',', '.', ':', ';', ' '])
    )
}
