//! The plan editor's pages (heads, admins): the form, its preview and saving,
//! and a revision compared with the one before.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::NaiveDate;
use toml::{Table, Value};

use super::Signed;
use crate::domain::officefile::{self, Mistake};
use crate::domain::{Office, Permission};
use crate::i18n::Texts;
use crate::plan::{self, Conflicting, Edit, PlanError, Preview};
use crate::store::Decision;
use crate::t;
use crate::views::staff::plan::{self as view, Editor};
use crate::web::form::{Fields, LongFormFields};
use crate::web::page::{Page, PageError};
use crate::web::AppState;

/// Keys whose values are whole numbers (where they parse as one).
const NUMBERS: &[&str] = &[
    "min_notice_minutes",
    "horizon_days",
    "confirm_within_minutes",
    "max_active_bookings_per_email",
    "hold_minutes",
    "reminder_hours",
    "per_minutes",
    "max",
    "early_minutes",
    "late_minutes",
    "recall_minutes",
    "max_calls",
    "grid_minutes",
    "minutes",
    "max_persons",
    "desks",
    "online",
];

/// The fields of the form that say how to save, not what.
const SAVING: &[&str] = &[
    "csrf",
    "revision",
    "effective_from",
    "note",
    "do",
    "decide_all",
    "reason",
];

/// A tree of the form's fields by their dotted names, before it becomes TOML.
#[derive(Default)]
struct Node {
    value: Vec<String>,
    children: BTreeMap<String, Node>,
}

impl Node {
    fn insert(&mut self, path: &[&str], value: &str) {
        match path.split_first() {
            None => self.value.push(value.to_string()),
            Some((first, rest)) => self
                .children
                .entry(first.to_string())
                .or_default()
                .insert(rest, value),
        }
    }

    /// The node as TOML: rows (`hours.0`, `hours.1`) become arrays in order,
    /// without rows left empty or marked to remove; empty values are left out,
    /// so that defaults apply and missing ones are named.
    fn to_value(&self, key: &str, parent: &str) -> Option<Value> {
        if !self.children.is_empty() {
            if self.children.keys().all(|k| k.parse::<usize>().is_ok()) {
                let mut rows: Vec<(usize, &Node)> = self
                    .children
                    .iter()
                    .map(|(k, n)| (k.parse().unwrap_or(0), n))
                    .collect();
                rows.sort_by_key(|(i, _)| *i);
                let items: Vec<Value> = rows
                    .into_iter()
                    .filter(|(_, n)| {
                        !n.children
                            .get("remove")
                            .is_some_and(|r| r.value.iter().any(|v| v == "1"))
                    })
                    .filter_map(|(_, n)| n.to_value(key, parent))
                    .collect();
                return (!items.is_empty()).then_some(Value::Array(items));
            }
            let mut t = Table::new();
            for (k, n) in &self.children {
                if k == "remove" {
                    continue;
                }
                if let Some(v) = n.to_value(k, key) {
                    t.insert(k.clone(), v);
                }
            }
            return (!t.is_empty()).then_some(Value::Table(t));
        }
        let list = key == "days"
            || key == "closed"
            || key == "open"
            || (key == "desks" && parent == "queue");
        if list {
            let items: Vec<Value> = self
                .value
                .iter()
                .flat_map(|v| v.split(['\n', ',']))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| Value::String(v.to_string()))
                .collect();
            return match key {
                "days" if items.is_empty() => None,
                _ => Some(Value::Array(items)),
            };
        }
        let v = self
            .value
            .last()
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())?;
        match (NUMBERS.contains(&key), v.parse::<i64>()) {
            (true, Ok(n)) => Some(Value::Integer(n)),
            _ => Some(Value::String(v.to_string())),
        }
    }
}

/// The plan a form sends, in the shape of the office file's `[[office]]` table.
fn plan_of(f: &Fields) -> Table {
    let mut root = Node::default();
    for (name, value) in f.pairs() {
        if SAVING.contains(&name.as_str()) || name.starts_with("decision.") {
            continue;
        }
        let path: Vec<&str> = name.split('.').collect();
        root.insert(&path, value);
    }
    match root.to_value("office", "") {
        Some(Value::Table(t)) => t,
        _ => Table::new(),
    }
}

fn decision(v: Option<&str>) -> Option<Decision> {
    match v {
        Some("move") => Some(Decision::Move),
        Some("cancel") => Some(Decision::Cancel),
        _ => None,
    }
}

