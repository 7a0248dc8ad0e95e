//! Group commit for bookings on PostgreSQL: bookings that arrive together are
//! written by one statement, which is one transaction.
//!
//! Much of what a booking costs PostgreSQL is paid per statement, not per row:
//! the round trip, setting up the plan (the CHECK constraints are read back from
//! their stored form for every statement), the commit and its wait for the WAL.
//! Two writer tasks, each with its own connection, take bookings from one queue.
//! When neither is writing, a writer takes what is queued at once, so a booking
//! alone waits for nobody. While one writer's statement runs, the other gathers
//! the next batch, and starts it when it holds a few bookings, when the first
//! one is through, or after a few milliseconds, whichever comes first: a second
//! statement for one or two bookings would cost the server more than it saves
//! them in waiting.
//!
//! The statement is all or nothing. When it breaks a rule (a full cell, a full
//! arrival window, an address at its cap, an idempotency key taken), or the
//! server refuses it for another reason, the writer reads the counters the
//! batch raises: bookings that cannot fit hear so at once, those that fit go
//! together once more, and those that fit only if one of these is not written
//! wait for it, to be sifted again. That matters in a rush, when most of a
//! batch asks for places already gone. Whatever is still refused is written
//! again one booking at a time, each hearing its own answer.
//! Every caller hears its answer only after the commit that made its booking
//! durable. A connection that broke costs a second try, not an error; if it broke
//! mid-statement, the old session is ended first, so that the statement cannot
//! still commit there behind the writer's back.
//! A booking whose caller stopped waiting before a writer took it is not written.
//!
//! Rows are written in the same order as by a single booking and sorted by key
//! within each table, so concurrent statements wait for each other rather than
//! deadlock; PostgreSQL's rare deadlock abort is retried like any booking's.

use std::collections::HashMap;
use std::sync::Arc;

use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::{mpsc, oneshot, Mutex, Notify};

use super::bookings::{to_conflict, BOOKING_COLUMNS, OUTBOX_COLUMNS};
use super::{is_retryable, Conflict, NewBooking, NewMail, Result, StoreError};
use crate::domain::schedule::Claim;

/// Bookings written by one statement at most.
const MAX_BATCH: usize = 32;

/// Writer tasks: statements in flight at once per instance.
const WRITERS: usize = 2;

/// Bookings for which a writer starts a statement while another one writes.
const ENOUGH: usize = 4;

/// How long fewer bookings wait for the other writer: several times what a
/// statement takes when all is well.
const PATIENCE: std::time::Duration = std::time::Duration::from_millis(5);

/// A booking to write, and where to send whether it was written: `false` when
/// its office's plan was no longer at the revision its claim was computed from.
pub struct Job {
    pub booking: NewBooking,
    pub claim: Claim,
    pub mail: NewMail,
    pub reminder: Option<NewMail>,
    pub reply: oneshot::Sender<Result<bool>>,
}

/// Start the writers; jobs sent to the returned queue are written in batches.
pub fn spawn(pool: PgPool) -> mpsc::UnboundedSender<Job> {
    let (tx, rx) = mpsc::unbounded_channel();
    let shared = Arc::new(Shared {
        queue: Mutex::new(rx),
        writing: AtomicUsize::new(0),
        done: Notify::new(),
    });
    for _ in 0..WRITERS {
        tokio::spawn(run(pool.clone(), shared.clone()));
    }
    tx
}

/// What the writers share: the queue, and how many of them are writing.
struct Shared {
    queue: Mutex<mpsc::UnboundedReceiver<Job>>,
    writing: AtomicUsize,
    /// Told when a writer has finished a batch.
    done: Notify,
}

