//! The booking pages through the real router, as a browser without JavaScript
//! uses them: links, forms, cookies. Each error path a citizen can meet.

use axum::http::StatusCode;
use chrono::Duration;
use termin::config::Config;
use termin::store::Store;

use crate::support::{
    at, field_value, field_values, number, on_both, read_mail, token_in, TestApp, Visitor,
    TEST_OFFICE,
};

const CSS: &str = include_str!("../../assets/site.css");
const WISH: &str = "service=anmeldung&persons=1";
/// The first bookable time on the test day: Tuesday 1 December 2026, 08:00 in Rostock.
const EIGHT: &str = "2026-12-01T08:00:00+01:00";
const QUARTER_PAST: &str = "2026-12-01T08:15:00+01:00";
const NINE: &str = "2026-12-01T09:00:00+01:00";

fn assert_page(a: &crate::support::Answer, what: &str) {
    assert!(
        a.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"),
        "{what}"
    );
    assert_eq!(a.text.matches("<h1>").count(), 1, "{what}: one heading");
    assert!(!a.text.contains("<script"), "{what} needs no script");
    assert!(
        a.text.len() + CSS.len() < 30_000,
        "{what} with its CSS is under 30 KB: {}",
        a.text.len() + CSS.len()
    );
    for link in ["/privacy", "/accessibility", "/imprint"] {
        assert!(
            a.text.contains(&format!("href=\"{link}\"")),
            "{what} links {link}"
        );
    }
}

/// From the day page to a held time: the visitor's form token and the hold.
async fn hold(v: &mut Visitor<'_>, start: &str) -> crate::support::Answer {
    let day = v.get(&format!("/o/test/day?{WISH}&date=2026-12-01")).await;
    let csrf = field_value(&day.text, "csrf").expect("the day page has a form token");
    v.post(
        "/o/test/hold",
        &[
            ("csrf", &csrf),
            ("service", "anmeldung"),
            ("persons", "1"),
            ("start", start),
        ],
    )
    .await
}

async fn send_form(v: &mut Visitor<'_>, fields: &[(&str, &str)]) -> crate::support::Answer {
    let page = v.get("/o/test/details").await;
    let csrf = field_value(&page.text, "csrf")
        .unwrap_or_else(|| panic!("the form has a token: {} {}", page.status, page.text));
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    v.post("/o/test/details", &all).await
}

const ANNA: &[(&str, &str)] = &[
    ("name", "Anna Beispiel"),
    ("email", "anna@example.org"),
    ("phone", ""),
    ("consent", "yes"),
    ("website", ""),
];

async fn bookings(store: &Store) -> Vec<Option<String>> {
    crate::support::texts(store, "SELECT status FROM bookings ORDER BY created_at").await
}

