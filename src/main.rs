//! The `rightfirst` command line. With no subcommand it opens the window on the last
//! workspace; `check`, `new` and `open` work on a folder.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use rightfirst::model::Date;
use rightfirst::store::{self, Folder};

/// Right First: procedures, second-person QC checks and a defect log that finds root causes.
#[derive(Parser)]
#[command(name = "rightfirst", version, about, disable_help_subcommand = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Checks every file of a workspace and lists each problem as path:line:col: message.
    ///
    /// Exits 0 when there are no errors (warnings allowed), 1 when there are,
    /// and 2 when DIR is not a workspace. Never writes to the workspace.
    Check {
        /// The workspace folder.
        dir: PathBuf,
    },
    /// Prints a workspace's figures for a period: orders right first time, contacts, the
    /// Pareto of defects, recurring causes, escapes, cost, fixes, training and reviews.
    ///
    /// The period is the 90 days up to --to (default: today) unless --from is given.
    /// Exits 0 with the report; 1 when the workspace has errors (listed as `check` lists
    /// them, on stderr); 2 when DIR is not a workspace. Never writes to the workspace.
    Report {
        /// The workspace folder.
        dir: PathBuf,
        /// The first day of the period (default: 89 days before --to).
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<Date>,
        /// The last day of the period (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<Date>,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// The language of the text (default: the workspace's).
        #[arg(long, value_enum)]
        language: Option<LanguageArg>,
        /// Judge on this day instead of the system clock's, so tests get the same figures.
        #[arg(long, value_name = "YYYY-MM-DD", hide = true)]
        today: Option<Date>,
    },
    /// Opens the window on the workspace in DIR.
    Open {
        /// The workspace folder.
        dir: PathBuf,
    },
    /// Creates a new workspace in DIR from the bundled sample business.
    New {
        /// An empty or missing folder.
        dir: PathBuf,
    },
    /// Adds orders from a till's or webshop's CSV export to the workspace in DIR.
    ///
    /// FILE starts with the header `id,placed,customer,product,made_by` (UTF-8, commas,
    /// quotes as spreadsheets write them). Orders the workspace already has are skipped, so
    /// running it again is safe. Exits 0 when done; 1 when rows are wrong (each listed as
    /// FILE:LINE: reason, and nothing is written) or an order file in the way does not read;
    /// 2 when DIR is not a workspace, its workspace.ron does not read, or FILE cannot be read.
    Import {
        /// The workspace folder.
        dir: PathBuf,
        /// The CSV file.
        file: PathBuf,
    },
    /// Prints the procedure manual of the workspace in DIR: a cover, the contents, every
    /// approved procedure with its steps, specs, warnings and history, and a form to fill in
    /// with a pen for each checklist.
    ///
    /// Drafts are left out unless --drafts is given; then their pages say DRAFT. Exits 0
    /// when OUT is written; 1 when the files the manual is made of have errors (listed as
    /// `check` lists them, on stderr) or OUT cannot be written; 2 when DIR is not a
    /// workspace or a --procedure cannot be printed. Never writes to the workspace.
    Export {
        /// The workspace folder.
        dir: PathBuf,
        /// pdf, html or md (default: from OUT's extension, else pdf).
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// The file to write; it is replaced whole or not at all.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Print only this procedure and its checklists; repeat for more, in this order.
        #[arg(long = "procedure", value_name = "ID")]
        procedures: Vec<String>,
        /// The language of the manual's own words (default: the workspace's).
        #[arg(long, value_enum)]
        language: Option<LanguageArg>,
        /// The paper the PDF and the printed HTML are laid out for.
        #[arg(long, value_enum, default_value = "a4")]
        paper: ExportPaper,
        /// Print drafts instead of the approved revisions they will replace.
        #[arg(long)]
        drafts: bool,
        /// Print this day on the cover instead of the system clock's, so tests get the same bytes.
        #[arg(long, value_name = "YYYY-MM-DD", hide = true)]
        today: Option<Date>,
    },
    /// Prints the help of a command, or with `format` the workspace format reference:
    /// every file and field, the rules `check` applies and how the figures are computed.
    Help {
        /// `format`, or a command's name.
        topic: Option<String>,
    },
    /// Grows a workspace to N orders of made-up but valid data, for measuring speed.
    #[command(hide = true)]
    Generate {
        /// The workspace folder; made from the sample when it does not exist.
        dir: PathBuf,
        /// How many orders the workspace should hold.
        #[arg(long)]
        orders: usize,
    },
}

/// `--format` of `export`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportFormat {
    Pdf,
    Html,
    #[value(name = "md", alias = "markdown")]
    Markdown,
}

/// `--language` of `export` and `report`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum LanguageArg {
    En,
    Nl,
}

impl LanguageArg {
    fn language(self) -> rightfirst::model::Language {
        match self {
            LanguageArg::En => rightfirst::model::Language::En,
            LanguageArg::Nl => rightfirst::model::Language::Nl,
        }
    }
}

