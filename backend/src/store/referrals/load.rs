//! Finding a referral in the actor's scope, and the rules every status step shares: which
//! side may take it, from which state, with which version.

use chrono::{DateTime, Utc};
use korgon_domain::ReferralStatus;
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::view::{AgencyCodes, Direction, ReferralView, is_overdue, status_of};
use crate::access::Actor;
use crate::entity::referral;
use crate::error::{Error, Result};
use crate::store::agencies;

/// The referral and the actor's side of it; `NotFound` when missing or when the actor's agency
/// neither sent nor received it.
pub async fn load_visible<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: Uuid,
) -> Result<(referral::Model, Direction)> {
    let model = referral::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(Error::NotFound("referral"))?;
    let direction = if model.from_agency_id == actor.agency_id {
        Direction::Outgoing
    } else if model.to_agency_id == actor.agency_id {
        Direction::Incoming
    } else {
        return Err(Error::NotFound("referral"));
    };
    Ok((model, direction))
}

/// Who takes a step.
fn side_name(direction: Direction) -> &'static str {
    match direction {
        Direction::Incoming => "receiving",
        Direction::Outgoing => "sending",
    }
}

/// Checks that the actor's side may take the step `verb` to `next`, from the current status;
/// the 409 names the current status. Returns the current status.
pub fn check_step(
    model: &referral::Model,
    direction: Direction,
    needed: Direction,
    next: ReferralStatus,
    verb: &str,
) -> Result<ReferralStatus> {
    let current = status_of(model)?;
    if direction != needed {
        return Err(Error::InvalidState(format!(
            "the referral is `{current}`; only the {} agency may {verb} it",
            side_name(needed)
        )));
    }
    if !current.may_become(next) {
        let from = match next {
            ReferralStatus::Closed => ReferralStatus::Accepted,
            _ => ReferralStatus::Submitted,
        };
        return Err(Error::InvalidState(format!(
            "the referral is `{current}`; only a `{from}` referral can be {}",
            next.as_str()
        )));
    }
    Ok(current)
}

/// Refuses a stale version sent by the client.
pub fn check_version(model: &referral::Model, version: Option<i64>) -> Result<()> {
    match version {
        Some(v) if v != model.version => Err(Error::VersionConflict {
            object: "referral",
            current: model.version,
        }),
        _ => Ok(()),
    }
}

/// Writes `changes` (an active model built from `current`) with the next version, unless
/// someone else changed the row meanwhile.
pub async fn save<C: ConnectionTrait>(
    txn: &C,
    current: &referral::Model,
    mut changes: referral::ActiveModel,
    now: DateTime<Utc>,
) -> Result<referral::Model> {
    changes.version = Set(current.version + 1);
    changes.updated_at = Set(now);
    let result = referral::Entity::update_many()
        .set(changes)
        .filter(referral::Column::Id.eq(current.id))
        .filter(referral::Column::Version.eq(current.version))
        .exec(txn)
        .await?;
    if result.rows_affected == 0 {
        return Err(Error::VersionConflict {
            object: "referral",
            current: current.version + 1,
        });
    }
    referral::Entity::find_by_id(current.id)
        .one(txn)
        .await?
        .ok_or(Error::NotFound("referral"))
}

/// The view of one referral from `direction`, with its agencies' codes.
pub async fn view<C: ConnectionTrait>(
    conn: &C,
    model: referral::Model,
    direction: Direction,
    now: DateTime<Utc>,
    overdue_days: u32,
) -> Result<ReferralView> {
    let codes = agencies::codes(conn, [model.from_agency_id, model.to_agency_id]).await?;
    let codes = AgencyCodes {
        from: codes
            .get(&model.from_agency_id)
            .cloned()
            .unwrap_or_default(),
        to: codes.get(&model.to_agency_id).cloned().unwrap_or_default(),
    };
    let overdue = is_overdue(&model, now, overdue_days);
    Ok(ReferralView::build(model, direction, codes, overdue))
}
