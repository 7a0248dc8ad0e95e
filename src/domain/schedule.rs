//! Slot generation: from a counter's capacity plan and what is already taken to free start times.
//!
//! Everything here is a pure function of (office, counter, dates, now, occupancy), so it is
//! tested beside itself, daylight-saving days and holidays included.
//!
//! Capacity is counted in *cells*: one cell per counter and grid step, keyed by the UTC second
//! at which it starts. A booking takes every cell it covers; the store keeps `booked <= capacity`
//! per cell inside the booking transaction. A booking lies within one *segment* (a stretch of a
//! day with a constant number of online desks), which is what makes "at most `online` bookings
//! overlap at any instant" equivalent to "every booking fits on one desk end to end": bookings in
//! a segment are intervals, and intervals whose overlap never exceeds k can be laid on k desks.

use std::collections::HashMap;

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::holidays;
use super::office::{Counter, Office, Weekday};

/// Arrivals are counted in windows of this many minutes when an office sets no cap.
pub const DEFAULT_ARRIVAL_MINUTES: u32 = 15;
/// The arrival "cap" of an office without one: never reached.
pub const NO_ARRIVAL_CAP: u32 = 1_000_000;

/// A stretch of one day with a constant number of desks bookable online.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub online: u32,
}

/// A free start time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// How many more bookings of this size can start here.
    pub left: u32,
    /// Persons already expected to arrive in the same arrival window.
    pub arrivals: u32,
    /// Few arrivals expected: a good time to come.
    pub quiet: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    pub date: NaiveDate,
    pub slots: Vec<Slot>,
}

/// What is taken already: booked count per capacity cell of the counter, and
/// persons per arrival window of the office, both keyed by UTC seconds.
#[derive(Debug, Clone, Default)]
pub struct Occupancy {
    pub cells: HashMap<i64, u32>,
    pub arrivals: HashMap<i64, u32>,
}

/// The size of a request: minutes on one desk, and persons arriving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    pub minutes: u32,
    pub persons: u32,
}

/// Why a start time cannot be booked, whatever is taken already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartError {
    TooSoon,
    BeyondHorizon,
    Closed,
    OutsideHours,
    NotOnGrid,
}

/// The capacity a booking at a given start takes: its cells with the plan's
/// capacity, and its arrival window with the cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub grid_seconds: i64,
    pub cells: Vec<(i64, u32)>,
    pub arrival_window: i64,
    pub arrival_cap: u32,
}

/// The instant at which a wall-clock time happens on a date. `None` is the
/// midnight that ends the day. A time that does not exist (the hour skipped in
/// spring) means the first instant after the gap; a time that exists twice (the
/// hour repeated in autumn) means its first occurrence.
pub fn local_instant(tz: Tz, date: NaiveDate, time: Option<NaiveTime>) -> DateTime<Utc> {
    let naive = match time {
        Some(t) => date.and_time(t),
        None => (date + Duration::days(1)).and_time(NaiveTime::MIN),
    };
    resolve(tz, naive)
}

fn resolve(tz: Tz, naive: NaiveDateTime) -> DateTime<Utc> {
    let mut probe = naive;
    // Gaps are at most a few hours anywhere in the tz database; step over them a minute at a time.
    for _ in 0..(24 * 60) {
        match tz.from_local_datetime(&probe) {
            LocalResult::Single(t) => return t.with_timezone(&Utc),
            LocalResult::Ambiguous(first, _) => return first.with_timezone(&Utc),
            LocalResult::None => probe += Duration::minutes(1),
        }
    }
    Utc.from_utc_datetime(&naive)
}

/// Whether the office is closed all day: a custom closure, or a public holiday
/// of its state that it has not opened.
pub fn office_closed(office: &Office, date: NaiveDate) -> bool {
    office.closed.contains(&date)
        || (holidays::holiday(office.state, date).is_some() && !office.open.contains(&date))
}

