//! An office's public figures: the next free appointment per service, and how
//! the last weeks went (lead time, no-shows, on time), aggregates only.

use maud::{html, Markup};

use crate::domain::Office;
use crate::i18n::Texts;
use crate::paths;
use crate::stats::{PublicFigures, FIGURE_WEEKS, MIN_CASES};
use crate::t;
use crate::views::page;

fn percent(t: &Texts, x: Option<f64>) -> String {
    match x {
        Some(v) => t!(t, "figures-percent", n = (v * 100.0).round() as i64),
        None => t!(t, "figures-too-few"),
    }
}

pub fn figures(t: &Texts, office: &Office, f: &PublicFigures) -> Markup {
    let lead = match f.lead_time_median_days {
        Some(d) => t!(t, "figures-days", n = d.round() as i64),
        None => t!(t, "figures-too-few"),
    };
    let body = html! {
        p { (t!(t, "figures-intro", weeks = FIGURE_WEEKS, min = MIN_CASES)) }
        h2 #next-free { (t!(t, "figures-next-free")) }
        div.scroll {
            table aria-labelledby="next-free" {
                thead { tr { th scope="col" { (t!(t, "figures-service")) } th scope="col" { (t!(t, "figures-next-free")) } } }
                tbody {
                    @for n in &f.next_free {
                        tr {
                            th scope="row" { bdi { (office.service(&n.service).map_or(n.service.as_str(), |(_, s)| s.name.get(t.lang))) } }
                            td { @match n.start {
                                Some(at) => { (t.long_date(at.date_naive())) ", " (t.time(at)) }
                                None => (t!(t, "figures-none")),
                            } }
                        }
                    }
                }
            }
        }
        h2 { (t!(t, "figures-weeks", weeks = FIGURE_WEEKS)) }
        dl.figures {
            dt { (t!(t, "figures-lead")) } dd { (lead) }
            dt { (t!(t, "figures-no-show")) } dd { (percent(t, f.no_show_rate)) }
            dt { (t!(t, "figures-on-time")) } dd { (percent(t, f.served_within_15)) }
        }
        p { a href=(paths::office(&office.id)) { (t!(t, "figures-book")) } }
    };
    page(
        t,
        &paths::figures(&office.id),
        &t!(t, "figures-title", office = office.name.as_str()),
        body,
    )
}
