//! The statistics page: the range asked for, the figures of the whole range,
//! charts of appointments and waiting per period (small SVG of our own: a
//! bar chart is a few rectangles, not worth a chart crate's build), each with
//! the table of its numbers beside it, handling times per service against
//! the plan, and the weeks ahead; everything also as CSV.

use maud::{html, Markup};

use super::{staff_page, Nav};
use crate::domain::Office;
use crate::i18n::Texts;
use crate::stats::{By, Figures, Statistics};
use crate::t;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 180.0;

/// A bar chart of `bars` (label, value); the figure's caption names it, and the
/// table after it gives the same numbers, for whoever cannot see the bars.
fn chart(id: &str, caption: &str, bars: &[(String, f64)]) -> Markup {
    let top = bars.iter().map(|b| b.1).fold(0.0_f64, f64::max).max(1.0);
    let step = WIDTH / bars.len().max(1) as f64;
    html! {
        figure.chart aria-labelledby={ (id) "-caption" } {
            figcaption #{ (id) "-caption" } { (caption) }
            svg viewBox={ "0 0 " (WIDTH) " " (HEIGHT + 20.0) } role="img" aria-labelledby={ (id) "-caption" }
                preserveAspectRatio="none" {
                line x1="0" y1=(HEIGHT) x2=(WIDTH) y2=(HEIGHT) stroke="#4a5867" {}
                @for (i, (label, v)) in bars.iter().enumerate() {
                    @let h = v / top * (HEIGHT - 16.0);
                    @let x = i as f64 * step + step * 0.15;
                    rect x=(x) y=(HEIGHT - h) width=(step * 0.7) height=(h) fill="#0b5cad" {
                        title { (label) ": " (v) }
                    }
                    @if bars.len() <= 31 {
                        text x=(x + step * 0.35) y=(HEIGHT - h - 3.0) text-anchor="middle" font-size="11" { (v) }
                    }
                }
            }
        }
    }
}

fn percent(t: &Texts, x: Option<f64>) -> String {
    x.map(|v| t!(t, "stats-percent", n = (v * 100.0).round() as i64))
        .unwrap_or_else(|| "–".into())
}

fn mins(t: &Texts, x: Option<f64>) -> String {
    x.map(|v| t!(t, "stats-minutes", n = v.round() as i64))
        .unwrap_or_else(|| "–".into())
}

fn summary(t: &Texts, f: &Figures, target: u32) -> Markup {
    let days = f
        .lead_time_median_days
        .map(|d| t!(t, "stats-days", n = d.round() as i64));
    html! {
        dl.figures {
            dt { (t!(t, "stats-made")) } dd { (f.made) }
            dt { (t!(t, "stats-appointments")) } dd { (f.appointments) }
            dt { (t!(t, "stats-confirmed")) } dd { (f.confirmed) }
            dt { (t!(t, "stats-cancelled")) } dd { (f.cancelled) }
            dt { (t!(t, "stats-cancelled-office")) } dd { (f.cancelled_by_office) }
            dt { (t!(t, "stats-expired")) } dd { (f.expired) }
            dt { (t!(t, "stats-came")) } dd { (f.came) }
            dt { (t!(t, "stats-no-shows")) } dd { (f.no_shows) " (" (percent(t, f.no_show_rate)) ")" }
            dt { (t!(t, "stats-walk-ins")) } dd { (f.walk_ins) }
            dt { (t!(t, "stats-served")) } dd { (f.served) }
            dt { (t!(t, "stats-waiting-median")) } dd { (mins(t, f.waiting_median_minutes)) }
            dt { (t!(t, "stats-waiting-p90")) } dd { (mins(t, f.waiting_p90_minutes)) }
            dt { (t!(t, "stats-within-15")) } dd { (percent(t, f.served_within_15)) }
            dt { (t!(t, "stats-over-target", minutes = target)) } dd { (percent(t, f.waited_over_target)) }
            dt { (t!(t, "stats-lead")) } dd { (days.unwrap_or_else(|| "–".into())) }
            dt { (t!(t, "stats-utilisation")) } dd { (percent(t, f.utilisation)) }
        }
    }
}

