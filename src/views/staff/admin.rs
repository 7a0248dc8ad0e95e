//! The audit log, and the page where heads and admins manage the people and
//! devices that act on the staff side: users, API keys and kiosks.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use maud::{html, Markup};

use super::{flash, staff_page, Nav};
use crate::domain::{Office, Role};
use crate::i18n::Texts;
use crate::staff::UserError;
use crate::store::{ApiKey, AuditRow, KioskRow, UserRow};
use crate::t;
use crate::views::components::csrf_field;

fn local(at: i64, tz: Tz) -> String {
    DateTime::<Utc>::from_timestamp(at, 0)
        .unwrap_or_default()
        .with_timezone(&tz)
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

/// What the audit page was asked for.
pub struct AuditQuery<'a> {
    pub office: Option<&'a str>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The audit log: a filter, and the entries newest first.
pub fn audit(t: &Texts, nav: &Nav<'_>, q: &AuditQuery<'_>, rows: &[AuditRow], tz: Tz) -> Markup {
    let body = html! {
        form.details method="get" action="/staff/audit" {
            @if nav.staff.office.is_none() {
                div.field {
                    label for="a-office" { (t!(t, "audit-office")) }
                    select #a-office name="office" {
                        option value="" { (t!(t, "audit-every-office")) }
                        @for o in nav.offices {
                            option value=(o.id) selected[q.office == Some(o.id.as_str())] { (o.name) }
                        }
                    }
                }
            }
            div.field {
                label for="a-from" { (t!(t, "audit-from")) }
                input #a-from type="date" name="from" value=(q.from);
            }
            div.field {
                label for="a-to" { (t!(t, "audit-to")) }
                input #a-to type="date" name="to" value=(q.to);
            }
            button type="submit" { (t!(t, "audit-show")) }
        }
        @if rows.is_empty() {
            p { (t!(t, "audit-none")) }
        } @else {
            div.scroll.wide {
                table.audit {
                    caption { (t!(t, "audit-count", n = rows.len())) }
                    thead { tr {
                        th scope="col" { (t!(t, "audit-when")) }
                        th scope="col" { (t!(t, "audit-who")) }
                        th scope="col" { (t!(t, "audit-what")) }
                        th scope="col" { (t!(t, "audit-office")) }
                        th scope="col" { (t!(t, "audit-ticket")) }
                        th scope="col" { (t!(t, "audit-detail")) }
                    } }
                    tbody {
                        @for r in rows {
                            tr {
                                td { time datetime=(local(r.at, tz)) { (local(r.at, tz)) } }
                                td { bdi { (r.actor_label) } }
                                td { code { (r.action) } }
                                td { (r.office_id.as_deref().unwrap_or("–")) }
                                td { (r.ticket_number.as_deref().unwrap_or("")) }
                                td { bdi { (r.detail) } }
                            }
                        }
                    }
                }
            }
        }
    };
    staff_page(t, nav, "/staff/audit", &t!(t, "audit-title"), body)
}

/// A secret shown once, right after it was made (a password, a key, a kiosk's token).
pub struct Shown {
    pub what: String,
    pub secret: String,
}

/// What the users page lists: users the viewer may manage; for admins also
/// API keys and kiosks.
pub struct People<'a> {
    pub users: &'a [UserRow],
    pub keys: &'a [ApiKey],
    pub kiosks: &'a [KioskRow],
    /// The roles the viewer may give new users.
    pub roles: &'a [Role],
    pub shown: Option<Shown>,
    /// What was just done, or why not.
    pub notice: Option<(String, bool)>,
}

fn office_select(t: &Texts, id: &str, offices: &[Office], every: bool) -> Markup {
    html! {
        select id=(id) name="office" {
            @if every { option value="" { (t!(t, "audit-every-office")) } }
            @for o in offices { option value=(o.id) { (o.name) } }
        }
    }
}

