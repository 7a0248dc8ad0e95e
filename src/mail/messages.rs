//! The mails a booking owes, in the booking's language and the office's time.

use chrono::{DateTime, Utc};
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::Message;

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
    pub name: &'a str,
    pub email: &'a str,
    pub language: Language,
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
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::PleaseConfirm => "please_confirm",
            Kind::Confirmed => "confirmed",
            Kind::Cancelled => "cancelled",
        }
    }
}

/// Render a mail for the outbox. `token` is the booking's secret: the links in
/// the mail carry it, and the mail is the only place it is ever written to.
pub fn render(
    kind: Kind,
    a: &Appointment<'_>,
    head: &Letterhead<'_>,
    token: Option<&str>,
    confirm_by: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> anyhow::Result<NewMail> {
    let lang = a.language;
    let tz = a.office.timezone;
    let when = i18n::when(a.start.with_timezone(&tz), lang);
    let en = lang == Language::En;
    let manage = token.map(|t| format!("{}/b/{t}", head.public_url));
    let mut body = String::new();
    let greeting = if en {
        format!("Dear {},", a.name)
    } else {
        format!("Guten Tag {},", a.name)
    };
    body.push_str(&greeting);
    body.push_str("\n\n");
    let subject = match kind {
        Kind::PleaseConfirm => {
            let deadline = confirm_by
                .map(|d| i18n::when(d.with_timezone(&tz), lang))
                .unwrap_or_default();
            body.push_str(&if en {
                format!("please confirm your appointment by {deadline}. Without confirmation it lapses and the time is given to others.\n\n")
            } else {
                format!("bitte bestätigen Sie Ihren Termin bis {deadline}. Ohne Bestätigung verfällt er, und die Zeit wird wieder frei.\n\n")
            });
            if let Some(m) = &manage {
                body.push_str(&if en {
                    format!("Confirm: {m}/confirm\n\n")
                } else {
                    format!("Bestätigen: {m}/confirm\n\n")
                });
            }
            if en {
                "Please confirm your appointment"
            } else {
                "Bitte bestätigen Sie Ihren Termin"
            }
        }
        Kind::Confirmed => {
            body.push_str(if en {
                "your appointment is confirmed.\n\n"
            } else {
                "Ihr Termin ist bestätigt.\n\n"
            });
            if en {
                "Your appointment is confirmed"
            } else {
                "Ihr Termin ist bestätigt"
            }
        }
        Kind::Cancelled => {
            body.push_str(if en {
                "your appointment has been cancelled.\n\n"
            } else {
                "Ihr Termin wurde abgesagt.\n\n"
            });
            if en {
                "Your appointment has been cancelled"
            } else {
                "Ihr Termin wurde abgesagt"
            }
        }
    };
    let label = |de: &str, e: &'static str| if en { e.to_string() } else { de.to_string() };
    body.push_str(&format!("{}: {when}\n", label("Wann", "When")));
    body.push_str(&format!(
        "{}: {}, {}\n",
        label("Wo", "Where"),
        a.office.name,
        a.office.address
    ));
    body.push_str(&format!(
        "{}: {}\n",
        label("Anliegen", "Services"),
        a.services.join(", ")
    ));
    body.push_str(&format!(
        "{}: {}\n",
        label("Personen", "Persons"),
        a.persons
    ));
    if let (Some(m), true) = (&manage, kind != Kind::Cancelled) {
        body.push_str(&if en {
            format!("\nView, move or cancel your appointment: {m}\n")
        } else {
            format!("\nTermin ansehen, verschieben oder absagen: {m}\n")
        });
    }
    body.push_str(&if en {
        format!(
            "\n{}\nThis message was sent automatically.\n",
            a.office.name
        )
    } else {
        format!(
            "\n{}\nDiese Nachricht wurde automatisch versandt.\n",
            a.office.name
        )
    });

    let from: Mailbox = head.from.parse()?;
    let to = Mailbox::new(Some(a.name.to_string()), a.email.parse()?);
    let domain = from.email.domain().to_string();
    let id = uuid::Uuid::now_v7().to_string();
    let message_id = format!("<{id}@{domain}>");
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to.clone())
        .subject(format!("{subject}: {when}"))
        .message_id(Some(message_id.clone()))
        .date(now.into());
    if let Some(reply) = &a.office.email {
        builder = builder.reply_to(Mailbox::new(Some(a.office.name.clone()), reply.parse()?));
    }
    let message = builder.header(ContentType::TEXT_PLAIN).body(body)?;
    Ok(NewMail {
        id,
        booking_id: Some(a.booking_id.to_string()),
        kind: kind.as_str(),
        message_id,
        sender: from.email.to_string(),
        recipient: to.email.to_string(),
        message: message.formatted(),
        due_at: now.timestamp(),
    })
}
