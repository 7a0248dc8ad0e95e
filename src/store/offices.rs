//! Offices and their plans: the validated definition stored as JSON with a
//! revision, every saved change as a plan revision, and the transaction that
//! moves or cancels the bookings a smaller plan leaves without a desk.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;

use super::audit::audit;
use super::bookings::{release, retrying, to_conflict, CELLS_CONFLICT, COLUMNS, NO_LONGER_OWED};
use super::holds::{counted, drop_open_hold, recount, Counted, HOLD_COLUMNS};
use super::outbox::enqueue;
use super::{
    in_tx, on, Actor, BookingRow, Conflict, HoldRow, NewAudit, NewMail, Result, Store, StoreError,
};
use crate::domain::plan::{self, Placed};
use crate::domain::Office;

const ACTIVE: &str = "status IN ('pending', 'confirmed', 'checked_in', 'called')";

/// What to do with a booking a plan change leaves without a desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// To the nearest free time, on the same day first.
    Move,
    Cancel,
}

/// A change of one office's plan, about to be saved.
pub struct PlanChange<'a> {
    /// The office as it will be, dates of effect already applied.
    pub office: &'a Office,
    /// The revision the change was made against: saving is refused
    /// ([`Conflict::StalePlan`]) when the plan changed since.
    pub base_revision: i64,
    pub effective_from: Option<NaiveDate>,
    pub actor: &'a Actor,
    pub note: &'a str,
    pub now: i64,
    /// What the head decided for a booking left without a desk, by its id.
    pub decide: &'a (dyn Fn(&str) -> Option<Decision> + Sync),
    /// The mails a booking moved or cancelled this way is owed (after the
    /// change), with its secret for the manage link where the outbox still has it.
    pub mails: &'a MailsOwed<'a>,
}

/// The mails of a booking moved or cancelled by a plan change: the booking as
/// it is after, what was done, and its manage secret if the outbox still has it.
pub type MailsOwed<'a> = dyn Fn(&BookingRow, Decision, Option<&str>) -> Vec<NewMail> + Sync + 'a;

/// What saving a plan came to.
#[derive(Debug, Clone)]
pub enum PlanOutcome {
    Saved {
        revision: i64,
        moved: Vec<BookingRow>,
        cancelled: Vec<BookingRow>,
    },
    /// Bookings would lose their desk and not all of them have a decision:
    /// nothing was saved. Every such booking, in time order.
    Stranded(Vec<BookingRow>),
    /// Bookings to be moved for which the new plan has no free time: nothing was saved.
    NoFreeTime(Vec<BookingRow>),
}

/// One saved change of a plan.
#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct PlanRevision {
    pub office_id: String,
    pub revision: i64,
    #[serde(skip)]
    pub definition: String,
    pub effective_from: Option<String>,
    pub actor: String,
    pub actor_label: String,
    pub note: String,
    pub moved: i64,
    pub cancelled: i64,
    pub created_at: i64,
}

impl PlanRevision {
    pub fn office(&self) -> Result<Office> {
        serde_json::from_str(&self.definition).map_err(|e| StoreError::Corrupt(e.to_string()))
    }
}

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

fn placed_booking(b: &BookingRow) -> Placed {
    Placed {
        id: b.id.clone(),
        counter: b.counter_id.clone(),
        services: b.service_ids().iter().map(|s| s.to_string()).collect(),
        persons: u32::try_from(b.persons).unwrap_or(1),
        start: at(b.start_at),
        end: at(b.end_at),
    }
}

fn placed_hold(h: &HoldRow) -> Placed {
    Placed {
        id: h.id.clone(),
        counter: h.counter_id.clone(),
        services: h.service_ids().iter().map(|s| s.to_string()).collect(),
        persons: u32::try_from(h.persons).unwrap_or(1),
        start: at(h.start_at),
        end: at(h.end_at),
    }
}

