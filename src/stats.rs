//! How an office runs, in figures: bookings and what became of them, walk-ins,
//! waiting, handling and lead times, utilisation, per day, week or month; and
//! the public figures citizens see. Counts and recorded times only, so erasing
//! personal data (rule 8) changes no figure.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::Serialize;

use crate::app::App;
use crate::booking::{self, FieldError, Mistake, Wish};
use crate::domain::schedule;
use crate::domain::Office;
use crate::store::{BookingFact, StoreError, TicketFact};

/// The longest range one request may ask for.
pub const MAX_RANGE_DAYS: i64 = 366;
/// A public figure over fewer cases than this is not shown.
pub const MIN_CASES: usize = 10;
/// The public figures look back this many weeks.
pub const FIGURE_WEEKS: i64 = 12;
/// Served within this many minutes of their time counts as on time.
pub const ON_TIME_MINUTES: i64 = 15;
/// How many weeks ahead utilisation is shown.
pub const WEEKS_AHEAD: i64 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
    Day,
    Week,
    Month,
}

impl By {
    pub fn as_str(self) -> &'static str {
        match self {
            By::Day => "day",
            By::Week => "week",
            By::Month => "month",
        }
    }

    /// The first day of the period `date` falls in.
    fn start(self, date: NaiveDate) -> NaiveDate {
        match self {
            By::Day => date,
            By::Week => date - Duration::days(i64::from(date.weekday().num_days_from_monday())),
            By::Month => date.with_day(1).unwrap_or(date),
        }
    }

    /// How the period starting at `start` is named: `2026-12-01`, `2026-W49`, `2026-12`.
    fn label(self, start: NaiveDate) -> String {
        match self {
            By::Day => start.to_string(),
            By::Week => {
                let w = start.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            By::Month => start.format("%Y-%m").to_string(),
        }
    }
}

/// What a statistics request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Range {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub by: By,
    /// Only this counter's bookings and tickets.
    pub counter: Option<String>,
}

impl Range {
    /// From the query's fields; missing ones default to the last four weeks, by day.
    pub fn parse(
        from: Option<&str>,
        to: Option<&str>,
        by: Option<&str>,
        counter: Option<&str>,
        today: NaiveDate,
    ) -> Result<Range, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut date = |name: &str, value: Option<&str>, default: NaiveDate| match value
            .filter(|v| !v.is_empty())
        {
            None => Some(default),
            Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d").ok().or_else(|| {
                errors.push(field(
                    name,
                    Mistake::Other,
                    format!("{v:?} is not a date (YYYY-MM-DD)"),
                ));
                None
            }),
        };
        let to = date("to", to, today);
        let from = date("from", from, to.unwrap_or(today) - Duration::days(27));
        let by = match by.filter(|v| !v.is_empty()) {
            None | Some("day") => Some(By::Day),
            Some("week") => Some(By::Week),
            Some("month") => Some(By::Month),
            Some(v) => {
                errors.push(field(
                    "by",
                    Mistake::Other,
                    format!("{v:?} is not day, week or month"),
                ));
                None
            }
        };
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                errors.push(field(
                    "to",
                    Mistake::RangeBackwards,
                    "must not be before from".into(),
                ));
            } else if (to - from).num_days() >= MAX_RANGE_DAYS {
                errors.push(field(
                    "to",
                    Mistake::RangeTooLong,
                    format!("at most {MAX_RANGE_DAYS} days per request"),
                ));
            }
        }
        match (from, to, by, errors.is_empty()) {
            (Some(from), Some(to), Some(by), true) => Ok(Range {
                from,
                to,
                by,
                counter: counter.filter(|c| !c.is_empty()).map(str::to_string),
            }),
            _ => Err(errors),
        }
    }
}

fn field(name: &str, mistake: Mistake, message: String) -> FieldError {
    FieldError {
        field: name.to_string(),
        message,
        mistake,
    }
}

