//! The front desk and the kiosk: check in by booking code, walk-in tickets.
//! Both answer with the same page: the ticket given, or why not.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::{kiosk_cookie_name, kiosk_token, notice_of, set_staff_cookie, Signed};
use crate::domain::{Office, Permission, Role};
use crate::i18n::Texts;
use crate::queue::{self, Issued, QueueError};
use crate::staff::{self, AccessError, Staff};
use crate::t;
use crate::views::staff::front::{self as view, IssuedTicket};
use crate::views::staff::queue_problem;
use crate::web::api_staff::session_cookie;
use crate::web::csrf::Csrf;
use crate::web::form::{Fields, FormFields};
use crate::web::page::{Page, PageError};
use crate::web::AppState;

/// A ticket as the front desk and kiosk show it: no personal data, and the
/// address of its own page for the holder's phone.
fn issued(s: &AppState, t: &Texts, office: &Office, i: &Issued) -> IssuedTicket {
    let local = |at: i64| {
        chrono::DateTime::from_timestamp(at, 0)
            .map(|a| t.time(a.with_timezone(&office.timezone)))
            .unwrap_or_default()
    };
    IssuedTicket {
        number: i.ticket.number.clone(),
        counter: office
            .counter(&i.ticket.counter_id)
            .map_or_else(String::new, |c| c.name.get(t.lang).to_string()),
        appointment: i.ticket.appointment_at.map(local),
        wait: i.expected_wait,
        follow_url: format!(
            "{}{}",
            s.app.config.public_url.trim_end_matches('/'),
            crate::paths::ticket(&i.secret)
        ),
        late: i.late,
        urgent: i.ticket.urgent != 0,
    }
}

/// What a refused check-in or walk-in answers.
fn status_of(e: &QueueError) -> StatusCode {
    match e {
        QueueError::UnknownCode => StatusCode::NOT_FOUND,
        QueueError::MistypedCode(_) | QueueError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::CONFLICT,
    }
}

/// Check in or give a walk-in ticket, as `who`, from the form `f`.
async fn give(
    s: &AppState,
    who: &Staff,
    office: &str,
    walk_in: bool,
    f: &Fields,
) -> Result<Issued, QueueError> {
    let urgent = who.role != Role::Kiosk && f.get("urgent").is_some();
    match walk_in {
        false => {
            let code = f.get("code").unwrap_or_default();
            queue::check_in(&s.app, who, office, code, urgent).await
        }
        true => queue::walk_in(&s.app, who, office, &f.wish(), urgent).await,
    }
}

/// The page after a check-in or walk-in: the ticket, or why not (with its status).
fn answer(
    s: &AppState,
    t: &Texts,
    office: &Office,
    given: Result<Issued, QueueError>,
    render: impl Fn(Option<&IssuedTicket>, Option<&str>) -> maud::Markup,
) -> Result<(StatusCode, maud::Markup), PageError> {
    Ok(match given {
        Ok(i) => (
            StatusCode::OK,
            render(Some(&issued(s, t, office, &i)), None),
        ),
        Err(e) => {
            let e = notice_of(e)?;
            (
                status_of(&e),
                render(None, Some(&queue_problem(t, office, &e))),
            )
        }
    })
}

pub async fn front_desk(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
) -> Result<Page, PageError> {
    let o = signed.office(&office, Permission::FrontDesk)?;
    let markup = view::front_desk(&t, &signed.nav(), o, None, None, &signed.csrf.token);
    Ok(signed.page(&s, markup))
}

async fn front(
    s: AppState,
    t: Texts,
    signed: Signed,
    office: String,
    walk_in: bool,
    f: Fields,
) -> Result<Page, PageError> {
    let o = signed.office(&office, Permission::FrontDesk)?;
    let given = give(&s, &signed.staff, &o.id, walk_in, &f).await;
    let (status, markup) = answer(&s, &t, o, given, |i, p| {
        view::front_desk(&t, &signed.nav(), o, i, p, &signed.csrf.token)
    })?;
    Ok(signed.page(&s, markup).status(status))
}

pub async fn check_in(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    front(s, t, signed, office, false, f).await
}

pub async fn walk_in(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    front(s, t, signed, office, true, f).await
}

/// The kiosk of this device for an office, if the device is one of its kiosks.
async fn device(
    s: &AppState,
    headers: &HeaderMap,
    office: &str,
) -> Result<Option<Staff>, PageError> {
    let Some(token) = kiosk_token(s, headers) else {
        return Ok(None);
    };
    match staff::kiosk(&s.app, &token).await {
        Ok(k) if k.office.as_deref() == Some(office) => Ok(Some(k)),
        Ok(_) | Err(AccessError::Unknown) | Err(AccessError::Forbidden(_)) => Ok(None),
        Err(AccessError::Store(e)) => Err(e.into()),
    }
}

