//! Bookings and the capacity they take: the transaction that keeps rule 1.

use std::collections::HashMap;

use sqlx::{FromRow, Row};

use super::outbox::enqueue;
use super::{in_tx, is_check_violation, is_retryable, is_unique_violation, on, placeholders};
use super::{Conflict, NewMail, Result, Store, StoreError};
use crate::domain::schedule::{Claim, Occupancy};

/// A booking about to be written.
#[derive(Debug, Clone)]
pub struct NewBooking {
    pub id: String,
    pub token_hash: String,
    pub office_id: String,
    pub counter_id: String,
    pub services: Vec<String>,
    pub persons: u32,
    /// `pending` or `confirmed`.
    pub status: &'static str,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub email_key: String,
    pub language: &'static str,
    pub confirm_by: Option<i64>,
    pub created_at: i64,
    /// Active bookings allowed per email address in this office.
    pub email_cap: u32,
    /// `(key, fingerprint of the request)` from an `Idempotency-Key` header.
    pub idempotency: Option<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct BookingRow {
    pub id: String,
    pub office_id: String,
    pub counter_id: String,
    pub services: String,
    pub persons: i64,
    pub start_at: i64,
    pub end_at: i64,
    pub grid_seconds: i64,
    pub arrival_window: i64,
    pub status: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub language: String,
    pub confirm_by: Option<i64>,
    pub created_at: i64,
    pub confirmed_at: Option<i64>,
    pub cancelled_at: Option<i64>,
}

impl BookingRow {
    pub fn service_ids(&self) -> Vec<&str> {
        self.services.split(',').filter(|s| !s.is_empty()).collect()
    }
}

/// A booking that was just taken out of the plan (cancelled or expired).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub booking: BookingRow,
    pub changed: bool,
}

/// `(key, count)` rows: a cell or window and what is taken there.
type Counts = Vec<(i64, i64)>;

const COLUMNS: &str = "id, office_id, counter_id, services, persons, start_at, end_at, grid_seconds, \
    arrival_window, status, name, email, phone, language, confirm_by, created_at, confirmed_at, cancelled_at";

/// Give back the cells and the arrival window a booking `$b` took, inside `$tx`.
macro_rules! release {
    ($tx:expr, $b:expr) => {{
        let b: &BookingRow = $b;
        sqlx::query(
            "UPDATE capacity_cells SET booked = booked - 1 WHERE office_id = $1 AND counter_id = $2 \
             AND cell_at >= $3 AND cell_at < $4 AND (cell_at - $3) % $5 = 0",
        )
        .bind(&b.office_id)
        .bind(&b.counter_id)
        .bind(b.start_at)
        .bind(b.end_at)
        .bind(b.grid_seconds)
        .execute(&mut *$tx)
        .await?;
        sqlx::query("UPDATE arrival_cells SET arrivals = arrivals - $3 WHERE office_id = $1 AND window_at = $2")
            .bind(&b.office_id)
            .bind(b.arrival_window)
            .bind(b.persons)
            .execute(&mut *$tx)
            .await?;
    }};
}

