//! The note above an order or the form in front: what happened, said in the language of
//! the moment it is drawn.

use iced::Length;
use iced::widget::{Column, column, container, text};

use super::words::OrderWords;
use super::{Message, Orders, Pane, Work, files};
use crate::ui::screen::{Context, file_place};
use crate::ui::text::{Text, fill};
use crate::ui::theme;

/// A line above the order: what just happened, or what went wrong.
#[derive(Debug, Clone)]
pub(super) enum Note {
    Error(String),
    /// The screen's own words, picked from its table in the language of the moment the
    /// note is drawn: switching languages changes a note already on screen.
    DoneWord(fn(&OrderWords) -> &'static str),
    ErrorWord(fn(&OrderWords) -> &'static str),
    /// One of the window's words, in the language of the moment the note is drawn.
    WindowWord(fn(&Text) -> &'static str),
    /// A CSV import's counts, said in the language of the moment the note is drawn.
    Imported(crate::import::Summary),
    /// Saving the form in front was refused: why, as it stands now.
    Refused,
    /// A document written there.
    Written(std::path::PathBuf),
}

impl Orders {
    /// The note above the order: what happened, or why the form in front cannot be
    /// saved, in the words of now; and the typed path field while it is open.
    pub(super) fn note(&self, ctx: &Context) -> Column<'_, Message> {
        let language = ctx.language;
        let words = OrderWords::of(language);
        let note = self.message.as_ref().and_then(|note| {
            let (message, style): (String, fn(&iced::Theme) -> container::Style) = match note {
                Note::Error(message) => (message.clone(), theme::error_box),
                Note::DoneWord(word) => (word(words).to_owned(), theme::notice_box),
                Note::ErrorWord(word) => (word(words).to_owned(), theme::error_box),
                Note::WindowWord(word) => (word(ctx.words).to_owned(), theme::error_box),
                Note::Imported(summary) => (
                    fill(
                        words.imported,
                        &[
                            ("imported", &summary.imported.to_string()),
                            ("skipped", &summary.skipped.to_string()),
                        ],
                    ),
                    theme::notice_box,
                ),
                Note::Refused => (self.refusal(ctx)?, theme::error_box),
                Note::Written(path) => {
                    return Some(
                        file_place::saved_view(path, language)
                            .map(|m| Message::Files(files::Message::Document(m))),
                    );
                }
            };
            Some(
                container(text(message))
                    .padding(theme::SPACE_S)
                    .width(Length::Fill)
                    .style(style)
                    .into(),
            )
        });
        column![self.typed_view(language), note].spacing(theme::SPACE_S)
    }

    /// Why the new order, contact or defect in front cannot be saved, in the words of now.
    fn refusal(&self, ctx: &Context) -> Option<String> {
        let words = OrderWords::of(ctx.language);
        match &self.pane {
            Pane::New(form) => form.finish(ctx.records, ctx.language).err(),
            Pane::Order(Work::Contact(form)) => form.finish(ctx.now, words).err(),
            Pane::Order(Work::Defect { form, .. }) => form.finish(ctx).err(),
            _ => None,
        }
    }
}