/// Who staffs a counter on a date: `(from, to, desks, online)` in minutes of
/// the wall-clock day (0..=1440), in order, after the day's exceptions; nothing
/// on a day the office is closed.
pub fn staffing(office: &Office, counter: &Counter, date: NaiveDate) -> Vec<(u32, u32, u32, u32)> {
    if office_closed(office, date) {
        return Vec::new();
    }
    let weekday = Weekday::of(date);
    let mut plan: Vec<(u32, u32, (u32, u32))> = counter
        .hours
        .iter()
        .filter(|w| w.days.contains(&weekday) && w.in_force(date))
        .map(|w| {
            (
                minute_of(Some(w.from)),
                minute_of(w.to),
                (w.desks, w.online),
            )
        })
        .collect();
    plan.sort_unstable();
    for ex in counter.exceptions.iter().filter(|e| e.date == date) {
        let staff = (ex.desks, ex.online);
        match (ex.from, ex.to) {
            (None, None) => plan.iter_mut().for_each(|p| p.2 = staff),
            (from, to) => {
                let (a, b) = (from.map_or(0, |t| minute_of(Some(t))), minute_of(to));
                plan = overlay(&plan, a, b, staff);
            }
        }
    }
    plan.into_iter()
        .filter(|p| p.0 < p.1)
        .map(|(a, b, (desks, online))| (a, b, desks, online))
        .collect()
}

/// The segments of a counter on a date, in order.
pub fn day_segments(office: &Office, counter: &Counter, date: NaiveDate) -> Vec<Segment> {
    // Work in minutes of the wall-clock day (0..=1440), then map to instants.
    let mut merged: Vec<(u32, u32, u32)> = Vec::new();
    for (a, b, _, online) in staffing(office, counter, date)
        .into_iter()
        .filter(|p| p.3 > 0)
    {
        match merged.last_mut() {
            Some(last) if last.1 == a && last.2 == online => last.1 = b,
            _ => merged.push((a, b, online)),
        }
    }
    merged
        .into_iter()
        .map(|(a, b, online)| Segment {
            start: local_instant(office.timezone, date, time_of(a)),
            end: local_instant(office.timezone, date, time_of(b)),
            online,
        })
        .filter(|s| s.start < s.end)
        .collect()
}

fn minute_of(t: Option<NaiveTime>) -> u32 {
    use chrono::Timelike;
    t.map_or(24 * 60, |t| t.hour() * 60 + t.minute())
}

fn time_of(minute: u32) -> Option<NaiveTime> {
    (minute < 24 * 60)
        .then(|| NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).expect("minute of day"))
}

/// Replace the plan between minutes `a` and `b` by `staff` (desks, online).
fn overlay<T: Copy + Ord>(plan: &[(u32, u32, T)], a: u32, b: u32, staff: T) -> Vec<(u32, u32, T)> {
    let mut out = Vec::with_capacity(plan.len() + 2);
    for &(x, y, n) in plan {
        if x < a {
            out.push((x, y.min(a), n));
        }
        if y > b {
            out.push((x.max(b), y, n));
        }
    }
    out.push((a, b, staff));
    out.sort_unstable();
    out
}

/// The first and last date on which the office takes bookings at `now`.
pub fn booking_window(office: &Office, now: DateTime<Utc>) -> (NaiveDate, NaiveDate) {
    let local = now.with_timezone(&office.timezone);
    let today = local.date_naive();
    let mut last = today + Duration::days(i64::from(office.horizon_days));
    if let Some(release) = office.release_time {
        if local.time() < release {
            last -= Duration::days(1);
        }
    }
    (today, last)
}

/// The earliest instant that may be booked at `now`.
pub fn earliest_start(office: &Office, now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::minutes(i64::from(office.min_notice_minutes))
}

/// The arrival window a start falls in (aligned to the office's wall clock),
/// keyed by the UTC second it begins, and that window's cap.
pub fn arrival_window(office: &Office, start: DateTime<Utc>) -> (i64, u32) {
    use chrono::Timelike;
    let (per, cap) = match office.arrivals {
        Some(a) => (a.per_minutes, a.max),
        None => (DEFAULT_ARRIVAL_MINUTES, NO_ARRIVAL_CAP),
    };
    let local = start.with_timezone(&office.timezone);
    let into =
        i64::from((local.hour() * 60 + local.minute()) % per) * 60 + i64::from(local.second());
    (start.timestamp() - into, cap)
}

/// The capacity cells a booking from `start` to `end` covers.
pub fn cells(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    grid_minutes: u32,
) -> impl Iterator<Item = i64> {
    let step = i64::from(grid_minutes) * 60;
    (start.timestamp()..end.timestamp()).step_by(step as usize)
}

