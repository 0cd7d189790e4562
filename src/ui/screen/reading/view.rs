//! The read view: a procedure as it prints, wrapped to the window, what changed since the
//! reader signed, and the signature at the end; and the "To read" list beside it.

use iced::widget::{Column, Row, button, column, container, row, scrollable, text, text_input};
use iced::{Alignment, Element, Length};

use super::marks::{Mark, Since, since};
use super::{Message, Reading, ReadingWords, Said, shown, standing, to_read};
use crate::model::{PinRefused, Procedure, Standing, Status, Step};
use crate::ui::screen::Context;
use crate::ui::screen::photos::thumbnail;
use crate::ui::screen::procedures::standard;
use crate::ui::text::fill;
use crate::ui::theme::{self, Badge};

/// The widget id of the read view's scrollable.
pub const SCROLL_ID: &str = "reading";
/// The widget id of the signer's PIN field.
pub const SIGN_PIN: &str = "reading-pin";

impl Reading {
    /// The procedure open, read; `None` while none is open or its file is gone.
    pub fn view<'a>(&'a self, ctx: Context<'a>) -> Option<Element<'a, Message>> {
        let procedure = shown(ctx.records, self.open.as_deref()?)?;
        let words = ReadingWords::of(ctx.language);
        let training = ctx
            .me
            .and_then(|me| ctx.records.training.iter().find(|t| t.person == me.id));
        let approved = matches!(procedure.status, Status::Approved { .. });
        let stands = standing(training, procedure);
        // What changed since the revision signed: from an out-of-date signature, or from
        // one still current under a revision that needed no new reading.
        let changed = stands
            .signed()
            .filter(|_| approved)
            .and_then(|signed| since(procedure, signed, archived(ctx, &procedure.id, signed)));
        let marks = changed.as_ref().map(|c| c.marks.as_slice()).unwrap_or(&[]);
        let content = column![
            header(procedure, ctx, words),
            standing_line(stands, approved, words),
            changed.as_ref().map(|c| since_view(c, ctx, words)),
            body(procedure, marks, ctx, words),
            changed.as_ref().and_then(|c| removed_view(c, words)),
            checklists_line(procedure, ctx, words),
            changed
                .is_none()
                .then(|| this_revision(procedure, ctx, words))
                .flatten(),
            self.signature(procedure, stands, ctx, words),
            self.said.as_ref().map(|said| said_view(said)),
            self.paper_view(&ctx),
        ]
        .spacing(theme::SPACE_L)
        .padding(theme::SPACE_L)
        .max_width(860);
        Some(
            scrollable(content)
                .id(SCROLL_ID)
                .width(Length::Fill)
                .height(Length::Fill)
                .into(),
        )
    }

    /// "To read": what the person signed in is not current on, and the one open beside it.
    pub fn to_read_view<'a>(&'a self, ctx: Context<'a>) -> Element<'a, Message> {
        let words = ReadingWords::of(ctx.language);
        let me = ctx.me.map(|me| me.id.as_str()).unwrap_or_default();
        let training = ctx.records.training.iter().find(|t| t.person == me);
        let mut list = Column::new().spacing(theme::LIST_GAP);
        for procedure in to_read(ctx.records, me) {
            let note = match standing(training, procedure) {
                Standing::OutOfDate { signed } | Standing::Current { signed } => {
                    fill(words.out_of_date, &[("signed", &signed.to_string())])
                }
                Standing::Never => words.never_read.to_owned(),
            };
            let open = self.open.as_deref() == Some(procedure.id.as_str());
            list = list.push(
                button(column![
                    text(&procedure.title),
                    text(note).size(theme::TEXT_SMALL).style(theme::muted)
                ])
                .width(Length::Fill)
                .style(theme::nav(open))
                .on_press(Message::Open(procedure.id.clone())),
            );
        }
        let left = column![text(words.to_read).size(theme::TEXT_HEADING), list]
            .spacing(theme::SPACE_S)
            .width(ctx.room.list());
        let main = self.view(ctx).unwrap_or_else(|| {
            let empty = to_read(ctx.records, me).is_empty();
            let say = if empty {
                words.nothing_to_read
            } else {
                words.pick_to_read
            };
            container(text(say).style(theme::muted))
                .padding(theme::SPACE_XL)
                .into()
        });
        row![scrollable(left).height(Length::Fill), main]
            .spacing(theme::SPACE_L)
            .padding(theme::SPACE_L)
            .into()
    }