/// The change a form sends; a date that is not one is a mistake at its field.
fn edit_of(f: &Fields) -> Result<Edit, Mistake> {
    let reason = f.get("reason").unwrap_or_default().trim().to_string();
    let effective_from = match f
        .get("effective_from")
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        None => None,
        Some(d) => Some(
            NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| Mistake {
                place: "effective_from".into(),
                message: crate::msg!("office-file-not-date", value = format!("{d:?}")),
            })?,
        ),
    };
    let decisions = f
        .pairs()
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("decision.")?.to_string(), decision(Some(v))?)))
        .map(|(id, d)| (id, (d, reason.clone())))
        .collect();
    Ok(Edit {
        plan: plan_of(f),
        base_revision: f.get("revision").and_then(|r| r.parse().ok()),
        effective_from,
        note: f.get("note").unwrap_or_default().to_string(),
        decisions,
        all: decision(f.get("decide_all")).map(|d| (d, reason)),
    })
}

/// What the page shows besides the plan.
#[derive(Default)]
struct Shown {
    mistakes: Vec<Mistake>,
    notice: Option<(String, bool)>,
    preview: Option<Preview>,
    conflicts: Vec<Conflicting>,
}

async fn render(
    s: &AppState,
    t: &Texts,
    signed: &Signed,
    office: &Office,
    edit: &Edit,
    revision: i64,
    shown: Shown,
) -> Result<Page, PageError> {
    let revisions = plan::revisions(&s.app, &signed.staff, &office.id)
        .await
        .map_err(page_error)?;
    let status = match (&shown.notice, shown.mistakes.is_empty()) {
        (Some((_, false)), _) | (_, false) => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::OK,
    };
    let e = Editor {
        office,
        plan: &edit.plan,
        revision,
        effective_from: edit.effective_from,
        note: &edit.note,
        mistakes: &shown.mistakes,
        notice: shown.notice,
        preview: shown.preview.as_ref(),
        conflicts: &shown.conflicts,
        decisions: &edit.decisions,
        decide_all: edit.all.as_ref().map(|(d, _)| *d),
        reason: edit.all.as_ref().map_or("", |(_, r)| r.as_str()),
        revisions: &revisions,
        csrf: &signed.csrf.token,
    };
    Ok(signed
        .page(s, view::editor(t, &signed.nav(), &e))
        .status(status))
}

fn page_error(e: PlanError) -> PageError {
    match e {
        PlanError::Access(a) => a.into(),
        PlanError::Store(e) => e.into(),
        _ => PageError::not_found(),
    }
}

fn stored(office: &Office) -> Edit {
    Edit {
        plan: officefile::office_table(office),
        ..Edit::default()
    }
}

pub async fn form(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
) -> Result<Page, PageError> {
    signed.office(&office, Permission::Plan)?;
    let (o, revision) = plan::current(&s.app, &signed.staff, &office)
        .await
        .map_err(page_error)?;
    render(&s, &t, &signed, &o, &stored(&o), revision, Shown::default()).await
}

/// Preview (`do=preview`) or save (`do=save`) the plan the form sends.
pub async fn submit(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path(office): Path<String>,
    LongFormFields(f): LongFormFields,
) -> Result<Page, PageError> {
    signed.office(&office, Permission::Plan)?;
    let (o, revision) = plan::current(&s.app, &signed.staff, &office)
        .await
        .map_err(page_error)?;
    let edit = match edit_of(&f) {
        Ok(edit) => edit,
        Err(m) => {
            let edit = Edit {
                plan: plan_of(&f),
                ..Edit::default()
            };
            let shown = Shown {
                mistakes: vec![m],
                ..Shown::default()
            };
            return render(&s, &t, &signed, &o, &edit, revision, shown).await;
        }
    };
    let seen = edit.base_revision.unwrap_or(revision);
    if f.get("do") == Some("save") {
        return save(&s, &t, &signed, &o, edit, seen).await;
    }
    let shown = match plan::preview(&s.app, &signed.staff, &office, &edit).await {
        Ok(p) => Shown {
            conflicts: p.stranded.clone(),
            preview: Some(p),
            ..Shown::default()
        },
        Err(e) => problem(&t, e)?,
    };
    render(&s, &t, &signed, &o, &edit, seen, shown).await
}

