//! Measured quantities as people write them: `65`, not `65.0`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A finite number from a spec, a measure or a check; whole values are written without decimals.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Number(f64);

/// Whole numbers up to this size are written as integers; all of them are exact in an f64.
const WHOLE_LIMIT: f64 = 9_007_199_254_740_992.0; // 2^53

impl Number {
    /// A number, or `None` for NaN and infinities, which no scale shows.
    pub fn new(value: f64) -> Option<Self> {
        value.is_finite().then_some(Number(value))
    }

    /// The value.
    pub fn get(self) -> f64 {
        self.0
    }

    fn as_whole(self) -> Option<i64> {
        (self.0.fract() == 0.0 && self.0.abs() < WHOLE_LIMIT).then_some(self.0 as i64)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.as_whole() {
            Some(whole) => write!(f, "{whole}"),
            None => write!(f, "{}", self.0),
        }
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.as_whole() {
            Some(whole) => serializer.serialize_i64(whole),
            None => serializer.serialize_f64(self.0),
        }
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        Number::new(value).ok_or_else(|| {
            serde::de::Error::custom(format!("expected a finite number, found {value}"))
        })
    }
}
