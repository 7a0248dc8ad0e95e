//! Dates, weekdays and times as people read them, per language, by CLDR's
//! rules (ICU4X). The formatters are built once per language.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike};
use chrono_tz::Tz;
use icu_calendar::Gregorian;
use icu_datetime::fieldsets::{E, T, YM, YMDE};
use icu_datetime::input::{Date, Time};
use icu_datetime::pattern::{DateTimePattern, FixedCalendarDateTimeNames};
use icu_datetime::{FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu_locale_core::Locale;
use writeable::TryWriteable;

use crate::domain::Language;

/// The formatters of one language.
struct Formats {
    long_date: FixedCalendarDateTimeFormatter<Gregorian, YMDE>,
    month_year: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    time: NoCalendarFormatter<T>,
    /// Short and long weekday names, Monday first.
    weekdays_short: [String; 7],
    weekdays: [String; 7],
}

/// The locale a language's dates are written in. English as in Britain (the
/// 24-hour clock of the office's own signs); Arabic with the digits 0–9, as
/// the office's ticket numbers and addresses are written.
fn locale(lang: Language) -> Locale {
    let tag = match lang {
        Language::De => "de",
        Language::En => "en-GB",
        Language::Uk => "uk",
        Language::Tr => "tr",
        Language::Ar => "ar-u-nu-latn",
    };
    tag.parse().expect("a valid locale")
}

fn gregorian(d: NaiveDate) -> Date<Gregorian> {
    let month = u8::try_from(d.month()).unwrap_or(1);
    let day = u8::try_from(d.day()).unwrap_or(1);
    Date::try_new_gregorian(d.year(), month, day)
        .unwrap_or_else(|_| Date::try_new_gregorian(2000, 1, 1).expect("a valid date"))
}

impl Formats {
    fn new(lang: Language) -> Formats {
        let loc = locale(lang);
        let prefs = || (&loc).into();
        let weekday: FixedCalendarDateTimeFormatter<Gregorian, E> =
            FixedCalendarDateTimeFormatter::try_new(prefs(), E::long()).expect("weekday names");
        let short: FixedCalendarDateTimeFormatter<Gregorian, E> =
            FixedCalendarDateTimeFormatter::try_new(prefs(), E::short()).expect("weekday names");
        // 30 November 2026 is a Monday.
        let monday = NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date");
        let day = |i: i64| gregorian(monday + Duration::days(i));
        let weekdays = std::array::from_fn(|i| weekday.format(&day(i as i64)).to_string());
        let mut weekdays_short = std::array::from_fn(|i| short.format(&day(i as i64)).to_string());
        if lang == Language::Ar {
            // Arabic's short names are its long ones: a calendar's head takes the narrower
            // stand-alone form.
            if let Ok(pattern) = DateTimePattern::try_from_pattern_str("cccccc") {
                if let Ok(mut names) = FixedCalendarDateTimeNames::<Gregorian, E>::try_new(prefs())
                {
                    if let Ok(f) = names.include_for_pattern(&pattern) {
                        weekdays_short = std::array::from_fn(|i| {
                            f.format(&day(i as i64))
                                .try_write_to_string()
                                .map(|s| s.into_owned())
                                .unwrap_or_default()
                        });
                    }
                }
            }
        }
        Formats {
            long_date: FixedCalendarDateTimeFormatter::try_new(prefs(), YMDE::long())
                .expect("dates"),
            month_year: FixedCalendarDateTimeFormatter::try_new(prefs(), YM::long())
                .expect("months"),
            time: NoCalendarFormatter::try_new(prefs(), T::hm()).expect("times"),
            weekdays_short,
            weekdays,
        }
    }
}

fn formats(lang: Language) -> &'static Formats {
    static ALL: OnceLock<HashMap<Language, Formats>> = OnceLock::new();
    &ALL.get_or_init(|| {
        Language::ALL
            .into_iter()
            .map(|l| (l, Formats::new(l)))
            .collect()
    })[&lang]
}

/// "Montag, 30. November 2026".
pub fn long_date(date: NaiveDate, lang: Language) -> String {
    formats(lang).long_date.format(&gregorian(date)).to_string()
}

/// "Dezember 2026".
pub fn month_year(date: NaiveDate, lang: Language) -> String {
    formats(lang)
        .month_year
        .format(&gregorian(date))
        .to_string()
}

/// "09:30" (the words around it, such as German "Uhr", come from the catalog).
pub fn time(t: DateTime<Tz>, lang: Language) -> String {
    let hour = u8::try_from(t.hour()).unwrap_or(0);
    let minute = u8::try_from(t.minute()).unwrap_or(0);
    let time = Time::try_new(hour, minute, 0, 0).unwrap_or_else(|_| Time::start_of_day());
    formats(lang).time.format(&time).to_string()
}

/// The weekday's name, Monday = 0.
pub fn weekday(i: usize, lang: Language) -> &'static str {
    &formats(lang).weekdays[i % 7]
}

/// The weekday's short name for a calendar's head, Monday = 0.
pub fn weekday_short(i: usize, lang: Language) -> &'static str {
    &formats(lang).weekdays_short[i % 7]
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn appointments_read_naturally_in_each_language() {
        let t = chrono_tz::Europe::Berlin
            .with_ymd_and_hms(2026, 11, 30, 14, 5, 0)
            .unwrap();
        let d = t.date_naive();
        assert_eq!(long_date(d, Language::De), "Montag, 30. November 2026");
        assert_eq!(long_date(d, Language::En), "Monday, 30 November 2026");
        assert_eq!(time(t, Language::De), "14:05");
        assert_eq!(month_year(d, Language::De), "November 2026");
        assert_eq!(weekday_short(0, Language::De), "Mo");
        assert_eq!(weekday(6, Language::De), "Sonntag");
        assert!(long_date(d, Language::Uk).contains("листопада"));
        assert!(long_date(d, Language::Tr).contains("Kasım"));
        // Arabic with the digits the office writes: 0–9.
        let ar = long_date(d, Language::Ar);
        assert!(ar.contains("30") && ar.contains("2026"), "{ar}");
        assert!(
            !ar.chars().any(|c| ('\u{0660}'..='\u{0669}').contains(&c)),
            "{ar}"
        );
    }
}
