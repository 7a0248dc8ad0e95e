//! Citizen pages: the start page, the pages behind the links in a booking's mail (see,
//! confirm, cancel, move, calendar file), the privacy notice, accessibility statement
//! and imprint, and the pages that say what went wrong. The booking flow is in `flow`.
//!
//! Opening a link changes nothing (mail scanners open links); a button does.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use maud::{html, Markup, DOCTYPE};

use super::csrf::{self, Csrf};
use super::flow::{self, respond};
use super::form::{FormFields, QueryFields};
use super::lang::PageLang;
use super::AppState;
use crate::booking::{self, BookError, Booked, MoveError, TokenError, Wish};
use crate::domain::{BookingStatus, Language};
use crate::i18n;

/// The German or the English text.
pub fn tr(en: bool, de: &'static str, english: &'static str) -> &'static str {
    if en {
        english
    } else {
        de
    }
}

const CSS: &str = include_str!("../../assets/site.css");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/assets/site.css", get(css))
        .route("/b/{token}", get(manage))
        .route("/b/{token}/confirm", get(manage).post(confirm))
        .route("/b/{token}/cancel", post(cancel))
        .route("/b/{token}/move", get(move_page).post(move_to))
        .route("/b/{token}/calendar.ics", get(calendar_file))
        .route("/privacy", get(privacy))
        .route("/accessibility", get(accessibility))
        .route("/imprint", get(imprint))
}

async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        CSS,
    )
        .into_response()
}

/// The same page in the other language: `here` (path and query) with `lang` set.
fn switch_href(here: &str, code: &str) -> String {
    let (path, query) = here.split_once('?').unwrap_or((here, ""));
    let mut params: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang="))
        .collect();
    let lang = format!("lang={code}");
    params.push(&lang);
    format!("{path}?{}", params.join("&"))
}

/// Every page: one `<h1>`, the language switch, and the pages a public service owes in the footer.
/// `here` is the page's path and query, for the switch.
pub fn layout(lang: Language, here: &str, title: &str, body: Markup) -> Markup {
    let en = lang == Language::En;
    let (other, other_name, other_code) = if en {
        (Language::De, "Deutsch", "de")
    } else {
        (Language::En, "English", "en")
    };
    html! {
        (DOCTYPE)
        html lang=(lang.as_str()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – Termin" }
                link rel="stylesheet" href="/assets/site.css";
            }
            body {
                a.skip href="#main" { @if en { "Skip to content" } @else { "Zum Inhalt" } }
                header {
                    a href="/" { "Termin" }
                    " "
                    a.lang href=(switch_href(here, other_code)) lang=(other.as_str()) hreflang=(other.as_str()) { (other_name) }
                }
                main #main { h1 { (title) } (body) }
                footer {
                    nav aria-label=(if en { "Legal" } else { "Rechtliches" }) {
                        a href="/privacy" { @if en { "Privacy" } @else { "Datenschutz" } }
                        " · "
                        a href="/accessibility" { @if en { "Accessibility" } @else { "Barrierefreiheit" } }
                        " · "
                        a href="/imprint" { @if en { "Imprint" } @else { "Impressum" } }
                    }
                }
            }
        }
    }
}

async fn home(State(s): State<AppState>, l: PageLang) -> Response {
    let en = l.lang == Language::En;
    match s.app.offices().await {
        Ok(offices) => layout(
            l.lang,
            "/",
            if en {
                "Book an appointment"
            } else {
                "Termin buchen"
            },
            html! {
                p { (tr(en, "Buchen Sie Ihren Termin online – ohne Wartemarke und ohne Warteschlange. Wählen Sie zuerst den Standort.",
                           "Book your appointment online – no ticket, no queue. First choose the office.")) }
                ul.offices {
                    @for o in offices.iter() {
                        li {
                            a href={ "/o/" (o.id) } { strong { (o.name) } }
                            br;
                            span.muted { (o.address) }
                        }
                    }
                }
            },
        )
        .into_response(),
        Err(e) => failed(l.lang, e),
    }
}

