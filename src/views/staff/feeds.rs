//! A head's calendar feeds: each counter's appointments for the city's
//! groupware, behind a secret URL shown once when it is made.

use chrono::DateTime;
use maud::{html, Markup};

use super::{flash, staff_page, Nav};
use crate::domain::Office;
use crate::i18n::Texts;
use crate::store::{FeedRow, WebhookRow};
use crate::t;
use crate::views::components::csrf_field;

/// What the feeds page shows.
pub struct Feeds<'a> {
    pub office: &'a Office,
    pub feeds: &'a [FeedRow],
    pub hooks: &'a [WebhookRow],
    /// The URL of a feed just made, shown this once.
    pub made: Option<String>,
    /// The key of a webhook just added, shown this once.
    pub made_key: Option<String>,
    /// What was just done, or why not.
    pub notice: Option<(String, bool)>,
}

fn list(t: &Texts, f: &Feeds<'_>, csrf: &str) -> Markup {
    let o = f.office;
    let open: Vec<&FeedRow> = f.feeds.iter().filter(|x| x.revoked_at.is_none()).collect();
    html! {
        @if open.is_empty() { p { (t!(t, "feeds-none")) } } @else {
            div.scroll {
                table {
                    caption { (t!(t, "feeds-list")) }
                    thead { tr {
                        th scope="col" { (t!(t, "label")) }
                        th scope="col" { (t!(t, "feeds-counter")) }
                        th scope="col" { (t!(t, "feeds-names")) }
                        th scope="col" { (t!(t, "feeds-made")) }
                        th scope="col" { (t!(t, "users-actions")) }
                    } }
                    tbody {
                        @for x in open {
                            @let counter = o.counter(&x.counter_id).map_or(x.counter_id.as_str(), |c| c.name.get(t.lang));
                            @let made = DateTime::from_timestamp(x.created_at, 0).unwrap_or_default().with_timezone(&o.timezone);
                            tr {
                                td { bdi { (x.label) } }
                                td { (counter) }
                                td { @if x.with_names == 1 { (t!(t, "feeds-with-names")) } @else { (t!(t, "feeds-without-names")) } }
                                td { (t.when(made)) " · " bdi { (x.created_by) } }
                                td {
                                    form.inline method="post" action={ "/staff/" (o.id) "/feeds/revoke" } {
                                        (csrf_field(csrf))
                                        input type="hidden" name="id" value=(x.id);
                                        button.secondary type="submit" aria-label=(t!(t, "revoke-what", what = x.label.as_str())) { (t!(t, "revoke")) }
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

fn add(t: &Texts, o: &Office, csrf: &str) -> Markup {
    html! {
        form.details method="post" action={ "/staff/" (o.id) "/feeds" } aria-labelledby="feeds-add" {
            h2 #feeds-add { (t!(t, "feeds-add")) }
            (csrf_field(csrf))
            div.field {
                label for="f-label" { (t!(t, "label")) }
                input #f-label type="text" name="label" required maxlength="100";
            }
            div.field {
                label for="f-counter" { (t!(t, "feeds-counter")) }
                select #f-counter name="counter" {
                    @for c in &o.counters { option value=(c.id) { (c.name.get(t.lang)) } }
                }
            }
            div.field {
                div.check {
                    input #f-names type="checkbox" name="with_names" value="1" aria-describedby="f-names-hint";
                    label for="f-names" { (t!(t, "feeds-names-choice")) }
                }
                p.hint #f-names-hint { (t!(t, "feeds-names-hint")) }
            }
            button type="submit" { (t!(t, "feeds-add-submit")) }
        }
    }
}

fn hooks(t: &Texts, f: &Feeds<'_>, csrf: &str) -> Markup {
    let o = f.office;
    let open: Vec<&WebhookRow> = f.hooks.iter().filter(|h| h.revoked_at.is_none()).collect();
    html! {
        h2 #hooks { (t!(t, "hooks-title")) }
        p { (t!(t, "hooks-intro")) }
        @if open.is_empty() { p { (t!(t, "hooks-none")) } } @else {
            div.scroll {
                table {
                    caption { (t!(t, "hooks-list")) }
                    thead { tr {
                        th scope="col" { (t!(t, "label")) }
                        th scope="col" { (t!(t, "hooks-url")) }
                        th scope="col" { (t!(t, "hooks-state")) }
                        th scope="col" { (t!(t, "users-actions")) }
                    } }
                    tbody {
                        @for h in open {
                            tr {
                                td { bdi { (h.label) } }
                                td { code { (h.url) } }
                                td {
                                    @match &h.last_error {
                                        Some(e) => { (t!(t, "hooks-failing", attempts = h.attempts)) " (" (e) ")" }
                                        None => { (t!(t, "hooks-ok")) }
                                    }
                                }
                                td {
                                    form.inline method="post" action={ "/staff/" (o.id) "/webhooks/revoke" } {
                                        (csrf_field(csrf))
                                        input type="hidden" name="id" value=(h.id);
                                        button.secondary type="submit" aria-label=(t!(t, "revoke-what", what = h.label.as_str())) { (t!(t, "revoke")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        form.details method="post" action={ "/staff/" (o.id) "/webhooks" } aria-labelledby="hooks-add" {
            h3 #hooks-add { (t!(t, "hooks-add")) }
            (csrf_field(csrf))
            div.field {
                label for="h-label" { (t!(t, "label")) }
                input #h-label type="text" name="label" required maxlength="100";
            }
            div.field {
                label for="h-url" { (t!(t, "hooks-url")) }
                input #h-url type="url" name="url" required maxlength="2000" inputmode="url" autocomplete="off";
            }
            button type="submit" { (t!(t, "hooks-add-submit")) }
        }
    }
}

/// The feeds page: the URL of one just made (once), the feeds, a form for another.
pub fn feeds(t: &Texts, nav: &Nav<'_>, f: &Feeds<'_>, csrf: &str) -> Markup {
    let o = f.office;
    let body = html! {
        @if let Some((text, ok)) = &f.notice { (flash(Some(text), *ok)) }
        @if let Some(url) = &f.made {
            section.ticket role="status" aria-labelledby="shown" {
                h2 #shown { (t!(t, "feeds-made-title")) }
                p { (t!(t, "feeds-shown-once")) }
                p { code.secret { (url) } }
            }
        }
        @if let Some(key) = &f.made_key {
            section.ticket role="status" aria-labelledby="shown" {
                h2 #shown { (t!(t, "hooks-made-title")) }
                p { (t!(t, "hooks-shown-once")) }
                p { code.secret { (key) } }
            }
        }
        p { (t!(t, "feeds-intro")) }
        (list(t, f, csrf))
        (add(t, o, csrf))
        (hooks(t, f, csrf))
    };
    staff_page(
        t,
        nav,
        &format!("/staff/{}/feeds", o.id),
        &t!(t, "feeds-title", office = o.name.as_str()),
        body,
    )
}
