//! What a hostile test of the citizen side tried, each as a test that failed
//! before its fix: hoarded holds, spoofed mails, invisible characters, untrue
//! calendar entries, floods of moves, a done page open to others, error pages
//! that were not pages, and the small ones (the bearer's case, Secure cookies).
//! Hoarded connections and file modes need the real binary: see `processes`.

use axum::http::StatusCode;
use chrono::Duration;
use serde_json::{json, Value};
use termin::config::{Cidr, Config};
use termin::store::Store;

use crate::support::{
    booking_body, field_value, field_values, number, on_both, read_mail, texts, token_in, TestApp,
    Visitor,
};

on_both!(
    three_addresses_trying_for_ten_minutes_leave_most_of_a_day_bookable,
    holds_count_desk_minutes_per_address,
    one_address_cannot_hold_a_day_for_everybody_else,
    choosing_another_time_keeps_the_deadline_of_the_first,
    two_moves_of_one_booking_at_once_give_back_its_place_once,
    an_address_that_lets_holds_run_out_is_slowed,
    mails_to_an_unconfirmed_address_carry_no_text_the_requester_chose,
    names_are_limited_to_what_names_contain,
    invisible_characters_are_refused_and_one_address_has_one_cap,
    a_pending_booking_is_tentative_and_its_lapse_takes_the_entry_out,
    moves_are_capped_and_waiting_move_mails_are_replaced,
    the_done_page_needs_the_browser_that_booked_and_its_office,
);

/// A test app behind a trusted proxy, so that visitors can come from any address.
async fn behind_proxy(store: Store, config: Config) -> TestApp {
    TestApp::with_config(
        store,
        Config {
            rate_limits: false,
            trusted_proxies: vec![Cidr::parse("127.0.0.1/32").unwrap()],
            ..config
        },
    )
    .await
}

fn from<'t>(t: &'t TestApp, address: &str) -> Visitor<'t> {
    let mut v = Visitor::new(t);
    v.headers.push(("x-forwarded-for".into(), address.into()));
    v
}

