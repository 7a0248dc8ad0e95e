//! Statistics of a scripted day with a fixed clock, whose answers are known:
//! through the JSON API, as CSV and on the head's page; the same after personal
//! data are erased; ranges refused with 422; roles kept apart; and the public
//! figures, hidden under ten cases.

use axum::http::StatusCode;
use serde_json::{json, Value};

use termin::store::Store;

use crate::support::{on_both, read_mail, select, staff_key, token_in, Answer, TestApp, Visitor};

/// The test office, confirming at once, one of Kfz-Zulassung's three desks kept for walk-ins.
async fn office(store: Store) -> TestApp {
    let t = TestApp::new(store).await;
    let office = crate::support::TEST_OFFICE
        .replace("confirm_within_minutes = 30", "confirm_within_minutes = 0")
        .replace("desks = 3\n    online = 3", "desks = 3\n    online = 2");
    termin::staff::import(&t.app, &office).await.unwrap();
    t
}

async fn post(t: &TestApp, key: &str, uri: &str, body: Option<Value>) -> Answer {
    let a = t.staff(key, "POST", uri, body).await;
    assert!(a.status.is_success(), "{uri}: {}", a.text);
    a
}

/// Check in at `at`, be called at `called`, start at `started`, be done at `done` (local times).
pub(crate) async fn visit(t: &TestApp, key: &str, code: &str, times: [&str; 4]) {
    t.at_local(times[0]);
    let given = post(
        t,
        key,
        "/api/v1/offices/test/checkins",
        Some(json!({ "code": code })),
    )
    .await;
    let id = given.json["ticket_id"].as_str().unwrap().to_string();
    serve(t, key, &id, &times[1..]).await;
}

async fn serve(t: &TestApp, key: &str, id: &str, times: &[&str]) {
    t.at_local(times[0]);
    let call = post(
        t,
        key,
        "/api/v1/offices/test/desks/1/call",
        Some(json!({"counters": ["stadtamt"]})),
    )
    .await;
    assert_eq!(
        call.json["details"]["id"].as_str(),
        Some(id),
        "{}",
        call.text
    );
    t.at_local(times[1]);
    post(
        t,
        key,
        &format!("/api/v1/offices/test/tickets/{id}/start"),
        None,
    )
    .await;
    t.at_local(times[2]);
    post(
        t,
        key,
        &format!("/api/v1/offices/test/tickets/{id}/done"),
        None,
    )
    .await;
}

/// Tuesday 1 December: five bookings made at 07:00; one cancelled, one never
/// comes, three served with waits of 0, 5 and 25 minutes; one walk-in waits 15.
async fn scripted_day(t: &TestApp) {
    let clerk = staff_key(t, "clerk", Some("test")).await;
    let mut ids = Vec::new();
    for (hh_mm, who) in [
        ("09:00", "a"),
        ("09:15", "b"),
        ("09:30", "c"),
        ("10:00", "d"),
        ("10:30", "e"),
    ] {
        ids.push(
            t.booked(
                &format!("2026-12-01T{hh_mm}:00+01:00"),
                &format!("{who}@example.org"),
            )
            .await,
        );
    }
    let sent = t.deliver().await;
    let e = sent
        .iter()
        .map(read_mail)
        .find(|m| m.to == "e@example.org")
        .unwrap();
    let cancel = t
        .call(
            "DELETE",
            &format!("/api/v1/bookings/{}", token_in(&e)),
            None,
        )
        .await;
    assert_eq!(cancel.status, StatusCode::OK, "{}", cancel.text);

    visit(
        t,
        &clerk,
        &t.code_of(&ids[0]).await,
        ["08:50", "09:00", "09:02", "09:12"],
    )
    .await;
    visit(
        t,
        &clerk,
        &t.code_of(&ids[1]).await,
        ["09:10", "09:20", "09:21", "09:36"],
    )
    .await;
    visit(
        t,
        &clerk,
        &t.code_of(&ids[3]).await,
        ["10:05", "10:30", "10:31", "10:51"],
    )
    .await;
    t.at_local("10:40");
    let walk_in = post(
        t,
        &clerk,
        "/api/v1/offices/test/walkins",
        Some(json!({"services": ["anmeldung"], "persons": 1})),
    )
    .await;
    let id = walk_in.json["ticket_id"].as_str().unwrap().to_string();
    serve(t, &clerk, &id, &["10:55", "10:56", "11:06"]).await;
    // The next morning the day is closed: the booking nobody came to is a no-show.
    t.clock.set(crate::support::at("2026-12-02T06:00:00Z"));
    termin::queue::mark_no_shows(&t.app).await.unwrap();
}