/// Whether an admin is signed in on this device (who may unlock it at once).
async fn admin_here(s: &AppState, headers: &HeaderMap) -> Option<Staff> {
    let token = session_cookie(headers, s.secure_cookies())?;
    staff::session(&s.app, &token)
        .await
        .ok()
        .filter(|st| st.role == Role::Admin)
}

async fn office_of(s: &AppState, id: &str) -> Result<Office, PageError> {
    s.app.office(id).await?.ok_or_else(PageError::not_found)
}

pub async fn kiosk(
    State(s): State<AppState>,
    t: Texts,
    Path(office): Path<String>,
    headers: HeaderMap,
) -> Result<Page, PageError> {
    let o = office_of(&s, &office).await?;
    let csrf = Csrf::of(&headers);
    let markup = match device(&s, &headers, &o.id).await? {
        Some(_) => view::kiosk(&t, &o, None, None, &csrf.token),
        None => {
            let admin = admin_here(&s, &headers).await.is_some();
            view::kiosk_locked(&t, &o, admin, None, &csrf.token)
        }
    };
    Ok(Page::new(markup).csrf(&s, csrf))
}

/// Unlock this device as a kiosk: by a kiosk key of this office, or by a
/// signed-in admin, who makes the kiosk here and now.
pub async fn unlock(
    State(s): State<AppState>,
    t: Texts,
    Path(office): Path<String>,
    headers: HeaderMap,
    FormFields(f): FormFields,
) -> Result<Response, PageError> {
    let o = office_of(&s, &office).await?;
    let token = match (
        f.get("token"),
        f.get("label"),
        admin_here(&s, &headers).await,
    ) {
        (Some(token), _, _) => match staff::kiosk(&s.app, token.trim()).await {
            Ok(k) if k.office.as_deref() == Some(o.id.as_str()) => Some(token.trim().to_string()),
            Err(AccessError::Store(e)) => return Err(e.into()),
            _ => None,
        },
        (None, Some(label), Some(admin)) => {
            match staff::unlock_kiosk(&s.app, &admin, &o.id, label).await {
                Ok((_, token)) => Some(token),
                Err(staff::UserError::Store(e)) => return Err(e.into()),
                Err(_) => None,
            }
        }
        _ => None,
    };
    let Some(token) = token else {
        let csrf = Csrf::of(&headers);
        let admin = admin_here(&s, &headers).await.is_some();
        let problem = t!(t, "kiosk-unlock-wrong");
        let markup = view::kiosk_locked(&t, &o, admin, Some(&problem), &csrf.token);
        return Ok(Page::new(markup)
            .status(StatusCode::FORBIDDEN)
            .csrf(&s, csrf)
            .into_response());
    };
    let mut r = Redirect::to(&format!("/kiosk/{}", o.id)).into_response();
    // As long as browsers keep a cookie (400 days); revoking the kiosk ends it sooner.
    set_staff_cookie(
        &s,
        &mut r,
        &kiosk_cookie_name(&s),
        &token,
        Some(400 * 24 * 3600),
    );
    Ok(r)
}

async fn at_kiosk(
    s: AppState,
    t: Texts,
    office: String,
    headers: HeaderMap,
    walk_in: bool,
    f: Fields,
) -> Result<Page, PageError> {
    let o = office_of(&s, &office).await?;
    let csrf = Csrf::of(&headers);
    let Some(k) = device(&s, &headers, &o.id).await? else {
        return Err(super::forbidden());
    };
    let given = give(&s, &k, &o.id, walk_in, &f).await;
    let (status, markup) = answer(&s, &t, &o, given, |i, p| {
        view::kiosk(&t, &o, i, p, &csrf.token)
    })?;
    Ok(Page::new(markup).status(status).csrf(&s, csrf))
}

pub async fn kiosk_check_in(
    State(s): State<AppState>,
    t: Texts,
    Path(office): Path<String>,
    headers: HeaderMap,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    at_kiosk(s, t, office, headers, false, f).await
}

pub async fn kiosk_walk_in(
    State(s): State<AppState>,
    t: Texts,
    Path(office): Path<String>,
    headers: HeaderMap,
    FormFields(f): FormFields,
) -> Result<Page, PageError> {
    at_kiosk(s, t, office, headers, true, f).await
}
