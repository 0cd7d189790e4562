//! Work left unsaved on the desk's screens before the workspace goes: what it is, in the
//! sidebar's order, and the steps that save it as each screen's own Save would.

use super::Desk;
use crate::ui::app::{Message, Section};
use crate::ui::screen::{Unsaved, defects, editor, orders, procedures};
/// One step of saving all unsaved work before the workspace goes; what it sends is read
/// when its turn comes, as the steps before it change what is in front.
#[derive(Debug)]
pub(in crate::ui::app) enum Saving {
    /// The procedure being edited.
    Procedure,
    /// The checklist being edited.
    Checklist,
    /// The orders screen's work in front.
    OrderInFront,
    /// Bring this work of the orders screen to the front.
    Front(orders::Message),
    /// The defect being edited.
    Defect,
    /// The business being changed.
    Business,
    /// The procedures import's preview, which only its own Import writes: it says so.
    ProcedureImport,
    /// The orders import's preview, likewise.
    OrderImport,
}

impl Desk {
    /// Every screen's unsaved work, in the sidebar's order.
    pub fn unsaved(&self) -> Vec<(Section, Unsaved)> {
        let editors = [
            (Section::Procedures, self.procedures.unsaved()),
            // A preview of procedures read for import: no Save writes it, only its Import.
            (Section::Procedures, self.procedures.import_unsaved()),
            (Section::Checklists, self.checklists.unsaved()),
        ];
        let orders = self.orders.unsaved().into_iter().map(Some);
        let (defects, settings) = (self.defects.unsaved(), self.business.unsaved());
        editors
            .into_iter()
            .chain(orders.map(|unsaved| (Section::Orders, unsaved)))
            .chain([(Section::Defects, defects), (Section::Settings, settings)])
            .filter_map(|(section, unsaved)| Some((section, unsaved?)))
            .collect()
    }

    /// The steps that save every screen's unsaved work, as each screen's Save would.
    pub fn saving(&self) -> Vec<Saving> {
        let (parked, new) = self.orders.parked();
        let editors = [
            (self.procedures.unsaved().is_some(), Saving::Procedure),
            (self.checklists.unsaved().is_some(), Saving::Checklist),
        ];
        // The orders' work in front, then each piece set aside, brought to the front in turn.
        let orders = [Saving::OrderInFront]
            .into_iter()
            .chain(
                new.then_some([Saving::Front(orders::Message::New), Saving::OrderInFront])
                    .into_iter()
                    .flatten(),
            )
            .chain(parked.into_iter().flat_map(|id| {
                [
                    Saving::Front(orders::Message::Select(id)),
                    Saving::OrderInFront,
                ]
            }));
        editors
            .into_iter()
            .filter_map(|(unsaved, step)| unsaved.then_some(step))
            .chain(orders)
            .chain([
                Saving::Defect,
                Saving::Business,
                Saving::ProcedureImport,
                Saving::OrderImport,
            ])
            .collect()
    }

    /// The message that carries out `step` now; `None` when it has nothing left to save.
    pub fn save_message(&self, step: Saving) -> Option<Message> {
        match step {
            Saving::Procedure => Some(Message::Procedures(editor::Message::Save)),
            Saving::Checklist => Some(Message::Checklists(editor::Message::Save)),
            Saving::Front(message) => Some(Message::Orders(message)),
            Saving::OrderInFront => self
                .orders
                .unsaved_in_front()
                .then(|| self.orders.save_message())
                .flatten()
                .map(Message::Orders),
            Saving::Defect => self
                .defects
                .unsaved()
                .map(|_| Message::Defects(defects::Message::Save)),
            Saving::Business => self.business.save_message().map(Message::Business),
            Saving::ProcedureImport => self.procedures.import_unsaved().map(|_| {
                let said = procedures::intake::Message::ImportFirst;
                Message::Procedures(procedures::Message::Edit(procedures::Edit::Intake(said)))
            }),
            Saving::OrderImport => (self.orders.unsaved().iter())
                .any(|unsaved| matches!(unsaved, Unsaved::OrderImport(_)))
                .then_some(Message::Orders(orders::Message::Files(
                    orders::files::Message::ImportFirst,
                ))),
        }
    }
}
