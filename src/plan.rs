//! Use cases of office heads changing their office's plan: the plan as it
//! stands, a change validated like an office file, its preview (the week's
//! desks before and after, and the bookings it would leave without a desk),
//! and saving it with a decision for each such booking.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use toml::{Table, Value};

use crate::app::App;
use crate::booking::{letterhead, reminder, service_names};
use crate::domain::officefile::{self, Mistake, Mistakes};
use crate::domain::plan::{effective_from, week_staffing};
use crate::domain::{Language, Office, Permission};
use crate::mail::messages::{self, Appointment, Kind};
use crate::staff::{AccessError, Staff};
use crate::store::{
    BookingRow, Conflict, Decision, NewMail, PlanChange, PlanOutcome, PlanRevision, StoreError,
};

/// A change of a plan as a head sends it (from the editor's form or the API).
#[derive(Debug, Clone, Default)]
pub struct Edit {
    /// The office in the shape of its office file (`[[office]]`'s table).
    pub plan: Table,
    /// The revision the head saw; `None` over the API means "whatever is current".
    pub base_revision: Option<i64>,
    /// The date the new hours apply from; `None`: at once.
    pub effective_from: Option<NaiveDate>,
    pub note: String,
    /// Decisions for bookings left without a desk, by booking id, each with the
    /// reason the citizen is told; `all` for every one without its own.
    pub decisions: HashMap<String, (Decision, String)>,
    pub all: Option<(Decision, String)>,
}

impl Edit {
    fn decision(&self, booking: &str) -> Option<&(Decision, String)> {
        self.decisions.get(booking).or(self.all.as_ref())
    }
}

/// A booking a change would leave without a desk: what the head needs to
/// decide, and no more personal data than that.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Conflicting {
    pub booking: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub counter: String,
    pub services: Vec<String>,
    pub persons: i64,
    pub status: String,
}

impl Conflicting {
    fn of(b: &BookingRow) -> Conflicting {
        Conflicting {
            booking: b.id.clone(),
            start: DateTime::from_timestamp(b.start_at, 0).unwrap_or_default(),
            end: DateTime::from_timestamp(b.end_at, 0).unwrap_or_default(),
            counter: b.counter_id.clone(),
            services: b.service_ids().iter().map(|s| s.to_string()).collect(),
            persons: b.persons,
            status: b.status.clone(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error("there is no office {0:?}")]
    NoOffice(String),
    #[error("the plan has mistakes")]
    Invalid(Mistakes),
    #[error("the plan changed since this form was opened (revision {0} is current): open it again and redo the change")]
    Stale(i64),
    #[error("bookings would lose their desk: decide for each (move or cancel) and give a reason")]
    Stranded(Vec<Conflicting>),
    #[error(
        "no free time left to move these bookings to: cancel them, or give the plan more room"
    )]
    NoFreeTime(Vec<Conflicting>),
    #[error(
        "bookings to come rely on the current plan: while they exist, a counter keeps its grid_minutes, \
         and an office keeps its time zone and arrival window"
    )]
    InUse,
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for PlanError {
    fn from(e: StoreError) -> PlanError {
        match e {
            StoreError::Conflict(Conflict::PlanInUse) => PlanError::InUse,
            e => PlanError::Store(e),
        }
    }
}

fn mistake(place: &str, message: crate::i18n::Message) -> Mistake {
    Mistake {
        place: place.to_string(),
        message,
    }
}

/// The office's plan as it stands, with its revision.
pub async fn current(
    app: &App,
    staff: &Staff,
    office_id: &str,
) -> Result<(Office, i64), PlanError> {
    staff.require(Permission::Plan, office_id)?;
    app.office_at(office_id)
        .await?
        .ok_or_else(|| PlanError::NoOffice(office_id.to_string()))
}

