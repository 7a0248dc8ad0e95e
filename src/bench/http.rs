//! `termin bench http`: the real server, as its own process, driven over
//! loopback the way citizens reach it.
//!
//! The run prepares a fresh database (a scratch file, or a scratch database on
//! the PostgreSQL server given), measures there the raw durable commit rate by
//! the simplest client (one insert per transaction on one connection), then
//! starts `termin serve` on it and sends, each kind for `--seconds` over
//! `--connections` keep-alive connections: the calendar page, a day page, 31
//! days of availability (full and compact) and bookings. Last comes the release
//! rush: `--rush-clients` clients, each on its own connection, for
//! `--rush-seconds`, read the availability of an office with few places and
//! book one of the free times they see, again and again. Afterwards the run
//! checks that no time holds more bookings than desks, that every booking
//! answered 201 is in the database, and that `termin check` finds nothing; it
//! fails when one of these does not hold or any answer was a 5xx.
//!
//! Latencies are measured by the client from sending a request to the end of
//! its answer. The server's CPU time and memory come from `/proc` (Linux).
//! The client runs on the same machine and takes CPU from the server; the
//! figures are what one machine does with both.
//!
//! ```sh
//! cargo run --release -- bench http --postgres postgres://postgres@127.0.0.1:5432/postgres
//! # shorter
//! cargo run --release -- bench http --seconds 3 --rush-clients 100 --rush-seconds 10
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::{Method, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::{json, Value};
use sqlx::Connection;

use super::{letters, percentile, with_database, BenchOffice, Spread, BENCH_OFFICE};
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::store::Store;
use crate::{server, staff};

#[derive(clap::Args, Debug, Clone)]
pub struct Options {
    /// Seconds each kind of request is sent.
    #[arg(long, default_value_t = 10)]
    pub seconds: u64,
    /// Keep-alive connections for each kind of request.
    #[arg(long, default_value_t = 64)]
    pub connections: usize,
    /// Clients in the release rush, each on its own keep-alive connection.
    #[arg(long, default_value_t = 500)]
    pub rush_clients: usize,
    /// Seconds the release rush lasts.
    #[arg(long, default_value_t = 60)]
    pub rush_seconds: u64,
    /// Milliseconds a rush client looks at an answer before its next request, on
    /// average (each wait is between half and one and a half of it): a person
    /// reading the free times, or reloading. 0 sends as fast as answers come.
    #[arg(long, default_value_t = 1000)]
    pub think_ms: u64,
    /// Also measure PostgreSQL: a server URL; a scratch database is created on it and dropped.
    #[arg(long, env = "TERMIN_BENCH_POSTGRES")]
    pub postgres: Option<String>,
}

/// The office of the rush: one counter with two desks from 8 to 12 every day,
/// a quarter of an hour per booking, bookable for two weeks: few places for
/// many clients.
const RUSH_OFFICE: BenchOffice = BenchOffice {
    id: "rush",
    horizon_days: 14,
    grid_minutes: 15,
    from: "08:00",
    to: "12:00",
    desks: 2,
};

/// What one kind of request got.
#[derive(Default)]
struct Tally {
    took: Vec<Duration>,
    statuses: BTreeMap<u16, usize>,
    /// Requests that got no answer (the connection failed).
    failed: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.took.extend(other.took);
        for (status, n) in other.statuses {
            *self.statuses.entry(status).or_default() += n;
        }
        self.failed += other.failed;
    }

    fn count(&self, f: impl Fn(u16) -> bool) -> usize {
        self.statuses
            .iter()
            .filter(|(s, _)| f(**s))
            .map(|(_, n)| n)
            .sum()
    }

    fn server_errors(&self) -> usize {
        self.count(|s| s >= 500)
    }
}

/// One measured kind of request.
struct Row {
    what: &'static str,
    connections: usize,
    seconds: f64,
    tally: Tally,
    /// The server's CPU time over the phase.
    cpu: Duration,
    /// Citizens' paths: how many confirmed their booking.
    confirmed: usize,
}

impl Row {
    fn per_second(&self) -> f64 {
        self.tally.took.len() as f64 / self.seconds
    }
}

/// What the rush did.
struct Rush {
    clients: usize,
    think: Duration,
    seconds: f64,
    reads: Tally,
    bookings: Tally,
    places: i64,
    booked_in_database: i64,
    overbooked_times: i64,
    cpu: Duration,
}

struct Report {
    backend: &'static str,
    raw_per_second: f64,
    rows: Vec<Row>,
    rush: Rush,
    rss_peak_kib: u64,
    rss_end_kib: u64,
    check_clean: bool,
    /// Bookings confirmed at the bench office: one per citizen's path.
    citizens_confirmed: i64,
}

