//! The staff's pages through the real router with a fixed clock, as a browser without
//! JavaScript uses them: signing in and out, the front desk, the desk, the kiosk, the
//! display and its event stream, a ticket's own page, the day board, the audit log and
//! the users page; roles kept apart, and no personal data where the public looks.

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::json;
use tower::ServiceExt;

use termin::staff::{self, Staff};
use termin::store::Store;

use crate::support::{
    attrs, number, on_both, read_mail, select, texts, token_in, Answer, TestApp, Visitor,
};

const PASSWORD: &str = "correct horse battery";

/// The test office confirming at once, and a second office "other".
pub(crate) async fn offices(store: Store) -> TestApp {
    let t = TestApp::new(store).await;
    let test = crate::support::TEST_OFFICE
        .replace("confirm_within_minutes = 30", "confirm_within_minutes = 0");
    let other = test
        .replace("id = \"test\"", "id = \"other\"")
        .replace("Bürgerbüro Test", "Bürgerbüro Anders");
    staff::import(&t.app, &format!("{test}\n{other}"))
        .await
        .unwrap();
    t
}

pub(crate) async fn user(t: &TestApp, email: &str, role: &str, office: Option<&str>) {
    staff::add_user(&t.app, &Staff::cli(), email, role, office, PASSWORD)
        .await
        .unwrap();
}

/// A form sent from a page of ours: with the visitor's form token.
pub(crate) async fn send(v: &mut Visitor<'_>, uri: &str, fields: &[(&str, &str)]) -> Answer {
    if v.cookie("csrf").is_none() {
        v.get("/staff/login").await;
    }
    let csrf = v.cookie("csrf").unwrap().to_string();
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    v.post(uri, &all).await
}

async fn sign_in(v: &mut Visitor<'_>, email: &str, password: &str) -> Answer {
    send(
        v,
        "/staff/login",
        &[("email", email), ("password", password), ("next", "/staff")],
    )
    .await
}

/// A staff member signed in through the login form.
pub(crate) async fn signed_in<'t>(t: &'t TestApp, email: &str) -> Visitor<'t> {
    let mut v = Visitor::new(t);
    let answer = sign_in(&mut v, email, PASSWORD).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.text);
    v
}

fn location(a: &Answer) -> String {
    a.headers[header::LOCATION].to_str().unwrap().to_string()
}

fn texts_of(lang: termin::domain::Language) -> termin::i18n::Texts {
    termin::i18n::Texts::new(lang, termin::i18n::Catalogs::embedded())
}

fn german() -> termin::i18n::Texts {
    texts_of(termin::domain::Language::De)
}

/// Book `start` at the test office as a person with a name, address and phone of their own.
async fn booked_by(t: &TestApp, start: &str, name: &str, email: &str, phone: &str) -> String {
    let body = json!({
        "office": "test", "services": ["anmeldung"], "persons": 1, "start": start,
        "name": name, "email": email, "phone": phone,
    });
    let b = t.call("POST", "/api/v1/bookings", Some(&body)).await;
    assert_eq!(b.status, StatusCode::CREATED, "{}", b.text);
    b.json["id"].as_str().unwrap().to_string()
}

/// The first `board` event of a live part's stream, as its script receives it.
async fn first_event(t: &TestApp, v: &Visitor<'_>, uri: &str) -> String {
    let mut req = Request::builder().uri(uri);
    let jar: Vec<String> = ["csrf", "termin_staff"]
        .iter()
        .filter_map(|k| v.cookie(k).map(|c| format!("{k}={c}")))
        .collect();
    if !jar.is_empty() {
        req = req.header(header::COOKIE, jar.join("; "));
    }
    let response = t
        .router
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{uri}");
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/event-stream",
        "{uri}"
    );
    let mut body = response.into_body();
    let mut seen = String::new();
    while !seen.contains("\n\n") {
        let frame = tokio::time::timeout(Duration::from_secs(5), body.frame())
            .await
            .expect("an event within seconds")
            .expect("the stream goes on")
            .unwrap();
        if let Ok(data) = frame.into_data() {
            seen.push_str(&String::from_utf8_lossy(&data));
        }
    }
    assert!(seen.starts_with("event: board\n"), "{seen}");
    seen
}

on_both!(
    signing_in_sets_a_strict_session_cookie_and_signing_out_ends_the_session_on_the_server,
    the_desk_calls_next_shows_the_name_there_only_and_refuses_double_clicks_and_old_pages,
);

