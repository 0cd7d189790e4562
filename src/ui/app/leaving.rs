//! Letting the workspace go, by closing the window or opening another, while work on some
//! screen is not saved yet: the question first, and saving everything before going.

use std::path::PathBuf;

use iced::widget::{button, column, container, row};
use iced::{Element, Length, Task};

use super::{App, Message, Phase, Section, create_workspace};
use crate::ui::screen::{Unsaved, defects, editor, orders};
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

impl App {
    /// Saves each screen's unsaved work as its own Save would; what cannot be saved stays
    /// unsaved, with the reason on its screen.
    fn save_all(&mut self) {
        let Some(desk) = self.desk() else {
            return;
        };
        let procedures = desk.procedures.unsaved().is_some();
        let checklists = desk.checklists.unsaved().is_some();
        let (parked, new) = desk.orders.parked();
        if procedures {
            let _ = self.update(Message::Procedures(editor::Message::Save));
        }
        if checklists {
            let _ = self.update(Message::Checklists(editor::Message::Save));
        }
        // The orders' work in front, then each piece set aside, brought to the front in turn.
        self.save_order_in_front();
        if new {
            let _ = self.update(Message::Orders(orders::Message::New));
            self.save_order_in_front();
        }
        for id in parked {
            let _ = self.update(Message::Orders(orders::Message::Select(id)));
            self.save_order_in_front();
        }
        if self
            .desk()
            .is_some_and(|desk| desk.defects.unsaved().is_some())
        {
            let _ = self.update(Message::Defects(defects::Message::Save));
        }
    }

    /// Saves the orders screen's work in front, if it is unsaved.
    fn save_order_in_front(&mut self) {
        let save = self
            .desk()
            .filter(|desk| desk.orders.unsaved_in_front())
            .and_then(|desk| desk.orders.save_message());
        if let Some(message) = save {
            let _ = self.update(Message::Orders(message));
        }
    }
}

impl App {
    /// Goes where the user asked, asking first when that would drop unsaved work.
    pub(super) fn leave(&mut self, leaving: Leaving) -> Task<Message> {
        if let Phase::Open(desk) = &self.phase {
            let unsaved = desk.unsaved();
            if !unsaved.is_empty() {
                self.question = Some(Question { leaving, unsaved });
                return Task::none();
            }
        }
        self.go(leaving)
    }

    fn go(&mut self, leaving: Leaving) -> Task<Message> {
        self.question = None;
        match leaving {
            Leaving::Close => iced::exit(),
            Leaving::Open(path, new) => {
                if new && let Err(error) = create_workspace(&path, self.me()) {
                    self.notice = Some(error);
                    return Task::none();
                }
                self.opening(path)
            }
            Leaving::Reload => match &self.phase {
                Phase::Open(desk) => {
                    self.reopen_on = Some(desk.section);
                    let path = desk.folder.root().to_path_buf();
                    self.opening(path)
                }
                _ => Task::none(),
            },
        }
    }

    /// Carries out the answer to the question.
    pub(super) fn answer(&mut self, choice: Choice) -> Task<Message> {
        let Some(question) = self.question.take() else {
            return Task::none();
        };
        if choice == Choice::Save {
            self.save_all();
        }
        let Some(desk) = self.desk() else {
            return self.go(question.leaving);
        };
        let left = desk.unsaved();
        if choice == Choice::Discard || (left.is_empty() && desk.conflict.is_none()) {
            return self.go(question.leaving);
        }
        // Stay, or a save failed: show the first screen still holding work, and why.
        let Some((section, unsaved)) = left.first() else {
            return Task::none();
        };
        desk.section = *section;
        if desk.orders.unsaved_in_front() {
            return Task::none();
        }
        let front = match unsaved {
            Unsaved::NewOrder => orders::Message::New,
            Unsaved::Check(id) | Unsaved::Defect(id) | Unsaved::Contact(id)
                if *section == Section::Orders =>
            {
                orders::Message::Select(id.clone())
            }
            _ => return Task::none(),
        };
        let _ = self.update(Message::Orders(front));
        Task::none()
    }

    /// Whether the question is showing.
    pub(super) fn is_asking(&self) -> bool {
        self.question.is_some()
    }
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
        Leaving::Open(..) => (
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
        Section::Procedures => words.procedures,
        Section::Checklists => words.checklists,
        Section::Orders => words.orders,
        Section::Defects => words.defects,
        Section::Dashboard => words.dashboard,
        Section::Manual => words.print_manual,
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
    }
}
