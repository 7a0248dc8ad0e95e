//! The words of a mail and its two bodies, plain text and HTML; lettre builds
//! the message around them in `mail::messages`.

use chrono::{DateTime, Utc};
use maud::{html, Markup};

use crate::i18n::Texts;
use crate::mail::messages::{Appointment, Kind};
use crate::t;

/// The words of one mail, before they become text and HTML.
pub struct Letter {
    pub subject: String,
    pub greeting: String,
    pub lead: String,
    /// A button-like link: label and address.
    pub action: Option<(String, String)>,
    pub facts: Vec<(String, String)>,
    pub bring: Option<String>,
    pub manage: Option<(String, String)>,
    /// The booking code to check in with, as it is read out (`K7QM-2XHD-5`):
    /// in the mails of a confirmed booking that is still to come.
    pub code: Option<String>,
    pub footer: String,
}

/// The Content-ID of the booking code's QR image in a mail.
pub const QR_CONTENT_ID: &str = "booking-code";

/// What a mail of `kind` says about an appointment. `manage` is the link to
/// the booking's page; `confirm_by` the deadline of a booking not confirmed yet.
pub fn letter(
    t: &Texts,
    kind: Kind,
    a: &Appointment<'_>,
    manage: Option<&str>,
    confirm_by: Option<DateTime<Utc>>,
) -> Letter {
    let tz = a.office.timezone;
    let when = t.when(a.start.with_timezone(&tz));
    let deadline = confirm_by
        .map(|d| t.when(d.with_timezone(&tz)))
        .unwrap_or_default();
    let (subject, lead) = match kind {
        Kind::PleaseConfirm => (
            t!(t, "mail-please-confirm-subject", when = when.as_str()),
            t!(t, "mail-please-confirm-lead", deadline = deadline.as_str()),
        ),
        Kind::Confirmed => (
            t!(t, "mail-confirmed-subject", when = when.as_str()),
            t!(t, "mail-confirmed-lead"),
        ),
        Kind::Cancelled => (
            t!(t, "mail-cancelled-subject", when = when.as_str()),
            t!(t, "mail-cancelled-lead"),
        ),
        Kind::Moved => (
            t!(t, "mail-moved-subject", when = when.as_str()),
            t!(t, "mail-moved-lead"),
        ),
        Kind::Reminder => (
            t!(t, "mail-reminder-subject", when = when.as_str()),
            t!(t, "mail-reminder-lead"),
        ),
        Kind::Lapsed => (
            t!(t, "mail-lapsed-subject", when = when.as_str()),
            t!(t, "mail-lapsed-lead"),
        ),
    };
    let lead = match (kind, a.notice) {
        (Kind::Moved, Some(_)) => t!(t, "mail-office-moved-lead"),
        (Kind::Cancelled, Some(_)) => t!(t, "mail-office-cancelled-lead"),
        _ => lead,
    };
    let bring: Vec<String> = a
        .services
        .iter()
        .filter_map(|name| {
            a.office
                .counters
                .iter()
                .flat_map(|c| &c.services)
                .find(|s| s.name.get(t.lang) == name)
                .and_then(|s| s.bring.as_ref())
                .map(|b| b.get(t.lang).to_string())
        })
        .collect();
    Letter {
        subject,
        greeting: match a.name {
            Some(name) => t!(t, "mail-greeting-named", name = name),
            None => t!(t, "mail-greeting"),
        },
        lead,
        action: match (kind, manage) {
            (Kind::PleaseConfirm, Some(m)) => {
                Some((t!(t, "mail-action-confirm"), format!("{m}/confirm")))
            }
            _ => None,
        },
        facts: vec![
            (t!(t, "fact-when"), when),
            (
                t!(t, "fact-where"),
                format!("{}, {}", a.office.name, a.office.address),
            ),
            (t!(t, "fact-services"), a.services.join(", ")),
            (t!(t, "fact-persons"), a.persons.to_string()),
        ]
        .into_iter()
        .chain(
            a.notice
                .map(|n| (t!(t, "fact-office-reason"), n.to_string())),
        )
        .collect(),
        bring: (!bring.is_empty() && !matches!(kind, Kind::Cancelled | Kind::Lapsed))
            .then(|| bring.join("; ")),
        manage: match (kind, manage) {
            (Kind::Cancelled | Kind::Lapsed, _) | (_, None) => None,
            (_, Some(m)) => Some((t!(t, "mail-manage"), m.to_string())),
        },
        code: match kind {
            Kind::Confirmed | Kind::Moved | Kind::Reminder if !a.pending => a
                .code
                .and_then(|c| crate::domain::BookingCode::parse(c).ok())
                .map(|c| c.display()),
            _ => None,
        },
        footer: format!("{}\n{}", a.office.name, t!(t, "mail-footer")),
    }
}

