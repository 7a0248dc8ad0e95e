//! Bookings and the capacity they take: the transaction that keeps rule 1.

use std::collections::HashMap;

use sqlx::sqlite::SqliteArguments;
use sqlx::{Arguments, FromRow, Row};

use super::outbox::enqueue;
use super::{in_tx, is_check_violation, is_retryable, is_unique_violation, on};
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
    /// The revision of the office's plan the claim was computed from.
    pub office_revision: i64,
    /// `(key, fingerprint of the request)` from an `Idempotency-Key` header.
    pub idempotency: Option<(String, String)>,
    /// The booking code ([`crate::domain::BookingCode`]); should another active
    /// booking of the office have it, the store writes a new one instead.
    pub code: String,
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
    pub email_key: Option<String>,
    pub language: String,
    pub confirm_by: Option<i64>,
    pub created_at: i64,
    pub confirmed_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    /// Confirmed by the link in a mail sent to the address: mails may name the person.
    pub address_confirmed: i64,
    pub moves: i64,
    /// A calendar file of the booking went out.
    pub calendar_sent: i64,
    /// The booking code that checks it in (none for bookings made before codes,
    /// until the service gives them one when it starts).
    pub code: Option<String>,
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

/// The mails a booking that was cancelled or lapsed no longer owes: its
/// reminder, and a move's mail not yet taken by a sender.
pub(super) const NO_LONGER_OWED: &str =
    "DELETE FROM outbox WHERE booking_id = $1 AND kind IN ('reminder', 'moved') \
     AND status = 'pending' AND (lease_until IS NULL OR lease_until <= $2)";

/// The least time between two mails about moves of one booking.
const MOVE_MAIL_SECONDS: i64 = 60;

/// `key:count,key:count` from `string_agg` as a map; `None` (no rows) is empty.
fn counts(list: Option<&str>) -> Result<HashMap<i64, u32>> {
    let mut map = HashMap::new();
    for pair in list.unwrap_or("").split(',').filter(|p| !p.is_empty()) {
        let parsed = pair
            .split_once(':')
            .and_then(|(k, n)| Some((k.parse::<i64>().ok()?, n.parse::<u32>().ok()?)));
        let Some((key, n)) = parsed else {
            return Err(StoreError::Corrupt(format!("an occupancy count {pair:?}")));
        };
        map.insert(key, n);
    }
    Ok(map)
}

pub(super) const COLUMNS: &str = "id, office_id, counter_id, services, persons, start_at, end_at, grid_seconds, \
    arrival_window, status, name, email, phone, email_key, language, confirm_by, created_at, confirmed_at, cancelled_at, \
    address_confirmed, moves, calendar_sent, code";

/// Give back what a booking `$b` took, inside `$tx`: its arrivals, its cells,
/// its count against the address's cap (once, whoever gets there first).
///
/// Rows are locked in the order a booking statement writes them on PostgreSQL,
/// where data-modifying CTEs that the main query does not read run after it, last
/// one first: bookings, then the arrival window, the cells, the quota. Taking
/// them in that order here lets the two wait for each other instead of deadlocking.
macro_rules! release {
    ($store:expr, $tx:expr, $b:expr) => {
        release!($store, $tx, $b, true)
    };
    ($store:expr, $tx:expr, $b:expr, $quota:expr) => {{
        let b: &BookingRow = $b;
        sqlx::query("UPDATE arrival_cells SET arrivals = arrivals - $3 WHERE office_id = $1 AND window_at = $2")
            .bind(&b.office_id)
            .bind(b.arrival_window)
            .bind(b.persons)
            .execute(&mut *$tx)
            .await?;
        if matches!($store, Store::Postgres(_)) {
            // dialect: PostgreSQL locks the cells in ascending order first; SQLite has one writer.
            sqlx::query(
                "SELECT cell_at FROM capacity_cells WHERE office_id = $1 AND counter_id = $2 \
                 AND cell_at >= $3 AND cell_at < $4 ORDER BY cell_at FOR UPDATE",
            )
            .bind(&b.office_id)
            .bind(&b.counter_id)
            .bind(b.start_at)
            .bind(b.end_at)
            .execute(&mut *$tx)
            .await?;
        }
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
        let counted = if $quota {
            sqlx::query("UPDATE bookings SET quota_counted = 0 WHERE id = $1 AND quota_counted = 1")
                .bind(&b.id)
                .execute(&mut *$tx)
                .await?
                .rows_affected()
        } else {
            0
        };
        if counted == 1 {
            sqlx::query("UPDATE email_quota SET active = active - 1 WHERE office_id = $1 AND email_key = $2")
                .bind(&b.office_id)
                .bind(&b.email_key)
                .execute(&mut *$tx)
                .await?;
        }
    }};
}

