//! Both editors on the sample workspace, driven through their messages: what they share,
//! and the few [`Ways`](super::Ways) in which they still differ.

use std::path::Path;
use std::sync::LazyLock;

use super::{Action, Editor, Form, Message};
use crate::model::{DateTime, Records, Status};
use crate::store::Folder;
use crate::ui::screen::Context;
use crate::ui::screen::checklists::{self, Checklists};
use crate::ui::screen::procedures::{self, Procedures};
use crate::ui::screen::revision::Dialog;
use crate::ui::text::{Language, Text};

/// The sample workspace, read once for all the tests.
static SAMPLE: LazyLock<Records> = LazyLock::new(|| {
    let folder = Folder::inspect(Path::new("procedures")).expect("the sample workspace opens");
    folder.records().clone()
});

/// The sample as `me` sees it, on the day the GUI tests run.
fn seen_by(me: &str) -> Context<'static> {
    let now: DateTime = "2026-11-23T15:02".parse().unwrap();
    Context {
        records: &SAMPLE,
        me: SAMPLE.workspace.person(me),
        today: now.date(),
        now,
        words: Text::of(Language::En),
        language: Language::En,
        read_only: false,
    }
}

/// An editor with the record `id` open.
fn opened<F: Form>(ctx: &Context<'_>, id: &str) -> Editor<F> {
    let mut editor = Editor::default();
    editor.open(ctx, id);
    editor
}

fn title(message: &str) -> procedures::Message {
    Message::Edit(procedures::Edit::Title(message.to_owned()))
}

fn checklist_title(message: &str) -> checklists::Message {
    Message::Edit(checklists::Edit::Title(message.to_owned()))
}

#[test]
fn leaving_a_procedure_with_errors_drops_its_edits_but_a_checklist_stays_open() {
    let ctx = seen_by("ellen");
    let words = ctx.words;

    let mut procedures: Procedures = opened(&ctx, "closing-down");
    procedures.update(title(""), &ctx);
    let action = procedures.update(Message::Select("hygiene".into()), &ctx);
    assert!(matches!(action, Action::None));
    assert_eq!(procedures.selected(), Some("hygiene"));
    assert!(!procedures.is_dirty());
    assert_eq!(procedures.message, None);

    let mut checklists: Checklists = opened(&ctx, "waffle-check");
    checklists.update(checklist_title(""), &ctx);
    let action = checklists.update(Message::Select("cone-check".into()), &ctx);
    assert!(matches!(action, Action::None));
    assert_eq!(checklists.selected(), Some("waffle-check"));
    assert!(checklists.is_dirty());
    assert_eq!(checklists.message.as_deref(), Some(words.fix_before_saving));
}

#[test]
fn saving_a_clean_procedure_keeps_the_message_and_a_clean_checklist_clears_it() {
    let ctx = seen_by("ellen");

    let mut procedures: Procedures = opened(&ctx, "hygiene");
    procedures.tell("The disk is full.".into());
    assert!(matches!(
        procedures.update(Message::Save, &ctx),
        Action::None
    ));
    assert_eq!(procedures.message.as_deref(), Some("The disk is full."));

    let mut checklists: Checklists = opened(&ctx, "waffle-check");
    checklists.tell("The disk is full.".into());
    assert!(matches!(
        checklists.update(Message::Save, &ctx),
        Action::None
    ));
    assert_eq!(checklists.message, None);
}

#[test]
fn picking_the_open_record_again_leaves_a_procedures_archive_but_not_a_checklists() {
    let ctx = seen_by("ellen");

    let mut procedures: Procedures = opened(&ctx, "opening-checks");
    procedures.update(Message::ShowRevision(1), &ctx);
    assert_eq!(procedures.viewing.as_ref().map(|p| p.revision), Some(1));
    procedures.update(Message::Select("opening-checks".into()), &ctx);
    assert!(procedures.viewing.is_some());
    procedures.update(Message::BackToCurrent, &ctx);
    assert!(procedures.viewing.is_none());

    let mut checklists: Checklists = opened(&ctx, "cone-check");
    checklists.update(Message::ShowRevision(1), &ctx);
    assert_eq!(checklists.viewing.as_ref().map(|c| c.revision), Some(1));
    checklists.update(Message::Select("cone-check".into()), &ctx);
    assert!(checklists.viewing.is_none());
}

