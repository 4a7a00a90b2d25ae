//! `referrals`: a victim handed from one agency to another, with the consent record, the
//! non-identifying profile shown to the receiver, and the timestamps of every step.

use sea_orm::entity::prelude::*;

use super::json::StringList;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "referrals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub from_agency_id: Uuid,
    pub to_agency_id: Uuid,
    pub person_id: Uuid,
    pub case_id: Option<Uuid>,
    pub anonymous: bool,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub needs: StringList,
    pub urgency: String,
    pub consent_given_by: String,
    pub consent_given_on: Option<Date>,
    pub consent_scope: Option<String>,
    pub guardian_name: Option<String>,
    pub subject_sex: String,
    pub subject_age_band: Option<String>,
    pub subject_citizenship: Option<String>,
    pub subject_region: Option<String>,
    pub status: String,
    pub submitted_at: DateTimeUtc,
    pub submitted_by: Uuid,
    pub responded_at: Option<DateTimeUtc>,
    pub responded_by: Option<Uuid>,
    #[sea_orm(column_type = "Text", nullable)]
    pub response_note: Option<String>,
    pub withdrawn_at: Option<DateTimeUtc>,
    pub withdrawn_by: Option<Uuid>,
    #[sea_orm(column_type = "Text", nullable)]
    pub withdraw_note: Option<String>,
    pub closed_at: Option<DateTimeUtc>,
    pub closed_by: Option<Uuid>,
    #[sea_orm(column_type = "Text", nullable)]
    pub close_note: Option<String>,
    pub revoked_at: Option<DateTimeUtc>,
    pub revoked_by: Option<Uuid>,
    #[sea_orm(column_type = "Text", nullable)]
    pub revoke_note: Option<String>,
    pub opened_case_id: Option<Uuid>,
    pub version: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
