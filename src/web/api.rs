//! The JSON API, `/api/v1`: handlers that extract, call one use case and shape the answer.

use axum::extract::{FromRequest, Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};

use super::error::AppError;
use super::AppState;
use crate::booking::{self, Booked, BookingRequest, FieldError, Mistake, Wish};
use crate::domain::{Language, Office};
use crate::secret;
use crate::store::{BookingRow, StoreError};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(super::openapi::document))
        .route("/api/v1/offices", get(offices))
        .route("/api/v1/offices/{office}/availability", get(availability))
        .route("/api/v1/offices/{office}/appointments", get(appointments))
        .route("/api/v1/bookings", post(create))
        .route("/api/v1/bookings/confirm", post(confirm))
        .route("/api/v1/bookings/{token}", get(read).delete(cancel))
        .route("/api/v1/bookings/{token}/move", post(move_to))
        .fallback(not_found)
}

async fn not_found() -> AppError {
    AppError::NotFound("there is nothing at this address".into())
}

/// `Json` whose rejections are our JSON errors.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let Json(value) = Json::<T>::from_request(req, state).await?;
        Ok(Body(value))
    }
}

fn rfc3339(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).to_rfc3339()
}

fn office_json(o: &Office) -> Value {
    json!({
        "id": o.id,
        "name": o.name,
        "address": o.address,
        "timezone": o.timezone.name(),
        "state": o.state.code(),
        "min_notice_minutes": o.min_notice_minutes,
        "horizon_days": o.horizon_days,
        "confirm_within_minutes": o.confirm_within_minutes,
        "arrivals": o.arrivals.map(|a| json!({"per_minutes": a.per_minutes, "max": a.max})),
        "counters": o.counters.iter().map(|c| json!({
            "id": c.id,
            "name": c.name,
            "grid_minutes": c.grid_minutes,
            "services": c.services.iter().map(|s| json!({
                "id": s.id,
                "name": s.name,
                "minutes": s.minutes,
                "max_persons": s.max_persons,
                "bring": s.bring,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

async fn offices(State(s): State<AppState>) -> Result<Json<Value>, AppError> {
    let offices = s.app.offices().await?;
    Ok(Json(
        json!({ "offices": offices.iter().map(office_json).collect::<Vec<_>>() }),
    ))
}

#[derive(Deserialize)]
struct AvailabilityParams {
    services: Option<String>,
    persons: Option<String>,
    from: Option<String>,
    to: Option<String>,
    format: Option<String>,
}

/// How an availability answer is shaped: every slot as an object (`full`, the
/// default), or per day the start times and places left as parallel lists
/// (`compact`, about a fifth of the bytes, for clients that draw a calendar).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Full,
    Compact,
}

fn parse_date(field: &str, s: Option<&str>, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let s = s?.trim();
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10);
    if d.is_none() {
        errors.push(FieldError {
            field: field.into(),
            message: format!("{s:?} is not a date of the form YYYY-MM-DD"),
            mistake: Mistake::Other,
        });
    }
    d
}

/// The wish and the days of an availability query, or every mistake in it.
fn availability_query(p: AvailabilityParams) -> Result<AvailabilityQuery, AppError> {
    let mut errors = Vec::new();
    let shape = match p.format.as_deref().map(str::trim) {
        None | Some("" | "full") => Shape::Full,
        Some("compact") => Shape::Compact,
        Some(other) => {
            errors.push(FieldError {
                field: "format".into(),
                message: format!("{other:?} is not a format; use full or compact"),
                mistake: Mistake::Other,
            });
            Shape::Full
        }
    };
    let services: Vec<String> = p
        .services
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let persons = match p.persons.as_deref().map(str::trim) {
        None | Some("") => 1,
        Some(n) => n.parse().unwrap_or_else(|_| {
            errors.push(FieldError {
                field: "persons".into(),
                message: format!("{n:?} is not a whole number of persons"),
                mistake: Mistake::Other,
            });
            1
        }),
    };
    let from = parse_date("from", p.from.as_deref(), &mut errors);
    let to = parse_date("to", p.to.as_deref(), &mut errors);
    if !errors.is_empty() {
        return Err(AppError::Invalid("the query has mistakes".into(), errors));
    }
    Ok((Wish { services, persons }, from, to, shape))
}

type AvailabilityQuery = (Wish, Option<NaiveDate>, Option<NaiveDate>, Shape);

async fn availability(
    State(s): State<AppState>,
    Path(office): Path<String>,
    params: Result<Query<AvailabilityParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<AvailabilityAnswer>, AppError> {
    let Query(p) = params?;
    let (wish, from, to, shape) = availability_query(p)?;
    let a = booking::availability(&s.app, &office, &wish, from, to).await?;
    let tz = a.office.timezone;
    Ok(Json(AvailabilityAnswer {
        counter: a.counter_id,
        days: a
            .days
            .iter()
            .map(|d| match shape {
                Shape::Full => full_day(d, tz),
                Shape::Compact => compact_day(d, tz),
            })
            .collect(),
        format: (shape == Shape::Compact).then_some("compact"),
        minutes: a.need.minutes,
        office: a.office.id,
        persons: a.need.persons,
        services: wish.services,
    }))
}

/// The availability answer, written as structs rather than a tree of JSON
/// values: a month has about a thousand slots, and a map per slot cost about a
/// third of the answer's CPU. Keys in alphabetical order, as `json!` gives them.
#[derive(serde::Serialize)]
struct AvailabilityAnswer {
    counter: String,
    days: Vec<DayAnswer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    minutes: u32,
    office: String,
    persons: u32,
    services: Vec<String>,
}

#[derive(serde::Serialize)]
#[serde(untagged)]
enum DayAnswer {
    Full {
        date: String,
        slots: Vec<FullSlot>,
    },
    Compact {
        date: String,
        left: Vec<u32>,
        quiet: Vec<usize>,
        times: Vec<String>,
    },
}

#[derive(serde::Serialize)]
struct FullSlot {
    end: String,
    left: u32,
    quiet: bool,
    start: String,
}

fn full_day(d: &crate::domain::schedule::Day, tz: Tz) -> DayAnswer {
    DayAnswer::Full {
        date: d.date.to_string(),
        slots: d
            .slots
            .iter()
            .map(|slot| FullSlot {
                end: rfc3339(slot.end, tz),
                left: slot.left,
                quiet: slot.quiet,
                start: rfc3339(slot.start, tz),
            })
            .collect(),
    }
}

/// One day as parallel lists: `times` the local start with its UTC offset
/// (`09:30+01:00`; the offset tells the two 02:30 of a DST night apart), `left`
/// the places, `quiet` the positions of the quiet times. A slot ends `minutes`
/// after it starts.
fn compact_day(d: &crate::domain::schedule::Day, tz: Tz) -> DayAnswer {
    DayAnswer::Compact {
        date: d.date.to_string(),
        left: d.slots.iter().map(|slot| slot.left).collect(),
        quiet: d
            .slots
            .iter()
            .enumerate()
            .filter(|(_, slot)| slot.quiet)
            .map(|(i, _)| i)
            .collect(),
        times: d
            .slots
            .iter()
            .map(|slot| slot.start.with_timezone(&tz).format("%H:%M%:z").to_string())
            .collect(),
    }
}

/// The public view of a booking: what the creator of a booking may see.
fn booking_json(b: &Booked, now: DateTime<Utc>, personal: bool) -> Value {
    let tz = b.office.timezone;
    let row = &b.booking;
    let mut v = json!({
        "id": row.id,
        "status": b.status(now).as_str(),
        "office": row.office_id,
        "counter": row.counter_id,
        "services": row.service_ids(),
        "persons": row.persons,
        "start": rfc3339(b.start(), tz),
        "end": rfc3339(b.end(), tz),
    });
    if let Some(deadline) = row.confirm_by.filter(|_| row.status == "pending") {
        v["confirm_by"] = json!(rfc3339(
            DateTime::from_timestamp(deadline, 0).unwrap_or_default(),
            tz
        ));
    }
    if personal {
        // The code that checks the booking in at the office (never the manage token).
        v["code"] = json!(row.code);
        v["name"] = json!(row.name);
        v["email"] = json!(row.email);
        v["phone"] = json!(row.phone);
        v["language"] = json!(row.language);
        v["address"] = json!(b.office.address);
        v["service_names"] = json!(b.service_names());
    }
    v
}

const MAX_IDEMPOTENCY_KEY: usize = 200;

async fn create(
    State(s): State<AppState>,
    headers: HeaderMap,
    Body(req): Body<BookingRequest>,
) -> Result<Response, AppError> {
    let key = match headers.get("idempotency-key") {
        None => None,
        Some(v) => {
            let k = v.to_str().ok().map(str::trim).filter(|k| {
                !k.is_empty()
                    && k.len() <= MAX_IDEMPOTENCY_KEY
                    && k.bytes().all(|b| b.is_ascii_graphic())
            });
            Some(k.ok_or_else(|| {
                AppError::BadRequest(format!(
                    "Idempotency-Key must be 1 to {MAX_IDEMPOTENCY_KEY} visible ASCII characters"
                ))
            })?)
        }
    };
    let booked = booking::book(&s.app, &req, key).await?;
    let status = if booked.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let body = booking_json(&booked, s.app.clock.now(), false);
    let mut response = (status, Json(body)).into_response();
    if booked.replayed {
        response.headers_mut().insert(
            "idempotent-replayed",
            header::HeaderValue::from_static("true"),
        );
    }
    Ok(response)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenBody {
    token: String,
}

async fn confirm(
    State(s): State<AppState>,
    Body(body): Body<TokenBody>,
) -> Result<Json<Value>, AppError> {
    let booked = booking::confirm(&s.app, body.token.trim()).await?;
    Ok(Json(booking_json(&booked, s.app.clock.now(), true)))
}

async fn read(
    State(s): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<Value>, AppError> {
    let booked = booking::get(&s.app, &token).await?;
    Ok(Json(booking_json(&booked, s.app.clock.now(), true)))
}

async fn cancel(
    State(s): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<Value>, AppError> {
    let booked = booking::cancel(&s.app, &token).await?;
    Ok(Json(booking_json(&booked, s.app.clock.now(), true)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MoveBody {
    start: String,
}

async fn move_to(
    State(s): State<AppState>,
    Path(token): Path<String>,
    Body(body): Body<MoveBody>,
) -> Result<Json<Value>, AppError> {
    let booked = booking::move_booking(&s.app, &token, &body.start).await?;
    Ok(Json(booking_json(&booked, s.app.clock.now(), true)))
}

#[derive(Deserialize)]
struct DateParam {
    date: Option<String>,
}

async fn appointments(
    State(s): State<AppState>,
    Path(office): Path<String>,
    headers: HeaderMap,
    params: Result<Query<DateParam>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, AppError> {
    reader_key(&s, &headers, &office).await?;
    let Query(p) = params?;
    let mut errors = Vec::new();
    let date = parse_date("date", p.date.as_deref(), &mut errors);
    if p.date.is_none() {
        errors.push(FieldError {
            field: "date".into(),
            message: "give the day as date=YYYY-MM-DD".into(),
            mistake: Mistake::Other,
        });
    }
    let Some(date) = date.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid("the query has mistakes".into(), errors));
    };
    let (office, rows) = booking::appointments(&s.app, &office, date).await?;
    let tz = office.timezone;
    let list: Vec<Value> = rows
        .iter()
        .map(|r| appointment_json(r, &office, tz))
        .collect();
    if super::api_stats::wants_csv(&headers) {
        let name = format!("appointments-{}-{date}.csv", office.id);
        return Ok(super::api_stats::csv_response(
            &name,
            appointments_csv(&list),
        ));
    }
    Ok(
        Json(json!({ "office": office.id, "date": date.to_string(), "appointments": list }))
            .into_response(),
    )
}

/// The API key of the request, if it is known and may read `office`'s day.
async fn reader_key(s: &AppState, headers: &HeaderMap, office: &str) -> Result<(), AppError> {
    let key = bearer(headers).ok_or_else(|| {
        AppError::Unauthorized("send an API key as Authorization: Bearer …".into())
    })?;
    let api_key = match s.app.store.api_key(&secret::hash(key)).await {
        Ok(k) => k,
        Err(StoreError::NotFound) => {
            return Err(AppError::Unauthorized("this API key is not known".into()))
        }
        Err(e) => return Err(e.into()),
    };
    if api_key.office_id.as_deref().is_some_and(|o| o != office) {
        return Err(AppError::NotFound(
            "there is no such office for this API key".into(),
        ));
    }
    Ok(())
}

/// The day's appointments as CSV (RFC 4180), the columns of the JSON.
fn appointments_csv(list: &[Value]) -> String {
    const COLUMNS: [&str; 12] = [
        "id",
        "status",
        "counter",
        "services",
        "service_names",
        "persons",
        "start",
        "end",
        "name",
        "email",
        "phone",
        "language",
    ];
    let mut out = COLUMNS.join(",") + "\r\n";
    for a in list {
        let line: Vec<String> = COLUMNS
            .iter()
            .map(|c| match &a[*c] {
                Value::Null => String::new(),
                Value::String(s) => csv_field(s),
                Value::Array(items) => csv_field(
                    &items
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                other => other.to_string(),
            })
            .collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A CSV field: quoted when it must be, and never read as a formula by a
/// spreadsheet (a leading `=`, `+`, `-`, `@` gets an apostrophe before it).
pub fn csv_field(s: &str) -> String {
    let s = match s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        true => format!("'{s}"),
        false => s.to_string(),
    };
    match s.contains([',', '"', '\r', '\n']) {
        true => format!("\"{}\"", s.replace('"', "\"\"")),
        false => s,
    }
}

/// The token of an `Authorization: Bearer …` header; the scheme's name in any
/// case (RFC 7235 § 2.1).
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

fn appointment_json(r: &BookingRow, office: &Office, tz: Tz) -> Value {
    let names: Vec<&str> = r
        .service_ids()
        .iter()
        .map(|id| {
            office
                .service(id)
                .map_or(*id, |(_, s)| s.name.get(Language::De))
        })
        .collect();
    json!({
        "id": r.id,
        "status": r.status,
        "counter": r.counter_id,
        "services": r.service_ids(),
        "service_names": names,
        "persons": r.persons,
        "start": rfc3339(DateTime::from_timestamp(r.start_at, 0).unwrap_or_default(), tz),
        "end": rfc3339(DateTime::from_timestamp(r.end_at, 0).unwrap_or_default(), tz),
        "name": r.name,
        "email": r.email,
        "phone": r.phone,
        "language": r.language,
    })
}

#[cfg(test)]
mod csv_tests {
    use super::csv_field;

    #[test]
    fn csv_fields_are_quoted_when_needed_and_never_formulas() {
        assert_eq!(csv_field("Anna"), "Anna");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_field("+49 381 1"), "'+49 381 1");
    }
}
