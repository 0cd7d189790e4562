//! The new-order form: id, day, customer, product and maker.

use crate::model::{Date, IdKind, Order, Records, check_id};
use crate::ui::screen::{Context, PersonChoice};

use super::words::OrderWords;

/// A new order being typed in.
#[derive(Debug, Clone, PartialEq)]
pub struct NewOrder {
    pub id: String,
    pub placed: String,
    pub customer: String,
    pub product: String,
    pub maker: Option<PersonChoice>,
}

impl NewOrder {
    /// Whether anything was typed that a blank order does not hold.
    pub fn is_begun(&self) -> bool {
        !self.customer.trim().is_empty() || !self.product.trim().is_empty()
    }

    /// A blank order for today, with the next free number of today's month and the person
    /// at the keyboard as its maker.
    pub fn blank(ctx: &Context) -> NewOrder {
        NewOrder {
            id: next_id(ctx.records, ctx.today),
            placed: ctx.today.to_string(),
            customer: String::new(),
            product: String::new(),
            maker: ctx.me.map(|me| PersonChoice {
                id: me.id.clone(),
                name: me.name.clone(),
            }),
        }
    }

    /// Why the id as typed cannot be used, if so.
    pub fn id_problem(&self, records: &Records, words: &OrderWords) -> Option<String> {
        let id = self.id.trim();
        if let Err(problem) = check_id(id, IdKind::Order) {
            return Some(problem);
        }
        records
            .orders
            .iter()
            .any(|order| order.id == id)
            .then(|| words.id_taken.to_owned())
    }

    /// Why the day as typed cannot be used, if so.
    pub fn placed_problem(&self) -> Option<&'static str> {
        self.placed.trim().parse::<Date>().is_err().then_some("")
    }

    /// The order as typed, or the first thing to fix.
    pub fn finish(&self, records: &Records, words: &OrderWords) -> Result<Order, String> {
        if let Some(problem) = self.id_problem(records, words) {
            return Err(format!("{}: {problem}", words.order_number));
        }
        let placed = self
            .placed
            .trim()
            .parse::<Date>()
            .map_err(|error| format!("{}: {error}", words.placed))?;
        if self.product.trim().is_empty() {
            return Err(words.product_missing.to_owned());
        }
        let maker = self.maker.as_ref().ok_or(words.maker_missing)?;
        let customer = self.customer.trim();
        Ok(Order {
            id: self.id.trim().to_owned(),
            placed,
            customer: (!customer.is_empty()).then(|| customer.to_owned()),
            product: self.product.trim().to_owned(),
            made_by: maker.id.clone(),
            checks: Vec::new(),
            defects: Vec::new(),
            contacts: Vec::new(),
        })
    }
}

/// `YYYY-MM-NNNN`, one past the highest number of that month, as the sample's till numbers.
fn next_id(records: &Records, today: Date) -> String {
    let month = today.month_folder();
    let highest = records
        .orders
        .iter()
        .filter_map(|order| order.id.strip_prefix(&month)?.strip_prefix('-'))
        .filter_map(|number| number.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{month}-{:04}", highest + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Workspace;

    #[test]
    fn the_next_number_follows_the_months_highest() {
        let mut records = Records::new(Workspace::new("Test"));
        let today: Date = "2026-11-23".parse().unwrap();
        assert_eq!(next_id(&records, today), "2026-11-0001");
        for id in ["2026-11-0009", "2026-11-0041", "2026-10-0100", "walk-in"] {
            records.orders.push(Order {
                id: id.into(),
                placed: today,
                customer: None,
                product: "Cone".into(),
                made_by: "tom".into(),
                checks: vec![],
                defects: vec![],
                contacts: vec![],
            });
        }
        assert_eq!(next_id(&records, today), "2026-11-0042");
    }
}
