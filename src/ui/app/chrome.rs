//! The window's frame around the screens: the sidebar, the search field, "who are you?",
//! and the two versions of a file side by side after a refused save.

use std::collections::BTreeSet;
use std::path::Path;

use iced::widget::{
    button, column, container, progress_bar, row, scrollable, space, text, text_input,
};
use iced::{Alignment, Element, Length, Theme};

use super::{Conflict, Message, Section};
use crate::store::Folder;
use crate::ui::screen::reading::ReadingWords;
use crate::ui::screen::settings;
use crate::ui::text::{Text, fill};
use crate::ui::theme;

/// The widget id of the search field above the lists.
pub(super) const SEARCH_ID: &str = "search";

/// Says that files changed on disk and offers to read them again; nothing while none did.
pub(super) fn changed_on_disk<'a>(
    changed: &BTreeSet<String>,
    words: &'static Text,
) -> Option<Element<'a, Message>> {
    (!changed.is_empty()).then(|| {
        container(
            row![
                iced::widget::text(fill(
                    words.changed_on_disk,
                    &[("count", &changed.len().to_string())]
                ))
                .width(Length::Fill),
                button(iced::widget::text(words.reload))
                    .on_press(Message::Reload)
                    .style(button::secondary),
            ]
            .spacing(theme::SPACE_M)
            .align_y(Alignment::Center),
        )
        .padding(theme::SPACE_S)
        .style(theme::warning_box)
        .width(Length::Fill)
        .into()
    })
}

pub(super) fn with_search<'a>(
    search: &'a str,
    words: &'static Text,
    content: Element<'a, Message>,
) -> Element<'a, Message> {
    column![
        container(
            text_input(words.search, search)
                .id(SEARCH_ID)
                .on_input(Message::Search)
                .on_submit(Message::SearchSubmit)
                .padding(theme::SPACE_S)
        )
        .padding([theme::SPACE_S, theme::SPACE_L]),
        content
    ]
    .into()
}

/// The sidebar: the business, a button for each screen (`section` in front, a dot on each
/// screen in `unsaved`), and who is at the window.
pub(super) fn sidebar<'a>(
    folder: &'a Folder,
    section: Section,
    unsaved: &[Section],
    me: Option<&'a crate::model::Person>,
    words: &'static Text,
    room: theme::Room,
) -> Element<'a, Message> {
    let records = folder.records();
    let errors = folder.error_count();
    // A screen holding unsaved work says so with a dot, so it is found before the window
    // closes.
    let in_front = section;
    let entry = |label: String, section: Section| {
        let label = if unsaved.contains(&section) {
            format!("{label} •")
        } else {
            label
        };
        button(iced::widget::text(label).size(theme::TEXT))
            .width(Length::Fill)
            .padding(theme::SPACE_S)
            .style(theme::nav(in_front == section))
            .on_press(Message::Section(section))
    };
    let problems_label = if folder.findings().is_empty() {
        words.problems.to_owned()
    } else {
        format!("{} ({})", words.problems, folder.findings().len())
    };
    let who = me.map(|me| {
        let role = match me.role {
            crate::model::Role::Owner => words.role_owner,
            crate::model::Role::Staff => words.role_staff,
        };
        column![
            iced::widget::text(fill(words.signed_in_as, &[("name", &me.name)]))
                .size(theme::TEXT_SMALL),
            iced::widget::text(role)
                .size(theme::TEXT_SMALL)
                .style(theme::muted),
            button(iced::widget::text(words.switch_person).size(theme::TEXT_SMALL))
                .style(button::text)
                .padding(0)
                .on_press(Message::ForgetPerson),
        ]
        .spacing(2)
    });
    let column = column![
        iced::widget::text(words.app_name)
            .size(theme::TEXT_SMALL)
            .style(theme::muted),
        iced::widget::text(&records.workspace.name).size(theme::TEXT_HEADING),
        space::vertical().height(theme::SPACE_M),
        me.map(|me| {
            let count = crate::ui::screen::reading::to_read(records, &me.id).len();
            let to_read = ReadingWords::of(words.language()).to_read;
            entry(format!("{to_read} ({count})"), Section::ToRead)
        }),
        entry(
            format!("{} ({})", words.procedures, records.procedures.len()),
            Section::Procedures
        ),
        entry(
            format!("{} ({})", words.checklists, records.checklists.len()),
            Section::Checklists
        ),
        entry(
            format!("{} ({})", words.orders, records.orders.len()),
            Section::Orders
        ),
        entry(words.defects.to_owned(), Section::Defects),
        entry(words.dashboard.to_owned(), Section::Dashboard),
        me.filter(|me| me.role == crate::model::Role::Owner)
            .map(|_| {
                let title = crate::ui::screen::training::MatrixWords::of(words.language()).title;
                entry(title.to_owned(), Section::Training)
            }),
        entry(words.print_manual.to_owned(), Section::Manual),
        entry(problems_label, Section::Problems).style(if errors > 0 {
            |theme: &Theme, status| {
                let mut style = theme::nav(false)(theme, status);
                style.text_color = theme.extended_palette().danger.base.color;
                style
            }
        } else {
            |theme: &Theme, status| theme::nav(false)(theme, status)
        }),
        entry(words.settings.to_owned(), Section::Settings),
        space::vertical(),
        older_orders(folder, words),
        who,
    ]
    .spacing(theme::SPACE_XS)
    .padding(theme::SPACE_M);
    container(column)
        .width(room.sidebar())
        .height(Length::Fill)
        .style(theme::sidebar)
        .into()
}

