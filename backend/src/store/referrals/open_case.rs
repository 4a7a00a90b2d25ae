//! Opening a case from an accepted referral in one step: the case, the victim linked as a
//! `victim` party, and the referral recording the case, in one transaction.

use korgon_domain::{NewCase, PartyRole, ReferralStatus};
use sea_orm::ActiveValue::Set;
use sea_orm::EntityTrait;
use uuid::Uuid;

use super::load::{check_version, load_visible, save};
use super::view::{Direction, status_of};
use crate::access::{Action, Actor, CaseAccess, require};
use crate::audit::{self, AuditEvent, Detail};
use crate::entity::json::Details;
use crate::entity::{case_party, referral};
use crate::error::{Error, Result};
use crate::store::cases::{self, CaseView};
use crate::store::{Store, agencies, now};

/// Opens a case of the actor's agency from referral `id`, which it received and accepted.
#[tracing::instrument(skip_all, fields(user = %actor.user_id, referral = %id))]
pub async fn open_case(
    store: &Store,
    actor: &Actor,
    id: Uuid,
    version: Option<i64>,
    input: NewCase,
) -> Result<CaseView> {
    require(actor, Action::AnswerReferral)?;
    require(actor, Action::CreateCase)?;
    let txn = store.db.begin_write().await?;
    let (current, direction) = load_visible(&txn, actor, id).await?;
    let status = status_of(&current)?;
    if direction != Direction::Incoming {
        return Err(Error::InvalidState(format!(
            "the referral is `{status}`; only the receiving agency may open a case from it"
        )));
    }
    if status != ReferralStatus::Accepted {
        return Err(Error::InvalidState(format!(
            "the referral is `{status}`; a case can be opened only from an `accepted` referral"
        )));
    }
    if current.anonymous {
        return Err(Error::InvalidState(format!(
            "the referral is `{status}` but anonymous: there is no person to link to a case"
        )));
    }
    if current.revoked_at.is_some() {
        return Err(Error::InvalidState(format!(
            "the referral is `{status}` but the sending agency revoked the access it granted"
        )));
    }
    if current.opened_case_id.is_some() {
        return Err(Error::InvalidState(format!(
            "the referral is `{status}` and a case was already opened from it"
        )));
    }
    check_version(&current, version)?;
    let created = cases::insert(&txn, store, actor, input).await?;
    let now = now();
    case_party::Entity::insert(case_party::ActiveModel {
        id: Set(Uuid::now_v7()),
        case_id: Set(created.id),
        person_id: Set(current.person_id),
        role: Set(PartyRole::Victim.as_str().to_owned()),
        details: Set(Details(Default::default())),
        added_by: Set(actor.user_id),
        added_by_agency_id: Set(actor.agency_id),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await?;
    let changes = referral::ActiveModel {
        opened_case_id: Set(Some(created.id)),
        ..Default::default()
    };
    let updated = save(&txn, &current, changes, now).await?;
    let events = [
        (
            actor.audit(),
            AuditEvent::new("case.party_add", "case", Some(created.id))
                .with("person", Detail::Id(current.person_id))
                .with("role", Detail::Code(PartyRole::Victim.as_str())),
        ),
        (
            actor.audit(),
            AuditEvent::new("referral.open_case", "referral", Some(id))
                .with("case", Detail::Id(created.id))
                .with("version", Detail::Count(updated.version)),
        ),
    ];
    audit::append(&txn, &events).await?;
    let parties = cases::visible_parties(&txn, actor, created.id).await?;
    let owner = agencies::codes(&txn, [actor.agency_id]).await?;
    txn.commit().await?;
    let owner = owner.get(&actor.agency_id).cloned().unwrap_or_default();
    Ok(CaseView::build(
        created,
        owner,
        CaseAccess::Owner,
        actor.role,
        parties,
    ))
}
