//! Calendar feeds: a counter's appointments for the city's groupware, behind a
//! secret URL kept only as a hash.

use super::audit::audit;
use super::{in_tx, on, Actor, NewAudit, Result, Store};

/// A calendar feed as stored (its token only as a hash).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, serde::Serialize)]
pub struct FeedRow {
    pub id: String,
    pub office_id: String,
    pub counter_id: String,
    pub label: String,
    /// 1: the entries carry the citizens' names and booking codes.
    pub with_names: i64,
    pub created_by: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

const FEED_COLUMNS: &str =
    "id, office_id, counter_id, label, with_names, created_by, created_at, revoked_at";

impl Store {
    /// Create a feed; `feed.revoked_at` is ignored.
    pub async fn add_feed(
        &self,
        feed: &FeedRow,
        token_hash: &str,
        actor: &Actor,
        now: i64,
    ) -> Result<()> {
        let entry = NewAudit::new(Some(&feed.office_id), "feed_added").detail(format!(
            "{} ({}, counter {}{})",
            feed.label,
            feed.id,
            feed.counter_id,
            if feed.with_names == 1 {
                ", with names"
            } else {
                ""
            }
        ));
        in_tx!(self, tx => {
            sqlx::query(
                "INSERT INTO calendar_feeds (id, token_hash, office_id, counter_id, label, with_names, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(&feed.id)
            .bind(token_hash)
            .bind(&feed.office_id)
            .bind(&feed.counter_id)
            .bind(&feed.label)
            .bind(feed.with_names)
            .bind(&feed.created_by)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            audit!(tx, actor, &entry, now);
        });
        Ok(())
    }

    /// A feed that is not revoked, by its token's hash.
    pub async fn feed(&self, token_hash: &str) -> Result<Option<FeedRow>> {
        let sql = format!(
            "SELECT {FEED_COLUMNS} FROM calendar_feeds WHERE token_hash = $1 AND revoked_at IS NULL"
        );
        let row =
            on!(self, pool => sqlx::query_as(&sql).bind(token_hash).fetch_optional(pool).await?);
        Ok(row)
    }

    /// An office's feeds, revoked ones too, oldest first.
    pub async fn feeds(&self, office_id: &str) -> Result<Vec<FeedRow>> {
        let sql = format!(
            "SELECT {FEED_COLUMNS} FROM calendar_feeds WHERE office_id = $1 ORDER BY created_at, id"
        );
        let rows = on!(self, pool => sqlx::query_as(&sql).bind(office_id).fetch_all(pool).await?);
        Ok(rows)
    }

    /// Revoke a feed of the office; its URL no longer answers. Revoking twice
    /// (or a feed of another office) changes nothing and says `false`.
    pub async fn revoke_feed(
        &self,
        office_id: &str,
        id: &str,
        actor: &Actor,
        now: i64,
    ) -> Result<bool> {
        let entry = NewAudit::new(Some(office_id), "feed_revoked").detail(id.to_string());
        let revoked = in_tx!(self, tx => {
            let n = sqlx::query(
                "UPDATE calendar_feeds SET revoked_at = $3 WHERE id = $1 AND office_id = $2 AND revoked_at IS NULL",
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
}
