//! The waiting-room display (public: ticket numbers, desks and counters, no
//! person), live by Server-Sent Events; a ticket's own page on its holder's
//! phone; and the one script of the staff side, which keeps live parts live.
//!
//! Live parts poll the database, so every instance sees every call, whichever
//! instance made it; the displays of one office share one read per quarter second.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};

use crate::i18n::Texts;
use crate::queue::{self, Display, QueueError};
use crate::views::staff::display as view;
use crate::web::page::{Page, PageError};
use crate::web::AppState;

/// How often the display looks for news: a call shows well within a second.
const DISPLAY_POLL: Duration = Duration::from_millis(250);
/// How often the staff's live parts (alerts at a desk, the day board) look.
pub const STAFF_POLL: Duration = Duration::from_secs(1);
/// A comment line this often keeps proxies and our idle timeout from closing the stream.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// A live part: `render` every `every`, and an event `board` with the HTML
/// whenever it changed (the page's script puts it in place).
pub fn live<F, Fut>(
    every: Duration,
    render: F,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>>
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: Future<Output = Option<String>> + Send + 'static,
{
    let events = stream::unfold(
        (render, None::<String>),
        move |(mut render, mut last)| async move {
            loop {
                if last.is_some() {
                    tokio::time::sleep(every).await;
                }
                let Some(html) = render().await else {
                    // The database did not answer: try again at the next tick.
                    last.get_or_insert_with(String::new);
                    continue;
                };
                if last.as_deref() != Some(html.as_str()) {
                    let event = Event::default().event("board").data(&html);
                    return Some((Ok(event), (render, Some(html))));
                }
            }
        },
    );
    Sse::new(events).keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
}

/// A display's content and when it was read.
type Seen = (Instant, Arc<Display>);

/// What each office's display shows, read at most once per [`DISPLAY_POLL`] however
/// many displays (or visitors of the public page) watch it.
#[derive(Default)]
pub struct Displays {
    offices: Mutex<HashMap<String, Arc<tokio::sync::Mutex<Option<Seen>>>>>,
}

impl Displays {
    pub async fn get(&self, s: &AppState, office: &str) -> Result<Arc<Display>, QueueError> {
        let slot = self
            .offices
            .lock()
            .expect("the displays' map is never poisoned")
            .entry(office.to_string())
            .or_default()
            .clone();
        let mut slot = slot.lock().await;
        if let Some((at, d)) = slot.as_ref() {
            if at.elapsed() < DISPLAY_POLL {
                return Ok(d.clone());
            }
        }
        let d = Arc::new(queue::display(&s.app, office).await?);
        *slot = Some((Instant::now(), d.clone()));
        Ok(d)
    }
}

fn display_failed(e: QueueError) -> PageError {
    match e {
        QueueError::UnknownOffice => PageError::not_found(),
        QueueError::Store(e) => e.into(),
        other => PageError::failed(other),
    }
}

pub async fn display(
    State(s): State<AppState>,
    t: Texts,
    Path(office): Path<String>,
) -> Result<Page, PageError> {
    let o = s
        .app
        .office(&office)
        .await?
        .ok_or_else(PageError::not_found)?;
    let d = s.displays.get(&s, &o.id).await.map_err(display_failed)?;
    Ok(Page::new(view::display(&t, &o, &d, s.app.clock.now())))
}

pub async fn events(
    State(s): State<AppState>,
    t: Texts,
    Path(office): Path<String>,
) -> Result<Response, PageError> {
    let o = s
        .app
        .office(&office)
        .await?
        .ok_or_else(PageError::not_found)?;
    Ok(live(DISPLAY_POLL, move || {
        let (s, t, o) = (s.clone(), t.clone(), o.clone());
        async move {
            let d = s.displays.get(&s, &o.id).await.ok()?;
            Some(view::board(&t, &o, &d, s.app.clock.now()).into_string())
        }
    })
    .into_response())
}

/// A ticket on its holder's phone; an unknown secret is a plain 404.
pub async fn follow(
    State(s): State<AppState>,
    t: Texts,
    Path(secret): Path<String>,
) -> Result<Page, PageError> {
    let f = queue::follow(&s.app, &secret)
        .await
        .map_err(display_failed)?
        .ok_or_else(PageError::not_found)?;
    let o = s
        .app
        .office(&f.office)
        .await?
        .ok_or_else(PageError::not_found)?;
    Ok(Page::new(view::follow(
        &t,
        &o,
        &f,
        &crate::paths::ticket(&secret),
    )))
}

/// A ticket's page's live part.
pub async fn follow_events(
    State(s): State<AppState>,
    t: Texts,
    Path(secret): Path<String>,
) -> Result<Response, PageError> {
    let f = queue::follow(&s.app, &secret)
        .await
        .map_err(display_failed)?;
    let f = f.ok_or_else(PageError::not_found)?;
    let o = s
        .app
        .office(&f.office)
        .await?
        .ok_or_else(PageError::not_found)?;
    Ok(live(STAFF_POLL, move || {
        let (s, t, o, secret) = (s.clone(), t.clone(), o.clone(), secret.clone());
        async move {
            let f = queue::follow(&s.app, &secret).await.ok()??;
            Some(view::follow_board(&t, &o, &f).into_string())
        }
    })
    .into_response())
}

const SCRIPT: &str = include_str!("../../../assets/live.js");

pub async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        SCRIPT,
    )
        .into_response()
}
