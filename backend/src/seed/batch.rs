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
    /// Person index → what a referral tells the receiver of them, and their home region.
    pub subjects: HashMap<u64, (Subject, String)>,
    /// (person index, agency code) → when the agency came to reach a person it did not
    /// register (an accepted referral carrying an identity).
    pub referred: HashMap<(u64, String), DateTime<Utc>>,
}

impl BatchIds {
    /// The id of person `index`.
    pub fn person(&self, index: u64) -> anyhow::Result<(Uuid, &str)> {
        self.persons
            .get(&index)
            .map(|(id, agency)| (*id, agency.as_str()))
            .ok_or_else(|| anyhow::anyhow!("the batch refers to person #{index} it lacks"))
    }

    /// What a referral of person `index` tells the receiver, and their home region.
    pub fn subject(&self, index: u64) -> anyhow::Result<(&Subject, &str)> {
        self.subjects
            .get(&index)
            .map(|(subject, region)| (subject, region.as_str()))
            .ok_or_else(|| anyhow::anyhow!("the batch refers to person #{index} it lacks"))
    }

    /// When agency `code` came to reach person `index`: when the person was registered, if
    /// by that agency, else when the agency accepted a referral of them.
    pub fn reached_at(&self, index: u64, code: &str) -> anyhow::Result<Option<DateTime<Utc>>> {
        let (id, registrar) = self.person(index)?;
        if registrar == code {
            return Ok(Some(super::ids::time_of(id)));
        }
        Ok(self.referred.get(&(index, code.to_owned())).copied())
    }

    /// The stored case `index`.
    pub fn case(&self, index: u64) -> anyhow::Result<&StoredCase> {
        self.cases
            .get(&index)
            .ok_or_else(|| anyhow::anyhow!("the batch refers to case #{index} it lacks"))
    }
}
