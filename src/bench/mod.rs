//! `termin bench`: availability over 31 days, and bookings per second next to the raw commit
//! rate of the same database, measured in the same run.
//!
//! # What it measures, and what the figures mean
//!
//!
//! `termin bench` measures, in one run, the raw commit rate of the database (a
//! one-row insert per durable transaction), bookings per second through the real
//! booking use case and transaction (capacity cells, arrival window, address quota,
//! booking row, outbox row), and availability of one service over 31 days. It
//! does so at several loads, each on a fresh database (by default 8, 32 and 64
//! requests in flight); at each load both rates run with the same number of
//! requests in flight. The raw inserts get the database's best: one autocommit
//! statement each, on warm connections without the pool's health check; on
//! PostgreSQL one connection per request in flight, on SQLite one connection (it
//! writes one transaction at a time, and writers that meet its lock back off by
//! sleeping). It also reports how long a booking request took (median and 99th
//! percentile), and per backend the **capacity**: the highest raw rate and the
//! highest booking rate over the loads, each at the load that suits it.
//!
//! ```sh
//! cargo run --release -- bench --bookings 4000 --postgres postgres://postgres@127.0.0.1:5432/postgres
//! # one load only
//! cargo run --release -- bench --bookings 4000 --concurrency 64 --postgres postgres://postgres@127.0.0.1:5432/postgres
//! # a rush: everybody wants one of 20 times
//! cargo run --release -- bench --bookings 4000 --concurrency 8,32 --times 20 --postgres postgres://postgres@127.0.0.1:5432/postgres
//! ```
//!
//! Loads above PostgreSQL's `max_connections` (100 by default) cannot be measured,
//! as the raw rate takes a connection per request in flight.
//!
//! Measured on the development machine (2 cores, 24 GiB, PostgreSQL 15 on the same
//! machine over TLS on loopback, SQLite with `synchronous = FULL`), 4000 bookings
//! per load, three runs on the same day; the ranges are over the runs:
//!
//! | backend | in flight | raw commits/s | bookings/s | ratio | booking p50 | booking p99 |
//! | --- | ---: | ---: | ---: | ---: | ---: | ---: |
//! | SQLite | 8 | 2567–2827 | 3449–3675 | 1.30–1.34 | 1.9–2.0 ms | 4.5–6.2 ms |
//! | SQLite | 32 | 3364–3773 | 5600–6158 | 1.61–1.66 | 4.8–5.3 ms | 9.2–12.3 ms |
//! | SQLite | 64 | 3374–3464 | 6415–6690 | 1.90–1.93 | 9.1–9.2 ms | 15.5–21.8 ms |
//! | PostgreSQL | 8 | 9227–10136 | 5122–5471 | 0.54–0.59 | 1.3–1.4 ms | 2.7–3.1 ms |
//! | PostgreSQL | 32 | 11462–12025 | 7776–9358 | 0.67–0.79 | 3.0–3.3 ms | 5.0–32.6 ms |
//! | PostgreSQL | 64 | 10617–11944 | 11453–12117 | 1.01–1.11 | 4.1–4.5 ms | 50.8–64.9 ms |
//!
//! | capacity | raw commits/s | bookings/s | ratio |
//! | --- | ---: | ---: | ---: |
//! | SQLite | 3380–3773 | 6415–6690 | 1.70–1.90 |
//! | PostgreSQL | 11462–12025 | 11453–12117 | 0.95–1.04 |
//!
//! Availability of one service over 31 days: 79–94 µs in the engine, 0.34–0.46 ms
//! with the database read on SQLite, 0.63–0.73 ms on PostgreSQL.
//!
//! How to read it:
//!
//! - **The goal** is bookings/s of at least 0.8 × the raw commit rate: a booking,
//!   with everything it must write and check, should cost the database little more
//!   than the cheapest durable commit. We read it on capacity, the most each can do
//!   on this machine, and both backends meet it: SQLite at 1.70–1.90, PostgreSQL at
//!   0.95–1.04. SQLite meets it at every load.
//! - **PostgreSQL at 8 in flight stays at 0.54–0.59**, and this is latency, not
//!   cost. A booking request then takes 1.3 ms, and the machine is about a third
//!   idle (a profile on the build before the mail change: PostgreSQL's processes
//!   used about half of the two cores, Termin a sixth).
//!   Eight requests leave a writer about four bookings to share a statement, and
//!   each request waits for a whole statement and its commit. A raw insert is
//!   executed in about 0.02 ms; the booking statement for four bookings took about
//!   0.4–0.5 ms, most of it writing rows (the server's log of one run on the build
//!   before the mail change: 263 statements for 1000 bookings, 0.52 ms each on
//!   average). With more requests in flight the
//!   statements grow, the idle time goes, and PostgreSQL books as fast as it
//!   commits raw inserts, or faster. A booking request at 64 in flight takes 4–5 ms.
//! - **The 99th percentile at 64 in flight** (50–65 ms) is the start of the run: the
//!   first requests wait for the writers' connections. Over 10000 bookings it was
//!   8.2 ms.
//! - Both backends write bookings that arrive together in one transaction (group
//!   commit): SQLite each in its own savepoint (`src/store/batch.rs`), PostgreSQL as
//!   one statement over arrays of bookings (`src/store/pg_batch.rs`). On SQLite a
//!   booking that breaks a rule rolls back its own savepoint. On PostgreSQL a batch
//!   that breaks a rule is sifted: the writer reads the counters it raises, answers
//!   at once the bookings that cannot fit, and writes the others together again;
//!   whatever is still refused goes one booking at a time, so each request hears
//!   its own answer. On PostgreSQL two writers take turns: the second starts a
//!   statement with four bookings in hand, once the first is through, or after 5 ms.
//! - **What raised the figures**, each measured side by side with the build before:
//!   - the first mail of a booking (and the reminder) is rendered when it is sent,
//!     not in the booking's transaction (see Mail): the transaction carries a row of
//!     a few hundred bytes instead of about 3 KB of message. PostgreSQL at 64 in
//!     flight went from 9000–10100 to 11400–12100 bookings/s;
//!   - SQLite: `temp_store = memory`. SQLite kept what each booking's savepoint might
//!     have to undo in a temporary file and created and deleted it in every
//!     transaction; at 8 in flight the ratio went from 0.66–0.75 to 0.88–1.06;
//!   - PostgreSQL: the second writer waits for a batch worth a statement (above):
//!     0.46–0.53 at 8 in flight before, 0.55–0.60 after (one writer alone: 0.49–0.56);
//!   - PostgreSQL: one generic plan for the batch statement (it was re-planned for
//!     every batch), lz4 instead of pglz for stored mails (migration 0003), and
//!     mimalloc in the binary (glibc's allocator took a third of the benchmark's
//!     own CPU).
//! - **Tried and dropped** on PostgreSQL: 3 or 4 writers (0.42–0.45 at 8 in flight),
//!   nested loops instead of hash joins, dropping the bookings' and mails' own
//!   CHECK constraints (both within the noise), batches of 3 or 6 instead of 4
//!   (3 worse, 6 the same); `synchronous_commit = off` on the writers would not be
//!   safe. Without TLS the raw rate rises more than bookings do.
//! - **A rush** (`--times 20`: every booking aims at one of 20 times with 40 places
//!   each, so 800 of 4000 are booked and the rest refused; bookings/s then counts
//!   every answer). One run on this build: SQLite 1.28 at 8 in flight and 1.44 at
//!   32; PostgreSQL 0.64 and 0.87. Before the sifting, PostgreSQL wrote every
//!   refused batch again one booking at a time and answered 3175–3530 requests/s
//!   at 8 in flight and 3845–3944 at 32; with it, 5364–5615 and 8180–9280.
//! - Earlier figures took the raw rate through the app's pool: a health-check round
//!   trip on every acquire, then BEGIN, INSERT and COMMIT. On PostgreSQL that cost
//!   the raw rate about 40 % and flattered bookings; the tables above use the fair
//!   figure.
//! - Figures vary a lot between runs and between days on this shared machine (the
//!   raw rate on PostgreSQL moved between 8100 and 12700 within a few hours); run
//!   the command a few times before comparing, and compare only figures measured
//!   together.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::{Duration as Days, Utc};

