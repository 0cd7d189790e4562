//! What the defect form looks like: what went wrong, where, why, and what is done.

use iced::widget::{
    Column, Row, button, column, container, pick_list, row, space, text, text_editor, text_input,
};
use iced::{Alignment, Element, Length};

use super::fields::{Pick, date_field, people, pick, small_error};
use super::{CostError, DefectForm, Finder, Message, typed_cents, why_input_id};
use crate::model::{ActionKind, Order, Severity, category_name};
use crate::ui::screen::defects::widgets::{badge, option, state_badge};
use crate::ui::screen::defects::words::DefectWords;
use crate::ui::screen::defects::{Choice, chosen, place};
use crate::ui::screen::reading::stood_on;
use crate::ui::screen::{Context, labelled};
use crate::ui::text::fill;
use crate::ui::theme::{self, Badge};

impl DefectForm {
    /// The form of a defect of `order` (`None` while the order is not to be found).
    pub fn view<'a>(&'a self, order: Option<&Order>, ctx: Context<'a>) -> Element<'a, Message> {
        let words = DefectWords::of(ctx.language);
        column![
            self.state_line(&ctx, words),
            self.what_view(&ctx, words),
            column![
                self.where_view(&ctx, words),
                order.and_then(|order| self.maker_hint(order, &ctx, words)),
            ]
            .spacing(theme::SPACE_S),
            self.description_view(&ctx, words),
            self.photos_view(words),
            self.whys_view(words),
            self.action_view(&ctx, words),
        ]
        .spacing(theme::SPACE_L)
        .into()
    }

