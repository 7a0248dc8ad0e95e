//! Citizen pages: the start page, the pages behind the links in a booking's mail (see,
//! confirm, cancel), and the privacy notice, accessibility statement and imprint.
//!
//! Opening a link changes nothing (mail scanners open links); a button does.

use axum::extract::{OriginalUri, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use maud::{html, Markup, DOCTYPE};

use super::lang::PageLang;
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

/// Every page: one `<h1>`, the language switch, and the pages a public service owes in the footer.
fn layout(lang: Language, path: &str, title: &str, body: Markup) -> Markup {
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
                header {
                    a href="/" { "Termin" }
                    " "
                    a.lang href={ (path) "?lang=" (other_code) } lang=(other.as_str()) hreflang=(other.as_str()) { (other_name) }
                }
                main { h1 { (title) } (body) }
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
                p { @if en { "Our offices:" } @else { "Unsere Standorte:" } }
                ul { @for o in offices.iter() { li { strong { (o.name) } ", " (o.address) } } }
            },
        )
        .into_response(),
        Err(e) => error_page(l.lang, TokenError::Store(e)),
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

async fn manage(
    State(s): State<AppState>,
    Path(token): Path<String>,
    OriginalUri(uri): OriginalUri,
    l: PageLang,
) -> Response {
    let b = match booking::get(&s.app, &token).await {
        Ok(b) => b,
        Err(e) => return error_page(l.lang, e),
    };
    // The language of the booking, unless the visitor chose another.
    let lang = if l.chosen { l.lang } else { b.language() };
    let en = lang == Language::En;
    let status = b.status(s.app.clock.now());
    let title = if en { "Your appointment" } else { "Ihr Termin" };
    layout(
        lang,
        uri.path(),
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

async fn confirm(State(s): State<AppState>, Path(token): Path<String>, l: PageLang) -> Response {
    match booking::confirm(&s.app, &token).await {
        Ok(_) => Redirect::to(&format!("/b/{token}")).into_response(),
        Err(e) => error_page(l.lang, e),
    }
}

async fn cancel(State(s): State<AppState>, Path(token): Path<String>, l: PageLang) -> Response {
    match booking::cancel(&s.app, &token).await {
        Ok(_) => Redirect::to(&format!("/b/{token}")).into_response(),
        Err(e) => error_page(l.lang, e),
    }
}

fn error_page(lang: Language, e: TokenError) -> Response {
    let en = lang == Language::En;
    let app_error = super::error::AppError::from(e);
    let status = app_error.status();
    let (title, message) = match (status, en) {
        (StatusCode::NOT_FOUND, false) => (
            "Termin nicht gefunden",
            "Zu diesem Link gibt es keinen Termin. Bitte prüfen Sie, ob er vollständig kopiert wurde.",
        ),
        (StatusCode::NOT_FOUND, true) => (
            "Appointment not found",
            "No appointment belongs to this link. Please check that it was copied in full.",
        ),
        (StatusCode::GONE, false) => (
            "Termin verfallen",
            "Der Termin wurde nicht rechtzeitig bestätigt und ist verfallen. Bitte buchen Sie neu.",
        ),
        (StatusCode::GONE, true) => (
            "Appointment lapsed",
            "The appointment was not confirmed in time and has lapsed. Please book again.",
        ),
        (_, false) => ("Das ging nicht", "Das ließ sich nicht ausführen. Bitte versuchen Sie es später noch einmal."),
        (_, true) => ("That did not work", "This could not be done. Please try again later."),
    };
    let (_, detail) = app_error.code_and_message();
    (
        status,
        layout(
            lang,
            "/",
            title,
            html! { p.notice.error { (message) } @if status.is_server_error() { p { (detail) } } },
        ),
    )
        .into_response()
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
            p { "Um Missbrauch zu verhindern, zählen wir Anfragen je Internetadresse für kurze Zeit im Arbeitsspeicher; gespeichert wird die Adresse nicht." }
            h2 { "Wie lange" }
            p { "Name, E-Mail-Adresse und Telefonnummer werden " (days) " Tage nach dem Termin gelöscht. Für die Statistik bleiben nur Zahlen ohne Personenbezug." }
            h2 { "Cookies und Dritte" }
            p { "Wir setzen nur ein Cookie, wenn Sie eine Sprache wählen; es enthält nur die Sprache. Es gibt keine Zählpixel, keine Werbung und keine Inhalte anderer Anbieter." }
            h2 { "Ihre Rechte" }
            p { "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie auf Beschwerde bei der zuständigen Datenschutzaufsichtsbehörde. Ihren Termin können Sie jederzeit über den Link in Ihrer E-Mail absagen." }
        },
        Language::En => html! {
            h2 { "Who is responsible" }
            p { (c.operator) }
            p { "Contact for data protection questions: " a href={ "mailto:" (c.contact_email) } { (c.contact_email) } }
            h2 { "What we store and why" }
            p { "For your appointment we store your name, your email address, your phone number if you give it, the services you chose, the number of persons and the time. We need them to give you the appointment, to notify you and to call you at the counter (Art. 6(1)(e) GDPR)." }
            p { "To prevent abuse we count requests per internet address for a short time in memory; the address is not stored." }
            h2 { "How long" }
            p { "Name, email address and phone number are deleted " (days) " days after the appointment. Statistics keep only counts that name nobody." }
            h2 { "Cookies and third parties" }
            p { "We set a cookie only when you choose a language; it holds only the language. There are no tracking pixels, no advertising and no content from other providers." }
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
