//! What the dashboard draws: the headline figures, the charts, the causes and fixes, and
//! the defects behind whatever was picked.

use iced::widget::{Column, button, canvas, column, container, row, scrollable, text};
use iced::{Alignment, Element, Length};

use super::charts::{BeforeAfter, Pareto};
use super::panels::{attention, defect_rows, fix_defects, reading, tiles, trends};
use super::words::DashboardWords;
use super::{Dashboard, Message, Picked, Preset};
use crate::analysis::{Figures, cause_name, recurring_rule};
use crate::model::{Language, category_name, counted, plural};
use crate::ui::screen::Context;
use crate::ui::screen::defects::place::place;
use crate::ui::text::fill;
use crate::ui::theme;

const PRESETS: [Preset; 3] = [Preset::Days30, Preset::Days90, Preset::ThisYear];

pub(super) fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{:.0}%", v * 100.0))
}

/// A headline figure in a card: what it is, and its value.
pub(super) fn tile<'a>(
    label: &'static str,
    value: String,
    note: Option<String>,
    alarm: bool,
) -> Element<'a, Message> {
    let value = text(value).size(theme::TEXT_TITLE);
    let value = if alarm {
        value.style(theme::error_text)
    } else {
        value
    };
    container(
        column![
            text(label).size(theme::TEXT_SMALL).style(theme::muted),
            value,
            note.map(|n| text(n).size(theme::TEXT_SMALL).style(theme::muted)),
        ]
        .spacing(theme::SPACE_XS),
    )
    .padding(theme::SPACE_M)
    .width(Length::Fill)
    .style(theme::card)
    .into()
}

pub(super) fn section<'a>(
    title: &'static str,
    hint: Option<String>,
    body: impl Into<Element<'a, Message>>,
) -> Element<'a, Message> {
    container(
        column![
            text(title).size(theme::TEXT_HEADING),
            hint.map(|h| text(h).size(theme::TEXT_SMALL).style(theme::muted)),
            body.into()
        ]
        .spacing(theme::SPACE_S),
    )
    .padding(theme::SPACE_M)
    .width(Length::Fill)
    .style(theme::card)
    .into()
}

impl Dashboard {
    /// The screen.
    pub fn view<'a>(&'a self, ctx: Context<'a>) -> Element<'a, Message> {
        let words = DashboardWords::of(ctx.language);
        let presets = PRESETS
            .iter()
            .fold(row![].spacing(theme::SPACE_XS), |row, preset| {
                let label = match preset {
                    Preset::Days30 => words.days_30,
                    Preset::Days90 => words.days_90,
                    Preset::ThisYear => words.this_year,
                };
                row.push(
                    button(text(label).size(theme::TEXT_SMALL))
                        .padding([theme::BADGE_PADDING, theme::SPACE_S])
                        .style(theme::nav(self.preset == *preset))
                        .on_press(Message::Preset(*preset)),
                )
            });
        if ctx.records.orders.is_empty() {
            return column![
                text(words.title).size(theme::TEXT_TITLE),
                text(words.first_orders).size(theme::TEXT_HEADING),
            ]
            .spacing(theme::SPACE_M)
            .padding(theme::SPACE_L)
            .into();
        }
        let Some(figures) = &self.figures else {
            let working = self
                .working_out()
                .then(|| text(words.working_out).style(theme::muted));
            return column![text(words.title).size(theme::TEXT_TITLE), presets, working]
                .spacing(theme::SPACE_M)
                .padding(theme::SPACE_L)
                .into();
        };
        let period = fill(
            words.period,
            &[
                ("from", &figures.period.from.to_string()),
                ("to", &figures.period.to.to_string()),
            ],
        );
        let header = row![
            text(words.title).size(theme::TEXT_TITLE),
            presets,
            text(period).style(theme::muted),
        ]
        .spacing(theme::SPACE_L)
        .align_y(Alignment::Center);

        let content = column![
            header,
            tiles(figures, words, ctx.language, ctx.room),
            (figures.unjudged_checks > 0).then(|| {
                text(fill(
                    plural(figures.unjudged_checks, words.unjudged_one, words.unjudged),
                    &[("count", &figures.unjudged_checks.to_string())],
                ))
                .size(theme::TEXT_SMALL)
                .style(theme::muted)
            }),
            row![
                self.pareto(figures, ctx.language, words),
                trends(figures, words, ctx.language)
            ]
            .spacing(theme::SPACE_M),
            self.behind_list(ctx, words),
            self.recurring(figures, ctx, words),
            self.fixes(figures, ctx, words),
            reading(figures, words, ctx.language),
            attention(figures, ctx, words),
        ]
        .spacing(theme::SPACE_M)
        .padding(iced::Padding::new(theme::SPACE_L).right(theme::SPACE_XL));
        scrollable(content).height(Length::Fill).into()
    }