on_both!(the_statistics_of_a_scripted_day_are_known_and_survive_erasure);

async fn the_statistics_of_a_scripted_day_are_known_and_survive_erasure(store: Store) {
    let t = office(store).await;
    scripted_day(&t).await;
    let head = staff_key(&t, "head", Some("test")).await;
    let uri = "/api/v1/offices/test/statistics?from=2026-12-01&to=2026-12-01&by=day";
    let answer = t.staff(&head, "GET", uri, None).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let day = &answer.json["periods"][0];
    assert_eq!(day["label"], "2026-12-01");
    let f = &day["figures"];
    let expect = json!({
        "made": 5, "appointments": 5, "confirmed": 5, "cancelled": 1, "cancelled_by_office": 0, "expired": 0,
        "no_shows": 1, "came": 3, "no_show_rate": 0.25, "walk_ins": 1, "served": 4,
        // Waits 0, 5, 15 and 25 minutes; the 25 is over the target of 15.
        "waiting_median_minutes": 5.0, "waiting_p90_minutes": 25.0,
        "served_within_15": 0.667, "waited_over_target": 0.25,
        // Made at 07:00 for 09:00 … 10:30: the median is 2 h 30 min.
        "lead_time_median_days": 0.1,
        // Four bookings of 15 minutes against 4 hours × (1 + 2) desks online.
        "booked_minutes": 60, "bookable_minutes": 720, "utilisation": 0.083,
    });
    assert_eq!(f, &expect, "{f:#}");
    assert_eq!(answer.json["total"], expect);
    let handling = &answer.json["handling"][0];
    assert_eq!(
        (
            &handling["service"],
            &handling["cases"],
            &handling["median_minutes"],
            &handling["p90_minutes"]
        ),
        (&json!("anmeldung"), &json!(4), &json!(10.0), &json!(20.0))
    );
    assert_eq!(handling["planned_minutes"], 15);
    assert_eq!(
        handling["suggested_minutes"],
        Value::Null,
        "under ten cases, no hint"
    );

    // As CSV: a header, the day, the total.
    let csv = t
        .request(
            "GET",
            uri,
            None,
            &[
                ("authorization", &format!("Bearer {head}")),
                ("accept", "text/csv"),
            ],
        )
        .await;
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    let lines: Vec<Vec<&str>> = csv.text.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(lines.len(), 3, "{}", csv.text);
    assert!(lines.iter().all(|l| l.len() == lines[0].len()));
    let column = |name: &str| lines[0].iter().position(|c| *c == name).unwrap();
    assert_eq!(lines[1][column("no_shows")], "1");
    assert_eq!(lines[2][column("period")], "total");
    assert_eq!(lines[2][column("waiting_p90_minutes")], "25");

    // Erasing the personal data of the day changes no figure.
    t.clock.set(crate::support::at("2027-06-01T06:00:00Z"));
    let erased = termin::booking::erase_old_personal_data(&t.app)
        .await
        .unwrap();
    assert!(erased >= 5, "{erased}");
    let after = t.staff(&head, "GET", uri, None).await;
    assert_eq!(after.json["periods"], answer.json["periods"]);
    assert_eq!(after.json["handling"], answer.json["handling"]);
}

