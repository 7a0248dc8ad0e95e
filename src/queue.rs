//! Use cases of the day's queue: check-in by booking code, walk-in tickets, call next,
//! the actions on a ticket, the queue and the waiting-room display, a ticket followed by
//! its holder, emergency alerts, and the job that marks no-shows.
//!
//! Every action checks who acts (`Staff::require`), the office and the ticket's state; what
//! is refused is refused before anything is written, and what is written is one unit of
//! work of the store with its audit entry.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::app::App;
use crate::booking::{self, FieldError, Mistake, Wish};
use crate::domain::code::CodeError;
use crate::domain::queue::{self, Arrival, Rank, TicketState, DUE_WITHIN_SECONDS};
use crate::domain::schedule;
use crate::domain::{Action, BookingCode, Counter, Office, Permission, Role, TicketKind};
use crate::secret;
use crate::staff::{AccessError, Staff};
use crate::store::{
    AlertRow, BookingRow, Called, Conflict, NewAudit, NewTicket, StoreError, TicketChange,
    TicketRow,
};

/// Why a queue action was refused. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error("there is no such office")]
    UnknownOffice,
    #[error("{0}")]
    MistypedCode(CodeError),
    #[error("no booking of this office has this code")]
    UnknownCode,
    #[error("the booking is {0}: it cannot be checked in")]
    NotCheckedIn(String),
    #[error(
        "the booking is not confirmed yet: the citizen has to confirm it by the link in the mail"
    )]
    NotConfirmed,
    #[error("the booking is checked in already (ticket {0})")]
    AlreadyIn(String),
    #[error("the appointment is on {0}, not today")]
    NotToday(NaiveDate),
    /// When check-in opens, in the office's time.
    #[error("check-in opens at {}", .0.format("%H:%M"))]
    TooEarly(DateTime<chrono_tz::Tz>),
    #[error("invalid request")]
    Invalid(Vec<FieldError>),
    #[error("the counter has no walk-in capacity left today")]
    WalkInFull {
        counter: String,
        /// The next free appointment for the same services, if any within two weeks.
        next: Option<schedule::Slot>,
        /// The office's time zone, to tell that appointment's time in.
        timezone: chrono_tz::Tz,
    },
    #[error("the office has no desk {0:?}")]
    UnknownDesk(String),
    #[error("desk {desk} has ticket {number} {state} still: finish it first (start, done, no-show, back, park or transfer)")]
    DeskBusy {
        desk: String,
        number: String,
        state: &'static str,
    },
    #[error("no ticket of this office has this number or id today")]
    UnknownTicket,
    #[error("ticket {number} is {state}: {action} is not possible now")]
    NotAllowed {
        number: String,
        state: &'static str,
        action: &'static str,
    },
    #[error("ticket {number} changed since (it is {state} now, version {version}); reload and try again")]
    Stale {
        number: String,
        state: &'static str,
        version: i64,
    },
    #[error("ticket {number} was called to desk {called_to}, not to desk {desk}")]
    WrongDesk {
        number: String,
        called_to: String,
        desk: String,
    },
    #[error("ticket {number} may be called again in {seconds} seconds")]
    RecallTooSoon { number: String, seconds: i64 },
    #[error("ticket {number} is urgent already")]
    UrgentAlready { number: String },
    #[error("this alert was answered already")]
    AlertAnswered,
    #[error("there is no such alert at this office")]
    UnknownAlert,
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn invalid(field: &str, message: impl Into<String>) -> QueueError {
    QueueError::Invalid(vec![booking::field(field, Mistake::Other, message)])
}

/// A ticket just given, with the secret for its QR code (`/t/{secret}`),
/// shown on the printed ticket only.
#[derive(Debug, Clone)]
pub struct Issued {
    pub ticket: TicketRow,
    pub secret: String,
    pub booking_status: Option<&'static str>,
    pub expected_wait: (u32, u32),
    /// An appointment that came after the check-in window: a walk-in now.
    pub late: bool,
}

/// The office's local date of an instant, as the tickets store it.
pub fn day_of(office: &Office, at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&office.timezone).date_naive()
}

async fn office_for(
    app: &App,
    staff: &Staff,
    office_id: &str,
    p: Permission,
) -> Result<Office, QueueError> {
    staff.require(p, office_id)?;
    app.office(office_id)
        .await?
        .ok_or(QueueError::UnknownOffice)
}

/// The front desk may mark a ticket urgent; a self-service kiosk may not.
fn refuse_urgent_from_kiosk(staff: &Staff, urgent: bool) -> Result<(), QueueError> {
    if urgent && staff.role == Role::Kiosk {
        return Err(AccessError::Forbidden(
            "a kiosk may not mark a ticket urgent: the front desk does".into(),
        )
        .into());
    }
    Ok(())
}

fn planned_minutes(office: &Office, services: &[&str], persons: i64) -> i64 {
    let per_person: u32 = services
        .iter()
        .filter_map(|id| office.service(id).map(|(_, s)| s.minutes))
        .sum();
    i64::from(per_person) * persons.max(1)
}

