//! The dashboard: the figures of FORMAT.md for a period, as charts people read at a
//! glance, and the defects behind every bar and cause one click away.

mod charts;
mod panels;
mod view;
pub mod words;

use crate::analysis::{self, DefectRef, Figures, Period};
use crate::model::{Date, Language, category_name};
use crate::ui::request::{Place, Request};
use crate::ui::screen::Context;

/// The periods offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Preset {
    Days30,
    #[default]
    Days90,
    ThisYear,
}

impl Preset {
    /// The days this preset covers, ending today.
    pub fn period(self, today: Date) -> Period {
        match self {
            Preset::Days30 => Period::last_days(today, 30),
            Preset::Days90 => Period::last_days(today, Period::DEFAULT_DAYS),
            Preset::ThisYear => Period {
                from: Date::new(today.year(), 1, 1).unwrap_or(today),
                to: today,
            },
        }
    }
}

/// What the list under the charts shows the defects of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picked {
    Pareto(usize),
    Recurring(usize),
    Escapes,
    /// A fix: its step's defects before and after, shown under it.
    Fix(usize),
}

/// The dashboard screen.
#[derive(Debug, Default)]
pub struct Dashboard {
    preset: Preset,
    figures: Option<Figures>,
    picked: Option<Picked>,
    /// The generation of the records and the day the figures below are of, with the
    /// period `figures` is of.
    of: Option<(u64, Date, Preset)>,
    /// The figures of the other periods worked out for that generation and day: going
    /// back to one shows it at once.
    others: Vec<(Preset, Figures)>,
}

/// What the user did on the dashboard.
#[derive(Debug, Clone)]
pub enum Message {
    Preset(Preset),
    Pick(Picked),
    OpenDefect(DefectRef),
    OpenProcedure(String),
    OpenOrder(String),
}

impl Dashboard {
    /// Works the figures out anew for the chosen period, from the records as they are now,
    /// unless they are worked out already for these records, this day and this period.
    ///
    /// On the sample this takes well under a millisecond and on 100,000 orders a few tens
    /// of milliseconds in a release build (benches/ui.rs), so it runs on the UI thread when
    /// the screen is shown or the period changes, never per frame.
    pub fn refresh(&mut self, ctx: &Context) {
        let of = (ctx.generation, ctx.today, self.preset);
        if self.of == Some(of) {
            return;
        }
        match self.of.take() {
            Some((generation, today, preset)) if (generation, today) == (of.0, of.1) => {
                if let Some(figures) = self.figures.take() {
                    self.others.push((preset, figures));
                }
            }
            _ => self.others.clear(),
        }
        self.of = Some(of);
        let kept = self
            .others
            .iter()
            .position(|(preset, _)| *preset == self.preset);
        self.figures = Some(match kept {
            Some(at) => self.others.swap_remove(at).1,
            None => analysis::figures(ctx.records, self.preset.period(ctx.today), ctx.today),
        });
        if let (Some(Picked::Pareto(n) | Picked::Recurring(n) | Picked::Fix(n)), Some(figures)) =
            (self.picked, &self.figures)
        {
            let gone = match self.picked {
                Some(Picked::Pareto(_)) => n >= figures.pareto.len(),
                Some(Picked::Fix(_)) => n >= figures.fixes.len(),
                _ => n >= figures.recurring.len(),
            };
            if gone {
                self.picked = None;
            }
        }
    }

    /// The figures shown, for tests.
    pub fn figures(&self) -> Option<&Figures> {
        self.figures.as_ref()
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, ctx: &Context) -> Request<Message> {
        match message {
            Message::Preset(preset) => {
                self.preset = preset;
                self.picked = None;
                self.refresh(ctx);
                Request::None
            }
            Message::Pick(picked) => {
                self.picked = if self.picked == Some(picked) {
                    None
                } else {
                    Some(picked)
                };
                Request::None
            }
            Message::OpenDefect(reference) => Request::Show(Place::Defect {
                order: reference.order,
                defect: reference.defect,
            }),
            Message::OpenProcedure(id) => Request::Show(Place::Procedure(id)),
            Message::OpenOrder(id) => Request::Show(Place::Order(id)),
        }
    }

    /// The defects behind what is picked.
    fn behind(&self, language: Language) -> Option<(String, &[DefectRef])> {
        let figures = self.figures.as_ref()?;
        match self.picked? {
            Picked::Pareto(n) => figures.pareto.get(n).map(|bar| {
                let name = category_name(&bar.category, language).to_owned();
                (name, bar.defects.as_slice())
            }),
            Picked::Recurring(n) => figures.recurring.get(n).map(|cause| {
                let what = match (&cause.procedure, &cause.step) {
                    (Some(procedure), Some(step)) => format!("{procedure} / {step}"),
                    _ => category_name(&cause.category, language).to_owned(),
                };
                (what, cause.defects.as_slice())
            }),
            Picked::Escapes => Some((String::new(), figures.escaped.as_slice())),
            // Listed under the fix itself, not above the causes.
            Picked::Fix(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_follow_the_records_generation_the_day_and_the_period() {
        let folder = crate::store::Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let mut records = folder.records().clone();
        let today = Date::new(2026, 11, 23).unwrap();
        let fresh = |records: &crate::model::Records, preset: Preset| {
            analysis::figures(records, preset.period(today), today).orders
        };
        let mut board = Dashboard::default();
        let ctx = crate::ui::screen::tests::context(&records, today);
        board.refresh(&ctx);
        let shown = |board: &Dashboard| board.figures().map(|f| f.orders);
        assert_eq!(shown(&board), Some(fresh(&records, Preset::Days90)));
        let _ = board.update(Message::Preset(Preset::Days30), &ctx);
        assert_eq!(shown(&board), Some(fresh(&records, Preset::Days30)));
        let _ = board.update(Message::Preset(Preset::Days90), &ctx);
        assert_eq!(shown(&board), Some(fresh(&records, Preset::Days90)));

        // An order placed today, saved: the records' generation moves on.
        let mut new = records.orders[0].clone();
        new.id = "2026-11-9999".into();
        new.placed = today;
        records.orders.push(new);
        let ctx = Context {
            generation: 1,
            ..crate::ui::screen::tests::context(&records, today)
        };
        board.refresh(&ctx);
        assert_eq!(shown(&board), Some(fresh(&records, Preset::Days90)));
        let _ = board.update(Message::Preset(Preset::Days30), &ctx);
        assert_eq!(
            shown(&board),
            Some(fresh(&records, Preset::Days30)),
            "figures of the period kept from before the save"
        );
        // A day later, the same records: the periods end a day later.
        let tomorrow = today.add_days(1);
        let ctx = Context {
            today: tomorrow,
            ..ctx
        };
        board.refresh(&ctx);
        let later = analysis::figures(&records, Preset::Days30.period(tomorrow), tomorrow);
        assert_eq!(shown(&board), Some(later.orders));
    }
}
