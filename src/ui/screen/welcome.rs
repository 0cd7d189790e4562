//! The first start: start one's own business, or look around the sample first. Also where
//! "Start your own" and "New workspace…" lead later on.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use iced::widget::{button, column, container, pick_list, row, text, text_input};
use iced::{Alignment, Element, Length};

use super::labelled;
use crate::model::PeopleError;
use crate::store::{CreateError, SaveError};
use crate::ui::request::{NoDialog, Picked};
use crate::ui::text::{Language, fill};
use crate::ui::theme;

crate::texts!(WelcomeWords {
    title: "Welcome to Right First", "Welkom bij Right First";
    intro: "Procedures your team follows, a second person who checks every order, and the causes behind every defect. Everything stays in a folder of your own.", "Procedures die je team volgt, een tweede persoon die elke bestelling controleert, en de oorzaken achter elk gebrek. Alles blijft in een map van jezelf.";
    own: "Start your own business", "Begin je eigen bedrijf";
    own_hint: "An empty business with you as its owner. You write the first procedure next.", "Een leeg bedrijf met jou als eigenaar. Daarna schrijf je de eerste werkinstructie.";
    sample: "Look around the sample business", "Rondkijken in het voorbeeldbedrijf";
    sample_hint: "An ice-cream parlour with procedures, checklists, orders and defects, to try everything first. You can start your own at any time.", "Een ijssalon met werkinstructies, checklijsten, bestellingen en gebreken, om eerst alles te proberen. Je kunt altijd je eigen bedrijf beginnen.";
    business_name: "Name of the business", "Naam van het bedrijf";
    your_name: "Your full name (you become its owner)", "Je volledige naam (je wordt de eigenaar)";
    language: "Language", "Taal";
    folder: "Where to keep it", "Waar het komt te staan";
    folder_hint: "A folder of its own. Put it inside a synced folder (Dropbox, OneDrive, Syncthing…) to share it with other desks.", "Een eigen map. Zet hem in een gesynchroniseerde map (Dropbox, OneDrive, Syncthing…) om hem met andere computers te delen.";
    choose: "Choose folder…", "Map kiezen…";
    no_dialog: "The folder dialog could not open: type the folder's path above.", "Het mapvenster ging niet open: typ het pad van de map hierboven.";
    create: "Create the business", "Bedrijf aanmaken";
    back: "Back", "Terug";
    no_business_name: "Give the business a name.", "Geef het bedrijf een naam.";
    no_name: "Type your name: you become the business's owner.", "Typ je naam: je wordt de eigenaar van het bedrijf.";
    no_folder: "Type where to keep the business.", "Typ waar het bedrijf moet komen.";
    not_empty: "{path} is not empty: choose an empty or a new folder.", "{path} is niet leeg: kies een lege of een nieuwe map.";
    failed: "The business could not be made, and nothing was left behind: {why}", "Het bedrijf kon niet worden gemaakt, en er is niets achtergebleven: {why}";
    no_permission: "You may not write in {path}. Choose a folder of your own, and nothing was left behind.", "Je mag niet schrijven in {path}. Kies een map van jezelf; er is niets achtergebleven.";
    disk_full: "The disk is full, so the business could not be made; nothing was left behind.", "De schijf is vol, dus het bedrijf kon niet worden gemaakt; er is niets achtergebleven.";
    not_a_folder: "{path} cannot hold the business: part of that path is a file, not a folder.", "{path} kan het bedrijf niet bevatten: een deel van dat pad is een bestand, geen map.";
    sample_failed: "The sample could not be copied: {why}", "Het voorbeeld kon niet worden gekopieerd: {why}";
    english: "English", "Engels";
    dutch: "Dutch (Nederlands)", "Nederlands";
    my_business: "My business", "Mijn bedrijf";
});

/// The welcome screen: the two ways in, or the form of one's own business.
#[derive(Debug, Clone)]
pub struct Welcome {
    /// Where businesses go unless the user says otherwise: the user's data folder.
    home: Option<PathBuf>,
    /// The form is open, rather than the two ways in.
    form: bool,
    business: String,
    owner: String,
    language: Language,
    folder: String,
    /// The folder was typed or chosen, so it no longer follows the business's name.
    folder_set: bool,
    problem: Option<Problem>,
}

/// What the user did on the welcome screen.
#[derive(Debug, Clone)]
pub enum Message {
    Own,
    Sample,
    Back,
    Business(String),
    Owner(String),
    Language(LanguageChoice),
    Folder(String),
    Choose,
    Chosen(Picked),
    Create,
}

/// What the window does for the welcome screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    /// Nothing yet.
    Nothing,
    /// Show the folder dialog; its answer comes back as [`Message::Chosen`].
    PickFolder,
    /// Make this business, then open it as its owner.
    Create(NewBusiness),
    /// Open the sample business.
    Sample,
}

/// One's own business, as the form holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBusiness {
    /// Its folder.
    pub folder: PathBuf,
    /// Its name.
    pub name: String,
    /// The full name of its first owner.
    pub owner: String,
    /// Its language.
    pub language: Language,
}

