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

on_both!(check_finds_nothing_after_a_busy_morning_and_each_corrupted_counter);

/// `termin check` (the store's check) agrees with bookings, moves, cancellations
/// and holds as they happen, and names the row when a counter has been changed
/// behind their back.
async fn check_finds_nothing_after_a_busy_morning_and_each_corrupted_counter(store: Store) {
    use termin::booking::Wish;
    let t = TestApp::new(store).await;
    t.confirm_at_once().await;
    let mut ids = Vec::new();
    for (i, start) in ["09:00", "09:15", "10:00", "10:30"].iter().enumerate() {
        let b = t
            .book(
                &format!("2026-12-02T{start}:00+01:00"),
                &format!("p{i}@example.org"),
            )
            .await;
        assert_eq!(b.status, StatusCode::CREATED, "{}", b.text);
        ids.push(b.json["id"].as_str().unwrap().to_string());
    }
    let mails = t.deliver().await;
    let token = crate::support::token_in(&crate::support::read_mail(&mails[0]));
    let moved = t
        .call(
            "POST",
            &format!("/api/v1/bookings/{token}/move"),
            Some(&serde_json::json!({"start": "2026-12-03T11:00:00+01:00"})),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text);
    let second = crate::support::token_in(&crate::support::read_mail(&mails[1]));
    assert_eq!(
        t.call("DELETE", &format!("/api/v1/bookings/{second}"), None)
            .await
            .status,
        StatusCode::OK
    );
    let wish = Wish {
        services: vec!["anmeldung".into()],
        persons: 1,
    };
    termin::hold::take(
        &t.app,
        "test",
        &wish,
        "2026-12-04T09:00:00+01:00",
        "192.0.2.1".parse().unwrap(),
        "f1",
    )
    .await
    .unwrap();
    assert_eq!(t.app.store.check().await.unwrap(), vec![], "all agree");

    let store = &t.app.store;
    let exec = |sql: &'static str| async move {
        let done = match store {
            Store::Sqlite(s) => sqlx::query(sql)
                .execute(&s.pool)
                .await
                .map(|r| r.rows_affected()),
            Store::Postgres(p) => sqlx::query(sql)
                .execute(&p.pool)
                .await
                .map(|r| r.rows_affected()),
        };
        assert_eq!(done.unwrap(), 1, "{sql}");
    };
    exec("UPDATE capacity_cells SET booked = booked + 1 WHERE cell_at = (SELECT MIN(cell_at) FROM capacity_cells)").await;
    exec("UPDATE arrival_cells SET arrivals = arrivals + 2 WHERE window_at = (SELECT MAX(window_at) FROM arrival_cells)").await;
    exec("UPDATE email_quota SET active = 0 WHERE active = 1 AND email_key = (SELECT MIN(email_key) FROM email_quota WHERE active = 1)").await;
    let found = t.app.store.check().await.unwrap();
    let tables: Vec<&str> = found.iter().map(|d| d.table).collect();
    assert_eq!(
        tables,
        ["capacity_cells", "arrival_cells", "email_quota"],
        "{found:?}"
    );
    assert_eq!(
        (
            found[0].stored - found[0].expected,
            found[1].stored - found[1].expected
        ),
        (1, 2)
    );
    assert_eq!((found[2].stored, found[2].expected), (0, 1));
}

/// `/metrics` in the Prometheus text format: requests by route (as the router
/// names it, so no secret of a path), bookings by outcome, the outbox.
#[tokio::test]
async fn metrics_count_requests_by_route_and_bookings_by_outcome_without_secrets() {
    let db = crate::support::Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    let booked = t
        .book("2026-12-02T09:00:00+01:00", "anna@example.org")
        .await;
    assert_eq!(booked.status, StatusCode::CREATED);
    let token = crate::support::token_in(&crate::support::read_mail(&t.deliver().await[0]));
    assert_eq!(
        t.call("GET", &format!("/b/{token}"), None).await.status,
        StatusCode::OK
    );
    t.book("2026-12-02T09:00:00+01:00", "bert@example.org")
        .await;
    let m = t.call("GET", "/metrics", None).await;
    assert_eq!(m.status, StatusCode::OK);
    assert_eq!(
        m.headers["content-type"],
        "text/plain; version=0.0.4; charset=utf-8"
    );
    let has = |line: &str| m.text.lines().any(|l| l.starts_with(line));
    assert!(
        has(
            "termin_http_requests_total{method=\"POST\",route=\"/api/v1/bookings\",status=\"201\"}"
        ),
        "{}",
        m.text
    );
    assert!(
        has("termin_http_requests_total{method=\"GET\",route=\"/b/{token}\",status=\"200\"}"),
        "{}",
        m.text
    );
    assert!(has("termin_http_request_duration_seconds_bucket{method=\"GET\",route=\"/b/{token}\",le=\"0.1\"}"));
    assert!(has("termin_bookings_total{outcome=\"booked\"}"));
    assert!(
        has("termin_bookings_total{outcome=\"slot_taken\"}")
            || has("termin_bookings_total{outcome=\"arrivals_full\"}")
    );
    assert!(has("termin_state{what=\"outbox_pending\"} 0"), "{}", m.text);
    assert!(has("termin_state{what=\"db_pool_connections\"}"));
    assert!(!m.text.contains(&token) && !m.text.contains("anna@example.org"));
    db.drop().await;
}