use crate::booking::{self, BookingRequest, Wish};
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::domain::schedule::{self, Need};
use crate::store::Store;
use crate::{server, staff};

pub mod http;

#[derive(clap::Args, Debug, Clone)]
pub struct Options {
    /// Bookings (and raw commits) per backend.
    #[arg(long, default_value_t = 2000)]
    pub bookings: usize,
    /// Requests in flight at once; several loads, comma-separated, are each
    /// measured on a fresh database.
    #[arg(long, value_delimiter = ',', default_values_t = [8, 32, 64])]
    pub concurrency: Vec<usize>,
    /// Also measure PostgreSQL: a server URL; a scratch database is created on it and dropped.
    #[arg(long, env = "TERMIN_BENCH_POSTGRES")]
    pub postgres: Option<String>,
    /// A rush: aim every booking at one of this many times (40 places each), so
    /// that most are refused once those are full; bookings/s then counts every
    /// answer. Without it, bookings spread over the year and nearly all succeed.
    #[arg(long)]
    pub times: Option<usize>,
}

/// The office file of a bench office: one counter open every day of the year
/// (this year's and next year's public holidays are listed as open), one
/// service of a quarter of an hour, no notice.
struct BenchOffice {
    id: &'static str,
    horizon_days: u32,
    grid_minutes: u32,
    from: &'static str,
    to: &'static str,
    desks: u32,
}