async fn a_citizen_books_through_the_pages(store: Store) {
    let t = TestApp::new(store.clone()).await;
    let mut v = Visitor::new(&t);

    let home = v.get("/").await;
    assert_page(&home, "start page");
    assert!(home.text.contains("href=\"/o/test\""));

    let office = v.get("/o/test").await;
    assert_page(&office, "office page");
    // Services grouped by counter, each counter its own form.
    let stadtamt = office.text.find("Stadtamt").unwrap();
    let kfz = office.text.find("Kfz-Zulassung").unwrap();
    let anmeldung = office.text.find("Wohnsitz anmelden").unwrap();
    assert!(stadtamt < anmeldung && anmeldung < kfz);
    assert!(office.text.contains("name=\"service\" value=\"anmeldung\""));
    assert!(office.text.contains("name=\"persons\""));

    let days = v.get(&format!("/o/test/days?{WISH}")).await;
    assert_page(&days, "calendar");
    assert_eq!(days.status, StatusCode::OK);
    // Tuesday is bookable, Saturday and Sunday are not.
    assert!(days
        .text
        .contains("/o/test/day?service=anmeldung&amp;persons=1&amp;date=2026-12-01"));
    assert!(!days.text.contains("date=2026-12-05"));
    // Later days, and the language switch keeps them.
    let later = v.get(&format!("/o/test/days?{WISH}&from=2026-12-14")).await;
    assert!(!later.text.contains("date=2026-12-11"));
    assert!(later.text.contains("date=2026-12-14"));
    assert!(later
        .text
        .contains("/o/test/days?service=anmeldung&amp;persons=1&amp;from=2026-12-14&amp;lang=en"));
    assert!(!days.text.contains("date=2026-12-06"));

    let day = v.get(&format!("/o/test/day?{WISH}&date=2026-12-01")).await;
    assert_page(&day, "day page");
    let times = field_values(&day.text, "start");
    assert_eq!(times.first().map(String::as_str), Some(EIGHT));
    assert_eq!(times.len(), 16, "08:00 to 11:45 on a quarter-hour grid");
    assert!(
        day.text.contains("ruhig"),
        "quiet times are marked in words"
    );

    let held = hold(&mut v, EIGHT).await;
    assert_eq!(held.status, StatusCode::SEE_OTHER);
    assert_eq!(held.headers["location"], "/o/test/details");
    assert!(v.cookie("hold").is_some());

    let form = v.get("/o/test/details").await;
    assert_page(&form, "form");
    assert!(form.text.contains("08:00 Uhr"));
    assert!(
        form.text.contains("07:10 Uhr"),
        "held until ten minutes from now (07:00 + 10)"
    );
    assert!(form.headers["cache-control"] == "no-store");

    let sent = send_form(&mut v, ANNA).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.text);
    assert_eq!(sent.headers["location"], "/o/test/done");

    let done = v.get("/o/test/done").await;
    assert_page(&done, "check-email page");
    assert!(done.text.contains("Bitte bestätigen Sie per E-Mail"));
    assert!(done.text.contains("anna@example.org"));
    assert!(
        done.text
            .contains("Personalausweis und Wohnungsgeberbestätigung"),
        "what to bring"
    );
    assert_eq!(bookings(&store).await, [Some("pending".to_string())]);

    // The mail's link leads to the booking; the held place became the booking's.
    let mails = t.deliver().await;
    assert_eq!(mails.len(), 1);
    let mail = read_mail(&mails[0]);
    assert_eq!(mail.to, "anna@example.org");
    let token = token_in(&mail);
    let manage = v.get(&format!("/b/{token}")).await;
    assert!(manage.text.contains("Noch nicht bestätigt"));
    assert!(manage.text.contains("08:00 Uhr"));
    assert_eq!(
        crate::support::texts(&store, "SELECT id FROM holds WHERE booking_id IS NULL")
            .await
            .len(),
        0
    );
    assert_eq!(
        t.app.store.booked_cells("test", "stadtamt").await.unwrap(),
        1
    );
    let again = v.get(&format!("/o/test/day?{WISH}&date=2026-12-01")).await;
    assert!(!field_values(&again.text, "start").contains(&EIGHT.to_string()));
}

/// A held time is not offered to others; when the hold runs out the form says so,
/// offers the nearest times, and the place is free again.
async fn a_hold_keeps_the_place_until_it_runs_out(store: Store) {
    let t = TestApp::new(store.clone()).await;
    let mut anna = Visitor::new(&t);
    let mut ben = Visitor::new(&t);
    let ben_day = ben
        .get(&format!("/o/test/day?{WISH}&date=2026-12-01"))
        .await;
    assert!(field_values(&ben_day.text, "start").contains(&NINE.to_string()));

    assert_eq!(hold(&mut anna, NINE).await.status, StatusCode::SEE_OTHER);

    // Ben still had the page from before and presses 09:00: taken, with the nearest times.
    let csrf = field_value(&ben_day.text, "csrf").unwrap();
    let taken = ben
        .post(
            "/o/test/hold",
            &[
                ("csrf", &csrf),
                ("service", "anmeldung"),
                ("persons", "1"),
                ("start", NINE),
            ],
        )
        .await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    assert_page(&taken, "time-taken page");
    assert!(taken.text.contains("nicht mehr frei"));
    let nearest = field_values(&taken.text, "start");
    assert!(
        nearest.contains(&"2026-12-01T09:15:00+01:00".to_string()),
        "{nearest:?}"
    );
    assert!(!nearest.contains(&NINE.to_string()));
    assert!(ben.cookie("hold").is_none(), "nothing held for Ben");

    // Eleven minutes later Anna sends the form: the hold has run out, even before any sweep.
    t.clock.advance(Duration::minutes(11));
    let late = send_form(&mut anna, ANNA).await;
    assert_eq!(late.status, StatusCode::GONE);
    assert_page(&late, "hold-ran-out page");
    assert!(late.text.contains("Die Vormerkung ist abgelaufen"));
    assert!(
        !field_values(&late.text, "start").is_empty(),
        "nearest free times offered"
    );
    assert!(bookings(&store).await.is_empty(), "nothing booked");

    // The sweep gives the place back: Ben can have 08:00 now.
    assert_eq!(termin::hold::expire_due(&t.app).await.unwrap(), 1);
    assert_eq!(
        t.app.store.booked_cells("test", "stadtamt").await.unwrap(),
        0
    );
    assert_eq!(hold(&mut ben, NINE).await.status, StatusCode::SEE_OTHER);
}

