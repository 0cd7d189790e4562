//! The desktop window: the only code that knows iced.

mod app;
mod history;
pub mod request;
pub mod screen;
pub mod text;
pub mod theme;

pub use app::{App, LeaveChoice, Message, Start};

/// Opens the window and runs until it is closed.
pub fn run(start: Start) -> iced::Result {
    iced::application(move || App::boot(start.clone()), App::update, App::view)
        .title(App::title)
        .subscription(App::subscription)
        .theme(App::theme)
        .window_size((1280.0, 820.0))
        // Closing asks first while work is unsaved: see `Message::CloseRequested`.
        .exit_on_close_request(false)
        .run()
}