pub fn details(b: &Booked, lang: Language) -> Markup {
    let tz = b.office.timezone;
    let en = lang == Language::En;
    html! {
        dl {
            dt { @if en { "When" } @else { "Wann" } }
            dd { (i18n::when(b.start().with_timezone(&tz), lang)) }
            dt { @if en { "Where" } @else { "Wo" } }
            dd { (b.office.name) ", " (b.office.address) }
            dt { @if en { "Services" } @else { "Anliegen" } }
            dd { (b.service_names().join(", ")) }
            dt { @if en { "Persons" } @else { "Personen" } }
            dd { (b.booking.persons) }
        }
    }
}

pub fn status_text(status: BookingStatus, en: bool) -> &'static str {
    match (status, en) {
        (BookingStatus::Pending, false) => "Noch nicht bestätigt",
        (BookingStatus::Pending, true) => "Not yet confirmed",
        (BookingStatus::Confirmed, false) => "Bestätigt",
        (BookingStatus::Confirmed, true) => "Confirmed",
        (BookingStatus::Cancelled, false) => "Abgesagt",
        (BookingStatus::Cancelled, true) => "Cancelled",
        (BookingStatus::Expired, false) => "Verfallen (nicht rechtzeitig bestätigt)",
        (BookingStatus::Expired, true) => "Lapsed (not confirmed in time)",
        (_, false) => "Erledigt",
        (_, true) => "Done",
    }
}

/// What to bring, per booked service, as the office wrote it.
pub fn bring(b: &Booked, lang: Language) -> Markup {
    let en = lang == Language::En;
    let items: Vec<(&str, &str)> = b
        .booking
        .service_ids()
        .iter()
        .filter_map(|id| b.office.service(id))
        .filter_map(|(_, s)| s.bring.as_ref().map(|t| (s.name.get(lang), t.get(lang))))
        .collect();
    html! {
        @if !items.is_empty() {
            h2 { (tr(en, "Bitte mitbringen", "Please bring")) }
            ul.bring { @for (service, what) in &items { li { strong { (service) ": " } (what) } } }
        }
    }
}

/// The booking behind a token, in the language of the booking unless the visitor chose another.
async fn booking_of(
    s: &AppState,
    token: &str,
    l: &PageLang,
) -> Result<(Booked, Language), Response> {
    match booking::get(&s.app, token).await {
        Ok(b) => {
            let lang = if l.chosen { l.lang } else { b.language() };
            Ok((b, lang))
        }
        Err(e) => Err(error_page(l.lang, e)),
    }
}

async fn manage(
    State(s): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    l: PageLang,
) -> Response {
    let (b, lang) = match booking_of(&s, &token, &l).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    let en = lang == Language::En;
    let now = s.app.clock.now();
    let status = b.status(now);
    let open =
        matches!(status, BookingStatus::Pending | BookingStatus::Confirmed) && b.start() > now;
    let csrf = Csrf::of(&headers);
    let title = tr(en, "Ihr Termin", "Your appointment");
    let body = html! {
        p { span.status { (status_text(status, en)) } }
        @if status == BookingStatus::Pending {
            p { (tr(en, "Bitte bestätigen Sie den Termin mit dem Knopf unten, sonst wird die Zeit wieder frei.",
                       "Please confirm the appointment with the button below, otherwise the time becomes free again.")) }
        }
        (details(&b, lang))
        @if open { (bring(&b, lang)) }
        @if open {
            div.actions {
                @if status == BookingStatus::Pending {
                    form method="post" action={ "/b/" (token) "/confirm" } {
                        input type="hidden" name=(csrf::FIELD) value=(csrf.token);
                        button type="submit" { (tr(en, "Termin bestätigen", "Confirm appointment")) }
                    }
                }
                a.button href={ "/b/" (token) "/move" } { (tr(en, "Termin verschieben", "Move appointment")) }
                form method="post" action={ "/b/" (token) "/cancel" } {
                    input type="hidden" name=(csrf::FIELD) value=(csrf.token);
                    button.secondary type="submit" { (tr(en, "Termin absagen", "Cancel appointment")) }
                }
            }
            p { a href={ "/b/" (token) "/calendar.ics" } download="termin.ics" { (tr(en, "In den Kalender eintragen (.ics)", "Add to your calendar (.ics)")) } }
            p.print-hint { (tr(en, "Sie können diese Seite als Terminbestätigung ausdrucken.", "You can print this page as a confirmation of the appointment.")) }
        }
    };
    respond(
        &s,
        StatusCode::OK,
        layout(lang, &format!("/b/{token}"), title, body),
        Some(&csrf),
    )
}