async fn signing_in_sets_a_strict_session_cookie_and_signing_out_ends_the_session_on_the_server(
    store: Store,
) {
    let t = offices(store).await;
    user(&t, "clara@stadt.example", "clerk", Some("test")).await;
    let de = german();
    let mut v = Visitor::new(&t);

    // Without a session a staff page sends to the login, and back after it.
    let away = v.get("/staff/test/desk?desk=1").await;
    assert_eq!(away.status, StatusCode::SEE_OTHER);
    assert_eq!(
        location(&away),
        "/staff/login?next=%2Fstaff%2Ftest%2Fdesk%3Fdesk%3D1"
    );
    let form = v.get(&location(&away)).await;
    assert_eq!(
        attrs(&form.text, "input[name=next]", "value"),
        ["/staff/test/desk?desk=1"]
    );

    // A wrong password and an unknown address get the same answer.
    let wrong = sign_in(&mut v, "clara@stadt.example", "not the password").await;
    let unknown = sign_in(&mut v, "nobody@stadt.example", PASSWORD).await;
    for a in [&wrong, &unknown] {
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
        assert_eq!(
            select(&a.text, ".error-summary p"),
            [termin::t!(de, "login-refused")]
        );
        assert!(a
            .headers
            .get(header::SET_COOKIE)
            .is_none_or(|c| !c.to_str().unwrap().starts_with("termin_staff")));
    }

    let ok = send(
        &mut v,
        "/staff/login",
        &[
            ("email", "Clara@Stadt.example"),
            ("password", PASSWORD),
            ("next", "/staff/test/desk?desk=1"),
        ],
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(location(&ok), "/staff/test/desk?desk=1");
    let cookie = ok.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("termin_staff="), "{cookie}");
    for attr in ["Path=/", "HttpOnly", "SameSite=Strict"] {
        assert!(cookie.contains(attr), "{cookie} has {attr}");
    }
    assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
    // The session is in the database, as a hash: another instance knows it.
    let token = v.cookie("termin_staff").unwrap().to_string();
    assert_eq!(
        number(
            &t.app.store,
            "SELECT COUNT(*) FROM staff_sessions WHERE ended_at IS NULL"
        )
        .await,
        1
    );
    assert!(texts(&t.app.store, "SELECT token_hash FROM staff_sessions")
        .await
        .iter()
        .all(|h| h.as_deref() != Some(token.as_str())));
    let start = v.get("/staff").await;
    assert_eq!(start.status, StatusCode::OK);
    assert_eq!(select(&start.text, "main h2"), ["Bürgerbüro Test"]);
    assert_eq!(start.headers[header::CACHE_CONTROL], "no-store");

    // After signing out, the old cookie opens nothing, wherever it was kept.
    let kept = v.twin();
    let out = send(&mut v, "/staff/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(location(&out), "/staff/login?out=1");
    assert!(v.cookie("termin_staff").is_none());
    let mut kept = kept;
    let again = kept.get("/staff").await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert!(location(&again).starts_with("/staff/login"));

    // Redirects after signing in stay on this site.
    let elsewhere = send(
        &mut v,
        "/staff/login",
        &[
            ("email", "clara@stadt.example"),
            ("password", PASSWORD),
            ("next", "//evil.example/staff"),
        ],
    )
    .await;
    assert_eq!(location(&elsewhere), "/staff");

    // Over HTTPS the cookie is Secure and __Host- prefixed.
    let secure = TestApp::with_config(
        t.app.store.clone(),
        termin::config::Config {
            rate_limits: false,
            public_url: "https://termine.example.de".into(),
            ..termin::config::Config::default()
        },
    )
    .await;
    let mut s = Visitor::new(&secure);
    let ok = sign_in(&mut s, "clara@stadt.example", PASSWORD).await;
    let cookie = ok.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("__Host-termin_staff="), "{cookie}");
    assert!(cookie.contains("; Secure"), "{cookie}");
    assert!(
        cookie.contains("Path=/") && !cookie.contains("Domain"),
        "{cookie}"
    );
    assert_eq!(s.get("/staff").await.status, StatusCode::OK);

    // Failed tries slow down, on the page too.
    let mut bad = Visitor::new(&t);
    let mut last = None;
    for _ in 0..6 {
        last = Some(sign_in(&mut bad, "clara@stadt.example", "wrong password!").await);
    }
    let last = last.unwrap();
    assert_eq!(last.status, StatusCode::TOO_MANY_REQUESTS, "{}", last.text);
    assert!(last.headers.contains_key(header::RETRY_AFTER));
}

#[tokio::test]
async fn each_role_opens_its_own_pages_and_gets_403_elsewhere() {
    let db = crate::support::Db::sqlite().await;
    let t = offices(db.store.clone()).await;
    user(&t, "clara@stadt.example", "clerk", Some("test")).await;
    user(&t, "leitung@stadt.example", "head", Some("test")).await;
    user(&t, "admin@stadt.example", "admin", None).await;
    user(&t, "otto@stadt.example", "clerk", Some("other")).await;
    let de = german();
    let forbidden = termin::t!(de, "forbidden-title");

    let mut clerk = signed_in(&t, "clara@stadt.example").await;
    for page in [
        "/staff/test/today",
        "/staff/test/desk",
        "/staff/test/checkin",
        "/staff",
    ] {
        assert_eq!(clerk.get(page).await.status, StatusCode::OK, "{page}");
    }
    for page in [
        "/staff/other/desk",
        "/staff/other/today",
        "/staff/other/checkin",
        "/staff/audit",
        "/staff/users",
    ] {
        let a = clerk.get(page).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{page}");
        assert_eq!(
            select(&a.text, "h1"),
            std::slice::from_ref(&forbidden),
            "{page}"
        );
    }
    // A form to another office is refused too, and changes nothing.
    let walk = send(
        &mut clerk,
        "/staff/other/walkin",
        &[("service", "anmeldung"), ("persons", "1")],
    )
    .await;
    assert_eq!(walk.status, StatusCode::FORBIDDEN);
    assert_eq!(t.count("tickets").await, 0);
    // The clerk's links name their own office only.
    let start = clerk.get("/staff").await;
    assert!(!start.text.contains("/staff/other/"), "{}", start.text);
    assert!(!start.text.contains("/staff/users"));

    let mut head = signed_in(&t, "leitung@stadt.example").await;
    assert_eq!(head.get("/staff/audit").await.status, StatusCode::OK);
    let users = head.get("/staff/users").await;
    assert_eq!(users.status, StatusCode::OK);
    // A head sees and may add the clerks of their office, no one else.
    let listed = select(&users.text, "tbody td:first-child");
    assert_eq!(listed, ["clara@stadt.example"]);
    assert_eq!(attrs(&users.text, "#u-role option", "value"), ["clerk"]);
    assert!(select(&users.text, "#keys").is_empty());
    assert_eq!(
        head.get("/staff/other/today").await.status,
        StatusCode::FORBIDDEN
    );

    let mut admin = signed_in(&t, "admin@stadt.example").await;
    for page in [
        "/staff/other/desk",
        "/staff/test/today",
        "/staff/audit",
        "/staff/users",
    ] {
        assert_eq!(admin.get(page).await.status, StatusCode::OK, "{page}");
    }
    assert_eq!(
        admin.get("/staff/nowhere/desk").await.status,
        StatusCode::NOT_FOUND
    );
    db.drop().await;
}

