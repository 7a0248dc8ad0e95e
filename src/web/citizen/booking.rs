//! The booking flow: office → services and persons → a calendar of bookable
//! days → that day's times → a hold and the form → "check your email", or the
//! booking when the office needs no confirmation.
//!
//! Everything works without JavaScript: links and plain forms. The pages share
//! the use cases of the JSON API (`booking`, `hold`), not the API itself.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use chrono::{DateTime, NaiveDate, Utc};

use super::{office_of, refusal, wish_of_office};
use crate::booking::{self, BookError, FieldError, Mistake, QueryError, Wish};
use crate::hold::{self, HoldError};
use crate::i18n::Texts;
use crate::paths;
use crate::views::citizen::booking as view;
use crate::views::citizen::booking::Entered;
use crate::views::components;
use crate::views::errors::{Gone, Problem};
use crate::web::csrf::{self, Csrf};
use crate::web::form::{FormFields, QueryFields};
use crate::web::page::{Page, PageError};
use crate::web::ratelimit::ClientIp;
use crate::web::AppState;

pub const HOLD_COOKIE: &str = "hold";

pub async fn office_page(
    State(s): State<AppState>,
    Path(id): Path<String>,
    t: Texts,
) -> Result<Page, PageError> {
    let office = office_of(&s, &id).await?;
    let wish = Wish {
        services: vec![],
        persons: 1,
    };
    Ok(Page::new(view::office(&t, &office, &wish, &[], None)))
}

fn parse_date(s: Option<&str>) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s?.trim(), "%Y-%m-%d").ok()
}

/// Mistakes in the days asked for, as a page with a way back to `back`.
fn days_refused(t: &Texts, e: QueryError, back: String) -> PageError {
    match e {
        QueryError::UnknownOffice => PageError::not_found(),
        QueryError::Invalid(fields) => PageError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            Problem::DaysNotBookable {
                mistakes: fields.iter().map(|f| components::mistake(t, f)).collect(),
                back,
            },
        ),
        QueryError::Store(e) => e.into(),
    }
}

pub async fn days_page(
    State(s): State<AppState>,
    Path(id): Path<String>,
    QueryFields(q): QueryFields,
    t: Texts,
) -> Result<Response, PageError> {
    let (office, wish) = match wish_of_office(&s, &t, &id, &q).await? {
        Ok(found) => found,
        Err(page) => return Ok(page.into_response()),
    };
    let range = super::calendar_range(&office, s.app.clock.now(), parse_date(q.get("from")));
    let a = booking::availability(&s.app, &office.id, &wish, Some(range.0), Some(range.1))
        .await
        .map_err(|e| days_refused(&t, e, paths::days(&office.id, &wish)))?;
    // The language switch keeps the days shown.
    let here = match q.get("from").and(parse_date(q.get("from"))) {
        Some(d) => paths::days_from(&office.id, &wish, d),
        None => paths::days(&office.id, &wish),
    };
    let markup = view::days(&t, &office, &wish, a.need.minutes, &a.days, range, &here);
    Ok(Page::new(markup).into_response())
}

pub async fn day_page(
    State(s): State<AppState>,
    Path(id): Path<String>,
    QueryFields(q): QueryFields,
    headers: HeaderMap,
    t: Texts,
) -> Result<Response, PageError> {
    let (office, wish) = match wish_of_office(&s, &t, &id, &q).await? {
        Ok(found) => found,
        Err(page) => return Ok(page.into_response()),
    };
    let calendar = paths::days(&office.id, &wish);
    let Some(date) = parse_date(q.get("date")) else {
        let problem = Problem::NotADate { back: calendar };
        return Err(PageError::new(StatusCode::UNPROCESSABLE_ENTITY, problem));
    };
    let a = booking::availability(&s.app, &office.id, &wish, Some(date), Some(date))
        .await
        .map_err(|e| days_refused(&t, e, calendar))?;
    let slots: Vec<_> = a
        .days
        .iter()
        .flat_map(|d| d.slots.iter().copied())
        .collect();
    let csrf = Csrf::of(&headers);
    let markup = view::day(
        &t,
        &office,
        &wish,
        a.need.minutes,
        date,
        &slots,
        &csrf.token,
    );
    Ok(Page::new(markup).csrf(&s, csrf).into_response())
}

