//! What the window costs a frame: a search keystroke over 1,000 procedures, and the first
//! frames on a workspace of 100,000 orders.
//!
//! `cargo bench --bench ui` (`-- keys`, `-- open`, `-- dashboard`, `-- desk` or `-- frames`
//! runs one part). Prints tables; it asserts nothing, since timings belong in notes, not in
//! pass/fail. The 100,000-order workspace is the one `benches/scale.rs` grows
//! (target/tmp/scale-100000; SCALE_ORDERS picks another size for a trial run); it is made
//! here if missing. "frames" prints every screen's median and slowest frame on it.
//!
//! A keystroke is `update` plus building the view, then laying it out one of three ways.
//! "cold" lays it out in a fresh `iced_test::Simulator` (new renderer, empty widget cache):
//! every text is shaped again, as on a section's first frame. "warm" keeps one renderer and
//! the widget cache between frames and lays out and draws (records primitives) as the
//! runtime does after a message. "full repaint" adds painting every pixel of the window on
//! the CPU, an upper bound: a real window repaints only the regions that changed.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use iced::Size;
use iced::theme::Base;
use iced_test::core::renderer::{Headless, Style};
use iced_test::core::{Event, clipboard, mouse, window};
use iced_test::futures::futures::executor::block_on;
use iced_test::runtime::user_interface;
use iced_test::simulator::Simulator;
use rightfirst::model::Date;
use rightfirst::store::Folder;
use rightfirst::ui::{App, Message};

