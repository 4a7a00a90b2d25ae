//! What a run writes: `api.json` with the machine, the date, the commit, the settings and
//! every figure, and `api.md` with the table for `docs/benchmarks.md`.

use serde::Serialize;

use crate::seed::SeedCounts;

/// The machine the figures were measured on.
#[derive(Debug, Clone, Serialize)]
pub struct Machine {
    /// Logical CPUs (`nproc`).
    pub nproc: usize,
    /// CPU model from `/proc/cpuinfo`.
    pub cpu_model: String,
    /// Memory, GiB (`MemTotal` of `/proc/meminfo`).
    pub ram_gib: f64,
    /// Kernel release.
    pub kernel: String,
}

impl Machine {
    /// Reads the machine's description.
    pub fn detect() -> Machine {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu_model = cpuinfo
            .lines()
            .find_map(|l| {
                l.strip_prefix("model name")?
                    .split_once(':')
                    .map(|(_, m)| m.trim().to_owned())
            })
            .unwrap_or_else(|| "unknown".to_owned());
        let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let kib: f64 = meminfo
            .lines()
            .find_map(|l| l.strip_prefix("MemTotal:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0.0);
        Machine {
            nproc: std::thread::available_parallelism().map_or(1, usize::from),
            cpu_model,
            ram_gib: (kib / 1024.0 / 1024.0 * 10.0).round() / 10.0,
            kernel: std::fs::read_to_string("/proc/sys/kernel/osrelease")
                .map(|s| s.trim().to_owned())
                .unwrap_or_default(),
        }
    }
}

/// The figures of one scenario.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioResult {
    /// `healthz`, `case_read`, `case_list` or `case_create`.
    pub scenario: &'static str,
    /// The request sent.
    pub request: &'static str,
    /// Requests answered as expected in the measured window.
    pub requests: u64,
    /// Requests per second.
    pub throughput: f64,
    /// Median latency, ms.
    pub p50_ms: f64,
    /// 99th percentile latency, ms.
    pub p99_ms: f64,
    /// Requests that failed or got an unexpected status (must be 0).
    pub errors: u64,
    /// The first errors, if any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub error_samples: Vec<String>,
    /// Throughput as a share of the `/healthz` ceiling of the same run.
    pub ratio_to_healthz: f64,
    /// The server's resident memory at the end of the scenario, MiB.
    pub server_rss_mib: f64,
}

/// The figures of one database.
#[derive(Debug, Clone, Serialize)]
pub struct DatabaseResult {
    /// `sqlite` or `postgres`.
    pub database: &'static str,
    /// What was seeded.
    pub dataset: SeedCounts,
    /// Seconds the seeding took.
    pub seed_seconds: f64,
    /// The user the authenticated scenarios ran as.
    pub user: String,
    /// Their agency (the one owning most cases).
    pub agency: String,
    /// Cases that user may read.
    pub readable_cases: usize,
    /// Every scenario.
    pub scenarios: Vec<ScenarioResult>,
    /// Case reads per second over `/healthz` per second.
    pub read_to_healthz_ratio: f64,
    /// The server's peak resident memory over the whole run (`VmHWM`), MiB.
    pub peak_server_memory_mib: f64,
    /// Errors over every scenario.
    pub errors: u64,
}

/// Settings of the run.
#[derive(Debug, Clone, Serialize)]
pub struct RunSettings {
    /// Cases asked for.
    pub cases: u64,
    /// Concurrent clients (one keep-alive connection each).
    pub concurrency: usize,
    /// Measured seconds per scenario.
    pub seconds: u64,
    /// Warm-up seconds per scenario (not measured).
    pub warmup_seconds: u64,
    /// Generator seed.
    pub seed: u64,
    /// `release` or `debug` build.
    pub build: &'static str,
}

/// The targets of issue 4 (SQLite, 100,000 cases, this 2-core machine).
#[derive(Debug, Clone, Serialize)]
pub struct Targets {
    /// Authenticated case reads per second.
    pub reads_per_second: f64,
    /// Case creates per second.
    pub creates_per_second: f64,
    /// Reads as a share of the `/healthz` ceiling.
    pub read_to_healthz_ratio: f64,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct ApiReport {
    /// Always `api`.
    pub benchmark: &'static str,
    /// When (UTC, RFC 3339).
    pub date: String,
    /// `git rev-parse HEAD` where the command ran, with `-dirty` for local changes.
    pub git_commit: String,
    /// The command line.
    pub command: String,
    /// The machine.
    pub machine: Machine,
    /// Settings.
    pub settings: RunSettings,
    /// The targets figures are compared with.
    pub targets: Targets,
    /// One entry per database.
    pub results: Vec<DatabaseResult>,
}

/// The commit the command ran at.
pub fn git_commit() -> String {
    let run = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    match run(&["rev-parse", "HEAD"]) {
        Some(commit) => {
            let dirty = run(&["status", "--porcelain", "--untracked-files=no"])
                .is_some_and(|s| !s.is_empty());
            if dirty {
                format!("{commit}-dirty")
            } else {
                commit
            }
        }
        None => "unknown".to_owned(),
    }
}

impl ApiReport {
    /// The markdown table of the run.
    pub fn markdown(&self) -> String {
        let m = &self.machine;
        let s = &self.settings;
        let mut out = format!(
            "Run {} at commit `{}` on {} × {} ({} logical CPUs, {} GiB RAM, Linux {}), {} build.\n\
             Command: `{}`\n\
             {} cases seeded; {} concurrent keep-alive connections; {} s warm-up + {} s measured per scenario; auditing on.\n\n\
             | database | scenario | req/s | p50 ms | p99 ms | errors | vs /healthz | server RSS MiB |\n\
             |---|---|---:|---:|---:|---:|---:|---:|\n",
            self.date,
            self.git_commit.get(..12).unwrap_or(&self.git_commit),
            m.nproc,
            m.cpu_model,
            m.nproc,
            m.ram_gib,
            m.kernel,
            s.build,
            self.command,
            s.cases,
            s.concurrency,
            s.warmup_seconds,
            s.seconds
        );
        for r in &self.results {
            for sc in &r.scenarios {
                out.push_str(&format!(
                    "| {} | {} | {:.0} | {:.2} | {:.2} | {} | {:.0}% | {:.0} |\n",
                    r.database,
                    sc.request,
                    sc.throughput,
                    sc.p50_ms,
                    sc.p99_ms,
                    sc.errors,
                    sc.ratio_to_healthz * 100.0,
                    sc.server_rss_mib
                ));
            }
        }
        out.push('\n');
        for r in &self.results {
            out.push_str(&format!(
                "- {}: {} cases, {} persons seeded in {:.1} s; reads as {} of {} ({} readable cases); peak server memory {:.0} MiB; reads at {:.0}% of the /healthz ceiling.\n",
                r.database,
                r.dataset.cases,
                r.dataset.persons,
                r.seed_seconds,
                r.user,
                r.agency,
                r.readable_cases,
                r.peak_server_memory_mib,
                r.read_to_healthz_ratio * 100.0
            ));
        }
        out
    }
}
