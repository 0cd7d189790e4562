//! The business as the owner is changing it: the workspace being edited, its numbers as
//! typed, and the rules for defect categories, checked at each change.

use crate::model::{Language, Number, Records, Workspace, category_name};
use crate::ui::screen::{shown_number, typed_number};

/// A number field of the business, to say which one is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberField {
    Alarm,
    Count,
    Days,
}

/// Why a change to the categories was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CategoryRefusal {
    /// No name typed.
    Empty,
    /// Another category has this name.
    Exists(String),
    /// Defects of these orders are filed under it.
    Used { name: String, orders: Vec<String> },
    /// It is the only one left.
    Last,
}

/// Why the business cannot be saved as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// The name is empty.
    NoName,
    /// A number field holds this text, which is not a number it can hold.
    Number(NumberField, String),
}

/// The workspace being edited, from `base` as it was when editing began.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub base: Workspace,
    pub workspace: Workspace,
    pub alarm: String,
    pub count: String,
    pub days: String,
}

impl Draft {
    /// The business as it is, ready to change.
    pub fn of(workspace: &Workspace) -> Draft {
        Draft {
            base: workspace.clone(),
            workspace: workspace.clone(),
            alarm: shown_number(Some(workspace.contacts_per_order_alarm)),
            count: workspace.recurrence.count.to_string(),
            days: workspace.recurrence.days.to_string(),
        }
    }

    /// Whether anything differs from the business as it was.
    pub fn is_changed(&self) -> bool {
        *self != Draft::of(&self.base)
    }

    /// The workspace to save, or why it cannot be.
    pub fn finished(&self) -> Result<Workspace, Invalid> {
        let mut workspace = self.workspace.clone();
        workspace.name = workspace.name.trim().to_owned();
        if workspace.name.is_empty() {
            return Err(Invalid::NoName);
        }
        let bad = |field: NumberField, text: &str| Invalid::Number(field, text.trim().to_owned());
        workspace.contacts_per_order_alarm = match typed_number(&self.alarm) {
            Ok(Some(alarm)) if alarm.get() >= 0.0 => alarm,
            _ => return Err(bad(NumberField::Alarm, &self.alarm)),
        };
        let whole = |field: NumberField, text: &str| match text.trim().parse::<u32>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(bad(field, text)),
        };
        workspace.recurrence.count = whole(NumberField::Count, &self.count)?;
        workspace.recurrence.days = whole(NumberField::Days, &self.days)?;
        Ok(workspace)
    }

    /// Adds the category `name`, trimmed.
    pub fn add_category(&mut self, name: &str) -> Result<(), CategoryRefusal> {
        let name = self.fresh_name(name, None)?;
        self.workspace.defect_categories.push(name);
        Ok(())
    }

    /// Renames the category at `index` to `name`, unless a record files a defect under it.
    pub fn rename_category(
        &mut self,
        index: usize,
        name: &str,
        records: &Records,
    ) -> Result<(), CategoryRefusal> {
        self.unused(index, records)?;
        let name = self.fresh_name(name, Some(index))?;
        self.workspace.defect_categories[index] = name;
        Ok(())
    }

    /// Removes the category at `index`, unless a record files a defect under it or it is
    /// the last one.
    pub fn remove_category(
        &mut self,
        index: usize,
        records: &Records,
    ) -> Result<(), CategoryRefusal> {
        self.unused(index, records)?;
        if self.workspace.defect_categories.len() <= 1 {
            return Err(CategoryRefusal::Last);
        }
        self.workspace.defect_categories.remove(index);
        Ok(())
    }

    /// `name` trimmed, if no category but the one at `except` has it.
    fn fresh_name(&self, name: &str, except: Option<usize>) -> Result<String, CategoryRefusal> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CategoryRefusal::Empty);
        }
        let taken = self
            .workspace
            .defect_categories
            .iter()
            .enumerate()
            .any(|(n, c)| {
                // A default category is known by its Dutch name too.
                let dutch = category_name(c, Language::Nl);
                Some(n) != except
                    && (c.eq_ignore_ascii_case(name) || dutch.eq_ignore_ascii_case(name))
            });
        if taken {
            return Err(CategoryRefusal::Exists(name.to_owned()));
        }
        Ok(name.to_owned())
    }

    /// Refuses the category at `index` when an order's defect is filed under it.
    pub fn unused(&self, index: usize, records: &Records) -> Result<(), CategoryRefusal> {
        let Some(name) = self.workspace.defect_categories.get(index) else {
            return Err(CategoryRefusal::Empty);
        };
        let orders = orders_using(records, name);
        if orders.is_empty() {
            Ok(())
        } else {
            Err(CategoryRefusal::Used {
                name: name.clone(),
                orders,
            })
        }
    }
}

/// The orders with a defect filed under `category`, by order number.
pub fn orders_using(records: &Records, category: &str) -> Vec<String> {
    records
        .orders
        .iter()
        .filter(|order| order.defects.iter().any(|d| d.category == category))
        .map(|order| order.id.clone())
        .collect()
}

/// The alarm as the workspace holds it, for a read-only view.
pub fn shown_alarm(alarm: Number) -> String {
    shown_number(Some(alarm))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Draft {
        Draft::of(&Workspace::new("Bakkerij"))
    }

    #[test]
    fn a_draft_is_changed_only_when_it_differs() {
        let mut draft = draft();
        assert!(!draft.is_changed());
        draft.count = "4".into();
        assert!(draft.is_changed());
        draft.count = "3".into();
        assert!(!draft.is_changed());
    }

    #[test]
    fn bad_numbers_and_an_empty_name_are_refused() {
        let mut draft = draft();
        draft.alarm = "1,25".into();
        draft.days = " 30 ".into();
        let saved = draft.finished().unwrap();
        assert_eq!(saved.contacts_per_order_alarm.get(), 1.25);
        assert_eq!(saved.recurrence.days, 30);
        draft.count = "0".into();
        assert_eq!(
            draft.finished(),
            Err(Invalid::Number(NumberField::Count, "0".into()))
        );
        draft.count = "2".into();
        draft.alarm = "-1".into();
        assert_eq!(
            draft.finished(),
            Err(Invalid::Number(NumberField::Alarm, "-1".into()))
        );
        draft.alarm = "2".into();
        draft.workspace.name = "  ".into();
        assert_eq!(draft.finished(), Err(Invalid::NoName));
    }

    #[test]
    fn categories_are_added_once_and_never_emptied() {
        let records = Records::new(Workspace::new("x"));
        let mut draft = draft();
        assert_eq!(draft.add_category(" "), Err(CategoryRefusal::Empty));
        assert_eq!(
            draft.add_category("machine"),
            Err(CategoryRefusal::Exists("machine".into()))
        );
        assert_eq!(
            draft.add_category("Meting"),
            Err(CategoryRefusal::Exists("Meting".into()))
        );
        draft.add_category(" Supplier ").unwrap();
        assert_eq!(
            draft.workspace.defect_categories.last().unwrap(),
            "Supplier"
        );
        draft.rename_category(6, "Suppliers", &records).unwrap();
        assert_eq!(draft.workspace.defect_categories[6], "Suppliers");
        while draft.workspace.defect_categories.len() > 1 {
            draft.remove_category(0, &records).unwrap();
        }
        assert_eq!(
            draft.remove_category(0, &records),
            Err(CategoryRefusal::Last)
        );
    }
}