/// Free slots of a counter for a need, per date from `from` to `to` inclusive,
/// clipped to the booking window. Days without a free slot are listed empty.
pub fn availability(
    office: &Office,
    counter: &Counter,
    need: Need,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
    taken: &Occupancy,
) -> Vec<Day> {
    let (first, last) = booking_window(office, now);
    let earliest = earliest_start(office, now);
    let length = Duration::minutes(i64::from(need.minutes));
    let step = Duration::minutes(i64::from(counter.grid_minutes));
    let mut days = Vec::new();
    let mut date = from.max(first);
    while date <= to.min(last) {
        let mut slots = Vec::new();
        for seg in day_segments(office, counter, date) {
            let mut start = seg.start;
            while start + length <= seg.end {
                if start >= earliest {
                    if let Some(slot) =
                        free_at(office, counter, seg.online, need, start, length, taken)
                    {
                        slots.push(slot);
                    }
                }
                start += step;
            }
        }
        days.push(Day { date, slots });
        date += Duration::days(1);
    }
    days
}

fn free_at(
    office: &Office,
    counter: &Counter,
    online: u32,
    need: Need,
    start: DateTime<Utc>,
    length: Duration,
    taken: &Occupancy,
) -> Option<Slot> {
    let end = start + length;
    let mut left = online;
    for cell in cells(start, end, counter.grid_minutes) {
        let booked = taken.cells.get(&cell).copied().unwrap_or(0);
        left = left.min(online.saturating_sub(booked));
        if left == 0 {
            return None;
        }
    }
    let (window, cap) = arrival_window(office, start);
    let arrivals = taken.arrivals.get(&window).copied().unwrap_or(0);
    left = left.min(cap.saturating_sub(arrivals) / need.persons.max(1));
    let quiet = if cap == NO_ARRIVAL_CAP {
        arrivals == 0
    } else {
        arrivals * 4 <= cap
    };
    (left > 0).then_some(Slot {
        start,
        end,
        left,
        arrivals,
        quiet,
    })
}

