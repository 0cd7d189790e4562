//! The business's domain: procedures, checklists, orders and the rules between them.
//!
//! Pure values and rules. Nothing here touches files, RON or the window; the
//! serde derives describe the records of `FORMAT.md`, which the store reads
//! and writes.

mod checklist;
mod counter;
mod desk;
mod facts;
mod id;
mod language;
pub mod merge;
mod name;
mod number;
mod order;
mod people;
mod photo;
mod pin;
mod problem;
mod procedure;
mod proposal;
mod records;
mod revision;
pub(crate) mod serde_util;
mod time;
mod training;
mod validate;
mod workspace;

pub use checklist::{
    Checklist, Item, ItemKind, bounds_words, differs_from_standard, speaks_to_checker,
};
pub use counter::CheckRefused;
pub use desk::Desk;
pub use facts::{Checked, Facts};
pub use id::{IdKind, IdProblem, MAX_ID_LEN, check_id, fresh_id, id_problem};
pub use language::{Language, contains_folded, counted, fill, plural};
pub use name::Name;
pub use number::Number;
pub use order::{
    Action, ActionKind, Channel, Check, CheckOutcome, CheckResult, CheckState, Contact, Defect,
    DefectState, FoundBy, ItemVerdict, Order, Outcome, RootCause, Severity,
};
pub use people::{NamedIn, PeopleError, names_person, person_id_from};
pub use photo::{ImageKind, Photos, inside_workspace, step_photo_folder};
pub use pin::{Pin, PinError, PinGuard, PinRefused, hash_pin, verify_pin};
pub use problem::{Field, Problem, Segment, Severity as ProblemSeverity};
pub use procedure::{Change, Procedure, Spec, Status, Step};
pub use records::Records;
pub use revision::{ApproveError, Revised, approve, draft_of};
pub use time::{Date, DateTime};
pub use training::{Signed, Standing, Training, in_force_on, standing};
pub use validate::{Catalog, RecordRevisions};
pub use workspace::{
    Columns, DateOrder, FORMAT_VERSION, ImportMapping, Maker, Person, Recurrence, Role, Workspace,
    category_name,
};