fn periods_table(t: &Texts, s: &Statistics) -> Markup {
    html! {
        div.scroll {
            table {
                caption { (t!(t, "stats-periods")) }
                thead { tr {
                    th scope="col" { (t!(t, "stats-period")) }
                    th scope="col" { (t!(t, "stats-appointments")) }
                    th scope="col" { (t!(t, "stats-came")) }
                    th scope="col" { (t!(t, "stats-no-shows")) }
                    th scope="col" { (t!(t, "stats-cancelled")) }
                    th scope="col" { (t!(t, "stats-walk-ins")) }
                    th scope="col" { (t!(t, "stats-waiting-median")) }
                    th scope="col" { (t!(t, "stats-waiting-p90")) }
                    th scope="col" { (t!(t, "stats-utilisation")) }
                } }
                tbody {
                    @for p in &s.periods {
                        @let f = &p.figures;
                        tr {
                            th scope="row" { (p.label) }
                            td { (f.appointments) } td { (f.came) } td { (f.no_shows) } td { (f.cancelled) }
                            td { (f.walk_ins) }
                            td { (mins(t, f.waiting_median_minutes)) } td { (mins(t, f.waiting_p90_minutes)) }
                            td { (percent(t, f.utilisation)) }
                        }
                    }
                }
            }
        }
    }
}

fn handling_table(t: &Texts, office: &Office, s: &Statistics) -> Markup {
    html! {
        h2 #handling { (t!(t, "stats-handling")) }
        div.scroll {
            table aria-labelledby="handling" {
                thead { tr {
                    th scope="col" { (t!(t, "stats-service")) }
                    th scope="col" { (t!(t, "stats-cases")) }
                    th scope="col" { (t!(t, "stats-median")) }
                    th scope="col" { (t!(t, "stats-p90")) }
                    th scope="col" { (t!(t, "stats-planned")) }
                    th scope="col" { (t!(t, "stats-suggested")) }
                } }
                tbody {
                    @for h in &s.handling {
                        tr {
                            th scope="row" { bdi { (office.service(&h.service).map_or(h.service.as_str(), |(_, s)| s.name.get(t.lang))) } }
                            td { (h.cases) }
                            td { (mins(t, h.median_minutes)) }
                            td { (mins(t, h.p90_minutes)) }
                            td { (t!(t, "stats-minutes", n = h.planned_minutes)) }
                            td { @match h.suggested_minutes { Some(m) => (t!(t, "stats-minutes", n = m)), None => "–" } }
                        }
                    }
                }
            }
        }
        p.hint { (t!(t, "stats-suggested-hint", n = crate::stats::MIN_CASES)) }
    }
}

/// Where more desks would help: shown, never applied.
fn hints_list(t: &Texts, office: &Office, s: &Statistics) -> Markup {
    let name = |id: &str| {
        office
            .counter(id)
            .map_or(id.to_string(), |c| c.name.get(t.lang).to_string())
    };
    html! {
        h2 #hints { (t!(t, "stats-hints")) }
        @if s.hints.is_empty() { p { (t!(t, "stats-hints-none")) } } @else {
            ul {
                @for h in &s.hints {
                    li { @if h.kind == "walk_ins_turned_away" {
                        (t!(t, "stats-hint-walk-ins", counter = name(&h.counter), count = h.count, days = h.days))
                    } @else {
                        (t!(t, "stats-hint-booked-out", counter = name(&h.counter), days = h.days))
                    } }
                }
            }
        }
    }
}