/// Inside `$tx`: take the locks of a plan change, then read what takes the
/// office's capacity from `$now` on and see what `$office` makes of it.
/// Evaluates to `(old office, bookings, holds, taken, stranded bookings, stranded holds)`;
/// bookings under way (started, or checked in) are never stranded.
macro_rules! weigh_plan {
    ($store:expr, $tx:expr, $office:expr, $now:expr) => {
        weigh_plan!($store, $tx, $office, $now, true)
    };
    ($store:expr, $tx:expr, $office:expr, $now:expr, $lock:expr) => {{
        let office: &Office = $office;
        if $lock && matches!($store, Store::Postgres(_)) {
            // dialect: one plan change at a time (EXCLUSIVE conflicts with itself), and none
            // while a booking is being written: SHARE on capacity_cells waits for every
            // booking statement in flight and holds new ones back until the change has
            // committed, so they take their snapshot after it and see the new revision.
            // Bookings lock tables in no other order, so this cannot deadlock with them.
            // SQLite has one writer.
            sqlx::query("LOCK TABLE offices IN EXCLUSIVE MODE").execute(&mut *$tx).await?;
            sqlx::query("LOCK TABLE capacity_cells IN SHARE MODE").execute(&mut *$tx).await?;
        }
        let old: Option<String> = sqlx::query_scalar("SELECT definition FROM offices WHERE id = $1")
            .bind(&office.id)
            .fetch_optional(&mut *$tx)
            .await?;
        let old: Option<Office> = old
            .map(|o| serde_json::from_str(&o).map_err(|e| StoreError::Corrupt(e.to_string())))
            .transpose()?;
        let bookings: Vec<BookingRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM bookings WHERE office_id = $1 AND end_at > $2 AND {ACTIVE} \
             ORDER BY CASE WHEN start_at <= $2 OR status IN ('checked_in', 'called') THEN 0 ELSE 1 END, created_at, id"
        ))
        .bind(&office.id)
        .bind($now)
        .fetch_all(&mut *$tx)
        .await?;
        // Open holds, also those run out but not yet given back: they still own cells.
        let holds: Vec<HoldRow> = sqlx::query_as(&format!(
            "SELECT {HOLD_COLUMNS} FROM holds WHERE office_id = $1 AND booking_id IS NULL ORDER BY created_at, id"
        ))
        .bind(&office.id)
        .fetch_all(&mut *$tx)
        .await?;
        // A counter keeps its grid, and the office its time zone and arrival
        // windows, while bookings to come rely on them: their cells would not line up.
        let moved_clock = old.as_ref().is_some_and(|old| {
            old.timezone != office.timezone
                || old.arrivals.map(|a| a.per_minutes) != office.arrivals.map(|a| a.per_minutes)
        });
        let grids = bookings
            .iter()
            .map(|b| (&b.counter_id, b.grid_seconds))
            .chain(holds.iter().map(|h| (&h.counter_id, h.grid_seconds)));
        let mut regridded = false;
        for (counter, grid) in grids {
            if let Some(c) = office.counter(counter) {
                regridded |= i64::from(c.grid_minutes) * 60 != grid;
            }
        }
        if regridded || (moved_clock && !(bookings.is_empty() && holds.is_empty())) {
            return Err(StoreError::Conflict(Conflict::PlanInUse));
        }
        let mut placed: Vec<Placed> = bookings.iter().map(placed_booking).collect();
        placed.extend(holds.iter().map(placed_hold));
        let (taken, stranded) = plan::place(office, &placed);
        let under_way = |b: &BookingRow| b.start_at <= $now || !matches!(b.status.as_str(), "pending" | "confirmed");
        let stranded_bookings: Vec<BookingRow> = stranded
            .iter()
            .filter_map(|&i| bookings.get(i))
            .filter(|b| !under_way(b))
            .cloned()
            .collect();
        let stranded_holds: Vec<HoldRow> = stranded
            .iter()
            .filter_map(|&i| i.checked_sub(bookings.len()).and_then(|i| holds.get(i)))
            .cloned()
            .collect();
        (old, placed, taken, stranded_bookings, stranded_holds)
    }};
}

