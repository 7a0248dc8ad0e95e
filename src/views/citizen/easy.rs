//! The service explained in easy German (Leichte Sprache, BITV 2.0 § 4): one
//! thought per sentence, one sentence per line, always in German (its frame too).

use maud::{html, Markup};

use crate::domain::Language;
use crate::i18n::Texts;
use crate::views::page;
use crate::{m, t};

/// Each sentence of a message as its own paragraph.
fn sentences(text: &str) -> Markup {
    html! { @for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) { p { (line) } } }
}

/// The page; `contact` is the address for questions, `sign_language` the
/// city's video in German Sign Language, if it has one (only linked).
pub fn easy(t: &Texts, contact: &str, sign_language: Option<&str>) -> Markup {
    let de = t.with_lang(Language::De);
    let sections = [
        (t!(de, "easy-what-title"), t!(de, "easy-what-text")),
        (t!(de, "easy-book-title"), t!(de, "easy-book-text")),
        (t!(de, "easy-confirm-title"), t!(de, "easy-confirm-text")),
        (t!(de, "easy-move-title"), t!(de, "easy-move-text")),
        (t!(de, "easy-cancel-title"), t!(de, "easy-cancel-text")),
        (t!(de, "easy-bring-title"), t!(de, "easy-bring-text")),
    ];
    let mail = html! { a href={ "mailto:" (contact) } { (contact) } };
    let help = m!(de, "easy-help-text", email = mail).into_string();
    let body = html! {
        div.easy {
            (sentences(&t!(de, "easy-intro")))
            @if let Some(url) = sign_language {
                (sentences(&t!(de, "easy-sign-language-text")))
                p { a href=(url) { (t!(de, "easy-sign-language-link")) } }
            }
            @for (title, text) in &sections {
                h2 { (title) }
                (sentences(text))
            }
            h2 { (t!(de, "easy-help-title")) }
            @for line in help.lines().map(str::trim).filter(|l| !l.is_empty()) {
                p { (maud::PreEscaped(line)) }
            }
        }
    };
    page(&de, "/leichte-sprache", &t!(de, "easy-title"), body)
}
