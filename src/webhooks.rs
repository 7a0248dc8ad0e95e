//! Signed webhooks: what happens to an office's bookings (created, moved,
//! cancelled, checked in, done, no-show), POSTed as JSON to a back-office
//! system a head names, in order, each until the receiver answers 2xx.
//!
//! The database writes each event in the transaction of the change itself,
//! for offices with a webhook; this module sends them. A receiver that is down
//! holds up only its own queue, retried with the mails' backoff, and gets
//! every event once it is back, in the order they happened. Every request
//! carries `Termin-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
//! "<t>.<body>">` under the webhook's key, so the receiver can check who sent
//! it and refuse an old one replayed; `Termin-Event` is the event's number,
//! the same on a retry, for the receiver to drop a copy.

use std::sync::Arc;
use std::time::Duration;

use chrono::DateTime;
use hmac::{Hmac, Mac};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::Uri;
use hyper_util::rt::TokioIo;
use serde_json::json;
use sha2::Sha256;

use crate::app::App;
use crate::domain::Permission;
use crate::mail::worker::backoff;
use crate::secret;
use crate::staff::{AccessError, Staff};
use crate::store::{EventRow, StoreError, WebhookRow};

/// Seconds one instance keeps a webhook to itself while sending to it.
const LEASE: i64 = 60;
/// Events sent to one receiver in a round.
const BATCH: i64 = 50;
/// How long a receiver has to answer.
const TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum WebhookError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error("there is no office {0:?}")]
    NoOffice(String),
    #[error("the URL must be http:// or https:// with a host, at most 2000 characters")]
    Url,
    #[error("the label must be 1 to 100 characters")]
    Label,
    #[error("there is no such webhook")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Add a webhook; returns it with its key, which only this answer shows.
pub async fn create(
    app: &App,
    by: &Staff,
    office: &str,
    url: &str,
    label: &str,
) -> Result<WebhookRow, WebhookError> {
    by.require(Permission::Plan, office)?;
    if app.office(office).await?.is_none() {
        return Err(WebhookError::NoOffice(office.to_string()));
    }
    let url = url.trim();
    let uri: Uri = url.parse().map_err(|_| WebhookError::Url)?;
    let scheme_ok = matches!(uri.scheme_str(), Some("http" | "https"));
    if !scheme_ok || uri.host().is_none_or(str::is_empty) || url.len() > 2000 {
        return Err(WebhookError::Url);
    }
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 100 || label.chars().any(char::is_control) {
        return Err(WebhookError::Label);
    }
    let now = app.clock.now().timestamp();
    let hook = WebhookRow {
        id: uuid::Uuid::new_v4().to_string(),
        office_id: office.to_string(),
        url: url.to_string(),
        secret: secret::new_token(),
        label: label.to_string(),
        created_by: by.actor.label.clone(),
        created_at: now,
        revoked_at: None,
        delivered_seq: 0,
        attempts: 0,
        next_at: 0,
        last_error: None,
    };
    app.store.add_webhook(&hook, &by.actor, now).await?;
    Ok(hook)
}

pub async fn list(app: &App, by: &Staff, office: &str) -> Result<Vec<WebhookRow>, WebhookError> {
    by.require(Permission::Plan, office)?;
    Ok(app.store.webhooks(office).await?)
}

pub async fn revoke(app: &App, by: &Staff, office: &str, id: &str) -> Result<(), WebhookError> {
    by.require(Permission::Plan, office)?;
    let now = app.clock.now().timestamp();
    match app.store.revoke_webhook(office, id, &by.actor, now).await? {
        true => Ok(()),
        false => Err(WebhookError::NotFound),
    }
}

/// The signature header of `body` sent at `t` under `key`.
pub fn signature(key: &str, t: i64, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
    mac.update(t.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    let digest = mac.finalize().into_bytes();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("t={t},v1={hex}")
}

/// The JSON an event is sent as: times in UTC, no personal data.
pub fn body(office: &str, e: &EventRow) -> Vec<u8> {
    let at = |t: i64| DateTime::from_timestamp(t, 0).map(|t| t.to_rfc3339());
    json!({
        "event": e.seq,
        "type": e.kind,
        "occurred_at": at(e.at),
        "office": office,
        "booking": {
            "id": e.booking_id,
            "counter": e.counter_id,
            "services": e.services.split(',').filter(|s| !s.is_empty()).collect::<Vec<_>>(),
            "persons": e.persons,
            "start": at(e.start_at),
            "end": at(e.end_at),
            "status": e.status,
        }
    })
    .to_string()
    .into_bytes()
}

/// Seconds after which an event is surely committed or never will be: on
/// PostgreSQL, a transaction that began earlier may commit a lower number
/// later, so the newest events wait this long before they are sent.
fn settle_seconds(app: &App) -> i64 {
    match app.store {
        crate::store::Store::Postgres(_) => 3,
        crate::store::Store::Sqlite(_) => 0,
    }
}

/// Forget the events that no receiver still waits for; returns how many.
pub async fn prune(app: &App) -> Result<u64, StoreError> {
    app.store.prune_booking_events().await
}

/// Send what is due to every receiver; returns how many events went out.
pub async fn deliver_due(app: &App) -> anyhow::Result<usize> {
    let mut sent = 0;
    // Wall-clock seconds, as the database stamps the events.
    let wall = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    };
    loop {
        let now = app.clock.now().timestamp();
        let Some(hook) = app.store.claim_webhook(now, LEASE).await? else {
            return Ok(sent);
        };
        let settled = wall() - settle_seconds(app);
        let events = app
            .store
            .events_after(&hook.office_id, hook.delivered_seq, settled, BATCH)
            .await?;
        let mut failed = None;
        for e in &events {
            let body = body(&hook.office_id, e);
            let t = app.clock.now().timestamp();
            match post(&hook.url, &signature(&hook.secret, t, &body), e.seq, body).await {
                Ok(()) => {
                    app.store.webhook_delivered(&hook.id, e.seq).await?;
                    sent += 1;
                }
                Err(reason) => {
                    failed = Some(reason);
                    break;
                }
            }
        }
        match failed {
            Some(reason) => {
                tracing::info!(webhook = %hook.id, attempts = hook.attempts + 1, %reason, "webhook not taken, will retry");
                let due = app.clock.now().timestamp() + backoff(hook.attempts + 1);
                app.store.webhook_failed(&hook.id, due, &reason).await?;
            }
            None => app.store.webhook_release(&hook.id).await?,
        }
        if events.is_empty() {
            // Only events still settling: come back on the next round.
            return Ok(sent);
        }
    }
}

