//! A clerk's desk (call next, act on the ticket there, the emergency alert)
//! and the day board. An action that went through goes back to the desk page
//! (a reload sends nothing again); a refused one shows the desk with why, so
//! a double click or an old page never calls twice.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::display::{live, STAFF_POLL};
use super::{notice_of, Signed};
use crate::domain::{Action, Office, Permission};
use crate::i18n::Texts;
use crate::queue::{self, ActionInput, QueueError};
use crate::views::staff::desk::{self as view, AtDesk, Desk};
use crate::views::staff::{queue_problem, today as today_view};
use crate::web::form::{Fields, FormFields, QueryFields};
use crate::web::page::{Page, PageError};
use crate::web::AppState;

/// The desk and counters a request names; counters the office has not are left out.
fn desk_of(o: &Office, f: &Fields) -> Option<(String, Vec<String>)> {
    let desk = f.get("desk").filter(|d| !d.is_empty())?.to_string();
    let counters = f
        .all("counter")
        .into_iter()
        .filter(|c| o.counter(c).is_some())
        .collect();
    Some((desk, counters))
}

/// Everything the desk page shows, read for this staff member.
async fn load<'a>(
    s: &AppState,
    signed: &Signed,
    o: &'a Office,
    desk: &'a str,
    counters: &'a [String],
) -> Result<Desk<'a>, QueueError> {
    let staff = &signed.staff;
    let (current, parked) = queue::at_desk(&s.app, staff, &o.id, desk).await?;
    let queues = queue::queues(&s.app, staff, &o.id).await?;
    let alerts = queue::open_alerts(&s.app, staff, &o.id).await?;
    let waiting = queues
        .iter()
        .filter(|q| counters.is_empty() || counters.contains(&q.counter))
        .map(|q| (q.counter.clone(), q.waiting.len()))
        .collect();
    Ok(Desk {
        office: o,
        desk,
        counters,
        current: current.map(|(c, recall_in)| at_desk(o, c, recall_in)),
        parked,
        waiting,
        alerts,
        now: s.app.clock.now(),
    })
}

fn at_desk(o: &Office, c: queue::CalledTicket, recall_in: i64) -> AtDesk {
    let services: Vec<_> = c
        .ticket
        .service_ids()
        .iter()
        .filter_map(|id| o.service(id).map(|(_, s)| s.clone()))
        .collect();
    AtDesk {
        name: c.booking.as_ref().and_then(|b| b.name.clone()),
        appointment: c.ticket.appointment_at.and_then(|a| {
            chrono::DateTime::from_timestamp(a, 0)
                .map(|a| a.with_timezone(&o.timezone).format("%H:%M").to_string())
        }),
        services,
        ticket: c.ticket,
        recall_in,
    }
}

/// The desk page, with a notice of what was refused (and its status).
async fn desk_page(
    s: &AppState,
    t: &Texts,
    signed: &Signed,
    o: &Office,
    (desk, counters): (String, Vec<String>),
    refused: Option<QueueError>,
) -> Result<Page, PageError> {
    let d = match load(s, signed, o, &desk, &counters).await {
        Ok(d) => d,
        Err(e) => {
            let e = notice_of(e)?;
            let problem = queue_problem(t, o, &e);
            let markup = view::choose(t, &signed.nav(), o, Some(&problem));
            return Ok(signed
                .page(s, markup)
                .status(StatusCode::UNPROCESSABLE_ENTITY));
        }
    };
    let problem = refused.as_ref().map(|e| queue_problem(t, o, e));
    let markup = view::desk(
        t,
        &signed.nav(),
        &d,
        problem.as_deref().map(|p| (p, false)),
        &signed.csrf.token,
    );
    let status = refused.map_or(StatusCode::OK, |_| StatusCode::CONFLICT);
    Ok(signed.page(s, markup).status(status))
}

pub async fn desk(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
    QueryFields(q): QueryFields,
) -> Result<Page, PageError> {
    let o = signed.office(&office, Permission::Desk)?;
    match desk_of(o, &q) {
        None => Ok(signed.page(&s, view::choose(&t, &signed.nav(), o, None))),
        Some(at) => desk_page(&s, &t, &signed, o, at, None).await,
    }
}

/// Back to the desk page after an action that went through; the desk page
/// with why when it was refused.
async fn after(
    s: &AppState,
    t: &Texts,
    signed: &Signed,
    o: &Office,
    at: (String, Vec<String>),
    done: Result<(), QueueError>,
) -> Result<Response, PageError> {
    match done.map_err(notice_of) {
        Ok(()) => {
            let q = view::desk_query(&Desk {
                office: o,
                desk: &at.0,
                counters: &at.1,
                current: None,
                parked: Vec::new(),
                waiting: Vec::new(),
                alerts: Vec::new(),
                now: s.app.clock.now(),
            });
            Ok(Redirect::to(&format!("/staff/{}/desk?{q}", o.id)).into_response())
        }
        Err(e) => Ok(desk_page(s, t, signed, o, at, Some(e?))
            .await?
            .into_response()),
    }
}

