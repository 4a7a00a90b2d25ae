//! Agency scope, applied in queries.
//!
//! A case is visible to its owning agency and to agencies holding an active grant (from a
//! share, a transfer or a referral). A person is visible to the agency that registered them,
//! to agencies holding a person grant, and through any visible case in which they are a party
//! (for NGO workers: only as a victim). Protected fields (address, telephone) need
//! registrar or full access.
//!
//! A case link passes on no more than its maker holds: when the agency that put a person in a
//! case is not the person's registering agency, the link reaches only as far as that agency's
//! own live person grant (from an accepted referral, say). So a victim referred with consent
//! scope `identity` stays without protected fields in the receiver's case, and when the
//! referral's access is revoked the person leaves every case audience it reached through
//! that link on the next request.

use std::collections::HashMap;

use korgon_domain::{PartyRole, Role};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, JoinType, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter,
    QueryResult, QuerySelect, Select,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Actor;
use crate::entity::{case, case_grant, case_party, person, person_grant};

/// The level of a grant.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum GrantLevel {
    /// Read the case (no protected fields).
    Read,
    /// Read everything, protected fields included; investigators may edit.
    Full,
}

impl GrantLevel {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            GrantLevel::Read => "read",
            GrantLevel::Full => "full",
        }
    }

    /// Parses a stored or sent name.
    pub fn parse(s: &str) -> Option<GrantLevel> {
        match s {
            "read" => Some(GrantLevel::Read),
            "full" => Some(GrantLevel::Full),
            _ => None,
        }
    }
}

/// How the actor's agency reaches a case; ordered from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaseAccess {
    /// Through a read grant.
    Read,
    /// Through a full grant.
    Full,
    /// The agency owns the case.
    Owner,
}

impl CaseAccess {
    /// Whether protected fields of the case's persons are visible.
    pub fn sees_protected(self) -> bool {
        self >= CaseAccess::Full
    }

    /// The stored and sent name (`read`, `full`, `owner`).
    pub fn as_str(self) -> &'static str {
        match self {
            CaseAccess::Read => "read",
            CaseAccess::Full => "full",
            CaseAccess::Owner => "owner",
        }
    }

    /// Parses [`CaseAccess::as_str`].
    pub fn parse(s: &str) -> Option<CaseAccess> {
        [CaseAccess::Read, CaseAccess::Full, CaseAccess::Owner]
            .into_iter()
            .find(|a| a.as_str() == s)
    }

    fn from_grant(level: GrantLevel) -> Self {
        match level {
            GrantLevel::Read => CaseAccess::Read,
            GrantLevel::Full => CaseAccess::Full,
        }
    }
}

/// How the actor's agency reaches a person; ordered from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PersonAccess {
    /// Read, without protected fields.
    Read,
    /// Read everything.
    Full,
    /// The agency registered the person.
    Registrar,
}

impl PersonAccess {
    /// Whether protected fields are visible.
    pub fn sees_protected(self) -> bool {
        self >= PersonAccess::Full
    }
}

impl From<CaseAccess> for PersonAccess {
    fn from(access: CaseAccess) -> Self {
        if access.sees_protected() {
            PersonAccess::Full
        } else {
            PersonAccess::Read
        }
    }
}

/// The party roles an actor may see in a case: NGO workers see victims only.
pub fn visible_party_roles(role: Role) -> &'static [PartyRole] {
    match role {
        Role::NgoWorker => &[PartyRole::Victim],
        _ => &[
            PartyRole::Victim,
            PartyRole::Suspect,
            PartyRole::Witness,
            PartyRole::Reporter,
        ],
    }
}

fn role_names(role: Role) -> Vec<&'static str> {
    visible_party_roles(role)
        .iter()
        .map(|r| r.as_str())
        .collect()
}

/// The ids of the cases an agency holds an active grant on, as a sub-query.
fn granted_case_ids(agency_id: Uuid) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(case_grant::Column::CaseId)
        .from(case_grant::Entity)
        .and_where(Expr::col(case_grant::Column::AgencyId).eq(agency_id))
        .and_where(Expr::col(case_grant::Column::RevokedAt).is_null())
        .to_owned()
}

/// Condition on `cases` selecting those visible to `agency_id`.
pub fn visible_cases(agency_id: Uuid) -> Condition {
    Condition::any()
        .add(case::Column::OwnerAgencyId.eq(agency_id))
        .add(case::Column::Id.in_subquery(granted_case_ids(agency_id)))
}

