//! What a checklist's own part of the editor looks like: its fields and items, and an
//! archived revision.

use iced::keyboard::{Key, key::Named};
use iced::widget::text_editor::{Binding, KeyPress};
use iced::widget::{
    Column, button, checkbox, column, container, pick_list, row, text, text_editor, text_input,
};
use iced::{Alignment, Element, Length};

use super::form::{ItemForm, Kind, MeasureField, choice_error, measure_error};
use super::steps::{STEP_LABEL_CHARS, StepChoice, standard_warning, step_choices};
use super::words::ChecklistWords;
use super::{ChecklistForm, Edit, Message};
use crate::model::{Checklist, ItemKind, Procedure, Records, speaks_to_checker};
use crate::ui::screen::defects::place::cut;
use crate::ui::screen::editor::{fields_and_lines, line_row};
use crate::ui::screen::{Context, NoteKind, labelled, labelled_problem, notes_line};
use crate::ui::text::{Text, fill};
use crate::ui::theme;

/// An item's kind as a pick-list entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindChoice {
    /// The kind.
    pub kind: Kind,
    label: &'static str,
}

impl std::fmt::Display for KindChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label)
    }
}

/// A procedure to link, or none, as a pick-list entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcedureChoice {
    /// The procedure's id; `None` for "(none)".
    pub id: Option<String>,
    label: String,
}

impl std::fmt::Display for ProcedureChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

fn procedure_choices(records: &Records, words: &'static Text) -> Vec<ProcedureChoice> {
    let none = ProcedureChoice {
        id: None,
        label: words.none.to_owned(),
    };
    let mut procedures: Vec<&Procedure> = records.procedures.iter().collect();
    procedures.sort_by_cached_key(|p| p.title.to_lowercase());
    let procedures = procedures.into_iter().map(|p| ProcedureChoice {
        id: Some(p.id.clone()),
        label: cut(&p.title, STEP_LABEL_CHARS),
    });
    std::iter::once(none).chain(procedures).collect()
}

/// The choice in `choices` with this id; one naming the bare id if the list lacks it.
fn chosen<T: Clone>(
    choices: &[T],
    id: Option<&str>,
    id_of: impl Fn(&T) -> Option<&str>,
    missing: impl FnOnce(&str) -> T,
) -> T {
    match choices.iter().find(|c| id_of(c) == id) {
        Some(found) => found.clone(),
        None => missing(id.unwrap_or_default()),
    }
}

/// The fields, then the items with their prompt editors, `selected` marked.
pub(super) fn form_view<'a>(
    form: &'a ChecklistForm,
    prompts: &'a [text_editor::Content],
    selected: Option<usize>,
    ctx: Context<'a>,
) -> Element<'a, Message> {
    let words = ctx.words;
    let errors = form.errors(words);
    let procedures = procedure_choices(ctx.records, words);
    let procedure = chosen(
        &procedures,
        form.procedure.as_deref(),
        |c| c.id.as_deref(),
        |id| ProcedureChoice {
            id: Some(id.to_owned()),
            label: id.to_owned(),
        },
    );
    let fields = column![
        labelled_problem(
            words.title,
            errors.title.clone(),
            text_input(words.title, &form.title)
                .id("title")
                .on_input(|v| Message::Edit(Edit::Title(v)))
                .size(theme::TEXT_HEADING)
        ),
        row![
            labelled(
                words.linked_procedure,
                container(
                    pick_list(procedures, Some(procedure), |p| Message::Edit(
                        Edit::Procedure(p)
                    ))
                    .width(Length::Fill)
                )
                .id("procedure")
            ),
            container(
                checkbox(form.four_eyes)
                    .label(words.four_eyes)
                    .on_toggle(|v| Message::Edit(Edit::FourEyes(v)))
            )
            .id("four-eyes")
            .padding([theme::SPACE_S, 0.0]),
        ]
        .spacing(theme::SPACE_M)
        .align_y(Alignment::End),
    ]
    .spacing(theme::SPACE_M);

    let steps = form
        .procedure
        .as_deref()
        .map(|p| step_choices(ctx.records, p, words));
    let count = form.items.len();
    // The editor keeps one prompt editor per item.
    let items = form
        .items
        .iter()
        .enumerate()
        .zip(prompts)
        .map(|((index, item), prompt)| {
            let selected = selected == Some(index);
            item_view(
                prompt,
                index,
                item,
                (count, selected),
                steps.as_deref(),
                words,
            )
        });
    let heading = row![
        text(words.items).size(theme::TEXT_HEADING),
        text(words.second_person_hint)
            .size(theme::TEXT_SMALL)
            .style(theme::muted),
    ]
    .spacing(theme::SPACE_M)
    .align_y(Alignment::Center);
    fields_and_lines(fields, heading, items, words.add_item)
}