pub(super) fn conflict_view<'a>(
    conflict: &'a Conflict,
    words: &'static Text,
) -> Element<'a, Message> {
    let pane = |title: &'static str, body: &'a str| {
        column![
            iced::widget::text(title).size(theme::TEXT_HEADING),
            container(
                scrollable(
                    iced::widget::text(body)
                        .font(iced::Font::MONOSPACE)
                        .size(theme::TEXT_SMALL)
                )
                .height(Length::Fill)
            )
            .padding(theme::SPACE_S)
            .style(theme::card)
            .height(Length::Fill)
        ]
        .spacing(theme::SPACE_S)
        .width(Length::FillPortion(1))
    };
    column![
        container(iced::widget::text(if conflict.clashes.is_empty() {
            format!("{} {}", conflict.relative, words.conflict)
        } else {
            super::desk::merged::clash_heading(
                &conflict.clashes,
                &conflict.relative,
                words.language(),
            )
        }))
        .padding(theme::SPACE_S)
        .style(theme::warning_box)
        .width(Length::Fill),
        row![
            button(iced::widget::text(words.keep_mine))
                .on_press(Message::KeepMine)
                .style(button::danger),
            button(iced::widget::text(words.take_disk))
                .on_press(Message::TakeDisk)
                .style(button::secondary),
        ]
        .spacing(theme::SPACE_S),
        row![
            pane(words.conflict_yours, &conflict.mine),
            pane(words.conflict_disk, &conflict.disk)
        ]
        .spacing(theme::SPACE_M),
    ]
    .spacing(theme::SPACE_M)
    .padding(theme::SPACE_L)
    .into()
}

/// "Reading older orders… 40,000 of 100,000", while a workspace opened in two phases is
/// still reading them; nothing once all are in.
fn older_orders<'a>(folder: &Folder, words: &'static Text) -> Option<Element<'a, Message>> {
    let (read, total) = folder.older_orders()?;
    let language = words.language();
    let line = fill(
        words.reading_older,
        &[
            ("done", &language.grouped(read as u64)),
            ("total", &language.grouped(total as u64)),
        ],
    );
    Some(
        column![
            progress_bar(0.0..=total as f32, read as f32).girth(4),
            text(line).size(theme::TEXT_SMALL).style(theme::muted),
        ]
        .spacing(theme::SPACE_XS)
        .into(),
    )
}

/// "Opening …", with how many orders are read once that is known.
pub(super) fn opening_view<'a>(
    path: &Path,
    read: usize,
    total: usize,
    words: &'static Text,
) -> Element<'a, Message> {
    let mut column = column![
        text(fill(
            words.opening,
            &[("path", &path.display().to_string())]
        ))
        .size(theme::TEXT_HEADING)
    ]
    .spacing(theme::SPACE_M)
    .max_width(520);
    if total > 0 {
        column = column
            .push(progress_bar(0.0..=total as f32, read as f32))
            .push(
                text(fill(
                    words.reading_orders,
                    &[("done", &read.to_string()), ("total", &total.to_string())],
                ))
                .style(theme::muted),
            );
    }
    container(column).center(Length::Fill).into()
}

/// What went wrong outside any screen, above the window's screen.
pub(super) fn notice_view(notice: Option<&str>) -> Option<Element<'_, Message>> {
    notice.map(|n| {
        container(text(n))
            .padding(theme::SPACE_S)
            .style(theme::error_box)
            .into()
    })
}

/// The quiet line above every screen while the sample business is open.
pub(super) fn sample_banner<'a>(words: &'static Text) -> Element<'a, Message> {
    container(
        row![
            text(words.sample_banner)
                .size(theme::TEXT_SMALL)
                .width(Length::Fill),
            button(text(words.start_your_own).size(theme::TEXT_SMALL))
                .on_press(Message::Settings(settings::Message::NewWorkspace))
                .style(button::secondary),
        ]
        .spacing(theme::SPACE_S)
        .align_y(Alignment::Center),
    )
    .padding([theme::SPACE_XS, theme::SPACE_L])
    .width(Length::Fill)
    .style(theme::warning_box)
    .into()
}

/// Why the workspace could not be opened, and the ways on.
pub(super) fn failed_view<'a>(
    path: &'a Path,
    error: &'a str,
    words: &'static Text,
) -> Element<'a, Message> {
    container(
        column![
            text(words.open_failed).size(theme::TEXT_TITLE),
            text(path.display().to_string()).style(theme::muted),
            container(text(error))
                .padding(theme::SPACE_M)
                .style(theme::error_box),
            row![
                button(text(words.open_other))
                    .on_press(Message::Settings(settings::Message::OpenWorkspace)),
                button(text(words.new_workspace))
                    .on_press(Message::Settings(settings::Message::NewWorkspace))
                    .style(button::secondary),
            ]
            .spacing(theme::SPACE_S),
        ]
        .spacing(theme::SPACE_M)
        .max_width(640),
    )
    .center(Length::Fill)
    .into()
}
