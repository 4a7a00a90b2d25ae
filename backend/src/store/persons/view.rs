//! What a person record looks like to one actor.

use chrono::{DateTime, NaiveDate, Utc};
use korgon_domain::Warning;
use serde::Serialize;
use uuid::Uuid;

use crate::access::PersonAccess;
use crate::entity::person;

/// The fields withheld without registrar or full access: contact details and notes (which
/// may hold a shelter's location).
pub const PROTECTED_FIELDS: [&str; 3] = ["phone", "address", "notes"];

/// A person record as the actor may see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PersonView {
    /// Id.
    pub id: Uuid,
    /// Code of the registering agency.
    pub registering_agency: String,
    /// How the actor's agency reaches the record.
    pub access: PersonAccess,
    /// Given name.
    pub given_name: Option<String>,
    /// Family name.
    pub family_name: Option<String>,
    /// Patronymic or father's name.
    pub patronymic: Option<String>,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// `female`, `male` or `unknown`.
    pub sex: String,
    /// Date of birth.
    pub date_of_birth: Option<NaiveDate>,
    /// `day`, `year` or `approximate`.
    pub date_of_birth_precision: Option<String>,
    /// Personal number.
    pub pin: Option<String>,
    /// Citizenship (ISO 3166-1 alpha-2).
    pub citizenship: Option<String>,
    /// Telephone (protected: absent without full access).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Address (protected: absent without full access).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Notes (protected: absent without full access).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The protected fields withheld from this actor.
    pub redacted: Vec<&'static str>,
    /// Version, for `PATCH`.
    pub version: i64,
    /// Registered.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
    /// Doubts about the values just stored (a PIN that disagrees with sex or birth date).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

impl PersonView {
    /// The view of `model` for an actor reaching it with `access`.
    pub fn build(model: person::Model, registering_agency: String, access: PersonAccess) -> Self {
        let protected = access.sees_protected();
        Self {
            id: model.id,
            registering_agency,
            access,
            given_name: model.given_name,
            family_name: model.family_name,
            patronymic: model.patronymic,
            aliases: model.aliases.0,
            sex: model.sex,
            date_of_birth: model.date_of_birth,
            date_of_birth_precision: model.dob_precision,
            pin: model.pin,
            citizenship: model.citizenship,
            phone: if protected { model.phone } else { None },
            address: if protected { model.address } else { None },
            notes: if protected { model.notes } else { None },
            redacted: if protected {
                Vec::new()
            } else {
                PROTECTED_FIELDS.to_vec()
            },
            version: model.version,
            created_at: model.created_at,
            updated_at: model.updated_at,
            warnings: Vec::new(),
        }
    }
}

/// A person in a list: names and the facts that tell people apart, no protected fields.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PersonSummary {
    /// Id.
    pub id: Uuid,
    /// Code of the registering agency.
    pub registering_agency: String,
    /// Given name.
    pub given_name: Option<String>,
    /// Family name.
    pub family_name: Option<String>,
    /// Patronymic.
    pub patronymic: Option<String>,
    /// Sex.
    pub sex: String,
    /// Date of birth.
    pub date_of_birth: Option<NaiveDate>,
    /// Citizenship.
    pub citizenship: Option<String>,
    /// Version.
    pub version: i64,
}

impl PersonSummary {
    /// The list entry of `model`.
    pub fn build(model: person::Model, registering_agency: String) -> Self {
        Self {
            id: model.id,
            registering_agency,
            given_name: model.given_name,
            family_name: model.family_name,
            patronymic: model.patronymic,
            sex: model.sex,
            date_of_birth: model.date_of_birth,
            citizenship: model.citizenship,
            version: model.version,
        }
    }
}
