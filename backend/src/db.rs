//! Database connections: the embedded SQLite file by default, PostgreSQL when
//! `KORGON_DATABASE_URL` says so.
//!
//! SQLite allows one writer at a time. Rather than let concurrent writers collide and sleep
//! in SQLite's busy handler, every write goes through a pool of exactly one connection (writes
//! queue in memory, in order) while reads use a pool of several. PostgreSQL uses one pool for
//! both.

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use korgon_migrations::Migrator;
use korgon_migrations::sea_orm_migration::MigratorTrait;
use sea_orm::{ConnectOptions, Database, DatabaseBackend, DatabaseConnection, SqlxSqliteConnector};
use secrecy::ExposeSecret;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::settings::Settings;

/// The SQLite file inside the data dir.
pub const SQLITE_FILE: &str = "korgon.db";

/// Korgon's database handles.
#[derive(Debug, Clone)]
pub struct Db {
    /// For queries that only read.
    pub reader: DatabaseConnection,
    /// For every transaction that writes (including audit appends).
    pub writer: DatabaseConnection,
}

impl Db {
    /// Connects as the settings say and brings the schema up to date.
    pub async fn connect(settings: &Settings) -> anyhow::Result<Db> {
        let db = match &settings.database_url {
            Some(url) if url.expose_secret().starts_with("postgres") => {
                Self::connect_postgres(url.expose_secret(), settings.postgres_connections).await?
            }
            Some(_) => anyhow::bail!(
                "database_url: only postgres:// URLs are supported; leave it unset for the embedded SQLite database"
            ),
            None => Self::connect_sqlite(settings).await?,
        };
        Ok(db)
    }

    /// The kind of database.
    pub fn backend(&self) -> DatabaseBackend {
        self.writer.get_database_backend()
    }

    async fn connect_postgres(url: &str, connections: u32) -> anyhow::Result<Db> {
        let mut options = ConnectOptions::new(url.to_owned());
        options
            .max_connections(connections)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(10))
            .sqlx_logging(false);
        // The URL may hold a password: never include it in the error.
        let conn = Database::connect(options).await.map_err(|e| {
            anyhow::anyhow!("cannot connect to PostgreSQL: {}", redact_db_error(&e))
        })?;
        Migrator::up(&conn, None)
            .await
            .context("applying database migrations")?;
        Ok(Db {
            reader: conn.clone(),
            writer: conn,
        })
    }

    async fn connect_sqlite(settings: &Settings) -> anyhow::Result<Db> {
        crate::data_dir::prepare(&settings.data_dir)?;
        let path = settings.data_dir.join(SQLITE_FILE);
        let options = SqliteConnectOptions::from_str("sqlite://")
            .context("sqlite options")?
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .pragma("temp_store", "memory")
            // Every statement Korgon runs, kept prepared (sqlx's default keeps 100; the
            // audit log's inserts alone take up to 64 shapes).
            .statement_cache_capacity(256);
        // The database is a file in this process: a connection cannot go stale the way a
        // network connection can, so the pools hand connections out without pinging them
        // first (sqlx's default pings, one more round trip to the connection's thread).
        let writer_pool = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .test_before_acquire(false)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options.clone())
            .await
            .with_context(|| format!("cannot open the database {}", path.display()))?;
        let writer = SqlxSqliteConnector::from_sqlx_sqlite_pool(writer_pool);
        Migrator::up(&writer, None)
            .await
            .context("applying database migrations")?;
        let reader_pool = SqlitePoolOptions::new()
            .max_connections(settings.sqlite_read_connections)
            .min_connections(1)
            .test_before_acquire(false)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options.read_only(true))
            .await
            .with_context(|| format!("cannot open the database {} for reading", path.display()))?;
        let reader = SqlxSqliteConnector::from_sqlx_sqlite_pool(reader_pool);
        Ok(Db { reader, writer })
    }
}

/// Fails unless the settings point at a database that already exists: commands that only
/// inspect (`korgon audit verify`) must not create an empty one and report it intact.
pub fn require_existing(settings: &Settings) -> anyhow::Result<()> {
    if settings.database_url.is_none() {
        let path = settings.data_dir.join(SQLITE_FILE);
        if !path.exists() {
            anyhow::bail!(
                "no Korgon database at {}: check --data-dir (or KORGON_DATA_DIR / KORGON_DATABASE_URL)",
                path.display()
            );
        }
    }
    Ok(())
}

/// A database error's text without anything that looks like a connection URL.
fn redact_db_error(err: &sea_orm::DbErr) -> String {
    let text = err.to_string();
    text.split_whitespace()
        .map(|word| if word.contains("://") { "<url>" } else { word })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Db {
    /// Folds the SQLite write-ahead log back into the database file (on shutdown), so that
    /// `korgon.db` alone holds every committed change. Does nothing on PostgreSQL.
    pub async fn checkpoint(&self) {
        use sea_orm::ConnectionTrait;
        if self.backend() == DatabaseBackend::Sqlite
            && let Err(e) = self
                .writer
                .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
                .await
        {
            tracing::warn!(error = %e, "WAL checkpoint on shutdown failed");
        }
    }

    /// Starts a write transaction on the writer. On SQLite it begins `IMMEDIATE`, taking the
    /// write lock at once, so a transaction that reads before it writes cannot fail to
    /// upgrade when another process (a CLI command) writes meanwhile.
    pub async fn begin_write(&self) -> Result<sea_orm::DatabaseTransaction, sea_orm::DbErr> {
        use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
        self.writer
            .begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..TransactionOptions::default()
            })
            .await
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectionTrait, Statement};

    use super::*;

    /// The bundled SQLite is built with the flags of `.cargo/config.toml`: without them every
    /// `LIMIT ?` statement is parsed again on each run, and allocations share one mutex.
    #[tokio::test]
    async fn sqlite_is_built_with_the_projects_flags() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&Settings::for_data_dir(dir.path()))
            .await
            .unwrap();
        let rows = db
            .reader
            .query_all_raw(Statement::from_string(
                DatabaseBackend::Sqlite,
                "PRAGMA compile_options",
            ))
            .await
            .unwrap();
        let options: Vec<String> = rows
            .iter()
            .map(|r| r.try_get_by_index::<String>(0).unwrap())
            .collect();
        assert!(options.iter().any(|o| o == "ENABLE_QPSG"), "{options:?}");
        assert!(
            options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"),
            "{options:?}"
        );
    }
}
