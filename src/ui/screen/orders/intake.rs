//! The preview of a CSV file before it is imported: what kind of file its header says it
//! is, for a file nobody has mapped yet one pick list per field over its header, who made
//! the orders, how its dates read, and its first orders under that mapping with the rows
//! that must be fixed first. Nothing is written until "Import N orders".

pub mod say;
mod view;

use std::path::PathBuf;

use crate::import::{Choices, ImportError, Kind, Sheet, columns_for, orders_of};
use crate::model::{Columns, DateOrder, Maker, Order, Workspace};

/// A file picked for import, and the mapping being chosen for it.
#[derive(Debug)]
pub struct Intake {
    csv: PathBuf,
    sheet: Sheet,
    kind: Kind,
    draft: Draft,
    preview: Preview,
}

/// The mapping as chosen so far: a new file's starts empty.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Draft {
    id: Option<String>,
    placed: Option<String>,
    customer: Vec<String>,
    product: Vec<String>,
    quantity: Option<String>,
    made_by: Option<Maker>,
    dates: DateOrder,
}

/// The file read under the draft.
#[derive(Debug)]
enum Preview {
    /// The order number, date or product column is not chosen yet.
    Incomplete,
    /// Nobody is chosen as the maker, and the staff are more than one.
    NoMaker,
    Orders(Vec<Order>),
    Refused(ImportError),
}

/// A column offered in a pick list, or none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    column: Option<String>,
    label: String,
}

impl std::fmt::Display for Pick {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// A maker offered: a column of the file or a person on the staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MakerPick {
    maker: Maker,
    label: String,
}

impl std::fmt::Display for MakerPick {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// What the user did in the preview.
#[derive(Debug, Clone)]
pub enum Message {
    Id(String),
    Placed(String),
    Quantity(Pick),
    AddCustomer(String),
    DropCustomer(usize),
    AddProduct(String),
    DropProduct(usize),
    Maker(MakerPick),
    DayFirst(bool),
    Import,
    Cancel,
}

/// What the orders screen does after a message.
#[derive(Debug)]
pub enum Event {
    None,
    /// Import the file with these choices; first save this workspace, which remembers the
    /// mapping, when there is one.
    Import {
        csv: PathBuf,
        choices: Box<Choices>,
        remember: Option<Box<Workspace>>,
    },
    Cancel,
}

impl Intake {
    /// The preview of `sheet`, read from `csv`, as its header says to read it.
    pub fn new(csv: PathBuf, sheet: Sheet, workspace: &Workspace) -> Intake {
        let (kind, columns) = crate::import::recognise(&sheet, workspace);
        let language_order = if workspace.language == "nl" {
            DateOrder::DayFirst
        } else {
            DateOrder::MonthFirst
        };
        let draft = match columns {
            Some(columns) => Draft {
                id: Some(columns.id),
                placed: Some(columns.placed),
                customer: columns.customer,
                product: columns.product,
                quantity: columns.quantity,
                made_by: columns.made_by,
                dates: columns.dates.unwrap_or(language_order),
            },
            None => Draft {
                id: None,
                placed: None,
                customer: Vec::new(),
                product: Vec::new(),
                quantity: None,
                made_by: None,
                dates: language_order,
            },
        };
        let mut draft = draft;
        let staying: Vec<&str> = workspace
            .staff
            .iter()
            .filter(|p| p.left.is_none())
            .map(|p| p.id.as_str())
            .collect();
        // The one person on the staff made every order, as the import takes it.
        if let (None, [one], false) = (&draft.made_by, staying.as_slice(), kind == Kind::RightFirst)
        {
            draft.made_by = Some(Maker::Person((*one).to_owned()));
        }
        let mut intake = Intake {
            csv,
            sheet,
            kind,
            draft,
            preview: Preview::Incomplete,
        };
        intake.refresh(workspace);
        intake
    }

    /// The name of the file being previewed.
    pub fn file_name(&self) -> String {
        self.csv
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }

