//! Calendar feeds: a head makes one per counter over the API or the feeds page,
//! the groupware fetches it by its secret URL and an independent RFC 5545 parser
//! reads it; names only when the head chose so; revoked, the URL answers 404.

use axum::http::StatusCode;
use serde_json::json;

use termin::store::Store;

use crate::staff_pages::{send, signed_in, user};
use crate::support::{number, on_both, read_mail, select, staff_key, texts, token_in, TestApp};

/// The events of a calendar, each as (name, value) pairs, by an independent parser.
/// The (name, value) pairs of a calendar's or an event's properties.
type Props = Vec<(String, String)>;

fn events(calendar: &str) -> (Props, Vec<Props>) {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(calendar.as_bytes()));
    let cal = parser
        .next()
        .expect("a calendar")
        .expect("a valid calendar");
    assert!(parser.next().is_none(), "one calendar");
    let pairs = |ps: Vec<ical::property::Property>| {
        ps.into_iter()
            .map(|p| (p.name, p.value.unwrap_or_default()))
            .collect::<Props>()
    };
    let events = cal
        .events
        .into_iter()
        .map(|e| pairs(e.properties))
        .collect();
    (pairs(cal.properties), events)
}

fn prop<'a>(e: &'a [(String, String)], name: &str) -> &'a str {
    e.iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} in {e:?}"))
}

fn kfz(start: &str, email: &str, persons: u32) -> serde_json::Value {
    json!({
        "office": "test", "services": ["zulassung"], "persons": persons, "start": start,
        "name": "Anna Beispiel", "email": email, "language": "de",
    })
}

/// The path of a feed's URL, to send through the router.
fn path_of(url: &str) -> String {
    let at = url.find("/feeds/").expect("a feed URL");
    url[at..].to_string()
}