/// Check that `start` is a start time the plan offers for a need, at `now`, and
/// say what capacity a booking there takes. Whether that capacity is still free
/// is for the store's transaction to decide.
pub fn claim(
    office: &Office,
    counter: &Counter,
    need: Need,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Claim, StartError> {
    let date = start.with_timezone(&office.timezone).date_naive();
    let (first, last) = booking_window(office, now);
    if start < earliest_start(office, now) || date < first {
        return Err(StartError::TooSoon);
    }
    if date > last {
        return Err(StartError::BeyondHorizon);
    }
    if office_closed(office, date) {
        return Err(StartError::Closed);
    }
    fit(office, counter, need, start)
}

/// The capacity a booking at `start` takes by the plan alone, whatever the
/// booking window says (the demo's appointments of today use this).
pub fn fit(
    office: &Office,
    counter: &Counter,
    need: Need,
    start: DateTime<Utc>,
) -> Result<Claim, StartError> {
    let date = start.with_timezone(&office.timezone).date_naive();
    let end = start + Duration::minutes(i64::from(need.minutes));
    let segments = day_segments(office, counter, date);
    if segments.is_empty() {
        return Err(StartError::Closed);
    }
    let seg = segments
        .iter()
        .find(|s| s.start <= start && end <= s.end)
        .ok_or(StartError::OutsideHours)?;
    let grid = i64::from(counter.grid_minutes) * 60;
    // Integer seconds: a leap second or a fraction would shift the cells off the grid.
    if start.timestamp_subsec_nanos() != 0
        || (start.timestamp() - seg.start.timestamp()) % grid != 0
    {
        return Err(StartError::NotOnGrid);
    }
    let (arrival_window, arrival_cap) = arrival_window(office, start);
    Ok(Claim {
        start,
        end,
        grid_seconds: grid,
        cells: cells(start, end, counter.grid_minutes)
            .map(|c| (c, seg.online))
            .collect(),
        arrival_window,
        arrival_cap,
    })
}

/// Up to `n` free slots nearest to `target`; among equally near ones, those
/// with fewer arrivals first, so that suggestions spread the flow.
pub fn nearest(days: &[Day], target: DateTime<Utc>, n: usize) -> Vec<Slot> {
    let mut all: Vec<Slot> = days.iter().flat_map(|d| d.slots.iter().copied()).collect();
    all.sort_by_key(|s| ((s.start - target).num_seconds().abs(), s.arrivals, s.start));
    all.truncate(n);
    all.sort_by_key(|s| s.start);
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::office::{ArrivalCap, Exception, Service, Text, Window};
    use crate::domain::State;

    fn t(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn window(days: &[Weekday], from: &str, to: &str, desks: u32, online: u32) -> Window {
        Window {
            days: days.to_vec(),
            from: t(from),
            to: if to == "24:00" { None } else { Some(t(to)) },
            desks,
            online,
            since: None,
            until: None,
        }
    }

    fn office(hours: Vec<Window>) -> Office {
        Office {
            id: "mitte".into(),
            name: "Bürgerbüro Mitte".into(),
            address: "Neuer Markt 3, 18055 Rostock".into(),
            timezone: chrono_tz::Europe::Berlin,
            state: State::MV,
            min_notice_minutes: 120,
            horizon_days: 56,
            release_time: None,
            confirm_within_minutes: 30,
            max_active_bookings_per_email: 2,
            hold_minutes: 10,
            reminder_hours: 24,
            arrivals: None,
            email: None,
            sender: None,
            closed: vec![],
            open: vec![],
            counters: vec![Counter {
                id: "stadtamt".into(),
                name: Text::plain("Stadtamt"),
                grid_minutes: 30,
                services: vec![Service {
                    id: "anmeldung".into(),
                    name: Text::plain("Wohnsitz anmelden"),
                    minutes: 30,
                    max_persons: 5,
                    bring: None,
                }],
                hours,
                exceptions: vec![],
                ticket_prefix: None,
            }],
            queue: Default::default(),
        }
    }

    fn local_starts(office: &Office, day: &Day) -> Vec<String> {
        day.slots
            .iter()
            .map(|s| {
                s.start
                    .with_timezone(&office.timezone)
                    .format("%H:%M%:z")
                    .to_string()
            })
            .collect()
    }

    fn one_day(office: &Office, date: &str, need: Need, taken: &Occupancy) -> Day {
        let now = at("2026-01-01T00:00:00Z");
        let mut o = office.clone();
        o.horizon_days = 400;
        availability(&o, &o.counters[0], need, d(date), d(date), now, taken).remove(0)
    }

    const HALF_HOUR: Need = Need {
        minutes: 30,
        persons: 1,
    };

    #[test]
    fn the_hour_skipped_in_spring_has_no_slots() {
        let o = office(vec![window(&Weekday::ALL, "00:00", "04:00", 1, 1)]);
        let day = one_day(&o, "2026-03-29", HALF_HOUR, &Occupancy::default());
        assert_eq!(
            local_starts(&o, &day),
            [
                "00:00+01:00",
                "00:30+01:00",
                "01:00+01:00",
                "01:30+01:00",
                "03:00+02:00",
                "03:30+02:00"
            ]
        );
    }

    #[test]
    fn the_hour_repeated_in_autumn_is_bookable_twice() {
        let o = office(vec![window(&Weekday::ALL, "00:00", "04:00", 1, 1)]);
        let day = one_day(&o, "2026-10-25", HALF_HOUR, &Occupancy::default());
        assert_eq!(
            day.slots.len(),
            10,
            "five real hours: {:?}",
            local_starts(&o, &day)
        );
        let starts = local_starts(&o, &day);
        assert!(starts.contains(&"02:30+02:00".to_string()));
        assert!(starts.contains(&"02:30+01:00".to_string()));
        assert_eq!(day.slots.last().unwrap().end, at("2026-10-25T03:00:00Z"));
    }

    #[test]
    fn a_window_that_starts_in_the_missing_hour_starts_when_it_ends() {
        let o = office(vec![window(&Weekday::ALL, "02:30", "03:30", 1, 1)]);
        let segs = day_segments(&o, &o.counters[0], d("2026-03-29"));
        assert_eq!(
            segs,
            [Segment {
                start: at("2026-03-29T01:00:00Z"),
                end: at("2026-03-29T01:30:00Z"),
                online: 1
            }]
        );
    }

    #[test]
    fn office_hours_on_a_dst_day_are_wall_clock_hours() {
        let o = office(vec![window(&Weekday::ALL, "08:00", "12:00", 2, 2)]);
        let spring = day_segments(&o, &o.counters[0], d("2026-03-29"));
        assert_eq!(spring[0].start, at("2026-03-29T06:00:00Z"));
        let autumn = day_segments(&o, &o.counters[0], d("2026-10-25"));
        assert_eq!(autumn[0].start, at("2026-10-25T07:00:00Z"));
        assert_eq!(autumn[0].end - autumn[0].start, Duration::hours(4));
    }

    #[test]
    fn public_holidays_of_the_state_are_closed_unless_opened() {
        let mut o = office(vec![window(&Weekday::ALL, "08:00", "12:00", 2, 2)]);
        // Reformationstag is a holiday in MV, not in Bavaria.
        assert!(day_segments(&o, &o.counters[0], d("2026-10-31")).is_empty());
        o.state = State::BY;
        assert!(!day_segments(&o, &o.counters[0], d("2026-10-31")).is_empty());
        o.state = State::MV;
        o.open.push(d("2026-10-31"));
        assert!(!day_segments(&o, &o.counters[0], d("2026-10-31")).is_empty());
        o.closed.push(d("2026-11-02"));
        assert!(day_segments(&o, &o.counters[0], d("2026-11-02")).is_empty());
    }

    #[test]
    fn full_cells_leave_no_slot_and_partly_full_ones_fewer_places() {
        let o = office(vec![window(&[Weekday::Mon], "08:00", "09:00", 3, 2)]);
        let mut taken = Occupancy::default();
        taken
            .cells
            .insert(at("2026-11-30T07:00:00Z").timestamp(), 2);
        taken
            .cells
            .insert(at("2026-11-30T07:30:00Z").timestamp(), 1);
        let day = one_day(&o, "2026-11-30", HALF_HOUR, &taken);
        assert_eq!(day.slots.len(), 1);
        assert_eq!(day.slots[0].start, at("2026-11-30T07:30:00Z"));
        assert_eq!(day.slots[0].left, 1);
        let hour = one_day(
            &o,
            "2026-11-30",
            Need {
                minutes: 60,
                persons: 2,
            },
            &taken,
        );
        assert!(hour.slots.is_empty());
    }

    #[test]
    fn a_booking_never_spans_two_segments_with_different_desks() {
        let o = office(vec![
            window(&[Weekday::Mon], "08:00", "09:00", 2, 2),
            window(&[Weekday::Mon], "09:00", "10:00", 1, 1),
        ]);
        let day = one_day(
            &o,
            "2026-11-30",
            Need {
                minutes: 60,
                persons: 1,
            },
            &Occupancy::default(),
        );
        assert_eq!(local_starts(&o, &day), ["08:00+01:00", "09:00+01:00"]);
    }

    #[test]
    fn adjacent_windows_with_the_same_desks_join() {
        let o = office(vec![
            window(&[Weekday::Mon], "08:00", "09:00", 2, 1),
            window(&[Weekday::Mon], "09:00", "10:00", 1, 1),
        ]);
        let day = one_day(
            &o,
            "2026-11-30",
            Need {
                minutes: 60,
                persons: 1,
            },
            &Occupancy::default(),
        );
        assert_eq!(
            local_starts(&o, &day),
            ["08:00+01:00", "08:30+01:00", "09:00+01:00"]
        );
    }

    #[test]
    fn an_exception_reduces_staff_for_part_of_the_day_or_closes_it() {
        let mut o = office(vec![window(&[Weekday::Mon], "08:00", "12:00", 4, 3)]);
        o.counters[0].exceptions.push(Exception {
            date: d("2026-11-30"),
            from: Some(t("10:00")),
            to: Some(t("11:00")),
            desks: 1,
            online: 0,
        });
        let segs = day_segments(&o, &o.counters[0], d("2026-11-30"));
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[0].end, at("2026-11-30T09:00:00Z"));
        assert_eq!(segs[1].start, at("2026-11-30T10:00:00Z"));
        o.counters[0].exceptions = vec![Exception {
            date: d("2026-11-30"),
            from: None,
            to: None,
            desks: 0,
            online: 0,
        }];
        assert!(day_segments(&o, &o.counters[0], d("2026-11-30")).is_empty());
    }

    #[test]
    fn the_arrival_cap_counts_persons_per_window() {
        let mut o = office(vec![window(&[Weekday::Mon], "08:00", "09:00", 10, 10)]);
        o.arrivals = Some(ArrivalCap {
            per_minutes: 60,
            max: 5,
        });
        let mut taken = Occupancy::default();
        let (window, cap) = arrival_window(&o, at("2026-11-30T07:30:00Z"));
        assert_eq!((window, cap), (at("2026-11-30T07:00:00Z").timestamp(), 5));
        taken.arrivals.insert(window, 3);
        let family = one_day(
            &o,
            "2026-11-30",
            Need {
                minutes: 30,
                persons: 2,
            },
            &taken,
        );
        assert_eq!(
            family.slots.iter().map(|s| s.left).collect::<Vec<_>>(),
            [1, 1]
        );
        let big = one_day(
            &o,
            "2026-11-30",
            Need {
                minutes: 30,
                persons: 3,
            },
            &taken,
        );
        assert!(big.slots.is_empty());
    }

    #[test]
    fn minimum_notice_horizon_and_release_time_bound_the_window() {
        let mut o = office(vec![window(&Weekday::ALL, "08:00", "12:00", 1, 1)]);
        o.horizon_days = 7;
        let now = at("2026-12-01T08:30:00Z"); // 09:30 in Berlin
        let c = &o.counters[0];
        let days = availability(
            &o,
            c,
            HALF_HOUR,
            d("2026-11-20"),
            d("2027-01-31"),
            now,
            &Occupancy::default(),
        );
        assert_eq!(days.first().unwrap().date, d("2026-12-01"));
        assert_eq!(days.last().unwrap().date, d("2026-12-08"));
        // 09:30 plus two hours' notice: 11:30 is the first start today.
        assert_eq!(days[0].slots[0].start, at("2026-12-01T10:30:00Z"));
        assert_eq!(
            claim(&o, c, HALF_HOUR, at("2026-12-01T10:00:00Z"), now),
            Err(StartError::TooSoon)
        );
        assert_eq!(
            claim(&o, c, HALF_HOUR, at("2026-12-09T08:00:00Z"), now),
            Err(StartError::BeyondHorizon)
        );
        o.release_time = Some(t("10:00"));
        assert_eq!(booking_window(&o, now).1, d("2026-12-07"));
        assert_eq!(
            booking_window(&o, at("2026-12-01T09:00:00Z")).1,
            d("2026-12-08")
        );
    }

    #[test]
    fn a_claim_names_each_cell_with_its_capacity() {
        let o = office(vec![window(&[Weekday::Mon], "08:00", "12:00", 4, 3)]);
        let now = at("2026-11-28T00:00:00Z");
        let c = &o.counters[0];
        let claim = claim(
            &o,
            c,
            Need {
                minutes: 90,
                persons: 3,
            },
            at("2026-11-30T08:00:00Z"),
            now,
        )
        .unwrap();
        assert_eq!(claim.end, at("2026-11-30T09:30:00Z"));
        assert_eq!(claim.cells.len(), 3);
        assert!(claim.cells.iter().all(|&(_, capacity)| capacity == 3));
        let off_grid = super::claim(&o, c, HALF_HOUR, at("2026-11-30T08:10:00Z"), now);
        assert_eq!(off_grid, Err(StartError::NotOnGrid));
        let late = super::claim(&o, c, HALF_HOUR, at("2026-11-30T10:45:00Z"), now);
        assert_eq!(late, Err(StartError::OutsideHours));
        let sunday = super::claim(&o, c, HALF_HOUR, at("2026-11-29T08:00:00Z"), now);
        assert_eq!(sunday, Err(StartError::Closed));
    }

    #[test]
    fn suggestions_prefer_the_nearest_then_the_quieter_start() {
        let o = office(vec![window(&[Weekday::Mon], "08:00", "10:00", 2, 2)]);
        let mut taken = Occupancy::default();
        taken
            .arrivals
            .insert(at("2026-11-30T07:00:00Z").timestamp(), 1);
        let day = one_day(&o, "2026-11-30", HALF_HOUR, &taken);
        // 08:30 local is wanted; 08:00 and 09:00 are equally near, 09:00 is quieter.
        let picks = nearest(&[day], at("2026-11-30T07:30:00Z"), 2);
        assert_eq!(picks[0].start, at("2026-11-30T07:30:00Z"));
        assert_eq!(picks[1].start, at("2026-11-30T08:00:00Z"));
    }
}
