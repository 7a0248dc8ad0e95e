//! The `termin` binary: serve, migrate, import offices, add staff users and API keys, benchmark.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use termin::clock::SystemClock;
use termin::config::Config;
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
    /// Measure availability and bookings per second against the raw commit rate.
    Bench(bench::Options),
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
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn")),
        )
        .with_writer(std::io::stderr)
        .init();
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
            staff::add_user(&app, &email, &role, office.as_deref(), &password).await?;
            if generated {
                println!("termin: added {email} ({role}) with the password {password}");
            } else {
                println!("termin: added {email} ({role})");
            }
        }
        Command::Apikey {
            command: ApikeyCommand::Add { label, office },
        } => {
            let app = server::open(&config, Arc::new(SystemClock)).await?;
            let key = staff::add_api_key(&app, &label, office.as_deref()).await?;
            println!("{key}");
        }
        Command::Bench(options) => bench::run(options).await?,
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
