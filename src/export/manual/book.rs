//! The manual as data: every word decided, nothing laid out yet.
//!
//! The typst template, the HTML writer and the Markdown writer all read this, so
//! the three formats say the same thing; only their layout differs.

use serde::Serialize;

use super::select::Selection;
use super::words::{self, Words};
use super::{ManualOptions, Paper};
use crate::export::record::{Detail, bounds, number, person, with_unit};
use crate::model::{
    Checklist, ImageKind, ItemKind, Language, Photos, Procedure, Records, Spec, Status,
};

/// The whole manual.
#[derive(Debug, Serialize)]
pub(crate) struct Book {
    /// `"en"` or `"nl"`: hyphenation and the HTML `lang`.
    pub lang: &'static str,
    /// typst's paper name.
    pub paper: &'static str,
    pub words: &'static Words,
    pub business: String,
    /// The day it was made, written out.
    pub date: String,
    /// The manual's revision, for every page's footer.
    pub revision: String,
    /// Date, manual revision and the like, for the cover.
    pub cover: Vec<Detail>,
    /// Whether any procedure or form in it is a draft.
    pub drafts: bool,
    /// What the cover says about drafts and approvals.
    pub notice: &'static str,
    pub procedures: Vec<Part>,
    pub forms: Vec<Form>,
}

/// A procedure or form as another part points at it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Link {
    /// A key unique in the book (`p3`, `f2`): never the user's text.
    pub key: String,
    /// `3` or `F2`.
    pub number: String,
    pub title: String,
}

/// One procedure.
#[derive(Debug, Serialize)]
pub(crate) struct Part {
    pub link: Link,
    pub draft: bool,
    pub revision: String,
    pub facts: Vec<Detail>,
    pub purpose: String,
    pub scope: String,
    pub steps: Vec<StepEntry>,
    pub changes: Vec<ChangeRow>,
    /// The forms that check this procedure.
    pub forms: Vec<Link>,
}

/// One step, numbered.
#[derive(Debug, Serialize)]
pub(crate) struct StepEntry {
    pub number: String,
    pub text: String,
    pub spec: Option<SpecLine>,
    pub warning: Option<String>,
    pub photos: Vec<PhotoEntry>,
}

/// One photo of a step: what right looks like.
#[derive(Debug, Serialize)]
pub(crate) struct PhotoEntry {
    /// The path the step names, relative to the workspace: Markdown links it, and a
    /// missing photo's placeholder names it.
    pub path: String,
    /// Where typst finds the picture (`/photos/3.png`): a name of ours, never the user's
    /// path; none when the photo is missing or not a picture.
    pub file: Option<String>,
    /// The picture, when the caller handed in bytes that are a JPEG or a PNG.
    #[serde(skip)]
    pub picture: Option<Picture>,
}

/// The bytes of a photo that is a picture, and which kind.
#[derive(Debug)]
pub(crate) struct Picture {
    pub kind: ImageKind,
    pub bytes: Vec<u8>,
}

impl Book {
    /// Every picture in the book by the name typst finds it under.
    pub(crate) fn photo_files(&self) -> Vec<(&str, &[u8])> {
        (self.procedures.iter())
            .flat_map(|part| &part.steps)
            .flat_map(|step| &step.photos)
            .filter_map(|photo| {
                Some((
                    photo.file.as_deref()?,
                    photo.picture.as_ref()?.bytes.as_slice(),
                ))
            })
            .collect()
    }
}

/// The photos of a step, with the bytes `photos` holds for each that is a picture.
fn step_photos(paths: &[String], photos: &Photos) -> Vec<PhotoEntry> {
    (paths.iter())
        .map(|path| {
            let picture = photos.get(path).and_then(|bytes| {
                ImageKind::sniff(bytes).map(|kind| Picture {
                    kind,
                    bytes: bytes.to_vec(),
                })
            });
            PhotoEntry {
                path: path.clone(),
                file: None,
                picture,
            }
        })
        .collect()
}

/// Names each picture of the book for typst, in the order they print.
fn name_photo_files(procedures: &mut [Part]) {
    let pictures = (procedures.iter_mut())
        .flat_map(|part| &mut part.steps)
        .flat_map(|step| &mut step.photos)
        .filter(|photo| photo.picture.is_some());
    for (n, photo) in pictures.enumerate() {
        let extension = photo.picture.as_ref().map_or("", |p| p.kind.extension());
        photo.file = Some(format!("/photos/{}.{extension}", n + 1));
    }
}

/// A measurable standard: what is measured and `65 g (60–70 g)`.
#[derive(Debug, Serialize)]
pub(crate) struct SpecLine {
    pub what: String,
    pub value: String,
}

