//! The plan editor (heads): the office's rules, its counters' weekly hours,
//! dated exceptions and services as form fields named by their place in the
//! office file (`counter.0.hours.1.desks`); every mistake at its field and in a
//! summary on top; the preview of the week's desks before → after; the
//! bookings a change would leave without a desk, each to be moved or
//! cancelled; the date the change applies from; the revisions, compared.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use maud::{html, Markup};
use toml::{Table, Value};

use super::{flash, staff_page, Nav};
use crate::domain::officefile::Mistake;
use crate::domain::plan::{diff, Line};
use crate::domain::{Language, Office};
use crate::i18n::Texts;
use crate::plan::{Conflicting, Preview};
use crate::store::{Decision, PlanRevision};
use crate::t;
use crate::views::components::{csrf_field, error_summary, field_error};

/// Everything the editor shows.
pub struct Editor<'a> {
    pub office: &'a Office,
    /// The plan in the form: as stored, or as sent (with its mistakes).
    pub plan: &'a Table,
    pub revision: i64,
    pub effective_from: Option<NaiveDate>,
    pub note: &'a str,
    pub mistakes: &'a [Mistake],
    pub notice: Option<(String, bool)>,
    pub preview: Option<&'a Preview>,
    /// Bookings the change would leave without a desk, with what was chosen for each.
    pub conflicts: &'a [Conflicting],
    pub decisions: &'a HashMap<String, (Decision, String)>,
    pub decide_all: Option<Decision>,
    pub reason: &'a str,
    pub revisions: &'a [PlanRevision],
    pub csrf: &'a str,
}

/// The id of the field at `name` (`counter.0.hours.1.desks` → `p-counter-0-hours-1-desks`).
fn id_of(name: &str) -> String {
    format!("p-{}", name.replace('.', "-"))
}

/// The field a mistake's place (`office test, counter kfz, hours #2, desks`) names
/// in the form of `plan`, if it names one.
fn field_of(plan: &Table, office: &str, place: &str) -> Option<String> {
    if place == "effective_from" || place == "note" || place == "reason" {
        return Some(place.to_string());
    }
    let rest = place.strip_prefix(&format!("office {office}"))?;
    let mut name: Vec<String> = Vec::new();
    let mut here: Option<&Table> = Some(plan);
    for part in rest.split(", ").filter(|p| !p.is_empty()) {
        let (key, which) = part.split_once(' ').unwrap_or((part, ""));
        let Some(Value::Array(rows)) = here.and_then(|t| t.get(key)) else {
            name.push(key.to_string());
            here = here.and_then(|t| t.get(key)).and_then(Value::as_table);
            continue;
        };
        let index = match which.strip_prefix('#') {
            Some(n) => n.parse::<usize>().ok()?.checked_sub(1)?,
            None => rows
                .iter()
                .position(|r| r.get("id").and_then(Value::as_str) == Some(which))?,
        };
        name.push(format!("{key}.{index}"));
        here = rows.get(index).and_then(Value::as_table);
    }
    (!name.is_empty()).then(|| name.join("."))
}

fn text_of(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Integer(n)) => n.to_string(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| text_of(Some(i)))
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    }
}

/// A text in one language of a `name = { de, en, … }` or a plain `name = "…"`.
fn in_lang(v: Option<&Value>, lang: Language) -> String {
    match v {
        Some(Value::String(s)) if lang == Language::De => s.clone(),
        Some(Value::Table(t)) => text_of(t.get(lang.as_str())),
        _ => String::new(),
    }
}

struct Form<'a> {
    t: &'a Texts,
    errors: HashMap<String, Vec<String>>,
}

