//! The database a run measures: a fresh SQLite data directory, or a fresh PostgreSQL database
//! created on the server given and dropped afterwards; seeded with the generator.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use korgon_domain::Role;
use korgon_synth::{Config, Generator, Size};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use secrecy::{ExposeSecret, SecretString};
use sqlx::Connection;
use uuid::Uuid;

use crate::cli::demo::DEMO_PASSWORD;
use crate::entity::{agency, case, user};
use crate::seed::{self, SeedCounts, SeedOptions};
use crate::settings::Settings;

/// A database kind to measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DbKind {
    /// The embedded SQLite database.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

impl DbKind {
    /// The name in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            DbKind::Sqlite => "sqlite",
            DbKind::Postgres => "postgres",
        }
    }
}

/// A seeded database, ready to be served.
pub struct Target {
    /// Which database.
    pub kind: DbKind,
    /// The data directory (the SQLite file, the token secret).
    pub dir: PathBuf,
    /// The temporary directory behind `dir`, removed with the target.
    _temp: Option<tempfile::TempDir>,
    /// The PostgreSQL URL of the run's database.
    pub database_url: Option<SecretString>,
    /// The admin URL and name of the PostgreSQL database to drop afterwards.
    drop_pg: Option<(String, String)>,
    /// What the seeder stored.
    pub counts: SeedCounts,
    /// Seconds the seeding took.
    pub seed_seconds: f64,
    /// The investigator the reads run as.
    pub username: String,
    /// Their agency.
    pub agency: String,
    /// The cases that agency owns (what the investigator may read).
    pub case_ids: Vec<Uuid>,
}

/// The generator size for about `cases` cases: the named sizes exactly, else a number of
/// persons (about 4.2 per case).
pub fn size_for_cases(cases: u64) -> Size {
    match cases {
        0..=4 => Size::Tiny,
        70 => Size::Small,
        2_400 => Size::Medium,
        100_000 => Size::Large,
        n => Size::Persons(n.saturating_mul(421) / 100),
    }
}