    /// The signature at the end: signed already, or the button (and the PIN field).
    fn signature<'a>(
        &'a self,
        procedure: &'a Procedure,
        stands: Standing,
        ctx: Context<'a>,
        words: &'static ReadingWords,
    ) -> Option<Element<'a, Message>> {
        let me = ctx.me?;
        if !matches!(procedure.status, Status::Approved { .. }) {
            return None;
        }
        let rev = procedure.revision.to_string();
        if let Standing::Current { signed } = stands {
            let said = match signed_on(ctx, &me.id, procedure, signed) {
                Some(on) if signed == procedure.revision => {
                    fill(words.signed_on, &[("rev", &rev), ("on", &on)])
                }
                _ => fill(
                    words.still_current,
                    &[("signed", &signed.to_string()), ("rev", &rev)],
                ),
            };
            return Some(text(said).style(theme::ok_text).into());
        }
        let sign = (!ctx.read_only).then_some(Message::Sign);
        let pin = me.pin.as_ref().map(|_| {
            text_input(words.sign_pin, &self.pin)
                .id(SIGN_PIN)
                .secure(true)
                .on_input(Message::Pin)
                .on_submit(Message::Sign)
                .width(Length::Fixed(theme::CHECKER_WIDTH))
        });
        let refused = self.refused.map(|refused| {
            let said = match refused {
                PinRefused::Wrong { .. } => words.pin_not_right.to_owned(),
                PinRefused::Wait { seconds } => {
                    fill(words.pin_wait, &[("seconds", &seconds.to_string())])
                }
            };
            text(said).size(theme::TEXT_SMALL).style(theme::error_text)
        });
        let button = button(text(fill(words.sign, &[("rev", &rev)])))
            .on_press_maybe(sign)
            .style(button::success);
        Some(
            column![
                row![pin, button]
                    .spacing(theme::SPACE_M)
                    .align_y(Alignment::Center)
                    .wrap()
                    .vertical_spacing(theme::SPACE_S),
                refused
            ]
            .spacing(theme::SPACE_XS)
            .into(),
        )
    }
}

/// The archived revision `revision` of procedure `id`, if the archive holds it.
fn archived<'a>(ctx: Context<'a>, id: &str, revision: u32) -> Option<&'a Procedure> {
    ctx.records
        .archived_procedures
        .iter()
        .find(|p| p.id == id && p.revision == revision)
}

/// The day `person` signed `revision` of `procedure`, as written.
fn signed_on(
    ctx: Context<'_>,
    person: &str,
    procedure: &Procedure,
    revision: u32,
) -> Option<String> {
    let training = ctx.records.training.iter().find(|t| t.person == person)?;
    training
        .signed
        .iter()
        .filter(|s| s.procedure == procedure.id && s.revision == revision)
        .map(|s| s.on)
        .max()
        .map(|on| on.to_string())
}