async fn run(pool: PgPool, shared: Arc<Shared>) {
    let queue = &shared.queue;
    // Each writer keeps one connection: no health check on every acquire, and
    // the statement's plan stays prepared on it. It is given back when the pool
    // closes, which waits for every connection.
    let mut conn: Option<Conn> = None;
    let closed = pool.close_event();
    tokio::pin!(closed);
    loop {
        // One writer at a time gathers a batch; while it writes, the next writer
        // gathers what queues meanwhile.
        let mut turn = tokio::select! {
            turn = queue.lock() => turn,
            _ = &mut closed => return,
        };
        let first = tokio::select! {
            job = turn.recv() => match job {
                Some(job) => job,
                None => return,
            },
            _ = &mut closed => return,
        };
        let mut jobs = vec![first];
        take_queued(&mut turn, &mut jobs);
        // While another writer is writing, a small batch waits for it rather
        // than pay a statement of its own: each statement costs much more than
        // a booking in it. Enough bookings for a batch go at once, and so does
        // a batch that waited longer than a statement takes (the other writer
        // may be slow: many refusals, a broken link).
        if jobs.len() < ENOUGH && shared.writing.load(Ordering::Acquire) != 0 {
            let deadline = tokio::time::sleep(PATIENCE);
            tokio::pin!(deadline);
            while jobs.len() < ENOUGH {
                let done = shared.done.notified();
                tokio::pin!(done);
                // Listening before looking, so that a writer finishing in between is heard.
                done.as_mut().enable();
                if shared.writing.load(Ordering::Acquire) == 0 {
                    break;
                }
                tokio::select! {
                    job = turn.recv() => match job {
                        Some(job) => jobs.push(job),
                        None => break,
                    },
                    _ = done => break,
                    _ = &mut deadline => break,
                    // Taken is taken: the batch is still written, and the next turn ends.
                    _ = &mut closed => break,
                }
            }
        }
        take_queued(&mut turn, &mut jobs);
        let writing = Writing::start(&shared);
        drop(turn);
        // A caller that stopped waiting (the client went away, the request was
        // dropped) would hear nothing: its booking is not written.
        jobs.retain(|job| !job.reply.is_closed());
        if !jobs.is_empty() {
            write(&pool, &mut conn, jobs).await;
        }
        drop(writing);
    }
}

/// A writer at work: counted while it lasts, also if the task panics or is
/// dropped, so that the other writer never waits for it in vain.
struct Writing<'a>(&'a Shared);

impl<'a> Writing<'a> {
    fn start(shared: &'a Shared) -> Self {
        shared.writing.fetch_add(1, Ordering::AcqRel);
        Writing(shared)
    }
}

impl Drop for Writing<'_> {
    fn drop(&mut self) {
        self.0.writing.fetch_sub(1, Ordering::AcqRel);
        self.0.done.notify_waiters();
    }
}

/// Add what is queued to `jobs`, up to a full batch.
fn take_queued(queue: &mut mpsc::UnboundedReceiver<Job>, jobs: &mut Vec<Job>) {
    while jobs.len() < MAX_BATCH {
        match queue.try_recv() {
            Ok(job) => jobs.push(job),
            Err(_) => break,
        }
    }
}

/// Write a batch and answer each of its bookings.
async fn write(pool: &PgPool, conn: &mut Option<Conn>, jobs: Vec<Job>) {
    let mut jobs = match write_batch(pool, conn, jobs).await {
        Ok(_) => return,
        Err(refused) => refused,
    };
    // The server refused the statement, so nothing was written. When many want
    // the same times, most of a batch may no longer fit: those hear so at once,
    // and the others go together once more.
    for round in 0..SIFTS {
        let Sifted {
            admitted,
            unjudged,
            deferred,
            refused,
        } = sift(pool, conn, jobs).await;
        if round == 0 && !refused && deferred.is_empty() {
            // Nothing to tell from the counters: the refusal had another cause
            // (a key taken, a plan changed, a place freed since).
            let mut all = admitted;
            all.extend(unjudged);
            return one_by_one(pool, conn, all).await;
        }
        let counted: Vec<String> = admitted.iter().map(|j| j.booking.id.clone()).collect();
        let mut batch = admitted;
        batch.extend(unjudged);
        if batch.is_empty() {
            return;
        }
        match write_batch(pool, conn, batch).await {
            // The places the deferred ones needed went to bookings now stored:
            // sifted again, against the counters as they are now, they hear a
            // sure answer, or go in the next batch if a place came free.
            Ok(written) if counted.iter().all(|id| written.contains(id)) => {
                if deferred.is_empty() {
                    return;
                }
                jobs = deferred;
            }
            Ok(_) => return one_by_one(pool, conn, deferred).await,
            Err(mut again) => {
                again.extend(deferred);
                return one_by_one(pool, conn, again).await;
            }
        }
    }
    // Places keep changing hands under these: each on its own.
    one_by_one(pool, conn, jobs).await
}

