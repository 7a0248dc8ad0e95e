//! The front desk and the kiosk: check in by booking code (typed, or scanned by
//! a scanner that types it and Enter), walk-in tickets, and the ticket given.

use maud::{html, Markup};

use super::{flash, staff_page, wait_range, Nav};
use crate::domain::Office;
use crate::i18n::Texts;
use crate::t;
use crate::views::components::csrf_field;
use crate::views::layout::page_with;
use crate::views::page;

/// A ticket just given, as the front desk and kiosk show it: nothing about
/// the person beyond the appointment's time and counter.
pub struct IssuedTicket {
    pub number: String,
    pub counter: String,
    /// "10:30", for a checked-in appointment.
    pub appointment: Option<String>,
    pub wait: (u32, u32),
    /// The ticket's own page, for the holder's phone (its QR code).
    pub follow_url: String,
    /// An appointment that came after its check-in window: a walk-in now.
    pub late: bool,
    pub urgent: bool,
}

/// The ticket: its number large, the wait, and a QR code to follow it.
pub fn ticket(t: &Texts, issued: &IssuedTicket) -> Markup {
    let qr = crate::qr::data_uri(&crate::qr::link_svg(&issued.follow_url));
    html! {
        section.ticket aria-labelledby="ticket-number" role="status" {
            p { (t!(t, "ticket-your-number")) }
            p.ticket-number #ticket-number { bdi { (issued.number) } }
            @if let Some(at) = &issued.appointment {
                p { bdi { (at) " · " (issued.counter) } }
            } @else {
                p { bdi { (issued.counter) } }
            }
            @if issued.late { p.notice.error { (t!(t, "ticket-late")) } }
            @if issued.urgent { p.notice { (t!(t, "ticket-urgent")) } }
            p { (t!(t, "ticket-wait", wait = wait_range(t, issued.wait))) }
            p { (t!(t, "ticket-watch")) }
            figure {
                img.qr src=(qr) alt=(t!(t, "ticket-qr")) width="160" height="160";
                figcaption { a href=(issued.follow_url) { (t!(t, "ticket-follow")) } }
            }
        }
    }
}

fn checkin_form(t: &Texts, action: &str, csrf: &str, with_urgent: bool) -> Markup {
    html! {
        form.details method="post" action=(action) {
            (csrf_field(csrf))
            div.field {
                label for="c-code" { (t!(t, "checkin-code")) }
                p.hint #c-code-hint { (t!(t, "checkin-code-hint")) }
                input #c-code type="text" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false"
                    required autofocus aria-describedby="c-code-hint";
            }
            @if with_urgent {
                div.check {
                    input #c-urgent type="checkbox" name="urgent" value="yes";
                    label for="c-urgent" { (t!(t, "checkin-urgent")) }
                }
            }
            button type="submit" { (t!(t, "checkin-submit")) }
        }
    }
}

fn walkin_forms(t: &Texts, office: &Office, action: &str, csrf: &str, with_urgent: bool) -> Markup {
    html! {
        h2 { (t!(t, "walkin-title")) }
        p { (t!(t, "walkin-intro")) }
        @for c in &office.counters {
            form.counter method="post" action=(action) aria-labelledby={ "walkin-" (c.id) } {
                (csrf_field(csrf))
                h3 #{ "walkin-" (c.id) } { (c.name.get(t.lang)) }
                fieldset {
                    legend { (t!(t, "walkin-services")) }
                    @for s in &c.services {
                        @let id = format!("w-{}-{}", c.id, s.id);
                        div.check {
                            input type="checkbox" id=(id) name="service" value=(s.id);
                            label for=(id) { (s.name.get(t.lang)) }
                        }
                    }
                }
                div.field {
                    @let persons = format!("w-{}-persons", c.id);
                    label for=(persons) { (t!(t, "office-persons")) }
                    select id=(persons) name="persons" {
                        @for n in 1..=c.services.iter().map(|s| s.max_persons).max().unwrap_or(1) {
                            option value=(n) { (n) }
                        }
                    }
                }
                @if with_urgent {
                    div.check {
                        @let urgent = format!("w-{}-urgent", c.id);
                        input id=(urgent) type="checkbox" name="urgent" value="yes";
                        label for=(urgent) { (t!(t, "checkin-urgent")) }
                    }
                }
                button type="submit" { (t!(t, "walkin-submit")) }
            }
        }
    }
}