/// The title with "Edit", the revision and who approved it, the owner.
fn header<'a>(
    procedure: &'a Procedure,
    ctx: Context<'a>,
    words: &'static ReadingWords,
) -> Element<'a, Message> {
    let rev = procedure.revision.to_string();
    let (status, badge) = match &procedure.status {
        Status::Approved { by, on } => (
            fill(
                words.revision_approved,
                &[
                    ("rev", &rev),
                    ("by", &ctx.name_of(by)),
                    ("on", &on.to_string()),
                ],
            ),
            Badge::Approved,
        ),
        Status::Draft => (fill(words.draft_revision, &[("rev", &rev)]), Badge::Draft),
        Status::Retired { .. } => (rev.clone(), Badge::Retired),
    };
    let edit = (ctx.me.is_some() && !ctx.read_only).then(|| {
        button(text(words.edit))
            .on_press(Message::Edit(procedure.id.clone()))
            .style(button::secondary)
    });
    // A draft of the next revision stands over the one in force.
    let draft_on_top = ctx
        .records
        .procedure(&procedure.id)
        .filter(|current| current.revision > procedure.revision)
        .map(|current| {
            container(text(fill(
                words.draft_on_top,
                &[("next", &current.revision.to_string()), ("rev", &rev)],
            )))
            .padding(theme::SPACE_S)
            .style(theme::notice_box)
        });
    column![
        row![
            text(&procedure.title)
                .size(theme::TEXT_TITLE)
                .width(Length::Fill),
            edit
        ]
        .spacing(theme::SPACE_M)
        .align_y(Alignment::Center),
        row![
            container(text(status).size(theme::TEXT_SMALL))
                .padding([theme::BADGE_PADDING, theme::SPACE_S])
                .style(theme::badge(badge)),
            text(fill(
                words.owner_is,
                &[("name", &ctx.name_of(&procedure.owner))]
            ))
            .size(theme::TEXT_SMALL)
            .style(theme::muted),
        ]
        .spacing(theme::SPACE_M)
        .align_y(Alignment::Center)
        .wrap()
        .vertical_spacing(theme::SPACE_XS),
        draft_on_top,
    ]
    .spacing(theme::SPACE_S)
    .into()
}

/// "Not read yet" or "You signed revision 2", above an approved procedure one is not
/// current on.
fn standing_line<'a>(
    stands: Standing,
    approved: bool,
    words: &'static ReadingWords,
) -> Option<Element<'a, Message>> {
    let said = match stands {
        _ if !approved => return None,
        Standing::Current { .. } => return None,
        Standing::OutOfDate { signed } => {
            fill(words.out_of_date, &[("signed", &signed.to_string())])
        }
        Standing::Never => words.never_read.to_owned(),
    };
    Some(
        container(text(said))
            .padding(theme::SPACE_S)
            .width(Length::Fill)
            .style(theme::warning_box)
            .into(),
    )
}

/// The change notes since the revision signed, and a word when the steps cannot be compared.
fn since_view<'a>(
    since: &Since<'a>,
    ctx: Context<'a>,
    words: &'static ReadingWords,
) -> Element<'a, Message> {
    let signed = since.signed.to_string();
    let mut notes = Column::new().spacing(theme::SPACE_S);
    for change in &since.changes {
        notes = notes.push(change_view(change, ctx));
    }
    let blind = (!since.compared)
        .then(|| text(fill(words.no_archive, &[("signed", &signed)])).style(theme::muted));
    container(
        column![
            text(fill(words.since_signed, &[("signed", &signed)])).size(theme::TEXT_HEADING),
            notes,
            blind
        ]
        .spacing(theme::SPACE_S),
    )
    .padding(theme::SPACE_M)
    .width(Length::Fill)
    .style(theme::notice_box)
    .into()
}

/// One approval: "Revision 3 · 2026-10-20 · Ellen Bell", then its note.
fn change_view<'a>(change: &'a crate::model::Change, ctx: Context<'a>) -> Element<'a, Message> {
    column![
        text(format!(
            "{} {} · {} · {}",
            ctx.words.revision,
            change.revision,
            change.on,
            ctx.name_of(&change.by)
        ))
        .size(theme::TEXT_SMALL)
        .style(theme::muted),
        text(&change.note),
    ]
    .spacing(theme::SPACE_XS)
    .into()
}

/// Purpose, scope, and the numbered steps, each marked where it changed.
fn body<'a>(
    procedure: &'a Procedure,
    marks: &[Mark],
    ctx: Context<'a>,
    words: &'static ReadingWords,
) -> Element<'a, Message> {
    let section = |heading: &'static str, body: &'a str| {
        (!body.trim().is_empty()).then(|| {
            column![text(heading).size(theme::TEXT_HEADING), text(body)].spacing(theme::SPACE_XS)
        })
    };
    let mut steps = Column::new().spacing(theme::SPACE_M);
    for (index, step) in procedure.steps.iter().enumerate() {
        let mark = marks.get(index).copied().unwrap_or(Mark::Same);
        steps = steps.push(step_view(index, step, mark, ctx));
    }
    column![
        section(words.purpose, &procedure.purpose),
        section(words.scope, &procedure.scope),
        text(words.steps).size(theme::TEXT_HEADING),
        steps,
    ]
    .spacing(theme::SPACE_M)
    .into()
}

