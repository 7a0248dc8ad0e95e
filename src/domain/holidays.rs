//! Public holidays of the 16 German states, movable feasts included.
//!
//! Source: the states' Feiertagsgesetze, as summarised by the Federal Ministry
//! of the Interior (Bundesministerium des Innern) in its list "Gesetzliche
//! Feiertage". Only statutory holidays that apply state-wide are modelled:
//! holidays of single municipalities (Augsburger Friedensfest, Fronleichnam in
//! parts of Saxony and Thuringia) are left out, so an office there can still
//! open on those days and close them by its own calendar. The one exception is
//! Mariä Himmelfahrt in Bavaria (see the comment on its rule).
//!
//! Year limits are modelled only where a holiday was introduced or abolished
//! recently enough to matter for booking (Tag der Deutschen Einheit from 1990
//! onwards); earlier history is not.

use chrono::{Datelike, NaiveDate, Weekday};
// The rules table reads best with bare state codes.
use State::*;

/// One of the 16 German states (Länder), named by its official two-letter code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum State {
    BW,
    BY,
    BE,
    BB,
    HB,
    HH,
    HE,
    MV,
    NI,
    NW,
    RP,
    SL,
    SN,
    ST,
    SH,
    TH,
}

impl State {
    /// All states, in the order of the official code list.
    pub const ALL: [State; 16] = [
        State::BW,
        State::BY,
        State::BE,
        State::BB,
        State::HB,
        State::HH,
        State::HE,
        State::MV,
        State::NI,
        State::NW,
        State::RP,
        State::SL,
        State::SN,
        State::ST,
        State::SH,
        State::TH,
    ];

    /// The two-letter code, e.g. `"BW"`.
    pub fn code(self) -> &'static str {
        match self {
            State::BW => "BW",
            State::BY => "BY",
            State::BE => "BE",
            State::BB => "BB",
            State::HB => "HB",
            State::HH => "HH",
            State::HE => "HE",
            State::MV => "MV",
            State::NI => "NI",
            State::NW => "NW",
            State::RP => "RP",
            State::SL => "SL",
            State::SN => "SN",
            State::ST => "ST",
            State::SH => "SH",
            State::TH => "TH",
        }
    }

    /// Parses a two-letter code, ignoring ASCII case (`"mv"` gives [`State::MV`]).
    /// Surrounding whitespace is not trimmed: callers decide what input they accept.
    pub fn parse(code: &str) -> Option<State> {
        State::ALL
            .into_iter()
            .find(|state| state.code().eq_ignore_ascii_case(code))
    }

    /// The German name of the state, e.g. `"Mecklenburg-Vorpommern"`.
    pub fn name(self) -> &'static str {
        match self {
            State::BW => "Baden-Württemberg",
            State::BY => "Bayern",
            State::BE => "Berlin",
            State::BB => "Brandenburg",
            State::HB => "Bremen",
            State::HH => "Hamburg",
            State::HE => "Hessen",
            State::MV => "Mecklenburg-Vorpommern",
            State::NI => "Niedersachsen",
            State::NW => "Nordrhein-Westfalen",
            State::RP => "Rheinland-Pfalz",
            State::SL => "Saarland",
            State::SN => "Sachsen",
            State::ST => "Sachsen-Anhalt",
            State::SH => "Schleswig-Holstein",
            State::TH => "Thüringen",
        }
    }
}

/// A public holiday on a given date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: &'static str,
}

/// Easter Sunday of `year` in the Gregorian calendar (anonymous Gregorian
/// algorithm, Meeus/Jones/Butcher). Years before 1583 get the proleptic
/// Gregorian date, which is not what the churches celebrated then.
///
/// # Panics
///
/// If `year` lies outside the range that [`NaiveDate`] can represent.
pub fn easter_sunday(year: i32) -> NaiveDate {
    // Floor division and modulo keep every intermediate value in its intended
    // range for negative years too, so the result is always a valid March or
    // April date.
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let (month, day) = (n / 31, n % 31 + 1);
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
        .unwrap_or_else(|| panic!("year {year} is outside the range of NaiveDate"))
}

/// All statutory public holidays of `state` in `year`, sorted by date, one
/// entry per date.
///
/// # Panics
///
/// If `year` lies outside the range that [`NaiveDate`] can represent.
pub fn holidays(state: State, year: i32) -> Vec<Holiday> {
    let easter = easter_sunday(year);
    let mut dates: Vec<NaiveDate> = RULES
        .iter()
        .filter(|rule| rule.applies(state, year))
        .map(|rule| rule.date(year, easter))
        .collect();
    dates.sort_unstable();
    // Two rules can name the same day (Reformationstag 2017, or 1 May being
    // Ascension Day); a closed day is listed once.
    dates.dedup();
    dates
        .into_iter()
        .map(|date| Holiday {
            date,
            // Taking the name from `holiday` keeps both functions in agreement,
            // including the combined name of coinciding holidays.
            name: holiday(state, date).expect("every rule date is a holiday"),
        })
        .collect()
}

