//! A window on a copy of the sample business, driven through the real `update` and `view`
//! with iced's headless simulator: shared by the GUI tests.
#![allow(dead_code)]

use iced::keyboard::{Key, Modifiers};
use iced_test::{Error, Selector, simulator::Simulator};
use rightfirst::model::Date;
use rightfirst::store::Folder;
use rightfirst::ui::{App, Message};

/// An order of today, not checked yet: a cone for the check tests.
pub const TODAYS_CONE: &str = r#"Order(
    id: "2026-11-0062",
    placed: "2026-11-23",
    customer: "Fam. Peeters",
    product: "Cone, 2 balls",
    made_by: "tom",
)
"#;

/// The sample with today's cone from the till, made by Tom, not yet checked, as `person`.
pub fn with_todays_cone(person: &str) -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("shop");
    rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
    std::fs::write(root.join("orders/2026-11/2026-11-0062.ron"), TODAYS_CONE).unwrap();
    Desk::open_folder(dir, person)
}

/// A new procedure "Weighing flour" with one step, open in the editor, as Ellen.
pub fn weighing_flour() -> Desk {
    let mut desk = Desk::open_as("ellen");
    desk.click("New procedure");
    desk.type_into("title", "Weighing flour");
    desk.click("Add step");
    desk.type_into("step-text-0", "Scoop the flour");
    desk
}

