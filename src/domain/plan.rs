//! Changing an office's plan: what takes effect from when, which bookings lose
//! their desk under the new plan, and where such a booking can go instead.
//!
//! Pure functions of offices and bookings, like [`super::schedule`]; the store
//! runs them inside the transaction that saves the plan.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::office::{Counter, Office, Window};
use super::schedule::{self, Claim, Need, Occupancy};

/// The plan `new` as saved to take effect from `from`: until the day before,
/// each counter keeps the weekly windows of `old`; from `from` on, the windows
/// of `new` apply. Everything else of `new` (services, rules, exceptions,
/// closures) applies at once. Windows that ended before `today` are dropped.
pub fn effective_from(
    old: Option<&Office>,
    mut new: Office,
    from: NaiveDate,
    today: NaiveDate,
) -> Office {
    let current = |w: &Window| w.until.is_none_or(|u| u >= today);
    for counter in &mut new.counters {
        let mut hours: Vec<Window> = Vec::new();
        if from > today {
            let before = from - Duration::days(1);
            let kept = old.and_then(|o| o.counter(&counter.id)).map(|c| &c.hours);
            for w in kept.into_iter().flatten() {
                let mut w = w.clone();
                w.until = Some(w.until.map_or(before, |u| u.min(before)));
                if w.since.is_none_or(|s| s <= before) {
                    hours.push(w);
                }
            }
        }
        for w in &counter.hours {
            let mut w = w.clone();
            if from > today {
                w.since = Some(w.since.map_or(from, |s| s.max(from)));
            }
            if w.until.is_none_or(|u| Some(u) >= w.since) {
                hours.push(w);
            }
        }
        hours.retain(current);
        counter.hours = hours;
    }
    new
}

/// Something that takes capacity of a counter: a booking still to come, or an open hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub id: String,
    pub counter: String,
    pub services: Vec<String>,
    pub persons: u32,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Placed {
    fn need(&self) -> Need {
        Need {
            minutes: u32::try_from((self.end - self.start).num_minutes()).unwrap_or(0),
            persons: self.persons,
        }
    }
}

/// What the plan `office` makes of `placed` (in the order given, first come
/// first served): the occupancy of those that keep their place, per counter, and
/// the indexes of those left without a desk: outside the new hours, on a counter
/// or with a service no longer there, or beyond the new number of desks or the
/// new arrival cap.
pub fn place(office: &Office, placed: &[Placed]) -> (HashMap<String, Occupancy>, Vec<usize>) {
    let mut taken: HashMap<String, Occupancy> = HashMap::new();
    let mut arrivals: HashMap<i64, u32> = HashMap::new();
    let mut stranded = Vec::new();
    for (i, p) in placed.iter().enumerate() {
        let claim = office
            .counter(&p.counter)
            .filter(|c| p.services.iter().all(|s| c.service(s).is_some()))
            .and_then(|c| schedule::fit(office, c, p.need(), p.start).ok());
        let occupancy = taken.entry(p.counter.clone()).or_default();
        let fits = claim.as_ref().is_some_and(|claim| {
            let cells_free = claim
                .cells
                .iter()
                .all(|(cell, cap)| occupancy.cells.get(cell).copied().unwrap_or(0) < *cap);
            let arrived = arrivals.get(&claim.arrival_window).copied().unwrap_or(0);
            cells_free && arrived + p.persons <= claim.arrival_cap
        });
        match claim {
            Some(claim) if fits => {
                for (cell, _) in &claim.cells {
                    *occupancy.cells.entry(*cell).or_default() += 1;
                }
                *arrivals.entry(claim.arrival_window).or_default() += p.persons;
            }
            _ => stranded.push(i),
        }
    }
    for occupancy in taken.values_mut() {
        occupancy.arrivals = arrivals.clone();
    }
    (taken, stranded)
}

