//! The fixed words of the printed training matrix, in English and Dutch.

use serde::Serialize;

use crate::model::Language;

/// Every fixed word the printout uses; `{name}` marks are filled by [`crate::model::fill`].
#[derive(Debug, Serialize)]
pub(crate) struct Words {
    pub title: &'static str,
    pub judged: &'static str,
    pub person: &'static str,
    pub current: &'static str,
    pub out_of_date: &'static str,
    pub never: &'static str,
    pub rev: &'static str,
    pub signed_rev: &'static str,
    pub rule: &'static str,
    pub no_people: &'static str,
    pub no_procedures: &'static str,
    pub records: &'static str,
    pub record: &'static str,
    pub summary: &'static str,
    pub signed_on: &'static str,
    pub procedure: &'static str,
    pub revision: &'static str,
    pub how: &'static str,
    pub at_desk: &'static str,
    pub on_paper: &'static str,
    pub no_signatures: &'static str,
    pub page: &'static str,
    pub of: &'static str,
}

const EN: Words = Words {
    title: "Training matrix",
    judged: "Who knows the procedures in force on {day}",
    person: "Person",
    current: "Current",
    out_of_date: "Out of date",
    never: "Never",
    rev: "rev. {n}",
    signed_rev: "signed rev. {n}",
    rule: "Current: signed the revision in force, or an earlier one after which no revision asked everyone to read it again. Out of date: signed only a revision overtaken since. Never: signed no revision.",
    no_people: "Nobody on the staff.",
    no_procedures: "No approved procedure is in force.",
    records: "Training records",
    record: "Training record",
    summary: "Current on {count} of {total} procedures in force.",
    signed_on: "Signed on",
    procedure: "Procedure",
    revision: "Revision",
    how: "Signed",
    at_desk: "At the desk",
    on_paper: "On paper, recorded by {name}",
    no_signatures: "Has not signed any procedure.",
    page: "Page",
    of: "of",
};

const NL: Words = Words {
    title: "Trainingsmatrix",
    judged: "Wie de geldende procedures kent, op {day}",
    person: "Persoon",
    current: "Actueel",
    out_of_date: "Verouderd",
    never: "Nooit",
    rev: "rev. {n}",
    signed_rev: "rev. {n} getekend",
    rule: "Actueel: tekende de geldende revisie, of een eerdere waarna geen revisie iedereen opnieuw liet lezen. Verouderd: tekende alleen een revisie die sindsdien is ingehaald. Nooit: tekende geen enkele revisie.",
    no_people: "Er staat niemand in het personeel.",
    no_procedures: "Er geldt geen goedgekeurde procedure.",
    records: "Trainingsoverzicht per persoon",
    record: "Trainingsoverzicht",
    summary: "Actueel op {count} van {total} geldende procedures.",
    signed_on: "Getekend op",
    procedure: "Procedure",
    revision: "Revisie",
    how: "Getekend",
    at_desk: "Aan de balie",
    on_paper: "Op papier, vastgelegd door {name}",
    no_signatures: "Heeft nog geen procedure getekend.",
    page: "Pagina",
    of: "van",
};

/// The words in `language`.
pub(crate) fn words(language: Language) -> &'static Words {
    match language {
        Language::En => &EN,
        Language::Nl => &NL,
    }
}
