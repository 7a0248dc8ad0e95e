//! The day's queue, each scenario on SQLite and PostgreSQL with a fixed clock: check-in by
//! code, walk-ins, the call order, recalls, transfers, fifty desks calling at once, the
//! statistics' times, the no-show job, booking codes.

use axum::http::StatusCode;
use serde_json::{json, Value};

use termin::domain::code::{BookingCode, CodeError};
use termin::domain::schedule::{self, Need};
use termin::store::{NewBooking, NewHold, NewMail, Store};

use crate::support::{at, number, on_both, read_mail, staff_key, texts, token_in, Answer, TestApp};

/// The test office, confirming at once, with one of Kfz-Zulassung's three desks kept for walk-ins.
fn queue_office() -> String {
    crate::support::TEST_OFFICE
        .replace("confirm_within_minutes = 30", "confirm_within_minutes = 0")
        .replace("desks = 3\n    online = 3", "desks = 3\n    online = 2")
}

/// The app with the queue office and a clerk's API key for it.
async fn queue_app(store: Store) -> (TestApp, String) {
    let t = TestApp::new(store).await;
    termin::staff::import(&t.app, &queue_office())
        .await
        .unwrap();
    let key = staff_key(&t, "clerk", Some("test")).await;
    (t, key)
}

async fn check_in(t: &TestApp, key: &str, code: &str) -> Answer {
    t.staff(
        key,
        "POST",
        "/api/v1/offices/test/checkins",
        Some(json!({ "code": code })),
    )
    .await
}

async fn walk_in(t: &TestApp, key: &str, service: &str, urgent: bool) -> Answer {
    t.staff(
        key,
        "POST",
        "/api/v1/offices/test/walkins",
        Some(json!({ "services": [service], "persons": 1, "urgent": urgent })),
    )
    .await
}

async fn call(t: &TestApp, key: &str, desk: &str, counters: Option<Value>) -> Answer {
    let body = counters.map(|c| json!({ "counters": c }));
    t.staff(
        key,
        "POST",
        &format!("/api/v1/offices/test/desks/{desk}/call"),
        body,
    )
    .await
}

async fn act(t: &TestApp, key: &str, ticket: &str, action: &str, body: Option<Value>) -> Answer {
    t.staff(
        key,
        "POST",
        &format!("/api/v1/offices/test/tickets/{ticket}/{action}"),
        body,
    )
    .await
}

fn created(a: &Answer) -> &Value {
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    &a.json
}

fn called(a: &Answer) -> &str {
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    a.json["ticket"].as_str().unwrap()
}

on_both!(
    an_appointment_due_now_is_called_before_a_walk_in_who_came_first,
    walk_ins_fill_the_gaps_before_appointments_checked_in_early,
    check_in_opens_early_and_a_late_arrival_becomes_a_walk_in_keeping_its_booking,
    a_called_ticket_is_recalled_after_two_minutes_and_missed_after_three_calls,
    an_urgent_ticket_is_called_first,
    a_transferred_ticket_keeps_its_place_by_arrival_in_the_other_queue,
    walk_in_tickets_stop_when_the_walk_in_desks_cannot_reach_them_today,
    fifty_desks_calling_at_once_get_fifty_different_tickets_and_skip_none,
    the_statistics_times_are_kept_when_personal_data_is_erased,
    confirmed_bookings_never_checked_in_become_no_shows_after_their_day,
    booking_codes_are_unique_among_the_active_bookings_of_an_office,
    a_taken_code_gets_a_new_one_in_every_booking_write_path,
    the_ticket_holder_follows_position_wait_and_desk_by_the_secret,
);

async fn an_appointment_due_now_is_called_before_a_walk_in_who_came_first(store: Store) {
    let (t, key) = queue_app(store).await;
    let booking = t
        .booked("2026-12-01T08:00:00+01:00", "anna@example.org")
        .await;
    let code = t.code_of(&booking).await;
    t.at_local("07:50");
    assert_eq!(
        created(&walk_in(&t, &key, "anmeldung", false).await)["ticket"],
        "S-001"
    );
    t.at_local("07:55");
    let ticket = check_in(&t, &key, &code).await;
    assert_eq!(created(&ticket)["ticket"], "S-002");
    assert_eq!(ticket.json["booking_status"], "checked_in");
    assert_eq!(t.booking_status(&booking).await, "checked_in");

    // 07:59: the appointment is due within two minutes; it goes before the walk-in.
    t.at_local("07:59");
    let first = call(&t, &key, "1", None).await;
    assert_eq!(called(&first), "S-002");
    assert_eq!(
        first.json["booking"]["name"], "Anna Beispiel",
        "the desk sees who comes"
    );
    assert_eq!(t.booking_status(&booking).await, "called");
    assert_eq!(called(&call(&t, &key, "2", None).await), "S-001");
    assert_eq!(
        call(&t, &key, "3", None).await.status,
        StatusCode::NO_CONTENT
    );
}

