//! What the editor says above the form, kept as what it means rather than as words, so a
//! message already on screen speaks the new language when the language is switched.

use crate::model::ApproveError;
use crate::ui::screen::Context;
use crate::ui::text::fill;

crate::texts!(NoticeWords {
    say_what_changed: "Say what changed in this revision before approving it.", "Zeg wat er in deze revisie veranderd is voordat je goedkeurt.";
    already_approved: "Revision {revision} is approved already.", "Revisie {revision} is al goedgekeurd.";
});

/// A message above the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The form has fields marked wrong.
    FixBeforeSaving,
    /// Only a draft that was never approved may be deleted.
    CannotDeleteApproved,
    /// Someone on the staff tried to approve; the owners are named when shown.
    OnlyOwnerApproves,
    /// Approving needs a note of what changed.
    SayWhatChanged,
    /// This revision is approved already.
    AlreadyApproved(u32),
    /// Words from outside the window's own (the disk's, a file's), shown as they came.
    Said(String),
}

impl Notice {
    /// Why an approval was refused.
    pub fn of_approval(error: &ApproveError) -> Notice {
        match error {
            ApproveError::NotOwner(_) => Notice::OnlyOwnerApproves,
            ApproveError::NotADraft(revision) => Notice::AlreadyApproved(*revision),
            ApproveError::NoNote => Notice::SayWhatChanged,
        }
    }

    /// The notice in the window's language now.
    pub fn words(&self, ctx: &Context<'_>) -> String {
        let own = NoticeWords::of(ctx.language);
        match self {
            Notice::FixBeforeSaving => ctx.words.fix_before_saving.to_owned(),
            Notice::CannotDeleteApproved => ctx.words.cannot_delete_approved.to_owned(),
            Notice::OnlyOwnerApproves => {
                fill(ctx.words.only_owner_approves, &[("owners", &ctx.owners())])
            }
            Notice::SayWhatChanged => own.say_what_changed.to_owned(),
            Notice::AlreadyApproved(revision) => {
                fill(own.already_approved, &[("revision", &revision.to_string())])
            }
            Notice::Said(words) => words.clone(),
        }
    }
}
