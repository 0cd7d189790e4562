//! What the desk shows: the sidebar, and the screen in front, or the question or the two
//! versions of a file that stand in its place.

use iced::widget::{column, container, row};
use iced::{Element, Length};

use super::Desk;
use crate::ui::app::chrome::{changed_on_disk, conflict_view, sample_banner, sidebar, with_search};
use crate::ui::app::{Message, Section};
use crate::ui::screen::Context;
use crate::ui::theme;

impl Desk {
    /// The desk: the sidebar, and the screen in front (`settings` being the settings
    /// screen) unless a question or two versions of a file stand in its place.
    pub fn view<'a>(
        &'a self,
        ctx: Context<'a>,
        settings: Element<'a, Message>,
        question: Option<Element<'a, Message>>,
    ) -> Element<'a, Message> {
        let words = ctx.words;
        let unsaved: Vec<Section> = self.unsaved().into_iter().map(|(s, _)| s).collect();
        let main = match (question, &self.conflict) {
            (Some(question), _) => question,
            (None, Some(conflict)) => conflict_view(conflict, words),
            (None, None) => self.screen(ctx, settings),
        };
        // The note sits in a column of its own, present or not, so that the screen below
        // keeps its place in the widget tree, and the field being typed in its focus.
        let sample = crate::sample::is_sample(&self.folder.records().workspace);
        let banner = sample.then(|| sample_banner(words));
        // Nobody at the window yet: who they are comes first.
        if ctx.me.is_none() && !ctx.records.workspace.staff.is_empty() {
            let who = self.sign_in.view(ctx.records, ctx.today, words);
            return column![banner, who].into();
        }
        let changed = self.refreshing.is_none().then_some(&self.changed);
        let main = column![
            banner,
            column![
                changed.and_then(|c| changed_on_disk(c, words)),
                self.notes_view(words.language())
            ],
            main
        ];
        row![
            sidebar(
                &self.folder,
                self.section,
                &unsaved,
                ctx.me,
                words,
                ctx.room
            ),
            container(main).width(Length::Fill).height(Length::Fill)
        ]
        .into()
    }

    /// The screen in front, `settings` being the settings screen.
    fn screen<'a>(
        &'a self,
        ctx: Context<'a>,
        settings: Element<'a, Message>,
    ) -> Element<'a, Message> {
        let words = ctx.words;
        match self.section {
            Section::Procedures => self.procedures_view(ctx),
            Section::ToRead => self.reading.to_read_view(ctx).map(Message::Reading),
            Section::Checklists => with_search(
                &self.search,
                words,
                self.checklists
                    .view(ctx, &self.search)
                    .map(Message::Checklists),
            ),
            Section::Orders => with_search(
                &self.search,
                words,
                self.orders.view(ctx, &self.search).map(Message::Orders),
            ),
            Section::Defects => with_search(
                &self.search,
                words,
                self.defects.view(ctx, &self.search).map(Message::Defects),
            ),
            Section::Dashboard => self.dashboard.view(ctx).map(Message::Dashboard),
            Section::Manual => self.manual.view(ctx).map(Message::Manual),
            Section::Problems => self
                .problems
                .view(self.folder.findings(), words, self.folder.read_only())
                .map(Message::Problems),
            Section::Settings => self.business.page(ctx, settings, Message::Business),
        }
    }

    /// The procedures: the list, beside the procedure being read, or the editor.
    fn procedures_view<'a>(&'a self, ctx: Context<'a>) -> Element<'a, Message> {
        let reading = self
            .reading
            .view(ctx)
            .map(|read| read.map(Message::Reading));
        let screen = match reading {
            Some(read) => row![
                self.procedures
                    .list(ctx, &self.search)
                    .map(Message::Procedures),
                read
            ]
            .spacing(theme::SPACE_L)
            .padding(theme::SPACE_L)
            .into(),
            None => self
                .procedures
                .view(ctx, &self.search)
                .map(Message::Procedures),
        };
        with_search(&self.search, ctx.words, screen)
    }
}