/// Why the business was not made, in words shown at view time in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NoBusinessName,
    NoName,
    NoFolder,
    NoDialog,
    NotEmpty(PathBuf),
    /// The system does not let this user write there.
    NoPermission(PathBuf),
    /// The disk filled up on the way.
    DiskFull,
    /// A part of the path is a file.
    NotAFolder(PathBuf),
    Failed(String),
    SampleFailed(String),
}

impl Problem {
    /// The refusal of `store::create_business` in words.
    pub fn of(error: &CreateError) -> Problem {
        match error {
            CreateError::Refused(PeopleError::NoBusinessName) => Problem::NoBusinessName,
            CreateError::Refused(PeopleError::NoName) => Problem::NoName,
            CreateError::NotEmpty(path) => Problem::NotEmpty(path.clone()),
            CreateError::Save(SaveError::Io { source, path, .. }) => match source.kind() {
                ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
                    Problem::NoPermission(PathBuf::from(path))
                }
                ErrorKind::StorageFull | ErrorKind::QuotaExceeded => Problem::DiskFull,
                ErrorKind::NotADirectory => Problem::NotAFolder(PathBuf::from(path)),
                _ => Problem::Failed(error.to_string()),
            },
            other => Problem::Failed(other.to_string()),
        }
    }
}

impl Welcome {
    /// The two ways in; a business made from here goes under `home` unless told otherwise.
    pub fn new(home: Option<PathBuf>, language: Language) -> Welcome {
        let mut welcome = Welcome {
            home,
            form: false,
            business: String::new(),
            owner: String::new(),
            language,
            folder: String::new(),
            folder_set: false,
            problem: None,
        };
        welcome.follow_name();
        welcome
    }

    /// Straight to the form of one's own business, in `folder` when it is given.
    pub fn own(home: Option<PathBuf>, language: Language, folder: Option<PathBuf>) -> Welcome {
        let mut welcome = Welcome {
            form: true,
            ..Welcome::new(home, language)
        };
        if let Some(folder) = folder {
            welcome.folder = folder.display().to_string();
            welcome.folder_set = true;
        }
        welcome
    }

    /// The language the screen speaks: the one picked for the business.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Shows why what the window tried for the welcome screen failed.
    pub fn fail(&mut self, problem: Problem) {
        self.problem = Some(problem);
    }

    /// Handles a message; what the window must do comes back.
    pub fn update(&mut self, message: Message) -> Chosen {
        self.problem = None;
        match message {
            Message::Own => self.form = true,
            Message::Sample => return Chosen::Sample,
            Message::Back => self.form = false,
            Message::Business(name) => {
                self.business = name;
                self.follow_name();
            }
            Message::Owner(name) => self.owner = name,
            Message::Language(choice) => {
                self.language = choice.value;
                self.follow_name();
            }
            Message::Folder(folder) => {
                self.folder = folder;
                self.folder_set = true;
            }
            Message::Choose => return Chosen::PickFolder,
            Message::Chosen(Picked::Path(path)) => {
                self.folder = path.display().to_string();
                self.folder_set = true;
            }
            Message::Chosen(Picked::Cancelled) => {}
            Message::Chosen(Picked::CouldNotOpen(NoDialog::NothingToShowIt))
            | Message::Chosen(Picked::CouldNotOpen(NoDialog::DidNotOpen)) => {
                self.problem = Some(Problem::NoDialog);
            }
            Message::Create => return self.create(),
        }
        Chosen::Nothing
    }

    fn create(&mut self) -> Chosen {
        let problem = if self.business.trim().is_empty() {
            Some(Problem::NoBusinessName)
        } else if self.owner.trim().is_empty() {
            Some(Problem::NoName)
        } else if self.folder.trim().is_empty() {
            Some(Problem::NoFolder)
        } else {
            None
        };
        if let Some(problem) = problem {
            self.problem = Some(problem);
            return Chosen::Nothing;
        }
        Chosen::Create(NewBusiness {
            folder: crate::store::place::expand(self.folder.trim()),
            name: self.business.trim().to_owned(),
            owner: self.owner.trim().to_owned(),
            language: self.language,
        })
    }

    /// Until the user sets the folder, it is named after the business, in the data folder.
    fn follow_name(&mut self) {
        if self.folder_set {
            return;
        }
        let words = WelcomeWords::of(self.language);
        let name = match folder_name(&self.business) {
            name if name.is_empty() => words.my_business.to_owned(),
            name => name,
        };
        self.folder = match &self.home {
            Some(home) => home.join(name).display().to_string(),
            None => String::new(),
        };
    }