pub async fn run(options: Options) -> anyhow::Result<()> {
    let mut reports = vec![on_sqlite(&options).await?];
    if let Some(url) = &options.postgres {
        reports.push(on_postgres(url, &options).await?);
    }
    print(&reports);
    let mut wrong = Vec::new();
    for r in &reports {
        let errors: usize = r
            .rows
            .iter()
            .map(|row| row.tally.server_errors())
            .sum::<usize>()
            + r.rush.reads.server_errors()
            + r.rush.bookings.server_errors();
        if errors > 0 {
            wrong.push(format!("{}: {errors} answers were 5xx", r.backend));
        }
        if r.rush.overbooked_times > 0 {
            wrong.push(format!(
                "{}: {} times hold more bookings than desks",
                r.backend, r.rush.overbooked_times
            ));
        }
        let acknowledged = r.rush.bookings.count(|s| s == 201) as i64;
        if acknowledged != r.rush.booked_in_database {
            wrong.push(format!(
                "{}: {acknowledged} bookings answered 201, {} in the database",
                r.backend, r.rush.booked_in_database
            ));
        }
        if !r.check_clean {
            wrong.push(format!("{}: termin check found differences", r.backend));
        }
        let (paths, confirmed) = r
            .rows
            .iter()
            .find(|row| row.what == CITIZEN_PATH)
            .map_or((0, 0), |row| (row.tally.took.len(), row.confirmed as i64));
        if paths == 0 {
            wrong.push(format!(
                "{}: no citizen got to the end of the path",
                r.backend
            ));
        }
        if confirmed != r.citizens_confirmed {
            wrong.push(format!(
                "{}: {confirmed} citizens were told their booking is confirmed, {} bookings are",
                r.backend, r.citizens_confirmed
            ));
        }
    }
    if !wrong.is_empty() {
        bail!("{}", wrong.join("; "));
    }
    Ok(())
}

async fn on_sqlite(options: &Options) -> anyhow::Result<Report> {
    let dir = scratch_dir()?;
    let url = format!("sqlite://{}", dir.join("termin.db").display());
    let report = measure(&url, &dir, options).await;
    let _ = std::fs::remove_dir_all(&dir);
    report
}

async fn on_postgres(server_url: &str, options: &Options) -> anyhow::Result<Report> {
    let dir = scratch_dir()?;
    let admin = Store::connect(server_url).await?;
    let name = format!("termin_bench_{}", uuid::Uuid::new_v4().simple());
    crate::store::on!(&admin, pool => sqlx::query(&format!("CREATE DATABASE {name}")).execute(pool).await.map(|_| ()))?;
    let report = measure(&with_database(server_url, &name), &dir, options).await;
    crate::store::on!(&admin, pool => sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)")).execute(pool).await.map(|_| ()))?;
    admin.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    report
}

fn scratch_dir() -> anyhow::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!(
        "termin-bench-http-{}",
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

async fn measure(url: &str, dir: &Path, options: &Options) -> anyhow::Result<Report> {
    let backend = prepare(url).await?;
    eprintln!("bench http: {backend}: raw commits on one connection");
    let raw_per_second = raw_rate(url, Duration::from_secs(options.seconds)).await?;

    let server = Server::start(url, dir).await?;
    let result = drive(&server, options).await;
    let rss = server.rss_kib();
    let exit = server.stop().await;
    let (rows, rush) = result?;
    exit?;

    let store = Store::connect(url).await?;
    let check_clean = store.check().await?.is_empty();
    let (booked_in_database, overbooked_times) = rush_bookings(&store).await?;
    // Only the citizens' paths confirm bookings at the bench office.
    let citizens_confirmed: i64 = crate::store::on!(&store, pool => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM bookings WHERE office_id = 'bench' AND status = 'confirmed'"
    ).fetch_one(pool).await)?;
    store.close().await;
    Ok(Report {
        backend,
        raw_per_second,
        rows,
        rush: Rush {
            booked_in_database,
            overbooked_times,
            ..rush
        },
        rss_peak_kib: rss.0,
        rss_end_kib: rss.1,
        check_clean,
        citizens_confirmed,
    })
}

/// Create the schema, the demo offices, the bench office and the rush office.
async fn prepare(url: &str) -> anyhow::Result<&'static str> {
    let config = Config {
        database_url: url.to_string(),
        demo: Some(false),
        ..Config::default()
    };
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let app = server::open(&config, clock).await?;
    // The demo's offices, without its staff and appointments (whose passwords
    // and names it would print).
    staff::import(&app, crate::DEMO_OFFICES)
        .await
        .context("importing the demo offices")?;
    for office in [BENCH_OFFICE, RUSH_OFFICE] {
        staff::import(&app, &office.file())
            .await
            .context("importing a bench office")?;
    }
    crate::store::on!(&app.store, pool => sqlx::query("CREATE TABLE bench_raw (id BIGINT PRIMARY KEY, at BIGINT NOT NULL)").execute(pool).await.map(|_| ()))?;
    let backend = app.store.backend();
    app.store.close().await;
    Ok(backend)
}

