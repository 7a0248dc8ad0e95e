//! Dates and times as people read them, per language.

use chrono::{DateTime, Datelike, NaiveDate, Timelike};
use chrono_tz::Tz;

use crate::domain::Language;

const WEEKDAYS_SHORT_DE: [&str; 7] = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];
const WEEKDAYS_SHORT_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

const WEEKDAYS_DE: [&str; 7] = [
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];
const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The weekday's name, Monday = 0.
pub fn weekday(i: usize, lang: Language) -> &'static str {
    match lang {
        Language::De => WEEKDAYS_DE[i % 7],
        _ => WEEKDAYS_EN[i % 7],
    }
}

/// The weekday's short name for a calendar's head, Monday = 0.
pub fn weekday_short(i: usize, lang: Language) -> &'static str {
    match lang {
        Language::De => WEEKDAYS_SHORT_DE[i % 7],
        _ => WEEKDAYS_SHORT_EN[i % 7],
    }
}

/// "Montag, 30. November 2026" / "Monday, 30 November 2026".
pub fn long_date(date: NaiveDate, lang: Language) -> String {
    let wd = date.weekday().num_days_from_monday() as usize;
    let m = date.month0() as usize;
    match lang {
        Language::De => format!(
            "{}, {}. {} {}",
            WEEKDAYS_DE[wd],
            date.day(),
            MONTHS_DE[m],
            date.year()
        ),
        _ => format!(
            "{}, {} {} {}",
            WEEKDAYS_EN[wd],
            date.day(),
            MONTHS_EN[m],
            date.year()
        ),
    }
}

/// "Dezember 2026" / "December 2026".
pub fn month_year(date: NaiveDate, lang: Language) -> String {
    let m = date.month0() as usize;
    let name = match lang {
        Language::De => MONTHS_DE[m],
        _ => MONTHS_EN[m],
    };
    format!("{name} {}", date.year())
}

/// "09:30 Uhr" / "9:30 am".
pub fn time(t: DateTime<Tz>, lang: Language) -> String {
    match lang {
        Language::De => format!("{:02}:{:02} Uhr", t.hour(), t.minute()),
        _ => {
            let (pm, h) = t.hour12();
            format!("{}:{:02} {}", h, t.minute(), if pm { "pm" } else { "am" })
        }
    }
}

/// Date and time of an appointment: "Montag, 30. November 2026, 09:30 Uhr".
pub fn when(t: DateTime<Tz>, lang: Language) -> String {
    format!("{}, {}", long_date(t.date_naive(), lang), time(t, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn appointments_read_naturally_in_both_languages() {
        let t = chrono_tz::Europe::Berlin
            .with_ymd_and_hms(2026, 11, 30, 14, 5, 0)
            .unwrap();
        assert_eq!(
            when(t, Language::De),
            "Montag, 30. November 2026, 14:05 Uhr"
        );
        assert_eq!(when(t, Language::En), "Monday, 30 November 2026, 2:05 pm");
    }
}
