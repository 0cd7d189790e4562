//! Problems: every file that did not read or check clean, with the text around the line.

use iced::widget::{Column, button, column, container, row, scrollable, text};
use iced::{Element, Font, Length};

use crate::store::Finding;
use crate::ui::text::Text;
use crate::ui::theme;

/// The problems panel: which finding is open.
#[derive(Debug, Default)]
pub struct Problems {
    open: Option<usize>,
    excerpt: Vec<(usize, String)>,
}

/// What the user did on the problems panel.
#[derive(Debug, Clone)]
pub enum Message {
    /// Show the text around this finding.
    Open(usize),
}

impl Problems {
    /// Opens a finding, with the lines around it read by the app.
    pub fn open(&mut self, index: usize, excerpt: Vec<(usize, String)>) {
        self.open = Some(index);
        self.excerpt = excerpt;
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
        column![
            header,
            row![scrollable(list).width(Length::FillPortion(1)), excerpt].spacing(theme::SPACE_L)
        ]
        .spacing(theme::SPACE_M)
        .padding(theme::SPACE_L)
        .into()
    }
}