/// Rounds of sifting a refused batch before the rest goes one by one.
const SIFTS: usize = 4;

/// Write the batch and answer its bookings: the ids written. If the server
/// refused the statement, nobody is answered and the batch comes back.
async fn write_batch(
    pool: &PgPool,
    conn: &mut Option<Conn>,
    jobs: Vec<Job>,
) -> std::result::Result<Vec<String>, Vec<Job>> {
    let refs: Vec<&Job> = jobs.iter().collect();
    match write_once(pool, conn, &refs).await {
        Ok(written) => {
            for job in jobs {
                let done = written.contains(&job.booking.id);
                let _ = job.reply.send(Ok(done));
            }
            Ok(written)
        }
        Err(StoreError::Conflict(conflict)) if jobs.len() == 1 => {
            for job in jobs {
                let _ = job.reply.send(Err(StoreError::Conflict(conflict)));
            }
            Ok(Vec::new())
        }
        Err(e) if refused(&e) => Err(jobs),
        Err(e) => {
            fail(jobs, &e);
            Ok(Vec::new())
        }
    }
}

/// A refused batch, sorted by what the stored counters say.
struct Sifted {
    /// Bookings that fit, counting those admitted before them.
    admitted: Vec<Job>,
    /// Bookings whose office's plan changed, or all of them if the counters
    /// could not be read: the statement judges them.
    unjudged: Vec<Job>,
    /// Bookings that fit only if one admitted before them is not written.
    deferred: Vec<Job>,
    /// Whether any booking did not fit even alone (those are answered already).
    refused: bool,
}

/// Read the counters a refused batch would raise (cells, arrival windows,
/// address quotas) and the offices' revisions, then go through the bookings in
/// the order they came. One that does not fit even alone hears its conflict at
/// once, as it would from its own statement; one that fits only without those
/// admitted before it waits for them. Bookings whose callers stopped waiting
/// are dropped, as when a writer takes them.
async fn sift(pool: &PgPool, conn: &mut Option<Conn>, mut jobs: Vec<Job>) -> Sifted {
    jobs.retain(|job| !job.reply.is_closed());
    // Each booking's raises, and the counters to read for them.
    let raised: Vec<Vec<Raise>> = jobs.iter().map(raises).collect();
    let mut keys = SiftKeys::default();
    for r in raised.iter().flatten() {
        let (kind, office, key, at) = &r.counter;
        match kind {
            CounterKind::Cell => {
                keys.cell_office.push(office);
                keys.cell_counter.push(key);
                keys.cell_at.push(*at);
            }
            CounterKind::Window => {
                keys.window_office.push(office);
                keys.window_at.push(*at);
            }
            CounterKind::Quota => {
                keys.quota_office.push(office);
                keys.quota_key.push(key);
            }
        }
    }
    let query = sqlx::query_as::<_, (String, String, String, i64, i64)>(SIFT)
        .bind(&keys.cell_office)
        .bind(&keys.cell_counter)
        .bind(&keys.cell_at)
        .bind(&keys.window_office)
        .bind(&keys.window_at)
        .bind(&keys.quota_office)
        .bind(&keys.quota_key);
    let rows = match conn {
        Some(c) => query.fetch_all(&mut *c.conn).await,
        None => query.fetch_all(pool).await,
    };
    let mut sifted = Sifted {
        admitted: Vec::with_capacity(jobs.len()),
        unjudged: Vec::new(),
        deferred: Vec::new(),
        refused: false,
    };
    let Ok(rows) = rows else {
        sifted.unjudged = jobs;
        return sifted;
    };
    // What is stored, and what the admitted bookings add to it.
    let mut stored: HashMap<Counter, i64> = HashMap::new();
    let mut revisions: HashMap<String, i64> = HashMap::new();
    for (kind, office, key, at, value) in rows {
        let kind = match kind.as_str() {
            "office" => {
                revisions.insert(office, value);
                continue;
            }
            "cell" => CounterKind::Cell,
            "window" => CounterKind::Window,
            _ => CounterKind::Quota,
        };
        stored.insert((kind, office, key, at), value);
    }
    let mut with_admitted = stored.clone();
    for (job, raises) in jobs.into_iter().zip(raised) {
        let b = &job.booking;
        if revisions.get(&b.office_id) != Some(&b.office_revision) {
            sifted.unjudged.push(job);
            continue;
        }
        let over = |counters: &HashMap<Counter, i64>| {
            raises
                .iter()
                .find(|r| counters.get(&r.counter).copied().unwrap_or(0) + r.by > r.cap)
                .map(|r| r.conflict)
        };
        if let Some(conflict) = over(&stored) {
            sifted.refused = true;
            let _ = job.reply.send(Err(StoreError::Conflict(conflict)));
        } else if over(&with_admitted).is_some() {
            sifted.deferred.push(job);
        } else {
            for r in raises {
                *with_admitted.entry(r.counter).or_insert(0) += r.by;
            }
            sifted.admitted.push(job);
        }
    }
    sifted
}