/// Tuesday 1 December: three appointments at 09:00, 09:15 and 09:30, booked at 07:00.
async fn morning(t: &TestApp) -> Vec<(String, &'static str, &'static str, &'static str)> {
    let people = [
        (
            "2026-12-01T09:00:00+01:00",
            "Zofia Wiśniewska",
            "zofia@example.org",
            "+49 381 1234567",
        ),
        (
            "2026-12-01T09:15:00+01:00",
            "Jürgen Oberdorfer",
            "juergen@example.org",
            "+49 381 7654321",
        ),
        (
            "2026-12-01T09:30:00+01:00",
            "Aylin Karataş",
            "aylin@example.org",
            "+49 160 5550199",
        ),
    ];
    let mut made = Vec::new();
    for (start, name, email, phone) in people {
        made.push((
            booked_by(t, start, name, email, phone).await,
            name,
            email,
            phone,
        ));
    }
    made
}

#[tokio::test]
async fn the_front_desk_checks_in_by_code_and_gives_a_ticket_that_names_nobody() {
    let db = crate::support::Db::sqlite().await;
    let t = offices(db.store.clone()).await;
    user(&t, "clara@stadt.example", "clerk", Some("test")).await;
    let booked = morning(&t).await;
    t.at_local("08:45");
    let de = german();
    let mut front = signed_in(&t, "clara@stadt.example").await;

    // A scanner types the code as it is; a person may type it in lower case with spaces.
    let code = t.code_of(&booked[0].0).await;
    let typed = format!("{} {}", &code[..4].to_lowercase(), &code[4..]);
    let given = send(&mut front, "/staff/test/checkin", &[("code", &typed)]).await;
    assert_eq!(given.status, StatusCode::OK, "{}", given.text);
    assert_eq!(select(&given.text, ".ticket-number"), ["S-001"]);
    assert!(
        select(&given.text, ".ticket p")
            .iter()
            .any(|p| p.starts_with("09:00") && p.ends_with(" · Stadtamt")),
        "{}",
        given.text
    );
    assert!(!given.text.contains("Wiśniewska") && !given.text.contains("zofia@"));
    let qr = attrs(&given.text, "img.qr", "src");
    assert!(qr[0].starts_with("data:image/svg+xml;base64,"), "{qr:?}");
    let follow = attrs(&given.text, ".ticket figcaption a", "href").remove(0);
    assert!(follow.starts_with("http://127.0.0.1:8080/t/"), "{follow}");
    assert_eq!(t.booking_status(&booked[0].0).await, "checked_in");

    // Its holder's phone shows where it stands, without a name.
    let mut phone = Visitor::new(&t);
    let page = phone
        .get(follow.trim_start_matches("http://127.0.0.1:8080"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(select(&page.text, ".ticket-number"), ["S-001"]);
    assert!(
        page.text
            .contains(&termin::t!(de, "follow-position", n = 0)),
        "{}",
        page.text
    );
    assert_eq!(page.headers[header::CACHE_CONTROL], "no-store");
    assert_eq!(
        phone.get("/t/not-a-ticket").await.status,
        StatusCode::NOT_FOUND
    );

    // Twice is refused with the ticket it has; a typo is caught by the check character.
    let again = send(&mut front, "/staff/test/checkin", &[("code", &code)]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(
        select(&again.text, "p.notice.error"),
        [termin::t!(de, "checkin-already", number = "S-001")]
    );
    let mut typo: Vec<char> = t.code_of(&booked[1].0).await.chars().collect();
    typo[2] = if typo[2] == 'A' { 'B' } else { 'A' };
    let typo: String = typo.into_iter().collect();
    let caught = send(&mut front, "/staff/test/checkin", &[("code", &typo)]).await;
    assert_eq!(caught.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        select(&caught.text, "p.notice.error"),
        [termin::t!(de, "code-check")]
    );
    let unknown = termin::domain::BookingCode::random();
    let none = send(
        &mut front,
        "/staff/test/checkin",
        &[("code", unknown.as_str())],
    )
    .await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    assert_eq!(
        select(&none.text, "p.notice.error"),
        [termin::t!(de, "checkin-unknown")]
    );
    assert_eq!(t.count("tickets").await, 1);

    // A walk-in, marked urgent by the front desk.
    let walk = send(
        &mut front,
        "/staff/test/walkin",
        &[
            ("service", "anmeldung"),
            ("persons", "2"),
            ("urgent", "yes"),
        ],
    )
    .await;
    assert_eq!(walk.status, StatusCode::OK, "{}", walk.text);
    assert_eq!(select(&walk.text, ".ticket-number"), ["S-002"]);
    assert!(walk.text.contains(&termin::t!(de, "ticket-urgent")));
    let none_chosen = send(&mut front, "/staff/test/walkin", &[("persons", "1")]).await;
    assert_eq!(none_chosen.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(t.count("tickets").await, 2);
    db.drop().await;
}

async fn the_desk_calls_next_shows_the_name_there_only_and_refuses_double_clicks_and_old_pages(
    store: Store,
) {
    let t = offices(store).await;
    user(&t, "clara@stadt.example", "clerk", Some("test")).await;
    let booked = morning(&t).await;
    t.at_local("08:58");
    let de = german();
    let mut clerk = signed_in(&t, "clara@stadt.example").await;
    let code = t.code_of(&booked[0].0).await;
    send(&mut clerk, "/staff/test/checkin", &[("code", &code)]).await;

    let choose = clerk.get("/staff/test/desk").await;
    assert_eq!(
        attrs(&choose.text, "#d-desk option", "value"),
        ["1", "2", "3", "4", "5"]
    );
    let desk = "/staff/test/desk?desk=2&counter=stadtamt";
    let empty = clerk.get(desk).await;
    assert_eq!(
        select(&empty.text, "button.call"),
        [termin::t!(de, "desk-call-next")]
    );

    let fields = [("desk", "2"), ("counter", "stadtamt")];
    let called = send(&mut clerk, "/staff/test/desk/call", &fields).await;
    assert_eq!(called.status, StatusCode::SEE_OTHER, "{}", called.text);
    assert_eq!(location(&called), desk);
    let at = clerk.get(desk).await;
    assert_eq!(
        select(&at.text, "#at-desk"),
        [termin::t!(de, "desk-current", number = "S-001")]
    );
    let facts = select(&at.text, ".ticket dd");
    assert!(facts.contains(&"Zofia Wiśniewska".to_string()), "{facts:?}");
    assert!(
        at.text
            .contains("Personalausweis und Wohnungsgeberbestätigung"),
        "what to bring"
    );
    // A double click calls nobody else: the desk has S-001 still.
    let twice = send(&mut clerk, "/staff/test/desk/call", &fields).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert!(select(&twice.text, "p.notice.error")[0].contains("S-001"));
    assert_eq!(
        number(&t.app.store, "SELECT COUNT(*) FROM ticket_calls").await,
        1
    );
    // Recall waits two minutes.
    assert!(at
        .text
        .contains(&termin::t!(de, "desk-recall-in", seconds = 120)));

    // The actions carry the version the page showed: an old page is refused.
    let ticket = attrs(&at.text, "form[action$='/start']", "action").remove(0);
    let version = attrs(
        &at.text,
        "form[action$='/start'] input[name=version]",
        "value",
    )
    .remove(0);
    let old = (version.parse::<i64>().unwrap() - 1).to_string();
    let refs = [
        ("desk", "2"),
        ("counter", "stadtamt"),
        ("version", old.as_str()),
    ];
    let stale = send(&mut clerk, &ticket, &refs).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(select(&stale.text, "p.notice.error")[0].contains("S-001"));
    let refs = [
        ("desk", "2"),
        ("counter", "stadtamt"),
        ("version", version.as_str()),
    ];
    assert_eq!(
        send(&mut clerk, &ticket, &refs).await.status,
        StatusCode::SEE_OTHER
    );
    // The same button again (a reload, a second click): refused, nothing changes.
    let repeat = send(&mut clerk, &ticket, &refs).await;
    assert_eq!(repeat.status, StatusCode::CONFLICT);

    let serving = clerk.get(desk).await;
    let done = attrs(&serving.text, "form[action$='/done']", "action").remove(0);
    let version = attrs(
        &serving.text,
        "form[action$='/done'] input[name=version]",
        "value",
    )
    .remove(0);
    let finished = send(
        &mut clerk,
        &done,
        &[
            ("desk", "2"),
            ("counter", "stadtamt"),
            ("version", &version),
            ("service", "anmeldung"),
            ("service", "ausweis"),
            ("persons", "2"),
        ],
    )
    .await;
    assert_eq!(finished.status, StatusCode::SEE_OTHER, "{}", finished.text);
    let row = texts(&t.app.store, "SELECT state || ' ' || handled_services || ' ' || CAST(handled_persons AS TEXT) FROM tickets").await;
    assert_eq!(row, [Some("done anmeldung,ausweis 2".to_string())]);
    assert_eq!(t.booking_status(&booked[0].0).await, "done");
    let after = clerk.get(desk).await;
    assert_eq!(select(&after.text, "button.call").len(), 1);
    // Nobody waits: the desk says so, and nothing is called.
    let nobody = send(&mut clerk, "/staff/test/desk/call", &fields).await;
    assert_eq!(nobody.status, StatusCode::OK);
    assert!(nobody.text.contains(&termin::t!(de, "desk-nobody")));
    // A desk the office has not is refused.
    let bad = send(&mut clerk, "/staff/test/desk/call", &[("desk", "99")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        number(&t.app.store, "SELECT COUNT(*) FROM ticket_calls").await,
        1
    );
}

#[tokio::test]
async fn an_alert_from_one_desk_shows_at_every_desk_until_someone_is_coming() {
    let db = crate::support::Db::sqlite().await;
    let t = offices(db.store.clone()).await;
    user(&t, "clara@stadt.example", "clerk", Some("test")).await;
    user(&t, "karl@stadt.example", "clerk", Some("test")).await;
    t.at_local("09:00");
    let de = german();
    let mut one = signed_in(&t, "clara@stadt.example").await;
    let mut two = signed_in(&t, "karl@stadt.example").await;
    let raised = send(&mut one, "/staff/test/desk/alert", &[("desk", "1")]).await;
    assert_eq!(raised.status, StatusCode::SEE_OTHER);
    let alarm = termin::t!(de, "alert-from", desk = "1", minutes = 0);
    let other = two.get("/staff/test/desk?desk=3").await;
    assert_eq!(
        select(&other.text, ".alarm p strong"),
        std::slice::from_ref(&alarm)
    );
    // The desk's live part carries it to a desk already open.
    let event = first_event(&t, &two, "/staff/test/desk/events?desk=3").await;
    assert!(event.contains(&alarm), "{event}");
    let id = attrs(&other.text, ".alarm form", "action").remove(0);
    let coming = send(&mut two, &id, &[("desk", "3")]).await;
    assert_eq!(coming.status, StatusCode::SEE_OTHER);
    for v in [&mut one, &mut two] {
        let page = v.get("/staff/test/desk?desk=1").await;
        assert!(select(&page.text, "div.alarm").is_empty());
    }
    let late = send(&mut one, &id, &[("desk", "1")]).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert!(late.text.contains(&termin::t!(de, "alert-gone")));
    db.drop().await;
}

#[tokio::test]
async fn a_kiosk_unlocked_once_checks_people_in_and_shows_no_more_than_time_and_counter() {
    let db = crate::support::Db::sqlite().await;
    let t = offices(db.store.clone()).await;
    user(&t, "admin@stadt.example", "admin", None).await;
    let booked = morning(&t).await;
    t.at_local("08:50");
    let de = german();
    let mut kiosk = Visitor::new(&t);

    let locked = kiosk.get("/kiosk/test").await;
    assert_eq!(locked.status, StatusCode::OK);
    assert_eq!(select(&locked.text, "#k-token").len(), 1);
    assert!(select(&locked.text, "#c-code").is_empty());
    let refused = send(
        &mut kiosk,
        "/kiosk/test/checkin",
        &[("code", &t.code_of(&booked[0].0).await)],
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let wrong = send(&mut kiosk, "/kiosk/test/unlock", &[("token", "0123")]).await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert!(wrong.text.contains(&termin::t!(de, "kiosk-unlock-wrong")));

    // The key `termin kiosk add` printed unlocks the device, for its office only.
    let (id, token) = staff::unlock_kiosk(&t.app, &Staff::cli(), "test", "Eingang")
        .await
        .unwrap();
    let elsewhere = send(&mut kiosk, "/kiosk/other/unlock", &[("token", &token)]).await;
    assert_eq!(elsewhere.status, StatusCode::FORBIDDEN);
    let unlocked = send(&mut kiosk, "/kiosk/test/unlock", &[("token", &token)]).await;
    assert_eq!(unlocked.status, StatusCode::SEE_OTHER);
    let cookie = unlocked.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.starts_with("termin_kiosk=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let ready = kiosk.get("/kiosk/test").await;
    assert_eq!(select(&ready.text, "#c-code").len(), 1);
    assert!(
        select(&ready.text, "input[name=urgent]").is_empty(),
        "only staff mark urgent"
    );
    assert!(
        select(&ready.text, "nav.staff").is_empty(),
        "no staff links"
    );

    let given = send(
        &mut kiosk,
        "/kiosk/test/checkin",
        &[("code", &t.code_of(&booked[0].0).await)],
    )
    .await;
    assert_eq!(given.status, StatusCode::OK, "{}", given.text);
    assert_eq!(select(&given.text, ".ticket-number"), ["S-001"]);
    assert!(
        select(&given.text, ".ticket p")
            .iter()
            .any(|p| p.starts_with("09:00") && p.ends_with(" · Stadtamt")),
        "{}",
        given.text
    );
    for (_, name, email, phone) in &booked {
        assert!(
            !given.text.contains(name)
                && !given.text.contains(email)
                && !given.text.contains(phone)
        );
    }
    // It goes back to its start by itself, in German, for the next person: after a
    // minute nobody touched it (the script), or after a minute (without it).
    assert_eq!(
        attrs(&given.text, "[data-reset-after]", "data-reset-after"),
        ["60"]
    );
    assert_eq!(
        attrs(&given.text, "[data-reset-after]", "data-reset-to"),
        ["/kiosk/test?lang=de"]
    );
    assert!(given.text.contains(
        r#"<noscript><meta http-equiv="refresh" content="60;url=/kiosk/test?lang=de"></noscript>"#
    ));
    // A kiosk may not say "urgent", even when the form is made by hand.
    let walk = send(
        &mut kiosk,
        "/kiosk/test/walkin",
        &[
            ("service", "anmeldung"),
            ("persons", "1"),
            ("urgent", "yes"),
        ],
    )
    .await;
    assert_eq!(walk.status, StatusCode::OK, "{}", walk.text);
    assert_eq!(
        number(
            &t.app.store,
            "SELECT COUNT(*) FROM tickets WHERE urgent = 1"
        )
        .await,
        0
    );

    // An admin signed in on a device unlocks it there and then.
    let mut device = signed_in(&t, "admin@stadt.example").await;
    let page = device.get("/kiosk/other").await;
    assert_eq!(select(&page.text, "#k-label").len(), 1);
    let here = send(
        &mut device,
        "/kiosk/other/unlock",
        &[("label", "Eingang rechts")],
    )
    .await;
    assert_eq!(here.status, StatusCode::SEE_OTHER);
    assert_eq!(
        select(&device.get("/kiosk/other").await.text, "#c-code").len(),
        1
    );

    // Revoked, the kiosk is locked at once.
    staff::revoke_kiosk(&t.app, &Staff::cli(), &id)
        .await
        .unwrap();
    assert_eq!(
        select(&kiosk.get("/kiosk/test").await.text, "#k-token").len(),
        1
    );
    db.drop().await;
}

#[tokio::test]
async fn the_display_its_event_stream_and_the_tickets_pages_carry_no_personal_data() {
    let db = crate::support::Db::sqlite().await;
    let t = offices(db.store.clone()).await;
    user(&t, "clara@stadt.example", "clerk", Some("test")).await;
    let booked = morning(&t).await;
    t.at_local("09:05");
    let mut clerk = signed_in(&t, "clara@stadt.example").await;
    let mut follow = Vec::new();
    for (id, ..) in &booked {
        let code = t.code_of(id).await;
        let given = send(&mut clerk, "/staff/test/checkin", &[("code", &code)]).await;
        follow.push(attrs(&given.text, ".ticket figcaption a", "href").remove(0));
    }
    send(&mut clerk, "/staff/test/desk/call", &[("desk", "3")]).await;

    let mut public = Visitor::new(&t);
    let display = public.get("/display/test").await;
    assert_eq!(display.status, StatusCode::OK);
    assert_eq!(select(&display.text, "li.large .number"), ["S-001"]);
    assert_eq!(
        select(&display.text, "li.large .desk"),
        [termin::t!(german(), "display-desk", desk = "3")]
    );
    assert_eq!(
        attrs(&display.text, "#board", "data-speech"),
        ["Nummer S eins, bitte zu Platz drei"]
    );
    // Without JavaScript it reloads itself; with it, it follows the event stream.
    assert!(display
        .text
        .contains(r#"<noscript><meta http-equiv="refresh" content="10"></noscript>"#));
    assert_eq!(
        attrs(&display.text, "[data-events]", "data-events"),
        ["/display/test/events"]
    );
    let event = first_event(&t, &public, "/display/test/events").await;
    assert!(event.contains("S-001"), "{event}");

    // Everything a person left with the office, and everything that unlocks their booking.
    let mut personal: Vec<String> = Vec::new();
    for (id, name, email, phone) in &booked {
        personal.extend([name.to_string(), email.to_string(), phone.to_string()]);
        personal.extend(name.split(' ').map(str::to_string));
        let code = t.code_of(id).await;
        personal.push(termin::domain::BookingCode::parse(&code).unwrap().display());
        personal.push(code);
    }
    for sent in t.deliver().await {
        personal.push(token_in(&read_mail(&sent)));
    }
    let api = t.call("GET", "/api/v1/offices/test/display", None).await;
    let mut seen = vec![
        ("display", display.text.clone()),
        ("events", event),
        ("api", api.text),
    ];
    for url in &follow {
        let path = url.trim_start_matches("http://127.0.0.1:8080");
        let page = public.get(path).await;
        // Live too: its own stream, with the same facts.
        assert_eq!(
            attrs(&page.text, "[data-events]", "data-events"),
            [format!("{path}/events")]
        );
        seen.push(("ticket page", page.text));
        seen.push((
            "ticket events",
            first_event(&t, &public, &format!("{path}/events")).await,
        ));
    }
    let unknown = public.get(&format!("/t/{}/events", "0".repeat(64))).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    for (what, text) in &seen {
        for datum in &personal {
            assert!(!text.contains(datum.as_str()), "{what} shows {datum}");
        }
    }
    db.drop().await;
}

#[tokio::test]
async fn the_day_board_lists_every_appointment_and_ticket_with_status_and_wait() {
    let db = crate::support::Db::sqlite().await;
    let t = offices(db.store.clone()).await;
    user(&t, "leitung@stadt.example", "head", Some("test")).await;
    let booked = morning(&t).await;
    t.at_local("08:50");
    let de = german();
    let mut head = signed_in(&t, "leitung@stadt.example").await;
    let code = t.code_of(&booked[0].0).await;
    send(&mut head, "/staff/test/checkin", &[("code", &code)]).await;
    send(
        &mut head,
        "/staff/test/walkin",
        &[("service", "ausweis"), ("persons", "1")],
    )
    .await;
    t.at_local("09:04");

    let board = head.get("/staff/test/today").await;
    assert_eq!(board.status, StatusCode::OK);
    let rows: Vec<String> = select(&board.text, "#today-stadtamt ~ div tbody tr");
    assert_eq!(rows.len(), 4, "{rows:?}");
    let cells = |i: usize| {
        select(
            &board.text,
            &format!("#board section:first-of-type tbody tr:nth-child({i}) td"),
        )
    };
    // 08:50 the walk-in came; 09:00 the appointment, checked in at 08:50, waits since 09:00.
    let walk = cells(1);
    assert_eq!(walk[0], termin::t!(de, "today-walk-in"));
    assert_eq!(walk[1], "S-002");
    assert_eq!(walk[3], termin::t!(de, "ticket-waiting"));
    assert_eq!(walk[5], termin::t!(de, "today-minutes", n = 14));
    let first = cells(2);
    assert!(first[0].starts_with("09:00"), "{first:?}");
    assert_eq!(first[1], "S-001");
    assert!(first[4].starts_with("08:50"), "{first:?}");
    assert_eq!(first[5], termin::t!(de, "today-minutes", n = 4));
    assert_eq!(cells(3)[3], termin::t!(de, "status-confirmed"));
    for (_, name, email, _) in &booked {
        assert!(!board.text.contains(name) && !board.text.contains(email));
    }
    let event = first_event(&t, &head, "/staff/test/today/events").await;
    assert!(event.contains("S-002"), "{event}");
    db.drop().await;
}

#[tokio::test]
async fn admins_add_users_keys_and_kiosks_on_the_users_page_and_see_each_secret_once() {
    let db = crate::support::Db::sqlite().await;
    let t = offices(db.store.clone()).await;
    user(&t, "admin@stadt.example", "admin", None).await;
    user(&t, "leitung@stadt.example", "head", Some("test")).await;
    let de = german();
    let mut admin = signed_in(&t, "admin@stadt.example").await;

    let added = send(
        &mut admin,
        "/staff/users",
        &[
            ("email", "neu@stadt.example"),
            ("role", "clerk"),
            ("office", "test"),
        ],
    )
    .await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.text);
    let password = select(&added.text, "code.secret").remove(0);
    assert_eq!(password.len(), 20);
    assert!(
        admin
            .get("/staff/users")
            .await
            .text
            .find(&password)
            .is_none(),
        "shown once"
    );
    let mut new = Visitor::new(&t);
    assert_eq!(
        sign_in(&mut new, "neu@stadt.example", &password)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let twice = send(
        &mut admin,
        "/staff/users",
        &[
            ("email", "neu@stadt.example"),
            ("role", "clerk"),
            ("office", "test"),
        ],
    )
    .await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(twice.text.contains(&termin::t!(de, "user-exists")));

    // A new password ends the old one and the sessions made with it.
    let reset = send(
        &mut admin,
        "/staff/users/reset",
        &[("email", "neu@stadt.example")],
    )
    .await;
    let second = select(&reset.text, "code.secret").remove(0);
    assert_ne!(second, password);
    assert!(new.get("/staff").await.status == StatusCode::SEE_OTHER);
    let mut again = Visitor::new(&t);
    assert_eq!(
        sign_in(&mut again, "neu@stadt.example", &password)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        sign_in(&mut again, "neu@stadt.example", &second)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let disabled = send(
        &mut admin,
        "/staff/users/disable",
        &[("email", "neu@stadt.example")],
    )
    .await;
    assert!(disabled
        .text
        .contains(&termin::t!(de, "user-disabled", who = "neu@stadt.example")));
    assert_eq!(again.get("/staff").await.status, StatusCode::SEE_OTHER);

    // An API key with a role works at once and stops when revoked.
    let key_page = send(
        &mut admin,
        "/staff/keys",
        &[
            ("label", "Aufrufanlage"),
            ("role", "clerk"),
            ("office", "test"),
        ],
    )
    .await;
    let key = select(&key_page.text, "code.secret").remove(0);
    let queue = t
        .staff(&key, "GET", "/api/v1/offices/test/queue", None)
        .await;
    assert_eq!(queue.status, StatusCode::OK);
    let listed = admin.get("/staff/users").await;
    let revoke_id = attrs(
        &listed.text,
        "form[action='/staff/keys/revoke'] input[name=id]",
        "value",
    )
    .remove(0);
    send(&mut admin, "/staff/keys/revoke", &[("id", &revoke_id)]).await;
    assert_eq!(
        t.staff(&key, "GET", "/api/v1/offices/test/queue", None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );

    // A kiosk's key, shown once, unlocks a device.
    let kiosk_page = send(
        &mut admin,
        "/staff/kiosks",
        &[("label", "Eingang"), ("office", "test")],
    )
    .await;
    let token = select(&kiosk_page.text, "code.secret").remove(0);
    let mut device = Visitor::new(&t);
    assert_eq!(
        send(&mut device, "/kiosk/test/unlock", &[("token", &token)])
            .await
            .status,
        StatusCode::SEE_OTHER
    );

    // A head adds clerks of their office, nobody else.
    let mut head = signed_in(&t, "leitung@stadt.example").await;
    let boss = send(
        &mut head,
        "/staff/users",
        &[
            ("email", "chef@stadt.example"),
            ("role", "admin"),
            ("office", ""),
        ],
    )
    .await;
    assert_eq!(boss.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(boss.text.contains(&termin::t!(de, "user-forbidden")));
    let elsewhere = send(
        &mut head,
        "/staff/users",
        &[
            ("email", "x@stadt.example"),
            ("role", "clerk"),
            ("office", "other"),
        ],
    )
    .await;
    assert_eq!(elsewhere.status, StatusCode::UNPROCESSABLE_ENTITY);
    let clerk = send(
        &mut head,
        "/staff/users",
        &[
            ("email", "y@stadt.example"),
            ("role", "clerk"),
            ("office", "test"),
        ],
    )
    .await;
    assert_eq!(clerk.status, StatusCode::OK);
    assert_eq!(
        head.get("/staff/keys").await.status,
        StatusCode::METHOD_NOT_ALLOWED
    );
    let no_keys = send(
        &mut head,
        "/staff/keys",
        &[("label", "x"), ("role", "head")],
    )
    .await;
    assert_eq!(no_keys.status, StatusCode::UNPROCESSABLE_ENTITY);

    // The own password, changed on its page, ends the other sessions.
    let mut other_tab = signed_in(&t, "leitung@stadt.example").await;
    let weak = send(
        &mut head,
        "/staff/password",
        &[("current", PASSWORD), ("new", "short")],
    )
    .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    let changed = send(
        &mut head,
        "/staff/password",
        &[("current", PASSWORD), ("new", "a much longer passphrase")],
    )
    .await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_eq!(head.get("/staff").await.status, StatusCode::OK);
    assert_eq!(other_tab.get("/staff").await.status, StatusCode::SEE_OTHER);

    // Each of these is in the audit log, which the head reads for their office.
    let audit = head.get("/staff/audit").await;
    let actions = select(&audit.text, "table.audit td code");
    for action in ["user_added", "password_changed", "login"] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
    db.drop().await;
}

#[tokio::test]
async fn the_booking_code_and_its_qr_code_are_on_the_manage_page_and_in_the_confirmation() {
    let db = crate::support::Db::sqlite().await;
    let t = offices(db.store.clone()).await;
    let id = t
        .booked("2026-12-01T09:00:00+01:00", "anna@example.org")
        .await;
    let code = termin::domain::BookingCode::parse(&t.code_of(&id).await).unwrap();
    let sent = t.deliver().await;
    let mail = read_mail(&sent[0]);
    let de = german();
    assert!(
        mail.text.contains(&format!(
            "{}: {}",
            termin::t!(de, "fact-code"),
            code.display()
        )),
        "{}",
        mail.text
    );
    assert!(mail.html.contains(&code.display()));
    assert!(
        mail.html.contains("src=\"cid:booking-code\""),
        "{}",
        mail.html
    );
    assert_eq!(mail.images.len(), 1);
    assert_eq!(mail.images[0].0, "booking-code");
    if let Some(read) = crate::support::read_qr(&mail.images[0].1) {
        assert_eq!(read, code.as_str());
    }

    // On the manage page; it opens nothing there.
    let token = token_in(&mail);
    let mut v = Visitor::new(&t);
    let page = v.get(&format!("/b/{token}")).await;
    assert_eq!(
        select(&page.text, "#booking-code ~ .ticket-number, .ticket-number"),
        [code.display()]
    );
    assert!(attrs(&page.text, "img.qr", "src")[0].starts_with("data:image/svg+xml;base64,"));
    assert_eq!(
        v.get(&format!("/b/{}", code.as_str())).await.status,
        StatusCode::NOT_FOUND
    );
    db.drop().await;
}

/// The issue's walk in a real browser, on the real router served over TCP with the
/// fixed clock: a kiosk unlocked by an admin checks a citizen in by keyboard, the
/// display shows the waiting ticket, a clerk calls it at a desk, the display shows
/// the call over its event stream without reloading, the clerk serves it; axe-core
/// finds nothing on any staff, kiosk, display or ticket page on the way.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_browser_a_kiosk_check_in_reaches_the_display_and_the_desk_and_every_page_passes_axe()
{
    let Some(tools) = crate::processes::browser_tools() else {
        return;
    };
    let db = crate::support::Db::sqlite().await;
    let t = offices(db.store.clone()).await;
    user(&t, "admin@example.org", "admin", None).await;
    user(&t, "clerk@example.org", "clerk", Some("test")).await;
    let people = morning(&t).await;
    let code = t.code_of(&people[0].0).await;
    t.at_local("08:45");

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let limits = termin::web::listen::Limits::of(&termin::config::Config::default());
    let server = tokio::spawn(termin::web::listen::serve(
        listener,
        t.router.clone(),
        limits,
        std::future::pending(),
    ));
    let args = [
        "staff",
        &base,
        "test",
        &code,
        "admin@example.org",
        "clerk@example.org",
        PASSWORD,
    ];
    let walk = tokio::task::spawn_blocking({
        let tools = tools.clone();
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        move || {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            crate::processes::browser(&tools, &args)
        }
    })
    .await
    .unwrap();
    server.abort();

    assert_eq!(walk["violations"], json!([]), "{walk:#}");
    assert!(walk["pages"].as_array().unwrap().len() >= 23, "{walk:#}");
    let text = |k: &str| walk[k].as_str().unwrap_or_default().to_string();
    let number = text("number");
    assert_eq!(number, "S-001", "{walk:#}");
    // The kiosk shows no more of the person than the time and the counter.
    assert!(
        text("ticketText").contains("09:00 Uhr · Stadtamt"),
        "{walk:#}"
    );
    assert!(text("waitingText").contains("Stadtamt: 1"), "{walk:#}");
    assert!(
        text("deskText").contains(people[0].1),
        "the desk names whom it called"
    );
    // Live, not reloaded: the page the script started on is still there.
    assert_eq!(walk["stayed"], json!(true), "{walk:#}");
    let shown = walk["shownAfterMs"]
        .as_u64()
        .expect("the display showed the call");
    assert!(shown <= 1000, "shown {shown} ms after the call");
    assert!(text("calledText").contains(&number), "{walk:#}");
    assert!(text("calledText").contains("Platz 1"), "{walk:#}");
    // The phone showed the place in the queue, then the call, without reloading.
    assert!(text("followWaiting").contains("S-001"), "{walk:#}");
    assert!(text("followCalled").contains("Platz 1"), "{walk:#}");
    assert!(
        text("doneText").contains(&termin::t!(german(), "desk-call-next")),
        "{walk:#}"
    );
    assert!(text("auditText").contains("S-001"), "{walk:#}");
    for (_, name, email, phone) in &people {
        for key in [
            "kioskText",
            "ticketText",
            "waitingText",
            "calledText",
            "followWaiting",
            "followCalled",
        ] {
            let seen = text(key);
            assert!(
                !seen.contains(name) && !seen.contains(email) && !seen.contains(phone),
                "{key} shows a personal datum: {seen}"
            );
        }
    }
    db.drop().await;
}