impl Store {
    /// Write a booking with the capacity it claims and the mail it owes, in one
    /// transaction. The capacity guard is the cells' CHECK constraint: when a cell
    /// or the arrival window is full the transaction fails and nothing is written.
    pub async fn book(&self, new: &NewBooking, claim: &Claim, mail: &NewMail) -> Result<()> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.book_once(new, claim, mail).await {
                Err(e) if attempt < 4 && is_retryable(&e) => continue,
                other => return other,
            }
        }
    }

    async fn book_once(&self, new: &NewBooking, claim: &Claim, mail: &NewMail) -> Result<()> {
        let now = new.created_at;
        let cells_sql = format!(
            "INSERT INTO capacity_cells (office_id, counter_id, cell_at, capacity, booked) VALUES {} \
             ON CONFLICT (office_id, counter_id, cell_at) DO UPDATE \
             SET booked = capacity_cells.booked + 1, capacity = excluded.capacity",
            placeholders(claim.cells.len(), 2, 3)
                .replace('(', "($1, $2, ")
                .replace(')', ", 1)")
        );
        in_tx!(self, tx => {
            if let Some((key, fingerprint)) = &new.idempotency {
                // First, so that a second request with the same key waits for the first and then fails here.
                sqlx::query("INSERT INTO idempotency_keys (key, fingerprint, booking_id, created_at) VALUES ($1, $2, $3, $4)")
                    .bind(key)
                    .bind(fingerprint)
                    .bind(&new.id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| if is_unique_violation(&e) { StoreError::Conflict(Conflict::IdempotencyKey) } else { e.into() })?;
            }
            // Lock the address's row, then count: no other transaction can add a booking
            // for this address between the count and the insert.
            sqlx::query(
                "INSERT INTO email_locks (office_id, email_key, locked_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (office_id, email_key) DO UPDATE SET locked_at = excluded.locked_at",
            )
            .bind(&new.office_id)
            .bind(&new.email_key)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let active: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM bookings WHERE office_id = $1 AND email_key = $2 AND end_at > $3 \
                 AND status IN ('pending', 'confirmed', 'checked_in', 'called')",
            )
            .bind(&new.office_id)
            .bind(&new.email_key)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            if active >= i64::from(new.email_cap) {
                return Err(StoreError::Conflict(Conflict::EmailCap));
            }

            let mut cells = sqlx::query(&cells_sql).bind(&new.office_id).bind(&new.counter_id);
            for &(cell, capacity) in &claim.cells {
                cells = cells.bind(cell).bind(i64::from(capacity));
            }
            cells.execute(&mut *tx).await.map_err(|e| {
                if is_check_violation(&e) { StoreError::Conflict(Conflict::Capacity) } else { e.into() }
            })?;
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
            .map_err(|e| if is_check_violation(&e) { StoreError::Conflict(Conflict::Arrivals) } else { e.into() })?;

            sqlx::query(
                "INSERT INTO bookings (id, token_hash, office_id, counter_id, services, persons, start_at, end_at, \
                 grid_seconds, arrival_window, status, name, email, phone, email_key, language, confirm_by, created_at, confirmed_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
            )
            .bind(&new.id)
            .bind(&new.token_hash)
            .bind(&new.office_id)
            .bind(&new.counter_id)
            .bind(new.services.join(","))
            .bind(i64::from(new.persons))
            .bind(claim.start.timestamp())
            .bind(claim.end.timestamp())
            .bind(claim.grid_seconds)
            .bind(claim.arrival_window)
            .bind(new.status)
            .bind(&new.name)
            .bind(&new.email)
            .bind(&new.phone)
            .bind(&new.email_key)
            .bind(new.language)
            .bind(new.confirm_by)
            .bind(now)
            .bind((new.status == "confirmed").then_some(now))
            .execute(&mut *tx)
            .await?;
            enqueue!(tx, mail, now);
        });
        Ok(())
    }

    pub async fn booking(&self, id: &str) -> Result<BookingRow> {
        let sql = format!("SELECT {COLUMNS} FROM bookings WHERE id = $1");
        let row = on!(self, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?);
        row.ok_or(StoreError::NotFound)
    }

    pub async fn booking_by_token(&self, token_hash: &str) -> Result<BookingRow> {
        let sql = format!("SELECT {COLUMNS} FROM bookings WHERE token_hash = $1");
        let row =
            on!(self, pool => sqlx::query_as(&sql).bind(token_hash).fetch_optional(pool).await?);
        row.ok_or(StoreError::NotFound)
    }

    /// The booking an idempotency key made, with the request's fingerprint.
    pub async fn booking_by_idempotency_key(
        &self,
        key: &str,
    ) -> Result<Option<(String, BookingRow)>> {
        let found: Option<(String, String)> = on!(self, pool => sqlx::query_as(
            "SELECT fingerprint, booking_id FROM idempotency_keys WHERE key = $1",
        )
        .bind(key)
        .fetch_optional(pool)
        .await?);
        match found {
            Some((fingerprint, id)) => Ok(Some((fingerprint, self.booking(&id).await?))),
            None => Ok(None),
        }
    }

    /// Confirm a pending booking whose deadline has not passed, and queue the
    /// mail that owes. Returns the booking as it is afterwards and whether this
    /// call confirmed it.
    pub async fn confirm(&self, token_hash: &str, now: i64, mail: &NewMail) -> Result<Outcome> {
        let sql = format!(
            "UPDATE bookings SET status = 'confirmed', confirmed_at = $2 \
             WHERE token_hash = $1 AND status = 'pending' AND confirm_by > $2 RETURNING {COLUMNS}"
        );
        let out = in_tx!(self, tx => {
            let row: Option<BookingRow> = sqlx::query_as(&sql).bind(token_hash).bind(now).fetch_optional(&mut *tx).await?;
            match row {
                Some(b) => {
                    enqueue!(tx, mail, now);
                    Outcome { booking: b, changed: true }
                }
                None => {
                    let get = format!("SELECT {COLUMNS} FROM bookings WHERE token_hash = $1");
                    let b: Option<BookingRow> = sqlx::query_as(&get).bind(token_hash).fetch_optional(&mut *tx).await?;
                    Outcome { booking: b.ok_or(StoreError::NotFound)?, changed: false }
                }
            }
        });
        Ok(out)
    }

    /// Cancel a booking that still holds its place, give the place back and
    /// queue the mail that owes. Cancelling twice changes nothing the second time.
    pub async fn cancel(&self, token_hash: &str, now: i64, mail: &NewMail) -> Result<Outcome> {
        let sql = format!(
            "UPDATE bookings SET status = 'cancelled', cancelled_at = $2 \
             WHERE token_hash = $1 AND status IN ('pending', 'confirmed') AND start_at > $2 RETURNING {COLUMNS}"
        );
        let out = in_tx!(self, tx => {
            let row: Option<BookingRow> = sqlx::query_as(&sql).bind(token_hash).bind(now).fetch_optional(&mut *tx).await?;
            match row {
                Some(b) => {
                    release!(tx, &b);
                    enqueue!(tx, mail, now);
                    Outcome { booking: b, changed: true }
                }
                None => {
                    let get = format!("SELECT {COLUMNS} FROM bookings WHERE token_hash = $1");
                    let b: Option<BookingRow> = sqlx::query_as(&get).bind(token_hash).fetch_optional(&mut *tx).await?;
                    Outcome { booking: b.ok_or(StoreError::NotFound)?, changed: false }
                }
            }
        });
        Ok(out)
    }

    /// Expire pending bookings whose confirmation deadline has passed and give
    /// their places back. Returns the expired bookings.
    pub async fn expire_due(&self, now: i64, limit: i64) -> Result<Vec<BookingRow>> {
        let pick = format!(
            "SELECT {COLUMNS} FROM bookings WHERE status = 'pending' AND confirm_by <= $1 ORDER BY confirm_by LIMIT $2"
        );
        let expired = in_tx!(self, tx => {
            let due: Vec<BookingRow> = sqlx::query_as(&pick).bind(now).bind(limit).fetch_all(&mut *tx).await?;
            let mut expired = Vec::with_capacity(due.len());
            for b in due {
                // The status condition makes this safe against a confirm or a
                // second sweeper on another instance.
                let changed = sqlx::query("UPDATE bookings SET status = 'expired' WHERE id = $1 AND status = 'pending'")
                    .bind(&b.id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if changed == 1 {
                    release!(tx, &b);
                    expired.push(b);
                }
            }
            expired
        });
        Ok(expired)
    }

    /// What is taken on a counter between two instants: booked count per cell,
    /// and persons per arrival window of the office.
    pub async fn occupancy(
        &self,
        office_id: &str,
        counter_id: &str,
        from: i64,
        to: i64,
    ) -> Result<Occupancy> {
        let (cells, arrivals): (Counts, Counts) = on!(self, pool => {
            let cells = sqlx::query_as(
                "SELECT cell_at, booked FROM capacity_cells WHERE office_id = $1 AND counter_id = $2 \
                 AND cell_at >= $3 AND cell_at < $4 AND booked > 0",
            )
            .bind(office_id)
            .bind(counter_id)
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            let arrivals = sqlx::query_as(
                "SELECT window_at, arrivals FROM arrival_cells WHERE office_id = $1 \
                 AND window_at >= $2 AND window_at < $3 AND arrivals > 0",
            )
            .bind(office_id)
            .bind(from - 24 * 3600)
            .bind(to)
            .fetch_all(pool)
            .await?;
            (cells, arrivals)
        });
        let to_map = |rows: Vec<(i64, i64)>| -> HashMap<i64, u32> {
            rows.into_iter()
                .map(|(k, n)| (k, u32::try_from(n).unwrap_or(0)))
                .collect()
        };
        Ok(Occupancy {
            cells: to_map(cells),
            arrivals: to_map(arrivals),
        })
    }

    /// The bookings of an office that start between two instants, by start.
    pub async fn appointments(
        &self,
        office_id: &str,
        from: i64,
        to: i64,
    ) -> Result<Vec<BookingRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM bookings WHERE office_id = $1 AND start_at >= $2 AND start_at < $3 ORDER BY start_at, id"
        );
        let rows = on!(self, pool => sqlx::query_as(&sql).bind(office_id).bind(from).bind(to).fetch_all(pool).await?);
        Ok(rows)
    }

    /// Erase name, email and phone of bookings that ended before `before`, and
    /// any unsent message about them. Returns how many bookings were erased.
    pub async fn erase_personal_data(&self, before: i64, now: i64) -> Result<u64> {
        let n = in_tx!(self, tx => {
            sqlx::query(
                "UPDATE outbox SET message = NULL WHERE message IS NOT NULL AND booking_id IN \
                 (SELECT id FROM bookings WHERE end_at < $1 AND erased_at IS NULL)",
            )
            .bind(before)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE bookings SET name = NULL, email = NULL, phone = NULL, email_key = NULL, erased_at = $2 \
                 WHERE end_at < $1 AND erased_at IS NULL",
            )
            .bind(before)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected()
        });
        Ok(n)
    }

    /// Sum of `booked` over a counter's cells: what the capacity table says is taken.
    /// Used by tests and checks to compare with the bookings themselves.
    pub async fn booked_cells(&self, office_id: &str, counter_id: &str) -> Result<i64> {
        let n = on!(self, pool => sqlx::query("SELECT CAST(COALESCE(SUM(booked), 0) AS BIGINT) FROM capacity_cells WHERE office_id = $1 AND counter_id = $2")
            .bind(office_id)
            .bind(counter_id)
            .fetch_one(pool)
            .await?
            .try_get::<i64, _>(0)?);
        Ok(n)
    }
}
