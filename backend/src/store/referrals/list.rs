//! The inboxes: the referrals an agency received or sent, newest first, with counts per status
//! and of the overdue ones (submitted and unanswered for longer than the configured days).

use korgon_domain::ReferralStatus;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::view::{
    AgencyCodes, Direction, ReferralCounts, ReferralInbox, ReferralView, cutoff, is_overdue,
};
use crate::access::{Action, Actor, require};
use crate::audit::{AuditEvent, Detail};
use crate::entity::referral;
use crate::error::Result;
use crate::store::page::{Page, PageRequest};
use crate::store::{Store, agencies, now};

/// Filters of `GET /api/v1/referrals`.
#[derive(Debug, Clone, Default)]
pub struct ReferralFilter {
    /// `incoming`, `outgoing`, or both when absent.
    pub direction: Option<Direction>,
    /// Only referrals in this status.
    pub status: Option<ReferralStatus>,
    /// Only overdue referrals (`true`) or only the others (`false`).
    pub overdue: Option<bool>,
}

/// The referrals of the actor's agency in `direction`.
fn scope(actor: &Actor, direction: Option<Direction>) -> Condition {
    match direction {
        Some(Direction::Incoming) => {
            Condition::all().add(referral::Column::ToAgencyId.eq(actor.agency_id))
        }
        Some(Direction::Outgoing) => {
            Condition::all().add(referral::Column::FromAgencyId.eq(actor.agency_id))
        }
        None => Condition::any()
            .add(referral::Column::ToAgencyId.eq(actor.agency_id))
            .add(referral::Column::FromAgencyId.eq(actor.agency_id)),
    }
}

/// Overdue: submitted before the cutoff and still unanswered.
fn overdue_condition(cutoff: chrono::DateTime<chrono::Utc>) -> Condition {
    Condition::all()
        .add(referral::Column::Status.eq(ReferralStatus::Submitted.as_str()))
        .add(referral::Column::SubmittedAt.lt(cutoff))
}

/// One page of the actor's inbox (or outbox), with the counts of the whole direction. The
/// list is audited with the ids it shows.
#[tracing::instrument(skip_all, fields(user = %actor.user_id))]
pub async fn list(
    store: &Store,
    actor: &Actor,
    filter: &ReferralFilter,
    page: PageRequest,
    overdue_days: u32,
) -> Result<ReferralInbox> {
    require(actor, Action::ReadReferrals)?;
    let conn = &store.db.reader;
    let now = now();
    let cutoff = cutoff(now, overdue_days);
    let mut query = referral::Entity::find().filter(scope(actor, filter.direction));
    if let Some(status) = filter.status {
        query = query.filter(referral::Column::Status.eq(status.as_str()));
    }
    match filter.overdue {
        Some(true) => query = query.filter(overdue_condition(cutoff)),
        Some(false) => query = query.filter(overdue_condition(cutoff).not()),
        None => {}
    }
    if let Some(after) = page.after {
        query = query.filter(referral::Column::Id.lt(after));
    }
    let rows = query
        .order_by_desc(referral::Column::Id)
        .limit(page.limit + 1)
        .all(conn)
        .await?;
    let rows = Page::from_fetched(rows, page.limit, |r| r.id);

    let by_status: Vec<(String, i64)> = referral::Entity::find()
        .select_only()
        .column(referral::Column::Status)
        .column_as(Expr::col(referral::Column::Id).count(), "n")
        .filter(scope(actor, filter.direction))
        .group_by(referral::Column::Status)
        .into_tuple()
        .all(conn)
        .await?;
    let mut counts = ReferralCounts::default();
    for (status, n) in by_status {
        match status.parse::<ReferralStatus>() {
            Ok(ReferralStatus::Submitted) => counts.submitted = n,
            Ok(ReferralStatus::Accepted) => counts.accepted = n,
            Ok(ReferralStatus::Declined) => counts.declined = n,
            Ok(ReferralStatus::Withdrawn) => counts.withdrawn = n,
            Ok(ReferralStatus::Closed) => counts.closed = n,
            Err(_) => {}
        }
    }
    counts.overdue = referral::Entity::find()
        .filter(scope(actor, filter.direction))
        .filter(overdue_condition(cutoff))
        .count(conn)
        .await? as i64;

    let codes = agencies::codes(
        conn,
        rows.items
            .iter()
            .flat_map(|r| [r.from_agency_id, r.to_agency_id]),
    )
    .await?;
    let items: Vec<ReferralView> = rows
        .items
        .into_iter()
        .map(|r| {
            let direction = if r.from_agency_id == actor.agency_id {
                Direction::Outgoing
            } else {
                Direction::Incoming
            };
            let agency_codes = AgencyCodes {
                from: codes.get(&r.from_agency_id).cloned().unwrap_or_default(),
                to: codes.get(&r.to_agency_id).cloned().unwrap_or_default(),
            };
            let overdue = is_overdue(&r, now, overdue_days);
            ReferralView::build(r, direction, agency_codes, overdue)
        })
        .collect();
    let event = AuditEvent::new("referral.list", "referral", None)
        .with("count", Detail::Count(items.len() as i64))
        .with(
            "referrals",
            Detail::Ids(items.iter().map(|r| r.id).collect()),
        )
        .with(
            "persons",
            Detail::Ids(items.iter().filter_map(|r| r.person_id).collect()),
        );
    store.audit.record(actor.audit(), vec![event]).await?;
    Ok(ReferralInbox {
        items,
        next_cursor: rows.next_cursor,
        counts,
    })
}
