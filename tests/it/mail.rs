//! The mails a booking owes: what they say, their calendar files, reminders.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Europe::Berlin;
use serde_json::json;

use termin::store::Store;

use crate::support::{on_both, read_mail, token_in, TestApp};

on_both!(
    the_confirmation_carries_a_calendar_entry_that_a_cancellation_removes,
    calendar_times_are_right_on_both_sides_of_the_spring_change,
    a_reminder_goes_out_before_the_appointment_and_not_after_a_cancel,
    a_moved_appointment_replaces_its_calendar_entry_and_frees_its_old_time,
    mails_whose_booking_was_erased_first_are_not_sent_and_say_why,
    a_please_confirm_mail_held_back_past_its_deadline_is_not_sent,
    a_confirmation_sent_late_is_still_the_first_version_of_its_calendar_entry,
);

/// The first event of a calendar file, read by an independent RFC 5545 parser.
fn event(calendar: &str) -> HashMap<String, String> {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(calendar.as_bytes()));
    let cal = parser
        .next()
        .expect("a calendar")
        .expect("a valid calendar");
    let event = cal.events.into_iter().next().expect("an event");
    let mut props: HashMap<String, String> = event
        .properties
        .into_iter()
        .map(|p| (p.name, p.value.unwrap_or_default()))
        .collect();
    for p in cal.properties {
        props.insert(format!("CALENDAR-{}", p.name), p.value.unwrap_or_default());
    }
    props
}

fn utc(value: &str) -> DateTime<Utc> {
    chrono::NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%SZ")
        .unwrap()
        .and_utc()
}

async fn confirm_and_cancel(t: &TestApp, start: &str) -> (String, Vec<crate::support::Mail>) {
    let created = t.book(start, "anna@example.org").await;
    assert_eq!(
        created.status,
        axum::http::StatusCode::CREATED,
        "{}",
        created.text
    );
    let token = token_in(&read_mail(t.deliver().await.last().unwrap()));
    t.call(
        "POST",
        "/api/v1/bookings/confirm",
        Some(&json!({ "token": token })),
    )
    .await;
    t.call("DELETE", &format!("/api/v1/bookings/{token}"), None)
        .await;
    (token, t.deliver().await.iter().map(read_mail).collect())
}

async fn the_confirmation_carries_a_calendar_entry_that_a_cancellation_removes(store: Store) {
    let t = TestApp::new(store).await;
    let (token, mails) = confirm_and_cancel(&t, "2026-12-02T09:00:00+01:00").await;
    let kinds: Vec<&str> = mails
        .iter()
        .map(|m| m.subject.split(':').next().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "Bitte bestätigen Sie Ihren Termin",
            "Ihr Termin ist bestätigt",
            "Ihr Termin wurde abgesagt"
        ]
    );

    let confirmed = &mails[1];
    assert!(
        confirmed.html.contains("Wohnsitz anmelden"),
        "{}",
        confirmed.html
    );
    assert!(confirmed
        .text
        .contains("Mittwoch, 2. Dezember 2026, 09:00 Uhr"));
    let added = event(
        confirmed
            .calendar
            .as_deref()
            .expect("an .ics with the confirmation"),
    );
    assert_eq!(added["STATUS"], "CONFIRMED");
    assert_eq!(
        utc(&added["DTSTART"]),
        crate::support::at("2026-12-02T08:00:00Z")
    );
    assert_eq!(
        utc(&added["DTEND"]),
        crate::support::at("2026-12-02T08:15:00Z")
    );
    assert_eq!(
        added["LOCATION"],
        "Bürgerbüro Test\\, Teststraße 1\\, 18055 Rostock"
    );
    assert!(added["URL"].ends_with(&format!("/b/{token}")));

    let removed = event(
        mails[2]
            .calendar
            .as_deref()
            .expect("an .ics with the cancellation"),
    );
    assert_eq!(removed["UID"], added["UID"], "the same entry");
    assert_eq!(removed["STATUS"], "CANCELLED");
    assert_eq!(removed["CALENDAR-METHOD"], "CANCEL");
    assert!(
        removed["SEQUENCE"].parse::<i64>().unwrap() >= added["SEQUENCE"].parse::<i64>().unwrap()
    );
    assert!(
        !mails[2].text.contains(&token),
        "a cancelled booking's mail has no link to it"
    );
}