/// A POST on a booking's page (its form token checked by `csrf::protect`): `act` runs and
/// the visitor is sent back to the page.
async fn act_on<F, Fut>(token: &str, l: &PageLang, act: F) -> Response
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<Booked, TokenError>>,
{
    match act().await {
        Ok(_) => Redirect::to(&format!("/b/{token}")).into_response(),
        Err(e) => error_page(l.lang, e),
    }
}

async fn confirm(State(s): State<AppState>, Path(token): Path<String>, l: PageLang) -> Response {
    act_on(&token, &l, || booking::confirm(&s.app, &token)).await
}

async fn cancel(State(s): State<AppState>, Path(token): Path<String>, l: PageLang) -> Response {
    act_on(&token, &l, || booking::cancel(&s.app, &token)).await
}

/// Why a booking can no longer be moved or put in a calendar, if it cannot.
fn unchangeable(b: &Booked, now: chrono::DateTime<chrono::Utc>) -> Option<TokenError> {
    match b.status(now) {
        BookingStatus::Pending | BookingStatus::Confirmed if b.start() > now => None,
        BookingStatus::Pending | BookingStatus::Confirmed => Some(TokenError::TooLate),
        BookingStatus::Expired => Some(TokenError::Expired),
        other => Some(TokenError::Closed(other.as_str())),
    }
}

fn wish_of(b: &Booked) -> Wish {
    Wish::stored(&b.booking.service_ids(), b.booking.persons)
}

/// Moving: a calendar of days, then a day's times; choosing one moves the booking.
async fn move_page(
    State(s): State<AppState>,
    Path(token): Path<String>,
    QueryFields(q): QueryFields,
    headers: HeaderMap,
    l: PageLang,
) -> Response {
    let (b, lang) = match booking_of(&s, &token, &l).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    let en = lang == Language::En;
    let now = s.app.clock.now();
    if let Some(why) = unchangeable(&b, now) {
        return error_page(lang, why);
    }
    let wish = wish_of(&b);
    let here = format!("/b/{token}/move");
    let date = q
        .get("date")
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let tz = b.office.timezone;
    let intro = html! {
        p { (tr(en, "Jetzt: ", "Now: ")) strong { (i18n::when(b.start().with_timezone(&tz), lang)) } }
        p { (tr(en, "Ihr bisheriger Termin bleibt bestehen, bis der neue gesichert ist.",
                   "Your current appointment stays until the new one is secured.")) }
    };
    let (from, to, _) = match date {
        Some(d) => (d, d, d),
        None => flow::calendar_range(&b.office, now, None),
    };
    let a = match booking::availability(&s.app, &b.office.id, &wish, Some(from), Some(to)).await {
        Ok(a) => a,
        Err(booking::QueryError::Store(e)) => return failed(lang, e),
        Err(_) => {
            return message(
                lang,
                &here,
                StatusCode::UNPROCESSABLE_ENTITY,
                tr(
                    en,
                    "Dieser Tag ist nicht buchbar",
                    "This day cannot be booked",
                ),
                html! { p { a href=(here) { (tr(en, "Zum Kalender", "To the calendar")) } } },
            )
        }
    };
    let csrf = Csrf::of(&headers);
    let body = match date {
        None => {
            let link = |d: chrono::NaiveDate| format!("/b/{token}/move?date={d}");
            html! { (intro) (flow::calendar(lang, &a.days, from, to, &link)) p { a href={ "/b/" (token) } { (tr(en, "Zurück zum Termin", "Back to the appointment")) } } }
        }
        Some(d) => {
            let slots: Vec<_> = a
                .days
                .iter()
                .flat_map(|d| d.slots.iter().copied())
                .collect();
            html! {
                (intro)
                p.date { strong { (i18n::long_date(d, lang)) } }
                @if slots.is_empty() {
                    p.notice { (tr(en, "An diesem Tag ist keine Zeit frei.", "No time is free on this day.")) }
                } @else {
                    (flow::times_form(lang, &b.office, &slots, &here, html! { input type="hidden" name=(csrf::FIELD) value=(csrf.token); }))
                }
                p { a href=(here) { (tr(en, "Anderen Tag wählen", "Choose another day")) } }
            }
        }
    };
    let title = tr(en, "Termin verschieben", "Move appointment");
    respond(
        &s,
        StatusCode::OK,
        layout(lang, &here, title, body),
        Some(&csrf),
    )
}

