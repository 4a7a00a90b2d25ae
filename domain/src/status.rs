//! The case lifecycle: `registered` → `under_investigation` → `sent_to_prosecutor` →
//! `in_court` → `closed`, with a closure reason.

use serde::{Deserialize, Serialize};

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Logged, not yet investigated.
    Registered,
    /// Investigation opened.
    UnderInvestigation,
    /// Handed to the prosecutor.
    SentToProsecutor,
    /// Before a court.
    InCourt,
    /// Closed, with a [`ClosureReason`].
    Closed,
}

/// Why a case was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClosureReason {
    /// A court convicted at least one defendant.
    Convicted,
    /// The court acquitted.
    Acquitted,
    /// Dismissed (no crime established, reconciliation, statute of limitations…).
    Dismissed,
    /// Suspended (suspect not found…); may be reopened.
    Suspended,
    /// Merged into another case.
    Merged,
    /// Any other reason.
    Other,
}

impl CaseStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Registered => "registered",
            CaseStatus::UnderInvestigation => "under_investigation",
            CaseStatus::SentToProsecutor => "sent_to_prosecutor",
            CaseStatus::InCourt => "in_court",
            CaseStatus::Closed => "closed",
        }
    }

    /// Whether the lifecycle allows moving from `self` to `next`.
    ///
    /// Forward one step; a prosecutor may return a case for further investigation; any open
    /// case may be closed; a closed case may be reopened for investigation.
    pub fn may_become(self, next: CaseStatus) -> bool {
        use CaseStatus::*;
        matches!(
            (self, next),
            (Registered, UnderInvestigation)
                | (UnderInvestigation, SentToProsecutor)
                | (SentToProsecutor, InCourt)
                | (SentToProsecutor, UnderInvestigation)
                | (InCourt, SentToProsecutor)
                | (
                    Registered | UnderInvestigation | SentToProsecutor | InCourt,
                    Closed
                )
                | (Closed, UnderInvestigation)
        )
    }
}

impl std::str::FromStr for CaseStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        serde_json::from_value(serde_json::Value::String(s.to_owned()))
            .map_err(|_| format!("unknown case status `{s}`"))
    }
}

impl ClosureReason {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ClosureReason::Convicted => "convicted",
            ClosureReason::Acquitted => "acquitted",
            ClosureReason::Dismissed => "dismissed",
            ClosureReason::Suspended => "suspended",
            ClosureReason::Merged => "merged",
            ClosureReason::Other => "other",
        }
    }

    /// Whether a case may close for this reason from `status` (verdicts need a court).
    pub fn allowed_from(self, status: CaseStatus) -> bool {
        match self {
            ClosureReason::Convicted | ClosureReason::Acquitted => status == CaseStatus::InCourt,
            _ => true,
        }
    }
}

impl std::str::FromStr for ClosureReason {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        serde_json::from_value(serde_json::Value::String(s.to_owned()))
            .map_err(|_| format!("unknown closure reason `{s}`"))
    }
}

impl std::fmt::Display for CaseStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::CaseStatus::*;
    use super::*;

    #[test]
    fn lifecycle() {
        assert!(Registered.may_become(UnderInvestigation));
        assert!(!Registered.may_become(InCourt));
        assert!(UnderInvestigation.may_become(Closed));
        assert!(Closed.may_become(UnderInvestigation));
        assert!(!Closed.may_become(InCourt));
        assert!(!InCourt.may_become(InCourt));
        assert!(ClosureReason::Convicted.allowed_from(InCourt));
        assert!(!ClosureReason::Convicted.allowed_from(UnderInvestigation));
        assert_eq!("in_court".parse::<CaseStatus>().unwrap(), InCourt);
        assert!("open".parse::<CaseStatus>().is_err());
    }
}
