use std::time::{Duration, Instant};

use super::*;

fn pin(typed: &str) -> Pin {
    Pin::parse(typed).expect("a PIN")
}

#[test]
fn a_pin_is_four_to_eight_digits_and_nothing_else() {
    assert!(Pin::parse("0000").is_ok());
    assert!(Pin::parse("12345678").is_ok());
    assert_eq!(Pin::parse("123"), Err(PinError::TooShort { digits: 3 }));
    assert_eq!(Pin::parse(""), Err(PinError::TooShort { digits: 0 }));
    assert_eq!(
        Pin::parse("123456789"),
        Err(PinError::TooLong { digits: 9 })
    );
    for bad in ["abcd", "12a4", "12 34", " 1234", "１２３４", "12.3", "-123"] {
        assert_eq!(Pin::parse(bad), Err(PinError::NotDigits), "{bad:?}");
    }
}

#[test]
fn a_pin_never_shows_in_debug_output() {
    assert_eq!(format!("{:?}", pin("4711")), "Pin(****)");
}

#[test]
fn a_hash_is_argon2id_salted_and_matches_only_its_pin() {
    let hash = hash_pin(&pin("4711"));
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert!(!hash.contains("4711"), "{hash}");
    assert!(verify_pin(&hash, &pin("4711")));
    assert!(!verify_pin(&hash, &pin("4712")));
    assert!(!verify_pin(&hash, &pin("47110")));
    // A fresh salt each time: two people with one PIN are not told apart by their hashes.
    assert_ne!(hash, hash_pin(&pin("4711")));
}

#[test]
fn a_damaged_or_foreign_hash_never_matches_and_never_panics() {
    let hash = hash_pin(&pin("4711"));
    let cut = &hash[..hash.len() - 5];
    let argon2i = hash.replacen("$argon2id$", "$argon2i$", 1);
    let greedy = hash.replacen("m=19456", "m=4000000", 1);
    for bad in [
        "",
        "4711",
        "$argon2id$",
        "$argon2id$v=19$m=19456,t=2,p=1$$",
        cut,
        &argon2i,
        &greedy,
        "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
    ] {
        assert!(!verify_pin(bad, &pin("4711")), "{bad:?}");
    }
}

#[test]
fn five_wrong_pins_in_a_row_mean_a_thirty_second_wait() {
    let hash = hash_pin(&pin("4711"));
    let guard = PinGuard::default();
    let t0 = Instant::now();
    for left in (1..=4).rev() {
        assert_eq!(
            guard.attempt("anna", &hash, "0000", t0),
            Err(PinRefused::Wrong { tries_left: left })
        );
    }
    assert_eq!(
        guard.attempt("anna", &hash, "abc", t0),
        Err(PinRefused::Wait { seconds: 30 }),
        "text that is no PIN is a wrong try too"
    );
    // During the wait even the right PIN is not taken, and the time left is told.
    let later = t0 + Duration::from_millis(10_500);
    assert_eq!(
        guard.attempt("anna", &hash, "4711", later),
        Err(PinRefused::Wait { seconds: 20 })
    );
    assert_eq!(
        guard.wait_left("anna", later),
        Some(Duration::from_millis(19_500))
    );
    // Someone else is not held up by Anna's wait.
    assert_eq!(guard.wait_left("bram", later), None);
    assert_eq!(guard.attempt("bram", &hash, "4711", later), Ok(()));
    // After the wait: one wrong try is one of a fresh five, and a right PIN clears them.
    let after = t0 + PinGuard::WAIT;
    assert_eq!(guard.wait_left("anna", after), None);
    assert_eq!(
        guard.attempt("anna", &hash, "1234", after),
        Err(PinRefused::Wrong { tries_left: 4 })
    );
    assert_eq!(guard.attempt("anna", &hash, "4711", after), Ok(()));
    assert_eq!(
        guard.attempt("anna", &hash, "1234", after),
        Err(PinRefused::Wrong { tries_left: 4 })
    );
}

#[test]
fn a_right_pin_resets_the_count_of_wrong_ones() {
    let hash = hash_pin(&pin("4711"));
    let guard = PinGuard::default();
    let now = Instant::now();
    for _ in 0..4 {
        assert!(guard.attempt("anna", &hash, "1111", now).is_err());
    }
    assert_eq!(guard.attempt("anna", &hash, "4711", now), Ok(()));
    for left in (1..=4).rev() {
        assert_eq!(
            guard.attempt("anna", &hash, "1111", now),
            Err(PinRefused::Wrong { tries_left: left })
        );
    }
}
