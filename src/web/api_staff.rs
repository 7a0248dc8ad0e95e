//! The staff side's JSON API: check-in, walk-in tickets, call next, ticket actions, the
//! queue, the waiting-room display, alerts and the audit log.
//!
//! Callers are API keys with a role, kiosks or staff sessions, all as `Authorization:
//! Bearer …`, or a staff session's cookie once the staff pages set one ([`session_cookie`]).
//! The [`StaffAuth`] extractor resolves whichever was sent; each use case checks the role
//! and the office itself. Answers are never cached: the call answer names the person.

use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
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
use crate::booking::{FieldError, Mistake, Wish};
use crate::domain::schedule;
use crate::domain::{Action, Language, Office};
use crate::queue::{self, ActionInput, Issued, QueueError};
use crate::staff::{self, AccessError, Staff};
use crate::store::{AlertRow, BookingRow, TicketRow};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/offices/{office}/checkins", post(check_in))
        .route("/api/v1/offices/{office}/walkins", post(walk_in))
        .route("/api/v1/offices/{office}/desks/{desk}/call", post(call))
        .route(
            "/api/v1/offices/{office}/desks/{desk}/alert",
            post(raise_alert),
        )
        .route(
            "/api/v1/offices/{office}/tickets/{ticket}/{action}",
            post(act),
        )
        .route("/api/v1/offices/{office}/queue", get(queues))
        .route("/api/v1/offices/{office}/display", get(display))
        .route("/api/v1/offices/{office}/alerts", get(alerts))
        .route(
            "/api/v1/offices/{office}/alerts/{alert}/coming",
            post(answer_alert),
        )
        .route("/api/v1/offices/{office}/audit", get(audit))
        .layer(axum::middleware::map_response(no_store))
}

/// Whether a POST goes to this API: it is counted by the rate limit for
/// reading, not the one for booking (a call system calls more often than a
/// citizen books).
pub fn is_staff_post(path: &str) -> bool {
    path.starts_with("/api/v1/offices/")
}

async fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The name of the staff session cookie the staff pages set at login
/// (`web::staff`); `__Host-` is its prefix over HTTPS.
pub const SESSION_COOKIE: &str = "termin_staff";

/// The staff session token of a request's cookie, if it carries one; the
/// token is checked by [`staff::session`] like one sent as a bearer token.
/// Over HTTPS (`secure`) only the `__Host-` cookie counts: one without the
/// prefix may have been set by another host of the domain or over plain
/// HTTP (cookie tossing), to sign a clerk into someone else's session.
pub fn session_cookie(headers: &HeaderMap, secure: bool) -> Option<String> {
    let name = match secure {
        true => format!("__Host-{SESSION_COOKIE}"),
        false => SESSION_COOKIE.to_string(),
    };
    super::csrf::cookie(headers, &name).map(|v| v.trim().to_string())
}

/// Whoever calls: an API key, a kiosk or a staff session (by bearer token or cookie).
pub struct StaffAuth(pub Staff);

impl FromRequestParts<AppState> for StaffAuth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, ApiError> {
        if let Some(token) = super::api::bearer(&parts.headers) {
            return Ok(StaffAuth(staff::by_bearer(&s.app, token).await?));
        }
        if let Some(token) = session_cookie(&parts.headers, s.secure_cookies()) {
            // A cookie goes along with requests other sites make: those are
            // refused, as the CSRF guard refuses page forms from elsewhere.
            if super::csrf::from_elsewhere(&parts.headers, &s.app.config.public_url) {
                return Err(ApiError::Forbidden(
                    "a staff session's cookie is accepted from this site's pages only".into(),
                ));
            }
            return Ok(StaffAuth(staff::session(&s.app, &token).await?));
        }
        Err(AccessError::Unknown.into())
    }
}

