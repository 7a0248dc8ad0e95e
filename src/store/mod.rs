//! The one `Store`: SQL for SQLite and PostgreSQL, each method one unit of work.
//!
//! The same SQL text runs on both pools through [`on!`] and [`in_tx!`]; where the
//! dialects really differ there is a visible `match` with a `// dialect:` comment.

mod audit;
mod batch;
mod bookings;
mod check;
mod feeds;
mod holds;
mod offices;
mod outbox;
mod pg_batch;
mod planning;
mod staff;
mod stats;
mod tickets;
mod webhooks;

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

pub use audit::{Actor, AuditRow, NewAudit};
pub use bookings::{BookingRow, NewBooking, Outcome};
pub use check::Difference;
pub use feeds::FeedRow;
pub use holds::{HoldRow, NewHold};
pub use offices::{Decision, PlanChange, PlanOutcome, PlanRevision};
pub use outbox::{NewMail, OutboxMail};
pub use staff::{ApiKey, KioskRow, SessionRow, UserRow};
pub use stats::{BookingFact, TicketFact};
pub use tickets::{AlertRow, CallRow, Called, Handling, NewTicket, TicketChange, TicketRow};
pub use webhooks::{EventRow, WebhookRow};

#[derive(Clone, Debug)]
pub enum Store {
    Sqlite(Sqlite),
    Postgres(Postgres),
}

/// A SQLite pool and the lock its writers queue on.
///
/// SQLite has one writer at a time. Writers that meet a held lock inside SQLite
/// back off by sleeping for milliseconds; queueing them on an async mutex
/// instead hands the lock on at once, which is what makes booking throughput
/// follow the disk's commit rate. `BEGIN IMMEDIATE` and the busy timeout still
/// guard against writers in other processes.
#[derive(Clone, Debug)]
pub struct Sqlite {
    pub pool: SqlitePool,
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// Bookings, committed in groups by [`batch`].
    bookings: tokio::sync::mpsc::UnboundedSender<batch::Job>,
    in_flight: InFlight,
}

/// A PostgreSQL pool and the queue of its booking writers.
#[derive(Clone, Debug)]
pub struct Postgres {
    pub pool: PgPool,
    /// Bookings, written in groups by [`pg_batch`].
    bookings: tokio::sync::mpsc::UnboundedSender<pg_batch::Job>,
    in_flight: InFlight,
}

/// How many bookings are on their way to the database now: handed to a
/// writer and not answered yet.
#[derive(Clone, Debug, Default)]
pub struct InFlight(std::sync::Arc<std::sync::atomic::AtomicUsize>);

/// One booking counted in [`InFlight`] while it lives.
pub(crate) struct Flying(InFlight);

impl InFlight {
    pub(crate) fn enter(&self) -> Flying {
        self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Flying(self.clone())
    }

    pub fn get(&self) -> usize {
        self.0.load(std::sync::atomic::Ordering::SeqCst)
    }
}

impl Drop for Flying {
    fn drop(&mut self) {
        (self.0).0.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("conflict: {0:?}")]
    Conflict(Conflict),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("stored data is not readable: {0}")]
    Corrupt(String),
}

/// Which rule a write would have broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// A capacity cell is full (rule 1).
    Capacity,
    /// The arrival window is full (rule 4).
    Arrivals,
    /// The email address has its allowed number of active bookings.
    EmailCap,
    /// The idempotency key is taken.
    IdempotencyKey,
    /// The booking is not in a state that allows this.
    State,
    /// An import would change what bookings to come rely on.
    PlanInUse,
    /// The office's plan changed since the claim was computed.
    StalePlan,
    /// The client address holds as many desk-minutes as it may.
    HoldCap,
    /// Holds take as much of the counter's day as they may.
    HoldShare,
    /// The client address holds as much of the counter's day as one may.
    HoldClientDay,
    /// The booking was moved as often as it may be.
    MoveCap,
    /// The hold ran out or was used already.
    HoldGone,
    /// Another active booking of the office has this booking code.
    CodeTaken,
    /// The ticket changed since the client saw it (its version), or the action
    /// is not one its state allows.
    Stale,
    /// The desk has a ticket called or being served.
    DeskBusy,
    /// The counter has no walk-in capacity left today.
    WalkInFull,
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Run `$body` with `$pool` bound to whichever pool the store holds.
macro_rules! on {
    ($store:expr, $pool:ident => $body:expr) => {
        match $store {
            $crate::store::Store::Sqlite(sqlite) => {
                let $pool = &sqlite.pool;
                $body
            }
            $crate::store::Store::Postgres(pg) => {
                let $pool = &pg.pool;
                $body
            }
        }
    };
}

