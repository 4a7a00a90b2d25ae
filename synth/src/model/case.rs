//! One case: the input, its owner, its status history and its parties.

use chrono::NaiveDate;
use korgon_domain::{CaseInput, CaseStatus, ClosureReason, PartyDetails, PartyRole};
use serde::Serialize;
use uuid::Uuid;

/// A case with everything the backend needs to persist it.
#[derive(Debug, Clone, Serialize)]
pub struct CaseRecord {
    /// Global index, dense from 0.
    pub index: u64,
    /// Deterministic UUID (v7 from `opened_on`).
    pub id: Uuid,
    /// Code of the owning agency (a police unit).
    pub owner_agency: String,
    /// The case as a user would submit it; `reference` is always set.
    pub input: CaseInput,
    /// Status history, oldest first; the first entry is `registered` on `opened_on`, and each
    /// step obeys [`CaseStatus::may_become`] and [`ClosureReason::allowed_from`].
    pub timeline: Vec<StatusChange>,
    /// Who is involved, and how.
    pub parties: Vec<Party>,
    /// Ground truth: the destination country of a transnational case (`None` at home).
    pub destination: Option<String>,
}

impl CaseRecord {
    /// The status the case has reached (the last entry of the timeline).
    pub fn status(&self) -> CaseStatus {
        self.timeline
            .last()
            .map_or(CaseStatus::Registered, |s| s.status)
    }

    /// The closure reason, when the case is closed.
    pub fn closure_reason(&self) -> Option<ClosureReason> {
        self.timeline.last().and_then(|s| s.closure_reason)
    }

    /// True when a court decided the case (convicted or acquitted) at some point.
    pub fn reached_verdict(&self) -> bool {
        self.timeline.iter().any(|s| {
            matches!(
                s.closure_reason,
                Some(ClosureReason::Convicted | ClosureReason::Acquitted)
            )
        })
    }
}

/// One step of a case's status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    /// When.
    pub on: NaiveDate,
    /// The new status.
    pub status: CaseStatus,
    /// Set exactly when `status` is `closed`.
    pub closure_reason: Option<ClosureReason>,
    /// Why (in Russian, as investigators write it).
    pub reason: String,
}

/// A person's part in a case.
#[derive(Debug, Clone, Serialize)]
pub struct Party {
    /// Index of the person record (registered by the case's owner).
    pub person: u64,
    /// Role.
    pub role: PartyRole,
    /// Role details; valid for [`PartyDetails::validate`] with `role`.
    pub details: PartyDetails,
}
