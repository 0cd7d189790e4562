//! What the window costs a frame: a search keystroke over 1,000 procedures, and the first
//! frames on a workspace of 100,000 orders.
//!
//! `cargo bench --bench ui` (`-- keys` or `-- open` runs one half). Prints one table; it
//! asserts nothing, since timings belong in notes, not in pass/fail. The 100,000-order
//! workspace is the one `benches/scale.rs` grows (target/tmp/scale-100000); it is made here
//! if missing.
//!
//! A keystroke is `update` plus building the view, then laying it out one of three ways.
//! "cold" lays it out in a fresh `iced_test::Simulator` (new renderer, empty widget cache):
//! every text is shaped again, as on a section's first frame. "warm" keeps one renderer and
//! the widget cache between frames and lays out and draws (records primitives) as the
//! runtime does after a message. "full repaint" adds painting every pixel of the window on
//! the CPU, an upper bound: a real window repaints only the regions that changed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use iced::Size;
use iced::theme::Base;
use iced_test::core::renderer::{Headless, Style};
use iced_test::core::{Event, clipboard, mouse, window};
use iced_test::futures::futures::{StreamExt, executor::block_on};
use iced_test::runtime::{Action, task, user_interface};
use iced_test::simulator::Simulator;
use rightfirst::model::{Change, Date, Number, Procedure, Spec, Status, Step};
use rightfirst::store::Folder;
use rightfirst::store::config::{Config, Places};
use rightfirst::ui::{App, Message, Start};

const WINDOW: (f32, f32) = (1280.0, 820.0);
const PROCEDURES: usize = 1_000;
const KEYSTROKES: usize = 200;
/// Keystrokes laid out before timing, so fonts and the allocator are warm.
const WARM_UP: usize = 20;
const ORDERS: usize = 100_000;
const OPENS: usize = 3;
/// The argument that makes this program open the big workspace once and print its figures.
const OPEN_ONCE: &str = "open-once";

type Renderer = iced_test::renderer::Renderer;

// Procedure text from a made-up but plausible shop, so titles and steps have real lengths.
const AREAS: &[&str] = &[
    "Counter",
    "Kitchen",
    "Freezer",
    "Waffle iron",
    "Milkshake bar",
    "Till",
    "Storeroom",
    "Terrace",
    "Deliveries",
    "Dishwasher",
    "Coffee machine",
    "Toilets",
];
const TASKS: &[&str] = &[
    "opening",
    "closing down",
    "restocking",
    "daily clean",
    "temperature check",
    "allergen check",
    "stock count",
    "deep clean",
    "shift hand-over",
    "waste log",
    "fault report",
    "new staff walk-through",
];
const STEPS: &[&str] = &[
    "Wash your hands at the hand basin for twenty seconds and dry them on a paper towel.",
    "Read the thermometer on the door and write the temperature on the day sheet with the time.",
    "Wipe every surface with the blue cloth and the green spray, then leave it to dry for a minute.",
    "Check the best-before dates on the front row and move anything that ends this week to the top shelf.",
    "Fill the water bath to the line and switch it on; it takes twenty minutes to warm up.",
    "Count the boxes on the shelf and write the number on the stock list next to the product.",
    "Empty the bins, put in new bags and take the full ones to the container behind the shop.",
    "Ask the customer about allergies before you start, and write them on the slip in capitals.",
    "Weigh one portion on the scale and compare it with the card on the wall.",
    "Tell the person taking over what is running low and anything a customer is waiting for.",
    "Lock the back door, check the freezer lids are closed and switch off the lights in the storeroom.",
    "Run the rinse programme once with the machine empty before the first load of the day.",
];
const WARNINGS: &[&str] = &[
    "Above 7 °C: take everything out of sale and tell the owner on shift.",
    "Never use the same cloth for the toilets and the counter.",
    "A customer with a nut allergy: use the red-taped tools only.",
    "Switched off or broken: stop and phone the owner before you carry on.",
];

/// A small, seedable generator: the same procedures every run.
struct SplitMix(u64);

