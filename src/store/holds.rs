//! Holds: a chosen time kept for a few minutes while the citizen fills in the form.
//!
//! A hold takes capacity cells and its arrival window exactly as a booking does,
//! under the same CHECK constraints, so a held time is not offered to anybody
//! else. Sending the form turns the hold into a booking in one transaction that
//! hands the capacity over; a hold that runs out gives it back in the sweep.

use sqlx::FromRow;

use super::bookings::{release, retrying, to_conflict, BOOKING_COLUMNS, CELLS_CONFLICT, COLUMNS};
use super::outbox::enqueue;
use super::{in_tx, is_unique_violation, on};
use super::{BookingRow, Conflict, NewBooking, NewMail, Result, Store, StoreError};
use crate::domain::schedule::Claim;

/// How long after its last lapse an address's count of lapses is kept.
const LAPSES_REMEMBERED: i64 = 3600;

/// A hold about to be taken.
#[derive(Debug, Clone)]
pub struct NewHold {
    pub id: String,
    pub token_hash: String,
    /// A hash of the browser's form token: a browser has one open hold at most.
    pub browser_key: String,
    pub office_id: String,
    pub counter_id: String,
    pub services: Vec<String>,
    pub persons: u32,
    /// The desk-minutes the hold takes: its duration on one desk.
    pub minutes: i64,
    /// The hashed address block of the client, and how many desk-minutes it
    /// may hold at once (one hold alone may take what one booking may).
    pub client_key: String,
    pub client_cap: i64,
    /// The office's local day of the hold, and the most desk-minutes all holds
    /// of the counter may take that day.
    pub share_day: String,
    pub share_cap: i64,
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
    pub minutes: i64,
    pub share_day: Option<String>,
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
            address_confirmed: 0,
            moves: 0,
            calendar_sent: 0,
            code: None,
        }
    }
}

const HOLD_COLUMNS: &str =
    "id, office_id, counter_id, services, persons, start_at, end_at, grid_seconds, \
    arrival_window, client_key, expires_at, created_at, booking_id, minutes, share_day";

/// On PostgreSQL, wait for an import in progress before touching cells, as bookings
/// do (see `save_offices`): the table lock first, then the rows.
macro_rules! lock_cells {
    ($store:expr, $tx:expr) => {
        if matches!($store, Store::Postgres(_)) {
            // dialect: SQLite has one writer.
            sqlx::query("LOCK TABLE capacity_cells IN ROW EXCLUSIVE MODE")
                .execute(&mut *$tx)
                .await?;
        }
    };
}

/// Give back a hold's desk-minutes to its address and its counter's day, inside `$tx`.
macro_rules! unquota {
    ($tx:expr, $h:expr, $client_key:expr) => {{
        let h: &HoldRow = $h;
        sqlx::query("UPDATE hold_quota SET active = active - $2 WHERE client_key = $1")
            .bind($client_key)
            .bind(h.minutes)
            .execute(&mut *$tx)
            .await?;
        if let Some(day) = &h.share_day {
            sqlx::query(
                "UPDATE hold_share SET held = held - $4 WHERE office_id = $1 AND counter_id = $2 AND day = $3",
            )
            .bind(&h.office_id)
            .bind(&h.counter_id)
            .bind(day)
            .bind(h.minutes)
            .execute(&mut *$tx)
            .await?;
        }
    }};
}

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
            unquota!($tx, h, &h.client_key);
        }
        gone == 1
    }};
}

impl Store {
    /// Take a hold on the time `claim` describes. The open hold the same browser
    /// had before is given back in the same transaction, so choosing another time
    /// (or the same one twice in a hurry) never keeps two places.
    pub async fn take_hold(&self, new: &NewHold, claim: &Claim) -> Result<()> {
        let cells_sql = format!(
            "INSERT INTO capacity_cells (office_id, counter_id, cell_at, capacity, booked) VALUES {} {CELLS_CONFLICT}",
            (0..claim.cells.len())
                .map(|i| format!("($1, $2, ${}, ${}, 1)", 3 + 2 * i, 4 + 2 * i))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let old_sql = format!(
            "SELECT {HOLD_COLUMNS} FROM holds WHERE browser_key = $1 AND booking_id IS NULL"
        );
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.take_hold_once(new, claim, &cells_sql, &old_sql).await {
                // Two requests of one browser at once: the other inserted its hold
                // first; this one replaces it on the next try.
                Err(StoreError::Database(e)) if attempt < 3 && is_unique_violation(&e) => continue,
                other => return other,
            }
        }
    }