/// The errors of this API: the shared ones, and those that carry more than
/// a message (`{error, message, …}`).
#[derive(Debug)]
pub enum ApiError {
    App(AppError),
    /// 403: known, but not allowed here.
    Forbidden(String),
    /// 409 with a code and more fields beside the message.
    Conflict {
        code: &'static str,
        message: String,
        extra: Value,
    },
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::App(e) => e.into_response(),
            ApiError::Forbidden(message) => (
                StatusCode::FORBIDDEN,
                Json(json!({"error": "forbidden", "message": message})),
            )
                .into_response(),
            ApiError::Conflict {
                code,
                message,
                extra,
            } => {
                let mut body = json!({"error": code, "message": message});
                if let (Some(b), Value::Object(more)) = (body.as_object_mut(), extra) {
                    b.extend(more);
                }
                (StatusCode::CONFLICT, Json(body)).into_response()
            }
        }
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> ApiError {
        ApiError::App(e)
    }
}

impl From<AccessError> for ApiError {
    fn from(e: AccessError) -> ApiError {
        match e {
            AccessError::Unknown => ApiError::App(AppError::Unauthorized(
                "sign in, or send an API key as Authorization: Bearer …; this one is not known"
                    .into(),
            )),
            AccessError::Forbidden(m) => ApiError::Forbidden(m),
            AccessError::Store(e) => ApiError::App(e.into()),
        }
    }
}

fn conflict(code: &'static str, e: &QueueError, extra: Value) -> ApiError {
    ApiError::Conflict {
        code,
        message: e.to_string(),
        extra,
    }
}

fn field_error(field: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
        mistake: Mistake::Other,
    }
}

impl From<QueueError> for ApiError {
    fn from(e: QueueError) -> ApiError {
        let message = e.to_string();
        match e {
            QueueError::Access(a) => a.into(),
            QueueError::Store(s) => ApiError::App(s.into()),
            QueueError::UnknownOffice => {
                AppError::NotFound("there is no such office".into()).into()
            }
            QueueError::MistypedCode(_) => AppError::Invalid(
                format!("code: {message}"),
                vec![field_error("code", message)],
            )
            .into(),
            QueueError::Invalid(fields) => {
                let summary = fields
                    .iter()
                    .map(|f| format!("{}: {}", f.field, f.message))
                    .collect::<Vec<_>>()
                    .join("; ");
                AppError::Invalid(summary, fields).into()
            }
            QueueError::UnknownCode
            | QueueError::UnknownDesk(_)
            | QueueError::UnknownTicket
            | QueueError::UnknownAlert => AppError::NotFound(message).into(),
            ref e @ QueueError::NotCheckedIn(ref status) => {
                conflict("not_checkable", e, json!({"booking_status": status}))
            }
            ref e @ QueueError::NotConfirmed => {
                conflict("not_confirmed", e, json!({"booking_status": "pending"}))
            }
            ref e @ QueueError::AlreadyIn(ref number) => {
                conflict("already_checked_in", e, json!({"ticket": number}))
            }
            ref e @ QueueError::NotToday(date) => {
                conflict("not_today", e, json!({"date": date.to_string()}))
            }
            ref e @ QueueError::TooEarly(at) => {
                conflict("too_early", e, json!({"opens_at": at.to_rfc3339()}))
            }
            ref e @ QueueError::WalkInFull {
                ref counter,
                ref next,
                timezone,
            } => conflict(
                "no_walk_in_capacity",
                e,
                json!({
                    "counter": counter,
                    "next_free": next.map(|s| json!({
                        "start": s.start.with_timezone(&timezone).to_rfc3339(),
                        "end": s.end.with_timezone(&timezone).to_rfc3339(),
                    })),
                }),
            ),
            ref e @ QueueError::DeskBusy {
                ref number, state, ..
            } => conflict("desk_busy", e, json!({"ticket": number, "state": state})),
            ref e @ QueueError::NotAllowed {
                ref number, state, ..
            } => conflict("not_allowed", e, json!({"ticket": number, "state": state})),
            ref e @ QueueError::Stale {
                ref number,
                state,
                version,
            } => conflict(
                "stale",
                e,
                json!({"ticket": number, "state": state, "version": version}),
            ),
            ref e @ QueueError::WrongDesk {
                ref number,
                ref called_to,
                ..
            } => conflict(
                "wrong_desk",
                e,
                json!({"ticket": number, "desk": called_to}),
            ),
            ref e @ QueueError::RecallTooSoon {
                ref number,
                seconds,
            } => conflict("too_soon", e, json!({"ticket": number, "seconds": seconds})),
            ref e @ QueueError::UrgentAlready { ref number } => {
                conflict("not_allowed", e, json!({"ticket": number, "urgent": true}))
            }
            ref e @ QueueError::AlertAnswered => conflict("answered", e, json!({})),
        }
    }
}

