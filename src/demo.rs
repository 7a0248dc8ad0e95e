//! The demo's staff side, made on the first start of a new demo database: staff of the demo
//! office "mitte" with generated passwords, and appointments for today, so that the day's
//! queue can be tried at once.

use chrono::{DateTime, Duration, Utc};

use crate::app::App;
use crate::booking::first_mails;
use crate::domain::schedule::{self, Need};
use crate::domain::{text, BookingCode, Language};
use crate::mail::messages::Appointment;
use crate::secret;
use crate::store::NewBooking;

/// The office the demo staff belong to.
pub const OFFICE: &str = "mitte";

/// The demo's staff: address and role.
pub const STAFF: [(&str, &str); 4] = [
    ("admin@termin.example", "admin"),
    ("leitung.mitte@termin.example", "head"),
    ("sachbearbeitung1.mitte@termin.example", "clerk"),
    ("sachbearbeitung2.mitte@termin.example", "clerk"),
];

const CITIZENS: [&str; 12] = [
    "Erika Mustermann",
    "Max Mustermann",
    "Anna Schmidt",
    "Mehmet Yılmaz",
    "Olena Kovalenko",
    "Jonas Becker",
    "Leyla Demir",
    "Paul Wagner",
    "Sofia Hoffmann",
    "Karim Haddad",
    "Marie Schulz",
    "Lukas Fischer",
];

/// Make the demo staff and today's appointments; the lines to print once:
/// who can log in with which password, and how many appointments there are.
pub async fn staff_and_today(app: &App) -> anyhow::Result<Vec<String>> {
    let mut lines = vec![
        "termin: demo staff of Bürgerbüro Mitte (the passwords are shown only now):".to_string(),
    ];
    for (email, role) in STAFF {
        let password = crate::staff::generate_password();
        let office = (role != "admin").then_some(OFFICE);
        crate::staff::add_user(
            app,
            &crate::staff::Staff::system(),
            email,
            role,
            office,
            &password,
        )
        .await?;
        lines.push(format!("termin:   {role:<5}  {email}  {password}"));
    }
    let made = appointments_today(app).await?;
    if made.is_empty() {
        lines.push(
            "termin: Bürgerbüro Mitte is closed for the rest of today: no demo appointments"
                .to_string(),
        );
    } else {
        lines.push(format!(
            "termin: {} demo appointments today at Bürgerbüro Mitte, to check in by their codes:",
            made.len()
        ));
        lines.extend(made.into_iter().map(|m| format!("termin:   {m}")));
    }
    Ok(lines)
}

/// Confirmed appointments at the demo office from a few minutes ago to its
/// closing time today, every quarter hour on each counter, with the mails
/// they are owed. They are written as bookings are, through the capacity
/// guards; only the booking window (which would not allow today) is not asked.
///
/// Returns a line for each: time, counter, code and name.
async fn appointments_today(app: &App) -> anyhow::Result<Vec<String>> {
    let Some((office, revision)) = app.office_at(OFFICE).await? else {
        return Ok(Vec::new());
    };
    let now = app.clock.now();
    let today = now.with_timezone(&office.timezone).date_naive();
    let mut made = Vec::new();
    for counter in &office.counters {
        let Some(service) = counter.services.first() else {
            continue;
        };
        let need = Need {
            minutes: service.minutes,
            persons: 1,
        };
        let grid = Duration::minutes(i64::from(counter.grid_minutes));
        let mut starts: Vec<DateTime<Utc>> = Vec::new();
        for seg in schedule::day_segments(&office, counter, today) {
            let mut at = seg.start;
            while at + Duration::minutes(i64::from(need.minutes)) <= seg.end {
                // From ten minutes ago (a late arrival to try) on, every quarter hour.
                if at >= now - Duration::minutes(10)
                    && starts
                        .last()
                        .is_none_or(|last| at - *last >= Duration::minutes(15))
                {
                    starts.push(at);
                }
                at += grid;
            }
        }
        for start in starts.into_iter().take(8) {
            let Ok(claim) = schedule::fit(&office, counter, need, start) else {
                continue;
            };
            let name = CITIZENS[made.len() % CITIZENS.len()];
            let email = format!("buerger{}@example.org", made.len() + 1);
            let token = secret::new_token();
            let id = uuid::Uuid::now_v7().to_string();
            let appointment = Appointment {
                booking_id: &id,
                office: &office,
                services: vec![service.name.get(Language::De).to_string()],
                persons: 1,
                start: claim.start,
                end: claim.end,
                created: now,
                name: Some(name),
                email: &email,
                pending: false,
                language: Language::De,
                code: None,
                notice: None,
            };
            let (mail, reminder) = first_mails(app, &appointment, &token, None, now)?;
            let new = NewBooking {
                id: id.clone(),
                token_hash: secret::hash(&token),
                office_id: office.id.clone(),
                counter_id: counter.id.clone(),
                services: vec![service.id.clone()],
                persons: 1,
                status: "confirmed",
                name: name.to_string(),
                email: email.clone(),
                phone: None,
                email_key: secret::hash(&text::email_key(&email)),
                language: "de",
                confirm_by: None,
                created_at: now.timestamp(),
                email_cap: office.max_active_bookings_per_email,
                office_revision: revision,
                idempotency: None,
                code: BookingCode::random().as_str().to_string(),
            };
            if let Ok(code) = app.store.book(&new, &claim, &mail, reminder.as_ref()).await {
                let code = BookingCode::parse(&code).map_or(code, |c| c.display());
                made.push(format!(
                    "{}  {:<15} {code}  {name}",
                    claim.start.with_timezone(&office.timezone).format("%H:%M"),
                    counter.name.get(Language::De),
                ));
            }
        }
    }
    app.outbox.notify_one();
    Ok(made)
}