/// The name of the statutory public holiday on `date` in `state`, if any.
///
/// Called once per day when generating slots, so it compares against the
/// rules directly and allocates nothing.
pub fn holiday(state: State, date: NaiveDate) -> Option<&'static str> {
    let year = date.year();
    let days_after_easter = date.signed_duration_since(easter_sunday(year)).num_days();
    let mut found: Option<&'static str> = None;
    for rule in RULES
        .iter()
        .filter(|rule| rule.applies(state, year) && rule.falls_on(date, days_after_easter))
    {
        found = Some(match found {
            None => rule.name,
            Some(earlier) => coinciding(earlier, rule.name),
        });
    }
    found
}

/// The name shown when two holidays fall on the same day. Within the rules
/// only 1 May and Ascension Day (Easter + 39, as in 2008) can coincide, apart
/// from the same holiday being named by two rules.
fn coinciding(earlier: &'static str, later: &'static str) -> &'static str {
    match (earlier, later) {
        (TAG_DER_ARBEIT, CHRISTI_HIMMELFAHRT) | (CHRISTI_HIMMELFAHRT, TAG_DER_ARBEIT) => {
            "Tag der Arbeit und Christi Himmelfahrt"
        }
        _ => earlier,
    }
}

const TAG_DER_ARBEIT: &str = "Tag der Arbeit";
const CHRISTI_HIMMELFAHRT: &str = "Christi Himmelfahrt";
const REFORMATIONSTAG: &str = "Reformationstag";
const FRAUENTAG: &str = "Internationaler Frauentag";

/// When in the year a holiday falls.
#[derive(Clone, Copy)]
enum When {
    Fixed {
        month: u32,
        day: u32,
    },
    /// Days after Easter Sunday (negative: before).
    Easter(i64),
    /// The Wednesday before 23 November, i.e. between 16 and 22 November.
    BussUndBettag,
}

/// In which years a rule applies.
#[derive(Clone, Copy)]
enum Years {
    Always,
    From(i32),
    Only(&'static [i32]),
}

struct Rule {
    name: &'static str,
    when: When,
    states: &'static [State],
    years: Years,
}

impl Rule {
    fn applies(&self, state: State, year: i32) -> bool {
        let in_year = match self.years {
            Years::Always => true,
            Years::From(first) => year >= first,
            Years::Only(years) => years.contains(&year),
        };
        in_year && self.states.contains(&state)
    }

    fn date(&self, year: i32, easter: NaiveDate) -> NaiveDate {
        match self.when {
            When::Fixed { month, day } => {
                NaiveDate::from_ymd_opt(year, month, day).expect("rules name valid fixed dates")
            }
            When::Easter(offset) => easter + chrono::Duration::days(offset),
            When::BussUndBettag => {
                let nov22 = NaiveDate::from_ymd_opt(year, 11, 22).expect("22 November exists");
                // Days from the last Wednesday on or before 22 November.
                let back = (nov22.weekday().num_days_from_monday() + 7
                    - Weekday::Wed.num_days_from_monday())
                    % 7;
                nov22 - chrono::Duration::days(i64::from(back))
            }
        }
    }

