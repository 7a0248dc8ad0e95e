//! What the tests share: a fresh database per test on each backend, a fixed clock,
//! an in-memory mailbox, the real router, and helpers that act as a citizen would.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use chrono::{DateTime, Utc};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

#[allow(unused_imports)]
use mail_parser::MimeHeaders;
use termin::app::App;
use termin::clock::FixedClock;
use termin::config::Config;
use termin::mail::{worker, Mailer, Sent};
use termin::store::Store;
use termin::web::{self, AppState};

/// Run a scenario `async fn(Store)` once on SQLite and once on PostgreSQL.
///
/// The PostgreSQL half runs when `TERMIN_TEST_POSTGRES` names a server
/// (`postgres://postgres@127.0.0.1:5432/postgres`); each test gets a database of its own.
macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn sqlite() {
                    let db = $crate::support::Db::sqlite().await;
                    super::$name(db.store.clone()).await;
                    db.drop().await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn postgres() {
                    let Some(db) = $crate::support::Db::postgres().await else { return };
                    super::$name(db.store.clone()).await;
                    db.drop().await;
                    $crate::support::ran_on_postgres(concat!(module_path!(), "::", stringify!($name)));
                }
            }
        )*
    };
}
pub(crate) use on_both;

/// Note a PostgreSQL test that ran to the end in the file `TERMIN_TEST_POSTGRES_LOG`
/// names, so that CI can tell a run from a skip.
pub fn ran_on_postgres(test: &str) {
    if let Ok(path) = std::env::var("TERMIN_TEST_POSTGRES_LOG") {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .unwrap();
        writeln!(f, "{test}").unwrap();
    }
}

/// A scratch database that is removed after the test.
pub struct Db {
    pub store: Store,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Database { server: String, name: String },
}

/// The PostgreSQL server the tests use, if switched on.
pub fn postgres_server() -> Option<String> {
    match std::env::var("TERMIN_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            eprintln!("skipped: TERMIN_TEST_POSTGRES is not set, the PostgreSQL half does not run");
            None
        }
    }
}

pub fn scratch_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("termin-test-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl Db {
    pub async fn sqlite() -> Db {
        let dir = scratch_dir();
        let url = format!("sqlite://{}", dir.join("termin.db").display());
        let store = Store::connect(&url).await.unwrap();
        store.migrate().await.unwrap();
        Db {
            store,
            url,
            cleanup: Cleanup::File(dir),
        }
    }

    /// A fresh database on the test server; `None` when PostgreSQL tests are off.
    pub async fn postgres() -> Option<Db> {
        let server = postgres_server()?;
        let name = format!("termin_test_{}", uuid::Uuid::new_v4().simple());
        let admin = Store::connect(&server)
            .await
            .expect("TERMIN_TEST_POSTGRES is set, but the server cannot be reached");
        let Store::Postgres(pg) = &admin else {
            panic!("TERMIN_TEST_POSTGRES must be a postgres:// URL")
        };
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&pg.pool)
            .await
            .unwrap();
        admin.close().await;
        let url = termin::bench::with_database(&server, &name);
        let store = Store::connect(&url).await.unwrap();
        store.migrate().await.unwrap();
        Some(Db {
            store,
            url,
            cleanup: Cleanup::Database { server, name },
        })
    }

    pub async fn drop(self) {
        self.store.close().await;
        match self.cleanup {
            Cleanup::File(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Database { server, name } => {
                let admin = Store::connect(&server).await.unwrap();
                if let Store::Postgres(pg) = &admin {
                    let _ = sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
                        .execute(&pg.pool)
                        .await;
                }
                admin.close().await;
            }
        }
    }
}

/// Tuesday 1 December 2026, 07:00 in Rostock.
pub const NOW: &str = "2026-12-01T06:00:00Z";