/// The figures of one period (or of the whole range).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Bookings made in the period (whenever their appointment is).
    pub made: u32,
    /// Appointments in the period, whatever became of them.
    pub appointments: u32,
    /// Of these: confirmed at some time.
    pub confirmed: u32,
    pub cancelled: u32,
    /// Of the cancelled: by the office (a plan change left them without a desk).
    pub cancelled_by_office: u32,
    /// Never confirmed in time.
    pub expired: u32,
    pub no_shows: u32,
    /// Checked in, called or served.
    pub came: u32,
    /// No-shows among those who were expected (came or not).
    pub no_show_rate: Option<f64>,
    pub walk_ins: u32,
    /// Tickets served to the end.
    pub served: u32,
    /// From arrival (or the appointment's time, if later) to the first call.
    pub waiting_median_minutes: Option<f64>,
    pub waiting_p90_minutes: Option<f64>,
    /// Appointments called within [`ON_TIME_MINUTES`] of their time.
    pub served_within_15: Option<f64>,
    /// Tickets that waited longer than the office's target.
    pub waited_over_target: Option<f64>,
    /// From making the booking to the appointment.
    pub lead_time_median_days: Option<f64>,
    pub booked_minutes: u64,
    /// Desk-minutes bookable online by the plan.
    pub bookable_minutes: u64,
    pub utilisation: Option<f64>,
}

/// One period's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    pub label: String,
    pub from: NaiveDate,
    pub figures: Figures,
}

/// Handling time of one service, per person, against its planned minutes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Handling {
    pub service: String,
    pub cases: usize,
    pub median_minutes: Option<f64>,
    pub p90_minutes: Option<f64>,
    pub planned_minutes: u32,
    /// A planning hint, never applied: the median rounded up to the counter's
    /// grid, once there are [`MIN_CASES`] cases.
    pub suggested_minutes: Option<u32>,
}

/// Utilisation of a week to come.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ahead {
    pub week: String,
    pub booked_minutes: u64,
    pub bookable_minutes: u64,
    pub utilisation: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statistics {
    pub office: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub by: By,
    pub counter: Option<String>,
    pub target_minutes: u32,
    pub periods: Vec<Period>,
    pub total: Figures,
    pub handling: Vec<Handling>,
    pub ahead: Vec<Ahead>,
    /// Where more desks would help, from what happened in the range.
    pub hints: Vec<Hint>,
    /// The next free appointment per service as it stood each day of the range.
    pub next_free: Vec<NextFreeDay>,
}

/// A planning hint, shown and never applied: where more walk-in or online
/// desks would have helped in the range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hint {
    pub counter: String,
    /// `walk_ins_turned_away` (more walk-in desks) or `booked_out` (more online desks).
    pub kind: &'static str,
    /// Days it happened on.
    pub days: u32,
    /// Walk-ins turned away, for `walk_ins_turned_away`.
    pub count: u32,
}

/// The next free appointment for one person of a service, as it stood on a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextFreeDay {
    pub day: NaiveDate,
    pub service: String,
    /// Days from that day to the next free appointment; `None`: none was free.
    pub days_ahead: Option<i64>,
}