async fn save(
    s: &AppState,
    t: &Texts,
    signed: &Signed,
    o: &Office,
    edit: Edit,
    seen: i64,
) -> Result<Page, PageError> {
    match plan::save(&s.app, &signed.staff, &o.id, &edit).await {
        Ok(saved) => {
            let (o, revision) = plan::current(&s.app, &signed.staff, &o.id)
                .await
                .map_err(page_error)?;
            let notice = t!(
                t,
                "plan-saved",
                revision = saved.revision,
                moved = saved.moved.len(),
                cancelled = saved.cancelled.len()
            );
            let shown = Shown {
                notice: Some((notice, true)),
                ..Shown::default()
            };
            render(s, t, signed, &o, &stored(&o), revision, shown).await
        }
        Err(e) => {
            let shown = problem(t, e)?;
            render(s, t, signed, o, &edit, seen, shown).await
        }
    }
}

/// A refused change, as the page shows it.
fn problem(t: &Texts, e: PlanError) -> Result<Shown, PageError> {
    let error = |text: String| Some((text, false));
    Ok(match e {
        PlanError::Invalid(m) => Shown {
            mistakes: m.0,
            ..Shown::default()
        },
        PlanError::Stale(now) => Shown {
            notice: error(t!(t, "plan-stale", revision = now)),
            ..Shown::default()
        },
        PlanError::Stranded(list) => Shown {
            notice: error(t!(t, "plan-conflicts-refused", n = list.len())),
            conflicts: list,
            ..Shown::default()
        },
        PlanError::NoFreeTime(list) => Shown {
            notice: error(t!(t, "plan-no-free-time", n = list.len())),
            conflicts: list,
            ..Shown::default()
        },
        PlanError::InUse => Shown {
            notice: error(t!(t, "plan-in-use")),
            ..Shown::default()
        },
        e => return Err(page_error(e)),
    })
}

/// A revision against the one before it.
pub async fn revision(
    State(s): State<AppState>,
    t: Texts,
    signed: Signed,
    Path((office, revision)): Path<(String, String)>,
) -> Result<Page, PageError> {
    let o = signed.office(&office, Permission::Plan)?;
    let revision: i64 = revision.parse().map_err(|_| PageError::not_found())?;
    let (r, file, before) = plan::compare(&s.app, &signed.staff, &office, revision)
        .await
        .map_err(page_error)?;
    Ok(signed.page(
        &s,
        view::compare(&t, &signed.nav(), o, &r, &file, before.as_deref()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_becomes_the_office_files_table_without_blank_or_removed_rows() {
        let office = officefile::parse(crate::DEMO_OFFICES).unwrap().remove(0);
        let table = officefile::office_table(&office);
        // What the editor's fields send for the stored plan reads back as the same plan.
        let mut pairs: Vec<(String, String)> = Vec::new();
        fn walk(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
            match v {
                Value::Table(t) => {
                    for (k, v) in t {
                        let p = if prefix.is_empty() {
                            k.clone()
                        } else {
                            format!("{prefix}.{k}")
                        };
                        walk(&p, v, out);
                    }
                }
                Value::Array(items) if items.iter().all(Value::is_table) => {
                    for (i, v) in items.iter().enumerate() {
                        walk(&format!("{prefix}.{i}"), v, out);
                    }
                    // The blank row the editor adds at the end.
                    out.push((format!("{prefix}.{}.from", items.len()), String::new()));
                }
                Value::Array(items) => {
                    for i in items {
                        out.push((
                            prefix.to_string(),
                            i.as_str().unwrap_or_default().to_string(),
                        ));
                    }
                    if items.is_empty() {
                        out.push((prefix.to_string(), String::new()));
                    }
                }
                Value::Integer(n) => out.push((prefix.to_string(), n.to_string())),
                other => out.push((
                    prefix.to_string(),
                    other.as_str().unwrap_or_default().to_string(),
                )),
            }
        }
        walk("", &Value::Table(table.clone()), &mut pairs);
        pairs.push(("counter.0.hours.0.remove".into(), "1".into()));
        pairs.push(("csrf".into(), "x".into()));
        let body: String = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", crate::paths::encode(k), crate::paths::encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let fields = Fields::parse(body.as_bytes()).unwrap();
        let sent = plan_of(&fields);
        let mut root = Table::new();
        root.insert("office".into(), Value::Array(vec![Value::Table(sent)]));
        let back = officefile::validate(&root).unwrap().remove(0);
        let mut expected = office.clone();
        expected.counters[0].hours.remove(0);
        assert_eq!(back, expected);
    }
}
