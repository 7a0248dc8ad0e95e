//! Staff accounts and access, on SQLite and PostgreSQL with a fixed clock: login slow-down,
//! session expiry, password changes, roles over the JSON API, bad input that changes
//! nothing, and the audit log.

use std::net::IpAddr;

use axum::http::StatusCode;
use chrono::Duration;
use serde_json::{json, Value};

use termin::staff::{self, AccessError, LoginError, Staff};
use termin::store::Store;

use crate::support::{number, on_both, staff_key, texts, TestApp};

const PASSWORD: &str = "correct horse battery";

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

/// The test office confirming at once, and a second office "other".
async fn two_offices(store: Store) -> TestApp {
    let t = TestApp::new(store).await;
    let test = crate::support::TEST_OFFICE
        .replace("confirm_within_minutes = 30", "confirm_within_minutes = 0");
    let other = test
        .replace("id = \"test\"", "id = \"other\"")
        .replace("Bürgerbüro Test", "Bürgerbüro Anders");
    termin::staff::import(&t.app, &format!("{test}\n{other}"))
        .await
        .unwrap();
    t
}

async fn user(t: &TestApp, email: &str, role: &str, office: Option<&str>) {
    staff::add_user(&t.app, &Staff::cli(), email, role, office, PASSWORD)
        .await
        .unwrap();
}

on_both!(
    failed_logins_slow_down_per_account_and_per_address_alike_for_unknown_ones,
    a_session_ends_when_idle_and_at_the_end_of_its_lifetime,
    a_password_change_ends_the_other_sessions_and_logout_ends_this_one,
    a_disabled_user_cannot_log_in_and_their_sessions_end,
    roles_and_offices_are_kept_apart_over_the_json_api,
    bad_input_to_the_queue_is_a_clear_4xx_and_changes_nothing,
    every_staff_action_is_in_the_audit_log_without_any_citizen_data,
    the_display_shows_numbers_desks_and_counts_and_no_personal_data,
    an_emergency_alert_reaches_every_desk_until_someone_is_coming,
    admins_manage_keys_kiosks_and_users_and_heads_the_clerks_of_their_office,
);

async fn admins_manage_keys_kiosks_and_users_and_heads_the_clerks_of_their_office(store: Store) {
    let t = two_offices(store).await;
    user(&t, "admin@stadt.example", "admin", None).await;
    user(&t, "leitung@stadt.example", "head", Some("test")).await;
    user(&t, "clara@stadt.example", "clerk", Some("test")).await;
    let who = |email: &'static str| {
        let app = t.app.clone();
        async move {
            let l = staff::login(&app, email, PASSWORD, ip("192.0.2.1"))
                .await
                .unwrap();
            staff::session(&app, &l.token).await.unwrap()
        }
    };
    let (admin, head, clerk) = (
        who("admin@stadt.example").await,
        who("leitung@stadt.example").await,
        who("clara@stadt.example").await,
    );
    use staff::UserError::Forbidden;
    let add = |by: &Staff, email: &str, role: &str, office: Option<&str>| {
        let (app, by, email, role, office) = (
            t.app.clone(),
            by.clone(),
            email.to_string(),
            role.to_string(),
            office.map(str::to_string),
        );
        async move { staff::add_user(&app, &by, &email, &role, office.as_deref(), PASSWORD).await }
    };
    // A head adds and disables the clerks of their own office, nobody else.
    add(&head, "neu@stadt.example", "clerk", Some("test"))
        .await
        .unwrap();
    assert!(matches!(
        add(&head, "chef@stadt.example", "head", Some("test")).await,
        Err(Forbidden)
    ));
    assert!(matches!(
        add(&head, "dort@stadt.example", "clerk", Some("other")).await,
        Err(Forbidden)
    ));
    assert!(matches!(
        add(&clerk, "x@stadt.example", "clerk", Some("test")).await,
        Err(Forbidden)
    ));
    assert!(staff::disable_user(&t.app, &head, "neu@stadt.example")
        .await
        .unwrap());
    assert!(matches!(
        staff::disable_user(&t.app, &head, "admin@stadt.example").await,
        Err(Forbidden)
    ));
    // Keys and kiosks are an admin's.
    assert!(matches!(
        staff::add_api_key(&t.app, &head, "Fachverfahren", Some("test"), Some("reader")).await,
        Err(Forbidden)
    ));
    assert!(matches!(
        staff::unlock_kiosk(&t.app, &head, "test", "Eingang").await,
        Err(Forbidden)
    ));
    staff::add_api_key(&t.app, &admin, "Fachverfahren", Some("test"), Some("head"))
        .await
        .unwrap();
    let (id, _) = staff::unlock_kiosk(&t.app, &admin, "test", "Eingang")
        .await
        .unwrap();
    assert!(matches!(
        staff::revoke_kiosk(&t.app, &clerk, &id).await,
        Err(Forbidden)
    ));
    assert!(staff::revoke_kiosk(&t.app, &admin, &id).await.unwrap());
    add(&admin, "dort@stadt.example", "head", Some("other"))
        .await
        .unwrap();
    // Each change is in the log with who made it.
    let by = texts(
        &t.app.store,
        "SELECT actor_label || ' ' || action FROM audit_log WHERE action IN ('user_added', 'user_disabled', 'apikey_added', 'kiosk_added', 'kiosk_revoked') AND actor <> 'cli' ORDER BY at, id",
    )
    .await;
    let mut by: Vec<String> = by.into_iter().flatten().collect();
    by.sort();
    assert_eq!(
        by,
        [
            "admin@stadt.example apikey_added",
            "admin@stadt.example kiosk_added",
            "admin@stadt.example kiosk_revoked",
            "admin@stadt.example user_added",
            "leitung@stadt.example user_added",
            "leitung@stadt.example user_disabled",
        ]
    );
}

