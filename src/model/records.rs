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

    /// Adds `orders`, as a batch of older orders comes: where all of them sort before every
    /// order held (the batches come newest month first), they go in front in one move
    /// instead of a sort of every order; the result is [`Records::sort_orders`]'s either way.
    pub fn add_older(&mut self, mut orders: Vec<Order>) {
        orders.sort_by(|a, b| (a.placed, &a.id).cmp(&(b.placed, &b.id)));
        let before = match (orders.last(), self.orders.first()) {
            (Some(last), Some(first)) => (last.placed, &last.id) < (first.placed, &first.id),
            _ => true,
        };
        if before {
            // In place, so room reserved for the orders still to come is kept.
            self.orders.splice(0..0, orders);
        } else {
            self.orders.append(&mut orders);
            self.sort_orders();
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn order(id: &str, day: i8) -> Order {
        Order {
            id: id.to_owned(),
            placed: Date::new(2026, 11, day).unwrap(),
            customer: None,
            product: "Cone".into(),
            made_by: "priya".into(),
            checks: Vec::new(),
            defects: Vec::new(),
            contacts: Vec::new(),
        }
    }

    /// A batch wholly older goes in front; one that overlaps, or ties with the first order
    /// held, is sorted in: either way as a sort of all of them would place them.
    #[test]
    fn older_orders_land_where_a_sort_puts_them() {
        let held = || vec![order("c", 10), order("d", 12), order("e", 12)];
        let batches = [
            vec![order("b", 9), order("a", 3)],
            vec![order("x", 11), order("a", 3)],
            vec![order("c", 10), order("b", 1)],
            vec![],
        ];
        for batch in batches {
            let mut records = Records::new(Workspace::new("Test"));
            records.orders = held();
            let mut sorted = records.clone();
            records.add_older(batch.clone());
            sorted.orders.extend(batch);
            sorted.sort_orders();
            assert_eq!(records.orders, sorted.orders);
        }
    }
}
