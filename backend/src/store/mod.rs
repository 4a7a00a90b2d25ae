//! Storage: every read and write of Korgon's records, each taking the [`crate::access::Actor`]
//! and applying its role and scope in the query, so that no caller can forget them.

pub mod agencies;
pub mod assistance;
pub mod cases;
pub mod court;
pub mod grants;
pub mod page;
pub mod persons;
pub mod referrals;
pub mod users;

use crate::audit::AuditSink;
use crate::db::Db;
use korgon_domain::CountryProfile;
use std::sync::Arc;

/// What storage operations need: the database, the read-audit sink and the country profile.
#[derive(Debug, Clone)]
pub struct Store {
    /// Database handles.
    pub db: Db,
    /// Commits the audit events of reads.
    pub audit: AuditSink,
    /// The country profile in force.
    pub profile: Arc<CountryProfile>,
}

/// The current time at the precision both databases store (microseconds).
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    chrono::Utc::now().trunc_subsecs(6)
}
