//! The office file (`termin import`): TOML in, validated offices out, every mistake reported at once.

use std::collections::HashSet;
use std::fmt;

use chrono::{NaiveDate, NaiveTime, Timelike};
use chrono_tz::Tz;
use toml::{Table, Value};

use crate::i18n::Message;
use crate::msg;

use super::holidays::State;
use super::office::{
    ArrivalCap, Counter, Exception, Office, QueueRules, Service, Text, Weekday, Window,
};

/// One mistake in an office file: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    pub place: String,
    /// What is wrong, in the reader's language where it is shown.
    pub message: Message,
}

impl fmt::Display for Mistake {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}", self.message.english())
        } else {
            write!(f, "{}: {}", self.place, self.message.english())
        }
    }
}

/// All mistakes of a file; nothing is imported while there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistakes(pub Vec<Mistake>);

impl fmt::Display for Mistakes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for m in &self.0 {
            writeln!(f, "{m}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Mistakes {}

/// Parse and validate an office file.
pub fn parse(source: &str) -> Result<Vec<Office>, Mistakes> {
    let root: Table = toml::from_str(source).map_err(|e| {
        Mistakes(vec![Mistake {
            place: String::new(),
            message: msg!("office-file-not-toml", problem = e.to_string().trim()),
        }])
    })?;
    validate(&root)
}

/// Validate an office file already read into a table: what `termin import`,
/// the plan API (JSON of the same shape) and the plan editor's form all go through.
pub fn validate(root: &Table) -> Result<Vec<Office>, Mistakes> {
    let mut r = Report::default();
    r.unknown_keys(root, "", &["office"]);
    let offices = match root.get("office") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| match v {
                Value::Table(t) => office(t, &format!("office #{}", i + 1), &mut r),
                _ => {
                    r.add(
                        &format!("office #{}", i + 1),
                        msg!("office-file-office-not-table"),
                    );
                    None
                }
            })
            .collect::<Vec<_>>(),
        Some(_) => {
            r.add("office", msg!("office-file-offices-not-array"));
            vec![]
        }
        None => {
            r.add("", msg!("office-file-no-office"));
            vec![]
        }
    };
    let mut ids = HashSet::new();
    for o in &offices {
        if !ids.insert(o.id.clone()) {
            r.add(
                &format!("office {}", o.id),
                msg!("office-file-office-id-twice"),
            );
        }
    }
    if r.0.is_empty() {
        Ok(offices)
    } else {
        Err(Mistakes(r.0))
    }
}

#[derive(Default)]
struct Report(Vec<Mistake>);

impl Report {
    fn add(&mut self, place: &str, message: Message) {
        self.0.push(Mistake {
            place: place.to_string(),
            message,
        });
    }

    fn unknown_keys(&mut self, t: &Table, place: &str, known: &[&str]) {
        for key in t.keys().filter(|k| !known.contains(&k.as_str())) {
            self.add(
                &join(place, key),
                msg!("office-file-unknown-key", known = known.join(", ")),
            );
        }
    }

