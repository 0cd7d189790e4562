//! The look in one place: colours, type sizes and spacing. Views never use a literal.

use iced::widget::{button, container, text};
use iced::{Border, Color, Theme, border, color};

/// Space between tightly related things.
pub const SPACE_XS: f32 = 4.0;
/// Space inside a group.
pub const SPACE_S: f32 = 8.0;
/// Space between groups.
pub const SPACE_M: f32 = 12.0;
/// Padding of panels.
pub const SPACE_L: f32 = 16.0;
/// Space between sections.
pub const SPACE_XL: f32 = 24.0;

/// Notes and secondary lines.
pub const TEXT_SMALL: f32 = 13.0;
/// Body text and inputs.
pub const TEXT: f32 = 15.0;
/// Section headings.
pub const TEXT_HEADING: f32 = 18.0;
/// The title of the open record.
pub const TEXT_TITLE: f32 = 24.0;

/// How much room the window gives: the sidebar, the record lists and the defect log
/// narrow in a small window (a laptop or a tablet at the counter, 1024x600 at least) and
/// widen on a large screen, so the form beside them keeps room for its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Room {
    /// Under 1200 px wide.
    Narrow,
    /// From 1200 px.
    #[default]
    Normal,
    /// From 1700 px.
    Wide,
}

impl Room {
    /// The room a window `width` pixels wide gives.
    pub fn of(width: f32) -> Room {
        if width < 1200.0 {
            Room::Narrow
        } else if width < 1700.0 {
            Room::Normal
        } else {
            Room::Wide
        }
    }

    /// Width of the navigation sidebar.
    pub fn sidebar(self) -> f32 {
        match self {
            Room::Narrow => 168.0,
            Room::Normal => 190.0,
            Room::Wide => 210.0,
        }
    }

    /// Width of the record list beside an editor.
    pub fn list(self) -> f32 {
        match self {
            Room::Narrow => 250.0,
            Room::Normal => 300.0,
            Room::Wide => 360.0,
        }
    }

    /// Width of the defect log beside the defect form: a row holds date, order, category,
    /// severity and two badges, wrapping in a small window.
    pub fn defect_list(self) -> f32 {
        match self {
            Room::Narrow => 330.0,
            Room::Normal => 460.0,
            Room::Wide => 560.0,
        }
    }
}

/// The smallest window everything is laid out for.
pub const MIN_WINDOW: iced::Size = iced::Size::new(1024.0, 600.0);
/// Width of a number field in a spec.
pub const NUMBER_WIDTH: f32 = 80.0;
/// Width of a short pick list: a checklist item's kind.
pub const PICK_WIDTH: f32 = 150.0;
/// Width of a check item's option list: "allergy on slip, clean scoop used" fits.
pub const CHOICE_WIDTH: f32 = 320.0;
/// Width of the "Checked by" pick list beside the checklist's.
pub const CHECKER_WIDTH: f32 = 240.0;
/// Space above and below a badge's words.
pub const BADGE_PADDING: f32 = 2.0;
/// Space between the entries of a record list.
pub const LIST_GAP: f32 = 2.0;
/// The history's columns: revision, date and who.
pub const HISTORY_REVISION_WIDTH: f32 = 110.0;
/// See [`HISTORY_REVISION_WIDTH`].
pub const HISTORY_DATE_WIDTH: f32 = 100.0;
/// See [`HISTORY_REVISION_WIDTH`].
pub const HISTORY_NAME_WIDTH: f32 = 120.0;
/// Height of the dashboard's Pareto chart; the two weekly charts beside it share it.
pub const CHART_HEIGHT: f32 = 260.0;
/// Width of a fix's before/after bars.
pub const FIX_CHART_WIDTH: f32 = 160.0;
/// Height of a fix's before/after bars.
pub const FIX_CHART_HEIGHT: f32 = 130.0;
/// Width of a date field: "2026-11-23" and room for the cursor.
pub const DATE_WIDTH: f32 = 130.0;
/// Least height of a multi-line description.
pub const DESCRIPTION_HEIGHT: f32 = 96.0;
/// Width of the "Why? (3)" labels of the five-whys ladder.
pub const WHY_LABEL_WIDTH: f32 = 90.0;

