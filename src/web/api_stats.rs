//! Statistics for heads and back-office systems, and the public figures, as
//! JSON or (with `Accept: text/csv`) CSV.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;

use super::api_staff::{ApiError, StaffAuth};
use super::error::AppError;
use super::AppState;
use crate::domain::Permission;
use crate::stats::{self, Range, StatsError};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/offices/{office}/statistics", get(statistics))
        .route("/api/v1/offices/{office}/figures", get(figures))
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct StatsParams {
    pub from: Option<String>,
    pub to: Option<String>,
    pub by: Option<String>,
    pub counter: Option<String>,
}

impl From<StatsError> for ApiError {
    fn from(e: StatsError) -> ApiError {
        match e {
            StatsError::UnknownOffice => AppError::NotFound(e.to_string()).into(),
            StatsError::UnknownCounter(_) => AppError::Invalid(
                "the query has mistakes".into(),
                vec![crate::booking::FieldError {
                    field: "counter".into(),
                    message: e.to_string(),
                    mistake: crate::booking::Mistake::Other,
                }],
            )
            .into(),
            StatsError::Store(s) => AppError::from(s).into(),
        }
    }
}

/// Whether the client asked for CSV rather than JSON.
pub fn wants_csv(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim().starts_with("text/csv")))
}

pub fn csv_response(name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

async fn statistics(
    State(s): State<AppState>,
    StaffAuth(who): StaffAuth,
    Path(office): Path<String>,
    headers: HeaderMap,
    params: Result<Query<StatsParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(p) = params.map_err(AppError::from)?;
    who.require(Permission::Statistics, &office)?;
    let o = s.app.office(&office).await.map_err(AppError::from)?;
    let o = o.ok_or_else(|| AppError::NotFound("there is no such office".into()))?;
    let today = crate::queue::day_of(&o, s.app.clock.now());
    let range = Range::parse(
        p.from.as_deref(),
        p.to.as_deref(),
        p.by.as_deref(),
        p.counter.as_deref(),
        today,
    )
    .map_err(|errors| AppError::Invalid("the query has mistakes".into(), errors))?;
    let figures = stats::statistics(&s.app, &o.id, &range).await?;
    if wants_csv(&headers) {
        return Ok(csv_response(
            &format!("statistics-{}.csv", o.id),
            stats::csv(&figures),
        ));
    }
    Ok(Json(figures).into_response())
}

async fn figures(
    State(s): State<AppState>,
    Path(office): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let f = stats::figures(&s.app, &office).await?;
    if wants_csv(&headers) {
        return Ok(csv_response(
            &format!("figures-{}.csv", f.office),
            figures_csv(&f),
        ));
    }
    Ok(Json(f).into_response())
}

/// The public figures as CSV: one line per figure.
fn figures_csv(f: &stats::PublicFigures) -> String {
    let opt = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    let mut out = String::from("figure,service,value\r\n");
    for n in &f.next_free {
        let at = n.start.map(|t| t.to_rfc3339()).unwrap_or_default();
        out.push_str(&format!("next_free,{},{at}\r\n", n.service));
    }
    out.push_str(&format!(
        "lead_time_median_days,,{}\r\n",
        opt(f.lead_time_median_days)
    ));
    out.push_str(&format!("no_show_rate,,{}\r\n", opt(f.no_show_rate)));
    out.push_str(&format!(
        "served_within_15,,{}\r\n",
        opt(f.served_within_15)
    ));
    out
}