async fn failed_logins_slow_down_per_account_and_per_address_alike_for_unknown_ones(store: Store) {
    let t = two_offices(store).await;
    user(&t, "clara@stadt.example", "clerk", Some("test")).await;
    let here = ip("192.0.2.10");
    let started = std::time::Instant::now();
    for _ in 0..4 {
        let e = staff::login(&t.app, "clara@stadt.example", "wrong password", here)
            .await
            .unwrap_err();
        assert!(matches!(e, LoginError::Refused), "{e}");
    }
    let wrong = started.elapsed() / 4;
    // The fifth failure makes the next try wait a second, even with the right password.
    assert!(matches!(
        staff::login(&t.app, "clara@stadt.example", "wrong again", here).await,
        Err(LoginError::Refused)
    ));
    let slow = staff::login(&t.app, "Clara@stadt.example", PASSWORD, ip("198.51.100.1")).await;
    assert!(matches!(slow, Err(LoginError::Slow(1))), "{slow:?}");
    t.clock.advance(Duration::seconds(1));
    assert!(matches!(
        staff::login(&t.app, "clara@stadt.example", "sixth", here).await,
        Err(LoginError::Refused)
    ));
    assert!(matches!(
        staff::login(&t.app, "clara@stadt.example", PASSWORD, here).await,
        Err(LoginError::Slow(2))
    ));
    t.clock.advance(Duration::seconds(2));
    let ok = staff::login(&t.app, "clara@stadt.example", PASSWORD, ip("198.51.100.1"))
        .await
        .unwrap();
    assert_eq!(ok.staff.actor.label, "clara@stadt.example");

    // An unknown address gets the same answers, after the same work.
    let started = std::time::Instant::now();
    for _ in 0..5 {
        assert!(matches!(
            staff::login(&t.app, "nobody@stadt.example", "guess", ip("203.0.113.5")).await,
            Err(LoginError::Refused)
        ));
    }
    let unknown = started.elapsed() / 5;
    // Not a measure of speed: a path that skipped the password hash would
    // answer a hundred times faster; a loaded machine's noise is far less.
    assert!(
        unknown * 10 >= wrong,
        "an unknown address answers in {unknown:?}, a wrong password in {wrong:?}"
    );
    assert!(matches!(
        staff::login(&t.app, "nobody@stadt.example", "guess", ip("203.0.113.6")).await,
        Err(LoginError::Slow(1))
    ));

    // Per client address: twenty addresses tried from one place slow it down for all.
    t.clock.advance(Duration::hours(1));
    for i in 0..20 {
        let _ = staff::login(
            &t.app,
            &format!("x{i}@stadt.example"),
            "guess",
            ip("2001:db8::1"),
        )
        .await;
    }
    let same_block = staff::login(&t.app, "clara@stadt.example", PASSWORD, ip("2001:db8::2")).await;
    assert!(
        matches!(same_block, Err(LoginError::Slow(_))),
        "{same_block:?}"
    );
    assert!(
        staff::login(&t.app, "clara@stadt.example", PASSWORD, ip("192.0.2.99"))
            .await
            .is_ok()
    );
    // The typos of an office's clerks behind one address wear off: fifteen
    // over five hours, then each colleague signs in at once.
    let office = ip("192.0.2.200");
    for i in 0..15 {
        let who = ["clara@stadt.example", "nobody@stadt.example"][i % 2];
        let _ = staff::login(&t.app, who, "a typo", office).await;
        t.clock.advance(Duration::minutes(20));
    }
    for _ in 0..3 {
        let ok = staff::login(&t.app, "clara@stadt.example", PASSWORD, office).await;
        assert!(ok.is_ok(), "{ok:?}");
    }
    // The failed logins are in the audit log, without the addresses typed.
    let typed = texts(
        &t.app.store,
        "SELECT actor_label || detail FROM audit_log WHERE action = 'login_failed'",
    )
    .await;
    assert!(typed.len() >= 10);
    assert!(
        typed
            .iter()
            .flatten()
            .all(|l| !l.contains("nobody@") && !l.contains("x1@")),
        "{typed:?}"
    );
}

