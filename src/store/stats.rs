//! The facts statistics are made of: per booking and per ticket, times,
//! states and counts, never a name, an address or a code. Erasing personal
//! data (rule 8) leaves every one of them as it was.

use super::{on, Result, Store};

/// A booking as statistics see it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct BookingFact {
    pub counter_id: String,
    pub services: String,
    pub persons: i64,
    pub start_at: i64,
    pub end_at: i64,
    pub created_at: i64,
    pub status: String,
    pub confirmed_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    /// `citizen` or `office`, for a cancelled booking.
    pub cancelled_by: Option<String>,
}

/// A ticket as statistics see it: its kind, state and recorded times.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TicketFact {
    pub day: String,
    pub counter_id: String,
    pub kind: String,
    pub services: String,
    pub persons: i64,
    pub planned_minutes: i64,
    pub appointment_at: Option<i64>,
    pub state: String,
    pub waiting_seconds: Option<i64>,
    pub handling_seconds: i64,
    pub handled_services: Option<String>,
    pub handled_persons: Option<i64>,
}

impl Store {
    /// The office's bookings whose appointment or whose making falls in `[from, to)`.
    pub async fn booking_facts(
        &self,
        office_id: &str,
        from: i64,
        to: i64,
    ) -> Result<Vec<BookingFact>> {
        let sql = "SELECT counter_id, services, persons, start_at, end_at, created_at, status, confirmed_at, cancelled_at, cancelled_by \
                   FROM bookings WHERE office_id = $1 AND ((start_at >= $2 AND start_at < $3) OR (created_at >= $2 AND created_at < $3))";
        let rows = on!(self, pool => sqlx::query_as(sql).bind(office_id).bind(from).bind(to).fetch_all(pool).await?);
        Ok(rows)
    }

    /// The office's tickets of the days `from..=to` (`YYYY-MM-DD`, the office's dates).
    pub async fn ticket_facts(
        &self,
        office_id: &str,
        from: &str,
        to: &str,
    ) -> Result<Vec<TicketFact>> {
        let sql = "SELECT day, counter_id, kind, services, persons, planned_minutes, appointment_at, state, \
                   waiting_seconds, handling_seconds, handled_services, handled_persons \
                   FROM tickets WHERE office_id = $1 AND day >= $2 AND day <= $3";
        let rows = on!(self, pool => sqlx::query_as(sql).bind(office_id).bind(from).bind(to).fetch_all(pool).await?);
        Ok(rows)
    }
}
