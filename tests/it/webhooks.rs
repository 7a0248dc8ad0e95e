//! Signed webhooks: a head adds a receiver; what happens to the office's
//! bookings reaches it in order, signed; while it is down nothing is lost, and
//! once it is back it gets every event once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;

use termin::store::Store;

use crate::support::{on_both, read_mail, staff_key, token_in, TestApp};

/// An HTTP receiver on a port of its own: what it was sent, and whether it is down (503).
#[derive(Clone, Default)]
struct Receiver {
    got: Arc<Mutex<Vec<(HeaderMap, Bytes)>>>,
    down: Arc<AtomicBool>,
}

impl Receiver {
    async fn start(&self) -> String {
        let me = self.clone();
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: Bytes| {
                let me = me.clone();
                async move {
                    if me.down.load(Ordering::SeqCst) {
                        return StatusCode::SERVICE_UNAVAILABLE;
                    }
                    me.got.lock().unwrap().push((headers, body));
                    StatusCode::NO_CONTENT
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        url
    }

    fn events(&self) -> Vec<(HeaderMap, Value)> {
        self.got
            .lock()
            .unwrap()
            .iter()
            .map(|(h, b)| (h.clone(), serde_json::from_slice(b).unwrap()))
            .collect()
    }
}

/// Check a request's signature as a receiver would, with the key it was given.
fn verifies(key: &str, headers: &HeaderMap, body: &[u8]) -> bool {
    let header = headers["termin-signature"].to_str().unwrap();
    let (t, v1) = header.split_once(",v1=").unwrap();
    let t = t.strip_prefix("t=").unwrap();
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(format!("{t}.").as_bytes());
    mac.update(body);
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    hex == v1
}

/// Send until nothing is left that is settled (PostgreSQL holds the newest events back a little).
async fn deliver(t: &TestApp, store_is_pg: bool) {
    if store_is_pg {
        tokio::time::sleep(std::time::Duration::from_millis(4100)).await;
    }
    termin::webhooks::deliver_due(&t.app).await.unwrap();
}

async fn a_receiver_gets_every_event_signed_in_order_even_after_being_down(store: Store) {
    let pg = matches!(store, Store::Postgres(_));
    let t = TestApp::new(store).await;
    t.confirm_at_once().await;
    let head = staff_key(&t, "head", Some("test")).await;
    let clerk = staff_key(&t, "clerk", Some("test")).await;
    let receiver = Receiver::default();
    let url = receiver.start().await;
    let uri = "/api/v1/offices/test/webhooks";

    // Bad input changes nothing; a clerk may not.
    let hook = json!({"url": url, "label": "Fachverfahren"});
    let a = t.staff(&clerk, "POST", uri, Some(hook.clone())).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    let a = t
        .staff(
            &head,
            "POST",
            uri,
            Some(json!({"url": "ftp://x/y", "label": "x"})),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    assert_eq!(a.json["fields"][0]["field"], "url");
    assert_eq!(t.count("webhooks").await, 0);
    // A booking before the webhook is not sent to it.
    t.booked("2026-12-02T10:00:00+01:00", "before@example.org")
        .await;

    let made = t.staff(&head, "POST", uri, Some(hook)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.text);
    let key = made.json["secret"].as_str().unwrap().to_string();
    let listed = t.staff(&head, "GET", uri, None).await;
    assert!(!listed.text.contains(&key), "the key is shown once");

    // The receiver is down while the day goes on.
    receiver.down.store(true, Ordering::SeqCst);
    let a = t.booked("2026-12-02T09:00:00+01:00", "a@example.org").await;
    let b = t.booked("2026-12-02T09:30:00+01:00", "b@example.org").await;
    let c = t.booked("2026-12-01T09:00:00+01:00", "c@example.org").await;
    let mails: Vec<_> = t.deliver().await.iter().map(read_mail).collect();
    let token = |to: &str| token_in(mails.iter().find(|m| m.to == to).unwrap());
    let moved = t
        .call(
            "POST",
            &format!("/api/v1/bookings/{}/move", token("a@example.org")),
            Some(&json!({"start": "2026-12-03T09:00:00+01:00"})),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text);
    let cancelled = t
        .call(
            "DELETE",
            &format!("/api/v1/bookings/{}", token("b@example.org")),
            None,
        )
        .await;
    assert_eq!(cancelled.status, StatusCode::OK);
    let code = t.code_of(&c).await;
    crate::statistics::visit(&t, &clerk, &code, ["08:50", "09:00", "09:01", "09:12"]).await;

    deliver(&t, pg).await;
    assert!(receiver.events().is_empty());
    // What the receiver has not taken yet is kept for it.
    let events = t.count("booking_events").await;
    assert_eq!(events, 7, "seven things happened");
    termin::webhooks::prune(&t.app).await.unwrap();
    assert_eq!(t.count("booking_events").await, events);
    let listed = t.staff(&head, "GET", uri, None).await;
    assert_eq!(
        listed.json["webhooks"][0]["failed_attempts"], 1,
        "{}",
        listed.text
    );
    assert!(listed.json["webhooks"][0]["last_error"]
        .as_str()
        .unwrap()
        .contains("503"));

    // Back: after the backoff, every event once, in the order they happened.
    receiver.down.store(false, Ordering::SeqCst);
    t.at_local("11:15");
    deliver(&t, pg).await;
    deliver(&t, pg).await;
    let got = receiver.events();
    let seen: Vec<(String, String)> = got
        .iter()
        .map(|(_, e)| {
            (
                e["type"].as_str().unwrap().to_string(),
                e["booking"]["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expect: Vec<(String, String)> = [
        ("booking.created", &a),
        ("booking.created", &b),
        ("booking.created", &c),
        ("booking.moved", &a),
        ("booking.cancelled", &b),
        ("booking.checked_in", &c),
        ("booking.done", &c),
    ]
    .iter()
    .map(|(k, id)| (k.to_string(), id.to_string()))
    .collect();
    assert_eq!(seen, expect);
    let raw = receiver.got.lock().unwrap().clone();
    for (headers, body) in &raw {
        assert!(verifies(&key, headers, body), "the signature verifies");
        assert!(!verifies("another key", headers, body));
        let text = String::from_utf8_lossy(body);
        assert!(
            !text.contains("example.org") && !text.contains("Anna") && !text.contains(&code),
            "no personal data: {text}"
        );
    }
    let (_, moved) = &got[3];
    assert_eq!(moved["booking"]["start"], "2026-12-03T08:00:00+00:00");
    assert_eq!(moved["office"], "test");
    let numbers: Vec<&str> = raw
        .iter()
        .map(|(h, _)| h["termin-event"].to_str().unwrap())
        .collect();
    let mut unique = numbers.clone();
    unique.dedup();
    assert_eq!(unique.len(), 7, "each event once: {numbers:?}");
    // Taken by every receiver, the events are forgotten; the receiver is not
    // sent anything again.
    assert_eq!(termin::webhooks::prune(&t.app).await.unwrap(), 7);
    assert_eq!(t.count("booking_events").await, 0);
    deliver(&t, pg).await;
    assert_eq!(receiver.got.lock().unwrap().len(), 7);

    // Revoked, it gets nothing more.
    let id = made.json["id"].as_str().unwrap();
    let r = t.staff(&head, "DELETE", &format!("{uri}/{id}"), None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    t.booked("2026-12-02T11:00:00+01:00", "late@example.org")
        .await;
    deliver(&t, pg).await;
    assert_eq!(receiver.events().len(), 7);
}

on_both!(a_receiver_gets_every_event_signed_in_order_even_after_being_down);