/// One line of the revision history.
#[derive(Debug, Serialize)]
pub(crate) struct ChangeRow {
    pub revision: String,
    pub on: String,
    pub by: String,
    pub note: String,
}

/// One checklist as a form to fill in with a pen.
#[derive(Debug, Serialize)]
pub(crate) struct Form {
    pub link: Link,
    pub draft: bool,
    pub revision: String,
    /// The procedure it checks, when the manual prints it.
    pub procedure: Option<Link>,
    pub four_eyes: bool,
    pub items: Vec<FormItem>,
    /// Whether any item is critical, any choice has passing answers: which notes to print.
    pub any_critical: bool,
    pub any_choice: bool,
}

/// One line of a form.
#[derive(Debug, Serialize)]
pub(crate) struct FormItem {
    pub number: String,
    pub prompt: String,
    pub critical: bool,
    pub answer: Answer,
}

/// How an item is answered on paper.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub(crate) enum Answer {
    /// Boxes for OK, not OK and not applicable.
    Tick,
    /// A blank for the number, its unit, and the bounds it must lie in.
    Measure { unit: String, bounds: String },
    /// Choices to circle; `pass` says which ones pass.
    Choice { options: Vec<Choice> },
    /// Lines to write on.
    Text,
}

/// One choice on a form.
#[derive(Debug, Serialize)]
pub(crate) struct Choice {
    pub text: String,
    pub pass: bool,
}

/// A spec as people read it: `65 g (60–70 g)`, `≤ 5 °C`, `65 g`.
pub(crate) fn spec_value(spec: &Spec, language: Language) -> String {
    let range = bounds(&spec.unit, spec.min, spec.max, language);
    match spec.target {
        Some(target) => {
            let target = with_unit(number(target, language), &spec.unit);
            if range.is_empty() || range == target {
                target
            } else {
                format!("{target} ({range})")
            }
        }
        None => range,
    }
}

fn is_draft(status: &Status) -> bool {
    matches!(status, Status::Draft)
}

fn part(
    records: &Records,
    procedure: &Procedure,
    link: Link,
    options: &ManualOptions,
    photos: &Photos,
) -> Part {
    let w = words::words(options.language);
    let detail = |label: &'static str, value: String| Detail { label, value };
    let mut facts = vec![
        detail(w.owner, person(records, &procedure.owner)),
        detail(w.revision, procedure.revision.to_string()),
    ];
    match &procedure.status {
        Status::Approved { by, on } => {
            facts.push(detail(w.approved_by, person(records, by)));
            facts.push(detail(w.approved_on, on.to_string()));
        }
        Status::Draft | Status::Retired { .. } => {
            facts.push(detail(w.status, w.draft_note.to_owned()));
        }
    }
    if let Some(review) = procedure.review_by {
        let value = if review < options.today {
            format!("{review} ({})", w.overdue)
        } else {
            review.to_string()
        };
        facts.push(detail(w.review_by, value));
    }
    Part {
        draft: is_draft(&procedure.status),
        revision: procedure.revision.to_string(),
        facts,
        purpose: procedure.purpose.clone(),
        scope: procedure.scope.clone(),
        steps: (procedure.steps.iter().enumerate())
            .map(|(n, step)| StepEntry {
                number: (n + 1).to_string(),
                text: step.text.clone(),
                spec: step.spec.as_ref().map(|spec| SpecLine {
                    what: spec.what.clone(),
                    value: spec_value(spec, options.language),
                }),
                warning: step.warning.clone(),
                photos: step_photos(&step.photos, photos),
            })
            .collect(),
        changes: (procedure.changes.iter())
            .map(|change| ChangeRow {
                revision: change.revision.to_string(),
                on: change.on.to_string(),
                by: person(records, &change.by),
                note: change.note.clone(),
            })
            .collect(),
        forms: Vec::new(),
        link,
    }
}

fn answer(kind: &ItemKind, language: Language) -> Answer {
    match kind {
        ItemKind::Tick => Answer::Tick,
        ItemKind::Measure { unit, min, max } => Answer::Measure {
            unit: unit.clone(),
            bounds: bounds(unit, *min, *max, language),
        },
        ItemKind::Choice { options, pass } => Answer::Choice {
            options: (options.iter())
                .map(|text| Choice {
                    text: text.clone(),
                    pass: pass.contains(text),
                })
                .collect(),
        },
        ItemKind::Text => Answer::Text,
    }
}

