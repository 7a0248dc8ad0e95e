//! The mails a booking owes, in the booking's language and the office's time: plain text
//! and HTML, with a calendar file where the appointment changes.

use chrono::{DateTime, Utc};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::Message;
use maud::html;

use super::ics;
use crate::domain::{Language, Office};
use crate::i18n;
use crate::store::NewMail;

/// What a mail says about one appointment.
pub struct Appointment<'a> {
    pub booking_id: &'a str,
    pub office: &'a Office,
    pub services: Vec<String>,
    pub persons: u32,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// The name the citizen gave, for mails to an address they confirmed;
    /// `None` until then, so that a mail to an address somebody merely typed
    /// in carries no text that somebody chose.
    pub name: Option<&'a str>,
    pub email: &'a str,
    /// Not confirmed yet: its calendar entry is tentative.
    pub pending: bool,
    pub language: Language,
    /// When the booking was made: calendar files count their changes from here.
    pub created: DateTime<Utc>,
}

/// Where mails come from and where their links point.
pub struct Letterhead<'a> {
    pub from: &'a str,
    pub public_url: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    PleaseConfirm,
    Confirmed,
    Cancelled,
    Moved,
    Reminder,
    /// A booking that was never confirmed lapsed after a calendar file of it
    /// went out: the mail's file takes the entry out again.
    Lapsed,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        [
            Kind::PleaseConfirm,
            Kind::Confirmed,
            Kind::Cancelled,
            Kind::Moved,
            Kind::Reminder,
            Kind::Lapsed,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::PleaseConfirm => "please_confirm",
            Kind::Confirmed => "confirmed",
            Kind::Cancelled => "cancelled",
            Kind::Moved => "moved",
            Kind::Reminder => "reminder",
            Kind::Lapsed => "lapsed",
        }
    }
}

/// The words of one mail, before they become text and HTML.
struct Letter {
    subject: String,
    greeting: String,
    lead: String,
    /// A button-like link: label and address.
    action: Option<(String, String)>,
    facts: Vec<(String, String)>,
    bring: Option<String>,
    manage: Option<(String, String)>,
    footer: String,
}

