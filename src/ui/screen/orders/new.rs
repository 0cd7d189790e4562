//! The new-order form: id, day, customer, product and maker.

use crate::import::{DateProblem, Reason};
use crate::model::{Date, Desk, IdKind, Language, Name, Order, Records, id_problem};
use crate::ui::screen::{Context, PersonChoice};

use super::intake::say;
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
            id: Desk::order_id(ctx.desk, ctx.records, ctx.today),
            placed: ctx.today.to_string(),
            customer: String::new(),
            product: String::new(),
            maker: ctx.me.map(|me| PersonChoice {
                id: me.id.clone(),
                name: me.name.clone(),
            }),
        }
    }

    /// Why the id as typed cannot be used, if so, in `language`: the words the import uses.
    pub fn id_problem(&self, records: &Records, language: Language) -> Option<String> {
        let id = self.id.trim();
        if let Err(problem) = id_problem(id, IdKind::Order) {
            return Some(say::reason(&Reason::Id(problem), language));
        }
        records
            .orders
            .iter()
            .any(|order| order.id == id)
            .then(|| OrderWords::of(language).id_taken.to_owned())
    }

    /// Why the day as typed cannot be used, if so.
    pub fn placed_problem(&self) -> Option<&'static str> {
        self.placed.trim().parse::<Date>().is_err().then_some("")
    }

    /// The order as typed, or the first thing to fix, in `language`.
    pub fn finish(&self, records: &Records, language: Language) -> Result<Order, String> {
        let words = OrderWords::of(language);
        if let Some(problem) = self.id_problem(records, language) {
            return Err(format!("{}: {problem}", words.order_number));
        }
        let text = self.placed.trim();
        let placed = text.parse::<Date>().map_err(|_| {
            let problem = DateProblem::NotIso {
                text: text.to_owned(),
            };
            let column = words.placed.to_owned();
            say::reason(&Reason::Date { column, problem }, language)
        })?;
        if self.product.trim().is_empty() {
            return Err(words.product_missing.to_owned());
        }
        let maker = self.maker.as_ref().ok_or(words.maker_missing)?;
        let customer = self.customer.trim();
        Ok(Order {
            id: self.id.trim().to_owned(),
            placed,
            customer: (!customer.is_empty()).then(|| customer.to_owned()),
            product: self.product.trim().into(),
            made_by: Name::from(&maker.id),
            checks: Vec::new(),
            defects: Vec::new(),
            contacts: Vec::new(),
        })
    }
}
