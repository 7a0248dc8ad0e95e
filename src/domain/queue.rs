//! The day's queue as the product defines it: ticket states and what each allows, the order
//! in which tickets are called, the check-in window, walk-in capacity and the expected wait.
//!
//! The store keeps the call order in SQL (the database decides who is next, rule 4); the
//! [`call_rank`] here is the same rule in Rust, for the queue as shown and for tests.

use chrono::{DateTime, Duration, NaiveDate, Timelike, Utc};
use serde::{Deserialize, Serialize};

use super::office::{Counter, Office, QueueRules};
use super::schedule::office_closed;
use super::Weekday;

/// How near its time an appointment counts as due: it is called before walk-ins.
pub const DUE_WITHIN_SECONDS: i64 = 120;

/// Where a ticket is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketState {
    /// In the queue since check-in or the walk-in ticket.
    Waiting,
    /// Shown on the display with a desk; `calls` says how often.
    Called,
    /// At the desk.
    Serving,
    Done,
    /// Called, and the clerk found nobody came.
    NoShow,
    /// Called `max_calls` times without coming.
    Missed,
    /// Returned to the queue (waits again, at its place by arrival).
    Back,
    /// Sent to another counter's queue (waits there, at its place by arrival).
    Transferred,
    /// Set aside while being served (a photo to fetch, a form to fill in);
    /// it stays with its desk and is started again there.
    Parked,
}

impl TicketState {
    pub const ALL: [TicketState; 9] = [
        TicketState::Waiting,
        TicketState::Called,
        TicketState::Serving,
        TicketState::Done,
        TicketState::NoShow,
        TicketState::Missed,
        TicketState::Back,
        TicketState::Transferred,
        TicketState::Parked,
    ];

    /// The states in which a ticket waits in a queue to be called.
    pub const WAITING: [TicketState; 3] = [
        TicketState::Waiting,
        TicketState::Back,
        TicketState::Transferred,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TicketState::Waiting => "waiting",
            TicketState::Called => "called",
            TicketState::Serving => "serving",
            TicketState::Done => "done",
            TicketState::NoShow => "no_show",
            TicketState::Missed => "missed",
            TicketState::Back => "back",
            TicketState::Transferred => "transferred",
            TicketState::Parked => "parked",
        }
    }

    pub fn parse(s: &str) -> Option<TicketState> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn waits(self) -> bool {
        Self::WAITING.contains(&self)
    }

    /// Over: nothing more happens to the ticket but going back to the queue.
    pub fn closed(self) -> bool {
        matches!(
            self,
            TicketState::Done | TicketState::NoShow | TicketState::Missed
        )
    }
}

/// What a clerk does with one ticket (`POST …/tickets/{ticket}/{action}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Call again (after `recall_minutes`); after `max_calls` calls it is missed.
    Recall,
    /// The person came: serving starts (or goes on after parking).
    Start,
    /// Served.
    Done,
    /// Called, nobody came.
    NoShow,
    /// Back to the queue.
    Back,
    /// Set aside while serving.
    Park,
    /// To another counter's queue.
    Transfer,
    /// Call first (the front desk marks it).
    Urgent,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::Recall,
        Action::Start,
        Action::Done,
        Action::NoShow,
        Action::Back,
        Action::Park,
        Action::Transfer,
        Action::Urgent,
    ];

    /// The name in URLs and the audit log.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Recall => "recall",
            Action::Start => "start",
            Action::Done => "done",
            Action::NoShow => "no-show",
            Action::Back => "back",
            Action::Park => "park",
            Action::Transfer => "transfer",
            Action::Urgent => "urgent",
        }
    }

    pub fn parse(s: &str) -> Option<Action> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// The states a ticket may be in for this action.
    pub fn allowed_from(self) -> &'static [TicketState] {
        use TicketState::*;
        match self {
            Action::Recall | Action::NoShow => &[Called],
            Action::Start => &[Called, Parked],
            Action::Done | Action::Park => &[Serving],
            Action::Back => &[Called, Serving, Parked, NoShow, Missed],
            Action::Transfer => &[Waiting, Back, Transferred, Called, Serving, Parked],
            Action::Urgent => &[Waiting, Back, Transferred],
        }
    }

    pub fn allowed(self, state: TicketState) -> bool {
        self.allowed_from().contains(&state)
    }
}

/// Whether a ticket comes from an appointment that was checked in in time, or
/// is a walk-in's (also an appointment's that came too late: it keeps its
/// booking and loses its priority).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketKind {
    Appointment,
    WalkIn,
}

impl TicketKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TicketKind::Appointment => "appointment",
            TicketKind::WalkIn => "walk_in",
        }
    }

    pub fn parse(s: &str) -> Option<TicketKind> {
        match s {
            "appointment" => Some(TicketKind::Appointment),
            "walk_in" => Some(TicketKind::WalkIn),
            _ => None,
        }
    }
}

