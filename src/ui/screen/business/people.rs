//! The people of the business: who is on the staff, their role, whether they left and
//! whether they have a PIN; owners add people, change roles, mark leavers, and remove
//! someone no record names.

use iced::widget::{Column, button, column, container, row, text, text_input};
use iced::{Alignment, Element, Length};

use super::form::Draft;
use super::{Area, Business, BusinessWords, Message, Note};
use crate::model::{Date, Person, Role};
use crate::ui::screen::Context;
use crate::ui::text::fill;
use crate::ui::theme;

/// Applies a change to the staff to `draft`; `new_person` is the name typed for one to add.
pub(super) fn change(
    draft: &mut Draft,
    message: Message,
    ctx: &Context,
    new_person: &mut String,
) -> Result<(), Note> {
    let staff = &mut draft.workspace;
    let changed = match message {
        Message::AddPerson => {
            let added = staff.add_person(new_person, Role::Staff).map(|_| ());
            if added.is_ok() {
                new_person.clear();
            }
            added
        }
        Message::Role(id, role) => staff.set_role(&id, role, ctx.records),
        Message::Left(id, day) => {
            let day = day.trim();
            let on: Date = day.parse().map_err(|_| Note::NotADate(day.to_owned()))?;
            staff.set_left(&id, Some(on))
        }
        Message::Back(id) => staff.set_left(&id, None),
        Message::RemovePerson(id) => staff.remove_person(&id, ctx.records).map(|_| ()),
        _ => Ok(()),
    };
    changed.map_err(Note::People)
}

impl Business {
    /// Everyone on the staff, with what an owner may do to each.
    pub(super) fn people_view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let words = BusinessWords::of(ctx.language);
        let may_change = ctx.is_owner() && !ctx.read_only;
        let rows = self.shown(ctx).staff.iter().map(|person| {
            let actions = may_change.then(|| self.person_actions(person, ctx, words));
            container(
                column![
                    row![self.person_line(person, ctx, words)]
                        .push(actions)
                        .spacing(theme::SPACE_S)
                        .align_y(Alignment::Center)
                ]
                .push(self.leaving_row(person, words))
                .spacing(theme::SPACE_S),
            )
            .padding(theme::SPACE_S)
            .style(theme::row_box)
            .width(Length::Fill)
            .into()
        });
        let add = may_change.then(|| {
            row![
                text_input(words.full_name, &self.new_person)
                    .id("person-new")
                    .on_input(Message::NewPerson)
                    .on_submit(Message::AddPerson)
                    .padding(theme::SPACE_S),
                button(text(words.add_person))
                    .on_press(Message::AddPerson)
                    .style(button::secondary),
            ]
            .spacing(theme::SPACE_S)
            .align_y(Alignment::Center)
        });
        column![
            text(words.people).size(theme::TEXT_HEADING),
            Column::with_children(rows).spacing(theme::LIST_GAP),
        ]
        .push(add)
        .push(self.note_in(Area::People, ctx))
        .spacing(theme::SPACE_M)
        .into()
    }

    /// The person's name, role, leaving day and whether they have a PIN.
    fn person_line<'a>(
        &self,
        person: &Person,
        ctx: &Context,
        words: &'static BusinessWords,
    ) -> Element<'a, Message> {
        let role = match person.role {
            Role::Owner => words.owner,
            Role::Staff => words.staff,
        };
        let mut facts = vec![role.to_owned()];
        if let Some(left) = person.left {
            facts.push(fill(words.left_on, &[("date", &left.to_string())]));
        }
        if person.has_pin() {
            facts.push(words.has_pin.to_owned());
        }
        if ctx.me.is_some_and(|me| me.id == person.id) {
            facts.push(words.you.to_owned());
        }
        column![
            text(person.name.clone()),
            text(format!("{} · {}", person.id, facts.join(" · ")))
                .size(theme::TEXT_SMALL)
                .style(theme::muted),
        ]
        .width(Length::Fill)
        .into()
    }

    /// An owner's buttons for one person.
    fn person_actions<'a>(
        &self,
        person: &Person,
        ctx: &Context,
        words: &'static BusinessWords,
    ) -> Element<'a, Message> {
        let id = person.id.clone();
        // Each button in a container of its own id ("role-ellen"), to be found by tests.
        let small = |label: &'static str, message: Message, key: &str| {
            container(
                button(text(label).size(theme::TEXT_SMALL))
                    .on_press(message)
                    .style(button::secondary),
            )
            .id(format!("{key}-{}", person.id))
        };
        let role = match person.role {
            Role::Owner => small(
                words.make_staff,
                Message::Role(id.clone(), Role::Staff),
                "role",
            ),
            Role::Staff => small(
                words.make_owner,
                Message::Role(id.clone(), Role::Owner),
                "role",
            ),
        };
        let left = match person.left {
            Some(_) => small(words.back, Message::Back(id.clone()), "left"),
            None => small(words.mark_left, Message::Leaving(id.clone()), "left"),
        };
        let me = ctx.me.is_some_and(|me| me.id == person.id);
        let clear = (person.has_pin() && !me)
            .then(|| small(words.clear_pin, Message::ClearPin(id.clone()), "clear-pin"));
        row![role, left]
            .push(clear)
            .push(small(words.remove, Message::RemovePerson(id), "remove"))
            .spacing(theme::SPACE_XS)
            .into()
    }

    /// The day a person leaves, as typed, when they are being marked as left.
    fn leaving_row<'a>(
        &'a self,
        person: &Person,
        words: &'static BusinessWords,
    ) -> Option<Element<'a, Message>> {
        let (_, day) = self.leaving.as_ref().filter(|(id, _)| *id == person.id)?;
        Some(
            row![
                text(words.left_date).size(theme::TEXT_SMALL),
                text_input(words.left_date, day)
                    .id("person-left")
                    .on_input(Message::LeftOn)
                    .on_submit(Message::LeftDone)
                    .width(theme::DATE_WIDTH)
                    .padding(theme::SPACE_XS),
                button(text(words.ok)).on_press(Message::LeftDone),
                button(text(words.cancel))
                    .on_press(Message::CancelLeaving)
                    .style(button::secondary),
            ]
            .spacing(theme::SPACE_S)
            .align_y(Alignment::Center)
            .into(),
        )
    }
}
