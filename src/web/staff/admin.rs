//! One's own password, the audit log, and users, API keys and kiosks. A
//! password, key or kiosk token just made is shown once, on the answer to the
//! form that made it (never cached), and stored only as a hash.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::{Duration, NaiveDate};

use super::{forbidden, Signed};
use crate::domain::Role;
use crate::i18n::Texts;
use crate::staff::{self, PasswordError, UserError};
use crate::t;
use crate::views::staff::admin::{self as view, user_problem, AuditQuery, People, Shown};
use crate::web::form::{FormFields, QueryFields};
use crate::web::page::{Page, PageError};
use crate::web::AppState;

pub async fn password_form(State(s): State<AppState>, t: Texts, signed: Signed) -> Page {
    signed.page(
        &s,
        view::password(&t, &signed.nav(), None, false, &signed.csrf.token),
    )
}

pub async fn change_password(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    let (current, new) = (
        f.get("current").unwrap_or_default(),
        f.get("new").unwrap_or_default(),
    );
    let problem = match staff::change_password(&s.app, &signed.staff, current, new).await {
        Ok(()) => None,
        Err(PasswordError::Wrong) => Some(t!(t, "password-wrong")),
        Err(PasswordError::Weak) => Some(t!(t, "password-weak")),
        Err(PasswordError::NoUser) => return Err(forbidden()),
        Err(PasswordError::Store(e)) => return Err(e.into()),
    };
    let status = problem
        .as_ref()
        .map_or(StatusCode::OK, |_| StatusCode::UNPROCESSABLE_ENTITY);
    let markup = view::password(
        &t,
        &signed.nav(),
        problem.as_deref(),
        problem.is_none(),
        &signed.csrf.token,
    );
    Ok(signed.page(&s, markup).status(status))
}

/// The audit log of the last seven days unless asked for others.
pub async fn audit(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    QueryFields(q): QueryFields,
) -> Result<Page, PageError> {
    let office = q.get("office").filter(|o| !o.is_empty());
    let tz = office
        .and_then(|id| signed.offices.iter().find(|o| o.id == id))
        .or(signed.offices.first())
        .map_or(chrono_tz::Europe::Berlin, |o| o.timezone);
    let today = s.app.clock.now().with_timezone(&tz).date_naive();
    let date = |name: &str| {
        q.get(name)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    };
    let to = date("to").unwrap_or(today);
    let from = date("from").unwrap_or(to - Duration::days(6)).min(to);
    let start = crate::domain::schedule::local_instant(tz, from, Some(chrono::NaiveTime::MIN));
    let end = crate::domain::schedule::local_instant(tz, to, None);
    let mut rows = staff::audit_log(
        &s.app,
        &signed.staff,
        office,
        start.timestamp(),
        end.timestamp(),
    )
    .await?;
    rows.reverse();
    let query = AuditQuery { office, from, to };
    Ok(signed.page(&s, view::audit(&t, &signed.nav(), &query, &rows, tz)))
}

/// The users page, with a secret just made or what was just done.
async fn people(
    s: &AppState,
    t: &Texts,
    signed: &Signed,
    shown: Option<Shown>,
    notice: Option<(String, bool)>,
) -> Result<Page, PageError> {
    let users = staff::users(&s.app, &signed.staff).await.map_err(refused)?;
    let (keys, kiosks) = match signed.staff.role {
        Role::Admin => staff::devices(&s.app, &signed.staff)
            .await
            .map_err(refused)?,
        _ => Default::default(),
    };
    let roles: &[Role] = match signed.staff.role {
        Role::Admin => &Role::USER_ROLES,
        _ => &[Role::Clerk],
    };
    let status = match &notice {
        Some((_, false)) => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::OK,
    };
    let p = People {
        users: &users,
        keys: &keys,
        kiosks: &kiosks,
        roles,
        shown,
        notice,
    };
    Ok(signed
        .page(s, view::people(t, &signed.nav(), &p, &signed.csrf.token))
        .status(status))
}

fn refused(e: UserError) -> PageError {
    match e {
        UserError::Store(e) => e.into(),
        _ => forbidden(),
    }
}

/// After a change: the secret it made, or what it did, or why not.
/// A secret made just now, to be shown once.
fn shown(what: String, secret: String) -> (Option<Shown>, Option<String>) {
    (Some(Shown { what, secret }), None)
}

async fn after(
    s: &AppState,
    t: &Texts,
    signed: &Signed,
    done: Result<(Option<Shown>, Option<String>), UserError>,
) -> Result<Page, PageError> {
    match done {
        Ok((shown, done)) => people(s, t, signed, shown, done.map(|d| (d, true))).await,
        Err(UserError::Store(e)) => Err(e.into()),
        Err(e) => people(s, t, signed, None, Some((user_problem(t, &e), false))).await,
    }
}

pub async fn users(State(s): State<AppState>, t: Texts, signed: Signed) -> Result<Page, PageError> {
    people(&s, &t, &signed, None, None).await
}

pub async fn add_user(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    let email = f.get("email").unwrap_or_default().trim().to_lowercase();
    let office = f.get("office").filter(|o| !o.is_empty());
    let role = f.get("role").unwrap_or_default();
    let password = staff::generate_password();
    let done = staff::add_user(&s.app, &signed.staff, &email, role, office, &password).await;
    let what = t!(t, "shown-password", who = email.as_str());
    after(&s, &t, &signed, done.map(|()| shown(what, password))).await
}

pub async fn reset(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    let email = f.get("email").unwrap_or_default();
    let password = staff::generate_password();
    let done = staff::reset_password(&s.app, &signed.staff, email, &password).await;
    let what = t!(t, "shown-password", who = email);
    after(&s, &t, &signed, done.map(|()| shown(what, password))).await
}

pub async fn disable(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    let email = f.get("email").unwrap_or_default();
    let done = staff::disable_user(&s.app, &signed.staff, email).await;
    let text = t!(t, "user-disabled", who = email);
    after(&s, &t, &signed, done.map(|_| (None, Some(text)))).await
}

pub async fn add_key(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    let label = f.get("label").unwrap_or_default();
    let office = f.get("office").filter(|o| !o.is_empty());
    let done = staff::add_api_key(&s.app, &signed.staff, label, office, f.get("role")).await;
    let what = t!(t, "shown-key", what = label.trim());
    after(
        &s,
        &t,
        &signed,
        done.map(|secret| (Some(Shown { what, secret }), None)),
    )
    .await
}

pub async fn revoke_key(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    let done = staff::revoke_api_key(&s.app, &signed.staff, f.get("id").unwrap_or_default()).await;
    after(
        &s,
        &t,
        &signed,
        done.map(|_| (None, Some(t!(t, "revoked")))),
    )
    .await
}

pub async fn add_kiosk(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    let label = f.get("label").unwrap_or_default();
    let office = f.get("office").unwrap_or_default();
    let done = staff::unlock_kiosk(&s.app, &signed.staff, office, label).await;
    let what = t!(t, "shown-kiosk", what = label.trim());
    after(
        &s,
        &t,
        &signed,
        done.map(|(_, secret)| (Some(Shown { what, secret }), None)),
    )
    .await
}

pub async fn revoke_kiosk(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    let done = staff::revoke_kiosk(&s.app, &signed.staff, f.get("id").unwrap_or_default()).await;
    after(
        &s,
        &t,
        &signed,
        done.map(|_| (None, Some(t!(t, "revoked")))),
    )
    .await
}