pub fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// An office small enough to reason about: one desk online on the Stadtamt,
/// weekday mornings 08:00–12:00, a 15-minute grid, at most 4 persons arriving
/// per quarter hour, two active bookings per address.
pub const TEST_OFFICE: &str = r#"
[[office]]
id = "test"
name = "Bürgerbüro Test"
address = "Teststraße 1, 18055 Rostock"
timezone = "Europe/Berlin"
state = "MV"
min_notice_minutes = 60
horizon_days = 28
confirm_within_minutes = 30
max_active_bookings_per_email = 2
arrivals = { per_minutes = 15, max = 4 }
email = "buergerbuero@example.org"

  [[office.counter]]
  id = "stadtamt"
  name = "Stadtamt"
  grid_minutes = 15

    [[office.counter.service]]
    id = "anmeldung"
    name = { de = "Wohnsitz anmelden", en = "Register your address" }
    minutes = 15
    max_persons = 5
    bring = { de = "Personalausweis und Wohnungsgeberbestätigung", en = "ID card and the landlord's confirmation" }

    [[office.counter.service]]
    id = "ausweis"
    name = { de = "Personalausweis beantragen", en = "Apply for an ID card" }
    minutes = 30
    max_persons = 3

    [[office.counter.hours]]
    days = ["mon", "tue", "wed", "thu", "fri"]
    from = "08:00"
    to = "12:00"
    desks = 2
    online = 1

  [[office.counter]]
  id = "kfz"
  name = "Kfz-Zulassung"
  grid_minutes = 15

    [[office.counter.service]]
    id = "zulassung"
    name = "Fahrzeug zulassen"
    minutes = 30

    [[office.counter.hours]]
    days = ["mon", "tue", "wed", "thu", "fri"]
    from = "08:00"
    to = "12:00"
    desks = 3
    online = 3
"#;

/// The app as a server runs it, on a given store, with a fixed clock and a mailbox in memory.
pub struct TestApp {
    pub app: App,
    pub clock: Arc<FixedClock>,
    pub mailer: Mailer,
    pub router: Router,
}

impl TestApp {
    pub async fn new(store: Store) -> TestApp {
        TestApp::with_config(
            store,
            Config {
                rate_limits: false,
                ..Config::default()
            },
        )
        .await
    }

    pub async fn with_config(store: Store, config: Config) -> TestApp {
        let clock = Arc::new(FixedClock::new(at(NOW)));
        let app = App::new(store, clock.clone(), config);
        termin::staff::import(&app, TEST_OFFICE).await.unwrap();
        let router = web::router(AppState::new(app.clone()));
        TestApp {
            app,
            clock,
            mailer: Mailer::memory(),
            router,
        }
    }

    /// Send one request through the real router; the answer's status, headers and JSON body.
    pub async fn call(&self, method: &str, uri: &str, body: Option<&Value>) -> Answer {
        self.request(method, uri, body.map(Value::to_string), &[])
            .await
    }