/// Run `$body` in one write transaction (`BEGIN IMMEDIATE` on SQLite), committed
/// when the body finishes; an early return or `?` rolls it back.
macro_rules! in_tx {
    ($store:expr, $tx:ident => $body:expr) => {
        match $store {
            $crate::store::Store::Sqlite(sqlite) => {
                let _writer = sqlite.lock_writer().await;
                let mut $tx = sqlite.pool.begin_with("BEGIN IMMEDIATE").await?;
                let out = $body;
                $tx.commit().await?;
                out
            }
            $crate::store::Store::Postgres(pg) => {
                let mut $tx = pg.pool.begin().await?;
                let out = $body;
                $tx.commit().await?;
                out
            }
        }
    };
}

pub(crate) use {in_tx, on};

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// How every SQLite connection is opened.
pub(crate) fn sqlite_options(url: &str) -> anyhow::Result<SqliteConnectOptions> {
    Ok(SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // FULL: an acknowledged booking survives a power cut, not only a crash (rule 7).
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        // The group commit gives each booking a savepoint; SQLite keeps what a
        // savepoint may have to undo in memory only up to a small size, then in a
        // temporary file, which the batch writer created and deleted for every
        // transaction. In memory it stays a few pages per booking.
        .pragma("temp_store", "memory")
        .busy_timeout(Duration::from_secs(30)))
}

impl Store {
    /// Connect by URL scheme: `sqlite://…` or `postgres://…`.
    pub async fn connect(url: &str) -> anyhow::Result<Store> {
        if url.starts_with("sqlite:") {
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .connect_with(sqlite_options(url)?)
                .await?;
            let writer = std::sync::Arc::new(tokio::sync::Mutex::new(()));
            let bookings = batch::spawn(pool.clone(), writer.clone());
            Ok(Store::Sqlite(Sqlite {
                pool,
                writer,
                bookings,
                in_flight: InFlight::default(),
            }))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let options = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            let bookings = pg_batch::spawn(pool.clone());
            Ok(Store::Postgres(Postgres {
                pool,
                bookings,
                in_flight: InFlight::default(),
            }))
        } else {
            anyhow::bail!(
                "TERMIN_DATABASE_URL must start with sqlite:// or postgres://, not {url:?}"
            )
        }
    }

    pub async fn migrate(&self) -> anyhow::Result<()> {
        match self {
            Store::Sqlite(sqlite) => SQLITE_MIGRATIONS.run(&sqlite.pool).await?,
            Store::Postgres(pg) => POSTGRES_MIGRATIONS.run(&pg.pool).await?,
        }
        Ok(())
    }

    /// Whether the database answers and has every migration this build knows,
    /// and if not, why.
    pub async fn ready(&self) -> std::result::Result<(), String> {
        let migrator = match self {
            Store::Sqlite(_) => &SQLITE_MIGRATIONS,
            Store::Postgres(_) => &POSTGRES_MIGRATIONS,
        };
        let expected = migrator
            .iter()
            .filter(|m| m.migration_type.is_up_migration())
            .count() as i64;
        let sql = "SELECT COUNT(*) FROM _sqlx_migrations WHERE success";
        let applied: std::result::Result<i64, sqlx::Error> =
            on!(self, pool => sqlx::query_scalar(sql).fetch_one(pool).await);
        match applied {
            Ok(n) if n >= expected => Ok(()),
            Ok(n) => Err(format!("{n} of {expected} migrations applied")),
            Err(e) => Err(format!("the database does not answer: {e}")),
        }
    }

