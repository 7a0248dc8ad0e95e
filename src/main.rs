//! The `termin` binary: serve, migrate, import offices, staff users, API keys and kiosks, benchmark.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use termin::clock::SystemClock;
use termin::config::Config;
use termin::staff::Staff;
use termin::{bench, server, staff};

/// mimalloc instead of the system allocator: rendering mails and requests makes
/// many short-lived buffers on several threads, where glibc's allocator spent a
/// third of the booking path's CPU in the benchmark.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "termin",
    version,
    about = "Online appointment booking for citizen offices"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the booking pages and the API (the default).
    Serve,
    /// Create or update the database schema, then stop.
    Migrate,
    /// Create or update offices from an office file; all or nothing.
    Import { file: std::path::PathBuf },
    /// Write a consistent copy of the SQLite database to FILE while it serves
    /// (for PostgreSQL, use pg_dump).
    Backup { file: std::path::PathBuf },
    /// Recompute capacity cells, arrival windows and address caps from the bookings
    /// and holds; report any difference (exit 1). Changes nothing.
    Check,
    /// Print the offices' plans as an office file, which imports back to the same plans.
    Export {
        /// Only this office.
        #[arg(long)]
        office: Option<String>,
    },
    /// Staff user accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// API keys for back-office systems.
    Apikey {
        #[command(subcommand)]
        command: ApikeyCommand,
    },
    /// Kiosk devices for self-service check-in.
    Kiosk {
        #[command(subcommand)]
        command: KioskCommand,
    },
    /// Measure availability and bookings per second against the raw commit rate.
    Bench(BenchArgs),
}

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
struct BenchArgs {
    #[command(subcommand)]
    command: Option<BenchCommand>,
    #[command(flatten)]
    options: bench::Options,
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Drive the real server over loopback HTTP: pages, availability, bookings
    /// next to the raw commit rate, and a release rush.
    Http(bench::http::Options),
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user; asks for the password on a terminal, reads a line from standard input
    /// otherwise, and generates one when that line is empty.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
        #[arg(long)]
        office: Option<String>,
    },
    /// Disable a user: no more logins, and their sessions end.
    Disable {
        #[arg(long)]
        email: String,
    },
    /// Set a new password (asked for, read from standard input, or generated
    /// and printed like `add`); the user's sessions end.
    Reset {
        #[arg(long)]
        email: String,
    },
}

#[derive(Subcommand)]
enum ApikeyCommand {
    /// Add an API key and print it; it is shown only this once.
    Add {
        #[arg(long)]
        label: String,
        /// Limit the key to one office.
        #[arg(long)]
        office: Option<String>,
        /// reader (the day's appointments; the default), clerk (the queue) or head (also the audit log).
        #[arg(long)]
        role: Option<String>,
    },
}

#[derive(Subcommand)]
enum KioskCommand {
    /// Unlock a device for an office's self-service check-in; prints its token once.
    Add {
        #[arg(long)]
        office: String,
        #[arg(long)]
        label: String,
    },
    /// Revoke a kiosk by its id: its token stops working.
    Revoke {
        #[arg(long)]
        id: String,
    },
}