/// Which counters of the form, and which of their services, are the stored
/// ones: by id, the first with it (a second with a stored id was typed, and
/// its id stays a field to correct).
fn stored_rows(office: &Office, counters: &[Table]) -> Vec<(bool, Vec<bool>)> {
    let id = |t: &Table| t.get("id").and_then(Value::as_str).map(str::to_string);
    let mut seen_counters = std::collections::HashSet::new();
    let mut seen_services = std::collections::HashSet::new();
    counters
        .iter()
        .map(|c| {
            let cid = id(c);
            let stored = office.counters.iter().find(|k| Some(&k.id) == cid.as_ref());
            let counter_stored = stored.is_some() && seen_counters.insert(cid.clone());
            let services = rows(c, "service")
                .iter()
                .map(|s| {
                    let sid = id(s);
                    stored.is_some_and(|k| k.services.iter().any(|x| Some(&x.id) == sid.as_ref()))
                        && seen_services.insert(sid)
                })
                .collect();
            (counter_stored, services)
        })
        .collect()
}

impl Form<'_> {
    fn error(&self, name: &str) -> Option<String> {
        self.errors.get(name).map(|m| m.join("; "))
    }

    /// A labelled input at `name`, with its mistake.
    fn input(&self, label: &str, name: &str, value: &str, kind: &str) -> Markup {
        let id = id_of(name);
        let error = self.error(name);
        let (inputmode, kind) = match kind {
            "number" => (Some("numeric"), "text"),
            "time" => (Some("numeric"), "text"),
            k => (None, k),
        };
        html! {
            div.field {
                label for=(id) { (label) }
                (field_error(self.t, &id, error.as_ref()))
                input id=(id) type=(kind) name=(name) value=(value) inputmode=[inputmode]
                    aria-invalid=[error.as_ref().map(|_| "true")]
                    aria-describedby=[error.as_ref().map(|_| format!("{id}-error"))];
            }
        }
    }

    fn lines(&self, label: &str, hint: &str, name: &str, value: &str) -> Markup {
        let id = id_of(name);
        let error = self.error(name);
        html! {
            div.field {
                label for=(id) { (label) }
                p.hint id={ (id) "-hint" } { (hint) }
                (field_error(self.t, &id, error.as_ref()))
                textarea id=(id) name=(name) rows="3" aria-describedby={ (id) "-hint" }
                    aria-invalid=[error.as_ref().map(|_| "true")] { (value) }
            }
        }
    }

    /// The mistakes of a whole row (`hours #2: overlaps hours #1`).
    fn row_error(&self, name: &str) -> Markup {
        let error = self.error(name);
        field_error(self.t, &id_of(name), error.as_ref())
    }
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn rows(t: &Table, key: &str) -> Vec<Table> {
    match t.get(key) {
        Some(Value::Array(items)) => items.iter().filter_map(|v| v.as_table().cloned()).collect(),
        _ => Vec::new(),
    }
}

