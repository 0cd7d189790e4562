//! Settings: language and look on this machine, and which workspace is open.

use iced::widget::{button, column, container, pick_list, row, text};
use iced::{Element, Length};

use super::file_place;
use super::labelled;
use crate::ui::text::{Language, Words};
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
}

/// The settings view, in the words of `shown_in`.
pub fn view<'a>(
    shown_in: Language,
    language: Option<Language>,
    theme_choice: ThemeChoice,
    folder: String,
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
