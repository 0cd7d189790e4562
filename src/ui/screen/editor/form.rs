//! What a screen brings to the shared editor: its record, and the form that edits it.

use std::fmt::Debug;

use iced::Element;

use super::Message;
use crate::model::{Change, Records, Revised};
use crate::ui::request::{Record, Request};
use crate::ui::screen::Context;
use crate::ui::text::Text;

/// A record kept in the workspace, one file per id, its superseded revisions archived.
pub trait Filed: Revised + Debug + 'static {
    /// Its id.
    fn id(&self) -> &str;
    /// Its title.
    fn title(&self) -> &str;
    /// Its approvals, oldest first.
    fn changes(&self) -> &[Change];
    /// Whether one of its lines (a step, an item) has this id.
    fn has_line(&self, id: &str) -> bool;
    /// Whether it matches a search, `needle` lowercased; an empty one matches all.
    fn matches(&self, needle: &str) -> bool;
    /// The current records of its kind.
    fn current(records: &Records) -> &[Self];
    /// The archived revisions of its kind.
    fn archived(records: &Records) -> &[Self];
    /// Itself, as a record the app saves.
    fn filed(self) -> Record;
}

/// A record as its editor holds it: text as typed, with the record it started from.
pub trait Form: Clone + PartialEq + Debug + 'static {
    /// The record it edits.
    type Record: Filed;
    /// Whether people sign its revisions as read, so approving asks whether they must
    /// read the new one again.
    const SIGNED: bool = false;
    /// One line of it as typed: a procedure's step, a checklist's item.
    type Line: Default;
    /// A change to its own fields and lines.
    type Edit: Clone + Debug + 'static;
    /// What its inputs hold beyond the text, such as a prompt editor's cursor.
    type Inputs: Debug + Default;
    /// The form for an existing record.
    fn editing(record: &Self::Record) -> Self;
    /// A new, empty draft.
    fn blank(ctx: &Context<'_>) -> Self;
    /// The record being edited: its id, revision, status and history.
    fn base(&self) -> &Self::Record;
    /// Whether the record has never been saved.
    fn is_new(&self) -> bool;
    /// The title as typed.
    fn title(&self) -> &str;
    /// Called before any edit: an approved record becomes a draft of its next revision.
    fn start_editing(&mut self);
    /// The record to save, with ids given to new lines (and to the record if new), or
    /// `None` while a field is marked wrong; `taken_record` and `taken_line` say which
    /// ids exist already, in any revision.
    fn to_record(
        &self,
        words: &'static Text,
        taken_record: impl Fn(&str) -> bool,
        taken_line: impl Fn(&str) -> bool,
    ) -> Option<Self::Record>;
    /// Its lines.
    fn lines(&mut self) -> &mut Vec<Self::Line>;
    /// A new, empty line.
    fn new_line(&mut self) -> Self::Line {
        Self::Line::default()
    }
    /// The widget id of a line's main input.
    fn line_input_id(index: usize) -> String;
    /// The field an edit types into: edits of one field in a row are one undo step.
    fn field(&self, edit: &Self::Edit) -> Option<String>;
    /// Applies an edit; returns the line it selects, if any.
    fn apply(&mut self, edit: Self::Edit) -> Option<usize>;
    /// A remembered state of the form now stands for `saved`, written from `sent`;
    /// `live` is the form the editor had open.
    fn now_saved_as(&mut self, saved: &Self::Record, sent: &Self, live: &Self);
    /// The form was opened afresh from the record just saved from `sent`: carry over
    /// what only the form knows.
    fn reopened(&mut self, _sent: &Self, _live: &Self) {}
    /// What the app must do for an edit before it can be applied (a file to pick and copy
    /// in, say); `None` to apply it at once.
    fn ask(&self, _edit: &Self::Edit, _ctx: &Context<'_>) -> Option<Request<Message<Self::Edit>>> {
        None
    }
    /// Brings the inputs' own state in line with the form.
    fn sync_inputs(&self, _inputs: &mut Self::Inputs) {}
    /// An edit on its way in: one for an input's own state acts on `inputs` and becomes
    /// the edit it makes, if any.
    fn input(
        edit: Self::Edit,
        _inputs: &mut Self::Inputs,
        _line: &mut Option<usize>,
        _read_only: bool,
    ) -> Option<Self::Edit> {
        Some(edit)
    }
    /// "New procedure", "New checklist".
    fn new_label(words: &'static Text) -> &'static str;
    /// What shows while nothing is open.
    fn nothing_selected(words: &'static Text) -> &'static str;
    /// What a screen with no records at all says to do next, in one sentence.
    fn first_step(words: &'static Text, records: &Records) -> &'static str;
    /// Its fields and lines, `line` selected.
    fn view<'a>(
        &'a self,
        inputs: &'a Self::Inputs,
        line: Option<usize>,
        ctx: Context<'a>,
    ) -> Element<'a, Message<Self::Edit>>;
    /// An archived revision, read only, below its header.
    fn archived_view<'a>(
        record: &'a Self::Record,
        ctx: Context<'a>,
    ) -> Element<'a, Message<Self::Edit>>;
}
