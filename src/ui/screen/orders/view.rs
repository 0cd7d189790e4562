//! What the orders screen draws: the list beside the order, and the order's checks,
//! defects and contacts.

use iced::widget::{
    Column, button, checkbox, column, container, pick_list, progress_bar, row, scrollable, space,
    text, text_input,
};
use iced::{Alignment, Element, Length};

use super::contact::{CHANNELS, ChannelChoice, channel_name};
use super::overview::overview;
use super::words::{OrderWords, state_badge};
use super::{Filter, Message, Orders, Pane, Work, files};
use crate::model::Order;
use crate::ui::screen::{Context, file_place, labelled, offered_or, rows};
use crate::ui::text::fill;
use crate::ui::theme::{self, Badge};

const FILTERS: [Filter; 5] = [
    Filter::All,
    Filter::NotChecked,
    Filter::CheckFailed,
    Filter::OpenDefects,
    Filter::OverAlarm,
];

fn filter_name(filter: Filter, words: &OrderWords) -> &'static str {
    match filter {
        Filter::All => words.filter_all,
        Filter::NotChecked => words.filter_unchecked,
        Filter::CheckFailed => words.filter_failed,
        Filter::OpenDefects => words.filter_open,
        Filter::OverAlarm => words.filter_alarm,
    }
}

pub(super) fn badge<'a>(label: impl text::IntoFragment<'a>, kind: Badge) -> Element<'a, Message> {
    container(text(label).size(theme::TEXT_SMALL))
        .padding([theme::BADGE_PADDING, theme::SPACE_S])
        .style(theme::badge(kind))
        .into()
}

pub(super) fn heading<'a>(label: impl text::IntoFragment<'a>) -> Element<'a, Message> {
    text(label).size(theme::TEXT_HEADING).into()
}