    fn string(&mut self, t: &Table, place: &str, key: &str) -> Option<String> {
        match t.get(key) {
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.add(&join(place, key), msg!("office-file-empty"));
                None
            }
            Some(Value::String(s)) if !super::text::is_clean_line(s) || s.chars().count() > 200 => {
                self.add(
                    &join(place, key),
                    msg!("office-file-not-one-line", max = 200),
                );
                None
            }
            Some(Value::String(s)) => Some(s.trim().to_string()),
            Some(_) => {
                self.add(&join(place, key), msg!("office-file-not-string"));
                None
            }
            None => None,
        }
    }

    fn required_string(&mut self, t: &Table, place: &str, key: &str) -> Option<String> {
        if !t.contains_key(key) {
            self.add(&join(place, key), msg!("office-file-missing"));
        }
        self.string(t, place, key)
    }

    fn text(&mut self, t: &Table, place: &str, key: &str, required: bool) -> Option<Text> {
        match t.get(key) {
            None if required => {
                self.add(&join(place, key), msg!("office-file-missing"));
                None
            }
            None => None,
            Some(Value::String(_)) => self.string(t, place, key).map(|de| Text::plain(&de)),
            Some(Value::Table(lang)) => {
                let here = join(place, key);
                self.unknown_keys(lang, &here, &["de", "en", "uk", "tr", "ar"]);
                let de = self.required_string(lang, &here, "de")?;
                let mut text = Text::plain(&de);
                for l in crate::domain::Language::ALL.into_iter().skip(1) {
                    let given = self.string(lang, &here, l.as_str());
                    text.set(l, given);
                }
                Some(text)
            }
            Some(_) => {
                self.add(&join(place, key), msg!("office-file-not-text"));
                None
            }
        }
    }

    fn id(&mut self, t: &Table, place: &str) -> Option<String> {
        let id = self.required_string(t, place, "id")?;
        let ok = id.len() <= 40
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !ok {
            self.add(
                &join(place, "id"),
                msg!("office-file-bad-id", id = id.as_str(), max = 40),
            );
            return None;
        }
        Some(id)
    }

    fn number(
        &mut self,
        t: &Table,
        place: &str,
        key: &str,
        default: Option<u32>,
        range: (u32, u32),
    ) -> Option<u32> {
        match t.get(key) {
            None => {
                if default.is_none() {
                    self.add(&join(place, key), msg!("office-file-missing"));
                }
                default
            }
            Some(Value::Integer(n)) if (i64::from(range.0)..=i64::from(range.1)).contains(n) => {
                Some(*n as u32)
            }
            Some(Value::Integer(n)) => {
                self.add(
                    &join(place, key),
                    msg!(
                        "office-file-out-of-range",
                        n = *n,
                        min = range.0,
                        max = range.1
                    ),
                );
                None
            }
            Some(_) => {
                self.add(&join(place, key), msg!("office-file-not-whole-number"));
                None
            }
        }
    }

    /// A wall-clock time "HH:MM"; "24:00" (midnight at the end of the day) gives `Some(None)` where allowed.
    fn time(
        &mut self,
        t: &Table,
        place: &str,
        key: &str,
        allow_midnight_end: bool,
    ) -> Option<Option<NaiveTime>> {
        let v = t.get(key)?;
        let here = join(place, key);
        let Value::String(s) = v else {
            self.add(&here, msg!("office-file-time-not-string"));
            return None;
        };
        if allow_midnight_end && s == "24:00" {
            return Some(None);
        }
        match NaiveTime::parse_from_str(s, "%H:%M") {
            Ok(time) if s.len() == 5 => Some(Some(time)),
            _ => {
                self.add(&here, msg!("office-file-not-time", time = s.as_str()));
                None
            }
        }
    }

    fn date(&mut self, v: &Value, place: &str) -> Option<NaiveDate> {
        let parsed = match v {
            Value::String(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
            Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => {
                NaiveDate::parse_from_str(&d.to_string(), "%Y-%m-%d").ok()
            }
            _ => None,
        };
        if parsed.is_none() {
            self.add(place, msg!("office-file-not-date", value = v.to_string()));
        }
        parsed
    }

    fn dates(&mut self, t: &Table, place: &str, key: &str) -> Vec<NaiveDate> {
        match t.get(key) {
            None => vec![],
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| self.date(v, &format!("{} #{}", join(place, key), i + 1)))
                .collect(),
            Some(_) => {
                self.add(&join(place, key), msg!("office-file-not-dates"));
                vec![]
            }
        }
    }

    fn tables<'t>(&mut self, t: &'t Table, place: &str, key: &str) -> Vec<(String, &'t Table)> {
        match t.get(key) {
            None => vec![],
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    let here = format!("{} #{}", join(place, key), i + 1);
                    match v {
                        Value::Table(t) => Some((here, t)),
                        _ => {
                            self.add(&here, msg!("office-file-not-table"));
                            None
                        }
                    }
                })
                .collect(),
            Some(_) => {
                self.add(&join(place, key), msg!("office-file-not-tables", key = key));
                vec![]
            }
        }
    }
}

fn join(place: &str, key: &str) -> String {
    if place.is_empty() {
        key.to_string()
    } else {
        format!("{place}, {key}")
    }
}

const OFFICE_KEYS: &[&str] = &[
    "id",
    "name",
    "address",
    "timezone",
    "state",
    "min_notice_minutes",
    "horizon_days",
    "release_time",
    "confirm_within_minutes",
    "max_active_bookings_per_email",
    "hold_minutes",
    "reminder_hours",
    "arrivals",
    "email",
    "sender",
    "closed",
    "open",
    "counter",
    "queue",
];

