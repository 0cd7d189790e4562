//! Which columns of a CSV file hold what: Right First's own header, Shopify's and
//! WooCommerce's order exports recognised by their headers, a mapping the workspace
//! remembers for the header, or one the person gives (`--columns`, or the window's lists).

use super::reason::{MappingProblem, Staff};
use super::sheet::Sheet;
use crate::model::{Columns, DateOrder, Maker, Person, Workspace, fresh_id};

/// Right First's own header, field by field: one row per order.
pub const HEADER: [&str; 5] = ["id", "placed", "customer", "product", "made_by"];

/// What kind of file a header says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `id,placed,customer,product,made_by`: one row per order, as the format reference says.
    RightFirst,
    /// Shopify's orders export: one row per line item.
    Shopify,
    /// A WooCommerce order export: one row per line item.
    WooCommerce,
    /// A header the workspace has a mapping for.
    Remembered,
    /// A header nobody has mapped yet.
    New,
}

/// What the header says the file is, and its columns where that is known.
pub fn recognise(sheet: &Sheet, workspace: &Workspace) -> (Kind, Option<Columns>) {
    if sheet.header.iter().eq(HEADER.iter()) {
        let columns = Columns {
            id: "id".to_owned(),
            placed: "placed".to_owned(),
            customer: vec!["customer".to_owned()],
            product: vec!["product".to_owned()],
            quantity: None,
            made_by: Some(Maker::Column("made_by".to_owned())),
            dates: None,
        };
        return (Kind::RightFirst, Some(columns));
    }
    if let Some(columns) = workspace.mapping_for(&sheet.header) {
        return (Kind::Remembered, Some(columns.clone()));
    }
    if let Some(columns) = shopify(sheet) {
        return (Kind::Shopify, Some(columns));
    }
    if let Some(columns) = woocommerce(sheet) {
        return (Kind::WooCommerce, Some(columns));
    }
    (Kind::New, None)
}

/// The file's own spelling of the first of `names` it has.
fn first_of(sheet: &Sheet, names: &[&str]) -> Option<String> {
    names
        .iter()
        .find_map(|name| sheet.column(name))
        .map(|n| sheet.header[n].clone())
}

/// Shopify's orders export: `Name` (`#1001`), `Created at`, `Billing Name`,
/// `Lineitem quantity`, `Lineitem name`, on one row per line item.
fn shopify(sheet: &Sheet) -> Option<Columns> {
    Some(Columns {
        id: first_of(sheet, &["Name"])?,
        placed: first_of(sheet, &["Created at"])?,
        customer: first_of(sheet, &["Billing Name"]).into_iter().collect(),
        product: vec![first_of(sheet, &["Lineitem name"])?],
        quantity: Some(first_of(sheet, &["Lineitem quantity"])?),
        made_by: None,
        dates: None,
    })
}

/// A WooCommerce order export, headed as its exporters write it (`Order Number` or
/// `order_number`, `Order Date`, `Billing First Name`, `Item Name`, `Quantity`, …).
fn woocommerce(sheet: &Sheet) -> Option<Columns> {
    let customer = ["Billing First Name", "Billing Last Name"]
        .iter()
        .filter_map(|name| first_of(sheet, &[name]))
        .collect();
    Some(Columns {
        id: first_of(sheet, &["Order Number", "Order ID"])?,
        placed: first_of(sheet, &["Order Date", "Date"])?,
        customer,
        product: vec![first_of(sheet, &["Item Name", "Product Name"])?],
        quantity: Some(first_of(
            sheet,
            &["Quantity", "Item Quantity", "Qty", "Item Qty"],
        )?),
        made_by: None,
        dates: None,
    })
}

