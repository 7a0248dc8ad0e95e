//! Finding and booking a time: the office's services and persons, a calendar of
//! bookable days, a day's times, the form, and the page after sending it.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use maud::{html, Markup};

use crate::booking::{self, Booked, FieldError, Wish};
use crate::domain::schedule::{Day, Slot};
use crate::domain::{BookingStatus, Counter, Office};
use crate::hold::Held;
use crate::i18n::Texts;
use crate::paths;
use crate::views::components::{
    self, bring, calendar, csrf_field, error_summary, facts, field_error, held_until, times_form,
    wish_fields, wish_line,
};
use crate::views::page;
use crate::{m, t};

/// The office's counters, each a form of its services and the number of
/// persons; with `errors`, the form that was sent with its mistakes, at the
/// counter `sent`.
pub fn office(
    t: &Texts,
    office: &Office,
    wish: &Wish,
    errors: &[FieldError],
    sent: Option<&str>,
) -> Markup {
    let field_id = |counter: &str, field: &str| match field {
        "persons" => format!("persons-{counter}"),
        _ => format!("services-{counter}"),
    };
    let summary: Vec<(String, String)> = errors
        .iter()
        .map(|f| {
            (
                field_id(sent.unwrap_or(""), &f.field),
                components::mistake(t, f),
            )
        })
        .collect();
    let body = html! {
        @if !errors.is_empty() { (error_summary(t, &summary)) }
        p { bdi { (office.address) } }
        p { (t!(t, "office-intro")) }
        @for c in &office.counters {
            (counter_form(t, office, c, wish, errors, sent == Some(c.id.as_str()) && !errors.is_empty()))
        }
        p { a href=(paths::figures(&office.id)) { (t!(t, "office-figures-link")) } }
    };
    let title = if errors.is_empty() {
        office.name.clone()
    } else {
        t!(t, "title-with-mistakes", title = office.name.as_str())
    };
    page(t, &paths::office(&office.id), &title, body)
}

fn counter_form(
    t: &Texts,
    office: &Office,
    c: &Counter,
    wish: &Wish,
    errors: &[FieldError],
    with_errors: bool,
) -> Markup {
    let error_of = |field: &str| {
        with_errors
            .then(|| errors.iter().find(|f| f.field == field))
            .flatten()
            .map(|f| components::mistake(t, f))
    };
    let services_error = error_of("services");
    let persons_error = error_of("persons");
    let max_persons = c.services.iter().map(|s| s.max_persons).max().unwrap_or(1);
    let chosen_persons = if with_errors {
        wish.persons.clamp(1, max_persons)
    } else {
        1
    };
    let services_id = format!("services-{}", c.id);
    let persons_id = format!("persons-{}", c.id);
    html! {
        section.counter aria-labelledby={ "counter-" (c.id) } {
            h2 #{ "counter-" (c.id) } { (c.name.get(t.lang)) }
            form method="get" action=(paths::days_form(&office.id)) novalidate {
                input type="hidden" name="counter" value=(c.id);
                fieldset #(services_id) aria-describedby=[services_error.as_ref().map(|_| format!("{services_id}-error"))] {
                    legend { (t!(t, "office-services")) }
                    (field_error(t, &services_id, services_error.as_ref()))
                    @for svc in &c.services {
                        @let id = format!("svc-{}-{}", c.id, svc.id);
                        div.check {
                            input type="checkbox" id=(id) name="service" value=(svc.id)
                                checked[with_errors && wish.services.contains(&svc.id)];
                            label for=(id) {
                                (svc.name.get(t.lang)) " "
                                span.muted {
                                    @if svc.max_persons > 1 { (t!(t, "service-minutes-per-person", n = svc.minutes)) }
                                    @else { (t!(t, "service-minutes", n = svc.minutes)) }
                                }
                            }
                        }
                    }
                }
                div.field {
                    label for=(persons_id) { (t!(t, "office-persons")) }
                    (field_error(t, &persons_id, persons_error.as_ref()))
                    select id=(persons_id) name="persons" aria-describedby=[persons_error.as_ref().map(|_| format!("{persons_id}-error"))] {
                        @for n in 1..=max_persons {
                            option value=(n) selected[n == chosen_persons] { (n) }
                        }
                    }
                }
                button type="submit" { (t!(t, "office-next")) }
            }
        }
    }
}

