//! The parts pages share: what a booking is, the calendar of days, the times of a
//! day, a form's mistakes, what to bring.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use maud::{html, Markup};

use crate::booking::{self, FieldError, Mistake, Wish};
use crate::domain::schedule::{self, Slot};
use crate::domain::{BookingStatus, Office};
use crate::i18n::Texts;
use crate::{m, t};

/// The name of the hidden form field that carries the CSRF token.
pub const CSRF_FIELD: &str = "csrf";

/// A mistake a citizen made in a form, said in their language.
pub fn mistake(t: &Texts, f: &FieldError) -> String {
    match f.mistake {
        Mistake::Consent => t!(t, "mistake-consent"),
        Mistake::Honeypot => t!(t, "mistake-honeypot"),
        Mistake::EmailCap(n) => t!(t, "mistake-email-cap", n = n),
        Mistake::NameMissing => t!(t, "mistake-name-missing"),
        Mistake::NameNotOneLine => t!(t, "mistake-name-not-one-line"),
        Mistake::NameCharacters => t!(t, "mistake-name-characters"),
        Mistake::NameTooLong => t!(t, "mistake-name-too-long", n = booking::MAX_NAME),
        Mistake::EmailInvalid => t!(t, "mistake-email-invalid"),
        Mistake::EmailLocalNotAscii => t!(t, "mistake-email-local-not-ascii"),
        Mistake::Invisible => t!(t, "mistake-invisible"),
        Mistake::PhoneInvalid => t!(t, "mistake-phone-invalid"),
        Mistake::NoService => t!(t, "mistake-no-service"),
        Mistake::SeveralCounters => t!(t, "mistake-several-counters"),
        Mistake::TooManyServices => t!(t, "mistake-too-many-services", n = booking::MAX_SERVICES),
        Mistake::NoPerson => t!(t, "mistake-no-person"),
        Mistake::TooManyPersons(n) => t!(t, "mistake-too-many-persons", n = n),
        Mistake::DayPast => t!(t, "mistake-day-past"),
        Mistake::DayBeyondHorizon => t!(t, "mistake-day-beyond-horizon"),
        Mistake::RangeBackwards => t!(t, "mistake-range-backwards"),
        Mistake::RangeTooLong => t!(t, "mistake-range-too-long"),
        Mistake::Other => t!(t, "mistake-other"),
    }
}

/// The summary of a form's mistakes on top: each links to its field.
pub fn error_summary(t: &Texts, errors: &[(String, String)]) -> Markup {
    html! {
        div.error-summary role="alert" aria-labelledby="error-summary-title" {
            h2 #error-summary-title { (t!(t, "error-summary-title")) }
            ul { @for (id, message) in errors { li { a href={ "#" (id) } { (message) } } } }
        }
    }
}

/// A mistake at its field.
pub fn field_error(t: &Texts, id: &str, message: Option<&String>) -> Markup {
    html! {
        @if let Some(m) = message {
            p.field-error id={ (id) "-error" } { span.sr-only { (t!(t, "field-error-prefix")) " " } (m) }
        }
    }
}

/// What was chosen, with a link to change it.
pub fn wish_line(t: &Texts, office: &Office, wish: &Wish, need_minutes: u32) -> Markup {
    let names: Vec<&str> = wish
        .services
        .iter()
        .filter_map(|id| office.service(id))
        .map(|(_, s)| s.name.get(t.lang))
        .collect();
    html! {
        p.wish {
            bdi { (names.join(", ")) } " · " (t!(t, "persons-count", n = wish.persons))
            " · " (t!(t, "about-minutes", n = need_minutes))
            " · " a href={ "/o/" (office.id) } { (t!(t, "wish-change")) }
        }
    }
}

