//! The commands that read or write a workspace and print what they did: check, report,
//! new, import and generate.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use rightfirst::model::{Date, Language};
use rightfirst::store::{self, Folder};

use super::{Cli, LanguageArg};

pub fn check(dir: &Path, index: &store::IndexUse) -> ExitCode {
    let folder = match Folder::check_with(dir, index) {
        Ok(folder) => folder,
        Err(error) => {
            eprintln!("rightfirst check: {error}");
            return ExitCode::from(2);
        }
    };
    if let Some(warning) = folder.index_warning() {
        eprintln!("rightfirst check: {warning}");
    }
    let mut out = std::io::stdout().lock();
    for finding in folder.findings() {
        let _ = writeln!(out, "{finding}");
    }
    let errors = folder.error_count();
    let warnings = folder.findings().len() - errors;
    let files = folder.record_count();
    let _ = writeln!(
        out,
        "{}: {} read, {}, {}",
        dir.display(),
        plural(files, "record"),
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

pub fn report(
    dir: &Path,
    (from, to): (Option<Date>, Option<Date>),
    json: bool,
    language: Option<LanguageArg>,
    today: Option<Date>,
    index: &store::IndexUse,
) -> ExitCode {
    use rightfirst::analysis::{self, Period};
    let today = today.unwrap_or_else(|| Date::from(jiff::ZonedDateTime::now().date()));
    let to = to.unwrap_or(today);
    let period = match from {
        Some(from) => Period { from, to },
        None => Period::last_days(to, Period::DEFAULT_DAYS),
    };
    if period.from > period.to {
        use clap::CommandFactory;
        Cli::command()
            .error(
                clap::error::ErrorKind::ValueValidation,
                format!(
                    "the period is empty: --from {} is after --to {}",
                    period.from, period.to
                ),
            )
            .exit();
    }
    // Each order is added into the figures as it is read, then dropped.
    let (folder, figures) = match analysis::read_with(dir, period, today, index) {
        Ok(read) => read,
        Err(error) => {
            eprintln!("rightfirst report: {error}");
            return ExitCode::from(2);
        }
    };
    if let Some(warning) = folder.index_warning() {
        eprintln!("rightfirst report: {warning}");
    }
    if let Some(refused) = refuse_errors(
        "report",
        dir,
        &folder,
        "figures on a workspace that does not read would mislead, so there is no report until they are fixed",
    ) {
        return refused;
    }
    let text = if json {
        match serde_json::to_string_pretty(&figures) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("rightfirst report: the figures could not be written as JSON: {error}");
                return ExitCode::from(1);
            }
        }
    } else {
        let records = folder.records();
        let language = language
            .map(LanguageArg::language)
            .or_else(|| rightfirst::model::Language::from_code(&records.workspace.language))
            .unwrap_or_default();
        analysis::text(&figures, records, language)
    };
    let _ = writeln!(std::io::stdout().lock(), "{}", text.trim_end());
    ExitCode::SUCCESS
}

/// Lists the folder's problems on stderr as `check` words them, so stdout stays clean;
/// when some are errors, says so with `why` there is no output and gives exit code 1.
pub fn refuse_errors(command: &str, dir: &Path, folder: &Folder, why: &str) -> Option<ExitCode> {
    for finding in folder.findings() {
        eprintln!("{finding}");
    }
    let errors = folder.error_count();
    (errors > 0).then(|| {
        eprintln!(
            "rightfirst {command}: {} has {}; {why}",
            dir.display(),
            plural(errors, "error")
        );
        ExitCode::from(1)
    })
}

pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

