//! Procedures: the list, the editor with steps and specs, revisions and approval. The
//! editor is the shared [`editor::Editor`]; this module brings what is a procedure's own.

mod form;
pub mod intake;
mod view;
mod words;

pub use form::{ProcedureForm, SpecField, SpecForm, StepForm};
pub use intake::view::{PASTE_ID, input_id as intake_input_id};
pub use view::{standard, step_photo_id};

use iced::Element;

use crate::model::{Change, Procedure, Records, draft_of, fresh_id};
use crate::store::Attachment;
use crate::ui::request::{FileKind, Picked, Request};
use crate::ui::screen::file_place::{self, PathField, PlaceWords, Taken};
use crate::ui::text::{Text, fill};

use super::Context;
use super::editor::{self, Filed, Form};
pub use super::revision::{After, Direction};

/// The procedures screen: the shared editor, and "Import procedures…" over it while open.
#[derive(Debug, Default)]
pub struct Procedures {
    editor: editor::Editor<ProcedureForm>,
    intake: Option<intake::Intake>,
}

impl std::ops::Deref for Procedures {
    type Target = editor::Editor<ProcedureForm>;

    fn deref(&self) -> &Self::Target {
        &self.editor
    }
}

impl std::ops::DerefMut for Procedures {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.editor
    }
}

/// An import message as the screen's.
fn intake_message(message: intake::Message) -> Message {
    Message::Edit(Edit::Intake(message))
}

impl Procedures {
    /// Handles a message; returns what the app should do. While the import is open, the
    /// editor behind it hears only the answers of work it asked for earlier.
    pub fn update(&mut self, message: Message, ctx: &Context<'_>) -> Request<Message> {
        use editor::Message as M;
        match message {
            Message::Edit(Edit::Intake(message)) => self.intake(message, ctx),
            M::Saved(_) | M::Deleted(_) | M::Tell(_) => self.editor.update(message, ctx),
            _ if self.intake.is_some() => Request::None,
            message => self.editor.update(message, ctx),
        }
    }

    fn intake(&mut self, message: intake::Message, ctx: &Context<'_>) -> Request<Message> {
        if matches!(message, intake::Message::Open) {
            if ctx.is_owner() && !ctx.read_only && !self.editor.is_dirty() {
                self.intake = Some(intake::Intake::default());
            }
            return Request::None;
        }
        let Some(open) = &mut self.intake else {
            return Request::None;
        };
        match open.update(message, ctx, intake_message) {
            intake::Next::Stay(request) => *request,
            intake::Next::Close => {
                self.intake = None;
                Request::None
            }
            intake::Next::Done(ids) => {
                self.intake = None;
                if let Some(first) = ids.first() {
                    self.editor.open(ctx, first);
                }
                let words = words::IntakeWords::of(ctx.language);
                let count =
                    crate::model::counted(ids.len(), words.procedure_one, words.procedure_many);
                self.editor.tell(fill(words.imported, &[("count", &count)]));
                Request::None
            }
        }
    }

    /// Procedures read for import and not imported yet, if the import shows any.
    pub fn import_unsaved(&self) -> Option<super::Unsaved> {
        self.intake.as_ref()?.unsaved()
    }

    /// The import while it is open; else the editor, with "Import procedures…" above it
    /// for an owner.
    pub fn view<'a>(&'a self, ctx: Context<'a>, search: &str) -> Element<'a, Message> {
        if let Some(open) = &self.intake {
            return open.view(ctx).map(intake_message);
        }
        let editor = self.editor.view(ctx, search);
        if !ctx.is_owner() || ctx.read_only {
            return editor;
        }
        let words = words::IntakeWords::of(ctx.language);
        let import = iced::widget::button(iced::widget::text(words.import_procedures))
            .on_press_maybe(
                (!self.editor.is_dirty()).then(|| intake_message(intake::Message::Open)),
            )
            .style(iced::widget::button::secondary);
        iced::widget::column![
            iced::widget::container(import)
                .padding([crate::ui::theme::SPACE_XS, crate::ui::theme::SPACE_L]),
            editor
        ]
        .into()
    }
}

