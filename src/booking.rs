//! Use cases of citizens and portals: availability, book, confirm, read, cancel; and the sweeps
//! that expire unconfirmed bookings and erase personal data.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::app::App;
use crate::domain::schedule::{self, Day, Need, StartError};
use crate::domain::{text, BookingStatus, Counter, Language, Office, Service};
use crate::mail::messages::{self, Appointment, Kind, Letterhead};
use crate::secret;
use crate::store::{BookingRow, Conflict, NewBooking, NewMail, OutboxMail, StoreError};

/// The longest range one availability request may cover.
pub const MAX_RANGE_DAYS: i64 = 62;
pub const MAX_SERVICES: usize = 10;
pub const MAX_NAME: usize = 100;
pub const MAX_PHONE: usize = 30;

/// A mistake in one field of a request.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    pub field: String,
    /// In English, for the API.
    pub message: String,
    /// What the mistake is, for pages that say it in the visitor's language.
    #[serde(skip)]
    pub mistake: Mistake,
}

/// The kinds of mistake a page explains in its own words; the rest it calls
/// a mistake in that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mistake {
    NoService,
    TooManyServices,
    SeveralCounters,
    NoPerson,
    TooManyPersons(u32),
    DayPast,
    DayBeyondHorizon,
    RangeBackwards,
    RangeTooLong,
    NameMissing,
    NameTooLong,
    NameNotOneLine,
    /// Characters no name has: digits, links, punctuation beyond ' - and .
    NameCharacters,
    EmailInvalid,
    /// The part before the @ is not ASCII.
    EmailLocalNotAscii,
    /// Invisible characters (zero-width spaces, direction marks) in a field.
    Invisible,
    PhoneInvalid,
    /// The address has this many bookings to come at the office, as many as it may.
    EmailCap(u32),
    /// The privacy notice was not acknowledged.
    Consent,
    /// The field people cannot see was filled in.
    Honeypot,
    Other,
}

pub(crate) fn field(field: &str, mistake: Mistake, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.to_string(),
        message: message.into(),
        mistake,
    }
}

#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("unknown office")]
    UnknownOffice,
    #[error("invalid request")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, thiserror::Error)]