    /// Whether the columns are the user's to choose: not for a header Right First knows.
    fn editable(&self) -> bool {
        matches!(self.kind, Kind::New | Kind::Remembered)
    }

    /// The columns chosen, once the order number, date and product are.
    fn columns(&self) -> Option<Columns> {
        let draft = &self.draft;
        (!draft.product.is_empty()).then_some(())?;
        Some(Columns {
            id: draft.id.clone()?,
            placed: draft.placed.clone()?,
            customer: draft.customer.clone(),
            product: draft.product.clone(),
            quantity: draft.quantity.clone(),
            made_by: draft.made_by.clone(),
            dates: Some(draft.dates),
        })
    }

    /// What the import is told: the columns for a file the user maps, else only the maker
    /// and the date order beside what the header says.
    fn choices(&self) -> Option<Choices> {
        if self.editable() {
            return Some(Choices {
                columns: Some(self.columns()?),
                ..Choices::default()
            });
        }
        Some(Choices {
            columns: None,
            made_by: match &self.draft.made_by {
                Some(Maker::Person(id)) => Some(id.clone()),
                _ => None,
            },
            dates: Some(self.draft.dates),
            remember: false,
        })
    }

    /// Reads the file again under the draft.
    fn refresh(&mut self, workspace: &Workspace) {
        // Said in the window's words, where the import would name --made-by.
        let maker_needed = self.draft.made_by.is_none()
            && workspace.staff.iter().filter(|p| p.left.is_none()).count() != 1;
        self.preview = match self.choices() {
            None => Preview::Incomplete,
            Some(_) if maker_needed => Preview::NoMaker,
            Some(choices) => match columns_for(&self.sheet, workspace, &choices)
                .and_then(|(kind, columns)| orders_of(&self.sheet, kind, &columns, workspace))
            {
                Ok(orders) => Preview::Orders(orders),
                Err(error) => Preview::Refused(error),
            },
        };
    }

    /// Handles a message of the preview.
    pub fn update(&mut self, message: Message, workspace: &Workspace) -> Event {
        let draft = &mut self.draft;
        match message {
            Message::Id(column) => draft.id = Some(column),
            Message::Placed(column) => draft.placed = Some(column),
            Message::Quantity(pick) => draft.quantity = pick.column,
            Message::AddCustomer(column) => add(&mut draft.customer, column),
            Message::DropCustomer(n) => drop_at(&mut draft.customer, n),
            Message::AddProduct(column) => add(&mut draft.product, column),
            Message::DropProduct(n) => drop_at(&mut draft.product, n),
            Message::Maker(pick) => draft.made_by = Some(pick.maker),
            Message::DayFirst(day_first) => {
                draft.dates = if day_first {
                    DateOrder::DayFirst
                } else {
                    DateOrder::MonthFirst
                };
            }
            Message::Import => return self.import(workspace),
            Message::Cancel => return Event::Cancel,
        }
        self.refresh(workspace);
        Event::None
    }

    /// The import, once every row reads: with the workspace remembering the mapping when it
    /// is new or changed.
    fn import(&self, workspace: &Workspace) -> Event {
        let (Preview::Orders(_), Some(choices)) = (&self.preview, self.choices()) else {
            return Event::None;
        };
        let remember = match (self.editable(), self.columns()) {
            (true, Some(columns))
                if workspace.mapping_for(&self.sheet.header) != Some(&columns) =>
            {
                let mut workspace = workspace.clone();
                workspace.remember_mapping(self.sheet.header.clone(), columns);
                Some(Box::new(workspace))
            }
            _ => None,
        };
        Event::Import {
            csv: self.csv.clone(),
            choices: Box::new(choices),
            remember,
        }
    }
}

/// Adds `column` to `columns` unless it is there.
fn add(columns: &mut Vec<String>, column: String) {
    if !columns.contains(&column) {
        columns.push(column);
    }
}

/// Removes the `n`th column, if there is one.
fn drop_at(columns: &mut Vec<String>, n: usize) {
    if n < columns.len() {
        columns.remove(n);
    }
}