pub(super) use release;

/// The booking behind a token as it is, when a change did not apply to it.
macro_rules! unchanged {
    ($tx:expr, $token_hash:expr) => {{
        let b: Option<BookingRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM bookings WHERE token_hash = $1"
        ))
        .bind($token_hash)
        .fetch_optional(&mut *$tx)
        .await?;
        Outcome {
            booking: b.ok_or(StoreError::NotFound)?,
            changed: false,
        }
    }};
}

pub(super) const CELLS_CONFLICT: &str = "ON CONFLICT (office_id, counter_id, cell_at) DO UPDATE \
     SET booked = capacity_cells.booked + 1, capacity = excluded.capacity";
pub(super) const BOOKING_COLUMNS: &str = "id, token_hash, office_id, counter_id, services, persons, start_at, end_at, grid_seconds, \
     arrival_window, status, name, email, phone, email_key, language, confirm_by, created_at, confirmed_at, code";
pub(super) const OUTBOX_COLUMNS: &str =
    "id, booking_id, kind, message_id, sender, recipient, message, status, attempts, due_at, created_at, token";

/// The number of the first cell parameter in [`booking_sql`].
const FIRST_CELL: usize = 42;

/// The SQL that writes a booking on SQLite: the idempotency key, the address's
/// quota, the cells, the arrival window, the booking and its mail, as separate
/// statements run in one savepoint by the group-commit writer ([`super::batch`]).
/// Every part reads from the office row at the expected revision (`$1`, `$2`),
/// so a claim computed from an older plan writes nothing. (PostgreSQL writes
/// bookings in [`super::pg_batch`].)
fn booking_sql(idempotent: bool, reminder: bool, cells: &str) -> String {
    let office = "FROM offices WHERE id = $1 AND revision = $2";
    let parts = [
        idempotent.then(|| format!(
            "INSERT INTO idempotency_keys (key, fingerprint, booking_id, created_at) SELECT $18, $19, $3, $9 {office}"
        )),
        Some(format!(
            "INSERT INTO email_quota (office_id, email_key, active, cap) SELECT $1, $14, 1, $20 {office} \
             ON CONFLICT (office_id, email_key) DO UPDATE SET active = email_quota.active + 1, cap = excluded.cap"
        )),
        Some(format!(
            "INSERT INTO capacity_cells (office_id, counter_id, cell_at, capacity, booked) \
             SELECT $1, $5, v.column1, v.column2, 1 FROM (VALUES {cells}) AS v \
             WHERE EXISTS (SELECT 1 {office}) {CELLS_CONFLICT}"
        )),
        Some(format!(
            "INSERT INTO arrival_cells (office_id, window_at, capacity, arrivals) SELECT $1, $12, $21, $7 {office} \
             ON CONFLICT (office_id, window_at) DO UPDATE \
             SET arrivals = arrival_cells.arrivals + excluded.arrivals, capacity = excluded.capacity"
        )),
        Some(format!(
            "INSERT INTO bookings ({BOOKING_COLUMNS}) \
             SELECT $3, $4, $1, $5, $6, $7, $10, $11, $13, $12, $15, $16, $17, $8, $14, $22, $23, $9, $24, $41 {office}"
        )),
    ];
    let outbox = format!(
        "INSERT INTO outbox ({OUTBOX_COLUMNS}) SELECT $25, $3, $26, $27, $28, $29, $30, 'pending', 0, $31, $9, $39 {office}"
    );
    let reminder = reminder.then(|| {
        format!("INSERT INTO outbox ({OUTBOX_COLUMNS}) SELECT $32, $3, $33, $34, $35, $36, $37, 'pending', 0, $38, $9, $40 {office}")
    });
    let parts: Vec<String> = parts.into_iter().chain([reminder]).flatten().collect();
    parts
        .into_iter()
        .chain([outbox])
        .collect::<Vec<_>>()
        .join(";\n")
}

