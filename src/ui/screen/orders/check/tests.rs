//! The runner on the sample workspace, driven through its messages and, for what the
//! checker sees, through iced's headless simulator.

use std::path::Path;

use iced_test::simulator::Simulator;
use iced_test::{Error, selector};

use super::{Event, Message, Runner, Tick};
use crate::model::{Check, Date, Defect, Number, Order, Outcome, Records};
use crate::store::Folder;
use crate::ui::screen::{Context, PersonChoice};
use crate::ui::text::{Language, Text};

fn sample() -> Records {
    Folder::inspect(Path::new("procedures"))
        .expect("the sample workspace opens")
        .records()
        .clone()
}

fn ctx<'a>(records: &'a Records, me: &str) -> Context<'a> {
    Context {
        records,
        generation: 0,
        me: records.workspace.person(me),
        today: Date::new(2026, 11, 23).unwrap(),
        now: "2026-11-23T15:02".parse().unwrap(),
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

fn order(records: &Records, id: &str) -> Order {
    records
        .orders
        .iter()
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("order {id} is in the sample"))
        .clone()
}

/// "Cone, 2 balls: vanilla, cherry", made by Tom.
const TOMS_CONE: &str = "2026-10-0052";

fn person(records: &Records, id: &str) -> PersonChoice {
    let p = records.workspace.person(id).unwrap();
    PersonChoice {
        id: p.id.clone(),
        name: p.name.clone(),
    }
}

fn send(runner: &mut Runner, order: &Order, ctx: &Context, messages: Vec<Message>) -> Vec<Event> {
    messages
        .into_iter()
        .map(|m| runner.update(m, order, ctx))
        .collect()
}

/// Every cone-check item answered and right, except those the test answers itself.
fn answer_all_but(runner: &mut Runner, order: &Order, ctx: &Context, skip: &[&str]) {
    let answers = [
        ("weight", Message::Typed("weight".into(), "65".into())),
        ("flavour", Message::Tick("flavour".into(), Tick::Pass)),
        (
            "shape",
            Message::Chosen("shape".into(), "round and firm".into()),
        ),
        ("clean", Message::Tick("clean".into(), Tick::Pass)),
        (
            "allergy",
            Message::Chosen("allergy".into(), "no allergy".into()),
        ),
    ];
    let messages = answers
        .into_iter()
        .filter(|(item, _)| !skip.contains(item))
        .map(|(_, m)| m)
        .collect();
    for event in send(runner, order, ctx, messages) {
        assert!(matches!(event, Event::None), "{event:?}");
    }
}

fn done(event: Event) -> (Check, Vec<Defect>) {
    match event {
        Event::Done { check, proposals } => (check, proposals),
        other => panic!("expected Done, got {other:?}"),
    }
}

