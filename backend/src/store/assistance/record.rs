//! Recording assistance given to a person in scope; the provider is the actor's agency.

use korgon_domain::NewAssistance;
use sea_orm::ActiveValue::Set;
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::view::AssistanceView;
use crate::access::scope::person_access;
use crate::access::{Action, Actor, PersonAccess, require};
use crate::audit::{self, AuditEvent, Detail};
use crate::entity::{assistance_record, person};
use crate::error::{Error, Result};
use crate::store::{Store, agencies, now};

/// The actor's access to person `id`; `NotFound` when missing or out of scope.
pub(super) async fn reach<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: Uuid,
) -> Result<PersonAccess> {
    let model = person::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(Error::NotFound("person"))?;
    person_access(conn, actor, &model)
        .await?
        .ok_or(Error::NotFound("person"))
}

/// Records assistance the actor's agency gave person `person_id`.
#[tracing::instrument(skip_all, fields(user = %actor.user_id, person = %person_id))]
pub async fn record(
    store: &Store,
    actor: &Actor,
    person_id: Uuid,
    input: NewAssistance,
) -> Result<AssistanceView> {
    require(actor, Action::RecordAssistance)?;
    let txn = store.db.begin_write().await?;
    reach(&txn, actor, person_id).await?;
    let now = now();
    let id = Uuid::now_v7();
    let created = assistance_record::Entity::insert(assistance_record::ActiveModel {
        id: Set(id),
        person_id: Set(person_id),
        provider_agency_id: Set(actor.agency_id),
        kind: Set(input.kind.as_str().to_owned()),
        started_on: Set(input.started_on),
        ended_on: Set(input.ended_on),
        notes: Set(input.notes),
        recorded_by: Set(actor.user_id),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec_with_returning(&txn)
    .await?;
    let event = AuditEvent::new("assistance.record", "person", Some(person_id))
        .with("assistance", Detail::Id(id))
        .with("kind", Detail::Code(input.kind.as_str()))
        .with("ongoing", Detail::Flag(input.ended_on.is_none()));
    audit::append(&txn, &[(actor.audit(), event)]).await?;
    let codes = agencies::codes(&txn, [actor.agency_id]).await?;
    txn.commit().await?;
    let provider = codes.get(&actor.agency_id).cloned().unwrap_or_default();
    Ok(AssistanceView::build(created, provider, true))
}
