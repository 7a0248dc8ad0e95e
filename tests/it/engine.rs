//! Booking scenarios, each written once and run on SQLite and on PostgreSQL.

use axum::http::StatusCode;
use chrono::Duration;
use serde_json::json;

use termin::booking;
use termin::store::Store;

use crate::support::{booking_body, on_both, read_mail, token_in, HeldWriters, TestApp};

const WED_9: &str = "2026-12-02T09:00:00+01:00";

on_both!(
    offices_are_imported_read_back_and_updated,
    a_grid_cannot_change_under_bookings_to_come,
    a_booking_takes_the_last_place_and_a_cancelled_one_gives_it_back,
    the_last_place_goes_to_exactly_one_of_fifty,
    bookings_sent_together_each_hear_their_own_answer,
    a_booking_nobody_waits_for_any_more_is_not_written,
    a_place_is_not_refused_for_a_booking_that_was_not_written,
    an_unconfirmed_booking_expires_and_frees_its_place,
    the_citizen_confirms_with_the_token_from_the_mail,
    an_office_without_confirmation_confirms_at_once,
    the_per_email_cap_counts_active_bookings,
    a_retried_request_with_the_same_idempotency_key_books_once,
    the_arrival_cap_counts_persons_per_quarter_hour,
    availability_shows_free_times_in_the_office_offset,
    each_mail_is_delivered_once_as_a_file,
    personal_data_is_erased_after_the_retention_period,
    staff_read_the_day_with_an_api_key,
    the_cap_frees_up_when_an_appointment_is_over,
    an_import_cannot_pull_the_plan_from_under_bookings_to_come,
    a_booking_computed_from_an_older_plan_is_computed_again,
    an_erased_booking_can_still_be_read_and_cancelled_without_error,
);

async fn offices_are_imported_read_back_and_updated(store: Store) {
    let t = TestApp::new(store).await;
    let offices = t.call("GET", "/api/v1/offices", None).await;
    assert_eq!(offices.status, StatusCode::OK);
    let list = offices.json["offices"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], "test");
    assert_eq!(
        list[0]["counters"][0]["services"][0]["name"]["en"],
        "Register your address"
    );

    let renamed = crate::support::TEST_OFFICE.replace("Bürgerbüro Test", "Bürgerbüro Umbenannt");
    termin::staff::import(&t.app, &renamed).await.unwrap();
    let offices = t.call("GET", "/api/v1/offices", None).await;
    assert_eq!(offices.json["offices"][0]["name"], "Bürgerbüro Umbenannt");

    // A file with a mistake changes nothing, not even the parts without one.
    let broken = renamed
        .replace("Bürgerbüro Umbenannt", "Neu")
        .replace("\"MV\"", "\"XX\"");
    assert!(termin::staff::import(&t.app, &broken).await.is_err());
    let offices = t.call("GET", "/api/v1/offices", None).await;
    assert_eq!(offices.json["offices"][0]["name"], "Bürgerbüro Umbenannt");
}

async fn a_grid_cannot_change_under_bookings_to_come(store: Store) {
    let t = TestApp::new(store).await;
    assert_eq!(
        t.book(WED_9, "anna@example.org").await.status,
        StatusCode::CREATED
    );
    let regridded =
        crate::support::TEST_OFFICE.replacen("grid_minutes = 15", "grid_minutes = 5", 1);
    let err = termin::staff::import(&t.app, &regridded).await.unwrap_err();
    assert!(
        matches!(err, termin::staff::ImportError::PlanInUse),
        "{err}"
    );
}

async fn a_booking_takes_the_last_place_and_a_cancelled_one_gives_it_back(store: Store) {
    let t = TestApp::new(store).await;
    let first = t.book(WED_9, "anna@example.org").await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    assert_eq!(first.json["status"], "pending");
    assert_eq!(first.json["start"], WED_9);
    assert_eq!(first.json["end"], "2026-12-02T09:15:00+01:00");
    assert!(
        first.json.get("token").is_none(),
        "the token reaches the citizen by email only"
    );

    let second = t.book(WED_9, "bert@example.org").await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert_eq!(second.json["error"], "slot_taken");

    // A 30-minute service starting a quarter earlier would overlap the taken place.
    let mut overlapping = booking_body("2026-12-02T08:45:00+01:00", "carl@example.org");
    overlapping["services"] = json!(["ausweis"]);
    let overlap = t.call("POST", "/api/v1/bookings", Some(&overlapping)).await;
    assert_eq!(overlap.status, StatusCode::CONFLICT);

    let mails = t.deliver().await;
    let token = token_in(&read_mail(&mails[0]));
    let cancelled = t
        .call("DELETE", &format!("/api/v1/bookings/{token}"), None)
        .await;
    assert_eq!(cancelled.status, StatusCode::OK);
    assert_eq!(cancelled.json["status"], "cancelled");
    assert_eq!(
        t.app.store.booked_cells("test", "stadtamt").await.unwrap(),
        0
    );

    let again = t.book(WED_9, "bert@example.org").await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(
        t.app.store.booked_cells("test", "stadtamt").await.unwrap(),
        1
    );
    // Cancelling twice is no error and gives nothing back twice.
    let twice = t
        .call("DELETE", &format!("/api/v1/bookings/{token}"), None)
        .await;
    assert_eq!(twice.status, StatusCode::OK);
    assert_eq!(
        t.app.store.booked_cells("test", "stadtamt").await.unwrap(),
        1
    );
}

