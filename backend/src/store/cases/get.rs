//! Reading one case, with the parties the actor may see. Every read is audited.

use std::collections::HashMap;

use sea_orm::sea_query::{Expr, ExprTrait, IntoCondition};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, JoinType, QueryFilter,
    QueryOrder, QueryResult, QuerySelect, RelationDef, Select,
};
use uuid::Uuid;

use super::view::{CaseView, PartyView};
use crate::access::scope::{
    CaseWithAccess, cases_with_access, person_access, visible_case, visible_party_roles,
};
use crate::access::{Action, Actor, CaseAccess, require};
use crate::audit::{AuditEvent, Detail};
use crate::entity::json::Details;
use crate::entity::{case, case_party, person};
use crate::error::{Error, Result};
use crate::store::{Store, agencies};

/// The case and the actor's access to it; `NotFound` when missing or out of scope.
pub async fn load_visible<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: Uuid,
) -> Result<(case::Model, CaseAccess)> {
    visible_case(conn, actor.agency_id, id)
        .await?
        .ok_or(Error::NotFound("case"))
}

/// A person's name for lists: family, given, patronymic.
pub fn display_name(p: &person::Model) -> String {
    name_of(&p.family_name, &p.given_name, &p.patronymic)
}

fn name_of(family: &Option<String>, given: &Option<String>, patronymic: &Option<String>) -> String {
    [family, given, patronymic]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A party as read for a case view: the link, its person's name parts and registering
/// agency, and the agency that made the link. Columns are prefixed `party_`, so that the same
/// row can come back beside a case ([`CaseAndParty`]).
#[derive(Debug, FromQueryResult)]
struct PartyRow {
    party_id: Uuid,
    party_person_id: Uuid,
    party_role: String,
    party_details: Details,
    party_family_name: Option<String>,
    party_given_name: Option<String>,
    party_patronymic: Option<String>,
    party_registrar: Uuid,
    party_linked_by: Uuid,
}

/// `select` with the columns of a [`PartyRow`] (the query joins `case_parties` and `persons`).
fn with_party_columns<E: EntityTrait>(select: Select<E>) -> Select<E> {
    select
        .column_as(case_party::Column::Id, "party_id")
        .column_as(case_party::Column::PersonId, "party_person_id")
        .column_as(case_party::Column::Role, "party_role")
        .column_as(case_party::Column::Details, "party_details")
        .column_as(person::Column::FamilyName, "party_family_name")
        .column_as(person::Column::GivenName, "party_given_name")
        .column_as(person::Column::Patronymic, "party_patronymic")
        .column_as(person::Column::RegisteringAgencyId, "party_registrar")
        .column_as(case_party::Column::AddedByAgencyId, "party_linked_by")
}

/// From a party to its person.
fn party_person() -> RelationDef {
    case_party::Entity::belongs_to(person::Entity)
        .from(case_party::Column::PersonId)
        .to(person::Column::Id)
        .into()
}

/// The party roles the actor may see, as stored.
fn role_names(actor: &Actor) -> Vec<&'static str> {
    visible_party_roles(actor.role)
        .iter()
        .map(|r| r.as_str())
        .collect()
}

/// A case with one of its visible parties (none when it has none): the rows of a case read.
struct CaseAndParty {
    case: CaseWithAccess,
    party: Option<PartyRow>,
}

impl FromQueryResult for CaseAndParty {
    fn from_query_result(row: &QueryResult, pre: &str) -> std::result::Result<Self, DbErr> {
        let party = match row.try_get::<Option<Uuid>>(pre, "party_id")? {
            Some(_) => Some(PartyRow::from_query_result(row, pre)?),
            None => None,
        };
        Ok(Self {
            case: CaseWithAccess::from_query_result(row, pre)?,
            party,
        })
    }
}