/// A stored counter: `(kind, office, key, at)`.
type Counter = (CounterKind, String, String, i64);

/// What a counter counts: a capacity cell (keyed by counter id and step), an
/// arrival window (by its start) or an address's quota (by the address key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum CounterKind {
    Cell,
    Window,
    Quota,
}

/// How a booking raises a counter, the cap it must stay within, and what it
/// hears if it would not.
struct Raise {
    counter: Counter,
    by: i64,
    cap: i64,
    conflict: Conflict,
}

/// The counters a booking raises, as the batch statement raises them.
fn raises(job: &Job) -> Vec<Raise> {
    let (b, claim) = (&job.booking, &job.claim);
    let counter =
        |kind: CounterKind, key: &str, at: i64| (kind, b.office_id.clone(), key.to_string(), at);
    let mut raises: Vec<Raise> = claim
        .cells
        .iter()
        .map(|&(cell, capacity)| Raise {
            counter: counter(CounterKind::Cell, &b.counter_id, cell),
            by: 1,
            cap: i64::from(capacity),
            conflict: Conflict::Capacity,
        })
        .collect();
    raises.push(Raise {
        counter: counter(CounterKind::Window, "", claim.arrival_window),
        by: i64::from(b.persons),
        cap: i64::from(claim.arrival_cap),
        conflict: Conflict::Arrivals,
    });
    raises.push(Raise {
        counter: counter(CounterKind::Quota, &b.email_key, 0),
        by: 1,
        cap: i64::from(b.email_cap),
        conflict: Conflict::EmailCap,
    });
    raises
}

/// The keys of the counters a batch raises, one array per column.
#[derive(Default)]
struct SiftKeys<'a> {
    cell_office: Vec<&'a str>,
    cell_counter: Vec<&'a str>,
    cell_at: Vec<i64>,
    window_office: Vec<&'a str>,
    window_at: Vec<i64>,
    quota_office: Vec<&'a str>,
    quota_key: Vec<&'a str>,
}

/// The stored counters of a batch's keys, and the revisions of their offices,
/// as `(kind, office, key, at, value)`.
const SIFT: &str = "\
    SELECT 'cell', c.office_id, c.counter_id, c.cell_at, c.booked FROM capacity_cells c \
      WHERE (c.office_id, c.counter_id, c.cell_at) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])) \
    UNION ALL \
    SELECT 'window', a.office_id, '', a.window_at, a.arrivals FROM arrival_cells a \
      WHERE (a.office_id, a.window_at) IN (SELECT * FROM unnest($4::text[], $5::bigint[])) \
    UNION ALL \
    SELECT 'quota', q.office_id, q.email_key, 0, q.active FROM email_quota q \
      WHERE (q.office_id, q.email_key) IN (SELECT * FROM unnest($6::text[], $7::text[])) \
    UNION ALL \
    SELECT 'office', o.id, '', 0, o.revision FROM offices o WHERE o.id = ANY($4::text[])";