/// A JSON body that may be left out (then `T::default()`).
fn optional_body<T: DeserializeOwned + Default>(body: &Bytes) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(body).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            AppError::BadRequest(format!("the body is not valid JSON: {e}")).into()
        } else {
            AppError::Invalid(format!("the body does not fit: {e}"), vec![]).into()
        }
    })
}

fn required_body<T: DeserializeOwned>(body: &Bytes) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            AppError::BadRequest(format!("the body is not valid JSON: {e}")).into()
        } else {
            AppError::Invalid(format!("the body does not fit: {e}"), vec![]).into()
        }
    })
}

fn time(at: i64, tz: Tz) -> String {
    DateTime::from_timestamp(at, 0)
        .unwrap_or_default()
        .with_timezone(&tz)
        .to_rfc3339()
}

/// A ticket as staff systems see it: no personal data.
fn ticket_json(t: &TicketRow, tz: Tz) -> Value {
    let at = |v: Option<i64>| v.map(|v| time(v, tz));
    json!({
        "id": t.id,
        "ticket": t.number,
        "counter": t.counter_id,
        "state": t.state,
        "version": t.version,
        "kind": t.kind,
        "urgent": t.urgent == 1,
        "desk": t.desk,
        "calls": t.calls,
        "services": t.service_ids(),
        "persons": t.persons,
        "booking": t.booking_id,
        "appointment": at(t.appointment_at),
        "arrived_at": time(t.arrived_at, tz),
        "first_called_at": at(t.first_called_at),
        "last_called_at": at(t.last_called_at),
        "started_at": at(t.started_at),
        "finished_at": at(t.finished_at),
        "waiting_seconds": t.waiting_seconds,
        "way_seconds": t.way_seconds,
        "handling_seconds": t.handling_seconds,
    })
}

fn issued_json(s: &AppState, i: &Issued, tz: Tz) -> Value {
    json!({
        "ticket": i.ticket.number,
        "ticket_id": i.ticket.id,
        "version": i.ticket.version,
        "counter": i.ticket.counter_id,
        "kind": i.ticket.kind,
        "late": i.late,
        "booking_status": i.booking_status,
        "expected_wait_minutes": [i.expected_wait.0, i.expected_wait.1],
        "arrived_at": time(i.ticket.arrived_at, tz),
        // For the QR code on the printed ticket: its holder follows it there.
        "follow_url": format!("{}/t/{}", s.app.config.public_url, i.secret),
    })
}