impl BenchOffice {
    fn file(&self) -> String {
        let BenchOffice {
            id,
            horizon_days,
            grid_minutes,
            from,
            to,
            desks,
        } = self;
        let year = chrono::Datelike::year(&Utc::now());
        let open: Vec<String> = (year..=year + 1)
            .flat_map(|y| crate::domain::holidays::holidays(crate::domain::State::MV, y))
            .map(|h| format!("\"{}\"", h.date))
            .collect();
        let open = open.join(", ");
        format!(
            r#"
[[office]]
id = "{id}"
name = "Bench {id}"
address = "Nowhere 1"
timezone = "Europe/Berlin"
state = "MV"
min_notice_minutes = 0
horizon_days = {horizon_days}
confirm_within_minutes = 30
max_active_bookings_per_email = 5
open = [{open}]
  [[office.counter]]
  id = "all"
  name = "All"
  grid_minutes = {grid_minutes}
    [[office.counter.service]]
    id = "s"
    name = "Service"
    minutes = 15
    [[office.counter.hours]]
    days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    from = "{from}"
    to = "{to}"
    desks = {desks}
"#
        )
    }
}

/// Forty desks around the clock, bookable for a year: room for every booking
/// of a run.
const BENCH_OFFICE: BenchOffice = BenchOffice {
    id: "bench",
    horizon_days: 366,
    grid_minutes: 5,
    from: "00:00",
    to: "24:00",
    desks: 40,
};

struct Figures {
    backend: &'static str,
    /// Requests in flight.
    concurrency: usize,
    raw_per_second: f64,
    bookings_per_second: f64,
    /// How long a booking request took, from its start to its answer: median and 99th percentile.
    booking_p50: Duration,
    booking_p99: Duration,
    availability_pure_us: f64,
    availability_full_us: f64,
}