fn form(checklist: &Checklist, link: Link, procedure: Option<Link>, language: Language) -> Form {
    let items: Vec<FormItem> = (checklist.items.iter().enumerate())
        .map(|(n, item)| FormItem {
            number: (n + 1).to_string(),
            prompt: item.prompt.clone(),
            critical: item.critical,
            answer: answer(&item.kind, language),
        })
        .collect();
    Form {
        link,
        draft: is_draft(&checklist.status),
        revision: checklist.revision.to_string(),
        procedure,
        four_eyes: checklist.four_eyes,
        any_critical: items.iter().any(|item| item.critical),
        any_choice: (items.iter()).any(|item| {
            matches!(&item.answer, Answer::Choice { options } if options.iter().any(|c| c.pass))
        }),
        items,
    }
}

/// The manual's revision: it counts up with every approval of what it prints.
fn manual_revision(selection: &Selection<'_>) -> u64 {
    let procedures = selection.procedures.iter().map(|p| u64::from(p.revision));
    let checklists = selection
        .checklists
        .iter()
        .map(|(c, _)| u64::from(c.revision));
    procedures.chain(checklists).sum()
}

/// The day of the newest approval among what the manual prints.
fn last_approval(selection: &Selection<'_>) -> Option<crate::model::Date> {
    let statuses = (selection.procedures.iter().map(|p| &p.status))
        .chain(selection.checklists.iter().map(|(c, _)| &c.status));
    statuses
        .filter_map(|status| match status {
            Status::Approved { on, .. } => Some(*on),
            _ => None,
        })
        .max()
}

/// Decides every word of the manual; `progress` hears of each part as it is done.
pub(crate) fn book(
    records: &Records,
    selection: &Selection<'_>,
    options: &ManualOptions,
    photos: &Photos,
    progress: &mut dyn FnMut(),
) -> Book {
    let language = options.language;
    let w = words::words(language);
    let procedure_links: Vec<Link> = (selection.procedures.iter().enumerate())
        .map(|(n, p)| Link {
            key: format!("p{}", n + 1),
            number: (n + 1).to_string(),
            title: p.title.clone(),
        })
        .collect();
    let mut procedures: Vec<Part> = (selection.procedures.iter().zip(&procedure_links))
        .map(|(procedure, link)| {
            let part = part(records, procedure, link.clone(), options, photos);
            progress();
            part
        })
        .collect();
    let forms: Vec<Form> = (selection.checklists.iter().enumerate())
        .map(|(n, (checklist, verifies))| {
            let link = Link {
                key: format!("f{}", n + 1),
                number: format!("F{}", n + 1),
                title: checklist.title.clone(),
            };
            if let Some(part) = verifies.and_then(|index| procedures.get_mut(index)) {
                part.forms.push(link.clone());
            }
            let procedure = verifies.and_then(|index| procedure_links.get(index).cloned());
            let form = form(checklist, link, procedure, language);
            progress();
            form
        })
        .collect();
    name_photo_files(&mut procedures);
    let drafts = procedures.iter().any(|p| p.draft) || forms.iter().any(|f| f.draft);
    let date = words::long_date(options.today, language);
    let revision = manual_revision(selection).to_string();
    let mut cover = vec![
        Detail {
            label: w.date,
            value: date.clone(),
        },
        Detail {
            label: w.manual_revision,
            value: revision.clone(),
        },
    ];
    if let Some(last) = last_approval(selection) {
        cover.push(Detail {
            label: w.last_approval,
            value: words::long_date(last, language),
        });
    }
    Book {
        lang: language.code(),
        paper: match options.paper {
            Paper::A4 => "a4",
            Paper::Letter => "us-letter",
        },
        words: w,
        business: records.workspace.name.clone(),
        date,
        revision,
        cover,
        drafts,
        notice: if drafts {
            w.with_drafts
        } else {
            w.approved_only
        },
        procedures,
        forms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Number;

    fn spec(target: Option<f64>, min: Option<f64>, max: Option<f64>, unit: &str) -> Spec {
        Spec {
            what: String::new(),
            unit: unit.into(),
            target: target.and_then(Number::new),
            min: min.and_then(Number::new),
            max: max.and_then(Number::new),
        }
    }

    #[test]
    fn specs_read_as_target_and_bounds() {
        let en = Language::En;
        let value = |s: Spec| spec_value(&s, en);
        assert_eq!(
            value(spec(Some(65.0), Some(60.0), Some(70.0), "g")),
            "65 g (60–70 g)"
        );
        assert_eq!(value(spec(None, None, Some(5.0), "°C")), "≤ 5 °C");
        assert_eq!(value(spec(Some(65.0), None, None, "g")), "65 g");
        assert_eq!(value(spec(Some(3.0), Some(3.0), Some(3.0), "")), "3");
        assert_eq!(
            spec_value(&spec(Some(1.5), Some(1.0), None, "l"), Language::Nl),
            "1,5 l (≥ 1 l)"
        );
        assert_eq!(value(spec(None, None, None, "g")), "");
    }
}
