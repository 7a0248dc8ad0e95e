//! Heads change their office's plan over the JSON API: the office file's shape
//! read and written, mistakes at their fields, a stale revision refused, a cut
//! below bookings refused with its conflicts until each is moved or cancelled
//! (with mails in the citizen's language, giving the head's reason), hours
//! that apply from a date, revisions with who and why, and a cut racing
//! fifty bookings that never overbooks.

use std::collections::HashMap;

use axum::http::StatusCode;
use serde_json::{json, Value};

use termin::store::Store;

use crate::support::{on_both, read_mail, staff_key, texts, token_in, TestApp};

async fn office(store: Store) -> (TestApp, String) {
    let t = TestApp::new(store).await;
    t.confirm_at_once().await;
    let head = staff_key(&t, "head", Some("test")).await;
    (t, head)
}

async fn plan(t: &TestApp, key: &str) -> Value {
    let a = t.staff(key, "GET", "/api/v1/offices/test/plan", None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    a.json
}

/// The plan with Kfz-Zulassung's desks (all online) set to `desks`.
fn kfz_desks(mut p: Value, desks: u32) -> Value {
    let kfz = &mut p["counter"][1];
    assert_eq!(kfz["id"], "kfz");
    kfz["hours"][0]["desks"] = json!(desks);
    kfz["hours"][0]["online"] = json!(desks);
    p
}

async fn put(t: &TestApp, key: &str, body: &Value) -> crate::support::Answer {
    t.staff(key, "PUT", "/api/v1/offices/test/plan", Some(body.clone()))
        .await
}

fn kfz_booking(start: &str, email: &str) -> Value {
    json!({
        "office": "test", "services": ["zulassung"], "persons": 1, "start": start,
        "name": "Anna Beispiel", "email": email, "language": "en",
    })
}

async fn book_kfz(t: &TestApp, start: &str, email: &str) -> String {
    let a = t
        .call("POST", "/api/v1/bookings", Some(&kfz_booking(start, email)))
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    a.json["id"].as_str().unwrap().to_string()
}

async fn the_plan_reads_as_the_office_file_and_mistakes_come_back_at_their_fields(store: Store) {
    let (t, head) = office(store).await;
    let p = plan(&t, &head).await;
    assert_eq!(p["id"], "test");
    assert_eq!(p["counter"][0]["hours"][0]["from"], "08:00");
    let revision = p["revision"].as_i64().unwrap();

    // Unchanged, it saves as a new revision and reads back the same.
    let saved = put(&t, &head, &p).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    let mut again = plan(&t, &head).await;
    assert!(again["revision"].as_i64().unwrap() > revision);
    again["revision"] = p["revision"].clone();
    assert_eq!(again, p);

    // Every mistake at once, each at its field; nothing changes.
    let mut bad = p.clone();
    bad["revision"] = json!(null);
    bad["counter"][0]["hours"][0]["to"] = json!("07:00");
    bad["counter"][1]["hours"][0]["online"] = json!(9);
    bad["counter"][1]["service"][0]["minutes"] = json!(20);
    bad["horizon_days"] = json!("many");
    let a = put(&t, &head, &bad).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let fields: Vec<&str> = a.json["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    for field in [
        "office test, counter stadtamt, hours #1",
        "office test, counter kfz, hours #1, online",
        "office test, counter kfz, service zulassung, minutes",
        "office test, horizon_days",
    ] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    let mut now = plan(&t, &head).await;
    now["revision"] = p["revision"].clone();
    assert_eq!(now, p, "a refused plan changes nothing");

    // A body that is not JSON, an unknown key, null: 4xx with a message.
    let a = t
        .request(
            "PUT",
            "/api/v1/offices/test/plan",
            Some("{".into()),
            &[("authorization", &format!("Bearer {head}"))],
        )
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    let mut unknown = p.clone();
    unknown["colour"] = json!("blue");
    let a = put(&t, &head, &unknown).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    assert!(a.text.contains("colour"), "{}", a.text);

    // A form from before the last change is refused instead of overwriting it.
    let mut stale = kfz_desks(p.clone(), 2);
    stale["revision"] = json!(revision);
    let a = put(&t, &head, &stale).await;
    assert_eq!(a.status, StatusCode::CONFLICT, "{}", a.text);
    assert_eq!(a.json["error"], "stale_plan");

    // Clerks and other offices' heads may not.
    let clerk = staff_key(&t, "clerk", Some("test")).await;
    assert_eq!(put(&t, &clerk, &p).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        t.staff(&clerk, "GET", "/api/v1/offices/test/plan", None)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

async fn a_cut_below_bookings_lists_them_then_moves_and_cancels_them_with_mails(store: Store) {
    let (t, head) = office(store).await;
    // Wednesday 2 December, 09:00: all three desks of Kfz-Zulassung booked.
    let start = "2026-12-02T09:00:00+01:00";
    let first = book_kfz(&t, start, "first@example.org").await;
    let second = book_kfz(&t, start, "second@example.org").await;
    let third = book_kfz(&t, start, "third@example.org").await;
    t.deliver().await;
    let sent_before = t.mailer.sent().len();
    // Ten minutes later the head cuts the desks.
    t.clock
        .set(crate::support::at(crate::support::NOW) + chrono::Duration::minutes(10));

    let p = plan(&t, &head).await;
    let cut = kfz_desks(p.clone(), 1);
    let a = put(&t, &head, &cut).await;
    assert_eq!(a.status, StatusCode::CONFLICT, "{}", a.text);
    assert_eq!(a.json["error"], "conflicts");
    let listed: Vec<&str> = a.json["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["booking"].as_str().unwrap())
        .collect();
    assert_eq!(listed.len(), 2, "{}", a.text);
    assert!(
        !listed.contains(&first.as_str()),
        "the first booked keeps the desk"
    );
    let c = &a.json["conflicts"][0];
    assert_eq!(c["counter"], "kfz");
    assert_eq!(c["persons"], 1);
    assert_eq!(c["start"], "2026-12-02T08:00:00+00:00");
    assert!(
        !a.text.contains("Anna") && !a.text.contains("example.org"),
        "no names or addresses in the conflicts: {}",
        a.text
    );

    // A decision for one only is still refused; so is one without a reason.
    let mut half = cut.clone();
    half["decisions"] =
        json!([{"booking": second, "action": "move", "reason": "Zwei Kolleginnen sind krank."}]);
    assert_eq!(put(&t, &head, &half).await.status, StatusCode::CONFLICT);
    let mut no_reason = cut.clone();
    no_reason["decide_all"] = json!({"action": "cancel", "reason": " "});
    assert_eq!(
        put(&t, &head, &no_reason).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    for id in [&first, &second, &third] {
        assert_eq!(
            t.booking_status(id).await,
            "confirmed",
            "nothing changed yet"
        );
    }

    let mut decided = cut.clone();
    decided["note"] = json!("Krankheit im Team");
    decided["decisions"] = json!([
        {"booking": second, "action": "move", "reason": "Zwei Kolleginnen sind krank."},
        {"booking": third, "action": "cancel", "reason": "Zwei Kolleginnen sind krank."},
    ]);
    let a = put(&t, &head, &decided).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.json["moved"][0]["booking"], json!(second));
    assert_eq!(a.json["cancelled"][0]["booking"], json!(third));
    let moved_to = a.json["moved"][0]["start"].as_str().unwrap().to_string();
    assert!(
        moved_to.starts_with("2026-12-02T") && moved_to != "2026-12-02T08:00:00+00:00",
        "the nearest free time on the same day: {moved_to}"
    );

    assert_eq!(t.booking_status(&first).await, "confirmed");
    assert_eq!(t.booking_status(&second).await, "confirmed");
    assert_eq!(t.booking_status(&third).await, "cancelled");
    let by = texts(
        &t.app.store,
        &format!("SELECT cancelled_by FROM bookings WHERE id = '{third}'"),
    )
    .await;
    assert_eq!(by, vec![Some("office".to_string())]);
    assert_eq!(t.app.store.check().await.unwrap(), vec![], "cells add up");

    // Each citizen hears of it in their language, with the reason and (moved) a new calendar entry.
    t.deliver().await;
    let mails: Vec<_> = t.mailer.sent()[sent_before..]
        .iter()
        .map(read_mail)
        .collect();
    let to = |who: &str| {
        mails
            .iter()
            .find(|m| m.to == who)
            .unwrap_or_else(|| panic!("a mail to {who}"))
    };
    let moved = to("second@example.org");
    assert!(moved.subject.contains("moved"), "{}", moved.subject);
    assert!(
        moved.text.contains("Zwei Kolleginnen sind krank."),
        "{}",
        moved.text
    );
    assert!(
        moved.text.contains("opening hours or desks"),
        "{}",
        moved.text
    );
    // Its manage link works and shows the new time.
    let link = token_in(moved);
    let managed = t
        .call("GET", &format!("/api/v1/bookings/{link}"), None)
        .await;
    assert_eq!(managed.status, StatusCode::OK, "{}", managed.text);
    assert_eq!(managed.json["id"], json!(second));
    assert_ne!(managed.json["start"], json!(start), "moved");
    let ics = moved.calendar.as_deref().expect("the new calendar entry");
    assert!(
        ics.contains("SEQUENCE:") && !ics.contains("SEQUENCE:0"),
        "{ics}"
    );
    let cancelled = to("third@example.org");
    assert!(
        cancelled.subject.contains("cancelled"),
        "{}",
        cancelled.subject
    );
    assert!(cancelled.text.contains("Zwei Kolleginnen sind krank."));
    // A cancelled booking has nothing left to manage: no link, as when the citizen cancels.
    assert!(!cancelled.text.contains("/b/"));
    assert!(
        !mails.iter().any(|m| m.to == "first@example.org"),
        "the first keeps the time and hears nothing"
    );

    // The revision says who, why and what it did; the audit log has each booking.
    let r = t
        .staff(&head, "GET", "/api/v1/offices/test/plan/revisions", None)
        .await;
    let latest = &r.json["revisions"][0];
    assert_eq!(latest["note"], "Krankheit im Team");
    assert_eq!(latest["moved"], 1);
    assert_eq!(latest["cancelled"], 1);
    assert_eq!(latest["actor_label"], "head key");
    // The statistics count it as cancelled by the office, not by the citizen.
    let uri = "/api/v1/offices/test/statistics?from=2026-12-02&to=2026-12-02";
    let stats = t.staff(&head, "GET", uri, None).await;
    assert_eq!(stats.json["total"]["cancelled"], 1, "{}", stats.text);
    assert_eq!(stats.json["total"]["cancelled_by_office"], 1);
    let actions = texts(
        &t.app.store,
        "SELECT action FROM audit_log WHERE action LIKE 'plan.%' ORDER BY action",
    )
    .await;
    assert_eq!(
        actions,
        ["plan.booking_cancelled", "plan.booking_moved", "plan.saved"].map(|a| Some(a.to_string()))
    );

    // More capacity frees places at once.
    let a = put(&t, &head, &kfz_desks(plan(&t, &head).await, 3)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    book_kfz(&t, start, "fourth@example.org").await;
    book_kfz(&t, start, "fifth@example.org").await;
}

async fn hours_from_a_date_keep_this_months_and_a_move_with_no_room_is_refused(store: Store) {
    let (t, head) = office(store).await;
    let p = plan(&t, &head).await;
    // From Monday 14 December, two Stadtamt desks online instead of one.
    let mut later = p.clone();
    later["counter"][0]["hours"][0]["online"] = json!(2);
    later["effective_from"] = json!("2026-12-14");
    later["note"] = json!("Neue Kollegin ab 14.12.");
    let a = put(&t, &head, &later).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let left = |day: &'static str| {
        let t = &t;
        async move {
            let a = t
                .call(
                    "GET",
                    &format!("/api/v1/offices/test/availability?services=anmeldung&persons=1&from={day}&to={day}"),
                    None,
                )
                .await;
            a.json["days"][0]["slots"][0]["left"].as_i64().unwrap()
        }
    };
    assert_eq!(left("2026-12-07").await, 1, "this week as before");
    assert_eq!(left("2026-12-14").await, 2, "from the 14th with two");
    let hours = &plan(&t, &head).await["counter"][0]["hours"];
    assert_eq!(hours[0]["until"], "2026-12-13", "{hours}");
    assert_eq!(hours[1]["since"], "2026-12-14", "{hours}");

    // A date in the past is a mistake at its field.
    let mut past = p.clone();
    past["effective_from"] = json!("2026-11-30");
    past.as_object_mut().unwrap().remove("revision");
    let a = put(&t, &head, &past).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    assert_eq!(a.json["fields"][0]["field"], "effective_from");

    // Kfz closed on Wednesday 2 December, with its only booking to be moved: the
    // nearest free time is another day.
    let booked = book_kfz(&t, "2026-12-02T09:00:00+01:00", "a@example.org").await;
    let mut closed = plan(&t, &head).await;
    closed.as_object_mut().unwrap().remove("revision");
    closed["counter"][1]["exception"] = json!([{"date": "2026-12-02", "desks": 0, "online": 0}]);
    closed["decide_all"] = json!({"action": "move", "reason": "Betriebsversammlung"});
    let a = put(&t, &head, &closed).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let to = a.json["moved"][0]["start"].as_str().unwrap();
    assert!(to.starts_with("2026-12-03T07:00"), "the next morning: {to}");
    assert_eq!(t.booking_status(&booked).await, "confirmed");

    // Every Kfz day closed: nowhere to move to, so nothing is saved.
    let mut shut = plan(&t, &head).await;
    shut.as_object_mut().unwrap().remove("revision");
    let days: Vec<Value> = (3..=31)
        .map(|d| json!({"date": format!("2026-12-{d:02}"), "desks": 0, "online": 0}))
        .chain((1..=5).map(|d| json!({"date": format!("2027-01-{d:02}"), "desks": 0, "online": 0})))
        .collect();
    shut["counter"][1]["exception"] = Value::Array(days);
    shut["decide_all"] = json!({"action": "move", "reason": "Umbau"});
    let a = put(&t, &head, &shut).await;
    assert_eq!(a.status, StatusCode::CONFLICT, "{}", a.text);
    assert_eq!(a.json["error"], "no_free_time");
    assert_eq!(t.booking_status(&booked).await, "confirmed");
}

/// Fifty bookings of Kfz-Zulassung race a cut from three desks to one that
/// cancels whatever has no desk left: every booking either stays with a desk
/// or is cancelled; never two on the one desk at once.
async fn a_cut_racing_fifty_bookings_never_overbooks(store: Store) {
    let (t, head) = office(store).await;
    let t = std::sync::Arc::new(t);
    let mut cut = kfz_desks(plan(&t, &head).await, 1);
    cut.as_object_mut().unwrap().remove("revision");
    cut["decide_all"] = json!({"action": "cancel", "reason": "Personalmangel"});
    let mut tasks = Vec::new();
    for i in 0..50 {
        let app = t.clone();
        tasks.push(tokio::spawn(async move {
            let t = app;
            // Thursday 3 December, 08:00 to 11:30, on the half hour.
            let start = format!(
                "2026-12-03T{:02}:{:02}:00+01:00",
                8 + (i % 8) / 2,
                (i % 2) * 30
            );
            let a = t
                .call(
                    "POST",
                    "/api/v1/bookings",
                    Some(&kfz_booking(&start, &format!("r{i}@example.org"))),
                )
                .await;
            a.status
        }));
        if i == 25 {
            let t = t.clone();
            let (head, cut) = (head.clone(), cut.clone());
            tasks.push(tokio::spawn(async move {
                let a = put(&t, &head, &cut).await;
                assert_eq!(a.status, StatusCode::OK, "{}", a.text);
                a.status
            }));
        }
    }
    let mut created = 0;
    for task in tasks {
        let status = task.await.unwrap();
        assert!(
            status.is_success() || status == StatusCode::CONFLICT,
            "a booking is made or refused as full: {status}"
        );
        created += usize::from(status == StatusCode::CREATED);
    }
    assert!(
        created >= 8,
        "every half hour of the one desk can be booked: {created}"
    );
    let cancelled = crate::support::number(
        &t.app.store,
        "SELECT COUNT(*) FROM bookings WHERE cancelled_by = 'office'",
    )
    .await;
    assert_eq!(
        cancelled as usize,
        created - 8,
        "what the one desk cannot hold was cancelled"
    );
    let active = texts(
        &t.app.store,
        "SELECT CAST(start_at AS TEXT) || ',' || CAST(end_at AS TEXT) FROM bookings \
         WHERE counter_id = 'kfz' AND status IN ('pending', 'confirmed')",
    )
    .await;
    let mut at_once: HashMap<i64, u32> = HashMap::new();
    for row in active.iter().flatten() {
        let (a, b) = row.split_once(',').unwrap();
        let (a, b): (i64, i64) = (a.parse().unwrap(), b.parse().unwrap());
        for minute in (a..b).step_by(60) {
            *at_once.entry(minute).or_default() += 1;
        }
    }
    assert!(
        at_once.values().all(|n| *n <= 1),
        "one desk, one booking at a time: {at_once:?}"
    );
    assert_eq!(at_once.len(), 8 * 30, "and every half hour has its booking");
    assert_eq!(t.app.store.check().await.unwrap(), vec![], "cells add up");
}

on_both!(
    the_plan_reads_as_the_office_file_and_mistakes_come_back_at_their_fields,
    a_cut_below_bookings_lists_them_then_moves_and_cancels_them_with_mails,
    hours_from_a_date_keep_this_months_and_a_move_with_no_room_is_refused,
    a_cut_racing_fifty_bookings_never_overbooks,
);

/// Every field a form on `html` sends as it stands (inputs, checked boxes,
/// text areas, chosen options), in order; buttons left out.
fn form_fields(html: &str, form: &str) -> Vec<(String, String)> {
    let doc = scraper::Html::parse_document(html);
    let sel =
        scraper::Selector::parse(&format!("{form} input, {form} textarea, {form} select")).unwrap();
    let option = scraper::Selector::parse("option[selected]").unwrap();
    let mut out = Vec::new();
    for e in doc.select(&sel) {
        let v = e.value();
        let Some(name) = v.attr("name") else { continue };
        let value = match v.name() {
            "textarea" => e.text().collect::<String>(),
            "select" => e
                .select(&option)
                .next()
                .and_then(|o| o.value().attr("value"))
                .unwrap_or_default()
                .to_string(),
            _ if v.attr("type") == Some("checkbox") && v.attr("checked").is_none() => continue,
            _ => v.attr("value").unwrap_or_default().to_string(),
        };
        out.push((name.to_string(), value));
    }
    out
}

fn with(fields: &[(String, String)], changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fields
        .iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .cloned()
        .collect();
    out.extend(changes.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    out
}

async fn send(
    v: &mut crate::support::Visitor<'_>,
    fields: &[(String, String)],
) -> crate::support::Answer {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    v.post("/staff/test/plan", &pairs).await
}

/// The editor in the browser's place: the form as the page has it, a cut of
/// Kfz-Zulassung previewed (the week's desks before → after, the bookings that
/// lose their desk), refused without decisions, saved with "cancel all"; a
/// mistake at its field, a stale form refused; the revision compared; and
/// axe-core finds nothing on these pages.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plan_editor_previews_a_cut_lists_its_conflicts_and_saves_with_decisions() {
    use crate::support::{select, Visitor};
    let db = crate::support::Db::sqlite().await;
    let (t, _) = office(db.store.clone()).await;
    for (email, role) in [
        ("head@stadt.example", "head"),
        ("clerk@stadt.example", "clerk"),
    ] {
        termin::staff::add_user(
            &t.app,
            &termin::staff::Staff::cli(),
            email,
            role,
            Some("test"),
            "correct horse battery",
        )
        .await
        .unwrap();
    }
    let start = "2026-12-02T09:00:00+01:00";
    let mut ids = Vec::new();
    for who in ["a", "b", "c"] {
        ids.push(book_kfz(&t, start, &format!("{who}@example.org")).await);
    }
    let mut clerk = crate::staff_pages::signed_in(&t, "clerk@stadt.example").await;
    assert_eq!(
        clerk.get("/staff/test/plan").await.status,
        StatusCode::FORBIDDEN
    );
    let mut head: Visitor = crate::staff_pages::signed_in(&t, "head@stadt.example").await;
    let page = head.get("/staff/test/plan").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    let fields = form_fields(&page.text, "form#p-form");
    let value = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(value("counter.1.hours.0.desks"), Some("3"));
    assert_eq!(
        value("counter.0.service.0.name.en"),
        Some("Register your address")
    );
    let mut saved_pages = Vec::new();

    // Preview: nothing saved, the week's desks before → after, two bookings listed.
    let cut = with(
        &fields,
        &[
            ("counter.1.hours.0.desks", "1"),
            ("counter.1.hours.0.online", "1"),
            ("do", "preview"),
        ],
    );
    let preview = send(&mut head, &cut).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.text);
    assert!(
        select(&preview.text, "td.changed")
            .iter()
            .any(|c| c.contains("3/3 → 1/1")),
        "{}",
        preview.text
    );
    let rows = select(&preview.text, "#p-conflicts tbody tr");
    assert_eq!(rows.len(), 2, "{rows:?}");
    for who in [
        "a@example.org",
        "b@example.org",
        "c@example.org",
        "Anna Beispiel",
    ] {
        assert!(!preview.text.contains(who), "no personal data: {who}");
    }
    saved_pages.push(("preview", preview.text.clone()));
    for id in &ids {
        assert_eq!(t.booking_status(id).await, "confirmed");
    }

    // Saved without a decision: refused, nothing changes.
    let refused = send(
        &mut head,
        &with(
            &form_fields(&preview.text, "form#p-form"),
            &[("do", "save")],
        ),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.text
    );
    assert_eq!(select(&refused.text, "#p-conflicts tbody tr").len(), 2);
    assert_eq!(t.booking_status(&ids[2]).await, "confirmed");

    // Cancel all, with a reason: saved; the two later bookings are cancelled.
    let decided = with(
        &form_fields(&refused.text, "form#p-form"),
        &[
            ("decide_all", "cancel"),
            ("reason", "Personalversammlung"),
            ("note", "weniger Plätze"),
            ("do", "save"),
        ],
    );
    let saved = send(&mut head, &decided).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert!(
        select(&saved.text, "p.notice.ok")[0].contains("2 abgesagt"),
        "{}",
        saved.text
    );
    assert_eq!(t.booking_status(&ids[0]).await, "confirmed");
    assert_eq!(t.booking_status(&ids[1]).await, "cancelled");
    assert_eq!(t.booking_status(&ids[2]).await, "cancelled");
    let after = form_fields(&saved.text, "form#p-form");

    // A mistake comes back at its field and in the summary; nothing is saved.
    let wrong = with(&after, &[("counter.0.hours.0.to", "25:00"), ("do", "save")]);
    let page = send(&mut head, &wrong).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        select(&page.text, ".error-summary li").len(),
        1,
        "{}",
        page.text
    );
    assert_eq!(
        crate::support::attrs(&page.text, "#p-counter-0-hours-0-to", "aria-invalid"),
        ["true"]
    );
    // In the page's language, from the catalog: the head reads German here.
    let at_field = &select(&page.text, "#p-counter-0-hours-0-to-error")[0];
    assert!(
        at_field.contains("\"25:00\" ist keine Uhrzeit"),
        "{at_field}"
    );
    assert!(
        select(&page.text, ".error-summary li")[0].contains("ist keine Uhrzeit"),
        "{}",
        page.text
    );
    saved_pages.push(("mistakes", page.text.clone()));

    // The form from before the save is stale: refused with a message, nothing overwritten.
    let stale = send(
        &mut head,
        &with(
            &fields,
            &[
                ("counter.1.hours.0.desks", "2"),
                ("counter.1.hours.0.online", "2"),
                ("do", "save"),
            ],
        ),
    )
    .await;
    assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        select(&stale.text, "p.notice.error")[0].contains("Jemand anderes"),
        "{}",
        stale.text
    );
    assert_eq!(
        plan(&t, &staff_key(&t, "head", Some("test")).await).await["counter"][1]["hours"][0]
            ["desks"],
        1
    );

    // The revision, compared with the one before it.
    let link = crate::support::attrs(&saved.text, "#p-revisions-title + div a", "href");
    let compare = head.get(&link[0]).await;
    assert_eq!(compare.status, StatusCode::OK, "{}", compare.text);
    assert!(
        select(&compare.text, "pre.diff ins")
            .iter()
            .any(|l| l.contains("desks = 1")),
        "{}",
        compare.text
    );
    assert!(select(&compare.text, "pre.diff del")
        .iter()
        .any(|l| l.contains("desks = 3")));
    assert!(compare.text.contains("weniger Plätze"));
    saved_pages.push(("compare", compare.text.clone()));

    // A new counter from the blank part at the end: a mistake in it comes back
    // at its field with what was typed kept (ids too); then it is saved and
    // citizens can book its service.
    let page = head.get("/staff/test/plan").await;
    assert_eq!(
        select(&page.text, "#p-counter-2-title")[0],
        "Neuer Schalter",
        "{}",
        page.text
    );
    let new_counter = [
        ("counter.2.id", "pass"),
        ("counter.2.name.de", "Pässe"),
        ("counter.2.name.en", "Passports"),
        ("counter.2.hours.0.days", "mon"),
        ("counter.2.hours.0.from", "08:00"),
        ("counter.2.hours.0.to", "12:00"),
        ("counter.2.hours.0.desks", "2"),
        ("counter.2.service.0.id", "reisepass"),
        ("counter.2.service.0.name.de", "Reisepass beantragen"),
        ("counter.2.service.0.minutes", "17"),
        ("do", "save"),
    ];
    // An id another counter has: said at the new counter's id, which stays
    // there to be corrected.
    let twice = send(
        &mut head,
        &with(
            &form_fields(&page.text, "form#p-form"),
            &[new_counter.as_slice(), &[("counter.2.id", "kfz")]].concat(),
        ),
    )
    .await;
    assert_eq!(
        twice.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        twice.text
    );
    assert!(
        select(&twice.text, "#p-counter-2-id-error")[0].contains("zweimal"),
        "{}",
        twice.text
    );
    assert_eq!(
        crate::support::attrs(&twice.text, "#p-counter-2-id", "value"),
        ["kfz"]
    );
    let wrong = send(
        &mut head,
        &with(&form_fields(&page.text, "form#p-form"), &new_counter),
    )
    .await;
    assert_eq!(
        wrong.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        wrong.text
    );
    assert!(
        select(&wrong.text, "#p-counter-2-service-0-minutes-error")[0]
            .contains("kein Vielfaches des 5-Minuten-Rasters"),
        "{}",
        wrong.text
    );
    for (field, typed) in [
        ("#p-counter-2-id", "pass"),
        ("#p-counter-2-service-0-id", "reisepass"),
    ] {
        assert_eq!(crate::support::attrs(&wrong.text, field, "value"), [typed]);
    }
    let added = send(
        &mut head,
        &with(
            &form_fields(&wrong.text, "form#p-form"),
            &[("counter.2.service.0.minutes", "20"), ("do", "save")],
        ),
    )
    .await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.text);
    let stored = plan(&t, &staff_key(&t, "head", Some("test")).await).await;
    assert_eq!(stored["counter"][2]["id"], "pass");
    assert_eq!(stored["counter"][2]["service"][0]["minutes"], 20);
    assert_eq!(stored["counter"][2]["hours"][0]["days"], json!(["mon"]));
    let mut citizen = Visitor::new(&t);
    let office_page = citizen.get("/o/test").await;
    assert!(
        office_page
            .text
            .contains("name=\"service\" value=\"reisepass\""),
        "{}",
        office_page.text
    );
    assert!(office_page.text.contains("Reisepass beantragen"));
    saved_pages.push(("editor", added.text.clone()));
    // The calendar feeds page, with a new feed's address shown.
    let feeds = crate::staff_pages::send(
        &mut head,
        "/staff/test/feeds",
        &[
            ("label", "Groupware"),
            ("counter", "kfz"),
            ("with_names", "1"),
        ],
    )
    .await;
    assert_eq!(
        select(&feeds.text, "code.secret").len(),
        1,
        "{}",
        feeds.text
    );
    saved_pages.push(("feeds", feeds.text.clone()));
    let hooked = crate::staff_pages::send(
        &mut head,
        "/staff/test/webhooks",
        &[
            ("label", "Fachverfahren"),
            ("url", "https://fv.stadt.example/termin"),
        ],
    )
    .await;
    assert_eq!(
        select(&hooked.text, "#hooks ~ div tbody tr").len(),
        1,
        "{}",
        hooked.text
    );
    saved_pages.push(("webhooks", hooked.text.clone()));
    // An admin's offices side by side.
    crate::staff_pages::user(&t, "admin@stadt.example", "admin", None).await;
    let mut admin = crate::staff_pages::signed_in(&t, "admin@stadt.example").await;
    let compared = admin.get("/staff/statistics").await;
    assert_eq!(compared.status, StatusCode::OK, "{}", compared.text);
    saved_pages.push(("compare-offices", compared.text.clone()));

    if let Some(tools) = crate::processes::browser_tools() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let limits = termin::web::listen::Limits::of(&termin::config::Config::default());
        let server = tokio::spawn(termin::web::listen::serve(
            listener,
            t.router.clone(),
            limits,
            std::future::pending(),
        ));
        let dir = crate::support::scratch_dir();
        let saved_pages_count = saved_pages.len();
        let files: Vec<String> = saved_pages
            .iter()
            .map(|(what, html)| {
                let file = dir.join(format!("plan-{what}.html"));
                std::fs::write(&file, html).unwrap();
                file.display().to_string()
            })
            .collect();
        let mut args = vec!["pages".to_string(), base];
        args.extend(files);
        let checked = tokio::task::spawn_blocking(move || {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            crate::processes::browser(&tools, &args)
        })
        .await
        .unwrap();
        assert_eq!(checked["violations"], json!([]), "{checked:#}");
        assert_eq!(
            checked["pages"].as_array().unwrap().len(),
            saved_pages_count
        );
        server.abort();
        let _ = std::fs::remove_dir_all(dir);
    }
    db.drop().await;
}