#[derive(Debug, thiserror::Error)]
pub enum StatsError {
    #[error("there is no such office")]
    UnknownOffice,
    #[error("there is no counter {0:?} at this office")]
    UnknownCounter(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Everything that goes into one period's figures, before they are summed up.
#[derive(Default)]
struct Tally {
    f: Figures,
    waits: Vec<i64>,
    lead: Vec<i64>,
    on_time: (usize, usize),
    over: (usize, usize),
}

impl Tally {
    fn booking(&mut self, b: &BookingFact, made_here: bool, due_here: bool) {
        if made_here {
            self.f.made += 1;
            self.lead.push(b.start_at - b.created_at);
        }
        if !due_here {
            return;
        }
        self.f.appointments += 1;
        self.f.confirmed += u32::from(b.confirmed_at.is_some());
        match b.status.as_str() {
            "cancelled" => {
                self.f.cancelled += 1;
                self.f.cancelled_by_office +=
                    u32::from(b.cancelled_by.as_deref() == Some("office"));
            }
            "expired" => self.f.expired += 1,
            "no_show" => self.f.no_shows += 1,
            "checked_in" | "called" | "done" => self.f.came += 1,
            _ => {}
        }
        if !matches!(b.status.as_str(), "cancelled" | "expired") {
            self.f.booked_minutes += u64::try_from((b.end_at - b.start_at) / 60).unwrap_or(0);
        }
    }

    fn ticket(&mut self, t: &TicketFact, target_seconds: i64) {
        self.f.walk_ins += u32::from(t.kind == "walk_in");
        self.f.served += u32::from(t.state == "done");
        if let Some(w) = t.waiting_seconds {
            self.waits.push(w);
            self.over.1 += 1;
            self.over.0 += usize::from(w > target_seconds);
            if t.kind == "appointment" {
                self.on_time.1 += 1;
                self.on_time.0 += usize::from(w <= ON_TIME_MINUTES * 60);
            }
        }
    }

    fn figures(mut self) -> Figures {
        let expected = self.f.came + self.f.no_shows;
        self.f.no_show_rate = share(self.f.no_shows as usize, expected as usize);
        self.waits.sort_unstable();
        self.f.waiting_median_minutes = percentile(&self.waits, 50).map(minutes);
        self.f.waiting_p90_minutes = percentile(&self.waits, 90).map(minutes);
        self.f.served_within_15 = share(self.on_time.0, self.on_time.1);
        self.f.waited_over_target = share(self.over.0, self.over.1);
        self.lead.sort_unstable();
        self.f.lead_time_median_days =
            percentile(&self.lead, 50).map(|s| round1(s as f64 / 86_400.0));
        self.f.utilisation = share(
            self.f.booked_minutes as usize,
            self.f.bookable_minutes as usize,
        );
        self.f
    }
}

fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| round3(part as f64 / whole as f64))
}

fn minutes(seconds: i64) -> f64 {
    round1(seconds as f64 / 60.0)
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The nearest-rank percentile of sorted values.
pub fn percentile(sorted: &[i64], p: usize) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    Some(sorted[rank - 1])
}

/// Desk-minutes bookable online on `date` at the office's counters (or one).
fn bookable_minutes(office: &Office, counter: Option<&str>, date: NaiveDate) -> u64 {
    office
        .counters
        .iter()
        .filter(|c| counter.is_none_or(|id| c.id == id))
        .flat_map(|c| schedule::day_segments(office, c, date))
        .map(|s| u64::try_from((s.end - s.start).num_minutes()).unwrap_or(0) * u64::from(s.online))
        .sum()
}

fn local_date(office: &Office, at: i64) -> NaiveDate {
    DateTime::<Utc>::from_timestamp(at, 0)
        .unwrap_or_default()
        .with_timezone(&office.timezone)
        .date_naive()
}