    fn pareto<'a>(
        &'a self,
        figures: &'a Figures,
        language: Language,
        words: &'static DashboardWords,
    ) -> Element<'a, Message> {
        let body: Element<'a, Message> = if figures.pareto.is_empty() {
            text(words.no_defects).style(theme::muted).into()
        } else {
            canvas(Pareto {
                bars: figures
                    .pareto
                    .iter()
                    .map(|bar| {
                        let name = category_name(&bar.category, language);
                        (name.to_owned(), bar.count, bar.cumulative_percent)
                    })
                    .collect(),
                picked: match self.picked {
                    Some(Picked::Pareto(n)) => Some(n),
                    _ => None,
                },
                on_pick: |n| Message::Pick(Picked::Pareto(n)),
            })
            .width(Length::Fill)
            .height(theme::CHART_HEIGHT)
            .into()
        };
        section(words.pareto, Some(words.pareto_hint.to_owned()), body)
    }

    fn behind_list<'a>(
        &'a self,
        ctx: Context<'a>,
        words: &'static DashboardWords,
    ) -> Option<Element<'a, Message>> {
        let (what, references) = self.behind(ctx.language)?;
        // A recurring cause at a step reads as the procedure's title and the step's words.
        let what = match (self.picked, &self.figures) {
            (Some(Picked::Recurring(n)), Some(figures)) => figures
                .recurring
                .get(n)
                .filter(|cause| cause.procedure.is_some())
                .map_or(what, |cause| {
                    place(
                        ctx.records,
                        cause.procedure.as_deref(),
                        cause.step.as_deref(),
                    )
                }),
            _ => what,
        };
        let title = if what.is_empty() {
            words.escaped_list.to_owned()
        } else {
            fill(words.behind, &[("what", &what)])
        };
        let list = defect_rows(references, ctx, words);
        Some(
            container(column![text(title).size(theme::TEXT_HEADING), list].spacing(theme::SPACE_S))
                .padding(theme::SPACE_M)
                .width(Length::Fill)
                .style(theme::warning_box)
                .into(),
        )
    }

    fn fixes<'a>(
        &'a self,
        figures: &'a Figures,
        ctx: Context<'a>,
        words: &'static DashboardWords,
    ) -> Element<'a, Message> {
        let hint = fill(
            words.fixes_hint,
            &[("days", &ctx.records.workspace.recurrence.days.to_string())],
        );
        let mut list = Column::new().spacing(theme::SPACE_S);
        if figures.fixes.is_empty() {
            list = list.push(text(words.no_fixes).style(theme::muted));
        }
        for (n, fix) in figures.fixes.iter().enumerate() {
            let chart = canvas(BeforeAfter {
                before: fix.before_per_100,
                after: fix.after_per_100,
                labels: (words.before.to_owned(), words.after.to_owned()),
                language: ctx.language,
            })
            .width(theme::FIX_CHART_WIDTH)
            .height(theme::FIX_CHART_HEIGHT);
            let counts = fill(
                words.fix_counts,
                &[
                    ("db", &fix.defects_before.to_string()),
                    (
                        "ob",
                        &counted(fix.orders_before, words.orders_one, words.orders_many),
                    ),
                    ("da", &fix.defects_after.to_string()),
                    (
                        "oa",
                        &counted(fix.orders_after, words.orders_one, words.orders_many),
                    ),
                    (
                        "days",
                        &counted(fix.after_days as usize, words.days_one, words.days_many),
                    ),
                ],
            );
            list = list.push(
                container(
                    row![
                        chart,
                        column![
                            text(place(ctx.records, Some(&fix.procedure), Some(&fix.step))),
                            text(fill(
                                words.fix_line,
                                &[("done", &fix.done.to_string()), ("what", &fix.what)]
                            ))
                            .size(theme::TEXT_SMALL),
                            text(counts).size(theme::TEXT_SMALL).style(theme::muted),
                            row![
                                button(text(words.fix_defects).size(theme::TEXT_SMALL))
                                    .style(button::secondary)
                                    .on_press(Message::Pick(Picked::Fix(n))),
                                button(text(words.open_procedure).size(theme::TEXT_SMALL))
                                    .style(button::secondary)
                                    .on_press(Message::OpenProcedure(fix.procedure.clone())),
                            ]
                            .spacing(theme::SPACE_S),
                        ]
                        .spacing(theme::SPACE_XS)
                        .width(Length::Fill),
                    ]
                    .spacing(theme::SPACE_M)
                    .align_y(Alignment::Center),
                )
                .padding(theme::SPACE_S)
                .style(theme::row_box),
            );
            if self.picked == Some(Picked::Fix(n)) {
                list = list.push(fix_defects(fix, ctx, words));
            }
        }
        section(words.fixes, Some(hint), list)
    }

    fn recurring<'a>(
        &'a self,
        figures: &'a Figures,
        ctx: Context<'a>,
        words: &'static DashboardWords,
    ) -> Element<'a, Message> {
        // The report's words: what is grouped, and each cause's name.
        let hint = recurring_rule(ctx.records.workspace.recurrence, ctx.language);
        let mut list = Column::new().spacing(theme::SPACE_S);
        if figures.recurring.is_empty() {
            list = list.push(text(words.no_recurring).style(theme::muted));
        }
        for (n, cause) in figures.recurring.iter().enumerate() {
            let title = cause_name(
                ctx.records,
                cause.procedure.as_deref(),
                cause.step.as_deref(),
                &cause.category,
                ctx.language,
            );
            let line = fill(
                plural(cause.count, words.recurring_line_one, words.recurring_line),
                &[
                    ("count", &cause.count.to_string()),
                    ("open", &cause.open.to_string()),
                    ("first", &cause.first.to_string()),
                    ("last", &cause.last.to_string()),
                ],
            );
            let picked = self.picked == Some(Picked::Recurring(n));
            list = list.push(
                container(
                    row![
                        column![
                            text(title),
                            text(line).size(theme::TEXT_SMALL).style(if cause.open > 0 {
                                theme::error_text
                            } else {
                                theme::muted
                            }),
                        ]
                        .spacing(2)
                        .width(Length::Fill),
                        button(text(words.show_defects).size(theme::TEXT_SMALL))
                            .style(theme::nav(picked))
                            .on_press(Message::Pick(Picked::Recurring(n))),
                        cause.procedure.as_ref().map(|procedure| {
                            button(text(words.open_procedure).size(theme::TEXT_SMALL))
                                .style(button::secondary)
                                .on_press(Message::OpenProcedure(procedure.clone()))
                        }),
                    ]
                    .spacing(theme::SPACE_S)
                    .align_y(Alignment::Center),
                )
                .padding(theme::SPACE_S)
                .style(theme::row_box),
            );
        }
        section(words.recurring, Some(hint), list)
    }
}
