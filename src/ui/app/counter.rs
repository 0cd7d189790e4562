//! The app's side of the orders and defects screens: saving orders, and the work that needs
//! a dialog or a worker thread (photos, the CSV import, QC records).

use std::path::PathBuf;

use iced::Task;
use iced::widget::operation;

use super::{Desk, Handoff, Message as AppMessage, SaveRequest, Section, context};
use crate::export;
use crate::model::{DateTime, Order};
use crate::store::Folder;
use crate::ui::screen::Context;
use crate::ui::screen::orders::words::OrderWords;
use crate::ui::screen::orders::{self, PhotoFor, RecordFormat};
use crate::ui::screen::{dashboard, defects};
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
            orders::Action::ScrollList(y) => operation::snap_to(
                orders::LIST_ID,
                operation::RelativeOffset {
                    x: None,
                    y: Some(y),
                },
            ),
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
            defects::Action::PickPhoto => match self.defects.selected() {
                Some((order, _)) => pick_photo(order.to_owned(), PhotoTarget::Defects),
                None => Task::none(),
            },
            defects::Action::OpenOrder(id) => {
                self.section = Section::Orders;
                self.orders.show(&id);
                Task::none()
            }
        }
    }

    /// Switches to `section`; the dashboard works its figures out anew on the way in, so it
    /// shows every save made elsewhere.
    pub(super) fn show(
        &mut self,
        section: Section,
        words: &'static Text,
        me: Option<&str>,
        now: DateTime,
    ) {
        self.section = section;
        if section == Section::Dashboard {
            let ctx = context(&self.folder, words, me, now);
            self.dashboard.refresh(&ctx);
        }
    }

    pub(super) fn dashboard_action(
        &mut self,
        action: dashboard::Action,
        words: &'static Text,
        me: Option<&str>,
        now: DateTime,
    ) -> Task<AppMessage> {
        match action {
            dashboard::Action::None => {}
            dashboard::Action::OpenDefect(reference) => {
                self.section = Section::Defects;
                let ctx = context(&self.folder, words, me, now);
                self.defects.open(&ctx, &reference.order, &reference.defect);
            }
            dashboard::Action::OpenProcedure(id) => {
                self.section = Section::Procedures;
                let ctx = context(&self.folder, words, me, now);
                self.procedures.open(&ctx, &id);
            }
            dashboard::Action::OpenOrder(id) => {
                self.section = Section::Orders;
                self.orders.show(&id);
            }
        }
        Task::none()
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
        match message {
            Message::PhotoPicked { path: None, .. }
            | Message::ImportPicked(None)
            | Message::RecordPicked { path: None, .. } => Task::none(),
            Message::PhotoPicked {
                order,
                target,
                path: Some(path),
            } => {
                self.attach_photo(&order, target, &path);
                Task::none()
            }
            Message::ImportPicked(Some(csv)) => {
                self.orders.importing(Some((0, 0)));
                let language = context(&self.folder, words, me, now).language;
                import_task(
                    self.folder.root().to_path_buf(),
                    csv,
                    OrderWords::of(language),
                )
            }
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
            Message::RecordPicked {
                order,
                format,
                path: Some(path),
            } => {
                let ctx = context(&self.folder, words, me, now);
                match write_record(&ctx, &order, format, &path) {
                    Ok(()) => self.orders.done(crate::ui::text::fill(
                        OrderWords::of(ctx.language).record_saved,
                        &[("path", &path.display().to_string())],
                    )),
                    Err(error) => self.orders.tell(error),
                }
                Task::none()
            }
        }
    }

    /// Copies a picked photo into the order's month of `attachments/` and hands its
    /// workspace path to the form that asked.
    fn attach_photo(&mut self, order: &str, target: PhotoTarget, path: &std::path::Path) {
        let month = self
            .folder
            .records()
            .orders
            .iter()
            .find(|o| o.id == order)
            .map(|o| o.placed.month_folder());
        let Some(month) = month else {
            return;
        };
        match (self.folder.attach(path, &month), target) {
            (Ok(relative), PhotoTarget::Orders(photo)) => {
                self.orders.photo_attached(photo, relative);
            }
            (Ok(relative), PhotoTarget::Defects) => self.defects.photo_attached(relative),
            (Err(error), PhotoTarget::Orders(_)) => self.orders.tell(error.to_string()),
            (Err(error), PhotoTarget::Defects) => self.defects.tell(error.to_string()),
        }
    }
}

/// Typesets an order's QC record and writes it where the user asked.
fn write_record(
    ctx: &Context,
    order: &str,
    format: RecordFormat,
    path: &std::path::Path,
) -> Result<(), String> {
    let order = ctx
        .records
        .orders
        .iter()
        .find(|o| o.id == order)
        .ok_or_else(|| format!("order {order} is no longer in the workspace"))?;
    let format = match format {
        RecordFormat::Pdf => export::Format::Pdf,
        RecordFormat::Html => export::Format::Html,
    };
    let bytes = export::order_record(ctx.records, order, format, ctx.language, ctx.now)
        .map_err(|error| error.to_string())?;
    crate::store::document::write_document(path, &bytes).map_err(|error| error.to_string())
}

/// Imports a CSV file on a worker thread, then reads the workspace again so the window
/// shows every order as it is on disk.
fn import_task(root: PathBuf, csv: PathBuf, words: &'static OrderWords) -> Task<AppMessage> {
    let (sender, receiver) = iced::futures::channel::mpsc::unbounded();
    std::thread::spawn(move || {
        let progress = {
            let sender = sender.clone();
            move |done: usize, total: usize| {
                let _ = sender.unbounded_send(AppMessage::Counter(Message::Importing(done, total)));
            }
        };
        let outcome = crate::import::import_file(&root, &csv, &progress)
            .map(|summary| {
                crate::ui::text::fill(
                    words.imported,
                    &[
                        ("imported", &summary.imported.to_string()),
                        ("skipped", &summary.skipped.to_string()),
                    ],
                )
            })
            .map_err(|error| error.to_string());
        let folder = Folder::open(&root).ok();
        let _ = sender.unbounded_send(AppMessage::Counter(Message::Imported(Handoff::new((
            folder, outcome,
        )))));
    });
    Task::run(receiver, |message| message)
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
