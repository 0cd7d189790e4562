//! What the check runner looks like: the two pickers, the four-eyes warning, one box
//! per item, a live summary, and Save check with the reason it is refused.

use iced::widget::{Column, button, column, container, pick_list, row, text};
use iced::{Alignment, Element, Length};

use super::item::{step_card, step_of};
use super::pick;
use super::{CHECKER_ID, CHECKLIST_ID, CheckWords, Message, Refusal, Runner};
use crate::model::{Check, CheckState, Checklist, Name, Order};
use crate::ui::screen::reading::unread_on;
use crate::ui::screen::{Context, PersonChoice, labelled, offered};
use crate::ui::text::fill;
use crate::ui::theme;

impl Runner {
    /// The runner.
    pub fn view<'a>(&'a self, order: &'a Order, ctx: Context<'a>) -> Element<'a, Message> {
        let words = CheckWords::of(ctx.language);
        let checklists = pick::approved(ctx.records);
        if checklists.is_empty() {
            return text(words.no_checklists).style(theme::muted).into();
        }
        let chosen = self
            .checklist
            .as_ref()
            .and_then(|id| checklists.iter().find(|c| &c.id == id).cloned());
        let staff = offered(&ctx);
        let checker = self
            .checker
            .as_ref()
            .and_then(|id| staff.iter().find(|p| &p.id == id).cloned());
        let pickers = row![
            labelled(
                words.checklist,
                container(
                    pick_list(checklists, chosen, Message::Checklist)
                        .placeholder(words.pick_checklist)
                        .width(Length::Fill)
                )
                .id(CHECKLIST_ID)
            ),
            container(labelled(
                words.checker,
                container(
                    pick_list(staff, checker, Message::Checker)
                        .placeholder(words.pick_checker)
                        .width(Length::Fill)
                )
                .id(CHECKER_ID)
            ))
            .width(theme::CHECKER_WIDTH),
        ]
        .spacing(theme::SPACE_M);

        let current = self.current(&ctx);
        let refusal = self.refusal(order, &ctx);
        let body: Element<'a, Message> = match current {
            None if self.checklist.is_some() => {
                text(words.refuse_gone).style(theme::error_text).into()
            }
            None => text(words.pick_checklist_hint).style(theme::muted).into(),
            Some(checklist) => {
                let marked = refusal.as_ref().map_or(&[][..], Refusal::items);
                let mut items = Column::new().spacing(theme::SPACE_S);
                for (n, item) in checklist.items.iter().enumerate() {
                    let flagged = marked.contains(&item.id);
                    let answer = self.item_view(n, item, flagged, words, ctx.language);
                    let step = step_of(checklist, item, &ctx).map(|step| step_card(step, &ctx));
                    // Under its item rather than beside: the item's words need the width on a
                    // small screen.
                    items = items.push(column![answer, step].spacing(theme::SPACE_XS));
                }
                column![
                    items,
                    self.summary(checklist, &ctx, words),
                    self.changed.then(|| {
                        container(text(fill(
                            words.revision_changed,
                            &[("revision", &checklist.revision.to_string())],
                        )))
                        .padding(theme::SPACE_S)
                        .width(Length::Fill)
                        .style(theme::warning_box)
                    }),
                ]
                .spacing(theme::SPACE_M)
                .into()
            }
        };
        let refusal_text = refusal.map(|refusal| {
            text(refusal_words(&refusal, current, order, &ctx, words))
                .style(theme::error_text)
                .width(Length::Fill)
        });
        let actions = row![
            button(text(words.save_check))
                .on_press(Message::Save)
                .style(button::primary),
            button(text(words.cancel))
                .on_press(Message::Cancel)
                .style(button::text),
            refusal_text,
        ]
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center);

        column![
            pickers,
            self.four_eyes_box(order, current, &ctx, words),
            self.training_box(order, current, &ctx, words),
            self.on_behalf(&ctx, words),
            body,
            actions,
        ]
        .spacing(theme::SPACE_M)
        .into()
    }

    /// Where the checklist asks for four eyes and the maker (or nobody) is picked: who
    /// made it, and a button for each person who may check instead.
    fn four_eyes_box<'a>(
        &self,
        order: &Order,
        checklist: Option<&Checklist>,
        ctx: &Context<'a>,
        words: &'static CheckWords,
    ) -> Option<Element<'a, Message>> {
        let four_eyes = checklist.is_some_and(|c| c.four_eyes);
        let blocked = self.checker.as_ref().is_none_or(|id| *id == order.made_by);
        if !four_eyes || !blocked {
            return None;
        }
        let maker = ctx.name_of(&order.made_by);
        // The person at the keyboard first: the likeliest second pair of eyes.
        let me = ctx.me.map(|p| p.id.as_str());
        let mut others: Vec<PersonChoice> = offered(ctx)
            .into_iter()
            .filter(|p| p.id != order.made_by)
            .collect();
        others.sort_by_key(|p| Some(p.id.as_str()) != me);
        let content: Element<'a, Message> = if others.is_empty() {
            text(fill(words.nobody_else, &[("maker", &maker)])).into()
        } else {
            let buttons =
                others
                    .into_iter()
                    .fold(row![].spacing(theme::SPACE_S), |buttons, person| {
                        buttons.push(
                            button(text(person.name.clone()))
                                .on_press(Message::Checker(person))
                                .style(button::secondary),
                        )
                    });
            column![
                text(fill(words.maker_may_not_check, &[("maker", &maker)])),
                buttons.wrap()
            ]
            .spacing(theme::SPACE_S)
            .into()
        };
        Some(
            container(content)
                .padding(theme::SPACE_S)
                .width(Length::Fill)
                .style(theme::warning_box)
                .into(),
        )
    }

    /// Says so when the maker was not current on the procedure the checklist verifies on
    /// the order's day, or the checker is not now: "Tom has not read revision 3 of …".
    fn training_box<'a>(
        &self,
        order: &Order,
        checklist: Option<&Checklist>,
        ctx: &Context<'a>,
        words: &'static CheckWords,
    ) -> Option<Element<'a, Message>> {
        let procedure = checklist?.procedure.as_deref()?;
        let checker = (self.checker.as_deref())
            .filter(|checker| *checker != order.made_by)
            .map(|checker| (checker, ctx.today));
        let lines: Vec<String> = [Some((order.made_by.as_str(), order.placed)), checker]
            .into_iter()
            .flatten()
            .filter_map(|(person, day)| {
                let (revision, read) = unread_on(ctx.records, person, procedure, day)?;
                Some(fill(
                    words.not_read,
                    &[
                        ("name", &ctx.name_of(person)),
                        ("revision", &revision.to_string()),
                        ("title", &read.title),
                    ],
                ))
            })
            .collect();
        (!lines.is_empty()).then(|| {
            container(Column::with_children(
                lines.into_iter().map(|l| text(l).into()),
            ))
            .padding(theme::SPACE_S)
            .width(Length::Fill)
            .style(theme::warning_box)
            .into()
        })
    }

    /// Says so when the check is saved under another name than the one signed in.
    fn on_behalf<'a>(
        &'a self,
        ctx: &Context<'a>,
        words: &'static CheckWords,
    ) -> Option<Element<'a, Message>> {
        let me = ctx.me?;
        let checker = self.checker.as_deref().filter(|id| *id != me.id)?;
        Some(
            column![
                text(fill(
                    words.checking_for,
                    &[("me", &me.name), ("checker", &ctx.name_of(checker))],
                ))
                .size(theme::TEXT_SMALL)
                .style(theme::muted),
                self.signature.view(checker, ctx, words),
            ]
            .spacing(theme::SPACE_S)
            .into(),
        )
    }

    /// "3 of 5 answered · 1 not OK", and what the check comes to as it stands.
    fn summary<'a>(
        &self,
        checklist: &Checklist,
        ctx: &Context,
        words: &'static CheckWords,
    ) -> Element<'a, Message> {
        let results = self.results(checklist);
        let answered = results.len();
        let judged = Check {
            checklist: Name::from(&checklist.id),
            revision: checklist.revision,
            checked_by: Name::default(),
            at: ctx.now,
            results,
        }
        .outcome(checklist);
        let failed = judged.failed_items().count();
        let mut line = fill(
            words.answered,
            &[
                ("answered", &answered.to_string()),
                ("total", &checklist.items.len().to_string()),
            ],
        );
        if failed > 0 {
            line.push_str(" \u{b7} ");
            line.push_str(&fill(words.not_ok_count, &[("count", &failed.to_string())]));
        }
        let verdict = match judged.state_so_far() {
            CheckState::Failed => text(words.state_failed).style(theme::error_text),
            CheckState::NotFinished { open_critical: 0 } => {
                text(words.nothing_answered).style(theme::muted)
            }
            CheckState::NotFinished { open_critical: 1 } => {
                text(words.open_critical_one).style(theme::muted)
            }
            CheckState::NotFinished { open_critical } => text(fill(
                words.open_critical_many,
                &[("count", &open_critical.to_string())],
            ))
            .style(theme::muted),
            CheckState::PassedWithNotOk(count) => text(fill(
                words.state_passed_with,
                &[("count", &count.to_string())],
            )),
            CheckState::Passed => text(words.state_passed).style(theme::ok_text),
        };
        row![text(line), verdict]
            .spacing(theme::SPACE_M)
            .align_y(Alignment::Center)
            .into()
    }
}
/// The refusal in plain words.
fn refusal_words(
    refusal: &Refusal,
    checklist: Option<&Checklist>,
    order: &Order,
    ctx: &Context,
    words: &'static CheckWords,
) -> String {
    let prompt = |id: &str| {
        checklist
            .and_then(|c| c.item(id))
            .map_or_else(|| id.to_owned(), |item| item.prompt.trim().to_owned())
    };
    match refusal {
        Refusal::NoChecklist => words.refuse_no_checklist.to_owned(),
        Refusal::Gone => words.refuse_gone.to_owned(),
        Refusal::NoChecker => words.refuse_no_checker.to_owned(),
        Refusal::FourEyes => fill(
            words.refuse_four_eyes,
            &[("maker", &ctx.name_of(&order.made_by))],
        ),
        Refusal::NotANumber(item) => fill(words.refuse_number, &[("prompt", &prompt(item))]),
        Refusal::Photo(item) => fill(words.refuse_photo, &[("prompt", &prompt(item))]),
        Refusal::CriticalOpen(items) => match items.as_slice() {
            [item] => fill(words.refuse_critical, &[("prompt", &prompt(item))]),
            _ => fill(
                words.refuse_criticals,
                &[("count", &items.len().to_string())],
            ),
        },
    }
}
