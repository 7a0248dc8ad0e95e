//! Figures for planning hints: walk-ins turned away, and the next free
//! appointment as it stood each day. Counts and times only.

use super::{in_tx, on, Result, Store};

impl Store {
    /// One more walk-in turned away at a counter on a day (`YYYY-MM-DD`, the office's).
    pub async fn note_walk_in_refused(
        &self,
        office_id: &str,
        counter_id: &str,
        day: &str,
    ) -> Result<()> {
        in_tx!(self, tx => {
            sqlx::query(
                "INSERT INTO walk_in_refusals (office_id, counter_id, day, refused) VALUES ($1, $2, $3, 1) \
                 ON CONFLICT (office_id, counter_id, day) DO UPDATE SET refused = walk_in_refusals.refused + 1",
            )
            .bind(office_id)
            .bind(counter_id)
            .bind(day)
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }

    /// Walk-ins turned away per counter and day within `from..=to`.
    pub async fn walk_in_refusals(
        &self,
        office_id: &str,
        from: &str,
        to: &str,
    ) -> Result<Vec<(String, String, i64)>> {
        let sql = "SELECT counter_id, day, refused FROM walk_in_refusals \
                   WHERE office_id = $1 AND day >= $2 AND day <= $3 ORDER BY day, counter_id";
        let rows = on!(self, pool => sqlx::query_as(sql).bind(office_id).bind(from).bind(to).fetch_all(pool).await?);
        Ok(rows)
    }

    /// The next free appointment of a service as it stands on `day`; the first
    /// look of the day is kept.
    pub async fn note_next_free(
        &self,
        office_id: &str,
        service_id: &str,
        day: &str,
        next_free_at: Option<i64>,
        now: i64,
    ) -> Result<()> {
        in_tx!(self, tx => {
            sqlx::query(
                "INSERT INTO next_free_history (office_id, service_id, day, next_free_at, recorded_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (office_id, service_id, day) DO NOTHING",
            )
            .bind(office_id)
            .bind(service_id)
            .bind(day)
            .bind(next_free_at)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }

    /// The next free appointment per service and day within `from..=to`.
    pub async fn next_free_history(
        &self,
        office_id: &str,
        from: &str,
        to: &str,
    ) -> Result<Vec<(String, String, Option<i64>)>> {
        let sql = "SELECT service_id, day, next_free_at FROM next_free_history \
                   WHERE office_id = $1 AND day >= $2 AND day <= $3 ORDER BY day, service_id";
        let rows = on!(self, pool => sqlx::query_as(sql).bind(office_id).bind(from).bind(to).fetch_all(pool).await?);
        Ok(rows)
    }
}
