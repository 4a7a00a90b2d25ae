//! `cases`: one trafficking case, owned by one agency.

use sea_orm::entity::prelude::*;

use super::json::{ArticleList, StringList};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cases")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub reference: String,
    pub owner_agency_id: Uuid,
    pub title: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub summary: Option<String>,
    pub status: String,
    pub closure_reason: Option<String>,
    pub region: String,
    pub place: Option<String>,
    #[sea_orm(column_type = "JsonBinary")]
    pub exploitation_forms: StringList,
    #[sea_orm(column_type = "JsonBinary")]
    pub articles: ArticleList,
    pub incident_from: Option<Date>,
    pub incident_to: Option<Date>,
    pub transnational: bool,
    #[sea_orm(column_type = "JsonBinary")]
    pub countries: StringList,
    pub opened_on: Date,
    pub closed_on: Option<Date>,
    pub created_by: Uuid,
    pub version: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
