//! Temporary passwords: drawn from the operating system's CSPRNG (through rand's
//! thread-local `ChaCha` generator, seeded from the OS), long enough for the directory's
//! policy, with every character class, without look-alike characters, and never
//! containing the login. Directories skip quality checks for a password administrator,
//! so the checks happen here.

use rand::Rng;
use rand::seq::SliceRandom;

const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER: &[u8] = b"abcdefghijkmnopqrstuvwxyz";
const DIGITS: &[u8] = b"23456789";
const SYMBOLS: &[u8] = b"!#%+-=?@_";

/// The length used when the policy asks for less.
pub const DEFAULT_LENGTH: usize = 16;

/// A new temporary password of at least `min_length` characters.
pub fn generate(min_length: usize, login: &str) -> String {
    // A policy asking for more than 256 characters is a typo; don't allocate it.
    let length = min_length.clamp(DEFAULT_LENGTH, 256);
    let mut rng = rand::rng();
    loop {
        let all: Vec<u8> = [UPPER, LOWER, DIGITS, SYMBOLS].concat();
        let mut chars: Vec<u8> = [UPPER, LOWER, DIGITS, SYMBOLS].iter().map(|class| class[rng.random_range(0..class.len())]).collect();
        while chars.len() < length {
            chars.push(all[rng.random_range(0..all.len())]);
        }
        chars.shuffle(&mut rng);
        let password = String::from_utf8(chars).unwrap_or_default();
        if acceptable(&password, login, length) {
            return password;
        }
    }
}

/// Whether a password meets the checks a help desk must do itself: length, three of
/// four character classes, and not containing the login (three characters or more).
pub fn acceptable(password: &str, login: &str, min_length: usize) -> bool {
    let classes = [
        password.chars().any(|c| c.is_ascii_uppercase()),
        password.chars().any(|c| c.is_ascii_lowercase()),
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| !c.is_ascii_alphanumeric()),
    ];
    let contains_login = login.chars().count() >= 3 && password.to_lowercase().contains(&login.to_lowercase());
    password.chars().count() >= min_length && classes.iter().filter(|c| **c).count() >= 3 && !contains_login
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_passwords() {
        let mut seen = std::collections::HashSet::new();
        for _ in 0..200 {
            let p = generate(8, "alice");
            assert_eq!(p.len(), DEFAULT_LENGTH);
            assert!(acceptable(&p, "alice", 16), "{p}");
            assert!(p.chars().any(|c| c.is_ascii_uppercase()) && p.chars().any(|c| c.is_ascii_lowercase()));
            assert!(p.chars().any(|c| c.is_ascii_digit()) && p.chars().any(|c| SYMBOLS.contains(&(c as u8))));
            assert!(!p.contains(['I', 'O', 'l', '0', '1']), "{p}");
            seen.insert(p);
        }
        assert_eq!(seen.len(), 200, "no repeats");
        assert_eq!(generate(24, "x").len(), 24);
    }

    #[test]
    fn checks() {
        assert!(!acceptable("Short1!", "x", 8));
        assert!(!acceptable("alllowercase123", "x", 8), "two classes");
        assert!(!acceptable("Xx-Alice-2026!", "alice", 8), "contains the login");
        assert!(acceptable("Correct-Horse-7", "alice", 8));
    }
}