const WINDOW: (f32, f32) = (1280.0, 820.0);
const PROCEDURES: usize = 1_000;
const KEYSTROKES: usize = 200;
/// Keystrokes laid out before timing, so fonts and the allocator are warm.
const WARM_UP: usize = 20;
/// The orders of the big workspace: SCALE_ORDERS, as for `benches/scale.rs`, or 100,000.
fn orders() -> usize {
    std::env::var("SCALE_ORDERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000)
}
const OPENS: usize = 3;
/// The argument that makes this program open the big workspace once and print its figures.
const OPEN_ONCE: &str = "open-once";

type Renderer = iced_test::renderer::Renderer;

#[path = "ui/frames.rs"]
mod frames;
#[path = "ui/opening.rs"]
mod opening;
#[path = "ui/shop.rs"]
mod shop;

fn headless_renderer() -> Renderer {
    let settings = iced::Settings::default();
    block_on(<Renderer as Headless>::new(
        iced::Font::with_name("Fira Sans"),
        settings.default_text_size,
        None,
    ))
    .expect("a tiny-skia renderer")
}

/// Lays out the app's view as a fresh simulator does: the whole cost of a first frame.
fn lay_out_cold(app: &App) {
    let ui = Simulator::with_size(iced::Settings::default(), WINDOW, app.view());
    drop(ui);
}

/// One renderer and widget cache kept between frames, as the runtime keeps them.
struct Window {
    renderer: Renderer,
    cache: Option<user_interface::Cache>,
}

impl Window {
    fn new() -> Window {
        Window {
            renderer: headless_renderer(),
            cache: Some(user_interface::Cache::default()),
        }
    }

    /// Rebuilds the interface against the last frame's, lays it out and draws it; with
    /// `repaint`, also paints every pixel of the window.
    fn frame(&mut self, app: &App, repaint: bool) {
        let cache = self.cache.take().unwrap_or_default();
        let mut ui = user_interface::UserInterface::build(
            app.view(),
            Size::new(WINDOW.0, WINDOW.1),
            cache,
            &mut self.renderer,
        );
        let mut messages = Vec::new();
        let _ = ui.update(
            &[Event::Window(
                window::Event::RedrawRequested(Instant::now()),
            )],
            mouse::Cursor::Unavailable,
            &mut self.renderer,
            &mut clipboard::Null,
            &mut messages,
        );
        let theme = app.theme();
        let style = Style {
            text_color: theme.base().text_color,
        };
        ui.draw(
            &mut self.renderer,
            &theme,
            &style,
            mouse::Cursor::Unavailable,
        );
        self.cache = Some(ui.into_cache());
        if repaint {
            let size = Size::new(WINDOW.0 as u32, WINDOW.1 as u32);
            let pixels = self
                .renderer
                .screenshot(size, 1.0, theme.base().background_color);
            drop(pixels);
        }
    }
}

/// Median and 95th percentile, in milliseconds.
fn spread(mut runs: Vec<Duration>) -> (f64, f64) {
    runs.sort();
    let at = |q: f64| {
        let index = ((runs.len() - 1) as f64 * q).round() as usize;
        runs[index].as_secs_f64() * 1e3
    };
    (at(0.5), at(0.95))
}

/// Times `frame` after each of the searches, `update` included.
fn per_keystroke(app: &mut App, searches: &[String], mut frame: impl FnMut(&App)) -> (f64, f64) {
    let mut runs = Vec::with_capacity(searches.len());
    for search in searches {
        let started = Instant::now();
        let _ = app.update(Message::Search(search.clone()));
        frame(app);
        runs.push(started.elapsed());
    }
    let _ = app.update(Message::Search(String::new()));
    spread(runs)
}

struct Row {
    label: String,
    figures: Vec<String>,
}

fn keystrokes(rows: &mut Vec<Row>) {
    let dir = tempfile::tempdir().expect("a temp folder");
    let made = Instant::now();
    let mut app = shop::shop_with_procedures(dir.path(), PROCEDURES);
    eprintln!(
        "made and opened {PROCEDURES} procedures in {:.1?}",
        made.elapsed()
    );
    // Searching while a procedure is open in the editor, as one does.
    let _ = app.update(Message::Procedures(
        rightfirst::ui::screen::procedures::Message::Select("scoop-ice-cream".to_owned()),
    ));

    // Type "water" and delete it again, over and over: w, wa, … water, wate, … w.
    let word = "water";
    let cycle: Vec<String> = (1..=word.len())
        .chain((1..word.len()).rev())
        .map(|n| word[..n].to_owned())
        .collect();
    let typing: Vec<String> = cycle.iter().cycle().take(KEYSTROKES).cloned().collect();
    // The worst case: every key changes which procedures are drawn, so all are laid out anew.
    let flipping: Vec<String> = ["wa", "wat"]
        .iter()
        .cycle()
        .take(KEYSTROKES)
        .map(|s| (*s).to_owned())
        .collect();
    let empty: Vec<String> = vec![String::new(); KEYSTROKES];
    let shown = |search: &str| {
        let needle = search.to_lowercase();
        app.folder()
            .map(|f| {
                f.records()
                    .procedures
                    .iter()
                    .filter(|p| rightfirst::ui::screen::procedures::Procedures::matches(p, &needle))
                    .count()
            })
            .unwrap_or(0)
    };
    let matching: Vec<usize> = cycle.iter().map(|s| shown(s)).collect();
    eprintln!("procedures matching {cycle:?}: {matching:?}");
    let all = shown("");

    for (label, searches) in [
        (format!("typing \"{word}\" ({KEYSTROKES} keys)"), &typing),
        (
            "\"wa\" ↔ \"wat\" (each key redraws all)".to_owned(),
            &flipping,
        ),
        (format!("empty search (all {all} match)"), &empty),
    ] {
        for search in searches.iter().take(WARM_UP) {
            let _ = app.update(Message::Search(search.clone()));
            lay_out_cold(&app);
        }
        let update = per_keystroke(&mut app, searches, |_| {});
        let view = per_keystroke(&mut app, searches, |app| drop(app.view()));
        let cold = per_keystroke(&mut app, searches, lay_out_cold);
        let mut window = Window::new();
        let warm = per_keystroke(&mut app, searches, |app| window.frame(app, false));
        let mut window = Window::new();
        let painted = per_keystroke(&mut app, searches, |app| window.frame(app, true));
        let cell = |(median, p95): (f64, f64)| format!("{median:.2} / {p95:.2}");
        rows.push(Row {
            label,
            figures: vec![
                cell(update),
                cell(view),
                cell(cold),
                cell(warm),
                cell(painted),
            ],
        });
    }
}

/// The workspace `benches/scale.rs` measures, grown here too if it is missing.
fn big_workspace() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("scale-{}", orders()));
    if !dir.join("workspace.ron").exists() {
        rightfirst::store::create(&dir, rightfirst::sample::FILES)
            .expect("sample workspace created");
    }
    let started = Instant::now();
    let written = rightfirst::generate::grow(&dir, orders()).expect("workspace grown");
    if written > 0 {
        eprintln!("generated {written} orders in {:.1?}", started.elapsed());
    }
    dir
}

