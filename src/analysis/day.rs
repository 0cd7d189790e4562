//! Days as plain numbers, so windows and weeks are integer arithmetic.

use crate::model::Date;

/// Days since 1970-01-01 (negative before), by the proleptic Gregorian calendar.
///
/// jiff's span arithmetic is exact but costs far more than this; the figures take one of
/// these per order, a hundred thousand times over.
pub(crate) fn number(date: Date) -> i64 {
    let (year, month, day) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    // Years start in March, so the leap day is the last day of its year.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Monday 0 to Sunday 6.
pub(crate) fn weekday(date: Date) -> i64 {
    // 1970-01-01 was a Thursday.
    (number(date) + 3).rem_euclid(7)
}

/// The day `days` after `date`, by the calendar's own arithmetic.
pub(crate) fn after(date: Date, days: i64) -> Date {
    date.add_days(i32::try_from(days).unwrap_or(if days < 0 { i32::MIN } else { i32::MAX }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn numbers_agree_with_the_calendar() {
        assert_eq!(number(day("1970-01-01")), 0);
        assert_eq!(number(day("2026-11-23")) - number(day("2026-08-25")), 90);
        let mut date = day("0000-01-01");
        let mut expected = number(date);
        while date < day("2401-01-01") {
            assert_eq!(number(date), expected, "{date}");
            assert_eq!(
                weekday(date),
                i64::from(date.civil().weekday().to_monday_zero_offset())
            );
            date = date.add_days(1);
            expected += 1;
        }
        assert_eq!(after(day("2026-11-23"), -89).to_string(), "2026-08-26");
    }
}
