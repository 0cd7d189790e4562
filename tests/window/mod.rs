//! A window on the app driven the way iced's runtime drives a real one: events go first to
//! the view's widgets, which may capture them; then every event, with whether a widget
//! captured it, goes to `App::subscription`'s recipes, as `iced_winit` broadcasts it; what
//! both produce goes to `update`, and the tasks that returns run, widget operations such as
//! focus included. The widget state (focus, cursor) lives on between events, as it does in
//! a window. Shared by the tests of keys and of what the window follows.
#![allow(dead_code)]

use iced::futures::{FutureExt, StreamExt, executor::block_on, stream};
use iced::keyboard::{self, Key, Modifiers};
use iced::{Event, Size, mouse};
use iced_test::core::renderer::Headless;
use iced_test::core::widget::operation::Outcome;
use iced_test::runtime::futures::subscription::{self, into_recipes};
use iced_test::runtime::{Action, UserInterface, task, user_interface::Cache};
use rightfirst::ui::{App, Message};

const SIZE: Size = Size::new(1400.0, 2400.0);

/// The app in a headless window.
pub struct Window {
    pub app: App,
    renderer: iced::Renderer,
    cache: Option<Cache>,
    cursor: mouse::Cursor,
    window: iced::window::Id,
}

impl Window {
    pub fn new(app: App) -> Window {
        let backend = std::env::var("ICED_TEST_BACKEND").ok();
        let renderer = block_on(<iced::Renderer as Headless>::new(
            iced::Font::with_name("Fira Sans"),
            iced::Pixels(16.0),
            backend.as_deref(),
        ))
        .expect("a headless renderer");
        Window {
            app,
            renderer,
            cache: Some(Cache::default()),
            cursor: mouse::Cursor::Unavailable,
            window: iced::window::Id::unique(),
        }
    }

    /// Hands `events` to the window as the runtime does; returns whether a widget captured
    /// each of them.
    pub fn events(&mut self, events: Vec<Event>) -> Vec<iced::event::Status> {
        let mut messages = Vec::new();
        let cursor = self.cursor;
        let mut ui = {
            let cache = self.cache.take().unwrap_or_default();
            UserInterface::build(self.app.view(), SIZE, cache, &mut self.renderer)
        };
        let (_, statuses) = ui.update(
            &events,
            cursor,
            &mut self.renderer,
            &mut iced_test::core::clipboard::Null,
            &mut messages,
        );
        self.cache = Some(ui.into_cache());
        let heard: Vec<subscription::Event> = events
            .iter()
            .zip(&statuses)
            .map(|(event, status)| subscription::Event::Interaction {
                window: self.window,
                event: event.clone(),
                status: *status,
            })
            .collect();
        messages.extend(self.subscription(heard));
        for message in messages {
            let task = self.app.update(message);
            self.run(task);
        }
        statuses
    }

    /// What the app's subscription makes of these runtime events.
    pub fn subscription(&mut self, heard: Vec<subscription::Event>) -> Vec<Message> {
        let mut messages = Vec::new();
        for recipe in into_recipes(self.app.subscription()) {
            let mut output = recipe.stream(stream::iter(heard.clone()).boxed());
            // Event-driven recipes end with their input; the folder watcher waits: leave it.
            while let Some(Some(message)) = output.next().now_or_never() {
                messages.push(message);
            }
        }
        messages
    }

    /// Runs a task as the runtime would: its messages go to `update`, its widget operations
    /// to the view; window and system requests go unanswered.
    pub fn run(&mut self, task: iced::Task<Message>) {
        let Some(mut actions) = task::into_stream(task) else {
            return;
        };
        while let Some(action) = block_on(actions.next()) {
            match action {
                Action::Output(message) => {
                    let task = self.app.update(message);
                    self.run(task);
                }
                Action::Widget(operation) => self.operate(operation),
                _ => {}
            }
        }
    }

    fn operate(&mut self, operation: Box<dyn iced_test::core::widget::Operation>) {
        let mut ui = {
            let cache = self.cache.take().unwrap_or_default();
            UserInterface::build(self.app.view(), SIZE, cache, &mut self.renderer)
        };
        let mut next = Some(operation);
        while let Some(mut current) = next.take() {
            ui.operate(&self.renderer, &mut current);
            if let Outcome::Chain(chained) = current.finish() {
                next = Some(chained);
            }
        }
        self.cache = Some(ui.into_cache());
    }

    /// Moves the mouse onto the widget with this id (or text) and clicks it.
    pub fn click(&mut self, target: &'static str) {
        let at = self.bounds(target).center();
        self.click_at(at);
    }

    /// Moves the mouse to `at` and clicks there: for what no selector finds, such as the
    /// options of an open pick list.
    pub fn click_at(&mut self, at: iced::Point) {
        self.cursor = mouse::Cursor::Available(at);
        let mut events = vec![Event::Mouse(mouse::Event::CursorMoved { position: at })];
        events.extend(iced_test::simulator::click());
        self.events(events);
    }