fn hours_row(f: &Form<'_>, base: &str, row: &Table, removable: bool) -> Markup {
    let t = f.t;
    let days: Vec<String> = match row.get("days") {
        Some(Value::Array(d)) => d
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let days_error = f.error(&format!("{base}.days"));
    html! {
        fieldset.row {
            legend { (t!(t, "plan-window")) }
            (f.row_error(base))
            fieldset.days {
                legend { (t!(t, "plan-days")) }
                (field_error(t, &id_of(&format!("{base}.days")), days_error.as_ref()))
                @for (i, d) in WEEKDAYS.iter().enumerate() {
                    @let id = id_of(&format!("{base}.days.{d}"));
                    span.check {
                        input id=(id) type="checkbox" name={ (base) ".days" } value=(d) checked[days.iter().any(|x| x == d)];
                        label for=(id) { abbr title=(t.weekday(i)) { (t.weekday_short(i)) } }
                    }
                }
            }
            div.cols {
                (f.input(&t!(t, "plan-from"), &format!("{base}.from"), &text_of(row.get("from")), "time"))
                (f.input(&t!(t, "plan-to"), &format!("{base}.to"), &text_of(row.get("to")), "time"))
                (f.input(&t!(t, "plan-desks"), &format!("{base}.desks"), &text_of(row.get("desks")), "number"))
                (f.input(&t!(t, "plan-online"), &format!("{base}.online"), &text_of(row.get("online")), "number"))
                (f.input(&t!(t, "plan-since"), &format!("{base}.since"), &text_of(row.get("since")), "date"))
                (f.input(&t!(t, "plan-until"), &format!("{base}.until"), &text_of(row.get("until")), "date"))
            }
            @if removable { (remove(t, base)) }
        }
    }
}

fn remove(t: &Texts, base: &str) -> Markup {
    let id = id_of(&format!("{base}.remove"));
    html! {
        div.check {
            input id=(id) type="checkbox" name={ (base) ".remove" } value="1";
            label for=(id) { (t!(t, "plan-remove")) }
        }
    }
}

fn exception_row(f: &Form<'_>, base: &str, row: &Table, removable: bool) -> Markup {
    let t = f.t;
    html! {
        fieldset.row {
            legend { (t!(t, "plan-exception")) }
            (f.row_error(base))
            div.cols {
                (f.input(&t!(t, "plan-date"), &format!("{base}.date"), &text_of(row.get("date")), "date"))
                (f.input(&t!(t, "plan-from"), &format!("{base}.from"), &text_of(row.get("from")), "time"))
                (f.input(&t!(t, "plan-to"), &format!("{base}.to"), &text_of(row.get("to")), "time"))
                (f.input(&t!(t, "plan-desks"), &format!("{base}.desks"), &text_of(row.get("desks")), "number"))
                (f.input(&t!(t, "plan-online"), &format!("{base}.online"), &text_of(row.get("online")), "number"))
            }
            @if removable { (remove(t, base)) }
        }
    }
}

fn languages(f: &Form<'_>, label: &str, base: &str, v: Option<&Value>) -> Markup {
    html! {
        fieldset.langs {
            legend { (label) }
            div.cols {
                @for lang in Language::ALL {
                    (f.input(lang.native_name(), &format!("{base}.{}", lang.as_str()), &in_lang(v, lang), "text"))
                }
            }
        }
    }
}

fn service_row(f: &Form<'_>, base: &str, row: &Table, new: bool) -> Markup {
    let t = f.t;
    html! {
        fieldset.row {
            legend { @if new { (t!(t, "plan-new-service")) } @else { (t!(t, "plan-service")) " " code { (text_of(row.get("id"))) } } }
            (f.row_error(base))
            @if new {
                (f.input(&t!(t, "plan-service-id"), &format!("{base}.id"), &text_of(row.get("id")), "text"))
            } @else {
                input type="hidden" name={ (base) ".id" } value=(text_of(row.get("id")));
            }
            (languages(f, &t!(t, "plan-name"), &format!("{base}.name"), row.get("name")))
            div.cols {
                (f.input(&t!(t, "plan-minutes"), &format!("{base}.minutes"), &text_of(row.get("minutes")), "number"))
                (f.input(&t!(t, "plan-max-persons"), &format!("{base}.max_persons"), &text_of(row.get("max_persons")), "number"))
            }
            (languages(f, &t!(t, "plan-bring"), &format!("{base}.bring"), row.get("bring")))
            @if !row.is_empty() { (remove(t, base)) }
        }
    }
}

/// A counter's part of the form; a `new` one (not in the stored plan, or the
/// blank one to add a counter) has its id to type.
fn counter_section(
    f: &Form<'_>,
    i: usize,
    c: &Table,
    (stored, stored_services): &(bool, Vec<bool>),
) -> Markup {
    let new = !stored;
    let t = f.t;
    let base = format!("counter.{i}");
    let name = in_lang(c.get("name"), t.lang);
    let name = if name.is_empty() {
        in_lang(c.get("name"), Language::De)
    } else {
        name
    };
    let title = if c.is_empty() {
        t!(t, "plan-new-counter")
    } else {
        t!(t, "plan-counter", name = name.as_str())
    };
    let hours = rows(c, "hours");
    let exceptions = rows(c, "exception");
    let services = rows(c, "service");
    html! {
        section.counter-plan aria-labelledby={ (id_of(&base)) "-title" } {
            h2 id={ (id_of(&base)) "-title" } { (title) }
            @if c.is_empty() { p.hint { (t!(t, "plan-new-counter-hint")) } }
            @if new {
                (f.input(&t!(t, "plan-service-id"), &format!("{base}.id"), &text_of(c.get("id")), "text"))
            } @else {
                input type="hidden" name={ (base) ".id" } value=(text_of(c.get("id")));
            }
            (f.row_error(&base))
            (languages(f, &t!(t, "plan-name"), &format!("{base}.name"), c.get("name")))
            div.cols {
                (f.input(&t!(t, "plan-grid"), &format!("{base}.grid_minutes"), &text_of(c.get("grid_minutes")), "number"))
                (f.input(&t!(t, "plan-prefix"), &format!("{base}.ticket_prefix"), &text_of(c.get("ticket_prefix")), "text"))
            }
            h3 { (t!(t, "plan-hours")) }
            p.hint { (t!(t, "plan-hours-hint")) }
            @for (j, h) in hours.iter().enumerate() { (hours_row(f, &format!("{base}.hours.{j}"), h, true)) }
            (hours_row(f, &format!("{base}.hours.{}", hours.len()), &Table::new(), false))
            h3 { (t!(t, "plan-exceptions")) }
            p.hint { (t!(t, "plan-exceptions-hint")) }
            @for (j, e) in exceptions.iter().enumerate() { (exception_row(f, &format!("{base}.exception.{j}"), e, true)) }
            (exception_row(f, &format!("{base}.exception.{}", exceptions.len()), &Table::new(), false))
            h3 { (t!(t, "plan-services")) }
            @for (j, s) in services.iter().enumerate() { (service_row(f, &format!("{base}.service.{j}"), s, !stored_services.get(j).copied().unwrap_or(false))) }
            (service_row(f, &format!("{base}.service.{}", services.len()), &Table::new(), true))
        }
    }
}

fn rules_section(f: &Form<'_>, plan: &Table) -> Markup {
    let t = f.t;
    let v = |k: &str| text_of(plan.get(k));
    let sub = |table: &str, k: &str| text_of(plan.get(table).and_then(|x| x.get(k)));
    html! {
        section aria-labelledby="p-rules-title" {
            h2 #p-rules-title { (t!(t, "plan-section-office")) }
            input type="hidden" name="timezone" value=(v("timezone"));
            input type="hidden" name="state" value=(v("state"));
            p.hint { (t!(t, "plan-zone", zone = v("timezone"), state = v("state"))) }
            (f.input(&t!(t, "plan-office-name"), "name", &v("name"), "text"))
            (f.input(&t!(t, "plan-address"), "address", &v("address"), "text"))
            div.cols {
                (f.input(&t!(t, "plan-email"), "email", &v("email"), "email"))
                (f.input(&t!(t, "plan-sender"), "sender", &v("sender"), "email"))
            }
            h3 { (t!(t, "plan-section-rules")) }
            div.cols {
                (f.input(&t!(t, "plan-notice"), "min_notice_minutes", &v("min_notice_minutes"), "number"))
                (f.input(&t!(t, "plan-horizon"), "horizon_days", &v("horizon_days"), "number"))
                (f.input(&t!(t, "plan-release"), "release_time", &v("release_time"), "time"))
                (f.input(&t!(t, "plan-confirm"), "confirm_within_minutes", &v("confirm_within_minutes"), "number"))
                (f.input(&t!(t, "plan-per-email"), "max_active_bookings_per_email", &v("max_active_bookings_per_email"), "number"))
                (f.input(&t!(t, "plan-hold"), "hold_minutes", &v("hold_minutes"), "number"))
                (f.input(&t!(t, "plan-reminder"), "reminder_hours", &v("reminder_hours"), "number"))
                (f.input(&t!(t, "plan-arrivals-per"), "arrivals.per_minutes", &sub("arrivals", "per_minutes"), "number"))
                (f.input(&t!(t, "plan-arrivals-max"), "arrivals.max", &sub("arrivals", "max"), "number"))
            }
            h3 { (t!(t, "plan-section-queue")) }
            div.cols {
                (f.input(&t!(t, "plan-early"), "queue.early_minutes", &sub("queue", "early_minutes"), "number"))
                (f.input(&t!(t, "plan-late"), "queue.late_minutes", &sub("queue", "late_minutes"), "number"))
                (f.input(&t!(t, "plan-recall"), "queue.recall_minutes", &sub("queue", "recall_minutes"), "number"))
                (f.input(&t!(t, "plan-max-calls"), "queue.max_calls", &sub("queue", "max_calls"), "number"))
            }
            (f.lines(&t!(t, "plan-desk-names"), &t!(t, "plan-one-per-line"), "queue.desks", &sub("queue", "desks")))
            h3 { (t!(t, "plan-section-days")) }
            div.cols {
                (f.lines(&t!(t, "plan-closed"), &t!(t, "plan-dates-hint"), "closed", &v("closed")))
                (f.lines(&t!(t, "plan-open"), &t!(t, "plan-dates-hint"), "open", &v("open")))
            }
        }
    }
}

/// One hour of a counter's preview: "3/2" (desks/online) before → after.
fn staffed(t: &Texts, (desks, online): (u32, u32)) -> String {
    if desks == 0 && online == 0 {
        t!(t, "week-closed")
    } else {
        format!("{desks}/{online}")
    }
}

fn preview(t: &Texts, office: &Office, p: &Preview) -> Markup {
    html! {
        section #p-preview aria-labelledby="p-preview-title" {
            h2 #p-preview-title { (t!(t, "plan-preview-title", date = t.long_date(p.monday))) }
            p.hint { (t!(t, "plan-preview-legend")) }
            @for (counter, before, after) in &p.weeks {
                @let name = p.after.counter(counter).or(office.counter(counter)).map_or(counter.as_str(), |c| c.name.get(t.lang));
                @let hours: Vec<usize> = (0..24).filter(|h| (0..7).any(|d| before[d][*h] != (0, 0) || after[d][*h] != (0, 0))).collect();
                div.scroll {
                    table.heat {
                        caption { bdi { (name) } }
                        thead { tr {
                            th scope="col" { (t!(t, "week-hour")) }
                            @for d in 0..7 {
                                @let day = p.monday + Duration::days(d as i64);
                                th scope="col" { abbr title=(t.weekday(d)) { (t.weekday_short(d)) } " " (day.format("%d.%m.")) }
                            }
                        } }
                        tbody {
                            @for h in &hours {
                                tr {
                                    th scope="row" { (format!("{h:02}:00")) }
                                    @for d in 0..7 {
                                        @let (a, b) = (before[d][*h], after[d][*h]);
                                        @if a == b {
                                            td.load { (staffed(t, a)) }
                                        } @else {
                                            td class="load changed" { (staffed(t, a)) " → " strong { (staffed(t, b)) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if p.stranded.is_empty() {
                p.notice.ok { (t!(t, "plan-no-conflicts")) }
            }
        }
    }
}

fn conflicts(t: &Texts, office: &Office, e: &Editor<'_>) -> Markup {
    let tz = office.timezone;
    html! {
        @if !e.conflicts.is_empty() {
            fieldset #p-conflicts {
                legend { (t!(t, "plan-conflicts-title", n = e.conflicts.len())) }
                p { (t!(t, "plan-conflicts-lead")) }
                div.field {
                    label for="p-decide-all" { (t!(t, "plan-decide-all")) }
                    select #p-decide-all name="decide_all" {
                        option value="" selected[e.decide_all.is_none()] { (t!(t, "plan-decide-each")) }
                        option value="move" selected[e.decide_all == Some(Decision::Move)] { (t!(t, "plan-decide-move")) }
                        option value="cancel" selected[e.decide_all == Some(Decision::Cancel)] { (t!(t, "plan-decide-cancel")) }
                    }
                }
                div.scroll {
                    table {
                        caption.sr-only { (t!(t, "plan-conflicts-title", n = e.conflicts.len())) }
                        thead { tr {
                            th scope="col" { (t!(t, "plan-conflict-when")) }
                            th scope="col" { (t!(t, "plan-conflict-counter")) }
                            th scope="col" { (t!(t, "plan-conflict-services")) }
                            th scope="col" { (t!(t, "fact-persons")) }
                            th scope="col" { (t!(t, "plan-conflict-decision")) }
                        } }
                        tbody {
                            @for c in e.conflicts {
                                @let chosen = e.decisions.get(&c.booking).map(|(d, _)| *d);
                                @let id = format!("p-decision-{}", c.booking);
                                tr {
                                    th scope="row" { (t.when(c.start.with_timezone(&tz))) }
                                    td { (office.counter(&c.counter).map_or(c.counter.as_str(), |x| x.name.get(t.lang))) }
                                    td { (crate::booking::service_names(office, &c.services.iter().map(String::as_str).collect::<Vec<_>>(), t.lang).join(", ")) }
                                    td { (c.persons) }
                                    td {
                                        label.sr-only for=(id) { (t!(t, "plan-conflict-decision")) " " (t.when(c.start.with_timezone(&tz))) }
                                        select id=(id) name={ "decision." (c.booking) } {
                                            option value="" selected[chosen.is_none()] { (t!(t, "plan-decide-open")) }
                                            option value="move" selected[chosen == Some(Decision::Move)] { (t!(t, "plan-decide-move")) }
                                            option value="cancel" selected[chosen == Some(Decision::Cancel)] { (t!(t, "plan-decide-cancel")) }
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

fn revisions(t: &Texts, office: &Office, list: &[PlanRevision]) -> Markup {
    let tz = office.timezone;
    let when = |at: i64| {
        chrono::DateTime::from_timestamp(at, 0)
            .map(|d| t.when(d.with_timezone(&tz)))
            .unwrap_or_default()
    };
    html! {
        section aria-labelledby="p-revisions-title" {
            h2 #p-revisions-title { (t!(t, "plan-revisions-title")) }
            div.scroll {
                table {
                    thead { tr {
                        th scope="col" { (t!(t, "plan-revision")) }
                        th scope="col" { (t!(t, "plan-revision-when")) }
                        th scope="col" { (t!(t, "plan-revision-who")) }
                        th scope="col" { (t!(t, "plan-effective-from")) }
                        th scope="col" { (t!(t, "plan-note")) }
                        th scope="col" { (t!(t, "plan-revision-bookings")) }
                    } }
                    tbody {
                        @for r in list {
                            tr {
                                th scope="row" { a href={ "/staff/" (office.id) "/plan/revisions/" (r.revision) } { (t!(t, "plan-compare", revision = r.revision)) } }
                                td { (when(r.created_at)) }
                                td { bdi { (r.actor_label) } }
                                td { (r.effective_from.as_deref().unwrap_or("–")) }
                                td { bdi { (r.note) } }
                                td { (t!(t, "plan-revision-moved", moved = r.moved, cancelled = r.cancelled)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub fn editor(t: &Texts, nav: &Nav<'_>, e: &Editor<'_>) -> Markup {
    let office = e.office;
    let mut errors: HashMap<String, Vec<String>> = HashMap::new();
    let mut summary = Vec::new();
    for m in e.mistakes {
        let field = field_of(e.plan, &office.id, &m.place);
        let id = field.as_deref().map_or_else(|| "p-form".to_string(), id_of);
        let message = t.message(&m.message);
        let shown = if m.place.is_empty() {
            message.clone()
        } else {
            format!("{}: {message}", m.place)
        };
        summary.push((id, shown));
        if let Some(f) = field {
            errors.entry(f).or_default().push(message);
        }
    }
    let f = Form { t, errors };
    let here = format!("/staff/{}/plan", office.id);
    let counters = rows(e.plan, "counter");
    let stored = stored_rows(office, &counters);
    let body = html! {
        div.wide {
            @if !summary.is_empty() { (error_summary(t, &summary)) }
            @if let Some((text, ok)) = &e.notice { (flash(Some(text), *ok)) }
            p { (t!(t, "plan-lead", revision = e.revision)) }
            @if let Some(p) = e.preview { (preview(t, office, p)) }
            form #p-form method="post" action=(here) novalidate {
                (csrf_field(e.csrf))
                input type="hidden" name="revision" value=(e.revision);
                (conflicts(t, office, e))
                @if !e.conflicts.is_empty() {
                    (f.input(&t!(t, "plan-reason"), "reason", e.reason, "text"))
                }
                fieldset #p-saving {
                    legend { (t!(t, "plan-saving")) }
                    (f.input(&t!(t, "plan-effective-from"), "effective_from", &e.effective_from.map(|d| d.to_string()).unwrap_or_default(), "date"))
                    p.hint { (t!(t, "plan-effective-hint")) }
                    (f.input(&t!(t, "plan-note"), "note", e.note, "text"))
                    p.actions {
                        button.secondary type="submit" name="do" value="preview" { (t!(t, "plan-preview")) }
                        button type="submit" name="do" value="save" { (t!(t, "plan-save")) }
                    }
                }
                (rules_section(&f, e.plan))
                @for ((i, c), stored) in counters.iter().enumerate().zip(&stored) {
                    (counter_section(&f, i, c, stored))
                }
                (counter_section(&f, counters.len(), &Table::new(), &(false, Vec::new())))
                p.actions {
                    button.secondary type="submit" name="do" value="preview" { (t!(t, "plan-preview")) }
                    button type="submit" name="do" value="save" { (t!(t, "plan-save")) }
                }
            }
            (revisions(t, office, e.revisions))
        }
    };
    staff_page(
        t,
        nav,
        &here,
        &t!(t, "plan-title", office = office.name.as_str()),
        body,
    )
}

/// One revision against the one before it, as office files, line by line.
pub fn compare(
    t: &Texts,
    nav: &Nav<'_>,
    office: &Office,
    r: &PlanRevision,
    file: &str,
    before: Option<&str>,
) -> Markup {
    let lines = diff(before.unwrap_or(""), file);
    let body = html! {
        div.wide {
            p { a href={ "/staff/" (office.id) "/plan" } { (t!(t, "plan-back")) } }
            p { (t!(t, "plan-compare-lead", who = r.actor_label.as_str(), note = r.note.as_str())) }
            @if before.is_none() { p.hint { (t!(t, "plan-compare-first")) } }
            p.hint { (t!(t, "plan-compare-legend")) }
            pre.diff {
                @for (kind, line) in &lines {
                    @match kind {
                        Line::Same => span { "  " (line) "\n" },
                        Line::Removed => del { "- " (line) "\n" },
                        Line::Added => ins { "+ " (line) "\n" },
                    }
                }
            }
        }
    };
    staff_page(
        t,
        nav,
        &format!("/staff/{}/plan/revisions/{}", office.id, r.revision),
        &t!(
            t,
            "plan-compare-title",
            office = office.name.as_str(),
            revision = r.revision
        ),
        body,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistakes_place_names_its_field_in_the_form() {
        let file = crate::domain::officefile::render(
            &crate::domain::officefile::parse(crate::DEMO_OFFICES).unwrap(),
        );
        let root: Table = toml::from_str(&file).unwrap();
        let office = root["office"].as_array().unwrap()[0]
            .as_table()
            .unwrap()
            .clone();
        let id = office["id"].as_str().unwrap().to_string();
        let c1 = office["counter"].as_array().unwrap()[0]["id"]
            .as_str()
            .unwrap()
            .to_string();
        let s1 = office["counter"].as_array().unwrap()[0]["service"]
            .as_array()
            .unwrap()[0]["id"]
            .as_str()
            .unwrap()
            .to_string();
        let at = |place: &str| field_of(&office, &id, place);
        assert_eq!(
            at(&format!("office {id}, horizon_days")).as_deref(),
            Some("horizon_days")
        );
        assert_eq!(
            at(&format!("office {id}, queue, max_calls")).as_deref(),
            Some("queue.max_calls")
        );
        assert_eq!(
            at(&format!("office {id}, counter {c1}, hours #2, desks")).as_deref(),
            Some("counter.0.hours.1.desks")
        );
        assert_eq!(
            at(&format!(
                "office {id}, counter {c1}, service {s1}, name, de"
            ))
            .as_deref(),
            Some("counter.0.service.0.name.de")
        );
        assert_eq!(at("effective_from").as_deref(), Some("effective_from"));
        assert_eq!(at("somewhere else"), None);
    }
}
