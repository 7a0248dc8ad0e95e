//! Mail: the transports (SMTP, files, memory) and the messages a booking owes.
//!
//! A change that must say how things stood when it was made (a confirmation, a
//! cancellation, a move) renders its mail when it is written, and the outbox
//! keeps the complete RFC 5322 bytes. The first mail of a new booking and the
//! reminder are queued without their bytes, and rendered by the worker just
//! before they are sent, from the booking as it stands then: the booking's
//! transaction then carries a row of a few hundred bytes instead of kilobytes,
//! and a reminder is dated when it goes out.

pub mod ics;
pub mod messages;
pub mod worker;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use lettre::address::Envelope;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

/// A mail as it left, for tests and the file transport.
#[derive(Debug, Clone)]
pub struct Sent {
    pub recipient: String,
    pub message: Vec<u8>,
}

impl Sent {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.message).into_owned()
    }
}

#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// One `.eml` file per mail in a folder.
    Files(PathBuf),
    /// Kept in memory, for tests.
    Memory(Arc<Mutex<Vec<Sent>>>),
}

/// Why a delivery failed, and whether trying again can help.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("temporary: {0}")]
    Temporary(String),
    #[error("permanent: {0}")]
    Permanent(String),
}

impl Mailer {
    /// An SMTP transport from lettre's URL form (`smtp://`, `smtps://`, `?tls=required`).
    pub fn smtp(url: &str, timeout: Duration) -> anyhow::Result<Mailer> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?
            .timeout(Some(timeout))
            .build();
        Ok(Mailer::Smtp(transport))
    }

    /// Mails written as files into `dir`; what a killed process left half
    /// written there (`.{id}.tmp`) is removed first: its mail is still owed in
    /// the outbox and is written again.
    pub fn files(dir: &std::path::Path) -> Mailer {
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                let name = e.file_name();
                let name = name.to_string_lossy();
                if name.starts_with('.') && name.ends_with(".tmp") {
                    if let Err(err) = std::fs::remove_file(e.path()) {
                        tracing::warn!(error = %err, "removing a half-written mail file");
                    }
                }
            }
        }
        Mailer::Files(dir.to_path_buf())
    }

    pub fn memory() -> Mailer {
        Mailer::Memory(Arc::default())
    }

    /// What the memory transport holds (empty for the others).
    pub fn sent(&self) -> Vec<Sent> {
        match self {
            Mailer::Memory(m) => m.lock().expect("mailbox").clone(),
            _ => vec![],
        }
    }

    pub async fn send(
        &self,
        id: &str,
        sender: &str,
        recipient: &str,
        message: &[u8],
    ) -> Result<(), SendError> {
        match self {
            Mailer::Smtp(transport) => {
                let envelope = envelope(sender, recipient)?;
                transport
                    .send_raw(&envelope, message)
                    .await
                    .map(|_| ())
                    .map_err(|e| {
                        if e.is_permanent() {
                            SendError::Permanent(e.to_string())
                        } else {
                            SendError::Temporary(e.to_string())
                        }
                    })
            }
            Mailer::Files(dir) => {
                let write = async {
                    tokio::fs::create_dir_all(dir).await?;
                    // Write under a temporary name and rename, so a reader never sees half a mail.
                    let tmp = dir.join(format!(".{id}.tmp"));
                    tokio::fs::write(&tmp, message).await?;
                    tokio::fs::rename(&tmp, dir.join(format!("{id}.eml"))).await
                };
                write
                    .await
                    .map_err(|e| SendError::Temporary(format!("writing to {}: {e}", dir.display())))
            }
            Mailer::Memory(m) => {
                m.lock().expect("mailbox").push(Sent {
                    recipient: recipient.to_string(),
                    message: message.to_vec(),
                });
                Ok(())
            }
        }
    }
}

fn envelope(sender: &str, recipient: &str) -> Result<Envelope, SendError> {
    let parse = |a: &str| {
        a.parse()
            .map_err(|e| SendError::Permanent(format!("address {a:?}: {e}")))
    };
    Envelope::new(Some(parse(sender)?), vec![parse(recipient)?])
        .map_err(|e| SendError::Permanent(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_written_mail_files_are_removed_at_start_and_whole_ones_kept() {
        let dir = std::env::temp_dir().join(format!("termin-mail-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(".a.tmp"), "half").unwrap();
        std::fs::write(dir.join("b.eml"), "whole").unwrap();
        let _ = Mailer::files(&dir);
        let mut left: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["b.eml"]);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
