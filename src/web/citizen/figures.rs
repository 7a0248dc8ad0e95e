//! The public figures of an office.

use axum::extract::{Path, State};

use crate::i18n::Texts;
use crate::stats::{self, StatsError};
use crate::views::citizen::figures as view;
use crate::web::page::{Page, PageError};
use crate::web::AppState;

pub async fn figures(
    State(s): State<AppState>,
    Path(id): Path<String>,
    t: Texts,
) -> Result<Page, PageError> {
    let office = super::office_of(&s, &id).await?;
    let f = stats::figures(&s.app, &office.id)
        .await
        .map_err(|e| match e {
            StatsError::Store(e) => e.into(),
            _ => PageError::not_found(),
        })?;
    Ok(Page::new(view::figures(&t, &office, &f)))
}
