//! Offices, their counters and services, and the weekly capacity plan.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::holidays::State;

/// A text in German and, where given, in the other languages of the pages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Text {
    pub de: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uk: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ar: Option<String>,
}

impl Text {
    pub fn plain(s: &str) -> Text {
        Text {
            de: s.to_string(),
            ..Text::default()
        }
    }

    /// The text in `lang`; where the office gave none, in English (which more
    /// readers of the other languages read than German), else in German.
    pub fn get(&self, lang: super::Language) -> &str {
        use super::Language::*;
        let own = match lang {
            De => None,
            En => self.en.as_deref(),
            Uk => self.uk.as_deref(),
            Tr => self.tr.as_deref(),
            Ar => self.ar.as_deref(),
        };
        own.or(self.en.as_deref().filter(|_| lang != De))
            .unwrap_or(&self.de)
    }

    /// The translation the office gave for `lang` (German: always).
    pub fn given(&self, lang: super::Language) -> Option<&str> {
        use super::Language::*;
        match lang {
            De => Some(&self.de),
            En => self.en.as_deref(),
            Uk => self.uk.as_deref(),
            Tr => self.tr.as_deref(),
            Ar => self.ar.as_deref(),
        }
    }

    /// The translation given for `lang`, if any (German: always).
    pub fn set(&mut self, lang: super::Language, text: Option<String>) {
        use super::Language::*;
        match lang {
            De => self.de = text.unwrap_or_default(),
            En => self.en = text,
            Uk => self.uk = text,
            Tr => self.tr = text,
            Ar => self.ar = text,
        }
    }
}

/// One building with counters, in one time zone and one German state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Office {
    pub id: String,
    pub name: String,
    pub address: String,
    pub timezone: Tz,
    pub state: State,
    pub min_notice_minutes: u32,
    pub horizon_days: u32,
    /// Local time of day at which the day at the far end of the horizon opens.
    pub release_time: Option<NaiveTime>,
    /// 0: bookings are confirmed at once.
    pub confirm_within_minutes: u32,
    pub max_active_bookings_per_email: u32,
    pub hold_minutes: u32,
    /// 0: no reminder.
    pub reminder_hours: u32,
    pub arrivals: Option<ArrivalCap>,
    /// Reply-to address for the office's mails.
    pub email: Option<String>,
    /// Sender address for the office's mails (default: `TERMIN_MAIL_FROM`).
    #[serde(default)]
    pub sender: Option<String>,
    pub closed: Vec<NaiveDate>,
    pub open: Vec<NaiveDate>,
    pub counters: Vec<Counter>,
    /// The rules of the day's queue (`[office.queue]`); offices stored before
    /// there were any get the defaults.
    #[serde(default)]
    pub queue: QueueRules,
}

/// How the day's queue runs at an office (`[office.queue]` in the office file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QueueRules {
    /// Check-in opens this many minutes before the appointment.
    pub early_minutes: u32,
    /// A later arrival than this many minutes after the appointment becomes a walk-in.
    pub late_minutes: u32,
    /// A called ticket may be called again after this many minutes.
    pub recall_minutes: u32,
    /// After this many calls without coming a ticket is missed.
    pub max_calls: u32,
    /// The office's desks by name (`3`, `Raum 1.12`); empty: `1` to the most
    /// desks its counters staff at once, added up.
    pub desks: Vec<String>,
}

impl Default for QueueRules {
    fn default() -> QueueRules {
        QueueRules {
            early_minutes: 30,
            late_minutes: 10,
            recall_minutes: 2,
            max_calls: 3,
            desks: Vec::new(),
        }
    }
}

/// At most `max` persons arrive in each `per_minutes` window of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArrivalCap {
    pub per_minutes: u32,
    pub max: u32,
}

/// A group of desks serving one family of services.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Counter {
    pub id: String,
    pub name: Text,
    pub grid_minutes: u32,
    pub services: Vec<Service>,
    pub hours: Vec<Window>,
    pub exceptions: Vec<Exception>,
    /// The prefix of the counter's ticket numbers (`S` in `S-017`); `None`: the
    /// first letter of the id, upper case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_prefix: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    pub name: Text,
    /// Minutes per person.
    pub minutes: u32,
    pub max_persons: u32,
    /// What to bring, shown in the confirmation.
    pub bring: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    pub fn parse(s: &str) -> Option<Weekday> {
        let i = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            .iter()
            .position(|d| d.eq_ignore_ascii_case(s))?;
        Some(Weekday::ALL[i])
    }

    pub fn of(date: NaiveDate) -> Weekday {
        use chrono::Datelike;
        Weekday::ALL[date.weekday().num_days_from_monday() as usize]
    }
}

/// A weekly opening window of a counter. `to` of `None` means midnight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub days: Vec<Weekday>,
    pub from: NaiveTime,
    pub to: Option<NaiveTime>,
    pub desks: u32,
    pub online: u32,
    /// The first date the window is in force (`None`: since ever); a plan saved
    /// to take effect from a date keeps the windows before it up to the day before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    /// The last date the window is in force (`None`: for good).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

impl Window {
    /// Whether the window is in force on `date` (its weekday aside).
    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.since.is_none_or(|s| s <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// A dated change to a counter's plan: reduced staff for the whole day or a
/// time range, or (with `online = 0` and no times) the counter closed that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exception {
    pub date: NaiveDate,
    pub from: Option<NaiveTime>,
    pub to: Option<NaiveTime>,
    pub desks: u32,
    pub online: u32,
}

impl Office {
    pub fn counter(&self, id: &str) -> Option<&Counter> {
        self.counters.iter().find(|c| c.id == id)
    }

    /// The office's desks: as the office file names them, or `1` to the most
    /// desks its counters staff at once, added up.
    pub fn desks(&self) -> Vec<String> {
        if !self.queue.desks.is_empty() {
            return self.queue.desks.clone();
        }
        let most = |c: &Counter| {
            let windows = c.hours.iter().map(|w| w.desks);
            let exceptions = c.exceptions.iter().map(|e| e.desks);
            windows.chain(exceptions).max().unwrap_or(0)
        };
        let n: u32 = self.counters.iter().map(most).sum();
        (1..=n.max(1)).map(|i| i.to_string()).collect()
    }

    /// The counter offering a service, with the service.
    pub fn service(&self, id: &str) -> Option<(&Counter, &Service)> {
        self.counters
            .iter()
            .find_map(|c| c.services.iter().find(|s| s.id == id).map(|s| (c, s)))
    }
}

impl Counter {
    /// The prefix of the counter's ticket numbers.
    pub fn prefix(&self) -> String {
        match &self.ticket_prefix {
            Some(p) => p.clone(),
            None => self
                .id
                .chars()
                .next()
                .map_or_else(|| "T".into(), |c| c.to_ascii_uppercase().to_string()),
        }
    }

    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }
}
