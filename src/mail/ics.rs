//! Calendar files (RFC 5545) for an appointment: one stable UID per booking, so a
//! later file (moved, cancelled) replaces the entry the first one made.

use chrono::{DateTime, Utc};

/// What the calendar entry says.
pub struct Event<'a> {
    /// Stable per booking: `booking-id@domain`.
    pub uid: &'a str,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: &'a str,
    pub location: &'a str,
    pub description: &'a str,
    pub url: Option<&'a str>,
    /// Grows with every change, so calendars take the newest file.
    pub sequence: i64,
    pub organizer: &'a str,
    pub status: Status,
}

/// What the entry says of the appointment (RFC 5545 3.8.1.11).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Booked but not confirmed yet: it may still lapse.
    Tentative,
    Confirmed,
    Cancelled,
}

/// The calendar file. Times are in UTC (`…Z`): unambiguous on every day of the
/// year, and every calendar shows them in its own zone.
pub fn calendar(e: &Event<'_>, now: DateTime<Utc>) -> String {
    let method = if e.status == Status::Cancelled {
        "CANCEL"
    } else {
        "PUBLISH"
    };
    let mut lines = head();
    lines.push(format!("METHOD:{method}"));
    lines.extend(event(e, now));
    lines.push("END:VCALENDAR".to_string());
    folded(&lines)
}

/// A calendar to subscribe to (RFC 5545 without a METHOD, with RFC 7986's name
/// and refresh interval): every event of `events` as it stands now.
pub fn feed(name: &str, refresh_minutes: u32, events: &[Event<'_>], now: DateTime<Utc>) -> String {
    let mut lines = head();
    lines.push(format!("NAME:{}", text(name)));
    lines.push(format!("X-WR-CALNAME:{}", text(name)));
    lines.push(format!(
        "REFRESH-INTERVAL;VALUE=DURATION:PT{refresh_minutes}M"
    ));
    lines.push(format!("X-PUBLISHED-TTL:PT{refresh_minutes}M"));
    for e in events {
        lines.extend(event(e, now));
    }
    lines.push("END:VCALENDAR".to_string());
    folded(&lines)
}

fn head() -> Vec<String> {
    vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Termin//Termin//DE".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
    ]
}

fn event(e: &Event<'_>, now: DateTime<Utc>) -> Vec<String> {
    let stamp = |t: DateTime<Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", text(e.uid)),
        format!("DTSTAMP:{}", stamp(now)),
        format!("SEQUENCE:{}", e.sequence),
        format!("DTSTART:{}", stamp(e.start)),
        format!("DTEND:{}", stamp(e.end)),
        format!("SUMMARY:{}", text(e.summary)),
        format!("LOCATION:{}", text(e.location)),
        format!("DESCRIPTION:{}", text(e.description)),
        format!("ORGANIZER:mailto:{}", e.organizer),
        format!(
            "STATUS:{}",
            match e.status {
                Status::Tentative => "TENTATIVE",
                Status::Confirmed => "CONFIRMED",
                Status::Cancelled => "CANCELLED",
            }
        ),
        "TRANSP:OPAQUE".to_string(),
    ];
    if let Some(url) = e.url {
        lines.push(format!("URL:{url}"));
    }
    lines.push("END:VEVENT".to_string());
    lines
}

fn folded(lines: &[String]) -> String {
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("")
}

/// A TEXT value: backslash, comma, semicolon and line breaks escaped (RFC 5545 3.3.11).
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded after 75 octets, never inside a character, ended by CRLF (RFC 5545 3.1).
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_without_splitting_characters_and_text_is_escaped() {
        let long = "Bürgerbüro Mitte, Neuer Markt 3; Eingang über den Hof ".repeat(3);
        let e = Event {
            uid: "abc@example.org",
            start: DateTime::from_timestamp(1_796_198_400, 0).unwrap(),
            end: DateTime::from_timestamp(1_796_199_300, 0).unwrap(),
            summary: "Wohnsitz anmelden",
            location: &long,
            description: "Zeile 1\nZeile 2",
            url: None,
            sequence: 0,
            organizer: "noreply@example.org",
            status: Status::Confirmed,
        };
        let cal = calendar(&e, DateTime::from_timestamp(1_796_000_000, 0).unwrap());
        for line in cal.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        let unfolded = cal.replace("\r\n ", "");
        assert!(unfolded.contains("LOCATION:Bürgerbüro Mitte\\, Neuer Markt 3\\; Eingang"));
        assert!(unfolded.contains("DESCRIPTION:Zeile 1\\nZeile 2\r\n"));
        assert!(unfolded.contains("DTSTART:20261202T080000Z\r\n"));
    }
}
