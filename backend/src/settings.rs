//! Typed settings, layered: defaults → `korgon.toml` in the data dir (or `--config`) →
//! `KORGON_*` environment variables → command-line flags.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use secrecy::SecretString;
use serde::Deserialize;

/// Everything Korgon can be configured with. Secrets are [`SecretString`]s: their `Debug`
/// prints `[REDACTED]`, so logging the settings cannot leak them.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Address to serve HTTP on.
    pub listen: SocketAddr,
    /// Directory holding the SQLite database, the JWT secret and (later) the search index.
    pub data_dir: PathBuf,
    /// `postgres://…` to use PostgreSQL instead of the embedded SQLite database.
    pub database_url: Option<SecretString>,
    /// HMAC secret for access tokens; generated into the data dir (mode 0600) when absent.
    pub jwt_secret: Option<SecretString>,
    /// Country profile id (`kg`, `kz`).
    pub country_profile: String,
    /// Lifetime of an access token, in seconds.
    pub token_ttl_seconds: u64,
    /// Failed logins in a row that lock an account.
    pub lockout_threshold: i32,
    /// How long a locked account stays locked, in minutes.
    pub lockout_minutes: i64,
    /// Days after which an unanswered referral counts as overdue.
    pub referral_overdue_days: u32,
    /// Read connections to SQLite (writes always go through one connection).
    pub sqlite_read_connections: u32,
    /// Connections to PostgreSQL.
    pub postgres_connections: u32,
    /// Log format: `pretty` or `json`.
    pub log_format: LogFormat,
    /// Take the client address for the audit log from `X-Forwarded-For` (behind a proxy).
    pub trust_forwarded_for: bool,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Pretty,
    /// One JSON object per line, for log collectors.
    Json,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("./korgon-data"),
            database_url: None,
            jwt_secret: None,
            country_profile: "kg".to_owned(),
            token_ttl_seconds: 900,
            lockout_threshold: 5,
            lockout_minutes: 15,
            referral_overdue_days: 3,
            sqlite_read_connections: 8,
            postgres_connections: 16,
            log_format: LogFormat::Pretty,
            trust_forwarded_for: false,
        }
    }
}

/// Values given on the command line; each overrides every other layer.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    /// `--listen`.
    pub listen: Option<SocketAddr>,
    /// `--data-dir`.
    pub data_dir: Option<PathBuf>,
    /// `--config`.
    pub config_file: Option<PathBuf>,
}

impl Settings {
    /// Loads the layers. The file is `--config` if given, else `korgon.toml` in the data dir
    /// when it exists.
    pub fn load(overrides: &Overrides) -> anyhow::Result<Settings> {
        let env = || Env::prefixed("KORGON_").ignore(&["TEST_DATABASE_URL", "LOG"]);
        // The data dir decides where the file is, so find it first from env and flags alone.
        let data_dir = overrides
            .data_dir
            .clone()
            .or_else(|| std::env::var_os("KORGON_DATA_DIR").map(PathBuf::from))
            .unwrap_or_else(|| Settings::default().data_dir);
        let file = overrides
            .config_file
            .clone()
            .unwrap_or_else(|| data_dir.join("korgon.toml"));
        if overrides.config_file.is_some() && !file.exists() {
            anyhow::bail!("configuration file {} does not exist", file.display());
        }
        let mut settings: Settings = Figment::new()
            .merge(Toml::file(&file))
            .merge(env())
            .extract()
            .map_err(|e| anyhow::anyhow!("invalid configuration: {e}"))?;
        if let Some(listen) = overrides.listen {
            settings.listen = listen;
        }
        if let Some(dir) = &overrides.data_dir {
            settings.data_dir = dir.clone();
        }
        settings.validate()?;
        Ok(settings)
    }

    /// Settings for a data dir with everything else at its default (tests, tools).
    pub fn for_data_dir(data_dir: &Path) -> Settings {
        Settings {
            data_dir: data_dir.to_path_buf(),
            ..Settings::default()
        }
    }

    fn validate(&self) -> anyhow::Result<()> {
        if korgon_domain::CountryProfile::builtin(&self.country_profile).is_none() {
            anyhow::bail!(
                "country_profile: unknown profile `{}`, expected one of: {}",
                self.country_profile,
                korgon_domain::CountryProfile::builtin_ids().join(", ")
            );
        }
        if self.token_ttl_seconds < 60 || self.token_ttl_seconds > 86_400 {
            anyhow::bail!("token_ttl_seconds: must be between 60 and 86400");
        }
        if self.lockout_minutes < 1 {
            anyhow::bail!("lockout_minutes: must be at least 1");
        }
        if self.lockout_threshold < 1 {
            anyhow::bail!("lockout_threshold: must be at least 1");
        }
        if self.sqlite_read_connections == 0 || self.postgres_connections == 0 {
            anyhow::bail!("connection counts must be at least 1");
        }
        Ok(())
    }
}