fn counter_of<'o>(office: &'o Office, id: &str) -> Result<&'o Counter, QueueError> {
    office
        .counter(id)
        .ok_or_else(|| QueueError::Store(StoreError::Corrupt(format!("no counter {id:?}"))))
}

/// Check a booking in by its code (front desk, kiosk, or a scanner typing
/// the QR code): a ticket in its counter's queue. In the check-in window
/// (`early_minutes` before to `late_minutes` after the appointment) it keeps
/// its appointment's priority; later it becomes a walk-in that keeps its booking.
pub async fn check_in(
    app: &App,
    staff: &Staff,
    office_id: &str,
    typed: &str,
    urgent: bool,
) -> Result<Issued, QueueError> {
    let result = check_in_uncounted(app, staff, office_id, typed, urgent).await;
    if result.is_ok() {
        crate::metrics::METRICS
            .tickets
            .with_label_values(&["checked_in"])
            .inc();
    }
    result
}

async fn check_in_uncounted(
    app: &App,
    staff: &Staff,
    office_id: &str,
    typed: &str,
    urgent: bool,
) -> Result<Issued, QueueError> {
    let office = office_for(app, staff, office_id, Permission::FrontDesk).await?;
    refuse_urgent_from_kiosk(staff, urgent)?;
    let code = BookingCode::parse(typed).map_err(QueueError::MistypedCode)?;
    let now = app.clock.now();
    let Some(b) = app.store.booking_by_code(&office.id, code.as_str()).await? else {
        return Err(
            match app
                .store
                .booking_by_code_any(&office.id, code.as_str())
                .await?
            {
                Some(b) => QueueError::NotCheckedIn(b.status),
                None => QueueError::UnknownCode,
            },
        );
    };
    match b.status.as_str() {
        "confirmed" => {}
        "pending" => return Err(QueueError::NotConfirmed),
        _ => {
            let number = app
                .store
                .ticket_of_booking(&b.id)
                .await?
                .map_or_else(|| "?".to_string(), |t| t.number);
            return Err(QueueError::AlreadyIn(number));
        }
    }
    let start = DateTime::from_timestamp(b.start_at, 0).unwrap_or_default();
    let today = day_of(&office, now);
    if day_of(&office, start) != today {
        return Err(QueueError::NotToday(day_of(&office, start)));
    }
    let kind = match queue::arrival(&office.queue, start, now) {
        Arrival::TooEarly(opens) => {
            return Err(QueueError::TooEarly(opens.with_timezone(&office.timezone)))
        }
        Arrival::OnTime => TicketKind::Appointment,
        Arrival::Late => TicketKind::WalkIn,
    };
    let counter = counter_of(&office, &b.counter_id)?;
    let secret = secret::new_token();
    let new = NewTicket {
        id: uuid::Uuid::now_v7().to_string(),
        secret_hash: secret::hash(&secret),
        office_id: office.id.clone(),
        day: today.to_string(),
        prefix: counter.prefix(),
        counter_id: counter.id.clone(),
        booking_id: Some(b.id.clone()),
        kind,
        urgent,
        services: b.service_ids().iter().map(|s| s.to_string()).collect(),
        persons: b.persons,
        planned_minutes: planned_minutes(&office, &b.service_ids(), b.persons),
        appointment_at: Some(b.start_at),
        arrived_at: now.timestamp(),
    };
    let ticket = match app
        .store
        .check_in(&new, &staff.actor, now.timestamp())
        .await
    {
        Ok(t) => t,
        // Checked in, cancelled or moved since it was read.
        Err(StoreError::Conflict(Conflict::State)) => {
            let now_b = app.store.booking(&b.id).await?;
            return Err(match app.store.ticket_of_booking(&b.id).await? {
                Some(t) => QueueError::AlreadyIn(t.number),
                None if now_b.start_at != b.start_at => QueueError::NotToday(day_of(
                    &office,
                    DateTime::from_timestamp(now_b.start_at, 0).unwrap_or_default(),
                )),
                None => QueueError::NotCheckedIn(now_b.status),
            });
        }
        Err(e) => return Err(e.into()),
    };
    let expected_wait = expected_wait(app, &office, &ticket).await?;
    Ok(Issued {
        ticket,
        secret,
        booking_status: Some("checked_in"),
        expected_wait,
        late: kind == TicketKind::WalkIn,
    })
}

/// A walk-in ticket for some services of one counter, while the counter's
/// walk-in desks can still serve it today (see
/// [`queue::walk_in_minutes_left`]); else the next free appointment.
pub async fn walk_in(
    app: &App,
    staff: &Staff,
    office_id: &str,
    wish: &Wish,
    urgent: bool,
) -> Result<Issued, QueueError> {
    let result = walk_in_uncounted(app, staff, office_id, wish, urgent).await;
    if result.is_ok() {
        crate::metrics::METRICS
            .tickets
            .with_label_values(&["walk_in"])
            .inc();
    }
    result
}