impl Orders {
    /// The screen: the list, and the selected order or form beside it.
    pub fn view<'a>(&'a self, ctx: Context<'a>, search: &'a str) -> Element<'a, Message> {
        let words = OrderWords::of(ctx.language);
        let pane: Element<'a, Message> = match &self.pane {
            // No orders at all: what to do first.
            Pane::Empty if ctx.records.orders.is_empty() => column![
                self.note(&ctx),
                text(words.first_order).size(theme::TEXT_HEADING)
            ]
            .spacing(theme::SPACE_M)
            .padding([theme::SPACE_S, 0.0])
            .into(),
            Pane::Empty => column![self.note(&ctx), text(words.pick_order).style(theme::muted)]
                .spacing(theme::SPACE_M)
                .padding([theme::SPACE_S, 0.0])
                .into(),
            Pane::New(form) => self.new_order(form, ctx, words),
            Pane::Intake(intake) => column![
                self.note(&ctx),
                intake
                    .view(&ctx)
                    .map(|m| Message::Files(files::Message::Intake(m)))
            ]
            .spacing(theme::SPACE_M)
            .padding([theme::SPACE_S, 0.0])
            .into(),
            Pane::Order(work) => match self.order(&ctx) {
                Some(order) => self.order_pane(order, work, ctx, words),
                None => container(text(words.pick_order).style(theme::muted))
                    .padding(theme::SPACE_XL)
                    .into(),
            },
        };
        row![
            self.list(ctx, search, words),
            container(pane).width(Length::Fill).height(Length::Fill)
        ]
        .spacing(theme::SPACE_L)
        .padding([0.0, theme::SPACE_L])
        .into()
    }

    fn list<'a>(
        &'a self,
        ctx: Context<'a>,
        search: &str,
        words: &'static OrderWords,
    ) -> Element<'a, Message> {
        let (shown, count) = self.listed(&ctx, search);
        let mut list = Column::new().spacing(theme::LIST_GAP);
        let mut month = String::new();
        for order in shown {
            let this_month = order.placed.month_folder();
            if this_month != month {
                list = list.push(
                    container(text(this_month.clone()).size(theme::TEXT_SMALL))
                        .padding([theme::SPACE_S, 0.0]),
                );
                month = this_month;
            }
            list = list.push(self.list_entry(order, ctx, words));
        }
        if count == 0 {
            list = list.push(text(words.no_orders).style(theme::muted));
        }
        let end = rows::end(
            &self.rows,
            count,
            ctx.words,
            Message::More,
            words.more_orders,
        );
        if let Some(end) = end {
            list = list.push(end);
        }
        let filters =
            FILTERS
                .iter()
                .fold(Column::new().spacing(theme::LIST_GAP), |column, filter| {
                    column.push(
                        button(text(filter_name(*filter, words)).size(theme::TEXT_SMALL))
                            .width(Length::Fill)
                            .padding([theme::BADGE_PADDING, theme::SPACE_S])
                            .style(theme::nav(self.filter == *filter))
                            .on_press(Message::Filter(*filter)),
                    )
                });
        let import = self.import.map(|(done, total)| {
            column![
                progress_bar(0.0..=total.max(1) as f32, done as f32),
                text(fill(
                    words.importing,
                    &[("done", &done.to_string()), ("total", &total.to_string())]
                ))
                .size(theme::TEXT_SMALL)
                .style(theme::muted)
            ]
            .spacing(theme::SPACE_XS)
        });
        column![
            row![
                button(text(words.new_order))
                    .on_press(Message::New)
                    .style(button::primary),
                file_place::pick_buttons(
                    button(text(self.import_label(words)))
                        .on_press_maybe(
                            self.import
                                .is_none()
                                .then_some(Message::Files(files::Message::Import))
                        )
                        .style(button::secondary),
                    ctx.language,
                    Message::Files(files::Message::TypeCsv),
                ),
            ]
            .spacing(theme::SPACE_S)
            // A narrow list puts the file buttons on a line of their own.
            .wrap()
            .vertical_spacing(theme::SPACE_S),
            import,
            filters,
            // Room on the right, so the scrollbar never covers a date.
            scrollable(container(list).padding(iced::Padding::ZERO.right(theme::SPACE_M)))
                .id(super::LIST_ID)
                .on_scroll(Message::Scrolled)
                .height(Length::Fill),
        ]
        .spacing(theme::SPACE_M)
        .width(ctx.room.list())
        .into()
    }

    /// The import button's words: a preview set aside is named, as the button brings it back.
    fn import_label(&self, words: &OrderWords) -> String {
        match &self.parked_intake {
            Some(intake) => fill(words.import_resume, &[("file", &intake.file_name())]),
            None => words.import_csv.to_owned(),
        }
    }

    fn list_entry<'a>(
        &self,
        order: &'a Order,
        ctx: Context<'a>,
        words: &'static OrderWords,
    ) -> Element<'a, Message> {
        let mut badges = row![].spacing(theme::SPACE_XS);
        badges = badges.push(match order.check_state(ctx.records) {
            None => badge(words.filter_unchecked, Badge::Draft),
            Some(state) => {
                let (state, kind) = state_badge(state, words);
                badge(state, kind)
            }
        });
        let open = order.open_defects();
        if open > 0 {
            badges = badges.push(badge(
                format!("{open} {}", words.state_open.to_lowercase()),
                Badge::Alarm,
            ));
        }
        if order.over_alarm(ctx.records.workspace.contacts_per_order_alarm) {
            badges = badges.push(badge(format!("{} ✆", order.contacts.len()), Badge::Alarm));
        }
        if self.is_parked(&order.id) {
            badges = badges.push(badge(words.work_not_saved, Badge::Draft));
        }
        let title = match &order.customer {
            Some(customer) => format!("{} · {customer}", order.product),
            None => order.product.to_string(),
        };
        button(
            column![
                row![
                    text(&order.id).size(theme::TEXT),
                    space::horizontal(),
                    text(order.placed.to_string())
                        .size(theme::TEXT_SMALL)
                        .style(theme::muted)
                ]
                .align_y(Alignment::Center),
                text(title).size(theme::TEXT_SMALL),
                badges,
            ]
            .spacing(theme::SPACE_XS),
        )
        .width(Length::Fill)
        .padding(theme::SPACE_S)
        .style(theme::nav(
            self.selected.as_deref() == Some(order.id.as_str()),
        ))
        .on_press(Message::Select(order.id.clone()))
        .into()
    }

    fn new_order<'a>(
        &'a self,
        form: &'a super::NewOrder,
        ctx: Context<'a>,
        words: &'static OrderWords,
    ) -> Element<'a, Message> {
        let id_problem = form.id_problem(ctx.records, ctx.language);
        let placed_problem = form
            .placed_problem()
            .map(|_| ctx.words.not_a_date.to_owned());
        let field_error = |problem: Option<String>| {
            problem.map(|p| text(p).size(theme::TEXT_SMALL).style(theme::error_text))
        };
        let content = column![
            text(words.new_order).size(theme::TEXT_TITLE),
            row![
                labelled(
                    words.order_number,
                    column![
                        text_input("2026-11-0001", &form.id)
                            .id("order-id")
                            .on_input(Message::NewId)
                            .on_submit(Message::SaveNew)
                            .padding(theme::SPACE_S),
                        field_error(id_problem)
                    ]
                ),
                labelled(
                    words.placed,
                    column![
                        text_input("YYYY-MM-DD", &form.placed)
                            .id("order-placed")
                            .on_input(Message::NewPlaced)
                            .on_submit(Message::SaveNew)
                            .padding(theme::SPACE_S),
                        field_error(placed_problem)
                    ]
                ),
            ]
            .spacing(theme::SPACE_M),
            labelled(
                words.product,
                text_input(words.product, &form.product)
                    .id("order-product")
                    .on_input(Message::NewProduct)
                    .on_submit(Message::SaveNew)
                    .padding(theme::SPACE_S)
            ),
            labelled(
                words.customer,
                text_input(words.customer, &form.customer)
                    .id("order-customer")
                    .on_input(Message::NewCustomer)
                    .on_submit(Message::SaveNew)
                    .padding(theme::SPACE_S)
            ),
            labelled(
                words.maker,
                container(
                    pick_list(
                        offered_or(&ctx, form.maker.as_ref().map(|p| p.id.as_str())),
                        form.maker.clone(),
                        Message::NewMaker
                    )
                    .width(theme::PICK_WIDTH * 2.0)
                )
                .id("order-maker")
            ),
            self.note(&ctx),
            row![
                button(text(words.save_order))
                    .on_press(Message::SaveNew)
                    .style(button::primary),
                button(text(words.cancel))
                    .on_press(Message::Close)
                    .style(button::secondary),
            ]
            .spacing(theme::SPACE_S),
        ]
        .spacing(theme::SPACE_M)
        .max_width(640);
        scrollable(container(content).padding([theme::SPACE_S, 0.0]))
            .height(Length::Fill)
            .into()
    }

    fn order_pane<'a>(
        &'a self,
        order: &'a Order,
        work: &'a Work,
        ctx: Context<'a>,
        words: &'static OrderWords,
    ) -> Element<'a, Message> {
        let header = order_header(order, ctx, words);
        let body: Element<'a, Message> = match work {
            Work::Overview => overview(order, ctx, words),
            Work::Check(runner) => runner.view(order, ctx).map(Message::Check),
            Work::Defect {
                form,
                proposals,
                proposed,
            } => {
                let intro = proposed.then(|| {
                    container(text(fill(
                        words.proposal,
                        &[("left", &(proposals.len() + 1).to_string())],
                    )))
                    .padding(theme::SPACE_S)
                    .width(Length::Fill)
                    .style(theme::warning_box)
                });
                let buttons = if *proposed {
                    row![
                        button(text(words.confirm_defect))
                            .on_press(Message::SaveDefect)
                            .style(button::primary),
                        button(text(words.skip_defect))
                            .on_press(Message::SkipProposal)
                            .style(button::secondary),
                    ]
                } else {
                    row![
                        button(text(words.save_defect))
                            .on_press(Message::SaveDefect)
                            .style(button::primary),
                        button(text(words.back))
                            .on_press(Message::Close)
                            .style(button::secondary),
                    ]
                };
                column![
                    intro,
                    buttons.spacing(theme::SPACE_S),
                    form.view(Some(order), ctx).map(Message::Defect),
                ]
                .spacing(theme::SPACE_M)
                .into()
            }
            Work::Contact(form) => contact_form(form, ctx, words),
        };
        scrollable(
            // The note has a column of its own, present or not: the forms below keep their
            // place in the widget tree, and a field being typed in its focus.
            column![header, self.note(&ctx), body]
                .spacing(theme::SPACE_M)
                .padding(
                    iced::Padding::new(theme::SPACE_S)
                        .right(theme::SPACE_M)
                        .bottom(theme::SPACE_XL)
                        .left(0.0),
                ),
        )
        .height(Length::Fill)
        .into()
    }
}