    async fn take_hold_once(
        &self,
        new: &NewHold,
        claim: &Claim,
        cells_sql: &str,
        old_sql: &str,
    ) -> Result<()> {
        retrying(|| async {
            in_tx!(self, tx => {
                lock_cells!(self, tx);
                let old: Option<HoldRow> = sqlx::query_as(old_sql).bind(&new.browser_key).fetch_optional(&mut *tx).await?;
                if let Some(old) = old {
                    let _ = drop_open_hold!(self, tx, &old);
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
                let mut cells = sqlx::query(cells_sql).bind(&new.office_id).bind(&new.counter_id);
                for &(cell, capacity) in &claim.cells {
                    cells = cells.bind(cell).bind(i64::from(capacity));
                }
                cells.execute(&mut *tx).await.map_err(to_conflict)?;
                sqlx::query(
                    "INSERT INTO hold_quota (client_key, active, cap) VALUES ($1, $2, $3) \
                     ON CONFLICT (client_key) DO UPDATE SET active = hold_quota.active + excluded.active, cap = excluded.cap",
                )
                .bind(&new.client_key)
                .bind(new.minutes)
                .bind(new.client_cap)
                .execute(&mut *tx)
                .await
                .map_err(to_conflict)?;
                sqlx::query(
                    "INSERT INTO hold_share (office_id, counter_id, day, held, cap) VALUES ($1, $2, $3, $4, $5) \
                     ON CONFLICT (office_id, counter_id, day) DO UPDATE SET held = hold_share.held + excluded.held, cap = excluded.cap",
                )
                .bind(&new.office_id)
                .bind(&new.counter_id)
                .bind(&new.share_day)
                .bind(new.minutes)
                .bind(new.share_cap)
                .execute(&mut *tx)
                .await
                .map_err(to_conflict)?;
                sqlx::query(&format!(
                    "INSERT INTO holds (token_hash, browser_key, {HOLD_COLUMNS}) \
                     VALUES ($1, $14, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, NULL, $15, $16)"
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
                .bind(&new.browser_key)
                .bind(new.minutes)
                .bind(&new.share_day)
                .execute(&mut *tx)
                .await?;
            });
            Ok(())
        })
        .await
    }

    /// The hold behind a token's hash if a browser took it, used or not, until it is swept away.
    pub async fn hold_of_browser_by_token(
        &self,
        token_hash: &str,
        browser_key: &str,
    ) -> Result<Option<HoldRow>> {
        let sql =
            format!("SELECT {HOLD_COLUMNS} FROM holds WHERE token_hash = $1 AND browser_key = $2");
        let row = on!(self, pool => sqlx::query_as(&sql).bind(token_hash).bind(browser_key).fetch_optional(pool).await?);
        Ok(row)
    }

    /// The newest hold a browser took, used or not, until it is swept away.
    pub async fn hold_of_browser(&self, browser_key: &str) -> Result<Option<HoldRow>> {
        let sql = format!(
            "SELECT {HOLD_COLUMNS} FROM holds WHERE browser_key = $1 ORDER BY created_at DESC, id DESC LIMIT 1"
        );
        let row =
            on!(self, pool => sqlx::query_as(&sql).bind(browser_key).fetch_optional(pool).await?);
        Ok(row)
    }

    /// Turn an open hold into a booking: the booking takes over the hold's cells
    /// and arrival window, counts against the address's cap, and queues its mails.
    /// `done_until` is how long the hold row stays to find the booking by; the
    /// hashed address is dropped from it at once. A hold that ran out (even if not
    /// swept yet) or was used gives [`Conflict::HoldGone`].
    ///
    /// Should another active booking of the office have `new.code`, the
    /// booking gets a new code and the transaction goes again.
    pub async fn book_held(
        &self,
        hold_id: &str,
        new: &NewBooking,
        done_until: i64,
        mail: &NewMail,
        reminder: Option<&NewMail>,
    ) -> Result<BookingRow> {
        let mut new = std::borrow::Cow::Borrowed(new);
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self
                .book_held_once(hold_id, &new, done_until, mail, reminder)
                .await
            {
                Err(StoreError::Conflict(Conflict::CodeTaken)) if attempt < 5 => {
                    new.to_mut().code = crate::domain::BookingCode::random().as_str().to_string();
                }
                other => return other,
            }
        }
    }

    async fn book_held_once(
        &self,
        hold_id: &str,
        new: &NewBooking,
        done_until: i64,
        mail: &NewMail,
        reminder: Option<&NewMail>,
    ) -> Result<BookingRow> {
        let now = new.created_at;
        let confirmed_at = (new.status == "confirmed").then_some(now);
        let insert = format!(
            "INSERT INTO bookings ({BOOKING_COLUMNS}) SELECT $1, $2, office_id, counter_id, services, persons, \
             start_at, end_at, grid_seconds, arrival_window, $3, $4, $5, $6, $7, $8, $9, $10, $11, $13 FROM holds WHERE id = $12"
        );
        let read = format!("SELECT {COLUMNS} FROM bookings WHERE id = $1");
        retrying(|| async {
            let row = in_tx!(self, tx => {
                let hold: Option<HoldRow> = sqlx::query_as(&format!(
                    "SELECT {HOLD_COLUMNS} FROM holds WHERE id = $1 AND booking_id IS NULL AND expires_at > $2"
                ))
                .bind(hold_id)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?;
                let hold = hold.ok_or(StoreError::Conflict(Conflict::HoldGone))?;
                // The condition again: on PostgreSQL a sweep or another request may have
                // used the hold since the read; then this changes nothing.
                let used = sqlx::query(
                    "UPDATE holds SET booking_id = $2, expires_at = $3, client_key = '' \
                     WHERE id = $1 AND booking_id IS NULL AND expires_at > $4",
                )
                .bind(hold_id)
                .bind(&new.id)
                .bind(done_until)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if used != 1 {
                    return Err(StoreError::Conflict(Conflict::HoldGone));
                }
                let hold_id = hold_id.to_string();
                unquota!(tx, &hold, &hold.client_key);
                // A hold that became a booking is what holds are for: the address
                // is no longer one that lets them run out.
                sqlx::query("UPDATE hold_quota SET lapsed = 0, slow_until = 0 WHERE client_key = $1")
                    .bind(&hold.client_key)
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
                    .bind(&new.code)
                    .execute(&mut *tx)
                    .await
                    .map_err(to_conflict)?;
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

    /// Give back the capacity of holds that ran out, and forget used holds whose
    /// time is up, one hold per transaction. An open hold that ran out counts as
    /// a lapse of its address, which then waits `slow_for(lapses in a row)`
    /// seconds before its next hold. Returns how many open holds ran out.
    pub async fn expire_holds(
        &self,
        now: i64,
        limit: i64,
        slow_for: fn(i64) -> i64,
    ) -> Result<usize> {
        let sql = format!(
            "SELECT {HOLD_COLUMNS} FROM holds WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2"
        );
        let due: Vec<HoldRow> =
            on!(self, pool => sqlx::query_as(&sql).bind(now).bind(limit).fetch_all(pool).await?);
        let mut n = 0;
        for h in &due {
            let released = retrying(|| async {
                let released = in_tx!(self, tx => {
                    lock_cells!(self, tx);
                    if h.booking_id.is_some() {
                        sqlx::query("DELETE FROM holds WHERE id = $1").bind(&h.id).execute(&mut *tx).await?;
                        false
                    } else {
                        let released = drop_open_hold!(self, tx, h);
                        if released {
                            let lapsed: Option<i64> = sqlx::query_scalar(
                                "UPDATE hold_quota SET lapsed = lapsed + 1 WHERE client_key = $1 RETURNING lapsed",
                            )
                            .bind(&h.client_key)
                            .fetch_optional(&mut *tx)
                            .await?;
                            if let Some(lapsed) = lapsed {
                                sqlx::query("UPDATE hold_quota SET slow_until = $2 WHERE client_key = $1")
                                    .bind(&h.client_key)
                                    .bind(now + slow_for(lapsed))
                                    .execute(&mut *tx)
                                    .await?;
                            }
                        }
                        released
                    }
                });
                Ok(released)
            })
            .await;
            match released {
                Ok(released) => n += usize::from(released),
                // One hold that cannot be given back must not stop the others.
                Err(e) => {
                    tracing::error!(hold = %h.id, error = %e, "giving back a hold that ran out")
                }
            }
        }
        if !due.is_empty() {
            // The hashed addresses are kept no longer than their holds, or an
            // hour after the last one ran out unused (to slow the next).
            in_tx!(self, tx => {
                sqlx::query("DELETE FROM hold_quota WHERE active = 0 AND slow_until <= $1")
                    .bind(now - LAPSES_REMEMBERED)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM hold_share WHERE held = 0").execute(&mut *tx).await?;
            });
        }
        Ok(n)
    }

    /// Until when an address must wait before its next hold (0: it need not).
    pub async fn hold_slow_until(&self, client_key: &str) -> Result<i64> {
        let until: Option<i64> = on!(self, pool => sqlx::query_scalar(
            "SELECT slow_until FROM hold_quota WHERE client_key = $1",
        )
        .bind(client_key)
        .fetch_optional(pool)
        .await?);
        Ok(until.unwrap_or(0))
    }

    /// Desk-minutes held now on a counter's day.
    pub async fn held_minutes(&self, office_id: &str, counter_id: &str, day: &str) -> Result<i64> {
        let held: Option<i64> = on!(self, pool => sqlx::query_scalar(
            "SELECT held FROM hold_share WHERE office_id = $1 AND counter_id = $2 AND day = $3",
        )
        .bind(office_id)
        .bind(counter_id)
        .bind(day)
        .fetch_optional(pool)
        .await?);
        Ok(held.unwrap_or(0))
    }
}