#[tokio::test]
async fn metrics_ask_for_their_token_when_one_is_set() {
    let db = crate::support::Db::sqlite().await;
    let config = termin::config::Config {
        rate_limits: false,
        metrics_token: Some("scrape-me".into()),
        ..termin::config::Config::default()
    };
    let t = TestApp::with_config(db.store.clone(), config).await;
    let none = t.call("GET", "/metrics", None).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert_eq!(none.headers["www-authenticate"], "Bearer");
    let wrong = t
        .request("GET", "/metrics", None, &[("authorization", "Bearer nope")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let right = t
        .request(
            "GET",
            "/metrics",
            None,
            &[("authorization", "bearer scrape-me")],
        )
        .await;
    assert_eq!(right.status, StatusCode::OK);
    assert!(right.text.contains("termin_http_requests_total"));
    db.drop().await;
}

/// Pages and JSON go out gzip-compressed to clients that take it.
#[tokio::test]
async fn answers_are_compressed_for_clients_that_take_gzip() {
    let db = crate::support::Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    let uri = "/api/v1/offices/test/availability?services=anmeldung&persons=1&from=2026-12-02&to=2026-12-31";
    let plain = t.call("GET", uri, None).await;
    assert!(plain.headers.get("content-encoding").is_none());
    let packed = t
        .request("GET", uri, None, &[("accept-encoding", "gzip")])
        .await;
    assert_eq!(packed.headers["content-encoding"], "gzip");
    assert!(
        packed.text.len() * 4 < plain.text.len(),
        "{} → {}",
        plain.text.len(),
        packed.text.len()
    );
    let page = t
        .request("GET", "/o/test", None, &[("accept-encoding", "gzip")])
        .await;
    assert_eq!(page.headers["content-encoding"], "gzip");
    // An answer under a kilobyte goes out as it is: packing it would cost more
    // than it saves.
    let small = t
        .request(
            "GET",
            "/api/v1/offices/test/availability?services=anmeldung&persons=1&from=2026-12-05&to=2026-12-05",
            None,
            &[("accept-encoding", "gzip")],
        )
        .await;
    assert_eq!(small.status, StatusCode::OK, "{}", small.text);
    assert!(small.text.len() < 1024, "{}", small.text);
    assert!(small.headers.get("content-encoding").is_none());
    db.drop().await;
}

/// The compact availability lists the same free times as the full one, in a
/// fraction of the bytes; a time and the day's date give the `start` to book.
#[tokio::test]
async fn the_compact_availability_says_the_same_in_fewer_bytes() {
    let db = crate::support::Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    t.book("2026-12-02T09:00:00+01:00", "anna@example.org")
        .await;
    let uri = "/api/v1/offices/test/availability?services=anmeldung&persons=1&from=2026-12-02&to=2026-12-31";
    let full = t.call("GET", uri, None).await;
    let compact = t.call("GET", &format!("{uri}&format=compact"), None).await;
    assert_eq!(compact.status, StatusCode::OK, "{}", compact.text);
    assert_eq!(compact.json["format"], "compact");
    assert_eq!(compact.json["minutes"], full.json["minutes"]);
    let (full_days, compact_days) = (
        full.json["days"].as_array().unwrap(),
        compact.json["days"].as_array().unwrap(),
    );
    assert_eq!(full_days.len(), compact_days.len());
    let mut slots = 0;
    for (f, c) in full_days.iter().zip(compact_days) {
        assert_eq!(f["date"], c["date"]);
        let date = c["date"].as_str().unwrap();
        let f = f["slots"].as_array().unwrap();
        let (times, left, quiet) = (
            c["times"].as_array().unwrap(),
            c["left"].as_array().unwrap(),
            c["quiet"].as_array().unwrap(),
        );
        assert_eq!((f.len(), f.len()), (times.len(), left.len()), "{date}");
        for (i, slot) in f.iter().enumerate() {
            let time = times[i].as_str().unwrap();
            let start = format!("{date}T{}:00{}", &time[..5], &time[5..]);
            assert_eq!(slot["start"].as_str().unwrap(), start);
            assert_eq!(slot["left"], left[i]);
            assert_eq!(slot["quiet"].as_bool().unwrap(), quiet.contains(&i.into()));
        }
        slots += f.len();
    }
    assert!(slots > 100, "{slots}");
    // The booked 09:00 is not among the free times, and the answer is much smaller.
    let wednesday = compact_days[0]["times"].as_array().unwrap();
    assert!(wednesday.contains(&"08:45+01:00".into()), "{wednesday:?}");
    assert!(!wednesday.contains(&"09:00+01:00".into()), "{wednesday:?}");
    assert!(
        compact.text.len() * 4 < full.text.len(),
        "{} → {}",
        full.text.len(),
        compact.text.len()
    );
    let wrong = t.call("GET", &format!("{uri}&format=xml"), None).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong.json["fields"][0]["field"], "format", "{}", wrong.text);
    db.drop().await;
}