fn main() -> ExitCode {
    // The database file, its journal and the mails written to `mail/` hold
    // personal data and secret links: readable and writable by the service's
    // own user only, whatever the umask it was started with.
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file mode mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // TERMIN_LOG_FORMAT=json: one JSON object per line, with the request's span
    // (its id and route) in each; read here, before the configuration, so that
    // a mistake in the configuration is logged in the format asked for.
    match std::env::var("TERMIN_LOG_FORMAT").as_deref() {
        Ok("json") => logs.json().with_current_span(true).init(),
        _ => logs.init(),
    }
    let cli = Cli::parse();
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("termin: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = Config::load()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => server::serve(config).await?,
        Command::Migrate => {
            server::open(
                &Config {
                    demo: Some(false),
                    ..config
                },
                Arc::new(SystemClock),
            )
            .await?;
            println!("termin: the database is up to date");
        }
        Command::Import { file } => {
            let source = std::fs::read_to_string(&file)
                .map_err(|e| anyhow::anyhow!("reading {}: {e}", file.display()))?;
            let app = server::open(
                &Config {
                    demo: Some(false),
                    ..config
                },
                Arc::new(SystemClock),
            )
            .await?;
            match staff::import(&app, &source).await {
                Ok(ids) => println!(
                    "termin: imported {} office(s): {}",
                    ids.len(),
                    ids.join(", ")
                ),
                Err(staff::ImportError::Invalid(mistakes)) => {
                    eprintln!(
                        "termin: {} has {} mistake(s); nothing was imported:",
                        file.display(),
                        mistakes.0.len()
                    );
                    for m in &mistakes.0 {
                        eprintln!("  {}: {m}", file.display());
                    }
                    return Ok(ExitCode::FAILURE);
                }
                Err(e) => return Err(e.into()),
            }
        }
        Command::Backup { file } => {
            if file.exists() {
                eprintln!("termin: {} exists already; give a new file", file.display());
                return Ok(ExitCode::FAILURE);
            }
            let app = server::open(
                &Config {
                    demo: Some(false),
                    ..config
                },
                Arc::new(SystemClock),
            )
            .await?;
            match app.store.backup(&file).await {
                Ok(()) => println!("termin: the database is copied to {}", file.display()),
                Err(e) => {
                    eprintln!("termin: {e:#}");
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        Command::Check => {
            let app = server::open(
                &Config {
                    demo: Some(false),
                    ..config
                },
                Arc::new(SystemClock),
            )
            .await?;
            let differences = app.store.check().await?;
            if differences.is_empty() {
                println!("termin: capacity cells, arrival windows and address caps agree with the bookings and holds");
            } else {
                for d in &differences {
                    println!("termin: {d}");
                }
                println!(
                    "termin: {} difference(s); nothing was changed",
                    differences.len()
                );
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Export { office } => {
            let app = server::open(
                &Config {
                    demo: Some(false),
                    ..config
                },
                Arc::new(SystemClock),
            )
            .await?;
            let mut offices = app.offices().await?;
            if let Some(id) = &office {
                offices.retain(|o| &o.id == id);
                if offices.is_empty() {
                    eprintln!("termin: there is no office {id:?}");
                    return Ok(ExitCode::FAILURE);
                }
            }
            print!("{}", termin::domain::officefile::render(&offices));
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    role,
                    office,
                },
        } => {
            let app = server::open(&config, Arc::new(SystemClock)).await?;
            let (password, generated) = read_password()?;
            staff::add_user(
                &app,
                &Staff::cli(),
                &email,
                &role,
                office.as_deref(),
                &password,
            )
            .await?;
            if generated {
                println!("termin: added {email} ({role}) with the password {password}");
            } else {
                println!("termin: added {email} ({role})");
            }
        }
        Command::User {
            command: UserCommand::Disable { email },
        } => {
            let app = server::open(&config, Arc::new(SystemClock)).await?;
            if staff::disable_user(&app, &Staff::cli(), &email).await? {
                println!("termin: disabled {email}; their sessions have ended");
            } else {
                println!("termin: {email} was disabled already");
            }
        }
        Command::User {
            command: UserCommand::Reset { email },
        } => {
            let app = server::open(&config, Arc::new(SystemClock)).await?;
            let (password, generated) = read_password()?;
            staff::reset_password(&app, &Staff::cli(), &email, &password).await?;
            if generated {
                println!(
                    "termin: {email} has the new password {password}; their sessions have ended"
                );
            } else {
                println!("termin: set a new password for {email}; their sessions have ended");
            }
        }
        Command::Apikey {
            command:
                ApikeyCommand::Add {
                    label,
                    office,
                    role,
                },
        } => {
            let app = server::open(&config, Arc::new(SystemClock)).await?;
            let key = staff::add_api_key(
                &app,
                &Staff::cli(),
                &label,
                office.as_deref(),
                role.as_deref(),
            )
            .await?;
            println!("{key}");
        }
        Command::Kiosk {
            command: KioskCommand::Add { office, label },
        } => {
            let app = server::open(&config, Arc::new(SystemClock)).await?;
            let (id, token) = staff::unlock_kiosk(&app, &Staff::cli(), &office, &label).await?;
            println!("termin: unlocked kiosk {id} for {office}; its token (shown once):");
            println!("{token}");
        }
        Command::Kiosk {
            command: KioskCommand::Revoke { id },
        } => {
            let app = server::open(&config, Arc::new(SystemClock)).await?;
            if staff::revoke_kiosk(&app, &Staff::cli(), &id).await? {
                println!("termin: revoked kiosk {id}");
            } else {
                anyhow::bail!("there is no unlocked kiosk {id}");
            }
        }
        Command::Bench(BenchArgs {
            command: Some(BenchCommand::Http(options)),
            ..
        }) => bench::http::run(options).await?,
        Command::Bench(args) => bench::run(args.options).await?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The new user's password, and whether it was generated.
fn read_password() -> anyhow::Result<(String, bool)> {
    let entered = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password (empty: generate one): ")?;
        if !first.is_empty() && rpassword::prompt_password("Again: ")? != first {
            anyhow::bail!("the passwords differ");
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    };
    Ok(if entered.is_empty() {
        (staff::generate_password(), true)
    } else {
        (entered, false)
    })
}