fn order_header<'a>(
    order: &'a Order,
    ctx: Context<'a>,
    words: &'static OrderWords,
) -> Element<'a, Message> {
    let facts = [
        (words.placed, order.placed.to_string()),
        (words.customer, order.customer.clone().unwrap_or_default()),
        (words.maker, ctx.name_of(&order.made_by)),
    ];
    let facts = facts
        .into_iter()
        .fold(row![].spacing(theme::SPACE_XL), |row, (label, value)| {
            row.push(
                column![
                    text(label).size(theme::TEXT_SMALL).style(theme::muted),
                    text(value)
                ]
                .spacing(2),
            )
        });
    column![
        text(&order.id).size(theme::TEXT_SMALL).style(theme::muted),
        text(order.product.as_str())
            .size(theme::TEXT_TITLE)
            .width(Length::Fill),
        facts
    ]
    .spacing(theme::SPACE_S)
    .into()
}

fn contact_form<'a>(
    form: &'a super::ContactForm,
    ctx: Context<'a>,
    words: &'static OrderWords,
) -> Element<'a, Message> {
    let channels: Vec<ChannelChoice> = CHANNELS
        .iter()
        .map(|channel| ChannelChoice {
            channel: *channel,
            name: channel_name(*channel, words),
        })
        .collect();
    let chosen = ChannelChoice {
        channel: form.channel,
        name: channel_name(form.channel, words),
    };
    column![
        text(words.log_contact).size(theme::TEXT_HEADING),
        row![
            labelled(
                words.channel,
                pick_list(channels, Some(chosen), |c| Message::ContactChannel(
                    c.channel
                ))
                .width(theme::PICK_WIDTH)
            ),
            labelled(
                words.taken_by,
                pick_list(
                    offered_or(&ctx, form.by.as_ref().map(|p| p.id.as_str())),
                    form.by.clone(),
                    Message::ContactBy
                )
                .width(theme::PICK_WIDTH * 1.5)
            ),
        ]
        .spacing(theme::SPACE_M),
        labelled(
            words.about,
            text_input(words.about_hint, &form.about)
                .id("contact-about")
                .on_input(Message::ContactAbout)
                .on_submit(Message::SaveContact)
                .padding(theme::SPACE_S)
        ),
        checkbox(form.apology)
            .label(words.apology)
            .on_toggle(Message::ContactApology),
        row![
            button(text(words.save_contact))
                .on_press(Message::SaveContact)
                .style(button::primary),
            button(text(words.back))
                .on_press(Message::Close)
                .style(button::secondary),
        ]
        .spacing(theme::SPACE_S),
    ]
    .spacing(theme::SPACE_M)
    .max_width(640)
    .into()
}
