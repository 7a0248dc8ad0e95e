//! `termin serve`: open the database, load the demo on first start, run the background jobs, serve HTTP.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;

use crate::app::App;
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::mail::{worker, Mailer};
use crate::store::Store;
use crate::web::{self, AppState};
use crate::{booking, staff};

/// The file a `sqlite://` URL names, unless it is in memory.
fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && !path.contains(":memory:")).then(|| PathBuf::from(path))
}

/// Make files that hold personal data the service user's alone, also those
/// created before the service set its umask (an upgraded installation).
fn keep_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(meta) = std::fs::metadata(path) else {
            return;
        };
        let private = if meta.is_dir() { 0o700 } else { 0o600 };
        if meta.permissions().mode() & 0o077 != 0 {
            if let Err(e) = std::fs::set_permissions(path, std::fs::Permissions::from_mode(private))
            {
                tracing::warn!(path = %path.display(), error = %e, "making a file private");
            }
        }
        if meta.is_dir() {
            for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
                keep_private(&entry.path());
            }
        }
    }
}

/// Connect and migrate; load the demo offices when asked to, or on a new SQLite
/// file. What the demo has to say once (its staff's passwords) is printed on
/// standard output.
pub async fn open(config: &Config, clock: Arc<dyn Clock>) -> anyhow::Result<App> {
    let (app, notes) = open_with_notes(config, clock).await?;
    print_lines(&notes);
    Ok(app)
}

/// Print lines on standard output; a reader that went away is no reason to stop.
pub fn print_lines(lines: &[String]) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    let _ = out.flush();
}

/// [`open`], returning the lines to print once instead of printing them.
pub async fn open_with_notes(
    config: &Config,
    clock: Arc<dyn Clock>,
) -> anyhow::Result<(App, Vec<String>)> {
    let file = sqlite_file(&config.database_url);
    let new_file = file.as_ref().is_some_and(|p| !p.exists());
    if let Some(file) = &file {
        for suffix in ["", "-wal", "-shm"] {
            keep_private(Path::new(&format!("{}{suffix}", file.display())));
        }
    }
    if let Some(dir) = &config.locales_dir {
        crate::i18n::Catalogs::load(Some(dir))
            .with_context(|| format!("TERMIN_LOCALES_DIR {}", dir.display()))?;
    }
    let store = Store::connect(&config.database_url)
        .await
        .context("opening the database")?;
    store.migrate().await.context("migrating the database")?;
    let app = App::new(store, clock, config.clone());
    let mut notes = Vec::new();
    if config.demo.unwrap_or(new_file) && app.offices().await?.is_empty() {
        let ids = staff::import(&app, crate::DEMO_OFFICES).await?;
        tracing::info!(offices = ?ids, "loaded the demo offices");
        // The staff side of the demo only on a new database of its own: a
        // shared one gets no accounts with passwords printed to a terminal.
        if new_file {
            notes = crate::demo::staff_and_today(&app)
                .await
                .context("making the demo staff and appointments")?;
        }
    }
    let coded = crate::queue::assign_missing_codes(&app)
        .await
        .context("giving bookings made before booking codes a code")?;
    if coded > 0 {
        tracing::info!(bookings = coded, "gave bookings a booking code");
    }
    Ok((app, notes))
}

pub fn mailer(config: &Config) -> anyhow::Result<Mailer> {
    match &config.smtp_url {
        Some(url) => Mailer::smtp(url, Duration::from_secs(config.smtp_timeout_seconds))
            .context("TERMIN_SMTP_URL"),
        None => {
            keep_private(Path::new("mail"));
            Ok(Mailer::files(Path::new("mail")))
        }
    }
}

/// Expire unconfirmed bookings and holds that ran out, mark bookings never checked in as
/// no-shows, erase old personal data and forget old sessions and audit entries, again and again.
pub async fn sweep_forever(app: App) {
    let mut round: u64 = 0;
    loop {
        let expired = booking::expire_due(&app).await;
        log_job("expire_bookings", &expired, "expiring unconfirmed bookings");
        let holds = crate::hold::expire_due(&app).await;
        log_job("expire_holds", &holds, "giving back holds that ran out");
        let retired = booking::retire_ended(&app).await;
        log_job(
            "retire_ended",
            &retired,
            "retiring past bookings from the per-address cap",
        );
        let no_shows = crate::queue::mark_no_shows(&app).await;
        log_job(
            "mark_no_shows",
            &no_shows,
            "marking bookings never checked in as no-shows",
        );
        if round.is_multiple_of(240) {
            let recorded = crate::stats::record_next_free(&app).await;
            log_job(
                "record_next_free",
                &recorded,
                "recording the next free appointment per service",
            );
            let erased = booking::erase_old_personal_data(&app).await;
            if let Ok(n @ 1..) = erased {
                tracing::info!(bookings = n, "erased personal data past retention");
            }
            log_job("erase_personal_data", &erased, "erasing personal data");
            let pruned = crate::webhooks::prune(&app).await;
            log_job(
                "webhook_events_prune",
                &pruned,
                "forgetting webhook events every receiver has taken",
            );
            let swept = staff::sweep(&app).await;
            log_job(
                "staff_sweep",
                &swept,
                "forgetting old sessions, failed logins and audit entries",
            );
        }
        round += 1;
        tokio::time::sleep(Duration::from_secs(15)).await;
    }
}

/// Count a background job's run for `/metrics`, and log its failure.
fn log_job<T, E: std::fmt::Display>(job: &str, result: &Result<T, E>, doing: &str) {
    crate::metrics::job(job, result.is_ok());
    if let Err(e) = result {
        tracing::error!(error = %e, "{doing}");
    }
}

pub async fn serve(config: Config) -> anyhow::Result<()> {
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let (app, notes) = open_with_notes(&config, clock.clone()).await?;
    let mailer = mailer(&config)?;
    tokio::spawn(worker::run(app.clone(), mailer, app.outbox.clone()));
    tokio::spawn(crate::webhooks::run(app.clone(), Arc::default()));
    tokio::spawn(sweep_forever(app.clone()));
    let state = AppState::new(app.clone());
    if let Some(limits) = &state.limits {
        tokio::spawn(web::ratelimit::prune_forever(limits.clone()));
    }
    let listener = tokio::net::TcpListener::bind(&config.bind)
        .await
        .with_context(|| format!("listening on {}", config.bind))?;
    let addr = listener.local_addr()?;
    // Tests and scripts read this line to find the port.
    println!(
        "termin: listening on http://{addr} ({})",
        app.store.backend()
    );
    print_lines(&notes);
    tracing::info!(%addr, "serving");
    web::listen::serve(
        listener,
        web::router(state),
        web::listen::Limits::of(&config),
        shutdown(),
    )
    .await;
    app.store.close().await;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}