pub enum BookError {
    #[error("invalid request")]
    Invalid(Vec<FieldError>),
    #[error("the time is no longer free")]
    SlotTaken,
    #[error("too many people already arrive at that time")]
    ArrivalsFull,
    #[error("this email address already has {0} active bookings at this office")]
    EmailCap(u32),
    #[error("the time was held for too long and has been given free again")]
    HoldGone,
    #[error("the Idempotency-Key was used before for a different request")]
    IdempotencyMismatch,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the mail could not be prepared: {0}")]
    Mail(#[from] anyhow::Error),
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("no booking has this link")]
    Unknown,
    #[error("the booking was not confirmed in time and has lapsed")]
    Expired,
    #[error("the booking is {0} and cannot be changed")]
    Closed(&'static str),
    #[error("the appointment has begun or is over")]
    TooLate,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the mail could not be prepared: {0}")]
    Mail(#[from] anyhow::Error),
}

/// Which services, for how many persons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wish {
    pub services: Vec<String>,
    pub persons: u32,
}

impl Wish {
    /// The wish a stored booking or hold stands for: its service ids and persons.
    pub fn stored(services: &[&str], persons: i64) -> Wish {
        Wish {
            services: services.iter().map(|s| s.to_string()).collect(),
            persons: u32::try_from(persons).unwrap_or(1),
        }
    }
}

/// The services of a wish resolved against an office: their counter and the need on one desk.
pub fn resolve<'o>(
    office: &'o Office,
    wish: &Wish,
) -> Result<(&'o Counter, Vec<&'o Service>, Need), Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut found: Vec<(&Counter, &Service)> = Vec::new();
    if wish.services.is_empty() {
        errors.push(field(
            "services",
            Mistake::NoService,
            "choose at least one service",
        ));
    } else if wish.services.len() > MAX_SERVICES {
        errors.push(field(
            "services",
            Mistake::TooManyServices,
            format!("at most {MAX_SERVICES} services per booking"),
        ));
    }
    for (i, id) in wish.services.iter().enumerate().take(MAX_SERVICES) {
        if wish.services[..i].contains(id) {
            errors.push(field(
                "services",
                Mistake::Other,
                format!("the service {id:?} is named twice"),
            ));
        } else {
            match office.service(id) {
                Some(cs) => found.push(cs),
                None => errors.push(field(
                    "services",
                    Mistake::Other,
                    format!("the office {} offers no service {id:?}", office.id),
                )),
            }
        }
    }
    if found.iter().any(|(c, _)| c.id != found[0].0.id) {
        errors.push(field(
            "services",
            Mistake::SeveralCounters,
            "the services of one booking must be of one counter",
        ));
    }
    let max_persons = found.iter().map(|(_, s)| s.max_persons).min().unwrap_or(1);
    if wish.persons == 0 {
        errors.push(field("persons", Mistake::NoPerson, "at least one person"));
    } else if wish.persons > max_persons {
        errors.push(field(
            "persons",
            Mistake::TooManyPersons(max_persons),
            format!("at most {max_persons} persons for these services"),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let counter = found[0].0;
    let minutes = found.iter().map(|(_, s)| s.minutes).sum::<u32>() * wish.persons;
    Ok((
        counter,
        found.into_iter().map(|(_, s)| s).collect(),
        Need {
            minutes,
            persons: wish.persons,
        },
    ))
}

/// Free times for a wish at one office.
#[derive(Debug, Clone)]
pub struct Availability {
    pub office: Office,
    pub counter_id: String,
    pub need: Need,
    pub days: Vec<Day>,
}

/// Free slots per day from `from` to `to` (default: today and the next 13 days),
/// clipped to the booking window.
pub async fn availability(
    app: &App,
    office_id: &str,
    wish: &Wish,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Availability, QueryError> {
    let office = app
        .office(office_id)
        .await?
        .ok_or(QueryError::UnknownOffice)?;
    let now = app.clock.now();
    let (first, last) = schedule::booking_window(&office, now);
    let (counter, _, need) = resolve(&office, wish).map_err(QueryError::Invalid)?;
    let from = from.unwrap_or(first);
    let to = to.unwrap_or(from + Duration::days(13));
    let mut errors = Vec::new();
    if from < first {
        errors.push(field(
            "from",
            Mistake::DayPast,
            format!("{from} is in the past"),
        ));
    } else if from > last {
        errors.push(field(
            "from",
            Mistake::DayBeyondHorizon,
            format!("{from} is beyond the booking horizon ({last} is the last bookable day)"),
        ));
    }
    if to < from {
        errors.push(field(
            "to",
            Mistake::RangeBackwards,
            "must not be before from",
        ));
    } else if (to - from).num_days() >= MAX_RANGE_DAYS {
        errors.push(field(
            "to",
            Mistake::RangeTooLong,
            format!("at most {MAX_RANGE_DAYS} days per request"),
        ));
    }
    if !errors.is_empty() {
        return Err(QueryError::Invalid(errors));
    }
    let to = to.min(last);
    let start = schedule::local_instant(office.timezone, from, Some(chrono::NaiveTime::MIN));
    let end = schedule::local_instant(office.timezone, to, None);
    let taken = app
        .store
        .occupancy(&office.id, &counter.id, start.timestamp(), end.timestamp())
        .await?;
    let days = schedule::availability(&office, counter, need, from, to, now, &taken);
    Ok(Availability {
        counter_id: counter.id.clone(),
        office,
        need,
        days,
    })
}

/// A booking as a portal or page asks for it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookingRequest {
    pub office: String,
    pub services: Vec<String>,
    pub persons: u32,
    pub start: String,
    pub name: String,
    pub email: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
}

/// A booking with its office, as the citizen or portal sees it.
#[derive(Debug, Clone)]
pub struct Booked {
    pub booking: BookingRow,
    pub office: Office,
    /// This answer repeats an earlier one (same Idempotency-Key).
    pub replayed: bool,
}

impl Booked {
    pub fn status(&self, now: DateTime<Utc>) -> BookingStatus {
        let status = BookingStatus::parse(&self.booking.status).unwrap_or(BookingStatus::Cancelled);
        // A pending booking past its deadline has lapsed, even before the sweep notices.
        if status == BookingStatus::Pending
            && self
                .booking
                .confirm_by
                .is_some_and(|d| d <= now.timestamp())
        {
            BookingStatus::Expired
        } else {
            status
        }
    }

    pub fn start(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.booking.start_at, 0).unwrap_or_default()
    }

    pub fn end(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.booking.end_at, 0).unwrap_or_default()
    }

    pub fn language(&self) -> Language {
        Language::parse(&self.booking.language).unwrap_or_default()
    }

    /// The booked services' names in the booking's language.
    pub fn service_names(&self) -> Vec<String> {
        service_names(&self.office, &self.booking.service_ids(), self.language())
    }
}

pub(crate) fn service_names(office: &Office, ids: &[&str], lang: Language) -> Vec<String> {
    ids.iter()
        .map(|id| {
            office
                .service(id)
                .map_or(id.to_string(), |(_, s)| s.name.get(lang).to_string())
        })
        .collect()
}

struct Checked<'o> {
    counter: &'o Counter,
    claim: schedule::Claim,
    need: Need,
    name: String,
    email: String,
    phone: Option<String>,
    language: Language,
}

