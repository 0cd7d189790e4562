//! What the business screen looks like: the machine's settings on top, then the business,
//! its people and one's PIN in headed sections that scroll, and Save / Discard below them
//! while the business is changed.

use iced::widget::{
    Column, button, column, container, pick_list, row, rule, scrollable, text, text_input,
};
use iced::{Alignment, Element, Length};

use super::form::{Draft, shown_alarm};
use super::{Area, Business, BusinessWords, Message};
use crate::model::{Language, Workspace, category_name};
use crate::ui::screen::{Context, labelled};
use crate::ui::theme;

/// A language in the pick list, named in the user's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LanguageChoice(Language, &'static str);

impl std::fmt::Display for LanguageChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.1)
    }
}

fn languages(words: &BusinessWords) -> [LanguageChoice; 2] {
    [
        LanguageChoice(Language::En, words.english),
        LanguageChoice(Language::Nl, words.dutch),
    ]
}

impl Business {
    /// The settings page: `machine` (this computer's settings) above the business, its
    /// people and one's PIN; `wrap` makes this screen's messages the page's.
    pub fn page<'a, M: 'a>(
        &'a self,
        ctx: Context<'a>,
        machine: Element<'a, M>,
        wrap: fn(Message) -> M,
    ) -> Element<'a, M> {
        let sections = column![
            self.business_view(&ctx),
            rule::horizontal(1),
            self.people_view(&ctx),
            rule::horizontal(1),
            self.pin_view(&ctx),
        ]
        .spacing(theme::SPACE_XL)
        .padding(theme::SPACE_XL);
        let page = column![machine, Element::from(sections).map(wrap)];
        column![
            scrollable(page).height(Length::Fill),
            self.save_bar(&ctx).map(|bar| bar.map(wrap)),
        ]
        .into()
    }

    /// Save and Discard while the business is changed, and what came of the last save.
    fn save_bar<'a>(&self, ctx: &Context) -> Option<Element<'a, Message>> {
        let words = BusinessWords::of(ctx.language);
        let note = self.note_in(Area::Business, ctx);
        let step = |label: &'static str, message: Message, can: bool| {
            button(text(label))
                .on_press_maybe(can.then_some(message))
                .style(button::text)
        };
        let buttons = self.unsaved().map(|_| {
            row![
                text(words.unsaved).width(Length::Fill),
                step(words.undo, Message::Undo, self.history.can_undo()),
                step(words.redo, Message::Redo, self.history.can_redo()),
                button(text(words.discard))
                    .on_press(Message::Discard)
                    .style(button::secondary),
                button(text(words.save)).on_press(Message::Save),
            ]
            .spacing(theme::SPACE_S)
            .align_y(Alignment::Center)
        });
        if note.is_none() && buttons.is_none() {
            return None;
        }
        Some(
            container(column![].push(note).push(buttons).spacing(theme::SPACE_S))
                .padding(theme::SPACE_M)
                .width(Length::Fill)
                .style(theme::card)
                .into(),
        )
    }

    /// The business's name, language, alarms and categories: fields for an owner, the
    /// values for everyone else.
    fn business_view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let words = BusinessWords::of(ctx.language);
        let title = text(words.business).size(theme::TEXT_HEADING);
        let why_not = if ctx.read_only {
            Some(words.read_only)
        } else if !ctx.is_owner() {
            Some(words.staff_sees)
        } else {
            None
        };
        let body = match why_not {
            Some(why) => column![
                text(why).style(theme::muted),
                shown(self.shown(ctx), ctx.language)
            ],
            None => {
                let fresh;
                let draft = match &self.draft {
                    Some(draft) => draft,
                    None => {
                        fresh = Draft::of(&ctx.records.workspace);
                        &fresh
                    }
                };
                column![fields(draft, words), self.categories_view(draft, ctx)]
            }
        };
        column![title, body.spacing(theme::SPACE_L)]
            .spacing(theme::SPACE_M)
            .into()
    }

    /// The defect categories, each with Rename and Remove, and a field to add one.
    fn categories_view<'a>(&'a self, draft: &Draft, ctx: &Context) -> Element<'a, Message> {
        let words = BusinessWords::of(ctx.language);
        let rows = draft
            .workspace
            .defect_categories
            .iter()
            .enumerate()
            .map(|(index, name)| match &self.renaming {
                Some((at, typed)) if *at == index => row![
                    text_input(words.rename, typed)
                        .id("category-rename")
                        .on_input(Message::Renamed)
                        .on_submit(Message::RenameDone)
                        .padding(theme::SPACE_XS),
                    button(text(words.ok)).on_press(Message::RenameDone),
                    button(text(words.cancel))
                        .on_press(Message::CancelCategory)
                        .style(button::secondary),
                ]
                .spacing(theme::SPACE_S)
                .into(),
                _ => row![
                    text(category_name(name, ctx.language).to_owned()).width(Length::Fill),
                    container(
                        button(text(words.rename).size(theme::TEXT_SMALL))
                            .on_press(Message::Rename(index))
                            .style(button::secondary)
                    )
                    .id(format!("rename-{index}")),
                    container(
                        button(text(words.remove).size(theme::TEXT_SMALL))
                            .on_press(Message::RemoveCategory(index))
                            .style(button::secondary)
                    )
                    .id(format!("remove-category-{index}")),
                ]
                .spacing(theme::SPACE_S)
                .align_y(Alignment::Center)
                .into(),
            });
        let add = row![
            text_input(words.new_category, &self.new_category)
                .id("category-new")
                .on_input(Message::NewCategory)
                .on_submit(Message::AddCategory)
                .padding(theme::SPACE_XS),
            button(text(words.add_category))
                .on_press(Message::AddCategory)
                .style(button::secondary),
        ]
        .spacing(theme::SPACE_S);
        column![
            text(words.categories),
            Column::with_children(rows).spacing(theme::SPACE_XS),
            add,
        ]
        .push(self.note_in(Area::Categories, ctx))
        .spacing(theme::SPACE_S)
        .width(Length::Fill)
        .max_width(theme::CHOICE_WIDTH * 2.0)
        .into()
    }
}

