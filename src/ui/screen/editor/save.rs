//! Saving from the editor: on leaving a record, on Ctrl+S and on approval, with the
//! approved revision it supersedes; and carrying on once the app has saved.

use std::time::Instant;

use super::{Asked, Editor, Filed, Form, Message, Notice};
use crate::model::{ApproveError, Revised, Status, approve};
use crate::ui::request::{Request, Saved};
use crate::ui::screen::Context;
use crate::ui::screen::revision::{After, Dialog};

/// A save the app should carry out.
#[derive(Debug, Clone)]
pub struct SaveRequest<F: Form> {
    /// The record to write.
    pub record: F::Record,
    /// The approved revision it supersedes, to archive first if it is not archived yet.
    pub archive: Option<F::Record>,
    /// What to open once saved.
    pub then: After,
    /// The form it was written from, for the editor to carry on with.
    pub form: Box<F>,
}

/// Whether the open form may be left: clean, saved, or blocked by errors.
enum Pending<F: Form> {
    Clean,
    Save(Box<SaveRequest<F>>),
    Blocked,
}

impl<F: Form> Editor<F> {
    /// The save a dirty form needs; `Blocked` (with a message shown) while it has errors.
    fn pending(&mut self, ctx: &Context<'_>, then: After) -> Pending<F> {
        let Some(open) = self.open.as_ref() else {
            return Pending::Clean;
        };
        if open.form == open.original || ctx.read_only {
            return Pending::Clean;
        }
        let Some(record) = record_of(&open.form, ctx) else {
            self.message = Some(Notice::FixBeforeSaving);
            return Pending::Blocked;
        };
        Pending::Save(Box::new(SaveRequest {
            archive: superseded(ctx, &record),
            record,
            then,
            form: Box::new(open.form.clone()),
        }))
    }

    /// Saves the open record, then goes on to `then`.
    pub(super) fn leave(&mut self, ctx: &Context<'_>, then: After) -> Asked<F> {
        match self.pending(ctx, then.clone()) {
            Pending::Save(request) => return self.ask_save(request),
            // Edits with errors are never dropped: the form stays open, its fields marked.
            Pending::Blocked => return Request::None,
            Pending::Clean => {}
        }
        self.message = None;
        match then {
            After::Stay => Request::None,
            After::Select(id) => {
                self.open(ctx, &id);
                Request::None
            }
            After::New => {
                self.start_new(ctx);
                Request::Focus("title".to_owned())
            }
        }
    }

    /// Asks the app to save `request`, and keeps it to carry on from.
    pub(super) fn ask_save(&mut self, request: Box<SaveRequest<F>>) -> Asked<F> {
        let asked = Request::Save {
            record: request.record.clone().filed(),
            archive: request.archive.clone().map(Filed::filed),
            reply: Box::new(Message::Saved),
        };
        self.saving = Some(request);
        asked
    }

    /// The app carried out the save asked for last.
    pub(super) fn after_save(&mut self, outcome: Saved, ctx: &Context<'_>) -> Asked<F> {
        let Some(request) = self.saving.take() else {
            return Request::None;
        };
        match outcome {
            Saved::Done => {
                self.saved(ctx, &request);
                match request.then {
                    After::New => Request::Focus("title".to_owned()),
                    After::Stay | After::Select(_) => Request::None,
                }
            }
            Saved::Failed(error) => {
                self.message = Some(Notice::Said(error));
                Request::None
            }
            Saved::TookDisk(error) => {
                self.open(ctx, request.record.id());
                self.message = error.map(Notice::Said);
                Request::None
            }
        }
    }

    /// The app saved `request`: carry on with the record as saved, or open what was asked for.
    fn saved(&mut self, ctx: &Context<'_>, request: &SaveRequest<F>) {
        self.message = None;
        match &request.then {
            // Saving keeps the undo history: Ctrl+Z after Ctrl+S still steps back. Every
            // remembered state now stands for the saved record, so undoing after a first
            // save keeps the new ids, and undoing after an approval drafts a new revision.
            After::Stay => {
                let previous = self.open.take();
                self.open(ctx, request.record.id());
                let (Some(previous), Some(open)) = (previous, &mut self.open) else {
                    return;
                };
                open.form.reopened(&request.form, &previous.form);
                open.original = open.form.clone();
                open.history = previous.history;
                open.inputs = previous.inputs;
                open.form.sync_inputs(&mut open.inputs);
                open.history.for_each_mut(|form| {
                    form.now_saved_as(&request.record, &request.form, &previous.form);
                });
            }
            After::Select(id) => self.open(ctx, id),
            After::New => self.start_new(ctx),
        }
    }

