//! Recording assistance given to a person in scope; the provider is the actor's agency.

use chrono::{DateTime, Utc};
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

/// Who recorded assistance to whom, when, under which id.
#[derive(Debug, Clone, Copy)]
pub struct Provided {
    /// Id of the record.
    pub id: Uuid,
    /// The person helped.
    pub person_id: Uuid,
    /// The agency that helped.
    pub provider_agency_id: Uuid,
    /// The recording user.
    pub recorded_by: Uuid,
    /// When it was recorded.
    pub at: DateTime<Utc>,
}

/// The row of a validated assistance record.
pub fn row(input: &NewAssistance, provided: Provided) -> assistance_record::ActiveModel {
    assistance_record::ActiveModel {
        id: Set(provided.id),
        person_id: Set(provided.person_id),
        provider_agency_id: Set(provided.provider_agency_id),
        kind: Set(input.kind.as_str().to_owned()),
        started_on: Set(input.started_on),
        ended_on: Set(input.ended_on),
        notes: Set(input.notes.clone()),
        recorded_by: Set(provided.recorded_by),
        version: Set(1),
        created_at: Set(provided.at),
        updated_at: Set(provided.at),
    }
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
    let provided = Provided {
        id,
        person_id,
        provider_agency_id: actor.agency_id,
        recorded_by: actor.user_id,
        at: now,
    };
    let created = assistance_record::Entity::insert(row(&input, provided))
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