fn no_desk() -> PageError {
    PageError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        crate::views::errors::Problem::Status(422),
    )
}

pub async fn call(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
    FormFields(f): FormFields,
) -> Result<Response, PageError> {
    let o = signed.office(&office, Permission::Desk)?;
    let at = desk_of(o, &f).ok_or_else(no_desk)?;
    let counters = (!at.1.is_empty()).then_some(at.1.as_slice());
    let called = queue::call_next(&s.app, &signed.staff, &o.id, &at.0, counters).await;
    match called {
        Ok(None) => {
            let markup = view::desk(
                &t,
                &signed.nav(),
                &load(&s, &signed, o, &at.0, &at.1)
                    .await
                    .map_err(|e| notice_of(e).err().unwrap_or_else(no_desk))?,
                Some((&crate::t!(t, "desk-nobody"), true)),
                &signed.csrf.token,
            );
            Ok(signed.page(&s, markup).into_response())
        }
        other => after(&s, &t, &signed, o, at, other.map(|_| ())).await,
    }
}

pub async fn act(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path((office, ticket, action)): Path<(String, String, String)>,
    FormFields(f): FormFields,
) -> Result<Response, PageError> {
    let o = signed.office(&office, Permission::Desk)?;
    let at = desk_of(o, &f).ok_or_else(no_desk)?;
    let action = Action::parse(&action).ok_or_else(PageError::not_found)?;
    let services = f.all("service");
    let input = ActionInput {
        version: f.get("version").and_then(|v| v.parse().ok()),
        desk: Some(at.0.clone()),
        services: (action == Action::Done && !services.is_empty()).then_some(services),
        persons: f.get("persons").and_then(|p| p.trim().parse().ok()),
        counter: f.get("to").map(str::to_string),
    };
    let done = queue::act(&s.app, &signed.staff, &o.id, &ticket, action, &input).await;
    after(&s, &t, &signed, o, at, done.map(|_| ())).await
}

pub async fn alert(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
    FormFields(f): FormFields,
) -> Result<Response, PageError> {
    let o = signed.office(&office, Permission::Desk)?;
    let at = desk_of(o, &f).ok_or_else(no_desk)?;
    let raised = queue::raise_alert(&s.app, &signed.staff, &o.id, &at.0).await;
    after(&s, &t, &signed, o, at, raised.map(|_| ())).await
}

pub async fn coming(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path((office, alert)): Path<(String, String)>,
    FormFields(f): FormFields,
) -> Result<Response, PageError> {
    let o = signed.office(&office, Permission::Desk)?;
    let at = desk_of(o, &f).ok_or_else(no_desk)?;
    let answered = queue::answer_alert(&s.app, &signed.staff, &o.id, &alert).await;
    after(&s, &t, &signed, o, at, answered.map(|_| ())).await
}

/// The live part of a desk: alerts of every desk and how many wait.
pub async fn desk_events(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
    QueryFields(q): QueryFields,
) -> Result<Response, PageError> {
    let o = signed.office(&office, Permission::Desk)?.clone();
    let (desk, counters) = desk_of(&o, &q).ok_or_else(no_desk)?;
    Ok(live(STAFF_POLL, move || {
        let (s, t, o, desk, counters) = (
            s.clone(),
            t.clone(),
            o.clone(),
            desk.clone(),
            counters.clone(),
        );
        let signed = Signed {
            staff: signed.staff.clone(),
            offices: Vec::new(),
            csrf: signed.csrf.clone(),
        };
        async move {
            let d = load(&s, &signed, &o, &desk, &counters).await.ok()?;
            Some(view::board(&t, &d, &signed.csrf.token).into_string())
        }
    })
    .into_response())
}

pub async fn today(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
) -> Result<Page, PageError> {
    let o = signed.office(&office, Permission::Desk)?;
    let (_, lines) = queue::day_board(&s.app, &signed.staff, &o.id)
        .await
        .map_err(|e| notice_of(e).err().unwrap_or_else(PageError::not_found))?;
    Ok(signed.page(&s, today_view::today(&t, &signed.nav(), o, &lines)))
}

/// The day board, live.
pub async fn today_events(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
) -> Result<Response, PageError> {
    let o = signed.office(&office, Permission::Desk)?.id.clone();
    let staff = signed.staff;
    Ok(live(STAFF_POLL, move || {
        let (s, t, o, staff) = (s.clone(), t.clone(), o.clone(), staff.clone());
        async move {
            let (office, lines) = queue::day_board(&s.app, &staff, &o).await.ok()?;
            Some(today_view::board(&t, &office, &lines).into_string())
        }
    })
    .into_response())
}
