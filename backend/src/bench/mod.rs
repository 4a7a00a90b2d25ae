//! `korgon bench api`: the API load benchmark.
//!
//! For each database asked for, a fresh one is seeded with the synthetic generator (100,000
//! cases by default), this same binary is started as `korgon serve` in a child process (so its
//! peak memory is measurable and the load generator is not inside it), and concurrent
//! keep-alive clients run, each for a warm-up and then a measured duration: `/healthz` (the
//! ceiling: no I/O), authenticated case reads, case list pages following cursors, and case
//! creates, with auditing on as always. The figures go to `<out>/api.json` and `<out>/api.md`;
//! `docs/benchmarks.md` keeps the latest table with its command.

mod load;
mod report;
mod server;
mod target;

use crate::cli::output::say;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;

pub use report::{ApiReport, DatabaseResult, Machine, RunSettings, ScenarioResult, Targets};
pub use target::{DbKind, size_for_cases};

use crate::cli::demo::DEMO_PASSWORD;
use load::{PhaseOutcome, Scenario};
use server::Server;
use target::Target;

/// Which databases to measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BenchDb {
    /// The embedded SQLite database.
    Sqlite,
    /// PostgreSQL (a database created on `--postgres-url`'s server and dropped afterwards).
    Postgres,
    /// Both, one after the other.
    Both,
}

/// Options of `korgon bench api`.
#[derive(Debug, Clone, clap::Args)]
pub struct ApiBenchArgs {
    /// Cases to seed (100000 is the `large` dataset).
    #[arg(long, default_value_t = 100_000)]
    pub cases: u64,
    /// Databases to measure.
    #[arg(long, value_enum, default_value_t = BenchDb::Sqlite)]
    pub db: BenchDb,
    /// A PostgreSQL server to create the benchmark database on (any database of it; the
    /// benchmark creates its own and drops it afterwards).
    #[arg(
        long,
        env = "KORGON_BENCH_POSTGRES_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/postgres",
        hide_env_values = true
    )]
    pub postgres_url: String,
    /// Concurrent clients, each on its own keep-alive connection.
    #[arg(long, default_value_t = 64)]
    pub concurrency: usize,
    /// Measured seconds per scenario.
    #[arg(long, default_value_t = 20)]
    pub seconds: u64,
    /// Warm-up seconds per scenario (not measured).
    #[arg(long, default_value_t = 5)]
    pub warmup: u64,
    /// Directory for api.json, api.md and the server logs.
    #[arg(long, default_value = "bench-out")]
    pub out: PathBuf,
    /// Generator seed.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Serve this already seeded SQLite data directory instead of seeding a fresh one (for
    /// profiling; the figures of such a run are not comparable with a fresh one's).
    #[arg(long, hide = true)]
    pub reuse: Option<PathBuf>,
}

/// Benchmarks.
#[derive(Debug, clap::Subcommand)]
pub enum BenchCommand {
    /// HTTP API throughput and latency on SQLite and/or PostgreSQL (see docs/benchmarks.md).
    Api(ApiBenchArgs),
}