pub async fn run(options: Options) -> anyhow::Result<()> {
    let rows = figures(&options).await?;
    println!();
    let aim = match options.times {
        Some(n) => format!(", all for {n} times (bookings/s counts refusals too)"),
        None => String::new(),
    };
    println!(
        "{} bookings per load{aim}; availability: 31 days of one service at Bürgerbüro Mitte",
        options.bookings
    );
    println!();
    println!("| backend | in flight | raw commits/s | bookings/s | ratio | booking p50 | booking p99 | availability, engine only | availability, with the database read |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for r in &rows {
        println!(
            "| {} | {} | {:.0} | {:.0} | {:.2} | {:.1} ms | {:.1} ms | {:.0} µs | {:.0} µs |",
            r.backend,
            r.concurrency,
            r.raw_per_second,
            r.bookings_per_second,
            r.bookings_per_second / r.raw_per_second,
            r.booking_p50.as_secs_f64() * 1e3,
            r.booking_p99.as_secs_f64() * 1e3,
            r.availability_pure_us,
            r.availability_full_us
        );
    }
    if options.concurrency.len() > 1 {
        println!();
        println!("Capacity: the highest rate of each over these loads");
        println!();
        println!("| backend | raw commits/s | bookings/s | ratio |");
        println!("| --- | ---: | ---: | ---: |");
        for (backend, raw, bookings) in capacity(&rows) {
            println!(
                "| {backend} | {raw:.0} | {bookings:.0} | {:.2} |",
                bookings / raw
            );
        }
    }
    Ok(())
}

