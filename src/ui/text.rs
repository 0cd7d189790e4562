//! Every word the window shows, in English and Dutch. Kept apart from the widgets so a
//! translator reads one file, and a missing translation does not compile.

pub use crate::model::Language;

/// The window's words for a language.
pub trait Words {
    /// The words in this language.
    fn text(self) -> &'static Text;
}

impl Words for Language {
    fn text(self) -> &'static Text {
        Text::of(self)
    }
}

impl Text {
    /// The language these words are in.
    pub fn language(&self) -> Language {
        Language::from_code(self.language_code).unwrap_or_default()
    }
}

/// Declares a table of words with an English and a Dutch value for each; a screen may
/// keep its own table beside its widgets, as long as both languages are there.
///
/// `texts!(Name { word: "English", "Nederlands"; ... })` makes `Name` with one field a
/// word and `Name::of(language)`.
#[macro_export]
macro_rules! texts {
    ($table:ident { $($name:ident: $en:literal, $nl:literal;)* }) => {
        /// Words in one language.
        #[derive(Debug)]
        pub struct $table {
            $(#[allow(missing_docs)] pub $name: &'static str,)*
        }

        impl $table {
            /// The words in `language`.
            pub fn of(language: $crate::ui::text::Language) -> &'static $table {
                static EN: $table = $table { $($name: $en,)* };
                static NL: $table = $table { $($name: $nl,)* };
                match language {
                    $crate::ui::text::Language::En => &EN,
                    $crate::ui::text::Language::Nl => &NL,
                }
            }
        }
    };
}