/// Why a ticket is where it is in the call order (queue rule 2), first to last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    Urgent = 0,
    /// An appointment whose time is at most two minutes away.
    Due = 1,
    WalkIn = 2,
    /// An appointment checked in early, before it is due.
    Early = 3,
}

/// A waiting ticket's place in the call order at `now`: its rank, then the
/// instant that orders it within the rank (the appointment's time for
/// appointments, the arrival for the others), then its id. The store's
/// call-next query orders by the same expression.
pub fn call_rank(
    urgent: bool,
    kind: TicketKind,
    appointment_at: Option<i64>,
    queued_at: i64,
    now: i64,
) -> (Rank, i64) {
    let rank = match (urgent, kind, appointment_at) {
        (true, _, _) => Rank::Urgent,
        (false, TicketKind::Appointment, Some(at)) if at <= now + DUE_WITHIN_SECONDS => Rank::Due,
        (false, TicketKind::Appointment, Some(_)) => Rank::Early,
        _ => Rank::WalkIn,
    };
    let key = match (rank, appointment_at) {
        (Rank::Due | Rank::Early, Some(at)) => at,
        _ => queued_at,
    };
    (rank, key)
}

/// When an appointment at `at` may check in, by the office's queue rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// Before the window opens, at the instant given.
    TooEarly(DateTime<Utc>),
    OnTime,
    /// After the window: a walk-in that keeps its booking.
    Late,
}

pub fn arrival(rules: &QueueRules, appointment: DateTime<Utc>, now: DateTime<Utc>) -> Arrival {
    let opens = appointment - Duration::minutes(i64::from(rules.early_minutes));
    let closes = appointment + Duration::minutes(i64::from(rules.late_minutes));
    if now < opens {
        Arrival::TooEarly(opens)
    } else if now <= closes {
        Arrival::OnTime
    } else {
        Arrival::Late
    }
}

/// Desks staffed and desks bookable online on a counter, per minute of the
/// office's wall-clock day (a closed day has none).
pub fn staffing(office: &Office, counter: &Counter, date: NaiveDate) -> Vec<(u32, u32)> {
    let mut minutes = vec![(0u32, 0u32); 24 * 60];
    if office_closed(office, date) {
        return minutes;
    }
    let minute =
        |t: Option<chrono::NaiveTime>| t.map_or(24 * 60, |t| (t.hour() * 60 + t.minute()) as usize);
    let weekday = Weekday::of(date);
    for w in counter.hours.iter().filter(|w| w.days.contains(&weekday)) {
        for m in &mut minutes[minute(Some(w.from))..minute(w.to)] {
            *m = (w.desks, w.online);
        }
    }
    for ex in counter.exceptions.iter().filter(|e| e.date == date) {
        match (ex.from, ex.to) {
            // As in the slot plan: the whole day's windows with fewer desks.
            (None, None) => minutes
                .iter_mut()
                .filter(|m| m.0 > 0)
                .for_each(|m| *m = (ex.desks, ex.online)),
            (from, to) => {
                let (a, b) = (from.map_or(0, |t| minute(Some(t))), minute(to));
                for m in &mut minutes[a..b.max(a)] {
                    *m = (ex.desks, ex.online);
                }
            }
        }
    }
    minutes
}

fn local_minute(office: &Office, now: DateTime<Utc>) -> (NaiveDate, usize) {
    let local = now.with_timezone(&office.timezone);
    (
        local.date_naive(),
        (local.hour() * 60 + local.minute()) as usize,
    )
}

/// Desk-minutes left today on the counter's desks kept for walk-ins (those
/// not bookable online), from `now` until the counter closes.
///
/// A walk-in ticket is given while these cover the walk-ins already waiting
/// and the new one (see `queue::walk_in`): a walk-in desk serves the walk-ins
/// in the order they came, so a ticket the desks cannot reach before closing
/// would only send someone home after waiting.
pub fn walk_in_minutes_left(office: &Office, counter: &Counter, now: DateTime<Utc>) -> u32 {
    let (date, minute) = local_minute(office, now);
    staffing(office, counter, date)[minute..]
        .iter()
        .map(|(desks, online)| desks.saturating_sub(*online))
        .sum()
}

/// Desks staffed on the counter at `now`, by the plan (at least one, for estimates).
pub fn desks_now(office: &Office, counter: &Counter, now: DateTime<Utc>) -> u32 {
    let (date, minute) = local_minute(office, now);
    staffing(office, counter, date)[minute].0.max(1)
}

/// The expected wait as a range of minutes: the work ahead (in measured or,
/// lacking measurements, planned minutes) shared by the desks, give or take
/// a third, rounded to five minutes.
pub fn expected_wait(work_ahead_minutes: f64, desks: u32) -> (u32, u32) {
    let mid = work_ahead_minutes.max(0.0) / f64::from(desks.max(1));
    let lo = ((mid * 2.0 / 3.0) / 5.0).floor() * 5.0;
    let hi = ((mid * 4.0 / 3.0) / 5.0).ceil() * 5.0;
    let lo = lo as u32;
    (lo, (hi as u32).max(lo + 5))
}

