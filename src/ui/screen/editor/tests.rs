//! Both editors on the sample workspace, driven through their messages: each behaviour
//! they share is checked on both.

use std::path::Path;
use std::sync::LazyLock;

use super::{Editor, Form, Message, Notice};
use crate::model::{DateTime, Records, Revised, Status};
use crate::store::Folder;
use crate::ui::request::{Record, Request as Action};
use crate::ui::screen::Context;
use crate::ui::screen::checklists::{self, Checklists};
use crate::ui::screen::procedures;
use crate::ui::screen::revision::{Dialog, Direction};
use crate::ui::text::{Language, Text};

/// The editor the procedures screen wraps (its import aside), as these tests drive it.
type Procedures = Editor<procedures::ProcedureForm>;

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
        generation: 0,
        me: SAMPLE.workspace.person(me),
        today: now.date(),
        now,
        words: Text::of(Language::En),
        language: Language::En,
        read_only: false,
        photos: crate::ui::screen::photos::Photos::none(),
        room: Default::default(),
        // A fresh count of wrong PINs for each context, as a new window has.
        pins: Box::leak(Box::default()),
        desk: None,
        older: None,
    }
}

/// An editor with the record `id` open.
fn opened<F: Form>(ctx: &Context<'_>, id: &str) -> Editor<F> {
    let mut editor = Editor::default();
    editor.open(ctx, id);
    editor
}

/// Leaving a record whose title was emptied keeps it open with its edits and the reason.
fn leaving_with_errors_keeps_the_edits<F: Form>(open: &str, other: &str, emptied: F::Edit) {
    let ctx = seen_by("ellen");
    let mut editor: Editor<F> = opened(&ctx, open);
    editor.update(Message::Edit(emptied), &ctx);
    for message in [
        Message::Select(other.to_owned()),
        Message::New,
        Message::Save,
    ] {
        assert!(matches!(editor.update(message, &ctx), Action::None));
        assert_eq!(editor.selected(), Some(open));
        assert!(editor.is_dirty(), "the edits are still there");
        assert_eq!(editor.message, Some(Notice::FixBeforeSaving));
    }
}

#[test]
fn leaving_a_record_with_errors_keeps_it_open_with_its_edits() {
    leaving_with_errors_keeps_the_edits::<procedures::ProcedureForm>(
        "closing-down",
        "hygiene",
        procedures::Edit::Title(String::new()),
    );
    leaving_with_errors_keeps_the_edits::<checklists::ChecklistForm>(
        "waffle-check",
        "cone-check",
        checklists::Edit::Title(String::new()),
    );
}

/// Saving a record with nothing to write clears an old message above it.
fn saving_a_clean_record_clears_the_message<F: Form>(id: &str) {
    let ctx = seen_by("ellen");
    let mut editor: Editor<F> = opened(&ctx, id);
    editor.tell("The disk is full.".into());
    assert!(matches!(editor.update(Message::Save, &ctx), Action::None));
    assert_eq!(editor.message, None);
}

#[test]
fn saving_a_clean_record_clears_the_message_above_it() {
    saving_a_clean_record_clears_the_message::<procedures::ProcedureForm>("hygiene");
    saving_a_clean_record_clears_the_message::<checklists::ChecklistForm>("waffle-check");
}

/// Picking the open record in the list again goes from its archived revision back to it.
fn picking_again_leaves_the_archive<F: Form>(id: &str) {
    let ctx = seen_by("ellen");
    let mut editor: Editor<F> = opened(&ctx, id);
    editor.update(Message::ShowRevision(1), &ctx);
    assert_eq!(editor.viewing.as_ref().map(|r| r.revision()), Some(1));
    editor.update(Message::Select(id.to_owned()), &ctx);
    assert!(editor.viewing.is_none());
    assert_eq!(editor.selected(), Some(id));
}

#[test]
fn picking_the_open_record_again_leaves_its_archived_revision() {
    picking_again_leaves_the_archive::<procedures::ProcedureForm>("opening-checks");
    picking_again_leaves_the_archive::<checklists::ChecklistForm>("cone-check");
}

/// Starting a new record closes the question asked about the one before.
fn new_closes_the_question<F: Form>(id: &str) {
    let ctx = seen_by("ellen");
    let mut editor: Editor<F> = opened(&ctx, id);
    let action = editor.update(Message::AskApprove, &ctx);
    assert!(matches!(action, Action::Focus(id) if id == "approve-note"));
    let action = editor.update(Message::New, &ctx);
    assert!(matches!(action, Action::Focus(id) if id == "title"));
    assert_eq!(editor.dialog, None);
    assert!(editor.open.as_ref().is_some_and(|o| o.form.is_new()));
}

#[test]
fn a_new_record_closes_an_open_question() {
    new_closes_the_question::<procedures::ProcedureForm>("hygiene");
    new_closes_the_question::<checklists::ChecklistForm>("waffle-check");
    let ctx = seen_by("ellen");
    let mut procedures: Procedures = opened(&ctx, "hygiene");
    procedures.update(Message::New, &ctx);
    let open = procedures.open.as_ref().expect("a new procedure is open");
    assert_eq!(open.form.owner, "ellen", "the new procedure is mine");
}

