//! The dashboard's "Does reading the procedure matter?" panel (issue 16, point 6), driven
//! through the real `update` and `view`: it shows the figure's two rates and the counts
//! behind them, in English and in Dutch.
#![cfg(feature = "gui")]

mod desk;

use desk::Desk;
use iced::keyboard::{Key, Modifiers};
use rightfirst::analysis::{Period, TrainingQuality, figures};
use rightfirst::model::{Date, Language};
use rightfirst::store::Folder;

/// The figure for this year on the desk's workspace, as the dashboard computes it.
fn this_year(desk: &Desk) -> TrainingQuality {
    let folder = Folder::open(&desk.root()).unwrap();
    let today = Date::new(2026, 11, 23).unwrap();
    let year = Period {
        from: Date::new(2026, 1, 1).unwrap(),
        to: today,
    };
    figures(folder.records(), year, today).training_quality
}

#[test]
fn the_dashboard_asks_whether_reading_the_procedure_matters() {
    let mut desk = Desk::open_as("ellen");
    desk.key(Key::Character("5".into()), Modifiers::COMMAND);
    desk.click("This year");
    let quality = this_year(&desk);
    assert!(quality.current.orders > 0 && quality.not_current.orders > 0);
    assert!(desk.sees("Does reading the procedure matter?"));
    assert!(desk.sees("Maker current"));
    assert!(desk.sees("Maker not current"));
    for group in [quality.current, quality.not_current] {
        let rate = Language::En.decimal(group.per_100.expect("orders"), 1);
        assert!(desk.sees(&rate), "{rate}");
        let counts = format!(
            "per 100 orders · {} defects in {} orders",
            group.defects, group.orders
        );
        assert!(desk.sees(&counts), "{counts}");
    }
    let unjudged = format!(
        "{} orders had no procedure in force to judge their maker by.",
        quality.unjudged
    );
    assert!(desk.sees(&unjudged), "{unjudged}");
    // The gaps panel says what it lists now: not current, not merely "not signed".
    assert!(desk.sees("Not current on the procedure in force"));
}

#[test]
fn the_reading_panel_speaks_dutch() {
    let mut desk = Desk::open_dutch("ellen");
    desk.key(Key::Character("5".into()), Modifiers::COMMAND);
    desk.click("Dit jaar");
    let quality = this_year(&desk);
    assert!(desk.sees("Maakt het lezen van de procedure uit?"));
    assert!(desk.sees("Maker niet actueel"));
    let rate = Language::Nl.decimal(quality.current.per_100.expect("orders"), 1);
    assert!(rate.contains(','), "{rate}");
    assert!(desk.sees(&rate), "{rate}");
    let counts = format!(
        "per 100 bestellingen · {} gebreken in {} bestellingen",
        quality.current.defects, quality.current.orders
    );
    assert!(desk.sees(&counts), "{counts}");
}
