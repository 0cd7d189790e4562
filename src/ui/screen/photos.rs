//! Pictures of the workspace in the window: read once per path through the store, and
//! shown as thumbnails, or as "photo missing" where the file is gone.

use std::cell::RefCell;
use std::collections::HashMap;

use iced::widget::{container, image, text};
use iced::{Element, Length};

use crate::model::ImageKind;
use crate::store::Folder;
use crate::ui::theme;

/// How wide a thumbnail is; it keeps its picture's proportions inside.
pub const THUMB_WIDTH: f32 = 136.0;
/// How high a thumbnail is at most.
pub const THUMB_HEIGHT: f32 = 102.0;

/// The pictures shown so far, by their path in the workspace.
#[derive(Debug, Default)]
pub struct Pictures {
    shown: RefCell<HashMap<String, image::Handle>>,
}

impl Pictures {
    /// The picture at `path` in `folder`; `None` while its file is missing, unreadable or
    /// no JPEG or PNG. A picture found is read once: the window redraws often.
    pub fn get(&self, folder: &Folder, path: &str) -> Option<image::Handle> {
        if let Some(handle) = self.shown.borrow().get(path) {
            return Some(handle.clone());
        }
        let bytes = folder.picture(path).ok()?;
        ImageKind::sniff(&bytes)?;
        let handle = image::Handle::from_bytes(bytes);
        self.shown
            .borrow_mut()
            .insert(path.to_owned(), handle.clone());
        Some(handle)
    }
}

/// Where a screen gets the workspace's pictures from.
#[derive(Debug, Clone, Copy)]
pub struct Photos<'a> {
    from: Option<(&'a Pictures, &'a Folder)>,
}

impl<'a> Photos<'a> {
    /// The pictures of `folder`, read once into `pictures`.
    pub fn of(pictures: &'a Pictures, folder: &'a Folder) -> Self {
        Photos {
            from: Some((pictures, folder)),
        }
    }

    /// No pictures at all: for work that draws nothing.
    pub fn none() -> Self {
        Photos { from: None }
    }

    /// The picture at `path` in the workspace; `None` where its file is missing.
    pub fn get(&self, path: &str) -> Option<image::Handle> {
        let (pictures, folder) = self.from?;
        pictures.get(folder, path)
    }
}

/// The widget id of the thumbnail that shows the picture at `path`; none is there while
/// the file is missing.
pub fn thumbnail_id(path: &str) -> String {
    format!("photo:{path}")
}

/// A thumbnail of the picture at `path`, or the placeholder `missing` names.
pub fn thumbnail<'a, Message: 'a>(
    photos: &Photos<'_>,
    path: &str,
    missing: &'static str,
) -> Element<'a, Message> {
    let frame = |inside: Element<'a, Message>| {
        container(inside)
            .center_x(THUMB_WIDTH)
            .center_y(THUMB_HEIGHT)
            .style(theme::row_box)
    };
    match photos.get(path) {
        Some(handle) => frame(
            image(handle)
                .width(Length::Fill)
                .height(Length::Fill)
                .into(),
        )
        .id(thumbnail_id(path))
        .into(),
        None => frame(
            text(missing)
                .size(theme::TEXT_SMALL)
                .style(theme::muted)
                .into(),
        )
        .into(),
    }
}
