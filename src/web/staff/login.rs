//! Signing in and out, and the start page of the signed-in.

use axum::extract::{Extension, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::{session_cookie_name, set_staff_cookie, Signed};
use crate::i18n::Texts;
use crate::staff::{self, LoginError};
use crate::t;
use crate::views::staff::login as view;
use crate::web::api_staff::session_cookie;
use crate::web::csrf::Csrf;
use crate::web::form::{FormFields, QueryFields};
use crate::web::page::{Page, PageError};
use crate::web::ratelimit::ClientIp;
use crate::web::AppState;

/// Where to go after signing in: a page of the staff side, the kiosk or the
/// display; never another site (`//evil.example`).
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if ["/staff", "/kiosk/", "/display/"]
                .iter()
                .any(|p| n.starts_with(p))
                && !n.contains("//")
                && !n.contains('\\') =>
        {
            n.to_string()
        }
        _ => "/staff".to_string(),
    }
}

pub async fn form(
    State(s): State<AppState>,
    t: Texts,
    QueryFields(q): QueryFields,
    headers: HeaderMap,
) -> Page {
    let notice = match (q.get("out"), q.get("next")) {
        (Some(_), _) => Some(t!(t, "logged-out")),
        (None, Some(_)) => Some(t!(
            t,
            "login-needed",
            minutes = s.app.config.staff_idle_minutes
        )),
        _ => None,
    };
    let csrf = Csrf::of(&headers);
    let next = safe_next(q.get("next"));
    let markup = view::login(&t, "", None, notice.as_deref(), &next, &csrf.token);
    Page::new(markup).csrf(&s, csrf)
}

/// A login: the session's cookie and on to the page asked for; else the
/// form again, the same answer for an unknown address as for a wrong password.
pub async fn submit(
    State(s): State<AppState>,
    Extension(ClientIp(ip)): Extension<ClientIp>,
    t: Texts,
    headers: HeaderMap,
    FormFields(f): FormFields,
) -> Result<Response, PageError> {
    let next = safe_next(f.get("next"));
    let email = f.get("email").unwrap_or_default();
    let password = f.get("password").unwrap_or_default();
    let (status, problem, wait) = match staff::login(&s.app, email, password, ip).await {
        Ok(done) => {
            let mut r = Redirect::to(&next).into_response();
            set_staff_cookie(&s, &mut r, &session_cookie_name(&s), &done.token, None);
            return Ok(r);
        }
        Err(LoginError::Refused) => (StatusCode::UNAUTHORIZED, t!(t, "login-refused"), None),
        Err(LoginError::Slow(seconds)) => (
            StatusCode::TOO_MANY_REQUESTS,
            t!(t, "login-slow", seconds = seconds),
            Some(seconds),
        ),
        Err(LoginError::Store(e)) => return Err(e.into()),
    };
    let csrf = Csrf::of(&headers);
    let markup = view::login(&t, email, Some(&problem), None, &next, &csrf.token);
    let mut r = Page::new(markup)
        .status(status)
        .csrf(&s, csrf)
        .into_response();
    if let Some(w) = wait {
        r.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(w));
    }
    Ok(r)
}

/// Sign out: the session ends on the server, and its cookie is dropped.
pub async fn logout(State(s): State<AppState>, headers: HeaderMap) -> Result<Response, PageError> {
    if let Some(token) = session_cookie(&headers, s.secure_cookies()) {
        staff::logout(&s.app, &token).await?;
    }
    let mut r = Redirect::to("/staff/login?out=1").into_response();
    set_staff_cookie(&s, &mut r, &session_cookie_name(&s), "", Some(0));
    Ok(r)
}

pub async fn index(State(s): State<AppState>, t: Texts, signed: Signed) -> Page {
    signed.page(&s, view::index(&t, &signed.nav()))
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn after_signing_in_only_our_own_staff_pages_are_next() {
        assert_eq!(
            safe_next(Some("/staff/mitte/desk?desk=3")),
            "/staff/mitte/desk?desk=3"
        );
        assert_eq!(safe_next(Some("/kiosk/mitte")), "/kiosk/mitte");
        assert_eq!(safe_next(Some("//evil.example/staff")), "/staff");
        assert_eq!(safe_next(Some("/staff//evil.example")), "/staff");
        assert_eq!(safe_next(Some("https://evil.example")), "/staff");
        assert_eq!(safe_next(Some("/staff\\@evil")), "/staff");
        assert_eq!(safe_next(None), "/staff");
    }
}
