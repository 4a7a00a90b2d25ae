//! `korgon demo`: an empty data directory filled with a synthetic dataset from `korgon-synth`
//! (agencies, one user per role per agency, persons in several spellings, cases with their
//! histories, court decisions), the logins printed and written beside the data, then served.
//! A data directory that already holds data is served as it is.

use crate::cli::output::{say, say_raw};
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use korgon_domain::dates;
use korgon_synth::{Config, Generator, Size};
use sea_orm::{EntityTrait, PaginatorTrait};
use secrecy::SecretString;

use crate::data_dir::DataDirLock;
use crate::entity::agency;
use crate::seed::{self, SeedLogin, SeedOptions, SeedReport};
use crate::settings::Settings;
use crate::startup::Application;

/// The password of every demo account (the data is synthetic; never use it for real data).
pub const DEMO_PASSWORD: &str = "korgon-demo-2026";

/// The file in the data directory that lists the demo logins (mode 0600).
pub const LOGINS_FILE: &str = "demo-logins.txt";

/// How much demo data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DemoSize {
    /// 70 cases, about 300 persons: seconds to create.
    Small,
    /// 2,400 cases, about 10,000 persons: a national caseload over eight years.
    Medium,
    /// 100,000 cases, about 420,000 persons: the API benchmark's dataset.
    Large,
}

impl From<DemoSize> for Size {
    fn from(size: DemoSize) -> Size {
        match size {
            DemoSize::Small => Size::Small,
            DemoSize::Medium => Size::Medium,
            DemoSize::Large => Size::Large,
        }
    }
}

/// Options of `korgon demo`.
#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "KORGON_LISTEN")]
    pub listen: Option<SocketAddr>,
    /// How much synthetic data to create in an empty data directory.
    #[arg(long, value_enum, default_value_t = DemoSize::Small)]
    pub size: DemoSize,
    /// Seed of the generator: the same seed gives the same data (dated up to yesterday).
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Fill the data directory and exit without serving.
    #[arg(long)]
    pub no_serve: bool,
}

/// The logins as a table (also the content of `demo-logins.txt`).
pub fn logins_table(logins: &[SeedLogin]) -> String {
    let mut out = format!(
        "Korgon demo logins (synthetic data). Password for every account: {DEMO_PASSWORD}\n\n{:<36} {:<13} {:<26} {}\n",
        "USERNAME", "ROLE", "AGENCY", "NAME"
    );
    for login in logins {
        out.push_str(&format!(
            "{:<36} {:<13} {:<26} {}\n",
            login.username,
            login.role.as_str(),
            login.agency,
            login.display_name
        ));
    }
    out
}

/// Writes the logins to `<data-dir>/demo-logins.txt`, readable by the owner only.
fn write_logins(data_dir: &Path, logins: &[SeedLogin]) -> anyhow::Result<PathBuf> {
    let path = data_dir.join(LOGINS_FILE);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(&path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.write_all(logins_table(logins).as_bytes())?;
    Ok(path)
}

fn print_report(settings: &Settings, report: &SeedReport, seconds: f64) {
    let c = &report.counts;
    say(format_args!(
        "Demo data created in {} in {seconds:.1} s. All of it is synthetic: no record describes a real person.",
        settings.data_dir.display()
    ));
    say(format_args!(
        "  {} agencies, {} users, {} persons, {} cases ({} parties, {} status changes), {} court decisions, {} referrals, {} assistance records",
        c.agencies,
        c.users,
        c.persons,
        c.cases,
        c.parties,
        c.status_changes,
        c.court_proceedings,
        c.referrals,
        c.assistance
    ));
    say("");
    say_raw(logins_table(&report.logins));
}

/// Seeds an empty data directory, prints the logins and serves.
pub async fn run(settings: Settings, args: DemoArgs) -> anyhow::Result<ExitCode> {
    // The lock first: a server already on this directory must not see half-seeded data.
    let lock = DataDirLock::acquire(&settings.data_dir)?;
    let state = crate::startup::build_state(&settings).await?;
    let existing = agency::Entity::find().count(&state.store.db.reader).await?;
    if existing == 0 {
        let config = Config::new(args.seed, args.size.into(), crate::seed::last_data_day());
        let generator = Generator::new(&state.store.profile, config)
            .map_err(|e| anyhow::anyhow!("cannot generate the demo data: {e}"))?;
        let started = Instant::now();
        let options = SeedOptions {
            progress: true,
            ..SeedOptions::new(SecretString::from(DEMO_PASSWORD))
        };
        let report = seed::seed(&state.store, &generator, options).await?;
        print_report(&settings, &report, started.elapsed().as_secs_f64());
        // The logins first: whatever follows, a seeded directory keeps its logins file.
        let path = write_logins(&settings.data_dir, &report.logins)?;
        match seed::pending_referral(&state.store, dates::today(), settings.referral_overdue_days)
            .await
        {
            Ok(Some(_)) => say(
                "\nA referral from `ngo`'s agency awaits `investigator`'s answer (GET /api/v1/referrals?direction=incoming).",
            ),
            Ok(None) => {}
            Err(e) => say(format_args!(
                "\n(No referral was staged for `investigator`: {e:#})"
            )),
        }
        say(format_args!(
            "\n(These logins are also in {}.)",
            path.display()
        ));
    } else {
        say(format_args!(
            "{} already holds data: serving it as it is (nothing was added).",
            settings.data_dir.display()
        ));
        let path = settings.data_dir.join(LOGINS_FILE);
        if path.exists() {
            say(format_args!("The demo logins are in {}.", path.display()));
        }
    }
    if args.no_serve {
        return Ok(ExitCode::SUCCESS);
    }
    let app = Application::with_lock(state, settings.listen, lock).await?;
    say(format_args!(
        "Serving on http://{}/ (Ctrl-C to stop)",
        app.local_addr()?
    ));
    app.run_until_stopped().await?;
    Ok(ExitCode::SUCCESS)
}
