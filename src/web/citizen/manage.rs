//! The pages behind the link in a booking's mail: see, confirm, cancel, move,
//! calendar file. Opening a link changes nothing (mail scanners open links);
//! a button does.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, NaiveDate, Utc};

use crate::booking::{self, BookError, Booked, MoveError, TokenError, Wish};
use crate::domain::BookingStatus;
use crate::i18n::Texts;
use crate::paths;
use crate::views::citizen::manage as view;
use crate::views::errors::{Gone, Problem};
use crate::web::csrf::Csrf;
use crate::web::form::{FormFields, QueryFields};
use crate::web::lang::PageLang;
use crate::web::page::{Page, PageError};
use crate::web::AppState;

/// The booking behind a token, and the texts of its language unless the
/// visitor chose another.
async fn booking_of(s: &AppState, token: &str, l: PageLang) -> Result<(Booked, Texts), PageError> {
    let b = booking::get(&s.app, token).await?;
    let lang = if l.chosen { l.lang } else { b.language() };
    Ok((b, s.app.texts(lang)))
}

/// Why a booking can no longer be moved or put in a calendar, if it cannot.
fn unchangeable(b: &Booked, now: DateTime<Utc>) -> Option<TokenError> {
    match b.status(now) {
        BookingStatus::Pending | BookingStatus::Confirmed if b.start() > now => None,
        BookingStatus::Pending | BookingStatus::Confirmed => Some(TokenError::TooLate),
        BookingStatus::Expired => Some(TokenError::Expired),
        other => Some(TokenError::Closed(other.as_str())),
    }
}

fn wish_of(b: &Booked) -> Wish {
    Wish::stored(&b.booking.service_ids(), b.booking.persons)
}

pub async fn manage(
    State(s): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    l: PageLang,
) -> Result<Page, PageError> {
    let (b, t) = booking_of(&s, &token, l).await?;
    let now = s.app.clock.now();
    let status = b.status(now);
    let open =
        matches!(status, BookingStatus::Pending | BookingStatus::Confirmed) && b.start() > now;
    let csrf = Csrf::of(&headers);
    let markup = view::manage(&t, &b, status, open, &token, &csrf.token);
    Ok(Page::new(markup).csrf(&s, csrf))
}

pub async fn confirm(
    State(s): State<AppState>,
    Path(token): Path<String>,
) -> Result<Redirect, PageError> {
    booking::confirm(&s.app, &token).await?;
    Ok(Redirect::to(&paths::booking(&token)))
}

pub async fn cancel(
    State(s): State<AppState>,
    Path(token): Path<String>,
) -> Result<Redirect, PageError> {
    booking::cancel(&s.app, &token).await?;
    Ok(Redirect::to(&paths::booking(&token)))
}

/// A day to move to that cannot be shown.
fn day_refused(e: booking::QueryError, token: &str) -> PageError {
    match e {
        booking::QueryError::Store(e) => PageError::from(e),
        _ => {
            let problem = Problem::MoveDayNotBookable {
                token: token.to_string(),
            };
            PageError::new(StatusCode::UNPROCESSABLE_ENTITY, problem)
        }
    }
}

/// Moving: a calendar of days, then a day's times; choosing one moves the booking.
pub async fn move_page(
    State(s): State<AppState>,
    Path(token): Path<String>,
    QueryFields(q): QueryFields,
    headers: HeaderMap,
    l: PageLang,
) -> Result<Page, PageError> {
    let (b, t) = booking_of(&s, &token, l).await?;
    let now = s.app.clock.now();
    if let Some(why) = unchangeable(&b, now) {
        return Err(PageError::from(why).in_language(t.lang));
    }
    let date = q
        .get("date")
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let (from, to, _) = match date {
        Some(d) => (d, d, d),
        None => super::calendar_range(&b.office, now, None),
    };
    let a = booking::availability(&s.app, &b.office.id, &wish_of(&b), Some(from), Some(to))
        .await
        .map_err(|e| day_refused(e, &token).in_language(t.lang))?;
    let csrf = Csrf::of(&headers);
    let markup = match date {
        None => view::move_calendar(&t, &b, &a.days, from, to, &token),
        Some(d) => {
            let slots: Vec<_> = a
                .days
                .iter()
                .flat_map(|d| d.slots.iter().copied())
                .collect();
            view::move_day(&t, &b, d, &slots, &token, &csrf.token)
        }
    };
    Ok(Page::new(markup).csrf(&s, csrf))
}

pub async fn move_to(
    State(s): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    l: PageLang,
    FormFields(f): FormFields,
) -> Result<Redirect, PageError> {
    let (b, t) = booking_of(&s, &token, l).await?;
    let start = f.get("start").unwrap_or_default();
    let refused = |status, problem| Err(PageError::new(status, problem).in_language(t.lang));
    match booking::move_booking(&s.app, &token, start).await {
        Ok(_) => Ok(Redirect::to(&paths::booking(&token))),
        Err(MoveError::Book(BookError::SlotTaken | BookError::ArrivalsFull)) => {
            let around = DateTime::parse_from_rfc3339(start)
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_else(|_| b.start());
            let here = paths::moving(&token);
            let (wish, csrf) = (wish_of(&b), Csrf::of(&headers));
            let gone = super::nearest(
                &s,
                &b.office,
                &wish,
                around,
                Gone::MoveTaken,
                here.clone(),
                here,
                csrf,
            );
            Err(gone.await.in_language(t.lang))
        }
        Err(MoveError::Book(BookError::Invalid(_))) => refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            Problem::MoveTimeNotBookable { token },
        ),
        Err(MoveError::TooOften(moves)) => refused(
            StatusCode::CONFLICT,
            Problem::MovedTooOften { moves, token },
        ),
        Err(e) => Err(PageError::from(e).in_language(t.lang)),
    }
}

pub async fn calendar_file(
    State(s): State<AppState>,
    Path(token): Path<String>,
    l: PageLang,
) -> Result<Response, PageError> {
    let (b, t) = booking_of(&s, &token, l).await?;
    if let Some(why) = unchangeable(&b, s.app.clock.now()) {
        return Err(PageError::from(why).in_language(t.lang));
    }
    let ics = booking::calendar_file(&s.app, &b, &token)
        .await
        .map_err(|e| PageError::from(e).in_language(t.lang))?;
    let headers = [
        (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
        (
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"termin.ics\"",
        ),
    ];
    Ok((headers, ics).into_response())
}
