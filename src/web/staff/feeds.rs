//! The feeds page (heads, admins): the office's calendar feeds and webhooks, a
//! new feed's URL or webhook's key shown once, revoking.

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
use crate::webhooks::{self, WebhookError};

fn page_error(e: FeedError) -> PageError {
    match e {
        FeedError::Access(a) => a.into(),
        FeedError::Store(e) => e.into(),
        _ => PageError::not_found(),
    }
}

/// What was just made or done, for the page to show.
#[derive(Default)]
struct Done {
    made: Option<String>,
    made_key: Option<String>,
    notice: Option<(String, bool)>,
}

impl Done {
    fn notice(text: String, ok: bool) -> Done {
        Done {
            notice: Some((text, ok)),
            ..Done::default()
        }
    }
}

/// The page, with what was just made or done.
async fn render(
    s: &AppState,
    t: &Texts,
    signed: &Signed,
    office: &str,
    done: Done,
) -> Result<Page, PageError> {
    let o = signed.office(office, Permission::Plan)?;
    let list = feeds::list(&s.app, &signed.staff, office)
        .await
        .map_err(page_error)?;
    let hooks = webhooks::list(&s.app, &signed.staff, office)
        .await
        .map_err(hook_error)?;
    let f = Feeds {
        office: o,
        feeds: &list,
        hooks: &hooks,
        made: done.made,
        made_key: done.made_key,
        notice: done.notice,
    };
    Ok(signed.page(s, view::feeds(t, &signed.nav(), &f, &signed.csrf.token)))
}

pub async fn page(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
) -> Result<Page, PageError> {
    render(&s, &t, &signed, &office, Done::default()).await
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
            let done = Done {
                made: Some(url),
                ..Done::default()
            };
            render(&s, &t, &signed, &office, done).await
        }
        Err(FeedError::Label) => {
            let done = Done::notice(t!(t, "feeds-label-wrong"), false);
            render(&s, &t, &signed, &office, done).await
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
    render(&s, &t, &signed, &office, Done::notice(notice.0, notice.1)).await
}

fn hook_error(e: WebhookError) -> PageError {
    match e {
        WebhookError::Access(a) => a.into(),
        WebhookError::Store(e) => e.into(),
        _ => PageError::not_found(),
    }
}

pub async fn add_hook(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    signed.office(&office, Permission::Plan)?;
    let url = f.get("url").unwrap_or_default();
    let label = f.get("label").unwrap_or_default();
    let done = match webhooks::create(&s.app, &signed.staff, &office, url, label).await {
        Ok(hook) => Done {
            made_key: Some(hook.secret),
            ..Done::default()
        },
        Err(WebhookError::Url) => Done::notice(t!(t, "hooks-url-wrong"), false),
        Err(WebhookError::Label) => Done::notice(t!(t, "feeds-label-wrong"), false),
        Err(e) => return Err(hook_error(e)),
    };
    render(&s, &t, &signed, &office, done).await
}

pub async fn revoke_hook(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    signed.office(&office, Permission::Plan)?;
    let id = f.get("id").unwrap_or_default();
    let done = match webhooks::revoke(&s.app, &signed.staff, &office, id).await {
        Ok(()) => Done::notice(t!(t, "revoked"), true),
        Err(WebhookError::NotFound) => Done::notice(t!(t, "feeds-gone"), false),
        Err(e) => return Err(hook_error(e)),
    };
    render(&s, &t, &signed, &office, done).await
}
