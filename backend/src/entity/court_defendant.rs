//! `court_defendants`: the decision of a court proceeding on one defendant: articles (with
//! their editions), verdict and sentence.

use sea_orm::entity::prelude::*;

use super::json::ArticleList;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "court_defendants")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub proceeding_id: Uuid,
    pub person_id: Uuid,
    #[sea_orm(column_type = "JsonBinary")]
    pub articles: ArticleList,
    pub verdict: String,
    pub sentence_kind: Option<String>,
    pub sentence_months: Option<i32>,
    pub sentence_suspended: Option<bool>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
