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
    /// The office's local day of the hold, the most desk-minutes all holds of
    /// the counter may take that day, and the most the client may of those.
    pub share_day: String,
    pub share_cap: i64,
    pub client_day_cap: i64,
    pub expires_at: i64,
    pub created_at: i64,
    /// The revision of the office's plan the claim was computed from.
    pub office_revision: i64,
    /// How long an address waits after this many lapses in a row.
    pub slow_for: fn(i64) -> i64,
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
    pub(super) fn as_booking(&self) -> BookingRow {
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

pub(super) const HOLD_COLUMNS: &str =
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

/// What holds count against: the client's desk-minutes in all, the client's
/// on a counter's day, and all clients' on a counter's day.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Counted {
    Client(String),
    ClientDay(String, String, String, String),
    Day(String, String, String),
}

/// The counts a hold takes (or, negative, gives back).
pub(super) fn counted(h: &HoldRow, sign: i64) -> Vec<(Counted, i64)> {
    let mut out = vec![(Counted::Client(h.client_key.clone()), sign * h.minutes)];
    if let Some(day) = &h.share_day {
        out.push((
            Counted::ClientDay(
                h.client_key.clone(),
                h.office_id.clone(),
                h.counter_id.clone(),
                day.clone(),
            ),
            sign * h.minutes,
        ));
        out.push((
            Counted::Day(h.office_id.clone(), h.counter_id.clone(), day.clone()),
            sign * h.minutes,
        ));
    }
    out
}

/// Change hold counts inside `$tx`: one statement per row, rows in one order
/// for every transaction (so that two of them wait for each other instead of
/// deadlocking on PostgreSQL), changes of one row summed. Rows that grow get
/// their cap from `$caps`, and their CHECK refuses what goes beyond it.
macro_rules! recount {
    ($tx:expr, $changes:expr, $caps:expr) => {{
        let mut changes: Vec<(Counted, i64)> = $changes;
        changes.sort();
        let mut summed: Vec<(Counted, i64)> = Vec::new();
        for (key, delta) in changes {
            match summed.last_mut() {
                Some((k, d)) if *k == key => *d += delta,
                _ => summed.push((key, delta)),
            }
        }
        let caps: &(dyn Fn(&Counted) -> Option<i64> + Sync) = $caps;
        for (key, delta) in summed {
            let cap = caps(&key);
            let (sql, binds): (&str, Vec<&str>) = match (&key, cap) {
                (Counted::Client(c), Some(_)) => (
                    "INSERT INTO hold_quota (client_key, active, cap) VALUES ($1, $2, $3) \
                     ON CONFLICT (client_key) DO UPDATE SET active = hold_quota.active + excluded.active, cap = excluded.cap",
                    vec![c.as_str()],
                ),
                (Counted::Client(c), None) => (
                    "UPDATE hold_quota SET active = active + $2 WHERE client_key = $1",
                    vec![c.as_str()],
                ),
                (Counted::ClientDay(c, o, k, d), Some(_)) => (
                    "INSERT INTO hold_client_day (client_key, office_id, counter_id, day, held, cap) \
                     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (client_key, office_id, counter_id, day) \
                     DO UPDATE SET held = hold_client_day.held + excluded.held, cap = excluded.cap",
                    vec![c.as_str(), o.as_str(), k.as_str(), d.as_str()],
                ),
                (Counted::ClientDay(c, o, k, d), None) => (
                    "UPDATE hold_client_day SET held = held + $5 \
                     WHERE client_key = $1 AND office_id = $2 AND counter_id = $3 AND day = $4",
                    vec![c.as_str(), o.as_str(), k.as_str(), d.as_str()],
                ),
                (Counted::Day(o, k, d), Some(_)) => (
                    "INSERT INTO hold_share (office_id, counter_id, day, held, cap) VALUES ($1, $2, $3, $4, $5) \
                     ON CONFLICT (office_id, counter_id, day) DO UPDATE SET held = hold_share.held + excluded.held, cap = excluded.cap",
                    vec![o.as_str(), k.as_str(), d.as_str()],
                ),
                (Counted::Day(o, k, d), None) => (
                    "UPDATE hold_share SET held = held + $4 WHERE office_id = $1 AND counter_id = $2 AND day = $3",
                    vec![o.as_str(), k.as_str(), d.as_str()],
                ),
            };
            let mut q = sqlx::query(sql);
            for b in binds {
                q = q.bind(b);
            }
            q = q.bind(delta);
            if let Some(cap) = cap {
                q = q.bind(cap);
            }
            q.execute(&mut *$tx).await.map_err(to_conflict)?;
        }
    }};
}

