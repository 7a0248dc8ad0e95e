//! Offices as imported: their validated definition, stored as JSON with a revision.

use sqlx::Row;

use super::{in_tx, on, Conflict, Result, Store, StoreError};
use crate::domain::Office;

const ACTIVE: &str = "status IN ('pending', 'confirmed', 'checked_in', 'called')";

impl Store {
    /// Create or update offices, all or none. Bookings to come keep what they
    /// rely on: a counter keeps its grid and is not removed, an office keeps its
    /// time zone and arrival window while such bookings exist
    /// ([`Conflict::PlanInUse`]). Bookings wait while an import writes, and a
    /// booking computed from the plan before it is refused
    /// ([`Conflict::StalePlan`]) and computed again.
    pub async fn save_offices(&self, offices: &[Office], now: i64) -> Result<()> {
        let mut json = Vec::with_capacity(offices.len());
        for o in offices {
            json.push(serde_json::to_string(o).map_err(|e| StoreError::Corrupt(e.to_string()))?);
        }
        in_tx!(self, tx => {
            if matches!(self, Store::Postgres(_)) {
                // dialect: one import at a time (EXCLUSIVE conflicts with itself), and none
                // while a booking is being written: SHARE on capacity_cells waits for every
                // booking statement in flight and holds new ones back until the import has
                // committed, so they take their snapshot after it and see the new revision.
                // Bookings lock tables in no other order, so this cannot deadlock with them.
                // SQLite has one writer.
                sqlx::query("LOCK TABLE offices IN EXCLUSIVE MODE").execute(&mut *tx).await?;
                sqlx::query("LOCK TABLE capacity_cells IN SHARE MODE").execute(&mut *tx).await?;
            }
            let revision: i64 = sqlx::query_scalar("SELECT CAST(COALESCE(MAX(revision), 0) + 1 AS BIGINT) FROM offices")
                .fetch_one(&mut *tx)
                .await?;
            for (office, json) in offices.iter().zip(&json) {
                let old: Option<String> = sqlx::query_scalar("SELECT definition FROM offices WHERE id = $1")
                    .bind(&office.id)
                    .fetch_optional(&mut *tx)
                    .await?;
                let old: Option<Office> = old
                    .map(|o| serde_json::from_str(&o).map_err(|e| StoreError::Corrupt(e.to_string())))
                    .transpose()?;
                // Bookings to come and open holds (also those run out but not yet given
                // back: they still own cells) per counter, and how many lie on another grid.
                let rows = sqlx::query(&format!(
                    "SELECT counter_id, grid_seconds, COUNT(*) FROM ( \
                     SELECT counter_id, grid_seconds FROM bookings WHERE office_id = $1 AND end_at > $2 AND {ACTIVE} \
                     UNION ALL SELECT counter_id, grid_seconds FROM holds \
                     WHERE office_id = $1 AND booking_id IS NULL) AS coming \
                     GROUP BY counter_id, grid_seconds"
                ))
                .bind(&office.id)
                .bind(now)
                .fetch_all(&mut *tx)
                .await?;
                let coming: Vec<(String, i64)> = rows
                    .iter()
                    .map(|r| Ok((r.try_get::<String, _>(0)?, r.try_get::<i64, _>(1)?)))
                    .collect::<Result<_, sqlx::Error>>()?;
                let moved = old.as_ref().is_some_and(|old| {
                    old.timezone != office.timezone
                        || old.arrivals.map(|a| a.per_minutes) != office.arrivals.map(|a| a.per_minutes)
                });
                let breaks = coming.iter().any(|(counter, grid)| match office.counter(counter) {
                    None => true,
                    Some(c) => i64::from(c.grid_minutes) * 60 != *grid,
                });
                if breaks || (moved && !coming.is_empty()) {
                    return Err(StoreError::Conflict(Conflict::PlanInUse));
                }
                for counter in &office.counters {
                    let same_grid = old
                        .as_ref()
                        .and_then(|o| o.counter(&counter.id))
                        .is_some_and(|c| c.grid_minutes == counter.grid_minutes);
                    if !same_grid {
                        // Cells of another grid would not line up with this one.
                        sqlx::query("DELETE FROM capacity_cells WHERE office_id = $1 AND counter_id = $2 AND cell_at >= $3")
                            .bind(&office.id)
                            .bind(&counter.id)
                            .bind(now)
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

    /// All offices with their revisions, in the order of their ids.
    pub async fn offices(&self) -> Result<Vec<(Office, i64)>> {
        let rows: Vec<(String, i64)> = on!(self, pool => sqlx::query_as("SELECT definition, revision FROM offices ORDER BY id")
            .fetch_all(pool)
            .await?);
        rows.iter()
            .map(|(json, rev)| {
                let office =
                    serde_json::from_str(json).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                Ok((office, *rev))
            })
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
