//! Problems: every file that did not read or check clean, with the text around the line.

use iced::widget::{Column, button, column, container, row, scrollable, text};
use iced::{Element, Font, Length};

use crate::store::{Finding, Unfit};
use crate::ui::text::Text;
use crate::ui::theme;

crate::texts!(CopyWords {
    heading: "A sync tool made {copy} when two desks changed {original} at once. Keep one of them; the other is deleted.", "Een synchronisatieprogramma maakte {copy} toen twee werkplekken {original} tegelijk veranderden. Bewaar er één; de andere wordt verwijderd.";
    the_file: "The file", "Het bestand";
    the_copy: "The copy", "De kopie";
    keep_file: "Keep the file", "Het bestand bewaren";
    keep_copy: "Keep the copy", "De kopie bewaren";
    as_draft: "Make the copy a new draft", "Maak van de kopie een nieuw concept";
    archived: "This is an archived revision: keep the one that says what was approved then. A copy that is not that approved revision cannot take its place.", "Dit is een gearchiveerde revisie: bewaar de versie die toen is goedgekeurd. Een kopie die niet die goedgekeurde revisie is, kan haar plaats niet innemen.";
    not_approved: "The copy is not an approved revision, so it cannot take the archived revision's place.", "De kopie is geen goedgekeurde revisie en kan de plaats van de gearchiveerde revisie dus niet innemen.";
    holds: "The copy holds {path}, so it cannot take the place of {original}.", "De kopie bevat {path} en kan de plaats van {original} dus niet innemen.";
    unreadable: "The copy does not read, so it cannot take the file's place.", "De kopie is niet te lezen en kan de plaats van het bestand dus niet innemen.";
    bad_id: "The copy's id cannot be a file name, so it cannot take the file's place.", "De id van de kopie kan geen bestandsnaam zijn; de kopie kan de plaats van het bestand dus niet innemen.";
});

/// The problems panel: which finding is open.
#[derive(Debug, Default)]
pub struct Problems {
    open: Option<usize>,
    excerpt: Vec<(usize, String)>,
    copy: Option<CopyPair>,
}

/// A sync tool's conflict copy opened beside the file it copies.
#[derive(Debug, Clone)]
pub struct CopyPair {
    /// The copy, relative to the workspace.
    pub copy: String,
    /// The file it copies.
    pub original: String,
    /// The copy's text.
    pub copy_text: String,
    /// The file's text.
    pub original_text: String,
    /// Whether the copy may take the file's place, and why not.
    pub keep: Result<(), Unfit>,
    /// Whether the copy may become a new draft (a procedure, current or archived).
    pub procedure: bool,
    /// Whether the file is an archived revision, which stays what was approved.
    pub archived: bool,
}

/// What the user did on the problems panel.
#[derive(Debug, Clone)]
pub enum Message {
    /// Show the text around this finding.
    Open(usize),
    /// Of a conflict copy shown beside its file: keep the file, delete the copy.
    KeepFile,
    /// Keep the copy in the file's place.
    KeepCopy,
    /// Save the procedure copy as a new draft, and delete the copy.
    CopyAsDraft,
}

impl Problems {
    /// Opens a finding, with the lines around it read by the app.
    pub fn open(&mut self, index: usize, excerpt: Vec<(usize, String)>) {
        self.open = Some(index);
        self.excerpt = excerpt;
        self.copy = None;
    }

    /// Shows the open finding's conflict copy beside the file it copies.
    pub fn open_copy(&mut self, pair: CopyPair) {
        self.copy = Some(pair);
    }

    /// The conflict copy shown, if one is.
    pub fn copy(&self) -> Option<&CopyPair> {
        self.copy.as_ref()
    }

