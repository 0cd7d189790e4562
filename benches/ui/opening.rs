//! Starting the window on the big workspace, each time in a new process: how soon it shows
//! "Opening…", reports progress, has read the newest orders and lays the desk out (usable),
//! how soon the older orders are all in (read in batches behind the open desk) and the
//! longest a batch holds up the window's thread (its `update` and the frame drawn after it),
//! and the memory it then holds, and again once
//! every screen has been visited (their lists and search texts built). The longest batch is
//! timed with the desk as it opens (procedures in front), and with each screen in front
//! whose lists or figures each batch changes: the orders and the defect log with a search
//! typed, and the dashboard.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use iced_test::futures::futures::{StreamExt, executor::block_on};
use iced_test::runtime::{Action, task};
use rightfirst::store::config::{Config, Places};
use rightfirst::ui::{App, Message, Section, Start};

use super::frames::visit_every_screen;
use super::{OPEN_ONCE, OPENS, Row, Window, big_workspace, lay_out_cold, spread};

/// One window start on `dir` through `App::boot`, its loader driven as the runtime drives it.
pub struct Opening {
    /// `boot` until the "Opening…" view is laid out.
    first_frame: Duration,
    /// `boot` until the first progress report reaches `update`.
    first_progress: Option<Duration>,
    /// `boot` until the loaded workspace reaches `update`.
    loaded: Duration,
    /// `boot` until the first view of the open workspace is laid out: the desk is usable.
    open_frame: Duration,
    /// `boot` until the last batch of older orders is in and the desk laid out again.
    all_in: Duration,
    /// Batches of older orders, and the longest frame of one: its `update` and the frame
    /// drawn after it (view, layout, draw against the frame before), as the runtime runs
    /// them; the window's thread is busy with it, so typing waits that long at most.
    batches: usize,
    longest_batch: Duration,
    /// Of the longest, the time the window's thread was on the CPU: what is left of it on a
    /// machine with nothing else to do.
    longest_batch_cpu: Duration,
    /// Progress reports seen, and the longest wait between two of them.
    reports: usize,
    longest_gap: Duration,
    /// Resident memory once the desk is laid out, and its peak, in kB (0 where unknown).
    resident: u64,
    peak: u64,
    /// Resident memory after every screen was visited, and the peak until then, in kB.
    visited: u64,
    visited_peak: u64,
}

/// How long after the last batch the window's memory is measured: the loader gives back
/// what it freed 0.1 s after the last batch is taken.
const SETTLED: Duration = Duration::from_millis(500);

/// A figure of /proc/self/status in kB ("VmRSS", "VmHWM"); 0 where there is none.
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

impl Opening {
    /// One line of microseconds, for the parent process to read.
    pub fn to_line(&self) -> String {
        let us = |d: Duration| d.as_micros().to_string();
        let progress = self.first_progress.map_or("-".to_owned(), us);
        format!(
            "{} {progress} {} {} {} {} {} {} {} {} {} {} {} {}",
            us(self.first_frame),
            us(self.loaded),
            us(self.open_frame),
            us(self.all_in),
            self.batches,
            us(self.longest_batch),
            self.reports,
            us(self.longest_gap),
            self.resident,
            self.peak,
            self.visited,
            self.visited_peak,
            us(self.longest_batch_cpu),
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
            all_in: us(4)?,
            batches: fields.get(5)?.parse().ok()?,
            longest_batch: us(6)?,
            reports: fields.get(7)?.parse().ok()?,
            longest_gap: us(8)?,
            resident: fields.get(9)?.parse().ok()?,
            peak: fields.get(10)?.parse().ok()?,
            visited: fields.get(11)?.parse().ok()?,
            visited_peak: fields.get(12)?.parse().ok()?,
            longest_batch_cpu: us(13)?,
        })
    }
}

/// What is in front while the older orders land.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Front {
    /// The desk as it opens: the procedures.
    AsOpened,
    /// The orders, with a search typed: each batch changes what it lists.
    OrdersSearched,
    /// The defect log, with a search typed.
    DefectsSearched,
    /// The dashboard, whose figures each batch changes.
    Dashboard,
}

impl Front {
    /// The argument that asks a child process for this.
    pub fn arg(self) -> &'static str {
        match self {
            Front::AsOpened => "as-opened",
            Front::OrdersSearched => "orders-searched",
            Front::DefectsSearched => "defects-searched",
            Front::Dashboard => "dashboard",
        }
    }

    pub fn from_arg(arg: &str) -> Option<Front> {
        [
            Front::AsOpened,
            Front::OrdersSearched,
            Front::DefectsSearched,
            Front::Dashboard,
        ]
        .into_iter()
        .find(|front| front.arg() == arg)
    }
}

