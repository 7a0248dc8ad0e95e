//! The one page for everything that went otherwise than asked: what happened,
//! in the visitor's language, and where to go on from there.

use maud::{html, Markup};

use crate::domain::schedule::Slot;
use crate::domain::Office;
use crate::i18n::Texts;
use crate::paths;
use crate::t;
use crate::views::components::{notice_with_link, times_form};
use crate::views::page;

/// Why a time is gone, on a page that offers the nearest free ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gone {
    /// Somebody else took it.
    Taken,
    /// The waiting room is full at that time.
    ArrivalsFull,
    /// The hold ran out after this many minutes.
    RanOut(u32),
    /// A booking's new time is not free; the booking stays where it was.
    MoveTaken,
}

/// A time that is gone, and the free ones nearest to it as a form to `action`
/// with `hidden` fields; `back` leads to the calendar.
#[derive(Debug, Clone)]
pub struct Nearest {
    pub why: Gone,
    pub office: Office,
    pub slots: Vec<Slot>,
    pub action: String,
    pub hidden: Markup,
    pub back: String,
}

/// What went otherwise than asked.
#[derive(Debug, Clone)]
pub enum Problem {
    /// A status no handler explained: an unknown address, a wrong method, a
    /// body too large or of the wrong type, a request that took too long.
    Status(u16),
    /// No time is held for this browser at this office.
    NoHold {
        office: String,
    },
    /// The time is gone; the nearest free ones, as a form.
    Gone(Box<Nearest>),
    /// The address holds as many desk-minutes as it may.
    HoldCap {
        minutes: u32,
        hold_minutes: u32,
        back: String,
    },
    /// The address holds as much of the counter's day as one address may.
    HoldCapToday {
        back: String,
    },
    /// The hold alone is more than an address may hold of that day.
    TooLong {
        back: String,
    },
    /// The address let too many holds run out: it waits.
    Slowed {
        seconds: u64,
        back: String,
    },
    /// Holds take as much of the day as they may.
    DayShare {
        back: String,
    },
    /// The time chosen is not one the plan offers.
    TimeNotBookable {
        back: String,
    },
    /// Days that cannot be shown, with the mistakes in words.
    DaysNotBookable {
        mistakes: Vec<String>,
        back: String,
    },
    /// A day page without a valid date.
    NotADate {
        back: String,
    },
    /// No booking has this link.
    BookingNotFound,
    /// The booking lapsed unconfirmed.
    BookingLapsed,
    /// The booking can no longer be changed.
    NotChangeable,
    /// Something about the booking could not be done (a 5xx), with why.
    BookingFailed {
        detail: String,
    },
    /// The booking was moved as often as it may be.
    MovedTooOften {
        moves: u32,
        token: String,
    },
    /// Moving: a day or a time that cannot be booked.
    MoveDayNotBookable {
        token: String,
    },
    MoveTimeNotBookable {
        token: String,
    },
    /// The database cannot be reached just now.
    Unavailable,
    /// Something failed on our side; the reference is in the log.
    Failed {
        reference: String,
    },
    /// A form without its token (another site, an old page, cookies off).
    FormExpired,
    /// Too many requests from this address.
    RateLimited {
        seconds: u64,
    },
    /// A form or link whose bytes are not text.
    NotText,
    /// A staff page this role or office may not open.
    Forbidden,
}