/// The fields of the name, language and alarms.
fn fields<'a>(draft: &Draft, words: &'static BusinessWords) -> Element<'a, Message> {
    let number = |value: &str, id: &'static str, on: fn(String) -> Message| {
        text_input("", value)
            .id(id)
            .on_input(on)
            .padding(theme::SPACE_XS)
            .width(theme::NUMBER_WIDTH)
    };
    let choices = languages(words);
    let language = choices
        .iter()
        .copied()
        .find(|c| c.0.code() == draft.workspace.language);
    column![
        labelled(
            words.name,
            text_input(words.name, &draft.workspace.name)
                .id("business-name")
                .on_input(Message::Name)
                .padding(theme::SPACE_S)
        ),
        labelled(
            words.language,
            container(
                pick_list(choices, language, |c: LanguageChoice| Message::Language(
                    c.0
                ))
                .width(theme::PICK_WIDTH)
            )
            .id("business-language")
        ),
        labelled(
            words.alarm,
            number(&draft.alarm, "business-alarm", Message::Alarm)
        ),
        row![
            text(words.recurrence),
            number(&draft.count, "business-count", Message::Count),
            text(words.times),
            number(&draft.days, "business-days", Message::Days),
            text(words.days),
        ]
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center),
    ]
    .spacing(theme::SPACE_M)
    .max_width(theme::CHOICE_WIDTH * 2.0)
    .into()
}

/// The business as saved, to read.
fn shown<'a>(workspace: &Workspace, shown_in: Language) -> Element<'a, Message> {
    let words = BusinessWords::of(shown_in);
    let language = languages(words)
        .into_iter()
        .find(|c| c.0.code() == workspace.language)
        .map_or_else(|| workspace.language.clone(), |c| c.1.to_owned());
    let recurrence = format!(
        "{} {} {} {} {}",
        words.recurrence,
        workspace.recurrence.count,
        words.times,
        workspace.recurrence.days,
        words.days
    );
    column![
        labelled(words.name, text(workspace.name.clone())),
        labelled(words.language, text(language)),
        labelled(
            words.alarm,
            text(shown_alarm(workspace.contacts_per_order_alarm))
        ),
        text(recurrence),
        labelled(
            words.categories,
            text(
                (workspace.defect_categories.iter())
                    .map(|c| category_name(c, shown_in))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        ),
    ]
    .spacing(theme::SPACE_M)
    .into()
}