/// The hold of the visitor's browser at the office in the path, by its form
/// token and its `hold` cookie.
async fn held(
    s: &AppState,
    headers: &HeaderMap,
    office: &str,
) -> Result<Option<hold::Held>, PageError> {
    let found = hold::find(
        &s.app,
        csrf::cookie(headers, HOLD_COOKIE),
        csrf::cookie(headers, csrf::COOKIE),
    )
    .await?;
    Ok(found.filter(|h| h.office.id == office))
}

fn no_hold(office: &str) -> PageError {
    let problem = Problem::NoHold {
        office: office.to_string(),
    };
    PageError::new(StatusCode::GONE, problem)
}

/// Why a hold was refused, as a page (but for a time that was taken, whose
/// page offers the nearest free times).
fn hold_refused(t: &Texts, office: &crate::domain::Office, wish: &Wish, e: HoldError) -> Response {
    let back = paths::days(&office.id, wish);
    let wait = u64::from(office.hold_minutes) * 60;
    let page = |status, problem| PageError::new(status, problem);
    let error = match e {
        HoldError::TooMany(minutes) => {
            let hold_minutes = office.hold_minutes;
            let problem = Problem::HoldCap {
                minutes,
                hold_minutes,
                back,
            };
            page(StatusCode::TOO_MANY_REQUESTS, problem).retry_after(wait)
        }
        HoldError::TooManyToday => page(
            StatusCode::TOO_MANY_REQUESTS,
            Problem::HoldCapToday { back },
        )
        .retry_after(wait),
        HoldError::Slowed(seconds) => page(
            StatusCode::TOO_MANY_REQUESTS,
            Problem::Slowed { seconds, back },
        )
        .retry_after(seconds),
        HoldError::DayShare => page(StatusCode::CONFLICT, Problem::DayShare { back }),
        HoldError::TooLong => page(StatusCode::CONFLICT, Problem::TooLong { back }),
        HoldError::Invalid(fields) if fields.iter().any(|f| f.field != "start") => {
            return refusal(t, office, wish, &fields, None).into_response();
        }
        HoldError::Invalid(_) => page(
            StatusCode::UNPROCESSABLE_ENTITY,
            Problem::TimeNotBookable { back },
        ),
        HoldError::UnknownOffice => PageError::not_found(),
        HoldError::Store(e) => e.into(),
        HoldError::SlotTaken | HoldError::ArrivalsFull => PageError::failed(e),
    };
    error.into_response()
}

pub async fn take_hold(
    State(s): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Extension(ClientIp(ip)): Extension<ClientIp>,
    t: Texts,
    FormFields(f): FormFields,
) -> Result<Response, PageError> {
    let office = office_of(&s, &id).await?;
    let wish = f.wish();
    let start = f.get("start").unwrap_or_default();
    let form_token = csrf::cookie(&headers, csrf::COOKIE).unwrap_or_default();
    match hold::take(&s.app, &office.id, &wish, start, ip, form_token).await {
        Ok((token, held)) => {
            let mut r = Redirect::to(&paths::details(&held.office.id)).into_response();
            // A session cookie: it goes when the browser is closed, and the
            // stored hold it names lasts the hold and the confirmation page.
            csrf::set_cookie(&mut r, HOLD_COOKIE, &token, None, s.secure_cookies());
            Ok(r)
        }
        Err(e @ (HoldError::SlotTaken | HoldError::ArrivalsFull)) => {
            let why = match e {
                HoldError::ArrivalsFull => Gone::ArrivalsFull,
                _ => Gone::Taken,
            };
            let around = DateTime::parse_from_rfc3339(start)
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_else(|_| s.app.clock.now());
            let (action, back) = (paths::hold(&office.id), paths::days(&office.id, &wish));
            let csrf = Csrf::of(&headers);
            Err(super::nearest(&s, &office, &wish, around, why, action, back, csrf).await)
        }
        Err(e) => Ok(hold_refused(&t, &office, &wish, e)),
    }
}

/// The hold ran out before the form was sent: choose again, nearby.
async fn hold_ran_out(s: &AppState, h: &hold::Held, csrf: Csrf) -> PageError {
    let wish = h.wish();
    let why = Gone::RanOut(h.office.hold_minutes);
    let back = paths::days(&h.office.id, &wish);
    let action = paths::hold(&h.office.id);
    super::nearest(s, &h.office, &wish, h.start(), why, action, back, csrf).await
}

