//! What the defect log looks like: filters and counts above the list, the form beside it.

use iced::widget::{
    Column, button, checkbox, column, container, pick_list, row, scrollable, space, text,
};
use iced::{Alignment, Element, Length};

use super::log::{self, Entry, ProcedureFilter};
use super::widgets::{badge, option, state_badge};
use super::words::DefectWords;
use super::{Choice, Defects, Message, Open, Said, form, place};
use crate::model::{DefectState, category_name};
use crate::ui::screen::revision::message_box;
use crate::ui::screen::{Context, rows};
use crate::ui::text::fill;
use crate::ui::theme::{self, Badge};

/// A description in the list shows about this many characters.
const DESCRIPTION_CHARS: usize = 90;

impl Defects {
    /// The screen, filtered by `search`.
    pub fn view<'a>(&'a self, ctx: Context<'a>, search: &'a str) -> Element<'a, Message> {
        let words = DefectWords::of(ctx.language);
        // Kept by `derive` after the last message; worked out here only where it was not.
        let worked_out;
        let (places, counts) = match self.listed.get(&ctx, &self.filter, search) {
            Some(kept) => kept,
            None => {
                let kept = log::kept(ctx.records, &self.filter, ctx.today);
                worked_out = log::searched(ctx.records, &kept, search);
                let entries = worked_out.iter().map(|p| log::entry(ctx.records, *p));
                (worked_out.as_slice(), log::counts(entries, ctx.today))
            }
        };
        let template = match counts.total {
            1 => words.counts_one,
            _ => words.counts,
        };
        let counts = fill(
            template,
            &[
                ("total", &counts.total.to_string()),
                ("open", &counts.open.to_string()),
                ("overdue", &counts.overdue.to_string()),
            ],
        );
        let mut rows = Column::new().spacing(theme::LIST_GAP);
        for place in places.iter().take(self.rows.shown(places.len())) {
            rows = rows.push(self.row_view(log::entry(ctx.records, *place), &ctx, words));
        }
        if places.is_empty() {
            rows = rows.push(text(words.no_defects).style(theme::muted));
        }
        if let Some(end) = rows::end(
            &self.rows,
            places.len(),
            ctx.words,
            Message::More,
            words.more_defects,
        ) {
            rows = rows.push(end);
        }
        let list = column![
            text(words.title).size(theme::TEXT_TITLE),
            self.filters(&ctx, words),
            text(counts).size(theme::TEXT_SMALL).style(theme::muted),
            scrollable(rows)
                .on_scroll(Message::Scrolled)
                .spacing(theme::SPACE_XS)
                .height(Length::Fill),
        ]
        .spacing(theme::SPACE_M)
        .width(ctx.room.defect_list());

        let main: Element<'a, Message> = match &self.open {
            Some(open) => self.editor(open, ctx, words),
            None => container(text(words.pick_defect).style(theme::muted))
                .padding(theme::SPACE_XL)
                .into(),
        };
        row![
            list,
            container(main).width(Length::Fill).height(Length::Fill)
        ]
        .spacing(theme::SPACE_L)
        .padding(theme::SPACE_L)
        .into()
    }

    fn filters<'a>(
        &'a self,
        ctx: &Context<'a>,
        words: &'static DefectWords,
    ) -> Element<'a, Message> {
        let filter = &self.filter;
        let mut states = row![].spacing(theme::SPACE_XS);
        for (state, label, id) in [
            (None, words.state_all, "defects-state-all"),
            (
                Some(DefectState::Open),
                words.state_open,
                "defects-state-open",
            ),
            (
                Some(DefectState::Fixed),
                words.state_fixed,
                "defects-state-fixed",
            ),
            (
                Some(DefectState::Verified),
                words.state_verified,
                "defects-state-verified",
            ),
        ] {
            states = states.push(option(
                text(label).size(theme::TEXT_SMALL),
                filter.state == state,
                Message::State(state),
                id,
            ));
        }

        let worked_out;
        let (named_categories, named_procedures) = match self.listed.named(ctx) {
            Some(named) => named,
            None => {
                let procedures = log::procedures(ctx.records).into_iter();
                worked_out = (
                    log::categories(ctx.records),
                    procedures.map(str::to_owned).collect::<Vec<_>>(),
                );
                (worked_out.0.as_slice(), worked_out.1.as_slice())
            }
        };
        let mut categories = vec![Choice::new(None, words.all_categories)];
        categories.extend(
            named_categories
                .iter()
                .map(|c| Choice::new(Some(c.clone()), category_name(c, ctx.language))),
        );
        let category = super::chosen(&categories, filter.category.as_deref());

        let mut procedures = vec![
            Choice::new(ProcedureFilter::All, words.all_procedures),
            Choice::new(ProcedureFilter::Unnamed, words.no_procedure),
        ];
        procedures.extend(named_procedures.iter().map(|id| {
            let title = place::procedure(ctx.records, id).map_or(id.as_str(), |p| p.title.as_str());
            Choice::new(
                ProcedureFilter::Is(id.to_owned()),
                place::cut(title, place::LABEL_CHARS),
            )
        }));
        let procedure = procedures
            .iter()
            .find(|c| c.value == filter.procedure)
            .cloned()
            .unwrap_or_else(|| procedures[0].clone());

        column![
            states,
            row![
                container(
                    pick_list(categories, Some(category), |c: Choice<Option<String>>| {
                        Message::Category(c.value)
                    })
                    .text_size(theme::TEXT_SMALL)
                    .width(Length::Fill)
                )
                .id("defects-category")
                .width(Length::FillPortion(2)),
                container(
                    pick_list(procedures, Some(procedure), |c: Choice<ProcedureFilter>| {
                        Message::Procedure(c.value)
                    })
                    .text_size(theme::TEXT_SMALL)
                    .width(Length::Fill)
                )
                .id("defects-procedure")
                .width(Length::FillPortion(3)),
            ]
            .spacing(theme::SPACE_S),
            container(
                checkbox(filter.overdue_only)
                    .label(words.overdue_only)
                    .on_toggle(Message::OverdueOnly)
                    .text_size(theme::TEXT_SMALL)
            )
            .id("defects-overdue"),
        ]
        .spacing(theme::SPACE_S)
        .into()
    }

    /// One defect: when, which order, category and severity, its state; what went wrong;
    /// and the procedure step it points at.
    fn row_view<'a>(
        &self,
        entry: Entry<'a>,
        ctx: &Context<'a>,
        words: &'static DefectWords,
    ) -> Element<'a, Message> {
        let defect = entry.defect;
        let selected = self.selected() == Some((entry.order.id.as_str(), defect.id.as_str()));
        let overdue = defect
            .is_overdue(ctx.today)
            .then(|| badge(words.overdue, Badge::Alarm));
        let place = place::place(
            ctx.records,
            defect.procedure.as_deref(),
            defect.step.as_deref(),
        );
        let place =
            (!place.is_empty()).then(|| text(place).size(theme::TEXT_SMALL).style(theme::muted));
        let content = column![
            row![
                text(defect.found.to_string())
                    .size(theme::TEXT_SMALL)
                    .style(theme::muted),
                text(&entry.order.id).size(theme::TEXT_SMALL),
                text(category_name(&defect.category, ctx.language)).size(theme::TEXT_SMALL),
                text(words.severity(defect.severity)).size(theme::TEXT_SMALL),
                space::horizontal(),
                overdue,
                state_badge(defect.state(), words),
            ]
            .spacing(theme::SPACE_S)
            .align_y(Alignment::Center),
            text(place::cut(&defect.description, DESCRIPTION_CHARS)),
            place,
        ]
        .spacing(theme::SPACE_XS);
        button(content)
            .width(Length::Fill)
            .padding(theme::SPACE_S)
            .style(theme::nav(selected))
            .on_press(Message::Select {
                order: entry.order.id.clone(),
                defect: defect.id.clone(),
            })
            .into()
    }

    /// The open defect: which order, saved or not, the buttons, and the form.
    fn editor<'a>(
        &'a self,
        open: &'a Open,
        ctx: Context<'a>,
        words: &'static DefectWords,
    ) -> Element<'a, Message> {
        let order = crate::ui::screen::order_near(ctx.records, &open.order, self.listed.open_at);
        let about = order.map(|order| {
            let about = match &order.customer {
                Some(customer) => format!("{} · {customer} · {}", order.product, order.placed),
                None => format!("{} · {}", order.product, order.placed),
            };
            text(about).size(theme::TEXT_SMALL).style(theme::muted)
        });
        let dirty = open.form.is_changed();
        let (can_undo, can_redo) = open.form.can_undo_redo();
        let saved = if dirty {
            text(words.unsaved)
                .size(theme::TEXT_SMALL)
                .style(theme::error_text)
        } else {
            text(words.saved)
                .size(theme::TEXT_SMALL)
                .style(theme::ok_text)
        };
        let toolbar = row![
            button(text(words.save))
                .on_press_maybe((dirty && !ctx.read_only).then_some(Message::Save))
                .style(button::primary),
            dirty.then(|| button(text(words.discard))
                .on_press(Message::Discard)
                .style(button::secondary)),
            button(text(ctx.words.undo))
                .on_press_maybe(can_undo.then_some(Message::Form(form::Message::Undo)))
                .style(button::secondary),
            button(text(ctx.words.redo))
                .on_press_maybe(can_redo.then_some(Message::Form(form::Message::Redo)))
                .style(button::secondary),
            saved,
            space::horizontal(),
            button(text(words.open_order))
                .on_press(Message::OpenOrder)
                .style(button::secondary),
        ]
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center);
        let title = fill(
            words.order_defect,
            &[("order", &open.order), ("defect", open.form.id())],
        );
        scrollable(
            column![
                column![text(title).size(theme::TEXT_TITLE), about].spacing(theme::SPACE_XS),
                // The message comes and goes with the toolbar as one child, so the form keeps
                // its place in the widget tree and the field being typed in its focus.
                column![
                    toolbar,
                    message_box(self.said(open, ctx)),
                    self.typed
                        .as_ref()
                        .map(|field| field.view(ctx.language).map(Message::PhotoPath)),
                ]
                .spacing(theme::SPACE_M),
                open.form
                    .view(
                        crate::ui::screen::order_near(
                            ctx.records,
                            &open.order,
                            self.listed.open_at
                        ),
                        ctx
                    )
                    .map(Message::Form),
            ]
            .spacing(theme::SPACE_M)
            .padding([theme::SPACE_S, theme::SPACE_L]),
        )
        .height(Length::Fill)
        .into()
    }
}

impl Defects {
    /// The message above the defect, in the language of now.
    fn said(&self, open: &Open, ctx: Context) -> Option<String> {
        let words = DefectWords::of(ctx.language);
        match self.message.as_ref()? {
            Said::Word(word) => Some(word(words).to_owned()),
            Said::Refused => open.form.finish(&ctx).err(),
            Said::Text(text) => Some(text.clone()),
            Said::WindowWord(word) => Some(word(ctx.words).to_owned()),
        }
    }
}