fn check<'o>(
    office: &'o Office,
    req: &BookingRequest,
    now: DateTime<Utc>,
) -> Result<Checked<'o>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let wish = Wish {
        services: req.services.clone(),
        persons: req.persons,
    };
    let resolved = resolve(office, &wish).map_err(|e| errors.extend(e)).ok();
    let start = match DateTime::parse_from_rfc3339(req.start.trim()) {
        Ok(t) => Some(t.with_timezone(&Utc)),
        Err(_) => {
            errors.push(field(
                "start",
                Mistake::Other,
                "must be a date and time in RFC 3339 form, e.g. 2026-12-01T09:30:00+01:00",
            ));
            None
        }
    };
    let claim = match (resolved.as_ref(), start) {
        (Some((counter, _, need)), Some(start)) => {
            match schedule::claim(office, counter, *need, start, now) {
                Ok(claim) => Some(claim),
                Err(e) => {
                    errors.push(field("start", Mistake::Other, start_message(office, e)));
                    None
                }
            }
        }
        _ => None,
    };
    let person = check_person(&req.name, &req.email, req.phone.as_deref())
        .map_err(|e| errors.extend(e))
        .ok();
    let language = match req.language.as_deref() {
        None => Some(Language::De),
        Some(l) => Language::parse(l),
    };
    if language.is_none() {
        errors.push(field(
            "language",
            Mistake::Other,
            "must be one of \"de\", \"en\", \"uk\", \"tr\", \"ar\"",
        ));
    }
    match (errors.is_empty(), resolved, claim, language, person) {
        (true, Some((counter, _, need)), Some(claim), Some(language), Some(person)) => {
            Ok(Checked {
                counter,
                claim,
                need,
                name: person.name,
                email: person.email,
                phone: person.phone,
                language,
            })
        }
        _ => Err(errors),
    }
}

/// Who comes: name, email address, phone number if given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
}

pub const NAME_MISSING: &str = "please give your name";
pub const NAME_NOT_ONE_LINE: &str = "must be one line without control characters";
pub const NAME_CHARACTERS: &str =
    "may contain letters, spaces, apostrophes, hyphens and dots, nothing else";
pub const EMAIL_INVALID: &str = "must be an email address such as name@example.de";
pub const EMAIL_LOCAL_NOT_ASCII: &str =
    "the part before the @ may contain only Latin letters without accents, digits and . _ - +";
pub const INVISIBLE: &str =
    "contains invisible characters (such as zero-width spaces or direction marks); please type it again";
pub const PHONE_INVALID: &str = "must be a phone number of digits, spaces and + - / ( )";

/// Check the person's details of a booking; every mistake at once.
pub fn check_person(
    name: &str,
    email: &str,
    phone: Option<&str>,
) -> Result<Person, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = text::clean_name(name);
    if name.is_empty() {
        errors.push(field("name", Mistake::NameMissing, NAME_MISSING));
    } else if name.chars().count() > MAX_NAME {
        errors.push(field(
            "name",
            Mistake::NameTooLong,
            format!("at most {MAX_NAME} characters"),
        ));
    } else if name.chars().any(text::is_invisible) {
        errors.push(field("name", Mistake::Invisible, INVISIBLE));
    } else if !text::is_clean_line(&name) {
        errors.push(field("name", Mistake::NameNotOneLine, NAME_NOT_ONE_LINE));
    } else if !text::is_name(&name) {
        errors.push(field("name", Mistake::NameCharacters, NAME_CHARACTERS));
    }
    let email = match text::email(email) {
        Ok(e) if e.parse::<lettre::Address>().is_ok() => Some(e),
        Ok(_) | Err(text::EmailMistake::Form) => {
            errors.push(field("email", Mistake::EmailInvalid, EMAIL_INVALID));
            None
        }
        Err(text::EmailMistake::LocalNotAscii) => {
            errors.push(field(
                "email",
                Mistake::EmailLocalNotAscii,
                EMAIL_LOCAL_NOT_ASCII,
            ));
            None
        }
        Err(text::EmailMistake::Invisible) => {
            errors.push(field("email", Mistake::Invisible, INVISIBLE));
            None
        }
    };
    let phone = phone.map(str::trim).filter(|p| !p.is_empty());
    if let Some(p) = phone {
        if p.chars().any(text::is_invisible) {
            errors.push(field("phone", Mistake::Invisible, INVISIBLE));
        } else if p.chars().count() > MAX_PHONE || !text::is_phone(p) {
            errors.push(field("phone", Mistake::PhoneInvalid, PHONE_INVALID));
        }
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    Ok(Person {
        name,
        email,
        phone: phone.map(str::to_string),
    })
}

pub(crate) fn start_message(office: &Office, e: StartError) -> String {
    match e {
        StartError::TooSoon => format!(
            "is in the past or too soon: bookings need {} minutes' notice",
            office.min_notice_minutes
        ),
        StartError::BeyondHorizon => format!(
            "is beyond the booking horizon of {} days",
            office.horizon_days
        ),
        StartError::Closed => "the counter is closed on that day".into(),
        StartError::OutsideHours => {
            "is outside the opening hours, or the services do not fit before closing".into()
        }
        StartError::NotOnGrid => "is not one of the offered start times".into(),
    }
}

/// How a new booking starts: pending with its confirmation deadline, or
/// confirmed at once when the office asks for no confirmation.
pub(crate) fn initial_status(
    office: &Office,
    now: DateTime<Utc>,
    start: DateTime<Utc>,
) -> (&'static str, Option<DateTime<Utc>>) {
    match office.confirm_within_minutes {
        0 => ("confirmed", None),
        // Confirmation is due before the appointment begins, whichever comes first.
        m => (
            "pending",
            Some((now + Duration::minutes(i64::from(m))).min(start)),
        ),
    }
}