async fn a_heads_feed_carries_the_counters_appointments_and_no_names_unless_chosen(store: Store) {
    let t = TestApp::new(store).await;
    t.confirm_at_once().await;
    let head = staff_key(&t, "head", Some("test")).await;
    let clerk = staff_key(&t, "clerk", Some("test")).await;
    let uri = "/api/v1/offices/test/feeds";

    // Bad input is refused and makes nothing; a clerk may not.
    let body = json!({"counter": "kfz", "label": "Groupware Kfz"});
    assert_eq!(
        t.staff(&clerk, "POST", uri, Some(body.clone()))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let a = t
        .staff(
            &head,
            "POST",
            uri,
            Some(json!({"counter": "nope", "label": "x"})),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    assert_eq!(a.json["fields"][0]["field"], "counter");
    let a = t
        .staff(
            &head,
            "POST",
            uri,
            Some(json!({"counter": "kfz", "label": " "})),
        )
        .await;
    assert_eq!(a.json["fields"][0]["field"], "label");
    assert_eq!(t.count("calendar_feeds").await, 0);

    let plain = t.staff(&head, "POST", uri, Some(body)).await;
    assert_eq!(plain.status, StatusCode::CREATED, "{}", plain.text);
    assert_eq!(plain.json["with_names"], false);
    let plain_url = plain.json["url"].as_str().unwrap().to_string();
    assert!(
        plain_url.starts_with("http://127.0.0.1:8080/feeds/"),
        "{plain_url}"
    );
    let named = t
        .staff(
            &head,
            "POST",
            uri,
            Some(json!({"counter": "kfz", "label": "Team-Kalender", "with_names": true})),
        )
        .await;
    let named_url = named.json["url"].as_str().unwrap().to_string();
    // The secret is stored only as a hash.
    let secret = plain_url
        .rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".ics");
    let stored = texts(&t.app.store, "SELECT token_hash FROM calendar_feeds").await;
    assert!(stored.iter().all(|h| h.as_deref() != Some(secret)));

    // Two bookings at Kfz, one at the Stadtamt (not in the feed), one cancelled.
    let a = t
        .call(
            "POST",
            "/api/v1/bookings",
            Some(&kfz("2026-12-02T09:00:00+01:00", "a@example.org", 1)),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    let first = a.json["id"].as_str().unwrap().to_string();
    let b = t
        .call(
            "POST",
            "/api/v1/bookings",
            Some(&kfz("2026-12-03T10:30:00+01:00", "b@example.org", 1)),
        )
        .await;
    assert_eq!(b.status, StatusCode::CREATED, "{}", b.text);
    t.booked("2026-12-02T09:00:00+01:00", "s@example.org").await;
    let gone = t
        .call(
            "POST",
            "/api/v1/bookings",
            Some(&kfz("2026-12-04T09:00:00+01:00", "c@example.org", 1)),
        )
        .await;
    assert_eq!(gone.status, StatusCode::CREATED, "{}", gone.text);
    let mails: Vec<_> = t.deliver().await.iter().map(read_mail).collect();
    let token = token_in(mails.iter().find(|m| m.to == "c@example.org").unwrap());
    assert_eq!(
        t.call("DELETE", &format!("/api/v1/bookings/{token}"), None)
            .await
            .status,
        StatusCode::OK
    );

    let feed = t.call("GET", &path_of(&plain_url), None).await;
    assert_eq!(feed.status, StatusCode::OK, "{}", feed.text);
    assert_eq!(feed.headers["content-type"], "text/calendar; charset=utf-8");
    assert!(feed.headers["cache-control"]
        .to_str()
        .unwrap()
        .contains("no-store"));
    let (cal, list) = events(&feed.text);
    assert_eq!(prop(&cal, "NAME"), "Bürgerbüro Test · Kfz-Zulassung");
    assert!(
        cal.iter().all(|(n, _)| n != "METHOD"),
        "a feed to subscribe to has no METHOD"
    );
    assert_eq!(
        list.len(),
        2,
        "the counter's two bookings still on: {}",
        feed.text
    );
    assert!(
        prop(&list[0], "UID").starts_with(&format!("{first}@")),
        "one UID per booking"
    );
    assert_eq!(prop(&list[0], "DTSTART"), "20261202T080000Z");
    assert_eq!(prop(&list[0], "DTEND"), "20261202T083000Z");
    assert_eq!(prop(&list[0], "SUMMARY"), "Fahrzeug zulassen · 1 Person");
    assert_eq!(prop(&list[1], "DTSTART"), "20261203T093000Z");
    assert_eq!(prop(&list[0], "STATUS"), "CONFIRMED");
    let code = t.code_of(&first).await;
    for personal in ["Anna", "a@example.org", code.as_str()] {
        assert!(
            !feed.text.contains(personal),
            "{personal:?} in the feed without names"
        );
    }

    let feed = t.call("GET", &path_of(&named_url), None).await;
    let (_, list) = events(&feed.text);
    assert_eq!(
        prop(&list[0], "SUMMARY"),
        "Anna Beispiel · Fahrzeug zulassen · 1 Person"
    );
    let shown = termin::domain::BookingCode::parse(&code).unwrap().display();
    assert_eq!(
        prop(&list[0], "DESCRIPTION"),
        format!("Buchungscode {shown}")
    );
    assert!(!feed.text.contains("a@example.org"), "never the address");

    // Revoked, the URL is gone; the other feed still answers; a made-up one is a 404.
    let id = plain.json["id"].as_str().unwrap();
    let revoke = format!("{uri}/{id}");
    assert_eq!(
        t.staff(&clerk, "DELETE", &revoke, None).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        t.staff(&head, "DELETE", &revoke, None).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        t.staff(&head, "DELETE", &revoke, None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.call("GET", &path_of(&plain_url), None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.call("GET", &path_of(&named_url), None).await.status,
        StatusCode::OK
    );
    let made_up = format!("/feeds/{}.ics", "0".repeat(64));
    assert_eq!(
        t.call("GET", &made_up, None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.call("GET", "/feeds/x", None).await.status,
        StatusCode::NOT_FOUND
    );

    let listed = t.staff(&head, "GET", uri, None).await;
    let feeds = listed.json["feeds"].as_array().unwrap();
    assert_eq!(feeds.len(), 2);
    for f in feeds {
        assert_eq!(f["revoked_at"].is_string(), f["id"] == id, "{f}");
    }
    assert!(
        !listed.text.contains(secret),
        "the secret is shown once only"
    );
    let actions = texts(
        &t.app.store,
        "SELECT action FROM audit_log WHERE action LIKE 'feed%' ORDER BY at, action",
    )
    .await;
    assert_eq!(
        actions,
        ["feed_added", "feed_added", "feed_revoked"].map(|a| Some(a.to_string()))
    );
}

on_both!(a_heads_feed_carries_the_counters_appointments_and_no_names_unless_chosen);

#[tokio::test]
async fn the_feeds_page_shows_a_new_feeds_url_once_and_revokes_it() {
    let db = crate::support::Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    user(&t, "head@example.org", "head", Some("test")).await;
    user(&t, "clerk@example.org", "clerk", Some("test")).await;
    let mut clerk = signed_in(&t, "clerk@example.org").await;
    assert_eq!(
        clerk.get("/staff/test/feeds").await.status,
        StatusCode::FORBIDDEN
    );

    let mut v = signed_in(&t, "head@example.org").await;
    let page = v.get("/staff/test/feeds").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    assert_eq!(
        select(&page.text, "#f-counter option"),
        ["Stadtamt", "Kfz-Zulassung"]
    );
    let made = send(
        &mut v,
        "/staff/test/feeds",
        &[("label", "Groupware"), ("counter", "kfz")],
    )
    .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.text);
    let url = select(&made.text, "#shown + p + p code.secret");
    assert_eq!(url.len(), 1, "{}", made.text);
    assert!(url[0].contains("/feeds/") && url[0].ends_with(".ics"));
    assert_eq!(
        t.call("GET", &path_of(&url[0]), None).await.status,
        StatusCode::OK
    );
    let again = v.get("/staff/test/feeds").await;
    assert!(!again.text.contains(&url[0]), "shown once");
    assert_eq!(
        select(&again.text, "tbody tr td:first-child bdi"),
        ["Groupware"]
    );

    let bad = send(
        &mut v,
        "/staff/test/feeds",
        &[("label", ""), ("counter", "kfz")],
    )
    .await;
    assert_eq!(select(&bad.text, "p.notice.error").len(), 1, "{}", bad.text);
    assert_eq!(t.count("calendar_feeds").await, 1, "nothing made");

    let id = texts(&t.app.store, "SELECT id FROM calendar_feeds")
        .await
        .remove(0)
        .unwrap();
    let revoked = send(&mut v, "/staff/test/feeds/revoke", &[("id", &id)]).await;
    assert_eq!(revoked.status, StatusCode::OK);
    assert_eq!(
        t.call("GET", &path_of(&url[0]), None).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(select(&revoked.text, "tbody tr").is_empty());

    // A webhook: its key shown once; a bad address refused; revoked.
    let bad = send(
        &mut v,
        "/staff/test/webhooks",
        &[("label", "Fachverfahren"), ("url", "mailto:x@example.org")],
    )
    .await;
    assert_eq!(select(&bad.text, "p.notice.error").len(), 1, "{}", bad.text);
    assert_eq!(t.count("webhooks").await, 0, "nothing made");
    let made = send(
        &mut v,
        "/staff/test/webhooks",
        &[
            ("label", "Fachverfahren"),
            ("url", "https://fv.stadt.example/termin"),
        ],
    )
    .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.text);
    let key = select(&made.text, "#shown + p + p code.secret");
    let stored = texts(&t.app.store, "SELECT secret FROM webhooks")
        .await
        .remove(0)
        .unwrap();
    assert_eq!(key, std::slice::from_ref(&stored));
    let again = v.get("/staff/test/feeds").await;
    assert!(!again.text.contains(&stored), "shown once");
    assert_eq!(
        select(&again.text, "#hooks ~ div tbody td code"),
        ["https://fv.stadt.example/termin"]
    );
    let id = texts(&t.app.store, "SELECT id FROM webhooks")
        .await
        .remove(0)
        .unwrap();
    let revoked = send(&mut v, "/staff/test/webhooks/revoke", &[("id", &id)]).await;
    assert_eq!(
        select(&revoked.text, "p.notice.ok").len(),
        1,
        "{}",
        revoked.text
    );
    assert_eq!(
        number(
            &t.app.store,
            "SELECT COUNT(*) FROM webhooks WHERE revoked_at IS NOT NULL"
        )
        .await,
        1
    );
    db.drop().await;
}
