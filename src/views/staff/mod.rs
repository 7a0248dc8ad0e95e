//! The staff's pages (login, the offices' day: front desk, kiosk, desk, day
//! board; the waiting-room display and a ticket's page; audit log and users),
//! in the frame of every page with the staff's own links on top.

pub mod admin;
pub mod desk;
pub mod display;
pub mod feeds;
pub mod front;
pub mod login;
pub mod plan;
pub mod statistics;
pub mod today;
pub mod week;

use maud::{html, Markup};

use crate::domain::code::CodeError;
use crate::domain::{Office, Permission, Role};
use crate::i18n::Texts;
use crate::queue::QueueError;
use crate::staff::Staff;
use crate::t;
use crate::views::components::csrf_field;
use crate::views::layout::page_with;

/// Who is signed in and what they may open, for the staff pages' links.
pub struct Nav<'a> {
    pub staff: &'a Staff,
    pub offices: &'a [Office],
    pub csrf: &'a str,
}

/// A staff page: the links the signed-in user may follow, then `body`.
pub fn staff_page(t: &Texts, nav: &Nav<'_>, here: &str, title: &str, body: Markup) -> Markup {
    staff_page_with(t, nav, here, title, html! {}, body)
}

/// A staff page with more in its head; every one carries the script that
/// keeps its live parts (`data-events`) up to date.
pub fn staff_page_with(
    t: &Texts,
    nav: &Nav<'_>,
    here: &str,
    title: &str,
    head: Markup,
    body: Markup,
) -> Markup {
    let may = |p: Permission, office: &str| nav.staff.may(p, office);
    let links = html! {
        nav.staff aria-label=(t!(t, "staff-nav")) {
            ul {
                li { a href="/staff" { (t!(t, "staff-home")) } }
                @for o in nav.offices.iter().filter(|o| may(Permission::Desk, &o.id) || may(Permission::FrontDesk, &o.id)) {
                    li {
                        bdi { (o.name) } ": "
                        @if may(Permission::Desk, &o.id) {
                            a href={ "/staff/" (o.id) "/today" } { (t!(t, "staff-today")) } " · "
                            a href={ "/staff/" (o.id) "/desk" } { (t!(t, "staff-desk")) } " · "
                        }
                        a href={ "/staff/" (o.id) "/checkin" } { (t!(t, "staff-checkin")) } " · "
                        a href={ "/display/" (o.id) } { (t!(t, "staff-display")) }
                        @if may(Permission::Statistics, &o.id) {
                            " · " a href={ "/staff/" (o.id) "/week" } { (t!(t, "staff-week")) }
                            " · " a href={ "/staff/" (o.id) "/statistics" } { (t!(t, "staff-statistics")) }
                        }
                        @if may(Permission::Plan, &o.id) {
                            " · " a href={ "/staff/" (o.id) "/plan" } { (t!(t, "staff-plan")) }
                            " · " a href={ "/staff/" (o.id) "/feeds" } { (t!(t, "staff-feeds")) }
                        }
                    }
                }
                @if nav.staff.role == Role::Admin {
                    li { a href="/staff/statistics" { (t!(t, "stats-compare-title")) } }
                }
                @if nav.staff.role.may(Permission::Audit) {
                    li { a href="/staff/audit" { (t!(t, "staff-audit")) } }
                }
                @if matches!(nav.staff.role, Role::Admin | Role::Head) {
                    li { a href="/staff/users" { (t!(t, "staff-users")) } }
                }
                li { a href="/staff/password" { (t!(t, "password-title")) } }
                li {
                    form.inline method="post" action="/staff/logout" {
                        (csrf_field(nav.csrf))
                        button.secondary type="submit" { (t!(t, "staff-logout", who = nav.staff.actor.label.as_str())) }
                    }
                }
            }
        }
    };
    let head = html! { (head) script src="/assets/live.js" defer {} };
    page_with(t, here, title, head, html! { (links) (body) })
}

/// A ticket's state in words.
pub fn ticket_state(t: &Texts, state: crate::domain::TicketState) -> String {
    use crate::domain::TicketState::*;
    match state {
        Waiting => t!(t, "ticket-waiting"),
        Called => t!(t, "ticket-called"),
        Serving => t!(t, "ticket-serving"),
        Done => t!(t, "ticket-done"),
        NoShow => t!(t, "ticket-no-show"),
        Missed => t!(t, "ticket-missed"),
        Back => t!(t, "ticket-back"),
        Transferred => t!(t, "ticket-transferred"),
        Parked => t!(t, "ticket-parked"),
    }
}