/// The office an edit makes of `old`: validated as an office file is (every
/// mistake at its place), its id kept, its hours applied from the date chosen.
pub fn candidate(old: &Office, edit: &Edit, today: NaiveDate) -> Result<Office, PlanError> {
    let mut plan = edit.plan.clone();
    let mut extra = Vec::new();
    match plan.get("id") {
        None => {
            plan.insert("id".into(), Value::String(old.id.clone()));
        }
        Some(Value::String(id)) if *id == old.id => {}
        Some(_) => extra.push(mistake(
            "id",
            crate::msg!("plan-keeps-id", id = old.id.as_str()),
        )),
    }
    if let Some(from) = edit.effective_from {
        if from < today {
            extra.push(mistake(
                "effective_from",
                crate::msg!("plan-effective-past"),
            ));
        }
    }
    if let Some((_, reason)) = edit
        .all
        .iter()
        .chain(edit.decisions.values())
        .find(|(_, r)| !reason_ok(r))
    {
        extra.push(mistake(
            "reason",
            crate::msg!("plan-reason-bad", reason = format!("{reason:?}"), max = 300),
        ));
    }
    if !crate::domain::text::is_clean_line(&edit.note) || edit.note.chars().count() > 300 {
        extra.push(mistake(
            "note",
            crate::msg!("plan-note-too-long", max = 300),
        ));
    }
    let mut root = Table::new();
    root.insert("office".into(), Value::Array(vec![Value::Table(plan)]));
    let validated = officefile::validate(&root);
    let office = match validated {
        Ok(mut offices) if extra.is_empty() => offices.remove(0),
        Ok(_) => return Err(PlanError::Invalid(Mistakes(extra))),
        Err(Mistakes(mut found)) => {
            found.extend(extra);
            return Err(PlanError::Invalid(Mistakes(found)));
        }
    };
    let from = edit.effective_from.unwrap_or(today);
    Ok(effective_from(Some(old), office, from, today))
}

fn reason_ok(reason: &str) -> bool {
    let n = reason.trim().chars().count();
    (1..=300).contains(&n) && crate::domain::text::is_clean_line(reason)
}

/// (desks, online) per day of a week and hour of the day.
pub type WeekStaffing = Vec<[(u32, u32); 24]>;

/// What a change would do, before it is saved.
#[derive(Debug, Clone)]
pub struct Preview {
    pub before: Office,
    pub after: Office,
    pub revision: i64,
    /// The Monday of the week shown: that of the date the change applies from.
    pub monday: NaiveDate,
    /// Per counter (of either plan): its id and (desks, online) per day and hour, before and after.
    pub weeks: Vec<(String, WeekStaffing, WeekStaffing)>,
    pub stranded: Vec<Conflicting>,
}

/// The office's local date at `now`.
fn today(office: &Office, now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&office.timezone).date_naive()
}

/// Preview a change: validated, with the week grid before and after, and the
/// bookings it would leave without a desk. Nothing is saved.
pub async fn preview(
    app: &App,
    staff: &Staff,
    office_id: &str,
    edit: &Edit,
) -> Result<Preview, PlanError> {
    let (before, revision) = current(app, staff, office_id).await?;
    let now = app.clock.now();
    let after = candidate(&before, edit, today(&before, now))?;
    let stranded = app.store.plan_conflicts(&after, now.timestamp()).await?;
    let stranded = stranded.iter().map(Conflicting::of).collect();
    let day = edit.effective_from.unwrap_or(today(&before, now));
    let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
    let mut ids: Vec<&str> = before.counters.iter().map(|c| c.id.as_str()).collect();
    for c in &after.counters {
        if !ids.contains(&c.id.as_str()) {
            ids.push(&c.id);
        }
    }
    let grid = |o: &Office, id: &str| {
        o.counter(id)
            .map_or_else(|| vec![[(0, 0); 24]; 7], |c| week_staffing(o, c, monday))
    };
    let weeks = ids
        .iter()
        .map(|id| (id.to_string(), grid(&before, id), grid(&after, id)))
        .collect();
    Ok(Preview {
        before,
        after: after.clone(),
        revision,
        monday,
        weeks,
        stranded,
    })
}

/// What saving a change did.
#[derive(Debug, Clone)]
pub struct Saved {
    pub revision: i64,
    pub moved: Vec<Conflicting>,
    pub cancelled: Vec<Conflicting>,
}