/// The CPU time of the calling thread.
fn thread_cpu() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// `open` in a new process of this program, so fonts, heap and threads start cold, as in a
/// window just launched.
fn open_in_new_process(dir: &Path, front: Front) -> Opening {
    let program = std::env::current_exe().expect("this program's path");
    let output = Command::new(program)
        .arg(OPEN_ONCE)
        .arg(dir)
        .arg(front.arg())
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

pub fn open(dir: &Path, front: Front) -> Opening {
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
    let (section, search) = match front {
        Front::AsOpened => (None, None),
        Front::OrdersSearched => (Some(Section::Orders), Some("G00123")),
        Front::DefectsSearched => (Some(Section::Defects), Some("remade")),
        Front::Dashboard => (Some(Section::Dashboard), None),
    };
    if let Some(section) = section {
        let _ = app.update(Message::Section(section));
    }
    if let Some(search) = search {
        let _ = app.update(Message::Search(search.to_owned()));
    }
    // The desk drawn once, so each batch's frame is drawn against the one before it.
    let mut window = Window::new();
    window.frame(&app, false);
    // The older orders, as the runtime hands them over while the desk is in use.
    let (mut batches, mut longest_batch) = (0, Duration::ZERO);
    let mut longest_batch_cpu = Duration::ZERO;
    while app
        .folder()
        .is_some_and(|folder| folder.older_orders().is_some())
    {
        let Some(action) = block_on(stream.next()) else {
            break;
        };
        let Action::Output(message) = action else {
            continue;
        };
        // The whole frame: the batch taken, what the screen in front derives from it, and
        // the screen drawn with it.
        let (at, cpu) = (Instant::now(), thread_cpu());
        let _ = app.update(message);
        window.frame(&app, false);
        batches += 1;
        if at.elapsed() > longest_batch {
            longest_batch = at.elapsed();
            longest_batch_cpu = thread_cpu() - cpu;
        }
    }
    lay_out_cold(&app);
    let all_in = started.elapsed();
    // The memory freed while reading goes back to the system once the window has drawn the
    // last batch (`Rest::settle`): measured as a user finds the window a moment later.
    std::thread::sleep(SETTLED);
    let (resident, peak) = (status_kb("VmRSS"), status_kb("VmHWM"));
    visit_every_screen(&mut app);
    Opening {
        first_frame,
        first_progress,
        loaded,
        open_frame,
        all_in,
        batches,
        longest_batch,
        longest_batch_cpu,
        reports,
        longest_gap,
        resident,
        peak,
        visited: status_kb("VmRSS"),
        visited_peak: status_kb("VmHWM"),
    }
}

/// The median and the slowest of `runs`' figure `pick`, in ms.
fn median_and_slowest(runs: &[Opening], pick: &dyn Fn(&Opening) -> Duration) -> Vec<String> {
    let slowest = runs.iter().map(pick).max().unwrap_or_default();
    let median = spread(runs.iter().map(pick).collect()).0;
    vec![
        format!("{median:.1}"),
        format!("{:.1}", slowest.as_secs_f64() * 1e3),
    ]
}

pub fn first_frames(rows: &mut Vec<Row>) {
    let dir = big_workspace();
    // As someone who has opened it before: the config names who is at the keyboard.
    if let Some(places) = Places::of_user() {
        let mut config = Config::default();
        config.people.insert(dir.clone(), "ellen".to_owned());
        config.save(&places.config).expect("config saved");
    }
    let runs: Vec<Opening> = (0..OPENS)
        .map(|_| open_in_new_process(&dir, Front::AsOpened))
        .collect();
    let in_front = |front| -> Vec<Opening> {
        (0..OPENS)
            .map(|_| open_in_new_process(&dir, front))
            .collect()
    };
    let fronts = [
        ("orders searched", in_front(Front::OrdersSearched)),
        ("defect log searched", in_front(Front::DefectsSearched)),
        ("dashboard", in_front(Front::Dashboard)),
    ];
    let ms = |pick: &dyn Fn(&Opening) -> Duration| median_and_slowest(&runs, pick);
    let gaps = |o: &Opening| o.longest_gap;
    for (label, figures) in [
        ("(a) boot → \"Opening…\" laid out", ms(&|o| o.first_frame)),
        (
            "(c) boot → first progress report",
            ms(&|o| o.first_progress.unwrap_or(o.loaded)),
        ),
        ("    boot → workspace loaded", ms(&|o| o.loaded)),
        (
            "(b) boot → open desk laid out (usable)",
            ms(&|o| o.open_frame),
        ),
        ("    boot → all orders in, desk laid out", ms(&|o| o.all_in)),
        (
            "    longest frame of one batch (update, view, layout, draw)",
            ms(&|o| o.longest_batch),
        ),
        (
            "      of it on the CPU (the window's thread)",
            ms(&|o| o.longest_batch_cpu),
        ),
        ("    longest wait between reports", ms(&gaps)),
    ] {
        rows.push(Row {
            label: label.to_owned(),
            figures,
        });
    }
    for (front, runs) in &fronts {
        for (label, pick) in [
            (
                format!("    longest frame of one batch, {front} in front"),
                (|o: &Opening| o.longest_batch) as fn(&Opening) -> Duration,
            ),
            ("      of it on the CPU".to_owned(), |o: &Opening| {
                o.longest_batch_cpu
            }),
        ] {
            rows.push(Row {
                label,
                figures: median_and_slowest(runs, &pick),
            });
        }
    }
    rows.push(Row {
        label: "    progress reports".to_owned(),
        figures: vec![runs[0].reports.to_string(), String::new()],
    });
    rows.push(Row {
        label: "    batches of older orders".to_owned(),
        figures: vec![runs[0].batches.to_string(), String::new()],
    });
    let mb = |kb: &dyn Fn(&Opening) -> u64| {
        let mut all: Vec<u64> = runs.iter().map(kb).collect();
        all.sort_unstable();
        let mb = |kb: u64| format!("{:.0} MB", kb as f64 / 1024.0);
        vec![mb(all[all.len() / 2]), mb(all[all.len() - 1])]
    };
    for (label, figures) in [
        (
            "    resident memory, all orders in, 0.5 s on (VmRSS)",
            mb(&|o| o.resident),
        ),
        ("    peak resident memory (VmHWM)", mb(&|o| o.peak)),
        (
            "    resident memory, every screen visited",
            mb(&|o| o.visited),
        ),
        (
            "    peak resident memory, every screen visited",
            mb(&|o| o.visited_peak),
        ),
    ] {
        rows.push(Row {
            label: label.to_owned(),
            figures,
        });
    }
}
