//! Answers of the pages: a [`Page`] a handler picked, or a [`PageError`] that
//! one place ([`render_problems`]) turns into the error page, in the visitor's
//! language, with its status and headers.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use maud::Markup;

use super::csrf::Csrf;
use super::error::{AppError, Busy};
use super::lang::PageLang;
use super::AppState;
use crate::booking::{MoveError, TokenError};
use crate::domain::Language;
use crate::i18n::Texts;
use crate::store::StoreError;
use crate::views::errors::Problem;

/// A page to send, with the CSRF cookie its forms need.
pub struct Page {
    status: StatusCode,
    markup: Markup,
    csrf: Option<(Csrf, bool)>,
}

impl Page {
    pub fn new(markup: Markup) -> Page {
        Page {
            status: StatusCode::OK,
            markup,
            csrf: None,
        }
    }

    pub fn status(mut self, status: StatusCode) -> Page {
        self.status = status;
        self
    }

    /// Set the visitor's form token as a cookie if they have none yet.
    pub fn csrf(mut self, s: &AppState, csrf: Csrf) -> Page {
        self.csrf = Some((csrf, s.secure_cookies()));
        self
    }
}

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        let mut response = (self.status, self.markup).into_response();
        if let Some((csrf, secure)) = self.csrf {
            csrf.apply(&mut response, secure);
        }
        response
    }
}

/// What went otherwise than asked, as a page will say it.
#[derive(Clone)]
pub struct PageError {
    pub problem: Problem,
    pub status: StatusCode,
    /// Seconds until trying again can help.
    pub retry_after: Option<u64>,
    /// The page's language where it is not the visitor's (a booking's own).
    pub lang: Option<Language>,
    /// The form token for the forms on the page.
    csrf: Option<Arc<(Csrf, bool)>>,
}

impl PageError {
    pub fn new(status: StatusCode, problem: Problem) -> PageError {
        PageError {
            problem,
            status,
            retry_after: None,
            lang: None,
            csrf: None,
        }
    }

    pub fn retry_after(mut self, seconds: u64) -> PageError {
        self.retry_after = Some(seconds);
        self
    }

    pub fn in_language(mut self, lang: Language) -> PageError {
        self.lang = Some(lang);
        self
    }

    pub fn csrf(mut self, s: &AppState, csrf: Csrf) -> PageError {
        self.csrf = Some(Arc::new((csrf, s.secure_cookies())));
        self
    }

    /// Something failed on our side: logged with a reference the visitor can
    /// quote; if the database could not be reached, come back soon.
    pub fn failed(e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> PageError {
        let e = e.into();
        if crate::store::unavailable(&*e) {
            tracing::warn!(error = %e, "the database cannot be reached");
            return PageError::unavailable();
        }
        match AppError::internal("page", e) {
            AppError::Internal(reference) => PageError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                Problem::Failed { reference },
            ),
            _ => unreachable!("internal() makes an internal error"),
        }
    }

    pub fn unavailable() -> PageError {
        PageError::new(StatusCode::SERVICE_UNAVAILABLE, Problem::Unavailable)
            .retry_after(Busy::Database.retry_after())
    }

    pub fn not_found() -> PageError {
        PageError::new(StatusCode::NOT_FOUND, Problem::Status(404))
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        response.extensions_mut().insert(self);
        response
    }
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> PageError {
        PageError::failed(e)
    }
}

impl From<TokenError> for PageError {
    fn from(e: TokenError) -> PageError {
        match e {
            TokenError::Unknown => PageError::new(StatusCode::NOT_FOUND, Problem::BookingNotFound),
            TokenError::Expired => PageError::new(StatusCode::GONE, Problem::BookingLapsed),
            TokenError::Closed(_) | TokenError::TooLate => {
                PageError::new(StatusCode::CONFLICT, Problem::NotChangeable)
            }
            TokenError::Store(e) => match AppError::from(e) {
                AppError::Unavailable(_) => PageError::unavailable(),
                other => booking_failed(other),
            },
            TokenError::Mail(e) => booking_failed(AppError::internal("rendering a mail", e)),
        }
    }
}

fn booking_failed(e: AppError) -> PageError {
    let (_, detail) = e.code_and_message();
    PageError::new(e.status(), Problem::BookingFailed { detail })
}

impl From<MoveError> for PageError {
    fn from(e: MoveError) -> PageError {
        match e {
            MoveError::Token(e) => e.into(),
            MoveError::Book(e) => PageError::failed(e),
            MoveError::TooOften(_) => PageError::failed(e),
        }
    }
}

/// The texts of the page's language, for a handler.
impl FromRequestParts<AppState> for Texts {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, Self::Rejection> {
        let lang = PageLang::of(parts.uri.query(), &parts.headers).lang;
        Ok(s.app.texts(lang))
    }
}

/// Outside the API, a person is reading: a [`PageError`] becomes the error
/// page, and an error that comes back as JSON, plain text or nothing (an
/// unknown address, a wrong method, a body too large or of the wrong type,
/// which axum answers itself) becomes the same page for its status.
pub async fn render_problems(State(s): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path.starts_with("/api/") || super::ops::for_machines(path) {
        return next.run(request).await;
    }
    let lang = PageLang::of(request.uri().query(), request.headers()).lang;
    let mut response = next.run(request).await;
    let error = match response.extensions_mut().remove::<PageError>() {
        Some(e) => e,
        None => {
            let status = response.status();
            let is_html = response
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("text/html"));
            if !(status.is_client_error() || status.is_server_error()) || is_html {
                return response;
            }
            PageError::new(status, Problem::Status(status.as_u16()))
        }
    };
    let t = s.app.texts(error.lang.unwrap_or(lang));
    let mut page = Page::new(crate::views::errors::problem(&t, &error.problem))
        .status(error.status)
        .into_response();
    if let Some(csrf) = &error.csrf {
        csrf.0.apply(&mut page, csrf.1);
    }
    let headers = page.headers_mut();
    for name in [header::ALLOW, header::RETRY_AFTER] {
        if let Some(v) = response.headers().get(&name) {
            headers.insert(name, v.clone());
        }
    }
    if let Some(secs) = error.retry_after {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    page
}
