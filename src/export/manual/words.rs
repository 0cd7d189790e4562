//! The fixed words of the manual, in English and Dutch.

use serde::Serialize;

use crate::model::{Date, Language};

/// Every fixed word the manual prints; the template gets them as data, beside the user's text.
#[derive(Debug, Serialize)]
pub(crate) struct Words {
    pub manual: &'static str,
    pub contents: &'static str,
    pub procedures: &'static str,
    pub forms: &'static str,
    pub date: &'static str,
    pub manual_revision: &'static str,
    pub last_approval: &'static str,
    pub approved_only: &'static str,
    pub with_drafts: &'static str,
    pub revision: &'static str,
    pub owner: &'static str,
    pub approved_by: &'static str,
    pub approved_on: &'static str,
    pub review_by: &'static str,
    pub overdue: &'static str,
    pub status: &'static str,
    pub draft: &'static str,
    pub draft_note: &'static str,
    pub purpose: &'static str,
    pub scope: &'static str,
    pub steps: &'static str,
    pub standard: &'static str,
    pub warning: &'static str,
    pub photo: &'static str,
    pub photo_missing: &'static str,
    pub history: &'static str,
    pub on: &'static str,
    pub by: &'static str,
    pub change: &'static str,
    pub no_history: &'static str,
    pub checked_with: &'static str,
    pub form: &'static str,
    pub procedure: &'static str,
    pub page: &'static str,
    pub of: &'static str,
    pub page_short: &'static str,
    pub order_number: &'static str,
    pub made_by: &'static str,
    pub checked_by: &'static str,
    pub name: &'static str,
    pub signature: &'static str,
    pub item: &'static str,
    pub answer: &'static str,
    pub ok: &'static str,
    pub not_ok: &'static str,
    pub not_applicable: &'static str,
    pub circle_one: &'static str,
    pub critical: &'static str,
    pub critical_note: &'static str,
    pub pass_note: &'static str,
    pub four_eyes: &'static str,
    pub result: &'static str,
    pub passed: &'static str,
    pub failed: &'static str,
    pub remarks: &'static str,
}

const EN: Words = Words {
    manual: "Procedure manual",
    contents: "Contents",
    procedures: "Procedures",
    forms: "Checklist forms",
    date: "Date",
    manual_revision: "Manual revision",
    last_approval: "Last approval",
    approved_only: "This manual holds the approved revision of every procedure and checklist in it.",
    with_drafts: "This manual includes drafts. A draft is not approved and not in force; its pages say DRAFT.",
    revision: "Revision",
    owner: "Owner",
    approved_by: "Approved by",
    approved_on: "Approved on",
    review_by: "Review by",
    overdue: "overdue",
    status: "Status",
    draft: "DRAFT",
    draft_note: "Draft: not approved, not in force",
    purpose: "Purpose",
    scope: "Scope",
    steps: "Steps",
    standard: "Standard",
    warning: "Warning",
    photo: "Photo",
    photo_missing: "Photo missing",
    history: "Revision history",
    on: "Date",
    by: "By",
    change: "What changed",
    no_history: "No changes recorded yet.",
    checked_with: "Checked with",
    form: "Form",
    procedure: "Procedure",
    page: "Page",
    of: "of",
    page_short: "page",
    order_number: "Order number",
    made_by: "Made by",
    checked_by: "Checked by",
    name: "Name",
    signature: "Signature",
    item: "Check item",
    answer: "Answer",
    ok: "OK",
    not_ok: "Not OK",
    not_applicable: "N/A",
    circle_one: "circle one",
    critical: "Critical",
    critical_note: "A critical item that fails or is left empty fails the whole check.",
    pass_note: "Answers in bold pass.",
    four_eyes: "Four eyes: the checker is someone other than the maker.",
    result: "Result",
    passed: "Passed",
    failed: "Failed",
    remarks: "Remarks",
};

const NL: Words = Words {
    manual: "Procedurehandboek",
    contents: "Inhoud",
    procedures: "Procedures",
    forms: "Controleformulieren",
    date: "Datum",
    manual_revision: "Versie handboek",
    last_approval: "Laatste goedkeuring",
    approved_only: "Dit handboek bevat van elke procedure en checklist de goedgekeurde versie.",
    with_drafts: "Dit handboek bevat concepten. Een concept is niet goedgekeurd en nog niet van kracht; op de pagina's staat CONCEPT.",
    revision: "Versie",
    owner: "Eigenaar",
    approved_by: "Goedgekeurd door",
    approved_on: "Goedgekeurd op",
    review_by: "Herzien vóór",
    overdue: "verlopen",
    status: "Status",
    draft: "CONCEPT",
    draft_note: "Concept: niet goedgekeurd, nog niet van kracht",
    purpose: "Doel",
    scope: "Toepassing",
    steps: "Werkwijze",
    standard: "Norm",
    warning: "Let op",
    photo: "Foto",
    photo_missing: "Foto ontbreekt",
    history: "Wijzigingen",
    on: "Datum",
    by: "Door",
    change: "Wat is er veranderd",
    no_history: "Nog geen wijzigingen vastgelegd.",
    checked_with: "Gecontroleerd met",
    form: "Formulier",
    procedure: "Procedure",
    page: "Pagina",
    of: "van",
    page_short: "blz.",
    order_number: "Bestelnummer",
    made_by: "Gemaakt door",
    checked_by: "Gecontroleerd door",
    name: "Naam",
    signature: "Handtekening",
    item: "Controlepunt",
    answer: "Antwoord",
    ok: "Goed",
    not_ok: "Fout",
    not_applicable: "N.v.t.",
    circle_one: "omcirkel één",
    critical: "Kritisch",
    critical_note: "Een kritisch punt dat fout is of leeg blijft, keurt de hele controle af.",
    pass_note: "Vetgedrukte antwoorden zijn goed.",
    four_eyes: "Vier ogen: de controleur is iemand anders dan de maker.",
    result: "Uitslag",
    passed: "Goedgekeurd",
    failed: "Afgekeurd",
    remarks: "Opmerkingen",
};

/// The words for a language.
pub(crate) fn words(language: Language) -> &'static Words {
    match language {
        Language::En => &EN,
        Language::Nl => &NL,
    }
}

/// `23 November 2026` or `23 november 2026`: a cover's date, as people write it.
pub(crate) fn long_date(date: Date, language: Language) -> String {
    const EN_MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const NL_MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let months = match language {
        Language::En => &EN_MONTHS,
        Language::Nl => &NL_MONTHS,
    };
    let month = usize::try_from(date.month() - 1)
        .ok()
        .and_then(|n| months.get(n));
    match month {
        Some(month) => format!("{} {month} {}", date.day(), date.year()),
        None => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_dates_read_as_people_write_them() {
        let day = Date::new(2026, 11, 3).unwrap();
        assert_eq!(long_date(day, Language::En), "3 November 2026");
        assert_eq!(long_date(day, Language::Nl), "3 november 2026");
    }
}
