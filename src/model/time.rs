//! Dates and local times exactly as FORMAT.md writes them: `"2026-11-23"`, `"2026-11-23T15:02"`.

use std::fmt;
use std::str::FromStr;

use jiff::civil;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day, written `"YYYY-MM-DD"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(civil::Date);

/// A local time to the minute, written `"YYYY-MM-DDTHH:MM"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime(civil::DateTime);

impl Date {
    /// The day, or `None` when no such day exists.
    /// Years outside 0000-9999 are refused: FORMAT.md writes four digits.
    pub fn new(year: i16, month: i8, day: i8) -> Option<Self> {
        if !(0..=9999).contains(&year) {
            return None;
        }
        civil::Date::new(year, month, day).ok().map(Date)
    }

    /// The year.
    pub fn year(self) -> i16 {
        self.0.year()
    }

    /// The month, 1 to 12.
    pub fn month(self) -> i8 {
        self.0.month()
    }

    /// The day of the month.
    pub fn day(self) -> i8 {
        self.0.day()
    }

    /// The day `days` later (earlier when negative), saturating at the calendar's ends.
    pub fn add_days(self, days: i32) -> Self {
        let (first, last) = (civil::date(0, 1, 1), civil::date(9999, 12, 31));
        let day = self
            .0
            .checked_add(jiff::Span::new().days(days))
            .unwrap_or(if days < 0 { first } else { last });
        Date(day.clamp(first, last))
    }

    /// The same day a year later: 29 February becomes 28 February (and the calendar's
    /// last year stays put).
    pub fn a_year_later(self) -> Self {
        let (year, month, day) = (self.year().saturating_add(1), self.month(), self.day());
        Date::new(year, month, day)
            .or_else(|| Date::new(year, month, day - 1))
            .unwrap_or(self)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i32 {
        (later.0 - self.0).get_days()
    }

    /// `"YYYY-MM"`, the name of the orders folder for this day.
    pub fn month_folder(self) -> String {
        format!("{:04}-{:02}", self.year(), self.month())
    }

    /// The jiff value, for callers that compute with dates.
    pub fn civil(self) -> civil::Date {
        self.0
    }
}

impl From<civil::Date> for Date {
    /// Clamped to 0000-9999, the years a file can hold.
    fn from(date: civil::Date) -> Self {
        Date(date.clamp(civil::date(0, 1, 1), civil::date(9999, 12, 31)))
    }
}

impl DateTime {
    /// The time, or `None` when no such time exists.
    pub fn new(date: Date, hour: i8, minute: i8) -> Option<Self> {
        civil::Time::new(hour, minute, 0, 0)
            .ok()
            .map(|time| DateTime(date.0.to_datetime(time)))
    }

    /// `2026-11-23 15:02`: as people read a time, where the file writes `2026-11-23T15:02`.
    pub fn readable(self) -> String {
        format!(
            "{} {:02}:{:02}",
            self.date(),
            self.0.hour(),
            self.0.minute()
        )
    }

    /// Midnight at the start of `date`.
    pub fn start_of(date: Date) -> Self {
        DateTime(date.0.to_datetime(civil::Time::midnight()))
    }

    /// The day part.
    pub fn date(self) -> Date {
        Date(self.0.date())
    }
}

/// Why a date or time did not parse, in words for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected {expected}, found \"{found}\"")]
pub struct BadTime {
    expected: &'static str,
    found: String,
}

fn digits(text: &str) -> Option<i64> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// Splits `YYYY-MM-DD` strictly: four, two and two digits.
fn split_date(text: &str) -> Option<(i16, i8, i8)> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = digits(&text[0..4])?;
    let month = digits(&text[5..7])?;
    let day = digits(&text[8..10])?;
    Some((year as i16, month as i8, day as i8))
}

impl FromStr for Date {
    type Err = BadTime;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || BadTime {
            expected: "a date as \"YYYY-MM-DD\" that exists on the calendar",
            found: text.to_owned(),
        };
        let (year, month, day) = split_date(text).ok_or_else(bad)?;
        Date::new(year, month, day).ok_or_else(bad)
    }
}

impl FromStr for DateTime {
    type Err = BadTime;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || BadTime {
            expected: "a time as \"YYYY-MM-DDTHH:MM\" that exists on the calendar",
            found: text.to_owned(),
        };
        let (day, clock) = text.split_once('T').ok_or_else(bad)?;
        let date: Date = day.parse().map_err(|_| bad())?;
        let (hour, minute) = clock.split_once(':').ok_or_else(bad)?;
        if hour.len() != 2 || minute.len() != 2 {
            return Err(bad());
        }
        let hour = digits(hour).ok_or_else(bad)?;
        let minute = digits(minute).ok_or_else(bad)?;
        DateTime::new(date, hour as i8, minute as i8).ok_or_else(bad)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}",
            self.date(),
            self.0.hour(),
            self.0.minute()
        )
    }
}

macro_rules! serde_as_string {
    ($type:ty) => {
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                // A visitor, not a String: five years of orders hold half a million dates.
                struct Text;
                impl serde::de::Visitor<'_> for Text {
                    type Value = $type;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a string")
                    }
                    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<$type, E> {
                        text.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(Text)
            }
        }
    };
}

serde_as_string!(Date);
serde_as_string!(DateTime);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_reads_with_a_space_and_is_written_with_a_t() {
        let at: DateTime = "2026-11-23T09:05".parse().unwrap();
        assert_eq!(at.readable(), "2026-11-23 09:05");
        assert_eq!(at.to_string(), "2026-11-23T09:05");
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(
            "2026-11-23".parse::<Date>().unwrap().to_string(),
            "2026-11-23"
        );
        for bad in [
            "2026-13-01",
            "2026-02-30",
            "26-11-23",
            "2026-1-23",
            "2026-11-23 ",
            "+026-11-23",
            "",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn times_parse_strictly() {
        let time: DateTime = "2026-11-23T15:02".parse().unwrap();
        assert_eq!(time.to_string(), "2026-11-23T15:02");
        for bad in [
            "2026-11-23T24:00",
            "2026-11-23T15:02:00",
            "2026-11-23 15:02",
            "2026-11-23T1:02",
        ] {
            assert!(bad.parse::<DateTime>().is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn dates_stay_within_the_years_a_file_can_hold() {
        assert!(Date::new(-1, 1, 1).is_none());
        let first = Date::new(0, 1, 1).unwrap();
        assert_eq!(first.add_days(-10), first);
        assert_eq!(first.to_string().parse::<Date>().unwrap(), first);
    }

    #[test]
    fn day_arithmetic() {
        let day: Date = "2026-11-23".parse().unwrap();
        assert_eq!(day.add_days(-90).to_string(), "2026-08-25");
        assert_eq!(day.add_days(-90).days_until(day), 90);
        assert_eq!(day.month_folder(), "2026-11");
    }

    #[test]
    fn a_year_later_is_the_same_day_or_the_28th_of_february() {
        let date = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(date(2026, 11, 23).a_year_later(), date(2027, 11, 23));
        assert_eq!(date(2028, 2, 29).a_year_later(), date(2029, 2, 28));
    }
}