async fn the_last_place_goes_to_exactly_one_of_fifty(store: Store) {
    let t = std::sync::Arc::new(TestApp::new(store).await);
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..50 {
        let t = t.clone();
        tasks.spawn(async move {
            t.book(WED_9, &format!("person{i}@example.org"))
                .await
                .status
        });
    }
    let mut created = 0;
    let mut conflicts = 0;
    while let Some(status) = tasks.join_next().await {
        match status.unwrap() {
            StatusCode::CREATED => created += 1,
            StatusCode::CONFLICT => conflicts += 1,
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!((created, conflicts), (1, 49));
    assert_eq!(t.count("bookings").await, 1);
    assert_eq!(t.count("outbox").await, 1);
    assert_eq!(
        t.app.store.booked_cells("test", "stadtamt").await.unwrap(),
        1
    );
}

/// Bookings that arrive together are written together (group commit on both
/// backends); one that breaks a rule must not take the others down with it.
async fn bookings_sent_together_each_hear_their_own_answer(store: Store) {
    let t = std::sync::Arc::new(TestApp::new(store).await);
    let mut requests = Vec::new();
    // Sixteen free quarter hours of one morning, each asked for once.
    for q in 0..16 {
        let start = format!("2026-12-03T{:02}:{:02}:00+01:00", 8 + q / 4, 15 * (q % 4));
        requests.push((
            "free",
            booking_body(&start, &format!("free{q}@example.org")),
        ));
    }
    // Ten people for one last place.
    for i in 0..10 {
        requests.push((
            "rival",
            booking_body(WED_9, &format!("rival{i}@example.org")),
        ));
    }
    // One address asking three times where two active bookings are allowed.
    for q in 0..3 {
        let start = format!("2026-12-04T08:{:02}:00+01:00", 15 * q);
        requests.push(("bert", booking_body(&start, "bert@example.org")));
    }
    // Three at Kfz, with desks to spare, where a family of three already
    // arrives at the Stadtamt and four persons may arrive per quarter hour.
    let fri_10 = "2026-12-04T10:00:00+01:00";
    book_family_of_three(&t, fri_10, "family@example.org").await;
    for i in 0..3 {
        let mut kfz = booking_body(fri_10, &format!("kfz{i}@example.org"));
        kfz["services"] = json!(["zulassung"]);
        requests.push(("kfz", kfz));
    }
    let mut tasks = tokio::task::JoinSet::new();
    for (who, body) in requests {
        let t = t.clone();
        tasks.spawn(async move {
            let answer = t.call("POST", "/api/v1/bookings", Some(&body)).await;
            (who, answer.status, answer.json["error"].clone())
        });
    }
    let mut seen = std::collections::BTreeMap::new();
    while let Some(done) = tasks.join_next().await {
        let (who, status, error) = done.unwrap();
        *seen
            .entry((
                who,
                status.as_u16(),
                error.as_str().unwrap_or("").to_string(),
            ))
            .or_insert(0) += 1;
    }
    let expected = std::collections::BTreeMap::from([
        (("bert", 201, String::new()), 2),
        (("bert", 409, "email_cap".to_string()), 1),
        (("free", 201, String::new()), 16),
        (("kfz", 201, String::new()), 1),
        (("kfz", 409, "arrivals_full".to_string()), 2),
        (("rival", 201, String::new()), 1),
        (("rival", 409, "slot_taken".to_string()), 9),
    ]);
    assert_eq!(seen, expected);
    // With the family: 21 bookings; the family takes three quarter hours.
    assert_eq!(t.count("bookings").await, 21);
    assert_eq!(t.count("outbox").await, 21);
    assert_eq!(
        t.app.store.booked_cells("test", "stadtamt").await.unwrap(),
        22
    );
    assert_eq!(t.app.store.booked_cells("test", "kfz").await.unwrap(), 2);
}

/// A request dropped while its booking waited for a writer (the client went
/// away) leaves nothing behind: nobody would hear that the time was taken.
async fn a_booking_nobody_waits_for_any_more_is_not_written(store: Store) {
    let t = std::sync::Arc::new(TestApp::new(store).await);
    let at = |minute: u32| format!("2026-12-03T08:{minute:02}:00+01:00");
    let book = |start: String, email: &'static str| {
        let t = t.clone();
        tokio::spawn(async move { t.book(&start, email).await.status })
    };
    let settle = || tokio::time::sleep(std::time::Duration::from_millis(500));
    let mut earlier = Vec::new();
    // Hold up the writers; on PostgreSQL, let both of them start on a booking
    // of their own first, so that the next one waits in the queue.
    let held = HeldWriters::hold(&t.app.store, "bookings").await;
    if let HeldWriters::Postgres(_) = held {
        for (minute, email) in [(0, "anna@example.org"), (15, "bert@example.org")] {
            earlier.push(book(at(minute), email));
            crate::support::until_waiting_for_locks(&t.app.store, earlier.len() as i64).await;
        }
    }
    let gone = book(at(30), "gone@example.org");
    crate::support::until_in_flight(&t.app.store, earlier.len() + 1).await;
    settle().await;
    assert!(!gone.is_finished(), "the booking waits for a writer");
    gone.abort();
    assert!(gone.await.unwrap_err().is_cancelled());
    held.release().await;
    for answer in earlier {
        assert_eq!(answer.await.unwrap(), StatusCode::CREATED);
    }
    // Queued after the dropped one: once this is answered, the dropped one had its turn.
    assert_eq!(
        t.book(&at(45), "dora@example.org").await.status,
        StatusCode::CREATED
    );
    let written = if t.app.store.backend() == "postgres" {
        3
    } else {
        1
    };
    assert_eq!(t.count("bookings").await, written);
    assert_eq!(t.count("outbox").await, written);
    assert_eq!(
        t.app.store.booked_cells("test", "stadtamt").await.unwrap(),
        written
    );
    // Its time is still free.
    assert_eq!(
        t.book(&at(30), "carl@example.org").await.status,
        StatusCode::CREATED
    );
}

/// When bookings that arrived together are refused as a whole, the writer
/// tells from the stored counters who cannot fit. A booking that fits only if
/// one before it is not written must not hear "taken" when that one fails for
/// another reason: here a retry whose first request was written meanwhile.
async fn a_place_is_not_refused_for_a_booking_that_was_not_written(store: Store) {
    let t = std::sync::Arc::new(TestApp::new(store).await);
    // Kfz has three places at 10:00; one goes now, two are left.
    let kfz = |start: &str, email: &str| {
        let mut body = booking_body(start, email);
        body["services"] = json!(["zulassung"]);
        body
    };
    let ten = "2026-12-03T10:00:00+01:00";
    let first = t
        .call(
            "POST",
            "/api/v1/bookings",
            Some(&kfz(ten, "kai@example.org")),
        )
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    let send = |body: serde_json::Value, key: Option<&'static str>| {
        let t = t.clone();
        tokio::spawn(async move {
            let headers: Vec<(&str, &str)> =
                key.map(|k| ("idempotency-key", k)).into_iter().collect();
            t.request("POST", "/api/v1/bookings", Some(body.to_string()), &headers)
                .await
        })
    };
    let settle = || tokio::time::sleep(std::time::Duration::from_millis(500));
    // Hold up the writers, each with a booking of its own on PostgreSQL, so
    // that the retry and the booking after it meet in one batch.
    let held = HeldWriters::hold(&t.app.store, "arrival_cells").await;
    let waiting_writers = |n: i64| {
        let t = t.clone();
        async move {
            match t.app.store {
                Store::Postgres(_) => {
                    crate::support::until_waiting_for_locks(&t.app.store, n).await
                }
                // The SQLite writer holds one transaction: queued is enough.
                Store::Sqlite(_) => crate::support::until_in_flight(&t.app.store, n as usize).await,
            }
        }
    };
    let request = send(kfz(ten, "lea@example.org"), Some("lea-once"));
    waiting_writers(1).await;
    let elsewhere = send(booking_body(WED_9, "ida@example.org"), None);
    waiting_writers(2).await;
    // The retry of Lea's request, then someone else for the last place. The
    // retry's key is taken by the time their batch is written, which the
    // server refuses as a whole.
    let retry = send(kfz(ten, "lea@example.org"), Some("lea-once"));
    crate::support::until_in_flight(&t.app.store, 3).await;
    let other = send(kfz(ten, "max@example.org"), None);
    crate::support::until_in_flight(&t.app.store, 4).await;
    settle().await;
    held.release().await;
    let request = request.await.unwrap();
    let elsewhere = elsewhere.await.unwrap();
    let retry = retry.await.unwrap();
    let other = other.await.unwrap();
    assert_eq!(elsewhere.status, StatusCode::CREATED, "{}", elsewhere.text);
    // Lea's request and its retry: one booking, one of them answered as made
    // (201) and the other as a replay of it (200). Which comes first is the
    // writers' business on a busy machine.
    let mut answers = [request.status, retry.status];
    answers.sort();
    assert_eq!(
        answers,
        [StatusCode::OK, StatusCode::CREATED],
        "{} / {}",
        request.text,
        retry.text
    );
    assert_eq!(retry.json["id"], request.json["id"]);
    // The point: Max fits once the retry is not written, and hears so.
    assert_eq!(other.status, StatusCode::CREATED, "{}", other.text);
    assert_eq!(t.count("bookings").await, 4);
    assert_eq!(t.app.store.booked_cells("test", "kfz").await.unwrap(), 6);
}