/// Count a hold of `$client` that ran out unused, inside `$tx`: the address
/// waits `$slow_for(lapses in a row)` seconds from `$now` before its next hold.
macro_rules! lapse {
    ($tx:expr, $client:expr, $now:expr, $slow_for:expr) => {{
        let lapsed: Option<i64> = sqlx::query_scalar(
            "UPDATE hold_quota SET lapsed = lapsed + 1 WHERE client_key = $1 RETURNING lapsed",
        )
        .bind($client)
        .fetch_optional(&mut *$tx)
        .await?;
        if let Some(lapsed) = lapsed {
            let slow_for: fn(i64) -> i64 = $slow_for;
            sqlx::query("UPDATE hold_quota SET slow_until = $2 WHERE client_key = $1")
                .bind($client)
                .bind($now + slow_for(lapsed))
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
            recount!($tx, counted(h, -1), &|_| None);
        }
        gone == 1
    }};
}

pub(super) use {drop_open_hold, recount};

impl Store {
    /// Take a hold on the time `claim` describes. The open hold the same browser
    /// had before is given back in the same transaction, so choosing another time
    /// (or the same one twice in a hurry) never keeps two places.
    /// Returns when the hold runs out.
    pub async fn take_hold(&self, new: &NewHold, claim: &Claim) -> Result<i64> {
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
    ) -> Result<i64> {
        retrying(|| async {
            let expires_at = in_tx!(self, tx => {
                lock_cells!(self, tx);
                let old: Option<HoldRow> = sqlx::query_as(old_sql).bind(&new.browser_key).fetch_optional(&mut *tx).await?;
                // Choosing another time keeps the deadline of the hold it replaces:
                // replacing is no way to keep a time for ever. A hold that ran out
                // (and was not swept yet) counts as lapsed, as the sweep would count it.
                let mut expires_at = new.expires_at;
                let mut given_back = Vec::new();
                if let Some(old) = &old {
                    let gone = sqlx::query("DELETE FROM holds WHERE id = $1 AND booking_id IS NULL")
                        .bind(&old.id)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                    if gone == 1 {
                        release!(self, tx, &old.as_booking(), false);
                        given_back = counted(old, -1);
                        if old.expires_at > new.created_at {
                            expires_at = expires_at.min(old.expires_at);
                        } else {
                            lapse!(tx, &old.client_key, new.created_at, new.slow_for);
                        }
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
                let mut cells = sqlx::query(cells_sql).bind(&new.office_id).bind(&new.counter_id);
                for &(cell, capacity) in &claim.cells {
                    cells = cells.bind(cell).bind(i64::from(capacity));
                }
                cells.execute(&mut *tx).await.map_err(to_conflict)?;
                let taken = HoldRow {
                    id: new.id.clone(),
                    office_id: new.office_id.clone(),
                    counter_id: new.counter_id.clone(),
                    services: String::new(),
                    persons: 0,
                    start_at: 0,
                    end_at: 0,
                    grid_seconds: 0,
                    arrival_window: 0,
                    client_key: new.client_key.clone(),
                    expires_at,
                    created_at: new.created_at,
                    booking_id: None,
                    minutes: new.minutes,
                    share_day: Some(new.share_day.clone()),
                };
                let mut changes = counted(&taken, 1);
                let grows: Vec<Counted> = changes.iter().map(|(k, _)| k.clone()).collect();
                changes.extend(given_back);
                recount!(tx, changes, &|key: &Counted| {
                    grows.contains(key).then_some(match key {
                        Counted::Client(_) => new.client_cap,
                        Counted::ClientDay(..) => new.client_day_cap,
                        Counted::Day(..) => new.share_cap,
                    })
                });
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
                .bind(expires_at)
                .bind(new.created_at)
                .bind(&new.browser_key)
                .bind(new.minutes)
                .bind(&new.share_day)
                .execute(&mut *tx)
                .await?;
                expires_at
            });
            Ok(expires_at)
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
                recount!(tx, counted(&hold, -1), &|_| None);
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
                            lapse!(tx, &h.client_key, now, slow_for);
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
                sqlx::query("DELETE FROM hold_client_day WHERE held = 0").execute(&mut *tx).await?;
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