/// `--paper` of `export`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportPaper {
    A4,
    Letter,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => window(None),
        Some(Command::Open { dir }) => window(Some(dir)),
        Some(Command::Check { dir }) => check(&dir),
        Some(Command::Report {
            dir,
            from,
            to,
            json,
            language,
            today,
        }) => report(&dir, from, to, json, language, today),
        Some(Command::New { dir }) => new(&dir),
        Some(Command::Generate { dir, orders }) => generate(&dir, orders),
        Some(Command::Help { topic }) => help(topic.as_deref()),
        Some(Command::Import { dir, file }) => import(&dir, &file),
        Some(Command::Export {
            dir,
            format,
            output,
            procedures,
            language,
            paper,
            drafts,
            today,
        }) => {
            use rightfirst::export::{ManualFormat, Paper};
            let format = match format {
                Some(ExportFormat::Pdf) => ManualFormat::Pdf,
                Some(ExportFormat::Html) => ManualFormat::Html,
                Some(ExportFormat::Markdown) => ManualFormat::Markdown,
                None => format_of(&output),
            };
            let language = language.map(LanguageArg::language);
            let paper = match paper {
                ExportPaper::A4 => Paper::A4,
                ExportPaper::Letter => Paper::Letter,
            };
            let today = today.unwrap_or_else(|| Date::from(jiff::ZonedDateTime::now().date()));
            let options = rightfirst::export::ManualOptions {
                format,
                language: language.unwrap_or_default(),
                paper,
                procedures,
                drafts,
                today,
            };
            export(&dir, &output, language, options)
        }
    }
}

/// The window on `dir`, or on the last workspace; without the `gui` feature, the help.
#[cfg(feature = "gui")]
fn window(dir: Option<PathBuf>) -> ExitCode {
    let start = match dir {
        Some(dir) => rightfirst::ui::Start::Folder(dir),
        None => rightfirst::ui::Start::Last,
    };
    match rightfirst::ui::run(start) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("rightfirst: the window could not open: {error}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn window(_dir: Option<PathBuf>) -> ExitCode {
    use clap::CommandFactory;
    eprintln!("rightfirst: this build has no window (built without the `gui` feature)");
    let _ = Cli::command().print_help();
    ExitCode::from(2)
}

/// `help format` prints the reference kept in `assets/docs/FORMAT.md`; `help CMD`, that
/// command's help, as clap's own `help` subcommand would.
fn help(topic: Option<&str>) -> ExitCode {
    use clap::CommandFactory;
    let mut cli = Cli::command();
    let printed = match topic {
        Some("format") => {
            print!("{}", include_str!("../assets/docs/FORMAT.md"));
            Ok(())
        }
        None => cli.print_long_help(),
        Some(name) => match cli.find_subcommand_mut(name) {
            Some(command) => command.print_long_help(),
            None => {
                eprintln!("rightfirst help: no command or topic \"{name}\"; try `format`");
                return ExitCode::from(2);
            }
        },
    };
    if printed.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn check(dir: &Path) -> ExitCode {
    let folder = match Folder::check(dir) {
        Ok(folder) => folder,
        Err(error) => {
            eprintln!("rightfirst check: {error}");
            return ExitCode::from(2);
        }
    };
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

fn report(
    dir: &Path,
    from: Option<Date>,
    to: Option<Date>,
    json: bool,
    language: Option<LanguageArg>,
    today: Option<Date>,
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
    let (folder, figures) = match analysis::read(dir, period, today) {
        Ok(read) => read,
        Err(error) => {
            eprintln!("rightfirst report: {error}");
            return ExitCode::from(2);
        }
    };
    // Problems go to stderr as `check` words them, so stdout stays one clean report.
    for finding in folder.findings() {
        eprintln!("{finding}");
    }
    let errors = folder.error_count();
    if errors > 0 {
        eprintln!(
            "rightfirst report: {} has {}; figures on a workspace that does not read would mislead, so there is no report until they are fixed",
            dir.display(),
            plural(errors, "error")
        );
        return ExitCode::from(1);
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

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

fn new(dir: &Path) -> ExitCode {
    match store::create(dir, rightfirst::sample::FILES) {
        Ok(()) => {
            println!(
                "Created a workspace in {} from the sample business. Open it with: rightfirst open {}",
                dir.display(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("rightfirst new: {error}");
            ExitCode::from(1)
        }
    }
}

fn generate(dir: &Path, orders: usize) -> ExitCode {
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

fn import(dir: &Path, file: &Path) -> ExitCode {
    use rightfirst::import::{ImportError, import_file};
    match import_file(dir, file, &|_, _| {}) {
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
            if matches!(error, ImportError::Rows(_) | ImportError::Broken(_)) {
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
                | ImportError::TooLarge { .. } => ExitCode::from(2),
            }
        }
    }
}

/// The format an output file's extension asks for; PDF when it says nothing.
fn format_of(output: &Path) -> rightfirst::export::ManualFormat {
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
fn export(
    dir: &Path,
    output: &Path,
    language: Option<rightfirst::model::Language>,
    mut options: rightfirst::export::ManualOptions,
) -> ExitCode {
    use rightfirst::export::{ExportError, manual};
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
    let bytes = match manual(records, &options, &|_, _| {}) {
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