#[test]
fn a_new_procedure_keeps_an_open_question_and_a_new_checklist_closes_it() {
    let ctx = seen_by("ellen");

    let mut procedures: Procedures = opened(&ctx, "hygiene");
    let action = procedures.update(Message::AskApprove, &ctx);
    assert!(matches!(action, Action::Focus(id) if id == "approve-note"));
    let action = procedures.update(Message::New, &ctx);
    assert!(matches!(action, Action::Focus(id) if id == "title"));
    assert!(matches!(procedures.dialog, Some(Dialog::Approve { .. })));
    let open = procedures.open.as_ref().expect("a new procedure is open");
    assert!(open.form.is_new);
    assert_eq!(open.form.owner, "ellen", "the new procedure is mine");

    let mut checklists: Checklists = opened(&ctx, "waffle-check");
    checklists.update(Message::AskApprove, &ctx);
    checklists.update(Message::New, &ctx);
    assert_eq!(checklists.dialog, None);
    assert!(checklists.open.as_ref().is_some_and(|o| o.form.is_new));
}

#[test]
fn undo_keeps_the_selected_step_but_forgets_the_selected_item() {
    let ctx = seen_by("ellen");

    let mut procedures: Procedures = opened(&ctx, "hygiene");
    let action = procedures.update(Message::AddLine, &ctx);
    let count = ctx.records.procedure("hygiene").unwrap().steps.len();
    assert!(matches!(action, Action::Focus(id) if id == procedures::step_input_id(count)));
    procedures.update(Message::Undo, &ctx);
    assert_eq!(procedures.line, Some(count));
    assert!(!procedures.is_dirty());

    let mut checklists: Checklists = opened(&ctx, "waffle-check");
    checklists.update(Message::SelectLine(0), &ctx);
    let action = checklists.update(Message::AddLine, &ctx);
    assert!(matches!(action, Action::Focus(id) if id == checklists::item_input_id(1)));
    let open = checklists.open.as_ref().unwrap();
    assert_eq!(
        open.inputs.len(),
        open.form.items.len(),
        "one prompt editor per item"
    );
    checklists.update(Message::Undo, &ctx);
    assert_eq!(checklists.line, None);
    let open = checklists.open.as_ref().unwrap();
    assert_eq!(open.inputs.len(), open.form.items.len());
}

#[test]
fn deleting_a_procedure_closes_it_at_once() {
    let ctx = seen_by("ellen");
    let mut procedures: Procedures = opened(&ctx, "closing-down");
    procedures.update(Message::AskDelete, &ctx);
    assert_eq!(procedures.dialog, Some(Dialog::Delete));
    let action = procedures.update(Message::ConfirmDelete, &ctx);
    assert!(matches!(action, Action::Delete(p) if p.id == "closing-down"));
    assert!(procedures.open.is_none() && procedures.selected().is_none());

    // An approved revision is retired, not deleted.
    procedures.open(&ctx, "hygiene");
    procedures.update(Message::AskDelete, &ctx);
    assert_eq!(procedures.dialog, None);
    assert_eq!(
        procedures.message.as_deref(),
        Some(ctx.words.cannot_delete_approved)
    );
}

#[test]
fn only_an_owner_retires_and_retiring_saves_the_approved_record_as_retired() {
    let staff = seen_by("jake");
    let mut checklists: Checklists = opened(&staff, "waffle-check");
    assert!(matches!(
        checklists.update(Message::Retire, &staff),
        Action::None
    ));
    assert!(
        checklists
            .message
            .as_deref()
            .is_some_and(|m| m.contains("Ellen Bell"))
    );

    let owner = seen_by("tom");
    let mut procedures: Procedures = opened(&owner, "hygiene");
    let Action::Save(request) = procedures.update(Message::Retire, &owner) else {
        panic!("retiring saves");
    };
    assert_eq!(request.record.status, Status::Retired { on: owner.today });
    assert_eq!(request.record.revision, 1);
    assert!(request.archive.is_none());
}
