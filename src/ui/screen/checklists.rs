//! Checklists: the list and the editor of QC checklists.

use iced::widget::{Column, button, column, container, row, scrollable, text};
use iced::{Element, Length};

use super::Context;
use crate::model::Checklist;
use crate::ui::theme;

/// The checklists screen.
#[derive(Debug, Default)]
pub struct Checklists {
    selected: Option<String>,
}

/// What the user did on the checklists screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// Open a checklist.
    Select(String),
}

impl Checklists {
    /// Handles a message.
    pub fn update(&mut self, message: Message) {
        match message {
            Message::Select(id) => self.selected = Some(id),
        }
    }

    /// Whether a checklist matches the search: title, id or any prompt.
    pub fn matches(checklist: &Checklist, needle: &str) -> bool {
        let hit = |haystack: &str| haystack.to_lowercase().contains(needle);
        needle.is_empty()
            || hit(&checklist.title)
            || hit(&checklist.id)
            || checklist.items.iter().any(|i| hit(&i.prompt))
    }

    /// The list and the selected checklist.
    pub fn view<'a>(&'a self, ctx: Context<'a>, search: &str) -> Element<'a, Message> {
        let needle = search.trim().to_lowercase();
        let mut list = Column::new().spacing(2);
        for checklist in ctx
            .records
            .checklists
            .iter()
            .filter(|c| Checklists::matches(c, &needle))
        {
            let selected = self.selected.as_deref() == Some(checklist.id.as_str());
            list = list.push(
                button(text(&checklist.title))
                    .width(Length::Fill)
                    .style(theme::nav(selected))
                    .on_press(Message::Select(checklist.id.clone())),
            );
        }
        let detail: Element<'a, Message> = match self
            .selected
            .as_deref()
            .and_then(|id| ctx.records.checklist(id))
        {
            None => text(ctx.words.nothing_selected_checklist)
                .style(theme::muted)
                .into(),
            Some(checklist) => {
                let mut items = Column::new().spacing(theme::SPACE_S);
                for (n, item) in checklist.items.iter().enumerate() {
                    items = items.push(text(format!("{}. {}", n + 1, item.prompt)));
                }
                column![text(&checklist.title).size(theme::TEXT_TITLE), items]
                    .spacing(theme::SPACE_M)
                    .into()
            }
        };
        row![
            scrollable(list).width(theme::LIST_WIDTH),
            container(detail)
                .padding(theme::SPACE_L)
                .width(Length::Fill)
        ]
        .spacing(theme::SPACE_L)
        .padding(theme::SPACE_L)
        .into()
    }
}