fn office(t: &Table, fallback: &str, r: &mut Report) -> Option<Office> {
    let id = r.id(t, fallback);
    let place = id
        .as_ref()
        .map_or(fallback.to_string(), |id| format!("office {id}"));
    r.unknown_keys(t, &place, OFFICE_KEYS);
    let name = r.required_string(t, &place, "name");
    let address = r.required_string(t, &place, "address");
    let timezone = r.required_string(t, &place, "timezone").and_then(|tz| {
        let parsed = tz.parse::<Tz>().ok();
        if parsed.is_none() {
            r.add(
                &join(&place, "timezone"),
                msg!("office-file-bad-timezone", tz = tz.as_str()),
            );
        }
        parsed
    });
    let state = r.required_string(t, &place, "state").and_then(|code| {
        let parsed = State::parse(&code);
        if parsed.is_none() {
            let codes: Vec<_> = State::ALL.iter().map(|s| s.code()).collect();
            r.add(
                &join(&place, "state"),
                msg!(
                    "office-file-bad-state",
                    code = code.as_str(),
                    codes = codes.join(", ")
                ),
            );
        }
        parsed
    });
    let min_notice_minutes = r.number(
        t,
        &place,
        "min_notice_minutes",
        Some(120),
        (0, 60 * 24 * 30),
    );
    let horizon_days = r.number(t, &place, "horizon_days", Some(56), (1, 366));
    let release_time = r.time(t, &place, "release_time", false).flatten();
    let confirm_within_minutes =
        r.number(t, &place, "confirm_within_minutes", Some(30), (0, 60 * 24));
    let max_active = r.number(
        t,
        &place,
        "max_active_bookings_per_email",
        Some(2),
        (1, 100),
    );
    let hold_minutes = r.number(t, &place, "hold_minutes", Some(10), (1, 60));
    let reminder_hours = r.number(t, &place, "reminder_hours", Some(24), (0, 24 * 14));
    let arrivals = match t.get("arrivals") {
        None => Some(None),
        Some(Value::Table(a)) => {
            let here = join(&place, "arrivals");
            r.unknown_keys(a, &here, &["per_minutes", "max"]);
            let per_minutes = r.number(a, &here, "per_minutes", None, (1, 240));
            let max = r.number(a, &here, "max", None, (1, 10_000));
            if let Some(per) = per_minutes {
                if (24 * 60) % per != 0 {
                    r.add(
                        &join(&here, "per_minutes"),
                        msg!("office-file-not-day-divisor", n = per),
                    );
                }
            }
            per_minutes
                .zip(max)
                .map(|(per_minutes, max)| Some(ArrivalCap { per_minutes, max }))
        }
        Some(_) => {
            r.add(
                &join(&place, "arrivals"),
                msg!("office-file-arrivals-not-table"),
            );
            None
        }
    };
    let email = r.string(t, &place, "email");
    if let Some(e) = &email {
        if !super::text::is_email(e) {
            r.add(
                &join(&place, "email"),
                msg!("office-file-bad-email", email = e),
            );
        }
    }
    let sender = r.string(t, &place, "sender");
    if let Some(e) = &sender {
        if !super::text::is_email(e) {
            r.add(
                &join(&place, "sender"),
                msg!("office-file-bad-email", email = e),
            );
        }
    }
    let closed = r.dates(t, &place, "closed");
    let open = r.dates(t, &place, "open");
    let queue = queue_rules(t, &place, r);

    // Each with its place by position (`office x, counter #3`): a mistake
    // between two counters is said at the second, whose id may be the wrong one.
    let counters: Vec<(String, Counter)> = r
        .tables(t, &place, "counter")
        .into_iter()
        .filter_map(|(at, c)| counter(c, &place, &at, r).map(|c| (at, c)))
        .collect();
    if t.get("counter").is_none() {
        r.add(&place, msg!("office-file-no-counter"));
    }
    let mut counter_ids = HashSet::new();
    let mut service_ids = HashSet::new();
    let mut prefixes = HashSet::new();
    for (at, c) in &counters {
        if !prefixes.insert(c.prefix()) {
            r.add(
                &join(at, "ticket_prefix"),
                msg!("office-file-prefix-twice", prefix = c.prefix()),
            );
        }
        if !counter_ids.insert(&c.id) {
            r.add(&join(at, "id"), msg!("office-file-counter-id-twice"));
        }
        for s in &c.services {
            if !service_ids.insert(&s.id) {
                r.add(
                    &format!("{place}, counter {}, service {}", c.id, s.id),
                    msg!("office-file-service-id-twice"),
                );
            }
        }
    }

    Some(Office {
        id: id?,
        name: name?,
        address: address?,
        timezone: timezone?,
        state: state?,
        min_notice_minutes: min_notice_minutes?,
        horizon_days: horizon_days?,
        release_time,
        confirm_within_minutes: confirm_within_minutes?,
        max_active_bookings_per_email: max_active?,
        hold_minutes: hold_minutes?,
        reminder_hours: reminder_hours?,
        arrivals: arrivals?,
        email,
        sender,
        closed,
        open,
        counters: counters.into_iter().map(|(_, c)| c).collect(),
        queue: queue?,
    })
}

