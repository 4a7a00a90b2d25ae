//! What a referral looks like to each side.
//!
//! The sending agency sees everything it entered. The receiving agency sees the request (reason,
//! needs, urgency), the consent's terms and a non-identifying profile of the victim (sex, age
//! band, citizenship, region); the person, the case and the guardian's name only once it has
//! accepted a referral that was not anonymous, and no longer once the sender revoked the
//! access. An anonymous referral never shows them to the receiver.

use chrono::{DateTime, NaiveDate, Utc};
use korgon_domain::ReferralStatus;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::entity::referral;

/// Which side of a referral the actor's agency is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Received by the actor's agency.
    Incoming,
    /// Sent by the actor's agency.
    Outgoing,
}

impl Direction {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Incoming => "incoming",
            Direction::Outgoing => "outgoing",
        }
    }
}

/// The consent record as shown.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ConsentView {
    /// `victim`, `guardian` or `none`.
    pub given_by: String,
    /// When consent was given.
    pub given_on: Option<NaiveDate>,
    /// `identity` or `full`; absent for an anonymous referral.
    pub scope: Option<String>,
    /// The guardian's name: to the sender, and to the receiver once it accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guardian_name: Option<String>,
}

/// The non-identifying profile of the victim, taken when the referral was submitted.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SubjectView {
    /// `female`, `male` or `unknown`.
    pub sex: String,
    /// `0-11`, `12-17`, `18-24`, `25-34`, `35-49` or `50+`; absent when the birth date is
    /// unknown.
    pub age_band: Option<String>,
    /// Citizenship (ISO 3166-1 alpha-2).
    pub citizenship: Option<String>,
    /// Region (ISO 3166-2).
    pub region: Option<String>,
}

/// A referral as the actor's agency may see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReferralView {
    /// Id.
    pub id: Uuid,
    /// `outgoing` (your agency sent it) or `incoming` (your agency received it).
    pub direction: Direction,
    /// Code of the sending agency.
    pub from_agency: String,
    /// Code of the receiving agency.
    pub to_agency: String,
    /// `submitted`, `accepted`, `declined`, `withdrawn` or `closed`.
    pub status: String,
    /// True when nobody consented: no identity travels to the receiver.
    pub anonymous: bool,
    /// The victim: to the sender, and to the receiver of a consented referral once accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_id: Option<Uuid>,
    /// The attached case, under the same rule as `person_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_id: Option<Uuid>,
    /// The case the receiver opened from this referral.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opened_case_id: Option<Uuid>,
    /// Why the victim is referred.
    pub reason: String,
    /// What the victim needs.
    pub needs: Vec<String>,
    /// `low`, `normal`, `high` or `critical`.
    pub urgency: String,
    /// Who consented, when, to what.
    pub consent: ConsentView,
    /// The victim's non-identifying profile.
    pub subject: SubjectView,
    /// The receiver's note on accepting, or its reason for declining.
    pub response_note: Option<String>,
    /// The sender's note on withdrawing.
    pub withdraw_note: Option<String>,
    /// The receiver's note on closing.
    pub close_note: Option<String>,
    /// The sender's note on revoking the access.
    pub revoke_note: Option<String>,
    /// Submitted.
    pub submitted_at: DateTime<Utc>,
    /// By (user id).
    pub submitted_by: Uuid,
    /// Accepted or declined.
    pub responded_at: Option<DateTime<Utc>>,
    /// By (user id).
    pub responded_by: Option<Uuid>,
    /// Withdrawn.
    pub withdrawn_at: Option<DateTime<Utc>>,
    /// By (user id).
    pub withdrawn_by: Option<Uuid>,
    /// Closed.
    pub closed_at: Option<DateTime<Utc>>,
    /// By (user id).
    pub closed_by: Option<Uuid>,
    /// When the sender revoked the access the referral granted.
    pub revoked_at: Option<DateTime<Utc>>,
    /// By (user id).
    pub revoked_by: Option<Uuid>,
    /// Submitted and unanswered for longer than the overdue threshold.
    pub overdue: bool,
    /// Version, for the next step.
    pub version: i64,
}