fn print(title: &str, header: &[&str], rows: &[Row]) {
    if rows.is_empty() {
        return;
    }
    let width = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    // Each column as wide as its widest cell, and a space before it: a long step's name
    // ran into the figure before it.
    let column = |at: usize| {
        let cells = rows
            .iter()
            .filter_map(|r| r.figures.get(at))
            .map(|f| f.chars().count());
        let head = header.get(at).map_or(0, |h| h.chars().count());
        cells.chain([head, 19]).max().unwrap_or(19) + 1
    };
    let columns: Vec<usize> = (0..header.len()).map(column).collect();
    println!("{title}");
    print!("{:<width$}", "");
    for (head, wide) in header.iter().zip(&columns) {
        print!("{head:>wide$}");
    }
    println!();
    for row in rows {
        print!("{:<width$}", row.label);
        for (figure, wide) in row.figures.iter().zip(&columns) {
            print!("{figure:>wide$}");
        }
        println!();
    }
}

/// The window open on the 100,000-order workspace as its owner, on the day it ends.
fn big_app() -> App {
    let folder = Folder::open(&big_workspace()).expect("the big workspace opens");
    App::with_folder(
        folder,
        Some("ellen"),
        Date::new(2026, 11, 23).expect("a day"),
    )
}

/// Every turn the screen in front asks for to work its lists and figures out, at once.
fn work_out(app: &mut App) {
    while app.working_out() {
        let _ = app.update(Message::Derive);
    }
}

/// The dashboard on the 100,000-order workspace: entering it (the figures worked out for
/// 90 days, every slice of them) and switching to "this year", each with a cold layout of
/// the view, in ms.
fn dashboard(rows: &mut Vec<Row>) {
    use iced::keyboard::{Key, Modifiers};
    use rightfirst::ui::screen::dashboard::{Message as Dash, Preset};
    let mut app = big_app();
    let mut enter = Vec::new();
    let mut year = Vec::new();
    for _ in 0..OPENS {
        let _ = app.update(Message::Key(Key::Character("1".into()), Modifiers::COMMAND));
        let started = Instant::now();
        let _ = app.update(Message::Key(Key::Character("5".into()), Modifiers::COMMAND));
        work_out(&mut app);
        let computed = started.elapsed();
        lay_out_cold(&app);
        enter.push((computed, started.elapsed()));
        let started = Instant::now();
        let _ = app.update(Message::Dashboard(Dash::Preset(Preset::ThisYear)));
        work_out(&mut app);
        let computed = started.elapsed();
        lay_out_cold(&app);
        year.push((computed, started.elapsed()));
        let _ = app.update(Message::Dashboard(Dash::Preset(Preset::Days90)));
    }
    let ms = |d: Duration| format!("{:.1}", d.as_secs_f64() * 1000.0);
    let median = |mut runs: Vec<(Duration, Duration)>| {
        runs.sort();
        let (figures, frame) = runs[runs.len() / 2];
        vec![ms(figures), ms(frame)]
    };
    rows.push(Row {
        label: "enter (90 days)".to_owned(),
        figures: median(enter),
    });
    rows.push(Row {
        label: "this year".to_owned(),
        figures: median(year),
    });
}

