//! Korgon's database schema: one migration set, applied unchanged to SQLite and PostgreSQL.
//!
//! Migrations run on every start (`korgon serve`, `korgon demo`, any CLI verb that opens the
//! database). Each migration is a file of its own, named by date; never edit one that has been
//! released, add a new one.

pub use sea_orm_migration;
use sea_orm_migration::prelude::*;

mod m20261121_000001_foundation;
mod m20261121_000002_referrals;
mod m20261121_000003_court_proceedings;
mod m20261121_000004_case_list_index;
mod m20261121_000005_token_validity;

/// The ordered list of Korgon's migrations.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_foundation::Migration),
            Box::new(m20261121_000002_referrals::Migration),
            Box::new(m20261121_000003_court_proceedings::Migration),
            Box::new(m20261121_000004_case_list_index::Migration),
            Box::new(m20261121_000005_token_validity::Migration),
        ]
    }
}
