//! One error type for every handler, one place that picks the status and the body.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use crate::booking::{BookError, FieldError, QueryError, TokenError};
use crate::store::StoreError;

#[derive(Debug)]
pub enum AppError {
    /// 400: the request cannot be read at all.
    BadRequest(String),
    /// 401: an API key is missing or wrong.
    Unauthorized(String),
    /// 404
    NotFound(String),
    /// 409: the request is fine, the state of things does not allow it.
    Conflict(&'static str, String),
    /// 410: it was there, it lapsed.
    Gone(String),
    /// 413
    TooLarge(String),
    /// 415
    UnsupportedMediaType(String),
    /// 422: fields with mistakes.
    Invalid(String, Vec<FieldError>),
    /// 429, with the seconds until a retry can succeed.
    TooManyRequests(u64),
    /// 503: not just now, and why.
    Unavailable(Busy),
    /// 500: logged with a reference; the client sees only the reference.
    Internal(String),
}

/// Why a request could not be served just now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    /// An import is changing the office's plan.
    PlanChanging,
    /// The database cannot be reached or cannot take the work.
    Database,
    /// The request took longer than it may.
    Slow,
}

impl Busy {
    /// Seconds until a retry can succeed (`Retry-After`).
    pub fn retry_after(self) -> u64 {
        match self {
            Busy::PlanChanging => 5,
            Busy::Database => 30,
            Busy::Slow => 10,
        }
    }
}

#[derive(Serialize)]
struct Body<'a> {
    error: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<&'a [FieldError]>,
}

impl AppError {
    pub fn internal(context: &str, err: impl std::fmt::Display) -> AppError {
        let reference = uuid::Uuid::new_v4().simple().to_string()[..12].to_string();
        tracing::error!(%reference, %context, error = %err, "internal error");
        AppError::Internal(reference)
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Conflict(..) => StatusCode::CONFLICT,
            AppError::Gone(_) => StatusCode::GONE,
            AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Invalid(..) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(..) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A short code for programs, and a sentence for people.
    pub fn code_and_message(&self) -> (&'static str, String) {
        match self {
            AppError::BadRequest(m) => ("bad_request", m.clone()),
            AppError::Unauthorized(m) => ("unauthorized", m.clone()),
            AppError::NotFound(m) => ("not_found", m.clone()),
            AppError::Conflict(code, m) => (code, m.clone()),
            AppError::Gone(m) => ("gone", m.clone()),
            AppError::TooLarge(m) => ("too_large", m.clone()),
            AppError::UnsupportedMediaType(m) => ("unsupported_media_type", m.clone()),
            AppError::Invalid(m, _) => ("invalid", m.clone()),
            AppError::Unavailable(busy @ Busy::PlanChanging) => (
                "busy",
                format!(
                    "the office's plan is being changed; try again in {} seconds",
                    busy.retry_after()
                ),
            ),
            AppError::Unavailable(busy @ Busy::Database) => (
                "unavailable",
                format!(
                    "the booking service cannot reach its database just now; try again in {} seconds",
                    busy.retry_after()
                ),
            ),
            AppError::Unavailable(busy @ Busy::Slow) => (
                "timeout",
                format!(
                    "the request took too long; try again in {} seconds",
                    busy.retry_after()
                ),
            ),
            AppError::TooManyRequests(s) => (
                "rate_limited",
                format!("too many requests; try again in {s} seconds"),
            ),
            AppError::Internal(r) => (
                "internal",
                format!("something went wrong on our side (reference {r})"),
            ),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (code, message) = self.code_and_message();
        let fields = match &self {
            AppError::Invalid(_, f) => Some(f.as_slice()),
            _ => None,
        };
        let mut response = (
            self.status(),
            Json(Body {
                error: code,
                message: &message,
                fields,
            }),
        )
            .into_response();
        if let AppError::Unauthorized(_) = self {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"termin\""),
            );
        }
        let retry_after = match self {
            AppError::TooManyRequests(secs) => Some(secs),
            AppError::Unavailable(busy) => Some(busy.retry_after()),
            _ => None,
        };
        if let Some(secs) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        match e {
            StoreError::NotFound => AppError::NotFound("not found".into()),
            // The office's plan changed again and again under the request: imports in a row.
            StoreError::Conflict(crate::store::Conflict::StalePlan) => {
                AppError::Unavailable(Busy::PlanChanging)
            }
            StoreError::Database(e) if crate::store::unreachable(&e) => {
                tracing::warn!(error = %e, "the database cannot be reached");
                AppError::Unavailable(Busy::Database)
            }
            e => AppError::internal("store", e),
        }
    }
}