/// The counter that offers all of `services` under `office`'s plan.
pub fn counter_for<'o>(office: &'o Office, services: &[String]) -> Option<&'o Counter> {
    let (counter, _) = office.service(services.first()?)?;
    services
        .iter()
        .all(|s| counter.service(s).is_some())
        .then_some(counter)
}

/// The nearest free time for `p` under `office`'s plan at `now`, given what is
/// taken (`taken`, per counter): on the same day first, then the nearest on
/// another day within the booking window; `None` when there is none.
pub fn new_home(
    office: &Office,
    p: &Placed,
    now: DateTime<Utc>,
    taken: &HashMap<String, Occupancy>,
) -> Option<(String, Claim)> {
    let counter = counter_for(office, &p.services)?;
    let need = Need {
        minutes: p
            .services
            .iter()
            .filter_map(|s| counter.service(s))
            .map(|s| s.minutes * p.persons)
            .sum(),
        persons: p.persons,
    };
    let empty = Occupancy::default();
    let occupancy = taken.get(&counter.id).unwrap_or(&empty);
    let day = p.start.with_timezone(&office.timezone).date_naive();
    let (_, last) = schedule::booking_window(office, now);
    let days = schedule::availability(office, counter, need, day, last, now, occupancy);
    let same_day = days.iter().filter(|d| d.date == day);
    let slot = schedule::nearest(&same_day.cloned().collect::<Vec<_>>(), p.start, 1)
        .into_iter()
        .next()
        .or_else(|| schedule::nearest(&days, p.start, 1).into_iter().next())?;
    let claim = schedule::fit(office, counter, need, slot.start).ok()?;
    Some((counter.id.clone(), claim))
}

/// Take `claim` into `taken`, so that the next booking moved does not land on it too.
pub fn take(taken: &mut HashMap<String, Occupancy>, counter: &str, claim: &Claim, persons: u32) {
    let occupancy = taken.entry(counter.to_string()).or_default();
    for (cell, _) in &claim.cells {
        *occupancy.cells.entry(*cell).or_default() += 1;
    }
    for o in taken.values_mut() {
        *o.arrivals.entry(claim.arrival_window).or_default() += persons;
    }
}

/// Desks and online desks of a counter in each hour of the seven days from
/// `monday`: the most staffed at once within the hour.
pub fn week_staffing(
    office: &Office,
    counter: &Counter,
    monday: NaiveDate,
) -> Vec<[(u32, u32); 24]> {
    (0..7)
        .map(|i| {
            let date = monday + Duration::days(i);
            let mut hours = [(0, 0); 24];
            for (a, b, desks, online) in schedule::staffing(office, counter, date) {
                for (h, cell) in hours.iter_mut().enumerate() {
                    let (x, y) = (h as u32 * 60, h as u32 * 60 + 60);
                    if a < y && x < b {
                        *cell = (cell.0.max(desks), cell.1.max(online));
                    }
                }
            }
            hours
        })
        .collect()
}

/// How a line of one text stands in another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Same,
    Removed,
    Added,
}

