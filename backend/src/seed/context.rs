//! What every batch needs: the profile, the generator's "today", and the agencies and users
//! already stored, by code.

use std::collections::HashMap;

use anyhow::Context as _;
use chrono::NaiveDate;
use korgon_domain::{AgencyKind, CountryProfile};
use korgon_synth::Generator;
use uuid::Uuid;

/// An agency as stored.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StoredAgency {
    /// Id.
    pub id: Uuid,
    /// Kind.
    pub kind: AgencyKind,
}

/// The shared state of one seeding run.
#[derive(Debug)]
pub(crate) struct SeedContext {
    /// The country profile records are validated against.
    pub profile: std::sync::Arc<CountryProfile>,
    /// The generator's "today": records are validated as if entered then.
    pub today: NaiveDate,
    /// The generator (for the prosecutor's office of a region).
    pub generator: Generator,
    /// Agencies by code.
    pub agencies: HashMap<String, StoredAgency>,
    /// The user who enters an agency's records (its first investigator, prosecutor or NGO
    /// worker), by agency code.
    pub clerks: HashMap<String, Uuid>,
}

impl SeedContext {
    /// The stored agency with `code`.
    pub fn agency(&self, code: &str) -> anyhow::Result<StoredAgency> {
        self.agencies
            .get(code)
            .copied()
            .with_context(|| format!("the dataset refers to an unknown agency {code}"))
    }

    /// The user who enters the records of agency `code`.
    pub fn clerk(&self, code: &str) -> anyhow::Result<Uuid> {
        self.clerks
            .get(code)
            .copied()
            .with_context(|| format!("agency {code} has records but no user to enter them"))
    }
}
