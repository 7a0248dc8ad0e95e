//! For the city's IT: `/healthz` (the process serves) and `/readyz` (the
//! database answers and its schema is current; 503 with Retry-After otherwise),
//! without login, for load balancers and orchestrators.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use super::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
}

/// `/metrics` in the Prometheus text format; behind `TERMIN_METRICS_TOKEN` when set.
async fn metrics(State(s): State<AppState>, headers: axum::http::HeaderMap) -> Response {
    if let Some(token) = &s.app.config.metrics_token {
        let given = super::api::bearer(&headers).map(crate::secret::hash);
        if given != Some(crate::secret::hash(token)) {
            let mut r = plain(
                StatusCode::UNAUTHORIZED,
                "send the metrics token as Authorization: Bearer …\n".into(),
            );
            r.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
            return r;
        }
    }
    let body = crate::metrics::render(&s.app).await;
    let mut r = plain(StatusCode::OK, body);
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    r
}

/// Each request in a span with its request id (`X-Request-Id`, ours unless the
/// proxy sent a plain one) and its route as the router names it, never its path,
/// which can carry a booking's secret; counted and timed for `/metrics`.
pub async fn observe(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    use tracing::Instrument;
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |m| m.as_str().to_string());
    let method = request.method().as_str().to_string();
    let id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            (1..=64).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        .map_or_else(|| uuid::Uuid::new_v4().simple().to_string(), str::to_string);
    let span = tracing::info_span!("request", id = %id, method = %method, route = %route);
    let started = std::time::Instant::now();
    let mut response = next.run(request).instrument(span.clone()).await;
    let seconds = started.elapsed().as_secs_f64();
    let status = response.status();
    let m = &crate::metrics::METRICS;
    m.http_requests
        .with_label_values(&[&route, &method, status.as_str()])
        .inc();
    m.http_seconds
        .with_label_values(&[&route, &method])
        .observe(seconds);
    span.in_scope(|| {
        tracing::info!(
            status = status.as_u16(),
            ms = (seconds * 1000.0).round() as u64,
            "answered"
        )
    });
    if let Ok(v) = header::HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", v);
    }
    response
}

/// The paths machines read, whose errors stay plain text (no error page).
pub fn for_machines(path: &str) -> bool {
    matches!(path, "/healthz" | "/readyz" | "/metrics")
}

fn plain(status: StatusCode, text: String) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        text,
    )
        .into_response()
}

async fn healthz() -> Response {
    plain(StatusCode::OK, "ok\n".into())
}

async fn readyz(State(s): State<AppState>) -> Response {
    let checked =
        tokio::time::timeout(std::time::Duration::from_secs(5), s.app.store.ready()).await;
    match checked {
        Ok(Ok(())) => plain(
            StatusCode::OK,
            format!("ready ({})\n", s.app.store.backend()),
        ),
        Ok(Err(why)) => unavailable(why),
        Err(_) => unavailable("the database did not answer within 5 seconds".into()),
    }
}

fn unavailable(why: String) -> Response {
    tracing::warn!(%why, "not ready");
    let mut r = plain(
        StatusCode::SERVICE_UNAVAILABLE,
        format!("not ready: {why}\n"),
    );
    r.headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from_static("5"));
    r
}