async fn move_to(
    State(s): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    l: PageLang,
    FormFields(f): FormFields,
) -> Response {
    let (b, lang) = match booking_of(&s, &token, &l).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    let en = lang == Language::En;
    let start = f.get("start").unwrap_or_default();
    let here = format!("/b/{token}/move");
    match booking::move_booking(&s.app, &token, start).await {
        Ok(_) => Redirect::to(&format!("/b/{token}")).into_response(),
        Err(MoveError::Book(BookError::SlotTaken | BookError::ArrivalsFull)) => {
            let around = chrono::DateTime::parse_from_rfc3339(start)
                .map(|t| t.with_timezone(&chrono::Utc))
                .unwrap_or_else(|_| b.start());
            let csrf = Csrf::of(&headers);
            let slots = crate::hold::nearest(&s.app, &b.office.id, &wish_of(&b), around, 8)
                .await
                .unwrap_or_default();
            let body = html! {
                p.notice.error { (tr(en, "Diese Zeit ist nicht mehr frei. Ihr bisheriger Termin bleibt bestehen.",
                                       "This time is no longer free. Your current appointment stays as it was.")) }
                @if !slots.is_empty() {
                    p { (tr(en, "Diese Zeiten in der Nähe sind noch frei:", "These times nearby are still free:")) }
                    (flow::times_form(lang, &b.office, &slots, &here, html! { input type="hidden" name=(csrf::FIELD) value=(csrf.token); }))
                }
                p { a href=(here) { (tr(en, "Zum Kalender", "To the calendar")) } }
            };
            respond(
                &s,
                StatusCode::CONFLICT,
                layout(
                    lang,
                    &here,
                    tr(
                        en,
                        "Diese Zeit ist nicht mehr frei",
                        "This time is no longer free",
                    ),
                    body,
                ),
                Some(&csrf),
            )
        }
        Err(MoveError::Book(BookError::Invalid(_))) => message(
            lang,
            &here,
            StatusCode::UNPROCESSABLE_ENTITY,
            tr(
                en,
                "Diese Zeit ist nicht buchbar",
                "This time cannot be booked",
            ),
            html! { p { a href=(here) { (tr(en, "Andere Zeit wählen", "Choose another time")) } } },
        ),
        Err(MoveError::TooOften(n)) => message(
            lang,
            &format!("/b/{token}"),
            StatusCode::CONFLICT,
            tr(
                en,
                "Nicht noch einmal verschiebbar",
                "Cannot be moved again",
            ),
            html! {
                p.notice.error {
                    (tr(en, "Dieser Termin wurde schon ", "This appointment has been moved ")) (n)
                    (tr(en, "-mal verschoben, so oft wie ein Termin verschoben werden kann. Wenn Sie eine andere Zeit brauchen, sagen Sie ihn ab und buchen Sie neu.",
                           " times, as often as an appointment can be moved. If you need another time, cancel it and book again."))
                }
                p { a href={ "/b/" (token) } { (tr(en, "Zurück zum Termin", "Back to the appointment")) } }
            },
        ),
        Err(MoveError::Token(e)) => error_page(lang, e),
        Err(MoveError::Book(e)) => failed(lang, e),
    }
}