/// Condition on `case_parties` rows whose link confers access: made by the person's
/// registering agency, or by an agency that still holds a live grant on the person. Expects
/// the person joined as `link_person`.
fn link_confers() -> Condition {
    let maker_grant = Query::select()
        .expr(Expr::val(1))
        .from(person_grant::Entity)
        .and_where(
            Expr::col((person_grant::Entity, person_grant::Column::PersonId))
                .equals((case_party::Entity, case_party::Column::PersonId)),
        )
        .and_where(
            Expr::col((person_grant::Entity, person_grant::Column::AgencyId))
                .equals((case_party::Entity, case_party::Column::AddedByAgencyId)),
        )
        .and_where(Expr::col((person_grant::Entity, person_grant::Column::RevokedAt)).is_null())
        .to_owned();
    Condition::any()
        .add(
            Expr::col((case_party::Entity, case_party::Column::AddedByAgencyId)).equals((
                Alias::new("link_person"),
                person::Column::RegisteringAgencyId,
            )),
        )
        .add(Expr::exists(maker_grant))
}

/// Condition on `persons` selecting those visible to the actor.
pub fn visible_persons(actor: &Actor) -> Condition {
    let via_grant = Query::select()
        .column(person_grant::Column::PersonId)
        .from(person_grant::Entity)
        .and_where(Expr::col(person_grant::Column::AgencyId).eq(actor.agency_id))
        .and_where(Expr::col(person_grant::Column::RevokedAt).is_null())
        .to_owned();
    let visible_case_ids = Query::select()
        .column(case::Column::Id)
        .from(case::Entity)
        .cond_where(visible_cases(actor.agency_id))
        .to_owned();
    let via_case = Query::select()
        .column((case_party::Entity, case_party::Column::PersonId))
        .from(case_party::Entity)
        .join_as(
            JoinType::InnerJoin,
            person::Entity,
            Alias::new("link_person"),
            Expr::col((Alias::new("link_person"), person::Column::Id))
                .equals((case_party::Entity, case_party::Column::PersonId)),
        )
        .and_where(
            Expr::col((case_party::Entity, case_party::Column::Role)).is_in(role_names(actor.role)),
        )
        .and_where(
            Expr::col((case_party::Entity, case_party::Column::CaseId))
                .in_subquery(visible_case_ids),
        )
        .cond_where(link_confers())
        .to_owned();
    Condition::any()
        .add(person::Column::RegisteringAgencyId.eq(actor.agency_id))
        .add(person::Column::Id.in_subquery(via_grant))
        .add(person::Column::Id.in_subquery(via_case))
}

/// Result column: how the reading agency reaches the case (see [`CaseAccess::as_str`]), NULL
/// when it does not.
const REACH: &str = "reach";

/// The live grants of `agency_id` on the case of the surrounding `cases` row (only those at
/// `level`, when given).
fn live_case_grants(agency_id: Uuid, level: Option<GrantLevel>) -> SelectStatement {
    let mut grants = Query::select();
    grants
        .expr(Expr::val(1))
        .from(case_grant::Entity)
        .and_where(
            Expr::col((case_grant::Entity, case_grant::Column::CaseId))
                .equals((case::Entity, case::Column::Id)),
        )
        .and_where(Expr::col((case_grant::Entity, case_grant::Column::AgencyId)).eq(agency_id))
        .and_where(Expr::col((case_grant::Entity, case_grant::Column::RevokedAt)).is_null());
    if let Some(level) = level {
        grants.and_where(
            Expr::col((case_grant::Entity, case_grant::Column::Level)).eq(level.as_str()),
        );
    }
    grants.to_owned()
}

/// `cases`, each with how `agency_id` reaches it (read back by [`CaseWithAccess`]): the case
/// and the agency's access come in one statement. The access is decided in order — owner, a
/// full grant, any grant — so an owned case costs no grant lookup.
pub fn cases_with_access(agency_id: Uuid) -> Select<case::Entity> {
    let reach = Expr::case(
        Expr::col((case::Entity, case::Column::OwnerAgencyId)).eq(agency_id),
        CaseAccess::Owner.as_str(),
    )
    .case(
        Expr::exists(live_case_grants(agency_id, Some(GrantLevel::Full))),
        CaseAccess::Full.as_str(),
    )
    .case(
        Expr::exists(live_case_grants(agency_id, None)),
        CaseAccess::Read.as_str(),
    );
    let reach: Expr = reach.into();
    case::Entity::find().column_as(reach, REACH)
}

/// A case read with [`cases_with_access`].
#[derive(Debug, Clone)]
pub struct CaseWithAccess {
    /// The case.
    pub model: case::Model,
    /// How the agency it was selected for reaches it; `None` when the case is out of its scope.
    pub access: Option<CaseAccess>,
}

/// Case `id` and how `agency_id` reaches it, in one statement; `None` when the case does not
/// exist or is out of the agency's scope.
pub async fn visible_case<C: ConnectionTrait>(
    conn: &C,
    agency_id: Uuid,
    id: Uuid,
) -> Result<Option<(case::Model, CaseAccess)>, sea_orm::DbErr> {
    let row = cases_with_access(agency_id)
        .filter(case::Column::Id.eq(id))
        .into_model::<CaseWithAccess>()
        .one(conn)
        .await?;
    Ok(row.and_then(|r| Some((r.model, r.access?))))
}

