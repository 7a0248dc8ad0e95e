//! The start page: the offices.

use maud::{html, Markup};

use crate::domain::Office;
use crate::i18n::Texts;
use crate::t;
use crate::views::page;

pub fn home(t: &Texts, offices: &[Office]) -> Markup {
    page(
        t,
        "/",
        &t!(t, "home-title"),
        html! {
            p { (t!(t, "home-intro")) }
            ul.offices {
                @for o in offices {
                    li {
                        a href={ "/o/" (o.id) } { strong { bdi { (o.name) } } }
                        br;
                        span.muted { bdi { (o.address) } }
                    }
                }
            }
        },
    )
}
