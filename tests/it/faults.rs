//! Proof under faults: the server killed (SIGKILL) again and again while
//! bookings pour in, on SQLite and on PostgreSQL. After every restart each
//! booking that was answered 201 is there and `termin check` finds the counters
//! in agreement; at the end every mail owed reached a real SMTP server.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::processes::Server;
use crate::smtp::{free_port, SmtpServer};
use crate::support::{postgres_server, read_mail, scratch_dir, texts, Db};

const ROUNDS: usize = 20;

/// `termin check` against `url`: the counters agree with the bookings.
fn check(dir: &Path, url: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_termin"))
        .current_dir(dir)
        .env("TERMIN_DATABASE_URL", url)
        .arg("check")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Free starts of the coming days at the test office, for the clients to race for.
async fn free_starts(server: &Server) -> Vec<String> {
    let today = chrono::Utc::now().date_naive();
    let (from, to) = (
        today + chrono::Duration::days(1),
        today + chrono::Duration::days(27),
    );
    let (status, a) = server
        .call(
            "GET",
            &format!("/api/v1/offices/test/availability?services=anmeldung&persons=1&from={from}&to={to}"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{a}");
    a["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["slots"].as_array().unwrap().iter())
        .map(|s| s["start"].as_str().unwrap().to_string())
        .collect()
}

async fn kill_rounds(url: &str, label: &str) {
    let dir = scratch_dir();
    let office = crate::support::TEST_OFFICE
        .replace("confirm_within_minutes = 30", "confirm_within_minutes = 0")
        .replace(
            "max_active_bookings_per_email = 2",
            "max_active_bookings_per_email = 100",
        )
        .replace("max = 4 }", "max = 10000 }")
        .replace("desks = 2\n    online = 1", "desks = 40\n    online = 40");
    std::fs::write(dir.join("offices.toml"), office).unwrap();
    let port = free_port();
    let Some(smtp) = SmtpServer::start(port, &dir.join("received"), 0) else {
        return;
    };
    let smtp_url = format!("smtp://127.0.0.1:{port}");
    let env = [
        ("TERMIN_DATABASE_URL", url),
        ("TERMIN_RATE_LIMITS", "off"),
        ("TERMIN_DEMO", "off"),
        ("TERMIN_SMTP_URL", smtp_url.as_str()),
    ];
    let import = Command::new(env!("CARGO_BIN_EXE_termin"))
        .current_dir(&dir)
        .envs(env)
        .args(["import", "offices.toml"])
        .output()
        .unwrap();
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );

    let mut acknowledged: BTreeSet<String> = BTreeSet::new();
    for round in 0..ROUNDS {
        let server = Server::start(&dir, &env);
        let starts = free_starts(&server).await;
        assert!(
            !starts.is_empty(),
            "{label}: the test office is booked out in round {round}"
        );
        let mut clients = tokio::task::JoinSet::new();
        for c in 0..4 {
            let (addr, starts) = (server.addr.clone(), starts.clone());
            clients.spawn(async move {
                let mut ok = Vec::new();
                for i in 0.. {
                    let start = &starts[(c * 7 + i * 13 + round) % starts.len()];
                    let body = json!({"office": "test", "services": ["anmeldung"], "persons": 1, "start": start,
                                      "name": "Fault Test", "email": format!("r{round}c{c}i{i}@example.org")});
                    // The connection may break when the server is killed: then there is no answer.
                    match tokio::time::timeout(Duration::from_secs(2), crate::processes::try_http(&addr, "POST", "/api/v1/bookings", &body)).await {
                        Ok(Some((201, v))) => ok.push(v["id"].as_str().unwrap().to_string()),
                        Ok(Some(_)) => {}
                        _ => break,
                    }
                    // A steady stream, not a flood: the point is the kill, not the rate.
                    tokio::time::sleep(Duration::from_millis(40)).await;
                }
                ok
            });
        }
        tokio::time::sleep(Duration::from_millis(300 + 37 * (round as u64 % 7))).await;
        server.kill();
        while let Some(ok) = clients.join_next().await {
            acknowledged.extend(ok.unwrap());
        }
        check(&dir, url);
    }
    assert!(
        acknowledged.len() >= ROUNDS,
        "the clients booked: {}",
        acknowledged.len()
    );

    // Once more, to let the outbox deliver what it owes (mails a killed process
    // had claimed go out when their lease runs out).
    let server = Server::start(&dir, &env);
    let store = termin::store::Store::connect(url).await.unwrap();
    let stored: BTreeSet<String> = texts(&store, "SELECT id FROM bookings")
        .await
        .into_iter()
        .flatten()
        .collect();
    let lost: Vec<&String> = acknowledged.difference(&stored).collect();
    assert!(
        lost.is_empty(),
        "{label}: answered 201 and gone after a kill: {lost:?}"
    );
    let owed = crate::support::number(
        &store,
        "SELECT COUNT(*) FROM outbox WHERE kind = 'confirmed'",
    )
    .await;
    let deadline = Instant::now() + Duration::from_secs(termin::mail::worker::LEASE as u64 + 30);
    while crate::support::number(&store, "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND due_at < 2000000000 AND kind = 'confirmed'").await > 0
        && Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    for sent in smtp.received() {
        *by_id.entry(read_mail(&sent).message_id).or_default() += 1;
    }
    let ids: BTreeSet<String> = texts(
        &store,
        "SELECT message_id FROM outbox WHERE kind = 'confirmed'",
    )
    .await
    .into_iter()
    .flatten()
    .map(|m| m.trim_matches(['<', '>']).to_string())
    .collect();
    let missing: Vec<&String> = ids.iter().filter(|m| !by_id.contains_key(*m)).collect();
    assert!(
        missing.is_empty(),
        "{label}: owed and never delivered: {missing:?}"
    );
    assert_eq!(ids.len() as i64, owed);
    // A kill in the middle of an SMTP dialogue can send that one mail again (with
    // the same Message-ID, which mail programs show once): at most one per kill.
    let twice: usize = by_id.values().map(|n| n - 1).sum();
    assert!(twice <= ROUNDS, "{label}: {twice} mails went out twice");
    server.kill();
    store.close().await;
    drop(smtp);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killed_twenty_times_under_bookings_sqlite_loses_nothing_acknowledged() {
    let dir = scratch_dir();
    let url = format!("sqlite://{}", dir.join("faults.db").display());
    kill_rounds(&url, "sqlite").await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killed_twenty_times_under_bookings_loses_nothing_acknowledged_on_postgres() {
    if postgres_server().is_none() {
        return;
    }
    let db = Db::postgres().await.unwrap();
    kill_rounds(&db.url.clone(), "postgres").await;
    db.drop().await;
    crate::support::ran_on_postgres(
        "faults::killed_twenty_times_under_bookings_loses_nothing_acknowledged_on_postgres",
    );
}
