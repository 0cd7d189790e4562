//! `rightfirst export`: the procedure manual of a workspace to a file.

use std::path::Path;
use std::process::ExitCode;

use rightfirst::store::{self, Folder};

use super::commands::plural;

/// The format an output file's extension asks for; PDF when it says nothing.
pub fn format_of(output: &Path) -> rightfirst::export::ManualFormat {
    use rightfirst::export::ManualFormat;
    let extension = output
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase());
    match extension.as_deref() {
        Some("html" | "htm") => ManualFormat::Html,
        Some("md" | "markdown") => ManualFormat::Markdown,
        _ => ManualFormat::Pdf,
    }
}

/// Whether a problem in this workspace file would show in the manual: the workspace,
/// the procedures it prints (all of them when none are named) and the checklists.
fn feeds_manual(path: &str, procedures: &[String]) -> bool {
    if path == "workspace.ron" || path.starts_with("checklists/") {
        return true;
    }
    if path.starts_with("archive/checklists/") {
        return true;
    }
    let stem = |rest: &str| {
        let name = rest.strip_suffix(".ron").unwrap_or(rest);
        name.split('@').next().unwrap_or(name).to_owned()
    };
    let procedure = (path.strip_prefix("procedures/"))
        .or_else(|| path.strip_prefix("archive/procedures/"))
        .map(stem);
    match procedure {
        Some(id) => procedures.is_empty() || procedures.contains(&id),
        None => false,
    }
}

/// Writes the manual of `dir` to `output`, in the workspace's language unless one is given.
pub fn export(
    dir: &Path,
    output: &Path,
    language: Option<rightfirst::model::Language>,
    mut options: rightfirst::export::ManualOptions,
) -> ExitCode {
    use rightfirst::export::{ExportError, manual_with_photos};
    use rightfirst::model::{Language, ProblemSeverity};
    let folder = match Folder::inspect(dir) {
        Ok(folder) => folder,
        Err(error) => {
            eprintln!("rightfirst export: {error}");
            return ExitCode::from(2);
        }
    };
    let errors: Vec<_> = (folder.findings().iter())
        .filter(|f| {
            f.severity == ProblemSeverity::Error && feeds_manual(&f.path, &options.procedures)
        })
        .collect();
    if !errors.is_empty() {
        for finding in &errors {
            eprintln!("{finding}");
        }
        eprintln!(
            "rightfirst export: {} has {} in what the manual prints; a manual must say what the files say, so there is none until they are fixed",
            dir.display(),
            plural(errors.len(), "error")
        );
        return ExitCode::from(1);
    }
    let records = folder.records();
    options.language = language
        .or_else(|| Language::from_code(&records.workspace.language))
        .unwrap_or_default();
    // Drafts print from procedures/, approved revisions under a draft from the archive.
    let photos = folder.step_photos(
        records
            .procedures
            .iter()
            .chain(&records.archived_procedures),
    );
    let bytes = match manual_with_photos(records, &options, &photos, &|_, _| {}) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("rightfirst export: {error}");
            return match error {
                ExportError::UnknownProcedure(_)
                | ExportError::NotApproved(_)
                | ExportError::Retired(_) => ExitCode::from(2),
                _ => ExitCode::from(1),
            };
        }
    };
    match store::document::write_document(output, &bytes) {
        Ok(()) => {
            println!("wrote {}", output.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("rightfirst export: {error}");
            ExitCode::from(1)
        }
    }
}
