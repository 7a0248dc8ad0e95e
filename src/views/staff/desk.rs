//! The clerk's desk: choose the desk and the counters served, call the next
//! ticket, see who it is (the one place with the person's name), act on it,
//! and the emergency alert (Notruf) to every desk of the office.

use chrono::{DateTime, Utc};
use maud::{html, Markup};

use super::{flash, staff_page, ticket_state, Nav};
use crate::domain::{Office, Service, TicketState};
use crate::i18n::Texts;
use crate::store::{AlertRow, TicketRow};
use crate::t;
use crate::views::components::csrf_field;

/// The ticket at the desk, with what the clerk needs to serve it.
pub struct AtDesk {
    pub ticket: TicketRow,
    /// The person's name, from the booking (walk-ins have none).
    pub name: Option<String>,
    pub appointment: Option<String>,
    /// The services booked or asked for, with what to bring.
    pub services: Vec<Service>,
    /// Seconds until it may be called again (0: now).
    pub recall_in: i64,
}

/// What the desk page shows.
pub struct Desk<'a> {
    pub office: &'a Office,
    pub desk: &'a str,
    pub counters: &'a [String],
    pub current: Option<AtDesk>,
    /// Tickets parked at this desk, to take up again.
    pub parked: Vec<TicketRow>,
    /// Tickets waiting per counter served: `(counter id, how many)`.
    pub waiting: Vec<(String, usize)>,
    pub alerts: Vec<AlertRow>,
    pub now: DateTime<Utc>,
}

/// The desk and counters a clerk serves, carried through every form.
fn desk_fields(d: &Desk<'_>) -> Markup {
    html! {
        input type="hidden" name="desk" value=(d.desk);
        @for c in d.counters { input type="hidden" name="counter" value=(c); }
    }
}

/// Choose the desk and the counters served.
pub fn choose(t: &Texts, nav: &Nav<'_>, office: &Office, problem: Option<&str>) -> Markup {
    let here = format!("/staff/{}/desk", office.id);
    let body = html! {
        (flash(problem, false))
        form.details method="get" action=(here) {
            div.field {
                label for="d-desk" { (t!(t, "desk-which")) }
                select #d-desk name="desk" {
                    @for d in office.desks() { option value=(d) { (d) } }
                }
            }
            fieldset {
                legend { (t!(t, "desk-counters")) }
                @for c in &office.counters {
                    @let id = format!("d-counter-{}", c.id);
                    div.check {
                        input type="checkbox" id=(id) name="counter" value=(c.id) checked;
                        label for=(id) { (c.name.get(t.lang)) }
                    }
                }
            }
            button type="submit" { (t!(t, "desk-start")) }
        }
    };
    staff_page(t, nav, &here, &t!(t, "desk-title-choose"), body)
}

fn action(
    d: &Desk<'_>,
    ticket: &TicketRow,
    what: &str,
    label: &str,
    csrf: &str,
    extra: Markup,
) -> Markup {
    html! {
        form method="post" action={ "/staff/" (d.office.id) "/desk/" (ticket.id) "/" (what) } {
            (csrf_field(csrf))
            (desk_fields(d))
            input type="hidden" name="version" value=(ticket.version);
            (extra)
            button.secondary[what != "start" && what != "done"] type="submit" { (label) }
        }
    }
}