async fn a_session_ends_when_idle_and_at_the_end_of_its_lifetime(store: Store) {
    let t = two_offices(store).await;
    user(&t, "clara@stadt.example", "clerk", Some("test")).await;
    let login = staff::login(&t.app, "clara@stadt.example", PASSWORD, ip("192.0.2.1"))
        .await
        .unwrap();
    let s = staff::session(&t.app, &login.token).await.unwrap();
    assert_eq!(s.office.as_deref(), Some("test"));
    // Used every 29 minutes it lives on; 30 minutes unused end it.
    for _ in 0..3 {
        t.clock.advance(Duration::minutes(29));
        assert!(staff::session(&t.app, &login.token).await.is_ok());
    }
    t.clock.advance(Duration::minutes(30));
    assert!(matches!(
        staff::session(&t.app, &login.token).await,
        Err(AccessError::Unknown)
    ));
    // However much it is used, it ends 10 hours after the login.
    let login = staff::login(&t.app, "clara@stadt.example", PASSWORD, ip("192.0.2.1"))
        .await
        .unwrap();
    for _ in 0..(10 * 60 / 20 - 1) {
        t.clock.advance(Duration::minutes(20));
        assert!(staff::session(&t.app, &login.token).await.is_ok());
    }
    t.clock.advance(Duration::minutes(20));
    assert!(matches!(
        staff::session(&t.app, &login.token).await,
        Err(AccessError::Unknown)
    ));
    // The API refuses an ended session like an unknown key.
    let read = t
        .staff(&login.token, "GET", "/api/v1/offices/test/queue", None)
        .await;
    assert_eq!(read.status, StatusCode::UNAUTHORIZED);
}

async fn a_password_change_ends_the_other_sessions_and_logout_ends_this_one(store: Store) {
    let t = two_offices(store).await;
    user(&t, "clara@stadt.example", "clerk", Some("test")).await;
    let login = |t: &TestApp| {
        let app = t.app.clone();
        async move {
            staff::login(&app, "clara@stadt.example", PASSWORD, ip("192.0.2.1"))
                .await
                .unwrap()
        }
    };
    let (here, elsewhere) = (login(&t).await, login(&t).await);
    let me = staff::session(&t.app, &here.token).await.unwrap();
    let wrong = staff::change_password(&t.app, &me, "not it", "a new long password").await;
    assert!(matches!(wrong, Err(staff::PasswordError::Wrong)));
    assert!(
        staff::session(&t.app, &elsewhere.token).await.is_ok(),
        "a wrong try ends nothing"
    );
    staff::change_password(&t.app, &me, PASSWORD, "a new long password")
        .await
        .unwrap();
    assert!(staff::session(&t.app, &here.token).await.is_ok());
    assert!(matches!(
        staff::session(&t.app, &elsewhere.token).await,
        Err(AccessError::Unknown)
    ));
    assert!(
        staff::login(&t.app, "clara@stadt.example", PASSWORD, ip("192.0.2.1"))
            .await
            .is_err()
    );
    staff::logout(&t.app, &here.token).await.unwrap();
    assert!(staff::session(&t.app, &here.token).await.is_err());
    staff::logout(&t.app, &here.token).await.unwrap();
    // `termin user reset` ends every session, this one too.
    let again = staff::login(
        &t.app,
        "clara@stadt.example",
        "a new long password",
        ip("192.0.2.1"),
    )
    .await
    .unwrap();
    staff::reset_password(
        &t.app,
        &Staff::cli(),
        "clara@stadt.example",
        "reset by the admin",
    )
    .await
    .unwrap();
    assert!(staff::session(&t.app, &again.token).await.is_err());
    let actions = texts(
        &t.app.store,
        "SELECT action FROM audit_log WHERE actor <> 'cli' ORDER BY at, id",
    )
    .await;
    for a in ["login", "password_changed", "logout"] {
        assert!(actions.contains(&Some(a.to_string())), "{a} in {actions:?}");
    }
}

