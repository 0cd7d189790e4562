//! The dashboard: the figures of FORMAT.md for a period, as charts people read at a
//! glance, and the defects behind every bar and cause one click away.

mod charts;
mod panels;
mod view;
pub mod words;

use std::time::{Duration, Instant};

use crate::analysis::{self, DefectRef, Figures, Period, Tally};
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
    /// The figures of `of` being worked out, while `figures` is `None`.
    working: Option<Working>,
}

/// Figures being worked out a slice of orders at a time: on five years of orders the whole
/// sum takes tens of milliseconds, more than a frame has, so each `update` adds a slice
/// and the screen says "working out…" until the last is in.
struct Working {
    /// The orders summed so far: those before `next` in the records.
    tally: Tally,
    next: usize,
}

impl std::fmt::Debug for Working {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Working").field("next", &self.next).finish()
    }
}

/// Orders summed in one go, on every core; slices of them are summed until [`BUDGET`] is
/// spent. Unit tests take a slice a call, of a few orders, to see the figures come
/// together from slices on the sample.
#[cfg(not(test))]
const SLICE: usize = 2_048;
#[cfg(test)]
const SLICE: usize = 3;
/// How long one `update` may spend on the figures, leaving the rest of the 8 ms a frame
/// has for drawing it.
#[cfg(not(test))]
const BUDGET: Duration = Duration::from_millis(3);
#[cfg(test)]
const BUDGET: Duration = Duration::ZERO;

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
    /// unless they are worked out already for these records, this day and this period;
    /// goes on with figures being worked out.
    ///
    /// On the sample this takes well under a millisecond; on 100,000 orders the sum takes
    /// tens of milliseconds in a release build (benches/ui.rs), so it is done a slice at a
    /// time, [`BUDGET`] per turn, of which `spent` went before this call (taking a batch of
    /// older orders, say): the app calls this after every message, and asks for another
    /// turn while [`Dashboard::working_out`]. Never per frame.
    pub fn refresh(&mut self, ctx: &Context, spent: Duration) {
        let of = (ctx.generation, ctx.today, self.preset);
        if self.of != Some(of) {
            self.begin(ctx, of);
        }
        self.work(ctx, spent);
    }

    /// Starts on the figures of `of`, or shows those kept for it.
    fn begin(&mut self, ctx: &Context, of: (u64, Date, Preset)) {
        match self.of.take() {
            Some((generation, today, preset)) if (generation, today) == (of.0, of.1) => {
                if let Some(figures) = self.figures.take() {
                    self.others.push((preset, figures));
                }
            }
            _ => self.others.clear(),
        }
        self.of = Some(of);
        self.figures = None;
        self.working = None;
        let kept = self
            .others
            .iter()
            .position(|(preset, _)| *preset == self.preset);
        match kept {
            Some(at) => {
                let figures = self.others.swap_remove(at).1;
                self.show(figures);
            }
            None => {
                self.working = Some(Working {
                    tally: Tally::new(self.preset.period(ctx.today)),
                    next: 0,
                });
            }
        }
    }

    /// Adds slices of orders to the figures being worked out until what `spent` left of
    /// [`BUDGET`] is spent, and shows them once every order is in.
    fn work(&mut self, ctx: &Context, spent: Duration) {
        let Some(working) = &mut self.working else {
            return;
        };
        let started = Instant::now();
        let budget = BUDGET.saturating_sub(spent);
        let orders = &ctx.records.orders;
        let period = self.preset.period(ctx.today);
        let from = working.next;
        // Many orders wait for the next turn where this one spent the budget before (taking
        // a batch of older orders): that turn has all of it. Else a slice at least, so the
        // figures come however busy the machine is.
        if spent > BUDGET && orders.len() > SLICE {
            return;
        }
        while working.next < orders.len() {
            let end = (working.next + SLICE).min(orders.len());
            let slice = &orders[working.next..end];
            working
                .tally
                .merge(analysis::tally(ctx.records, slice, period));
            working.next = end;
            if started.elapsed() >= budget {
                break;
            }
        }
        // Sorting out the sum (causes, fixes, weeks) takes a few milliseconds more on many
        // orders: in this turn only where it has time to spare, else in the next. Orders
        // that fit in one slice are done in one turn, as they always were.
        let sliced = orders.len() > SLICE && working.next > from;
        let tight = sliced && started.elapsed() >= budget / 2;
        if working.next < orders.len() || tight {
            return;
        }
        if let Some(working) = self.working.take() {
            self.show(working.tally.finish(ctx.records, ctx.today));
        }
    }

    /// Whether figures are still being worked out: [`Dashboard::refresh`] goes on with
    /// them.
    pub fn working_out(&self) -> bool {
        self.working.is_some()
    }

    /// Shows `figures`, letting go of a pick they no longer hold.
    fn show(&mut self, figures: Figures) {
        let gone = match self.picked {
            Some(Picked::Pareto(n)) => n >= figures.pareto.len(),
            Some(Picked::Fix(n)) => n >= figures.fixes.len(),
            Some(Picked::Recurring(n)) => n >= figures.recurring.len(),
            Some(Picked::Escapes) | None => false,
        };
        if gone {
            self.picked = None;
        }
        self.figures = Some(figures);
    }

    /// The figures shown, for tests.
    pub fn figures(&self) -> Option<&Figures> {
        self.figures.as_ref()
    }

    /// Handles a message; the records are not needed, as every screen is handed them.
    pub fn update(&mut self, message: Message, _ctx: &Context) -> Request<Message> {
        match message {
            Message::Preset(preset) => {
                // The app refreshes the figures after every message.
                self.preset = preset;
                self.picked = None;
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

    /// An order placed `today`, added to `records` as a save adds it.
    fn place_today(records: &mut crate::model::Records, today: Date) {
        let mut new = records.orders[0].clone();
        new.id = "2026-11-9999".into();
        new.placed = today;
        records.orders.push(new);
    }

    /// Refreshes `board` until its figures are in, as the app does turn after turn;
    /// how many turns that took.
    fn settle(board: &mut Dashboard, ctx: &Context) -> usize {
        let mut turns = 1;
        board.refresh(ctx, Duration::ZERO);
        while board.working_out() {
            assert!(board.figures().is_none(), "no figures while working out");
            board.refresh(ctx, Duration::ZERO);
            turns += 1;
        }
        turns
    }

    /// Summed a slice of orders per turn, the figures are those of one full pass, every
    /// one of them; records that change halfway start the sum again.
    #[test]
    fn figures_summed_in_slices_equal_those_of_one_pass() {
        let folder = crate::store::Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let mut records = folder.records().clone();
        let today = Date::new(2026, 11, 23).unwrap();
        let mut board = Dashboard::default();
        let ctx = crate::ui::screen::tests::context(&records, today);
        let turns = settle(&mut board, &ctx);
        assert!(
            turns > 2,
            "the sample's {} orders in slices of {SLICE}",
            records.orders.len()
        );
        let whole = analysis::figures(&records, Preset::Days90.period(today), today);
        assert_eq!(board.figures(), Some(&whole));

        let _ = board.update(Message::Preset(Preset::ThisYear), &ctx);
        board.refresh(&ctx, Duration::ZERO);
        assert!(board.working_out());
        // Halfway, an order is saved: the sum starts again on the new records.
        place_today(&mut records, today);
        let ctx = Context {
            generation: 1,
            ..crate::ui::screen::tests::context(&records, today)
        };
        settle(&mut board, &ctx);
        let whole = analysis::figures(&records, Preset::ThisYear.period(today), today);
        assert_eq!(board.figures(), Some(&whole));
    }

    /// A turn whose message spent the budget (a batch of older orders taken) leaves the sum
    /// of many orders to the next; the figures still come, and are those of one pass.
    #[test]
    fn a_turn_spent_before_leaves_the_sum_to_the_next() {
        let folder = crate::store::Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let records = folder.records();
        let today = Date::new(2026, 11, 23).unwrap();
        let ctx = crate::ui::screen::tests::context(records, today);
        let mut board = Dashboard::default();
        board.refresh(&ctx, Duration::from_millis(5));
        assert!(board.working_out(), "nothing summed in a spent turn");
        assert_eq!(board.working.as_ref().map(|w| w.next), Some(0));
        settle(&mut board, &ctx);
        let whole = analysis::figures(records, Preset::Days90.period(today), today);
        assert_eq!(board.figures(), Some(&whole));
    }

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
        settle(&mut board, &ctx);
        let shown = |board: &Dashboard| board.figures().map(|f| f.orders);
        assert_eq!(shown(&board), Some(fresh(&records, Preset::Days90)));
        let _ = board.update(Message::Preset(Preset::Days30), &ctx);
        settle(&mut board, &ctx);
        assert_eq!(shown(&board), Some(fresh(&records, Preset::Days30)));
        let _ = board.update(Message::Preset(Preset::Days90), &ctx);
        assert_eq!(settle(&mut board, &ctx), 1, "kept figures show at once");
        assert_eq!(shown(&board), Some(fresh(&records, Preset::Days90)));

        // An order placed today, saved: the records' generation moves on.
        place_today(&mut records, today);
        let ctx = Context {
            generation: 1,
            ..crate::ui::screen::tests::context(&records, today)
        };
        settle(&mut board, &ctx);
        assert_eq!(shown(&board), Some(fresh(&records, Preset::Days90)));
        let _ = board.update(Message::Preset(Preset::Days30), &ctx);
        settle(&mut board, &ctx);
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
        settle(&mut board, &ctx);
        let later = analysis::figures(&records, Preset::Days30.period(tomorrow), tomorrow);
        assert_eq!(shown(&board), Some(later.orders));
    }
}