/// `[office.queue]`: the check-in window, recalls, and the office's desks.
fn queue_rules(t: &Table, place: &str, r: &mut Report) -> Option<QueueRules> {
    let d = QueueRules::default();
    let q = match t.get("queue") {
        None => return Some(d),
        Some(Value::Table(q)) => q,
        Some(_) => {
            r.add(&join(place, "queue"), msg!("office-file-queue-not-table"));
            return None;
        }
    };
    let here = join(place, "queue");
    r.unknown_keys(
        q,
        &here,
        &[
            "early_minutes",
            "late_minutes",
            "recall_minutes",
            "max_calls",
            "desks",
        ],
    );
    let early = r.number(q, &here, "early_minutes", Some(d.early_minutes), (0, 240));
    let late = r.number(q, &here, "late_minutes", Some(d.late_minutes), (0, 240));
    let recall = r.number(q, &here, "recall_minutes", Some(d.recall_minutes), (0, 60));
    let max_calls = r.number(q, &here, "max_calls", Some(d.max_calls), (1, 10));
    let desks = match q.get("desks") {
        None => Some(Vec::new()),
        Some(Value::Array(items)) => {
            let mut names: Vec<String> = Vec::new();
            let mut ok = true;
            for v in items {
                match v.as_str().map(str::trim) {
                    Some(name)
                        if !name.is_empty()
                            && name.chars().count() <= 20
                            && super::text::is_clean_line(name) =>
                    {
                        if names.iter().any(|n| n == name) {
                            r.add(
                                &join(&here, "desks"),
                                msg!("office-file-named-twice", name = format!("{name:?}")),
                            );
                            ok = false;
                        }
                        names.push(name.to_string());
                    }
                    _ => {
                        r.add(
                            &join(&here, "desks"),
                            msg!("office-file-bad-desk-name", value = v.to_string(), max = 20),
                        );
                        ok = false;
                    }
                }
            }
            ok.then_some(names)
        }
        Some(_) => {
            r.add(&join(&here, "desks"), msg!("office-file-not-desk-list"));
            None
        }
    };
    Some(QueueRules {
        early_minutes: early?,
        late_minutes: late?,
        recall_minutes: recall?,
        max_calls: max_calls?,
        desks: desks?,
    })
}