/// Reads `--columns id=COL,placed=COL,customer=COL,product=COL+COL,quantity=COL,made_by=COL`.
pub fn parse_columns(spec: &str) -> Result<Columns, String> {
    let (mut id, mut placed, mut customer, mut product) = (None, None, Vec::new(), Vec::new());
    let (mut quantity, mut made_by) = (None, None);
    for part in spec.split(',').filter(|part| !part.trim().is_empty()) {
        let Some((field, column)) = part.split_once('=') else {
            return Err(format!(
                "--columns: \"{part}\" is not FIELD=COLUMN; for example id=Order,placed=Date"
            ));
        };
        let many = || -> Vec<String> {
            column
                .split('+')
                .map(|c| c.trim().to_owned())
                .filter(|c| !c.is_empty())
                .collect()
        };
        let one = Some(column.trim().to_owned()).filter(|c| !c.is_empty());
        match field.trim() {
            "id" => id = one,
            "placed" => placed = one,
            "customer" => customer = many(),
            "product" => product = many(),
            "quantity" => quantity = one,
            "made_by" => made_by = one.map(Maker::Column),
            other => {
                return Err(format!(
                    "--columns: \"{other}\" is not a field; the fields are id, placed, customer, product, quantity and made_by"
                ));
            }
        }
    }
    let missing = |what: &str, field: &str| {
        format!("--columns names no column for {what}: add {field}=COLUMN")
    };
    if product.is_empty() {
        return Err(missing("the product", "product"));
    }
    Ok(Columns {
        id: id.ok_or_else(|| missing("the order number", "id"))?,
        placed: placed.ok_or_else(|| missing("the date", "placed"))?,
        customer,
        product,
        quantity,
        made_by,
        dates: None,
    })
}

/// The columns of a mapping as indices into the file's rows, and who made the orders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub id: usize,
    pub placed: usize,
    pub customer: Vec<usize>,
    pub product: Vec<usize>,
    pub quantity: Option<usize>,
    pub made_by: MadeBy,
    pub dates: DateOrder,
}

/// Who made the orders, once the mapping is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MadeBy {
    /// This column names the maker of each order.
    Column(usize),
    /// This person (a staff id) made every order.
    Person(String),
}

/// Finds each column of `columns` in `sheet`, and who made the orders: the mapping's maker,
/// else the workspace's one person. Says why not: a column not in the file, a maker who is
/// nobody on the staff, or no maker where the staff are several.
pub fn resolve(
    sheet: &Sheet,
    columns: &Columns,
    workspace: &Workspace,
) -> Result<Resolved, MappingProblem> {
    let find = |name: &String| {
        sheet.column(name).ok_or_else(|| MappingProblem::NotInFile {
            column: name.clone(),
            header: sheet.header.clone(),
        })
    };
    let made_by = match &columns.made_by {
        Some(Maker::Column(name)) => MadeBy::Column(find(name)?),
        Some(Maker::Person(who)) => MadeBy::Person(
            staff_member(workspace, who)
                .ok_or_else(|| MappingProblem::Nobody {
                    who: who.clone(),
                    staff: staff(workspace),
                })?
                .id
                .clone(),
        ),
        None => match on_staff(workspace).as_slice() {
            [one] => MadeBy::Person(one.id.clone()),
            _ => {
                return Err(MappingProblem::NoMaker {
                    staff: staff(workspace),
                });
            }
        },
    };
    Ok(Resolved {
        id: find(&columns.id)?,
        placed: find(&columns.placed)?,
        customer: columns
            .customer
            .iter()
            .map(find)
            .collect::<Result<_, _>>()?,
        product: columns.product.iter().map(find).collect::<Result<_, _>>()?,
        quantity: columns.quantity.as_ref().map(find).transpose()?,
        made_by,
        dates: columns.dates.unwrap_or(if workspace.language == "nl" {
            DateOrder::DayFirst
        } else {
            DateOrder::MonthFirst
        }),
    })
}

/// Everyone on the staff who has not left.
fn on_staff(workspace: &Workspace) -> Vec<&Person> {
    workspace
        .staff
        .iter()
        .filter(|p| p.left.is_none())
        .collect()
}

/// The staff, as a message lists them.
pub fn staff(workspace: &Workspace) -> Staff {
    Staff(workspace.staff.iter().map(|p| p.id.clone()).collect())
}