/// Light or dark, as the system or the user chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Cream paper and dark ink.
    #[default]
    Light,
    /// For evenings at the desk.
    Dark,
}

impl From<iced::theme::Mode> for Mode {
    /// The system's mode; light where it says none.
    fn from(mode: iced::theme::Mode) -> Self {
        if mode == iced::theme::Mode::Dark {
            Mode::Dark
        } else {
            Mode::Light
        }
    }
}

/// The app's theme: a warm bakery palette, light or dark.
pub fn theme(mode: Mode) -> Theme {
    let palette = match mode {
        Mode::Light => iced::theme::Palette {
            background: color!(0xFBF8F3),
            text: color!(0x2B2722),
            primary: color!(0xA8492A),
            success: color!(0x2E7D4F),
            warning: color!(0xB7791F),
            danger: color!(0xC0392B),
        },
        Mode::Dark => iced::theme::Palette {
            background: color!(0x1E1B18),
            text: color!(0xEDE6DD),
            primary: color!(0xE07A4F),
            success: color!(0x5BB37F),
            warning: color!(0xE0A84F),
            danger: color!(0xE8685A),
        },
    };
    let name = match mode {
        Mode::Light => "Right First light",
        Mode::Dark => "Right First dark",
    };
    Theme::custom(name, palette)
}

/// The navigation column.
pub fn sidebar(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.weak.color.into()),
        text_color: Some(palette.background.weak.text),
        ..container::Style::default()
    }
}

/// A raised panel: the editor, a dialog.
pub fn card(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.base.color.into()),
        text_color: Some(palette.background.base.text),
        border: Border {
            width: 1.0,
            radius: 6.0.into(),
            color: palette.background.strong.color,
        },
        ..container::Style::default()
    }
}

/// A step or item inside an editor.
pub fn row_box(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.weakest.color.into()),
        border: Border {
            width: 1.0,
            radius: 4.0.into(),
            color: palette.background.weak.color,
        },
        ..container::Style::default()
    }
}

/// A critical item: failing it fails the whole check, so its edge says so.
pub fn critical_box(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        border: Border {
            color: Color {
                a: 0.6,
                ..palette.danger.base.color
            },
            ..row_box(theme).border
        },
        ..row_box(theme)
    }
}

/// A warning that must not be missed, set apart.
pub fn warning_box(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(
            Color {
                a: 0.15,
                ..palette.warning.base.color
            }
            .into(),
        ),
        border: Border {
            width: 1.0,
            radius: 4.0.into(),
            color: palette.warning.base.color,
        },
        ..container::Style::default()
    }
}

/// A refusal or an error the user must read.
pub fn error_box(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(
            Color {
                a: 0.12,
                ..palette.danger.base.color
            }
            .into(),
        ),
        text_color: Some(palette.background.base.text),
        border: Border {
            width: 1.0,
            radius: 4.0.into(),
            color: palette.danger.base.color,
        },
        ..container::Style::default()
    }
}

/// A short confirmation.
pub fn notice_box(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(
            Color {
                a: 0.12,
                ..palette.success.base.color
            }
            .into(),
        ),
        border: Border {
            width: 1.0,
            radius: 4.0.into(),
            color: palette.success.base.color,
        },
        ..container::Style::default()
    }
}

/// The dimmed backdrop behind a dialog.
pub fn backdrop(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(
            Color {
                a: 0.45,
                ..Color::BLACK
            }
            .into(),
        ),
        ..container::Style::default()
    }
}

