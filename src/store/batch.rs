//! Group commit for bookings on SQLite: bookings that arrive together share one transaction.
//!
//! SQLite writes one transaction at a time, and each commit waits for the disk.
//! Bookings queued while a commit is under way are written together in the next
//! transaction, each inside its own savepoint: a booking that breaks a rule is
//! rolled back alone, the others commit, and every caller hears its answer only
//! after the commit that made it durable. Under load this turns many small commits
//! into few larger ones; alone, a booking waits for nobody.

use std::sync::Arc;

use sqlx::sqlite::SqliteArguments;
use sqlx::{SqliteConnection, SqlitePool};
use tokio::sync::{mpsc, oneshot, Mutex};

/// Bookings written in one transaction at most.
const MAX_BATCH: usize = 64;

type Reply = oneshot::Sender<Result<u64, sqlx::Error>>;
type Answer = (Reply, Result<u64, sqlx::Error>);

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
    while let Some(first) = queue.recv().await {
        let _turn = writer.lock().await;
        // Whatever queued while we waited for our turn goes in the same transaction.
        let mut jobs = vec![first];
        while jobs.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        commit(&pool, jobs).await;
    }
}

fn commit(pool: &SqlitePool, jobs: Vec<Job>) -> BoxFuture<'_, ()> {
    Box::pin(commit_inner(pool, jobs))
}

async fn commit_inner(pool: &SqlitePool, jobs: Vec<Job>) {
    let mut tx = match pool.begin_with("BEGIN IMMEDIATE").await {
        Ok(tx) => tx,
        Err(e) => return fail_all(jobs, &e),
    };
    let mut answers = Vec::with_capacity(jobs.len());
    for job in jobs {
        if let Err(e) = raw(&mut tx, "SAVEPOINT booking").await {
            answers.push((job.reply, Err(e)));
            continue;
        }
        let result = run_job(&mut tx, &job.sql, job.args).await;
        let end = match &result {
            Ok(_) => "RELEASE booking",
            Err(_) => "ROLLBACK TO booking; RELEASE booking",
        };
        if let Err(e) = raw(&mut tx, end).await {
            // The transaction is in an unknown state: give up on all of it.
            drop(tx);
            let e = sqlx::Error::Protocol(format!("ending a savepoint: {e}"));
            answers.push((job.reply, Err(e)));
            return fail_answers(answers);
        }
        answers.push((job.reply, result));
    }
    match tx.commit().await {
        Ok(()) => {
            for (reply, result) in answers {
                let _ = reply.send(result);
            }
        }
        Err(e) => {
            let e = sqlx::Error::Protocol(format!("commit failed: {e}"));
            fail_answers(
                answers
                    .into_iter()
                    .map(|(r, _)| (r, Err(clone(&e))))
                    .collect(),
            )
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
        Ok(sqlx::query_with(sql, args)
            .execute(conn)
            .await?
            .rows_affected())
    })
}

type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

fn clone(e: &sqlx::Error) -> sqlx::Error {
    sqlx::Error::Protocol(e.to_string())
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
