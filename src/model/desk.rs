//! The desk code: one or two capital letters a machine picks once, so that ids made on two
//! desks that have not synced yet never collide (FORMAT.md, "Two desks, one folder").

use std::fmt;

use super::{Date, Records};

/// One or two capital letters naming a machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Desk {
    letters: [u8; 2],
    len: usize,
}

impl Desk {
    /// A desk code as written in the settings: one or two letters `A`-`Z`.
    pub fn parse(text: &str) -> Option<Desk> {
        let bytes = text.as_bytes();
        if bytes.is_empty() || bytes.len() > 2 || !bytes.iter().all(u8::is_ascii_uppercase) {
            return None;
        }
        let mut letters = [b'A'; 2];
        letters[..bytes.len()].copy_from_slice(bytes);
        Some(Desk {
            letters,
            len: bytes.len(),
        })
    }

    /// A two-letter code from a random number: 676 codes, so two desks of one shop rarely
    /// share one, and if they do the merge still keeps both desks' records apart.
    pub fn from_random(random: u32) -> Desk {
        let first = b'A' + (random % 26) as u8;
        let second = b'A' + ((random / 26) % 26) as u8;
        Desk {
            letters: [first, second],
            len: 2,
        }
    }

    /// The letters.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.letters[..self.len]).unwrap_or("A")
    }

    /// A new order's id for `day`: `YYYY-MM-<desk><NNNN>`, one past the highest number of
    /// that month on any desk; `YYYY-MM-NNNN` where no desk code is known.
    pub fn order_id(desk: Option<Desk>, records: &Records, day: Date) -> String {
        let month = day.month_folder();
        let highest = records
            .orders
            .iter()
            .filter_map(|order| order_number(order.id.strip_prefix(&month)?.strip_prefix('-')?))
            .max()
            .unwrap_or(0);
        let desk = desk.as_ref().map_or("", Desk::as_str);
        format!("{month}-{desk}{:04}", highest + 1)
    }
}

/// The number of `NNNN`, `A0031` or `AB0031`: up to two capital letters, then digits.
fn order_number(rest: &str) -> Option<u32> {
    let digits = rest.trim_start_matches(|c: char| c.is_ascii_uppercase());
    (rest.len() - digits.len() <= 2 && !digits.is_empty())
        .then(|| digits.parse().ok())
        .flatten()
}

impl fmt::Display for Desk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Order, Workspace};

    #[test]
    fn desk_codes_are_one_or_two_capitals() {
        assert_eq!(Desk::parse("AB").map(|d| d.to_string()), Some("AB".into()));
        assert_eq!(Desk::parse("A").map(|d| d.to_string()), Some("A".into()));
        for bad in ["", "ABC", "a", "A1"] {
            assert_eq!(Desk::parse(bad), None, "{bad}");
        }
        assert_eq!(Desk::from_random(27).as_str(), "BB");
    }

    #[test]
    fn the_next_number_follows_the_months_highest_on_any_desk() {
        let mut records = Records::new(Workspace::new("Test"));
        let today: Date = "2026-11-23".parse().unwrap();
        let desk = Desk::parse("B");
        assert_eq!(Desk::order_id(desk, &records, today), "2026-11-B0001");
        for id in [
            "2026-11-0009",
            "2026-11-A0041",
            "2026-10-0100",
            "walk-in",
            "2026-11-XYZ99",
        ] {
            records.orders.push(Order {
                id: id.into(),
                placed: today,
                customer: None,
                product: "Cone".into(),
                made_by: "tom".into(),
                checks: vec![],
                defects: vec![],
                contacts: vec![],
            });
        }
        assert_eq!(Desk::order_id(desk, &records, today), "2026-11-B0042");
        assert_eq!(Desk::order_id(None, &records, today), "2026-11-0042");
        // The counter finds an order by the number typed alone, desk letter or not.
        assert!(records.orders[1].matches("0041"));
    }
}