/// Runs a benchmark command.
pub async fn run(command: BenchCommand) -> anyhow::Result<ExitCode> {
    let BenchCommand::Api(args) = command;
    let report = api(&args).await?;
    std::fs::create_dir_all(&args.out)?;
    let json = args.out.join("api.json");
    std::fs::write(&json, serde_json::to_string_pretty(&report)?)
        .with_context(|| format!("cannot write {}", json.display()))?;
    let md = args.out.join("api.md");
    std::fs::write(&md, report.markdown())?;
    say(report.markdown());
    say(format_args!(
        "Written: {} and {}",
        json.display(),
        md.display()
    ));
    let errors: u64 = report.results.iter().map(|r| r.errors).sum();
    if errors > 0 {
        eprintln!(
            "error: {errors} requests failed (see the error samples in {})",
            json.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn mib(kib: Option<u64>) -> f64 {
    kib.map_or(0.0, |k| (k as f64 / 1024.0 * 10.0).round() / 10.0)
}

fn round(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

/// Runs the API benchmark and returns its report (also used by the tests, at a tiny size).
pub async fn api(args: &ApiBenchArgs) -> anyhow::Result<ApiReport> {
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let kinds: &[DbKind] = match args.db {
        BenchDb::Sqlite => &[DbKind::Sqlite],
        BenchDb::Postgres => &[DbKind::Postgres],
        BenchDb::Both => &[DbKind::Sqlite, DbKind::Postgres],
    };
    let mut results = Vec::new();
    for kind in kinds {
        if args.reuse.is_none() {
            eprintln!("== {}: seeding about {} cases", kind.as_str(), args.cases);
        }
        let mut target = match &args.reuse {
            Some(dir) => Target::existing(dir).await?,
            None => Target::prepare(*kind, args.cases, args.seed, &args.postgres_url).await?,
        };
        let result = measure(&target, args).await;
        target.cleanup().await;
        results.push(result?);
    }
    Ok(ApiReport {
        benchmark: "api",
        date: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        git_commit: report::git_commit(),
        command: std::iter::once("korgon".to_owned())
            .chain(std::env::args().skip(1))
            .collect::<Vec<_>>()
            .join(" "),
        machine: Machine::detect(),
        settings: RunSettings {
            cases: args.cases,
            concurrency: args.concurrency,
            seconds: args.seconds,
            warmup_seconds: args.warmup,
            seed: args.seed,
            build: if cfg!(debug_assertions) {
                "debug"
            } else {
                "release"
            },
        },
        targets: Targets {
            reads_per_second: 5_000.0,
            creates_per_second: 1_000.0,
            read_to_healthz_ratio: 0.25,
        },
        results,
    })
}

/// Serves `target` from a child process and runs every scenario against it.
async fn measure(target: &Target, args: &ApiBenchArgs) -> anyhow::Result<DatabaseResult> {
    let mut server = Server::start(target, &args.out).await?;
    let token: Arc<str> = load::login(server.addr, &target.username, DEMO_PASSWORD)
        .await?
        .into();
    let ids = Arc::new(target.case_ids.clone());
    let scenarios = [
        (Scenario::Healthz, "GET /healthz"),
        (Scenario::CaseRead(ids), "GET /api/v1/cases/{id}"),
        (Scenario::CaseList, "GET /api/v1/cases?limit=50"),
        (Scenario::CaseCreate, "POST /api/v1/cases"),
    ];
    let mut results: Vec<ScenarioResult> = Vec::new();
    for (scenario, request) in scenarios {
        eprintln!(
            "== {}: {} for {} s (+{} s warm-up), {} clients",
            target.kind.as_str(),
            request,
            args.seconds,
            args.warmup,
            args.concurrency
        );
        let mut outcome: PhaseOutcome = load::run_phase(
            server.addr,
            Arc::clone(&token),
            scenario.clone(),
            args.concurrency,
            Duration::from_secs(args.warmup),
            Duration::from_secs(args.seconds.max(1)),
        )
        .await;
        let throughput = outcome.ok as f64 / outcome.seconds;
        results.push(ScenarioResult {
            scenario: scenario.name(),
            request,
            requests: outcome.ok,
            throughput: round(throughput, 1),
            p50_ms: round(outcome.quantile_ms(0.50), 3),
            p99_ms: round(outcome.quantile_ms(0.99), 3),
            errors: outcome.errors,
            error_samples: std::mem::take(&mut outcome.error_samples),
            ratio_to_healthz: 0.0,
            server_rss_mib: mib(server.rss_kib()),
        });
    }
    let peak = mib(server.peak_kib());
    server.stop();
    let ceiling = results
        .iter()
        .find(|r| r.scenario == "healthz")
        .map_or(0.0, |r| r.throughput);
    for r in &mut results {
        r.ratio_to_healthz = if ceiling > 0.0 {
            round(r.throughput / ceiling, 4)
        } else {
            0.0
        };
    }
    let read_ratio = results
        .iter()
        .find(|r| r.scenario == "case_read")
        .map_or(0.0, |r| r.ratio_to_healthz);
    Ok(DatabaseResult {
        database: target.kind.as_str(),
        dataset: target.counts.clone(),
        seed_seconds: round(target.seed_seconds, 2),
        user: target.username.clone(),
        agency: target.agency.clone(),
        readable_cases: target.case_ids.len(),
        errors: results.iter().map(|r| r.errors).sum(),
        scenarios: results,
        read_to_healthz_ratio: read_ratio,
        peak_server_memory_mib: peak,
    })
}