/// The office's statistics over `range`; `now` for the weeks ahead.
pub async fn statistics(
    app: &App,
    office_id: &str,
    range: &Range,
) -> Result<Statistics, StatsError> {
    let office = app
        .office(office_id)
        .await?
        .ok_or(StatsError::UnknownOffice)?;
    let counter = range.counter.as_deref();
    if let Some(c) = counter.filter(|c| office.counter(c).is_none()) {
        return Err(StatsError::UnknownCounter(c.to_string()));
    }
    let tz = office.timezone;
    let start = schedule::local_instant(tz, range.from, Some(chrono::NaiveTime::MIN)).timestamp();
    let end = schedule::local_instant(
        tz,
        range.to + Duration::days(1),
        Some(chrono::NaiveTime::MIN),
    )
    .timestamp();
    let ours = |id: &str| counter.is_none_or(|c| c == id);
    let bookings: Vec<BookingFact> = app.store.booking_facts(&office.id, start, end).await?;
    let tickets: Vec<TicketFact> = app
        .store
        .ticket_facts(&office.id, &range.from.to_string(), &range.to.to_string())
        .await?;
    let target = i64::from(app.config.waiting_target_minutes) * 60;

    let mut periods: BTreeMap<NaiveDate, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    let mut day = range.from;
    while day <= range.to {
        let minutes = bookable_minutes(&office, counter, day);
        periods
            .entry(range.by.start(day))
            .or_default()
            .f
            .bookable_minutes += minutes;
        total.f.bookable_minutes += minutes;
        day += Duration::days(1);
    }
    let within = |at: i64| (start..end).contains(&at);
    for b in bookings.iter().filter(|b| ours(&b.counter_id)) {
        let (made, due) = (within(b.created_at), within(b.start_at));
        total.booking(b, made, due);
        if made {
            let p = range.by.start(local_date(&office, b.created_at));
            periods.entry(p).or_default().booking(b, true, false);
        }
        if due {
            let p = range.by.start(local_date(&office, b.start_at));
            periods.entry(p).or_default().booking(b, false, true);
        }
    }
    for t in tickets.iter().filter(|t| ours(&t.counter_id)) {
        let Ok(day) = NaiveDate::parse_from_str(&t.day, "%Y-%m-%d") else {
            continue;
        };
        total.ticket(t, target);
        periods
            .entry(range.by.start(day))
            .or_default()
            .ticket(t, target);
    }
    let periods = periods
        .into_iter()
        .map(|(from, tally)| Period {
            label: range.by.label(from),
            from,
            figures: tally.figures(),
        })
        .collect();
    let hints = hints(app, &office, range, &bookings).await?;
    let next_free = app
        .store
        .next_free_history(&office.id, &range.from.to_string(), &range.to.to_string())
        .await?
        .into_iter()
        .filter(|(service, _, _)| office.service(service).is_some_and(|(c, _)| ours(&c.id)))
        .filter_map(|(service, day, at)| {
            let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()?;
            let days_ahead = at.map(|at| (local_date(&office, at) - day).num_days());
            Some(NextFreeDay {
                day,
                service,
                days_ahead,
            })
        })
        .collect();
    Ok(Statistics {
        hints,
        next_free,
        handling: handling(&office, counter, &tickets),
        ahead: ahead(app, &office, counter).await?,
        office: office.id.clone(),
        from: range.from,
        to: range.to,
        by: range.by,
        counter: range.counter.clone(),
        target_minutes: app.config.waiting_target_minutes,
        periods,
        total: total.figures(),
    })
}

/// Where more desks would have helped: counters that turned walk-ins away, and
/// counters booked out online on a day (every bookable minute booked).
async fn hints(
    app: &App,
    office: &Office,
    range: &Range,
    bookings: &[BookingFact],
) -> Result<Vec<Hint>, StoreError> {
    let ours = |id: &str| range.counter.as_deref().is_none_or(|c| c == id);
    let mut out = Vec::new();
    let refusals = app
        .store
        .walk_in_refusals(&office.id, &range.from.to_string(), &range.to.to_string())
        .await?;
    let mut booked: BTreeMap<(&str, NaiveDate), u64> = BTreeMap::new();
    for b in bookings
        .iter()
        .filter(|b| !matches!(b.status.as_str(), "cancelled" | "expired"))
    {
        let day = local_date(office, b.start_at);
        if (range.from..=range.to).contains(&day) {
            *booked.entry((b.counter_id.as_str(), day)).or_default() +=
                u64::try_from((b.end_at - b.start_at) / 60).unwrap_or(0);
        }
    }
    for c in office.counters.iter().filter(|c| ours(&c.id)) {
        let turned: Vec<i64> = refusals
            .iter()
            .filter(|(counter, _, _)| *counter == c.id)
            .map(|(_, _, n)| *n)
            .collect();
        if !turned.is_empty() {
            out.push(Hint {
                counter: c.id.clone(),
                kind: "walk_ins_turned_away",
                days: turned.len() as u32,
                count: u32::try_from(turned.iter().sum::<i64>()).unwrap_or(u32::MAX),
            });
        }
        let mut full = 0;
        let mut day = range.from;
        while day <= range.to {
            let bookable = bookable_minutes(office, Some(&c.id), day);
            let taken = booked.get(&(c.id.as_str(), day)).copied().unwrap_or(0);
            full += u32::from(bookable > 0 && taken >= bookable);
            day += Duration::days(1);
        }
        if full > 0 {
            out.push(Hint {
                counter: c.id.clone(),
                kind: "booked_out",
                days: full,
                count: 0,
            });
        }
    }
    Ok(out)
}

