//! The defect log on the sample business, driven through its real `update` and `view` with
//! iced's headless simulator: filter, pick a defect, fill in its action, save.
#![cfg(feature = "gui")]

use std::path::Path;

use iced_test::selector;
use iced_test::simulator::Simulator;
use rightfirst::model::{ActionKind, Date, DateTime, DefectState, Order};
use rightfirst::store::Folder;
use rightfirst::ui::request::{Place, Record, Request, Saved};
use rightfirst::ui::screen::Context;
use rightfirst::ui::screen::defects::{Defects, Message};

/// What the screen asks the app for.
type Action = Request<Message>;
use rightfirst::ui::text::{Language, Words};

/// The defect log on the sample, on the sample's "today", as Ellen (an owner).
struct Log {
    folder: Folder,
    screen: Defects,
    search: String,
}

fn ctx(folder: &Folder, language: Language) -> Context<'_> {
    let records = folder.records();
    let today = Date::new(2026, 11, 23).unwrap();
    Context {
        records,
        generation: 0,
        me: records.workspace.person("ellen"),
        today,
        now: DateTime::start_of(today),
        words: language.text(),
        language,
        read_only: false,
        photos: rightfirst::ui::screen::photos::Photos::none(),
        room: Default::default(),
        // A fresh count of wrong PINs for each context, as a new window has.
        pins: Box::leak(Box::default()),
        desk: None,
        older: None,
    }
}

impl Log {
    fn open() -> Log {
        Log {
            folder: Folder::inspect(Path::new("procedures")).expect("the sample reads"),
            screen: Defects::default(),
            search: String::new(),
        }
    }

