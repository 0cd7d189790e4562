//! The procedure editor's own words, in English and Dutch (the shared ones are in
//! `ui/text.rs`).

crate::texts!(ProcedureWords {
    title_missing: "Give the procedure a title.", "Geef de procedure een titel.";
    date_placeholder: "YYYY-MM-DD", "JJJJ-MM-DD";
    a_year_from_today: "One year from today", "Over een jaar";
});

crate::texts!(IntakeWords {
    import_procedures: "Import procedures…", "Procedures importeren…";
    heading: "Import procedures", "Procedures importeren";
    rules: "From a Word, Markdown or text file, or text pasted below: each top-level heading starts a procedure, numbered items (1. or 1)) are its steps, and a paragraph starting Warning: or Let op: is the warning of the step before it. You see everything before anything is written.", "Uit een Word-, Markdown- of tekstbestand, of hieronder geplakte tekst: elke kop van het hoogste niveau begint een procedure, genummerde regels (1. of 1)) zijn de stappen, en een alinea die begint met Let op: of Waarschuwing: is de waarschuwing van de stap ervoor. Je ziet alles voordat er iets wordt opgeslagen.";
    choose_file: "Choose a file…", "Kies een bestand…";
    or_paste: "Or paste the text here (Ctrl+V):", "Of plak de tekst hier (Ctrl+V):";
    paste_placeholder: "Scooping ice cream\n1. Dip the scoop in the warm water bath.\n2. Weigh the ball: 60-70 g.\nWarning: never press the ice cream.", "Bolletjes scheppen\n1. Doop de schep in het warme water.\n2. Weeg de bol: 60-70 g.\nLet op: druk het ijs nooit aan.";
    read_pasted: "Read the pasted text", "Lees de geplakte tekst";
    reading: "Reading…", "Bezig met lezen…";
    pasted: "pasted text", "geplakte tekst";
    untitled: "Imported procedure", "Geïmporteerde procedure";
    found: "Found in {source}: {count}. Untick what you do not want and change anything before importing; each becomes a draft.", "Gevonden in {source}: {count}. Vink uit wat je niet wilt en pas aan wat nodig is; elk wordt een concept.";
    procedure_one: "1 procedure", "1 procedure";
    procedure_many: "{count} procedures", "{count} procedures";
    take: "Import procedure {n}", "Procedure {n} importeren";
    step: "Step {n}", "Stap {n}";
    warning: "Warning", "Waarschuwing";
    spec_read_from: "read from “{found}”", "gelezen uit “{found}”";
    left_out: "Left out:", "Weggelaten:";
    left_no_steps: "{at}“{text}”: no numbered steps under this heading", "{at}“{text}”: geen genummerde stappen onder deze kop";
    left_warning: "{at}“{text}”: a warning before any step", "{at}“{text}”: een waarschuwing vóór de eerste stap";
    line: "line {n}: ", "regel {n}: ";
    import_n: "Import {count}", "{count} importeren";
    back: "Back", "Terug";
    cancel: "Cancel", "Annuleren";
    writing: "Writing…", "Bezig met opslaan…";
    none_taken: "Tick at least one procedure to import.", "Vink minstens één procedure aan om te importeren.";
    no_title: "Procedure {n} has no title.", "Procedure {n} heeft geen titel.";
    bad_spec: "{title}, step {n}: {why}", "{title}, stap {n}: {why}";
    imported: "Imported {count} as drafts.", "{count} geïmporteerd als concept.";
    not_imported: "Nothing was imported: {why}", "Er is niets geïmporteerd: {why}";
    not_a_kind: "{file} is none of the kinds procedures are read from: choose a Word (.docx), Markdown (.md) or text (.txt) file.", "{file} is geen van de soorten waaruit procedures worden gelezen: kies een Word- (.docx), Markdown- (.md) of tekstbestand (.txt).";
    read_failed: "Could not read {file}: {why}", "Kon {file} niet lezen: {why}";
    too_large: "{file} is {size} MiB; at most 50 MiB can be imported.", "{file} is {size} MiB; er kan hoogstens 50 MiB tegelijk worden geïmporteerd.";
    not_word: "{file} is not a Word document (.docx). Open it in Word and save it as a Word document.", "{file} is geen Word-document (.docx). Open het in Word en sla het op als Word-document.";
    old_word: "{file} is an old Word file (.doc). Open it in Word and save it as a Word document (.docx).", "{file} is een oud Word-bestand (.doc). Open het in Word en sla het op als Word-document (.docx).";
    password: "{file} is password-protected. Open it in Word, remove the password and save it, then import it again.", "{file} is beveiligd met een wachtwoord. Open het in Word, haal het wachtwoord weg en sla het op; importeer het dan opnieuw.";
    damaged: "{file} is damaged: {why}", "{file} is beschadigd: {why}";
    not_utf8: "{file}, line {line}: this is not UTF-8 text. Save the file as UTF-8 and try again.", "{file}, regel {line}: dit is geen UTF-8-tekst. Sla het bestand op als UTF-8 en probeer het opnieuw.";
    empty: "{file} is empty: there is no text in it.", "{file} is leeg: er staat geen tekst in.";
    no_steps: "{file} has no steps: a procedure's steps are numbered items (1. or 1), or Word's numbering) under a heading.", "{file} heeft geen stappen: de stappen van een procedure zijn genummerde regels (1. of 1), of Word-nummering) onder een kop.";
});
