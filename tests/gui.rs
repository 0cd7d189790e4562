//! The owner's desk, driven through the real `update` and `view` with iced's headless
//! simulator: click by label or id, type, and look at the files the app wrote.
#![cfg(feature = "gui")]

use std::path::Path;

use iced::keyboard::{Key, Modifiers, key::Named};
use iced_test::{Error, Selector, simulator::Simulator};
use rightfirst::model::Date;
use rightfirst::store::Folder;
use rightfirst::ui::{App, Message};

/// A window on a fresh copy of the sample business, as one of its people.
struct Desk {
    app: App,
    dir: tempfile::TempDir,
}

impl Desk {
    fn open_as(person: &str) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        rightfirst::store::create(&dir.path().join("shop"), rightfirst::sample::FILES).unwrap();
        Desk::open_folder(dir, person)
    }

    fn open_folder(dir: tempfile::TempDir, person: &str) -> Desk {
        let folder = Folder::open(&dir.path().join("shop")).unwrap();
        let app = App::with_folder(folder, Some(person), Date::new(2026, 11, 23).unwrap());
        Desk { app, dir }
    }

    fn root(&self) -> std::path::PathBuf {
        self.dir.path().join("shop")
    }

    fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.root().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    /// Runs `act` on a simulator of the current view, then feeds what it produced to `update`.
    fn act<T>(&mut self, act: impl FnOnce(&mut Simulator<'_, Message>) -> T) -> T {
        let (result, messages) = {
            let mut ui = Simulator::with_size(iced::Settings::default(), (1400.0, 2400.0), self.app.view());
            let result = act(&mut ui);
            (result, ui.into_messages().collect::<Vec<_>>())
        };
        for message in messages {
            let _ = self.app.update(message);
        }
        result
    }

    fn click(&mut self, selector: impl Selector<Output: iced_test::selector::Bounded + Clone + Send + Sync + 'static> + Send) {
        self.act(|ui| ui.click(selector).map(|_| ())).expect("the target is on screen");
    }

    fn type_into(&mut self, id: &'static str, text: &str) {
        self.act(|ui| {
            ui.click(iced_test::selector::id(id))?;
            ui.typewrite(text);
            Ok::<(), Error>(())
        })
        .unwrap_or_else(|e| panic!("{id}: {e}"));
    }

    fn key(&mut self, key: Key, modifiers: Modifiers) {
        let _ = self.app.update(Message::Key(key, modifiers));
    }

    fn sees(&mut self, text: &str) -> bool {
        let mut ui = Simulator::with_size(iced::Settings::default(), (1400.0, 2400.0), self.app.view());
        ui.find(text).is_ok()
    }
}

#[test]
fn an_owner_writes_a_procedure_reorders_its_steps_and_saves_it_as_readable_ron() {
    let mut desk = Desk::open_as("ellen");
    desk.click("New procedure");
    desk.type_into("title", "Weighing flour");
    for (index, step) in ["Scoop the flour", "Level it off", "Weigh it"].into_iter().enumerate() {
        desk.click("Add step");
        let id: &'static str = Box::leak(rightfirst::ui::screen::procedures::step_input_id(index).into_boxed_str());
        desk.type_into(id, step);
    }
    // The last step is selected: Alt+Up moves it above "Level it off".
    desk.key(Key::Named(Named::ArrowUp), Modifiers::ALT);
    assert!(desk.sees("Unsaved changes"));
    desk.key(Key::Character("s".into()), Modifiers::COMMAND);
    assert!(desk.sees("Saved"));
    assert_eq!(
        desk.read("procedures/weighing-flour.ron"),
        r#"Procedure(
    id: "weighing-flour",
    title: "Weighing flour",
    owner: "ellen",
    revision: 1,
    status: Draft,
    steps: [
        Step(id: "scoop-the-flour", text: "Scoop the flour"),
        Step(id: "weigh-it", text: "Weigh it"),
        Step(id: "level-it-off", text: "Level it off"),
    ],
)
"#
    );
    // Undo after saving goes back to before the move, and marks the record unsaved.
    desk.key(Key::Character("z".into()), Modifiers::COMMAND);
    assert!(desk.sees("Unsaved changes"));
}

#[test]
fn approving_as_staff_is_refused_with_a_message_that_names_the_owners() {
    let mut desk = Desk::open_as("jake");
    desk.click("Closing down");
    desk.click("Approve");
    assert!(desk.sees("Only an owner may approve. Ask Ellen Bell, Tom Bell."));
    assert!(desk.read("procedures/closing-down.ron").contains("status: Draft"));
}

#[test]
fn editing_an_approved_procedure_makes_a_revision_2_draft_and_approving_archives_revision_1() {
    let mut desk = Desk::open_as("ellen");
    let before = desk.read("procedures/bake-waffle.ron");
    desk.click("Baking waffles");
    desk.type_into("title", " and cones");
    assert!(desk.sees("Draft · Revision 2"));
    desk.click("Save (Ctrl+S)");
    let draft = desk.read("procedures/bake-waffle.ron");
    assert!(draft.contains("title: \"Baking waffles and cones\""), "{draft}");
    assert!(draft.contains("revision: 2,") && draft.contains("status: Draft,"), "{draft}");
    assert_eq!(desk.read("archive/procedures/bake-waffle@1.ron"), before, "revision 1 is archived as it was");

    desk.click("Approve");
    desk.type_into("approve-note", "Cones are baked on the same iron.");
    desk.click("Approve revision");
    let approved = desk.read("procedures/bake-waffle.ron");
    assert!(approved.contains("status: Approved(by: \"ellen\", on: \"2026-11-23\"),"), "{approved}");
    assert!(approved.contains("Change(revision: 2, on: \"2026-11-23\", by: \"ellen\", note: \"Cones are baked on the same iron.\")"), "{approved}");
    let folder = Folder::inspect(&desk.root()).unwrap();
    assert_eq!(folder.findings(), &[], "the workspace still checks clean");
}

#[test]
fn a_broken_file_is_listed_in_the_problems_panel_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    let path = root.join("procedures/hygiene.ron");
    let text = std::fs::read_to_string(&path).unwrap().replace("title:", "titel:");
    std::fs::write(&path, text).unwrap();
    let mut desk = Desk::open_folder(dir, "ellen");
    assert!(desk.sees("Problems (1)"));
    assert!(desk.sees("procedures/hygiene.ron:3:5"));
    desk.click("procedures/hygiene.ron:3:5");
    assert!(desk.sees("procedures/hygiene.ron"));
    assert!(Path::new(&path).exists());
}
