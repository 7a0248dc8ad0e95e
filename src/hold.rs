//! Use cases of holds: a citizen chooses a time on the booking page, the time is
//! kept for the office's `hold_minutes` while they fill in the form, and sending
//! the form turns it into a booking.
//!
//! The hold's secret lives in the holder's browser (a cookie); the database keeps
//! its hash, and a hash of the client's address block for the per-client cap.

use std::net::IpAddr;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::app::App;
use crate::booking::{
    self, check_person, field, first_mails, initial_status, service_names, start_message,
    BookError, Booked, FieldError, Mistake, QueryError, Wish,
};
use crate::client::key as client_key;
use crate::domain::schedule::{self, Slot};
use crate::domain::{text, Counter, Language, Office};
use crate::mail::messages::Appointment;
use crate::secret;
use crate::store::{BookingRow, Conflict, HoldRow, NewBooking, NewHold, StoreError};

/// How long the confirmation page can be shown again to the browser that booked.
pub const DONE_PAGE_MINUTES: i64 = 60;

#[derive(Debug, thiserror::Error)]
pub enum HoldError {
    #[error("there is no such office")]
    UnknownOffice,
    #[error("invalid request")]
    Invalid(Vec<FieldError>),
    #[error("the time is no longer free")]
    SlotTaken,
    #[error("too many people already arrive at that time")]
    ArrivalsFull,
    #[error("this address holds {0} desk-minutes already")]
    TooMany(u32),
    /// Holds take as much of the counter's day as they may.
    #[error("the times of this day that may be held are held")]
    DayShare,
    /// The address holds as much of the counter's day as one address may.
    #[error("this address holds as much of this day as one may")]
    TooManyToday,
    /// The hold alone is more than one address may hold of that day.
    #[error("this appointment is longer than can be held at once on that day")]
    TooLong,
    /// The address let holds run out unused again and again: it waits this many seconds.
    #[error("this address let too many holds run out; wait {0} seconds")]
    Slowed(u64),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A hold with its office.
#[derive(Debug, Clone)]
pub struct Held {
    pub hold: HoldRow,
    pub office: Office,
}

impl Held {
    pub fn start(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.hold.start_at, 0).unwrap_or_default()
    }

    pub fn expires(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.hold.expires_at, 0).unwrap_or_default()
    }

    pub fn wish(&self) -> Wish {
        Wish::stored(&self.hold.service_ids(), self.hold.persons)
    }

    pub fn service_names(&self, lang: Language) -> Vec<String> {
        service_names(&self.office, &self.hold.service_ids(), lang)
    }

    /// Whether the form can still be sent for it.
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.hold.booking_id.is_none() && self.expires() > now
    }
}

/// The key a client's holds are counted under: a hash of its address block
/// (IPv6: the /64), so no address is stored.
pub fn client(ip: IpAddr) -> String {
    secret::hash(&format!("hold:{}", client_key(ip)))
}

/// The key a browser's holds are found under: a hash of its form token (the
/// `csrf` cookie), so one browser has one open hold at most.
pub fn browser(form_token: &str) -> String {
    secret::hash(&format!("browser:{form_token}"))
}

/// Hold `start` for a wish, for the browser with `form_token`; the hold it had
/// before is given back in the same step. Returns the new hold's token.
pub async fn take(
    app: &App,
    office_id: &str,
    wish: &Wish,
    start: &str,
    client_ip: IpAddr,
    form_token: &str,
) -> Result<(String, Held), HoldError> {
    let result = take_uncounted(app, office_id, wish, start, client_ip, form_token).await;
    let outcome = match &result {
        Ok(_) => "held",
        Err(HoldError::UnknownOffice | HoldError::Invalid(_)) => "invalid",
        Err(HoldError::SlotTaken) => "slot_taken",
        Err(HoldError::ArrivalsFull) => "arrivals_full",
        Err(HoldError::TooMany(_) | HoldError::TooManyToday | HoldError::TooLong) => "client_cap",
        Err(HoldError::DayShare) => "day_share",
        Err(HoldError::Slowed(_)) => "slowed",
        Err(_) => "failed",
    };
    crate::metrics::METRICS
        .holds
        .with_label_values(&[outcome])
        .inc();
    result
}