fn words(
    kind: Kind,
    a: &Appointment<'_>,
    manage: Option<&str>,
    confirm_by: Option<DateTime<Utc>>,
) -> Letter {
    let lang = a.language;
    let en = lang == Language::En;
    let tz = a.office.timezone;
    let when = i18n::when(a.start.with_timezone(&tz), lang);
    let t = |de: &str, english: &str| {
        if en {
            english.to_string()
        } else {
            de.to_string()
        }
    };
    let deadline = confirm_by
        .map(|d| i18n::when(d.with_timezone(&tz), lang))
        .unwrap_or_default();
    let (subject, lead) = match kind {
        Kind::PleaseConfirm => (
            t("Bitte bestätigen Sie Ihren Termin", "Please confirm your appointment"),
            if en {
                format!("please confirm your appointment by {deadline}. Without confirmation it lapses and the time goes to others.")
            } else {
                format!("bitte bestätigen Sie Ihren Termin bis {deadline}. Ohne Bestätigung verfällt er, und die Zeit wird wieder frei.")
            },
        ),
        Kind::Confirmed => (
            t("Ihr Termin ist bestätigt", "Your appointment is confirmed"),
            t(
                "Ihr Termin ist bestätigt. Im Anhang finden Sie ihn für Ihren Kalender.",
                "your appointment is confirmed. It is attached for your calendar.",
            ),
        ),
        Kind::Cancelled => (
            t("Ihr Termin wurde abgesagt", "Your appointment has been cancelled"),
            t(
                "Ihr Termin wurde abgesagt. Der Anhang entfernt ihn aus Ihrem Kalender.",
                "your appointment has been cancelled. The attachment removes it from your calendar.",
            ),
        ),
        Kind::Moved => (
            t("Ihr Termin wurde verschoben", "Your appointment has been moved"),
            t(
                "Ihr Termin wurde auf die unten genannte Zeit verschoben. Der Anhang ersetzt ihn in Ihrem Kalender.",
                "your appointment has been moved to the time below. The attachment replaces it in your calendar.",
            ),
        ),
        Kind::Reminder => (
            t("Erinnerung an Ihren Termin", "Reminder of your appointment"),
            t(
                "wir erinnern Sie an Ihren Termin. Wenn Sie nicht kommen können, sagen Sie ihn bitte ab: dann bekommt jemand anderes die Zeit.",
                "this is a reminder of your appointment. If you cannot come, please cancel it, so that someone else gets the time.",
            ),
        ),
        Kind::Lapsed => (
            t("Ihr Termin ist verfallen", "Your appointment has lapsed"),
            t(
                "Ihr Termin wurde nicht rechtzeitig bestätigt und ist verfallen; die Zeit ist wieder frei. Der Anhang entfernt ihn aus Ihrem Kalender. Wenn Sie den Termin noch brauchen, buchen Sie bitte neu.",
                "your appointment was not confirmed in time and has lapsed; the time is free again. The attachment removes it from your calendar. If you still need the appointment, please book again.",
            ),
        ),
    };
    let bring: Vec<String> = a
        .services
        .iter()
        .filter_map(|name| {
            a.office
                .counters
                .iter()
                .flat_map(|c| &c.services)
                .find(|s| s.name.get(lang) == name)
                .and_then(|s| s.bring.as_ref())
                .map(|b| b.get(lang).to_string())
        })
        .collect();
    Letter {
        subject: format!("{subject}: {when}"),
        greeting: match (a.name, en) {
            (Some(name), true) => format!("Dear {name},"),
            (Some(name), false) => format!("Guten Tag {name},"),
            (None, true) => "Hello,".to_string(),
            (None, false) => "Guten Tag,".to_string(),
        },
        lead,
        action: match (kind, manage) {
            (Kind::PleaseConfirm, Some(m)) => Some((
                t("Termin bestätigen", "Confirm appointment"),
                format!("{m}/confirm"),
            )),
            _ => None,
        },
        facts: vec![
            (t("Wann", "When"), when),
            (
                t("Wo", "Where"),
                format!("{}, {}", a.office.name, a.office.address),
            ),
            (t("Anliegen", "Services"), a.services.join(", ")),
            (t("Personen", "Persons"), a.persons.to_string()),
        ],
        bring: (!bring.is_empty() && !matches!(kind, Kind::Cancelled | Kind::Lapsed))
            .then(|| bring.join("; ")),
        manage: match (kind, manage) {
            (Kind::Cancelled | Kind::Lapsed, _) | (_, None) => None,
            (_, Some(m)) => Some((
                t(
                    "Termin ansehen, verschieben oder absagen",
                    "View, move or cancel your appointment",
                ),
                m.to_string(),
            )),
        },
        footer: format!(
            "{}\n{}",
            a.office.name,
            t(
                "Diese Nachricht wurde automatisch versandt.",
                "This message was sent automatically."
            )
        ),
    }
}

fn plain(l: &Letter, lang: Language) -> String {
    let mut s = format!("{}\n\n{}\n\n", l.greeting, l.lead);
    if let Some((label, url)) = &l.action {
        s.push_str(&format!("{label}: {url}\n\n"));
    }
    for (k, v) in &l.facts {
        s.push_str(&format!("{k}: {v}\n"));
    }
    if let Some(b) = &l.bring {
        let label = if lang == Language::En {
            "Please bring"
        } else {
            "Bitte mitbringen"
        };
        s.push_str(&format!("{label}: {b}\n"));
    }
    if let Some((label, url)) = &l.manage {
        s.push_str(&format!("\n{label}: {url}\n"));
    }
    s.push_str(&format!("\n{}\n", l.footer));
    s
}

fn rich(l: &Letter, lang: Language) -> String {
    html! {
        (maud::DOCTYPE)
        html lang=(lang.as_str()) {
            head { meta charset="utf-8"; title { (l.subject) } }
            body style="font-family: sans-serif; color: #1d2733; line-height: 1.5" {
                p { (l.greeting) }
                p { (l.lead) }
                @if let Some((label, url)) = &l.action {
                    p { a href=(url) style="display: inline-block; padding: .6em 1.2em; background: #0b5cad; color: #fff; text-decoration: none; border-radius: .4em" { (label) } }
                }
                table role="presentation" {
                    @for (k, v) in &l.facts {
                        tr { th align="left" style="padding-right: 1em" { (k) } td { (v) } }
                    }
                    @if let Some(b) = &l.bring {
                        tr { th align="left" style="padding-right: 1em" { @if lang == Language::En { "Please bring" } @else { "Bitte mitbringen" } } td { (b) } }
                    }
                }
                @if let Some((label, url)) = &l.manage {
                    p { a href=(url) { (label) } }
                }
                p style="color: #4a5867; font-size: .9em" { @for line in l.footer.lines() { (line) br; } }
            }
        }
    }
    .into_string()
}

fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The calendar file of an appointment, with the letter's words as its description.
fn event_file(
    a: &Appointment<'_>,
    letter: &Letter,
    manage: Option<&str>,
    organizer: &str,
    cancelled: bool,
    now: DateTime<Utc>,
) -> String {
    let status = match (cancelled, a.pending) {
        (true, _) => ics::Status::Cancelled,
        (false, true) => ics::Status::Tentative,
        (false, false) => ics::Status::Confirmed,
    };
    let domain = organizer.rsplit('@').next().unwrap_or("localhost");
    let summary = format!("{} – {}", a.services.join(", "), a.office.name);
    let location = format!("{}, {}", a.office.name, a.office.address);
    let event = ics::Event {
        uid: &format!("{}@{domain}", a.booking_id),
        start: a.start,
        end: a.end,
        summary: &summary,
        location: &location,
        description: &plain(letter, a.language),
        url: manage,
        sequence: (now - a.created).num_seconds().max(0),
        organizer,
        status,
    };
    ics::calendar(&event, now)
}

/// The calendar file of a booked appointment, to download from its page: the
/// same entry (UID) the mails carry, with the newest time.
/// `confirm_by` is the deadline of a booking not yet confirmed.
pub fn calendar_file(
    a: &Appointment<'_>,
    head: &Letterhead<'_>,
    token: &str,
    confirm_by: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> anyhow::Result<String> {
    let manage = format!("{}/b/{token}", head.public_url);
    // A pending booking's file asks for the confirmation; a confirmed one's says so.
    let kind = if confirm_by.is_some() {
        Kind::PleaseConfirm
    } else {
        Kind::Confirmed
    };
    let letter = words(kind, a, Some(&manage), confirm_by);
    let from = sender(a, head)?;
    Ok(event_file(
        a,
        &letter,
        Some(&manage),
        from.email.as_ref(),
        false,
        now,
    ))
}

fn sender(a: &Appointment<'_>, head: &Letterhead<'_>) -> anyhow::Result<Mailbox> {
    Ok(match &a.office.sender {
        Some(sender) => Mailbox::new(Some(a.office.name.clone()), sender.parse()?),
        None => head.from.parse()?,
    })
}

/// Render a mail for the outbox now, for a change whose mail must say how
/// things stood when it was made (a confirmation, a cancellation, a move).
/// `token` is the booking's secret: the links in the mail carry it, and the
/// outbox is the only place it is ever written to, until the mail is sent.
pub fn render(
    kind: Kind,
    a: &Appointment<'_>,
    head: &Letterhead<'_>,
    token: Option<&str>,
    confirm_by: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> anyhow::Result<NewMail> {
    let mut mail = addressed(kind, a, head, now)?;
    mail.message = Some(message(
        kind,
        a,
        head,
        token,
        confirm_by,
        now,
        &mail.message_id,
    )?);
    Ok(mail)
}

/// A mail for the outbox that is rendered when it is delivered, from the
/// booking as it then stands, with `due` as its date: the first mail of a new
/// booking and the reminder. The outbox keeps the booking's secret for its
/// links until then, as it would keep a rendered message. The addresses are
/// checked now, so that a mail that could not be sent is refused with its change.
pub fn later(
    kind: Kind,
    a: &Appointment<'_>,
    head: &Letterhead<'_>,
    token: Option<&str>,
    due: DateTime<Utc>,
) -> anyhow::Result<NewMail> {
    let mut mail = addressed(kind, a, head, due)?;
    mail.token = token.map(str::to_string);
    Ok(mail)
}

/// A mail with its sender, recipient and Message-ID, without its message yet.
fn addressed(
    kind: Kind,
    a: &Appointment<'_>,
    head: &Letterhead<'_>,
    due: DateTime<Utc>,
) -> anyhow::Result<NewMail> {
    let from = sender(a, head)?;
    let to = recipient(a)?;
    let id = uuid::Uuid::now_v7().to_string();
    let message_id = format!("<{id}@{}>", from.email.domain());
    Ok(NewMail {
        id,
        booking_id: Some(a.booking_id.to_string()),
        kind: kind.as_str(),
        message_id,
        sender: from.email.to_string(),
        recipient: to.email.to_string(),
        message: None,
        token: None,
        due_at: due.timestamp(),
    })
}

fn recipient(a: &Appointment<'_>) -> anyhow::Result<Mailbox> {
    // Names are validated as one line before they are stored; this keeps a header
    // one line even if one ever was not (lettre refuses to format a line break).
    Ok(Mailbox::new(a.name.map(one_line), a.email.parse()?))
}

/// The whole RFC 5322 message of a mail, dated `now`.
pub fn message(
    kind: Kind,
    a: &Appointment<'_>,
    head: &Letterhead<'_>,
    token: Option<&str>,
    confirm_by: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    message_id: &str,
) -> anyhow::Result<Vec<u8>> {
    let manage = token.map(|t| format!("{}/b/{t}", head.public_url));
    let letter = words(kind, a, manage.as_deref(), confirm_by);
    let from = sender(a, head)?;
    let mut builder = Message::builder()
        .from(from.clone())
        .to(recipient(a)?)
        .subject(letter.subject.clone())
        .message_id(Some(message_id.to_string()))
        .date(now.into());
    if let Some(reply) = &a.office.email {
        builder = builder.reply_to(Mailbox::new(Some(a.office.name.clone()), reply.parse()?));
    }
    let alternative = MultiPart::alternative()
        .singlepart(SinglePart::plain(plain(&letter, a.language)))
        .singlepart(SinglePart::html(rich(&letter, a.language)));
    let message = match kind {
        Kind::Confirmed | Kind::Cancelled | Kind::Moved | Kind::Lapsed => {
            let cancelled = matches!(kind, Kind::Cancelled | Kind::Lapsed);
            let method = if cancelled { "CANCEL" } else { "PUBLISH" };
            let calendar = Attachment::new("termin.ics".to_string()).body(
                event_file(
                    a,
                    &letter,
                    manage.as_deref(),
                    from.email.as_ref(),
                    cancelled,
                    now,
                ),
                ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))?,
            );
            builder.multipart(
                MultiPart::mixed()
                    .multipart(alternative)
                    .singlepart(calendar),
            )?
        }
        Kind::PleaseConfirm | Kind::Reminder => builder.multipart(alternative)?,
    };
    Ok(message.formatted())
}