pub fn new(dir: &Path) -> ExitCode {
    match store::create(dir, rightfirst::sample::FILES) {
        Ok(()) => {
            println!(
                "Created a workspace in {} from the sample business. Open it with: rightfirst open {}",
                dir.display(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => refused(&error),
    }
}

pub fn new_business(dir: &Path, name: &str, owner: &str, language: Language) -> ExitCode {
    match store::create_business(dir, name, owner, language) {
        Ok(()) => {
            println!(
                "Created \"{}\" in {}, with {} as its owner. Open it with: rightfirst open {}",
                name.trim(),
                dir.display(),
                owner.trim(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => refused(&error),
    }
}

/// A folder in use or a missing name is the caller's to fix (2); a disk that refused, 1.
fn refused(error: &store::CreateError) -> ExitCode {
    eprintln!("rightfirst new: {error}");
    match error {
        store::CreateError::NotEmpty(_) | store::CreateError::Refused(_) => ExitCode::from(2),
        store::CreateError::Save(_) => ExitCode::from(1),
    }
}

pub fn generate(dir: &Path, orders: usize) -> ExitCode {
    if !dir.exists()
        && let Err(error) = store::create(dir, rightfirst::sample::FILES)
    {
        eprintln!("rightfirst generate: {error}");
        return ExitCode::from(1);
    }
    match rightfirst::generate::grow(dir, orders) {
        Ok(written) => {
            println!("{}: wrote {written} orders", dir.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("rightfirst generate: {error}");
            ExitCode::from(1)
        }
    }
}

pub fn import(
    dir: &Path,
    file: &Path,
    columns: Option<&str>,
    made_by: Option<String>,
    (day_first, month_first): (bool, bool),
) -> ExitCode {
    use rightfirst::import::{Choices, ImportError, import_file, parse_columns};
    use rightfirst::model::DateOrder;
    let columns = match columns.map(parse_columns).transpose() {
        Ok(columns) => columns,
        Err(reason) => {
            eprintln!("rightfirst import: {reason}");
            return ExitCode::from(2);
        }
    };
    let dates = match (day_first, month_first) {
        (true, _) => Some(DateOrder::DayFirst),
        (_, true) => Some(DateOrder::MonthFirst),
        _ => None,
    };
    let choices = Choices {
        columns,
        made_by,
        dates,
        remember: true,
    };
    match import_file(dir, file, &choices, &|_, _| {}) {
        Ok(summary) => {
            let mut line = format!("imported {}", plural(summary.imported, "order"));
            match summary.skipped {
                0 => {}
                1 => line.push_str(", skipped 1 that was already there"),
                n => line.push_str(&format!(", skipped {n} that were already there")),
            }
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            // Rows and files are listed as FILE:LINE: reason, which editors and terminals follow.
            if matches!(
                error,
                ImportError::Rows(_) | ImportError::Broken(_) | ImportError::Mapping { .. }
            ) {
                eprintln!("{error}");
            } else {
                eprintln!("rightfirst import: {error}");
            }
            match error {
                ImportError::Rows(_)
                | ImportError::Broken(_)
                | ImportError::Twice(_)
                | ImportError::CaseTwin { .. }
                | ImportError::Save { .. } => ExitCode::from(1),
                ImportError::Open(_)
                | ImportError::Workspace(_)
                | ImportError::ReadOnly(_)
                | ImportError::Read { .. }
                | ImportError::Mapping { .. }
                | ImportError::TooLarge { .. } => ExitCode::from(2),
            }
        }
    }
}

/// `import DIR FILE` with a .docx, .md or .txt: procedures in as drafts, one line each.
pub fn import_procedures(
    dir: &Path,
    file: &Path,
    owner: Option<&str>,
    today: Option<Date>,
) -> ExitCode {
    use rightfirst::import::document::{DocumentError, ProcedureImportError, import_file};
    let today = today.unwrap_or_else(|| Date::from(jiff::ZonedDateTime::now().date()));
    match import_file(dir, file, owner, today) {
        Ok((procedures, left_out)) => {
            let mut out = std::io::stdout().lock();
            for procedure in &procedures {
                let steps = &procedure.steps;
                let specs = steps.iter().filter(|s| s.spec.is_some()).count();
                let warnings = steps.iter().filter(|s| s.warning.is_some()).count();
                let _ = writeln!(
                    out,
                    "procedures/{}.ron: \"{}\", {}, {}, {}",
                    procedure.id,
                    procedure.title,
                    plural(steps.len(), "step"),
                    plural(specs, "spec"),
                    plural(warnings, "warning")
                );
            }
            let _ = writeln!(
                out,
                "imported {} as drafts",
                plural(procedures.len(), "procedure")
            );
            // What no procedure took, as FILE:LINE: so editors and terminals follow it.
            for left in left_out {
                let at = left.line.map_or(String::new(), |line| format!(":{line}"));
                let why = match left.why {
                    rightfirst::import::document::LeftOutWhy::NoSteps => {
                        "left out, no numbered steps under this heading"
                    }
                    rightfirst::import::document::LeftOutWhy::WarningBeforeSteps => {
                        "left out, a warning before any step"
                    }
                };
                eprintln!("{}{at}: {why}: {}", file.display(), left.text);
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("rightfirst import: {error}");
            match error {
                ProcedureImportError::Document(
                    DocumentError::Empty { .. }
                    | DocumentError::NoSteps { .. }
                    | DocumentError::NotUtf8 { .. },
                )
                | ProcedureImportError::Save(_) => ExitCode::from(1),
                ProcedureImportError::Document(_)
                | ProcedureImportError::Workspace(_)
                | ProcedureImportError::Importer(_) => ExitCode::from(2),
            }
        }
    }
}
