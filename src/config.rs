//! Settings from the environment or the same keys in `termin.toml`; the environment wins.

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::Path;

use anyhow::{bail, Context};

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub bind: String,
    pub public_url: String,
    /// `None`: write mails as files under `mail/`.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// `None`: on for a new SQLite file.
    pub demo: Option<bool>,
    pub trusted_proxies: Vec<Cidr>,
    pub rate_limits: bool,
    pub retention_days: u32,
    pub smtp_timeout_seconds: u64,
    /// Who runs this service: name and postal address, shown in the imprint and privacy notice.
    pub operator: String,
    /// Where citizens write about their data and about accessibility.
    pub contact_email: String,
    /// Desk-minutes one client address (IPv6: one /64) may hold at once while
    /// filling in the form; one hold alone may be as large as one booking.
    pub hold_minutes_per_client: u32,
    /// The share of a counter's free desk-minutes of a day that all holds together may take.
    pub hold_share_percent: u32,
    /// How often one booking may be moved.
    pub max_moves: u32,
    /// Connections: time to send a request's head (also the longest a kept-alive
    /// connection waits idle for the next request).
    pub header_timeout_seconds: u64,
    /// Connections: the longest a connection may send and receive nothing while
    /// a request is read or answered.
    pub idle_timeout_seconds: u64,
    /// The longest a request may take, from its head to its answer.
    pub request_timeout_seconds: u64,
    /// Open connections in all, and from one client address.
    pub max_connections: usize,
    pub max_connections_per_client: usize,
    /// A folder of the city's own message files (`{lang}/*.ftl`) that replace
    /// the built-in texts message by message.
    pub locales_dir: Option<std::path::PathBuf>,
    /// The city's video in German Sign Language, linked from the easy-German page.
    pub sign_language_url: Option<String>,
    /// A bearer token `/metrics` asks for; `None`: open to whoever reaches it.
    pub metrics_token: Option<String>,
    /// `json`: log one JSON object per line.
    pub log_json: bool,
    /// A staff session unused for this long ends.
    pub staff_idle_minutes: u32,
    /// Statistics count the share of people who waited longer than this.
    pub waiting_target_minutes: u32,
    /// A staff session ends this long after the login, used or not.
    pub staff_session_hours: u32,
    /// How long audit log entries are kept.
    pub audit_days: u32,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            database_url: "sqlite://termin.db".into(),
            bind: "127.0.0.1:8080".into(),
            public_url: "http://127.0.0.1:8080".into(),
            smtp_url: None,
            mail_from: "Termin <noreply@localhost>".into(),
            demo: None,
            trusted_proxies: vec![],
            rate_limits: true,
            retention_days: 30,
            smtp_timeout_seconds: 10,
            operator: "Demo operator (set TERMIN_OPERATOR to the city's name and address)".into(),
            contact_email: "kontakt@localhost".into(),
            hold_minutes_per_client: 90,
            hold_share_percent: 30,
            max_moves: 5,
            header_timeout_seconds: 10,
            idle_timeout_seconds: 60,
            request_timeout_seconds: 30,
            max_connections: 4096,
            max_connections_per_client: 128,
            locales_dir: None,
            sign_language_url: None,
            metrics_token: None,
            log_json: false,
            staff_idle_minutes: 30,
            waiting_target_minutes: 15,
            staff_session_hours: 10,
            audit_days: 365,
        }
    }
}

pub const KEYS: &[&str] = &[
    "TERMIN_DATABASE_URL",
    "TERMIN_BIND",
    "TERMIN_PUBLIC_URL",
    "TERMIN_SMTP_URL",
    "TERMIN_SMTP_TIMEOUT_SECONDS",
    "TERMIN_MAIL_FROM",
    "TERMIN_DEMO",
    "TERMIN_TRUSTED_PROXIES",
    "TERMIN_RATE_LIMITS",
    "TERMIN_RETENTION_DAYS",
    "TERMIN_OPERATOR",
    "TERMIN_CONTACT_EMAIL",
    "TERMIN_HOLD_MINUTES_PER_CLIENT",
    "TERMIN_HOLD_SHARE_PERCENT",
    "TERMIN_MAX_MOVES",
    "TERMIN_HEADER_TIMEOUT_SECONDS",
    "TERMIN_IDLE_TIMEOUT_SECONDS",
    "TERMIN_REQUEST_TIMEOUT_SECONDS",
    "TERMIN_MAX_CONNECTIONS",
    "TERMIN_MAX_CONNECTIONS_PER_CLIENT",
    "TERMIN_LOCALES_DIR",
    "TERMIN_SIGN_LANGUAGE_URL",
    "TERMIN_STAFF_IDLE_MINUTES",
    "TERMIN_WAITING_TARGET_MINUTES",
    "TERMIN_METRICS_TOKEN",
    "TERMIN_LOG_FORMAT",
    "TERMIN_STAFF_SESSION_HOURS",
    "TERMIN_AUDIT_DAYS",
    // Replaced by TERMIN_HOLD_MINUTES_PER_CLIENT; still accepted so that an old
    // termin.toml does not stop the service, and ignored with a warning.
    "TERMIN_HOLDS_PER_CLIENT",
];