/// A plain-text mail header value never carries a line break: lettre encodes
/// names, and what we put in subjects comes from validated single lines.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::officefile;

    fn office() -> Office {
        officefile::parse(crate::DEMO_OFFICES).unwrap().remove(0)
    }

    #[test]
    fn names_with_quotes_and_umlauts_stay_in_their_header() {
        let office = office();
        let start = DateTime::from_timestamp(1_796_198_400, 0).unwrap();
        let a = Appointment {
            booking_id: "b1",
            office: &office,
            services: vec!["Wohnsitz anmelden".into()],
            persons: 1,
            start,
            end: start + chrono::Duration::minutes(15),
            name: Some("Jürgen \"Jo\" O'Brien, Jr."),
            email: "jo@example.org",
            pending: false,
            language: Language::De,
            created: start - chrono::Duration::days(3),
        };
        let head = Letterhead {
            from: "Termin <noreply@example.org>",
            public_url: "https://termin.example.org",
        };
        let mail = render(
            Kind::Confirmed,
            &a,
            &head,
            Some("t0k"),
            None,
            start - chrono::Duration::days(2),
        )
        .unwrap();
        let raw = String::from_utf8(mail.message.unwrap()).unwrap();
        let headers = &raw[..raw.find("\r\n\r\n").unwrap()];
        let names: Vec<&str> = headers
            .split("\r\n")
            .filter(|l| !l.starts_with(' ') && !l.starts_with('\t'))
            .map(|l| l.split(':').next().unwrap())
            .collect();
        for expected in [
            "From",
            "To",
            "Subject",
            "Message-ID",
            "Date",
            "MIME-Version",
            "Content-Type",
        ] {
            assert_eq!(
                names
                    .iter()
                    .filter(|n| n.eq_ignore_ascii_case(expected))
                    .count(),
                1,
                "{expected} in {names:?}"
            );
        }
        assert!(raw.contains("text/calendar"));

        // Even a name that slipped past validation cannot add a header.
        let evil = Appointment {
            name: Some("Eve\r\nBcc: all@example.org\r\n\r\nHello"),
            ..a
        };
        let mail = render(
            Kind::PleaseConfirm,
            &evil,
            &head,
            Some("t0k"),
            Some(start),
            start,
        )
        .unwrap();
        let raw = String::from_utf8(mail.message.unwrap()).unwrap();
        let headers = &raw[..raw.find("\r\n\r\n").unwrap()];
        assert!(
            !headers.to_ascii_lowercase().contains("\r\nbcc:"),
            "{headers}"
        );
        assert_eq!(headers.matches("\r\nTo: ").count(), 1, "{headers}");
    }
}