fn user_rows(t: &Texts, p: &People<'_>, csrf: &str) -> Markup {
    html! {
        div.scroll {
            table {
                caption { (t!(t, "users-list")) }
                thead { tr {
                    th scope="col" { (t!(t, "login-email")) }
                    th scope="col" { (t!(t, "users-role")) }
                    th scope="col" { (t!(t, "audit-office")) }
                    th scope="col" { (t!(t, "users-state")) }
                    th scope="col" { (t!(t, "users-actions")) }
                } }
                tbody {
                    @for u in p.users {
                        tr {
                            td { bdi { (u.email) } }
                            td { (u.role) }
                            td { (u.office_id.as_deref().unwrap_or("–")) }
                            td { @if u.disabled_at.is_some() { (t!(t, "users-disabled")) } @else { (t!(t, "users-active")) } }
                            td {
                                @if u.disabled_at.is_none() {
                                    form.inline method="post" action="/staff/users/reset" {
                                        (csrf_field(csrf))
                                        input type="hidden" name="email" value=(u.email);
                                        button.secondary type="submit" aria-label=(t!(t, "users-reset-who", who = u.email.as_str())) { (t!(t, "users-reset")) }
                                    }
                                    " "
                                    form.inline method="post" action="/staff/users/disable" {
                                        (csrf_field(csrf))
                                        input type="hidden" name="email" value=(u.email);
                                        button.secondary type="submit" aria-label=(t!(t, "users-disable-who", who = u.email.as_str())) { (t!(t, "users-disable")) }
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

fn add_user(t: &Texts, nav: &Nav<'_>, p: &People<'_>, csrf: &str) -> Markup {
    html! {
        form.details method="post" action="/staff/users" aria-labelledby="users-add" {
            h2 #users-add { (t!(t, "users-add")) }
            (csrf_field(csrf))
            div.field {
                label for="u-email" { (t!(t, "login-email")) }
                input #u-email type="email" name="email" autocomplete="off" required;
            }
            div.field {
                label for="u-role" { (t!(t, "users-role")) }
                select #u-role name="role" {
                    @for r in p.roles { option value=(r.as_str()) { (r.as_str()) } }
                }
            }
            div.field {
                label for="u-office" { (t!(t, "audit-office")) }
                p.hint #u-office-hint { (t!(t, "users-office-hint")) }
                (office_select(t, "u-office", nav.offices, nav.staff.office.is_none()))
            }
            p.hint { (t!(t, "users-password-hint")) }
            button type="submit" { (t!(t, "users-add-submit")) }
        }
    }
}

fn keys(t: &Texts, nav: &Nav<'_>, p: &People<'_>, csrf: &str) -> Markup {
    html! {
        h2 #keys { (t!(t, "keys-title")) }
        @if p.keys.is_empty() { p { (t!(t, "keys-none")) } } @else {
            ul {
                @for k in p.keys {
                    li {
                        bdi { (k.label) } " · " (k.role) " · " (k.office_id.as_deref().unwrap_or("–")) " "
                        form.inline method="post" action="/staff/keys/revoke" {
                            (csrf_field(csrf))
                            input type="hidden" name="id" value=(k.id);
                            button.secondary type="submit" aria-label=(t!(t, "revoke-what", what = k.label.as_str())) { (t!(t, "revoke")) }
                        }
                    }
                }
            }
        }
        form.details method="post" action="/staff/keys" aria-labelledby="keys-add" {
            h3 #keys-add { (t!(t, "keys-add")) }
            (csrf_field(csrf))
            div.field {
                label for="k-label" { (t!(t, "label")) }
                input #k-label type="text" name="label" required maxlength="100";
            }
            div.field {
                label for="k-role" { (t!(t, "users-role")) }
                select #k-role name="role" {
                    @for r in Role::KEY_ROLES { option value=(r.as_str()) { (r.as_str()) } }
                }
            }
            div.field {
                label for="k-office" { (t!(t, "audit-office")) }
                (office_select(t, "k-office", nav.offices, true))
            }
            button type="submit" { (t!(t, "keys-add-submit")) }
        }
    }
}

fn kiosks(t: &Texts, nav: &Nav<'_>, p: &People<'_>, csrf: &str) -> Markup {
    html! {
        h2 #kiosks { (t!(t, "kiosks-title")) }
        p { (t!(t, "kiosks-intro")) }
        @let open: Vec<_> = p.kiosks.iter().filter(|k| k.revoked_at.is_none()).collect();
        @if open.is_empty() { p { (t!(t, "kiosks-none")) } } @else {
            ul {
                @for k in open {
                    li {
                        bdi { (k.label) } " · " (k.office_id) " "
                        form.inline method="post" action="/staff/kiosks/revoke" {
                            (csrf_field(csrf))
                            input type="hidden" name="id" value=(k.id);
                            button.secondary type="submit" aria-label=(t!(t, "revoke-what", what = k.label.as_str())) { (t!(t, "revoke")) }
                        }
                    }
                }
            }
        }
        form.details method="post" action="/staff/kiosks" aria-labelledby="kiosks-add" {
            h3 #kiosks-add { (t!(t, "kiosks-add")) }
            (csrf_field(csrf))
            div.field {
                label for="ki-label" { (t!(t, "label")) }
                input #ki-label type="text" name="label" required maxlength="100";
            }
            div.field {
                label for="ki-office" { (t!(t, "audit-office")) }
                (office_select(t, "ki-office", nav.offices, false))
            }
            button type="submit" { (t!(t, "kiosks-add-submit")) }
        }
    }
}

/// Users (and for admins: API keys and kiosks), with a secret just made shown once.
pub fn people(t: &Texts, nav: &Nav<'_>, p: &People<'_>, csrf: &str) -> Markup {
    let body = html! {
        @if let Some((text, ok)) = &p.notice { (flash(Some(text), *ok)) }
        @if let Some(s) = &p.shown {
            section.ticket role="status" aria-labelledby="shown" {
                h2 #shown { (s.what) }
                p { (t!(t, "shown-once")) }
                p { code.secret { (s.secret) } }
            }
        }
        (user_rows(t, p, csrf))
        (add_user(t, nav, p, csrf))
        @if nav.staff.role == Role::Admin {
            (keys(t, nav, p, csrf))
            (kiosks(t, nav, p, csrf))
        }
    };
    staff_page(t, nav, "/staff/users", &t!(t, "users-title"), body)
}

/// Change one's own password.
pub fn password(t: &Texts, nav: &Nav<'_>, problem: Option<&str>, done: bool, csrf: &str) -> Markup {
    let body = html! {
        (flash(problem, false))
        @if done { (flash(Some(&t!(t, "password-changed")), true)) }
        form.details method="post" action="/staff/password" {
            (csrf_field(csrf))
            input type="text" name="username" autocomplete="username" value=(nav.staff.actor.label) hidden;
            div.field {
                label for="p-current" { (t!(t, "password-current")) }
                input #p-current type="password" name="current" autocomplete="current-password" required;
            }
            div.field {
                label for="p-new" { (t!(t, "password-new")) }
                p.hint #p-new-hint { (t!(t, "password-new-hint")) }
                input #p-new type="password" name="new" autocomplete="new-password" minlength="12" required aria-describedby="p-new-hint";
            }
            button type="submit" { (t!(t, "password-submit")) }
        }
    };
    staff_page(t, nav, "/staff/password", &t!(t, "password-title"), body)
}

/// Why adding, resetting or disabling a user, a key or a kiosk was refused.
pub fn user_problem(t: &Texts, e: &UserError) -> String {
    match e {
        UserError::Role | UserError::KeyRole => t!(t, "user-role"),
        UserError::Email(_) => t!(t, "user-email"),
        UserError::Office(_) => t!(t, "user-office"),
        UserError::OfficeMissing => t!(t, "user-office-missing"),
        UserError::WeakPassword => t!(t, "password-weak"),
        UserError::Exists => t!(t, "user-exists"),
        UserError::Unknown => t!(t, "user-unknown"),
        UserError::Label => t!(t, "user-label"),
        UserError::Forbidden => t!(t, "user-forbidden"),
        UserError::Store(_) => t!(t, "failed-text"),
    }
}