/// One-row inserts, each its own durable transaction, one after another on one
/// connection, for `length`: inserts per second.
async fn raw_rate(url: &str, length: Duration) -> anyhow::Result<f64> {
    macro_rules! inserts {
        ($conn:expr) => {{
            let mut conn = $conn;
            let started = Instant::now();
            let mut n: i64 = 0;
            while started.elapsed() < length {
                sqlx::query("INSERT INTO bench_raw (id, at) VALUES ($1, $2)")
                    .bind(n)
                    .bind(n)
                    .execute(&mut conn)
                    .await?;
                n += 1;
            }
            let rate = n as f64 / started.elapsed().as_secs_f64();
            conn.close().await?;
            rate
        }};
    }
    Ok(if url.starts_with("sqlite:") {
        inserts!(sqlx::SqliteConnection::connect_with(&crate::store::sqlite_options(url)?).await?)
    } else {
        inserts!(sqlx::PgConnection::connect(url).await?)
    })
}

/// Active bookings at the rush office, and how many of its times hold more than its desks.
async fn rush_bookings(store: &Store) -> anyhow::Result<(i64, i64)> {
    const ACTIVE: &str = "office_id = 'rush' AND status IN ('pending', 'confirmed')";
    let booked: i64 = crate::store::on!(store, pool => sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM bookings WHERE {ACTIVE}")).fetch_one(pool).await)?;
    let overbooked: i64 = crate::store::on!(store, pool => sqlx::query_scalar::<_, i64>(&format!(
        "SELECT COUNT(*) FROM (SELECT start_at FROM bookings WHERE {ACTIVE} GROUP BY start_at HAVING COUNT(*) > {desks}) AS t",
        desks = RUSH_OFFICE.desks
    )).fetch_one(pool).await)?;
    Ok((booked, overbooked))
}

/// `termin serve` as a child process on a free loopback port, with its own
/// working directory (mails are written there as files) and log.
struct Server {
    child: tokio::process::Child,
    addr: std::net::SocketAddr,
    /// Its working folder, where it writes its mails.
    dir: PathBuf,
}

impl Server {
    async fn start(url: &str, dir: &Path) -> anyhow::Result<Server> {
        let addr = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?;
        let log = std::fs::File::create(dir.join("server.log"))?;
        let mut cmd = tokio::process::Command::new(std::env::current_exe()?);
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("TERMIN_") {
                cmd.env_remove(key);
            }
        }
        cmd.arg("serve")
            .current_dir(dir)
            .env("TERMIN_DATABASE_URL", url)
            .env("TERMIN_BIND", addr.to_string())
            .env("TERMIN_DEMO", "false")
            // Every client comes from 127.0.0.1 here; a city's citizens come from
            // many addresses, each under its own limits.
            .env("TERMIN_RATE_LIMITS", "false")
            .env("TERMIN_MAX_CONNECTIONS_PER_CLIENT", "100000")
            .env("TERMIN_HOLD_MINUTES_PER_CLIENT", "1440")
            .env("TERMIN_HOLD_SHARE_PERCENT", "100")
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .kill_on_drop(true);
        let child = cmd.spawn().context("starting termin serve")?;
        let server = Server {
            child,
            addr,
            dir: dir.to_path_buf(),
        };
        let started = Instant::now();
        loop {
            if let Ok(mut conn) = Conn::open(addr).await {
                if let Ok((StatusCode::OK, _)) = conn.send(Method::GET, "/readyz", None).await {
                    return Ok(server);
                }
            }
            if started.elapsed() > Duration::from_secs(30) {
                bail!(
                    "the server did not get ready in 30 s; see {}",
                    dir.join("server.log").display()
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// The server's user and system CPU time so far.
    fn cpu(&self) -> Duration {
        self.pid().and_then(process_cpu).unwrap_or_default()
    }

    /// The server's peak and current resident memory in KiB.
    fn rss_kib(&self) -> (u64, u64) {
        let status = self
            .pid()
            .and_then(|pid| std::fs::read_to_string(format!("/proc/{pid}/status")).ok())
            .unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
                .unwrap_or(0)
        };
        (field("VmHWM:"), field("VmRSS:"))
    }

    /// Stop it as a service manager does (SIGTERM), and wait for its exit.
    async fn stop(mut self) -> anyhow::Result<()> {
        if let Some(pid) = self.pid() {
            // SAFETY: kill(2) with a child's pid and a signal number.
            unsafe { libc::kill(pid as i32, libc::SIGTERM) };
        }
        let status = tokio::time::timeout(Duration::from_secs(60), self.child.wait())
            .await
            .context("the server did not stop within 60 s of SIGTERM")??;
        if !status.success() {
            bail!("the server exited with {status}");
        }
        Ok(())
    }
}

/// User plus system CPU time of a process, from `/proc/{pid}/stat`.
fn process_cpu(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The fields after the command name, which is in parentheses: state is the
    // first, utime the 12th, stime the 13th.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // SAFETY: sysconf has no preconditions.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    Some(Duration::from_micros(ticks * 1_000_000 / per_second))
}

/// One keep-alive HTTP/1.1 connection to the server.
struct Conn {
    sender: hyper::client::conn::http1::SendRequest<Full<Bytes>>,
    addr: std::net::SocketAddr,
}

impl Conn {
    async fn open(addr: std::net::SocketAddr) -> anyhow::Result<Conn> {
        let tcp = tokio::net::TcpStream::connect(addr).await?;
        tcp.set_nodelay(true)?;
        let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(tcp)).await?;
        tokio::spawn(async move {
            let _ = conn.await;
        });
        Ok(Conn { sender, addr })
    }

    /// Send one request (with a JSON body if given) and read its answer to the
    /// end; on a failed connection, open a new one for the next request.
    async fn send(
        &mut self,
        method: Method,
        path: &str,
        json: Option<&Value>,
    ) -> anyhow::Result<(StatusCode, Bytes)> {
        let (headers, body) = match json {
            Some(v) => (
                vec![("content-type", "application/json".to_string())],
                Bytes::from(v.to_string()),
            ),
            None => (Vec::new(), Bytes::new()),
        };
        let response = self.request(method, path, &headers, body).await?;
        let status = response.status();
        match response.into_body().collect().await {
            Ok(body) => Ok((status, body.to_bytes())),
            Err(e) => {
                if let Ok(fresh) = Conn::open(self.addr).await {
                    *self = fresh;
                }
                Err(e.into())
            }
        }
    }

    /// Send one request with these headers and body; on a failed connection,
    /// open a new one for the next request.
    async fn request(
        &mut self,
        method: Method,
        path: &str,
        headers: &[(&str, String)],
        body: Bytes,
    ) -> anyhow::Result<hyper::Response<hyper::body::Incoming>> {
        let result = async {
            self.sender.ready().await?;
            let mut request = hyper::Request::builder()
                .method(method)
                .uri(path)
                .header(hyper::header::HOST, self.addr.to_string())
                // As browsers and most clients send it.
                .header(hyper::header::ACCEPT_ENCODING, "gzip");
            for (k, v) in headers {
                request = request.header(*k, v);
            }
            anyhow::Ok(
                self.sender
                    .send_request(request.body(Full::new(body))?)
                    .await?,
            )
        }
        .await;
        if result.is_err() {
            if let Ok(fresh) = Conn::open(self.addr).await {
                *self = fresh;
            }
        }
        result
    }
}

/// What a request of a steady phase is, given its number.
type NextRequest = Arc<dyn Fn(usize) -> (Method, String, Option<Value>) + Send + Sync>;

/// Send requests made by `next` over `connections` connections, each one after
/// another, for `length`.
async fn phase(
    server: &Server,
    what: &'static str,
    connections: usize,
    length: Duration,
    next: NextRequest,
) -> anyhow::Result<Row> {
    eprintln!("bench http: {what}, {connections} connections");
    let counter = Arc::new(AtomicUsize::new(0));
    let cpu_before = server.cpu();
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..connections.max(1) {
        let mut conn = Conn::open(server.addr).await?;
        let (next, counter) = (next.clone(), counter.clone());
        tasks.spawn(async move {
            let mut tally = Tally::default();
            while started.elapsed() < length {
                let (method, path, body) = next(counter.fetch_add(1, Ordering::Relaxed));
                let sent = Instant::now();
                match conn.send(method, &path, body.as_ref()).await {
                    Ok((status, _)) => {
                        tally.took.push(sent.elapsed());
                        *tally.statuses.entry(status.as_u16()).or_default() += 1;
                    }
                    Err(_) => tally.failed += 1,
                }
            }
            tally
        });
    }
    let mut tally = Tally::default();
    while let Some(t) = tasks.join_next().await {
        tally.add(t?);
    }
    tally.took.sort_unstable();
    Ok(Row {
        what,
        connections,
        seconds: started.elapsed().as_secs_f64(),
        tally,
        cpu: server.cpu().saturating_sub(cpu_before),
        confirmed: 0,
    })
}

/// Every steady phase, then the rush.
async fn drive(server: &Server, options: &Options) -> anyhow::Result<(Vec<Row>, Rush)> {
    let length = Duration::from_secs(options.seconds);
    let n = options.connections;
    let (_, body) = Conn::open(server.addr)
        .await?
        .send(
            Method::GET,
            "/api/v1/offices/mitte/availability?services=anmeldung&format=compact",
            None,
        )
        .await?;
    let body = gunzip(&body);
    let free: Value = serde_json::from_slice(&body).context("the availability")?;
    let day = free["days"]
        .as_array()
        .and_then(|days| {
            days.iter()
                .find(|d| d["times"].as_array().is_some_and(|t| !t.is_empty()))
        })
        .and_then(|d| d["date"].as_str())
        .context("no free day at the demo office")?
        .to_string();
    let get =
        |path: String| -> NextRequest { Arc::new(move |_| (Method::GET, path.clone(), None)) };
    let mut rows = vec![
        phase(
            server,
            "calendar page",
            n,
            length,
            get("/o/mitte/days?service=anmeldung&persons=1".into()),
        )
        .await?,
        phase(
            server,
            "day page",
            n,
            length,
            get(format!(
                "/o/mitte/day?service=anmeldung&persons=1&date={day}"
            )),
        )
        .await?,
        phase(
            server,
            "availability, 31 days",
            n,
            length,
            get(month("full")),
        )
        .await?,
        phase(
            server,
            "availability, 31 days, compact",
            n,
            length,
            get(month("compact")),
        )
        .await?,
    ];
    let spread = Spread::from_tomorrow();
    let book: NextRequest = Arc::new(move |i| {
        let body = json!({
            "office": "bench",
            "services": ["s"],
            "persons": 1,
            "start": spread.start(i).to_rfc3339(),
            "name": format!("Person {}", letters(i)),
            "email": format!("person{i}@example.org"),
        });
        (Method::POST, "/api/v1/bookings".into(), Some(body))
    });
    // Before the bookings of the API, whose mails would queue in front of the
    // citizens' ones.
    rows.push(citizens(server, n, length).await?);
    rows.push(phase(server, "bookings", n, length, book).await?);
    let rush = rush(server, options).await?;
    Ok((rows, rush))
}

/// A browser as a citizen has one: a keep-alive connection, and the cookies
/// the pages set, sent back.
struct Browser {
    conn: Conn,
    cookies: BTreeMap<String, String>,
}

impl Browser {
    /// Ask for a page (or send a form, as a browser does from our own origin);
    /// its status, where it redirects to, and its HTML.
    async fn page(
        &mut self,
        method: Method,
        path: &str,
        form: Option<&[(&str, &str)]>,
    ) -> anyhow::Result<(StatusCode, String, String)> {
        let cookies: Vec<String> = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let mut headers = vec![("cookie", cookies.join("; "))];
        let body = form.map(|fields| {
            headers.push(("content-type", "application/x-www-form-urlencoded".into()));
            headers.push(("sec-fetch-site", "same-origin".into()));
            fields
                .iter()
                .map(|(k, v)| format!("{k}={}", form_encoded(v)))
                .collect::<Vec<_>>()
                .join("&")
        });
        let response = self
            .conn
            .request(
                method,
                path,
                &headers,
                Bytes::from(body.unwrap_or_default()),
            )
            .await?;
        for set in response.headers().get_all(hyper::header::SET_COOKIE) {
            let pair = set.to_str().unwrap_or_default().split(';').next();
            if let Some((k, v)) = pair.and_then(|p| p.split_once('=')) {
                self.cookies
                    .insert(k.trim().to_string(), v.trim().to_string());
            }
        }
        let status = response.status();
        let location = response
            .headers()
            .get(hyper::header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let body = match response.into_body().collect().await {
            Ok(body) => body.to_bytes(),
            Err(e) => {
                if let Ok(fresh) = Conn::open(self.conn.addr).await {
                    self.conn = fresh;
                }
                return Err(e.into());
            }
        };
        Ok((
            status,
            location,
            String::from_utf8_lossy(&gunzip(&body)).into_owned(),
        ))
    }
}

/// A form value as a browser sends it.
fn form_encoded(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                (b as char).to_string()
            }
            b' ' => "+".to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// The value of the first form field `name` on a page.
fn field(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let rest = &html[html.find(&marker)? + marker.len()..];
    Some(rest[..rest.find('"')?].to_string())
}

/// The links in the mails the server wrote to its folder, by recipient: the
/// citizens' inbox. A mail's text is quoted-printable, its long lines broken.
#[derive(Default)]
struct Inbox {
    read: std::collections::HashSet<std::ffi::OsString>,
    links: std::collections::HashMap<String, Vec<String>>,
    /// When the folder was last read: the citizens waiting for a mail share
    /// one look every few milliseconds, so that listing a folder of thousands
    /// of files does not take the cores the server needs.
    looked: Option<Instant>,
}

impl Inbox {
    fn look_again(&mut self, dir: &Path) {
        if self
            .looked
            .is_none_or(|at| at.elapsed() >= Duration::from_millis(20))
        {
            self.look(dir);
        }
    }

    fn look(&mut self, dir: &Path) {
        self.looked = Some(Instant::now());
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if !name.to_string_lossy().ends_with(".eml") || self.read.contains(&name) {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let text = text.replace("=\r\n", "").replace("=\n", "");
            // `To: citizen7@example.org`, or with the name once it is confirmed:
            // `To: "Person H" <citizen7@example.org>`.
            let to = text
                .lines()
                .find_map(|l| l.strip_prefix("To: "))
                .unwrap_or_default();
            let to = match (to.rfind('<'), to.rfind('>')) {
                (Some(open), Some(close)) if open < close => &to[open + 1..close],
                _ => to,
            }
            .trim()
            .to_string();
            let link = text.find("/b/").map(|at| {
                text[at..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
                    .collect::<String>()
            });
            self.read.insert(name);
            self.links.entry(to).or_default().extend(link);
        }
    }
}

const CITIZEN_PATH: &str = "citizen path: 8 pages, 2 mails";

/// The whole citizen path through the pages, as many citizens at once as
/// there are connections: the day page, a time held, the details form, sent,
/// the done page, the link in the mail, confirmed, the booking's page — eight
/// requests — and the two mails (please confirm, confirmed). One row: the time
/// a path took, and the server's CPU per path, mails included.
async fn citizens(server: &Server, connections: usize, length: Duration) -> anyhow::Result<Row> {
    let what = CITIZEN_PATH;
    eprintln!("bench http: {what}, {connections} citizens");
    let inbox = Arc::new(std::sync::Mutex::new(Inbox::default()));
    let mail_dir = server.dir.join("mail");
    inbox.lock().unwrap().look(&mail_dir);
    let counter = Arc::new(AtomicUsize::new(0));
    let spread = Spread::from_tomorrow();
    let cpu_before = server.cpu();
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..connections.max(1) {
        let mut browser = Browser {
            conn: Conn::open(server.addr).await?,
            cookies: BTreeMap::new(),
        };
        let (counter, inbox, mail_dir) = (counter.clone(), inbox.clone(), mail_dir.clone());
        tasks.spawn(async move {
            let mut tally = Tally::default();
            let mut confirmed = Vec::new();
            while started.elapsed() < length {
                let i = counter.fetch_add(1, Ordering::Relaxed);
                let sent = Instant::now();
                let mut walk = Walk::default();
                let path = citizen_path(&mut browser, spread, i, &inbox, &mail_dir, &mut walk);
                let ended = path.await;
                for status in walk.answers {
                    *tally.statuses.entry(status).or_default() += 1;
                }
                if walk.confirmed {
                    confirmed.push(citizen_email(i));
                }
                match ended {
                    Ok(()) => tally.took.push(sent.elapsed()),
                    Err(PathError::Answer) => {}
                    Err(PathError::Failed) => tally.failed += 1,
                }
            }
            (tally, confirmed)
        });
    }
    let mut tally = Tally::default();
    let mut confirmed = Vec::new();
    while let Some(t) = tasks.join_next().await {
        let (t, emails) = t?;
        tally.add(t);
        confirmed.extend(emails);
    }
    let seconds = started.elapsed().as_secs_f64();
    // The confirmations' mails are written after their paths ended: wait for
    // the second mail of every citizen who confirmed.
    let missing = |inbox: &Inbox| {
        confirmed
            .iter()
            .filter(|e| inbox.links.get(*e).is_none_or(|l| l.len() < 2))
            .count()
    };
    let waiting = Instant::now();
    while missing(&inbox.lock().unwrap()) > 0 && waiting.elapsed() < Duration::from_secs(30) {
        tokio::time::sleep(Duration::from_millis(20)).await;
        inbox.lock().unwrap().look(&mail_dir);
    }
    let cpu = server.cpu().saturating_sub(cpu_before);
    let lacking = missing(&inbox.lock().unwrap());
    if lacking > 0 {
        bail!(
            "{} citizens confirmed, but {lacking} of them did not get both mails",
            confirmed.len()
        );
    }
    tally.took.sort_unstable();
    Ok(Row {
        what,
        connections,
        seconds,
        tally,
        cpu,
        confirmed: confirmed.len(),
    })
}

/// What one citizen's path got: the statuses of its answers, and whether it
/// confirmed its booking.
#[derive(Default)]
struct Walk {
    answers: Vec<u16>,
    confirmed: bool,
}

fn citizen_email(i: usize) -> String {
    format!("citizen{i}@example.org")
}

/// Why a citizen's path ended before its last page.
enum PathError {
    /// A page answered otherwise than a citizen's next step needs.
    Answer,
    /// No answer, or a page without what the next step needs.
    Failed,
}

impl From<anyhow::Error> for PathError {
    fn from(_: anyhow::Error) -> PathError {
        PathError::Failed
    }
}

/// One citizen books the `i`th time through the pages and confirms by the
/// mail's link; the statuses of the eight answers.
async fn citizen_path(
    b: &mut Browser,
    spread: Spread,
    i: usize,
    inbox: &std::sync::Mutex<Inbox>,
    mail_dir: &Path,
    walk: &mut Walk,
) -> Result<(), PathError> {
    let mut expect = |got: (StatusCode, String, String), want: StatusCode| {
        walk.answers.push(got.0.as_u16());
        if got.0 == want {
            Ok((got.1, got.2))
        } else {
            Err(PathError::Answer)
        }
    };
    let start = spread.start(i);
    let date = start.with_timezone(&chrono_tz::Europe::Berlin).date_naive();
    let (_, day) = expect(
        b.page(
            Method::GET,
            &format!("/o/bench/day?service=s&persons=1&date={date}"),
            None,
        )
        .await?,
        StatusCode::OK,
    )?;
    let csrf = field(&day, "csrf").ok_or(PathError::Failed)?;
    let time = field(&day, "start").ok_or(PathError::Failed)?;
    let hold = [
        ("csrf", csrf.as_str()),
        ("service", "s"),
        ("persons", "1"),
        ("start", time.as_str()),
    ];
    let (details, _) = expect(
        b.page(Method::POST, "/o/bench/hold", Some(&hold)).await?,
        StatusCode::SEE_OTHER,
    )?;
    let (_, form) = expect(b.page(Method::GET, &details, None).await?, StatusCode::OK)?;
    let csrf = field(&form, "csrf").ok_or(PathError::Failed)?;
    let email = citizen_email(i);
    let name = format!("Person {}", letters(i));
    let sent = [
        ("csrf", csrf.as_str()),
        ("name", name.as_str()),
        ("email", email.as_str()),
        ("phone", ""),
        ("consent", "yes"),
        ("website", ""),
    ];
    let (done, _) = expect(
        b.page(Method::POST, &details, Some(&sent)).await?,
        StatusCode::SEE_OTHER,
    )?;
    expect(b.page(Method::GET, &done, None).await?, StatusCode::OK)?;
    // The citizen opens the mail, which may take a moment to come.
    let waiting = Instant::now();
    let link = loop {
        let found = {
            let mut i = inbox.lock().unwrap();
            i.look_again(mail_dir);
            i.links.get(&email).and_then(|l| l.first().cloned())
        };
        match found {
            Some(link) => break link,
            None if waiting.elapsed() > Duration::from_secs(30) => return Err(PathError::Failed),
            None => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    };
    let (_, confirm) = expect(b.page(Method::GET, &link, None).await?, StatusCode::OK)?;
    let csrf = field(&confirm, "csrf").ok_or(PathError::Failed)?;
    let (booking, _) = expect(
        b.page(Method::POST, &link, Some(&[("csrf", csrf.as_str())]))
            .await?,
        StatusCode::SEE_OTHER,
    )?;
    walk.confirmed = true;
    expect(b.page(Method::GET, &booking, None).await?, StatusCode::OK)?;
    Ok(())
}

/// 31 days of one service at the demo office, from today.
fn month(format: &str) -> String {
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Berlin)
        .date_naive();
    let to = today + chrono::Duration::days(30);
    format!("/api/v1/offices/mitte/availability?services=anmeldung&from={today}&to={to}&format={format}")
}

/// The body of an answer, unpacked when it came gzip-compressed.
fn gunzip(body: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    match flate2::read::GzDecoder::new(body).read_to_end(&mut out) {
        Ok(_) => out,
        Err(_) => body.to_vec(),
    }
}

/// The release rush: every client reads the free times of the rush office and
/// books one it saw, again and again, for `--rush-seconds`.
async fn rush(server: &Server, options: &Options) -> anyhow::Result<Rush> {
    let clients = options.rush_clients.max(1);
    eprintln!("bench http: release rush, {clients} clients");
    let length = Duration::from_secs(options.rush_seconds);
    let places = {
        let mut conn = Conn::open(server.addr).await?;
        let (_, body) = conn.send(Method::GET, RUSH_READ, None).await?;
        let free: Value = serde_json::from_slice(&gunzip(&body))?;
        free["days"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|d| d["left"].as_array().into_iter().flatten())
            .filter_map(Value::as_i64)
            .sum::<i64>()
    };
    let next = Arc::new(AtomicUsize::new(0));
    let mut conns = Vec::with_capacity(clients);
    for _ in 0..clients {
        conns.push(Conn::open(server.addr).await?);
    }
    let cpu_before = server.cpu();
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    let think = Duration::from_millis(options.think_ms);
    for (client, mut conn) in conns.into_iter().enumerate() {
        let next = next.clone();
        tasks.spawn(async move {
            let (mut reads, mut bookings) = (Tally::default(), Tally::default());
            let mut pick = client;
            // Arrivals spread over the first moment, then every client thinks
            // between its requests.
            let pause = |pick: usize| think.mul_f64(0.5 + (pick % 1000) as f64 / 1000.0);
            tokio::time::sleep(pause(client.wrapping_mul(7919))).await;
            while started.elapsed() < length {
                let sent = Instant::now();
                let Ok((status, body)) = conn.send(Method::GET, RUSH_READ, None).await else {
                    reads.failed += 1;
                    continue;
                };
                reads.took.push(sent.elapsed());
                *reads.statuses.entry(status.as_u16()).or_default() += 1;
                let free: Value = serde_json::from_slice(&gunzip(&body)).unwrap_or(Value::Null);
                let starts = free_starts(&free);
                pick = pick.wrapping_mul(31).wrapping_add(7);
                tokio::time::sleep(pause(pick)).await;
                if starts.is_empty() {
                    // Nothing free: read again (after the pause, as people reload).
                    continue;
                }
                let i = next.fetch_add(1, Ordering::Relaxed);
                let body = json!({
                    "office": "rush",
                    "services": ["s"],
                    "persons": 1,
                    "start": starts[pick % starts.len()],
                    "name": format!("Rush {}", letters(i)),
                    "email": format!("rush{i}@example.org"),
                });
                let sent = Instant::now();
                match conn
                    .send(Method::POST, "/api/v1/bookings", Some(&body))
                    .await
                {
                    Ok((status, _)) => {
                        bookings.took.push(sent.elapsed());
                        *bookings.statuses.entry(status.as_u16()).or_default() += 1;
                    }
                    Err(_) => bookings.failed += 1,
                }
                tokio::time::sleep(pause(pick / 3)).await;
            }
            (reads, bookings)
        });
    }
    let (mut reads, mut bookings) = (Tally::default(), Tally::default());
    while let Some(done) = tasks.join_next().await {
        let (r, b) = done?;
        reads.add(r);
        bookings.add(b);
    }
    reads.took.sort_unstable();
    bookings.took.sort_unstable();
    Ok(Rush {
        clients,
        think,
        seconds: started.elapsed().as_secs_f64(),
        reads,
        bookings,
        places,
        booked_in_database: 0,
        overbooked_times: 0,
        cpu: server.cpu().saturating_sub(cpu_before),
    })
}

/// What a client of the rush reads: the rush office's two weeks, compact.
const RUSH_READ: &str = "/api/v1/offices/rush/availability?services=s&format=compact";

/// The bookable starts (RFC 3339) of a compact availability answer.
fn free_starts(free: &Value) -> Vec<String> {
    let mut starts = Vec::new();
    for day in free["days"].as_array().into_iter().flatten() {
        let date = day["date"].as_str().unwrap_or_default();
        for time in day["times"].as_array().into_iter().flatten() {
            if let Some(t) = time.as_str().filter(|t| t.len() == 11) {
                starts.push(format!("{date}T{}:00{}", &t[..5], &t[5..]));
            }
        }
    }
    starts
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn statuses(t: &Tally) -> String {
    let mut parts: Vec<String> = t.statuses.iter().map(|(s, n)| format!("{n}×{s}")).collect();
    if t.failed > 0 {
        parts.push(format!("{}×no answer", t.failed));
    }
    parts.join(", ")
}

fn print(reports: &[Report]) {
    println!();
    println!("| backend | what | connections | requests/s | p50 | p90 | p99 | max | answers | server CPU per request |");
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
    for r in reports {
        for row in &r.rows {
            let t = &row.tally;
            println!(
                "| {} | {} | {} | {:.0} | {} | {} | {} | {} | {} | {:.2} ms |",
                r.backend,
                row.what,
                row.connections,
                row.per_second(),
                ms(percentile(&t.took, 50)),
                ms(percentile(&t.took, 90)),
                ms(percentile(&t.took, 99)),
                ms(t.took.last().copied().unwrap_or_default()),
                statuses(t),
                row.cpu.as_secs_f64() * 1e3 / t.took.len().max(1) as f64,
            );
        }
    }
    println!();
    println!("| backend | raw commits/s (one connection) | bookings/s over HTTP | ratio |");
    println!("| --- | ---: | ---: | ---: |");
    for r in reports {
        if let Some(b) = r.rows.iter().find(|row| row.what == "bookings") {
            println!(
                "| {} | {:.0} | {:.0} | {:.2} |",
                r.backend,
                r.raw_per_second,
                b.per_second(),
                b.per_second() / r.raw_per_second
            );
        }
    }
    println!();
    println!("| backend | rush clients | think | seconds | requests/s | reads p99 | bookings p99 | all p99 | reads | bookings | places | booked (database) | overbooked times | termin check | server RSS peak / end | server CPU |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | --- | ---: | ---: |");
    for r in reports {
        let rush = &r.rush;
        let mut all: Vec<Duration> = rush
            .reads
            .took
            .iter()
            .chain(&rush.bookings.took)
            .copied()
            .collect();
        all.sort_unstable();
        println!(
            "| {} | {} | {} ms | {:.0} | {:.0} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} / {} MiB | {:.1} s |",
            r.backend,
            rush.clients,
            rush.think.as_millis(),
            rush.seconds,
            all.len() as f64 / rush.seconds,
            ms(percentile(&rush.reads.took, 99)),
            ms(percentile(&rush.bookings.took, 99)),
            ms(percentile(&all, 99)),
            statuses(&rush.reads),
            statuses(&rush.bookings),
            rush.places,
            rush.booked_in_database,
            rush.overbooked_times,
            if r.check_clean { "clean" } else { "DIFFERENCES" },
            r.rss_peak_kib / 1024,
            r.rss_end_kib / 1024,
            rush.cpu.as_secs_f64(),
        );
    }
}
