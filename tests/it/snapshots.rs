//! Golden snapshots of every citizen page and every mail, in each language: the
//! net under a reshaping of the web layer, which must leave them as they are.
//! Secrets and ids that differ from run to run are replaced by placeholders.
//! Review a change with `cargo insta review` (or `INSTA_UPDATE=always`).

use axum::http::StatusCode;
use chrono::Duration;
use serde_json::json;
use termin::config::Config;
use termin::domain::Language;

use crate::support::{field_value, read_mail, token_in, Answer, Db, TestApp, Visitor, TEST_OFFICE};

const WISH: &str = "service=anmeldung&persons=1";

/// Tokens (64 hex), form tokens (32 hex), UUIDs, booking codes and their QR
/// images, replaced by placeholders.
pub fn redact(text: &str) -> String {
    let text = redact_codes(text);
    let text = text.as_str();
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let is_hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
    while i < bytes.len() {
        let run = bytes[i..]
            .iter()
            .take_while(|b| is_hex(**b) || **b == b'-')
            .count();
        let word = &text[i..i + run];
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let after = bytes
            .get(i + run)
            .is_none_or(|b| !b.is_ascii_alphanumeric());
        let shape: Vec<usize> = word.split('-').map(str::len).collect();
        let placeholder = match (boundary && after, shape.as_slice()) {
            (true, [64]) => Some("[token]"),
            (true, [32]) => Some("[form-token]"),
            (true, [8, 4, 4, 4, 12]) => Some("[uuid]"),
            _ => None,
        };
        match placeholder {
            Some(p) => {
                out.push_str(p);
                i += run;
            }
            None => {
                let c = text[i..].chars().next().unwrap();
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

/// Booking codes as shown (`7K3M-9QXD-4`) and QR images inlined as data URIs.
fn redact_codes(text: &str) -> String {
    const QR: &str = "data:image/svg+xml;base64,";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(QR) {
        out.push_str(&rest[..at]);
        out.push_str("[qr]");
        rest = &rest[at..];
        rest = &rest[rest.find('"').unwrap_or(rest.len())..];
    }
    out.push_str(rest);
    let chars: Vec<char> = out.chars().collect();
    let symbol = |c: &char| c.is_ascii_digit() || c.is_ascii_uppercase();
    let mut redacted = String::with_capacity(out.len());
    let mut i = 0;
    while i < chars.len() {
        let word = chars.get(i..i + 11);
        let shaped = word.is_some_and(|w| {
            w.iter().enumerate().all(|(k, c)| match k {
                4 | 9 => *c == '-',
                _ => symbol(c),
            })
        });
        let bounded = (i == 0 || !chars[i - 1].is_alphanumeric())
            && chars.get(i + 11).is_none_or(|c| !c.is_alphanumeric());
        if shaped && bounded {
            redacted.push_str("[code]");
            i += 11;
        } else {
            redacted.push(chars[i]);
            i += 1;
        }
    }
    redacted
}

fn code(lang: Language) -> &'static str {
    lang.as_str()
}

/// A visitor whose browser asks for `lang`.
fn visitor(t: &TestApp, lang: Language) -> Visitor<'_> {
    let mut v = Visitor::new(t);
    v.headers
        .push(("accept-language".into(), code(lang).into()));
    v
}

/// The pages a citizen meets, by name, in one language.
struct Pages(Vec<(String, String)>);

impl Pages {
    fn add(&mut self, name: &str, a: Answer, status: u16) {
        assert_eq!(a.status.as_u16(), status, "{name}: {}", a.text);
        self.0.push((name.to_string(), redact(&a.text)));
    }
}

async fn hold(v: &mut Visitor<'_>, start: &str) -> Answer {
    let day = v.get(&format!("/o/test/day?{WISH}&date=2026-12-01")).await;
    let csrf = field_value(&day.text, "csrf").expect("a form token");
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

async fn send_form(v: &mut Visitor<'_>, name: &str, email: &str) -> Answer {
    let page = v.get("/o/test/details").await;
    let csrf = field_value(&page.text, "csrf").expect("a form token");
    v.post(
        "/o/test/details",
        &[
            ("csrf", &csrf),
            ("name", name),
            ("email", email),
            ("phone", ""),
            ("consent", "yes"),
            ("website", ""),
        ],
    )
    .await
}

async fn citizen_pages(lang: Language) -> Vec<(String, String)> {
    let db = Db::sqlite().await;
    let mut p = Pages(Vec::new());
    {
        let t = TestApp::with_config(
            db.store.clone(),
            Config {
                rate_limits: false,
                hold_minutes_per_client: 15,
                ..Config::default()
            },
        )
        .await;
        let mut v = visitor(&t, lang);
        p.add("home", v.get("/").await, 200);
        p.add("office", v.get("/o/test").await, 200);
        p.add(
            "office-with-mistakes",
            v.get("/o/test/days?counter=stadtamt&persons=9").await,
            422,
        );
        p.add("days", v.get(&format!("/o/test/days?{WISH}")).await, 200);
        p.add(
            "days-later",
            v.get(&format!("/o/test/days?{WISH}&from=2026-12-14")).await,
            200,
        );
        p.add(
            "day",
            v.get(&format!("/o/test/day?{WISH}&date=2026-12-01")).await,
            200,
        );
        p.add(
            "day-without-times",
            v.get(&format!("/o/test/day?{WISH}&date=2026-12-05")).await,
            200,
        );
        p.add(
            "day-not-a-date",
            v.get(&format!("/o/test/day?{WISH}&date=someday")).await,
            422,
        );
        p.add(
            "days-beyond-horizon",
            v.get(&format!("/o/test/days?{WISH}&from=2027-06-01")).await,
            200,
        );
        // Somebody books 08:00 through the API; the page's visitor presses it.
        t.book("2026-12-01T08:00:00+01:00", "erste@example.org")
            .await;
        p.add(
            "hold-taken",
            hold(&mut v, "2026-12-01T08:00:00+01:00").await,
            409,
        );
        p.add(
            "hold-not-bookable",
            hold(&mut v, "2026-12-01T13:00:00+01:00").await,
            422,
        );
        assert_eq!(
            hold(&mut v, "2026-12-01T09:00:00+01:00").await.status,
            StatusCode::SEE_OTHER
        );
        p.add("details", v.get("/o/test/details").await, 200);
        let page = v.get("/o/test/details").await;
        let csrf = field_value(&page.text, "csrf").unwrap();
        p.add(
            "details-with-mistakes",
            v.post(
                "/o/test/details",
                &[
                    ("csrf", &csrf),
                    ("name", ""),
                    ("email", "anna(at)example"),
                    ("phone", "call me"),
                    ("website", ""),
                ],
            )
            .await,
            422,
        );
        let mut bot = visitor(&t, lang);
        p.add(
            "hold-cap",
            hold(&mut bot, "2026-12-01T10:00:00+01:00").await,
            429,
        );
        p.add(
            "email-cap",
            {
                for start in ["2026-12-02T09:00:00+01:00", "2026-12-02T10:00:00+01:00"] {
                    t.book(start, "anna@example.org").await;
                }
                send_form(&mut v, "Anna Beispiel", "anna@example.org").await
            },
            409,
        );
        assert_eq!(
            send_form(&mut v, "Anna Beispiel", "anna.b@example.org")
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        p.add("done-pending", v.get("/o/test/done").await, 200);
        let mut stranger = visitor(&t, lang);
        p.add("no-hold", stranger.get("/o/test/details").await, 410);
        let mut late = visitor(&t, lang);
        hold(&mut late, "2026-12-01T11:00:00+01:00").await;
        t.clock.advance(Duration::minutes(11));
        p.add(
            "hold-ran-out",
            send_form(&mut late, "Ben Beispiel", "ben@example.org").await,
            410,
        );
        p.add(
            "form-expired",
            stranger
                .post("/o/test/hold", &[("service", "anmeldung")])
                .await,
            403,
        );
        p.add("privacy", v.get("/privacy").await, 200);
        p.add("accessibility", v.get("/accessibility").await, 200);
        p.add("imprint", v.get("/imprint").await, 200);
        p.add("not-found", v.get("/no/such/page").await, 404);
        p.add(
            "booking-not-found",
            v.get(&format!("/b/{}", "0".repeat(64))).await,
            404,
        );
        p.add(
            "not-text",
            v.get("/o/test/days?service=%FF&persons=1").await,
            422,
        );

        // The manage pages, from the mails' links.
        let tokens: Vec<String> = t
            .deliver()
            .await
            .iter()
            .map(|m| token_in(&read_mail(m)))
            .collect();
        let (anna, second, third) = (&tokens[1], &tokens[2], &tokens[3]);
        p.add("manage-pending", v.get(&format!("/b/{anna}")).await, 200);
        let csrf = field_value(&v.get(&format!("/b/{anna}")).await.text, "csrf").unwrap();
        v.post(&format!("/b/{anna}/confirm"), &[("csrf", &csrf)])
            .await;
        p.add("manage-confirmed", v.get(&format!("/b/{anna}")).await, 200);
        p.add(
            "move-calendar",
            v.get(&format!("/b/{anna}/move")).await,
            200,
        );
        p.add(
            "move-day",
            v.get(&format!("/b/{anna}/move?date=2026-12-02")).await,
            200,
        );
        p.add(
            "move-taken",
            v.post(
                &format!("/b/{anna}/move"),
                &[("csrf", &csrf), ("start", "2026-12-02T10:00:00+01:00")],
            )
            .await,
            409,
        );
        v.post(&format!("/b/{second}/cancel"), &[("csrf", &csrf)])
            .await;
        p.add(
            "manage-cancelled",
            v.get(&format!("/b/{second}")).await,
            200,
        );
        p.add(
            "move-not-changeable",
            v.get(&format!("/b/{second}/move")).await,
            409,
        );
        t.clock.advance(Duration::hours(1));
        p.add("manage-lapsed", v.get(&format!("/b/{third}")).await, 200);
        for hour in 9..14 {
            let start = format!(
                "2026-12-0{}T{hour:02}:00:00+01:00",
                if hour < 12 { 3 } else { 4 }
            );
            let start = start.replace("T12", "T09").replace("T13", "T10");
            let a = v
                .post(
                    &format!("/b/{anna}/move"),
                    &[("csrf", &csrf), ("start", &start)],
                )
                .await;
            assert_eq!(a.status, StatusCode::SEE_OTHER, "{start}: {}", a.text);
        }
        p.add(
            "move-too-often",
            v.post(
                &format!("/b/{anna}/move"),
                &[("csrf", &csrf), ("start", "2026-12-04T11:00:00+01:00")],
            )
            .await,
            409,
        );
    }
    {
        // An office that confirms at once shows the booking on the done page.
        let t = TestApp::new(db.store.clone()).await;
        t.confirm_at_once().await;
        t.app.forget_offices();
        let mut v = visitor(&t, lang);
        hold(&mut v, "2026-12-01T11:30:00+01:00").await;
        send_form(&mut v, "Carla Beispiel", "carla@example.org").await;
        p.add("done-confirmed", v.get("/o/test/done").await, 200);
    }
    {
        let t = TestApp::with_config(db.store.clone(), Config::default()).await;
        let mut v = visitor(&t, lang);
        let unknown = format!("/b/{}", "0".repeat(64));
        let limited = loop {
            let a = v.get(&unknown).await;
            if a.status == StatusCode::TOO_MANY_REQUESTS {
                break a;
            }
        };
        p.add("rate-limited", limited, 429);
    }
    db.drop().await;
    p.0
}

#[tokio::test]
async fn every_citizen_page_looks_as_it_did() {
    for lang in Language::ALL {
        for (name, html) in citizen_pages(lang).await {
            insta::assert_snapshot!(format!("page-{}-{name}", code(lang)), html);
        }
    }
}

/// A mail as a person reads it: the headers that matter, the text and HTML
/// parts, and the calendar file.
fn mail_snapshot(raw: &termin::mail::Sent) -> String {
    let mail = read_mail(raw);
    let text = raw.text();
    let header = |name: &str| {
        text.split("\r\n\r\n")
            .next()
            .unwrap_or_default()
            .split("\r\n")
            .find(|l| {
                l.to_ascii_lowercase()
                    .starts_with(&format!("{}:", name.to_ascii_lowercase()))
            })
            .unwrap_or_default()
            .to_string()
    };
    redact(&format!(
        "{}\n{}\n{}\nSubject: {}\n\n--- text\n{}\n--- html\n{}\n--- calendar\n{}",
        header("From"),
        header("To"),
        header("Reply-To"),
        mail.subject,
        mail.text,
        mail.html,
        // Unfolded, so that a secret folded over two lines is redacted too.
        mail.calendar
            .unwrap_or_default()
            .replace("\r\n ", "")
            .replace("\r\n", "\n"),
    ))
}

async fn mails(lang: Language) -> Vec<(String, String)> {
    let db = Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    let mut out = Vec::new();
    let book = |start: &'static str, email: &'static str| {
        let t = &t;
        async move {
            let body = json!({"office": "test", "services": ["anmeldung"], "persons": 2,
                              "start": start, "name": "Anna Beispiel", "email": email,
                              "language": code(lang)});
            let a = t.call("POST", "/api/v1/bookings", Some(&body)).await;
            assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        }
    };
    let mut seen = 0;
    fn next(
        seen: &mut usize,
        name: &str,
        sent: Vec<termin::mail::Sent>,
        out: &mut Vec<(String, String)>,
    ) {
        assert_eq!(sent.len(), *seen + 1, "{name}: one more mail");
        out.push((name.to_string(), mail_snapshot(&sent[*seen])));
        *seen += 1;
    }
    book("2026-12-03T09:00:00+01:00", "anna@example.org").await;
    let sent = t.deliver().await;
    let token = token_in(&read_mail(&sent[0]));
    next(&mut seen, "please-confirm", sent, &mut out);
    t.call(
        "POST",
        &format!("/api/v1/bookings/{token}/move"),
        Some(&json!({"start": "2026-12-03T10:00:00+01:00"})),
    )
    .await;
    next(&mut seen, "moved-pending", t.deliver().await, &mut out);
    t.call(
        "POST",
        "/api/v1/bookings/confirm",
        Some(&json!({ "token": token })),
    )
    .await;
    next(&mut seen, "confirmed", t.deliver().await, &mut out);
    t.clock.advance(Duration::seconds(61));
    t.call(
        "POST",
        &format!("/api/v1/bookings/{token}/move"),
        Some(&json!({"start": "2026-12-03T11:00:00+01:00"})),
    )
    .await;
    next(&mut seen, "moved", t.deliver().await, &mut out);
    t.clock.set(crate::support::at("2026-12-02T10:30:00Z"));
    next(&mut seen, "reminder", t.deliver().await, &mut out);
    t.call("DELETE", &format!("/api/v1/bookings/{token}"), None)
        .await;
    next(&mut seen, "cancelled", t.deliver().await, &mut out);
    // A booking whose calendar file was fetched lapses unconfirmed.
    book("2026-12-04T09:00:00+01:00", "ben@example.org").await;
    let sent = t.deliver().await;
    let ben = token_in(&read_mail(&sent[seen]));
    seen += 1;
    let mut v = Visitor::new(&t);
    v.get(&format!("/b/{ben}/calendar.ics")).await;
    t.clock.advance(Duration::minutes(31));
    termin::booking::expire_due(&t.app).await.unwrap();
    next(&mut seen, "lapsed", t.deliver().await, &mut out);
    db.drop().await;
    out
}

#[tokio::test]
async fn every_mail_reads_as_it_did() {
    for lang in Language::ALL {
        for (name, text) in mails(lang).await {
            insta::assert_snapshot!(format!("mail-{}-{name}", code(lang)), text);
        }
    }
}

#[test]
fn redaction_replaces_only_whole_secrets() {
    let token = "ab".repeat(32);
    let text = format!(
        "/b/{token}/move csrf={} id=01a2343f-e6ef-77f1-b479-0012cfce828f 2026-12-01 deadbeef \
         Code: 7K3M-9QXD-4 <img src=\"data:image/svg+xml;base64,PD94b\"> S-001",
        "c".repeat(32)
    );
    assert_eq!(
        redact(&text),
        "/b/[token]/move csrf=[form-token] id=[uuid] 2026-12-01 deadbeef \
         Code: [code] <img src=\"[qr]\"> S-001"
    );
    let _ = TEST_OFFICE;
}
