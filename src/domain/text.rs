//! Checks on free text that citizens type in: names, phone numbers, email addresses.

/// A name or other one-line text: no control characters, no leading or trailing space.
pub fn is_clean_line(s: &str) -> bool {
    !s.chars()
        .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
}

/// Phone numbers as people write them: digits, spaces and `+ - / ( )`.
pub fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (3..=20).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '/' | '(' | ')'))
}

/// An email address of the usual form `local@domain.tld`, at most 254 characters.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let atext =
        |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c) || !c.is_ascii();
    let local_ok = (1..=64).contains(&local.len())
        && local
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(atext));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = domain.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            (1..=63).contains(&l.len())
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && !tld.chars().all(|c| c.is_ascii_digit()));
    s.len() <= 254 && local_ok && domain_ok
}

/// The key under which the per-email cap counts bookings: lower case, and a
/// `+tag` in the local part dropped, so that `anna+1@x.de` and `Anna@x.de`
/// count as one person.
pub fn email_key(email: &str) -> String {
    let email = email.trim().to_lowercase();
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
        for ok in [
            "anna@example.de",
            "a.b+c@mail.rostock.de",
            "jürgen@müller.de",
        ] {
            assert!(is_email(ok), "{ok}");
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
    fn control_characters_are_not_clean() {
        assert!(is_clean_line("Anna Müller-Lüdenscheidt"));
        assert!(!is_clean_line("Anna\r\nBcc: x@y.z"));
        assert!(!is_clean_line("Anna\u{0}"));
    }

    #[test]
    fn phone_numbers_as_people_write_them() {
        assert!(is_phone("+49 381 123-456"));
        assert!(is_phone("(0381) 12 34 56"));
        assert!(!is_phone("call me"));
        assert!(!is_phone("12"));
    }
}