/// Look up and keep, once a day, the next free appointment of every service
/// of every office: the history the statistics show.
pub async fn record_next_free(app: &App) -> Result<usize, StoreError> {
    let now = app.clock.now();
    let mut n = 0;
    for office in app.offices().await? {
        let day = now.with_timezone(&office.timezone).date_naive().to_string();
        for c in &office.counters {
            for s in &c.services {
                let at = next_free_start(app, &office, &s.id).await?;
                app.store
                    .note_next_free(
                        &office.id,
                        &s.id,
                        &day,
                        at.map(|t| t.timestamp()),
                        now.timestamp(),
                    )
                    .await?;
                n += 1;
            }
        }
    }
    Ok(n)
}

/// Handling time per person of each service, from tickets served with that one service.
fn handling(office: &Office, counter: Option<&str>, tickets: &[TicketFact]) -> Vec<Handling> {
    let mut per: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    for t in tickets
        .iter()
        .filter(|t| t.state == "done" && t.handling_seconds > 0)
    {
        let services = t.handled_services.as_deref().unwrap_or(&t.services);
        if services.contains(',') || services.is_empty() {
            continue;
        }
        let persons = t.handled_persons.unwrap_or(t.persons).max(1);
        per.entry(services)
            .or_default()
            .push(t.handling_seconds / persons);
    }
    let mut out = Vec::new();
    for c in office
        .counters
        .iter()
        .filter(|c| counter.is_none_or(|id| c.id == id))
    {
        for s in &c.services {
            let mut seconds = per.remove(s.id.as_str()).unwrap_or_default();
            seconds.sort_unstable();
            let median = percentile(&seconds, 50);
            let grid = i64::from(c.grid_minutes.max(1)) * 60;
            let suggested = median.filter(|_| seconds.len() >= MIN_CASES).map(|m| {
                u32::try_from((m.max(1) + grid - 1) / grid * grid / 60).unwrap_or(u32::MAX)
            });
            out.push(Handling {
                service: s.id.clone(),
                cases: seconds.len(),
                median_minutes: median.map(minutes),
                p90_minutes: percentile(&seconds, 90).map(minutes),
                planned_minutes: s.minutes,
                suggested_minutes: suggested,
            });
        }
    }
    out
}

/// Utilisation of the next [`WEEKS_AHEAD`] weeks, from the bookings made so far.
async fn ahead(
    app: &App,
    office: &Office,
    counter: Option<&str>,
) -> Result<Vec<Ahead>, StoreError> {
    let today = app.clock.now().with_timezone(&office.timezone).date_naive();
    let monday = By::Week.start(today);
    let tz = office.timezone;
    let start = schedule::local_instant(tz, monday, Some(chrono::NaiveTime::MIN)).timestamp();
    let last = monday + Duration::weeks(WEEKS_AHEAD);
    let end = schedule::local_instant(tz, last, Some(chrono::NaiveTime::MIN)).timestamp();
    let bookings = app.store.booking_facts(&office.id, start, end).await?;
    let mut weeks = Vec::new();
    for w in 0..WEEKS_AHEAD {
        let from = monday + Duration::weeks(w);
        let bookable: u64 = (0..7)
            .map(|d| bookable_minutes(office, counter, from + Duration::days(d)))
            .sum();
        let (a, b) = (
            schedule::local_instant(tz, from, Some(chrono::NaiveTime::MIN)).timestamp(),
            schedule::local_instant(tz, from + Duration::weeks(1), Some(chrono::NaiveTime::MIN))
                .timestamp(),
        );
        let booked: u64 = bookings
            .iter()
            .filter(|x| counter.is_none_or(|c| c == x.counter_id) && (a..b).contains(&x.start_at))
            .filter(|x| !matches!(x.status.as_str(), "cancelled" | "expired"))
            .map(|x| u64::try_from((x.end_at - x.start_at) / 60).unwrap_or(0))
            .sum();
        weeks.push(Ahead {
            week: By::Week.label(from),
            booked_minutes: booked,
            bookable_minutes: bookable,
            utilisation: share(booked as usize, bookable as usize),
        });
    }
    Ok(weeks)
}