async fn calendar_times_are_right_on_both_sides_of_the_spring_change(store: Store) {
    let t = TestApp::new(store).await;
    let long = crate::support::TEST_OFFICE
        .replace("horizon_days = 28", "horizon_days = 180")
        .replace("confirm_within_minutes = 30", "confirm_within_minutes = 0");
    termin::staff::import(&t.app, &long).await.unwrap();
    // Clocks go forward in the night to Sunday 28 March 2027 (Easter; Friday and Monday are holidays).
    for (start, email) in [
        ("2027-03-25T09:00:00+01:00", "a@example.org"),
        ("2027-03-30T09:00:00+02:00", "b@example.org"),
    ] {
        assert_eq!(
            t.book(start, email).await.status,
            axum::http::StatusCode::CREATED
        );
    }
    let mails: Vec<_> = t.deliver().await.iter().map(read_mail).collect();
    for mail in &mails {
        let e = event(mail.calendar.as_deref().unwrap());
        let local = utc(&e["DTSTART"]).with_timezone(&Berlin);
        assert_eq!(
            local.format("%H:%M").to_string(),
            "09:00",
            "{}",
            e["DTSTART"]
        );
    }
    let starts: Vec<String> = mails
        .iter()
        .map(|m| event(m.calendar.as_deref().unwrap())["DTSTART"].clone())
        .collect();
    assert_eq!(starts, ["20270325T080000Z", "20270330T070000Z"]);
}

async fn a_reminder_goes_out_before_the_appointment_and_not_after_a_cancel(store: Store) {
    let t = TestApp::new(store).await;
    t.confirm_at_once().await;
    // Thursday 09:00 is kept, Friday 09:00 is cancelled.
    t.book("2026-12-03T09:00:00+01:00", "anna@example.org")
        .await;
    t.book("2026-12-04T09:00:00+01:00", "bert@example.org")
        .await;
    let mails = t.deliver().await;
    assert_eq!(mails.len(), 2, "no reminder yet");
    let bert = mails
        .iter()
        .map(read_mail)
        .find(|m| m.to == "bert@example.org")
        .unwrap();
    t.call(
        "DELETE",
        &format!("/api/v1/bookings/{}", token_in(&bert)),
        None,
    )
    .await;

    t.clock.set(crate::support::at("2026-12-02T07:59:00Z"));
    assert_eq!(
        t.deliver().await.len(),
        3,
        "one cancellation, still no reminder"
    );
    t.clock.advance(Duration::minutes(2));
    let mails = t.deliver().await;
    assert_eq!(mails.len(), 4);
    let reminder = read_mail(&mails[3]);
    assert_eq!(reminder.to, "anna@example.org");
    assert!(
        reminder.subject.starts_with("Erinnerung an Ihren Termin"),
        "{}",
        reminder.subject
    );
    assert!(reminder.text.contains("/b/"), "with the link to cancel");
    t.clock.advance(Duration::days(3));
    assert_eq!(
        t.deliver().await.len(),
        4,
        "Bert's reminder was withdrawn with his booking"
    );
}

async fn a_moved_appointment_replaces_its_calendar_entry_and_frees_its_old_time(store: Store) {
    use axum::http::StatusCode;
    let t = TestApp::new(store).await;
    t.confirm_at_once().await;
    t.book("2026-12-02T09:00:00+01:00", "anna@example.org")
        .await;
    let confirmed = read_mail(&t.deliver().await[0]);
    let token = token_in(&confirmed);
    let before = event(confirmed.calendar.as_deref().unwrap());

    t.clock.advance(Duration::minutes(5));
    let path = format!("/api/v1/bookings/{token}/move");
    let moved = t
        .call(
            "POST",
            &path,
            Some(&json!({ "start": "2026-12-03T10:00:00+01:00" })),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text);
    assert_eq!(moved.json["start"], "2026-12-03T10:00:00+01:00");
    assert_eq!(moved.json["status"], "confirmed");
    // The old time is free again; the new one is taken.
    assert_eq!(
        t.book("2026-12-02T09:00:00+01:00", "bert@example.org")
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        t.book("2026-12-03T10:00:00+01:00", "carl@example.org")
            .await
            .status,
        StatusCode::CONFLICT
    );

    let mails: Vec<_> = t.deliver().await.iter().map(read_mail).collect();
    let moved_mail = mails
        .iter()
        .find(|m| m.subject.starts_with("Ihr Termin wurde verschoben"))
        .expect("a mail about the move");
    assert!(moved_mail
        .text
        .contains("Donnerstag, 3. Dezember 2026, 10:00 Uhr"));
    let after = event(moved_mail.calendar.as_deref().unwrap());
    assert_eq!(
        after["UID"], before["UID"],
        "the calendar entry is replaced, not doubled"
    );
    assert_eq!(after["DTSTART"], "20261203T090000Z");
    assert!(after["SEQUENCE"].parse::<i64>().unwrap() > before["SEQUENCE"].parse::<i64>().unwrap());

    // Onto a taken time: refused, and the booking stays where it is.
    let taken = t
        .call(
            "POST",
            &path,
            Some(&json!({ "start": "2026-12-02T09:00:00+01:00" })),
        )
        .await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    let bad = t
        .call("POST", &path, Some(&json!({ "start": "morgen" })))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let read = t
        .call("GET", &format!("/api/v1/bookings/{token}"), None)
        .await;
    assert_eq!(read.json["start"], "2026-12-03T10:00:00+01:00");

    // Only the reminder for the new time goes out.
    t.clock.set(crate::support::at("2026-12-01T08:30:00Z"));
    assert!(t
        .deliver()
        .await
        .iter()
        .map(read_mail)
        .all(|m| !m.subject.starts_with("Erinnerung") || m.to != "anna@example.org"));
    t.clock.set(crate::support::at("2026-12-02T09:01:00Z"));
    let reminders: Vec<_> = t
        .deliver()
        .await
        .iter()
        .map(read_mail)
        .filter(|m| m.subject.starts_with("Erinnerung") && m.to == "anna@example.org")
        .collect();
    assert_eq!(reminders.len(), 1);
    assert!(reminders[0]
        .text
        .contains("Donnerstag, 3. Dezember 2026, 10:00 Uhr"));
}

