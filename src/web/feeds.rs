//! Calendar feeds: the feed itself behind its secret URL (no login: the
//! groupware that subscribes has none), and for heads the API to make, list
//! and revoke them.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use super::api_staff::{ApiError, StaffAuth};
use super::error::AppError;
use super::AppState;
use crate::feeds::{self, FeedError, NewFeed};
use crate::store::FeedRow;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/feeds/{file}", get(feed))
        .route("/api/v1/offices/{office}/feeds", get(list).post(create))
        .route("/api/v1/offices/{office}/feeds/{id}", delete(revoke))
}

/// The URL of a feed with this secret.
pub fn feed_url(public_url: &str, token: &str) -> String {
    format!("{public_url}/feeds/{token}.ics")
}

async fn feed(State(s): State<AppState>, Path(file): Path<String>) -> Response {
    let token = file.strip_suffix(".ics").unwrap_or("");
    match feeds::calendar(&s.app, token).await {
        Ok(calendar) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (header::CACHE_CONTROL, "private, no-store"),
            ],
            calendar,
        )
            .into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

impl From<FeedError> for ApiError {
    fn from(e: FeedError) -> ApiError {
        let message = e.to_string();
        match e {
            FeedError::Access(a) => a.into(),
            FeedError::NoOffice(_) | FeedError::NotFound => AppError::NotFound(message).into(),
            FeedError::NoCounter(_) | FeedError::Label => {
                let field = if matches!(e, FeedError::Label) {
                    "label"
                } else {
                    "counter"
                };
                AppError::Invalid(
                    message.clone(),
                    vec![crate::booking::FieldError {
                        field: field.into(),
                        message,
                        mistake: crate::booking::Mistake::Other,
                    }],
                )
                .into()
            }
            FeedError::Store(s) => AppError::from(s).into(),
        }
    }
}

fn feed_json(f: &FeedRow) -> Value {
    json!({
        "id": f.id,
        "counter": f.counter_id,
        "label": f.label,
        "with_names": f.with_names == 1,
        "created_by": f.created_by,
        "created_at": chrono::DateTime::from_timestamp(f.created_at, 0).map(|t| t.to_rfc3339()),
        "revoked_at": f.revoked_at.and_then(|t| chrono::DateTime::from_timestamp(t, 0)).map(|t| t.to_rfc3339()),
    })
}

async fn list(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path(office): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let all = feeds::list(&s.app, &who, &office).await?;
    Ok(Json(
        json!({ "feeds": all.iter().map(feed_json).collect::<Vec<_>>() }),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Create {
    counter: String,
    label: String,
    #[serde(default)]
    with_names: bool,
}

async fn create(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path(office): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let c: Create =
        serde_json::from_slice(&body).map_err(|e| match e.is_syntax() || e.is_eof() {
            true => AppError::BadRequest(format!("the body is not valid JSON: {e}")),
            false => AppError::Invalid(format!("the body does not say a feed: {e}"), vec![]),
        })?;
    let new = NewFeed {
        counter: &c.counter,
        label: &c.label,
        with_names: c.with_names,
    };
    let (f, token) = feeds::create(&s.app, &who, &office, &new).await?;
    let mut body = feed_json(&f);
    body["url"] = json!(feed_url(&s.app.config.public_url, &token));
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

async fn revoke(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path((office, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    feeds::revoke(&s.app, &who, &office, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
