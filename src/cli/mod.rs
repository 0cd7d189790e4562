//! The `rightfirst` command line. With no subcommand it opens the window on the last
//! workspace; `check`, `new` and `open` work on a folder.

mod commands;
mod export;
mod resolve;
mod training;
mod window;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use rightfirst::model::{Date, FORMAT_VERSION};
use rightfirst::store;

/// Right First: procedures, second-person QC checks and a defect log that finds root causes.
#[derive(Parser)]
#[command(name = "rightfirst", about, disable_help_subcommand = true)]
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
        /// Read every file, neither using nor updating the index in the cache folder.
        #[arg(long, hide = true)]
        no_index: bool,
    },
    /// Merges the sync-conflict copies of orders and training records in DIR into the real
    /// files, and removes each copy once the merged file is saved; lists the copies a person
    /// must look at (procedures, checklists, workspace.ron, and items both desks changed).
    ///
    /// One line per copy. Exits 0 when no copy is left, 1 when one waits for a person, 2
    /// when DIR is not a workspace.
    Resolve {
        /// The workspace folder.
        dir: PathBuf,
        /// Say what would be done, and write nothing.
        #[arg(long)]
        dry_run: bool,
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
        /// Read every file, neither using nor updating the index in the cache folder.
        #[arg(long, hide = true)]
        no_index: bool,
    },
    /// Prints who knows which procedure in force: a block per person who has not left, a
    /// line per approved procedure, Current, Out of date or Never; or --json; or the
    /// printed matrix with a training record per person to --pdf / --html OUT.
    ///
    /// Exits 0 with the matrix; 1 when the workspace has errors (listed as `check` lists
    /// them, on stderr) or OUT cannot be written; 2 when DIR is not a workspace or --person
    /// names nobody in the matrix. Never writes to the workspace.
    Training {
        /// The workspace folder.
        dir: PathBuf,
        /// Only this person (their id).
        #[arg(long, value_name = "ID")]
        person: Option<String>,
        /// JSON instead of text: {"people": [{"person", "name", "procedures": [...]}]}.
        #[arg(long, conflicts_with_all = ["pdf", "html"])]
        json: bool,
        /// Print the matrix and the records to this PDF (replaced whole or not at all).
        #[arg(long, value_name = "OUT")]
        pdf: Option<PathBuf>,
        /// Print the matrix and the records to this HTML file.
        #[arg(long, value_name = "OUT")]
        html: Option<PathBuf>,
        /// The language of the text and the printout (default: the workspace's).
        #[arg(long, value_enum)]
        language: Option<LanguageArg>,
        /// Judge on this day instead of the system clock's, so tests get the same matrix.
        #[arg(long, value_name = "YYYY-MM-DD", hide = true)]
        today: Option<Date>,
    },
    /// Opens the window on the workspace in PATH (without PATH, on the last one, as the
    /// menu entry does).
    Open {
        /// The workspace folder, or its workspace.ron (as a file manager passes it).
        path: Option<PathBuf>,
    },
    /// Creates a new workspace in DIR: your own empty business with --name and --owner, or
    /// a copy of the bundled sample business with --sample (what `new DIR` alone does).
    ///
    /// The business has you as its first Owner (your id made from your name, as
    /// `piet-jansen`), the six default defect categories, the default settings and no
    /// procedures, checklists or orders. DIR is made whole or not at all: the files are
    /// written in a hidden folder beside it, then renamed into place. Exits 0 when made;
    /// 2 when DIR exists and is not empty or a name is empty (DIR is left untouched); 1
    /// when the disk refuses (no permission, disk full).
    New {
        /// An empty or missing folder.
        dir: PathBuf,
        /// The business's name, as on the manual's cover.
        #[arg(
            long,
            value_name = "NAME",
            requires = "owner",
            conflicts_with = "sample"
        )]
        name: Option<String>,
        /// Your full name: you become the business's first Owner.
        #[arg(long, value_name = "FULL NAME", requires = "name")]
        owner: Option<String>,
        /// The language of the window and the manual (default: en).
        #[arg(long, value_enum, requires = "name")]
        language: Option<LanguageArg>,
        /// Copy the sample business instead (the default without --name).
        #[arg(long)]
        sample: bool,
    },
    /// Adds orders from a till's or webshop's CSV export, or procedures from a Word,
    /// Markdown or text file, to the workspace in DIR.
    ///
    /// Right First's own header (`id,placed,customer,product,made_by`), Shopify's orders
    /// export and WooCommerce's order export are read as they are; any other CSV needs
    /// --columns once, and the workspace remembers them for files with the same header.
    /// Separators `,` `;` and tab, UTF-8 or Windows-1252. Orders the workspace already has
    /// are skipped, so running it again is safe. Exits 0 when done; 1 when rows are wrong
    /// (each listed as FILE:LINE: reason, and nothing is written) or an order file in the
    /// way does not read; 2 when DIR is not a workspace, its workspace.ron does not read,
    /// FILE cannot be read, or its columns or maker are not known.
    ///
    /// A .docx, .md/.markdown or .txt FILE brings procedures: each top-level heading starts
    /// one, numbered items are its steps, `Warning:`/`Let op:` paragraphs the warning of the
    /// step before, `Purpose:`/`Doel:` and `Scope:`/`Toepassing:` those fields, and a standard
    /// such as `60-70 g` or `max 4 °C` a step's spec. They are written as drafts by --as (else
    /// the first Owner), all or none, with new ids. Exits 0 when written; 1 when the document
    /// has no steps or is empty, or writing fails; 2 when DIR is not a workspace, FILE cannot
    /// be read as a document (not Word, damaged, password-protected, over 50 MiB) or --as is
    /// not an Owner.
    Import {
        /// The workspace folder.
        dir: PathBuf,
        /// The CSV file, or the .docx, .md or .txt file of procedures.
        file: PathBuf,
        /// Which column holds what, by header name:
        /// id=COL,placed=COL,customer=COL,product=COL[+COL],quantity=COL,made_by=COL.
        #[arg(long, value_name = "FIELD=COLUMN,...")]
        columns: Option<String>,
        /// The person (name or id) who made every order of the file; needed when the file
        /// names no maker and the staff are more than one.
        #[arg(long, value_name = "PERSON")]
        made_by: Option<String>,
        /// Read 05-11-2026 as 5 November (the default in a Dutch workspace).
        #[arg(long, conflicts_with = "month_first")]
        day_first: bool,
        /// Read 05-11-2026 as 11 May (the default in an English workspace).
        #[arg(long)]
        month_first: bool,
        /// Procedures only: the Owner (id or name) the drafts are written by.
        #[arg(long = "as", value_name = "PERSON")]
        owner: Option<String>,
        /// Date the drafts' change on this day instead of the system clock's, so tests get the same bytes.
        #[arg(long, value_name = "YYYY-MM-DD", hide = true)]
        today: Option<Date>,
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

/// What `--version` says: the version, and the workspace format read and written.
pub fn version() -> String {
    format!(
        "{} (reads and writes workspace format {FORMAT_VERSION})",
        env!("CARGO_PKG_VERSION")
    )
}

/// The parsed command line; `--version` and `--help` print and exit here.
fn parse() -> Cli {
    // Leaked once: clap wants a `&'static str` for a version made at run time.
    let matches = (Cli::command().version(&*version().leak())).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit())
}