impl Config {
    /// Read `termin.toml` in the working directory if there is one, then the environment.
    pub fn load() -> anyhow::Result<Config> {
        let mut values = HashMap::new();
        let file = Path::new("termin.toml");
        if file.exists() {
            let text = std::fs::read_to_string(file).context("reading termin.toml")?;
            let table: toml::Table =
                toml::from_str(&text).context("termin.toml is not valid TOML")?;
            for (key, value) in table {
                if !KEYS.contains(&key.as_str()) {
                    bail!(
                        "termin.toml: unknown key {key} (known: {})",
                        KEYS.join(", ")
                    );
                }
                let value = match value {
                    toml::Value::String(s) => s,
                    other => other.to_string(),
                };
                values.insert(key, value);
            }
        }
        for key in KEYS {
            if let Ok(v) = std::env::var(key) {
                values.insert(key.to_string(), v);
            }
        }
        Config::from_map(&values)
    }

    pub fn from_map(values: &HashMap<String, String>) -> anyhow::Result<Config> {
        let mut c = Config::default();
        let get = |k: &str| {
            values
                .get(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        if let Some(v) = get("TERMIN_DATABASE_URL") {
            c.database_url = v;
        }
        if let Some(v) = get("TERMIN_BIND") {
            c.bind = v;
        }
        if let Some(v) = get("TERMIN_PUBLIC_URL") {
            c.public_url = v.trim_end_matches('/').to_string();
        }
        c.smtp_url = get("TERMIN_SMTP_URL");
        if let Some(v) = get("TERMIN_SMTP_TIMEOUT_SECONDS") {
            c.smtp_timeout_seconds = v.parse().ok().filter(|s| (1..=10).contains(s)).context(
                "TERMIN_SMTP_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 10",
            )?;
        }
        if let Some(v) = get("TERMIN_MAIL_FROM") {
            c.mail_from = v;
        }
        if let Some(v) = get("TERMIN_DEMO") {
            c.demo = Some(on_off("TERMIN_DEMO", &v)?);
        }
        if let Some(v) = get("TERMIN_TRUSTED_PROXIES") {
            c.trusted_proxies = v
                .split(|ch: char| ch == ',' || ch.is_whitespace())
                .filter(|s| !s.is_empty())
                .map(Cidr::parse)
                .collect::<anyhow::Result<_>>()?;
        }
        if let Some(v) = get("TERMIN_RATE_LIMITS") {
            c.rate_limits = on_off("TERMIN_RATE_LIMITS", &v)?;
        }
        if let Some(v) = get("TERMIN_OPERATOR") {
            c.operator = v;
        }
        if let Some(v) = get("TERMIN_CONTACT_EMAIL") {
            c.contact_email = v;
        }
        if get("TERMIN_HOLDS_PER_CLIENT").is_some() {
            tracing::warn!(
                "TERMIN_HOLDS_PER_CLIENT is no longer used: holds are counted in desk-minutes, \
                 see TERMIN_HOLD_MINUTES_PER_CLIENT"
            );
        }
        let number = |key: &str, min: u64, max: u64| -> anyhow::Result<Option<u64>> {
            get(key)
                .map(|v| {
                    v.parse()
                        .ok()
                        .filter(|n| (min..=max).contains(n))
                        .with_context(|| {
                            format!("{key} must be a whole number from {min} to {max}")
                        })
                })
                .transpose()
        };
        let small = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        if let Some(n) = number("TERMIN_HOLD_MINUTES_PER_CLIENT", 5, 1440)? {
            c.hold_minutes_per_client = small(n);
        }
        if let Some(n) = number("TERMIN_HOLD_SHARE_PERCENT", 1, 100)? {
            c.hold_share_percent = small(n);
        }
        if let Some(n) = number("TERMIN_MAX_MOVES", 0, 100)? {
            c.max_moves = small(n);
        }
        if let Some(n) = number("TERMIN_HEADER_TIMEOUT_SECONDS", 1, 300)? {
            c.header_timeout_seconds = n;
        }
        if let Some(n) = number("TERMIN_IDLE_TIMEOUT_SECONDS", 1, 3600)? {
            c.idle_timeout_seconds = n;
        }
        if let Some(n) = number("TERMIN_REQUEST_TIMEOUT_SECONDS", 1, 3600)? {
            c.request_timeout_seconds = n;
        }
        c.locales_dir = get("TERMIN_LOCALES_DIR").map(std::path::PathBuf::from);
        c.metrics_token = get("TERMIN_METRICS_TOKEN").filter(|t| !t.is_empty());
        c.log_json = match get("TERMIN_LOG_FORMAT").as_deref() {
            None | Some("text") => false,
            Some("json") => true,
            Some(other) => bail!("TERMIN_LOG_FORMAT must be text or json, not {other:?}"),
        };
        if let Some(url) = get("TERMIN_SIGN_LANGUAGE_URL") {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                bail!("TERMIN_SIGN_LANGUAGE_URL must be an http(s) address, not {url:?}");
            }
            c.sign_language_url = Some(url);
        }
        if c.idle_timeout_seconds <= c.request_timeout_seconds {
            // A handler that works in silence for longer than the idle timeout
            // would have its connection cut before it answers.
            bail!(
                "TERMIN_IDLE_TIMEOUT_SECONDS ({}) must be longer than TERMIN_REQUEST_TIMEOUT_SECONDS ({})",
                c.idle_timeout_seconds,
                c.request_timeout_seconds
            );
        }
        if let Some(n) = number("TERMIN_MAX_CONNECTIONS", 1, 1_000_000)? {
            c.max_connections = usize::try_from(n).unwrap_or(usize::MAX);
        }
        if let Some(n) = number("TERMIN_MAX_CONNECTIONS_PER_CLIENT", 1, 1_000_000)? {
            c.max_connections_per_client = usize::try_from(n).unwrap_or(usize::MAX);
        }
        if let Some(n) = number("TERMIN_WAITING_TARGET_MINUTES", 1, 24 * 60)? {
            c.waiting_target_minutes = small(n);
        }
        if let Some(n) = number("TERMIN_STAFF_IDLE_MINUTES", 1, 24 * 60)? {
            c.staff_idle_minutes = small(n);
        }
        if let Some(n) = number("TERMIN_STAFF_SESSION_HOURS", 1, 24 * 7)? {
            c.staff_session_hours = small(n);
        }
        if let Some(n) = number("TERMIN_AUDIT_DAYS", 1, 3650)? {
            c.audit_days = small(n);
        }
        if let Some(v) = get("TERMIN_RETENTION_DAYS") {
            c.retention_days =
                v.parse().ok().filter(|d| (1..=3650).contains(d)).context(
                    "TERMIN_RETENTION_DAYS must be a whole number of days from 1 to 3650",
                )?;
        }
        Ok(c)
    }
}

fn on_off(key: &str, v: &str) -> anyhow::Result<bool> {
    match v.to_ascii_lowercase().as_str() {
        "on" | "true" | "1" | "yes" => Ok(true),
        "off" | "false" | "0" | "no" => Ok(false),
        _ => bail!("{key} must be on or off, not {v:?}"),
    }
}

/// An address range such as `10.0.0.0/8` or `2001:db8::/32`; a bare address is a range of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    pub addr: IpAddr,
    pub prefix: u8,
}

