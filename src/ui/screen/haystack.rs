//! What a search looks through, lower case and in one piece: the fields of every item a
//! list can find (an order's id, product and customer; a defect's description, order,
//! category and procedure), in the list's order. One pass of a substring search over a few
//! megabytes finds a key's items in about a millisecond, where matching 100,000 orders one
//! by one takes ten; a screen builds it once per generation of the records.

use memchr::memmem;

use crate::model::Order;

/// Between two fields: no search the user types holds it, so no match spans two fields.
const GAP: char = '\0';

/// The searchable text of every item, and where each item's text begins.
#[derive(Debug, Default)]
pub struct Haystack {
    text: String,
    /// Per item, in the order they were added: where its text begins in `text`, and the
    /// key it is found by.
    starts: Vec<(u32, u32)>,
}

impl Haystack {
    /// An empty haystack with room for `items` of about `bytes` each.
    pub fn with_capacity(items: usize, bytes: usize) -> Haystack {
        Haystack {
            text: String::with_capacity(items * bytes),
            starts: Vec::with_capacity(items),
        }
    }

    /// The haystack of `orders`: their id, product and customer, newest first, each found
    /// by its place in `orders`.
    pub fn of_orders(orders: &[Order]) -> Haystack {
        let mut haystack = Haystack::for_orders(orders.len());
        for (at, order) in orders.iter().enumerate().rev() {
            haystack.push_order(at as u32, order);
        }
        haystack
    }

    /// An empty haystack with room for `orders` orders.
    pub fn for_orders(orders: usize) -> Haystack {
        Haystack::with_capacity(orders, 48)
    }

    /// Adds `order`, found by `key` (its place): its id, product and customer.
    pub fn push_order(&mut self, key: u32, order: &Order) {
        let fields = [
            Some(order.id.as_str()),
            Some(order.product.as_str()),
            order.customer.as_deref(),
        ];
        self.push(key, fields.into_iter().flatten());
    }

    /// Adds an item found by `key` whose `fields` are searched: what `contains_folded`
    /// compares, each field in lower case.
    pub fn push<'a>(&mut self, key: u32, fields: impl IntoIterator<Item = &'a str>) {
        self.starts.push((self.text.len() as u32, key));
        for field in fields {
            push_lower(&mut self.text, field);
            self.text.push(GAP);
        }
    }

    /// Keeps the first `items` items and moves each one's key on by `by`: for a haystack
    /// of orders made newest first, what holds of it once `by` older orders came in front
    /// and the newest `items` kept their place counted from the newest.
    pub fn keep_first(&mut self, items: usize, by: usize) {
        if let Some(&(end, _)) = self.starts.get(items) {
            self.text.truncate(end as usize);
            self.starts.truncate(items);
        }
        for (_, key) in &mut self.starts {
            *key += by as u32;
        }
    }

    /// The keys of the items with a field containing `needle` (lower case), in the order
    /// they were added; `None` for a needle the haystack cannot look for.
    pub fn find(&self, needle: &str) -> Option<Vec<u32>> {
        if needle.is_empty() || needle.contains(GAP) {
            return None;
        }
        let mut found: Vec<u32> = Vec::new();
        // The item each match falls in; the matches come in the text's order.
        let mut item = 0;
        for hit in memmem::find_iter(self.text.as_bytes(), needle.as_bytes()) {
            let hit = hit as u32;
            while item + 1 < self.starts.len() && self.starts[item + 1].0 <= hit {
                item += 1;
            }
            let key = self.starts[item].1;
            if found.last() != Some(&key) {
                found.push(key);
            }
        }
        Some(found)
    }
}

fn push_lower(text: &mut String, field: &str) {
    if field.is_ascii() {
        text.extend(field.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        text.push_str(&field.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_matching_each_order_finds() {
        let folder = crate::store::Folder::inspect(std::path::Path::new("procedures")).unwrap();
        let mut orders = folder.records().orders.clone();
        // Customers in other scripts, and one the needle would span two fields of.
        orders[0].customer = Some("Ünal Çelik".into());
        orders[1].customer = Some("ΣΟΦΊΑ".into());
        orders[2].product = "Cone".into();
        orders[2].customer = Some("Xavier".into());
        let index = Haystack::of_orders(&orders);
        for needle in [
            "2026",
            "11-00",
            "cone",
            "ünal",
            "çelik",
            "σοφία",
            "conexa",
            "nex",
            "x",
            "é",
            "ham",
        ] {
            let walked: Vec<u32> = (0..orders.len() as u32)
                .rev()
                .filter(|at| orders[*at as usize].matches(needle))
                .collect();
            assert_eq!(index.find(needle), Some(walked), "{needle}");
        }
        assert_eq!(index.find(""), None);
    }
}