async fn walk_in_uncounted(
    app: &App,
    staff: &Staff,
    office_id: &str,
    wish: &Wish,
    urgent: bool,
) -> Result<Issued, QueueError> {
    let office = office_for(app, staff, office_id, Permission::FrontDesk).await?;
    refuse_urgent_from_kiosk(staff, urgent)?;
    let (counter, _, need) = booking::resolve(&office, wish).map_err(QueueError::Invalid)?;
    let now = app.clock.now();
    let secret = secret::new_token();
    let new = NewTicket {
        id: uuid::Uuid::now_v7().to_string(),
        secret_hash: secret::hash(&secret),
        office_id: office.id.clone(),
        day: day_of(&office, now).to_string(),
        prefix: counter.prefix(),
        counter_id: counter.id.clone(),
        booking_id: None,
        kind: TicketKind::WalkIn,
        urgent,
        services: wish.services.clone(),
        persons: i64::from(need.persons),
        planned_minutes: i64::from(need.minutes),
        appointment_at: None,
        arrived_at: now.timestamp(),
    };
    let capacity = i64::from(queue::walk_in_minutes_left(&office, counter, now));
    let ticket = match app
        .store
        .walk_in(&new, capacity, &staff.actor, now.timestamp())
        .await
    {
        Ok(t) => t,
        Err(StoreError::Conflict(Conflict::WalkInFull)) => {
            let day = day_of(&office, now).to_string();
            if let Err(e) = app
                .store
                .note_walk_in_refused(&office.id, &counter.id, &day)
                .await
            {
                tracing::warn!(error = %e, "walk-in refusal not counted");
            }
            let next = booking::availability(app, &office.id, wish, None, None)
                .await
                .ok()
                .and_then(|a| a.days.iter().find_map(|d| d.slots.first().copied()));
            return Err(QueueError::WalkInFull {
                counter: counter.id.clone(),
                next,
                timezone: office.timezone,
            });
        }
        Err(e) => return Err(e.into()),
    };
    let expected_wait = expected_wait(app, &office, &ticket).await?;
    Ok(Issued {
        ticket,
        secret,
        booking_status: None,
        expected_wait,
        late: false,
    })
}

/// A ticket called to a desk, with its booking (the one place a clerk sees the name).
#[derive(Debug, Clone)]
pub struct CalledTicket {
    pub ticket: TicketRow,
    pub booking: Option<BookingRow>,
}

/// Call the next ticket to a desk, over the counters it serves (all of the
/// office's if none are given); `None` when nobody waits there.
pub async fn call_next(
    app: &App,
    staff: &Staff,
    office_id: &str,
    desk: &str,
    counters: Option<&[String]>,
) -> Result<Option<CalledTicket>, QueueError> {
    let result = call_next_uncounted(app, staff, office_id, desk, counters).await;
    if matches!(result, Ok(Some(_))) {
        crate::metrics::METRICS
            .tickets
            .with_label_values(&["called"])
            .inc();
    }
    result
}

async fn call_next_uncounted(
    app: &App,
    staff: &Staff,
    office_id: &str,
    desk: &str,
    counters: Option<&[String]>,
) -> Result<Option<CalledTicket>, QueueError> {
    let office = office_for(app, staff, office_id, Permission::Desk).await?;
    if !office.desks().iter().any(|d| d == desk) {
        return Err(QueueError::UnknownDesk(desk.to_string()));
    }
    let counters: Vec<String> = match counters {
        None => office.counters.iter().map(|c| c.id.clone()).collect(),
        Some([]) => {
            return Err(invalid(
                "counters",
                "name at least one counter, or leave counters out for all",
            ))
        }
        Some(list) => {
            for c in list {
                if office.counter(c).is_none() {
                    return Err(invalid(
                        "counters",
                        format!("the office has no counter {c:?}"),
                    ));
                }
            }
            list.to_vec()
        }
    };
    let now = app.clock.now();
    let called = app
        .store
        .call_next(
            &office.id,
            &day_of(&office, now).to_string(),
            &counters,
            desk,
            now.timestamp() + DUE_WITHIN_SECONDS,
            &staff.actor,
            now.timestamp(),
        )
        .await?;
    match called {
        Called::Nobody => Ok(None),
        Called::Busy(t) => Err(QueueError::DeskBusy {
            desk: desk.to_string(),
            number: t.number.clone(),
            state: t.state().as_str(),
        }),
        Called::Ticket(ticket) => {
            let booking = match &ticket.booking_id {
                Some(id) => Some(app.store.booking(id).await?),
                None => None,
            };
            Ok(Some(CalledTicket { ticket, booking }))
        }
    }
}

/// The ticket called to or served at a desk now, other than `except`.
async fn busy_with(
    app: &App,
    office: &Office,
    desk: &str,
    except: &str,
) -> Result<Option<TicketRow>, QueueError> {
    let today = day_of(office, app.clock.now()).to_string();
    Ok(app
        .store
        .tickets_of_day(&office.id, &today)
        .await?
        .into_iter()
        .find(|t| {
            t.id != except
                && t.desk.as_deref() == Some(desk)
                && matches!(t.state(), TicketState::Called | TicketState::Serving)
        }))
}