/// The database URL on the same server as `admin_url`, named `name`.
fn sibling_url(admin_url: &str, name: &str) -> String {
    let (base, query) = match admin_url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (admin_url, None),
    };
    let base = match base.rsplit_once('/') {
        Some((server, _)) if server.contains("://") && !server.ends_with('/') => server,
        _ => base.trim_end_matches('/'),
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

async fn pg_execute(admin_url: &str, sql: String) -> anyhow::Result<()> {
    let mut conn = sqlx::PgConnection::connect(admin_url).await.map_err(|_| {
        anyhow::anyhow!("cannot connect to the PostgreSQL server given by --postgres-url")
    })?;
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    Ok(())
}

impl Target {
    /// Creates and seeds a fresh database of `kind`.
    pub async fn prepare(
        kind: DbKind,
        cases: u64,
        seed: u64,
        postgres_url: &str,
    ) -> anyhow::Result<Target> {
        let dir = tempfile::Builder::new()
            .prefix("korgon-bench-")
            .tempdir()
            .context("cannot create a temporary data directory")?;
        let (database_url, drop_pg) = match kind {
            DbKind::Sqlite => (None, None),
            DbKind::Postgres => {
                let name = format!("korgon_bench_{}", Uuid::new_v4().simple());
                pg_execute(postgres_url, format!("CREATE DATABASE \"{name}\"")).await?;
                (
                    Some(SecretString::from(sibling_url(postgres_url, &name))),
                    Some((postgres_url.to_owned(), name)),
                )
            }
        };
        let mut target = Target {
            kind,
            dir: dir.path().to_path_buf(),
            _temp: Some(dir),
            database_url,
            drop_pg,
            counts: SeedCounts::default(),
            seed_seconds: 0.0,
            username: String::new(),
            agency: String::new(),
            case_ids: Vec::new(),
        };
        if let Err(e) = target.seed(cases, seed).await {
            target.cleanup().await;
            return Err(e);
        }
        Ok(target)
    }

    /// Settings that point at this target.
    pub fn settings(&self) -> Settings {
        let mut settings = Settings::for_data_dir(&self.dir);
        settings.database_url = self.database_url.clone();
        settings
    }

    /// The PostgreSQL URL, if any, to hand to the server.
    pub fn database_url(&self) -> Option<&str> {
        self.database_url.as_ref().map(|u| u.expose_secret())
    }

    async fn seed(&mut self, cases: u64, seed: u64) -> anyhow::Result<()> {
        let state = crate::startup::build_state(&self.settings()).await?;
        let store = &state.store;
        let config = Config::new(seed, size_for_cases(cases), crate::seed::last_data_day());
        let generator = Generator::new(&store.profile, config)
            .map_err(|e| anyhow::anyhow!("cannot generate the dataset: {e}"))?;
        let started = Instant::now();
        let options = SeedOptions {
            progress: true,
            ..SeedOptions::new(SecretString::from(DEMO_PASSWORD))
        };
        let report = seed::seed(store, &generator, options).await?;
        self.seed_seconds = started.elapsed().as_secs_f64();
        self.counts = report.counts;
        self.pick_reader(store).await
    }

    /// An already seeded SQLite data directory, served as it is (for profiling: no seeding).
    pub async fn existing(dir: &Path) -> anyhow::Result<Target> {
        let mut target = Target {
            kind: DbKind::Sqlite,
            dir: dir.to_path_buf(),
            _temp: None,
            database_url: None,
            drop_pg: None,
            counts: SeedCounts::default(),
            seed_seconds: 0.0,
            username: String::new(),
            agency: String::new(),
            case_ids: Vec::new(),
        };
        let state = crate::startup::build_state(&target.settings()).await?;
        target.counts.cases = case::Entity::find().count(&state.store.db.reader).await?;
        target.pick_reader(&state.store).await?;
        Ok(target)
    }

    /// Picks the investigator of the agency owning most cases, and the cases they may read.
    async fn pick_reader(&mut self, store: &crate::store::Store) -> anyhow::Result<()> {
        let owners: Vec<(Uuid, Uuid)> = case::Entity::find()
            .select_only()
            .column(case::Column::Id)
            .column(case::Column::OwnerAgencyId)
            .into_tuple()
            .all(&store.db.reader)
            .await?;
        let mut by_owner: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for (id, owner) in owners {
            by_owner.entry(owner).or_default().push(id);
        }
        let (owner, ids) = by_owner
            .into_iter()
            .max_by_key(|(owner, ids)| (ids.len(), *owner))
            .context("the dataset has no case")?;
        let code = agency::Entity::find_by_id(owner)
            .one(&store.db.reader)
            .await?
            .context("the owning agency vanished")?
            .code;
        let username: String = user::Entity::find()
            .select_only()
            .column(user::Column::Username)
            .filter(user::Column::AgencyId.eq(owner))
            .filter(user::Column::Role.eq(Role::Investigator.as_str()))
            .order_by_asc(user::Column::CreatedAt)
            .into_tuple()
            .one(&store.db.reader)
            .await?
            .context("the busiest agency has no investigator")?;
        self.username = username;
        self.agency = code;
        self.case_ids = ids;
        Ok(())
    }

    /// Drops the PostgreSQL database (the data directory goes with `self`).
    pub async fn cleanup(&mut self) {
        if let Some((admin, name)) = self.drop_pg.take()
            && let Err(e) = pg_execute(
                &admin,
                format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
            )
            .await
        {
            eprintln!("warning: could not drop the benchmark database {name}: {e:#}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sibling_urls() {
        assert_eq!(
            sibling_url("postgres://postgres@127.0.0.1:5432/postgres", "b"),
            "postgres://postgres@127.0.0.1:5432/b"
        );
        assert_eq!(
            sibling_url("postgres://u:p@h/test?sslmode=disable", "b"),
            "postgres://u:p@h/b?sslmode=disable"
        );
        assert_eq!(sibling_url("postgres://h:5432", "b"), "postgres://h:5432/b");
        assert_eq!(size_for_cases(100_000), Size::Large);
        assert_eq!(size_for_cases(1_000), Size::Persons(4_210));
    }
}