/// Run the statement for `jobs`, also when the writer's connection broke (a
/// restarted server, a dropped link). The statement is atomic and the booking
/// ids are ours: once the old session has ended, either all of them are stored
/// (it committed) or none is, and then the statement goes again on a fresh
/// connection, three times at most.
async fn write_once(pool: &PgPool, conn: &mut Option<Conn>, jobs: &[&Job]) -> Result<Vec<String>> {
    let mut sent = 0;
    loop {
        sent += 1;
        let (e, lost) = match send(pool, conn, jobs).await {
            Ok(written) => return Ok(written),
            Err(Failed::Refused(e)) => return Err(e),
            Err(Failed::Broken(e, lost)) => (e, lost),
        };
        tracing::warn!(error = %e, "a booking writer's connection broke; it takes a new one");
        // A link that broke mid-statement may leave the server still running it.
        if let Some(session) = lost {
            session.end(pool).await?;
        }
        let ids: Vec<&str> = jobs.iter().map(|j| j.booking.id.as_str()).collect();
        let stored: Vec<String> = sqlx::query_scalar("SELECT id FROM bookings WHERE id = ANY($1)")
            .bind(ids)
            .fetch_all(pool)
            .await?;
        if !stored.is_empty() {
            return Ok(stored);
        }
        if sent == 3 {
            return Err(e);
        }
    }
}

/// A writer's connection, and which server session it is.
struct Conn {
    conn: PoolConnection<Postgres>,
    session: Option<Session>,
}

/// A server session: its process id, and when it began (process ids are reused).
struct Session {
    pid: i32,
    began: String,
}

impl Session {
    const END: &'static str = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                               WHERE pid = $1 AND backend_start::text = $2";
    const RUNS: &'static str =
        "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = $1 AND backend_start::text = $2";

    /// End the session if it still runs, and wait until it is gone: by then its
    /// statement has either committed or been rolled back for good. Servers that
    /// do not show their sessions (some PostgreSQL-compatible ones) are trusted
    /// to have ended it with the connection. If the server cannot be reached,
    /// there is nothing to find out, and that is the answer.
    async fn end(&self, pool: &PgPool) -> Result<()> {
        let ended = async {
            sqlx::query(Self::END)
                .bind(self.pid)
                .bind(&self.began)
                .execute(pool)
                .await?;
            for _ in 0..500 {
                let running: i64 = sqlx::query_scalar(Self::RUNS)
                    .bind(self.pid)
                    .bind(&self.began)
                    .fetch_one(pool)
                    .await?;
                if running == 0 {
                    return Ok(true);
                }
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            }
            Ok::<_, sqlx::Error>(false)
        };
        match ended.await {
            Ok(true) => {}
            Ok(false) => {
                tracing::warn!(
                    pid = self.pid,
                    "the broken writer's old session did not end in time"
                )
            }
            Err(e) if super::unreachable(&e) => return Err(e.into()),
            Err(e) => {
                tracing::warn!(error = %e, "could not end the broken writer's old session")
            }
        }
        Ok(())
    }
}

/// How a statement failed: the connection broke (with the session it was,
/// if known), or the server refused it.
enum Failed {
    Broken(StoreError, Option<Session>),
    Refused(StoreError),
}

/// Run the statement on the writer's connection, taking one first if it has
/// none; a connection that broke is closed.
async fn send(
    pool: &PgPool,
    conn: &mut Option<Conn>,
    jobs: &[&Job],
) -> std::result::Result<Vec<String>, Failed> {
    let c = match conn {
        Some(c) => c,
        // Nothing was sent: whatever failed, there is nothing to find out.
        None => conn.insert(connect(pool).await.map_err(Failed::Refused)?),
    };
    match statement(&mut *c.conn, jobs).await {
        Ok(written) => Ok(written),
        Err(e) if broken(&e) => {
            let mut lost = conn.take().expect("the connection just used");
            lost.conn.close_on_drop();
            Err(Failed::Broken(e, lost.session))
        }
        Err(e) => Err(Failed::Refused(e)),
    }
}