/// What a desk has now: the ticket called to or served there, with its
/// booking and how many seconds until it may be called again; and the
/// tickets parked there.
pub async fn at_desk(
    app: &App,
    staff: &Staff,
    office_id: &str,
    desk: &str,
) -> Result<(Option<(CalledTicket, i64)>, Vec<TicketRow>), QueueError> {
    let office = office_for(app, staff, office_id, Permission::Desk).await?;
    if !office.desks().iter().any(|d| d == desk) {
        return Err(QueueError::UnknownDesk(desk.to_string()));
    }
    let now = app.clock.now();
    let tickets = app
        .store
        .tickets_of_day(&office.id, &day_of(&office, now).to_string())
        .await?;
    let (parked, tickets): (Vec<_>, Vec<_>) = tickets
        .into_iter()
        .filter(|t| t.desk.as_deref() == Some(desk))
        .partition(|t| t.state() == TicketState::Parked);
    let Some(ticket) = tickets
        .into_iter()
        .find(|t| matches!(t.state(), TicketState::Called | TicketState::Serving))
    else {
        return Ok((None, parked));
    };
    let recall_at =
        ticket.last_called_at.unwrap_or_default() + i64::from(office.queue.recall_minutes) * 60;
    let booking = match &ticket.booking_id {
        Some(id) => Some(app.store.booking(id).await?),
        None => None,
    };
    Ok((
        Some((
            CalledTicket { ticket, booking },
            (recall_at - now.timestamp()).max(0),
        )),
        parked,
    ))
}

/// What an action may carry besides the ticket.
#[derive(Debug, Clone, Default)]
pub struct ActionInput {
    /// The ticket's version the client saw: an action on a ticket that changed
    /// since is refused ([`QueueError::Stale`]).
    pub version: Option<i64>,
    /// The desk acting: for recall, start, done, no-show and park it must be
    /// the one the ticket was called to.
    pub desk: Option<String>,
    /// `done`: the services actually handled, and for how many persons.
    pub services: Option<Vec<String>>,
    pub persons: Option<i64>,
    /// `transfer`: the counter whose queue it goes to.
    pub counter: Option<String>,
}

/// Find a ticket of an office by its id, or by today's number (`S-017`).
async fn find_ticket(app: &App, office: &Office, reference: &str) -> Result<TicketRow, QueueError> {
    if let Some(t) = app.store.ticket(&office.id, reference).await? {
        return Ok(t);
    }
    let today = day_of(office, app.clock.now()).to_string();
    app.store
        .ticket_by_number(&office.id, &today, &reference.to_uppercase())
        .await?
        .ok_or(QueueError::UnknownTicket)
}

/// Refusals that the decision inside the ticket's transaction can make.
enum Refusal {
    NotAllowed,
    WrongDesk(String),
    RecallTooSoon(i64),
    UrgentAlready,
    SameCounter,
}

/// Act on a ticket (`recall`, `start`, `done`, `no-show`, `back`, `park`,
/// `transfer`, `urgent`): checked against its state and office, the desk and
/// the version the client saw, and written with its booking's status and
/// the audit entry, or refused with nothing written.
pub async fn act(
    app: &App,
    staff: &Staff,
    office_id: &str,
    reference: &str,
    action: Action,
    input: &ActionInput,
) -> Result<TicketRow, QueueError> {
    let result = act_uncounted(app, staff, office_id, reference, action, input).await;
    if result.is_ok() {
        crate::metrics::METRICS
            .tickets
            .with_label_values(&[action.as_str()])
            .inc();
    }
    result
}