    /// The list of findings and, for the open one, its file's text around the line.
    pub fn view<'a>(
        &'a self,
        findings: &'a [Finding],
        words: &'static Text,
        read_only: Option<&'a str>,
    ) -> Element<'a, Message> {
        let mut list = Column::new().spacing(2);
        for (index, finding) in findings.iter().enumerate() {
            let selected = self.open == Some(index);
            let style = if finding.severity == crate::model::ProblemSeverity::Error {
                theme::error_text
            } else {
                theme::muted
            };
            list = list.push(
                button(
                    column![
                        text(format!(
                            "{}:{}:{}",
                            finding.path, finding.at.line, finding.at.col
                        ))
                        .size(theme::TEXT_SMALL)
                        .font(Font::MONOSPACE)
                        .style(style),
                        text(&finding.message).size(theme::TEXT),
                    ]
                    .spacing(2),
                )
                .width(Length::Fill)
                .style(theme::nav(selected))
                .on_press(Message::Open(index)),
            );
        }
        let header = column![
            text(words.problems).size(theme::TEXT_TITLE),
            read_only.map(
                |reason| container(text(format!("{} {reason}", words.read_only_newer)))
                    .padding(theme::SPACE_S)
                    .style(theme::error_box)
            ),
            text(if findings.is_empty() {
                words.no_problems
            } else {
                words.problems_intro
            })
            .style(theme::muted),
        ]
        .spacing(theme::SPACE_S);
        let excerpt = self
            .open
            .and_then(|index| findings.get(index))
            .map(|finding| {
                let mut lines = Column::new();
                for (number, line) in &self.excerpt {
                    let marker = if *number == finding.at.line {
                        "▶"
                    } else {
                        " "
                    };
                    let content = text(format!("{marker}{number:>5}  {line}"))
                        .font(Font::MONOSPACE)
                        .size(theme::TEXT_SMALL);
                    lines = lines.push(if *number == finding.at.line {
                        Element::from(
                            container(content)
                                .style(theme::error_box)
                                .width(Length::Fill),
                        )
                    } else {
                        content.into()
                    });
                }
                container(
                    column![text(&finding.path).font(Font::MONOSPACE), lines]
                        .spacing(theme::SPACE_S),
                )
                .padding(theme::SPACE_M)
                .width(Length::Fill)
                .style(theme::card)
            });
        let right: Option<Element<'a, Message>> = match &self.copy {
            Some(pair) => Some(copy_view(pair, words.language())),
            None => excerpt.map(Element::from),
        };
        column![
            header,
            row![scrollable(list).width(Length::FillPortion(1)), right].spacing(theme::SPACE_L)
        ]
        .spacing(theme::SPACE_M)
        .padding(theme::SPACE_L)
        .into()
    }
}

/// A conflict copy beside the file it copies, with a button under each to keep it.
fn copy_view(pair: &CopyPair, language: crate::ui::text::Language) -> Element<'_, Message> {
    let words = CopyWords::of(language);
    let pane = |title: &'static str, body: &str, keep: Option<Element<'static, Message>>| {
        column![
            text(title).size(theme::TEXT_HEADING),
            keep,
            container(scrollable(
                text(body.to_owned())
                    .font(Font::MONOSPACE)
                    .size(theme::TEXT_SMALL)
            ))
            .padding(theme::SPACE_S)
            .style(theme::card)
            .height(Length::Fill),
        ]
        .spacing(theme::SPACE_S)
        .width(Length::FillPortion(1))
    };
    let keep_file = button(text(words.keep_file))
        .on_press(Message::KeepFile)
        .style(button::secondary);
    let keep_copy = pair.keep.is_ok().then(|| {
        button(text(words.keep_copy))
            .on_press(Message::KeepCopy)
            .style(button::secondary)
    });
    let as_draft = pair.procedure.then(|| {
        button(text(words.as_draft))
            .on_press(Message::CopyAsDraft)
            .style(button::secondary)
    });
    let why_not = pair
        .keep
        .as_ref()
        .err()
        .and_then(|why| unfit_words(why, pair, words))
        .map(|why| text(why).style(theme::muted));
    let copy_actions = column![row![keep_copy, as_draft].spacing(theme::SPACE_S), why_not]
        .spacing(theme::SPACE_XS);
    let heading = crate::ui::text::fill(
        words.heading,
        &[("copy", &pair.copy), ("original", &pair.original)],
    );
    column![
        container(column![
            text(heading),
            pair.archived.then(|| text(words.archived))
        ])
        .padding(theme::SPACE_S)
        .style(theme::warning_box)
        .width(Length::Fill),
        row![
            pane(words.the_file, &pair.original_text, Some(keep_file.into())),
            pane(words.the_copy, &pair.copy_text, Some(copy_actions.into())),
        ]
        .spacing(theme::SPACE_M),
    ]
    .spacing(theme::SPACE_S)
    .width(Length::FillPortion(2))
    .into()
}

/// Why the copy cannot take the file's place, in words; nothing for a copy that is merged.
fn unfit_words(why: &Unfit, pair: &CopyPair, words: &CopyWords) -> Option<String> {
    Some(match why {
        Unfit::Merged => return None,
        Unfit::Unreadable => words.unreadable.to_owned(),
        Unfit::BadId(_) => words.bad_id.to_owned(),
        Unfit::NotApproved => words.not_approved.to_owned(),
        Unfit::Holds(path) => {
            crate::ui::text::fill(words.holds, &[("path", path), ("original", &pair.original)])
        }
    })
}