#[tokio::test]
async fn statistics_refuse_bad_ranges_and_other_roles() {
    let db = crate::support::Db::sqlite().await;
    let t = office(db.store.clone()).await;
    let head = staff_key(&t, "head", Some("test")).await;
    let clerk = staff_key(&t, "clerk", Some("test")).await;
    let base = "/api/v1/offices/test/statistics";
    for (query, field) in [
        ("from=2025-01-01&to=2026-06-01", "to"),
        ("from=2026-12-01&to=2026-11-01", "to"),
        ("from=1.12.2026", "from"),
        ("by=year", "by"),
        ("counter=nowhere", "counter"),
    ] {
        let a = t
            .staff(&head, "GET", &format!("{base}?{query}"), None)
            .await;
        assert_eq!(
            a.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{query}: {}",
            a.text
        );
        assert_eq!(a.json["fields"][0]["field"], field, "{query}: {}", a.text);
    }
    let a = t
        .staff(&head, "GET", &format!("{base}?colour=red"), None)
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.text);
    assert_eq!(
        t.staff(&clerk, "GET", base, None).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        t.call("GET", base, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let elsewhere = t
        .staff(&head, "GET", "/api/v1/offices/nowhere/statistics", None)
        .await;
    assert_eq!(
        elsewhere.status,
        StatusCode::FORBIDDEN,
        "{}",
        elsewhere.text
    );
    db.drop().await;
}

#[tokio::test]
async fn the_heads_statistics_page_has_charts_with_tables_and_a_csv() {
    let db = crate::support::Db::sqlite().await;
    let t = office(db.store.clone()).await;
    scripted_day(&t).await;
    for (email, role, office) in [
        ("head@stadt.example", "head", Some("test")),
        ("clerk@stadt.example", "clerk", Some("test")),
    ] {
        termin::staff::add_user(
            &t.app,
            &termin::staff::Staff::cli(),
            email,
            role,
            office,
            "correct horse battery",
        )
        .await
        .unwrap();
    }
    let head = crate::staff_pages::signed_in(&t, "head@stadt.example").await;
    let mut head = head;
    let page = head
        .get("/staff/test/statistics?from=2026-12-01&to=2026-12-01")
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    assert_eq!(
        select(&page.text, "figure.chart svg rect").len(),
        2,
        "one bar per period in each chart"
    );
    assert!(select(&page.text, "figure.chart figcaption").len() == 2);
    // Every number of a chart is in a table too.
    let rows = select(&page.text, "table tbody tr th[scope=row]");
    assert!(rows.contains(&"2026-12-01".to_string()), "{rows:?}");
    let csv_link = crate::support::attrs(&page.text, "a[download]", "href").remove(0);
    let csv = head.get(&csv_link).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.text.starts_with("period,from,made"), "{}", csv.text);
    let wrong = head
        .get("/staff/test/statistics?from=2026-12-01&to=2026-11-01")
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut clerk = crate::staff_pages::signed_in(&t, "clerk@stadt.example").await;
    assert_eq!(
        clerk.get("/staff/test/statistics").await.status,
        StatusCode::FORBIDDEN
    );
    db.drop().await;
}

#[tokio::test]
async fn public_figures_show_the_next_free_time_and_hide_rates_under_ten_cases() {
    let db = crate::support::Db::sqlite().await;
    let t = office(db.store.clone()).await;
    // Nine bookings on Wednesday 2 December that nobody comes to.
    for i in 0..9 {
        let start = format!("2026-12-02T{:02}:{:02}:00+01:00", 8 + i / 4, (i % 4) * 15);
        t.booked(&start, &format!("p{i}@example.org")).await;
    }
    t.clock.set(crate::support::at("2026-12-10T06:00:00Z"));
    termin::queue::mark_no_shows(&t.app).await.unwrap();
    let few = t.call("GET", "/api/v1/offices/test/figures", None).await;
    assert_eq!(few.status, StatusCode::OK, "{}", few.text);
    assert_eq!(few.json["no_show_rate"], Value::Null, "{}", few.text);
    assert_eq!(few.json["lead_time_median_days"], Value::Null);
    let next = &few.json["next_free"];
    assert_eq!(next.as_array().unwrap().len(), 3, "one per service");
    // The test office books from 60 minutes ahead: Thursday 10 December, 08:00.
    assert_eq!(next[0]["service"], "anmeldung");
    assert_eq!(
        next[0]["start"], "2026-12-10T08:00:00+01:00",
        "{}",
        few.text
    );

    // The tenth case makes the figures public.
    t.clock.set(crate::support::at(crate::support::NOW));
    t.booked("2026-12-02T11:00:00+01:00", "p9@example.org")
        .await;
    t.clock.set(crate::support::at("2026-12-10T06:00:00Z"));
    termin::queue::mark_no_shows(&t.app).await.unwrap();
    let ten = t.call("GET", "/api/v1/offices/test/figures", None).await;
    assert_eq!(ten.json["no_show_rate"], 1.0, "{}", ten.text);
    assert!(ten.json["lead_time_median_days"].as_f64().unwrap() > 0.9);
    assert_eq!(ten.json["served_within_15"], Value::Null);
    let csv = t
        .request(
            "GET",
            "/api/v1/offices/test/figures",
            None,
            &[("accept", "text/csv")],
        )
        .await;
    assert!(csv.text.contains("no_show_rate,,1\r\n"), "{}", csv.text);

    // The page, linked from the office page; no personal datum on it.
    let mut v = Visitor::new(&t);
    let office = v.get("/o/test").await;
    assert!(
        crate::support::attrs(&office.text, "a", "href").contains(&"/o/test/figures".to_string())
    );
    let page = v.get("/o/test/figures").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(select(&page.text, "dl.figures dd")[1], "100 %");
    assert!(!page.text.contains("@example.org"));
    assert_eq!(
        v.get("/o/nowhere/figures").await.status,
        StatusCode::NOT_FOUND
    );
    db.drop().await;
}