/// The statistics as CSV: one line per period, then the whole range.
pub fn csv(s: &Statistics) -> String {
    let mut out = String::from(
        "period,from,made,appointments,confirmed,cancelled,cancelled_by_office,expired,no_shows,came,no_show_rate,walk_ins,served,\
         waiting_median_minutes,waiting_p90_minutes,served_within_15,waited_over_target,lead_time_median_days,\
         booked_minutes,bookable_minutes,utilisation\r\n",
    );
    let opt = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    let total = Period {
        label: "total".into(),
        from: s.from,
        figures: s.total.clone(),
    };
    for p in s.periods.iter().chain(std::iter::once(&total)) {
        let f = &p.figures;
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n",
            p.label,
            p.from,
            f.made,
            f.appointments,
            f.confirmed,
            f.cancelled,
            f.cancelled_by_office,
            f.expired,
            f.no_shows,
            f.came,
            opt(f.no_show_rate),
            f.walk_ins,
            f.served,
            opt(f.waiting_median_minutes),
            opt(f.waiting_p90_minutes),
            opt(f.served_within_15),
            opt(f.waited_over_target),
            opt(f.lead_time_median_days),
            f.booked_minutes,
            f.bookable_minutes,
            opt(f.utilisation),
        ));
    }
    out
}

/// The next free appointment of one service.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextFree {
    pub service: String,
    pub start: Option<DateTime<chrono_tz::Tz>>,
}

/// What citizens may see of how an office runs, over the last [`FIGURE_WEEKS`]
/// weeks; a figure over fewer than [`MIN_CASES`] cases is `None`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicFigures {
    pub office: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub next_free: Vec<NextFree>,
    pub lead_time_median_days: Option<f64>,
    pub no_show_rate: Option<f64>,
    pub served_within_15: Option<f64>,
}

pub async fn figures(app: &App, office_id: &str) -> Result<PublicFigures, StatsError> {
    let office = app
        .office(office_id)
        .await?
        .ok_or(StatsError::UnknownOffice)?;
    let today = app.clock.now().with_timezone(&office.timezone).date_naive();
    let from = today - Duration::weeks(FIGURE_WEEKS);
    let to = today - Duration::days(1);
    let tz = office.timezone;
    let start = schedule::local_instant(tz, from, Some(chrono::NaiveTime::MIN)).timestamp();
    let end = schedule::local_instant(tz, today, Some(chrono::NaiveTime::MIN)).timestamp();
    let bookings = app.store.booking_facts(&office.id, start, end).await?;
    let tickets = app
        .store
        .ticket_facts(&office.id, &from.to_string(), &to.to_string())
        .await?;

    let mut lead: Vec<i64> = bookings
        .iter()
        .filter(|b| (start..end).contains(&b.created_at))
        .map(|b| b.start_at - b.created_at)
        .collect();
    lead.sort_unstable();
    let due = bookings
        .iter()
        .filter(|b| (start..end).contains(&b.start_at));
    let (mut no_shows, mut expected) = (0, 0);
    for b in due {
        match b.status.as_str() {
            "no_show" => (no_shows, expected) = (no_shows + 1, expected + 1),
            "checked_in" | "called" | "done" => expected += 1,
            _ => {}
        }
    }
    let waits: Vec<i64> = tickets
        .iter()
        .filter(|t| t.kind == "appointment")
        .filter_map(|t| t.waiting_seconds)
        .collect();
    let on_time = waits.iter().filter(|w| **w <= ON_TIME_MINUTES * 60).count();
    let enough = |n: usize| n >= MIN_CASES;
    let mut next_free = Vec::new();
    for c in &office.counters {
        for s in &c.services {
            next_free.push(NextFree {
                service: s.id.clone(),
                start: next_free_start(app, &office, &s.id).await?,
            });
        }
    }
    Ok(PublicFigures {
        office: office.id.clone(),
        from,
        to,
        next_free,
        lead_time_median_days: percentile(&lead, 50)
            .filter(|_| enough(lead.len()))
            .map(|s| round1(s as f64 / 86_400.0)),
        no_show_rate: share(no_shows, expected).filter(|_| enough(expected)),
        served_within_15: share(on_time, waits.len()).filter(|_| enough(waits.len())),
    })
}