async fn act_uncounted(
    app: &App,
    staff: &Staff,
    office_id: &str,
    reference: &str,
    action: Action,
    input: &ActionInput,
) -> Result<TicketRow, QueueError> {
    let office = office_for(app, staff, office_id, Permission::Desk).await?;
    let found = find_ticket(app, &office, reference).await?;
    // A parked ticket is taken up again only at a desk that has no other.
    if let (Action::Start, TicketState::Parked, Some(desk)) = (action, found.state(), &input.desk) {
        if let Some(other) = busy_with(app, &office, desk, &found.id).await? {
            return Err(QueueError::DeskBusy {
                desk: desk.clone(),
                number: other.number.clone(),
                state: other.state().as_str(),
            });
        }
    }
    // What the request carries is checked before anything is read for writing.
    let handled = match (&input.services, action) {
        (Some(list), Action::Done) => {
            if list.is_empty() {
                return Err(invalid("services", "name at least one service handled"));
            }
            for s in list {
                if office.service(s).is_none() {
                    return Err(invalid(
                        "services",
                        format!("the office offers no service {s:?}"),
                    ));
                }
            }
            Some(list.join(","))
        }
        _ => None,
    };
    if let Some(p) = input.persons {
        if !(1..=20).contains(&p) {
            return Err(invalid("persons", "from 1 to 20 persons"));
        }
    }
    let to_counter = match action {
        Action::Transfer => {
            let c = input
                .counter
                .as_deref()
                .ok_or_else(|| invalid("counter", "name the counter to send the ticket to"))?;
            Some(
                office
                    .counter(c)
                    .ok_or_else(|| invalid("counter", format!("the office has no counter {c:?}")))?
                    .id
                    .clone(),
            )
        }
        _ => None,
    };
    if let Some(d) = &input.desk {
        if !office.desks().iter().any(|x| x == d) {
            return Err(QueueError::UnknownDesk(d.clone()));
        }
    }
    let now = app.clock.now().timestamp();
    let rules = office.queue.clone();
    let decide = |t: &TicketRow| -> Result<TicketChange, Refusal> {
        let state = t.state();
        if !action.allowed(state) {
            return Err(Refusal::NotAllowed);
        }
        let at_desk = matches!(
            action,
            Action::Recall | Action::Start | Action::Done | Action::NoShow | Action::Park
        );
        if let (true, Some(desk), Some(called_to)) = (at_desk, &input.desk, &t.desk) {
            if desk != called_to {
                return Err(Refusal::WrongDesk(called_to.clone()));
            }
        }
        let mut n = t.clone();
        // Serving time so far is added up when serving stops for any reason.
        let stop_serving = |n: &mut TicketRow| {
            if let Some(since) = n.serving_since.take() {
                n.handling_seconds += (now - since).max(0);
            }
        };
        let mut booking_status = None;
        let mut call = false;
        let mut what = action.as_str();
        let mut detail = String::new();
        match action {
            Action::Recall => {
                let next = t.last_called_at.unwrap_or(0) + i64::from(rules.recall_minutes) * 60;
                if now < next {
                    return Err(Refusal::RecallTooSoon(next - now));
                }
                if t.calls >= i64::from(rules.max_calls) {
                    n.state = TicketState::Missed.as_str().into();
                    n.finished_at = Some(now);
                    booking_status = Some("no_show");
                    what = "missed";
                    detail = format!("after {} calls", t.calls);
                } else {
                    n.calls += 1;
                    n.last_called_at = Some(now);
                    call = true;
                    detail = format!(
                        "call {} to desk {}",
                        n.calls,
                        t.desk.as_deref().unwrap_or("?")
                    );
                }
            }
            Action::Start => {
                if state == TicketState::Called {
                    n.way_seconds += (now - t.last_called_at.unwrap_or(now)).max(0);
                    n.started_at = Some(t.started_at.unwrap_or(now));
                }
                n.state = TicketState::Serving.as_str().into();
                n.serving_since = Some(now);
                detail = format!("desk {}", t.desk.as_deref().unwrap_or("?"));
            }
            Action::Done => {
                stop_serving(&mut n);
                n.state = TicketState::Done.as_str().into();
                n.finished_at = Some(now);
                n.handled_services = Some(handled.clone().unwrap_or_else(|| t.services.clone()));
                n.handled_persons = Some(input.persons.unwrap_or(t.persons));
                booking_status = Some("done");
                detail = format!(
                    "{} for {}",
                    n.handled_services.as_deref().unwrap_or(""),
                    n.handled_persons.unwrap_or(1)
                );
            }
            Action::NoShow => {
                n.state = TicketState::NoShow.as_str().into();
                n.finished_at = Some(now);
                booking_status = Some("no_show");
            }
            Action::Back => {
                stop_serving(&mut n);
                n.state = TicketState::Back.as_str().into();
                n.desk = None;
                n.calls = 0;
                n.finished_at = None;
                booking_status = Some("checked_in");
            }
            Action::Park => {
                stop_serving(&mut n);
                n.state = TicketState::Parked.as_str().into();
                detail = format!("desk {}", t.desk.as_deref().unwrap_or("?"));
            }
            Action::Transfer => {
                let to = to_counter.clone().unwrap_or_default();
                if to == t.counter_id {
                    return Err(Refusal::SameCounter);
                }
                stop_serving(&mut n);
                detail = format!("{} to {to}", t.counter_id);
                n.state = TicketState::Transferred.as_str().into();
                n.counter_id = to;
                n.desk = None;
                n.calls = 0;
                booking_status = Some("checked_in");
            }
            Action::Urgent => {
                if t.urgent == 1 {
                    return Err(Refusal::UrgentAlready);
                }
                n.urgent = 1;
            }
        }
        Ok(TicketChange {
            ticket: n,
            booking_status,
            call,
            audit: NewAudit {
                office_id: Some(t.office_id.clone()),
                action: audit_action(what),
                ticket_id: Some(t.id.clone()),
                ticket_number: Some(t.number.clone()),
                booking_id: t.booking_id.clone(),
                detail,
            },
        })
    };
    let done = app
        .store
        .act_on_ticket(
            &office.id,
            &found.id,
            input.version,
            &staff.actor,
            now,
            &decide,
        )
        .await;
    let current = || async {
        Ok::<_, QueueError>(
            app.store
                .ticket(&office.id, &found.id)
                .await?
                .unwrap_or_else(|| found.clone()),
        )
    };
    match done {
        Ok(Ok(t)) => Ok(t),
        Ok(Err(refusal)) => {
            let t = current().await?;
            Err(match refusal {
                Refusal::NotAllowed => QueueError::NotAllowed {
                    state: t.state().as_str(),
                    number: t.number,
                    action: action.as_str(),
                },
                Refusal::WrongDesk(called_to) => QueueError::WrongDesk {
                    number: t.number,
                    called_to,
                    desk: input.desk.clone().unwrap_or_default(),
                },
                Refusal::RecallTooSoon(seconds) => QueueError::RecallTooSoon {
                    number: t.number,
                    seconds,
                },
                Refusal::UrgentAlready => QueueError::UrgentAlready { number: t.number },
                Refusal::SameCounter => invalid(
                    "counter",
                    format!(
                        "ticket {} is in the queue of {} already",
                        t.number, t.counter_id
                    ),
                ),
            })
        }
        Err(StoreError::Conflict(Conflict::Stale)) => {
            let t = current().await?;
            Err(QueueError::Stale {
                number: t.number.clone(),
                state: t.state().as_str(),
                version: t.version,
            })
        }
        Err(StoreError::NotFound) => Err(QueueError::UnknownTicket),
        Err(e) => Err(e.into()),
    }
}

