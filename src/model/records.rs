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

    /// Adds `orders`, a batch of older orders sorted as the orders are held (the loader
    /// sorts each batch on its own thread: looking it over again here took 6% of the
    /// window's turn): the result is [`Records::sort_orders`]'s, an order held before one
    /// of the batch with the same date and id, without a sort of every order (see
    /// [`Records::merge_older`]). Leaves `orders` empty, its room for the caller to free
    /// where that costs no one. How many of the newest orders held before keep their place
    /// counted from the newest (see [`Records::merge_older`]).
    pub fn add_older(&mut self, orders: &mut Vec<Order>) -> usize {
        debug_assert!(
            orders.is_sorted_by(|a, b| key(a) <= key(b)),
            "a batch comes sorted"
        );
        Records::merge_older(&mut self.orders, orders, Records::placed_order)
    }

    /// The order the orders are held in: by the day placed, then the id.
    pub fn placed_order(a: &Order, b: &Order) -> std::cmp::Ordering {
        key(a).cmp(&key(b))
    }

    /// Adds `batch` to `held`, both sorted by `cmp`, where a stable sort of `held` then
    /// `batch` would put each: for batches that come newest first, so that most of a batch
    /// sorts before every item held. The items held are moved once, into room reserved
    /// beforehand where there is some; only the items of the batch that sort among the
    /// held ones (those of a month that two batches share) are merged with the few held
    /// ones they overlap.
    ///
    /// How many of the items held keep their place counted from the end (the last, the
    /// one before it, …): all but those the batch overlaps. A list derived from the items
    /// by that place, newest first, holds for that many of them still.
    pub fn merge_older<T>(
        held: &mut Vec<T>,
        batch: &mut Vec<T>,
        cmp: impl Fn(&T, &T) -> std::cmp::Ordering,
    ) -> usize {
        let (Some(first), Some(last)) = (held.first(), batch.last()) else {
            // Nothing held, so nothing kept; or an empty batch, which moves nothing.
            let kept = held.len();
            held.splice(0..0, batch.drain(..));
            return kept;
        };
        let overlapped = held.partition_point(|item| cmp(item, last).is_le());
        let before = batch.partition_point(|item| cmp(item, first).is_lt());
        let count = batch.len();
        held.splice(0..0, batch.drain(..));
        // The batch, then the items held: those of the batch that do not sort before every
        // held item change places with the held ones they overlap, and a stable sort of
        // the two runs (one merge) puts a held item first where two are equal.
        let mixed = &mut held[before..count + overlapped];
        mixed.rotate_left(count - before);
        mixed.sort_by(cmp);
        held.len() - count - overlapped
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
            let mut older = batch.clone();
            older.sort_by(Records::placed_order);
            records.add_older(&mut older);
            sorted.orders.extend(batch);
            sorted.sort_orders();
            assert_eq!(records.orders, sorted.orders);
        }
    }

    proptest::proptest! {
        /// Any batch, sorted, lands where a stable sort of the items held and then the
        /// batch puts it: items compared by their key alone, tagged by where they came
        /// from, so that of two equal ones the held one must come first.
        #[test]
        fn a_merged_batch_is_a_stable_sort(
            held in proptest::collection::vec(0u8..40, 0..30),
            batch in proptest::collection::vec(0u8..40, 0..30),
            room in 0usize..40,
        ) {
            let tag = |from: u8| move |(at, key): (usize, u8)| (key, from, at);
            let mut held: Vec<(u8, u8, usize)> = held.into_iter().enumerate().map(tag(0)).collect();
            let mut batch: Vec<(u8, u8, usize)> = batch.into_iter().enumerate().map(tag(1)).collect();
            held.sort_by_key(|item| item.0);
            let mut sorted = held.clone();
            sorted.extend(batch.iter().copied());
            sorted.sort_by_key(|item| item.0);
            batch.sort_by_key(|item| item.0);
            held.reserve(room);
            let before = held.clone();
            let kept = Records::merge_older(&mut held, &mut batch, |a, b| a.0.cmp(&b.0));
            proptest::prop_assert!(batch.is_empty());
            proptest::prop_assert_eq!(&held, &sorted);
            // The last `kept` items held are where they were counted from the end, and
            // the one before them (if any) is not: kept is as large as it can be.
            let tail = |items: &[(u8, u8, usize)], n: usize| items[items.len() - n..].to_vec();
            proptest::prop_assert_eq!(tail(&held, kept), tail(&before, kept));
            if kept < before.len() {
                proptest::prop_assert_ne!(tail(&held, kept + 1), tail(&before, kept + 1));
            }
        }
    }
}