/// The first free time for one person and `service`, within the booking horizon.
async fn next_free_start(
    app: &App,
    office: &Office,
    service: &str,
) -> Result<Option<DateTime<chrono_tz::Tz>>, StoreError> {
    let wish = Wish {
        services: vec![service.to_string()],
        persons: 1,
    };
    let (mut from, last) = schedule::booking_window(office, app.clock.now());
    while from <= last {
        let to = (from + Duration::days(booking::MAX_RANGE_DAYS - 1)).min(last);
        match booking::availability(app, &office.id, &wish, Some(from), Some(to)).await {
            Ok(a) => {
                if let Some(slot) = a.days.iter().find_map(|d| d.slots.first()) {
                    return Ok(Some(slot.start.with_timezone(&office.timezone)));
                }
            }
            Err(booking::QueryError::Store(e)) => return Err(e),
            Err(_) => return Ok(None),
        }
        from = to + Duration::days(1);
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let v: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&v, 50), Some(5));
        assert_eq!(percentile(&v, 90), Some(9));
        assert_eq!(percentile(&[7], 90), Some(7));
        assert_eq!(percentile(&[], 50), None);
    }

    #[test]
    fn periods_start_on_mondays_and_firsts() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(
            By::Week.start(d),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
        assert_eq!(By::Week.label(By::Week.start(d)), "2026-W49");
        assert_eq!(By::Month.label(By::Month.start(d)), "2026-12");
    }

    #[test]
    fn a_range_over_a_year_or_backwards_is_refused() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let long =
            Range::parse(Some("2025-01-01"), Some("2026-06-01"), None, None, today).unwrap_err();
        assert_eq!(long[0].mistake, Mistake::RangeTooLong);
        let back =
            Range::parse(Some("2026-12-01"), Some("2026-11-01"), None, None, today).unwrap_err();
        assert_eq!(back[0].mistake, Mistake::RangeBackwards);
        let bad = Range::parse(Some("1.12.2026"), None, Some("year"), None, today).unwrap_err();
        assert_eq!(bad.len(), 2);
        let default = Range::parse(None, None, None, None, today).unwrap();
        assert_eq!(
            (default.from.to_string(), default.by),
            ("2026-11-04".to_string(), By::Day)
        );
    }
}

/// One hour of one counter on one day: desk-minutes booked, and bookable
/// online and kept for walk-ins by the plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Load {
    pub booked: u32,
    pub online: u32,
    pub walk_in: u32,
}

impl Load {
    /// How full the online part is, in fifths (0 empty … 5 full or over), for the heat map.
    pub fn band(&self) -> u32 {
        if self.online == 0 {
            return 0;
        }
        (self.booked * 5).div_ceil(self.online).min(5)
    }
}

/// A counter's week: per hour of the day (rows) and day (columns).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CounterWeek {
    pub counter: String,
    pub hours: Vec<u32>,
    /// `cells[hour index][day index]`.
    pub cells: Vec<Vec<Load>>,
}

/// Persons expected per arrival window of the office against its cap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Arrivals {
    pub per_minutes: u32,
    pub max: u32,
    /// Minutes of the day each window starts at.
    pub windows: Vec<u32>,
    /// `persons[window index][day index]`.
    pub persons: Vec<Vec<u32>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Week {
    pub office: String,
    pub days: Vec<NaiveDate>,
    pub counters: Vec<CounterWeek>,
    pub arrivals: Option<Arrivals>,
}