/// `help format` prints the reference kept in `assets/docs/FORMAT.md`; `help CMD`, that
/// command's help, as clap's own `help` subcommand would.
fn help(topic: Option<&str>) -> ExitCode {
    let mut cli = Cli::command();
    let printed = match topic {
        Some("format") => {
            print!("{}", include_str!("../../assets/docs/FORMAT.md"));
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

/// The index `check` and `report` keep in the user's cache folder, unless told not to.
fn index_use(no_index: bool) -> store::IndexUse {
    if no_index {
        store::IndexUse::Off
    } else {
        store::IndexUse::user()
    }
}

/// Runs the command line.
pub fn run() -> ExitCode {
    let cli = parse();
    match cli.command {
        None => window::window(None),
        Some(Command::Open { path }) => window::window(path.as_deref().map(window::folder_of)),
        Some(Command::Check { dir, no_index }) => commands::check(&dir, &index_use(no_index)),
        Some(Command::Resolve { dir, dry_run }) => resolve::resolve(&dir, dry_run),
        Some(Command::Report {
            dir,
            from,
            to,
            json,
            language,
            today,
            no_index,
        }) => commands::report(
            &dir,
            (from, to),
            json,
            language,
            today,
            &index_use(no_index),
        ),
        Some(Command::Training {
            dir,
            person,
            json,
            pdf,
            html,
            language,
            today,
        }) => training::training(
            &dir,
            &training::Request {
                person,
                json,
                pdf,
                html,
                language: language.map(LanguageArg::language),
                today: today.unwrap_or_else(|| Date::from(jiff::ZonedDateTime::now().date())),
            },
        ),
        Some(Command::New {
            dir,
            name,
            owner,
            language,
            sample: _,
        }) => match (name, owner) {
            (Some(name), Some(owner)) => commands::new_business(
                &dir,
                &name,
                &owner,
                language.map_or(rightfirst::model::Language::En, LanguageArg::language),
            ),
            // clap requires both or neither; anything else is the sample.
            _ => commands::new(&dir),
        },
        Some(Command::Generate { dir, orders }) => commands::generate(&dir, orders),
        Some(Command::Help { topic }) => help(topic.as_deref()),
        Some(Command::Import {
            dir,
            file,
            columns,
            made_by,
            day_first,
            month_first,
            owner,
            today,
        }) => match rightfirst::import::document::Kind::of(&file) {
            // An option of the other kind of import is a mistake, not something to ignore.
            Some(_) if columns.is_some() || made_by.is_some() || day_first || month_first => {
                eprintln!(
                    "{}: --columns, --made-by, --day-first and --month-first are for a CSV of orders; a document brings procedures",
                    file.display()
                );
                ExitCode::from(2)
            }
            None if owner.is_some() => {
                eprintln!(
                    "{}: --as names who writes imported procedures; a CSV brings orders, whose makers come from the file or --made-by",
                    file.display()
                );
                ExitCode::from(2)
            }
            Some(_) => commands::import_procedures(&dir, &file, owner.as_deref(), today),
            None => commands::import(
                &dir,
                &file,
                columns.as_deref(),
                made_by,
                (day_first, month_first),
            ),
        },
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
                None => export::format_of(&output),
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
            export::export(&dir, &output, language, options)
        }
    }
}
