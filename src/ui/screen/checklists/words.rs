//! The checklist editor's own words, in English and Dutch (the shared ones are in
//! `ui/text.rs`).

crate::texts!(ChecklistWords {
    bounds_differ: "The step's standard is {standard}: this item's bounds differ from it. Use the same, or the two drift apart.", "De norm van de stap is {standard}: de grenzen van dit punt wijken daarvan af. Neem dezelfde, anders lopen ze uit elkaar.";
    title_missing: "Give the checklist a title.", "Geef de checklijst een titel.";
    critical_hint: "Critical: if it fails or is left empty, the check fails and the order must not go out.", "Kritiek: is het fout of leeg, dan is de controle afgekeurd en mag de bestelling niet weg.";
});
