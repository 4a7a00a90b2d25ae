//! What an assistance record looks like to one actor.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::entity::assistance_record;

/// An assistance record.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AssistanceView {
    /// Id.
    pub id: Uuid,
    /// The person assisted.
    pub person_id: Uuid,
    /// `shelter`, `medical`, `legal`, `psychological`, `repatriation`, `reintegration`,
    /// `vocational` or `other`.
    pub kind: String,
    /// First day.
    pub started_on: NaiveDate,
    /// Last day; absent while it goes on.
    pub ended_on: Option<NaiveDate>,
    /// Code of the providing agency.
    pub provider_agency: String,
    /// Notes: only for the providing agency and agencies with full access to the person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The protected fields withheld from this actor (`notes`).
    pub redacted: Vec<&'static str>,
    /// Who recorded it (user id).
    pub recorded_by: Uuid,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
    /// Version.
    pub version: i64,
}

impl AssistanceView {
    /// The view of `model`; `sees_notes` when the actor's agency provided it or has full
    /// access to the person.
    pub fn build(
        model: assistance_record::Model,
        provider_agency: String,
        sees_notes: bool,
    ) -> Self {
        let redacted = if sees_notes || model.notes.is_none() {
            Vec::new()
        } else {
            vec!["notes"]
        };
        Self {
            id: model.id,
            person_id: model.person_id,
            kind: model.kind,
            started_on: model.started_on,
            ended_on: model.ended_on,
            provider_agency,
            notes: if sees_notes { model.notes } else { None },
            redacted,
            recorded_by: model.recorded_by,
            recorded_at: model.created_at,
            version: model.version,
        }
    }
}