async fn take_uncounted(
    app: &App,
    office_id: &str,
    wish: &Wish,
    start: &str,
    client_ip: IpAddr,
    form_token: &str,
) -> Result<(String, Held), HoldError> {
    let now = app.clock.now();
    // Holds that ran out since the last sweep should not stand in the way; the
    // sweep gives back whatever is left.
    if let Err(e) = app.store.expire_holds(now.timestamp(), 20, slow_for).await {
        tracing::warn!(error = %e, "giving back holds that ran out before a new hold");
    }
    let client_key = client(client_ip);
    let slow_until = app.store.hold_slow_until(&client_key).await?;
    if slow_until > now.timestamp() {
        return Err(HoldError::Slowed(
            u64::try_from(slow_until - now.timestamp()).unwrap_or(1),
        ));
    }
    for _ in 0..3 {
        let (office, revision) = app
            .office_at(office_id)
            .await?
            .ok_or(HoldError::UnknownOffice)?;
        let (counter, _, need) = booking::resolve(&office, wish).map_err(HoldError::Invalid)?;
        let start = DateTime::parse_from_rfc3339(start.trim())
            .map_err(|_| HoldError::Invalid(vec![field("start", Mistake::Other, "is not a time")]))?
            .with_timezone(&Utc);
        let claim = schedule::claim(&office, counter, need, start, now).map_err(|e| {
            HoldError::Invalid(vec![field(
                "start",
                Mistake::Other,
                start_message(&office, e),
            )])
        })?;
        let day = claim.start.with_timezone(&office.timezone).date_naive();
        let share_cap = day_share(app, &office, counter, day).await?;
        let client_day_cap = (share_cap / CLIENT_PART_OF_SHARE)
            .max(HOLD_CLIENT_DAY_FLOOR_MINUTES)
            .min(share_cap);
        let minutes = i64::from(need.minutes);
        if minutes > client_day_cap {
            return Err(HoldError::TooLong);
        }
        let token = secret::new_token();
        let new = NewHold {
            id: uuid::Uuid::now_v7().to_string(),
            token_hash: secret::hash(&token),
            browser_key: browser(form_token),
            office_id: office.id.clone(),
            counter_id: counter.id.clone(),
            services: wish.services.clone(),
            persons: need.persons,
            minutes,
            client_key: client_key.clone(),
            client_cap: i64::from(app.config.hold_minutes_per_client).max(minutes),
            share_day: day.to_string(),
            share_cap,
            client_day_cap,
            expires_at: (now + Duration::minutes(i64::from(office.hold_minutes.max(1))))
                .timestamp(),
            created_at: now.timestamp(),
            office_revision: revision,
            slow_for,
        };
        match app.store.take_hold(&new, &claim).await {
            Ok(expires_at) => {
                // The row as written; no need to read it back.
                let hold = HoldRow {
                    id: new.id,
                    office_id: new.office_id,
                    counter_id: new.counter_id,
                    services: new.services.join(","),
                    persons: i64::from(new.persons),
                    start_at: claim.start.timestamp(),
                    end_at: claim.end.timestamp(),
                    grid_seconds: claim.grid_seconds,
                    arrival_window: claim.arrival_window,
                    client_key: new.client_key,
                    expires_at,
                    created_at: new.created_at,
                    booking_id: None,
                    minutes: new.minutes,
                    share_day: Some(new.share_day),
                };
                return Ok((token, Held { hold, office }));
            }
            Err(StoreError::Conflict(Conflict::StalePlan)) => app.forget_offices(),
            Err(StoreError::Conflict(Conflict::Capacity)) => return Err(HoldError::SlotTaken),
            Err(StoreError::Conflict(Conflict::Arrivals)) => return Err(HoldError::ArrivalsFull),
            Err(StoreError::Conflict(Conflict::HoldCap)) => {
                return Err(HoldError::TooMany(app.config.hold_minutes_per_client))
            }
            Err(StoreError::Conflict(Conflict::HoldShare)) => return Err(HoldError::DayShare),
            Err(StoreError::Conflict(Conflict::HoldClientDay)) => {
                return Err(HoldError::TooManyToday)
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(StoreError::Conflict(Conflict::StalePlan).into())
}

/// The hold of a browser, known by its form token (the `csrf` cookie): the
/// one its `hold` cookie names if that is one of this browser's, or else the
/// newest it took (two quick clicks may leave the cookie of the hold that was
/// replaced); open, used or run out, while it is kept. The `hold` cookie alone
/// finds nothing: what a hold shows (at the end, the booker's email address)
/// is for the browser that took it.
pub async fn find(
    app: &App,
    token: Option<&str>,
    form_token: Option<&str>,
) -> Result<Option<Held>, StoreError> {
    let Some(form_token) = form_token else {
        return Ok(None);
    };
    let now = app.clock.now();
    let browser_key = browser(form_token);
    let by_token = match token.filter(|t| secret::looks_like_token(t)) {
        Some(t) => {
            app.store
                .hold_of_browser_by_token(&secret::hash(t), &browser_key)
                .await?
        }
        None => None,
    };
    let current = |h: &HoldRow| h.booking_id.is_some() || h.expires_at > now.timestamp();
    let hold = match by_token {
        Some(h) if current(&h) => Some(h),
        by_token => app.store.hold_of_browser(&browser_key).await?.or(by_token),
    };
    let Some(hold) = hold else {
        return Ok(None);
    };
    let office = app
        .office(&hold.office_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(Some(Held { hold, office }))
}

/// Book the held time for a person. The booking takes over the hold's place.
pub async fn book(
    app: &App,
    held: &Held,
    name: &str,
    email: &str,
    phone: Option<&str>,
    language: Language,
) -> Result<Booked, BookError> {
    let result = book_uncounted(app, held, name, email, phone, language).await;
    booking::count_booking(&result);
    result
}

async fn book_uncounted(
    app: &App,
    held: &Held,
    name: &str,
    email: &str,
    phone: Option<&str>,
    language: Language,
) -> Result<Booked, BookError> {
    let now = app.clock.now();
    if !held.is_open(now) {
        return Err(BookError::HoldGone);
    }
    let person = check_person(name, email, phone).map_err(BookError::Invalid)?;
    let office = &held.office;
    let booking_token = secret::new_token();
    let id = uuid::Uuid::now_v7().to_string();
    let start = held.start();
    let end = DateTime::from_timestamp(held.hold.end_at, 0).unwrap_or_default();
    let (status, confirm_by) = initial_status(office, now, start);
    let appointment = Appointment {
        booking_id: &id,
        office,
        services: held.service_names(language),
        persons: u32::try_from(held.hold.persons).unwrap_or(1),
        start,
        end,
        created: now,
        // The address is not confirmed yet: the mail names nobody.
        name: None,
        email: &person.email,
        pending: status == "pending",
        language,
        // The first mails are rendered when sent, from the booking with its code.
        code: None,
        notice: None,
    };
    let (mail, reminder) = first_mails(app, &appointment, &booking_token, confirm_by, now)?;
    let new = NewBooking {
        id,
        token_hash: secret::hash(&booking_token),
        office_id: office.id.clone(),
        counter_id: held.hold.counter_id.clone(),
        services: held.wish().services,
        persons: u32::try_from(held.hold.persons).unwrap_or(1),
        status,
        name: person.name.clone(),
        email: person.email.clone(),
        phone: person.phone.clone(),
        email_key: secret::hash(&text::email_key(&person.email)),
        language: language.as_str(),
        confirm_by: confirm_by.map(|d| d.timestamp()),
        created_at: now.timestamp(),
        email_cap: office.max_active_bookings_per_email,
        office_revision: 0,
        idempotency: None,
        code: crate::domain::BookingCode::random().as_str().to_string(),
    };
    let done_until = (now + Duration::minutes(DONE_PAGE_MINUTES)).timestamp();
    let row: BookingRow = match app
        .store
        .book_held(&held.hold.id, &new, done_until, &mail, reminder.as_ref())
        .await
    {
        Ok(row) => row,
        Err(StoreError::Conflict(Conflict::HoldGone)) => return Err(BookError::HoldGone),
        Err(StoreError::Conflict(Conflict::EmailCap)) => {
            return Err(BookError::EmailCap(office.max_active_bookings_per_email))
        }
        Err(e) => return Err(e.into()),
    };
    app.outbox.notify_one();
    Ok(Booked {
        booking: row,
        office: held.office.clone(),
        replayed: false,
    })
}

/// The booking a hold became, for the browser that held it, while that is kept.
pub async fn booked(app: &App, held: &Held) -> Result<Option<Booked>, StoreError> {
    let Some(id) = &held.hold.booking_id else {
        return Ok(None);
    };
    let booking = app.store.booking(id).await?;
    Ok(Some(Booked {
        booking,
        office: held.office.clone(),
        replayed: false,
    }))
}

/// The free times nearest to `around` for a wish, quieter first among equals
/// (rule 4): what to offer when the chosen time is gone.
pub async fn nearest(
    app: &App,
    office_id: &str,
    wish: &Wish,
    around: DateTime<Utc>,
    n: usize,
) -> Result<Vec<Slot>, QueryError> {
    let office = app
        .office(office_id)
        .await?
        .ok_or(QueryError::UnknownOffice)?;
    let (first, last) = schedule::booking_window(&office, app.clock.now());
    if first > last {
        return Ok(Vec::new());
    }
    let day = around.with_timezone(&office.timezone).date_naive();
    let from = (day - Duration::days(3)).clamp(first, last);
    let to = (day + Duration::days(7)).clamp(first, last);
    let a = booking::availability(app, office_id, wish, Some(from), Some(to)).await?;
    Ok(schedule::nearest(&a.days, around, n))
}

/// Give back the places of holds that ran out; returns how many.
pub async fn expire_due(app: &App) -> Result<usize, StoreError> {
    let now = app.clock.now().timestamp();
    booking::in_chunks(200, |limit| app.store.expire_holds(now, limit, slow_for)).await
}

/// How long an address waits before its next hold after `lapsed` holds in a
/// row ran out unused: two are forgiven (a citizen who was interrupted), then
/// a minute, doubling up to an hour.
pub fn slow_for(lapsed: i64) -> i64 {
    if lapsed < 3 {
        0
    } else {
        (60i64 << (lapsed - 3).min(6)).min(3600)
    }
}

/// The most desk-minutes all holds of a counter may take on a day: a share
/// of the day's free places (`TERMIN_HOLD_SHARE_PERCENT`), and at least an
/// hour's worth where that many are free, so that the last places of a full
/// day can still be held and booked. Free places are the plan's desk-minutes
/// less what bookings take; what holds take counts as free here.
async fn day_share(
    app: &App,
    office: &Office,
    counter: &Counter,
    day: NaiveDate,
) -> Result<i64, StoreError> {
    let capacity: i64 = schedule::day_segments(office, counter, day)
        .iter()
        .map(|s| (s.end - s.start).num_minutes() * i64::from(s.online))
        .sum();
    let from = schedule::local_instant(office.timezone, day, Some(chrono::NaiveTime::MIN));
    let to = schedule::local_instant(office.timezone, day, None);
    let taken = app
        .store
        .occupancy(&office.id, &counter.id, from.timestamp(), to.timestamp())
        .await?;
    let occupied =
        taken.cells.values().map(|n| i64::from(*n)).sum::<i64>() * i64::from(counter.grid_minutes);
    let held = app
        .store
        .held_minutes(&office.id, &counter.id, &day.to_string())
        .await?;
    let free = (capacity - occupied + held).max(0);
    let share = free * i64::from(app.config.hold_share_percent) / 100;
    Ok(share.max(free.min(HOLD_SHARE_FLOOR_MINUTES)))
}

/// The desk-minutes of a day that may always be held, however full it is.
const HOLD_SHARE_FLOOR_MINUTES: i64 = 60;

/// One address holds at most this part of a counter-day's share, so that it
/// takes several addresses to hold all of it…
const CLIENT_PART_OF_SHARE: i64 = 4;
/// …but at least half an hour (a family's registration), where the share has it.
const HOLD_CLIENT_DAY_FLOOR_MINUTES: i64 = 30;
