//! The defect log's and the defect form's words, in English and Dutch.

use crate::model::{ActionKind, DefectState, Severity};

crate::texts!(DefectWords {
    maker_current: "{maker} had read revision {revision} of {title} when the order was made ({day}).", "{maker} had revisie {revision} van {title} gelezen toen de bestelling gemaakt werd ({day}).";
    maker_not_current: "{maker} had not read revision {revision} of {title} when the order was made ({day}): think of the category {category}.", "{maker} had revisie {revision} van {title} niet gelezen toen de bestelling gemaakt werd ({day}): denk aan de categorie {category}.";
    title: "Defects", "Gebreken";
    counts_one: "1 defect, {open} open, {overdue} overdue", "1 gebrek, {open} open, {overdue} te laat";
    counts: "{total} defects, {open} open, {overdue} overdue", "{total} gebreken, {open} open, {overdue} te laat";
    state_all: "All", "Alle";
    state_open: "Open", "Open";
    state_fixed: "Fixed", "Opgelost";
    state_verified: "Verified", "Geverifieerd";
    overdue: "overdue", "te laat";
    overdue_only: "Overdue only", "Alleen te laat";
    all_categories: "All categories", "Alle categorieën";
    all_procedures: "All procedures", "Alle procedures";
    no_procedure: "(no procedure)", "(geen procedure)";
    none: "(none)", "(geen)";
    no_defects: "No defects match.", "Geen gebreken gevonden.";
    more_defects: "… and {count} more: narrow the search.", "… en nog {count}: zoek nauwkeuriger.";
    pick_defect: "Pick a defect on the left to see its causes and what is done about it.", "Kies links een gebrek om de oorzaken te zien en wat eraan gedaan wordt.";
    order_defect: "Order {order} · {defect}", "Bestelling {order} · {defect}";
    save: "Save defect", "Gebrek opslaan";
    open_order: "Open order", "Bestelling openen";
    discard: "Discard changes", "Wijzigingen weggooien";
    saved: "Saved", "Opgeslagen";
    unsaved: "Unsaved changes", "Niet opgeslagen";
    gone: "This defect is no longer in its order.", "Dit gebrek staat niet meer in zijn bestelling.";
    read_only: "This workspace is read-only.", "Deze werkmap is alleen-lezen.";
    category: "Category", "Categorie";
    severity: "Severity", "Ernst";
    minor: "Minor", "Gering";
    major: "Major", "Ernstig";
    critical: "Critical", "Kritiek";
    date_hint: "YYYY-MM-DD", "JJJJ-MM-DD";
    found: "Found", "Gevonden";
    found_by: "Found by", "Gevonden door";
    by_check: "The check", "De controle";
    by_staff: "Staff", "Medewerker";
    by_customer: "Customer", "Klant";
    procedure: "Procedure", "Procedure";
    step: "Step", "Stap";
    pick_procedure_first: "Pick a procedure to name the step.", "Kies een procedure om de stap te noemen.";
    description: "What was wrong", "Wat was er mis";
    description_hint: "What did you see? Weights, times, what the customer said.", "Wat zag je? Gewichten, tijden, wat de klant zei.";
    cost: "Cost in euros", "Kosten in euro";
    photos: "Photos", "Foto's";
    no_photos: "No photos.", "Geen foto's.";
    add_photo: "Add photo", "Foto toevoegen";
    remove: "Remove", "Weghalen";
    root_cause: "Root cause: five whys", "Grondoorzaak: vijf keer waarom";
    whys_hint: "Ask why it happened, then why that happened, until you reach something you can change.", "Vraag waarom het gebeurde, en dan waarom dat gebeurde, tot je bij iets komt dat je kunt veranderen.";
    why: "Why? ({n})", "Waarom? ({n})";
    add_why: "Add a why", "Waarom toevoegen";
    cause: "So the root cause is", "Dus de grondoorzaak is";
    action: "Action", "Actie";
    kind_correction: "Correction", "Correctie";
    kind_corrective: "Corrective", "Corrigerend";
    kind_preventive: "Preventive", "Preventief";
    explain_correction: "Puts this order right: made again, refunded.", "Zet deze bestelling recht: opnieuw gemaakt, terugbetaald.";
    explain_corrective: "Removes the cause, so it does not happen again.", "Neemt de oorzaak weg, zodat het niet opnieuw gebeurt.";
    explain_preventive: "Stops a cause that has not struck yet.", "Houdt een oorzaak tegen die nog niet heeft toegeslagen.";
    what: "What is done", "Wat er gedaan wordt";
    owner: "Who does it", "Wie het doet";
    due: "Due", "Klaar op";
    done: "Done", "Gedaan op";
    verified: "Verified on", "Geverifieerd op";
    verified_by: "Verified by", "Geverifieerd door";
    clear_action: "Clear the action", "Actie leegmaken";
    not_a_date: "not a date (YYYY-MM-DD)", "geen datum (JJJJ-MM-DD)";
    not_an_amount: "not an amount in euros, like 12,50", "geen bedrag in euro, zoals 12,50";
    negative: "a cost is not below zero", "kosten zijn niet negatief";
    field_error: "{field}: {error}", "{field}: {error}";
    category_missing: "Pick a category.", "Kies een categorie.";
    category_unknown: "Pick a category from the list: \u{201c}{category}\u{201d} is not one of the workspace's.", "Kies een categorie uit de lijst: \u{201c}{category}\u{201d} hoort niet bij de werkmap.";
    found_by_missing: "Pick who found it.", "Kies wie het vond.";
    description_missing: "Say what was wrong.", "Schrijf wat er mis was.";
    what_missing: "Say what is done about it, or clear the action.", "Schrijf wat eraan gedaan wordt, of maak de actie leeg.";
    kind_missing: "Pick the kind of action: correction, corrective or preventive.", "Kies de soort actie: correctie, corrigerend of preventief.";
    verified_not_done: "An action is verified only once it is done: fill in when it was done.", "Een actie wordt pas geverifieerd als hij gedaan is: vul in wanneer.";
    verified_before_done: "It was verified on {verified}, before it was done on {done}.", "Het is geverifieerd op {verified}, voor het gedaan was op {done}.";
    verifier_missing: "Pick who verified it.", "Kies wie het verifieerde.";
    verified_by_alone: "Fill in when it was verified, or pick nobody as verifier.", "Vul in wanneer het geverifieerd is, of kies niemand als verificateur.";
});

impl DefectWords {
    /// "Minor", "Major" or "Critical".
    pub fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Minor => self.minor,
            Severity::Major => self.major,
            Severity::Critical => self.critical,
        }
    }

    /// "Open", "Fixed" or "Verified".
    pub fn state(&self, state: DefectState) -> &'static str {
        match state {
            DefectState::Open => self.state_open,
            DefectState::Fixed => self.state_fixed,
            DefectState::Verified => self.state_verified,
        }
    }

    /// The kind of action and what it is for.
    pub fn kind(&self, kind: ActionKind) -> (&'static str, &'static str) {
        match kind {
            ActionKind::Correction => (self.kind_correction, self.explain_correction),
            ActionKind::Corrective => (self.kind_corrective, self.explain_corrective),
            ActionKind::Preventive => (self.kind_preventive, self.explain_preventive),
        }
    }
}