    /// Runs `act` on a simulator of the view, then feeds what it produced to `update`,
    /// returning the screen's actions.
    fn act(&mut self, act: impl FnOnce(&mut Simulator<'_, Message>)) -> Vec<Action> {
        let ctx = ctx(&self.folder, Language::En);
        let messages: Vec<Message> = {
            let mut ui = Simulator::with_size(
                iced::Settings::default(),
                (1400.0, 2400.0),
                self.screen.view(ctx, &self.search),
            );
            act(&mut ui);
            ui.into_messages().collect()
        };
        messages
            .into_iter()
            .map(|message| self.screen.update(message, &ctx))
            .collect()
    }

    fn click(&mut self, id: &'static str) -> Vec<Action> {
        self.act(|ui| {
            ui.click(selector::id(id))
                .unwrap_or_else(|e| panic!("{id}: {e}"));
        })
    }

    fn click_text(&mut self, label: &'static str) -> Vec<Action> {
        self.act(|ui| {
            ui.click(label).unwrap_or_else(|e| panic!("{label}: {e}"));
        })
    }

    fn type_into(&mut self, id: &'static str, text: &str) {
        self.act(|ui| {
            ui.click(selector::id(id))
                .unwrap_or_else(|e| panic!("{id}: {e}"));
            ui.typewrite(text);
        });
    }

    /// Feeds the screen the answer to what it asked for.
    fn hand_over(&mut self, answer: Message) {
        let _ = self.screen.update(answer, &ctx(&self.folder, Language::En));
    }

    fn sees(&self, text: &str) -> bool {
        let ctx = ctx(&self.folder, Language::En);
        let mut ui = Simulator::with_size(
            iced::Settings::default(),
            (1400.0, 2400.0),
            self.screen.view(ctx, &self.search),
        );
        ui.find(text).is_ok()
    }
}

/// The order the screen asks to save, and its answer once the app saved it.
fn saved_order(actions: Vec<Action>) -> (Order, Message) {
    let mut orders = actions.into_iter().filter_map(|action| match action {
        Request::Save {
            record: Record::Order(order),
            reply,
            ..
        } => Some((*order, reply(Saved::Done))),
        _ => None,
    });
    let order = orders.next().expect("the screen asks to save the order");
    assert!(orders.next().is_none());
    order
}

#[test]
fn the_open_filter_shows_the_open_defects_and_hides_the_verified() {
    let mut log = Log::open();
    // All sixteen of the sample, newest first; verified ones among them.
    assert!(log.sees("16 defects, 3 open, 1 overdue"));
    assert!(log.sees("2026-10-0023"));
    assert!(log.sees("2026-11-0053"));

    log.click("defects-state-open");
    assert_eq!(
        log.screen.filter().state,
        Some(DefectState::Open),
        "the Open option filters"
    );
    assert!(log.sees("3 defects, 3 open, 1 overdue"));
    for open in ["2026-11-0053", "2026-11-0011", "2026-08-0052"] {
        assert!(log.sees(open), "{open} is open");
    }
    for verified in [
        "2026-10-0023",
        "2026-10-0010",
        "2026-09-0038",
        "2026-09-0024",
    ] {
        assert!(!log.sees(verified), "{verified} is verified, not open");
    }

    log.click("defects-overdue");
    assert!(log.sees("1 defect, 1 open, 1 overdue"));
    assert!(log.sees("2026-11-0011"));
    assert!(!log.sees("2026-11-0053"));

    log.click("defects-state-all");
    log.click("defects-overdue");
    log.search = "hazelnut".into();
    assert!(log.sees("1 defect, 0 open, 0 overdue"));
    assert!(log.sees("2026-09-0024"));
}

#[test]
fn picking_a_defect_filling_in_its_action_and_saving_it_saves_its_order() {
    let mut log = Log::open();
    assert!(log.sees("Pick a defect on the left to see its causes and what is done about it."));
    // Only this one in the list, so any "overdue" on screen is the form's.
    log.search = "2026-11-0053".into();
    log.click_text("2026-11-0053");
    assert_eq!(log.screen.selected(), Some(("2026-11-0053", "d1")));
    assert!(log.sees("Order 2026-11-0053 · d1"));
    assert!(log.sees("Saved"));

    let actions = log.click("defect-add-why");
    assert!(
        matches!(&actions[..], [Request::Focus(id)] if id == "defect-why-0"),
        "{actions:?}"
    );
    log.type_into("defect-why-0", "Banana blended too long");
    log.type_into("defect-cause", "No blending time in the recipe");
    log.click("defect-action-corrective");
    log.type_into(
        "defect-action-what",
        "Blend 40 seconds, written on the card",
    );
    log.type_into("defect-action-due", "2026-11-20");
    assert!(log.sees("Unsaved changes"));
    assert!(log.sees("overdue"), "due before today and not done");

    log.type_into("defect-action-done", "2026-11-2x");
    assert!(log.sees("not a date (YYYY-MM-DD)"));
    let refused = log.click_text("Save defect");
    assert!(refused.iter().all(|a| matches!(a, Request::None)));
    assert!(log.sees("Done: not a date (YYYY-MM-DD)"));

    // Backspace the stray letter and give the right day.
    log.act(|ui| {
        ui.click(selector::id("defect-action-done")).unwrap();
        ui.tap_key(iced::keyboard::key::Named::End);
        ui.tap_key(iced::keyboard::key::Named::Backspace);
        ui.typewrite("2");
    });
    let (order, done) = saved_order(log.click_text("Save defect"));
    assert_eq!(order.id, "2026-11-0053");
    let defect = &order.defects[0];
    let action = defect.action.as_ref().expect("an action");
    assert_eq!(action.kind, ActionKind::Corrective);
    assert_eq!(action.what, "Blend 40 seconds, written on the card");
    assert_eq!(
        action.due.map(|d| d.to_string()).as_deref(),
        Some("2026-11-20")
    );
    assert_eq!(
        action.done.map(|d| d.to_string()).as_deref(),
        Some("2026-11-22")
    );
    let root = defect.root_cause.as_ref().expect("a root cause");
    assert_eq!(root.whys, ["Banana blended too long"]);
    assert_eq!(root.cause, "No blending time in the recipe");
    // Everything else of the order is as it was.
    let before = log
        .folder
        .records()
        .orders
        .iter()
        .find(|o| o.id == "2026-11-0053")
        .unwrap();
    assert_eq!(order.checks, before.checks);
    assert_eq!(defect.description, before.defects[0].description);
    assert_eq!(defect.cost_cents, 420);

    log.hand_over(done);
    assert!(log.sees("Saved"));
    assert!(!log.screen.is_dirty());

    let actions = log.click_text("Open order");
    assert!(
        matches!(&actions[..], [Request::Show(Place::Order(id))] if id == "2026-11-0053"),
        "{actions:?}"
    );
}

#[test]
fn picking_another_defect_saves_the_edited_one_first() {
    let mut log = Log::open();
    log.click_text("2026-11-0053");
    log.type_into("defect-cost", "x");
    log.click_text("2026-11-0011");
    // "4.20x" does not read: the edited defect stays open, with what is wrong.
    assert_eq!(log.screen.selected(), Some(("2026-11-0053", "d1")));
    assert!(log.sees("Cost in euros: not an amount in euros, like 12,50"));

    log.act(|ui| {
        ui.click(selector::id("defect-cost")).unwrap();
        ui.tap_key(iced::keyboard::key::Named::End);
        for _ in "4.20x".chars() {
            ui.tap_key(iced::keyboard::key::Named::Backspace);
        }
        ui.typewrite("12,50");
    });
    let (order, done) = saved_order(log.click_text("2026-11-0011"));
    assert_eq!(order.id, "2026-11-0053");
    assert_eq!(order.defects[0].cost_cents, 1250);
    log.hand_over(done);
    assert_eq!(log.screen.selected(), Some(("2026-11-0011", "d1")));

    log.screen.tell("The disk is full.".into());
    assert!(log.sees("The disk is full."));
}
