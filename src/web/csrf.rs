//! Protection of the pages' forms against cross-site requests, and the cookies the forms use.
//!
//! Two layers, in one middleware ([`protect`]) in front of every page POST: it must
//! come from our own origin as far as the browser tells (`Sec-Fetch-Site`, else
//! `Origin`), and must carry a form field equal to the `csrf` cookie (a
//! double-submit token; the cookie is `SameSite=Lax` and `HttpOnly`, so another
//! site can neither send nor read it).

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle_eq::constant_time_eq;

use super::AppState;
use crate::secret;
use crate::views::errors::Problem;

pub const COOKIE: &str = "csrf";
pub const FIELD: &str = "csrf";

/// A cookie's value from the request.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Add a cookie to a response: only for this site, never for scripts, and
/// `Secure` when the service is reached over HTTPS.
pub fn set_cookie(
    response: &mut Response,
    name: &str,
    value: &str,
    max_age: Option<i64>,
    secure: bool,
) {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    if let Ok(v) = HeaderValue::from_str(&c) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// The token a page embeds in its forms: the visitor's, or a new one to set.
#[derive(Debug, Clone)]
pub struct Csrf {
    pub token: String,
    new: bool,
}

impl Csrf {
    pub fn of(headers: &HeaderMap) -> Csrf {
        match cookie(headers, COOKIE).filter(|t| is_token(t)) {
            Some(t) => Csrf {
                token: t.to_string(),
                new: false,
            },
            None => Csrf {
                token: secret::new_token()[..32].to_string(),
                new: true,
            },
        }
    }

    /// Set the cookie on the page's response if the visitor had none; it lasts the browser session.
    pub fn apply(&self, response: &mut Response, secure: bool) {
        if self.new {
            set_cookie(response, COOKIE, &self.token, None, secure);
        }
    }
}

fn is_token(t: &str) -> bool {
    t.len() == 32 && t.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Whether a form's token matches the visitor's cookie.
pub fn verify(headers: &HeaderMap, sent: Option<&str>) -> bool {
    match (cookie(headers, COOKIE), sent) {
        (Some(c), Some(s)) if is_token(c) => constant_time_eq(c.as_bytes(), s.as_bytes()),
        _ => false,
    }
}

/// Whether a browser says a request comes from another site: by `Sec-Fetch-Site`,
/// or where that is missing (older browsers) by `Origin`, which must be our
/// public address or name the host the request was sent to.
pub fn from_elsewhere(h: &HeaderMap, public_url: &str) -> bool {
    if let Some(site) = h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    let Some(origin) = h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host = h.get(header::HOST).and_then(|v| v.to_str().ok());
    let ours = origin == public_url.trim_end_matches('/')
        || (host.is_some() && origin.split_once("://").map(|(_, h)| h) == host);
    !ours
}

use super::form::FORM_LIMIT;

/// The `csrf` field of a url-encoded form. The token is hex, so it is never
/// percent-encoded; a value that is cannot match.
fn sent_token(form: &[u8]) -> Option<&str> {
    form.split(|b| *b == b'&')
        .find_map(|pair| pair.strip_prefix(FIELD.as_bytes())?.strip_prefix(b"="))
        .and_then(|v| std::str::from_utf8(v).ok())
}

/// Every page POST: refused unless it comes from our own pages (as far as the
/// browser tells) and carries the visitor's form token. Handlers need not check.
pub async fn protect(State(s): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::POST || request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let refused =
        || super::page::PageError::new(StatusCode::FORBIDDEN, Problem::FormExpired).into_response();
    if from_elsewhere(request.headers(), &s.app.config.public_url) {
        return refused();
    }
    let (parts, body) = request.into_parts();
    // The plan editor's form has a field for every window, exception and service.
    let limit = match parts.uri.path().ends_with("/plan") {
        true => 16 * FORM_LIMIT,
        false => FORM_LIMIT,
    };
    let Ok(form) = axum::body::to_bytes(body, limit).await else {
        return super::page::PageError::new(StatusCode::PAYLOAD_TOO_LARGE, Problem::Status(413))
            .into_response();
    };
    if !verify(&parts.headers, sent_token(&form)) {
        return refused();
    }
    next.run(Request::from_parts(parts, form.into())).await
}

/// Comparison in time independent of where the inputs differ.
mod subtle_eq {
    pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn the_token_is_read_from_the_form() {
        assert_eq!(sent_token(b"service=a&csrf=00ff&persons=1"), Some("00ff"));
        assert_eq!(sent_token(b"csrfx=1&xcsrf=2"), None);
        assert_eq!(sent_token(b""), None);
    }

    #[test]
    fn only_our_own_pages_may_send_forms() {
        let ours = "https://termine.example.de";
        assert!(!from_elsewhere(
            &headers(&[("sec-fetch-site", "same-origin")]),
            ours
        ));
        assert!(from_elsewhere(
            &headers(&[("sec-fetch-site", "cross-site")]),
            ours
        ));
        assert!(from_elsewhere(
            &headers(&[("sec-fetch-site", "same-site")]),
            ours
        ));
        // Older browsers: the Origin, compared with our address or the Host asked for.
        let behind_proxy = headers(&[
            ("origin", "https://termine.example.de"),
            ("host", "10.0.0.5:8080"),
        ]);
        assert!(!from_elsewhere(&behind_proxy, ours));
        let direct = headers(&[
            ("origin", "http://127.0.0.1:8080"),
            ("host", "127.0.0.1:8080"),
        ]);
        assert!(!from_elsewhere(&direct, ours));
        let evil = headers(&[
            ("origin", "https://evil.example"),
            ("host", "termine.example.de"),
        ]);
        assert!(from_elsewhere(&evil, ours));
        assert!(from_elsewhere(&headers(&[("origin", "null")]), ours));
        // No header at all: not a browser that tells; the token still has to match.
        assert!(!from_elsewhere(&HeaderMap::new(), ours));
    }
}
