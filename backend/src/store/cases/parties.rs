//! Adding a victim, suspect, witness or reporter to a case.

use korgon_domain::{PartyDetails, PartyRole};
use sea_orm::ActiveValue::Set;
use sea_orm::EntityTrait;
use serde::Deserialize;
use uuid::Uuid;

use super::get::{display_name, load_visible};
use super::view::PartyView;
use crate::access::scope::person_access;
use crate::access::{Action, Actor, CaseAccess, require};
use crate::audit::{self, AuditEvent, Detail};
use crate::entity::json::Details;
use crate::entity::{case_party, person};
use crate::error::{Error, Result};
use crate::store::{Store, now};

/// The body of `POST /api/v1/cases/{id}/parties`.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewParty {
    /// A person visible to the actor.
    pub person_id: Uuid,
    /// The person's role in the case.
    pub role: PartyRole,
    /// Role details (victim: age at exploitation, means of control, recruitment; suspect:
    /// relation to the victim).
    #[serde(default)]
    pub details: PartyDetails,
}

/// Adds a person to a case the actor's agency owns; the person must be
/// fully visible to the actor (registered by their agency, or under a full grant).
#[tracing::instrument(skip_all, fields(user = %actor.user_id, case = %case_id))]
pub async fn add_party(
    store: &Store,
    actor: &Actor,
    case_id: Uuid,
    input: NewParty,
) -> Result<PartyView> {
    require(actor, Action::AddParty)?;
    let details = input.details.validate(input.role)?;
    let txn = store.db.begin_write().await?;
    let (_, access) = load_visible(&txn, actor, case_id).await?;
    if access != CaseAccess::Owner {
        return Err(Error::forbidden(
            "only the owning agency adds persons to a case",
        ));
    }
    let person = person::Entity::find_by_id(input.person_id)
        .one(&txn)
        .await?
        .ok_or(Error::NotFound("person"))?;
    // Being in a case the agency owns or holds a full grant on shows a person's protected
    // fields, so linking must not be a way to gain them: it needs full access already.
    let person_access = person_access(&txn, actor, &person)
        .await?
        .ok_or(Error::NotFound("person"))?;
    if !person_access.sees_protected() {
        return Err(Error::forbidden(
            "your agency has read-only access to this person; linking them to a case needs full access",
        ));
    }
    let now = now();
    let model = case_party::ActiveModel {
        id: Set(Uuid::now_v7()),
        case_id: Set(case_id),
        person_id: Set(person.id),
        role: Set(input.role.as_str().to_owned()),
        details: Set(Details(details)),
        added_by: Set(actor.user_id),
        added_by_agency_id: Set(actor.agency_id),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let party = case_party::Entity::insert(model)
        .exec_with_returning(&txn)
        .await
        .map_err(|e| {
            if Error::is_unique_violation(&e) {
                Error::Duplicate(format!(
                    "this person is already a {} in this case",
                    input.role.as_str()
                ))
            } else {
                e.into()
            }
        })?;
    let event = AuditEvent::new("case.party_add", "case", Some(case_id))
        .with("person", Detail::Id(person.id))
        .with("role", Detail::Code(input.role.as_str()));
    audit::append(&txn, &[(actor.audit(), event)]).await?;
    txn.commit().await?;
    Ok(PartyView {
        id: party.id,
        person_id: party.person_id,
        role: party.role,
        name: Some(display_name(&person)),
        details: party.details.0,
    })
}
