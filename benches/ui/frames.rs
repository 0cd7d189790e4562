//! Every screen's frames on the big workspace: what the user does there (enter it, pick a
//! filter, type into the search, open the first order found) and a few frames with nothing
//! to do, each timed as `update` plus a warm frame (view, layout, draw), as the runtime runs
//! it after a message. Prints the median and the slowest frame per screen, and which step
//! the slowest was; the target is every frame under 8 ms.

use std::time::{Duration, Instant};

use iced::keyboard::{Key, Modifiers};
use rightfirst::ui::screen::dashboard::{Message as Dash, Preset};
use rightfirst::ui::screen::defects::Message as Log;
use rightfirst::ui::screen::orders::{Filter, Message as Orders};
use rightfirst::ui::{App, Message, Section};

use super::{Row, Window, big_app, spread};

/// Frames timed with no message: the window drawing again (a resize, the cursor blinking).
const IDLE: usize = 5;
/// Times each screen's walk is run; the first run is the first visit, later ones are not.
const ROUNDS: usize = 3;

/// One thing the user does, or nothing: a frame is drawn either way.
enum Step {
    Send(&'static str, Message),
    Idle,
}

fn key(digit: &str) -> Message {
    Message::Key(Key::Character(digit.into()), Modifiers::COMMAND)
}

/// The searches typing `word` sends, key by key, then taken back key by key.
fn typing(word: &str) -> Vec<Step> {
    let there = (1..=word.len()).map(|n| &word[..n]);
    let back = (0..word.len()).rev().map(|n| &word[..n]);
    there
        .chain(back)
        .map(|typed| Step::Send("a key in the search", Message::Search(typed.to_owned())))
        .collect()
}

fn idle() -> Vec<Step> {
    (0..IDLE).map(|_| Step::Idle).collect()
}

/// What is done on each screen, from entering it.
fn walks() -> Vec<(String, Vec<Step>)> {
    let filters = [
        ("all", Filter::All),
        ("not checked", Filter::NotChecked),
        ("check failed", Filter::CheckFailed),
        ("open defects", Filter::OpenDefects),
        ("over the alarm", Filter::OverAlarm),
    ];
    let mut walks = Vec::new();
    for (name, filter) in filters {
        let mut steps = vec![
            Step::Send("enter the screen", key("3")),
            Step::Send("pick the filter", Message::Orders(Orders::Filter(filter))),
        ];
        steps.extend(idle());
        steps.extend(typing("G00123"));
        steps.push(Step::Send("type 0012", Message::Search("0012".into())));
        steps.push(Step::Send("Enter: open the first", Message::SearchSubmit));
        steps.extend(idle());
        steps.push(Step::Send(
            "clear the search",
            Message::Search(String::new()),
        ));
        steps.push(Step::Send(
            "close the order",
            Message::Orders(Orders::Close),
        ));
        walks.push((format!("orders, {name}"), steps));
    }
    let mut log = vec![Step::Send("enter the screen", key("4"))];
    log.extend(idle());
    log.extend(typing("remade"));
    for (what, message) in [
        (
            "only open",
            Log::State(Some(rightfirst::model::DefectState::Open)),
        ),
        ("only overdue", Log::OverdueOnly(true)),
        ("not only overdue", Log::OverdueOnly(false)),
        ("every state", Log::State(None)),
    ] {
        log.push(Step::Send(what, Message::Defects(message)));
    }
    log.extend(idle());
    walks.push(("defect log".to_owned(), log));
    let mut board = vec![Step::Send("enter the screen", key("5"))];
    board.extend(idle());
    for (what, preset) in [("this year", Preset::ThisYear), ("90 days", Preset::Days90)] {
        board.push(Step::Send(what, Message::Dashboard(Dash::Preset(preset))));
    }
    board.extend(idle());
    walks.push(("dashboard".to_owned(), board));
    let training = Message::Section(Section::Training);
    let mut matrix = vec![Step::Send("enter the screen", training)];
    matrix.extend(idle());
    walks.push(("training matrix".to_owned(), matrix));
    let mut procedures = vec![Step::Send("enter the screen", key("1"))];
    procedures.extend(idle());
    procedures.extend(typing("scoop"));
    walks.push(("procedures".to_owned(), procedures));
    walks
}

/// Takes `step` and draws the frame after it; then, while the screen works something out
/// a slice per turn, each turn and its frame, as the runtime runs them (the window sends
/// itself `Message::Derive` for each).
fn timed(app: &mut App, window: &mut Window, step: Step) -> Vec<(&'static str, Duration)> {
    let started = Instant::now();
    let what = match step {
        Step::Send(what, message) => {
            let _ = app.update(message);
            what
        }
        Step::Idle => "nothing (a redraw)",
    };
    window.frame(app, false);
    let mut frames = vec![(what, started.elapsed())];
    while app.working_out() {
        let started = Instant::now();
        let _ = app.update(Message::Derive);
        window.frame(app, false);
        frames.push(("working out (a slice)", started.elapsed()));
    }
    frames
}

/// Walks every screen once, each step with its frame, as a user looking round the window
/// does: the lists and search texts the screens build are then held.
pub fn visit_every_screen(app: &mut App) {
    let mut window = Window::new();
    for (_, steps) in walks() {
        for step in steps {
            timed(app, &mut window, step);
        }
    }
}

/// One screen's frames: those after its first visit, the slowest of them and the step
/// before it, and the slowest frame of its first visit.
struct Screen {
    label: String,
    times: Vec<Duration>,
    slowest: (&'static str, Duration),
    first: (&'static str, Duration),
}

/// Walks every screen `ROUNDS` times in one window and prints, per screen, the median and
/// slowest frame of the rounds after the first, and the slowest of the first visit.
pub fn frames(rows: &mut Vec<Row>) {
    let mut app = big_app();
    let mut window = Window::new();
    let mut screens: Vec<Screen> = Vec::new();
    for round in 0..ROUNDS {
        for (at, (label, steps)) in walks().into_iter().enumerate() {
            let mut times = Vec::new();
            let mut slowest = ("", Duration::ZERO);
            for step in steps {
                for (what, took) in timed(&mut app, &mut window, step) {
                    times.push(took);
                    if took > slowest.1 {
                        slowest = (what, took);
                    }
                }
            }
            if round == 0 {
                screens.push(Screen {
                    label,
                    times: Vec::new(),
                    slowest: ("", Duration::ZERO),
                    first: slowest,
                });
                continue;
            }
            let screen = &mut screens[at];
            screen.times.extend(times);
            if slowest.1 > screen.slowest.1 {
                screen.slowest = slowest;
            }
        }
    }
    let ms = |d: Duration| format!("{:.2}", d.as_secs_f64() * 1e3);
    for screen in screens {
        let median = spread(screen.times).0;
        rows.push(Row {
            label: screen.label,
            figures: vec![
                format!("{median:.2}"),
                ms(screen.slowest.1),
                screen.slowest.0.to_owned(),
                ms(screen.first.1),
                screen.first.0.to_owned(),
            ],
        });
    }
}