async fn an_unconfirmed_booking_expires_and_frees_its_place(store: Store) {
    let t = TestApp::new(store).await;
    assert_eq!(
        t.book(WED_9, "anna@example.org").await.status,
        StatusCode::CREATED
    );
    let token = token_in(&read_mail(&t.deliver().await[0]));
    t.clock.advance(Duration::minutes(29));
    assert_eq!(booking::expire_due(&t.app).await.unwrap(), 0);
    assert_eq!(
        t.book(WED_9, "bert@example.org").await.status,
        StatusCode::CONFLICT
    );

    t.clock.advance(Duration::minutes(2));
    // Past the deadline the booking reads as lapsed and cannot be confirmed, even before the sweep.
    let read = t
        .call("GET", &format!("/api/v1/bookings/{token}"), None)
        .await;
    assert_eq!(read.json["status"], "expired");
    let late = t
        .call(
            "POST",
            "/api/v1/bookings/confirm",
            Some(&json!({ "token": token })),
        )
        .await;
    assert_eq!(late.status, StatusCode::GONE);

    assert_eq!(booking::expire_due(&t.app).await.unwrap(), 1);
    assert_eq!(
        t.book(WED_9, "bert@example.org").await.status,
        StatusCode::CREATED
    );
    let read = t
        .call("GET", &format!("/api/v1/bookings/{token}"), None)
        .await;
    assert_eq!(read.json["status"], "expired");
}