async fn calendar_file(
    State(s): State<AppState>,
    Path(token): Path<String>,
    l: PageLang,
) -> Response {
    let (b, lang) = match booking_of(&s, &token, &l).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    if let Some(why) = unchangeable(&b, s.app.clock.now()) {
        return error_page(lang, why);
    }
    match booking::calendar_file(&s.app, &b, &token).await {
        Ok(ics) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"termin.ics\"",
                ),
            ],
            ics,
        )
            .into_response(),
        Err(e) => error_page(lang, e),
    }
}

/// A page that says one thing, with a status; `here` is the page the language switch shows again.
pub fn message(
    lang: Language,
    here: &str,
    status: StatusCode,
    title: &str,
    body: Markup,
) -> Response {
    (status, layout(lang, here, title, body)).into_response()
}

pub fn not_found(lang: Language) -> Response {
    let en = lang == Language::En;
    message(
        lang,
        "/",
        StatusCode::NOT_FOUND,
        tr(en, "Seite nicht gefunden", "Page not found"),
        html! { p { (tr(en, "Diese Seite gibt es nicht. ", "There is no such page. ")) a href="/" { (tr(en, "Zur Startseite", "To the start page")) } } },
    )
}

/// The page for an error status that no handler explained itself.
pub fn status_page(lang: Language, status: StatusCode) -> Response {
    let en = lang == Language::En;
    let (title, text) = match status.as_u16() {
        404 => (
            tr(en, "Seite nicht gefunden", "Page not found"),
            tr(en, "Diese Seite gibt es nicht.", "There is no such page."),
        ),
        405 => (
            tr(en, "Das geht hier nicht", "Not possible here"),
            tr(en, "Diese Seite lässt sich so nicht aufrufen. Bitte nutzen Sie die Links und Knöpfe der Seiten.",
                   "This page cannot be used like this. Please use the links and buttons on the pages."),
        ),
        413 => (
            tr(en, "Zu viele Angaben", "Too much sent"),
            tr(en, "Das Formular war zu groß. Bitte kürzen Sie Ihre Angaben und senden Sie es noch einmal.",
                   "The form was too large. Please shorten what you entered and send it again."),
        ),
        415 => (
            tr(en, "Formular nicht lesbar", "Form not readable"),
            tr(en, "Das Formular kam in einer Form, die wir nicht lesen können. Bitte senden Sie es noch einmal von unserer Seite aus.",
                   "The form came in a shape we cannot read. Please send it again from our page."),
        ),
        408 => (
            tr(en, "Zeit abgelaufen", "Timed out"),
            tr(en, "Die Anfrage hat zu lange gedauert. Bitte versuchen Sie es noch einmal.",
                   "The request took too long. Please try again."),
        ),
        s if s >= 500 => (
            tr(en, "Das ging nicht", "That did not work"),
            tr(en, "Das ließ sich gerade nicht ausführen. Bitte versuchen Sie es später noch einmal.",
                   "This could not be done just now. Please try again later."),
        ),
        _ => (
            tr(en, "Anfrage nicht verständlich", "Request not understood"),
            tr(en, "Diese Anfrage konnten wir nicht verstehen. Bitte nutzen Sie die Links und Knöpfe der Seiten.",
                   "We could not understand this request. Please use the links and buttons on the pages."),
        ),
    };
    message(
        lang,
        "/",
        status,
        title,
        html! {
            p.notice.error { (text) }
            p { a href="/" { (tr(en, "Zur Startseite", "To the start page")) } }
        },
    )
}

