//! The app's side of the orders and defects screens: saving orders, and the work that needs
//! a dialog or a worker thread (photos, the CSV import, QC records).

use std::path::PathBuf;

use iced::Task;
use iced::widget::operation;

use super::{Desk, Handoff, Message as AppMessage, SaveRequest, Section, context};
use crate::model::{DateTime, Order};
use crate::store::Folder;
use crate::ui::screen::Context;
use crate::ui::screen::defects;
use crate::ui::screen::orders::{self, PhotoFor, RecordFormat};
use crate::ui::text::Text;

/// Which screen asked for an order to be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    Orders,
    Defects,
}

/// An order to save, and the screen to tell how it went.
pub struct OrderSave {
    pub order: Order,
    pub from: From,
}

/// Where a picked photo goes.
#[derive(Debug, Clone)]
pub enum PhotoTarget {
    /// Into the orders screen: a check item or the defect open there.
    Orders(PhotoFor),
    /// Into the defect open in the defect log.
    Defects,
}

/// Answers from dialogs and worker threads.
#[derive(Debug, Clone)]
pub enum Message {
    /// A photo file picked for `order`, or none.
    PhotoPicked {
        order: String,
        target: PhotoTarget,
        path: Option<PathBuf>,
    },
    /// A CSV file to import, or none.
    ImportPicked(Option<PathBuf>),
    /// How far the import has come.
    Importing(usize, usize),
    /// The import is over: the workspace as it is now, and what happened.
    Imported(Handoff<(Option<Folder>, Result<String, String>)>),
    /// Where to save an order's QC record, or nowhere.
    RecordPicked {
        order: String,
        format: RecordFormat,
        path: Option<PathBuf>,
    },
}

impl Desk {
    pub(super) fn order_action(
        &mut self,
        action: orders::Action,
        words: &'static Text,
        me: Option<&str>,
        now: DateTime,
    ) -> Task<AppMessage> {
        match action {
            orders::Action::None => Task::none(),
            orders::Action::Focus(id) => operation::focus(id),
            orders::Action::Save(order) => self.save_order(*order, From::Orders, words, me, now),
            orders::Action::PickPhoto { order, photo } => {
                pick_photo(order, PhotoTarget::Orders(photo))
            }
            orders::Action::Import => pick_csv(),
            orders::Action::Record { order, format } => pick_record_path(order, format),
        }
    }

    pub(super) fn defect_action(
        &mut self,
        action: defects::Action,
        words: &'static Text,
        me: Option<&str>,
        now: DateTime,
    ) -> Task<AppMessage> {
        match action {
            defects::Action::None => Task::none(),
            defects::Action::Focus(id) => operation::focus(id),
            defects::Action::Save(order) => self.save_order(*order, From::Defects, words, me, now),
            defects::Action::PickPhoto => Task::none(),
            defects::Action::OpenOrder(id) => {
                self.section = Section::Orders;
                self.orders.show(&id);
                Task::none()
            }
        }
    }

    fn save_order(
        &mut self,
        order: Order,
        from: From,
        words: &'static Text,
        me: Option<&str>,
        now: DateTime,
    ) -> Task<AppMessage> {
        let result = self.folder.save(order.clone());
        self.after_save(
            result,
            SaveRequest::Order(OrderSave { order, from }),
            words,
            me,
            now,
        )
    }

    pub(super) fn counter(
        &mut self,
        message: Message,
        words: &'static Text,
        me: Option<&str>,
        now: DateTime,
    ) -> Task<AppMessage> {
        let _ = (words, me, now);
        match message {
            Message::PhotoPicked { path: None, .. }
            | Message::ImportPicked(None)
            | Message::RecordPicked { path: None, .. } => Task::none(),
            Message::PhotoPicked { .. } => Task::none(),
            Message::ImportPicked(Some(_)) => Task::none(),
            Message::Importing(done, total) => {
                self.orders.importing(Some((done, total)));
                Task::none()
            }
            Message::Imported(handoff) => {
                self.orders.importing(None);
                if let Some((folder, outcome)) = handoff.take() {
                    if let Some(folder) = folder {
                        self.folder = folder;
                    }
                    match outcome {
                        Ok(summary) => self.orders.done(summary),
                        Err(error) => self.orders.tell(error),
                    }
                }
                Task::none()
            }
            Message::RecordPicked { .. } => {
                let ctx = context(&self.folder, words, me, now);
                let _ = ctx;
                Task::none()
            }
        }
    }
}

/// The order is on disk: the screen that asked moves on.
pub(super) fn order_saved(
    orders: &mut orders::Orders,
    defects: &mut defects::Defects,
    request: &OrderSave,
    ctx: &Context,
) -> Task<AppMessage> {
    match request.from {
        From::Orders => match orders.saved(&request.order, ctx) {
            orders::Action::Focus(id) => operation::focus(id),
            _ => Task::none(),
        },
        From::Defects => {
            defects.saved(&request.order);
            Task::none()
        }
    }
}

fn pick_photo(order: String, target: PhotoTarget) -> Task<AppMessage> {
    Task::perform(
        async move {
            rfd::AsyncFileDialog::new()
                .add_filter("Photo", &["jpg", "jpeg", "png", "heic", "webp"])
                .pick_file()
                .await
                .map(|handle| handle.path().to_path_buf())
        },
        move |path| {
            AppMessage::Counter(Message::PhotoPicked {
                order: order.clone(),
                target: target.clone(),
                path,
            })
        },
    )
}

fn pick_csv() -> Task<AppMessage> {
    Task::perform(
        async move {
            rfd::AsyncFileDialog::new()
                .add_filter("CSV", &["csv", "txt"])
                .pick_file()
                .await
                .map(|handle| handle.path().to_path_buf())
        },
        |path| AppMessage::Counter(Message::ImportPicked(path)),
    )
}

fn pick_record_path(order: String, format: RecordFormat) -> Task<AppMessage> {
    let (name, extension) = match format {
        RecordFormat::Pdf => ("PDF", "pdf"),
        RecordFormat::Html => ("HTML", "html"),
    };
    let file_name = format!("{order}.{extension}");
    Task::perform(
        async move {
            rfd::AsyncFileDialog::new()
                .add_filter(name, &[extension])
                .set_file_name(file_name)
                .save_file()
                .await
                .map(|handle| handle.path().to_path_buf())
        },
        move |path| {
            AppMessage::Counter(Message::RecordPicked {
                order: order.clone(),
                format,
                path,
            })
        },
    )
}
