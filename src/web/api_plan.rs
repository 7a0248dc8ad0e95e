//! An office's plan over the JSON API (heads): read it in the shape of the office
//! file, change it as the plan editor does, list its revisions.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Deserialize;
use serde_json::{json, Value};

use super::api_staff::{ApiError, StaffAuth};
use super::error::AppError;
use super::AppState;
use crate::booking::{FieldError, Mistake};
use crate::domain::officefile;
use crate::plan::{self, Conflicting, Edit, PlanError};
use crate::store::Decision;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/offices/{office}/plan", get(read).put(change))
        .route("/api/v1/offices/{office}/plan/revisions", get(revisions))
        // A plan has every window, exception and service of an office.
        .layer(axum::extract::DefaultBodyLimit::max(256 * 1024))
}

/// The mistakes of a plan as the API's field errors: the place in the office
/// file (`counter stadtamt, hours #2, desks`) is the field.
pub fn field_errors(m: &officefile::Mistakes) -> Vec<FieldError> {
    m.0.iter()
        .map(|m| FieldError {
            field: m.place.clone(),
            message: m.message.english(),
            mistake: Mistake::Other,
        })
        .collect()
}

pub fn conflicts_json(list: &[Conflicting], tz: Tz) -> Value {
    let at = |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&tz).to_rfc3339();
    list.iter()
        .map(|c| {
            json!({
                "booking": c.booking,
                "start": at(c.start),
                "end": at(c.end),
                "counter": c.counter,
                "services": c.services,
                "persons": c.persons,
                "status": c.status,
            })
        })
        .collect()
}

impl From<PlanError> for ApiError {
    fn from(e: PlanError) -> ApiError {
        let message = e.to_string();
        match e {
            PlanError::Access(a) => a.into(),
            PlanError::NoOffice(_) => AppError::NotFound(message).into(),
            PlanError::Invalid(m) => AppError::Invalid(message, field_errors(&m)).into(),
            PlanError::Stale(revision) => ApiError::Conflict {
                code: "stale_plan",
                message,
                extra: json!({ "revision": revision }),
            },
            // Times in UTC here; the plan's own zone is in the plan.
            PlanError::Stranded(list) => ApiError::Conflict {
                code: "conflicts",
                message,
                extra: json!({ "conflicts": conflicts_json(&list, Tz::UTC) }),
            },
            PlanError::NoFreeTime(list) => ApiError::Conflict {
                code: "no_free_time",
                message,
                extra: json!({ "conflicts": conflicts_json(&list, Tz::UTC) }),
            },
            PlanError::InUse => AppError::Conflict("plan_in_use", message).into(),
            PlanError::Store(s) => AppError::from(s).into(),
        }
    }
}

async fn read(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path(office): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let (o, revision) = plan::current(&s.app, &who, &office).await?;
    let mut body = serde_json::to_value(toml::Value::Table(officefile::office_table(&o)))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    body["revision"] = json!(revision);
    Ok(Json(body))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionBody {
    booking: String,
    action: Decision,
    reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AllBody {
    action: Decision,
    reason: String,
}

/// The keys of a `PUT` beside the office file's: how to save the change.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Saving {
    revision: Option<i64>,
    effective_from: Option<NaiveDate>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    decisions: Vec<DecisionBody>,
    decide_all: Option<AllBody>,
}

const SAVING_KEYS: [&str; 5] = [
    "revision",
    "effective_from",
    "note",
    "decisions",
    "decide_all",
];

/// Read a `PUT` body: the office file's fields, and the keys of [`Saving`].
fn edit_of(body: &Bytes) -> Result<Edit, ApiError> {
    let mut all: serde_json::Map<String, Value> = serde_json::from_slice(body).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            ApiError::from(AppError::BadRequest(format!(
                "the body is not valid JSON: {e}"
            )))
        } else {
            AppError::Invalid(format!("the body must be a JSON object: {e}"), vec![]).into()
        }
    })?;
    let mut saving = serde_json::Map::new();
    for key in SAVING_KEYS {
        if let Some(v) = all.remove(key) {
            saving.insert(key.to_string(), v);
        }
    }
    let saving: Saving = serde_json::from_value(Value::Object(saving))
        .map_err(|e| AppError::Invalid(format!("how to save: {e}"), vec![]))?;
    let plan: toml::Table = serde_json::from_value(Value::Object(all)).map_err(|e| {
        AppError::Invalid(
            format!("the plan has a value an office file cannot hold (null?): {e}"),
            vec![],
        )
    })?;
    let mut decisions = HashMap::new();
    for d in saving.decisions {
        decisions.insert(d.booking, (d.action, d.reason));
    }
    Ok(Edit {
        plan,
        base_revision: saving.revision,
        effective_from: saving.effective_from,
        note: saving.note,
        decisions,
        all: saving.decide_all.map(|a| (a.action, a.reason)),
    })
}

async fn change(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path(office): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let edit = edit_of(&body)?;
    let saved = plan::save(&s.app, &who, &office, &edit).await?;
    Ok(Json(json!({
        "revision": saved.revision,
        "moved": conflicts_json(&saved.moved, Tz::UTC),
        "cancelled": conflicts_json(&saved.cancelled, Tz::UTC),
    }))
    .into_response())
}

async fn revisions(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path(office): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let all = plan::revisions(&s.app, &who, &office).await?;
    Ok(Json(json!({ "revisions": all })))
}