/// The lines of `b` against those of `a`, by their longest common subsequence.
pub fn diff<'t>(a: &'t str, b: &'t str) -> Vec<(Line, &'t str)> {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let (n, m) = (a.len(), b.len());
    // common[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut common = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            common[i][j] = if a[i] == b[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push((Line::Same, a[i]));
            (i, j) = (i + 1, j + 1);
        } else if i < n && (j == m || common[i + 1][j] >= common[i][j + 1]) {
            out.push((Line::Removed, a[i]));
            i += 1;
        } else {
            out.push((Line::Added, b[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::officefile;

    const FILE: &str = r#"
[[office]]
id = "mitte"
name = "Bürgerbüro Mitte"
address = "Markt 1"
timezone = "Europe/Berlin"
state = "BE"
min_notice_minutes = 0
horizon_days = 30

[[office.counter]]
id = "stadtamt"
name = "Stadtamt"
grid_minutes = 15

[[office.counter.service]]
id = "pass"
name = "Pass"
minutes = 30

[[office.counter.hours]]
days = ["mon", "tue", "wed", "thu", "fri"]
from = "08:00"
to = "12:00"
desks = 2
online = 2
"#;

    fn office(desks: u32) -> Office {
        let file = FILE.replace(
            "desks = 2\nonline = 2",
            &format!("desks = {desks}\nonline = {desks}"),
        );
        officefile::parse(&file).unwrap().remove(0)
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn booking(id: &str, start: &str) -> Placed {
        let start = at(start);
        Placed {
            id: id.into(),
            counter: "stadtamt".into(),
            services: vec!["pass".into()],
            persons: 1,
            start,
            end: start + Duration::minutes(30),
        }
    }

    #[test]
    fn fewer_desks_strand_the_last_booked_and_the_first_keep_their_place() {
        // Monday 2027-01-04, 09:00 Berlin = 08:00 UTC.
        let placed = [
            booking("a", "2027-01-04T08:00:00Z"),
            booking("b", "2027-01-04T08:00:00Z"),
            booking("c", "2027-01-04T08:15:00Z"),
            booking("d", "2027-01-04T10:00:00Z"),
        ];
        let (_, stranded) = place(&office(3), &placed);
        assert_eq!(stranded, Vec::<usize>::new(), "three desks hold them all");
        let (taken, stranded) = place(&office(1), &placed);
        assert_eq!(
            stranded,
            vec![1, 2],
            "b and c overlap a on the one desk left"
        );
        assert_eq!(taken["stadtamt"].cells.values().sum::<u32>(), 4);
    }

    #[test]
    fn a_stranded_booking_moves_to_the_nearest_free_time_of_its_day_first() {
        let new = office(1);
        // Both at the opening, 08:00 Berlin: b goes right after a.
        let placed = [
            booking("a", "2027-01-04T07:00:00Z"),
            booking("b", "2027-01-04T07:00:00Z"),
        ];
        let (taken, stranded) = place(&new, &placed);
        assert_eq!(stranded, vec![1]);
        let now = at("2027-01-01T08:00:00Z");
        let (counter, claim) = new_home(&new, &placed[1], now, &taken).unwrap();
        assert_eq!(counter, "stadtamt");
        assert_eq!(
            claim.start,
            at("2027-01-04T07:30:00Z"),
            "right after a, same day"
        );
    }

    #[test]
    fn hours_from_a_date_keep_the_old_ones_until_the_day_before() {
        let old = office(2);
        let new = office(1);
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let from = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let merged = effective_from(Some(&old), new.clone(), from, today);
        let hours = &merged.counters[0].hours;
        assert_eq!(hours.len(), 2);
        assert_eq!(
            (hours[0].desks, hours[0].until),
            (2, Some(from - Duration::days(1)))
        );
        assert_eq!((hours[1].desks, hours[1].since), (1, Some(from)));
        // The office file says so, and reads back the same.
        let file = officefile::render(std::slice::from_ref(&merged));
        assert_eq!(officefile::parse(&file).unwrap()[0], merged);
        // At once: the new hours alone.
        let now = effective_from(Some(&old), new.clone(), today, today);
        assert_eq!(now.counters[0].hours, new.counters[0].hours);
        let monday_before = NaiveDate::from_ymd_opt(2026, 12, 28).unwrap();
        let monday_after = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        let c = &merged.counters[0];
        assert_eq!(week_staffing(&merged, c, monday_before)[0][9], (2, 2));
        assert_eq!(week_staffing(&merged, c, monday_after)[0][9], (1, 1));
        assert_eq!(week_staffing(&merged, c, monday_after)[0][12], (0, 0));
    }

    #[test]
    fn the_diff_of_two_texts_keeps_the_common_lines() {
        let d = diff("a\nb\nc\n", "a\nx\nc\n");
        assert_eq!(
            d,
            vec![
                (Line::Same, "a"),
                (Line::Removed, "b"),
                (Line::Added, "x"),
                (Line::Same, "c")
            ]
        );
    }
}
