//! `case_transfers`: a case handed from its owning agency to another, with the reason.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_transfers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub case_id: Uuid,
    pub from_agency_id: Uuid,
    pub to_agency_id: Uuid,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    pub status_before: String,
    pub status_after: String,
    pub grant_id: Uuid,
    pub transferred_by: Uuid,
    pub transferred_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
