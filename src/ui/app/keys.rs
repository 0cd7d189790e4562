//! Keyboard shortcuts: which command a key no widget used stands for. What a command does
//! depends on the screen in front; the desk decides that.

use iced::Subscription;
use iced::keyboard::{self, Key, Modifiers, key::Named};

use super::{Message, Section};
use crate::ui::screen::editor::{self, Editor, Form};
use crate::ui::screen::revision::Direction;

/// Ctrl+1 … Ctrl+8 jump to the sections, in the sidebar's order.
pub(super) const SECTIONS: [(&str, Section); 8] = [
    ("1", Section::Procedures),
    ("2", Section::Checklists),
    ("3", Section::Orders),
    ("4", Section::Defects),
    ("5", Section::Dashboard),
    ("6", Section::Manual),
    ("7", Section::Problems),
    ("8", Section::Settings),
];

/// The keys for the shortcuts, as the window's messages.
pub(super) fn listen() -> Subscription<Message> {
    iced::event::listen_with(shortcut_key)
}

/// A key for the shortcuts: one no widget used, or Escape even where a text field used it
/// to let go of the focus, since Escape in a form is meant for the form (a focused field
/// takes it in iced 0.14, and a second press is not what anyone tries).
fn shortcut_key(
    event: iced::Event,
    status: iced::event::Status,
    _window: iced::window::Id,
) -> Option<Message> {
    match event {
        iced::Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. })
            if status == iced::event::Status::Ignored || key == Key::Named(Named::Escape) =>
        {
            Some(Message::Key(key, modifiers))
        }
        _ => None,
    }
}

/// Ctrl+1 … Ctrl+8, taken before a focused text field can type the digit some of them
/// carry (see `shortcuts`).
pub(super) fn screen_key(key: &Key, modifiers: Modifiers) -> Option<Message> {
    let switches = modifiers.command()
        && !modifiers.shift()
        && !modifiers.alt()
        && matches!(key.as_ref(), Key::Character(digit) if section_of(digit).is_some());
    switches.then(|| Message::Key(key.clone(), modifiers))
}

/// What a key stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Command {
    /// Tab: the next text field; with Shift, the one before.
    Walk {
        back: bool,
    },
    /// Ctrl+F: the search field.
    Search,
    /// Ctrl+1 … Ctrl+8.
    Go(Section),
    /// F5: read the workspace again.
    Reload,
    Save,
    Undo,
    Redo,
    New,
    Delete,
    Close,
    /// Alt+Up or Down: move the selected line.
    Move(Direction),
    /// Up or down the list, to the order before or after.
    Step(Direction),
    /// Run a check on the order in front.
    Check,
    /// Log a defect on it.
    Defect,
    /// Log a customer contact on it.
    Contact,
}

/// The command `key` with `modifiers` stands for, if any.
pub(super) fn command(key: &Key, modifiers: Modifiers) -> Option<Command> {
    let command = match (
        key.as_ref(),
        modifiers.command(),
        modifiers.shift(),
        modifiers.alt(),
    ) {
        // Tab walks the text fields, as in every form people know.
        (Key::Named(Named::Tab), false, back, false) => Command::Walk { back },
        (Key::Named(Named::F5), _, _, _) => Command::Reload,
        (Key::Character("f"), true, _, _) => Command::Search,
        (Key::Character(digit), true, false, false) if section_of(digit).is_some() => {
            Command::Go(section_of(digit)?)
        }
        (Key::Character("s"), true, _, _) => Command::Save,
        (Key::Character("z"), true, false, _) => Command::Undo,
        (Key::Character("z"), true, true, _) | (Key::Character("y"), true, _, _) => Command::Redo,
        (Key::Character("n"), true, _, _) => Command::New,
        (Key::Character("k"), true, _, _) => Command::Check,
        (Key::Character("d"), true, _, _) => Command::Defect,
        (Key::Character("l"), true, _, _) => Command::Contact,
        (Key::Named(Named::Delete), false, _, false) => Command::Delete,
        (Key::Named(Named::Escape), _, _, _) => Command::Close,
        (Key::Named(Named::ArrowUp), _, _, true) => Command::Move(Direction::Up),
        (Key::Named(Named::ArrowDown), _, _, true) => Command::Move(Direction::Down),
        (Key::Named(Named::ArrowUp), false, false, false) => Command::Step(Direction::Up),
        (Key::Named(Named::ArrowDown), false, false, false) => Command::Step(Direction::Down),
        _ => return None,
    };
    Some(command)
}

/// The section Ctrl with `digit` goes to.
fn section_of(digit: &str) -> Option<Section> {
    SECTIONS
        .iter()
        .find(|(d, _)| *d == digit)
        .map(|(_, section)| *section)
}

/// What `command` means for a procedure or checklist editor.
pub(super) fn editor_message<F: Form>(
    editor: &Editor<F>,
    command: Command,
) -> Option<editor::Message<F::Edit>> {
    use editor::Message as M;
    let message = match command {
        Command::Move(direction) => editor.move_message(direction)?,
        Command::Save => M::Save,
        Command::Undo => M::Undo,
        Command::Redo => M::Redo,
        Command::New => M::New,
        Command::Delete => M::AskDelete,
        Command::Close => M::CloseDialog,
        Command::Walk { .. }
        | Command::Search
        | Command::Go(_)
        | Command::Reload
        | Command::Check
        | Command::Defect
        | Command::Contact
        | Command::Step(_) => return None,
    };
    Some(message)
}