    /// Where the widget with this id (or this text) is visible.
    pub fn bounds(&mut self, target: &'static str) -> iced::Rectangle {
        let bounds = {
            let mut ui = iced_test::simulator::Simulator::with_size(
                iced::Settings::default(),
                SIZE,
                self.app.view(),
            );
            let found = ui
                .find(iced_test::selector::id(target))
                .map(|t| t.visible_bounds());
            match found {
                Ok(bounds) => bounds,
                Err(_) => ui
                    .find(target)
                    .map(|t| t.visible_bounds())
                    .unwrap_or_else(|e| panic!("{target}: {e}")),
            }
        };
        bounds.expect("the target is visible")
    }

    /// Types `text` one key at a time, each a press and a release, as a keyboard does.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let key = Key::Character(c.to_string().into());
            let typed = Some(c.to_string().into());
            self.events(vec![
                pressed(&key, Modifiers::default(), typed),
                released(&key),
            ]);
        }
    }

    /// Presses `key` with `modifiers` held, as a keyboard on X11 sends it: the modifiers
    /// change first, the key goes down and up, the modifiers are let go.
    pub fn press(&mut self, key: Key, modifiers: Modifiers) -> iced::event::Status {
        let mut events = Vec::new();
        if !modifiers.is_empty() {
            events.push(Event::Keyboard(keyboard::Event::ModifiersChanged(
                modifiers,
            )));
        }
        events.push(pressed(&key, modifiers, typed_text(&key, modifiers)));
        events.push(released(&key));
        if !modifiers.is_empty() {
            events.push(Event::Keyboard(keyboard::Event::ModifiersChanged(
                Modifiers::default(),
            )));
        }
        let at = usize::from(!modifiers.is_empty());
        self.events(events)[at]
    }

    /// Whether the window shows this text.
    pub fn sees(&mut self, text: &str) -> bool {
        let mut ui = iced_test::simulator::Simulator::with_size(
            iced::Settings::default(),
            SIZE,
            self.app.view(),
        );
        ui.find(text).is_ok()
    }

    /// Whether some text on screen holds `part`: for words around a path or a number the
    /// test cannot know whole.
    #[allow(dead_code)] // not every test binary that shares this module asks for it
    pub fn sees_part(&mut self, part: &str) -> bool {
        let mut ui = iced_test::simulator::Simulator::with_size(
            iced::Settings::default(),
            SIZE,
            self.app.view(),
        );
        ui.find(
            |candidate: iced_test::selector::Candidate<'_>| match candidate {
                iced_test::selector::Candidate::Text { content, .. } => {
                    content.contains(part).then_some(())
                }
                _ => None,
            },
        )
        .is_ok()
    }

    /// What the text input `id` holds.
    pub fn input_text(&mut self, id: &'static str) -> String {
        let mut ui = iced_test::simulator::Simulator::with_size(
            iced::Settings::default(),
            SIZE,
            self.app.view(),
        );
        match ui.find(iced_test::selector::id(id)) {
            Ok(iced_test::selector::Target::TextInput { content, .. }) => content,
            other => panic!("{id} is no text input: {other:?}"),
        }
    }
}

/// The text a key press carries on X11 (winit's `text_with_all_modifiers`, from
/// xkbcommon): with Ctrl, a character becomes a control character as xkbcommon's
/// `XkbToControl` makes it (letters, `2`-`8`, `/`), which no text field inserts; other
/// characters, such as `1` and `9`, stay as they are.
fn typed_text(key: &Key, modifiers: Modifiers) -> Option<iced_test::core::SmolStr> {
    use iced::keyboard::key::Named;
    let text = match key.as_ref() {
        Key::Character(c) if modifiers.control() => {
            let c = c.chars().next()?;
            let control = match c {
                '@'..='~' | ' ' => char::from(c as u8 & 0x1f),
                '2' => '\0',
                '3'..='7' => char::from(c as u8 - b'3' + 0x1b),
                '8' => '\u{7f}',
                '/' => '\u{1f}',
                other => other,
            };
            control.to_string()
        }
        Key::Character(c) if modifiers.shift() => c.to_uppercase(),
        Key::Character(c) => c.to_string(),
        Key::Named(Named::Escape) => "\u{1b}".to_owned(),
        Key::Named(Named::Delete) => "\u{7f}".to_owned(),
        Key::Named(Named::Enter) => "\r".to_owned(),
        Key::Named(Named::Tab) => "\t".to_owned(),
        _ => return None,
    };
    Some(text.into())
}

fn pressed(key: &Key, modifiers: Modifiers, text: Option<iced_test::core::SmolStr>) -> Event {
    // The key as if no modifier were held, as iced_winit gives it; Shift shows in the other.
    let modified_key = match key.as_ref() {
        Key::Character(c) if modifiers.shift() => Key::Character(c.to_uppercase().into()),
        _ => key.clone(),
    };
    Event::Keyboard(keyboard::Event::KeyPressed {
        key: key.clone(),
        modified_key,
        physical_key: keyboard::key::Physical::Unidentified(
            keyboard::key::NativeCode::Unidentified,
        ),
        location: keyboard::Location::Standard,
        modifiers,
        text,
        repeat: false,
    })
}

fn released(key: &Key) -> Event {
    Event::Keyboard(keyboard::Event::KeyReleased {
        key: key.clone(),
        modified_key: key.clone(),
        physical_key: keyboard::key::Physical::Unidentified(
            keyboard::key::NativeCode::Unidentified,
        ),
        location: keyboard::Location::Standard,
        modifiers: Modifiers::default(),
    })
}
