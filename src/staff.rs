//! Use cases of staff accounts and of a city's IT: importing offices; staff users, their
//! logins and sessions; API keys with a role; kiosk devices; the audit log; and `Staff`,
//! whoever acts on the staff side, with what they may do.

use std::net::IpAddr;
use std::sync::LazyLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::Duration;

use crate::app::App;
use crate::domain::officefile::{self, Mistakes};
use crate::domain::roles::covers;
use crate::domain::{Permission, Role};
use crate::secret;
use crate::store::{Actor, ApiKey, AuditRow, Conflict, KioskRow, NewAudit, StoreError, UserRow};

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
    #[error("the role of an API key must be reader, clerk or head")]
    KeyRole,
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
    #[error("there is no user with this email address")]
    Unknown,
    #[error("a label is one line of 1 to 100 characters")]
    Label,
    #[error("only an admin may do this, or a head for the clerks of their office")]
    Forbidden,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Whoever acts on the staff side: a logged-in user, an API key or a kiosk;
/// with their role and the office they belong to (`None`: every office).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    /// Who, for the audit log.
    pub actor: Actor,
    pub role: Role,
    pub office: Option<String>,
    /// The user's id and session, when a user is logged in.
    pub user_id: Option<String>,
    pub session_id: Option<String>,
}