impl Cidr {
    pub fn parse(s: &str) -> anyhow::Result<Cidr> {
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr: IpAddr = addr
            .parse()
            .with_context(|| format!("{s:?} is not an IP address or CIDR range"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p
                .parse()
                .ok()
                .filter(|p| *p <= max)
                .with_context(|| format!("{s:?} has a bad prefix length"))?,
            None => max,
        };
        Ok(Cidr { addr, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_serve_on_loopback_with_sqlite() {
        let c = Config::from_map(&HashMap::new()).unwrap();
        assert_eq!(c.database_url, "sqlite://termin.db");
        assert_eq!(c.bind, "127.0.0.1:8080");
        assert!(c.rate_limits);
        assert_eq!(c.retention_days, 30);
        assert_eq!(
            (c.staff_idle_minutes, c.staff_session_hours, c.audit_days),
            (30, 10, 365)
        );
    }

    #[test]
    fn staff_session_times_are_whole_numbers_in_range() {
        let mut m = HashMap::new();
        m.insert("TERMIN_STAFF_IDLE_MINUTES".to_string(), "15".to_string());
        m.insert("TERMIN_STAFF_SESSION_HOURS".to_string(), "8".to_string());
        m.insert("TERMIN_AUDIT_DAYS".to_string(), "90".to_string());
        let c = Config::from_map(&m).unwrap();
        assert_eq!(
            (c.staff_idle_minutes, c.staff_session_hours, c.audit_days),
            (15, 8, 90)
        );
        m.insert("TERMIN_STAFF_IDLE_MINUTES".to_string(), "0".to_string());
        assert!(Config::from_map(&m).is_err());
    }

    #[test]
    fn trusted_proxies_are_ranges() {
        let mut m = HashMap::new();
        m.insert(
            "TERMIN_TRUSTED_PROXIES".to_string(),
            "10.0.0.0/8, ::1".to_string(),
        );
        let c = Config::from_map(&m).unwrap();
        assert!(c.trusted_proxies[0].contains("10.1.2.3".parse().unwrap()));
        assert!(!c.trusted_proxies[0].contains("11.1.2.3".parse().unwrap()));
        assert!(c.trusted_proxies[1].contains("::1".parse().unwrap()));
        m.insert(
            "TERMIN_TRUSTED_PROXIES".to_string(),
            "10.0.0.0/33".to_string(),
        );
        assert!(Config::from_map(&m).is_err());
    }
}