pub async fn details_page(
    State(s): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    t: Texts,
) -> Result<Response, PageError> {
    let csrf = Csrf::of(&headers);
    let h = held(&s, &headers, &id).await?.ok_or_else(|| no_hold(&id))?;
    if h.hold.booking_id.is_some() {
        return Ok(Redirect::to(&paths::done(&h.office.id)).into_response());
    }
    if !h.is_open(s.app.clock.now()) {
        return Err(hold_ran_out(&s, &h, csrf).await);
    }
    let markup = view::details(&t, &h, &Entered::default(), &[], &csrf.token);
    Ok(Page::new(markup).csrf(&s, csrf).into_response())
}

/// The form's fields, and the mistakes in them that need no database to see.
fn entered(f: &crate::web::form::Fields) -> (Entered, Vec<FieldError>) {
    let entered = Entered {
        name: f.get("name").unwrap_or_default().to_string(),
        email: f.get("email").unwrap_or_default().to_string(),
        phone: f.get("phone").unwrap_or_default().to_string(),
        consent: f.get("consent") == Some("yes"),
    };
    let mut errors = booking::check_person(&entered.name, &entered.email, Some(&entered.phone))
        .err()
        .unwrap_or_default();
    if !entered.consent {
        errors.push(booking::field(
            "consent",
            Mistake::Consent,
            "confirm that you have read the privacy notice",
        ));
    }
    if f.get("website").is_some_and(|w| !w.is_empty()) {
        errors.push(booking::field(
            "website",
            Mistake::Honeypot,
            "must stay empty",
        ));
    }
    (entered, errors)
}

pub async fn send_details(
    State(s): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    t: Texts,
    FormFields(f): FormFields,
) -> Result<Response, PageError> {
    let csrf = Csrf::of(&headers);
    let h = held(&s, &headers, &id).await?.ok_or_else(|| no_hold(&id))?;
    let done = Redirect::to(&paths::done(&h.office.id)).into_response();
    if h.hold.booking_id.is_some() {
        return Ok(done);
    }
    if !h.is_open(s.app.clock.now()) {
        return Err(hold_ran_out(&s, &h, csrf).await);
    }
    let (entered, errors) = entered(&f);
    match book(&s, &h, &entered, errors, &t, &csrf.token).await? {
        Sent::Booked => Ok(done),
        Sent::RanOut => Err(hold_ran_out(&s, &h, csrf).await),
        Sent::Mistakes(status, errors) => {
            // The same form again, with the mistakes at their fields.
            let markup = view::details(&t, &h, &entered, &errors, &csrf.token);
            Ok(Page::new(markup)
                .status(status)
                .csrf(&s, csrf)
                .into_response())
        }
    }
}

/// What came of sending the form.
enum Sent {
    Booked,
    RanOut,
    Mistakes(StatusCode, Vec<FieldError>),
}

/// Book the held time with the form's fields, unless they have mistakes.
async fn book(
    s: &AppState,
    h: &hold::Held,
    entered: &Entered,
    errors: Vec<FieldError>,
    t: &Texts,
    form_token: &str,
) -> Result<Sent, PageError> {
    if !errors.is_empty() {
        return Ok(Sent::Mistakes(StatusCode::UNPROCESSABLE_ENTITY, errors));
    }
    let phone = Some(entered.phone.as_str());
    Ok(
        match hold::book(&s.app, h, &entered.name, &entered.email, phone, t.lang).await {
            Ok(_) => Sent::Booked,
            // Sent twice: the first went through.
            Err(BookError::HoldGone) => match hold::find(&s.app, None, Some(form_token)).await? {
                Some(first) if first.hold.booking_id.is_some() => Sent::Booked,
                _ => Sent::RanOut,
            },
            Err(BookError::EmailCap(n)) => {
                let message = format!("{n} bookings to come at this office");
                let e = booking::field("email", Mistake::EmailCap(n), message);
                Sent::Mistakes(StatusCode::CONFLICT, vec![e])
            }
            Err(BookError::Invalid(errors)) => {
                Sent::Mistakes(StatusCode::UNPROCESSABLE_ENTITY, errors)
            }
            Err(e) => return Err(PageError::failed(e)),
        },
    )
}

pub async fn done_page(
    State(s): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    t: Texts,
) -> Result<Page, PageError> {
    let h = held(&s, &headers, &id).await?.ok_or_else(|| no_hold(&id))?;
    let b = hold::booked(&s.app, &h)
        .await?
        .ok_or_else(|| no_hold(&id))?;
    let status = b.status(s.app.clock.now());
    Ok(Page::new(view::done(&t, &b, status)))
}