/// Undo of an added line forgets the selection, which pointed at the line now gone.
fn undo_forgets_the_line<F: Form>(id: &str, input_id: fn(usize) -> String) {
    let ctx = seen_by("ellen");
    let mut editor: Editor<F> = opened(&ctx, id);
    editor.update(Message::SelectLine(0), &ctx);
    let action = editor.update(Message::AddLine, &ctx);
    assert!(matches!(action, Action::Focus(id) if id == input_id(1)));
    assert_eq!(editor.line, Some(1));
    editor.update(Message::Undo, &ctx);
    assert_eq!(editor.line, None);
    assert!(!editor.is_dirty());
}

#[test]
fn undo_forgets_the_selected_line() {
    undo_forgets_the_line::<procedures::ProcedureForm>("hygiene", procedures::step_input_id);
    undo_forgets_the_line::<checklists::ChecklistForm>("waffle-check", checklists::item_input_id);

    let ctx = seen_by("ellen");
    let mut checklists: Checklists = opened(&ctx, "waffle-check");
    checklists.update(Message::AddLine, &ctx);
    let open = checklists.open.as_ref().unwrap();
    assert_eq!(
        open.inputs.len(),
        open.form.items.len(),
        "one prompt editor per item"
    );
    checklists.update(Message::Undo, &ctx);
    let open = checklists.open.as_ref().unwrap();
    assert_eq!(open.inputs.len(), open.form.items.len());
}

#[test]
fn moving_an_item_from_the_keyboard_moves_its_prompt_box_with_it() {
    let ctx = seen_by("ellen");
    let mut checklists: Checklists = opened(&ctx, "waffle-check");
    let prompts = |editor: &Checklists| -> Vec<String> {
        let open = editor.open.as_ref().unwrap();
        open.inputs.iter().map(|content| content.text()).collect()
    };
    let before = prompts(&checklists);
    assert!(before.len() >= 2 && before[0] != before[1]);
    checklists.update(Message::SelectLine(0), &ctx);
    if let Some(message) = checklists.move_message(Direction::Down) {
        checklists.update(message, &ctx);
    }
    let after = prompts(&checklists);
    assert_eq!(after[0], before[1]);
    assert_eq!(after[1], before[0]);
    let open = checklists.open.as_ref().unwrap();
    let typed: Vec<&str> = open.form.items.iter().map(|i| i.prompt.as_str()).collect();
    assert_eq!(after, typed, "the boxes show the prompts the form holds");
}

/// Deleting a never-approved draft waits for the app; an approved one is retired instead.
fn delete_waits_for_the_file<F: Form>(draft: &str, approved: &str) {
    let ctx = seen_by("ellen");
    let mut editor: Editor<F> = opened(&ctx, draft);
    editor.update(Message::AskDelete, &ctx);
    assert_eq!(editor.dialog, Some(Dialog::Delete));
    let action = editor.update(Message::ConfirmDelete, &ctx);
    assert!(matches!(action, Action::Delete { record, .. } if record.id() == draft));
    assert_eq!(editor.dialog, None);
    assert_eq!(
        editor.selected(),
        Some(draft),
        "open until the file is gone"
    );
    editor.deleted();
    assert!(editor.open.is_none() && editor.selected().is_none());

    editor.open(&ctx, approved);
    editor.update(Message::AskDelete, &ctx);
    assert_eq!(editor.dialog, None);
    assert_eq!(editor.message, Some(Notice::CannotDeleteApproved));
}

#[test]
fn deleting_a_draft_closes_it_once_the_file_is_gone() {
    delete_waits_for_the_file::<procedures::ProcedureForm>("closing-down", "hygiene");
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
            .as_ref()
            .is_some_and(|m| m.words(&staff).contains("Ellen Bell"))
    );

    let owner = seen_by("tom");
    let mut procedures: Procedures = opened(&owner, "hygiene");
    let Action::Save {
        record: Record::Procedure(record),
        archive,
        ..
    } = procedures.update(Message::Retire, &owner)
    else {
        panic!("retiring saves");
    };
    assert_eq!(record.status, Status::Retired { on: owner.today });
    assert_eq!(record.revision, 1);
    assert!(archive.is_none());
}

/// Issue 14: a message already above the form speaks the language switched to, since the
/// editor keeps what it means and finds the words when it is drawn.
#[test]
fn a_message_on_screen_follows_a_switch_of_language() {
    let staff = seen_by("jake");
    let dutch = Context {
        words: Text::of(Language::Nl),
        language: Language::Nl,
        ..seen_by("jake")
    };
    let mut procedures: Procedures = opened(&staff, "closing-down");
    procedures.update(Message::AskApprove, &staff);
    procedures.update(
        Message::Edit(procedures::Edit::Title(String::new())),
        &staff,
    );
    procedures.update(Message::Save, &staff);
    fn sees(procedures: &Procedures, ctx: Context<'_>, text: &str) -> bool {
        let mut ui = iced_test::simulator(procedures.view(ctx, ""));
        ui.find(text).is_ok()
    }
    assert!(sees(
        &procedures,
        staff,
        "Fix the marked fields before saving."
    ));
    assert!(sees(
        &procedures,
        dutch,
        "Herstel eerst de gemarkeerde velden."
    ));
    assert!(!sees(
        &procedures,
        dutch,
        "Fix the marked fields before saving."
    ));
    procedures.update(Message::AskApprove, &staff);
    let refused = "Alleen een eigenaar mag goedkeuren. Vraag het Ellen Bell, Tom Bell.";
    assert!(sees(&procedures, dutch, refused));
}
