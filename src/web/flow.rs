//! The booking flow on the citizen pages: office → services and persons → a calendar
//! of bookable days → that day's times (quiet ones marked) → a hold and the form →
//! "check your email", or the confirmation when the office needs none.
//!
//! Everything works without JavaScript: links and plain forms. The pages share the
//! use cases of the JSON API (`booking`, `hold`), not the API itself.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use maud::{html, Markup};

use super::csrf::{self, Csrf};
use super::lang::PageLang;
use super::pages::{self, details, layout, tr};
use super::ratelimit::ClientIp;
use super::AppState;
use crate::booking::{self, BookError, Booked, FieldError, Mistake, QueryError, Wish};
use crate::domain::schedule::{self, Slot};
use crate::domain::{BookingStatus, Counter, Language, Office};
use crate::hold::{self, HoldError};
use crate::i18n;

pub const HOLD_COOKIE: &str = "hold";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/o/{office}", get(office_page))
        .route("/o/{office}/days", get(days_page))
        .route("/o/{office}/day", get(day_page))
        .route("/o/{office}/hold", post(take_hold))
        .route("/o/{office}/details", get(details_page).post(send_details))
        .route("/o/{office}/done", get(done_page))
}

pub use super::form::Fields;
use super::form::{FormFields, QueryFields};