async fn walk_ins_fill_the_gaps_before_appointments_checked_in_early(store: Store) {
    let (t, key) = queue_app(store).await;
    let booking = t
        .booked("2026-12-01T08:00:00+01:00", "anna@example.org")
        .await;
    let code = t.code_of(&booking).await;
    t.at_local("07:40");
    created(&check_in(&t, &key, &code).await);
    t.at_local("07:45");
    created(&walk_in(&t, &key, "anmeldung", false).await);
    // The appointment is 14 minutes away: the walk-in fills the gap.
    t.at_local("07:46");
    assert_eq!(called(&call(&t, &key, "1", None).await), "S-002");
    // Nobody else waits: the appointment checked in early is next.
    t.at_local("07:47");
    assert_eq!(called(&call(&t, &key, "2", None).await), "S-001");
}

async fn check_in_opens_early_and_a_late_arrival_becomes_a_walk_in_keeping_its_booking(
    store: Store,
) {
    let (t, key) = queue_app(store).await;
    let eight = t
        .booked("2026-12-01T08:00:00+01:00", "anna@example.org")
        .await;
    let quarter = t
        .booked("2026-12-01T08:15:00+01:00", "bert@example.org")
        .await;
    t.at_local("07:29");
    let early = check_in(&t, &key, &t.code_of(&eight).await).await;
    assert_eq!(early.status, StatusCode::CONFLICT, "{}", early.text);
    assert_eq!(early.json["error"], "too_early");
    assert_eq!(early.json["opens_at"], "2026-12-01T07:30:00+01:00");
    assert_eq!(
        t.count("tickets").await,
        0,
        "a refused check-in writes nothing"
    );
    assert_eq!(t.booking_status(&eight).await, "confirmed");

    t.at_local("07:30");
    let on_time = created(&check_in(&t, &key, &t.code_of(&eight).await).await).clone();
    assert_eq!(
        (on_time["kind"].clone(), on_time["late"].clone()),
        (json!("appointment"), json!(false))
    );
    let again = check_in(&t, &key, &t.code_of(&eight).await).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.json["error"], "already_checked_in");
    assert_eq!(again.json["ticket"], "S-001");

    // Eleven minutes late: a walk-in, still with its booking.
    t.at_local("08:26");
    let late = created(&check_in(&t, &key, &t.code_of(&quarter).await).await).clone();
    assert_eq!(
        (late["kind"].clone(), late["late"].clone()),
        (json!("walk_in"), json!(true))
    );
    assert_eq!(t.booking_status(&quarter).await, "checked_in");

    // The owner's booking answer shows the code and the status.
    let mails = t.deliver().await;
    let mail = mails
        .iter()
        .map(read_mail)
        .find(|m| m.to == "bert@example.org")
        .unwrap();
    let read = t
        .call(
            "GET",
            &format!("/api/v1/bookings/{}", token_in(&mail)),
            None,
        )
        .await;
    assert_eq!(read.json["status"], "checked_in");
    assert_eq!(read.json["code"], t.code_of(&quarter).await);
}