/// The first mail and the reminder are written when they go out, from the
/// booking: once its personal data is erased there is nobody to write to.
async fn mails_whose_booking_was_erased_first_are_not_sent_and_say_why(store: Store) {
    let t = TestApp::new(store).await;
    t.confirm_at_once().await;
    t.book("2026-12-03T09:00:00+01:00", "anna@example.org")
        .await;
    // The mail server is out of reach until long after the appointment.
    t.clock.advance(Duration::days(40));
    assert_eq!(
        termin::booking::erase_old_personal_data(&t.app)
            .await
            .unwrap(),
        1
    );
    let store = &t.app.store;
    let secrets = crate::support::texts(store, "SELECT token FROM outbox").await;
    assert_eq!(secrets, [None, None], "the secret is erased with the data");
    assert!(t.deliver().await.is_empty(), "nothing is sent");
    let kinds = crate::support::texts(store, "SELECT kind FROM outbox ORDER BY kind").await;
    assert_eq!(kinds, [Some("confirmed".into()), Some("reminder".into())]);
    let states = crate::support::texts(store, "SELECT status FROM outbox").await;
    assert!(
        states.iter().all(|s| s.as_deref() == Some("failed")),
        "{states:?}"
    );
    let reasons = crate::support::texts(store, "SELECT last_error FROM outbox").await;
    assert!(
        reasons
            .iter()
            .all(|r| r.as_deref().is_some_and(|r| r.contains("erased"))),
        "{reasons:?}"
    );
}

/// The mail server was down for longer than the time to confirm: the booking
/// expired, and a mail asking to confirm it by then would tell something no
/// longer true.
async fn a_please_confirm_mail_held_back_past_its_deadline_is_not_sent(store: Store) {
    let t = TestApp::new(store).await;
    t.book("2026-12-03T09:00:00+01:00", "anna@example.org")
        .await;
    t.clock.advance(Duration::minutes(31));
    assert_eq!(termin::booking::expire_due(&t.app).await.unwrap(), 1);
    assert!(t.deliver().await.is_empty(), "nothing is sent");
    let store = &t.app.store;
    let outcome =
        crate::support::texts(store, "SELECT status || ': ' || last_error FROM outbox").await;
    assert_eq!(
        outcome,
        [Some(
            "failed: the booking was expired before the mail was sent".into()
        )]
    );
}

/// A confirmation that goes out late (the mail server was down) is dated when
/// the booking was made, so its calendar entry stays the first version of the
/// appointment: a later change's entry must still replace it.
async fn a_confirmation_sent_late_is_still_the_first_version_of_its_calendar_entry(store: Store) {
    let t = TestApp::new(store).await;
    t.confirm_at_once().await;
    t.book("2026-12-03T09:00:00+01:00", "anna@example.org")
        .await;
    t.clock.advance(Duration::hours(2));
    let mails = t.deliver().await;
    assert_eq!(mails.len(), 1);
    let confirmed = read_mail(&mails[0]);
    assert!(confirmed.subject.starts_with("Ihr Termin ist bestätigt"));
    let entry = event(confirmed.calendar.as_deref().unwrap());
    assert_eq!(entry["SEQUENCE"], "0");
    assert_eq!(entry["DTSTART"], "20261203T080000Z");
}
