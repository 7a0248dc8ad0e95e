//! The staff's pages: signing in, an office's day (front desk, desk, day
//! board), the kiosk, the waiting-room display and a ticket's own page, the
//! audit log and users. Handlers extract, call one use case of `staff` or
//! `queue`, and pick a view of `views::staff`; what they share is here: who
//! is signed in, their office, and the cookies of sessions and kiosks.

mod admin;
mod desk;
mod display;
mod feeds;
mod front;
mod login;
mod plan;
mod stats;
mod week;

pub use display::Displays;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use maud::Markup;

use super::api_staff::session_cookie;
use super::csrf::Csrf;
use super::page::{Page, PageError};
use super::AppState;
use crate::domain::roles::covers;
use crate::domain::{Office, Permission};
use crate::queue::QueueError;
use crate::staff::{self, AccessError, Staff};
use crate::views::errors::Problem;
use crate::views::staff::Nav;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/login", get(login::form).post(login::submit))
        .route("/staff/logout", post(login::logout))
        .route("/staff", get(login::index))
        .route(
            "/staff/password",
            get(admin::password_form).post(admin::change_password),
        )
        .route("/staff/audit", get(admin::audit))
        .route("/staff/users", get(admin::users).post(admin::add_user))
        .route("/staff/users/reset", post(admin::reset))
        .route("/staff/users/disable", post(admin::disable))
        .route("/staff/keys", post(admin::add_key))
        .route("/staff/keys/revoke", post(admin::revoke_key))
        .route("/staff/kiosks", post(admin::add_kiosk))
        .route("/staff/kiosks/revoke", post(admin::revoke_kiosk))
        .route("/staff/{office}/today", get(desk::today))
        .route("/staff/statistics", get(stats::compare))
        .route("/staff/{office}/statistics", get(stats::statistics))
        .route("/staff/{office}/week", get(week::week))
        .route("/staff/{office}/plan", get(plan::form).post(plan::submit))
        .route(
            "/staff/{office}/feeds",
            get(feeds::page).post(feeds::create),
        )
        .route("/staff/{office}/feeds/revoke", post(feeds::revoke))
        .route("/staff/{office}/webhooks", post(feeds::add_hook))
        .route("/staff/{office}/webhooks/revoke", post(feeds::revoke_hook))
        .route(
            "/staff/{office}/plan/revisions/{revision}",
            get(plan::revision),
        )
        .route("/staff/{office}/statistics.csv", get(stats::statistics_csv))
        .route("/staff/{office}/today/events", get(desk::today_events))
        .route(
            "/staff/{office}/checkin",
            get(front::front_desk).post(front::check_in),
        )
        .route("/staff/{office}/walkin", post(front::walk_in))
        .route("/staff/{office}/desk", get(desk::desk))
        .route("/staff/{office}/desk/events", get(desk::desk_events))
        .route("/staff/{office}/desk/call", post(desk::call))
        .route("/staff/{office}/desk/alert", post(desk::alert))
        .route("/staff/{office}/desk/{ticket}/{action}", post(desk::act))
        .route("/staff/{office}/alerts/{alert}/coming", post(desk::coming))
        .route("/kiosk/{office}", get(front::kiosk))
        .route("/kiosk/{office}/unlock", post(front::unlock))
        .route("/kiosk/{office}/checkin", post(front::kiosk_check_in))
        .route("/kiosk/{office}/walkin", post(front::kiosk_walk_in))
        .route("/display/{office}", get(display::display))
        .route("/display/{office}/events", get(display::events))
        .route("/t/{secret}", get(display::follow))
        .route("/t/{secret}/events", get(display::follow_events))
        .route("/assets/live.js", get(display::script))
}

/// Whether a page POST is one of the staff side's (desk, front desk, kiosk):
/// these come often from one address and are counted by the limit for reading.
pub fn is_staff_post(path: &str) -> bool {
    path.starts_with("/staff/") || path.starts_with("/kiosk/")
}

/// A signed-in staff member, the offices they belong to, and the form token
/// for their pages. Without a session, the page sends them to sign in first
/// and back here after.
pub struct Signed {
    pub staff: Staff,
    pub offices: Vec<Office>,
    pub csrf: Csrf,
}