    /// Saves the open record as retired today, for an owner only.
    pub(super) fn retire(&mut self, ctx: &Context<'_>) -> Asked<F> {
        if self.open.is_none() {
            return Request::None;
        }
        if !ctx.is_owner() {
            self.refuse();
            return Request::None;
        }
        // An owner with a PIN signs the retirement with it.
        if ctx.me.is_some_and(|me| me.pin.is_some()) {
            self.pin_refused = None;
            self.dialog = Some(Dialog::Retire { pin: String::new() });
            return Request::Focus("sign-pin".to_owned());
        }
        self.retire_now(ctx)
    }

    /// Retires the open record once the owner's PIN, where they have one, is theirs.
    pub(super) fn confirm_retire(&mut self, ctx: &Context<'_>) -> Asked<F> {
        if !self.signed(ctx) {
            return Request::None;
        }
        self.dialog = None;
        self.retire_now(ctx)
    }

    /// Whether the PIN typed in the dialog is the signed-in person's, where they have one;
    /// what was typed is not kept either way.
    pub(super) fn signed(&mut self, ctx: &Context<'_>) -> bool {
        let Some(me) = ctx.me else {
            return false;
        };
        let Some(hash) = me.pin.as_deref() else {
            return true;
        };
        let typed = match &mut self.dialog {
            Some(Dialog::Approve { pin, .. } | Dialog::Retire { pin }) => std::mem::take(pin),
            _ => String::new(),
        };
        let tried = ctx.pins.attempt(&me.id, hash, &typed, Instant::now());
        self.pin_refused = tried.err();
        tried.is_ok()
    }

    fn retire_now(&mut self, ctx: &Context<'_>) -> Asked<F> {
        let Some(open) = &self.open else {
            return Request::None;
        };
        let mut record = open.original.base().clone();
        *record.parts().1 = Status::Retired { on: ctx.today };
        let form = Box::new(open.original.clone());
        self.ask_save(Box::new(SaveRequest {
            record,
            archive: None,
            then: After::Stay,
            form,
        }))
    }

    pub(super) fn approve(&mut self, ctx: &Context<'_>) -> Asked<F> {
        let Some(Dialog::Approve { note, retrain, .. }) = self.dialog.clone() else {
            return Request::None;
        };
        if !self.signed(ctx) {
            return Request::None;
        }
        let (Some(open), Some(me)) = (&self.open, ctx.me) else {
            return Request::None;
        };
        let Some(draft) = record_of(&open.form, ctx) else {
            self.message = Some(Notice::FixBeforeSaving);
            return Request::None;
        };
        let form = Box::new(open.form.clone());
        match approve(&draft, me, ctx.today, &note, retrain) {
            Ok(approved) => {
                self.dialog = None;
                self.ask_save(Box::new(SaveRequest {
                    archive: superseded(ctx, &approved),
                    record: approved,
                    then: After::Stay,
                    form,
                }))
            }
            Err(ApproveError::NotOwner(_)) => {
                self.dialog = None;
                self.refuse();
                Request::None
            }
            Err(error) => {
                self.message = Some(Notice::of_approval(&error));
                Request::None
            }
        }
    }
}

/// The record a form saves as, or `None` while it has errors. Ids are never reused: any
/// revision's record and lines count as taken.
fn record_of<F: Form>(form: &F, ctx: &Context<'_>) -> Option<F::Record> {
    let every = || {
        F::Record::current(ctx.records)
            .iter()
            .chain(F::Record::archived(ctx.records))
    };
    let own = form.base().id();
    form.to_record(
        ctx.words,
        |id| every().any(|r| r.id() == id),
        |id| every().filter(|r| r.id() == own).any(|r| r.has_line(id)),
    )
}

/// The approved revision on disk that `record` supersedes, when it is not archived yet.
fn superseded<R: Filed>(ctx: &Context<'_>, record: &R) -> Option<R> {
    let current = R::current(ctx.records)
        .iter()
        .find(|r| r.id() == record.id())?;
    let is_older_approved = current.revision() < record.revision()
        && matches!(current.status(), Status::Approved { .. });
    let archived = R::archived(ctx.records)
        .iter()
        .any(|r| r.id() == current.id() && r.revision() == current.revision());
    (is_older_approved && !archived).then(|| current.clone())
}