/// Bookable days from `from` to `to`, as month tables; each bookable day links to `link(date)`.
pub fn calendar(
    t: &Texts,
    days: &[schedule::Day],
    from: NaiveDate,
    to: NaiveDate,
    link: &dyn Fn(NaiveDate) -> String,
) -> Markup {
    let free = |d: NaiveDate| {
        days.iter()
            .find(|x| x.date == d)
            .map_or(0, |x| x.slots.len())
    };
    let mut months = Vec::new();
    let mut m = NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from);
    while m <= to {
        months.push(m);
        m = m
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(NaiveDate::MAX);
    }
    html! {
        @for month in &months {
            @let first_cell = *month - Duration::days(i64::from(month.weekday().num_days_from_monday()));
            @let next = month.checked_add_months(chrono::Months::new(1)).unwrap_or(NaiveDate::MAX);
            table.calendar {
                caption { (t.month_year(*month)) }
                thead { tr { @for wd in 0..7 { th scope="col" { abbr title=(t.weekday(wd)) { (t.weekday_short(wd)) } } } } }
                tbody {
                    @for week in 0..6 {
                        @let week_start = first_cell + Duration::days(7 * week);
                        // Weeks wholly before the first day shown are left out.
                        @if week_start < next && week_start + Duration::days(6) >= from {
                            tr {
                                @for i in 0..7 {
                                    @let d = week_start + Duration::days(i);
                                    @if d.month() != month.month() {
                                        td {}
                                    } @else if d < from || d > to {
                                        td.past { (d.day()) }
                                    } @else {
                                        @let n = free(d);
                                        @if n > 0 {
                                            td.free {
                                                a href=(link(d)) {
                                                    span.day aria-hidden="true" { (d.day()) }
                                                    span.sr-only { (t.long_date(d)) ", " }
                                                    span.count { (t!(t, "calendar-free", n = n)) }
                                                }
                                            }
                                        } @else {
                                            td.none { (d.day()) span.sr-only { (t!(t, "calendar-none")) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Buttons for free times, in one form that posts to `action` with `hidden` fields;
/// grouped by day when they span several. Quiet times are marked in words.
pub fn times_form(
    t: &Texts,
    office: &Office,
    slots: &[Slot],
    action: &str,
    hidden: Markup,
) -> Markup {
    let tz = office.timezone;
    let mut by_day: Vec<(NaiveDate, Vec<&Slot>)> = Vec::new();
    for slot in slots {
        let d = slot.start.with_timezone(&tz).date_naive();
        match by_day.last_mut() {
            Some((day, list)) if *day == d => list.push(slot),
            _ => by_day.push((d, vec![slot])),
        }
    }
    let several = by_day.len() > 1;
    html! {
        @if slots.iter().any(|s| s.quiet) {
            p.legend { span.quiet { (t!(t, "quiet")) } " " (t!(t, "quiet-legend")) }
        }
        form.times method="post" action=(action) {
            (hidden)
            @for (day, list) in &by_day {
                @if several { h2 { (t.long_date(*day)) } }
                ul.times {
                    @for slot in list {
                        li {
                            button.time type="submit" name="start" value=(slot.start.with_timezone(&tz).to_rfc3339()) {
                                @if several { span.sr-only { (t.long_date(*day)) ", " } }
                                (t.time(slot.start.with_timezone(&tz)))
                                @if slot.quiet { " " span.quiet { (t!(t, "quiet")) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The hidden field that carries the CSRF token through a form.
pub fn csrf_field(token: &str) -> Markup {
    html! { input type="hidden" name=(CSRF_FIELD) value=(token); }
}

/// The hidden fields that carry a wish and the CSRF token through a times form.
pub fn wish_fields(wish: &Wish, csrf: &str) -> Markup {
    html! {
        (csrf_field(csrf))
        @for svc in &wish.services { input type="hidden" name="service" value=(svc); }
        input type="hidden" name="persons" value=(wish.persons);
    }
}

/// What a booking (or a held time) is: when, where, what, for how many.
pub fn facts(
    t: &Texts,
    office: &Office,
    start: DateTime<Utc>,
    services: &[String],
    persons: i64,
) -> Markup {
    html! {
        dl {
            dt { (t!(t, "fact-when")) }
            dd { (t.when(start.with_timezone(&office.timezone))) }
            dt { (t!(t, "fact-where")) }
            dd { bdi { (office.name) ", " (office.address) } }
            dt { (t!(t, "fact-services")) }
            dd { bdi { (services.join(", ")) } }
            dt { (t!(t, "fact-persons")) }
            dd { (persons) }
        }
    }
}

/// A booking's state in words.
pub fn status(t: &Texts, status: BookingStatus) -> String {
    match status {
        BookingStatus::Pending => t!(t, "status-pending"),
        BookingStatus::Confirmed => t!(t, "status-confirmed"),
        BookingStatus::Cancelled => t!(t, "status-cancelled"),
        BookingStatus::Expired => t!(t, "status-expired"),
        _ => t!(t, "status-done"),
    }
}

/// What to bring, per booked service, as the office wrote it.
pub fn bring(t: &Texts, office: &Office, service_ids: &[&str]) -> Markup {
    let items: Vec<(&str, &str)> = service_ids
        .iter()
        .filter_map(|id| office.service(id))
        .filter_map(|(_, s)| {
            s.bring
                .as_ref()
                .map(|b| (s.name.get(t.lang), b.get(t.lang)))
        })
        .collect();
    html! {
        @if !items.is_empty() {
            h2 { (t!(t, "bring-title")) }
            ul.bring { @for (service, what) in &items { li { strong { (service) ": " } (what) } } }
        }
    }
}

/// A notice with a link back: the body of most message pages.
pub fn notice_with_link(text: &str, href: &str, label: &str) -> Markup {
    html! {
        p.notice.error { (text) }
        p { a href=(href) { (label) } }
    }
}

/// "We keep this time for you until 09:10."
pub fn held_until(t: &Texts, until: DateTime<chrono_tz::Tz>) -> Markup {
    html! {
        p.notice { (m!(t, "held-until", time = html! { strong { (t.time(until)) } })) }
    }
}
