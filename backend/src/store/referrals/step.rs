//! One step in a referral's life, in one transaction: the role may attempt it, the referral is
//! in scope, the step is allowed from its status (409 naming the status otherwise), the
//! version is current; then the row changes, the step's effects happen (grants given or
//! revoked), and one audit event records it with the counterpart agency, the effects' ids and
//! the new version.

use chrono::{DateTime, Utc};
use korgon_domain::ReferralStatus;
use sea_orm::ActiveValue::Set;
use sea_orm::DatabaseTransaction;
use uuid::Uuid;

use super::load::{check_version, load_visible, save, view};
use super::view::{Direction, ReferralView};
use crate::access::{Action, Actor, require};
use crate::audit::{self, AuditEvent, Detail};
use crate::entity::referral;
use crate::error::Result;
use crate::store::{Store, now};

/// The columns a status step sets: the new status, and who took it when with what note —
/// accept and decline fill the response, withdraw and close their own columns. The API's
/// steps and the seeder's replayed histories both use it.
pub fn status_change(
    next: ReferralStatus,
    at: DateTime<Utc>,
    by: Uuid,
    note: Option<String>,
) -> referral::ActiveModel {
    let mut change = referral::ActiveModel {
        status: Set(next.as_str().to_owned()),
        ..Default::default()
    };
    match next {
        ReferralStatus::Accepted | ReferralStatus::Declined => {
            change.responded_at = Set(Some(at));
            change.responded_by = Set(Some(by));
            change.response_note = Set(note);
        }
        ReferralStatus::Withdrawn => {
            change.withdrawn_at = Set(Some(at));
            change.withdrawn_by = Set(Some(by));
            change.withdraw_note = Set(note);
        }
        ReferralStatus::Closed => {
            change.closed_at = Set(Some(at));
            change.closed_by = Set(Some(by));
            change.close_note = Set(note);
        }
        ReferralStatus::Submitted => {}
    }
    change
}

/// Who may attempt a step, and the audit action that records it.
pub(super) struct Step {
    /// The role capability the step needs.
    pub permission: Action,
    /// `referral.accept`, …
    pub event: &'static str,
}

/// Takes `step` on referral `id`: `allowed` checks it against the stored referral and the
/// actor's side, `changes` gives the columns it sets, `effect` does what else it does in the
/// same transaction and returns the details it adds to the audit event.
#[allow(clippy::too_many_arguments)]
pub(super) async fn take(
    store: &Store,
    actor: &Actor,
    id: Uuid,
    version: Option<i64>,
    overdue_days: u32,
    step: Step,
    allowed: impl FnOnce(&referral::Model, Direction) -> Result<()>,
    changes: impl FnOnce(DateTime<Utc>) -> referral::ActiveModel,
    effect: impl AsyncFnOnce(
        &DatabaseTransaction,
        &referral::Model,
        DateTime<Utc>,
    ) -> Result<Vec<(&'static str, Detail)>>,
) -> Result<ReferralView> {
    require(actor, step.permission)?;
    let txn = store.db.begin_write().await?;
    let (current, direction) = load_visible(&txn, actor, id).await?;
    allowed(&current, direction)?;
    check_version(&current, version)?;
    let now = now();
    let updated = save(&txn, &current, changes(now), now).await?;
    let details = effect(&txn, &updated, now).await?;
    let mut event = match direction {
        Direction::Incoming => AuditEvent::new(step.event, "referral", Some(id))
            .with("from_agency", Detail::Id(updated.from_agency_id)),
        Direction::Outgoing => AuditEvent::new(step.event, "referral", Some(id))
            .with("to_agency", Detail::Id(updated.to_agency_id)),
    };
    for (key, value) in details {
        event = event.with(key, value);
    }
    let event = event.with("version", Detail::Count(updated.version));
    audit::append(&txn, &[(actor.audit(), event)]).await?;
    let view = view(&txn, updated, direction, now, overdue_days).await?;
    txn.commit().await?;
    Ok(view)
}