/// Where a record stands, as a small coloured badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Badge {
    /// Draft: being written.
    Draft,
    /// Approved: in force.
    Approved,
    /// Retired or archived.
    Retired,
    /// Needs attention.
    Alarm,
}

/// The badge's colours.
pub fn badge(kind: Badge) -> impl Fn(&Theme) -> container::Style {
    move |theme: &Theme| {
        let palette = theme.extended_palette();
        let pair = match kind {
            Badge::Draft => palette.warning.weak,
            Badge::Approved => palette.success.weak,
            Badge::Retired => palette.background.strong,
            Badge::Alarm => palette.danger.base,
        };
        container::Style {
            background: Some(pair.color.into()),
            text_color: Some(pair.text),
            border: border::rounded(8),
            ..container::Style::default()
        }
    }
}

/// A navigation or list entry; `selected` shows where you are.
pub fn nav(selected: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |theme: &Theme, status: button::Status| {
        let palette = theme.extended_palette();
        let (background, text_color) = if selected {
            (
                Some(palette.primary.weak.color.into()),
                palette.primary.weak.text,
            )
        } else if matches!(status, button::Status::Hovered | button::Status::Pressed) {
            (
                Some(palette.background.strong.color.into()),
                palette.background.strong.text,
            )
        } else {
            (None, palette.background.base.text)
        };
        button::Style {
            background,
            text_color,
            border: border::rounded(4),
            ..button::Style::default()
        }
    }
}

/// Muted text for ids, dates and hints.
pub fn muted(theme: &Theme) -> text::Style {
    let palette = theme.extended_palette();
    text::Style {
        color: Some(Color {
            a: 0.7,
            ..palette.background.base.text
        }),
    }
}

/// Text for a field that does not parse.
pub fn error_text(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(theme.extended_palette().danger.base.color),
    }
}

/// Text for something worth a look that does not stop a save.
pub fn warning_text(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(theme.extended_palette().warning.strong.color),
    }
}

/// Text for something in order.
pub fn ok_text(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(theme.extended_palette().success.base.color),
    }
}

/// One option of a row of options (severity, who found it, a filter): the chosen one
/// stands out, the others are outlined.
pub fn choice(selected: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |theme: &Theme, status: button::Status| {
        let palette = theme.extended_palette();
        let hovered = matches!(status, button::Status::Hovered | button::Status::Pressed);
        let (background, text_color, edge) = if selected {
            (
                palette.primary.weak.color,
                palette.primary.weak.text,
                palette.primary.base.color,
            )
        } else if hovered {
            (
                palette.background.strong.color,
                palette.background.strong.text,
                palette.background.strong.color,
            )
        } else {
            (
                palette.background.weakest.color,
                palette.background.base.text,
                palette.background.strong.color,
            )
        };
        button::Style {
            background: Some(background.into()),
            text_color,
            border: Border {
                width: 1.0,
                radius: 4.0.into(),
                color: edge,
            },
            ..button::Style::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{MIN_WINDOW, Room};

    #[test]
    fn the_smallest_window_is_narrow_and_a_large_screen_wide() {
        assert_eq!(Room::of(MIN_WINDOW.width), Room::Narrow);
        assert_eq!(Room::of(1366.0), Room::Normal);
        assert_eq!(Room::of(1920.0), Room::Wide);
    }

    #[test]
    fn the_form_beside_a_list_keeps_room_in_the_smallest_window() {
        // The sidebar and a list leave at least 560 px for the form at 1024 px, the width
        // the procedure editor's step rows and the check runner's items are laid out for.
        let room = Room::of(MIN_WINDOW.width);
        assert!(MIN_WINDOW.width - room.sidebar() - room.list() >= 560.0);
        // Every room is at least as generous as the one below it.
        for (small, large) in [(Room::Narrow, Room::Normal), (Room::Normal, Room::Wide)] {
            assert!(small.list() <= large.list() && small.sidebar() <= large.sidebar());
        }
    }
}