/// Inside `$tx`: write `$office` as the next revision, with its plan revision row.
macro_rules! write_office {
    ($tx:expr, $office:expr, $now:expr, $actor:expr, $note:expr, $from:expr, $moved:expr, $cancelled:expr) => {{
        let office: &Office = $office;
        let actor: &Actor = $actor;
        let json = serde_json::to_string(office).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let revision: i64 = sqlx::query_scalar("SELECT CAST(COALESCE(MAX(revision), 0) + 1 AS BIGINT) FROM offices")
            .fetch_one(&mut *$tx)
            .await?;
        let old_grids: Option<String> = sqlx::query_scalar("SELECT definition FROM offices WHERE id = $1")
            .bind(&office.id)
            .fetch_optional(&mut *$tx)
            .await?;
        let old: Option<Office> = old_grids.and_then(|o| serde_json::from_str(&o).ok());
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
                    .bind($now)
                    .execute(&mut *$tx)
                    .await?;
            }
        }
        sqlx::query(
            "INSERT INTO offices (id, definition, revision, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, \
             revision = excluded.revision, updated_at = excluded.updated_at",
        )
        .bind(&office.id)
        .bind(&json)
        .bind(revision)
        .bind($now)
        .execute(&mut *$tx)
        .await?;
        let from: Option<NaiveDate> = $from;
        sqlx::query(
            "INSERT INTO plan_revisions (office_id, revision, definition, effective_from, actor, actor_label, note, moved, cancelled, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&office.id)
        .bind(revision)
        .bind(&json)
        .bind(from.map(|d| d.to_string()))
        .bind(&actor.id)
        .bind(&actor.label)
        .bind($note)
        .bind($moved)
        .bind($cancelled)
        .bind($now)
        .execute(&mut *$tx)
        .await?;
        revision
    }};
}

impl Store {
    /// Create or update offices from an office file, all or none. Bookings to
    /// come keep what they rely on: a change that would leave one without a
    /// desk, a counter that changes its grid, an office that changes its time zone
    /// or arrival window while bookings exist is refused ([`Conflict::PlanInUse`]);
    /// the plan editor and the plan API decide for such bookings
    /// ([`Store::save_plan`]). Open holds the new plan has no room for are
    /// given back. Bookings wait while an import writes, and a booking computed
    /// from the plan before it is refused ([`Conflict::StalePlan`]) and computed again.
    pub async fn save_offices(&self, offices: &[Office], now: i64) -> Result<()> {
        let actor = Actor::cli();
        retrying(|| async {
            in_tx!(self, tx => {
                for office in offices {
                    let (_old, _placed, _taken, stranded, holds) = weigh_plan!(self, tx, office, now);
                    if !stranded.is_empty() {
                        return Err(StoreError::Conflict(Conflict::PlanInUse));
                    }
                    for h in &holds {
                        let _ = drop_open_hold!(self, tx, h);
                    }
                    write_office!(tx, office, now, &actor, "import", None, 0i64, 0i64);
                }
            });
            Ok(())
        })
        .await
    }