#[tokio::test]
async fn the_week_shows_booked_against_capacity_per_hour_and_arrivals_per_window() {
    let db = crate::support::Db::sqlite().await;
    let t = office(db.store.clone()).await;
    t.booked("2026-12-01T09:00:00+01:00", "a@example.org").await;
    t.booked("2026-12-01T09:15:00+01:00", "b@example.org").await;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let w = termin::stats::week(&t.app, "test", day).await.unwrap();
    assert_eq!(w.days[0].to_string(), "2026-11-30", "from Monday");
    let stadtamt = &w.counters[0];
    assert_eq!(stadtamt.hours, [8, 9, 10, 11]);
    // Tuesday 09:00–10:00: two bookings of 15 minutes on one desk online, one kept for walk-ins.
    let nine = stadtamt.cells[1][1];
    assert_eq!((nine.booked, nine.online, nine.walk_in), (30, 60, 60));
    assert_eq!(nine.band(), 3);
    assert_eq!(stadtamt.cells[0][1].booked, 0);
    assert_eq!(stadtamt.cells[1][5].online, 0, "closed on Saturday");
    let kfz = &w.counters[1];
    assert_eq!((kfz.cells[0][0].online, kfz.cells[0][0].walk_in), (120, 60));
    let arrivals = w.arrivals.as_ref().unwrap();
    assert_eq!((arrivals.per_minutes, arrivals.max), (15, 4));
    let at = |m: u32| arrivals.windows.iter().position(|x| *x == m).unwrap();
    assert_eq!(arrivals.persons[at(9 * 60)][1], 1);
    assert_eq!(arrivals.persons[at(9 * 60 + 15)][1], 1);
    assert_eq!(arrivals.persons[at(8 * 60)][1], 0);

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
    let mut head = crate::staff_pages::signed_in(&t, "head@stadt.example").await;
    let page = head.get("/staff/test/week?day=2026-12-03").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    assert_eq!(
        select(&page.text, "table.heat").len(),
        3,
        "two counters and the arrivals"
    );
    assert!(
        select(&page.text, "td.l3")
            .iter()
            .any(|c| c.starts_with("30/60")),
        "{}",
        page.text
    );
    // No personal datum on it.
    assert!(!page.text.contains("a@example.org") && !page.text.contains("Anna"));
    let links = crate::support::attrs(&page.text, "p.actions a", "href");
    assert_eq!(
        links,
        [
            "/staff/test/week?day=2026-11-23",
            "/staff/test/week?day=2026-12-07"
        ]
    );
    assert_eq!(
        head.get("/staff/test/week?day=not-a-day").await.status,
        StatusCode::OK
    );
    let mut clerk = crate::staff_pages::signed_in(&t, "clerk@stadt.example").await;
    assert_eq!(
        clerk.get("/staff/test/week").await.status,
        StatusCode::FORBIDDEN
    );
    db.drop().await;
}

/// Admins compare every office side by side; the figures are each office's own.
#[tokio::test]
async fn admins_compare_every_office_side_by_side() {
    use crate::staff_pages::{offices, signed_in, user};
    let db = crate::support::Db::sqlite().await;
    let t = offices(db.store.clone()).await;
    t.booked("2026-12-01T09:00:00+01:00", "a@example.org").await;
    t.booked("2026-12-01T09:30:00+01:00", "b@example.org").await;
    user(&t, "admin@example.org", "admin", None).await;
    user(&t, "head@example.org", "head", Some("test")).await;
    let mut head = signed_in(&t, "head@example.org").await;
    assert_eq!(
        head.get("/staff/statistics").await.status,
        StatusCode::FORBIDDEN
    );

    let mut admin = signed_in(&t, "admin@example.org").await;
    let page = admin
        .get("/staff/statistics?from=2026-12-01&to=2026-12-07")
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    let offices = crate::support::select(&page.text, "tbody th[scope=row]");
    assert_eq!(offices, ["Bürgerbüro Anders", "Bürgerbüro Test"], "by name");
    let appointments = crate::support::select(&page.text, "tbody tr td:nth-of-type(1)");
    assert_eq!(appointments, ["0", "2"], "each office its own");
    assert!(
        !page.text.contains("a@example.org") && !page.text.contains("b@example.org"),
        "no personal data of citizens"
    );

    let backwards = admin
        .get("/staff/statistics?from=2026-12-07&to=2026-12-01")
        .await;
    assert_eq!(backwards.status, StatusCode::UNPROCESSABLE_ENTITY);
    let long = admin
        .get("/staff/statistics?from=2025-01-01&to=2026-12-01")
        .await;
    assert_eq!(long.status, StatusCode::UNPROCESSABLE_ENTITY);
    db.drop().await;
}