/// The front desk of an office: check-in by code, walk-in tickets, the ticket
/// just given and what went wrong.
pub fn front_desk(
    t: &Texts,
    nav: &Nav<'_>,
    office: &Office,
    issued: Option<&IssuedTicket>,
    problem: Option<&str>,
    csrf: &str,
) -> Markup {
    let here = format!("/staff/{}/checkin", office.id);
    let body = html! {
        (flash(problem, false))
        @if let Some(i) = issued { (ticket(t, i)) }
        (checkin_form(t, &here, csrf, true))
        (walkin_forms(t, office, &format!("/staff/{}/walkin", office.id), csrf, true))
    };
    staff_page(
        t,
        nav,
        &here,
        &t!(t, "checkin-title", office = office.name.as_str()),
        body,
    )
}

/// Seconds a kiosk shows a ticket before it is ready for the next person.
const KIOSK_RESET_SECONDS: u32 = 60;

/// The kiosk at the entrance: the same without the staff's links; after a
/// ticket it goes back to its start by itself, in German again, for the next
/// person.
pub fn kiosk(
    t: &Texts,
    office: &Office,
    issued: Option<&IssuedTicket>,
    problem: Option<&str>,
    csrf: &str,
) -> Markup {
    let here = format!("/kiosk/{}", office.id);
    let start = format!("{here}?lang=de");
    // After a ticket, back to the start once nobody has touched the screen for a
    // minute (the script waits while someone does); without it, after a minute.
    let head = html! {
        @if issued.is_some() {
            noscript { meta http-equiv="refresh" content={ (KIOSK_RESET_SECONDS) ";url=" (start) }; }
            script src="/assets/live.js" defer {}
        }
    };
    let body = html! {
        (flash(problem, false))
        @if let Some(i) = issued {
            div data-reset-after=(KIOSK_RESET_SECONDS) data-reset-to=(start) {
                (ticket(t, i))
                p { a.button href=(start) { (t!(t, "kiosk-next")) } }
            }
        } @else {
            p { (t!(t, "kiosk-intro")) }
            (checkin_form(t, &format!("/kiosk/{}/checkin", office.id), csrf, false))
            (walkin_forms(t, office, &format!("/kiosk/{}/walkin", office.id), csrf, false))
        }
    };
    page_with(
        t,
        &here,
        &t!(t, "kiosk-title", office = office.name.as_str()),
        head,
        body,
    )
}

/// A device that is no kiosk (yet): an admin unlocks it with the key `termin
/// kiosk add` or the users page made, or, signed in here, at once.
pub fn kiosk_locked(
    t: &Texts,
    office: &Office,
    admin: bool,
    problem: Option<&str>,
    csrf: &str,
) -> Markup {
    let here = format!("/kiosk/{}", office.id);
    let action = format!("/kiosk/{}/unlock", office.id);
    let body = html! {
        (flash(problem, false))
        p { (t!(t, "kiosk-locked")) }
        form.details method="post" action=(action) {
            (csrf_field(csrf))
            div.field {
                label for="k-token" { (t!(t, "kiosk-token")) }
                input #k-token type="password" name="token" autocomplete="off" required;
            }
            button type="submit" { (t!(t, "kiosk-unlock")) }
        }
        @if admin {
            form.details method="post" action=(action) {
                (csrf_field(csrf))
                div.field {
                    label for="k-label" { (t!(t, "kiosk-unlock-label")) }
                    input #k-label type="text" name="label" required maxlength="100";
                }
                button type="submit" { (t!(t, "kiosk-unlock-here")) }
            }
        }
    };
    page(
        t,
        &here,
        &t!(t, "kiosk-title", office = office.name.as_str()),
        body,
    )
}
