//! `termin check`: what the counters of rules 1, 4 and 5 (capacity cells,
//! arrival windows, the per-address cap) should hold, recomputed from the
//! bookings and open holds, against what they hold. Reads only.

use std::collections::BTreeMap;

use super::{Result, Store};

/// One counter row that disagrees with the bookings and holds behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// `capacity_cells`, `arrival_cells` or `email_quota`.
    pub table: &'static str,
    /// Which row: office, counter and cell; office and window; office and address key.
    pub key: String,
    pub stored: i64,
    pub expected: i64,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: holds {}, the bookings and holds say {}",
            self.table, self.key, self.stored, self.expected
        )
    }
}

/// What takes capacity: an active booking or an open hold.
#[derive(sqlx::FromRow)]
struct Taking {
    office_id: String,
    counter_id: String,
    persons: i64,
    start_at: i64,
    end_at: i64,
    grid_seconds: i64,
    arrival_window: i64,
}

const TAKING: &str = "SELECT office_id, counter_id, persons, start_at, end_at, grid_seconds, arrival_window \
    FROM bookings WHERE status NOT IN ('cancelled', 'expired') \
    UNION ALL SELECT office_id, counter_id, persons, start_at, end_at, grid_seconds, arrival_window \
    FROM holds WHERE booking_id IS NULL";

fn compare<K: Ord + std::fmt::Display>(
    table: &'static str,
    stored: BTreeMap<K, i64>,
    expected: BTreeMap<K, i64>,
    out: &mut Vec<Difference>,
) {
    let mut keys: Vec<&K> = stored.keys().chain(expected.keys()).collect();
    keys.sort();
    keys.dedup();
    for k in keys {
        let (s, e) = (
            stored.get(k).copied().unwrap_or(0),
            expected.get(k).copied().unwrap_or(0),
        );
        if s != e {
            out.push(Difference {
                table,
                key: k.to_string(),
                stored: s,
                expected: e,
            });
        }
    }
}

impl Store {
    /// Every counter row that disagrees with the bookings and holds; empty when all agree.
    pub async fn check(&self) -> Result<Vec<Difference>> {
        // One snapshot for every query: a commit landing in between (a killed
        // instance's last one, say) must not look like a difference.
        macro_rules! read {
            ($tx:expr) => {{
                let taking: Vec<Taking> = sqlx::query_as(TAKING).fetch_all(&mut *$tx).await?;
                let cells: Vec<(String, String, i64, i64)> =
                    sqlx::query_as("SELECT office_id, counter_id, cell_at, booked FROM capacity_cells")
                        .fetch_all(&mut *$tx)
                        .await?;
                let windows: Vec<(String, i64, i64)> =
                    sqlx::query_as("SELECT office_id, window_at, arrivals FROM arrival_cells")
                        .fetch_all(&mut *$tx)
                        .await?;
                let quotas: Vec<(String, String, i64)> =
                    sqlx::query_as("SELECT office_id, email_key, active FROM email_quota")
                        .fetch_all(&mut *$tx)
                        .await?;
                let counted: Vec<(String, String, i64)> = sqlx::query_as(
                    "SELECT office_id, email_key, CAST(COUNT(*) AS BIGINT) FROM bookings \
                     WHERE quota_counted = 1 AND email_key IS NOT NULL GROUP BY office_id, email_key",
                )
                .fetch_all(&mut *$tx)
                .await?;
                (taking, cells, windows, quotas, counted)
            }};
        }
        let (taking, stored_cells, stored_windows, quotas, counted) = match self {
            Store::Sqlite(s) => {
                let mut tx = s.pool.begin().await?;
                let read = read!(tx);
                tx.commit().await?;
                read
            }
            Store::Postgres(p) => {
                let mut tx = p.pool.begin().await?;
                sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    .execute(&mut *tx)
                    .await?;
                let read = read!(tx);
                tx.commit().await?;
                read
            }
        };
        let mut cells: BTreeMap<String, i64> = BTreeMap::new();
        let mut windows: BTreeMap<String, i64> = BTreeMap::new();
        for t in &taking {
            let mut at = t.start_at;
            while at < t.end_at {
                *cells
                    .entry(format!("{}/{}/{at}", t.office_id, t.counter_id))
                    .or_default() += 1;
                at += t.grid_seconds.max(1);
            }
            *windows
                .entry(format!("{}/{}", t.office_id, t.arrival_window))
                .or_default() += t.persons;
        }

        let mut out = Vec::new();
        let stored: BTreeMap<String, i64> = stored_cells
            .into_iter()
            .map(|(o, c, at, n)| (format!("{o}/{c}/{at}"), n))
            .collect();
        compare("capacity_cells", stored, cells, &mut out);
        let stored: BTreeMap<String, i64> = stored_windows
            .into_iter()
            .map(|(o, at, n)| (format!("{o}/{at}"), n))
            .collect();
        compare("arrival_cells", stored, windows, &mut out);
        let stored: BTreeMap<String, i64> = quotas
            .into_iter()
            .map(|(o, k, n)| (format!("{o}/{k}"), n))
            .collect();
        let expected: BTreeMap<String, i64> = counted
            .into_iter()
            .map(|(o, k, n)| (format!("{o}/{k}"), n))
            .collect();
        compare("email_quota", stored, expected, &mut out);
        Ok(out)
    }
}
