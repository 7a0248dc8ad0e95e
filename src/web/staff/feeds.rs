//! The feeds page (heads, admins): the office's calendar feeds, a new one's
//! URL shown once, revoking.

use axum::extract::{Path, State};

use super::Signed;
use crate::domain::Permission;
use crate::feeds::{self, FeedError, NewFeed};
use crate::i18n::Texts;
use crate::t;
use crate::views::staff::feeds::{self as view, Feeds};
use crate::web::feeds::feed_url;
use crate::web::form::FormFields;
use crate::web::page::{Page, PageError};
use crate::web::AppState;

fn page_error(e: FeedError) -> PageError {
    match e {
        FeedError::Access(a) => a.into(),
        FeedError::Store(e) => e.into(),
        _ => PageError::not_found(),
    }
}

/// The page, with what was just made or done.
async fn render(
    s: &AppState,
    t: &Texts,
    signed: &Signed,
    office: &str,
    made: Option<String>,
    notice: Option<(String, bool)>,
) -> Result<Page, PageError> {
    let o = signed.office(office, Permission::Plan)?;
    let list = feeds::list(&s.app, &signed.staff, office)
        .await
        .map_err(page_error)?;
    let f = Feeds {
        office: o,
        feeds: &list,
        made,
        notice,
    };
    Ok(signed.page(s, view::feeds(t, &signed.nav(), &f, &signed.csrf.token)))
}

pub async fn page(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
) -> Result<Page, PageError> {
    render(&s, &t, &signed, &office, None, None).await
}

pub async fn create(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    signed.office(&office, Permission::Plan)?;
    let new = NewFeed {
        counter: f.get("counter").unwrap_or_default(),
        label: f.get("label").unwrap_or_default(),
        with_names: f.get("with_names") == Some("1"),
    };
    match feeds::create(&s.app, &signed.staff, &office, &new).await {
        Ok((_, token)) => {
            let url = feed_url(&s.app.config.public_url, &token);
            render(&s, &t, &signed, &office, Some(url), None).await
        }
        Err(FeedError::Label) => {
            let notice = Some((t!(t, "feeds-label-wrong"), false));
            render(&s, &t, &signed, &office, None, notice).await
        }
        Err(e) => Err(page_error(e)),
    }
}

pub async fn revoke(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    signed.office(&office, Permission::Plan)?;
    let id = f.get("id").unwrap_or_default();
    let notice = match feeds::revoke(&s.app, &signed.staff, &office, id).await {
        Ok(()) => (t!(t, "revoked"), true),
        Err(FeedError::NotFound) => (t!(t, "feeds-gone"), false),
        Err(e) => return Err(page_error(e)),
    };
    render(&s, &t, &signed, &office, None, Some(notice)).await
}