/// The calendar of bookable days for a wish, from `from` to `to`; `last` is
/// the last bookable day at all.
#[allow(clippy::too_many_arguments)]
pub fn days(
    t: &Texts,
    office: &Office,
    wish: &Wish,
    need_minutes: u32,
    days: &[Day],
    (from, to, last): (NaiveDate, NaiveDate, NaiveDate),
    here: &str,
) -> Markup {
    let link = |d: NaiveDate| paths::day(&office.id, wish, d);
    let total: usize = days.iter().map(|d| d.slots.len()).sum();
    let body = html! {
        (wish_line(t, office, wish, need_minutes))
        p { (t!(t, "days-intro")) }
        @if total == 0 {
            p.notice { (t!(t, "days-none")) }
        }
        (calendar(t, days, from, to, &link))
        @if to < last {
            p { a href=(paths::days_from(&office.id, wish, to + Duration::days(1))) { (t!(t, "days-later")) } }
        }
    };
    page(t, here, &t!(t, "days-title"), body)
}

/// A day's free times for a wish, each a button that holds it.
pub fn day(
    t: &Texts,
    office: &Office,
    wish: &Wish,
    need_minutes: u32,
    date: NaiveDate,
    slots: &[Slot],
    csrf: &str,
) -> Markup {
    let body = html! {
        (wish_line(t, office, wish, need_minutes))
        p.date { strong { (t.long_date(date)) } }
        @if slots.is_empty() {
            p.notice { (t!(t, "day-none")) }
        } @else {
            p { (t!(t, "day-intro", minutes = office.hold_minutes)) }
            (times_form(t, office, slots, &paths::hold(&office.id), wish_fields(wish, csrf)))
        }
        p { a href=(paths::days(&office.id, wish)) { (t!(t, "day-other")) } }
    };
    page(
        t,
        &paths::day(&office.id, wish, date),
        &t!(t, "day-title"),
        body,
    )
}

/// What the form holds between a try with mistakes and the next.
#[derive(Debug, Default, Clone)]
pub struct Entered {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub consent: bool,
}