fn counter(t: &Table, office: &str, fallback: &str, r: &mut Report) -> Option<Counter> {
    let id = r.id(t, fallback);
    let place = id
        .as_ref()
        .map_or(fallback.to_string(), |id| format!("{office}, counter {id}"));
    r.unknown_keys(
        t,
        &place,
        &[
            "id",
            "name",
            "grid_minutes",
            "service",
            "hours",
            "exception",
            "ticket_prefix",
        ],
    );
    let name = r.text(t, &place, "name", true);
    let ticket_prefix = r.string(t, &place, "ticket_prefix");
    if let Some(p) = &ticket_prefix {
        let ok = (1..=3).contains(&p.len())
            && p.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if !ok {
            r.add(
                &join(&place, "ticket_prefix"),
                msg!("office-file-bad-prefix", prefix = p),
            );
        }
    }
    let grid = r.number(t, &place, "grid_minutes", Some(5), (1, 60));
    if let Some(g) = grid {
        if 60 % g != 0 {
            r.add(
                &join(&place, "grid_minutes"),
                msg!("office-file-not-hour-divisor", n = g),
            );
        }
    }
    let on_grid = |time: Option<NaiveTime>| {
        let minute = time.map_or(24 * 60, |t| t.hour() * 60 + t.minute());
        grid.is_none_or(|g| minute.is_multiple_of(g))
    };

    let services: Vec<Service> = r
        .tables(t, &place, "service")
        .into_iter()
        .filter_map(|(fallback, s)| service(s, &place, &fallback, grid, r))
        .collect();
    if services.is_empty() && t.get("service").is_none() {
        r.add(&place, msg!("office-file-no-service"));
    }

    let mut hours = Vec::new();
    for (here, h) in r.tables(t, &place, "hours") {
        r.unknown_keys(
            h,
            &here,
            &["days", "from", "to", "desks", "online", "since", "until"],
        );
        let days = weekdays(h, &here, r);
        let from = required(r, h, &here, "from")
            .and_then(|_| r.time(h, &here, "from", false))
            .flatten();
        let to = required(r, h, &here, "to").and_then(|_| r.time(h, &here, "to", true));
        let desks = r.number(h, &here, "desks", None, (1, 1000));
        let online = r.number(h, &here, "online", desks, (0, 1000));
        if let (Some(d), Some(o)) = (desks, online) {
            if o > d {
                r.add(
                    &join(&here, "online"),
                    msg!("office-file-online-above-desks", online = o, desks = d),
                );
            }
        }
        if let (Some(from), Some(to)) = (from, to) {
            if to.is_some_and(|to| to <= from) {
                r.add(&here, msg!("office-file-window-backwards"));
            }
        }
        for (key, time) in [("from", from.map(Some)), ("to", to)] {
            if time.is_some_and(|t| !on_grid(t)) {
                r.add(
                    &join(&here, key),
                    msg!("office-file-off-grid", grid = grid.unwrap_or(0)),
                );
            }
        }
        let since = h
            .get("since")
            .and_then(|v| r.date(v, &join(&here, "since")));
        let until = h
            .get("until")
            .and_then(|v| r.date(v, &join(&here, "until")));
        if let (Some(s), Some(u)) = (since, until) {
            if u < s {
                r.add(
                    &join(&here, "until"),
                    msg!("office-file-until-before-since"),
                );
            }
        }
        if let (Some(days), Some(from), Some(to), Some(desks), Some(online)) =
            (days, from, to, desks, online)
        {
            hours.push((
                here,
                Window {
                    days,
                    from,
                    to,
                    desks,
                    online,
                    since,
                    until,
                },
            ));
        }
    }
    let end = |w: &Window| w.to.map_or(24 * 60, |t| t.hour() * 60 + t.minute());
    let start = |w: &Window| w.from.hour() * 60 + w.from.minute();
    for (i, (here, a)) in hours.iter().enumerate() {
        for (there, b) in &hours[..i] {
            let shared: Vec<_> = a.days.iter().filter(|d| b.days.contains(d)).collect();
            let dated_apart = a.until.zip(b.since).is_some_and(|(u, s)| u < s)
                || b.until.zip(a.since).is_some_and(|(u, s)| u < s);
            if !shared.is_empty() && !dated_apart && start(a) < end(b) && start(b) < end(a) {
                r.add(
                    here,
                    msg!(
                        "office-file-overlap",
                        other = there,
                        day = format!("{:?}", shared[0]).to_lowercase()
                    ),
                );
            }
        }
    }

    let mut exceptions = Vec::new();
    for (here, e) in r.tables(t, &place, "exception") {
        r.unknown_keys(e, &here, &["date", "from", "to", "desks", "online"]);
        let date = match e.get("date") {
            Some(v) => r.date(v, &join(&here, "date")),
            None => {
                r.add(&join(&here, "date"), msg!("office-file-missing"));
                None
            }
        };
        let from = r.time(e, &here, "from", false).flatten();
        let to = r.time(e, &here, "to", true);
        if e.contains_key("from") != e.contains_key("to") {
            r.add(&here, msg!("office-file-exception-half"));
        }
        if let (Some(from), Some(to)) = (from, to) {
            if to.is_some_and(|to| to <= from) {
                r.add(&here, msg!("office-file-exception-backwards"));
            }
            if !on_grid(Some(from)) || !on_grid(to) {
                r.add(&here, msg!("office-file-exception-off-grid"));
            }
        }
        let desks = r.number(e, &here, "desks", Some(0), (0, 1000));
        let online = r.number(e, &here, "online", desks, (0, 1000));
        if let (Some(d), Some(o)) = (desks, online) {
            if o > d {
                r.add(
                    &join(&here, "online"),
                    msg!("office-file-online-above-desks", online = o, desks = d),
                );
            }
        }
        if let (Some(date), Some(desks), Some(online)) = (date, desks, online) {
            exceptions.push(Exception {
                date,
                from,
                to: to.flatten(),
                desks,
                online,
            });
        }
    }

    Some(Counter {
        id: id?,
        name: name?,
        grid_minutes: grid?,
        services,
        hours: hours.into_iter().map(|(_, w)| w).collect(),
        exceptions,
        ticket_prefix,
    })
}

fn required(r: &mut Report, t: &Table, place: &str, key: &str) -> Option<()> {
    if t.contains_key(key) {
        Some(())
    } else {
        r.add(&join(place, key), msg!("office-file-missing"));
        None
    }
}

fn weekdays(t: &Table, place: &str, r: &mut Report) -> Option<Vec<Weekday>> {
    let here = join(place, "days");
    let Some(Value::Array(items)) = t.get("days") else {
        r.add(&here, msg!("office-file-not-weekdays"));
        return None;
    };
    let mut days = Vec::new();
    let mut ok = !items.is_empty();
    if items.is_empty() {
        r.add(&here, msg!("office-file-no-day"));
    }
    for v in items {
        match v.as_str().and_then(Weekday::parse) {
            Some(d) if days.contains(&d) => {
                r.add(&here, msg!("office-file-named-twice", name = v.to_string()));
                ok = false;
            }
            Some(d) => days.push(d),
            None => {
                r.add(
                    &here,
                    msg!("office-file-not-weekday", value = v.to_string()),
                );
                ok = false;
            }
        }
    }
    ok.then_some(days)
}