/// What the user did on the procedures screen.
pub type Message = editor::Message<Edit>;

/// A save the app should carry out.
pub type SaveRequest = editor::SaveRequest<ProcedureForm>;

/// A change to a procedure's own fields and steps.
#[derive(Debug, Clone)]
pub enum Edit {
    Title(String),
    Purpose(String),
    Scope(String),
    Owner(super::PersonChoice),
    ReviewBy(String),
    StepText(usize, String),
    StepWarning(usize, String),
    Spec(usize, SpecField, String),
    AddSpec(usize),
    RemoveSpec(usize),
    /// Ask for a photo for this step.
    AddPhoto(usize),
    /// What came of the dialog for a photo for this step.
    PhotoPicked(usize, Picked),
    /// Type the path of a photo for this step instead of picking it in a dialog.
    TypePhotoPath(usize),
    /// The field of a step photo's path, typed where the dialog could not open.
    PhotoPath(file_place::Message),
    /// A photo copied into the workspace for this step: its path there.
    PhotoAttached(usize, String),
    /// Move a step's photo (step, photo) earlier or later.
    MovePhoto(usize, usize, Direction),
    /// Take a photo off a step (step, photo); its file stays, as an archived revision
    /// may still show it.
    RemovePhoto(usize, usize),
    /// "Import procedures…": not an edit of the open procedure, but of this screen.
    Intake(intake::Message),
}

/// The widget id of a step's text field.
pub fn step_input_id(index: usize) -> String {
    format!("step-text-{index}")
}

impl ProcedureForm {
    /// The procedure's id once saved: a new one's follows its title.
    fn future_id(&self, ctx: &Context<'_>) -> String {
        if !self.is_new {
            return self.base.id.clone();
        }
        let records = ctx.records;
        let taken = |id: &str| {
            (records.procedures.iter())
                .chain(&records.archived_procedures)
                .any(|p| p.id == id)
        };
        fresh_id(&self.title, "procedure", taken)
    }
}

impl Procedures {
    /// Whether a procedure matches the search: title, id, purpose or any step.
    pub fn matches(procedure: &Procedure, needle: &str) -> bool {
        procedure.matches(needle)
    }
}

impl Filed for Procedure {
    fn id(&self) -> &str {
        &self.id
    }

    fn title(&self) -> &str {
        &self.title
    }

    fn changes(&self) -> &[Change] {
        &self.changes
    }

    fn has_line(&self, id: &str) -> bool {
        self.step(id).is_some()
    }

    fn matches(&self, needle: &str) -> bool {
        if needle.is_empty() {
            return true;
        }
        let hit = |haystack: &str| crate::model::contains_folded(haystack, needle);
        hit(&self.title)
            || hit(&self.id)
            || hit(&self.purpose)
            || self
                .steps
                .iter()
                .any(|step| hit(&step.text) || step.warning.as_deref().is_some_and(hit))
    }

    fn current(records: &Records) -> &[Self] {
        &records.procedures
    }

    fn archived(records: &Records) -> &[Self] {
        &records.archived_procedures
    }

    fn filed(self) -> crate::ui::request::Record {
        crate::ui::request::Record::Procedure(Box::new(self))
    }
}

impl Form for ProcedureForm {
    type Record = Procedure;
    type Line = StepForm;
    type Edit = Edit;
    /// A step photo's path being typed: the step, and the field.
    type Inputs = Option<(usize, PathField)>;
    const SIGNED: bool = true;

    fn editing(record: &Procedure) -> Self {
        ProcedureForm::of(record)
    }

    fn blank(ctx: &Context<'_>) -> Self {
        let owner = ctx.me.map(|me| me.id.clone()).unwrap_or_default();
        ProcedureForm::new(&owner)
    }

