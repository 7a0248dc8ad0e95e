//! The JSON API's edges: every kind of bad input gets a clear 4xx and changes nothing.

use axum::http::StatusCode;
use serde_json::{json, Value};

use termin::config::Config;
use termin::store::Store;

use crate::support::{booking_body, on_both, TestApp};

on_both!(bad_input_gets_a_clear_4xx_and_stores_nothing);

fn with(field: &str, value: Value) -> String {
    let mut body = booking_body("2026-12-02T09:00:00+01:00", "anna@example.org");
    body[field] = value;
    body.to_string()
}

async fn bad_input_gets_a_clear_4xx_and_stores_nothing(store: Store) {
    let t = TestApp::new(store).await;
    let long = "x".repeat(101);
    let cases: Vec<(&str, String, StatusCode, Option<&str>)> = vec![
        (
            "malformed JSON",
            "{\"office\": ".into(),
            StatusCode::BAD_REQUEST,
            None,
        ),
        (
            "not an object",
            "[1, 2]".into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        ),
        (
            "persons as text",
            with("persons", json!("two")),
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        ),
        (
            "negative persons",
            with("persons", json!(-1)),
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        ),
        (
            "no persons",
            with("persons", json!(0)),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("persons"),
        ),
        (
            "too many persons",
            with("persons", json!(6)),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("persons"),
        ),
        (
            "services as text",
            with("services", json!("anmeldung")),
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        ),
        (
            "unknown field",
            with("colour", json!("red")),
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        ),
        (
            "unknown office",
            with("office", json!("atlantis")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("office"),
        ),
        (
            "unknown service",
            with("services", json!(["zaubern"])),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("services"),
        ),
        (
            "no service",
            with("services", json!([])),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("services"),
        ),
        (
            "a service twice",
            with("services", json!(["anmeldung", "anmeldung"])),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("services"),
        ),
        (
            "two counters",
            with("services", json!(["anmeldung", "zulassung"])),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("services"),
        ),
        (
            "start in the past",
            with("start", json!("2026-11-30T09:00:00+01:00")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("start"),
        ),
        (
            "start too soon",
            with("start", json!("2026-12-01T07:30:00+01:00")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("start"),
        ),
        (
            "start beyond the horizon",
            with("start", json!("2027-03-01T09:00:00+01:00")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("start"),
        ),
        (
            "start badly formed",
            with("start", json!("2.12.2026 9 Uhr")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("start"),
        ),
        (
            "start off the grid",
            with("start", json!("2026-12-02T09:05:00+01:00")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("start"),
        ),
        (
            "start on a leap second",
            with("start", json!("2026-12-02T08:59:60+01:00")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("start"),
        ),
        (
            "start with a fraction of a second",
            with("start", json!("2026-12-02T09:00:00.5+01:00")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("start"),
        ),
        (
            "start after closing",
            with("start", json!("2026-12-02T12:00:00+01:00")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("start"),
        ),
        (
            "start on a Sunday",
            with("start", json!("2026-12-06T09:00:00+01:00")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("start"),
        ),
        (
            "empty name",
            with("name", json!("  ")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("name"),
        ),
        (
            "name too long",
            with("name", json!(long)),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("name"),
        ),
        (
            "control characters",
            with("name", json!("Anna\r\nBcc: all@example.org")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("name"),
        ),
        (
            "invalid email",
            with("email", json!("anna(at)example.org")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("email"),
        ),
        (
            "email with a header",
            with("email", json!("anna@example.org\r\nBcc: x@y.de")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("email"),
        ),
        (
            "invalid phone",
            with("phone", json!("call me maybe")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("phone"),
        ),
        (
            "unknown language",
            with("language", json!("fr")),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("language"),
        ),
        (
            "body too large",
            with("name", json!("x".repeat(20_000))),
            StatusCode::PAYLOAD_TOO_LARGE,
            None,
        ),
    ];
    for (what, body, status, field) in cases {
        let a = t.request("POST", "/api/v1/bookings", Some(body), &[]).await;
        assert_eq!(a.status, status, "{what}: {}", a.text);
        assert!(
            a.json["error"].is_string()
                && a.json["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{what}: {}",
            a.text
        );
        if let Some(field) = field {
            let fields = a.json["fields"]
                .as_array()
                .unwrap_or_else(|| panic!("{what}: {}", a.text));
            assert!(
                fields.iter().any(|f| f["field"] == field),
                "{what}: {}",
                a.text
            );
        }
    }

    let plain = t.request("POST", "/api/v1/bookings", None, &[]).await;
    assert_eq!(plain.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let bad_key = t
        .request(
            "POST",
            "/api/v1/bookings",
            Some(with("persons", json!(1))),
            &[("idempotency-key", "")],
        )
        .await;
    assert_eq!(bad_key.status, StatusCode::BAD_REQUEST);

    let queries = [
        (
            "/api/v1/offices/atlantis/availability?services=anmeldung",
            StatusCode::NOT_FOUND,
        ),
        (
            "/api/v1/offices/test/availability",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "/api/v1/offices/test/availability?services=anmeldung&persons=zwei",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "/api/v1/offices/test/availability?services=anmeldung&persons=9",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "/api/v1/offices/test/availability?services=anmeldung&from=2026-13-01",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "/api/v1/offices/test/availability?services=anmeldung&from=2026-11-01",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "/api/v1/offices/test/availability?services=anmeldung&from=2027-06-01",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "/api/v1/offices/test/availability?services=anmeldung&from=2026-12-10&to=2026-12-09",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "/api/v1/offices/test/availability?services=anmeldung&from=2026-12-01&to=2027-12-31",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "/api/v1/offices/test/availability?services=anmeldung&from=%FF",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        ("/api/v1/bookings/not-a-token", StatusCode::NOT_FOUND),
        ("/api/v1/nothing", StatusCode::NOT_FOUND),
    ];
    for (uri, status) in queries {
        let a = t.call("GET", uri, None).await;
        assert_eq!(a.status, status, "{uri}: {}", a.text);
        assert!(a.json["message"].is_string(), "{uri}: {}", a.text);
    }
    let confirm = t
        .call(
            "POST",
            "/api/v1/bookings/confirm",
            Some(&json!({ "token": "f".repeat(64) })),
        )
        .await;
    assert_eq!(confirm.status, StatusCode::NOT_FOUND);
    let confirm = t
        .call(
            "POST",
            "/api/v1/bookings/confirm",
            Some(&json!({ "tokn": "x" })),
        )
        .await;
    assert_eq!(confirm.status, StatusCode::UNPROCESSABLE_ENTITY);
    let cancel = t
        .call(
            "DELETE",
            &format!("/api/v1/bookings/{}", "e".repeat(64)),
            None,
        )
        .await;
    assert_eq!(cancel.status, StatusCode::NOT_FOUND);

    assert_eq!(t.count("bookings").await, 0);
    assert_eq!(t.count("outbox").await, 0);
    assert_eq!(t.count("capacity_cells").await, 0);
    assert_eq!(t.count("arrival_cells").await, 0);
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let db = crate::support::Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    let doc = t.call("GET", "/api/v1/openapi.json", None).await;
    assert_eq!(doc.status, StatusCode::OK);
    assert_eq!(doc.json["openapi"], "3.1.0");
    let paths = doc.json["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/v1/offices", "get"),
        ("/api/v1/offices/{office}/availability", "get"),
        ("/api/v1/offices/{office}/appointments", "get"),
        ("/api/v1/bookings", "post"),
        ("/api/v1/bookings/confirm", "post"),
        ("/api/v1/bookings/{token}", "get"),
        ("/api/v1/bookings/{token}", "delete"),
        ("/api/v1/offices/{office}/plan", "get"),
        ("/api/v1/offices/{office}/plan", "put"),
        ("/api/v1/offices/{office}/plan/revisions", "get"),
        ("/api/v1/offices/{office}/feeds", "post"),
        ("/api/v1/offices/{office}/feeds/{id}", "delete"),
        ("/api/v1/offices/{office}/webhooks", "post"),
        ("/api/v1/offices/{office}/webhooks/{id}", "delete"),
    ] {
        assert!(paths[path][method].is_object(), "{method} {path}");
    }
    db.drop().await;
}

#[tokio::test]
async fn too_many_bookings_from_one_address_get_429_with_retry_after() {
    let db = crate::support::Db::sqlite().await;
    let t = TestApp::with_config(db.store.clone(), Config::default()).await;
    let mut statuses = Vec::new();
    for i in 0..12 {
        let body =
            booking_body("2026-12-02T09:00:00+01:00", &format!("p{i}@example.org")).to_string();
        let a = t.request("POST", "/api/v1/bookings", Some(body), &[]).await;
        if a.status == StatusCode::TOO_MANY_REQUESTS {
            let wait: u64 = a.headers["retry-after"].to_str().unwrap().parse().unwrap();
            assert!((1..=30).contains(&wait), "{wait}");
            assert_eq!(a.json["error"], "rate_limited");
        }
        statuses.push(a.status);
    }
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
            .count(),
        2,
        "{statuses:?}"
    );
    // Reading is limited separately and still works.
    assert_eq!(
        t.call("GET", "/api/v1/offices", None).await.status,
        StatusCode::OK
    );
    db.drop().await;
}

#[tokio::test]
async fn responses_carry_security_headers_and_personal_ones_are_not_cached() {
    let db = crate::support::Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    let offices = t.call("GET", "/api/v1/offices", None).await;
    assert_eq!(offices.headers["x-content-type-options"], "nosniff");
    assert!(offices.headers["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
    assert!(!offices.headers["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("unsafe-inline"));
    let booking = t
        .call("GET", &format!("/api/v1/bookings/{}", "a".repeat(64)), None)
        .await;
    assert_eq!(booking.headers["cache-control"], "no-store");
    assert_eq!(booking.headers["referrer-policy"], "no-referrer");
    db.drop().await;
}
