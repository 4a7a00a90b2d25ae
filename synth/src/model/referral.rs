//! Referrals between agencies, with consent and status history.
//!
//! The enumerations are plain codes (the generator does not depend on the API's input types
//! here); the modules below list every code the generator uses, and the validation tests turn
//! each referral into the API's `ReferralInput` and validate it.

use chrono::NaiveDate;
use korgon_domain::{ConsentInput, ReferralInput};
use serde::Serialize;
use uuid::Uuid;

/// Codes of what a referred victim needs.
pub mod needs {
    /// A place in a shelter.
    pub const SHELTER: &str = "shelter";
    /// Medical care.
    pub const MEDICAL: &str = "medical";
    /// Legal aid.
    pub const LEGAL: &str = "legal";
    /// Psychological support.
    pub const PSYCHOLOGICAL: &str = "psychological";
    /// Return home from abroad.
    pub const REPATRIATION: &str = "repatriation";
    /// Reintegration (housing, work, family).
    pub const REINTEGRATION: &str = "reintegration";
    /// Every code.
    pub const ALL: [&str; 6] = [
        SHELTER,
        MEDICAL,
        LEGAL,
        PSYCHOLOGICAL,
        REPATRIATION,
        REINTEGRATION,
    ];
}

/// Codes of urgency.
pub mod urgencies {
    /// Can wait.
    pub const LOW: &str = "low";
    /// Usual.
    pub const NORMAL: &str = "normal";
    /// Within days.
    pub const HIGH: &str = "high";
    /// Today (a minor, a victim still held).
    pub const CRITICAL: &str = "critical";
    /// Every code.
    pub const ALL: [&str; 4] = [LOW, NORMAL, HIGH, CRITICAL];
}

/// Codes of who gave consent.
pub mod consent_givers {
    /// The (adult) victim.
    pub const VICTIM: &str = "victim";
    /// A parent or guardian of a minor victim.
    pub const GUARDIAN: &str = "guardian";
    /// Nobody: only police referrals in an emergency.
    pub const NONE: &str = "none";
    /// Every code.
    pub const ALL: [&str; 3] = [VICTIM, GUARDIAN, NONE];
}

/// Codes of what a consent lets the receiver see once it accepts.
pub mod consent_scopes {
    /// Names, sex, birth date, PIN and citizenship.
    pub const IDENTITY: &str = "identity";
    /// Identity plus telephone, address and notes.
    pub const FULL: &str = "full";
    /// Every code.
    pub const ALL: [&str; 2] = [IDENTITY, FULL];
}

/// Codes of referral status.
pub mod referral_statuses {
    /// Sent, not yet answered.
    pub const SUBMITTED: &str = "submitted";
    /// Taken on.
    pub const ACCEPTED: &str = "accepted";
    /// Refused, with a reason.
    pub const DECLINED: &str = "declined";
    /// Taken back by the sender.
    pub const WITHDRAWN: &str = "withdrawn";
    /// Finished after acceptance.
    pub const CLOSED: &str = "closed";
    /// Every code.
    pub const ALL: [&str; 5] = [SUBMITTED, ACCEPTED, DECLINED, WITHDRAWN, CLOSED];
}

/// A referral of a victim from one agency to another.
#[derive(Debug, Clone, Serialize)]
pub struct ReferralRecord {
    /// Global index, dense from 0.
    pub index: u64,
    /// Deterministic UUID (v7 from the submission date).
    pub id: Uuid,
    /// Code of the sending agency.
    pub from_agency: String,
    /// Code of the receiving agency.
    pub to_agency: String,
    /// Index of the victim's person record (registered by `from_agency`).
    pub person: u64,
    /// Index of the case, when there is one.
    pub case: Option<u64>,
    /// Why (in Russian).
    pub reason: String,
    /// Codes from [`needs`], at least one, no repeats.
    pub needs: Vec<&'static str>,
    /// A code from [`urgencies`].
    pub urgency: &'static str,
    /// The consent record.
    pub consent: Consent,
    /// Status history, oldest first; starts with `submitted`.
    pub timeline: Vec<ReferralStatusChange>,
}

impl ReferralRecord {
    /// The body of `POST /api/v1/referrals` that submits this referral, for the stored ids of
    /// its person and case and the victim's region. Every code the generator uses is one the
    /// API knows (the validation tests check that none is lost on the way).
    pub fn input(
        &self,
        person_id: Uuid,
        case_id: Option<Uuid>,
        region: Option<&str>,
    ) -> ReferralInput {
        ReferralInput {
            to_agency: Some(self.to_agency.clone()),
            person_id: Some(person_id),
            case_id,
            reason: Some(self.reason.clone()),
            needs: self.needs.iter().filter_map(|n| n.parse().ok()).collect(),
            urgency: self.urgency.parse().unwrap_or_default(),
            consent: Some(ConsentInput {
                given_by: self.consent.given_by.parse().ok(),
                given_on: self
                    .consent
                    .given_on
                    .map(|d| d.format("%Y-%m-%d").to_string()),
                scope: self.consent.scope.and_then(|s| s.parse().ok()),
                guardian_name: self.consent.guardian_name.clone(),
            }),
            region: region.map(str::to_owned),
        }
    }

    /// The current status code.
    pub fn status(&self) -> &'static str {
        self.timeline
            .last()
            .map_or(referral_statuses::SUBMITTED, |s| s.status)
    }
}

/// Who consented to the referral, when, and to what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Consent {
    /// A code from [`consent_givers`]; `guardian` for every minor.
    pub given_by: &'static str,
    /// When; `None` exactly when nobody consented.
    pub given_on: Option<NaiveDate>,
    /// A code from [`consent_scopes`]; `None` exactly when nobody consented.
    pub scope: Option<&'static str>,
    /// The guardian who consented for a minor (`family given`); `None` unless `given_by`
    /// is `guardian`.
    pub guardian_name: Option<String>,
}

/// One step of a referral's status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReferralStatusChange {
    /// When.
    pub on: NaiveDate,
    /// A code from [`referral_statuses`].
    pub status: &'static str,
    /// The response note (a decline's reason, a closing note).
    pub note: Option<String>,
}
