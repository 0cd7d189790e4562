//! Settings: language, look and desk code on this machine, and which workspace is open.

use iced::widget::{button, column, container, pick_list, row, text, text_input};
use iced::{Element, Length};

use super::file_place;
use super::{labelled, labelled_problem};
use crate::model::Desk;
use crate::ui::text::{Language, Text, Words};
use crate::ui::theme;

/// A pick-list entry with a translated label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice<T> {
    /// What is chosen.
    pub value: T,
    label: &'static str,
}

impl<T> std::fmt::Display for Choice<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label)
    }
}

/// The look: follow the system, or always light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// As the system says.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// From the config's `"light"` / `"dark"`.
    pub fn from_code(code: Option<&str>) -> Self {
        match code {
            Some("light") => ThemeChoice::Light,
            Some("dark") => ThemeChoice::Dark,
            _ => ThemeChoice::System,
        }
    }

    /// For the config file.
    pub fn code(self) -> Option<String> {
        match self {
            ThemeChoice::System => None,
            ThemeChoice::Light => Some("light".into()),
            ThemeChoice::Dark => Some("dark".into()),
        }
    }
}

/// What the user changed in the settings.
#[derive(Debug, Clone)]
pub enum Message {
    /// `None` follows the workspace.
    Language(Choice<Option<Language>>),
    /// The look.
    Theme(Choice<ThemeChoice>),
    /// Pick another workspace folder.
    OpenWorkspace,
    /// Make a new workspace in an empty folder.
    NewWorkspace,
    /// Type the path of a workspace folder instead of picking it in a dialog.
    TypePath,
    /// The typed folder path's field.
    Path(file_place::Message),
    /// The desk code as typed so far.
    DeskCode(String),
    /// Keep the typed desk code.
    SaveDeskCode,
}

/// This machine's desk code (FORMAT.md, "Two desks, one folder"), as the settings show it.
#[derive(Debug, Clone, Default)]
pub struct DeskLine {
    /// The code kept in this machine's settings; `None` before one is picked.
    pub kept: Option<String>,
    /// What is typed in its place; `None` while nothing is.
    pub typed: Option<String>,
    /// Whether the person at the keyboard may change it: an owner.
    pub may_change: bool,
}

impl DeskLine {
    /// The typed code, when it is one the model takes and not the one kept.
    pub fn to_keep(&self) -> Option<Desk> {
        let typed = self.typed.as_deref()?;
        Desk::parse(typed).filter(|_| self.kept.as_deref() != Some(typed))
    }

    fn view<'a>(&self, words: &'static Text) -> Element<'a, Message> {
        let hint = text(words.desk_code_hint)
            .size(theme::TEXT_SMALL)
            .style(theme::muted);
        if !self.may_change {
            let kept = self.kept.clone().unwrap_or(words.desk_code_none.to_owned());
            let owner = text(words.desk_code_owner)
                .size(theme::TEXT_SMALL)
                .style(theme::muted);
            let line = column![text(kept), hint, owner].spacing(theme::SPACE_XS);
            return labelled(words.desk_code, line);
        }
        let shown = self.typed.as_deref().or(self.kept.as_deref()).unwrap_or("");
        let problem = self
            .typed
            .as_deref()
            .filter(|typed| Desk::parse(typed).is_none())
            .map(|_| words.desk_code_invalid.to_owned());
        let input = text_input("AB", shown)
            .id("desk-code")
            .on_input(Message::DeskCode)
            .on_submit(Message::SaveDeskCode)
            .width(80);
        let save = button(text(words.desk_code_save))
            .on_press_maybe(self.to_keep().map(|_| Message::SaveDeskCode))
            .style(button::secondary);
        let line = row![input, save].spacing(theme::SPACE_S);
        let none = self
            .kept
            .is_none()
            .then(|| text(words.desk_code_none).size(theme::TEXT_SMALL));
        let line = column![line, none, hint].spacing(theme::SPACE_XS);
        labelled_problem(words.desk_code, problem, line)
    }
}

/// The settings view, in the words of `shown_in`.
pub fn view<'a>(
    shown_in: Language,
    language: Option<Language>,
    theme_choice: ThemeChoice,
    folder: String,
    desk: &DeskLine,
) -> Element<'a, Message> {
    let words = shown_in.text();
    let languages = [
        Choice {
            value: None,
            label: words.language_workspace,
        },
        Choice {
            value: Some(Language::En),
            label: "English",
        },
        Choice {
            value: Some(Language::Nl),
            label: "Nederlands",
        },
    ];
    let looks = [
        Choice {
            value: ThemeChoice::System,
            label: words.theme_system,
        },
        Choice {
            value: ThemeChoice::Light,
            label: words.theme_light,
        },
        Choice {
            value: ThemeChoice::Dark,
            label: words.theme_dark,
        },
    ];
    let language = languages.iter().copied().find(|c| c.value == language);
    let look = looks.iter().copied().find(|c| c.value == theme_choice);
    column![
        text(words.settings).size(theme::TEXT_TITLE),
        labelled(
            words.language,
            container(pick_list(languages, language, Message::Language).width(280)).id("language")
        ),
        labelled(
            words.theme,
            pick_list(looks, look, Message::Theme).width(280)
        ),
        desk.view(words),
        labelled(words.workspace_folder, text(folder)),
        row![
            file_place::pick_buttons(
                button(text(words.open_other))
                    .on_press(Message::OpenWorkspace)
                    .style(button::secondary),
                shown_in,
                Message::TypePath,
            ),
            button(text(words.new_workspace))
                .on_press(Message::NewWorkspace)
                .style(button::secondary),
        ]
        .spacing(theme::SPACE_S),
    ]
    .spacing(theme::SPACE_L)
    .padding(theme::SPACE_XL)
    .width(Length::Fill)
    .into()
}
