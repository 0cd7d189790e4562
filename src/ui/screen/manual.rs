//! Printing the manual: which procedures, in what form, on what paper, then where to save
//! it; a progress bar while it is typeset, and an offer to open the result.

use std::collections::BTreeSet;
use std::path::PathBuf;

use iced::widget::{
    Column, Row, button, checkbox, column, container, progress_bar, row, scrollable, text,
};
use iced::{Alignment, Element, Length};

use crate::export::{ManualFormat, ManualOptions, Paper, manual_procedures};
use crate::model::Language;
use crate::ui::request::{Job, Picked, Request};
use crate::ui::screen::Context;
use crate::ui::screen::file_place::{self, PathField, Taken};
use crate::ui::text::fill;
use crate::ui::theme;

crate::texts!(ManualWords {
    title: "Print the manual", "Het handboek afdrukken";
    intro: "A cover, a contents page, every procedure with its steps, standards, warnings and revision history, and a form to print for each checklist, with boxes to tick and lines to sign.", "Een omslag, een inhoudsopgave, elke procedure met stappen, normen, waarschuwingen en revisiegeschiedenis, en voor elke checklijst een formulier om af te drukken, met vakjes om aan te kruisen en lijnen om te tekenen.";
    format: "Form", "Vorm";
    pdf: "PDF, to print", "PDF, om af te drukken";
    html: "Web page", "Webpagina";
    markdown: "Markdown, for a wiki", "Markdown, voor een wiki";
    paper: "Paper", "Papier";
    language: "Language", "Taal";
    english: "English", "Engels";
    dutch: "Dutch", "Nederlands";
    drafts: "Print drafts too (each page says so)", "Ook concepten afdrukken (elke pagina zegt dat)";
    procedures: "Procedures", "Procedures";
    all: "All", "Alle";
    none: "None", "Geen";
    save_as: "Save as…", "Opslaan als…";
    working: "Typesetting {done} of {total}…", "Zetten: {done} van {total}…";
    nothing: "Pick at least one procedure.", "Kies minstens één procedure.";
});

/// The manual screen.
#[derive(Debug, Default)]
pub struct Manual {
    format: Option<ManualFormat>,
    paper: Paper,
    language: Option<Language>,
    drafts: bool,
    /// Procedures left out; all others are printed.
    left_out: BTreeSet<String>,
    progress: Option<(usize, usize)>,
    outcome: Option<Result<PathBuf, String>>,
    /// Where to save, typed: the dialog could not open, or the user asked for it.
    typed: Option<PathField>,
    /// Why the saved manual or its folder did not open.
    not_opened: Option<String>,
}

/// What the user did.
#[derive(Debug, Clone)]
pub enum Message {
    Format(ManualFormat),
    Paper(Paper),
    Language(Language),
    Drafts(bool),
    Procedure(String, bool),
    All(bool),
    SaveAs,
    /// Type where to save instead of picking it in a dialog.
    TypePath,
    /// Where to save the manual with these options: picked, cancelled, or no dialog.
    Placed(Box<ManualOptions>, Picked),
    /// The typed path's field.
    Path(file_place::Message),
    /// How far typesetting has come.
    Progress(usize, usize),
    /// The manual is saved there, or why not.
    Finished(Result<PathBuf, String>),
    /// Open the saved manual, or its folder.
    Saved(file_place::Saved),
    /// Why the saved manual or its folder did not open.
    NotOpened(String),
}

impl Manual {
    fn format(&self) -> ManualFormat {
        self.format.unwrap_or(ManualFormat::Pdf)
    }

    fn language(&self, ctx: &Context) -> Language {
        self.language
            .or_else(|| Language::from_code(&ctx.records.workspace.language))
            .unwrap_or(ctx.language)
    }

    /// The options as chosen.
    pub fn options(&self, ctx: &Context) -> ManualOptions {
        let procedures = if self.left_out.is_empty() {
            Vec::new()
        } else {
            manual_procedures(ctx.records, self.drafts)
                .into_iter()
                .filter(|p| !self.left_out.contains(&p.id))
                .map(|p| p.id.clone())
                .collect()
        };
        ManualOptions {
            format: self.format(),
            language: self.language(ctx),
            paper: self.paper,
            procedures,
            drafts: self.drafts,
            today: ctx.today,
        }
    }