/// The page for a problem.
pub fn problem(t: &Texts, p: &Problem) -> Markup {
    let home = || html! { p { a href="/" { (t!(t, "to-start")) } } };
    let to_calendar = |back: &str| html! { p { a href=(back) { (t!(t, "to-calendar")) } } };
    let (here, title, body): (String, String, Markup) = match p {
        Problem::Status(code) => {
            let (title, text) = match code {
                404 => (t!(t, "status-404-title"), t!(t, "status-404-text")),
                405 => (t!(t, "status-405-title"), t!(t, "status-405-text")),
                413 => (t!(t, "status-413-title"), t!(t, "status-413-text")),
                415 => (t!(t, "status-415-title"), t!(t, "status-415-text")),
                408 => (t!(t, "status-408-title"), t!(t, "status-408-text")),
                c if *c >= 500 => (t!(t, "failed-title"), t!(t, "failed-text")),
                _ => (t!(t, "status-400-title"), t!(t, "status-400-text")),
            };
            (
                "/".into(),
                title,
                html! { p.notice.error { (text) } (home()) },
            )
        }
        Problem::NoHold { office } => (
            paths::office(office),
            t!(t, "no-hold-title"),
            notice_with_link(
                &t!(t, "no-hold-text"),
                &paths::office(office),
                &t!(t, "start-again"),
            ),
        ),
        Problem::Gone(nearest) => {
            let Nearest {
                why,
                office,
                slots,
                action,
                hidden,
                back,
            } = nearest.as_ref();
            let (title, text) = match why {
                Gone::Taken => (t!(t, "taken-title"), t!(t, "taken-text")),
                Gone::ArrivalsFull => (t!(t, "taken-title"), t!(t, "arrivals-full-text")),
                Gone::RanOut(minutes) => (
                    t!(t, "ran-out-title"),
                    t!(t, "ran-out-text", minutes = *minutes),
                ),
                Gone::MoveTaken => (t!(t, "taken-title"), t!(t, "move-taken-text")),
            };
            let body = html! {
                p.notice.error { (text) }
                @if slots.is_empty() {
                    @if *why != Gone::MoveTaken { p { (t!(t, "nearest-none")) } }
                } @else {
                    p { (t!(t, "nearest-free")) }
                    (times_form(t, office, slots, action, hidden.clone()))
                }
                (to_calendar(back))
            };
            (back.clone(), title, body)
        }
        Problem::HoldCap {
            minutes,
            hold_minutes,
            back,
        } => (
            back.clone(),
            t!(t, "hold-cap-title"),
            html! {
                p.notice.error { (t!(t, "hold-cap-text", minutes = *minutes, hold_minutes = *hold_minutes)) }
                (to_calendar(back))
            },
        ),
        Problem::HoldCapToday { back } => (
            back.clone(),
            t!(t, "hold-cap-title"),
            html! { p.notice.error { (t!(t, "hold-cap-today-text")) } (to_calendar(back)) },
        ),
        Problem::TooLong { back } => (
            back.clone(),
            t!(t, "too-long-title"),
            html! { p.notice.error { (t!(t, "too-long-text")) } (to_calendar(back)) },
        ),
        Problem::Slowed { seconds, back } => (
            back.clone(),
            t!(t, "wait-title"),
            html! {
                p.notice.error { (t!(t, "slowed-text", minutes = seconds.div_ceil(60))) }
                (to_calendar(back))
            },
        ),
        Problem::DayShare { back } => (
            back.clone(),
            t!(t, "day-share-title"),
            html! { p.notice.error { (t!(t, "day-share-text")) } (to_calendar(back)) },
        ),
        Problem::TimeNotBookable { back } => (
            back.clone(),
            t!(t, "time-not-bookable-title"),
            html! { p.notice.error { (t!(t, "time-not-bookable-text")) } (to_calendar(back)) },
        ),
        Problem::DaysNotBookable { mistakes, back } => (
            back.clone(),
            t!(t, "days-not-bookable-title"),
            html! { ul { @for m in mistakes { li { (m) } } } (to_calendar(back)) },
        ),
        Problem::NotADate { back } => (back.clone(), t!(t, "not-a-date-title"), to_calendar(back)),
        Problem::BookingNotFound => booking_problem(
            t!(t, "booking-not-found-title"),
            t!(t, "booking-not-found-text"),
            None,
        ),
        Problem::BookingLapsed => booking_problem(
            t!(t, "booking-lapsed-title"),
            t!(t, "booking-lapsed-text"),
            None,
        ),
        Problem::NotChangeable => booking_problem(
            t!(t, "not-changeable-title"),
            t!(t, "not-changeable-text"),
            None,
        ),
        Problem::BookingFailed { detail } => booking_problem(
            t!(t, "failed-title"),
            t!(t, "booking-failed-text"),
            Some(detail),
        ),
        Problem::MovedTooOften { moves, token } => (
            paths::booking(token),
            t!(t, "moved-too-often-title"),
            html! {
                p.notice.error { (t!(t, "moved-too-often-text", n = *moves)) }
                p { a href=(paths::booking(token)) { (t!(t, "move-back")) } }
            },
        ),
        Problem::MoveDayNotBookable { token } => (
            paths::moving(token),
            t!(t, "move-day-not-bookable-title"),
            to_calendar(&paths::moving(token)),
        ),
        Problem::MoveTimeNotBookable { token } => (
            paths::moving(token),
            t!(t, "time-not-bookable-title"),
            html! { p { a href=(paths::moving(token)) { (t!(t, "form-other-time")) } } },
        ),
        Problem::Unavailable => (
            "/".into(),
            t!(t, "unavailable-title"),
            html! {
                p.notice.error { (t!(t, "unavailable-text")) }
                p { (t!(t, "unavailable-booked")) }
                (home())
            },
        ),
        Problem::Failed { reference } => (
            "/".into(),
            t!(t, "failed-title"),
            html! {
                p.notice.error { (t!(t, "failed-text")) }
                p { (t!(t, "failed-reference")) " " code { (reference) } }
            },
        ),
        Problem::FormExpired => (
            "/".into(),
            t!(t, "form-expired-title"),
            html! { p.notice.error { (t!(t, "form-expired-text")) } (home()) },
        ),
        Problem::RateLimited { seconds } => (
            "/".into(),
            t!(t, "wait-title"),
            html! { p.notice { (t!(t, "rate-limited-text", minutes = seconds.div_ceil(60))) } },
        ),
        Problem::Forbidden => (
            "/staff".into(),
            t!(t, "forbidden-title"),
            html! {
                p.notice.error { (t!(t, "forbidden-text")) }
                p { a href="/staff" { (t!(t, "staff-home")) } }
            },
        ),
        Problem::NotText => (
            "/".into(),
            t!(t, "not-text-title"),
            html! { p.notice.error { (t!(t, "not-text-text")) } (home()) },
        ),
    };
    page(t, &here, &title, body)
}

fn booking_problem(
    title: String,
    text: String,
    detail: Option<&String>,
) -> (String, String, Markup) {
    (
        "/".into(),
        title,
        html! {
            p.notice.error { (text) }
            @if let Some(d) = detail { p { (d) } }
        },
    )
}
