//! The pages behind the link in a booking's mail: the booking with its buttons,
//! and moving it to another time.

use chrono::NaiveDate;
use maud::{html, Markup};

use crate::booking::Booked;
use crate::domain::schedule::{Day, Slot};
use crate::domain::{BookingCode, BookingStatus};
use crate::i18n::Texts;
use crate::paths;
use crate::t;
use crate::views::components::{self, bring, calendar, csrf_field, facts, times_form};
use crate::views::page;

/// The booking with what can be done with it. `open`: it can still be
/// confirmed, moved or cancelled.
pub fn manage(
    t: &Texts,
    b: &Booked,
    status: BookingStatus,
    open: bool,
    token: &str,
    csrf: &str,
) -> Markup {
    let body = html! {
        p { span.status { (components::status(t, status)) } }
        @if status == BookingStatus::Pending {
            p { (t!(t, "manage-confirm-please")) }
        }
        (facts(t, &b.office, b.start(), &b.service_names(), b.booking.persons))
        @if open { (bring(t, &b.office, &b.booking.service_ids())) }
        @if let (true, Some(code)) = (open, b.booking.code.as_deref().and_then(|c| BookingCode::parse(c).ok())) {
            section.ticket aria-labelledby="booking-code" {
                h2 #booking-code { (t!(t, "fact-code")) }
                p.ticket-number { bdi { (code.display()) } }
                p { (t!(t, "manage-code-hint")) }
                img.qr src=(crate::qr::data_uri(&crate::qr::qr_svg(&code))) alt=(t!(t, "mail-qr-alt")) width="160" height="160";
            }
        }
        @if open {
            div.actions {
                @if status == BookingStatus::Pending {
                    form method="post" action=(paths::confirm(token)) {
                        (csrf_field(csrf))
                        button type="submit" { (t!(t, "manage-confirm")) }
                    }
                }
                a.button href=(paths::moving(token)) { (t!(t, "manage-move")) }
                form method="post" action=(paths::cancel(token)) {
                    (csrf_field(csrf))
                    button.secondary type="submit" { (t!(t, "manage-cancel")) }
                }
            }
            p { a href=(paths::calendar_file(token)) download="termin.ics" { (t!(t, "manage-calendar")) } }
            p.print-hint { (t!(t, "manage-print")) }
        }
    };
    page(t, &paths::booking(token), &t!(t, "manage-title"), body)
}

fn move_intro(t: &Texts, b: &Booked) -> Markup {
    let tz = b.office.timezone;
    html! {
        p { (t!(t, "move-now")) " " strong { (t.when(b.start().with_timezone(&tz))) } }
        p { (t!(t, "move-stays")) }
    }
}

/// Moving, step one: a calendar of days.
pub fn move_calendar(
    t: &Texts,
    b: &Booked,
    days: &[Day],
    from: NaiveDate,
    to: NaiveDate,
    token: &str,
) -> Markup {
    let link = |d: NaiveDate| paths::moving_day(token, d);
    let body = html! {
        (move_intro(t, b))
        (calendar(t, days, from, to, &link))
        p { a href=(paths::booking(token)) { (t!(t, "move-back")) } }
    };
    page(t, &paths::moving(token), &t!(t, "move-title"), body)
}

/// Moving, step two: a day's times; choosing one moves the booking.
pub fn move_day(
    t: &Texts,
    b: &Booked,
    date: NaiveDate,
    slots: &[Slot],
    token: &str,
    csrf: &str,
) -> Markup {
    let here = paths::moving(token);
    let body = html! {
        (move_intro(t, b))
        p.date { strong { (t.long_date(date)) } }
        @if slots.is_empty() {
            p.notice { (t!(t, "move-day-none")) }
        } @else {
            (times_form(t, &b.office, slots, &here, csrf_field(csrf)))
        }
        p { a href=(here) { (t!(t, "move-other-day")) } }
    };
    page(t, &here, &t!(t, "move-title"), body)
}