    /// Whether any procedure is to be printed; says so if none is.
    fn any_printed(&mut self, ctx: &Context) -> bool {
        let any = manual_procedures(ctx.records, self.drafts)
            .iter()
            .any(|p| !self.left_out.contains(&p.id));
        self.outcome = if any {
            None
        } else {
            Some(Err(ManualWords::of(ctx.language).nothing.to_owned()))
        };
        any
    }

    /// The file name the manual is offered under.
    fn file_name(&self, ctx: &Context) -> String {
        let extension = self.format().extension();
        format!("{} manual.{extension}", ctx.records.workspace.name)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, ctx: &Context) -> Request<Message> {
        match message {
            Message::Format(format) => self.format = Some(format),
            Message::Paper(paper) => self.paper = paper,
            Message::Language(language) => self.language = Some(language),
            Message::Drafts(drafts) => self.drafts = drafts,
            Message::Procedure(id, printed) => {
                if printed {
                    self.left_out.remove(&id);
                } else {
                    self.left_out.insert(id);
                }
            }
            Message::All(printed) => {
                self.left_out = if printed {
                    BTreeSet::new()
                } else {
                    manual_procedures(ctx.records, self.drafts)
                        .into_iter()
                        .map(|p| p.id.clone())
                        .collect()
                };
            }
            Message::SaveAs => {
                let options = self.options(ctx);
                if !self.any_printed(ctx) {
                    return Request::None;
                }
                let extension = options.format.extension();
                return Request::pick_place(self.file_name(ctx), extension, move |picked| {
                    Message::Placed(Box::new(options), picked)
                });
            }
            Message::TypePath => {
                if self.any_printed(ctx) {
                    self.typed = Some(PathField::to_save(&self.file_name(ctx), None));
                    return Request::Focus(file_place::PATH_INPUT.to_owned());
                }
            }
            Message::Placed(options, Picked::Path(path)) => {
                self.typed = None;
                self.progress = Some((0, 0));
                return Request::Run(Job::Manual {
                    options,
                    path,
                    progress: std::sync::Arc::new(Message::Progress),
                    done: Box::new(Message::Finished),
                });
            }
            Message::Placed(_, picked) => {
                let name = self.file_name(ctx);
                if let Some(field) = PathField::after(&picked, |why| PathField::to_save(&name, why))
                {
                    self.typed = Some(field);
                    return Request::Focus(file_place::PATH_INPUT.to_owned());
                }
            }
            Message::Path(message) => {
                let taken = self.typed.as_mut().map(|field| field.update(message));
                match taken {
                    Some(Taken::Path(path)) => {
                        let options = Box::new(self.options(ctx));
                        return self.update(Message::Placed(options, Picked::Path(path)), ctx);
                    }
                    Some(Taken::Cancelled) => self.typed = None,
                    Some(Taken::Not) | None => {}
                }
            }
            Message::Progress(done, total) => self.progress = Some((done, total)),
            Message::Finished(outcome) => {
                self.progress = None;
                self.not_opened = None;
                self.outcome = Some(outcome);
            }
            Message::Saved(saved) => {
                self.not_opened = None;
                return saved.request(ctx.language, Message::NotOpened);
            }
            Message::NotOpened(why) => self.not_opened = Some(why),
        }
        Request::None
    }

