//! A batch of records, and a whole dataset.

use serde::Serialize;

use super::{
    Agency, AssistanceRecord, CaseRecord, CourtProceeding, IdentityTruth, PersonRecord,
    ReferralRecord, User,
};
use crate::config::Config;

/// The records of a run of whole episodes: a streamed batch, or everything at once.
///
/// Every index referred to is defined in the same `Records`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Records {
    /// Person records, by increasing index.
    pub persons: Vec<PersonRecord>,
    /// Cases with their parties, by increasing index.
    pub cases: Vec<CaseRecord>,
    /// Referrals.
    pub referrals: Vec<ReferralRecord>,
    /// Assistance given.
    pub assistance: Vec<AssistanceRecord>,
    /// Court proceedings.
    pub court: Vec<CourtProceeding>,
    /// Ground truth: the person records of every identity.
    pub identities: Vec<IdentityTruth>,
}

impl Records {
    /// Appends `other` (which must follow `self` in the stream).
    pub fn extend(&mut self, other: Records) {
        self.persons.extend(other.persons);
        self.cases.extend(other.cases);
        self.referrals.extend(other.referrals);
        self.assistance.extend(other.assistance);
        self.court.extend(other.court);
        self.identities.extend(other.identities);
    }

    /// True when nothing is in it.
    pub fn is_empty(&self) -> bool {
        self.persons.is_empty() && self.cases.is_empty()
    }
}

/// A whole dataset held in memory: for tests and demos (for big runs, stream batches).
#[derive(Debug, Clone, Serialize)]
pub struct Dataset {
    /// The config it was generated with.
    pub config: Config,
    /// Agencies.
    pub agencies: Vec<Agency>,
    /// Demo users, one per role per agency where the role fits.
    pub users: Vec<User>,
    /// Everything else.
    pub records: Records,
}