/// Save a change: bookings left without a desk are moved or cancelled as the
/// head decided, each citizen told in their language with the head's reason;
/// all of it in one transaction, or nothing.
pub async fn save(
    app: &App,
    staff: &Staff,
    office_id: &str,
    edit: &Edit,
) -> Result<Saved, PlanError> {
    let (old, revision) = current(app, staff, office_id).await?;
    let now = app.clock.now();
    let office = candidate(&old, edit, today(&old, now))?;
    if let Err(e) = crate::hold::expire_due(app).await {
        tracing::warn!(error = %e, "giving back holds that ran out before a plan change");
    }
    let decide = |id: &str| edit.decision(id).map(|(d, _)| *d);
    let mails = |b: &BookingRow, d: Decision, token: Option<&str>| {
        let reason = edit.decision(&b.id).map_or("", |(_, r)| r.as_str());
        match owed(app, &office, b, d, token, reason) {
            Ok(mails) => mails,
            Err(e) => {
                tracing::error!(error = %e, "rendering the mail of a plan change");
                Vec::new()
            }
        }
    };
    let change = PlanChange {
        office: &office,
        base_revision: edit.base_revision.unwrap_or(revision),
        effective_from: edit.effective_from,
        actor: &staff.actor,
        note: edit.note.trim(),
        now: now.timestamp(),
        decide: &decide,
        mails: &mails,
    };
    let out = app.store.save_plan(&change).await;
    app.forget_offices();
    let list = |rows: &[BookingRow]| rows.iter().map(Conflicting::of).collect::<Vec<_>>();
    match out {
        Ok(PlanOutcome::Saved {
            revision,
            moved,
            cancelled,
        }) => {
            app.outbox.notify_one();
            Ok(Saved {
                revision,
                moved: list(&moved),
                cancelled: list(&cancelled),
            })
        }
        Ok(PlanOutcome::Stranded(rows)) => Err(PlanError::Stranded(list(&rows))),
        Ok(PlanOutcome::NoFreeTime(rows)) => Err(PlanError::NoFreeTime(list(&rows))),
        Err(StoreError::Conflict(Conflict::StalePlan)) => {
            let now = app.office_at(office_id).await?.map_or(0, |(_, r)| r);
            Err(PlanError::Stale(now))
        }
        Err(e) => Err(e.into()),
    }
}

/// The mails a booking moved or cancelled by a plan change is owed: the move
/// (with its new calendar entry) or the cancellation, with the head's reason;
/// a moved confirmed booking's reminder at its new time.
fn owed(
    app: &App,
    office: &Office,
    b: &BookingRow,
    d: Decision,
    token: Option<&str>,
    reason: &str,
) -> anyhow::Result<Vec<NewMail>> {
    let (Some(_), Some(email)) = (b.name.as_deref(), b.email.as_deref()) else {
        return Ok(Vec::new());
    };
    let lang = Language::parse(&b.language).unwrap_or_default();
    let appointment = Appointment {
        booking_id: &b.id,
        office,
        services: service_names(office, &b.service_ids(), lang),
        persons: u32::try_from(b.persons).unwrap_or(1),
        start: DateTime::from_timestamp(b.start_at, 0).unwrap_or_default(),
        end: DateTime::from_timestamp(b.end_at, 0).unwrap_or_default(),
        created: DateTime::from_timestamp(b.created_at, 0).unwrap_or_default(),
        name: (b.address_confirmed == 1).then_some(b.name.as_deref().unwrap_or_default()),
        email,
        pending: b.status == "pending",
        language: lang,
        code: b.code.as_deref(),
        notice: Some(reason),
    };
    let now = app.clock.now();
    let kind = match d {
        Decision::Move => Kind::Moved,
        Decision::Cancel => Kind::Cancelled,
    };
    let mut mails = vec![messages::render(
        kind,
        &appointment,
        &letterhead(app),
        token,
        None,
        now,
    )?];
    if d == Decision::Move && b.status == "confirmed" {
        mails.extend(reminder(app, office, &appointment, token, now)?);
    }
    Ok(mails)
}

/// The saved changes of the office's plan, newest first.
pub async fn revisions(
    app: &App,
    staff: &Staff,
    office_id: &str,
) -> Result<Vec<PlanRevision>, PlanError> {
    current(app, staff, office_id).await?;
    Ok(app.store.plan_revisions(office_id, 100).await?)
}

/// One saved change and the one before it, as office files, to compare.
pub async fn compare(
    app: &App,
    staff: &Staff,
    office_id: &str,
    revision: i64,
) -> Result<(PlanRevision, String, Option<String>), PlanError> {
    current(app, staff, office_id).await?;
    let this = app
        .store
        .plan_revision(office_id, revision)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => PlanError::NoOffice(office_id.to_string()),
            e => e.into(),
        })?;
    let all = app.store.plan_revisions(office_id, 1000).await?;
    let before = all.iter().find(|r| r.revision < revision);
    let file = |r: &PlanRevision| -> Result<String, PlanError> {
        Ok(officefile::render(std::slice::from_ref(&r.office()?)))
    };
    let before = before.map(file).transpose()?;
    Ok((this.clone(), file(&this)?, before))
}