impl SplitMix {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// `count` valid procedures of 3 to 10 steps, some with a spec or a warning.
fn procedures(count: usize) -> Vec<Procedure> {
    let mut rng = SplitMix(1000);
    let day = |d| Date::new(2026, 10, d).expect("a real day");
    (0..count)
        .map(|n| {
            let (area, task) = (rng.pick(AREAS), rng.pick(TASKS));
            let approved = rng.below(4) > 0;
            let revision = 1 + rng.below(4) as u32;
            let steps = (0..3 + rng.below(8))
                .map(|s| Step {
                    id: format!("s{s}"),
                    text: rng.pick(STEPS).to_owned(),
                    spec: (rng.below(5) == 0).then(|| Spec {
                        what: "temperature".to_owned(),
                        unit: "°C".to_owned(),
                        target: Number::new(4.0),
                        min: Number::new(0.0),
                        max: Number::new(7.0),
                    }),
                    warning: (rng.below(6) == 0).then(|| rng.pick(WARNINGS).to_owned()),
                    photos: Vec::new(),
                })
                .collect();
            Procedure {
                id: format!("{}-{}-{n:04}", slug(area), slug(task)),
                title: format!("{area}: {task} ({})", n / AREAS.len() + 1),
                purpose: format!("The {task} of the {} done the same way by everyone.", {
                    area.to_lowercase()
                }),
                scope: "Every shift, whoever is on.".to_owned(),
                owner: "ellen".to_owned(),
                revision,
                status: if approved {
                    Status::Approved {
                        by: "ellen".to_owned(),
                        on: day(20),
                    }
                } else {
                    Status::Draft
                },
                review_by: Date::new(2027, 10, 20),
                steps,
                changes: (2..=revision)
                    .map(|revision| Change {
                        revision,
                        on: day(revision as i8),
                        by: "tom".to_owned(),
                        note: "Steps reordered after a mistake at the counter.".to_owned(),
                        retrain: true,
                    })
                    .collect(),
            }
        })
        .collect()
}

fn slug(words: &str) -> String {
    words
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The sample business plus `count` generated procedures, opened as Ellen (an owner).
fn shop_with_procedures(dir: &Path, count: usize) -> App {
    let root = dir.join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).expect("sample workspace created");
    let mut folder = Folder::open(&root).expect("sample opens");
    folder
        .save_new(procedures(count))
        .expect("procedures saved");
    let folder = Folder::open(&root).expect("workspace opens");
    assert_eq!(folder.error_count(), 0, "{:#?}", folder.findings());
    App::with_folder(
        folder,
        Some("ellen"),
        Date::new(2026, 11, 23).expect("a day"),
    )
}

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
    let mut app = shop_with_procedures(dir.path(), PROCEDURES);
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
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("scale-{ORDERS}"));
    if !dir.join("workspace.ron").exists() {
        rightfirst::store::create(&dir, rightfirst::sample::FILES)
            .expect("sample workspace created");
    }
    let started = Instant::now();
    let written = rightfirst::generate::grow(&dir, ORDERS).expect("workspace grown");
    if written > 0 {
        eprintln!("generated {written} orders in {:.1?}", started.elapsed());
    }
    dir
}

/// One window start on `dir` through `App::boot`, its loader driven as the runtime drives it.
struct Opening {
    /// `boot` until the "Opening…" view is laid out.
    first_frame: Duration,
    /// `boot` until the first progress report reaches `update`.
    first_progress: Option<Duration>,
    /// `boot` until the loaded workspace reaches `update`.
    loaded: Duration,
    /// `boot` until the first view of the open workspace is laid out.
    open_frame: Duration,
    /// Progress reports seen, and the longest wait between two of them.
    reports: usize,
    longest_gap: Duration,
}

impl Opening {
    /// One line of microseconds, for the parent process to read.
    fn to_line(&self) -> String {
        let us = |d: Duration| d.as_micros().to_string();
        let progress = self.first_progress.map_or("-".to_owned(), us);
        format!(
            "{} {progress} {} {} {} {}",
            us(self.first_frame),
            us(self.loaded),
            us(self.open_frame),
            self.reports,
            us(self.longest_gap)
        )
    }

    fn from_line(line: &str) -> Option<Opening> {
        let fields: Vec<&str> = line.split(' ').collect();
        let us = |i: usize| -> Option<Duration> {
            fields.get(i)?.parse().ok().map(Duration::from_micros)
        };
        Some(Opening {
            first_frame: us(0)?,
            first_progress: us(1),
            loaded: us(2)?,
            open_frame: us(3)?,
            reports: fields.get(4)?.parse().ok()?,
            longest_gap: us(5)?,
        })
    }
}