async fn office_tz(s: &AppState, office: &str) -> Result<Office, ApiError> {
    s.app
        .office(office)
        .await
        .map_err(AppError::from)?
        .ok_or_else(|| AppError::NotFound("there is no such office".into()).into())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckInBody {
    code: String,
    #[serde(default)]
    urgent: bool,
}

async fn check_in(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path(office): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let b: CheckInBody = required_body(&body)?;
    let issued = queue::check_in(&s.app, &who, &office, &b.code, b.urgent).await?;
    let tz = office_tz(&s, &office).await?.timezone;
    Ok((StatusCode::CREATED, Json(issued_json(&s, &issued, tz))).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WalkInBody {
    services: Vec<String>,
    #[serde(default = "one")]
    persons: u32,
    #[serde(default)]
    urgent: bool,
}

fn one() -> u32 {
    1
}

async fn walk_in(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path(office): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let b: WalkInBody = required_body(&body)?;
    let wish = Wish {
        services: b.services,
        persons: b.persons,
    };
    let issued = queue::walk_in(&s.app, &who, &office, &wish, b.urgent).await?;
    let tz = office_tz(&s, &office).await?.timezone;
    Ok((StatusCode::CREATED, Json(issued_json(&s, &issued, tz))).into_response())
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CallBody {
    counters: Option<Vec<String>>,
}

/// The booking of a called ticket, for the desk only: who comes, for what, what to bring.
fn called_booking_json(b: &BookingRow, office: &Office) -> Value {
    let names: Vec<&str> = b
        .service_ids()
        .iter()
        .map(|id| {
            office
                .service(id)
                .map_or(*id, |(_, s)| s.name.get(Language::De))
        })
        .collect();
    let bring: Vec<&str> = b
        .service_ids()
        .iter()
        .filter_map(|id| office.service(id).and_then(|(_, s)| s.bring.as_ref()))
        .map(|t| t.get(Language::De))
        .collect();
    json!({
        "id": b.id,
        "status": b.status,
        "name": b.name,
        "services": b.service_ids(),
        "service_names": names,
        "bring": bring,
        "persons": b.persons,
        "start": time(b.start_at, office.timezone),
        "code": b.code,
    })
}

async fn call(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path((office, desk)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let b: CallBody = optional_body(&body)?;
    let called = queue::call_next(&s.app, &who, &office, &desk, b.counters.as_deref()).await?;
    let Some(c) = called else {
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    let o = office_tz(&s, &office).await?;
    Ok(Json(json!({
        "ticket": c.ticket.number,
        "counter": c.ticket.counter_id,
        "desk": desk,
        "details": ticket_json(&c.ticket, o.timezone),
        "booking": c.booking.as_ref().map(|b| called_booking_json(b, &o)),
    }))
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ActionBody {
    version: Option<i64>,
    desk: Option<String>,
    services: Option<Vec<String>>,
    persons: Option<i64>,
    counter: Option<String>,
}

async fn act(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path((office, ticket, action)): Path<(String, String, String)>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let action = Action::parse(&action).ok_or_else(|| {
        AppError::NotFound(format!(
            "there is no action {action:?}; the actions are recall, start, done, no-show, back, park, transfer, urgent"
        ))
    })?;
    let b: ActionBody = optional_body(&body)?;
    let input = ActionInput {
        version: b.version,
        desk: b.desk,
        services: b.services,
        persons: b.persons,
        counter: b.counter,
    };
    let t = queue::act(&s.app, &who, &office, &ticket, action, &input).await?;
    let tz = office_tz(&s, &office).await?.timezone;
    Ok(Json(ticket_json(&t, tz)))
}

async fn queues(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path(office): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let list = queue::queues(&s.app, &who, &office).await?;
    let tz = office_tz(&s, &office).await?.timezone;
    Ok(Json(json!({
        "office": office,
        "counters": list.iter().map(|q| json!({
            "counter": q.counter,
            "waiting": q.waiting.iter().map(|(t, (lo, hi))| {
                let mut v = ticket_json(t, tz);
                v["expected_wait_minutes"] = json!([lo, hi]);
                v
            }).collect::<Vec<_>>(),
            "at_desks": q.at_desks.iter().map(|t| ticket_json(t, tz)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })))
}

async fn display(
    State(s): State<AppState>,
    Path(office): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let d = queue::display(&s.app, &office).await?;
    let tz = office_tz(&s, &office).await?.timezone;
    Ok(Json(json!({
        "office": d.office,
        "calls": d.calls.iter().map(|c| json!({
            "ticket": c.ticket,
            "counter": c.counter,
            "desk": c.desk,
            "called_at": c.called_at.with_timezone(&tz).to_rfc3339(),
            "call": c.call,
        })).collect::<Vec<_>>(),
        "waiting": d.waiting.iter().map(|(c, n)| json!({"counter": c, "waiting": n})).collect::<Vec<_>>(),
    })))
}

fn alert_json(a: &AlertRow, tz: Tz) -> Value {
    json!({
        "id": a.id,
        "desk": a.desk,
        "raised_by": a.raised_by,
        "raised_at": time(a.raised_at, tz),
        "answered_by": a.answered_by,
        "answered_at": a.answered_at.map(|t| time(t, tz)),
    })
}

async fn raise_alert(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path((office, desk)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let a = queue::raise_alert(&s.app, &who, &office, &desk).await?;
    let tz = office_tz(&s, &office).await?.timezone;
    Ok((StatusCode::CREATED, Json(alert_json(&a, tz))).into_response())
}

async fn alerts(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path(office): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let list = queue::open_alerts(&s.app, &who, &office).await?;
    let tz = office_tz(&s, &office).await?.timezone;
    Ok(Json(
        json!({"alerts": list.iter().map(|a| alert_json(a, tz)).collect::<Vec<_>>()}),
    ))
}

async fn answer_alert(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path((office, alert)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let a = queue::answer_alert(&s.app, &who, &office, &alert).await?;
    let tz = office_tz(&s, &office).await?.timezone;
    Ok(Json(alert_json(&a, tz)))
}

#[derive(Deserialize)]
struct AuditParams {
    from: Option<String>,
    to: Option<String>,
}

fn date_param(field: &str, v: Option<&str>, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let v = v?.trim();
    let d = NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .ok()
        .filter(|_| v.len() == 10);
    if d.is_none() {
        errors.push(field_error(
            field,
            format!("{v:?} is not a date of the form YYYY-MM-DD"),
        ));
    }
    d
}

async fn audit(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path(office): Path<String>,
    params: Result<Query<AuditParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(p) = params.map_err(AppError::from)?;
    // Who may read is checked before anything about the office is told.
    who.require(crate::domain::Permission::Audit, &office)?;
    let o = office_tz(&s, &office).await?;
    let today = queue::day_of(&o, s.app.clock.now());
    let mut errors = Vec::new();
    let from = date_param("from", p.from.as_deref(), &mut errors).unwrap_or(today);
    let to = date_param("to", p.to.as_deref(), &mut errors).unwrap_or(from.max(today));
    if errors.is_empty() && to < from {
        errors.push(field_error("to", "must not be before from"));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid("the query has mistakes".into(), errors).into());
    }
    let start = schedule::local_instant(o.timezone, from, Some(chrono::NaiveTime::MIN));
    let end = schedule::local_instant(o.timezone, to, None);
    let rows = staff::audit_log(
        &s.app,
        &who,
        Some(&o.id),
        start.timestamp(),
        end.timestamp(),
    )
    .await?;
    let at = |t: i64| {
        DateTime::<Utc>::from_timestamp(t, 0)
            .unwrap_or_default()
            .with_timezone(&o.timezone)
            .to_rfc3339()
    };
    Ok(Json(json!({
        "office": o.id,
        "from": from.to_string(),
        "to": to.to_string(),
        "entries": rows.iter().map(|r| json!({
            "id": r.id,
            "at": at(r.at),
            "actor": r.actor,
            "actor_label": r.actor_label,
            "action": r.action,
            "ticket": r.ticket_number,
            "ticket_id": r.ticket_id,
            "booking": r.booking_id,
            "detail": r.detail,
        })).collect::<Vec<_>>(),
    })))
}
