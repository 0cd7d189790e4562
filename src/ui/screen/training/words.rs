//! The training matrix screen's words, in English and Dutch.

crate::texts!(MatrixWords {
    title: "Training", "Opleiding";
    intro: "Who has read the revision in force of each procedure. Click a name for that person's history.", "Wie de geldende revisie van elke procedure gelezen heeft. Klik op een naam voor de geschiedenis van die persoon.";
    owners_only: "Only an owner sees the training matrix. Ask {owners}.", "Alleen een eigenaar ziet de opleidingsmatrix. Vraag het {owners}.";
    nothing: "No approved procedure is in force yet, or nobody is on the staff.", "Er geldt nog geen goedgekeurde procedure, of er staat niemand in het personeel.";
    person: "Person", "Persoon";
    procedure: "Procedure", "Procedure";
    state: "State", "Stand";
    everyone: "Everyone", "Iedereen";
    every_procedure: "Every procedure", "Elke procedure";
    any_state: "Any state", "Elke stand";
    current: "Current", "Bij";
    out_of_date: "Out of date", "Verouderd";
    out_of_date_rev: "Out of date (rev {signed})", "Verouderd (rev {signed})";
    never: "Never", "Nooit";
    rev: "rev {rev}", "rev {rev}";
    none_match: "Nothing matches these filters.", "Niets voldoet aan deze filters.";
    history: "Training history of {name}", "Opleidingsgeschiedenis van {name}";
    no_signatures: "{name} has signed nothing yet.", "{name} heeft nog niets getekend.";
    at_desk: "at the desk", "aan de balie";
    on_paper: "on paper, recorded by {owner}", "op papier, vastgelegd door {owner}";
    back: "Back to the matrix", "Terug naar de matrix";
    print_pdf: "Save as PDF…", "Opslaan als PDF…";
    print_html: "Save as web page…", "Opslaan als webpagina…";
    written: "Saved: {path}", "Opgeslagen: {path}";
    not_written: "Not saved: {why}", "Niet opgeslagen: {why}";
    no_dialog: "No save dialog could open on this computer.", "Er kon geen venster om op te slaan openen op deze computer.";
});
