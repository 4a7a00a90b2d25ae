//! The ids of one batch's records by generator index: every index a batch refers to is
//! defined in the same batch, so the map never outlives it.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::store::referrals::Subject;

/// A stored case, as later parts of the batch need it.
#[derive(Debug, Clone)]
pub(crate) struct StoredCase {
    /// Id.
    pub id: Uuid,
    /// Owning agency's code.
    pub owner: String,
    /// The prosecutor's office holding a full grant (the case was sent to it), if any.
    pub prosecutor: Option<String>,
    /// Registered at.
    pub created_at: DateTime<Utc>,
    /// Region code.
    pub region: String,
    /// Owning agency's id.
    pub owner_id: Uuid,
}

/// Index → id maps of one batch.
#[derive(Debug, Default)]
pub(crate) struct BatchIds {
    /// Person index → (id, registering agency code).
    pub persons: HashMap<u64, (Uuid, String)>,
    /// Case index → stored case.
    pub cases: HashMap<u64, StoredCase>,
    /// (case index, person index) of every suspect.
    pub suspects: HashSet<(u64, u64)>,
    /// Person index → what a referral tells the receiver of them.
    pub subjects: HashMap<u64, Subject>,
    /// (person index, agency code) of every accepted referral: the agencies that reach a
    /// person they did not register.
    pub referred: HashSet<(u64, String)>,
}

impl BatchIds {
    /// The id of person `index`.
    pub fn person(&self, index: u64) -> anyhow::Result<(Uuid, &str)> {
        self.persons
            .get(&index)
            .map(|(id, agency)| (*id, agency.as_str()))
            .ok_or_else(|| anyhow::anyhow!("the batch refers to person #{index} it lacks"))
    }

    /// What a referral of person `index` tells the receiver.
    pub fn subject(&self, index: u64) -> anyhow::Result<&Subject> {
        self.subjects
            .get(&index)
            .ok_or_else(|| anyhow::anyhow!("the batch refers to person #{index} it lacks"))
    }

    /// The stored case `index`.
    pub fn case(&self, index: u64) -> anyhow::Result<&StoredCase> {
        self.cases
            .get(&index)
            .ok_or_else(|| anyhow::anyhow!("the batch refers to case #{index} it lacks"))
    }
}