/// "3. Drag the scoop…" with its mark, standard, warning and photos: a step as it prints,
/// for any screen that shows one read only.
pub fn step_view<'a, M: 'a>(
    index: usize,
    step: &'a Step,
    mark: Mark,
    ctx: Context<'a>,
) -> Element<'a, M> {
    let words = ReadingWords::of(ctx.language);
    let badge = match mark {
        Mark::Same => None,
        Mark::New => Some(words.mark_new),
        Mark::Changed => Some(words.mark_changed),
    }
    .map(|label| {
        container(text(label).size(theme::TEXT_SMALL))
            .padding([theme::BADGE_PADDING, theme::SPACE_S])
            .style(theme::badge(Badge::Alarm))
    });
    let spec = step
        .spec
        .as_ref()
        .map(|spec| text(standard(spec)).style(theme::muted));
    let warning = step.warning.as_ref().map(|w| {
        container(text(w.as_str()))
            .padding(theme::SPACE_S)
            .width(Length::Fill)
            .style(theme::warning_box)
    });
    let photos = (!step.photos.is_empty()).then(|| {
        step.photos
            .iter()
            .fold(Row::new().spacing(theme::SPACE_S), |strip, path| {
                strip.push(thumbnail(&ctx.photos, path, ctx.words.photo_missing))
            })
            .wrap()
            .vertical_spacing(theme::SPACE_S)
    });
    row![
        text(format!("{}.", index + 1))
            .size(theme::TEXT_HEADING)
            .width(Length::Fixed(32.0)),
        column![
            row![text(&step.text).width(Length::Fill), badge].spacing(theme::SPACE_S),
            spec,
            warning,
            photos
        ]
        .spacing(theme::SPACE_XS)
        .width(Length::Fill),
    ]
    .spacing(theme::SPACE_S)
    .into()
}

/// The steps of the signed revision that are gone, struck from the list.
fn removed_view<'a>(
    since: &Since<'a>,
    words: &'static ReadingWords,
) -> Option<Element<'a, Message>> {
    if since.removed.is_empty() {
        return None;
    }
    let mut list = Column::new().spacing(theme::SPACE_XS);
    for step in &since.removed {
        list = list.push(text(format!("– {}", step.text)).style(theme::muted));
    }
    let signed = since.signed.to_string();
    Some(
        column![text(fill(words.removed, &[("signed", &signed)])), list]
            .spacing(theme::SPACE_XS)
            .into(),
    )
}

/// Which checklists check the procedure.
fn checklists_line<'a>(
    procedure: &Procedure,
    ctx: Context<'a>,
    words: &'static ReadingWords,
) -> Element<'a, Message> {
    let titles: Vec<&str> = ctx
        .records
        .checklists
        .iter()
        .filter(|c| c.procedure.as_deref() == Some(procedure.id.as_str()))
        .map(|c| c.title.as_str())
        .collect();
    let said = if titles.is_empty() {
        words.not_checked.to_owned()
    } else {
        fill(words.checked_by, &[("titles", &titles.join(", "))])
    };
    text(said).style(theme::muted).into()
}

/// The note of the revision shown, for someone with nothing older to compare.
fn this_revision<'a>(
    procedure: &'a Procedure,
    ctx: Context<'a>,
    words: &'static ReadingWords,
) -> Option<Element<'a, Message>> {
    let change = procedure
        .changes
        .iter()
        .rev()
        .find(|c| c.revision == procedure.revision)?;
    let rev = procedure.revision.to_string();
    Some(
        column![
            text(fill(words.this_revision, &[("rev", &rev)])).size(theme::TEXT_HEADING),
            change_view(change, ctx)
        ]
        .spacing(theme::SPACE_S)
        .into(),
    )
}

fn said_view<'a>(said: &'a Said) -> Element<'a, Message> {
    match said {
        Said::Done(line) => text(line).style(theme::ok_text).into(),
        Said::Failed(line) => container(text(line))
            .padding(theme::SPACE_S)
            .width(Length::Fill)
            .style(theme::error_box)
            .into(),
    }
}