    /// The screen.
    pub fn view(&self) -> Element<'_, Message> {
        let words = WelcomeWords::of(self.language);
        let body = if self.form {
            self.form_view(words)
        } else {
            ways_in(words)
        };
        let problem = self.problem.as_ref().map(|problem| {
            container(text(problem_words(problem, words)))
                .padding(theme::SPACE_S)
                .width(Length::Fill)
                .style(theme::error_box)
        });
        container(
            column![
                text(words.title).size(theme::TEXT_TITLE),
                text(words.intro).style(theme::muted),
                problem,
                body,
            ]
            .spacing(theme::SPACE_L)
            .width(Length::Fill)
            .max_width(720),
        )
        .padding(theme::SPACE_XL)
        .center_x(Length::Fill)
        .into()
    }

    fn form_view(&self, words: &'static WelcomeWords) -> Element<'_, Message> {
        let languages = [
            LanguageChoice {
                value: Language::En,
                label: words.english,
            },
            LanguageChoice {
                value: Language::Nl,
                label: words.dutch,
            },
        ];
        let picked = languages.iter().copied().find(|c| c.value == self.language);
        column![
            text(words.own).size(theme::TEXT_HEADING),
            labelled(
                words.business_name,
                text_input(words.business_name, &self.business)
                    .id("business-name")
                    .on_input(Message::Business)
            ),
            labelled(
                words.your_name,
                text_input(words.your_name, &self.owner)
                    .id("owner-name")
                    .on_input(Message::Owner)
            ),
            labelled(
                words.language,
                container(
                    pick_list(languages, picked, Message::Language).width(theme::CHOICE_WIDTH)
                )
                .id("business-language")
            ),
            labelled(
                words.folder,
                column![
                    row![
                        text_input(words.folder, &self.folder)
                            .id("business-folder")
                            .on_input(Message::Folder)
                            .on_submit(Message::Create),
                        button(text(words.choose))
                            .on_press(Message::Choose)
                            .style(button::secondary),
                    ]
                    .spacing(theme::SPACE_S)
                    .align_y(Alignment::Center),
                    text(words.folder_hint)
                        .size(theme::TEXT_SMALL)
                        .style(theme::muted),
                ]
                .spacing(theme::SPACE_XS)
            ),
            row![
                button(text(words.create))
                    .on_press(Message::Create)
                    .style(button::primary),
                button(text(words.back))
                    .on_press(Message::Back)
                    .style(button::text),
            ]
            .spacing(theme::SPACE_S),
        ]
        .spacing(theme::SPACE_M)
        .into()
    }
}

/// A language in the pick list, named in the screen's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageChoice {
    value: Language,
    label: &'static str,
}

impl std::fmt::Display for LanguageChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label)
    }
}

/// A folder name for a business: its name without the characters a file system refuses.
fn folder_name(business: &str) -> String {
    let kept: String = business
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .filter(|c| !c.is_control())
        .collect();
    kept.trim().trim_matches('.').trim().to_owned()
}

/// The two ways in, each with what it leads to.
fn ways_in<'a>(words: &'static WelcomeWords) -> Element<'a, Message> {
    let way = |label: &'static str, hint: &'static str, message: Message, primary: bool| {
        column![
            button(text(label).size(theme::TEXT_HEADING))
                .padding(theme::SPACE_M)
                .on_press(message)
                .style(if primary {
                    button::primary
                } else {
                    button::secondary
                }),
            text(hint).style(theme::muted),
        ]
        .spacing(theme::SPACE_S)
    };
    column![
        way(words.own, words.own_hint, Message::Own, true),
        way(words.sample, words.sample_hint, Message::Sample, false),
    ]
    .spacing(theme::SPACE_XL)
    .into()
}

fn problem_words(problem: &Problem, words: &'static WelcomeWords) -> String {
    let at = |template: &str, path: &Path| fill(template, &[("path", &path.display().to_string())]);
    match problem {
        Problem::NoBusinessName => words.no_business_name.to_owned(),
        Problem::NoName => words.no_name.to_owned(),
        Problem::NoFolder => words.no_folder.to_owned(),
        Problem::NoDialog => words.no_dialog.to_owned(),
        Problem::NotEmpty(path) => at(words.not_empty, path),
        Problem::NoPermission(path) => at(words.no_permission, path),
        Problem::DiskFull => words.disk_full.to_owned(),
        Problem::NotAFolder(path) => at(words.not_a_folder, path),
        Problem::Failed(why) => fill(words.failed, &[("why", why)]),
        Problem::SampleFailed(why) => fill(words.sample_failed, &[("why", why)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Makes a business where the parent of its folder is a file, and says why it failed.
    fn refused_under_a_file(language: Language) -> String {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        std::fs::write(&file, "not a folder").unwrap();
        let folder = file.join("Bakkerij Jansen");
        let error = crate::store::create_business(&folder, "Bakkerij Jansen", "Piet", language)
            .expect_err("nothing can be made under a file");
        assert!(!folder.exists());
        problem_words(&Problem::of(&error), WelcomeWords::of(language))
    }

    #[test]
    fn a_business_that_cannot_be_made_says_why_in_the_language_chosen() {
        let dutch = refused_under_a_file(Language::Nl);
        assert!(
            dutch.contains("een deel van dat pad is een bestand, geen map"),
            "{dutch}"
        );
        let english = refused_under_a_file(Language::En);
        assert!(english.contains("part of that path is a file"), "{english}");
    }
}
