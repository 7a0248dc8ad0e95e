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
}

/// The paths machines read, whose errors stay plain text (no error page).
pub fn for_machines(path: &str) -> bool {
    matches!(path, "/healthz" | "/readyz")
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