impl Signed {
    pub fn nav(&self) -> Nav<'_> {
        Nav {
            staff: &self.staff,
            offices: &self.offices,
            csrf: &self.csrf.token,
        }
    }

    /// The office in the path, if the staff member may do `p` there.
    pub fn office(&self, id: &str, p: Permission) -> Result<&Office, PageError> {
        let office = self.offices.iter().find(|o| o.id == id).ok_or_else(|| {
            match covers(self.staff.office.as_deref(), id) {
                true => PageError::not_found(),
                false => forbidden(),
            }
        })?;
        if !self.staff.may(p, id) {
            return Err(forbidden());
        }
        Ok(office)
    }

    /// A page for this staff member, with their form token.
    pub fn page(&self, s: &AppState, markup: Markup) -> Page {
        Page::new(markup).csrf(s, self.csrf.clone())
    }
}

pub fn forbidden() -> PageError {
    PageError::new(StatusCode::FORBIDDEN, Problem::Forbidden)
}

impl From<AccessError> for PageError {
    fn from(e: AccessError) -> PageError {
        match e {
            AccessError::Store(e) => e.into(),
            AccessError::Unknown | AccessError::Forbidden(_) => forbidden(),
        }
    }
}

/// A refused queue action that the page says in its notice, or an error
/// that gets its own page (no access, no such office, a failure).
pub fn notice_of(e: QueueError) -> Result<QueueError, PageError> {
    match e {
        QueueError::Access(e) => Err(e.into()),
        QueueError::Store(e) => Err(e.into()),
        QueueError::UnknownOffice => Err(PageError::not_found()),
        other => Ok(other),
    }
}

impl FromRequestParts<AppState> for Signed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, Response> {
        let to_login = || {
            let here = parts.uri.path_and_query().map_or("/staff", |p| p.as_str());
            Redirect::to(&format!("/staff/login?next={}", crate::paths::encode(here)))
                .into_response()
        };
        let Some(token) = session_cookie(&parts.headers, s.secure_cookies()) else {
            return Err(to_login());
        };
        let staff = match staff::session(&s.app, &token).await {
            Ok(staff) => staff,
            Err(AccessError::Store(e)) => return Err(PageError::from(e).into_response()),
            Err(_) => return Err(to_login()),
        };
        let offices = s
            .app
            .offices()
            .await
            .map_err(|e| PageError::from(e).into_response())?
            .into_iter()
            .filter(|o| covers(staff.office.as_deref(), &o.id))
            .collect();
        Ok(Signed {
            staff,
            offices,
            csrf: Csrf::of(&parts.headers),
        })
    }
}

/// The staff session cookie's name: with the `__Host-` prefix over HTTPS,
/// which browsers accept only when Secure, for this host, for every path.
fn session_cookie_name(s: &AppState) -> String {
    match s.secure_cookies() {
        true => format!("__Host-{}", super::api_staff::SESSION_COOKIE),
        false => super::api_staff::SESSION_COOKIE.to_string(),
    }
}

/// The kiosk cookie (its device token) by the same rules.
pub const KIOSK_COOKIE: &str = "termin_kiosk";

fn kiosk_cookie_name(s: &AppState) -> String {
    match s.secure_cookies() {
        true => format!("__Host-{KIOSK_COOKIE}"),
        false => KIOSK_COOKIE.to_string(),
    }
}

/// The kiosk token of a request's cookie (over HTTPS only the `__Host-` one).
pub fn kiosk_token(s: &AppState, headers: &HeaderMap) -> Option<String> {
    super::csrf::cookie(headers, &kiosk_cookie_name(s)).map(str::to_string)
}

/// Set a staff cookie: HttpOnly, SameSite=Strict, for every path, Secure
/// over HTTPS; `max_age` 0 deletes it, `None` keeps it for the browser session.
fn set_staff_cookie(
    s: &AppState,
    response: &mut Response,
    name: &str,
    value: &str,
    max_age: Option<i64>,
) {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if s.secure_cookies() {
        c.push_str("; Secure");
    }
    if let Ok(v) = HeaderValue::from_str(&c) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
}
