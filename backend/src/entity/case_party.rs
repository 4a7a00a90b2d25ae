//! `case_parties`: a person in a case, in one role, with role details.

use sea_orm::entity::prelude::*;

use super::json::Details;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_parties")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub case_id: Uuid,
    pub person_id: Uuid,
    pub role: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub details: Details,
    pub added_by: Uuid,
    pub added_by_agency_id: Uuid,
    pub version: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
