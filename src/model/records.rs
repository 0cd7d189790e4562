//! Every record of a workspace, as values.

use super::{Checklist, Order, Procedure, Training, Workspace};

/// What orders are sorted by: the day placed, then the id.
fn key(order: &Order) -> (super::Date, &str) {
    (order.placed, &order.id)
}

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
        self.orders.sort_by(|a, b| key(a).cmp(&key(b)));
    }

    /// Adds `orders`, as a batch of older orders comes: they are merged with the orders
    /// held that do not sort after all of them (none, or a few, as the batches come newest
    /// month first), and the rest follow in one move, instead of a sort of every order;
    /// the result is [`Records::sort_orders`]'s either way, an order held before one of
    /// the batch with the same date and id.
    pub fn add_older(&mut self, mut orders: Vec<Order>) {
        orders.sort_by(|a, b| key(a).cmp(&key(b)));
        let Some(last) = orders.last() else {
            return;
        };
        let overlap = self.orders.partition_point(|held| key(held) <= key(last));
        // Only the few held orders the batch overlaps are merged with it; the result goes in
        // front in place, so the room reserved for the orders still to come is kept.
        let overlapped: Vec<Order> = self.orders.drain(..overlap).collect();
        let mut merged = Vec::with_capacity(overlap + orders.len());
        let mut older = orders.into_iter().peekable();
        for held in overlapped {
            while let Some(order) = older.next_if(|order| key(order) < key(&held)) {
                merged.push(order);
            }
            merged.push(held);
        }
        merged.extend(older);
        self.orders.splice(0..0, merged);
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

    /// A batch wholly older goes in front; one that overlaps, or ties with orders held, is
    /// merged in: either way as a sort of all of them would place them.
    #[test]
    fn older_orders_land_where_a_sort_puts_them() {
        let held = || vec![order("c", 10), order("d", 12), order("e", 12)];
        let batches = [
            vec![order("b", 9), order("a", 3)],
            vec![order("x", 11), order("a", 3)],
            vec![order("c", 10), order("b", 1)],
            vec![
                order("z", 12),
                order("d", 12),
                order("c", 11),
                order("b", 1),
            ],
            vec![order("f", 13), order("b", 1)],
            vec![],
        ];
        for batch in batches {
            // Made by someone else: of two orders with the same date and id, the one held
            // comes first, as in a sort.
            let batch: Vec<Order> = (batch.into_iter())
                .map(|order| Order {
                    made_by: "tom".into(),
                    ..order
                })
                .collect();
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