async fn a_disabled_user_cannot_log_in_and_their_sessions_end(store: Store) {
    let t = two_offices(store).await;
    user(&t, "clara@stadt.example", "clerk", Some("test")).await;
    let s = staff::login(&t.app, "clara@stadt.example", PASSWORD, ip("192.0.2.1"))
        .await
        .unwrap();
    assert!(
        staff::disable_user(&t.app, &Staff::cli(), "clara@stadt.example")
            .await
            .unwrap()
    );
    assert!(
        !staff::disable_user(&t.app, &Staff::cli(), "clara@stadt.example")
            .await
            .unwrap()
    );
    assert!(staff::session(&t.app, &s.token).await.is_err());
    assert!(matches!(
        staff::login(&t.app, "clara@stadt.example", PASSWORD, ip("192.0.2.1")).await,
        Err(LoginError::Refused)
    ));
}

/// A walk-in ticket at an office with a key; its id.
async fn walk_in(t: &TestApp, key: &str, office: &str) -> String {
    let a = t
        .staff(
            key,
            "POST",
            &format!("/api/v1/offices/{office}/walkins"),
            Some(json!({"services": ["anmeldung"]})),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    a.json["ticket_id"].as_str().unwrap().to_string()
}

async fn roles_and_offices_are_kept_apart_over_the_json_api(store: Store) {
    let t = two_offices(store).await;
    let clerk = staff_key(&t, "clerk", Some("test")).await;
    let reader = staff_key(&t, "reader", Some("test")).await;
    let head = staff_key(&t, "head", Some("test")).await;
    // Clerks and heads belong to an office, keys too.
    let unbound = staff::add_api_key(&t.app, &Staff::cli(), "city", None, Some("clerk")).await;
    assert!(
        matches!(unbound, Err(staff::UserError::OfficeMissing)),
        "{unbound:?}"
    );
    let (_, kiosk) = staff::unlock_kiosk(&t.app, &Staff::cli(), "test", "Eingang")
        .await
        .unwrap();
    user(&t, "clara@stadt.example", "clerk", Some("test")).await;
    let session = staff::login(&t.app, "clara@stadt.example", PASSWORD, ip("192.0.2.1"))
        .await
        .unwrap()
        .token;
    let get = |key: &str, path: &str| {
        let (t, key, path) = (&t, key.to_string(), path.to_string());
        async move { t.staff(&key, "GET", &path, None).await.status }
    };
    // A clerk of one office gets 403 at another, whether by key or by session.
    assert_eq!(
        get(&clerk, "/api/v1/offices/test/queue").await,
        StatusCode::OK
    );
    assert_eq!(
        get(&clerk, "/api/v1/offices/other/queue").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get(&session, "/api/v1/offices/test/queue").await,
        StatusCode::OK
    );
    assert_eq!(
        get(&session, "/api/v1/offices/other/queue").await,
        StatusCode::FORBIDDEN
    );
    let elsewhere = t
        .staff(&clerk, "POST", "/api/v1/offices/other/desks/1/call", None)
        .await;
    assert_eq!(elsewhere.status, StatusCode::FORBIDDEN);
    assert_eq!(elsewhere.json["error"], "forbidden");
    // A reader reads the day's appointments and nothing of the queue.
    assert_eq!(
        get(&reader, "/api/v1/offices/test/queue").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get(&reader, "/api/v1/offices/test/appointments?date=2026-12-01").await,
        StatusCode::OK
    );
    // A kiosk gives tickets and calls nobody.
    walk_in(&t, &kiosk, "test").await;
    let kiosk_call = t
        .staff(&kiosk, "POST", "/api/v1/offices/test/desks/1/call", None)
        .await;
    assert_eq!(kiosk_call.status, StatusCode::FORBIDDEN);
    // Only the front desk marks a ticket urgent, not a self-service kiosk.
    let tickets = t.count("tickets").await;
    let urgent = t
        .staff(
            &kiosk,
            "POST",
            "/api/v1/offices/test/walkins",
            Some(json!({"services": ["anmeldung"], "urgent": true})),
        )
        .await;
    assert_eq!(urgent.status, StatusCode::FORBIDDEN, "{}", urgent.text);
    assert_eq!(t.count("tickets").await, tickets);
    assert_eq!(
        t.staff(
            &kiosk,
            "POST",
            "/api/v1/offices/other/walkins",
            Some(json!({"services": ["anmeldung"]}))
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    // The audit log is the head's.
    assert_eq!(
        get(&clerk, "/api/v1/offices/test/audit").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get(&head, "/api/v1/offices/test/audit").await,
        StatusCode::OK
    );
    assert_eq!(
        get(&head, "/api/v1/offices/other/audit").await,
        StatusCode::FORBIDDEN
    );
    // A reader key bound to no office reads every office's day.
    let everywhere = staff_key(&t, "reader", None).await;
    assert_eq!(
        get(
            &everywhere,
            "/api/v1/offices/other/appointments?date=2026-12-01"
        )
        .await,
        StatusCode::OK
    );
    // Nobody, or a key nobody knows: 401.
    let none = t.call("GET", "/api/v1/offices/test/queue", None).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        get(&"f".repeat(64), "/api/v1/offices/test/queue").await,
        StatusCode::UNAUTHORIZED
    );
    // A revoked kiosk is unknown.
    let (id, revoked) = staff::unlock_kiosk(&t.app, &Staff::cli(), "test", "Eingang 2")
        .await
        .unwrap();
    assert!(staff::revoke_kiosk(&t.app, &Staff::cli(), &id)
        .await
        .unwrap());
    let gone = t
        .staff(
            &revoked,
            "POST",
            "/api/v1/offices/test/walkins",
            Some(json!({"services": ["anmeldung"]})),
        )
        .await;
    assert_eq!(gone.status, StatusCode::UNAUTHORIZED);
    // The display is public.
    assert_eq!(
        t.call("GET", "/api/v1/offices/test/display", None)
            .await
            .status,
        StatusCode::OK
    );
}

/// A refused request: what it is, method, path, body, the status and error code expected.
type Case<'a> = (&'a str, &'a str, String, Option<Value>, StatusCode, &'a str);

/// What the queue's tables hold, to compare before and after refused requests.
async fn snapshot(t: &TestApp) -> Vec<Option<String>> {
    let mut all = texts(
        &t.app.store,
        "SELECT id || state || CAST(version AS TEXT) || counter_id || COALESCE(desk, '-') FROM tickets ORDER BY id",
    )
    .await;
    all.extend(
        texts(
            &t.app.store,
            "SELECT id || status FROM bookings ORDER BY id",
        )
        .await,
    );
    all.push(Some(format!(
        "{} calls, {} audit",
        t.count("ticket_calls").await,
        t.count("audit_log").await
    )));
    all
}

async fn bad_input_to_the_queue_is_a_clear_4xx_and_changes_nothing(store: Store) {
    let t = two_offices(store).await;
    let key = staff_key(&t, "clerk", Some("test")).await;
    let other_key = staff_key(&t, "clerk", Some("other")).await;
    let booking = t
        .booked("2026-12-01T08:00:00+01:00", "anna@example.org")
        .await;
    let code = t.code_of(&booking).await;
    let mut elsewhere =
        crate::support::booking_body("2026-12-01T08:00:00+01:00", "otto@example.org");
    elsewhere["office"] = json!("other");
    let theirs_booked = t.call("POST", "/api/v1/bookings", Some(&elsewhere)).await;
    assert_eq!(
        theirs_booked.status,
        StatusCode::CREATED,
        "{}",
        theirs_booked.text
    );
    let other_code = t.code_of(theirs_booked.json["id"].as_str().unwrap()).await;
    t.at_local("07:45");
    let waiting = walk_in(&t, &key, "test").await;
    let theirs = walk_in(&t, &other_key, "other").await;
    let version = 1;
    let before = snapshot(&t).await;
    let mistyped = {
        let mut c: Vec<char> = code.chars().collect();
        c[3] = if c[3] == 'A' { 'B' } else { 'A' };
        c.into_iter().collect::<String>()
    };
    let unknown = termin::domain::BookingCode::of_value(12345)
        .as_str()
        .to_string();
    let cases: Vec<Case> = vec![
        (
            "unknown code",
            "POST",
            "/api/v1/offices/test/checkins".into(),
            Some(json!({"code": unknown})),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "mistyped code",
            "POST",
            "/api/v1/offices/test/checkins".into(),
            Some(json!({"code": mistyped})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
        ),
        (
            "code of another office",
            "POST",
            "/api/v1/offices/test/checkins".into(),
            Some(json!({"code": other_code})),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "no code",
            "POST",
            "/api/v1/offices/test/checkins".into(),
            Some(json!({})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
        ),
        (
            "broken JSON",
            "POST",
            "/api/v1/offices/test/checkins".into(),
            None,
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            // A key of one office learns nothing of others, not even whether they exist.
            "unknown office",
            "POST",
            "/api/v1/offices/atlantis/desks/1/call".into(),
            None,
            StatusCode::FORBIDDEN,
            "forbidden",
        ),
        (
            "wrong desk",
            "POST",
            "/api/v1/offices/test/desks/99/call".into(),
            None,
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "unknown counter",
            "POST",
            "/api/v1/offices/test/desks/1/call".into(),
            Some(json!({"counters": ["zauberei"]})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
        ),
        (
            "done while waiting",
            "POST",
            format!("/api/v1/offices/test/tickets/{waiting}/done"),
            None,
            StatusCode::CONFLICT,
            "not_allowed",
        ),
        (
            "recall while waiting",
            "POST",
            format!("/api/v1/offices/test/tickets/{waiting}/recall"),
            None,
            StatusCode::CONFLICT,
            "not_allowed",
        ),
        (
            "an outdated version",
            "POST",
            format!("/api/v1/offices/test/tickets/{waiting}/urgent"),
            Some(json!({"version": version + 1})),
            StatusCode::CONFLICT,
            "stale",
        ),
        (
            "a ticket of another office",
            "POST",
            format!("/api/v1/offices/test/tickets/{theirs}/urgent"),
            None,
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "an unknown action",
            "POST",
            format!("/api/v1/offices/test/tickets/{waiting}/teleport"),
            None,
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "transfer to nowhere",
            "POST",
            format!("/api/v1/offices/test/tickets/{waiting}/transfer"),
            Some(json!({"counter": "mond"})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
        ),
        (
            "transfer to its own queue",
            "POST",
            format!("/api/v1/offices/test/tickets/{waiting}/transfer"),
            Some(json!({"counter": "stadtamt"})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
        ),
        (
            "done with an unknown service",
            "POST",
            format!("/api/v1/offices/test/tickets/{waiting}/done"),
            Some(json!({"services": ["zaubern"]})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
        ),
        (
            "walk-in for two counters",
            "POST",
            "/api/v1/offices/test/walkins".into(),
            Some(json!({"services": ["anmeldung", "zulassung"]})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
        ),
        (
            "walk-in for nobody",
            "POST",
            "/api/v1/offices/test/walkins".into(),
            Some(json!({"services": ["anmeldung"], "persons": 0})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
        ),
        (
            "audit with a bad date",
            "GET",
            "/api/v1/offices/test/audit?from=gestern".into(),
            None,
            StatusCode::FORBIDDEN,
            "forbidden",
        ),
    ];
    for (what, method, path, body, status, error) in cases {
        let a = if what == "broken JSON" {
            let auth = format!("Bearer {key}");
            t.request(
                method,
                &path,
                Some("{\"code\": ".into()),
                &[("authorization", &auth)],
            )
            .await
        } else {
            t.staff(&key, method, &path, body).await
        };
        assert_eq!(a.status, status, "{what}: {}", a.text);
        assert_eq!(a.json["error"], error, "{what}: {}", a.text);
        assert!(
            a.json["message"].as_str().is_some_and(|m| m.len() > 10),
            "{what}: a message that says why: {}",
            a.text
        );
    }
    assert_eq!(
        snapshot(&t).await,
        before,
        "refused requests changed nothing"
    );
    // The same call sent twice calls once.
    let first = t
        .staff(&key, "POST", "/api/v1/offices/test/desks/1/call", None)
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text);
    let twice = t
        .staff(&key, "POST", "/api/v1/offices/test/desks/1/call", None)
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert_eq!(twice.json["error"], "desk_busy");
    assert_eq!(twice.json["ticket"], first.json["ticket"]);
    // An action for the version seen before the call is refused; the current one goes.
    let stale = t
        .staff(
            &key,
            "POST",
            &format!("/api/v1/offices/test/tickets/{waiting}/start"),
            Some(json!({"version": 1})),
        )
        .await;
    assert_eq!(stale.json["error"], "stale", "{}", stale.text);
    assert_eq!(stale.json["state"], "called");
    let wrong_desk = t
        .staff(
            &key,
            "POST",
            &format!("/api/v1/offices/test/tickets/{waiting}/start"),
            Some(json!({"desk": "2"})),
        )
        .await;
    assert_eq!(
        wrong_desk.json["error"], "wrong_desk",
        "{}",
        wrong_desk.text
    );
    let current = stale.json["version"].as_i64().unwrap();
    let start = t
        .staff(
            &key,
            "POST",
            &format!("/api/v1/offices/test/tickets/{waiting}/start"),
            Some(json!({"version": current, "desk": "1"})),
        )
        .await;
    assert_eq!(start.json["state"], "serving", "{}", start.text);
    let again = t
        .staff(
            &key,
            "POST",
            &format!("/api/v1/offices/test/tickets/{waiting}/start"),
            Some(json!({"version": current})),
        )
        .await;
    assert_eq!(
        again.status,
        StatusCode::CONFLICT,
        "the same form twice: {}",
        again.text
    );
}

async fn every_staff_action_is_in_the_audit_log_without_any_citizen_data(store: Store) {
    let t = two_offices(store).await;
    let key = staff_key(&t, "clerk", Some("test")).await;
    let head = staff_key(&t, "head", Some("test")).await;
    user(&t, "leitung@stadt.example", "head", Some("test")).await;
    let mut body =
        crate::support::booking_body("2026-12-01T08:00:00+01:00", "hannelore@privat.example");
    body["name"] = json!("Hannelore Kowalczyk");
    body["phone"] = json!("+49 381 987654");
    let booked = t.call("POST", "/api/v1/bookings", Some(&body)).await;
    let booking = booked.json["id"].as_str().unwrap().to_string();
    let _ = staff::login(&t.app, "leitung@stadt.example", "wrong", ip("192.0.2.1")).await;
    let s = staff::login(&t.app, "leitung@stadt.example", PASSWORD, ip("192.0.2.1"))
        .await
        .unwrap();
    staff::unlock_kiosk(&t.app, &Staff::cli(), "test", "Eingang")
        .await
        .unwrap();
    staff::logout(&t.app, &s.token).await.unwrap();
    t.at_local("07:50");
    let code = t.code_of(&booking).await;
    let checked = t
        .staff(
            &key,
            "POST",
            "/api/v1/offices/test/checkins",
            Some(json!({"code": code})),
        )
        .await;
    let ticket = checked.json["ticket_id"].as_str().unwrap().to_string();
    let walk = walk_in(&t, &key, "test").await;
    t.at_local("08:00");
    let go = |path: String, body: Option<Value>| {
        let (t, key) = (&t, &key);
        async move {
            let a = t.staff(key, "POST", &path, body).await;
            assert!(a.status.is_success(), "{path}: {}", a.text);
        }
    };
    go("/api/v1/offices/test/desks/1/call".into(), None).await;
    go(format!("/api/v1/offices/test/tickets/{ticket}/start"), None).await;
    go(format!("/api/v1/offices/test/tickets/{ticket}/done"), None).await;
    go("/api/v1/offices/test/desks/1/call".into(), None).await;
    go(format!("/api/v1/offices/test/tickets/{walk}/no-show"), None).await;
    go(format!("/api/v1/offices/test/tickets/{walk}/back"), None).await;
    go(
        format!("/api/v1/offices/test/tickets/{walk}/transfer"),
        Some(json!({"counter": "kfz"})),
    )
    .await;

    let log = t
        .staff(
            &head,
            "GET",
            "/api/v1/offices/test/audit?from=2026-12-01&to=2026-12-01",
            None,
        )
        .await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.text);
    let actions: Vec<&str> = log.json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for a in [
        "user_added",
        "apikey_added",
        "login_failed",
        "login",
        "kiosk_added",
        "check_in",
        "walk_in",
        "call",
        "start",
        "done",
        "no_show",
        "back",
        "transfer",
        "logout",
    ] {
        assert!(actions.contains(&a), "{a} is missing from {actions:?}");
    }
    let done = log.json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "done")
        .unwrap();
    assert_eq!(done["ticket"], "S-001");
    assert_eq!(done["booking"], booking.as_str());
    assert_eq!(done["actor_label"], "clerk key");
    // Nothing of the citizen, in any column.
    let all = texts(
        &t.app.store,
        "SELECT COALESCE(office_id, '') || actor || actor_label || action || COALESCE(ticket_id, '') \
         || COALESCE(ticket_number, '') || COALESCE(booking_id, '') || detail FROM audit_log",
    )
    .await;
    assert!(all.len() >= 14);
    for row in all.iter().flatten() {
        for personal in [
            "Hannelore",
            "Kowalczyk",
            "hannelore@privat.example",
            "987654",
            "Beispiel",
        ] {
            assert!(!row.contains(personal), "{personal} in {row}");
        }
    }
    // Append-only: a change of an entry is refused.
    let sql = "UPDATE audit_log SET action = 'nothing'";
    let changed = match &t.app.store {
        Store::Sqlite(s) => sqlx::query(sql).execute(&s.pool).await.is_ok(),
        Store::Postgres(p) => sqlx::query(sql).execute(&p.pool).await.is_ok(),
    };
    assert!(!changed, "the audit log refuses changes");
    // Kept for TERMIN_AUDIT_DAYS, then swept.
    t.clock.advance(Duration::days(364));
    staff::sweep(&t.app).await.unwrap();
    assert!(t.count("audit_log").await >= 14);
    t.clock.advance(Duration::days(2));
    staff::sweep(&t.app).await.unwrap();
    assert_eq!(t.count("audit_log").await, 0);
}

async fn the_display_shows_numbers_desks_and_counts_and_no_personal_data(store: Store) {
    let t = two_offices(store).await;
    let key = staff_key(&t, "clerk", Some("test")).await;
    let mut body =
        crate::support::booking_body("2026-12-01T08:00:00+01:00", "hannelore@privat.example");
    body["name"] = json!("Hannelore Kowalczyk");
    body["phone"] = json!("+49 381 987654");
    let booking = t.call("POST", "/api/v1/bookings", Some(&body)).await.json["id"]
        .as_str()
        .unwrap()
        .to_string();
    t.at_local("07:50");
    let code = t.code_of(&booking).await;
    t.staff(
        &key,
        "POST",
        "/api/v1/offices/test/checkins",
        Some(json!({"code": code})),
    )
    .await;
    walk_in(&t, &key, "test").await;
    t.at_local("08:00");
    let c = t
        .staff(&key, "POST", "/api/v1/offices/test/desks/2/call", None)
        .await;
    assert_eq!(
        c.json["booking"]["name"], "Hannelore Kowalczyk",
        "the desk sees the name"
    );
    let d = t.call("GET", "/api/v1/offices/test/display", None).await;
    assert_eq!(d.status, StatusCode::OK);
    assert_eq!(d.json["calls"][0]["ticket"], "S-001");
    assert_eq!(d.json["calls"][0]["desk"], "2");
    assert_eq!(
        d.json["waiting"],
        json!([{"counter": "stadtamt", "waiting": 1}, {"counter": "kfz", "waiting": 0}])
    );
    for personal in ["Hannelore", "Kowalczyk", "privat.example", "987654", &code] {
        assert!(
            !d.text.contains(personal),
            "{personal} on the display: {}",
            d.text
        );
    }
    let q = t
        .staff(&key, "GET", "/api/v1/offices/test/queue", None)
        .await;
    for personal in ["Hannelore", "privat.example", "987654"] {
        assert!(
            !q.text.contains(personal),
            "{personal} in the queue: {}",
            q.text
        );
    }
    assert_eq!(
        number(
            &t.app.store,
            "SELECT COUNT(*) FROM tickets WHERE state = 'waiting'"
        )
        .await,
        1
    );
}

async fn an_emergency_alert_reaches_every_desk_until_someone_is_coming(store: Store) {
    let t = two_offices(store).await;
    let key = staff_key(&t, "clerk", Some("test")).await;
    let other = staff_key(&t, "clerk", Some("other")).await;
    let raised = t
        .staff(&key, "POST", "/api/v1/offices/test/desks/3/alert", None)
        .await;
    assert_eq!(raised.status, StatusCode::CREATED, "{}", raised.text);
    let id = raised.json["id"].as_str().unwrap().to_string();
    let open = t
        .staff(&key, "GET", "/api/v1/offices/test/alerts", None)
        .await;
    assert_eq!(open.json["alerts"][0]["desk"], "3");
    assert_eq!(
        t.staff(&other, "GET", "/api/v1/offices/other/alerts", None)
            .await
            .json["alerts"],
        json!([]),
        "another office's desks are not alerted"
    );
    let theirs = t
        .staff(
            &other,
            "POST",
            &format!("/api/v1/offices/other/alerts/{id}/coming"),
            None,
        )
        .await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    let coming = t
        .staff(
            &key,
            "POST",
            &format!("/api/v1/offices/test/alerts/{id}/coming"),
            None,
        )
        .await;
    assert_eq!(coming.json["answered_by"], "clerk key", "{}", coming.text);
    let twice = t
        .staff(
            &key,
            "POST",
            &format!("/api/v1/offices/test/alerts/{id}/coming"),
            None,
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert_eq!(
        t.staff(&key, "GET", "/api/v1/offices/test/alerts", None)
            .await
            .json["alerts"],
        json!([])
    );
}
