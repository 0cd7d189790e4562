//! Where a file is, for every screen that reads or writes one outside the workspace: the
//! path field that works where a file dialog could not open (and on request instead of
//! one), and the "Saved to" line with ways to open what was written.

use std::path::{Path, PathBuf};

use iced::widget::{Row, button, column, container, row, text, text_input};
use iced::{Alignment, Element, Length};

use crate::store::place::{PlaceProblem, Wanted, check, documents_folder};
use crate::ui::request::{NoDialog, Picked, Request};
use crate::ui::text::{Language, fill};
use crate::ui::theme;

crate::texts!(PlaceWords {
    nothing_to_show: "No file dialog can open on this computer: it needs a desktop file-chooser portal or zenity. Type the path instead.", "Op deze computer kan geen bestandsvenster openen: daarvoor is een bestandskiezer-portaal van het bureaublad of zenity nodig. Typ het pad in plaats daarvan.";
    did_not_open: "The file dialog did not open. Type the path instead.", "Het bestandsvenster ging niet open. Typ het pad in plaats daarvan.";
    type_path: "Type a path…", "Pad typen…";
    save_here: "Save here", "Hier opslaan";
    use_file: "Use this file", "Dit bestand gebruiken";
    use_folder: "Use this folder", "Deze map gebruiken";
    cancel: "Cancel", "Annuleren";
    empty: "Type a path.", "Typ een pad.";
    not_whole: "Type the whole path, starting with / (or ~ for your home folder).", "Typ het hele pad, beginnend met / (of ~ voor je thuismap).";
    missing: "There is nothing at {path}.", "Er staat niets op {path}.";
    is_folder: "{path} is a folder: type a file name after it.", "{path} is een map: typ er een bestandsnaam achter.";
    is_file: "{path} is a file, not a folder.", "{path} is een bestand, geen map.";
    no_parent: "The folder {folder} does not exist.", "De map {folder} bestaat niet.";
    exists: "{path} exists already: press “Save here” again to replace it.", "{path} bestaat al: druk nog eens op “Hier opslaan” om het te vervangen.";
    saved_to: "Saved to {path}", "Opgeslagen in {path}";
    open_it: "Open it", "Openen";
    show_in_folder: "Show in folder", "Tonen in map";
    could_not_open: "Could not open {path}: {why}", "Kon {path} niet openen: {why}";
    photo_for_step: "Photo for step {step}", "Foto voor stap {step}";
    record_to_path: "QC record to a typed path…", "Kwaliteitsrecord naar een getypt pad…";
});

/// The widget id of the path field.
pub const PATH_INPUT: &str = "typed-path";

/// A path typed by hand, for one file or folder a screen needs.
#[derive(Debug, Clone)]
pub struct PathField {
    wanted: Wanted,
    typed: String,
    /// Why no dialog showed; `None` when the user asked for the field.
    why: Option<NoDialog>,
    problem: Option<PlaceProblem>,
    /// An existing file the user was told about: taking it again replaces it.
    replacing: Option<PathBuf>,
}

/// What the user did in the path field.
#[derive(Debug, Clone)]
pub enum Message {
    Typed(String),
    Take,
    Cancel,
}

/// What came of a message to the path field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    /// Still typing, or told what is wrong.
    Not,
    /// The path to use: it names what was wanted.
    Path(PathBuf),
    /// The user gave up: the field goes.
    Cancelled,
}

impl PathField {
    /// A field for where to save a document, filled with the documents folder and `name`.
    pub fn to_save(name: &str, why: Option<NoDialog>) -> Self {
        let start = documents_folder().map_or_else(|| PathBuf::from(name), |dir| dir.join(name));
        Self::new(Wanted::NewFile, start.display().to_string(), why)
    }

    /// A field for a file to read, filled with the documents folder.
    pub fn to_open(why: Option<NoDialog>) -> Self {
        Self::new(Wanted::File, folder_start(), why)
    }

    /// A field for a folder: one there already, or one to make when `new`.
    pub fn to_folder(new: bool, why: Option<NoDialog>) -> Self {
        let wanted = if new {
            Wanted::NewFolder
        } else {
            Wanted::Folder
        };
        Self::new(wanted, folder_start(), why)
    }

    fn new(wanted: Wanted, typed: String, why: Option<NoDialog>) -> Self {
        PathField {
            wanted,
            typed,
            why,
            problem: None,
            replacing: None,
        }
    }

    /// The field for a dialog's answer `picked` that could not show; `None` otherwise.
    pub fn after(picked: &Picked, field: impl FnOnce(Option<NoDialog>) -> Self) -> Option<Self> {
        match picked {
            Picked::CouldNotOpen(why) => Some(field(Some(*why))),
            Picked::Path(_) | Picked::Cancelled => None,
        }
    }

    /// What is typed.
    pub fn typed(&self) -> &str {
        &self.typed
    }

