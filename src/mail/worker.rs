//! The outbox worker: claims due mails, sends them, marks them sent (rule 7).
//!
//! Several instances may run it against one database: a claim is a lease taken in
//! one statement (`FOR UPDATE SKIP LOCKED` on PostgreSQL), so no two claim the
//! same mail. What remains is the window between the mail server accepting a
//! message and our marking it sent: if the process dies inside it, the lease runs
//! out and the mail goes again. It is kept small by marking sent right after the
//! server's reply; the stable Message-ID lets receiving systems drop the copy.
//!
//! A mail queued without its message (the first mail of a new booking, the
//! reminder) is rendered here, just before it is sent.

use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use super::{Mailer, SendError};
use crate::app::App;
use crate::booking::{owed_message, Unrenderable};
use crate::store::StoreError;

/// Seconds a claimed mail is kept from other workers: longer than a batch takes
/// to send at the longest SMTP timeout, short enough that a mail claimed by a
/// process that died goes out within a minute or so.
pub const LEASE: i64 = 60;
/// Mails claimed at once.
const BATCH: i64 = 5;

/// Send what is due now; returns how many mails went out.
pub async fn deliver_due(app: &App, mailer: &Mailer) -> anyhow::Result<usize> {
    let (store, clock) = (&app.store, app.clock.as_ref());
    let mut sent = 0;
    loop {
        let now = clock.now().timestamp();
        let batch = store.claim_mail(now, LEASE, BATCH).await?;
        if batch.is_empty() {
            return Ok(sent);
        }
        for mail in batch {
            let message = match &mail.message {
                Some(message) => Cow::Borrowed(message),
                None => match owed_message(app, &mail).await {
                    Ok(message) => Cow::Owned(message),
                    // The database could not be read just now: this mail tries
                    // again later, the others of the batch go on.
                    Err(Unrenderable::Store(e))
                        if !matches!(e, StoreError::NotFound | StoreError::Corrupt(_)) =>
                    {
                        let due = clock.now().timestamp() + backoff(mail.attempts);
                        tracing::info!(mail = %mail.id, error = %e, "mail not rendered, will retry");
                        store.mail_retry(&mail.id, due, &e.to_string()).await?;
                        continue;
                    }
                    Err(e) => {
                        if matches!(e, Unrenderable::Render(_) | Unrenderable::Store(_)) {
                            tracing::error!(mail = %mail.id, kind = %mail.kind, error = %e, "mail not rendered");
                        }
                        store.mail_failed(&mail.id, &e.to_string()).await?;
                        continue;
                    }
                },
            };
            match mailer
                .send(&mail.id, &mail.sender, &mail.recipient, &message)
                .await
            {
                Ok(()) => {
                    store.mail_sent(&mail.id, clock.now().timestamp()).await?;
                    sent += 1;
                }
                Err(SendError::Permanent(reason)) => {
                    tracing::warn!(mail = %mail.id, kind = %mail.kind, %reason, "mail rejected for good");
                    store.mail_failed(&mail.id, &reason).await?;
                }
                Err(SendError::Temporary(reason)) => {
                    let due = clock.now().timestamp() + backoff(mail.attempts);
                    tracing::info!(mail = %mail.id, attempts = mail.attempts, %reason, "mail delayed, will retry");
                    store.mail_retry(&mail.id, due, &reason).await?;
                }
            }
        }
    }
}

/// Seconds to wait after the n-th failed attempt: 30 s doubling to at most an
/// hour, with up to a quarter added at random so that many delayed mails do not
/// all come back at once.
pub fn backoff(attempts: i64) -> i64 {
    let base = 30i64
        .saturating_mul(1 << attempts.clamp(1, 7).saturating_sub(1))
        .min(3600);
    let mut b = [0u8; 2];
    let jitter = match getrandom::fill(&mut b) {
        Ok(()) => i64::from(u16::from_le_bytes(b)) % (base / 4 + 1),
        Err(_) => 0,
    };
    base + jitter
}

/// Run the worker until the process ends: after every booking (`wake`) and at
/// least every few seconds.
pub async fn run(app: App, mailer: Mailer, wake: Arc<Notify>) {
    loop {
        if let Err(e) = deliver_due(&app, &mailer).await {
            tracing::error!(error = %e, "outbox worker");
        }
        tokio::select! {
            _ = wake.notified() => {}
            _ = tokio::time::sleep(Duration::from_secs(5)) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn backoff_grows_and_stays_bounded() {
        let first = super::backoff(1);
        assert!((30..=37).contains(&first), "{first}");
        assert!(super::backoff(3) >= 120);
        assert!(super::backoff(50) <= 4500);
    }
}
