//! The check runner's words, in English and Dutch. Prompts come from the checklist file
//! and are shown as written.

crate::texts!(CheckWords {
    checklist: "Checklist", "Checklijst";
    pick_checklist: "Pick a checklist", "Kies een checklijst";
    pick_checklist_hint: "Pick the checklist for this order to start the check.", "Kies de checklijst voor deze bestelling om de controle te beginnen.";
    no_checklists: "There is no approved checklist yet: an owner approves one under Checklists.", "Er is nog geen goedgekeurde checklijst: een eigenaar keurt er een goed onder Checklijsten.";
    checker: "Checked by", "Gecontroleerd door";
    pick_checker: "Pick who checks", "Kies wie controleert";
    checking_for: "You are signed in as {me}; the check is saved as done by {checker}.", "Je bent aangemeld als {me}; de controle wordt opgeslagen als gedaan door {checker}.";
    maker_may_not_check: "{maker} made this order, so someone else must check it:", "{maker} heeft deze bestelling gemaakt, dus iemand anders moet hem controleren:";
    nobody_else: "{maker} made this order, so someone else must check it, and there is nobody else on the staff. Add a second person in the workspace first.", "{maker} heeft deze bestelling gemaakt, dus iemand anders moet hem controleren, en er staat niemand anders in het personeel. Voeg eerst een tweede persoon toe.";
    critical: "Critical", "Kritiek";
    pass: "Pass", "Goed";
    fail: "Fail", "Fout";
    not_applicable: "Not applicable", "Niet van toepassing";
    value: "Value", "Waarde";
    in_bounds: "in bounds", "binnen de grenzen";
    out_of_bounds: "out of bounds", "buiten de grenzen";
    not_a_number: "not a number", "geen getal";
    at_least: "at least {min} {unit}", "minstens {min} {unit}";
    at_most: "at most {max} {unit}", "hoogstens {max} {unit}";
    pick_option: "Pick one", "Kies er een";
    passes: "passes", "goed";
    fails: "fails", "fout";
    write_here: "Write what you see", "Schrijf op wat je ziet";
    add_photo: "Add photo", "Foto toevoegen";
    remove: "Remove", "Weghalen";
    answer_this: "Answer this critical item.", "Beantwoord dit kritieke punt.";
    answered: "{answered} of {total} answered", "{answered} van {total} beantwoord";
    failed_count: "{failed} failed", "{failed} fout";
    would_pass: "The check passes.", "De controle is goed.";
    would_fail: "The check fails: a critical item failed.", "De controle is afgekeurd: een kritiek punt is fout.";
    critical_open: "Critical items still open: {open}.", "Kritieke punten nog open: {open}.";
    save_check: "Save check", "Controle opslaan";
    cancel: "Cancel", "Annuleren";
    refuse_no_checklist: "Pick a checklist first.", "Kies eerst een checklijst.";
    refuse_gone: "This checklist is no longer approved: pick another.", "Deze checklijst is niet meer goedgekeurd: kies een andere.";
    refuse_no_checker: "Pick who checks before saving.", "Kies wie controleert voordat je opslaat.";
    refuse_four_eyes: "{maker} made this order and may not check it: pick someone else.", "{maker} heeft deze bestelling gemaakt en mag hem niet controleren: kies iemand anders.";
    refuse_critical: "Answer the critical item \u{201c}{prompt}\u{201d} before saving.", "Beantwoord het kritieke punt \u{201c}{prompt}\u{201d} voordat je opslaat.";
    refuse_criticals: "Answer the {count} critical items marked below before saving.", "Beantwoord de {count} gemarkeerde kritieke punten voordat je opslaat.";
    refuse_number: "Write a number for \u{201c}{prompt}\u{201d}, or mark it not applicable.", "Vul een getal in bij \u{201c}{prompt}\u{201d}, of markeer het als niet van toepassing.";
    refuse_photo: "Answer \u{201c}{prompt}\u{201d}, or remove its photo.", "Beantwoord \u{201c}{prompt}\u{201d}, of haal de foto weg.";
    revision_changed: "The checklist was changed to revision {revision} while you were checking: look over your answers, then save again.", "De checklijst is veranderd naar revisie {revision} terwijl je controleerde: kijk je antwoorden na en sla opnieuw op.";
});
