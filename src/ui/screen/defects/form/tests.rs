//! The defect form, filled in through its messages as the window would.

use std::sync::Arc;

use iced::widget::text_editor::{Action as EditorAction, Edit};

use super::*;
use crate::model::{Action, Person, Procedure, Records, Role, RootCause, Status, Step, Workspace};
use crate::ui::text::{Language, Words};

fn day(text: &str) -> Date {
    text.parse().unwrap()
}

fn records() -> Records {
    let mut workspace = Workspace::new("Test");
    workspace.staff = vec![
        Person {
            id: "anna".into(),
            name: "Anna de Vries".into(),
            role: Role::Owner,
            left: None,
            pin: None,
        },
        Person {
            id: "bram".into(),
            name: "Bram Jansen".into(),
            role: Role::Staff,
            left: None,
            pin: None,
        },
    ];
    let mut records = Records::new(workspace);
    let step = |id: &str, text: &str| Step {
        id: id.into(),
        text: text.into(),
        spec: None,
        warning: None,
        photos: Vec::new(),
    };
    records.procedures = vec![Procedure {
        id: "scoop-ice-cream".into(),
        title: "Scooping ice cream".into(),
        purpose: String::new(),
        scope: String::new(),
        owner: "anna".into(),
        revision: 1,
        status: Status::Approved {
            by: "anna".into(),
            on: day("2026-10-01"),
        },
        review_by: None,
        steps: vec![
            step("warm", "Dip the scoop"),
            step("portion", "Weigh the ball"),
        ],
        changes: vec![],
    }];
    records
}

fn ctx(records: &Records, language: Language) -> Context<'_> {
    Context {
        records,
        generation: 0,
        me: records.workspace.person("bram"),
        today: day("2026-11-23"),
        now: crate::model::DateTime::start_of(day("2026-11-23")),
        words: language.text(),
        language,
        read_only: false,
        photos: crate::ui::screen::photos::Photos::none(),
        room: Default::default(),
        // A fresh count of wrong PINs for each context, as a new window has.
        pins: Box::leak(Box::default()),
        desk: None,
        older: None,
    }
}

/// What the orders screen opens for "Log a defect".
fn blank() -> Defect {
    Defect {
        id: "d2".into(),
        found: day("2026-11-23"),
        found_by: FoundBy::Customer,
        category: "Method".into(),
        procedure: None,
        step: None,
        severity: Severity::Minor,
        description: String::new(),
        cost_cents: 0,
        root_cause: None,
        action: None,
        photos: vec![],
    }
}

/// Puts `text` in a multi-line field as selecting everything and pasting would.
fn paste(form: &mut DefectForm, to: fn(EditorAction) -> Message, text: &str, ctx: &Context) {
    form.update(to(EditorAction::SelectAll), ctx);
    let paste = EditorAction::Edit(Edit::Paste(Arc::new(text.to_owned())));
    form.update(to(paste), ctx);
}

fn describe(form: &mut DefectForm, text: &str, ctx: &Context) {
    paste(form, Message::Description, text, ctx);
}

fn what(text: &str) -> Message {
    Message::ActionWhat(EditorAction::Edit(Edit::Paste(Arc::new(text.to_owned()))))
}