/// POST one event; `Err` with the reason unless the receiver answered 2xx.
async fn post(url: &str, signature: &str, seq: i64, body: Vec<u8>) -> Result<(), String> {
    let uri: Uri = url.parse().map_err(|e| format!("bad URL: {e}"))?;
    let request = hyper::Request::post(&uri)
        .header(
            hyper::header::HOST,
            uri.authority().map_or("", |a| a.as_str()),
        )
        .header(hyper::header::CONTENT_TYPE, "application/json")
        .header(hyper::header::USER_AGENT, "Termin webhooks")
        .header("termin-signature", signature)
        .header("termin-event", seq.to_string())
        .body(Full::new(Bytes::from(body)))
        .map_err(|e| e.to_string())?;
    let status = tokio::time::timeout(TIMEOUT, send(&uri, request))
        .await
        .map_err(|_| "no answer in time".to_string())??;
    match status.is_success() {
        true => Ok(()),
        false => Err(format!("answered {status}")),
    }
}

async fn send(
    uri: &Uri,
    request: hyper::Request<Full<Bytes>>,
) -> Result<hyper::StatusCode, String> {
    let host = uri.host().unwrap_or_default().to_string();
    let tls = uri.scheme_str() == Some("https");
    let port = uri.port_u16().unwrap_or(if tls { 443 } else { 80 });
    let tcp = tokio::net::TcpStream::connect((host.trim_matches(['[', ']']), port))
        .await
        .map_err(|e| format!("cannot connect: {e}"))?;
    if tls {
        let name = rustls_name(&host)?;
        let stream = connector()
            .connect(name, tcp)
            .await
            .map_err(|e| format!("TLS: {e}"))?;
        exchange(TokioIo::new(stream), request).await
    } else {
        exchange(TokioIo::new(tcp), request).await
    }
}

async fn exchange<T>(
    io: T,
    request: hyper::Request<Full<Bytes>>,
) -> Result<hyper::StatusCode, String>
where
    T: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let (mut sender, conn) = hyper::client::conn::http1::handshake(io)
        .await
        .map_err(|e| e.to_string())?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| e.to_string())?;
    let status = response.status();
    // Read the answer to its end, so that the connection closes cleanly.
    let _ = response.into_body().collect().await;
    Ok(status)
}

fn rustls_name(host: &str) -> Result<tokio_rustls::rustls::pki_types::ServerName<'static>, String> {
    tokio_rustls::rustls::pki_types::ServerName::try_from(host.trim_matches(['[', ']']).to_string())
        .map_err(|e| format!("bad host name: {e}"))
}

fn connector() -> tokio_rustls::TlsConnector {
    use std::sync::OnceLock;
    use tokio_rustls::rustls;
    static CONFIG: OnceLock<Arc<rustls::ClientConfig>> = OnceLock::new();
    let config = CONFIG.get_or_init(|| {
        let roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        Arc::new(
            rustls::ClientConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .expect("TLS 1.2 and 1.3")
                .with_root_certificates(roots)
                .with_no_client_auth(),
        )
    });
    tokio_rustls::TlsConnector::from(config.clone())
}

/// Run the sender until the process ends: every few seconds, and whenever woken.
pub async fn run(app: App, wake: Arc<tokio::sync::Notify>) {
    loop {
        if let Err(e) = deliver_due(&app).await {
            tracing::error!(error = %e, "webhook sender");
        }
        tokio::select! {
            _ = wake.notified() => {}
            _ = tokio::time::sleep(Duration::from_secs(5)) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_hmac_sha256_of_time_dot_body() {
        // RFC 4231 test case 2 is HMAC("Jefe", "what do ya want for nothing?").
        let s = signature("Jefe", 0, b"what do ya want for nothing?");
        // Not that message: ours is prefixed with "0.", so check the form and that it changes.
        assert!(s.starts_with("t=0,v1=") && s.len() == "t=0,v1=".len() + 64);
        assert_ne!(s, signature("Jefe", 1, b"what do ya want for nothing?"));
        assert_ne!(s, signature("Jeff", 0, b"what do ya want for nothing?"));
    }
}