/// Whether the server refused the statement for what it asked (a rule, a
/// deadlock), which leaves nothing written, rather than failing to run it.
fn refused(e: &StoreError) -> bool {
    match e {
        StoreError::Conflict(_) => true,
        StoreError::Database(db @ sqlx::Error::Database(_)) => {
            !super::unreachable(db) && !broken(e)
        }
        _ => false,
    }
}

/// Whether an error says the connection is gone rather than that the
/// statement was refused.
fn broken(e: &StoreError) -> bool {
    matches!(e, StoreError::Database(e) if link_gone(e))
}

fn link_gone(e: &sqlx::Error) -> bool {
    match e {
        // Connection exceptions, and the server shutting down or ending the session.
        sqlx::Error::Database(db) => db
            .code()
            .is_some_and(|c| c.starts_with("08") || c.starts_with("57P")),
        sqlx::Error::Io(_) | sqlx::Error::Protocol(_) => true,
        _ => false,
    }
}

/// A connection for a writer. Its statement always has the same shape, so one
/// generic plan serves every batch; left to choose, PostgreSQL plans it anew
/// for each batch, as the number of bookings changes the estimates.
async fn connect(pool: &PgPool) -> Result<Conn> {
    let mut conn = pool.acquire().await?;
    sqlx::query("SET plan_cache_mode = force_generic_plan")
        .execute(&mut *conn)
        .await?;
    // Which session this is, to end it should the link break mid-statement.
    // A server that does not show its sessions leaves it unknown.
    let session = match sqlx::query_as::<_, (i32, String)>(
        "SELECT pid, backend_start::text FROM pg_stat_activity WHERE pid = pg_backend_pid()",
    )
    .fetch_optional(&mut *conn)
    .await
    {
        Ok(found) => found.map(|(pid, began)| Session { pid, began }),
        Err(e) if super::unreachable(&e) || link_gone(&e) => return Err(e.into()),
        Err(e) => {
            tracing::warn!(error = %e, "a booking writer cannot tell which server session it is");
            None
        }
    };
    Ok(Conn { conn, session })
}

/// Answer every job with the error; one that says the database could not be
/// reached says so to each of them, so that callers can answer "try again".
fn fail(jobs: Vec<Job>, e: &StoreError) {
    for job in jobs {
        let message = format!("writing bookings: {e}");
        let shared = match e {
            StoreError::Database(e) => super::shared_error(e, message),
            _ => sqlx::Error::Protocol(message),
        };
        let _ = job.reply.send(Err(shared.into()));
    }
}

/// Write each booking in its own statement, each caller hearing its own answer.
async fn one_by_one(pool: &PgPool, conn: &mut Option<Conn>, jobs: Vec<Job>) {
    for job in jobs.into_iter().filter(|job| !job.reply.is_closed()) {
        // As `retrying` does: PostgreSQL may abort one of two statements that wait on each other.
        let mut attempt = 0;
        let answer = loop {
            attempt += 1;
            match write_once(pool, conn, &[&job]).await {
                Err(e) if attempt < 5 && is_retryable(&e) => continue,
                other => break other.map(|written| written.contains(&job.booking.id)),
            }
        };
        let _ = job.reply.send(answer);
    }
}

