//! Letting the workspace go, by closing the window or opening another, while work on some
//! screen is not saved yet: the question first, and saving everything before going.

use std::path::PathBuf;

use iced::widget::{button, column, container, row};
use iced::{Element, Length};

use super::{Message, Section};
use crate::ui::screen::{Unsaved, orders};
use crate::ui::text::{Text, fill};
use crate::ui::theme;

/// Where the user asked to go, away from the open workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Leaving {
    /// Close the window.
    Close,
    /// Open the workspace in this folder; first make one there when `true`.
    Open(PathBuf, bool),
    /// Read the open workspace again from disk, staying on the same screen.
    Reload,
    /// Start one's own business: the welcome screen's form.
    Start,
}

/// The answer to "some work is not saved yet".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Save everything, then go.
    Save,
    /// Go, dropping what is unsaved.
    Discard,
    /// Stay, on the first screen with unsaved work.
    Stay,
}

/// The question shown before leaving: what is unsaved, and on which screen.
#[derive(Debug)]
pub(super) struct Question {
    leaving: Leaving,
    unsaved: Vec<(Section, Unsaved)>,
}

impl Question {
    /// The question before `leaving`, or `None` to go at once when nothing is unsaved.
    pub fn before(leaving: &Leaving, unsaved: Vec<(Section, Unsaved)>) -> Option<Question> {
        (!unsaved.is_empty()).then(|| Question {
            leaving: leaving.clone(),
            unsaved,
        })
    }

    /// Where the user asked to go.
    pub fn into_leaving(self) -> Leaving {
        self.leaving
    }

    /// What the answer `choice` means, once what could be saved is saved: `left` is the work
    /// still unsaved then, `conflict` whether two versions of a file wait for a choice, and
    /// `order_in_front` whether the orders screen's unsaved work is the one in front.
    pub fn settle(
        self,
        choice: Choice,
        left: &[(Section, Unsaved)],
        conflict: bool,
        order_in_front: bool,
    ) -> Settled {
        if choice == Choice::Discard || (left.is_empty() && !conflict) {
            return Settled::Go(self.leaving);
        }
        // Stay, or a save failed: show the first screen still holding work, and why.
        let Some((section, unsaved)) = left.first() else {
            return Settled::Stay;
        };
        let front = match unsaved {
            _ if order_in_front => None,
            Unsaved::NewOrder => Some(orders::Message::New),
            Unsaved::Check(id) | Unsaved::Defect(id) | Unsaved::Contact(id)
                if *section == Section::Orders =>
            {
                Some(orders::Message::Select(id.clone()))
            }
            // "Import CSV…" brings back a preview set aside.
            Unsaved::OrderImport(_) => Some(orders::Message::Files(orders::files::Message::Import)),
            _ => None,
        };
        Settled::Show(*section, front)
    }
}

/// What the window does with the answer.
#[derive(Debug)]
pub(super) enum Settled {
    /// Go where the user asked.
    Go(Leaving),
    /// Stay on this screen, bringing this work of the orders screen to its front.
    Show(Section, Option<orders::Message>),
    /// Stay as it is.
    Stay,
}

/// The question, with what is unsaved where and the three answers.
pub(super) fn question_view<'a>(
    question: &'a Question,
    words: &'static Text,
) -> Element<'a, Message> {
    let (title, save, discard) = match question.leaving {
        Leaving::Close => (
            words.unsaved_close,
            words.save_and_close,
            words.close_without_saving,
        ),
        Leaving::Open(..) | Leaving::Start => (
            words.unsaved_switch,
            words.save_and_switch,
            words.switch_without_saving,
        ),
        Leaving::Reload => (
            words.unsaved_reload,
            words.save_and_reload,
            words.reload_without_saving,
        ),
    };
    let items = question.unsaved.iter().map(|(section, unsaved)| {
        iced::widget::text(format!(
            "• {}: {}",
            section_name(*section, words),
            describe(unsaved, words)
        ))
        .into()
    });
    column![
        container(iced::widget::text(title).size(theme::TEXT_HEADING))
            .padding(theme::SPACE_S)
            .style(theme::warning_box)
            .width(Length::Fill),
        column(items).spacing(theme::SPACE_XS),
        row![
            button(iced::widget::text(save)).on_press(Message::Leave(Choice::Save)),
            button(iced::widget::text(discard))
                .on_press(Message::Leave(Choice::Discard))
                .style(button::danger),
            button(iced::widget::text(words.keep_working))
                .on_press(Message::Leave(Choice::Stay))
                .style(button::secondary),
        ]
        .spacing(theme::SPACE_S),
    ]
    .spacing(theme::SPACE_M)
    .padding(theme::SPACE_L)
    .max_width(720)
    .into()
}

