//! A week's load of an office: per counter, hour and day the desk-minutes
//! booked against those bookable online and kept for walk-ins, as a heat map
//! that reads without colour (the numbers, and a denser hatching the fuller an
//! hour is); and the persons expected per arrival window against the cap.

use chrono::{Duration, NaiveDate};
use maud::{html, Markup};

use super::{staff_page, Nav};
use crate::domain::Office;
use crate::i18n::Texts;
use crate::stats::{Load, Week};
use crate::t;

fn day_head(t: &Texts, d: NaiveDate) -> Markup {
    use chrono::Datelike;
    let i = d.weekday().num_days_from_monday() as usize;
    html! { th scope="col" { abbr title=(t.weekday(i)) { (t.weekday_short(i)) } " " (d.format("%d.%m.")) } }
}

fn cell(t: &Texts, l: &Load) -> Markup {
    html! {
        @if l.online == 0 && l.walk_in == 0 {
            td.load { (t!(t, "week-closed")) }
        } @else {
            td class={ "load l" (l.band()) } {
                (l.booked) "/" (l.online)
                @if l.walk_in > 0 { br; small { "+" (l.walk_in) } }
            }
        }
    }
}

fn hour(h: u32) -> String {
    format!("{h:02}:00")
}

pub fn week(t: &Texts, nav: &Nav<'_>, office: &Office, w: &Week) -> Markup {
    let here = format!("/staff/{}/week", office.id);
    let monday = w.days[0];
    let body = html! {
        div.wide {
            p.actions {
                a href={ (here) "?day=" (monday - Duration::weeks(1)) } { (t!(t, "week-earlier")) }
                " · "
                a href={ (here) "?day=" (monday + Duration::weeks(1)) } { (t!(t, "week-later")) }
            }
            form.range method="get" action=(here) {
                div.field { label for="w-day" { (t!(t, "week-day")) } input #w-day type="date" name="day" value=(monday); }
                button type="submit" { (t!(t, "stats-show")) }
            }
            p.hint { (t!(t, "week-legend")) }
            @for c in &w.counters {
                @let name = office.counter(&c.counter).map_or(c.counter.as_str(), |x| x.name.get(t.lang));
                div.scroll {
                    table.heat {
                        caption { bdi { (name) } }
                        thead { tr { th scope="col" { (t!(t, "week-hour")) } @for d in &w.days { (day_head(t, *d)) } } }
                        tbody {
                            @for (i, h) in c.hours.iter().enumerate() {
                                tr { th scope="row" { (hour(*h)) } @for l in &c.cells[i] { (cell(t, l)) } }
                            }
                        }
                    }
                }
            }
            @if let Some(a) = &w.arrivals {
                div.scroll {
                    table.heat {
                        caption { (t!(t, "week-arrivals", minutes = a.per_minutes, max = a.max)) }
                        thead { tr { th scope="col" { (t!(t, "week-window")) } @for d in &w.days { (day_head(t, *d)) } } }
                        tbody {
                            @for (i, m) in a.windows.iter().enumerate() {
                                tr {
                                    th scope="row" { (format!("{:02}:{:02}", m / 60, m % 60)) }
                                    @for n in &a.persons[i] {
                                        td class={ "load l" (if a.max == 0 { 0 } else { (n * 5).div_ceil(a.max).min(5) }) } {
                                            (n) "/" (a.max)
                                            @if *n >= a.max { " " strong { (t!(t, "week-full")) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    staff_page(
        t,
        nav,
        &format!("{here}?day={monday}"),
        &t!(
            t,
            "week-title",
            office = office.name.as_str(),
            date = t.long_date(monday)
        ),
        body,
    )
}
