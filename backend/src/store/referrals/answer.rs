//! The receiving agency's steps: accept (granting what the consent allows), decline (with a
//! reason, granting nothing) and close (after acceptance).

use chrono::{DateTime, Utc};
use korgon_domain::{ConsentScope, ReferralStatus};
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::load::check_step;
use super::step::{Step, status_change, take};
use super::view::{Direction, ReferralView};
use crate::access::scope::GrantLevel;
use crate::access::{Action, Actor};
use crate::audit::Detail;
use crate::entity::{case, case_grant, person_grant, referral};
use crate::error::Result;
use crate::store::Store;
use crate::store::grants::NewGrant;

/// The rows of the grants an accepted referral creates: the person at the consent's level
/// and, when a case is attached that the receiver does not own (`case_owner`), the case to
/// read. An anonymous referral grants nothing. `next_id` gives each row its id.
pub fn grant_rows(
    model: &referral::Model,
    case_owner: Option<Uuid>,
    granted_by: Uuid,
    at: DateTime<Utc>,
    mut next_id: impl FnMut() -> Uuid,
) -> (
    Option<person_grant::ActiveModel>,
    Option<case_grant::ActiveModel>,
) {
    if model.anonymous {
        return (None, None);
    }
    let level = match model
        .consent_scope
        .as_deref()
        .and_then(|s| s.parse::<ConsentScope>().ok())
    {
        Some(ConsentScope::Full) => GrantLevel::Full,
        _ => GrantLevel::Read,
    };
    let mut grant = |level| NewGrant {
        id: next_id(),
        agency_id: model.to_agency_id,
        level,
        origin: "referral",
        origin_id: Some(model.id),
        granted_by,
        at,
    };
    let person = grant(level).on_person(model.person_id);
    let case = model
        .case_id
        .filter(|_| case_owner != Some(model.to_agency_id))
        .map(|case_id| grant(GrantLevel::Read).on_case(case_id));
    (Some(person), case)
}

/// Stores the grants of an accepted referral; returns their ids.
async fn grant<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    model: &referral::Model,
    now: DateTime<Utc>,
) -> Result<Vec<Uuid>> {
    let case_owner = match model.case_id {
        Some(case_id) => case::Entity::find_by_id(case_id)
            .one(txn)
            .await?
            .map(|c| c.owner_agency_id),
        None => None,
    };
    let mut granted = Vec::new();
    let (person, case) = grant_rows(model, case_owner, actor.user_id, now, || {
        let id = Uuid::now_v7();
        granted.push(id);
        id
    });
    if let Some(row) = person {
        person_grant::Entity::insert(row)
            .exec_without_returning(txn)
            .await?;
    }
    if let Some(row) = case {
        case_grant::Entity::insert(row)
            .exec_without_returning(txn)
            .await?;
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
        |now| status_change(ReferralStatus::Accepted, now, actor.user_id, note),
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
        |now| status_change(ReferralStatus::Declined, now, actor.user_id, Some(reason)),
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
        |now| status_change(ReferralStatus::Closed, now, actor.user_id, note),
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