/// Planning hints from what happened: walk-ins turned away at a counter with no
/// desk kept for them, a counter booked out online; and the next free
/// appointment as it stood each morning.
async fn hints_name_turned_away_walk_ins_and_booked_out_days(store: Store) {
    let t = TestApp::new(store).await;
    let office = crate::support::TEST_OFFICE
        .replace("confirm_within_minutes = 30", "confirm_within_minutes = 0")
        .replacen("desks = 2\n    online = 1", "desks = 1\n    online = 1", 1)
        .replace("desks = 3\n    online = 3", "desks = 1\n    online = 1");
    termin::staff::import(&t.app, &office).await.unwrap();
    let head = staff_key(&t, "head", Some("test")).await;
    let clerk = staff_key(&t, "clerk", Some("test")).await;

    // Tuesday 07:00: the next free Kfz time is today.
    termin::stats::record_next_free(&t.app).await.unwrap();
    // Wednesday's Kfz morning, booked out: eight half hours on its one desk.
    for (i, hh_mm) in [
        "08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30",
    ]
    .iter()
    .enumerate()
    {
        let body = json!({
            "office": "test", "services": ["zulassung"], "persons": 1,
            "start": format!("2026-12-02T{hh_mm}:00+01:00"),
            "name": "Anna Beispiel", "email": format!("k{i}@example.org"),
        });
        let a = t.call("POST", "/api/v1/bookings", Some(&body)).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    }
    // A second look the same day changes nothing.
    termin::stats::record_next_free(&t.app).await.unwrap();
    // Tuesday 09:00: two walk-ins at the Stadtamt, which keeps no desk for them.
    t.at_local("09:00");
    for _ in 0..2 {
        let a = t
            .staff(
                &clerk,
                "POST",
                "/api/v1/offices/test/walkins",
                Some(json!({"services": ["anmeldung"], "persons": 1})),
            )
            .await;
        assert_eq!(a.status, StatusCode::CONFLICT, "{}", a.text);
    }
    // Wednesday 07:00: the next free Kfz time is Thursday.
    t.clock.set(crate::support::at("2026-12-02T06:00:00Z"));
    termin::stats::record_next_free(&t.app).await.unwrap();

    let uri = "/api/v1/offices/test/statistics?from=2026-12-01&to=2026-12-02";
    let a = t.staff(&head, "GET", uri, None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(
        a.json["hints"],
        json!([
            {"counter": "stadtamt", "kind": "walk_ins_turned_away", "days": 1, "count": 2},
            {"counter": "kfz", "kind": "booked_out", "days": 1, "count": 0},
        ])
    );
    let kfz: Vec<(&str, &Value)> = a.json["next_free"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["service"] == "zulassung")
        .map(|n| (n["day"].as_str().unwrap(), &n["days_ahead"]))
        .collect();
    assert_eq!(kfz, [("2026-12-01", &json!(0)), ("2026-12-02", &json!(1))]);

    // The head reads them on the page, in words.
    let page = crate::support::select(
        &statistics_page(&t, "from=2026-12-01&to=2026-12-02").await,
        "#hints + ul li",
    );
    assert_eq!(page.len(), 2, "{page:?}");
    assert!(
        page[0].contains("Stadtamt") && page[0].contains("2 Personen"),
        "{page:?}"
    );
    assert!(
        page[1].contains("Kfz-Zulassung") && page[1].contains("ausgebucht"),
        "{page:?}"
    );
}

/// The statistics page of the test office for a head signed in through the form.
async fn statistics_page(t: &TestApp, query: &str) -> String {
    crate::staff_pages::user(t, "planer@example.org", "head", Some("test")).await;
    let mut v = crate::staff_pages::signed_in(t, "planer@example.org").await;
    let page = v.get(&format!("/staff/test/statistics?{query}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    page.text
}

crate::support::on_both!(hints_name_turned_away_walk_ins_and_booked_out_days);