async fn the_citizen_confirms_with_the_token_from_the_mail(store: Store) {
    let t = TestApp::new(store).await;
    let mut body = booking_body(WED_9, "anna@example.org");
    body["language"] = json!("en");
    body["phone"] = json!("+49 381 123456");
    let created = t.call("POST", "/api/v1/bookings", Some(&body)).await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.json["confirm_by"], "2026-12-01T07:30:00+01:00");

    let mails = t.deliver().await;
    assert_eq!(mails.len(), 1);
    let mail = read_mail(&mails[0]);
    assert_eq!(mail.to, "anna@example.org");
    assert!(
        mail.subject.starts_with("Please confirm your appointment"),
        "{}",
        mail.subject
    );
    assert!(
        mail.text.contains("Wednesday, 2 December 2026, 09:00"),
        "{}",
        mail.text
    );
    let token = token_in(&mail);
    assert!(
        mail.text.contains(&format!("/b/{token}/confirm")),
        "the confirm link"
    );
    assert_eq!(token.len(), 64);

    // Only someone with the token sees the booking.
    let read = t
        .call("GET", &format!("/api/v1/bookings/{token}"), None)
        .await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.json["name"], "Anna Beispiel");
    assert_eq!(read.json["phone"], "+49 381 123456");
    assert_eq!(read.json["status"], "pending");
    let other = "0".repeat(64);
    assert_eq!(
        t.call("GET", &format!("/api/v1/bookings/{other}"), None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    let confirmed = t
        .call(
            "POST",
            "/api/v1/bookings/confirm",
            Some(&json!({ "token": token })),
        )
        .await;
    assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.text);
    assert_eq!(confirmed.json["status"], "confirmed");
    let again = t
        .call(
            "POST",
            "/api/v1/bookings/confirm",
            Some(&json!({ "token": token })),
        )
        .await;
    assert_eq!(again.status, StatusCode::OK);

    let mails = t.deliver().await;
    assert_eq!(mails.len(), 2, "one confirmation, however often confirmed");
    assert!(read_mail(&mails[1])
        .subject
        .starts_with("Your appointment is confirmed"));

    // The token is stored only as its hash, and after delivery nowhere in plain.
    let stored = crate::support::texts(&t.app.store, "SELECT token_hash FROM bookings").await;
    assert_eq!(stored, [Some(termin::secret::hash(&token))]);
    let messages = crate::support::texts(
        &t.app.store,
        "SELECT CAST(message AS TEXT) FROM outbox WHERE status = 'sent'",
    )
    .await;
    assert!(
        messages.iter().all(Option::is_none),
        "sent mails are erased from the outbox"
    );
    let secrets = crate::support::texts(
        &t.app.store,
        "SELECT token FROM outbox WHERE status = 'sent'",
    )
    .await;
    assert_eq!(
        secrets,
        [None, None],
        "and so is the secret their links carried"
    );
}

async fn an_office_without_confirmation_confirms_at_once(store: Store) {
    let t = TestApp::new(store).await;
    t.confirm_at_once().await;
    let created = t.book(WED_9, "anna@example.org").await;
    assert_eq!(created.json["status"], "confirmed");
    assert!(created.json.get("confirm_by").is_none());
    let mail = read_mail(&t.deliver().await[0]);
    assert!(
        mail.subject.starts_with("Ihr Termin ist bestätigt"),
        "{}",
        mail.subject
    );
    t.clock.advance(Duration::hours(2));
    assert_eq!(booking::expire_due(&t.app).await.unwrap(), 0);
}

async fn the_per_email_cap_counts_active_bookings(store: Store) {
    let t = TestApp::new(store).await;
    assert_eq!(
        t.book("2026-12-02T09:00:00+01:00", "anna@example.org")
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        t.book("2026-12-03T09:00:00+01:00", "Anna@Example.org")
            .await
            .status,
        StatusCode::CREATED
    );
    let third = t
        .book("2026-12-04T09:00:00+01:00", "anna+drei@example.org")
        .await;
    assert_eq!(third.status, StatusCode::CONFLICT);
    assert_eq!(third.json["error"], "email_cap");

    let token = token_in(&read_mail(&t.deliver().await[0]));
    t.call("DELETE", &format!("/api/v1/bookings/{token}"), None)
        .await;
    assert_eq!(
        t.book("2026-12-04T09:00:00+01:00", "anna@example.org")
            .await
            .status,
        StatusCode::CREATED
    );
}

