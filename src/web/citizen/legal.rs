//! The start page, the stylesheet, and the pages a public service owes.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::i18n::Texts;
use crate::views::citizen::{home as view, legal};
use crate::web::page::{Page, PageError};
use crate::web::AppState;

const CSS: &str = include_str!("../../../assets/site.css");

pub async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        CSS,
    )
        .into_response()
}

pub async fn home(State(s): State<AppState>, t: Texts) -> Result<Page, PageError> {
    let offices = s.app.offices().await?;
    Ok(Page::new(view::home(&t, &offices)))
}

fn operator(s: &AppState) -> legal::Operator<'_> {
    legal::Operator {
        name_and_address: &s.app.config.operator,
        contact_email: &s.app.config.contact_email,
        retention_days: s.app.config.retention_days,
    }
}

pub async fn privacy(State(s): State<AppState>, t: Texts) -> Page {
    Page::new(legal::privacy(&t, &operator(&s)))
}

pub async fn accessibility(State(s): State<AppState>, t: Texts) -> Page {
    Page::new(legal::accessibility(&t, &operator(&s)))
}

pub async fn easy(State(s): State<AppState>, t: Texts) -> Page {
    let c = &s.app.config;
    let video = c.sign_language_url.as_deref();
    Page::new(crate::views::citizen::easy::easy(
        &t,
        &c.contact_email,
        video,
    ))
}

pub async fn imprint(State(s): State<AppState>, t: Texts) -> Page {
    Page::new(legal::imprint(&t, &operator(&s)))
}
