//! The receiving agency's steps: accept (granting what the consent allows), decline (with a
//! reason, granting nothing) and close (after acceptance).

use korgon_domain::{ConsentScope, ReferralStatus};
use sea_orm::ActiveValue::Set;
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::load::check_step;
use super::step::{Step, take};
use super::view::{Direction, ReferralView};
use crate::access::scope::GrantLevel;
use crate::access::{Action, Actor};
use crate::audit::Detail;
use crate::entity::{case, case_grant, person_grant, referral};
use crate::error::Result;
use crate::store::Store;

/// The grants an accepted referral creates: the person at the consent's level and, when a
/// case is attached (and the receiver does not own it), the case to read. An anonymous
/// referral grants nothing.
async fn grant<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    model: &referral::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<Uuid>> {
    if model.anonymous {
        return Ok(Vec::new());
    }
    let mut granted = Vec::new();
    let level = match model
        .consent_scope
        .as_deref()
        .and_then(|s| s.parse::<ConsentScope>().ok())
    {
        Some(ConsentScope::Full) => GrantLevel::Full,
        _ => GrantLevel::Read,
    };
    let person_grant_id = Uuid::now_v7();
    person_grant::Entity::insert(person_grant::ActiveModel {
        id: Set(person_grant_id),
        person_id: Set(model.person_id),
        agency_id: Set(model.to_agency_id),
        level: Set(level.as_str().to_owned()),
        origin: Set("referral".to_owned()),
        origin_id: Set(Some(model.id)),
        granted_by: Set(actor.user_id),
        created_at: Set(now),
        revoked_at: Set(None),
        revoked_by: Set(None),
        version: Set(1),
    })
    .exec_without_returning(txn)
    .await?;
    granted.push(person_grant_id);
    if let Some(case_id) = model.case_id {
        let owner = case::Entity::find_by_id(case_id)
            .one(txn)
            .await?
            .map(|c| c.owner_agency_id);
        if owner != Some(model.to_agency_id) {
            let case_grant_id = Uuid::now_v7();
            case_grant::Entity::insert(case_grant::ActiveModel {
                id: Set(case_grant_id),
                case_id: Set(case_id),
                agency_id: Set(model.to_agency_id),
                level: Set(GrantLevel::Read.as_str().to_owned()),
                origin: Set("referral".to_owned()),
                origin_id: Set(Some(model.id)),
                granted_by: Set(actor.user_id),
                created_at: Set(now),
                revoked_at: Set(None),
                revoked_by: Set(None),
                version: Set(1),
            })
            .exec_without_returning(txn)
            .await?;
            granted.push(case_grant_id);
        }
    }
    Ok(granted)
}

/// Accepts a submitted referral (receiving agency).
#[tracing::instrument(skip_all, fields(user = %actor.user_id, referral = %id))]
pub async fn accept(
    store: &Store,
    actor: &Actor,
    id: Uuid,
    version: Option<i64>,
    note: Option<String>,
    overdue_days: u32,
) -> Result<ReferralView> {
    let step = Step {
        permission: Action::AnswerReferral,
        event: "referral.accept",
    };
    take(
        store,
        actor,
        id,
        version,
        overdue_days,
        step,
        |current, direction| receiver_may(current, direction, ReferralStatus::Accepted, "accept"),
        |now| referral::ActiveModel {
            status: Set(ReferralStatus::Accepted.as_str().to_owned()),
            responded_at: Set(Some(now)),
            responded_by: Set(Some(actor.user_id)),
            response_note: Set(note),
            ..Default::default()
        },
        async |txn, updated, now| {
            let grants = grant(txn, actor, updated, now).await?;
            Ok(vec![
                ("grants", Detail::Ids(grants)),
                ("anonymous", Detail::Flag(updated.anonymous)),
            ])
        },
    )
    .await
}

/// Declines a submitted referral with a reason (receiving agency); nothing is granted.
#[tracing::instrument(skip_all, fields(user = %actor.user_id, referral = %id))]
pub async fn decline(
    store: &Store,
    actor: &Actor,
    id: Uuid,
    version: Option<i64>,
    reason: String,
    overdue_days: u32,
) -> Result<ReferralView> {
    let step = Step {
        permission: Action::AnswerReferral,
        event: "referral.decline",
    };
    take(
        store,
        actor,
        id,
        version,
        overdue_days,
        step,
        |current, direction| receiver_may(current, direction, ReferralStatus::Declined, "decline"),
        |now| referral::ActiveModel {
            status: Set(ReferralStatus::Declined.as_str().to_owned()),
            responded_at: Set(Some(now)),
            responded_by: Set(Some(actor.user_id)),
            response_note: Set(Some(reason)),
            ..Default::default()
        },
        async |_, _, _| Ok(Vec::new()),
    )
    .await
}

/// Closes an accepted referral (receiving agency); the access it granted stays until the
/// sender revokes it.
#[tracing::instrument(skip_all, fields(user = %actor.user_id, referral = %id))]
pub async fn close(
    store: &Store,
    actor: &Actor,
    id: Uuid,
    version: Option<i64>,
    note: Option<String>,
    overdue_days: u32,
) -> Result<ReferralView> {
    let step = Step {
        permission: Action::AnswerReferral,
        event: "referral.close",
    };
    take(
        store,
        actor,
        id,
        version,
        overdue_days,
        step,
        |current, direction| receiver_may(current, direction, ReferralStatus::Closed, "close"),
        |now| referral::ActiveModel {
            status: Set(ReferralStatus::Closed.as_str().to_owned()),
            closed_at: Set(Some(now)),
            closed_by: Set(Some(actor.user_id)),
            close_note: Set(note),
            ..Default::default()
        },
        async |_, _, _| Ok(Vec::new()),
    )
    .await
}

/// The receiving agency's step `verb` to `next` is allowed from the current status.
fn receiver_may(
    current: &referral::Model,
    direction: Direction,
    next: ReferralStatus,
    verb: &str,
) -> Result<()> {
    check_step(current, direction, Direction::Incoming, next, verb).map(|_| ())
}
