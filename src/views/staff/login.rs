//! Signing in, and the start page of the signed-in: the offices and what they may open.

use maud::{html, Markup};

use super::{staff_page, Nav};
use crate::domain::Permission;
use crate::i18n::Texts;
use crate::t;
use crate::views::components::csrf_field;
use crate::views::page;

/// The login form; `problem` says why the last try failed, `notice` why
/// the visitor is here (signed out, or the session ended).
pub fn login(
    t: &Texts,
    email: &str,
    problem: Option<&str>,
    notice: Option<&str>,
    next: &str,
    csrf: &str,
) -> Markup {
    let body = html! {
        @if let Some(n) = notice { p.notice role="status" { (n) } }
        @if let Some(p) = problem {
            div.error-summary role="alert" aria-labelledby="login-problem" {
                h2 #login-problem { (t!(t, "login-failed")) }
                p { (p) }
            }
        }
        form.details method="post" action="/staff/login" {
            (csrf_field(csrf))
            input type="hidden" name="next" value=(next);
            div.field {
                label for="l-email" { (t!(t, "login-email")) }
                input #l-email type="email" name="email" autocomplete="username" required value=(email);
            }
            div.field {
                label for="l-password" { (t!(t, "login-password")) }
                input #l-password type="password" name="password" autocomplete="current-password" required;
            }
            button type="submit" { (t!(t, "login-submit")) }
        }
    };
    page(t, "/staff/login", &t!(t, "login-title"), body)
}

/// The start page: per office, the pages the user may open.
pub fn index(t: &Texts, nav: &Nav<'_>) -> Markup {
    let body = html! {
        @for o in nav.offices {
            section.counter aria-labelledby={ "office-" (o.id) } {
                h2 #{ "office-" (o.id) } { bdi { (o.name) } }
                ul {
                    @if nav.staff.may(Permission::Desk, &o.id) {
                        li { a href={ "/staff/" (o.id) "/today" } { (t!(t, "staff-today")) } }
                        li { a href={ "/staff/" (o.id) "/desk" } { (t!(t, "staff-desk")) } }
                    }
                    @if nav.staff.may(Permission::FrontDesk, &o.id) {
                        li { a href={ "/staff/" (o.id) "/checkin" } { (t!(t, "staff-checkin")) } }
                    }
                    li { a href={ "/display/" (o.id) } { (t!(t, "staff-display")) } }
                    @if nav.staff.may(Permission::Statistics, &o.id) {
                        li { a href={ "/staff/" (o.id) "/week" } { (t!(t, "staff-week")) } }
                        li { a href={ "/staff/" (o.id) "/statistics" } { (t!(t, "staff-statistics")) } }
                    }
                }
            }
        }
    };
    staff_page(t, nav, "/staff", &t!(t, "staff-index-title"), body)
}
