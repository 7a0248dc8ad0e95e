//! Checks on free text that citizens type in: names, phone numbers, email addresses.
//!
//! Text from strangers ends up in mails, calendar files and on clerks' screens,
//! so it is held to what it claims to be: a name has the characters names have,
//! an address is one mailbox, and nothing invisible rides along (format
//! characters such as U+202E RIGHT-TO-LEFT OVERRIDE or U+200B ZERO WIDTH SPACE,
//! Unicode category Cf, which can reverse what a clerk reads or make one address
//! look like two to the per-address cap).

use icu_normalizer::ComposingNormalizerBorrowed;
use icu_properties::props::{DefaultIgnorableCodePoint, GeneralCategory, GeneralCategoryGroup};
use icu_properties::{CodePointMapData, CodePointSetData};

fn category(c: char) -> GeneralCategory {
    CodePointMapData::<GeneralCategory>::new().get(c)
}

/// A character that shows nothing itself but changes how text around it is
/// shown or compared: a format character (Cf, which holds the bidi controls,
/// zero-width spaces and joiners and the byte order mark), any other default
/// ignorable one (fillers such as U+3164, variation selectors, the combining
/// grapheme joiner), or a line or paragraph separator.
pub fn is_invisible(c: char) -> bool {
    category(c) == GeneralCategory::Format
        || CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c)
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// A name or other one-line text: no control characters, no line separators,
/// no invisible characters.
pub fn is_clean_line(s: &str) -> bool {
    !s.chars().any(|c| c.is_control() || is_invisible(c))
}

/// What a person's name may contain: letters and the marks that go with them
/// (accents, Arabic vowel signs), spaces, apostrophes, hyphens and dots. No
/// digits, no punctuation that makes a sentence or a link of it.
pub fn is_name(s: &str) -> bool {
    let letters = GeneralCategoryGroup::Letter;
    let marks = GeneralCategoryGroup::Mark;
    s.chars()
        .any(|c| letters.contains(category(c)) && !is_invisible(c))
        && s.chars().all(|c| {
            let gc = category(c);
            !is_invisible(c) && letters.contains(gc)
                || marks.contains(gc)
                || matches!(
                    c,
                    ' ' | '\'' | '\u{2019}' | '\u{02BC}' | '-' | '\u{2010}' | '\u{2011}' | '.'
                )
        })
}

/// A name as stored: composed (NFC), runs of spaces made one.
pub fn clean_name(s: &str) -> String {
    let composed = ComposingNormalizerBorrowed::new_nfc().normalize(s.trim());
    composed
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Phone numbers as people write them: digits, spaces and `+ - / ( )`.
pub fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (3..=20).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '/' | '(' | ')'))
}

/// Why an email address was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailMistake {
    /// Not of the form `local@domain.tld`.
    Form,
    /// The part before the `@` has characters beyond ASCII, which most mail
    /// servers cannot deliver to.
    LocalNotAscii,
    /// Invisible or control characters.
    Invisible,
}

/// An email address of the usual form `local@domain.tld`, as it is stored and
/// mailed to: the local part in ASCII, an internationalised domain as punycode
/// (`müller.de` → `xn--mller-kva.de`) and in lower case.
pub fn email(s: &str) -> Result<String, EmailMistake> {
    let s = s.trim();
    if s.chars().any(|c| c.is_control() || is_invisible(c)) {
        return Err(EmailMistake::Invisible);
    }
    let (local, domain) = s.rsplit_once('@').ok_or(EmailMistake::Form)?;
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c);
    if !local.is_ascii() {
        return Err(EmailMistake::LocalNotAscii);
    }
    let local_ok = (1..=64).contains(&local.len())
        && local
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(atext));
    if !local_ok {
        return Err(EmailMistake::Form);
    }
    // Compatibility forms first (full-width letters, ligatures), so that what
    // looks the same is the same address.
    let domain = ComposingNormalizerBorrowed::new_nfkc().normalize(domain);
    let domain = idna::domain_to_ascii(&domain).map_err(|_| EmailMistake::Form)?;
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = domain.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            (1..=63).contains(&l.len())
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && !tld.chars().all(|c| c.is_ascii_digit()));
    let address = format!("{local}@{domain}");
    if !domain_ok || address.len() > 254 {
        return Err(EmailMistake::Form);
    }
    Ok(address)
}