/// The database cannot be reached just now: come back shortly.
fn unavailable(lang: Language) -> Response {
    let en = lang == Language::En;
    let mut page = message(
        lang,
        "/",
        StatusCode::SERVICE_UNAVAILABLE,
        tr(en, "Gerade nicht erreichbar", "Not available just now"),
        html! {
            p.notice.error { (tr(en, "Die Terminbuchung ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.",
                                   "Appointment booking cannot be reached just now. Please try again shortly.")) }
            p { (tr(en, "Falls Sie gerade gebucht haben: Eine Buchung, die geklappt hat, bestätigen wir Ihnen per E-Mail.",
                       "If you were just booking: a booking that went through is confirmed to you by email.")) }
            p { a href="/" { (tr(en, "Zur Startseite", "To the start page")) } }
        },
    );
    page.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from(super::error::Busy::Database.retry_after()),
    );
    page
}

/// Something on our side failed: logged with a reference the visitor can quote.
/// If the database could not be reached, the visitor is asked to come back soon.
pub fn failed(lang: Language, e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Response {
    let e = e.into();
    let en = lang == Language::En;
    if crate::store::unavailable(&*e) {
        tracing::warn!(error = %e, "the database cannot be reached");
        return unavailable(lang);
    }
    let super::error::AppError::Internal(reference) = super::error::AppError::internal("page", e)
    else {
        unreachable!("internal() makes an internal error")
    };
    message(
        lang,
        "/",
        StatusCode::INTERNAL_SERVER_ERROR,
        tr(en, "Das ging nicht", "That did not work"),
        html! {
            p.notice.error { (tr(en, "Das ließ sich gerade nicht ausführen. Bitte versuchen Sie es später noch einmal.",
                                   "This could not be done just now. Please try again later.")) }
            p { (tr(en, "Kennung für Rückfragen: ", "Reference for enquiries: ")) code { (reference) } }
        },
    )
}

/// A form that came without its token (another site, an old page, cookies off).
pub fn refused(lang: Language) -> Response {
    let en = lang == Language::En;
    message(
        lang,
        "/",
        StatusCode::FORBIDDEN,
        tr(en, "Formular abgelaufen", "Form expired"),
        html! {
            p.notice.error { (tr(en, "Das Formular war veraltet oder kam von einer anderen Seite; es wurde nichts geändert. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal. Dafür müssen Cookies für diese Seite erlaubt sein.",
                                   "The form was out of date or came from another site; nothing was changed. Please reload the page and try again. Cookies must be allowed for this site.")) }
            p { a href="/" { (tr(en, "Zur Startseite", "To the start page")) } }
        },
    )
}

fn error_page(lang: Language, e: TokenError) -> Response {
    let en = lang == Language::En;
    let app_error = super::error::AppError::from(e);
    if let super::error::AppError::Unavailable(super::error::Busy::Database) = app_error {
        return unavailable(lang);
    }
    let status = app_error.status();
    let (title, text) = match status {
        StatusCode::NOT_FOUND => (
            tr(en, "Termin nicht gefunden", "Appointment not found"),
            tr(en, "Zu diesem Link gibt es keinen Termin. Bitte prüfen Sie, ob er vollständig kopiert wurde.",
                   "No appointment belongs to this link. Please check that it was copied in full."),
        ),
        StatusCode::GONE => (
            tr(en, "Termin verfallen", "Appointment lapsed"),
            tr(en, "Der Termin wurde nicht rechtzeitig bestätigt und ist verfallen. Bitte buchen Sie neu.",
                   "The appointment was not confirmed in time and has lapsed. Please book again."),
        ),
        StatusCode::CONFLICT => (
            tr(en, "Nicht mehr änderbar", "Can no longer be changed"),
            tr(en, "Dieser Termin lässt sich nicht mehr ändern: Er hat begonnen, ist vorbei oder wurde abgesagt.",
                   "This appointment can no longer be changed: it has begun, is over or was cancelled."),
        ),
        _ => (
            tr(en, "Das ging nicht", "That did not work"),
            tr(en, "Das ließ sich nicht ausführen. Bitte versuchen Sie es später noch einmal.",
                   "This could not be done. Please try again later."),
        ),
    };
    let (_, detail) = app_error.code_and_message();
    message(
        lang,
        "/",
        status,
        title,
        html! { p.notice.error { (text) } @if status.is_server_error() { p { (detail) } } },
    )
}

async fn privacy(State(s): State<AppState>, l: PageLang) -> Response {
    let c = &s.app.config;
    let days = c.retention_days;
    let body = match l.lang {
        Language::De => html! {
            h2 { "Wer ist verantwortlich?" }
            p { (c.operator) }
            p { "Kontakt für Fragen zum Datenschutz: " a href={ "mailto:" (c.contact_email) } { (c.contact_email) } }
            h2 { "Was wir speichern und warum" }
            p { "Für Ihren Termin speichern wir Ihren Namen, Ihre E-Mail-Adresse, auf Wunsch Ihre Telefonnummer, die gewählten Anliegen, die Zahl der Personen und die Zeit. Wir brauchen diese Angaben, um den Termin zu vergeben, Sie zu benachrichtigen und Sie am Schalter aufzurufen (Art. 6 Abs. 1 lit. e DSGVO)." }
            p { "Um Missbrauch zu verhindern, zählen wir Anfragen je Internetadresse für kurze Zeit im Arbeitsspeicher. Solange eine gewählte Zeit für Sie vorgemerkt ist (einige Minuten), speichern wir einen Hashwert Ihrer Internetadresse, damit niemand viele Zeiten auf einmal blockiert; danach wird er gelöscht. Verfallen von einer Adresse aus immer wieder vorgemerkte Zeiten, ohne dass gebucht wird, behalten wir ihn bis zu einer Stunde, um weitere Vormerkungen zu verlangsamen." }
            h2 { "Wie lange" }
            p { "Name, E-Mail-Adresse und Telefonnummer werden " (days) " Tage nach dem Termin gelöscht. Für die Statistik bleiben nur Zahlen ohne Personenbezug." }
            h2 { "Cookies und Dritte" }
            p { "Wir setzen nur technisch notwendige Cookies: die gewählte Sprache (wenn Sie eine wählen), ein Zufallswert, der unsere Formulare vor Missbrauch durch fremde Seiten schützt (bis Sie den Browser schließen), und während der Buchung ein Zufallswert für die vorgemerkte Zeit (bis Sie den Browser schließen). Es gibt keine Zählpixel, keine Werbung und keine Inhalte anderer Anbieter." }
            h2 { "Ihre Rechte" }
            p { "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie auf Beschwerde bei der zuständigen Datenschutzaufsichtsbehörde. Ihren Termin können Sie jederzeit über den Link in Ihrer E-Mail absagen." }
        },
        Language::En => html! {
            h2 { "Who is responsible" }
            p { (c.operator) }
            p { "Contact for data protection questions: " a href={ "mailto:" (c.contact_email) } { (c.contact_email) } }
            h2 { "What we store and why" }
            p { "For your appointment we store your name, your email address, your phone number if you give it, the services you chose, the number of persons and the time. We need them to give you the appointment, to notify you and to call you at the counter (Art. 6(1)(e) GDPR)." }
            p { "To prevent abuse we count requests per internet address for a short time in memory. While a chosen time is held for you (a few minutes), we store a hash of your internet address so that nobody blocks many times at once; then it is deleted. If times held from one address run out again and again without a booking, we keep it for up to an hour to slow down further holds." }
            h2 { "How long" }
            p { "Name, email address and phone number are deleted " (days) " days after the appointment. Statistics keep only counts that name nobody." }
            h2 { "Cookies and third parties" }
            p { "We set only cookies that the service needs: the language (when you choose one), a random value that protects our forms against misuse by other sites (until you close the browser), and while you book a random value for the time held for you (until you close the browser). There are no tracking pixels, no advertising and no content from other providers." }
            h2 { "Your rights" }
            p { "You have the right of access, rectification, erasure and restriction of processing, and the right to complain to the responsible data protection authority. You can cancel your appointment at any time with the link in your email." }
        },
    };
    let title = if l.lang == Language::En {
        "Privacy notice"
    } else {
        "Datenschutzerklärung"
    };
    layout(l.lang, "/privacy", title, body).into_response()
}

async fn accessibility(State(s): State<AppState>, l: PageLang) -> Response {
    let mail = &s.app.config.contact_email;
    let body = match l.lang {
        Language::De => html! {
            p { "Wir möchten, dass alle diesen Dienst nutzen können. Diese Erklärung gilt für die Seiten der Terminbuchung und beruht auf der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0)." }
            h2 { "Stand der Vereinbarkeit" }
            p { "Die Seiten sollen die Anforderungen der WCAG 2.1 auf Stufe AA erfüllen. Sie funktionieren ohne JavaScript und allein mit der Tastatur und werden bei jeder Änderung automatisch mit axe-core in einem echten Browser geprüft." }
            h2 { "Feedback und Kontakt" }
            p { "Ist Ihnen eine Barriere aufgefallen? Schreiben Sie uns: " a href={ "mailto:" (mail) } { (mail) } ". Wir antworten in der Regel innerhalb von zwei Wochen." }
            h2 { "Schlichtungsverfahren" }
            p { "Wenn Sie keine zufriedenstellende Antwort erhalten, können Sie sich an die Schlichtungsstelle Ihres Bundeslandes nach dem Behindertengleichstellungsrecht wenden." }
        },
        Language::En => html! {
            p { "We want everybody to be able to use this service. This statement covers the appointment booking pages and follows the German accessible information technology ordinance (BITV 2.0)." }
            h2 { "Compliance" }
            p { "The pages aim to meet WCAG 2.1 level AA. They work without JavaScript and with the keyboard alone, and every change is checked automatically with axe-core in a real browser." }
            h2 { "Feedback and contact" }
            p { "Did you meet a barrier? Write to us: " a href={ "mailto:" (mail) } { (mail) } ". We usually answer within two weeks." }
            h2 { "Conciliation" }
            p { "If you do not receive a satisfactory answer, you can turn to the conciliation body of your state under disability equality law." }
        },
    };
    let title = if l.lang == Language::En {
        "Accessibility statement"
    } else {
        "Erklärung zur Barrierefreiheit"
    };
    layout(l.lang, "/accessibility", title, body).into_response()
}

async fn imprint(State(s): State<AppState>, l: PageLang) -> Response {
    let c = &s.app.config;
    let en = l.lang == Language::En;
    let body = html! {
        p { @if en { "This service is provided by:" } @else { "Anbieter dieses Dienstes:" } }
        p { (c.operator) }
        p { @if en { "Email: " } @else { "E-Mail: " } a href={ "mailto:" (c.contact_email) } { (c.contact_email) } }
        p { @if en { "The booking software is Termin, open-source software." } @else { "Die Buchungssoftware ist Termin, quelloffene Software." } }
    };
    layout(
        l.lang,
        "/imprint",
        if en { "Imprint" } else { "Impressum" },
        body,
    )
    .into_response()
}

/// The page for a visitor who sent too many requests: when to try again, and why.
pub fn too_many_requests(lang: Language, seconds: u64) -> Response {
    let minutes = seconds.div_ceil(60);
    let (title, text) = match lang {
        Language::De => (
            "Bitte warten Sie einen Moment",
            format!(
                "Von Ihrer Internetadresse kamen in kurzer Zeit sehr viele Anfragen. Damit Termine fair \
                 verteilt werden und nicht von Programmen abgegriffen, versuchen Sie es bitte in \
                 {minutes} Minute(n) noch einmal."
            ),
        ),
        Language::En => (
            "Please wait a moment",
            format!(
                "Very many requests came from your internet address in a short time. So that \
                 appointments are shared fairly and not grabbed by programs, please try again in \
                 {minutes} minute(s)."
            ),
        ),
    };
    let mut response = (
        StatusCode::TOO_MANY_REQUESTS,
        layout(lang, "/", title, html! { p.notice { (text) } }),
    )
        .into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
    response
}
