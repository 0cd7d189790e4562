//! The desktop window: the only code that knows iced.

mod app;
mod history;
pub mod request;
pub mod screen;
mod shortcuts;
pub mod text;
pub mod theme;

use std::path::PathBuf;

pub use app::{App, LeaveChoice, Message, Section, Start};

/// Opens the window and runs until it is closed; `crashed` names the report of a crash
/// before this start, which the window shows above the screen.
pub fn run(start: Start, crashed: Option<PathBuf>) -> iced::Result {
    let boot = move || {
        let (mut app, task) = App::boot(start.clone());
        if let Some(report) = &crashed {
            app.crashed_before(report);
        }
        (app, task)
    };
    iced::application(boot, App::update, App::view)
        .title(App::title)
        .subscription(App::subscription)
        .theme(App::theme)
        .window(iced::window::Settings {
            size: iced::Size::new(1280.0, 820.0),
            // Below this nothing is laid out to fit: see `theme::Room`.
            min_size: Some(theme::MIN_WINDOW),
            // Closing asks first while work is unsaved: see `Message::CloseRequested`.
            exit_on_close_request: false,
            icon: icon(),
            platform_specific: platform(),
            ..iced::window::Settings::default()
        })
        .run()
}

/// The app's icon, from the PNG the desktop entry's icons are made of.
pub fn icon() -> Option<iced::window::Icon> {
    let png = png::Decoder::new(std::io::Cursor::new(ICON_PNG));
    let mut reader = png.read_info().ok()?;
    let mut pixels = vec![0; reader.output_buffer_size()?];
    let frame = reader.next_frame(&mut pixels).ok()?;
    if frame.color_type != png::ColorType::Rgba || frame.bit_depth != png::BitDepth::Eight {
        return None;
    }
    pixels.truncate(frame.buffer_size());
    iced::window::icon::from_rgba(pixels, frame.width, frame.height).ok()
}

const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/128.png");

/// Wayland and X11 match the window to its desktop entry by this id.
#[cfg(target_os = "linux")]
fn platform() -> iced::window::settings::PlatformSpecific {
    iced::window::settings::PlatformSpecific {
        application_id: crate::diagnostics::APP_ID.to_owned(),
        ..Default::default()
    }
}

#[cfg(not(target_os = "linux"))]
fn platform() -> iced::window::settings::PlatformSpecific {
    Default::default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_decodes() {
        assert!(super::icon().is_some());
    }
}