/// One item; `(count, selected)`: how many items there are, and whether this one is picked.
fn item_view<'a>(
    prompt: &'a text_editor::Content,
    index: usize,
    item: &'a ItemForm,
    (count, selected): (usize, bool),
    steps: Option<&[StepChoice]>,
    words: &'static Text,
) -> Element<'a, Message> {
    let errors = item.errors(words);

    let kind = kind_picker(index, item, words);
    let (step, step_gone) = step_picker(index, item, steps, words);
    let critical = container(
        checkbox(item.critical)
            .label(words.critical)
            .on_toggle(move |v| Message::Edit(Edit::Critical(index, v))),
    )
    .id(format!("item-{index}-critical"))
    .padding([theme::SPACE_S, 0.0]);

    let details: Option<Element<'a, Message>> = match item.kind {
        Kind::Tick | Kind::Text => None,
        Kind::Measure => Some(measure_view(index, item, words)),
        Kind::Choice => Some(choice_view(index, item, words)),
    };
    let input = text_editor(prompt)
        .id(super::item_input_id(index))
        .placeholder(words.second_person_hint)
        .key_binding(prompt_keys)
        .on_action(move |a| Message::Edit(Edit::PromptAction(index, a)));
    // Once a prompt has words enough to judge, one that does not address the checker is
    // told so, as `rightfirst check` warns.
    let prompt = item.prompt.trim();
    let not_to_checker = (prompt.contains(' ') && !speaks_to_checker(prompt))
        .then(|| (NoteKind::Warning, words.not_to_checker.to_owned()));
    // What is wrong or worth a look comes and goes as the user types: it all sits in one
    // line kept at the item's foot, so no field of this item or the next moves under the
    // pointer.
    let standard = (item.kind == Kind::Measure)
        .then(|| standard_warning(item, steps, words.language()))
        .flatten()
        .map(|w| (NoteKind::Warning, w));
    let notes = [
        errors.prompt.map(|e| (NoteKind::Problem, e)),
        not_to_checker,
        errors.kind.map(|e| (NoteKind::Problem, e)),
        standard,
    ];
    let body = column![
        line_row(index, count, selected, input, words),
        row![kind, labelled(words.linked_step, step), critical]
            .spacing(theme::SPACE_M)
            .align_y(Alignment::End),
        text(ChecklistWords::of(words.language()).critical_hint)
            .size(theme::TEXT_SMALL)
            .style(theme::muted),
        step_gone.map(|w| text(w).size(theme::TEXT_SMALL).style(theme::muted)),
        details,
        notes_line(notes.into_iter().flatten()),
    ]
    .spacing(theme::SPACE_S);
    container(body)
        .padding(theme::SPACE_S)
        .style(if item.critical {
            theme::critical_box
        } else {
            theme::row_box
        })
        .into()
}

/// The item's kind, to pick.
fn kind_picker<'a>(index: usize, item: &ItemForm, words: &'static Text) -> Column<'a, Message> {
    let kinds: Vec<KindChoice> = Kind::ALL
        .into_iter()
        .map(|kind| KindChoice {
            kind,
            label: kind.label(words),
        })
        .collect();
    let kind = KindChoice {
        kind: item.kind,
        label: item.kind.label(words),
    };
    column![
        text(words.kind).size(theme::TEXT_SMALL).style(theme::muted),
        container(
            pick_list(kinds, Some(kind), move |k| Message::Edit(Edit::Kind(
                index, k
            )))
            .width(theme::PICK_WIDTH),
        )
        .id(format!("item-{index}-kind")),
    ]
    .spacing(theme::SPACE_XS)
}

/// The procedure step the item verifies, to pick, and a warning if the step it names is
/// gone; without a linked procedure, a hint to link one first.
fn step_picker<'a>(
    index: usize,
    item: &ItemForm,
    steps: Option<&[StepChoice]>,
    words: &'static Text,
) -> (Element<'a, Message>, Option<String>) {
    match steps {
        None => (
            text(words.link_procedure_first)
                .size(theme::TEXT_SMALL)
                .style(theme::muted)
                .into(),
            None,
        ),
        Some(steps) => {
            let choice = chosen(
                steps,
                item.step.as_deref(),
                |c| c.id.as_deref(),
                |id| StepChoice {
                    id: Some(id.to_owned()),
                    label: id.to_owned(),
                    spec: None,
                },
            );
            let gone = item
                .step
                .as_deref()
                .filter(|id| !steps.iter().any(|c| c.id.as_deref() == Some(*id)))
                .map(|id| fill(words.step_gone, &[("step", id)]));
            (
                container(
                    pick_list(steps.to_vec(), Some(choice), move |s| {
                        Message::Edit(Edit::Step(index, s))
                    })
                    .width(Length::Fill),
                )
                .id(format!("item-{index}-step"))
                .into(),
                gone,
            )
        }
    }
}