/// Write the bookings of `jobs` whose office is still at their revision, with
/// their cells, arrivals, quotas, keys and mails, in one statement. Returns the
/// ids of the bookings written.
async fn statement<'c>(db: impl sqlx::PgExecutor<'c>, jobs: &[&Job]) -> Result<Vec<String>> {
    let mut b = Columns::default();
    let mut cells = (Vec::new(), Vec::new(), Vec::new());
    let mut mails = Mails::default();
    for (i, job) in jobs.iter().enumerate() {
        let index = i as i64 + 1;
        let n = &job.booking;
        let claim = &job.claim;
        b.office_id.push(&n.office_id);
        b.revision.push(n.office_revision);
        b.id.push(&n.id);
        b.token_hash.push(&n.token_hash);
        b.counter_id.push(&n.counter_id);
        b.services.push(n.services.join(","));
        b.persons.push(i64::from(n.persons));
        b.phone.push(n.phone.as_deref());
        b.created_at.push(n.created_at);
        b.start_at.push(claim.start.timestamp());
        b.end_at.push(claim.end.timestamp());
        b.arrival_window.push(claim.arrival_window);
        b.grid_seconds.push(claim.grid_seconds);
        b.email_key.push(&n.email_key);
        b.status.push(n.status);
        b.name.push(&n.name);
        b.email.push(&n.email);
        b.key.push(n.idempotency.as_ref().map(|(k, _)| k.as_str()));
        b.fingerprint
            .push(n.idempotency.as_ref().map(|(_, f)| f.as_str()));
        b.email_cap.push(i64::from(n.email_cap));
        b.arrival_cap.push(i64::from(claim.arrival_cap));
        b.language.push(n.language);
        b.confirm_by.push(n.confirm_by);
        b.confirmed_at
            .push((n.status == "confirmed").then_some(n.created_at));
        b.code.push(&n.code);
        for &(cell, capacity) in &claim.cells {
            cells.0.push(index);
            cells.1.push(cell);
            cells.2.push(i64::from(capacity));
        }
        for mail in std::iter::once(&job.mail).chain(&job.reminder) {
            mails.index.push(index);
            mails.id.push(&mail.id);
            mails.kind.push(mail.kind);
            mails.message_id.push(&mail.message_id);
            mails.sender.push(&mail.sender);
            mails.recipient.push(&mail.recipient);
            mails.message.push(mail.message.as_deref());
            mails.token.push(mail.token.as_deref());
            mails.due_at.push(mail.due_at);
        }
    }
    let written: Vec<String> = sqlx::query_scalar(&SQL)
        .bind(b.office_id)
        .bind(b.revision)
        .bind(b.id)
        .bind(b.token_hash)
        .bind(b.counter_id)
        .bind(b.services)
        .bind(b.persons)
        .bind(b.phone)
        .bind(b.created_at)
        .bind(b.start_at)
        .bind(b.end_at)
        .bind(b.arrival_window)
        .bind(b.grid_seconds)
        .bind(b.email_key)
        .bind(b.status)
        .bind(b.name)
        .bind(b.email)
        .bind(b.key)
        .bind(b.fingerprint)
        .bind(b.email_cap)
        .bind(b.arrival_cap)
        .bind(b.language)
        .bind(b.confirm_by)
        .bind(b.confirmed_at)
        .bind(cells.0)
        .bind(cells.1)
        .bind(cells.2)
        .bind(mails.index)
        .bind(mails.id)
        .bind(mails.kind)
        .bind(mails.message_id)
        .bind(mails.sender)
        .bind(mails.recipient)
        .bind(mails.message)
        .bind(mails.due_at)
        .bind(mails.token)
        .bind(b.code)
        .fetch_all(db)
        .await
        .map_err(to_conflict)?;
    Ok(written)
}

/// The bookings of a batch, one array per column.
#[derive(Default)]
struct Columns<'a> {
    office_id: Vec<&'a str>,
    revision: Vec<i64>,
    id: Vec<&'a str>,
    token_hash: Vec<&'a str>,
    counter_id: Vec<&'a str>,
    services: Vec<String>,
    persons: Vec<i64>,
    phone: Vec<Option<&'a str>>,
    created_at: Vec<i64>,
    start_at: Vec<i64>,
    end_at: Vec<i64>,
    arrival_window: Vec<i64>,
    grid_seconds: Vec<i64>,
    email_key: Vec<&'a str>,
    status: Vec<&'a str>,
    name: Vec<&'a str>,
    email: Vec<&'a str>,
    key: Vec<Option<&'a str>>,
    fingerprint: Vec<Option<&'a str>>,
    email_cap: Vec<i64>,
    arrival_cap: Vec<i64>,
    language: Vec<&'a str>,
    confirm_by: Vec<Option<i64>>,
    confirmed_at: Vec<Option<i64>>,
    code: Vec<&'a str>,
}