#[test]
fn a_filled_in_form_finishes_as_exactly_that_defect() {
    let records = records();
    let ctx = ctx(&records, Language::Nl);
    let mut form = DefectForm::new(blank());
    assert!(!form.is_changed());
    for message in [
        Message::Category("Machine".into()),
        Message::Severity(Severity::Major),
        Message::Found("2026-11-22".into()),
        Message::FoundBy(Finder::Staff),
        Message::Procedure(Some("scoop-ice-cream".into())),
        Message::Step(Some("portion".into())),
        Message::Cost("12,50".into()),
        Message::AddWhy,
        Message::Why(0, " Scoop was cold ".into()),
        Message::AddWhy,
        Message::Why(1, "Water bath was off".into()),
        Message::AddWhy,
        Message::Cause("No step to check the bath at opening".into()),
        Message::ActionKind(ActionKind::Corrective),
        what("Add 'switch on bath' to opening"),
        Message::ActionOwner(Some("anna".into())),
        Message::Due("2026-11-30".into()),
        Message::Done("2026-11-24".into()),
    ] {
        assert_eq!(form.update(message, &ctx), Event::None);
    }
    describe(&mut form, "Ball weighed 58 g.\nUnder the minimum. ", &ctx);
    form.add_photo("attachments/2026-11/0417-1.jpg".into());
    assert!(form.is_changed());
    assert_eq!(form.state(), DefectState::Fixed);

    let defect = form.finish(&ctx).expect("the form is complete");
    assert_eq!(
        defect,
        Defect {
            id: "d2".into(),
            found: day("2026-11-22"),
            // Staff picked with nobody yet: you, who are at the keyboard.
            found_by: FoundBy::Staff("bram".into()),
            category: "Machine".into(),
            procedure: Some("scoop-ice-cream".into()),
            step: Some("portion".into()),
            severity: Severity::Major,
            description: "Ball weighed 58 g.\nUnder the minimum.".into(),
            cost_cents: 1250,
            // The empty third why is left out.
            root_cause: Some(RootCause {
                whys: vec!["Scoop was cold".into(), "Water bath was off".into()],
                cause: "No step to check the bath at opening".into(),
            }),
            action: Some(Action {
                kind: ActionKind::Corrective,
                what: "Add 'switch on bath' to opening".into(),
                owner: Some("anna".into()),
                due: Some(day("2026-11-30")),
                done: Some(day("2026-11-24")),
                verified: None,
                verified_by: None,
            }),
            photos: vec!["attachments/2026-11/0417-1.jpg".into()],
        }
    );
    // Opened on what it saved, the form is clean and gives back the same defect.
    let again = DefectForm::new(defect.clone());
    assert!(!again.is_changed());
    assert_eq!(again.finish(&ctx), Ok(defect));
}

#[test]
fn an_untouched_form_gives_back_its_defect() {
    let records = records();
    let ctx = ctx(&records, Language::En);
    let mut defect = blank();
    defect.description = "Cone dripping".into();
    defect.cost_cents = 420;
    let mut form = DefectForm::new(defect.clone());
    assert_eq!(form.cost_text(Language::En), "4.20");
    assert_eq!(form.cost_text(Language::Nl), "4,20");
    assert_eq!(form.finish(&ctx), Ok(defect));
    // The same amount typed the other way is no change.
    form.update(Message::Cost("4,2".into()), &ctx);
    assert!(!form.is_changed());
    form.update(Message::Cost("4,21".into()), &ctx);
    assert!(form.is_changed());
}

#[test]
fn costs_read_as_people_type_euros() {
    for (typed, cents) in [
        ("12,50", 1250),
        ("12.50", 1250),
        ("12.5", 1250),
        ("12", 1200),
        ("€ 3,05", 305),
        (",75", 75),
        ("", 0),
        ("  ", 0),
    ] {
        assert_eq!(typed_cents(typed), Ok(cents), "{typed}");
    }
    for typed in ["12,505", "1.250,00", "twelve", "12 50", "1e3", ".", "+3"] {
        assert_eq!(typed_cents(typed), Err(CostError::NotAnAmount), "{typed}");
    }
    assert_eq!(typed_cents("-3"), Err(CostError::Negative));
    assert_eq!(
        typed_cents("999999999999999999999"),
        Err(CostError::NotAnAmount)
    );
    assert_eq!(shown_cents(1250, Language::Nl), "12,50");
    assert_eq!(shown_cents(5, Language::En), "0.05");
    assert_eq!(shown_cents(0, Language::En), "");
}