    fn state_line<'a>(
        &'a self,
        ctx: &Context,
        words: &'static DefectWords,
    ) -> Element<'a, Message> {
        row![
            state_badge(self.state(), words),
            self.is_overdue(ctx.today)
                .then(|| badge(words.overdue, Badge::Alarm)),
        ]
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center)
        .into()
    }

    /// Category, severity, when and by whom.
    fn what_view<'a>(&'a self, ctx: &Context, words: &'static DefectWords) -> Element<'a, Message> {
        let fields = &self.fields;
        // The six defaults read in Dutch in Dutch; what is stored stays as written.
        let named = |c: &String| Choice::new(c.clone(), category_name(c, ctx.language));
        let categories = &ctx.records.workspace.defect_categories;
        let category = (!fields.category.is_empty()).then(|| named(&fields.category));
        let unknown = category
            .as_ref()
            .filter(|c| !categories.contains(&c.value))
            .map(|c| fill(words.category_unknown, &[("category", &c.value)]));
        let choices: Vec<Choice<String>> = categories.iter().map(named).collect();
        let category = labelled(
            words.category,
            column![
                container(
                    pick_list(choices, category, |c: Choice<String>| Message::Category(
                        c.value
                    ))
                    .width(Length::Fill)
                )
                .id("defect-category"),
                small_error(unknown),
            ]
            .spacing(theme::SPACE_XS),
        );
        let mut severities = row![].spacing(theme::SPACE_XS);
        for (severity, id) in [
            (Severity::Minor, "defect-severity-minor"),
            (Severity::Major, "defect-severity-major"),
            (Severity::Critical, "defect-severity-critical"),
        ] {
            severities = severities.push(option(
                text(words.severity(severity)),
                fields.severity == severity,
                Message::Severity(severity),
                id,
            ));
        }
        let mut finders = row![].spacing(theme::SPACE_XS);
        for (finder, label, id) in [
            (Finder::Check, words.by_check, "defect-found-by-check"),
            (Finder::Staff, words.by_staff, "defect-found-by-staff"),
            (
                Finder::Customer,
                words.by_customer,
                "defect-found-by-customer",
            ),
        ] {
            finders = finders.push(option(
                text(label),
                fields.finder == finder,
                Message::FoundBy(finder),
                id,
            ));
        }
        let person = (fields.finder == Finder::Staff).then(|| {
            let current = fields.finder_person.as_deref();
            let staff: Vec<Pick> = people(ctx, words, current).into_iter().skip(1).collect();
            let selected = fields
                .finder_person
                .as_deref()
                .map(|id| chosen(&staff, Some(id)));
            container(
                pick_list(staff, selected, |c: Pick| {
                    Message::FoundByPerson(c.value.unwrap_or_default())
                })
                .placeholder(words.found_by_missing)
                .width(theme::PICK_WIDTH),
            )
            .id("defect-found-by-person")
        });
        column![
            row![
                category,
                column![
                    text(words.severity)
                        .size(theme::TEXT_SMALL)
                        .style(theme::muted),
                    severities
                ]
                .spacing(theme::SPACE_XS),
            ]
            .spacing(theme::SPACE_M)
            .align_y(Alignment::Start),
            row![
                date_field(
                    words.found,
                    &fields.found,
                    "defect-found",
                    Message::Found,
                    words
                ),
                column![
                    text(words.found_by)
                        .size(theme::TEXT_SMALL)
                        .style(theme::muted),
                    row![finders, person]
                        .spacing(theme::SPACE_S)
                        .align_y(Alignment::Center),
                ]
                .spacing(theme::SPACE_XS),
            ]
            .spacing(theme::SPACE_M)
            .align_y(Alignment::Start),
        ]
        .spacing(theme::SPACE_M)
        .into()
    }

    /// Whether the order's maker was current on the defect's procedure on the order's day:
    /// a hint toward the category Man where they were not.
    fn maker_hint<'a>(
        &self,
        order: &Order,
        ctx: &Context<'a>,
        words: &'static DefectWords,
    ) -> Option<Element<'a, Message>> {
        let id = self.fields.procedure.as_deref()?;
        let on = stood_on(ctx.records, &order.made_by, id, order.placed)?;
        let (revision, procedure, unread) = (on.revision, on.procedure, !on.current);
        let said = fill(
            if unread {
                words.maker_not_current
            } else {
                words.maker_current
            },
            &[
                ("maker", &ctx.name_of(&order.made_by)),
                ("revision", &revision.to_string()),
                ("title", &procedure.title),
                ("day", &order.placed.to_string()),
                ("category", category_name("Man", ctx.language)),
            ],
        );
        let said = text(said).size(theme::TEXT_SMALL);
        Some(if unread {
            said.style(theme::warning_text).into()
        } else {
            said.style(theme::muted).into()
        })
    }

    /// The procedure in force that should have prevented it, and its step.
    fn where_view<'a>(
        &'a self,
        ctx: &Context<'a>,
        words: &'static DefectWords,
    ) -> Element<'a, Message> {
        let fields = &self.fields;
        let records = ctx.records;
        let mut procedures = vec![Choice::new(None, words.none)];
        procedures.extend(
            place::in_force(records)
                .into_iter()
                .map(|p| Choice::new(Some(p.id.clone()), place::cut(&p.title, place::LABEL_CHARS))),
        );
        if let Some(id) = &fields.procedure
            && !procedures.iter().any(|c| c.value.as_ref() == Some(id))
        {
            let label = place::procedure(records, id).map_or(id.as_str(), |p| p.title.as_str());
            procedures.push(Choice::new(
                Some(id.clone()),
                place::cut(label, place::LABEL_CHARS),
            ));
        }
        let step: Element<'a, Message> =
            match fields.procedure.as_deref() {
                None => text(words.pick_procedure_first)
                    .size(theme::TEXT_SMALL)
                    .style(theme::muted)
                    .into(),
                Some(id) => {
                    let procedure = place::procedure(records, id);
                    let mut steps = vec![Choice::new(None, words.none)];
                    steps.extend(procedure.into_iter().flat_map(|p| &p.steps).map(|s| {
                        Choice::new(Some(s.id.clone()), place::step_label(procedure, &s.id))
                    }));
                    pick(steps, fields.step.as_deref(), Message::Step, "defect-step")
                }
            };
        row![
            labelled(
                words.procedure,
                pick(
                    procedures,
                    fields.procedure.as_deref(),
                    Message::Procedure,
                    "defect-procedure"
                )
            ),
            labelled(words.step, step),
        ]
        .spacing(theme::SPACE_M)
        .into()
    }

    fn description_view<'a>(
        &'a self,
        ctx: &Context,
        words: &'static DefectWords,
    ) -> Element<'a, Message> {
        let cost = self.cost_text(ctx.language);
        let cost_error = typed_cents(&cost).err().map(|error| match error {
            CostError::NotAnAmount => words.not_an_amount.to_owned(),
            CostError::Negative => words.negative.to_owned(),
        });
        let placeholder = match ctx.language {
            crate::ui::text::Language::Nl => "0,00",
            crate::ui::text::Language::En => "0.00",
        };
        column![
            labelled(
                words.description,
                text_editor(&self.description)
                    .id("defect-description")
                    .placeholder(words.description_hint)
                    .min_height(theme::DESCRIPTION_HEIGHT)
                    .on_action(Message::Description),
            ),
            column![
                text(words.cost).size(theme::TEXT_SMALL).style(theme::muted),
                text_input(placeholder, &cost)
                    .id("defect-cost")
                    .on_input(Message::Cost)
                    .width(theme::DATE_WIDTH),
                small_error(cost_error),
            ]
            .spacing(theme::SPACE_XS),
        ]
        .spacing(theme::SPACE_M)
        .into()
    }

    fn photos_view<'a>(&'a self, words: &'static DefectWords) -> Element<'a, Message> {
        let mut list = Column::new().spacing(theme::SPACE_XS);
        if self.fields.photos.is_empty() {
            list = list.push(
                text(words.no_photos)
                    .size(theme::TEXT_SMALL)
                    .style(theme::muted),
            );
        }
        for (n, photo) in self.fields.photos.iter().enumerate() {
            list = list.push(
                row![
                    text(photo).size(theme::TEXT_SMALL).width(Length::Fill),
                    container(
                        button(text(words.remove).size(theme::TEXT_SMALL))
                            .on_press(Message::RemovePhoto(n))
                            .style(button::text)
                    )
                    .id(format!("defect-photo-remove-{n}")),
                ]
                .spacing(theme::SPACE_S)
                .align_y(Alignment::Center),
            );
        }
        column![
            text(words.photos).size(theme::TEXT_HEADING),
            list,
            container(
                button(text(words.add_photo))
                    .on_press(Message::AddPhoto)
                    .style(button::secondary)
            )
            .id("defect-add-photo"),
        ]
        .spacing(theme::SPACE_S)
        .into()
    }

    /// The five-whys ladder, then the cause it leads to.
    fn whys_view<'a>(&'a self, words: &'static DefectWords) -> Element<'a, Message> {
        let mut ladder = Column::new().spacing(theme::SPACE_XS);
        for (n, why) in self.fields.whys.iter().enumerate() {
            let label = fill(words.why, &[("n", &(n + 1).to_string())]);
            ladder = ladder.push(
                row![
                    text(label.clone()).width(theme::WHY_LABEL_WIDTH),
                    text_input(&label, why)
                        .id(why_input_id(n))
                        .on_input(move |v| Message::Why(n, v)),
                    container(
                        button(text(words.remove).size(theme::TEXT_SMALL))
                            .on_press(Message::RemoveWhy(n))
                            .style(button::text)
                    )
                    .id(format!("defect-why-remove-{n}")),
                ]
                .spacing(theme::SPACE_S)
                .align_y(Alignment::Center),
            );
        }
        column![
            text(words.root_cause).size(theme::TEXT_HEADING),
            text(words.whys_hint)
                .size(theme::TEXT_SMALL)
                .style(theme::muted),
            ladder,
            container(
                button(text(words.add_why))
                    .on_press(Message::AddWhy)
                    .style(button::secondary)
            )
            .id("defect-add-why"),
            labelled(
                words.cause,
                text_input(words.cause, &self.fields.cause)
                    .id("defect-cause")
                    .on_input(Message::Cause),
            ),
        ]
        .spacing(theme::SPACE_S)
        .into()
    }

    /// The kind of action, what, who, and when it was due, done and verified.
    fn action_view<'a>(
        &'a self,
        ctx: &Context,
        words: &'static DefectWords,
    ) -> Element<'a, Message> {
        let action = &self.fields.action;
        let kinds = kind_cards(action.kind, words);
        let overdue = self.is_overdue(ctx.today).then(|| {
            text(words.overdue)
                .size(theme::TEXT_SMALL)
                .style(theme::error_text)
        });
        let due = column![
            date_field(
                words.due,
                &action.due,
                "defect-action-due",
                Message::Due,
                words
            ),
            overdue
        ]
        .spacing(theme::SPACE_XS);
        column![
            row![
                text(words.action).size(theme::TEXT_HEADING),
                space::horizontal(),
                container(
                    button(text(words.clear_action).size(theme::TEXT_SMALL))
                        .on_press(Message::ClearAction)
                        .style(button::text)
                )
                .id("defect-clear-action"),
            ]
            .align_y(Alignment::Center),
            kinds,
            labelled(
                words.what,
                text_editor(&self.what)
                    .id("defect-action-what")
                    .placeholder(words.what)
                    .on_action(Message::ActionWhat),
            ),
            row![
                labelled(
                    words.owner,
                    pick(
                        people(ctx, words, action.owner.as_deref()),
                        action.owner.as_deref(),
                        Message::ActionOwner,
                        "defect-action-owner"
                    )
                ),
                due,
                date_field(
                    words.done,
                    &action.done,
                    "defect-action-done",
                    Message::Done,
                    words
                ),
            ]
            .spacing(theme::SPACE_M)
            .align_y(Alignment::Start),
            row![
                labelled(
                    words.verified_by,
                    pick(
                        people(ctx, words, action.verified_by.as_deref()),
                        action.verified_by.as_deref(),
                        Message::VerifiedBy,
                        "defect-action-verified-by"
                    )
                ),
                date_field(
                    words.verified,
                    &action.verified,
                    "defect-action-verified",
                    Message::Verified,
                    words
                ),
            ]
            .spacing(theme::SPACE_M)
            .align_y(Alignment::Start),
        ]
        .spacing(theme::SPACE_S)
        .into()
    }
}

/// The three kinds of action as cards, each with what it means, the `chosen` one lit.
fn kind_cards<'a>(chosen: Option<ActionKind>, words: &'static DefectWords) -> Row<'a, Message> {
    let mut kinds = row![].spacing(theme::SPACE_S);
    for (kind, id) in [
        (ActionKind::Correction, "defect-action-correction"),
        (ActionKind::Corrective, "defect-action-corrective"),
        (ActionKind::Preventive, "defect-action-preventive"),
    ] {
        let (name, explanation) = words.kind(kind);
        let card = column![
            text(name),
            text(explanation)
                .size(theme::TEXT_SMALL)
                .style(theme::muted),
        ]
        .spacing(theme::SPACE_XS)
        .width(Length::Fill);
        kinds = kinds.push(
            container(option(
                card,
                chosen == Some(kind),
                Message::ActionKind(kind),
                id,
            ))
            .width(Length::FillPortion(1)),
        );
    }
    kinds
}