async fn a_retried_request_with_the_same_idempotency_key_books_once(store: Store) {
    let t = TestApp::new(store).await;
    let body = booking_body(WED_9, "anna@example.org").to_string();
    let key = [("idempotency-key", "4f1c2a9e-retry")];
    let first = t
        .request("POST", "/api/v1/bookings", Some(body.clone()), &key)
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    let second = t
        .request("POST", "/api/v1/bookings", Some(body), &key)
        .await;
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(second.json["id"], first.json["id"]);
    assert_eq!(second.headers["idempotent-replayed"], "true");
    assert_eq!(t.count("bookings").await, 1);
    assert_eq!(t.deliver().await.len(), 1);

    let different = booking_body("2026-12-02T10:00:00+01:00", "anna@example.org").to_string();
    let reused = t
        .request("POST", "/api/v1/bookings", Some(different), &key)
        .await;
    assert_eq!(reused.status, StatusCode::CONFLICT);
    assert_eq!(reused.json["error"], "idempotency_key_reused");
    assert_eq!(t.count("bookings").await, 1);

    // Concurrent retries with one key still make one booking.
    let t = std::sync::Arc::new(t);
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..10 {
        let t = t.clone();
        tasks.spawn(async move {
            let body = booking_body("2026-12-03T09:00:00+01:00", "bert@example.org").to_string();
            t.request(
                "POST",
                "/api/v1/bookings",
                Some(body),
                &[("idempotency-key", "same-again")],
            )
            .await
        });
    }
    let mut ids = std::collections::HashSet::new();
    while let Some(a) = tasks.join_next().await {
        let a = a.unwrap();
        assert!(
            a.status == StatusCode::CREATED || a.status == StatusCode::OK,
            "{} {}",
            a.status,
            a.text
        );
        ids.insert(a.json["id"].to_string());
    }
    assert_eq!(ids.len(), 1);
    assert_eq!(t.count("bookings").await, 2);
}

/// Three persons arriving together at the Stadtamt: three of an arrival
/// window's four.
async fn book_family_of_three(t: &TestApp, start: &str, email: &str) {
    let mut family = booking_body(start, email);
    family["persons"] = json!(3);
    let answer = t.call("POST", "/api/v1/bookings", Some(&family)).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);
}

async fn the_arrival_cap_counts_persons_per_quarter_hour(store: Store) {
    let t = TestApp::new(store).await;
    // Kfz has three desks online; a family of three arrives at 09:00 at the Stadtamt.
    book_family_of_three(&t, WED_9, "anna@example.org").await;
    let kfz = |email: &str| {
        json!({"office": "test", "services": ["zulassung"], "persons": 1, "start": WED_9,
               "name": "Kai Fahrer", "email": email})
    };
    assert_eq!(
        t.call("POST", "/api/v1/bookings", Some(&kfz("kai@example.org")))
            .await
            .status,
        StatusCode::CREATED
    );
    let full = t
        .call("POST", "/api/v1/bookings", Some(&kfz("lea@example.org")))
        .await;
    assert_eq!(full.status, StatusCode::CONFLICT);
    assert_eq!(full.json["error"], "arrivals_full");
    // The availability says so too: Kfz still has desks at 09:00, but nobody else may arrive.
    let a = t
        .call(
            "GET",
            "/api/v1/offices/test/availability?services=zulassung&from=2026-12-02&to=2026-12-02",
            None,
        )
        .await;
    let starts: Vec<&str> = a.json["days"][0]["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start"].as_str().unwrap())
        .collect();
    assert!(!starts.contains(&WED_9), "{starts:?}");
    assert!(starts.contains(&"2026-12-02T09:15:00+01:00"));
}

async fn availability_shows_free_times_in_the_office_offset(store: Store) {
    let t = TestApp::new(store).await;
    let a = t
        .call(
            "GET",
            "/api/v1/offices/test/availability?services=anmeldung,ausweis&persons=2&from=2026-12-01&to=2026-12-07",
            None,
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.json["minutes"], 90);
    let days = a.json["days"].as_array().unwrap();
    assert_eq!(days.len(), 7);
    // Tuesday from 08:00 (an hour's notice from 07:00); 90 minutes must end by 12:00.
    let tue: Vec<&str> = days[0]["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start"].as_str().unwrap())
        .collect();
    assert_eq!(tue.first(), Some(&"2026-12-01T08:00:00+01:00"));
    assert_eq!(tue.last(), Some(&"2026-12-01T10:30:00+01:00"));
    assert_eq!(days[0]["slots"][0]["end"], "2026-12-01T09:30:00+01:00");
    assert_eq!(days[0]["slots"][0]["left"], 1);
    // Saturday and Sunday are closed.
    assert_eq!(days[4]["date"], "2026-12-05");
    assert!(days[4]["slots"].as_array().unwrap().is_empty());
    assert!(days[5]["slots"].as_array().unwrap().is_empty());

    t.book("2026-12-01T09:00:00+01:00", "anna@example.org")
        .await;
    let after = t
        .call(
            "GET",
            "/api/v1/offices/test/availability?services=anmeldung&from=2026-12-01&to=2026-12-01",
            None,
        )
        .await;
    let starts: Vec<&str> = after.json["days"][0]["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start"].as_str().unwrap())
        .collect();
    assert!(!starts.contains(&"2026-12-01T09:00:00+01:00"));
    assert_eq!(starts.len(), 15);
}