/// Which rule a violated constraint stands for.
fn conflict_of(err: &sqlx::Error) -> Option<Conflict> {
    let sqlx::Error::Database(db) = err else {
        return None;
    };
    let name = db
        .constraint()
        .map(str::to_string)
        .unwrap_or_else(|| db.message().to_string());
    if is_unique_violation(err) && name.contains("idempotency_keys") {
        return Some(Conflict::IdempotencyKey);
    }
    // PostgreSQL names the index, SQLite the columns.
    if is_unique_violation(err)
        && (name.contains("bookings_code_active") || name.contains("bookings.code"))
    {
        return Some(Conflict::CodeTaken);
    }
    if !is_check_violation(err) {
        return None;
    }
    [
        ("capacity_cells_never_overbooked", Conflict::Capacity),
        ("arrival_cells_within_cap", Conflict::Arrivals),
        ("email_quota_within_cap", Conflict::EmailCap),
        ("hold_quota_within_cap", Conflict::HoldCap),
        ("hold_share_within_cap", Conflict::HoldShare),
        ("hold_client_day_within_cap", Conflict::HoldClientDay),
    ]
    .into_iter()
    .find_map(|(constraint, c)| name.contains(constraint).then_some(c))
}

pub(super) fn to_conflict(err: sqlx::Error) -> StoreError {
    match conflict_of(&err) {
        Some(c) => StoreError::Conflict(c),
        None => err.into(),
    }
}

/// Run a unit of work again when PostgreSQL aborted it for a deadlock or a
/// serialization failure; it had changed nothing.
pub(super) async fn retrying<T, F, Fut>(mut work: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    let mut attempt = 0;
    loop {
        attempt += 1;
        match work().await {
            Err(e) if attempt < 5 && is_retryable(&e) => continue,
            other => return other,
        }
    }
}