/// The mails a new booking owes: please-confirm with its deadline, or confirmed
/// with the reminder it is owed. Both are rendered when they are delivered
/// ([`owed_message`]): that work is no part of the booking's transaction.
pub(crate) fn first_mails(
    app: &App,
    appointment: &Appointment<'_>,
    token: &str,
    confirm_by: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> anyhow::Result<(NewMail, Option<NewMail>)> {
    let kind = match confirm_by {
        Some(_) => Kind::PleaseConfirm,
        None => Kind::Confirmed,
    };
    let mail = messages::later(kind, appointment, &letterhead(app), Some(token), now)?;
    let reminder = match confirm_by {
        Some(_) => None,
        None => reminder(app, appointment.office, appointment, Some(token), now)?,
    };
    Ok((mail, reminder))
}

/// A stable fingerprint of a request, to recognise a retry with the same Idempotency-Key.
fn fingerprint(req: &BookingRequest) -> String {
    let canonical = serde_json::to_string(req).unwrap_or_default();
    secret::hash(&canonical)
}

pub(crate) fn letterhead(app: &App) -> Letterhead<'_> {
    Letterhead {
        from: &app.config.mail_from,
        public_url: &app.config.public_url,
        catalogs: &app.catalogs,
    }
}

impl BookError {
    /// The outcome a metric counts it as.
    pub fn outcome(&self) -> &'static str {
        match self {
            BookError::Invalid(_) => "invalid",
            BookError::SlotTaken => "slot_taken",
            BookError::ArrivalsFull => "arrivals_full",
            BookError::EmailCap(_) => "email_cap",
            BookError::HoldGone => "hold_gone",
            BookError::IdempotencyMismatch => "idempotency_mismatch",
            BookError::Store(_) | BookError::Mail(_) => "failed",
        }
    }
}

/// Count a booking attempt's outcome for `/metrics`.
pub fn count_booking<T>(result: &Result<T, BookError>) {
    let outcome = result
        .as_ref()
        .map_or_else(BookError::outcome, |_| "booked");
    crate::metrics::METRICS
        .bookings
        .with_label_values(&[outcome])
        .inc();
}

/// Book a time. The place is taken in the store's transaction or not at all.
pub async fn book(
    app: &App,
    req: &BookingRequest,
    idempotency_key: Option<&str>,
) -> Result<Booked, BookError> {
    let result = book_counted(app, req, idempotency_key).await;
    count_booking(&result);
    result
}

async fn book_counted(
    app: &App,
    req: &BookingRequest,
    idempotency_key: Option<&str>,
) -> Result<Booked, BookError> {
    if let Some(key) = idempotency_key {
        if let Some(done) = replay(app, key, req).await? {
            return Ok(done);
        }
    }
    // A plan that changed under the request is a reason to compute the claim again, not to fail.
    for _ in 0..3 {
        match book_once(app, req, idempotency_key).await {
            Err(BookError::Store(StoreError::Conflict(Conflict::StalePlan))) => {
                app.forget_offices()
            }
            other => return other,
        }
    }
    Err(BookError::Store(StoreError::Conflict(Conflict::StalePlan)))
}

