//! Typed JSON columns: value-object lists stored beside their row.

use korgon_domain::{ArticleInput, PartyDetails};
use sea_orm::FromJsonQueryResult;
use serde::{Deserialize, Serialize};

/// A list of strings (aliases, forms of exploitation, countries).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJsonQueryResult)]
pub struct StringList(pub Vec<String>);

/// Criminal-code articles with their editions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJsonQueryResult)]
pub struct ArticleList(pub Vec<ArticleInput>);

/// The role details of a case party.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJsonQueryResult)]
pub struct Details(pub PartyDetails);