/// The week (Monday to Sunday) that `day` falls in: load per counter and hour,
/// and arrivals per window.
pub async fn week(app: &App, office_id: &str, day: NaiveDate) -> Result<Week, StatsError> {
    let office = app
        .office(office_id)
        .await?
        .ok_or(StatsError::UnknownOffice)?;
    let monday = By::Week.start(day);
    let days: Vec<NaiveDate> = (0..7).map(|d| monday + Duration::days(d)).collect();
    let tz = office.timezone;
    let start = schedule::local_instant(tz, monday, Some(chrono::NaiveTime::MIN));
    let end = schedule::local_instant(
        tz,
        monday + Duration::weeks(1),
        Some(chrono::NaiveTime::MIN),
    );
    let bookings: Vec<BookingFact> = app
        .store
        .booking_facts(&office.id, start.timestamp(), end.timestamp())
        .await?
        .into_iter()
        .filter(|b| (start.timestamp()..end.timestamp()).contains(&b.start_at))
        .filter(|b| !matches!(b.status.as_str(), "cancelled" | "expired"))
        .collect();
    let minute_of = |at: i64| {
        let local = DateTime::<Utc>::from_timestamp(at, 0)
            .unwrap_or_default()
            .with_timezone(&tz);
        (
            local.date_naive(),
            chrono::Timelike::hour(&local) * 60 + chrono::Timelike::minute(&local),
        )
    };
    let mut counters = Vec::new();
    for c in &office.counters {
        // Per day, per minute: (desks, online) by the plan, and desks booked.
        let plan: Vec<Vec<(u32, u32)>> = days
            .iter()
            .map(|d| crate::domain::queue::staffing(&office, c, *d))
            .collect();
        let mut booked = vec![vec![0u32; 24 * 60]; 7];
        for b in bookings.iter().filter(|b| b.counter_id == c.id) {
            let (date, from) = minute_of(b.start_at);
            let Some(d) = days.iter().position(|x| *x == date) else {
                continue;
            };
            let length = u32::try_from((b.end_at - b.start_at) / 60).unwrap_or(0);
            for m in from..(from + length).min(24 * 60) {
                booked[d][m as usize] += 1;
            }
        }
        let open_hours: Vec<u32> = (0..24)
            .filter(|h| {
                plan.iter().any(|p| {
                    p[(*h * 60) as usize..((h + 1) * 60) as usize]
                        .iter()
                        .any(|m| m.0 > 0)
                })
            })
            .collect();
        let cells = open_hours
            .iter()
            .map(|h| {
                (0..7)
                    .map(|d| {
                        let range = (*h * 60) as usize..((h + 1) * 60) as usize;
                        let mut load = Load::default();
                        for m in range {
                            let (desks, online) = plan[d][m];
                            load.online += online;
                            load.walk_in += desks.saturating_sub(online);
                            load.booked += booked[d][m];
                        }
                        load
                    })
                    .collect()
            })
            .collect();
        counters.push(CounterWeek {
            counter: c.id.clone(),
            hours: open_hours,
            cells,
        });
    }
    let arrivals = office.arrivals.map(|cap| {
        let mut persons: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        let opening: Vec<u32> = office
            .counters
            .iter()
            .flat_map(|c| days.iter().map(move |d| (c, d)))
            .flat_map(|(c, d)| {
                let plan = crate::domain::queue::staffing(&office, c, *d);
                (0..24 * 60)
                    .filter(move |m| plan[*m as usize].0 > 0)
                    .map(|m| m - m % cap.per_minutes)
            })
            .collect();
        for w in opening {
            persons.entry(w).or_insert_with(|| vec![0; 7]);
        }
        for b in &bookings {
            let (window, _) = schedule::arrival_window(
                &office,
                DateTime::from_timestamp(b.start_at, 0).unwrap_or_default(),
            );
            let (date, minute) = minute_of(window);
            if let Some(d) = days.iter().position(|x| *x == date) {
                persons.entry(minute).or_insert_with(|| vec![0; 7])[d] +=
                    u32::try_from(b.persons).unwrap_or(0);
            }
        }
        Arrivals {
            per_minutes: cap.per_minutes,
            max: cap.max,
            windows: persons.keys().copied().collect(),
            persons: persons.into_values().collect(),
        }
    });
    Ok(Week {
        office: office.id.clone(),
        days,
        counters,
        arrivals,
    })
}