texts!(Text {
    language_code: "en", "nl";
    app_name: "Right First", "Right First";
    procedures: "Procedures", "Procedures";
    checklists: "Checklists", "Checklijsten";
    orders: "Orders", "Bestellingen";
    defects: "Defects", "Gebreken";
    dashboard: "Dashboard", "Dashboard";
    print_manual: "Print manual", "Handboek afdrukken";
    problems: "Problems", "Problemen";
    settings: "Settings", "Instellingen";
    search: "Search (Ctrl+F)", "Zoeken (Ctrl+F)";
    new_procedure: "New procedure", "Nieuwe procedure";
    retrain: "Staff must read it again", "Het personeel moet het opnieuw lezen";
    retrain_yes: "Everyone who signed an earlier revision is out of date until they sign this one.", "Wie een eerdere revisie tekende, is niet meer bij tot hij deze tekent.";
    retrain_no: "A small fix (a typo): everyone who signed an earlier revision stays current.", "Een kleine verbetering (een tikfout): wie een eerdere revisie tekende, blijft bij.";
    new_checklist: "New checklist", "Nieuwe checklijst";
    untitled: "Untitled", "Zonder titel";
    nothing_selected: "Pick a procedure on the left, or make a new one (Ctrl+N).", "Kies links een procedure, of maak een nieuwe (Ctrl+N).";
    nothing_selected_checklist: "Pick a checklist on the left, or make a new one (Ctrl+N).", "Kies links een checklijst, of maak een nieuwe (Ctrl+N).";
    no_matches: "Nothing matches the search.", "Niets gevonden.";
    show_more: "Show {count} more", "Nog {count} tonen";
    title: "Title", "Titel";
    purpose: "Purpose", "Doel";
    scope: "Scope", "Toepassing";
    owner: "Owner", "Eigenaar";
    review_by: "Review by (YYYY-MM-DD)", "Herzien voor (JJJJ-MM-DD)";
    steps: "Steps", "Stappen";
    step_text: "What to do", "Wat je doet";
    warning: "Warning", "Waarschuwing";
    spec_what: "Measured", "Gemeten";
    spec_unit: "Unit", "Eenheid";
    spec_target: "Target", "Doel";
    spec_min: "Min", "Min";
    spec_max: "Max", "Max";
    add_step: "Add step", "Stap toevoegen";
    add_spec: "Add a measurable standard", "Meetbare norm toevoegen";
    remove_spec: "Remove standard", "Norm weghalen";
    add_step_photo: "Add photo", "Foto toevoegen";
    photo_earlier: "←", "←";
    photo_later: "→", "→";
    remove_photo: "Remove", "Weghalen";
    photo_missing: "Photo missing", "Foto ontbreekt";
    right_looks_like: "What right looks like", "Zo hoort het";
    move_up: "Up", "Omhoog";
    move_down: "Down", "Omlaag";
    delete: "Delete", "Verwijderen";
    save: "Save (Ctrl+S)", "Opslaan (Ctrl+S)";
    saved: "Saved", "Opgeslagen";
    unsaved: "Unsaved changes", "Niet opgeslagen";
    undo: "Undo", "Ongedaan maken";
    redo: "Redo", "Opnieuw";
    approve: "Approve", "Goedkeuren";
    approve_note: "What changed in this revision, and why?", "Wat is er veranderd in deze revisie, en waarom?";
    approve_confirm: "Approve revision", "Revisie goedkeuren";
    sign_with_pin: "Your PIN, to sign it", "Je pincode, om te tekenen";
    pin_not_right: "That PIN is not right.", "Die pincode klopt niet.";
    pin_wait: "Too many wrong PINs: try again in {seconds} seconds.", "Te vaak een verkeerde pincode: probeer het over {seconds} seconden opnieuw.";
    retire_confirm: "Retire “{what}”? It stays in the archive and out of the manual.", "“{what}” buiten gebruik stellen? Hij blijft in het archief en gaat uit het handboek.";
    cancel: "Cancel", "Annuleren";
    history: "History", "Geschiedenis";
    revision: "Revision", "Revisie";
    draft: "Draft", "Concept";
    approved: "Approved", "Goedgekeurd";
    retired: "Retired", "Ingetrokken";
    retire: "Retire", "Intrekken";
    approved_by_on: "approved by {by} on {on}", "goedgekeurd door {by} op {on}";
    editing_approved: "You are editing revision {next}: a draft. Revision {current} stays in force until an owner approves the draft.", "Je bewerkt revisie {next}: een concept. Revisie {current} blijft geldig tot een eigenaar het concept goedkeurt.";
    only_owner_approves: "Only an owner may approve. Ask {owners}.", "Alleen een eigenaar mag goedkeuren. Vraag het {owners}.";
    changes: "Changes", "Wijzigingen";
    archived_readonly: "Revision {rev}, archived: read only.", "Revisie {rev}, gearchiveerd: alleen lezen.";
    back_to_current: "Back to the current revision", "Terug naar de huidige revisie";
    view: "View", "Bekijken";
    confirm_delete: "Delete \u{201c}{what}\u{201d}? This removes its file from the workspace.", "\u{201c}{what}\u{201d} verwijderen? Het bestand verdwijnt uit de werkmap.";
    cannot_delete_approved: "An approved revision is kept for the record: retire it instead.", "Een goedgekeurde revisie blijft bewaard: trek hem in.";
    conflict: "This file changed on disk since you opened it.", "Dit bestand is op schijf veranderd sinds je het opende.";
    conflict_yours: "Your version", "Jouw versie";
    conflict_disk: "On disk", "Op schijf";
    keep_mine: "Keep mine (overwrite)", "Mijn versie bewaren (overschrijven)";
    take_disk: "Take the one on disk", "De versie op schijf nemen";
    config_kept: "It is kept as it is; choices made now last until the window closes.", "Het blijft zoals het is; wat je nu kiest, geldt tot het venster sluit.";
    crashed_before: "Right First stopped unexpectedly last time. What happened is written in {path}.", "Right First is de vorige keer onverwacht gestopt. Wat er gebeurde, staat in {path}.";
    changed_on_disk: "Another program or machine changed files of this workspace ({count}).", "Een ander programma of een andere computer heeft bestanden van deze werkmap veranderd ({count}).";
    reload: "Read them again (F5)", "Opnieuw inlezen (F5)";
    unsaved_reload: "Some work is not saved yet. Read the workspace again?", "Nog niet alles is bewaard. De werkmap opnieuw inlezen?";
    save_and_reload: "Save and read again", "Bewaren en opnieuw inlezen";
    reload_without_saving: "Read again without saving", "Opnieuw inlezen zonder bewaren";
    escape_keeps: "Escape does not throw away work that is not saved: save it with Ctrl+S, or press Cancel or Discard changes.", "Escape gooit niet-bewaard werk niet weg: bewaar het met Ctrl+S, of kies Annuleren of Wijzigingen weggooien.";
    unsaved_close: "Some work is not saved yet. Close the window?", "Nog niet alles is bewaard. Het venster sluiten?";
    unsaved_switch: "Some work is not saved yet. Open the other workspace?", "Nog niet alles is bewaard. De andere werkmap openen?";
    unsaved_new_order: "a new order", "een nieuwe bestelling";
    unsaved_check: "the check of order {order}", "de controle van bestelling {order}";
    unsaved_defect: "a defect of order {order}", "een gebrek bij bestelling {order}";
    unsaved_contact: "a customer contact on order {order}", "een klantcontact bij bestelling {order}";
    unsaved_procedure_import: "procedures read from {file}, not imported yet", "procedures gelezen uit {file}, nog niet geïmporteerd";
    unsaved_pasted_import: "procedures read from pasted text, not imported yet", "procedures gelezen uit geplakte tekst, nog niet geïmporteerd";
    unsaved_pasted_text: "text pasted to import, not read yet", "geplakte tekst om te importeren, nog niet gelezen";
    unsaved_order_import: "orders from {file}, not imported yet", "bestellingen uit {file}, nog niet geïmporteerd";
    import_not_saved: "Saving does not import this: import it here, or cancel it.", "Bewaren importeert dit niet: importeer het hier, of annuleer het.";
    save_and_close: "Save and close", "Bewaren en sluiten";
    close_without_saving: "Close without saving", "Sluiten zonder bewaren";
    save_and_switch: "Save and open it", "Bewaren en openen";
    switch_without_saving: "Open it without saving", "Openen zonder bewaren";
    keep_working: "Keep working", "Verder werken";
    not_all_saved: "Not everything could be saved: see the message here.", "Niet alles kon worden bewaard: zie de melding hier.";
    who_are_you: "Who are you?", "Wie ben je?";
    who_are_you_hint: "Pick yourself once on this machine. Only owners approve procedures.", "Kies jezelf, eenmaal op deze computer. Alleen eigenaars keuren procedures goed.";
    signed_in_as: "You are {name}", "Je bent {name}";
    switch_person: "Not you?", "Niet jij?";
    role_owner: "Owner", "Eigenaar";
    role_staff: "Staff", "Medewerker";
    opening: "Opening {path}…", "{path} openen…";
    reading_orders: "Reading orders: {done} of {total}", "Bestellingen lezen: {done} van {total}";
    reading_older: "Reading older orders… {done} of {total}. Lists and figures fill in as they come.", "Oudere bestellingen lezen… {done} van {total}. Lijsten en cijfers vullen zich aan terwijl ze binnenkomen.";
    open_failed: "Could not open the workspace", "Kon de werkmap niet openen";
    open_other: "Open workspace…", "Werkmap openen…";
    new_workspace: "New workspace…", "Nieuwe werkmap…";
    first_procedure: "No procedures yet. Write your first: the steps your team follows, with the standards each must meet.", "Nog geen procedures. Schrijf je eerste: de stappen die je team volgt, met de norm die elke stap moet halen.";
    first_checklist: "No checklists yet. A checklist is what a second person ticks on every order: write your first.", "Nog geen checklijsten. Een checklijst vinkt een tweede persoon af bij elke bestelling: schrijf je eerste.";
    first_checklist_needs_procedure: "A checklist checks a procedure: write and approve one first, under Procedures (Ctrl+1).", "Een checklijst controleert een procedure: schrijf en keur er eerst een goed, onder Procedures (Ctrl+1).";
    sample_banner: "This is the sample business, to look around in: nothing here is yours yet.", "Dit is het voorbeeldbedrijf, om in rond te kijken: niets hiervan is nog van jou.";
    start_your_own: "Start your own business", "Begin je eigen bedrijf";
    language: "Language", "Taal";
    language_workspace: "As the workspace", "Zoals de werkmap";
    theme: "Look", "Uiterlijk";
    theme_system: "As the system", "Zoals het systeem";
    theme_light: "Light", "Licht";
    theme_dark: "Dark", "Donker";
    workspace_folder: "Workspace folder", "Werkmap";
    desk_code: "Desk code of this computer", "Bureaucode van deze computer";
    desk_code_hint: "Goes into the ids of orders and defects made here (2026-12-AB0031, d3-ab), so that two desks sharing a folder never make the same id.", "Staat in de nummers van bestellingen en afwijkingen die hier gemaakt worden (2026-12-AB0031, d3-ab), zodat twee bureaus die een map delen nooit hetzelfde nummer maken.";
    desk_code_none: "Not picked yet: it is picked when a workspace is opened.", "Nog niet gekozen: die wordt gekozen als een werkmap opengaat.";
    desk_code_invalid: "one or two letters, A to Z", "één of twee letters, A tot Z";
    desk_code_owner: "An owner can change it.", "Een eigenaar kan hem wijzigen.";
    desk_code_save: "Save desk code", "Bureaucode opslaan";
    no_problems: "No problems: every file reads and checks clean.", "Geen problemen: elk bestand leest en klopt.";
    problems_intro: "Files with errors stay read-only until they are fixed by hand.", "Bestanden met fouten blijven alleen-lezen tot ze met de hand hersteld zijn.";
    read_only_newer: "This workspace was written by a newer Right First; nothing can be saved.", "Deze werkmap is geschreven door een nieuwere Right First; er kan niets worden opgeslagen.";
    items: "Items", "Onderdelen";
    prompt: "Prompt to the checker (\u{201c}You weigh…\u{201d})", "Opdracht aan de controleur (\u{201c}Je weegt…\u{201d})";
    add_item: "Add item", "Onderdeel toevoegen";
    kind: "Kind", "Soort";
    kind_tick: "Tick", "Afvinken";
    kind_measure: "Measure", "Meten";
    kind_choice: "Choice", "Keuze";
    kind_text: "Text", "Tekst";
    critical: "Critical", "Kritiek";
    four_eyes: "Four eyes: the checker may not be the maker", "Vier ogen: de controleur is niet de maker";
    linked_procedure: "Procedure", "Procedure";
    linked_step: "Verifies step", "Controleert stap";
    none: "(none)", "(geen)";
    options: "Options", "Mogelijkheden";
    option: "Option", "Mogelijkheid";
    add_option: "Add option", "Mogelijkheid toevoegen";
    passes: "Passes", "Goed";
    passes_hint: "Tick the options that pass; any other answer fails the item.", "Vink de mogelijkheden aan die goed zijn; elk ander antwoord keurt het onderdeel af.";
    measure_hint: "An empty min or max sets no bound on that side.", "Een lege min of max is geen grens aan die kant.";
    remove: "Remove", "Weghalen";
    remove_stray: "Remove the passing answers that are not options", "Goede antwoorden weghalen die geen mogelijkheid zijn";
    link_procedure_first: "Link a procedure above to pick the step.", "Koppel hierboven een procedure om de stap te kiezen.";
    step_gone: "Step \u{201c}{step}\u{201d} is no longer in the procedure: pick the step this item verifies now.", "Stap \u{201c}{step}\u{201d} staat niet meer in de procedure: kies de stap die dit onderdeel nu controleert.";
    prompt_missing: "Say what the checker does.", "Schrijf wat de controleur doet.";
    min_above_max: "Min {min} is above max {max}.", "Min {min} is hoger dan max {max}.";
    no_options: "Give at least one option.", "Geef minstens één mogelijkheid.";
    option_empty: "An option is empty.", "Een mogelijkheid is leeg.";
    option_twice: "Option \u{201c}{what}\u{201d} is there twice.", "Mogelijkheid \u{201c}{what}\u{201d} staat er twee keer.";
    pass_not_option: "Passing answer \u{201c}{what}\u{201d} is not one of the options.", "Goed antwoord \u{201c}{what}\u{201d} staat niet bij de mogelijkheden.";
    not_a_number: "not a number", "geen getal";
    not_a_date: "not a date (YYYY-MM-DD)", "geen datum (JJJJ-MM-DD)";
    fix_before_saving: "Fix the marked fields before saving.", "Herstel eerst de gemarkeerde velden.";
    not_to_checker: "This prompt does not speak to the checker: write \u{201c}You weigh the ball.\u{201d}", "Deze opdracht spreekt de controleur niet aan: schrijf \u{201c}Je weegt het bolletje.\u{201d}";
    second_person_hint: "Write prompts to the checker: \u{201c}You weigh the ball.\u{201d}", "Schrijf opdrachten aan de controleur: \u{201c}Je weegt het bolletje.\u{201d}";
});

pub use crate::model::fill;