async fn each_mail_is_delivered_once_as_a_file(store: Store) {
    let t = TestApp::new(store).await;
    t.book(WED_9, "anna@example.org").await;
    let dir = crate::support::scratch_dir();
    let files = termin::mail::Mailer::Files(dir.join("mail"));
    let sent = termin::mail::worker::deliver_due(&t.app, &files)
        .await
        .unwrap();
    let again = termin::mail::worker::deliver_due(&t.app, &files)
        .await
        .unwrap();
    assert_eq!((sent, again), (1, 0));
    let written: Vec<_> = std::fs::read_dir(dir.join("mail"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 1);
    assert_eq!(written[0].extension().unwrap(), "eml");
    let raw = std::fs::read(&written[0]).unwrap();
    let mail = read_mail(&termin::mail::Sent {
        recipient: String::new(),
        message: raw,
    });
    assert!(mail.text.contains("/b/"));
    assert!(mail.message_id.contains('@'));
    // The Message-ID is the one given when the mail was queued, so that a mail
    // sent twice (the process died before marking it sent) is recognised.
    let queued = crate::support::texts(&t.app.store, "SELECT message_id FROM outbox").await;
    assert_eq!(queued, [Some(format!("<{}>", mail.message_id))]);
    // Once sent, the stored copy with the secret link is gone.
    let left = crate::support::texts(
        &t.app.store,
        "SELECT CAST(message AS TEXT) FROM outbox WHERE status = 'sent'",
    )
    .await;
    assert_eq!(left, [None]);
    let _ = std::fs::remove_dir_all(dir);
}

async fn personal_data_is_erased_after_the_retention_period(store: Store) {
    let t = TestApp::new(store).await;
    t.book(WED_9, "anna@example.org").await;
    let token = token_in(&read_mail(&t.deliver().await[0]));
    t.clock.advance(Duration::days(30));
    assert_eq!(
        booking::erase_old_personal_data(&t.app).await.unwrap(),
        0,
        "not before 30 days after"
    );
    t.clock.advance(Duration::days(2));
    assert_eq!(booking::erase_old_personal_data(&t.app).await.unwrap(), 1);
    let read = t
        .call("GET", &format!("/api/v1/bookings/{token}"), None)
        .await;
    assert_eq!(read.json["name"], serde_json::Value::Null);
    assert_eq!(read.json["email"], serde_json::Value::Null);
    assert_eq!(
        read.json["start"], WED_9,
        "the appointment itself stays for statistics"
    );
}

async fn staff_read_the_day_with_an_api_key(store: Store) {
    let t = TestApp::new(store).await;
    t.book(WED_9, "anna@example.org").await;
    let url = "/api/v1/offices/test/appointments?date=2026-12-02";
    let none = t.call("GET", url, None).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    let wrong = t
        .request("GET", url, None, &[("authorization", "Bearer nope")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);

    let key = termin::staff::add_api_key(
        &t.app,
        &termin::staff::Staff::cli(),
        "Fachverfahren",
        Some("test"),
        None,
    )
    .await
    .unwrap();
    let auth = format!("Bearer {key}");
    let day = t
        .request("GET", url, None, &[("authorization", &auth)])
        .await;
    assert_eq!(day.status, StatusCode::OK, "{}", day.text);
    let list = day.json["appointments"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["name"], "Anna Beispiel");
    assert_eq!(list[0]["start"], WED_9);
    // The same as CSV for back-office systems and spreadsheets.
    let csv = t
        .request(
            "GET",
            url,
            None,
            &[("authorization", &auth), ("accept", "text/csv")],
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.text);
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    let rows = crate::support::parse_csv(&csv.text);
    assert_eq!(rows.len(), 2, "{}", csv.text);
    let column = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    assert_eq!(rows[1][column("name")], "Anna Beispiel");
    assert_eq!(rows[1][column("start")], WED_9);
    assert_eq!(rows[1][column("service_names")], "Wohnsitz anmelden");
    assert_eq!(rows[1][column("id")], list[0]["id"].as_str().unwrap());
    let other_day = t
        .request(
            "GET",
            "/api/v1/offices/test/appointments?date=2026-12-03",
            None,
            &[("authorization", &auth)],
        )
        .await;
    assert!(other_day.json["appointments"]
        .as_array()
        .unwrap()
        .is_empty());
    let bad = t
        .request(
            "GET",
            "/api/v1/offices/test/appointments?date=02.12.2026",
            None,
            &[("authorization", &auth)],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn the_cap_frees_up_when_an_appointment_is_over(store: Store) {
    let t = TestApp::new(store).await;
    assert_eq!(
        t.book("2026-12-01T08:00:00+01:00", "anna@example.org")
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        t.book("2026-12-03T09:00:00+01:00", "anna@example.org")
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        t.book("2026-12-04T09:00:00+01:00", "anna@example.org")
            .await
            .status,
        StatusCode::CONFLICT
    );
    // The first appointment is over at 08:15; the sweep notices.
    t.clock.set(crate::support::at("2026-12-01T07:20:00Z"));
    assert_eq!(booking::retire_ended(&t.app).await.unwrap(), 1);
    assert_eq!(booking::retire_ended(&t.app).await.unwrap(), 0);
    assert_eq!(
        t.book("2026-12-04T09:00:00+01:00", "anna@example.org")
            .await
            .status,
        StatusCode::CREATED
    );
}

async fn an_import_cannot_pull_the_plan_from_under_bookings_to_come(store: Store) {
    let t = TestApp::new(store).await;
    assert_eq!(
        t.book(WED_9, "anna@example.org").await.status,
        StatusCode::CREATED
    );
    let office = crate::support::TEST_OFFICE;
    let without_stadtamt = {
        let start = office
            .find("  [[office.counter]]\n  id = \"stadtamt\"")
            .unwrap();
        let end = office.find("  [[office.counter]]\n  id = \"kfz\"").unwrap();
        format!("{}{}", &office[..start], &office[end..])
    };
    for (what, changed) in [
        ("a counter removed", without_stadtamt),
        (
            "another time zone",
            office.replace("Europe/Berlin", "Europe/Vienna"),
        ),
        (
            "another arrival window",
            office.replace("per_minutes = 15", "per_minutes = 30"),
        ),
    ] {
        let err = termin::staff::import(&t.app, &changed).await.unwrap_err();
        assert!(
            matches!(err, termin::staff::ImportError::PlanInUse),
            "{what}: {err}"
        );
    }
    // Fewer desks are the office head's call: bookings stay, new ones see the new plan.
    let fewer = office.replace("desks = 3\n    online = 3", "desks = 1\n    online = 1");
    termin::staff::import(&t.app, &fewer).await.unwrap();
    let read = t.call("GET", "/api/v1/offices", None).await;
    assert_eq!(
        read.json["offices"][0]["counters"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

async fn a_booking_computed_from_an_older_plan_is_computed_again(store: Store) {
    let t = TestApp::new(store.clone()).await;
    // The instance has just looked at the offices, so it trusts its cache for a second.
    assert_eq!(
        t.call("GET", "/api/v1/offices", None).await.status,
        StatusCode::OK
    );
    // Meanwhile another instance closes the counter on that Wednesday.
    let other = termin::app::App::new(store, t.clock.clone(), termin::config::Config::default());
    let closed = crate::support::TEST_OFFICE.replace(
        "  [[office.counter]]\n  id = \"kfz\"",
        "    [[office.counter.exception]]\n    date = \"2026-12-02\"\n\n  [[office.counter]]\n  id = \"kfz\"",
    );
    termin::staff::import(&other, &closed).await.unwrap();
    let refused = t.book(WED_9, "anna@example.org").await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.text
    );
    assert!(refused.text.contains("closed"), "{}", refused.text);
    assert_eq!(t.count("bookings").await, 0);
    assert_eq!(
        t.book("2026-12-03T09:00:00+01:00", "anna@example.org")
            .await
            .status,
        StatusCode::CREATED
    );
}

async fn an_erased_booking_can_still_be_read_and_cancelled_without_error(store: Store) {
    let t = TestApp::new(store).await;
    t.confirm_at_once().await;
    t.book(WED_9, "anna@example.org").await;
    let token = token_in(&read_mail(&t.deliver().await[0]));
    t.clock.advance(Duration::days(40));
    assert_eq!(booking::erase_old_personal_data(&t.app).await.unwrap(), 1);
    for (method, path, body) in [
        ("GET", format!("/api/v1/bookings/{token}"), None),
        ("DELETE", format!("/api/v1/bookings/{token}"), None),
        (
            "POST",
            "/api/v1/bookings/confirm".to_string(),
            Some(json!({ "token": token })),
        ),
    ] {
        let a = t.call(method, &path, body.as_ref()).await;
        assert!(
            a.status.is_success() || a.status.is_client_error(),
            "{method} {path}: {} {}",
            a.status,
            a.text
        );
    }
    assert_eq!(
        t.count("email_quota").await,
        0,
        "no counter keeps the address's hash"
    );
}

/// PostgreSQL was restarted (or a link dropped) while the booking writers sat
/// idle: the next booking still goes through, once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn bookings_go_through_after_every_connection_was_ended_on_postgres() {
    if crate::support::postgres_server().is_none() {
        return;
    }
    let db = crate::support::Db::postgres().await.unwrap();
    let t = TestApp::new(db.store.clone()).await;
    assert_eq!(
        t.book(WED_9, "anna@example.org").await.status,
        StatusCode::CREATED
    );
    let admin = Store::connect(&db.url).await.unwrap();
    let ended = crate::support::number(
        &admin,
        "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()) AS ended",
    )
    .await;
    assert!(ended >= 1, "the writers' connections were ended");
    admin.close().await;
    // One after the other, so that each writer (and its old connection) gets one.
    for (i, hour) in ["10", "11", "08"].into_iter().enumerate() {
        let again = t
            .book(
                &format!("2026-12-02T{hour}:00:00+01:00"),
                &format!("later{i}@example.org"),
            )
            .await;
        assert_eq!(again.status, StatusCode::CREATED, "{}", again.text);
    }
    assert_eq!(t.count("bookings").await, 4);
    assert_eq!(
        t.app.store.booked_cells("test", "stadtamt").await.unwrap(),
        4
    );
    db.drop().await;
    crate::support::ran_on_postgres(
        "engine::bookings_go_through_after_every_connection_was_ended_on_postgres",
    );
}

/// The link to PostgreSQL broke while a writer's statement was still waiting on
/// the server: the writer ends that old session before it looks whether the
/// booking was stored, so the citizen hears how it really ended, and the
/// booking is written once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_booking_whose_link_broke_mid_statement_is_written_once_on_postgres() {
    let Some((db, relay, t)) = crate::support::relayed_postgres().await else {
        return;
    };
    let t = std::sync::Arc::new(t);
    let Store::Postgres(direct) = &db.store else {
        unreachable!()
    };
    let waiting = || async {
        sqlx::query_scalar::<_, i32>(
            "SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database \
             WHERE d.datname = current_database() AND NOT l.granted",
        )
        .fetch_all(&direct.pool)
        .await
        .unwrap()
    };
    // Writes to bookings wait; reads do not.
    let mut lock = direct.pool.begin().await.unwrap();
    sqlx::query("LOCK TABLE bookings IN SHARE MODE")
        .execute(&mut *lock)
        .await
        .unwrap();
    let answer = {
        let t = t.clone();
        tokio::spawn(async move { t.book(WED_9, "anna@example.org").await })
    };
    let pause = || tokio::time::sleep(std::time::Duration::from_millis(50));
    let mut tries = 0;
    let first = loop {
        if let [pid] = waiting().await[..] {
            break pid;
        }
        tries += 1;
        assert!(
            tries < 400,
            "the writer's statement never waited on the lock"
        );
        pause().await;
    };
    relay.cut().await;
    // The writer notices and sends again on a new link, which waits in turn.
    let mut tries = 0;
    while !waiting().await.iter().any(|&pid| pid != first) {
        tries += 1;
        assert!(tries < 400, "the writer did not send again");
        pause().await;
    }
    assert_eq!(
        crate::support::number(
            &db.store,
            &format!("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = {first}")
        )
        .await,
        0,
        "the old session, which would have gone on to commit, was ended"
    );
    lock.commit().await.unwrap();
    let answer = answer.await.unwrap();
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);
    assert_eq!(t.count("bookings").await, 1);
    assert_eq!(t.count("outbox").await, 1);
    assert_eq!(
        t.app.store.booked_cells("test", "stadtamt").await.unwrap(),
        1
    );
    crate::support::finish_relayed(
        db,
        relay,
        &t,
        "engine::a_booking_whose_link_broke_mid_statement_is_written_once_on_postgres",
    )
    .await;
}

/// PostgreSQL cannot be reached: the API and the pages say "try again shortly"
/// (503 with Retry-After) instead of reporting a fault, and nothing is written;
/// once the server is back, bookings go through again.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn while_the_database_is_gone_requests_hear_503_and_then_work_again_on_postgres() {
    let Some((db, relay, t)) = crate::support::relayed_postgres().await else {
        return;
    };
    // A first booking, so that a writer holds a connection to lose.
    assert_eq!(
        t.book(WED_9, "anna@example.org").await.status,
        StatusCode::CREATED
    );
    let token = token_in(&read_mail(&t.deliver().await[0]));
    let manage_page = format!("/b/{token}");
    relay.down().await;
    let (slots, booked, manage) = tokio::join!(
        t.call(
            "GET",
            "/api/v1/offices/test/availability?services=anmeldung&persons=1",
            None
        ),
        t.book("2026-12-02T10:00:00+01:00", "bert@example.org"),
        t.request("GET", &manage_page, None, &[("accept-language", "en")]),
    );
    for answer in [&slots, &booked] {
        assert_eq!(
            answer.status,
            StatusCode::SERVICE_UNAVAILABLE,
            "{}",
            answer.text
        );
        assert_eq!(answer.json["error"], "unavailable");
        assert!(answer.json["message"]
            .as_str()
            .unwrap()
            .contains("try again in 30 seconds"));
        assert_eq!(answer.headers["retry-after"], "30");
    }
    let page = t
        .request("GET", "/o/test", None, &[("accept-language", "de")])
        .await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(page.headers["retry-after"], "30");
    assert!(
        page.text.contains("Gerade nicht erreichbar"),
        "{}",
        page.text
    );
    assert_eq!(manage.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(manage.headers["retry-after"], "30");
    assert!(
        manage.text.contains("Not available just now"),
        "{}",
        manage.text
    );
    relay.up().await;
    let again = t
        .book("2026-12-02T10:00:00+01:00", "bert@example.org")
        .await;
    assert_eq!(again.status, StatusCode::CREATED, "{}", again.text);
    assert_eq!(
        crate::support::number(&db.store, "SELECT COUNT(*) FROM bookings").await,
        2
    );
    crate::support::finish_relayed(
        db,
        relay,
        &t,
        "engine::while_the_database_is_gone_requests_hear_503_and_then_work_again_on_postgres",
    )
    .await;
}
