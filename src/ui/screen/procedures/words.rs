//! The procedure editor's own words, in English and Dutch (the shared ones are in
//! `ui/text.rs`).

crate::texts!(ProcedureWords {
    title_missing: "Give the procedure a title.", "Geef de procedure een titel.";
    date_placeholder: "YYYY-MM-DD", "JJJJ-MM-DD";
    a_year_from_today: "One year from today", "Over een jaar";
});