async fn book_once(
    app: &App,
    req: &BookingRequest,
    idempotency_key: Option<&str>,
) -> Result<Booked, BookError> {
    let now = app.clock.now();
    let (office, revision) = app.office_at(&req.office).await?.ok_or_else(|| {
        BookError::Invalid(vec![field(
            "office",
            Mistake::Other,
            format!("there is no office {:?}", req.office),
        )])
    })?;
    let c = check(&office, req, now).map_err(BookError::Invalid)?;
    let token = secret::new_token();
    let id = uuid::Uuid::now_v7().to_string();
    let (status, confirm_by) = initial_status(&office, now, c.claim.start);
    let appointment = Appointment {
        end: c.claim.end,
        created: now,
        booking_id: &id,
        office: &office,
        services: service_names(
            &office,
            &req.services.iter().map(String::as_str).collect::<Vec<_>>(),
            c.language,
        ),
        persons: c.need.persons,
        start: c.claim.start,
        // The address is not confirmed yet: the mail names nobody.
        name: None,
        email: &c.email,
        pending: status == "pending",
        language: c.language,
        // The first mails are rendered when sent, from the booking with its code.
        code: None,
        notice: None,
    };
    let (mail, reminder) = first_mails(app, &appointment, &token, confirm_by, now)?;
    let new = NewBooking {
        id: id.clone(),
        token_hash: secret::hash(&token),
        office_id: office.id.clone(),
        counter_id: c.counter.id.clone(),
        services: req.services.clone(),
        persons: c.need.persons,
        status,
        name: c.name.clone(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        email_key: secret::hash(&text::email_key(&c.email)),
        language: c.language.as_str(),
        confirm_by: confirm_by.map(|d| d.timestamp()),
        created_at: now.timestamp(),
        email_cap: office.max_active_bookings_per_email,
        office_revision: revision,
        idempotency: idempotency_key.map(|k| (k.to_string(), fingerprint(req))),
        code: crate::domain::BookingCode::random().as_str().to_string(),
    };
    let written = app
        .store
        .book(&new, &c.claim, &mail, reminder.as_ref())
        .await;
    if let (Err(StoreError::Conflict(_)), Some(key)) = (&written, idempotency_key) {
        // A request with the same key may have won the place (on PostgreSQL the parts of
        // the booking statement fail in no set order): then this is a retry, not a loser.
        if let Some(done) = replay(app, key, req).await? {
            return Ok(done);
        }
    }
    let code = match written {
        Ok(code) => code,
        Err(StoreError::Conflict(Conflict::Capacity)) => return Err(BookError::SlotTaken),
        Err(StoreError::Conflict(Conflict::Arrivals)) => return Err(BookError::ArrivalsFull),
        Err(StoreError::Conflict(Conflict::EmailCap)) => {
            return Err(BookError::EmailCap(office.max_active_bookings_per_email))
        }
        Err(StoreError::Conflict(Conflict::IdempotencyKey)) => {
            // Another request with this key got there first: answer as it was answered.
            let key = idempotency_key.unwrap_or_default();
            return replay(app, key, req)
                .await?
                .ok_or(BookError::IdempotencyMismatch);
        }
        Err(e) => return Err(e.into()),
    };
    app.outbox.notify_one();
    let booking = BookingRow {
        id,
        office_id: new.office_id,
        counter_id: new.counter_id,
        services: new.services.join(","),
        persons: i64::from(new.persons),
        start_at: c.claim.start.timestamp(),
        end_at: c.claim.end.timestamp(),
        grid_seconds: c.claim.grid_seconds,
        arrival_window: c.claim.arrival_window,
        status: status.to_string(),
        name: Some(new.name),
        email: Some(new.email),
        phone: new.phone,
        email_key: Some(new.email_key),
        language: new.language.to_string(),
        confirm_by: new.confirm_by,
        created_at: new.created_at,
        confirmed_at: (status == "confirmed").then_some(new.created_at),
        cancelled_at: None,
        address_confirmed: 0,
        moves: 0,
        calendar_sent: 0,
        code: Some(code),
    };
    Ok(Booked {
        booking,
        office,
        replayed: false,
    })
}

async fn replay(app: &App, key: &str, req: &BookingRequest) -> Result<Option<Booked>, BookError> {
    let Some((print, booking)) = app.store.booking_by_idempotency_key(key).await? else {
        return Ok(None);
    };
    if print != fingerprint(req) {
        return Err(BookError::IdempotencyMismatch);
    }
    let office = app
        .office(&booking.office_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(Some(Booked {
        booking,
        office,
        replayed: true,
    }))
}

fn token_hash(token: &str) -> Result<String, TokenError> {
    if secret::looks_like_token(token) {
        Ok(secret::hash(token))
    } else {
        Err(TokenError::Unknown)
    }
}

async fn with_office(app: &App, booking: BookingRow) -> Result<Booked, TokenError> {
    let office = app
        .office(&booking.office_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(Booked {
        booking,
        office,
        replayed: false,
    })
}

fn not_found(e: StoreError) -> TokenError {
    match e {
        StoreError::NotFound => TokenError::Unknown,
        e => TokenError::Store(e),
    }
}

/// The booking behind a token.
pub async fn get(app: &App, token: &str) -> Result<Booked, TokenError> {
    let booking = app
        .store
        .booking_by_token(&token_hash(token)?)
        .await
        .map_err(not_found)?;
    with_office(app, booking).await
}

/// The reminder a confirmed appointment is owed: due `reminder_hours` before it,
/// unless the office sends none or that time has passed already. It is queued
/// now, with the token for its link, because the token exists only now; it is
/// rendered when it is due, from the booking as it stands then.
pub(crate) fn reminder(
    app: &App,
    office: &Office,
    appointment: &Appointment<'_>,
    token: Option<&str>,
    now: DateTime<Utc>,
) -> anyhow::Result<Option<NewMail>> {
    if office.reminder_hours == 0 {
        return Ok(None);
    }
    let due = appointment.start - Duration::hours(i64::from(office.reminder_hours));
    if due <= now {
        return Ok(None);
    }
    Ok(Some(messages::later(
        Kind::Reminder,
        appointment,
        &letterhead(app),
        token,
        due,
    )?))
}

/// Render the mail a change owes, and, with `with_reminder`, the reminder the
/// appointment is owed at its (new) time; nothing once personal data is erased.
fn mail_for(
    app: &App,
    office: &Office,
    b: &BookingRow,
    kind: Kind,
    token: Option<&str>,
    with_reminder: bool,
) -> anyhow::Result<Vec<NewMail>> {
    let Some(appointment) = appointment_of(office, b) else {
        return Ok(Vec::new());
    };
    let now = app.clock.now();
    let mut mails = vec![messages::render(
        kind,
        &appointment,
        &letterhead(app),
        token,
        None,
        now,
    )?];
    if let (true, Some(token)) = (with_reminder, token) {
        mails.extend(reminder(app, office, &appointment, Some(token), now)?);
    }
    Ok(mails)
}

/// What the mails of booking `b` say about it; `None` once its personal data is erased.
fn appointment_of<'a>(office: &'a Office, b: &'a BookingRow) -> Option<Appointment<'a>> {
    let (Some(name), Some(email)) = (b.name.as_deref(), b.email.as_deref()) else {
        return None;
    };
    let lang = Language::parse(&b.language).unwrap_or_default();
    Some(Appointment {
        booking_id: &b.id,
        office,
        services: service_names(office, &b.service_ids(), lang),
        persons: u32::try_from(b.persons).unwrap_or(1),
        start: DateTime::from_timestamp(b.start_at, 0).unwrap_or_default(),
        end: DateTime::from_timestamp(b.end_at, 0).unwrap_or_default(),
        created: DateTime::from_timestamp(b.created_at, 0).unwrap_or_default(),
        name: (b.address_confirmed == 1).then_some(name),
        email,
        pending: b.status == "pending",
        language: lang,
        code: b.code.as_deref(),
        notice: None,
    })
}

/// Why a mail queued to be rendered at delivery cannot be.
#[derive(Debug, thiserror::Error)]
pub enum Unrenderable {
    /// Its booking's personal data was erased first: there is nobody to write to.
    #[error("the booking's personal data was erased before the mail was sent")]
    Erased,
    /// Its booking changed first so that the mail would tell something no longer
    /// true (a please-confirm mail for a booking no longer waiting, a
    /// confirmation or reminder of a booking cancelled or expired); the mail
    /// that change owes tells instead.
    #[error("the booking was {0} before the mail was sent")]
    NoLongerOwed(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("rendering the mail: {0}")]
    Render(#[from] anyhow::Error),
}

/// The message of a claimed mail that was queued without one ([`messages::later`]):
/// rendered from its booking as it stands now and the office's current plan,
/// with the Message-ID it was given when it was queued. The first mail is
/// dated when the booking was made, so that its calendar entry is the first
/// version of the appointment however late it goes out; the reminder (which
/// carries no calendar entry) is dated when it is sent.
pub async fn owed_message(app: &App, mail: &OutboxMail) -> Result<Vec<u8>, Unrenderable> {
    let kind = Kind::parse(&mail.kind)
        .ok_or_else(|| anyhow::anyhow!("unknown kind of mail {:?}", mail.kind))?;
    // A lapsed booking's mail has no link to manage it; the others carry the secret
    // (but a reminder queued when a plan change moved the booking, after the secret
    // had left the outbox, goes without the link).
    let (Some(booking_id), Some(token)) = (
        &mail.booking_id,
        mail.token
            .as_deref()
            .or(matches!(kind, Kind::Lapsed | Kind::Reminder).then_some("")),
    ) else {
        return Err(Unrenderable::Erased);
    };
    let booking = app.store.booking(booking_id).await?;
    let office = app
        .office(&booking.office_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no office {:?}", booking.office_id))?;
    let status = BookingStatus::parse(&booking.status);
    let owed = match kind {
        Kind::PleaseConfirm => status == Some(BookingStatus::Pending),
        Kind::Lapsed => status == Some(BookingStatus::Expired),
        _ => status.is_some_and(|s| s.holds_capacity() && s != BookingStatus::Pending),
    };
    if !owed {
        return Err(Unrenderable::NoLongerOwed(booking.status));
    }
    let appointment = appointment_of(&office, &booking).ok_or(Unrenderable::Erased)?;
    // The lapse mail's file must be newer than any the citizen has, or a
    // calendar keeps the entry.
    let dated = match kind {
        Kind::Reminder | Kind::Lapsed => app.clock.now().timestamp(),
        _ => booking.created_at,
    };
    let dated = DateTime::from_timestamp(dated, 0).unwrap_or_default();
    let confirm_by = booking
        .confirm_by
        .and_then(|t| DateTime::from_timestamp(t, 0));
    Ok(messages::message(
        kind,
        &appointment,
        &letterhead(app),
        (!token.is_empty()).then_some(token),
        confirm_by,
        dated,
        &mail.message_id,
    )?)
}

/// The booking after a change through its token, and whether the change was
/// made; if it was, the mail it owes is on its way.
fn settled(app: &App, out: crate::store::Outcome, office: Office) -> (Booked, bool) {
    if out.changed {
        app.outbox.notify_one();
    }
    let booked = Booked {
        booking: out.booking,
        office,
        replayed: false,
    };
    (booked, out.changed)
}

/// Confirm a pending booking with the token from its mail. Confirming twice is fine.
pub async fn confirm(app: &App, token: &str) -> Result<Booked, TokenError> {
    let hash = token_hash(token)?;
    let now = app.clock.now();
    let current = get(app, token).await?;
    // The mail tells of the booking as the confirmation makes it.
    let mut confirmed = current.booking.clone();
    confirmed.status = "confirmed".into();
    confirmed.address_confirmed = 1;
    let mail = mail_for(
        app,
        &current.office,
        &confirmed,
        Kind::Confirmed,
        Some(token),
        true,
    )?;
    let out = app
        .store
        .confirm(&hash, now.timestamp(), &mail)
        .await
        .map_err(not_found)?;
    let (booked, changed) = settled(app, out, current.office);
    if changed {
        return Ok(booked);
    }
    match booked.status(now) {
        BookingStatus::Confirmed
        | BookingStatus::CheckedIn
        | BookingStatus::Called
        | BookingStatus::Done => Ok(booked),
        BookingStatus::Expired => Err(TokenError::Expired),
        other => Err(TokenError::Closed(other.as_str())),
    }
}

/// Cancel a booking with its token; its place is free again at once.
pub async fn cancel(app: &App, token: &str) -> Result<Booked, TokenError> {
    let hash = token_hash(token)?;
    let now = app.clock.now();
    let current = get(app, token).await?;
    let mail = mail_for(
        app,
        &current.office,
        &current.booking,
        Kind::Cancelled,
        None,
        false,
    )?;
    let out = app
        .store
        .cancel(&hash, now.timestamp(), mail.first())
        .await
        .map_err(not_found)?;
    let (booked, changed) = settled(app, out, current.office);
    if changed {
        return Ok(booked);
    }
    match booked.status(now) {
        BookingStatus::Cancelled => Ok(booked),
        BookingStatus::Pending | BookingStatus::Confirmed => Err(TokenError::TooLate),
        BookingStatus::Expired => Err(TokenError::Expired),
        other => Err(TokenError::Closed(other.as_str())),
    }
}

/// Expire pending bookings past their deadline; returns how many lapsed. A
/// booking whose calendar file went out is sent a mail whose file takes the
/// entry out of the citizen's calendar.
pub async fn expire_due(app: &App) -> Result<usize, StoreError> {
    let now = app.clock.now();
    let offices = app.offices().await?;
    let lapse_mail = &|b: &BookingRow| -> Option<NewMail> {
        let office = offices.iter().find(|o| o.id == b.office_id)?;
        let appointment = appointment_of(office, b)?;
        messages::later(Kind::Lapsed, &appointment, &letterhead(app), None, now)
            .map_err(
                |e| tracing::warn!(booking = %b.id, error = %e, "the mail of a lapsed booking"),
            )
            .ok()
    };
    let n = in_chunks(200, |limit| async move {
        Ok(app
            .store
            .expire_due(now.timestamp(), limit, lapse_mail)
            .await?
            .len())
    })
    .await?;
    if n > 0 {
        app.outbox.notify_one();
    }
    Ok(n)
}

/// Bookings whose appointment is over stop counting against their address's cap.
pub async fn retire_ended(app: &App) -> Result<usize, StoreError> {
    let now = app.clock.now().timestamp();
    in_chunks(500, |limit| app.store.retire_ended(now, limit)).await
}

/// Run a sweep of at most `chunk` rows at a time until one finds fewer; how many in all.
pub(crate) async fn in_chunks<F, Fut>(chunk: i64, mut step: F) -> Result<usize, StoreError>
where
    F: FnMut(i64) -> Fut,
    Fut: std::future::Future<Output = Result<usize, StoreError>>,
{
    let mut total = 0;
    loop {
        let n = step(chunk).await?;
        total += n;
        if (n as i64) < chunk {
            return Ok(total);
        }
    }
}

/// Erase name, email and phone of bookings whose appointment ended more than
/// `retention_days` ago (rule 8); counts stay.
pub async fn erase_old_personal_data(app: &App) -> Result<u64, StoreError> {
    retire_ended(app).await?;
    let now = app.clock.now();
    let before = now - Duration::days(i64::from(app.config.retention_days));
    app.store
        .erase_personal_data(before.timestamp(), now.timestamp())
        .await
}

/// A day's bookings of an office, for staff and back-office systems.
pub async fn appointments(
    app: &App,
    office_id: &str,
    date: NaiveDate,
) -> Result<(Office, Vec<BookingRow>), QueryError> {
    let office = app
        .office(office_id)
        .await?
        .ok_or(QueryError::UnknownOffice)?;
    let from = schedule::local_instant(office.timezone, date, Some(chrono::NaiveTime::MIN));
    let to = schedule::local_instant(office.timezone, date, None);
    let rows = app
        .store
        .appointments(&office.id, from.timestamp(), to.timestamp())
        .await?;
    Ok((office, rows))
}

#[derive(Debug, thiserror::Error)]
pub enum MoveError {
    #[error(transparent)]
    Token(#[from] TokenError),
    #[error(transparent)]
    Book(#[from] BookError),
    /// The booking was moved as often as it may be.
    #[error("this booking has been moved {0} times, as often as a booking may be; cancel it and book anew to change it again")]
    TooOften(u32),
}

impl From<anyhow::Error> for MoveError {
    fn from(e: anyhow::Error) -> MoveError {
        MoveError::Book(BookError::Mail(e))
    }
}

impl From<StoreError> for MoveError {
    fn from(e: StoreError) -> MoveError {
        MoveError::Book(BookError::Store(e))
    }
}

/// Move a booking to another start time of the same services. The old place is
/// given back only in the transaction that takes the new one.
pub async fn move_booking(app: &App, token: &str, start: &str) -> Result<Booked, MoveError> {
    let hash = token_hash(token)?;
    for _ in 0..3 {
        let now = app.clock.now();
        let current = get(app, token).await?;
        match current.status(now) {
            BookingStatus::Pending | BookingStatus::Confirmed if current.start() > now => {}
            BookingStatus::Pending | BookingStatus::Confirmed => {
                return Err(TokenError::TooLate.into())
            }
            BookingStatus::Expired => return Err(TokenError::Expired.into()),
            other => return Err(TokenError::Closed(other.as_str()).into()),
        }
        let (office, revision) = app
            .office_at(&current.booking.office_id)
            .await?
            .ok_or(StoreError::NotFound)?;
        let request = BookingRequest {
            office: office.id.clone(),
            services: current
                .booking
                .service_ids()
                .iter()
                .map(|s| s.to_string())
                .collect(),
            persons: u32::try_from(current.booking.persons).unwrap_or(1),
            start: start.to_string(),
            name: current.booking.name.clone().unwrap_or_else(|| "-".into()),
            email: current
                .booking
                .email
                .clone()
                .unwrap_or_else(|| "erased@example.invalid".into()),
            phone: None,
            language: Some(current.booking.language.clone()),
        };
        let c = check(&office, &request, now).map_err(|e| {
            BookError::Invalid(
                e.into_iter()
                    .filter(|f| f.field == "start" || f.field == "services")
                    .collect(),
            )
        })?;
        if c.claim.start == current.start() {
            return Ok(current);
        }
        let mut moved_row = current.booking.clone();
        moved_row.start_at = c.claim.start.timestamp();
        moved_row.end_at = c.claim.end.timestamp();
        let confirmed = current.booking.status == "confirmed";
        let mut mails = mail_for(
            app,
            &office,
            &moved_row,
            Kind::Moved,
            Some(token),
            confirmed,
        )?
        .into_iter();
        let (mail, reminder) = (mails.next(), mails.next());
        match app
            .store
            .move_booking(
                &hash,
                now.timestamp(),
                &c.claim,
                revision,
                i64::from(app.config.max_moves),
                mail.as_ref(),
                reminder.as_ref(),
            )
            .await
        {
            Ok(row) => {
                app.outbox.notify_one();
                return Ok(Booked {
                    booking: row,
                    office,
                    replayed: false,
                });
            }
            Err(StoreError::Conflict(Conflict::StalePlan)) => app.forget_offices(),
            Err(StoreError::Conflict(Conflict::MoveCap)) => {
                return Err(MoveError::TooOften(app.config.max_moves))
            }
            Err(StoreError::Conflict(Conflict::Capacity)) => {
                return Err(BookError::SlotTaken.into())
            }
            Err(StoreError::Conflict(Conflict::Arrivals)) => {
                return Err(BookError::ArrivalsFull.into())
            }
            Err(StoreError::NotFound) => return Err(TokenError::TooLate.into()),
            Err(e) => return Err(e.into()),
        }
    }
    Err(StoreError::Conflict(Conflict::StalePlan).into())
}

/// The booking's calendar file, to download from its page. A pending
/// booking's entry is tentative, and noted as sent: should the booking lapse,
/// a mail takes the entry out again.
pub async fn calendar_file(app: &App, b: &Booked, token: &str) -> Result<String, TokenError> {
    if b.booking.status == "pending" && b.booking.calendar_sent == 0 {
        app.store.calendar_sent(&b.booking.id).await?;
    }
    Ok(calendar_text(app, b, token)?)
}

fn calendar_text(app: &App, b: &Booked, token: &str) -> anyhow::Result<String> {
    let lang = b.language();
    let a = Appointment {
        booking_id: &b.booking.id,
        office: &b.office,
        services: b.service_names(),
        persons: u32::try_from(b.booking.persons).unwrap_or(1),
        start: b.start(),
        end: b.end(),
        created: DateTime::from_timestamp(b.booking.created_at, 0).unwrap_or_default(),
        name: b
            .booking
            .name
            .as_deref()
            .filter(|_| b.booking.address_confirmed == 1),
        email: b.booking.email.as_deref().unwrap_or_default(),
        pending: b.booking.status == "pending",
        language: lang,
        code: b.booking.code.as_deref(),
        notice: None,
    };
    let confirm_by = (b.booking.status == "pending")
        .then(|| {
            b.booking
                .confirm_by
                .and_then(|t| DateTime::from_timestamp(t, 0))
        })
        .flatten();
    messages::calendar_file(&a, &letterhead(app), token, confirm_by, app.clock.now())
}