    /// Save a change of one office's plan, all or nothing, in one transaction
    /// that bookings wait for: bookings the new plan leaves without a desk are
    /// moved to the nearest free time or cancelled as decided, with their mails
    /// and an audit entry each, and open holds it has no room for are given
    /// back. Without a decision for every such booking, or with no free time
    /// for one to be moved, nothing is saved and the outcome says which.
    pub async fn save_plan(&self, change: &PlanChange<'_>) -> Result<PlanOutcome> {
        let office = change.office;
        let now = change.now;
        retrying(|| async {
            let out = in_tx!(self, tx => {
                let (_old, placed, mut taken, stranded, holds) = weigh_plan!(self, tx, office, now);
                // Read after the locks: no other change can come in between.
                let current_now: Option<i64> = sqlx::query_scalar("SELECT revision FROM offices WHERE id = $1")
                    .bind(&office.id)
                    .fetch_optional(&mut *tx)
                    .await?;
                if current_now != Some(change.base_revision) {
                    return Err(StoreError::Conflict(Conflict::StalePlan));
                }
                if stranded.iter().any(|b| (change.decide)(&b.id).is_none()) {
                    let mut all = stranded.clone();
                    all.sort_by_key(|b| (b.start_at, b.counter_id.clone()));
                    return Ok(PlanOutcome::Stranded(all));
                }
                // Where each booking to be moved goes, before anything is written.
                let mut homes = Vec::new();
                let mut homeless = Vec::new();
                for b in &stranded {
                    if (change.decide)(&b.id) != Some(Decision::Move) {
                        continue;
                    }
                    let p = placed.iter().find(|p| p.id == b.id).expect("placed");
                    match plan::new_home(office, p, at(now), &taken) {
                        Some((counter, claim)) => {
                            plan::take(&mut taken, &counter, &claim, p.persons);
                            homes.push((b.id.clone(), counter, claim));
                        }
                        None => homeless.push(b.clone()),
                    }
                }
                if !homeless.is_empty() {
                    return Ok(PlanOutcome::NoFreeTime(homeless));
                }
                for h in &holds {
                    let _ = drop_open_hold!(self, tx, h);
                }
                let (mut moved, mut cancelled) = (Vec::new(), Vec::new());
                for b in &stranded {
                    let token: Option<String> = sqlx::query_scalar(
                        "SELECT token FROM outbox WHERE booking_id = $1 AND token IS NOT NULL ORDER BY created_at LIMIT 1",
                    )
                    .bind(&b.id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    // Once its first mails are out, a booking's secret is kept only
                    // as a hash: a new one, so that this mail carries a working
                    // manage link (the links of the earlier mails end with it). A
                    // cancelled booking's mail has no link: its old ones still show it.
                    let decision = (change.decide)(&b.id).expect("decided");
                    let token = match token {
                        None if b.email.is_some() && decision == Decision::Move => {
                            let fresh = crate::secret::new_token();
                            sqlx::query("UPDATE bookings SET token_hash = $2 WHERE id = $1")
                                .bind(&b.id)
                                .bind(crate::secret::hash(&fresh))
                                .execute(&mut *tx)
                                .await?;
                            Some(fresh)
                        }
                        token => token,
                    };
                    let entry;
                    match homes.iter().find(|(id, _, _)| *id == b.id) {
                        None => {
                            let row: BookingRow = sqlx::query_as(&format!(
                                "UPDATE bookings SET status = 'cancelled', cancelled_at = $2, cancelled_by = 'office' \
                                 WHERE id = $1 RETURNING {COLUMNS}"
                            ))
                            .bind(&b.id)
                            .bind(now)
                            .fetch_one(&mut *tx)
                            .await?;
                            release!(self, tx, &row);
                            sqlx::query(NO_LONGER_OWED).bind(&b.id).bind(now).execute(&mut *tx).await?;
                            for m in (change.mails)(&row, decision, token.as_deref()) {
                                enqueue!(tx, &m, now);
                            }
                            entry = "plan.booking_cancelled";
                            cancelled.push(row);
                        }
                        Some((_, counter, claim)) => {
                            release!(self, tx, b, false);
                            let cells_sql = format!(
                                "INSERT INTO capacity_cells (office_id, counter_id, cell_at, capacity, booked) VALUES {} {CELLS_CONFLICT}",
                                (0..claim.cells.len())
                                    .map(|i| format!("($1, $2, ${}, ${}, 1)", 3 + 2 * i, 4 + 2 * i))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            );
                            let mut cells = sqlx::query(&cells_sql).bind(&office.id).bind(counter);
                            for &(cell, capacity) in &claim.cells {
                                cells = cells.bind(cell).bind(i64::from(capacity));
                            }
                            cells.execute(&mut *tx).await.map_err(to_conflict)?;
                            sqlx::query(
                                "INSERT INTO arrival_cells (office_id, window_at, capacity, arrivals) VALUES ($1, $2, $3, $4) \
                                 ON CONFLICT (office_id, window_at) DO UPDATE \
                                 SET arrivals = arrival_cells.arrivals + excluded.arrivals, capacity = excluded.capacity",
                            )
                            .bind(&office.id)
                            .bind(claim.arrival_window)
                            .bind(i64::from(claim.arrival_cap))
                            .bind(b.persons)
                            .execute(&mut *tx)
                            .await
                            .map_err(to_conflict)?;
                            // The mail of the move carries the calendar entry that replaces the old one.
                            let row: BookingRow = sqlx::query_as(&format!(
                                "UPDATE bookings SET counter_id = $2, start_at = $3, end_at = $4, grid_seconds = $5, \
                                 arrival_window = $6, calendar_sent = 1 WHERE id = $1 RETURNING {COLUMNS}"
                            ))
                            .bind(&b.id)
                            .bind(counter)
                            .bind(claim.start.timestamp())
                            .bind(claim.end.timestamp())
                            .bind(claim.grid_seconds)
                            .bind(claim.arrival_window)
                            .fetch_one(&mut *tx)
                            .await?;
                            sqlx::query(
                                "DELETE FROM outbox WHERE booking_id = $1 AND kind IN ('reminder', 'moved') AND status = 'pending' \
                                 AND (lease_until IS NULL OR lease_until <= $2)",
                            )
                            .bind(&b.id)
                            .bind(now)
                            .execute(&mut *tx)
                            .await?;
                            for m in (change.mails)(&row, decision, token.as_deref()) {
                                enqueue!(tx, &m, now);
                            }
                            entry = "plan.booking_moved";
                            moved.push(row);
                        }
                    }
                    let mut audit_entry = NewAudit::new(Some(&office.id), entry);
                    audit_entry.booking_id = Some(b.id.clone());
                    audit!(tx, change.actor, &audit_entry, now);
                }
                let revision = write_office!(
                    tx,
                    office,
                    now,
                    change.actor,
                    change.note,
                    change.effective_from,
                    moved.len() as i64,
                    cancelled.len() as i64
                );
                let detail = format!("revision {revision}: {} moved, {} cancelled", moved.len(), cancelled.len());
                audit!(tx, change.actor, &NewAudit::new(Some(&office.id), "plan.saved").detail(detail), now);
                PlanOutcome::Saved { revision, moved, cancelled }
            });
            Ok(out)
        })
        .await
    }

    /// The bookings `office` as a new plan would leave without a desk, in time
    /// order; nothing is written. (Bookings may come or go before the change is
    /// saved: saving decides again.)
    pub async fn plan_conflicts(&self, office: &Office, now: i64) -> Result<Vec<BookingRow>> {
        let mut stranded = on!(self, pool => {
            let mut tx = pool.begin().await?;
            let (_old, _placed, _taken, stranded, _holds) = weigh_plan!(self, tx, office, now, false);
            tx.rollback().await?;
            stranded
        });
        stranded.sort_by_key(|b| (b.start_at, b.counter_id.clone()));
        Ok(stranded)
    }

    /// The saved changes of an office's plan, newest first, at most `limit`.
    pub async fn plan_revisions(&self, office_id: &str, limit: i64) -> Result<Vec<PlanRevision>> {
        let rows = on!(self, pool => sqlx::query_as(
            "SELECT office_id, revision, definition, effective_from, actor, actor_label, note, moved, cancelled, created_at \
             FROM plan_revisions WHERE office_id = $1 ORDER BY revision DESC LIMIT $2",
        )
        .bind(office_id)
        .bind(limit)
        .fetch_all(pool)
        .await?);
        Ok(rows)
    }

    /// One saved change of an office's plan.
    pub async fn plan_revision(&self, office_id: &str, revision: i64) -> Result<PlanRevision> {
        let row = on!(self, pool => sqlx::query_as(
            "SELECT office_id, revision, definition, effective_from, actor, actor_label, note, moved, cancelled, created_at \
             FROM plan_revisions WHERE office_id = $1 AND revision = $2",
        )
        .bind(office_id)
        .bind(revision)
        .fetch_optional(pool)
        .await?);
        row.ok_or(StoreError::NotFound)
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