/// Puts Noor El Amrani on the staff of the workspace at `root`, new (nothing signed), with
/// `pin` if given.
pub fn hire_noor(root: &std::path::Path, pin: Option<&str>) {
    use rightfirst::model::{Person, Pin, Role, Workspace, hash_pin};
    let file = root.join("workspace.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut workspace: Workspace = rightfirst::store::format::parse(&text).unwrap();
    workspace.staff.push(Person {
        id: "noor".to_owned(),
        name: "Noor El Amrani".to_owned(),
        role: Role::Staff,
        left: None,
        pin: pin.map(|pin| hash_pin(&Pin::parse(pin).unwrap())),
    });
    std::fs::write(&file, rightfirst::store::format::print(&workspace)).unwrap();
}

/// A window on a fresh copy of the sample business, as one of its people.
pub struct Desk {
    pub app: App,
    pub dir: tempfile::TempDir,
}

impl Desk {
    pub fn open_as(person: &str) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        rightfirst::store::create(&dir.path().join("shop"), rightfirst::sample::FILES).unwrap();
        Desk::open_folder(dir, person)
    }

    /// A window on a fresh copy of the sample business whose workspace speaks Dutch.
    pub fn open_dutch(person: &str) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("shop");
        rightfirst::store::create(&root, rightfirst::sample::FILES).unwrap();
        let workspace = std::fs::read_to_string(root.join("workspace.ron")).unwrap();
        let dutch = workspace.replace("language: \"en\"", "language: \"nl\"");
        assert_ne!(dutch, workspace);
        std::fs::write(root.join("workspace.ron"), dutch).unwrap();
        Desk::open_folder(dir, person)
    }

    pub fn open_folder(dir: tempfile::TempDir, person: &str) -> Desk {
        let folder = Folder::open(&dir.path().join("shop")).unwrap();
        let app = App::with_folder(folder, Some(person), Date::new(2026, 11, 23).unwrap());
        Desk { app, dir }
    }

    pub fn root(&self) -> std::path::PathBuf {
        self.dir.path().join("shop")
    }

    /// The first photo path the file `relative` names, relative to the workspace.
    pub fn first_photo(&self, relative: &str) -> String {
        let saved = self.read(relative);
        saved
            .lines()
            .find_map(|line| line.trim().strip_prefix("photos: [\""))
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("no photo in {saved}"))
            .to_owned()
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.root().join(relative))
            .unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    /// Runs `act` on a simulator of the current view, then feeds what it produced to `update`.
    pub fn act<T>(&mut self, act: impl FnOnce(&mut Simulator<'_, Message>) -> T) -> T {
        let (result, messages) = {
            let mut ui =
                Simulator::with_size(iced::Settings::default(), (1400.0, 2400.0), self.app.view());
            let result = act(&mut ui);
            (result, ui.into_messages().collect::<Vec<_>>())
        };
        for message in messages {
            let _ = self.app.update(message);
        }
        result
    }

    pub fn click(
        &mut self,
        selector: impl Selector<Output: iced_test::selector::Bounded + Clone + Send + Sync + 'static>
        + Send,
    ) {
        self.act(|ui| ui.click(selector).map(|_| ()))
            .expect("the target is on screen");
    }

    /// Clicks the text or widget `target` and runs every task the click starts to its end
    /// (saves, jobs), as the window's runtime would.
    pub fn press(
        &mut self,
        target: impl Selector<Output: iced_test::selector::Bounded + Clone + Send + Sync + 'static>
        + Send,
    ) {
        let messages = {
            let mut ui =
                Simulator::with_size(iced::Settings::default(), (1400.0, 2400.0), self.app.view());
            ui.click(target).expect("the target is on screen");
            ui.into_messages().collect::<Vec<_>>()
        };
        self.hand_over(messages);
    }

    /// Clicks the input `id` and types `text` one key at a time, as a real window does: after
    /// each key the app updates, and the next view is built on the widget state of the last,
    /// as iced's runtime keeps it. A field that loses its focus when the view around it
    /// changes loses the keys after that, as it would for a user; feeding all keys to one
    /// simulator view could not show it.
    pub fn type_into(&mut self, id: &'static str, text: &str) {
        use iced_test::core::renderer::Headless;
        use iced_test::runtime::{UserInterface, user_interface::Cache};
        use iced_test::simulator::{click, typewrite};

        let size = iced::Size::new(1400.0, 2400.0);
        let center = self
            .act(|ui| ui.find(iced_test::selector::id(id)))
            .unwrap_or_else(|e| panic!("{id}: {e}"))
            .visible_bounds()
            .expect("the input is visible")
            .center();
        let cursor = iced::mouse::Cursor::Available(center);
        let backend = std::env::var("ICED_TEST_BACKEND").ok();
        let mut renderer = iced::futures::executor::block_on(<iced::Renderer as Headless>::new(
            iced::Font::with_name("Fira Sans"),
            iced::Pixels(16.0),
            backend.as_deref(),
        ))
        .expect("a headless renderer");
        let mut batches: Vec<Vec<iced::Event>> = vec![click().collect()];
        batches.extend(
            text.chars()
                .map(|c| typewrite(&c.to_string()).collect::<Vec<_>>()),
        );
        let mut cache = Cache::default();
        for events in batches {
            let mut messages = Vec::new();
            let mut ui = UserInterface::build(self.app.view(), size, cache, &mut renderer);
            let _ = ui.update(
                &events,
                cursor,
                &mut renderer,
                &mut iced_test::core::clipboard::Null,
                &mut messages,
            );
            cache = ui.into_cache();
            for message in messages {
                let _ = self.app.update(message);
            }
        }
    }

    /// Opens the pick list inside the container `id` and picks its `index`th option, as a
    /// mouse would. The menu's options are not widgets a selector finds, so the option is
    /// found by iced's menu geometry: one option per line of the default 16 px text (line
    /// height 1.3) plus the pick list's 5 px padding above and below, right under the list.
    pub fn pick(&mut self, id: &'static str, index: usize) {
        const OPTION_HEIGHT: f32 = 16.0 * 1.3 + 10.0;
        self.act(|ui| {
            let list = ui.click(iced_test::selector::id(id))?;
            let bounds = list.visible_bounds().expect("the pick list is visible");
            let at = iced::Point::new(
                bounds.center_x(),
                bounds.y + bounds.height + OPTION_HEIGHT * (index as f32 + 0.5),
            );
            ui.point_at(at);
            ui.simulate([iced::Event::Mouse(iced::mouse::Event::CursorMoved {
                position: at,
            })]);
            ui.simulate(iced_test::simulator::click());
            Ok::<(), Error>(())
        })
        .unwrap_or_else(|e| panic!("{id}: {e}"));
    }

    /// Types into the field `id` and presses Enter in it, as one keyboard user would.
    pub fn type_and_enter(&mut self, id: &'static str, text: &str) {
        self.act(|ui| {
            ui.click(iced_test::selector::id(id))?;
            ui.typewrite(text);
            ui.tap_key(iced::keyboard::key::Named::Enter);
            Ok::<(), Error>(())
        })
        .unwrap_or_else(|e| panic!("{id}: {e}"));
    }

    pub fn key(&mut self, key: Key, modifiers: Modifiers) {
        let _ = self.app.update(Message::Key(key, modifiers));
    }

    /// Feeds `update` the messages of the task it returned, and of the tasks those return, as
    /// the window's runtime would (widget operations such as focus are left out).
    pub fn run(&mut self, task: iced::Task<Message>) -> Vec<String> {
        let mut seen = Vec::new();
        let mut tasks = vec![task];
        while let Some(task) = tasks.pop() {
            for message in outputs(task) {
                seen.push(format!("{message:?}"));
                tasks.push(self.app.update(message));
            }
        }
        seen
    }

    /// The answer of the save dialog the Print manual screen's "Save as…" opens: `format`,
    /// in English on A4, every approved procedure, saved at `path`; what it sent back.
    pub fn place_manual(
        &mut self,
        format: rightfirst::export::ManualFormat,
        path: &std::path::Path,
    ) -> Vec<String> {
        let options = rightfirst::export::ManualOptions {
            format,
            language: rightfirst::model::Language::En,
            paper: rightfirst::export::Paper::A4,
            procedures: Vec::new(),
            drafts: false,
            today: Date::new(2026, 11, 23).unwrap(),
        };
        let task = self.app.update(Message::Manual(
            rightfirst::ui::screen::manual::Message::Placed(
                Box::new(options),
                rightfirst::ui::request::Picked::Path(path.to_path_buf()),
            ),
        ));
        self.run(task)
    }

    /// Feeds `update` messages held back, and what their tasks send.
    pub fn hand_over(&mut self, messages: Vec<Message>) {
        for message in messages {
            let task = self.app.update(message);
            self.run(task);
        }
    }

    /// What the text input `id` holds.
    pub fn input_text(&mut self, id: &'static str) -> String {
        match self.act(|ui| ui.find(iced_test::selector::id(id))) {
            Ok(iced_test::selector::Target::TextInput { content, .. }) => content,
            other => panic!("{id} is no text input: {other:?}"),
        }
    }

    /// Every text on screen with where it is drawn.
    pub fn texts(&mut self) -> Vec<(String, iced::Rectangle)> {
        self.texts_at((1400.0, 2400.0))
    }

    /// Every text on screen with where it is drawn, in a window of `size`.
    pub fn texts_at(&mut self, size: (f32, f32)) -> Vec<(String, iced::Rectangle)> {
        use iced_test::selector::Candidate;
        let mut ui = Simulator::with_size(iced::Settings::default(), size, self.app.view());
        let mut texts = Vec::new();
        let _ = ui.find(|candidate: Candidate<'_>| {
            if let Candidate::Text {
                content, bounds, ..
            } = candidate
            {
                texts.push((content.to_owned(), bounds));
            }
            None::<()>
        });
        texts
    }

    pub fn sees(&mut self, text: &str) -> bool {
        let mut ui =
            Simulator::with_size(iced::Settings::default(), (1400.0, 2400.0), self.app.view());
        ui.find(text).is_ok()
    }
}

/// The messages a task sends `update`, run to its end but not sent: to hand them over later.
pub fn outputs(task: iced::Task<Message>) -> Vec<Message> {
    use iced::futures::StreamExt;
    let Some(stream) = iced_test::runtime::task::into_stream(task) else {
        return Vec::new();
    };
    let actions: Vec<_> = iced::futures::executor::block_on(stream.collect());
    actions
        .into_iter()
        .filter_map(|action| match action {
            iced_test::runtime::Action::Output(message) => Some(message),
            _ => None,
        })
        .collect()
}

/// Whether a task ends the app, as closing the window does.
pub fn exits(task: iced::Task<Message>) -> bool {
    use iced::futures::StreamExt;
    let Some(stream) = iced_test::runtime::task::into_stream(task) else {
        return false;
    };
    let actions: Vec<_> = iced::futures::executor::block_on(stream.collect());
    actions
        .iter()
        .any(|action| matches!(action, iced_test::runtime::Action::Exit))
}
