//! The outbox: mails written in the same transaction as the booking change that owes them (rule 7).

use sqlx::FromRow;

use super::{in_tx, on, Result, Store};

/// A mail to be written to the outbox.
#[derive(Debug, Clone)]
pub struct NewMail {
    pub id: String,
    pub booking_id: Option<String>,
    pub kind: &'static str,
    pub message_id: String,
    pub sender: String,
    pub recipient: String,
    /// The whole RFC 5322 message, or `None` for a mail rendered when it is
    /// delivered (see [`crate::mail::messages::later`]).
    pub message: Option<Vec<u8>>,
    /// The booking's secret, kept for a mail rendered when it is delivered.
    pub token: Option<String>,
    pub due_at: i64,
}

/// A mail claimed for delivery.
#[derive(Debug, Clone, FromRow)]
pub struct OutboxMail {
    pub id: String,
    pub booking_id: Option<String>,
    pub kind: String,
    pub message_id: String,
    pub sender: String,
    pub recipient: String,
    pub message: Option<Vec<u8>>,
    pub token: Option<String>,
    pub due_at: i64,
    pub attempts: i64,
}

/// Insert a [`NewMail`] inside a transaction `$tx`.
macro_rules! enqueue {
    ($tx:expr, $mail:expr, $now:expr) => {{
        let mail: &$crate::store::NewMail = $mail;
        sqlx::query(
            "INSERT INTO outbox (id, booking_id, kind, message_id, sender, recipient, message, status, attempts, due_at, created_at, token) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, $9, $10)",
        )
        .bind(&mail.id)
        .bind(&mail.booking_id)
        .bind(mail.kind)
        .bind(&mail.message_id)
        .bind(&mail.sender)
        .bind(&mail.recipient)
        .bind(&mail.message)
        .bind(mail.due_at)
        .bind($now)
        .bind(&mail.token)
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use enqueue;

impl Store {
    /// Claim up to `limit` due mails for `lease` seconds, oldest first (ids are
    /// time-ordered UUIDs, so mails due at once go in the order they were written). A claimed mail is not
    /// claimed again before its lease runs out, by this or any other instance;
    /// if the claimer dies, the lease runs out and another instance sends it.
    pub async fn claim_mail(&self, now: i64, lease: i64, limit: i64) -> Result<Vec<OutboxMail>> {
        let rows =
            match self {
                // dialect: PostgreSQL skips rows another instance is claiming right now;
                // SQLite has one writer at a time, so a plain UPDATE … RETURNING does.
                Store::Postgres(pg) => sqlx::query_as(
                    "UPDATE outbox SET lease_until = $2, attempts = attempts + 1 WHERE id IN ( \
                       SELECT id FROM outbox WHERE status = 'pending' AND due_at <= $1 \
                       AND (lease_until IS NULL OR lease_until <= $1) \
                       ORDER BY due_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) \
                     RETURNING id, booking_id, kind, message_id, sender, recipient, message, token, due_at, attempts",
                )
                .bind(now)
                .bind(now + lease)
                .bind(limit)
                .fetch_all(&pg.pool)
                .await?,
                Store::Sqlite(sqlite) => {
                    let _writer = sqlite.lock_writer().await;
                    let mut tx = sqlite.pool.begin_with("BEGIN IMMEDIATE").await?;
                    let rows = sqlx::query_as(
                    "UPDATE outbox SET lease_until = $2, attempts = attempts + 1 WHERE id IN ( \
                       SELECT id FROM outbox WHERE status = 'pending' AND due_at <= $1 \
                       AND (lease_until IS NULL OR lease_until <= $1) \
                       ORDER BY due_at, id LIMIT $3) \
                     RETURNING id, booking_id, kind, message_id, sender, recipient, message, token, due_at, attempts",
                )
                .bind(now)
                .bind(now + lease)
                .bind(limit)
                .fetch_all(&mut *tx)
                .await?;
                    tx.commit().await?;
                    rows
                }
            };
        // RETURNING gives no order; send in the order the mails were written.
        let mut rows: Vec<OutboxMail> = rows;
        rows.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(rows)
    }

    /// The mail went out: keep the record, erase the message and the secret
    /// (the message holds the booking's secret link and personal data).
    pub async fn mail_sent(&self, id: &str, now: i64) -> Result<()> {
        in_tx!(self, tx => { sqlx::query(
            "UPDATE outbox SET status = 'sent', sent_at = $2, message = NULL, token = NULL, lease_until = NULL, last_error = NULL WHERE id = $1",
        )
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?; });
        Ok(())
    }

    /// A temporary failure: try again at `due_at`.
    pub async fn mail_retry(&self, id: &str, due_at: i64, error: &str) -> Result<()> {
        in_tx!(self, tx => { sqlx::query("UPDATE outbox SET due_at = $2, lease_until = NULL, last_error = $3 WHERE id = $1")
            .bind(id)
            .bind(due_at)
            .bind(error)
            .execute(&mut *tx)
            .await?; });
        Ok(())
    }

    /// A permanent failure: given up, with the reason, for staff to see.
    pub async fn mail_failed(&self, id: &str, error: &str) -> Result<()> {
        in_tx!(self, tx => { sqlx::query("UPDATE outbox SET status = 'failed', lease_until = NULL, last_error = $2, message = NULL, token = NULL WHERE id = $1")
            .bind(id)
            .bind(error)
            .execute(&mut *tx)
            .await?; });
        Ok(())
    }

    /// How many mails wait to be sent (due or not).
    pub async fn mail_pending(&self) -> Result<i64> {
        let n = on!(self, pool => sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE status = 'pending'")
            .fetch_one(pool)
            .await?);
        Ok(n)
    }
}

/// How the outbox stands, for metrics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxState {
    pub pending: i64,
    pub failed: i64,
    /// How long the longest-waiting mail that is due has waited (0: none).
    pub oldest_seconds: i64,
}

impl Store {
    pub async fn outbox_state(&self, now: i64) -> Result<OutboxState> {
        let (pending, failed, oldest): (i64, i64, Option<i64>) = on!(self, pool => sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0) AS BIGINT), \
                    CAST(COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) AS BIGINT), \
                    MIN(CASE WHEN status = 'pending' AND due_at <= $1 THEN due_at END) \
             FROM outbox",
        )
        .bind(now)
        .fetch_one(pool)
        .await?);
        Ok(OutboxState {
            pending,
            failed,
            oldest_seconds: oldest.map_or(0, |at| (now - at).max(0)),
        })
    }

    /// The database pool's connections: open, and idle among them.
    pub fn pool_state(&self) -> (i64, i64) {
        let (size, idle) = on!(self, pool => (pool.size(), pool.num_idle()));
        (i64::from(size), i64::try_from(idle).unwrap_or(0))
    }
}