/// The plain-text body.
pub fn plain(t: &Texts, l: &Letter) -> String {
    let mut s = format!("{}\n\n{}\n\n", l.greeting, l.lead);
    if let Some((label, url)) = &l.action {
        s.push_str(&format!("{label}: {url}\n\n"));
    }
    for (k, v) in &l.facts {
        s.push_str(&format!("{k}: {v}\n"));
    }
    if let Some(b) = &l.bring {
        s.push_str(&format!("{}: {b}\n", t!(t, "bring-title")));
    }
    if let Some(code) = &l.code {
        s.push_str(&format!(
            "\n{}: {code}\n{}\n",
            t!(t, "fact-code"),
            t!(t, "mail-code-hint")
        ));
    }
    if let Some((label, url)) = &l.manage {
        s.push_str(&format!("\n{label}: {url}\n"));
    }
    s.push_str(&format!("\n{}\n", l.footer));
    s
}

/// The HTML body: the same words, the action as a button.
pub fn rich(t: &Texts, l: &Letter) -> String {
    let markup: Markup = html! {
        (maud::DOCTYPE)
        html lang=(t.lang.as_str()) dir=(if t.lang.is_rtl() { "rtl" } else { "ltr" }) {
            head { meta charset="utf-8"; title { (l.subject) } }
            body style="font-family: sans-serif; color: #1d2733; line-height: 1.5" {
                p { (l.greeting) }
                p { (l.lead) }
                @if let Some((label, url)) = &l.action {
                    p { a href=(url) style="display: inline-block; padding: .6em 1.2em; background: #0b5cad; color: #fff; text-decoration: none; border-radius: .4em" { (label) } }
                }
                table role="presentation" {
                    @for (k, v) in &l.facts {
                        tr { th style="text-align: start; padding-inline-end: 1em" { (k) } td { (v) } }
                    }
                    @if let Some(b) = &l.bring {
                        tr { th style="text-align: start; padding-inline-end: 1em" { (t!(t, "bring-title")) } td { (b) } }
                    }
                }
                @if let Some(code) = &l.code {
                    h2 style="font-size: 1.1em" { (t!(t, "fact-code")) ": " span style="font-family: monospace; font-size: 1.3em; letter-spacing: .05em" { (code) } }
                    p { (t!(t, "mail-code-hint")) }
                    p { img src={ "cid:" (QR_CONTENT_ID) } alt=(t!(t, "mail-qr-alt")) width="160" height="160"; }
                }
                @if let Some((label, url)) = &l.manage {
                    p { a href=(url) { (label) } }
                }
                p style="color: #4a5867; font-size: .9em" { @for line in l.footer.lines() { (line) br; } }
            }
        }
    };
    markup.into_string()
}

/// What a calendar entry of the appointment is called.
pub fn calendar_summary(t: &Texts, a: &Appointment<'_>) -> String {
    t!(
        t,
        "mail-calendar-summary",
        services = a.services.join(", "),
        office = a.office.name.as_str()
    )
}