async fn a_called_ticket_is_recalled_after_two_minutes_and_missed_after_three_calls(store: Store) {
    let (t, key) = queue_app(store).await;
    let booking = t
        .booked("2026-12-01T08:00:00+01:00", "anna@example.org")
        .await;
    t.at_local("07:55");
    let id = created(&check_in(&t, &key, &t.code_of(&booking).await).await)["ticket_id"]
        .as_str()
        .unwrap()
        .to_string();
    t.at_local("08:00");
    called(&call(&t, &key, "1", None).await);
    t.at_local("08:01");
    let soon = act(&t, &key, &id, "recall", None).await;
    assert_eq!(soon.status, StatusCode::CONFLICT, "{}", soon.text);
    assert_eq!(soon.json["error"], "too_soon");
    assert_eq!(soon.json["seconds"], 60);
    for (time, calls) in [("08:02", 2), ("08:04", 3)] {
        t.at_local(time);
        let r = act(&t, &key, &id, "recall", None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(
            (r.json["state"].clone(), r.json["calls"].clone()),
            (json!("called"), json!(calls))
        );
    }
    t.at_local("08:06");
    let missed = act(&t, &key, &id, "recall", None).await;
    assert_eq!(missed.json["state"], "missed", "{}", missed.text);
    assert_eq!(t.booking_status(&booking).await, "no_show");
    assert_eq!(t.count("ticket_calls").await, 3);
    // The display shows the three calls, the latest first.
    let display = t.call("GET", "/api/v1/offices/test/display", None).await;
    let calls: Vec<i64> = display.json["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["call"].as_i64().unwrap())
        .collect();
    assert_eq!(calls, [3, 2, 1]);
    // Came after all: back in the queue, and the booking with it.
    let back = act(&t, &key, &id, "back", None).await;
    assert_eq!(back.json["state"], "back", "{}", back.text);
    assert_eq!(t.booking_status(&booking).await, "checked_in");
}

async fn an_urgent_ticket_is_called_first(store: Store) {
    let (t, key) = queue_app(store).await;
    t.at_local("07:50");
    created(&walk_in(&t, &key, "anmeldung", false).await);
    t.at_local("07:51");
    let second = created(&walk_in(&t, &key, "anmeldung", false).await)["ticket_id"]
        .as_str()
        .unwrap()
        .to_string();
    t.at_local("07:52");
    created(&walk_in(&t, &key, "anmeldung", true).await);
    t.at_local("07:53");
    assert_eq!(called(&call(&t, &key, "1", None).await), "S-003");
    // The front desk marks the second urgent: it goes before the first.
    let urgent = act(&t, &key, &second, "urgent", None).await;
    assert_eq!(urgent.json["urgent"], true, "{}", urgent.text);
    let twice = act(&t, &key, &second, "urgent", None).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert_eq!(called(&call(&t, &key, "2", None).await), "S-002");
    assert_eq!(called(&call(&t, &key, "3", None).await), "S-001");
}

async fn a_transferred_ticket_keeps_its_place_by_arrival_in_the_other_queue(store: Store) {
    let (t, key) = queue_app(store).await;
    t.at_local("07:50");
    let s1 = created(&walk_in(&t, &key, "anmeldung", false).await)["ticket_id"]
        .as_str()
        .unwrap()
        .to_string();
    t.at_local("07:52");
    assert_eq!(
        created(&walk_in(&t, &key, "zulassung", false).await)["ticket"],
        "K-001"
    );
    t.at_local("07:54");
    created(&walk_in(&t, &key, "zulassung", false).await);
    t.at_local("08:00");
    assert_eq!(
        called(&call(&t, &key, "1", Some(json!(["stadtamt"]))).await),
        "S-001"
    );
    let started = act(&t, &key, &s1, "start", Some(json!({"desk": "1"}))).await;
    assert_eq!(started.json["state"], "serving", "{}", started.text);
    let moved = act(&t, &key, &s1, "transfer", Some(json!({"counter": "kfz"}))).await;
    assert_eq!(
        (moved.json["state"].clone(), moved.json["counter"].clone()),
        (json!("transferred"), json!("kfz")),
        "{}",
        moved.text
    );
    // S-001 came at 07:50, before both Kfz tickets.
    assert_eq!(
        called(&call(&t, &key, "2", Some(json!(["kfz"]))).await),
        "S-001"
    );
    assert_eq!(
        called(&call(&t, &key, "3", Some(json!(["kfz"]))).await),
        "K-001"
    );
    assert_eq!(
        called(&call(&t, &key, "4", Some(json!(["kfz"]))).await),
        "K-002"
    );
}

async fn walk_in_tickets_stop_when_the_walk_in_desks_cannot_reach_them_today(store: Store) {
    let (t, key) = queue_app(store).await;
    // Stadtamt keeps one desk for walk-ins, 08:00–12:00. At 11:15 it has 45
    // minutes left: three walk-ins of 15.
    t.at_local("11:15");
    for n in 1..=3 {
        assert_eq!(
            created(&walk_in(&t, &key, "anmeldung", false).await)["ticket"],
            format!("S-{n:03}")
        );
    }
    let full = walk_in(&t, &key, "anmeldung", false).await;
    assert_eq!(full.status, StatusCode::CONFLICT, "{}", full.text);
    assert_eq!(full.json["error"], "no_walk_in_capacity");
    assert_eq!(full.json["counter"], "stadtamt");
    // The next free appointment: tomorrow at 08:00 (today's are too soon).
    assert_eq!(full.json["next_free"]["start"], "2026-12-02T08:00:00+01:00");
    assert_eq!(t.count("tickets").await, 3);
    // One called still takes its desk time; one who did not come frees it.
    let first = called(&call(&t, &key, "1", None).await).to_string();
    let still = walk_in(&t, &key, "anmeldung", false).await;
    assert_eq!(still.status, StatusCode::CONFLICT, "{}", still.text);
    let gone = act(&t, &key, &first, "no-show", Some(json!({"desk": "1"}))).await;
    assert_eq!(gone.status, StatusCode::OK, "{}", gone.text);
    assert_eq!(
        created(&walk_in(&t, &key, "anmeldung", false).await)["ticket"],
        "S-004"
    );
    // Kfz-Zulassung keeps no desk for walk-ins in the test office's plan.
    let office = crate::support::TEST_OFFICE
        .replace("confirm_within_minutes = 30", "confirm_within_minutes = 0");
    termin::staff::import(&t.app, &office).await.unwrap();
    let kfz = walk_in(&t, &key, "zulassung", false).await;
    assert_eq!(kfz.json["error"], "no_walk_in_capacity", "{}", kfz.text);
}

async fn fifty_desks_calling_at_once_get_fifty_different_tickets_and_skip_none(store: Store) {
    let t = TestApp::new(store).await;
    // Sixty desks for walk-ins: sixty-two desks in the office.
    let office = crate::support::TEST_OFFICE
        .replace("desks = 2\n    online = 1", "desks = 61\n    online = 1");
    termin::staff::import(&t.app, &office).await.unwrap();
    let key = staff_key(&t, "clerk", Some("test")).await;
    t.at_local("07:00");
    for _ in 0..60 {
        created(&walk_in(&t, &key, "anmeldung", false).await);
        t.clock.advance(chrono::Duration::seconds(1));
    }
    let t = std::sync::Arc::new(t);
    let mut calls = tokio::task::JoinSet::new();
    for desk in 1..=50 {
        let (t, key) = (t.clone(), key.clone());
        calls.spawn(async move { call(&t, &key, &desk.to_string(), None).await });
    }
    let mut numbers = Vec::new();
    while let Some(a) = calls.join_next().await {
        numbers.push(called(&a.unwrap()).to_string());
    }
    numbers.sort();
    let first_fifty: Vec<String> = (1..=50).map(|n| format!("S-{n:03}")).collect();
    assert_eq!(
        numbers, first_fifty,
        "every ticket once, the fifty who came first"
    );
    assert_eq!(
        number(
            &t.app.store,
            "SELECT COUNT(*) FROM tickets WHERE state = 'called'"
        )
        .await,
        50
    );
    assert_eq!(t.count("ticket_calls").await, 50);
    // The same desk calling again while its ticket is called calls nobody new.
    let busy = call(&t, &key, "7", None).await;
    assert_eq!(busy.json["error"], "desk_busy", "{}", busy.text);
    assert_eq!(t.count("ticket_calls").await, 50);
}

async fn the_statistics_times_are_kept_when_personal_data_is_erased(store: Store) {
    let (t, key) = queue_app(store).await;
    let booking = t
        .booked("2026-12-01T08:00:00+01:00", "anna@example.org")
        .await;
    t.at_local("07:50");
    let id = created(&check_in(&t, &key, &t.code_of(&booking).await).await)["ticket_id"]
        .as_str()
        .unwrap()
        .to_string();
    let step = |time: &'static str, action: &'static str, body: Option<Value>| {
        let (t, key, id) = (&t, &key, &id);
        async move {
            t.at_local(time);
            let a = act(t, key, id, action, body).await;
            assert_eq!(a.status, StatusCode::OK, "{action} at {time}: {}", a.text);
            a.json
        }
    };
    t.at_local("08:05");
    called(&call(&t, &key, "1", Some(json!(["stadtamt"]))).await);
    step("08:06", "start", None).await;
    step("08:10", "park", None).await;
    step("08:12", "start", None).await;
    step("08:15", "transfer", Some(json!({"counter": "kfz"}))).await;
    t.at_local("08:20");
    called(&call(&t, &key, "2", Some(json!(["kfz"]))).await);
    step("08:21", "start", Some(json!({"desk": "2"}))).await;
    let done = step(
        "08:30",
        "done",
        Some(json!({"services": ["anmeldung", "zulassung"], "persons": 2})),
    )
    .await;
    // Waiting from the appointment's time (later than the check-in) to the first call.
    assert_eq!(done["waiting_seconds"], 5 * 60);
    // From each call to its start: one minute, twice.
    assert_eq!(done["way_seconds"], 2 * 60);
    // At the desk: 4 + 3 + 9 minutes, parking not counted.
    assert_eq!(done["handling_seconds"], 16 * 60);
    assert_eq!(t.booking_status(&booking).await, "done");

    t.clock.set(at("2027-01-15T12:00:00Z"));
    let erased = termin::booking::erase_old_personal_data(&t.app)
        .await
        .unwrap();
    assert_eq!(erased, 1);
    let name = texts(
        &t.app.store,
        &format!("SELECT name FROM bookings WHERE id = '{booking}'"),
    )
    .await;
    assert_eq!(name, [None]);
    let kept = number(
        &t.app.store,
        "SELECT waiting_seconds * 1000000 + way_seconds * 1000 + handling_seconds / 60 FROM tickets",
    )
    .await;
    assert_eq!(kept, 300 * 1_000_000 + 120 * 1000 + 16);
    let handled = texts(&t.app.store, "SELECT handled_services FROM tickets").await;
    assert_eq!(handled, [Some("anmeldung,zulassung".to_string())]);
}

async fn confirmed_bookings_never_checked_in_become_no_shows_after_their_day(store: Store) {
    let (t, key) = queue_app(store).await;
    let came = t
        .booked("2026-12-01T08:00:00+01:00", "anna@example.org")
        .await;
    let stayed_away = t
        .booked("2026-12-01T08:15:00+01:00", "bert@example.org")
        .await;
    let tomorrow = t
        .booked("2026-12-02T08:15:00+01:00", "carl@example.org")
        .await;
    let waited = t
        .booked("2026-12-01T09:00:00+01:00", "dora@example.org")
        .await;
    t.at_local("07:50");
    created(&check_in(&t, &key, &t.code_of(&came).await).await);
    // Anna is called and served, but nobody presses "done"; Dora waits until closing.
    t.at_local("08:50");
    created(&check_in(&t, &key, &t.code_of(&waited).await).await);
    t.at_local("09:00");
    let anna = called(&call(&t, &key, "1", None).await).to_string();
    assert_eq!(anna, "S-001", "the appointment due first");
    let started = act(&t, &key, &anna, "start", Some(json!({"desk": "1"}))).await;
    assert_eq!(started.status, StatusCode::OK, "{}", started.text);
    t.at_local("23:59");
    assert_eq!(
        termin::queue::mark_no_shows(&t.app).await.unwrap(),
        0,
        "the day is not over"
    );
    t.clock.set(at("2026-12-02T00:01:00+01:00"));
    // The booking never checked in, and both tickets left open, are closed.
    assert_eq!(termin::queue::mark_no_shows(&t.app).await.unwrap(), 3);
    assert_eq!(t.booking_status(&stayed_away).await, "no_show");
    assert_eq!(t.booking_status(&came).await, "done");
    assert_eq!(t.booking_status(&waited).await, "no_show");
    let states = texts(
        &t.app.store,
        "SELECT number || ' ' || state FROM tickets ORDER BY number",
    )
    .await;
    assert_eq!(
        states,
        [Some("S-001 done".into()), Some("S-002 no_show".into())]
    );
    assert_eq!(t.booking_status(&tomorrow).await, "confirmed");
    let audit = texts(
        &t.app.store,
        &format!(
            "SELECT actor FROM audit_log WHERE action = 'no_show' AND booking_id = '{stayed_away}'"
        ),
    )
    .await;
    assert_eq!(audit, [Some("system".to_string())]);
    assert_eq!(
        termin::queue::mark_no_shows(&t.app).await.unwrap(),
        0,
        "once"
    );
}

async fn set_code(store: &Store, id: &str, code: &str) -> Result<(), sqlx::Error> {
    let sql = format!("UPDATE bookings SET code = '{code}' WHERE id = '{id}'");
    match store {
        Store::Sqlite(s) => sqlx::query(&sql).execute(&s.pool).await.map(|_| ()),
        Store::Postgres(p) => sqlx::query(&sql).execute(&p.pool).await.map(|_| ()),
    }
}

async fn booking_codes_are_unique_among_the_active_bookings_of_an_office(store: Store) {
    let (t, _) = queue_app(store).await;
    let a = t
        .booked("2026-12-02T08:00:00+01:00", "anna@example.org")
        .await;
    let b = t
        .booked("2026-12-02T08:15:00+01:00", "bert@example.org")
        .await;
    let (code_a, code_b) = (t.code_of(&a).await, t.code_of(&b).await);
    assert_ne!(code_a, code_b);
    for code in [&code_a, &code_b] {
        assert_eq!(BookingCode::parse(code).unwrap().as_str(), code);
    }
    assert!(
        set_code(&t.app.store, &b, &code_a).await.is_err(),
        "two active bookings, one code"
    );
    // Once A is cancelled, its code is free for another booking.
    let mails = t.deliver().await;
    let anna = mails
        .iter()
        .map(read_mail)
        .find(|m| m.to == "anna@example.org")
        .unwrap();
    let cancelled = t
        .call(
            "DELETE",
            &format!("/api/v1/bookings/{}", token_in(&anna)),
            None,
        )
        .await;
    assert_eq!(cancelled.json["status"], "cancelled");
    set_code(&t.app.store, &b, &code_a).await.unwrap();
    // A cancelled booking's code checks nothing in.
    let key = staff_key(&t, "clerk", Some("test")).await;
    t.clock.set(at("2026-12-02T07:50:00+01:00"));
    let checked = check_in(&t, &key, &code_a).await;
    assert_eq!(checked.json["ticket"], "S-001", "{}", checked.text);
    assert_eq!(t.booking_status(&b).await, "checked_in");
    assert_eq!(t.booking_status(&a).await, "cancelled");
}

/// A booking for `email` at `start` of one Anmeldung, with the given code, as the use case makes it.
async fn new_booking(
    t: &TestApp,
    start: &str,
    email: &str,
    code: &str,
) -> (NewBooking, schedule::Claim, NewMail) {
    let (office, revision) = t.app.office_at("test").await.unwrap().unwrap();
    let counter = office.counter("stadtamt").unwrap();
    let need = Need {
        minutes: 15,
        persons: 1,
    };
    let claim = schedule::claim(&office, counter, need, at(start), t.app.clock.now()).unwrap();
    let id = uuid::Uuid::now_v7().to_string();
    let now = t.app.clock.now().timestamp();
    let new = NewBooking {
        id: id.clone(),
        token_hash: termin::secret::hash(&termin::secret::new_token()),
        office_id: "test".into(),
        counter_id: "stadtamt".into(),
        services: vec!["anmeldung".into()],
        persons: 1,
        status: "confirmed",
        name: "Carl Beispiel".into(),
        email: email.into(),
        phone: None,
        email_key: termin::secret::hash(email),
        language: "de",
        confirm_by: None,
        created_at: now,
        email_cap: 2,
        office_revision: revision,
        idempotency: None,
        code: code.into(),
    };
    let mail = NewMail {
        id: uuid::Uuid::new_v4().to_string(),
        booking_id: Some(id),
        kind: "confirmed",
        message_id: format!("<{}@test>", uuid::Uuid::new_v4()),
        sender: "noreply@example.org".into(),
        recipient: email.into(),
        message: Some(b"Subject: test\r\n\r\nhello".to_vec()),
        token: None,
        due_at: now,
    };
    (new, claim, mail)
}

async fn a_taken_code_gets_a_new_one_in_every_booking_write_path(store: Store) {
    let (t, _) = queue_app(store).await;
    let a = t
        .booked("2026-12-02T08:00:00+01:00", "anna@example.org")
        .await;
    let taken = t.code_of(&a).await;

    // The writers of bookings (SQLite's group commit, PostgreSQL's batch statement).
    let (new, claim, mail) =
        new_booking(&t, "2026-12-02T08:15:00+01:00", "carl@example.org", &taken).await;
    let written = t.app.store.book(&new, &claim, &mail, None).await.unwrap();
    assert_ne!(written, taken);
    assert_eq!(t.code_of(&new.id).await, written);
    assert!(BookingCode::parse(&written).is_ok());

    // A hold that becomes a booking.
    let (new, claim, mail) =
        new_booking(&t, "2026-12-02T08:30:00+01:00", "dora@example.org", &taken).await;
    let now = t.app.clock.now().timestamp();
    let hold = NewHold {
        id: uuid::Uuid::new_v4().to_string(),
        token_hash: termin::secret::hash("hold"),
        browser_key: termin::secret::hash("browser"),
        office_id: "test".into(),
        counter_id: "stadtamt".into(),
        services: vec!["anmeldung".into()],
        persons: 1,
        minutes: 15,
        client_key: termin::secret::hash("client"),
        client_cap: 90,
        share_day: "2026-12-02".into(),
        share_cap: 1000,
        client_day_cap: 1000,
        expires_at: now + 600,
        created_at: now,
        office_revision: new.office_revision,
        slow_for: termin::hold::slow_for,
    };
    t.app.store.take_hold(&hold, &claim).await.unwrap();
    let row = t
        .app
        .store
        .book_held(&hold.id, &new, now + 3600, &mail, None)
        .await
        .unwrap();
    let code = row.code.expect("a code");
    assert_ne!(code, taken);
    assert_ne!(code, written);
    assert_eq!(
        number(&t.app.store, "SELECT COUNT(DISTINCT code) FROM bookings").await,
        3
    );
}

async fn the_ticket_holder_follows_position_wait_and_desk_by_the_secret(store: Store) {
    let (t, key) = queue_app(store).await;
    t.at_local("07:50");
    created(&walk_in(&t, &key, "anmeldung", false).await);
    let mine = created(&walk_in(&t, &key, "anmeldung", false).await).clone();
    let secret = mine["follow_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let f = termin::queue::follow(&t.app, &secret)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (f.number.as_str(), f.position, f.desk.clone()),
        ("S-002", Some(2), None)
    );
    // One walk-in of 15 minutes before it, on the two desks of the plan at 08:00.
    t.at_local("08:00");
    let f = termin::queue::follow(&t.app, &secret)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(f.expected_wait, Some((5, 10)));
    called(&call(&t, &key, "1", None).await);
    called(&call(&t, &key, "2", None).await);
    let f = termin::queue::follow(&t.app, &secret)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((f.position, f.desk.as_deref()), (None, Some("2")));
    assert!(termin::queue::follow(&t.app, &"0".repeat(64))
        .await
        .unwrap()
        .is_none());
}

#[test]
fn the_check_character_catches_every_single_typo_and_adjacent_swap_in_a_sample() {
    const DATA: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const CHECK: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
    let mut tried = 0;
    for i in 0..300u64 {
        let code = BookingCode::of_value(i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 24);
        let chars: Vec<u8> = code.as_str().bytes().collect();
        for pos in 0..chars.len() {
            let symbols = if pos < 8 { DATA } else { CHECK };
            for &other in symbols.iter().filter(|c| **c != chars[pos]) {
                let mut typo = chars.clone();
                typo[pos] = other;
                let typo = String::from_utf8(typo).unwrap();
                assert!(
                    BookingCode::parse(&typo).is_err(),
                    "{typo} for {code} was taken"
                );
                tried += 1;
            }
        }
        for pos in 0..chars.len() - 1 {
            if chars[pos] == chars[pos + 1] {
                continue;
            }
            let mut swapped = chars.clone();
            swapped.swap(pos, pos + 1);
            let swapped = String::from_utf8(swapped).unwrap();
            assert!(
                BookingCode::parse(&swapped).is_err(),
                "{swapped} for {code} was taken"
            );
            tried += 1;
        }
    }
    assert!(tried > 80_000);
    assert_eq!(BookingCode::parse("0000-0000-1"), Err(CodeError::Check));
}
