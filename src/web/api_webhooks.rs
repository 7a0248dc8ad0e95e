//! Webhooks over the JSON API (heads): add one (its key shown once), list, revoke.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use super::api_staff::{ApiError, StaffAuth};
use super::error::AppError;
use super::AppState;
use crate::booking::{FieldError, Mistake};
use crate::store::WebhookRow;
use crate::webhooks::{self, WebhookError};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/offices/{office}/webhooks", get(list).post(create))
        .route("/api/v1/offices/{office}/webhooks/{id}", delete(revoke))
}

impl From<WebhookError> for ApiError {
    fn from(e: WebhookError) -> ApiError {
        let message = e.to_string();
        let field = |name: &str| {
            AppError::Invalid(
                message.clone(),
                vec![FieldError {
                    field: name.into(),
                    message: message.clone(),
                    mistake: Mistake::Other,
                }],
            )
            .into()
        };
        match e {
            WebhookError::Access(a) => a.into(),
            WebhookError::NoOffice(_) | WebhookError::NotFound => {
                AppError::NotFound(message).into()
            }
            WebhookError::Url => field("url"),
            WebhookError::Label => field("label"),
            WebhookError::Store(s) => AppError::from(s).into(),
        }
    }
}

/// A webhook as the API shows it: without its key.
fn hook_json(h: &WebhookRow) -> Value {
    let at = |t: i64| chrono::DateTime::from_timestamp(t, 0).map(|t| t.to_rfc3339());
    json!({
        "id": h.id,
        "url": h.url,
        "label": h.label,
        "created_by": h.created_by,
        "created_at": at(h.created_at),
        "revoked_at": h.revoked_at.and_then(at),
        "delivered_event": h.delivered_seq,
        "failed_attempts": h.attempts,
        "last_error": h.last_error,
    })
}

async fn list(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path(office): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let all = webhooks::list(&s.app, &who, &office).await?;
    Ok(Json(
        json!({ "webhooks": all.iter().map(hook_json).collect::<Vec<_>>() }),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Create {
    url: String,
    label: String,
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
            false => AppError::Invalid(format!("the body does not say a webhook: {e}"), vec![]),
        })?;
    let hook = webhooks::create(&s.app, &who, &office, &c.url, &c.label).await?;
    let mut body = hook_json(&hook);
    body["secret"] = json!(hook.secret);
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

async fn revoke(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path((office, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    webhooks::revoke(&s.app, &who, &office, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