fn service(
    t: &Table,
    counter: &str,
    fallback: &str,
    grid: Option<u32>,
    r: &mut Report,
) -> Option<Service> {
    let id = r.id(t, fallback);
    let place = id.as_ref().map_or(fallback.to_string(), |id| {
        format!("{counter}, service {id}")
    });
    r.unknown_keys(
        t,
        &place,
        &["id", "name", "minutes", "max_persons", "bring"],
    );
    let name = r.text(t, &place, "name", true);
    let minutes = r.number(t, &place, "minutes", None, (1, 8 * 60));
    if let (Some(m), Some(g)) = (minutes, grid) {
        if m % g != 0 {
            r.add(
                &join(&place, "minutes"),
                msg!("office-file-minutes-off-grid", minutes = m, grid = g),
            );
        }
    }
    let max_persons = r.number(t, &place, "max_persons", Some(1), (1, 20));
    let bring = r.text(t, &place, "bring", false);
    Some(Service {
        id: id?,
        name: name?,
        minutes: minutes?,
        max_persons: max_persons?,
        bring,
    })
}

/// The office file of `offices`: what [`parse`] reads back as the same offices
/// (`termin export`). Defaults are written out, so the file says everything.
pub fn render(offices: &[Office]) -> String {
    let all: Vec<Value> = offices
        .iter()
        .map(|o| Value::Table(office_table(o)))
        .collect();
    let mut file = Table::new();
    file.insert("office".into(), Value::Array(all));
    toml::to_string(&file).expect("an office file is plain TOML")
}

/// One office as the table of its office file.
pub fn office_table(o: &Office) -> Table {
    let mut t = Table::new();
    let mut put = |k: &str, v: Value| {
        t.insert(k.into(), v);
    };
    put("id", o.id.clone().into());
    put("name", o.name.clone().into());
    put("address", o.address.clone().into());
    put("timezone", o.timezone.name().into());
    put("state", o.state.code().into());
    put("min_notice_minutes", number(o.min_notice_minutes));
    put("horizon_days", number(o.horizon_days));
    if let Some(at) = o.release_time {
        put("release_time", clock(at).into());
    }
    put("confirm_within_minutes", number(o.confirm_within_minutes));
    put(
        "max_active_bookings_per_email",
        number(o.max_active_bookings_per_email),
    );
    put("hold_minutes", number(o.hold_minutes));
    put("reminder_hours", number(o.reminder_hours));
    if let Some(a) = o.arrivals {
        let mut cap = Table::new();
        cap.insert("per_minutes".into(), number(a.per_minutes));
        cap.insert("max".into(), number(a.max));
        put("arrivals", Value::Table(cap));
    }
    if let Some(e) = &o.email {
        put("email", e.clone().into());
    }
    if let Some(e) = &o.sender {
        put("sender", e.clone().into());
    }
    let dates =
        |ds: &[chrono::NaiveDate]| Value::Array(ds.iter().map(|d| d.to_string().into()).collect());
    put("closed", dates(&o.closed));
    put("open", dates(&o.open));
    let q = &o.queue;
    let mut queue = Table::new();
    queue.insert("early_minutes".into(), number(q.early_minutes));
    queue.insert("late_minutes".into(), number(q.late_minutes));
    queue.insert("recall_minutes".into(), number(q.recall_minutes));
    queue.insert("max_calls".into(), number(q.max_calls));
    if !q.desks.is_empty() {
        queue.insert(
            "desks".into(),
            Value::Array(q.desks.iter().map(|d| d.clone().into()).collect()),
        );
    }
    put("queue", Value::Table(queue));
    put(
        "counter",
        Value::Array(
            o.counters
                .iter()
                .map(|c| Value::Table(counter_table(c)))
                .collect(),
        ),
    );
    t
}

fn counter_table(c: &Counter) -> Table {
    let mut t = Table::new();
    t.insert("id".into(), c.id.clone().into());
    t.insert("name".into(), text(&c.name));
    if let Some(p) = &c.ticket_prefix {
        t.insert("ticket_prefix".into(), p.clone().into());
    }
    t.insert("grid_minutes".into(), number(c.grid_minutes));
    let services = c.services.iter().map(|s| {
        let mut st = Table::new();
        st.insert("id".into(), s.id.clone().into());
        st.insert("name".into(), text(&s.name));
        st.insert("minutes".into(), number(s.minutes));
        st.insert("max_persons".into(), number(s.max_persons));
        if let Some(b) = &s.bring {
            st.insert("bring".into(), text(b));
        }
        Value::Table(st)
    });
    t.insert("service".into(), Value::Array(services.collect()));
    let hours = c.hours.iter().map(|w| {
        let mut h = Table::new();
        let days = w.days.iter().map(|d| weekday(*d).into());
        h.insert("days".into(), Value::Array(days.collect()));
        h.insert("from".into(), clock(w.from).into());
        h.insert(
            "to".into(),
            w.to.map_or_else(|| "24:00".to_string(), clock).into(),
        );
        h.insert("desks".into(), number(w.desks));
        h.insert("online".into(), number(w.online));
        if let Some(d) = w.since {
            h.insert("since".into(), d.to_string().into());
        }
        if let Some(d) = w.until {
            h.insert("until".into(), d.to_string().into());
        }
        Value::Table(h)
    });
    t.insert("hours".into(), Value::Array(hours.collect()));
    if !c.exceptions.is_empty() {
        let exceptions = c.exceptions.iter().map(|e| {
            let mut x = Table::new();
            x.insert("date".into(), e.date.to_string().into());
            if let Some(from) = e.from {
                x.insert("from".into(), clock(from).into());
                x.insert(
                    "to".into(),
                    e.to.map_or_else(|| "24:00".to_string(), clock).into(),
                );
            }
            x.insert("desks".into(), number(e.desks));
            x.insert("online".into(), number(e.online));
            Value::Table(x)
        });
        t.insert("exception".into(), Value::Array(exceptions.collect()));
    }
    t
}