/// Twenty browsers press the last free time at once: one hold, nineteen told it is taken.
async fn concurrent_holds_never_overbook(store: Store) {
    // Twenty people behind one address here (the tests have no peer address).
    let config = Config {
        rate_limits: false,
        hold_minutes_per_client: 750,
        hold_share_percent: 100,
        ..Config::default()
    };
    let t = TestApp::with_config(store.clone(), config).await;
    // Everything but 08:00 is booked away through the API.
    let day = t
        .call(
            "GET",
            &format!(
                "/api/v1/offices/test/availability?{}&from=2026-12-01&to=2026-12-01",
                "services=anmeldung&persons=1"
            ),
            None,
        )
        .await;
    let starts: Vec<String> = day.json["days"][0]["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start"].as_str().unwrap().to_string())
        .filter(|s| s != EIGHT)
        .collect();
    for (i, s) in starts.iter().enumerate() {
        assert_eq!(
            t.book(s, &format!("p{i}@example.org")).await.status,
            StatusCode::CREATED
        );
    }
    let t = std::sync::Arc::new(t);
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(20));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let (t, barrier) = (t.clone(), barrier.clone());
        tasks.spawn(async move {
            let mut v = Visitor::new(&t);
            let day = v.get(&format!("/o/test/day?{WISH}&date=2026-12-01")).await;
            let csrf = field_value(&day.text, "csrf").unwrap();
            barrier.wait().await;
            let fields = [
                ("csrf", csrf.as_str()),
                ("service", "anmeldung"),
                ("persons", "1"),
                ("start", EIGHT),
            ];
            v.post("/o/test/hold", &fields).await.status
        });
    }
    let mut statuses = Vec::new();
    while let Some(status) = tasks.join_next().await {
        statuses.push(status.unwrap());
    }
    let won = statuses
        .iter()
        .filter(|s| **s == StatusCode::SEE_OTHER)
        .count();
    let lost = statuses
        .iter()
        .filter(|s| **s == StatusCode::CONFLICT)
        .count();
    assert_eq!((won, lost), (1, 19), "{statuses:?}");
    assert_eq!(
        t.app.store.booked_cells("test", "stadtamt").await.unwrap(),
        16
    );
}