    /// Handles a message; a path that names what is wanted is taken.
    pub fn update(&mut self, message: Message) -> Taken {
        match message {
            Message::Typed(typed) => {
                self.typed = typed;
                self.problem = None;
                self.replacing = None;
                Taken::Not
            }
            Message::Cancel => Taken::Cancelled,
            Message::Take => match check(&self.typed, self.wanted) {
                Ok(path) => Taken::Path(path),
                Err(PlaceProblem::Exists)
                    if self.replacing.as_deref() == Some(Path::new(self.typed.trim())) =>
                {
                    Taken::Path(crate::store::place::expand(&self.typed))
                }
                Err(problem) => {
                    if problem == PlaceProblem::Exists {
                        self.replacing = Some(PathBuf::from(self.typed.trim()));
                    }
                    self.problem = Some(problem);
                    Taken::Not
                }
            },
        }
    }

    /// The field, with why no dialog showed above it and what is wrong below it.
    pub fn view<'a>(&'a self, language: Language) -> Element<'a, Message> {
        let words = PlaceWords::of(language);
        let why = self.why.map(|why| {
            text(match why {
                NoDialog::NothingToShowIt => words.nothing_to_show,
                NoDialog::DidNotOpen => words.did_not_open,
            })
        });
        let take = match self.wanted {
            Wanted::NewFile => words.save_here,
            Wanted::File => words.use_file,
            Wanted::Folder | Wanted::NewFolder => words.use_folder,
        };
        let problem = self.problem.as_ref().map(|problem| {
            text(problem_words(problem, &self.typed, words))
                .size(theme::TEXT_SMALL)
                .style(theme::error_text)
        });
        container(
            column![
                why,
                row![
                    text_input("/", &self.typed)
                        .id(PATH_INPUT)
                        .on_input(Message::Typed)
                        .on_submit(Message::Take)
                        .padding(theme::SPACE_S)
                        .width(Length::Fill),
                    button(text(take))
                        .style(button::primary)
                        .on_press(Message::Take),
                    button(text(words.cancel))
                        .style(button::secondary)
                        .on_press(Message::Cancel),
                ]
                .spacing(theme::SPACE_S)
                .align_y(Alignment::Center),
                problem,
            ]
            .spacing(theme::SPACE_S),
        )
        .padding(theme::SPACE_S)
        .width(Length::Fill)
        .style(theme::row_box)
        .into()
    }
}

/// Where a typed path to a file or folder starts: the documents folder, ending in a
/// separator so the name can be typed straight after it.
fn folder_start() -> String {
    documents_folder()
        .map(|dir| format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR))
        .unwrap_or_default()
}

/// What is wrong with the typed path, in `words`.
fn problem_words(problem: &PlaceProblem, typed: &str, words: &PlaceWords) -> String {
    let path = typed.trim();
    match problem {
        PlaceProblem::Empty => words.empty.to_owned(),
        PlaceProblem::NotWhole => words.not_whole.to_owned(),
        PlaceProblem::Missing => fill(words.missing, &[("path", path)]),
        PlaceProblem::IsFolder => fill(words.is_folder, &[("path", path)]),
        PlaceProblem::IsFile => fill(words.is_file, &[("path", path)]),
        PlaceProblem::NoParent(folder) => fill(
            words.no_parent,
            &[("folder", &folder.display().to_string())],
        ),
        PlaceProblem::Exists => fill(words.exists, &[("path", path)]),
    }
}

/// The small button that shows the path field without trying a dialog.
pub fn type_path_button<'a, M: Clone + 'a>(language: Language, message: M) -> Element<'a, M> {
    button(text(PlaceWords::of(language).type_path).size(theme::TEXT_SMALL))
        .style(button::text)
        .on_press(message)
        .into()
}

/// A button for a dialog with "Type a path…" beside it.
pub fn pick_buttons<'a, M: Clone + 'a>(
    dialog: impl Into<Element<'a, M>>,
    language: Language,
    type_path: M,
) -> Row<'a, M> {
    row![dialog.into(), type_path_button(language, type_path)]
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center)
}

/// What the user did with a document just saved.
#[derive(Debug, Clone)]
pub enum Saved {
    /// Open it with the system's program for it.
    Open(PathBuf),
    /// Open the folder it is in with the system's file manager.
    ShowFolder(PathBuf),
}

impl Saved {
    /// The request that opens the document or its folder; `failed` hears why not, in
    /// `language`.
    pub fn request<M>(
        self,
        language: Language,
        failed: impl FnOnce(String) -> M + Send + 'static,
    ) -> Request<M> {
        let path = match self {
            Saved::Open(path) => path,
            Saved::ShowFolder(path) => match path.parent() {
                Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
                _ => path,
            },
        };
        let words = PlaceWords::of(language);
        let shown = path.display().to_string();
        Request::view(path, move |why| {
            failed(fill(
                words.could_not_open,
                &[("path", &shown), ("why", &why)],
            ))
        })
    }
}

/// "Saved to <path>" with "Open it" and "Show in folder".
pub fn saved_view<'a>(path: &Path, language: Language) -> Element<'a, Saved> {
    let words = PlaceWords::of(language);
    container(
        row![
            text(fill(
                words.saved_to,
                &[("path", &path.display().to_string())]
            ))
            .width(Length::Fill),
            button(text(words.open_it))
                .style(button::secondary)
                .on_press(Saved::Open(path.to_path_buf())),
            button(text(words.show_in_folder))
                .style(button::secondary)
                .on_press(Saved::ShowFolder(path.to_path_buf())),
        ]
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center),
    )
    .padding(theme::SPACE_S)
    .width(Length::Fill)
    .style(theme::notice_box)
    .into()
}