impl FromQueryResult for CaseWithAccess {
    fn from_query_result(row: &QueryResult, pre: &str) -> Result<Self, sea_orm::DbErr> {
        let reach: Option<String> = row.try_get(pre, REACH)?;
        let access = match reach.as_deref() {
            None => None,
            Some(code) => Some(CaseAccess::parse(code).ok_or_else(|| {
                sea_orm::DbErr::Type(format!("case access {code:?} is not a level"))
            })?),
        };
        Ok(Self {
            model: case::Model::from_query_result(row, pre)?,
            access,
        })
    }
}

/// The best live grant `agency_id` holds on `person_id`, as person access.
async fn granted_person_access<C: ConnectionTrait>(
    conn: &C,
    agency_id: Uuid,
    person_id: Uuid,
) -> Result<Option<PersonAccess>, sea_orm::DbErr> {
    let levels: Vec<String> = person_grant::Entity::find()
        .select_only()
        .column(person_grant::Column::Level)
        .filter(person_grant::Column::PersonId.eq(person_id))
        .filter(person_grant::Column::AgencyId.eq(agency_id))
        .filter(person_grant::Column::RevokedAt.is_null())
        .into_tuple()
        .all(conn)
        .await?;
    Ok(levels
        .iter()
        .filter_map(|l| GrantLevel::parse(l))
        .max()
        .map(|level| PersonAccess::from(CaseAccess::from_grant(level))))
}

/// The actor's access to `person`, or `None` when the person is out of scope.
pub async fn person_access<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    person: &person::Model,
) -> Result<Option<PersonAccess>, sea_orm::DbErr> {
    if person.registering_agency_id == actor.agency_id {
        return Ok(Some(PersonAccess::Registrar));
    }
    let mut best = granted_person_access(conn, actor.agency_id, person.id).await?;
    let links: Vec<(Uuid, Uuid)> = case_party::Entity::find()
        .select_only()
        .column(case_party::Column::CaseId)
        .column(case_party::Column::AddedByAgencyId)
        .filter(case_party::Column::PersonId.eq(person.id))
        .filter(case_party::Column::Role.is_in(role_names(actor.role)))
        .into_tuple()
        .all(conn)
        .await?;
    if links.is_empty() {
        return Ok(best);
    }
    // What each link's maker passes on: everything when it registered the person, else its
    // own live grant (if any).
    let mut caps: HashMap<Uuid, Option<PersonAccess>> = HashMap::new();
    for (_, maker) in &links {
        if caps.contains_key(maker) {
            continue;
        }
        let cap = if *maker == person.registering_agency_id {
            Some(PersonAccess::Full)
        } else if *maker == actor.agency_id {
            best
        } else {
            granted_person_access(conn, *maker, person.id).await?
        };
        caps.insert(*maker, cap);
    }
    let case_ids: Vec<Uuid> = links
        .iter()
        .filter(|(_, maker)| caps.get(maker).copied().flatten().is_some())
        .map(|(case_id, _)| *case_id)
        .collect();
    if case_ids.is_empty() {
        return Ok(best);
    }
    let owned: Vec<Uuid> = case::Entity::find()
        .select_only()
        .column(case::Column::Id)
        .filter(case::Column::Id.is_in(case_ids.clone()))
        .filter(case::Column::OwnerAgencyId.eq(actor.agency_id))
        .into_tuple()
        .all(conn)
        .await?;
    let case_grants: Vec<(Uuid, String)> = case_grant::Entity::find()
        .select_only()
        .column(case_grant::Column::CaseId)
        .column(case_grant::Column::Level)
        .filter(case_grant::Column::CaseId.is_in(case_ids))
        .filter(case_grant::Column::AgencyId.eq(actor.agency_id))
        .filter(case_grant::Column::RevokedAt.is_null())
        .into_tuple()
        .all(conn)
        .await?;
    for (case_id, maker) in &links {
        let Some(cap) = caps.get(maker).copied().flatten() else {
            continue;
        };
        let via_case = if owned.contains(case_id) {
            Some(PersonAccess::Full)
        } else {
            case_grants
                .iter()
                .filter(|(id, _)| id == case_id)
                .filter_map(|(_, level)| GrantLevel::parse(level))
                .max()
                .map(|level| PersonAccess::from(CaseAccess::from_grant(level)))
        };
        best = best.max(via_case.map(|access| access.min(cap)));
    }
    Ok(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The case read decides access in SQL and names it with `as_str`; `parse` must read back
    /// every level (and nothing else), or a reachable case would answer 404.
    #[test]
    fn case_access_names_read_back() {
        for access in [CaseAccess::Read, CaseAccess::Full, CaseAccess::Owner] {
            assert_eq!(CaseAccess::parse(access.as_str()), Some(access));
        }
        assert_eq!(CaseAccess::parse("registrar"), None);
        assert_eq!(CaseAccess::parse("FULL"), None);
    }
}
