//! Personal PINs: what makes a signature deliberate and the signer's own.
//!
//! A PIN is 4 to 8 digits; only its argon2id hash (a PHC string, salt and parameters
//! included) is kept, in the person's `pin` field. [`PinGuard`] slows down guessing at
//! the window: after [`PinGuard::TRIES`] wrong PINs in a row, that person's PIN is not
//! asked again for [`PinGuard::WAIT`].
//!
//! The files can still be edited by anyone who can open the folder: a PIN keeps one
//! person from signing as another in the app, it does not make the files tamper-proof.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params};

/// A PIN as typed: 4 to 8 ASCII digits. Its `Debug` never shows the digits.
#[derive(Clone, PartialEq, Eq)]
pub struct Pin(String);

/// Why typed text is not a PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PinError {
    /// Something other than the digits 0-9 was typed.
    #[error("a PIN is digits only")]
    NotDigits,
    /// Fewer than [`Pin::MIN_LEN`] digits.
    #[error("a PIN has at least 4 digits; this one has {digits}")]
    TooShort {
        /// How many digits were typed.
        digits: usize,
    },
    /// More than [`Pin::MAX_LEN`] digits.
    #[error("a PIN has at most 8 digits; this one has {digits}")]
    TooLong {
        /// How many digits were typed.
        digits: usize,
    },
}

impl Pin {
    /// The fewest digits a PIN has.
    pub const MIN_LEN: usize = 4;
    /// The most digits a PIN has.
    pub const MAX_LEN: usize = 8;

    /// The PIN in `typed`: 4 to 8 ASCII digits, nothing else (no spaces either).
    pub fn parse(typed: &str) -> Result<Pin, PinError> {
        if !typed.chars().all(|c| c.is_ascii_digit()) {
            return Err(PinError::NotDigits);
        }
        match typed.len() {
            digits if digits < Self::MIN_LEN => Err(PinError::TooShort { digits }),
            digits if digits > Self::MAX_LEN => Err(PinError::TooLong { digits }),
            _ => Ok(Pin(typed.to_owned())),
        }
    }
}

impl fmt::Debug for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pin(****)")
    }
}

/// The hasher: argon2id with the crate's default cost (19 MiB, 2 passes, 1 lane), OWASP's
/// minimum for argon2id; a few tens of milliseconds on a small machine, once per PIN asked.
fn hasher() -> Argon2<'static> {
    Argon2::new(
        Algorithm::Argon2id,
        argon2::Version::V0x13,
        Params::default(),
    )
}

/// The PHC string to keep for `pin`, with a fresh random salt: two hashes of one PIN differ.
pub fn hash_pin(pin: &Pin) -> String {
    let salt = SaltString::generate(&mut password_hash::rand_core::OsRng);
    match hasher().hash_password(pin.0.as_bytes(), &salt) {
        Ok(hash) => hash.to_string(),
        // Only a salt or parameters out of argon2's range fail, and both are fixed here.
        Err(error) => unreachable!("argon2id with default parameters refused a PIN: {error}"),
    }
}

/// The most memory a kept hash may ask for, in KiB: a hand-edited `pin` asking for
/// gigabytes would otherwise stall the window at every PIN prompt.
const MAX_MEMORY_KIB: u32 = 256 * 1024;
/// The most passes a kept hash may ask for, for the same reason.
const MAX_PASSES: u32 = 16;
/// The most lanes a kept hash may ask for.
const MAX_LANES: u32 = 8;

/// Whether `pin` is the PIN `hash` was made from. A damaged hash, or one that is not
/// argon2id or asks for more work than [`hash_pin`] would ever give it, is never matched.
pub fn verify_pin(hash: &str, pin: &Pin) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    if parsed.algorithm != Algorithm::Argon2id.ident() {
        return false;
    }
    let Ok(params) = Params::try_from(&parsed) else {
        return false;
    };
    if params.m_cost() > MAX_MEMORY_KIB
        || params.t_cost() > MAX_PASSES
        || params.p_cost() > MAX_LANES
    {
        return false;
    }
    hasher().verify_password(pin.0.as_bytes(), &parsed).is_ok()
}

/// Why a PIN was not taken at a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PinRefused {
    /// "That PIN is not right"; `tries_left` more before the wait.
    #[error("that PIN is not right")]
    Wrong {
        /// Wrong tries left before the wait starts.
        tries_left: u32,
    },
    /// Too many wrong tries in a row: the PIN is not asked for `seconds` more seconds.
    #[error("too many wrong PINs; try again in {seconds} seconds")]
    Wait {
        /// Whole seconds left, rounded up (at least 1).
        seconds: u64,
    },
}

/// Counts wrong PINs per person, in this window only; the time is passed in, so tests
/// need no clock. One guard serves every PIN prompt of a window (it counts through a
/// shared reference), so five wrong tries at one prompt are a wait at all the others.
#[derive(Debug, Default)]
pub struct PinGuard {
    people: Mutex<HashMap<String, Tries>>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Tries {
    wrong: u32,
    locked_until: Option<Instant>,
}

impl PinGuard {
    /// Wrong PINs in a row before the wait.
    pub const TRIES: u32 = 5;
    /// How long the wait is.
    pub const WAIT: Duration = Duration::from_secs(30);

    /// How long `person` must still wait at `now` before a PIN is taken, if at all.
    pub fn wait_left(&self, person: &str, now: Instant) -> Option<Duration> {
        let until = self.people().get(person)?.locked_until?;
        (until > now).then(|| until - now)
    }

    /// The counts; a panic elsewhere while they were held leaves them as they were.
    fn people(&self) -> MutexGuard<'_, HashMap<String, Tries>> {
        self.people.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Checks `typed` against the kept `hash` of `person` at `now`. A right PIN clears the
    /// count; a wrong one, or text that is no PIN at all, counts as a wrong try. While the
    /// wait runs nothing is checked (not even a right PIN).
    pub fn attempt(
        &self,
        person: &str,
        hash: &str,
        typed: &str,
        now: Instant,
    ) -> Result<(), PinRefused> {
        if let Some(left) = self.wait_left(person, now) {
            return Err(PinRefused::Wait {
                seconds: left.as_secs() + u64::from(left.subsec_nanos() > 0),
            });
        }
        let right = Pin::parse(typed).is_ok_and(|pin| verify_pin(hash, &pin));
        let mut people = self.people();
        if right {
            people.remove(person);
            return Ok(());
        }
        let tries = people.entry(person.to_owned()).or_default();
        // A wait that ran out starts a fresh count.
        if tries.locked_until.is_some() {
            *tries = Tries::default();
        }
        tries.wrong += 1;
        if tries.wrong >= Self::TRIES {
            tries.locked_until = Some(now + Self::WAIT);
            return Err(PinRefused::Wait {
                seconds: Self::WAIT.as_secs(),
            });
        }
        Err(PinRefused::Wrong {
            tries_left: Self::TRIES - tries.wrong,
        })
    }
}

#[cfg(test)]
mod tests;
