//! Delivery through a real SMTP server (aiosmtpd, started by the tests): arrival with the
//! calendar file and working links, a temporary refusal, a server that was down, two workers.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use axum::http::StatusCode;
use chrono::Duration as Span;

use termin::mail::{worker, Mailer, Sent};
use termin::store::Store;

use crate::support::{read_mail, scratch_dir, token_in, Db, TestApp};

/// A running test SMTP server and the folder it writes received mails to.
pub(crate) struct SmtpServer {
    child: Child,
    maildir: PathBuf,
}

impl SmtpServer {
    /// Start on `port`; the first `fail_first` messages get a 451. `None` when the
    /// server cannot run here (no python3 with aiosmtpd) and that is allowed.
    pub(crate) fn start(port: u16, maildir: &Path, fail_first: u32) -> Option<SmtpServer> {
        SmtpServer::start_with(port, maildir, fail_first, 451)
    }

    /// As [`SmtpServer::start`], refusing with `code` (451 or 550).
    fn start_with(port: u16, maildir: &Path, fail_first: u32, code: u16) -> Option<SmtpServer> {
        let python = std::env::var("TERMIN_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp_server.py");
        let spawned = Command::new(&python)
            .args([
                script,
                &port.to_string(),
                &maildir.display().to_string(),
                &fail_first.to_string(),
                &code.to_string(),
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn();
        let mut child = match spawned {
            Ok(child) => child,
            Err(e) => return skip(&format!("cannot start {python}: {e}")),
        };
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        if line.trim() != "ready" {
            let _ = child.kill();
            return skip("the SMTP test server did not start (is aiosmtpd installed?)");
        }
        Some(SmtpServer {
            child,
            maildir: maildir.to_path_buf(),
        })
    }

    pub(crate) fn received(&self) -> Vec<Sent> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.maildir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|p| Sent {
                recipient: String::new(),
                message: std::fs::read(p).unwrap(),
            })
            .collect()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn skip(why: &str) -> Option<SmtpServer> {
    if std::env::var("TERMIN_TEST_SMTP_REQUIRED").is_ok_and(|v| v == "1") {
        panic!("{why}");
    }
    eprintln!("skipped: {why}");
    None
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn smtp(port: u16) -> Mailer {
    Mailer::smtp(&format!("smtp://127.0.0.1:{port}"), Duration::from_secs(5)).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mails_reach_a_real_smtp_server_with_their_calendar_file_and_working_links() {
    let dir = scratch_dir();
    let port = free_port();
    let Some(server) = SmtpServer::start(port, &dir.join("inbox"), 0) else {
        return;
    };
    let db = Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    t.confirm_at_once().await;
    assert_eq!(
        t.book("2026-12-02T09:00:00+01:00", "anna@example.org")
            .await
            .status,
        StatusCode::CREATED
    );
    let mailer = smtp(port);
    assert_eq!(worker::deliver_due(&t.app, &mailer).await.unwrap(), 1);

    let received = server.received();
    assert_eq!(received.len(), 1);
    let mail = read_mail(&received[0]);
    assert_eq!(mail.to, "anna@example.org");
    assert!(mail.subject.starts_with("Ihr Termin ist bestätigt"));
    assert!(mail
        .calendar
        .as_deref()
        .is_some_and(|c| c.contains("DTSTART:20261202T080000Z")));
    // The link in the mail works, as the citizen follows it.
    let token = token_in(&mail);
    let read = t
        .call("GET", &format!("/api/v1/bookings/{token}"), None)
        .await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.json["status"], "confirmed");
    db.drop().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_answers_451_first_gets_the_mail_exactly_once() {
    let dir = scratch_dir();
    let port = free_port();
    let Some(server) = SmtpServer::start(port, &dir.join("inbox"), 1) else {
        return;
    };
    let db = Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    t.book("2026-12-02T09:00:00+01:00", "anna@example.org")
        .await;
    let mailer = smtp(port);
    assert_eq!(
        worker::deliver_due(&t.app, &mailer).await.unwrap(),
        0,
        "451: later"
    );
    assert!(server.received().is_empty());
    assert_eq!(
        worker::deliver_due(&t.app, &mailer).await.unwrap(),
        0,
        "not due yet"
    );
    t.clock.advance(Span::minutes(2));
    assert_eq!(worker::deliver_due(&t.app, &mailer).await.unwrap(), 1);
    t.clock.advance(Span::hours(2));
    assert_eq!(worker::deliver_due(&t.app, &mailer).await.unwrap(), 0);
    assert_eq!(server.received().len(), 1);
    db.drop().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_was_down_gets_the_mail_when_it_is_back() {
    let dir = scratch_dir();
    let port = free_port();
    let db = Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    t.book("2026-12-02T09:00:00+01:00", "anna@example.org")
        .await;
    let mailer = smtp(port);
    // Nobody listens: the connection is refused, the mail waits.
    assert_eq!(worker::deliver_due(&t.app, &mailer).await.unwrap(), 0);
    t.clock.advance(Span::minutes(1));
    assert_eq!(worker::deliver_due(&t.app, &mailer).await.unwrap(), 0);
    assert_eq!(t.app.store.mail_pending().await.unwrap(), 1);
    let Some(server) = SmtpServer::start(port, &dir.join("inbox"), 0) else {
        db.drop().await;
        return;
    };
    t.clock.advance(Span::minutes(5));
    assert_eq!(worker::deliver_due(&t.app, &mailer).await.unwrap(), 1);
    assert_eq!(server.received().len(), 1);
    assert_eq!(t.app.store.mail_pending().await.unwrap(), 0);
    db.drop().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_workers_on_one_postgres_send_each_mail_exactly_once() {
    if crate::support::postgres_server().is_none() {
        return;
    }
    let dir = scratch_dir();
    let port = free_port();
    let Some(server) = SmtpServer::start(port, &dir.join("inbox"), 0) else {
        return;
    };
    let db = Db::postgres().await.unwrap();
    let t = TestApp::new(db.store.clone()).await;
    let mut booked = 0;
    for day in ["2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07"] {
        for hour in ["08", "09", "10", "11"] {
            let email = format!("p{day}{hour}@example.org");
            let a = t.book(&format!("{day}T{hour}:00:00+01:00"), &email).await;
            assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
            booked += 1;
        }
    }
    // A second instance: its own pool on the same database.
    let other = Store::connect(&db.url).await.unwrap();
    let other_app =
        termin::app::App::new(other.clone(), t.app.clock.clone(), (*t.app.config).clone());
    let (one, two) = (smtp(port), smtp(port));
    let (a, b) = tokio::join!(
        worker::deliver_due(&t.app, &one),
        worker::deliver_due(&other_app, &two),
    );
    assert_eq!(a.unwrap() + b.unwrap(), booked);
    let ids: std::collections::HashSet<String> = server
        .received()
        .iter()
        .map(|m| read_mail(m).message_id)
        .collect();
    assert_eq!(server.received().len(), booked);
    assert_eq!(ids.len(), booked, "no mail twice");
    other.close().await;
    db.drop().await;
    crate::support::ran_on_postgres("smtp::two_workers_on_one_postgres");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_permanent_refusal_marks_the_mail_failed_with_the_reason() {
    let dir = scratch_dir();
    let port = free_port();
    let Some(server) = SmtpServer::start_with(port, &dir.join("inbox"), 1, 550) else {
        return;
    };
    let db = Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    t.book("2026-12-02T09:00:00+01:00", "anna@example.org")
        .await;
    let mailer = smtp(port);
    assert_eq!(worker::deliver_due(&t.app, &mailer).await.unwrap(), 0);
    t.clock.advance(Span::hours(3));
    assert_eq!(
        worker::deliver_due(&t.app, &mailer).await.unwrap(),
        0,
        "not tried again"
    );
    assert!(server.received().is_empty());
    let failed = crate::support::texts(
        &t.app.store,
        "SELECT last_error FROM outbox WHERE status = 'failed'",
    )
    .await;
    assert_eq!(failed.len(), 1);
    assert!(
        failed[0].as_deref().is_some_and(|e| e.contains("550")),
        "{failed:?}"
    );
    db.drop().await;
    let _ = std::fs::remove_dir_all(dir);
}