/// Runs `act` on a simulator of the runner's view and returns the messages it produced.
fn simulate<T>(
    runner: &Runner,
    order: &Order,
    ctx: Context,
    act: impl FnOnce(&mut Simulator<'_, Message>) -> T,
) -> (T, Vec<Message>) {
    let mut ui = Simulator::with_size(
        iced::Settings::default(),
        (1200.0, 2000.0),
        runner.view(order, ctx),
    );
    let result = act(&mut ui);
    (result, ui.into_messages().collect())
}

/// Whether the runner's view shows this exact text.
fn shows(runner: &Runner, order: &Order, ctx: Context, text: &str) -> bool {
    simulate(runner, order, ctx, |ui| ui.find(text).is_ok()).0
}

#[test]
fn the_checklist_is_guessed_from_the_product_only_when_clear() {
    let records = sample();
    let ctx = ctx(&records, "ellen");
    let guess = |product: &str| {
        let mut order = order(&records, TOMS_CONE);
        order.product = product.into();
        Runner::new(&order, &ctx).checklist_id().map(str::to_owned)
    };
    assert_eq!(
        guess("Cone, 2 balls: vanilla, cherry").as_deref(),
        Some("cone-check")
    );
    assert_eq!(
        guess("Cup, 1 ball: lemon sorbet").as_deref(),
        Some("cone-check")
    );
    assert_eq!(guess("Waffle with sugar").as_deref(), Some("waffle-check"));
    assert_eq!(
        guess("Milkshake, banana").as_deref(),
        Some("milkshake-check")
    );
    assert_eq!(
        guess("Lunch platter: 10 ham & cheese rolls, delivered at 12:30").as_deref(),
        Some("sandwich-check")
    );
    assert_eq!(guess("Gift voucher").as_deref(), None);
}

#[test]
fn the_maker_is_not_preselected_where_four_eyes_are_asked() {
    let records = sample();
    let order = order(&records, TOMS_CONE);
    let as_tom = Runner::new(&order, &ctx(&records, "tom"));
    assert_eq!(as_tom.checker_id(), None);
    let as_priya = Runner::new(&order, &ctx(&records, "priya"));
    assert_eq!(as_priya.checker_id(), Some("priya"));
}

#[test]
fn picking_a_checklist_focuses_its_first_input() {
    let records = sample();
    let ctx = ctx(&records, "priya");
    let mut order = order(&records, TOMS_CONE);
    order.product = "Gift voucher".into();
    let mut runner = Runner::new(&order, &ctx);
    assert_eq!(runner.checklist_id(), None);
    let cone = super::pick::approved(&records)
        .into_iter()
        .find(|c| c.id == "cone-check")
        .unwrap();
    let event = runner.update(Message::Checklist(cone), &order, &ctx);
    assert!(
        matches!(&event, Event::Focus(id) if id == "measure-weight"),
        "{event:?}"
    );
}

#[test]
fn the_maker_may_not_check_on_a_four_eyes_checklist() {
    let records = sample();
    let ctx = ctx(&records, "tom");
    let order = order(&records, TOMS_CONE);
    let mut runner = Runner::new(&order, &ctx);
    runner.update(Message::Checker(person(&records, "tom")), &order, &ctx);
    answer_all_but(&mut runner, &order, &ctx, &[]);

    // The warning is there before any save is tried, with a way out.
    assert!(shows(
        &runner,
        &order,
        ctx,
        "Tom Bell made this order, so someone else must check it:"
    ));
    let (clicked, messages) = simulate(&runner, &order, ctx, |ui| ui.click("Save check"));
    clicked.expect("Save check is on screen");
    for message in messages {
        let event = runner.update(message, &order, &ctx);
        assert!(!matches!(event, Event::Done { .. }), "saved as the maker");
    }
    assert!(shows(
        &runner,
        &order,
        ctx,
        "Tom Bell made this order and may not check it: pick someone else."
    ));

    // Priya, from the warning's buttons, may.
    let (clicked, messages) = simulate(&runner, &order, ctx, |ui| ui.click("Priya Shah"));
    clicked.expect("Priya is offered");
    send(&mut runner, &order, &ctx, messages);
    assert_eq!(runner.checker_id(), Some("priya"));
    assert!(!shows(
        &runner,
        &order,
        ctx,
        "Tom Bell made this order, so someone else must check it:"
    ));
    assert!(shows(
        &runner,
        &order,
        ctx,
        "You are signed in as Tom Bell; the check is saved as done by Priya Shah."
    ));
    let (check, proposals) = done(runner.update(Message::Save, &order, &ctx));
    assert_eq!(check.checked_by, "priya");
    assert!(proposals.is_empty());
}

#[test]
fn a_critical_item_left_open_refuses_the_check() {
    let records = sample();
    let ctx = ctx(&records, "priya");
    let order = order(&records, TOMS_CONE);
    let mut runner = Runner::new(&order, &ctx);
    answer_all_but(&mut runner, &order, &ctx, &["weight"]);
    assert!(shows(&runner, &order, ctx, "4 of 5 answered"));
    assert!(shows(
        &runner,
        &order,
        ctx,
        "Not finished: 1 critical item still open."
    ));

    let event = runner.update(Message::Save, &order, &ctx);
    assert!(matches!(event, Event::None), "{event:?}");
    let prompt = &records
        .checklist("cone-check")
        .unwrap()
        .item("weight")
        .unwrap()
        .prompt;
    let refusal = format!("Answer the critical item \u{201c}{prompt}\u{201d} before saving.");
    assert!(shows(&runner, &order, ctx, &refusal), "{refusal}");
    assert!(shows(&runner, &order, ctx, "Answer this critical item."));

    // Not applicable, then taken back: two critical items open.
    runner.update(Message::NotApplicable("allergy".into()), &order, &ctx);
    runner.update(Message::NotApplicable("allergy".into()), &order, &ctx);
    assert!(shows(
        &runner,
        &order,
        ctx,
        "Answer the 2 critical items marked below before saving."
    ));
}

#[test]
fn a_light_ball_typed_in_is_saved_with_a_proposed_defect() {
    let records = sample();
    let ctx = ctx(&records, "priya");
    let order = order(&records, TOMS_CONE);
    let mut runner = Runner::new(&order, &ctx);
    answer_all_but(&mut runner, &order, &ctx, &["weight", "clean"]);

    let (typed, messages) = simulate(&runner, &order, ctx, |ui| {
        ui.click(selector::id("measure-weight"))?;
        ui.typewrite("58");
        Ok::<_, Error>(())
    });
    typed.expect("the weight's input is on screen");
    send(&mut runner, &order, &ctx, messages);
    assert!(shows(&runner, &order, ctx, "out of bounds"));
    assert!(shows(&runner, &order, ctx, "60\u{2013}70 g"));
    assert!(shows(
        &runner,
        &order,
        ctx,
        "4 of 5 answered \u{b7} 1 not OK"
    ));
    assert!(shows(
        &runner,
        &order,
        ctx,
        "Failed: a critical item failed. The order must not go out."
    ));

    let (clicked, messages) = simulate(&runner, &order, ctx, |ui| ui.click("Save check"));
    clicked.expect("Save check is on screen");
    let mut events: Vec<Event> = send(&mut runner, &order, &ctx, messages);
    let (check, proposals) = done(events.pop().expect("a click"));
    assert_eq!(check.checklist, "cone-check");
    assert_eq!(check.revision, 2);
    assert_eq!(check.checked_by, "priya");
    assert_eq!(check.at, ctx.now);
    let weight = check.results.iter().find(|r| r.item == "weight").unwrap();
    assert_eq!(weight.outcome, Outcome::Value(Number::new(58.0).unwrap()));
    assert!(
        check.results.iter().all(|r| r.item != "clean"),
        "an unanswered item is left out"
    );
    assert_eq!(proposals.len(), 1);
    assert_eq!(proposals[0].procedure.as_deref(), Some("scoop-ice-cream"));
    assert_eq!(proposals[0].step.as_deref(), Some("portion"));
    assert_eq!(proposals[0].found, ctx.today);
}

#[test]
fn a_comma_is_a_decimal_point_and_enter_in_the_last_field_saves() {
    let records = sample();
    let ctx = ctx(&records, "priya");
    let order = order(&records, TOMS_CONE);
    let mut runner = Runner::new(&order, &ctx);
    answer_all_but(&mut runner, &order, &ctx, &["weight"]);
    let (typed, messages) = simulate(&runner, &order, ctx, |ui| {
        ui.click(selector::id("measure-weight"))?;
        ui.typewrite("61,5");
        ui.tap_key(iced::keyboard::key::Named::Enter);
        Ok::<_, Error>(())
    });
    typed.expect("the weight's input is on screen");
    let mut events = send(&mut runner, &order, &ctx, messages);
    let (check, proposals) = done(events.pop().expect("Enter"));
    let weight = check.results.iter().find(|r| r.item == "weight").unwrap();
    assert_eq!(weight.outcome, Outcome::Value(Number::new(61.5).unwrap()));
    assert!(proposals.is_empty());
}

#[test]
fn a_measure_that_is_not_a_number_is_never_dropped_silently() {
    let records = sample();
    let ctx = ctx(&records, "priya");
    let order = order(&records, TOMS_CONE);
    let mut runner = Runner::new(&order, &ctx);
    answer_all_but(&mut runner, &order, &ctx, &["weight"]);
    runner.update(Message::Typed("weight".into(), "65g".into()), &order, &ctx);
    assert!(shows(&runner, &order, ctx, "not a number"));
    let event = runner.update(Message::Save, &order, &ctx);
    assert!(matches!(event, Event::None), "{event:?}");
    let prompt = &records
        .checklist("cone-check")
        .unwrap()
        .item("weight")
        .unwrap()
        .prompt;
    assert!(shows(
        &runner,
        &order,
        ctx,
        &format!("Write a number for \u{201c}{prompt}\u{201d}, or mark it not applicable.")
    ));
}

#[test]
fn not_applicable_and_photos_are_recorded() {
    let records = sample();
    let ctx = ctx(&records, "priya");
    let order = order(&records, TOMS_CONE);
    let mut runner = Runner::new(&order, &ctx);
    answer_all_but(&mut runner, &order, &ctx, &["clean", "shape"]);
    runner.photo_attached("clean", "attachments/2026-11/0052-1.jpg".into());
    runner.photo_attached("clean", "attachments/2026-11/0052-2.jpg".into());
    assert!(shows(&runner, &order, ctx, "0052-2.jpg"));

    // A photo with no answer would be lost: the check waits for the answer.
    assert!(matches!(
        runner.update(Message::Save, &order, &ctx),
        Event::None
    ));
    let events = send(
        &mut runner,
        &order,
        &ctx,
        vec![
            Message::RemovePhoto("clean".into(), 0),
            Message::Tick("clean".into(), Tick::Fail),
            Message::NotApplicable("shape".into()),
            Message::AddPhoto("shape".into()),
        ],
    );
    assert!(matches!(&events[3], Event::PickPhoto(item) if item == "shape"));
    let (check, proposals) = done(runner.update(Message::Save, &order, &ctx));
    let clean = check.results.iter().find(|r| r.item == "clean").unwrap();
    assert_eq!(clean.outcome, Outcome::Fail);
    assert_eq!(clean.photos, ["attachments/2026-11/0052-2.jpg"]);
    let shape = check.results.iter().find(|r| r.item == "shape").unwrap();
    assert_eq!(shape.outcome, Outcome::NotApplicable);
    assert_eq!(proposals.len(), 1);
    assert_eq!(proposals[0].photos, clean.photos);
}

#[test]
fn a_tick_pressed_again_is_taken_back_and_another_replaces_it() {
    let records = sample();
    let ctx = ctx(&records, "priya");
    let order = order(&records, TOMS_CONE);
    let mut runner = Runner::new(&order, &ctx);
    answer_all_but(&mut runner, &order, &ctx, &[]);
    assert!(shows(&runner, &order, ctx, "5 of 5 answered"));
    // Pass pressed again: "clean" is open once more, and nothing is recorded for it.
    runner.update(Message::Tick("clean".into(), Tick::Pass), &order, &ctx);
    assert!(shows(&runner, &order, ctx, "4 of 5 answered"));
    // Fail, then Not applicable: the last press is the answer.
    send(
        &mut runner,
        &order,
        &ctx,
        vec![
            Message::Tick("clean".into(), Tick::Fail),
            Message::Tick("clean".into(), Tick::NotApplicable),
        ],
    );
    let (check, proposals) = done(runner.update(Message::Save, &order, &ctx));
    let clean = check.results.iter().find(|r| r.item == "clean").unwrap();
    assert_eq!(clean.outcome, Outcome::NotApplicable);
    assert!(proposals.is_empty());
}

#[test]
fn answers_wait_while_another_checklist_is_picked_and_come_back_with_it() {
    let records = sample();
    let ctx = ctx(&records, "priya");
    let order = order(&records, TOMS_CONE);
    let mut runner = Runner::new(&order, &ctx);
    answer_all_but(&mut runner, &order, &ctx, &["clean"]);
    assert!(shows(&runner, &order, ctx, "4 of 5 answered"));
    let approved = super::pick::approved(&records);
    let other = approved
        .iter()
        .find(|c| c.id != "cone-check")
        .unwrap()
        .clone();
    let cone = approved.into_iter().find(|c| c.id == "cone-check").unwrap();

    let items = records.checklist(&other.id).unwrap().items.len();
    runner.update(Message::Checklist(other), &order, &ctx);
    let none = format!("0 of {items} answered");
    assert!(shows(&runner, &order, ctx, &none), "{none}");
    runner.update(Message::Checklist(cone), &order, &ctx);
    assert!(shows(&runner, &order, ctx, "4 of 5 answered"));
    runner.update(Message::Tick("clean".into(), Tick::Pass), &order, &ctx);
    let (check, _) = done(runner.update(Message::Save, &order, &ctx));
    assert_eq!(check.checklist, "cone-check");
    assert_eq!(check.results.len(), 5);
}

#[test]
fn a_checklist_revised_while_checking_is_looked_over_before_saving() {
    let mut records = sample();
    let order = order(&records, TOMS_CONE);
    let mut runner = {
        let ctx = ctx(&records, "priya");
        let mut runner = Runner::new(&order, &ctx);
        answer_all_but(&mut runner, &order, &ctx, &[]);
        runner
    };
    let cone = records
        .checklists
        .iter_mut()
        .find(|c| c.id == "cone-check")
        .unwrap();
    cone.revision = 3;
    let ctx = ctx(&records, "priya");
    assert!(matches!(
        runner.update(Message::Save, &order, &ctx),
        Event::None
    ));
    assert!(shows(
        &runner,
        &order,
        ctx,
        "The checklist was changed to revision 3 while you were checking: look over your answers, then save again."
    ));
    let (check, _) = done(runner.update(Message::Save, &order, &ctx));
    assert_eq!(check.revision, 3);
}

#[test]
fn enter_moves_on_to_the_next_field_to_type_in() {
    let records = sample();
    let ctx = ctx(&records, "tom");
    // "Ham & cheese roll", made by Priya.
    let order = order(&records, "2026-11-0011");
    let mut runner = Runner::new(&order, &ctx);
    assert_eq!(runner.checklist_id(), Some("sandwich-check"));
    let next = |runner: &mut Runner, item: &str| match runner.update(
        Message::Submit(item.into()),
        &order,
        &ctx,
    ) {
        Event::Focus(id) => id,
        other => panic!("expected Focus after {item}, got {other:?}"),
    };
    assert_eq!(next(&mut runner, "bread"), "measure-ham-slices");
    assert_eq!(next(&mut runner, "ham-weight"), "text-label-time");
    assert_eq!(next(&mut runner, "label-time"), "measure-fridge");
    // The last field saves, here refused: nothing is answered yet.
    let last = runner.update(Message::Submit("fridge".into()), &order, &ctx);
    assert!(matches!(last, Event::None), "{last:?}");
    assert!(shows(
        &runner,
        &order,
        ctx,
        "Answer the 5 critical items marked below before saving."
    ));
}
