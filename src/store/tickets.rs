//! Tickets and the day's queue: check-in, walk-in tickets, call next, the actions on a
//! ticket, the no-show job, emergency alerts; each one unit of work with its audit entry.
//!
//! Who is called next is decided by the database (queue rule 4): on PostgreSQL
//! the next ticket is taken with `FOR UPDATE SKIP LOCKED`, so two desks calling
//! at once take different tickets; SQLite has one writer. Rows are locked in
//! the order the booking paths use (see `release!` in bookings.rs): a desk's
//! turn, then tickets, then the booking; a check-in takes the booking first and
//! then the day's ticket numbers, which no ticket action touches.

use sqlx::FromRow;

use super::audit::audit;
use super::bookings::COLUMNS;
use super::{in_tx, on, Actor, BookingRow, Conflict, NewAudit, Result, Store, StoreError};
use crate::domain::queue::TicketState;
use crate::domain::TicketKind;

/// A ticket about to be given.
#[derive(Debug, Clone)]
pub struct NewTicket {
    pub id: String,
    pub secret_hash: String,
    pub office_id: String,
    /// The office's local date.
    pub day: String,
    /// The prefix of the counter's numbers.
    pub prefix: String,
    pub counter_id: String,
    pub booking_id: Option<String>,
    pub kind: TicketKind,
    pub urgent: bool,
    pub services: Vec<String>,
    pub persons: i64,
    pub planned_minutes: i64,
    pub appointment_at: Option<i64>,
    pub arrived_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct TicketRow {
    pub id: String,
    pub office_id: String,
    pub day: String,
    pub number: String,
    pub counter_id: String,
    pub booking_id: Option<String>,
    pub kind: String,
    pub urgent: i64,
    pub services: String,
    pub persons: i64,
    pub planned_minutes: i64,
    pub appointment_at: Option<i64>,
    pub state: String,
    pub version: i64,
    pub desk: Option<String>,
    pub calls: i64,
    pub queued_at: i64,
    pub arrived_at: i64,
    pub first_called_at: Option<i64>,
    pub last_called_at: Option<i64>,
    pub started_at: Option<i64>,
    pub serving_since: Option<i64>,
    pub finished_at: Option<i64>,
    pub waiting_seconds: Option<i64>,
    pub way_seconds: i64,
    pub handling_seconds: i64,
    pub handled_services: Option<String>,
    pub handled_persons: Option<i64>,
}

impl TicketRow {
    pub fn state(&self) -> TicketState {
        TicketState::parse(&self.state).unwrap_or(TicketState::Done)
    }

    pub fn kind(&self) -> TicketKind {
        TicketKind::parse(&self.kind).unwrap_or(TicketKind::WalkIn)
    }

    pub fn service_ids(&self) -> Vec<&str> {
        self.services.split(',').filter(|s| !s.is_empty()).collect()
    }
}

const TICKET_COLUMNS: &str = "id, office_id, day, number, counter_id, booking_id, kind, urgent, services, persons, \
    planned_minutes, appointment_at, state, version, desk, calls, queued_at, arrived_at, first_called_at, \
    last_called_at, started_at, serving_since, finished_at, waiting_seconds, way_seconds, handling_seconds, \
    handled_services, handled_persons";

/// What an action does to a ticket: the ticket as it is to be afterwards, the
/// booking's new status, whether it is a call (recorded with its desk), and
/// the audit entry.
#[derive(Debug, Clone)]
pub struct TicketChange {
    pub ticket: TicketRow,
    pub booking_status: Option<&'static str>,
    pub call: bool,
    pub audit: NewAudit,
}

/// What call-next found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Called {
    /// This ticket is called to the desk now.
    Ticket(TicketRow),
    /// Nobody waits in the queues the desk serves.
    Nobody,
    /// The desk has this ticket called or at the desk already.
    Busy(TicketRow),
}

/// One call as the waiting-room display shows it.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct CallRow {
    pub number: String,
    pub counter_id: String,
    pub desk: String,
    pub called_at: i64,
    pub n: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct AlertRow {
    pub id: String,
    pub office_id: String,
    pub desk: String,
    pub raised_by: String,
    pub raised_at: i64,
    pub answered_by: Option<String>,
    pub answered_at: Option<i64>,
}