/// A prompt's keys: Enter adds no line break, and Alt+Up/Down move the item, not the cursor.
fn prompt_keys(press: KeyPress) -> Option<Binding<Message>> {
    match press.key.as_ref() {
        Key::Named(Named::Enter) => None,
        Key::Named(Named::ArrowUp | Named::ArrowDown) if press.modifiers.alt() => None,
        _ => Binding::from_key_press(press),
    }
}

fn measure_view<'a>(
    index: usize,
    item: &'a ItemForm,
    words: &'static Text,
) -> Element<'a, Message> {
    // Narrow fields side by side, each with its label above: `labelled` would spread them.
    let field = |label: &'static str, value: &'a str, which: MeasureField| {
        column![
            text(label).size(theme::TEXT_SMALL).style(theme::muted),
            text_input(label, value)
                .id(format!("item-{index}-{which:?}").to_lowercase())
                .on_input(move |v| Message::Edit(Edit::Measure(index, which, v)))
                .width(theme::NUMBER_WIDTH),
        ]
        .spacing(theme::SPACE_XS)
    };
    let bounds_ok = measure_error(&item.measure, words).is_none();
    row![
        field(words.spec_unit, &item.measure.unit, MeasureField::Unit),
        field(words.spec_min, &item.measure.min, MeasureField::Min),
        field(words.spec_max, &item.measure.max, MeasureField::Max),
        bounds_ok.then(|| text(words.measure_hint)
            .size(theme::TEXT_SMALL)
            .style(theme::muted)),
    ]
    .spacing(theme::SPACE_M)
    .align_y(Alignment::End)
    .into()
}

fn choice_view<'a>(index: usize, item: &'a ItemForm, words: &'static Text) -> Element<'a, Message> {
    let mut options = Column::new().spacing(theme::SPACE_XS);
    for (n, option) in item.choice.options.iter().enumerate() {
        options = options.push(
            row![
                text_input(words.option, &option.text)
                    .id(format!("item-{index}-option-{n}"))
                    .on_input(move |v| Message::Edit(Edit::OptionText(index, n, v))),
                container(
                    checkbox(option.passes)
                        .label(words.passes)
                        .on_toggle(move |v| Message::Edit(Edit::OptionPasses(index, n, v)))
                )
                .id(format!("item-{index}-passes-{n}")),
                button(text(words.remove).size(theme::TEXT_SMALL))
                    .on_press(Message::Edit(Edit::RemoveOption(index, n)))
                    .style(button::text),
            ]
            .spacing(theme::SPACE_S)
            .align_y(Alignment::Center),
        );
    }
    let stray = (!item.choice.stray.is_empty()).then(|| {
        button(text(words.remove_stray).size(theme::TEXT_SMALL))
            .on_press(Message::Edit(Edit::DropStray(index)))
            .style(button::text)
    });
    let fine = choice_error(&item.choice, words).is_none();
    labelled(
        words.options,
        column![
            options,
            row![
                button(text(words.add_option).size(theme::TEXT_SMALL))
                    .on_press(Message::Edit(Edit::AddOption(index)))
                    .style(button::secondary),
                stray,
                fine.then(|| text(words.passes_hint)
                    .size(theme::TEXT_SMALL)
                    .style(theme::muted)),
            ]
            .spacing(theme::SPACE_S)
            .align_y(Alignment::Center),
        ]
        .spacing(theme::SPACE_XS),
    )
}

/// An archived revision's items, read only.
pub(super) fn archived_view<'a>(
    checklist: &'a Checklist,
    ctx: Context<'a>,
) -> Element<'a, Message> {
    let words = ctx.words;
    let mut items = Column::new().spacing(theme::SPACE_S);
    for (n, item) in checklist.items.iter().enumerate() {
        let how = match &item.kind {
            ItemKind::Tick => words.kind_tick.to_owned(),
            ItemKind::Text => words.kind_text.to_owned(),
            ItemKind::Measure { unit, min, max } => format!(
                "{}: {}\u{2013}{} {unit}",
                words.kind_measure,
                min.map_or("…".to_owned(), |n| n.to_string()),
                max.map_or("…".to_owned(), |n| n.to_string()),
            ),
            ItemKind::Choice { options, pass } => format!(
                "{}: {} ({}: {})",
                words.kind_choice,
                options.join(" / "),
                words.passes,
                pass.join(" / ")
            ),
        };
        let critical = item.critical.then(|| {
            text(words.critical)
                .size(theme::TEXT_SMALL)
                .style(theme::error_text)
        });
        items = items.push(
            column![
                text(format!("{}. {}", n + 1, item.prompt)),
                row![
                    text(how).size(theme::TEXT_SMALL).style(theme::muted),
                    critical
                ]
                .spacing(theme::SPACE_S),
            ]
            .spacing(theme::SPACE_XS),
        );
    }
    items.into()
}