/// The audit log's name of an action.
fn audit_action(what: &str) -> &'static str {
    match what {
        "recall" => "recall",
        "start" => "start",
        "done" => "done",
        "no-show" => "no_show",
        "missed" => "missed",
        "back" => "back",
        "park" => "park",
        "transfer" => "transfer",
        _ => "urgent",
    }
}

/// How much longer than planned the counter's tickets took over the last four
/// weeks (1 when there are too few to tell).
async fn handling_factor(app: &App, office: &Office, counter: &str) -> Result<f64, StoreError> {
    let since = (app.clock.now() - Duration::days(28)).timestamp();
    let h = app.store.handling(&office.id, counter, since).await?;
    Ok(if h.tickets >= 5 && h.planned_minutes > 0 {
        (h.seconds as f64 / 60.0) / h.planned_minutes as f64
    } else {
        1.0
    })
}

/// The place of a waiting ticket in the call order at `now`.
fn order_key(t: &TicketRow, now: i64) -> (Rank, i64, i64, String) {
    let (rank, key) = queue::call_rank(t.urgent == 1, t.kind(), t.appointment_at, t.queued_at, now);
    (rank, key, t.queued_at, t.id.clone())
}

/// The waiting tickets of a counter in call order.
fn waiting_in<'t>(tickets: &'t [TicketRow], counter: &str, now: i64) -> Vec<&'t TicketRow> {
    let mut list: Vec<&TicketRow> = tickets
        .iter()
        .filter(|t| t.counter_id == counter && t.state().waits())
        .collect();
    list.sort_by_key(|t| order_key(t, now));
    list
}

/// The expected wait of a waiting ticket as a range of minutes: the planned
/// minutes of the tickets before it, scaled by how long the counter's tickets
/// really took, shared by the desks the plan staffs now; an appointment
/// checked in early waits at least until its time.
fn estimate(
    office: &Office,
    counter: &Counter,
    tickets: &[TicketRow],
    ticket: &TicketRow,
    factor: f64,
    now: DateTime<Utc>,
) -> (u32, u32) {
    let at = now.timestamp();
    let ahead: f64 = waiting_in(tickets, &counter.id, at)
        .into_iter()
        .take_while(|t| t.id != ticket.id)
        .map(|t| t.planned_minutes as f64 * factor)
        .sum();
    let (lo, hi) = queue::expected_wait(ahead, queue::desks_now(office, counter, now));
    match (ticket.kind(), ticket.appointment_at) {
        (TicketKind::Appointment, Some(appointment)) if appointment > at => {
            let until = ((appointment - at) / 60) as u32;
            (lo.max(until / 5 * 5), hi.max(until / 5 * 5 + 5))
        }
        _ => (lo, hi),
    }
}

async fn expected_wait(
    app: &App,
    office: &Office,
    ticket: &TicketRow,
) -> Result<(u32, u32), QueueError> {
    let counter = counter_of(office, &ticket.counter_id)?;
    let tickets = app.store.tickets_of_day(&office.id, &ticket.day).await?;
    let factor = handling_factor(app, office, &counter.id).await?;
    Ok(estimate(
        office,
        counter,
        &tickets,
        ticket,
        factor,
        app.clock.now(),
    ))
}

/// One counter's queue as clerks see it (no personal data: names only at the desk).
#[derive(Debug, Clone)]
pub struct CounterQueue {
    pub counter: String,
    /// Waiting tickets in call order, each with its expected wait.
    pub waiting: Vec<(TicketRow, (u32, u32))>,
    /// Tickets called, at a desk or parked there.
    pub at_desks: Vec<TicketRow>,
}

/// The day's queues of an office, per counter.
pub async fn queues(
    app: &App,
    staff: &Staff,
    office_id: &str,
) -> Result<Vec<CounterQueue>, QueueError> {
    let office = office_for(app, staff, office_id, Permission::Desk).await?;
    let now = app.clock.now();
    let tickets = app
        .store
        .tickets_of_day(&office.id, &day_of(&office, now).to_string())
        .await?;
    let mut out = Vec::new();
    for counter in &office.counters {
        let factor = handling_factor(app, &office, &counter.id).await?;
        let waiting = waiting_in(&tickets, &counter.id, now.timestamp())
            .into_iter()
            .map(|t| {
                (
                    t.clone(),
                    estimate(&office, counter, &tickets, t, factor, now),
                )
            })
            .collect();
        let at_desks = tickets
            .iter()
            .filter(|t| {
                t.counter_id == counter.id
                    && matches!(
                        t.state(),
                        TicketState::Called | TicketState::Serving | TicketState::Parked
                    )
            })
            .cloned()
            .collect();
        out.push(CounterQueue {
            counter: counter.id.clone(),
            waiting,
            at_desks,
        });
    }
    Ok(out)
}

