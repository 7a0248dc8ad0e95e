//! `termin bench`: availability over 31 days, and bookings per second next to the raw commit
//! rate of the same database, measured in the same run.

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

const BENCH_OFFICE: &str = r#"
[[office]]
id = "bench"
name = "Benchmark"
address = "Nowhere 1"
timezone = "Europe/Berlin"
state = "MV"
min_notice_minutes = 0
horizon_days = 366
confirm_within_minutes = 30
max_active_bookings_per_email = 5
open = [OPEN]
  [[office.counter]]
  id = "all"
  name = "All"
  grid_minutes = 5
    [[office.counter.service]]
    id = "s"
    name = "Service"
    minutes = 15
    [[office.counter.hours]]
    days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    from = "00:00"
    to = "24:00"
    desks = 40
"#;

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

async fn measure(url: &str, options: &Options, concurrency: usize) -> anyhow::Result<Figures> {
    let config = Config {
        database_url: url.to_string(),
        demo: Some(true),
        rate_limits: false,
        ..Config::default()
    };
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let app = server::open(&config, clock).await?;
    // Open on public holidays too, so that every day of the year takes bookings.
    let year = chrono::Datelike::year(&Utc::now());
    let open: Vec<String> = (year..=year + 1)
        .flat_map(|y| crate::domain::holidays::holidays(crate::domain::State::MV, y))
        .map(|h| format!("\"{}\"", h.date))
        .collect();
    let office = BENCH_OFFICE.replace("OPEN", &open.join(", "));
    staff::import(&app, &office)
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
    // Tomorrow in the office's zone: tomorrow by UTC's date is already today
    // in Berlin during the last hour or two of a UTC day.
    let start_day = Utc::now()
        .with_timezone(&chrono_tz::Europe::Berlin)
        .date_naive()
        + Days::days(1);
    // Starts in the first 22 hours of a day: a booking then never runs past midnight,
    // also on the 23-hour day of the spring DST change.
    let slots_per_day = 22 * 12;
    let rush = options.times.map(|n| n.max(1));
    let booked = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (bookings, mut took) = rate(options.bookings, concurrency, |i| {
        let app = app.clone();
        let booked = booked.clone();
        async move {
            let slot = match rush {
                // Times a quarter of an hour apart, as long as the service.
                Some(n) => (i % n) * 3,
                // Spread over the year so that requests in flight rarely share a cell.
                None => (i * 7919) % (300 * slots_per_day),
            };
            let day = start_day + Days::days((slot / slots_per_day) as i64);
            let midnight = Some(chrono::NaiveTime::MIN);
            let start = schedule::local_instant(chrono_tz::Europe::Berlin, day, midnight)
                + Days::minutes(5 * (slot % slots_per_day) as i64 + 5);
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
