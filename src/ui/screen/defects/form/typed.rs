//! Typed input as people write it: euros with a comma or a point, dates, trimmed text.

use crate::model::Date;
use crate::ui::text::Language;

/// Why a typed cost is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CostError {
    /// Not euros and at most two decimals.
    NotAnAmount,
    /// Below zero.
    Negative,
}

/// A cost in euros as typed ("12,50", "12.50", "€ 12", "") in cents; empty is nothing.
pub fn typed_cents(text: &str) -> Result<u64, CostError> {
    let text = text.trim();
    let text = text.strip_prefix('€').unwrap_or(text).trim_start();
    if text.is_empty() {
        return Ok(0);
    }
    if text.starts_with('-') {
        return Err(CostError::Negative);
    }
    let (euros, cents) = match text.find([',', '.']) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    };
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (euros.is_empty() && cents.is_empty()) || !digits(euros) || !digits(cents) || cents.len() > 2
    {
        return Err(CostError::NotAnAmount);
    }
    let euros: u64 = match euros {
        "" => 0,
        euros => euros.parse().map_err(|_| CostError::NotAnAmount)?,
    };
    let cents: u64 = match cents.len() {
        0 => 0,
        1 => cents.parse::<u64>().map_err(|_| CostError::NotAnAmount)? * 10,
        _ => cents.parse().map_err(|_| CostError::NotAnAmount)?,
    };
    euros
        .checked_mul(100)
        .and_then(|e| e.checked_add(cents))
        .ok_or(CostError::NotAnAmount)
}

/// Cents as the user's language writes euros: "12,50" in Dutch, "12.50" in English; an
/// empty field for nothing.
pub fn shown_cents(cents: u64, language: Language) -> String {
    if cents == 0 {
        return String::new();
    }
    let mark = language.marks().0;
    format!("{}{mark}{:02}", cents / 100, cents % 100)
}

/// A date as typed: empty is `None`; anything else must be a real `YYYY-MM-DD`.
pub(super) fn typed_date(text: &str) -> Result<Option<Date>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|_| ())
}

pub(super) fn shown_date(date: Option<Date>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// The text with its outer white space gone, or `None` when nothing is left.
pub(super) fn filled(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}
