//! One person record: what one agency wrote down about one individual.

use chrono::NaiveDate;
use korgon_domain::{ExploitationForm, PersonInput};
use serde::Serialize;
use uuid::Uuid;

use super::truth::Variation;

/// A person as one agency recorded them. Several records with one `identity` are duplicates.
#[derive(Debug, Clone, Serialize)]
pub struct PersonRecord {
    /// Global index, dense from 0.
    pub index: u64,
    /// Deterministic UUID (v7 from `registered_on`, random bits from the seed).
    pub id: Uuid,
    /// Ground truth: the real (synthetic) individual; shared by duplicates.
    pub identity: u64,
    /// Code of the registering agency (it holds the protected fields).
    pub agency: String,
    /// The day the agency registered the person.
    pub registered_on: NaiveDate,
    /// The record, exactly as a user would submit it.
    pub input: PersonInput,
    /// Ground truth: the individual's home region (ISO 3166-2).
    pub home_region: String,
    /// Ground truth, for victims: the main form of exploitation they suffered.
    pub exploitation: Option<ExploitationForm>,
    /// Ground truth, for victims exploited abroad: the destination country.
    pub destination: Option<String>,
    /// Ground truth: how this record departs from the individual's canonical data (empty for
    /// a faithful record).
    pub variations: Vec<Variation>,
}

impl PersonRecord {
    /// True when no name field was varied (the record spells the canonical names).
    pub fn has_canonical_names(&self) -> bool {
        !self.variations.iter().any(Variation::is_name_variation)
    }
}