fn current(t: &Texts, d: &Desk<'_>, at: &AtDesk, csrf: &str) -> Markup {
    let ticket = &at.ticket;
    let state = ticket.state();
    let counter = d.office.counter(&ticket.counter_id);
    html! {
        section.ticket aria-labelledby="at-desk" {
            h2 #at-desk { (t!(t, "desk-current", number = ticket.number.as_str())) }
            dl {
                dt { (t!(t, "desk-state")) }
                dd { (ticket_state(t, state)) @if ticket.calls > 1 { " " (t!(t, "desk-calls", n = ticket.calls)) } }
                @if let Some(name) = &at.name { dt { (t!(t, "desk-name")) } dd { bdi { (name) } } }
                @if let Some(a) = &at.appointment { dt { (t!(t, "desk-appointment")) } dd { (a) } }
                dt { (t!(t, "fact-services")) } dd { bdi { (at.services.iter().map(|s| s.name.get(t.lang)).collect::<Vec<_>>().join(", ")) } }
                dt { (t!(t, "fact-persons")) } dd { (ticket.persons) }
            }
            @if at.services.iter().any(|s| s.bring.is_some()) {
                h3 { (t!(t, "bring-title")) }
                ul.bring {
                    @for s in &at.services {
                        @if let Some(b) = &s.bring { li { strong { (s.name.get(t.lang)) ": " } (b.get(t.lang)) } }
                    }
                }
            }
            div.actions {
                @match state {
                    TicketState::Called => {
                        (action(d, ticket, "start", &t!(t, "desk-arrived"), csrf, html!{}))
                        @if at.recall_in == 0 {
                            (action(d, ticket, "recall", &t!(t, "desk-recall"), csrf, html!{}))
                        } @else {
                            p.hint { (t!(t, "desk-recall-in", seconds = at.recall_in)) }
                        }
                        (action(d, ticket, "no-show", &t!(t, "desk-no-show"), csrf, html!{}))
                    }
                    TicketState::Parked => {
                        (action(d, ticket, "start", &t!(t, "desk-resume"), csrf, html!{}))
                        (action(d, ticket, "back", &t!(t, "desk-back"), csrf, html!{}))
                    }
                    _ => {
                        (action(d, ticket, "done", &t!(t, "desk-done"), csrf, html! {
                            @if let Some(c) = counter {
                                fieldset {
                                    legend { (t!(t, "desk-handled")) }
                                    @for s in &c.services {
                                        @let id = format!("h-{}", s.id);
                                        div.check {
                                            input type="checkbox" id=(id) name="service" value=(s.id)
                                                checked[ticket.service_ids().contains(&s.id.as_str())];
                                            label for=(id) { (s.name.get(t.lang)) }
                                        }
                                    }
                                }
                            }
                            div.field {
                                label for="h-persons" { (t!(t, "office-persons")) }
                                input #h-persons type="number" name="persons" min="1" max="20" value=(ticket.persons);
                            }
                        }))
                        (action(d, ticket, "back", &t!(t, "desk-back"), csrf, html!{}))
                        (action(d, ticket, "park", &t!(t, "desk-park"), csrf, html!{}))
                        @let others: Vec<_> = d.office.counters.iter().filter(|c| c.id != ticket.counter_id).collect();
                        @if !others.is_empty() {
                            (action(d, ticket, "transfer", &t!(t, "desk-transfer"), csrf, html! {
                                div.field {
                                    label for="h-counter" { (t!(t, "desk-transfer-to")) }
                                    select #h-counter name="to" {
                                        @for c in others { option value=(c.id) { (c.name.get(t.lang)) } }
                                    }
                                }
                            }))
                        }
                    }
                }
            }
        }
    }
}

/// What changes at a desk without the clerk doing anything: alerts of other
/// desks and how many wait; its live updates replace it.
pub fn board(t: &Texts, d: &Desk<'_>, csrf: &str) -> Markup {
    html! {
        div #board {
            @for a in &d.alerts {
                div.alarm role="alert" {
                    p { strong { (t!(t, "alert-from", desk = a.desk.as_str(), minutes = (d.now.timestamp() - a.raised_at) / 60)) } }
                    form method="post" action={ "/staff/" (d.office.id) "/alerts/" (a.id) "/coming" } {
                        (csrf_field(csrf))
                        (desk_fields(d))
                        button type="submit" { (t!(t, "alert-coming")) }
                    }
                }
            }
            h2 { (t!(t, "desk-waiting")) }
            ul {
                @for (counter, n) in &d.waiting {
                    li { bdi { (d.office.counter(counter).map_or(counter.as_str(), |c| c.name.get(t.lang))) } ": " (t!(t, "desk-waiting-count", n = *n)) }
                }
            }
        }
    }
}

/// The query that names a desk and its counters, for links and live updates.
pub fn desk_query(d: &Desk<'_>) -> String {
    let mut q = format!("desk={}", crate::paths::encode(d.desk));
    for c in d.counters {
        q.push_str("&counter=");
        q.push_str(&crate::paths::encode(c));
    }
    q
}

/// The desk: alerts, the ticket at it, or the button that calls the next.
pub fn desk(
    t: &Texts,
    nav: &Nav<'_>,
    d: &Desk<'_>,
    notice: Option<(&str, bool)>,
    csrf: &str,
) -> Markup {
    let here = format!("/staff/{}/desk?{}", d.office.id, desk_query(d));
    let body = html! {
        @if let Some((text, ok)) = notice { (flash(Some(text), ok)) }
        @match &d.current {
            Some(at) => (current(t, d, at, csrf)),
            None => {
                form method="post" action={ "/staff/" (d.office.id) "/desk/call" } {
                    (csrf_field(csrf))
                    (desk_fields(d))
                    button.call type="submit" { (t!(t, "desk-call-next")) }
                }
            }
        }
        @if !d.parked.is_empty() {
            h2 { (t!(t, "desk-parked")) }
            ul.parked {
                @for p in &d.parked {
                    li.actions {
                        strong { bdi { (p.number) } }
                        (action(d, p, "start", &t!(t, "desk-resume"), csrf, html!{}))
                        (action(d, p, "back", &t!(t, "desk-back"), csrf, html!{}))
                    }
                }
            }
        }
        div.live data-events={ "/staff/" (d.office.id) "/desk/events?" (desk_query(d)) } {
            (board(t, d, csrf))
        }
        form method="post" action={ "/staff/" (d.office.id) "/desk/alert" } {
            (csrf_field(csrf))
            (desk_fields(d))
            button.alarm type="submit" { (t!(t, "alert-raise")) }
        }
        p { a href={ "/staff/" (d.office.id) "/desk" } { (t!(t, "desk-change")) } }
    };
    staff_page(t, nav, &here, &t!(t, "desk-title", desk = d.desk), body)
}
