//! Staff access: API keys for back-office systems, staff users and their sessions,
//! the login throttle, and kiosk devices.

use sqlx::FromRow;

use super::audit::audit;
use super::{in_tx, is_unique_violation, on, Actor, Conflict, NewAudit, Result, Store, StoreError};

/// Seconds a throttle key is slowed down for after so many failures.
pub type LoginDelay = fn(i64) -> i64;

/// An API key as stored: the key itself only as a hash.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ApiKey {
    pub id: String,
    pub office_id: Option<String>,
    pub label: String,
    /// `reader`, `clerk` or `head`.
    pub role: String,
}

/// A staff user as stored (the password only as its Argon2id hash).
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub role: String,
    pub office_id: Option<String>,
    pub password_hash: String,
    pub created_at: i64,
    pub disabled_at: Option<i64>,
    pub password_changed_at: Option<i64>,
}

const USER_COLUMNS: &str =
    "id, email, role, office_id, password_hash, created_at, disabled_at, password_changed_at";

/// A staff session as stored (the token only as a hash).
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct SessionRow {
    pub id: String,
    pub user_id: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub ended_at: Option<i64>,
}

/// A kiosk device as stored (its token only as a hash).
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct KioskRow {
    pub id: String,
    pub office_id: String,
    pub label: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

/// A failed login is forgiven after this long: a key's count goes down by
/// one per such time since its last failure.
pub const FAILURE_DECAY_SECONDS: i64 = 10 * 60;

/// The failures a key still counts at `now`, of `failures` at `last`.
fn worn_off(failures: i64, last: i64, now: i64) -> i64 {
    (failures - (now - last).max(0) / FAILURE_DECAY_SECONDS).max(0)
}

/// How long a throttle key remembers its failures after the last one.
pub const THROTTLE_MEMORY_SECONDS: i64 = 24 * 3600;

impl Store {
    #[allow(clippy::too_many_arguments)]
    pub async fn add_api_key(
        &self,
        id: &str,
        key_hash: &str,
        office_id: Option<&str>,
        label: &str,
        role: &str,
        actor: &Actor,
        now: i64,
    ) -> Result<()> {
        let entry = NewAudit::new(office_id, "apikey_added").detail(format!("{label} ({role})"));
        in_tx!(self, tx => {
            sqlx::query(
                "INSERT INTO api_keys (id, key_hash, office_id, label, created_at, role) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(key_hash)
            .bind(office_id)
            .bind(label)
            .bind(now)
            .bind(role)
            .execute(&mut *tx)
            .await?;
            audit!(tx, actor, &entry, now);
        });
        Ok(())
    }

    pub async fn api_key(&self, key_hash: &str) -> Result<ApiKey> {
        let key = on!(self, pool => sqlx::query_as("SELECT id, office_id, label, role FROM api_keys WHERE key_hash = $1")
            .bind(key_hash)
            .fetch_optional(pool)
            .await?);
        key.ok_or(StoreError::NotFound)
    }

    /// Every API key, by label.
    pub async fn api_keys(&self) -> Result<Vec<ApiKey>> {
        let keys = on!(self, pool => sqlx::query_as("SELECT id, office_id, label, role FROM api_keys ORDER BY label, id")
            .fetch_all(pool)
            .await?);
        Ok(keys)
    }

    /// Revoke an API key: it is deleted, so it works no more; the audit log
    /// keeps that it was. Returns whether there was such a key.
    pub async fn revoke_api_key(&self, id: &str, actor: &Actor, now: i64) -> Result<bool> {
        let revoked = in_tx!(self, tx => {
            let key: Option<(Option<String>, String)> = sqlx::query_as(
                "DELETE FROM api_keys WHERE id = $1 RETURNING office_id, label",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((office, label)) = &key {
                let entry = NewAudit::new(office.as_deref(), "apikey_revoked").detail(label.clone());
                audit!(tx, actor, &entry, now);
            }
            key.is_some()
        });
        Ok(revoked)
    }

    /// Add a staff user; an address already in use is a conflict.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_user(
        &self,
        id: &str,
        email: &str,
        role: &str,
        office_id: Option<&str>,
        password_hash: &str,
        actor: &Actor,
        now: i64,
    ) -> Result<()> {
        let entry = NewAudit::new(office_id, "user_added").detail(format!("{email} ({role})"));
        let done: Result<()> = async {
            in_tx!(self, tx => {
                sqlx::query(
                    "INSERT INTO users (id, email, role, office_id, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id)
                .bind(email)
                .bind(role)
                .bind(office_id)
                .bind(password_hash)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                audit!(tx, actor, &entry, now);
            });
            Ok(())
        }
        .await;
        match done {
            Err(StoreError::Database(e)) if is_unique_violation(&e) => {
                Err(StoreError::Conflict(Conflict::State))
            }
            other => other,
        }
    }

    pub async fn user_by_email(&self, email: &str) -> Result<Option<UserRow>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1");
        let row = on!(self, pool => sqlx::query_as(&sql).bind(email).fetch_optional(pool).await?);
        Ok(row)
    }

    pub async fn user(&self, id: &str) -> Result<UserRow> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        let row = on!(self, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?);
        row.ok_or(StoreError::NotFound)
    }

    /// The users of an office (with `None`, of every office), by address.
    pub async fn users(&self, office_id: Option<&str>) -> Result<Vec<UserRow>> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users WHERE ($1 IS NULL OR office_id = $1) ORDER BY email"
        );
        let rows = on!(self, pool => sqlx::query_as(&sql).bind(office_id).fetch_all(pool).await?);
        Ok(rows)
    }

    /// Set a user's password hash and end the user's sessions but `keep` (the
    /// one the change was made in, if any), in one unit of work.
    pub async fn set_password(
        &self,
        user_id: &str,
        password_hash: &str,
        keep: Option<&str>,
        actor: &Actor,
        entry: &NewAudit,
        now: i64,
    ) -> Result<()> {
        in_tx!(self, tx => {
            let n = sqlx::query("UPDATE users SET password_hash = $2, password_changed_at = $3 WHERE id = $1")
                .bind(user_id)
                .bind(password_hash)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("UPDATE staff_sessions SET ended_at = $3 WHERE user_id = $1 AND ended_at IS NULL AND ($2 IS NULL OR id <> $2)")
                .bind(user_id)
                .bind(keep)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            audit!(tx, actor, entry, now);
        });
        Ok(())
    }

    /// Disable a user and end all their sessions. Disabling twice changes nothing.
    pub async fn disable_user(
        &self,
        user_id: &str,
        actor: &Actor,
        entry: &NewAudit,
        now: i64,
    ) -> Result<bool> {
        let changed = in_tx!(self, tx => {
            let n = sqlx::query("UPDATE users SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL")
                .bind(user_id)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if n == 1 {
                sqlx::query("UPDATE staff_sessions SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL")
                    .bind(user_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                audit!(tx, actor, entry, now);
            }
            n == 1
        });
        Ok(changed)
    }

    /// Start a session for a user (the login's audit entry in the same unit of work).
    #[allow(clippy::too_many_arguments)]
    pub async fn create_session(
        &self,
        id: &str,
        token_hash: &str,
        user_id: &str,
        expires_at: i64,
        actor: &Actor,
        entry: &NewAudit,
        now: i64,
    ) -> Result<()> {
        in_tx!(self, tx => {
            sqlx::query(
                "INSERT INTO staff_sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $4, $5)",
            )
            .bind(id)
            .bind(token_hash)
            .bind(user_id)
            .bind(now)
            .bind(expires_at)
            .execute(&mut *tx)
            .await?;
            audit!(tx, actor, entry, now);
        });
        Ok(())
    }

    /// A session by its token's hash, with its user, as stored.
    pub async fn session(&self, token_hash: &str) -> Result<Option<(SessionRow, UserRow)>> {
        let found: Option<SessionRow> = on!(self, pool => sqlx::query_as(
            "SELECT id, user_id, created_at, last_seen_at, expires_at, ended_at FROM staff_sessions WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(pool)
        .await?);
        match found {
            Some(s) => {
                let user = self.user(&s.user_id).await?;
                Ok(Some((s, user)))
            }
            None => Ok(None),
        }
    }

    /// Note that a session was used now (for the idle timeout).
    pub async fn touch_session(&self, id: &str, now: i64) -> Result<()> {
        in_tx!(self, tx => {
            sqlx::query("UPDATE staff_sessions SET last_seen_at = $2 WHERE id = $1 AND ended_at IS NULL AND last_seen_at < $2")
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        });
        Ok(())
    }

    /// End a session (logout); true if it was open. The audit entry goes with it.
    pub async fn end_session(
        &self,
        id: &str,
        actor: &Actor,
        entry: &NewAudit,
        now: i64,
    ) -> Result<bool> {
        let ended = in_tx!(self, tx => {
            let n = sqlx::query("UPDATE staff_sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL")
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if n == 1 {
                audit!(tx, actor, entry, now);
            }
            n == 1
        });
        Ok(ended)
    }

    /// Sessions past their lifetime, ended or idle for longer than `idle` are forgotten.
    pub async fn sweep_sessions(&self, now: i64, idle: i64) -> Result<u64> {
        let n = in_tx!(self, tx => {
            sqlx::query("DELETE FROM staff_sessions WHERE expires_at <= $1 OR ended_at IS NOT NULL OR last_seen_at <= $2")
                .bind(now)
                .bind(now - idle)
                .execute(&mut *tx)
                .await?
                .rows_affected()
        });
        Ok(n)
    }

    /// Count a login attempt against each key (the account's, the client's):
    /// unless one of them is slowed down until later than `now` (then
    /// `Err(until)`), each counts the attempt as a failure at once and is
    /// slowed down for its `delay(failures)` seconds from now. So attempts sent
    /// in parallel cannot outrun the count; [`Store::login_succeeded`] takes
    /// it back. A key's failures wear off, one per [`FAILURE_DECAY_SECONDS`]:
    /// the typos of an office's clerks, who share one address, do not add up
    /// over a week.
    pub async fn login_attempt(
        &self,
        keys: &[(&str, LoginDelay)],
        now: i64,
    ) -> Result<std::result::Result<(), i64>> {
        let out = in_tx!(self, tx => {
            let mut blocked = 0;
            for (key, _) in keys {
                // Taking the row first (an upsert that changes nothing) makes
                // parallel attempts at one key wait for each other on PostgreSQL.
                sqlx::query(
                    "INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until) VALUES ($1, 0, $2, 0) \
                     ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures",
                )
                .bind(key)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                let until: i64 = sqlx::query_scalar("SELECT blocked_until FROM login_throttle WHERE key = $1")
                    .bind(key)
                    .fetch_one(&mut *tx)
                    .await?;
                blocked = blocked.max(until);
            }
            if blocked > now {
                // The rows taken above are let go of at once.
                tx.rollback().await?;
                return Ok(Err(blocked));
            }
            for (key, delay) in keys {
                let (failures, last): (i64, i64) = sqlx::query_as(
                    "SELECT failures, last_failure_at FROM login_throttle WHERE key = $1",
                )
                .bind(key)
                .fetch_one(&mut *tx)
                .await?;
                let failures = worn_off(failures, last, now) + 1;
                sqlx::query("UPDATE login_throttle SET failures = $2, last_failure_at = $3, blocked_until = $4 WHERE key = $1")
                    .bind(key)
                    .bind(failures)
                    .bind(now)
                    .bind(now + delay(failures))
                    .execute(&mut *tx)
                    .await?;
            }
            Ok(())
        });
        Ok(out)
    }

    /// The login went through: the account's failures are forgotten, and the
    /// client's count goes back by the one attempt; no wait starts anew.
    pub async fn login_succeeded(
        &self,
        account_key: &str,
        client_key: &str,
        delay: fn(i64) -> i64,
    ) -> Result<()> {
        in_tx!(self, tx => {
            sqlx::query("DELETE FROM login_throttle WHERE key = $1")
                .bind(account_key)
                .execute(&mut *tx)
                .await?;
            let row: Option<(i64, i64, i64)> = sqlx::query_as(
                "SELECT failures, last_failure_at, blocked_until FROM login_throttle WHERE key = $1",
            )
            .bind(client_key)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((failures, last, until)) = row {
                let failures = (failures - 1).max(0);
                // The wait may only get shorter: the block of the attempt is taken back.
                let until = if delay(failures) == 0 { 0 } else { until.min(last + delay(failures)) };
                sqlx::query("UPDATE login_throttle SET failures = $2, blocked_until = $3 WHERE key = $1")
                    .bind(client_key)
                    .bind(failures)
                    .bind(until)
                    .execute(&mut *tx)
                    .await?;
            }
        });
        Ok(())
    }

    /// Write the audit entry of a failed login.
    pub async fn login_failed(&self, actor: &Actor, entry: &NewAudit, now: i64) -> Result<()> {
        self.audit(actor, entry, now).await
    }

    /// Forget throttle keys whose last failure is long past.
    pub async fn sweep_login_throttle(&self, now: i64) -> Result<u64> {
        let n = in_tx!(self, tx => {
            sqlx::query("DELETE FROM login_throttle WHERE last_failure_at < $1 AND blocked_until < $2")
                .bind(now - THROTTLE_MEMORY_SECONDS)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected()
        });
        Ok(n)
    }

    /// Unlock a kiosk device for an office.
    pub async fn add_kiosk(
        &self,
        id: &str,
        token_hash: &str,
        office_id: &str,
        label: &str,
        actor: &Actor,
        now: i64,
    ) -> Result<()> {
        let entry = NewAudit::new(Some(office_id), "kiosk_added").detail(format!("{label} ({id})"));
        in_tx!(self, tx => {
            sqlx::query("INSERT INTO kiosks (id, token_hash, office_id, label, created_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(id)
                .bind(token_hash)
                .bind(office_id)
                .bind(label)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            audit!(tx, actor, &entry, now);
        });
        Ok(())
    }

    /// An unlocked (not revoked) kiosk by its token's hash.
    pub async fn kiosk(&self, token_hash: &str) -> Result<Option<KioskRow>> {
        let row = on!(self, pool => sqlx::query_as(
            "SELECT id, office_id, label, created_at, revoked_at FROM kiosks WHERE token_hash = $1 AND revoked_at IS NULL",
        )
        .bind(token_hash)
        .fetch_optional(pool)
        .await?);
        Ok(row)
    }

    pub async fn kiosks(&self, office_id: Option<&str>) -> Result<Vec<KioskRow>> {
        let rows = on!(self, pool => sqlx::query_as(
            "SELECT id, office_id, label, created_at, revoked_at FROM kiosks WHERE ($1 IS NULL OR office_id = $1) ORDER BY created_at, id",
        )
        .bind(office_id)
        .fetch_all(pool)
        .await?);
        Ok(rows)
    }

    /// Revoke a kiosk; its token no longer works. Revoking twice changes nothing.
    pub async fn revoke_kiosk(&self, id: &str, actor: &Actor, now: i64) -> Result<bool> {
        let revoked = in_tx!(self, tx => {
            let office: Option<String> = sqlx::query_scalar(
                "UPDATE kiosks SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING office_id",
            )
            .bind(id)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(office) = &office {
                let entry = NewAudit::new(Some(office), "kiosk_revoked").detail(id.to_string());
                audit!(tx, actor, &entry, now);
            }
            office.is_some()
        });
        Ok(revoked)
    }
}