/// The waiting time a statistic counts: from the later of check-in and the
/// appointment's time until the first call.
pub fn waiting_seconds(arrived_at: i64, appointment_at: Option<i64>, first_call: i64) -> i64 {
    (first_call - arrived_at.max(appointment_at.unwrap_or(i64::MIN))).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::officefile;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn call_order_is_urgent_due_walk_in_early() {
        let now = 10_000;
        let mut tickets = [
            (
                "early",
                call_rank(false, TicketKind::Appointment, Some(now + 600), 1, now),
            ),
            (
                "walk-in late",
                call_rank(false, TicketKind::WalkIn, None, 50, now),
            ),
            (
                "walk-in first",
                call_rank(false, TicketKind::WalkIn, None, 20, now),
            ),
            (
                "due",
                call_rank(false, TicketKind::Appointment, Some(now + 120), 90, now),
            ),
            (
                "overdue",
                call_rank(false, TicketKind::Appointment, Some(now - 60), 95, now),
            ),
            ("urgent", call_rank(true, TicketKind::WalkIn, None, 99, now)),
        ];
        tickets.sort_by_key(|(_, r)| *r);
        let order: Vec<&str> = tickets.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            order,
            [
                "urgent",
                "overdue",
                "due",
                "walk-in first",
                "walk-in late",
                "early"
            ]
        );
    }

    #[test]
    fn each_action_is_allowed_only_where_it_makes_sense() {
        assert!(Action::Start.allowed(TicketState::Called));
        assert!(Action::Start.allowed(TicketState::Parked));
        assert!(!Action::Start.allowed(TicketState::Waiting));
        assert!(!Action::Done.allowed(TicketState::Called));
        assert!(!Action::Done.allowed(TicketState::Done));
        assert!(Action::Back.allowed(TicketState::Missed));
        assert!(!Action::Recall.allowed(TicketState::Serving));
        for s in TicketState::ALL {
            assert_eq!(TicketState::parse(s.as_str()), Some(s));
        }
        for a in Action::ALL {
            assert_eq!(Action::parse(a.as_str()), Some(a));
        }
    }

    #[test]
    fn check_in_opens_early_and_late_arrivals_become_walk_ins() {
        let rules = QueueRules::default();
        let appointment = at("2026-12-01T09:00:00Z");
        assert_eq!(
            arrival(&rules, appointment, at("2026-12-01T08:29:00Z")),
            Arrival::TooEarly(at("2026-12-01T08:30:00Z"))
        );
        assert_eq!(
            arrival(&rules, appointment, at("2026-12-01T08:30:00Z")),
            Arrival::OnTime
        );
        assert_eq!(
            arrival(&rules, appointment, at("2026-12-01T09:10:00Z")),
            Arrival::OnTime
        );
        assert_eq!(
            arrival(&rules, appointment, at("2026-12-01T09:11:00Z")),
            Arrival::Late
        );
    }

    #[test]
    fn walk_in_capacity_is_the_desks_kept_from_online_booking_until_closing() {
        let office = officefile::parse(crate::DEMO_OFFICES).unwrap().remove(0);
        let stadtamt = office.counter("stadtamt").unwrap();
        // Tuesday 1 December 2026: 08:00–12:00 with 6 desks, 4 online; 13:00–15:30 with 4, 3 online.
        let morning = at("2026-12-01T07:00:00Z"); // 08:00 in Rostock
        assert_eq!(
            walk_in_minutes_left(&office, stadtamt, morning),
            2 * 240 + 150
        );
        let late = at("2026-12-01T14:00:00Z"); // 15:00
        assert_eq!(walk_in_minutes_left(&office, stadtamt, late), 30);
        assert_eq!(desks_now(&office, stadtamt, morning), 6);
        // Christmas Eve is closed.
        assert_eq!(
            walk_in_minutes_left(&office, stadtamt, at("2026-12-24T08:00:00Z")),
            0
        );
    }

    #[test]
    fn the_expected_wait_is_a_range_of_five_minute_steps() {
        assert_eq!(expected_wait(0.0, 2), (0, 5));
        assert_eq!(expected_wait(60.0, 2), (20, 40));
        assert_eq!(expected_wait(15.0, 1), (10, 20));
    }

    #[test]
    fn waiting_counts_from_the_appointment_when_checked_in_early() {
        assert_eq!(waiting_seconds(100, Some(400), 460), 60);
        assert_eq!(waiting_seconds(500, Some(400), 560), 60);
        assert_eq!(waiting_seconds(500, None, 530), 30);
    }
}
