//! HTTP: the router, shared state, security headers and the background jobs a server runs.

pub mod api;
pub mod api_plan;
pub mod api_staff;
pub mod api_stats;
pub mod api_webhooks;
pub mod citizen;
pub mod csrf;
pub mod error;
pub mod feeds;
pub mod form;
pub mod lang;
pub mod listen;
pub mod openapi;
pub mod ops;
pub mod page;
pub mod ratelimit;
pub mod staff;

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::compression::predicate::{DefaultPredicate, Predicate, SizeAbove};

use crate::app::App;
use ratelimit::Limits;

#[derive(Clone)]
pub struct AppState {
    pub app: App,
    /// `None` when rate limits are off.
    pub limits: Option<Arc<Limits>>,
    /// What the waiting-room displays show, shared by all who watch one office.
    pub displays: Arc<staff::Displays>,
}

impl AppState {
    pub fn new(app: App) -> AppState {
        let limits = app.config.rate_limits.then(|| Arc::new(Limits::default()));
        AppState {
            app,
            limits,
            displays: Arc::default(),
        }
    }

    /// Cookies are marked `Secure` when the service is reached over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.app.config.public_url.starts_with("https://")
    }

    /// The client's address, as the rate limits see it (loopback when a test sends no peer).
    pub fn client_ip(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> IpAddr {
        ratelimit::client_ip(
            peer.unwrap_or(IpAddr::from([127, 0, 0, 1])),
            headers,
            &self.app.config.trusted_proxies,
        )
    }
}

/// The whole HTTP surface.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(api::routes())
        .merge(api_staff::routes())
        .merge(api_stats::routes())
        .merge(api_plan::routes())
        .merge(feeds::routes())
        .merge(api_webhooks::routes())
        .merge(citizen::routes())
        .merge(staff::routes())
        .merge(ops::routes())
        .route_layer(middleware::from_fn(ops::observe))
        .layer(DefaultBodyLimit::max(16 * 1024))
        .layer(middleware::from_fn_with_state(state.clone(), csrf::protect))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            ratelimit::limit,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            request_timeout,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            page::render_problems,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            lang::remember,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security_headers,
        ))
        // gzip for pages and JSON when the client takes it; never for event streams
        // (tower-http's default predicate leaves text/event-stream alone). At
        // the fastest level: deflate at the default level was the largest
        // single cost of a page in the profile, and the fastest level gives
        // nearly the same bytes for pages of a few kilobytes. Not for answers
        // under a kilobyte (a booking's 201): setting up the compressor costs
        // more than the bytes it saves, which fit in one packet either way.
        .layer(
            tower_http::compression::CompressionLayer::new()
                .quality(tower_http::CompressionLevel::Fastest)
                .compress_when(DefaultPredicate::new().and(SizeAbove::new(1024))),
        )
        .with_state(state)
}

/// A request that takes longer than `TERMIN_REQUEST_TIMEOUT_SECONDS` is
/// answered 503 (the service is overloaded or its database slow; try again),
/// and its work is dropped.
async fn request_timeout(State(s): State<AppState>, request: Request, next: Next) -> Response {
    let limit = std::time::Duration::from_secs(s.app.config.request_timeout_seconds);
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(seconds = limit.as_secs(), "a request took too long");
            error::AppError::Unavailable(error::Busy::Slow).into_response()
        }
    }
}

/// Whether a path is about one booking, reached with its secret token: such
/// requests are limited more strictly and their answers never cached.
pub fn carries_token(path: &str) -> bool {
    path.starts_with("/b/") || path.starts_with("/t/") || path.starts_with("/api/v1/bookings/")
}

/// Headers every response carries. Pages and answers with a booking's secret
/// link or personal data are never cached or sent on as a referrer.
async fn security_headers(State(s): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    // The booking flow's pages show held times and, at the end, personal data.
    let personal = carries_token(path)
        || path.starts_with("/o/")
        || path.starts_with("/staff")
        || path.starts_with("/kiosk/")
        || path == "/api/v1/bookings"
        || path.contains("/appointments");
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if personal {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if s.secure_cookies() {
        // Reached over HTTPS: browsers should never try plain HTTP again.
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}
