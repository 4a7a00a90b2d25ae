//! Reading one person. Every read is an audit event, committed before the record is shown.

use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::view::PersonView;
use crate::access::scope::person_access;
use crate::access::{Action, Actor, PersonAccess, require};
use crate::audit::{AuditEvent, Detail};
use crate::entity::person;
use crate::error::{Error, Result};
use crate::store::{Store, agencies};

/// The person and the actor's access; `NotFound` when missing or out of scope.
pub async fn load_visible<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: Uuid,
) -> Result<(person::Model, PersonAccess)> {
    let model = person::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(Error::NotFound("person"))?;
    let access = person_access(conn, actor, &model)
        .await?
        .ok_or(Error::NotFound("person"))?;
    Ok((model, access))
}

/// The stored name of an access level.
pub fn access_code(access: PersonAccess) -> &'static str {
    match access {
        PersonAccess::Read => "read",
        PersonAccess::Full => "full",
        PersonAccess::Registrar => "registrar",
    }
}

/// Reads a person in the actor's scope.
#[tracing::instrument(skip_all, fields(user = %actor.user_id, person = %id))]
pub async fn get(store: &Store, actor: &Actor, id: Uuid) -> Result<PersonView> {
    let result = read(store, actor, id).await;
    crate::audit::on_refusal(
        &store.audit,
        actor.audit(),
        "person.read_refused",
        "person",
        id,
        result,
    )
    .await
}

async fn read(store: &Store, actor: &Actor, id: Uuid) -> Result<PersonView> {
    require(actor, Action::ReadPersons)?;
    let conn = &store.db.reader;
    let (model, access) = load_visible(conn, actor, id).await?;
    let codes = agencies::codes(conn, [model.registering_agency_id]).await?;
    let event = AuditEvent::new("person.read", "person", Some(id))
        .with("access", Detail::Code(access_code(access)))
        .with("protected_shown", Detail::Flag(access.sees_protected()));
    store.audit.record(actor.audit(), vec![event]).await?;
    let agency = codes
        .get(&model.registering_agency_id)
        .cloned()
        .unwrap_or_default();
    Ok(PersonView::build(model, agency, access))
}
