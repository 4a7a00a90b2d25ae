//! Persisting a `korgon-synth` dataset, fast and correctly: `korgon demo`, `korgon bench` and
//! the tests fill databases with it.
//!
//! The generator's stream is pulled batch by batch on a blocking thread while the previous
//! batch is written, so even the largest size never sits in memory whole. Every record goes
//! through the validation its API route applies (the generator's records are the API's own
//! input types), keeps the generator's deterministic id, and is inserted in chunks that respect
//! the databases' bound-parameter limits. One batch is one write transaction with ONE audit
//! event, `seed.batch`, holding counts only (no per-row events, never a name).
//!
//! Each kind of record is one module with the same `persist(txn, ctx, batch, ids, counts)`
//! function, called in dependency order by [`persist_batch`].

mod assistance;
mod batch;
mod bulk;
mod cases;
mod context;
mod court;
mod directory;
mod ids;
mod parties;
mod persons;
mod referrals;
mod showcase;

use std::io::IsTerminal;

use anyhow::Context as _;
use korgon_synth::{Generator, Records, Target};
use sea_orm::{ConnectionTrait, DatabaseTransaction, EntityTrait, PaginatorTrait};
use secrecy::SecretString;
use serde::Serialize;

pub use directory::{ROLE_ALIASES, SeedLogin};
pub use showcase::pending_referral;

use crate::audit::{self, AuditContext, AuditEvent, Detail};
use crate::auth::password;
use crate::entity::agency;
use crate::store::Store;
use batch::BatchIds;
use context::SeedContext;

/// Persons per batch (about 1,200 cases): large enough for few transactions, small enough
/// to keep memory flat.
pub const DEFAULT_BATCH_SIZE: usize = 5_000;

/// How to seed.
#[derive(Debug, Clone)]
pub struct SeedOptions {
    /// Persons per batch.
    pub batch_size: usize,
    /// The password of every demo user.
    pub password: SecretString,
    /// Show a progress bar on a terminal.
    pub progress: bool,
}

impl SeedOptions {
    /// Default batches, no progress bar.
    pub fn new(password: SecretString) -> Self {
        Self {
            batch_size: DEFAULT_BATCH_SIZE,
            password,
            progress: false,
        }
    }
}

/// What was stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SeedCounts {
    /// Agencies.
    pub agencies: u64,
    /// Users.
    pub users: u64,
    /// Person records.
    pub persons: u64,
    /// Cases.
    pub cases: u64,
    /// Case parties.
    pub parties: u64,
    /// Status changes kept in the classification history.
    pub status_changes: u64,
    /// Grants: cases shared with the prosecutor's office, persons and cases shared by
    /// accepted referrals.
    pub grants: u64,
    /// Court proceedings.
    pub court_proceedings: u64,
    /// Court defendants.
    pub court_defendants: u64,
    /// Referrals.
    pub referrals: u64,
    /// Assistance records.
    pub assistance: u64,
    /// Write transactions (each with one audit event).
    pub batches: u64,
}

impl SeedCounts {
    fn add(&mut self, other: &SeedCounts) {
        self.agencies += other.agencies;
        self.users += other.users;
        self.persons += other.persons;
        self.cases += other.cases;
        self.parties += other.parties;
        self.status_changes += other.status_changes;
        self.grants += other.grants;
        self.court_proceedings += other.court_proceedings;
        self.court_defendants += other.court_defendants;
        self.referrals += other.referrals;
        self.assistance += other.assistance;
        self.batches += other.batches;
    }

    /// The audit event of a batch: counts only.
    fn event(&self, batch: u64) -> AuditEvent {
        let count = |n: u64| Detail::Count(i64::try_from(n).unwrap_or(i64::MAX));
        let mut event = AuditEvent::new("seed.batch", "seed", None).with("batch", count(batch));
        for (key, n) in [
            ("agencies", self.agencies),
            ("users", self.users),
            ("persons", self.persons),
            ("cases", self.cases),
            ("parties", self.parties),
            ("status_changes", self.status_changes),
            ("grants", self.grants),
            ("court_proceedings", self.court_proceedings),
            ("court_defendants", self.court_defendants),
            ("referrals", self.referrals),
            ("assistance", self.assistance),
        ] {
            if n > 0 {
                event = event.with(key, count(n));
            }
        }
        event
    }
}

/// The outcome of a seeding run.
#[derive(Debug, Clone, Serialize)]
pub struct SeedReport {
    /// What was stored.
    pub counts: SeedCounts,
    /// Every demo login (all with the password given).
    pub logins: Vec<SeedLogin>,
}

/// Stores one batch in `txn`: every part in dependency order, then the batch's audit event.
async fn persist_batch(
    txn: &DatabaseTransaction,
    ctx: &SeedContext,
    batch: &Records,
    number: u64,
) -> anyhow::Result<SeedCounts> {
    let mut counts = SeedCounts {
        batches: 1,
        ..SeedCounts::default()
    };
    let mut ids = BatchIds::default();
    persons::persist(txn, ctx, batch, &mut ids, &mut counts).await?;
    cases::persist(txn, ctx, batch, &mut ids, &mut counts).await?;
    parties::persist(txn, ctx, batch, &mut ids, &mut counts).await?;
    court::persist(txn, ctx, batch, &mut ids, &mut counts).await?;
    referrals::persist(txn, ctx, batch, &mut ids, &mut counts).await?;
    assistance::persist(txn, ctx, batch, &mut ids, &mut counts).await?;
    audit::append(txn, &[(AuditContext::cli(), counts.event(number))]).await?;
    Ok(counts)
}

