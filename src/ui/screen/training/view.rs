//! What the matrix screen looks like: the filters and the print buttons, then the table of
//! people × procedures, or one person's history.

use iced::widget::{
    Column, Row, button, column, container, pick_list, row, scrollable, space, text,
};
use iced::{Alignment, Element, Length};

use super::{MatrixWords, Message, StateFilter, TrainingMatrix};
use crate::analysis::training::{Matrix, Row as Person, matrix};
use crate::export::Format;
use crate::model::Standing;
use crate::ui::screen::Context;
use crate::ui::text::fill;
use crate::ui::theme::{self, Badge};

/// The widget ids around the three filters' pick lists.
pub const PERSON_FILTER: &str = "matrix-person";
pub const PROCEDURE_FILTER: &str = "matrix-procedure";
pub const STATE_FILTER: &str = "matrix-state";

/// A pick-list entry: what it picks, and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Choice<T> {
    value: T,
    label: String,
}

impl<T> std::fmt::Display for Choice<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

impl TrainingMatrix {
    /// The screen: for owners, the matrix or a history; for others, who to ask.
    pub fn view<'a>(&'a self, ctx: Context<'a>) -> Element<'a, Message> {
        let words = MatrixWords::of(ctx.language);
        if !ctx.is_owner() {
            let said = fill(words.owners_only, &[("owners", &ctx.owners())]);
            return container(text(said).style(theme::muted))
                .padding(theme::SPACE_XL)
                .into();
        }
        let matrix = matrix(ctx.records, ctx.today);
        let body = match self.history.as_deref().and_then(|id| matrix.row(id)) {
            Some(person) => history(person, &ctx, words),
            None => column![self.filters(&matrix, words), self.table(&matrix, words)]
                .spacing(theme::SPACE_M)
                .into(),
        };
        let said = self.said.as_ref().map(|said| match said {
            Ok(path) => text(fill(
                words.written,
                &[("path", &path.display().to_string())],
            ))
            .style(theme::ok_text),
            Err(why) => text(fill(words.not_written, &[("why", why)])).style(theme::error_text),
        });
        let print = row![
            button(text(words.print_pdf))
                .on_press(Message::Print(Format::Pdf))
                .style(button::secondary),
            button(text(words.print_html))
                .on_press(Message::Print(Format::Html))
                .style(button::secondary),
        ]
        .spacing(theme::SPACE_S);
        scrollable(
            column![
                row![
                    text(words.title).size(theme::TEXT_TITLE),
                    space::horizontal(),
                    print
                ]
                .align_y(Alignment::Center)
                .spacing(theme::SPACE_M),
                text(words.intro).style(theme::muted),
                said,
                body,
            ]
            .spacing(theme::SPACE_M)
            .padding(theme::SPACE_L),
        )
        .height(Length::Fill)
        .into()
    }

