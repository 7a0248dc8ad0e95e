//! Staff access: API keys for back-office systems and staff user accounts.

use super::{is_unique_violation, on, Conflict, Result, Store, StoreError};

/// An API key as stored: the key itself only as a hash.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ApiKey {
    pub id: String,
    pub office_id: Option<String>,
    pub label: String,
}

impl Store {
    pub async fn add_api_key(
        &self,
        id: &str,
        key_hash: &str,
        office_id: Option<&str>,
        label: &str,
        now: i64,
    ) -> Result<()> {
        on!(self, pool => { sqlx::query(
            "INSERT INTO api_keys (id, key_hash, office_id, label, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(key_hash)
        .bind(office_id)
        .bind(label)
        .bind(now)
        .execute(pool)
        .await?; });
        Ok(())
    }

    pub async fn api_key(&self, key_hash: &str) -> Result<ApiKey> {
        let key = on!(self, pool => sqlx::query_as("SELECT id, office_id, label FROM api_keys WHERE key_hash = $1")
            .bind(key_hash)
            .fetch_optional(pool)
            .await?);
        key.ok_or(StoreError::NotFound)
    }

    /// Add a staff user; an address already in use is a conflict.
    pub async fn add_user(
        &self,
        id: &str,
        email: &str,
        role: &str,
        office_id: Option<&str>,
        password_hash: &str,
        now: i64,
    ) -> Result<()> {
        let done = on!(self, pool => sqlx::query(
            "INSERT INTO users (id, email, role, office_id, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(email)
        .bind(role)
        .bind(office_id)
        .bind(password_hash)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ()));
        match done {
            Ok(_) => Ok(()),
            Err(e) if is_unique_violation(&e) => Err(StoreError::Conflict(Conflict::State)),
            Err(e) => Err(e.into()),
        }
    }
}
