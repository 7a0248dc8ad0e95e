//! Offices as imported: their validated definition, stored as JSON with a revision.

use sqlx::Row;

use super::{in_tx, on, Conflict, Result, Store, StoreError};
use crate::domain::Office;

impl Store {
    /// Create or update offices, all or none. A counter's grid may not change
    /// while bookings from `now` on lie on the old grid.
    pub async fn save_offices(&self, offices: &[Office], now: i64) -> Result<()> {
        let mut json = Vec::with_capacity(offices.len());
        for o in offices {
            json.push(serde_json::to_string(o).map_err(|e| StoreError::Corrupt(e.to_string()))?);
        }
        in_tx!(self, tx => {
            let revision: i64 = sqlx::query_scalar("SELECT CAST(COALESCE(MAX(revision), 0) + 1 AS BIGINT) FROM offices")
                .fetch_one(&mut *tx)
                .await?;
            for (office, json) in offices.iter().zip(&json) {
                let old: Option<String> = sqlx::query_scalar("SELECT definition FROM offices WHERE id = $1")
                    .bind(&office.id)
                    .fetch_optional(&mut *tx)
                    .await?;
                if let Some(old) = old {
                    let old: Office = serde_json::from_str(&old).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                    for counter in &office.counters {
                        let changed = old.counter(&counter.id).is_some_and(|c| c.grid_minutes != counter.grid_minutes);
                        if !changed {
                            continue;
                        }
                        let in_use: i64 = sqlx::query_scalar(
                            "SELECT COUNT(*) FROM bookings WHERE office_id = $1 AND counter_id = $2 AND end_at > $3 \
                             AND status IN ('pending', 'confirmed', 'checked_in', 'called')",
                        )
                        .bind(&office.id)
                        .bind(&counter.id)
                        .bind(now)
                        .fetch_one(&mut *tx)
                        .await?;
                        if in_use > 0 {
                            return Err(StoreError::Conflict(Conflict::GridInUse));
                        }
                        // Cells of the old grid would not line up with the new one.
                        sqlx::query("DELETE FROM capacity_cells WHERE office_id = $1 AND counter_id = $2")
                            .bind(&office.id)
                            .bind(&counter.id)
                            .execute(&mut *tx)
                            .await?;
                    }
                }
                sqlx::query(
                    "INSERT INTO offices (id, definition, revision, updated_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, \
                     revision = excluded.revision, updated_at = excluded.updated_at",
                )
                .bind(&office.id)
                .bind(json)
                .bind(revision)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
        });
        Ok(())
    }

    /// All offices, in the order of their ids.
    pub async fn offices(&self) -> Result<Vec<Office>> {
        let rows = on!(self, pool => sqlx::query("SELECT definition FROM offices ORDER BY id").fetch_all(pool).await?
            .into_iter()
            .map(|r| r.try_get::<String, _>(0))
            .collect::<Result<Vec<_>, _>>()?);
        rows.iter()
            .map(|json| serde_json::from_str(json).map_err(|e| StoreError::Corrupt(e.to_string())))
            .collect()
    }

    /// Grows whenever an office changes, so that caches know when to reload.
    pub async fn offices_revision(&self) -> Result<i64> {
        let rev = on!(self, pool => sqlx::query_scalar("SELECT CAST(COALESCE(MAX(revision), 0) AS BIGINT) FROM offices")
            .fetch_one(pool)
            .await?);
        Ok(rev)
    }
}
