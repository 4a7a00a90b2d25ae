//! `classification_changes`: the history of a case's articles, forms of exploitation and
//! status, each change with its reason.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "classification_changes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub case_id: Uuid,
    pub field: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub old_value: Json,
    #[sea_orm(column_type = "JsonBinary")]
    pub new_value: Json,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    pub changed_by: Uuid,
    pub agency_id: Uuid,
    pub changed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
