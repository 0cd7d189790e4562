//! Every record of a workspace, as values.

use super::{Checklist, Order, Procedure, Training, Workspace};

/// What a workspace folder holds, once read.
#[derive(Debug, Clone, PartialEq)]
pub struct Records {
    /// `workspace.ron`.
    pub workspace: Workspace,
    /// `procedures/`, by id.
    pub procedures: Vec<Procedure>,
    /// `checklists/`, by id.
    pub checklists: Vec<Checklist>,
    /// `archive/procedures/`: superseded approved revisions, by id and revision.
    pub archived_procedures: Vec<Procedure>,
    /// `archive/checklists/`, by id and revision.
    pub archived_checklists: Vec<Checklist>,
    /// `orders/`, by placed date and id.
    pub orders: Vec<Order>,
    /// `training/`, by person.
    pub training: Vec<Training>,
}

impl Records {
    /// A workspace with nothing in it but its settings.
    pub fn new(workspace: Workspace) -> Self {
        Records {
            workspace,
            procedures: Vec::new(),
            checklists: Vec::new(),
            archived_procedures: Vec::new(),
            archived_checklists: Vec::new(),
            orders: Vec::new(),
            training: Vec::new(),
        }
    }

    /// Puts every list in its reading order.
    pub fn sort(&mut self) {
        self.procedures.sort_by(|a, b| a.id.cmp(&b.id));
        self.checklists.sort_by(|a, b| a.id.cmp(&b.id));
        self.archived_procedures
            .sort_by(|a, b| (&a.id, a.revision).cmp(&(&b.id, b.revision)));
        self.archived_checklists
            .sort_by(|a, b| (&a.id, a.revision).cmp(&(&b.id, b.revision)));
        self.sort_orders();
        self.training.sort_by(|a, b| a.person.cmp(&b.person));
    }

    /// Sorts the orders by placed date, then id.
    pub fn sort_orders(&mut self) {
        self.orders
            .sort_by(|a, b| (a.placed, &a.id).cmp(&(b.placed, &b.id)));
    }

    /// The procedure with this id.
    pub fn procedure(&self, id: &str) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.id == id)
    }

    /// The checklist with this id.
    pub fn checklist(&self, id: &str) -> Option<&Checklist> {
        self.checklists.iter().find(|c| c.id == id)
    }

    /// The given revision of a checklist, current or archived.
    pub fn checklist_revision(&self, id: &str, revision: u32) -> Option<&Checklist> {
        self.checklists
            .iter()
            .chain(&self.archived_checklists)
            .find(|c| c.id == id && c.revision == revision)
    }

    /// A catalog for checking references between these records.
    pub fn catalog(&self) -> super::Catalog<'_> {
        super::Catalog::new(
            &self.workspace,
            self.procedures
                .iter()
                .map(|p| (p, false))
                .chain(self.archived_procedures.iter().map(|p| (p, true))),
            self.checklists
                .iter()
                .map(|c| (c, false))
                .chain(self.archived_checklists.iter().map(|c| (c, true))),
        )
    }
}
