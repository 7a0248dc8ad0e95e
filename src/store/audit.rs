//! The audit log: every staff action, added in the transaction of the action itself.
//!
//! Rows are only ever inserted (a trigger refuses any UPDATE) and removed by
//! the retention sweep. What goes in is ids and ticket numbers, never a
//! citizen's name, address or phone.

use sqlx::FromRow;

use super::{in_tx, on, Result, Store};

/// Who did something: `user:ID`, `key:ID`, `kiosk:ID`, `cli` or `system`, and
/// a label to show (the staff user's address, the key's or kiosk's label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: String,
    pub label: String,
}

impl Actor {
    pub fn cli() -> Actor {
        Actor {
            id: "cli".into(),
            label: "command line".into(),
        }
    }

    pub fn system() -> Actor {
        Actor {
            id: "system".into(),
            label: "Termin".into(),
        }
    }
}

/// An entry about to be written.
#[derive(Debug, Clone, Default)]
pub struct NewAudit {
    pub office_id: Option<String>,
    pub action: &'static str,
    pub ticket_id: Option<String>,
    pub ticket_number: Option<String>,
    pub booking_id: Option<String>,
    /// What else tells the action apart (a desk, counters, a role), never personal data of citizens.
    pub detail: String,
}

impl NewAudit {
    pub fn new(office_id: Option<&str>, action: &'static str) -> NewAudit {
        NewAudit {
            office_id: office_id.map(str::to_string),
            action,
            ..NewAudit::default()
        }
    }

    pub fn detail(mut self, detail: impl Into<String>) -> NewAudit {
        self.detail = detail.into();
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct AuditRow {
    pub id: String,
    pub at: i64,
    pub office_id: Option<String>,
    pub actor: String,
    pub actor_label: String,
    pub action: String,
    pub ticket_id: Option<String>,
    pub ticket_number: Option<String>,
    pub booking_id: Option<String>,
    pub detail: String,
}

/// Write an audit entry `$entry` by `$actor` at `$now` inside a transaction `$tx`.
macro_rules! audit {
    ($tx:expr, $actor:expr, $entry:expr, $now:expr) => {{
        let actor: &$crate::store::Actor = $actor;
        let entry: &$crate::store::NewAudit = $entry;
        sqlx::query(
            "INSERT INTO audit_log (id, at, office_id, actor, actor_label, action, ticket_id, ticket_number, booking_id, detail) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind($now)
        .bind(&entry.office_id)
        .bind(&actor.id)
        .bind(&actor.label)
        .bind(entry.action)
        .bind(&entry.ticket_id)
        .bind(&entry.ticket_number)
        .bind(&entry.booking_id)
        .bind(&entry.detail)
        .execute(&mut *$tx)
        .await?;
    }};
}

pub(crate) use audit;

impl Store {
    /// Write one audit entry on its own (for actions whose unit of work has no other write).
    pub async fn audit(&self, actor: &Actor, entry: &NewAudit, now: i64) -> Result<()> {
        in_tx!(self, tx => { audit!(tx, actor, entry, now); });
        Ok(())
    }

    /// Entries from `from` (inclusive) to `to` (exclusive), oldest first, at most
    /// `limit`; of one office, or with `None` of all.
    pub async fn audit_entries(
        &self,
        office_id: Option<&str>,
        from: i64,
        to: i64,
        limit: i64,
    ) -> Result<Vec<AuditRow>> {
        let rows = on!(self, pool => sqlx::query_as(
            "SELECT id, at, office_id, actor, actor_label, action, ticket_id, ticket_number, booking_id, detail \
             FROM audit_log WHERE ($1 IS NULL OR office_id = $1) AND at >= $2 AND at < $3 ORDER BY at, id LIMIT $4",
        )
        .bind(office_id)
        .bind(from)
        .bind(to)
        .bind(limit)
        .fetch_all(pool)
        .await?);
        Ok(rows)
    }

    /// The retention sweep, the one way entries leave the log: those older than `before`.
    pub async fn sweep_audit(&self, before: i64) -> Result<u64> {
        let n = in_tx!(self, tx => {
            sqlx::query("DELETE FROM audit_log WHERE at < $1")
                .bind(before)
                .execute(&mut *tx)
                .await?
                .rows_affected()
        });
        Ok(n)
    }
}
