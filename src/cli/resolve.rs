//! `rightfirst resolve DIR [--dry-run]`: sync-conflict copies merged where that is safe,
//! one line per copy.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use rightfirst::model::Workspace;
use rightfirst::model::merge::{Item, Taken};
use rightfirst::store::Folder;
use rightfirst::store::resolve::{Left, Outcome, Took};

pub fn resolve(dir: &Path, dry_run: bool) -> ExitCode {
    let opened = if dry_run {
        Folder::inspect(dir)
    } else {
        Folder::open(dir)
    };
    let mut folder = match opened {
        Ok(folder) => folder,
        Err(error) => {
            eprintln!("rightfirst resolve: {error}");
            return ExitCode::from(2);
        }
    };
    let resolutions = folder.resolve(dry_run);
    let workspace = &folder.records().workspace;
    let mut out = std::io::stdout().lock();
    let mut left = 0;
    for resolution in &resolutions {
        left += usize::from(resolution.outcome.is_left());
        let words = describe(
            &resolution.outcome,
            &resolution.original,
            workspace,
            dry_run,
        );
        let _ = writeln!(out, "{}: {words}", resolution.copy);
    }
    let merged = resolutions.len() - left;
    let done = if dry_run {
        "would be settled"
    } else {
        "settled"
    };
    let _ = writeln!(
        out,
        "{}: {} {done}, {} left for a person",
        dir.display(),
        counted(merged, "copy", "copies"),
        left
    );
    if left == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One line's words for what became of a copy.
fn describe(outcome: &Outcome, original: &str, workspace: &Workspace, dry_run: bool) -> String {
    let (merged, removed) = if dry_run {
        ("would merge", "would be removed")
    } else {
        ("merged", "removed")
    };
    match outcome {
        Outcome::Merged { took, .. } if took.is_empty() => {
            format!("holds nothing {original} lacks; {removed}")
        }
        Outcome::Merged { took, .. } => {
            let things: Vec<String> = took.iter().map(|t| thing(t, workspace)).collect();
            format!(
                "{merged} {} into {original}; the copy {removed}",
                things.join(", ")
            )
        }
        Outcome::Split { id, new_id } => format!(
            "another order under the id {id}: never joined; the second {} as {new_id}, the copy {removed}",
            if dry_run { "would be saved" } else { "saved" }
        ),
        Outcome::Restored { .. } => format!(
            "{original} was missing: the copy {} its place",
            if dry_run { "would take" } else { "took" }
        ),
        Outcome::Left(why) => format!("left for a person: {}", reason(why, original)),
    }
}

fn reason(why: &Left, original: &str) -> String {
    match why {
        Left::NotMergeable => format!(
            "a copy of {original} is never merged; compare the two in the window's Problems, keep one and delete the other"
        ),
        Left::Clashes(clashes) => {
            let items: Vec<String> = clashes.iter().map(|c| item(&c.item)).collect();
            format!(
                "both versions changed {} differently; choose in the window which to keep",
                items.join(", ")
            )
        }
        Left::Unreadable(why) => format!("the copy does not read ({why})"),
        Left::OriginalBroken => format!("{original} does not read; fix it first"),
        Left::OtherRecord(path) => format!("the copy holds {path}, not {original}"),
        Left::Refused(error) => format!("{error}"),
    }
}

fn name(who: Option<&str>, workspace: &Workspace) -> Option<String> {
    let who = who?;
    Some(
        workspace
            .person(who)
            .map_or_else(|| who.to_owned(), |p| p.name.clone()),
    )
}

/// "Tom de Wit's contact", "defect d2 (now d3)".
fn thing(took: &Took, workspace: &Workspace) -> String {
    let whose = name(took.who.as_deref(), workspace).map(|n| format!("{n}'s "));
    match &took.taken {
        Taken::Added(item) => format!("{}{}", whose.unwrap_or_default(), self::item(item)),
        Taken::Changed(item) => format!(
            "{}changes to {}",
            whose.unwrap_or_default(),
            self::item(item)
        ),
        Taken::Renumbered { from, to } => format!("another defect {from} (now {to})"),
    }
}

fn item(item: &Item) -> String {
    match item {
        Item::Check { checklist, at, .. } => format!("check {checklist} of {at}"),
        Item::Defect { id } => format!("defect {id}"),
        Item::Contact { at, .. } => format!("contact of {at}"),
        Item::Signed {
            procedure,
            revision,
        } => format!("signature under {procedure} revision {revision}"),
    }
}
