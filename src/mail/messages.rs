//! The mails a booking owes, in the booking's language and the office's time: plain text
//! and HTML, with a calendar file where the appointment changes.

use super::ics;
use crate::domain::{BookingCode, Language, Office};
use crate::i18n::Texts;
use crate::store::NewMail;
use crate::views::{self, mail::Letter};
use chrono::{DateTime, Utc};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::Message;

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
    /// The booking code that checks it in, for the mails of a confirmed booking.
    pub code: Option<&'a str>,
    /// Why the office moved or cancelled the booking (a change of its plan),
    /// in the words of the office's head; `None` when the citizen did.
    pub notice: Option<&'a str>,
}

/// Where mails come from, where their links point, and the catalogs they speak from.
pub struct Letterhead<'a> {
    pub from: &'a str,
    pub public_url: &'a str,
    pub catalogs: &'a std::sync::Arc<crate::i18n::Catalogs>,
}

impl Letterhead<'_> {
    /// The texts of the mail's language.
    fn texts(&self, a: &Appointment<'_>) -> Texts {
        Texts::new(a.language, self.catalogs.clone())
    }
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

fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The calendar file of an appointment, with the letter's words as its description.
fn event_file(
    t: &Texts,
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
    let summary = views::mail::calendar_summary(t, a);
    let location = format!("{}, {}", a.office.name, a.office.address);
    let event = ics::Event {
        uid: &format!("{}@{domain}", a.booking_id),
        start: a.start,
        end: a.end,
        summary: &summary,
        location: &location,
        description: &views::mail::plain(t, letter),
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
    let t = head.texts(a);
    let letter = views::mail::letter(&t, kind, a, Some(&manage), confirm_by);
    let from = sender(a, head)?;
    Ok(event_file(
        &t,
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
    let t = head.texts(a);
    let letter = views::mail::letter(&t, kind, a, manage.as_deref(), confirm_by);
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
    let html = SinglePart::html(views::mail::rich(&t, &letter));
    // The booking code's QR code goes along as an image the HTML shows inline
    // (multipart/related); the code itself stands in both texts.
    let html = match letter
        .code
        .as_ref()
        .and_then(|c| BookingCode::parse(c).ok())
    {
        Some(code) => MultiPart::related().singlepart(html).singlepart(
            Attachment::new_inline(views::mail::QR_CONTENT_ID.to_string())
                .body(crate::qr::qr_png(&code), ContentType::parse("image/png")?),
        ),
        None => MultiPart::related().singlepart(html),
    };
    let alternative = MultiPart::alternative()
        .singlepart(SinglePart::plain(views::mail::plain(&t, &letter)))
        .multipart(html);
    let message = match kind {
        Kind::Confirmed | Kind::Cancelled | Kind::Moved | Kind::Lapsed => {
            let cancelled = matches!(kind, Kind::Cancelled | Kind::Lapsed);
            let method = if cancelled { "CANCEL" } else { "PUBLISH" };
            let calendar = Attachment::new("termin.ics".to_string()).body(
                event_file(
                    &t,
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
            code: None,
            notice: None,
        };
        let catalogs = crate::i18n::Catalogs::embedded();
        let head = Letterhead {
            from: "Termin <noreply@example.org>",
            public_url: "https://termin.example.org",
            catalogs: &catalogs,
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