    /// A consistent copy of a SQLite database in `file` (`VACUUM INTO`, which
    /// readers and writers go on beside); PostgreSQL has pg_dump for this.
    pub async fn backup(&self, file: &std::path::Path) -> anyhow::Result<()> {
        match self {
            Store::Sqlite(s) => {
                let path = file
                    .to_str()
                    .ok_or_else(|| anyhow::anyhow!("the file name is not UTF-8"))?;
                sqlx::query("VACUUM INTO $1")
                    .bind(path)
                    .execute(&s.pool)
                    .await?;
                Ok(())
            }
            Store::Postgres(_) => {
                anyhow::bail!("for PostgreSQL, use pg_dump (and pg_restore to restore)")
            }
        }
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Store::Sqlite(_) => "sqlite",
            Store::Postgres(_) => "postgres",
        }
    }

    /// Bookings handed to the writers and not answered yet.
    pub fn bookings_in_flight(&self) -> usize {
        match self {
            Store::Sqlite(s) => s.in_flight.get(),
            Store::Postgres(p) => p.in_flight.get(),
        }
    }

    pub async fn close(&self) {
        on!(self, pool => pool.close().await)
    }
}

impl Sqlite {
    /// Wait for this process's turn to write.
    pub async fn lock_writer(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.writer.lock().await
    }
}

/// The rule a CHECK or UNIQUE violation stands for, if the error is one.
fn violation(err: &sqlx::Error) -> Option<sqlx::error::ErrorKind> {
    match err {
        sqlx::Error::Database(db) => Some(db.kind()),
        _ => None,
    }
}

fn is_check_violation(err: &sqlx::Error) -> bool {
    matches!(violation(err), Some(sqlx::error::ErrorKind::CheckViolation))
}

fn is_unique_violation(err: &sqlx::Error) -> bool {
    matches!(
        violation(err),
        Some(sqlx::error::ErrorKind::UniqueViolation)
    )
}

/// PostgreSQL may abort one of two transactions that wait on each other's rows;
/// such a transaction is safe to run again.
fn is_retryable(err: &StoreError) -> bool {
    match err {
        StoreError::Database(sqlx::Error::Database(db)) => {
            matches!(db.code().as_deref(), Some("40001" | "40P01"))
        }
        _ => false,
    }
}

/// Whether the database could not be reached or could not take the work just
/// now (down, restarting, out of connections, read-only after a failover, busy
/// for too long), rather than refusing this request: worth trying again later.
pub fn unreachable(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => true,
        sqlx::Error::Database(db) => {
            if db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
                // SQLITE_BUSY with its extended codes: another writer held the
                // file past the busy timeout.
                let code = db.code().and_then(|c| c.parse::<i32>().ok()).unwrap_or(0);
                code & 0xff == 5
            } else {
                // Connection exceptions, insufficient resources (e.g. too many
                // connections), the server shutting down, crashed or starting,
                // a read-only transaction on a server that became a standby.
                db.code().is_some_and(|c| {
                    c.starts_with("08")
                        || c.starts_with("53")
                        || matches!(&*c, "57P01" | "57P02" | "57P03" | "25006")
                })
            }
        }
        _ => false,
    }
}

/// An error for one of several callers who share a failure, keeping whether the
/// database could not be reached (sqlx errors cannot be cloned).
pub(super) fn shared_error(e: &sqlx::Error, message: String) -> sqlx::Error {
    if unreachable(e) {
        not_connected(message)
    } else {
        sqlx::Error::Protocol(message)
    }
}

/// An error that counts as [`unreachable`].
pub(super) fn not_connected(message: impl Into<String>) -> sqlx::Error {
    sqlx::Error::Io(std::io::Error::new(
        std::io::ErrorKind::NotConnected,
        message.into(),
    ))
}

/// Whether an error, or one it was caused by, says the database is [`unreachable`].
pub fn unavailable(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut next = Some(err);
    while let Some(e) = next {
        if e.downcast_ref::<sqlx::Error>().is_some_and(unreachable) {
            return true;
        }
        next = e.source();
    }
    false
}