fn progress_bar(generator: &Generator, show: bool) -> indicatif::ProgressBar {
    if !show || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let (total, unit) = match generator.config().size.target() {
        Target::Cases(n) => (n, "cases"),
        Target::Persons(n) => (n, "persons"),
    };
    let bar = indicatif::ProgressBar::new(total);
    let style = indicatif::ProgressStyle::with_template(&format!(
        "{{spinner}} seeding [{{bar:40}}] {{pos}}/{{len}} {unit} {{msg}} ({{elapsed}}, ETA {{eta}})"
    ))
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

/// The last day synthetic data is dated: yesterday. The generator gives each record an
/// office-hours time on its day, so data running to today could be dated after now.
pub fn last_data_day() -> chrono::NaiveDate {
    korgon_domain::dates::today() - chrono::Days::new(1)
}

/// After a bulk load, gives the query planner statistics of the seeded tables as they now are
/// (PostgreSQL's autovacuum would get there later, after planning badly meanwhile). Korgon's
/// own tables only: a database-wide `ANALYZE` on PostgreSQL warns about every system table the
/// service's user does not own.
async fn analyze(store: &Store) -> anyhow::Result<()> {
    use crate::entity::{
        assistance_record, audit_event, case, case_grant, case_party, classification_change,
        court_defendant, court_proceeding, person, person_grant, referral, user,
    };
    use sea_orm::EntityName;
    let tables = [
        agency::Entity.table_name(),
        user::Entity.table_name(),
        person::Entity.table_name(),
        case::Entity.table_name(),
        case_party::Entity.table_name(),
        classification_change::Entity.table_name(),
        court_proceeding::Entity.table_name(),
        court_defendant::Entity.table_name(),
        case_grant::Entity.table_name(),
        person_grant::Entity.table_name(),
        referral::Entity.table_name(),
        assistance_record::Entity.table_name(),
        audit_event::Entity.table_name(),
    ];
    for table in tables {
        store
            .db
            .writer
            .execute_unprepared(&format!("ANALYZE {table}"))
            .await
            .with_context(|| format!("analysing the seeded table {table}"))?;
    }
    Ok(())
}

/// Stores the whole dataset of `generator` into the (empty) database of `store`.
pub async fn seed(
    store: &Store,
    generator: &Generator,
    options: SeedOptions,
) -> anyhow::Result<SeedReport> {
    let existing = agency::Entity::find().count(&store.db.reader).await?;
    if existing > 0 {
        anyhow::bail!("the database already holds agencies: seed only into an empty database");
    }
    // One argon2 hash for every demo user: they all share the demo password.
    let hash = password::hash(options.password.clone()).await?;
    let txn = store.db.begin_write().await?;
    let directory = directory::persist(&txn, store, generator, &hash).await?;
    let mut counts = SeedCounts {
        agencies: directory.agencies.len() as u64,
        users: directory.logins.len() as u64,
        batches: 1,
        ..SeedCounts::default()
    };
    audit::append(&txn, &[(AuditContext::cli(), counts.event(0))]).await?;
    txn.commit().await?;
    let ctx = SeedContext {
        profile: store.profile.clone(),
        today: generator.config().today,
        generator: generator.clone(),
        agencies: directory.agencies,
        clerks: directory.clerks,
    };
    let bar = progress_bar(generator, options.progress);
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Records>(1);
    let producer = {
        let generator = generator.clone();
        let batch_size = options.batch_size;
        tokio::task::spawn_blocking(move || {
            // A closed channel means the writer stopped on an error: stop generating.
            generator.for_each_batch(batch_size, |batch| tx.blocking_send(batch).map_err(|_| ()))
        })
    };
    let mut number = 0;
    let written: anyhow::Result<()> = async {
        while let Some(batch) = rx.recv().await {
            number += 1;
            let txn = store.db.begin_write().await?;
            let batch_counts = persist_batch(&txn, &ctx, &batch, number)
                .await
                .with_context(|| format!("seeding batch {number}"))?;
            txn.commit().await?;
            bar.inc(match generator.config().size.target() {
                Target::Cases(_) => batch_counts.cases,
                Target::Persons(_) => batch_counts.persons,
            });
            counts.add(&batch_counts);
            bar.set_message(format!("({} persons)", counts.persons));
        }
        Ok(())
    }
    .await;
    drop(rx);
    let generated = producer.await.context("the generator thread failed")?;
    written?;
    generated.map_err(|_| anyhow::anyhow!("the generator stopped early"))?;
    bar.finish_and_clear();
    analyze(store).await?;
    Ok(SeedReport {
        counts,
        logins: directory.logins,
    })
}