    /// The three filters.
    fn filters<'a>(&self, matrix: &Matrix, words: &'static MatrixWords) -> Element<'a, Message> {
        let mut people = vec![Choice {
            value: None,
            label: words.everyone.to_owned(),
        }];
        people.extend(matrix.people.iter().map(|p| Choice {
            value: Some(p.person.clone()),
            label: p.name.clone(),
        }));
        let mut procedures = vec![Choice {
            value: None,
            label: words.every_procedure.to_owned(),
        }];
        procedures.extend(matrix.procedures.iter().map(|p| Choice {
            value: Some(p.procedure.clone()),
            label: p.title.clone(),
        }));
        let states = [
            (StateFilter::Any, words.any_state),
            (StateFilter::Current, words.current),
            (StateFilter::OutOfDate, words.out_of_date),
            (StateFilter::Never, words.never),
        ]
        .map(|(value, label)| Choice {
            value,
            label: label.to_owned(),
        })
        .to_vec();
        let filter = |label: &'static str, list: Element<'a, Message>, id: &'static str| {
            column![
                text(label).size(theme::TEXT_SMALL).style(theme::muted),
                container(list).id(id)
            ]
            .spacing(theme::SPACE_XS)
            .width(Length::Fill)
        };
        let person = people.iter().find(|c| c.value == self.person).cloned();
        let procedure = procedures
            .iter()
            .find(|c| c.value == self.procedure)
            .cloned();
        let state = states.iter().find(|c| c.value == self.state).cloned();
        row![
            filter(
                words.person,
                pick_list(people, person, |c: Choice<Option<String>>| Message::Person(
                    c.value
                ))
                .width(Length::Fill)
                .into(),
                PERSON_FILTER
            ),
            filter(
                words.procedure,
                pick_list(procedures, procedure, |c: Choice<Option<String>>| {
                    Message::Procedure(c.value)
                })
                .width(Length::Fill)
                .into(),
                PROCEDURE_FILTER
            ),
            filter(
                words.state,
                pick_list(states, state, |c: Choice<StateFilter>| Message::State(
                    c.value
                ))
                .width(Length::Fill)
                .into(),
                STATE_FILTER
            ),
        ]
        .spacing(theme::SPACE_M)
        .into()
    }

    /// People × procedures as the filters let them through; a row with no cell left goes.
    fn table<'a>(&self, matrix: &Matrix, words: &'static MatrixWords) -> Element<'a, Message> {
        let columns: Vec<usize> = (0..matrix.procedures.len())
            .filter(|&n| {
                (self.procedure.as_ref()).is_none_or(|id| *id == matrix.procedures[n].procedure)
            })
            .collect();
        let mut header = Row::new()
            .spacing(theme::SPACE_XS)
            .push(space::horizontal().width(Length::FillPortion(2)));
        for &n in &columns {
            let procedure = &matrix.procedures[n];
            let rev = fill(words.rev, &[("rev", &procedure.in_force.to_string())]);
            header = header.push(
                column![
                    text(procedure.title.clone()).size(theme::TEXT_SMALL),
                    text(rev).size(theme::TEXT_SMALL).style(theme::muted)
                ]
                .width(Length::FillPortion(1)),
            );
        }
        let mut rows = Column::new().spacing(theme::SPACE_XS).push(header);
        let mut shown = 0;
        for person in &matrix.people {
            if (self.person.as_ref()).is_some_and(|id| *id != person.person) {
                continue;
            }
            let cells: Vec<Option<Standing>> = columns
                .iter()
                .map(|&n| Some(person.cells[n].standing).filter(|s| self.state.shows(*s)))
                .collect();
            if cells.iter().all(Option::is_none) {
                continue;
            }
            shown += 1;
            let name = button(text(person.name.clone()))
                .on_press(Message::Open(person.person.clone()))
                .style(button::text)
                .width(Length::FillPortion(2));
            let row = cells.into_iter().fold(
                Row::new().spacing(theme::SPACE_XS).push(name),
                |row, cell| row.push(cell_view(cell, words)),
            );
            rows = rows.push(row.align_y(Alignment::Center));
        }
        if shown == 0 {
            let said = if matrix.people.is_empty() || matrix.procedures.is_empty() {
                words.nothing
            } else {
                words.none_match
            };
            return text(said).style(theme::muted).into();
        }
        rows.into()
    }
}

/// One cell: Current, Out of date (rev N) or Never, coloured; empty where filtered out.
fn cell_view<'a>(cell: Option<Standing>, words: &'static MatrixWords) -> Element<'a, Message> {
    let Some(standing) = cell else {
        return space::horizontal().width(Length::FillPortion(1)).into();
    };
    let (said, badge) = match standing {
        Standing::Current { .. } => (words.current.to_owned(), Badge::Approved),
        Standing::OutOfDate { signed } => (
            fill(words.out_of_date_rev, &[("signed", &signed.to_string())]),
            Badge::Draft,
        ),
        Standing::Never => (words.never.to_owned(), Badge::Alarm),
    };
    container(text(said).size(theme::TEXT_SMALL))
        .padding([theme::BADGE_PADDING, theme::SPACE_S])
        .width(Length::FillPortion(1))
        .style(theme::badge(badge))
        .into()
}

/// Every signature of one person, with who recorded it.
fn history<'a>(
    person: &Person,
    ctx: &Context<'a>,
    words: &'static MatrixWords,
) -> Element<'a, Message> {
    let mut list = Column::new().spacing(theme::SPACE_XS);
    for signature in &person.signatures {
        let title = ctx
            .records
            .procedure(&signature.procedure)
            .map_or_else(|| signature.procedure.clone(), |p| p.title.clone());
        let how = match &signature.recorded_by {
            None => words.at_desk.to_owned(),
            Some(owner) => fill(words.on_paper, &[("owner", &ctx.name_of(owner))]),
        };
        list = list.push(
            row![
                text(signature.on.to_string()).width(theme::DATE_WIDTH),
                text(title).width(Length::FillPortion(3)),
                text(fill(words.rev, &[("rev", &signature.revision.to_string())]))
                    .width(Length::FillPortion(1)),
                text(how).style(theme::muted).width(Length::FillPortion(3)),
            ]
            .spacing(theme::SPACE_S),
        );
    }
    let name = &person.name;
    let empty = person
        .signatures
        .is_empty()
        .then(|| text(fill(words.no_signatures, &[("name", name)])).style(theme::muted));
    column![
        row![
            text(fill(words.history, &[("name", name)])).size(theme::TEXT_HEADING),
            space::horizontal(),
            button(text(words.back))
                .on_press(Message::Back)
                .style(button::secondary),
        ]
        .align_y(Alignment::Center),
        list,
        empty,
    ]
    .spacing(theme::SPACE_M)
    .into()
}
