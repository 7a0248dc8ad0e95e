//! Booking codes (Vorgangsnummer): 8 characters of Crockford base32 and a check character.
//!
//! A code is read out at the front desk, typed by a clerk or a USB scanner, or
//! read from the QR code in the mail. Crockford's alphabet has no I, L, O or U,
//! so what looks alike reads alike; the check character (the value modulo 37,
//! as in Crockford's spec) catches every single mistyped character and every
//! swap of two neighbours. The code only checks a booking in: it is not the
//! secret that manages it.

use std::fmt;

/// The 32 symbols of a code's data characters, by value.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// The check symbols: the 32 above, then the five Crockford adds for 32..36.
const CHECK: &[u8; 37] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
/// Data characters of a code.
pub const DATA_LEN: usize = 8;

/// A well-formed booking code, stored and compared as its 9 upper-case characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BookingCode(String);

/// Why a typed code is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("a booking code has 9 characters (8 and a check character)")]
    Length,
    #[error("a booking code has only the letters and digits of Crockford's base 32")]
    Character,
    #[error("the check character does not match: the code is mistyped")]
    Check,
}

impl BookingCode {
    /// A new random code, of letters and digits only: values whose check
    /// would be one of Crockford's five symbols (`*~$=U`, hard to read out
    /// and typed differently by scanners set to another keyboard layout) are
    /// drawn again.
    pub fn random() -> BookingCode {
        loop {
            let mut bytes = [0u8; 5];
            getrandom::fill(&mut bytes).expect("the operating system's random generator failed");
            let value = bytes.iter().fold(0u64, |v, b| (v << 8) | u64::from(*b));
            if value % 37 < 32 {
                return BookingCode::of_value(value);
            }
        }
    }

    /// The code of a 40-bit value.
    pub fn of_value(value: u64) -> BookingCode {
        let value = value & ((1 << 40) - 1);
        let mut s = String::with_capacity(DATA_LEN + 1);
        for i in (0..DATA_LEN).rev() {
            s.push(ALPHABET[((value >> (5 * i)) & 31) as usize] as char);
        }
        s.push(CHECK[(value % 37) as usize] as char);
        BookingCode(s)
    }

    /// Read a code as a person or scanner typed it: lower case is upper case,
    /// I and L are 1, O is 0, hyphens and white space (a scanner's line end) are ignored.
    pub fn parse(typed: &str) -> Result<BookingCode, CodeError> {
        let chars: Vec<char> = typed
            .chars()
            .filter(|c| *c != '-' && !c.is_whitespace())
            .map(|c| match c.to_ascii_uppercase() {
                'I' | 'L' => '1',
                'O' => '0',
                other => other,
            })
            .collect();
        if chars.len() != DATA_LEN + 1 {
            return Err(CodeError::Length);
        }
        let mut value: u64 = 0;
        for c in &chars[..DATA_LEN] {
            let d = ALPHABET
                .iter()
                .position(|a| char::from(*a) == *c)
                .ok_or(CodeError::Character)?;
            value = (value << 5) | d as u64;
        }
        let check = CHECK
            .iter()
            .position(|a| char::from(*a) == chars[DATA_LEN])
            .ok_or(CodeError::Character)?;
        if value % 37 != check as u64 {
            return Err(CodeError::Check);
        }
        Ok(BookingCode(chars.into_iter().collect()))
    }

    /// The stored form: 9 characters, no hyphen.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form to print and read out: `K7QM-2XHD-5`.
    pub fn display(&self) -> String {
        format!("{}-{}-{}", &self.0[..4], &self.0[4..8], &self.0[8..])
    }
}

impl fmt::Display for BookingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_back_however_it_is_typed() {
        let code = BookingCode::of_value(0x12_3456_789A);
        assert_eq!(code.as_str().len(), 9);
        assert_eq!(BookingCode::parse(code.as_str()), Ok(code.clone()));
        assert_eq!(BookingCode::parse(&code.display()), Ok(code.clone()));
        let sloppy = code.display().to_lowercase().replace('-', " ");
        assert_eq!(BookingCode::parse(&sloppy), Ok(code.clone()));
        let scanned = format!("{}\r\n", code.as_str());
        assert_eq!(BookingCode::parse(&scanned), Ok(code));
    }

    #[test]
    fn look_alike_letters_read_as_digits() {
        let code = BookingCode::of_value(0x10_0000_0001); // starts with "0" and has 1s
        let typed = code.as_str().replace('0', "O").replace('1', "l");
        assert_eq!(BookingCode::parse(&typed), Ok(code));
    }

    #[test]
    fn wrong_lengths_and_characters_are_refused() {
        assert_eq!(BookingCode::parse("ABC"), Err(CodeError::Length));
        assert_eq!(BookingCode::parse("ABCDEFGH%"), Err(CodeError::Character));
        assert_eq!(BookingCode::parse("ABCDEFGU0"), Err(CodeError::Character));
    }

    #[test]
    fn random_codes_differ_are_valid_and_have_letters_and_digits_only() {
        let a = BookingCode::random();
        let b = BookingCode::random();
        assert_ne!(a, b);
        assert_eq!(BookingCode::parse(a.as_str()), Ok(a));
        for _ in 0..500 {
            let c = BookingCode::random();
            assert!(c.as_str().bytes().all(|b| b.is_ascii_alphanumeric()), "{c}");
        }
    }
}
