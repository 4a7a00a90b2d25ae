//! The sending agency's steps: withdraw a submitted referral, and revoke the access an
//! accepted referral granted (the victim withdrew consent). Revocation sets `revoked_at` on
//! the grants; scope is computed per request, so it takes effect on the receiver's next
//! request.

use chrono::{DateTime, Utc};
use korgon_domain::ReferralStatus;
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::load::check_step;
use super::step::{Step, status_change, take};
use super::view::{Direction, ReferralView, status_of};
use crate::access::{Action, Actor};
use crate::audit::Detail;
use crate::entity::{case_grant, person_grant, referral};
use crate::error::{Error, Result};
use crate::store::Store;

/// Withdraws a submitted referral (sending agency).
#[tracing::instrument(skip_all, fields(user = %actor.user_id, referral = %id))]
pub async fn withdraw(
    store: &Store,
    actor: &Actor,
    id: Uuid,
    version: Option<i64>,
    note: Option<String>,
    overdue_days: u32,
) -> Result<ReferralView> {
    let step = Step {
        permission: Action::SubmitReferral,
        event: "referral.withdraw",
    };
    take(
        store,
        actor,
        id,
        version,
        overdue_days,
        step,
        |current, direction| {
            check_step(
                current,
                direction,
                Direction::Outgoing,
                ReferralStatus::Withdrawn,
                "withdraw",
            )
            .map(|_| ())
        },
        |now| status_change(ReferralStatus::Withdrawn, now, actor.user_id, note),
        async |_, _, _| Ok(Vec::new()),
    )
    .await
}

/// Revokes the live grants that referral `id` created; returns their ids.
async fn revoke_grants<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Vec<Uuid>> {
    let person_grants: Vec<Uuid> = person_grant::Entity::find()
        .select_only()
        .column(person_grant::Column::Id)
        .filter(person_grant::Column::Origin.eq("referral"))
        .filter(person_grant::Column::OriginId.eq(id))
        .filter(person_grant::Column::RevokedAt.is_null())
        .into_tuple()
        .all(txn)
        .await?;
    if !person_grants.is_empty() {
        person_grant::Entity::update_many()
            .col_expr(person_grant::Column::RevokedAt, Expr::value(now))
            .col_expr(person_grant::Column::RevokedBy, Expr::value(actor.user_id))
            .col_expr(
                person_grant::Column::Version,
                Expr::col(person_grant::Column::Version).add(1),
            )
            .filter(person_grant::Column::Id.is_in(person_grants.clone()))
            .exec(txn)
            .await?;
    }
    let case_grants: Vec<Uuid> = case_grant::Entity::find()
        .select_only()
        .column(case_grant::Column::Id)
        .filter(case_grant::Column::Origin.eq("referral"))
        .filter(case_grant::Column::OriginId.eq(id))
        .filter(case_grant::Column::RevokedAt.is_null())
        .into_tuple()
        .all(txn)
        .await?;
    if !case_grants.is_empty() {
        case_grant::Entity::update_many()
            .col_expr(case_grant::Column::RevokedAt, Expr::value(now))
            .col_expr(case_grant::Column::RevokedBy, Expr::value(actor.user_id))
            .col_expr(
                case_grant::Column::Version,
                Expr::col(case_grant::Column::Version).add(1),
            )
            .filter(case_grant::Column::Id.is_in(case_grants.clone()))
            .exec(txn)
            .await?;
    }
    Ok(person_grants.into_iter().chain(case_grants).collect())
}

/// Only the sender revokes, only what an accepted, non-anonymous referral granted, and once.
fn sender_may_revoke(current: &referral::Model, direction: Direction) -> Result<()> {
    let status = status_of(current)?;
    if direction != Direction::Outgoing {
        return Err(Error::InvalidState(format!(
            "the referral is `{status}`; only the sending agency may revoke the access it granted"
        )));
    }
    if !status.was_accepted() {
        return Err(Error::InvalidState(format!(
            "the referral is `{status}`; only an accepted referral granted access that can be revoked"
        )));
    }
    if current.anonymous {
        return Err(Error::InvalidState(format!(
            "the referral is `{status}` but anonymous: it granted no access"
        )));
    }
    if current.revoked_at.is_some() {
        return Err(Error::InvalidState(format!(
            "the referral is `{status}` and the access it granted is already revoked"
        )));
    }
    Ok(())
}

/// Revokes the access an accepted referral granted (sending agency): the receiver loses the
/// person and the attached case on its next request.
#[tracing::instrument(skip_all, fields(user = %actor.user_id, referral = %id))]
pub async fn revoke(
    store: &Store,
    actor: &Actor,
    id: Uuid,
    version: Option<i64>,
    note: Option<String>,
    overdue_days: u32,
) -> Result<ReferralView> {
    let step = Step {
        permission: Action::SubmitReferral,
        event: "referral.revoke",
    };
    take(
        store,
        actor,
        id,
        version,
        overdue_days,
        step,
        sender_may_revoke,
        |now| referral::ActiveModel {
            revoked_at: Set(Some(now)),
            revoked_by: Set(Some(actor.user_id)),
            revoke_note: Set(note),
            ..Default::default()
        },
        async |txn, _, now| {
            let grants = revoke_grants(txn, actor, id, now).await?;
            Ok(vec![("grants", Detail::Ids(grants))])
        },
    )
    .await
}
