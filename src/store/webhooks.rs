//! Webhooks: per office a receiver, its key, and how far it has been sent the
//! office's booking events (which the database writes in the transaction of
//! each change, see the migration `0010_webhooks.sql`).

use super::audit::audit;
use super::{in_tx, on, Actor, NewAudit, Result, Store};

/// A webhook as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct WebhookRow {
    pub id: String,
    pub office_id: String,
    pub url: String,
    pub secret: String,
    pub label: String,
    pub created_by: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
    /// The last event the receiver answered 2xx for.
    pub delivered_seq: i64,
    /// Failed attempts since the last success.
    pub attempts: i64,
    pub next_at: i64,
    pub last_error: Option<String>,
}

/// A booking event, with what a receiver needs of the booking (no personal data).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EventRow {
    pub seq: i64,
    pub booking_id: String,
    pub kind: String,
    pub status: String,
    pub start_at: i64,
    pub end_at: i64,
    pub at: i64,
    pub counter_id: String,
    pub services: String,
    pub persons: i64,
}

const HOOK_COLUMNS: &str =
    "id, office_id, url, secret, label, created_by, created_at, revoked_at, \
                            delivered_seq, attempts, next_at, last_error";

impl Store {
    /// Add a webhook; it gets the events from now on.
    pub async fn add_webhook(&self, hook: &WebhookRow, actor: &Actor, now: i64) -> Result<()> {
        let entry = NewAudit::new(Some(&hook.office_id), "webhook_added")
            .detail(format!("{} ({})", hook.label, hook.id));
        in_tx!(self, tx => {
            let last: Option<i64> = sqlx::query_scalar("SELECT MAX(seq) FROM booking_events")
                .fetch_one(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO webhooks (id, office_id, url, secret, label, created_by, created_at, delivered_seq) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(&hook.id)
            .bind(&hook.office_id)
            .bind(&hook.url)
            .bind(&hook.secret)
            .bind(&hook.label)
            .bind(&hook.created_by)
            .bind(now)
            .bind(last.unwrap_or(0))
            .execute(&mut *tx)
            .await?;
            audit!(tx, actor, &entry, now);
        });
        Ok(())
    }

    /// An office's webhooks, revoked ones too, oldest first.
    pub async fn webhooks(&self, office_id: &str) -> Result<Vec<WebhookRow>> {
        let sql = format!(
            "SELECT {HOOK_COLUMNS} FROM webhooks WHERE office_id = $1 ORDER BY created_at, id"
        );
        let rows = on!(self, pool => sqlx::query_as(&sql).bind(office_id).fetch_all(pool).await?);
        Ok(rows)
    }

    /// Revoke a webhook of the office: nothing more is sent to it.
    pub async fn revoke_webhook(
        &self,
        office_id: &str,
        id: &str,
        actor: &Actor,
        now: i64,
    ) -> Result<bool> {
        let entry = NewAudit::new(Some(office_id), "webhook_revoked").detail(id.to_string());
        let revoked = in_tx!(self, tx => {
            let n = sqlx::query(
                "UPDATE webhooks SET revoked_at = $3 WHERE id = $1 AND office_id = $2 AND revoked_at IS NULL",
            )
            .bind(id)
            .bind(office_id)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if n == 1 {
                audit!(tx, actor, &entry, now);
            }
            n == 1
        });
        Ok(revoked)
    }

    /// Take the lease of one webhook that is due, so that no other instance
    /// sends to it meanwhile; `None` when none is due.
    pub async fn claim_webhook(&self, now: i64, lease: i64) -> Result<Option<WebhookRow>> {
        let sql = format!(
            "UPDATE webhooks SET lease_until = $2 WHERE id = ( \
               SELECT id FROM webhooks WHERE revoked_at IS NULL AND next_at <= $1 AND lease_until <= $1 \
               AND EXISTS (SELECT 1 FROM booking_events e WHERE e.office_id = webhooks.office_id AND e.seq > webhooks.delivered_seq) \
               ORDER BY next_at, id LIMIT 1) \
             AND lease_until <= $1 RETURNING {HOOK_COLUMNS}"
        );
        let row = in_tx!(self, tx => {
            sqlx::query_as(&sql).bind(now).bind(now + lease).fetch_optional(&mut *tx).await?
        });
        Ok(row)
    }

    /// The office's events after `after`, oldest first, written before `settled`
    /// (a later one may still belong to a transaction not yet committed).
    pub async fn events_after(
        &self,
        office_id: &str,
        after: i64,
        settled: i64,
        limit: i64,
    ) -> Result<Vec<EventRow>> {
        let sql = "SELECT e.seq, e.booking_id, e.kind, e.status, e.start_at, e.end_at, e.at, \
                   b.counter_id, b.services, b.persons \
                   FROM booking_events e JOIN bookings b ON b.id = e.booking_id \
                   WHERE e.office_id = $1 AND e.seq > $2 AND e.at <= $3 ORDER BY e.seq LIMIT $4";
        let rows = on!(self, pool => sqlx::query_as(sql)
            .bind(office_id)
            .bind(after)
            .bind(settled)
            .bind(limit)
            .fetch_all(pool)
            .await?);
        Ok(rows)
    }

    /// The receiver answered 2xx for the event `seq`.
    pub async fn webhook_delivered(&self, id: &str, seq: i64) -> Result<()> {
        in_tx!(self, tx => {
            sqlx::query(
                "UPDATE webhooks SET delivered_seq = $2, attempts = 0, last_error = NULL WHERE id = $1 AND delivered_seq < $2",
            )
            .bind(id)
            .bind(seq)
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }

    /// Forget the events every live webhook of their office has taken, and
    /// those of offices with no live webhook (nothing will ask for them: a new
    /// webhook starts after the newest event). A receiver that is down keeps
    /// its office's events until it takes them or is revoked.
    pub async fn prune_booking_events(&self) -> Result<u64> {
        let n = in_tx!(self, tx => {
            sqlx::query(
                "DELETE FROM booking_events WHERE seq <= COALESCE( \
                   (SELECT MIN(w.delivered_seq) FROM webhooks w \
                    WHERE w.office_id = booking_events.office_id AND w.revoked_at IS NULL), \
                   (SELECT MAX(e.seq) FROM booking_events e))",
            )
            .execute(&mut *tx)
            .await?
            .rows_affected()
        });
        Ok(n)
    }

    /// The receiver did not take the next event: try again at `next_at`.
    pub async fn webhook_failed(&self, id: &str, next_at: i64, error: &str) -> Result<()> {
        in_tx!(self, tx => {
            sqlx::query(
                "UPDATE webhooks SET attempts = attempts + 1, next_at = $2, lease_until = 0, last_error = $3 WHERE id = $1",
            )
            .bind(id)
            .bind(next_at)
            .bind(error)
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }

    /// Give the lease back after a round that went well.
    pub async fn webhook_release(&self, id: &str) -> Result<()> {
        in_tx!(self, tx => {
            sqlx::query("UPDATE webhooks SET lease_until = 0 WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        });
        Ok(())
    }
}
