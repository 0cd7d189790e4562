//! The orders screen's words, in English and Dutch.

use crate::model::CheckState;
use crate::ui::text::fill;
use crate::ui::theme::Badge;

crate::texts!(OrderWords {
    new_order: "New order", "Nieuwe bestelling";
    import_csv: "Import CSV…", "CSV importeren…";
    import_resume: "Import {file}…", "{file} importeren…";
    importing: "Importing {done} of {total} orders…", "{done} van {total} bestellingen geïmporteerd…";
    filter_all: "All", "Alle";
    filter_unchecked: "Not yet checked", "Nog niet gecontroleerd";
    filter_failed: "Check failed", "Controle afgekeurd";
    filter_open: "Open defects", "Open gebreken";
    filter_alarm: "Over the contacts alarm", "Boven het contactalarm";
    no_orders: "No orders match.", "Geen bestellingen gevonden.";
    more_orders: "… and {count} more: narrow the search.", "… en nog {count}: zoek nauwkeuriger.";
    work_not_saved: "Unsaved work", "Werk niet bewaard";
    pick_order: "Pick an order on the left, or make a new one (Ctrl+N).", "Kies links een bestelling, of maak een nieuwe (Ctrl+N).";
    first_order: "No orders yet. Make one with New order (Ctrl+N), or bring your till's or webshop's export with Import CSV….", "Nog geen bestellingen. Maak er een met Nieuwe bestelling (Ctrl+N), of haal de export van je kassa of webwinkel binnen met CSV importeren….";
    order_number: "Order number", "Bestelnummer";
    placed: "Placed", "Besteld op";
    customer: "Customer", "Klant";
    product: "Product", "Product";
    maker: "Made by", "Gemaakt door";
    id_taken: "an order with this number exists already", "er is al een bestelling met dit nummer";
    product_missing: "Say what was made.", "Vul in wat er gemaakt is.";
    maker_missing: "Pick who made it.", "Kies wie het gemaakt heeft.";
    save_order: "Save order", "Bestelling opslaan";
    cancel: "Cancel", "Annuleren";
    back: "Back to the order", "Terug naar de bestelling";
    run_check: "Run a check (Ctrl+K)", "Controle uitvoeren (Ctrl+K)";
    log_defect: "Log a defect (Ctrl+D)", "Gebrek vastleggen (Ctrl+D)";
    log_contact: "Log a contact (Ctrl+L)", "Klantcontact vastleggen (Ctrl+L)";
    record_pdf: "QC record (PDF)…", "Kwaliteitsrecord (PDF)…";
    record_html: "QC record (HTML)…", "Kwaliteitsrecord (HTML)…";
    checks: "Checks", "Controles";
    no_checks: "Not checked yet.", "Nog niet gecontroleerd.";
    passed: "Passed", "Goedgekeurd";
    passed_with: "Passed with {count} not OK", "Goedgekeurd met {count} niet in orde";
    failed: "Failed", "Afgekeurd";
    not_finished: "Not finished", "Niet klaar";
    by_at: "{who}, {at}", "{who}, {at}";
    revision_short: "rev. {revision}", "rev. {revision}";
    item_pass: "pass", "goed";
    item_fail: "fail", "fout";
    item_na: "n/a", "n.v.t.";
    item_missing: "no answer", "geen antwoord";
    defects: "Defects", "Gebreken";
    no_defects: "No defects.", "Geen gebreken.";
    state_open: "Open", "Open";
    state_fixed: "Fixed", "Opgelost";
    state_verified: "Verified", "Geverifieerd";
    overdue: "overdue", "te laat";
    minor: "Minor", "Klein";
    major: "Major", "Groot";
    critical: "Critical", "Kritiek";
    contacts: "Customer contacts", "Klantcontacten";
    no_contacts: "No contacts.", "Geen contacten.";
    contact_count_one: "1 contact; the alarm is above {alarm}", "1 contact; het alarm gaat boven {alarm}";
    contact_count: "{count} contacts; the alarm is above {alarm}", "{count} contacten; het alarm gaat boven {alarm}";
    over_alarm: "Over the alarm", "Boven het alarm";
    apologised: "apologised", "excuses gemaakt";
    channel: "How", "Hoe";
    about: "About", "Waarover";
    about_hint: "What did the customer say?", "Wat zei de klant?";
    apology: "We apologised", "We hebben excuses gemaakt";
    taken_by: "Taken by", "Aangenomen door";
    about_missing: "Say what the contact was about.", "Vul in waar het contact over ging.";
    taken_by_missing: "Pick who took the contact.", "Kies wie het contact aannam.";
    save_contact: "Save contact", "Contact opslaan";
    phone: "Phone", "Telefoon";
    email: "Email", "E-mail";
    in_person: "In person", "Aan de balie";
    web: "Web or review", "Web of recensie";
    social: "Social media", "Sociale media";
    proposal: "The check failed on an item. Confirm this defect, or change it first ({left} to go).", "De controle keurde iets af. Bevestig dit gebrek, of pas het eerst aan (nog {left}).";
    confirm_defect: "Confirm defect", "Gebrek bevestigen";
    skip_defect: "Not a defect", "Geen gebrek";
    save_defect: "Save defect", "Gebrek opslaan";
    check_saved: "Check saved.", "Controle opgeslagen.";
    imported: "Orders imported: {imported}. Already there and left as they were: {skipped}.", "Bestellingen geïmporteerd: {imported}. Al aanwezig en niet veranderd: {skipped}.";
    saved: "Saved.", "Opgeslagen.";
    intake_title: "Import {file}", "{file} importeren";
    kind_right_first: "Right First's own columns: one row per order.", "De eigen kolommen van Right First: één regel per bestelling.";
    kind_shopify: "A Shopify orders export: read as it is.", "Een bestellingenexport van Shopify: wordt gelezen zoals hij is.";
    kind_woocommerce: "A WooCommerce order export: read as it is.", "Een bestellingenexport van WooCommerce: wordt gelezen zoals hij is.";
    kind_remembered: "The columns chosen for an earlier file with this header.", "De kolommen die gekozen zijn voor een eerder bestand met deze kop.";
    kind_new: "A new kind of file: choose which column holds what. The choice is remembered for files with this header.", "Een nieuw soort bestand: kies welke kolom wat bevat. De keuze wordt onthouden voor bestanden met deze kop.";
    quantity: "Quantity", "Aantal";
    choose_column: "Choose a column", "Kies een kolom";
    add_column: "Add a column…", "Kolom toevoegen…";
    no_column: "(none)", "(geen)";
    maker_column: "Column “{column}”", "Kolom “{column}”";
    choose_maker: "A column, or one person for the whole file", "Een kolom, of één persoon voor het hele bestand";
    day_first: "Dates are day first: 05-11-2026 is 5 November", "Datums beginnen met de dag: 05-11-2026 is 5 november";
    maker_needed: "Choose who made the orders: a column of the file, or one person for all of them.", "Kies wie de bestellingen gemaakt heeft: een kolom van het bestand, of één persoon voor allemaal.";
    choose_columns: "Choose the columns of the order number, the date and the product.", "Kies de kolommen van het bestelnummer, de datum en het product.";
    first_orders: "The first {count} of {total} orders:", "De eerste {count} van {total} bestellingen:";
    more_problems: "… and {count} more lines.", "… en nog {count} regels.";
    import_count: "Import {count} orders", "{count} bestellingen importeren";
    import_one: "Import 1 order", "1 bestelling importeren";
    read_only: "This workspace is read-only.", "Deze werkmap is alleen-lezen.";
});

/// A check's state as a badge says it, and the badge's colour: the order's page and the
/// orders list show the same.
pub fn state_badge(state: CheckState, words: &OrderWords) -> (String, Badge) {
    match state {
        CheckState::Failed => (words.failed.to_owned(), Badge::Alarm),
        CheckState::PassedWithNotOk(count) => (
            fill(words.passed_with, &[("count", &count.to_string())]),
            Badge::Draft,
        ),
        CheckState::Passed => (words.passed.to_owned(), Badge::Approved),
        CheckState::NotFinished { .. } => (words.not_finished.to_owned(), Badge::Draft),
    }
}