impl From<QueryError> for AppError {
    fn from(e: QueryError) -> AppError {
        match e {
            QueryError::UnknownOffice => AppError::NotFound("there is no such office".into()),
            QueryError::Invalid(fields) => AppError::Invalid(summary(&fields), fields),
            QueryError::Store(e) => e.into(),
        }
    }
}

impl From<BookError> for AppError {
    fn from(e: BookError) -> AppError {
        match e {
            BookError::Invalid(fields) => AppError::Invalid(summary(&fields), fields),
            BookError::SlotTaken => AppError::Conflict(
                "slot_taken",
                "this time is no longer free; please choose another".into(),
            ),
            BookError::ArrivalsFull => AppError::Conflict(
                "arrivals_full",
                "too many people are already expected at this time; please choose another".into(),
            ),
            e @ BookError::EmailCap(_) => AppError::Conflict("email_cap", e.to_string()),
            e @ BookError::HoldGone => AppError::Gone(e.to_string()),
            e @ BookError::IdempotencyMismatch => {
                AppError::Conflict("idempotency_key_reused", e.to_string())
            }
            BookError::Store(e) => e.into(),
            BookError::Mail(e) => AppError::internal("rendering a mail", e),
        }
    }
}

impl From<TokenError> for AppError {
    fn from(e: TokenError) -> AppError {
        match e {
            TokenError::Unknown => {
                AppError::NotFound("no booking has this link; it may be mistyped".into())
            }
            e @ TokenError::Expired => AppError::Gone(e.to_string()),
            e @ TokenError::Closed(_) => AppError::Conflict("not_changeable", e.to_string()),
            e @ TokenError::TooLate => AppError::Conflict("too_late", e.to_string()),
            TokenError::Store(e) => e.into(),
            TokenError::Mail(e) => AppError::internal("rendering a mail", e),
        }
    }
}

impl From<crate::booking::MoveError> for AppError {
    fn from(e: crate::booking::MoveError) -> AppError {
        match e {
            crate::booking::MoveError::Token(e) => e.into(),
            crate::booking::MoveError::Book(e) => e.into(),
            e @ crate::booking::MoveError::TooOften(_) => {
                AppError::Conflict("moved_too_often", e.to_string())
            }
        }
    }
}

impl From<JsonRejection> for AppError {
    fn from(r: JsonRejection) -> AppError {
        match r {
            JsonRejection::JsonDataError(e) => AppError::Invalid(e.body_text(), vec![]),
            JsonRejection::JsonSyntaxError(e) => AppError::BadRequest(e.body_text()),
            JsonRejection::MissingJsonContentType(_) => AppError::UnsupportedMediaType(
                "send the body as JSON with Content-Type: application/json".into(),
            ),
            JsonRejection::BytesRejection(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                AppError::TooLarge("the request body is too large".into())
            }
            other => AppError::BadRequest(other.body_text()),
        }
    }
}

impl From<QueryRejection> for AppError {
    fn from(r: QueryRejection) -> AppError {
        AppError::BadRequest(r.body_text())
    }
}

fn summary(fields: &[FieldError]) -> String {
    let parts: Vec<String> = fields
        .iter()
        .map(|f| format!("{}: {}", f.field, f.message))
        .collect();
    parts.join("; ")
}