/// Per backend, in the order measured: the highest raw rate and the highest
/// booking rate over all loads, each at the load that suits it best.
fn capacity(rows: &[Figures]) -> Vec<(&'static str, f64, f64)> {
    let mut best: Vec<(&'static str, f64, f64)> = Vec::new();
    for r in rows {
        match best.iter_mut().find(|(b, _, _)| *b == r.backend) {
            Some((_, raw, bookings)) => {
                *raw = raw.max(r.raw_per_second);
                *bookings = bookings.max(r.bookings_per_second);
            }
            None => best.push((r.backend, r.raw_per_second, r.bookings_per_second)),
        }
    }
    best
}

/// Measure every load in `options` on SQLite, then on PostgreSQL if asked for,
/// each load on a fresh database: a scratch file, or a scratch database on the
/// server that is dropped afterwards.
async fn figures(options: &Options) -> anyhow::Result<Vec<Figures>> {
    let mut rows = Vec::new();
    for &concurrency in &options.concurrency {
        let dir =
            std::env::temp_dir().join(format!("termin-bench-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir)?;
        let sqlite = format!("sqlite://{}", dir.join("bench.db").display());
        let result = measure(&sqlite, options, concurrency).await;
        let _ = std::fs::remove_dir_all(&dir);
        rows.push(result?);
    }
    if let Some(server_url) = &options.postgres {
        let admin = Store::connect(server_url).await?;
        for &concurrency in &options.concurrency {
            let name = format!("termin_bench_{}", uuid::Uuid::new_v4().simple());
            crate::store::on!(&admin, pool => sqlx::query(&format!("CREATE DATABASE {name}")).execute(pool).await.map(|_| ()))?;
            let url = with_database(server_url, &name);
            let result = measure(&url, options, concurrency).await;
            crate::store::on!(&admin, pool => sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)")).execute(pool).await.map(|_| ()))?;
            rows.push(result?);
        }
        admin.close().await;
    }
    Ok(rows)
}

/// The URL of another database on the same server.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// Start times at the bench office for many bookings, from tomorrow on.
#[derive(Clone, Copy)]
struct Spread {
    /// Tomorrow in the office's zone: tomorrow by UTC's date is already today
    /// in Berlin during the last hour or two of a UTC day.
    first_day: chrono::NaiveDate,
}

/// Starts in the first 22 hours of a day, five minutes apart: a booking then
/// never runs past midnight, also on the 23-hour day of the spring DST change.
const SLOTS_PER_DAY: usize = 22 * 12;

impl Spread {
    fn from_tomorrow() -> Spread {
        let today = Utc::now()
            .with_timezone(&chrono_tz::Europe::Berlin)
            .date_naive();
        Spread {
            first_day: today + Days::days(1),
        }
    }

    /// The `i`th booking's start, spread over 300 days so that requests in
    /// flight rarely share a cell.
    fn start(self, i: usize) -> chrono::DateTime<Utc> {
        self.slot((i * 7919) % (300 * SLOTS_PER_DAY))
    }

    /// The `slot`th start time from the first day on.
    fn slot(self, slot: usize) -> chrono::DateTime<Utc> {
        let day = self.first_day + Days::days((slot / SLOTS_PER_DAY) as i64);
        let midnight = Some(chrono::NaiveTime::MIN);
        schedule::local_instant(chrono_tz::Europe::Berlin, day, midnight)
            + Days::minutes(5 * (slot % SLOTS_PER_DAY) as i64 + 5)
    }
}

async fn measure(url: &str, options: &Options, concurrency: usize) -> anyhow::Result<Figures> {
    let config = Config {
        database_url: url.to_string(),
        demo: Some(true),
        rate_limits: false,
        ..Config::default()
    };
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let app = server::open(&config, clock).await?;
    staff::import(&app, &BENCH_OFFICE.file())
        .await
        .context("importing the bench office")?;
    let backend = app.store.backend();
    eprintln!("bench: {backend}, {concurrency} in flight: raw commits");
    sqlx_exec(
        &app.store,
        "CREATE TABLE bench_raw (id TEXT PRIMARY KEY, at BIGINT NOT NULL)",
    )
    .await?;
    let (raw, _) = raw_rate(url, options, concurrency).await?;

    eprintln!("bench: {backend}, {concurrency} in flight: bookings");
    let rush = options.times.map(|n| n.max(1));
    let booked = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let spread = Spread::from_tomorrow();
    let (bookings, mut took) = rate(options.bookings, concurrency, |i| {
        let app = app.clone();
        let booked = booked.clone();
        async move {
            let start = match rush {
                // Times a quarter of an hour apart, as long as the service.
                Some(n) => spread.slot((i % n) * 3),
                None => spread.start(i),
            };
            let req = BookingRequest {
                office: "bench".into(),
                services: vec!["s".into()],
                persons: 1,
                start: start.to_rfc3339(),
                name: format!("Person {}", letters(i)),
                email: format!("person{i}@example.org"),
                phone: None,
                language: None,
            };
            match booking::book(&app, &req, None).await {
                Ok(_) => {
                    booked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                Err(booking::BookError::SlotTaken) if rush.is_some() => {}
                Err(e) => {
                    return Err(anyhow::Error::from(e).context(format!("booking {i} at {start}")))
                }
            }
            Ok::<(), anyhow::Error>(())
        }
    })
    .await?;
    let booked = booked.load(std::sync::atomic::Ordering::Relaxed);
    eprintln!(
        "bench: {backend}, {concurrency} in flight: {booked} of {} booked",
        options.bookings
    );
    took.sort_unstable();

    eprintln!("bench: {backend}, {concurrency} in flight: availability");
    let wish = Wish {
        services: vec!["anmeldung".into()],
        persons: 1,
    };
    let office = app.office("mitte").await?.context("the demo office")?;
    let counter = office.counter("stadtamt").context("the demo counter")?;
    let now = app.clock.now();
    let (from, _) = schedule::booking_window(&office, now);
    let to = from + Days::days(30);
    let taken = app
        .store
        .occupancy("mitte", "stadtamt", 0, i64::MAX / 2)
        .await?;
    let need = Need {
        minutes: 15,
        persons: 1,
    };
    let pure = per_call(2000, || {
        std::hint::black_box(schedule::availability(
            &office, counter, need, from, to, now, &taken,
        ));
    });
    let started = Instant::now();
    let rounds = 300;
    for _ in 0..rounds {
        booking::availability(&app, "mitte", &wish, Some(from), Some(to)).await?;
    }
    let full = started.elapsed().as_secs_f64() * 1e6 / f64::from(rounds);
    app.store.close().await;
    Ok(Figures {
        backend,
        concurrency,
        raw_per_second: raw,
        bookings_per_second: bookings,
        booking_p50: percentile(&took, 50),
        booking_p99: percentile(&took, 99),
        availability_pure_us: pure,
        availability_full_us: full,
    })
}

/// One-row inserts, each its own durable transaction, with as many in flight as
/// bookings: the best this process gets from the database. Every insert is one
/// autocommit statement on a warm connection, without the health check the
/// app's pool makes on acquire. PostgreSQL gets a connection per request in
/// flight; SQLite one connection, as it writes one transaction at a time and
/// writers that meet its lock back off by sleeping (see `store::Sqlite`).
async fn raw_rate(
    url: &str,
    options: &Options,
    concurrency: usize,
) -> anyhow::Result<(f64, Vec<Duration>)> {
    // The same code for both pools, whose types differ.
    macro_rules! inserts {
        ($pool:expr, $n:expr, $connect:expr) => {{
            let n: u32 = $n;
            let pool = $pool
                .max_connections(n)
                .min_connections(n)
                .test_before_acquire(false);
            let pool = pool.connect_with($connect).await?;
            let rate = rate(options.bookings, concurrency, |i| {
                let pool = pool.clone();
                async move {
                    sqlx::query("INSERT INTO bench_raw (id, at) VALUES ($1, $2)")
                        .bind(format!("raw-{i}"))
                        .bind(i as i64)
                        .execute(&pool)
                        .await?;
                    Ok(())
                }
            })
            .await;
            pool.close().await;
            rate
        }};
    }
    if url.starts_with("sqlite:") {
        inserts!(
            sqlx::sqlite::SqlitePoolOptions::new(),
            1,
            crate::store::sqlite_options(url)?
        )
    } else {
        inserts!(
            sqlx::postgres::PgPoolOptions::new(),
            u32::try_from(concurrency.max(1))?,
            url.parse::<sqlx::postgres::PgConnectOptions>()?
        )
    }
}

async fn sqlx_exec(store: &Store, sql: &str) -> anyhow::Result<()> {
    crate::store::on!(store, pool => sqlx::query(sql).execute(pool).await.map(|_| ()))?;
    Ok(())
}

fn per_call(rounds: u32, mut f: impl FnMut()) -> f64 {
    let started = Instant::now();
    for _ in 0..rounds {
        f();
    }
    started.elapsed().as_secs_f64() * 1e6 / f64::from(rounds)
}

/// Run `n` jobs with `concurrency` in flight: jobs per second, and how long
/// each job took from its start to its end.
async fn rate<F, Fut>(n: usize, concurrency: usize, job: F) -> anyhow::Result<(f64, Vec<Duration>)>
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>> + Send + 'static,
{
    let mut took = Vec::with_capacity(n);
    let started = Instant::now();
    let mut set = tokio::task::JoinSet::new();
    for i in 0..n {
        while set.len() >= concurrency.max(1) {
            took.push(set.join_next().await.expect("a task")??);
        }
        let (job, sent) = (job(i), Instant::now());
        set.spawn(async move { job.await.map(|()| sent.elapsed()) });
    }
    while let Some(done) = set.join_next().await {
        took.push(done??);
    }
    let elapsed = started.elapsed().max(Duration::from_micros(1));
    Ok((n as f64 / elapsed.as_secs_f64(), took))
}

/// The `p`th percentile of durations sorted in ascending order (nearest rank).
fn percentile(sorted: &[Duration], p: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (sorted.len() * p).div_ceil(100).max(1);
    sorted[rank - 1]
}

/// A number written in letters (`12` → `bc`): names have no digits.
pub fn letters(n: usize) -> String {
    n.to_string()
        .bytes()
        .map(|d| char::from(b'a' + (d - b'0')))
        .collect()
}