/// Free start times of one service for one person on a day.
async fn free_times(t: &TestApp, office: &str, service: &str, date: &str) -> usize {
    let a = t
        .call(
            "GET",
            &format!("/api/v1/offices/{office}/availability?services={service}&persons=1&from={date}&to={date}"),
            None,
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    a.json["days"][0]["slots"].as_array().unwrap().len()
}

/// From a fresh browser at `address`: try to hold each start the day page offers
/// for `wish`, a new browser for each hold, until `give_up` refusals in a row.
/// Returns how many holds were taken.
async fn hoard(t: &TestApp, address: &str, office: &str, wish: &str, date: &str) -> usize {
    let mut v = from(t, address);
    let day = v.get(&format!("/o/{office}/day?{wish}&date={date}")).await;
    let starts = field_values(&day.text, "start");
    let (mut taken, mut refused) = (0, 0);
    for start in starts {
        let mut bot = from(t, address);
        let page = bot
            .get(&format!("/o/{office}/day?{wish}&date={date}"))
            .await;
        let Some(csrf) = field_value(&page.text, "csrf") else {
            break;
        };
        let mut fields: Vec<(&str, &str)> = vec![("csrf", &csrf), ("start", &start)];
        let pairs: Vec<(String, String)> = wish
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        fields.extend(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let answer = bot.post(&format!("/o/{office}/hold"), &fields).await;
        if answer.status == StatusCode::SEE_OTHER {
            taken += 1;
            refused = 0;
        } else {
            refused += 1;
            if refused >= 5 {
                break;
            }
        }
    }
    taken
}

/// Three addresses (one of them IPv6) hoard what they can on a Monday at both
/// demo offices, with the longest booking one person may make and with short
/// ones, renewing their holds every minute for ten minutes. Most of the day
/// stays bookable for everybody else.
async fn three_addresses_trying_for_ten_minutes_leave_most_of_a_day_bookable(store: Store) {
    let t = behind_proxy(store, Config::default()).await;
    termin::staff::import(&t.app, termin::DEMO_OFFICES)
        .await
        .unwrap();
    let monday = "2026-12-07";
    let before_nordwest = free_times(&t, "nordwest", "anmeldung", monday).await;
    let before_mitte = free_times(&t, "mitte", "anmeldung", monday).await;
    assert_eq!(before_nordwest, 40, "08:30 to 12:00 on a five-minute grid");
    let long_nordwest =
        "service=anmeldung&service=personalausweis&service=ausweis-abholen&persons=5";
    let long_mitte = "service=anmeldung&service=personalausweis&service=reisepass&persons=5";
    let short = "service=anmeldung&persons=1";
    let attackers = ["203.0.113.7", "198.51.100.9", "2001:db8:7:7::1"];
    let mut held = 0;
    let (mut worst_nordwest, mut worst_mitte) = (before_nordwest, before_mitte);
    for minute in 0..10 {
        for address in attackers {
            for (office, long) in [("nordwest", long_nordwest), ("mitte", long_mitte)] {
                held += hoard(&t, address, office, long, monday).await;
                held += hoard(&t, address, office, short, monday).await;
            }
        }
        // The worst moment: every hold the attackers could take is taken.
        worst_nordwest = worst_nordwest.min(free_times(&t, "nordwest", "anmeldung", monday).await);
        worst_mitte = worst_mitte.min(free_times(&t, "mitte", "anmeldung", monday).await);
        // Somebody else can still hold a time at Mitte and book it, then and there.
        let mut citizen = from(&t, "192.0.2.44");
        let page = citizen
            .get(&format!("/o/mitte/day?{short}&date={monday}"))
            .await;
        let start = field_values(&page.text, "start")
            .pop()
            .expect("a free time");
        let csrf = field_value(&page.text, "csrf").unwrap();
        let held = citizen
            .post(
                "/o/mitte/hold",
                &[
                    ("csrf", &csrf),
                    ("service", "anmeldung"),
                    ("persons", "1"),
                    ("start", &start),
                ],
            )
            .await;
        assert_eq!(held.status, StatusCode::SEE_OTHER, "{}", held.text);
        let form = citizen.get("/o/mitte/details").await;
        let csrf = field_value(&form.text, "csrf").unwrap();
        let booked = citizen
            .post(
                "/o/mitte/details",
                &[
                    ("csrf", &csrf),
                    ("name", "Anna Beispiel"),
                    (
                        "email",
                        &format!("anna.{}@example.org", termin::bench::letters(minute)),
                    ),
                    ("consent", "yes"),
                ],
            )
            .await;
        assert_eq!(booked.status, StatusCode::SEE_OTHER, "{}", booked.text);
        t.clock.advance(Duration::minutes(1));
        termin::hold::expire_due(&t.app).await.unwrap();
    }
    let (after_nordwest, after_mitte) = (worst_nordwest, worst_mitte);
    assert!(held > 0, "the attackers could hold something at all");
    assert!(
        after_nordwest * 100 >= before_nordwest * 60,
        "Ortsamt Nordwest keeps most of its Monday: {after_nordwest} of {before_nordwest} free times"
    );
    assert!(
        after_mitte * 100 >= before_mitte * 60,
        "Bürgerbüro Mitte keeps most of its Monday: {after_mitte} of {before_mitte} free times"
    );
}

async fn hold_with(v: &mut Visitor<'_>, wish: &[(&str, &str)], start: &str) -> StatusCode {
    let day = v
        .get("/o/test/day?service=anmeldung&persons=1&date=2026-12-01")
        .await;
    let csrf = field_value(&day.text, "csrf").unwrap();
    let mut fields = vec![("csrf", csrf.as_str()), ("start", start)];
    fields.extend_from_slice(wish);
    v.post("/o/test/hold", &fields).await.status
}

const ONE: &[(&str, &str)] = &[("service", "anmeldung"), ("persons", "1")];

/// An address may hold what one booking may take in one hold, and at most
/// `TERMIN_HOLD_MINUTES_PER_CLIENT` desk-minutes in all.
async fn holds_count_desk_minutes_per_address(store: Store) {
    let t = behind_proxy(
        store.clone(),
        Config {
            hold_minutes_per_client: 30,
            hold_share_percent: 100,
            ..Config::default()
        },
    )
    .await;
    // A family of four registering: 60 minutes, more than the address's 30, alone.
    let family = [("service", "anmeldung"), ("persons", "4")];
    let mut a = from(&t, "203.0.113.1");
    assert_eq!(
        hold_with(&mut a, &family, "2026-12-01T08:00:00+01:00").await,
        StatusCode::SEE_OTHER
    );
    // Nothing more from that address while it holds the hour.
    let mut a2 = from(&t, "203.0.113.1");
    assert_eq!(
        hold_with(&mut a2, ONE, "2026-12-01T10:00:00+01:00").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Two quarter hours from another address, not a third.
    for (n, start) in ["2026-12-01T10:00:00+01:00", "2026-12-01T10:15:00+01:00"]
        .into_iter()
        .enumerate()
    {
        let mut b = from(&t, "2001:db8:1:2::10");
        assert_eq!(
            hold_with(&mut b, ONE, start).await,
            StatusCode::SEE_OTHER,
            "{n}"
        );
    }
    // The same /64, another host: the same client.
    let mut b3 = from(&t, "2001:db8:1:2:ffff::1");
    assert_eq!(
        hold_with(&mut b3, ONE, "2026-12-01T10:30:00+01:00").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        number(&store, "SELECT CAST(SUM(minutes) AS BIGINT) FROM holds").await,
        90
    );
}

/// One address takes what it may of a counter's day, and a quarter of the day's
/// share at most: other addresses still hold and book. A hold longer than an
/// address may hold of the day is refused with a plain message (the API,
/// which holds nothing, still books it).
async fn one_address_cannot_hold_a_day_for_everybody_else(store: Store) {
    let t = behind_proxy(store, Config::default()).await;
    let mut taken = 0;
    let mut last = StatusCode::SEE_OTHER;
    for hour in 8..12 {
        for quarter in [0, 15, 30, 45] {
            let mut bot = from(&t, "203.0.113.66");
            last = hold_with(
                &mut bot,
                ONE,
                &format!("2026-12-01T{hour:02}:{quarter:02}:00+01:00"),
            )
            .await;
            if last != StatusCode::SEE_OTHER {
                break;
            }
            taken += 1;
        }
        if last != StatusCode::SEE_OTHER {
            break;
        }
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(taken, 2, "half an hour of a 240-minute day");
    let mut other = from(&t, "198.51.100.77");
    assert_eq!(
        hold_with(&mut other, ONE, "2026-12-01T11:45:00+01:00").await,
        StatusCode::SEE_OTHER
    );
    let mut family = from(&t, "192.0.2.88");
    let day = family
        .get("/o/test/day?service=anmeldung&persons=1&date=2026-12-02")
        .await;
    let csrf = field_value(&day.text, "csrf").unwrap();
    let long = family
        .post(
            "/o/test/hold",
            &[
                ("csrf", &csrf),
                ("service", "anmeldung"),
                ("service", "ausweis"),
                ("persons", "3"),
                ("start", "2026-12-02T08:00:00+01:00"),
            ],
        )
        .await;
    assert_eq!(long.status, StatusCode::CONFLICT);
    assert!(
        long.text.contains("Zu lang, um vorgemerkt zu werden"),
        "{}",
        long.text
    );
    let mut body = booking_body("2026-12-02T08:00:00+01:00", "familie@example.org");
    body["services"] = json!(["anmeldung", "ausweis"]);
    body["persons"] = json!(3);
    assert_eq!(
        t.call("POST", "/api/v1/bookings", Some(&body)).await.status,
        StatusCode::CREATED
    );
}

/// A browser that chooses another time keeps the deadline of the hold it had:
/// choosing again and again holds nothing for longer.
async fn choosing_another_time_keeps_the_deadline_of_the_first(store: Store) {
    let t = behind_proxy(store, Config::default()).await;
    let mut v = from(&t, "203.0.113.9");
    assert_eq!(
        hold_with(&mut v, ONE, "2026-12-01T09:00:00+01:00").await,
        StatusCode::SEE_OTHER
    );
    t.clock.advance(Duration::minutes(8));
    assert_eq!(
        hold_with(&mut v, ONE, "2026-12-01T10:00:00+01:00").await,
        StatusCode::SEE_OTHER
    );
    let form = v.get("/o/test/details").await;
    assert!(form.text.contains("10:00 Uhr"));
    assert!(
        form.text.contains("07:10 Uhr"),
        "held until ten minutes after the first choice"
    );
    // Run out, not swept yet, and chosen again: that counts as letting it run out.
    t.clock.advance(Duration::minutes(3));
    assert_eq!(
        hold_with(&mut v, ONE, "2026-12-01T10:15:00+01:00").await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        number(&t.app.store, "SELECT lapsed FROM hold_quota").await,
        1
    );
}

/// Two moves of one booking sent at once: one wins, and the place it had is
/// given back once (on PostgreSQL both used to give it back).
async fn two_moves_of_one_booking_at_once_give_back_its_place_once(store: Store) {
    let t = std::sync::Arc::new(TestApp::new(store).await);
    let mut tokens = Vec::new();
    for (i, hour) in (8..11).enumerate() {
        let mut body = booking_body(
            &format!("2026-12-03T{hour:02}:00:00+01:00"),
            &format!("p{}@example.org", termin::bench::letters(i)),
        );
        body["services"] = json!(["zulassung"]);
        assert_eq!(
            t.call("POST", "/api/v1/bookings", Some(&body)).await.status,
            StatusCode::CREATED
        );
    }
    for m in t.deliver().await {
        tokens.push(token_in(&read_mail(&m)));
    }
    for round in 0..4 {
        for token in &tokens {
            let mut tasks = Vec::new();
            for minute in [0, 30] {
                let (t, token) = (t.clone(), token.clone());
                let start = format!("2026-12-04T{:02}:{minute:02}:00+01:00", 8 + round);
                tasks.push(tokio::spawn(async move {
                    t.call(
                        "POST",
                        &format!("/api/v1/bookings/{token}/move"),
                        Some(&json!({ "start": start })),
                    )
                    .await
                    .status
                }));
            }
            for task in tasks {
                let status = task.await.unwrap();
                assert!(
                    matches!(status, StatusCode::OK | StatusCode::CONFLICT),
                    "{status}"
                );
            }
        }
    }
    // Each booking of 30 minutes on a 15-minute grid takes two cells.
    assert_eq!(t.app.store.booked_cells("test", "kfz").await.unwrap(), 6);
    assert!(number(&t.app.store, "SELECT MAX(moves) FROM bookings").await <= 5);
}

/// Holds that run out unused again and again slow their address down: two are
/// forgiven, the third makes it wait a minute; a booking ends the slowing.
async fn an_address_that_lets_holds_run_out_is_slowed(store: Store) {
    let t = behind_proxy(store, Config::default()).await;
    for round in 0..3 {
        let mut v = from(&t, "203.0.113.5");
        assert_eq!(
            hold_with(&mut v, ONE, "2026-12-01T09:00:00+01:00").await,
            StatusCode::SEE_OTHER,
            "round {round}"
        );
        t.clock.advance(Duration::minutes(11));
        termin::hold::expire_due(&t.app).await.unwrap();
    }
    let mut v = from(&t, "203.0.113.5");
    let day = v
        .get("/o/test/day?service=anmeldung&persons=1&date=2026-12-01")
        .await;
    let csrf = field_value(&day.text, "csrf").unwrap();
    let slowed = v
        .post(
            "/o/test/hold",
            &[
                ("csrf", &csrf),
                ("service", "anmeldung"),
                ("persons", "1"),
                ("start", "2026-12-01T10:00:00+01:00"),
            ],
        )
        .await;
    assert_eq!(slowed.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(slowed.headers["retry-after"], "60");
    assert!(slowed.text.contains("Bitte warten Sie einen Moment"));
    // Others are not slowed.
    let mut other = from(&t, "198.51.100.1");
    assert_eq!(
        hold_with(&mut other, ONE, "2026-12-01T10:00:00+01:00").await,
        StatusCode::SEE_OTHER
    );
    // A minute later the address may hold again, and booking forgives it.
    t.clock.advance(Duration::seconds(61));
    let mut v = from(&t, "203.0.113.5");
    assert_eq!(
        hold_with(&mut v, ONE, "2026-12-01T10:30:00+01:00").await,
        StatusCode::SEE_OTHER
    );
    let form = v.get("/o/test/details").await;
    let csrf = field_value(&form.text, "csrf").unwrap();
    let booked = v
        .post(
            "/o/test/details",
            &[
                ("csrf", &csrf),
                ("name", "Anna Beispiel"),
                ("email", "anna@example.org"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(booked.status, StatusCode::SEE_OTHER, "{}", booked.text);
    assert_eq!(
        number(
            &t.app.store,
            "SELECT COUNT(*) FROM hold_quota WHERE lapsed > 0 OR slow_until > 0"
        )
        .await,
        0
    );
}

/// Anyone can type anyone's address: until it is confirmed, the mails to it say
/// nothing the requester chose. The name greets only once the address owner
/// has confirmed.
async fn mails_to_an_unconfirmed_address_carry_no_text_the_requester_chose(store: Store) {
    let t = TestApp::new(store).await;
    let mut body = booking_body("2026-12-02T09:00:00+01:00", "victim@example.org");
    body["name"] = json!("Zahlmich Sofort");
    let created = t.call("POST", "/api/v1/bookings", Some(&body)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let sent = t.deliver().await;
    let raw = sent[0].text();
    let please = read_mail(&sent[0]);
    assert!(please.subject.starts_with("Bitte bestätigen"));
    assert!(please.text.starts_with("Guten Tag,"), "{}", please.text);
    for part in [raw.as_str(), &please.text, &please.html] {
        assert!(
            !part.contains("Zahlmich"),
            "the name is in the mail: {part}"
        );
    }
    let token = token_in(&please);

    // A move before the confirmation: its calendar file names nobody either.
    let moved = t
        .call(
            "POST",
            &format!("/api/v1/bookings/{token}/move"),
            Some(&json!({"start": "2026-12-02T10:00:00+01:00"})),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text);
    let sent = t.deliver().await;
    let moved_mail = sent.last().unwrap();
    assert!(!moved_mail.text().contains("Zahlmich"));
    let calendar = read_mail(moved_mail).calendar.expect("a calendar file");
    assert!(calendar.contains("STATUS:TENTATIVE"), "{calendar}");

    // Confirmed by the owner of the address: now the mails greet by name.
    t.call(
        "POST",
        "/api/v1/bookings/confirm",
        Some(&json!({ "token": token })),
    )
    .await;
    let sent = t.deliver().await;
    let confirmed = read_mail(sent.last().unwrap());
    assert!(confirmed.subject.starts_with("Ihr Termin ist bestätigt"));
    assert!(confirmed.text.starts_with("Guten Tag Zahlmich Sofort,"));
    let calendar = confirmed.calendar.unwrap();
    assert!(calendar.contains("STATUS:CONFIRMED"), "{calendar}");
}

async fn names_are_limited_to_what_names_contain(store: Store) {
    let t = TestApp::new(store.clone()).await;
    for bad in [
        "Anna Bitte zahlen Sie 50 EUR: https://evil.example/pay",
        "<a href=x>Anna</a>",
        "Anna 2",
    ] {
        let mut body = booking_body("2026-12-02T09:00:00+01:00", "anna@example.org");
        body["name"] = json!(bad);
        let refused = t.call("POST", "/api/v1/bookings", Some(&body)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert_eq!(refused.json["fields"][0]["field"], "name", "{bad}");
        assert!(refused.json["fields"][0]["message"]
            .as_str()
            .unwrap()
            .contains("letters"));
    }
    // The page says it plainly at the field.
    let mut v = Visitor::new(&t);
    assert_eq!(
        hold_with(&mut v, ONE, "2026-12-01T09:00:00+01:00").await,
        StatusCode::SEE_OTHER
    );
    let form = v.get("/o/test/details").await;
    let csrf = field_value(&form.text, "csrf").unwrap();
    let page = v
        .post(
            "/o/test/details",
            &[
                ("csrf", &csrf),
                ("name", "Anna: https://evil.example/pay"),
                ("email", "anna@example.org"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page
        .text
        .contains("Bitte nur Buchstaben, Leerzeichen, Apostrophe, Bindestriche und Punkte."));
    for fine in [
        "Zoë d’Arcy-Lüdenscheidt",
        "Олена Шевченко",
        "محمد الأحمد",
        "J. R. Tolkien",
    ] {
        let mut body = booking_body("2026-12-03T09:00:00+01:00", "fine@example.org");
        body["name"] = json!(fine);
        let ok = t.call("POST", "/api/v1/bookings", Some(&body)).await;
        assert_eq!(ok.status, StatusCode::CREATED, "{fine}: {}", ok.text);
        let token = token_in(&read_mail(t.deliver().await.last().unwrap()));
        t.call("DELETE", &format!("/api/v1/bookings/{token}"), None)
            .await;
    }
    assert_eq!(
        number(
            &store,
            "SELECT COUNT(*) FROM bookings WHERE status <> 'cancelled'"
        )
        .await,
        0
    );
}

async fn invisible_characters_are_refused_and_one_address_has_one_cap(store: Store) {
    let t = TestApp::new(store.clone()).await;
    let refused = |field: &'static str, value: &'static str| {
        let t = &t;
        async move {
            let mut body = booking_body("2026-12-02T09:00:00+01:00", "anna@example.org");
            body[field] = json!(value);
            let a = t.call("POST", "/api/v1/bookings", Some(&body)).await;
            assert_eq!(
                a.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{field} {value:?}"
            );
            assert_eq!(a.json["fields"][0]["field"], field, "{value:?}");
            a.json["fields"][0]["message"].as_str().unwrap().to_string()
        }
    };
    for name in [
        "Anna\u{202E}tsieB",
        "An\u{200B}na",
        "Anna\u{2060}",
        "\u{FEFF}Anna",
        "An\u{200D}na",
        "\u{3164}",
        "\u{115F}\u{3164}",
        "Anna\u{034F}",
        "An\u{FE0F}na",
    ] {
        assert!(refused("name", name).await.contains("invisible"));
    }
    assert!(refused("email", "cap\u{200D}@example.de")
        .await
        .contains("invisible"));
    assert!(refused("phone", "0381\u{200B}123456")
        .await
        .contains("invisible"));
    assert!(refused("email", "jürgen@example.de")
        .await
        .contains("before the @"));
    assert_eq!(number(&store, "SELECT COUNT(*) FROM bookings").await, 0);

    // An internationalised domain is stored and mailed to as punycode.
    let idn = t.book("2026-12-02T09:00:00+01:00", "anna@müller.de").await;
    assert_eq!(idn.status, StatusCode::CREATED, "{}", idn.text);
    assert_eq!(
        read_mail(t.deliver().await.last().unwrap()).to,
        "anna@xn--mller-kva.de"
    );

    // The cap of cap@example.de (two bookings) counts full-width and upper-case spellings too.
    for (start, email) in [
        ("2026-12-03T09:00:00+01:00", "cap@example.de"),
        ("2026-12-03T10:00:00+01:00", "CAP@ｅｘａｍｐｌｅ.de"),
    ] {
        assert_eq!(
            t.book(start, email).await.status,
            StatusCode::CREATED,
            "{email}"
        );
    }
    let third = t
        .book("2026-12-03T11:00:00+01:00", "Cap+3@EXAMPLE.de")
        .await;
    assert_eq!(third.status, StatusCode::CONFLICT, "{}", third.text);
    assert_eq!(third.json["error"], "email_cap");

    // Bytes that are not UTF-8 in a form are refused, and nothing is booked.
    let mut v = Visitor::new(&t);
    assert_eq!(
        hold_with(&mut v, ONE, "2026-12-01T09:00:00+01:00").await,
        StatusCode::SEE_OTHER
    );
    let form = v.get("/o/test/details").await;
    let csrf = field_value(&form.text, "csrf").unwrap();
    let before = number(&store, "SELECT COUNT(*) FROM bookings").await;
    let garbled = v
        .post_raw(
            "/o/test/details",
            format!("csrf={csrf}&name=Anna%FF%FE&email=anna%40example.org&consent=yes"),
        )
        .await;
    assert_eq!(garbled.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(garbled.text.contains("Formular nicht lesbar"));
    assert_eq!(
        number(&store, "SELECT COUNT(*) FROM bookings").await,
        before
    );
}

/// The calendar file of a booking not yet confirmed says TENTATIVE; when such a
/// booking lapses after its file went out, a short mail takes the entry out.
async fn a_pending_booking_is_tentative_and_its_lapse_takes_the_entry_out(store: Store) {
    let t = TestApp::new(store).await;
    assert_eq!(
        t.book("2026-12-02T09:00:00+01:00", "anna@example.org")
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        t.book("2026-12-02T10:00:00+01:00", "ben@example.org")
            .await
            .status,
        StatusCode::CREATED
    );
    let mails = t.deliver().await;
    let anna = token_in(&read_mail(&mails[0]));
    let mut v = Visitor::new(&t);
    let file = v.get(&format!("/b/{anna}/calendar.ics")).await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(file.text.contains("STATUS:TENTATIVE"), "{}", file.text);
    let uid = file
        .text
        .lines()
        .find_map(|l| l.strip_prefix("UID:"))
        .unwrap()
        .to_string();

    // Neither confirms; both lapse. Only Anna, who has the entry, is written to.
    t.clock.advance(Duration::minutes(31));
    termin::booking::expire_due(&t.app).await.unwrap();
    let mails = t.deliver().await;
    assert_eq!(
        mails.len(),
        3,
        "two please-confirm mails and one lapse mail"
    );
    let lapsed = read_mail(&mails[2]);
    assert_eq!(lapsed.to, "anna@example.org");
    assert!(
        lapsed.subject.starts_with("Ihr Termin ist verfallen"),
        "{}",
        lapsed.subject
    );
    let calendar = lapsed.calendar.expect("a calendar file that cancels");
    assert!(calendar.contains("METHOD:CANCEL"));
    assert!(calendar.contains("STATUS:CANCELLED"));
    assert!(calendar.contains(&format!("UID:{uid}")));
    let sequence = |ics: &str| -> i64 {
        ics.lines()
            .find_map(|l| l.strip_prefix("SEQUENCE:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    };
    assert!(sequence(&calendar) > sequence(&file.text));
    assert!(
        !lapsed.text.contains("/b/"),
        "no link to a booking that is gone"
    );
}

/// Five moves a booking, then a plain 409; moves in a hurry make one mail with
/// the latest time, and mails about moves go out at most once a minute.
async fn moves_are_capped_and_waiting_move_mails_are_replaced(store: Store) {
    let t = TestApp::new(store).await;
    assert_eq!(
        t.book("2026-12-02T08:00:00+01:00", "anna@example.org")
            .await
            .status,
        StatusCode::CREATED
    );
    let token = token_in(&read_mail(&t.deliver().await[0]));
    let move_to = |start: String| {
        let (t, token) = (&t, token.clone());
        async move {
            t.call(
                "POST",
                &format!("/api/v1/bookings/{token}/move"),
                Some(&json!({ "start": start })),
            )
            .await
        }
    };
    for hour in 9..=11 {
        let a = move_to(format!("2026-12-02T{hour:02}:00:00+01:00")).await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    }
    let mails = t.deliver().await;
    let moved: Vec<_> = mails[1..].iter().map(read_mail).collect();
    assert_eq!(moved.len(), 1, "three moves in a hurry, one mail");
    assert!(moved[0].subject.contains("11:00"), "{}", moved[0].subject);

    // One more move right after a mail went out: its mail waits a minute.
    assert_eq!(
        move_to("2026-12-03T09:00:00+01:00".into()).await.status,
        StatusCode::OK
    );
    assert_eq!(t.deliver().await.len(), mails.len(), "not yet");
    t.clock.advance(Duration::seconds(61));
    let later = t.deliver().await;
    assert_eq!(later.len(), mails.len() + 1);
    assert!(read_mail(later.last().unwrap())
        .subject
        .contains("3. Dezember"));

    // The fifth move is the last.
    assert_eq!(
        move_to("2026-12-03T10:00:00+01:00".into()).await.status,
        StatusCode::OK
    );
    let refused = move_to("2026-12-03T11:00:00+01:00".into()).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.json["error"], "moved_too_often");
    assert!(refused.json["message"]
        .as_str()
        .unwrap()
        .contains("5 times"));
    let read = t
        .call("GET", &format!("/api/v1/bookings/{token}"), None)
        .await;
    assert!(read.json["start"]
        .as_str()
        .unwrap()
        .starts_with("2026-12-03T10:00"));
    // The page says so too.
    let mut v = Visitor::new(&t);
    let page = v.get(&format!("/b/{token}/move?date=2026-12-04")).await;
    let csrf = field_value(&page.text, "csrf").unwrap();
    let refused = v
        .post(
            &format!("/b/{token}/move"),
            &[("csrf", &csrf), ("start", "2026-12-04T09:00:00+01:00")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.text.contains("Nicht noch einmal verschiebbar"));

    // A move's mail that waits its minute is not sent once the booking is
    // cancelled meanwhile: the cancellation is the last word.
    t.clock.advance(Duration::seconds(61));
    t.deliver().await;
    let other = t.book("2026-12-07T08:00:00+01:00", "ben@example.org").await;
    assert_eq!(other.status, StatusCode::CREATED);
    let sent = t.deliver().await;
    let ben = token_in(&read_mail(sent.last().unwrap()));
    for hour in [9, 10] {
        t.call(
            "POST",
            &format!("/api/v1/bookings/{ben}/move"),
            Some(&json!({ "start": format!("2026-12-07T{hour:02}:00:00+01:00") })),
        )
        .await;
        t.deliver().await;
    }
    let before = t.deliver().await.len();
    t.call("DELETE", &format!("/api/v1/bookings/{ben}"), None)
        .await;
    t.clock.advance(Duration::seconds(61));
    let sent = t.deliver().await;
    let after: Vec<String> = sent[before..]
        .iter()
        .map(|m| read_mail(m).subject)
        .collect();
    assert_eq!(after.len(), 1, "{after:?}");
    assert!(
        after[0].starts_with("Ihr Termin wurde abgesagt"),
        "{after:?}"
    );
}

/// The hold cookie alone shows nothing: the done page needs the browser that
/// booked (its form cookie too), and the office in its path.
async fn the_done_page_needs_the_browser_that_booked_and_its_office(store: Store) {
    let t = TestApp::new(store).await;
    let mut v = Visitor::new(&t);
    let day = v
        .get("/o/test/day?service=anmeldung&persons=1&date=2026-12-01")
        .await;
    let csrf = field_value(&day.text, "csrf").unwrap();
    let held = v
        .post(
            "/o/test/hold",
            &[
                ("csrf", &csrf),
                ("service", "anmeldung"),
                ("persons", "1"),
                ("start", "2026-12-01T09:00:00+01:00"),
            ],
        )
        .await;
    let cookie = held.headers["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("hold="));
    assert!(!cookie.contains("Max-Age"), "a session cookie: {cookie}");
    let form = v.get("/o/test/details").await;
    let csrf = field_value(&form.text, "csrf").unwrap();
    v.post(
        "/o/test/details",
        &[
            ("csrf", &csrf),
            ("name", "Anna Beispiel"),
            ("email", "anna@example.org"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert!(v
        .get("/o/test/done")
        .await
        .text
        .contains("anna@example.org"));

    // Somebody with the hold cookie only, from another browser.
    let mut other = Visitor::new(&t);
    other.headers.push((
        "cookie".into(),
        format!("hold={}", v.cookie("hold").unwrap()),
    ));
    let stolen = other.get("/o/test/done").await;
    assert_eq!(stolen.status, StatusCode::GONE);
    assert!(!stolen.text.contains("anna@example.org"));
    // The same browser under another office's path.
    termin::staff::import(
        &t.app,
        &crate::support::TEST_OFFICE.replace("id = \"test\"", "id = \"zwei\""),
    )
    .await
    .unwrap();
    let other_office = v.get("/o/zwei/done").await;
    assert_eq!(other_office.status, StatusCode::GONE);
    assert!(!other_office.text.contains("anna@example.org"));
}

#[tokio::test]
async fn people_get_pages_for_errors_and_programs_get_json() {
    let db = crate::support::Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    let page = |a: &crate::support::Answer| {
        a.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
            && a.text.matches("<h1>").count() == 1
    };
    let missing = t.request("GET", "/no/such/page", None, &[]).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(page(&missing) && missing.text.contains("Seite nicht gefunden"));
    let english = t
        .request("GET", "/no/such/page", None, &[("accept-language", "en")])
        .await;
    assert!(english.text.contains("Page not found"));
    let wrong_method = t.request("DELETE", "/privacy", None, &[]).await;
    assert_eq!(wrong_method.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(page(&wrong_method));
    assert!(wrong_method.headers.contains_key("allow"));
    // The API stays JSON.
    let api = t.request("GET", "/api/v1/no/such", None, &[]).await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.json["error"], "not_found");

    // A form body of the wrong type, and one too large.
    let mut v = Visitor::new(&t);
    let day = v
        .get("/o/test/day?service=anmeldung&persons=1&date=2026-12-01")
        .await;
    let csrf = field_value(&day.text, "csrf").unwrap();
    let plain = v
        .send_typed(
            "/o/test/hold",
            "text/plain",
            format!("csrf={csrf}&service=anmeldung&persons=1"),
        )
        .await;
    assert_eq!(plain.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(page(&plain), "{}", plain.text);
    let huge = v
        .post_raw(
            "/o/test/hold",
            format!("csrf={csrf}&x={}", "a".repeat(40_000)),
        )
        .await;
    assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(page(&huge), "{}", huge.text);
    db.drop().await;
}

#[tokio::test]
async fn api_keys_are_read_in_any_case_and_a_401_says_how() {
    let db = crate::support::Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    let key = termin::staff::add_api_key(
        &t.app,
        &termin::staff::Staff::cli(),
        "back office",
        None,
        None,
    )
    .await
    .unwrap();
    let path = "/api/v1/offices/test/appointments?date=2026-12-01";
    for scheme in ["Bearer", "bearer", "BEARER"] {
        let auth = format!("{scheme} {key}");
        let a = t
            .request("GET", path, None, &[("authorization", &auth)])
            .await;
        assert_eq!(a.status, StatusCode::OK, "{scheme}");
    }
    let missing = t.request("GET", path, None, &[]).await;
    assert_eq!(missing.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        missing.headers["www-authenticate"],
        "Bearer realm=\"termin\""
    );
    let wrong = t
        .request(
            "GET",
            path,
            None,
            &[("authorization", "Basic dXNlcjpwdw==")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    db.drop().await;
}

#[tokio::test]
async fn over_https_every_cookie_is_secure_and_browsers_are_told_to_stay() {
    let db = crate::support::Db::sqlite().await;
    let t = TestApp::with_config(
        db.store.clone(),
        Config {
            rate_limits: false,
            public_url: "https://termine.example.de".into(),
            ..Config::default()
        },
    )
    .await;
    let mut v = Visitor::new(&t);
    let day = v
        .get("/o/test/day?service=anmeldung&persons=1&date=2026-12-01&lang=en")
        .await;
    let cookies: Vec<&str> = day
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|c| c.to_str().unwrap())
        .collect();
    assert!(cookies.iter().any(|c| c.starts_with("lang=")));
    assert!(cookies.iter().any(|c| c.starts_with("csrf=")));
    for c in &cookies {
        assert!(c.contains("; Secure"), "{c}");
    }
    assert!(day.headers["strict-transport-security"]
        .to_str()
        .unwrap()
        .starts_with("max-age="));
    let csrf = field_value(&day.text, "csrf").unwrap();
    let held = v
        .post(
            "/o/test/hold",
            &[
                ("csrf", &csrf),
                ("service", "anmeldung"),
                ("persons", "1"),
                ("start", "2026-12-01T09:00:00+01:00"),
            ],
        )
        .await;
    assert!(held.headers["set-cookie"]
        .to_str()
        .unwrap()
        .contains("; Secure"));
    // Over plain HTTP (the default), no HSTS.
    let plain = TestApp::new(db.store.clone()).await;
    assert!(plain
        .request("GET", "/", None, &[])
        .await
        .headers
        .get("strict-transport-security")
        .is_none());
    db.drop().await;
}

/// Read the whole outbox of a store as (kind, status) pairs; for debugging failures.
#[allow(dead_code)]
async fn outbox(store: &Store) -> Vec<Value> {
    texts(
        store,
        "SELECT kind || ':' || status FROM outbox ORDER BY id",
    )
    .await
    .into_iter()
    .map(|s| json!(s))
    .collect()
}
