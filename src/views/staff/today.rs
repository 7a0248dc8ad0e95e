//! The day board: every appointment and ticket of the day per counter, with
//! status, arrival and waiting time so far; live like the display.

use chrono::{DateTime, Utc};
use maud::{html, Markup};

use super::{booking_status, staff_page_with, ticket_state, Nav};
use crate::domain::Office;
use crate::i18n::Texts;
use crate::queue::BoardLine;
use crate::t;

fn clock(t: &Texts, office: &Office, at: i64) -> String {
    DateTime::<Utc>::from_timestamp(at, 0)
        .map(|a| t.time(a.with_timezone(&office.timezone)))
        .unwrap_or_default()
}

/// The board itself, which its live updates replace.
pub fn board(t: &Texts, office: &Office, lines: &[BoardLine]) -> Markup {
    html! {
        div #board {
            @for c in &office.counters {
                @let mine: Vec<&BoardLine> = lines.iter().filter(|l| l.counter == c.id).collect();
                section.counter aria-labelledby={ "today-" (c.id) } {
                    h2 #{ "today-" (c.id) } { (c.name.get(t.lang)) }
                    @if mine.is_empty() {
                        p { (t!(t, "today-none")) }
                    } @else {
                        div.scroll {
                            table {
                                thead { tr {
                                    th scope="col" { (t!(t, "desk-appointment")) }
                                    th scope="col" { (t!(t, "today-ticket")) }
                                    th scope="col" { (t!(t, "fact-services")) }
                                    th scope="col" { (t!(t, "desk-state")) }
                                    th scope="col" { (t!(t, "today-arrived")) }
                                    th scope="col" { (t!(t, "today-waited")) }
                                    th scope="col" { (t!(t, "today-desk")) }
                                } }
                                tbody {
                                    @for l in mine {
                                        tr {
                                            td { @match l.appointment_at { Some(a) => (t.time(a.with_timezone(&office.timezone))), None => (t!(t, "today-walk-in")) } }
                                            td { @if let Some(tk) = &l.ticket { bdi { (tk.number) } @if tk.urgent != 0 { " " strong { (t!(t, "today-urgent")) } } } }
                                            td {
                                                bdi { (l.services.iter().filter_map(|s| office.service(s).map(|(_, s)| s.name.get(t.lang))).collect::<Vec<_>>().join(", ")) }
                                                @if l.persons > 1 { " · " (t!(t, "today-persons", n = l.persons)) }
                                            }
                                            td {
                                                @match &l.ticket {
                                                    Some(tk) => (ticket_state(t, tk.state())),
                                                    None => (booking_status(t, l.booking_status.as_deref().unwrap_or(""))),
                                                }
                                            }
                                            td { @if let Some(tk) = &l.ticket { (clock(t, office, tk.arrived_at)) } }
                                            td { @if let Some(w) = l.waited { (t!(t, "today-minutes", n = w / 60)) } }
                                            td { @if let Some(tk) = &l.ticket { (tk.desk.as_deref().unwrap_or("")) } }
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

/// The day board page: live with our script, reloading itself without it.
pub fn today(t: &Texts, nav: &Nav<'_>, office: &Office, lines: &[BoardLine]) -> Markup {
    let here = format!("/staff/{}/today", office.id);
    let body = html! {
        div.live.wide data-events={ (here) "/events" } {
            (board(t, office, lines))
        }
    };
    let head = html! { noscript { meta http-equiv="refresh" content="30"; } };
    staff_page_with(
        t,
        nav,
        &here,
        &t!(t, "today-title", office = office.name.as_str()),
        head,
        body,
    )
}
