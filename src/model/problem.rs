//! What is wrong with a record, and where in it.

use std::fmt;

/// Whether a problem stops the record from being trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth a look; the record is still used.
    Warning,
    /// The record breaks a rule of the format.
    Error,
}

/// A place inside a record: `steps[2].spec`, as a list of field names and indexes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Field(pub Vec<Segment>);

/// One step of a [`Field`] path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A named field of a struct or struct variant.
    Name(&'static str),
    /// An element of a list.
    Index(usize),
}

impl Field {
    /// The record as a whole.
    pub fn root() -> Self {
        Field(Vec::new())
    }

    /// A field of the record.
    pub fn at(name: &'static str) -> Self {
        Field(vec![Segment::Name(name)])
    }

    /// A named field below this one.
    pub fn name(mut self, name: &'static str) -> Self {
        self.0.push(Segment::Name(name));
        self
    }

    /// A list element below this one.
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(Segment::Index(index));
        self
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Name(name) if n == 0 => write!(f, "{name}")?,
                Segment::Name(name) => write!(f, ".{name}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// One thing wrong with a record, with the field it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where in the record.
    pub field: Field,
    /// What is wrong, in words an owner understands.
    pub message: String,
}

impl Problem {
    /// An error at `field`.
    pub fn error(field: Field, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            field,
            message: message.into(),
        }
    }

    /// A warning at `field`.
    pub fn warning(field: Field, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            field,
            message: message.into(),
        }
    }
}