    fn base(&self) -> &Procedure {
        &self.base
    }

    fn is_new(&self) -> bool {
        self.is_new
    }

    fn title(&self) -> &str {
        &self.title
    }

    fn start_editing(&mut self) {
        self.base = draft_of(&self.base);
    }

    fn to_record(
        &self,
        words: &'static Text,
        taken_record: impl Fn(&str) -> bool,
        taken_line: impl Fn(&str) -> bool,
    ) -> Option<Procedure> {
        let fine = self.errors(words).is_empty();
        fine.then(|| self.to_procedure(taken_record, taken_line))?
    }

    fn lines(&mut self) -> &mut Vec<StepForm> {
        &mut self.steps
    }

    fn line_input_id(index: usize) -> String {
        step_input_id(index)
    }

    /// Typing into one field is one undo step; structural edits are each their own.
    fn field(&self, edit: &Edit) -> Option<String> {
        match edit {
            Edit::Title(_) => Some("title".into()),
            Edit::Purpose(_) => Some("purpose".into()),
            Edit::Scope(_) => Some("scope".into()),
            Edit::ReviewBy(_) => Some("review".into()),
            Edit::StepText(i, _) => Some(format!("step-{i}")),
            Edit::StepWarning(i, _) => Some(format!("warning-{i}")),
            Edit::Spec(i, which, _) => Some(format!("spec-{i}-{which:?}")),
            Edit::Owner(_)
            | Edit::AddSpec(_)
            | Edit::RemoveSpec(_)
            | Edit::AddPhoto(_)
            | Edit::PhotoPicked(..)
            | Edit::TypePhotoPath(_)
            | Edit::PhotoPath(_)
            | Edit::PhotoAttached(..)
            | Edit::MovePhoto(..)
            | Edit::RemovePhoto(..)
            | Edit::Intake(_) => None,
        }
    }

    fn apply(&mut self, edit: Edit) -> Option<usize> {
        match edit {
            Edit::Title(value) => self.title = value,
            Edit::Purpose(value) => self.purpose = value,
            Edit::Scope(value) => self.scope = value,
            Edit::Owner(person) => self.owner = person.id,
            Edit::ReviewBy(value) => self.review_by = value,
            Edit::StepText(i, value) => {
                if let Some(step) = self.steps.get_mut(i) {
                    step.text = value;
                }
                return Some(i);
            }
            Edit::StepWarning(i, value) => {
                if let Some(step) = self.steps.get_mut(i) {
                    step.warning = value;
                }
            }
            Edit::Spec(i, which, value) => {
                if let Some(spec) = self.steps.get_mut(i).and_then(|s| s.spec.as_mut()) {
                    let slot = match which {
                        SpecField::What => &mut spec.what,
                        SpecField::Unit => &mut spec.unit,
                        SpecField::Target => &mut spec.target,
                        SpecField::Min => &mut spec.min,
                        SpecField::Max => &mut spec.max,
                    };
                    *slot = value;
                }
            }
            Edit::AddSpec(i) => {
                if let Some(step) = self.steps.get_mut(i) {
                    step.spec = Some(SpecForm::default());
                }
            }
            Edit::RemoveSpec(i) => {
                if let Some(step) = self.steps.get_mut(i) {
                    step.spec = None;
                }
            }
            Edit::AddPhoto(_)
            | Edit::PhotoPicked(..)
            | Edit::TypePhotoPath(_)
            | Edit::PhotoPath(_)
            | Edit::Intake(_) => {}
            Edit::PhotoAttached(i, path) => {
                if let Some(step) = self.steps.get_mut(i) {
                    step.photos.push(path);
                }
            }
            Edit::MovePhoto(i, n, direction) => {
                if let Some(photos) = self.steps.get_mut(i).map(|s| &mut s.photos) {
                    let to = match direction {
                        Direction::Up => n.checked_sub(1),
                        Direction::Down => Some(n + 1),
                    };
                    if let Some(to) = to.filter(|to| *to < photos.len() && n < photos.len()) {
                        photos.swap(n, to);
                    }
                }
            }
            Edit::RemovePhoto(i, n) => {
                if let Some(photos) = self.steps.get_mut(i).map(|s| &mut s.photos)
                    && n < photos.len()
                {
                    photos.remove(n);
                }
            }
        }
        None
    }