    pub async fn request(
        &self,
        method: &str,
        uri: &str,
        body: Option<String>,
        headers: &[(&str, &str)],
    ) -> Answer {
        let mut req = Request::builder().method(method).uri(uri);
        if body.is_some() {
            req = req.header(header::CONTENT_TYPE, "application/json");
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let req = req.body(body.map_or_else(Body::empty, Body::from)).unwrap();
        let response = self.router.clone().oneshot(req).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Answer {
            status,
            headers,
            json,
            text,
        }
    }

    /// Import the test office with bookings confirmed at once (no confirmation step).
    pub async fn confirm_at_once(&self) {
        let office =
            TEST_OFFICE.replace("confirm_within_minutes = 30", "confirm_within_minutes = 0");
        termin::staff::import(&self.app, &office).await.unwrap();
    }

    /// Let the outbox worker run, and return every mail the mailbox holds.
    pub async fn deliver(&self) -> Vec<Sent> {
        worker::deliver_due(&self.app, &self.mailer).await.unwrap();
        self.mailer.sent()
    }

    /// Book through the API; the answer.
    pub async fn book(&self, start: &str, email: &str) -> Answer {
        self.call(
            "POST",
            "/api/v1/bookings",
            Some(&booking_body(start, email)),
        )
        .await
    }

    pub async fn count(&self, table: &str) -> i64 {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        match &self.app.store {
            Store::Sqlite(s) => sqlx::query_scalar(&sql).fetch_one(&s.pool).await.unwrap(),
            Store::Postgres(p) => sqlx::query_scalar(&sql).fetch_one(&p.pool).await.unwrap(),
        }
    }
}

/// One text column of a query's rows, on either backend.
pub async fn texts(store: &Store, sql: &str) -> Vec<Option<String>> {
    match store {
        Store::Sqlite(s) => sqlx::query_scalar(sql).fetch_all(&s.pool).await.unwrap(),
        Store::Postgres(p) => sqlx::query_scalar(sql).fetch_all(&p.pool).await.unwrap(),
    }
}

/// One whole number from a query, on either backend.
pub async fn number(store: &Store, sql: &str) -> i64 {
    match store {
        Store::Sqlite(s) => sqlx::query_scalar(sql).fetch_one(&s.pool).await.unwrap(),
        Store::Postgres(p) => sqlx::query_scalar(sql).fetch_one(&p.pool).await.unwrap(),
    }
}

/// The booking writers, held up by a test: SQLite's writer turn, or on
/// PostgreSQL a transaction with an exclusive lock on a table they write.
pub enum HeldWriters<'a> {
    Sqlite(tokio::sync::MutexGuard<'a, ()>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

impl<'a> HeldWriters<'a> {
    pub async fn hold(store: &'a Store, table: &str) -> HeldWriters<'a> {
        match store {
            Store::Sqlite(s) => HeldWriters::Sqlite(s.lock_writer().await),
            Store::Postgres(p) => {
                let mut tx = p.pool.begin().await.unwrap();
                sqlx::query(&format!("LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"))
                    .execute(&mut *tx)
                    .await
                    .unwrap();
                HeldWriters::Postgres(tx)
            }
        }
    }

    pub async fn release(self) {
        match self {
            HeldWriters::Sqlite(turn) => drop(turn),
            HeldWriters::Postgres(tx) => tx.commit().await.unwrap(),
        }
    }
}

/// Wait until `n` sessions of the test database on PostgreSQL wait for a lock:
/// booking writers that a test holds up with a lock of its own.
pub async fn until_waiting_for_locks(store: &Store, n: i64) {
    let mut tries = 0;
    while number(
        store,
        // Only the writers' batch statement counts: autovacuum, too, waits for
        // a table a test holds, and would let a test go on too early.
        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() \
         AND wait_event_type = 'Lock' AND query LIKE 'WITH b AS MATERIALIZED%'",
    )
    .await
        < n
    {
        tries += 1;
        assert!(tries < 60, "the writers did not start on their bookings");
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
}

/// Wait until `n` bookings are on their way to the database: handed to the
/// writers and not answered (writers held up by a test).
pub async fn until_in_flight(store: &Store, n: usize) {
    let mut tries = 0;
    while store.bookings_in_flight() < n {
        tries += 1;
        assert!(
            tries < 600,
            "only {} bookings reached the writers",
            store.bookings_in_flight()
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

pub fn booking_body(start: &str, email: &str) -> Value {
    serde_json::json!({
        "office": "test",
        "services": ["anmeldung"],
        "persons": 1,
        "start": start,
        "name": "Anna Beispiel",
        "email": email,
    })
}

#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub json: Value,
    pub text: String,
}

/// A parsed mail: its headers, its plain-text and HTML bodies, decoded, and a calendar attachment.
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub message_id: String,
    pub calendar: Option<String>,
    /// Images the HTML shows inline, by Content-ID (the booking code's QR code).
    pub images: Vec<(String, Vec<u8>)>,
}

pub fn read_mail(sent: &Sent) -> Mail {
    use mail_parser::MimeHeaders;
    let msg = mail_parser::MessageParser::default()
        .parse(&sent.message)
        .expect("a parseable mail");
    let calendar = msg
        .attachments()
        .find(|a| a.is_content_type("text", "calendar"))
        .map(|a| String::from_utf8_lossy(a.contents()).into_owned());
    Mail {
        to: msg
            .to()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .unwrap_or_default()
            .to_string(),
        subject: msg.subject().unwrap_or_default().to_string(),
        text: msg.body_text(0).unwrap_or_default().to_string(),
        message_id: msg.message_id().unwrap_or_default().to_string(),
        html: msg.body_html(0).unwrap_or_default().to_string(),
        images: msg
            .parts
            .iter()
            .filter(|p| p.is_content_type("image", "png"))
            .map(|p| {
                let id = p.content_id().unwrap_or_default();
                (
                    id.trim_matches(['<', '>']).to_string(),
                    p.contents().to_vec(),
                )
            })
            .collect(),
        calendar,
    }
}

/// The secret token in a mail's manage link, as a citizen would follow it.
pub fn token_in(mail: &Mail) -> String {
    let at = mail.text.find("/b/").expect("a manage link in the mail");
    mail.text[at + 3..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect()
}

/// A browser as a citizen has one: it keeps the cookies the pages set and sends
/// them back, and follows nothing on its own.
pub struct Visitor<'t> {
    pub t: &'t TestApp,
    cookies: std::collections::BTreeMap<String, String>,
    /// Extra headers on every request (an `Accept-Language`, a forwarded address).
    pub headers: Vec<(String, String)>,
}

impl<'t> Visitor<'t> {
    pub fn new(t: &'t TestApp) -> Visitor<'t> {
        Visitor {
            t,
            cookies: Default::default(),
            headers: Vec::new(),
        }
    }

    /// A second tab of the same browser as it is now: same cookies from here on apart.
    pub fn twin(&self) -> Visitor<'t> {
        Visitor {
            t: self.t,
            cookies: self.cookies.clone(),
            headers: self.headers.clone(),
        }
    }

    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.cookies.get(name).map(String::as_str)
    }

    pub fn forget_cookie(&mut self, name: &str) {
        self.cookies.remove(name);
    }

    async fn send(&mut self, method: &str, uri: &str, form: Option<String>) -> Answer {
        self.send_as(method, uri, "application/x-www-form-urlencoded", form)
            .await
    }

    /// A POST with a body of any type, as a program would send it.
    pub async fn send_typed(&mut self, uri: &str, content_type: &str, body: String) -> Answer {
        self.send_as("POST", uri, content_type, Some(body)).await
    }

    /// A form POST whose body is sent as given, encoded or not.
    pub async fn post_raw(&mut self, uri: &str, body: String) -> Answer {
        self.send("POST", uri, Some(body)).await
    }

    async fn send_as(
        &mut self,
        method: &str,
        uri: &str,
        content_type: &str,
        form: Option<String>,
    ) -> Answer {
        let mut req = Request::builder().method(method).uri(uri);
        if !self.cookies.is_empty() {
            let jar: Vec<String> = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            req = req.header(header::COOKIE, jar.join("; "));
        }
        if form.is_some() {
            req = req.header(header::CONTENT_TYPE, content_type);
        }
        for (k, v) in &self.headers {
            req = req.header(k.as_str(), v.as_str());
        }
        let req = req.body(form.map_or_else(Body::empty, Body::from)).unwrap();
        let response = self.t.router.clone().oneshot(req).await.unwrap();
        for c in response.headers().get_all(header::SET_COOKIE) {
            let c = c.to_str().unwrap();
            let (pair, attrs) = c.split_once(';').unwrap_or((c, ""));
            let (k, v) = pair.split_once('=').unwrap();
            if attrs.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), v.to_string());
            }
        }
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        Answer {
            status,
            headers,
            json: Value::Null,
            text,
        }
    }

    pub async fn get(&mut self, uri: &str) -> Answer {
        self.send("GET", uri, None).await
    }

    /// Send a form as the browser does: fields url-encoded, in order.
    pub async fn post(&mut self, uri: &str, fields: &[(&str, &str)]) -> Answer {
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect();
        self.send("POST", uri, Some(body.join("&"))).await
    }
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The value of the first `<input name="NAME" value="…">` or `<button name="NAME" value="…">` on a page.
pub fn field_value(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\" value=\""))?;
    let rest = &html[at + name.len() + 15..];
    Some(rest[..rest.find('"')?].to_string())
}