/// The person `text` names: by id, or by full name or id with case, accents and spacing
/// folded (`"zoë de vries"` and `"Zoe de Vries"` are `Zoë de Vries`).
pub fn staff_member<'a>(workspace: &'a Workspace, text: &str) -> Option<&'a Person> {
    let text = text.trim();
    if let Some(person) = workspace.person(text) {
        return Some(person);
    }
    let folded = fresh_id(text, "", |_| false);
    if folded.is_empty() {
        return None;
    }
    workspace
        .staff
        .iter()
        .find(|p| p.id == folded || fresh_id(&p.name, "", |_| false) == folded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    fn workspace(names: &[(&str, &str)]) -> Workspace {
        let mut workspace = Workspace::new("Bakkerij");
        workspace.language = "nl".to_owned();
        workspace.staff = names
            .iter()
            .map(|(id, name)| Person {
                id: (*id).to_owned(),
                name: (*name).to_owned(),
                role: Role::Staff,
                left: None,
                pin: None,
            })
            .collect();
        workspace
    }

    #[test]
    fn staff_are_found_by_id_or_name_with_case_and_accents_folded() {
        let ws = workspace(&[("zoe", "Zoë de Vries"), ("piet-jansen", "Piet Jansen")]);
        let id = |text| staff_member(&ws, text).map(|p| p.id.as_str());
        assert_eq!(id("zoe"), Some("zoe"));
        assert_eq!(id("ZOË DE VRIES"), Some("zoe"));
        assert_eq!(id(" zoe de vries "), Some("zoe"));
        assert_eq!(id("Piet  Jansen"), Some("piet-jansen"));
        assert_eq!(id("PIET-JANSEN"), Some("piet-jansen"));
        assert_eq!(id("Piet"), None);
        assert_eq!(id(""), None);
    }

    #[test]
    fn columns_given_on_the_command_line_are_read_or_refused_in_words() {
        let columns = parse_columns("id=Bon, placed=Datum,product=Artikel+Maat,made_by=Kassa")
            .expect("reads");
        assert_eq!(columns.id, "Bon");
        assert_eq!(columns.product, ["Artikel", "Maat"]);
        assert_eq!(columns.made_by, Some(Maker::Column("Kassa".to_owned())));
        assert_eq!(
            parse_columns("id=Bon,product=Artikel").unwrap_err(),
            "--columns names no column for the date: add placed=COLUMN"
        );
        assert_eq!(
            parse_columns("placed=Datum,product=Artikel").unwrap_err(),
            "--columns names no column for the order number: add id=COLUMN"
        );
        assert_eq!(
            parse_columns("id=Bon,placed=Datum,prijs=Bedrag").unwrap_err(),
            "--columns: \"prijs\" is not a field; the fields are id, placed, customer, product, quantity and made_by"
        );
    }

    #[test]
    fn a_file_with_no_maker_takes_the_one_person_or_asks() {
        let sheet = Sheet::read(
            b"Name,Created at,Lineitem quantity,Lineitem name\n",
            "s.csv",
        )
        .expect("reads");
        let (kind, columns) = recognise(&sheet, &workspace(&[("anna", "Anna")]));
        assert_eq!(kind, Kind::Shopify);
        let columns = columns.expect("columns");
        let one = resolve(&sheet, &columns, &workspace(&[("anna", "Anna")])).expect("resolves");
        assert_eq!(one.made_by, MadeBy::Person("anna".to_owned()));
        assert_eq!(one.dates, DateOrder::DayFirst);
        let two = workspace(&[("anna", "Anna"), ("bram", "Bram")]);
        assert_eq!(
            resolve(&sheet, &columns, &two).unwrap_err().to_string(),
            "the file does not say who made the orders: name one person for the whole file (--made-by PERSON) or the column that says it (made_by=COLUMN); the staff are anna, bram"
        );
        let mut named = columns.clone();
        named.made_by = Some(Maker::Person("Bob".to_owned()));
        assert_eq!(
            resolve(&sheet, &named, &two).unwrap_err().to_string(),
            "\"Bob\" is nobody on the staff; the staff are anna, bram"
        );
        named.product = vec!["Lineitem naam".to_owned()];
        named.made_by = None;
        assert_eq!(
            resolve(&sheet, &named, &workspace(&[("anna", "Anna")]))
                .unwrap_err()
                .to_string(),
            "the column \"Lineitem naam\" is not in the file; its columns are Name, Created at, Lineitem quantity, Lineitem name"
        );
    }
}
