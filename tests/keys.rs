//! Every keyboard shortcut the README lists, pressed as a real window receives it: the key
//! goes to the widgets first, then, with whether one captured it, to `App::subscription`
//! (see `window`). One test per shortcut; where a text field has the focus when the key
//! comes, it is because a user's hands would be there.
#![cfg(feature = "gui")]

mod desk;
mod window;

use iced::keyboard::key::Named;
use iced::keyboard::{Key, Modifiers};
use window::Window;

fn window_as(person: &str) -> (Window, tempfile::TempDir) {
    let desk = desk::Desk::open_as(person);
    (Window::new(desk.app), desk.dir)
}

fn ctrl(window: &mut Window, c: &str) {
    window.press(Key::Character(c.into()), Modifiers::COMMAND);
}

fn named(window: &mut Window, key: Named) {
    window.press(Key::Named(key), Modifiers::default());
}

/// A new procedure titled "Weighing flour", its title field still focused.
fn new_procedure(window: &mut Window) {
    window.click("New procedure");
    window.click("title");
    window.type_text("Weighing flour");
}

const ESCAPE_NOTE: &str = "Escape does not throw away work that is not saved: save it with Ctrl+S, or press Cancel or Discard changes.";

#[test]
fn ctrl_s_saves_while_the_typing_hand_is_still_in_a_field() {
    let (mut window, dir) = window_as("ellen");
    new_procedure(&mut window);
    ctrl(&mut window, "s");
    assert!(window.sees("Saved"));
    let file = dir.path().join("shop/procedures/weighing-flour.ron");
    let text = std::fs::read_to_string(file).expect("saved to its file");
    assert!(text.contains("title: \"Weighing flour\""), "{text}");
}

#[test]
fn ctrl_z_undoes_the_typing_in_the_field() {
    let (mut window, _dir) = window_as("ellen");
    new_procedure(&mut window);
    ctrl(&mut window, "z");
    let title = window.input_text("title");
    assert!(!title.contains("flour"), "{title}");
}

#[test]
fn ctrl_shift_z_redoes_it() {
    let (mut window, _dir) = window_as("ellen");
    new_procedure(&mut window);
    ctrl(&mut window, "z");
    assert!(
        !window.input_text("title").contains("flour"),
        "undone first"
    );
    window.press(
        Key::Character("z".into()),
        Modifiers::COMMAND | Modifiers::SHIFT,
    );
    assert_eq!(window.input_text("title"), "Weighing flour");
}

#[test]
fn ctrl_n_starts_a_new_order_at_the_counter() {
    let (mut window, _dir) = window_as("priya");
    ctrl(&mut window, "3");
    assert!(!window.sees("2026-11-0062"));
    ctrl(&mut window, "n");
    assert!(
        window.sees("2026-11-0062"),
        "the next order number is offered"
    );
}

#[test]
fn ctrl_f_puts_the_typing_into_the_search() {
    let (mut window, _dir) = window_as("priya");
    ctrl(&mut window, "3");
    ctrl(&mut window, "f");
    window.type_text("0058");
    assert_eq!(window.input_text("search"), "0058");
    named(&mut window, Named::Enter);
    assert!(
        window.sees("Priya Shah, 2026-11-22 14:05"),
        "Enter opens it"
    );
}

#[test]
fn alt_up_and_alt_down_move_the_selected_step() {
    let (mut window, dir) = window_as("ellen");
    new_procedure(&mut window);
    for (index, step) in ["Scoop the flour", "Weigh it"].into_iter().enumerate() {
        window.click("Add step");
        let id = rightfirst::ui::screen::procedures::step_input_id(index);
        window.click(Box::leak(id.into_boxed_str()));
        window.type_text(step);
    }
    let file = dir.path().join("shop/procedures/weighing-flour.ron");
    let order = |window: &mut Window| {
        ctrl(window, "s");
        let text = std::fs::read_to_string(&file).expect("saved");
        let scoop = text.find("Scoop the flour").expect("a step");
        let weigh = text.find("Weigh it").expect("a step");
        scoop < weigh
    };
    window.press(Key::Named(Named::ArrowUp), Modifiers::ALT);
    assert!(
        !order(&mut window),
        "Alt+Up moved \u{201c}Weigh it\u{201d} first"
    );
    // Saving lets go of the step: the first one, now "Weigh it", is picked by its number.
    window.click("1.");
    window.press(Key::Named(Named::ArrowDown), Modifiers::ALT);
    assert!(order(&mut window), "Alt+Down moved it back");
}

#[test]
fn delete_asks_before_deleting() {
    let (mut window, dir) = window_as("tom");
    ctrl(&mut window, "2");
    window.click("New checklist");
    window.click("title");
    window.type_text("Terrace tables");
    ctrl(&mut window, "s");
    let file = dir.path().join("shop/checklists/terrace-tables.ron");
    assert!(file.exists());
    // In the focused title, Delete is the field's; away from it, it is the record's.
    named(&mut window, Named::Delete);
    assert!(
        !window.sees(
            "Delete \u{201c}Terrace tables\u{201d}? This removes its file from the workspace."
        )
    );
    named(&mut window, Named::Escape);
    named(&mut window, Named::Delete);
    assert!(
        window.sees(
            "Delete \u{201c}Terrace tables\u{201d}? This removes its file from the workspace."
        )
    );
    assert!(file.exists(), "asked, not yet deleted");
}