/// Why someone may not do something.
#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    /// No key, session or kiosk is known by what was sent (401).
    #[error("sign in, or send an API key as Authorization: Bearer …")]
    Unknown,
    /// Known, but not allowed here (403).
    #[error("{0}")]
    Forbidden(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Staff {
    /// The command line on the server: a city's IT, with every right.
    pub fn cli() -> Staff {
        Staff::with_every_right(Actor::cli())
    }

    /// Termin itself (the demo, the sweeps).
    pub fn system() -> Staff {
        Staff::with_every_right(Actor::system())
    }

    fn with_every_right(actor: Actor) -> Staff {
        Staff {
            actor,
            role: Role::Admin,
            office: None,
            user_id: None,
            session_id: None,
        }
    }

    /// Whether this staff member may add, disable or reset a user of `role` at
    /// `office`: an admin anyone, a head the clerks of their own office.
    pub fn may_manage_user(&self, role: Role, office: Option<&str>) -> bool {
        match self.role {
            Role::Admin => true,
            Role::Head => {
                role == Role::Clerk && office.is_some() && office == self.office.as_deref()
            }
            _ => false,
        }
    }

    fn manage(&self, role: Role, office: Option<&str>) -> Result<(), UserError> {
        if self.may_manage_user(role, office) {
            Ok(())
        } else {
            Err(UserError::Forbidden)
        }
    }

    pub fn may(&self, p: Permission, office: &str) -> bool {
        self.role.may(p) && covers(self.office.as_deref(), office)
    }

    /// `Ok` if the staff member may do `p` at `office`, else why not.
    pub fn require(&self, p: Permission, office: &str) -> Result<(), AccessError> {
        if !covers(self.office.as_deref(), office) {
            return Err(AccessError::Forbidden(format!(
                "{} belongs to another office than {office:?}",
                self.actor.label
            )));
        }
        if !self.role.may(p) {
            return Err(AccessError::Forbidden(format!(
                "the role {} may not do this",
                self.role.as_str()
            )));
        }
        Ok(())
    }

    fn of_user(user: &UserRow, session_id: Option<String>) -> Option<Staff> {
        let role = Role::parse(&user.role)?;
        Some(Staff {
            actor: Actor {
                id: format!("user:{}", user.id),
                label: user.email.clone(),
            },
            role,
            // An admin belongs to every office.
            office: if role == Role::Admin {
                None
            } else {
                user.office_id.clone()
            },
            user_id: Some(user.id.clone()),
            session_id,
        })
    }
}

fn check_office_and_role(role: Role, office: Option<&str>) -> Result<(), UserError> {
    if office.is_none() && role != Role::Admin {
        return Err(UserError::OfficeMissing);
    }
    Ok(())
}

/// Add a staff user; the password is stored as an Argon2id hash.
pub async fn add_user(
    app: &App,
    by: &Staff,
    email: &str,
    role: &str,
    office: Option<&str>,
    password: &str,
) -> Result<(), UserError> {
    let role = Role::parse(role)
        .filter(|r| Role::USER_ROLES.contains(r))
        .ok_or(UserError::Role)?;
    if !crate::domain::text::is_email(email) {
        return Err(UserError::Email(email.to_string()));
    }
    if let Some(id) = office {
        if app.office(id).await?.is_none() {
            return Err(UserError::Office(id.to_string()));
        }
    }
    check_office_and_role(role, office)?;
    by.manage(role, office)?;
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
            role.as_str(),
            office,
            &hash,
            &by.actor,
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

/// Argon2 checks at once: each takes about 19 MiB and a core for a while, so
/// a burst of logins waits its turn instead of taking the machine.
static ARGON2_AT_ONCE: LazyLock<tokio::sync::Semaphore> =
    LazyLock::new(|| tokio::sync::Semaphore::new(4));

/// Whether a password matches a stored hash (`None`: no one's, for an
/// unknown address, with the same work); Argon2 is slow on purpose, so this
/// runs where it does not hold up other requests.
async fn verify_password(password: &str, hash: Option<&str>) -> bool {
    let (password, hash) = (password.to_string(), hash.map(str::to_string));
    let Ok(_turn) = ARGON2_AT_ONCE.acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        let hash = hash.as_deref().unwrap_or(DUMMY_HASH.as_str());
        PasswordHash::new(hash).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
    .unwrap_or(false)
}

/// A hash no password of anyone matches: checked against for an unknown
/// address, so that it takes as long as a wrong password.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_password(&format!("no one's password {}", secret::new_token())));

/// A new random password for a user who was not asked for one.
pub fn generate_password() -> String {
    secret::new_token()[..20].to_string()
}

/// Add an API key for back-office systems with a role (`reader` unless given);
/// returns the key, shown once.
pub async fn add_api_key(
    app: &App,
    by: &Staff,
    label: &str,
    office: Option<&str>,
    role: Option<&str>,
) -> Result<String, UserError> {
    if by.role != Role::Admin {
        return Err(UserError::Forbidden);
    }
    let role = match role {
        None => Role::Reader,
        Some(r) => Role::parse(r)
            .filter(|r| Role::KEY_ROLES.contains(r))
            .ok_or(UserError::KeyRole)?,
    };
    check_label(label)?;
    if let Some(id) = office {
        if app.office(id).await?.is_none() {
            return Err(UserError::Office(id.to_string()));
        }
    }
    // Clerks and heads belong to an office, as users do; a reader may read every office's day.
    if office.is_none() && role != Role::Reader {
        return Err(UserError::OfficeMissing);
    }
    let key = secret::new_token();
    let id = uuid::Uuid::new_v4().to_string();
    app.store
        .add_api_key(
            &id,
            &secret::hash(&key),
            office,
            label,
            role.as_str(),
            &by.actor,
            app.clock.now().timestamp(),
        )
        .await?;
    Ok(key)
}

fn check_label(label: &str) -> Result<(), UserError> {
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 100 || !crate::domain::text::is_clean_line(label)
    {
        return Err(UserError::Label);
    }
    Ok(())
}

/// Set a new password for a user by their address (`termin user reset`): all
/// their sessions end.
pub async fn reset_password(
    app: &App,
    by: &Staff,
    email: &str,
    password: &str,
) -> Result<(), UserError> {
    if password.chars().count() < 12 {
        return Err(UserError::WeakPassword);
    }
    let user = app
        .store
        .user_by_email(&email.to_lowercase())
        .await?
        .ok_or(UserError::Unknown)?;
    by.manage(
        Role::parse(&user.role).unwrap_or(Role::Admin),
        user.office_id.as_deref(),
    )?;
    let entry =
        NewAudit::new(user.office_id.as_deref(), "password_reset").detail(user.email.clone());
    app.store
        .set_password(
            &user.id,
            &hash_password(password),
            None,
            &by.actor,
            &entry,
            app.clock.now().timestamp(),
        )
        .await?;
    Ok(())
}

/// Disable a user by their address: they can no longer log in, and their
/// sessions end. Returns whether the user was enabled before.
pub async fn disable_user(app: &App, by: &Staff, email: &str) -> Result<bool, UserError> {
    let user = app
        .store
        .user_by_email(&email.to_lowercase())
        .await?
        .ok_or(UserError::Unknown)?;
    by.manage(
        Role::parse(&user.role).unwrap_or(Role::Admin),
        user.office_id.as_deref(),
    )?;
    let entry =
        NewAudit::new(user.office_id.as_deref(), "user_disabled").detail(user.email.clone());
    Ok(app
        .store
        .disable_user(&user.id, &by.actor, &entry, app.clock.now().timestamp())
        .await?)
}

#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    /// The same answer for an unknown address, a wrong password and a disabled user.
    #[error("the email address or the password is not right")]
    Refused,
    /// Too many failed logins for this address or from this client: wait.
    #[error("too many failed logins; try again in {0} seconds")]
    Slow(i64),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A login that went through: the session's secret token (for the cookie)
/// and who is logged in.
#[derive(Debug, Clone)]
pub struct LoggedIn {
    pub token: String,
    pub staff: Staff,
    pub expires_at: i64,
}

/// Failed logins an account may have before each next try waits.
pub const FREE_FAILURES: i64 = 5;
/// Failed logins one client address may have: more, since an office's
/// clerks share one address behind its router.
pub const FREE_CLIENT_FAILURES: i64 = 20;
/// The longest wait between tries.
pub const MAX_LOGIN_DELAY_SECONDS: i64 = 15 * 60;

/// Seconds until the next try after `failures` failed ones: none for the
/// first few, then 1, 2, 4 … up to a quarter of an hour.
pub fn login_delay(failures: i64) -> i64 {
    if failures < FREE_FAILURES {
        0
    } else {
        (1i64 << (failures - FREE_FAILURES).min(20)).min(MAX_LOGIN_DELAY_SECONDS)
    }
}

/// [`login_delay`] for a client address, after its more free failures.
pub fn client_login_delay(failures: i64) -> i64 {
    login_delay(failures - (FREE_CLIENT_FAILURES - FREE_FAILURES))
}

fn account_key(email: &str) -> String {
    secret::hash(&format!("account:{}", email.trim().to_lowercase()))
}

fn client_throttle_key(client: IpAddr) -> String {
    secret::hash(&format!("client:{}", crate::client::key(client)))
}

/// Log a staff user in. Failed tries are counted per account (by the address
/// typed, whether or not there is such a user) and per client address block,
/// in the database so that every instance sees them; after
/// [`FREE_FAILURES`] each try waits longer ([`login_delay`]). An unknown
/// address, a disabled user and a wrong password get the same answer after
/// the same work.
pub async fn login(
    app: &App,
    email: &str,
    password: &str,
    client: IpAddr,
) -> Result<LoggedIn, LoginError> {
    let now = app.clock.now().timestamp();
    let email = email.trim().to_lowercase();
    let (account, client) = (account_key(&email), client_throttle_key(client));
    if let Err(until) = app
        .store
        .login_attempt(
            &[(&account, login_delay), (&client, client_login_delay)],
            now,
        )
        .await?
    {
        return Err(LoginError::Slow((until - now).max(1)));
    }
    let user = app.store.user_by_email(&email).await?;
    let hash = user.as_ref().map(|u| u.password_hash.as_str());
    let matches = verify_password(password, hash).await;
    let user = user.filter(|u| matches && u.disabled_at.is_none());
    let Some(staff) = user.as_ref().and_then(|u| Staff::of_user(u, None)) else {
        // The address typed is not kept: it may be anyone's, or a password typed in the wrong field.
        let (actor, office) = match &user_known(app, &email).await? {
            Some(u) => (
                Actor {
                    id: format!("user:{}", u.id),
                    label: u.email.clone(),
                },
                u.office_id.clone(),
            ),
            None => (
                Actor {
                    id: "unknown".into(),
                    label: "unknown address".into(),
                },
                None,
            ),
        };
        app.store
            .login_failed(
                &actor,
                &NewAudit::new(office.as_deref(), "login_failed"),
                now,
            )
            .await?;
        return Err(LoginError::Refused);
    };
    let user = user.expect("a user");
    app.store
        .login_succeeded(&account, &client, client_login_delay)
        .await?;
    let token = secret::new_token();
    let session_id = uuid::Uuid::now_v7().to_string();
    let expires_at = now + Duration::hours(i64::from(app.config.staff_session_hours)).num_seconds();
    app.store
        .create_session(
            &session_id,
            &secret::hash(&token),
            &user.id,
            expires_at,
            &staff.actor,
            &NewAudit::new(user.office_id.as_deref(), "login"),
            now,
        )
        .await?;
    Ok(LoggedIn {
        token,
        staff: Staff {
            session_id: Some(session_id),
            ..staff
        },
        expires_at,
    })
}

async fn user_known(app: &App, email: &str) -> Result<Option<UserRow>, StoreError> {
    app.store.user_by_email(email).await
}

/// A session is kept alive by use at most this often (a write per request would be many).
const TOUCH_SECONDS: i64 = 30;

/// The staff member behind a session token, if the session is still open:
/// not logged out, not ended by a password change, used within the idle
/// timeout, within its lifetime, and its user not disabled. Using it keeps it
/// from going idle.
///
/// This is where the staff pages plug in: they read the token from their
/// session cookie and ask here.
pub async fn session(app: &App, token: &str) -> Result<Staff, AccessError> {
    if !secret::looks_like_token(token) {
        return Err(AccessError::Unknown);
    }
    let now = app.clock.now().timestamp();
    let idle = Duration::minutes(i64::from(app.config.staff_idle_minutes)).num_seconds();
    let (s, user) = app
        .store
        .session(&secret::hash(token))
        .await?
        .ok_or(AccessError::Unknown)?;
    if s.ended_at.is_some()
        || now >= s.expires_at
        || now >= s.last_seen_at + idle
        || user.disabled_at.is_some()
    {
        return Err(AccessError::Unknown);
    }
    if now - s.last_seen_at >= TOUCH_SECONDS {
        app.store.touch_session(&s.id, now).await?;
    }
    Staff::of_user(&user, Some(s.id)).ok_or(AccessError::Unknown)
}

/// End the session behind a token (logout). Ending it twice changes nothing.
pub async fn logout(app: &App, token: &str) -> Result<(), StoreError> {
    let Ok(staff) = session(app, token).await else {
        return Ok(());
    };
    if let Some(id) = &staff.session_id {
        app.store
            .end_session(
                id,
                &staff.actor,
                &NewAudit::new(staff.office.as_deref(), "logout"),
                app.clock.now().timestamp(),
            )
            .await?;
    }
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("the current password is not right")]
    Wrong,
    #[error("the new password must have at least 12 characters")]
    Weak,
    #[error("only a logged-in user has a password to change")]
    NoUser,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A logged-in user changes their password: the session they did it in goes
/// on, every other session of theirs ends.
pub async fn change_password(
    app: &App,
    staff: &Staff,
    current: &str,
    new: &str,
) -> Result<(), PasswordError> {
    let user_id = staff.user_id.as_deref().ok_or(PasswordError::NoUser)?;
    let user = app.store.user(user_id).await?;
    if !verify_password(current, Some(&user.password_hash)).await {
        return Err(PasswordError::Wrong);
    }
    if new.chars().count() < 12 {
        return Err(PasswordError::Weak);
    }
    app.store
        .set_password(
            user_id,
            &hash_password(new),
            staff.session_id.as_deref(),
            &staff.actor,
            &NewAudit::new(user.office_id.as_deref(), "password_changed"),
            app.clock.now().timestamp(),
        )
        .await?;
    Ok(())
}

/// Who sent `Authorization: Bearer TOKEN`: an API key, an unlocked kiosk, or
/// a staff session (for programs that hold one).
pub async fn by_bearer(app: &App, token: &str) -> Result<Staff, AccessError> {
    let hash = secret::hash(token);
    match app.store.api_key(&hash).await {
        Ok(key) => {
            let role = Role::parse(&key.role).ok_or(AccessError::Unknown)?;
            return Ok(Staff {
                actor: Actor {
                    id: format!("key:{}", key.id),
                    label: key.label,
                },
                role,
                office: key.office_id,
                user_id: None,
                session_id: None,
            });
        }
        Err(StoreError::NotFound) => {}
        Err(e) => return Err(e.into()),
    }
    match kiosk(app, token).await {
        Err(AccessError::Unknown) => session(app, token).await,
        other => other,
    }
}

/// The unlocked kiosk whose device token this is.
pub async fn kiosk(app: &App, token: &str) -> Result<Staff, AccessError> {
    let kiosk = app
        .store
        .kiosk(&secret::hash(token))
        .await?
        .ok_or(AccessError::Unknown)?;
    Ok(Staff {
        actor: Actor {
            id: format!("kiosk:{}", kiosk.id),
            label: kiosk.label,
        },
        role: Role::Kiosk,
        office: Some(kiosk.office_id),
        user_id: None,
        session_id: None,
    })
}

/// Unlock a device as a kiosk of an office (an admin's doing); returns the
/// kiosk's id and its secret token, shown once, for the device to keep.
pub async fn unlock_kiosk(
    app: &App,
    by: &Staff,
    office: &str,
    label: &str,
) -> Result<(String, String), UserError> {
    if by.role != Role::Admin {
        return Err(UserError::Forbidden);
    }
    check_label(label)?;
    if app.office(office).await?.is_none() {
        return Err(UserError::Office(office.to_string()));
    }
    let token = secret::new_token();
    let id = uuid::Uuid::new_v4().to_string();
    app.store
        .add_kiosk(
            &id,
            &secret::hash(&token),
            office,
            label.trim(),
            &by.actor,
            app.clock.now().timestamp(),
        )
        .await?;
    Ok((id, token))
}

/// The users a staff member may manage: every user for an admin, the clerks
/// of their office for a head.
pub async fn users(app: &App, by: &Staff) -> Result<Vec<UserRow>, UserError> {
    let list = match (by.role, &by.office) {
        (Role::Admin, _) => app.store.users(None).await?,
        (Role::Head, Some(office)) => app
            .store
            .users(Some(office))
            .await?
            .into_iter()
            .filter(|u| u.role == Role::Clerk.as_str())
            .collect(),
        _ => return Err(UserError::Forbidden),
    };
    Ok(list)
}

/// The API keys and kiosks (an admin's to see).
pub async fn devices(app: &App, by: &Staff) -> Result<(Vec<ApiKey>, Vec<KioskRow>), UserError> {
    if by.role != Role::Admin {
        return Err(UserError::Forbidden);
    }
    Ok((app.store.api_keys().await?, app.store.kiosks(None).await?))
}

/// Revoke an API key: it stops working at once. Returns whether there was one.
pub async fn revoke_api_key(app: &App, by: &Staff, id: &str) -> Result<bool, UserError> {
    if by.role != Role::Admin {
        return Err(UserError::Forbidden);
    }
    Ok(app
        .store
        .revoke_api_key(id, &by.actor, app.clock.now().timestamp())
        .await?)
}

/// Revoke a kiosk: its token stops working at once. Returns whether it was unlocked.
pub async fn revoke_kiosk(app: &App, by: &Staff, id: &str) -> Result<bool, UserError> {
    if by.role != Role::Admin {
        return Err(UserError::Forbidden);
    }
    Ok(app
        .store
        .revoke_kiosk(id, &by.actor, app.clock.now().timestamp())
        .await?)
}

/// The audit log from `from` to `to` (UNIX seconds): of one office for its
/// head, of one or every office for an admin.
pub async fn audit_log(
    app: &App,
    staff: &Staff,
    office: Option<&str>,
    from: i64,
    to: i64,
) -> Result<Vec<AuditRow>, AccessError> {
    let office = match (office, &staff.office) {
        (Some(o), _) => {
            staff.require(Permission::Audit, o)?;
            Some(o)
        }
        (None, Some(own)) => {
            staff.require(Permission::Audit, own)?;
            Some(own.as_str())
        }
        (None, None) => {
            if !staff.role.may(Permission::Audit) {
                return Err(AccessError::Forbidden(
                    "this role may not read the audit log".into(),
                ));
            }
            None
        }
    };
    Ok(app.store.audit_entries(office, from, to, 10_000).await?)
}

/// Forget sessions and failed logins that no longer matter, and audit entries
/// older than `TERMIN_AUDIT_DAYS`.
pub async fn sweep(app: &App) -> Result<(), StoreError> {
    let now = app.clock.now().timestamp();
    let idle = Duration::minutes(i64::from(app.config.staff_idle_minutes)).num_seconds();
    app.store.sweep_sessions(now, idle).await?;
    app.store.sweep_login_throttle(now).await?;
    let before = now - Duration::days(i64::from(app.config.audit_days)).num_seconds();
    app.store.sweep_audit(before).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_are_free_then_each_try_waits_twice_as_long_up_to_a_quarter_hour() {
        let waits: Vec<i64> = (1..=8).map(login_delay).collect();
        assert_eq!(waits, [0, 0, 0, 0, 1, 2, 4, 8]);
        assert_eq!(login_delay(30), MAX_LOGIN_DELAY_SECONDS);
        assert_eq!(login_delay(1000), MAX_LOGIN_DELAY_SECONDS);
    }

    #[test]
    fn a_head_manages_the_clerks_of_their_own_office_only() {
        let head = Staff {
            actor: Actor::cli(),
            role: Role::Head,
            office: Some("mitte".into()),
            user_id: None,
            session_id: None,
        };
        assert!(head.may_manage_user(Role::Clerk, Some("mitte")));
        assert!(!head.may_manage_user(Role::Clerk, Some("nordwest")));
        assert!(!head.may_manage_user(Role::Head, Some("mitte")));
        assert!(!head.may_manage_user(Role::Admin, None));
        assert!(Staff::cli().may_manage_user(Role::Admin, None));
    }
}
