//! `court_proceedings`: one decision of one court instance on a case, as a prosecutor
//! recorded it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "court_proceedings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub case_id: Uuid,
    pub court_agency_id: Uuid,
    pub court_case_number: String,
    pub instance: String,
    pub decision_date: Date,
    pub recorded_by: Uuid,
    pub recorded_by_agency_id: Uuid,
    pub version: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