/// `open` in a new process of this program, so fonts, heap and threads start cold, as in a
/// window just launched.
fn open_in_new_process(dir: &Path) -> Opening {
    let program = std::env::current_exe().expect("this program's path");
    let output = Command::new(program)
        .arg(OPEN_ONCE)
        .arg(dir)
        .output()
        .expect("this program runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    stdout
        .lines()
        .last()
        .and_then(Opening::from_line)
        .unwrap_or_else(|| {
            panic!(
                "no figures from the child: {stdout}{}",
                String::from_utf8_lossy(&output.stderr)
            )
        })
}

fn open(dir: &Path) -> Opening {
    let started = Instant::now();
    let (mut app, boot_task) = App::boot(Start::Folder(dir.to_path_buf()));
    lay_out_cold(&app);
    let first_frame = started.elapsed();

    let mut stream = task::into_stream(boot_task).expect("boot starts the loader");
    let (mut first_progress, mut loaded) = (None, None);
    let (mut reports, mut last, mut longest_gap) = (0, first_frame, Duration::ZERO);
    while let Some(action) = block_on(stream.next()) {
        // Other actions (the system theme query) need a real runtime; a window does not wait for them.
        let Action::Output(message) = action else {
            continue;
        };
        let at = started.elapsed();
        let done = matches!(message, Message::Loaded(_));
        if matches!(message, Message::Loading(..)) {
            first_progress.get_or_insert(at);
            reports += 1;
            longest_gap = longest_gap.max(at - last);
            last = at;
        }
        let _ = app.update(message);
        if done {
            loaded = Some(at);
            break;
        }
    }
    let loaded = loaded.expect("the loader reports back");
    assert!(app.folder().is_some(), "the workspace opened");
    lay_out_cold(&app);
    let open_frame = started.elapsed();
    Opening {
        first_frame,
        first_progress,
        loaded,
        open_frame,
        reports,
        longest_gap,
    }
}

fn first_frames(rows: &mut Vec<Row>) {
    let dir = big_workspace();
    // As someone who has opened it before: the config names who is at the keyboard.
    if let Some(places) = Places::of_user() {
        let mut config = Config::default();
        config.people.insert(dir.clone(), "ellen".to_owned());
        config.save(&places.config).expect("config saved");
    }
    let runs: Vec<Opening> = (0..OPENS).map(|_| open_in_new_process(&dir)).collect();
    let ms = |pick: &dyn Fn(&Opening) -> Duration| {
        let slowest = runs.iter().map(pick).max().unwrap_or_default();
        let median = spread(runs.iter().map(pick).collect()).0;
        vec![
            format!("{median:.1}"),
            format!("{:.1}", slowest.as_secs_f64() * 1e3),
        ]
    };
    let gaps = |o: &Opening| o.longest_gap;
    for (label, figures) in [
        ("(a) boot → \"Opening…\" laid out", ms(&|o| o.first_frame)),
        (
            "(c) boot → first progress report",
            ms(&|o| o.first_progress.unwrap_or(o.loaded)),
        ),
        ("    boot → workspace loaded", ms(&|o| o.loaded)),
        ("(b) boot → open desk laid out", ms(&|o| o.open_frame)),
        ("    longest wait between reports", ms(&gaps)),
    ] {
        rows.push(Row {
            label: label.to_owned(),
            figures,
        });
    }
    rows.push(Row {
        label: "    progress reports".to_owned(),
        figures: vec![runs[0].reports.to_string(), String::new()],
    });
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
    println!("{title}");
    print!("{:<width$}", "");
    for column in header {
        print!("{column:>20}");
    }
    println!();
    for row in rows {
        print!("{:<width$}", row.label);
        for figure in &row.figures {
            print!("{figure:>20}");
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

/// The dashboard on the 100,000-order workspace: entering it (the figures worked out for
/// 90 days) and switching to "this year", each with a cold layout of the view, in ms.
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
        let computed = started.elapsed();
        lay_out_cold(&app);
        enter.push((computed, started.elapsed()));
        let started = Instant::now();
        let _ = app.update(Message::Dashboard(Dash::Preset(Preset::ThisYear)));
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
    if let [once, dir] = args.as_slice()
        && once == OPEN_ONCE
    {
        println!("{}", open(Path::new(dir)).to_line());
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
    let mut counter = Vec::new();
    if runs("keys") {
        keystrokes(&mut typing);
    }
    if runs("open") {
        first_frames(&mut opening);
    }
    if runs("dashboard") {
        dashboard(&mut board);
    }
    if runs("desk") {
        desk(&mut counter);
    }
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
        &format!("Opening {ORDERS} orders, each in a new process (warm page cache), ms"),
        &[&format!("median of {OPENS}"), "slowest"],
        &opening,
    );
    println!();
    print(
        &format!("Dashboard on {ORDERS} orders, ms (median of {OPENS})"),
        &["figures", "+ cold layout"],
        &board,
    );
    println!();
    print(
        &format!("A key typed into a search on {ORDERS} orders, update + warm frame, ms"),
        &["median / p95"],
        &counter,
    );
}
