//! The waiting-room display (ticket numbers, desks, counters, how many wait:
//! nothing about any person) and a ticket's own page on its holder's phone.

use chrono::{DateTime, Utc};
use maud::{html, Markup};

use super::wait_range;
use crate::domain::{Office, TicketState};
use crate::i18n::Texts;
use crate::queue::{Display, Follow};
use crate::t;
use crate::views::layout::page_with;

/// How many calls the display shows large.
const LARGE: usize = 3;

fn counter_name<'a>(t: &Texts, office: &'a Office, id: &'a str) -> &'a str {
    office.counter(id).map_or(id, |c| c.name.get(t.lang))
}

/// A call younger than this blinks (and, with the script, chimes once).
const FRESH_SECONDS: i64 = 20;

/// What the display shows of its office now; also what its live updates
/// replace. `data-latest` names the newest call, so that the script chimes
/// and speaks when it changes.
pub fn board(t: &Texts, office: &Office, d: &Display, now: DateTime<Utc>) -> Markup {
    html! {
        div #board data-latest=(d.calls.first().map(|c| format!("{}-{}-{}", c.ticket, c.desk, c.call)).unwrap_or_default())
            data-speech=(d.calls.first().map(|c| speech(&c.ticket, &c.desk)).unwrap_or_default()) {
            h2 { (t!(t, "display-calls")) }
            @if d.calls.is_empty() {
                p { (t!(t, "display-none")) }
            }
            ol.calls {
                @for (i, c) in d.calls.iter().take(LARGE).enumerate() {
                    li.large.new[i == 0 && (now - c.called_at).num_seconds() < FRESH_SECONDS] {
                        span.number { bdi { (c.ticket) } }
                        span.arrow aria-hidden="true" { " → " }
                        span.sr-only { " " (t!(t, "display-to")) " " }
                        span.desk { (t!(t, "display-desk", desk = c.desk.as_str())) }
                        span.counter { bdi { (counter_name(t, office, &c.counter)) } }
                    }
                }
            }
            @if d.calls.len() > LARGE {
                h2 { (t!(t, "display-before")) }
                ul.before {
                    @for c in d.calls.iter().skip(LARGE).take(5) {
                        li { bdi { (c.ticket) } " → " (t!(t, "display-desk", desk = c.desk.as_str())) }
                    }
                }
            }
            h2 { (t!(t, "display-waiting")) }
            ul.waiting {
                @for (counter, n) in &d.waiting {
                    li { bdi { (counter_name(t, office, counter)) } ": " (t!(t, "desk-waiting-count", n = *n)) }
                }
            }
        }
    }
}

/// The display page: live with our script, reloading itself without it.
pub fn display(t: &Texts, office: &Office, d: &Display, now: DateTime<Utc>) -> Markup {
    let head = html! {
        noscript { meta http-equiv="refresh" content="10"; }
        script src="/assets/live.js" defer {}
    };
    let body = html! {
        div.live.display data-events={ "/display/" (office.id) "/events" } data-chime {
            (board(t, office, d, now))
            p.sound {
                button #sound type="button" hidden { (t!(t, "display-sound")) }
            }
        }
    };
    page_with(
        t,
        &format!("/display/{}", office.id),
        &t!(t, "display-title", office = office.name.as_str()),
        head,
        body,
    )
}

/// Where a ticket stands: the part of its page that its live updates replace.
pub fn follow_board(t: &Texts, office: &Office, f: &Follow) -> Markup {
    html! {
        div #board {
            p.ticket-number { bdi { (f.number) } }
            p { bdi { (counter_name(t, office, &f.counter)) } }
            @match f.state {
                TicketState::Called | TicketState::Serving | TicketState::Parked => {
                    p.notice.ok { (t!(t, "follow-called", desk = f.desk.as_deref().unwrap_or("?"))) }
                }
                TicketState::Done | TicketState::NoShow | TicketState::Missed => {
                    p.notice { (t!(t, "follow-over")) }
                }
                _ => {
                    @if let Some(n) = f.position {
                        // `position` counts from 1 (next); the message says how many are before.
                        p { (t!(t, "follow-position", n = n.saturating_sub(1))) }
                    }
                    @if let Some(w) = f.expected_wait {
                        p { (t!(t, "ticket-wait", wait = wait_range(t, w))) }
                    }
                }
            }
        }
    }
}

/// A ticket on its holder's phone: live with our script, reloading itself without it.
pub fn follow(t: &Texts, office: &Office, f: &Follow, here: &str) -> Markup {
    let head = html! {
        noscript { meta http-equiv="refresh" content="15"; }
        script src="/assets/live.js" defer {}
    };
    let body = html! {
        section.ticket.live aria-live="polite" data-events={ (here) "/events" } {
            (follow_board(t, office, f))
        }
        p.hint { (t!(t, "follow-reload")) }
        p { a href=(here) { (t!(t, "follow-refresh")) } }
    };
    page_with(t, here, &t!(t, "follow-title"), head, body)
}

fn german_number(n: u32) -> String {
    const ONES: [&str; 20] = [
        "null",
        "eins",
        "zwei",
        "drei",
        "vier",
        "fünf",
        "sechs",
        "sieben",
        "acht",
        "neun",
        "zehn",
        "elf",
        "zwölf",
        "dreizehn",
        "vierzehn",
        "fünfzehn",
        "sechzehn",
        "siebzehn",
        "achtzehn",
        "neunzehn",
    ];
    const TENS: [&str; 10] = [
        "", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig",
        "neunzig",
    ];
    match n {
        0..=19 => ONES[n as usize].to_string(),
        20..=99 => {
            let (tens, ones) = (n / 10, n % 10);
            match ones {
                0 => TENS[tens as usize].to_string(),
                1 => format!("einund{}", TENS[tens as usize]),
                o => format!("{}und{}", ONES[o as usize], TENS[tens as usize]),
            }
        }
        100..=999 => {
            let (hundreds, rest) = (n / 100, n % 100);
            let head = if hundreds == 1 {
                "ein".to_string()
            } else {
                ONES[hundreds as usize].to_string()
            };
            match rest {
                0 => format!("{head}hundert"),
                r => format!("{head}hundert{}", german_number(r)),
            }
        }
        n => n.to_string(),
    }
}

/// Words with their numbers spoken: "S-017" → "S siebzehn", "3" → "drei".
fn spoken(s: &str) -> String {
    let mut out = Vec::new();
    for part in s.split(['-', ' ']).filter(|p| !p.is_empty()) {
        match part.parse::<u32>() {
            Ok(n) => out.push(german_number(n)),
            Err(_) => out.push(part.to_string()),
        }
    }
    out.join(" ")
}

/// What the display says aloud for a call, in German: "Nummer S siebzehn,
/// bitte zu Platz drei" (numbers as words, not "null eins sieben").
pub fn speech(ticket: &str, desk: &str) -> String {
    format!("Nummer {}, bitte zu Platz {}", spoken(ticket), spoken(desk))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_are_spoken_with_numbers_as_words() {
        assert_eq!(
            speech("S-017", "3"),
            "Nummer S siebzehn, bitte zu Platz drei"
        );
        assert_eq!(
            speech("K-121", "Raum 1"),
            "Nummer K einhunderteinundzwanzig, bitte zu Platz Raum eins"
        );
        assert_eq!(german_number(40), "vierzig");
        assert_eq!(german_number(99), "neunundneunzig");
        assert_eq!(german_number(200), "zweihundert");
    }
}