/// The next free appointment per service as it stood each day.
fn next_free_table(t: &Texts, office: &Office, s: &Statistics) -> Markup {
    let name = |id: &str| {
        office
            .service(id)
            .map_or(id.to_string(), |(_, sv)| sv.name.get(t.lang).to_string())
    };
    html! {
        @if !s.next_free.is_empty() {
            div.scroll {
                table {
                    caption { (t!(t, "stats-next-free")) }
                    thead { tr {
                        th scope="col" { (t!(t, "stats-day")) }
                        th scope="col" { (t!(t, "stats-service")) }
                        th scope="col" { (t!(t, "stats-days-ahead")) }
                    } }
                    tbody {
                        @for n in &s.next_free {
                            tr {
                                td { (t.long_date(n.day)) }
                                td { (name(&n.service)) }
                                td { @match n.days_ahead {
                                    Some(d) => (t!(t, "stats-days", n = d)),
                                    None => (t!(t, "stats-none-free")),
                                } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn ahead_table(t: &Texts, s: &Statistics) -> Markup {
    html! {
        h2 #ahead { (t!(t, "stats-ahead")) }
        div.scroll {
            table aria-labelledby="ahead" {
                thead { tr {
                    th scope="col" { (t!(t, "stats-week")) }
                    th scope="col" { (t!(t, "stats-booked")) }
                    th scope="col" { (t!(t, "stats-bookable")) }
                    th scope="col" { (t!(t, "stats-utilisation")) }
                } }
                tbody {
                    @for a in &s.ahead {
                        tr { th scope="row" { (a.week) } td { (a.booked_minutes) } td { (a.bookable_minutes) } td { (percent(t, a.utilisation)) } }
                    }
                }
            }
        }
    }
}

/// The form that chooses the range, the grouping and the counter.
fn range_form(t: &Texts, office: &Office, s: &Statistics, here: &str) -> Markup {
    let by = [
        (By::Day, t!(t, "stats-by-day")),
        (By::Week, t!(t, "stats-by-week")),
        (By::Month, t!(t, "stats-by-month")),
    ];
    html! {
        form.range method="get" action=(here) {
            div.field { label for="s-from" { (t!(t, "stats-from")) } input #s-from type="date" name="from" value=(s.from); }
            div.field { label for="s-to" { (t!(t, "stats-to")) } input #s-to type="date" name="to" value=(s.to); }
            div.field {
                label for="s-by" { (t!(t, "stats-by")) }
                select #s-by name="by" {
                    @for (b, label) in by { option value=(b.as_str()) selected[s.by == b] { (label) } }
                }
            }
            div.field {
                label for="s-counter" { (t!(t, "stats-counter")) }
                select #s-counter name="counter" {
                    option value="" { (t!(t, "stats-all-counters")) }
                    @for c in &office.counters {
                        option value=(c.id) selected[s.counter.as_deref() == Some(c.id.as_str())] { (c.name.get(t.lang)) }
                    }
                }
            }
            button type="submit" { (t!(t, "stats-show")) }
        }
    }
}

/// The statistics page.
pub fn statistics(
    t: &Texts,
    nav: &Nav<'_>,
    office: &Office,
    s: &Statistics,
    query: &str,
) -> Markup {
    let here = format!("/staff/{}/statistics", office.id);
    let appointments: Vec<(String, f64)> = s
        .periods
        .iter()
        .map(|p| (p.label.clone(), f64::from(p.figures.appointments)))
        .collect();
    let waiting: Vec<(String, f64)> = s
        .periods
        .iter()
        .map(|p| {
            (
                p.label.clone(),
                p.figures.waiting_median_minutes.unwrap_or(0.0).round(),
            )
        })
        .collect();
    let csv = format!("{here}.csv?{query}");
    let body = html! {
        div.wide {
            (range_form(t, office, s, &here))
            p { a href=(csv) download { (t!(t, "stats-csv")) } }
            h2 { (t!(t, "stats-summary")) }
            (summary(t, &s.total, s.target_minutes))
            (chart("appointments", &t!(t, "stats-chart-appointments"), &appointments))
            (chart("waiting", &t!(t, "stats-chart-waiting"), &waiting))
            (periods_table(t, s))
            (handling_table(t, office, s))
            (ahead_table(t, s))
            (next_free_table(t, office, s))
            (hints_list(t, office, s))
        }
    };
    staff_page(
        t,
        nav,
        &format!("{here}?{query}"),
        &t!(t, "stats-title", office = office.name.as_str()),
        body,
    )
}

/// The range form again, with what is wrong in it.
pub fn mistakes(
    t: &Texts,
    nav: &Nav<'_>,
    office: &Office,
    errors: &[crate::booking::FieldError],
) -> Markup {
    let here = format!("/staff/{}/statistics", office.id);
    let body = html! {
        div.error-summary role="alert" aria-labelledby="stats-problem" {
            h2 #stats-problem { (t!(t, "stats-mistakes")) }
            ul {
                @for e in errors {
                    li { @match e.mistake {
                        crate::booking::Mistake::RangeTooLong => (t!(t, "stats-range-too-long", days = crate::stats::MAX_RANGE_DAYS)),
                        crate::booking::Mistake::RangeBackwards => (t!(t, "stats-range-backwards")),
                        _ => (t!(t, "stats-range-invalid", field = e.field.as_str())),
                    } }
                }
            }
        }
        p { a href=(here) { (t!(t, "stats-again")) } }
    };
    staff_page(
        t,
        nav,
        &here,
        &t!(t, "stats-title", office = office.name.as_str()),
        body,
    )
}

/// One office's figures over the range, for the side-by-side comparison.
pub struct Compared<'a> {
    pub office: &'a Office,
    pub figures: Figures,
}

/// Every office side by side over one range (admins).
pub fn compare(
    t: &Texts,
    nav: &Nav<'_>,
    rows: &[Compared<'_>],
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Markup {
    let here = "/staff/statistics";
    let body = html! {
        form.range method="get" action=(here) {
            div.field { label for="s-from" { (t!(t, "stats-from")) } input #s-from type="date" name="from" value=(from); }
            div.field { label for="s-to" { (t!(t, "stats-to")) } input #s-to type="date" name="to" value=(to); }
            button type="submit" { (t!(t, "stats-show")) }
        }
        div.scroll {
            table {
                caption { (t!(t, "stats-compare-caption", from = t.long_date(from), to = t.long_date(to))) }
                thead { tr {
                    th scope="col" { (t!(t, "audit-office")) }
                    th scope="col" { (t!(t, "stats-appointments")) }
                    th scope="col" { (t!(t, "stats-cancelled")) }
                    th scope="col" { (t!(t, "stats-no-shows")) }
                    th scope="col" { (t!(t, "stats-walk-ins")) }
                    th scope="col" { (t!(t, "stats-waiting-median")) }
                    th scope="col" { (t!(t, "stats-within-15")) }
                    th scope="col" { (t!(t, "stats-lead")) }
                    th scope="col" { (t!(t, "stats-utilisation")) }
                } }
                tbody {
                    @for r in rows {
                        @let f = &r.figures;
                        tr {
                            th scope="row" { a href={ "/staff/" (r.office.id) "/statistics?from=" (from) "&to=" (to) } { (r.office.name) } }
                            td { (f.appointments) }
                            td { (f.cancelled) }
                            td { (f.no_shows) " (" (percent(t, f.no_show_rate)) ")" }
                            td { (f.walk_ins) }
                            td { (mins(t, f.waiting_median_minutes)) }
                            td { (percent(t, f.served_within_15)) }
                            td { (f.lead_time_median_days.map(|d| t!(t, "stats-days", n = d.round() as i64)).unwrap_or_else(|| "–".into())) }
                            td { (percent(t, f.utilisation)) }
                        }
                    }
                }
            }
        }
    };
    staff_page(t, nav, here, &t!(t, "stats-compare-title"), body)
}