#[test]
fn ctrl_1_to_8_switch_screens() {
    let (mut window, _dir) = window_as("ellen");
    let screens = [
        (
            "1",
            "Pick a procedure on the left, or make a new one (Ctrl+N).",
        ),
        (
            "2",
            "Pick a checklist on the left, or make a new one (Ctrl+N).",
        ),
        ("3", "Import CSV…"),
        ("4", "Verified"),
        ("5", "Right first time"),
        ("6", "Print the manual"),
        ("7", "No problems: every file reads and checks clean."),
        ("8", "Workspace folder"),
    ];
    for (digit, shows) in screens {
        ctrl(&mut window, digit);
        assert!(window.sees(shows), "Ctrl+{digit} shows {shows:?}");
        for (other, not_shown) in screens {
            if other != digit {
                assert!(
                    !window.sees(not_shown),
                    "Ctrl+{digit} still shows {not_shown:?}"
                );
            }
        }
    }
}

#[test]
fn ctrl_1_switches_screens_even_from_a_focused_field() {
    // On X11 Ctrl+1 carries the text "1" (Ctrl+2 to Ctrl+8 carry control characters), which
    // a focused text field would type and keep, swallowing the shortcut.
    let (mut window, _dir) = window_as("priya");
    ctrl(&mut window, "3");
    ctrl(&mut window, "f");
    window.type_text("0058");
    ctrl(&mut window, "1");
    assert!(window.sees("Pick a procedure on the left, or make a new one (Ctrl+N)."));
    ctrl(&mut window, "3");
    assert_eq!(
        window.input_text("search"),
        "0058",
        "no 1 was typed into the search"
    );
}

#[test]
fn f5_reads_the_workspace_again() {
    let (mut window, dir) = window_as("ellen");
    let file = dir.path().join("shop/procedures/closing-down.ron");
    let text = std::fs::read_to_string(&file).expect("the sample has it");
    std::fs::write(&file, text.replace("Closing down", "Closing the shop")).unwrap();
    assert!(!window.sees("Closing the shop"));
    named(&mut window, Named::F5);
    assert!(window.sees("Closing the shop"));
}

#[test]
fn escape_right_after_typing_in_a_field_still_keeps_the_work_and_says_so() {
    let (mut window, _dir) = window_as("priya");
    ctrl(&mut window, "4");
    window.click("2026-11-0026");
    window.click("defect-cause");
    window.type_text(" (nobody had shown Jake)");
    assert!(
        window
            .input_text("defect-cause")
            .contains(" (nobody had shown Jake)")
    );
    named(&mut window, Named::Escape);
    assert!(window.sees(ESCAPE_NOTE), "the Escape in the field was lost");
    assert!(
        window
            .input_text("defect-cause")
            .contains(" (nobody had shown Jake)")
    );
}

/// On the counter screen, order 2026-11-0058 opened through the search, by keyboard.
fn order_0058(person: &str) -> (Window, tempfile::TempDir) {
    let (mut window, dir) = window_as(person);
    ctrl(&mut window, "3");
    ctrl(&mut window, "f");
    window.type_text("0058");
    named(&mut window, Named::Enter);
    (window, dir)
}

#[test]
fn ctrl_k_runs_a_check_on_the_order() {
    let (mut window, _dir) = order_0058("priya");
    assert!(!window.sees("Save check"));
    ctrl(&mut window, "k");
    assert!(window.sees("Save check"));
}

#[test]
fn ctrl_d_logs_a_defect_on_the_order() {
    let (mut window, _dir) = order_0058("priya");
    ctrl(&mut window, "d");
    window.click("defect-cause");
    window.type_text("The scale was not zeroed");
    assert_eq!(
        window.input_text("defect-cause"),
        "The scale was not zeroed"
    );
}

#[test]
fn ctrl_l_logs_a_customer_contact_on_the_order() {
    let (mut window, _dir) = order_0058("priya");
    ctrl(&mut window, "l");
    window.click("contact-about");
    window.type_text("Says the ball was small");
    assert_eq!(
        window.input_text("contact-about"),
        "Says the ball was small"
    );
}

#[test]
fn up_and_down_walk_the_orders_list() {
    let (mut window, _dir) = window_as("priya");
    ctrl(&mut window, "3");
    // The newest order first: 2026-11-0061 is not checked yet; 0058 was, by Priya.
    named(&mut window, Named::ArrowDown);
    assert!(window.sees("Not checked yet."));
    named(&mut window, Named::ArrowDown);
    assert!(window.sees("Priya Shah, 2026-11-22 14:05"));
    named(&mut window, Named::ArrowUp);
    assert!(window.sees("Not checked yet."));
}
