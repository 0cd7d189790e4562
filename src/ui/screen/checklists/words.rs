//! The checklist editor's own words, in English and Dutch (the shared ones are in
//! `ui/text.rs`).

crate::texts!(ChecklistWords {
    title_missing: "Give the checklist a title.", "Geef de checklijst een titel.";
    critical_hint: "Critical: if it fails or is left empty, the check fails and the order must not go out.", "Kritiek: is het fout of leeg, dan is de controle afgekeurd en mag de bestelling niet weg.";
});