/// `service=a&service=b&persons=2`, for links that carry a wish on.
pub fn wish_query(wish: &Wish) -> String {
    let mut q: Vec<String> = wish
        .services
        .iter()
        .map(|s| format!("service={}", encode(s)))
        .collect();
    q.push(format!("persons={}", wish.persons));
    q.join("&")
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A page's response with the CSRF cookie set when its forms need one.
pub fn respond(s: &AppState, status: StatusCode, page: Markup, csrf: Option<&Csrf>) -> Response {
    let mut response = (status, page).into_response();
    if let Some(c) = csrf {
        c.apply(&mut response, s.secure_cookies());
    }
    response
}

/// A mistake a citizen made in a form, said in their language.
pub fn say(f: &FieldError, lang: Language) -> String {
    let en = lang == Language::En;
    match f.mistake {
        Mistake::Consent => tr(
            en,
            "Bitte bestätigen Sie, dass Sie die Datenschutzerklärung gelesen haben.",
            "Please confirm that you have read the privacy notice.",
        )
        .into(),
        Mistake::Honeypot => tr(
            en,
            "Das Formular ließ sich so nicht senden. Bitte prüfen Sie Ihre Angaben und senden Sie es noch einmal.",
            "The form could not be sent like this. Please check your details and send it again.",
        )
        .into(),
        Mistake::EmailCap(n) if en => format!(
            "This email address already has {n} appointments to come at this office. \
             Cancel one with the link in its email if you need a new one."
        ),
        Mistake::EmailCap(n) => format!(
            "Für diese E-Mail-Adresse gibt es an diesem Standort schon {n} offene Termine. \
             Sagen Sie einen über den Link in seiner E-Mail ab, wenn Sie einen neuen brauchen."
        ),
        // The API's English message, as a sentence.
        _ if en => {
            let mut m = f.message.clone();
            if let Some(first) = m.get(..1) {
                m.replace_range(..1, &first.to_uppercase());
            }
            format!("{m}.")
        }
        Mistake::NameMissing => "Bitte geben Sie Ihren Namen an.".into(),
        Mistake::NameNotOneLine => "Bitte nur eine Zeile ohne Steuerzeichen.".into(),
        Mistake::NameCharacters => {
            "Bitte nur Buchstaben, Leerzeichen, Apostrophe, Bindestriche und Punkte.".into()
        }
        Mistake::EmailLocalNotAscii => {
            "Vor dem @ bitte nur lateinische Buchstaben ohne Akzente, Ziffern und . _ - +.".into()
        }
        Mistake::Invisible => "Hier stehen unsichtbare Zeichen (etwa Leerzeichen ohne Breite oder Richtungszeichen). Bitte tippen Sie es noch einmal.".into(),
        Mistake::NameTooLong => format!("Bitte höchstens {} Zeichen.", booking::MAX_NAME),
        Mistake::EmailInvalid => {
            "Bitte geben Sie eine E-Mail-Adresse an, etwa name@example.de.".into()
        }
        Mistake::PhoneInvalid => {
            "Bitte nur Ziffern, Leerzeichen und + - / ( ) für die Telefonnummer.".into()
        }
        Mistake::NoService => "Bitte wählen Sie mindestens ein Anliegen.".into(),
        Mistake::SeveralCounters => "Bitte wählen Sie nur Anliegen eines Bereichs.".into(),
        Mistake::TooManyServices => format!(
            "Bitte höchstens {} Anliegen auf einmal.",
            booking::MAX_SERVICES
        ),
        Mistake::NoPerson => "Bitte wählen Sie mindestens eine Person.".into(),
        Mistake::TooManyPersons(n) => format!("Für diese Anliegen höchstens {n} Personen."),
        Mistake::DayPast => "Dieser Tag liegt in der Vergangenheit.".into(),
        Mistake::DayBeyondHorizon => "So weit im Voraus kann noch nicht gebucht werden.".into(),
        Mistake::RangeBackwards => "Das Ende liegt vor dem Anfang.".into(),
        Mistake::RangeTooLong => "Dieser Zeitraum ist zu lang.".into(),
        Mistake::Other => "Bitte prüfen Sie diese Angabe.".into(),
    }
}

/// The summary of a form's mistakes on top: each links to its field.
pub fn error_summary(lang: Language, errors: &[(String, String)]) -> Markup {
    let en = lang == Language::En;
    html! {
        div.error-summary role="alert" aria-labelledby="error-summary-title" {
            h2 #error-summary-title { (tr(en, "Bitte prüfen Sie Ihre Angaben", "Please check what you entered")) }
            ul { @for (id, message) in errors { li { a href={ "#" (id) } { (message) } } } }
        }
    }
}

fn field_error(id: &str, message: Option<&String>, en: bool) -> Markup {
    html! {
        @if let Some(m) = message {
            p.field-error id={ (id) "-error" } { span.sr-only { (tr(en, "Fehler: ", "Error: ")) } (m) }
        }
    }
}

async fn office_of(s: &AppState, id: &str, lang: Language) -> Result<Office, Response> {
    match s.app.office(id).await {
        Ok(Some(o)) => Ok(o),
        Ok(None) => Err(pages::not_found(lang)),
        Err(e) => Err(pages::failed(lang, e)),
    }
}

// ---------------------------------------------------------------- services and persons

async fn office_page(State(s): State<AppState>, Path(id): Path<String>, l: PageLang) -> Response {
    let office = match office_of(&s, &id, l.lang).await {
        Ok(o) => o,
        Err(r) => return r,
    };
    choose_services(
        None,
        &s,
        &office,
        l.lang,
        &Wish {
            services: vec![],
            persons: 1,
        },
        &[],
    )
}

/// The office's counters, each a form of its services and the number of persons;
/// with `errors`, the form that was sent again with its mistakes (422).
fn choose_services(
    sent_counter: Option<&str>,
    s: &AppState,
    office: &Office,
    lang: Language,
    wish: &Wish,
    errors: &[FieldError],
) -> Response {
    let en = lang == Language::En;
    // The counter whose form was sent: as the form says, else the one of the first service chosen.
    let sent = sent_counter
        .filter(|c| office.counter(c).is_some())
        .map(str::to_string)
        .or_else(|| {
            wish.services
                .iter()
                .find_map(|id| office.service(id))
                .map(|(c, _)| c.id.clone())
        })
        .or_else(|| office.counters.first().map(|c| c.id.clone()));
    let field_id = |counter: &str, field: &str| match field {
        "persons" => format!("persons-{counter}"),
        _ => format!("services-{counter}"),
    };
    let summary: Vec<(String, String)> = errors
        .iter()
        .map(|f| {
            (
                field_id(sent.as_deref().unwrap_or(""), &f.field),
                say(f, lang),
            )
        })
        .collect();
    let body = html! {
        @if !errors.is_empty() { (error_summary(lang, &summary)) }
        p { (office.address) }
        p { (tr(en, "Wählen Sie, was Sie erledigen möchten. Mehrere Anliegen eines Bereichs können Sie zusammen buchen.",
                    "Choose what you need to do. Several services of one area can be booked together.")) }
        @for c in &office.counters {
            (counter_form(office, c, lang, wish, errors, sent.as_deref() == Some(c.id.as_str()) && !errors.is_empty()))
        }
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let title = if errors.is_empty() {
        office.name.clone()
    } else {
        format!("{} – {}", tr(en, "Fehler", "Error"), office.name)
    };
    respond(
        s,
        status,
        layout(lang, &format!("/o/{}", office.id), &title, body),
        None,
    )
}

fn counter_form(
    office: &Office,
    c: &Counter,
    lang: Language,
    wish: &Wish,
    errors: &[FieldError],
    with_errors: bool,
) -> Markup {
    let en = lang == Language::En;
    let error_of = |field: &str| {
        with_errors
            .then(|| errors.iter().find(|f| f.field == field))
            .flatten()
            .map(|f| say(f, lang))
    };
    let services_error = error_of("services");
    let persons_error = error_of("persons");
    let max_persons = c.services.iter().map(|s| s.max_persons).max().unwrap_or(1);
    let chosen_persons = if with_errors {
        wish.persons.clamp(1, max_persons)
    } else {
        1
    };
    let services_id = format!("services-{}", c.id);
    let persons_id = format!("persons-{}", c.id);
    html! {
        section.counter aria-labelledby={ "counter-" (c.id) } {
            h2 #{ "counter-" (c.id) } { (c.name.get(lang)) }
            form method="get" action={ "/o/" (office.id) "/days" } novalidate {
                input type="hidden" name="counter" value=(c.id);
                fieldset #(services_id) aria-describedby=[services_error.as_ref().map(|_| format!("{services_id}-error"))] {
                    legend { (tr(en, "Anliegen", "Services")) }
                    (field_error(&services_id, services_error.as_ref(), en))
                    @for svc in &c.services {
                        @let id = format!("svc-{}-{}", c.id, svc.id);
                        div.check {
                            input type="checkbox" id=(id) name="service" value=(svc.id)
                                checked[with_errors && wish.services.contains(&svc.id)];
                            label for=(id) {
                                (svc.name.get(lang)) " "
                                span.muted { "(" (svc.minutes) " min" @if svc.max_persons > 1 { (tr(en, " je Person", " per person")) } ")" }
                            }
                        }
                    }
                }
                div.field {
                    label for=(persons_id) { (tr(en, "Anzahl Personen", "Number of persons")) }
                    (field_error(&persons_id, persons_error.as_ref(), en))
                    select id=(persons_id) name="persons" aria-describedby=[persons_error.as_ref().map(|_| format!("{persons_id}-error"))] {
                        @for n in 1..=max_persons {
                            option value=(n) selected[n == chosen_persons] { (n) }
                        }
                    }
                }
                button type="submit" { (tr(en, "Weiter: Tag wählen", "Next: choose a day")) }
            }
        }
    }
}

/// What was chosen, with a link to change it.
fn wish_line(office: &Office, wish: &Wish, need_minutes: u32, lang: Language) -> Markup {
    let en = lang == Language::En;
    let names: Vec<&str> = wish
        .services
        .iter()
        .filter_map(|id| office.service(id))
        .map(|(_, s)| s.name.get(lang))
        .collect();
    html! {
        p.wish {
            (names.join(", ")) " · " (wish.persons) " " (tr(en, if wish.persons == 1 { "Person" } else { "Personen" }, if wish.persons == 1 { "person" } else { "persons" }))
            " · " (tr(en, "etwa ", "about ")) (need_minutes) " min"
            " · " a href={ "/o/" (office.id) } { (tr(en, "Auswahl ändern", "Change")) }
        }
    }
}

// ---------------------------------------------------------------- the calendar

/// Bookable days from `from` on, as month tables; each bookable day links to `link(date)`.
pub fn calendar(
    lang: Language,
    days: &[schedule::Day],
    from: NaiveDate,
    to: NaiveDate,
    link: &dyn Fn(NaiveDate) -> String,
) -> Markup {
    let en = lang == Language::En;
    let free = |d: NaiveDate| {
        days.iter()
            .find(|x| x.date == d)
            .map_or(0, |x| x.slots.len())
    };
    let mut months = Vec::new();
    let mut m = NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from);
    while m <= to {
        months.push(m);
        m = m
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(NaiveDate::MAX);
    }
    let heads: [(&str, &str); 7] = if en {
        [
            ("Mon", "Monday"),
            ("Tue", "Tuesday"),
            ("Wed", "Wednesday"),
            ("Thu", "Thursday"),
            ("Fri", "Friday"),
            ("Sat", "Saturday"),
            ("Sun", "Sunday"),
        ]
    } else {
        [
            ("Mo", "Montag"),
            ("Di", "Dienstag"),
            ("Mi", "Mittwoch"),
            ("Do", "Donnerstag"),
            ("Fr", "Freitag"),
            ("Sa", "Samstag"),
            ("So", "Sonntag"),
        ]
    };
    html! {
        @for month in &months {
            @let first_cell = *month - Duration::days(i64::from(month.weekday().num_days_from_monday()));
            @let next = month.checked_add_months(chrono::Months::new(1)).unwrap_or(NaiveDate::MAX);
            table.calendar {
                caption { (i18n::month_year(*month, lang)) }
                thead { tr { @for (short, long) in heads { th scope="col" { abbr title=(long) { (short) } } } } }
                tbody {
                    @for week in 0..6 {
                        @let week_start = first_cell + Duration::days(7 * week);
                        // Weeks wholly before the first day shown are left out.
                        @if week_start < next && week_start + Duration::days(6) >= from {
                            tr {
                                @for i in 0..7 {
                                    @let d = week_start + Duration::days(i);
                                    @if d.month() != month.month() {
                                        td {}
                                    } @else if d < from || d > to {
                                        td.past { (d.day()) }
                                    } @else {
                                        @let n = free(d);
                                        @if n > 0 {
                                            td.free {
                                                a href=(link(d)) {
                                                    span.day aria-hidden="true" { (d.day()) }
                                                    span.sr-only { (i18n::long_date(d, lang)) ", " }
                                                    span.count { (n) (tr(en, " frei", " free")) }
                                                }
                                            }
                                        } @else {
                                            td.none { (d.day()) span.sr-only { (tr(en, ": keine freien Zeiten", ": no free times")) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn parse_date(s: Option<&str>) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s?.trim(), "%Y-%m-%d").ok()
}

/// The days a calendar page shows: from `from` (or the first bookable day) up to
/// the horizon, at most as many as one availability request may cover.
pub fn calendar_range(
    office: &Office,
    now: DateTime<Utc>,
    from: Option<NaiveDate>,
) -> (NaiveDate, NaiveDate, NaiveDate) {
    let (first, last) = schedule::booking_window(office, now);
    let from = from.unwrap_or(first).clamp(first, last.max(first));
    let to = (from + Duration::days(booking::MAX_RANGE_DAYS - 1)).min(last);
    (from, to.max(from), last)
}

/// The office and the wish a calendar or day page is for; the office page again,
/// with the mistakes, when the wish does not fit it (422).
async fn office_and_wish(
    s: &AppState,
    id: &str,
    q: &Fields,
    lang: Language,
) -> Result<(Office, Wish), Response> {
    let office = office_of(s, id, lang).await?;
    let wish = q.wish();
    match booking::resolve(&office, &wish) {
        Ok(_) => Ok((office, wish)),
        Err(errors) => Err(choose_services(
            q.get("counter"),
            s,
            &office,
            lang,
            &wish,
            &errors,
        )),
    }
}

async fn days_page(
    State(s): State<AppState>,
    Path(id): Path<String>,
    QueryFields(q): QueryFields,
    l: PageLang,
) -> Response {
    let lang = l.lang;
    let en = lang == Language::En;
    let (office, wish) = match office_and_wish(&s, &id, &q, lang).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    let (from, to, last) = calendar_range(&office, s.app.clock.now(), parse_date(q.get("from")));
    let calendar_link = format!("/o/{}/days?{}", office.id, wish_query(&wish));
    let a = match booking::availability(&s.app, &office.id, &wish, Some(from), Some(to)).await {
        Ok(a) => a,
        Err(e) => return query_failed(lang, e, &calendar_link),
    };
    let wq = wish_query(&wish);
    let office_id = office.id.clone();
    let link = move |d: NaiveDate| format!("/o/{office_id}/day?{wq}&date={d}");
    let total: usize = a.days.iter().map(|d| d.slots.len()).sum();
    let body = html! {
        (wish_line(&office, &wish, a.need.minutes, lang))
        p { (tr(en, "Tage mit freien Zeiten sind verlinkt.", "Days with free times are links.")) }
        @if total == 0 {
            p.notice { (tr(en, "In diesem Zeitraum ist leider nichts mehr frei. Bitte schauen Sie später wieder vorbei – abgesagte Termine werden wieder frei.",
                             "Sadly nothing is free in this period. Please look again later – cancelled appointments become free again.")) }
        }
        (calendar(lang, &a.days, from, to, &link))
        @if to < last {
            p { a href={ "/o/" (office.id) "/days?" (wish_query(&wish)) "&from=" (to + Duration::days(1)) } { (tr(en, "Spätere Tage", "Later days")) } }
        }
    };
    // The language switch keeps the days shown.
    let here = match q.get("from").and(parse_date(q.get("from"))) {
        Some(d) => format!("/o/{}/days?{}&from={d}", office.id, wish_query(&wish)),
        None => format!("/o/{}/days?{}", office.id, wish_query(&wish)),
    };
    respond(
        &s,
        StatusCode::OK,
        layout(lang, &here, tr(en, "Tag wählen", "Choose a day"), body),
        None,
    )
}

// ---------------------------------------------------------------- the day's times

/// Buttons for free times, in one form that posts to `action` with `hidden` fields;
/// grouped by day when they span several. Quiet times are marked in words.
pub fn times_form(
    lang: Language,
    office: &Office,
    slots: &[Slot],
    action: &str,
    hidden: Markup,
) -> Markup {
    let en = lang == Language::En;
    let tz = office.timezone;
    let mut by_day: Vec<(NaiveDate, Vec<&Slot>)> = Vec::new();
    for slot in slots {
        let d = slot.start.with_timezone(&tz).date_naive();
        match by_day.last_mut() {
            Some((day, list)) if *day == d => list.push(slot),
            _ => by_day.push((d, vec![slot])),
        }
    }
    let several = by_day.len() > 1;
    html! {
        @if slots.iter().any(|s| s.quiet) {
            p.legend { span.quiet { (tr(en, "ruhig", "quiet")) } " " (tr(en, "= zu dieser Zeit werden wenige Besucher erwartet, Sie warten kürzer.",
                                                               "= few visitors are expected at this time, you wait less.")) }
        }
        form.times method="post" action=(action) {
            (hidden)
            @for (day, list) in &by_day {
                @if several { h2 { (i18n::long_date(*day, lang)) } }
                ul.times {
                    @for slot in list {
                        li {
                            button.time type="submit" name="start" value=(slot.start.with_timezone(&tz).to_rfc3339()) {
                                @if several { span.sr-only { (i18n::long_date(*day, lang)) ", " } }
                                (i18n::time(slot.start.with_timezone(&tz), lang))
                                @if slot.quiet { " " span.quiet { (tr(en, "ruhig", "quiet")) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The hidden fields that carry a wish and the CSRF token through a times form.
pub fn wish_fields(wish: &Wish, csrf: &Csrf) -> Markup {
    html! {
        input type="hidden" name=(csrf::FIELD) value=(csrf.token);
        @for svc in &wish.services { input type="hidden" name="service" value=(svc); }
        input type="hidden" name="persons" value=(wish.persons);
    }
}

async fn day_page(
    State(s): State<AppState>,
    Path(id): Path<String>,
    QueryFields(q): QueryFields,
    headers: HeaderMap,
    l: PageLang,
) -> Response {
    let lang = l.lang;
    let en = lang == Language::En;
    let (office, wish) = match office_and_wish(&s, &id, &q, lang).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    let calendar_link = format!("/o/{}/days?{}", office.id, wish_query(&wish));
    let Some(date) = parse_date(q.get("date")) else {
        return pages::message(
            lang,
            &calendar_link,
            StatusCode::UNPROCESSABLE_ENTITY,
            tr(en, "Kein gültiges Datum", "Not a valid date"),
            html! { p { a href={ "/o/" (office.id) "/days?" (wish_query(&wish)) } { (tr(en, "Zum Kalender", "To the calendar")) } } },
        );
    };
    let a = match booking::availability(&s.app, &office.id, &wish, Some(date), Some(date)).await {
        Ok(a) => a,
        Err(e) => return query_failed(lang, e, &calendar_link),
    };
    let csrf = Csrf::of(&headers);
    let slots: Vec<Slot> = a
        .days
        .iter()
        .flat_map(|d| d.slots.iter().copied())
        .collect();
    let back = format!("/o/{}/days?{}", office.id, wish_query(&wish));
    let body = html! {
        (wish_line(&office, &wish, a.need.minutes, lang))
        p.date { strong { (i18n::long_date(date, lang)) } }
        @if slots.is_empty() {
            p.notice { (tr(en, "An diesem Tag ist keine Zeit mehr frei.", "No time is free on this day any more.")) }
        } @else {
            p { (tr(en, "Wählen Sie eine Uhrzeit. Wir halten sie ", "Choose a time. We keep it for you for "))
                (office.hold_minutes) (tr(en, " Minuten für Sie frei, während Sie Ihre Angaben machen.", " minutes while you enter your details.")) }
            (times_form(lang, &office, &slots, &format!("/o/{}/hold", office.id), wish_fields(&wish, &csrf)))
        }
        p { a href=(back) { (tr(en, "Anderen Tag wählen", "Choose another day")) } }
    };
    let here = format!("/o/{}/day?{}&date={date}", office.id, wish_query(&wish));
    respond(
        &s,
        StatusCode::OK,
        layout(lang, &here, tr(en, "Uhrzeit wählen", "Choose a time"), body),
        Some(&csrf),
    )
}

fn query_failed(lang: Language, e: QueryError, back: &str) -> Response {
    let en = lang == Language::En;
    match e {
        QueryError::UnknownOffice => pages::not_found(lang),
        QueryError::Invalid(fields) => {
            let messages: Vec<String> = fields.iter().map(|f| say(f, lang)).collect();
            pages::message(
                lang,
                back,
                StatusCode::UNPROCESSABLE_ENTITY,
                tr(
                    en,
                    "Diese Tage sind nicht buchbar",
                    "These days cannot be booked",
                ),
                html! { ul { @for m in &messages { li { (m) } } } p { a href=(back) { (tr(en, "Zum Kalender", "To the calendar")) } } },
            )
        }
        QueryError::Store(e) => pages::failed(lang, e),
    }
}

// ---------------------------------------------------------------- holding a time

/// The free times nearest to a time that is gone, as a page: 409 when it was taken,
/// 410 when the hold ran out.
#[allow(clippy::too_many_arguments)]
async fn nearest_page(
    s: &AppState,
    lang: Language,
    status: StatusCode,
    title: &str,
    why: &str,
    office: &Office,
    wish: &Wish,
    around: DateTime<Utc>,
    action: &str,
    csrf: &Csrf,
    back: &str,
) -> Response {
    let en = lang == Language::En;
    let slots = hold::nearest(&s.app, &office.id, wish, around, 8)
        .await
        .unwrap_or_default();
    let body = html! {
        p.notice.error { (why) }
        @if slots.is_empty() {
            p { (tr(en, "In der Nähe dieser Zeit ist nichts mehr frei.", "Nothing near that time is free any more.")) }
        } @else {
            p { (tr(en, "Diese Zeiten in der Nähe sind noch frei:", "These times nearby are still free:")) }
            (times_form(lang, office, &slots, action, wish_fields(wish, csrf)))
        }
        p { a href=(back) { (tr(en, "Zum Kalender", "To the calendar")) } }
    };
    respond(s, status, layout(lang, back, title, body), Some(csrf))
}

/// The hold of the visitor's browser at the office in the path, by its form
/// token and its `hold` cookie.
async fn held(
    s: &AppState,
    headers: &HeaderMap,
    office: &str,
) -> Result<Option<hold::Held>, crate::store::StoreError> {
    let found = hold::find(
        &s.app,
        csrf::cookie(headers, HOLD_COOKIE),
        csrf::cookie(headers, csrf::COOKIE),
    )
    .await?;
    Ok(found.filter(|h| h.office.id == office))
}

async fn take_hold(
    State(s): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Extension(ClientIp(ip)): Extension<ClientIp>,
    l: PageLang,
    FormFields(f): FormFields,
) -> Response {
    let lang = l.lang;
    let en = lang == Language::En;
    let office = match office_of(&s, &id, lang).await {
        Ok(o) => o,
        Err(r) => return r,
    };
    let wish = f.wish();
    let start = f.get("start").unwrap_or_default();
    let back = format!("/o/{}/days?{}", office.id, wish_query(&wish));
    let form_token = csrf::cookie(&headers, csrf::COOKIE).unwrap_or_default();
    match hold::take(&s.app, &office.id, &wish, start, ip, form_token).await {
        Ok((token, held)) => {
            let mut r = Redirect::to(&format!("/o/{}/details", held.office.id)).into_response();
            // A session cookie: it goes when the browser is closed, and the
            // stored hold it names lasts the hold and the confirmation page.
            csrf::set_cookie(&mut r, HOLD_COOKIE, &token, None, s.secure_cookies());
            r
        }
        Err(e @ (HoldError::SlotTaken | HoldError::ArrivalsFull)) => {
            let around = DateTime::parse_from_rfc3339(start)
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_else(|_| s.app.clock.now());
            let why = match e {
                HoldError::ArrivalsFull => tr(
                    en,
                    "Zu dieser Zeit kommen schon so viele Menschen an, wie der Warteraum fasst.",
                    "As many people as the waiting room holds already arrive at this time.",
                ),
                _ => tr(
                    en,
                    "Jemand anderes hat diese Zeit gerade gebucht.",
                    "Somebody else has just booked this time.",
                ),
            };
            nearest_page(
                &s,
                lang,
                StatusCode::CONFLICT,
                tr(
                    en,
                    "Diese Zeit ist nicht mehr frei",
                    "This time is no longer free",
                ),
                why,
                &office,
                &wish,
                around,
                &format!("/o/{}/hold", office.id),
                &Csrf::of(&headers),
                &back,
            )
            .await
        }
        Err(HoldError::TooMany(minutes)) => {
            let mut r = pages::message(
                lang,
                &back,
                StatusCode::TOO_MANY_REQUESTS,
                tr(
                    en,
                    "Schon genug Zeiten vorgemerkt",
                    "Enough times held already",
                ),
                html! {
                    p.notice.error {
                        (tr(en, "Von Ihrem Internetanschluss aus sind gerade Zeiten vorgemerkt, die zusammen ", "From your internet connection, times are held right now that together take ")) (minutes)
                        (tr(en, " Minuten Schalterzeit übersteigen würden; mehr geht nicht gleichzeitig. Buchen Sie eine davon, oder versuchen Sie es in ",
                                " minutes of desk time or more; no more can be held at once. Book one of them, or try again in "))
                        (office.hold_minutes) (tr(en, " Minuten noch einmal.", " minutes."))
                    }
                    p { a href=(back) { (tr(en, "Zum Kalender", "To the calendar")) } }
                },
            );
            r.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(u64::from(office.hold_minutes) * 60),
            );
            r
        }
        Err(HoldError::Slowed(seconds)) => {
            let mut r = pages::message(
                lang,
                &back,
                StatusCode::TOO_MANY_REQUESTS,
                tr(en, "Bitte warten Sie einen Moment", "Please wait a moment"),
                html! {
                    p.notice.error {
                        (tr(en, "Von Ihrem Internetanschluss aus wurden mehrere vorgemerkte Zeiten nicht gebucht. Damit Zeiten nicht blockiert werden, können Sie in ",
                                "Several times held from your internet connection were not booked. So that times are not blocked, you can hold a time again in "))
                        (seconds.div_ceil(60))
                        (tr(en, " Minute(n) wieder eine Zeit vormerken.", " minute(s)."))
                    }
                    p { a href=(back) { (tr(en, "Zum Kalender", "To the calendar")) } }
                },
            );
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            r
        }
        Err(HoldError::TooManyToday) => pages::message(
            lang,
            &back,
            StatusCode::TOO_MANY_REQUESTS,
            tr(
                en,
                "Schon genug Zeiten vorgemerkt",
                "Enough times held already",
            ),
            html! {
                p.notice.error { (tr(en, "Von Ihrem Internetanschluss aus ist an diesem Tag schon so viel vorgemerkt, wie ein Anschluss vormerken kann. Buchen Sie eine der vorgemerkten Zeiten, oder wählen Sie einen anderen Tag.",
                                       "From your internet connection, as much of this day is held already as one connection may hold. Book one of the times held, or choose another day.")) }
                p { a href=(back) { (tr(en, "Zum Kalender", "To the calendar")) } }
            },
        ),
        Err(HoldError::TooLong) => pages::message(
            lang,
            &back,
            StatusCode::CONFLICT,
            tr(
                en,
                "Zu lang, um vorgemerkt zu werden",
                "Too long to be held",
            ),
            html! {
                p.notice.error { (tr(en, "Die gewählten Anliegen brauchen an diesem Tag mehr Schalterzeit, als wir auf einmal für Sie vormerken können. Bitte buchen Sie für weniger Personen oder Anliegen auf einmal (etwa zwei Termine nacheinander), oder rufen Sie uns an.",
                                       "The services chosen need more desk time on this day than we can hold for you at once. Please book for fewer persons or services at a time (for example two appointments one after the other), or call us.")) }
                p { a href=(back) { (tr(en, "Zum Kalender", "To the calendar")) } }
            },
        ),
        Err(HoldError::DayShare) => pages::message(
            lang,
            &back,
            StatusCode::CONFLICT,
            tr(
                en,
                "Dieser Tag ist gerade stark gefragt",
                "This day is much in demand just now",
            ),
            html! {
                p.notice.error { (tr(en, "Gerade wählen viele Menschen eine Zeit an diesem Tag. Bitte wählen Sie einen anderen Tag, oder versuchen Sie es in einigen Minuten noch einmal.",
                                       "Many people are choosing a time on this day just now. Please choose another day, or try again in a few minutes.")) }
                p { a href=(back) { (tr(en, "Zum Kalender", "To the calendar")) } }
            },
        ),
        Err(HoldError::Invalid(fields)) => {
            if fields.iter().any(|f| f.field != "start") {
                return choose_services(None, &s, &office, lang, &wish, &fields);
            }
            pages::message(
                lang,
                &back,
                StatusCode::UNPROCESSABLE_ENTITY,
                tr(
                    en,
                    "Diese Zeit ist nicht buchbar",
                    "This time cannot be booked",
                ),
                html! {
                    p.notice.error { (tr(en, "Die gewählte Zeit liegt zu nah, in der Vergangenheit oder außerhalb der Öffnungszeiten.",
                                           "The chosen time is too soon, in the past or outside the opening hours.")) }
                    p { a href=(back) { (tr(en, "Zum Kalender", "To the calendar")) } }
                },
            )
        }
        Err(HoldError::UnknownOffice) => pages::not_found(lang),
        Err(HoldError::Store(e)) => pages::failed(lang, e),
    }
}

// ---------------------------------------------------------------- the form

/// What the form holds between a try with mistakes and the next.
#[derive(Default)]
struct Entered<'a> {
    name: &'a str,
    email: &'a str,
    phone: &'a str,
    consent: bool,
}

async fn details_page(
    State(s): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    l: PageLang,
) -> Response {
    let lang = l.lang;
    let csrf = Csrf::of(&headers);
    match held(&s, &headers, &id).await {
        Ok(Some(h)) if h.hold.booking_id.is_some() => {
            Redirect::to(&format!("/o/{}/done", h.office.id)).into_response()
        }
        Ok(Some(h)) if h.is_open(s.app.clock.now()) => form_page(
            &s,
            lang,
            &h,
            &Entered::default(),
            &[],
            StatusCode::OK,
            &csrf,
        ),
        Ok(Some(h)) => hold_ran_out(&s, lang, &h, &csrf).await,
        Ok(None) => no_hold(lang, &id),
        Err(e) => pages::failed(lang, e),
    }
}

fn no_hold(lang: Language, office: &str) -> Response {
    let en = lang == Language::En;
    pages::message(
        lang,
        &format!("/o/{office}"),
        StatusCode::GONE,
        tr(en, "Keine Zeit vorgemerkt", "No time held"),
        html! {
            p.notice.error { (tr(en, "Für diesen Browser ist keine Zeit vorgemerkt. Vielleicht ist die Vormerkung abgelaufen, oder Cookies sind ausgeschaltet – ohne sie können wir die Zeit nicht für Sie halten.",
                                   "No time is held for this browser. The hold may have run out, or cookies are switched off – without them we cannot keep the time for you.")) }
            p { a href={ "/o/" (office) } { (tr(en, "Neu beginnen", "Start again")) } }
        },
    )
}

async fn hold_ran_out(s: &AppState, lang: Language, h: &hold::Held, csrf: &Csrf) -> Response {
    let en = lang == Language::En;
    let wish = h.wish();
    nearest_page(
        s,
        lang,
        StatusCode::GONE,
        tr(en, "Die Vormerkung ist abgelaufen", "The hold has run out"),
        &format!(
            "{}{}{}",
            tr(en, "Wir haben die Zeit ", "We kept the time for "),
            h.office.hold_minutes,
            tr(
                en,
                " Minuten für Sie freigehalten; diese Zeit ist um. Bitte wählen Sie erneut.",
                " minutes; that time is up. Please choose again."
            ),
        ),
        &h.office,
        &wish,
        h.start(),
        &format!("/o/{}/hold", h.office.id),
        csrf,
        &format!("/o/{}/days?{}", h.office.id, wish_query(&wish)),
    )
    .await
}

fn held_summary(h: &hold::Held, lang: Language) -> Markup {
    let en = lang == Language::En;
    let tz = h.office.timezone;
    html! {
        dl {
            dt { (tr(en, "Wann", "When")) }
            dd { (i18n::when(h.start().with_timezone(&tz), lang)) }
            dt { (tr(en, "Wo", "Where")) }
            dd { (h.office.name) ", " (h.office.address) }
            dt { (tr(en, "Anliegen", "Services")) }
            dd { (h.service_names(lang).join(", ")) }
            dt { (tr(en, "Personen", "Persons")) }
            dd { (h.hold.persons) }
        }
    }
}

fn form_page(
    s: &AppState,
    lang: Language,
    h: &hold::Held,
    entered: &Entered<'_>,
    errors: &[FieldError],
    status: StatusCode,
    csrf: &Csrf,
) -> Response {
    let en = lang == Language::En;
    let tz = h.office.timezone;
    let ids = |field: &str| format!("f-{field}");
    // The honeypot is hidden: its mistake points at the first field instead.
    let summary: Vec<(String, String)> = errors
        .iter()
        .map(|f| match f.field.as_str() {
            "website" => ("f-name".to_string(), say(f, lang)),
            other => (ids(other), say(f, lang)),
        })
        .collect();
    let error_of = |field: &str| {
        errors
            .iter()
            .find(|f| f.field == field)
            .map(|f| say(f, lang))
    };
    let (name_e, email_e, phone_e, consent_e) = (
        error_of("name"),
        error_of("email"),
        error_of("phone"),
        error_of("consent"),
    );
    let described = |id: &str, e: &Option<String>| e.as_ref().map(|_| format!("{id}-error"));
    let confirm = h.office.confirm_within_minutes > 0;
    let day = h.start().with_timezone(&tz).date_naive();
    let back = format!(
        "/o/{}/day?{}&date={day}",
        h.office.id,
        wish_query(&h.wish())
    );
    let body = html! {
        @if !errors.is_empty() { (error_summary(lang, &summary)) }
        (held_summary(h, lang))
        p.notice {
            (tr(en, "Wir halten diese Zeit für Sie frei bis ", "We keep this time for you until "))
            strong { (i18n::time(h.expires().with_timezone(&tz), lang)) } "."
        }
        form.details method="post" action={ "/o/" (h.office.id) "/details" } novalidate {
            input type="hidden" name=(csrf::FIELD) value=(csrf.token);
            div.field {
                label for="f-name" { (tr(en, "Vor- und Nachname", "First and last name")) }
                (field_error("f-name", name_e.as_ref(), en))
                input #f-name type="text" name="name" autocomplete="name" required maxlength=(booking::MAX_NAME)
                    value=(entered.name) aria-invalid=[name_e.as_ref().map(|_| "true")] aria-describedby=[described("f-name", &name_e)];
            }
            div.field {
                label for="f-email" { (tr(en, "E-Mail-Adresse", "Email address")) }
                p.hint #f-email-hint { (if confirm { tr(en, "Dorthin senden wir den Link, mit dem Sie den Termin bestätigen.", "We send the link to confirm the appointment there.") }
                                  else { tr(en, "Dorthin senden wir die Terminbestätigung.", "We send the confirmation there.") }) }
                (field_error("f-email", email_e.as_ref(), en))
                input #f-email type="email" name="email" autocomplete="email" required maxlength="254"
                    value=(entered.email) aria-invalid=[email_e.as_ref().map(|_| "true")]
                    aria-describedby={ "f-email-hint" @if email_e.is_some() { " f-email-error" } };
            }
            div.field {
                label for="f-phone" { (tr(en, "Telefon (freiwillig)", "Phone (optional)")) }
                (field_error("f-phone", phone_e.as_ref(), en))
                input #f-phone type="tel" name="phone" autocomplete="tel" maxlength=(booking::MAX_PHONE)
                    value=(entered.phone) aria-invalid=[phone_e.as_ref().map(|_| "true")] aria-describedby=[described("f-phone", &phone_e)];
            }
            // A field people never see: only programs fill it in.
            div.hp aria-hidden="true" {
                label for="f-website" { "Website" }
                input #f-website type="text" name="website" tabindex="-1" autocomplete="off";
            }
            div.field.check {
                (field_error("f-consent", consent_e.as_ref(), en))
                input #f-consent type="checkbox" name="consent" value="yes" required checked[entered.consent]
                    aria-invalid=[consent_e.as_ref().map(|_| "true")] aria-describedby=[described("f-consent", &consent_e)];
                label for="f-consent" {
                    (tr(en, "Ich habe die ", "I have read the ")) a href="/privacy" { (tr(en, "Datenschutzerklärung", "privacy notice")) }
                    (tr(en, " gelesen und bin einverstanden, dass meine Angaben für diesen Termin gespeichert werden.",
                           " and agree that my details are stored for this appointment."))
                }
            }
            button type="submit" { (if confirm { tr(en, "Termin buchen", "Book appointment") } else { tr(en, "Termin verbindlich buchen", "Book appointment") }) }
        }
        p { a href=(back) { (tr(en, "Andere Zeit wählen", "Choose another time")) } }
    };
    let title = if errors.is_empty() {
        tr(en, "Ihre Angaben", "Your details").to_string()
    } else {
        format!(
            "{} – {}",
            tr(en, "Fehler", "Error"),
            tr(en, "Ihre Angaben", "Your details")
        )
    };
    respond(
        s,
        status,
        layout(lang, &format!("/o/{}/details", h.office.id), &title, body),
        Some(csrf),
    )
}

async fn send_details(
    State(s): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    l: PageLang,
    FormFields(f): FormFields,
) -> Response {
    let lang = l.lang;
    let csrf = Csrf::of(&headers);
    let now = s.app.clock.now();
    let held = match held(&s, &headers, &id).await {
        Ok(Some(h)) => h,
        Ok(None) => return no_hold(lang, &id),
        Err(e) => return pages::failed(lang, e),
    };
    if held.hold.booking_id.is_some() {
        return Redirect::to(&format!("/o/{}/done", held.office.id)).into_response();
    }
    if !held.is_open(now) {
        return hold_ran_out(&s, lang, &held, &csrf).await;
    }
    let entered = Entered {
        name: f.get("name").unwrap_or_default(),
        email: f.get("email").unwrap_or_default(),
        phone: f.get("phone").unwrap_or_default(),
        consent: f.get("consent") == Some("yes"),
    };
    let mut errors = booking::check_person(entered.name, entered.email, Some(entered.phone))
        .err()
        .unwrap_or_default();
    if !entered.consent {
        errors.push(FieldError {
            field: "consent".into(),
            message: "confirm that you have read the privacy notice".into(),
            mistake: Mistake::Consent,
        });
    }
    if f.get("website").is_some_and(|w| !w.is_empty()) {
        errors.push(FieldError {
            field: "website".into(),
            message: "must stay empty".into(),
            mistake: Mistake::Honeypot,
        });
    }
    if !errors.is_empty() {
        return form_page(
            &s,
            lang,
            &held,
            &entered,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
            &csrf,
        );
    }
    match hold::book(
        &s.app,
        &held,
        entered.name,
        entered.email,
        Some(entered.phone),
        lang,
    )
    .await
    {
        Ok(b) => Redirect::to(&format!("/o/{}/done", b.office.id)).into_response(),
        Err(BookError::HoldGone) => match hold::find(&s.app, None, Some(&csrf.token)).await {
            // Sent twice: the first went through.
            Ok(Some(h)) if h.hold.booking_id.is_some() => {
                Redirect::to(&format!("/o/{}/done", h.office.id)).into_response()
            }
            Ok(_) => hold_ran_out(&s, lang, &held, &csrf).await,
            // Whether the first went through cannot be told just now.
            Err(e) => pages::failed(lang, e),
        },
        Err(BookError::EmailCap(n)) => {
            let e = FieldError {
                field: "email".into(),
                message: format!("{n} bookings to come at this office"),
                mistake: Mistake::EmailCap(n),
            };
            form_page(&s, lang, &held, &entered, &[e], StatusCode::CONFLICT, &csrf)
        }
        Err(BookError::Invalid(errors)) => form_page(
            &s,
            lang,
            &held,
            &entered,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
            &csrf,
        ),
        Err(e) => pages::failed(lang, e),
    }
}

// ---------------------------------------------------------------- done

async fn done_page(
    State(s): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    l: PageLang,
) -> Response {
    let lang = l.lang;
    let en = lang == Language::En;
    let booked = match held(&s, &headers, &id).await {
        Ok(Some(h)) => hold::booked(&s.app, &h).await,
        Ok(None) => Ok(None),
        Err(e) => Err(e),
    };
    let b: Booked = match booked {
        Ok(Some(b)) => b,
        Ok(None) => return no_hold(lang, &id),
        Err(e) => return pages::failed(lang, e),
    };
    let now = s.app.clock.now();
    let status = b.status(now);
    let tz = b.office.timezone;
    let (title, text) = match status {
        BookingStatus::Pending => (
            tr(
                en,
                "Bitte bestätigen Sie per E-Mail",
                "Please confirm by email",
            ),
            html! {
                p.notice {
                    (tr(en, "Wir haben eine E-Mail an ", "We have sent an email to "))
                    strong { (b.booking.email.as_deref().unwrap_or_default()) }
                    (tr(en, " geschickt. Öffnen Sie den Link darin und drücken Sie „Termin bestätigen“ bis ",
                           ". Open the link in it and press \"Confirm appointment\" by "))
                    strong { (b.booking.confirm_by.and_then(|t| DateTime::from_timestamp(t, 0)).map(|t| i18n::time(t.with_timezone(&tz), lang)).unwrap_or_default()) }
                    (tr(en, ". Sonst wird die Zeit wieder frei.", ", otherwise the time becomes free again."))
                }
            },
        ),
        BookingStatus::Confirmed => (
            tr(en, "Ihr Termin ist gebucht", "Your appointment is booked"),
            html! {
                p.notice.ok {
                    (tr(en, "Die Bestätigung mit Kalenderdatei ist unterwegs an ", "The confirmation with a calendar file is on its way to "))
                    strong { (b.booking.email.as_deref().unwrap_or_default()) } "."
                    (tr(en, " Mit dem Link darin können Sie den Termin verschieben oder absagen.", " With the link in it you can move or cancel the appointment."))
                }
            },
        ),
        _ => (
            tr(en, "Ihr Termin", "Your appointment"),
            html! { p.status { (pages::status_text(status, en)) } },
        ),
    };
    let body = html! {
        (text)
        (details(&b, lang))
        (pages::bring(&b, lang))
        p.print-hint { (tr(en, "Sie können diese Seite ausdrucken; Menü und Knöpfe werden dabei weggelassen.",
                              "You can print this page; menus and buttons are left out.")) }
    };
    respond(
        &s,
        StatusCode::OK,
        layout(lang, &format!("/o/{}/done", b.office.id), title, body),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wishes_travel_in_links_and_come_back() {
        let wish = Wish {
            services: vec!["anmeldung".into(), "ausweis".into()],
            persons: 2,
        };
        let q = wish_query(&wish);
        assert_eq!(q, "service=anmeldung&service=ausweis&persons=2");
        let parse = |q: &str| Fields::parse(q.as_bytes()).unwrap();
        assert_eq!(parse(&q).wish(), wish);
        assert_eq!(
            parse("service=a&persons=lots").wish().persons,
            0,
            "an unreadable count is no count"
        );
    }

    #[test]
    fn mistakes_are_said_in_german_too() {
        let f = booking::check_person("Anna", "anna(at)example.org", None).unwrap_err()[0].clone();
        assert!(say(&f, Language::De).starts_with("Bitte geben Sie eine E-Mail-Adresse an"));
        assert_eq!(
            say(&f, Language::En),
            "Must be an email address such as name@example.de."
        );
        let p = FieldError {
            field: "persons".into(),
            message: "at most 3 persons for these services".into(),
            mistake: Mistake::TooManyPersons(3),
        };
        assert_eq!(
            say(&p, Language::De),
            "Für diese Anliegen höchstens 3 Personen."
        );
    }
}
