//! The statistics page of an office and its CSV (heads of the office, admins).

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::Signed;
use crate::domain::Permission;
use crate::i18n::Texts;
use crate::stats::{self, Range, StatsError};
use crate::views::staff::statistics as view;
use crate::web::api_stats::{csv_response, StatsParams};
use crate::web::page::PageError;
use crate::web::AppState;

/// The statistics asked for, or the page that says what is wrong with the range (422).
async fn figures(
    s: &AppState,
    t: &Texts,
    signed: &Signed,
    office: &str,
    p: &StatsParams,
) -> Result<Result<stats::Statistics, Response>, PageError> {
    let o = signed.office(office, Permission::Statistics)?;
    let today = crate::queue::day_of(o, s.app.clock.now());
    let range = Range::parse(
        p.from.as_deref(),
        p.to.as_deref(),
        p.by.as_deref(),
        p.counter.as_deref(),
        today,
    );
    let refused = |errors: &[crate::booking::FieldError]| {
        let page = signed.page(s, view::mistakes(t, &signed.nav(), o, errors));
        (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
    };
    let range = match range {
        Ok(r) => r,
        Err(errors) => return Ok(Err(refused(&errors))),
    };
    match stats::statistics(&s.app, &o.id, &range).await {
        Ok(st) => Ok(Ok(st)),
        Err(StatsError::Store(e)) => Err(e.into()),
        Err(StatsError::UnknownOffice) => Err(PageError::not_found()),
        Err(e @ StatsError::UnknownCounter(_)) => Ok(Err(refused(&[crate::booking::FieldError {
            field: "counter".into(),
            message: e.to_string(),
            mistake: crate::booking::Mistake::Other,
        }]))),
    }
}

fn query(st: &stats::Statistics) -> String {
    let counter = st
        .counter
        .as_deref()
        .map(crate::paths::encode)
        .unwrap_or_default();
    format!(
        "from={}&to={}&by={}&counter={counter}",
        st.from,
        st.to,
        st.by.as_str()
    )
}

pub async fn statistics(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
    Query(p): Query<StatsParams>,
) -> Result<Response, PageError> {
    let st = match figures(&s, &t, &signed, &office, &p).await? {
        Ok(st) => st,
        Err(refused) => return Ok(refused),
    };
    let o = signed.office(&office, Permission::Statistics)?;
    let markup = view::statistics(&t, &signed.nav(), o, &st, &query(&st));
    Ok(signed.page(&s, markup).into_response())
}

pub async fn statistics_csv(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
    Query(p): Query<StatsParams>,
) -> Result<Response, PageError> {
    let st = match figures(&s, &t, &signed, &office, &p).await? {
        Ok(st) => st,
        Err(refused) => return Ok(refused),
    };
    Ok(csv_response(
        &format!("statistics-{}.csv", st.office),
        stats::csv(&st),
    ))
}

/// Every office side by side over one range (admins).
pub async fn compare(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Query(p): Query<StatsParams>,
) -> Result<Response, PageError> {
    if signed.staff.role != crate::domain::Role::Admin {
        return Err(super::forbidden());
    }
    let Some(first) = signed.offices.first() else {
        return Err(PageError::not_found());
    };
    let today = crate::queue::day_of(first, s.app.clock.now());
    let range = Range::parse(p.from.as_deref(), p.to.as_deref(), None, None, today);
    let range = match range {
        Ok(r) => r,
        Err(errors) => {
            let page = signed.page(&s, view::mistakes(&t, &signed.nav(), first, &errors));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let mut rows = Vec::new();
    for o in &signed.offices {
        let st = stats::statistics(&s.app, &o.id, &range)
            .await
            .map_err(|e| match e {
                StatsError::Store(e) => e.into(),
                _ => PageError::not_found(),
            })?;
        rows.push(view::Compared {
            office: o,
            figures: st.total,
        });
    }
    let markup = view::compare(&t, &signed.nav(), &rows, range.from, range.to);
    Ok(signed.page(&s, markup).into_response())
}
