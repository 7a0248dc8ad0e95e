//! The frame of every page: one `<h1>`, the language switch, and the pages a
//! public service owes in the footer.

use maud::{html, Markup, DOCTYPE};

use crate::domain::Language;
use crate::i18n::Texts;
use crate::t;

/// The same page in another language: `here` (path and query) with `lang` set.
pub fn switch_href(here: &str, code: &str) -> String {
    let (path, query) = here.split_once('?').unwrap_or((here, ""));
    let mut params: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang="))
        .collect();
    let lang = format!("lang={code}");
    params.push(&lang);
    format!("{path}?{}", params.join("&"))
}

/// A whole page. `here` is the page's path and query, for the language switch.
pub fn page(t: &Texts, here: &str, title: &str, body: Markup) -> Markup {
    let others = Language::ALL.into_iter().filter(|l| *l != t.lang);
    html! {
        (DOCTYPE)
        html lang=(t.lang.as_str()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – Termin" }
                link rel="stylesheet" href="/assets/site.css";
            }
            body {
                a.skip href="#main" { (t!(t, "skip-to-content")) }
                header {
                    a href="/" { "Termin" }
                    @for other in others {
                        " "
                        a.lang href=(switch_href(here, other.as_str())) lang=(other.as_str()) hreflang=(other.as_str()) { (other.native_name()) }
                    }
                }
                main #main { h1 { (title) } (body) }
                footer {
                    nav aria-label=(t!(t, "footer-legal")) {
                        a href="/privacy" { (t!(t, "footer-privacy")) }
                        " · "
                        a href="/accessibility" { (t!(t, "footer-accessibility")) }
                        " · "
                        a href="/imprint" { (t!(t, "footer-imprint")) }
                    }
                }
            }
        }
    }
}