impl Store {
    /// Write a booking with the capacity it claims and the mail it owes, as one
    /// unit of work. The guards are CHECK constraints on counter rows (cells, the
    /// arrival window, the address's quota): when one is full nothing is written.
    /// The office's plan must still be at `new.office_revision`, else
    /// [`Conflict::StalePlan`]: the claim was computed from an older plan.
    ///
    /// Returns the booking code written: `new.code`, or a new one if another
    /// active booking of the office had that already (in either writer: on
    /// SQLite the booking's savepoint fails alone, on PostgreSQL the batch
    /// statement is refused and its bookings go again one by one, the one with
    /// the taken code hearing so).
    pub async fn book(
        &self,
        new: &NewBooking,
        claim: &Claim,
        mail: &NewMail,
        reminder: Option<&NewMail>,
    ) -> Result<String> {
        let mut new = std::borrow::Cow::Borrowed(new);
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.book_once(&new, claim, mail, reminder).await {
                Err(StoreError::Conflict(Conflict::CodeTaken)) if attempt < 5 => {
                    new.to_mut().code = crate::domain::BookingCode::random().as_str().to_string();
                }
                Err(e) => return Err(e),
                Ok(()) => return Ok(new.code.clone()),
            }
        }
    }

    async fn book_once(
        &self,
        new: &NewBooking,
        claim: &Claim,
        mail: &NewMail,
        reminder: Option<&NewMail>,
    ) -> Result<()> {
        // The writers stop when the pool closes, as the process shuts down.
        let stopped =
            || StoreError::Database(super::not_connected("the booking writer has stopped"));
        // dialect: both backends write bookings that arrive together in one
        // transaction; on PostgreSQL as one statement over arrays of bookings
        // ([`super::pg_batch`]), on SQLite as separate statements in a savepoint
        // each ([`super::batch`]).
        let written = match self {
            Store::Postgres(pg) => {
                let _flying = pg.in_flight.enter();
                let (reply, answer) = tokio::sync::oneshot::channel();
                let job = super::pg_batch::Job {
                    booking: new.clone(),
                    claim: claim.clone(),
                    mail: mail.clone(),
                    reminder: reminder.cloned(),
                    reply,
                };
                pg.bookings.send(job).map_err(|_| stopped())?;
                answer.await.map_err(|_| stopped())??
            }
            Store::Sqlite(sqlite) => {
                let _flying = sqlite.in_flight.enter();
                let now = new.created_at;
                let confirmed_at = (new.status == "confirmed").then_some(now);
                let (key, print) = new.idempotency.clone().unwrap_or_default();
                let cells = (0..claim.cells.len())
                    .map(|i| format!("(${}, ${})", FIRST_CELL + 2 * i, FIRST_CELL + 1 + 2 * i))
                    .collect::<Vec<_>>()
                    .join(", ");
                let sql = booking_sql(new.idempotency.is_some(), reminder.is_some(), &cells);
                let mut args = SqliteArguments::default();
                macro_rules! add {
                    ($v:expr) => {
                        args.add($v)
                            .map_err(|e| StoreError::Corrupt(e.to_string()))?
                    };
                }
                // The parameters, numbered as in `booking_sql`; the cells come last.
                add!(new.office_id.clone());
                add!(new.office_revision);
                add!(new.id.clone());
                add!(new.token_hash.clone());
                add!(new.counter_id.clone());
                add!(new.services.join(","));
                add!(i64::from(new.persons));
                add!(new.phone.clone());
                add!(now);
                add!(claim.start.timestamp());
                add!(claim.end.timestamp());
                add!(claim.arrival_window);
                add!(claim.grid_seconds);
                add!(new.email_key.clone());
                add!(new.status);
                add!(new.name.clone());
                add!(new.email.clone());
                add!(key.clone());
                add!(print.clone());
                add!(i64::from(new.email_cap));
                add!(i64::from(claim.arrival_cap));
                add!(new.language);
                add!(new.confirm_by);
                add!(confirmed_at);
                add!(mail.id.clone());
                add!(mail.kind);
                add!(mail.message_id.clone());
                add!(mail.sender.clone());
                add!(mail.recipient.clone());
                add!(mail.message.clone());
                add!(mail.due_at);
                add!(reminder.map(|r| r.id.clone()));
                add!(reminder.map(|r| r.kind));
                add!(reminder.map(|r| r.message_id.clone()));
                add!(reminder.map(|r| r.sender.clone()));
                add!(reminder.map(|r| r.recipient.clone()));
                add!(reminder.and_then(|r| r.message.clone()));
                add!(reminder.map(|r| r.due_at));
                add!(mail.token.clone());
                add!(reminder.and_then(|r| r.token.clone()));
                add!(new.code.clone());
                for &(cell, capacity) in &claim.cells {
                    add!(cell);
                    add!(i64::from(capacity));
                }
                let (reply, answer) = tokio::sync::oneshot::channel();
                let sql = format!("{sql};\nSELECT COUNT(*) FROM bookings WHERE id = $3");
                let job = super::batch::Job { sql, args, reply };
                sqlite.bookings.send(job).map_err(|_| stopped())?;
                answer.await.map_err(|_| stopped())?.map_err(to_conflict)? > 0
            }
        };
        if !written {
            return Err(StoreError::Conflict(Conflict::StalePlan));
        }
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

    /// Confirm a pending booking whose deadline has not passed and whose
    /// appointment is still to come, and queue the mail that owes. Returns the
    /// booking as it is afterwards and whether this call confirmed it.
    pub async fn confirm(&self, token_hash: &str, now: i64, mails: &[NewMail]) -> Result<Outcome> {
        let sql = format!(
            "UPDATE bookings SET status = 'confirmed', confirmed_at = $2, address_confirmed = 1 \
             WHERE token_hash = $1 AND status = 'pending' AND confirm_by > $2 AND start_at > $2 RETURNING {COLUMNS}"
        );
        retrying(|| async {
            let out = in_tx!(self, tx => {
                let row: Option<BookingRow> = sqlx::query_as(&sql).bind(token_hash).bind(now).fetch_optional(&mut *tx).await?;
                match row {
                    Some(b) => {
                        for mail in mails {
                            enqueue!(tx, mail, now);
                        }
                        Outcome { booking: b, changed: true }
                    }
                    None => unchanged!(tx, token_hash),
                }
            });
            Ok(out)
        })
        .await
    }

    /// Cancel a booking that still holds its place, give the place back and
    /// queue the mail that owes. Cancelling twice changes nothing the second time.
    pub async fn cancel(
        &self,
        token_hash: &str,
        now: i64,
        mail: Option<&NewMail>,
    ) -> Result<Outcome> {
        let sql = format!(
            "UPDATE bookings SET status = 'cancelled', cancelled_at = $2, cancelled_by = 'citizen' \
             WHERE token_hash = $1 AND status IN ('pending', 'confirmed') AND start_at > $2 RETURNING {COLUMNS}"
        );
        retrying(|| async {
            let out = in_tx!(self, tx => {
                let row: Option<BookingRow> = sqlx::query_as(&sql).bind(token_hash).bind(now).fetch_optional(&mut *tx).await?;
                match row {
                    Some(b) => {
                        release!(self, tx, &b);
                        // A reminder of an appointment that will not take place is owed no
                        // more, nor a move's mail that still waits (it would come after this one).
                        sqlx::query(NO_LONGER_OWED)
                            .bind(&b.id)
                            .bind(now)
                            .execute(&mut *tx)
                            .await?;
                        if let Some(mail) = mail {
                            enqueue!(tx, mail, now);
                        }
                        Outcome { booking: b, changed: true }
                    }
                    None => unchanged!(tx, token_hash),
                }
            });
            Ok(out)
        })
        .await
    }

    /// Move a booking that still holds its place to the time `claim` describes,
    /// in one transaction: the old place is given back only together with taking
    /// the new one, so a move that fails leaves the booking where it was. The
    /// pending reminder is replaced by `reminder`, and `mail` is queued.
    ///
    /// A booking moves at most `max_moves` times ([`Conflict::MoveCap`]). A mail
    /// about an earlier move that still waits is replaced by this one, and a
    /// booking is sent at most one such mail a minute: moves in a hurry end in
    /// one mail with the latest time.
    #[allow(clippy::too_many_arguments)]
    pub async fn move_booking(
        &self,
        token_hash: &str,
        now: i64,
        claim: &Claim,
        revision: i64,
        max_moves: i64,
        mail: Option<&NewMail>,
        reminder: Option<&NewMail>,
    ) -> Result<BookingRow> {
        // dialect: on PostgreSQL the booking's row is locked, so that two moves
        // of one booking at once do not both give back its old place; SQLite
        // has one writer.
        let get = format!(
            "SELECT {COLUMNS} FROM bookings WHERE token_hash = $1 AND status IN ('pending', 'confirmed') AND start_at > $2{}",
            if matches!(self, Store::Postgres(_)) { " FOR UPDATE" } else { "" }
        );
        let cells_sql = format!(
            "INSERT INTO capacity_cells (office_id, counter_id, cell_at, capacity, booked) VALUES {} {CELLS_CONFLICT}",
            (0..claim.cells.len())
                .map(|i| format!("($1, $2, ${}, ${}, 1)", 3 + 2 * i, 4 + 2 * i))
                .collect::<Vec<_>>()
                .join(", ")
        );
        retrying(|| async {
            let moved = in_tx!(self, tx => {
                if matches!(self, Store::Postgres(_)) {
                    // dialect: wait for an import in progress before reading the revision (see save_offices).
                    sqlx::query("LOCK TABLE capacity_cells IN ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
                }
                let b: BookingRow = sqlx::query_as(&get).bind(token_hash).bind(now).fetch_optional(&mut *tx).await?.ok_or(StoreError::NotFound)?;
                let current: Option<i64> = sqlx::query_scalar("SELECT revision FROM offices WHERE id = $1")
                    .bind(&b.office_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                if current != Some(revision) {
                    return Err(StoreError::Conflict(Conflict::StalePlan));
                }
                if b.moves >= max_moves {
                    return Err(StoreError::Conflict(Conflict::MoveCap));
                }
                release!(self, tx, &b, false);
                let mut cells = sqlx::query(&cells_sql).bind(&b.office_id).bind(&b.counter_id);
                for &(cell, capacity) in &claim.cells {
                    cells = cells.bind(cell).bind(i64::from(capacity));
                }
                cells.execute(&mut *tx).await.map_err(to_conflict)?;
                sqlx::query(
                    "INSERT INTO arrival_cells (office_id, window_at, capacity, arrivals) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (office_id, window_at) DO UPDATE \
                     SET arrivals = arrival_cells.arrivals + excluded.arrivals, capacity = excluded.capacity",
                )
                .bind(&b.office_id)
                .bind(claim.arrival_window)
                .bind(i64::from(claim.arrival_cap))
                .bind(b.persons)
                .execute(&mut *tx)
                .await
                .map_err(to_conflict)?;
                // The mail of a move carries a calendar file.
                let moved: BookingRow = sqlx::query_as(&format!(
                    "UPDATE bookings SET start_at = $2, end_at = $3, grid_seconds = $4, arrival_window = $5, \
                     moves = moves + 1, calendar_sent = CASE WHEN $6 THEN 1 ELSE calendar_sent END \
                     WHERE id = $1 RETURNING {COLUMNS}"
                ))
                .bind(&b.id)
                .bind(claim.start.timestamp())
                .bind(claim.end.timestamp())
                .bind(claim.grid_seconds)
                .bind(claim.arrival_window)
                .bind(mail.is_some())
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM outbox WHERE booking_id = $1 AND kind = 'reminder' AND status = 'pending'")
                    .bind(&b.id)
                    .execute(&mut *tx)
                    .await?;
                // An earlier move's mail not yet taken by a sender tells of a time
                // that is no longer the booking's: this move's mail replaces it.
                sqlx::query(
                    "DELETE FROM outbox WHERE booking_id = $1 AND kind = 'moved' AND status = 'pending' \
                     AND (lease_until IS NULL OR lease_until <= $2)",
                )
                .bind(&b.id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                // One such mail a minute: after one that went out (or is going out)
                // less than a minute ago, the next waits until the minute is over.
                let last: Option<i64> = sqlx::query_scalar(
                    "SELECT MAX(COALESCE(sent_at, $2)) FROM outbox WHERE booking_id = $1 AND kind = 'moved' \
                     AND (status = 'pending' OR (status = 'sent' AND sent_at > $3))",
                )
                .bind(&b.id)
                .bind(now)
                .bind(now - MOVE_MAIL_SECONDS)
                .fetch_one(&mut *tx)
                .await?;
                if let Some(m) = mail {
                    let mut m = m.clone();
                    if let Some(last) = last {
                        m.due_at = m.due_at.max(last + MOVE_MAIL_SECONDS);
                    }
                    enqueue!(tx, &m, now);
                }
                if let Some(m) = reminder {
                    enqueue!(tx, m, now);
                }
                moved
            });
            Ok(moved)
        })
        .await
    }

    /// Expire pending bookings whose confirmation deadline has passed and give
    /// their places back, one booking per transaction; a booking whose calendar
    /// file went out is owed the mail `lapse_mail` makes, queued in the same
    /// transaction. Returns the expired bookings.
    pub async fn expire_due(
        &self,
        now: i64,
        limit: i64,
        lapse_mail: &(dyn Fn(&BookingRow) -> Option<NewMail> + Sync),
    ) -> Result<Vec<BookingRow>> {
        let pick = format!(
            "SELECT {COLUMNS} FROM bookings WHERE status = 'pending' AND confirm_by <= $1 ORDER BY confirm_by LIMIT $2"
        );
        let due: Vec<BookingRow> =
            on!(self, pool => sqlx::query_as(&pick).bind(now).bind(limit).fetch_all(pool).await?);
        let mut expired = Vec::with_capacity(due.len());
        for b in due {
            let changed = retrying(|| async {
                let changed = in_tx!(self, tx => {
                    // The status condition makes this safe against a confirm or a
                    // sweeper on another instance.
                    let changed = sqlx::query("UPDATE bookings SET status = 'expired' WHERE id = $1 AND status = 'pending'")
                        .bind(&b.id)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                    if changed == 1 {
                        release!(self, tx, &b);
                        sqlx::query(NO_LONGER_OWED).bind(&b.id).bind(now).execute(&mut *tx).await?;
                        if b.calendar_sent == 1 {
                            if let Some(mail) = lapse_mail(&b) {
                                enqueue!(tx, &mail, now);
                            }
                        }
                    }
                    changed == 1
                });
                Ok(changed)
            })
            .await?;
            if changed {
                expired.push(b);
            }
        }
        Ok(expired)
    }

    /// Bookings whose appointment is over stop counting against their address's
    /// cap. Returns how many stopped.
    pub async fn retire_ended(&self, now: i64, limit: i64) -> Result<usize> {
        let due: Vec<(String, String, Option<String>)> = on!(self, pool => sqlx::query_as(
            "SELECT id, office_id, email_key FROM bookings WHERE quota_counted = 1 AND end_at <= $1 LIMIT $2",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(pool)
        .await?);
        let mut n = 0;
        for (id, office_id, email_key) in &due {
            let done = retrying(|| async {
                let done = in_tx!(self, tx => {
                    let flipped = sqlx::query("UPDATE bookings SET quota_counted = 0 WHERE id = $1 AND quota_counted = 1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                    if flipped == 1 {
                        sqlx::query("UPDATE email_quota SET active = active - 1 WHERE office_id = $1 AND email_key = $2")
                            .bind(office_id)
                            .bind(email_key)
                            .execute(&mut *tx)
                            .await?;
                    }
                    flipped == 1
                });
                Ok(done)
            })
            .await?;
            n += usize::from(done);
        }
        Ok(n)
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
        // One row with each table's counts as `key:count,key:count`: a day page
        // or a month of availability reads hundreds of cells, and sqlx hands
        // each row of SQLite from its worker thread on its own (a third of a
        // release rush's CPU went into that hand-over, counted with perf).
        let (cells, arrivals): (Option<String>, Option<String>) = on!(self, pool => {
            sqlx::query_as(
                "SELECT \
                   (SELECT string_agg(cell_at || ':' || booked, ',') FROM capacity_cells \
                     WHERE office_id = $1 AND counter_id = $2 AND cell_at >= $3 AND cell_at < $4 \
                     AND booked > 0), \
                   (SELECT string_agg(window_at || ':' || arrivals, ',') FROM arrival_cells \
                     WHERE office_id = $1 AND window_at >= $5 AND window_at < $4 AND arrivals > 0)",
            )
            .bind(office_id)
            .bind(counter_id)
            .bind(from)
            .bind(to)
            .bind(from - 24 * 3600)
            .fetch_one(pool)
            .await?
        });
        Ok(Occupancy {
            cells: counts(cells.as_deref())?,
            arrivals: counts(arrivals.as_deref())?,
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

    /// Erase name, email, phone and address key of bookings that ended before
    /// `before`, and the recipient and any unsent message of their mails; drop
    /// cap counters that count nothing. Returns how many bookings were erased.
    pub async fn erase_personal_data(&self, before: i64, now: i64) -> Result<u64> {
        let n = in_tx!(self, tx => {
            sqlx::query(
                "UPDATE outbox SET message = NULL, token = NULL, recipient = '', last_error = NULL WHERE booking_id IN \
                 (SELECT id FROM bookings WHERE end_at < $1 AND erased_at IS NULL AND quota_counted = 0)",
            )
            .bind(before)
            .execute(&mut *tx)
            .await?;
            let n = sqlx::query(
                "UPDATE bookings SET name = NULL, email = NULL, phone = NULL, email_key = NULL, erased_at = $2 \
                 WHERE end_at < $1 AND erased_at IS NULL AND quota_counted = 0",
            )
            .bind(before)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            sqlx::query("DELETE FROM email_quota WHERE active = 0").execute(&mut *tx).await?;
            n
        });
        Ok(n)
    }

    /// Note that a calendar file of a booking went out.
    pub async fn calendar_sent(&self, id: &str) -> Result<()> {
        in_tx!(self, tx => {
            sqlx::query("UPDATE bookings SET calendar_sent = 1 WHERE id = $1 AND calendar_sent = 0")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        });
        Ok(())
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