fn number(n: u32) -> Value {
    Value::Integer(i64::from(n))
}

fn clock(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn weekday(d: Weekday) -> &'static str {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        [Weekday::ALL.iter().position(|w| *w == d).unwrap_or(0)]
}

/// A text: a plain string when only German is given, else a table of its languages.
fn text(x: &Text) -> Value {
    let others = crate::domain::Language::ALL.into_iter().skip(1);
    let given: Vec<_> = others.filter_map(|l| x.given(l).map(|s| (l, s))).collect();
    if given.is_empty() {
        return x.de.clone().into();
    }
    let mut t = Table::new();
    t.insert("de".into(), x.de.clone().into());
    for (l, s) in given {
        t.insert(l.as_str().into(), s.to_string().into());
    }
    Value::Table(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[office]]
id = "mitte"
name = "Bürgerbüro Mitte"
address = "Neuer Markt 3, 18055 Rostock"
timezone = "Europe/Berlin"
state = "MV"
arrivals = { per_minutes = 15, max = 12 }
closed = ["2026-12-24", "2026-12-31"]

  [[office.counter]]
  id = "stadtamt"
  name = "Stadtamt"
  grid_minutes = 5

    [[office.counter.service]]
    id = "anmeldung"
    name = { de = "Wohnsitz anmelden", en = "Register your address" }
    minutes = 15
    max_persons = 5

    [[office.counter.hours]]
    days = ["mon", "tue", "thu"]
    from = "08:00"
    to = "12:00"
    desks = 4
    online = 3

    [[office.counter.hours]]
    days = ["thu"]
    from = "14:00"
    to = "18:00"
    desks = 2
"#;

    #[test]
    fn the_example_of_the_design_parses_with_defaults() {
        let offices = parse(GOOD).unwrap();
        let o = &offices[0];
        assert_eq!(o.id, "mitte");
        assert_eq!(o.state, State::MV);
        assert_eq!(o.min_notice_minutes, 120);
        assert_eq!(
            o.arrivals,
            Some(ArrivalCap {
                per_minutes: 15,
                max: 12
            })
        );
        assert_eq!(o.closed.len(), 2);
        let c = &o.counters[0];
        assert_eq!(
            c.services[0].name.en.as_deref(),
            Some("Register your address")
        );
        assert_eq!(c.hours[1].online, 2, "online defaults to all desks");
        assert_eq!(o.queue, QueueRules::default());
        assert_eq!(c.prefix(), "S");
        assert_eq!(o.desks(), ["1", "2", "3", "4"]);
    }

    #[test]
    fn the_queue_rules_and_ticket_prefixes_are_read_and_checked() {
        let with = GOOD.replace(
            "closed = [",
            "queue = { early_minutes = 20, max_calls = 2, desks = [\"1\", \"Raum 1.12\"] }\nclosed = [",
        ).replace("grid_minutes = 5\n", "grid_minutes = 5\n  ticket_prefix = \"ST\"\n");
        let o = &parse(&with).unwrap()[0];
        assert_eq!(o.queue.early_minutes, 20);
        assert_eq!(o.queue.late_minutes, 10);
        assert_eq!(o.queue.max_calls, 2);
        assert_eq!(o.desks(), ["1", "Raum 1.12"]);
        assert_eq!(o.counters[0].prefix(), "ST");

        let bad = GOOD
            .replace(
                "closed = [",
                "queue = { max_calls = 0, desks = [\"1\", \"1\"], colour = 1 }\nclosed = [",
            )
            .replace(
                "grid_minutes = 5\n",
                "grid_minutes = 5\n  ticket_prefix = \"s-\"\n",
            );
        let found = mistakes(&bad);
        for e in [
            "office mitte, queue, max_calls: 0 is not between 1 and 10",
            "office mitte, queue, desks: \"1\" is named twice",
            "office mitte, queue, colour: unknown key",
            "office mitte, counter stadtamt, ticket_prefix: \"s-\" must be 1 to 3",
        ] {
            assert!(
                found.iter().any(|f| f.starts_with(e)),
                "missing {e:?} in {found:#?}"
            );
        }
    }

    fn mistakes(src: &str) -> Vec<String> {
        parse(src)
            .unwrap_err()
            .0
            .iter()
            .map(|m| m.to_string())
            .collect()
    }

    #[test]
    fn every_mistake_is_reported_at_once_with_its_place() {
        let bad = GOOD
            .replace("Europe/Berlin", "Europe/Rostock")
            .replace("\"MV\"", "\"XY\"")
            .replace("minutes = 15\n", "minutes = 17\n")
            .replace("[\"mon\", \"tue\", \"thu\"]", "[\"mon\", \"tuesday\"]")
            .replace("online = 3", "online = 5\n    colour = \"red\"")
            .replace("to = \"18:00\"", "to = \"13:00\"");
        let found = mistakes(&bad);
        let expect = [
            "office mitte, timezone: \"Europe/Rostock\" is not an IANA time-zone name",
            "office mitte, state: \"XY\" is not a German state code",
            "office mitte, counter stadtamt, service anmeldung, minutes: 17 is not a multiple of the counter's 5-minute grid",
            "office mitte, counter stadtamt, hours #1, days: \"tuesday\" is not a weekday",
            "office mitte, counter stadtamt, hours #1, online: 5 online desks, but only 4 desks",
            "office mitte, counter stadtamt, hours #1, colour: unknown key",
            "office mitte, counter stadtamt, hours #2: the window ends before it starts",
        ];
        for e in expect {
            assert!(
                found.iter().any(|f| f.starts_with(e)),
                "missing {e:?} in {found:#?}"
            );
        }
        assert_eq!(found.len(), expect.len(), "{found:#?}");
    }

    #[test]
    fn overlapping_windows_and_duplicate_ids_are_mistakes() {
        let bad = GOOD.replace("from = \"14:00\"", "from = \"11:00\"")
            + "\n[[office]]\nid = \"mitte\"\nname = \"x\"\naddress = \"y\"\ntimezone = \"Europe/Berlin\"\nstate = \"BY\"\n";
        let found = mistakes(&bad);
        assert!(
            found
                .iter()
                .any(|f| f.starts_with("office mitte, counter stadtamt, hours #2: overlaps")),
            "{found:#?}"
        );
        assert!(
            found
                .iter()
                .any(|f| f == "office mitte: the id is used twice in this file"),
            "{found:#?}"
        );
        assert!(
            found
                .iter()
                .any(|f| f == "office mitte: has no [[office.counter]]"),
            "{found:#?}"
        );
    }

    #[test]
    fn times_must_be_times_on_the_grid() {
        let bad = GOOD
            .replace("from = \"08:00\"", "from = \"25:00\"")
            .replace("to = \"12:00\"", "to = \"12:02\"");
        let found = mistakes(&bad);
        assert!(
            found
                .iter()
                .any(|f| f.contains("from: \"25:00\" is not a time of day")),
            "{found:#?}"
        );
        assert!(
            found
                .iter()
                .any(|f| f.contains("to: is not on the counter's 5-minute grid")),
            "{found:#?}"
        );
    }

    #[test]
    fn broken_toml_says_where() {
        let found = mistakes("[[office]\nid = ");
        assert!(found[0].starts_with("not valid TOML"), "{found:?}");
        assert!(found[0].contains("line 1"), "{found:?}");
    }

    #[test]
    fn an_exported_plan_reads_back_as_the_same_plan() {
        let demo = parse(include_str!("../demo.toml")).unwrap();
        let mut more = parse(GOOD).unwrap();
        more[0].id = "more".into();
        more[0].release_time = NaiveTime::from_hms_opt(8, 0, 0);
        more[0].queue.desks = vec!["Raum 1.12".into(), "3".into()];
        let at = |h| NaiveTime::from_hms_opt(h, 0, 0);
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        more[0].counters[0].exceptions = vec![
            Exception {
                date: day(23),
                from: at(10),
                to: at(12),
                desks: 1,
                online: 0,
            },
            Exception {
                date: day(24),
                from: None,
                to: None,
                desks: 0,
                online: 0,
            },
        ];
        let offices: Vec<Office> = demo.into_iter().chain(more).collect();
        let file = render(&offices);
        assert_eq!(parse(&file).unwrap(), offices, "{file}");
        // Translations, exceptions, a release time and named desks go through too.
        assert!(offices
            .iter()
            .flat_map(|o| &o.counters)
            .any(|c| !c.exceptions.is_empty()));
        assert!(offices
            .iter()
            .flat_map(|o| &o.counters)
            .any(|c| c.name.en.is_some()));
    }
}
