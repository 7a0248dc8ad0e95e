//! What the city's IT watches: liveness and readiness, through the real router.

use axum::http::StatusCode;

use termin::store::Store;

use crate::support::{on_both, TestApp};

on_both!(health_and_readiness_answer_without_login);

async fn health_and_readiness_answer_without_login(store: Store) {
    let backend = store.backend();
    let t = TestApp::new(store).await;
    let health = t.call("GET", "/healthz", None).await;
    assert_eq!(
        (health.status, health.text.as_str()),
        (StatusCode::OK, "ok\n")
    );
    let ready = t.call("GET", "/readyz", None).await;
    assert_eq!(ready.status, StatusCode::OK, "{}", ready.text);
    assert_eq!(ready.text, format!("ready ({backend})\n"));
    assert_eq!(ready.headers["cache-control"], "no-store");
}

/// While PostgreSQL cannot be reached the instance is alive but not ready
/// (503 with Retry-After, saying why); once it is back, ready again.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn readiness_is_503_while_the_database_is_gone_on_postgres() {
    let Some((db, relay, t)) = crate::support::relayed_postgres().await else {
        return;
    };
    relay.down().await;
    let ready = t.call("GET", "/readyz", None).await;
    assert_eq!(
        ready.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        ready.text
    );
    assert_eq!(ready.headers["retry-after"], "5");
    assert!(ready.text.starts_with("not ready: "), "{}", ready.text);
    assert_eq!(t.call("GET", "/healthz", None).await.status, StatusCode::OK);
    relay.up().await;
    let mut back = StatusCode::SERVICE_UNAVAILABLE;
    for _ in 0..50 {
        back = t.call("GET", "/readyz", None).await.status;
        if back == StatusCode::OK {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(back, StatusCode::OK);
    crate::support::finish_relayed(
        db,
        relay,
        &t,
        "ops::readiness_is_503_while_the_database_is_gone_on_postgres",
    )
    .await;
}

/// A database behind this build's schema is not ready: its migrations are missing.
#[tokio::test]
async fn readiness_says_when_migrations_are_missing() {
    let db = crate::support::Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    let Store::Sqlite(s) = &db.store else {
        unreachable!()
    };
    sqlx::query(
        "DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)",
    )
    .execute(&s.pool)
    .await
    .unwrap();
    let ready = t.call("GET", "/readyz", None).await;
    assert_eq!(ready.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(ready.text.contains("migrations applied"), "{}", ready.text);
    db.drop().await;
}