/// One line of the day board: an appointment with its ticket once checked
/// in, or a walk-in's ticket. No name: that is shown at the desk only.
#[derive(Debug, Clone)]
pub struct BoardLine {
    pub counter: String,
    pub appointment_at: Option<DateTime<Utc>>,
    /// The booking's status, for an appointment.
    pub booking_status: Option<String>,
    pub services: Vec<String>,
    pub persons: i64,
    pub ticket: Option<TicketRow>,
    /// Seconds waited: until the first call, or so far while waiting.
    pub waited: Option<i64>,
}

/// The day board of an office: every appointment and ticket of today, by
/// counter and time, with status, arrival and waiting time so far.
pub async fn day_board(
    app: &App,
    staff: &Staff,
    office_id: &str,
) -> Result<(Office, Vec<BoardLine>), QueueError> {
    let office = office_for(app, staff, office_id, Permission::Desk).await?;
    let now = app.clock.now();
    let today = day_of(&office, now);
    let tickets = app
        .store
        .tickets_of_day(&office.id, &today.to_string())
        .await?;
    let (_, bookings) = booking::appointments(app, &office.id, today)
        .await
        .map_err(|e| match e {
            booking::QueryError::Store(e) => QueueError::Store(e),
            _ => QueueError::UnknownOffice,
        })?;
    let waited = |t: &TicketRow| match t.first_called_at {
        Some(first) => Some(queue::waiting_seconds(
            t.arrived_at,
            t.appointment_at,
            first,
        )),
        None if t.state().waits() => Some(queue::waiting_seconds(
            t.arrived_at,
            t.appointment_at,
            now.timestamp(),
        )),
        None => None,
    };
    let mut lines: Vec<BoardLine> = bookings
        .iter()
        .filter(|b| b.status != "expired")
        .map(|b| {
            let ticket = tickets
                .iter()
                .find(|t| t.booking_id.as_deref() == Some(b.id.as_str()))
                .cloned();
            BoardLine {
                counter: b.counter_id.clone(),
                appointment_at: DateTime::from_timestamp(b.start_at, 0),
                booking_status: Some(b.status.clone()),
                services: b.service_ids().iter().map(|s| s.to_string()).collect(),
                persons: b.persons,
                waited: ticket.as_ref().and_then(waited),
                ticket,
            }
        })
        .collect();
    lines.extend(
        tickets
            .iter()
            .filter(|t| t.booking_id.is_none())
            .map(|t| BoardLine {
                counter: t.counter_id.clone(),
                appointment_at: None,
                booking_status: None,
                services: t.service_ids().iter().map(|s| s.to_string()).collect(),
                persons: t.persons,
                waited: waited(t),
                ticket: Some(t.clone()),
            }),
    );
    lines.sort_by_key(|l| {
        let at = l
            .appointment_at
            .map(|a| a.timestamp())
            .or(l.ticket.as_ref().map(|t| t.arrived_at))
            .unwrap_or_default();
        (l.counter.clone(), at)
    });
    Ok((office, lines))
}

/// A call as the waiting-room display shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DisplayCall {
    pub ticket: String,
    pub counter: String,
    pub desk: String,
    pub called_at: DateTime<Utc>,
    /// Which call of the ticket at this desk (a recall is 2 or 3).
    pub call: i64,
}

/// What the waiting-room display shows: ticket numbers, desks, counters and
/// counts, nothing about any person.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Display {
    pub office: String,
    /// The latest calls of today, newest first (the first few large, then the last five).
    pub calls: Vec<DisplayCall>,
    /// How many wait per counter: `(counter id, waiting)`.
    pub waiting: Vec<(String, usize)>,
}

/// The display of an office (public: no login).
pub async fn display(app: &App, office_id: &str) -> Result<Display, QueueError> {
    let office = app
        .office(office_id)
        .await?
        .ok_or(QueueError::UnknownOffice)?;
    let now = app.clock.now();
    let today = day_of(&office, now);
    let midnight = schedule::local_instant(office.timezone, today, Some(chrono::NaiveTime::MIN));
    let calls = app
        .store
        .recent_calls(&office.id, midnight.timestamp(), 8)
        .await?
        .into_iter()
        .map(|c| DisplayCall {
            ticket: c.number,
            counter: c.counter_id,
            desk: c.desk,
            called_at: DateTime::from_timestamp(c.called_at, 0).unwrap_or_default(),
            call: c.n,
        })
        .collect();
    let tickets = app
        .store
        .tickets_of_day(&office.id, &today.to_string())
        .await?;
    let waiting = office
        .counters
        .iter()
        .map(|c| {
            let n = tickets
                .iter()
                .filter(|t| t.counter_id == c.id && t.state().waits())
                .count();
            (c.id.clone(), n)
        })
        .collect();
    Ok(Display {
        office: office.id.clone(),
        calls,
        waiting,
    })
}