#[test]
fn a_bad_cost_or_date_is_refused_in_the_users_words() {
    let records = records();
    let ctx = ctx(&records, Language::En);
    let mut form = DefectForm::new(blank());
    describe(&mut form, "Wrong flavour", &ctx);
    form.update(Message::Cost("twelve".into()), &ctx);
    form.update(Message::Found("23-11-2026".into()), &ctx);
    form.update(what("Made again"), &ctx);
    form.update(Message::ActionKind(ActionKind::Correction), &ctx);
    form.update(Message::Due("2026-02-30".into()), &ctx);
    let error = form.finish(&ctx).unwrap_err();
    assert_eq!(
        error,
        "Found: not a date (YYYY-MM-DD)\n\
         Due: not a date (YYYY-MM-DD)\n\
         Cost in euros: not an amount in euros, like 12,50"
    );
    form.update(Message::Cost("-2".into()), &ctx);
    form.update(Message::Found("2026-11-23".into()), &ctx);
    form.update(Message::Due("2026-11-30".into()), &ctx);
    assert_eq!(
        form.finish(&ctx).unwrap_err(),
        "Cost in euros: a cost is not below zero"
    );
    form.update(Message::Cost("12,50".into()), &ctx);
    assert_eq!(form.finish(&ctx).map(|d| d.cost_cents), Ok(1250));
    form.update(Message::Cost(String::new()), &ctx);
    let cleared = form.finish(&ctx).map(|d| d.cost_cents);
    assert_eq!(cleared, Ok(0), "a cleared cost is no cost");

    let nl = self::ctx(&records, Language::Nl);
    form.update(Message::Found(String::new()), &nl);
    assert_eq!(
        form.finish(&nl).unwrap_err(),
        "Gevonden: geen datum (JJJJ-MM-DD)"
    );
}

#[test]
fn category_description_and_finder_are_required() {
    let records = records();
    let ctx = ctx(&records, Language::En);
    let mut defect = blank();
    defect.category = "Weather".into();
    defect.found_by = FoundBy::Check;
    let mut form = DefectForm::new(defect);
    form.update(Message::FoundByPerson("anna".into()), &ctx);
    form.update(Message::FoundBy(Finder::Customer), &ctx);
    form.update(Message::FoundBy(Finder::Staff), &ctx);
    assert_eq!(
        form.finish(&ctx).unwrap_err(),
        "Pick a category from the list: \u{201c}Weather\u{201d} is not one of the workspace's.\n\
         Say what was wrong."
    );
    form.update(Message::Category("Material".into()), &ctx);
    describe(&mut form, "Stale cone", &ctx);
    // The person picked before stays when you switch back to staff.
    assert_eq!(
        form.finish(&ctx).map(|d| d.found_by),
        Ok(FoundBy::Staff("anna".into()))
    );
}

#[test]
fn the_whys_ladder_grows_and_shrinks() {
    let records = records();
    let ctx = ctx(&records, Language::En);
    let mut form = DefectForm::new(blank());
    describe(&mut form, "Light ball", &ctx);
    for n in 0..3 {
        form.update(Message::AddWhy, &ctx);
        form.update(Message::Why(n, format!("why {}", n + 1)), &ctx);
    }
    assert_eq!(form.whys(), 3);
    form.update(Message::RemoveWhy(1), &ctx);
    form.update(Message::RemoveWhy(7), &ctx);
    form.update(Message::Why(9, "nowhere".into()), &ctx);
    assert_eq!(form.fields.whys, ["why 1", "why 3"]);
    let defect = form.finish(&ctx).unwrap();
    assert_eq!(
        defect.root_cause,
        Some(RootCause {
            whys: vec!["why 1".into(), "why 3".into()],
            cause: String::new(),
        })
    );
    // Nothing in the ladder and no cause: no root cause at all.
    form.update(Message::RemoveWhy(0), &ctx);
    form.update(Message::Why(0, "   ".into()), &ctx);
    form.update(Message::Cause(" ".into()), &ctx);
    assert_eq!(form.finish(&ctx).unwrap().root_cause, None);
}

