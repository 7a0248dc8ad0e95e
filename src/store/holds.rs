//! Holds: a chosen time kept for a few minutes while the citizen fills in the form.
//!
//! A hold takes capacity cells and its arrival window exactly as a booking does,
//! under the same CHECK constraints, so a held time is not offered to anybody
//! else. Sending the form turns the hold into a booking in one transaction that
//! hands the capacity over; a hold that runs out gives it back in the sweep.

use sqlx::FromRow;

use super::bookings::{release, retrying, to_conflict, BOOKING_COLUMNS, CELLS_CONFLICT, COLUMNS};
use super::outbox::enqueue;
use super::{in_tx, on, BookingRow, Conflict, NewBooking, NewMail, Result, Store, StoreError};
use crate::domain::schedule::Claim;

/// A hold about to be taken.
#[derive(Debug, Clone)]
pub struct NewHold {
    pub id: String,
    pub token_hash: String,
    pub office_id: String,
    pub counter_id: String,
    pub services: Vec<String>,
    pub persons: u32,
    /// The hashed address block of the client, and how many open holds it may have.
    pub client_key: String,
    pub client_cap: u32,
    pub expires_at: i64,
    pub created_at: i64,
    /// The revision of the office's plan the claim was computed from.
    pub office_revision: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct HoldRow {
    pub id: String,
    pub office_id: String,
    pub counter_id: String,
    pub services: String,
    pub persons: i64,
    pub start_at: i64,
    pub end_at: i64,
    pub grid_seconds: i64,
    pub arrival_window: i64,
    pub client_key: String,
    pub expires_at: i64,
    pub created_at: i64,
    /// Set once the hold became this booking.
    pub booking_id: Option<String>,
}

impl HoldRow {
    pub fn service_ids(&self) -> Vec<&str> {
        self.services.split(',').filter(|s| !s.is_empty()).collect()
    }