const ALERT_COLUMNS: &str = "id, office_id, desk, raised_by, raised_at, answered_by, answered_at";

/// Measured and planned handling of a counter's finished tickets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Handling {
    pub tickets: i64,
    pub seconds: i64,
    pub planned_minutes: i64,
}

const WAITING: &str = "state IN ('waiting', 'back', 'transferred')";

/// The statements of call-next for one list of counters.
struct CallSql {
    pick: String,
    waiting: String,
}

/// Take the next ticket number of a counter's day inside `$tx`.
macro_rules! next_number {
    ($tx:expr, $new:expr) => {{
        let new: &NewTicket = $new;
        let last: i64 = sqlx::query_scalar(
            "INSERT INTO ticket_numbers (office_id, counter_id, day, last) VALUES ($1, $2, $3, 1) \
             ON CONFLICT (office_id, counter_id, day) DO UPDATE SET last = ticket_numbers.last + 1 RETURNING last",
        )
        .bind(&new.office_id)
        .bind(&new.counter_id)
        .bind(&new.day)
        .fetch_one(&mut *$tx)
        .await?;
        format!("{}-{last:03}", new.prefix)
    }};
}

/// Insert a new waiting ticket inside `$tx`; the row as written.
macro_rules! insert_ticket {
    ($tx:expr, $new:expr, $number:expr) => {{
        let new: &NewTicket = $new;
        let row: TicketRow = sqlx::query_as(&format!(
            "INSERT INTO tickets (secret_hash, {TICKET_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, \
             $12, $13, 'waiting', 1, NULL, 0, $14, $14, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL) \
             RETURNING {TICKET_COLUMNS}"
        ))
        .bind(&new.secret_hash)
        .bind(&new.id)
        .bind(&new.office_id)
        .bind(&new.day)
        .bind($number)
        .bind(&new.counter_id)
        .bind(&new.booking_id)
        .bind(new.kind.as_str())
        .bind(i64::from(new.urgent))
        .bind(new.services.join(","))
        .bind(new.persons)
        .bind(new.planned_minutes)
        .bind(new.appointment_at)
        .bind(new.arrived_at)
        .fetch_one(&mut *$tx)
        .await?;
        row
    }};
}

