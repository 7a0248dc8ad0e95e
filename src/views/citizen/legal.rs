//! The pages a public service owes: privacy notice, accessibility statement, imprint.

use maud::{html, Markup};

use crate::i18n::Texts;
use crate::views::page;
use crate::{m, t};

/// Who runs the service and how to reach them, as the city configured it.
pub struct Operator<'a> {
    pub name_and_address: &'a str,
    pub contact_email: &'a str,
    pub retention_days: u32,
}

fn mail_link(address: &str) -> Markup {
    html! { a href={ "mailto:" (address) } { (address) } }
}

pub fn privacy(t: &Texts, o: &Operator<'_>) -> Markup {
    let body = html! {
        h2 { (t!(t, "privacy-who")) }
        p { (o.name_and_address) }
        p { (m!(t, "privacy-contact", email = mail_link(o.contact_email))) }
        h2 { (t!(t, "privacy-what")) }
        p { (t!(t, "privacy-what-text")) }
        p { (t!(t, "privacy-abuse-text")) }
        h2 { (t!(t, "privacy-how-long")) }
        p { (t!(t, "privacy-how-long-text", days = o.retention_days)) }
        h2 { (t!(t, "privacy-cookies")) }
        p { (t!(t, "privacy-cookies-text")) }
        h2 { (t!(t, "privacy-rights")) }
        p { (t!(t, "privacy-rights-text")) }
    };
    page(t, "/privacy", &t!(t, "privacy-title"), body)
}

pub fn accessibility(t: &Texts, o: &Operator<'_>) -> Markup {
    let body = html! {
        p { (t!(t, "accessibility-intro")) }
        h2 { (t!(t, "accessibility-compliance")) }
        p { (t!(t, "accessibility-compliance-text")) }
        h2 { (t!(t, "accessibility-feedback")) }
        p { (m!(t, "accessibility-feedback-text", email = mail_link(o.contact_email))) }
        h2 { (t!(t, "accessibility-conciliation")) }
        p { (t!(t, "accessibility-conciliation-text")) }
    };
    page(t, "/accessibility", &t!(t, "accessibility-title"), body)
}

pub fn imprint(t: &Texts, o: &Operator<'_>) -> Markup {
    let body = html! {
        p { (t!(t, "imprint-provider")) }
        p { (o.name_and_address) }
        p { (m!(t, "imprint-email", email = mail_link(o.contact_email))) }
        p { (t!(t, "imprint-software")) }
    };
    page(t, "/imprint", &t!(t, "imprint-title"), body)
}