    /// The capacity the hold takes, in the shape [`release!`] gives back.
    fn as_booking(&self) -> BookingRow {
        BookingRow {
            id: self.id.clone(),
            office_id: self.office_id.clone(),
            counter_id: self.counter_id.clone(),
            services: self.services.clone(),
            persons: self.persons,
            start_at: self.start_at,
            end_at: self.end_at,
            grid_seconds: self.grid_seconds,
            arrival_window: self.arrival_window,
            status: "held".into(),
            name: None,
            email: None,
            phone: None,
            email_key: None,
            language: "de".into(),
            confirm_by: None,
            created_at: self.created_at,
            confirmed_at: None,
            cancelled_at: None,
        }
    }
}

const HOLD_COLUMNS: &str =
    "id, office_id, counter_id, services, persons, start_at, end_at, grid_seconds, \
    arrival_window, client_key, expires_at, created_at, booking_id";

/// Drop an open hold `$h` inside `$tx` and give back what it took; nothing if it
/// was used or dropped meanwhile.
macro_rules! drop_open_hold {
    ($store:expr, $tx:expr, $h:expr) => {{
        let h: &HoldRow = $h;
        let gone = sqlx::query("DELETE FROM holds WHERE id = $1 AND booking_id IS NULL")
            .bind(&h.id)
            .execute(&mut *$tx)
            .await?
            .rows_affected();
        if gone == 1 {
            release!($store, $tx, &h.as_booking(), false);
            sqlx::query("UPDATE hold_quota SET active = active - 1 WHERE client_key = $1")
                .bind(&h.client_key)
                .execute(&mut *$tx)
                .await?;
        }
        gone == 1
    }};
}

impl Store {
    /// Take a hold on the time `claim` describes. `replaces` names the hold the same
    /// browser had before (by its token's hash): it is given back in the same
    /// transaction, so choosing another time never needs two places at once.
    pub async fn take_hold(
        &self,
        new: &NewHold,
        claim: &Claim,
        replaces: Option<&str>,
    ) -> Result<()> {
        let cells_sql = format!(
            "INSERT INTO capacity_cells (office_id, counter_id, cell_at, capacity, booked) VALUES {} {CELLS_CONFLICT}",
            (0..claim.cells.len())
                .map(|i| format!("($1, $2, ${}, ${}, 1)", 3 + 2 * i, 4 + 2 * i))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let old_sql = format!("SELECT {HOLD_COLUMNS} FROM holds WHERE token_hash = $1");
        retrying(|| async {
            in_tx!(self, tx => {
                if matches!(self, Store::Postgres(_)) {
                    // dialect: wait for an import in progress before reading the revision (see save_offices).
                    sqlx::query("LOCK TABLE capacity_cells IN ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
                }
                if let Some(old) = replaces {
                    let old: Option<HoldRow> = sqlx::query_as(&old_sql).bind(old).fetch_optional(&mut *tx).await?;
                    if let Some(old) = old {
                        let _ = drop_open_hold!(self, tx, &old);
                    }
                }
                let current: Option<i64> = sqlx::query_scalar("SELECT revision FROM offices WHERE id = $1")
                    .bind(&new.office_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                if current != Some(new.office_revision) {
                    return Err(StoreError::Conflict(Conflict::StalePlan));
                }
                sqlx::query(
                    "INSERT INTO arrival_cells (office_id, window_at, capacity, arrivals) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (office_id, window_at) DO UPDATE \
                     SET arrivals = arrival_cells.arrivals + excluded.arrivals, capacity = excluded.capacity",
                )
                .bind(&new.office_id)
                .bind(claim.arrival_window)
                .bind(i64::from(claim.arrival_cap))
                .bind(i64::from(new.persons))
                .execute(&mut *tx)
                .await
                .map_err(to_conflict)?;
                let mut cells = sqlx::query(&cells_sql).bind(&new.office_id).bind(&new.counter_id);
                for &(cell, capacity) in &claim.cells {
                    cells = cells.bind(cell).bind(i64::from(capacity));
                }
                cells.execute(&mut *tx).await.map_err(to_conflict)?;
                sqlx::query(
                    "INSERT INTO hold_quota (client_key, active, cap) VALUES ($1, 1, $2) \
                     ON CONFLICT (client_key) DO UPDATE SET active = hold_quota.active + 1, cap = excluded.cap",
                )
                .bind(&new.client_key)
                .bind(i64::from(new.client_cap))
                .execute(&mut *tx)
                .await
                .map_err(to_conflict)?;
                sqlx::query(&format!(
                    "INSERT INTO holds (token_hash, {HOLD_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, NULL)"
                ))
                .bind(&new.token_hash)
                .bind(&new.id)
                .bind(&new.office_id)
                .bind(&new.counter_id)
                .bind(new.services.join(","))
                .bind(i64::from(new.persons))
                .bind(claim.start.timestamp())
                .bind(claim.end.timestamp())
                .bind(claim.grid_seconds)
                .bind(claim.arrival_window)
                .bind(&new.client_key)
                .bind(new.expires_at)
                .bind(new.created_at)
                .execute(&mut *tx)
                .await?;
            });
            Ok(())
        })
        .await
    }

    /// The hold behind a token's hash, used or not, until it is swept away.
    pub async fn hold(&self, token_hash: &str) -> Result<Option<HoldRow>> {
        let sql = format!("SELECT {HOLD_COLUMNS} FROM holds WHERE token_hash = $1");
        let row =
            on!(self, pool => sqlx::query_as(&sql).bind(token_hash).fetch_optional(pool).await?);
        Ok(row)
    }

    /// Give an open hold back at once (the citizen left the form). Returns whether it was open.
    pub async fn release_hold(&self, token_hash: &str) -> Result<bool> {
        let Some(hold) = self.hold(token_hash).await? else {
            return Ok(false);
        };
        retrying(|| async { Ok(in_tx!(self, tx => drop_open_hold!(self, tx, &hold))) }).await
    }

    /// Turn an open hold into a booking: the booking takes over the hold's cells
    /// and arrival window, counts against the address's cap, and queues its mails.
    /// `done_until` is how long the hold row stays to find the booking by. A hold
    /// that ran out (even if not swept yet) or was used gives [`Conflict::HoldGone`].
    pub async fn book_held(
        &self,
        hold_token_hash: &str,
        new: &NewBooking,
        done_until: i64,
        mail: &NewMail,
        reminder: Option<&NewMail>,
    ) -> Result<BookingRow> {
        let now = new.created_at;
        let confirmed_at = (new.status == "confirmed").then_some(now);
        let insert = format!(
            "INSERT INTO bookings ({BOOKING_COLUMNS}) SELECT $1, $2, office_id, counter_id, services, persons, \
             start_at, end_at, grid_seconds, arrival_window, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM holds WHERE id = $12"
        );
        let read = format!("SELECT {COLUMNS} FROM bookings WHERE id = $1");
        retrying(|| async {
            let row = in_tx!(self, tx => {
                let hold: Option<(String, String)> = sqlx::query_as(
                    "UPDATE holds SET booking_id = $2, expires_at = $3 \
                     WHERE token_hash = $1 AND booking_id IS NULL AND expires_at > $4 RETURNING id, client_key",
                )
                .bind(hold_token_hash)
                .bind(&new.id)
                .bind(done_until)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?;
                let (hold_id, client_key) = hold.ok_or(StoreError::Conflict(Conflict::HoldGone))?;
                sqlx::query("UPDATE hold_quota SET active = active - 1 WHERE client_key = $1")
                    .bind(&client_key)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "INSERT INTO email_quota (office_id, email_key, active, cap) VALUES ($1, $2, 1, $3) \
                     ON CONFLICT (office_id, email_key) DO UPDATE SET active = email_quota.active + 1, cap = excluded.cap",
                )
                .bind(&new.office_id)
                .bind(&new.email_key)
                .bind(i64::from(new.email_cap))
                .execute(&mut *tx)
                .await
                .map_err(to_conflict)?;
                sqlx::query(&insert)
                    .bind(&new.id)
                    .bind(&new.token_hash)
                    .bind(new.status)
                    .bind(&new.name)
                    .bind(&new.email)
                    .bind(&new.phone)
                    .bind(&new.email_key)
                    .bind(new.language)
                    .bind(new.confirm_by)
                    .bind(now)
                    .bind(confirmed_at)
                    .bind(&hold_id)
                    .execute(&mut *tx)
                    .await?;
                for m in std::iter::once(mail).chain(reminder) {
                    enqueue!(tx, m, now);
                }
                let row: BookingRow = sqlx::query_as(&read).bind(&new.id).fetch_one(&mut *tx).await?;
                row
            });
            Ok(row)
        })
        .await
    }

    /// The booking a used hold became, while the hold row is kept.
    pub async fn booking_by_hold(&self, token_hash: &str, now: i64) -> Result<Option<BookingRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM bookings WHERE id = \
             (SELECT booking_id FROM holds WHERE token_hash = $1 AND expires_at > $2)"
        );
        let row = on!(self, pool => sqlx::query_as(&sql).bind(token_hash).bind(now).fetch_optional(pool).await?);
        Ok(row)
    }

    /// Give back the capacity of holds that ran out, and forget used holds whose
    /// time is up, one hold per transaction. Returns how many open holds ran out.
    pub async fn expire_holds(&self, now: i64, limit: i64) -> Result<usize> {
        let sql = format!(
            "SELECT {HOLD_COLUMNS} FROM holds WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2"
        );
        let due: Vec<HoldRow> =
            on!(self, pool => sqlx::query_as(&sql).bind(now).bind(limit).fetch_all(pool).await?);
        let mut n = 0;
        for h in &due {
            let released = retrying(|| async {
                let released = in_tx!(self, tx => {
                    if h.booking_id.is_some() {
                        sqlx::query("DELETE FROM holds WHERE id = $1").bind(&h.id).execute(&mut *tx).await?;
                        false
                    } else {
                        drop_open_hold!(self, tx, h)
                    }
                });
                Ok(released)
            })
            .await?;
            n += usize::from(released);
        }
        if !due.is_empty() {
            // The hashed addresses are kept no longer than their holds.
            in_tx!(self, tx => {
                sqlx::query("DELETE FROM hold_quota WHERE active = 0").execute(&mut *tx).await?;
            });
        }
        Ok(n)
    }
}