/// A ticket as its holder follows it on their phone (`/t/{secret}`): no personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Follow {
    pub office: String,
    pub number: String,
    pub counter: String,
    pub state: TicketState,
    /// Tickets before it in its queue, while it waits (1: it is next).
    pub position: Option<usize>,
    pub expected_wait: Option<(u32, u32)>,
    /// The desk it is called to, once called.
    pub desk: Option<String>,
}

/// The ticket behind the secret of its QR code.
pub async fn follow(app: &App, secret: &str) -> Result<Option<Follow>, QueueError> {
    if !secret::looks_like_token(secret) {
        return Ok(None);
    }
    let Some(t) = app.store.ticket_by_secret(&secret::hash(secret)).await? else {
        return Ok(None);
    };
    let office = app
        .office(&t.office_id)
        .await?
        .ok_or(QueueError::UnknownOffice)?;
    let counter = counter_of(&office, &t.counter_id)?;
    let now = app.clock.now();
    let state = t.state();
    let (position, wait) = if state.waits() {
        let tickets = app.store.tickets_of_day(&office.id, &t.day).await?;
        let position = waiting_in(&tickets, &counter.id, now.timestamp())
            .iter()
            .position(|x| x.id == t.id)
            .map(|p| p + 1);
        let factor = handling_factor(app, &office, &counter.id).await?;
        (
            position,
            Some(estimate(&office, counter, &tickets, &t, factor, now)),
        )
    } else {
        (None, None)
    };
    Ok(Some(Follow {
        office: office.id.clone(),
        number: t.number.clone(),
        counter: t.counter_id.clone(),
        state,
        position,
        expected_wait: wait,
        desk: matches!(
            state,
            TicketState::Called | TicketState::Serving | TicketState::Parked
        )
        .then(|| t.desk.clone())
        .flatten(),
    }))
}

/// Raise the emergency alert (Notruf) from a desk: every desk of the office sees it until someone answers.
pub async fn raise_alert(
    app: &App,
    staff: &Staff,
    office_id: &str,
    desk: &str,
) -> Result<AlertRow, QueueError> {
    let office = office_for(app, staff, office_id, Permission::Desk).await?;
    if !office.desks().iter().any(|d| d == desk) {
        return Err(QueueError::UnknownDesk(desk.to_string()));
    }
    let id = uuid::Uuid::now_v7().to_string();
    Ok(app
        .store
        .raise_alert(
            &id,
            &office.id,
            desk,
            &staff.actor,
            app.clock.now().timestamp(),
        )
        .await?)
}

/// The open alerts of an office.
pub async fn open_alerts(
    app: &App,
    staff: &Staff,
    office_id: &str,
) -> Result<Vec<AlertRow>, QueueError> {
    let office = office_for(app, staff, office_id, Permission::Desk).await?;
    Ok(app.store.open_alerts(&office.id).await?)
}

/// Answer an alert "coming": it closes for every desk.
pub async fn answer_alert(
    app: &App,
    staff: &Staff,
    office_id: &str,
    id: &str,
) -> Result<AlertRow, QueueError> {
    let office = office_for(app, staff, office_id, Permission::Desk).await?;
    match app
        .store
        .answer_alert(&office.id, id, &staff.actor, app.clock.now().timestamp())
        .await
    {
        Ok(a) => Ok(a),
        Err(StoreError::Conflict(Conflict::State)) => Err(QueueError::AlertAnswered),
        Err(StoreError::NotFound) => Err(QueueError::UnknownAlert),
        Err(e) => Err(e.into()),
    }
}

/// After each office's day (in its time zone): confirmed bookings never
/// checked in become `no_show`, and tickets still open are closed (see
/// [`Store::close_past_tickets`](crate::store::Store::close_past_tickets)).
/// Returns how many bookings and tickets changed.
pub async fn mark_no_shows(app: &App) -> Result<u64, StoreError> {
    let now = app.clock.now();
    let mut n = 0;
    for office in app.offices().await? {
        let today = day_of(&office, now);
        let midnight =
            schedule::local_instant(office.timezone, today, Some(chrono::NaiveTime::MIN));
        loop {
            let done = app
                .store
                .mark_no_shows(&office.id, midnight.timestamp(), now.timestamp(), 200)
                .await?;
            n += done;
            if done < 200 {
                break;
            }
        }
        loop {
            let done = app
                .store
                .close_past_tickets(&office.id, &today.to_string(), now.timestamp(), 200)
                .await?;
            n += done;
            if done < 200 {
                break;
            }
        }
    }
    Ok(n)
}

/// Give active bookings made before there were booking codes a code each.
pub async fn assign_missing_codes(app: &App) -> Result<usize, StoreError> {
    let mut n = 0;
    loop {
        let due = app.store.bookings_without_code(200).await?;
        if due.is_empty() {
            return Ok(n);
        }
        for (id, _) in &due {
            // A code another active booking of the office has is refused; take another.
            for _ in 0..5 {
                match app
                    .store
                    .set_booking_code(id, BookingCode::random().as_str())
                    .await
                {
                    Err(StoreError::Conflict(Conflict::CodeTaken)) => continue,
                    other => {
                        other?;
                        break;
                    }
                }
            }
            n += 1;
        }
    }
}