/// The staff's desk on the 100,000-order workspace: a search typed into the orders list
/// (shown all, and only failed checks) and into the defect log, each key's update and
/// warm frame, in ms median / p95.
fn desk(rows: &mut Vec<Row>) {
    use iced::keyboard::{Key, Modifiers};
    use rightfirst::ui::screen::orders::{Filter, Message as Orders};
    let mut app = big_app();
    let typed = |word: &str| -> Vec<String> {
        let cycle: Vec<String> = (1..=word.len())
            .chain((1..word.len()).rev())
            .map(|n| word[..n].to_owned())
            .collect();
        cycle.iter().cycle().take(KEYSTROKES / 4).cloned().collect()
    };
    let mut measure = |app: &mut App, label: &str, searches: &[String]| {
        let mut window = Window::new();
        for search in searches.iter().take(WARM_UP / 4) {
            let _ = app.update(Message::Search(search.clone()));
            window.frame(app, false);
        }
        let (median, p95) = per_keystroke(app, searches, |app| window.frame(app, false));
        rows.push(Row {
            label: label.to_owned(),
            figures: vec![format!("{median:.2} / {p95:.2}")],
        });
    };
    let _ = app.update(Message::Key(Key::Character("3".into()), Modifiers::COMMAND));
    measure(&mut app, "orders, all, typing \"G00123\"", &typed("G00123"));
    let _ = app.update(Message::Orders(Orders::Filter(Filter::CheckFailed)));
    measure(
        &mut app,
        "orders, check failed, typing \"G00123\"",
        &typed("G00123"),
    );
    let _ = app.update(Message::Orders(Orders::Filter(Filter::All)));
    let _ = app.update(Message::Key(Key::Character("4".into()), Modifiers::COMMAND));
    measure(&mut app, "defect log, typing \"remade\"", &typed("remade"));
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if let [once, dir, front] = args.as_slice()
        && once == OPEN_ONCE
        && let Some(front) = opening::Front::from_arg(front)
    {
        println!("{}", opening::open(Path::new(dir), front).to_line());
        return;
    }
    // Boot reads and writes the user's config: keep that in a folder of our own.
    let home = tempfile::tempdir().expect("a temp folder");
    // SAFETY: no other thread is running yet.
    unsafe {
        std::env::set_var("XDG_CONFIG_HOME", home.path().join("config"));
        std::env::set_var("XDG_DATA_HOME", home.path().join("data"));
    }
    let runs = |part: &str| args.is_empty() || args.iter().any(|a| a == part);
    let (mut typing, mut opening, mut board) = (Vec::new(), Vec::new(), Vec::new());
    let (mut counter, mut screens) = (Vec::new(), Vec::new());
    if runs("keys") {
        keystrokes(&mut typing);
    }
    if runs("open") {
        opening::first_frames(&mut opening);
    }
    if runs("dashboard") {
        dashboard(&mut board);
    }
    if runs("desk") {
        desk(&mut counter);
    }
    if runs("frames") {
        frames::frames(&mut screens);
    }
    let orders = orders();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "\n{} cores, load average {} (other work slows every figure)",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        load.split(' ').take(3).collect::<Vec<_>>().join(" ")
    );
    println!();
    print(
        &format!(
            "Search keystroke, {PROCEDURES} procedures, window {}x{}, ms median / p95",
            WINDOW.0, WINDOW.1
        ),
        &[
            "update",
            "+ view()",
            "+ cold layout",
            "+ warm layout+draw",
            "+ full repaint",
        ],
        &typing,
    );
    println!();
    print(
        &format!("Opening {orders} orders, each in a new process (warm page cache), ms"),
        &[&format!("median of {OPENS}"), "slowest"],
        &opening,
    );
    println!();
    print(
        &format!("Dashboard on {orders} orders, ms (median of {OPENS})"),
        &["figures", "+ cold layout"],
        &board,
    );
    println!();
    print(
        &format!("A key typed into a search on {orders} orders, update + warm frame, ms"),
        &["median / p95"],
        &counter,
    );
    println!();
    print(
        &format!("Every screen on {orders} orders: update + warm frame, ms (target: all under 8)"),
        &[
            "median",
            "slowest",
            "slowest step",
            "first visit",
            "its slowest step",
        ],
        &screens,
    );
}