    /// A photo is picked in a dialog, then copied into the procedure's folder of photos.
    fn ask(&self, edit: &Edit, ctx: &Context<'_>) -> Option<Request<Message>> {
        let request = match edit {
            Edit::AddPhoto(_) if ctx.read_only => Request::None,

            Edit::AddPhoto(step) => {
                let step = *step;
                Request::pick_file(FileKind::StepPhoto, move |file| {
                    Message::Edit(Edit::PhotoPicked(step, file))
                })
            }
            Edit::PhotoPicked(step, Picked::Path(file)) => {
                let step = *step;
                let to = Attachment::Procedure(self.future_id(ctx));
                Request::attach(file.clone(), to, move |attached| match attached {
                    Ok(path) => Message::Edit(Edit::PhotoAttached(step, path)),
                    Err(error) => Message::Tell(error),
                })
            }
            _ => return None,
        };
        Some(request)
    }

    /// Undoing after an approval drafts a new revision instead of quietly dropping it.
    fn now_saved_as(&mut self, saved: &Procedure, _sent: &Self, _live: &Self) {
        self.base = saved.clone();
        self.is_new = false;
    }

    fn new_label(words: &'static Text) -> &'static str {
        words.new_procedure
    }

    fn nothing_selected(words: &'static Text) -> &'static str {
        words.nothing_selected
    }

    fn first_step(words: &'static Text, _records: &Records) -> &'static str {
        words.first_procedure
    }

    /// A step photo whose dialog could not open opens the path field; a path taken there
    /// goes on as the dialog's answer would have.
    fn input(
        edit: Edit,
        typed: &mut Self::Inputs,
        _line: &mut Option<usize>,
        read_only: bool,
    ) -> Option<Edit> {
        match edit {
            Edit::PhotoPicked(step, Picked::CouldNotOpen(why)) => {
                *typed = Some((step, PathField::to_open(Some(why))));
                None
            }
            Edit::PhotoPicked(_, Picked::Cancelled) => None,
            Edit::TypePhotoPath(step) => {
                *typed = (!read_only).then(|| (step, PathField::to_open(None)));
                None
            }
            Edit::PhotoPath(message) => {
                let (step, field) = typed.as_mut()?;
                let step = *step;
                match field.update(message) {
                    Taken::Path(file) => {
                        *typed = None;
                        Some(Edit::PhotoPicked(step, Picked::Path(file)))
                    }
                    Taken::Cancelled => {
                        *typed = None;
                        None
                    }
                    Taken::Not => None,
                }
            }
            edit => Some(edit),
        }
    }

    fn view<'a>(
        &'a self,
        typed: &'a Self::Inputs,
        line: Option<usize>,
        ctx: Context<'a>,
    ) -> Element<'a, Message> {
        let typed = typed.as_ref().map(|(step, field)| {
            let title = fill(
                PlaceWords::of(ctx.language).photo_for_step,
                &[("step", &(step + 1).to_string())],
            );
            iced::widget::column![
                iced::widget::text(title),
                field
                    .view(ctx.language)
                    .map(|m| Message::Edit(Edit::PhotoPath(m)))
            ]
            .spacing(crate::ui::theme::SPACE_XS)
        });
        iced::widget::column![typed, view::form_view(self, line, ctx)].into()
    }

    fn archived_view<'a>(procedure: &'a Procedure, ctx: Context<'a>) -> Element<'a, Message> {
        view::archived_view(procedure, ctx)
    }
}
