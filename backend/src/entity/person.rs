//! `persons`: victims, suspects, witnesses and reporters, registered by one agency.

use sea_orm::entity::prelude::*;

use super::json::StringList;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "persons")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub registering_agency_id: Uuid,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub patronymic: Option<String>,
    #[sea_orm(column_type = "JsonBinary")]
    pub aliases: StringList,
    pub sex: String,
    pub date_of_birth: Option<Date>,
    pub dob_precision: Option<String>,
    pub pin: Option<String>,
    pub citizenship: Option<String>,
    pub phone: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub address: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub notes: Option<String>,
    pub created_by: Uuid,
    pub version: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