    fn falls_on(&self, date: NaiveDate, days_after_easter: i64) -> bool {
        match self.when {
            When::Fixed { month, day } => date.month() == month && date.day() == day,
            When::Easter(offset) => days_after_easter == offset,
            When::BussUndBettag => {
                date.month() == 11
                    && (16..=22).contains(&date.day())
                    && date.weekday() == Weekday::Wed
            }
        }
    }
}

const EVERYWHERE: &[State] = &State::ALL;

/// The holidays, in calendar order, each with the states and years it applies to.
const RULES: &[Rule] = &[
    Rule {
        name: "Neujahr",
        when: When::Fixed { month: 1, day: 1 },
        states: EVERYWHERE,
        years: Years::Always,
    },
    Rule {
        name: "Heilige Drei Könige",
        when: When::Fixed { month: 1, day: 6 },
        states: &[BW, BY, ST],
        years: Years::Always,
    },
    Rule {
        name: FRAUENTAG,
        when: When::Fixed { month: 3, day: 8 },
        states: &[BE],
        years: Years::From(2019),
    },
    Rule {
        name: FRAUENTAG,
        when: When::Fixed { month: 3, day: 8 },
        states: &[MV],
        years: Years::From(2023),
    },
    Rule {
        name: "Karfreitag",
        when: When::Easter(-2),
        states: EVERYWHERE,
        years: Years::Always,
    },
    // Easter and Whit Sunday are Sundays anyway, but Brandenburg and Hesse name
    // them in their laws, which matters for offices that open on Sundays.
    Rule {
        name: "Ostersonntag",
        when: When::Easter(0),
        states: &[BB, HE],
        years: Years::Always,
    },
    Rule {
        name: "Ostermontag",
        when: When::Easter(1),
        states: EVERYWHERE,
        years: Years::Always,
    },
    Rule {
        name: TAG_DER_ARBEIT,
        when: When::Fixed { month: 5, day: 1 },
        states: EVERYWHERE,
        years: Years::Always,
    },
    // One-off holidays for the 75th and 80th anniversaries of the end of the
    // Second World War in Europe.
    Rule {
        name: "Tag der Befreiung",
        when: When::Fixed { month: 5, day: 8 },
        states: &[BE],
        years: Years::Only(&[2020, 2025]),
    },
    Rule {
        name: CHRISTI_HIMMELFAHRT,
        when: When::Easter(39),
        states: EVERYWHERE,
        years: Years::Always,
    },
    Rule {
        name: "Pfingstsonntag",
        when: When::Easter(49),
        states: &[BB, HE],
        years: Years::Always,
    },
    Rule {
        name: "Pfingstmontag",
        when: When::Easter(50),
        states: EVERYWHERE,
        years: Years::Always,
    },
    Rule {
        name: "Fronleichnam",
        when: When::Easter(60),
        states: &[BW, BY, HE, NW, RP, SL],
        years: Years::Always,
    },
    // In Bavaria the law makes Mariä Himmelfahrt a holiday only in
    // predominantly Catholic municipalities, which are most of them. It is
    // listed for the whole state so that no office opens by mistake; an office
    // in one of the other municipalities can open the day by its own calendar.
    Rule {
        name: "Mariä Himmelfahrt",
        when: When::Fixed { month: 8, day: 15 },
        states: &[BY, SL],
        years: Years::Always,
    },
    Rule {
        name: "Weltkindertag",
        when: When::Fixed { month: 9, day: 20 },
        states: &[TH],
        years: Years::From(2019),
    },
    // Before 1990, 17 June was the West German "Tag der deutschen Einheit";
    // it is not modelled.
    Rule {
        name: "Tag der Deutschen Einheit",
        when: When::Fixed { month: 10, day: 3 },
        states: EVERYWHERE,
        years: Years::From(1990),
    },
    // Nationwide once, for the 500th anniversary of the Reformation.
    Rule {
        name: REFORMATIONSTAG,
        when: When::Fixed { month: 10, day: 31 },
        states: EVERYWHERE,
        years: Years::Only(&[2017]),
    },
    Rule {
        name: REFORMATIONSTAG,
        when: When::Fixed { month: 10, day: 31 },
        states: &[BB, MV, SN, ST, TH],
        years: Years::Always,
    },
    Rule {
        name: REFORMATIONSTAG,
        when: When::Fixed { month: 10, day: 31 },
        states: &[HB, HH, NI, SH],
        years: Years::From(2018),
    },
    Rule {
        name: "Allerheiligen",
        when: When::Fixed { month: 11, day: 1 },
        states: &[BW, BY, NW, RP, SL],
        years: Years::Always,
    },
    // Abolished in every other state from 1995 on to fund long-term care
    // insurance; Saxony kept it. Earlier years are not modelled.
    Rule {
        name: "Buß- und Bettag",
        when: When::BussUndBettag,
        states: &[SN],
        years: Years::From(1995),
    },
    Rule {
        name: "1. Weihnachtstag",
        when: When::Fixed { month: 12, day: 25 },
        states: EVERYWHERE,
        years: Years::Always,
    },
    Rule {
        name: "2. Weihnachtstag",
        when: When::Fixed { month: 12, day: 26 },
        states: EVERYWHERE,
        years: Years::Always,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    #[test]
    fn easter_sunday_matches_known_dates() {
        for (year, month, day) in [
            (1943, 4, 25),
            (2000, 4, 23),
            (2008, 3, 23),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(year), ymd(year, month, day), "Easter {year}");
        }
    }

    #[test]
    fn easter_sunday_is_a_sunday_between_22_march_and_25_april() {
        for year in 1583..=4099 {
            let easter = easter_sunday(year);
            assert_eq!(easter.weekday(), Weekday::Sun, "Easter {year}");
            assert!(
                easter >= ymd(year, 3, 22) && easter <= ymd(year, 4, 25),
                "Easter {year}"
            );
        }
    }

    #[test]
    fn easter_sunday_works_for_negative_years_without_panicking() {
        for year in -1000..=0 {
            assert_eq!(easter_sunday(year).weekday(), Weekday::Sun, "Easter {year}");
        }
    }

    #[test]
    fn state_codes_round_trip_and_parsing_ignores_case() {
        for state in State::ALL {
            assert_eq!(State::parse(state.code()), Some(state));
            assert_eq!(State::parse(&state.code().to_lowercase()), Some(state));
        }
        assert_eq!(State::parse("mv"), Some(State::MV));
        assert_eq!(State::parse("Nw"), Some(State::NW));
        assert_eq!(State::parse("XX"), None);
        assert_eq!(State::parse(""), None);
        assert_eq!(State::parse(" BW"), None);
    }

    #[test]
    fn states_have_their_german_names() {
        assert_eq!(State::MV.name(), "Mecklenburg-Vorpommern");
        assert_eq!(State::TH.name(), "Thüringen");
        assert_eq!(State::BW.name(), "Baden-Württemberg");
        assert_eq!(State::NW.name(), "Nordrhein-Westfalen");
    }

    #[test]
    fn reformationstag_is_a_holiday_in_mv_but_not_in_bavaria() {
        let date = ymd(2026, 10, 31);
        assert_eq!(holiday(State::MV, date), Some("Reformationstag"));
        assert_eq!(holiday(State::BY, date), None);
    }

    #[test]
    fn reformationstag_in_the_north_only_from_2018() {
        for state in [State::HB, State::HH, State::NI, State::SH] {
            assert_eq!(holiday(state, ymd(2016, 10, 31)), None);
            assert_eq!(holiday(state, ymd(2018, 10, 31)), Some("Reformationstag"));
        }
    }

    #[test]
    fn reformationstag_2017_was_a_holiday_everywhere_and_listed_once() {
        for state in State::ALL {
            assert_eq!(holiday(state, ymd(2017, 10, 31)), Some("Reformationstag"));
            let count = holidays(state, 2017)
                .iter()
                .filter(|h| h.name == "Reformationstag")
                .count();
            assert_eq!(count, 1, "{state:?}");
        }
        assert_eq!(holiday(State::BY, ymd(2016, 10, 31)), None);
        assert_eq!(holiday(State::BY, ymd(2018, 10, 31)), None);
    }

    #[test]
    fn fronleichnam_2026_is_closed_in_nrw() {
        assert_eq!(holiday(State::NW, ymd(2026, 6, 4)), Some("Fronleichnam"));
        assert_eq!(holiday(State::NI, ymd(2026, 6, 4)), None);
    }

    #[test]
    fn buss_und_bettag_2026_is_the_18th_of_november_in_saxony_only() {
        let date = ymd(2026, 11, 18);
        for state in State::ALL {
            let expected = (state == State::SN).then_some("Buß- und Bettag");
            assert_eq!(holiday(state, date), expected, "{state:?}");
        }
    }

    #[test]
    fn buss_und_bettag_is_a_wednesday_between_16_and_22_november_from_1995() {
        assert_eq!(holiday(State::SN, ymd(1994, 11, 16)), None);
        for year in 1995..=2100 {
            let days: Vec<_> = holidays(State::SN, year)
                .into_iter()
                .filter(|h| h.name == "Buß- und Bettag")
                .collect();
            assert_eq!(days.len(), 1, "{year}");
            let date = days[0].date;
            assert_eq!(date.weekday(), Weekday::Wed);
            assert!(
                date >= ymd(year, 11, 16) && date <= ymd(year, 11, 22),
                "{date}"
            );
        }
    }

    #[test]
    fn frauentag_in_mv_only_from_2023() {
        assert_eq!(holiday(State::MV, ymd(2022, 3, 8)), None);
        assert_eq!(
            holiday(State::MV, ymd(2023, 3, 8)),
            Some("Internationaler Frauentag")
        );
        assert_eq!(
            holiday(State::MV, ymd(2026, 3, 8)),
            Some("Internationaler Frauentag")
        );
    }

    #[test]
    fn frauentag_in_berlin_only_from_2019() {
        assert_eq!(holiday(State::BE, ymd(2018, 3, 8)), None);
        assert_eq!(
            holiday(State::BE, ymd(2019, 3, 8)),
            Some("Internationaler Frauentag")
        );
        assert_eq!(holiday(State::BB, ymd(2026, 3, 8)), None);
    }

    #[test]
    fn tag_der_befreiung_only_in_berlin_in_2020_and_2025() {
        for year in 2015..=2030 {
            let expected = [2020, 2025].contains(&year).then_some("Tag der Befreiung");
            assert_eq!(holiday(State::BE, ymd(year, 5, 8)), expected, "{year}");
            assert_eq!(holiday(State::BB, ymd(year, 5, 8)), None, "{year}");
        }
    }

    #[test]
    fn weltkindertag_in_thuringia_only_from_2019() {
        assert_eq!(holiday(State::TH, ymd(2018, 9, 20)), None);
        assert_eq!(holiday(State::TH, ymd(2019, 9, 20)), Some("Weltkindertag"));
        assert_eq!(holiday(State::SN, ymd(2019, 9, 20)), None);
    }

    #[test]
    fn tag_der_deutschen_einheit_only_from_1990() {
        assert_eq!(holiday(State::BE, ymd(1989, 10, 3)), None);
        assert_eq!(
            holiday(State::BE, ymd(1990, 10, 3)),
            Some("Tag der Deutschen Einheit")
        );
    }

    #[test]
    fn easter_and_whit_sunday_are_holidays_only_in_brandenburg_and_hesse() {
        for state in State::ALL {
            let named = matches!(state, State::BB | State::HE);
            assert_eq!(
                holiday(state, ymd(2026, 4, 5)),
                named.then_some("Ostersonntag")
            );
            assert_eq!(
                holiday(state, ymd(2026, 5, 24)),
                named.then_some("Pfingstsonntag")
            );
        }
    }

    #[test]
    fn mariae_himmelfahrt_in_saarland_and_bavaria_only() {
        for state in State::ALL {
            let named = matches!(state, State::SL | State::BY);
            assert_eq!(
                holiday(state, ymd(2026, 8, 15)),
                named.then_some("Mariä Himmelfahrt")
            );
        }
    }

    #[test]
    fn nationwide_movable_feasts_2026() {
        for state in State::ALL {
            assert_eq!(holiday(state, ymd(2026, 4, 3)), Some("Karfreitag"));
            assert_eq!(holiday(state, ymd(2026, 4, 6)), Some("Ostermontag"));
            assert_eq!(
                holiday(state, ymd(2026, 5, 14)),
                Some("Christi Himmelfahrt")
            );
            assert_eq!(holiday(state, ymd(2026, 5, 25)), Some("Pfingstmontag"));
        }
    }

    #[test]
    fn may_day_and_ascension_2008_are_one_entry_with_both_names() {
        let both = "Tag der Arbeit und Christi Himmelfahrt";
        assert_eq!(holiday(State::HH, ymd(2008, 5, 1)), Some(both));
        let entries: Vec<_> = holidays(State::HH, 2008)
            .into_iter()
            .filter(|h| h.date == ymd(2008, 5, 1))
            .collect();
        assert_eq!(
            entries,
            [Holiday {
                date: ymd(2008, 5, 1),
                name: both
            }]
        );
    }

    #[test]
    fn count_of_holidays_per_state_in_2026() {
        for (state, count) in [
            (BW, 12),
            (BY, 13),
            (BE, 10),
            (BB, 12),
            (HB, 10),
            (HH, 10),
            (HE, 12),
            (MV, 11),
            (NI, 10),
            (NW, 11),
            (RP, 11),
            (SL, 12),
            (SN, 11),
            (ST, 11),
            (SH, 10),
            (TH, 11),
        ] {
            assert_eq!(holidays(state, 2026).len(), count, "{state:?}");
        }
    }

    #[test]
    fn holidays_are_sorted_and_holiday_agrees_with_holidays() {
        for state in State::ALL {
            for year in 2000..=2100 {
                let list = holidays(state, year);
                assert!(
                    list.windows(2).all(|w| w[0].date < w[1].date),
                    "{state:?} {year}"
                );
                for h in &list {
                    assert_eq!(h.date.year(), year);
                    assert_eq!(holiday(state, h.date), Some(h.name), "{state:?} {}", h.date);
                }
                // No day outside the list is reported as a holiday.
                let days_with_holiday = ymd(year, 1, 1)
                    .iter_days()
                    .take_while(|d| d.year() == year)
                    .filter(|&d| holiday(state, d).is_some())
                    .count();
                assert_eq!(days_with_holiday, list.len(), "{state:?} {year}");
            }
        }
    }
}
