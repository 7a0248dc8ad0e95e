//! Group commit for bookings on SQLite: bookings that arrive together share one transaction.
//!
//! SQLite writes one transaction at a time, and each commit waits for the disk.
//! Bookings queued while a commit is under way are written together in the next
//! transaction, each inside its own savepoint: a booking that breaks a rule is
//! rolled back alone, the others commit, and every caller hears its answer only
//! after the commit that made it durable. Under load this turns many small commits
//! into few larger ones; alone, a booking waits for nobody.
//!
//! A booking whose caller stopped waiting before its turn came (the client went
//! away, the request was dropped) is not written: nobody would hear that it was.

use std::sync::Arc;

use sqlx::pool::PoolConnection;
use sqlx::sqlite::SqliteArguments;
use sqlx::{Connection, Row, Sqlite, SqliteConnection, SqlitePool};
use tokio::sync::{mpsc, oneshot, Mutex};

/// Bookings written in one transaction at most.
const MAX_BATCH: usize = 64;

type Reply = oneshot::Sender<Result<u64, sqlx::Error>>;
type Answer = (Reply, Result<u64, sqlx::Error>);

/// A booking to write: statements whose last one is a `SELECT` of how many rows
/// it wrote, with their arguments, and where to send that count.
pub struct Job {
    pub sql: String,
    pub args: SqliteArguments<'static>,
    pub reply: Reply,
}

/// Start the writer task; jobs sent to the returned queue are committed in batches.
pub fn spawn(pool: SqlitePool, writer: Arc<Mutex<()>>) -> mpsc::UnboundedSender<Job> {
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(run(pool, writer, rx));
    tx
}

async fn run(pool: SqlitePool, writer: Arc<Mutex<()>>, mut queue: mpsc::UnboundedReceiver<Job>) {
    // One connection kept for all batches: its page cache stays warm, where a
    // connection fresh from the pool would read back what others wrote. It is
    // given back when the pool closes, which waits for every connection.
    let mut conn: Option<PoolConnection<Sqlite>> = None;
    let closed = pool.close_event();
    tokio::pin!(closed);
    loop {
        let first = tokio::select! {
            job = queue.recv() => match job {
                Some(job) => job,
                None => return,
            },
            _ = &mut closed => return,
        };
        let _turn = writer.lock().await;
        // Whatever queued while we waited for our turn goes in the same transaction.
        let mut jobs = vec![first];
        while jobs.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        jobs.retain(|job| !job.reply.is_closed());
        if jobs.is_empty() {
            continue;
        }
        let c = match conn.take() {
            Some(c) => c,
            None => match pool.acquire().await {
                Ok(c) => c,
                Err(e) => {
                    fail_all(jobs, &e);
                    continue;
                }
            },
        };
        conn = commit(c, jobs).await;
    }
}

/// Write a batch; gives the connection back for the next one unless something
/// failed, in which case it is closed rather than returned to the pool.
fn commit(
    conn: PoolConnection<Sqlite>,
    jobs: Vec<Job>,
) -> BoxFuture<'static, Option<PoolConnection<Sqlite>>> {
    Box::pin(commit_inner(conn, jobs))
}

async fn commit_inner(
    mut conn: PoolConnection<Sqlite>,
    jobs: Vec<Job>,
) -> Option<PoolConnection<Sqlite>> {
    if write(&mut conn, jobs).await {
        Some(conn)
    } else {
        conn.close_on_drop();
        None
    }
}

/// Write and commit a batch, answering every job; false if the connection may be unusable.
async fn write(conn: &mut SqliteConnection, jobs: Vec<Job>) -> bool {
    let mut tx = match conn.begin_with("BEGIN IMMEDIATE").await {
        Ok(tx) => tx,
        Err(e) => {
            fail_all(jobs, &e);
            return false;
        }
    };
    let mut answers = Vec::with_capacity(jobs.len());
    let mut jobs = jobs.into_iter();
    while let Some(job) = jobs.next() {
        // The savepoint opens and closes in the job's own call; only a job that
        // broke a rule needs another call to roll its part back.
        let sql = format!("SAVEPOINT booking;\n{};\nRELEASE booking", job.sql);
        let result = run_job(&mut tx, &sql, job.args).await;
        if result.is_err() {
            if let Err(e) = raw(&mut tx, "ROLLBACK TO booking; RELEASE booking").await {
                // The transaction is in an unknown state: give up on all of it.
                drop(tx);
                let e = sqlx::Error::Protocol(format!("ending a savepoint: {e}"));
                answers.push((job.reply, Err(clone(&e))));
                fail_answers(answers);
                fail_all(jobs.collect(), &e);
                return false;
            }
        }
        answers.push((job.reply, result));
    }
    match tx.commit().await {
        Ok(()) => {
            for (reply, result) in answers {
                let _ = reply.send(result);
            }
            true
        }
        Err(e) => {
            fail_answers(
                answers
                    .into_iter()
                    .map(|(r, _)| (r, Err(clone(&e))))
                    .collect(),
            );
            false
        }
    }
}

// Plain functions with concrete types: written inline in the spawned task, the
// executor's lifetime makes the future fail to be `Send` for every lifetime.
fn raw<'c>(
    conn: &'c mut SqliteConnection,
    sql: &'c str,
) -> BoxFuture<'c, Result<u64, sqlx::Error>> {
    Box::pin(async move {
        let mut n = 0;
        for statement in sql.split(';') {
            n += sqlx::query(statement.trim())
                .execute(&mut *conn)
                .await?
                .rows_affected();
        }
        Ok(n)
    })
}

fn run_job<'c>(
    conn: &'c mut SqliteConnection,
    sql: &'c str,
    args: SqliteArguments<'static>,
) -> BoxFuture<'c, Result<u64, sqlx::Error>> {
    Box::pin(async move {
        // The job's last statement counts what it wrote: `rows_affected` would also
        // count what SQLite reports for the savepoint statements, the previous job's changes.
        let rows = sqlx::query_with(sql, args).fetch_all(conn).await?;
        Ok(rows.last().map_or(Ok(0), |r| r.try_get::<i64, _>(0))? as u64)
    })
}

type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// A copy for each caller, which still says whether the database could not be reached.
fn clone(e: &sqlx::Error) -> sqlx::Error {
    super::shared_error(e, e.to_string())
}

fn fail_all(jobs: Vec<Job>, e: &sqlx::Error) {
    for job in jobs {
        let _ = job.reply.send(Err(clone(e)));
    }
}

/// Nothing of the batch was committed: every caller hears an error, also those
/// whose own part had gone well.
fn fail_answers(answers: Vec<Answer>) {
    for (reply, result) in answers {
        let e = match result {
            Ok(_) => sqlx::Error::Protocol("the transaction was rolled back".into()),
            Err(e) => e,
        };
        let _ = reply.send(Err(e));
    }
}
