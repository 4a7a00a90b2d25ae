//! The command line: `korgon serve | demo | agency add | user add | audit verify | bench api`.
//! Each flag can also be set through its `KORGON_*` environment variable.

mod agency;
mod audit;
pub mod demo;
pub mod output;
mod serve;
mod user;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::settings::{Overrides, Settings};

/// Korgon: anti-trafficking case management and unified database.
#[derive(Debug, Parser)]
#[command(name = "korgon", version, about, long_about = None)]
pub struct Cli {
    /// Directory holding the embedded database, the token secret and the search index.
    #[arg(long, global = true, env = "KORGON_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Configuration file (default: korgon.toml in the data directory, if present).
    #[arg(long, global = true, env = "KORGON_CONFIG")]
    pub config: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web API (applies database migrations first).
    Serve(serve::ServeArgs),
    /// Fill an empty data directory with a synthetic demo dataset, print the logins, serve.
    Demo(demo::DemoArgs),
    /// Manage agencies.
    #[command(subcommand)]
    Agency(agency::AgencyCommand),
    /// Manage user accounts.
    #[command(subcommand)]
    User(user::UserCommand),
    /// Work with the audit log.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Run a benchmark (writes JSON and a markdown table; see docs/benchmarks.md).
    #[command(subcommand)]
    Bench(crate::bench::BenchCommand),
}

/// Runs the parsed command; prints errors and maps them to the exit code.
pub async fn run(cli: Cli) -> ExitCode {
    let listen: Option<SocketAddr> = match &cli.command {
        Command::Serve(args) => args.listen,
        Command::Demo(args) => args.listen,
        _ => None,
    };
    let overrides = Overrides {
        listen,
        data_dir: cli.data_dir.clone(),
        config_file: cli.config.clone(),
    };
    let settings = match Settings::load(&overrides) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("error: {e:#}");
            return ExitCode::FAILURE;
        }
    };
    crate::telemetry::init(settings.log_format);
    let result = match cli.command {
        Command::Serve(_) => serve::run(settings).await,
        Command::Demo(args) => demo::run(settings, args).await,
        Command::Agency(command) => agency::run(settings, command).await,
        Command::User(command) => user::run(settings, command).await,
        Command::Audit(command) => audit::run(settings, command).await,
        Command::Bench(command) => crate::bench::run(command).await,
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Opens the store for a console command (no server).
async fn open_store(settings: &Settings) -> anyhow::Result<crate::store::Store> {
    Ok(crate::startup::build_state(settings).await?.store)
}