fn section_name(section: Section, words: &'static Text) -> &'static str {
    match section {
        Section::ToRead => crate::ui::screen::reading::ReadingWords::of(words.language()).to_read,
        Section::Procedures => words.procedures,
        Section::Checklists => words.checklists,
        Section::Orders => words.orders,
        Section::Defects => words.defects,
        Section::Dashboard => words.dashboard,
        Section::Manual => words.print_manual,
        Section::Training => crate::ui::screen::training::MatrixWords::of(words.language()).title,
        Section::Problems => words.problems,
        Section::Settings => words.settings,
    }
}

/// What the unsaved work is, in a few words.
fn describe(unsaved: &Unsaved, words: &'static Text) -> String {
    let on = |text: &str, order: &str| fill(text, &[("order", order)]);
    match unsaved {
        Unsaved::Record(title) => format!("“{title}”"),
        Unsaved::NewOrder => words.unsaved_new_order.to_owned(),
        Unsaved::Check(order) => on(words.unsaved_check, order),
        Unsaved::Defect(order) => on(words.unsaved_defect, order),
        Unsaved::Contact(order) => on(words.unsaved_contact, order),
        Unsaved::ProcedureImport(Some(file)) => {
            fill(words.unsaved_procedure_import, &[("file", file)])
        }
        Unsaved::ProcedureImport(None) => words.unsaved_pasted_import.to_owned(),
        Unsaved::PastedText => words.unsaved_pasted_text.to_owned(),
        Unsaved::OrderImport(file) => fill(words.unsaved_order_import, &[("file", file)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(unsaved: Vec<(Section, Unsaved)>) -> Question {
        Question::before(&Leaving::Close, unsaved).expect("work is unsaved")
    }

    #[test]
    fn nothing_unsaved_goes_without_asking() {
        assert!(Question::before(&Leaving::Close, Vec::new()).is_none());
    }

    #[test]
    fn discard_goes_even_with_work_left() {
        let left = vec![(Section::Procedures, Unsaved::Record("Cones".into()))];
        let settled = asked(left.clone()).settle(Choice::Discard, &left, true, false);
        assert!(matches!(settled, Settled::Go(Leaving::Close)));
    }

    #[test]
    fn save_goes_once_everything_is_saved() {
        let question = asked(vec![(Section::Orders, Unsaved::NewOrder)]);
        let settled = question.settle(Choice::Save, &[], false, false);
        assert!(matches!(settled, Settled::Go(Leaving::Close)));
    }

    #[test]
    fn a_conflict_after_saving_keeps_the_window() {
        let question = asked(vec![(Section::Orders, Unsaved::NewOrder)]);
        let settled = question.settle(Choice::Save, &[], true, false);
        assert!(matches!(settled, Settled::Stay));
    }

    #[test]
    fn a_failed_save_shows_the_work_left_on_its_screen() {
        let left = vec![
            (Section::Orders, Unsaved::Defect("2026-0007".into())),
            (Section::Defects, Unsaved::Defect("2026-0001".into())),
        ];
        let settled = asked(left.clone()).settle(Choice::Save, &left, false, false);
        let Settled::Show(Section::Orders, Some(orders::Message::Select(id))) = settled else {
            panic!("expected the order brought to the front, got {settled:?}");
        };
        assert_eq!(id, "2026-0007");
    }

    #[test]
    fn stay_keeps_the_orders_work_in_front_where_it_is() {
        let left = vec![(Section::Orders, Unsaved::Check("2026-0003".into()))];
        let settled = asked(left.clone()).settle(Choice::Stay, &left, false, true);
        assert!(matches!(settled, Settled::Show(Section::Orders, None)));
        let new = vec![(Section::Orders, Unsaved::NewOrder)];
        let settled = asked(new.clone()).settle(Choice::Stay, &new, false, false);
        assert!(matches!(
            settled,
            Settled::Show(Section::Orders, Some(orders::Message::New))
        ));
    }

    #[test]
    fn stay_brings_back_a_preview_set_aside() {
        let left = vec![(Section::Orders, Unsaved::OrderImport("kassa.csv".into()))];
        let settled = asked(left.clone()).settle(Choice::Stay, &left, false, false);
        assert!(matches!(
            settled,
            Settled::Show(
                Section::Orders,
                Some(orders::Message::Files(orders::files::Message::Import))
            )
        ));
    }

    #[test]
    fn stay_on_an_editor_shows_that_editor() {
        let left = vec![(Section::Checklists, Unsaved::Record("Cone check".into()))];
        let settled = asked(left.clone()).settle(Choice::Stay, &left, false, false);
        assert!(matches!(settled, Settled::Show(Section::Checklists, None)));
    }
}
