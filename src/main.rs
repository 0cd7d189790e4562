//! The `rightfirst` command line. With no subcommand it opens the window on the last
//! workspace; `check`, `new` and `open` work on a folder.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use rightfirst::store::{self, Folder};

/// Right First: procedures, second-person QC checks and a defect log that finds root causes.
#[derive(Parser)]
#[command(name = "rightfirst", version, about)]
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => window(None),
        Some(Command::Open { dir }) => window(Some(dir)),
        Some(Command::Check { dir }) => check(&dir),
        Some(Command::New { dir }) => new(&dir),
        Some(Command::Generate { dir, orders }) => generate(&dir, orders),
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