#[test]
fn another_procedure_clears_the_step() {
    let records = records();
    let ctx = ctx(&records, Language::En);
    let mut defect = blank();
    defect.description = "Light ball".into();
    defect.procedure = Some("scoop-ice-cream".into());
    defect.step = Some("portion".into());
    let mut form = DefectForm::new(defect);
    form.update(Message::Procedure(Some("scoop-ice-cream".into())), &ctx);
    assert_eq!(form.fields.step.as_deref(), Some("portion"));
    form.update(Message::Procedure(Some("bake-waffle".into())), &ctx);
    assert_eq!(form.fields.step, None);
    form.update(Message::Procedure(Some("scoop-ice-cream".into())), &ctx);
    form.update(Message::Step(Some("warm".into())), &ctx);
    form.update(Message::Procedure(None), &ctx);
    // With no procedure there is no step to pick.
    form.update(Message::Step(Some("warm".into())), &ctx);
    let defect = form.finish(&ctx).unwrap();
    assert_eq!((defect.procedure, defect.step), (None, None));
}

#[test]
fn the_action_is_all_or_nothing_and_verified_only_once_done() {
    let records = records();
    let ctx = ctx(&records, Language::En);
    let mut defect = blank();
    defect.description = "Light ball".into();
    let mut form = DefectForm::new(defect);
    assert_eq!(form.finish(&ctx).unwrap().action, None);

    form.update(Message::ActionOwner(Some("anna".into())), &ctx);
    form.update(Message::Due("2026-11-20".into()), &ctx);
    assert!(form.is_overdue(ctx.today));
    assert_eq!(form.state(), DefectState::Open);
    assert_eq!(
        form.finish(&ctx).unwrap_err(),
        "Say what is done about it, or clear the action.\n\
         Pick the kind of action: correction, corrective or preventive."
    );
    form.update(what("Warm the scoop"), &ctx);
    form.update(Message::ActionKind(ActionKind::Correction), &ctx);
    form.update(Message::Verified("2026-11-22".into()), &ctx);
    assert_eq!(form.state(), DefectState::Verified);
    assert_eq!(
        form.finish(&ctx).unwrap_err(),
        "An action is verified only once it is done: fill in when it was done.\n\
         Pick who verified it."
    );
    form.update(Message::Done("2026-11-23".into()), &ctx);
    form.update(Message::VerifiedBy(Some("anna".into())), &ctx);
    assert!(!form.is_overdue(ctx.today));
    assert_eq!(
        form.finish(&ctx).unwrap_err(),
        "It was verified on 2026-11-22, before it was done on 2026-11-23."
    );
    form.update(Message::Verified("2026-11-23".into()), &ctx);
    let action = form.finish(&ctx).unwrap().action.unwrap();
    assert_eq!(action.verified_by.as_deref(), Some("anna"));

    form.update(Message::ClearAction, &ctx);
    assert_eq!(form.finish(&ctx).unwrap().action, None);
}

#[test]
fn photos_are_added_once_and_removed() {
    let records = records();
    let ctx = ctx(&records, Language::En);
    let mut form = DefectForm::new(blank());
    assert_eq!(form.update(Message::AddPhoto, &ctx), Event::PickPhoto);
    form.add_photo("attachments/2026-11/a.jpg".into());
    form.add_photo("attachments/2026-11/a.jpg".into());
    form.add_photo("attachments/2026-11/b.jpg".into());
    form.update(Message::RemovePhoto(0), &ctx);
    assert_eq!(form.fields.photos, ["attachments/2026-11/b.jpg"]);
}

#[test]
fn nothing_changes_in_a_read_only_workspace() {
    let records = records();
    let ctx = Context {
        read_only: true,
        ..ctx(&records, Language::En)
    };
    let mut form = DefectForm::new(blank());
    form.update(Message::Category("Machine".into()), &ctx);
    form.update(Message::AddWhy, &ctx);
    describe(&mut form, "typed", &ctx);
    assert_eq!(form.update(Message::AddPhoto, &ctx), Event::None);
    assert!(!form.is_changed());
}