/// Whether a string is an email address [`email`] accepts.
pub fn is_email(s: &str) -> bool {
    email(s).is_ok()
}

/// The key under which the per-email cap counts bookings: the address as
/// [`email`] stores it, compatibility-normalised (NFKC), in lower case, and a
/// `+tag` in the local part dropped, so that `anna+1@x.de` and `Anna@x.de`
/// count as one person.
pub fn email_key(email: &str) -> String {
    let email = ComposingNormalizerBorrowed::new_nfkc()
        .normalize(email.trim())
        .to_lowercase();
    match email.rsplit_once('@') {
        Some((local, domain)) => {
            let local = local.split('+').next().unwrap_or(local);
            format!("{local}@{domain}")
        }
        None => email,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_tags_and_case_count_as_one_address() {
        assert_eq!(email_key(" Anna+Termin1@Example.DE"), "anna@example.de");
        assert_eq!(email_key("anna@example.de"), "anna@example.de");
    }

    #[test]
    fn email_addresses_of_the_usual_form() {
        for ok in ["anna@example.de", "a.b+c@mail.rostock.de"] {
            assert_eq!(email(ok).as_deref(), Ok(ok), "{ok}");
        }
        for bad in [
            "",
            "anna",
            "anna@",
            "@x.de",
            "anna@localhost",
            "a..b@x.de",
            "anna@x.de\r\nBcc: y@z.de",
            "a b@x.de",
            "anna@-x.de",
            "anna@1.2",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn an_internationalised_domain_is_mailed_to_as_punycode() {
        assert_eq!(
            email("anna@müller.de").as_deref(),
            Ok("anna@xn--mller-kva.de")
        );
        assert_eq!(
            email("anna@MÜLLER.de").as_deref(),
            Ok("anna@xn--mller-kva.de")
        );
        // Full-width letters are the letters they look like.
        assert_eq!(
            email("anna@ｅｘａｍｐｌｅ.de").as_deref(),
            Ok("anna@example.de")
        );
        assert_eq!(email("jürgen@müller.de"), Err(EmailMistake::LocalNotAscii));
    }

    #[test]
    fn invisible_characters_make_no_second_address() {
        for sneaky in [
            "cap\u{200D}@example.de",
            "cap@exa\u{200B}mple.de",
            "\u{FEFF}cap@example.de",
            "cap@example.de\u{2060}",
            "cap\u{202E}@example.de",
        ] {
            assert_eq!(email(sneaky), Err(EmailMistake::Invisible), "{sneaky:?}");
        }
    }

    #[test]
    fn names_are_what_names_contain() {
        for ok in [
            "Anna Müller-Lüdenscheidt",
            "Jürgen O'Brien",
            "Zoë d’Arcy",
            "J. R. R. Tolkien",
            "Олена Шевченко",
            "Ayşe Yılmaz",
            "محمد الأحمد",
            "Nguyễn Thị Minh Khai",
        ] {
            assert!(is_name(ok) && is_clean_line(ok), "{ok}");
        }
        for bad in [
            "Anna Bitte zahlen Sie 50 EUR: https://evil.example/pay",
            "<b>Anna</b>",
            "Anna\r\nBcc: x@y.z",
            "Anna 2",
            "...",
            "Anna\u{202E}",
        ] {
            assert!(!(is_name(bad) && is_clean_line(bad)), "{bad}");
        }
    }

    #[test]
    fn control_and_format_characters_are_not_clean() {
        assert!(is_clean_line("Anna Müller-Lüdenscheidt"));
        assert!(!is_clean_line("Anna\r\nBcc: x@y.z"));
        assert!(!is_clean_line("Anna\u{0}"));
        for c in [
            '\u{202E}', '\u{200B}', '\u{2060}', '\u{FEFF}', '\u{200D}', '\u{2066}', '\u{200F}',
        ] {
            assert!(!is_clean_line(&format!("An{c}na")), "{:04X}", c as u32);
        }
    }

    #[test]
    fn names_are_stored_composed_with_single_spaces() {
        assert_eq!(clean_name("  Anna   Mu\u{0308}ller "), "Anna Müller");
    }

    #[test]
    fn phone_numbers_as_people_write_them() {
        assert!(is_phone("+49 381 123-456"));
        assert!(is_phone("(0381) 12 34 56"));
        assert!(!is_phone("call me"));
        assert!(!is_phone("12"));
    }
}
