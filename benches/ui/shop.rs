//! A made-up but plausible shop with many procedures, for the search keystroke figures.

use std::path::Path;

use rightfirst::model::{Change, Date, Number, Procedure, Spec, Status, Step};
use rightfirst::store::Folder;
use rightfirst::ui::App;

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
pub fn shop_with_procedures(dir: &Path, count: usize) -> App {
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
