//! Reading one case, with the parties the actor may see. Every read is audited.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::view::{CaseView, PartyView};
use crate::access::scope::{case_access, person_access, visible_party_roles};
use crate::access::{Action, Actor, CaseAccess, require};
use crate::audit::{AuditEvent, Detail};
use crate::entity::{case, case_party, person};
use crate::error::{Error, Result};
use crate::store::{Store, agencies};

/// The case and the actor's access to it; `NotFound` when missing or out of scope.
pub async fn load_visible<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: Uuid,
) -> Result<(case::Model, CaseAccess)> {
    let model = case::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(Error::NotFound("case"))?;
    let access = case_access(conn, actor.agency_id, &model)
        .await?
        .ok_or(Error::NotFound("case"))?;
    Ok((model, access))
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

/// A party row with its person's name parts, the person's registering agency and the agency
/// that made the link.
type PartyRow = (
    Uuid,
    Uuid,
    String,
    crate::entity::json::Details,
    Option<String>,
    Option<String>,
    Option<String>,
    Uuid,
    Uuid,
);

/// The parties of `case_id` the actor's role may see, oldest first.
pub async fn visible_parties<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    case_id: Uuid,
) -> Result<Vec<PartyView>> {
    let roles: Vec<&str> = visible_party_roles(actor.role)
        .iter()
        .map(|r| r.as_str())
        .collect();
    // One query: the parties joined with their persons' names.
    let rows: Vec<PartyRow> = case_party::Entity::find()
        .select_only()
        .column(case_party::Column::Id)
        .column(case_party::Column::PersonId)
        .column(case_party::Column::Role)
        .column(case_party::Column::Details)
        .column_as(person::Column::FamilyName, "person_family_name")
        .column_as(person::Column::GivenName, "person_given_name")
        .column_as(person::Column::Patronymic, "person_patronymic")
        .column_as(person::Column::RegisteringAgencyId, "person_registrar")
        .column(case_party::Column::AddedByAgencyId)
        .join(
            JoinType::InnerJoin,
            case_party::Entity::belongs_to(person::Entity)
                .from(case_party::Column::PersonId)
                .to(person::Column::Id)
                .into(),
        )
        .filter(case_party::Column::CaseId.eq(case_id))
        .filter(case_party::Column::Role.is_in(roles))
        .order_by_asc(case_party::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    let mut parties = Vec::with_capacity(rows.len());
    for (id, person_id, role, details, family, given, patronymic, registrar, linked_by) in rows {
        // Only persons the actor can reach are named (see `access::scope`: a link passes on no
        // more than its maker holds). A link made by the registering agency always does, which
        // settles almost every party without another query.
        let named = registrar == actor.agency_id
            || linked_by == registrar
            || person_reachable(conn, actor, person_id).await?;
        parties.push(PartyView {
            id,
            person_id,
            role,
            name: named.then(|| name_of(&family, &given, &patronymic)),
            details: details.0,
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
    let (model, access) = load_visible(conn, actor, id).await?;
    let parties = visible_parties(conn, actor, id).await?;
    let owner = agencies::codes(conn, [model.owner_agency_id]).await?;
    let event = AuditEvent::new("case.read", "case", Some(id))
        .with("access", Detail::Code(access_code(access)))
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

/// The stored name of an access level.
pub fn access_code(access: CaseAccess) -> &'static str {
    match access {
        CaseAccess::Read => "read",
        CaseAccess::Full => "full",
        CaseAccess::Owner => "owner",
    }
}
