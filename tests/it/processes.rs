//! The real `termin` binary over real sockets: first start, a kill that loses nothing,
//! and two instances sharing one PostgreSQL database.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::{postgres_server, scratch_dir, Db};
use termin::domain::Language;

/// A running `termin serve`.
pub(crate) struct Server {
    pub(crate) child: Child,
    pub(crate) addr: String,
    /// What it printed on standard output after the address, as it comes.
    output: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Server {
    pub(crate) fn start(dir: &Path, env: &[(&str, &str)]) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_termin"));
        cmd.current_dir(dir)
            .env("TERMIN_BIND", "127.0.0.1:0")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for key in termin::config::KEYS.iter().filter(|k| **k != "TERMIN_BIND") {
            cmd.env_remove(key);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("the termin binary");
        let stdout = child.stdout.take().unwrap();
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        // The rest is read as it comes (the demo's staff and their passwords).
        let output = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let lines = output.clone();
        std::thread::spawn(move || {
            for line in reader.lines().map_while(Result::ok) {
                lines.lock().unwrap().push(line);
            }
        });
        Server {
            child,
            addr,
            output,
        }
    }

    /// SIGKILL: no shutdown, no flushing, as in a crash.
    pub(crate) fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    pub(crate) async fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> (u16, Value) {
        http(&self.addr, method, path, body).await
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A small HTTP/1.1 client: one request per connection.
async fn http(addr: &str, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
    http_with(addr, method, path, body, "").await
}

async fn http_with(
    addr: &str,
    method: &str,
    path: &str,
    body: Option<&Value>,
    api_key: &str,
) -> (u16, Value) {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let body = body.map(Value::to_string).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\n{}Content-Length: {}\r\n\r\n{body}",
        if api_key.is_empty() { String::new() } else { format!("Authorization: Bearer {api_key}\r\n") },
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    let text = String::from_utf8_lossy(&raw);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let (head, rest) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let content = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(rest)
    } else {
        rest.to_string()
    };
    (
        status,
        serde_json::from_str(&content).unwrap_or(Value::Null),
    )
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

/// The first free start for a service, from the API.
async fn first_free(server: &Server, office: &str, service: &str) -> String {
    let (status, a) = server
        .call(
            "GET",
            &format!("/api/v1/offices/{office}/availability?services={service}"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{a}");
    let mut day = a["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["slots"].as_array().unwrap().iter());
    day.next().expect("a free slot in the coming two weeks")["start"]
        .as_str()
        .unwrap()
        .to_string()
}

fn mail_files(dir: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(dir.join("mail")) {
        Ok(entries) => entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect(),
        Err(_) => vec![],
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_machine_serves_the_demo_and_a_kill_loses_no_booking() {
    let dir = scratch_dir();
    let server = Server::start(&dir, &[]);
    let (status, offices) = server.call("GET", "/api/v1/offices", None).await;
    assert_eq!(status, 200);
    let ids: Vec<&str> = offices["offices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["mitte", "nordwest"]);
    assert!(dir.join("termin.db").exists());

    let start = first_free(&server, "mitte", "anmeldung").await;
    let body = json!({"office": "mitte", "services": ["anmeldung"], "persons": 1, "start": start,
                      "name": "Anna Beispiel", "email": "anna@example.org"});
    let (status, created) = server.call("POST", "/api/v1/bookings", Some(&body)).await;
    assert_eq!(status, 201, "{created}");
    server.kill();

    let server = Server::start(&dir, &[]);
    let (_, offices) = server.call("GET", "/api/v1/offices", None).await;
    assert_eq!(
        offices["offices"].as_array().unwrap().len(),
        2,
        "the demo is loaded once"
    );
    // The booking is there: the day's list, read with an API key made by the command line.
    let key = Command::new(env!("CARGO_BIN_EXE_termin"))
        .current_dir(&dir)
        .args(["apikey", "add", "--label", "test"])
        .output()
        .unwrap();
    assert!(key.status.success());
    let key = String::from_utf8(key.stdout).unwrap().trim().to_string();
    let date = &start[..10];
    let day = http_with(
        &server.addr,
        "GET",
        &format!("/api/v1/offices/mitte/appointments?date={date}"),
        None,
        &key,
    )
    .await;
    assert_eq!(day.0, 200, "{}", day.1);
    // The demo's own appointments of today may be on that day too.
    let ids: Vec<&Value> = day.1["appointments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["email"] == "anna@example.org")
        .map(|a| &a["id"])
        .collect();
    assert_eq!(ids, [&created["id"]]);

    // The mail it owes goes out once, also if the killed process had claimed it
    // (then after the claim's lease runs out). The demo's appointments of today
    // have mails of their own.
    let anna = |files: Vec<PathBuf>| -> Vec<PathBuf> {
        files
            .into_iter()
            .filter(|f| {
                String::from_utf8_lossy(&std::fs::read(f).unwrap()).contains("To: anna@example.org")
            })
            .collect()
    };
    let deadline = Instant::now() + Duration::from_secs(termin::mail::worker::LEASE as u64 + 20);
    let mut files = anna(mail_files(&dir));
    while files.is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        files = anna(mail_files(&dir));
    }
    // A second copy would come soon after the first, if at all.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let files = anna(mail_files(&dir));
    assert_eq!(files.len(), 1, "the mail the booking owes goes out, once");
    let raw = std::fs::read(&files[0]).unwrap();
    let mail = crate::support::read_mail(&termin::mail::Sent {
        recipient: String::new(),
        message: raw,
    });
    let token = crate::support::token_in(&mail);
    let (status, read) = server
        .call("GET", &format!("/api/v1/bookings/{token}"), None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(read["id"], created["id"]);
    assert_eq!(read["start"], start.as_str());
    server.kill();
    // The files with personal data and secret links are the service's own.
    let mut private = vec![dir.join("termin.db"), dir.join("mail"), files[0].clone()];
    private.extend(
        ["termin.db-wal", "termin.db-shm"]
            .iter()
            .map(|f| dir.join(f))
            .filter(|p| p.exists()),
    );
    for path in private {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{} is mode {mode:o}", path.display());
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// A socket from a given loopback address (the tests' many "clients").
async fn connect_from(
    source: std::net::Ipv4Addr,
    addr: &str,
) -> std::io::Result<tokio::net::TcpStream> {
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.bind((source, 0).into())?;
    socket.connect(addr.parse().unwrap()).await
}

/// Whether the server closed a connection, as far as has arrived by now:
/// reading ends or fails (an answer before the close counts as closing too).
fn closed(stream: &mut tokio::net::TcpStream) -> bool {
    let mut buf = [0u8; 1024];
    loop {
        match stream.try_read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return false,
            Err(_) => return true,
        }
    }
}

fn open_files(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd")).map_or(0, |d| d.count())
}

/// 2,000 sockets that send half a request head and wait: a booking still goes
/// through meanwhile, and the server closes them all once the head timeout is
/// over. One address gets no more than its share of connections.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hoarded_half_open_connections_are_closed_and_others_are_served() {
    // This test holds 2,000 sockets itself: it needs more than the common soft
    // limit of 1,024 open files (the server raises its own limit at start).
    // SAFETY: getrlimit and setrlimit only read and write the struct given.
    unsafe {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < 4096 {
            limit.rlim_cur = limit.rlim_max.min(8192);
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
    let dir = scratch_dir();
    let server = Server::start(
        &dir,
        &[
            ("TERMIN_RATE_LIMITS", "off"),
            ("TERMIN_HEADER_TIMEOUT_SECONDS", "10"),
            ("TERMIN_MAX_CONNECTIONS_PER_CLIENT", "100"),
        ],
    );
    let pid = server.child.id();
    let before = open_files(pid);
    let mut hoard = Vec::new();
    for i in 0..2000u32 {
        // Twenty addresses, a hundred each: all within their share.
        let source = std::net::Ipv4Addr::new(127, 0, 1, 1 + (i % 20) as u8);
        let mut s = connect_from(source, &server.addr).await.unwrap();
        s.write_all(b"GET /o/mitte HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            .await
            .unwrap();
        hoard.push(s);
    }
    // The server takes them all (under load it may take a moment to accept them).
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut held = open_files(pid);
    while held < before + 1900 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        held = open_files(pid);
    }
    assert!(
        held >= before + 1900,
        "the server holds them for now: {before} → {held}"
    );

    // Meanwhile a citizen books.
    let start = first_free(&server, "mitte", "anmeldung").await;
    let body = json!({"office": "mitte", "services": ["anmeldung"], "persons": 1, "start": start,
                      "name": "Anna Beispiel", "email": "anna@example.org"});
    let (status, created) = server.call("POST", "/api/v1/bookings", Some(&body)).await;
    assert_eq!(status, 201, "{created}");
    let still = open_files(pid);
    assert!(
        still >= before + 1900,
        "the hoard was still held while the booking went through: {before} → {still}"
    );

    // One more address opens 150: a hundred stay, fifty are closed at once (well
    // before the head timeout would close the others).
    let mut greedy = Vec::new();
    for _ in 0..150 {
        greedy.push(
            connect_from([127, 0, 2, 1].into(), &server.addr)
                .await
                .unwrap(),
        );
    }
    let deadline = Instant::now() + Duration::from_secs(2);
    let mut shut = vec![false; greedy.len()];
    let mut shut_at_once = 0;
    while shut_at_once < 50 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        for (s, gone) in greedy.iter_mut().zip(shut.iter_mut()) {
            *gone = *gone || closed(s);
        }
        shut_at_once = shut.iter().filter(|g| **g).count();
    }
    assert_eq!(
        shut_at_once, 50,
        "beyond its share, an address's connections are closed"
    );

    // Within the head timeout (and a little), every half-open connection is closed.
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut open: Vec<_> = hoard.iter_mut().collect();
    while !open.is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
        open.retain_mut(|s| !closed(s));
    }
    assert_eq!(open.len(), 0, "every hoarded connection is closed");
    let after = open_files(pid);
    assert!(
        after < before + 200,
        "the server let go of them: {before} → {held} → {after}"
    );
    server.kill();
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_postgres_give_the_last_place_to_exactly_one_of_fifty() {
    if postgres_server().is_none() {
        return;
    }
    let db = Db::postgres().await.unwrap();
    let dir = scratch_dir();
    std::fs::write(dir.join("offices.toml"), crate::support::TEST_OFFICE).unwrap();
    let env = [
        ("TERMIN_DATABASE_URL", db.url.as_str()),
        ("TERMIN_RATE_LIMITS", "off"),
        ("TERMIN_DEMO", "off"),
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

    let a = Server::start(&dir, &env);
    let b = Server::start(&dir, &env);
    let start = first_free(&a, "test", "anmeldung").await;
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..50 {
        let addr = if i % 2 == 0 {
            a.addr.clone()
        } else {
            b.addr.clone()
        };
        let body = json!({"office": "test", "services": ["anmeldung"], "persons": 1, "start": start,
                          "name": format!("Person {}", termin::bench::letters(i as usize)), "email": format!("p{i}@example.org")});
        tasks.spawn(async move { http(&addr, "POST", "/api/v1/bookings", Some(&body)).await.0 });
    }
    let mut statuses = Vec::new();
    while let Some(s) = tasks.join_next().await {
        statuses.push(s.unwrap());
    }
    let created = statuses.iter().filter(|s| **s == 201).count();
    let conflicts = statuses.iter().filter(|s| **s == 409).count();
    assert_eq!((created, conflicts), (1, 49), "{statuses:?}");
    a.kill();
    b.kill();
    db.drop().await;
    crate::support::ran_on_postgres("processes::two_instances_on_one_postgres");
    let _ = std::fs::remove_dir_all(dir);
}

/// The browser tests' tools: Node.js with the packages of `tests/browser`, and Chromium.
/// `None` (skip) when they are missing and that is allowed.
pub fn browser_tools() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser"));
    let ready = dir.join("node_modules/playwright-core").exists()
        && dir.join("node_modules/axe-core").exists()
        && Path::new("/usr/bin/chromium").exists();
    if ready {
        return Some(dir);
    }
    let why = "browser tests need Chromium and `npm ci` in tests/browser";
    if std::env::var("TERMIN_TEST_BROWSER_REQUIRED").is_ok_and(|v| v == "1") {
        panic!("{why}");
    }
    eprintln!("skipped: {why}");
    None
}

pub fn browser(dir: &Path, args: &[&str]) -> Value {
    let out = Command::new("node")
        .current_dir(dir)
        .arg("check.mjs")
        .args(args)
        .output()
        .expect("node");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stdout)))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_books_confirms_and_moves_by_keyboard_without_javascript_and_every_page_passes_axe(
) {
    let Some(tools) = browser_tools() else { return };
    let dir = scratch_dir();
    let server = Server::start(
        &dir,
        &[
            ("TERMIN_RATE_LIMITS", "off"),
            ("TERMIN_TRUSTED_PROXIES", "127.0.0.1/32"),
        ],
    );
    let base = format!("http://{}", server.addr);

    // The pages reached by a link, in each language.
    let mut urls: Vec<String> = Vec::new();
    for lang in ["de", "en", "uk", "tr", "ar"] {
        for page in [
            "/",
            "/privacy",
            "/accessibility",
            "/imprint",
            "/leichte-sprache",
            "/o/mitte",
            "/o/mitte/days?persons=1",
            "/o/mitte/figures",
            "/o/nowhere",
        ] {
            let sep = if page.contains('?') { '&' } else { '?' };
            urls.push(format!("{base}{page}{sep}lang={lang}"));
        }
        urls.push(format!("{base}/b/{}?lang={lang}", "0".repeat(64)));
    }
    let mut args = vec!["axe"];
    args.extend(urls.iter().map(String::as_str));
    let axe = browser(&tools, &args);
    assert_eq!(axe["violations"], json!([]), "{axe:#}");

    for (locale, lang, email) in [
        ("de-DE", Language::De, "anna@example.org"),
        ("ar", Language::Ar, "amal@example.org"),
        ("uk-UA", Language::Uk, "olena@example.org"),
    ] {
        let t = termin::i18n::Texts::new(lang, termin::i18n::Catalogs::embedded());
        // The pages of error paths made in-process (a hold that ran out, caps, rate limit, …).
        let saved = crate::flow::pages_for_axe(lang).await;
        let mut files = Vec::new();
        for (i, (what, html)) in saved.iter().enumerate() {
            assert!(html.contains("<h1>"), "{what} is a page");
            let file = dir.join(format!("page-{}-{i}.html", lang.as_str()));
            std::fs::write(&file, html).unwrap();
            files.push(file.display().to_string());
        }
        let mut args = vec!["pages", base.as_str()];
        args.extend(files.iter().map(String::as_str));
        let checked = browser(&tools, &args);
        assert_eq!(checked["violations"], json!([]), "{checked:#}");
        assert_eq!(checked["pages"].as_array().unwrap().len(), saved.len());

        // Start page → office → service → day → time → form (sent empty first) → check your email.
        let booked = browser(&tools, &["book", &base, locale, email]);
        assert_eq!(booked["violations"], json!([]), "{booked:#}");
        let text = booked["text"].as_str().unwrap();
        assert!(
            text.contains(&termin::t!(t, "done-pending-title")),
            "{booked:#}"
        );
        let titles = booked["pages"].to_string();
        let form = termin::t!(t, "form-title");
        for page in [
            termin::t!(t, "title-with-mistakes", title = form),
            termin::t!(t, "taken-title"),
            termin::t!(t, "form-expired-title"),
            termin::t!(t, "no-hold-title"),
        ] {
            assert!(titles.contains(&page), "axe ran on {page}: {titles}");
        }

        // The link in the mail (others filled a time up through the API): confirm,
        // then move, by keyboard.
        let deadline = Instant::now() + Duration::from_secs(20);
        let mail = loop {
            let found = mail_files(&dir).iter().find_map(|f| {
                let mail = crate::support::read_mail(&termin::mail::Sent {
                    recipient: String::new(),
                    message: std::fs::read(f).ok()?,
                });
                (mail.to == email).then_some(mail)
            });
            match found {
                Some(mail) => break mail,
                None if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(100)).await
                }
                None => panic!("no mail reached {email}"),
            }
        };
        let subject = termin::t!(t, "mail-please-confirm-subject", when = "");
        assert!(
            mail.subject
                .starts_with(subject.trim_end_matches([':', ' '])),
            "in the language of the pages: {}",
            mail.subject
        );
        let token = crate::support::token_in(&mail);
        let (_, before) = server
            .call("GET", &format!("/api/v1/bookings/{token}"), None)
            .await;
        let managed = browser(&tools, &["manage", &format!("{base}/b/{token}"), locale]);
        assert_eq!(managed["violations"], json!([]), "{managed:#}");
        assert!(
            managed["text"]
                .as_str()
                .unwrap()
                .contains(&termin::t!(t, "status-confirmed")),
            "{managed:#}"
        );
        assert!(managed["ics"]
            .as_str()
            .unwrap()
            .starts_with("text/calendar"));
        let (_, after) = server
            .call("GET", &format!("/api/v1/bookings/{token}"), None)
            .await;
        assert_eq!(after["status"], "confirmed");
        assert_ne!(after["start"], before["start"], "moved: {before} → {after}");
    }
    server.kill();
    let _ = std::fs::remove_dir_all(dir);
}

impl Server {
    /// Wait up to ten seconds for a line of standard output that contains `text`.
    fn printed(&self, text: &str) -> Option<String> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(line) = self
                .output
                .lock()
                .unwrap()
                .iter()
                .find(|l| l.contains(text))
            {
                return Some(line.clone());
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_machine_prints_its_demo_staff_once_and_they_can_log_in() {
    let dir = scratch_dir();
    let server = Server::start(&dir, &[]);
    let line = server
        .printed("admin@termin.example")
        .expect("the demo's admin and password after the address");
    let words: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(
        words[..3],
        ["termin:", "admin", "admin@termin.example"],
        "{line}"
    );
    let password = words[3].to_string();
    assert!(server.printed("leitung.mitte@termin.example").is_some());
    assert!(
        server.printed("demo appointments").is_some()
            || server.printed("closed for the rest of today").is_some()
    );
    server.kill();

    // The passwords are printed on the first start only.
    let again = Server::start(&dir, &[]);
    std::thread::sleep(Duration::from_millis(500));
    assert!(again.printed("admin@termin.example").is_none());
    again.kill();

    let config = termin::config::Config {
        database_url: format!("sqlite://{}", dir.join("termin.db").display()),
        demo: Some(false),
        ..termin::config::Config::default()
    };
    let app = termin::server::open(&config, std::sync::Arc::new(termin::clock::SystemClock))
        .await
        .unwrap();
    let login = termin::staff::login(
        &app,
        "admin@termin.example",
        &password,
        "127.0.0.1".parse().unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(login.staff.role, termin::domain::Role::Admin);
    let clerk = app
        .store
        .user_by_email("sachbearbeitung1.mitte@termin.example")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (clerk.role.as_str(), clerk.office_id.as_deref()),
        ("clerk", Some("mitte"))
    );
    app.store.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_postgres_call_fifty_tickets_each_once_on_postgres() {
    if postgres_server().is_none() {
        return;
    }
    let db = Db::postgres().await.unwrap();
    let dir = scratch_dir();
    // Sixty desks for walk-ins at the Stadtamt.
    let office = crate::support::TEST_OFFICE
        .replace("desks = 2\n    online = 1", "desks = 61\n    online = 1");
    std::fs::write(dir.join("offices.toml"), office).unwrap();
    let env = [
        ("TERMIN_DATABASE_URL", db.url.as_str()),
        ("TERMIN_RATE_LIMITS", "off"),
        ("TERMIN_DEMO", "off"),
    ];
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_termin"))
            .current_dir(&dir)
            .envs(env)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    run(&["import", "offices.toml"]);
    let key = run(&[
        "apikey",
        "add",
        "--label",
        "Aufrufanlage",
        "--office",
        "test",
        "--role",
        "clerk",
    ]);

    // Sixty tickets of today (the servers' clock is the system's), one a second apart.
    let now = chrono::Utc::now();
    let today = now
        .with_timezone(&chrono_tz::Europe::Berlin)
        .date_naive()
        .to_string();
    for i in 0..60i64 {
        let new = termin::store::NewTicket {
            id: uuid::Uuid::now_v7().to_string(),
            secret_hash: termin::secret::hash(&termin::secret::new_token()),
            office_id: "test".into(),
            day: today.clone(),
            prefix: "S".into(),
            counter_id: "stadtamt".into(),
            booking_id: None,
            kind: termin::domain::TicketKind::WalkIn,
            urgent: false,
            services: vec!["anmeldung".into()],
            persons: 1,
            planned_minutes: 15,
            appointment_at: None,
            arrived_at: now.timestamp() - 3600 + i,
        };
        db.store
            .walk_in(
                &new,
                i64::MAX,
                &termin::store::Actor::cli(),
                now.timestamp(),
            )
            .await
            .unwrap();
    }

    let a = Server::start(&dir, &env);
    let b = Server::start(&dir, &env);
    let mut tasks = tokio::task::JoinSet::new();
    for desk in 1..=50 {
        let addr = if desk % 2 == 0 {
            a.addr.clone()
        } else {
            b.addr.clone()
        };
        let key = key.clone();
        tasks.spawn(async move {
            http_with(
                &addr,
                "POST",
                &format!("/api/v1/offices/test/desks/{desk}/call"),
                None,
                &key,
            )
            .await
        });
    }
    let mut numbers = Vec::new();
    while let Some(answer) = tasks.join_next().await {
        let (status, body) = answer.unwrap();
        assert_eq!(status, 200, "{body}");
        numbers.push(body["ticket"].as_str().unwrap().to_string());
    }
    numbers.sort();
    let first_fifty: Vec<String> = (1..=50).map(|n| format!("S-{n:03}")).collect();
    assert_eq!(
        numbers, first_fifty,
        "every ticket called once, none skipped"
    );
    let waiting = crate::support::number(
        &db.store,
        "SELECT COUNT(*) FROM tickets WHERE state = 'waiting'",
    )
    .await;
    assert_eq!(waiting, 10);
    assert_eq!(
        crate::support::number(&db.store, "SELECT COUNT(*) FROM ticket_calls").await,
        50
    );
    a.kill();
    b.kill();
    db.drop().await;
    crate::support::ran_on_postgres(
        "processes::two_instances_on_one_postgres_call_fifty_tickets_each_once_on_postgres",
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// `termin export` prints the plans as an office file; imported into a new
/// database, it exports to the same file: nothing is lost on the way.
#[test]
fn export_prints_the_plans_as_an_office_file_that_imports_back_to_the_same_plans() {
    let dir = scratch_dir();
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/src/demo.toml");
    let termin = |db: &str, args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_termin"))
            .current_dir(&dir)
            .env("TERMIN_DATABASE_URL", format!("sqlite://{db}"))
            .args(args)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        (
            out.status.success(),
            text,
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (ok, _, err) = termin("a.db", &["import", demo]);
    assert!(ok, "{err}");
    let (ok, first, err) = termin("a.db", &["export"]);
    assert!(ok, "{err}");
    assert!(first.contains("id = \"mitte\"") && first.contains("id = \"nordwest\""));
    std::fs::write(dir.join("exported.toml"), &first).unwrap();
    let (ok, _, err) = termin("b.db", &["import", "exported.toml"]);
    assert!(ok, "{err}");
    let (_, again, _) = termin("b.db", &["export"]);
    assert_eq!(again, first);

    let (ok, one, _) = termin("b.db", &["export", "--office", "nordwest"]);
    assert!(ok && one.contains("id = \"nordwest\"") && !one.contains("id = \"mitte\""));
    let (ok, _, err) = termin("b.db", &["export", "--office", "nowhere"]);
    assert!(!ok);
    assert!(err.contains("there is no office \"nowhere\""), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

/// `termin check` exits 0 when the counters agree and 1, naming the row, when not.
#[tokio::test]
async fn check_exits_1_and_names_the_row_when_a_counter_disagrees() {
    let dir = scratch_dir();
    let db = dir.join("c.db");
    let url = format!("sqlite://{}", db.display());
    let termin = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_termin"))
            .current_dir(&dir)
            .env("TERMIN_DATABASE_URL", &url)
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/src/demo.toml");
    assert_eq!(termin(&["import", demo]).0, Some(0));
    let (code, said) = termin(&["check"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("agree"), "{said}");
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    sqlx::query("INSERT INTO capacity_cells (office_id, counter_id, cell_at, capacity, booked) VALUES ('mitte', 'stadtamt', 1800000000, 3, 1)")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let (code, said) = termin(&["check"]);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains(
            "capacity_cells mitte/stadtamt/1800000000: holds 1, the bookings and holds say 0"
        ),
        "{said}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// With `TERMIN_LOG_FORMAT=json` every log line is one JSON object, a request's
/// lines carry its id and route; and none of a day's names, addresses, phone
/// numbers, links, booking codes or keys reaches the log.
#[tokio::test]
async fn json_logs_carry_request_ids_and_no_personal_datum_of_a_scripted_day() {
    let dir = scratch_dir();
    let office = crate::support::TEST_OFFICE
        .replace("confirm_within_minutes = 30", "confirm_within_minutes = 0");
    std::fs::write(dir.join("offices.toml"), office).unwrap();
    let db = format!("sqlite://{}", dir.join("log.db").display());
    let termin = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_termin"))
            .current_dir(&dir)
            .env("TERMIN_DATABASE_URL", &db)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    termin(&["import", "offices.toml"]);
    let key = termin(&[
        "apikey",
        "add",
        "--label",
        "Fachverfahren",
        "--office",
        "test",
    ])
    .trim()
    .to_string();
    let log = dir.join("server.log");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_termin"));
    for k in termin::config::KEYS {
        cmd.env_remove(k);
    }
    let mut child = cmd
        .current_dir(&dir)
        .env("TERMIN_BIND", "127.0.0.1:0")
        .env("TERMIN_DATABASE_URL", &db)
        .env("TERMIN_DEMO", "off")
        .env("TERMIN_RATE_LIMITS", "off")
        .env("TERMIN_LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let addr = first
        .split("http://")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let server = Server {
        child,
        addr,
        output: Default::default(),
    };

    let start = first_free(&server, "test", "anmeldung").await;
    let person = json!({"office": "test", "services": ["anmeldung"], "persons": 1, "start": start,
                        "name": "Zofia Wiśniewska", "email": "zofia@example.org", "phone": "+49 381 1234567"});
    let (status, booked) = server.call("POST", "/api/v1/bookings", Some(&person)).await;
    assert_eq!(status, 201, "{booked}");
    // The mail is written under mail/ by the outbox worker; its link carries the token.
    let mut token = String::new();
    for _ in 0..100 {
        let mails: Vec<_> = std::fs::read_dir(dir.join("mail"))
            .map(|d| d.flatten().collect())
            .unwrap_or_default();
        if let Some(m) = mails
            .iter()
            .find(|m| m.file_name().to_string_lossy().ends_with(".eml"))
        {
            let raw = std::fs::read(m.path()).unwrap();
            let parsed = mail_parser::MessageParser::default().parse(&raw).unwrap();
            let text = parsed.body_text(0).unwrap().to_string();
            let at = text.find("/b/").unwrap();
            token = text[at + 3..at + 67].to_string();
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(token.len(), 64, "the mail was written");
    let (_, read) = server
        .call("GET", &format!("/api/v1/bookings/{token}"), None)
        .await;
    let code = read["code"]
        .as_str()
        .unwrap_or_else(|| panic!("{read}"))
        .to_string();
    for (method, path) in [
        ("GET", format!("/b/{token}")),
        ("GET", format!("/api/v1/bookings/{token}")),
        ("POST", format!("/b/{token}/confirm")),
        ("GET", format!("/b/{token}/calendar.ics")),
        ("GET", format!("/b/{}", "f".repeat(64))),
        ("GET", format!("/t/{}", "e".repeat(64))),
        ("DELETE", format!("/api/v1/bookings/{token}")),
    ] {
        server.call(method, &path, None).await;
    }
    let date = &start[..10];
    let (status, _) = http_with(
        &server.addr,
        "GET",
        &format!("/api/v1/offices/test/appointments?date={date}"),
        None,
        &key,
    )
    .await;
    assert_eq!(status, 200);
    let login = json!({"code": code});
    http_with(
        &server.addr,
        "POST",
        "/api/v1/offices/test/checkins",
        Some(&login),
        &key,
    )
    .await;
    server.call("GET", "/staff/login", None).await;
    // SIGTERM, as a service manager stops it: the log is complete.
    unsafe { libc::kill(server.child.id() as i32, libc::SIGTERM) };
    let mut server = server;
    let exited = server.child.wait().unwrap();
    assert!(exited.success(), "{exited:?}");

    let text = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}")))
        .collect();
    let answered: Vec<&Value> = lines
        .iter()
        .filter(|l| l["fields"]["message"] == "answered")
        .collect();
    assert!(answered.len() >= 10, "{text}");
    assert!(
        answered
            .iter()
            .all(|l| l["span"]["id"].as_str().is_some_and(|id| id.len() == 32)),
        "{text}"
    );
    assert!(
        answered.iter().any(|l| l["span"]["route"] == "/b/{token}"),
        "{text}"
    );
    let display = termin::domain::BookingCode::parse(&code).unwrap().display();
    for secret in [
        "Zofia",
        "Wiśniewska",
        "zofia@example.org",
        "1234567",
        &token,
        &code,
        &display,
        &key,
    ] {
        assert!(!text.contains(secret), "the log shows {secret}: {text}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// A request that may find the server gone: `None` when the connection breaks.
pub(crate) async fn try_http(
    addr: &str,
    method: &str,
    path: &str,
    body: &Value,
) -> Option<(u16, Value)> {
    let mut stream = tokio::net::TcpStream::connect(addr).await.ok()?;
    let body = body.to_string();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.ok()?;
    let text = String::from_utf8_lossy(&raw);
    let status = text.split_whitespace().nth(1)?.parse().ok()?;
    let (_, rest) = text.split_once("\r\n\r\n")?;
    Some((status, serde_json::from_str(rest).unwrap_or(Value::Null)))
}

/// `termin backup FILE` copies a SQLite database; the copy serves the same plans
/// and bookings and its counters agree; an existing file is not overwritten.
#[test]
fn a_backup_restores_to_the_same_plans_and_bookings() {
    let dir = scratch_dir();
    let termin = |db: &str, args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_termin"))
            .current_dir(&dir)
            .env("TERMIN_DATABASE_URL", format!("sqlite://{db}"))
            .args(args)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/src/demo.toml");
    assert!(termin("live.db", &["import", demo]).0);
    let (ok, _, err) = termin("live.db", &["backup", "copy.db"]);
    assert!(ok, "{err}");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(dir.join("copy.db"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(
        mode & 0o077,
        0,
        "the copy holds personal data: mode {mode:o}"
    );
    assert_eq!(
        termin("copy.db", &["export"]).1,
        termin("live.db", &["export"]).1
    );
    let (ok, said, _) = termin("copy.db", &["check"]);
    assert!(ok, "{said}");
    let (ok, _, err) = termin("live.db", &["backup", "copy.db"]);
    assert!(!ok && err.contains("exists already"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

/// `termin bench http` starts the real server, drives every kind of request over
/// loopback and a small release rush, and reports figures; it fails itself on a
/// 5xx, an overbooked time, a lost booking or a difference found by `termin check`.
#[test]
fn the_http_bench_checks_the_rush_on_sqlite_and_on_postgres() {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_termin"));
    cmd.args([
        "bench",
        "http",
        "--seconds",
        "1",
        "--connections",
        "4",
        "--rush-clients",
        "20",
        "--rush-seconds",
        "2",
        "--think-ms",
        "20",
    ]);
    for key in termin::config::KEYS {
        cmd.env_remove(key);
    }
    cmd.env_remove("TERMIN_BENCH_POSTGRES");
    let postgres = postgres_server();
    if let Some(url) = &postgres {
        cmd.env("TERMIN_BENCH_POSTGRES", url);
    }
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut backends = vec!["sqlite"];
    if postgres.is_some() {
        backends.push("postgres");
    }
    for backend in backends {
        for what in [
            "calendar page",
            "day page",
            "availability, 31 days",
            "availability, 31 days, compact",
            "bookings",
        ] {
            let row = stdout
                .lines()
                .find(|l| l.starts_with(&format!("| {backend} | {what} |")))
                .unwrap_or_else(|| panic!("no {what} on {backend}:\n{stdout}"));
            let ok = if what == "bookings" { "×201" } else { "×200" };
            assert!(row.contains(ok), "{row}");
        }
        // Citizens booked through the pages and confirmed by their mails'
        // links: every answer a page or a redirect (the tool itself fails when
        // a path's mails are missing or its booking is not confirmed).
        let path = stdout
            .lines()
            .find(|l| l.starts_with(&format!("| {backend} | citizen path: 8 pages, 2 mails |")))
            .unwrap_or_else(|| panic!("no citizen path on {backend}:\n{stdout}"));
        let answers = path.split('|').nth(9).unwrap().trim();
        assert!(
            answers.contains("×200")
                && answers.contains("×303")
                && answers.split(", ").count() == 2,
            "{path}"
        );
        // The rush: bookings were made, none beyond the places, and the check is clean.
        let rush: Vec<&str> = stdout
            .lines()
            .filter(|l| l.starts_with(&format!("| {backend} | 20 |")))
            .flat_map(|l| l.split('|').map(str::trim))
            .collect();
        assert!(rush.len() > 14, "no rush row for {backend}:\n{stdout}");
        let booked: i64 = rush[12].parse().unwrap();
        let places: i64 = rush[11].parse().unwrap();
        assert!(booked > 0 && booked <= places, "{rush:?}");
        assert_eq!((rush[13], rush[14]), ("0", "clean"), "{rush:?}");
    }
    if postgres.is_some() {
        crate::support::ran_on_postgres("processes::the_http_bench");
    }
}

/// One booking request on a fresh connection: `Err` when the connection is
/// refused (the instance is not listening), else the status (0: no answer).
async fn book_once(addr: &str, body: &Value) -> std::io::Result<u16> {
    let mut stream = tokio::net::TcpStream::connect(addr).await?;
    let body = body.to_string();
    let request = format!(
        "POST /api/v1/bookings HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut raw = Vec::new();
    if stream.write_all(request.as_bytes()).await.is_ok() {
        let _ = stream.read_to_end(&mut raw).await;
    }
    Ok(String::from_utf8_lossy(&raw)
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0))
}

/// A rolling restart: two instances on one PostgreSQL take bookings while first
/// one, then the other is stopped with SIGTERM (exit 0) and started again. The
/// load retries refused connections only, on the other instance; it sees no
/// 5xx and no request without an answer, and every 201 is in the database.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_rolling_restart_of_two_instances_on_one_postgres_loses_no_request() {
    if postgres_server().is_none() {
        return;
    }
    let db = Db::postgres().await.unwrap();
    let dir = scratch_dir();
    std::fs::write(dir.join("offices.toml"), crate::support::TEST_OFFICE).unwrap();
    let env = [
        ("TERMIN_DATABASE_URL", db.url.as_str()),
        ("TERMIN_RATE_LIMITS", "off"),
        ("TERMIN_DEMO", "off"),
    ];
    let import = Command::new(env!("CARGO_BIN_EXE_termin"))
        .current_dir(&dir)
        .envs(env)
        .args(["import", "offices.toml"])
        .output()
        .unwrap();
    assert!(import.status.success());
    let mut servers = [Server::start(&dir, &env), Server::start(&dir, &env)];
    let (_, free) = servers[0]
        .call(
            "GET",
            "/api/v1/offices/test/availability?services=anmeldung",
            None,
        )
        .await;
    let starts: Vec<String> = free["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["slots"].as_array().unwrap().iter())
        .map(|s| s["start"].as_str().unwrap().to_string())
        .collect();
    assert!(starts.len() > 20, "{free}");
    let addrs = std::sync::Arc::new(std::sync::Mutex::new(
        servers.iter().map(|s| s.addr.clone()).collect::<Vec<_>>(),
    ));
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut load = tokio::task::JoinSet::new();
    for worker in 0..6usize {
        let (addrs, stop, starts) = (addrs.clone(), stop.clone(), starts.clone());
        load.spawn(async move {
            let mut answers = Vec::new();
            let mut i = worker;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let body = json!({"office": "test", "services": ["anmeldung"], "persons": 1,
                    "start": starts[i % starts.len()],
                    "name": format!("Person {}", termin::bench::letters(i)), "email": format!("r{i}@example.org")});
                // Refused: the instance is down; try the other one.
                let mut status = None;
                for attempt in 0..200 {
                    let addr = addrs.lock().unwrap()[(i + attempt) % 2].clone();
                    match book_once(&addr, &body).await {
                        Ok(s) => {
                            status = Some(s);
                            break;
                        }
                        Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
                    }
                }
                answers.push(status.expect("an instance took the request"));
                i += 6;
            }
            answers
        });
    }
    for (which, server) in servers.iter_mut().enumerate() {
        tokio::time::sleep(Duration::from_millis(700)).await;
        // Stopped while the load still sends to it: it stops accepting (the
        // load is refused and goes to the other), finishes what it took, exits 0.
        unsafe { libc::kill(server.child.id() as i32, libc::SIGTERM) };
        let status = server.child.wait().unwrap();
        assert!(status.success(), "the instance stopped with {status}");
        *server = Server::start(&dir, &env);
        addrs.lock().unwrap()[which] = server.addr.clone();
    }
    tokio::time::sleep(Duration::from_millis(700)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut answers = Vec::new();
    while let Some(a) = load.join_next().await {
        answers.extend(a.unwrap());
    }
    let created = answers.iter().filter(|s| **s == 201).count();
    let wrong: Vec<&u16> = answers
        .iter()
        .filter(|s| !matches!(**s, 201 | 409))
        .collect();
    assert!(
        wrong.is_empty(),
        "answers other than 201 and 409: {wrong:?}"
    );
    assert!(created > 10, "{answers:?}");
    let stored = crate::support::number(&db.store, "SELECT COUNT(*) FROM bookings").await;
    assert_eq!(stored, created as i64);
    for s in servers {
        s.kill();
    }
    db.drop().await;
    crate::support::ran_on_postgres("processes::a_rolling_restart");
    let _ = std::fs::remove_dir_all(dir);
}