/// The mails of a batch, each with the (1-based) number of its booking.
#[derive(Default)]
struct Mails<'a> {
    index: Vec<i64>,
    id: Vec<&'a str>,
    kind: Vec<&'a str>,
    message_id: Vec<&'a str>,
    sender: Vec<&'a str>,
    recipient: Vec<&'a str>,
    message: Vec<Option<&'a [u8]>>,
    due_at: Vec<i64>,
    token: Vec<Option<&'a str>>,
}

/// The batch statement. `b` holds the bookings whose office is at the expected
/// revision; every part reads from it, so a booking of a changed plan writes
/// nothing at all. Counters that several bookings share are summed first (one
/// statement may not update a row twice). The data-modifying parts that the
/// main query does not read run after it, last one first: bookings, arrival
/// windows, cells, quotas, keys, the order `release!` locks in.
static SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "WITH b AS MATERIALIZED ( \
           SELECT n.* FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], \
             $7::bigint[], $8::text[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[], \
             $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::bigint[], \
             $21::bigint[], $22::text[], $23::bigint[], $24::bigint[], $37::text[]) WITH ORDINALITY \
           AS n(office_id, revision, id, token_hash, counter_id, services, persons, phone, created_at, \
             start_at, end_at, arrival_window, grid_seconds, email_key, status, name, email, key, fingerprint, \
             email_cap, arrival_cap, language, confirm_by, confirmed_at, code, i) \
           WHERE EXISTS (SELECT 1 FROM offices o WHERE o.id = n.office_id AND o.revision = n.revision)), \
         keys AS (INSERT INTO idempotency_keys (key, fingerprint, booking_id, created_at) \
           SELECT key, fingerprint, id, created_at FROM b WHERE key IS NOT NULL ORDER BY key), \
         quotas AS (INSERT INTO email_quota (office_id, email_key, active, cap) \
           SELECT office_id, email_key, count(*), max(email_cap) FROM b \
           GROUP BY office_id, email_key ORDER BY office_id, email_key \
           ON CONFLICT (office_id, email_key) DO UPDATE \
           SET active = email_quota.active + excluded.active, cap = excluded.cap), \
         cells AS (INSERT INTO capacity_cells (office_id, counter_id, cell_at, capacity, booked) \
           SELECT b.office_id, b.counter_id, c.cell_at, max(c.capacity), count(*) \
           FROM unnest($25::bigint[], $26::bigint[], $27::bigint[]) AS c(i, cell_at, capacity) JOIN b ON b.i = c.i \
           GROUP BY b.office_id, b.counter_id, c.cell_at ORDER BY b.office_id, b.counter_id, c.cell_at \
           ON CONFLICT (office_id, counter_id, cell_at) DO UPDATE \
           SET booked = capacity_cells.booked + excluded.booked, capacity = excluded.capacity), \
         arrivals AS (INSERT INTO arrival_cells (office_id, window_at, capacity, arrivals) \
           SELECT office_id, arrival_window, max(arrival_cap), CAST(sum(persons) AS BIGINT) FROM b \
           GROUP BY office_id, arrival_window ORDER BY office_id, arrival_window \
           ON CONFLICT (office_id, window_at) DO UPDATE \
           SET arrivals = arrival_cells.arrivals + excluded.arrivals, capacity = excluded.capacity), \
         booked AS (INSERT INTO bookings ({BOOKING_COLUMNS}) \
           SELECT id, token_hash, office_id, counter_id, services, persons, start_at, end_at, grid_seconds, \
             arrival_window, status, name, email, phone, email_key, language, confirm_by, created_at, confirmed_at, code \
           FROM b) \
         INSERT INTO outbox ({OUTBOX_COLUMNS}) \
           SELECT m.id, b.id, m.kind, m.message_id, m.sender, m.recipient, m.message, 'pending', 0, m.due_at, b.created_at, m.token \
           FROM unnest($28::bigint[], $29::text[], $30::text[], $31::text[], $32::text[], $33::text[], \
             $34::bytea[], $35::bigint[], $36::text[]) AS m(i, id, kind, message_id, sender, recipient, message, due_at, token) \
           JOIN b ON b.i = m.i \
         RETURNING booking_id"
    )
});
