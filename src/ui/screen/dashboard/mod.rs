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
    /// Works the figures out anew for the chosen period, from the records as they are now.
    ///
    /// On the sample this takes well under a millisecond and on 100,000 orders a few tens
    /// of milliseconds in a release build (benches/ui.rs), so it runs on the UI thread when
    /// the screen is shown or the period changes, never per frame.
    pub fn refresh(&mut self, ctx: &Context) {
        let period = self.preset.period(ctx.today);
        self.figures = Some(analysis::figures(ctx.records, period, ctx.today));
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