/// The form for a held time: name, email, phone, consent.
pub fn details(
    t: &Texts,
    h: &Held,
    entered: &Entered,
    errors: &[FieldError],
    csrf: &str,
) -> Markup {
    let tz = h.office.timezone;
    let ids = |field: &str| format!("f-{field}");
    // The honeypot is hidden: its mistake points at the first field instead.
    let summary: Vec<(String, String)> = errors
        .iter()
        .map(|f| match f.field.as_str() {
            "website" => ("f-name".to_string(), components::mistake(t, f)),
            other => (ids(other), components::mistake(t, f)),
        })
        .collect();
    let error_of = |field: &str| {
        errors
            .iter()
            .find(|f| f.field == field)
            .map(|f| components::mistake(t, f))
    };
    let (name_e, email_e, phone_e, consent_e) = (
        error_of("name"),
        error_of("email"),
        error_of("phone"),
        error_of("consent"),
    );
    let described = |id: &str, e: &Option<String>| e.as_ref().map(|_| format!("{id}-error"));
    let confirm = h.office.confirm_within_minutes > 0;
    let day = h.start().with_timezone(&tz).date_naive();
    let body = html! {
        @if !errors.is_empty() { (error_summary(t, &summary)) }
        (facts(t, &h.office, h.start(), &h.service_names(t.lang), h.hold.persons))
        (held_until(t, h.expires().with_timezone(&tz)))
        form.details method="post" action=(paths::details(&h.office.id)) novalidate {
            (csrf_field(csrf))
            div.field {
                label for="f-name" { (t!(t, "form-name")) }
                (field_error(t, "f-name", name_e.as_ref()))
                input #f-name type="text" name="name" autocomplete="name" required maxlength=(booking::MAX_NAME)
                    value=(entered.name) aria-invalid=[name_e.as_ref().map(|_| "true")] aria-describedby=[described("f-name", &name_e)];
            }
            div.field {
                label for="f-email" { (t!(t, "form-email")) }
                p.hint #f-email-hint { (if confirm { t!(t, "form-email-hint-confirm") } else { t!(t, "form-email-hint") }) }
                (field_error(t, "f-email", email_e.as_ref()))
                input #f-email type="email" name="email" autocomplete="email" required maxlength="254"
                    value=(entered.email) aria-invalid=[email_e.as_ref().map(|_| "true")]
                    aria-describedby={ "f-email-hint" @if email_e.is_some() { " f-email-error" } };
            }
            div.field {
                label for="f-phone" { (t!(t, "form-phone")) }
                (field_error(t, "f-phone", phone_e.as_ref()))
                input #f-phone type="tel" name="phone" autocomplete="tel" maxlength=(booking::MAX_PHONE)
                    value=(entered.phone) aria-invalid=[phone_e.as_ref().map(|_| "true")] aria-describedby=[described("f-phone", &phone_e)];
            }
            // A field people never see: only programs fill it in.
            div.hp aria-hidden="true" {
                label for="f-website" { "Website" }
                input #f-website type="text" name="website" tabindex="-1" autocomplete="off";
            }
            div.field.check {
                (field_error(t, "f-consent", consent_e.as_ref()))
                input #f-consent type="checkbox" name="consent" value="yes" required checked[entered.consent]
                    aria-invalid=[consent_e.as_ref().map(|_| "true")] aria-describedby=[described("f-consent", &consent_e)];
                label for="f-consent" {
                    (m!(t, "form-consent", privacy = html! { a href="/privacy" { (t!(t, "form-consent-privacy")) } }))
                }
            }
            button type="submit" { (if confirm { t!(t, "form-submit-confirm") } else { t!(t, "form-submit") }) }
        }
        p { a href=(paths::day(&h.office.id, &h.wish(), day)) { (t!(t, "form-other-time")) } }
    };
    let title = if errors.is_empty() {
        t!(t, "form-title")
    } else {
        t!(t, "title-with-mistakes", title = t!(t, "form-title"))
    };
    page(t, &paths::details(&h.office.id), &title, body)
}

/// After the form: "check your email", or the booking when the office needs
/// no confirmation.
pub fn done(t: &Texts, b: &Booked, status: BookingStatus) -> Markup {
    let tz = b.office.timezone;
    let email = b.booking.email.as_deref().unwrap_or_default();
    let (title, text) = match status {
        BookingStatus::Pending => {
            let deadline = b
                .booking
                .confirm_by
                .and_then(|s| DateTime::<Utc>::from_timestamp(s, 0))
                .map(|d| t.time(d.with_timezone(&tz)))
                .unwrap_or_default();
            (
                t!(t, "done-pending-title"),
                html! {
                    p.notice {
                        (m!(t, "done-pending-text",
                            email = html! { strong { bdi { (email) } } },
                            deadline = html! { strong { (deadline) } }))
                    }
                },
            )
        }
        BookingStatus::Confirmed => (
            t!(t, "done-confirmed-title"),
            html! {
                p.notice.ok { (m!(t, "done-confirmed-text", email = html! { strong { bdi { (email) } } })) }
            },
        ),
        other => (
            t!(t, "manage-title"),
            html! { p.status { (components::status(t, other)) } },
        ),
    };
    let body = html! {
        (text)
        (facts(t, &b.office, b.start(), &b.service_names(), b.booking.persons))
        (bring(t, &b.office, &b.booking.service_ids()))
        p.print-hint { (t!(t, "done-print")) }
    };
    page(t, &paths::done(&b.office.id), &title, body)
}
