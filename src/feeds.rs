//! Calendar feeds for back-office systems: each counter's appointments as a
//! calendar the city's groupware subscribes to, behind a secret URL that a head
//! creates and can revoke. The entries say services and persons; names and
//! booking codes only where the head chose so when creating the feed.

use chrono::{DateTime, Duration, Utc};

use crate::app::App;
use crate::domain::{BookingCode, Language, Office, Permission};
use crate::mail::ics;
use crate::secret;
use crate::staff::{AccessError, Staff};
use crate::store::{FeedRow, StoreError};
use crate::t;

/// Days before today whose appointments the feed still carries.
pub const PAST_DAYS: i64 = 7;

/// How often a subscribing calendar is asked to fetch the feed again.
pub const REFRESH_MINUTES: u32 = 15;

#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error("there is no office {0:?}")]
    NoOffice(String),
    #[error("there is no counter {0:?} at this office")]
    NoCounter(String),
    #[error("the label must be 1 to 100 characters")]
    Label,
    /// No feed has this URL (or it was revoked).
    #[error("there is no such calendar feed")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a head asks for.
pub struct NewFeed<'a> {
    pub counter: &'a str,
    pub label: &'a str,
    pub with_names: bool,
}

async fn office_for(app: &App, by: &Staff, office: &str) -> Result<Office, FeedError> {
    by.require(Permission::Plan, office)?;
    app.office(office)
        .await?
        .ok_or_else(|| FeedError::NoOffice(office.to_string()))
}

/// Create a feed; returns it and the secret of its URL, shown this once.
pub async fn create(
    app: &App,
    by: &Staff,
    office: &str,
    new: &NewFeed<'_>,
) -> Result<(FeedRow, String), FeedError> {
    let o = office_for(app, by, office).await?;
    if o.counter(new.counter).is_none() {
        return Err(FeedError::NoCounter(new.counter.to_string()));
    }
    let label = new.label.trim();
    if label.is_empty() || label.chars().count() > 100 || label.chars().any(char::is_control) {
        return Err(FeedError::Label);
    }
    let token = secret::new_token();
    let feed = FeedRow {
        id: uuid::Uuid::new_v4().to_string(),
        office_id: o.id.clone(),
        counter_id: new.counter.to_string(),
        label: label.to_string(),
        with_names: i64::from(new.with_names),
        created_by: by.actor.label.clone(),
        created_at: app.clock.now().timestamp(),
        revoked_at: None,
    };
    app.store
        .add_feed(&feed, &secret::hash(&token), &by.actor, feed.created_at)
        .await?;
    Ok((feed, token))
}

/// The office's feeds, revoked ones too.
pub async fn list(app: &App, by: &Staff, office: &str) -> Result<Vec<FeedRow>, FeedError> {
    let o = office_for(app, by, office).await?;
    Ok(app.store.feeds(&o.id).await?)
}

/// Revoke a feed of the office.
pub async fn revoke(app: &App, by: &Staff, office: &str, id: &str) -> Result<(), FeedError> {
    let o = office_for(app, by, office).await?;
    let now = app.clock.now().timestamp();
    match app.store.revoke_feed(&o.id, id, &by.actor, now).await? {
        true => Ok(()),
        false => Err(FeedError::NotFound),
    }
}

/// The calendar behind a feed's secret: the counter's appointments from a
/// week ago to the end of the booking window, as they stand now.
pub async fn calendar(app: &App, token: &str) -> Result<String, FeedError> {
    if !secret::looks_like_token(token) {
        return Err(FeedError::NotFound);
    }
    let feed = app
        .store
        .feed(&secret::hash(token))
        .await?
        .ok_or(FeedError::NotFound)?;
    let office = app
        .office(&feed.office_id)
        .await?
        .ok_or(FeedError::NotFound)?;
    let now = app.clock.now();
    let from = now - Duration::days(PAST_DAYS);
    let to = now + Duration::days(i64::from(office.horizon_days) + 1);
    let bookings = app
        .store
        .appointments(&office.id, from.timestamp(), to.timestamp())
        .await?;
    let t = app.texts(Language::De);
    let counter = office.counter(&feed.counter_id);
    let counter_name = counter.map_or(feed.counter_id.as_str(), |c| c.name.get(Language::De));
    let organizer = office
        .sender
        .clone()
        .unwrap_or_else(|| app.config.mail_from.clone());
    let organizer = organizer
        .rsplit_once('<')
        .map_or(organizer.as_str(), |(_, a)| a.trim_end_matches('>'));
    let domain = organizer.rsplit('@').next().unwrap_or("localhost");
    let location = format!("{}, {}", office.name, office.address);
    let entries: Vec<Entry> = bookings
        .iter()
        .filter(|b| b.counter_id == feed.counter_id)
        .filter(|b| !matches!(b.status.as_str(), "cancelled" | "expired"))
        .map(|b| {
            let services: Vec<&str> = b
                .service_ids()
                .into_iter()
                .map(|s| {
                    counter
                        .and_then(|c| c.service(s))
                        .map_or(s, |s| s.name.get(Language::De))
                })
                .collect();
            let what = t!(
                t,
                "feed-summary",
                services = services.join(", "),
                persons = b.persons
            );
            let named = (feed.with_names == 1).then(|| b.name.clone()).flatten();
            let summary = match &named {
                Some(name) => format!("{name} · {what}"),
                None => what,
            };
            let code = b.code.as_deref().and_then(|c| BookingCode::parse(c).ok());
            let description = match (feed.with_names == 1, code) {
                (true, Some(code)) => t!(t, "feed-code", code = code.display()),
                _ => String::new(),
            };
            Entry {
                uid: format!("{}@{domain}", b.id),
                start: DateTime::from_timestamp(b.start_at, 0).unwrap_or_default(),
                end: DateTime::from_timestamp(b.end_at, 0).unwrap_or_default(),
                summary,
                description,
                pending: b.status == "pending",
                // A change shows as a newer entry: moves count up.
                sequence: b.moves,
            }
        })
        .collect();
    let events: Vec<ics::Event> = entries
        .iter()
        .map(|e| ics::Event {
            uid: &e.uid,
            start: e.start,
            end: e.end,
            summary: &e.summary,
            location: &location,
            description: &e.description,
            url: None,
            sequence: e.sequence,
            organizer,
            status: match e.pending {
                true => ics::Status::Tentative,
                false => ics::Status::Confirmed,
            },
        })
        .collect();
    let name = format!("{} · {counter_name}", office.name);
    Ok(ics::feed(&name, REFRESH_MINUTES, &events, now))
}

struct Entry {
    uid: String,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    summary: String,
    description: String,
    pending: bool,
    sequence: i64,
}