/// The case `id` with the actor's access and the parties the actor's role may see, oldest
/// first, in one statement; `NotFound` when missing or out of scope.
async fn load_with_parties<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: Uuid,
) -> Result<(case::Model, CaseAccess, Vec<PartyView>)> {
    let roles = role_names(actor);
    let party_case: RelationDef = case_party::Entity::belongs_to(case::Entity)
        .from(case_party::Column::CaseId)
        .to(case::Column::Id)
        .into();
    let parties_of_case = party_case.rev().on_condition(move |_, _| {
        Expr::col((case_party::Entity, case_party::Column::Role))
            .is_in(roles.clone())
            .into_condition()
    });
    let rows = with_party_columns(cases_with_access(actor.agency_id))
        .join(JoinType::LeftJoin, parties_of_case)
        .join(JoinType::LeftJoin, party_person())
        .filter(case::Column::Id.eq(id))
        .order_by_asc(case_party::Column::Id)
        .into_model::<CaseAndParty>()
        .all(conn)
        .await?;
    let mut rows = rows.into_iter();
    let first = rows.next().ok_or(Error::NotFound("case"))?;
    let access = first.case.access.ok_or(Error::NotFound("case"))?;
    let parties = std::iter::once(first.party)
        .chain(rows.map(|r| r.party))
        .flatten()
        .collect();
    let parties = name_parties(conn, actor, parties).await?;
    Ok((first.case.model, access, parties))
}

/// The parties of `case_id` the actor's role may see, oldest first.
pub async fn visible_parties<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    case_id: Uuid,
) -> Result<Vec<PartyView>> {
    // One query: the parties joined with their persons' names.
    let rows = with_party_columns(case_party::Entity::find().select_only())
        .join(JoinType::InnerJoin, party_person())
        .filter(case_party::Column::CaseId.eq(case_id))
        .filter(case_party::Column::Role.is_in(role_names(actor)))
        .order_by_asc(case_party::Column::Id)
        .into_model::<PartyRow>()
        .all(conn)
        .await?;
    name_parties(conn, actor, rows).await
}

/// The views of `rows`, each named only when the actor reaches its person.
async fn name_parties<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    rows: Vec<PartyRow>,
) -> Result<Vec<PartyView>> {
    let mut parties = Vec::with_capacity(rows.len());
    for row in rows {
        // Only persons the actor can reach are named (see `access::scope`: a link passes on no
        // more than its maker holds). A link made by the registering agency always does, which
        // settles almost every party without another query.
        let named = row.party_registrar == actor.agency_id
            || row.party_linked_by == row.party_registrar
            || person_reachable(conn, actor, row.party_person_id).await?;
        parties.push(PartyView {
            id: row.party_id,
            person_id: row.party_person_id,
            role: row.party_role,
            name: named.then(|| {
                name_of(
                    &row.party_family_name,
                    &row.party_given_name,
                    &row.party_patronymic,
                )
            }),
            details: row.party_details.0,
        });
    }
    Ok(parties)
}

/// The names of the parties of `case_id` the actor may name, by person id (the same rule as
/// the case view: see [`visible_parties`]).
pub async fn nameable_parties<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    case_id: Uuid,
) -> Result<HashMap<Uuid, String>> {
    Ok(visible_parties(conn, actor, case_id)
        .await?
        .into_iter()
        .filter_map(|p| p.name.map(|name| (p.person_id, name)))
        .collect())
}

/// Whether the actor reaches the person at all (the rare parties linked by an agency other
/// than the one that registered them).
async fn person_reachable<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    person_id: Uuid,
) -> Result<bool> {
    let Some(person) = person::Entity::find_by_id(person_id).one(conn).await? else {
        return Ok(false);
    };
    Ok(person_access(conn, actor, &person).await?.is_some())
}

/// Reads a case in the actor's scope; the read (and the persons it shows) is audited before
/// the case is returned.
#[tracing::instrument(skip_all, fields(user = %actor.user_id, case = %id))]
pub async fn get(store: &Store, actor: &Actor, id: Uuid) -> Result<CaseView> {
    let result = read(store, actor, id).await;
    crate::audit::on_refusal(
        &store.audit,
        actor.audit(),
        "case.read_refused",
        "case",
        id,
        result,
    )
    .await
}

async fn read(store: &Store, actor: &Actor, id: Uuid) -> Result<CaseView> {
    require(actor, Action::ReadCases)?;
    let conn = &store.db.reader;
    let (model, access, parties) = load_with_parties(conn, actor, id).await?;
    let owner = agencies::codes(conn, [model.owner_agency_id]).await?;
    let event = AuditEvent::new("case.read", "case", Some(id))
        .with("access", Detail::Code(access.as_str()))
        .with(
            "persons",
            Detail::Ids(parties.iter().map(|p| p.person_id).collect()),
        );
    store.audit.record(actor.audit(), vec![event]).await?;
    let owner = owner
        .get(&model.owner_agency_id)
        .cloned()
        .unwrap_or_default();
    Ok(CaseView::build(model, owner, access, actor.role, parties))
}
