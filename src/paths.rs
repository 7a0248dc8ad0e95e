//! Where things are: every link and redirect of the pages, in one place.

use chrono::NaiveDate;

use crate::booking::Wish;

/// `service=a&service=b&persons=2`, for links that carry a wish on.
pub fn wish_query(wish: &Wish) -> String {
    let mut q: Vec<String> = wish
        .services
        .iter()
        .map(|s| format!("service={}", encode(s)))
        .collect();
    q.push(format!("persons={}", wish.persons));
    q.join("&")
}

/// Percent-encode a query value (or path segment).
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn office(id: &str) -> String {
    format!("/o/{id}")
}

/// An office's public figures.
pub fn figures(id: &str) -> String {
    format!("/o/{id}/figures")
}

/// Where the office page's forms send a wish.
pub fn days_form(id: &str) -> String {
    format!("/o/{id}/days")
}

pub fn days(id: &str, wish: &Wish) -> String {
    format!("/o/{id}/days?{}", wish_query(wish))
}

pub fn days_from(id: &str, wish: &Wish, from: NaiveDate) -> String {
    format!("/o/{id}/days?{}&from={from}", wish_query(wish))
}

pub fn day(id: &str, wish: &Wish, date: NaiveDate) -> String {
    format!("/o/{id}/day?{}&date={date}", wish_query(wish))
}

pub fn hold(id: &str) -> String {
    format!("/o/{id}/hold")
}

pub fn details(id: &str) -> String {
    format!("/o/{id}/details")
}

pub fn done(id: &str) -> String {
    format!("/o/{id}/done")
}

/// The page behind a booking's link.
pub fn booking(token: &str) -> String {
    format!("/b/{token}")
}

pub fn confirm(token: &str) -> String {
    format!("/b/{token}/confirm")
}

pub fn cancel(token: &str) -> String {
    format!("/b/{token}/cancel")
}

pub fn moving(token: &str) -> String {
    format!("/b/{token}/move")
}

pub fn moving_day(token: &str, date: NaiveDate) -> String {
    format!("/b/{token}/move?date={date}")
}

pub fn calendar_file(token: &str) -> String {
    format!("/b/{token}/calendar.ics")
}

/// A ticket's own page, for its holder's phone (the QR code on the ticket).
pub fn ticket(secret: &str) -> String {
    format!("/t/{secret}")
}
