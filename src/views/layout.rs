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
    page_with(t, here, title, html! {}, body)
}

/// A whole page with more in its head (a script of ours, a refresh for
/// browsers without JavaScript).
pub fn page_with(t: &Texts, here: &str, title: &str, head: Markup, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(t.lang.as_str()) dir=(if t.lang.is_rtl() { "rtl" } else { "ltr" }) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – Termin" }
                link rel="stylesheet" href="/assets/site.css";
                (head)
            }
            body {
                a.skip href="#main" { (t!(t, "skip-to-content")) }
                header {
                    a.home href="/" { "Termin" }
                    nav.langs aria-label=(t!(t, "language-switch")) {
                        ul {
                            @for lang in Language::ALL {
                                li {
                                    @if lang == t.lang {
                                        span aria-current="true" lang=(lang.as_str()) dir=(dir(lang)) { (lang.native_name()) }
                                    } @else {
                                        a href=(switch_href(here, lang.as_str())) lang=(lang.as_str()) hreflang=(lang.as_str()) dir=(dir(lang)) { (lang.native_name()) }
                                    }
                                }
                            }
                        }
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
                        " · "
                        a href="/leichte-sprache" hreflang="de" { (t!(t, "footer-easy")) }
                    }
                }
            }
        }
    }
}

fn dir(lang: Language) -> &'static str {
    if lang.is_rtl() {
        "rtl"
    } else {
        "ltr"
    }
}
