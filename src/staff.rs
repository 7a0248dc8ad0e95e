//! Use cases of a city's IT: importing offices, adding staff users and API keys.

use argon2::password_hash::{PasswordHasher, SaltString};
use argon2::Argon2;

use crate::app::App;
use crate::domain::officefile::{self, Mistakes};
use crate::secret;
use crate::store::{Conflict, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Invalid(Mistakes),
    #[error(
        "bookings to come rely on the current plan: while they exist, a counter keeps its grid_minutes and \
         is not removed, and an office keeps its time zone and arrival window; move or cancel them first"
    )]
    PlanInUse,
    #[error(transparent)]
    Store(StoreError),
}

/// Create or update the offices of an office file: all of them or, at the first mistake, none.
pub async fn import(app: &App, source: &str) -> Result<Vec<String>, ImportError> {
    let offices = officefile::parse(source).map_err(ImportError::Invalid)?;
    // Holds that ran out still own their cells until they are given back; give them
    // back now, so that they do not count as plan in use.
    if let Err(e) = crate::hold::expire_due(app).await {
        tracing::warn!(error = %e, "giving back holds that ran out before an import");
    }
    let saved = app
        .store
        .save_offices(&offices, app.clock.now().timestamp())
        .await;
    app.forget_offices();
    match saved {
        Ok(()) => Ok(offices.into_iter().map(|o| o.id).collect()),
        Err(StoreError::Conflict(Conflict::PlanInUse)) => Err(ImportError::PlanInUse),
        Err(e) => Err(ImportError::Store(e)),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error("the role must be clerk, head or admin")]
    Role,
    #[error("{0:?} is not an email address")]
    Email(String),
    #[error("there is no office {0:?}")]
    Office(String),
    #[error("clerks and heads belong to an office: give --office")]
    OfficeMissing,
    #[error("the password must have at least 12 characters")]
    WeakPassword,
    #[error("a user with this email address exists already")]
    Exists,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Add a staff user; the password is stored as an Argon2id hash.
pub async fn add_user(
    app: &App,
    email: &str,
    role: &str,
    office: Option<&str>,
    password: &str,
) -> Result<(), UserError> {
    if !matches!(role, "clerk" | "head" | "admin") {
        return Err(UserError::Role);
    }
    if !crate::domain::text::is_email(email) {
        return Err(UserError::Email(email.to_string()));
    }
    if let Some(id) = office {
        if app.office(id).await?.is_none() {
            return Err(UserError::Office(id.to_string()));
        }
    } else if role != "admin" {
        return Err(UserError::OfficeMissing);
    }
    if password.chars().count() < 12 {
        return Err(UserError::WeakPassword);
    }
    let hash = hash_password(password);
    let id = uuid::Uuid::new_v4().to_string();
    match app
        .store
        .add_user(
            &id,
            &email.to_lowercase(),
            role,
            office,
            &hash,
            app.clock.now().timestamp(),
        )
        .await
    {
        Err(StoreError::Conflict(_)) => Err(UserError::Exists),
        other => Ok(other?),
    }
}

pub fn hash_password(password: &str) -> String {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).expect("the operating system's random generator failed");
    let salt = SaltString::encode_b64(&salt).expect("16 bytes make a salt");
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 with default parameters")
        .to_string()
}

/// A new random password for a user who was not asked for one.
pub fn generate_password() -> String {
    secret::new_token()[..20].to_string()
}

/// Add an API key for back-office systems; returns the key, shown once.
pub async fn add_api_key(
    app: &App,
    label: &str,
    office: Option<&str>,
) -> Result<String, UserError> {
    if let Some(id) = office {
        if app.office(id).await?.is_none() {
            return Err(UserError::Office(id.to_string()));
        }
    }
    let key = secret::new_token();
    let id = uuid::Uuid::new_v4().to_string();
    app.store
        .add_api_key(
            &id,
            &secret::hash(&key),
            office,
            label,
            app.clock.now().timestamp(),
        )
        .await?;
    Ok(key)
}