/// A notice on top of a staff page: what was just done, or why not.
pub fn flash(text: Option<&str>, ok: bool) -> Markup {
    html! {
        @if let Some(text) = text {
            @if ok { p.notice.ok role="status" { (text) } } @else { p.notice.error role="alert" { (text) } }
        }
    }
}

/// "ca. 10–20 min".
pub fn wait_range(t: &Texts, (lo, hi): (u32, u32)) -> String {
    t!(t, "wait-range", lo = lo, hi = hi)
}

/// A booking's status in words, as the staff pages and the kiosk say it.
pub fn booking_status(t: &Texts, status: &str) -> String {
    match status {
        "pending" => t!(t, "status-pending"),
        "confirmed" => t!(t, "status-confirmed"),
        "cancelled" => t!(t, "status-cancelled"),
        "expired" => t!(t, "status-expired"),
        "checked_in" => t!(t, "status-checked-in"),
        "called" => t!(t, "ticket-called"),
        "done" => t!(t, "ticket-done"),
        "no_show" => t!(t, "ticket-no-show"),
        other => other.to_string(),
    }
}

fn state_words(t: &Texts, state: &str) -> String {
    crate::domain::TicketState::parse(state)
        .map_or_else(|| state.to_string(), |s| ticket_state(t, s))
}

/// Why a check-in, a walk-in ticket, a call or an action on a ticket was
/// refused, in words for the front desk, the kiosk and the desk.
pub fn queue_problem(t: &Texts, office: &Office, e: &QueueError) -> String {
    let local = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&office.timezone);
    match e {
        QueueError::MistypedCode(CodeError::Length) => t!(t, "code-length"),
        QueueError::MistypedCode(CodeError::Character) => t!(t, "code-character"),
        QueueError::MistypedCode(CodeError::Check) => t!(t, "code-check"),
        QueueError::UnknownCode => t!(t, "checkin-unknown"),
        QueueError::NotCheckedIn(status) => {
            t!(t, "checkin-closed", status = booking_status(t, status))
        }
        QueueError::NotConfirmed => t!(t, "checkin-not-confirmed"),
        QueueError::AlreadyIn(number) => t!(t, "checkin-already", number = number.as_str()),
        QueueError::NotToday(date) => t!(t, "checkin-not-today", date = t.long_date(*date)),
        QueueError::TooEarly(at) => t!(t, "checkin-too-early", time = t.time(*at)),
        QueueError::WalkInFull { counter, next, .. } => {
            let counter = office
                .counter(counter)
                .map_or(counter.as_str(), |c| c.name.get(t.lang));
            match next {
                Some(slot) => t!(
                    t,
                    "walkin-full",
                    counter = counter,
                    when = t.when(local(slot.start))
                ),
                None => t!(t, "walkin-full-none", counter = counter),
            }
        }
        QueueError::Invalid(fields) => {
            let detail: Vec<String> = fields
                .iter()
                .map(|f| match f.mistake {
                    crate::booking::Mistake::Other => f.message.clone(),
                    _ => crate::views::components::mistake(t, f),
                })
                .collect();
            t!(t, "desk-invalid", detail = detail.join(" "))
        }
        QueueError::UnknownDesk(_) => t!(t, "desk-unknown"),
        QueueError::DeskBusy { number, state, .. } => {
            t!(
                t,
                "desk-busy",
                number = number.as_str(),
                state = state_words(t, state)
            )
        }
        QueueError::UnknownTicket => t!(t, "desk-unknown-ticket"),
        QueueError::NotAllowed { number, state, .. } => {
            t!(
                t,
                "desk-not-allowed",
                number = number.as_str(),
                state = state_words(t, state)
            )
        }
        QueueError::Stale { number, state, .. } => {
            t!(
                t,
                "desk-stale",
                number = number.as_str(),
                state = state_words(t, state)
            )
        }
        QueueError::WrongDesk {
            number, called_to, ..
        } => {
            t!(
                t,
                "desk-wrong-desk",
                number = number.as_str(),
                desk = called_to.as_str()
            )
        }
        QueueError::RecallTooSoon { number, seconds } => {
            t!(
                t,
                "desk-recall-too-soon",
                number = number.as_str(),
                seconds = *seconds
            )
        }
        QueueError::UrgentAlready { number } => {
            t!(t, "desk-urgent-already", number = number.as_str())
        }
        QueueError::AlertAnswered | QueueError::UnknownAlert => t!(t, "alert-gone"),
        QueueError::Access(_) => t!(t, "forbidden-text"),
        QueueError::UnknownOffice => t!(t, "status-404-text"),
        QueueError::Store(_) => t!(t, "failed-text"),
    }
}