/// Every value a page offers under one name (e.g. the times a form offers as `start`).
pub fn field_values(html: &str, name: &str) -> Vec<String> {
    let marker = format!("name=\"{name}\" value=\"");
    html.match_indices(&marker)
        .map(|(at, _)| {
            let rest = &html[at + marker.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

/// A TCP relay in front of a PostgreSQL server whose links can be cut the way a
/// failing network cuts them: the client's side of each link ends, while the
/// server's side stays open and unanswered, so the server learns nothing and
/// goes on with what it was sent. It can also play a server that is down.
pub struct Relay {
    /// The database URL, through the relay.
    pub url: String,
    port: u16,
    target: String,
    cut: tokio::sync::watch::Sender<u32>,
    /// The server's sides of cut links, kept open until the relay goes.
    parked: Arc<std::sync::Mutex<Vec<tokio::net::TcpStream>>>,
    links: Arc<std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>>,
    listener: std::sync::Mutex<Option<tokio::task::JoinHandle<()>>>,
}

impl Relay {
    /// Relay to the host and port of `url` (`postgres://user@host:port/db`).
    pub async fn start(url: &str) -> Relay {
        let (scheme, rest) = url.split_once("://").expect("a URL");
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let (user, target) = match authority.rsplit_once('@') {
            Some((user, host)) => (format!("{user}@"), host.to_string()),
            None => (String::new(), authority.to_string()),
        };
        let target = if target.contains(':') {
            target
        } else {
            format!("{target}:5432")
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let relay = Relay {
            url: format!("{scheme}://{user}127.0.0.1:{port}/{path}"),
            port,
            target,
            cut: tokio::sync::watch::channel(0u32).0,
            parked: Arc::default(),
            links: Arc::default(),
            listener: std::sync::Mutex::default(),
        };
        relay.listen(listener);
        relay
    }

    fn listen(&self, listener: tokio::net::TcpListener) {
        let (target, parked, cut) = (self.target.clone(), self.parked.clone(), self.cut.clone());
        let links = self.links.clone();
        let task = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                let (target, parked) = (target.clone(), parked.clone());
                // Only cuts from now on end this link.
                let mut cuts = cut.subscribe();
                let link = tokio::spawn(async move {
                    let Ok(mut outbound) = tokio::net::TcpStream::connect(&target).await else {
                        return;
                    };
                    let was_cut = tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => false,
                        _ = cuts.changed() => true,
                    };
                    if was_cut {
                        parked.lock().unwrap().push(outbound);
                    }
                });
                links.lock().unwrap().push(link);
            }
        });
        *self.listener.lock().unwrap() = Some(task);
    }

    /// Cut every link open now, and wait until their client sides are closed;
    /// new links can be made.
    pub async fn cut(&self) {
        let open = std::mem::take(&mut *self.links.lock().unwrap());
        self.cut.send_modify(|n| *n += 1);
        for link in open {
            let _ = link.await;
        }
    }

    /// The server is gone: connecting is refused, and open links are cut.
    pub async fn down(&self) {
        let listener = self.listener.lock().unwrap().take();
        if let Some(task) = listener {
            task.abort();
            let _ = task.await;
        }
        self.cut().await;
    }

    /// The server is back, at the same address.
    pub async fn up(&self) {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port))
            .await
            .unwrap();
        self.listen(listener);
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        if let Some(task) = self.listener.lock().unwrap().take() {
            task.abort();
        }
    }
}