/// How many referrals of one direction are in each status, and how many are overdue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ReferralCounts {
    /// Awaiting an answer.
    pub submitted: i64,
    /// Accepted.
    pub accepted: i64,
    /// Declined.
    pub declined: i64,
    /// Withdrawn.
    pub withdrawn: i64,
    /// Closed.
    pub closed: i64,
    /// Submitted and unanswered for longer than the overdue threshold.
    pub overdue: i64,
}

/// One page of an inbox, with the counts of the whole direction.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReferralInbox {
    /// Newest first.
    pub items: Vec<ReferralView>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
    /// Counts over the direction asked for (both when none), whatever the filters.
    pub counts: ReferralCounts,
}

/// The referral's status; a stored value that does not parse is an internal error.
pub fn status_of(model: &referral::Model) -> crate::error::Result<ReferralStatus> {
    model.status.parse().map_err(|e: String| {
        crate::error::Error::Internal(anyhow::anyhow!("referral {}: {e}", model.id))
    })
}

/// Whether the receiver may see who the referral is about: consented, accepted (or closed
/// after acceptance) and not revoked.
pub fn receiver_sees_identity(model: &referral::Model) -> bool {
    !model.anonymous
        && model.revoked_at.is_none()
        && model
            .status
            .parse::<ReferralStatus>()
            .is_ok_and(ReferralStatus::was_accepted)
}

/// Whether the referral is overdue at `now` with a threshold of `overdue_days`.
pub fn is_overdue(model: &referral::Model, now: DateTime<Utc>, overdue_days: u32) -> bool {
    model.status == ReferralStatus::Submitted.as_str()
        && model.submitted_at < cutoff(now, overdue_days)
}

/// Referrals submitted before this instant are overdue while unanswered.
pub fn cutoff(now: DateTime<Utc>, overdue_days: u32) -> DateTime<Utc> {
    now - chrono::Duration::days(i64::from(overdue_days))
}

/// Codes of the two agencies, for [`ReferralView::build`].
#[derive(Debug, Clone, Default)]
pub struct AgencyCodes {
    /// Sender.
    pub from: String,
    /// Receiver.
    pub to: String,
}

impl ReferralView {
    /// The view of `model` from `direction`.
    pub fn build(
        model: referral::Model,
        direction: Direction,
        codes: AgencyCodes,
        overdue: bool,
    ) -> Self {
        let identity = match direction {
            Direction::Outgoing => true,
            Direction::Incoming => receiver_sees_identity(&model),
        };
        Self {
            id: model.id,
            direction,
            from_agency: codes.from,
            to_agency: codes.to,
            status: model.status,
            anonymous: model.anonymous,
            person_id: identity.then_some(model.person_id),
            case_id: if identity { model.case_id } else { None },
            opened_case_id: model.opened_case_id,
            reason: model.reason,
            needs: model.needs.0,
            urgency: model.urgency,
            consent: ConsentView {
                given_by: model.consent_given_by,
                given_on: model.consent_given_on,
                scope: model.consent_scope,
                guardian_name: if identity { model.guardian_name } else { None },
            },
            subject: SubjectView {
                sex: model.subject_sex,
                age_band: model.subject_age_band,
                citizenship: model.subject_citizenship,
                region: model.subject_region,
            },
            response_note: model.response_note,
            withdraw_note: model.withdraw_note,
            close_note: model.close_note,
            revoke_note: model.revoke_note,
            submitted_at: model.submitted_at,
            submitted_by: model.submitted_by,
            responded_at: model.responded_at,
            responded_by: model.responded_by,
            withdrawn_at: model.withdrawn_at,
            withdrawn_by: model.withdrawn_by,
            closed_at: model.closed_at,
            closed_by: model.closed_by,
            revoked_at: model.revoked_at,
            revoked_by: model.revoked_by,
            overdue,
            version: model.version,
        }
    }
}
