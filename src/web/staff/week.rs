//! A week's load of an office (heads, admins).

use axum::extract::{Path, Query, State};
use chrono::NaiveDate;
use serde::Deserialize;

use super::Signed;
use crate::domain::Permission;
use crate::i18n::Texts;
use crate::stats::{self, StatsError};
use crate::views::staff::week as view;
use crate::web::page::{Page, PageError};
use crate::web::AppState;

#[derive(Deserialize)]
pub struct WeekParams {
    day: Option<String>,
}

/// The week of `?day=` (a date; this week when missing or not a date).
pub async fn week(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
    Query(p): Query<WeekParams>,
) -> Result<Page, PageError> {
    let o = signed.office(&office, Permission::Statistics)?;
    let today = crate::queue::day_of(o, s.app.clock.now());
    let day = p
        .day
        .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let w = stats::week(&s.app, &o.id, day.unwrap_or(today))
        .await
        .map_err(|e| match e {
            StatsError::Store(e) => e.into(),
            _ => PageError::not_found(),
        })?;
    Ok(signed.page(&s, view::week(&t, &signed.nav(), o, &w)))
}
