//! Registering a person.

use korgon_domain::{NewPerson, Warning};
use sea_orm::ActiveValue::Set;
use sea_orm::EntityTrait;
use uuid::Uuid;

use super::view::PersonView;
use crate::access::{Action, Actor, PersonAccess, require};
use crate::audit::{self, AuditEvent};
use crate::entity::json::StringList;
use crate::entity::person;
use crate::error::Result;
use crate::store::{Store, agencies, now};

/// The row for a validated new person registered by `actor`.
pub fn new_row(
    input: NewPerson,
    id: Uuid,
    registering_agency: Uuid,
    created_by: Uuid,
) -> person::ActiveModel {
    let now = now();
    person::ActiveModel {
        id: Set(id),
        registering_agency_id: Set(registering_agency),
        given_name: Set(input.given_name.map(|n| n.into_string())),
        family_name: Set(input.family_name.map(|n| n.into_string())),
        patronymic: Set(input.patronymic.map(|n| n.into_string())),
        aliases: Set(StringList(
            input.aliases.into_iter().map(|n| n.into_string()).collect(),
        )),
        sex: Set(input.sex.as_str().to_owned()),
        date_of_birth: Set(input.date_of_birth.map(|d| d.date())),
        dob_precision: Set(input
            .date_of_birth
            .map(|d| d.precision().as_str().to_owned())),
        pin: Set(input.pin.map(|p| p.as_str().to_owned())),
        citizenship: Set(input.citizenship.map(|c| c.as_str().to_owned())),
        phone: Set(input.phone.map(|p| p.as_str().to_owned())),
        address: Set(input.address),
        notes: Set(input.notes),
        created_by: Set(created_by),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
}

/// Registers a person for the actor's agency.
#[tracing::instrument(skip_all, fields(user = %actor.user_id))]
pub async fn create(
    store: &Store,
    actor: &Actor,
    input: NewPerson,
    warnings: Vec<Warning>,
) -> Result<PersonView> {
    require(actor, Action::CreatePerson)?;
    let id = Uuid::now_v7();
    let txn = store.db.begin_write().await?;
    let created = person::Entity::insert(new_row(input, id, actor.agency_id, actor.user_id))
        .exec_with_returning(&txn)
        .await?;
    audit::append(
        &txn,
        &[(
            actor.audit(),
            AuditEvent::new("person.create", "person", Some(id)),
        )],
    )
    .await?;
    let codes = agencies::codes(&txn, [actor.agency_id]).await?;
    txn.commit().await?;
    let mut view = PersonView::build(
        created,
        codes.get(&actor.agency_id).cloned().unwrap_or_default(),
        PersonAccess::Registrar,
    );
    view.warnings = warnings;
    Ok(view)
}