/// Record a call of ticket `$t` to `$desk` inside `$tx`.
macro_rules! record_call {
    ($tx:expr, $t:expr, $desk:expr, $now:expr) => {{
        let t: &TicketRow = $t;
        let n: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM ticket_calls WHERE ticket_id = $1")
            .bind(&t.id)
            .fetch_one(&mut *$tx)
            .await?;
        sqlx::query(
            "INSERT INTO ticket_calls (ticket_id, n, office_id, counter_id, desk, called_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&t.id)
        .bind(n + 1)
        .bind(&t.office_id)
        .bind(&t.counter_id)
        .bind($desk)
        .bind($now)
        .execute(&mut *$tx)
        .await?;
    }};
}

impl Store {
    /// Check a confirmed booking in: it becomes `checked_in` and gets a
    /// waiting ticket (`new`, numbered here), with the audit entry. A booking
    /// that is no longer `confirmed` (checked in already, cancelled meanwhile)
    /// or no longer at the time and counter read (moved meanwhile) is
    /// [`Conflict::State`], and nothing is written.
    pub async fn check_in(&self, new: &NewTicket, actor: &Actor, now: i64) -> Result<TicketRow> {
        let booking_id = new.booking_id.as_deref().ok_or(StoreError::NotFound)?;
        let row = in_tx!(self, tx => {
            // The booking as it was read: a move in between (another day, another counter) is a conflict.
            let n = sqlx::query(
                "UPDATE bookings SET status = 'checked_in' WHERE id = $1 AND office_id = $2 AND status = 'confirmed' \
                 AND start_at = $3 AND counter_id = $4",
            )
                .bind(booking_id)
                .bind(&new.office_id)
                .bind(new.appointment_at)
                .bind(&new.counter_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if n == 0 {
                tx.rollback().await?;
                return Err(StoreError::Conflict(Conflict::State));
            }
            let number = next_number!(tx, new);
            let row = insert_ticket!(tx, new, &number);
            let entry = NewAudit {
                office_id: Some(new.office_id.clone()),
                action: "check_in",
                ticket_id: Some(row.id.clone()),
                ticket_number: Some(row.number.clone()),
                booking_id: Some(booking_id.to_string()),
                detail: format!("{} {}", new.counter_id, new.kind.as_str()),
            };
            audit!(tx, actor, &entry, now);
            row
        });
        Ok(row)
    }

    /// Give a walk-in ticket if the counter's walk-in desks can still reach it
    /// today: `capacity_minutes` (their desk-minutes left) must cover the
    /// planned minutes of the walk-ins waiting or called, what is left of
    /// those at a desk, and this one's, else
    /// [`Conflict::WalkInFull`] and nothing is written. Walk-in tickets of one
    /// counter and day are given one at a time (the day's ticket number row is
    /// taken first), so two front desks cannot both give the last place.
    pub async fn walk_in(
        &self,
        new: &NewTicket,
        capacity_minutes: i64,
        actor: &Actor,
        now: i64,
    ) -> Result<TicketRow> {
        let row = in_tx!(self, tx => {
            let number = next_number!(tx, new);
            // Walk-ins waiting or called take their planned minutes; those
            // at a desk what is left of them.
            let waiting: i64 = sqlx::query_scalar(
                "SELECT CAST(COALESCE(SUM(CASE \
                     WHEN state IN ('waiting', 'back', 'transferred', 'called') THEN planned_minutes \
                     WHEN state IN ('serving', 'parked') AND planned_minutes * 60 > handling_seconds + COALESCE($4 - serving_since, 0) \
                         THEN planned_minutes - (handling_seconds + COALESCE($4 - serving_since, 0)) / 60 \
                     ELSE 0 END), 0) AS BIGINT) FROM tickets \
                 WHERE office_id = $1 AND day = $2 AND counter_id = $3 AND kind = 'walk_in'",
            )
            .bind(&new.office_id)
            .bind(&new.day)
            .bind(&new.counter_id)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            if waiting + new.planned_minutes > capacity_minutes {
                // The number goes back, and the day's number row is free again at once.
                tx.rollback().await?;
                return Err(StoreError::Conflict(Conflict::WalkInFull));
            }
            let row = insert_ticket!(tx, new, &number);
            let entry = NewAudit {
                office_id: Some(new.office_id.clone()),
                action: "walk_in",
                ticket_id: Some(row.id.clone()),
                ticket_number: Some(row.number.clone()),
                booking_id: None,
                detail: format!("{}{}", new.counter_id, if new.urgent { " urgent" } else { "" }),
            };
            audit!(tx, actor, &entry, now);
            row
        });
        Ok(row)
    }

    /// Call the next ticket of the day in `counters` to `desk` (queue rule 2,
    /// decided by the database, rule 4): urgent ones first, then appointments
    /// due by `due_by`, then walk-ins by arrival, then appointments checked in
    /// early. A desk with a ticket called or at the desk calls nobody
    /// ([`Called::Busy`]): a form sent twice does not call twice.
    #[allow(clippy::too_many_arguments)]
    pub async fn call_next(
        &self,
        office_id: &str,
        day: &str,
        counters: &[String],
        desk: &str,
        due_by: i64,
        actor: &Actor,
        now: i64,
    ) -> Result<Called> {
        if counters.is_empty() {
            return Ok(Called::Nobody);
        }
        let list = (0..counters.len())
            .map(|i| format!("${}", 4 + i))
            .collect::<Vec<_>>()
            .join(", ");
        let pick = format!(
            "SELECT {TICKET_COLUMNS} FROM tickets WHERE office_id = $1 AND day = $2 AND {WAITING} \
             AND counter_id IN ({list}) \
             ORDER BY CASE WHEN urgent = 1 THEN 0 WHEN kind = 'appointment' AND appointment_at <= $3 THEN 1 \
                           WHEN kind = 'walk_in' THEN 2 ELSE 3 END, \
                      CASE WHEN urgent = 0 AND kind = 'appointment' THEN appointment_at ELSE queued_at END, \
                      queued_at, id \
             LIMIT 1"
        );
        // dialect: on PostgreSQL a caller skips the tickets other callers are
        // taking at this moment and takes the next; SQLite has one writer, so
        // nobody else is taking any.
        let pick = match self {
            Store::Postgres(_) => format!("{pick} FOR UPDATE SKIP LOCKED"),
            Store::Sqlite(_) => pick,
        };
        let from_three = (0..counters.len())
            .map(|i| format!("${}", 3 + i))
            .collect::<Vec<_>>()
            .join(", ");
        let waiting_sql = format!(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM tickets WHERE office_id = $1 AND day = $2 AND {WAITING} \
             AND counter_id IN ({from_three})"
        );
        let sql = CallSql {
            pick,
            waiting: waiting_sql,
        };
        for attempt in 0.. {
            let give_up = attempt >= 200;
            if let Some(called) = self
                .call_once(
                    office_id, day, counters, desk, due_by, actor, now, &sql, give_up,
                )
                .await?
            {
                return Ok(called);
            }
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        unreachable!("the loop returns")
    }

    /// One try of [`Store::call_next`]; `None`: the only waiting tickets are
    /// locked by others just now (who may give them back), try again.
    #[allow(clippy::too_many_arguments)]
    async fn call_once(
        &self,
        office_id: &str,
        day: &str,
        counters: &[String],
        desk: &str,
        due_by: i64,
        actor: &Actor,
        now: i64,
        sql: &CallSql,
        give_up: bool,
    ) -> Result<Option<Called>> {
        let out = in_tx!(self, tx => {
            // The desk's turn: calls from one desk wait for each other.
            sqlx::query(
                "INSERT INTO desk_turns (office_id, desk, calls) VALUES ($1, $2, 1) \
                 ON CONFLICT (office_id, desk) DO UPDATE SET calls = desk_turns.calls + 1",
            )
            .bind(office_id)
            .bind(desk)
            .execute(&mut *tx)
            .await?;
            let busy: Option<TicketRow> = sqlx::query_as(&format!(
                "SELECT {TICKET_COLUMNS} FROM tickets WHERE office_id = $1 AND day = $2 AND desk = $3 \
                 AND state IN ('called', 'serving') ORDER BY last_called_at DESC LIMIT 1"
            ))
            .bind(office_id)
            .bind(day)
            .bind(desk)
            .fetch_optional(&mut *tx)
            .await?;
            // What is not called lets go of the desk's turn at once (a dropped
            // transaction would hold it until its connection is used again).
            if let Some(b) = busy {
                tx.rollback().await?;
                return Ok(Some(Called::Busy(b)));
            }
            let mut q = sqlx::query_as::<_, TicketRow>(&sql.pick).bind(office_id).bind(day).bind(due_by);
            for c in counters {
                q = q.bind(c);
            }
            let Some(t) = q.fetch_optional(&mut *tx).await? else {
                // Tickets that others have locked are waiting still, unless
                // those others are calling them: look again in a moment.
                let mut q = sqlx::query_scalar::<_, i64>(&sql.waiting).bind(office_id).bind(day);
                for c in counters {
                    q = q.bind(c);
                }
                let waiting = q.fetch_one(&mut *tx).await?;
                tx.rollback().await?;
                if waiting > 0 && !give_up {
                    return Ok(None);
                }
                return Ok(Some(Called::Nobody));
            };
            let waited = crate::domain::queue::waiting_seconds(t.arrived_at, t.appointment_at, now);
            let called: TicketRow = sqlx::query_as(&format!(
                "UPDATE tickets SET state = 'called', desk = $2, calls = 1, \
                 first_called_at = COALESCE(first_called_at, $3), last_called_at = $3, \
                 waiting_seconds = COALESCE(waiting_seconds, $4), version = version + 1 \
                 WHERE id = $1 AND {WAITING} RETURNING {TICKET_COLUMNS}"
            ))
            .bind(&t.id)
            .bind(desk)
            .bind(now)
            .bind(waited)
            .fetch_one(&mut *tx)
            .await?;
            record_call!(tx, &called, desk, now);
            if let Some(b) = &called.booking_id {
                sqlx::query("UPDATE bookings SET status = 'called' WHERE id = $1 AND status = 'checked_in'")
                    .bind(b)
                    .execute(&mut *tx)
                    .await?;
            }
            let entry = NewAudit {
                office_id: Some(office_id.to_string()),
                action: "call",
                ticket_id: Some(called.id.clone()),
                ticket_number: Some(called.number.clone()),
                booking_id: called.booking_id.clone(),
                detail: format!("desk {desk}"),
            };
            audit!(tx, actor, &entry, now);
            Called::Ticket(called)
        });
        Ok(Some(out))
    }

    /// Act on one ticket of an office: `decide` sees the ticket as it is
    /// (locked on PostgreSQL) and says what becomes of it, or refuses with an
    /// `R`; then the ticket, its booking and the audit entry are written in
    /// one unit of work. With `expected_version`, a ticket that changed since
    /// the client saw it is [`Conflict::Stale`], and nothing is written.
    pub async fn act_on_ticket<R: Send>(
        &self,
        office_id: &str,
        ticket_id: &str,
        expected_version: Option<i64>,
        actor: &Actor,
        now: i64,
        decide: &(dyn Fn(&TicketRow) -> std::result::Result<TicketChange, R> + Sync),
    ) -> Result<std::result::Result<TicketRow, R>> {
        let read = format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE id = $1 AND office_id = $2");
        // dialect: PostgreSQL locks the ticket until the change is written; SQLite has one writer.
        let read = match self {
            Store::Postgres(_) => format!("{read} FOR UPDATE"),
            Store::Sqlite(_) => read,
        };
        let out = in_tx!(self, tx => {
            let t: TicketRow = sqlx::query_as(&read)
                .bind(ticket_id)
                .bind(office_id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::NotFound)?;
            // Refused with the ticket locked: the lock goes at once, not when
            // the connection is next used (as it would with a dropped transaction).
            if expected_version.is_some_and(|v| v != t.version) {
                tx.rollback().await?;
                return Err(StoreError::Conflict(Conflict::Stale));
            }
            let change = match decide(&t) {
                Ok(c) => c,
                Err(r) => {
                    tx.rollback().await?;
                    return Ok(Err(r));
                }
            };
            let n = &change.ticket;
            let written: TicketRow = sqlx::query_as(&format!(
                "UPDATE tickets SET counter_id = $3, urgent = $4, state = $5, version = version + 1, desk = $6, \
                 calls = $7, first_called_at = $8, last_called_at = $9, started_at = $10, serving_since = $11, \
                 finished_at = $12, waiting_seconds = $13, way_seconds = $14, handling_seconds = $15, \
                 handled_services = $16, handled_persons = $17 \
                 WHERE id = $1 AND version = $2 RETURNING {TICKET_COLUMNS}"
            ))
            .bind(&t.id)
            .bind(t.version)
            .bind(&n.counter_id)
            .bind(n.urgent)
            .bind(&n.state)
            .bind(&n.desk)
            .bind(n.calls)
            .bind(n.first_called_at)
            .bind(n.last_called_at)
            .bind(n.started_at)
            .bind(n.serving_since)
            .bind(n.finished_at)
            .bind(n.waiting_seconds)
            .bind(n.way_seconds)
            .bind(n.handling_seconds)
            .bind(&n.handled_services)
            .bind(n.handled_persons)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::Conflict(Conflict::Stale))?;
            if change.call {
                let desk = written.desk.clone().unwrap_or_default();
                record_call!(tx, &written, &desk, now);
            }
            if let (Some(status), Some(b)) = (change.booking_status, &written.booking_id) {
                sqlx::query("UPDATE bookings SET status = $2 WHERE id = $1 AND status IN ('checked_in', 'called', 'no_show')")
                    .bind(b)
                    .bind(status)
                    .execute(&mut *tx)
                    .await?;
            }
            audit!(tx, actor, &change.audit, now);
            Ok(written)
        });
        Ok(out)
    }

    pub async fn ticket(&self, office_id: &str, id: &str) -> Result<Option<TicketRow>> {
        let sql = format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE id = $1 AND office_id = $2");
        let row = on!(self, pool => sqlx::query_as(&sql).bind(id).bind(office_id).fetch_optional(pool).await?);
        Ok(row)
    }

    pub async fn ticket_by_number(
        &self,
        office_id: &str,
        day: &str,
        number: &str,
    ) -> Result<Option<TicketRow>> {
        let sql = format!(
            "SELECT {TICKET_COLUMNS} FROM tickets WHERE office_id = $1 AND day = $2 AND number = $3"
        );
        let row = on!(self, pool => sqlx::query_as(&sql).bind(office_id).bind(day).bind(number).fetch_optional(pool).await?);
        Ok(row)
    }

    pub async fn ticket_by_secret(&self, secret_hash: &str) -> Result<Option<TicketRow>> {
        let sql = format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE secret_hash = $1");
        let row =
            on!(self, pool => sqlx::query_as(&sql).bind(secret_hash).fetch_optional(pool).await?);
        Ok(row)
    }

    /// The latest ticket of a booking, if it was checked in.
    pub async fn ticket_of_booking(&self, booking_id: &str) -> Result<Option<TicketRow>> {
        let sql = format!(
            "SELECT {TICKET_COLUMNS} FROM tickets WHERE booking_id = $1 ORDER BY arrived_at DESC, id DESC LIMIT 1"
        );
        let row =
            on!(self, pool => sqlx::query_as(&sql).bind(booking_id).fetch_optional(pool).await?);
        Ok(row)
    }

    /// Every ticket of an office's day, in the order they were given.
    pub async fn tickets_of_day(&self, office_id: &str, day: &str) -> Result<Vec<TicketRow>> {
        let sql = format!(
            "SELECT {TICKET_COLUMNS} FROM tickets WHERE office_id = $1 AND day = $2 ORDER BY arrived_at, id"
        );
        let rows = on!(self, pool => sqlx::query_as(&sql).bind(office_id).bind(day).fetch_all(pool).await?);
        Ok(rows)
    }

    /// The latest calls of an office since `since`, newest first.
    pub async fn recent_calls(
        &self,
        office_id: &str,
        since: i64,
        limit: i64,
    ) -> Result<Vec<CallRow>> {
        let rows = on!(self, pool => sqlx::query_as(
            "SELECT t.number, c.counter_id, c.desk, c.called_at, c.n FROM ticket_calls c JOIN tickets t ON t.id = c.ticket_id \
             WHERE c.office_id = $1 AND c.called_at >= $2 ORDER BY c.called_at DESC, c.ticket_id, c.n DESC LIMIT $3",
        )
        .bind(office_id)
        .bind(since)
        .bind(limit)
        .fetch_all(pool)
        .await?);
        Ok(rows)
    }

    /// The calls of one ticket, first to last: `(desk, called_at)`.
    pub async fn calls_of_ticket(&self, ticket_id: &str) -> Result<Vec<(String, i64)>> {
        let rows = on!(self, pool => sqlx::query_as(
            "SELECT desk, called_at FROM ticket_calls WHERE ticket_id = $1 ORDER BY n",
        )
        .bind(ticket_id)
        .fetch_all(pool)
        .await?);
        Ok(rows)
    }

    /// How long a counter's tickets finished since `since` took, measured and planned.
    pub async fn handling(
        &self,
        office_id: &str,
        counter_id: &str,
        since: i64,
    ) -> Result<Handling> {
        let (tickets, seconds, planned): (i64, i64, i64) = on!(self, pool => sqlx::query_as(
            "SELECT CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(handling_seconds), 0) AS BIGINT), \
             CAST(COALESCE(SUM(planned_minutes), 0) AS BIGINT) FROM tickets \
             WHERE office_id = $1 AND counter_id = $2 AND state = 'done' AND finished_at >= $3 AND handling_seconds > 0",
        )
        .bind(office_id)
        .bind(counter_id)
        .bind(since)
        .fetch_one(pool)
        .await?);
        Ok(Handling {
            tickets,
            seconds,
            planned_minutes: planned,
        })
    }

    /// An active booking of an office by its code.
    pub async fn booking_by_code(&self, office_id: &str, code: &str) -> Result<Option<BookingRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM bookings WHERE office_id = $1 AND code = $2 \
             AND status IN ('pending', 'confirmed', 'checked_in', 'called')"
        );
        let row = on!(self, pool => sqlx::query_as(&sql).bind(office_id).bind(code).fetch_optional(pool).await?);
        Ok(row)
    }

    /// Any booking of an office that ever had this code, newest first (to tell
    /// "already done" or "cancelled" from "unknown").
    pub async fn booking_by_code_any(
        &self,
        office_id: &str,
        code: &str,
    ) -> Result<Option<BookingRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM bookings WHERE office_id = $1 AND code = $2 ORDER BY start_at DESC LIMIT 1"
        );
        let row = on!(self, pool => sqlx::query_as(&sql).bind(office_id).bind(code).fetch_optional(pool).await?);
        Ok(row)
    }

    /// Confirmed bookings of an office that start before `before` (the start of
    /// the office's day) and were never checked in become `no_show`, at most
    /// `limit`, each with its audit entry. Returns how many.
    pub async fn mark_no_shows(
        &self,
        office_id: &str,
        before: i64,
        now: i64,
        limit: i64,
    ) -> Result<u64> {
        let due: Vec<String> = on!(self, pool => sqlx::query_scalar(
            "SELECT id FROM bookings WHERE office_id = $1 AND status = 'confirmed' AND start_at < $2 ORDER BY start_at LIMIT $3",
        )
        .bind(office_id)
        .bind(before)
        .bind(limit)
        .fetch_all(pool)
        .await?);
        let mut n = 0;
        for id in &due {
            let changed = in_tx!(self, tx => {
                // The status condition keeps a check-in on another instance safe.
                let changed = sqlx::query("UPDATE bookings SET status = 'no_show' WHERE id = $1 AND status = 'confirmed'")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if changed == 1 {
                    let entry = NewAudit {
                        booking_id: Some(id.clone()),
                        ..NewAudit::new(Some(office_id), "no_show")
                    }
                    .detail("never checked in");
                    audit!(tx, &Actor::system(), &entry, now);
                }
                changed
            });
            n += changed;
        }
        Ok(n)
    }

    /// Close the tickets of days before `today` that were still open when
    /// their day ended: one at a desk (serving, parked) is done, one waiting
    /// or called was not served (`no_show`); their bookings follow. Up to
    /// `limit` at a time; returns how many.
    pub async fn close_past_tickets(
        &self,
        office_id: &str,
        today: &str,
        now: i64,
        limit: i64,
    ) -> Result<u64> {
        let due: Vec<(String, String)> = on!(self, pool => sqlx::query_as(
            "SELECT id, number FROM tickets WHERE office_id = $1 AND day < $2 \
             AND state IN ('waiting', 'back', 'transferred', 'called', 'serving', 'parked') ORDER BY day, id LIMIT $3",
        )
        .bind(office_id)
        .bind(today)
        .bind(limit)
        .fetch_all(pool)
        .await?);
        let mut n = 0;
        for (id, number) in &due {
            n += in_tx!(self, tx => {
                let closed: Option<(Option<String>, String)> = sqlx::query_as(
                    "UPDATE tickets SET \
                       state = CASE WHEN state IN ('serving', 'parked') THEN 'done' ELSE 'no_show' END, \
                       finished_at = CASE WHEN state IN ('serving', 'parked') THEN COALESCE(serving_since, started_at, $2) ELSE finished_at END, \
                       serving_since = NULL, version = version + 1 \
                     WHERE id = $1 AND state IN ('waiting', 'back', 'transferred', 'called', 'serving', 'parked') \
                     RETURNING booking_id, state",
                )
                .bind(id)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?;
                match closed {
                    // Closed meanwhile by another instance: nothing to do.
                    None => 0,
                    Some((booking, state)) => {
                        if let Some(b) = &booking {
                            sqlx::query("UPDATE bookings SET status = $2 WHERE id = $1 AND status IN ('checked_in', 'called')")
                                .bind(b)
                                .bind(&state)
                                .execute(&mut *tx)
                                .await?;
                        }
                        let entry = NewAudit {
                            ticket_id: Some(id.clone()),
                            ticket_number: Some(number.clone()),
                            booking_id: booking,
                            ..NewAudit::new(Some(office_id), "day_closed")
                        }
                        .detail(state);
                        audit!(tx, &Actor::system(), &entry, now);
                        1
                    }
                }
            });
        }
        Ok(n)
    }

    /// Active bookings without a code (made before there were codes): up to `limit`.
    pub async fn bookings_without_code(&self, limit: i64) -> Result<Vec<(String, String)>> {
        let rows = on!(self, pool => sqlx::query_as(
            "SELECT id, office_id FROM bookings WHERE code IS NULL \
             AND status IN ('pending', 'confirmed', 'checked_in', 'called') LIMIT $1",
        )
        .bind(limit)
        .fetch_all(pool)
        .await?);
        Ok(rows)
    }

    /// Give a booking without a code this one; [`Conflict::CodeTaken`] if an
    /// active booking of its office has it.
    pub async fn set_booking_code(&self, id: &str, code: &str) -> Result<()> {
        let done: Result<()> = async {
            in_tx!(self, tx => {
                sqlx::query("UPDATE bookings SET code = $2 WHERE id = $1 AND code IS NULL")
                    .bind(id)
                    .bind(code)
                    .execute(&mut *tx)
                    .await?;
            });
            Ok(())
        }
        .await;
        match done {
            Err(StoreError::Database(e)) => Err(super::bookings::to_conflict(e)),
            other => other,
        }
    }

    /// Raise an emergency alert from a desk of an office.
    pub async fn raise_alert(
        &self,
        id: &str,
        office_id: &str,
        desk: &str,
        actor: &Actor,
        now: i64,
    ) -> Result<AlertRow> {
        let row = in_tx!(self, tx => {
            let row: AlertRow = sqlx::query_as(&format!(
                "INSERT INTO alerts (id, office_id, desk, raised_by, raised_at) VALUES ($1, $2, $3, $4, $5) RETURNING {ALERT_COLUMNS}"
            ))
            .bind(id)
            .bind(office_id)
            .bind(desk)
            .bind(&actor.label)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let entry = NewAudit::new(Some(office_id), "alert").detail(format!("desk {desk}"));
            audit!(tx, actor, &entry, now);
            row
        });
        Ok(row)
    }

    /// The open alerts of an office, oldest first.
    pub async fn open_alerts(&self, office_id: &str) -> Result<Vec<AlertRow>> {
        let rows = on!(self, pool => sqlx::query_as(&format!(
            "SELECT {ALERT_COLUMNS} FROM alerts WHERE office_id = $1 AND answered_at IS NULL ORDER BY raised_at, id"
        ))
        .bind(office_id)
        .fetch_all(pool)
        .await?);
        Ok(rows)
    }

    /// Answer an open alert "coming"; the first answer closes it. An alert
    /// answered already is [`Conflict::State`], one of another office not found.
    pub async fn answer_alert(
        &self,
        office_id: &str,
        id: &str,
        actor: &Actor,
        now: i64,
    ) -> Result<AlertRow> {
        let row = in_tx!(self, tx => {
            let row: Option<AlertRow> = sqlx::query_as(&format!(
                "UPDATE alerts SET answered_by = $3, answered_at = $4 WHERE id = $1 AND office_id = $2 \
                 AND answered_at IS NULL RETURNING {ALERT_COLUMNS}"
            ))
            .bind(id)
            .bind(office_id)
            .bind(&actor.label)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(row) = row else {
                let exists: Option<String> = sqlx::query_scalar("SELECT id FROM alerts WHERE id = $1 AND office_id = $2")
                    .bind(id)
                    .bind(office_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                return Err(match exists {
                    Some(_) => StoreError::Conflict(Conflict::State),
                    None => StoreError::NotFound,
                });
            };
            let entry = NewAudit::new(Some(office_id), "alert_answered").detail(format!("desk {}", row.desk));
            audit!(tx, actor, &entry, now);
            row
        });
        Ok(row)
    }
}
