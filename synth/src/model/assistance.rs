//! Assistance given to a victim by an NGO, a shelter or a consulate.

use chrono::NaiveDate;
use korgon_domain::AssistanceInput;
use serde::Serialize;
use uuid::Uuid;

/// Codes of the kinds of assistance.
pub mod assistance_kinds {
    /// Accommodation in a shelter.
    pub const SHELTER: &str = "shelter";
    /// Medical care.
    pub const MEDICAL: &str = "medical";
    /// Legal aid.
    pub const LEGAL: &str = "legal";
    /// Psychological support.
    pub const PSYCHOLOGICAL: &str = "psychological";
    /// Return home from abroad.
    pub const REPATRIATION: &str = "repatriation";
    /// Reintegration.
    pub const REINTEGRATION: &str = "reintegration";
    /// Vocational training.
    pub const VOCATIONAL: &str = "vocational";
    /// Every code.
    pub const ALL: [&str; 7] = [
        SHELTER,
        MEDICAL,
        LEGAL,
        PSYCHOLOGICAL,
        REPATRIATION,
        REINTEGRATION,
        VOCATIONAL,
    ];
}

/// One period of assistance.
#[derive(Debug, Clone, Serialize)]
pub struct AssistanceRecord {
    /// Global index, dense from 0.
    pub index: u64,
    /// Deterministic UUID (v7 from the day it was recorded: `ended_on`, else `started_on`).
    pub id: Uuid,
    /// Index of the person record (the provider's own, or one referred to it).
    pub person: u64,
    /// Code of the providing agency.
    pub provider_agency: String,
    /// A code from [`assistance_kinds`].
    pub kind: &'static str,
    /// First day.
    pub started_on: NaiveDate,
    /// Last day; `None` while it goes on.
    pub ended_on: Option<NaiveDate>,
}

impl AssistanceRecord {
    /// The body of `POST /api/v1/persons/{id}/assistance` that records this period.
    pub fn input(&self) -> AssistanceInput {
        AssistanceInput {
            kind: self.kind.parse().ok(),
            started_on: Some(self.started_on.format("%Y-%m-%d").to_string()),
            ended_on: self.ended_on.map(|d| d.format("%Y-%m-%d").to_string()),
            notes: None,
        }
    }
}