/// A fresh PostgreSQL database and an app that reaches it through a [`Relay`];
/// `None` where the PostgreSQL half does not run.
pub async fn relayed_postgres() -> Option<(Db, Relay, TestApp)> {
    postgres_server()?;
    let db = Db::postgres().await?;
    let relay = Relay::start(&db.url).await;
    let t = TestApp::new(Store::connect(&relay.url).await.unwrap()).await;
    Some((db, relay, t))
}

/// Close what [`relayed_postgres`] opened and note that `test` ran to the end.
pub async fn finish_relayed(db: Db, relay: Relay, t: &TestApp, test: &str) {
    t.app.store.close().await;
    drop(relay);
    db.drop().await;
    ran_on_postgres(test);
}

/// The texts of the elements a CSS selector finds on a page, whitespace made single.
pub fn select(html: &str, css: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e}"));
    doc.select(&selector)
        .map(|e| {
            e.text()
                .collect::<Vec<_>>()
                .join("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// An attribute of each element a CSS selector finds on a page.
pub fn attrs(html: &str, css: &str, attr: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e}"));
    doc.select(&selector)
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// An API key of `role` for `office` (or every office), made as the command line makes it.
pub async fn staff_key(t: &TestApp, role: &str, office: Option<&str>) -> String {
    termin::staff::add_api_key(
        &t.app,
        &termin::staff::Staff::cli(),
        &format!("{role} key"),
        office,
        Some(role),
    )
    .await
    .unwrap()
}

impl TestApp {
    /// A request of a staff system with `Authorization: Bearer KEY`.
    pub async fn staff(&self, key: &str, method: &str, uri: &str, body: Option<Value>) -> Answer {
        let auth = format!("Bearer {key}");
        self.request(
            method,
            uri,
            body.map(|b| b.to_string()),
            &[("authorization", &auth)],
        )
        .await
    }

    /// Book `start` (confirmed at once when the office says so) as `email`; the booking's id.
    pub async fn booked(&self, start: &str, email: &str) -> String {
        let b = self.book(start, email).await;
        assert_eq!(b.status, StatusCode::CREATED, "{}", b.text);
        b.json["id"].as_str().unwrap().to_string()
    }

    /// The booking code of a booking, as it is stored.
    pub async fn code_of(&self, booking_id: &str) -> String {
        texts(
            &self.app.store,
            &format!("SELECT code FROM bookings WHERE id = '{booking_id}'"),
        )
        .await
        .remove(0)
        .expect("a booking code")
    }

    /// The stored status of a booking.
    pub async fn booking_status(&self, booking_id: &str) -> String {
        texts(
            &self.app.store,
            &format!("SELECT status FROM bookings WHERE id = '{booking_id}'"),
        )
        .await
        .remove(0)
        .unwrap()
    }

    /// Set the clock to a local time of Tuesday 1 December 2026 in Rostock ("07:45").
    pub fn at_local(&self, hh_mm: &str) {
        self.clock.set(at(&format!("2026-12-01T{hh_mm}:00+01:00")));
    }
}

/// What a QR code image says, read by zbarimg (`zbar-tools`); `None` when it is
/// not installed and that is allowed (`TERMIN_TEST_BROWSER_REQUIRED` unset).
pub fn read_qr(png: &[u8]) -> Option<String> {
    let file = scratch_dir().join("qr.png");
    std::fs::write(&file, png).unwrap();
    let out = match std::process::Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(&file)
        .output()
    {
        Ok(out) => out,
        Err(_) if std::env::var("TERMIN_TEST_BROWSER_REQUIRED").is_ok_and(|v| v == "1") => {
            panic!("reading QR codes needs zbarimg (zbar-tools)")
        }
        Err(_) => {
            eprintln!("skipped: zbarimg is not installed");
            return None;
        }
    };
    assert!(
        out.status.success(),
        "zbarimg: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap().trim().to_string())
}

/// The rows of a CSV text (RFC 4180: quoted fields with doubled quotes, CRLF).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}
