//! The citizens' pages: handlers that extract, call one use case and pick a
//! view. What they share is here: the office and wish of a request, the
//! nearest free times when a time is gone.

mod booking;
mod figures;
mod legal;
mod manage;

use axum::routing::{get, post};
use axum::Router;
use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::csrf::Csrf;
use super::form::Fields;
use super::page::{Page, PageError};
use super::AppState;
use crate::booking::{FieldError, Wish};
use crate::domain::{schedule, Office};
use crate::i18n::Texts;
use crate::views::components::wish_fields;
use crate::views::errors::{Gone, Nearest, Problem};

pub use booking::HOLD_COOKIE;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(legal::home))
        .route("/assets/site.css", get(legal::css))
        .route("/privacy", get(legal::privacy))
        .route("/accessibility", get(legal::accessibility))
        .route("/imprint", get(legal::imprint))
        .route("/leichte-sprache", get(legal::easy))
        .route("/o/{office}", get(booking::office_page))
        .route("/o/{office}/days", get(booking::days_page))
        .route("/o/{office}/figures", get(figures::figures))
        .route("/o/{office}/day", get(booking::day_page))
        .route("/o/{office}/hold", post(booking::take_hold))
        .route(
            "/o/{office}/details",
            get(booking::details_page).post(booking::send_details),
        )
        .route("/o/{office}/done", get(booking::done_page))
        .route("/b/{token}", get(manage::manage))
        .route(
            "/b/{token}/confirm",
            get(manage::manage).post(manage::confirm),
        )
        .route("/b/{token}/cancel", post(manage::cancel))
        .route(
            "/b/{token}/move",
            get(manage::move_page).post(manage::move_to),
        )
        .route("/b/{token}/calendar.ics", get(manage::calendar_file))
}

/// The office in the path, or the page that says there is none.
async fn office_of(s: &AppState, id: &str) -> Result<Office, PageError> {
    s.app.office(id).await?.ok_or_else(PageError::not_found)
}

/// The office page again with the mistakes of a wish (422).
fn refusal(
    t: &Texts,
    office: &Office,
    wish: &Wish,
    errors: &[FieldError],
    counter: Option<&str>,
) -> Page {
    // The counter whose form was sent: as the form says, else the one of the first service chosen.
    let sent = counter
        .filter(|c| office.counter(c).is_some())
        .map(str::to_string)
        .or_else(|| {
            wish.services
                .iter()
                .find_map(|id| office.service(id))
                .map(|(c, _)| c.id.clone())
        })
        .or_else(|| office.counters.first().map(|c| c.id.clone()));
    let markup = crate::views::citizen::booking::office(t, office, wish, errors, sent.as_deref());
    Page::new(markup).status(axum::http::StatusCode::UNPROCESSABLE_ENTITY)
}

/// The office and the wish a calendar or day page is for; the office page
/// again, with the mistakes, when the wish does not fit it.
async fn wish_of_office(
    s: &AppState,
    t: &Texts,
    id: &str,
    q: &Fields,
) -> Result<Result<(Office, Wish), Page>, PageError> {
    let office = office_of(s, id).await?;
    let wish = q.wish();
    Ok(match crate::booking::resolve(&office, &wish) {
        Ok(_) => Ok((office, wish)),
        Err(errors) => Err(refusal(t, &office, &wish, &errors, q.get("counter"))),
    })
}

/// The days a calendar page shows: from `from` (or the first bookable day) up to
/// the horizon, at most as many as one availability request may cover; and the
/// last bookable day.
pub fn calendar_range(
    office: &Office,
    now: DateTime<Utc>,
    from: Option<NaiveDate>,
) -> (NaiveDate, NaiveDate, NaiveDate) {
    let (first, last) = schedule::booking_window(office, now);
    let from = from.unwrap_or(first).clamp(first, last.max(first));
    let to = (from + Duration::days(crate::booking::MAX_RANGE_DAYS - 1)).min(last);
    (from, to.max(from), last)
}

/// A time is gone: the page with the free times nearest to it, a form to
/// `action` (409 when it was taken, 410 when the hold ran out).
#[allow(clippy::too_many_arguments)]
async fn nearest(
    s: &AppState,
    office: &Office,
    wish: &Wish,
    around: DateTime<Utc>,
    why: Gone,
    action: String,
    back: String,
    csrf: Csrf,
) -> PageError {
    let slots = crate::hold::nearest(&s.app, &office.id, wish, around, 8)
        .await
        .unwrap_or_default();
    let hidden = match why {
        Gone::MoveTaken => crate::views::components::csrf_field(&csrf.token),
        _ => wish_fields(wish, &csrf.token),
    };
    let status = match why {
        Gone::RanOut(_) => axum::http::StatusCode::GONE,
        _ => axum::http::StatusCode::CONFLICT,
    };
    let problem = Problem::Gone(Box::new(Nearest {
        why,
        office: office.clone(),
        slots,
        action,
        hidden,
        back,
    }));
    PageError::new(status, problem).csrf(s, csrf)
}