async fn form_mistakes_come_back_at_their_fields_with_a_summary(store: Store) {
    let t = TestApp::new(store.clone()).await;
    let mut v = Visitor::new(&t);
    hold(&mut v, EIGHT).await;
    let wrong = send_form(
        &mut v,
        &[
            ("name", ""),
            ("email", "anna@"),
            ("phone", "call me"),
            ("website", ""),
        ],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_page(&wrong, "form with mistakes");
    assert!(wrong.text.contains("class=\"error-summary\""));
    for field in ["f-name", "f-email", "f-phone", "f-consent"] {
        assert!(
            wrong.text.contains(&format!("href=\"#{field}\"")),
            "the summary links {field}"
        );
        assert!(
            wrong.text.contains(&format!("id=\"{field}-error\"")),
            "a message at {field}"
        );
    }
    assert!(wrong.text.contains("Bitte geben Sie Ihren Namen an."));
    assert!(wrong.text.contains("Bitte nur Ziffern, Leerzeichen"));
    assert!(wrong
        .text
        .contains("dass Sie die Datenschutzerklärung gelesen haben"));
    assert!(
        wrong.text.contains("value=\"anna@\""),
        "what was typed stays"
    );
    assert!(wrong.text.contains("aria-invalid=\"true\""));
    assert!(bookings(&store).await.is_empty(), "nothing stored");

    // In English, the same mistakes in English.
    v.headers.push(("accept-language".into(), "en".into()));
    let english = send_form(
        &mut v,
        &[("name", "Anna"), ("email", "nope"), ("consent", "yes")],
    )
    .await;
    assert_eq!(english.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(english
        .text
        .contains("Must be an email address such as name@example.de."));
    assert!(english.text.contains("Please check what you entered"));

    // A program that fills in the field people never see books nothing.
    let mut bot = ANNA.to_vec();
    bot.retain(|(k, _)| *k != "website");
    bot.push(("website", "http://spam.example"));
    let trapped = send_form(&mut v, &bot).await;
    assert_eq!(trapped.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(trapped
        .text
        .contains("The form could not be sent like this."));
    assert!(bookings(&store).await.is_empty());

    // The hold survived the mistakes: corrected, the booking goes through.
    let right = send_form(&mut v, ANNA).await;
    assert_eq!(right.status, StatusCode::SEE_OTHER);
    assert_eq!(bookings(&store).await.len(), 1);
}

async fn one_address_holds_only_a_few_times_at_once(store: Store) {
    let config = Config {
        rate_limits: false,
        hold_minutes_per_client: 30,
        ..Config::default()
    };
    let t = TestApp::with_config(store.clone(), config).await;
    // One browser that changes its mind keeps one hold: the old one is given back.
    let mut anna = Visitor::new(&t);
    assert_eq!(hold(&mut anna, EIGHT).await.status, StatusCode::SEE_OTHER);
    assert_eq!(
        hold(&mut anna, QUARTER_PAST).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        crate::support::texts(&store, "SELECT id FROM holds")
            .await
            .len(),
        1
    );
    assert_eq!(
        t.app.store.booked_cells("test", "stadtamt").await.unwrap(),
        1
    );

    // A second browser behind the same address may hold one more; a third may not.
    let mut ben = Visitor::new(&t);
    assert_eq!(
        hold(&mut ben, "2026-12-01T09:00:00+01:00").await.status,
        StatusCode::SEE_OTHER
    );
    let mut bot = Visitor::new(&t);
    let refused = hold(&mut bot, "2026-12-01T10:00:00+01:00").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert_page(&refused, "hold-cap page");
    assert_eq!(refused.headers["retry-after"], "600");
    assert!(refused.text.contains("Schon genug Zeiten vorgemerkt"));

    // Another address is not affected (a trusted proxy names it).
    let config = Config {
        rate_limits: false,
        hold_minutes_per_client: 30,
        trusted_proxies: vec![termin::config::Cidr::parse("127.0.0.1/32").unwrap()],
        ..Config::default()
    };
    let behind_proxy = TestApp::with_config(store.clone(), config).await;
    let mut carla = Visitor::new(&behind_proxy);
    carla
        .headers
        .push(("x-forwarded-for".into(), "2001:db8:5::7".into()));
    assert_eq!(
        hold(&mut carla, "2026-12-01T10:00:00+01:00").await.status,
        StatusCode::SEE_OTHER
    );

    // Once Anna books, her hold no longer counts, and the bot may hold.
    assert_eq!(
        send_form(&mut anna, ANNA).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        hold(&mut bot, "2026-12-01T10:30:00+01:00").await.status,
        StatusCode::SEE_OTHER
    );
}

async fn the_per_email_cap_holds_on_the_pages(store: Store) {
    let t = TestApp::new(store.clone()).await;
    for start in ["2026-12-02T09:00:00+01:00", "2026-12-02T10:00:00+01:00"] {
        assert_eq!(
            t.book(start, "anna@example.org").await.status,
            StatusCode::CREATED
        );
    }
    let mut v = Visitor::new(&t);
    hold(&mut v, EIGHT).await;
    let capped = send_form(&mut v, ANNA).await;
    assert_eq!(capped.status, StatusCode::CONFLICT);
    assert_page(&capped, "cap page");
    assert!(
        capped.text.contains("schon 2 offene Termine"),
        "{}",
        capped.text
    );
    assert!(capped.text.contains("href=\"#f-email\""));
    assert_eq!(bookings(&store).await.len(), 2);
    // Another address is fine, on the same hold.
    let mut ben = ANNA.to_vec();
    ben[1] = ("email", "ben@example.org");
    assert_eq!(send_form(&mut v, &ben).await.status, StatusCode::SEE_OTHER);
}

async fn forms_from_elsewhere_change_nothing(store: Store) {
    let t = TestApp::new(store.clone()).await;
    let mut v = Visitor::new(&t);
    v.get(&format!("/o/test/day?{WISH}&date=2026-12-01")).await;
    let fields = [("service", "anmeldung"), ("persons", "1"), ("start", EIGHT)];
    // No token.
    let bare = v.post("/o/test/hold", &fields).await;
    assert_eq!(bare.status, StatusCode::FORBIDDEN);
    assert!(bare.text.contains("Formular abgelaufen"));
    // A token that is not the visitor's.
    let mut forged = vec![("csrf", "0123456789abcdef0123456789abcdef")];
    forged.extend_from_slice(&fields);
    assert_eq!(
        v.post("/o/test/hold", &forged).await.status,
        StatusCode::FORBIDDEN
    );
    // The right token, but the browser says another site sent it.
    let csrf = v.cookie("csrf").unwrap().to_string();
    let mut right = vec![("csrf", csrf.as_str())];
    right.extend_from_slice(&fields);
    v.headers
        .push(("sec-fetch-site".into(), "cross-site".into()));
    assert_eq!(
        v.post("/o/test/hold", &right).await.status,
        StatusCode::FORBIDDEN
    );
    v.headers.clear();
    v.headers
        .push(("origin".into(), "https://evil.example".into()));
    v.headers.push(("host".into(), "termin.example".into()));
    assert_eq!(
        v.post("/o/test/hold", &right).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(crate::support::texts(&store, "SELECT id FROM holds")
        .await
        .is_empty());

    // The buttons on a booking's page need the token too.
    let booked = t.book(QUARTER_PAST, "anna@example.org").await;
    assert_eq!(booked.status, StatusCode::CREATED);
    let token = token_in(&read_mail(&t.deliver().await[0]));
    let mut w = Visitor::new(&t);
    w.get(&format!("/b/{token}")).await;
    let refused = w.post(&format!("/b/{token}/confirm"), &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(bookings(&store).await, [Some("pending".to_string())]);
    let foreign = [
        ("csrf", "0123456789abcdef0123456789abcdef"),
        ("start", NINE),
    ];
    for action in ["confirm", "cancel", "move"] {
        let r = w.post(&format!("/b/{token}/{action}"), &foreign).await;
        assert_eq!(
            r.status,
            StatusCode::FORBIDDEN,
            "{action} without the visitor's token"
        );
    }
    assert_eq!(bookings(&store).await, [Some("pending".to_string())]);
    let start = number(&store, "SELECT start_at FROM bookings").await;
    assert_eq!(start, at(QUARTER_PAST).timestamp(), "not moved");
    w.forget_cookie("csrf");
    let page = w.get(&format!("/b/{token}")).await;
    let csrf = field_value(&page.text, "csrf").unwrap();
    let confirmed = w
        .post(&format!("/b/{token}/confirm"), &[("csrf", &csrf)])
        .await;
    assert_eq!(confirmed.status, StatusCode::SEE_OTHER);
    assert_eq!(bookings(&store).await, [Some("confirmed".to_string())]);
}

async fn wrong_choices_are_explained_on_the_office_page(store: Store) {
    let t = TestApp::new(store).await;
    let mut v = Visitor::new(&t);
    let none = v.get("/o/test/days?persons=1").await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_page(&none, "office page with mistakes");
    assert!(none
        .text
        .contains("Bitte wählen Sie mindestens ein Anliegen."));
    assert!(none.text.contains("class=\"error-summary\""));
    let mixed = v
        .get("/o/test/days?service=anmeldung&service=zulassung&persons=1")
        .await;
    assert_eq!(mixed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(mixed.text.contains("nur Anliegen eines Bereichs"));
    let crowd = v.get("/o/test/days?service=ausweis&persons=9").await;
    assert_eq!(crowd.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(crowd.text.contains("höchstens 3 Personen"));
    // The choice is kept: the ID card is still ticked.
    assert!(crowd.text.contains("value=\"ausweis\" checked"));
    let nowhere = v.get("/o/nowhere").await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
    assert_page(&nowhere, "not-found page");
    let bad_day = v.get(&format!("/o/test/day?{WISH}&date=someday")).await;
    assert_eq!(bad_day.status, StatusCode::UNPROCESSABLE_ENTITY);
    let past = v.get(&format!("/o/test/day?{WISH}&date=2026-11-01")).await;
    assert_eq!(past.status, StatusCode::UNPROCESSABLE_ENTITY);
    // A time that is not offered cannot be held.
    let mut w = Visitor::new(&t);
    let odd = hold(&mut w, "2026-12-01T08:07:00+01:00").await;
    assert_eq!(odd.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Without a hold, the form says so.
    let mut x = Visitor::new(&t);
    let lost = x.get("/o/test/details").await;
    assert_eq!(lost.status, StatusCode::GONE);
    assert_page(&lost, "no-hold page");
    assert_eq!(x.get("/o/test/done").await.status, StatusCode::GONE);
}

async fn the_manage_page_moves_and_offers_the_calendar_file(store: Store) {
    let t = TestApp::new(store.clone()).await;
    assert_eq!(
        t.book(EIGHT, "anna@example.org").await.status,
        StatusCode::CREATED
    );
    let token = token_in(&read_mail(&t.deliver().await[0]));
    let mut v = Visitor::new(&t);
    let page = v.get(&format!("/b/{token}")).await;
    assert_page(&page, "manage page");
    assert!(page.text.contains("Bitte mitbringen"));
    assert!(page
        .text
        .contains("Personalausweis und Wohnungsgeberbestätigung"));
    assert!(page.text.contains(&format!("href=\"/b/{token}/move\"")));
    assert_eq!(page.headers["referrer-policy"], "no-referrer");

    let ics = v.get(&format!("/b/{token}/calendar.ics")).await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(ics.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    assert!(
        ics.text.contains("DTSTART:20261201T070000Z"),
        "{}",
        ics.text
    );

    let calendar = v.get(&format!("/b/{token}/move")).await;
    assert_page(&calendar, "move calendar");
    assert!(calendar
        .text
        .contains(&format!("/b/{token}/move?date=2026-12-02")));
    let day = v.get(&format!("/b/{token}/move?date=2026-12-02")).await;
    assert_page(&day, "move times");
    let csrf = field_value(&day.text, "csrf").unwrap();
    let nine = "2026-12-02T09:00:00+01:00";
    assert!(field_values(&day.text, "start").contains(&nine.to_string()));

    // Somebody else takes 09:00 first: the move is refused and nothing changes.
    assert_eq!(
        t.book(nine, "ben@example.org").await.status,
        StatusCode::CREATED
    );
    let taken = v
        .post(
            &format!("/b/{token}/move"),
            &[("csrf", &csrf), ("start", nine)],
        )
        .await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    assert_page(&taken, "move-taken page");
    assert!(taken.text.contains("Ihr bisheriger Termin bleibt bestehen"));
    assert!(field_values(&taken.text, "start").contains(&"2026-12-02T09:15:00+01:00".to_string()));
    assert!(v
        .get(&format!("/b/{token}"))
        .await
        .text
        .contains("Dienstag, 1. Dezember 2026, 08:00 Uhr"));

    let moved = v
        .post(
            &format!("/b/{token}/move"),
            &[("csrf", &csrf), ("start", "2026-12-02T09:15:00+01:00")],
        )
        .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER);
    let after = v.get(&format!("/b/{token}")).await;
    assert!(after.text.contains("Mittwoch, 2. Dezember 2026, 09:15 Uhr"));
    // The old place is free again.
    let tuesday = v.get(&format!("/o/test/day?{WISH}&date=2026-12-01")).await;
    assert!(field_values(&tuesday.text, "start").contains(&EIGHT.to_string()));

    // Cancelled, the page offers no more buttons, and moving is refused.
    let csrf = field_value(&after.text, "csrf").unwrap();
    assert_eq!(
        v.post(&format!("/b/{token}/cancel"), &[("csrf", &csrf)])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let cancelled = v.get(&format!("/b/{token}")).await;
    assert!(cancelled.text.contains("Abgesagt"));
    assert!(!cancelled.text.contains("/move\""));
    assert_eq!(
        v.get(&format!("/b/{token}/move")).await.status,
        StatusCode::CONFLICT
    );
}

async fn an_office_without_email_confirmation_shows_the_booking_at_once(store: Store) {
    let t = TestApp::new(store.clone()).await;
    let at_once = TEST_OFFICE.replace("confirm_within_minutes = 30", "confirm_within_minutes = 0");
    termin::staff::import(&t.app, &at_once).await.unwrap();
    t.app.forget_offices();
    let mut v = Visitor::new(&t);
    v.headers
        .push(("accept-language".into(), "en-GB,en".into()));
    hold(&mut v, EIGHT).await;
    assert_eq!(send_form(&mut v, ANNA).await.status, StatusCode::SEE_OTHER);
    let done = v.get("/o/test/done").await;
    assert_page(&done, "confirmation page");
    assert!(done.text.contains("Your appointment is booked"));
    assert!(done.text.contains("Tuesday, 1 December 2026, 08:00"));
    assert!(done
        .text
        .contains("ID card and the landlord's confirmation"));
    assert_eq!(bookings(&store).await, [Some("confirmed".to_string())]);
    let mail = read_mail(&t.deliver().await[0]);
    assert!(
        mail.calendar.is_some(),
        "the confirmation carries the calendar file"
    );
    assert!(mail.subject.contains("ppointment"), "{}", mail.subject);
}

/// Hurried clicks: a time pressed twice leaves one hold, and a form sent twice
/// books once and shows the booking both times.
async fn a_hurried_browser_gets_one_hold_and_one_booking(store: Store) {
    let t = TestApp::new(store.clone()).await;
    let mut first = Visitor::new(&t);
    first
        .get(&format!("/o/test/day?{WISH}&date=2026-12-01"))
        .await;
    // Two tabs of one browser with the same cookies, each pressing a time.
    let mut second = first.twin();
    assert_eq!(hold(&mut first, EIGHT).await.status, StatusCode::SEE_OTHER);
    assert_eq!(
        hold(&mut second, QUARTER_PAST).await.status,
        StatusCode::SEE_OTHER
    );
    let open = "SELECT id FROM holds WHERE booking_id IS NULL";
    assert_eq!(
        crate::support::texts(&store, open).await.len(),
        1,
        "one open hold per browser"
    );
    assert_eq!(
        t.app.store.booked_cells("test", "stadtamt").await.unwrap(),
        1
    );
    // The first tab's cookie names the replaced hold; the form shows the one that counts.
    let form = first.get("/o/test/details").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text.contains("08:15 Uhr"));

    // The form sent twice from the same state: one booking, and both answers lead to it.
    let mut again = first.twin();
    assert_eq!(
        send_form(&mut first, ANNA).await.headers["location"],
        "/o/test/done"
    );
    // The second tab had the form open already: it sends with the same cookies.
    let csrf = again.cookie("csrf").unwrap().to_string();
    let mut fields = vec![("csrf", csrf.as_str())];
    fields.extend_from_slice(ANNA);
    let twice = again.post("/o/test/details", &fields).await;
    assert_eq!(twice.status, StatusCode::SEE_OTHER);
    assert_eq!(twice.headers["location"], "/o/test/done");
    assert_eq!(bookings(&store).await.len(), 1);
    assert!(again.get("/o/test/done").await.text.contains("08:15 Uhr"));
    // The used hold keeps no hashed address.
    let keys = crate::support::texts(&store, "SELECT client_key FROM holds").await;
    assert_eq!(keys, [Some(String::new())]);
}

on_both!(
    a_citizen_books_through_the_pages,
    a_hold_keeps_the_place_until_it_runs_out,
    concurrent_holds_never_overbook,
    form_mistakes_come_back_at_their_fields_with_a_summary,
    one_address_holds_only_a_few_times_at_once,
    the_per_email_cap_holds_on_the_pages,
    forms_from_elsewhere_change_nothing,
    wrong_choices_are_explained_on_the_office_page,
    the_manage_page_moves_and_offers_the_calendar_file,
    an_office_without_email_confirmation_shows_the_booking_at_once,
    a_hurried_browser_gets_one_hold_and_one_booking,
);

/// The pages of the error paths a browser test cannot easily reach (a hold that
/// ran out, caps, a rate limit, a failure on our side, bookings that lapsed or
/// were cancelled), made through the real router for the browser test to run
/// axe-core on: `(what, html)`.
fn page(what: &'static str, a: crate::support::Answer, status: u16) -> (&'static str, String) {
    assert_eq!(a.status.as_u16(), status, "{what}: {}", a.text);
    (what, a.text)
}

pub async fn pages_for_axe(lang: termin::domain::Language) -> Vec<(&'static str, String)> {
    let asked = || ("accept-language".to_string(), lang.as_str().to_string());
    let db = crate::support::Db::sqlite().await;
    let store = db.store.clone();
    let mut out = Vec::new();
    {
        let config = Config {
            rate_limits: false,
            hold_minutes_per_client: 15,
            ..Config::default()
        };
        let t = TestApp::with_config(store.clone(), config).await;
        let mut anna = {
            let mut v = Visitor::new(&t);
            v.headers.push(asked());
            v
        };
        hold(&mut anna, NINE).await;
        let mut bot = {
            let mut v = Visitor::new(&t);
            v.headers.push(asked());
            v
        };
        out.push(page("hold cap", hold(&mut bot, EIGHT).await, 429));
        let mut honeypot = ANNA.to_vec();
        honeypot[4] = ("website", "x");
        out.push(page("honeypot", send_form(&mut anna, &honeypot).await, 422));
        t.clock.advance(Duration::minutes(11));
        out.push(page("hold ran out", send_form(&mut anna, ANNA).await, 410));
        termin::hold::expire_due(&t.app).await.unwrap();

        for start in ["2026-12-02T09:00:00+01:00", "2026-12-02T10:00:00+01:00"] {
            t.book(start, "anna@example.org").await;
        }
        let mut capped = {
            let mut v = Visitor::new(&t);
            v.headers.push(asked());
            v
        };
        hold(&mut capped, NINE).await;
        out.push(page("email cap", send_form(&mut capped, ANNA).await, 409));

        let tokens: Vec<String> = t
            .deliver()
            .await
            .iter()
            .map(|m| token_in(&read_mail(m)))
            .collect();
        let mut v = {
            let mut v = Visitor::new(&t);
            v.headers.push(asked());
            v
        };
        let day = v
            .get(&format!("/b/{}/move?date=2026-12-02", tokens[0]))
            .await;
        let csrf = field_value(&day.text, "csrf").unwrap();
        let taken = "2026-12-02T10:00:00+01:00";
        out.push(page(
            "move taken",
            v.post(
                &format!("/b/{}/move", tokens[0]),
                &[("csrf", &csrf), ("start", taken)],
            )
            .await,
            409,
        ));
        v.post(&format!("/b/{}/cancel", tokens[1]), &[("csrf", &csrf)])
            .await;
        out.push(page(
            "cancelled booking",
            v.get(&format!("/b/{}", tokens[1])).await,
            200,
        ));
        t.clock.advance(Duration::hours(1));
        out.push(page(
            "lapsed booking",
            v.get(&format!("/b/{}", tokens[0])).await,
            200,
        ));
        out.push(page(
            "no free days",
            v.get(&format!("/o/test/day?{WISH}&date=2026-12-05")).await,
            200,
        ));
    }
    {
        let t = TestApp::with_config(store.clone(), Config::default()).await;
        let mut v = {
            let mut v = Visitor::new(&t);
            v.headers.push(asked());
            v
        };
        let unknown = format!("/b/{}", "0".repeat(64));
        let limited = loop {
            let a = v.get(&unknown).await;
            if a.status == StatusCode::TOO_MANY_REQUESTS {
                break a;
            }
        };
        out.push(page("rate limited", limited, 429));
    }
    // A failure on our side, as its view renders it.
    let t = termin::i18n::Texts::new(lang, termin::i18n::Catalogs::embedded());
    let failed = termin::views::errors::Problem::Failed {
        reference: "a1b2c3d4e5f6".into(),
    };
    out.push((
        "failure",
        termin::views::errors::problem(&t, &failed).into_string(),
    ));
    db.drop().await;
    out
}
