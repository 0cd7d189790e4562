//! What the preview draws: the kind of file, the mapping's pick lists, the maker, the date
//! order, the first orders or the rows to fix, and the buttons.

use iced::widget::{Column, button, checkbox, column, container, pick_list, row, scrollable, text};
use iced::{Element, Length};

use super::{Intake, MakerPick, Message, Pick, Preview};
use crate::import::Kind;
use crate::model::{DateOrder, Maker, counted};
use crate::ui::screen::orders::words::OrderWords;
use crate::ui::screen::{Context, labelled};
use crate::ui::text::fill;
use crate::ui::theme;

/// How many orders the preview shows, and how many lines of bad rows.
const SHOWN: usize = 8;

impl Intake {
    /// The preview: kind, mapping, maker, dates, first orders, bad rows, and the buttons.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let words = OrderWords::of(ctx.language);
        let name = self.file_name();
        let kind = match self.kind {
            Kind::RightFirst => words.kind_right_first,
            Kind::Shopify => words.kind_shopify,
            Kind::WooCommerce => words.kind_woocommerce,
            Kind::Remembered => words.kind_remembered,
            Kind::New => words.kind_new,
        };
        let maker = (self.kind != Kind::RightFirst).then(|| self.maker_view(ctx, words));
        // A new file's fields in pairs, the maker beside the quantity: at 1024x600 the
        // first orders then show with little scrolling.
        let fields = if self.editable() {
            Some(self.mapping_view(maker, words))
        } else {
            maker
        };
        let day_first = checkbox(self.draft.dates == DateOrder::DayFirst)
            .label(words.day_first)
            .on_toggle(Message::DayFirst);
        let count = match &self.preview {
            Preview::Orders(orders) => orders.len(),
            _ => 0,
        };
        let import = button(text(counted(count, words.import_one, words.import_count)))
            .on_press_maybe((count > 0).then_some(Message::Import))
            .style(button::primary);
        let buttons = row![
            import,
            button(text(words.cancel))
                .on_press(Message::Cancel)
                .style(button::secondary)
        ]
        .spacing(theme::SPACE_S)
        .wrap()
        .vertical_spacing(theme::SPACE_S);
        let body = column![
            text(fill(words.intake_title, &[("file", &name)])).size(theme::TEXT_HEADING),
            text(kind).style(theme::muted),
            buttons,
            fields,
            day_first,
            self.preview_view(ctx, words),
        ]
        .spacing(theme::SPACE_M)
        .padding(iced::Padding::ZERO.right(theme::SPACE_M));
        scrollable(body).height(Length::Fill).into()
    }

    /// One pick list per field over the file's header, two by two; customer and product
    /// take several; `maker` beside the quantity.
    fn mapping_view<'a>(
        &'a self,
        maker: Option<Element<'a, Message>>,
        words: &'static OrderWords,
    ) -> Element<'a, Message> {
        let header = &self.sheet.header;
        let one = |label: &'static str,
                   id: &'static str,
                   chosen: &Option<String>,
                   on: fn(String) -> Message| {
            labelled(
                label,
                container(
                    pick_list(header.as_slice(), chosen.clone(), on)
                        .placeholder(words.choose_column)
                        .width(Length::Fill),
                )
                .id(id),
            )
        };
        let mut quantity_picks = vec![Pick {
            column: None,
            label: words.no_column.to_owned(),
        }];
        quantity_picks.extend(header.iter().map(|h| Pick {
            column: Some(h.clone()),
            label: h.clone(),
        }));
        let quantity = quantity_picks
            .iter()
            .find(|p| p.column == self.draft.quantity)
            .cloned();
        let pair = |left: Element<'a, Message>, right: Option<Element<'a, Message>>| {
            row![left, right].spacing(theme::SPACE_M)
        };
        column![
            pair(
                one(words.order_number, "intake-id", &self.draft.id, Message::Id),
                Some(one(
                    words.placed,
                    "intake-placed",
                    &self.draft.placed,
                    Message::Placed
                )),
            ),
            pair(
                self.several(
                    (words.customer, "intake-customer"),
                    &self.draft.customer,
                    Message::AddCustomer,
                    Message::DropCustomer,
                    words
                ),
                Some(self.several(
                    (words.product, "intake-product"),
                    &self.draft.product,
                    Message::AddProduct,
                    Message::DropProduct,
                    words
                )),
            ),
            pair(
                labelled(
                    words.quantity,
                    container(
                        pick_list(quantity_picks, quantity, Message::Quantity).width(Length::Fill)
                    )
                    .id("intake-quantity")
                ),
                maker,
            ),
        ]
        .spacing(theme::SPACE_S)
        .into()
    }

    /// The columns chosen for a field that takes several, each removable, and a list to
    /// add one more.
    fn several<'a>(
        &'a self,
        (label, id): (&'static str, &'static str),
        chosen: &'a [String],
        add: fn(String) -> Message,
        drop: fn(usize) -> Message,
        words: &'static OrderWords,
    ) -> Element<'a, Message> {
        let chips = chosen.iter().enumerate().fold(
            row![].spacing(theme::SPACE_XS),
            |chips, (n, column)| {
                chips.push(
                    button(text(format!("{column} ×")).size(theme::TEXT_SMALL))
                        .padding([theme::BADGE_PADDING, theme::SPACE_S])
                        .style(button::secondary)
                        .on_press(drop(n)),
                )
            },
        );
        let left: Vec<String> = self
            .sheet
            .header
            .iter()
            .filter(|h| !chosen.contains(h))
            .cloned()
            .collect();
        labelled(
            label,
            column![
                chips.wrap().vertical_spacing(theme::SPACE_XS),
                container(
                    pick_list(left, None::<String>, add)
                        .placeholder(words.add_column)
                        .width(Length::Fill)
                )
                .id(id)
            ]
            .spacing(theme::SPACE_XS),
        )
    }

    /// Who made the orders: a column of the file (for a file the user maps) or one person.
    fn maker_view<'a>(
        &'a self,
        ctx: &Context<'a>,
        words: &'static OrderWords,
    ) -> Element<'a, Message> {
        let mut picks: Vec<MakerPick> = Vec::new();
        if self.editable() {
            picks.extend(self.sheet.header.iter().map(|h| MakerPick {
                maker: Maker::Column(h.clone()),
                label: fill(words.maker_column, &[("column", h)]),
            }));
        }
        picks.extend(
            ctx.records
                .workspace
                .offered(ctx.today)
                .into_iter()
                .map(|p| MakerPick {
                    maker: Maker::Person(p.id.clone()),
                    label: p.name.clone(),
                }),
        );
        let chosen = picks
            .iter()
            .find(|p| Some(&p.maker) == self.draft.made_by.as_ref())
            .cloned();
        labelled(
            words.maker,
            container(
                pick_list(picks, chosen, Message::Maker)
                    .placeholder(words.choose_maker)
                    .width(Length::Fill),
            )
            .id("intake-maker"),
        )
    }

    /// The first orders under the mapping, or the rows to fix first.
    fn preview_view<'a>(
        &'a self,
        ctx: &Context<'a>,
        words: &'static OrderWords,
    ) -> Element<'a, Message> {
        match &self.preview {
            Preview::Incomplete => text(words.choose_columns).style(theme::muted).into(),
            Preview::NoMaker => text(words.maker_needed).style(theme::muted).into(),
            Preview::Orders(orders) => {
                let shown = orders.len().min(SHOWN);
                let heading = fill(
                    words.first_orders,
                    &[
                        ("count", &shown.to_string()),
                        ("total", &orders.len().to_string()),
                    ],
                );
                orders
                    .iter()
                    .take(SHOWN)
                    .fold(
                        Column::new()
                            .spacing(theme::SPACE_XS)
                            .push(text(heading).size(theme::TEXT_SMALL).style(theme::muted)),
                        |list, order| {
                            let customer = order.customer.as_deref().unwrap_or("—");
                            list.push(text(format!(
                                "{} · {} · {customer} · {} · {}",
                                order.id,
                                order.placed,
                                order.product,
                                ctx.name_of(&order.made_by)
                            )))
                        },
                    )
                    .into()
            }
            Preview::Refused(error) => {
                // Each bad row as FILE:LINE: reason; "nothing was imported" would say that
                // an import was tried, and none was.
                let lines = super::say::lines(error, ctx.language);
                let mut said: Vec<String> = lines.iter().take(SHOWN).cloned().collect();
                if lines.len() > SHOWN {
                    said.push(fill(
                        words.more_problems,
                        &[("count", &(lines.len() - SHOWN).to_string())],
                    ));
                }
                container(text(said.join("\n")))
                    .padding(theme::SPACE_S)
                    .width(Length::Fill)
                    .style(theme::error_box)
                    .into()
            }
        }
    }
}
