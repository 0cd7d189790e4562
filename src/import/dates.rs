//! The dates tills and webshops write, into the day an order was placed: ISO with or without
//! a time and zone (`2026-11-05 10:15:05 +0100`), and `05-11-2026`, `5/11/2026` or
//! `5.11.2026` read day first or month first as asked. A date that is not on the calendar,
//! or a two-digit year, is refused: never guessed.

use super::reason::{DateForm, DateProblem};
use crate::model::{Date, DateOrder};

/// The day `text` names. The time and zone after it, if any, are left aside: the order was
/// placed on the day the till wrote, where the till stood.
pub fn placed(text: &str, order: DateOrder) -> Result<Date, DateProblem> {
    let text = text.trim();
    let day = text
        .split(|c: char| c.is_whitespace() || c == 'T')
        .next()
        .unwrap_or_default();
    let parts: Vec<&str> = day.split(['-', '/', '.']).collect();
    let number = |part: &str| -> Option<i32> {
        (!part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let expected = || DateProblem::Unreadable {
        text: text.to_owned(),
    };
    let [a, b, c] = parts.as_slice() else {
        return Err(expected());
    };
    let (Some(x), Some(y), Some(z)) = (number(a), number(b), number(c)) else {
        return Err(expected());
    };
    let (year, month, day, read) = if a.len() == 4 {
        (x, y, z, DateForm::YearMonthDay)
    } else if c.len() == 4 {
        match order {
            DateOrder::DayFirst => (z, y, x, DateForm::DayMonthYear),
            DateOrder::MonthFirst => (z, x, y, DateForm::MonthDayYear),
        }
    } else {
        return Err(DateProblem::ShortYear {
            text: text.to_owned(),
        });
    };
    let calendar = i16::try_from(year)
        .ok()
        .zip(i8::try_from(month).ok())
        .zip(i8::try_from(day).ok())
        .and_then(|((year, month), day)| Date::new(year, month, day));
    calendar.ok_or_else(|| DateProblem::NoSuchDay {
        text: text.to_owned(),
        read,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use DateOrder::{DayFirst, MonthFirst};

    fn day(text: &str, order: DateOrder) -> String {
        placed(text, order).map_or_else(|e| e.to_string(), |d| d.to_string())
    }

    #[test]
    fn the_forms_tills_write_give_the_day() {
        assert_eq!(day("2026-11-05 10:15:05 +0100", MonthFirst), "2026-11-05");
        assert_eq!(day("2026-11-05T23:59:00-05:00", DayFirst), "2026-11-05");
        assert_eq!(day(" 2026-11-05 ", DayFirst), "2026-11-05");
        assert_eq!(day("2026/11/05", DayFirst), "2026-11-05");
        assert_eq!(day("05-11-2026", DayFirst), "2026-11-05");
        assert_eq!(day("05-11-2026", MonthFirst), "2026-05-11");
        assert_eq!(day("5/11/2026", DayFirst), "2026-11-05");
        assert_eq!(day("5/11/2026 14:03", MonthFirst), "2026-05-11");
        assert_eq!(day("5.11.2026", DayFirst), "2026-11-05");
    }

    #[test]
    fn impossible_or_short_dates_are_refused_never_guessed() {
        assert_eq!(
            day("31-11-2026", DayFirst),
            "\"31-11-2026\", read as day-month-year, is no day on the calendar"
        );
        assert_eq!(
            day("13/05/2026", MonthFirst),
            "\"13/05/2026\", read as month-day-year, is no day on the calendar"
        );
        assert_eq!(
            day("2026-02-29", DayFirst),
            "\"2026-02-29\", read as year-month-day, is no day on the calendar"
        );
        assert_eq!(
            day("5/11/26", DayFirst),
            "\"5/11/26\" has no four-digit year; export the dates with the whole year"
        );
        for bad in ["", "yesterday", "2026-11", "5 november 2026", "2026-1x-05"] {
            assert!(
                day(bad, DayFirst).starts_with("expected a date such as"),
                "{bad}"
            );
        }
    }
}
