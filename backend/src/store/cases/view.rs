//! What a case looks like to one actor: the narrative is withheld from NGO workers, and only
//! the parties their role may see are listed.

use chrono::{DateTime, NaiveDate, Utc};
use korgon_domain::{ArticleInput, PartyDetails, Role};
use serde::Serialize;
use uuid::Uuid;

use crate::access::CaseAccess;
use crate::entity::case;

/// A person in a case, as listed in the case.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PartyView {
    /// The party row id.
    pub id: Uuid,
    /// The person.
    pub person_id: Uuid,
    /// `victim`, `suspect`, `witness` or `reporter`.
    pub role: String,
    /// The person's name as registered (family, given, patronymic); absent when the person
    /// is out of the actor's scope (linked by an agency whose access to the person was
    /// revoked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Role details.
    pub details: PartyDetails,
}

/// A case in full, as the actor may see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CaseView {
    /// Id.
    pub id: Uuid,
    /// Reference (`KG-2024-000123`).
    pub reference: String,
    /// Code of the owning agency.
    pub owner_agency: String,
    /// How the actor's agency reaches the case.
    pub access: CaseAccess,
    /// Title (withheld from NGO workers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Narrative (withheld from NGO workers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Status.
    pub status: String,
    /// Closure reason, when closed.
    pub closure_reason: Option<String>,
    /// Region.
    pub region: String,
    /// Place (withheld from NGO workers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Forms of exploitation.
    pub exploitation_forms: Vec<String>,
    /// Articles with editions.
    pub articles: Vec<ArticleInput>,
    /// Incident start.
    pub incident_from: Option<NaiveDate>,
    /// Incident end.
    pub incident_to: Option<NaiveDate>,
    /// Crossed a border.
    pub transnational: bool,
    /// Other countries involved.
    pub countries: Vec<String>,
    /// Opened.
    pub opened_on: NaiveDate,
    /// Closed.
    pub closed_on: Option<NaiveDate>,
    /// Version, for `PATCH`.
    pub version: i64,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
    /// The parties the actor may see.
    pub parties: Vec<PartyView>,
}

/// A case in a list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CaseSummary {
    /// Id.
    pub id: Uuid,
    /// Reference.
    pub reference: String,
    /// Code of the owning agency.
    pub owner_agency: String,
    /// How the actor's agency reaches the case.
    pub access: CaseAccess,
    /// Title (withheld from NGO workers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Status.
    pub status: String,
    /// Region.
    pub region: String,
    /// Forms of exploitation.
    pub exploitation_forms: Vec<String>,
    /// Opened.
    pub opened_on: NaiveDate,
    /// Version.
    pub version: i64,
}

/// Whether the role may see a case's narrative (title, summary, place).
pub fn sees_narrative(role: Role) -> bool {
    role != Role::NgoWorker
}

impl CaseView {
    /// The view of `model` for an actor in `role` reaching it with `access`.
    pub fn build(
        model: case::Model,
        owner_agency: String,
        access: CaseAccess,
        role: Role,
        parties: Vec<PartyView>,
    ) -> Self {
        let narrative = sees_narrative(role);
        Self {
            id: model.id,
            reference: model.reference,
            owner_agency,
            access,
            title: narrative.then_some(model.title),
            summary: if narrative { model.summary } else { None },
            status: model.status,
            closure_reason: model.closure_reason,
            region: model.region,
            place: if narrative { model.place } else { None },
            exploitation_forms: model.exploitation_forms.0,
            articles: model.articles.0,
            incident_from: model.incident_from,
            incident_to: model.incident_to,
            transnational: model.transnational,
            countries: model.countries.0,
            opened_on: model.opened_on,
            closed_on: model.closed_on,
            version: model.version,
            created_at: model.created_at,
            updated_at: model.updated_at,
            parties,
        }
    }
}

impl CaseSummary {
    /// The list entry of `model`.
    pub fn build(model: case::Model, owner_agency: String, access: CaseAccess, role: Role) -> Self {
        Self {
            id: model.id,
            reference: model.reference,
            owner_agency,
            access,
            title: sees_narrative(role).then_some(model.title),
            status: model.status,
            region: model.region,
            exploitation_forms: model.exploitation_forms.0,
            opened_on: model.opened_on,
            version: model.version,
        }
    }
}