    /// The screen.
    pub fn view<'a>(&'a self, ctx: Context<'a>) -> Element<'a, Message> {
        let words = ManualWords::of(ctx.language);
        let content = column![
            text(words.title).size(theme::TEXT_TITLE),
            text(words.intro).style(theme::muted),
            labelled(
                words.format,
                choices(
                    self.format(),
                    &[
                        (words.pdf, ManualFormat::Pdf),
                        (words.html, ManualFormat::Html),
                        (words.markdown, ManualFormat::Markdown),
                    ],
                    Message::Format,
                )
            ),
            labelled(
                words.paper,
                choices(
                    self.paper,
                    &[("A4", Paper::A4), ("Letter", Paper::Letter)],
                    Message::Paper,
                )
            ),
            labelled(
                words.language,
                choices(
                    self.language(&ctx),
                    &[(words.english, Language::En), (words.dutch, Language::Nl)],
                    Message::Language,
                )
            ),
            checkbox(self.drafts)
                .label(words.drafts)
                .on_toggle(Message::Drafts),
            row![
                text(words.procedures).size(theme::TEXT_HEADING),
                choice(words.all, false, Message::All(true)),
                choice(words.none, false, Message::All(false)),
            ]
            .spacing(theme::SPACE_S)
            .align_y(Alignment::Center),
            self.procedure_list(&ctx),
            file_place::pick_buttons(
                button(text(words.save_as))
                    .style(button::primary)
                    .on_press_maybe(self.progress.is_none().then_some(Message::SaveAs)),
                ctx.language,
                Message::TypePath,
            ),
            self.typed
                .as_ref()
                .map(|field| field.view(ctx.language).map(Message::Path)),
            self.progress_view(words),
            self.outcome_view(ctx.language),
            self.not_opened.as_deref().map(|why| container(text(why))
                .padding(theme::SPACE_S)
                .width(Length::Fill)
                .style(theme::error_box)),
        ]
        .spacing(theme::SPACE_M)
        .max_width(720);
        scrollable(container(content).padding(theme::SPACE_L))
            .height(Length::Fill)
            .into()
    }

    /// One checkbox per procedure the manual can print.
    fn procedure_list<'a>(&self, ctx: &Context<'a>) -> Column<'a, Message> {
        let mut list = Column::new().spacing(theme::SPACE_XS);
        for procedure in manual_procedures(ctx.records, self.drafts) {
            let printed = !self.left_out.contains(&procedure.id);
            let id = procedure.id.clone();
            list = list.push(
                checkbox(printed)
                    .label(format!("{} (rev. {})", procedure.title, procedure.revision))
                    .on_toggle(move |on| Message::Procedure(id.clone(), on)),
            );
        }
        list
    }

    /// The progress bar while the manual is typeset.
    fn progress_view<'a>(&self, words: &'static ManualWords) -> Option<Column<'a, Message>> {
        self.progress.map(|(done, total)| {
            column![
                progress_bar(0.0..=total.max(1) as f32, done as f32),
                text(fill(
                    words.working,
                    &[("done", &done.to_string()), ("total", &total.to_string())]
                ))
                .size(theme::TEXT_SMALL)
                .style(theme::muted)
            ]
            .spacing(theme::SPACE_XS)
        })
    }

    /// Where the manual was saved, with buttons to open it, or why it was not.
    fn outcome_view<'a>(&'a self, language: Language) -> Option<Element<'a, Message>> {
        self.outcome.as_ref().map(|outcome| match outcome {
            Ok(path) => file_place::saved_view(path, language).map(Message::Saved),
            Err(error) => container(text(error.as_str()))
                .padding(theme::SPACE_S)
                .width(Length::Fill)
                .style(theme::error_box)
                .into(),
        })
    }
}

/// A small button among choices, lit when `selected`.
fn choice<'a>(label: &'a str, selected: bool, message: Message) -> Element<'a, Message> {
    button(text(label).size(theme::TEXT_SMALL))
        .padding([theme::BADGE_PADDING, theme::SPACE_S])
        .style(theme::nav(selected))
        .on_press(message)
        .into()
}

/// A row of choices with its label in front.
fn labelled<'a>(label: &'a str, content: Element<'a, Message>) -> Element<'a, Message> {
    row![
        text(label).width(theme::PICK_WIDTH).style(theme::muted),
        content
    ]
    .spacing(theme::SPACE_M)
    .align_y(Alignment::Center)
    .into()
}

/// A row of small buttons, one per option, the `current` one lit.
fn choices<'a, T: Copy + PartialEq>(
    current: T,
    options: &[(&'a str, T)],
    message: fn(T) -> Message,
) -> Element<'a, Message> {
    Row::with_children(
        options
            .iter()
            .map(|&(label, value)| choice(label, value == current, message(value))),
    )
    .spacing(theme::SPACE_XS)
    .into()
}
