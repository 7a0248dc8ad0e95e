//! The pages behind the links in a booking's mail: see, confirm and cancel an appointment.
//!
//! Opening a link changes nothing (mail scanners open links); a button does.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use maud::{html, Markup, DOCTYPE};

use super::AppState;
use crate::booking::{self, Booked, TokenError};
use crate::domain::{BookingStatus, Language};
use crate::i18n;

const CSS: &str = include_str!("../../assets/site.css");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/assets/site.css", get(css))
        .route("/b/{token}", get(manage))
        .route("/b/{token}/confirm", get(manage).post(confirm))
        .route("/b/{token}/cancel", post(cancel))
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

fn layout(lang: Language, title: &str, body: Markup) -> Markup {
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
                header { a href="/" { "Termin" } }
                main { h1 { (title) } (body) }
                footer { "Termin" }
            }
        }
    }
}

async fn home(State(s): State<AppState>) -> Response {
    match s.app.offices().await {
        Ok(offices) => layout(
            Language::De,
            "Termin buchen",
            html! {
                p { "Wählen Sie einen Standort." }
                ul { @for o in offices.iter() { li { strong { (o.name) } ", " (o.address) } } }
            },
        )
        .into_response(),
        Err(e) => error_page(TokenError::Store(e)),
    }
}

fn details(b: &Booked, lang: Language) -> Markup {
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

fn status_text(status: BookingStatus, en: bool) -> &'static str {
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

async fn manage(State(s): State<AppState>, Path(token): Path<String>) -> Response {
    let b = match booking::get(&s.app, &token).await {
        Ok(b) => b,
        Err(e) => return error_page(e),
    };
    let lang = b.language();
    let en = lang == Language::En;
    let status = b.status(s.app.clock.now());
    let title = if en { "Your appointment" } else { "Ihr Termin" };
    layout(
        lang,
        title,
        html! {
            p { span.status { (status_text(status, en)) } }
            (details(&b, lang))
            @if status == BookingStatus::Pending {
                form method="post" action={ "/b/" (token) "/confirm" } {
                    button type="submit" { @if en { "Confirm appointment" } @else { "Termin bestätigen" } }
                }
            }
            @if matches!(status, BookingStatus::Pending | BookingStatus::Confirmed) {
                form method="post" action={ "/b/" (token) "/cancel" } {
                    button.secondary type="submit" { @if en { "Cancel appointment" } @else { "Termin absagen" } }
                }
            }
        },
    )
    .into_response()
}

async fn confirm(State(s): State<AppState>, Path(token): Path<String>) -> Response {
    match booking::confirm(&s.app, &token).await {
        Ok(_) => Redirect::to(&format!("/b/{token}")).into_response(),
        Err(e) => error_page(e),
    }
}

async fn cancel(State(s): State<AppState>, Path(token): Path<String>) -> Response {
    match booking::cancel(&s.app, &token).await {
        Ok(_) => Redirect::to(&format!("/b/{token}")).into_response(),
        Err(e) => error_page(e),
    }
}

fn error_page(e: TokenError) -> Response {
    let app_error = super::error::AppError::from(e);
    let status = app_error.status();
    let (_, message) = app_error.code_and_message();
    let title = match status {
        StatusCode::NOT_FOUND => "Termin nicht gefunden / Appointment not found",
        StatusCode::GONE => "Termin verfallen / Appointment lapsed",
        _ => "Das ging nicht / That did not work",
    };
    (
        status,
        layout(Language::De, title, html! { p.notice.error { (message) } }),
    )
        .into_response()
}
