//! Secret tokens: 256 random bits from the operating system, stored with the
//! booking only as a SHA-256 hash.
//!
//! The tokens are long random strings, not passwords, so one fast hash is enough:
//! nobody can guess a preimage of 2^256 possibilities. The one place a token is
//! kept in plain is the outbox, while a mail that carries its link waits to be
//! sent (inside the rendered message, or beside it for a mail rendered when it
//! is sent); it is erased once the mail is sent or given up, or the booking's
//! personal data is erased.

use sha2::{Digest, Sha256};

/// A new secret: 32 bytes from the OS's secure generator, hex-encoded.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random generator failed");
    hex(&bytes)
}

/// The stored form of a token.
pub fn hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Whether a string can be a token at all (cheap check before any lookup).
pub fn looks_like_token(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_256_bit_and_never_repeat() {
        let a = new_token();
        let b = new_token();
        assert_eq!(a.len(), 64);
        assert!(looks_like_token(&a));
        assert_ne!(a, b);
        assert_ne!(hash(&a), a);
        assert_eq!(hash(&a), hash(&a));
    }
}
