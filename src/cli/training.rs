//! `rightfirst training`: the training matrix of a workspace as text or JSON, or printed to
//! a PDF or HTML file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use rightfirst::analysis::training::{Matrix, matrix};
use rightfirst::model::{Date, Language, Standing};
use rightfirst::store::{self, Folder};

use super::commands::refuse_errors;

/// What `training` was asked for.
pub struct Request {
    pub person: Option<String>,
    pub json: bool,
    pub pdf: Option<PathBuf>,
    pub html: Option<PathBuf>,
    pub language: Option<Language>,
    pub today: Date,
}

/// Prints or writes the training matrix of `dir`. Exit codes as `report`: 0 done; 1 when
/// the workspace has errors (on stderr, as `check` lists them) or a file cannot be
/// written; 2 when DIR is not a workspace or --person names nobody in the matrix.
pub fn training(dir: &Path, request: &Request) -> ExitCode {
    let folder = match Folder::check(dir) {
        Ok(folder) => folder,
        Err(error) => {
            eprintln!("rightfirst training: {error}");
            return ExitCode::from(2);
        }
    };
    if let Some(refused) = refuse_errors(
        "training",
        dir,
        &folder,
        "a matrix of a workspace that does not read would mislead, so there is none until they are fixed",
    ) {
        return refused;
    }
    let records = folder.records();
    let mut matrix = matrix(records, request.today);
    if let Some(person) = &request.person {
        let Some(row) = matrix.people.iter().find(|row| &row.person == person) else {
            eprintln!(
                "rightfirst training: {}",
                nobody(records, person, request.today)
            );
            return ExitCode::from(2);
        };
        matrix.people = vec![row.clone()];
    }
    let language = request
        .language
        .or_else(|| Language::from_code(&records.workspace.language))
        .unwrap_or_default();
    let files = [
        (&request.pdf, rightfirst::export::Format::Pdf),
        (&request.html, rightfirst::export::Format::Html),
    ];
    let mut printed = false;
    for (path, format) in files {
        let Some(path) = path else { continue };
        printed = true;
        let written = rightfirst::export::training::printout(records, &matrix, language, format)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                store::document::write_document(path, &bytes).map_err(|e| e.to_string())
            });
        match written {
            Ok(()) => println!("wrote {}", path.display()),
            Err(error) => {
                eprintln!("rightfirst training: {error}");
                return ExitCode::from(1);
            }
        }
    }
    if printed {
        return ExitCode::SUCCESS;
    }
    let text = if request.json {
        match serde_json::to_string_pretty(&as_json(&matrix)) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("rightfirst training: the matrix could not be written as JSON: {error}");
                return ExitCode::from(1);
            }
        }
    } else {
        rightfirst::export::training::text(&matrix, &records.workspace.name, language)
    };
    let _ = writeln!(std::io::stdout().lock(), "{}", text.trim_end());
    ExitCode::SUCCESS
}

/// Why `person` has no row: nobody by that id, or they left.
fn nobody(records: &rightfirst::model::Records, person: &str, today: Date) -> String {
    match records.workspace.person(person) {
        Some(p) if p.has_left(today) => format!(
            "{} ({person}) left on {} and is no longer in the training matrix",
            p.name,
            p.left.map_or_else(String::new, |d| d.to_string())
        ),
        _ => {
            let ids: Vec<&str> = (records.workspace.staff.iter())
                .filter(|p| !p.has_left(today))
                .map(|p| p.id.as_str())
                .collect();
            format!(
                "--person {person}: there is nobody with that id on the staff (the ids are: {})",
                ids.join(", ")
            )
        }
    }
}

/// `{"people": [...]}`: the JSON shape of issue 16, fields in its order.
#[derive(Serialize)]
struct People<'a> {
    people: Vec<PersonJson<'a>>,
}

#[derive(Serialize)]
struct PersonJson<'a> {
    person: &'a str,
    name: &'a str,
    procedures: Vec<ProcedureJson<'a>>,
}

#[derive(Serialize)]
struct ProcedureJson<'a> {
    procedure: &'a str,
    in_force: u32,
    /// `null` when never signed.
    signed: Option<u32>,
    /// `Current`, `OutOfDate` or `Never`.
    state: &'static str,
}

/// The matrix in the JSON shape of issue 16.
fn as_json(matrix: &Matrix) -> People<'_> {
    let people = (matrix.people.iter())
        .map(|row| PersonJson {
            person: &row.person,
            name: &row.name,
            procedures: (row.cells.iter())
                .map(|cell| ProcedureJson {
                    procedure: &cell.procedure,
                    in_force: cell.in_force,
                    signed: cell.standing.signed(),
                    state: match cell.standing {
                        Standing::Current { .. } => "Current",
                        Standing::OutOfDate { .. } => "OutOfDate",
                        Standing::Never => "Never",
                    },
                })
                .collect(),
        })
        .collect();
    People { people }
}
